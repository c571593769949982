/*
 * Table 三 — 收到和处理政府信息公开申请情况: cell access; its table
 * recovery and rules join this module as they are written.
 */
#ifndef GR_APPLICATIONS_H
#define GR_APPLICATIONS_H

#include "cells.h"
#include "report.h"

/*
 * Recover the table from the items [begin, end) of the cell stream.
 * Returns the number of rows (or, for table 四, values) found — 0 when the
 * table is not there — or -1 when out of memory.
 */
int gr_app_recover(struct govreport *r, const struct gr_items *items,
		  size_t begin, size_t end);

#endif
