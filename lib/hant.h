/*
 * Traditional → simplified conversion with ICU's Hant-Hans transliterator.
 * Opening it costs ~10 ms, so it is opened once per process, and only
 * when a line first needs it (pthread_once), and never changed after;
 * each parse works on its own clone. Which lines need it is decided
 * without it, by the detector of chardata.h.
 */
#ifndef GR_HANT_H
#define GR_HANT_H

#include <unicode/utrans.h>

/*
 * A private clone for one parse into *out, closed with utrans_close():
 * 0, with *out NULL when ICU has no transliterator data (text then stays
 * as written); -1 when out of memory.
 */
int gr_hant_clone(UTransliterator **out);

/* Test hook: whether this process has opened the transliterator yet. */
int gr_hant_opened(void);

#endif
