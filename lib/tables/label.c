/* Label keys and matching; see label.h. */
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "input/linecells.h"
#include "tables/label.h"
#include "util/utf8.h"

static uint64_t
cp_bit(int32_t c)
{
	return 1ull << ((uint32_t)c & 63);
}

void
gr_key_make(const char *s, size_t len, struct gr_key *key)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t pos = gr_numbering(s, len, NULL, NULL);

	key->len = 0;
	key->truncated = 0;
	key->mask = 0;
	while (pos < len) {
		unsigned char c = u[pos];
		int32_t cp;
		/* Below U+3000 (lead byte E3) nothing is Han: step over it as
		 * gr_utf8_next() would. */
		if (c < 0xE3) {
			pos += c < 0x80 ? 1 : c < 0xE0 ? 2 : 3;
			continue;
		}
		cp = gr_utf8_next(s, len, &pos);
		if (!gr_is_han(cp))
			continue;
		if (key->len == GR_KEY_MAX) {
			key->truncated = 1;
			return;
		}
		key->cp[key->len++] = cp;
		key->mask |= cp_bit(cp);
	}
}

/* Room for one more key in items->keys. */
static int
grow_keys(struct gr_items *items, size_t nkeys, size_t *cap)
{
	struct gr_item_key *grown;
	size_t ncap;

	if (nkeys < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 256;
	grown = gr_realloc(items->keys, ncap * sizeof(*grown));
	if (!grown)
		return -1;
	items->keys = grown;
	*cap = ncap;
	return 0;
}

/* Whether every character of the key fits 16 bits (all Han characters
 * but those of the extensions past U+FFFF). */
static int
fits_16_bits(const struct gr_key *key)
{
	for (size_t i = 0; i < key->len; i++)
		if (key->cp[i] > 0xFFFF)
			return 0;
	return 1;
}

/*
 * The keys' characters are kept in 16 bits each, half what code points
 * take: a line of prose up to GOVREPORT_MAX_CELL bytes has a key of all
 * its Han characters, 4 bytes for every 3 of its text as code points, and
 * the keys live while the report's prose is copied out of the items. The
 * rare key with a character past U+FFFF is made again when asked.
 */
int
gr_item_keys_make(struct gr_items *items)
{
	size_t used = 0, cap = 0, nkeys = 0, keys_cap = 0;
	struct gr_key key;

	if (items->key_of || items->count == 0)
		return 0;
	/* Most items (the values) have no key: 4 bytes each, and a key only
	 * for those that have one. */
	items->key_of = gr_calloc(items->count, sizeof(*items->key_of));
	if (!items->key_of)
		return -1;
	for (size_t i = 0; i < items->count; i++) {
		const struct gr_item *item = &items->items[i];
		struct gr_item_key *k;
		if (item->len == 0 || item->len > GOVREPORT_MAX_CELL)
			continue;
		gr_key_make(item->text, item->len, &key);
		if (key.len == 0)
			continue;
		if (grow_keys(items, nkeys, &keys_cap) < 0)
			return -1;
		k = &items->keys[nkeys++];
		k->start = GR_KEY_REMADE;
		k->len = (uint8_t)key.len;
		k->truncated = (uint8_t)key.truncated;
		k->mask = key.mask;
		items->key_of[i] = (uint32_t)nkeys;
		if (!fits_16_bits(&key))
			continue;
		if (used + key.len > cap) {
			size_t ncap = cap ? cap * 2 : 1024;
			uint16_t *grown;
			while (ncap < used + key.len)
				ncap *= 2;
			grown = gr_realloc(items->key_pool, ncap * sizeof(*grown));
			if (!grown)
				return -1;
			items->key_pool = grown;
			cap = ncap;
		}
		for (size_t c = 0; c < key.len; c++)
			items->key_pool[used + c] = (uint16_t)key.cp[c];
		k->start = (uint32_t)used;
		used += key.len;
	}
	return 0;
}

/* Item i's key entry, or NULL when it has none (keys made). */
static const struct gr_item_key *
key_entry(const struct gr_items *items, size_t i)
{
	uint32_t k = items->key_of[i];

	return k ? &items->keys[k - 1] : NULL;
}

int
gr_item_key(const struct gr_items *items, size_t i, struct gr_key *key)
{
	const struct gr_item *item = &items->items[i];
	const struct gr_item_key *k;

	if (item->len == 0 || item->len > GOVREPORT_MAX_CELL)
		return 0;
	if (!items->key_of) {
		gr_key_make(item->text, item->len, key);
		return key->len > 0;
	}
	k = key_entry(items, i);
	if (!k) {
		key->len = 0;
		key->truncated = 0;
		key->mask = 0;
		return 0;
	}
	if (k->start == GR_KEY_REMADE) {
		gr_key_make(item->text, item->len, key);
		return key->len > 0;
	}
	key->len = k->len;
	key->truncated = k->truncated;
	key->mask = k->mask;
	for (size_t c = 0; c < k->len; c++)
		key->cp[c] = items->key_pool[k->start + c];
	return key->len > 0;
}

int
gr_item_key_peek(const struct gr_items *items, size_t i, size_t *len, uint64_t *mask)
{
	const struct gr_item *item = &items->items[i];
	const struct gr_item_key *k;
	struct gr_key key;

	if (item->len == 0 || item->len > GOVREPORT_MAX_CELL)
		return 0;
	if (!items->key_of) {
		gr_key_make(item->text, item->len, &key);
		*len = key.len;
		*mask = key.mask;
		return key.len > 0;
	}
	k = key_entry(items, i);
	*len = k ? k->len : 0;
	*mask = k ? k->mask : 0;
	return *len > 0;
}

int
gr_key_equal(const struct gr_key *a, const struct gr_key *b)
{
	return a->len == b->len &&
	       memcmp(a->cp, b->cp, a->len * sizeof(a->cp[0])) == 0;
}

/*
 * A key, or the part of one left after its stub labels: the characters and
 * a mask that holds at least their bits.
 */
struct view {
	const int32_t *cp;
	size_t len;
	uint64_t mask;
};

static struct view
view_of(const struct gr_key *key)
{
	return (struct view){ key->cp, key->len, key->mask };
}

static long
view_find(struct view hay, const struct gr_key *needle)
{
	int32_t first;
	size_t rest;

	if (needle->len == 0 || needle->len > hay.len || (needle->mask & ~hay.mask))
		return -1;
	first = needle->cp[0];
	rest = (needle->len - 1) * sizeof(needle->cp[0]);
	for (size_t i = 0; i + needle->len <= hay.len; i++)
		if (hay.cp[i] == first &&
		    (rest == 0 || memcmp(hay.cp + i + 1, needle->cp + 1, rest) == 0))
			return (long)i;
	return -1;
}

long
gr_key_find(const struct gr_key *hay, const struct gr_key *needle)
{
	return view_find(view_of(hay), needle);
}

int
gr_key_contains_text(const struct gr_key *key, const char *text)
{
	struct gr_key needle;

	gr_key_make(text, strlen(text), &needle);
	return gr_key_find(key, &needle) >= 0;
}

/* Characters of a that b's mask does not have: each costs an edit. */
static size_t
missing_from(struct view a, uint64_t mask, size_t limit)
{
	size_t missing = 0;

	for (size_t i = 0; i < a.len && missing <= limit; i++)
		missing += !(mask & cp_bit(a.cp[i]));
	return missing;
}

static size_t
view_distance(struct view a, const struct gr_key *b, size_t limit)
{
	size_t prev[GR_KEY_MAX + 1], cur[GR_KEY_MAX + 1];

	if ((a.len > b->len ? a.len - b->len : b->len - a.len) > limit)
		return limit + 1;
	/* Lower bounds from the masks: a character of one that the other
	 * lacks needs an edit (b's mask is exact, a's may hold more). */
	if ((size_t)__builtin_popcountll(b->mask & ~a.mask) > limit ||
	    missing_from(a, b->mask, limit) > limit)
		return limit + 1;
	for (size_t j = 0; j <= b->len; j++)
		prev[j] = j;
	for (size_t i = 1; i <= a.len; i++) {
		size_t best;
		cur[0] = i;
		best = cur[0];
		for (size_t j = 1; j <= b->len; j++) {
			size_t sub = prev[j - 1] + (a.cp[i - 1] != b->cp[j - 1]);
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
			if (cur[j] < best)
				best = cur[j];
		}
		if (best > limit)
			return limit + 1;
		memcpy(prev, cur, (b->len + 1) * sizeof(prev[0]));
	}
	return prev[b->len];
}

size_t
gr_key_distance(const struct gr_key *a, const struct gr_key *b, size_t limit)
{
	return view_distance(view_of(a), b, limit);
}

/* The view without a prefix key at its front, if it is there. */
static struct view
strip_prefix(struct view item, const struct gr_key *prefix)
{
	if (prefix->len == 0 || prefix->len >= item.len ||
	    memcmp(item.cp, prefix->cp, prefix->len * sizeof(prefix->cp[0])) != 0)
		return item;
	item.cp += prefix->len;
	item.len -= prefix->len;
	return item;
}

static int
compare_cp(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

/* Whether two keys hold the same characters in any order. */
static int
same_characters(struct view a, const struct gr_key *b)
{
	int32_t x[GR_KEY_MAX], y[GR_KEY_MAX];
	uint64_t mask = 0;

	if (a.len != b->len || a.len == 0)
		return 0;
	for (size_t i = 0; i < a.len; i++)
		mask |= cp_bit(a.cp[i]);
	if (mask != b->mask)
		return 0;
	memcpy(x, a.cp, a.len * sizeof(x[0]));
	memcpy(y, b->cp, b->len * sizeof(y[0]));
	qsort(x, a.len, sizeof(x[0]), compare_cp);
	qsort(y, b->len, sizeof(y[0]), compare_cp);
	return memcmp(x, y, a.len * sizeof(x[0])) == 0;
}

/* Short keys (规章, 其他, 总计) are matched whole, never inside others. */
#define GR_MIN_CONTAINED 4
/* A label cell holds little besides the label (a unit, a note mark). */
#define GR_MAX_EXTRA 8

static enum gr_match
match_key(struct view item, const struct gr_key *label)
{
	size_t limit;

	if (label->len == 0)
		return GR_MATCH_NONE;
	if (item.len == label->len &&
	    memcmp(item.cp, label->cp, item.len * sizeof(item.cp[0])) == 0)
		return GR_MATCH_EXACT;
	if (label->len < GR_MIN_CONTAINED)
		return GR_MATCH_NONE;
	if (item.len <= label->len + GR_MAX_EXTRA && view_find(item, label) >= 0)
		return GR_MATCH_EXACT;
	limit = 1 + label->len / 8;
	if (view_distance(item, label, limit) <= limit)
		return GR_MATCH_FUZZY;
	/* A garble keeps the characters and loses their order: 其结果他. */
	return same_characters(item, label) ? GR_MATCH_FUZZY : GR_MATCH_NONE;
}

enum gr_match
gr_label_match_text(const struct gr_key *item, const char *label)
{
	struct gr_key key;

	gr_key_make(label, strlen(label), &key);
	return match_key(view_of(item), &key);
}

enum gr_match
gr_label_match_key(const struct gr_key *item, const struct gr_key *label)
{
	return match_key(view_of(item), label);
}

void
gr_key_of(const char *text, struct gr_key *key)
{
	if (text)
		gr_key_make(text, strlen(text), key);
	else
		key->len = 0, key->truncated = 0, key->mask = 0;
}

void
gr_row_keys_make(const struct gr_row *row, struct gr_row_keys *keys)
{
	keys->row = row;
	gr_key_of(row->label, &keys->label);
	gr_key_of(row->parent, &keys->parent);
	gr_key_of(row->outer, &keys->outer);
	keys->naliases = 0;
	for (const char *const *a = row->aliases;
	     a && *a && keys->naliases < GR_MAX_ALIASES; a++)
		gr_key_of(*a, &keys->aliases[keys->naliases++]);
}

enum gr_match
gr_label_match_row(const struct gr_key *item, const struct gr_row_keys *row)
{
	struct view own;
	enum gr_match best;

	if (item->len == 0 || item->truncated)
		return GR_MATCH_NONE;
	/* A cell may carry the stub labels around the row's own. */
	own = strip_prefix(view_of(item), &row->outer);
	own = strip_prefix(own, &row->parent);
	best = match_key(own, &row->label);
	for (size_t i = 0; i < row->naliases && best != GR_MATCH_EXACT; i++) {
		enum gr_match m = match_key(own, &row->aliases[i]);
		if (m > best)
			best = m;
	}
	return best;
}
