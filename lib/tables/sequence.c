/* A table's values in print order over more cells; see sequence.h. */
#include <string.h>

#include "util/alloc.h"
#include "tables/joint.h"
#include "tables/placement.h"
#include "tables/sequence.h"

#define NONE ((size_t)-1)

struct rows {
	const int64_t *numbers;
	size_t k, nrows, ncols, ncells;
	const size_t *order;
	const struct gr_equation *eqs;
	size_t neq;
	size_t *row_of;        /* [ncells]: the row of a flat cell, or NONE */
	size_t *col_of;        /* [ncells]: its column */
	unsigned char *own;    /* [neq]: every cell of the equation in one row */
	unsigned char *from;   /* [(nrows + 1) × (k + 1)]: reachable from the start */
	unsigned char *to;     /* [(nrows + 1) × (k + 1)]: can reach the end */
};

#define AT(s, r, j) ((r) * ((s)->k + 1) + (j))

static size_t
popcount(unsigned mask)
{
	size_t n = 0;

	for (; mask; mask &= mask - 1)
		n++;
	return n;
}

/* Row r's cells as reading (j, mask) fills them: the values from j on,
 * in order, in the columns of mask; 0 in the others. */
static void
row_values(const struct rows *s, size_t j, unsigned mask, int64_t *v)
{
	for (size_t c = 0, at = j; c < s->ncols; c++)
		v[c] = mask & (1u << c) ? s->numbers[at++] : 0;
}

/* Whether row r's own equations hold on reading (j, mask). */
static int
row_fits(const struct rows *s, size_t r, size_t j, unsigned mask)
{
	int64_t v[GR_SEQUENCE_MAX_COLUMNS];

	row_values(s, j, mask, v);
	for (size_t e = 0; e < s->neq; e++) {
		const struct gr_equation *eq = &s->eqs[e];
		int64_t sum = 0;
		if (!s->own[e] || s->row_of[eq->lhs[0]] != r)
			continue;
		for (size_t t = 0; t < eq->nlhs; t++)
			sum += v[s->col_of[eq->lhs[t]]];
		for (size_t t = 0; t < eq->nrhs; t++)
			sum -= v[s->col_of[eq->rhs[t]]];
		if (sum != 0)
			return 0;
	}
	return 1;
}

/* Whether reading (j, mask) of row r lies on a path through all rows. */
static int
on_path(const struct rows *s, size_t r, size_t j, unsigned mask)
{
	size_t next = j + popcount(mask);

	return next <= s->k && s->from[AT(s, r, j)] && s->to[AT(s, r + 1, next)] &&
	       row_fits(s, r, j, mask);
}

static void
run_forward_backward(struct rows *s)
{
	unsigned masks = 1u << s->ncols;

	s->from[AT(s, 0, 0)] = 1;
	for (size_t r = 0; r < s->nrows; r++)
		for (size_t j = 0; j <= s->k; j++) {
			if (!s->from[AT(s, r, j)])
				continue;
			for (unsigned m = 0; m < masks; m++) {
				size_t next = j + popcount(m);
				if (next <= s->k && !s->from[AT(s, r + 1, next)] && row_fits(s, r, j, m))
					s->from[AT(s, r + 1, next)] = 1;
			}
		}
	s->to[AT(s, s->nrows, s->k)] = 1;
	for (size_t r = s->nrows; r-- > 0;)
		for (size_t j = 0; j <= s->k; j++) {
			for (unsigned m = 0; m < masks && !s->to[AT(s, r, j)]; m++) {
				size_t next = j + popcount(m);
				if (next <= s->k && s->to[AT(s, r + 1, next)] && row_fits(s, r, j, m))
					s->to[AT(s, r, j)] = 1;
			}
		}
}

/* What a cell holds in a reading, for agreeing: a value's number, or
 * empty (distinct from every number). */
struct holding {
	int empty;
	int64_t number;
	size_t value;
};

static void
merge(size_t *cell, struct holding *seen, int *any, const struct holding *h)
{
	if (!*any) {
		*seen = *h;
		*cell = h->empty ? GR_PLACE_EMPTY : h->value;
		*any = 1;
	} else if (seen->empty != h->empty || (!h->empty && seen->number != h->number)) {
		*cell = GR_PLACE_UNSURE;
	}
}

/* The row's start when every path agrees on it, else NONE. */
static size_t
only_start(const struct rows *s, size_t r)
{
	size_t start = NONE;

	for (size_t j = 0; j <= s->k; j++) {
		if (!s->from[AT(s, r, j)] || !s->to[AT(s, r, j)])
			continue;
		if (start != NONE)
			return NONE;
		start = j;
	}
	return start;
}

/*
 * Where every row's start is fixed, the rows' readings (masks) are units
 * for the column equations (joint.h): kept[r][m] says which masks stay.
 * Returns 1 when they narrowed, 0 when not, -1 when out of memory.
 */
static int
narrow_across_rows(const struct rows *s, const size_t *start, unsigned char *kept)
{
	unsigned masks = 1u << s->ncols;
	struct gr_joint_unit *units = gr_calloc(s->nrows, sizeof(*units));
	int64_t *values = gr_calloc((size_t)s->nrows * masks * s->ncols, sizeof(*values));
	unsigned *which = gr_calloc((size_t)s->nrows * masks, sizeof(*which));
	unsigned char *unit_kept = gr_calloc((size_t)s->nrows * masks, 1);
	int64_t *value = gr_calloc(s->ncells, sizeof(*value));
	unsigned char *known = gr_calloc(s->ncells, 1);
	int status = -1;

	if (!units || !values || !which || !unit_kept || !value || !known)
		goto out;
	for (size_t r = 0; r < s->nrows; r++) {
		size_t n = 0, first = s->order[r * s->ncols];
		/* The cells of a row are consecutive flat cells in print order. */
		for (size_t c = 1; c < s->ncols; c++)
			if (s->order[r * s->ncols + c] != first + c) {
				status = 0;
				goto out;
			}
		for (unsigned m = 0; m < masks; m++) {
			if (!on_path(s, r, start[r], m))
				continue;
			row_values(s, start[r], m, &values[((size_t)r * masks + n) * s->ncols]);
			which[(size_t)r * masks + n++] = m;
		}
		units[r] = (struct gr_joint_unit){ first, s->ncols, n,
						   &values[(size_t)r * masks * s->ncols],
						   &unit_kept[(size_t)r * masks] };
	}
	status = gr_joint_narrow(s->eqs, s->neq, s->ncells, value, known, units, s->nrows);
	for (size_t r = 0; r < s->nrows && status > 0; r++)
		for (size_t i = 0; i < units[r].nreadings; i++)
			if (!units[r].kept[i])
				kept[(size_t)r * masks + which[(size_t)r * masks + i]] = 0;
out:
	gr_free(units);
	gr_free(values);
	gr_free(which);
	gr_free(unit_kept);
	gr_free(value);
	gr_free(known);
	return status;
}

/* Fold every kept reading of every row into cell[]. */
static void
merge_readings(const struct rows *s, const unsigned char *kept, size_t *cell)
{
	unsigned masks = 1u << s->ncols;

	for (size_t r = 0; r < s->nrows; r++) {
		struct holding seen[GR_SEQUENCE_MAX_COLUMNS];
		int any[GR_SEQUENCE_MAX_COLUMNS] = { 0 };
		for (size_t j = 0; j <= s->k; j++)
			for (unsigned m = 0; m < masks; m++) {
				if (!kept[(size_t)r * masks + m] || !on_path(s, r, j, m))
					continue;
				for (size_t c = 0, at = j; c < s->ncols; c++) {
					struct holding h = { 1, 0, 0 };
					if (m & (1u << c))
						h = (struct holding){ 0, s->numbers[at], at }, at++;
					merge(&cell[r * s->ncols + c], &seen[c], &any[c], &h);
				}
			}
	}
}

int
gr_place_sequence(const int64_t *numbers, size_t k, size_t nrows, size_t ncols,
		  const size_t *order, size_t ncells, const struct gr_equation *eqs,
		  size_t neq, size_t *cell)
{
	struct rows s = { numbers, k, nrows, ncols, ncells, order, eqs, neq,
			  NULL, NULL, NULL, NULL, NULL };
	unsigned char *kept = NULL;
	size_t *start = NULL;
	int status = -1;

	if (ncols == 0 || ncols > GR_SEQUENCE_MAX_COLUMNS || k > nrows * ncols)
		return -1;
	for (size_t p = 0; p < nrows * ncols; p++)
		cell[p] = GR_PLACE_UNSURE;
	s.row_of = gr_malloc(ncells * sizeof(*s.row_of));
	s.col_of = gr_calloc(ncells, sizeof(*s.col_of));
	s.own = gr_calloc(neq ? neq : 1, 1);
	s.from = gr_calloc((nrows + 1) * (k + 1), 1);
	s.to = gr_calloc((nrows + 1) * (k + 1), 1);
	kept = gr_malloc((size_t)nrows << ncols);
	start = gr_calloc(nrows, sizeof(*start));
	if (!s.row_of || !s.col_of || !s.own || !s.from || !s.to || !kept || !start)
		goto out;
	memset(kept, 1, (size_t)nrows << ncols);
	for (size_t c = 0; c < ncells; c++)
		s.row_of[c] = NONE;
	for (size_t p = 0; p < nrows * ncols; p++) {
		s.row_of[order[p]] = p / ncols;
		s.col_of[order[p]] = p % ncols;
	}
	/* A row's own equations: every term in that one row. */
	for (size_t e = 0; e < neq; e++) {
		const struct gr_equation *eq = &eqs[e];
		size_t row = eq->nlhs ? s.row_of[eq->lhs[0]] : NONE;
		int own = row != NONE;
		for (size_t t = 0; t < eq->nlhs + eq->nrhs && own; t++) {
			size_t c = t < eq->nlhs ? eq->lhs[t] : eq->rhs[t - eq->nlhs];
			own = c < ncells && s.row_of[c] == row;
		}
		s.own[e] = (unsigned char)own;
	}
	run_forward_backward(&s);
	if (!s.to[AT(&s, 0, 0)]) {
		status = 0;
		goto out;
	}
	for (size_t r = 0; r < nrows; r++)
		start[r] = only_start(&s, r);
	status = 1;
	for (size_t r = 0; r < nrows && start[r] != NONE; r++)
		if (r + 1 == nrows && narrow_across_rows(&s, start, kept) < 0)
			status = -1;
	if (status > 0)
		merge_readings(&s, kept, cell);
out:
	gr_free(s.row_of);
	gr_free(s.col_of);
	gr_free(s.own);
	gr_free(s.from);
	gr_free(s.to);
	gr_free(kept);
	gr_free(start);
	return status;
}
