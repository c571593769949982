/*
 * The rows whose own equations leave several readings (fused digits,
 * values with unstated empty cells): kept open, narrowed by the table's
 * equations across rows (joint.h), and rewritten where they lost
 * readings. See tables_build.h.
 */
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "tables/joint.h"
#include "tables/tables_build.h"

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

void
gr_tables_open_rows_release(struct open_rows *open)
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

int
gr_tables_open_unstated_row(const struct row_cells *rw, size_t first, size_t k,
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

int
gr_tables_open_fused_row(const struct row_cells *rw, const struct gr_item *item,
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
		    gr_tables_put_placed(rw, c, after, o->first) < 0)
			return -1;
	}
	return unsure ? gr_tables_diag_placed_row(rw, o->first, o->k, (long)kept) : 0;
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
	return gr_tables_write_split(rw->rc, &ref, o->run, cells, o->n, &split, 1, what_zh, what_en);
}

/*
 * Narrow the open rows' readings by the table's equations across rows,
 * the cells read plainly as known (joint.h), and rewrite the rows that
 * lost readings. Returns 0 or -1 (no memory).
 */
int
gr_tables_resolve_open_rows(const struct gr_recovery *rc, struct open_rows *open)
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
