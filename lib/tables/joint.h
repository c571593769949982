/*
 * Readings of several rows chosen together by a table's equations.
 *
 * Where a shape leaves a row's cells open (empty cells that leave nothing
 * in one-line or plain-pdftotext text, placement.h; digits fused across
 * cells, digitsplit.h), each such row has a list of readings that its own
 * equations accept. The column equations of the table (三: 总计 of the
 * handled rows, 一+二 = 三+四) tie rows together: a reading of one row may
 * fit only with some readings of the others. This module keeps, of each
 * row, the readings that take part in at least one choice — one reading
 * per row — under which every equation the rows touch holds; a cell is
 * then known where every kept reading agrees on it (the caller decides),
 * never chosen among them.
 *
 * An equation takes part when each of its cells is either known (a value
 * read plainly) or a cell of one of the rows; an equation with a cell that
 * is neither (null) says nothing. The search is exhaustive but bounded
 * (GR_JOINT_MAX_STEPS); when it would need more, or when no choice at all
 * satisfies the equations (a report that does not add up), nothing is
 * narrowed: every reading is kept, as each row alone allowed.
 */
#ifndef GR_JOINT_H
#define GR_JOINT_H

#include <stddef.h>
#include <stdint.h>

#include "check/equation.h"

/* Choices tried at most in one search. */
#define GR_JOINT_MAX_STEPS (1UL << 18)

/* One row of readings: cells [cell0, cell0 + n) of the table's flat cells. */
struct gr_joint_unit {
	size_t cell0, n;
	size_t nreadings;
	/* nreadings × n numbers: reading r puts values[r * n + c] in cell
	 * cell0 + c (an empty cell counts as 0, what it means here). */
	const int64_t *values;
	/* Set by gr_joint_narrow(): nreadings flags, 1 for a reading kept. */
	unsigned char *kept;
};

/*
 * Narrow the units' readings by the equations eqs[0..neq) over a table of
 * ncells cells, where cell c is known when known[c] (its number value[c]);
 * cells of the units must not be known. Sets every unit's kept[]. Returns
 * 1 when some reading was dropped, 0 when none was (every kept[] is 1),
 * -1 when out of memory.
 */
int gr_joint_narrow(const struct gr_equation *eqs, size_t neq, size_t ncells,
		    const int64_t *value, const unsigned char *known,
		    struct gr_joint_unit *units, size_t nunits);

#endif
