/*
 * Traditional → simplified conversion with ICU's Hant-Hans transliterator.
 * Opening it costs ~15 ms, so it is opened once per process (pthread_once)
 * and never changed after; each parse works on its own clone. The set of
 * characters it changes serves as the cheap detector that decides which
 * lines need it at all.
 */
#ifndef GR_HANT_H
#define GR_HANT_H

#include <stdint.h>

#include <unicode/utrans.h>

/* 0 when the transliterator is available, -1 when ICU could not open it. */
int gr_hant_init(void);

/* Whether c is a character the conversion changes (after gr_hant_init). */
int gr_hant_is_traditional(UChar32 c);

/* The same for the BMP as a bitmap (bit c of word c / 32), or NULL when
 * the transliterator is not available. */
const uint32_t *gr_hant_bmp_bits(void);

/* A private clone for one parse, closed with utrans_close(); NULL on error. */
UTransliterator *gr_hant_clone(void);

#endif
