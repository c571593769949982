/*
 * Title, organ, year, closing date and prose. Each is looked for where the
 * template of a report puts it; each is NULL when the document does not
 * say: nothing is made up.
 */
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "tables/label.h"
#include "parts/metadata.h"
#include "input/printed.h"
#include "util/strbuf.h"
#include "util/utf8.h"

#define NONE GR_NO_ITEM
/* The title sits within the first lines when part 一 has no heading. */
#define GR_TITLE_SEARCH 20
/* Longest line of page chrome, in bytes. */
#define GR_MAX_CHROME 200
/* Longest organ name, in characters. */
#define GR_MAX_ORGAN 40
/* Longest title, in bytes. */
#define GR_MAX_TITLE 240
/* How far after 统计期限 its first date may start, in bytes: a few words
 * ("为", "自", "是从") before "2023年". */
#define GR_PERIOD_REACH 36

/* ---- small text helpers ---------------------------------------------- */

static int
ends_with(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	return n <= len && memcmp(s + len - n, word, n) == 0;
}

static int
starts_with(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	return n <= len && memcmp(s, word, n) == 0;
}

/* The first c in [s, end), or end. */
static const char *
find_or_end(const char *s, const char *end, char c)
{
	const char *p = s < end ? memchr(s, c, (size_t)(end - s)) : NULL;

	return p ? p : end;
}

/*
 * The blanks (spaces and tabs) of [s, end) one after the other, each
 * kind looked for again only once passed: every byte is looked at once,
 * whatever the blanks.
 */
struct blanks {
	const char *end, *space, *tab;
};

static struct blanks
blanks_of(const char *s, const char *end)
{
	return (struct blanks){ end, find_or_end(s, end, ' '), find_or_end(s, end, '\t') };
}

/* The first blank at or after s, or end. */
static const char *
next_blank(struct blanks *b, const char *s)
{
	if (b->space < s)
		b->space = find_or_end(s, b->end, ' ');
	if (b->tab < s)
		b->tab = find_or_end(s, b->end, '\t');
	return b->space < b->tab ? b->space : b->tab;
}

/* s without whitespace ("2023 年" → "2023年"), appended to buf. Most text
 * has no blank: runs between blanks are found with memchr and appended at
 * once. */
static int
squeeze_append(const char *s, size_t len, struct gr_strbuf *buf)
{
	const char *end = s + len;
	struct blanks b = blanks_of(s, end);

	for (;;) {
		const char *blank = next_blank(&b, s);
		gr_strbuf_append(buf, s, (size_t)(blank - s));
		if (blank == end)
			break;
		s = blank + 1;
	}
	return gr_strbuf_failed(buf) ? -1 : 0;
}

/* s[0, len) without whitespace, in place; its new length. */
static size_t
squeeze_in_place(char *s, size_t len)
{
	const char *end = s + len, *from = s;
	struct blanks b = blanks_of(s, end);
	char *to = s;

	for (;;) {
		const char *blank = next_blank(&b, from);
		if (to != from)
			memmove(to, from, (size_t)(blank - from));
		to += blank - from;
		if (blank == end)
			break;
		from = blank + 1;
	}
	return (size_t)(to - s);
}

/* Copy of s without whitespace, into buf. */
static int
squeeze(const char *s, size_t len, struct gr_strbuf *buf)
{
	gr_strbuf_release(buf);
	return squeeze_append(s, len, buf);
}

static int
has_prose_punctuation(const char *s, size_t len)
{
	return gr_contains(s, len, ",") || gr_contains(s, len, "。") ||
	       gr_contains(s, len, ";") || gr_contains(s, len, ":");
}

int
gr_has_chrome_mark(const char *s, size_t len)
{
	static const char *const marks[] = {
		"来源:", "来源：", "点击:", "点击数", "分享到", "[打印]", "[关闭]",
		"[收藏]", "【打印】", "【关闭】", "发布时间", "浏览次数", "阅读次数",
		"字号:", "扫一扫", "发布日期:", "信息来源", NULL,
	};

	for (const char *const *m = marks; *m; m++)
		if (gr_contains(s, len, *m))
			return 1;
	return 0;
}

int
gr_is_chrome(const struct gr_item *item)
{
	const char *s = item->text;

	/* Chrome is a short line; prose that quotes 来源 is not chrome. */
	if (item->len > GR_MAX_CHROME)
		return 0;
	if (gr_has_chrome_mark(s, item->len))
		return 1;
	/* "2021-01-06 00:00:00": a page's publication stamp. */
	return item->len >= 16 && s[4] == '-' && s[7] == '-' && s[10] == ' ' &&
	       s[13] == ':';
}

/* ---- organ names ----------------------------------------------------- */

/* How an organ's name ends; longer ones first where one ends another. */
static const char *const organ_suffixes[] = {
	"人民政府", "街道办事处", "办事处", "管理委员会", "委员会", "办公室",
	"办公厅", "管委会", "政府", "局", "委", "办", "院", "厅", "署", "中心", "所",
	"站", "队", "馆", "处", "部", "会", "街道", NULL,
};

/* Words a sentence opens with that are no organ's first character. */
static const char *const not_organ_starts[] = {
	"我", "本", "在", "全", "各", "按照", "根据", "为", "以", "围绕",
	"坚持", "进一步", "认真", "今年", "自", "对", "共", NULL,
};

static size_t
suffix_at(const char *s, size_t len)
{
	for (const char *const *suf = organ_suffixes; *suf; suf++)
		if (starts_with(s, len, *suf))
			return strlen(*suf);
	return 0;
}

static int is_organ_name(const char *s, size_t len);

/*
 * An organ with its other name in brackets, as joint organs sign:
 * "中共某县委宣传部(某县人民政府新闻办公室)". Both names end as organs do.
 */
static int
is_joint_organ_name(const char *s, size_t len)
{
	size_t open = len;

	if (len < 2 || s[len - 1] != ')')
		return 0;
	while (open > 0 && s[open - 1] != '(')
		open--;
	return open > 1 && is_organ_name(s, open - 1) &&
	       is_organ_name(s + open, len - 1 - open);
}

static int
is_organ_name(const char *s, size_t len)
{
	size_t chars = 0, pos = 0;

	if (is_joint_organ_name(s, len))
		return 1;
	while (pos < len) {
		int32_t c = gr_utf8_next(s, len, &pos);
		if (!gr_is_han(c) && c != '(' && c != ')')
			return 0;
		chars++;
	}
	if (chars < 3 || chars > GR_MAX_ORGAN)
		return 0;
	for (const char *const *suf = organ_suffixes; *suf; suf++)
		if (ends_with(s, len, *suf))
			return 1;
	return 0;
}

/*
 * An organ named at the start of a run of Han characters
 * ("伊州区民政局以习近平…"): the shortest prefix ending in an organ word,
 * extended while more organ words follow (大同乡 + 人民政府).
 */
static size_t
organ_prefix(const char *s, size_t len)
{
	size_t pos = 0, end = 0, chars = 0;

	for (const char *const *w = not_organ_starts; *w; w++)
		if (starts_with(s, len, *w))
			return 0;
	while (pos < len && chars < GR_MAX_ORGAN) {
		size_t before = pos, suf;
		int32_t c = gr_utf8_next(s, len, &pos);
		if (!gr_is_han(c))
			break;
		chars++;
		suf = chars >= 2 ? suffix_at(s + before, len - before) : 0;
		if (suf) {
			end = before + suf;
			while ((suf = suffix_at(s + end, len - end)) != 0)
				end += suf;
			break;
		}
	}
	return end && is_organ_name(s, end) ? end : 0;
}

/* Skip a year "2023年" or "2023年度" at s; returns bytes skipped. */
static size_t
year_length(const char *s, size_t len, int *year)
{
	int y = 0;

	if (len < 7)
		return 0;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		y = y * 10 + (s[i] - '0');
	}
	if (!starts_with(s + 4, len - 4, "年"))
		return 0;
	if (year)
		*year = y;
	return starts_with(s + 7, len - 7, "度") ? 10 : 7;
}

/* The first year written "YYYY年" in s within a sane range, or 0. */
static int
first_year(const char *s, size_t len)
{
	for (size_t i = 0; i + 7 <= len; i++) {
		int y;
		if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
			continue;
		if (year_length(s + i, len - i, &y) && y >= 2000 && y <= 2100)
			return y;
	}
	return 0;
}

/* The length of a clause's stop (, 。 ; :) at s[i], or 0. */
static size_t
clause_stop(const char *s, size_t len, size_t i)
{
	if (s[i] == ',' || s[i] == ';' || s[i] == ':')
		return 1;
	return (unsigned char)s[i] == 0xE3 && starts_with(s + i, len - i, "。")
		       ? strlen("。")
		       : 0;
}

/* Where the clause holding s[at] begins and ends (at , 。 ; :): looked for
 * from s[at] both ways, not from the start of a long paragraph. */
static void
clause_around(const char *s, size_t len, size_t at, size_t *begin, size_t *end)
{
	*begin = 0;
	*end = len;
	for (size_t i = at; i-- > 0;) {
		size_t n = clause_stop(s, len, i);
		if (n) {
			*begin = i + n;
			break;
		}
	}
	for (size_t i = at; i < len; i++) {
		if (clause_stop(s, len, i)) {
			*end = i;
			break;
		}
	}
}

/* How deep in 《…》, 〈…〉 or <…> the text is at `pos`, carried forward
 * from hit to hit of a search instead of counted from the start each
 * time. */
struct bracket_scan {
	size_t pos;
	int depth;
};

static int
bracket_depth(const char *s, size_t len, size_t at, struct bracket_scan *scan)
{
	if (scan->pos > at)
		*scan = (struct bracket_scan){ 0 };
	while (scan->pos < at) {
		int32_t c = gr_utf8_next(s, len, &scan->pos);
		if (c == 0x300A /* 《 */ || c == 0x3008 /* 〈 */ || c == '<')
			scan->depth++;
		else if ((c == 0x300B || c == 0x3009 || c == '>') && scan->depth > 0)
			scan->depth--;
	}
	return scan->depth;
}

/*
 * Whether s[at] lies in the name of a document the report cites, not in
 * what the report says of itself: inside 《…》 or <…> (the 年度报告格式 of
 * the national notice), or in a clause about a notice ("按照XX办公室关于
 * 2023年度政府信息公开工作年度报告编制工作的通知要求", "…和国务院办公厅…
 * 关于印发…的通知"). No organ is taken from there. `scan` is where the
 * last call on s left off (zero for the first).
 */
static int
in_cited_notice(const char *s, size_t len, size_t at, struct bracket_scan *scan)
{
	size_t begin, end;

	if (bracket_depth(s, len, at, scan) > 0)
		return 1;
	clause_around(s, len, at, &begin, &end);
	return gr_contains(s + begin, end - begin, "关于") &&
	       gr_contains(s + begin, end - begin, "通知");
}

/*
 * The organ in front of "…政府信息公开工作年度报告": the words before it,
 * after any year and after the last punctuation. The 政府 of 人民政府
 * doubles as the 政府 of 政府信息公开 ("大同乡人民政府信息公开…").
 */
static int
organ_before_report_at(const char *s, size_t len, long at, struct gr_strbuf *out)
{
	static const char *const cuts[] = { ",", "。", "、", ":", ";", "(", ")",
					     "《", "》", "公布", "发布", NULL };
	size_t cut, start = 0, end, ylen;
	int add_zhengfu;

	cut = (size_t)at;
	if (ends_with(s, cut, "政府"))
		cut -= strlen("政府");
	end = cut;
	add_zhengfu = ends_with(s, end, "人民");
	/* The organ starts after the last punctuation or announcing verb
	 * (no two cuts start alike, so at most one fits at a place): look
	 * back from the end, only where a cut's first byte is. */
	for (size_t i = end; i-- > 0 && !start;) {
		unsigned char b = (unsigned char)s[i];
		if (b != ',' && b != ':' && b != ';' && b != '(' && b != ')' &&
		    b != 0xE3 && b != 0xE5)
			continue;
		for (const char *const *c = cuts; *c; c++) {
			if (starts_with(s + i, end - i, *c)) {
				start = i + strlen(*c);
				break;
			}
		}
	}
	/* …and after a year in front of it, or ends at a year behind it
	 * ("2024年XX政府" / "XX局2020年"). */
	ylen = year_length(s + start, end - start, NULL);
	if (ylen) {
		start += ylen;
	} else {
		for (size_t i = start; i < end; i++) {
			if (year_length(s + i, end - i, NULL)) {
				end = i;
				break;
			}
		}
	}
	if (ends_with(s + start, end - start, "关于"))
		end -= strlen("关于");
	if (start >= end)
		return 0;
	gr_strbuf_release(out);
	gr_strbuf_append(out, s + start, end - start);
	if (add_zhengfu && end == cut)
		gr_strbuf_puts(out, "政府");
	if (gr_strbuf_failed(out))
		return -1;
	return is_organ_name(out->data, out->len) ? 1 : 0;
}

/* Try each "…信息公开(工作)年度报告" in s: a preamble may first cite the
 * notice 〈中华人民共和国政府信息公开工作年度报告格式〉. */
static int
organ_before_report(const char *s, size_t len, struct gr_strbuf *out)
{
	static const char *const phrases[] = { "信息公开工作年度报告",
					       "信息公开年度报告", NULL };

	struct bracket_scan scan = { 0 };

	for (const char *const *p = phrases; *p; p++) {
		size_t n = strlen(*p);
		for (size_t i = 1; i + n <= len;) {
			const char *hit = gr_search(s + i, len - i, *p, n);
			int rc;
			if (!hit)
				break;
			i = (size_t)(hit - s);
			rc = in_cited_notice(s, len, i, &scan) ? 0
							: organ_before_report_at(s, len, (long)i, out);
			if (rc != 0)
				return rc;
			i++;
		}
	}
	return 0;
}

/* ---- dates ----------------------------------------------------------- */

static int
cjk_digit(int32_t c)
{
	static const int32_t digits[] = { 0x3007 /* 〇 */, 0x4E00, 0x4E8C, 0x4E09,
					  0x56DB, 0x4E94, 0x516D, 0x4E03,
					  0x516B, 0x4E5D };
	if (c == 0x96F6 /* 零 */ || c == 0x25CB /* ○ */ || c == 'O' || c == '0')
		return 0;
	for (int i = 0; i < 10; i++)
		if (digits[i] == c)
			return i;
	if (c >= '0' && c <= '9')
		return c - '0';
	return -1;
}

/* A number written in Arabic or Chinese digits up to 9999 (十 = 10). */
static int
read_date_number(const char *s, size_t len, size_t *pos, int max_digits)
{
	int value = 0, digits = 0, tens = 0;

	while (*pos < len && digits < max_digits) {
		size_t next = *pos;
		int32_t c = gr_utf8_next(s, len, &next);
		int d;
		if (c == 0x5341 /* 十 */) {
			tens = 1;
			value = (value ? value : 1) * 10;
			*pos = next;
			digits++;
			continue;
		}
		d = cjk_digit(c);
		if (d < 0)
			break;
		value = tens ? value + d : value * 10 + d;
		*pos = next;
		digits++;
	}
	return digits ? value : -1;
}

/*
 * Whether a date starting at s[start] ends s: 2024年1月16日, 2021-01-14,
 * 二〇二一年一月六日. Writes YYYY-MM-DD into iso when it does.
 */
static int
date_from(const char *s, size_t len, size_t start, char iso[11])
{
	size_t pos = start;
	int y, m, d;

	if (start > 0 && (s[start] & 0xC0) == 0x80)
		return 0; /* not a character boundary */
	y = read_date_number(s, len, &pos, 4);
	if (y < 1900 || pos - start < 4)
		return 0;
	if (starts_with(s + pos, len - pos, "年"))
		pos += 3;
	else if (pos < len && (s[pos] == '-' || s[pos] == '.' || s[pos] == '/'))
		pos++;
	else
		return 0;
	m = read_date_number(s, len, &pos, 3);
	if (starts_with(s + pos, len - pos, "月"))
		pos += 3;
	else if (pos < len && (s[pos] == '-' || s[pos] == '.' || s[pos] == '/'))
		pos++;
	else
		return 0;
	d = read_date_number(s, len, &pos, 3);
	if (starts_with(s + pos, len - pos, "日"))
		pos += 3;
	if (pos != len || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	if (y > 9999)
		return 0;
	snprintf(iso, 11, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	return gr_is_iso_date(iso, 10);
}

/* A date at the end of s: writes YYYY-MM-DD into iso and returns where the
 * date starts, or -1. */
static long
trailing_date(const char *s, size_t len, char iso[11])
{
	for (size_t start = 0; start < len; start++)
		if (date_from(s, len, start, iso))
			return (long)start;
	return -1;
}

/* ---- reading the parts ----------------------------------------------- */

struct reader {
	struct govreport *r;
	const struct gr_text *text; /* what the items' marks are in */
	const struct gr_items *items;
	const struct gr_parts *parts;
	struct gr_strbuf buf, tmp;
	/* Where a title or organ was found: the text it came from, squeezed,
	 * as read and as printed. */
	struct gr_strbuf source, printed;
	struct gr_strbuf title; /* the title as read (NFKC): what is matched */
	size_t title_first;    /* the title's first item (it may be wrapped) */
	size_t title_item;     /* its last item; NONE without a title */
	size_t signature_item; /* NONE without one */
	size_t date_item;      /* NONE without a closing date */
	size_t first_part;     /* where part 一 starts (or the search ends) */
};

static const struct gr_item *
item(const struct reader *rd, size_t i)
{
	return &rd->items->items[i];
}

/*
 * The length of s without a closing note of the year it reports on:
 * "…工作年度报告(2023年度)" → "…工作年度报告".
 */
static size_t
without_year_note(const char *s, size_t len)
{
	size_t open, ylen;

	if (len < 2 || s[len - 1] != ')')
		return len;
	for (open = len - 1; open > 0 && s[open - 1] != '('; open--)
		;
	if (open == 0)
		return len;
	/* "(2023年)" or "(2023年度)", the year ending the note. */
	ylen = year_length(s + open, len - 1 - open, NULL);
	return ylen && open + ylen == len - 1 ? open - 1 : len;
}

static int
is_title(const char *s, size_t len)
{
	size_t body = without_year_note(s, len);

	return len <= GR_MAX_TITLE && gr_contains(s, body, "信息公开") &&
	       (ends_with(s, body, "年度报告") || ends_with(s, body, "工作报告")) &&
	       !has_prose_punctuation(s, len);
}

/*
 * The squeezed text of items [first, first + count), as read into
 * rd->source and as printed into rd->printed.
 */
static int
take_source(struct reader *rd, size_t first, size_t count)
{
	gr_strbuf_release(&rd->source);
	gr_strbuf_release(&rd->printed);
	for (size_t i = first; i < first + count; i++) {
		const struct gr_item *it = item(rd, i);
		size_t at = rd->printed.len;
		if (squeeze_append(it->text, it->len, &rd->source) < 0 ||
		    gr_printed_append(rd->text, it, &rd->printed) < 0)
			return -1;
		/* Squeezed in place, as squeeze() does it. */
		rd->printed.len = at + squeeze_in_place(rd->printed.data + at,
							 rd->printed.len - at);
		rd->printed.data[rd->printed.len] = '\0';
	}
	return 0;
}

/*
 * Set field f to s (read text: matched, never shown) as the document
 * printed it: s is a stretch of rd->source, and the same stretch of
 * rd->printed keeps the report's own punctuation (SPEC §3).
 */
static int
set_printed(struct reader *rd, enum govreport_field f, const char *s, size_t len,
	    const char *source, size_t source_len, const char *printed, size_t printed_len)
{
	const char *at = len ? gr_search(source, source_len, s, len) : NULL;
	size_t begin, end;

	if (!at)
		return gr_report_set_field(rd->r, f, s, len);
	begin = gr_printed_offset(source, source_len, printed, printed_len,
				  (size_t)(at - source));
	end = gr_printed_offset(source, source_len, printed, printed_len,
				(size_t)(at - source) + len);
	return gr_report_set_field(rd->r, f, printed + begin, end - begin);
}

/* The title s, read from items [first, first + count). */
static int
set_title(struct reader *rd, size_t first, size_t count, const char *s, size_t len)
{
	gr_strbuf_release(&rd->title);
	gr_strbuf_append(&rd->title, s, len);
	if (gr_strbuf_failed(&rd->title) || take_source(rd, first, count) < 0)
		return -1;
	rd->title_first = first;
	rd->title_item = first + count - 1;
	return set_printed(rd, GOVREPORT_FIELD_TITLE, s, len, rd->source.data, rd->source.len,
			   rd->printed.data, rd->printed.len);
}

/*
 * A title that PDF text wrapped over two lines: "绿园区民政局 2020 年政府信息
 * 公开工作年度报" / "告". Neither line is a title, together they are.
 * Returns 1 when item i and the next are one, 0, or -1.
 */
static int
wrapped_title(struct reader *rd, size_t i)
{
	const struct gr_item *it = item(rd, i), *next;

	if (i + 1 >= rd->first_part)
		return 0;
	next = item(rd, i + 1);
	if (next->line > it->line + 2 || gr_is_chrome(it) || gr_is_chrome(next))
		return 0;
	if (squeeze(next->text, next->len, &rd->tmp) < 0)
		return -1;
	if (is_title(rd->tmp.data, rd->tmp.len))
		return 0; /* the next line is the title by itself */
	if (squeeze(it->text, it->len, &rd->buf) < 0)
		return -1;
	gr_strbuf_append(&rd->buf, rd->tmp.data, rd->tmp.len);
	if (gr_strbuf_failed(&rd->buf))
		return -1;
	if (!is_title(rd->buf.data, rd->buf.len))
		return 0;
	return set_title(rd, i, 2, rd->buf.data, rd->buf.len) < 0 ? -1 : 1;
}

/*
 * A crawled page's own record of its title, "标题:XX局2023年…年度报告"
 * (often "标  题:", or with the page's other fields on the same line:
 * "标题:… 发布日期:…"), for a body that prints none.
 */
static int
crawled_title(struct reader *rd, size_t i)
{
	const struct gr_item *it = item(rd, i);
	const char *at = gr_search(it->text, it->len, "题:", strlen("题:"));
	const char *value, *end = it->text + it->len;

	if (!at)
		return 0;
	/* "标题", or a word before it: 文章标题, 信息标题. */
	if (squeeze(it->text, (size_t)(at - it->text), &rd->tmp) < 0)
		return -1;
	if (!ends_with(rd->tmp.data, rd->tmp.len, "标") ||
	    rd->tmp.len > strlen("文章标"))
		return 0;
	value = at + strlen("题:");
	/* The value ends at the first gap after which it is a title. */
	for (const char *cut = value; cut <= end; cut++) {
		if (cut < end && *cut != ' ' && *cut != '\t')
			continue;
		if (squeeze(value, (size_t)(cut - value), &rd->buf) < 0)
			return -1;
		if (rd->buf.len > GR_MAX_TITLE)
			break;
		if (is_title(rd->buf.data, rd->buf.len))
			return set_title(rd, i, 1, rd->buf.data, rd->buf.len) < 0 ? -1 : 1;
	}
	return 0;
}

static int
find_title(struct reader *rd)
{
	int rc;

	for (size_t i = 0; i < rd->first_part; i++) {
		const struct gr_item *it = item(rd, i);
		if (squeeze(it->text, it->len, &rd->buf) < 0)
			return -1;
		if (!is_title(rd->buf.data, rd->buf.len)) {
			rc = wrapped_title(rd, i);
			if (rc != 0)
				return rc < 0 ? -1 : 0;
			continue;
		}
		/* A title wrapped after the organ: "长春市民政局" / "2020年…". */
		if (i > 0 && (rd->buf.data[0] >= '0' && rd->buf.data[0] <= '9')) {
			const struct gr_item *prev = item(rd, i - 1);
			if (squeeze(prev->text, prev->len, &rd->tmp) < 0)
				return -1;
			if (prev->line + 2 >= it->line && !gr_is_chrome(prev) &&
			    is_organ_name(rd->tmp.data, rd->tmp.len)) {
				gr_strbuf_append(&rd->tmp, rd->buf.data, rd->buf.len);
				if (gr_strbuf_failed(&rd->tmp))
					return -1;
				return set_title(rd, i - 1, 2, rd->tmp.data, rd->tmp.len);
			}
		}
		return set_title(rd, i, 1, rd->buf.data, rd->buf.len);
	}
	for (size_t i = 0; i < rd->first_part; i++) {
		rc = crawled_title(rd, i);
		if (rc != 0)
			return rc < 0 ? -1 : 0;
	}
	return 0;
}

/* The organ s, read from item i. */
static int
set_organ(struct reader *rd, size_t i, const char *s, size_t len)
{
	if (take_source(rd, i, 1) < 0)
		return -1;
	return set_printed(rd, GOVREPORT_FIELD_ORGAN, s, len, rd->source.data,
			   rd->source.len, rd->printed.data, rd->printed.len);
}

/* An organ naming itself at the start of a sentence: "伊州区民政局以…";
 * not the issuer of a notice the sentence cites ("国务院办公厅政府信息与
 * 政务公开办公室关于印发…的通知"). */
static int
organ_in_prose(struct reader *rd, size_t i, const char *s, size_t len)
{
	size_t n = organ_prefix(s, len);
	struct bracket_scan scan = { 0 };

	if (!n || in_cited_notice(s, len, n, &scan))
		return 0;
	return set_organ(rd, i, s, n) < 0 ? -1 : 1;
}

/* Whether a line ends a sentence: 。 ! ? ; : …, maybe before a closing
 * quote. A bracket does not: "（以下简称《条例》）" goes on. */
static int
ends_sentence(const char *s, size_t len)
{
	int32_t c;

	while (len > 0) {
		size_t at = gr_utf8_prev(s, len);
		c = gr_utf8_at(s, len, at);
		if (c != 0x201D && c != 0x2019 && c != '"' && c != '\'' &&
		    c != 0x300D && c != 0x300F)
			return c == 0x3002 || c == '!' || c == '?' || c == ';' ||
			       c == ':' || c == 0x2026 || c == '.';
		len = at;
	}
	return 0;
}

/*
 * Whether item i starts a paragraph, where an organ may name itself.
 * PDF text wraps a paragraph over lines, and a line that goes on from the
 * line above ("和国务院办公厅…", "国务院办公厅…") starts nothing.
 */
static int
starts_paragraph(const struct reader *rd, size_t i, size_t first)
{
	const struct gr_item *prev;

	if (i == first)
		return 1;
	prev = item(rd, i - 1);
	if (i - 1 == rd->title_item || gr_is_chrome(prev) ||
	    prev->line + 1 != item(rd, i)->line)
		return 1;
	return ends_sentence(prev->text, prev->len);
}

static int
find_organ(struct reader *rd)
{
	const char *printed_title = rd->r->fields[GOVREPORT_FIELD_TITLE];
	size_t overview = gr_part_begin(rd->parts, GR_PART_OVERVIEW);
	int rc;

	if (printed_title) {
		rc = organ_before_report(rd->title.data, rd->title.len, &rd->buf);
		if (rc != 0)
			return rc < 0 ? -1
				      : set_printed(rd, GOVREPORT_FIELD_ORGAN, rd->buf.data,
						    rd->buf.len, rd->title.data, rd->title.len,
						    printed_title, strlen(printed_title));
	}
	/* The introduction: "…向社会公布2024年XX人民政府信息公开工作年度报告". */
	for (size_t i = 0; i < rd->first_part; i++) {
		const struct gr_item *it = item(rd, i);
		if ((i >= rd->title_first && i <= rd->title_item) || gr_is_chrome(it))
			continue;
		if (squeeze(it->text, it->len, &rd->tmp) < 0)
			return -1;
		rc = organ_before_report(rd->tmp.data, rd->tmp.len, &rd->buf);
		if (rc != 0)
			return rc < 0 ? -1 : set_organ(rd, i, rd->buf.data, rd->buf.len);
		rc = starts_paragraph(rd, i, 0)
			     ? organ_in_prose(rd, i, rd->tmp.data, rd->tmp.len)
			     : 0;
		if (rc != 0)
			return rc < 0 ? -1 : 0;
	}
	/* The signature above the closing date. */
	if (rd->signature_item != NONE) {
		const struct gr_item *it = item(rd, rd->signature_item);
		if (squeeze(it->text, it->len, &rd->tmp) < 0)
			return -1;
		return set_organ(rd, rd->signature_item, rd->tmp.data, rd->tmp.len);
	}
	/* Last, the opening sentence of part 一 ("2023年,伊州区民政局以…"). */
	for (size_t i = overview; i != NONE && i < overview + 2 &&
	     i < gr_part_end(rd->parts, GR_PART_OVERVIEW); i++) {
		const struct gr_item *it = item(rd, i);
		const char *s = it->text;
		size_t len = it->len, skip;
		if (!starts_paragraph(rd, i, overview))
			break;
		if (squeeze(s, len, &rd->tmp) < 0)
			return -1;
		s = rd->tmp.data;
		len = rd->tmp.len;
		skip = year_length(s, len, NULL);
		if (skip && skip < len && s[skip] == ',')
			skip++;
		else if (skip && starts_with(s + skip, len - skip, "以来,"))
			skip += strlen("以来,");
		rc = organ_in_prose(rd, i, s + skip, len - skip);
		if (rc != 0)
			return rc < 0 ? -1 : 0;
	}
	return 0;
}

/*
 * The year a statement of the statistics' period names: "本报告中所列数据
 * 的统计期限自2023年1月1日起至2023年12月31日止", "统计时限为2024年1月1日至…":
 * the reporting year, said outright, whatever other years the text names
 * before it (the 条例's "2019年修订", last year's work). 0 when s has none.
 */
static int
statistics_year(const char *s, size_t len)
{
	static const char *const phrases[] = { "统计期限", "统计时限", "统计期间",
					       "统计时间", NULL };

	for (const char *const *p = phrases; *p; p++) {
		const char *at = gr_search(s, len, *p, strlen(*p));
		size_t from, n;
		if (!at)
			continue;
		from = (size_t)(at - s) + strlen(*p);
		n = len - from < GR_PERIOD_REACH ? len - from : GR_PERIOD_REACH;
		return first_year(s + from, n);
	}
	return 0;
}

static int
find_year(struct reader *rd)
{
	size_t overview = gr_part_begin(rd->parts, GR_PART_OVERVIEW);
	size_t overview_end = overview == NONE ? 0 : gr_part_end(rd->parts, GR_PART_OVERVIEW);
	int year = rd->title.len ? first_year(rd->title.data, rd->title.len) : 0;

	/* A statement of the statistics' period, before part 一 or in it. */
	for (size_t i = 0; !year && i < rd->first_part; i++) {
		const struct gr_item *it = item(rd, i);
		if (gr_is_chrome(it))
			continue;
		if (squeeze(it->text, it->len, &rd->tmp) < 0)
			return -1;
		year = statistics_year(rd->tmp.data, rd->tmp.len);
	}
	for (size_t i = overview; !year && i < overview_end; i++) {
		const struct gr_item *it = item(rd, i);
		if (squeeze(it->text, it->len, &rd->tmp) < 0)
			return -1;
		year = statistics_year(rd->tmp.data, rd->tmp.len);
	}
	/* Else the first year the introduction or part 一 names. */
	for (size_t i = 0; !year && i < rd->first_part; i++) {
		const struct gr_item *it = item(rd, i);
		if (gr_is_chrome(it) || squeeze(it->text, it->len, &rd->tmp) < 0)
			continue;
		year = first_year(rd->tmp.data, rd->tmp.len);
	}
	for (size_t i = overview; !year && i != NONE && i < overview + 3 &&
	     i < rd->items->count; i++) {
		const struct gr_item *it = item(rd, i);
		if (squeeze(it->text, it->len, &rd->tmp) < 0)
			return -1;
		year = first_year(rd->tmp.data, rd->tmp.len);
	}
	rd->r->year = year;
	if (year)
		return 0;
	return gr_diag_add(&rd->r->diags, GR_YEAR_UNKNOWN, NULL, NULL, 0,
			   gr_printf("未找到报告的统计年度"),
			   gr_printf("the reporting year was not found"));
}

/*
 * The closing date: the last line after part 六's heading that is a date,
 * possibly after the signature on the same line. The line before it is
 * the signature when it names an organ.
 */
static int
find_closing(struct reader *rd)
{
	size_t from = gr_part_begin(rd->parts, GR_PART_OTHER);
	char iso[11];

	if (from == NONE)
		from = rd->items->count > 15 ? rd->items->count - 15 : 0;
	for (size_t i = rd->items->count; i-- > from;) {
		const struct gr_item *it = item(rd, i);
		long at;
		if (squeeze(it->text, it->len, &rd->tmp) < 0)
			return -1;
		if (rd->tmp.len > 120)
			continue;
		at = trailing_date(rd->tmp.data, rd->tmp.len, iso);
		if (at < 0)
			continue;
		rd->date_item = i;
		if (i > from) {
			const struct gr_item *prev = item(rd, i - 1);
			if (squeeze(prev->text, prev->len, &rd->tmp) < 0)
				return -1;
			if (is_organ_name(rd->tmp.data, rd->tmp.len))
				rd->signature_item = i - 1;
		}
		return gr_report_set_field(rd->r, GOVREPORT_FIELD_PUBLISHED, iso, 10);
	}
	return 0;
}

/* A table begins (a group's caption or stub header, as the template has
 * them): prose of part 一 ends there even without heading 二. */
static int
starts_table(const struct reader *rd, size_t i)
{
	struct gr_key key;

	return gr_item_key(rd->items, i, &key) && gr_label_is_table_header(&key);
}

static int
read_prose(struct reader *rd, enum gr_part part, enum govreport_field field)
{
	size_t begin = gr_part_begin(rd->parts, part), end;
	int first = 1;
	char *text;

	if (begin == NONE)
		return 0;
	end = gr_part_end(rd->parts, part);
	gr_strbuf_release(&rd->buf);
	gr_strbuf_append(&rd->buf, "", 0);
	for (size_t i = begin; i < end; i++) {
		const struct gr_item *it = item(rd, i);
		if (i == rd->signature_item || i == rd->date_item)
			break;
		if (gr_is_chrome(it) || (part == GR_PART_OVERVIEW && starts_table(rd, i)))
			break;
		if (it->len == 0)
			continue;
		if (!first)
			gr_strbuf_putc(&rd->buf, '\n');
		/* As printed: the report's own punctuation (SPEC §3). */
		if (gr_printed_append(rd->text, it, &rd->buf) < 0)
			return -1;
		first = 0;
	}
	if (gr_strbuf_failed(&rd->buf))
		return -1;
	/* The prose may be most of the document: hand the buffer over. */
	text = gr_strbuf_steal(&rd->buf, NULL);
	if (!text)
		return -1;
	gr_report_take_field(rd->r, field, text);
	return 0;
}

/* Whether a paragraph reads as prose: it has a comma, a full stop or a
 * semicolon (an organ's name, "(2023年度)" or a breadcrumb has none). */
static int
reads_as_prose(const char *s, size_t len)
{
	return gr_contains(s, len, ",") || gr_contains(s, len, "。") ||
	       gr_contains(s, len, ";");
}

/* Whether item i can be part of the introduction: no page chrome, even
 * fused into a long line ("…09:30来源:本网浏览次数:128…"), and no line
 * that is only a date. */
static int
intro_line(struct reader *rd, size_t i, int *ok)
{
	const struct gr_item *it = item(rd, i);
	char iso[11];

	*ok = 0;
	if (it->len == 0 || gr_is_chrome(it) || gr_has_chrome_mark(it->text, it->len))
		return 0;
	if (squeeze(it->text, it->len, &rd->tmp) < 0)
		return -1;
	/* Only a date: one that starts the line (and ends it). */
	*ok = !(rd->tmp.len > 0 && date_from(rd->tmp.data, rd->tmp.len, 0, iso));
	return 0;
}

/*
 * The report's own introduction, as printed: the prose between the title
 * (or the start) and part 一's heading, "根据《条例》…向社会公布…。本报告所列
 * 数据…", one paragraph a line. A paragraph PDF text wrapped over lines is
 * joined again (read as separate lines, "和国务院办公厅…" would name an
 * organ). Page chrome, the title, a line that is only a date and
 * paragraphs that are no prose are left out.
 */
static int
read_intro(struct reader *rd)
{
	size_t heading = rd->parts->heading[GR_PART_OVERVIEW];
	struct gr_strbuf para, plain;
	int ok, rc = 0;

	if (heading == NONE)
		return 0;
	gr_strbuf_init(&para);
	gr_strbuf_init(&plain);
	gr_strbuf_release(&rd->buf);
	for (size_t i = rd->title_item == NONE ? 0 : rd->title_item + 1; i < heading;) {
		size_t end = i;
		para.len = plain.len = 0;
		/* The paragraph: item i and the lines wrapped from it. */
		while (end < heading && (rc = intro_line(rd, end, &ok)) == 0 && ok) {
			const struct gr_item *it = item(rd, end);
			if (gr_printed_append(rd->text, it, &para) < 0 ||
			    squeeze_append(it->text, it->len, &plain) < 0) {
				rc = -1;
				break;
			}
			end++;
			if (end < heading && (item(rd, end)->line != it->line + 1 ||
					      ends_sentence(it->text, it->len)))
				break;
		}
		if (rc < 0)
			break;
		i = end > i ? end : i + 1;
		if (!plain.len || !reads_as_prose(plain.data, plain.len))
			continue;
		if (rd->buf.len)
			gr_strbuf_putc(&rd->buf, '\n');
		gr_strbuf_append(&rd->buf, para.data, para.len);
	}
	gr_strbuf_release(&para);
	gr_strbuf_release(&plain);
	if (rc < 0 || gr_strbuf_failed(&rd->buf))
		return -1;
	if (!rd->buf.len)
		return 0;
	gr_free(rd->r->intro);
	rd->r->intro = gr_strbuf_steal(&rd->buf, NULL);
	return rd->r->intro ? 0 : -1;
}

int
gr_read_metadata(struct govreport *r, const struct gr_text *text,
		 const struct gr_items *items, const struct gr_parts *parts)
{
	struct reader rd = { .r = r, .text = text, .items = items, .parts = parts,
			     .title_first = NONE, .title_item = NONE, .signature_item = NONE,
			     .date_item = NONE };
	int rc;

	gr_strbuf_init(&rd.buf);
	gr_strbuf_init(&rd.tmp);
	gr_strbuf_init(&rd.source);
	gr_strbuf_init(&rd.printed);
	gr_strbuf_init(&rd.title);
	rd.first_part = parts->heading[GR_PART_OVERVIEW];
	if (rd.first_part == NONE)
		rd.first_part = items->count < GR_TITLE_SEARCH ? items->count
							       : GR_TITLE_SEARCH;
	rc = find_title(&rd);
	if (rc == 0)
		rc = find_closing(&rd);
	if (rc == 0)
		rc = find_organ(&rd);
	if (rc == 0)
		rc = find_year(&rd);
	if (rc == 0)
		rc = read_intro(&rd);
	if (rc == 0)
		rc = read_prose(&rd, GR_PART_OVERVIEW, GOVREPORT_FIELD_OVERVIEW);
	if (rc == 0)
		rc = read_prose(&rd, GR_PART_PROBLEMS, GOVREPORT_FIELD_PROBLEMS);
	if (rc == 0)
		rc = read_prose(&rd, GR_PART_OTHER, GOVREPORT_FIELD_OTHER_MATTERS);
	gr_strbuf_release(&rd.buf);
	gr_strbuf_release(&rd.tmp);
	gr_strbuf_release(&rd.source);
	gr_strbuf_release(&rd.printed);
	gr_strbuf_release(&rd.title);
	return rc;
}
