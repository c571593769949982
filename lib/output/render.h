/*
 * Rendering (SPEC §7): the report as a document — title, the six parts
 * with their prose and the official tables of its template, signature and
 * date — in HTML, Markdown or plain text, or its cells as long-form CSV.
 *
 * Each table's official layout is worked out once, from the template
 * description alone (template.h), as a form: a grid of label and value
 * cells with their spans. HTML writes the form with rowspan/colspan;
 * Markdown and plain text write it flattened (a merged cell's text once,
 * the row labels of the stub in one column).
 */
#ifndef GR_RENDER_H
#define GR_RENDER_H

#include <stddef.h>

#include "model/report.h"
#include "util/strbuf.h"

enum gr_form_role {
	GR_FORM_CAPTION,  /* a group's caption: 第二十条第（一）项, 申请人情况 */
	GR_FORM_STUB,     /* the header of the label column: 信息内容 */
	GR_FORM_BAND,     /* a header over several columns: 法人或其他组织 */
	GR_FORM_COLUMN,   /* a column's header: 本年制发件数 */
	GR_FORM_OUTER,    /* a stub label over several rows: 三、本年度办理结果 */
	GR_FORM_PARENT,   /* a stub label over rows: （三）不予公开, 行政诉讼 */
	GR_FORM_ROW,      /* a row's own label: 1.属于国家秘密 */
	GR_FORM_VALUE,    /* a cell of the table */
};

struct gr_form_cell {
	enum gr_form_role role;
	const char *text;                   /* labels: the official text */
	struct gr_cell_ref ref;             /* what the cell stands for: row
					     * and/or column (labels), all
					     * of it (values) */
	size_t row, col, rowspan, colspan;  /* place on the grid */
	int stub;                           /* in the stub's columns */
};

struct gr_form {
	const struct gr_table *table;
	struct gr_form_cell *cells; /* in row order, then column order */
	size_t count, cap;
	size_t nrows, ncols;
	size_t stub_cols; /* columns of row labels (0: a table read across) */
};

/* Lay out a table of the template. Returns 0 or -1 (no memory). */
int gr_form_build(const struct gr_table *table, struct gr_form *form);
void gr_form_release(struct gr_form *form);

/* The text of a value cell as the document shows it: the number (exact
 * decimal), a dash or invalid text as read, or "" for an empty cell. */
void gr_render_value(const struct gr_cell *cell, struct gr_strbuf *out);

/* The date YYYY-MM-DD as 2024年1月16日. */
void gr_render_date(const char *iso, struct gr_strbuf *out);

/*
 * What goes between the title and part 一, appended to out (one line a
 * paragraph, for gr_render_next_line()), or nothing: the report's own
 * introduction when it has one (a parsed report); and an opening sentence
 * that names the organ and the year when neither the title nor that
 * introduction does ("现公布2024年XX局政府信息公开工作年度报告。"), so
 * that parsing the rendered document finds them again.
 */
void gr_render_intro(const struct govreport *r, struct gr_strbuf *out);

/* "一、总体情况": the heading of part p as the templates number it. */
void gr_render_heading(enum gr_part p, struct gr_strbuf *out);

/* Lines of a text field, one at a time: *line and *len; 0 at the end. */
int gr_render_next_line(const char **text, const char **line, size_t *len);

int gr_render_html(const struct govreport *r, unsigned flags,
		   struct gr_strbuf *out);
int gr_render_markdown(const struct govreport *r, unsigned flags,
		       struct gr_strbuf *out);
int gr_render_text(const struct govreport *r, unsigned flags,
		   struct gr_strbuf *out);

#endif
