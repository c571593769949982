/*
 * Table recovery by rows (see tables.h): each row of the template found
 * by its label, in template order, the column headers checked, the items
 * after each label laid in its columns (tables_rows.c), and the rows left
 * open narrowed across rows (tables_open.c). What the pieces share is in
 * tables_build.h.
 */
#include "util/alloc.h"
#include "tables/tables_build.h"

/* Labels this long are never a column header too. */
#define GR_MIN_DISTINCT_LABEL 4

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

/* ---- column headers -------------------------------------------------- */

/*
 * Column headers do not place values (the template's order does), but a
 * header that matches only approximately (本年度止件数, 其结果他) is worth
 * telling: the reader may want to check the column.
 */
int
gr_tables_check_headers(const struct gr_recovery *rc, const struct gr_group *group,
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
		if (gr_tables_check_headers(rc, rows[r].group, from, rows[r].label) < 0)
			return -1;
		from = rows[r].label + 1;
	}
	return 0;
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
			status = gr_tables_assign_row(&rw, rows[r].label + 1, next,
						      &rc->items->items[rows[r].label]);
	}
	if (status == 0 && open.count)
		status = gr_tables_resolve_open_rows(rc, &open);
	gr_tables_open_rows_release(&open);
	free_rows(rows, n);
	return status < 0 ? -1 : (int)found;
}
