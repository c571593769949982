/* The official form of a table; see form.h. */
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "output/form.h"

static int
add(struct gr_form *f, enum gr_form_role role, const char *text,
    const struct gr_cell_ref *ref, size_t row, size_t col, size_t rowspan,
    size_t colspan)
{
	if (f->count == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 64;
		struct gr_form_cell *grown = gr_realloc(f->cells, cap * sizeof(*grown));
		if (!grown)
			return -1;
		f->cells = grown;
		f->cap = cap;
	}
	f->cells[f->count++] = (struct gr_form_cell){
		.role = role, .text = text,
		.ref = ref ? *ref : (struct gr_cell_ref){ f->table, NULL, NULL, NULL, 0 },
		.row = row, .col = col, .rowspan = rowspan ? rowspan : 1,
		.colspan = colspan ? colspan : 1, .stub = col < f->stub_cols,
	};
	if (row + (rowspan ? rowspan : 1) > f->nrows)
		f->nrows = row + (rowspan ? rowspan : 1);
	return 0;
}

static int
same_text(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static struct gr_cell_ref
ref_of(const struct gr_table *t, const struct gr_group *g, const struct gr_row *row,
       const struct gr_column *column)
{
	struct gr_cell_ref ref = { t, g, row, column, 0 };

	if (row && column)
		ref.index = gr_row_first_cell(t, g, row) + (size_t)(column - g->columns);
	return ref;
}

/* Rows in a run from rows[k] on that share the label `pick` gives. */
static size_t
run_length(const struct gr_group *g, size_t k, int parent)
{
	const char *label = parent ? g->rows[k].parent : g->rows[k].outer;
	size_t n = 1;

	while (k + n < g->nrows &&
	       same_text(parent ? g->rows[k + n].parent : g->rows[k + n].outer, label))
		n++;
	return n;
}

static int
first_of_run(const struct gr_group *g, size_t k, int parent)
{
	const char *label = parent ? g->rows[k].parent : g->rows[k].outer;

	return label && (k == 0 || !same_text(parent ? g->rows[k - 1].parent
						     : g->rows[k - 1].outer, label));
}

/*
 * The column headers of a group from grid row `row` on, over the value
 * columns from `first`: a band over some columns takes the first header
 * row and its columns the second; the others take both. The last column
 * spans what the widest group has more. Returns the header rows used.
 */
static int
column_headers(struct gr_form *f, const struct gr_group *g, size_t row,
	       size_t first, size_t width, size_t *used)
{
	size_t rows = g->band ? 2 : 1;

	for (size_t c = 0; c < g->ncolumns; c++) {
		struct gr_cell_ref ref = ref_of(f->table, g, NULL, &g->columns[c]);
		size_t span = c + 1 == g->ncolumns ? width - c : 1;
		int banded = g->band && c >= g->band_first &&
			     c < g->band_first + g->band_count;
		if (banded && c == g->band_first &&
		    add(f, GR_FORM_BAND, g->band, &ref, row, first + c, 1,
			g->band_count) < 0)
			return -1;
		if (add(f, GR_FORM_COLUMN, g->columns[c].label, &ref,
			banded ? row + 1 : row, first + c, banded ? 1 : rows, span) < 0)
			return -1;
	}
	*used = rows;
	return 0;
}

/* The rows of a group from grid row `row` on: stub labels, then values. */
static int
data_rows(struct gr_form *f, const struct gr_group *g, size_t row, size_t width)
{
	for (size_t k = 0; k < g->nrows; k++, row++) {
		const struct gr_row *r = &g->rows[k];
		struct gr_cell_ref ref = ref_of(f->table, g, r, NULL);
		size_t col = 0;

		if (r->outer) {
			if (first_of_run(g, k, 0) &&
			    add(f, GR_FORM_OUTER, r->outer, &ref, row, 0,
				run_length(g, k, 0), 1) < 0)
				return -1;
			col++;
		}
		if (r->parent) {
			if (first_of_run(g, k, 1) &&
			    add(f, GR_FORM_PARENT, r->parent, &ref, row, col,
				run_length(g, k, 1), 1) < 0)
				return -1;
			col++;
		}
		if (add(f, GR_FORM_ROW, r->label, &ref, row, col, 1,
			f->stub_cols - col) < 0)
			return -1;
		for (size_t c = 0; c < g->ncolumns; c++) {
			struct gr_cell_ref cell = ref_of(f->table, g, r, &g->columns[c]);
			if (add(f, GR_FORM_VALUE, NULL, &cell, row, f->stub_cols + c, 1,
				c + 1 == g->ncolumns ? width - c : 1) < 0)
				return -1;
		}
	}
	return 0;
}

/*
 * A table read down (tables 二 and 三): row labels in the stub on the
 * left, as deep as the deepest row's outer/parent/label; one group's
 * caption heads the value columns beside the stub's header, several
 * groups each get a full-width caption row and a header row.
 */
static int
build_down(struct gr_form *f)
{
	const struct gr_table *t = f->table;
	size_t width = 0, stub = 1, row = 0;

	for (size_t g = 0; g < t->ngroups; g++) {
		const struct gr_group *group = &t->groups[g];
		if (group->ncolumns > width)
			width = group->ncolumns;
		for (size_t k = 0; k < group->nrows; k++) {
			size_t depth = 1 + (group->rows[k].outer != NULL) +
				       (group->rows[k].parent != NULL);
			if (depth > stub)
				stub = depth;
		}
	}
	f->stub_cols = stub;
	f->ncols = stub + width;
	for (size_t g = 0; g < t->ngroups; g++) {
		const struct gr_group *group = &t->groups[g];
		size_t used;
		if (t->ngroups == 1) {
			size_t top = group->caption ? 1 : 0;
			size_t header = top + (group->band ? 2 : 1);
			if (group->stub && add(f, GR_FORM_STUB, group->stub, NULL, row, 0,
					       header, stub) < 0)
				return -1;
			if (group->caption && add(f, GR_FORM_CAPTION, group->caption,
						   NULL, row, stub, 1, width) < 0)
				return -1;
			if (column_headers(f, group, row + top, stub, width, &used) < 0)
				return -1;
			row += header;
		} else {
			if (group->caption && add(f, GR_FORM_CAPTION, group->caption,
						   NULL, row++, 0, 1, f->ncols) < 0)
				return -1;
			if (column_headers(f, group, row, stub, width, &used) < 0)
				return -1;
			if (group->stub && add(f, GR_FORM_STUB, group->stub, NULL, row, 0,
					       used, stub) < 0)
				return -1;
			row += used;
		}
		if (data_rows(f, group, row, width) < 0)
			return -1;
		row += group->nrows;
	}
	return 0;
}

/*
 * A table read across (table 四, whose groups have no stub): each row of
 * the template is a band of columns, under its parent (行政诉讼) where it
 * has one; the values make the last grid row.
 */
static int
build_across(struct gr_form *f)
{
	const struct gr_table *t = f->table;
	size_t x = 0, header = 2;

	for (size_t g = 0; g < t->ngroups; g++)
		for (size_t k = 0; k < t->groups[g].nrows; k++)
			if (t->groups[g].rows[k].parent)
				header = 3;
	for (size_t g = 0; g < t->ngroups; g++) {
		const struct gr_group *group = &t->groups[g];
		size_t n = group->ncolumns;
		for (size_t k = 0; k < group->nrows; k++) {
			const struct gr_row *r = &group->rows[k];
			struct gr_cell_ref ref = ref_of(t, group, r, NULL);
			size_t label_row = 0;
			if (r->parent) {
				if (first_of_run(group, k, 1) &&
				    add(f, GR_FORM_PARENT, r->parent, &ref, 0, x, 1,
					run_length(group, k, 1) * n) < 0)
					return -1;
				label_row = 1;
			}
			if (add(f, GR_FORM_ROW, r->label, &ref, label_row, x, 1, n) < 0)
				return -1;
			for (size_t c = 0; c < n; c++) {
				struct gr_cell_ref cell = ref_of(t, group, r, &group->columns[c]);
				if (add(f, GR_FORM_COLUMN, group->columns[c].label, &cell,
					label_row + 1, x + c, header - label_row - 1, 1) < 0 ||
				    add(f, GR_FORM_VALUE, NULL, &cell, header, x + c, 1, 1) < 0)
					return -1;
			}
			x += n;
		}
	}
	f->ncols = x;
	return 0;
}

static int
cell_order(const void *a, const void *b)
{
	const struct gr_form_cell *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

int
gr_form_build(const struct gr_table *table, struct gr_form *form)
{
	int rc;

	*form = (struct gr_form){ .table = table };
	if (table->ngroups == 0)
		return 0;
	rc = table->groups[0].stub ? build_down(form) : build_across(form);
	if (rc < 0) {
		gr_form_release(form);
		return -1;
	}
	qsort(form->cells, form->count, sizeof(*form->cells), cell_order);
	return 0;
}

void
gr_form_release(struct gr_form *form)
{
	gr_free(form->cells);
	*form = (struct gr_form){ 0 };
}
