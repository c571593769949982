/* Process-wide Hant-Hans transliterator, opened on first need; see hant.h. */
#include <pthread.h>

#include <unicode/ustring.h>

#include "hant.h"

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
