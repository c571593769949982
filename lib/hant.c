/* Process-wide Hant-Hans transliterator and detector; see hant.h. */
#include <pthread.h>

#include <unicode/uset.h>
#include <unicode/ustring.h>

#include "hant.h"

/*
 * Written once under pthread_once, read-only afterwards: shared state that
 * never changes is safe for any number of threads.
 */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static UTransliterator *shared_trans;
static USet *traditional;
/* The BMP part of `traditional` as a bitmap: one load per character
 * instead of uset_contains()'s search. */
static uint32_t traditional_bmp[0x10000 / 32];

static void
fill_bitmap(const USet *set, uint32_t *bits)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t items = uset_getItemCount(set);

	for (int32_t i = 0; i < items; i++) {
		UChar32 first, last;
		if (uset_getItem(set, i, &first, &last, NULL, 0, &status) != 0 ||
		    U_FAILURE(status))
			break;
		for (UChar32 c = first; c <= last && c < 0x10000; c++)
			bits[c >> 5] |= 1u << (c & 31);
	}
}

/* Keep the characters the transliterator really changes: its source set
 * also holds many characters that are the same in both scripts. */
static USet *
changed_characters(UTransliterator *trans)
{
	UErrorCode status = U_ZERO_ERROR;
	USet *source = uset_openEmpty();
	USet *changed = uset_openEmpty();
	int32_t items;

	utrans_getSourceSet(trans, 0, source, &status);
	items = uset_getItemCount(source);
	for (int32_t i = 0; U_SUCCESS(status) && i < items; i++) {
		UChar32 first, last;
		if (uset_getItem(source, i, &first, &last, NULL, 0, &status) != 0)
			continue; /* a string, not a range */
		for (UChar32 c = first; c <= last; c++) {
			UChar buf[8];
			int32_t len = 0, limit;
			UChar32 out;
			int32_t k = 0;
			U16_APPEND_UNSAFE(buf, len, c);
			limit = len;
			utrans_transUChars(trans, buf, &len, 8, 0, &limit, &status);
			if (U_FAILURE(status))
				break;
			U16_NEXT(buf, k, len, out);
			if (k != len || out != c)
				uset_add(changed, c);
		}
	}
	uset_close(source);
	if (U_FAILURE(status)) {
		uset_close(changed);
		return NULL;
	}
	uset_freeze(changed);
	return changed;
}

static void
open_shared(void)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar id[16];

	u_charsToUChars("Hant-Hans", id, 10);
	shared_trans = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
	if (U_FAILURE(status)) {
		shared_trans = NULL;
		return;
	}
	traditional = changed_characters(shared_trans);
	if (!traditional) {
		utrans_close(shared_trans);
		shared_trans = NULL;
		return;
	}
	fill_bitmap(traditional, traditional_bmp);
}

int
gr_hant_init(void)
{
	pthread_once(&once, open_shared);
	return shared_trans ? 0 : -1;
}

int
gr_hant_is_traditional(UChar32 c)
{
	if (c >= 0 && c < 0x10000)
		return (traditional_bmp[c >> 5] >> (c & 31)) & 1;
	return traditional && uset_contains(traditional, c);
}

const uint32_t *
gr_hant_bmp_bits(void)
{
	return gr_hant_init() == 0 ? traditional_bmp : NULL;
}

UTransliterator *
gr_hant_clone(void)
{
	UErrorCode status = U_ZERO_ERROR;
	UTransliterator *copy;

	if (gr_hant_init() < 0)
		return NULL;
	copy = utrans_clone(shared_trans, &status);
	return U_SUCCESS(status) ? copy : NULL;
}
