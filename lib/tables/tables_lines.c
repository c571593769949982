/*
 * Text with a cell per line (LibreOffice's and WPS's text export), where
 * an empty line is an empty cell: a row's empty cells read in place from
 * the empty lines around its values. See tables_build.h.
 */
#include "tables/tables_build.h"

/*
 * Whether items [first, last], all values, are a cell per line, the empty
 * lines between them counted (blank_before) and nothing else dropped
 * between them, most of them on the line right after the one before
 * (LibreOffice's and WPS's text export: an empty line is an empty cell,
 * and only that; text with a blank line between every paragraph is not
 * such). Sets *inner to the empty lines between them.
 */
int
gr_tables_cell_per_line(const struct gr_recovery *rc, size_t first, size_t last, size_t *inner)
{
	const struct gr_item *items = rc->items->items;
	size_t tight = 0;

	*inner = 0;
	if (rc->items->blanks_unstated || items[first].row || last <= first)
		return 0;
	for (size_t i = first + 1; i <= last; i++) {
		if (items[i].row || items[i].blank_before == 255 ||
		    items[i].line != items[i - 1].line + 1 + items[i].blank_before)
			return 0;
		tight += items[i].blank_before == 0;
		*inner += items[i].blank_before;
	}
	return tight * 2 > last - first;
}

/* An empty cell the text shows as the empty line `back` lines before the
 * item `near`. Returns 0 or -1. */
int
gr_tables_put_empty(const struct row_cells *rw, size_t column, const struct gr_item *near,
		    size_t back)
{
	struct gr_cell_ref ref;
	struct gr_cell *cell = gr_tables_cell_at(rw, column, &ref);
	struct gr_item at = *near;

	at.line = near->line > back ? near->line - (uint32_t)back : near->line;
	gr_cell_set_null(cell, GOVREPORT_CELL_BLANK);
	cell->line = at.line;
	cell->offset = near->offset;
	return gr_tables_diag_cell(rw->rc, GR_CELL_BLANK, &ref, &at, "为空", "is empty");
}

/*
 * A row of values [first, last] (first right after its label), fewer than
 * its cells, in text with a cell per line (gr_tables_cell_per_line()): the empty
 * lines after the label and between the values are its empty cells, in
 * place; what remains to fill the row are the empty lines after the last
 * value, and the rest of those (before the next label) are the next
 * row's merged stub cells (三、本年度办理结果 over several rows leaves an
 * empty line on each row after its first). Returns 1 when the row was
 * read so, 0 when not such, -1.
 */
int
gr_tables_assign_row_by_lines(const struct row_cells *rw, size_t from, size_t first, size_t last,
			      size_t to)
{
	const struct gr_item *items = rw->rc->items->items;
	size_t ncols = rw->group->ncolumns, k = last - first + 1, inner, lead, trail, column = 0;
	struct gr_value v;

	if (first != from || !gr_tables_cell_per_line(rw->rc, first, last, &inner))
		return 0;
	lead = items[first].blank_before == 255 ? 0 : items[first].blank_before;
	trail = last + 1 < to ? items[last + 1].blank_before : 0;
	if (inner + lead == 0 || k + inner + lead > ncols || k + inner + lead + trail < ncols ||
	    (last + 1 < to && items[last + 1].line != items[last].line + 1 + trail))
		return 0;
	for (size_t b = 0; b < lead; b++)
		if (gr_tables_put_empty(rw, column++, &items[first], lead - b) < 0)
			return -1;
	for (size_t i = first; i <= last; i++) {
		for (size_t b = 0; i > first && b < items[i].blank_before; b++)
			if (gr_tables_put_empty(rw, column++, &items[i],
						items[i].blank_before - b) < 0)
				return -1;
		gr_value_parse(items[i].text, items[i].len, &v);
		if (gr_tables_put_value(rw, column++, &items[i], &v) < 0)
			return -1;
	}
	for (size_t b = 0; column < ncols; b++)
		if (gr_tables_put_empty(rw, column++, &items[last + 1], trail - b) < 0)
			return -1;
	return 1;
}
