/*
 * govreport_render(): the official forms of a report's template (the
 * forms as template.h describes them), the helpers the three document
 * renderers share, and the long-form CSV of SPEC §7. See render.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "tables/cellvalue.h"
#include "output/render.h"

/* ---- the form of a table ---------------------------------------------- */

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

/* ---- shared pieces ------------------------------------------------------ */

static void
put_decimal(struct gr_strbuf *out, int64_t coefficient, unsigned scale)
{
	uint64_t mag = coefficient < 0 ? (uint64_t)0 - (uint64_t)coefficient
				       : (uint64_t)coefficient;
	char digits[48];
	size_t n = 0;

	if (scale > GR_MAX_SCALE)
		scale = GR_MAX_SCALE;
	/* The digits, at least scale + 1 of them, most significant first. */
	do {
		digits[n++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag || n <= scale);
	for (size_t i = 0; i < n / 2; i++) {
		char t = digits[i];
		digits[i] = digits[n - 1 - i];
		digits[n - 1 - i] = t;
	}
	if (coefficient < 0)
		gr_strbuf_putc(out, '-');
	gr_strbuf_append(out, digits, n - scale);
	if (scale) {
		gr_strbuf_putc(out, '.');
		gr_strbuf_append(out, digits + n - scale, scale);
	}
}

void
gr_render_value(const struct gr_cell *cell, struct gr_strbuf *out)
{
	switch (cell->state) {
	case GOVREPORT_CELL_PRESENT:
	case GOVREPORT_CELL_INFERRED:
		put_decimal(out, cell->value, cell->scale);
		break;
	case GOVREPORT_CELL_DASH: {
		/* The dash as the document wrote it, if what the cell keeps
		 * is one (a cell set to a dash through the API keeps the raw
		 * text it was read from). */
		struct gr_value v = { 0 };
		if (cell->raw && cell->raw[0])
			gr_value_parse(cell->raw, strlen(cell->raw), &v);
		gr_strbuf_puts(out, v.kind == GR_VALUE_DASH ? cell->raw : "—");
		break;
	}
	case GOVREPORT_CELL_INVALID:
		if (cell->raw)
			gr_strbuf_puts(out, cell->raw);
		break;
	default:
		break;
	}
}

void
gr_render_date(const char *iso, struct gr_strbuf *out)
{
	int y = 0, m = 0, d = 0;

	if (iso && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
		gr_strbuf_printf(out, "%d年%d月%d日", y, m, d);
}

void
gr_render_heading(enum gr_part p, struct gr_strbuf *out)
{
	const struct gr_part_def *def = gr_part(p);

	gr_strbuf_printf(out, "%s、%s", def->number, def->heading);
}

/* Whether the title names the organ right before "…信息公开…年度报告",
 * where the parser finds it. */
static int
title_names_organ(const char *title, const char *organ)
{
	static const char *const follows[] = { "政府信息公开工作年度报告",
					       "信息公开工作年度报告",
					       "政府信息公开年度报告",
					       "信息公开年度报告", NULL };
	size_t olen = strlen(organ);

	for (const char *at = strstr(title, organ); at; at = strstr(at + 1, organ))
		for (const char *const *f = follows; *f; f++)
			if (strncmp(at + olen, *f, strlen(*f)) == 0)
				return 1;
	return 0;
}

void
gr_render_intro(const struct govreport *r, struct gr_strbuf *out)
{
	const char *title = r->fields[GOVREPORT_FIELD_TITLE];
	const char *organ = r->fields[GOVREPORT_FIELD_ORGAN];
	const char *intro = r->intro;
	char year[16] = "";

	if (r->year)
		snprintf(year, sizeof(year), "%d年", r->year);
	/* The document's own words, when it had some (issue 16)... */
	if (intro)
		gr_strbuf_puts(out, intro);
	if (!organ && !r->year)
		return;
	if (title && (!r->year || strstr(title, year)) &&
	    (!organ || title_names_organ(title, organ)))
		return;
	/* ...and a sentence of ours only where neither they nor the title
	 * name the organ and the year, as the parser reads them back. */
	if (intro && (!r->year || strstr(intro, year)) && (!organ || strstr(intro, organ)))
		return;
	if (intro)
		gr_strbuf_putc(out, '\n');
	/* "公布" ends what the parser takes for the organ, the year too. */
	gr_strbuf_printf(out, "现公布%s%s政府信息公开工作年度报告。", year,
			 organ ? organ : "");
}

int
gr_render_next_line(const char **text, const char **line, size_t *len)
{
	const char *s = *text, *nl;

	if (!s || !*s)
		return 0;
	nl = strchr(s, '\n');
	*line = s;
	*len = nl ? (size_t)(nl - s) : strlen(s);
	*text = nl ? nl + 1 : s + *len;
	return 1;
}

/* ---- CSV ------------------------------------------------------------------ */

static void
csv_field(struct gr_strbuf *out, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		gr_strbuf_puts(out, s);
		return;
	}
	gr_strbuf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			gr_strbuf_putc(out, '"');
		gr_strbuf_putc(out, *s);
	}
	gr_strbuf_putc(out, '"');
}

/* section,row,column,value,state: one line per cell of each table. */
static int
render_csv(const struct govreport *r, struct gr_strbuf *out)
{
	struct gr_strbuf value;

	gr_strbuf_init(&value);
	gr_strbuf_puts(out, "section,row,column,value,state\r\n");
	for (int s = 0; r->tpl && s < GR_SECTION_COUNT; s++) {
		const struct gr_table *t = &r->tpl->tables[s];
		const struct gr_cell *cells = gr_report_cells(r, t->section);
		struct gr_cell_ref ref;
		if (!cells)
			continue;
		for (size_t i = 0; gr_cell_at(t, i, &ref) == 0; i++) {
			const struct gr_cell *cell = &cells[i];
			value.len = 0;
			gr_strbuf_append(&value, "", 0);
			if (gr_cell_has_value(cell))
				gr_render_value(cell, &value);
			gr_strbuf_printf(out, "%s,%s,%s,", t->id, ref.row->id,
					 ref.column->id);
			csv_field(out, value.data ? value.data : "");
			gr_strbuf_printf(out, ",%s\r\n",
					 gr_cell_state_name((enum govreport_cell_state)cell->state));
		}
	}
	if (gr_strbuf_failed(&value)) {
		gr_strbuf_release(&value);
		return -1;
	}
	gr_strbuf_release(&value);
	return 0;
}

/* ---- the entry point -------------------------------------------------------- */

GOVREPORT_EXPORT enum govreport_status
govreport_render(const struct govreport *r, enum govreport_render_format format,
		 unsigned flags, char **out, size_t *len)
{
	struct gr_strbuf buf;
	unsigned allowed = GOVREPORT_LANG_EN;
	int rc;

	if (out)
		*out = NULL;
	if (len)
		*len = 0;
	if (format == GOVREPORT_RENDER_HTML)
		allowed |= GOVREPORT_RENDER_ANNOTATE | GOVREPORT_RENDER_PAGE;
	if (!r || !out || (flags & ~allowed))
		return GOVREPORT_ERR_ARGUMENT;
	gr_strbuf_init(&buf);
	gr_strbuf_append(&buf, "", 0);
	switch (format) {
	case GOVREPORT_RENDER_HTML:
		rc = gr_render_html(r, flags, &buf);
		break;
	case GOVREPORT_RENDER_MARKDOWN:
		rc = gr_render_markdown(r, flags, &buf);
		break;
	case GOVREPORT_RENDER_CSV:
		rc = render_csv(r, &buf);
		break;
	case GOVREPORT_RENDER_TEXT:
		rc = gr_render_text(r, flags, &buf);
		break;
	default:
		gr_strbuf_release(&buf);
		return GOVREPORT_ERR_ARGUMENT;
	}
	if (rc < 0 || gr_strbuf_failed(&buf)) {
		gr_strbuf_release(&buf);
		return GOVREPORT_ERR_NOMEM;
	}
	*out = gr_strbuf_steal(&buf, len);
	return *out ? GOVREPORT_OK : GOVREPORT_ERR_NOMEM;
}
