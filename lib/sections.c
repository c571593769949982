/* Finding the parts' headings; see sections.h. */
#include <string.h>

#include "label.h"
#include "sections.h"

/* A heading is a short line: its number, the heading, a few more words. */
#define GR_MAX_HEADING_EXTRA 12

/*
 * How item text reads as the heading of part p: 2 when numbered with the
 * part's own number (一、 or 1、), 1 when numbered otherwise or written
 * bare as the official heading, 0 when it is not p's heading.
 */
static int
heading_score(const struct gr_item *item, enum gr_part p)
{
	const struct gr_part_def *def = gr_part(p);
	struct gr_key key, official;
	int number = 0, bracketed = 0, matched = 0;
	size_t numbering;

	if (item->len == 0 || item->len > 150)
		return 0;
	numbering = gr_numbering(item->text, item->len, &number, &bracketed);
	gr_key_make(item->text, item->len, &key);
	gr_key_make(def->heading, strlen(def->heading), &official);
	if (key.len == 0 || key.len > official.len + GR_MAX_HEADING_EXTRA)
		return 0;
	for (const char *const *k = def->keys; *k && !matched; k++)
		matched = gr_key_contains_text(&key, *k);
	if (!matched)
		return 0;
	if (numbering && !bracketed && number == (int)p + 1)
		return 2;
	if (numbering || gr_key_equal(&key, &official))
		return 1;
	return 0;
}

static size_t
find_heading(const struct gr_items *items, size_t from, enum gr_part p,
	     int min_score)
{
	for (size_t i = from; i < items->count; i++)
		if (heading_score(&items->items[i], p) >= min_score)
			return i;
	return GR_NO_ITEM;
}

void
gr_find_parts(const struct gr_items *items, struct gr_parts *parts)
{
	size_t from = 0;

	parts->count = items->count;
	for (int p = 0; p < GR_PART_COUNT; p++) {
		/* Prefer a heading numbered as the part; fall back on any. */
		size_t at = find_heading(items, from, (enum gr_part)p, 2);
		if (at == GR_NO_ITEM)
			at = find_heading(items, from, (enum gr_part)p, 1);
		parts->heading[p] = at;
		if (at != GR_NO_ITEM)
			from = at + 1;
	}
}

size_t
gr_part_begin(const struct gr_parts *parts, enum gr_part p)
{
	return parts->heading[p] == GR_NO_ITEM ? GR_NO_ITEM : parts->heading[p] + 1;
}

size_t
gr_part_end(const struct gr_parts *parts, enum gr_part p)
{
	for (int q = (int)p + 1; q < GR_PART_COUNT; q++)
		if (parts->heading[q] != GR_NO_ITEM)
			return parts->heading[q];
	return parts->count;
}

int
gr_is_heading(const struct gr_parts *parts, size_t i)
{
	for (int p = 0; p < GR_PART_COUNT; p++)
		if (parts->heading[p] == i)
			return 1;
	return 0;
}
