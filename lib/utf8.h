/* Small UTF-8 helpers for the parser's hot paths (no ICU call per cell). */
#ifndef GR_UTF8_H
#define GR_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Whether s (len bytes) is well-formed UTF-8 (no surrogates, ≤ U+10FFFF). */
int gr_utf8_valid(const char *s, size_t len);

/* Length of the longest well-formed prefix of s. */
size_t gr_utf8_valid_prefix(const char *s, size_t len);

/*
 * Decode the code point at s[*pos] (s holds len bytes of valid UTF-8) and
 * advance *pos past it. Returns the code point, or -1 at the end.
 */
int32_t gr_utf8_next(const char *s, size_t len, size_t *pos);

/* Number of bytes of the UTF-8 encoding of cp (1–4). */
size_t gr_utf8_encode(uint32_t cp, char out[4]);

/* Whether cp is a CJK ideograph (Han). */
int gr_is_han(int32_t cp);

#endif
