/*
 * Traditional → simplified conversion as ICU's Hant-Hans transliterator
 * does it. Its rules are tables (chardata.h, taken from the
 * transliterator's own rules at build time and checked against it):
 * gr_hant_convert() applies them without ICU. Where they could not be
 * taken (has_rules 0), the transliterator itself converts: opening it
 * costs ~10 ms, so it is opened once per process, only when a line first
 * needs it (pthread_once), and never changed after; each parse works on
 * its own clone. Which lines need converting is decided by the detector
 * of chardata.h.
 */
#ifndef GR_HANT_H
#define GR_HANT_H

#include <stddef.h>

#include <unicode/utrans.h>

#include "input/chardata.h"

/*
 * Convert s (len bytes of well-formed UTF-8) in place by d's rule tables
 * (d->has_rules); returns its new length, never more than len.
 */
size_t gr_hant_convert(const struct gr_chardata *d, char *s, size_t len);

/*
 * A private clone of the transliterator for one parse into *out, closed
 * with utrans_close(): 0, with *out NULL when ICU has no transliterator
 * data (text then stays as written); -1 when out of memory.
 */
int gr_hant_clone(UTransliterator **out);

/* Test hook: whether this process has opened the transliterator yet. */
int gr_hant_opened(void);

#endif
