/*
 * The text reader: documents whose cells are marked line by line (cells
 * ending in " |", tab-indented cells, Markdown rows, one paragraph per
 * cell) read into the representation of input/grid.h.
 */
#ifndef GR_CELLS_H
#define GR_CELLS_H

#include <stddef.h>
#include <stdint.h>

#include "input/grid.h"
#include "text.h"

/* Split the document into items. Returns 0, or -1 when out of memory. */
int gr_items_build(const struct gr_text *text, struct gr_items *out);

#endif
