/* Table 四 — 政府信息公开行政复议、行政诉讼情况. */
#include "tables/review_litigation.h"
#include "tables/cell_access.h"
#include "check/equation.h"
#include "tables/tables.h"

GOVREPORT_EXPORT enum govreport_status
govreport_rl_get(const struct govreport *report, enum govreport_rl_row row,
		 enum govreport_rl_column column, int64_t *value,
		 enum govreport_cell_state *state)
{
	return gr_section_get(report, GOVREPORT_SECTION_REVIEW_LITIGATION,
			      (int)row, (int)column, value, NULL, state);
}

GOVREPORT_EXPORT enum govreport_status
govreport_rl_set(struct govreport *report, enum govreport_rl_row row,
		 enum govreport_rl_column column, int64_t value)
{
	return gr_section_set(report, GOVREPORT_SECTION_REVIEW_LITIGATION,
			      (int)row, (int)column, value, 0);
}

/*
 * The stub of table 四 is a header (行政复议 | 行政诉讼 …), not row labels:
 * its fifteen numbers follow in template order.
 */
int
gr_rl_recover(struct govreport *r, const struct gr_items *items, size_t begin,
	      size_t end)
{
	struct gr_recovery rc = { r, items, gr_table_get(r->tpl, GOVREPORT_SECTION_REVIEW_LITIGATION), begin, end };

	return gr_recover_by_sequence(&rc);
}

/* T4_TOTAL, per group: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
static int
rule_t4_total(const struct gr_table *t, struct gr_equations *eqs)
{
	const struct gr_group *g = &t->groups[0];

	for (size_t r = 0; r < g->nrows; r++) {
		int row = g->rows[r].row;
		struct gr_equation eq = { .code = GR_T4_TOTAL, .table = t,
					  .row = &g->rows[r], .nlhs = 1 };
		eq.lhs[0] = gr_equation_cell(t, row, GOVREPORT_RL_COL_TOTAL);
		for (size_t c = 0; c < g->ncolumns; c++)
			if (g->columns[c].column != GOVREPORT_RL_COL_TOTAL)
				eq.rhs[eq.nrhs++] = gr_equation_cell(t, row, g->columns[c].column);
		if (gr_equations_add(eqs, &eq) < 0)
			return -1;
	}
	return 0;
}

int
gr_rl_table_equations(const struct gr_table *t, struct gr_equations *eqs)
{
	return rule_t4_total(t, eqs);
}

int
gr_rl_equations(const struct govreport *r, struct gr_equations *eqs)
{
	const struct gr_table *t = gr_table_get(r->tpl, GOVREPORT_SECTION_REVIEW_LITIGATION);

	if (!t || !gr_report_cells(r, t->section))
		return 0;
	return gr_rl_table_equations(t, eqs);
}
