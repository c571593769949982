/*
 * Table 四 — 政府信息公开行政复议、行政诉讼情况: cell access; its table
 * recovery and rules join this module as they are written.
 */
#ifndef GR_REVIEW_LITIGATION_H
#define GR_REVIEW_LITIGATION_H

#include "report.h"

#endif
