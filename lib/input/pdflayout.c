/*
 * pdftotext -layout output → cell stream; see pdflayout.h.
 *
 * pdftotext puts each word where it sits on the page, in a grid of
 * characters: a table's cells are words separated by runs of spaces, a
 * label too long for its cell wraps onto the lines above and below its
 * row's numbers, prose wraps at the page's width, and each page (a form
 * feed starts one) may carry a header, a footer and a page number. The
 * lines are read as follows:
 *
 * - page furniture: the first and last lines of a page that are page
 *   numbers (-3-, 第3页, 3/10, a bare number) or that repeat on other pages
 *   (digits aside) are dropped;
 * - a value line (a row's numbers, with or without its label's text) and a
 *   line with a run of two or more spaces inside it are table lines: their
 *   text splits into fragments at runs of spaces and before numbering
 *   (“（三） 4.保护…” is two fragments), and their numbers become cells.
 *   A row with fewer numbers than the fullest row near it is laid against
 *   that row's columns (or the next fullest row's, when a label before
 *   its numbers pushed them off the nearest one), and the columns it
 *   misses between its numbers become empty cells;
 * - a fragment that continues the one above it in the same column (it
 *   starts no numbering, and the lines between them, if any, hold the
 *   row's numbers or only text left of that column, the lines of a
 *   vertical group label) is joined to it: “2.其他法律行政法规禁” +
 *   “止公开”, “2.没有现成” + (“）无”) + “信息需要另 0 …” + (“法提”) + “行制作”;
 * - a long line outside tables starts a paragraph, and the lines after a
 *   full one continue it (without a space between Chinese characters);
 *   pdftotext's space between a digit and a Chinese character is removed;
 * - any other short line is a fragment of its own (a heading, a caption,
 *   the signature, the date).
 *
 * Positions are counted in characters, as pdftotext lays them out; widths
 * of prose lines in display columns (a Chinese character takes two).
 */
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "tables/cellvalue.h"
#include "input/wrap.h"
#include "tables/label.h"
#include "input/pdflayout.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#define NONE ((size_t)-1)
/* Fragments in one column start within this many characters. */
#define GR_LAYOUT_COLUMN_SLACK 2
/* A value token is short. */
#define GR_LAYOUT_MAX_VALUE 24
/* A label before a single value, without a gap, is at most this wide. */
#define GR_LAYOUT_MAX_LABEL 48
/* How far (lines) a row looks for the fullest row to align with. */
#define GR_LAYOUT_REFERENCE_REACH 16
#define GR_LAYOUT_MAX_TOKENS 64

struct token {
	size_t start, len; /* bytes of the line */
	size_t col;        /* character column of its first character */
	size_t cols;       /* its length in characters */
	size_t dcol;       /* display column of its first character */
	size_t dcols;      /* its display width */
	int value;         /* a number or a dash */
};

struct lline {
	const struct gr_line *src;
	const char *s;
	size_t len;
	struct token tokens[GR_LAYOUT_MAX_TOKENS];
	size_t ntokens;
	size_t nvalues;    /* trailing value tokens, when a value line */
	size_t indent;     /* leading spaces */
	size_t end;        /* display column after the last character */
	int blank, furniture, page, gap, heading;
	int overflow;      /* more tokens than fit: read as prose */
};

/* An item under construction: its text grows as fragments join it. */
struct pending {
	struct gr_strbuf text;
};

struct fragment {
	size_t item;
	size_t col;
	size_t step;     /* line step of its last line */
	size_t width;    /* display width of its widest line */
	int has_values;  /* its row's numbers were seen */
	int header;      /* on a line of header cells (no numbers) */
};

/* A fragment of a line: tokens [first, last]. */
struct piece {
	size_t first, last;
};

struct builder {
	const struct gr_text *text;
	struct lline *lines;
	size_t nlines;
	struct gr_items *out;
	struct pending *texts;
	size_t texts_cap;
	struct fragment *frags;
	size_t nfrags, frags_cap;
	size_t width;      /* a full prose line's display width */
	size_t paragraph;  /* item of the open paragraph, or NONE */
	size_t para_line;  /* its last line */
	size_t step;       /* counts lines, blank ones too, not furniture */
	int display;       /* columns are display columns (GR_LAYOUT_DISPLAY) */
	int failed;
};

/* ---- characters ----------------------------------------------------- */

static int
is_alnum(int32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_digit(int32_t c)
{
	return c >= '0' && c <= '9';
}

/* ---- reading a line ---------------------------------------------------- */

static int
token_is_value(const char *s, size_t len)
{
	struct gr_value v;

	if (len == 0 || len > GR_LAYOUT_MAX_VALUE)
		return 0;
	gr_value_parse(s, len, &v);
	return gr_value_is_filled(&v);
}

/* Split a line at its spaces into tokens, with their columns; in text
 * laid out in display columns (GR_LAYOUT_DISPLAY), a token's character
 * column is its display column, as its position was written so, and a
 * curly quote is one column wide (as input/bbox.c counts it). */
static void
tokenize(struct lline *ln, int display)
{
	size_t pos = 0, col = 0, dcol = 0;

	ln->ntokens = 0;
	while (pos < ln->len && ln->ntokens < GR_LAYOUT_MAX_TOKENS) {
		struct token *t;
		if (ln->s[pos] == ' ') {
			pos++;
			col++;
			dcol++;
			continue;
		}
		t = &ln->tokens[ln->ntokens++];
		*t = (struct token){ .start = pos, .col = col, .dcol = dcol };
		while (pos < ln->len && ln->s[pos] != ' ') {
			int32_t c = gr_utf8_next(ln->s, ln->len, &pos);
			col++;
			dcol += gr_is_wide(c, display ? GR_WIDE_PDF : GR_WIDE_TERMINAL) ? 2 : 1;
		}
		t->len = pos - t->start;
		t->cols = col - t->col;
		t->dcols = dcol - t->dcol;
		if (display) {
			t->col = t->dcol;
			t->cols = t->dcols;
			col = dcol;
		}
		t->value = token_is_value(ln->s + t->start, t->len);
	}
	while (pos < ln->len && ln->s[pos] == ' ')
		pos++;
	ln->overflow = pos < ln->len;
	ln->end = dcol;
}

/* Spaces between tokens i and i + 1. */
static size_t
space_after(const struct lline *ln, size_t i)
{
	return ln->tokens[i + 1].col - (ln->tokens[i].col + ln->tokens[i].cols);
}

static int
ends_sentence(const char *s, size_t len)
{
	static const char *const marks[] = { "。", "!", "?", ";", "！", "？", "；", NULL };

	for (const char *const *m = marks; *m; m++) {
		size_t n = strlen(*m);
		if (len >= n && memcmp(s + len - n, *m, n) == 0)
			return 1;
	}
	return 0;
}

/*
 * A value line ends in numbers: two or more, or one after a run of spaces,
 * or one after a short label ("行政规范性文件 0"). Prose that happens to end
 * in a number ("…共计 58") has a long text before it.
 */
/*
 * pdftotext may glue a row's first number to the label before it when
 * the label fills its cell ("3.危及“三安全一稳定”0   0   0"): on a line that
 * ends in numbers, a number closing the last text token after a Chinese
 * character or a quote is split off as a token of its own.
 */
static void
split_glued_number(struct lline *ln, size_t k)
{
	struct token *t;
	size_t i, digits = 0, at;
	int32_t before;

	if (k == 0 || k == ln->ntokens || ln->ntokens >= GR_LAYOUT_MAX_TOKENS)
		return;
	i = ln->ntokens - k - 1;
	t = &ln->tokens[i];
	while (digits < t->len && is_digit(ln->s[t->start + t->len - 1 - digits]))
		digits++;
	if (digits == 0 || digits == t->len || digits > 6)
		return;
	at = t->start + t->len - digits;
	before = gr_utf8_before(ln->s, at);
	if (!gr_is_wide(before, GR_WIDE_TERMINAL))
		return;
	memmove(&ln->tokens[i + 2], &ln->tokens[i + 1],
		(ln->ntokens - i - 1) * sizeof(*ln->tokens));
	ln->ntokens++;
	ln->tokens[i + 1] = (struct token){
		.start = at, .len = digits, .col = t->col + t->cols - digits,
		.cols = digits, .dcol = t->dcol + t->dcols - digits, .dcols = digits,
		.value = 1,
	};
	t->len -= digits;
	t->cols -= digits;
	t->dcols -= digits;
}

static void
find_values(struct lline *ln)
{
	size_t k = 0, text_end;

	while (k < ln->ntokens && ln->tokens[ln->ntokens - 1 - k].value)
		k++;
	ln->nvalues = 0;
	if (k == 0)
		return;
	if (k >= 2) {
		split_glued_number(ln, k);
		k = 0;
		while (k < ln->ntokens && ln->tokens[ln->ntokens - 1 - k].value)
			k++;
	}
	if (k == ln->ntokens) {
		ln->nvalues = k;
		return;
	}
	text_end = ln->tokens[ln->ntokens - k - 1].dcol + ln->tokens[ln->ntokens - k - 1].dcols;
	if (k >= 2 || space_after(ln, ln->ntokens - k - 1) >= 2 ||
	    (text_end - ln->tokens[0].dcol <= GR_LAYOUT_MAX_LABEL &&
	     !ends_sentence(ln->s + ln->tokens[0].start,
			    ln->tokens[ln->ntokens - k - 1].start +
				    ln->tokens[ln->ntokens - k - 1].len - ln->tokens[0].start)))
		ln->nvalues = k;
}

/* Whether the text is a part's heading: 一、…六、 with the part's words. */
static int
is_part_heading(const char *s, size_t len)
{
	int number = 0, bracketed = 0;
	struct gr_key key;
	const struct gr_part_def *def;

	if (len > 150 || !gr_numbering(s, len, &number, &bracketed) || bracketed ||
	    number < 1 || number > GR_PART_COUNT)
		return 0;
	def = gr_part((enum gr_part)(number - 1));
	gr_key_make(s, len, &key);
	for (const char *const *k = def->keys; *k; k++)
		if (gr_key_contains_text(&key, *k))
			return 1;
	return 0;
}

static void
analyse(struct lline *ln, const struct gr_text *text, const struct gr_line *src, int display)
{
	ln->src = src;
	ln->s = gr_line_text(text, src);
	ln->len = src->len;
	while (ln->len && (ln->s[ln->len - 1] == ' ' || ln->s[ln->len - 1] == '\t'))
		ln->len--;
	tokenize(ln, display);
	ln->blank = ln->ntokens == 0;
	if (ln->blank)
		return;
	ln->indent = ln->tokens[0].col;
	if (ln->overflow)
		return; /* prose, whatever its spaces */
	for (size_t i = 0; i + 1 < ln->ntokens; i++)
		if (space_after(ln, i) >= 2)
			ln->gap = 1;
	find_values(ln);
	ln->heading = is_part_heading(ln->s + ln->indent, ln->len - ln->indent);
}

/* ---- page furniture ------------------------------------------------------ */

/* "-3-", "- 3 -", "第3页", "第 3 页 共 10 页", "3/10", "Page 3", "3". */
static int
is_page_number(const char *s, size_t len, int bare)
{
	char buf[64];
	size_t n = 0, digits = 0, i = 0;

	for (size_t k = 0; k < len && n + 1 < sizeof(buf); k++)
		if (s[k] != ' ')
			buf[n++] = s[k];
	buf[n] = '\0';
	if (n == 0)
		return 0;
	if (strncmp(buf, "第", 3) == 0) {
		for (i = 3; i < n && is_digit(buf[i]); i++)
			digits++;
		if (!digits || strncmp(buf + i, "页", 3) != 0)
			return 0;
		i += 3;
		if (i == n)
			return 1;
		if (strncmp(buf + i, "共", 3) != 0)
			return 0;
		for (i += 3, digits = 0; i < n && is_digit(buf[i]); i++)
			digits++;
		return digits && strcmp(buf + i, "页") == 0;
	}
	if (strncmp(buf, "Page", 4) == 0 || strncmp(buf, "page", 4) == 0)
		i = 4;
	/* Dashes around: -, —, –. */
	while (i < n && (buf[i] == '-' || (unsigned char)buf[i] == 0xE2)) {
		if ((unsigned char)buf[i] == 0xE2)
			i += 3;
		else
			i++;
		bare = 1;
	}
	for (digits = 0; i < n && is_digit(buf[i]); i++)
		digits++;
	if (!digits || digits > 4)
		return 0;
	if (i < n && buf[i] == '/') {
		for (i++, digits = 0; i < n && is_digit(buf[i]); i++)
			digits++;
		if (!digits)
			return 0;
		bare = 1;
	}
	while (i < n && (buf[i] == '-' || (unsigned char)buf[i] == 0xE2))
		i += (unsigned char)buf[i] == 0xE2 ? 3 : 1;
	return i >= n && (bare || buf[0] == '-' || strncmp(buf, "Page", 4) == 0 ||
			  strncmp(buf, "page", 4) == 0);
}

/* A line with its digits replaced and spaces dropped, to compare headers. */
static void
furniture_key(const struct lline *ln, char *key, size_t size)
{
	size_t n = 0;

	for (size_t i = 0; i < ln->len && n + 1 < size; i++) {
		if (ln->s[i] == ' ')
			continue;
		key[n++] = is_digit(ln->s[i]) ? '#' : ln->s[i];
	}
	key[n] = '\0';
}

#define GR_EDGE 2 /* lines at the top and the bottom of a page looked at */

/* The non-blank lines at the edges of each page, each once, with the
 * page it is on. */
static size_t
page_edges(const struct builder *b, size_t *edges, size_t *pages, size_t cap)
{
	size_t n = 0, page_start = 0, page = 0;

	for (size_t i = 0; i <= b->nlines; i++) {
		size_t first = n;
		if (i < b->nlines && !(i > page_start && b->lines[i].src->page_break))
			continue;
		/* Lines [page_start, i) make a page. */
		for (size_t k = page_start, seen = 0; k < i && seen < GR_EDGE; k++)
			if (!b->lines[k].blank && n < cap && (seen++, 1))
				edges[n++] = k;
		for (size_t k = i, seen = 0; k-- > page_start && seen < GR_EDGE;) {
			int again = 0;
			if (b->lines[k].blank)
				continue;
			seen++;
			for (size_t e = first; e < n; e++)
				again |= edges[e] == k;
			if (!again && n < cap)
				edges[n++] = k;
		}
		for (size_t e = first; e < n; e++)
			pages[e] = page;
		page_start = i;
		page++;
	}
	return n;
}

struct edge_key {
	const char *key;
	size_t page, line;
};

static int
compare_edge_keys(const void *a, const void *c)
{
	const struct edge_key *x = a, *y = c;
	int d = strcmp(x->key, y->key);

	if (d)
		return d;
	return (x->page > y->page) - (x->page < y->page);
}

static int
mark_furniture(struct builder *b)
{
	size_t cap = 4 * GR_EDGE * (b->nlines + 1), n, pages = 1;
	size_t *edges, *edge_pages;
	struct edge_key *order;
	char (*keys)[96];
	int paged = 0;

	for (size_t i = 1; i < b->nlines; i++)
		if (b->lines[i].src->page_break)
			pages++, paged = 1;
	if (b->nlines && b->lines[0].src->page_break)
		paged = 1;
	for (size_t i = 0; i < b->nlines; i++) {
		struct lline *ln = &b->lines[i];
		/* Unmistakable page numbers anywhere ("- 3 -", 第3页). */
		if (!ln->blank && ln->len - ln->indent < 40 &&
		    is_page_number(ln->s, ln->len, 0))
			ln->furniture = 1;
	}
	if (!paged)
		return 0;
	cap = cap < 4 * GR_EDGE * (pages + 1) ? cap : 4 * GR_EDGE * (pages + 1);
	edges = gr_malloc(cap * sizeof(*edges));
	edge_pages = gr_malloc(cap * sizeof(*edge_pages));
	keys = gr_malloc(cap * sizeof(*keys));
	if (!edges || !edge_pages || !keys) {
		gr_free(edges);
		gr_free(edge_pages);
		gr_free(keys);
		return -1;
	}
	n = page_edges(b, edges, edge_pages, cap);
	for (size_t e = 0; e < n; e++)
		furniture_key(&b->lines[edges[e]], keys[e], sizeof(keys[e]));
	for (size_t e = 0; e < n; e++) {
		struct lline *ln = &b->lines[edges[e]];
		if (ln->len - ln->indent < 40 && is_page_number(ln->s, ln->len, 1))
			ln->furniture = 1;
		/* Rows of numbers repeat too; they are no header. */
		if (ln->nvalues || ln->heading || ln->furniture)
			keys[e][0] = '\0';
	}
	/* A line repeated at the edge of another page is a header or a
	 * footer: equal keys sort together. */
	order = gr_malloc((n + 1) * sizeof(*order));
	if (!order) {
		gr_free(edges);
		gr_free(edge_pages);
		gr_free(keys);
		return -1;
	}
	for (size_t e = 0; e < n; e++)
		order[e] = (struct edge_key){ keys[e], edge_pages[e], edges[e] };
	qsort(order, n, sizeof(*order), compare_edge_keys);
	for (size_t e = 0, end; e < n; e = end) {
		int pages_differ = 0;
		for (end = e + 1; end < n && strcmp(order[end].key, order[e].key) == 0; end++)
			pages_differ |= order[end].page != order[e].page;
		for (size_t k = e; pages_differ && order[e].key[0] && k < end; k++)
			b->lines[order[k].line].furniture = 1;
	}
	gr_free(order);
	gr_free(edges);
	gr_free(edge_pages);
	gr_free(keys);
	return 0;
}

/* ---- items ------------------------------------------------------------------ */

static size_t
new_item(struct builder *b, const struct lline *ln, const char *s, size_t len,
	 size_t col, enum gr_item_kind kind)
{
	struct gr_items *items = b->out;
	size_t index = items->count;

	struct gr_item item = gr_item_at(NULL, 0, ln->src->offset, ln->src->number, kind);

	if (b->texts_cap == index) {
		size_t cap = b->texts_cap ? b->texts_cap * 2 : 512;
		struct pending *texts = gr_realloc(b->texts, cap * sizeof(*texts));
		if (!texts) {
			b->failed = 1;
			return NONE;
		}
		b->texts = texts;
		b->texts_cap = cap;
	}
	item.column = (uint32_t)col + 1;
	if (!gr_items_append(items, &item)) {
		b->failed = 1;
		return NONE;
	}
	gr_strbuf_init(&b->texts[index].text);
	gr_strbuf_append(&b->texts[index].text, s, len);
	return index;
}

/*
 * Append text to an item: without a space where a Chinese character meets
 * anything but a letter or digit on the other side, with one between two
 * letters or digits.
 */
static void
join(struct builder *b, size_t item, const char *s, size_t len)
{
	gr_wrap_join(&b->texts[item].text, s, len);
}

/* pdftotext puts a space between a digit and a Chinese character
 * ("2024 年"): the text had none. Copies s into out without them. */
static void
drop_digit_spaces(const char *s, size_t len, struct gr_strbuf *out)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == ' ' && i > 0 && i + 1 < len && s[i + 1] != ' ') {
			int32_t before = gr_utf8_before(s, i), after = gr_utf8_at(s, len, i + 1);
			if ((is_digit(before) && gr_is_wide(after, GR_WIDE_TERMINAL)) ||
			    (gr_is_wide(before, GR_WIDE_TERMINAL) && is_digit(after)))
				continue;
		}
		gr_strbuf_putc(out, s[i]);
	}
}

/* ---- prose --------------------------------------------------------------------- */

static int
is_full(const struct builder *b, const struct lline *ln)
{
	return b->width && ln->end + 8 >= b->width && ln->end * 10 >= b->width * 8;
}

/* A full prose line is about as wide as the widest lines of prose. */
static int
compare_size(const void *a, const void *c)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)c;
	return (x > y) - (x < y);
}

static int
measure_width(struct builder *b)
{
	size_t *ends = gr_malloc((b->nlines + 1) * sizeof(*ends)), n = 0;

	if (!ends)
		return -1;
	for (size_t i = 0; i < b->nlines; i++) {
		const struct lline *ln = &b->lines[i];
		/* Text laid out from word boxes keeps the page's margins: its
		 * widest line (a table's row, if the prose is short) ends at
		 * the right one. */
		if (b->display && !ln->blank && !ln->furniture && ln->end > b->width)
			b->width = ln->end;
		if (!ln->blank && !ln->gap && !ln->nvalues && !ln->furniture && ln->end >= 20)
			ends[n++] = ln->end;
	}
	if (b->display)
		n = 0;
	if (n) {
		qsort(ends, n, sizeof(*ends), compare_size);
		b->width = ends[(n * 9) / 10 >= n ? n - 1 : (n * 9) / 10];
	}
	gr_free(ends);
	return 0;
}

static void
prose_line(struct builder *b, size_t i)
{
	const struct lline *ln = &b->lines[i];
	const char *s = ln->s + ln->indent;
	size_t len = ln->len - ln->indent;
	struct gr_strbuf clean;

	gr_strbuf_init(&clean);
	drop_digit_spaces(s, len, &clean);
	if (gr_strbuf_failed(&clean)) {
		b->failed = 1;
		return;
	}
	if (b->paragraph != NONE) {
		join(b, b->paragraph, clean.data, clean.len);
	} else {
		b->paragraph = new_item(b, ln, clean.data, clean.len, ln->indent,
					GR_ITEM_LINE);
	}
	b->para_line = i;
	gr_strbuf_release(&clean);
}

/* Whether line i continues the open paragraph. */
static int
continues_paragraph(const struct builder *b, size_t i, int blank_between)
{
	const struct lline *prev, *ln = &b->lines[i];

	if (b->paragraph == NONE || blank_between || ln->heading)
		return 0;
	prev = &b->lines[b->para_line];
	return is_full(b, prev) && ln->indent <= prev->indent + 1;
}

/* ---- fragments and values -------------------------------------------------------- */

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

static void
drop_stale_fragments(struct builder *b)
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
	int heading = is_part_heading(s, len);

	if (!heading && gr_numbering(s, len, NULL, NULL) == 0) {
		fr = column_fragment(b, t0->col);
		if (fr && !may_continue(b, fr, width, shape))
			fr = NULL;
		if (!fr && shape->lone && !shape->has_values)
			fr = lone_fragment(b, t0->col, width, shape);
	}
	gr_strbuf_init(&clean);
	drop_digit_spaces(s, len, &clean);
	if (gr_strbuf_failed(&clean)) {
		b->failed = 1;
		return;
	}
	if (fr) {
		join(b, fr->item, clean.data, clean.len);
		fr->step = b->step;
		fr->has_values |= shape->has_values;
		fr->header |= shape->header;
		if (width > fr->width)
			fr->width = width;
	} else {
		size_t item = new_item(b, ln, clean.data, clean.len, t0->col, GR_ITEM_CELL);
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
static void
text_fragments(struct builder *b, const struct lline *ln, size_t n, int has_values)
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
	size_t index = new_item(b, ln, ln->s + t->start, empty ? 0 : t->len, t->col,
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

static void
value_cells(struct builder *b, size_t i)
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

static void
table_line(struct builder *b, size_t i)
{
	const struct lline *ln = &b->lines[i];
	size_t ntext = ln->ntokens - ln->nvalues;

	b->paragraph = NONE;
	text_fragments(b, ln, ntext, ln->nvalues > 0);
	if (ln->nvalues) {
		/* The labels just above wait for these numbers. */
		for (size_t f = 0; f < b->nfrags; f++)
			if (b->frags[f].step + 1 >= b->step)
				b->frags[f].has_values = 1;
		value_cells(b, i);
	}
}

/* ---- the document -------------------------------------------------------------- */

int
gr_layout_detect(const struct gr_text *text)
{
	size_t nonblank = 0, gaps = 0, pages = 0;

	for (size_t i = 0; i < text->nlines; i++) {
		const struct gr_line *line = &text->lines[i];
		const char *s = gr_line_text(text, line);
		size_t len = line->len, start = 0;
		int gap = 0;

		pages += line->page_break;
		while (len && s[len - 1] == ' ')
			len--;
		while (start < len && s[start] == ' ')
			start++;
		if (start == len)
			continue;
		nonblank++;
		if (memchr(s, '|', len) || memchr(s, '\t', len))
			continue;
		/* Two spaces in a row inside the line (its ends are not
		 * spaces, so a non-space follows): a column gap. */
		for (const char *p = s + start;
		     !gap && (p = memchr(p, ' ', (size_t)(s + len - p))) != NULL; p++)
			gap = p[1] == ' ';
		gaps += gap;
	}
	if (nonblank == 0)
		return 0;
	return (gaps >= 8 && gaps * 10 >= nonblank) || (pages > 0 && gaps >= 3);
}

static int
page_edge_blank(const struct builder *b, size_t i)
{
	size_t k;

	if (b->lines[i].src->page_break)
		return 1;
	for (k = i + 1; k < b->nlines && b->lines[k].blank && !b->lines[k].src->page_break; k++)
		;
	if (k < b->nlines && (b->lines[k].furniture || b->lines[k].src->page_break))
		return 1;
	for (k = i; k-- > 0 && b->lines[k].blank;)
		;
	return k != (size_t)-1 && b->lines[k].furniture;
}

static int
finish(struct builder *b)
{
	struct gr_strbuf all;
	size_t *starts;

	gr_strbuf_init(&all);
	starts = gr_malloc((b->out->count + 1) * sizeof(*starts));
	if (!starts)
		return -1;
	for (size_t i = 0; i < b->out->count; i++) {
		struct gr_strbuf *t = &b->texts[i].text;
		const char *s = t->data ? t->data : "";
		size_t len = t->len;
		while (len && s[len - 1] == ' ')
			len--;
		while (len && *s == ' ')
			s++, len--;
		starts[i] = all.len;
		b->out->items[i].len = len;
		gr_strbuf_append(&all, s, len);
		gr_strbuf_putc(&all, '\0');
		if (gr_strbuf_failed(t))
			all.failed = 1;
	}
	if (gr_strbuf_failed(&all)) {
		gr_free(starts);
		gr_strbuf_release(&all);
		return -1;
	}
	b->out->joined = gr_strbuf_steal(&all, NULL);
	for (size_t i = 0; b->out->joined && i < b->out->count; i++)
		b->out->items[i].text = b->out->joined + starts[i];
	gr_free(starts);
	return b->out->joined || b->out->count == 0 ? 0 : -1;
}

static void
builder_release(struct builder *b)
{
	for (size_t i = 0; b->texts && i < b->out->count; i++)
		gr_strbuf_release(&b->texts[i].text);
	gr_free(b->texts);
	gr_free(b->frags);
	gr_free(b->lines);
}

int
gr_layout_build(const struct gr_text *text, struct gr_items *out)
{
	return gr_layout_build_as(text, GR_LAYOUT_MEASURED, out);
}

int
gr_layout_build_as(const struct gr_text *text, enum gr_layout_columns columns,
		   struct gr_items *out)
{
	struct builder b = { .text = text, .out = out, .paragraph = NONE,
			     .display = columns == GR_LAYOUT_DISPLAY };
	int blank_between = 0, rc = 0;

	*out = (struct gr_items){ 0 };
	b.nlines = text->nlines;
	b.lines = gr_calloc(b.nlines + 1, sizeof(*b.lines));
	if (!b.lines)
		return -1;
	for (size_t i = 0; i < b.nlines; i++)
		analyse(&b.lines[i], text, &text->lines[i], b.display);
	if (mark_furniture(&b) < 0 || measure_width(&b) < 0)
		b.failed = 1;
	for (size_t i = 0; i < b.nlines && !b.failed; i++) {
		const struct lline *ln = &b.lines[i];
		if (ln->furniture)
			continue;
		/* Blank lines at the edges of a page (next to a page break or
		 * to furniture) end neither a paragraph nor a table row. */
		if (ln->blank) {
			if (!page_edge_blank(&b, i)) {
				blank_between = 1;
				b.step++;
			}
			continue;
		}
		b.step++;
		drop_stale_fragments(&b);
		if (ln->overflow) {
			if (!continues_paragraph(&b, i, blank_between))
				b.paragraph = NONE;
			prose_line(&b, i);
		} else if (ln->nvalues || ln->gap) {
			table_line(&b, i);
		} else if (continues_paragraph(&b, i, blank_between)) {
			prose_line(&b, i);
		} else if (!ln->heading && ln->end * 10 >= b.width * 6 && b.width) {
			b.paragraph = NONE;
			prose_line(&b, i);
		} else {
			b.paragraph = NONE;
			text_fragments(&b, ln, ln->ntokens, 0);
		}
		blank_between = 0;
	}
	if (!b.failed)
		rc = finish(&b);
	builder_release(&b);
	if (b.failed || rc < 0) {
		gr_items_release(out);
		return -1;
	}
	return 0;
}
