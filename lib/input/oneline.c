/*
 * A web page's text crawled as one long line (SPEC §2 item 15) → the
 * representation.
 *
 * An HTML parser's get_text(" ") puts one space between the texts of
 * neighbouring elements, and a crawler often keeps the result on a single
 * line: the part headings inline, every table cell one space from the
 * next, an empty cell nothing at all. Such a line is cut at its spaces
 * into paragraphs, each the text of one element: what the web text of
 * SPEC §2 item 4 gives a line each. Chinese text has no spaces of its
 * own, so a cut falls between elements (an English phrase inside prose is
 * cut too, which only costs the prose its spaces). Nothing here says
 * which paragraph is a cell: the tables are recovered from the labels, as
 * for web text. Other lines are read as text is (linecells.h).
 */
#include <string.h>

#include "input/fused.h"
#include "input/readers.h"
#include "model/template.h"
#include "util/utf8.h"

/* A line at least this long, holding this many part headings, is a page. */
#define GR_ONELINE_MIN_BYTES 1024
#define GR_ONELINE_MIN_HEADINGS 3

static int
is_page_line(const char *s, size_t len)
{
	int headings = 0;

	if (len < GR_ONELINE_MIN_BYTES)
		return 0;
	for (int p = 0; p < GR_PART_COUNT; p++) {
		const char *h = gr_part((enum gr_part)p)->heading;
		headings += gr_search(s, len, h, strlen(h)) != NULL;
	}
	return headings >= GR_ONELINE_MIN_HEADINGS;
}

int
gr_oneline_sniff(struct gr_source *src)
{
	const struct gr_text *text = gr_source_text(src);

	if (!text || src->longest_line < GR_ONELINE_MIN_BYTES)
		return 0;
	for (size_t i = 0; i < text->nlines; i++)
		if (text->lines[i].len >= GR_ONELINE_MIN_BYTES &&
		    is_page_line(gr_line_text(text, &text->lines[i]), text->lines[i].len))
			return 1;
	return 0;
}

/* Fewer spaces than one in this many bytes: the elements were joined
 * with no separator at all. */
#define GR_ONELINE_FUSED_BYTES 100

/* The line's pieces between spaces, each a paragraph; on a line of fused
 * elements, each piece cut again where numbers meet text (fused.h). */
static int
cut_line(struct gr_items *items, const struct gr_text *text, const struct gr_line *line)
{
	const char *s = gr_line_text(text, line), *end = s + line->len, *p = s;
	size_t spaces = 0;
	int fused;

	for (size_t i = 0; i < line->len; i++)
		spaces += s[i] == ' ';
	fused = spaces * GR_ONELINE_FUSED_BYTES < line->len;
	while (p < end) {
		const char *q;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		for (q = p; q < end && *q != ' ' && *q != '\t'; q++)
			;
		if (q == p)
			break;
		if (fused) {
			if (gr_fused_cut(items, line, s, p, (size_t)(q - p)) < 0)
				return -1;
		} else if (gr_items_add_piece(items, line, s, p, (size_t)(q - p),
					      GR_ITEM_LINE) < 0) {
			return -1;
		}
		p = q;
	}
	return 0;
}

static int
cut_page_line(struct gr_items *items, const struct gr_text *text,
	      const struct gr_line *line, void *state)
{
	(void)state;
	return cut_line(items, text, line);
}

enum govreport_status
gr_oneline_build(struct gr_source *src, struct gr_text *text, struct gr_items *items)
{
	const struct gr_line_shape shape = { is_page_line, cut_page_line, NULL };
	enum govreport_status st = gr_frontend_build_lines(src, text, items, &shape);

	/* A crawler's text of a table keeps no trace of an empty cell. */
	items->blanks_unstated = st == GOVREPORT_OK;
	return st;
}
