/*
 * Text read through UTF-16: UTF-16 input taken as it is, other bytes
 * (GB18030, UTF-8 that is not well-formed, a charset the caller named)
 * converted by ICU, invalid sequences replaced and counted; binary data
 * refused; then split into lines, each normalised (SPEC §4) and keeping
 * its offset in the input. See decode_build.h.
 */
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "util/alloc.h"
#include "input/decode_build.h"
#include "input/normalize.h"
#include "util/strbuf.h"
#include "util/utf8.h"

void
gr_decode_note_invalid(struct invalid_bytes *b, size_t offset, size_t n)
{
	if (n == 0)
		return;
	if (b->count == 0 || offset < b->first)
		b->first = offset;
	b->count += n;
}

enum govreport_status
gr_decode_from_utf16(const unsigned char *s, size_t len, int big_endian,
		     struct utf16 *out)
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
		gr_decode_note_invalid(b, b->base + (at >= (size_t)length ? at - (size_t)length : 0),
				       1);
	}
	UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, units, length, reason, err);
}

/* UTF-8, GB18030 or a named charset through ICU; invalid sequences
 * become U+FFFD and are counted in *bad (s is at offset bad->base). */
enum govreport_status
gr_decode_from_bytes(const char *s, size_t len, enum encoding enc, const char *charset,
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
			gr_decode_note_invalid(bad, bad->base + gr_utf8_valid_prefix(s, len),
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
enum govreport_status
gr_decode_check_text(const struct utf16 *u)
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
void
gr_decode_count_invalid_units(const struct utf16 *u, const struct offsets *o,
			      struct invalid_bytes *bad)
{
	int utf16 = is_utf16(o);
	size_t nuls = 0;

	for (int32_t i = 0; i < u->len; i++) {
		UChar c = u->units[i];
		size_t at = o->bom + 2 * (size_t)i;
		if (c == 0) {
			if (utf16)
				gr_decode_note_invalid(bad, at, 1);
			else
				nuls++;
		} else if (utf16 && U16_IS_SURROGATE(c)) {
			if (U16_IS_LEAD(c) && i + 1 < u->len && U16_IS_TRAIL(u->units[i + 1]))
				i++;
			else
				gr_decode_note_invalid(bad, at, 1);
		}
	}
	/* 8-bit encodings: a NUL byte decodes to one NUL unit. */
	if (nuls) {
		const char *first = memchr(o->raw, '\0', o->raw_len);
		gr_decode_note_invalid(bad, first ? (size_t)(first - o->raw) : 0, nuls);
	}
}

static int
has_form_feed(const UChar *s, int32_t len)
{
	for (int32_t i = 0; i < len; i++)
		if (s[i] == '\f')
			return 1;
	return 0;
}

enum govreport_status
gr_decode_split_and_normalize(const struct utf16 *u, struct offsets *o, unsigned options,
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
