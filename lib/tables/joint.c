/* Readings of several rows chosen together; see joint.h. */
#include <string.h>

#include "util/alloc.h"
#include "tables/joint.h"

#define NONE ((size_t)-1)
/* Sums stay far from int64's limits: numbers beyond this leave the
 * readings as they are. */
#define GR_JOINT_MAX_ABS ((int64_t)1 << 40)

/*
 * The search state. An equation "takes part" (joint.h) when every cell is
 * known or a unit's; it holds when its known part `constant[e]` and the
 * units' contributions add up to 0 (left side positive, right negative).
 * A unit's readings that contribute the same to every equation are one
 * class: the search chooses classes.
 */
struct search {
	size_t nunits, neq; /* equations taking part */
	int64_t *constant;  /* [neq] */
	/* Per unit: its classes, each class's contribution to each equation
	 * ([nclasses × neq]), the class of each reading, and the least and
	 * most it contributes, summed over the units from u on ([u × neq]). */
	size_t *nclasses;
	int64_t **contrib;
	size_t **class_of;
	int64_t *low, *high; /* [(nunits + 1) × neq] */
	unsigned char **feasible;
	size_t open;        /* classes not yet in any solution */
	unsigned long steps;
	int aborted;
	size_t *chosen;     /* [nunits] */
	int64_t *partial;   /* [(nunits + 1) × neq]: sums after u units */
};

/* Whether the equations can still hold after the first u units chose. */
static int
bounds_hold(const struct search *s, size_t u)
{
	const int64_t *sum = &s->partial[u * s->neq];

	for (size_t e = 0; e < s->neq; e++) {
		int64_t at = s->constant[e] + sum[e];
		if (at + s->low[u * s->neq + e] > 0 || at + s->high[u * s->neq + e] < 0)
			return 0;
	}
	return 1;
}

static void
search_from(struct search *s, size_t u)
{
	if (s->aborted || s->open == 0)
		return;
	if (u == s->nunits) {
		for (size_t v = 0; v < s->nunits; v++)
			if (!s->feasible[v][s->chosen[v]]) {
				s->feasible[v][s->chosen[v]] = 1;
				s->open--;
			}
		return;
	}
	for (size_t k = 0; k < s->nclasses[u] && !s->aborted && s->open; k++) {
		if (++s->steps > GR_JOINT_MAX_STEPS) {
			s->aborted = 1;
			return;
		}
		for (size_t e = 0; e < s->neq; e++)
			s->partial[(u + 1) * s->neq + e] =
				s->partial[u * s->neq + e] + s->contrib[u][k * s->neq + e];
		if (!bounds_hold(s, u + 1))
			continue;
		s->chosen[u] = k;
		search_from(s, u + 1);
	}
}

/* Which equations take part; their known parts. Returns how many. */
static size_t
pick_equations(const struct gr_equation *eqs, size_t neq, const int64_t *value,
	       const unsigned char *known, const size_t *owner, size_t *picked,
	       int64_t *constant)
{
	size_t n = 0;

	for (size_t e = 0; e < neq; e++) {
		const struct gr_equation *eq = &eqs[e];
		int64_t sum = 0;
		int owned = 0, usable = 1;
		for (size_t t = 0; t < eq->nlhs + eq->nrhs && usable; t++) {
			int lhs = t < eq->nlhs;
			size_t c = lhs ? eq->lhs[t] : eq->rhs[t - eq->nlhs];
			if (owner[c] != NONE) {
				owned = 1;
			} else if (known[c] && value[c] > -GR_JOINT_MAX_ABS &&
				   value[c] < GR_JOINT_MAX_ABS) {
				sum += lhs ? value[c] : -value[c];
			} else {
				usable = 0;
			}
		}
		if (!usable || !owned)
			continue;
		picked[n] = e;
		constant[n++] = sum;
	}
	return n;
}

/* Group unit u's readings into classes by what they contribute. Returns
 * 0, 1 when a number is out of range, -1 when out of memory. */
static int
make_classes(struct search *s, size_t u, const struct gr_joint_unit *unit,
	     const struct gr_equation *eqs, const size_t *picked)
{
	size_t neq = s->neq, n = 0;
	int64_t *row = gr_calloc(neq ? neq : 1, sizeof(*row));

	s->contrib[u] = gr_calloc(unit->nreadings * (neq ? neq : 1), sizeof(int64_t));
	s->class_of[u] = gr_calloc(unit->nreadings, sizeof(size_t));
	s->feasible[u] = gr_calloc(unit->nreadings, 1);
	if (!row || !s->contrib[u] || !s->class_of[u] || !s->feasible[u]) {
		gr_free(row);
		return -1;
	}
	for (size_t r = 0; r < unit->nreadings; r++) {
		const int64_t *v = &unit->values[r * unit->n];
		size_t k;
		for (size_t e = 0; e < neq; e++) {
			const struct gr_equation *eq = &eqs[picked[e]];
			row[e] = 0;
			for (size_t t = 0; t < eq->nlhs + eq->nrhs; t++) {
				int lhs = t < eq->nlhs;
				size_t c = lhs ? eq->lhs[t] : eq->rhs[t - eq->nlhs];
				if (c < unit->cell0 || c >= unit->cell0 + unit->n)
					continue;
				if (v[c - unit->cell0] <= -GR_JOINT_MAX_ABS ||
				    v[c - unit->cell0] >= GR_JOINT_MAX_ABS) {
					gr_free(row);
					return 1;
				}
				row[e] += lhs ? v[c - unit->cell0] : -v[c - unit->cell0];
			}
		}
		for (k = 0; k < n; k++)
			if (memcmp(&s->contrib[u][k * neq], row, neq * sizeof(*row)) == 0)
				break;
		if (k == n)
			memcpy(&s->contrib[u][n++ * neq], row, neq * sizeof(*row));
		s->class_of[u][r] = k;
	}
	s->nclasses[u] = n;
	s->open += n;
	gr_free(row);
	return 0;
}

/* The least and most the units from u on can add to each equation. */
static void
make_bounds(struct search *s)
{
	for (size_t e = 0; e < s->neq; e++) {
		s->low[s->nunits * s->neq + e] = 0;
		s->high[s->nunits * s->neq + e] = 0;
	}
	for (size_t u = s->nunits; u-- > 0;) {
		for (size_t e = 0; e < s->neq; e++) {
			int64_t lo = s->contrib[u][e], hi = lo;
			for (size_t k = 1; k < s->nclasses[u]; k++) {
				int64_t c = s->contrib[u][k * s->neq + e];
				lo = c < lo ? c : lo;
				hi = c > hi ? c : hi;
			}
			s->low[u * s->neq + e] = s->low[(u + 1) * s->neq + e] + lo;
			s->high[u * s->neq + e] = s->high[(u + 1) * s->neq + e] + hi;
		}
	}
}

static void
release(struct search *s)
{
	for (size_t u = 0; u < s->nunits; u++) {
		if (s->contrib)
			gr_free(s->contrib[u]);
		if (s->class_of)
			gr_free(s->class_of[u]);
		if (s->feasible)
			gr_free(s->feasible[u]);
	}
	gr_free(s->contrib);
	gr_free(s->class_of);
	gr_free(s->feasible);
	gr_free(s->nclasses);
	gr_free(s->constant);
	gr_free(s->low);
	gr_free(s->high);
	gr_free(s->chosen);
	gr_free(s->partial);
}

/* Keep every reading. */
static int
keep_all(struct gr_joint_unit *units, size_t nunits)
{
	for (size_t u = 0; u < nunits; u++)
		memset(units[u].kept, 1, units[u].nreadings);
	return 0;
}

int
gr_joint_narrow(const struct gr_equation *eqs, size_t neq, size_t ncells,
		const int64_t *value, const unsigned char *known,
		struct gr_joint_unit *units, size_t nunits)
{
	struct search s = { .nunits = nunits };
	size_t *owner = gr_malloc((ncells ? ncells : 1) * sizeof(*owner));
	size_t *picked = gr_calloc(neq ? neq : 1, sizeof(*picked));
	int status = 0, dropped = 0;

	keep_all(units, nunits);
	s.constant = gr_calloc(neq ? neq : 1, sizeof(*s.constant));
	s.nclasses = gr_calloc(nunits ? nunits : 1, sizeof(*s.nclasses));
	s.contrib = gr_calloc(nunits ? nunits : 1, sizeof(*s.contrib));
	s.class_of = gr_calloc(nunits ? nunits : 1, sizeof(*s.class_of));
	s.feasible = gr_calloc(nunits ? nunits : 1, sizeof(*s.feasible));
	s.chosen = gr_calloc(nunits ? nunits : 1, sizeof(*s.chosen));
	if (!owner || !picked || !s.constant || !s.nclasses || !s.contrib || !s.class_of ||
	    !s.feasible || !s.chosen) {
		status = -1;
		goto out;
	}
	for (size_t c = 0; c < ncells; c++)
		owner[c] = NONE;
	for (size_t u = 0; u < nunits; u++)
		for (size_t c = 0; c < units[u].n && units[u].cell0 + c < ncells; c++)
			owner[units[u].cell0 + c] = u;
	s.neq = pick_equations(eqs, neq, value, known, owner, picked, s.constant);
	if (s.neq == 0 || nunits == 0)
		goto out;
	for (size_t u = 0; u < nunits; u++) {
		int made = make_classes(&s, u, &units[u], eqs, picked);
		if (made != 0) {
			status = made < 0 ? -1 : 0;
			goto out;
		}
	}
	s.low = gr_calloc((nunits + 1) * s.neq, sizeof(*s.low));
	s.high = gr_calloc((nunits + 1) * s.neq, sizeof(*s.high));
	s.partial = gr_calloc((nunits + 1) * s.neq, sizeof(*s.partial));
	if (!s.low || !s.high || !s.partial) {
		status = -1;
		goto out;
	}
	make_bounds(&s);
	if (bounds_hold(&s, 0))
		search_from(&s, 0);
	/* Nothing to go by: the search gave up, or no choice adds up (then
	 * no class of the first unit took part in one). */
	if (s.aborted || !memchr(s.feasible[0], 1, s.nclasses[0]))
		goto out;
	for (size_t u = 0; u < nunits; u++)
		for (size_t r = 0; r < units[u].nreadings; r++) {
			units[u].kept[r] = s.feasible[u][s.class_of[u][r]];
			dropped |= !units[u].kept[r];
		}
out:
	release(&s);
	gr_free(owner);
	gr_free(picked);
	return status < 0 ? -1 : dropped;
}
