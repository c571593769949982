/* Punctuation as printed, over normalised text; see printed.h. */
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "util/alloc.h"
#include "input/grid.h"
#include "input/normalize.h"
#include "input/printed.h"
#include "util/strbuf.h"
#include "input/text.h"
#include "util/utf8.h"


/*
 * Whether strings keep cp as printed: what NFKC narrows of the punctuation
 * Chinese is printed with — the full-width forms of ASCII punctuation
 * (，（）：；！？％…) and the two ellipses. (、。《》“” it leaves alone.)
 * Full-width digits and letters are not punctuation: they read as ASCII.
 */
static int
is_kept(int32_t cp)
{
	return (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
	       (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF5E) ||
	       cp == 0x2026 || cp == 0x2025;
}

int32_t
gr_printed_fold(int32_t cp)
{
	if (cp == 0x2026 || cp == 0x2025)
		return '.';
	return is_kept(cp) ? cp - 0xFEE0 : cp;
}

/* How many bytes of normalised text a kept character stands for. */
static size_t
folded_length(int32_t cp)
{
	return cp == 0x2026 ? 3 : cp == 0x2025 ? 2 : 1;
}

int
gr_printed_grow(struct gr_printed *p)
{
	size_t cap = p->cap ? p->cap * 2 : 64;
	struct gr_printed_mark *grown = gr_realloc(p->marks, cap * sizeof(*grown));

	if (!grown)
		return -1;
	p->marks = grown;
	p->cap = cap;
	return 0;
}

/* The end of converter pinyin residue "(qū)" or "（qū）" at raw[i], or 0. */
static size_t
pinyin_residue(const char *raw, size_t len, size_t i)
{
	size_t pos = i, letters = 0;
	int32_t c = gr_utf8_next(raw, len, &pos);

	if (c != '(' && c != 0xFF08)
		return 0;
	for (;;) {
		c = gr_utf8_next(raw, len, &pos);
		if (c == ')' || c == 0xFF09)
			return letters ? pos : 0;
		if (!gr_is_pinyin_letter(c) || ++letters > GR_PINYIN_MAX)
			return 0;
	}
}

/*
 * How many characters NFKC makes of cp, with their UTF-8 in out (up to
 * `cap` bytes; 0 when it does not fit or ICU fails).
 */
static size_t
nfkc_form(int32_t cp, char *out, size_t cap, size_t *outlen)
{
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
	UChar src[2], dst[32];
	int32_t srclen = 0, n, need = 0;
	size_t chars = 0;

	*outlen = 0;
	if (U_FAILURE(status))
		return 0;
	U16_APPEND_UNSAFE(src, srclen, cp);
	n = unorm2_normalize(nfkc, src, srclen, dst, 32, &status);
	if (U_FAILURE(status))
		return 0;
	u_strToUTF8(out, (int32_t)cap, &need, dst, n, &status);
	if (U_FAILURE(status) || (size_t)need > cap)
		return 0;
	*outlen = (size_t)need;
	for (int32_t k = 0; k < n; k++)
		chars += !U16_IS_TRAIL(dst[k]);
	return chars;
}

/*
 * Walk raw and norm together, noting each kept character's place in
 * norm. Returns 1 when the two were aligned to their ends, 0 when they
 * could not be (the caller drops what was noted).
 */
/* Whether s[k] (with two bytes after it) starts a kept character: EF BC
 * or EF BD (the full-width forms), E2 80 A5 or A6 (the ellipses). */
static int
starts_kept(const unsigned char *b)
{
	return (b[0] == 0xEF && (b[1] == 0xBC || b[1] == 0xBD)) ||
	       (b[0] == 0xE2 && b[1] == 0x80 && (b[2] == 0xA5 || b[2] == 0xA6));
}

/* Where the next kept character starts in s[from, len), or len. Most
 * lines are short (a cell) or hold none: a short one is looked at byte by
 * byte, a long one through memchr. */
static size_t
next_kept(const char *s, size_t len, size_t from)
{
	const unsigned char *b = (const unsigned char *)s, *end = b + len;
	const unsigned char *ef = NULL, *e2 = NULL;

	if (len - from < 64) {
		for (size_t k = from; k + 2 < len; k++)
			if (b[k] >= 0xE2 && starts_kept(b + k))
				return k;
		return len;
	}
	for (const unsigned char *at = b + from; at + 2 < end; at++) {
		if (!ef || ef < at)
			ef = memchr(at, 0xEF, (size_t)(end - at));
		if (!e2 || e2 < at)
			e2 = memchr(at, 0xE2, (size_t)(end - at));
		if (!ef)
			ef = end;
		if (!e2)
			e2 = end;
		at = ef < e2 ? ef : e2;
		if (at + 2 >= end)
			break;
		if (starts_kept(at))
			return (size_t)(at - b);
	}
	return len;
}

static int
align(struct gr_printed *p, const char *raw, size_t rawlen, const char *norm,
      size_t normlen, size_t from, size_t len, size_t at, int *failed)
{
	size_t i = 0, j = 0;

	while (i < rawlen) {
		size_t next = i, end;
		int32_t c;
		/* The same bytes are the same characters, but for a bracket
		 * that may open pinyin residue. */
		if (j < normlen && raw[i] == norm[j] && raw[i] != '(') {
			i++;
			j++;
			continue;
		}
		/* Back to where the two characters begin (a traditional
		 * character and its simplified one may share lead bytes). */
		while (i > 0 && j > 0 && ((unsigned char)raw[i] & 0xC0) == 0x80) {
			i--;
			j--;
		}
		c = gr_utf8_next(raw, rawlen, &next);
		/* Residue right after a Han character is what normalisation
		 * removes. */
		if ((end = pinyin_residue(raw, rawlen, i)) != 0 && j > 0 &&
		    gr_is_han(gr_utf8_before(norm, j))) {
			i = end;
			continue;
		}
		if (is_kept(c)) {
			size_t n = folded_length(c);
			char folded = (char)gr_printed_fold(c);
			for (size_t k = 0; k < n; k++)
				if (j + k >= normlen || norm[j + k] != folded)
					return 0;
			if (j >= from && j + n <= from + len && gr_printed_add(p, at + j - from, c) < 0) {
				*failed = 1;
				return 0;
			}
			i = next;
			j += n;
			continue;
		}
		if (c < 0x80) {
			/* Controls but the tab are dropped. */
			if ((c < 0x20 && c != '\t') || c == 0x7F) {
				i = next;
				continue;
			}
			if (j < normlen && norm[j] == c) {
				i = next;
				j++;
				continue;
			}
			return 0;
		}
		if (gr_normalize_drops(c)) {
			i = next;
			continue;
		}
		if (j >= normlen)
			return 0;
		/* Changed by NFKC, or by traditional → simplified (one
		 * character for one). */
		{
			char form[64];
			size_t flen, chars = gr_is_han(c) && !(c >= 0xF900 && c <= 0xFAFF)
						     ? 1
						     : nfkc_form(c, form, sizeof(form), &flen);
			if (chars == 1) {
				gr_utf8_next(norm, normlen, &j);
			} else if (chars > 1 && normlen - j >= flen &&
				   memcmp(norm + j, form, flen) == 0) {
				j += flen;
			} else {
				return 0;
			}
			i = next;
		}
	}
	return j == normlen;
}

/* Whether any byte of the word x is b (the classic zero-byte test). */
static int
has_byte(uint64_t x, unsigned char b)
{
	const uint64_t ones = 0x0101010101010101ULL;
	uint64_t y = x ^ (ones * b);

	return ((y - ones) & ~y & (ones << 7)) != 0;
}

/*
 * align() for the common case, a line of simplified text: raw and norm
 * are the same bytes but where a kept character was narrowed. Eight bytes
 * at a time while they agree; 0 as soon as they differ otherwise
 * (traditional characters, pinyin residue, a control dropped), for align()
 * to walk them.
 */
static int
align_narrowed(struct gr_printed *p, const char *raw, size_t rawlen, const char *norm,
	       size_t normlen, size_t from, size_t len, size_t at, int *failed)
{
	const unsigned char *r = (const unsigned char *)raw;
	size_t i = 0, j = 0;

	while (i < rawlen) {
		int32_t c;
		char folded;
		size_t n;
		while (i + 8 <= rawlen && j + 8 <= normlen) {
			uint64_t a, b;
			size_t k = 0;
			memcpy(&a, r + i, 8);
			memcpy(&b, norm + j, 8);
			if (a != b)
				break;
			if (!has_byte(a, 0xEF) && !has_byte(a, 0xE2)) {
				i += 8;
				j += 8;
				continue;
			}
			/* The same bytes up to the lead byte. */
			while (r[i + k] != 0xEF && r[i + k] != 0xE2)
				k++;
			i += k;
			j += k;
			break;
		}
		if (i == rawlen)
			break;
		if (i + 2 >= rawlen || !starts_kept(r + i)) {
			if (j >= normlen || r[i] != (unsigned char)norm[j])
				return 0;
			i++;
			j++;
			continue;
		}
		c = (int32_t)(r[i] & 0x0F) << 12 | (int32_t)(r[i + 1] & 0x3F) << 6 | (r[i + 2] & 0x3F);
		folded = (char)gr_printed_fold(c);
		n = folded_length(c);
		for (size_t k = 0; k < n; k++)
			if (j + k >= normlen || norm[j + k] != folded)
				return 0;
		if (j >= from && j + n <= from + len && gr_printed_add(p, at + j - from, c) < 0) {
			*failed = 1;
			return 0;
		}
		i += 3;
		j += n;
	}
	return j == normlen;
}

int
gr_printed_note(struct gr_printed *p, const char *raw, size_t rawlen,
		const char *norm, size_t normlen, size_t from, size_t len, size_t at)
{
	size_t first = p->count;
	int failed = 0;

	/* Only a piece with a kept character needs aligning. */
	if (next_kept(raw, rawlen, 0) == rawlen)
		return 0;
	if (align_narrowed(p, raw, rawlen, norm, normlen, from, len, at, &failed))
		return 0;
	p->count = first;
	if (!failed && !align(p, raw, rawlen, norm, normlen, from, len, at, &failed))
		p->count = first;
	return failed ? -1 : 0;
}

int
gr_printed_note_units(struct gr_printed *p, const UChar *raw, int32_t rawlen,
		      const char *norm, size_t normlen, size_t at)
{
	UErrorCode status = U_ZERO_ERROR;
	struct gr_strbuf utf8;
	int32_t need = 0;
	int any = 0, rc;
	char *dst;

	for (int32_t k = 0; k < rawlen && !any; k++)
		any = is_kept(raw[k]);
	if (!any)
		return 0;
	u_strToUTF8WithSub(NULL, 0, &need, raw, rawlen, 0xFFFD, NULL, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return 0;
	gr_strbuf_init(&utf8);
	dst = gr_strbuf_extend(&utf8, (size_t)need);
	if (!dst) {
		gr_strbuf_release(&utf8);
		return -1;
	}
	status = U_ZERO_ERROR;
	u_strToUTF8WithSub(dst, need + 1, NULL, raw, rawlen, 0xFFFD, NULL, &status);
	rc = U_FAILURE(status) ? 0
			       : gr_printed_note(p, utf8.data, utf8.len, norm, normlen, 0,
						 normlen, at);
	gr_strbuf_release(&utf8);
	return rc;
}

void
gr_printed_release(struct gr_printed *p)
{
	gr_free(p->marks);
	*p = (struct gr_printed){ 0 };
}

/* Lines of page furniture (a running header, a page number) that a
 * paragraph joined across a page break may have left out. */
#define GR_PRINTED_SKIP_LINES 8

/* The UTF-8 of a kept character (all are three bytes long). */
static char *
put_kept_at(char *w, uint32_t cp)
{
	w[0] = (char)(0xE0 | (cp >> 12));
	w[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	w[2] = (char)(0x80 | (cp & 0x3F));
	return w + 3;
}

static void
put_kept(struct gr_strbuf *out, uint32_t cp)
{
	char *w = gr_strbuf_extend(out, 3);

	if (w)
		put_kept_at(w, cp);
}

/* The first mark at or after offset `off`. */
static size_t
first_mark(const struct gr_printed *p, size_t off)
{
	size_t lo = 0, hi = p->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->marks[mid].at < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int
gr_printed_add_from(struct gr_printed *p, const struct gr_printed *piece, size_t from,
		    size_t len, size_t at)
{
	for (size_t k = first_mark(piece, from); k < piece->count; k++) {
		const struct gr_printed_mark *m = &piece->marks[k];
		if (m->at + folded_length((int32_t)m->cp) > from + len)
			break;
		if (gr_printed_add(p, at + (m->at - from), (int32_t)m->cp) < 0)
			return -1;
	}
	return 0;
}

/* The item's text is text->buf[off, off + len): print its marks. */
static void
append_span(const struct gr_printed *p, const char *s, size_t len, size_t off,
	    struct gr_strbuf *out)
{
	size_t first = first_mark(p, off), last = first_mark(p, off + len), done = 0;
	char *w;

	/* A mark's character takes at most two bytes more than it stood
	 * for: written straight into room made once. */
	if (gr_strbuf_reserve(out, len + 2 * (last - first)) < 0)
		return;
	w = out->data + out->len;
	for (size_t k = first; k < last; k++) {
		const struct gr_printed_mark *m = &p->marks[k];
		size_t rel = m->at - off, n = folded_length((int32_t)m->cp);
		if (rel + n > len)
			break;
		memcpy(w, s + done, rel - done);
		w = put_kept_at(w + (rel - done), m->cp);
		done = rel + n;
	}
	memcpy(w, s + done, len - done);
	w += len - done;
	out->len = (size_t)(w - out->data);
	out->data[out->len] = '\0';
}

/*
 * The item's text put together from pieces of its source lines (a
 * paragraph wrapped over lines and joined again, a Markdown escape taken
 * out): walk the text from where the item starts, matching its bytes in
 * order. Between them the text may hold white space, line ends, an
 * escaping backslash, and whole lines the reader left out (page
 * furniture); the item may hold a space its reader put between two
 * pieces. Appends the printed text and returns 1, or returns 0 (nothing
 * appended) when the walk loses its way.
 */
static int
walk_pieces(const struct gr_text *text, const struct gr_item *item, size_t pos,
	    struct gr_strbuf *out)
{
	const struct gr_printed *p = &text->printed;
	const char *b = text->buf, *s = item->text;
	size_t k = 0, m = first_mark(p, pos), before = out->len, skipped = 0;
	int line_start = 0; /* only white space since the last line end */

	while (k < item->len) {
		if (pos < text->len && b[pos] == s[k]) {
			size_t n;
			while (m < p->count && p->marks[m].at < pos)
				m++;
			n = m < p->count && p->marks[m].at == pos
				    ? folded_length((int32_t)p->marks[m].cp)
				    : 0;
			if (n && k + n <= item->len && pos + n <= text->len &&
			    memcmp(s + k, b + pos, n) == 0) {
				put_kept(out, p->marks[m].cp);
				k += n;
				pos += n;
			} else {
				gr_strbuf_putc(out, s[k++]);
				pos++;
			}
			line_start = 0;
		} else if (s[k] == ' ') {
			gr_strbuf_putc(out, s[k++]); /* a space the reader put in */
		} else if (pos < text->len && (b[pos] == ' ' || b[pos] == '\t' ||
					       (b[pos] == '\\' && pos + 1 < text->len &&
						b[pos + 1] == s[k]))) {
			pos++;
		} else if (pos < text->len && b[pos] == '\0') {
			pos++;
			line_start = 1;
		} else if (line_start && skipped < GR_PRINTED_SKIP_LINES) {
			const char *end = memchr(b + pos, '\0', text->len - pos);
			if (!end)
				break;
			pos = (size_t)(end - b) + 1;
			skipped++;
		} else {
			break;
		}
	}
	if (k < item->len) {
		out->len = before;
		if (out->data)
			out->data[before] = '\0';
		return 0;
	}
	return 1;
}

int
gr_printed_append(const struct gr_text *text, const struct gr_item *item,
		  struct gr_strbuf *out)
{
	const struct gr_printed *p = &text->printed;
	const struct gr_line *line;

	if (p->count == 0 || !text->buf || item->len == 0) {
		gr_strbuf_append(out, item->text, item->len);
	} else if (item->text >= text->buf && item->text + item->len <= text->buf + text->len) {
		append_span(p, item->text, item->len, (size_t)(item->text - text->buf), out);
	} else if (item->line == 0 || item->line > text->nlines || item->column == 0 ||
		   (line = &text->lines[item->line - 1])->number != item->line ||
		   item->column - 1 > line->len ||
		   !walk_pieces(text, item, line->start + item->column - 1, out)) {
		/* Not copied from the text: as read. */
		gr_strbuf_append(out, item->text, item->len);
	}
	return gr_strbuf_failed(out) ? -1 : 0;
}

size_t
gr_printed_offset(const char *norm, size_t normlen, const char *printed,
		  size_t printedlen, size_t at)
{
	size_t i = 0, j = 0;

	while (i < at && i < normlen && j < printedlen) {
		size_t next = j;
		int32_t c;
		if (norm[i] == printed[j]) {
			while (i < at && i < normlen && j < printedlen && norm[i] == printed[j]) {
				i++;
				j++;
			}
			continue;
		}
		c = gr_utf8_next(printed, printedlen, &next);
		if (!is_kept(c))
			break; /* not the same string: cannot happen */
		i += folded_length(c);
		j = next;
	}
	return j;
}
