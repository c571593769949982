/* Table 二 — 主动公开政府信息情况 (第二十条 items). */
#include "tables/active_disclosure.h"
#include "tables/cell_access.h"
#include "tables/tables.h"

GOVREPORT_EXPORT enum govreport_status
govreport_ad_get(const struct govreport *report, enum govreport_ad_row row,
		 enum govreport_ad_column column, int64_t *coefficient,
		 unsigned *scale, enum govreport_cell_state *state)
{
	return gr_section_get(report, GOVREPORT_SECTION_ACTIVE_DISCLOSURE,
			      (int)row, (int)column, coefficient, scale, state);
}

GOVREPORT_EXPORT enum govreport_status
govreport_ad_set(struct govreport *report, enum govreport_ad_row row,
		 enum govreport_ad_column column, int64_t coefficient,
		 unsigned scale)
{
	return gr_section_set(report, GOVREPORT_SECTION_ACTIVE_DISCLOSURE,
			      (int)row, (int)column, coefficient, scale);
}

/* Rows are found by their labels (一、本年新收… / 规章 …). */
int
gr_ad_recover(struct govreport *r, const struct gr_items *items, size_t begin,
	      size_t end)
{
	struct gr_recovery rc = { r, items, gr_table_get(r->tpl, GOVREPORT_SECTION_ACTIVE_DISCLOSURE), begin, end };

	return gr_recover_table(&rc);
}

/* Money is reported in 万元 to four decimal places (one yuan). */
#define GR_FEE_PLACES 4

/* FEE_PRECISION: money with more than four decimal places. */
static int
rule_fee_precision(struct govreport *r, const struct gr_table *t)
{
	const struct gr_cell *cells = gr_report_cells(r, t->section);

	for (size_t i = 0; cells && i < t->ncells; i++) {
		struct gr_cell_ref ref;
		gr_cell_at(t, i, &ref);
		if (!(ref.column->flags & GR_COL_MONEY) || !gr_cell_has_value(&cells[i]) ||
		    cells[i].scale <= GR_FEE_PLACES)
			continue;
		if (gr_diag_add(&r->diags, GR_FEE_PRECISION, NULL, &ref, cells[i].line,
				gr_printf("表%s「%s」%s为 %s，超过 4 位小数（万元保留到元）",
					  t->number, ref.row->label, ref.column->label,
					  cells[i].raw ? cells[i].raw : "该值"),
				gr_printf("%s, row \"%s\": %s has more than 4 decimal "
					  "places (10,000 yuan to the yuan)", t->en_short,
					  ref.row->en, cells[i].raw ? cells[i].raw : "the amount")) < 0)
			return -1;
		gr_diag_set_numbers(&r->diags, GR_FEE_PLACES, cells[i].scale);
	}
	return 0;
}

int
gr_ad_rules(struct govreport *r)
{
	const struct gr_table *t = gr_table_get(r->tpl, GOVREPORT_SECTION_ACTIVE_DISCLOSURE);

	return t ? rule_fee_precision(r, t) : 0;
}

static int
value_of(const struct govreport *r, const struct gr_table *t, int row, int column,
	 unsigned flags, int64_t *v, struct gr_cell_ref *ref)
{
	const struct gr_cell *cells = gr_report_cells(r, t->section);
	const struct gr_cell *c;

	if (!cells || gr_cell_find(t, row, column, ref) < 0)
		return -1;
	c = &cells[ref->index];
	if (gr_cell_has_value(c) && c->scale == 0) {
		*v = c->value;
		return 0;
	}
	if (c->state == GOVREPORT_CELL_BLANK && (flags & GOVREPORT_BLANK_AS_ZERO)) {
		*v = 0;
		return 0;
	}
	return -1;
}

int
gr_ad_compare(const struct govreport *previous, struct govreport *current,
	      unsigned flags)
{
	static const int rows[] = { GOVREPORT_AD_ROW_RULES,
				    GOVREPORT_AD_ROW_NORMATIVE_DOCUMENTS };
	const struct gr_table *t, *pt;

	if (!current->tpl || !previous->tpl ||
	    current->tpl->id != GOVREPORT_TEMPLATE_2021 ||
	    previous->tpl->id != GOVREPORT_TEMPLATE_2021)
		return 0;
	t = gr_table_get(current->tpl, GOVREPORT_SECTION_ACTIVE_DISCLOSURE);
	pt = gr_table_get(previous->tpl, GOVREPORT_SECTION_ACTIVE_DISCLOSURE);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct gr_cell_ref ref, issued_ref, repealed_ref, ignored;
		int64_t now, before, issued, repealed, expected;
		if (value_of(current, t, rows[i], GOVREPORT_AD_COL_IN_FORCE, flags, &now, &ref) < 0 ||
		    value_of(previous, pt, rows[i], GOVREPORT_AD_COL_IN_FORCE, flags, &before, &ignored) < 0 ||
		    value_of(current, t, rows[i], GOVREPORT_AD_COL_ISSUED, flags, &issued, &issued_ref) < 0 ||
		    value_of(current, t, rows[i], GOVREPORT_AD_COL_REPEALED, flags, &repealed, &repealed_ref) < 0 ||
		    __builtin_add_overflow(before, issued, &expected) ||
		    __builtin_sub_overflow(expected, repealed, &expected) || expected == now)
			continue;
		if (gr_diag_add(&current->diags, GR_XY_IN_FORCE, NULL, &ref,
				gr_report_cells(current, t->section)[ref.index].line,
				gr_printf("表%s「%s」%s为 %lld，按%d年报告的 %lld + %s %lld − %s %lld 应为 %lld",
					  t->number, ref.row->label, gr_column_brief(ref.column),
					  (long long)now, previous->year, (long long)before,
					  gr_column_brief(issued_ref.column), (long long)issued,
					  gr_column_brief(repealed_ref.column), (long long)repealed,
					  (long long)expected),
				gr_printf("%s, row \"%s\": %lld in force, but the %d report's "
					  "%lld + %lld issued − %lld repealed make %lld",
					  t->en_short, ref.row->en, (long long)now, previous->year,
					  (long long)before, (long long)issued,
					  (long long)repealed, (long long)expected)) < 0)
			return -1;
		gr_diag_set_numbers(&current->diags, expected, now);
	}
	return 0;
}
