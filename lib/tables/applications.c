/* Table 三 — 收到和处理政府信息公开申请情况. */
#include "tables/applications.h"
#include "tables/cell_access.h"
#include "check/equation.h"
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

/* ---- rules ------------------------------------------------------------- */

static const struct gr_group *
app_group(const struct gr_table *t)
{
	return &t->groups[0];
}

static size_t
cell(const struct gr_table *t, int row, int column)
{
	return gr_equation_cell(t, row, column);
}

/* T3_BALANCE, per column: 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度
 * (the table's own 勾稽关系). */
static int
rule_t3_balance(const struct gr_table *t, struct gr_equations *eqs)
{
	const struct gr_group *g = app_group(t);

	for (size_t c = 0; c < g->ncolumns; c++) {
		int col = g->columns[c].column;
		struct gr_equation eq = { .code = GR_T3_BALANCE, .table = t,
					  .column = &g->columns[c], .nlhs = 2, .nrhs = 2 };
		eq.lhs[0] = cell(t, GOVREPORT_APP_ROW_NEW_RECEIVED, col);
		eq.lhs[1] = cell(t, GOVREPORT_APP_ROW_CARRIED_OVER, col);
		eq.rhs[0] = cell(t, GOVREPORT_APP_ROW_TOTAL_PROCESSED, col);
		eq.rhs[1] = cell(t, GOVREPORT_APP_ROW_CARRIED_FORWARD, col);
		if (gr_equations_add(eqs, &eq) < 0)
			return -1;
	}
	return 0;
}

/* T3_TOTAL_PROCESSED, per column: （七）总计 = the outcome rows (一) to (六),
 * whichever rows the template has between 二、上年结转 and （七）总计. */
static int
rule_t3_total_processed(const struct gr_table *t, struct gr_equations *eqs)
{
	const struct gr_group *g = app_group(t);

	for (size_t c = 0; c < g->ncolumns; c++) {
		int col = g->columns[c].column;
		struct gr_equation eq = { .code = GR_T3_TOTAL_PROCESSED, .table = t,
					  .column = &g->columns[c], .nlhs = 1,
					  .rhs_zh = "办理结果（一）至（六）各项之和",
					  .rhs_en = "the outcomes (一) to (六)" };
		int inside = 0;
		eq.lhs[0] = cell(t, GOVREPORT_APP_ROW_TOTAL_PROCESSED, col);
		for (size_t r = 0; r < g->nrows && eq.nrhs < GR_EQ_MAX_TERMS; r++) {
			int row = g->rows[r].row;
			if (row == GOVREPORT_APP_ROW_TOTAL_PROCESSED)
				break;
			if (inside)
				eq.rhs[eq.nrhs++] = cell(t, row, col);
			if (row == GOVREPORT_APP_ROW_CARRIED_OVER)
				inside = 1;
		}
		if (gr_equations_add(eqs, &eq) < 0)
			return -1;
	}
	return 0;
}

/* T3_ROW_TOTAL, per row: 总计 = the six applicant columns. */
static int
rule_t3_row_total(const struct gr_table *t, struct gr_equations *eqs)
{
	const struct gr_group *g = app_group(t);

	for (size_t r = 0; r < g->nrows; r++) {
		int row = g->rows[r].row;
		struct gr_equation eq = { .code = GR_T3_ROW_TOTAL, .table = t,
					  .row = &g->rows[r], .nlhs = 1,
					  .rhs_zh = "各类申请人之和",
					  .rhs_en = "the six applicant columns" };
		eq.lhs[0] = cell(t, row, GOVREPORT_APP_COL_TOTAL);
		for (size_t c = 0; c < g->ncolumns; c++)
			if (g->columns[c].column != GOVREPORT_APP_COL_TOTAL)
				eq.rhs[eq.nrhs++] = cell(t, row, g->columns[c].column);
		if (gr_equations_add(eqs, &eq) < 0)
			return -1;
	}
	return 0;
}

int
gr_app_table_equations(const struct gr_table *t, struct gr_equations *eqs)
{
	if (rule_t3_balance(t, eqs) < 0 || rule_t3_total_processed(t, eqs) < 0 ||
	    rule_t3_row_total(t, eqs) < 0)
		return -1;
	return 0;
}

int
gr_app_equations(const struct govreport *r, struct gr_equations *eqs)
{
	const struct gr_table *t = gr_table_get(r->tpl, GOVREPORT_SECTION_APPLICATIONS);

	if (!t || !gr_report_cells(r, t->section))
		return 0;
	return gr_app_table_equations(t, eqs);
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
	g = app_group(t);
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
				gr_printf("表三 %s列：本年“二、上年结转”为 %lld，%d年报告“四、结转下年度”为 %lld",
					  ref.column->label, (long long)now, previous->year,
					  (long long)before),
				gr_printf("table 3, column \"%s\": carried over from last year is %lld, "
					  "but the %d report carried %lld forward", ref.column->en,
					  (long long)now, previous->year, (long long)before)) < 0)
			return -1;
		gr_diag_set_numbers(&current->diags, before, now);
	}
	return 0;
}
