/*
 * Where the reading by rows goes wrong (rows not found, values with no
 * cell or no number): the values in order when they fill the table and
 * its equations hold, or, fewer than its cells, placed by the equations
 * (sequence.h), or with some carried after the table (sequence.h), or
 * table 二's groups (tables_groups.c); gr_recover_table chooses. See tables_build.h.
 */
#include <string.h>

#include "util/alloc.h"
#include "tables/sequence.h"
#include "tables/tables_build.h"

/* Whether the reading by rows went wrong: rows not found, or values that
 * found no cell or no number. */
static int
troubled(const struct gr_diags *diags, size_t mark)
{
	for (size_t i = mark; i < diags->count; i++) {
		enum gr_code code = diags->items[i].code;
		if (code == GR_ROW_MISSING || code == GR_CELL_EXTRA || code == GR_CELL_INVALID)
			return 1;
	}
	return 0;
}

/* The table's cells in the order a document prints them: group by
 * group, row by row, column by column (flat indexes). */
void
gr_tables_print_order(const struct gr_table *t, size_t *order)
{
	size_t n = 0;

	for (size_t g = 0; g < t->ngroups; g++) {
		const struct gr_group *group = &t->groups[g];
		for (size_t r = 0; r < group->nrows; r++) {
			size_t first = gr_row_first_cell(t, group, &group->rows[r]);
			for (size_t c = 0; c < group->ncolumns; c++)
				order[n++] = first + c;
		}
	}
}

/* How the equations fare on a reading: held and failed, those with an
 * unknown term left out. */
static void
score_equations(const struct gr_equation *eqs, size_t neq, const int64_t *v,
		const unsigned char *known, size_t *held, size_t *failed)
{
	*held = *failed = 0;
	for (size_t e = 0; e < neq; e++) {
		const struct gr_equation *eq = &eqs[e];
		int64_t lhs = 0, rhs = 0;
		int complete = 1;
		for (size_t k = 0; k < eq->nlhs && complete; k++) {
			complete = known[eq->lhs[k]];
			lhs += v[eq->lhs[k]];
		}
		for (size_t k = 0; k < eq->nrhs && complete; k++) {
			complete = known[eq->rhs[k]];
			rhs += v[eq->rhs[k]];
		}
		if (complete)
			*(lhs == rhs ? held : failed) += 1;
	}
}

/*
 * Whether the stretch's values, taken in order, fill the table exactly
 * (one value a cell, none left over) and the table's equations hold on
 * them: none fails, and at least half can be checked. Reading order text
 * (plain pdftotext) interleaves the labels of neighbouring rows, but
 * keeps their numbers in order.
 */
static int
in_order_fits(const struct gr_recovery *rc)
{
	const struct gr_table *t = rc->table;
	const struct gr_items *items = rc->items;
	size_t neq, n = 0, held, failed;
	const struct gr_equation *eqs = gr_table_equations(rc->report->tpl, t->section, &neq);
	size_t *order;
	int64_t *v;
	unsigned char *known;
	int fits = 0;

	if (!eqs || neq == 0)
		return 0;
	order = gr_calloc(t->ncells, sizeof(*order));
	v = gr_calloc(t->ncells, sizeof(*v));
	known = gr_calloc(t->ncells, 1);
	if (!order || !v || !known) {
		fits = -1;
		goto out;
	}
	gr_tables_print_order(t, order);
	for (size_t i = rc->begin; i < rc->end; i++) {
		struct gr_value value;
		gr_value_parse(items->items[i].text, items->items[i].len, &value);
		if (!gr_value_is_filled(&value))
			continue;
		if (n == t->ncells || value.extra)
			goto out;
		if (value.kind == GR_VALUE_NUMBER && value.scale == 0) {
			v[order[n]] = value.coefficient;
			known[order[n]] = 1;
		}
		n++;
	}
	if (n != t->ncells)
		goto out;
	score_equations(eqs, neq, v, known, &held, &failed);
	fits = failed == 0 && held * 2 >= neq;
out:
	gr_free(order);
	gr_free(v);
	gr_free(known);
	return fits;
}

/*
 * The stretch's values into the table's cells in print order, one each
 * (in_order_fits() said they fill it exactly): the text between them is
 * the labels interleaved with them, never a cell. Returns 0 or -1.
 */
static int
read_values_in_order(const struct gr_recovery *rc)
{
	const struct gr_item *items = rc->items->items;
	size_t i = rc->begin, first = NONE;
	struct gr_value v;

	if (gr_report_add_table(rc->report, rc->table->section) < 0)
		return -1;
	for (size_t g = 0; g < rc->table->ngroups; g++) {
		const struct gr_group *group = &rc->table->groups[g];
		for (size_t r = 0; r < group->nrows; r++) {
			struct row_cells rw = gr_tables_row_cells(rc, group, r);
			for (size_t c = 0; c < group->ncolumns; c++, i++) {
				for (;; i++) {
					gr_value_parse(items[i].text, items[i].len, &v);
					if (gr_value_is_filled(&v))
						break;
				}
				if (first == NONE) {
					first = i;
					if (gr_tables_check_headers(rc, &rc->table->groups[0],
								    rc->begin, first) < 0)
						return -1;
				}
				if (gr_tables_put_value(&rw, c, &items[i], &v) < 0)
					return -1;
			}
		}
	}
	return 0;
}

/* ---- the values in order over more cells (sequence.h) ----------------- */

/* Numbers this large leave the placement to no one: the cells stay as the
 * reading by rows left them. */
#define GR_SEQUENCE_MAX_NUMBER ((int64_t)1 << 40)

/* The stretch's values as numbers for gr_place_sequence(), at most n:
 * numbers[j] is item idx[j], their count in *k. Returns 0 when they are
 * more than n, or not all whole numbers the bound allows (or none). */
static int
sequence_numbers(const struct gr_recovery *rc, size_t n, int64_t *numbers, size_t *idx,
		 size_t *k)
{
	const struct gr_item *items = rc->items->items;
	struct gr_value v;

	*k = 0;
	for (size_t i = rc->begin; i < rc->end; i++) {
		gr_value_parse(items[i].text, items[i].len, &v);
		if (!gr_value_is_filled(&v))
			continue;
		if (*k == n || v.extra || v.kind == GR_VALUE_OVERFLOW ||
		    (v.kind == GR_VALUE_NUMBER &&
		     (v.scale || v.coefficient >= GR_SEQUENCE_MAX_NUMBER ||
		      v.coefficient <= -GR_SEQUENCE_MAX_NUMBER)))
			return 0;
		numbers[*k] = v.kind == GR_VALUE_NUMBER ? v.coefficient : 0;
		idx[(*k)++] = i;
	}
	return *k > 0;
}

/* A cell as gr_place_sequence() decided it: value j is item idx[j]. */
static int
put_sequenced(const struct row_cells *rw, size_t column, size_t holds, const size_t *idx,
	      const struct gr_item *near)
{
	const struct gr_item *items = rw->rc->items->items;
	struct gr_cell_ref ref;
	struct gr_cell *cell;
	struct gr_value v;

	if (holds != GR_PLACE_EMPTY && holds != GR_PLACE_UNSURE) {
		gr_value_parse(items[idx[holds]].text, items[idx[holds]].len, &v);
		return gr_tables_put_value(rw, column, &items[idx[holds]], &v);
	}
	cell = gr_tables_cell_at(rw, column, &ref);
	if (gr_report_set_raw(rw->rc->report, cell, NULL, 0) < 0)
		return -1;
	cell->line = near->line;
	cell->offset = near->offset;
	if (holds == GR_PLACE_UNSURE) {
		gr_cell_set_null(cell, GOVREPORT_CELL_INVALID);
		return 0;
	}
	gr_cell_set_null(cell, GOVREPORT_CELL_BLANK);
	return gr_tables_diag_cell(rw->rc, GR_CELL_BLANK, &ref, near, "为空", "is empty");
}

/*
 * A table with equations and one group (三) in a shape that drops empty
 * cells, whose reading by rows went wrong: its values, fewer than its
 * cells, taken in order and placed by the equations (sequence.h). Returns
 * 1 when read so (the reading by rows and its diagnostics from `mark` on
 * replaced), 0 when it does not apply or no placement satisfies the
 * equations, -1 when out of memory.
 */
static int
place_in_order(const struct gr_recovery *rc, size_t mark)
{
	const struct gr_table *t = rc->table;
	const struct gr_group *group = &t->groups[0];
	const struct gr_item *items = rc->items->items;
	size_t n = group->nrows * group->ncolumns, k = 0, neq, unsure = 0;
	const struct gr_equation *eqs = gr_table_equations(rc->report->tpl, t->section, &neq);
	size_t *idx = NULL, *order = NULL, *cell = NULL;
	int64_t *numbers = NULL;
	int status = 0;

	if (!rc->items->blanks_unstated || !eqs || !neq || t->ngroups != 1 ||
	    group->ncolumns > GR_SEQUENCE_MAX_COLUMNS)
		return 0;
	idx = gr_calloc(n, sizeof(*idx));
	numbers = gr_calloc(n, sizeof(*numbers));
	order = gr_calloc(n, sizeof(*order));
	cell = gr_calloc(n, sizeof(*cell));
	if (!idx || !numbers || !order || !cell) {
		status = -1;
		goto out;
	}
	if (!sequence_numbers(rc, n, numbers, idx, &k) || k >= n)
		goto out;
	gr_tables_print_order(t, order);
	status = gr_place_sequence(numbers, k, group->nrows, group->ncolumns, order, t->ncells,
				   eqs, neq, cell);
	if (status <= 0)
		goto out;
	gr_diags_truncate(&rc->report->diags, mark);
	if (gr_tables_check_headers(rc, group, rc->begin, idx[0]) < 0) {
		status = -1;
		goto out;
	}
	for (size_t r = 0; r < group->nrows && status > 0; r++) {
		struct row_cells rw = gr_tables_row_cells(rc, group, r);
		for (size_t c = 0; c < group->ncolumns && status > 0; c++) {
			size_t holds = cell[r * group->ncolumns + c];
			unsure += holds == GR_PLACE_UNSURE;
			if (put_sequenced(&rw, c, holds, idx, &items[idx[0]]) < 0)
				status = -1;
		}
	}
	if (status > 0 && unsure &&
	    gr_diag_add(&rc->report->diags, GR_CELL_AMBIGUOUS, t, NULL, items[idx[0]].line,
			gr_printf("表%s：按顺序读取的%zu个数字对应%zu格，文本不显示哪些格为空；%zu格在符合表格勾稽关系的各种放法下取值不同，为空",
				  t->number, k, n, unsure),
			gr_printf("%s: its %zu numbers, read in order, are for %zu cells, and the "
				  "text does not show which cells are empty; %zu cells differ between "
				  "the placements that fit the table's equations and are null",
				  t->en, k, n, unsure)) < 0)
		status = -1;
	if (status > 0 &&
	    gr_diag_add(&rc->report->diags, GR_TABLE_IN_ORDER, t, NULL, 0,
			gr_printf("表%s的行标签与数字交错，无法按行对应；按顺序读取%zu个数字，按表格的勾稽关系确定空格的位置",
				  t->number, k),
			gr_printf("%s: its row labels and numbers are interleaved; its %zu numbers "
				  "were read in order, and where the empty cells lie was left to the "
				  "table's equations", t->en, k)) < 0)
		status = -1;
out:
	gr_free(idx);
	gr_free(numbers);
	gr_free(order);
	gr_free(cell);
	return status;
}

/* ---- cells carried out of their place (sequence.h) --------------------- */

/* Whether the reading by rows left a row missing. */
static int
rows_missing(const struct gr_diags *diags, size_t mark)
{
	for (size_t i = mark; i < diags->count; i++)
		if (diags->items[i].code == GR_ROW_MISSING)
			return 1;
	return 0;
}

/*
 * The numbers as read with the last d of them displaced (sequence.h):
 * 1 when exactly one table holds every equation (cell[] then holds every
 * cell's number), 0 when none or several, -1 when out of memory.
 */
static int
displaced_reading(const int64_t *numbers, size_t n, size_t d, const struct gr_group *group,
		  const size_t *order, size_t ncells, const struct gr_equation *eqs,
		  size_t neq, size_t *cell, unsigned long *steps_left)
{
	int status = gr_place_sequence_displaced(numbers, n - d, group->nrows, group->ncolumns,
						 order, ncells, eqs, neq, cell, steps_left);

	for (size_t p = 0; p < n && status > 0; p++)
		if (cell[p] == GR_PLACE_UNSURE)
			status = 0;
	return status;
}

/*
 * Table 三 (one group, equations) in plain pdftotext's reading order,
 * whose reading by rows left rows missing: the order can carry a cell's
 * number out of its place, after the table's last row into the labels'
 * flow, and its row's label with it. Its n numbers, read in order with
 * the last d displaced (d from 1 to a row each): those in place fill the
 * cells but d, at most one a row, which take the displaced ones in order,
 * each the value its row's own equations solve the cell to. Read so when
 * exactly one d and one table hold every equation; else nothing changes
 * (several readings are never a guess). Returns 1
 * when read so (the reading by rows and its diagnostics from `mark` on
 * replaced), 0 when not, -1 when out of memory.
 */
static int
place_displaced(const struct gr_recovery *rc, size_t mark)
{
	const struct gr_table *t = rc->table;
	const struct gr_group *group = &t->groups[0];
	const struct gr_item *items = rc->items->items;
	size_t n = group->nrows * group->ncolumns, k = 0, neq, found_d = 0, readings = 0;
	const struct gr_equation *eqs = gr_table_equations(rc->report->tpl, t->section, &neq);
	size_t *idx = NULL, *order = NULL, *cell = NULL, *kept = NULL;
	int64_t *numbers = NULL;
	int status = 0;
	/* One budget for every count of displaced numbers tried: twice what
	 * one search may take, so that a table whose rows fit many counts
	 * costs at most two searches (004-figures-utf16 needs one). */
	unsigned long steps_left = GR_SEQUENCE_DISPLACED_BUDGET;

	if (!rc->items->blanks_unstated || !eqs || !neq || t->ngroups != 1 ||
	    group->ncolumns > GR_SEQUENCE_MAX_COLUMNS || !rows_missing(&rc->report->diags, mark))
		return 0;
	idx = gr_calloc(n, sizeof(*idx));
	numbers = gr_calloc(n, sizeof(*numbers));
	order = gr_calloc(n, sizeof(*order));
	cell = gr_calloc(n, sizeof(*cell));
	kept = gr_calloc(n, sizeof(*kept));
	if (!idx || !numbers || !order || !cell || !kept) {
		status = -1;
		goto out;
	}
	if (!sequence_numbers(rc, n, numbers, idx, &k) || k != n)
		goto out;
	gr_tables_print_order(t, order);
	for (size_t d = 1; d <= group->nrows && d < n && readings < 2; d++) {
		status = displaced_reading(numbers, n, d, group, order, t->ncells, eqs, neq, cell,
					   &steps_left);
		if (status < 0)
			goto out;
		if (status > 0) {
			readings++;
			found_d = d;
			memcpy(kept, cell, n * sizeof(*kept));
		}
	}
	status = 0;
	if (readings != 1)
		goto out;
	gr_diags_truncate(&rc->report->diags, mark);
	status = gr_tables_check_headers(rc, group, rc->begin, idx[0]) < 0 ? -1 : 1;
	for (size_t r = 0; r < group->nrows && status > 0; r++) {
		struct row_cells rw = { rc, group, &group->rows[r], 0, NULL };
		rw.first = gr_row_first_cell(t, group, rw.row);
		for (size_t c = 0; c < group->ncolumns && status > 0; c++)
			if (put_sequenced(&rw, c, kept[r * group->ncolumns + c], idx,
					  &items[idx[0]]) < 0)
				status = -1;
	}
	if (status > 0 &&
	    gr_diag_add(&rc->report->diags, GR_TABLE_IN_ORDER, t, NULL, 0,
			gr_printf("表%s的行标签与数字交错，无法按行对应；按顺序读取%zu个数字，其中最后%zu个脱离原位：其余数字按顺序填入各格，空出的%zu格（每行至多一格）依次为这%zu个数字，各等于其所在行的合计所定之值；符合表格全部勾稽关系的读法唯一",
				  t->number, k, found_d, found_d, found_d),
			gr_printf("%s: its row labels and numbers are interleaved; its %zu numbers "
				  "were read in order, the last %zu carried out of their places: the "
				  "others fill the cells in order, and the %zu cells left (one a row "
				  "at most) are those numbers in order, each the value its row's total "
				  "gives; exactly one such reading satisfies all the table's equations",
				  t->en, k, found_d, found_d)) < 0)
		status = -1;
out:
	gr_free(idx);
	gr_free(numbers);
	gr_free(order);
	gr_free(cell);
	gr_free(kept);
	return status;
}

int
gr_recover_table(const struct gr_recovery *rc)
{
	struct gr_diags *diags = &rc->report->diags;
	size_t mark = diags->count;
	int found = gr_recover_by_rows(rc), fits;

	if (found < 0 || (found > 0 && !troubled(diags, mark)))
		return found;
	fits = in_order_fits(rc);
	if (fits == 0 && found > 0) {
		int placed = place_in_order(rc, mark);
		if (placed == 0)
			placed = place_displaced(rc, mark);
		if (placed != 0)
			return placed < 0 ? -1 : found;
		return gr_tables_read_table_groups(rc, mark, found);
	}
	if (fits <= 0)
		return fits < 0 ? -1 : found;
	/* The reading in order replaces the reading by rows, and what that
	 * one said. */
	gr_diags_truncate(diags, mark);
	if (read_values_in_order(rc) < 0)
		return -1;
	if (gr_diag_add(diags, GR_TABLE_IN_ORDER, rc->table, NULL, 0,
			gr_printf("表%s的行标签与数字交错，无法按行对应；按顺序读取的%zu个数字恰好填满表格，且表格的勾稽关系全部成立，故按顺序读取",
				  rc->table->number, rc->table->ncells),
			gr_printf("%s: its row labels and numbers are interleaved; its %zu numbers, "
				  "read in order, fill the table exactly and satisfy all its equations, "
				  "so they were read in order",
				  rc->table->en, rc->table->ncells)) < 0)
		return -1;
	return 1;
}
