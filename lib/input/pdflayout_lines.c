/*
 * pdftotext -layout, one line at a time: its tokens and their columns,
 * the numbers that end a value line (a number glued to its label split
 * off), and whether it is a part's heading. See pdflayout_build.h.
 */
#include <string.h>

#include "tables/cellvalue.h"
#include "tables/label.h"
#include "input/pdflayout_build.h"
#include "util/utf8.h"

/* A value token is short. */
#define GR_LAYOUT_MAX_VALUE 24
/* A label before a single value, without a gap, is at most this wide. */
#define GR_LAYOUT_MAX_LABEL 48

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
int
gr_layout_is_part_heading(const char *s, size_t len)
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

/* Read line src into ln: its tokens, its numbers, its shape. */
void
gr_layout_read_line(struct lline *ln, const struct gr_text *text, const struct gr_line *src, int display)
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
	ln->heading = gr_layout_is_part_heading(ln->s + ln->indent, ln->len - ln->indent);
}
