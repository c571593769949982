/*
 * What a table cell's text says: nothing, a number, a dash ("nothing to
 * report"), or text where a number belongs (SPEC §2, "cell content").
 */
#ifndef GR_CELLVALUE_H
#define GR_CELLVALUE_H

#include <stddef.h>
#include <stdint.h>

enum gr_value_kind {
	GR_VALUE_BLANK = 0,
	GR_VALUE_NUMBER = 1,
	GR_VALUE_DASH = 2,
	GR_VALUE_TEXT = 3,
	GR_VALUE_OVERFLOW = 4, /* a number too large to hold (beyond int64) */
};

struct gr_value {
	enum gr_value_kind kind;
	int64_t coefficient; /* value × 10^scale */
	unsigned scale;      /* decimal places as written */
	unsigned extra;      /* further numbers in the same cell (0 0 0) */
	int unit;            /* a unit or footnote mark followed the number */
};

/* Read a cell's (normalised, NFKC) text. */
void gr_value_parse(const char *s, size_t len, struct gr_value *value);

/*
 * Whether a cell is a value (a number, even one too large to hold, or a
 * dash), not a blank or text: a value takes a column of its row.
 */
static inline int
gr_value_is_filled(const struct gr_value *v)
{
	return v->kind == GR_VALUE_NUMBER || v->kind == GR_VALUE_DASH ||
	       v->kind == GR_VALUE_OVERFLOW;
}

#endif
