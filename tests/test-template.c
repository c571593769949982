/* The template description: counts, ids, order and lookups (SPEC §1), and
 * lib/govreport.schema.json against it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yajl/yajl_tree.h>

#include "check/equation.h"
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


/* The equations as data: each sum stated once per column (or row) of
 * table 三 or 四, with every term found — a term the table lacks would drop
 * the equation. T3_TOTAL_PROCESSED adds up the outcome rows: 19 in "2019"
 * (（六）其他处理 is one row), 21 in "2021" (three sub-rows). */
START_TEST(sums_state_one_equation_per_line)
{
	const struct gr_template *tpl = gr_template_get(templates[_i]);
	const struct gr_table *app = gr_table_get(tpl, GOVREPORT_SECTION_APPLICATIONS);
	const struct gr_table *rl = gr_table_get(tpl, GOVREPORT_SECTION_REVIEW_LITIGATION);
	const struct gr_table *ad = gr_table_get(tpl, GOVREPORT_SECTION_ACTIVE_DISCLOSURE);
	size_t outcomes = templates[_i] == GOVREPORT_TEMPLATE_2019 ? 19 : 21;
	size_t ncols = app->groups[0].ncolumns, nrows = app->groups[0].nrows;
	struct gr_equations eqs = { 0 };

	ck_assert_int_eq(gr_equations_state(ad, &eqs), 0);
	ck_assert_uint_eq(eqs.count, 0);
	ck_assert_int_eq(gr_equations_state(app, &eqs), 0);
	ck_assert_uint_eq(eqs.count, 2 * ncols + nrows);
	for (size_t c = 0; c < ncols; c++) {
		const struct gr_equation *balance = &eqs.items[c];
		const struct gr_equation *processed = &eqs.items[ncols + c];
		ck_assert_int_eq(balance->code, GR_T3_BALANCE);
		ck_assert_ptr_eq(balance->column, &app->groups[0].columns[c]);
		ck_assert_uint_eq(balance->nlhs, 2);
		ck_assert_uint_eq(balance->nrhs, 2);
		ck_assert_int_eq(processed->code, GR_T3_TOTAL_PROCESSED);
		ck_assert_uint_eq(processed->nrhs, outcomes);
	}
	for (size_t r = 0; r < nrows; r++) {
		const struct gr_equation *total = &eqs.items[2 * ncols + r];
		ck_assert_int_eq(total->code, GR_T3_ROW_TOTAL);
		ck_assert_ptr_eq(total->row, &app->groups[0].rows[r]);
		ck_assert_uint_eq(total->nrhs, 6);
	}
	eqs.count = 0;
	ck_assert_int_eq(gr_equations_state(rl, &eqs), 0);
	ck_assert_uint_eq(eqs.count, 3);
	for (size_t r = 0; r < 3; r++) {
		ck_assert_int_eq(eqs.items[r].code, GR_T4_TOTAL);
		ck_assert_uint_eq(eqs.items[r].nrhs, 4);
	}
	gr_equations_release(&eqs);
}
END_TEST

/* ---- the JSON Schema against the template ------------------------------ */

/* The ids of a table's rows or of a group's columns, at most this many. */
#define MAX_IDS 32

static yajl_val
member(yajl_val object, const char *key)
{
	const char *path[] = { key, NULL };

	return yajl_tree_get(object, path, yajl_t_any);
}

/* The definition that {"$ref": "#/$defs/NAME"} names. */
static yajl_val
referenced(yajl_val schema, yajl_val holder, const char *where)
{
	static const char prefix[] = "#/$defs/";
	yajl_val ref = member(holder, "$ref"), def;

	ck_assert_msg(YAJL_IS_STRING(ref) &&
		      strncmp(ref->u.string, prefix, strlen(prefix)) == 0,
		      "schema: %s has no $ref to a definition", where);
	def = member(member(schema, "$defs"), ref->u.string + strlen(prefix));
	ck_assert_msg(YAJL_IS_OBJECT(def), "schema: %s refers to %s, which is not defined",
		      where, ref->u.string);
	return def;
}

/* An object's schema requires exactly these keys, in this order, and
 * allows no other. */
static void
expect_keys(yajl_val object, const char *const *ids, size_t n, const char *where)
{
	yajl_val required = member(object, "required");
	yajl_val properties = member(object, "properties");

	ck_assert_msg(YAJL_IS_ARRAY(required) && YAJL_IS_OBJECT(properties),
		      "schema: %s has no required keys or no properties", where);
	ck_assert_msg(YAJL_IS_FALSE(member(object, "additionalProperties")),
		      "schema: %s allows other keys", where);
	ck_assert_msg(required->u.array.len == n && properties->u.object.len == n,
		      "schema: %s has %zu required keys and %zu properties, the template %zu",
		      where, required->u.array.len, properties->u.object.len, n);
	for (size_t i = 0; i < n; i++) {
		const char *key = YAJL_GET_STRING(required->u.array.values[i]);
		ck_assert_msg(key && strcmp(key, ids[i]) == 0,
			      "schema: %s requires \"%s\" where the template has \"%s\"",
			      where, key ? key : "(not a string)", ids[i]);
		ck_assert_msg(strcmp(properties->u.object.keys[i], ids[i]) == 0,
			      "schema: %s has property \"%s\" where the template has \"%s\"",
			      where, properties->u.object.keys[i], ids[i]);
	}
}

/* One row's cells: its group's columns, money or counts as the template
 * says. */
static void
expect_row(yajl_val schema, yajl_val row_def, const struct gr_group *group,
	   const char *where)
{
	const char *ids[MAX_IDS];
	yajl_val properties = member(row_def, "properties");

	ck_assert_uint_le(group->ncolumns, MAX_IDS);
	for (size_t c = 0; c < group->ncolumns; c++)
		ids[c] = group->columns[c].id;
	expect_keys(row_def, ids, group->ncolumns, where);
	for (size_t c = 0; c < group->ncolumns; c++) {
		const char *want = group->columns[c].flags & GR_COL_MONEY
					   ? "#/$defs/money_cell" : "#/$defs/count_cell";
		const char *path[] = { ids[c], "$ref", NULL };
		yajl_val ref = yajl_tree_get(properties, path, yajl_t_string);
		ck_assert_msg(ref && strcmp(ref->u.string, want) == 0,
			      "schema: %s.%s is not %s", where, ids[c], want);
	}
}

/* Whether an array holds this string. */
static int
contains(yajl_val array, const char *s)
{
	for (size_t i = 0; YAJL_IS_ARRAY(array) && i < array->u.array.len; i++)
		if (YAJL_IS_STRING(array->u.array.values[i]) &&
		    strcmp(array->u.array.values[i]->u.string, s) == 0)
			return 1;
	return 0;
}

/* The branch of "allOf" that applies to a template name ("2019"), or to
 * reports without a template (NULL). */
static yajl_val
branch_for(yajl_val schema, const char *name)
{
	yajl_val all = member(schema, "allOf");
	const char *path[] = { "if", "properties", "template", "const", NULL };

	ck_assert(YAJL_IS_ARRAY(all));
	for (size_t i = 0; i < all->u.array.len; i++) {
		yajl_val value = yajl_tree_get(all->u.array.values[i], path, yajl_t_any);
		if (name ? YAJL_IS_STRING(value) && strcmp(value->u.string, name) == 0
			 : YAJL_IS_NULL(value))
			return member(all->u.array.values[i], "then");
	}
	ck_abort_msg("schema: no allOf branch for template %s", name ? name : "null");
	return NULL;
}

static yajl_val
load_schema(void)
{
	const char *path = getenv("GOVREPORT_SCHEMA");
	char error[256];
	char *text;
	yajl_val schema;

	ck_assert_msg(path != NULL, "GOVREPORT_SCHEMA is not set");
	text = test_read_file(path, NULL);
	schema = yajl_tree_parse(text, error, sizeof(error));
	ck_assert_msg(schema != NULL, "%s: %s", path, error);
	free(text);
	return schema;
}

/*
 * lib/govreport.schema.json spells every id of the template again: its
 * template names, table ids and headings, each table's rows in order, each
 * row's columns in order and which of them hold money must be the
 * template's, in both directions (no key more, none fewer).
 */
START_TEST(schema_matches_template)
{
	yajl_val schema = load_schema();
	yajl_val names = member(member(schema, "properties"), "template");
	yajl_val top_required = member(schema, "required");
	size_t ntemplates = sizeof(templates) / sizeof(templates[0]);

	names = member(names, "enum");
	ck_assert_msg(YAJL_IS_ARRAY(names) && names->u.array.len == ntemplates + 1,
		      "schema: template names are not the %zu templates and null", ntemplates);
	for (size_t i = 0; i < ntemplates; i++) {
		const struct gr_template *tpl = gr_template_get(templates[i]);
		const char *name = YAJL_GET_STRING(names->u.array.values[i]);
		yajl_val then = branch_for(schema, tpl->name);
		ck_assert_msg(name && strcmp(name, tpl->name) == 0,
			      "schema: template name %s where the template has %s",
			      name ? name : "(not a string)", tpl->name);
		ck_assert_msg(member(then, "properties")->u.object.len == GR_SECTION_COUNT,
			      "schema: template %s has %zu tables, not %d", tpl->name,
			      member(then, "properties")->u.object.len, GR_SECTION_COUNT);
		for (int s = 0; s < GR_SECTION_COUNT; s++) {
			const struct gr_table *t = &tpl->tables[s];
			const char *rows[MAX_IDS];
			const char *path[] = { "properties", t->id, NULL };
			char where[128], description[256];
			yajl_val table = yajl_tree_get(schema, path, yajl_t_object);
			yajl_val choice = yajl_tree_get(then, path, yajl_t_object);
			yajl_val def, row_props, any;
			size_t n = 0;

			ck_assert_msg(table != NULL, "schema: no property %s", t->id);
			snprintf(description, sizeof(description), "Table %s: %s.",
				 t->number, t->heading);
			ck_assert_msg(YAJL_IS_STRING(member(table, "description")) &&
				      strcmp(member(table, "description")->u.string,
					     description) == 0,
				      "schema: %s is not described as \"%s\"", t->id, description);
			ck_assert_msg(contains(top_required, t->id), "schema: %s is not required",
				      t->id);
			any = member(choice, "anyOf");
			ck_assert_msg(YAJL_IS_ARRAY(any) && any->u.array.len == 2,
				      "schema: template %s: %s is not null or a table",
				      tpl->name, t->id);
			snprintf(where, sizeof(where), "template %s: %s", tpl->name, t->id);
			def = referenced(schema, any->u.array.values[1], where);
			for (size_t g = 0; g < t->ngroups; g++)
				for (size_t r = 0; r < t->groups[g].nrows; r++) {
					ck_assert_uint_lt(n, MAX_IDS);
					rows[n++] = t->groups[g].rows[r].id;
				}
			expect_keys(def, rows, n, where);
			row_props = member(def, "properties");
			n = 0;
			for (size_t g = 0; g < t->ngroups; g++)
				for (size_t r = 0; r < t->groups[g].nrows; r++, n++) {
					snprintf(where, sizeof(where), "template %s: %s.%s",
						 tpl->name, t->id, rows[n]);
					expect_row(schema, referenced(schema,
								      row_props->u.object.values[n],
								      where),
						   &t->groups[g], where);
				}
			ck_assert_msg(yajl_tree_get(branch_for(schema, NULL), path, yajl_t_object),
				      "schema: %s is not null without a template", t->id);
		}
	}
	yajl_tree_free(schema);
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
	tcase_add_loop_test(tc, sums_state_one_equation_per_line, 0, 2);
	tcase_add_test(tc, schema_matches_template);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(template_suite());
}
