/* Hant-Hans by its rule tables, or by ICU opened on first need; see hant.h. */
#include <pthread.h>
#include <string.h>

#include <unicode/ustring.h>

#include "input/hant.h"

/* The phrase rules that begin with c; NULL when none does. */
static const struct gr_hant_first *
phrases_of(const struct gr_chardata *d, uint32_t c)
{
	size_t lo = 0, hi = d->hant_nfirsts;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->hant_firsts[mid].c == c)
			return &d->hant_firsts[mid];
		if (d->hant_firsts[mid].c < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * What the rules do at s[i], where c (n bytes) begins: a phrase rule's
 * value, or the one-character rule's, written at s[*w] (*w <= i: values
 * are never longer than their keys, so the text is converted in place).
 * Returns the bytes of text the rule consumed, 0 when no rule applies.
 */
static size_t
apply_rule(const struct gr_chardata *d, unsigned char *s, size_t len, size_t i,
	   uint32_t c, size_t n, size_t *w)
{
	const struct gr_hant_first *f;
	unsigned page = d->hant_page[c >> 8];
	uint32_t to;

	if (gr_bit(d->hant_phrase, c) && (f = phrases_of(d, c))) {
		/* In ICU's order: the first that matches is the one ICU takes. */
		for (size_t k = f->begin; k < (size_t)f->begin + f->count; k++) {
			const struct gr_hant_phrase *p = &d->hant_phrases[k];
			if (p->key_len > len - i ||
			    memcmp(s + i, d->hant_pool + p->key, p->key_len) != 0)
				continue;
			memcpy(s + *w, d->hant_pool + p->value, p->value_len);
			*w += p->value_len;
			return p->key_len;
		}
	}
	to = page ? d->hant_single[page - 1][c & 0xFF] : 0;
	if (!to)
		return 0;
	if (to < 0x800) {
		s[(*w)++] = (unsigned char)(0xC0 | (to >> 6));
		s[(*w)++] = (unsigned char)(0x80 | (to & 0x3F));
	} else {
		s[(*w)++] = (unsigned char)(0xE0 | (to >> 12));
		s[(*w)++] = (unsigned char)(0x80 | ((to >> 6) & 0x3F));
		s[(*w)++] = (unsigned char)(0x80 | (to & 0x3F));
	}
	return n;
}

size_t
gr_hant_convert(const struct gr_chardata *d, char *str, size_t len)
{
	unsigned char *s = (unsigned char *)str;
	size_t i = 0, w = 0;

	while (i < len) {
		unsigned char b = s[i];
		size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4, used = 0;
		uint32_t c;
		/* Every rule begins with a character of two or three bytes. */
		if (n == 2 || n == 3) {
			c = n == 2 ? (uint32_t)(b & 0x1F) << 6 | (s[i + 1] & 0x3F)
				   : (uint32_t)(b & 0x0F) << 12 |
					     (uint32_t)(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
			if (gr_bit(d->hant_acts, c))
				used = apply_rule(d, s, len, i, c, n, &w);
		}
		if (used) {
			i += used;
			continue;
		}
		if (w != i)
			memmove(s + w, s + i, n);
		w += n;
		i += n;
	}
	return w;
}

/*
 * Written once under pthread_once, read-only afterwards: shared state that
 * never changes is safe for any number of threads.
 */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static UTransliterator *shared_trans;
static _Atomic int opened;

static void
open_shared(void)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar id[16];

	u_charsToUChars("Hant-Hans", id, 10);
	shared_trans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
	if (U_FAILURE(status))
		shared_trans = NULL;
	opened = 1;
}

int
gr_hant_clone(UTransliterator **out)
{
	UErrorCode status = U_ZERO_ERROR;

	*out = NULL;
	pthread_once(&once, open_shared);
	if (!shared_trans)
		return 0;
	*out = utrans_clone(shared_trans, &status);
	if (U_FAILURE(status)) {
		utrans_close(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

int
gr_hant_opened(void)
{
	return opened;
}
