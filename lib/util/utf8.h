/*
 * lib/util/ — small helpers any stage may use and that know nothing of
 * reports: UTF-8 (this file), growable strings (strbuf.h), the allocator
 * with its failure hook (alloc.h), exact decimals (decimal.h), Markdown
 * escapes (markdown.h).
 *
 * Small UTF-8 helpers for the parser's hot paths (no ICU call per cell).
 */
#ifndef GR_UTF8_H
#define GR_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Whether s (len bytes) is well-formed UTF-8 (no surrogates, ≤ U+10FFFF). */
int gr_utf8_valid(const char *s, size_t len);

/* Length of the longest well-formed prefix of s. */
size_t gr_utf8_valid_prefix(const char *s, size_t len);

/*
 * Decode the code point at s[*pos] (s holds len bytes of valid UTF-8) and
 * advance *pos past it. Returns the code point, or -1 at the end. Inline:
 * the parser calls it for every character it looks at.
 */
static inline int32_t
gr_utf8_next(const char *str, size_t len, size_t *pos)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = *pos;
	unsigned char c;
	int32_t cp;
	size_t n;

	if (i >= len)
		return -1;
	c = s[i];
	if (c < 0x80) {
		*pos = i + 1;
		return c;
	}
	if (c >= 0xF0) {
		n = 3;
		cp = c & 0x07;
	} else if (c >= 0xE0) {
		n = 2;
		cp = c & 0x0F;
	} else {
		n = 1;
		cp = c & 0x1F;
	}
	if (i + n >= len) { /* truncated sequence */
		*pos = len;
		return 0xFFFD;
	}
	for (size_t k = 1; k <= n; k++)
		cp = (cp << 6) | (s[i + k] & 0x3F);
	*pos = i + n + 1;
	return cp;
}

/* The code point at byte offset `at` of s (len bytes), or -1 past its end. */
static inline int32_t
gr_utf8_at(const char *s, size_t len, size_t at)
{
	return at < len ? gr_utf8_next(s, len, &at) : -1;
}

/* Where the character that ends at s[at] begins (at > 0; s valid UTF-8). */
static inline size_t
gr_utf8_prev(const char *s, size_t at)
{
	do
		at--;
	while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80);
	return at;
}

/* The code point that ends at s[at], or -1 when at is 0. */
static inline int32_t
gr_utf8_before(const char *s, size_t at)
{
	size_t pos;

	if (at == 0)
		return -1;
	pos = gr_utf8_prev(s, at);
	return gr_utf8_next(s, at, &pos);
}

/*
 * The first occurrence of the n bytes of w in s (len bytes), or NULL. One
 * memchr() pass for the word's last byte (in Chinese text a continuation
 * byte, spread over 64 values) and a comparison at each hit.
 */
const char *gr_search(const char *s, size_t len, const char *w, size_t n);

/* Number of bytes of the UTF-8 encoding of cp (1–4). */
size_t gr_utf8_encode(uint32_t cp, char out[4]);

/* Whether cp is a CJK ideograph (Han). */
static inline int
gr_is_han(int32_t cp)
{
	return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

/* Curly quotes: wide in a terminal's CJK layout, narrow in a PDF's,
 * where they are drawn from a Latin font (gr_is_wide). */
static inline int
gr_is_curly_quote(int32_t c)
{
	return c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019;
}

/* A letter of converter pinyin residue, "(qū)": ASCII and Latin letters
 * with tone marks. */
static inline int
gr_is_pinyin_letter(int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= 0x00C0 && c <= 0x024F) || (c >= 0x1E00 && c <= 0x1EFF);
}

/* The most letters pinyin residue holds between its brackets. */
#define GR_PINYIN_MAX 8

/*
 * The three counts of East Asian width. They differ on purpose, each
 * answering what its reader or writer meets:
 */
enum gr_wide_count {
	/* Two columns in a terminal, and in pandoc's grid tables and
	 * pdftotext -layout: East Asian wide and full-width characters,
	 * Hangul too, and curly quotes, which CJK fonts draw wide. */
	GR_WIDE_TERMINAL,
	/* Two columns in text laid out from a PDF's boxes (input/bbox.c,
	 * GR_LAYOUT_DISPLAY): as in a terminal but for curly quotes, which
	 * a PDF draws narrow, from a Latin font. */
	GR_WIDE_PDF,
	/* Chinese prose that an editor wrapped (HTML source): a line break
	 * between two such characters joins without a space. Han, kana,
	 * CJK, full-width and half-width forms, and the dashes, quotes and
	 * ellipsis Chinese sets wide (——, “”, ……); not Hangul, as Korean
	 * puts spaces between its words. */
	GR_WIDE_PROSE,
};

/* Whether cp is wide as `count` counts it. */
static inline int
gr_is_wide(int32_t c, enum gr_wide_count count)
{
	if (count == GR_WIDE_PROSE)
		return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
		       (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF) ||
		       (c >= 0x20000 && c <= 0x3FFFF) || (c >= 0x2014 && c <= 0x201D) ||
		       c == 0x2026;
	if (gr_is_curly_quote(c))
		return count == GR_WIDE_TERMINAL;
	return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
	       (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
	       (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

/* The bits of two three-byte characters in the first six bytes of a word
 * read from memory: 1110xxxx 10xxxxxx 10xxxxxx twice. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define GR_THREE_BYTE_PAIR_MASK 0xF0C0C0F0C0C00000ull
#define GR_THREE_BYTE_PAIR_BITS 0xE08080E080800000ull
#else
#define GR_THREE_BYTE_PAIR_MASK 0x0000C0C0F0C0C0F0ull
#define GR_THREE_BYTE_PAIR_BITS 0x00008080E08080E0ull
#endif

/*
 * Whether p[0, 6) has the lead and continuation bits of two three-byte
 * characters, tested as one word: p must have eight bytes. Scans of
 * Chinese text take two characters at a time so. The leads (p[0], p[3])
 * are left to the caller: E0 allows an overlong form, ED a surrogate.
 */
static inline int
gr_utf8_three_byte_pair(const unsigned char *p)
{
	uint64_t word;

	memcpy(&word, p, 8);
	return (word & GR_THREE_BYTE_PAIR_MASK) == GR_THREE_BYTE_PAIR_BITS;
}

/* Drop spaces and tabs at both ends of s[0..len). Inline: every reader
 * trims every cell and line. */
static inline void
gr_trim_spaces(const char **s, size_t *len)
{
	const char *p = *s;
	size_t n = *len;

	while (n && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	*s = p;
	*len = n;
}

/* Whether s[0..len) contains the NUL-terminated word. */
int gr_contains(const char *s, size_t len, const char *word);

/* Whether s holds the punctuation of a sentence (, 。 ; :, normalised:
 * NFKC makes the full-width comma, semicolon and colon ASCII): what tells
 * prose from a title or a heading. */
int gr_has_prose_punctuation(const char *s, size_t len);

#endif
