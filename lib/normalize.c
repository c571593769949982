/* Line normalisation through ICU; see normalize.h. */
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "alloc.h"
#include "hant.h"
#include "normalize.h"

struct gr_normalizer {
	const UNormalizer2 *nfkc;
	UTransliterator *hant; /* this parse's clone, opened on first need */
	int converted;
	UChar *work[2]; /* scratch buffers, grown as needed */
	int32_t cap[2];
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
	/* Without ICU's transliterator data, text stays as written. */
	gr_hant_init();
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
