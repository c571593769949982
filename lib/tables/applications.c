/* Table 三 — 收到和处理政府信息公开申请情况. */
#include "tables/applications.h"
#include "tables/cell_access.h"
#include "tables/tables.h"

GOVREPORT_EXPORT enum govreport_status
govreport_app_get(const struct govreport *report, enum govreport_app_row row,
		  enum govreport_app_column column, int64_t *value,
		  enum govreport_cell_state *state)
{
	return gr_section_get(report, GOVREPORT_SECTION_APPLICATIONS, (int)row,
			      (int)column, value, NULL, state);
}

GOVREPORT_EXPORT enum govreport_status
govreport_app_set(struct govreport *report, enum govreport_app_row row,
		  enum govreport_app_column column, int64_t value)
{
	return gr_section_set(report, GOVREPORT_SECTION_APPLICATIONS, (int)row,
			      (int)column, value, 0);
}

/* Rows are found by their labels (一、本年新收… / 规章 …). */
int
gr_app_recover(struct govreport *r, const struct gr_items *items, size_t begin,
	      size_t end)
{
	struct gr_recovery rc = { r, items, gr_table_get(r->tpl, GOVREPORT_SECTION_APPLICATIONS), begin, end };

	return gr_recover_table(&rc);
}

/* A cell's count for the cross-year check, or -1 when it has none. */
static int
count_of(const struct gr_cell *c, unsigned flags, int64_t *v)
{
	if (gr_cell_has_value(c)) {
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
gr_app_compare(const struct govreport *previous, struct govreport *current,
	       unsigned flags)
{
	const struct gr_table *t = gr_table_get(current->tpl, GOVREPORT_SECTION_APPLICATIONS);
	const struct gr_table *pt = gr_table_get(previous->tpl, GOVREPORT_SECTION_APPLICATIONS);
	const struct gr_cell *cells, *pcells;
	const struct gr_group *g;

	if (!t || !pt)
		return 0;
	cells = gr_report_cells(current, t->section);
	pcells = gr_report_cells(previous, pt->section);
	if (!cells || !pcells)
		return 0;
	g = &t->groups[0];
	/* The columns of table 三 are the same in both templates. */
	for (size_t c = 0; c < g->ncolumns; c++) {
		int col = g->columns[c].column;
		struct gr_cell_ref ref, pref;
		int64_t now, before;
		gr_cell_find(t, GOVREPORT_APP_ROW_CARRIED_OVER, col, &ref);
		gr_cell_find(pt, GOVREPORT_APP_ROW_CARRIED_FORWARD, col, &pref);
		if (count_of(&cells[ref.index], flags, &now) < 0 ||
		    count_of(&pcells[pref.index], flags, &before) < 0 || now == before)
			continue;
		if (gr_diag_add(&current->diags, GR_XY_CARRYOVER, NULL, &ref,
				cells[ref.index].line,
				gr_printf("表%s %s列：本年“%s”为 %lld，%d年报告“%s”为 %lld",
					  t->number, ref.column->label, gr_row_brief(ref.row),
					  (long long)now, previous->year,
					  gr_row_brief(pref.row), (long long)before),
				gr_printf("%s, column \"%s\": %s is %lld, but the %d report "
					  "carried %lld forward", t->en_short, ref.column->en,
					  ref.row->en, (long long)now, previous->year,
					  (long long)before)) < 0)
			return -1;
		gr_diag_set_numbers(&current->diags, before, now);
	}
	return 0;
}
