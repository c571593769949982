/*
 * A decoded, normalised document: UTF-8 lines with their place in the
 * input. decode.c makes it; everything above reads only this.
 */
#ifndef GR_TEXT_H
#define GR_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "govreport.h"
#include "input/printed.h"

struct gr_line {
	size_t start, len; /* bytes of text->buf, without the newline */
	size_t offset;     /* byte offset of the line in the input */
	uint32_t number;   /* 1-based line number */
	uint8_t page_break; /* a form feed (a new page) is on this line */
};

struct gr_text {
	char *buf; /* every line, each NUL-terminated */
	size_t len;
	struct gr_line *lines;
	size_t nlines;
	int gb18030;     /* the input was not UTF-8 and was read as GB18030 */
	int traditional; /* traditional characters were converted */
	/* Bytes not valid in the encoding read (NUL bytes, a truncated
	 * UTF-16 unit, a lone surrogate, a broken GB18030 or UTF-8
	 * sequence), dropped or replaced by U+FFFD: how many, and the input
	 * offset and line of the first (both 0 when there are none). */
	size_t invalid, invalid_offset, invalid_line;
	/* Where the normalised text narrowed punctuation that strings keep
	 * as printed (printed.h). */
	struct gr_printed printed;
};

/*
 * Decode (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030) and
 * normalise (SPEC §4) the input. Returns GOVREPORT_OK or the status that
 * refuses the input (empty, too large, not text, out of memory).
 */
enum govreport_status gr_text_decode(const char *data, size_t len,
				     struct gr_text *out);

/*
 * Whether the text gr_text_decode() makes of the bytes would begin, past
 * blank lines and leading spaces and tabs, with '<' (a page of markup),
 * told from the bytes without decoding them: 1 when it would, 0 when it
 * would not or the bytes alone cannot say (UTF-16).
 */
int gr_text_starts_with_markup(const char *data, size_t len);

/*
 * The most lines an input may have: far more than any report (a long
 * one has a few thousand), and what keeps their index (32 bytes a line)
 * within a constant whatever the input's shape. More is refused with
 * GOVREPORT_ERR_INPUT_TOO_LARGE.
 */
#define GR_MAX_LINES 500000

/* gr_text_decode_as(): keep the lines as written, not normalised (the
 * HTML front end normalises the text it takes out of the markup). */
#define GR_DECODE_RAW (1u << 0)

/*
 * As gr_text_decode(), reading the bytes in `charset` (an ICU converter
 * name, e.g. "GB18030", "Big5") unless the input starts with a BOM; NULL
 * finds the encoding as gr_text_decode() does. A charset ICU does not know,
 * or one that is not ASCII-compatible, is ignored. text->gb18030 says
 * whether the GB18030 decoder was used.
 */
enum govreport_status gr_text_decode_as(const char *data, size_t len,
					const char *charset, unsigned options,
					struct gr_text *out);
void gr_text_release(struct gr_text *text);

struct gr_diags;

/*
 * ENCODING_INVALID (SPEC §5) when the text had invalid bytes: how many and
 * where the first was. Returns 0, or -1 when out of memory.
 */
int gr_text_diag_invalid(const struct gr_text *text, struct gr_diags *diags);

struct gr_normalizer;
struct gr_strbuf;

/*
 * Normalise len bytes of UTF-8 (SPEC §4, as each line of gr_text_decode())
 * and append the result to out. Returns 0, or -1 on failure.
 */
int gr_normalize_utf8(struct gr_normalizer *n, const char *s, size_t len,
		      struct gr_strbuf *out);

static inline const char *
gr_line_text(const struct gr_text *text, const struct gr_line *line)
{
	return text->buf + line->start;
}

#endif
