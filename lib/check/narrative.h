/*
 * The prose against the tables: where parts 一 and 六 state a figure the
 * tables also hold (未收到…申请, 共收到申请N件, 行政复议N件, 行政诉讼N件),
 * the two must agree (NARRATIVE_APPLICATIONS, NARRATIVE_FIGURE). The figures,
 * their cells and keywords are the template's (gr_figures() in template.h).
 */
#ifndef GR_NARRATIVE_H
#define GR_NARRATIVE_H

#include "model/report.h"

/* Returns 0, or -1 when out of memory. */
int gr_narrative_rules(struct govreport *r, unsigned flags);

#endif
