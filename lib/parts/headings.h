/*
 * lib/parts/ — the second stage: the report's six parts found by their
 * headings (this file) and what it says of itself, title, organ, year,
 * date and prose (metadata.h: metadata.c, with title.c, organ.c, dates.c
 * and prose.c). It reads the representation, never a shape.
 *
 * The six parts of a report (一 总体情况 … 六 其他需要报告的事项), found by
 * their headings: 一、/1、/(一) numbering, traditional characters (already
 * converted), extra words. The order of the parts never changes.
 */
#ifndef GR_SECTIONS_H
#define GR_SECTIONS_H

#include "input/linecells.h"
#include "model/template.h"

#define GR_NO_ITEM ((size_t)-1)

struct gr_parts {
	size_t heading[GR_PART_COUNT]; /* item index, or GR_NO_ITEM */
	size_t count;                  /* items in the document */
};

void gr_find_parts(const struct gr_items *items, struct gr_parts *parts);

/* The first item after part p's heading, or GR_NO_ITEM without one. */
size_t gr_part_begin(const struct gr_parts *parts, enum gr_part p);

/* Where part p ends: the next heading found after it, or the end. */
size_t gr_part_end(const struct gr_parts *parts, enum gr_part p);

/* Whether item i is any part's heading. */
int gr_is_heading(const struct gr_parts *parts, size_t i);

#endif
