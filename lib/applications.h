/*
 * Table 三 — 收到和处理政府信息公开申请情况: cell access; its table
 * recovery and rules join this module as they are written.
 */
#ifndef GR_APPLICATIONS_H
#define GR_APPLICATIONS_H

#include "report.h"

#endif
