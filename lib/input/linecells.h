/*
 * The text reader: documents whose cells are marked line by line (cells
 * ending in " |", tab-indented cells, Markdown rows, one paragraph per
 * cell) read into the representation of input/grid.h.
 */
#ifndef GR_INPUT_LINECELLS_H
#define GR_INPUT_LINECELLS_H

#include <stddef.h>
#include <stdint.h>

#include "input/grid.h"
#include "input/text.h"

/*
 * The same reading line by line, for a front end that reads some lines
 * itself (a table shape) and leaves the rest (prose, headings) to this
 * reader: new, read lines in order, finish (which frees it and returns 0,
 * or -1 when memory ran out on the way; then release the items).
 */
struct gr_line_reader;
struct gr_line_reader *gr_line_reader_new(const struct gr_text *text,
					  struct gr_items *out);
int gr_line_reader_read(struct gr_line_reader *r, size_t line);
int gr_line_reader_finish(struct gr_line_reader *r);

/* Split the document into items. Returns 0, or -1 when out of memory. */
int gr_items_build(const struct gr_text *text, struct gr_items *out);

#endif
