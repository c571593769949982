/* Label keys and matching; see label.h. */
#include <stdlib.h>
#include <string.h>

#include "label.h"
#include "utf8.h"

static int
is_cjk_numeral(int32_t c)
{
	return c == 0x4E00 /* 一 */ || c == 0x4E8C /* 二 */ || c == 0x4E09 /* 三 */ ||
	       c == 0x56DB /* 四 */ || c == 0x4E94 /* 五 */ || c == 0x516D /* 六 */ ||
	       c == 0x4E03 /* 七 */ || c == 0x516B /* 八 */ || c == 0x4E5D /* 九 */ ||
	       c == 0x5341 /* 十 */;
}

static int
is_numbering_mark(int32_t c)
{
	return c == 0x3001 /* 、 */ || c == '.' || c == ',' || c == 0xFF0E ||
	       c == 0xFF0C || c == 0x3002 || c == ':' || c == 0xFF1A;
}

static int
numeral_value(int32_t c)
{
	static const int32_t numerals[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
					    0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341 };
	for (int i = 0; i < 10; i++)
		if (numerals[i] == c)
			return i + 1;
	return 0;
}

/*
 * Numbering without a mark or brackets (一是, 2023年) is not numbering.
 * Chinese numerals read as the sum of their digits' values is wrong past
 * 十 but part and item numbers stay below it.
 */
size_t
gr_numbering(const char *s, size_t len, int *value, int *bracketed)
{
	size_t pos = 0, after;
	int32_t c;
	int open = 0, digits = 0, numerals = 0, v = 0;

	while (pos < len && s[pos] == ' ')
		pos++;
	after = pos;
	c = gr_utf8_next(s, len, &after);
	if (c == '(' || c == 0xFF08) {
		open = 1;
		pos = after;
	}
	for (;;) {
		after = pos;
		c = gr_utf8_next(s, len, &after);
		if (c >= '0' && c <= '9' && !numerals && digits < 3) {
			v = v * 10 + (c - '0');
			digits++;
		} else if (is_cjk_numeral(c) && !digits && numerals < 3) {
			v += numeral_value(c);
			numerals++;
		} else {
			break;
		}
		pos = after;
	}
	if (!digits && !numerals)
		return 0;
	if (open) {
		if (c != ')' && c != 0xFF09)
			return 0;
		pos = after;
		after = pos;
		c = gr_utf8_next(s, len, &after);
		if (is_numbering_mark(c))
			pos = after;
	} else if (is_numbering_mark(c) || c == ')' || c == 0xFF09) {
		pos = after;
	} else {
		return 0;
	}
	if (value)
		*value = v;
	if (bracketed)
		*bracketed = open;
	return pos;
}

void
gr_key_make(const char *s, size_t len, struct gr_key *key)
{
	size_t pos = gr_numbering(s, len, NULL, NULL);

	key->len = 0;
	key->truncated = 0;
	while (pos < len) {
		int32_t c = gr_utf8_next(s, len, &pos);
		if (!gr_is_han(c))
			continue;
		if (key->len == GR_KEY_MAX) {
			key->truncated = 1;
			return;
		}
		key->cp[key->len++] = c;
	}
}

int
gr_key_equal(const struct gr_key *a, const struct gr_key *b)
{
	return a->len == b->len &&
	       memcmp(a->cp, b->cp, a->len * sizeof(a->cp[0])) == 0;
}

long
gr_key_find(const struct gr_key *hay, const struct gr_key *needle)
{
	if (needle->len == 0 || needle->len > hay->len)
		return -1;
	for (size_t i = 0; i + needle->len <= hay->len; i++)
		if (memcmp(hay->cp + i, needle->cp,
			   needle->len * sizeof(needle->cp[0])) == 0)
			return (long)i;
	return -1;
}

int
gr_key_contains_text(const struct gr_key *key, const char *text)
{
	struct gr_key needle;

	gr_key_make(text, strlen(text), &needle);
	return gr_key_find(key, &needle) >= 0;
}

size_t
gr_key_distance(const struct gr_key *a, const struct gr_key *b, size_t limit)
{
	size_t prev[GR_KEY_MAX + 1], cur[GR_KEY_MAX + 1];

	if ((a->len > b->len ? a->len - b->len : b->len - a->len) > limit)
		return limit + 1;
	for (size_t j = 0; j <= b->len; j++)
		prev[j] = j;
	for (size_t i = 1; i <= a->len; i++) {
		size_t best;
		cur[0] = i;
		best = cur[0];
		for (size_t j = 1; j <= b->len; j++) {
			size_t sub = prev[j - 1] + (a->cp[i - 1] != b->cp[j - 1]);
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

/* Remove a prefix key from the front of item if it is there. */
static void
strip_prefix(struct gr_key *item, const struct gr_key *prefix)
{
	if (prefix->len == 0 || prefix->len >= item->len ||
	    memcmp(item->cp, prefix->cp, prefix->len * sizeof(prefix->cp[0])) != 0)
		return;
	memmove(item->cp, item->cp + prefix->len,
		(item->len - prefix->len) * sizeof(item->cp[0]));
	item->len -= prefix->len;
}

static int
compare_cp(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

/* Whether two keys hold the same characters in any order. */
static int
same_characters(const struct gr_key *a, const struct gr_key *b)
{
	int32_t x[GR_KEY_MAX], y[GR_KEY_MAX];

	if (a->len != b->len || a->len == 0)
		return 0;
	memcpy(x, a->cp, a->len * sizeof(x[0]));
	memcpy(y, b->cp, b->len * sizeof(y[0]));
	qsort(x, a->len, sizeof(x[0]), compare_cp);
	qsort(y, b->len, sizeof(y[0]), compare_cp);
	return memcmp(x, y, a->len * sizeof(x[0])) == 0;
}

/* Short keys (规章, 其他, 总计) are matched whole, never inside others. */
#define GR_MIN_CONTAINED 4
/* A label cell holds little besides the label (a unit, a note mark). */
#define GR_MAX_EXTRA 8

static enum gr_match
match_key(const struct gr_key *item, const struct gr_key *label)
{
	size_t limit;

	if (label->len == 0)
		return GR_MATCH_NONE;
	if (gr_key_equal(item, label))
		return GR_MATCH_EXACT;
	if (label->len < GR_MIN_CONTAINED)
		return GR_MATCH_NONE;
	if (item->len <= label->len + GR_MAX_EXTRA && gr_key_find(item, label) >= 0)
		return GR_MATCH_EXACT;
	limit = 1 + label->len / 8;
	if (gr_key_distance(item, label, limit) <= limit)
		return GR_MATCH_FUZZY;
	/* A garble keeps the characters and loses their order: 其结果他. */
	return same_characters(item, label) ? GR_MATCH_FUZZY : GR_MATCH_NONE;
}

enum gr_match
gr_label_match_text(const struct gr_key *item, const char *label)
{
	struct gr_key key;

	gr_key_make(label, strlen(label), &key);
	return match_key(item, &key);
}

enum gr_match
gr_label_match_column(const struct gr_key *item, const struct gr_column *column)
{
	enum gr_match best = gr_label_match_text(item, column->label);

	for (const char *const *a = column->aliases; a && *a && best != GR_MATCH_EXACT; a++) {
		enum gr_match m = gr_label_match_text(item, *a);
		if (m > best)
			best = m;
	}
	return best;
}

static void
key_of(const char *text, struct gr_key *key)
{
	if (text)
		gr_key_make(text, strlen(text), key);
	else
		key->len = 0, key->truncated = 0;
}

void
gr_row_keys_make(const struct gr_row *row, struct gr_row_keys *keys)
{
	keys->row = row;
	key_of(row->label, &keys->label);
	key_of(row->parent, &keys->parent);
	key_of(row->outer, &keys->outer);
	keys->naliases = 0;
	for (const char *const *a = row->aliases;
	     a && *a && keys->naliases < GR_MAX_ALIASES; a++)
		key_of(*a, &keys->aliases[keys->naliases++]);
}

enum gr_match
gr_label_match_row(const struct gr_key *item, const struct gr_row_keys *row)
{
	struct gr_key own;
	enum gr_match best;

	if (item->len == 0 || item->truncated)
		return GR_MATCH_NONE;
	/* A cell may carry the stub labels around the row's own. */
	own = *item;
	strip_prefix(&own, &row->outer);
	strip_prefix(&own, &row->parent);
	best = match_key(&own, &row->label);
	for (size_t i = 0; i < row->naliases && best != GR_MATCH_EXACT; i++) {
		enum gr_match m = match_key(&own, &row->aliases[i]);
		if (m > best)
			best = m;
	}
	return best;
}
