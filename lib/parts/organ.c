/*
 * The organ that reports: what an organ's name looks like, and where one
 * names itself — before "…信息公开工作年度报告" in the title or the
 * introduction, at the start of a paragraph, in the signature above the
 * closing date — but never in a notice the report cites (《…》, "关于…的
 * 通知"). See metadata_build.h.
 */
#include <string.h>

#include "parts/metadata_build.h"
#include "util/utf8.h"

/* Longest organ name, in characters. */
#define GR_MAX_ORGAN 40

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
	return open > 1 && gr_meta_is_organ_name(s, open - 1) &&
	       gr_meta_is_organ_name(s + open, len - 1 - open);
}

int
gr_meta_is_organ_name(const char *s, size_t len)
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
	return end && gr_meta_is_organ_name(s, end) ? end : 0;
}

/* ---- notices the report cites ---------------------------------------- */

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
	ylen = gr_meta_year_length(s + start, end - start, NULL);
	if (ylen) {
		start += ylen;
	} else {
		for (size_t i = start; i < end; i++) {
			if (gr_meta_year_length(s + i, end - i, NULL)) {
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
	return gr_meta_is_organ_name(out->data, out->len) ? 1 : 0;
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

/* ---- the organ of a report ------------------------------------------- */

/* The organ s, read from item i. */
static int
set_organ(struct reader *rd, size_t i, const char *s, size_t len)
{
	if (gr_meta_take_source(rd, i, 1) < 0)
		return -1;
	return gr_meta_set_printed(rd, GOVREPORT_FIELD_ORGAN, s, len, rd->source.data,
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
	return gr_meta_ends_sentence(prev->text, prev->len);
}

int
gr_meta_find_organ(struct reader *rd)
{
	const char *printed_title = rd->r->fields[GOVREPORT_FIELD_TITLE];
	size_t overview = gr_part_begin(rd->parts, GR_PART_OVERVIEW);
	int rc;

	if (printed_title) {
		rc = organ_before_report(rd->title.data, rd->title.len, &rd->buf);
		if (rc != 0)
			return rc < 0 ? -1
				      : gr_meta_set_printed(rd, GOVREPORT_FIELD_ORGAN,
							    rd->buf.data, rd->buf.len,
							    rd->title.data, rd->title.len,
							    printed_title, strlen(printed_title));
	}
	/* The introduction: "…向社会公布2024年XX人民政府信息公开工作年度报告". */
	for (size_t i = 0; i < rd->first_part; i++) {
		const struct gr_item *it = item(rd, i);
		if ((i >= rd->title_first && i <= rd->title_item) || gr_is_chrome(it))
			continue;
		if (gr_meta_squeeze(it->text, it->len, &rd->tmp) < 0)
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
		if (gr_meta_squeeze(it->text, it->len, &rd->tmp) < 0)
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
		if (gr_meta_squeeze(s, len, &rd->tmp) < 0)
			return -1;
		s = rd->tmp.data;
		len = rd->tmp.len;
		skip = gr_meta_year_length(s, len, NULL);
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
