/*
 * An HTML table laid out on its grid (HTML's table model, rowspan and
 * colspan expanded) and read row by row, each cell's text once at its
 * first slot; a table that holds a table, or has one column, is page
 * layout, read as blocks. See html.c for the rules and html_build.h.
 */
#include <string.h>

#include "util/alloc.h"
#include "tables/cellvalue.h"
#include "input/html_build.h"

/* ---- tables ------------------------------------------------------------ */

struct cell {
	const struct gr_html_node *node;
	size_t row, col, rowspan, colspan;
	size_t text, len; /* normalised text in the table's texts */
	uint32_t line;
	int label; /* text, not a value: spans leave nothing behind */
};

/* A table being read. The walker keeps one (take_table()) whose room
 * the page's tables share: a report has a dozen, and making room for
 * each anew cost more than reading it. */
struct table {
	const struct gr_html_node **rows;
	size_t nrows, rows_cap;
	struct cell *cells;
	size_t ncells, cells_cap;
	struct gr_strbuf texts;
	/* The cell owning each column of the grid (emit_grid()); the first
	 * owner_used are what the last table set. */
	struct cell **owner;
	size_t owner_used;
};

static int
add_row(struct table *t, const struct gr_html_node *tr)
{
	if (t->nrows == t->rows_cap) {
		size_t cap = t->rows_cap ? t->rows_cap * 2 : 32;
		const struct gr_html_node **grown = gr_realloc(t->rows, cap * sizeof(*grown));
		if (!grown)
			return -1;
		t->rows = grown;
		t->rows_cap = cap;
	}
	t->rows[t->nrows++] = tr;
	return 0;
}

/* The table's rows in document order: in thead/tbody/tfoot or directly
 * under the table (or under stray wrappers), never in a nested table. */
static int
collect_rows(struct table *t, const struct gr_html_node *parent, int depth)
{
	for (const struct gr_html_node *c = parent->children; c; c = c->next) {
		if (c->type != GR_HTML_ELEMENT || c->tag == GR_HTML_TAG_TABLE)
			continue;
		if (c->tag == GR_HTML_TAG_TR) {
			if (add_row(t, c) < 0)
				return -1;
		} else if (c->tag != GR_HTML_TAG_TD && c->tag != GR_HTML_TAG_TH &&
			   depth < GR_HTML_MAX_DEPTH && collect_rows(t, c, depth + 1) < 0) {
			return -1;
		}
	}
	return 0;
}

static int
is_cell(const struct gr_html_node *node)
{
	return node->type == GR_HTML_ELEMENT &&
	       (node->tag == GR_HTML_TAG_TD || node->tag == GR_HTML_TAG_TH);
}

/* Whether a table lies inside the node (walked without recursion: the
 * markup may nest deeper than a stack should). */
static int
holds_table(const struct gr_html_node *top)
{
	struct gr_html_node *node = top->children;

	while (node && node != top) {
		if (node->type == GR_HTML_ELEMENT && node->tag == GR_HTML_TAG_TABLE)
			return 1;
		node = gr_html_tree_next(top, node, node->type == GR_HTML_ELEMENT);
	}
	return 0;
}

/* A table that holds a table, or has one column, lays out a page. */
static int
is_layout_table(const struct table *t)
{
	size_t widest = 0;

	for (size_t r = 0; r < t->nrows; r++) {
		size_t n = 0;
		for (const struct gr_html_node *c = t->rows[r]->children; c; c = c->next) {
			if (!is_cell(c))
				continue;
			if (holds_table(c))
				return 1;
			n++;
		}
		if (n > widest)
			widest = n;
	}
	return widest <= 1;
}

/* Read a cell's text into the table's texts. */
static int
read_cell(struct walker *w, struct table *t, struct cell *cell, int depth)
{
	const char *s;
	size_t len;

	w->in_cell = 1;
	w->gather.acc.len = 0;
	w->acc_line = 0;
	w->pending = PENDING_NONE;
	gr_html_walk_children(w, cell->node, depth + 1);
	w->in_cell = 0;
	if (w->failed)
		return -1;
	cell->line = w->acc_line ? w->acc_line : cell->node->line;
	if (gr_html_take_gathered(w, &s, &len) < 0)
		return -1;
	cell->text = t->texts.len;
	cell->len = len;
	gr_strbuf_append(&t->texts, s, len);
	if (gr_strbuf_failed(&t->texts))
		return -1;
	if (len) {
		struct gr_value v;
		gr_value_parse(s, len, &v);
		cell->label = v.kind == GR_VALUE_TEXT;
	}
	return 0;
}

static int
add_cell(struct table *t, const struct gr_html_node *node, size_t row, size_t rows_left)
{
	struct cell *cell;

	if (t->ncells == t->cells_cap) {
		size_t cap = t->cells_cap ? t->cells_cap * 2 : 128;
		struct cell *grown = gr_realloc(t->cells, cap * sizeof(*grown));
		if (!grown)
			return -1;
		t->cells = grown;
		t->cells_cap = cap;
	}
	cell = &t->cells[t->ncells++];
	*cell = (struct cell){ .node = node, .row = row };
	cell->colspan = node->colspan;
	cell->rowspan = node->rowspan;
	if (cell->rowspan > rows_left)
		cell->rowspan = rows_left;
	return 0;
}

static int
covers(const struct cell *cell, size_t row)
{
	return cell && row >= cell->row && row < cell->row + cell->rowspan;
}

/*
 * Lay the cells out on the grid row by row (HTML's table model: a cell
 * takes the first column no cell from above still covers) and emit each
 * row's slots in column order.
 */
static int
emit_grid(struct walker *w, struct table *t)
{
	struct cell **owner;
	size_t width = 0, next = 0;

	if (!t->owner)
		t->owner = gr_calloc(GR_HTML_MAX_COLUMNS, sizeof(*t->owner));
	if (!t->owner)
		return -1;
	owner = t->owner;
	memset(owner, 0, t->owner_used * sizeof(*owner));
	t->owner_used = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		size_t col = 0;
		uint32_t row_line = t->rows[r]->line;
		for (; next < t->ncells && t->cells[next].row == r; next++) {
			struct cell *cell = &t->cells[next];
			while (col < GR_HTML_MAX_COLUMNS && covers(owner[col], r) &&
			       owner[col]->row < r)
				col++;
			if (col >= GR_HTML_MAX_COLUMNS)
				break;
			if (cell->colspan > GR_HTML_MAX_COLUMNS - col)
				cell->colspan = GR_HTML_MAX_COLUMNS - col;
			cell->col = col;
			for (size_t k = col; k < col + cell->colspan; k++)
				owner[k] = cell;
			col += cell->colspan;
			if (col > width)
				width = col;
		}
		for (; next < t->ncells && t->cells[next].row == r; next++)
			; /* cells past the widest grid are dropped */
		/* Slots a span covers after the row's last cell of its own
		 * are nothing: no value comes after them to keep in place. */
		size_t last = 0;
		for (size_t k = 0; k < width; k++)
			if (covers(owner[k], r) && owner[k]->row == r && owner[k]->col == k)
				last = k;
		for (size_t k = 0; k < width; k++) {
			struct cell *cell = owner[k];
			struct gr_item *item = NULL;
			if (!covers(cell, r))
				continue;
			if (cell->row == r && cell->col == k) {
				item = gr_html_push_item(w, t->texts.data + cell->text, cell->len,
							 cell->line, GR_ITEM_CELL);
				if (item) {
					item->rowspan = gr_span(cell->rowspan);
					item->colspan = gr_span(cell->colspan);
				}
			} else if (!cell->label && k < last) {
				item = gr_html_push_item(w, "", 0, row_line ? row_line : cell->line,
							 GR_ITEM_CELL);
			} else {
				continue;
			}
			if (!item) {
				t->owner_used = width;
				return -1;
			}
			/* The grid the markup states: the table, the row, the
			 * column of the slot. */
			item->table = w->tables;
			item->row = (uint32_t)r + 1;
			item->col = (uint16_t)(k + 1);
		}
	}
	t->owner_used = width;
	return 0;
}

static void
release_table(struct table *t)
{
	gr_free(t->rows);
	gr_free(t->cells);
	gr_free(t->owner);
	gr_strbuf_release(&t->texts);
}

/* The walker's table, empty, unless a table holding this one is using
 * it: then `fresh`. */
static struct table *
take_table(struct walker *w, struct table *fresh)
{
	struct table *t = fresh;

	*fresh = (struct table){ 0 };
	if (!w->table_in_use && !w->table)
		w->table = gr_calloc(1, sizeof(*w->table));
	if (!w->table_in_use && w->table) {
		t = w->table;
		t->nrows = t->ncells = 0;
		t->texts.len = 0;
		w->table_in_use = 1;
	}
	gr_strbuf_append(&t->texts, "", 0);
	return t;
}

static void
give_back(struct walker *w, struct table *t)
{
	if (t == w->table)
		w->table_in_use = 0;
	else
		release_table(t);
}

void
gr_html_release_tables(struct walker *w)
{
	if (w->table)
		release_table(w->table);
	gr_free(w->table);
	w->table = NULL;
}

void
gr_html_read_table(struct walker *w, const struct gr_html_node *node, int depth)
{
	struct table fresh, *t = take_table(w, &fresh);

	/* A caption is a line of its own before the rows. */
	for (const struct gr_html_node *c = node->children; c && !w->failed; c = c->next)
		if (c->type == GR_HTML_ELEMENT && c->tag == GR_HTML_TAG_CAPTION)
			gr_html_walk(w, c, depth + 1);
	if (w->failed || gr_strbuf_failed(&t->texts) || collect_rows(t, node, depth) < 0) {
		w->failed = 1;
		give_back(w, t);
		return;
	}
	if (is_layout_table(t)) {
		for (size_t r = 0; r < t->nrows && !w->failed; r++)
			gr_html_walk(w, t->rows[r], depth + 1);
		give_back(w, t);
		return;
	}
	for (size_t r = 0; r < t->nrows && !w->failed; r++) {
		for (const struct gr_html_node *c = t->rows[r]->children; c; c = c->next) {
			if (!is_cell(c) || (c->flags & GR_HTML_HIDDEN))
				continue;
			if (add_cell(t, c, r, t->nrows - r) < 0 ||
			    read_cell(w, t, &t->cells[t->ncells - 1], depth) < 0) {
				w->failed = 1;
				break;
			}
		}
	}
	if (w->tables < UINT16_MAX)
		w->tables++;
	if (!w->failed && emit_grid(w, t) < 0)
		w->failed = 1;
	give_back(w, t);
}
