/*
 * Bytes → normalised UTF-8 lines. The input's encoding is found from its
 * BOM, else from whether it is valid UTF-8, else it is read as GB18030
 * (SPEC §4). Each line keeps its number and its byte offset in the input.
 *
 * This file holds the choice of encoding and well-formed UTF-8, read as
 * it is; the sniffing and the reading through UTF-16 live beside it, as
 * decode_build.h lists.
 */
#include <string.h>

#include <unicode/ustring.h>

#include "util/alloc.h"
#include "model/diag.h"
#include "input/decode_build.h"
#include "input/normalize.h"
#include "util/strbuf.h"
#include "input/text.h"
#include "util/utf8.h"

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
	/* buf becomes the text: the normaliser notes marks at its offsets. */
	if (norm)
		gr_normalizer_note_printed(norm, &text->printed);
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

	o.enc = gr_decode_sniff(bytes, len, &bom, &utf8, &counts);
	named = gr_decode_named_encoding(charset);
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
		st = gr_decode_from_utf16(bytes + bom, len - bom, o.enc == ENC_UTF16BE, &u);
		/* An odd length: the last byte is half a unit, dropped. */
		if ((len - bom) % 2)
			gr_decode_note_invalid(&bad, len - 1, 1);
	} else {
		bad.base = bom;
		st = gr_decode_from_bytes(data + bom, len - bom, o.enc, charset, &u, &bad);
	}
	if (st == GOVREPORT_OK)
		st = gr_decode_check_text(&u);
	if (st == GOVREPORT_OK) {
		gr_decode_count_invalid_units(&u, &o, &bad);
		st = gr_decode_split_and_normalize(&u, &o, options, text);
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
	size_t start = out->len;
	struct gr_printed *marks = gr_normalizer_noting(n);
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
	/* The marks the UTF-8 path notes, found by aligning as it does. */
	if (rc == 0 && marks)
		rc = gr_printed_note(marks, s, len, out->data + start, out->len - start, 0,
				     out->len - start, start);
	return rc;
}
