/*
 * Word's "save as plain text" (SPEC §2 item 9) → the representation.
 *
 * Word writes a paragraph per line and a table row per line, its cells
 * separated by tabs: the line states the row and the tabs the columns. A
 * cell merged down from the row above leaves an empty field, and an empty
 * cell an empty field too, so every field is a cell in its column. A cell
 * of two paragraphs breaks its row in two lines; the part before the break
 * has no tab when it is the row's first cell, and is then read as a
 * paragraph (a label split so still matches by its larger part). Lines
 * without a tab are read as text is (linecells.h).
 *
 * Told apart from text with one tab-indented cell per line (SPEC §2 item
 * 2), which has no tab after a cell's text: here most table lines do.
 */
#include <string.h>

#include "input/readers.h"
#include "util/utf8.h"

/* Lines with a tab after some text that make a document Word's text. */
#define GR_TABROWS_MIN_ROWS 5

/* Whether a tab follows some text on the line ("规章\t0", "\t\t2.…\t0"). */
static int
has_inner_tab(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && (s[i] == '\t' || s[i] == ' '))
		i++;
	return i < len && memchr(s + i, '\t', len - i) != NULL;
}

int
gr_tabrows_sniff(struct gr_source *src)
{
	const struct gr_text *text = gr_source_text(src);
	size_t rows = 0;

	/* Most documents have no tab at all: one fast pass says so. */
	if (!text || !memchr(text->buf, '\t', text->len))
		return 0;
	for (size_t i = 0; i < text->nlines && rows < GR_TABROWS_MIN_ROWS; i++)
		if (has_inner_tab(gr_line_text(text, &text->lines[i]), text->lines[i].len))
			rows++;
	return rows >= GR_TABROWS_MIN_ROWS;
}

/* One table row: a cell per field, in its column. */
static int
read_row(struct gr_items *items, const struct gr_text *text, const struct gr_line *line,
	 uint32_t row)
{
	const char *s = gr_line_text(text, line), *end = s + line->len, *p = s;
	uint16_t col = 0;

	for (;;) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		const char *field_end = tab ? tab : end;
		const char *f = p;
		size_t flen = (size_t)(field_end - p);
		struct gr_item item;
		gr_trim_spaces(&f, &flen);
		item = gr_item_at(f, flen, line->offset, line->number, GR_ITEM_CELL);
		item.column = (uint32_t)(f - s) + 1;
		item.table = 1;
		item.row = row;
		item.col = col < UINT16_MAX ? ++col : col;
		if (!gr_items_append(items, &item))
			return -1;
		if (!tab)
			return 0;
		p = tab + 1;
	}
}

static int
has_tab(const char *s, size_t len)
{
	return memchr(s, '\t', len) != NULL;
}

static int
read_next_row(struct gr_items *items, const struct gr_text *text,
	      const struct gr_line *line, void *state)
{
	uint32_t *row = state;

	return read_row(items, text, line, ++*row);
}

enum govreport_status
gr_tabrows_build(struct gr_source *src, struct gr_text *text, struct gr_items *items)
{
	uint32_t row = 0;
	const struct gr_line_shape shape = { has_tab, read_next_row, &row };

	return gr_frontend_build_lines(src, text, items, &shape);
}
