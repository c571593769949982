/*
 * Fused digits → candidate rows (SPEC §2 item 15, CELL_SPLIT and
 * CELL_AMBIGUOUS of §5). See digitsplit.h for the contract and its bounds.
 *
 * Both searches are depth-first over the part boundaries, left to right.
 * A table of which suffixes can still be split into so many parts (each
 * part obeying the leading-zero rule and fitting int64) cuts every branch
 * that cannot reach a complete split, so the general search calls the
 * predicate at the end of every branch it follows. The row-total search
 * fixes the total (the last part) first and then cuts any branch whose
 * partial sum exceeds it, or whose remaining digits cannot add up to what
 * is left of it.
 */
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "tables/digitsplit.h"

/* Digits of INT64_MAX (9223372036854775807): the most characters of a
 * part (a negative one has a digit fewer). */
#define MAX_PART_DIGITS 19

struct search {
	size_t len;            /* digits searched (the row-total search: the prefix) */
	size_t ncells;
	gr_split_fits fits;
	void *ctx;
	unsigned long steps;
	int exhausted;         /* the step bound was reached */
	int in_order;          /* splits are met in the order they are kept in */
	/* part[i][j]: the value of the j characters at i when is_part[i][j]
	 * (not: a leading zero, a '-' inside, beyond int64, past the end). */
	int64_t part[GR_SPLIT_MAX_DIGITS][MAX_PART_DIGITS + 1];
	unsigned char is_part[GR_SPLIT_MAX_DIGITS][MAX_PART_DIGITS + 1];
	/* feasible[i][c]: digits[i..len) splits into c parts. */
	unsigned char feasible[GR_SPLIT_MAX_DIGITS + 1][GR_SPLIT_MAX_CELLS + 1];
	/* The row-total search: the least and greatest sums of such splits
	 * (saturated at INT64_MAX), where feasible. */
	int64_t min_sum[GR_SPLIT_MAX_DIGITS + 1][GR_SPLIT_MAX_CELLS + 1];
	int64_t max_sum[GR_SPLIT_MAX_DIGITS + 1][GR_SPLIT_MAX_CELLS + 1];
	int64_t values[GR_SPLIT_MAX_CELLS];
	struct gr_split result;
};

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Whether the j characters at i have the shape of a part, its size aside:
 * "0", digits without a leading zero, "-" alone (a dash) or "-" and
 * digits without a leading zero (a negative value; "-0" is none). The
 * longer parts at i have it only if the shorter ones do.
 */
static int
part_shape(const char *digits, size_t i, size_t j)
{
	int negative = digits[i] == '-';
	size_t first = i + (size_t)negative;

	if (negative && j == 1)
		return 1;
	for (size_t k = first; k < i + j; k++)
		if (!is_digit(digits[k]))
			return 0;
	return digits[first] != '0' || (!negative && j == 1);
}

/* Fill s->part and s->is_part for digits[0..len). */
static void
fill_parts(struct search *s, const char *digits, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		int negative = digits[i] == '-';
		int64_t magnitude = 0;
		int ok = 1;

		for (size_t j = 1; j <= MAX_PART_DIGITS; j++) {
			size_t at = i + j - 1;

			ok = ok && at < len && part_shape(digits, i, j);
			if (ok && is_digit(digits[at])) {
				int d = digits[at] - '0';
				ok = magnitude <= (INT64_MAX - d) / 10;
				if (ok)
					magnitude = magnitude * 10 + d;
			}
			s->is_part[i][j] = (unsigned char)ok;
			s->part[i][j] = !ok ? 0
				      : !negative ? magnitude
				      : j == 1 ? GR_SPLIT_DASH : -magnitude;
		}
	}
}

static int64_t
add_saturated(int64_t a, int64_t b)
{
	return a > INT64_MAX - b ? INT64_MAX : a + b;
}

/*
 * Fill s->feasible (and with sums, s->min_sum and s->max_sum) for the
 * first s->len digits and up to `cells` parts.
 */
static void
fill_feasible(struct search *s, size_t cells, int sums)
{
	size_t len = s->len;

	memset(s->feasible, 0, sizeof(s->feasible));
	s->feasible[len][0] = 1;
	s->min_sum[len][0] = 0;
	s->max_sum[len][0] = 0;
	for (size_t i = len; i-- > 0;) {
		for (size_t c = 1; c <= cells; c++) {
			for (size_t j = 1; j <= MAX_PART_DIGITS && i + j <= len; j++) {
				int64_t v = s->part[i][j], lo, hi;

				if (!s->is_part[i][j])
					break; /* so is every longer part */
				if (!s->feasible[i + j][c - 1])
					continue;
				if (!sums) {
					s->feasible[i][c] = 1;
					break;
				}
				lo = add_saturated(v, s->min_sum[i + j][c - 1]);
				hi = add_saturated(v, s->max_sum[i + j][c - 1]);
				if (!s->feasible[i][c] || lo < s->min_sum[i][c])
					s->min_sum[i][c] = lo;
				if (!s->feasible[i][c] || hi > s->max_sum[i][c])
					s->max_sum[i][c] = hi;
				s->feasible[i][c] = 1;
			}
		}
	}
}

/*
 * Whether digits[0..len) splits into ncells parts when a part's size is
 * not limited (only its shape, part_shape()): a part of more than 19 digits
 * is then allowed, so splits exist where every one overflows.
 */
static int
splits_unbounded(const char *digits, size_t len, size_t ncells)
{
	unsigned char can[GR_SPLIT_MAX_DIGITS + 1][GR_SPLIT_MAX_CELLS + 1];

	memset(can, 0, sizeof(can));
	can[len][0] = 1;
	for (size_t i = len; i-- > 0;)
		for (size_t c = 1; c <= ncells; c++)
			for (size_t j = 1; i + j <= len; j++) {
				if (!part_shape(digits, i, j))
					break;
				if (can[i + j][c - 1]) {
					can[i][c] = 1;
					break;
				}
			}
	return can[0][ncells];
}

/* The characters a part was written with. */
static size_t
part_chars(int64_t v)
{
	size_t n = 1;

	if (v == GR_SPLIT_DASH)
		return 1;
	if (v < 0) {
		n++;
		v = -v;
	}
	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/*
 * Order of candidates: by the lengths of their parts, first cell first
 * (the order the general search meets them in). Parts have no leading
 * zeros, so the lengths say where the boundaries are.
 */
static int
split_before(const int64_t *a, const int64_t *b, size_t ncells)
{
	for (size_t i = 0; i < ncells; i++) {
		size_t da = part_chars(a[i]), db = part_chars(b[i]);

		if (da != db)
			return da < db;
	}
	return 0;
}

/* Count a fitting split; keep it if it is among the first GR_SPLIT_MAX_KEEP. */
static void
keep(struct search *s, const int64_t *values)
{
	struct gr_split *r = &s->result;
	size_t kept = r->count < GR_SPLIT_MAX_KEEP ? r->count : GR_SPLIT_MAX_KEEP;
	size_t at = kept;

	r->count++;
	/* The general search meets splits in order: nothing to sort. */
	if (s->in_order) {
		if (at < GR_SPLIT_MAX_KEEP)
			memcpy(r->values[at], values, s->ncells * sizeof(values[0]));
		return;
	}
	while (at > 0 && split_before(values, r->values[at - 1], s->ncells))
		at--;
	if (at >= GR_SPLIT_MAX_KEEP)
		return;
	if (kept == GR_SPLIT_MAX_KEEP)
		kept--; /* the last one kept drops out */
	memmove(r->values[at + 1], r->values[at],
		(kept - at) * sizeof(r->values[0]));
	memcpy(r->values[at], values, s->ncells * sizeof(values[0]));
}

/* One more part placed; 0 once the bound is reached. */
static int
step(struct search *s)
{
	if (s->steps >= GR_SPLIT_MAX_STEPS) {
		s->exhausted = 1;
		return 0;
	}
	s->steps++;
	return 1;
}

/* The general search: cell `cell` starts at digit pos. */
static void
search_general(struct search *s, size_t pos, size_t cell)
{
	size_t left = s->ncells - cell;

	if (left == 0) {
		if (s->fits == NULL || s->fits(s->values, s->ncells, s->ctx))
			keep(s, s->values);
		return;
	}
	for (size_t j = 1; j <= MAX_PART_DIGITS && pos + j <= s->len; j++) {
		int64_t v = s->part[pos][j];

		if (!s->is_part[pos][j])
			break; /* a leading zero, a '-' inside, beyond int64 */
		if (!s->feasible[pos + j][left - 1])
			continue;
		if (!step(s))
			return;
		s->values[cell] = v;
		search_general(s, pos + j, cell + 1);
		if (s->exhausted)
			return;
	}
}

/*
 * The row-total search over the prefix (every cell but the last): cell
 * `cell` starts at digit pos, and the cells still to place must add up to
 * `rest`.
 */
static void
search_row_total(struct search *s, size_t pos, size_t cell, int64_t rest)
{
	size_t left = s->ncells - 1 - cell;

	if (left == 0) {
		if (rest == 0)
			keep(s, s->values);
		return;
	}
	for (size_t j = 1; j <= MAX_PART_DIGITS && pos + j <= s->len; j++) {
		int64_t v = s->part[pos][j];
		size_t next = pos + j;

		if (!s->is_part[pos][j] || v > rest)
			break; /* so is every longer part */
		if (!s->feasible[next][left - 1] ||
		    s->min_sum[next][left - 1] > rest - v ||
		    s->max_sum[next][left - 1] < rest - v)
			continue;
		if (!step(s))
			return;
		s->values[cell] = v;
		search_row_total(s, next, cell + 1, rest - v);
		if (s->exhausted)
			return;
	}
}

static void
run_row_total(struct search *s, size_t len)
{
	size_t ncells = s->ncells;

	if (ncells == 1) {
		/* A total of nothing: the one cell is 0. */
		if (len == 1 && s->is_part[0][1] && s->part[0][1] == 0)
			keep(s, (const int64_t[]){ 0 });
		return;
	}
	for (size_t k = 1; k <= MAX_PART_DIGITS && k < len; k++) {
		int64_t total = s->part[len - k][k];

		if (!s->is_part[len - k][k])
			continue; /* a leading zero: a longer total may do */
		if (!step(s))
			return;
		s->len = len - k;
		fill_feasible(s, ncells - 1, 1);
		if (!s->feasible[0][ncells - 1] ||
		    s->min_sum[0][ncells - 1] > total ||
		    s->max_sum[0][ncells - 1] < total)
			continue;
		s->values[ncells - 1] = total;
		search_row_total(s, 0, 0, total);
		if (s->exhausted)
			return;
	}
}

int
gr_split_digits(const char *digits, size_t len, size_t ncells,
		gr_split_fits fits, void *ctx, struct gr_split *out)
{
	struct search *s;
	int has_sign = 0;

	if (out == NULL || ncells == 0 || ncells > GR_SPLIT_MAX_CELLS ||
	    len > GR_SPLIT_MAX_DIGITS || (digits == NULL && len > 0))
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (digits[i] == '-')
			has_sign = 1;
		else if (!is_digit(digits[i]))
			return -1;
	}

	/* About 22 KiB: too much for a library's caller's stack. */
	s = gr_calloc(1, sizeof(*s));
	if (s == NULL)
		return -2;
	s->len = len;
	s->ncells = ncells;
	s->fits = fits;
	s->ctx = ctx;
	s->result.ncells = ncells;
	fill_parts(s, digits, len);
	fill_feasible(s, ncells, 0);
	if (!s->feasible[0][ncells] && splits_unbounded(digits, len, ncells)) {
		gr_free(s); /* splits exist, but each has a part beyond int64 */
		return -1;
	}
	if (s->feasible[0][ncells]) {
		/* Its bounds hold for parts that are not negative. */
		if (fits == gr_split_fits_row_total && !has_sign)
			run_row_total(s, len);
		else {
			s->in_order = 1;
			search_general(s, 0, 0);
		}
	}
	if (s->exhausted) {
		gr_free(s);
		return -1;
	}
	*out = s->result;
	gr_free(s);
	return 0;
}

int
gr_split_fits_row_total(const int64_t *values, size_t ncells, void *ctx)
{
	int64_t sum = 0;

	(void)ctx;
	if (ncells == 0)
		return 0;
	for (size_t i = 0; i + 1 < ncells; i++) {
		if (values[i] < 0 || values[i] > INT64_MAX - sum)
			return 0;
		sum += values[i];
	}
	return sum == values[ncells - 1];
}

size_t
gr_split_describe(const struct gr_split *s, char *buf, size_t size)
{
	size_t kept = s->count < GR_SPLIT_MAX_KEEP ? s->count : GR_SPLIT_MAX_KEEP;
	size_t need = 0;

	if (size > 0)
		buf[0] = '\0';
	for (size_t k = 0; k < kept; k++) {
		for (size_t i = 0; i < s->ncells; i++) {
			char part[24];
			const char *sep = i > 0 ? " " : k > 0 ? " | " : "";
			int n = s->values[k][i] == GR_SPLIT_DASH
					? snprintf(part, sizeof(part), "%s-", sep)
					: snprintf(part, sizeof(part), "%s%lld", sep,
						   (long long)s->values[k][i]);

			if (n < 0)
				continue;
			if (size > 0 && need < size - 1) {
				size_t room = size - 1 - need;
				size_t copy = (size_t)n < room ? (size_t)n : room;

				memcpy(buf + need, part, copy);
				buf[need + copy] = '\0';
			}
			need += (size_t)n;
		}
	}
	return need;
}
