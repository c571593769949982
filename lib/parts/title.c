/*
 * The report's title: the line before part 一 that names a 信息公开 report
 * (maybe with a closing note of its year), a title PDF text wrapped over
 * two lines or after the organ's name, or a crawled page's own record of
 * it ("标题:…"). See metadata_build.h.
 */
#include <string.h>

#include "parts/metadata_build.h"
#include "util/utf8.h"

/* Longest title, in bytes. */
#define GR_MAX_TITLE 240

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
	ylen = gr_meta_year_length(s + open, len - 1 - open, NULL);
	return ylen && open + ylen == len - 1 ? open - 1 : len;
}

static int
is_title(const char *s, size_t len)
{
	size_t body = without_year_note(s, len);

	return len <= GR_MAX_TITLE && gr_contains(s, body, "信息公开") &&
	       (ends_with(s, body, "年度报告") || ends_with(s, body, "工作报告")) &&
	       !gr_has_prose_punctuation(s, len);
}

/* The title s, read from items [first, first + count). */
static int
set_title(struct reader *rd, size_t first, size_t count, const char *s, size_t len)
{
	gr_strbuf_release(&rd->title);
	gr_strbuf_append(&rd->title, s, len);
	if (gr_strbuf_failed(&rd->title) || gr_meta_take_source(rd, first, count) < 0)
		return -1;
	rd->title_first = first;
	rd->title_item = first + count - 1;
	return gr_meta_set_printed(rd, GOVREPORT_FIELD_TITLE, s, len, rd->source.data,
				   rd->source.len, rd->printed.data, rd->printed.len);
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
	if (gr_meta_squeeze(next->text, next->len, &rd->tmp) < 0)
		return -1;
	if (is_title(rd->tmp.data, rd->tmp.len))
		return 0; /* the next line is the title by itself */
	if (gr_meta_squeeze(it->text, it->len, &rd->buf) < 0)
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
	if (gr_meta_squeeze(it->text, (size_t)(at - it->text), &rd->tmp) < 0)
		return -1;
	if (!ends_with(rd->tmp.data, rd->tmp.len, "标") ||
	    rd->tmp.len > strlen("文章标"))
		return 0;
	value = at + strlen("题:");
	/* The value ends at the first gap after which it is a title. */
	for (const char *cut = value; cut <= end; cut++) {
		if (cut < end && *cut != ' ' && *cut != '\t')
			continue;
		if (gr_meta_squeeze(value, (size_t)(cut - value), &rd->buf) < 0)
			return -1;
		if (rd->buf.len > GR_MAX_TITLE)
			break;
		if (is_title(rd->buf.data, rd->buf.len))
			return set_title(rd, i, 1, rd->buf.data, rd->buf.len) < 0 ? -1 : 1;
	}
	return 0;
}

int
gr_meta_find_title(struct reader *rd)
{
	int rc;

	for (size_t i = 0; i < rd->first_part; i++) {
		const struct gr_item *it = item(rd, i);
		if (gr_meta_squeeze(it->text, it->len, &rd->buf) < 0)
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
			if (gr_meta_squeeze(prev->text, prev->len, &rd->tmp) < 0)
				return -1;
			if (prev->line + 2 >= it->line && !gr_is_chrome(prev) &&
			    gr_meta_is_organ_name(rd->tmp.data, rd->tmp.len)) {
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
