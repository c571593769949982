/*
 * Text whose elements were joined with no separator (SPEC §2 item 15: an
 * HTML parser's get_text("")): "规章001行政规范性文件17379第二十条…".
 * Such a run is cut where text meets a number and where a number meets
 * text, so that each run of digits is a paragraph of its own (the table
 * recovery splits a run fused from several cells: digitsplit.h); a
 * number that prose would write (2024年, 第3项, 5件, 10%) stays in its
 * text, and the digit before "1." or "2、" starts a numbered label. The
 * text before a number loses its last row label of either template to a
 * paragraph of its own ("…现行有效件数" and "规章"), which is what the
 * tables are found by.
 */
#include <string.h>

#include "input/fused.h"
#include "tables/label.h"
#include "model/template.h"
#include "util/utf8.h"

/* Characters after a number that make it part of prose. */
static int
is_prose_unit(int32_t c)
{
	static const int32_t units[] = { 0x5E74 /* 年 */, 0x6708 /* 月 */, 0x65E5 /* 日 */,
					 0x53F7 /* 号 */, 0x4EF6 /* 件 */, 0x6761 /* 条 */,
					 0x4E2A /* 个 */, 0x9879 /* 项 */, 0x6B21 /* 次 */,
					 0x4EBA /* 人 */, 0x540D /* 名 */, 0x4EFD /* 份 */,
					 0x5929 /* 天 */, '%', ':', '-' };

	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (c == units[i])
			return 1;
	return 0;
}

static int
is_digit(int32_t c)
{
	return c >= '0' && c <= '9';
}

/* Characters a label's numbering is written with: (一) 一、 1. */
static int
is_numbering_char(int32_t c)
{
	static const char marks[] = "().、";
	static const int32_t han[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
				       0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341 };

	if (is_digit(c) || (c > 0 && c < 0x80 && strchr(marks, (int)c)))
		return 1;
	if (c == 0x3001)
		return 1;
	for (size_t i = 0; i < sizeof(han) / sizeof(han[0]); i++)
		if (c == han[i])
			return 1;
	return 0;
}

static size_t numbering_start(const char *s, size_t at);

/* ---- row labels at the end of a text ---------------------------------- */

#define GR_FUSED_MAX_HAN 80

/* Whether the Han characters han[0..n) (the text's last, last first) end
 * with the key's characters. */
static int
ends_with_key(const int32_t *han, size_t n, const struct gr_key *key)
{
	if (key->len == 0 || key->len > n)
		return 0;
	for (size_t k = 0; k < key->len; k++)
		if (han[k] != key->cp[key->len - 1 - k])
			return 0;
	return 1;
}

/* The longest row-label key (of either template, official variants too)
 * the text ends with: its length in characters, or 0. */
static size_t
longest_label_suffix(const int32_t *han, size_t n)
{
	static const enum govreport_template ids[] = { GOVREPORT_TEMPLATE_2019,
						       GOVREPORT_TEMPLATE_2021 };
	size_t best = 0;

	for (size_t t = 0; t < 2; t++) {
		const struct gr_template *tpl = gr_template_get(ids[t]);
		for (int s = 0; tpl && s < GR_SECTION_COUNT; s++) {
			const struct gr_table *table = &tpl->tables[s];
			for (size_t g = 0; g < table->ngroups; g++)
				for (size_t r = 0; r < table->groups[g].nrows; r++) {
					const struct gr_row_keys *keys =
						gr_row_keys_get(&table->groups[g].rows[r]);
					if (!keys)
						continue;
					if (keys->label.len > best && ends_with_key(han, n, &keys->label))
						best = keys->label.len;
					for (size_t a = 0; a < keys->naliases; a++)
						if (keys->aliases[a].len > best &&
						    ends_with_key(han, n, &keys->aliases[a]))
							best = keys->aliases[a].len;
				}
		}
	}
	return best;
}

/* Where the row label that ends s[0, len) begins, its numbering
 * included; len when the text ends with none. */
static size_t
label_start(const char *s, size_t len)
{
	int32_t han[GR_FUSED_MAX_HAN];
	size_t at[GR_FUSED_MAX_HAN], n = 0, pos = len, found;

	while (pos > 0 && n < GR_FUSED_MAX_HAN) {
		int32_t c = gr_utf8_before(s, pos);
		size_t prev = gr_utf8_prev(s, pos);
		if (gr_is_han(c)) {
			han[n] = c;
			at[n++] = prev;
		}
		pos = prev;
	}
	found = longest_label_suffix(han, n);
	if (found == 0)
		return len;
	/* Its numbering, "(一)" "一、" "1.", before its first character. */
	return numbering_start(s, at[found - 1]);
}

/* ---- cutting ----------------------------------------------------------- */

static int
push(struct gr_items *items, const struct gr_line *line, const char *base, const char *s,
     size_t len)
{
	return gr_items_add_piece(items, line, base, s, len, GR_ITEM_LINE);
}

/* Text before a number: its last row label a paragraph of its own. */
static int
push_text(struct gr_items *items, const struct gr_line *line, const char *base,
	  const char *s, size_t len)
{
	size_t label = label_start(s, len);

	if (push(items, line, base, s, label) < 0)
		return -1;
	return push(items, line, base, s + label, len - label);
}

/*
 * A run of digits and '-' that starts at s[at], right after a row label
 * (the text since s[text]), a '-' in it: 行政许可175-3720 is the cells 175
 * -3 720 of table 二 fused, a '-' starting a value (digitsplit.h). Where
 * it ends; at when there is none there. A '-' after a number that follows
 * anything else is prose's (2024-01-16, 1-3月).
 */
static size_t
signed_run_end(const char *s, size_t len, size_t text, size_t at)
{
	size_t end = at;
	int minus = 0, digits = 0;

	if ((s[at] != '-' && !is_digit((unsigned char)s[at])) || !gr_is_han(gr_utf8_before(s, at)))
		return at;
	for (; end < len && (s[end] == '-' || is_digit((unsigned char)s[end])); end++) {
		minus |= s[end] == '-';
		digits |= is_digit((unsigned char)s[end]);
	}
	if (!minus || !digits || is_prose_unit(gr_utf8_at(s, len, end)) ||
	    label_start(s + text, at - text) == at - text)
		return at;
	return end;
}

/* Numbers apart from text in s[0, len). */
static int
cut_numbers(struct gr_items *items, const struct gr_line *line, const char *base,
	    const char *s, size_t len)
{
	size_t text = 0, i = 0;

	while (i < len) {
		size_t end = signed_run_end(s, len, text, i), value_end;
		int32_t before, after;
		if (end > i) {
			if (push_text(items, line, base, s + text, i - text) < 0 ||
			    push(items, line, base, s + i, end - i) < 0)
				return -1;
			text = i = end;
			continue;
		}
		before = gr_utf8_before(s, i);
		if (!is_digit((unsigned char)s[i]) || is_digit(before)) {
			i++;
			continue;
		}
		while (end < len && is_digit((unsigned char)s[end]))
			end++;
		/* A decimal: 12.3456. */
		if (end + 1 < len && s[end] == '.' && is_digit((unsigned char)s[end + 1]))
			for (end++; end < len && is_digit((unsigned char)s[end]); end++)
				;
		value_end = end;
		after = gr_utf8_at(s, len, end);
		if (before == 0x7B2C /* 第 */ || is_prose_unit(after) || before == '.' ||
		    (before > 0 && before < 0x80 && before != ')' && !gr_is_han(before) &&
		     before != ' ')) {
			i = end;
			continue;
		}
		/* "…0001.属于…": the last digit numbers the next label. */
		if ((after == '.' || after == 0x3001) && end - i >= 1)
			value_end = end - 1;
		if (value_end > i) {
			if (push_text(items, line, base, s + text, i - text) < 0 ||
			    push(items, line, base, s + i, value_end - i) < 0)
				return -1;
			text = value_end;
		}
		i = end;
	}
	return push(items, line, base, s + text, len - text);
}

/* Back from s[at] over the numbering of a heading ("二、"): where it
 * begins, or at itself when there is none. */
static size_t
numbering_start(const char *s, size_t at)
{
	size_t start = at;

	for (int k = 0; k < 4 && start > 0 && is_numbering_char(gr_utf8_before(s, start)); k++)
		start = gr_utf8_prev(s, start);
	return start;
}

/* Back from s[at] over a heading's numbering, a Chinese numeral and 、
 * ("四、"): where it begins, or at itself when there is none. Digits
 * before a heading are the last row's numbers, never its numbering. */
static size_t
heading_numbering_start(const char *s, size_t at)
{
	int32_t mark = gr_utf8_before(s, at), numeral;
	size_t start = at;

	if (mark != 0x3001 && mark != '.')
		return at;
	start = gr_utf8_prev(s, start);
	numeral = gr_utf8_before(s, start);
	if (numeral < 0x4E00 || is_digit(numeral) || !is_numbering_char(numeral))
		return at;
	return gr_utf8_prev(s, start);
}

/* ---- where the plain one-line text has a space -------------------------- */

/*
 * Fused, the page's chrome and the title run into the text around them
 * ("…浏览次数:128鲤城区…年度报告现公布2020年…。", "…2021年1月6日【打印】
 * 【关闭】主办单位:…"), where the one-line text of get_text(" ") has a
 * space: between elements. Those boundaries are cut again where the text
 * says for sure where an element ends: after a counter's digits, before a
 * bracketed page action, after a title followed by more text.
 */

/* A page counter whose value is digits: 浏览次数:128. */
static const char *const counters[] = { "浏览次数:", "阅读次数:", "点击数:", "点击:" };
/* Page actions: 【打印】【关闭】. */
static const char *const actions[] = { "【打印】", "[打印]", "【关闭】", "[关闭]",
				       "【收藏】", "[收藏]" };

/* A title's longest text, in bytes (80 characters). */
#define GR_FUSED_MAX_TITLE 240

/* Where the title that starts s ends ("…2020年政府信息公开工作年度报告"
 * followed by Han text), or 0 when s starts with none such. */
static size_t
title_end(const char *s, size_t len)
{
	static const char *const ends[] = { "年度报告", "工作报告" };
	size_t best = 0;

	for (size_t k = 0; k < sizeof(ends) / sizeof(ends[0]); k++) {
		size_t n = strlen(ends[k]), end;
		const char *at = gr_search(s, len < GR_FUSED_MAX_TITLE ? len : GR_FUSED_MAX_TITLE,
					   ends[k], n);
		if (!at)
			continue;
		end = (size_t)(at - s) + n;
		if (end < len && gr_is_han(gr_utf8_at(s, len, end)) &&
		    gr_search(s, end, "信息公开", strlen("信息公开")) &&
		    !gr_has_prose_punctuation(s, end) && (best == 0 || end < best))
			best = end;
	}
	return best;
}

/* Where the date that ends s[0, len) begins ("2021年1月6日"), or len. */
static size_t
date_start(const char *s, size_t len)
{
	static const char *const marks[] = { "日", "月", "年" };
	static const size_t most[] = { 2, 2, 4 };
	size_t at = len;

	for (size_t k = 0; k < 3; k++) {
		size_t n = strlen(marks[k]), digits = 0;
		if (at < n || memcmp(s + at - n, marks[k], n) != 0)
			return len;
		at -= n;
		while (at > 0 && digits < most[k] && is_digit((unsigned char)s[at - 1])) {
			at--;
			digits++;
		}
		if (digits == 0 || (k == 2 && digits != 4))
			return len;
	}
	return at;
}

/* The closing signature before the page's chrome, "无。鲤城区…办事处
 * 2021年1月6日": where the organ and date begin after the last sentence
 * (the element before them), or 0 when s[0, len) ends with none such. */
#define GR_FUSED_MAX_SIGNATURE 120
static size_t
signature_start(const char *s, size_t len)
{
	size_t date = date_start(s, len), from;
	const char *stop = NULL, *at;

	if (date == len)
		return 0;
	from = date > GR_FUSED_MAX_SIGNATURE ? date - GR_FUSED_MAX_SIGNATURE : 0;
	while ((at = gr_search(s + from, date - from, "。", strlen("。"))) != NULL) {
		stop = at;
		from = (size_t)(at - s) + strlen("。");
	}
	if (!stop || gr_has_prose_punctuation(s + from, date - from))
		return 0;
	return from;
}

/* The first boundary in s[0, len) after its start, or len. */
static size_t
next_element(const char *s, size_t len)
{
	size_t cut = title_end(s, len);

	if (cut == 0)
		cut = len;
	for (size_t k = 0; k < sizeof(counters) / sizeof(counters[0]); k++) {
		const char *at = gr_search(s, cut, counters[k], strlen(counters[k]));
		size_t end;
		if (!at)
			continue;
		end = (size_t)(at - s) + strlen(counters[k]);
		if (end >= len || !is_digit((unsigned char)s[end]))
			continue;
		while (end < len && is_digit((unsigned char)s[end]))
			end++;
		if (end < cut)
			cut = end;
	}
	for (size_t k = 0; k < sizeof(actions) / sizeof(actions[0]); k++) {
		const char *at = gr_search(s, cut, actions[k], strlen(actions[k]));
		if (at && at > s && (size_t)(at - s) < cut)
			cut = (size_t)(at - s);
	}
	/* Before a page action: the signature apart from the last sentence. */
	if (cut < len) {
		size_t signature = signature_start(s, cut);
		if (signature > 0 && signature < cut)
			cut = signature;
	}
	return cut;
}

/* s[0, len) apart at its elements' boundaries, each piece's numbers
 * apart from its text. */
static int
cut_elements(struct gr_items *items, const struct gr_line *line, const char *base,
	     const char *s, size_t len)
{
	while (len > 0) {
		size_t cut = next_element(s, len);
		if (cut_numbers(items, line, base, s, cut) < 0)
			return -1;
		s += cut;
		len -= cut;
	}
	return 0;
}

/* The first part heading in s[0, len) with its numbering: *begin and
 * *end, or 0 when there is none. */
static int
find_heading(const char *s, size_t len, size_t *begin, size_t *end)
{
	int found = 0;

	for (int p = 0; p < GR_PART_COUNT; p++) {
		const char *h = gr_part((enum gr_part)p)->heading;
		size_t hlen = strlen(h), from = 0;
		const char *at;
		while ((at = gr_search(s + from, len - from, h, hlen)) != NULL) {
			size_t b = (size_t)(at - s), nb = heading_numbering_start(s, b);
			if (nb < b && (!found || nb < *begin)) {
				*begin = nb;
				*end = b + hlen;
				found = 1;
				break;
			}
			from = b + hlen;
		}
	}
	return found;
}

int
gr_fused_cut(struct gr_items *items, const struct gr_line *line, const char *base,
	     const char *s, size_t len)
{
	size_t begin = 0, end = 0;

	/* The part headings, numbered, are paragraphs of their own. */
	while (find_heading(s, len, &begin, &end)) {
		if (cut_elements(items, line, base, s, begin) < 0 ||
		    push(items, line, base, s + begin, end - begin) < 0)
			return -1;
		s += end;
		len -= end;
	}
	return cut_elements(items, line, base, s, len);
}
