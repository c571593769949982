/*
 * Table 三 — 收到和处理政府信息公开申请情况: cell access, table
 * recovery and the cross-year rule (XY_CARRYOVER); its equations are data
 * in the template (template.c).
 */
#ifndef GR_APPLICATIONS_H
#define GR_APPLICATIONS_H

#include "input/linecells.h"
#include "model/report.h"

/*
 * Recover the table from the items [begin, end) of the cell stream.
 * Returns the number of rows (or, for table 四, values) found — 0 when the
 * table is not there — or -1 when out of memory.
 */
int gr_app_recover(struct govreport *r, const struct gr_items *items,
		  size_t begin, size_t end);

/* XY_CARRYOVER: this year's 二、上年结转 against last year's 四、结转下年度,
 * column by column. Returns 0 or -1 (no memory). */
int gr_app_compare(const struct govreport *previous, struct govreport *current,
		   unsigned flags);

#endif
