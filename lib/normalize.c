/* Line normalisation through ICU; see normalize.h. */
#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>

#include "alloc.h"
#include "hant.h"
#include "normalize.h"

struct gr_normalizer {
	const UNormalizer2 *nfkc;
	UTransliterator *hant; /* this parse's clone, opened on first need */
	int converted;
	UChar *work[3]; /* scratch buffers, grown as needed */
	int32_t cap[3];
};

/* The tables of the fast path (below), built once per process. */
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;
static void build_tables(void);

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
	/* Without ICU's transliterator data, text stays as written. */
	gr_hant_init();
	pthread_once(&tables_once, build_tables);
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

int
gr_normalizer_converted(const struct gr_normalizer *n)
{
	return n->converted;
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

/* Zero-width, bidi and other invisible controls that only get in the way. */
static int
is_invisible(UChar c)
{
	return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) ||
	       c == 0xFEFF || c == 0x00AD || c == 0x034F || c == 0x180E ||
	       (c < 0x20 && c != '\t') || c == 0x7F;
}

int
gr_normalize_drops(int32_t c)
{
	return c >= 0 && c <= 0xFFFF && is_invisible((UChar)c);
}

static int
is_pinyin_letter(UChar c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= 0x00C0 && c <= 0x024F) || (c >= 0x1E00 && c <= 0x1EFF);
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
			while (k < len && k - in <= 8 && is_pinyin_letter(s[k]))
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
needs_hant(const UChar *s, int32_t len)
{
	for (int32_t i = 0; i < len;) {
		UChar32 c;
		U16_NEXT(s, i, len, c);
		if (c >= 0x3400 && gr_hant_is_traditional(c))
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

/* Convert work[0] (len units) to simplified characters in place. */
static int
to_simplified(struct gr_normalizer *n, int32_t *len)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t limit = *len, textlen = *len;

	if (!n->hant) {
		n->hant = gr_hant_clone();
		if (!n->hant)
			return -1;
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

static int
append_utf8(const UChar *s, int32_t len, struct gr_strbuf *out)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t need = 0;
	char *at;

	u_strToUTF8(NULL, 0, &need, s, len, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return -1;
	at = gr_strbuf_extend(out, (size_t)need);
	if (!at)
		return -1;
	status = U_ZERO_ERROR;
	/* The buffer has room for need + 1 bytes: the terminator too. */
	u_strToUTF8(at, need + 1, NULL, s, len, &status);
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
		if (!is_invisible(src[i]))
			n->work[0][clean++] = src[i];

	if (!has_non_ascii(n->work[0], clean))
		return append_utf8(n->work[0], clean, out);

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
	if (needs_hant(n->work[0], clean) && to_simplified(n, &clean) < 0)
		return -1;
	return append_utf8(n->work[0], clean, out);
}

/* ---- the same without ICU per line ------------------------------------ */

/*
 * Most lines need nothing of NFKC but to turn full-width punctuation and
 * digits into ASCII, and nothing at all of the transliterator. Two tables
 * built once from ICU's own data (no hand-made lists) decide that per
 * character:
 *
 * - `plain`: NFKC_Quick_Check=Yes and canonical combining class 0. A
 *   string of such characters is in NFKC already, and none of them
 *   combines with the character before it;
 * - `mapped`, with `pages`: a character whose NFKC form is a short string
 *   of plain characters (（ → (, ０ → 0, U+3000 → space, … → ...). NFKC of a
 *   string of plain and mapped characters is the concatenation of their
 *   forms: its compatibility decomposition is the concatenation of theirs,
 *   and the result, all plain, is already composed.
 *
 * A line holding anything else (combining marks, Hangul jamo, characters
 * beyond the BMP, compatibility ideographs…) goes through ICU as before.
 */
#define BMP 0x10000
#define MAP_BYTES 7
#define MAP_PAGES 48

struct mapping {
	uint8_t len;
	char text[MAP_BYTES];
};

static int tables_ready;
static uint32_t plain[BMP / 32];
static uint32_t quiet[BMP / 32]; /* plain, and the transliterator leaves it */
static uint32_t mapped[BMP / 32];
static const uint32_t *traditional; /* hant.c's bitmap, or NULL */
static uint8_t page_of[BMP / 256];   /* 1-based index into pages; 0: none */
static struct mapping pages[MAP_PAGES][256];

static int
has_bit(const uint32_t *bits, uint32_t c)
{
	return (bits[c >> 5] >> (c & 31)) & 1;
}

static void
set_bit(uint32_t *bits, uint32_t c)
{
	bits[c >> 5] |= 1u << (c & 31);
}

/* The BMP code points of a set, one by one. */
static void
set_bits_of(const USet *set, uint32_t *bits)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t items = uset_getItemCount(set);

	for (int32_t i = 0; i < items; i++) {
		UChar32 first, last;
		if (uset_getItem(set, i, &first, &last, NULL, 0, &status) != 0 ||
		    U_FAILURE(status))
			return;
		for (UChar32 c = first; c <= last && c < BMP; c++)
			if (!U_IS_SURROGATE(c))
				set_bit(bits, (uint32_t)c);
	}
}

/*
 * NFKC of c as UTF-8 into m, when it is a short string of plain
 * characters none of which the transliterator would change, and c's
 * compatibility decomposition starts with a plain character: one that
 * neither composes with nor reorders around what comes before it.
 */
static int
make_mapping(const UNormalizer2 *nfkc, const UNormalizer2 *nfkd, UChar32 c,
	     struct mapping *m)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar in = (UChar)c, out[8], decomposed[32];
	int32_t n = unorm2_normalize(nfkc, &in, 1, out, 8, &status);
	int32_t nd = unorm2_normalize(nfkd, &in, 1, decomposed, 32, &status);
	size_t len = 0;

	if (U_FAILURE(status) || n <= 0 || n > 8 || nd <= 0 ||
	    U16_IS_SURROGATE(decomposed[0]) || !has_bit(plain, decomposed[0]))
		return 0;
	for (int32_t i = 0; i < n; i++) {
		UChar u = out[i];
		if (U16_IS_SURROGATE(u) || !has_bit(plain, u) ||
		    (traditional && has_bit(traditional, u)))
			return 0;
		if (len + (u < 0x80 ? 1 : u < 0x800 ? 2 : 3) > MAP_BYTES)
			return 0;
		if (u < 0x80) {
			m->text[len++] = (char)u;
		} else if (u < 0x800) {
			m->text[len++] = (char)(0xC0 | (u >> 6));
			m->text[len++] = (char)(0x80 | (u & 0x3F));
		} else {
			m->text[len++] = (char)(0xE0 | (u >> 12));
			m->text[len++] = (char)(0x80 | ((u >> 6) & 0x3F));
			m->text[len++] = (char)(0x80 | (u & 0x3F));
		}
	}
	m->len = (uint8_t)len;
	return 1;
}

static void
build_tables(void)
{
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
	const UNormalizer2 *nfkd = unorm2_getNFKDInstance(&status);
	USet *yes = uset_openEmpty(), *no = uset_openEmpty();
	USet *starters = uset_openEmpty();
	size_t npages = 0;

	if (U_FAILURE(status) || !yes || !no || !starters)
		goto done;
	uset_applyIntPropertyValue(yes, UCHAR_NFKC_QUICK_CHECK, UNORM_YES, &status);
	uset_applyIntPropertyValue(no, UCHAR_NFKC_QUICK_CHECK, UNORM_NO, &status);
	uset_applyIntPropertyValue(starters, UCHAR_CANONICAL_COMBINING_CLASS, 0, &status);
	if (U_FAILURE(status))
		goto done;
	uset_retainAll(yes, starters);
	uset_retainAll(no, starters);
	set_bits_of(yes, plain);
	/* Invisible characters are dropped before NFKC: not plain. */
	for (uint32_t c = 0; c < BMP; c++)
		if (is_invisible((UChar)c))
			plain[c >> 5] &= ~(1u << (c & 31));
	traditional = gr_hant_bmp_bits();
	for (int32_t i = 0, items = uset_getItemCount(no); i < items; i++) {
		UChar32 first, last;
		if (uset_getItem(no, i, &first, &last, NULL, 0, &status) != 0 ||
		    U_FAILURE(status))
			goto done;
		for (UChar32 c = first; c <= last && c < BMP; c++) {
			struct mapping m;
			if (U_IS_SURROGATE(c) || !make_mapping(nfkc, nfkd, c, &m))
				continue;
			if (!page_of[c >> 8]) {
				if (npages == MAP_PAGES)
					continue;
				page_of[c >> 8] = (uint8_t)++npages;
			}
			pages[page_of[c >> 8] - 1][c & 0xFF] = m;
			set_bit(mapped, (uint32_t)c);
		}
	}
	for (uint32_t w = 0; w < BMP / 32; w++)
		quiet[w] = plain[w] & ~(traditional && w >= 0x3400 / 32 ? traditional[w] : 0);
	tables_ready = 1;
done:
	uset_close(yes);
	uset_close(no);
	uset_close(starters);
}

static int
is_han_cp(uint32_t c)
{
	return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

static int
is_pinyin_cp(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= 0x00C0 && c <= 0x024F) || (c >= 0x1E00 && c <= 0x1EFF);
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
		while (k < len && letters < 8) {
			size_t m;
			if (!is_pinyin_cp(decode_bmp(s, k, &m)))
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
 * The line normalised without ICU, appended to out: 1; 0 when the line
 * needs ICU after all (out is left as it was); -1 when out of memory.
 * *hant says whether it holds characters the transliterator changes.
 */
static int
fast_line(const unsigned char *s, size_t len, struct gr_strbuf *out, int *hant)
{
	size_t start = out->len, i = 0, run = 0;
	int paren = 0;
	unsigned char *w, *end;

	*hant = 0;
	if (out->cap - out->len < len + 9 && gr_strbuf_reserve(out, len + 8) < 0)
		return -1;
	w = (unsigned char *)out->data + start;
	end = (unsigned char *)out->data + out->cap - 1;
	/* Characters that stay as they are pile up in a run [run, i) that is
	 * copied at once; the others end it. */
	while (i < len) {
		unsigned char b = s[i];
		const struct mapping *m;
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
		c = decode_bmp(s, i, &n);
		if (has_bit(quiet, c)) {
			i += n;
			continue;
		}
		if (has_bit(plain, c)) {
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
		if (is_invisible((UChar)c))
			continue;
		if (!has_bit(mapped, c))
			goto slow;
		m = &pages[page_of[c >> 8] - 1][c & 0xFF];
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
	if (paren)
		out->len = start + strip_pinyin_utf8((unsigned char *)out->data + start,
						     out->len - start);
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

int
gr_normalize_line_utf8(struct gr_normalizer *n, const char *s, size_t len,
		       struct gr_strbuf *out)
{
	size_t start = out->len;
	int32_t units;
	int hant, rc;

	if (tables_ready) {
		rc = fast_line((const unsigned char *)s, len, out, &hant);
		if (rc < 0)
			return -1;
		if (rc > 0 && !hant)
			return 0;
		if (rc > 0) {
			/* Normalised already: only the transliterator is left. */
			units = to_units(n, 0, out->data + start, out->len - start);
			if (units < 0 || to_simplified(n, &units) < 0)
				return -1;
			out->len = start;
			return append_utf8(n->work[0], units, out);
		}
	}
	units = to_units(n, 2, s, len);
	if (units < 0)
		return -1;
	return gr_normalize_line(n, n->work[2], units, out);
}
