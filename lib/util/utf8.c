/* UTF-8 helpers; see utf8.h. */
#include <string.h>

#include "util/utf8.h"

int
gr_utf8_valid(const char *str, size_t len)
{
	return gr_utf8_valid_prefix(str, len) == len;
}

static int
is_continuation(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

size_t
gr_utf8_valid_prefix(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		uint32_t cp;
		size_t n;

		if (c < 0x80) {
			/* ASCII, eight bytes at a time. */
			uint64_t word;
			i++;
			while (i + 8 <= len) {
				memcpy(&word, s + i, 8);
				if (word & 0x8080808080808080ull)
					break;
				i += 8;
			}
			continue;
		}
		/* Two of the usual three-byte characters at once (U+1000–U+CFFF,
		 * U+E000–U+FFFF: all of CJK): lead and continuation bits in one
		 * test, then the two leads that allow an overlong form (E0) or
		 * a surrogate (ED) ruled out. Strings of Chinese spend most of
		 * their time here. */
		while (len - i >= 8) {
			if (!gr_utf8_three_byte_pair(s + i) || s[i] == 0xE0 || s[i] == 0xED ||
			    s[i + 3] == 0xE0 || s[i + 3] == 0xED)
				break;
			i += 6;
		}
		if (i >= len)
			break;
		c = s[i];
		if (c < 0x80)
			continue;
		/* The usual three-byte character, one. */
		if (((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) &&
		    len - i > 2 && is_continuation(s[i + 1]) && is_continuation(s[i + 2])) {
			i += 3;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			cp = c & 0x07;
		} else {
			return i;
		}
		if (len - i <= n)
			return i;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return i;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		/* Overlong forms, surrogates and values past U+10FFFF. */
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			return i;
		i += n + 1;
	}
	return len;
}

const char *
gr_search(const char *s, size_t len, const char *w, size_t n)
{
	size_t i;
	char last;

	if (n == 0)
		return s;
	if (n > len)
		return NULL;
	if (n == 1)
		return memchr(s, w[0], len);
	last = w[n - 1];
	for (i = n - 1; i < len;) {
		const char *p = memchr(s + i, last, len - i);
		size_t end;
		if (!p)
			return NULL;
		end = (size_t)(p - s);
		if (memcmp(p - (n - 1), w, n - 1) == 0)
			return p - (n - 1);
		i = end + 1;
	}
	return NULL;
}

size_t
gr_utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int
gr_contains(const char *s, size_t len, const char *word)
{
	return gr_search(s, len, word, strlen(word)) != NULL;
}

int
gr_has_prose_punctuation(const char *s, size_t len)
{
	return gr_contains(s, len, ",") || gr_contains(s, len, "。") ||
	       gr_contains(s, len, ";") || gr_contains(s, len, ":");
}
