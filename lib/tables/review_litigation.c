/* Table 四 — 政府信息公开行政复议、行政诉讼情况. */
#include "tables/review_litigation.h"
#include "tables/cell_access.h"
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
