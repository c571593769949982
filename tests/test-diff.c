/* govreport_diff(): differences of seed reports of both templates, of
 * hand-built ones, and their JSON. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "govreport.h"
#include "testutil.h"

static const char *const seeds[] = {
	"seeds/000_60b25c9977688c27.txt", /* "2021", 2023, 伊州区民政局 */
	"seeds/001_ebc51afa85553e39.txt", /* "2021", 2024, 锦屏县大同乡人民政府 */
	"seeds/002_c3fcc36b9cf6fff1.txt", /* "2019", 2020, 绿园区民政局 */
	"seeds/003_64f6c83b9150245c.txt", /* "2021", 2021 */
	"seeds/004_76d98d904843aa38.txt", /* "2019", 2020 */
};
#define NSEEDS (sizeof(seeds) / sizeof(seeds[0]))

static struct govreport *
parse_seed(size_t i)
{
	char *path = test_data_path(seeds[i]);
	size_t len;
	char *text = test_read_file(path, &len);
	struct govreport *r = NULL;

	ck_assert_int_eq(govreport_parse(text, len, 0, &r), GOVREPORT_OK);
	free(text);
	free(path);
	return r;
}

static int
same(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The index of the difference with this key, or -1. */
static long
find(const struct govreport_diff *d, const char *section, const char *row,
     const char *column)
{
	for (size_t i = 0; i < govreport_diff_count(d); i++)
		if (same(govreport_diff_section(d, i), section) &&
		    same(govreport_diff_row(d, i), row) &&
		    same(govreport_diff_column(d, i), column))
			return (long)i;
	return -1;
}

START_TEST(diff_refuses_misuse)
{
	struct govreport *a;
	struct govreport_diff *d = (struct govreport_diff *)&d;
	char *json = (char *)&json;
	int64_t v;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2024, &a), GOVREPORT_OK);
	ck_assert_int_eq(govreport_diff(a, NULL, &d), GOVREPORT_ERR_ARGUMENT);
	ck_assert_ptr_null(d);
	ck_assert_int_eq(govreport_diff(NULL, a, &d), GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_diff(a, a, NULL), GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_diff_json(NULL, 0, &json, NULL), GOVREPORT_ERR_ARGUMENT);
	ck_assert_ptr_null(json);

	ck_assert_int_eq(govreport_diff(a, a, &d), GOVREPORT_OK);
	ck_assert_uint_eq(govreport_diff_count(d), 0);
	ck_assert_int_eq(govreport_diff_kind(d, 0), -1);
	ck_assert_ptr_null(govreport_diff_section(d, 0));
	ck_assert_ptr_null(govreport_diff_row(d, 0));
	ck_assert_ptr_null(govreport_diff_column(d, 0));
	ck_assert_ptr_null(govreport_diff_text_a(d, 0));
	ck_assert_int_eq(govreport_diff_a(d, 0, &v, NULL, NULL), GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_diff_b(NULL, 0, &v, NULL, NULL), GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_diff_json(d, GOVREPORT_JSON_DETAIL, &json, NULL),
			 GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_diff_json(d, 0, &json, NULL), GOVREPORT_OK);
	ck_assert_str_eq(json, "{\"differences\":[],\"count\":0}");
	govreport_string_free(json);
	ck_assert_uint_eq(govreport_diff_count(NULL), 0);
	govreport_diff_free(d);
	govreport_diff_free(NULL);
	govreport_free(a);
}
END_TEST

/* A report and the report read back from its JSON do not differ: the diff
 * compares what the JSON says (blank and missing are both null). */
START_TEST(diff_seed_against_its_json)
{
	struct govreport *r = parse_seed((size_t)_i), *back = NULL;
	struct govreport_diff *d = NULL;
	char *json = NULL;
	size_t len;

	ck_assert_int_eq(govreport_to_json(r, 0, &json, &len), GOVREPORT_OK);
	ck_assert_int_eq(govreport_from_json(json, len, 0, &back, NULL), GOVREPORT_OK);
	ck_assert_int_eq(govreport_diff(r, back, &d), GOVREPORT_OK);
	ck_assert_uint_eq(govreport_diff_count(d), 0);
	govreport_diff_free(d);
	govreport_string_free(json);
	govreport_free(back);
	govreport_free(r);
}
END_TEST

/* Two real "2021" reports: 伊州区民政局 2023 against 锦屏县大同乡 2024. */
START_TEST(diff_seeds_2021)
{
	struct govreport *a = parse_seed(0), *b = parse_seed(1);
	struct govreport_diff *d = NULL;
	enum govreport_cell_state sa, sb;
	int64_t va, vb;
	unsigned scale;
	long i;

	ck_assert_int_eq(govreport_diff(a, b, &d), GOVREPORT_OK);

	/* The year first (same template): 2023 and 2024. */
	ck_assert_int_eq(govreport_diff_kind(d, 0), GOVREPORT_DIFF_YEAR);
	ck_assert_str_eq(govreport_diff_section(d, 0), "year");
	ck_assert_ptr_null(govreport_diff_row(d, 0));
	ck_assert_int_eq(govreport_diff_a(d, 0, &va, NULL, &sa), GOVREPORT_OK);
	ck_assert_int_eq(govreport_diff_b(d, 0, &vb, NULL, &sb), GOVREPORT_OK);
	ck_assert_int_eq(va, 2023);
	ck_assert_int_eq(vb, 2024);
	ck_assert_int_eq(sa, GOVREPORT_CELL_PRESENT);
	ck_assert_int_eq(find(d, "template", NULL, NULL), -1);

	i = find(d, "organ", NULL, NULL);
	ck_assert_int_eq(i, 1);
	ck_assert_int_eq(govreport_diff_kind(d, (size_t)i), GOVREPORT_DIFF_TEXT);
	ck_assert_str_eq(govreport_diff_text_a(d, (size_t)i), "伊州区民政局");
	ck_assert_str_eq(govreport_diff_text_b(d, (size_t)i), "锦屏县大同乡人民政府");
	ck_assert_int_eq(govreport_diff_a(d, (size_t)i, &va, NULL, NULL), GOVREPORT_ERR_TYPE);
	/* Published 2024-01-16 in a, none in b. */
	i = find(d, "published", NULL, NULL);
	ck_assert_int_ge(i, 0);
	ck_assert_str_eq(govreport_diff_text_a(d, (size_t)i), "2024-01-16");
	ck_assert_ptr_null(govreport_diff_text_b(d, (size_t)i));
	ck_assert_int_ge(find(d, "text", "overview", NULL), 0);

	/* 行政许可: 68 against 17. */
	i = find(d, "active_disclosure", "licensing", "decisions");
	ck_assert_int_ge(i, 0);
	ck_assert_int_eq(govreport_diff_kind(d, (size_t)i), GOVREPORT_DIFF_CELL);
	ck_assert_int_eq(govreport_diff_a(d, (size_t)i, &va, &scale, &sa), GOVREPORT_OK);
	ck_assert_int_eq(govreport_diff_b(d, (size_t)i, &vb, NULL, &sb), GOVREPORT_OK);
	ck_assert_int_eq(va, 68);
	ck_assert_uint_eq(scale, 0);
	ck_assert_int_eq(vb, 17);
	ck_assert_int_eq(sb, GOVREPORT_CELL_PRESENT);
	/* 行政规范性文件 本年废止件数: 3 against a blank cell. */
	i = find(d, "active_disclosure", "normative_documents", "repealed");
	ck_assert_int_ge(i, 0);
	govreport_diff_a(d, (size_t)i, &va, NULL, &sa);
	govreport_diff_b(d, (size_t)i, &vb, NULL, &sb);
	ck_assert_int_eq(va, 3);
	ck_assert_int_eq(sb, GOVREPORT_CELL_BLANK);
	ck_assert_int_eq(vb, 0);
	/* 规章 本年废止件数: 0 against blank. */
	ck_assert_int_ge(find(d, "active_disclosure", "rules", "repealed"), 0);
	/* 一、本年新收 总计: blank in a, 0 in b. */
	i = find(d, "applications", "new_received", "total");
	ck_assert_int_ge(i, 0);
	govreport_diff_a(d, (size_t)i, &va, NULL, &sa);
	govreport_diff_b(d, (size_t)i, &vb, NULL, &sb);
	ck_assert_int_eq(sa, GOVREPORT_CELL_BLANK);
	ck_assert_int_eq(sb, GOVREPORT_CELL_PRESENT);
	ck_assert_int_eq(vb, 0);
	/* Equal cells are not listed: 0 and 0. */
	ck_assert_int_eq(find(d, "applications", "new_received", "natural_person"), -1);
	ck_assert_int_eq(find(d, "active_disclosure", "rules", "issued"), -1);
	ck_assert_int_eq(find(d, "review_litigation", "review", "total"), -1);
	govreport_diff_free(d);
	govreport_free(a);
	govreport_free(b);
}
END_TEST

/* Two real "2019" reports of 2020. */
START_TEST(diff_seeds_2019)
{
	struct govreport *a = parse_seed(2), *b = parse_seed(4);
	struct govreport_diff *d = NULL;
	int64_t va, vb;
	char *json = NULL;
	long i;

	ck_assert_int_eq(govreport_diff(a, b, &d), GOVREPORT_OK);
	ck_assert_int_eq(find(d, "year", NULL, NULL), -1);
	ck_assert_int_eq(find(d, "organ", NULL, NULL), 0);
	i = find(d, "active_disclosure", "licensing", "previous_items");
	ck_assert_int_ge(i, 0);
	govreport_diff_a(d, (size_t)i, &va, NULL, NULL);
	govreport_diff_b(d, (size_t)i, &vb, NULL, NULL);
	ck_assert_int_eq(va, 30);
	ck_assert_int_eq(vb, 1);
	i = find(d, "active_disclosure", "procurement", "amount");
	ck_assert_int_ge(i, 0);
	govreport_diff_b(d, (size_t)i, &vb, NULL, NULL);
	ck_assert_int_eq(vb, 1827190);
	/* The cells that differ, and nothing else, in table 二. */
	{
		static const char *const want[] = {
			"licensing.previous_items", "licensing.change",
			"licensing.decisions", "other_services.previous_items",
			"other_services.change", "other_services.decisions",
			"penalty.previous_items", "penalty.change",
			"enforcement.previous_items", "procurement.projects",
			"procurement.amount",
		};
		size_t n = 0;
		for (size_t k = 0; k < govreport_diff_count(d); k++) {
			char key[96];
			if (!same(govreport_diff_section(d, k), "active_disclosure"))
				continue;
			ck_assert_uint_lt(n, sizeof(want) / sizeof(want[0]));
			snprintf(key, sizeof(key), "%s.%s", govreport_diff_row(d, k),
				 govreport_diff_column(d, k));
			ck_assert_str_eq(key, want[n]);
			n++;
		}
		ck_assert_uint_eq(n, sizeof(want) / sizeof(want[0]));
	}
	ck_assert_int_eq(govreport_diff_json(d, 0, &json, NULL), GOVREPORT_OK);
	ck_assert_ptr_nonnull(strstr(json,
		"{\"kind\":\"cell\",\"section\":\"active_disclosure\",\"row\":\"procurement\","
		"\"column\":\"amount\",\"a\":{\"value\":0,\"state\":\"present\"},"
		"\"b\":{\"value\":1827190,\"state\":\"present\"}}"));
	govreport_string_free(json);
	govreport_diff_free(d);
	govreport_free(a);
	govreport_free(b);
}
END_TEST

/* A "2021" report against a "2019" one: compared by ids. */
START_TEST(diff_across_templates)
{
	struct govreport *a = parse_seed(1), *b = parse_seed(2);
	struct govreport_diff *d = NULL;
	enum govreport_cell_state sa, sb;
	int64_t va, vb;
	long i;

	ck_assert_int_eq(govreport_diff(a, b, &d), GOVREPORT_OK);
	ck_assert_int_eq(govreport_diff_kind(d, 0), GOVREPORT_DIFF_TEMPLATE);
	ck_assert_str_eq(govreport_diff_section(d, 0), "template");
	ck_assert_str_eq(govreport_diff_text_a(d, 0), "2021");
	ck_assert_str_eq(govreport_diff_text_b(d, 0), "2019");
	govreport_diff_a(d, 0, &va, NULL, NULL);
	govreport_diff_b(d, 0, &vb, NULL, NULL);
	ck_assert_int_eq(va, GOVREPORT_TEMPLATE_2021);
	ck_assert_int_eq(vb, GOVREPORT_TEMPLATE_2019);
	/* 17 decisions against 8, by the shared ids. */
	i = find(d, "active_disclosure", "licensing", "decisions");
	ck_assert_int_ge(i, 0);
	govreport_diff_a(d, (size_t)i, &va, NULL, NULL);
	govreport_diff_b(d, (size_t)i, &vb, NULL, NULL);
	ck_assert_int_eq(va, 17);
	ck_assert_int_eq(vb, 8);
	/* A "2019"-only row with a value: missing on a's side. */
	i = find(d, "applications", "other", "total");
	ck_assert_int_ge(i, 0);
	govreport_diff_a(d, (size_t)i, &va, NULL, &sa);
	govreport_diff_b(d, (size_t)i, &vb, NULL, &sb);
	ck_assert_int_eq(sa, GOVREPORT_CELL_MISSING);
	ck_assert_int_eq(sb, GOVREPORT_CELL_PRESENT);
	ck_assert_int_eq(vb, 0);
	/* …and a "2021"-only one on b's side. */
	i = find(d, "applications", "other_misc", "total");
	ck_assert_int_ge(i, 0);
	govreport_diff_b(d, (size_t)i, NULL, NULL, &sb);
	ck_assert_int_eq(sb, GOVREPORT_CELL_MISSING);
	ck_assert_int_ge(find(d, "active_disclosure", "rules", "new_made"), 0);
	ck_assert_int_ge(find(d, "active_disclosure", "rules", "issued"), 0);
	/* Shared and equal: not listed. */
	ck_assert_int_eq(find(d, "applications", "granted", "total"), -1);
	govreport_diff_free(d);
	govreport_free(a);
	govreport_free(b);
}
END_TEST

/* Hand-built: a table only one has, money, and the JSON exactly. */
START_TEST(diff_hand_built_json)
{
	struct govreport *a, *b = NULL;
	struct govreport_diff *d = NULL;
	enum govreport_cell_state state;
	char *json = NULL, *cut;
	size_t len;
	int64_t v;
	unsigned scale;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2022, &a), GOVREPORT_OK);
	ck_assert_int_eq(govreport_to_json(a, 0, &json, &len), GOVREPORT_OK);
	cut = strstr(json, "\"review_litigation\":");
	ck_assert_ptr_nonnull(cut);
	strcpy(cut, "\"review_litigation\":null}");
	ck_assert_int_eq(govreport_from_json(json, strlen(json), 0, &b, NULL), GOVREPORT_OK);
	govreport_string_free(json);

	/* 1.5 and 1.50 are the same number. */
	ck_assert_int_eq(govreport_set_decimal(a, "active_disclosure.fees.amount", 15, 1), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_decimal(b, "active_disclosure.fees.amount", 150, 2), GOVREPORT_OK);
	ck_assert_int_eq(govreport_diff(a, b, &d), GOVREPORT_OK);
	ck_assert_uint_eq(govreport_diff_count(d), 1);
	ck_assert_int_eq(govreport_diff_kind(d, 0), GOVREPORT_DIFF_TABLE);
	ck_assert_str_eq(govreport_diff_section(d, 0), "review_litigation");
	ck_assert_ptr_null(govreport_diff_column(d, 0));
	ck_assert_int_eq(govreport_diff_a(d, 0, NULL, NULL, &state), GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);
	ck_assert_int_eq(govreport_diff_b(d, 0, NULL, NULL, &state), GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_MISSING);
	govreport_diff_free(d);

	/* 1.5 and 1.0625: exact on both sides. */
	ck_assert_int_eq(govreport_set_decimal(b, "active_disclosure.fees.amount", 10625, 4),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_null(a, "applications.granted.total", GOVREPORT_CELL_DASH),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_set(b, "applications.granted.total", 7), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_year(b, 0), GOVREPORT_OK);
	ck_assert_int_eq(govreport_diff(a, b, &d), GOVREPORT_OK);
	ck_assert_uint_eq(govreport_diff_count(d), 4);
	ck_assert_int_eq(govreport_diff_b(d, 0, &v, NULL, &state), GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_MISSING); /* year unknown */
	ck_assert_int_eq(govreport_diff_b(d, 1, &v, &scale, &state), GOVREPORT_OK);
	ck_assert_int_eq(v, 10625);
	ck_assert_uint_eq(scale, 4);
	ck_assert_int_eq(govreport_diff_json(d, 0, &json, &len), GOVREPORT_OK);
	ck_assert_str_eq(json,
		"{\"differences\":["
		"{\"kind\":\"year\",\"section\":\"year\",\"row\":null,\"column\":null,"
		"\"a\":2022,\"b\":null},"
		"{\"kind\":\"cell\",\"section\":\"active_disclosure\",\"row\":\"fees\","
		"\"column\":\"amount\",\"a\":{\"value\":1.5,\"state\":\"present\"},"
		"\"b\":{\"value\":1.0625,\"state\":\"present\"}},"
		"{\"kind\":\"cell\",\"section\":\"applications\",\"row\":\"granted\","
		"\"column\":\"total\",\"a\":{\"value\":null,\"state\":\"dash\"},"
		"\"b\":{\"value\":7,\"state\":\"present\"}},"
		"{\"kind\":\"table\",\"section\":\"review_litigation\",\"row\":null,"
		"\"column\":null,\"a\":true,\"b\":false}"
		"],\"count\":4}");
	ck_assert_uint_eq(len, strlen(json));
	govreport_string_free(json);
	ck_assert_int_eq(govreport_diff_json(d, GOVREPORT_JSON_PRETTY, &json, NULL), GOVREPORT_OK);
	ck_assert_ptr_nonnull(strstr(json, "\n  \"differences\": ["));
	govreport_string_free(json);
	govreport_diff_free(d);

	/* Texts: a title only b has. */
	ck_assert_int_eq(govreport_set_field(b, GOVREPORT_FIELD_TITLE, "2022年政府信息公开工作年度报告"),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_diff(a, b, &d), GOVREPORT_OK);
	ck_assert_int_eq(govreport_diff_kind(d, 1), GOVREPORT_DIFF_TEXT);
	ck_assert_str_eq(govreport_diff_section(d, 1), "title");
	ck_assert_ptr_null(govreport_diff_text_a(d, 1));
	ck_assert_str_eq(govreport_diff_text_b(d, 1), "2022年政府信息公开工作年度报告");
	govreport_diff_free(d);
	govreport_free(a);
	govreport_free(b);
}
END_TEST

/* The diff owns its texts: it outlives the reports. */
START_TEST(diff_outlives_reports)
{
	struct govreport *a = parse_seed(0), *b = parse_seed(3);
	struct govreport_diff *d = NULL;
	char *json = NULL;
	long i;

	ck_assert_int_eq(govreport_diff(a, b, &d), GOVREPORT_OK);
	govreport_free(a);
	govreport_free(b);
	i = find(d, "organ", NULL, NULL);
	ck_assert_int_ge(i, 0);
	ck_assert_str_eq(govreport_diff_text_a(d, (size_t)i), "伊州区民政局");
	ck_assert_int_eq(govreport_diff_json(d, GOVREPORT_JSON_PRETTY, &json, NULL), GOVREPORT_OK);
	ck_assert_ptr_nonnull(strstr(json, "伊州区民政局"));
	govreport_string_free(json);
	govreport_diff_free(d);
}
END_TEST

START_TEST(diff_allocation_failures)
{
	struct govreport *a = parse_seed(0), *b = parse_seed(1);
	struct govreport_diff *d;
	enum govreport_status st = GOVREPORT_ERR_NOMEM;
	char *json;
	long n;

	for (n = 0; st == GOVREPORT_ERR_NOMEM; n++) {
		d = (struct govreport_diff *)&d;
		gr_alloc_fail_after(n);
		st = govreport_diff(a, b, &d);
		gr_alloc_fail_after(-1);
		if (st == GOVREPORT_ERR_NOMEM)
			ck_assert_ptr_null(d);
	}
	ck_assert_int_eq(st, GOVREPORT_OK);
	ck_assert_int_gt(n, 2);
	st = GOVREPORT_ERR_NOMEM;
	for (n = 0; st == GOVREPORT_ERR_NOMEM; n++) {
		json = (char *)&json;
		gr_alloc_fail_after(n);
		st = govreport_diff_json(d, 0, &json, NULL);
		gr_alloc_fail_after(-1);
		if (st == GOVREPORT_ERR_NOMEM)
			ck_assert_ptr_null(json);
	}
	ck_assert_int_eq(st, GOVREPORT_OK);
	govreport_string_free(json);
	govreport_diff_free(d);
	govreport_free(a);
	govreport_free(b);
}
END_TEST

static Suite *
diff_suite(void)
{
	Suite *s = suite_create("diff");
	TCase *tc = tcase_create("diff");

	tcase_add_test(tc, diff_refuses_misuse);
	tcase_add_loop_test(tc, diff_seed_against_its_json, 0, (int)NSEEDS);
	tcase_add_test(tc, diff_seeds_2021);
	tcase_add_test(tc, diff_seeds_2019);
	tcase_add_test(tc, diff_across_templates);
	tcase_add_test(tc, diff_hand_built_json);
	tcase_add_test(tc, diff_outlives_reports);
	tcase_add_test(tc, diff_allocation_failures);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(diff_suite());
}
