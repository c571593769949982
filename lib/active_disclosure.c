/* Table 二 — 主动公开政府信息情况 (第二十条 items). */
#include "active_disclosure.h"
#include "section.h"
#include "tables.h"

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

	return gr_recover_by_rows(&rc);
}
