/* Exact decimals; see decimal.h. */
#include "util/decimal.h"

/* coefficient × 10^places, or -1 on overflow. */
static int
raise_scale(int64_t coefficient, unsigned places, int64_t *out)
{
	for (; places > 0; places--)
		if (__builtin_mul_overflow(coefficient, 10, &coefficient))
			return -1;
	*out = coefficient;
	return 0;
}

int
gr_decimal_add(int64_t a, unsigned as, int64_t b, unsigned bs, int64_t *sum,
	       unsigned *scale)
{
	unsigned s = as > bs ? as : bs;
	int64_t total;

	if (raise_scale(a, s - as, &a) < 0 || raise_scale(b, s - bs, &b) < 0 ||
	    __builtin_add_overflow(a, b, &total))
		return -1;
	*sum = total;
	*scale = s;
	return 0;
}

/* Drop trailing zeros of the fraction: 1500 scale 3 → 15 scale 1. */
static void
normalise(int64_t *coefficient, unsigned *scale)
{
	while (*scale > 0 && *coefficient % 10 == 0) {
		*coefficient /= 10;
		(*scale)--;
	}
}

int
gr_decimal_equal(int64_t a, unsigned as, int64_t b, unsigned bs)
{
	normalise(&a, &as);
	normalise(&b, &bs);
	return a == b && as == bs;
}

int64_t
gr_decimal_trunc(int64_t coefficient, unsigned scale)
{
	for (; scale > 0 && coefficient != 0; scale--)
		coefficient /= 10;
	return coefficient;
}
