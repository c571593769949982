/* govreport_sum(): totals of seed reports of both templates and of
 * hand-built ones; nulls are counted and reported, never read as 0. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "govreport.h"
#include "testutil.h"

#define SEED_2023 "seeds/000_60b25c9977688c27.txt" /* "2021", 2023 */
#define SEED_2024 "seeds/001_ebc51afa85553e39.txt" /* "2021", 2024 */
#define SEED_2019_A "seeds/002_c3fcc36b9cf6fff1.txt" /* "2019", 2020 */
#define SEED_2021 "seeds/003_64f6c83b9150245c.txt" /* "2021", 2021 */
#define SEED_2019_B "seeds/004_76d98d904843aa38.txt" /* "2019", 2020 */

static struct govreport *
parse_seed(const char *name)
{
	char *path = test_data_path(name);
	size_t len;
	char *text = test_read_file(path, &len);
	struct govreport *r = NULL;

	ck_assert_int_eq(govreport_parse(text, len, 0, &r), GOVREPORT_OK);
	free(text);
	free(path);
	return r;
}

static int64_t
value_of(const struct govreport *r, const char *path,
	 enum govreport_cell_state *state)
{
	int64_t v = -1;

	ck_assert_int_eq(govreport_get(r, path, &v, state), GOVREPORT_OK);
	return v;
}

/* The index of the SUM_INCOMPLETE diagnostic about a cell, or -1. */
static long
find_incomplete(const struct govreport *r, const char *section,
		const char *row, const char *column)
{
	for (size_t i = 0; i < govreport_diag_count(r); i++) {
		if (strcmp(govreport_diag_code(r, i), "SUM_INCOMPLETE") == 0 &&
		    strcmp(govreport_diag_section(r, i), section) == 0 &&
		    strcmp(govreport_diag_row(r, i), row) == 0 &&
		    strcmp(govreport_diag_column(r, i), column) == 0)
			return (long)i;
	}
	return -1;
}

START_TEST(sum_refuses_misuse)
{
	struct govreport *a, *total = (struct govreport *)&total;
	const struct govreport *list[2];

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2024, &a), GOVREPORT_OK);
	list[0] = a;
	list[1] = NULL;
	ck_assert_int_eq(govreport_sum(list, 0, &total), GOVREPORT_ERR_ARGUMENT);
	ck_assert_ptr_null(total);
	ck_assert_int_eq(govreport_sum(NULL, 1, &total), GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_sum(list, 1, NULL), GOVREPORT_ERR_ARGUMENT);
	total = (struct govreport *)&total;
	ck_assert_int_eq(govreport_sum(list, 2, &total), GOVREPORT_ERR_ARGUMENT);
	ck_assert_ptr_null(total);
	govreport_free(a);
}
END_TEST

START_TEST(sum_refuses_other_template_or_year)
{
	struct govreport *r19 = parse_seed(SEED_2019_A);
	struct govreport *r24 = parse_seed(SEED_2024);
	struct govreport *r21 = parse_seed(SEED_2021);
	struct govreport *none = NULL, *total = NULL;
	const struct govreport *list[2];
	static const char text[] = "这里没有任何表格。\n";

	list[0] = r19;
	list[1] = r24;
	ck_assert_int_eq(govreport_sum(list, 2, &total), GOVREPORT_ERR_TEMPLATE);
	ck_assert_ptr_null(total);
	/* Same template "2021", reporting years 2024 and 2021. */
	list[0] = r24;
	list[1] = r21;
	ck_assert_int_eq(govreport_sum(list, 2, &total), GOVREPORT_ERR_TEMPLATE);
	/* A report without a template has no tables to total. */
	ck_assert_int_eq(govreport_parse(text, sizeof(text) - 1, 0, &none), GOVREPORT_OK);
	ck_assert_int_eq(govreport_template(none), GOVREPORT_TEMPLATE_UNKNOWN);
	list[0] = none;
	ck_assert_int_eq(govreport_sum(list, 1, &total), GOVREPORT_ERR_TEMPLATE);
	ck_assert_ptr_null(total);
	govreport_free(none);
	govreport_free(r19);
	govreport_free(r24);
	govreport_free(r21);
}
END_TEST

/* Two real "2019" reports of 2020: every cell present, so every total is. */
START_TEST(sum_seeds_2019)
{
	struct govreport *a = parse_seed(SEED_2019_A), *b = parse_seed(SEED_2019_B);
	const struct govreport *list[] = { a, b };
	struct govreport *total = NULL;
	enum govreport_cell_state state;
	int64_t coef;
	unsigned scale;
	size_t diags_a = govreport_diag_count(a);

	ck_assert_int_eq(govreport_sum(list, 2, &total), GOVREPORT_OK);
	ck_assert_int_eq(govreport_template(total), GOVREPORT_TEMPLATE_2019);
	ck_assert_int_eq(govreport_year(total), 2020);
	/* 绿园区民政局 and 鲤城区人民政府临江街道办事处: no one organ. */
	ck_assert_ptr_null(govreport_organ(total));
	ck_assert_ptr_null(govreport_title(total));
	ck_assert_ptr_null(govreport_published(total));
	ck_assert_uint_eq(govreport_diag_count(total), 0);

	ck_assert_int_eq(value_of(total, "active_disclosure.licensing.previous_items", &state), 31);
	ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);
	ck_assert_int_eq(value_of(total, "active_disclosure.licensing.decisions", NULL), 95);
	ck_assert_int_eq(value_of(total, "active_disclosure.other_services.decisions", NULL), 3600);
	ck_assert_int_eq(value_of(total, "active_disclosure.other_services.change", NULL), 95);
	ck_assert_int_eq(value_of(total, "active_disclosure.penalty.previous_items", NULL), 17);
	ck_assert_int_eq(value_of(total, "active_disclosure.procurement.projects", NULL), 15);
	ck_assert_int_eq(govreport_get_decimal(total, "active_disclosure.procurement.amount",
					       &coef, &scale, &state), GOVREPORT_OK);
	ck_assert_int_eq(coef, 1827190);
	ck_assert_uint_eq(scale, 0);
	ck_assert_int_eq(value_of(total, "applications.new_received.total", &state), 0);
	ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);
	ck_assert_int_eq(value_of(total, "review_litigation.review.total", NULL), 0);

	/* The inputs are left as they were. */
	ck_assert_uint_eq(govreport_diag_count(a), diags_a);
	ck_assert_int_eq(value_of(a, "active_disclosure.licensing.decisions", NULL), 8);
	govreport_free(total);
	govreport_free(a);
	govreport_free(b);
}
END_TEST

/* A real "2021" report of 2023 whose 总计 column of table 三 is empty. */
START_TEST(sum_seed_2021_nulls_stay_null)
{
	struct govreport *a = parse_seed(SEED_2023), *b = parse_seed(SEED_2023);
	const struct govreport *list[] = { a, b };
	struct govreport *total = NULL;
	enum govreport_cell_state state;
	int64_t n;
	long d;

	ck_assert_int_eq(govreport_sum(list, 2, &total), GOVREPORT_OK);
	ck_assert_int_eq(govreport_template(total), GOVREPORT_TEMPLATE_2021);
	ck_assert_int_eq(govreport_year(total), 2023);
	ck_assert_str_eq(govreport_organ(total), "伊州区民政局");
	ck_assert_str_eq(govreport_published(total), "2024-01-16");
	ck_assert_int_eq(value_of(total, "active_disclosure.licensing.decisions", NULL), 136);
	ck_assert_int_eq(value_of(total, "active_disclosure.normative_documents.repealed", NULL), 6);
	ck_assert_int_eq(value_of(total, "applications.new_received.natural_person", &state), 0);
	ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);

	/* Blank in both: null in the total, never 0. */
	ck_assert_int_eq(value_of(total, "applications.new_received.total", &state), 0);
	ck_assert_int_eq(state, GOVREPORT_CELL_MISSING);
	d = find_incomplete(total, "applications", "new_received", "total");
	ck_assert_int_ge(d, 0);
	ck_assert_int_eq(govreport_diag_severity(total, (size_t)d), GOVREPORT_SEVERITY_WARNING);
	ck_assert_int_eq(govreport_diag_actual(total, (size_t)d, &n), 1);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(govreport_diag_expected(total, (size_t)d, &n), 1);
	ck_assert_int_eq(n, 0);
	ck_assert_ptr_nonnull(strstr(govreport_diag_message(total, (size_t)d, GOVREPORT_LANG_EN),
				     "no value in 2 of 2 reports"));
	/* One diagnostic per null cell: the seed has 25 of them. */
	ck_assert_uint_eq(govreport_diag_count(total), 25);
	govreport_free(total);
	govreport_free(a);
	govreport_free(b);
}
END_TEST

/* The seed of 2023 with a hand-built report of the same year. */
START_TEST(sum_seed_with_hand_built)
{
	struct govreport *seed = parse_seed(SEED_2023), *extra, *total = NULL;
	const struct govreport *list[2];
	enum govreport_cell_state state;
	int64_t n;
	long d;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2023, &extra), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set(extra, "applications.new_received.natural_person", 4),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_set(extra, "applications.new_received.total", 4), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set(extra, "active_disclosure.licensing.decisions", 2),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_null(extra, "active_disclosure.penalty.decisions",
					    GOVREPORT_CELL_DASH), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(extra, GOVREPORT_FIELD_ORGAN, "伊州区民政局"),
			 GOVREPORT_OK);
	list[0] = seed;
	list[1] = extra;
	ck_assert_int_eq(govreport_sum(list, 2, &total), GOVREPORT_OK);
	ck_assert_str_eq(govreport_organ(total), "伊州区民政局");
	/* Published only in the seed: not everyone's, so none. */
	ck_assert_ptr_null(govreport_published(total));

	ck_assert_int_eq(value_of(total, "applications.new_received.natural_person", &state), 4);
	ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);
	ck_assert_int_eq(value_of(total, "active_disclosure.licensing.decisions", NULL), 70);

	/* Blank in the seed, 4 in the other: null, and says the 4. */
	value_of(total, "applications.new_received.total", &state);
	ck_assert_int_eq(state, GOVREPORT_CELL_MISSING);
	d = find_incomplete(total, "applications", "new_received", "total");
	ck_assert_int_ge(d, 0);
	ck_assert_int_eq(govreport_diag_actual(total, (size_t)d, &n), 1);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(govreport_diag_expected(total, (size_t)d, &n), 1);
	ck_assert_int_eq(n, 4);
	ck_assert_ptr_nonnull(strstr(govreport_diag_message(total, (size_t)d, 0), "合计留空"));

	/* A dash is no 0 either: 0 in the seed, a dash in the other. */
	value_of(total, "active_disclosure.penalty.decisions", &state);
	ck_assert_int_eq(state, GOVREPORT_CELL_MISSING);
	d = find_incomplete(total, "active_disclosure", "penalty", "decisions");
	ck_assert_int_ge(d, 0);
	ck_assert_int_eq(govreport_diag_expected(total, (size_t)d, &n), 1);
	ck_assert_int_eq(n, 0);
	govreport_free(total);
	govreport_free(extra);
	govreport_free(seed);
}
END_TEST

START_TEST(sum_money_is_exact)
{
	struct govreport *a, *b, *c, *total = NULL;
	const struct govreport *list[3];
	int64_t coef;
	unsigned scale;
	char *json = NULL;
	long d;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2022, &a), GOVREPORT_OK);
	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2022, &b), GOVREPORT_OK);
	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2022, &c), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_decimal(a, "active_disclosure.fees.amount", 15, 1), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_decimal(b, "active_disclosure.fees.amount", 225, 2), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_decimal(c, "active_disclosure.fees.amount", 326815, 5), GOVREPORT_OK);
	list[0] = a;
	list[1] = b;
	list[2] = c;
	/* 1.5 + 2.25 = 3.75, at two places. */
	ck_assert_int_eq(govreport_sum(list, 2, &total), GOVREPORT_OK);
	ck_assert_int_eq(govreport_get_decimal(total, "active_disclosure.fees.amount",
					       &coef, &scale, NULL), GOVREPORT_OK);
	ck_assert_int_eq(coef, 375);
	ck_assert_uint_eq(scale, 2);
	govreport_free(total);
	/* + 3.26815 = 7.01815, five places, no binary floating point. */
	ck_assert_int_eq(govreport_sum(list, 3, &total), GOVREPORT_OK);
	ck_assert_int_eq(govreport_get_decimal(total, "active_disclosure.fees.amount",
					       &coef, &scale, NULL), GOVREPORT_OK);
	ck_assert_int_eq(coef, 701815);
	ck_assert_uint_eq(scale, 5);
	ck_assert_int_eq(govreport_to_json(total, 0, &json, NULL), GOVREPORT_OK);
	ck_assert_ptr_nonnull(strstr(json, "\"fees\":{\"amount\":7.01815}"));
	govreport_string_free(json);
	govreport_free(total);

	/* A null money cell: the message gives the partial sum exactly. */
	ck_assert_int_eq(govreport_set_null(c, "active_disclosure.fees.amount",
					    GOVREPORT_CELL_BLANK), GOVREPORT_OK);
	ck_assert_int_eq(govreport_sum(list, 3, &total), GOVREPORT_OK);
	d = find_incomplete(total, "active_disclosure", "fees", "amount");
	ck_assert_int_ge(d, 0);
	ck_assert_int_eq(govreport_diag_expected(total, (size_t)d, &coef), 1);
	ck_assert_int_eq(coef, 3);
	ck_assert_ptr_nonnull(strstr(govreport_diag_message(total, (size_t)d, GOVREPORT_LANG_EN),
				     "add up to 3.75"));
	govreport_free(total);
	govreport_free(a);
	govreport_free(b);
	govreport_free(c);
}
END_TEST

START_TEST(sum_overflow_is_range)
{
	struct govreport *a, *total = (struct govreport *)&total;
	const struct govreport *list[2];

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2019, 2020, &a), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set(a, "review_litigation.review.total", INT64_MAX),
			 GOVREPORT_OK);
	list[0] = list[1] = a;
	ck_assert_int_eq(govreport_sum(list, 2, &total), GOVREPORT_ERR_RANGE);
	ck_assert_ptr_null(total);
	govreport_free(a);
}
END_TEST

START_TEST(sum_inferred_and_absent_tables)
{
	struct govreport *a, *b = NULL, *total = NULL;
	const struct govreport *list[2];
	enum govreport_cell_state state;
	char *json = NULL, *cut;
	size_t len;
	int64_t n;
	long d;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2019, 2019, &a), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set(a, "review_litigation.review.upheld", 1), GOVREPORT_OK);
	/* b: a's JSON with review_litigation null and one inferred cell. */
	ck_assert_int_eq(govreport_to_json(a, GOVREPORT_JSON_DETAIL, &json, &len), GOVREPORT_OK);
	cut = strstr(json, "\"review_litigation\":");
	ck_assert_ptr_nonnull(cut);
	strcpy(cut, "\"review_litigation\":null}");
	ck_assert_int_eq(govreport_from_json(json, strlen(json), 0, &b, NULL), GOVREPORT_OK);
	govreport_string_free(json);
	ck_assert_int_eq(govreport_has_section(b, GOVREPORT_SECTION_REVIEW_LITIGATION), 0);
	ck_assert_int_eq(govreport_set(a, "applications.granted.total", 2), GOVREPORT_OK);

	list[0] = a;
	list[1] = b;
	ck_assert_int_eq(govreport_sum(list, 2, &total), GOVREPORT_OK);
	/* Present in a only: present in the total, its cells null. */
	ck_assert_int_eq(govreport_has_section(total, GOVREPORT_SECTION_REVIEW_LITIGATION), 1);
	value_of(total, "review_litigation.review.upheld", &state);
	ck_assert_int_eq(state, GOVREPORT_CELL_MISSING);
	d = find_incomplete(total, "review_litigation", "review", "upheld");
	ck_assert_int_ge(d, 0);
	ck_assert_int_eq(govreport_diag_expected(total, (size_t)d, &n), 1);
	ck_assert_int_eq(n, 1);
	/* granted.total is null in b (MISSING from its JSON). */
	value_of(total, "applications.granted.total", &state);
	ck_assert_int_eq(state, GOVREPORT_CELL_MISSING);
	govreport_free(total);

	/* Neither has table 四: the total has none either. */
	list[0] = b;
	ck_assert_int_eq(govreport_sum(list, 2, &total), GOVREPORT_OK);
	ck_assert_int_eq(govreport_has_section(total, GOVREPORT_SECTION_REVIEW_LITIGATION), 0);
	ck_assert_int_eq(govreport_has_section(total, GOVREPORT_SECTION_APPLICATIONS), 1);
	govreport_free(total);
	govreport_free(a);
	govreport_free(b);
}
END_TEST

START_TEST(sum_keeps_inferred_state)
{
	struct govreport *a, *b = NULL, *total = NULL;
	const struct govreport *list[2];
	enum govreport_cell_state state;
	static const char *const inferred =
		"\"litigation_direct\":{\"upheld\":{\"value\":3,\"state\":\"inferred\"}";
	char *json = NULL, *at, *edited;
	size_t len;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2022, &a), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set(a, "review_litigation.litigation_direct.upheld", 1),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_to_json(a, GOVREPORT_JSON_DETAIL, &json, &len), GOVREPORT_OK);
	at = strstr(json, "\"litigation_direct\":{\"upheld\":{");
	ck_assert_ptr_nonnull(at);
	/* Replace the cell object with an inferred 3. */
	edited = malloc(len + 64);
	ck_assert_ptr_nonnull(edited);
	memcpy(edited, json, (size_t)(at - json));
	strcpy(edited + (at - json), inferred);
	strcat(edited, strchr(strstr(at, "\"upheld\":{") + 10, '}') + 1);
	ck_assert_int_eq(govreport_from_json(edited, strlen(edited), 0, &b, NULL), GOVREPORT_OK);
	free(edited);
	govreport_string_free(json);

	list[0] = a;
	list[1] = b;
	ck_assert_int_eq(govreport_sum(list, 2, &total), GOVREPORT_OK);
	ck_assert_int_eq(value_of(total, "review_litigation.litigation_direct.upheld", &state), 4);
	ck_assert_int_eq(state, GOVREPORT_CELL_INFERRED);
	govreport_free(total);
	govreport_free(a);
	govreport_free(b);
}
END_TEST

/* Every allocation failing in turn ends in GOVREPORT_ERR_NOMEM, no leak. */
START_TEST(sum_allocation_failures)
{
	struct govreport *a = parse_seed(SEED_2023), *b = parse_seed(SEED_2023);
	const struct govreport *list[] = { a, b };
	struct govreport *total;
	enum govreport_status st = GOVREPORT_ERR_NOMEM;
	long n;

	for (n = 0; st == GOVREPORT_ERR_NOMEM; n++) {
		total = (struct govreport *)&total;
		gr_alloc_fail_after(n);
		st = govreport_sum(list, 2, &total);
		gr_alloc_fail_after(-1);
		if (st == GOVREPORT_ERR_NOMEM)
			ck_assert_ptr_null(total);
	}
	ck_assert_int_eq(st, GOVREPORT_OK);
	ck_assert_int_gt(n, 25); /* the report, its tables, 25 diagnostics */
	ck_assert_uint_eq(govreport_diag_count(total), 25);
	govreport_free(total);
	govreport_free(a);
	govreport_free(b);
}
END_TEST

static Suite *
sum_suite(void)
{
	Suite *s = suite_create("sum");
	TCase *tc = tcase_create("sum");

	tcase_add_test(tc, sum_refuses_misuse);
	tcase_add_test(tc, sum_refuses_other_template_or_year);
	tcase_add_test(tc, sum_seeds_2019);
	tcase_add_test(tc, sum_seed_2021_nulls_stay_null);
	tcase_add_test(tc, sum_seed_with_hand_built);
	tcase_add_test(tc, sum_money_is_exact);
	tcase_add_test(tc, sum_overflow_is_range);
	tcase_add_test(tc, sum_inferred_and_absent_tables);
	tcase_add_test(tc, sum_keeps_inferred_state);
	tcase_add_test(tc, sum_allocation_failures);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(sum_suite());
}
