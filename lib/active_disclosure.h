/*
 * Table 二 — 主动公开政府信息情况 (第二十条 items): cell access; its table
 * recovery and rules join this module as they are written.
 */
#ifndef GR_ACTIVE_DISCLOSURE_H
#define GR_ACTIVE_DISCLOSURE_H

#include "report.h"

#endif
