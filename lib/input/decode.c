/*
 * Bytes → normalised UTF-8 lines. The input's encoding is found from its
 * BOM, else from whether it is valid UTF-8, else it is read as GB18030
 * (SPEC §4). Each line keeps its number and its byte offset in the input.
 */
#include <string.h>
#include <strings.h>

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "util/alloc.h"
#include "model/diag.h"
#include "input/normalize.h"
#include "util/strbuf.h"
#include "input/text.h"
#include "util/utf8.h"

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

static void
note_invalid(struct invalid_bytes *b, size_t offset, size_t n)
{
	if (n == 0)
		return;
	if (b->count == 0 || offset < b->first)
		b->first = offset;
	b->count += n;
}

/* What check_text() counts, in UTF-16 code units, and the lines. */
struct utf8_counts {
	size_t units, odd, visible;
	size_t lines;  /* line breaks + 1 (CR LF is one break) */
	int cr, ff;    /* the text holds a CR, a form feed */
};

static int
is_continuation(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/*
 * gr_utf8_valid_prefix(), counting on the way what check_text() and the
 * line splitting need: one pass over the bytes. The counts are right
 * when the whole text is valid.
 */
static size_t
scan_utf8(const unsigned char *s, size_t len, struct utf8_counts *k)
{
	size_t units = 0, odd = 0, visible = 0, lines = 1, i = 0;
	int cr = 0, ff = 0;

	while (i < len) {
		unsigned char b = s[i];
		size_t valid;
		if (b < 0x80) {
			units++;
			i++;
			if (b > ' ' && b != 0x7F) {
				visible++;
			} else if (b == '\n') {
				lines++;
			} else if (b == '\r') {
				cr = 1;
				lines += i >= len || s[i] != '\n';
			} else if (b == '\f') {
				ff = 1;
			} else if (b != ' ' && b != '\t' && b != '\v') {
				odd++; /* other controls, DEL */
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

	/* As sniff() below: after a UTF-8 BOM, or where the bytes are not
	 * UTF-16, the text is UTF-8 or GB18030, in which a byte below 0x80
	 * is that ASCII character. */
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
static enum encoding
sniff(const unsigned char *s, size_t len, size_t *bom, int *utf8,
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

static enum govreport_status
from_utf16(const unsigned char *s, size_t len, int big_endian, struct utf16 *out)
{
	size_t n = len / 2;

	if (n > INT32_MAX - 1)
		return GOVREPORT_ERR_INPUT_TOO_LARGE;
	out->units = gr_malloc((n + 1) * sizeof(UChar));
	if (!out->units)
		return GOVREPORT_ERR_NOMEM;
	for (size_t i = 0; i < n; i++)
		out->units[i] = big_endian ? (UChar)(s[2 * i] << 8 | s[2 * i + 1])
					   : (UChar)(s[2 * i + 1] << 8 | s[2 * i]);
	out->len = (int32_t)n;
	return GOVREPORT_OK;
}

/* ICU's to-Unicode callback: substitute, and count what was invalid. */
static void U_CALLCONV
count_invalid(const void *context, UConverterToUnicodeArgs *args,
	      const char *units, int32_t length, UConverterCallbackReason reason,
	      UErrorCode *err)
{
	struct invalid_bytes *b = (struct invalid_bytes *)context;

	if (reason == UCNV_UNASSIGNED || reason == UCNV_ILLEGAL ||
	    reason == UCNV_IRREGULAR) {
		size_t at = (size_t)(args->source - b->source);
		note_invalid(b, b->base + (at >= (size_t)length ? at - (size_t)length : 0), 1);
	}
	UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, units, length, reason, err);
}

/* UTF-8, GB18030 or a named charset through ICU; invalid sequences
 * become U+FFFD and are counted in *bad (s is at offset bad->base). */
static enum govreport_status
from_bytes(const char *s, size_t len, enum encoding enc, const char *charset,
	   struct utf16 *out, struct invalid_bytes *bad)
{
	UErrorCode status = U_ZERO_ERROR;
	UConverter *cnv = NULL;
	int32_t need, subs = 0;

	if (len > INT32_MAX / 2)
		return GOVREPORT_ERR_INPUT_TOO_LARGE;
	if (enc == ENC_UTF8) {
		u_strFromUTF8WithSub(NULL, 0, &need, s, (int32_t)len, 0xFFFD, NULL,
				     &status);
	} else {
		cnv = ucnv_open(enc == ENC_OTHER ? charset : "GB18030", &status);
		if (U_FAILURE(status))
			return GOVREPORT_ERR_INTERNAL;
		need = ucnv_toUChars(cnv, NULL, 0, s, (int32_t)len, &status);
	}
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
		ucnv_close(cnv);
		return GOVREPORT_ERR_INTERNAL;
	}
	out->units = gr_malloc(((size_t)need + 1) * sizeof(UChar));
	if (!out->units) {
		ucnv_close(cnv);
		return GOVREPORT_ERR_NOMEM;
	}
	status = U_ZERO_ERROR;
	if (enc == ENC_UTF8) {
		u_strFromUTF8WithSub(out->units, need + 1, &out->len, s,
				     (int32_t)len, 0xFFFD, &subs, &status);
		if (U_SUCCESS(status) && subs > 0)
			note_invalid(bad, bad->base + gr_utf8_valid_prefix(s, len),
				     (size_t)subs);
	} else {
		bad->source = s;
		ucnv_setToUCallBack(cnv, count_invalid, bad, NULL, NULL, &status);
		if (U_SUCCESS(status))
			out->len = ucnv_toUChars(cnv, out->units, need + 1, s,
						 (int32_t)len, &status);
	}
	ucnv_close(cnv);
	if (U_FAILURE(status)) {
		gr_free(out->units);
		out->units = NULL;
		return GOVREPORT_ERR_INTERNAL;
	}
	return GOVREPORT_OK;
}

/*
 * Binary data decodes to control characters and replacement characters;
 * text has almost none. A NUL is never text, but a few stray ones in text
 * are dropped (the lines are made without them) and counted.
 */
static enum govreport_status
check_text(const struct utf16 *u)
{
	size_t odd = 0, visible = 0;
	int nul = 0;

	for (int32_t i = 0; i < u->len; i++) {
		UChar c = u->units[i];
		nul |= c == 0;
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
		     c != '\f' && c != '\v') || c == 0xFFFD || c == 0x7F ||
		    (c >= 0x80 && c < 0xA0))
			odd++;
		else if (c > ' ' && c != 0xFEFF && c != 0x3000)
			visible++;
	}
	/* A stray replacement character (a cut-off last byte) or NUL is
	 * still text; a run of them, or mostly controls, is not, and with
	 * NULs among them a few in a short input are not either. */
	if (odd * 2 > (size_t)u->len ||
	    ((odd > 16 || nul) && odd * 20 > (size_t)u->len))
		return GOVREPORT_ERR_INPUT_NOT_TEXT;
	if (visible == 0)
		return GOVREPORT_ERR_INPUT_EMPTY;
	return GOVREPORT_OK;
}

/* Offset in the input of the code unit at index i. */
struct offsets {
	enum encoding enc;
	size_t bom;
	const char *raw;
	size_t raw_len;
	size_t raw_pos; /* 8-bit encodings: scan position in raw */
};

/*
 * Line breaks are the same bytes in UTF-8 and GB18030 (no multibyte
 * sequence contains 0x0A or 0x0D), so the raw offset of each line is found
 * by walking the raw input in step with the decoded one.
 */
static void
advance_past(struct offsets *o, UChar brk)
{
	while (o->raw_pos < o->raw_len && o->raw[o->raw_pos] != (char)brk)
		o->raw_pos++;
	if (o->raw_pos < o->raw_len)
		o->raw_pos++;
}

static int
is_utf16(const struct offsets *o)
{
	return o->enc == ENC_UTF16LE || o->enc == ENC_UTF16BE;
}

static int
add_line(struct gr_text *text, size_t *cap, size_t start, size_t len,
	 size_t offset)
{
	if (text->nlines >= GR_MAX_LINES)
		return -2;
	if (text->nlines == *cap) {
		size_t ncap = *cap ? *cap * 2 : 256;
		struct gr_line *lines =
			gr_realloc(text->lines, ncap * sizeof(*lines));
		if (!lines)
			return -1;
		text->lines = lines;
		*cap = ncap;
	}
	text->lines[text->nlines] = (struct gr_line){
		.start = start, .len = len, .offset = offset,
		.number = (uint32_t)(text->nlines + 1),
	};
	text->nlines++;
	return 0;
}

/* gr_append_utf16() without the NULs: they are dropped, counted by decode. */
static int
append_raw(const UChar *s, int32_t len, struct gr_strbuf *out)
{
	int32_t i = 0;

	while (i < len) {
		int32_t j = i;
		while (j < len && s[j] != 0)
			j++;
		if (j > i && gr_append_utf16(out, s + i, j - i) < 0)
			return -1;
		i = j + 1;
	}
	return 0;
}

/*
 * The NULs and, in UTF-16, lone surrogates of the decoded text: dropped
 * (NUL) or replaced (a lone surrogate becomes U+FFFD) when the lines are
 * made; counted here with their input offset.
 */
static void
count_invalid_units(const struct utf16 *u, const struct offsets *o,
		    struct invalid_bytes *bad)
{
	int utf16 = is_utf16(o);
	size_t nuls = 0;

	for (int32_t i = 0; i < u->len; i++) {
		UChar c = u->units[i];
		size_t at = o->bom + 2 * (size_t)i;
		if (c == 0) {
			if (utf16)
				note_invalid(bad, at, 1);
			else
				nuls++;
		} else if (utf16 && U16_IS_SURROGATE(c)) {
			if (U16_IS_LEAD(c) && i + 1 < u->len && U16_IS_TRAIL(u->units[i + 1]))
				i++;
			else
				note_invalid(bad, at, 1);
		}
	}
	/* 8-bit encodings: a NUL byte decodes to one NUL unit. */
	if (nuls) {
		const char *first = memchr(o->raw, '\0', o->raw_len);
		note_invalid(bad, first ? (size_t)(first - o->raw) : 0, nuls);
	}
}

/* The line of an input offset: the last line that starts at or before it. */
static size_t
line_of_offset(const struct gr_text *text, size_t offset)
{
	size_t lo = 0, hi = text->nlines;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (text->lines[mid].offset <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? text->lines[lo - 1].number : (text->nlines ? 1 : 0);
}

static int
has_form_feed(const UChar *s, int32_t len)
{
	for (int32_t i = 0; i < len; i++)
		if (s[i] == '\f')
			return 1;
	return 0;
}

static enum govreport_status
split_and_normalize(const struct utf16 *u, struct offsets *o, unsigned options,
		    struct gr_text *text)
{
	struct gr_normalizer *norm = NULL;
	struct gr_strbuf buf;
	size_t cap = 0, offset = o->bom;
	int32_t begin = 0;
	enum govreport_status st = GOVREPORT_OK;
	int raw = (options & GR_DECODE_RAW) != 0;

	if (!raw && !(norm = gr_normalizer_new()))
		return GOVREPORT_ERR_NOMEM;
	gr_strbuf_init(&buf);
	for (int32_t i = 0; i <= u->len; i++) {
		UChar c = i < u->len ? u->units[i] : '\n';
		size_t start;
		int crlf, rc;
		if (c != '\n' && c != '\r')
			continue;
		start = buf.len;
		rc = raw ? append_raw(u->units + begin, i - begin, &buf)
			 : gr_normalize_line(norm, u->units + begin, i - begin, &buf);
		if (rc == 0 && !raw)
			rc = gr_printed_note_units(&text->printed, u->units + begin, i - begin,
						   buf.data + start, buf.len - start, start);
		if (rc < 0 || (rc = add_line(text, &cap, start, buf.len - start, offset)) < 0) {
			st = rc == -2 ? GOVREPORT_ERR_INPUT_TOO_LARGE : GOVREPORT_ERR_NOMEM;
			break;
		}
		text->lines[text->nlines - 1].page_break =
			(uint8_t)has_form_feed(u->units + begin, i - begin);
		gr_strbuf_putc(&buf, '\0');
		crlf = c == '\r' && i + 1 < u->len && u->units[i + 1] == '\n';
		if (!is_utf16(o)) {
			advance_past(o, c);
			if (crlf)
				advance_past(o, '\n');
		}
		if (crlf) /* CR LF is one break */
			i++;
		offset = is_utf16(o) ? o->bom + 2 * (size_t)(i + 1) : o->raw_pos;
		begin = i + 1;
	}
	if (st == GOVREPORT_OK && gr_strbuf_failed(&buf))
		st = GOVREPORT_ERR_NOMEM;
	text->traditional = norm && gr_normalizer_converted(norm);
	gr_normalizer_free(norm);
	if (st != GOVREPORT_OK) {
		gr_strbuf_release(&buf);
		return st;
	}
	text->buf = gr_strbuf_steal(&buf, &text->len);
	return text->buf ? GOVREPORT_OK : GOVREPORT_ERR_NOMEM;
}

/* ---- well-formed UTF-8 ---------------------------------------------- */

/* The end of the line that starts at pos: the next CR or LF, or len. */
static size_t
line_end(const char *s, size_t len, size_t pos, int cr)
{
	const char *nl;

	if (cr) {
		while (pos < len && s[pos] != '\n' && s[pos] != '\r')
			pos++;
		return pos;
	}
	nl = memchr(s + pos, '\n', len - pos);
	return nl ? (size_t)(nl - s) : len;
}

/*
 * gr_text_decode_as() for well-formed UTF-8 without NUL: the same result
 * as decoding to UTF-16 first, without that copy; lines are normalised by
 * gr_normalize_line_utf8(), which calls ICU only for lines that need it.
 */
static enum govreport_status
decode_utf8(const char *data, size_t len, size_t bom, unsigned options,
	    const struct utf8_counts *counts, struct gr_text *text)
{
	struct gr_normalizer *norm = NULL;
	struct gr_strbuf buf;
	struct utf8_counts k = *counts;
	size_t pos = bom;
	int raw = (options & GR_DECODE_RAW) != 0, failed = 0;

	if (k.odd * 2 > k.units || (k.odd > 16 && k.odd * 20 > k.units))
		return GOVREPORT_ERR_INPUT_NOT_TEXT;
	if (k.visible == 0)
		return GOVREPORT_ERR_INPUT_EMPTY;
	if (k.lines > GR_MAX_LINES)
		return GOVREPORT_ERR_INPUT_TOO_LARGE;
	text->lines = gr_malloc(k.lines * sizeof(*text->lines));
	if (!text->lines || (!raw && !(norm = gr_normalizer_new())))
		return GOVREPORT_ERR_NOMEM;
	gr_strbuf_init(&buf);
	/* Normalising seldom makes text longer: one allocation, usually. */
	gr_strbuf_reserve(&buf, len - bom + k.lines);
	while (!failed) {
		size_t end = line_end(data, len, pos, k.cr), start = buf.len;
		int rc = 0;
		if (text->nlines == k.lines)
			break; /* counted wrong: cannot happen */
		if (raw)
			gr_strbuf_append(&buf, data + pos, end - pos);
		else
			rc = gr_normalize_line_utf8(norm, data + pos, end - pos, &buf);
		/* The line's kept punctuation, when the normaliser saw any. */
		if (rc == 0 && !raw && gr_normalizer_line_kept(norm))
			rc = gr_printed_note(&text->printed, data + pos, end - pos,
					     buf.data + start, buf.len - start, 0,
					     buf.len - start, start);
		failed = rc < 0 || gr_strbuf_failed(&buf);
		if (failed)
			break;
		text->lines[text->nlines] = (struct gr_line){
			.start = start, .len = buf.len - start, .offset = pos,
			.number = (uint32_t)(text->nlines + 1),
			.page_break = (uint8_t)(k.ff && memchr(data + pos, '\f', end - pos)),
		};
		text->nlines++;
		/* The line's NUL, straight in when there is room. */
		if (buf.cap - buf.len > 1) {
			buf.data[++buf.len] = '\0';
		} else {
			gr_strbuf_putc(&buf, '\0');
		}
		if (end == len)
			break;
		/* CR LF is one break. */
		pos = end + 1 + (data[end] == '\r' && end + 1 < len && data[end + 1] == '\n');
	}
	text->traditional = norm && gr_normalizer_converted(norm);
	gr_normalizer_free(norm);
	if (failed || gr_strbuf_failed(&buf)) {
		gr_strbuf_release(&buf);
		return GOVREPORT_ERR_NOMEM;
	}
	text->buf = gr_strbuf_steal(&buf, &text->len);
	return text->buf ? GOVREPORT_OK : GOVREPORT_ERR_NOMEM;
}

static int
has_non_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}

/*
 * The encoding a caller named: UTF-8, GB18030 for the GB family (GB2312
 * and GBK pages hold GBK characters, and GB18030 reads them all), or any
 * other ASCII-compatible charset ICU knows; ENC_NONE for none.
 */
static enum encoding
named_encoding(const char *charset)
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

enum govreport_status
gr_text_decode(const char *data, size_t len, struct gr_text *text)
{
	return gr_text_decode_as(data, len, NULL, 0, text);
}

enum govreport_status
gr_text_decode_as(const char *data, size_t len, const char *charset,
		  unsigned options, struct gr_text *text)
{
	const unsigned char *bytes = (const unsigned char *)data;
	struct utf16 u = { 0 };
	struct offsets o = { 0 };
	enum govreport_status st;
	enum encoding named;
	struct utf8_counts counts;
	struct invalid_bytes bad = { 0 };
	size_t bom;
	int utf8;

	*text = (struct gr_text){ 0 };
	if (len == 0)
		return GOVREPORT_ERR_INPUT_EMPTY;
	if (len > GOVREPORT_MAX_INPUT_CEILING)
		return GOVREPORT_ERR_INPUT_TOO_LARGE;

	o.enc = sniff(bytes, len, &bom, &utf8, &counts);
	named = named_encoding(charset);
	/*
	 * A BOM says more than a declaration. So do the bytes where they
	 * cannot be what is declared: text that is not UTF-8 under a UTF-8
	 * declaration, and Chinese text that is well-formed UTF-8 under
	 * another (a page saved again with a stale <meta charset>; text in
	 * GBK or Big5 is practically never well-formed UTF-8).
	 */
	if (!bom && named != ENC_NONE &&
	    !(named == ENC_UTF8 && o.enc != ENC_UTF8) &&
	    !(named != ENC_UTF8 && o.enc == ENC_UTF8 && has_non_ascii(data, len)))
		o.enc = named;
	o.bom = bom;
	o.raw = data;
	o.raw_len = len;
	o.raw_pos = bom;
	/* Well-formed UTF-8, the common case, is read as it is. */
	if (o.enc == ENC_UTF8 && utf8 && !memchr(data, '\0', len)) {
		st = decode_utf8(data, len, bom, options, &counts, text);
		if (st != GOVREPORT_OK)
			gr_text_release(text);
		return st;
	}
	if (o.enc == ENC_UTF16LE || o.enc == ENC_UTF16BE) {
		st = from_utf16(bytes + bom, len - bom, o.enc == ENC_UTF16BE, &u);
		/* An odd length: the last byte is half a unit, dropped. */
		if ((len - bom) % 2)
			note_invalid(&bad, len - 1, 1);
	} else {
		bad.base = bom;
		st = from_bytes(data + bom, len - bom, o.enc, charset, &u, &bad);
	}
	if (st == GOVREPORT_OK)
		st = check_text(&u);
	if (st == GOVREPORT_OK) {
		count_invalid_units(&u, &o, &bad);
		st = split_and_normalize(&u, &o, options, text);
	}
	gr_free(u.units);
	if (st != GOVREPORT_OK) {
		gr_text_release(text);
		return st;
	}
	text->gb18030 = o.enc == ENC_GB18030;
	if (bad.count) {
		text->invalid = bad.count;
		text->invalid_offset = bad.first;
		text->invalid_line = line_of_offset(text, bad.first);
	}
	return GOVREPORT_OK;
}

int
gr_text_diag_invalid(const struct gr_text *text, struct gr_diags *diags)
{
	struct gr_diag *d;

	if (text->invalid == 0)
		return 0;
	if (gr_diag_add(diags, GR_ENCODING_INVALID, NULL, NULL, text->invalid_line,
			gr_printf("输入中有%zu处无效字节（NUL字节、残缺或错误的编码序列），"
				  "已删除或替换；第一处在第%zu行（字节偏移%zu）",
				  text->invalid, text->invalid_line, text->invalid_offset),
			gr_printf("%zu invalid bytes or byte sequences (NUL bytes, "
				  "truncated or broken sequences) were dropped or "
				  "replaced; the first is on line %zu (byte offset %zu)",
				  text->invalid, text->invalid_line, text->invalid_offset)) < 0)
		return -1;
	d = gr_diag_last(diags);
	d->has_actual = 1;
	d->actual = text->invalid > INT64_MAX ? INT64_MAX : (int64_t)text->invalid;
	return 0;
}

void
gr_text_release(struct gr_text *text)
{
	gr_free(text->buf);
	gr_free(text->lines);
	gr_printed_release(&text->printed);
	*text = (struct gr_text){ 0 };
}

int
gr_normalize_utf8(struct gr_normalizer *n, const char *s, size_t len,
		  struct gr_strbuf *out)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar stack[256], *units = stack;
	int32_t need = 0;
	int rc;

	if (len > INT32_MAX / 2)
		return -1;
	if (gr_utf8_valid(s, len))
		return gr_normalize_line_utf8(n, s, len, out);
	u_strFromUTF8WithSub(units, (int32_t)(sizeof(stack) / sizeof(stack[0])),
			     &need, s, (int32_t)len, 0xFFFD, NULL, &status);
	if (status == U_BUFFER_OVERFLOW_ERROR ||
	    need >= (int32_t)(sizeof(stack) / sizeof(stack[0]))) {
		units = gr_malloc(((size_t)need + 1) * sizeof(UChar));
		if (!units)
			return -1;
		status = U_ZERO_ERROR;
		u_strFromUTF8WithSub(units, need + 1, &need, s, (int32_t)len,
				     0xFFFD, NULL, &status);
	}
	rc = U_FAILURE(status) ? -1 : gr_normalize_line(n, units, need, out);
	if (units != stack)
		gr_free(units);
	return rc;
}
