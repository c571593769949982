/*
 * The report as Markdown and as plain text. Neither can merge cells, so
 * each table's form is flattened: a merged cell's text is written once, in
 * its first row and column, and the stub's labels of a row (三、本年度办理
 * 结果, （三）不予公开, 1.属于国家秘密) share the row's first cell, outer
 * labels first, as the parser reads them. See render.h and form.h.
 */
#include <string.h>

#include "util/alloc.h"
#include "util/markdown.h"
#include "output/form.h"
#include "output/render.h"
#include "output/render_pieces.h"
#include "util/utf8.h"

struct flat {
	size_t nrows, ncols;
	struct gr_strbuf *cells; /* nrows × ncols */
	unsigned char *value;    /* 1 for a value cell (right-aligned) */
	unsigned char *caption;  /* 1 for a row that is a caption alone */
};

static void
flat_release(struct flat *fl)
{
	for (size_t i = 0; fl->cells && i < fl->nrows * fl->ncols; i++)
		gr_strbuf_release(&fl->cells[i]);
	gr_free(fl->cells);
	gr_free(fl->value);
	gr_free(fl->caption);
	*fl = (struct flat){ 0 };
}

static int
flatten(const struct govreport *r, const struct gr_table *t, struct flat *fl)
{
	const struct gr_cell *cells = gr_report_cells(r, t->section);
	struct gr_form form;
	int failed = 0;

	*fl = (struct flat){ 0 };
	if (gr_form_build(t, &form) < 0)
		return -1;
	fl->nrows = form.nrows;
	fl->ncols = form.stub_cols ? form.ncols - form.stub_cols + 1 : form.ncols;
	fl->cells = gr_calloc(fl->nrows * fl->ncols + 1, sizeof(*fl->cells));
	fl->value = gr_calloc(fl->nrows * fl->ncols + 1, 1);
	fl->caption = gr_calloc(fl->nrows + 1, 1);
	if (!fl->cells || !fl->value || !fl->caption) {
		gr_form_release(&form);
		flat_release(fl);
		return -1;
	}
	for (size_t k = 0; k < form.count; k++) {
		const struct gr_form_cell *c = &form.cells[k];
		size_t col = !form.stub_cols ? c->col
			     : c->stub ? 0 : c->col - form.stub_cols + 1;
		size_t at = c->row * fl->ncols + col;
		struct gr_strbuf *b = &fl->cells[at];
		/* A caption across the whole table: centred as printed. */
		if (c->role == GR_FORM_CAPTION && c->col == 0 && c->colspan == form.ncols)
			fl->caption[c->row] = 1;
		if (c->role == GR_FORM_VALUE) {
			fl->value[at] = 1;
			gr_render_value(&cells[c->ref.index], b);
		} else {
			if (b->len)
				gr_strbuf_putc(b, ' ');
			gr_strbuf_puts(b, c->text);
		}
		failed |= gr_strbuf_failed(b);
	}
	gr_form_release(&form);
	if (failed) {
		flat_release(fl);
		return -1;
	}
	return 0;
}

static const char *
flat_text(const struct flat *fl, size_t row, size_t col, size_t *len)
{
	const struct gr_strbuf *b = &fl->cells[row * fl->ncols + col];

	*len = b->len;
	return b->data ? b->data : "";
}

/* ---- Markdown -------------------------------------------------------------- */

/* A cell's text, escaped: a pipe in it stays in its cell. */
static void
md_cell(struct gr_strbuf *out, const char *s, size_t len)
{
	gr_strbuf_puts(out, " ");
	gr_md_escape(out, s, len, GR_MD_INLINE);
	gr_strbuf_puts(out, " |");
}

static int
md_table(const struct govreport *r, const struct gr_table *t, struct gr_strbuf *out)
{
	struct flat fl;

	if (flatten(r, t, &fl) < 0)
		return -1;
	for (size_t row = 0; row < fl.nrows; row++) {
		size_t ncols = fl.ncols;
		/* Below the header row, a row ends with its last text: a span
		 * or an empty cell there would read as a value of the row. */
		while (row > 0 && ncols > 1 && fl.cells[row * fl.ncols + ncols - 1].len == 0)
			ncols--;
		gr_strbuf_putc(out, '|');
		for (size_t col = 0; col < ncols; col++) {
			size_t len;
			const char *s = flat_text(&fl, row, col, &len);
			md_cell(out, s, len);
		}
		gr_strbuf_putc(out, '\n');
		if (row == 0) {
			gr_strbuf_putc(out, '|');
			for (size_t col = 0; col < fl.ncols; col++)
				gr_strbuf_puts(out, "---|");
			gr_strbuf_putc(out, '\n');
		}
	}
	gr_strbuf_putc(out, '\n');
	flat_release(&fl);
	return 0;
}

/* ---- plain text -------------------------------------------------------------- */

/* Columns a character takes in a terminal: two for East Asian wide ones
 * (as the grid table reader counts them). */
static size_t
display_width(const char *s, size_t len)
{
	size_t pos = 0, width = 0;

	while (pos < len) {
		int32_t c = gr_utf8_next(s, len, &pos);
		if (c < 0)
			break;
		width += gr_is_wide(c, GR_WIDE_TERMINAL) ? 2 : 1;
	}
	return width;
}

static void
repeat(struct gr_strbuf *out, char c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		gr_strbuf_putc(out, c);
}

/* A rule between rows: `+-----+---+`, a `+` on every column border. */
static void
text_rule(struct gr_strbuf *out, const size_t *widths, size_t ncols)
{
	gr_strbuf_putc(out, '+');
	for (size_t col = 0; col < ncols; col++) {
		repeat(out, '-', widths[col] + 2);
		gr_strbuf_putc(out, '+');
	}
	gr_strbuf_putc(out, '\n');
}

/* One cell of a row, spanning columns [col, end): its text padded to the
 * width between its borders, numbers to the right. */
static void
text_cell(struct gr_strbuf *out, const char *s, size_t len, const size_t *widths,
	  size_t col, size_t end, int right)
{
	size_t room = 0, w = display_width(s, len);

	for (size_t k = col; k < end; k++)
		room += widths[k] + (k > col ? 3 : 0);
	gr_strbuf_putc(out, ' ');
	/* A number stands at the right of its own column, under its
	 * header, even when its cell spans the rest of the row. */
	if (right)
		repeat(out, ' ', widths[col] - w);
	gr_strbuf_append(out, s, len);
	repeat(out, ' ', right ? room - widths[col] : room - w);
	gr_strbuf_puts(out, " |");
}

/*
 * A table as a grid table (the shape pandoc writes, SPEC §2 item 11):
 * rules between rows, a `|` between cells, columns aligned in display
 * width. Every cell has its borders, so an empty cell stays in its column
 * and reads back as a blank cell of that column, not as nothing. A row's
 * last cell of the form spans the columns after it (what a label's span
 * covered above), and a caption spans the whole row.
 */
static int
text_table(const struct govreport *r, const struct gr_table *t, struct gr_strbuf *out)
{
	struct flat fl;
	size_t *widths;

	if (flatten(r, t, &fl) < 0)
		return -1;
	widths = gr_calloc(fl.ncols + 1, sizeof(*widths));
	if (!widths) {
		flat_release(&fl);
		return -1;
	}
	for (size_t row = 0; row < fl.nrows; row++) {
		for (size_t col = 0; col < fl.ncols; col++) {
			size_t len, w;
			const char *s = flat_text(&fl, row, col, &len);
			w = display_width(s, len);
			if (fl.caption[row])
				continue;
			if (w > widths[col])
				widths[col] = w;
		}
	}
	/* A caption wider than the columns below it widens the last one. */
	for (size_t row = 0; row < fl.nrows; row++) {
		size_t len, w, room = 0;
		const char *s = flat_text(&fl, row, 0, &len);
		if (!fl.caption[row])
			continue;
		for (size_t col = 0; col < fl.ncols; col++)
			room += widths[col] + (col ? 3 : 0);
		w = display_width(s, len);
		if (w > room)
			widths[fl.ncols - 1] += w - room;
	}
	text_rule(out, widths, fl.ncols);
	for (size_t row = 0; row < fl.nrows; row++) {
		size_t ncols = fl.ncols;
		gr_strbuf_putc(out, '|');
		if (fl.caption[row]) {
			size_t len;
			const char *s = flat_text(&fl, row, 0, &len);
			text_cell(out, s, len, widths, 0, fl.ncols, 0);
		} else {
			/* Below the header row, the row's last cell of the
			 * form spans what follows it: an empty cell there
			 * would read as a value of the row. */
			while (row > 0 && ncols > 1 && !fl.value[row * fl.ncols + ncols - 1] &&
			       fl.cells[row * fl.ncols + ncols - 1].len == 0)
				ncols--;
			for (size_t col = 0; col < ncols; col++) {
				size_t len;
				const char *s = flat_text(&fl, row, col, &len);
				text_cell(out, s, len, widths, col,
					  col + 1 < ncols ? col + 1 : fl.ncols,
					  fl.value[row * fl.ncols + col]);
			}
		}
		gr_strbuf_putc(out, '\n');
		text_rule(out, widths, fl.ncols);
	}
	gr_strbuf_putc(out, '\n');
	gr_free(widths);
	flat_release(&fl);
	return 0;
}

/* ---- the documents ------------------------------------------------------------ */

struct style {
	const char *title, *heading; /* line prefixes */
	int (*table)(const struct govreport *r, const struct gr_table *t,
		     struct gr_strbuf *out);
	/* A line of document text (title, prose, organ): as it is, or
	 * escaped. */
	void (*line)(struct gr_strbuf *out, const char *s, size_t len);
};

static void
text_line(struct gr_strbuf *out, const char *s, size_t len)
{
	gr_strbuf_append(out, s, len);
}

static void
md_line(struct gr_strbuf *out, const char *s, size_t len)
{
	gr_md_escape(out, s, len, GR_MD_LINE);
}

static void
prose(const struct govreport *r, const struct style *st, enum gr_part part,
      enum govreport_field field, struct gr_strbuf *out)
{
	const char *text = r->fields[field], *line;
	size_t len;

	if (!text)
		return;
	gr_strbuf_puts(out, st->heading);
	gr_render_heading(part, out);
	gr_strbuf_puts(out, "\n\n");
	while (gr_render_next_line(&text, &line, &len)) {
		if (!len)
			continue;
		st->line(out, line, len);
		gr_strbuf_puts(out, "\n\n");
	}
}

static int
table_part(const struct govreport *r, const struct style *st, enum gr_part part,
	   enum govreport_section section, struct gr_strbuf *out)
{
	if (!r->tpl || !gr_report_cells(r, section))
		return 0;
	gr_strbuf_puts(out, st->heading);
	gr_render_heading(part, out);
	gr_strbuf_puts(out, "\n\n");
	return st->table(r, gr_table_get(r->tpl, section), out);
}

static int
document(const struct govreport *r, const struct style *st, struct gr_strbuf *out)
{
	const char *title = r->fields[GOVREPORT_FIELD_TITLE];
	const char *organ = r->fields[GOVREPORT_FIELD_ORGAN];
	const char *published = r->fields[GOVREPORT_FIELD_PUBLISHED];
	struct gr_strbuf intro;
	size_t len;

	if (title) {
		gr_strbuf_puts(out, st->title);
		st->line(out, title, strlen(title));
		gr_strbuf_puts(out, "\n\n");
	}
	gr_strbuf_init(&intro);
	gr_render_intro(r, &intro);
	for (const char *text = intro.data, *line; gr_render_next_line(&text, &line, &len);) {
		if (!len)
			continue;
		st->line(out, line, len);
		gr_strbuf_puts(out, "\n\n");
	}
	if (gr_strbuf_failed(&intro)) {
		gr_strbuf_release(&intro);
		return -1;
	}
	gr_strbuf_release(&intro);
	prose(r, st, GR_PART_OVERVIEW, GOVREPORT_FIELD_OVERVIEW, out);
	if (table_part(r, st, GR_PART_DISCLOSURE, GOVREPORT_SECTION_ACTIVE_DISCLOSURE, out) < 0 ||
	    table_part(r, st, GR_PART_APPLICATIONS, GOVREPORT_SECTION_APPLICATIONS, out) < 0 ||
	    table_part(r, st, GR_PART_REVIEW, GOVREPORT_SECTION_REVIEW_LITIGATION, out) < 0)
		return -1;
	prose(r, st, GR_PART_PROBLEMS, GOVREPORT_FIELD_PROBLEMS, out);
	prose(r, st, GR_PART_OTHER, GOVREPORT_FIELD_OTHER_MATTERS, out);
	if (published) {
		if (organ) {
			st->line(out, organ, strlen(organ));
			gr_strbuf_puts(out, "\n\n");
		}
		gr_render_date(published, out);
		gr_strbuf_putc(out, '\n');
	}
	return 0;
}

int
gr_render_markdown(const struct govreport *r, unsigned flags, struct gr_strbuf *out)
{
	static const struct style markdown = { "# ", "## ", md_table, md_line };

	(void)flags;
	return document(r, &markdown, out);
}

int
gr_render_text(const struct govreport *r, unsigned flags, struct gr_strbuf *out)
{
	static const struct style text = { "", "", text_table, text_line };

	(void)flags;
	return document(r, &text, out);
}
