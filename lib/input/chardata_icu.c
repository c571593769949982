/*
 * The tables of chardata.h taken from ICU's own data (no hand-made lists):
 * run by the generator at build time, and by a process whose ICU is not
 * the one the library was built against.
 */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "input/chardata.h"
#include "input/hant.h"

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

/* ---- Hant-Hans's rules as tables -------------------------------------- */

/* A character a key or value may hold as it is: not rule syntax. */
static int
literal(UChar c)
{
	return c >= 0x80 && !U16_IS_SURROGATE(c) && !(c >= 0x2190 && c <= 0x2194) &&
	       c != 0x2205 && c != 0xFFFF;
}

/* The run of literal characters at rules[*at] as UTF-8 into the pool. */
static int
read_literal(struct gr_chardata *d, const UChar *rules, int32_t len, int32_t *at,
	     size_t *pool, uint16_t *offset, uint8_t *bytes)
{
	size_t start = *pool;

	while (*at < len && literal(rules[*at])) {
		if (*pool + 3 > GR_HANT_POOL)
			return -1;
		*pool += put_utf8(d->hant_pool + *pool, rules[(*at)++]);
	}
	if (*pool == start || *pool - start > 255)
		return -1;
	*offset = (uint16_t)start;
	*bytes = (uint8_t)(*pool - start);
	return 0;
}

static int
add_single(struct gr_chardata *d, UChar from, UChar to, size_t *npages)
{
	if ((to < 0x800 ? 2 : 3) > (from < 0x800 ? 2 : 3))
		return -1;
	if (from == to)
		return 0; /* it stays: no rule needed */
	if (!d->hant_page[from >> 8]) {
		if (*npages == GR_HANT_PAGES)
			return -1;
		d->hant_page[from >> 8] = (uint8_t)++*npages;
	}
	d->hant_single[d->hant_page[from >> 8] - 1][from & 0xFF] = to;
	set_bit(d->hant_acts, from);
	return 0;
}

/* Group the phrase rules by first character, keeping ICU's order. */
static int
index_phrases(struct gr_chardata *d, struct gr_hant_phrase *all, const UChar *firsts,
	      size_t n)
{
	size_t out = 0;

	d->hant_nfirsts = 0;
	for (size_t i = 0; i < n; i++) {
		size_t begin = out;
		size_t at;
		if (gr_bit(d->hant_phrase, firsts[i]))
			continue; /* grouped already */
		if (d->hant_nfirsts == GR_HANT_FIRSTS)
			return -1;
		for (size_t k = i; k < n; k++)
			if (firsts[k] == firsts[i])
				d->hant_phrases[out++] = all[k];
		/* Sorted by character: insertion keeps it simple. */
		at = d->hant_nfirsts++;
		while (at > 0 && d->hant_firsts[at - 1].c > firsts[i]) {
			d->hant_firsts[at] = d->hant_firsts[at - 1];
			at--;
		}
		d->hant_firsts[at] = (struct gr_hant_first){ firsts[i], (uint16_t)begin,
							     (uint16_t)(out - begin) };
		set_bit(d->hant_phrase, firsts[i]);
		set_bit(d->hant_acts, firsts[i]);
	}
	return 0;
}

/*
 * Read the transliterator's rules (utrans_toRules) into d's tables: 0, or
 * -1 when one is not of the form "KEY > VALUE;" of literal characters
 * with VALUE no longer in UTF-8 than KEY, or they do not fit.
 */
static int
read_rules(struct gr_chardata *d, UTransliterator *trans)
{
	static struct gr_hant_phrase all[GR_HANT_PHRASES];
	static UChar firsts[GR_HANT_PHRASES];
	UErrorCode status = U_ZERO_ERROR;
	int32_t len = utrans_toRules(trans, 0, NULL, 0, &status), at = 0;
	UChar *rules;
	size_t pool = 0, npages = 0, nphrases = 0;
	int rc = -1;

	if (status != U_BUFFER_OVERFLOW_ERROR || len <= 0)
		return -1;
	rules = malloc(((size_t)len + 1) * sizeof(UChar));
	if (!rules)
		return -1;
	status = U_ZERO_ERROR;
	utrans_toRules(trans, 0, rules, len + 1, &status);
	if (U_FAILURE(status))
		goto done;
	while (at < len) {
		struct gr_hant_phrase p;
		int32_t key_at;
		if (rules[at] == '\n') {
			at++;
			continue;
		}
		key_at = at;
		if (read_literal(d, rules, len, &at, &pool, &p.key, &p.key_len) < 0 ||
		    at + 3 > len || rules[at] != ' ' || rules[at + 1] != '>' ||
		    rules[at + 2] != ' ')
			goto done;
		at += 3;
		if (read_literal(d, rules, len, &at, &pool, &p.value, &p.value_len) < 0 ||
		    at >= len || rules[at] != ';' || p.value_len > p.key_len)
			goto done;
		at++;
		if (at - key_at == 6) { /* "X > Y;": one character each */
			if (add_single(d, rules[key_at], rules[key_at + 4], &npages) < 0)
				goto done;
			pool = p.key; /* the pool is for phrases */
			memset(d->hant_pool + pool, 0, 6);
			continue;
		}
		if (nphrases == GR_HANT_PHRASES)
			goto done;
		firsts[nphrases] = rules[key_at];
		all[nphrases++] = p;
	}
	rc = index_phrases(d, all, firsts, nphrases);
done:
	free(rules);
	return rc;
}

/* ---- the detector, and the tables checked against ICU ------------------ */

/* No rule tables: ICU converts. */
static void
clear_rules(struct gr_chardata *d)
{
	d->has_rules = 0;
	memset(d->hant_acts, 0, sizeof(d->hant_acts));
	memset(d->hant_phrase, 0, sizeof(d->hant_phrase));
	memset(d->hant_page, 0, sizeof(d->hant_page));
	memset(d->hant_single, 0, sizeof(d->hant_single));
	d->hant_nfirsts = 0;
	memset(d->hant_firsts, 0, sizeof(d->hant_firsts));
	memset(d->hant_phrases, 0, sizeof(d->hant_phrases));
	memset(d->hant_pool, 0, sizeof(d->hant_pool));
}

/*
 * ICU's and the tables' conversion of s (len units) agree; *changed says
 * whether ICU changes it. -1 on an ICU error.
 */
static int
agrees(const struct gr_chardata *d, UTransliterator *trans, const UChar *s, int32_t len,
       int *changed)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar buf[64];
	char by_icu[256], by_table[256];
	int32_t n = len, limit = len, icu_len = 0, table_len = 0;

	if (len > 16)
		return 0;
	u_memcpy(buf, s, len);
	utrans_transUChars(trans, buf, &n, 64, 0, &limit, &status);
	u_strToUTF8(by_icu, sizeof(by_icu), &icu_len, buf, n, &status);
	u_strToUTF8(by_table, sizeof(by_table), &table_len, s, len, &status);
	if (U_FAILURE(status))
		return -1;
	*changed = n != len || u_memcmp(buf, s, len) != 0;
	if (!d->has_rules)
		return 1;
	table_len = (int32_t)gr_hant_convert(d, by_table, (size_t)table_len);
	return icu_len == table_len && memcmp(by_icu, by_table, (size_t)icu_len) == 0;
}

/* Every phrase rule's key converts as ICU converts it. */
static int
phrases_agree(const struct gr_chardata *d, UTransliterator *trans)
{
	for (uint32_t k = 0; k < d->hant_nfirsts; k++) {
		const struct gr_hant_first *f = &d->hant_firsts[k];
		for (size_t i = f->begin; i < (size_t)f->begin + f->count; i++) {
			const struct gr_hant_phrase *p = &d->hant_phrases[i];
			UErrorCode status = U_ZERO_ERROR;
			UChar key[64];
			int32_t len = 0;
			int changed;
			u_strFromUTF8(key, 64, &len, d->hant_pool + p->key, p->key_len, &status);
			if (U_FAILURE(status) || agrees(d, trans, key, len, &changed) != 1)
				return 0;
		}
	}
	return 1;
}

/*
 * The characters Hant-Hans changes (its source set also holds many that
 * are the same in both scripts), and its rules as tables where they give
 * what it gives. 0, or -1 when it is not there or the characters beyond
 * the BMP do not fit.
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
	d->has_rules = read_rules(d, trans) == 0;
	source = uset_openEmpty();
	utrans_getSourceSet(trans, 0, source, &status);
	items = uset_getItemCount(source);
	for (int32_t i = 0; U_SUCCESS(status) && i < items; i++) {
		UChar32 first, last;
		if (uset_getItem(source, i, &first, &last, NULL, 0, &status) != 0)
			continue; /* a string, not a range */
		for (UChar32 c = first; c <= last && U_SUCCESS(status); c++) {
			UChar unit[2];
			int32_t len = 0;
			int changed = 0, same;
			U16_APPEND_UNSAFE(unit, len, c);
			same = agrees(d, trans, unit, len, &changed);
			if (same < 0)
				status = U_INTERNAL_PROGRAM_ERROR;
			if (same == 0)
				d->has_rules = 0;
			if (!changed)
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
	if (d->has_rules && !phrases_agree(d, trans))
		d->has_rules = 0;
	if (!d->has_rules)
		clear_rules(d);
	uset_close(source);
	utrans_close(trans);
	return U_FAILURE(status) ? -1 : 0;
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
		clear_rules(d);
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
