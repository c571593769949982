/*
 * What a report says about itself (SPEC §3), read in steps: the title
 * (title.c), the closing date and its signature (dates.c), the organ
 * (organ.c), the year (dates.c), the introduction and the parts' prose
 * (prose.c). This file owns the entry point and what the steps share:
 * text squeezed of its blanks, page chrome, a field set as printed, the
 * end of a sentence. Each field is looked for where the template of a
 * report puts it; each is NULL when the document does not say: nothing
 * is made up. See metadata_build.h.
 */
#include <string.h>

#include "parts/metadata_build.h"
#include "input/printed.h"
#include "util/utf8.h"

/* The title sits within the first lines when part 一 has no heading. */
#define GR_TITLE_SEARCH 20
/* Longest line of page chrome, in bytes. */
#define GR_MAX_CHROME 200

/* ---- small text helpers ---------------------------------------------- */

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
int
gr_meta_squeeze_append(const char *s, size_t len, struct gr_strbuf *buf)
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
int
gr_meta_squeeze(const char *s, size_t len, struct gr_strbuf *buf)
{
	gr_strbuf_release(buf);
	return gr_meta_squeeze_append(s, len, buf);
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

/* ---- a field as printed ---------------------------------------------- */

/*
 * The squeezed text of items [first, first + count), as read into
 * rd->source and as printed into rd->printed.
 */
int
gr_meta_take_source(struct reader *rd, size_t first, size_t count)
{
	gr_strbuf_release(&rd->source);
	gr_strbuf_release(&rd->printed);
	for (size_t i = first; i < first + count; i++) {
		const struct gr_item *it = item(rd, i);
		size_t at = rd->printed.len;
		if (gr_meta_squeeze_append(it->text, it->len, &rd->source) < 0 ||
		    gr_printed_append(rd->text, it, &rd->printed) < 0)
			return -1;
		/* Squeezed in place, as gr_meta_squeeze() does it. */
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
int
gr_meta_set_printed(struct reader *rd, enum govreport_field f, const char *s, size_t len,
		    const char *source, size_t source_len, const char *printed,
		    size_t printed_len)
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

/* Whether a line ends a sentence: 。 ! ? ; : …, maybe before a closing
 * quote. A bracket does not: "（以下简称《条例》）" goes on. */
int
gr_meta_ends_sentence(const char *s, size_t len)
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
	rc = gr_meta_find_title(&rd);
	if (rc == 0)
		rc = gr_meta_find_closing(&rd);
	if (rc == 0)
		rc = gr_meta_find_organ(&rd);
	if (rc == 0)
		rc = gr_meta_find_year(&rd);
	if (rc == 0)
		rc = gr_meta_read_intro(&rd);
	if (rc == 0)
		rc = gr_meta_read_prose(&rd, GR_PART_OVERVIEW, GOVREPORT_FIELD_OVERVIEW);
	if (rc == 0)
		rc = gr_meta_read_prose(&rd, GR_PART_PROBLEMS, GOVREPORT_FIELD_PROBLEMS);
	if (rc == 0)
		rc = gr_meta_read_prose(&rd, GR_PART_OTHER, GOVREPORT_FIELD_OTHER_MATTERS);
	gr_strbuf_release(&rd.buf);
	gr_strbuf_release(&rd.tmp);
	gr_strbuf_release(&rd.source);
	gr_strbuf_release(&rd.printed);
	gr_strbuf_release(&rd.title);
	return rc;
}
