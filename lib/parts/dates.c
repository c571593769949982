/*
 * Years and dates: a year written "2023年(度)", a date in Arabic or
 * Chinese digits, the reporting year (from the title, a statement of the
 * statistics' period, or the first year the introduction or part 一
 * names) and the closing date with the signature above it. See
 * metadata_build.h.
 */
#include <stdio.h>
#include <string.h>

#include "parts/metadata_build.h"
#include "util/utf8.h"

/* How far after 统计期限 its first date may start, in bytes: a few words
 * ("为", "自", "是从") before "2023年". */
#define GR_PERIOD_REACH 36

/* ---- years ----------------------------------------------------------- */

/* Skip a year "2023年" or "2023年度" at s; returns bytes skipped. */
size_t
gr_meta_year_length(const char *s, size_t len, int *year)
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
		if (gr_meta_year_length(s + i, len - i, &y) && y >= 2000 && y <= 2100)
			return y;
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
int
gr_meta_date_from(const char *s, size_t len, size_t start, char iso[11])
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
		if (gr_meta_date_from(s, len, start, iso))
			return (long)start;
	return -1;
}

/* ---- the year and the closing date ----------------------------------- */

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

int
gr_meta_find_year(struct reader *rd)
{
	size_t overview = gr_part_begin(rd->parts, GR_PART_OVERVIEW);
	size_t overview_end = overview == NONE ? 0 : gr_part_end(rd->parts, GR_PART_OVERVIEW);
	int year = rd->title.len ? first_year(rd->title.data, rd->title.len) : 0;

	/* A statement of the statistics' period, before part 一 or in it. */
	for (size_t i = 0; !year && i < rd->first_part; i++) {
		const struct gr_item *it = item(rd, i);
		if (gr_is_chrome(it))
			continue;
		if (gr_meta_squeeze(it->text, it->len, &rd->tmp) < 0)
			return -1;
		year = statistics_year(rd->tmp.data, rd->tmp.len);
	}
	for (size_t i = overview; !year && i < overview_end; i++) {
		const struct gr_item *it = item(rd, i);
		if (gr_meta_squeeze(it->text, it->len, &rd->tmp) < 0)
			return -1;
		year = statistics_year(rd->tmp.data, rd->tmp.len);
	}
	/* Else the first year the introduction or part 一 names. */
	for (size_t i = 0; !year && i < rd->first_part; i++) {
		const struct gr_item *it = item(rd, i);
		if (gr_is_chrome(it) || gr_meta_squeeze(it->text, it->len, &rd->tmp) < 0)
			continue;
		year = first_year(rd->tmp.data, rd->tmp.len);
	}
	for (size_t i = overview; !year && i != NONE && i < overview + 3 &&
	     i < rd->items->count; i++) {
		const struct gr_item *it = item(rd, i);
		if (gr_meta_squeeze(it->text, it->len, &rd->tmp) < 0)
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
int
gr_meta_find_closing(struct reader *rd)
{
	size_t from = gr_part_begin(rd->parts, GR_PART_OTHER);
	char iso[11];

	if (from == NONE)
		from = rd->items->count > 15 ? rd->items->count - 15 : 0;
	for (size_t i = rd->items->count; i-- > from;) {
		const struct gr_item *it = item(rd, i);
		long at;
		if (gr_meta_squeeze(it->text, it->len, &rd->tmp) < 0)
			return -1;
		if (rd->tmp.len > 120)
			continue;
		at = trailing_date(rd->tmp.data, rd->tmp.len, iso);
		if (at < 0)
			continue;
		rd->date_item = i;
		if (i > from) {
			const struct gr_item *prev = item(rd, i - 1);
			if (gr_meta_squeeze(prev->text, prev->len, &rd->tmp) < 0)
				return -1;
			if (gr_meta_is_organ_name(rd->tmp.data, rd->tmp.len))
				rd->signature_item = i - 1;
		}
		return gr_report_set_field(rd->r, GOVREPORT_FIELD_PUBLISHED, iso, 10);
	}
	return 0;
}
