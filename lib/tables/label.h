/*
 * Label keys and tolerant matching. A key is what identifies a label: its
 * Han characters, with leading numbering (一、 (一) 1.) removed, so that
 * punctuation, spacing, full-width forms and quotes never matter.
 *
 * label.c makes keys and matches them, label_numbering.c reads the
 * numbering, label_template.c holds the templates' keys, made once.
 */
#ifndef GR_LABEL_H
#define GR_LABEL_H

#include <stddef.h>
#include <stdint.h>

#include "model/template.h"

#define GR_KEY_MAX 80

struct gr_key {
	int32_t cp[GR_KEY_MAX];
	size_t len;
	int truncated; /* the text had more Han characters than fit */
	/* Bit c % 64 set for each character c: a quick "cannot match". */
	uint64_t mask;
};

enum gr_match {
	GR_MATCH_NONE = 0,
	GR_MATCH_FUZZY = 1, /* typo or garble: worth a LABEL_FUZZY */
	GR_MATCH_EXACT = 2, /* the label, an official variant, or with its
			     * enclosing labels or a unit around it */
};

void gr_key_make(const char *s, size_t len, struct gr_key *key);

/* The key of a NUL-terminated text, or an empty key when text is NULL. */
void gr_key_of(const char *text, struct gr_key *key);

struct gr_items;

/*
 * Make the key of every item of 1 to GOVREPORT_MAX_CELL bytes once, for
 * all the places that match items against labels. Returns 0, or -1 when
 * out of memory.
 */
int gr_item_keys_make(struct gr_items *items);

/*
 * The key of item i (made now if gr_item_keys_make() was not called):
 * returns 1 when the item has a non-empty key, 0 when it is empty or
 * longer than GOVREPORT_MAX_CELL bytes.
 */
int gr_item_key(const struct gr_items *items, size_t i, struct gr_key *key);

/*
 * The length and mask of that key without copying it: enough to rule out
 * most labels (a label whose mask is not inside the item's is not in it).
 * Returns 0 when the item has no key.
 */
int gr_item_key_peek(const struct gr_items *items, size_t i, size_t *len,
		     uint64_t *mask);

/*
 * Numbering at the start of s (一、 (一) 1. 1、 (1)): its length in bytes,
 * 0 when there is none; *value receives its number (一 and 1 are 1) and
 * *bracketed whether it was in brackets. Either may be NULL.
 */
size_t gr_numbering(const char *s, size_t len, int *value, int *bracketed);

int gr_key_equal(const struct gr_key *a, const struct gr_key *b);

/* Index of the first occurrence of needle in hay, or -1. */
long gr_key_find(const struct gr_key *hay, const struct gr_key *needle);

/* Whether the key holds the UTF-8 text's characters (as a key). */
int gr_key_contains_text(const struct gr_key *key, const char *text);

#define GR_MAX_ALIASES 2

/* A row's labels as keys, made once per table recovery. */
struct gr_row_keys {
	const struct gr_row *row;
	struct gr_key label, parent, outer;
	struct gr_key aliases[GR_MAX_ALIASES];
	size_t naliases;
};

void gr_row_keys_make(const struct gr_row *row, struct gr_row_keys *keys);

/*
 * The keys of a row of either template, made once per process; NULL for a
 * row that is not in a template (use gr_row_keys_make()).
 */
const struct gr_row_keys *gr_row_keys_get(const struct gr_row *row);

/* How well an item's key matches a row of the template. */
enum gr_match gr_label_match_row(const struct gr_key *item,
				 const struct gr_row_keys *row);

/* How well an item's key matches a label text (a column header, …). */
enum gr_match gr_label_match_text(const struct gr_key *item, const char *label);

/* How well an item's key matches a label's key. */
enum gr_match gr_label_match_key(const struct gr_key *item, const struct gr_key *label);

/* How well an item's key matches a column header (or its variants). */
enum gr_match gr_label_match_column(const struct gr_key *item,
				    const struct gr_column *column);

/* Whether an item's key is a table group's caption or stub header
 * (第二十条第（一）项, 信息内容, 申请人情况 …) of either template. */
int gr_label_is_table_header(const struct gr_key *item);

/* Edit distance between keys, giving up (returning limit + 1) past limit. */
size_t gr_key_distance(const struct gr_key *a, const struct gr_key *b,
		       size_t limit);

#endif
