/* Finding the parts' headings; see headings.h. */
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "util/alloc.h"
#include "tables/label.h"
#include "parts/headings.h"

/* A heading is a short line: its number, the heading, a few more words. */
#define GR_MAX_HEADING_EXTRA 12

/*
 * The parts' official headings and the words that identify each, as keys:
 * made once per process (pthread_once) and only read after.
 */
#define GR_MAX_PART_KEYS 4

static pthread_once_t part_keys_once = PTHREAD_ONCE_INIT;
static struct gr_key official[GR_PART_COUNT];
static struct gr_key part_keys[GR_PART_COUNT][GR_MAX_PART_KEYS];
static size_t npart_keys[GR_PART_COUNT];

static void
make_part_keys(void)
{
	for (int p = 0; p < GR_PART_COUNT; p++) {
		const struct gr_part_def *def = gr_part((enum gr_part)p);
		gr_key_make(def->heading, strlen(def->heading), &official[p]);
		for (const char *const *k = def->keys; *k && npart_keys[p] < GR_MAX_PART_KEYS; k++)
			gr_key_make(*k, strlen(*k), &part_keys[p][npart_keys[p]++]);
	}
}

/*
 * How each part's heading the item could be, as a score per part: 2 when
 * numbered with the part's own number (一、 or 1、), 1 when numbered
 * otherwise or written bare as the official heading, 0 when it is not that
 * part's heading. Each item's key is made once.
 */
static void
heading_scores(const struct gr_items *items, size_t i, uint8_t score[GR_PART_COUNT])
{
	const struct gr_item *item = &items->items[i];
	struct gr_key key;
	int number = 0, bracketed = 0;
	size_t numbering;

	size_t len;
	uint64_t mask;
	int possible = 0;

	memset(score, 0, GR_PART_COUNT);
	if (item->len == 0 || item->len > 150 || !gr_item_key_peek(items, i, &len, &mask))
		return;
	/* Most items hold no part's words: tell from the key's mask. */
	for (int p = 0; p < GR_PART_COUNT && !possible; p++)
		for (size_t k = 0; k < npart_keys[p] && !possible; k++)
			possible = len <= official[p].len + GR_MAX_HEADING_EXTRA &&
				   !(part_keys[p][k].mask & ~mask);
	if (!possible || !gr_item_key(items, i, &key))
		return;
	numbering = gr_numbering(item->text, item->len, &number, &bracketed);
	for (int p = 0; p < GR_PART_COUNT; p++) {
		int matched = 0;
		if (key.len > official[p].len + GR_MAX_HEADING_EXTRA)
			continue;
		for (size_t k = 0; k < npart_keys[p] && !matched; k++)
			matched = gr_key_find(&key, &part_keys[p][k]) >= 0;
		if (!matched)
			continue;
		if (numbering && !bracketed && number == p + 1)
			score[p] = 2;
		else if (numbering || gr_key_equal(&key, &official[p]))
			score[p] = 1;
	}
}

void
gr_find_parts(const struct gr_items *items, struct gr_parts *parts)
{
	uint8_t (*scores)[GR_PART_COUNT];
	size_t from = 0;

	pthread_once(&part_keys_once, make_part_keys);
	parts->count = items->count;
	for (int p = 0; p < GR_PART_COUNT; p++)
		parts->heading[p] = GR_NO_ITEM;
	/* Each item is scored once; without memory for the scores there is
	 * no heading to find either (the parse fails with NOMEM later). */
	scores = gr_malloc((items->count ? items->count : 1) * sizeof(*scores));
	if (!scores)
		return;
	for (size_t i = 0; i < items->count; i++)
		heading_scores(items, i, scores[i]);
	/* Parts come in order: part p is looked for after part p-1's
	 * heading, preferring a heading numbered as the part. */
	for (int p = 0; p < GR_PART_COUNT; p++) {
		size_t numbered = GR_NO_ITEM, other = GR_NO_ITEM;
		for (size_t i = from; i < items->count; i++) {
			if (scores[i][p] == 2) {
				numbered = i;
				break;
			}
			if (scores[i][p] == 1 && other == GR_NO_ITEM)
				other = i;
		}
		parts->heading[p] = numbered != GR_NO_ITEM ? numbered : other;
		if (parts->heading[p] != GR_NO_ITEM)
			from = parts->heading[p] + 1;
	}
	gr_free(scores);
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
