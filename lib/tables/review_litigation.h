/*
 * Table 四 — 政府信息公开行政复议、行政诉讼情况: cell access and
 * table recovery; its equations are data in the template (template.c).
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

#endif
