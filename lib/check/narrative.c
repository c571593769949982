/* Prose checks; see narrative.h. */
#include <string.h>

#include "check/narrative.h"
#include "util/strbuf.h"
#include "util/utf8.h"

/* Longest clause quoted in a message, in bytes (about 40 characters). */
#define GR_QUOTE_MAX 120

static long
find(const char *s, size_t len, const char *word)
{
	const char *at = gr_search(s, len, word, strlen(word));

	return at ? (long)(at - s) : -1;
}

static int
contains_any(const char *s, size_t len, const char *const *words)
{
	for (; *words; words++)
		if (gr_contains(s, len, *words))
			return 1;
	return 0;
}

/*
 * The first count after position `from`: digits followed by a counting
 * word (件, 个, 起, …). Returns 0 and sets *n, or -1 when there is none.
 */
static int
count_after(const char *s, size_t len, size_t from, int64_t *n)
{
	static const char *const units[] = { "件", "个", "起", "宗", "次", "份", "条", NULL };

	for (size_t i = from; i < len; i++) {
		size_t j = i;
		int64_t v = 0;
		if (s[i] < '0' || s[i] > '9' || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9'))
			continue;
		while (j < len && s[j] >= '0' && s[j] <= '9' && v < INT64_MAX / 10)
			v = v * 10 + (s[j++] - '0');
		for (const char *const *u = units; *u; u++) {
			if (j + strlen(*u) <= len && memcmp(s + j, *u, strlen(*u)) == 0) {
				*n = v;
				return 0;
			}
		}
		i = j;
	}
	return -1;
}

static const char *const received_words[] = { "收到", "接到", "新收", "接收", NULL };
static const char *const none_words[] = { "未收到", "没有收到", "未接到", "没有接到",
					   "未接收", "未发生", "没有发生", "未出现",
					   "未涉及", NULL };

/* What a clause claims about a table figure. */
struct claim {
	int64_t count;
	const char *clause;
	size_t len;
};

static int
claims_applications(const char *s, size_t len, struct claim *c)
{
	long at;

	if (!gr_contains(s, len, "申请") || gr_contains(s, len, "复议") ||
	    gr_contains(s, len, "诉讼") || !contains_any(s, len, received_words))
		return 0;
	if (contains_any(s, len, none_words)) {
		c->count = 0;
		return 1;
	}
	at = find(s, len, "申请");
	return count_after(s, len, (size_t)at, &c->count) == 0;
}

/* "被申请行政复议0件", "未发生行政复议" for keyword 行政复议. */
static int
claims_figure(const char *s, size_t len, const char *keyword, struct claim *c)
{
	long at = find(s, len, keyword);

	if (at < 0)
		return 0;
	if (count_after(s, len, (size_t)at, &c->count) == 0)
		return 1;
	if (contains_any(s, len, none_words)) {
		c->count = 0;
		return 1;
	}
	return 0;
}

/* The table's figure, or -1 when a cell it needs is null. */
static int
table_figure(const struct govreport *r, const struct gr_figure *f, unsigned flags,
	     int64_t *sum, struct gr_cell_ref *ref)
{
	const struct gr_table *t = gr_table_get(r->tpl, f->section);
	const struct gr_cell *cells = t ? gr_report_cells(r, f->section) : NULL;

	*sum = 0;
	if (!cells)
		return -1;
	for (int i = 0; i < 2 && f->rows[i] >= 0; i++) {
		const struct gr_cell *c;
		if (gr_cell_find(t, f->rows[i], f->column, ref) < 0)
			return -1;
		c = &cells[ref->index];
		if (gr_cell_has_value(c))
			*sum += c->value;
		else if (!(c->state == GOVREPORT_CELL_BLANK && (flags & GOVREPORT_BLANK_AS_ZERO)))
			return -1;
	}
	gr_cell_find(t, f->rows[0], f->column, ref);
	return 0;
}

static int
report_mismatch(struct govreport *r, const struct gr_figure *f, const char *part,
		const struct claim *c, int64_t table, const struct gr_cell_ref *ref)
{
	int quote = c->len > GR_QUOTE_MAX ? GR_QUOTE_MAX : (int)c->len;

	/* Do not cut a character in two. */
	while (quote > 0 && quote < (int)c->len && (c->clause[quote] & 0xC0) == 0x80)
		quote--;
	if (gr_diag_add(&r->diags, f->code, NULL, ref, 0,
			gr_printf("第%s部分写道“%.*s”，而表%s中%s为 %lld", part, quote,
				  c->clause, ref->table->number, f->zh, (long long)table),
			gr_printf("part %s says \"%.*s\", but %s counts %lld %s", part,
				  quote, c->clause, ref->table->en, (long long)table,
				  f->en)) < 0)
		return -1;
	gr_diag_set_numbers(&r->diags, c->count, table);
	return 0;
}

static int
is_clause_end(const char *s, size_t len, size_t i, size_t *width)
{
	switch (s[i]) {
	case ';': case '!': case '?': case '\n':
		*width = 1;
		return 1;
	case '\xE3': /* 。 is E3 80 82 */
		if (i + 2 < len && s[i + 1] == '\x80' && s[i + 2] == '\x82') {
			*width = 3;
			return 1;
		}
		return 0;
	case '\xEF': /* prose keeps ；！？ as printed: EF BC 9B, 81, 9F */
		if (i + 2 < len && s[i + 1] == '\xBC' &&
		    (s[i + 2] == '\x9B' || s[i + 2] == '\x81' || s[i + 2] == '\x9F')) {
			*width = 3;
			return 1;
		}
		return 0;
	default:
		return 0;
	}
}

/* Check one prose field, figure by figure; the first claim of each counts.
 * `part` is its part's number, for messages. */
static int
check_text(struct govreport *r, const char *text, const char *part,
	   unsigned flags, int *done)
{
	/* The bytes a clause can end at: ; ! ? newline, and the lead bytes
	 * of 。 and of the full-width ；！？ */
	static const unsigned char stops[256] = {
		[';'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 1, [0xE3] = 1, [0xEF] = 1,
	};
	size_t nfigures, len = strlen(text), start = 0, ndone = 0;
	const struct gr_figure *figures = gr_figures(&nfigures);

	for (size_t k = 0; k < nfigures; k++)
		ndone += done[k] != 0;
	for (size_t i = 0; i <= len && ndone < nfigures; i++) {
		size_t width = 0, clen;
		const char *clause;
		if (i < len && (!stops[(unsigned char)text[i]] ||
				!is_clause_end(text, len, i, &width)))
			continue;
		clause = text + start;
		clen = i - start;
		start = i + width;
		i += width ? width - 1 : 0;
		for (size_t k = 0; k < nfigures; k++) {
			const struct gr_figure *f = &figures[k];
			struct claim c = { 0, clause, clen };
			struct gr_cell_ref ref;
			int64_t table;
			/* The first claim of each figure counts: once all are
			 * made, the rest of the text says nothing new. */
			if (done[k] || !(f->keyword ? claims_figure(clause, clen, f->keyword, &c)
						       : claims_applications(clause, clen, &c)))
				continue;
			ndone++;
			done[k] = 1;
			if (table_figure(r, f, flags, &table, &ref) < 0 || table == c.count)
				continue;
			if (report_mismatch(r, f, part, &c, table, &ref) < 0)
				return -1;
		}
	}
	return 0;
}

int
gr_narrative_rules(struct govreport *r, unsigned flags)
{
	int done[GR_MAX_FIGURES] = { 0 };
	const char *overview = r->fields[GOVREPORT_FIELD_OVERVIEW];
	const char *other = r->fields[GOVREPORT_FIELD_OTHER_MATTERS];

	if (!r->tpl)
		return 0;
	if (overview && check_text(r, overview, gr_part(GR_PART_OVERVIEW)->number,
				   flags, done) < 0)
		return -1;
	if (other && check_text(r, other, gr_part(GR_PART_OTHER)->number, flags,
				done) < 0)
		return -1;
	return 0;
}
