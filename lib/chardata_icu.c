/*
 * The tables of chardata.h taken from ICU's own data (no hand-made lists):
 * run by the generator at build time, and by a process whose ICU is not
 * the one the library was built against.
 */
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "chardata.h"

static void
set_bit(uint32_t *bits, uint32_t c)
{
	bits[c >> 5] |= 1u << (c & 31);
}

/* The BMP code points of a set, one by one, surrogates left out. */
static int
set_bits_of(const USet *set, uint32_t *bits)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t items = uset_getItemCount(set);

	for (int32_t i = 0; i < items; i++) {
		UChar32 first, last;
		if (uset_getItem(set, i, &first, &last, NULL, 0, &status) != 0 ||
		    U_FAILURE(status))
			return -1;
		for (UChar32 c = first; c <= last && c < GR_BMP; c++)
			if (!U_IS_SURROGATE(c))
				set_bit(bits, (uint32_t)c);
	}
	return 0;
}

/* Whether the transliterator changes c when it meets it alone. */
static int
changes(UTransliterator *trans, UChar32 c, UErrorCode *status)
{
	UChar buf[8];
	int32_t len = 0, limit, k = 0;
	UChar32 out;

	U16_APPEND_UNSAFE(buf, len, c);
	limit = len;
	utrans_transUChars(trans, buf, &len, 8, 0, &limit, status);
	if (U_FAILURE(*status))
		return 0;
	U16_NEXT(buf, k, len, out);
	return k != len || out != c;
}

/*
 * The characters Hant-Hans changes: its source set also holds many that
 * are the same in both scripts. 0, or -1 when it is not there or the
 * characters beyond the BMP do not fit.
 */
static int
find_traditional(struct gr_chardata *d)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar id[16];
	UTransliterator *trans;
	USet *source;
	int32_t items;

	u_charsToUChars("Hant-Hans", id, 10);
	trans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
	if (U_FAILURE(status))
		return -1;
	source = uset_openEmpty();
	utrans_getSourceSet(trans, 0, source, &status);
	items = uset_getItemCount(source);
	for (int32_t i = 0; U_SUCCESS(status) && i < items; i++) {
		UChar32 first, last;
		if (uset_getItem(source, i, &first, &last, NULL, 0, &status) != 0)
			continue; /* a string, not a range */
		for (UChar32 c = first; c <= last && U_SUCCESS(status); c++) {
			if (!changes(trans, c, &status))
				continue;
			if (c < GR_BMP) {
				set_bit(d->traditional, (uint32_t)c);
			} else if (d->ntraditional_astral < GR_ASTRAL_MAX) {
				d->traditional_astral[d->ntraditional_astral++] = (uint32_t)c;
			} else {
				status = U_BUFFER_OVERFLOW_ERROR;
			}
		}
	}
	uset_close(source);
	utrans_close(trans);
	return U_FAILURE(status) ? -1 : 0;
}

/* UTF-8 of a BMP character into out; its length. */
static size_t
put_utf8(char *out, UChar u)
{
	if (u < 0x80) {
		out[0] = (char)u;
		return 1;
	}
	if (u < 0x800) {
		out[0] = (char)(0xC0 | (u >> 6));
		out[1] = (char)(0x80 | (u & 0x3F));
		return 2;
	}
	out[0] = (char)(0xE0 | (u >> 12));
	out[1] = (char)(0x80 | ((u >> 6) & 0x3F));
	out[2] = (char)(0x80 | (u & 0x3F));
	return 3;
}

/*
 * NFKC of c as UTF-8 into m, when it is a short string of plain
 * characters none of which the transliterator would change, and c's
 * compatibility decomposition starts with a plain character: one that
 * neither composes with nor reorders around what comes before it.
 */
static int
make_mapping(const struct gr_chardata *d, const UNormalizer2 *nfkc,
	     const UNormalizer2 *nfkd, UChar32 c, struct gr_nfkc_mapping *m)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar in = (UChar)c, out[8], decomposed[32];
	int32_t n = unorm2_normalize(nfkc, &in, 1, out, 8, &status);
	int32_t nd = unorm2_normalize(nfkd, &in, 1, decomposed, 32, &status);
	size_t len = 0;

	if (U_FAILURE(status) || n <= 0 || n > 8 || nd <= 0 ||
	    U16_IS_SURROGATE(decomposed[0]) || !gr_bit(d->plain, decomposed[0]))
		return 0;
	for (int32_t i = 0; i < n; i++) {
		UChar u = out[i];
		if (U16_IS_SURROGATE(u) || !gr_bit(d->plain, u) || gr_bit(d->traditional, u))
			return 0;
		if (len + (u < 0x80 ? 1 : u < 0x800 ? 2 : 3) > GR_MAP_BYTES)
			return 0;
		len += put_utf8(m->text + len, u);
	}
	m->len = (uint8_t)len;
	return 1;
}

/* The characters NFKC maps to short strings of plain ones. */
static int
find_mapped(struct gr_chardata *d, const USet *no)
{
	UErrorCode status = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
	const UNormalizer2 *nfkd = unorm2_getNFKDInstance(&status);
	size_t npages = 0;

	if (U_FAILURE(status))
		return -1;
	for (int32_t i = 0, items = uset_getItemCount(no); i < items; i++) {
		UChar32 first, last;
		if (uset_getItem(no, i, &first, &last, NULL, 0, &status) != 0 ||
		    U_FAILURE(status))
			return -1;
		for (UChar32 c = first; c <= last && c < GR_BMP; c++) {
			struct gr_nfkc_mapping m = { 0 };
			if (U_IS_SURROGATE(c) || !make_mapping(d, nfkc, nfkd, c, &m))
				continue;
			if (!d->map_page[c >> 8]) {
				if (npages == GR_MAP_PAGES)
					return -1;
				d->map_page[c >> 8] = (uint8_t)++npages;
			}
			d->map[d->map_page[c >> 8] - 1][c & 0xFF] = m;
			set_bit(d->mapped, (uint32_t)c);
		}
	}
	return 0;
}

int
gr_chardata_compute(struct gr_chardata *d)
{
	UErrorCode status = U_ZERO_ERROR;
	USet *yes = uset_openEmpty(), *no = uset_openEmpty();
	USet *starters = uset_openEmpty();
	int rc = -1;

	u_getVersion(d->icu_version);
	/* Without ICU's transliterator data, text stays as written. */
	d->has_hant = find_traditional(d) == 0;
	if (!d->has_hant) {
		memset(d->traditional, 0, sizeof(d->traditional));
		d->ntraditional_astral = 0;
	}
	if (!yes || !no || !starters)
		goto done;
	uset_applyIntPropertyValue(yes, UCHAR_NFKC_QUICK_CHECK, UNORM_YES, &status);
	uset_applyIntPropertyValue(no, UCHAR_NFKC_QUICK_CHECK, UNORM_NO, &status);
	uset_applyIntPropertyValue(starters, UCHAR_CANONICAL_COMBINING_CLASS, 0, &status);
	if (U_FAILURE(status))
		goto done;
	uset_retainAll(yes, starters);
	uset_retainAll(no, starters);
	if (set_bits_of(yes, d->plain) < 0)
		goto done;
	/* Invisible characters are dropped before NFKC: not plain. */
	for (uint32_t c = 0; c < GR_BMP; c++)
		if (gr_char_is_invisible(c))
			d->plain[c >> 5] &= ~(1u << (c & 31));
	if (find_mapped(d, no) < 0)
		goto done;
	/* The detector looks from U+3400 on: quiet has the others. */
	for (uint32_t w = 0; w < GR_BMP / 32; w++)
		d->quiet[w] = d->plain[w] & ~(w >= 0x3400 / 32 ? d->traditional[w] : 0);
	rc = 0;
done:
	uset_close(yes);
	uset_close(no);
	uset_close(starters);
	return rc;
}
