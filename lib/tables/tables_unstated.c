/*
 * Values whose empty cells the shape does not show (blanks_unstated):
 * fewer values than cells, placed by the table's equations
 * (placement.h), the cells the readings disagree on null. See
 * tables_build.h.
 */
#include <stdio.h>

#include "util/alloc.h"
#include "tables/tables_build.h"

/* A reading of placement.h against the equations of the cells it covers,
 * an empty cell counted as 0 (what an empty cell of these tables means). */
struct place_rule {
	struct split_rule rule;
	int64_t numbers[GR_PLACE_MAX_CELLS]; /* the values' (a dash: 0) */
	/* Every reading kept, for the equations across rows (joint.h): what
	 * each cell holds (placement.h), or NULL not to record. */
	size_t (*holds)[GR_PLACE_MAX_CELLS];
	size_t count;
};

static int
place_fits(const size_t *at, size_t k, size_t n, void *ctx)
{
	struct place_rule *p = ctx;
	int64_t values[GR_PLACE_MAX_CELLS] = { 0 };

	for (size_t j = 0; j < k; j++)
		values[at[j]] = p->numbers[j];
	if (!gr_tables_split_fits(values, n, &p->rule))
		return 0;
	if (p->holds && p->count < GR_OPEN_MAX_READINGS) {
		for (size_t c = 0; c < n; c++)
			p->holds[p->count][c] = GR_PLACE_EMPTY;
		for (size_t j = 0; j < k; j++)
			p->holds[p->count][at[j]] = j;
	}
	p->count++;
	return 1;
}

/*
 * The values of items [first, first + k), every one a value, go to n > k
 * cells starting at flat index `cell0` of the table, in a shape that drops
 * empty cells: what each cell holds in every reading the equations keep
 * (placement.h) goes in cell[]. Returns how many readings were kept (0:
 * none, every cell unsure), or -1 when the items are not such a run.
 */
long
gr_tables_place_unstated(const struct gr_recovery *rc, size_t first, size_t k, size_t cell0,
			 size_t n, size_t *cell, size_t (*holds)[GR_PLACE_MAX_CELLS])
{
	const struct gr_item *items = rc->items->items;
	struct place_rule p = { { NULL, 0, cell0 }, { 0 }, holds, 0 };
	struct gr_value v;
	int exact = 1;

	if (!rc->items->blanks_unstated || k == 0 || k >= n || n > GR_PLACE_MAX_CELLS)
		return -1;
	for (size_t j = 0; j < k; j++) {
		gr_value_parse(items[first + j].text, items[first + j].len, &v);
		if (!gr_value_is_filled(&v))
			return -1;
		exact &= v.kind != GR_VALUE_NUMBER || v.scale == 0;
		p.numbers[j] = v.kind == GR_VALUE_NUMBER ? v.coefficient : 0;
	}
	/* Money with decimals: the equations (counts) do not tell. */
	if (exact)
		p.rule.eqs = gr_table_equations(rc->report->tpl, rc->table->section, &p.rule.neq);
	return gr_place_values(k, n, place_fits, &p, cell);
}

/* Cell c of a row as gr_tables_place_unstated() decided it. Returns 0 or -1. */
int
gr_tables_put_placed(const struct row_cells *rw, size_t column, size_t holds, size_t first)
{
	const struct gr_item *items = rw->rc->items->items;
	struct gr_cell_ref ref;
	struct gr_cell *cell;
	struct gr_value v;

	if (holds != GR_PLACE_EMPTY && holds != GR_PLACE_UNSURE) {
		gr_value_parse(items[first + holds].text, items[first + holds].len, &v);
		return gr_tables_put_value(rw, column, &items[first + holds], &v);
	}
	cell = gr_tables_cell_at(rw, column, &ref);
	cell->line = items[first].line;
	cell->offset = items[first].offset;
	if (holds == GR_PLACE_UNSURE) {
		gr_cell_set_null(cell, GOVREPORT_CELL_INVALID);
		return 0;
	}
	gr_cell_set_null(cell, GOVREPORT_CELL_BLANK);
	return gr_tables_diag_cell(rw->rc, GR_CELL_BLANK, &ref, &items[first], "为空", "is empty");
}

/* CELL_AMBIGUOUS for a run placed with `kept` readings, where they leave
 * a cell unsure. */
int
gr_tables_diag_placed(const struct gr_recovery *rc, const struct gr_cell_ref *row,
		      const struct gr_item *item, size_t k, size_t n, long kept,
		      const char *what_zh, const char *what_en)
{
	return gr_diag_add(&rc->report->diags, GR_CELL_AMBIGUOUS, rc->table, row, item->line,
			   gr_printf("表%s%s：%zu个数字对应%zu格，文本不显示哪些格为空；"
				     "符合表格勾稽关系的放法有%ld种，不能确定的格为空",
				     rc->table->number, what_zh, k, n, kept),
			   gr_printf("%s%s: %zu numbers for %zu cells, and the text does not show "
				     "which cells are empty; %ld placements fit the table's "
				     "equations, and the cells they disagree on are null",
				     rc->table->en, what_en, k, n, kept));
}

/* CELL_AMBIGUOUS for a row placed with `kept` readings. */
int
gr_tables_diag_placed_row(const struct row_cells *rw, size_t first, size_t k, long kept)
{
	char what_zh[160], what_en[160];
	struct gr_cell_ref ref = { rw->rc->table, rw->group, rw->row, NULL, 0 };

	snprintf(what_zh, sizeof(what_zh), "「%s」行", rw->row->label);
	snprintf(what_en, sizeof(what_en), ", row \"%s\"", rw->row->en);
	return gr_tables_diag_placed(rw->rc, &ref, &rw->rc->items->items[first], k,
				     rw->group->ncolumns, kept, what_zh, what_en);
}

/* A row of k < ncolumns values in a shape that drops empty cells: placed
 * by the equations. Returns 1 when it was, 0 when not such, -1. */
int
gr_tables_assign_unstated_row(const struct row_cells *rw, size_t first, size_t k)
{
	size_t n = rw->group->ncolumns, cell[GR_PLACE_MAX_CELLS];
	size_t (*holds)[GR_PLACE_MAX_CELLS] = NULL;
	long kept;
	int unsure = 0, status = 1;

	if (rw->open && !(holds = gr_calloc(GR_OPEN_MAX_READINGS, sizeof(*holds))))
		return -1;
	kept = gr_tables_place_unstated(rw->rc, first, k, rw->first, n, cell, holds);
	if (kept < 0) {
		gr_free(holds);
		return 0;
	}
	for (size_t c = 0; c < n && status > 0; c++) {
		unsure |= cell[c] == GR_PLACE_UNSURE;
		if (gr_tables_put_placed(rw, c, cell[c], first) < 0)
			status = -1;
	}
	if (status > 0 && unsure && gr_tables_diag_placed_row(rw, first, k, kept) < 0)
		status = -1;
	/* Readings the row's own equations leave open: the equations
	 * across rows may narrow them. */
	if (status > 0 && unsure && holds && kept > 1 && kept <= GR_OPEN_MAX_READINGS &&
	    gr_tables_open_unstated_row(rw, first, k, holds, (size_t)kept) < 0)
		status = -1;
	gr_free(holds);
	return status;
}
