/*
 * govreport_validate() and govreport_compare(): every rule of SPEC §5 with
 * a report that breaks it and one that does not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govreport.h"
#include "testutil.h"

/* ---- a clean report of each template ---------------------------------- */

static void
set_app(struct govreport *r, enum govreport_app_row row,
	enum govreport_app_column col, int64_t v)
{
	ck_assert_int_eq(govreport_app_set(r, row, col, v), GOVREPORT_OK);
}

/* Every 总计 of table 三 as the sum of its row. */
static void
fill_app_totals(struct govreport *r)
{
	for (int row = 0; row <= GOVREPORT_APP_ROW_CARRIED_FORWARD; row++) {
		int64_t sum = 0, v;
		if (govreport_app_get(r, row, 0, &v, NULL) == GOVREPORT_ERR_NOT_FOUND)
			continue;
		for (int col = 0; col < GOVREPORT_APP_COL_TOTAL; col++) {
			ck_assert_int_eq(govreport_app_get(r, row, col, &v, NULL), GOVREPORT_OK);
			sum += v;
		}
		set_app(r, row, GOVREPORT_APP_COL_TOTAL, sum);
	}
}

/*
 * 自然人: 10 new + 2 carried over = 5 granted + 2 partly + 1 third party +
 * 2 not held (10 processed) + 2 carried forward. 商业企业: 3 new = 2
 * granted + 1 duplicate. Table 四: review 12/3/1/2 = 18.
 */
static struct govreport *
clean_report(enum govreport_template tpl, int year)
{
	struct govreport *r;

	ck_assert_int_eq(govreport_new(tpl, year, &r), GOVREPORT_OK);
	for (int row = 0; row <= GOVREPORT_APP_ROW_CARRIED_FORWARD; row++)
		for (int col = 0; col <= GOVREPORT_APP_COL_TOTAL; col++)
			govreport_app_set(r, row, col, 0); /* rows of the other template: NOT_FOUND */
	set_app(r, GOVREPORT_APP_ROW_NEW_RECEIVED, GOVREPORT_APP_COL_NATURAL_PERSON, 10);
	set_app(r, GOVREPORT_APP_ROW_CARRIED_OVER, GOVREPORT_APP_COL_NATURAL_PERSON, 2);
	set_app(r, GOVREPORT_APP_ROW_GRANTED, GOVREPORT_APP_COL_NATURAL_PERSON, 5);
	set_app(r, GOVREPORT_APP_ROW_PARTIALLY_GRANTED, GOVREPORT_APP_COL_NATURAL_PERSON, 2);
	set_app(r, GOVREPORT_APP_ROW_DENIED_THIRD_PARTY, GOVREPORT_APP_COL_NATURAL_PERSON, 1);
	set_app(r, GOVREPORT_APP_ROW_UNAVAILABLE_NOT_HELD, GOVREPORT_APP_COL_NATURAL_PERSON, 2);
	set_app(r, GOVREPORT_APP_ROW_TOTAL_PROCESSED, GOVREPORT_APP_COL_NATURAL_PERSON, 10);
	set_app(r, GOVREPORT_APP_ROW_CARRIED_FORWARD, GOVREPORT_APP_COL_NATURAL_PERSON, 2);
	set_app(r, GOVREPORT_APP_ROW_NEW_RECEIVED, GOVREPORT_APP_COL_COMMERCIAL, 3);
	set_app(r, GOVREPORT_APP_ROW_GRANTED, GOVREPORT_APP_COL_COMMERCIAL, 2);
	set_app(r, GOVREPORT_APP_ROW_UNPROCESSED_DUPLICATE, GOVREPORT_APP_COL_COMMERCIAL, 1);
	set_app(r, GOVREPORT_APP_ROW_TOTAL_PROCESSED, GOVREPORT_APP_COL_COMMERCIAL, 3);
	fill_app_totals(r);

	for (int row = 0; row <= GOVREPORT_RL_ROW_LITIGATION_AFTER_REVIEW; row++)
		for (int col = 0; col <= GOVREPORT_RL_COL_TOTAL; col++)
			ck_assert_int_eq(govreport_rl_set(r, row, col, 0), GOVREPORT_OK);
	govreport_rl_set(r, GOVREPORT_RL_ROW_REVIEW, GOVREPORT_RL_COL_UPHELD, 12);
	govreport_rl_set(r, GOVREPORT_RL_ROW_REVIEW, GOVREPORT_RL_COL_CORRECTED, 3);
	govreport_rl_set(r, GOVREPORT_RL_ROW_REVIEW, GOVREPORT_RL_COL_OTHER, 1);
	govreport_rl_set(r, GOVREPORT_RL_ROW_REVIEW, GOVREPORT_RL_COL_PENDING, 2);
	govreport_rl_set(r, GOVREPORT_RL_ROW_REVIEW, GOVREPORT_RL_COL_TOTAL, 18);

	for (int row = 0; row <= GOVREPORT_AD_ROW_PROCUREMENT; row++)
		for (int col = 0; col <= GOVREPORT_AD_COL_PROJECTS; col++)
			govreport_ad_set(r, row, col, 1, 0);

	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_ORGAN, "某县民政局"), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_OVERVIEW,
					     "本年度共收到政府信息公开申请13件,均已按时答复。"),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_PROBLEMS, "一是宣传不够。"),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_OTHER_MATTERS,
					     "被申请行政复议18件。本年度未收取信息处理费。"),
			 GOVREPORT_OK);
	{
		char date[24]; /* room for any int year */
		snprintf(date, sizeof(date), "%d-01-20", year + 1);
		ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_PUBLISHED, date),
				 GOVREPORT_OK);
	}
	return r;
}

static size_t
count(const struct govreport *r, const char *code)
{
	return test_count_diags(r, code, NULL, NULL, NULL);
}

/* Index of the first diagnostic with the code; fails the test if none. */
static size_t
find(const struct govreport *r, const char *code)
{
	for (size_t i = 0; i < govreport_diag_count(r); i++)
		if (strcmp(govreport_diag_code(r, i), code) == 0)
			return i;
	ck_abort_msg("no %s diagnostic", code);
	return 0;
}

static void
validate(struct govreport *r, unsigned flags)
{
	ck_assert_int_eq(govreport_validate(r, flags), GOVREPORT_OK);
}

START_TEST(clean_reports_pass)
{
	struct govreport *r21 = clean_report(GOVREPORT_TEMPLATE_2021, 2022);
	struct govreport *r19 = clean_report(GOVREPORT_TEMPLATE_2019, 2020);

	validate(r21, 0);
	validate(r19, 0);
	for (size_t i = 0; i < govreport_diag_count(r21); i++)
		ck_abort_msg("unexpected %s: %s", govreport_diag_code(r21, i),
			     govreport_diag_message(r21, i, 0));
	ck_assert_uint_eq(govreport_diag_count(r19), 0);
	govreport_free(r21);
	govreport_free(r19);
}
END_TEST

START_TEST(t3_balance_speaks_as_a_reader)
{
	struct govreport *r = clean_report(GOVREPORT_TEMPLATE_2021, 2022);
	int64_t expected, actual;
	size_t i;

	set_app(r, GOVREPORT_APP_ROW_CARRIED_FORWARD, GOVREPORT_APP_COL_NATURAL_PERSON, 3);
	validate(r, 0);
	i = find(r, "T3_BALANCE");
	ck_assert_str_eq(govreport_diag_message(r, i, 0),
			 "表三 自然人列：一、本年新收 + 二、上年结转 = 12，"
			 "（七）总计 + 四、结转下年度继续办理 = 13");
	ck_assert_str_eq(govreport_diag_message(r, i, GOVREPORT_LANG_EN),
			 "table 3 (applications), column \"natural persons\": new applications "
			 "received + carried over from last year = 12, total processed + "
			 "carried forward = 13");
	ck_assert_str_eq(govreport_diag_section(r, i), "applications");
	ck_assert_str_eq(govreport_diag_row(r, i), "new_received");
	ck_assert_str_eq(govreport_diag_column(r, i), "natural_person");
	ck_assert(govreport_diag_expected(r, i, &expected) && expected == 13);
	ck_assert(govreport_diag_actual(r, i, &actual) && actual == 12);
	ck_assert_int_eq(govreport_diag_severity(r, i), GOVREPORT_SEVERITY_ERROR);
	/* The row no longer adds up either; one cell explains both. */
	ck_assert_uint_eq(count(r, "T3_ROW_TOTAL"), 1);
	i = find(r, "SUGGESTED_FIX");
	ck_assert_str_eq(govreport_diag_row(r, i), "carried_forward");
	ck_assert_str_eq(govreport_diag_column(r, i), "natural_person");
	ck_assert(govreport_diag_expected(r, i, &expected) && expected == 2);
	govreport_free(r);
}
END_TEST

START_TEST(t3_total_processed_and_fix)
{
	struct govreport *r = clean_report(GOVREPORT_TEMPLATE_2019, 2020);
	int64_t expected;
	size_t i;

	set_app(r, GOVREPORT_APP_ROW_GRANTED, GOVREPORT_APP_COL_COMMERCIAL, 4);
	validate(r, 0);
	i = find(r, "T3_TOTAL_PROCESSED");
	ck_assert_str_eq(govreport_diag_column(r, i), "commercial");
	ck_assert_str_eq(govreport_diag_row(r, i), "total_processed");
	ck_assert_str_eq(govreport_diag_message(r, i, 0),
			 "表三 商业企业列：（七）总计 = 3，办理结果（一）至（六）各项之和 = 5");
	ck_assert_uint_eq(count(r, "T3_ROW_TOTAL"), 1);
	ck_assert_uint_eq(count(r, "T3_BALANCE"), 0);
	i = find(r, "SUGGESTED_FIX");
	ck_assert_str_eq(govreport_diag_row(r, i), "granted");
	ck_assert_str_eq(govreport_diag_column(r, i), "commercial");
	ck_assert(govreport_diag_expected(r, i, &expected) && expected == 2);
	govreport_free(r);
}
END_TEST

START_TEST(t3_row_total_and_narrative)
{
	struct govreport *r = clean_report(GOVREPORT_TEMPLATE_2021, 2022);
	int64_t v;
	size_t i;

	set_app(r, GOVREPORT_APP_ROW_NEW_RECEIVED, GOVREPORT_APP_COL_TOTAL, 14);
	validate(r, 0);
	i = find(r, "T3_ROW_TOTAL");
	ck_assert_str_eq(govreport_diag_message(r, i, 0),
			 "表三「一、本年新收政府信息公开申请数量」行：总计 = 14，各类申请人之和 = 13");
	ck_assert_uint_eq(count(r, "T3_BALANCE"), 1);
	i = find(r, "SUGGESTED_FIX");
	ck_assert_str_eq(govreport_diag_row(r, i), "new_received");
	ck_assert_str_eq(govreport_diag_column(r, i), "total");
	/* Part 一 says 13 applications; the table now says 14. */
	i = find(r, "NARRATIVE_APPLICATIONS");
	ck_assert(govreport_diag_expected(r, i, &v) && v == 13);
	ck_assert(govreport_diag_actual(r, i, &v) && v == 14);
	govreport_free(r);
}
END_TEST

START_TEST(t4_total_typo_found)
{
	struct govreport *r = clean_report(GOVREPORT_TEMPLATE_2021, 2022);
	int64_t v;
	size_t i;

	/* 18 written as 81: the only cell whose fix reads as a typo. */
	govreport_rl_set(r, GOVREPORT_RL_ROW_REVIEW, GOVREPORT_RL_COL_TOTAL, 81);
	validate(r, 0);
	i = find(r, "T4_TOTAL");
	ck_assert_str_eq(govreport_diag_message(r, i, 0),
			 "表四「行政复议」行：总计 = 81，结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 18");
	i = find(r, "SUGGESTED_FIX");
	ck_assert_str_eq(govreport_diag_section(r, i), "review_litigation");
	ck_assert_str_eq(govreport_diag_row(r, i), "review");
	ck_assert_str_eq(govreport_diag_column(r, i), "total");
	ck_assert(govreport_diag_expected(r, i, &v) && v == 18);
	ck_assert(govreport_diag_actual(r, i, &v) && v == 81);
	/* Part 六 says 18 reviews: the table's 81 contradicts it. */
	ck_assert_uint_eq(count(r, "NARRATIVE_FIGURE"), 1);
	govreport_free(r);
}
END_TEST

START_TEST(no_fix_for_two_unrelated_errors)
{
	struct govreport *r = clean_report(GOVREPORT_TEMPLATE_2021, 2022);

	set_app(r, GOVREPORT_APP_ROW_GRANTED, GOVREPORT_APP_COL_NATURAL_PERSON, 6);
	set_app(r, GOVREPORT_APP_ROW_UNPROCESSED_DUPLICATE, GOVREPORT_APP_COL_COMMERCIAL, 2);
	validate(r, 0);
	ck_assert_uint_eq(count(r, "T3_TOTAL_PROCESSED"), 2);
	ck_assert_uint_eq(count(r, "T3_ROW_TOTAL"), 2);
	ck_assert_uint_eq(count(r, "SUGGESTED_FIX"), 0);
	govreport_free(r);
}
END_TEST

START_TEST(t4_ambiguous_small_numbers_stay_silent)
{
	struct govreport *r = clean_report(GOVREPORT_TEMPLATE_2021, 2022);

	/* 1 + 0 + 0 + 0 written with total 2: any cell could be the typo. */
	for (int col = 0; col <= GOVREPORT_RL_COL_TOTAL; col++)
		govreport_rl_set(r, GOVREPORT_RL_ROW_LITIGATION_DIRECT, col, 0);
	govreport_rl_set(r, GOVREPORT_RL_ROW_LITIGATION_DIRECT, GOVREPORT_RL_COL_UPHELD, 1);
	govreport_rl_set(r, GOVREPORT_RL_ROW_LITIGATION_DIRECT, GOVREPORT_RL_COL_TOTAL, 2);
	validate(r, 0);
	ck_assert_uint_eq(count(r, "T4_TOTAL"), 1);
	ck_assert_uint_eq(count(r, "SUGGESTED_FIX"), 0);
	govreport_free(r);
}
END_TEST

START_TEST(null_cells_skip_checks)
{
	struct govreport *r = clean_report(GOVREPORT_TEMPLATE_2021, 2022);
	size_t i;

	ck_assert_int_eq(govreport_set_null(r, "applications.granted.total",
					    GOVREPORT_CELL_BLANK), GOVREPORT_OK);
	validate(r, 0);
	ck_assert_uint_eq(govreport_diag_count(r), 0);
	/* Detail mode says which checks were skipped. */
	validate(r, GOVREPORT_VALIDATE_DETAIL);
	ck_assert_uint_eq(count(r, "CHECK_SKIPPED"), 2);
	i = find(r, "CHECK_SKIPPED");
	ck_assert_int_eq(govreport_diag_severity(r, i), GOVREPORT_SEVERITY_INFO);
	/* Blank as zero: the row no longer adds up. */
	validate(r, GOVREPORT_BLANK_AS_ZERO);
	ck_assert_uint_eq(count(r, "T3_ROW_TOTAL"), 1);
	ck_assert_uint_eq(count(r, "T3_TOTAL_PROCESSED"), 1);
	/* A dash is not blank: still skipped. */
	govreport_set_null(r, "applications.granted.total", GOVREPORT_CELL_DASH);
	validate(r, GOVREPORT_BLANK_AS_ZERO);
	ck_assert_uint_eq(govreport_diag_count(r), 0);
	govreport_free(r);
}
END_TEST

START_TEST(inference_fills_determined_cells)
{
	struct govreport *r = clean_report(GOVREPORT_TEMPLATE_2021, 2022);
	enum govreport_cell_state state;
	int64_t v;

	govreport_set_null(r, "applications.granted.total", GOVREPORT_CELL_MISSING);
	validate(r, GOVREPORT_INFER);
	ck_assert_int_eq(govreport_get(r, "applications.granted.total", &v, &state), GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_INFERRED);
	ck_assert_int_eq(v, 7);
	ck_assert_uint_eq(count(r, "CELL_INFERRED"), 1);
	ck_assert_uint_eq(count(r, "T3_ROW_TOTAL"), 0);
	govreport_free(r);
}
END_TEST

START_TEST(value_negative_and_fee_precision)
{
	struct govreport *r19 = clean_report(GOVREPORT_TEMPLATE_2019, 2020);
	struct govreport *r21 = clean_report(GOVREPORT_TEMPLATE_2021, 2022);

	/* 本年增/减 may be negative; a count may not. */
	govreport_ad_set(r19, GOVREPORT_AD_ROW_LICENSING, GOVREPORT_AD_COL_CHANGE, -3, 0);
	validate(r19, 0);
	ck_assert_uint_eq(govreport_diag_count(r19), 0);
	govreport_ad_set(r19, GOVREPORT_AD_ROW_PENALTY, GOVREPORT_AD_COL_DECISIONS, -1, 0);
	validate(r19, 0);
	ck_assert_uint_eq(count(r19, "VALUE_NEGATIVE"), 1);
	ck_assert_str_eq(govreport_diag_row(r19, find(r19, "VALUE_NEGATIVE")), "penalty");

	govreport_ad_set(r21, GOVREPORT_AD_ROW_FEES, GOVREPORT_AD_COL_AMOUNT, 123456, 4);
	validate(r21, 0);
	ck_assert_uint_eq(count(r21, "FEE_PRECISION"), 0);
	govreport_ad_set(r21, GOVREPORT_AD_ROW_FEES, GOVREPORT_AD_COL_AMOUNT, 326815, 5);
	validate(r21, 0);
	ck_assert_uint_eq(count(r21, "FEE_PRECISION"), 1);
	ck_assert_int_eq(govreport_diag_severity(r21, find(r21, "FEE_PRECISION")),
			 GOVREPORT_SEVERITY_WARNING);
	govreport_free(r19);
	govreport_free(r21);
}
END_TEST

START_TEST(template_year)
{
	struct govreport *r = clean_report(GOVREPORT_TEMPLATE_2021, 2020);
	struct govreport *ok = clean_report(GOVREPORT_TEMPLATE_2019, 2020);
	struct govreport *late19 = clean_report(GOVREPORT_TEMPLATE_2019, 2021);

	validate(r, 0);
	validate(ok, 0);
	validate(late19, 0);
	ck_assert_uint_eq(count(r, "TEMPLATE_YEAR"), 1);
	ck_assert_uint_eq(count(ok, "TEMPLATE_YEAR"), 0);
	ck_assert_uint_eq(count(late19, "TEMPLATE_YEAR"), 1);
	govreport_free(r);
	govreport_free(ok);
	govreport_free(late19);
}
END_TEST

START_TEST(published_late_early_deadline)
{
	struct govreport *r = clean_report(GOVREPORT_TEMPLATE_2021, 2022);
	int64_t v;

	govreport_set_field(r, GOVREPORT_FIELD_PUBLISHED, "2023-01-31");
	validate(r, 0);
	ck_assert_uint_eq(govreport_diag_count(r), 0);
	govreport_set_field(r, GOVREPORT_FIELD_PUBLISHED, "2023-02-15");
	validate(r, 0);
	ck_assert_uint_eq(count(r, "PUBLISHED_LATE"), 1);
	ck_assert(govreport_diag_expected(r, find(r, "PUBLISHED_LATE"), &v) && v == 20230131);
	ck_assert_int_eq(govreport_set_deadline(r, 2, 28), GOVREPORT_OK);
	validate(r, 0);
	ck_assert_uint_eq(count(r, "PUBLISHED_LATE"), 0);
	ck_assert_int_eq(govreport_set_deadline(r, 2, 30), GOVREPORT_ERR_RANGE);
	govreport_set_field(r, GOVREPORT_FIELD_PUBLISHED, "2022-12-30");
	validate(r, 0);
	ck_assert_uint_eq(count(r, "PUBLISHED_EARLY"), 1);
	ck_assert_int_eq(govreport_diag_severity(r, find(r, "PUBLISHED_EARLY")),
			 GOVREPORT_SEVERITY_ERROR);
	govreport_free(r);
}
END_TEST

START_TEST(narrative_says_none_received)
{
	struct govreport *r = clean_report(GOVREPORT_TEMPLATE_2021, 2022);
	struct govreport *zero = clean_report(GOVREPORT_TEMPLATE_2021, 2022);

	govreport_set_field(r, GOVREPORT_FIELD_OVERVIEW, "(二)依申请公开。本年度未收到政府信息公开申请。");
	validate(r, 0);
	ck_assert_uint_eq(count(r, "NARRATIVE_APPLICATIONS"), 1);
	ck_assert_str_eq(govreport_diag_message(r, find(r, "NARRATIVE_APPLICATIONS"), 0),
			 "第一部分写道“本年度未收到政府信息公开申请”，而表三中新收政府信息公开申请为 13");

	/* Prose keeps its own punctuation (SPEC §3): a full-width ； ends
	 * the clause as ; does, so the claim is not lost in the next one's
	 * 复议. */
	govreport_set_field(r, GOVREPORT_FIELD_OVERVIEW,
			    "（二）依申请公开。全年未收到政府信息公开申请；被申请行政复议0件。");
	validate(r, 0);
	ck_assert_uint_eq(count(r, "NARRATIVE_APPLICATIONS"), 1);
	ck_assert_str_eq(govreport_diag_message(r, find(r, "NARRATIVE_APPLICATIONS"), 0),
			 "第一部分写道“全年未收到政府信息公开申请”，而表三中新收政府信息公开申请为 13");

	/* A report with no applications may say so. */
	for (int col = 0; col <= GOVREPORT_APP_COL_TOTAL; col++)
		for (int row = 0; row <= GOVREPORT_APP_ROW_CARRIED_FORWARD; row++)
			govreport_app_set(zero, row, col, 0);
	govreport_set_field(zero, GOVREPORT_FIELD_OVERVIEW, "本年度未收到政府信息公开申请。");
	validate(zero, 0);
	ck_assert_uint_eq(count(zero, "NARRATIVE_APPLICATIONS"), 0);
	govreport_free(r);
	govreport_free(zero);
}
END_TEST

START_TEST(section_missing_once)
{
	struct govreport *r = clean_report(GOVREPORT_TEMPLATE_2021, 2022);
	static const char doc[] = "某局2022年政府信息公开工作年度报告\n一、总体情况\n无。\n"
				  "六、其他需要报告的事项\n无。\n";
	struct govreport *parsed;

	govreport_set_field(r, GOVREPORT_FIELD_PROBLEMS, NULL);
	validate(r, 0);
	ck_assert_uint_eq(count(r, "SECTION_MISSING"), 1);
	/* The parser said it already: validation does not say it again. */
	ck_assert_int_eq(govreport_parse(doc, sizeof(doc) - 1, 0, &parsed), GOVREPORT_OK);
	ck_assert_uint_eq(count(parsed, "SECTION_MISSING"), 4);
	validate(parsed, 0);
	ck_assert_uint_eq(count(parsed, "SECTION_MISSING"), 4);
	govreport_free(r);
	govreport_free(parsed);
}
END_TEST

START_TEST(rules_off_and_severity)
{
	struct govreport *r = clean_report(GOVREPORT_TEMPLATE_2021, 2022);

	govreport_set_field(r, GOVREPORT_FIELD_PUBLISHED, "2023-03-01");
	ck_assert_int_eq(govreport_rule_severity(r, "PUBLISHED_LATE", GOVREPORT_SEVERITY_ERROR),
			 GOVREPORT_OK);
	validate(r, 0);
	ck_assert_int_eq(govreport_diag_severity(r, find(r, "PUBLISHED_LATE")),
			 GOVREPORT_SEVERITY_ERROR);
	ck_assert_int_eq(govreport_rule_enable(r, "PUBLISHED_LATE", 0), GOVREPORT_OK);
	validate(r, 0);
	ck_assert_uint_eq(govreport_diag_count(r), 0);
	ck_assert_int_eq(govreport_rule_enable(r, "NO_SUCH_RULE", 0), GOVREPORT_ERR_NOT_FOUND);
	ck_assert_int_eq(govreport_rule_severity(r, "T4_TOTAL", (enum govreport_severity)7),
			 GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_validate(r, 1u << 20), GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_validate(NULL, 0), GOVREPORT_ERR_ARGUMENT);
	govreport_free(r);
}
END_TEST

START_TEST(revalidation_replaces)
{
	struct govreport *r = clean_report(GOVREPORT_TEMPLATE_2021, 2022);

	govreport_rl_set(r, GOVREPORT_RL_ROW_REVIEW, GOVREPORT_RL_COL_TOTAL, 81);
	validate(r, 0);
	validate(r, 0);
	ck_assert_uint_eq(count(r, "T4_TOTAL"), 1);
	govreport_rl_set(r, GOVREPORT_RL_ROW_REVIEW, GOVREPORT_RL_COL_TOTAL, 18);
	validate(r, 0);
	ck_assert_uint_eq(govreport_diag_count(r), 0);
	govreport_free(r);
}
END_TEST

START_TEST(cross_year)
{
	struct govreport *prev = clean_report(GOVREPORT_TEMPLATE_2021, 2021);
	struct govreport *cur = clean_report(GOVREPORT_TEMPLATE_2021, 2022);
	struct govreport *far = clean_report(GOVREPORT_TEMPLATE_2021, 2024);
	int64_t v;
	size_t i;

	/* Last year carried 2 forward (自然人); this year carried 2 over. */
	ck_assert_int_eq(govreport_compare(prev, cur, 0), GOVREPORT_OK);
	ck_assert_uint_eq(govreport_diag_count(cur), 0);
	set_app(cur, GOVREPORT_APP_ROW_CARRIED_OVER, GOVREPORT_APP_COL_NATURAL_PERSON, 3);
	ck_assert_int_eq(govreport_compare(prev, cur, 0), GOVREPORT_OK);
	ck_assert_uint_eq(count(cur, "XY_CARRYOVER"), 1);
	i = find(cur, "XY_CARRYOVER");
	ck_assert_str_eq(govreport_diag_column(cur, i), "natural_person");
	ck_assert(govreport_diag_expected(cur, i, &v) && v == 2);
	ck_assert(govreport_diag_actual(cur, i, &v) && v == 3);

	/* 现行有效: 1 last year + 1 issued − 1 repealed = 1. */
	ck_assert_int_eq(govreport_compare(prev, cur, 0), GOVREPORT_OK);
	ck_assert_uint_eq(count(cur, "XY_IN_FORCE"), 0);
	govreport_ad_set(cur, GOVREPORT_AD_ROW_RULES, GOVREPORT_AD_COL_IN_FORCE, 4, 0);
	ck_assert_int_eq(govreport_compare(prev, cur, 0), GOVREPORT_OK);
	ck_assert_uint_eq(count(cur, "XY_IN_FORCE"), 1);
	ck_assert_uint_eq(count(cur, "XY_CARRYOVER"), 1);
	ck_assert(govreport_diag_expected(cur, find(cur, "XY_IN_FORCE"), &v) && v == 1);

	ck_assert_int_eq(govreport_compare(prev, far, 0), GOVREPORT_ERR_YEARS);
	govreport_free(prev);
	govreport_free(cur);
	govreport_free(far);
}
END_TEST

/* XY_ORGAN: another organ's report is a warning; white space does not
 * make another organ, and a report without an organ makes no finding. */
START_TEST(cross_year_organ)
{
	struct govreport *prev = clean_report(GOVREPORT_TEMPLATE_2021, 2021);
	struct govreport *cur = clean_report(GOVREPORT_TEMPLATE_2021, 2022);
	static const char a[] = "绿园区民政局", spaced[] = " 绿园区\xE3\x80\x80民政局\n",
			  b[] = "朝阳区民政局";
	size_t i;

	/* Both name 某县民政局. */
	ck_assert_int_eq(govreport_compare(prev, cur, 0), GOVREPORT_OK);
	ck_assert_uint_eq(count(cur, "XY_ORGAN"), 0);
	ck_assert_int_eq(govreport_set_field(prev, GOVREPORT_FIELD_ORGAN, NULL), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(cur, GOVREPORT_FIELD_ORGAN, NULL), GOVREPORT_OK);
	ck_assert_int_eq(govreport_compare(prev, cur, 0), GOVREPORT_OK);
	ck_assert_uint_eq(count(cur, "XY_ORGAN"), 0); /* neither names one */
	ck_assert_int_eq(govreport_set_field(prev, GOVREPORT_FIELD_ORGAN, a),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_compare(prev, cur, 0), GOVREPORT_OK);
	ck_assert_uint_eq(count(cur, "XY_ORGAN"), 0); /* one names none */
	ck_assert_int_eq(govreport_set_field(cur, GOVREPORT_FIELD_ORGAN, spaced),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_compare(prev, cur, 0), GOVREPORT_OK);
	ck_assert_uint_eq(count(cur, "XY_ORGAN"), 0);
	/* Brackets printed full-width one year and ASCII the next (an
	 * older report's JSON kept NFKC): one organ. */
	ck_assert_int_eq(govreport_set_field(prev, GOVREPORT_FIELD_ORGAN,
					     "中共某县委宣传部（某县人民政府新闻办公室）"),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(cur, GOVREPORT_FIELD_ORGAN,
					     "中共某县委宣传部(某县人民政府新闻办公室)"),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_compare(prev, cur, 0), GOVREPORT_OK);
	ck_assert_uint_eq(count(cur, "XY_ORGAN"), 0);
	ck_assert_int_eq(govreport_set_field(prev, GOVREPORT_FIELD_ORGAN, a), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(cur, GOVREPORT_FIELD_ORGAN, b),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_compare(prev, cur, 0), GOVREPORT_OK);
	ck_assert_uint_eq(count(cur, "XY_ORGAN"), 1);
	i = find(cur, "XY_ORGAN");
	ck_assert_int_eq(govreport_diag_severity(cur, i), GOVREPORT_SEVERITY_WARNING);
	ck_assert_ptr_nonnull(strstr(govreport_diag_message(cur, i, 0), a));
	ck_assert_ptr_nonnull(strstr(govreport_diag_message(cur, i, GOVREPORT_LANG_EN), b));
	/* Comparing again replaces it; switched off, it is left out. */
	ck_assert_int_eq(govreport_compare(prev, cur, 0), GOVREPORT_OK);
	ck_assert_uint_eq(count(cur, "XY_ORGAN"), 1);
	ck_assert_int_eq(govreport_rule_enable(cur, "XY_ORGAN", 0), GOVREPORT_OK);
	ck_assert_int_eq(govreport_compare(prev, cur, 0), GOVREPORT_OK);
	ck_assert_uint_eq(count(cur, "XY_ORGAN"), 0);
	govreport_free(prev);
	govreport_free(cur);
}
END_TEST

/* ---- the seeds ----------------------------------------------------------- */

static struct govreport *
parse_seed(const char *name)
{
	char rel[128], *path, *data;
	size_t len;
	struct govreport *r;

	snprintf(rel, sizeof(rel), "seeds/%s.txt", name);
	path = test_data_path(rel);
	data = test_read_file(path, &len);
	ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
	free(data);
	free(path);
	return r;
}

static const char *const seeds[] = {
	"000_60b25c9977688c27", "001_ebc51afa85553e39", "002_c3fcc36b9cf6fff1",
	"003_64f6c83b9150245c", "004_76d98d904843aa38",
};

/* The seeds add up (all their figures are consistent): validation finds
 * nothing beyond what parsing already said. */
START_TEST(seeds_are_consistent)
{
	struct govreport *r = parse_seed(seeds[_i]);
	size_t parsed = govreport_diag_count(r);

	validate(r, 0);
	ck_assert_uint_eq(govreport_diag_count(r), parsed);
	govreport_free(r);
}
END_TEST

START_TEST(inference_fills_seed_000_totals)
{
	struct govreport *r = parse_seed(seeds[0]);
	enum govreport_cell_state state;
	int64_t v;

	validate(r, GOVREPORT_INFER);
	ck_assert_uint_eq(count(r, "CELL_INFERRED"), 25);
	ck_assert_int_eq(govreport_get(r, "applications.total_processed.total", &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_INFERRED);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(govreport_get(r, "applications.other_misc.total", &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_INFERRED);
	govreport_free(r);
}
END_TEST

static Suite *
validate_suite(void)
{
	Suite *s = suite_create("validate");
	TCase *rules = tcase_create("rules");
	TCase *seed = tcase_create("seeds");

	tcase_add_test(rules, clean_reports_pass);
	tcase_add_test(rules, t3_balance_speaks_as_a_reader);
	tcase_add_test(rules, t3_total_processed_and_fix);
	tcase_add_test(rules, t3_row_total_and_narrative);
	tcase_add_test(rules, t4_total_typo_found);
	tcase_add_test(rules, no_fix_for_two_unrelated_errors);
	tcase_add_test(rules, t4_ambiguous_small_numbers_stay_silent);
	tcase_add_test(rules, null_cells_skip_checks);
	tcase_add_test(rules, inference_fills_determined_cells);
	tcase_add_test(rules, value_negative_and_fee_precision);
	tcase_add_test(rules, template_year);
	tcase_add_test(rules, published_late_early_deadline);
	tcase_add_test(rules, narrative_says_none_received);
	tcase_add_test(rules, section_missing_once);
	tcase_add_test(rules, rules_off_and_severity);
	tcase_add_test(rules, revalidation_replaces);
	tcase_add_test(rules, cross_year);
	tcase_add_test(rules, cross_year_organ);
	suite_add_tcase(s, rules);
	tcase_add_loop_test(seed, seeds_are_consistent, 0, sizeof(seeds) / sizeof(seeds[0]));
	tcase_add_test(seed, inference_fills_seed_000_totals);
	suite_add_tcase(s, seed);
	return s;
}

int
main(void)
{
	return test_run_suite(validate_suite());
}
