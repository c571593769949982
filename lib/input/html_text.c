/*
 * The items a page yields (a line item per block, a cell item per grid
 * slot, each text copied once into the text the items point into) and the
 * text gathered into the block or cell being read: whitespace collapsed as
 * a browser does, a line break between Chinese characters joined without a
 * space, Word's conditional markers dropped. See html_build.h.
 */
#include <string.h>

#include "util/alloc.h"
#include "input/html_build.h"
#include "util/utf8.h"

/* ---- output ---------------------------------------------------------- */

static size_t
source_offset(const struct walker *w, uint32_t line)
{
	if (line == 0 || line > w->raw->nlines)
		return 0;
	return w->raw->lines[line - 1].offset;
}

/* libxml2 counts the lines it was given; the raw text may be a stretch of
 * a larger document (an HTML table inside Markdown), whose own numbers
 * its lines keep. */
static uint32_t
source_line(const struct walker *w, uint32_t line)
{
	if (line == 0 || line > w->raw->nlines)
		return line;
	return w->raw->lines[line - 1].number;
}

/* Add an item with a copy of its (normalised, trimmed) text. */
struct gr_item *
gr_html_push_item(struct walker *w, const char *s, size_t len, uint32_t line,
		  enum gr_item_kind kind)
{
	return gr_itemtext_push(&w->made, s, len, source_offset(w, line), source_line(w, line),
				kind);
}

/* Normalise what was gathered (trimmed); resets the gathering. */
int
gr_html_take_gathered(struct walker *w, const char **s, size_t *len)
{
	w->pending = PENDING_NONE;
	return gr_gather_take(&w->gather, s, len);
}

/* End the block being read: a line item, unless it holds no text. */
void
gr_html_flush_block(struct walker *w)
{
	uint32_t line = w->acc_line;

	if (!w->failed && gr_gather_flush_line(&w->gather, &w->made, source_offset(w, line),
					       source_line(w, line)) < 0)
		w->failed = 1;
	w->pending = PENDING_NONE;
}

/* ---- gathering text --------------------------------------------------- */

void
gr_html_line_break(struct walker *w)
{
	if (w->in_cell) {
		if (w->gather.acc.len)
			w->pending = PENDING_BREAK;
	} else {
		gr_html_flush_block(w);
	}
}

/* Word's downlevel-revealed conditionals reach the tree as text:
 * "<![if !supportLists]>", "<![endif]>". Their length at s, or 0. */
static size_t
conditional_marker(const char *s, size_t len)
{
	const char *end;

	if (len < 4 || memcmp(s, "<![", 3) != 0)
		return 0;
	end = memchr(s, '>', len);
	if (!end || end[-1] != ']')
		return 0;
	return (size_t)(end - s) + 1;
}

/* Where the characters from i on meet a blank or a '<' (or len). */
static size_t
run_end(const char *s, size_t len, size_t i)
{
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '<')
			break;
		i++;
	}
	return i < len ? i : len;
}

void
gr_html_add_text(struct walker *w, const char *s, size_t len, uint32_t line)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t n, skip;
		int32_t cp;

		if (c == '<' && (skip = conditional_marker(s + i, len - i)) != 0) {
			i += skip;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			if (c == '\n')
				line++;
			if (w->in_pre && c == '\n') {
				gr_html_line_break(w);
			} else if (w->in_pre && w->gather.acc.len) {
				gr_strbuf_putc(&w->gather.acc, (char)c);
			} else if (w->gather.acc.len) {
				enum pending p = c == '\n' || c == '\r' ? PENDING_BREAK
									 : PENDING_SPACE;
				if (p > w->pending)
					w->pending = p;
			}
			i++;
			continue;
		}
		n = i;
		cp = gr_utf8_next(s, len, &n);
		if (cp < 0)
			break;
		if (w->pending != PENDING_NONE && w->gather.acc.len) {
			if (!(w->pending == PENDING_BREAK &&
			      gr_is_wide(gr_utf8_before(w->gather.acc.data, w->gather.acc.len), GR_WIDE_PROSE) &&
			      gr_is_wide(cp, GR_WIDE_PROSE)))
				gr_strbuf_putc(&w->gather.acc, ' ');
		}
		w->pending = PENDING_NONE;
		if (w->gather.acc.len == 0)
			w->acc_line = line;
		/* The characters up to the next blank or '<' go in at once,
		 * stepped as gr_utf8_next() steps. */
		n = run_end(s, len, n);
		gr_strbuf_append(&w->gather.acc, s + i, n - i);
		i = n;
	}
}
