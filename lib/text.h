/*
 * A decoded, normalised document: UTF-8 lines with their place in the
 * input. decode.c makes it; everything above reads only this.
 */
#ifndef GR_TEXT_H
#define GR_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "govreport.h"

struct gr_line {
	size_t start, len; /* bytes of text->buf, without the newline */
	size_t offset;     /* byte offset of the line in the input */
	uint32_t number;   /* 1-based line number */
};

struct gr_text {
	char *buf; /* every line, each NUL-terminated */
	size_t len;
	struct gr_line *lines;
	size_t nlines;
	int gb18030;     /* the input was not UTF-8 and was read as GB18030 */
	int traditional; /* traditional characters were converted */
};

/*
 * Decode (UTF-8 with or without BOM, UTF-16 with BOM, else GB18030) and
 * normalise (SPEC §4) the input. Returns GOVREPORT_OK or the status that
 * refuses the input (empty, too large, not text, out of memory).
 */
enum govreport_status gr_text_decode(const char *data, size_t len,
				     struct gr_text *out);
void gr_text_release(struct gr_text *text);

static inline const char *
gr_line_text(const struct gr_text *text, const struct gr_line *line)
{
	return text->buf + line->start;
}

#endif
