/* Line normalisation through ICU; see normalize.h. */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "util/alloc.h"
#include "input/chardata.h"
#include "input/hant.h"
#include "input/normalize.h"
#include "input/printed.h"
#include "util/utf8.h"

struct gr_normalizer {
	const UNormalizer2 *nfkc;
	/* The fast path's tables and the detector; NULL: ICU for every line. */
	const struct gr_chardata *tables;
	UTransliterator *hant; /* this parse's clone, opened on first need */
	int converted;
	struct gr_printed *printed; /* see gr_normalizer_note_printed() */
	UChar *work[3]; /* scratch buffers, grown as needed */
	int32_t cap[3];
};

struct gr_normalizer *
gr_normalizer_new(void)
{
	UErrorCode status = U_ZERO_ERROR;
	struct gr_normalizer *n = gr_calloc(1, sizeof(*n));

	if (!n)
		return NULL;
	n->nfkc = unorm2_getNFKCInstance(&status);
	if (U_FAILURE(status)) {
		gr_free(n);
		return NULL;
	}
	n->tables = gr_chardata();
	return n;
}

void
gr_normalizer_free(struct gr_normalizer *n)
{
	if (!n)
		return;
	if (n->hant)
		utrans_close(n->hant);
	gr_free(n->work[0]);
	gr_free(n->work[1]);
	gr_free(n->work[2]);
	gr_free(n);
}

void
gr_normalizer_set_tables(struct gr_normalizer *n, const struct gr_chardata *tables)
{
	n->tables = tables;
}

int
gr_normalizer_converted(const struct gr_normalizer *n)
{
	return n->converted;
}

void
gr_normalizer_note_printed(struct gr_normalizer *n, struct gr_printed *p)
{
	n->printed = p;
}

struct gr_printed *
gr_normalizer_noting(const struct gr_normalizer *n)
{
	return n->printed;
}

static int
reserve(struct gr_normalizer *n, int which, int32_t need)
{
	UChar *buf;
	int32_t cap;

	if (need <= n->cap[which])
		return 0;
	cap = need < 256 ? 256 : need;
	buf = gr_realloc(n->work[which], (size_t)cap * sizeof(UChar));
	if (!buf)
		return -1;
	n->work[which] = buf;
	n->cap[which] = cap;
	return 0;
}

int
gr_normalize_drops(int32_t c)
{
	return c >= 0 && gr_char_is_invisible((uint32_t)c);
}

static int
is_han_unit(UChar c)
{
	/* BMP ideographs, and the surrogates of the supplementary ones. */
	return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       U16_IS_TRAIL(c);
}

/*
 * Remove converter pinyin residue in place: "(qū)" right after a Han
 * character. Returns the new length.
 */
static int32_t
strip_pinyin(UChar *s, int32_t len)
{
	int32_t in = 0, out = 0;

	while (in < len) {
		if (s[in] == '(' && out > 0 && is_han_unit(s[out - 1])) {
			int32_t k = in + 1;
			while (k < len && k - in <= GR_PINYIN_MAX && gr_is_pinyin_letter(s[k]))
				k++;
			if (k > in + 1 && k < len && s[k] == ')') {
				in = k + 1;
				continue;
			}
		}
		s[out++] = s[in++];
	}
	return out;
}

static int
needs_hant(const struct gr_normalizer *n, const UChar *s, int32_t len)
{
	if (!n->tables)
		return 0;
	for (int32_t i = 0; i < len;) {
		UChar32 c;
		U16_NEXT(s, i, len, c);
		if (c >= 0x3400 && gr_chardata_is_traditional(n->tables, c))
			return 1;
	}
	return 0;
}

static int
has_non_ascii(const UChar *s, int32_t len)
{
	for (int32_t i = 0; i < len; i++)
		if (s[i] >= 0x80)
			return 1;
	return 0;
}

/* Convert work[0] (len units) to simplified characters in place by ICU's
 * transliterator: where its rules are not tables (chardata.h). */
static int
to_simplified(struct gr_normalizer *n, int32_t *len)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t limit = *len, textlen = *len;

	if (!n->hant) {
		if (gr_hant_clone(&n->hant) < 0)
			return -1;
		if (!n->hant)
			return 0; /* no transliterator data: text stays as written */
	}
	/* The conversion is character for character; leave room anyway. */
	if (reserve(n, 0, *len * 2 + 16) < 0)
		return -1;
	utrans_transUChars(n->hant, n->work[0], &textlen, n->cap[0], 0, &limit,
			   &status);
	if (U_FAILURE(status) || textlen > n->cap[0])
		return -1;
	*len = textlen;
	n->converted = 1;
	return 0;
}

/* Convert out's text from `start` on to simplified characters by the
 * rule tables (no ICU). */
static void
convert_from(struct gr_normalizer *n, struct gr_strbuf *out, size_t start)
{
	out->len = start + gr_hant_convert(n->tables, out->data + start, out->len - start);
	out->data[out->len] = '\0';
	n->converted = 1;
}

/* Append UTF-16 as UTF-8, unchanged (lone surrogates become U+FFFD):
 * decoding and normalising both end a line this way. */
int
gr_append_utf16(struct gr_strbuf *out, const UChar *s, int32_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t need = 0;
	char *at;

	u_strToUTF8WithSub(NULL, 0, &need, s, len, 0xFFFD, NULL, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return -1;
	at = gr_strbuf_extend(out, (size_t)need);
	if (!at)
		return -1;
	status = U_ZERO_ERROR;
	/* The buffer has room for need + 1 bytes: the terminator too. */
	u_strToUTF8WithSub(at, need + 1, NULL, s, len, 0xFFFD, NULL, &status);
	return U_FAILURE(status) ? -1 : 0;
}

int
gr_normalize_line(struct gr_normalizer *n, const UChar *src, int32_t len,
		  struct gr_strbuf *out)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t clean = 0, norm;

	if (reserve(n, 0, len + 1) < 0)
		return -1;
	for (int32_t i = 0; i < len; i++)
		if (!gr_char_is_invisible(src[i]))
			n->work[0][clean++] = src[i];

	if (!has_non_ascii(n->work[0], clean))
		return gr_append_utf16(out, n->work[0], clean);

	/* NFKC: full-width digits and punctuation become ASCII. */
	if (unorm2_quickCheck(n->nfkc, n->work[0], clean, &status) != UNORM_YES) {
		status = U_ZERO_ERROR;
		norm = unorm2_normalize(n->nfkc, n->work[0], clean, NULL, 0, &status);
		if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
			return -1;
		if (reserve(n, 1, norm + 1) < 0)
			return -1;
		status = U_ZERO_ERROR;
		unorm2_normalize(n->nfkc, n->work[0], clean, n->work[1], n->cap[1],
				 &status);
		if (U_FAILURE(status))
			return -1;
		if (reserve(n, 0, norm + 1) < 0)
			return -1;
		u_memcpy(n->work[0], n->work[1], norm);
		clean = norm;
	}
	clean = strip_pinyin(n->work[0], clean);
	if (needs_hant(n, n->work[0], clean)) {
		size_t start = out->len;
		if (!n->tables->has_rules)
			return to_simplified(n, &clean) < 0 ? -1 : gr_append_utf16(out, n->work[0], clean);
		if (gr_append_utf16(out, n->work[0], clean) < 0)
			return -1;
		convert_from(n, out, start);
		return 0;
	}
	return gr_append_utf16(out, n->work[0], clean);
}

/* ---- the same without ICU per line ------------------------------------ */

/*
 * Most lines need nothing of NFKC but to turn full-width punctuation and
 * digits into ASCII, and nothing at all of the transliterator: the tables
 * of chardata.h (`plain`, `quiet`, `mapped`) decide that per character.
 * A line holding anything else (combining marks, Hangul jamo, characters
 * beyond the BMP, compatibility ideographs…) goes through ICU as before.
 */
static int
is_han_cp(uint32_t c)
{
	return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

/* The BMP code point at s[i] (valid UTF-8) and its length. */
static uint32_t
decode_bmp(const unsigned char *s, size_t i, size_t *n)
{
	unsigned char c = s[i];

	if (c < 0x80) {
		*n = 1;
		return c;
	}
	if (c < 0xE0) {
		*n = 2;
		return (uint32_t)(c & 0x1F) << 6 | (s[i + 1] & 0x3F);
	}
	*n = 3;
	return (uint32_t)(c & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 |
	       (s[i + 2] & 0x3F);
}

/* Whether the character that ends at s[end] (BMP, valid UTF-8) is Han. */
static int
han_before(const unsigned char *s, size_t end)
{
	size_t n;

	return end >= 3 && s[end - 3] >= 0xE0 && is_han_cp(decode_bmp(s, end - 3, &n));
}

/*
 * strip_pinyin() on UTF-8 in place: "(qū)" — one to eight pinyin letters
 * in brackets — right after a Han character (the last one kept) is
 * dropped. Returns the new length.
 */
static size_t
strip_pinyin_utf8(unsigned char *s, size_t len)
{
	size_t in = 0, out = 0;

	while (in < len) {
		const unsigned char *open = memchr(s + in, '(', len - in);
		size_t at = open ? (size_t)(open - s) : len, k, letters = 0;
		if (out != in)
			memmove(s + out, s + in, at - in);
		out += at - in;
		in = at;
		if (in == len)
			break;
		k = in + 1;
		while (k < len && letters < GR_PINYIN_MAX) {
			size_t m;
			if (!gr_is_pinyin_letter((int32_t)decode_bmp(s, k, &m)))
				break;
			k += m;
			letters++;
		}
		if (letters > 0 && k < len && s[k] == ')' && han_before(s, out)) {
			in = k + 1;
			continue;
		}
		s[out++] = '(';
		in++;
	}
	return out;
}

/*
 * Where the run of three-byte characters at s[i] that normalisation keeps
 * as they are ends: the bulk of Chinese text, read in a loop of its own.
 * The line is well-formed UTF-8 (gr_normalize_line_utf8()).
 */
static size_t
quiet_run(const struct gr_chardata *t, const unsigned char *s, size_t i, size_t len)
{
	while (len - i >= 3 && (s[i] & 0xF0) == 0xE0) {
		uint32_t c = (uint32_t)(s[i] & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 |
			     (s[i + 2] & 0x3F);
		if (!gr_bit(t->quiet, c))
			break;
		i += 3;
	}
	return i;
}

/*
 * The line normalised without ICU, appended to out: 1, or 2 when pinyin
 * residue was removed from it; 0 when the line needs ICU after all (out is
 * left as it was); -1 when out of memory. *hant says whether it holds
 * characters the transliterator changes, *kept whether it holds
 * punctuation strings keep as printed (printed.h): NFKC changes those, so
 * they are never quiet or plain but mapped, and each is added to marks
 * (unless NULL) at its offset in out. When residue was removed, what
 * follows it moved: those marks no longer hold.
 */
static int
fast_line(const struct gr_chardata *t, const unsigned char *s, size_t len,
	  struct gr_strbuf *out, int *hant, int *kept, struct gr_printed *marks)
{
	size_t start = out->len, i = 0, run = 0;
	int paren = 0;
	unsigned char *w, *end;

	*hant = 0;
	*kept = 0;
	if (out->cap - out->len < len + 9 && gr_strbuf_reserve(out, len + 8) < 0)
		return -1;
	w = (unsigned char *)out->data + start;
	end = (unsigned char *)out->data + out->cap - 1;
	/* Characters that stay as they are pile up in a run [run, i) that is
	 * copied at once; the others end it. */
	while (i < len) {
		unsigned char b = s[i];
		const struct gr_nfkc_mapping *m;
		uint32_t c;
		size_t n;
		if (b < 0x80) {
			/* ASCII: controls but the tab are invisible. */
			if ((b >= 0x20 && b != 0x7F) || b == '\t') {
				paren |= b == '(';
				i++;
				continue;
			}
			memcpy(w, s + run, i - run);
			w += i - run;
			run = ++i;
			continue;
		}
		if (b >= 0xF0)
			goto slow; /* beyond the BMP */
		if (b >= 0xE0) {
			size_t past = quiet_run(t, s, i, len);
			if (past != i) {
				i = past;
				continue;
			}
		}
		c = decode_bmp(s, i, &n);
		if (gr_bit(t->quiet, c)) {
			i += n;
			continue;
		}
		if (gr_bit(t->plain, c)) {
			/* needs_hant() looks from U+3400 on: quiet has the
			 * others. */
			*hant = 1;
			i += n;
			continue;
		}
		memcpy(w, s + run, i - run);
		w += i - run;
		i += n;
		run = i;
		if (gr_char_is_invisible((UChar)c))
			continue;
		if (!gr_bit(t->mapped, c))
			goto slow;
		m = &t->map[t->map_page[c >> 8] - 1][c & 0xFF];
		if (gr_printed_fold((int32_t)c) != (int32_t)c) {
			*kept = 1;
			if (marks &&
			    gr_printed_add(marks, (size_t)(w - (unsigned char *)out->data),
					   (int32_t)c) < 0)
				return -1;
		}
		if ((size_t)(end - w) < m->len + (len - i)) {
			/* A mapping longer than its character: grow. */
			size_t at = (size_t)(w - (unsigned char *)out->data);
			out->len = at;
			if (gr_strbuf_reserve(out, m->len + (len - i) + 8) < 0)
				return -1;
			w = (unsigned char *)out->data + at;
			end = (unsigned char *)out->data + out->cap - 1;
		}
		paren |= memchr(m->text, '(', m->len) != NULL;
		memcpy(w, m->text, m->len);
		w += m->len;
	}
	memcpy(w, s + run, i - run);
	w += i - run;
	out->len = (size_t)(w - (unsigned char *)out->data);
	if (paren) {
		size_t was = out->len;
		out->len = start + strip_pinyin_utf8((unsigned char *)out->data + start,
						     out->len - start);
		/* Residue removed moves what follows it: the caller aligns. */
		if (out->len != was) {
			out->data[out->len] = '\0';
			return 2;
		}
	}
	out->data[out->len] = '\0';
	return 1;
slow:
	out->len = start;
	out->data[start] = '\0';
	return 0;
}

/* UTF-8 → UTF-16 into work[which]; the length, or -1. */
static int32_t
to_units(struct gr_normalizer *n, int which, const char *s, size_t len)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t need = 0;

	if (len > INT32_MAX / 2 || reserve(n, which, (int32_t)len + 1) < 0)
		return -1;
	/* UTF-16 never needs more units than UTF-8 has bytes. */
	u_strFromUTF8WithSub(n->work[which], n->cap[which], &need, s, (int32_t)len,
			     0xFFFD, NULL, &status);
	return U_FAILURE(status) ? -1 : need;
}

/*
 * gr_normalize_line_utf8() but for its marks: *exact says whether every
 * mark of the line is in n->printed (the fast path normalised it alone),
 * *kept whether the line may hold kept punctuation at all.
 */
static int
normalize_utf8(struct gr_normalizer *n, const char *s, size_t len, struct gr_strbuf *out,
	       int *exact, int *kept)
{
	size_t start = out->len;
	int32_t units;
	int hant, rc;

	*exact = 0;
	*kept = 1; /* unless the fast path says otherwise */
	if (n->tables) {
		rc = fast_line(n->tables, (const unsigned char *)s, len, out, &hant, kept,
			       n->printed);
		if (rc < 0)
			return -1;
		if (rc == 0)
			*kept = 1;
		if (rc > 0 && !hant) {
			*exact = rc == 1;
			return 0;
		}
		if (rc > 0 && n->tables->has_rules) {
			/* Normalised already: only the conversion is left. */
			convert_from(n, out, start);
			return 0;
		}
		if (rc > 0) {
			/* Normalised already: only the transliterator is left. */
			units = to_units(n, 0, out->data + start, out->len - start);
			if (units < 0 || to_simplified(n, &units) < 0)
				return -1;
			out->len = start;
			return gr_append_utf16(out, n->work[0], units);
		}
	}
	units = to_units(n, 2, s, len);
	if (units < 0)
		return -1;
	return gr_normalize_line(n, n->work[2], units, out);
}

int
gr_normalize_line_utf8(struct gr_normalizer *n, const char *s, size_t len,
		       struct gr_strbuf *out)
{
	struct gr_printed *p = n->printed;
	size_t first = p ? p->count : 0, start = out->len;
	int exact, kept;

	if (normalize_utf8(n, s, len, out, &exact, &kept) < 0)
		return -1;
	if (!p || exact)
		return 0;
	/* Marks the fast path made before it gave way, or whose offsets the
	 * conversion moved: found again by aligning the line. */
	p->count = first;
	if (!kept)
		return 0;
	return gr_printed_note(p, s, len, out->data + start, out->len - start, 0,
			       out->len - start, start);
}
