/*
 * The columns of a table in pdftotext -layout output: a row's numbers are
 * laid against the fullest row near it (in character or display columns,
 * whichever lines that row up) or the table's column headers, and the
 * columns it misses between its numbers become empty cells. See
 * pdflayout_build.h.
 */
#include <stdlib.h>

#include "input/pdflayout_build.h"

/* How far (lines) a row looks for the fullest row to align with. */
#define GR_LAYOUT_REFERENCE_REACH 16

/* The token's middle, in the metric chosen for the table. */
static double
middle(const struct token *t, int display)
{
	return display ? t->dcol + t->dcols / 2.0 : t->col + t->cols / 2.0;
}

/* Whether line k ends the search for a row to align with: another table
 * begins past a part's heading or prose. */
static int
ends_table(const struct builder *b, const struct lline *ln)
{
	return ln->heading ||
	       (!ln->gap && !ln->nvalues && !ln->blank && !ln->furniture && b->width &&
		ln->end * 10 >= b->width * 6);
}

static int
was_tried(const struct lline *ln, const struct lline *const *tried, size_t ntried)
{
	for (size_t t = 0; t < ntried; t++)
		if (tried[t] == ln)
			return 1;
	return 0;
}

/* The nearest line with more values than `than`, and the most of them,
 * other than the rows tried already (NULL when none is near). */
static const struct lline *
reference_row(const struct builder *b, size_t i, size_t than,
	      const struct lline *const *tried, size_t ntried)
{
	const struct lline *best = NULL;
	size_t best_distance = 0;
	int stopped[2] = { 0, 0 };

	for (size_t d = 1; d <= GR_LAYOUT_REFERENCE_REACH; d++) {
		for (int side = 0; side < 2; side++) {
			const struct lline *ln;
			if (stopped[side] || (side == 0 ? d > i : i + d >= b->nlines))
				continue;
			ln = &b->lines[side == 0 ? i - d : i + d];
			if (ends_table(b, ln)) {
				stopped[side] = 1;
				continue;
			}
			if (ln->furniture || ln->nvalues <= than ||
			    was_tried(ln, tried, ntried))
				continue;
			if (!best || ln->nvalues > best->nvalues ||
			    (ln->nvalues == best->nvalues && d < best_distance)) {
				best = ln;
				best_distance = d;
			}
		}
	}
	return best;
}

/*
 * Which columns the table's numbers line up in: pdftotext's characters
 * (a Chinese label before a number may push it, the others stay put), or
 * display columns (text laid out for a terminal). Two full rows tell.
 */
static int
use_display(const struct builder *b, const struct lline *ref)
{
	size_t i = (size_t)(ref - b->lines);
	const struct lline *other = NULL;
	double dchar = 0, ddisp = 0;
	int stopped[2] = { 0, 0 };

	if (b->display)
		return 1;
	for (size_t d = 1; d <= GR_LAYOUT_REFERENCE_REACH && !other; d++) {
		for (int side = 0; side < 2 && !other; side++) {
			const struct lline *ln;
			if (stopped[side] || (side == 0 ? d > i : i + d >= b->nlines))
				continue;
			ln = &b->lines[side == 0 ? i - d : i + d];
			if (ends_table(b, ln))
				stopped[side] = 1;
			else if (!ln->furniture && ln->nvalues == ref->nvalues)
				other = ln;
		}
	}
	if (!other)
		return 0;
	for (size_t j = 0; j < ref->nvalues; j++) {
		const struct token *x = &ref->tokens[ref->ntokens - ref->nvalues + j];
		const struct token *y = &other->tokens[other->ntokens - other->nvalues + j];
		double c = middle(x, 0) - middle(y, 0), e = middle(x, 1) - middle(y, 1);
		dchar += c < 0 ? -c : c;
		ddisp += e < 0 ? -e : e;
	}
	return ddisp < dchar;
}

/* A column: where its text stands, in the metric of the table (a row's
 * number: its middle; a header: the words' extent). */
struct span {
	double lo, hi;
};

/* How far a value's middle is from a column. */
static double
off(double value, const struct span *column)
{
	return value < column->lo ? column->lo - value
	       : value > column->hi ? value - column->hi
				    : 0;
}

/*
 * Where each of k values (their middles) falls among m columns: in order,
 * each to a column, as near as can be (dynamic programming). Fills cols[]
 * and returns 1 when every value sits close to its column: within a third
 * of the columns' spacing, and within `most` (a header's words) if not 0.
 */
static int
align(const double *value, size_t k, const struct span *column, size_t m, double most,
      size_t *cols)
{
	double cost[GR_LAYOUT_MAX_TOKENS + 1][GR_LAYOUT_MAX_TOKENS + 1];
	double spacing = 1e9;

	if (k > m || m > GR_LAYOUT_MAX_TOKENS)
		return 0;
	for (size_t j = 0; j + 1 < m; j++) {
		double s = (column[j + 1].lo + column[j + 1].hi - column[j].lo - column[j].hi) / 2;
		if (s < spacing)
			spacing = s;
	}
	/* cost[x][y]: values x.. placed in columns y.. */
	for (size_t x = 0; x <= k; x++)
		for (size_t y = 0; y <= m; y++)
			cost[x][y] = x == k ? 0 : 1e18;
	for (size_t x = k; x-- > 0;) {
		for (size_t y = m; y-- > 0;) {
			double take = off(value[x], &column[y]) + cost[x + 1][y + 1];
			double skip = cost[x][y + 1];
			cost[x][y] = take < skip ? take : skip;
		}
	}
	for (size_t x = 0, y = 0; x < k; y++) {
		double d = off(value[x], &column[y]);
		if (y + 1 > m - (k - x) || d + cost[x + 1][y + 1] <= cost[x][y + 1]) {
			if (d * 3 > spacing || (most > 0 && d > most))
				return 0;
			cols[x++] = y;
		}
	}
	return 1;
}

/* The middles of a line's value tokens, in the metric of the table. */
static void
value_middles(const struct lline *ln, int display, double *out)
{
	for (size_t j = 0; j < ln->nvalues; j++)
		out[j] = middle(&ln->tokens[ln->ntokens - ln->nvalues + j], display);
}

/* Line i's values against a fuller row's. */
static int
align_with_row(const struct builder *b, const struct lline *ln, const struct lline *ref,
	       size_t *cols)
{
	double value[GR_LAYOUT_MAX_TOKENS], at[GR_LAYOUT_MAX_TOKENS];
	struct span column[GR_LAYOUT_MAX_TOKENS];
	int display = use_display(b, ref);

	value_middles(ln, display, value);
	value_middles(ref, display, at);
	for (size_t j = 0; j < ref->nvalues; j++)
		column[j] = (struct span){ at[j], at[j] };
	return align(value, ln->nvalues, column, ref->nvalues, 0, cols);
}

static struct span
extent(const struct token *t, int display)
{
	double lo = display ? (double)t->dcol : (double)t->col;
	return (struct span){ lo, lo + (display ? (double)t->dcols : (double)t->cols) };
}

static int
compare_spans(const void *a, const void *b)
{
	const struct span *x = a, *y = b;
	return (x->lo > y->lo) - (x->lo < y->lo);
}

static double
overlap(const struct span *a, const struct span *b)
{
	double lo = a->lo > b->lo ? a->lo : b->lo, hi = a->hi < b->hi ? a->hi : b->hi;
	return hi > lo ? hi - lo : 0;
}

/*
 * The columns of the header lines just above line i (up to the table's
 * start, a row of numbers or a part's heading), for a row that no fuller
 * row shows the columns of (table 四 has one row): where the header words
 * stand. Read from the bottom line up, as the header's own columns are
 * its lowest words: a word over one column already taken ("尚未" over
 * "审结") widens it; a word over two is a caption over a group of them
 * ("未经复议直接起诉") and adds none. Returns how many, left to right.
 */
static size_t
header_columns(const struct builder *b, size_t i, int display, struct span *column)
{
	size_t m = 0;

	for (size_t d = 1; d <= GR_LAYOUT_REFERENCE_REACH && d <= i; d++) {
		const struct lline *ln = &b->lines[i - d];
		if (ln->furniture || ln->blank)
			continue;
		if (ln->nvalues || ends_table(b, ln))
			break;
		for (size_t j = 0; j < ln->ntokens && m < GR_LAYOUT_MAX_TOKENS; j++) {
			struct span word = extent(&ln->tokens[j], display);
			size_t over = 0, under = 0;
			for (size_t c = 0; c < m; c++)
				if (overlap(&word, &column[c]) > 0)
					over++, under = c;
			if (over == 0)
				column[m++] = word;
			if (over == 1 && word.lo < column[under].lo)
				column[under].lo = word.lo;
			if (over == 1 && word.hi > column[under].hi)
				column[under].hi = word.hi;
		}
	}
	qsort(column, m, sizeof(*column), compare_spans);
	return m;
}

/* Line i's values against the header's columns above it. */
static int
align_with_header(const struct builder *b, size_t i, size_t *cols)
{
	const struct lline *ln = &b->lines[i];
	double value[GR_LAYOUT_MAX_TOKENS];
	struct span column[GR_LAYOUT_MAX_TOKENS];
	size_t m = header_columns(b, i, b->display, column);

	value_middles(ln, b->display, value);
	/* A number stands under its header's words, a column at most off. */
	return m > ln->nvalues && align(value, ln->nvalues, column, m, 1.0, cols);
}

/*
 * A cell of a value line: the numbers on one line are one row (the row is
 * the line), and each number's extent is where it stands. An empty cell
 * the alignment found before token t has neither text nor extent.
 */
static void
value_cell(struct builder *b, const struct lline *ln, const struct token *t, int empty)
{
	size_t index = gr_layout_new_item(b, ln, ln->s + t->start, empty ? 0 : t->len, t->col,
				GR_ITEM_CELL);
	struct gr_item *item;

	if (index == NONE)
		return;
	item = &b->out->items[index];
	item->row = ln->src->number;
	if (!empty && t->dcol + t->dcols < GR_NO_EXTENT) {
		item->x0 = (uint16_t)t->dcol;
		item->x1 = (uint16_t)(t->dcol + t->dcols);
	}
}

/* How many fuller rows a row tries to align with. */
#define GR_LAYOUT_REFERENCE_TRIES 3

void
gr_layout_value_cells(struct builder *b, size_t i)
{
	const struct lline *ln = &b->lines[i];
	const struct lline *tried[GR_LAYOUT_REFERENCE_TRIES];
	size_t cols[GR_LAYOUT_MAX_TOKENS], k = ln->nvalues, ntried = 0;
	int aligned = 0, interior = 0;

	/* The nearest fullest row first; a row pushed by a label before its
	 * numbers may line up with another one only. */
	while (!aligned && ntried < GR_LAYOUT_REFERENCE_TRIES) {
		const struct lline *ref = reference_row(b, i, k, tried, ntried);
		if (!ref)
			break;
		tried[ntried++] = ref;
		aligned = align_with_row(b, ln, ref, cols);
	}
	/* No fuller row near: the header's columns, when it shows more.
	 * Only the empty cells between two numbers are taken from it: left
	 * of a row's numbers a header may head the labels (信息内容). */
	if (!aligned && ntried == 0)
		aligned = interior = align_with_header(b, i, cols);

	for (size_t x = 0; x < k && !b->failed; x++) {
		const struct token *t = &ln->tokens[ln->ntokens - k + x];
		/* The columns this row leaves empty before this value. */
		size_t from = x == 0 ? (interior ? cols[0] : 0) : cols[x - 1] + 1;
		for (size_t y = from; aligned && y < cols[x]; y++)
			value_cell(b, ln, t, 1);
		value_cell(b, ln, t, 0);
	}
}
