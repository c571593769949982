/*
 * Table 三 — 收到和处理政府信息公开申请情况: cell access; its table
 * recovery and rules join this module as they are written.
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

/* The equations of table 三 (T3_BALANCE, T3_TOTAL_PROCESSED, T3_ROW_TOTAL),
 * when the report has the table. Returns 0 or -1 (no memory). */
struct gr_equations;
int gr_app_equations(const struct govreport *r, struct gr_equations *eqs);
/* The same for a template's table 三, whatever a report holds. */
int gr_app_table_equations(const struct gr_table *t, struct gr_equations *eqs);

/* XY_CARRYOVER: this year's 二、上年结转 against last year's 四、结转下年度,
 * column by column. Returns 0 or -1 (no memory). */
int gr_app_compare(const struct govreport *previous, struct govreport *current,
		   unsigned flags);

#endif
