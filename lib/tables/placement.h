/*
 * Where a row's values go when the shape does not say which of its cells
 * were empty (SPEC §2 items 11 and 15: one-line web text and plain
 * pdftotext drop an empty cell without a trace): k values in order over
 * n > k cells. Every way to place them is a reading; a predicate (the
 * table's equations) keeps some. A cell takes what every kept reading
 * puts there; where they disagree it is unsure, and the caller makes it
 * null with CELL_AMBIGUOUS — never a guess.
 */
#ifndef GR_PLACEMENT_H
#define GR_PLACEMENT_H

#include <stddef.h>

/* The most cells placed over (table 四's 15, a row of table 三's 7). */
#define GR_PLACE_MAX_CELLS 16

/* What a cell holds in the kept readings, beside a value's index. */
#define GR_PLACE_EMPTY ((size_t)-1)  /* empty in every one */
#define GR_PLACE_UNSURE ((size_t)-2) /* they disagree, or none was kept */

/* Whether a reading fits: at[j] is the cell of value j (ascending). */
typedef int (*gr_place_fits_fn)(const size_t *at, size_t k, size_t n, void *ctx);

/*
 * Place k values over n cells (0 < k < n <= GR_PLACE_MAX_CELLS): fills
 * cell[0..n) with a value's index, GR_PLACE_EMPTY or GR_PLACE_UNSURE, and
 * returns how many readings fit (0: every cell unsure), or -1 when k or
 * n is out of range.
 */
long gr_place_values(size_t k, size_t n, gr_place_fits_fn fits, void *ctx, size_t *cell);

#endif
