/*
 * pdftotext -layout output → cell stream; see pdflayout.h.
 *
 * pdftotext puts each word where it sits on the page, in a grid of
 * characters: a table's cells are words separated by runs of spaces, a
 * label too long for its cell wraps onto the lines above and below its
 * row's numbers, prose wraps at the page's width, and each page (a form
 * feed starts one) may carry a header, a footer and a page number. The
 * lines are read as follows:
 *
 * - page furniture: the first and last lines of a page that are page
 *   numbers (-3-, 第3页, 3/10, a bare number) or that repeat on other pages
 *   (digits aside) are dropped;
 * - a value line (a row's numbers, with or without its label's text) and a
 *   line with a run of two or more spaces inside it are table lines: their
 *   text splits into fragments at runs of spaces and before numbering
 *   (“（三） 4.保护…” is two fragments), and their numbers become cells.
 *   A row with fewer numbers than the fullest row near it is laid against
 *   that row's columns (or the next fullest row's, when a label before
 *   its numbers pushed them off the nearest one), and the columns it
 *   misses between its numbers become empty cells;
 * - a fragment that continues the one above it in the same column (it
 *   starts no numbering, and the lines between them, if any, hold the
 *   row's numbers or only text left of that column, the lines of a
 *   vertical group label) is joined to it: “2.其他法律行政法规禁” +
 *   “止公开”, “2.没有现成” + (“）无”) + “信息需要另 0 …” + (“法提”) + “行制作”;
 * - a long line outside tables starts a paragraph, and the lines after a
 *   full one continue it (without a space between Chinese characters);
 *   pdftotext's space between a digit and a Chinese character is removed;
 * - any other short line is a fragment of its own (a heading, a caption,
 *   the signature, the date).
 *
 * Positions are counted in characters, as pdftotext lays them out; widths
 * of prose lines in display columns (a Chinese character takes two).
 *
 * This file holds the document's order (items, prose, table rows); the
 * steps it takes live beside it, as pdflayout_build.h lists.
 */
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "input/wrap.h"
#include "input/pdflayout_build.h"
#include "util/strbuf.h"
#include "util/utf8.h"

/* ---- items ------------------------------------------------------------------ */

size_t
gr_layout_new_item(struct builder *b, const struct lline *ln, const char *s, size_t len,
		   size_t col, enum gr_item_kind kind)
{
	struct gr_items *items = b->out;
	size_t index = items->count;

	struct gr_item item = gr_item_at(NULL, 0, ln->src->offset, ln->src->number, kind);

	if (b->texts_cap == index) {
		size_t cap = b->texts_cap ? b->texts_cap * 2 : 512;
		struct pending *texts = gr_realloc(b->texts, cap * sizeof(*texts));
		if (!texts) {
			b->failed = 1;
			return NONE;
		}
		b->texts = texts;
		b->texts_cap = cap;
	}
	item.column = (uint32_t)col + 1;
	if (!gr_items_append(items, &item)) {
		b->failed = 1;
		return NONE;
	}
	gr_strbuf_init(&b->texts[index].text);
	gr_strbuf_append(&b->texts[index].text, s, len);
	return index;
}

/*
 * Append text to an item: without a space where a Chinese character meets
 * anything but a letter or digit on the other side, with one between two
 * letters or digits.
 */
void
gr_layout_join(struct builder *b, size_t item, const char *s, size_t len)
{
	gr_wrap_join(&b->texts[item].text, s, len);
}

/* pdftotext puts a space between a digit and a Chinese character
 * ("2024 年"): the text had none. Copies s into out without them. */
void
gr_layout_drop_digit_spaces(const char *s, size_t len, struct gr_strbuf *out)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == ' ' && i > 0 && i + 1 < len && s[i + 1] != ' ') {
			int32_t before = gr_utf8_before(s, i), after = gr_utf8_at(s, len, i + 1);
			if ((is_digit(before) && gr_is_wide(after, GR_WIDE_TERMINAL)) ||
			    (gr_is_wide(before, GR_WIDE_TERMINAL) && is_digit(after)))
				continue;
		}
		gr_strbuf_putc(out, s[i]);
	}
}

/* ---- prose --------------------------------------------------------------------- */

static int
is_full(const struct builder *b, const struct lline *ln)
{
	return b->width && ln->end + 8 >= b->width && ln->end * 10 >= b->width * 8;
}

/* A full prose line is about as wide as the widest lines of prose. */
static int
compare_size(const void *a, const void *c)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)c;
	return (x > y) - (x < y);
}

static int
measure_width(struct builder *b)
{
	size_t *ends = gr_malloc((b->nlines + 1) * sizeof(*ends)), n = 0;

	if (!ends)
		return -1;
	for (size_t i = 0; i < b->nlines; i++) {
		const struct lline *ln = &b->lines[i];
		/* Text laid out from word boxes keeps the page's margins: its
		 * widest line (a table's row, if the prose is short) ends at
		 * the right one. */
		if (b->display && !ln->blank && !ln->furniture && ln->end > b->width)
			b->width = ln->end;
		if (!ln->blank && !ln->gap && !ln->nvalues && !ln->furniture && ln->end >= 20)
			ends[n++] = ln->end;
	}
	if (b->display)
		n = 0;
	if (n) {
		qsort(ends, n, sizeof(*ends), compare_size);
		b->width = ends[(n * 9) / 10 >= n ? n - 1 : (n * 9) / 10];
	}
	gr_free(ends);
	return 0;
}

static void
prose_line(struct builder *b, size_t i)
{
	const struct lline *ln = &b->lines[i];
	const char *s = ln->s + ln->indent;
	size_t len = ln->len - ln->indent;
	struct gr_strbuf clean;

	gr_strbuf_init(&clean);
	gr_layout_drop_digit_spaces(s, len, &clean);
	if (gr_strbuf_failed(&clean)) {
		/* What it held before the allocation that failed. */
		gr_strbuf_release(&clean);
		b->failed = 1;
		return;
	}
	if (b->paragraph != NONE) {
		gr_layout_join(b, b->paragraph, clean.data, clean.len);
	} else {
		b->paragraph = gr_layout_new_item(b, ln, clean.data, clean.len, ln->indent,
					GR_ITEM_LINE);
	}
	b->para_line = i;
	gr_strbuf_release(&clean);
}

/* Whether line i continues the open paragraph. */
static int
continues_paragraph(const struct builder *b, size_t i, int blank_between)
{
	const struct lline *prev, *ln = &b->lines[i];

	if (b->paragraph == NONE || blank_between || ln->heading)
		return 0;
	prev = &b->lines[b->para_line];
	return is_full(b, prev) && ln->indent <= prev->indent + 1;
}

static void
table_line(struct builder *b, size_t i)
{
	const struct lline *ln = &b->lines[i];
	size_t ntext = ln->ntokens - ln->nvalues;

	b->paragraph = NONE;
	gr_layout_text_fragments(b, ln, ntext, ln->nvalues > 0);
	if (ln->nvalues) {
		/* The labels just above wait for these numbers. */
		for (size_t f = 0; f < b->nfrags; f++)
			if (b->frags[f].step + 1 >= b->step)
				b->frags[f].has_values = 1;
		gr_layout_value_cells(b, i);
	}
}

/* ---- the document -------------------------------------------------------------- */

int
gr_layout_detect(const struct gr_text *text)
{
	size_t nonblank = 0, gaps = 0, pages = 0;

	for (size_t i = 0; i < text->nlines; i++) {
		const struct gr_line *line = &text->lines[i];
		const char *s = gr_line_text(text, line);
		size_t len = line->len, start = 0;
		int gap = 0;

		pages += line->page_break;
		while (len && s[len - 1] == ' ')
			len--;
		while (start < len && s[start] == ' ')
			start++;
		if (start == len)
			continue;
		nonblank++;
		if (memchr(s, '|', len) || memchr(s, '\t', len))
			continue;
		/* Two spaces in a row inside the line (its ends are not
		 * spaces, so a non-space follows): a column gap. */
		for (const char *p = s + start;
		     !gap && (p = memchr(p, ' ', (size_t)(s + len - p))) != NULL; p++)
			gap = p[1] == ' ';
		gaps += gap;
	}
	if (nonblank == 0)
		return 0;
	return (gaps >= 8 && gaps * 10 >= nonblank) || (pages > 0 && gaps >= 3);
}

static int
page_edge_blank(const struct builder *b, size_t i)
{
	size_t k;

	if (b->lines[i].src->page_break)
		return 1;
	for (k = i + 1; k < b->nlines && b->lines[k].blank && !b->lines[k].src->page_break; k++)
		;
	if (k < b->nlines && (b->lines[k].furniture || b->lines[k].src->page_break))
		return 1;
	for (k = i; k-- > 0 && b->lines[k].blank;)
		;
	return k != (size_t)-1 && b->lines[k].furniture;
}

static int
finish(struct builder *b)
{
	struct gr_strbuf all;
	size_t *starts;

	gr_strbuf_init(&all);
	starts = gr_malloc((b->out->count + 1) * sizeof(*starts));
	if (!starts)
		return -1;
	for (size_t i = 0; i < b->out->count; i++) {
		struct gr_strbuf *t = &b->texts[i].text;
		const char *s = t->data ? t->data : "";
		size_t len = t->len;
		while (len && s[len - 1] == ' ')
			len--;
		while (len && *s == ' ')
			s++, len--;
		starts[i] = all.len;
		b->out->items[i].len = len;
		gr_strbuf_append(&all, s, len);
		gr_strbuf_putc(&all, '\0');
		if (gr_strbuf_failed(t))
			all.failed = 1;
	}
	if (gr_strbuf_failed(&all)) {
		gr_free(starts);
		gr_strbuf_release(&all);
		return -1;
	}
	b->out->joined = gr_strbuf_steal(&all, NULL);
	for (size_t i = 0; b->out->joined && i < b->out->count; i++)
		b->out->items[i].text = b->out->joined + starts[i];
	gr_free(starts);
	return b->out->joined || b->out->count == 0 ? 0 : -1;
}

static void
builder_release(struct builder *b)
{
	for (size_t i = 0; b->texts && i < b->out->count; i++)
		gr_strbuf_release(&b->texts[i].text);
	gr_free(b->texts);
	gr_free(b->frags);
	gr_free(b->lines);
}

int
gr_layout_build(const struct gr_text *text, struct gr_items *out)
{
	return gr_layout_build_as(text, GR_LAYOUT_MEASURED, out);
}

int
gr_layout_build_as(const struct gr_text *text, enum gr_layout_columns columns,
		   struct gr_items *out)
{
	struct builder b = { .text = text, .out = out, .paragraph = NONE,
			     .display = columns == GR_LAYOUT_DISPLAY };
	int blank_between = 0, rc = 0;

	*out = (struct gr_items){ 0 };
	b.nlines = text->nlines;
	b.lines = gr_calloc(b.nlines + 1, sizeof(*b.lines));
	if (!b.lines)
		return -1;
	for (size_t i = 0; i < b.nlines; i++)
		gr_layout_read_line(&b.lines[i], text, &text->lines[i], b.display);
	if (gr_layout_mark_furniture(&b) < 0 || measure_width(&b) < 0)
		b.failed = 1;
	for (size_t i = 0; i < b.nlines && !b.failed; i++) {
		const struct lline *ln = &b.lines[i];
		if (ln->furniture)
			continue;
		/* Blank lines at the edges of a page (next to a page break or
		 * to furniture) end neither a paragraph nor a table row. */
		if (ln->blank) {
			if (!page_edge_blank(&b, i)) {
				blank_between = 1;
				b.step++;
			}
			continue;
		}
		b.step++;
		gr_layout_drop_stale_fragments(&b);
		if (ln->overflow) {
			if (!continues_paragraph(&b, i, blank_between))
				b.paragraph = NONE;
			prose_line(&b, i);
		} else if (ln->nvalues || ln->gap) {
			table_line(&b, i);
		} else if (continues_paragraph(&b, i, blank_between)) {
			prose_line(&b, i);
		} else if (!ln->heading && ln->end * 10 >= b.width * 6 && b.width) {
			b.paragraph = NONE;
			prose_line(&b, i);
		} else {
			b.paragraph = NONE;
			gr_layout_text_fragments(&b, ln, ln->ntokens, 0);
		}
		blank_between = 0;
	}
	if (!b.failed)
		rc = finish(&b);
	builder_release(&b);
	if (b.failed || rc < 0) {
		gr_items_release(out);
		return -1;
	}
	return 0;
}
