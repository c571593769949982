/*
 * Table 二 — 主动公开政府信息情况 (第二十条 items): cell access; its table
 * recovery and rules join this module as they are written.
 */
#ifndef GR_ACTIVE_DISCLOSURE_H
#define GR_ACTIVE_DISCLOSURE_H

#include "cells.h"
#include "report.h"

/*
 * Recover the table from the items [begin, end) of the cell stream.
 * Returns the number of rows (or, for table 四, values) found — 0 when the
 * table is not there — or -1 when out of memory.
 */
int gr_ad_recover(struct govreport *r, const struct gr_items *items,
		  size_t begin, size_t end);

#endif
