/* The template description: counts, ids, order and lookups (SPEC §1). */
#include <string.h>

#include "model/template.h"
#include "testutil.h"

static const enum govreport_template templates[] = { GOVREPORT_TEMPLATE_2019,
						     GOVREPORT_TEMPLATE_2021 };

START_TEST(cell_counts_match_groups)
{
	const struct gr_template *tpl = gr_template_get(templates[_i]);

	ck_assert_ptr_nonnull(tpl);
	for (int s = 0; s < GR_SECTION_COUNT; s++) {
		const struct gr_table *t = &tpl->tables[s];
		size_t n = 0;
		ck_assert_int_eq(t->section, s);
		for (size_t g = 0; g < t->ngroups; g++)
			n += t->groups[g].nrows * t->groups[g].ncolumns;
		ck_assert_uint_eq(n, t->ncells);
	}
}
END_TEST

START_TEST(ids_unique_within_table)
{
	const struct gr_template *tpl = gr_template_get(templates[_i]);

	for (int s = 0; s < GR_SECTION_COUNT; s++) {
		const struct gr_table *t = &tpl->tables[s];
		for (size_t i = 0; i < t->ncells; i++) {
			struct gr_cell_ref a, b;
			ck_assert_int_eq(gr_cell_at(t, i, &a), 0);
			ck_assert_uint_eq(a.index, i);
			ck_assert_int_eq(gr_cell_find_id(t, a.row->id, strlen(a.row->id),
							 a.column->id,
							 strlen(a.column->id), &b), 0);
			ck_assert_uint_eq(b.index, i);
			ck_assert_int_eq(gr_cell_find(t, a.row->row, a.column->column, &b), 0);
			ck_assert_uint_eq(b.index, i);
		}
	}
}
END_TEST

START_TEST(application_rows_in_spec_order)
{
	static const char *const rows21[] = {
		"new_received", "carried_over", "granted", "partially_granted",
		"denied_state_secret", "denied_prohibited_by_law",
		"denied_three_securities", "denied_third_party",
		"denied_internal_affairs", "denied_process_info",
		"denied_enforcement_files", "denied_administrative_query",
		"unavailable_not_held", "unavailable_needs_creation",
		"unavailable_unclear", "unprocessed_petition",
		"unprocessed_duplicate", "unprocessed_publication",
		"unprocessed_excessive", "unprocessed_confirmation",
		"other_no_correction", "other_unpaid_fee", "other_misc",
		"total_processed", "carried_forward",
	};
	const struct gr_table *t21 = gr_table_get(
		gr_template_get(GOVREPORT_TEMPLATE_2021), GOVREPORT_SECTION_APPLICATIONS);
	const struct gr_table *t19 = gr_table_get(
		gr_template_get(GOVREPORT_TEMPLATE_2019), GOVREPORT_SECTION_APPLICATIONS);

	ck_assert_uint_eq(t21->groups[0].nrows, 25);
	for (size_t i = 0; i < 25; i++)
		ck_assert_str_eq(t21->groups[0].rows[i].id, rows21[i]);
	ck_assert_uint_eq(t19->groups[0].nrows, 23);
	ck_assert_str_eq(t19->groups[0].rows[20].id, "other");
	ck_assert_str_eq(t19->groups[0].rows[21].id, "total_processed");
	ck_assert_str_eq(t21->groups[0].columns[6].id, "total");
}
END_TEST

START_TEST(paths_resolve_per_template)
{
	const struct gr_template *t19 = gr_template_get(GOVREPORT_TEMPLATE_2019);
	const struct gr_template *t21 = gr_template_get(GOVREPORT_TEMPLATE_2021);
	struct gr_cell_ref ref;

	ck_assert_int_eq(gr_cell_find_path(t21, "active_disclosure.fees.amount", &ref), 0);
	ck_assert(ref.column->flags & GR_COL_MONEY);
	ck_assert_int_eq(gr_cell_find_path(t19, "active_disclosure.fees.amount", &ref), -1);
	ck_assert_int_eq(gr_cell_find_path(t19, "active_disclosure.procurement.amount", &ref), 0);
	ck_assert_int_eq(gr_cell_find_path(t19, "active_disclosure.licensing.change", &ref), 0);
	ck_assert(ref.column->flags & GR_COL_SIGNED);
	ck_assert_int_eq(gr_cell_find_path(t21, "applications.other.total", &ref), -1);
	ck_assert_int_eq(gr_cell_find_path(t19, "applications.other.total", &ref), 0);
	ck_assert_int_eq(gr_cell_find_path(t21, "review_litigation.litigation_direct.pending", &ref), 0);
	ck_assert_uint_eq(ref.index, 8);
	ck_assert_int_eq(gr_cell_find_path(t21, "review_litigation.review", &ref), -1);
	ck_assert_int_eq(gr_cell_find_path(t21, "review_litigation.review.total.x", &ref), -1);
	ck_assert_int_eq(gr_cell_find_path(t21, "", &ref), -1);
	ck_assert_ptr_eq(gr_template_by_name("2019", 4), t19);
	ck_assert_ptr_null(gr_template_by_name("2020", 4));
}
END_TEST

/* The public labels: the template's own wording, the last id of a path
 * labelled, NULL for what is not an id of the template. */
START_TEST(labels_of_ids)
{
	ck_assert_str_eq(govreport_label(GOVREPORT_TEMPLATE_2021, "active_disclosure", 0),
			 "主动公开政府信息情况");
	ck_assert_str_eq(govreport_label(GOVREPORT_TEMPLATE_2021, "applications.granted", 0),
			 "（一）予以公开");
	ck_assert_str_eq(govreport_label(GOVREPORT_TEMPLATE_2021,
					 "active_disclosure.licensing.decisions", 0),
			 "本年处理决定数量");
	ck_assert_str_eq(govreport_label(GOVREPORT_TEMPLATE_2019,
					 "active_disclosure.licensing.decisions", 0),
			 "处理决定数量");
	ck_assert_str_eq(govreport_label(GOVREPORT_TEMPLATE_2021, "applications.granted",
					 GOVREPORT_LANG_EN),
			 "granted");
	ck_assert_ptr_null(govreport_label(GOVREPORT_TEMPLATE_2021, "applications.nope", 0));
	ck_assert_ptr_null(govreport_label(GOVREPORT_TEMPLATE_2021, "applications.granted.nope", 0));
	ck_assert_ptr_null(govreport_label(GOVREPORT_TEMPLATE_2021, "a.b.c.d", 0));
	ck_assert_ptr_null(govreport_label(GOVREPORT_TEMPLATE_2021, "", 0));
	ck_assert_ptr_null(govreport_label(GOVREPORT_TEMPLATE_2021, NULL, 0));
	ck_assert_ptr_null(govreport_label((enum govreport_template)7, "applications", 0));
	ck_assert_ptr_null(govreport_label(GOVREPORT_TEMPLATE_2021, "applications", 1u << 30));
}
END_TEST

static Suite *
template_suite(void)
{
	Suite *s = suite_create("template");
	TCase *tc = tcase_create("description");

	tcase_add_loop_test(tc, cell_counts_match_groups, 0, 2);
	tcase_add_loop_test(tc, ids_unique_within_table, 0, 2);
	tcase_add_test(tc, application_rows_in_spec_order);
	tcase_add_test(tc, paths_resolve_per_template);
	tcase_add_test(tc, labels_of_ids);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(template_suite());
}
