/*
 * The text of table lines in pdftotext -layout output, as fragments: a
 * line's text splits at runs of spaces and before numbering, and a
 * fragment that continues one above it in the same column (a label
 * wrapped in its cell, around its row's numbers) is joined to it; any
 * other is an item of its own. See pdflayout_build.h.
 */
#include "util/alloc.h"
#include "tables/label.h"
#include "input/pdflayout_build.h"
#include "util/utf8.h"

/* Fragments in one column start within this many characters. */
#define GR_LAYOUT_COLUMN_SLACK 2

struct line_shape {
	int has_values; /* the line holds numbers */
	int header;     /* several pieces, a run of spaces, no numbers */
	int lone;       /* one piece only */
};

/* Whether fragment fr may go on with a piece of the given width on the
 * current line: it ended on the line above, or the lines since passed it
 * by (pass_by); it is as wide as the piece (a wrapped cell's lines fill
 * the cell); a row's numbers come once. */
static int
may_continue(const struct builder *b, const struct fragment *fr, size_t width,
	     const struct line_shape *shape)
{
	int line_has_values = shape->has_values;

	if (fr->item == NONE)
		return 0;
	if (fr->step + 1 != b->step)
		return 0;
	if (width > fr->width + 4)
		return 0;
	return !(line_has_values && (fr->has_values || fr->header));
}

/* The fragment in this column, if it may go on. */
static struct fragment *
column_fragment(struct builder *b, size_t col)
{
	for (size_t f = b->nfrags; f-- > 0;) {
		struct fragment *fr = &b->frags[f];
		if (fr->col + GR_LAYOUT_COLUMN_SLACK >= col &&
		    col + GR_LAYOUT_COLUMN_SLACK >= fr->col)
			return fr;
	}
	return NULL;
}

/* pdftotext may shift a wrapped cell's lines: a lone piece on a line
 * without numbers goes on with the latest fragment above it that may take
 * it, near its column and not left of it (left of a row's label stand the
 * lines of its group's label). */
static struct fragment *
lone_fragment(struct builder *b, size_t col, size_t width,
	      const struct line_shape *shape)
{
	struct fragment *found = NULL;

	for (size_t f = 0; f < b->nfrags; f++) {
		struct fragment *fr = &b->frags[f];
		size_t d = fr->col > col ? fr->col - col : col - fr->col;
		if (fr->step + 1 != b->step && fr->step + 2 != b->step)
			continue;
		if (found && found->step >= fr->step)
			continue;
		if (d <= 8 && col + GR_LAYOUT_COLUMN_SLACK >= fr->col &&
		    may_continue(b, fr, width, shape))
			found = fr;
	}
	return found;
}

void
gr_layout_drop_stale_fragments(struct builder *b)
{
	size_t kept = 0;

	for (size_t f = 0; f < b->nfrags; f++)
		if (b->frags[f].step + 2 >= b->step)
			b->frags[kept++] = b->frags[f];
	b->nfrags = kept;
}

static struct fragment *
add_fragment(struct builder *b, size_t item, size_t col, size_t width)
{
	if (b->nfrags == b->frags_cap) {
		size_t cap = b->frags_cap ? b->frags_cap * 2 : 32;
		struct fragment *grown = gr_realloc(b->frags, cap * sizeof(*grown));
		if (!grown) {
			b->failed = 1;
			return NULL;
		}
		b->frags = grown;
		b->frags_cap = cap;
	}
	b->frags[b->nfrags] = (struct fragment){ item, col, b->step, width, 0, 0 };
	return &b->frags[b->nfrags++];
}

/*
 * A piece of a table's text: joined to the fragment above it in its
 * column when it continues it, else an item of its own.
 */
static void
fragment(struct builder *b, const struct lline *ln, const struct piece *p,
	 const struct line_shape *shape)
{
	const struct token *t0 = &ln->tokens[p->first], *t1 = &ln->tokens[p->last];
	const char *s = ln->s + t0->start;
	size_t len = t1->start + t1->len - t0->start;
	size_t width = t1->dcol + t1->dcols - t0->dcol;
	struct fragment *fr = NULL;
	struct gr_strbuf clean;
	int heading = gr_layout_is_part_heading(s, len);

	if (!heading && gr_numbering(s, len, NULL, NULL) == 0) {
		fr = column_fragment(b, t0->col);
		if (fr && !may_continue(b, fr, width, shape))
			fr = NULL;
		if (!fr && shape->lone && !shape->has_values)
			fr = lone_fragment(b, t0->col, width, shape);
	}
	gr_strbuf_init(&clean);
	gr_layout_drop_digit_spaces(s, len, &clean);
	if (gr_strbuf_failed(&clean)) {
		/* What it held before the allocation that failed. */
		gr_strbuf_release(&clean);
		b->failed = 1;
		return;
	}
	if (fr) {
		gr_layout_join(b, fr->item, clean.data, clean.len);
		fr->step = b->step;
		fr->has_values |= shape->has_values;
		fr->header |= shape->header;
		if (width > fr->width)
			fr->width = width;
	} else {
		size_t item = gr_layout_new_item(b, ln, clean.data, clean.len, t0->col, GR_ITEM_CELL);
		/* The column is taken over. */
		struct fragment *old = column_fragment(b, t0->col);
		if (old)
			old->item = NONE;
		fr = add_fragment(b, item, t0->col, width);
		if (fr) {
			fr->has_values = shape->has_values;
			fr->header = shape->header;
			/* A heading closes its column. */
			if (heading)
				fr->item = NONE;
		}
	}
	gr_strbuf_release(&clean);
}

/*
 * A line that holds nothing in a fragment's column passes it by: the
 * fragment may go on below it. Such a line holds the row's numbers (the
 * fragment has none yet), or text only left of the fragment (the lines of
 * a vertical group label, "（四" / "）无" / "法提", beside the row's label).
 */
static void
pass_by(struct builder *b, const struct lline *ln, const struct piece *pieces,
	size_t npieces, int has_values)
{
	for (size_t f = 0; f < b->nfrags; f++) {
		struct fragment *fr = &b->frags[f];
		int passed = fr->step + 1 == b->step && !(has_values && fr->has_values);
		for (size_t k = 0; passed && k < npieces; k++) {
			const struct token *t = &ln->tokens[pieces[k].last];
			passed = t->col + t->cols < fr->col;
		}
		if (passed)
			fr->step = b->step;
	}
}

/*
 * Whether text at column col of line ln stands over the table's numbers:
 * a line of column headers, not of row labels. The numbers are those of
 * the next row below that has some.
 */
static int
over_values(const struct builder *b, const struct lline *ln, size_t col)
{
	size_t i = (size_t)(ln - b->lines);

	for (size_t k = i + 1; k < b->nlines && k <= i + 8; k++) {
		const struct lline *next = &b->lines[k];
		if (next->heading)
			return 0;
		if (next->nvalues && !next->furniture)
			return col + 2 >= next->tokens[next->ntokens - next->nvalues].col;
	}
	return 0;
}

/*
 * Split the text tokens [0, n) of a line into pieces: at runs of spaces,
 * and at a single space before numbering or between two pieces of Chinese
 * text ("（六） 申请"), never inside "2024 年" or "a b"; each piece is a
 * fragment.
 */
void
gr_layout_text_fragments(struct builder *b, const struct lline *ln, size_t n, int has_values)
{
	struct piece pieces[GR_LAYOUT_MAX_TOKENS];
	struct line_shape shape = { has_values, 0, 0 };
	size_t npieces = 0, first = 0;

	for (size_t i = 0; i < n; i++) {
		int split = i + 1 == n;
		if (!split) {
			const struct token *t = &ln->tokens[i], *u = &ln->tokens[i + 1];
			int32_t before = gr_utf8_before(ln->s, t->start + t->len);
			int32_t after = gr_utf8_at(ln->s, ln->len, u->start);
			/* "2. 政务公开落实情况": numbering keeps its text. */
			int bare_number = gr_numbering(ln->s + t->start, t->len, NULL,
						       NULL) == t->len;
			split = space_after(ln, i) >= 2 ||
				gr_numbering(ln->s + u->start, u->len, NULL, NULL) > 0 ||
				(!bare_number && !is_alnum(before) && !is_alnum(after));
		}
		if (split) {
			pieces[npieces++] = (struct piece){ first, i };
			first = i + 1;
		}
	}
	shape.header = !has_values && ln->gap && npieces >= 2 &&
		       over_values(b, ln, ln->tokens[pieces[npieces - 1].first].col);
	shape.lone = npieces == 1;
	for (size_t k = 0; k < npieces && !b->failed; k++)
		fragment(b, ln, &pieces[k], &shape);
	pass_by(b, ln, pieces, npieces, has_values);
}
