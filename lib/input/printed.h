/*
 * The report's own punctuation, kept for what a reader sees (SPEC §3).
 *
 * The text every reader matches is normalised (SPEC §4): NFKC narrows
 * full-width punctuation to ASCII, so "2023年，在…" is read as "2023年,在…"
 * and "（一）" as "(一)". The strings of the model — title, organ, prose —
 * keep the punctuation as printed. Rather than a second copy of the text,
 * the normalised text carries marks: each says that the ASCII at a byte
 * offset was printed as a full-width character (or "..." as "…"), and a
 * string is printed again by putting those characters back. Everything
 * else of normalisation (traditional → simplified, pinyin residue removed,
 * invisible controls dropped) holds for the printed strings too.
 *
 * Marks are made where a reader normalises a line or a block: it hands
 * over the text as written and as normalised, and the two are aligned
 * character by character. Where they cannot be aligned (a combining
 * sequence NFKC composed, a character ICU changed in a way not modelled
 * here) the piece gets no marks and prints as normalised: never wrongly.
 */
#ifndef GR_PRINTED_H
#define GR_PRINTED_H

#include <stddef.h>
#include <stdint.h>

#include <unicode/utypes.h>

struct gr_item;
struct gr_strbuf;
struct gr_text;

/* The ASCII at byte `at` of a text's buffer (".." or "..." for the two
 * ellipses) was printed as the character `cp`. */
struct gr_printed_mark {
	uint32_t at;
	uint32_t cp;
};

/* A text's marks, in increasing `at`. Offsets past 4 GiB get none. */
struct gr_printed {
	struct gr_printed_mark *marks;
	size_t count, cap;
};

/*
 * Note the marks of a normalised piece: raw (UTF-8, as written) is what
 * was normalised into norm; the bytes [from, from + len) of norm (the
 * piece trimmed) now stand at byte `at` of the text. Returns 0, or -1
 * when out of memory (the marks are left as they were).
 */
int gr_printed_note(struct gr_printed *p, const char *raw, size_t rawlen,
		    const char *norm, size_t normlen, size_t from, size_t len, size_t at);

/*
 * Add the marks that `piece` holds at a normalised string's offsets and
 * that lie in its bytes [from, from + len) (the piece trimmed), at
 * byte at + (offset - from) of the text. 0, or -1 when out of memory.
 */
int gr_printed_add_from(struct gr_printed *p, const struct gr_printed *piece, size_t from,
			size_t len, size_t at);

/* The same for a piece written as UTF-16 (len units). */
int gr_printed_note_units(struct gr_printed *p, const UChar *raw, int32_t rawlen,
			  const char *norm, size_t normlen, size_t at);

/* Room for more marks; 0, or -1 when out of memory. */
int gr_printed_grow(struct gr_printed *p);

/* Add one mark, after every other (at past 4 GiB: none; the character
 * prints as normalised). Returns 0, or -1 when out of memory. Inline: the
 * normaliser adds one for each kept character it narrows. */
static inline int
gr_printed_add(struct gr_printed *p, size_t at, int32_t cp)
{
	if (at > UINT32_MAX)
		return 0;
	if (p->count == p->cap && gr_printed_grow(p) < 0)
		return -1;
	p->marks[p->count++] = (struct gr_printed_mark){ (uint32_t)at, (uint32_t)cp };
	return 0;
}

void gr_printed_release(struct gr_printed *p);

/*
 * Append the item's text as printed: its normalised text, with the marks
 * of `text` (whose buffer holds the item's text, or the line it was copied
 * from) put back. Returns 0, or -1 when out of memory.
 */
int gr_printed_append(const struct gr_text *text, const struct gr_item *item,
		      struct gr_strbuf *out);

/* The character NFKC narrows cp to when cp is one that strings keep as
 * printed (（ → '('), else cp itself; the ellipses, which become two or
 * three dots, give '.'. */
int32_t gr_printed_fold(int32_t cp);

/*
 * Where byte `at` of a normalised string lies in the same string as
 * printed (printed differs from norm only at marked characters).
 */
size_t gr_printed_offset(const char *norm, size_t normlen, const char *printed,
			 size_t printedlen, size_t at);

#endif
