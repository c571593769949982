/* The report model through the public API: new, cells, fields, misuse. */
#include <string.h>

#include "govreport.h"
#include "testutil.h"

START_TEST(new_report_is_blank_form)
{
	struct govreport *r = NULL;
	enum govreport_cell_state state = GOVREPORT_CELL_PRESENT;
	int64_t v = 42;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2024, &r), GOVREPORT_OK);
	ck_assert_int_eq(govreport_template(r), GOVREPORT_TEMPLATE_2021);
	ck_assert_int_eq(govreport_year(r), 2024);
	ck_assert_ptr_null(govreport_organ(r));
	ck_assert_int_eq(govreport_has_section(r, GOVREPORT_SECTION_APPLICATIONS), 1);
	ck_assert_int_eq(govreport_get(r, "applications.new_received.total", &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(state, GOVREPORT_CELL_MISSING);
	ck_assert_uint_eq(govreport_diag_count(r), 0);
	govreport_free(r);
}
END_TEST

START_TEST(cells_by_path_and_enum_agree)
{
	struct govreport *r;
	enum govreport_cell_state state;
	int64_t v, coef;
	unsigned scale;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2019, 2020, &r), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set(r, "applications.granted.natural_person", 17), GOVREPORT_OK);
	ck_assert_int_eq(govreport_app_get(r, GOVREPORT_APP_ROW_GRANTED,
					   GOVREPORT_APP_COL_NATURAL_PERSON, &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(v, 17);
	ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);

	ck_assert_int_eq(govreport_ad_set(r, GOVREPORT_AD_ROW_LICENSING,
					  GOVREPORT_AD_COL_CHANGE, -3, 0), GOVREPORT_OK);
	ck_assert_int_eq(govreport_get(r, "active_disclosure.licensing.change", &v, NULL),
			 GOVREPORT_OK);
	ck_assert_int_eq(v, -3);

	/* Money keeps its decimal places exactly. */
	ck_assert_int_eq(govreport_set_decimal(r, "active_disclosure.procurement.amount",
					       123456, 4), GOVREPORT_OK);
	ck_assert_int_eq(govreport_get_decimal(r, "active_disclosure.procurement.amount",
					       &coef, &scale, &state), GOVREPORT_OK);
	ck_assert_int_eq(coef, 123456);
	ck_assert_uint_eq(scale, 4);
	ck_assert_int_eq(govreport_get(r, "active_disclosure.procurement.amount", &v, NULL),
			 GOVREPORT_ERR_TYPE);
	/* 12.0000 is an integer all the same. */
	ck_assert_int_eq(govreport_set_decimal(r, "active_disclosure.procurement.amount",
					       120000, 4), GOVREPORT_OK);
	ck_assert_int_eq(govreport_get(r, "active_disclosure.procurement.amount", &v, NULL),
			 GOVREPORT_OK);
	ck_assert_int_eq(v, 12);
	/* A count cannot take a fraction. */
	ck_assert_int_eq(govreport_set_decimal(r, "applications.granted.total", 15, 1),
			 GOVREPORT_ERR_TYPE);

	ck_assert_int_eq(govreport_rl_set(r, GOVREPORT_RL_ROW_LITIGATION_AFTER_REVIEW,
					  GOVREPORT_RL_COL_TOTAL, 2), GOVREPORT_OK);
	ck_assert_int_eq(govreport_get(r, "review_litigation.litigation_after_review.total",
				       &v, NULL), GOVREPORT_OK);
	ck_assert_int_eq(v, 2);

	ck_assert_int_eq(govreport_set_null(r, "applications.granted.natural_person",
					    GOVREPORT_CELL_DASH), GOVREPORT_OK);
	ck_assert_int_eq(govreport_get(r, "applications.granted.natural_person", &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_DASH);
	ck_assert_int_eq(v, 0);
	govreport_free(r);
}
END_TEST

START_TEST(template_specific_rows)
{
	struct govreport *r19, *r21;
	int64_t v;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2019, 0, &r19), GOVREPORT_OK);
	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 0, &r21), GOVREPORT_OK);
	ck_assert_int_eq(govreport_app_get(r19, GOVREPORT_APP_ROW_OTHER_MISC,
					   GOVREPORT_APP_COL_TOTAL, &v, NULL),
			 GOVREPORT_ERR_NOT_FOUND);
	ck_assert_int_eq(govreport_app_get(r21, GOVREPORT_APP_ROW_OTHER,
					   GOVREPORT_APP_COL_TOTAL, &v, NULL),
			 GOVREPORT_ERR_NOT_FOUND);
	ck_assert_int_eq(govreport_ad_get(r21, GOVREPORT_AD_ROW_PROCUREMENT,
					  GOVREPORT_AD_COL_AMOUNT, &v, NULL, NULL),
			 GOVREPORT_ERR_NOT_FOUND);
	ck_assert_int_eq(govreport_ad_get(r19, GOVREPORT_AD_ROW_RULES,
					  GOVREPORT_AD_COL_ISSUED, &v, NULL, NULL),
			 GOVREPORT_ERR_NOT_FOUND);
	govreport_free(r19);
	govreport_free(r21);
}
END_TEST

START_TEST(fields_and_misuse)
{
	struct govreport *r = (struct govreport *)1;
	int64_t v;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_UNKNOWN, 0, &r), GOVREPORT_ERR_ARGUMENT);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 123, &r), GOVREPORT_ERR_RANGE);
	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2022, NULL), GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2022, &r), GOVREPORT_OK);

	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_ORGAN, "卫辉市信访局"), GOVREPORT_OK);
	ck_assert_str_eq(govreport_organ(r), "卫辉市信访局");
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_PUBLISHED, "2023-02-29"),
			 GOVREPORT_ERR_RANGE);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_PUBLISHED, "2024-02-29"),
			 GOVREPORT_OK);
	ck_assert_str_eq(govreport_published(r), "2024-02-29");
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_TITLE, "\xff\xfe"),
			 GOVREPORT_ERR_RANGE);
	ck_assert_int_eq(govreport_set_field(r, (enum govreport_field)99, "x"),
			 GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_ORGAN, NULL), GOVREPORT_OK);
	ck_assert_ptr_null(govreport_organ(r));

	ck_assert_int_eq(govreport_get(NULL, "applications.granted.total", &v, NULL),
			 GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_get(r, "applications.nope.total", &v, NULL),
			 GOVREPORT_ERR_NOT_FOUND);
	ck_assert_int_eq(govreport_set_null(r, "applications.granted.total",
					    GOVREPORT_CELL_PRESENT), GOVREPORT_ERR_ARGUMENT);
	ck_assert_ptr_null(govreport_diag_code(r, 0));
	ck_assert_int_eq(govreport_diag_severity(r, 0), -1);
	ck_assert_str_eq(govreport_status_str(GOVREPORT_ERR_NOMEM), "out of memory");
	ck_assert_str_eq(govreport_status_str((enum govreport_status)-999), "unknown status");
	ck_assert_str_eq(govreport_version(), "1.0.0");
	govreport_free(r);
	govreport_free(NULL);
}
END_TEST

static Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("model");

	tcase_add_test(tc, new_report_is_blank_form);
	tcase_add_test(tc, cells_by_path_and_enum_agree);
	tcase_add_test(tc, template_specific_rows);
	tcase_add_test(tc, fields_and_misuse);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(report_suite());
}
