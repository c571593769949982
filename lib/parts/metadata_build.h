/*
 * What the files that read a report's metadata share (see metadata.c for
 * the order of the steps): the reader's state, and the step each file
 * takes —
 *
 *   metadata.c  the entry point; squeezed text, a field as printed
 *   title.c     the title
 *   organ.c     the organ, never one of a notice the report cites
 *   dates.c     years and dates: the reporting year, the closing date
 *   prose.c     the introduction and the prose of parts 一, 五 and 六
 */
#ifndef GR_METADATA_BUILD_H
#define GR_METADATA_BUILD_H

#include <stddef.h>
#include <string.h>

#include "parts/metadata.h"
#include "util/strbuf.h"

#define NONE GR_NO_ITEM

struct reader {
	struct govreport *r;
	const struct gr_text *text; /* what the items' marks are in */
	const struct gr_items *items;
	const struct gr_parts *parts;
	struct gr_strbuf buf, tmp;
	/* Where a title or organ was found: the text it came from, squeezed,
	 * as read and as printed. */
	struct gr_strbuf source, printed;
	struct gr_strbuf title; /* the title as read (NFKC): what is matched */
	size_t title_first;    /* the title's first item (it may be wrapped) */
	size_t title_item;     /* its last item; NONE without a title */
	size_t signature_item; /* NONE without one */
	size_t date_item;      /* NONE without a closing date */
	size_t first_part;     /* where part 一 starts (or the search ends) */
};

static inline const struct gr_item *
item(const struct reader *rd, size_t i)
{
	return &rd->items->items[i];
}

/* ---- small text helpers ---------------------------------------------- */

static inline int
ends_with(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	return n <= len && memcmp(s + len - n, word, n) == 0;
}

static inline int
starts_with(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	return n <= len && memcmp(s, word, n) == 0;
}

/* metadata.c: s without whitespace ("2023 年" → "2023年"), appended to
 * buf, or copied into it. 0, or -1 when out of memory. */
int gr_meta_squeeze_append(const char *s, size_t len, struct gr_strbuf *buf);
int gr_meta_squeeze(const char *s, size_t len, struct gr_strbuf *buf);
/* The squeezed text of items [first, first + count), as read into
 * rd->source and as printed into rd->printed. */
int gr_meta_take_source(struct reader *rd, size_t first, size_t count);
/* Set field f to s, a stretch of source, as the same stretch of printed
 * prints it (SPEC §3). */
int gr_meta_set_printed(struct reader *rd, enum govreport_field f, const char *s,
			size_t len, const char *source, size_t source_len,
			const char *printed, size_t printed_len);
/* Whether a line ends a sentence (。 ! ? ; : …, maybe before a quote). */
int gr_meta_ends_sentence(const char *s, size_t len);

/* ---- the steps, in the order gr_read_metadata() takes them ----------- */

/* Each returns 0, or -1 when out of memory. */

/* title.c: the title, into the report and rd->title. */
int gr_meta_find_title(struct reader *rd);
/* dates.c: the closing date, and the signature above it. */
int gr_meta_find_closing(struct reader *rd);
/* organ.c: the organ, from the title, the introduction, the signature or
 * part 一's opening sentence. */
int gr_meta_find_organ(struct reader *rd);
/* dates.c: the reporting year; GR_YEAR_UNKNOWN without one. */
int gr_meta_find_year(struct reader *rd);
/* prose.c: the introduction, and the prose of part `part` into `field`. */
int gr_meta_read_intro(struct reader *rd);
int gr_meta_read_prose(struct reader *rd, enum gr_part part, enum govreport_field field);

/* ---- what one step asks of another ----------------------------------- */

/* organ.c: whether s[0, len) is an organ's name ("某县人民政府"). */
int gr_meta_is_organ_name(const char *s, size_t len);
/* dates.c: the bytes of a year "2023年" or "2023年度" at s (the year into
 * *year when not NULL), or 0. */
size_t gr_meta_year_length(const char *s, size_t len, int *year);
/* dates.c: whether a date starting at s[start] ends s (2024年1月16日,
 * 2021-01-14, 二〇二一年一月六日); writes YYYY-MM-DD into iso when it does. */
int gr_meta_date_from(const char *s, size_t len, size_t start, char iso[11]);

#endif
