/* A table's values in print order over more cells; see sequence.h. */
#include <string.h>

#include "util/alloc.h"
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
	/* [neq]: 1 when every cell of the equation is in one row, 0 when
	 * across rows, 2 when a cell is not placed here. */
	unsigned char *own;
	unsigned char *from;   /* [(nrows + 1) × (k + 1)]: reachable from the start */
	unsigned char *to;     /* [(nrows + 1) × (k + 1)]: can reach the end */
	/* [nrows × (k + 1)] sets of masks: the readings (j, mask) of a row
	 * that its own equations accept (FIT_WORDS words each). */
	uint64_t *fit;
	/* Each row's own equations: row r's are own_eq[first_own[r] ..
	 * first_own[r + 1]). */
	size_t *own_eq, *first_own;
	/* 0: a cell without a value is empty (0). 1: numbers[k ..
	 * nrows × ncols) were carried out of their places, and the cells
	 * without a value, one a row at most, are theirs in order — each
	 * the value its row's own equations solve it to
	 * (gr_place_sequence_displaced). */
	int displaced;
	/* Steps the searches of several calls share (the reader tries one
	 * count of displaced numbers after another), or NULL. */
	unsigned long *steps_left;
};

#define FIT_WORDS ((1u << GR_SEQUENCE_MAX_COLUMNS) / 64)

#define AT(s, r, j) ((r) * ((s)->k + 1) + (j))

static size_t
popcount(unsigned mask)
{
	size_t n = 0;

	for (; mask; mask &= mask - 1)
		n++;
	return n;
}

/* Whether the first of row r's own equations to hold column c once
 * makes it hold with v[c] (set in v) — a displaced value must be the
 * one its cell's row solves the cell to. */
static int
solves_to(const struct rows *s, size_t r, size_t c, const int64_t *v)
{
	for (size_t i = s->first_own[r]; i < s->first_own[r + 1]; i++) {
		const struct gr_equation *eq = &s->eqs[s->own_eq[i]];
		int64_t sum = 0, coef = 0;
		for (size_t t = 0; t < eq->nlhs + eq->nrhs; t++) {
			int sign = t < eq->nlhs ? 1 : -1;
			size_t col = s->col_of[t < eq->nlhs ? eq->lhs[t] : eq->rhs[t - eq->nlhs]];
			sum += sign * v[col];
			coef += col == c ? sign : 0;
		}
		if (coef == 1 || coef == -1)
			return sum == 0;
	}
	return 0;
}

/* The index of the displaced value a cell without one in row r takes
 * when the rows before took values up to j: those cells before it that
 * had none took the ones before. */
static size_t
displaced_at(const struct rows *s, size_t r, size_t j)
{
	return s->k + (r * s->ncols - j);
}

/* Row r's cells as reading (j, mask) fills them: the values from j on,
 * in order, in the columns of mask; 0 in the others, or when displaced
 * the next displaced value. Returns 0 when there is none, or when the
 * row's own equations do not solve the cell to it. */
static int
row_values(const struct rows *s, size_t r, size_t j, unsigned mask, int64_t *v)
{
	size_t missing = NONE;

	for (size_t c = 0, at = j; c < s->ncols; c++) {
		v[c] = mask & (1u << c) ? s->numbers[at++] : 0;
		if (!(mask & (1u << c)))
			missing = c;
	}
	if (!s->displaced || missing == NONE)
		return 1;
	if (displaced_at(s, r, j) >= s->nrows * s->ncols)
		return 0;
	v[missing] = s->numbers[displaced_at(s, r, j)];
	return solves_to(s, r, missing, v);
}

/* Whether row r's own equations hold on reading (j, mask). */
static int
row_fits(const struct rows *s, size_t r, size_t j, unsigned mask)
{
	int64_t v[GR_SEQUENCE_MAX_COLUMNS];

	if (!row_values(s, r, j, mask, v))
		return 0;
	for (size_t i = s->first_own[r]; i < s->first_own[r + 1]; i++) {
		const struct gr_equation *eq = &s->eqs[s->own_eq[i]];
		int64_t sum = 0;
		for (size_t t = 0; t < eq->nlhs; t++)
			sum += v[s->col_of[eq->lhs[t]]];
		for (size_t t = 0; t < eq->nrhs; t++)
			sum -= v[s->col_of[eq->rhs[t]]];
		if (sum != 0)
			return 0;
	}
	return 1;
}

static int
fits(const struct rows *s, size_t r, size_t j, unsigned mask)
{
	return (s->fit[(r * (s->k + 1) + j) * FIT_WORDS + mask / 64] >> (mask % 64)) & 1;
}

/* Whether reading (j, mask) of row r lies on a path through all rows. */
static int
on_path(const struct rows *s, size_t r, size_t j, unsigned mask)
{
	size_t next = j + popcount(mask);

	return next <= s->k && s->from[AT(s, r, j)] && s->to[AT(s, r + 1, next)] &&
	       fits(s, r, j, mask);
}

/* Row r's readings from j that its own equations accept, once: only
 * for the (r, j) reachable from the start, which are all on_path() asks
 * about. */
static void
find_fits(struct rows *s, size_t r, size_t j)
{
	unsigned masks = 1u << s->ncols;

	for (unsigned m = 0; m < masks; m++)
		if (j + popcount(m) <= s->k &&
		    (!s->displaced || popcount(m) + 1 >= s->ncols) && row_fits(s, r, j, m))
			s->fit[(r * (s->k + 1) + j) * FIT_WORDS + m / 64] |= (uint64_t)1 << (m % 64);
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
			find_fits(s, r, j);
			for (unsigned m = 0; m < masks; m++) {
				size_t next = j + popcount(m);
				if (next <= s->k && !s->from[AT(s, r + 1, next)] && fits(s, r, j, m))
					s->from[AT(s, r + 1, next)] = 1;
			}
		}
	s->to[AT(s, s->nrows, s->k)] = 1;
	for (size_t r = s->nrows; r-- > 0;)
		for (size_t j = 0; j <= s->k; j++) {
			for (unsigned m = 0; m < masks && !s->to[AT(s, r, j)]; m++) {
				size_t next = j + popcount(m);
				if (next <= s->k && s->to[AT(s, r + 1, next)] && fits(s, r, j, m))
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

/* What column c of row r holds in reading (j, mask), the value at *at
 * next (moved past when taken). */
static struct holding
held(const struct rows *s, size_t r, size_t j, unsigned mask, size_t c, size_t *at)
{
	size_t d = displaced_at(s, r, j);

	if (mask & (1u << c)) {
		*at += 1;
		return (struct holding){ 0, s->numbers[*at - 1], *at - 1 };
	}
	if (s->displaced)
		return (struct holding){ 0, s->numbers[d], d };
	return (struct holding){ 1, 0, 0 };
}

/* Fold every reading on a path (the rows' own equations only) into
 * cell[]. */
static void
merge_readings(const struct rows *s, size_t *cell)
{
	unsigned masks = 1u << s->ncols;

	for (size_t r = 0; r < s->nrows; r++) {
		struct holding seen[GR_SEQUENCE_MAX_COLUMNS];
		int any[GR_SEQUENCE_MAX_COLUMNS] = { 0 };
		for (size_t j = 0; j <= s->k; j++)
			for (unsigned m = 0; m < masks; m++) {
				if (!on_path(s, r, j, m))
					continue;
				for (size_t c = 0, at = j; c < s->ncols; c++) {
					struct holding h = held(s, r, j, m, c, &at);
					merge(&cell[r * s->ncols + c], &seen[c], &any[c], &h);
				}
			}
	}
}

/*
 * The equations across rows, by dynamic programming over rows: a state
 * after r rows is how many values they took and what they add to each
 * such equation so far; a reading of row r leads from a state to the
 * next. States that reach the end with every equation holding are alive,
 * and so are the readings between alive states: their cells are what
 * cell[] folds. Bounded: more than GR_SEQUENCE_MAX_STATES states or
 * GR_SEQUENCE_MAX_STEPS readings leave the equations across rows unused.
 */
#define GR_SEQUENCE_MAX_STATES (1u << 12)
/* With displaced values (gr_place_sequence_displaced) a cell without a
 * value may stand anywhere in its row and moves the rest of it, so the
 * states are many more: table 三 with 7 displaced and 154 numbers in
 * place (004-figures-utf16) needs about 211,000, and 218,000 steps. */
#define GR_SEQUENCE_DISPLACED_MAX_STATES (1u << 18)
/* Readings tried at most going forward (backward tries as many again):
 * a table of 150 zeros for 175 cells needs about 60,000. */
#define GR_SEQUENCE_MAX_STEPS (1ul << 18)

struct layer {
	size_t count, cap;
	size_t *taken;        /* [cap] values taken */
	int64_t *sums;        /* [cap × neq] */
	unsigned char *alive; /* [cap] */
	size_t *slot;         /* [buckets]: state + 1, or 0 */
	size_t buckets;
};

/* A cell of a row in an equation across rows: the row's reading adds
 * its value (or takes it away) there. */
struct term {
	size_t eq, col;
	int sign;
};

struct across {
	const struct rows *s;
	size_t neq;           /* equations across rows */
	size_t *eq;           /* [neq] their indexes */
	struct layer *layers; /* [nrows + 1] */
	size_t states, max_states;
	unsigned long steps, max_steps; /* readings tried forward, and the cap */
	struct term *terms;   /* each row's, in order */
	size_t *first_term;   /* [nrows + 1]: row r's are [first_term[r], first_term[r + 1]) */
};

static uint64_t
state_hash(size_t taken, const int64_t *sums, size_t neq)
{
	uint64_t h = 1469598103934665603ull ^ taken;

	for (size_t e = 0; e < neq; e++)
		h = (h ^ (uint64_t)sums[e]) * 1099511628211ull;
	return h ^ (h >> 29);
}

static uint64_t state_hash(size_t taken, const int64_t *sums, size_t neq);

/* Twice the room, the states hashed again. Returns 0 or -1. */
static int
layer_grow(struct layer *l, size_t neq)
{
	size_t cap = l->cap * 2, buckets = l->buckets * 2;
	size_t *taken = gr_realloc(l->taken, cap * sizeof(*taken));
	int64_t *sums;
	unsigned char *alive;
	size_t *slot;

	if (!taken)
		return -1;
	l->taken = taken;
	sums = gr_realloc(l->sums, cap * (neq ? neq : 1) * sizeof(*sums));
	if (!sums)
		return -1;
	l->sums = sums;
	alive = gr_realloc(l->alive, cap);
	if (!alive)
		return -1;
	l->alive = alive;
	memset(l->alive + l->cap, 0, cap - l->cap);
	slot = gr_calloc(buckets, sizeof(*slot));
	if (!slot)
		return -1;
	gr_free(l->slot);
	l->slot = slot;
	l->buckets = buckets;
	l->cap = cap;
	for (size_t i = 0; i < l->count; i++) {
		size_t b = state_hash(l->taken[i], &l->sums[i * neq], neq) & (buckets - 1);
		while (slot[b])
			b = (b + 1) & (buckets - 1);
		slot[b] = i + 1;
	}
	return 0;
}

/* The state's index in the layer, added when `add`; NONE when absent,
 * or when past the bound (*full 1) or out of memory (*full -1). */
static size_t
layer_find(struct across *a, struct layer *l, size_t taken, const int64_t *sums, int add,
	   int *full)
{
	size_t neq = a->neq, b;

	for (b = state_hash(taken, sums, neq) & (l->buckets - 1); l->slot[b];
	     b = (b + 1) & (l->buckets - 1)) {
		size_t i = l->slot[b] - 1;
		if (l->taken[i] == taken && !memcmp(&l->sums[i * neq], sums, neq * sizeof(*sums)))
			return i;
	}
	if (!add)
		return NONE;
	if (a->states == a->max_states) {
		*full = 1;
		return NONE;
	}
	if (l->count == l->cap) {
		if (layer_grow(l, neq) < 0) {
			*full = -1;
			return NONE;
		}
		return layer_find(a, l, taken, sums, add, full);
	}
	l->taken[l->count] = taken;
	memcpy(&l->sums[l->count * neq], sums, neq * sizeof(*sums));
	l->slot[b] = ++l->count;
	a->states++;
	return l->count - 1;
}

static int
layer_init(struct layer *l, size_t cap, size_t neq)
{
	l->cap = cap;
	l->buckets = 2;
	while (l->buckets < cap * 2)
		l->buckets <<= 1;
	l->taken = gr_calloc(cap, sizeof(*l->taken));
	l->sums = gr_calloc(cap * (neq ? neq : 1), sizeof(*l->sums));
	l->alive = gr_calloc(cap, 1);
	l->slot = gr_calloc(l->buckets, sizeof(*l->slot));
	return l->taken && l->sums && l->alive && l->slot ? 0 : -1;
}

static void
layer_release(struct layer *l)
{
	gr_free(l->taken);
	gr_free(l->sums);
	gr_free(l->alive);
	gr_free(l->slot);
}

/* What reading (j, mask) of row r adds to each equation across rows. */
static void
contribution(const struct across *a, size_t r, size_t j, unsigned mask, int64_t *add)
{
	const struct rows *s = a->s;
	int64_t v[GR_SEQUENCE_MAX_COLUMNS];

	row_values(s, r, j, mask, v); /* it fits: on_path() held */
	memset(add, 0, a->neq * sizeof(*add));
	for (size_t t = a->first_term[r]; t < a->first_term[r + 1]; t++)
		add[a->terms[t].eq] += a->terms[t].sign * v[a->terms[t].col];
}

/* Each row's terms in the equations across rows. Returns 0 or -1. */
static int
make_terms(struct across *a)
{
	const struct rows *s = a->s;
	size_t n = 0;

	for (size_t e = 0; e < a->neq; e++)
		n += s->eqs[a->eq[e]].nlhs + s->eqs[a->eq[e]].nrhs;
	a->terms = gr_calloc(n ? n : 1, sizeof(*a->terms));
	a->first_term = gr_calloc(s->nrows + 1, sizeof(*a->first_term));
	if (!a->terms || !a->first_term)
		return -1;
	n = 0;
	for (size_t r = 0; r < s->nrows; r++) {
		a->first_term[r] = n;
		for (size_t e = 0; e < a->neq; e++) {
			const struct gr_equation *eq = &s->eqs[a->eq[e]];
			for (size_t t = 0; t < eq->nlhs + eq->nrhs; t++) {
				int lhs = t < eq->nlhs;
				size_t c = lhs ? eq->lhs[t] : eq->rhs[t - eq->nlhs];
				if (s->row_of[c] == r)
					a->terms[n++] = (struct term){ e, s->col_of[c], lhs ? 1 : -1 };
			}
		}
	}
	a->first_term[s->nrows] = n;
	return 0;
}

/* The states after a reading (j, mask) of row r from state i of its
 * layer: what it adds, into sums. */
static void
step_sums(const struct across *a, const struct layer *from, size_t i, size_t r,
	  unsigned mask, int64_t *add, int64_t *sums)
{
	contribution(a, r, from->taken[i], mask, add);
	for (size_t e = 0; e < a->neq; e++)
		sums[e] = from->sums[i * a->neq + e] + add[e];
}

/* Layer r + 1 from layer r. Returns 0, 1 when past the bound, -1. */
static int
forward(struct across *a, size_t r, int64_t *add, int64_t *sums)
{
	const struct rows *s = a->s;
	struct layer *from = &a->layers[r], *to = &a->layers[r + 1];
	unsigned masks = 1u << s->ncols;
	int full = 0;

	if (layer_init(to, 64, a->neq) < 0)
		return -1;
	for (size_t i = 0; i < from->count && !full; i++)
		for (unsigned m = 0; m < masks && !full; m++) {
			if (!on_path(s, r, from->taken[i], m))
				continue;
			if (++a->steps > a->max_steps)
				return 1;
			step_sums(a, from, i, r, m, add, sums);
			layer_find(a, to, from->taken[i] + popcount(m), sums, 1, &full);
		}
	return full < 0 ? -1 : full;
}

/* Row r's readings between alive states, folded into cell[]; the states
 * of layer r that lead to one are alive. */
static void
backward(struct across *a, size_t r, int64_t *add, int64_t *sums, size_t *cell)
{
	const struct rows *s = a->s;
	struct layer *from = &a->layers[r], *to = &a->layers[r + 1];
	struct holding seen[GR_SEQUENCE_MAX_COLUMNS];
	int had[GR_SEQUENCE_MAX_COLUMNS] = { 0 }, full = 0;
	unsigned masks = 1u << s->ncols;

	for (size_t i = 0; i < from->count; i++)
		for (unsigned m = 0; m < masks; m++) {
			size_t j = from->taken[i], next;
			if (!on_path(s, r, j, m))
				continue;
			step_sums(a, from, i, r, m, add, sums);
			next = layer_find(a, to, j + popcount(m), sums, 0, &full);
			if (next == NONE || !to->alive[next])
				continue;
			from->alive[i] = 1;
			for (size_t c = 0, at = j; c < s->ncols; c++) {
				struct holding h = held(s, r, j, m, c, &at);
				merge(&cell[r * s->ncols + c], &seen[c], &had[c], &h);
			}
		}
}

/*
 * The readings alive under every equation, folded into cell[]. Returns 1
 * when done, 0 when past the bound or when no reading is alive (cell[]
 * untouched), -1 when out of memory.
 */
static int
run_across(struct across *a, size_t *cell)
{
	const struct rows *s = a->s;
	struct layer *last = &a->layers[s->nrows];
	size_t neq = a->neq;
	int64_t *sums = gr_calloc(neq ? neq : 1, sizeof(*sums));
	int64_t *add = gr_calloc(neq ? neq : 1, sizeof(*add));
	int status = 0, full = 0, any = 0;

	if (!sums || !add || layer_init(&a->layers[0], 1, neq) < 0) {
		status = -1;
		goto out;
	}
	layer_find(a, &a->layers[0], 0, sums, 1, &full);
	for (size_t r = 0; r < s->nrows && status == 0; r++)
		status = forward(a, r, add, sums);
	if (status != 0) {
		status = status < 0 ? -1 : 0;
		goto out;
	}
	for (size_t i = 0; i < last->count; i++) {
		int holds = last->taken[i] == s->k;
		for (size_t e = 0; e < neq && holds; e++)
			holds = last->sums[i * neq + e] == 0;
		last->alive[i] = (unsigned char)holds;
		any |= holds;
	}
	if (!any)
		goto out;
	for (size_t r = s->nrows; r-- > 0;)
		backward(a, r, add, sums, cell);
	status = 1;
out:
	gr_free(sums);
	gr_free(add);
	return status;
}

/* The equations across rows (not a row's own), for run_across(). */
static int
across_rows(const struct rows *s, size_t *cell)
{
	struct across a = { s, 0, NULL, NULL, 0,
			    s->displaced ? GR_SEQUENCE_DISPLACED_MAX_STATES : GR_SEQUENCE_MAX_STATES,
			    0, GR_SEQUENCE_MAX_STEPS, NULL, NULL };
	int status = -1;

	if (s->steps_left && *s->steps_left < a.max_steps)
		a.max_steps = *s->steps_left;
	a.eq = gr_calloc(s->neq ? s->neq : 1, sizeof(*a.eq));
	a.layers = gr_calloc(s->nrows + 1, sizeof(*a.layers));
	if (a.eq && a.layers) {
		for (size_t e = 0; e < s->neq; e++)
			if (s->own[e] == 0)
				a.eq[a.neq++] = e;
		status = a.neq == 0 ? 0 : make_terms(&a) < 0 ? -1 : run_across(&a, cell);
	}
	gr_free(a.terms);
	gr_free(a.first_term);
	for (size_t r = 0; a.layers && r <= s->nrows; r++)
		layer_release(&a.layers[r]);
	gr_free(a.layers);
	gr_free(a.eq);
	if (s->steps_left)
		*s->steps_left -= a.steps < *s->steps_left ? a.steps : *s->steps_left;
	return status;
}

static int
place(const int64_t *numbers, size_t k, size_t nrows, size_t ncols, const size_t *order,
      size_t ncells, const struct gr_equation *eqs, size_t neq, size_t *cell,
      int displaced, unsigned long *steps_left)
{
	struct rows s = { numbers, k, nrows, ncols, ncells, order, eqs, neq,
			  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, displaced,
			  steps_left };
	size_t nown = 0;
	int status = -1;

	if (ncols == 0 || ncols > GR_SEQUENCE_MAX_COLUMNS || k > nrows * ncols)
		return -1;
	for (size_t p = 0; p < nrows * ncols; p++)
		cell[p] = GR_PLACE_UNSURE;
	s.row_of = gr_malloc((ncells ? ncells : 1) * sizeof(*s.row_of));
	s.col_of = gr_calloc(ncells ? ncells : 1, sizeof(*s.col_of));
	s.own = gr_calloc(neq ? neq : 1, 1);
	s.from = gr_calloc((nrows + 1) * (k + 1), 1);
	s.to = gr_calloc((nrows + 1) * (k + 1), 1);
	s.fit = gr_calloc(nrows * (k + 1) * FIT_WORDS, sizeof(*s.fit));
	s.own_eq = gr_calloc(neq ? neq : 1, sizeof(*s.own_eq));
	s.first_own = gr_calloc(nrows + 1, sizeof(*s.first_own));
	if (!s.row_of || !s.col_of || !s.own || !s.from || !s.to || !s.fit || !s.own_eq ||
	    !s.first_own)
		goto out;
	for (size_t c = 0; c < ncells; c++)
		s.row_of[c] = NONE;
	for (size_t p = 0; p < nrows * ncols; p++) {
		s.row_of[order[p]] = p / ncols;
		s.col_of[order[p]] = p % ncols;
	}
	/* A row's own equations: every term in that one row. An equation
	 * with a cell outside the rows placed says nothing here. */
	for (size_t e = 0; e < neq; e++) {
		const struct gr_equation *eq = &eqs[e];
		size_t row = eq->nlhs && eq->lhs[0] < ncells ? s.row_of[eq->lhs[0]] : NONE;
		int own = row != NONE, inside = 1;
		for (size_t t = 0; t < eq->nlhs + eq->nrhs; t++) {
			size_t c = t < eq->nlhs ? eq->lhs[t] : eq->rhs[t - eq->nlhs];
			inside &= c < ncells && s.row_of[c] != NONE;
			own &= inside && s.row_of[c] == row;
		}
		s.own[e] = (unsigned char)(own ? 1 : inside ? 0 : 2);
	}
	for (size_t r = 0; r < nrows; r++) {
		s.first_own[r] = nown;
		for (size_t e = 0; e < neq; e++)
			if (s.own[e] == 1 && s.row_of[eqs[e].lhs[0]] == r)
				s.own_eq[nown++] = e;
	}
	s.first_own[nrows] = nown;
	run_forward_backward(&s);
	if (!s.to[AT(&s, 0, 0)]) {
		status = 0;
		goto out;
	}
	status = across_rows(&s, cell);
	if (status == 0 && !displaced)
		merge_readings(&s, cell);
	if (status == 0 && displaced) {
		/* Past the bounds, or no reading holds every equation: a
		 * displaced reading is taken only when they all held. */
		for (size_t p = 0; p < nrows * ncols; p++)
			cell[p] = GR_PLACE_UNSURE;
	} else if (status >= 0) {
		status = 1;
	}
out:
	gr_free(s.row_of);
	gr_free(s.col_of);
	gr_free(s.own);
	gr_free(s.from);
	gr_free(s.to);
	gr_free(s.fit);
	gr_free(s.own_eq);
	gr_free(s.first_own);
	return status;
}

int
gr_place_sequence(const int64_t *numbers, size_t k, size_t nrows, size_t ncols,
		  const size_t *order, size_t ncells, const struct gr_equation *eqs,
		  size_t neq, size_t *cell)
{
	return place(numbers, k, nrows, ncols, order, ncells, eqs, neq, cell, 0, NULL);
}

int
gr_place_sequence_displaced(const int64_t *numbers, size_t k, size_t nrows, size_t ncols,
			    const size_t *order, size_t ncells,
			    const struct gr_equation *eqs, size_t neq, size_t *cell,
			    unsigned long *steps_left)
{
	return place(numbers, k, nrows, ncols, order, ncells, eqs, neq, cell, 1, steps_left);
}
