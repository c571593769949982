/*
 * What the files of decoding share (see decode.c for how an input is
 * read): the encodings, the counts a scan of UTF-8 makes, the invalid
 * bytes found, and the step each file takes —
 *
 *   decode_sniff.c  the encoding: a BOM, well-formed UTF-8, UTF-16
 *                   without a BOM, else GB18030; a charset a caller named
 *   decode_utf16.c  text read through UTF-16 (UTF-16 input, GB18030,
 *                   broken UTF-8, a named charset), its invalid units
 *                   counted, split into normalised lines
 *   decode.c        the encoding chosen, well-formed UTF-8 read as it
 *                   is, and the decoded text's diagnostic
 */
#ifndef GR_DECODE_BUILD_H
#define GR_DECODE_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include <unicode/utypes.h>

#include "input/text.h"

/* ENC_OTHER: a charset the caller named (an HTML page's declaration),
 * ASCII-compatible, read through its ICU converter. */
enum encoding {
	ENC_NONE = -1,
	ENC_UTF8,
	ENC_UTF16LE,
	ENC_UTF16BE,
	ENC_GB18030,
	ENC_OTHER,
};

struct utf16 {
	UChar *units;
	int32_t len;
};

/* Input bytes not valid in the encoding read: how many, the first's offset. */
struct invalid_bytes {
	size_t count, first;
	const char *source; /* ICU's callback: the bytes being converted */
	size_t base;        /* and their offset in the input */
};

/* What gr_decode_check_text() counts, in UTF-16 code units, and the lines. */
struct utf8_counts {
	size_t units, odd, visible;
	size_t lines;  /* line breaks + 1 (CR LF is one break) */
	int cr, ff;    /* the text holds a CR, a form feed */
};

/* Offset in the input of the code unit at index i. */
struct offsets {
	enum encoding enc;
	size_t bom;
	const char *raw;
	size_t raw_len;
	size_t raw_pos; /* 8-bit encodings: scan position in raw */
};

/* ---- the steps ----------------------------------------------------------- */

/* decode_sniff.c: the encoding of the bytes, and the length of their BOM
 * in *bom. */
enum encoding gr_decode_sniff(const unsigned char *s, size_t len, size_t *bom, int *utf8,
			      struct utf8_counts *k);
/* The encoding a caller named, or ENC_NONE. */
enum encoding gr_decode_named_encoding(const char *charset);

/* decode_utf16.c: n invalid bytes at an input offset. */
void gr_decode_note_invalid(struct invalid_bytes *b, size_t offset, size_t n);
/* The units of UTF-16 input, or of bytes converted by ICU (UTF-8,
 * GB18030, a named charset; s at offset bad->base, invalid sequences
 * U+FFFD and counted in *bad). */
enum govreport_status gr_decode_from_utf16(const unsigned char *s, size_t len,
					   int big_endian, struct utf16 *out);
enum govreport_status gr_decode_from_bytes(const char *s, size_t len, enum encoding enc,
					   const char *charset, struct utf16 *out,
					   struct invalid_bytes *bad);
/* GOVREPORT_ERR_INPUT_NOT_TEXT for binary data, GOVREPORT_ERR_INPUT_EMPTY
 * for no visible character, else GOVREPORT_OK. */
enum govreport_status gr_decode_check_text(const struct utf16 *u);
/* The NULs and lone surrogates of the units, counted in *bad. */
void gr_decode_count_invalid_units(const struct utf16 *u, const struct offsets *o,
				   struct invalid_bytes *bad);
/* The units as the text's lines, normalised unless GR_DECODE_RAW. */
enum govreport_status gr_decode_split_and_normalize(const struct utf16 *u,
						    struct offsets *o, unsigned options,
						    struct gr_text *text);

#endif
