/*
 * pandoc grid tables (SPEC §2 item 11) → the representation.
 *
 *   +---------+------+------+
 *   | 一、本年 | 0    | 3    |
 *   | 新收…    |      |      |
 *   +=========+======+======+
 *
 * A table's columns are where the `+` of its first rule line stand, in
 * display columns of the text as written (a CJK character is two wide;
 * normalising first would narrow full-width punctuation and move every
 * border after it). Between two rules a cell's text runs over several
 * lines; its pieces are joined (wrap.h) and normalised as text input is.
 * A `|` that is not on a column border is text, and a cell whose right
 * border is further on spans those columns (pandoc 3 writes colspans so);
 * a rule line whose segment under a cell is not a rule continues that cell
 * downwards (a rowspan). The grid a table states is kept: its table, the
 * row each cell starts on, its column and spans. An HTML table among the
 * lines (pandoc writes one its grid tables cannot hold) is read as HTML
 * (embedded.h); the other lines outside tables are read as text is
 * (linecells.h).
 */
#include <string.h>

#include "util/alloc.h"
#include "input/linecells.h"
#include "input/embedded.h"
#include "input/frontends.h"
#include "input/readers.h"
#include "input/wrap.h"
#include "input/normalize.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#define GR_GRID_MAX_COLUMNS 64

struct open_cell {
	int open;
	size_t item;           /* its item, text filled in when it closes */
	size_t span;           /* columns */
	struct gr_strbuf text; /* its pieces as written, joined */
};

struct grid {
	size_t bounds[GR_GRID_MAX_COLUMNS + 1]; /* display columns of the borders */
	size_t ncols;
	struct open_cell cells[GR_GRID_MAX_COLUMNS];
	uint16_t table;
	uint32_t row;
	int new_row; /* a rule was crossed: the next cell opened starts a row */
};

struct reader {
	const struct gr_text *raw, *text;
	struct gr_items *items;
	struct gr_normalizer *norm;
	struct gr_strbuf tmp;
	struct grid grid;
	int in_table;
	int failed;
};

static int
is_rule_char(char c)
{
	return c == '-' || c == '=' || c == ':';
}

/* A full rule line: `+---+===+`, nothing else but spaces after it. */
static int
is_rule_line(const char *s, size_t len)
{
	size_t plus = 0, i;

	if (len < 3 || s[0] != '+')
		return 0;
	for (i = 0; i < len && s[i] != ' '; i++) {
		if (s[i] == '+')
			plus++;
		else if (!is_rule_char(s[i]))
			return 0;
	}
	for (; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return plus >= 2 && s[i - 1] == '+';
}

/* The borders of a table from its first rule line (ASCII: a byte is a
 * display column). Returns 0, or -1 when it has too many columns. */
static int
set_bounds(struct grid *g, const char *s, size_t len)
{
	g->ncols = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] != '+')
			continue;
		if (g->ncols > GR_GRID_MAX_COLUMNS)
			return -1;
		g->bounds[g->ncols++] = i;
	}
	if (g->ncols < 2)
		return -1;
	g->ncols--; /* columns lie between borders */
	return 0;
}

/* A border char found on a line: which border, and where in the line. */
struct cut {
	size_t border;
	size_t at; /* byte offset of the border char */
};

/*
 * The borders a table line crosses, in order. A `|` or `+` stands on a
 * border when its display column is one; when none does (a width the
 * writer counted otherwise), a line with exactly one mark per border is
 * read as having them in order.
 */
static size_t
find_cuts(const struct grid *g, const char *s, size_t len, struct cut *cuts)
{
	size_t n = 0, marks = 0, pos = 0, dcol = 0, next = 0;
	int32_t c;

	while (pos < len) {
		size_t at = pos;
		c = gr_utf8_next(s, len, &pos);
		if (c == '|' || c == '+') {
			marks++;
			while (next <= g->ncols && g->bounds[next] < dcol)
				next++;
			if (next <= g->ncols && g->bounds[next] == dcol)
				cuts[n++] = (struct cut){ next++, at };
		}
		dcol += gr_is_wide(c, GR_WIDE_TERMINAL) ? 2 : 1;
	}
	if (n >= 2 && cuts[0].border == 0 && cuts[n - 1].border == g->ncols)
		return n;
	if (marks != g->ncols + 1)
		return n;
	/* Every mark a border, in order. */
	n = 0;
	for (pos = 0; pos < len;) {
		size_t at = pos;
		c = gr_utf8_next(s, len, &pos);
		if (c == '|' || c == '+') {
			cuts[n] = (struct cut){ n, at };
			n++;
		}
	}
	return n;
}

/* ---- cells ------------------------------------------------------------- */

static void
open_cell(struct reader *rd, size_t col, size_t span, const struct gr_line *line,
	  size_t byte)
{
	struct grid *g = &rd->grid;
	struct open_cell *cell = &g->cells[col];
	struct gr_item item = gr_item_at("", 0, line->offset, line->number, GR_ITEM_CELL);

	if (g->new_row) {
		g->row++;
		g->new_row = 0;
	}
	item.column = (uint32_t)byte + 1;
	item.table = g->table;
	item.row = g->row;
	item.col = (uint16_t)(col + 1);
	item.colspan = gr_span(span);
	item.rowspan = 1;
	if (!gr_items_append(rd->items, &item)) {
		rd->failed = 1;
		return;
	}
	cell->open = 1;
	cell->item = rd->items->count - 1;
	cell->span = span;
	cell->text.len = 0;
}

/* A cell is complete: its text normalised, trimmed and kept. */
static void
close_cell(struct reader *rd, size_t col)
{
	struct open_cell *cell = &rd->grid.cells[col];
	struct gr_item *item = &rd->items->items[cell->item];
	const char *s;
	size_t len;

	cell->open = 0;
	rd->tmp.len = 0;
	gr_strbuf_append(&rd->tmp, "", 0);
	if (cell->text.len &&
	    gr_normalize_utf8(rd->norm, cell->text.data, cell->text.len, &rd->tmp) < 0)
		rd->failed = 1;
	if (gr_strbuf_failed(&rd->tmp) || gr_strbuf_failed(&cell->text)) {
		rd->failed = 1;
		return;
	}
	s = rd->tmp.data;
	len = rd->tmp.len;
	gr_trim_spaces(&s, &len);
	item->text = gr_items_keep(rd->items, s, len);
	item->len = len;
	if (!item->text)
		rd->failed = 1;
}

static void
close_all(struct reader *rd)
{
	for (size_t c = 0; c < rd->grid.ncols; c++)
		if (rd->grid.cells[c].open)
			close_cell(rd, c);
}

static int
is_rule_segment(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!is_rule_char(s[i]))
			return 0;
	return len > 0;
}

/* One line of a table: rule segments close cells, text segments add to
 * the cell that starts at their left border. */
static void
table_line(struct reader *rd, const struct gr_line *line, const char *s, size_t len)
{
	struct grid *g = &rd->grid;
	struct cut cuts[GR_GRID_MAX_COLUMNS + 2];
	size_t n = find_cuts(g, s, len, cuts);

	for (size_t k = 0; k + 1 < n && !rd->failed; k++) {
		size_t col = cuts[k].border, span = cuts[k + 1].border - col;
		const char *piece = s + cuts[k].at + 1;
		size_t plen = cuts[k + 1].at - cuts[k].at - 1;
		struct open_cell *cell = &g->cells[col];
		if (is_rule_segment(piece, plen)) {
			for (size_t c = col; c < col + span; c++)
				if (g->cells[c].open)
					close_cell(rd, c);
			g->new_row = 1;
			continue;
		}
		if (!cell->open)
			open_cell(rd, col, span, line, cuts[k].at + 1);
		gr_trim_spaces(&piece, &plen);
		if (plen)
			gr_wrap_join(&cell->text, piece, plen);
	}
}

/* ---- the document -------------------------------------------------------- */

static void
start_table(struct reader *rd, const char *s, size_t len)
{
	close_all(rd);
	if (set_bounds(&rd->grid, s, len) < 0)
		return;
	for (size_t c = 0; c < rd->grid.ncols; c++)
		rd->grid.cells[c].open = 0;
	if (rd->grid.table < UINT16_MAX)
		rd->grid.table++;
	rd->grid.row = 0;
	rd->grid.new_row = 1;
	rd->in_table = 1;
}

static int
is_table_line(const char *s, size_t len)
{
	return len > 0 && (s[0] == '|' || s[0] == '+');
}

/* A page that begins with a tag is HTML, whatever its <pre> holds. */
static int
starts_with_markup(const struct gr_text *text)
{
	for (size_t i = 0; i < text->nlines; i++) {
		const char *s = gr_line_text(text, &text->lines[i]);
		size_t len = text->lines[i].len;
		gr_trim_spaces(&s, &len);
		if (len)
			return s[0] == '<';
	}
	return 0;
}

int
gr_gridtable_sniff(struct gr_source *src)
{
	const struct gr_text *text;
	size_t rules = 0;

	/* A page of markup is told from its bytes: decoding it here, as
	 * large as the page, cost HTML input a tenth of its reading. */
	if (gr_text_starts_with_markup(src->data, src->len))
		return 0;
	text = gr_source_text(src);
	/* Most documents have no '+' at all: one fast pass says so. */
	if (!text || !memchr(text->buf, '+', text->len) || starts_with_markup(text))
		return 0;
	for (size_t i = 0; i + 1 < text->nlines && rules < 2; i++) {
		const struct gr_line *l = &text->lines[i], *next = &text->lines[i + 1];
		if (is_rule_line(gr_line_text(text, l), l->len) &&
		    next->len > 0 && gr_line_text(text, next)[0] == '|')
			rules++;
	}
	return rules >= 2;
}

static void
reader_release(struct reader *rd)
{
	for (size_t c = 0; c < GR_GRID_MAX_COLUMNS; c++)
		gr_strbuf_release(&rd->grid.cells[c].text);
	gr_strbuf_release(&rd->tmp);
	gr_normalizer_free(rd->norm);
}

static int
read_lines(struct reader *rd, struct gr_line_reader *prose)
{
	const struct gr_text *raw = rd->raw;

	for (size_t i = 0; i < raw->nlines && !rd->failed; i++) {
		const struct gr_line *line = &raw->lines[i];
		const char *s = gr_line_text(raw, line);
		size_t len = line->len;
		long embedded = rd->in_table ? 0 : gr_embedded_table(raw, i, rd->items,
								     &rd->grid.table);
		if (embedded < 0) {
			rd->failed = 1;
			break;
		}
		if (embedded > 0) {
			i += (size_t)embedded - 1;
			continue;
		}
		if (is_rule_line(s, len) && (!rd->in_table || rd->grid.ncols == 0)) {
			start_table(rd, s, len);
			continue;
		}
		if (rd->in_table && is_table_line(s, len) && rd->grid.ncols) {
			table_line(rd, line, s, len);
			continue;
		}
		if (rd->in_table) {
			close_all(rd);
			rd->in_table = 0;
			rd->grid.ncols = 0;
		}
		if (i < rd->text->nlines && gr_line_reader_read(prose, i) < 0)
			rd->failed = 1;
	}
	close_all(rd);
	return rd->failed ? -1 : 0;
}

enum govreport_status
gr_gridtable_build(struct gr_source *src, struct gr_text *text, struct gr_items *items)
{
	struct reader rd = { 0 };
	struct gr_line_reader *prose;
	enum govreport_status st = gr_frontend_take_text(src, text);
	int rc;

	*items = (struct gr_items){ 0 };
	if (st != GOVREPORT_OK)
		return st;
	rd.raw = gr_source_raw(src);
	rd.text = text;
	rd.items = items;
	rd.norm = gr_normalizer_new();
	for (size_t c = 0; c < GR_GRID_MAX_COLUMNS; c++)
		gr_strbuf_init(&rd.grid.cells[c].text);
	gr_strbuf_init(&rd.tmp);
	prose = gr_line_reader_new(text, items);
	if (!rd.raw || !rd.norm || !prose) {
		rc = -1;
		gr_line_reader_finish(prose);
	} else {
		rc = read_lines(&rd, prose);
		if (gr_line_reader_finish(prose) < 0)
			rc = -1;
	}
	reader_release(&rd);
	if (rc < 0) {
		gr_items_release(items);
		gr_text_release(text);
		return rd.raw ? GOVREPORT_ERR_NOMEM : src->raw_decoded;
	}
	return GOVREPORT_OK;
}
