/*
 * Text whose elements were joined with no separator, cut into paragraphs
 * again (SPEC §2 item 15); see fused.c.
 */
#ifndef GR_INPUT_FUSED_H
#define GR_INPUT_FUSED_H

#include <stddef.h>

#include "input/grid.h"
#include "input/text.h"

/*
 * Append s[0, len) (part of `line`, whose text starts at base) to items
 * as paragraphs: runs of digits apart from text, a row label apart from
 * the text before it. Returns 0, or -1 when out of memory.
 */
int gr_fused_cut(struct gr_items *items, const struct gr_line *line, const char *base,
		 const char *s, size_t len);

#endif
