/* Numbering at the start of a label (一、 (一) 1. 1、 (1)); see label.h. */
#include "tables/label.h"
#include "util/utf8.h"

static int
is_cjk_numeral(int32_t c)
{
	return c == 0x4E00 /* 一 */ || c == 0x4E8C /* 二 */ || c == 0x4E09 /* 三 */ ||
	       c == 0x56DB /* 四 */ || c == 0x4E94 /* 五 */ || c == 0x516D /* 六 */ ||
	       c == 0x4E03 /* 七 */ || c == 0x516B /* 八 */ || c == 0x4E5D /* 九 */ ||
	       c == 0x5341 /* 十 */;
}

static int
is_numbering_mark(int32_t c)
{
	return c == 0x3001 /* 、 */ || c == '.' || c == ',' || c == 0xFF0E ||
	       c == 0xFF0C || c == 0x3002 || c == ':' || c == 0xFF1A;
}

static int
numeral_value(int32_t c)
{
	static const int32_t numerals[] = { 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94,
					    0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341 };
	for (int i = 0; i < 10; i++)
		if (numerals[i] == c)
			return i + 1;
	return 0;
}

/*
 * Numbering without a mark or brackets (一是, 2023年) is not numbering.
 * Chinese numerals read as the sum of their digits' values is wrong past
 * 十 but part and item numbers stay below it.
 */
size_t
gr_numbering(const char *s, size_t len, int *value, int *bracketed)
{
	size_t pos = 0, after;
	int32_t c;
	int open = 0, digits = 0, numerals = 0, v = 0;

	while (pos < len && s[pos] == ' ')
		pos++;
	after = pos;
	c = gr_utf8_next(s, len, &after);
	if (c == '(' || c == 0xFF08) {
		open = 1;
		pos = after;
	}
	for (;;) {
		after = pos;
		c = gr_utf8_next(s, len, &after);
		if (c >= '0' && c <= '9' && !numerals && digits < 3) {
			v = v * 10 + (c - '0');
			digits++;
		} else if (is_cjk_numeral(c) && !digits && numerals < 3) {
			v += numeral_value(c);
			numerals++;
		} else {
			break;
		}
		pos = after;
	}
	if (!digits && !numerals)
		return 0;
	if (open) {
		if (c != ')' && c != 0xFF09)
			return 0;
		pos = after;
		after = pos;
		c = gr_utf8_next(s, len, &after);
		if (is_numbering_mark(c))
			pos = after;
	} else if (is_numbering_mark(c) || c == ')' || c == 0xFF09) {
		pos = after;
	} else {
		return 0;
	}
	if (value)
		*value = v;
	if (bracketed)
		*bracketed = open;
	return pos;
}
