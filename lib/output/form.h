/*
 * The official form of a table (SPEC §7): its layout worked out once, from
 * the template description alone (template.h), as a grid of label and
 * value cells with their spans. HTML writes the form with rowspan/colspan
 * (render_html.c); Markdown and plain text write it flattened, a merged
 * cell's text once and the row labels of the stub in one column
 * (render_text.c).
 */
#ifndef GR_FORM_H
#define GR_FORM_H

#include <stddef.h>

#include "model/report.h"

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

#endif
