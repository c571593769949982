/*
 * The report as an HTML page: unstyled for a CMS to style (each value
 * cell named by data-section, data-row and data-column), with a built-in
 * style sheet that looks and prints like the official form
 * (GOVREPORT_RENDER_PAGE), or annotated for people checking a report
 * before it goes online (GOVREPORT_RENDER_ANNOTATE). See render.h.
 */
#include <string.h>

#include "output/form.h"
#include "output/render.h"
#include "output/render_pieces.h"

_Static_assert(sizeof(enum govreport_render_format) == sizeof(int), "enum size");

/* Text as HTML: markup characters escaped, and every space after another
 * written as a no-break space, so that a browser (and the parser) keeps
 * runs of spaces that the text has. */
static void
escape(struct gr_strbuf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (s[i]) {
		case '&':
			gr_strbuf_puts(out, "&amp;");
			break;
		case '<':
			gr_strbuf_puts(out, "&lt;");
			break;
		case '>':
			gr_strbuf_puts(out, "&gt;");
			break;
		case '"':
			gr_strbuf_puts(out, "&quot;");
			break;
		case ' ':
			gr_strbuf_puts(out, i > 0 && s[i - 1] == ' ' ? "&#160;" : " ");
			break;
		case '\n':
			gr_strbuf_puts(out, "&#10;");
			break;
		default:
			gr_strbuf_putc(out, s[i]);
		}
	}
}

static void
escape_str(struct gr_strbuf *out, const char *s)
{
	escape(out, s, strlen(s));
}

/* An element of text; klass NULL for none. */
static void
paragraph(struct gr_strbuf *out, const char *tag, const char *klass, const char *s,
	  size_t len)
{
	gr_strbuf_printf(out, "<%s", tag);
	if (klass)
		gr_strbuf_printf(out, " class=\"%s\"", klass);
	gr_strbuf_putc(out, '>');
	escape(out, s, len);
	gr_strbuf_printf(out, "</%s>\n", tag);
}

/* ---- annotation ---------------------------------------------------------- */

struct notes {
	const struct govreport *r;
	unsigned flags;
	int annotate;
	size_t next; /* the number the next note gets */
};

static const char *const severity_class[] = { "gr-info", "gr-warning", "gr-error" };

static const char *
message(const struct notes *n, const struct gr_diag *d)
{
	const char *m = (n->flags & GOVREPORT_LANG_EN) ? d->message_en : d->message_zh;
	return m ? m : "";
}

static int
id_is(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Whether the diagnostic names this cell of the form. */
static int
names_cell(const struct gr_diag *d, const struct gr_form_cell *c)
{
	if (d->row && d->column)
		return c->role == GR_FORM_VALUE && id_is(c->ref.row->id, d->row) &&
		       id_is(c->ref.column->id, d->column);
	if (d->row)
		return c->role == GR_FORM_ROW && id_is(c->ref.row->id, d->row);
	if (d->column)
		return c->role == GR_FORM_COLUMN && id_is(c->ref.column->id, d->column);
	return 0;
}

static int
about_table(const struct gr_diag *d, const struct gr_table *t)
{
	return id_is(d->section, t->id);
}

/* Notes of a table are numbered from `first` in the report's order.
 * Returns the highest severity of the diagnostics naming the cell, or -1. */
static int
cell_marks(const struct notes *n, const struct gr_form *f,
	   const struct gr_form_cell *c, size_t first, struct gr_strbuf *out)
{
	const struct gr_diags *diags = &n->r->diags;
	size_t number = first;
	int severity = -1, titled = 0;

	for (size_t i = 0; i < diags->count; i++) {
		const struct gr_diag *d = &diags->items[i];
		if (!about_table(d, f->table))
			continue;
		if (names_cell(d, c) && (int)d->severity > severity)
			severity = (int)d->severity;
	}
	if (severity < 0)
		return -1;
	gr_strbuf_printf(out, " class=\"%s\" title=\"", severity_class[severity]);
	for (size_t i = 0; i < diags->count; i++) {
		const struct gr_diag *d = &diags->items[i];
		if (!about_table(d, f->table))
			continue;
		if (names_cell(d, c)) {
			if (titled++)
				gr_strbuf_puts(out, "&#10;");
			gr_strbuf_printf(out, "[%zu] ", number);
			escape_str(out, message(n, d));
		}
		number++;
	}
	gr_strbuf_putc(out, '"');
	return severity;
}

static void
cell_refs(const struct notes *n, const struct gr_form *f,
	  const struct gr_form_cell *c, size_t first, struct gr_strbuf *out)
{
	const struct gr_diags *diags = &n->r->diags;
	size_t number = first;
	int any = 0;

	for (size_t i = 0; i < diags->count; i++) {
		const struct gr_diag *d = &diags->items[i];
		if (!about_table(d, f->table))
			continue;
		if (names_cell(d, c))
			gr_strbuf_printf(out, "%s%zu", any++ ? "," : "<sup class=\"gr-ref\">",
					 number);
		number++;
	}
	if (any)
		gr_strbuf_puts(out, "</sup>");
}

static void
line_note(const struct notes *n, const struct gr_diag *d, struct gr_strbuf *out)
{
	if (!d->line)
		return;
	if (n->flags & GOVREPORT_LANG_EN)
		gr_strbuf_printf(out, " (line %zu)", d->line);
	else
		gr_strbuf_printf(out, "（第%zu行）", d->line);
}

static void
note_item(const struct notes *n, const struct gr_diag *d, size_t number,
	  struct gr_strbuf *out)
{
	gr_strbuf_printf(out, "<li class=\"%s\"", severity_class[d->severity]);
	if (number)
		gr_strbuf_printf(out, " value=\"%zu\" id=\"gr-note-%zu\"", number, number);
	gr_strbuf_printf(out, "><code>%s</code> ", gr_code_name(d->code));
	escape_str(out, message(n, d));
	line_note(n, d, out);
	gr_strbuf_puts(out, "</li>\n");
}

/* The numbered notes under a table: every diagnostic about it. */
static void
table_notes(struct notes *n, const struct gr_table *t, struct gr_strbuf *out)
{
	const struct gr_diags *diags = &n->r->diags;
	size_t first = n->next;

	for (size_t i = 0; i < diags->count; i++) {
		const struct gr_diag *d = &diags->items[i];
		if (!about_table(d, t))
			continue;
		if (n->next == first)
			gr_strbuf_printf(out, "<ol class=\"gr-notes\" start=\"%zu\">\n", first);
		note_item(n, d, n->next++, out);
	}
	if (n->next != first)
		gr_strbuf_puts(out, "</ol>\n");
}

/* The diagnostics that no rendered table takes. */
static int
placed(const struct govreport *r, const struct gr_diag *d)
{
	for (int s = 0; r->tpl && s < GR_SECTION_COUNT; s++)
		if (gr_report_cells(r, r->tpl->tables[s].section) &&
		    about_table(d, &r->tpl->tables[s]))
			return 1;
	return 0;
}

static void
summary(const struct notes *n, struct gr_strbuf *out)
{
	const struct gr_diags *diags = &n->r->diags;
	size_t counts[3] = { 0, 0, 0 }, listed = 0;
	int en = (n->flags & GOVREPORT_LANG_EN) != 0;

	for (size_t i = 0; i < diags->count; i++)
		counts[diags->items[i].severity]++;
	gr_strbuf_printf(out, "<section class=\"gr-diagnostics\">\n<h2>%s</h2>\n",
			 en ? "Diagnostics" : "检查结果");
	if (en)
		gr_strbuf_printf(out, "<p class=\"gr-summary\">%zu errors, %zu warnings, "
				 "%zu notices.</p>\n", counts[2], counts[1], counts[0]);
	else
		gr_strbuf_printf(out, "<p class=\"gr-summary\">错误%zu项，警告%zu项，"
				 "提示%zu项。</p>\n", counts[2], counts[1], counts[0]);
	for (size_t i = 0; i < diags->count; i++) {
		const struct gr_diag *d = &diags->items[i];
		if (placed(n->r, d))
			continue;
		if (!listed++)
			gr_strbuf_puts(out, "<ul>\n");
		note_item(n, d, 0, out);
	}
	if (listed)
		gr_strbuf_puts(out, "</ul>\n");
	gr_strbuf_puts(out, "</section>\n");
}

/* ---- tables -------------------------------------------------------------- */

/* Headers: captions, column headers, and the row labels of a table read
 * across (table 四), which head its columns. */
static int
is_header(const struct gr_form *f, const struct gr_form_cell *c)
{
	return c->role == GR_FORM_CAPTION || c->role == GR_FORM_STUB ||
	       c->role == GR_FORM_BAND || c->role == GR_FORM_COLUMN ||
	       (f->stub_cols == 0 && c->role != GR_FORM_VALUE);
}

/* What a script finds a value cell by: the ids of SPEC §1, as the
 * template spells them. */
static void
cell_ids(const struct gr_form *f, const struct gr_form_cell *c, struct gr_strbuf *out)
{
	gr_strbuf_puts(out, " data-section=\"");
	escape_str(out, f->table->id);
	gr_strbuf_puts(out, "\" data-row=\"");
	escape_str(out, c->ref.row->id);
	gr_strbuf_puts(out, "\" data-column=\"");
	escape_str(out, c->ref.column->id);
	gr_strbuf_putc(out, '"');
}

static int
table(struct notes *n, const struct gr_table *t, struct gr_strbuf *out)
{
	const struct gr_cell *cells = gr_report_cells(n->r, t->section);
	struct gr_form form;
	struct gr_strbuf value;
	size_t k = 0;

	if (gr_form_build(t, &form) < 0)
		return -1;
	gr_strbuf_init(&value);
	gr_strbuf_printf(out, "<table class=\"govreport govreport-%s\">\n", t->id);
	for (size_t row = 0; row < form.nrows; row++) {
		gr_strbuf_puts(out, "<tr>");
		for (; k < form.count && form.cells[k].row == row; k++) {
			const struct gr_form_cell *c = &form.cells[k];
			const char *tag = is_header(&form, c) ? "th" : "td";
			int marked = -1;
			gr_strbuf_printf(out, "<%s", tag);
			if (c->rowspan > 1)
				gr_strbuf_printf(out, " rowspan=\"%zu\"", c->rowspan);
			if (c->colspan > 1)
				gr_strbuf_printf(out, " colspan=\"%zu\"", c->colspan);
			if (c->role == GR_FORM_VALUE)
				cell_ids(&form, c, out);
			if (n->annotate)
				marked = cell_marks(n, &form, c, n->next, out);
			gr_strbuf_putc(out, '>');
			if (c->role == GR_FORM_VALUE) {
				const struct gr_cell *cell = &cells[c->ref.index];
				value.len = 0;
				gr_strbuf_append(&value, "", 0);
				/* A cell a finding names shows what the document
				 * wrote ("3 4", "12件"), for the reader to check. */
				if (marked >= 0 && cell->raw)
					gr_strbuf_puts(&value, cell->raw);
				else
					gr_render_value(cell, &value);
				if (value.data)
					escape(out, value.data, value.len);
			} else {
				escape_str(out, c->text);
			}
			if (n->annotate)
				cell_refs(n, &form, c, n->next, out);
			gr_strbuf_printf(out, "</%s>", tag);
		}
		gr_strbuf_puts(out, "</tr>\n");
	}
	gr_strbuf_puts(out, "</table>\n");
	if (n->annotate)
		table_notes(n, t, out);
	gr_form_release(&form);
	if (gr_strbuf_failed(&value)) {
		gr_strbuf_release(&value);
		return -1;
	}
	gr_strbuf_release(&value);
	return 0;
}

/* ---- the page ------------------------------------------------------------ */

/*
 * The look of the official form (GOVREPORT_RENDER_PAGE): the templates'
 * tables ruled in thin black lines, headers and figures centred, row
 * labels to the left, Song type in the tables and FangSong in the text as
 * government documents are set; printed on A4 with no row split across
 * pages. Fonts fall back to any serif.
 */
static const char form_style[] =
	"body{font-family:FangSong,STFangsong,\"仿宋\",\"仿宋_GB2312\",serif;"
	"font-size:16px;line-height:1.6;color:#000;background:#fff;"
	"max-width:60em;margin:1em auto;padding:0 1em}\n"
	"h1{font-family:SimSun,\"宋体\",\"Songti SC\",serif;font-size:1.6em;"
	"text-align:center;margin:1em 0}\n"
	"h2{font-family:SimHei,\"黑体\",\"Heiti SC\",sans-serif;font-size:1em;"
	"font-weight:normal;margin:1.2em 0 .4em;break-after:avoid}\n"
	"p{text-indent:2em;margin:.3em 0}\n"
	"p.govreport-signature{text-align:right;text-indent:0}\n"
	"table.govreport{border-collapse:collapse;width:100%;margin:.6em 0 1.2em;"
	"font-family:SimSun,\"宋体\",\"Songti SC\",serif;font-size:.8em;line-height:1.35;"
	"break-inside:avoid}\n"
	"table.govreport th,table.govreport td{border:1px solid #000;padding:.25em .4em;"
	"text-align:center;vertical-align:middle;font-weight:normal}\n"
	"table.govreport td{text-align:left}\n"
	"table.govreport td[data-row]{text-align:center}\n"
	"table.govreport tr{break-inside:avoid}\n"
	"@page{size:A4;margin:2.5cm 2cm}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:12pt}"
	"table.govreport{font-size:9pt}}\n";

/* The marks of the annotated page, over the form's look. Printed as
 * shown: a checker's printout keeps its colours. */
static const char annotate_style[] =
	".gr-error,.gr-warning,.gr-info{print-color-adjust:exact;-webkit-print-color-adjust:exact}\n"
	".gr-error{background:#fdd;outline:2px solid #c00;outline-offset:-2px}\n"
	".gr-warning{background:#fff0c2;outline:2px solid #d80;outline-offset:-2px}\n"
	".gr-info{background:#e6f0ff;outline:1px solid #47c;outline-offset:-1px}\n"
	"sup.gr-ref{color:#a00;font-weight:bold;margin-left:.2em}\n"
	"ol.gr-notes,section.gr-diagnostics ul{font-size:.9em}\n"
	"ol.gr-notes li,section.gr-diagnostics li{background:none;outline:none;margin:.2em 0}\n"
	"li.gr-error code{color:#c00}li.gr-warning code{color:#a60}li.gr-info code{color:#47c}\n"
	"section.gr-diagnostics{border:1px solid #aaa;padding:.5em 1em;margin-bottom:2em}\n"
	"section.gr-diagnostics p{text-indent:0}\n";

static void
prose(const struct govreport *r, enum gr_part part, enum govreport_field field,
      struct gr_strbuf *out)
{
	const char *text = r->fields[field], *line;
	size_t len;

	if (!text)
		return;
	gr_strbuf_puts(out, "<h2>");
	gr_render_heading(part, out);
	gr_strbuf_puts(out, "</h2>\n");
	while (gr_render_next_line(&text, &line, &len))
		if (len)
			paragraph(out, "p", NULL, line, len);
}

static int
table_part(struct notes *n, enum gr_part part, enum govreport_section section,
	   struct gr_strbuf *out)
{
	const struct govreport *r = n->r;

	if (!r->tpl || !gr_report_cells(r, section))
		return 0;
	gr_strbuf_puts(out, "<h2>");
	gr_render_heading(part, out);
	gr_strbuf_puts(out, "</h2>\n");
	return table(n, gr_table_get(r->tpl, section), out);
}

int
gr_render_html(const struct govreport *r, unsigned flags, struct gr_strbuf *out)
{
	struct notes n = { r, flags, (flags & GOVREPORT_RENDER_ANNOTATE) != 0, 1 };
	const char *title = r->fields[GOVREPORT_FIELD_TITLE];
	const char *organ = r->fields[GOVREPORT_FIELD_ORGAN];
	const char *published = r->fields[GOVREPORT_FIELD_PUBLISHED];
	struct gr_strbuf line;
	size_t len;

	gr_strbuf_init(&line);
	gr_strbuf_puts(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
			    "<meta charset=\"utf-8\">\n<title>");
	/* The page's own title: the report's, or one made of what it says
	 * (the parser reads no <head>). */
	if (title) {
		escape_str(out, title);
	} else {
		escape_str(out, organ ? organ : "");
		if (r->year)
			gr_strbuf_printf(out, "%d年", r->year);
		gr_strbuf_puts(out, "政府信息公开工作年度报告");
	}
	gr_strbuf_puts(out, "</title>\n");
	if (n.annotate || (flags & GOVREPORT_RENDER_PAGE)) {
		gr_strbuf_puts(out, "<style>\n");
		gr_strbuf_puts(out, form_style);
		if (n.annotate)
			gr_strbuf_puts(out, annotate_style);
		gr_strbuf_puts(out, "</style>\n");
	}
	gr_strbuf_puts(out, "</head>\n<body>\n");
	if (n.annotate)
		summary(&n, out);
	if (title)
		paragraph(out, "h1", NULL, title, strlen(title));
	gr_render_intro(r, &line);
	for (const char *text = line.data, *s; gr_render_next_line(&text, &s, &len);)
		if (len)
			paragraph(out, "p", NULL, s, len);
	prose(r, GR_PART_OVERVIEW, GOVREPORT_FIELD_OVERVIEW, out);
	if (table_part(&n, GR_PART_DISCLOSURE, GOVREPORT_SECTION_ACTIVE_DISCLOSURE, out) < 0 ||
	    table_part(&n, GR_PART_APPLICATIONS, GOVREPORT_SECTION_APPLICATIONS, out) < 0 ||
	    table_part(&n, GR_PART_REVIEW, GOVREPORT_SECTION_REVIEW_LITIGATION, out) < 0) {
		gr_strbuf_release(&line);
		return -1;
	}
	prose(r, GR_PART_PROBLEMS, GOVREPORT_FIELD_PROBLEMS, out);
	prose(r, GR_PART_OTHER, GOVREPORT_FIELD_OTHER_MATTERS, out);
	if (published) {
		if (organ)
			paragraph(out, "p", "govreport-signature", organ, strlen(organ));
		line.len = 0;
		gr_render_date(published, &line);
		if (line.len)
			paragraph(out, "p", "govreport-signature", line.data, line.len);
	}
	gr_strbuf_puts(out, "</body>\n</html>\n");
	if (gr_strbuf_failed(&line)) {
		gr_strbuf_release(&line);
		return -1;
	}
	gr_strbuf_release(&line);
	return 0;
}
