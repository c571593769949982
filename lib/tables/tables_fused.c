/*
 * Digits fused across cells (a web page with no separator between cells:
 * `521000053` for 52 1 0 0 0 0 53): a row's or table 四's only value, a
 * run of digits, split over its cells by the table's equations
 * (digitsplit.h). See tables_build.h.
 */
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "tables/tables_build.h"

static int
inside(const struct split_rule *rule, size_t cell, size_t ncells)
{
	return cell >= rule->first && cell < rule->first + ncells;
}

int
gr_tables_split_fits(const int64_t *values, size_t ncells, void *ctx)
{
	const struct split_rule *rule = ctx;

	for (size_t e = 0; e < rule->neq; e++) {
		const struct gr_equation *eq = &rule->eqs[e];
		int64_t lhs = 0, rhs = 0;
		int all = 1;
		for (size_t k = 0; k < eq->nlhs && all; k++)
			all = inside(rule, eq->lhs[k], ncells);
		for (size_t k = 0; k < eq->nrhs && all; k++)
			all = inside(rule, eq->rhs[k], ncells);
		if (!all)
			continue;
		/* A dash (a fused run's "-") is no number: the equation does
		 * not say. Parts of up to 19 digits may overflow a sum: no fit. */
		for (size_t k = 0; k < eq->nlhs && all; k++)
			all = values[eq->lhs[k] - rule->first] != GR_SPLIT_DASH;
		for (size_t k = 0; k < eq->nrhs && all; k++)
			all = values[eq->rhs[k] - rule->first] != GR_SPLIT_DASH;
		if (!all)
			continue;
		for (size_t k = 0; k < eq->nlhs; k++)
			if (__builtin_add_overflow(lhs, values[eq->lhs[k] - rule->first], &lhs))
				return 0;
		for (size_t k = 0; k < eq->nrhs; k++)
			if (__builtin_add_overflow(rhs, values[eq->rhs[k] - rule->first], &rhs))
				return 0;
		if (lhs != rhs)
			return 0;
	}
	return 1;
}

/* Whether the item is one run of at least `ncells` ASCII digits and
 * '-' (a negative value or a dash among them: digitsplit.h), a digit
 * among them: cells fused with no separator. */
static int
is_fused_run(const struct gr_item *item, size_t ncells)
{
	int digits = 0;

	if (ncells < 2 || item->len < ncells || item->len > GR_SPLIT_MAX_DIGITS)
		return 0;
	for (size_t i = 0; i < item->len; i++) {
		if (item->text[i] >= '0' && item->text[i] <= '9')
			digits = 1;
		else if (item->text[i] != '-')
			return 0;
	}
	return digits;
}

/* Whether the fused run holds a '-'. */
static int
is_signed_run(const struct gr_item *item)
{
	return memchr(item->text, '-', item->len) != NULL;
}

/* The one item of [from, to) that holds a value (a fused run of
 * `ncells` cells counts as one), or NULL when none or several do. */
static const struct gr_item *
only_value(const struct gr_items *items, size_t from, size_t to, size_t ncells)
{
	const struct gr_item *found = NULL;
	struct gr_value v;

	for (size_t i = from; i < to; i++) {
		gr_value_parse(items->items[i].text, items->items[i].len, &v);
		if (!gr_value_is_filled(&v) && v.kind != GR_VALUE_OVERFLOW &&
		    !is_fused_run(&items->items[i], ncells))
			continue;
		if (found)
			return NULL;
		found = &items->items[i];
	}
	return found;
}

static int
record_split(const int64_t *values, size_t ncells, void *ctx)
{
	struct split_record *rec = ctx;

	for (size_t c = 0; c < ncells; c++)
		if (values[c] < 0 && values[c] != GR_SPLIT_DASH &&
		    !(rec->signed_cells & (1u << c)))
			return 0;
	if (!gr_tables_split_fits(values, ncells, &rec->rule))
		return 0;
	if (rec->values && rec->count < GR_OPEN_MAX_READINGS)
		memcpy(rec->values[rec->count], values, ncells * sizeof(*values));
	rec->count++;
	return 1;
}

/*
 * Split a fused run into the cells [first, first + ncells) of the table,
 * in print order (order[]), keeping the splits its equations accept (any
 * split where they say nothing): one split is taken (CELL_SPLIT); with
 * several, a cell where they all agree keeps that value and the others
 * are null (CELL_AMBIGUOUS, naming the candidates). Returns 0 or -1.
 */
static int
split_run(const struct gr_recovery *rc, const struct row_cells *rw,
	  const struct gr_cell_ref *row, const struct gr_item *item, const size_t *cells,
	  size_t ncells, const char *what_zh, const char *what_en)
{
	struct govreport *r = rc->report;
	struct split_record rec = { { NULL, 0, cells[0] }, 0, NULL, 0 };
	struct gr_split split;
	int rc_split, status;

	rec.rule.eqs = gr_table_equations(r->tpl, rc->table->section, &rec.rule.neq);
	for (size_t c = 0; rw && c < ncells; c++)
		if (rw->group->columns[c].flags & GR_COL_SIGNED)
			rec.signed_cells |= 1u << c;
	/* The equations across rows (joint.h) read numbers, not dashes. */
	if (rw && rw->open && !is_signed_run(item)) {
		rec.values = gr_calloc(GR_OPEN_MAX_READINGS, sizeof(*rec.values));
		if (!rec.values)
			return -1;
	}
	rc_split = gr_split_digits(item->text, item->len, ncells, record_split, &rec, &split);
	if (rc_split == -2) {
		gr_free(rec.values);
		return -1;
	}
	if (rc_split < 0)
		split.count = 0;
	status = gr_tables_write_split(rc, row, item, cells, ncells, &split, 0, what_zh, what_en);
	if (status == 0 && rc_split == 0 && split.count > 1 && rec.values &&
	    rec.count <= GR_OPEN_MAX_READINGS)
		status = gr_tables_open_fused_row(rw, item, &rec);
	gr_free(rec.values);
	return status;
}

/*
 * Write a split's cells (those its kept candidates agree on; the others
 * null) and its diagnostic: CELL_SPLIT for one, CELL_AMBIGUOUS for
 * several or none. `across`: the equations across rows chose. Returns 0
 * or -1.
 */
int
gr_tables_write_split(const struct gr_recovery *rc, const struct gr_cell_ref *row,
		      const struct gr_item *item, const size_t *cells, size_t ncells,
		      const struct gr_split *sp, int across, const char *what_zh,
		      const char *what_en)
{
	struct govreport *r = rc->report;
	const struct gr_split split = *sp;
	const char *across_zh = across ? "（含与其他行的勾稽关系）" : "";
	const char *across_en = across ? ", those across rows included" : "";
	char described[256];

	gr_split_describe(&split, described, sizeof(described));
	for (size_t c = 0; c < ncells; c++) {
		struct gr_cell *cell = &gr_report_cells(r, rc->table->section)[cells[c]];
		size_t kept = split.count < GR_SPLIT_MAX_KEEP ? split.count : GR_SPLIT_MAX_KEEP;
		int agree = split.count > 0 && split.count <= GR_SPLIT_MAX_KEEP;
		for (size_t k = 1; k < kept && agree; k++)
			agree = split.values[k][c] == split.values[0][c];
		cell->line = item->line;
		cell->offset = item->offset;
		if (gr_report_set_raw(r, cell, item->text, item->len) < 0)
			return -1;
		if (agree && split.values[0][c] == GR_SPLIT_DASH)
			gr_cell_set_null(cell, GOVREPORT_CELL_DASH);
		else if (agree)
			gr_cell_set_value(cell, split.values[0][c], 0, GOVREPORT_CELL_PRESENT);
		else
			gr_cell_set_null(cell, GOVREPORT_CELL_INVALID);
	}
	if (split.count == 1)
		return gr_diag_add(&r->diags, GR_CELL_SPLIT, rc->table, row, item->line,
				   gr_printf("表%s%s：连在一起的数字“%.*s”只有一种拆分符合格数和表格的勾稽关系%s：%s",
					     rc->table->number, what_zh, (int)item->len, item->text,
					     across_zh, described),
				   gr_printf("%s, %s: the fused digits \"%.*s\" have one split that fits "
					     "the cells and the table's equations%s: %s",
					     rc->table->en, what_en, (int)item->len, item->text,
					     across_en, described));
	return gr_diag_add(&r->diags, GR_CELL_AMBIGUOUS, rc->table, row, item->line,
			   split.count ? gr_printf("表%s%s：连在一起的数字“%.*s”有%zu种拆分都符合格数和表格的勾稽关系%s（%s），不能确定的格为空",
						   rc->table->number, what_zh, (int)item->len,
						   item->text, split.count, across_zh, described)
				       : gr_printf("表%s%s：连在一起的数字“%.*s”没有满足表格勾稽关系的拆分，各格为空",
						   rc->table->number, what_zh, (int)item->len,
						   item->text),
			   split.count ? gr_printf("%s, %s: the fused digits \"%.*s\" have %zu splits "
						   "that fit the cells and the table's equations%s (%s); the "
						   "cells they disagree on are null",
						   rc->table->en, what_en, (int)item->len, item->text,
						   split.count, across_en, described)
				       : gr_printf("%s, %s: no split of the fused digits \"%.*s\" "
						   "satisfies the table's equations; the cells are null",
						   rc->table->en, what_en, (int)item->len, item->text));
}


/*
 * A table read in sequence (table 四) whose only value is a run of fused
 * digits: split it over all the table's cells. Returns 1 when it was, 0
 * when the table is not such, -1 when out of memory.
 */
int
gr_tables_assign_fused_table(const struct gr_recovery *rc)
{
	const struct gr_table *t = rc->table;
	const struct gr_item *run = NULL;
	size_t cells[GR_SPLIT_MAX_CELLS];
	int candidate = 0;

	/* Most tables hold no fused run at all: said without reading values. */
	for (size_t i = rc->begin; i < rc->end && !candidate; i++)
		candidate = is_fused_run(&rc->items->items[i], t->ncells);
	if (candidate)
		run = only_value(rc->items, rc->begin, rc->end, t->ncells);
	if (t->ncells > GR_SPLIT_MAX_CELLS || !run || !is_fused_run(run, t->ncells))
		return 0;
	gr_tables_print_order(t, cells);
	for (size_t c = 1; c < t->ncells; c++)
		if (cells[c] != cells[0] + c)
			return 0;
	if (gr_report_add_table(rc->report, t->section) < 0)
		return -1;
	return split_run(rc, NULL, NULL, run, cells, t->ncells, "", "") < 0 ? -1 : 1;
}

/* A row whose only value is a run of fused digits: split it. Returns 1
 * when it was, 0 when the row is not such, -1 when out of memory. */
int
gr_tables_assign_fused_row(const struct row_cells *rw, size_t from, size_t to)
{
	const struct gr_item *items = rw->rc->items->items, *run = NULL;
	size_t ncols = rw->group->ncolumns, cells[GR_SPLIT_MAX_CELLS];
	char what_zh[160], what_en[160];
	struct gr_cell_ref ref;
	int candidate = 0;

	/* Most rows hold no fused run at all: said without reading values. */
	for (size_t i = from; i < to && !candidate; i++)
		candidate = is_fused_run(&items[i], ncols);
	if (candidate)
		run = only_value(rw->rc->items, from, to, ncols);
	if (ncols > GR_SPLIT_MAX_CELLS || !run || !is_fused_run(run, ncols))
		return 0;
	for (size_t c = 0; c < ncols; c++)
		cells[c] = rw->first + c;
	snprintf(what_zh, sizeof(what_zh), "「%s」行", rw->row->label);
	snprintf(what_en, sizeof(what_en), "row \"%s\"", rw->row->en);
	ref = (struct gr_cell_ref){ rw->rc->table, rw->group, rw->row, NULL, 0 };
	return split_run(rw->rc, rw, &ref, run, cells, ncols, what_zh, what_en) < 0 ? -1 : 1;
}
