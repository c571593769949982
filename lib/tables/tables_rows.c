/*
 * A row's values after its label, laid in its columns: by its grid row
 * where the shape states one; else as fused digits (tables_fused.c), a
 * cell per line (tables_lines.c) or values with unstated empty cells
 * (tables_unstated.c) where the row is such; else in order, blanks and
 * stray text around the values dropped and a label broken around them
 * joined. See tables_build.h.
 */
#include "tables/tables_build.h"

/*
 * Whether item i may still belong to the grid row of item `last`: the
 * same row when the shape states rows; else, where a row is a line, the
 * same line; where every cell has a line of its own, the line says
 * nothing.
 */
static int
continues_row(const struct gr_items *items, size_t last, size_t i)
{
	const struct gr_item *it = items->items;
	int alone;

	if (it[last].row && it[i].row)
		return gr_items_same_row(&it[last], &it[i]);
	alone = (last == 0 || it[last - 1].line != it[last].line) &&
		(last + 1 >= items->count || it[last + 1].line != it[last].line);
	return alone || it[i].line == it[last].line;
}

/* The values of a row's first items, parsed once. */
#define GR_VALUE_CACHE 32

static void
value_at(const struct gr_item *items, size_t from, size_t i,
	 const struct gr_value *cache, struct gr_value *v)
{
	if (i - from < GR_VALUE_CACHE)
		*v = cache[i - from];
	else
		gr_value_parse(items[i].text, items[i].len, v);
}

/*
 * A row whose grid the shape states (HTML, Markdown and grid tables, tab
 * rows): the label's own row holds its values, in its last columns, blank
 * cells included — a known row never lends values to another, and a known
 * column places a value. Cells before those columns are the stub's
 * (sub-labels, the empty slots a merged stub leaves); when one of them
 * holds a number, or none of the row's cells does, the reading by order
 * decides. Returns 1 when the row was placed, 0 when the grid says
 * too little (the row's values lie elsewhere), -1 when out of memory.
 */
static int
assign_grid_row(const struct row_cells *rw, size_t from, size_t to,
		const struct gr_item *label)
{
	const struct gr_item *items = rw->rc->items->items;
	size_t ncols = rw->group->ncolumns, n = 0, first;
	struct gr_value v;

	if (!label->row)
		return 0;
	while (from + n < to && items[from + n].kind == GR_ITEM_CELL &&
	       gr_items_same_row(label, &items[from + n]))
		n++;
	if (n < ncols)
		return 0;
	first = from + n - ncols;
	for (size_t i = from; i < first; i++) {
		gr_value_parse(items[i].text, items[i].len, &v);
		if (gr_value_is_filled(&v))
			return 0;
	}
	/* A label row with no value at all: its numbers may sit on the row
	 * below (a label cell merged over two rows, split apart). */
	for (size_t c = 0; c < ncols; c++) {
		gr_value_parse(items[first + c].text, items[first + c].len, &v);
		if (gr_value_is_filled(&v))
			break;
		if (c + 1 == ncols)
			return 0;
	}
	for (size_t c = 0; c < ncols; c++) {
		gr_value_parse(items[first + c].text, items[first + c].len, &v);
		if (gr_tables_put_value(rw, c, &items[first + c], &v) < 0)
			return -1;
	}
	return 1;
}

/*
 * Whether item i, text among a row's values, is the rest of the row's
 * label broken around them ("6.属于四类过程性信" 2 "息" 0 0 …): the label
 * item holds the label's start and the item its end, and together they
 * are the whole label. Such an item is no cell.
 */
static int
is_label_tail(const struct row_cells *rw, const struct gr_item *label, size_t i)
{
	const struct gr_items *items = rw->rc->items;
	const struct gr_row_keys *keys = gr_row_keys_get(rw->row);
	struct gr_key head, tail;
	struct gr_value v;

	if (!keys || label < items->items || label >= items->items + items->count)
		return 0;
	gr_value_parse(items->items[i].text, items->items[i].len, &v);
	if (v.kind != GR_VALUE_TEXT || !item_key(items, (size_t)(label - items->items), &head) ||
	    !item_key(items, i, &tail) || head.len == 0 || tail.len == 0 ||
	    head.len + tail.len != keys->label.len)
		return 0;
	return gr_key_find(&keys->label, &head) == 0 &&
	       gr_key_find(&keys->label, &tail) == (long)head.len;
}

/*
 * Assign the items [from, to) after a row's label to its columns.
 * Leading and trailing blanks and stray text (the 开 a merged cell leaves,
 * header cells of the next item) are not values; between the first and
 * the last value every item takes its column.
 */
int
gr_tables_assign_row(const struct row_cells *rw, size_t from, size_t to,
		     const struct gr_item *label)
{
	const struct gr_item *items = rw->rc->items->items;
	size_t ncols = rw->group->ncolumns;
	size_t first = NONE, last = NONE, filled = 0, lead_blanks = 0;
	size_t column = 0, extra = 0, tails = 0;
	int trailing_blank = 0;
	struct gr_value v, values[GR_VALUE_CACHE];

	int placed = assign_grid_row(rw, from, to, label);

	if (placed == 0)
		placed = gr_tables_assign_fused_row(rw, from, to);
	if (placed != 0)
		return placed < 0 ? -1 : 0;
	/* Each item is looked at up to three times: read the first ones once. */
	for (size_t i = from; i < to && i - from < GR_VALUE_CACHE; i++)
		gr_value_parse(items[i].text, items[i].len, &values[i - from]);
	for (size_t i = from; i < to; i++) {
		value_at(items, from, i, values, &v);
		if (gr_value_is_filled(&v)) {
			if (first == NONE)
				first = i;
			last = i;
			filled++;
		} else if (first != NONE && v.kind == GR_VALUE_TEXT && is_label_tail(rw, label, i)) {
			tails++;
		} else if (v.kind == GR_VALUE_BLANK && first == NONE) {
			lead_blanks++;
		} else if (v.kind == GR_VALUE_TEXT && first == NONE) {
			lead_blanks = 0;
		}
	}
	if (first == NONE) {
		/* A label followed by empty cells only: the row is blank. */
		int blank = lead_blanks > 0;
		return gr_tables_fill_rest(rw, 0, blank, blank ? &items[from] : label);
	}
	for (size_t i = last + 1; i < to && continues_row(rw->rc->items, last, i); i++) {
		value_at(items, from, i, values, &v);
		if (v.kind != GR_VALUE_BLANK)
			break;
		trailing_blank = 1;
	}
	/* A cell per line: empty lines are its empty cells. */
	if (!lead_blanks && !trailing_blank && filled == last - first + 1 && filled < ncols) {
		placed = gr_tables_assign_row_by_lines(rw, from, first, last, to);
		if (placed != 0)
			return placed < 0 ? -1 : 0;
	}
	/* A shape that drops empty cells: which of the row's cells the
	 * missing ones were is for the equations to tell. */
	if (!lead_blanks && !trailing_blank && filled == last - first + 1 && filled < ncols) {
		placed = gr_tables_assign_unstated_row(rw, first, filled);
		if (placed != 0)
			return placed < 0 ? -1 : 0;
	}
	/* "规章 | | 0 | 0": a leading blank is a column when it completes
	 * the row and no empty cell follows the values; otherwise it is
	 * layout (the sub-label column of a merged stub). */
	if (filled < ncols && filled + lead_blanks == ncols && !trailing_blank)
		for (size_t b = 0; b < lead_blanks; b++)
			if (gr_tables_put_value(rw, column++, &items[first - lead_blanks + b],
						&(struct gr_value){ .kind = GR_VALUE_BLANK }) < 0)
				return -1;
	for (size_t i = first; i <= last; i++) {
		value_at(items, from, i, values, &v);
		if (tails && v.kind == GR_VALUE_TEXT && is_label_tail(rw, label, i))
			continue;
		if (column < ncols) {
			if (gr_tables_put_value(rw, column++, &items[i], &v) < 0)
				return -1;
		} else if (gr_value_is_filled(&v)) {
			extra++;
		}
	}
	if (extra) {
		struct gr_cell_ref ref;
		gr_tables_cell_at(rw, ncols - 1, &ref);
		if (gr_tables_diag_cell(rw->rc, GR_CELL_EXTRA, &ref, &items[last],
					"之后还有多余的数字，已忽略",
					"is followed by more numbers than the row has cells; "
					"they were dropped") < 0)
			return -1;
		gr_diag_last(&rw->rc->report->diags)->has_actual = 1;
		gr_diag_last(&rw->rc->report->diags)->actual = (int64_t)extra;
	}
	return gr_tables_fill_rest(rw, column, trailing_blank,
				   trailing_blank ? &items[last + 1] : &items[last]);
}
