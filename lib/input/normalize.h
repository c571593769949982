/*
 * Normalisation of one line of text (SPEC §4) through ICU: zero-width and
 * bidi controls dropped, NFKC, converter pinyin residue removed
 * (區(qū) → 區), traditional → simplified where traditional characters occur.
 */
#ifndef GR_NORMALIZE_H
#define GR_NORMALIZE_H

#include <stddef.h>

#include <unicode/utypes.h>

#include "util/strbuf.h"

struct gr_normalizer;

/* NULL when out of memory or ICU's data is missing. */
struct gr_normalizer *gr_normalizer_new(void);
void gr_normalizer_free(struct gr_normalizer *n);

/* Append UTF-16 to out as UTF-8 (lone surrogates become U+FFFD).
 * Returns 0, or -1 when out of memory. */
int gr_append_utf16(struct gr_strbuf *out, const UChar *s, int32_t len);

/*
 * Normalise src (UTF-16, len units) and append it as UTF-8 to out.
 * Returns 0, or -1 on failure (out of memory or an ICU error).
 */
int gr_normalize_line(struct gr_normalizer *n, const UChar *src, int32_t len,
		      struct gr_strbuf *out);

/*
 * The same for a line of well-formed UTF-8, appended as UTF-8. Lines that
 * need nothing of ICU but the simple mappings of NFKC (full-width forms)
 * skip ICU altogether; the result is the same.
 */
int gr_normalize_line_utf8(struct gr_normalizer *n, const char *s, size_t len,
			   struct gr_strbuf *out);

struct gr_chardata;

/* Test hook: use these tables (chardata.h) instead of gr_chardata()'s. */
void gr_normalizer_set_tables(struct gr_normalizer *n, const struct gr_chardata *tables);

/* Whether normalisation drops the character c (zero-width, bidi and other
 * invisible controls). */
int gr_normalize_drops(int32_t c);

/* Whether any line so far needed traditional → simplified conversion. */
int gr_normalizer_converted(const struct gr_normalizer *n);

struct gr_printed;

/*
 * Have gr_normalize_line_utf8() and gr_normalize_utf8() note in p the
 * punctuation each line keeps as printed (printed.h), at its byte offset
 * in the output buffer. NULL (the default): note none. The fast path notes
 * what it narrows as it goes; a line it cannot take alone is aligned with
 * its result (gr_printed_note()).
 */
void gr_normalizer_note_printed(struct gr_normalizer *n, struct gr_printed *p);
/* Where n notes marks, or NULL. */
struct gr_printed *gr_normalizer_noting(const struct gr_normalizer *n);

#endif
