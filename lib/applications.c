/* Table 三 — 收到和处理政府信息公开申请情况. */
#include "applications.h"
#include "section.h"
#include "tables.h"

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

	return gr_recover_by_rows(&rc);
}
