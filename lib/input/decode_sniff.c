/*
 * The encoding of the input, from its bytes: a BOM, else whether they are
 * well-formed UTF-8 (counted on the way for the decoding that follows),
 * UTF-16 without a BOM, else GB18030 (SPEC §4); and the encoding a charset
 * a caller named stands for. See decode_build.h.
 */
#include <string.h>
#include <strings.h>

#include <unicode/ucnv.h>

#include "input/decode_build.h"
#include "util/utf8.h"

static int
is_continuation(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* A lead byte of three that holds no character scan_utf8() must look at:
 * E1–EE but E3 (U+3000 is there) and ED (surrogates); the bit of each in
 * the mask, by its low nibble. */
static int
plain_lead(unsigned char b)
{
	return b >= 0xE0 && b <= 0xEF && ((0x5FF6u >> (b & 0x0F)) & 1);
}

/*
 * How many of the eight bytes at p are spaces, when all are printable
 * ASCII (' ' to '~'); -1 when one is not. Word-wide byte tests: a byte
 * below 0x20 borrows in w - 0x20…, and a byte equal to c is a zero byte of
 * w ^ c…, found exactly by the carry-free test of "Bit Twiddling Hacks".
 */
static int
printable_spaces(const unsigned char *p)
{
	const uint64_t ones = 0x0101010101010101ull, highs = ones * 0x80, lows = ones * 0x7F;
	uint64_t w, del, space;

	memcpy(&w, p, 8);
	if ((w & highs) || ((w - ones * 0x20) & ~w & highs))
		return -1;
	del = w ^ (ones * 0x7F);
	if ((del - ones) & ~del & highs)
		return -1;
	space = w ^ (ones * 0x20);
	space = ~(((space & lows) + lows) | space | lows); /* 0x80 where a space is */
	return (int)(((space >> 7) * ones) >> 56);
}

/* The end of the words of printable ASCII from i (i when the first is
 * not one), adding their visible characters to *visible. */
static size_t
printable_run(const unsigned char *s, size_t i, size_t len, size_t *visible)
{
	int spaces;

	while (len - i >= 8 && (spaces = printable_spaces(s + i)) >= 0) {
		*visible += 8 - (size_t)spaces;
		i += 8;
	}
	return i;
}

/*
 * gr_utf8_valid_prefix(), counting on the way what gr_decode_check_text()
 * and the line splitting need: one pass over the bytes. The counts are
 * right when the whole text is valid.
 */
static size_t
scan_utf8(const unsigned char *s, size_t len, struct utf8_counts *k)
{
	size_t units = 0, odd = 0, visible = 0, lines = 1, i = 0;
	size_t printable = 0; /* printable ASCII bytes just read, in a row */
	int cr = 0, ff = 0;

	while (i < len) {
		unsigned char b = s[i];
		size_t valid;
		if (b < 0x80) {
			units++;
			i++;
			if (b > ' ' && b != 0x7F) {
				visible++;
				/* Eight printable bytes in a row: a run of markup,
				 * most of a page, read on eight bytes at a time
				 * (Chinese text has short runs of ASCII). */
				if (++printable >= 8) {
					size_t past = printable_run(s, i, len, &visible);
					units += past - i;
					i = past;
					printable = 0;
				}
			} else if (b == ' ') {
				printable++;
			} else if (b == '\n') {
				lines++;
				printable = 0;
			} else if (b == '\r') {
				cr = 1;
				lines += i >= len || s[i] != '\n';
				printable = 0;
			} else if (b == '\f') {
				ff = 1;
				printable = 0;
			} else {
				odd += b != '\t' && b != '\v'; /* other controls, DEL */
				printable = 0;
			}
			continue;
		}
		/* A run of the usual three bytes (all of CJK): no overlong
		 * form or surrogate possible with these lead bytes. Each is a
		 * visible unit but U+3000 and U+FEFF (neither) and U+FFFD
		 * (odd). */
		if (b >= 0xE1 && b != 0xED && b <= 0xEF) {
			size_t run = 0, quiet = 0;
			while (len - i > 2 && b >= 0xE1 && b != 0xED && b <= 0xEF &&
			       is_continuation(s[i + 1]) && is_continuation(s[i + 2])) {
				if (b == 0xEF || b == 0xE3) {
					int fffd = b == 0xEF && s[i + 1] == 0xBF && s[i + 2] == 0xBD;
					odd += fffd;
					quiet += fffd ||
						 (b == 0xEF && s[i + 1] == 0xBB && s[i + 2] == 0xBF) ||
						 (b == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x80);
				}
				run++;
				i += 3;
				/* Then two at a time while neither is one of the
				 * lead bytes above that need a look. */
				while (len - i >= 8 && gr_utf8_three_byte_pair(s + i) &&
				       plain_lead(s[i]) && plain_lead(s[i + 3])) {
					run += 2;
					i += 6;
				}
				if (i == len)
					break;
				b = s[i];
			}
			units += run;
			visible += run - quiet;
			if (run)
				continue;
		}
		valid = gr_utf8_valid_prefix((const char *)s + i, len - i < 4 ? len - i : 4);
		if (valid == 0)
			break;
		if (valid >= 4 && b >= 0xF0) {
			units += 2; /* a surrogate pair */
			visible += 2;
			i += 4;
		} else if (b < 0xE0) {
			units++;
			/* U+0080–U+009F are C1 controls. */
			if (b == 0xC2 && s[i + 1] < 0xA0)
				odd++;
			else
				visible++;
			i += 2;
		} else if (b < 0xF0 && valid >= 3) {
			units++; /* E0 or ED: none of the characters above */
			visible++;
			i += 3;
		} else {
			break;
		}
	}
	*k = (struct utf8_counts){ units, odd, visible, lines, cr, ff };
	return i;
}

/* How far into the input UTF-16 without a BOM is looked for. */
#define GR_UTF16_SNIFF 4096

/* Whether b can be the high byte of a character of a Chinese report in
 * UTF-16: ASCII (0), punctuation and CJK (U+2000–U+9FFF), full-width
 * forms (U+FFxx). */
static int
is_high_byte(unsigned char b)
{
	return b == 0 || (b >= 0x20 && b <= 0x9F) || b == 0xFF;
}

/*
 * UTF-16 without a BOM (pdftotext -enc UTF-16 writes big-endian without
 * one): the high byte of every ASCII character (digits, spaces, line
 * breaks) is 0, so zero bytes crowd one parity of position, and the bytes
 * of that parity are all high bytes of Chinese text. Chinese characters
 * have a zero byte only now and then (一 is 4E 00); text in an 8-bit
 * encoding has none, or a stray few among bytes no high byte can be.
 */
static enum encoding
sniff_utf16(const unsigned char *s, size_t len)
{
	size_t n = len < GR_UTF16_SNIFF ? len : GR_UTF16_SNIFF, pairs;
	size_t zero[2] = { 0, 0 }, high[2] = { 0, 0 };

	/* Without a zero byte (most input) neither parity has any. */
	if (len % 2 || n < 16 || !memchr(s, 0, n))
		return ENC_NONE;
	pairs = n / 2;
	for (size_t i = 0; i + 1 < n; i += 2)
		for (int k = 0; k < 2; k++) {
			zero[k] += s[i + (size_t)k] == 0;
			high[k] += is_high_byte(s[i + (size_t)k]);
		}
	for (int k = 0; k < 2; k++)
		if (zero[k] * 20 >= pairs && zero[k] >= 4 * zero[1 - k] &&
		    high[k] * 20 >= pairs * 19)
			return k == 0 ? ENC_UTF16BE : ENC_UTF16LE;
	return ENC_NONE;
}

int
gr_text_starts_with_markup(const char *data, size_t len)
{
	const unsigned char *s = (const unsigned char *)data;
	size_t i = 0;
	int bom = 0;

	/* As gr_decode_sniff() below: after a UTF-8 BOM, or where the bytes
	 * are not UTF-16, the text is UTF-8 or GB18030, in which a byte below
	 * 0x80 is that ASCII character. */
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		i = bom = 3;
	else if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
		return 0;
	/* Spaces and tabs are trimmed from a line; CR and LF end one. */
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	if (i == len || s[i] != '<')
		return 0;
	/* Looked at last: it reads up to 4 KB. */
	return bom || sniff_utf16(s, len) == ENC_NONE;
}

/* *utf8 says whether the bytes after the BOM are well-formed UTF-8, and
 * *k holds their counts then (only when the result is ENC_UTF8). */
enum encoding
gr_decode_sniff(const unsigned char *s, size_t len, size_t *bom, int *utf8,
		struct utf8_counts *k)
{
	enum encoding enc;
	size_t valid;

	*bom = 0;
	*utf8 = 0;
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		*bom = 3;
		*utf8 = scan_utf8(s + 3, len - 3, k) == len - 3;
		return ENC_UTF8;
	}
	if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		*bom = 2;
		return ENC_UTF16LE;
	}
	if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		*bom = 2;
		return ENC_UTF16BE;
	}
	enc = sniff_utf16(s, len);
	if (enc != ENC_NONE)
		return enc;
	/* UTF-8 cut off inside its last character is still UTF-8. */
	valid = scan_utf8(s, len, k);
	*utf8 = valid == len;
	if (valid == len || (len - valid < 4 && s[valid] >= 0xC2))
		return ENC_UTF8;
	return ENC_GB18030;
}

/*
 * The encoding a caller named: UTF-8, GB18030 for the GB family (GB2312
 * and GBK pages hold GBK characters, and GB18030 reads them all), or any
 * other ASCII-compatible charset ICU knows; ENC_NONE for none.
 */
enum encoding
gr_decode_named_encoding(const char *charset)
{
	UErrorCode status = U_ZERO_ERROR;
	const char *canonical;
	UConverter *cnv;
	enum encoding enc;

	if (!charset)
		return ENC_NONE;
	cnv = ucnv_open(charset, &status);
	if (U_FAILURE(status))
		return ENC_NONE;
	canonical = ucnv_getName(cnv, &status);
	if (U_FAILURE(status) || ucnv_getMinCharSize(cnv) != 1)
		enc = ENC_NONE;
	else if (strcmp(canonical, "UTF-8") == 0)
		enc = ENC_UTF8;
	else if (strcasecmp(canonical, "GB18030") == 0 ||
		 strncmp(canonical, "windows-936", 11) == 0 || /* GBK, cp936 */
		 strncmp(canonical, "ibm-1383", 8) == 0 ||     /* GB2312, EUC-CN */
		 strncmp(canonical, "ibm-1386", 8) == 0 ||
		 strncmp(canonical, "ibm-5478", 8) == 0)
		enc = ENC_GB18030;
	else
		enc = ENC_OTHER;
	ucnv_close(cnv);
	return enc;
}
