/*
 * The differences of two reports (govreport_diff()): a list kept in an
 * opaque struct govreport_diff and read through the govreport_diff_*
 * accessors. Each difference is keyed like the canonical JSON: section,
 * row and column are the path of the key that differs ("applications",
 * "granted", "total"; "organ"; "text", "overview"), all static strings
 * from template.c and json.c.
 */
#ifndef GR_DIFF_H
#define GR_DIFF_H

#include <stddef.h>
#include <stdint.h>

#include "govreport.h"

/* One side of a difference: a cell's value and state, a year or template
 * (value, PRESENT or MISSING), a table's presence (PRESENT or MISSING) or
 * a text (copied, NULL for none). */
struct gr_diff_side {
	int64_t value;
	unsigned scale;
	enum govreport_cell_state state;
	char *text;
};

struct gr_diff_item {
	enum govreport_diff_kind kind;
	const char *section, *row, *column;
	struct gr_diff_side side[2]; /* a, b */
};

struct govreport_diff {
	struct gr_diff_item *items;
	size_t count, cap;
};

/* The JSON name of a kind ("cell", "table", …), or NULL. */
const char *gr_diff_kind_name(enum govreport_diff_kind kind);

#endif
