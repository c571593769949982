/*
 * Table 二 of plain pdftotext, in a shape that drops empty cells and
 * prints labels apart from their values: each group's values read
 * between its caption and the next, dealt out to its rows in order. See
 * tables_build.h.
 */
#include <stdio.h>
#include <string.h>

#include "tables/tables_build.h"

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
		struct row_cells rw = gr_tables_row_cells(rc, group, r);
		for (size_t c = 0; c < group->ncolumns && k > 0; c++) {
			struct gr_cell_ref ref;
			struct gr_cell *cell = gr_tables_cell_at(&rw, c, &ref);
			if (gr_report_set_raw(rc->report, cell, NULL, 0) < 0)
				return -1;
			gr_cell_set_null(cell, GOVREPORT_CELL_INVALID);
			cell->line = near->line;
			cell->offset = near->offset;
		}
		if (k == 0 && gr_tables_fill_rest(&rw, 0, 0, near) < 0)
			return -1;
	}
	if (k == 0)
		return 0;
	snprintf(what_zh, sizeof(what_zh), "%s", group->caption);
	snprintf(what_en, sizeof(what_en), ", %s", group->caption);
	return gr_tables_diag_placed(rc, NULL, near, k, n, choose(n, k), what_zh, what_en);
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
			if (gr_value_is_filled(&v) &&
			    gr_tables_put_value(&rw, c++, &items[i], &v) < 0)
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
			struct row_cells rw = gr_tables_row_cells(rc, group, r);
			for (size_t c = 0; c < group->ncolumns; c++) {
				size_t at = r * group->ncolumns + c;
				struct gr_cell_ref ref;
				struct gr_cell *cell;
				if (!deal.unsure[at]) {
					gr_value_parse(items[deal.at[at]].text, items[deal.at[at]].len, &v);
					if (gr_tables_put_value(&rw, c, &items[deal.at[at]], &v) < 0)
						return -1;
					continue;
				}
				cell = gr_tables_cell_at(&rw, c, &ref);
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
int
gr_tables_read_table_groups(const struct gr_recovery *rc, size_t mark, int found)
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
