/*
 * Text extracted from PDF with `pdftotext -layout` → the cell stream
 * (SPEC §2 item 7). Cells are aligned by runs of spaces, long labels wrap
 * onto the lines around their row's values, prose wraps at the page's
 * width, and page headers, footers and page numbers come between rows.
 * This module finds the columns and gives the items of the representation
 * (grid.h): prose and labels as lines, a value line's numbers as the cells
 * of one grid row (the line), each with its extent on the page, and the
 * columns it lacks as empty cells. The table aligner (tables.h) reads
 * what a shape states, the grid rows included.
 */
#ifndef GR_LAYOUT_H
#define GR_LAYOUT_H

#include "input/linecells.h"
#include "input/text.h"

/* Whether the (normalised) text looks like pdftotext -layout output. */
int gr_layout_detect(const struct gr_text *text);

/* What a line's columns count. */
enum gr_layout_columns {
	/* Measured: pdftotext -layout counts characters, a terminal's
	 * layout display columns; two full rows of a table tell which. */
	GR_LAYOUT_MEASURED,
	/* Display columns (a Chinese character is two wide): text laid out
	 * again from word boxes (input/bbox.c). */
	GR_LAYOUT_DISPLAY,
};

/* Split the document into items. Returns 0, or -1 when out of memory. */
int gr_layout_build(const struct gr_text *text, struct gr_items *out);
int gr_layout_build_as(const struct gr_text *text, enum gr_layout_columns columns,
		       struct gr_items *out);

#endif
