/*
 * Table 四 — 政府信息公开行政复议、行政诉讼情况: cell access; its table
 * recovery and rules join this module as they are written.
 */
#ifndef GR_REVIEW_LITIGATION_H
#define GR_REVIEW_LITIGATION_H

#include "input/linecells.h"
#include "model/report.h"

/*
 * Recover the table from the items [begin, end) of the cell stream.
 * Returns the number of rows (or, for table 四, values) found — 0 when the
 * table is not there — or -1 when out of memory.
 */
int gr_rl_recover(struct govreport *r, const struct gr_items *items,
		  size_t begin, size_t end);

/* The equations of table 四 (T4_TOTAL), when the report has the table.
 * Returns 0 or -1 (no memory). */
struct gr_equations;
int gr_rl_equations(const struct govreport *r, struct gr_equations *eqs);
/* The same for a template's table 四, whatever a report holds. */
int gr_rl_table_equations(const struct gr_table *t, struct gr_equations *eqs);

#endif
