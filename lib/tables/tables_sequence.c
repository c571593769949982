/*
 * Table 四, whose stub is a header, not row labels: its values read into
 * its cells in template order (gr_recover_by_sequence), with the shapes
 * that fuse its digits, drop its empty cells or give each cell a line.
 * Not sequence.h, which places a table 三 read in order. See
 * tables_build.h.
 */
#include "tables/tables_build.h"

static int read_in_sequence(const struct gr_recovery *rc);

int
gr_recover_by_sequence(const struct gr_recovery *rc)
{
	int fused = gr_tables_assign_fused_table(rc);

	if (fused != 0)
		return fused < 0 ? -1 : (int)rc->table->ncells;
	return read_in_sequence(rc);
}

/* The table read in sequence from item `first` on: present, and the
 * header cells before `first` checked. Returns 0 or -1. */
static int
begin_table(const struct gr_recovery *rc, size_t first)
{
	if (gr_report_add_table(rc->report, rc->table->section) < 0)
		return -1;
	return gr_tables_check_headers(rc, &rc->table->groups[0], rc->begin, first);
}

/*
 * Table 四's values in a shape that drops empty cells, fewer than its
 * cells: placed by the equations. Returns the values placed, 0 when the
 * table is not such, -1 when out of memory.
 */
static int
sequence_unstated(const struct gr_recovery *rc, size_t first, size_t last)
{
	const struct gr_table *t = rc->table;
	size_t order[GR_PLACE_MAX_CELLS], cell[GR_PLACE_MAX_CELLS], k = last - first + 1, at = 0;
	long kept;
	int unsure = 0;

	if (!rc->items->blanks_unstated || t->ncells > GR_PLACE_MAX_CELLS || k >= t->ncells)
		return 0;
	gr_tables_print_order(t, order);
	for (size_t c = 1; c < t->ncells; c++)
		if (order[c] != order[0] + c)
			return 0;
	kept = gr_tables_place_unstated(rc, first, k, order[0], t->ncells, cell, NULL);
	if (kept < 0)
		return 0;
	if (begin_table(rc, first) < 0)
		return -1;
	for (size_t g = 0; g < t->ngroups; g++) {
		const struct gr_group *group = &t->groups[g];
		for (size_t r = 0; r < group->nrows; r++) {
			struct row_cells rw = gr_tables_row_cells(rc, group, r);
			for (size_t c = 0; c < group->ncolumns; c++, at++) {
				unsure |= cell[at] == GR_PLACE_UNSURE;
				if (gr_tables_put_placed(&rw, c, cell[at], first) < 0)
					return -1;
			}
		}
	}
	if (unsure && gr_tables_diag_placed(rc, NULL, &rc->items->items[first], k, t->ncells,
					    kept, "", "") < 0)
		return -1;
	return (int)k;
}

/*
 * Table 四's values in text with a cell per line (gr_tables_cell_per_line()), the
 * empty lines between them making up its cells exactly: each empty line
 * is an empty cell in place. Returns the values read, 0 when the table is
 * not such, -1 when out of memory.
 */
static int
sequence_by_lines(const struct gr_recovery *rc, size_t first, size_t last)
{
	const struct gr_table *t = rc->table;
	const struct gr_item *items = rc->items->items;
	size_t inner, i = first, blanks = 0;
	struct gr_value v;

	for (size_t j = first; j <= last; j++) {
		gr_value_parse(items[j].text, items[j].len, &v);
		if (!gr_value_is_filled(&v))
			return 0;
	}
	if (!gr_tables_cell_per_line(rc, first, last, &inner) || inner == 0 ||
	    last - first + 1 + inner != t->ncells)
		return 0;
	if (begin_table(rc, first) < 0)
		return -1;
	for (size_t g = 0; g < t->ngroups; g++) {
		const struct gr_group *group = &t->groups[g];
		for (size_t r = 0; r < group->nrows; r++) {
			struct row_cells rw = gr_tables_row_cells(rc, group, r);
			for (size_t c = 0; c < group->ncolumns; c++) {
				if (i > first && blanks < items[i].blank_before) {
					if (gr_tables_put_empty(&rw, c, &items[i],
								items[i].blank_before - blanks++) < 0)
						return -1;
					continue;
				}
				gr_value_parse(items[i].text, items[i].len, &v);
				if (gr_tables_put_value(&rw, c, &items[i], &v) < 0)
					return -1;
				i++;
				blanks = 0;
			}
		}
	}
	return (int)(last - first + 1);
}

/* Every value in the stretch, one cell each, in print order. */
static int
read_in_sequence(const struct gr_recovery *rc)
{
	const struct gr_item *items = rc->items->items;
	size_t first = NONE, last = NONE, values = 0, cell = 0, extra = 0;
	struct gr_value v;
	int placed;

	for (size_t i = rc->begin; i < rc->end; i++) {
		gr_value_parse(items[i].text, items[i].len, &v);
		if (!gr_value_is_filled(&v))
			continue;
		if (first == NONE)
			first = i;
		last = i;
	}
	if (first == NONE)
		return 0;
	placed = sequence_unstated(rc, first, last);
	if (placed == 0)
		placed = sequence_by_lines(rc, first, last);
	if (placed != 0)
		return placed;
	/* Where the shape states the grid, empty cells that open the first
	 * value row are cells of the sequence (a blank 结果维持), as long as
	 * the row then holds no more cells than the table. */
	if (items[first].row) {
		size_t row_end = first, start = first;
		while (row_end + 1 < rc->end && gr_items_same_row(&items[row_end + 1], &items[first]))
			row_end++;
		while (start > rc->begin && gr_items_same_row(&items[start - 1], &items[first]) &&
		       items[start - 1].len == 0 && row_end - start + 2 <= rc->table->ncells)
			start--;
		first = start;
	}
	if (begin_table(rc, first) < 0)
		return -1;
	/* Walk group by group, row by row: a row_cells per row. */
	for (size_t g = 0; g < rc->table->ngroups; g++) {
		const struct gr_group *group = &rc->table->groups[g];
		for (size_t r = 0; r < group->nrows; r++) {
			struct row_cells rw = gr_tables_row_cells(rc, group, r);
			for (size_t c = 0; c < group->ncolumns; c++, cell++) {
				size_t i = first + cell;
				if (i <= last) {
					gr_value_parse(items[i].text, items[i].len, &v);
					if (gr_tables_put_value(&rw, c, &items[i], &v) < 0)
						return -1;
					values += gr_value_is_filled(&v);
				} else if (gr_tables_fill_rest(&rw, c, 0, &items[last]) < 0) {
					return -1;
				} else {
					cell += group->ncolumns - c - 1;
					break;
				}
			}
		}
	}
	for (size_t i = first + cell; i <= last && last != NONE; i++) {
		gr_value_parse(items[i].text, items[i].len, &v);
		extra += gr_value_is_filled(&v);
	}
	if (extra) {
		struct gr_cell_ref ref;
		const struct gr_group *group = &rc->table->groups[rc->table->ngroups - 1];
		gr_cell_find(rc->table, group->rows[group->nrows - 1].row,
			     group->columns[group->ncolumns - 1].column, &ref);
		if (gr_tables_diag_cell(rc, GR_CELL_EXTRA, &ref, &items[last],
					"之后还有多余的数字，已忽略",
					"is followed by more numbers than the table has cells; "
					"they were dropped") < 0)
			return -1;
	}
	return (int)values;
}
