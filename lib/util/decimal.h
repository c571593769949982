/*
 * Exact decimal arithmetic on cell values: a value is coefficient ×
 * 10^-scale (struct gr_cell), never a binary float. Shared by the totals
 * (sum.c) and the differences (diff.c).
 */
#ifndef GR_DECIMAL_H
#define GR_DECIMAL_H

#include <stdint.h>

/*
 * a × 10^-as + b × 10^-bs, at the larger of the two scales. Returns 0, or
 * -1 when the result does not fit in int64_t (nothing is written then).
 */
int gr_decimal_add(int64_t a, unsigned as, int64_t b, unsigned bs,
		   int64_t *sum, unsigned *scale);

/* Whether two decimals are the same number (1.5 and 1.50 are). */
int gr_decimal_equal(int64_t a, unsigned as, int64_t b, unsigned bs);

/* The whole part, truncated toward zero: 12.345 → 12, -0.5 → 0. */
int64_t gr_decimal_trunc(int64_t coefficient, unsigned scale);

#endif
