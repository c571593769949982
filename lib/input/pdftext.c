/*
 * Plain pdftotext output (no option: SPEC §2 item 12) → the representation.
 *
 * pdftotext without -layout writes text in reading order, a page per form
 * feed: a table comes out a cell at a time, mostly a line each with blank
 * lines between, long labels broken over lines, the labels of neighbouring
 * rows interleaved, and now and then a label with a number after it on
 * one line ("7.属于行政执法案卷 0"). Nothing in it states a row or a
 * column. Such a line is cut into its text and its numbers, so that every
 * number is a cell of its own: the tables are then read by their labels,
 * or, where labels and numbers are interleaved, in order when the numbers
 * fill the table and its equations hold (tables.h). Other lines are read
 * as text is (linecells.h).
 */
#include <string.h>

#include "tables/cellvalue.h"
#include "input/readers.h"
#include "util/utf8.h"

/* Lines that are a bare number, in a document with pages, that make it
 * pdftotext's plain output. */
#define GR_PDFTEXT_MIN_NUMBERS 20
/* A label with numbers after it is short; prose is not cut. */
#define GR_PDFTEXT_MAX_LABEL 96

static int
is_number(const char *s, size_t len)
{
	struct gr_value v;

	gr_value_parse(s, len, &v);
	return v.kind == GR_VALUE_NUMBER && v.extra == 0;
}

int
gr_pdftext_sniff(struct gr_source *src)
{
	const struct gr_text *text = gr_source_text(src);
	size_t numbers = 0;

	/* pdftotext ends every page with a form feed: without one, no
	 * line needs reading. */
	if (!text || src->page_breaks == 0)
		return 0;
	for (size_t i = 0; i < text->nlines && numbers < GR_PDFTEXT_MIN_NUMBERS; i++) {
		const struct gr_line *line = &text->lines[i];
		const char *s = gr_line_text(text, line);
		if (line->len && line->len <= 24 && s[0] >= '0' && s[0] <= '9' &&
		    is_number(s, line->len))
			numbers++;
	}
	return numbers >= GR_PDFTEXT_MIN_NUMBERS;
}

/* Where the numbers at the end of a short line begin ("7.属于… 0 0"), or
 * len when it has none after some text. */
static size_t
numbers_start(const char *s, size_t len)
{
	size_t start = len, end = len;

	if (len > GR_PDFTEXT_MAX_LABEL)
		return len;
	while (end > 0) {
		size_t b = end;
		while (b > 0 && s[b - 1] != ' ')
			b--;
		if (b == 0 || !is_number(s + b, end - b))
			break;
		start = b;
		end = b - 1;
		while (end > 0 && s[end - 1] == ' ')
			end--;
	}
	return start;
}

static int
owns_line(const char *s, size_t len)
{
	return numbers_start(s, len) < len;
}

/* A paragraph of s[from, to), trimmed; nothing when that is empty. */
static int
push_piece(struct gr_items *items, const struct gr_line *line, const char *s,
	   size_t from, size_t to)
{
	return gr_items_add_piece(items, line, s, s + from, to - from, GR_ITEM_LINE);
}

/* The text of the line, then each of its numbers, a paragraph each. */
static int
cut_line(struct gr_items *items, const struct gr_text *text, const struct gr_line *line,
	 void *state)
{
	const char *s = gr_line_text(text, line);
	size_t start = numbers_start(s, line->len);

	(void)state;
	if (push_piece(items, line, s, 0, start) < 0)
		return -1;
	for (size_t p = start; p < line->len;) {
		const char *space = memchr(s + p, ' ', line->len - p);
		size_t end = space ? (size_t)(space - s) : line->len;
		if (push_piece(items, line, s, p, end) < 0)
			return -1;
		p = end + 1;
	}
	return 0;
}

enum govreport_status
gr_pdftext_build(struct gr_source *src, struct gr_text *text, struct gr_items *items)
{
	const struct gr_line_shape shape = { owns_line, cut_line, NULL };
	enum govreport_status st = gr_frontend_build_lines(src, text, items, &shape);

	/* Plain pdftotext writes nothing for an empty cell. */
	items->blanks_unstated = st == GOVREPORT_OK;
	return st;
}
