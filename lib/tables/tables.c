/* Label-driven table recovery; see tables.h. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "tables/cellvalue.h"
#include "tables/digitsplit.h"
#include "check/equation.h"
#include "tables/joint.h"
#include "tables/label.h"
#include "tables/placement.h"
#include "tables/sequence.h"
#include "tables/tables.h"

#define NONE ((size_t)-1)
/* Labels this long are never a column header too. */
#define GR_MIN_DISTINCT_LABEL 4

/* The item's key (made once per parse: label.h); 0 when it has none. */
static int
item_key(const struct gr_items *items, size_t i, struct gr_key *key)
{
	return gr_item_key(items, i, key);
}

size_t
gr_find_label(const struct gr_items *items, size_t begin, size_t end,
	      const struct gr_row *row)
{
	const struct gr_row_keys *keys = gr_row_keys_get(row);
	struct gr_row_keys made;
	struct gr_key key;

	if (!keys) {
		gr_row_keys_make(row, &made);
		keys = &made;
	}
	for (size_t i = begin; i < end; i++)
		if (item_key(items, i, &key) &&
		    gr_label_match_row(&key, keys) == GR_MATCH_EXACT)
			return i;
	return end;
}

/* ---- diagnostics about cells ----------------------------------------- */

static int
diag_cell(const struct gr_recovery *rc, enum gr_code code,
	  const struct gr_cell_ref *ref, const struct gr_item *item,
	  const char *zh_what, const char *en_what)
{
	const struct gr_table *t = rc->table;

	return gr_diag_add(&rc->report->diags, code, NULL, ref,
			   item ? item->line : 0,
			   gr_printf("表%s「%s」%s列%s", t->number, ref->row->label,
				     ref->column->label, zh_what),
			   gr_printf("%s, row \"%s\", column \"%s\": %s", t->en,
				     ref->row->en, ref->column->en, en_what));
}

/* ---- assigning values to a row -------------------------------------- */

struct open_rows;

struct row_cells {
	const struct gr_recovery *rc;
	const struct gr_group *group;
	const struct gr_row *row;
	size_t first; /* flat index of the row's first cell */
	/* Where a row whose readings its own equations leave open goes, for
	 * the table's equations across rows to narrow (joint.h); NULL when
	 * the table has none. */
	struct open_rows *open;
};

static struct gr_cell *
cell_at(const struct row_cells *rw, size_t column, struct gr_cell_ref *ref)
{
	*ref = (struct gr_cell_ref){ rw->rc->table, rw->group, rw->row,
				     &rw->group->columns[column],
				     rw->first + column };
	return gr_report_cell(rw->rc->report, ref);
}

static int
set_raw(struct govreport *r, struct gr_cell *cell, const struct gr_item *item)
{
	cell->line = item->line;
	cell->column = item->column;
	cell->offset = item->offset;
	return gr_report_set_raw(r, cell, item->text, item->len);
}

/* Put one item's value into a column. Returns 0 or -1 (no memory). */
static int
put_value(const struct row_cells *rw, size_t column, const struct gr_item *item,
	  const struct gr_value *v)
{
	struct gr_cell_ref ref;
	struct gr_cell *cell = cell_at(rw, column, &ref);
	const struct gr_recovery *rc = rw->rc;
	int money = ref.column->flags & GR_COL_MONEY;

	if (set_raw(rc->report, cell, item) < 0)
		return -1;
	switch (v->kind) {
	case GR_VALUE_BLANK:
		gr_cell_set_null(cell, GOVREPORT_CELL_BLANK);
		return diag_cell(rc, GR_CELL_BLANK, &ref, item, "为空", "is empty");
	case GR_VALUE_DASH:
		gr_cell_set_null(cell, GOVREPORT_CELL_DASH);
		return diag_cell(rc, GR_CELL_DASH, &ref, item, "填写了短横线或“无”，按空值处理",
				 "holds a dash or 无, read as no value");
	case GR_VALUE_TEXT:
		gr_cell_set_null(cell, GOVREPORT_CELL_INVALID);
		return diag_cell(rc, GR_CELL_INVALID, &ref, item, "不是数字",
				 "holds text, not a number");
	case GR_VALUE_OVERFLOW:
		gr_cell_set_null(cell, GOVREPORT_CELL_INVALID);
		return diag_cell(rc, GR_CELL_OVERFLOW, &ref, item,
				 "的数字太大，超出可表示的范围，按空值处理",
				 "holds a number too large for a cell; read as no value");
	case GR_VALUE_NUMBER:
		break;
	}
	if (v->scale > 0 && !money) {
		gr_cell_set_null(cell, GOVREPORT_CELL_INVALID);
		return diag_cell(rc, GR_CELL_INVALID, &ref, item, "应为整数",
				 "holds a fraction where a count belongs");
	}
	gr_cell_set_value(cell, v->coefficient, v->scale, GOVREPORT_CELL_PRESENT);
	if (v->extra && diag_cell(rc, GR_CELL_EXTRA, &ref, item,
				  "一格中有多个数字，取第一个",
				  "holds several numbers; the first is kept") < 0)
		return -1;
	if (v->unit && diag_cell(rc, GR_CELL_UNIT, &ref, item,
				 "数字后的单位或注释符号已忽略",
				 "a unit or note mark after the number was dropped") < 0)
		return -1;
	return 0;
}

/* The columns no item reached: blank if the document has empty cells
 * there, missing if the row simply ends. */
static int
fill_rest(const struct row_cells *rw, size_t column, int blank,
	  const struct gr_item *near)
{
	for (size_t c = column; c < rw->group->ncolumns; c++) {
		struct gr_cell_ref ref;
		struct gr_cell *cell = cell_at(rw, c, &ref);
		gr_cell_set_null(cell, blank ? GOVREPORT_CELL_BLANK
					     : GOVREPORT_CELL_MISSING);
		if (near) {
			cell->line = near->line;
			cell->offset = near->offset;
		}
		if (diag_cell(rw->rc, GR_CELL_BLANK, &ref, near,
			      blank ? "为空" : "缺失", blank ? "is empty" : "is missing") < 0)
			return -1;
	}
	return 0;
}

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
		if (put_value(rw, c, &items[first + c], &v) < 0)
			return -1;
	}
	return 1;
}

/* ---- digits fused across cells --------------------------------------- */

/* The equations a split must satisfy: those of the table whose cells all
 * lie in [first, first + ncells) (a row's, or table 四's groups'). */
struct split_rule {
	const struct gr_equation *eqs;
	size_t neq, first;
};

static int
inside(const struct split_rule *rule, size_t cell, size_t ncells)
{
	return cell >= rule->first && cell < rule->first + ncells;
}

static int
split_fits(const int64_t *values, size_t ncells, void *ctx)
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

/*
 * Split a fused run into the cells [first, first + ncells) of the table,
 * in print order (order[]), keeping the splits its equations accept (any
 * split where they say nothing): one split is taken (CELL_SPLIT); with
 * several, a cell where they all agree keeps that value and the others
 * are null (CELL_AMBIGUOUS, naming the candidates). Returns 0 or -1.
 */
static int write_split(const struct gr_recovery *rc, const struct gr_cell_ref *row,
		       const struct gr_item *item, const size_t *cells, size_t ncells,
		       const struct gr_split *split, int across, const char *what_zh,
		       const char *what_en);

/* Every split the equations accept, kept for the equations across rows
 * (joint.h); none when there are more than GR_OPEN_MAX_READINGS. */
#define GR_OPEN_MAX_READINGS 64

struct split_record {
	struct split_rule rule;
	unsigned signed_cells; /* bit c: cell c may be negative (本年增/减) */
	int64_t (*values)[GR_SPLIT_MAX_CELLS]; /* NULL: not recorded */
	size_t count;
};

static int
record_split(const int64_t *values, size_t ncells, void *ctx)
{
	struct split_record *rec = ctx;

	for (size_t c = 0; c < ncells; c++)
		if (values[c] < 0 && values[c] != GR_SPLIT_DASH &&
		    !(rec->signed_cells & (1u << c)))
			return 0;
	if (!split_fits(values, ncells, &rec->rule))
		return 0;
	if (rec->values && rec->count < GR_OPEN_MAX_READINGS)
		memcpy(rec->values[rec->count], values, ncells * sizeof(*values));
	rec->count++;
	return 1;
}

static int open_fused_row(const struct row_cells *rw, const struct gr_item *item,
			  const struct split_record *rec);

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
	status = write_split(rc, row, item, cells, ncells, &split, 0, what_zh, what_en);
	if (status == 0 && rc_split == 0 && split.count > 1 && rec.values &&
	    rec.count <= GR_OPEN_MAX_READINGS)
		status = open_fused_row(rw, item, &rec);
	gr_free(rec.values);
	return status;
}

/*
 * Write a split's cells (those its kept candidates agree on; the others
 * null) and its diagnostic: CELL_SPLIT for one, CELL_AMBIGUOUS for
 * several or none. `across`: the equations across rows chose. Returns 0
 * or -1.
 */
static int
write_split(const struct gr_recovery *rc, const struct gr_cell_ref *row,
	    const struct gr_item *item, const size_t *cells, size_t ncells,
	    const struct gr_split *sp, int across, const char *what_zh, const char *what_en)
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

static void print_order(const struct gr_table *t, size_t *order);

/* ---- values whose empty cells the shape does not show ------------------ */

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
	if (!split_fits(values, n, &p->rule))
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
static long
place_unstated(const struct gr_recovery *rc, size_t first, size_t k, size_t cell0,
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

/* Cell c of a row as place_unstated() decided it. Returns 0 or -1. */
static int
put_placed(const struct row_cells *rw, size_t column, size_t holds, size_t first)
{
	const struct gr_item *items = rw->rc->items->items;
	struct gr_cell_ref ref;
	struct gr_cell *cell;
	struct gr_value v;

	if (holds != GR_PLACE_EMPTY && holds != GR_PLACE_UNSURE) {
		gr_value_parse(items[first + holds].text, items[first + holds].len, &v);
		return put_value(rw, column, &items[first + holds], &v);
	}
	cell = cell_at(rw, column, &ref);
	cell->line = items[first].line;
	cell->offset = items[first].offset;
	if (holds == GR_PLACE_UNSURE) {
		gr_cell_set_null(cell, GOVREPORT_CELL_INVALID);
		return 0;
	}
	gr_cell_set_null(cell, GOVREPORT_CELL_BLANK);
	return diag_cell(rw->rc, GR_CELL_BLANK, &ref, &items[first], "为空", "is empty");
}

/* CELL_AMBIGUOUS for a run placed with `kept` readings, where they leave
 * a cell unsure. */
static int
diag_placed(const struct gr_recovery *rc, const struct gr_cell_ref *row,
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

/* A row of k < ncolumns values in a shape that drops empty cells: placed
 * by the equations. Returns 1 when it was, 0 when not such, -1. */
static int open_unstated_row(const struct row_cells *rw, size_t first, size_t k,
			     size_t (*holds)[GR_PLACE_MAX_CELLS], size_t count);

/* CELL_AMBIGUOUS for a row placed with `kept` readings. */
static int
diag_placed_row(const struct row_cells *rw, size_t first, size_t k, long kept)
{
	char what_zh[160], what_en[160];
	struct gr_cell_ref ref = { rw->rc->table, rw->group, rw->row, NULL, 0 };

	snprintf(what_zh, sizeof(what_zh), "「%s」行", rw->row->label);
	snprintf(what_en, sizeof(what_en), ", row \"%s\"", rw->row->en);
	return diag_placed(rw->rc, &ref, &rw->rc->items->items[first], k,
			   rw->group->ncolumns, kept, what_zh, what_en);
}

static int
assign_unstated_row(const struct row_cells *rw, size_t first, size_t k)
{
	size_t n = rw->group->ncolumns, cell[GR_PLACE_MAX_CELLS];
	size_t (*holds)[GR_PLACE_MAX_CELLS] = NULL;
	long kept;
	int unsure = 0, status = 1;

	if (rw->open && !(holds = gr_calloc(GR_OPEN_MAX_READINGS, sizeof(*holds))))
		return -1;
	kept = place_unstated(rw->rc, first, k, rw->first, n, cell, holds);
	if (kept < 0) {
		gr_free(holds);
		return 0;
	}
	for (size_t c = 0; c < n && status > 0; c++) {
		unsure |= cell[c] == GR_PLACE_UNSURE;
		if (put_placed(rw, c, cell[c], first) < 0)
			status = -1;
	}
	if (status > 0 && unsure && diag_placed_row(rw, first, k, kept) < 0)
		status = -1;
	/* Readings the row's own equations leave open: the equations
	 * across rows may narrow them. */
	if (status > 0 && unsure && holds && kept > 1 && kept <= GR_OPEN_MAX_READINGS &&
	    open_unstated_row(rw, first, k, holds, (size_t)kept) < 0)
		status = -1;
	gr_free(holds);
	return status;
}

/*
 * A table read in sequence (table 四) whose only value is a run of fused
 * digits: split it over all the table's cells. Returns 1 when it was, 0
 * when the table is not such, -1 when out of memory.
 */
static int
assign_fused_table(const struct gr_recovery *rc)
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
	print_order(t, cells);
	for (size_t c = 1; c < t->ncells; c++)
		if (cells[c] != cells[0] + c)
			return 0;
	if (gr_report_add_table(rc->report, t->section) < 0)
		return -1;
	return split_run(rc, NULL, NULL, run, cells, t->ncells, "", "") < 0 ? -1 : 1;
}

/* A row whose only value is a run of fused digits: split it. Returns 1
 * when it was, 0 when the row is not such, -1 when out of memory. */
static int
assign_fused_row(const struct row_cells *rw, size_t from, size_t to)
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

/* ---- a cell per line, an empty line for an empty cell ---------------- */

/*
 * Whether items [first, last], all values, are a cell per line, the empty
 * lines between them counted (blank_before) and nothing else dropped
 * between them, most of them on the line right after the one before
 * (LibreOffice's and WPS's text export: an empty line is an empty cell,
 * and only that; text with a blank line between every paragraph is not
 * such). Sets *inner to the empty lines between them.
 */
static int
cell_per_line(const struct gr_recovery *rc, size_t first, size_t last, size_t *inner)
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
static int
put_empty(const struct row_cells *rw, size_t column, const struct gr_item *near, size_t back)
{
	struct gr_cell_ref ref;
	struct gr_cell *cell = cell_at(rw, column, &ref);
	struct gr_item at = *near;

	at.line = near->line > back ? near->line - (uint32_t)back : near->line;
	gr_cell_set_null(cell, GOVREPORT_CELL_BLANK);
	cell->line = at.line;
	cell->offset = near->offset;
	return diag_cell(rw->rc, GR_CELL_BLANK, &ref, &at, "为空", "is empty");
}

/*
 * A row of values [first, last] (first right after its label), fewer than
 * its cells, in text with a cell per line (cell_per_line()): the empty
 * lines after the label and between the values are its empty cells, in
 * place; what remains to fill the row are the empty lines after the last
 * value, and the rest of those (before the next label) are the next
 * row's merged stub cells (三、本年度办理结果 over several rows leaves an
 * empty line on each row after its first). Returns 1 when the row was
 * read so, 0 when not such, -1.
 */
static int
assign_row_by_lines(const struct row_cells *rw, size_t from, size_t first, size_t last,
		    size_t to)
{
	const struct gr_item *items = rw->rc->items->items;
	size_t ncols = rw->group->ncolumns, k = last - first + 1, inner, lead, trail, column = 0;
	struct gr_value v;

	if (first != from || !cell_per_line(rw->rc, first, last, &inner))
		return 0;
	lead = items[first].blank_before == 255 ? 0 : items[first].blank_before;
	trail = last + 1 < to ? items[last + 1].blank_before : 0;
	if (inner + lead == 0 || k + inner + lead > ncols || k + inner + lead + trail < ncols ||
	    (last + 1 < to && items[last + 1].line != items[last].line + 1 + trail))
		return 0;
	for (size_t b = 0; b < lead; b++)
		if (put_empty(rw, column++, &items[first], lead - b) < 0)
			return -1;
	for (size_t i = first; i <= last; i++) {
		for (size_t b = 0; i > first && b < items[i].blank_before; b++)
			if (put_empty(rw, column++, &items[i], items[i].blank_before - b) < 0)
				return -1;
		gr_value_parse(items[i].text, items[i].len, &v);
		if (put_value(rw, column++, &items[i], &v) < 0)
			return -1;
	}
	for (size_t b = 0; column < ncols; b++)
		if (put_empty(rw, column++, &items[last + 1], trail - b) < 0)
			return -1;
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
static int
assign_row(const struct row_cells *rw, size_t from, size_t to,
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
		placed = assign_fused_row(rw, from, to);
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
		return fill_rest(rw, 0, blank, blank ? &items[from] : label);
	}
	for (size_t i = last + 1; i < to && continues_row(rw->rc->items, last, i); i++) {
		value_at(items, from, i, values, &v);
		if (v.kind != GR_VALUE_BLANK)
			break;
		trailing_blank = 1;
	}
	/* A cell per line: empty lines are its empty cells. */
	if (!lead_blanks && !trailing_blank && filled == last - first + 1 && filled < ncols) {
		placed = assign_row_by_lines(rw, from, first, last, to);
		if (placed != 0)
			return placed < 0 ? -1 : 0;
	}
	/* A shape that drops empty cells: which of the row's cells the
	 * missing ones were is for the equations to tell. */
	if (!lead_blanks && !trailing_blank && filled == last - first + 1 && filled < ncols) {
		placed = assign_unstated_row(rw, first, filled);
		if (placed != 0)
			return placed < 0 ? -1 : 0;
	}
	/* "规章 | | 0 | 0": a leading blank is a column when it completes
	 * the row and no empty cell follows the values; otherwise it is
	 * layout (the sub-label column of a merged stub). */
	if (filled < ncols && filled + lead_blanks == ncols && !trailing_blank)
		for (size_t b = 0; b < lead_blanks; b++)
			if (put_value(rw, column++, &items[first - lead_blanks + b],
				      &(struct gr_value){ .kind = GR_VALUE_BLANK }) < 0)
				return -1;
	for (size_t i = first; i <= last; i++) {
		value_at(items, from, i, values, &v);
		if (tails && v.kind == GR_VALUE_TEXT && is_label_tail(rw, label, i))
			continue;
		if (column < ncols) {
			if (put_value(rw, column++, &items[i], &v) < 0)
				return -1;
		} else if (gr_value_is_filled(&v)) {
			extra++;
		}
	}
	if (extra) {
		struct gr_cell_ref ref;
		cell_at(rw, ncols - 1, &ref);
		if (diag_cell(rw->rc, GR_CELL_EXTRA, &ref, &items[last],
			      "之后还有多余的数字，已忽略",
			      "is followed by more numbers than the row has cells; they were dropped") < 0)
			return -1;
		gr_diag_last(&rw->rc->report->diags)->has_actual = 1;
		gr_diag_last(&rw->rc->report->diags)->actual = (int64_t)extra;
	}
	return fill_rest(rw, column, trailing_blank,
			 trailing_blank ? &items[last + 1] : &items[last]);
}

/* ---- column headers -------------------------------------------------- */

/*
 * Column headers do not place values (the template's order does), but a
 * header that matches only approximately (本年度止件数, 其结果他) is worth
 * telling: the reader may want to check the column.
 */
static int
check_headers(const struct gr_recovery *rc, const struct gr_group *group,
	      size_t from, size_t to)
{
	struct gr_key key;
	struct gr_value v;

	for (size_t i = from; i < to; i++) {
		const struct gr_item *item = &rc->items->items[i];
		const struct gr_column *fuzzy = NULL;
		int exact = 0;
		gr_value_parse(item->text, item->len, &v);
		if (v.kind != GR_VALUE_TEXT || !item_key(rc->items, i, &key) ||
		    key.len < GR_MIN_DISTINCT_LABEL)
			continue;
		for (size_t c = 0; c < group->ncolumns && !exact; c++) {
			enum gr_match m = gr_label_match_column(&key, &group->columns[c]);
			exact = m == GR_MATCH_EXACT;
			if (m == GR_MATCH_FUZZY && !fuzzy)
				fuzzy = &group->columns[c];
		}
		if (exact || !fuzzy)
			continue;
		struct gr_cell_ref ref = { rc->table, group, NULL, fuzzy, 0 };
		if (gr_diag_add(&rc->report->diags, GR_LABEL_FUZZY, NULL, &ref, item->line,
				gr_printf("表%s：列标题“%.*s”按“%s”读取", rc->table->number,
					  (int)item->len, item->text, fuzzy->label),
				gr_printf("%s: column header \"%.*s\" was read as \"%s\"",
					  rc->table->en, (int)item->len, item->text,
					  fuzzy->label)) < 0)
			return -1;
	}
	return 0;
}

/* ---- rows by label --------------------------------------------------- */

struct flat_row {
	const struct gr_group *group;
	const struct gr_row_keys *keys; /* the process-wide ones, or `own` */
	struct gr_row_keys *own;        /* made for a row no template has */
	size_t label;                   /* item index, or NONE */
	enum gr_match quality;
};

static void
free_rows(struct flat_row *rows, size_t n)
{
	for (size_t r = 0; r < n; r++)
		gr_free(rows[r].own);
	gr_free(rows);
}

static size_t
count_rows(const struct gr_table *table)
{
	size_t n = 0;

	for (size_t g = 0; g < table->ngroups; g++)
		n += table->groups[g].nrows;
	return n;
}

/* An exact match needs every character of the label, or of a variant,
 * in the item: ruled out at once when the masks say one is missing. */
static int
may_hold(const struct gr_row_keys *keys, uint64_t mask)
{
	if (!(keys->label.mask & ~mask))
		return 1;
	for (size_t a = 0; a < keys->naliases; a++)
		if (!(keys->aliases[a].mask & ~mask))
			return 1;
	return 0;
}

/*
 * Whether the item is exactly the label of a row after `row`: then `row`
 * is missing from the document. Short labels (总计, 其他, 规章) also occur
 * as column headers, so they do not count.
 */
static int
is_later_label(const struct flat_row *rows, size_t n, size_t row,
	       const struct gr_key *key)
{
	for (size_t k = row + 1; k < n; k++)
		if (rows[k].keys->label.len >= GR_MIN_DISTINCT_LABEL &&
		    may_hold(rows[k].keys, key->mask) &&
		    gr_label_match_row(key, rows[k].keys) == GR_MATCH_EXACT)
			return 1;
	return 0;
}

static void
find_labels(const struct gr_recovery *rc, struct flat_row *rows, size_t n)
{
	struct gr_key key;
	size_t pos = rc->begin;

	for (size_t r = 0; r < n; r++) {
		rows[r].label = NONE;
		for (size_t i = pos; i < rc->end; i++) {
			enum gr_match m;
			if (!item_key(rc->items, i, &key))
				continue;
			m = gr_label_match_row(&key, rows[r].keys);
			if (m != GR_MATCH_NONE) {
				rows[r].label = i;
				rows[r].quality = m;
				pos = i + 1;
				break;
			}
			if (is_later_label(rows, n, r, &key))
				break; /* this row is missing */
		}
	}
}

static int
diag_fuzzy(const struct gr_recovery *rc, const struct flat_row *row)
{
	const struct gr_item *item = &rc->items->items[row->label];
	struct gr_cell_ref ref = { rc->table, row->group, row->keys->row, NULL, 0 };

	return gr_diag_add(&rc->report->diags, GR_LABEL_FUZZY, NULL, &ref,
			   item->line,
			   gr_printf("表%s：“%.*s”按“%s”读取", rc->table->number,
				     (int)item->len, item->text, row->keys->row->label),
			   gr_printf("%s: \"%.*s\" was read as \"%s\"", rc->table->en,
				     (int)item->len, item->text, row->keys->row->label));
}

static int
diag_missing_row(const struct gr_recovery *rc, const struct flat_row *row)
{
	struct gr_cell_ref ref = { rc->table, row->group, row->keys->row, NULL, 0 };

	return gr_diag_add(&rc->report->diags, GR_ROW_MISSING, NULL, &ref, 0,
			   gr_printf("表%s：未找到“%s”一行", rc->table->number,
				     row->keys->row->label),
			   gr_printf("%s: no row \"%s\" (%s) was found", rc->table->en,
				     row->keys->row->label, row->keys->row->en));
}

/* Each group's header lies between the previous group's first label (or
 * the table's start) and its own first label. */
static int
check_group_headers(const struct gr_recovery *rc, const struct flat_row *rows,
		    size_t n)
{
	size_t from = rc->begin;

	for (size_t r = 0; r < n; r++) {
		if (rows[r].label == NONE || (r > 0 && rows[r].group == rows[r - 1].group))
			continue;
		if (check_headers(rc, rows[r].group, from, rows[r].label) < 0)
			return -1;
		from = rows[r].label + 1;
	}
	return 0;
}

/* ---- rows the equations across rows narrow (joint.h) ----------------- */

/* A row whose own equations left several readings: its cells as they
 * were written (the ones all readings agree on), and the readings. */
struct open_row {
	const struct gr_group *group;
	const struct gr_row *row;
	size_t cell0, n;
	const struct gr_item *run; /* fused digits; NULL: values with empty cells */
	size_t first, k;           /* those values: items [first, first + k) */
	size_t nreadings;
	int64_t *values;           /* nreadings × n numbers (empty: 0) */
	size_t *holds;             /* nreadings × n, for values: placement.h */
	unsigned char *kept;
};

struct open_rows {
	struct open_row *rows;
	size_t count, cap;
};

static void
open_rows_release(struct open_rows *open)
{
	for (size_t i = 0; i < open->count; i++) {
		gr_free(open->rows[i].values);
		gr_free(open->rows[i].holds);
		gr_free(open->rows[i].kept);
	}
	gr_free(open->rows);
}

/* A new open row of rw with room for its readings, or NULL (no memory). */
static struct open_row *
open_row_add(const struct row_cells *rw, size_t nreadings, int with_holds)
{
	struct open_rows *open = rw->open;
	struct open_row *o;
	size_t n = rw->group->ncolumns;

	if (open->count == open->cap) {
		size_t cap = open->cap ? open->cap * 2 : 8;
		struct open_row *rows = gr_realloc(open->rows, cap * sizeof(*rows));
		if (!rows)
			return NULL;
		open->rows = rows;
		open->cap = cap;
	}
	o = &open->rows[open->count];
	*o = (struct open_row){ rw->group, rw->row, rw->first, n, NULL, 0, 0, nreadings,
				NULL, NULL, NULL };
	o->values = gr_calloc(nreadings * n, sizeof(*o->values));
	o->kept = gr_calloc(nreadings, 1);
	if (with_holds)
		o->holds = gr_calloc(nreadings * n, sizeof(*o->holds));
	if (!o->values || !o->kept || (with_holds && !o->holds)) {
		gr_free(o->values);
		gr_free(o->kept);
		gr_free(o->holds);
		return NULL;
	}
	open->count++;
	return o;
}

static int
open_unstated_row(const struct row_cells *rw, size_t first, size_t k,
		  size_t (*holds)[GR_PLACE_MAX_CELLS], size_t count)
{
	const struct gr_item *items = rw->rc->items->items;
	int64_t numbers[GR_PLACE_MAX_CELLS];
	size_t n = rw->group->ncolumns;
	struct open_row *o;
	struct gr_value v;

	for (size_t j = 0; j < k; j++) {
		gr_value_parse(items[first + j].text, items[first + j].len, &v);
		/* Money with decimals: the equations (counts) do not tell. */
		if (v.kind == GR_VALUE_NUMBER && v.scale != 0)
			return 0;
		numbers[j] = v.kind == GR_VALUE_NUMBER ? v.coefficient : 0;
	}
	if (!(o = open_row_add(rw, count, 1)))
		return -1;
	o->first = first;
	o->k = k;
	for (size_t r = 0; r < count; r++)
		for (size_t c = 0; c < n; c++) {
			size_t h = holds[r][c];
			o->holds[r * n + c] = h;
			o->values[r * n + c] = h == GR_PLACE_EMPTY ? 0 : numbers[h];
		}
	return 0;
}

static int
open_fused_row(const struct row_cells *rw, const struct gr_item *item,
	       const struct split_record *rec)
{
	size_t n = rw->group->ncolumns;
	struct open_row *o = open_row_add(rw, rec->count, 0);

	if (!o)
		return -1;
	o->run = item;
	for (size_t r = 0; r < rec->count; r++)
		memcpy(&o->values[r * n], rec->values[r], n * sizeof(*o->values));
	return 0;
}

/* Whether the diagnostic is the CELL_AMBIGUOUS of a row (its cell ref). */
static int
is_row_ambiguous(const struct gr_diag *d, const void *data)
{
	const struct gr_cell_ref *row = data;

	return d->code == GR_CELL_AMBIGUOUS && d->section == row->table->id &&
	       d->row == row->row->id;
}

/* Rewrite a row of values whose readings were narrowed: the cells the
 * kept readings now agree on, and its diagnostic. Returns 0 or -1. */
static int
rewrite_unstated_row(const struct row_cells *rw, const struct open_row *o)
{
	size_t kept = 0;
	int unsure = 0;

	for (size_t r = 0; r < o->nreadings; r++)
		kept += o->kept[r];
	for (size_t c = 0; c < o->n; c++) {
		size_t before = o->holds[c], after = NONE;
		for (size_t r = 1; r < o->nreadings; r++)
			if (o->holds[r * o->n + c] != before)
				before = GR_PLACE_UNSURE;
		for (size_t r = 0; r < o->nreadings; r++) {
			size_t h = o->holds[r * o->n + c];
			if (!o->kept[r])
				continue;
			after = after == NONE || after == h ? h : GR_PLACE_UNSURE;
		}
		unsure |= after == GR_PLACE_UNSURE;
		if (before == GR_PLACE_UNSURE && after != GR_PLACE_UNSURE &&
		    put_placed(rw, c, after, o->first) < 0)
			return -1;
	}
	return unsure ? diag_placed_row(rw, o->first, o->k, (long)kept) : 0;
}

/* Rewrite a fused row whose splits were narrowed. Returns 0 or -1. */
static int
rewrite_fused_row(const struct row_cells *rw, const struct open_row *o)
{
	struct gr_cell_ref ref = { rw->rc->table, rw->group, rw->row, NULL, 0 };
	struct gr_split split = { o->n, 0, { { 0 } } };
	size_t cells[GR_SPLIT_MAX_CELLS];
	char what_zh[160], what_en[160];

	for (size_t r = 0; r < o->nreadings; r++) {
		if (!o->kept[r])
			continue;
		if (split.count < GR_SPLIT_MAX_KEEP)
			memcpy(split.values[split.count], &o->values[r * o->n],
			       o->n * sizeof(int64_t));
		split.count++;
	}
	for (size_t c = 0; c < o->n; c++)
		cells[c] = o->cell0 + c;
	snprintf(what_zh, sizeof(what_zh), "「%s」行", rw->row->label);
	snprintf(what_en, sizeof(what_en), "row \"%s\"", rw->row->en);
	return write_split(rw->rc, &ref, o->run, cells, o->n, &split, 1, what_zh, what_en);
}

/*
 * Narrow the open rows' readings by the table's equations across rows,
 * the cells read plainly as known (joint.h), and rewrite the rows that
 * lost readings. Returns 0 or -1 (no memory).
 */
static int
resolve_open_rows(const struct gr_recovery *rc, struct open_rows *open)
{
	const struct gr_table *t = rc->table;
	const struct gr_cell *cells = gr_report_cells(rc->report, t->section);
	size_t neq;
	const struct gr_equation *eqs = gr_table_equations(rc->report->tpl, t->section, &neq);
	int64_t *value = gr_calloc(t->ncells, sizeof(*value));
	unsigned char *known = gr_calloc(t->ncells, 1);
	struct gr_joint_unit *units = gr_calloc(open->count, sizeof(*units));
	int status = 0;

	if (!value || !known || !units) {
		status = -1;
		goto out;
	}
	for (size_t c = 0; c < t->ncells; c++) {
		known[c] = gr_cell_has_value(&cells[c]) && cells[c].scale == 0;
		value[c] = known[c] ? cells[c].value : 0;
	}
	for (size_t i = 0; i < open->count; i++) {
		struct open_row *o = &open->rows[i];
		units[i] = (struct gr_joint_unit){ o->cell0, o->n, o->nreadings, o->values, o->kept };
		memset(&known[o->cell0], 0, o->n);
	}
	status = gr_joint_narrow(eqs, neq, t->ncells, value, known, units, open->count);
	for (size_t i = 0; i < open->count && status > 0; i++) {
		struct open_row *o = &open->rows[i];
		struct row_cells rw = { rc, o->group, o->row, o->cell0, NULL };
		struct gr_cell_ref ref = { t, o->group, o->row, NULL, 0 };
		if (memchr(o->kept, 0, o->nreadings) == NULL)
			continue;
		gr_diags_filter(&rc->report->diags, is_row_ambiguous, &ref);
		if ((o->run ? rewrite_fused_row(&rw, o) : rewrite_unstated_row(&rw, o)) < 0)
			status = -1;
	}
out:
	gr_free(value);
	gr_free(known);
	gr_free(units);
	return status < 0 ? -1 : 0;
}

int
gr_recover_by_rows(const struct gr_recovery *rc)
{
	size_t n = count_rows(rc->table), found = 0, r = 0, neq = 0;
	struct flat_row *rows = gr_calloc(n, sizeof(*rows));
	struct open_rows open = { NULL, 0, 0 };
	int status = 0;

	if (!rows)
		return -1;
	for (size_t g = 0; g < rc->table->ngroups; g++) {
		const struct gr_group *group = &rc->table->groups[g];
		for (size_t k = 0; k < group->nrows; k++, r++) {
			rows[r].group = group;
			rows[r].keys = gr_row_keys_get(&group->rows[k]);
			if (rows[r].keys)
				continue;
			rows[r].own = gr_malloc(sizeof(*rows[r].own));
			if (!rows[r].own) {
				free_rows(rows, n);
				return -1;
			}
			gr_row_keys_make(&group->rows[k], rows[r].own);
			rows[r].keys = rows[r].own;
		}
	}
	find_labels(rc, rows, n);
	for (r = 0; r < n; r++)
		found += rows[r].label != NONE;
	if (found == 0) {
		free_rows(rows, n);
		return 0;
	}
	if (gr_report_add_table(rc->report, rc->table->section) < 0) {
		free_rows(rows, n);
		return -1;
	}
	gr_table_equations(rc->report->tpl, rc->table->section, &neq);
	status = check_group_headers(rc, rows, n);
	for (r = 0; r < n && status == 0; r++) {
		struct row_cells rw = { rc, rows[r].group, rows[r].keys->row, 0,
					neq ? &open : NULL };
		size_t next = rc->end;
		rw.first = gr_row_first_cell(rc->table, rw.group, rw.row);
		if (rows[r].label == NONE) {
			status = diag_missing_row(rc, &rows[r]);
			continue;
		}
		for (size_t k = r + 1; k < n; k++) {
			if (rows[k].label != NONE) {
				next = rows[k].label;
				break;
			}
		}
		if (rows[r].quality == GR_MATCH_FUZZY)
			status = diag_fuzzy(rc, &rows[r]);
		if (status == 0)
			status = assign_row(&rw, rows[r].label + 1, next,
					    &rc->items->items[rows[r].label]);
	}
	if (status == 0 && open.count)
		status = resolve_open_rows(rc, &open);
	open_rows_release(&open);
	free_rows(rows, n);
	return status < 0 ? -1 : (int)found;
}

/* ---- cells in sequence ----------------------------------------------- */

static int read_in_sequence(const struct gr_recovery *rc);

int
gr_recover_by_sequence(const struct gr_recovery *rc)
{
	int fused = assign_fused_table(rc);

	if (fused != 0)
		return fused < 0 ? -1 : (int)rc->table->ncells;
	return read_in_sequence(rc);
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
	print_order(t, order);
	for (size_t c = 1; c < t->ncells; c++)
		if (order[c] != order[0] + c)
			return 0;
	kept = place_unstated(rc, first, k, order[0], t->ncells, cell, NULL);
	if (kept < 0)
		return 0;
	if (gr_report_add_table(rc->report, t->section) < 0 ||
	    check_headers(rc, &t->groups[0], rc->begin, first) < 0)
		return -1;
	for (size_t g = 0; g < t->ngroups; g++) {
		const struct gr_group *group = &t->groups[g];
		for (size_t r = 0; r < group->nrows; r++) {
			struct row_cells rw = { rc, group, &group->rows[r], 0, NULL };
			rw.first = gr_row_first_cell(t, group, rw.row);
			for (size_t c = 0; c < group->ncolumns; c++, at++) {
				unsure |= cell[at] == GR_PLACE_UNSURE;
				if (put_placed(&rw, c, cell[at], first) < 0)
					return -1;
			}
		}
	}
	if (unsure && diag_placed(rc, NULL, &rc->items->items[first], k, t->ncells, kept, "",
				  "") < 0)
		return -1;
	return (int)k;
}

/*
 * Table 四's values in text with a cell per line (cell_per_line()), the
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
	if (!cell_per_line(rc, first, last, &inner) || inner == 0 ||
	    last - first + 1 + inner != t->ncells)
		return 0;
	if (gr_report_add_table(rc->report, t->section) < 0 ||
	    check_headers(rc, &t->groups[0], rc->begin, first) < 0)
		return -1;
	for (size_t g = 0; g < t->ngroups; g++) {
		const struct gr_group *group = &t->groups[g];
		for (size_t r = 0; r < group->nrows; r++) {
			struct row_cells rw = { rc, group, &group->rows[r], 0, NULL };
			rw.first = gr_row_first_cell(t, group, rw.row);
			for (size_t c = 0; c < group->ncolumns; c++) {
				if (i > first && blanks < items[i].blank_before) {
					if (put_empty(&rw, c, &items[i], items[i].blank_before - blanks++) < 0)
						return -1;
					continue;
				}
				gr_value_parse(items[i].text, items[i].len, &v);
				if (put_value(&rw, c, &items[i], &v) < 0)
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
	if (gr_report_add_table(rc->report, rc->table->section) < 0 ||
	    check_headers(rc, &rc->table->groups[0], rc->begin, first) < 0)
		return -1;
	/* Walk group by group, row by row: a row_cells per row. */
	for (size_t g = 0; g < rc->table->ngroups; g++) {
		const struct gr_group *group = &rc->table->groups[g];
		for (size_t r = 0; r < group->nrows; r++) {
			struct row_cells rw = { rc, group, &group->rows[r], 0, NULL };
			rw.first = gr_row_first_cell(rc->table, group, rw.row);
			for (size_t c = 0; c < group->ncolumns; c++, cell++) {
				size_t i = first + cell;
				if (i <= last) {
					gr_value_parse(items[i].text, items[i].len, &v);
					if (put_value(&rw, c, &items[i], &v) < 0)
						return -1;
					values += gr_value_is_filled(&v);
				} else if (fill_rest(&rw, c, 0, &items[last]) < 0) {
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
		if (diag_cell(rc, GR_CELL_EXTRA, &ref, &items[last],
			      "之后还有多余的数字，已忽略",
			      "is followed by more numbers than the table has cells; they were dropped") < 0)
			return -1;
	}
	return (int)values;
}

/* ---- the values in order, when the equations say so ------------------ */

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
static void
print_order(const struct gr_table *t, size_t *order)
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
	print_order(t, order);
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
			struct row_cells rw = { rc, group, &group->rows[r], 0, NULL };
			rw.first = gr_row_first_cell(rc->table, group, rw.row);
			for (size_t c = 0; c < group->ncolumns; c++, i++) {
				for (;; i++) {
					gr_value_parse(items[i].text, items[i].len, &v);
					if (gr_value_is_filled(&v))
						break;
				}
				if (first == NONE) {
					first = i;
					if (check_headers(rc, &rc->table->groups[0], rc->begin, first) < 0)
						return -1;
				}
				if (put_value(&rw, c, &items[i], &v) < 0)
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
		return put_value(rw, column, &items[idx[holds]], &v);
	}
	cell = cell_at(rw, column, &ref);
	if (gr_report_set_raw(rw->rc->report, cell, NULL, 0) < 0)
		return -1;
	cell->line = near->line;
	cell->offset = near->offset;
	if (holds == GR_PLACE_UNSURE) {
		gr_cell_set_null(cell, GOVREPORT_CELL_INVALID);
		return 0;
	}
	gr_cell_set_null(cell, GOVREPORT_CELL_BLANK);
	return diag_cell(rw->rc, GR_CELL_BLANK, &ref, near, "为空", "is empty");
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
	struct gr_value v;
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
	for (size_t i = rc->begin; i < rc->end; i++) {
		gr_value_parse(items[i].text, items[i].len, &v);
		if (!gr_value_is_filled(&v))
			continue;
		if (k == n || v.extra || v.kind == GR_VALUE_OVERFLOW ||
		    (v.kind == GR_VALUE_NUMBER &&
		     (v.scale || v.coefficient >= GR_SEQUENCE_MAX_NUMBER ||
		      v.coefficient <= -GR_SEQUENCE_MAX_NUMBER)))
			goto out;
		numbers[k] = v.kind == GR_VALUE_NUMBER ? v.coefficient : 0;
		idx[k++] = i;
	}
	if (k == 0 || k >= n)
		goto out;
	print_order(t, order);
	status = gr_place_sequence(numbers, k, group->nrows, group->ncolumns, order, t->ncells,
				   eqs, neq, cell);
	if (status <= 0)
		goto out;
	gr_diags_truncate(&rc->report->diags, mark);
	if (check_headers(rc, group, rc->begin, idx[0]) < 0) {
		status = -1;
		goto out;
	}
	for (size_t r = 0; r < group->nrows && status > 0; r++) {
		struct row_cells rw = { rc, group, &group->rows[r], 0, NULL };
		rw.first = gr_row_first_cell(t, group, rw.row);
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

/* ---- groups in order, in a shape that drops empty cells ------------- */

/* Groups a table may have (table 二 of the 2019 template has five). */
#define GR_MAX_GROUPS 8

/* C(n, k), for a message (n at most a group's cells). */
static long
choose(size_t n, size_t k)
{
	long c = 1;

	for (size_t i = 1; i <= k; i++)
		c = c * (long)(n - k + i) / (long)i;
	return c;
}

/* The cells of a group whose values its stretch does not place: null
 * (CELL_AMBIGUOUS for the group), or missing when it has none. */
static int
group_unplaced(const struct gr_recovery *rc, const struct gr_group *group, size_t k,
	       const struct gr_item *near)
{
	size_t n = group->nrows * group->ncolumns;
	char what_zh[160], what_en[160];

	for (size_t r = 0; r < group->nrows; r++) {
		struct row_cells rw = { rc, group, &group->rows[r], 0, NULL };
		rw.first = gr_row_first_cell(rc->table, group, rw.row);
		for (size_t c = 0; c < group->ncolumns && k > 0; c++) {
			struct gr_cell_ref ref;
			struct gr_cell *cell = cell_at(&rw, c, &ref);
			if (gr_report_set_raw(rc->report, cell, NULL, 0) < 0)
				return -1;
			gr_cell_set_null(cell, GOVREPORT_CELL_INVALID);
			cell->line = near->line;
			cell->offset = near->offset;
		}
		if (k == 0 && fill_rest(&rw, 0, 0, near) < 0)
			return -1;
	}
	if (k == 0)
		return 0;
	snprintf(what_zh, sizeof(what_zh), "%s", group->caption);
	snprintf(what_en, sizeof(what_en), ", %s", group->caption);
	return diag_placed(rc, NULL, near, k, n, choose(n, k), what_zh, what_en);
}

/* CELL_AMBIGUOUS for a group whose rows the text interleaves. */
static int
diag_dealt(const struct gr_recovery *rc, const struct gr_group *group,
	   const struct gr_item *near, size_t unsure)
{
	return gr_diag_add(&rc->report->diags, GR_CELL_AMBIGUOUS, rc->table, NULL, near->line,
			   gr_printf("表%s%s：各行的数字在文本中可能交错排列，有%zu格在不同的读法下取值不同，这些格为空",
				     rc->table->number, group->caption, unsure),
			   gr_printf("%s, %s: the text may interleave the numbers of its rows; "
				     "%zu cells take different values in different readings and are null",
				     rc->table->en, group->caption, unsure));
}

/* How many values items [from, to) hold. */
static size_t
count_values(const struct gr_item *items, size_t from, size_t to)
{
	struct gr_value v;
	size_t k = 0;

	for (size_t i = from; i < to; i++) {
		gr_value_parse(items[i].text, items[i].len, &v);
		k += gr_value_is_filled(&v);
	}
	return k;
}

/*
 * A table without equations (二) in a shape that drops empty cells and
 * prints labels apart from their values (plain pdftotext puts a label
 * before, after or between its numbers): each group's values lie between
 * its caption (第二十条第（五）项) and the next one's, in print order.
 * Finds the captions, every one in order, into caption[0..ngroups] (the
 * last: the stretch's end). Returns 1 when they are there and no group
 * has more values than cells, else 0.
 */
static int
find_group_captions(const struct gr_recovery *rc, size_t *caption)
{
	const struct gr_table *t = rc->table;
	size_t pos = rc->begin, neq = 0;
	struct gr_key want, key;

	gr_table_equations(rc->report->tpl, t->section, &neq);
	if (!rc->items->blanks_unstated || neq || t->ngroups < 2 || t->ngroups > GR_MAX_GROUPS)
		return 0;
	for (size_t g = 0; g < t->ngroups; g++) {
		if (!t->groups[g].caption)
			return 0;
		gr_key_make(t->groups[g].caption, strlen(t->groups[g].caption), &want);
		while (pos < rc->end && !(item_key(rc->items, pos, &key) && gr_key_equal(&key, &want)))
			pos++;
		if (pos == rc->end)
			return 0;
		caption[g] = pos++;
	}
	caption[t->ngroups] = rc->end;
	for (size_t g = 0; g < t->ngroups; g++)
		if (count_values(rc->items->items, caption[g] + 1, caption[g + 1]) >
		    t->groups[g].nrows * t->groups[g].ncolumns)
			return 0;
	return 1;
}

/* The most cells of a group read this way (2 rows of 3). */
#define GR_GROUP_MAX_CELLS 8

/*
 * The readings of a group whose values fill it: the text keeps each row's
 * values in order but may interleave rows (plain pdftotext printed
 * "0 — 行政规范性文件 0 0 规章 0" for 规章 0 — 0 above 行政规范性文件
 * 0 0), so every way of dealing the values out to the rows in order is a
 * reading, except that the values on a row label's line ("行政规范性文件
 * 0") are that row's first ones: the label is its row's leftmost cell,
 * and no cell is empty. at[cell] is the value (its item) a cell takes in
 * the first reading, unsure[cell] whether another reading puts a
 * different value there.
 */
struct group_deal {
	const struct gr_item *items;
	size_t nrows, ncols, k;
	const size_t *value;   /* [k] item indexes, in text order */
	const size_t *pinned;  /* [k] row, or NONE */
	const size_t *rank;    /* [k] its place in that row */
	size_t taken[GR_GROUP_MAX_CELLS];
	size_t cell[GR_GROUP_MAX_CELLS]; /* this reading: cell → value j */
	size_t at[GR_GROUP_MAX_CELLS];
	unsigned char unsure[GR_GROUP_MAX_CELLS];
	int any;
};

static int
same_value(const struct gr_item *a, const struct gr_item *b)
{
	struct gr_value va, vb;

	gr_value_parse(a->text, a->len, &va);
	gr_value_parse(b->text, b->len, &vb);
	if (va.kind != vb.kind)
		return 0;
	if (va.kind == GR_VALUE_NUMBER)
		return va.coefficient == vb.coefficient && va.scale == vb.scale &&
		       !va.extra && !vb.extra && va.unit == vb.unit;
	return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

static void
deal_from(struct group_deal *d, size_t j)
{
	if (j == d->k) {
		for (size_t c = 0; c < d->k; c++) {
			size_t item = d->value[d->cell[c]];
			if (!d->any)
				d->at[c] = item;
			else if (!same_value(&d->items[d->at[c]], &d->items[item]))
				d->unsure[c] = 1;
		}
		d->any = 1;
		return;
	}
	for (size_t r = 0; r < d->nrows; r++) {
		if (d->taken[r] == d->ncols ||
		    (d->pinned[j] != NONE && (d->pinned[j] != r || d->rank[j] != d->taken[r])))
			continue;
		d->cell[r * d->ncols + d->taken[r]++] = j;
		deal_from(d, j + 1);
		d->taken[r]--;
	}
}

/* The first item of [from, to) that is the row's label, exactly or
 * approximately (a label wrapped over lines: 其他对外管理服务), or to. */
static size_t
find_row_label(const struct gr_recovery *rc, size_t from, size_t to, const struct gr_row *row)
{
	const struct gr_row_keys *keys = gr_row_keys_get(row);
	struct gr_key key;

	for (size_t i = from; keys && i < to; i++)
		if (item_key(rc->items, i, &key) &&
		    gr_label_match_row(&key, keys) != GR_MATCH_NONE)
			return i;
	return to;
}

/*
 * Whether the rows of a group stand in order in [from, to), each label
 * followed by exactly its row's values before the next label, and no
 * value before the first: then each row's values are those after its
 * label (label_at[] gets the labels). The reading by rows, as the other
 * shapes are read.
 */
static int
rows_in_order(const struct gr_recovery *rc, const struct gr_group *group, size_t from,
	      size_t to, size_t *label_at)
{
	size_t at = from;

	for (size_t r = 0; r < group->nrows; r++) {
		size_t label = find_row_label(rc, at, to, &group->rows[r]);
		if (label == to)
			return 0;
		if (count_values(rc->items->items, at, label) != (r == 0 ? 0 : group->ncolumns))
			return 0;
		label_at[r] = label;
		at = label + 1;
	}
	return count_values(rc->items->items, at, to) == group->ncolumns;
}

/* Deal the values [from, to) of a group that they fill. Returns 0 when
 * no reading deals them all (a pinned value too many for its row). */
static int
deal_group(const struct gr_recovery *rc, const struct gr_group *group, size_t from,
	   size_t to, struct group_deal *d)
{
	const struct gr_item *items = rc->items->items;
	size_t value[GR_GROUP_MAX_CELLS], pinned[GR_GROUP_MAX_CELLS], rank[GR_GROUP_MAX_CELLS];
	size_t label[GR_GROUP_MAX_CELLS], on_line[GR_GROUP_MAX_CELLS] = { 0 };
	struct gr_value v;

	*d = (struct group_deal){ items, group->nrows, group->ncolumns, 0, value, pinned, rank,
				  { 0 }, { 0 }, { 0 }, { 0 }, 0 };
	for (size_t r = 0; r < group->nrows; r++)
		label[r] = find_row_label(rc, from, to, &group->rows[r]);
	for (size_t i = from; i < to; i++) {
		gr_value_parse(items[i].text, items[i].len, &v);
		if (!gr_value_is_filled(&v))
			continue;
		pinned[d->k] = NONE;
		for (size_t r = 0; r < group->nrows; r++)
			if (label[r] != to && label[r] < i && items[label[r]].line == items[i].line) {
				pinned[d->k] = r;
				rank[d->k] = on_line[r]++;
			}
		value[d->k++] = i;
	}
	deal_from(d, 0);
	d->value = d->pinned = d->rank = NULL;
	return d->any;
}

/* Read each row of a group from the values after its label. Returns 0
 * or -1. */
static int
read_rows_after_labels(const struct gr_recovery *rc, const struct gr_group *group,
		       const size_t *label_at, size_t end)
{
	const struct gr_item *items = rc->items->items;
	struct gr_value v;

	for (size_t r = 0; r < group->nrows; r++) {
		struct row_cells rw = { rc, group, &group->rows[r], 0, NULL };
		size_t i = label_at[r] + 1, stop = r + 1 < group->nrows ? label_at[r + 1] : end;
		rw.first = gr_row_first_cell(rc->table, group, rw.row);
		for (size_t c = 0; c < group->ncolumns && i < stop; i++) {
			gr_value_parse(items[i].text, items[i].len, &v);
			if (gr_value_is_filled(&v) && put_value(&rw, c++, &items[i], &v) < 0)
				return -1;
		}
	}
	return 0;
}

/*
 * Read each group from the values after its caption (find_group_captions):
 * a group they fill takes, in each cell, the value every reading of
 * group_deal puts there (the others null, CELL_AMBIGUOUS); a group with
 * fewer has no equations to place them by, so its cells are null
 * (CELL_AMBIGUOUS). Returns 0 or -1.
 */
static int
read_groups_in_order(const struct gr_recovery *rc, const size_t *caption)
{
	const struct gr_table *t = rc->table;
	const struct gr_item *items = rc->items->items;
	struct group_deal deal;
	struct gr_value v;

	for (size_t g = 0; g < t->ngroups; g++) {
		const struct gr_group *group = &t->groups[g];
		size_t n = group->nrows * group->ncolumns, unsure = 0;
		size_t k = count_values(items, caption[g] + 1, caption[g + 1]);
		size_t label_at[GR_GROUP_MAX_CELLS];
		if (k == n && n <= GR_GROUP_MAX_CELLS &&
		    rows_in_order(rc, group, caption[g] + 1, caption[g + 1], label_at)) {
			if (read_rows_after_labels(rc, group, label_at, caption[g + 1]) < 0)
				return -1;
			continue;
		}
		if (k < n || n > GR_GROUP_MAX_CELLS ||
		    !deal_group(rc, group, caption[g] + 1, caption[g + 1], &deal)) {
			if (group_unplaced(rc, group, k < n ? k : n, &items[caption[g]]) < 0)
				return -1;
			continue;
		}
		for (size_t r = 0; r < group->nrows; r++) {
			struct row_cells rw = { rc, group, &group->rows[r], 0, NULL };
			rw.first = gr_row_first_cell(t, group, rw.row);
			for (size_t c = 0; c < group->ncolumns; c++) {
				size_t at = r * group->ncolumns + c;
				struct gr_cell_ref ref;
				struct gr_cell *cell;
				if (!deal.unsure[at]) {
					gr_value_parse(items[deal.at[at]].text, items[deal.at[at]].len, &v);
					if (put_value(&rw, c, &items[deal.at[at]], &v) < 0)
						return -1;
					continue;
				}
				cell = cell_at(&rw, c, &ref);
				if (gr_report_set_raw(rc->report, cell, NULL, 0) < 0)
					return -1;
				gr_cell_set_null(cell, GOVREPORT_CELL_INVALID);
				cell->line = items[caption[g]].line;
				cell->offset = items[caption[g]].offset;
				unsure++;
			}
		}
		if (unsure && diag_dealt(rc, group, &items[caption[g]], unsure) < 0)
			return -1;
	}
	return 0;
}

/* The reading of read_groups_in_order() in place of the reading by rows
 * (and of its diagnostics from `mark` on), where it applies. Returns
 * `found`, or -1. */
static int
read_table_groups(const struct gr_recovery *rc, size_t mark, int found)
{
	struct gr_diags *diags = &rc->report->diags;
	size_t caption[GR_MAX_GROUPS + 1];

	if (!find_group_captions(rc, caption))
		return found;
	gr_diags_truncate(diags, mark);
	if (read_groups_in_order(rc, caption) < 0)
		return -1;
	if (gr_diag_add(diags, GR_TABLE_IN_ORDER, rc->table, NULL, 0,
			gr_printf("表%s的行标签与数字分开排列，无法按行对应；各项（第二十条第…项）标题之间的数字按表格顺序读取",
				  rc->table->number),
			gr_printf("%s: its row labels stand apart from their numbers; the numbers "
				  "between the captions of its groups (第二十条第…项) were read in "
				  "the table's order", rc->table->en)) < 0)
		return -1;
	return found;
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
		if (placed != 0)
			return placed < 0 ? -1 : found;
		return read_table_groups(rc, mark, found);
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

/* ---- template detection ---------------------------------------------- */

/* Every label text of a template that a document may print. */
static size_t
template_labels(const struct gr_template *tpl, const char **out, size_t cap)
{
	size_t n = 0;

	for (int s = 0; s < GR_SECTION_COUNT; s++) {
		const struct gr_table *t = &tpl->tables[s];
		for (size_t g = 0; g < t->ngroups; g++) {
			const struct gr_group *group = &t->groups[g];
			for (size_t c = 0; c < group->ncolumns && n < cap; c++)
				out[n++] = group->columns[c].label;
			for (size_t r = 0; r < group->nrows; r++) {
				const struct gr_row *row = &group->rows[r];
				if (n + 3 > cap)
					break;
				out[n++] = row->label;
				if (row->parent)
					out[n++] = row->parent;
				if (row->outer)
					out[n++] = row->outer;
				for (const char *const *a = row->aliases; a && *a && n < cap; a++)
					out[n++] = *a;
			}
		}
	}
	return n;
}

#define GR_MAX_LABELS 160
#define GR_MIN_DISTINCT 4

struct distinct_label {
	struct gr_key key;
	enum govreport_template tpl;
};

/* Labels of one template whose key no label of the other has. */
static size_t
find_distinct_labels(struct distinct_label *out, size_t cap)
{
	const struct gr_template *tpls[2] = { gr_template_get(GOVREPORT_TEMPLATE_2019),
					      gr_template_get(GOVREPORT_TEMPLATE_2021) };
	const char *labels[2][GR_MAX_LABELS];
	/* Each label's key made once (a key takes NFKC and pinyin work):
	 * static, as this runs once per process (pthread_once). */
	static struct gr_key keys[2][GR_MAX_LABELS];
	size_t counts[2], n = 0;

	for (int t = 0; t < 2; t++) {
		counts[t] = template_labels(tpls[t], labels[t], GR_MAX_LABELS);
		for (size_t i = 0; i < counts[t]; i++)
			gr_key_make(labels[t][i], strlen(labels[t][i]), &keys[t][i]);
	}
	for (int t = 0; t < 2; t++) {
		for (size_t i = 0; i < counts[t] && n < cap; i++) {
			int shared = 0;
			if (keys[t][i].len < GR_MIN_DISTINCT)
				continue;
			for (size_t j = 0; j < counts[1 - t] && !shared; j++)
				shared = gr_key_equal(&keys[t][i], &keys[1 - t][j]);
			if (!shared)
				out[n++] = (struct distinct_label){ keys[t][i], tpls[t]->id };
		}
	}
	return n;
}

/*
 * The distinct labels depend on the templates alone: found once per
 * process and never changed after, so every thread may read them.
 */
static pthread_once_t distinct_once = PTHREAD_ONCE_INIT;
static struct distinct_label distinct[GR_MAX_LABELS];
static size_t ndistinct;

static void
init_distinct_labels(void)
{
	ndistinct = find_distinct_labels(distinct, GR_MAX_LABELS);
}

enum govreport_template
gr_detect_template(const struct gr_items *items, size_t begin, size_t end)
{
	const struct distinct_label *labels = distinct;
	size_t nlabels, votes19 = 0, votes21 = 0;
	struct gr_key key;

	pthread_once(&distinct_once, init_distinct_labels);
	nlabels = ndistinct;
	for (size_t i = begin; i < end; i++) {
		const struct distinct_label *best = NULL;
		int have_key = 0;
		uint64_t mask;
		size_t len;
		if (!gr_item_key_peek(items, i, &len, &mask))
			continue;
		/* The longest label inside the item decides: 本年处理决定数量
		 * ("2021") holds 处理决定数量 ("2019"). A label with a
		 * character the item lacks (by the masks) is not in it. */
		for (size_t l = 0; l < nlabels; l++) {
			if ((best && labels[l].key.len <= best->key.len) ||
			    len > labels[l].key.len + 8 || (labels[l].key.mask & ~mask))
				continue;
			if (!have_key && !item_key(items, i, &key))
				break;
			have_key = 1;
			if (gr_key_find(&key, &labels[l].key) >= 0)
				best = &labels[l];
		}
		if (best && best->tpl == GOVREPORT_TEMPLATE_2019)
			votes19++;
		else if (best)
			votes21++;
	}
	if (votes19 == votes21)
		return GOVREPORT_TEMPLATE_UNKNOWN;
	return votes19 > votes21 ? GOVREPORT_TEMPLATE_2019 : GOVREPORT_TEMPLATE_2021;
}
