/*
 * Table 二 — 主动公开政府信息情况 (第二十条 items): cell access; its table
 * recovery and rules join this module as they are written.
 */
#ifndef GR_ACTIVE_DISCLOSURE_H
#define GR_ACTIVE_DISCLOSURE_H

#include "input/linecells.h"
#include "model/report.h"

/*
 * Recover the table from the items [begin, end) of the cell stream.
 * Returns the number of rows (or, for table 四, values) found — 0 when the
 * table is not there — or -1 when out of memory.
 */
int gr_ad_recover(struct govreport *r, const struct gr_items *items,
		  size_t begin, size_t end);

/* FEE_PRECISION: money in 万元 with more than four decimal places.
 * Returns 0 or -1 (no memory). */
int gr_ad_rules(struct govreport *r);

/* XY_IN_FORCE ("2021" reports): 现行有效件数 = last year's + 本年制发件数 −
 * 本年废止件数, for 规章 and 行政规范性文件. Returns 0 or -1. */
int gr_ad_compare(const struct govreport *previous, struct govreport *current,
		  unsigned flags);

#endif
