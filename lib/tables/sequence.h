/*
 * A table's values in print order, fewer than its cells, in a shape that
 * drops empty cells and does not keep rows apart (plain pdftotext reads a
 * table cell by cell, its labels out of place): which cells were empty is
 * for the equations to tell. Every way to place the values in order over
 * the cells is a reading; the table's equations keep some. A row's own
 * equations (三: 总计 = the applicant columns) are applied by dynamic
 * programming over rows, the state being how many values the rows before
 * took; the equations across rows (三's columns: 总计 of the handled
 * rows, 一+二 = 三+四) by a second pass whose state adds what the rows
 * before put into each of them (bounded: past GR_SEQUENCE_MAX_STATES
 * states, only the rows' own equations choose). A cell takes what every
 * kept reading puts there, and is unsure where they disagree — never a
 * guess.
 */
#ifndef GR_SEQUENCE_H
#define GR_SEQUENCE_H

#include <stddef.h>
#include <stdint.h>

#include "check/equation.h"

/* The most cells in a row placed this way (table 三's seven). */
#define GR_SEQUENCE_MAX_COLUMNS 8

/*
 * Place numbers[0..k) in order over the nrows × ncols cells whose flat
 * indexes, in print order, are order[0..nrows × ncols), k <= that count,
 * by the equations eqs[0..neq) (an empty cell counting as 0). cell[p] gets,
 * for print position p, a value's index, GR_PLACE_EMPTY or GR_PLACE_UNSURE
 * (placement.h). Returns 1 when some reading fits, 0 when none does (every
 * cell unsure), -1 when out of memory or ncols exceeds
 * GR_SEQUENCE_MAX_COLUMNS.
 */
int gr_place_sequence(const int64_t *numbers, size_t k, size_t nrows, size_t ncols,
		      const size_t *order, size_t ncells, const struct gr_equation *eqs,
		      size_t neq, size_t *cell);

/*
 * The same, where plain pdftotext carried some numbers out of their
 * places, after the table into the labels' flow: numbers[0..k) stand in
 * their places, numbers[k..nrows × ncols) are the displaced ones. The
 * numbers in place fill the cells in order but at most one a row; those
 * cells take the displaced numbers in order, each the value the row's own
 * equations solve its cell to (a cell without a value is never empty
 * here). cell[p] gets a number's index or GR_PLACE_UNSURE. Returns 1 when
 * some reading holds every equation of the table, across rows too (within
 * the bounds), 0 when none does or past the bounds (every cell unsure),
 * -1 as gr_place_sequence(). When steps_left is not NULL, the search
 * takes at most that many steps (and never more than one search's
 * bound) and subtracts those it took: calls that share it share one
 * budget, so that trying every count of displaced numbers stays bounded
 * as one search is.
 */
/* What the readings of one table by gr_place_sequence_displaced() may
 * take together, in steps of the search (two searches' bound). */
#define GR_SEQUENCE_DISPLACED_BUDGET (1ul << 19)

int gr_place_sequence_displaced(const int64_t *numbers, size_t k, size_t nrows,
				size_t ncols, const size_t *order, size_t ncells,
				const struct gr_equation *eqs, size_t neq, size_t *cell,
				unsigned long *steps_left);

#endif
