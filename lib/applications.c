/* Table 三 — 收到和处理政府信息公开申请情况. */
#include "applications.h"
#include "section.h"

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
