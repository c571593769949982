/*
 * Per-character tables taken from ICU's data, for the paths that skip ICU:
 * the fast path of NFKC (normalize.c) and the detector of the characters
 * the Hant-Hans transliterator changes (hant.c). Building them from ICU
 * costs ~15 ms (the transliterator must be opened and run over each of
 * its characters), so the build does it once: lib/gen-chardata.c writes
 * them as a C file for the ICU the library is built against. A process
 * whose ICU is another version builds the same tables from its own ICU,
 * once, on first use, so that the fast paths always agree with ICU.
 */
#ifndef GR_CHARDATA_H
#define GR_CHARDATA_H

#include <stdint.h>

#define GR_BMP 0x10000
#define GR_MAP_BYTES 7
#define GR_MAP_PAGES 48
/* Characters beyond the BMP the transliterator changes (none in ICU 72). */
#define GR_ASTRAL_MAX 64

/* The NFKC form of one character, as UTF-8. */
struct gr_nfkc_mapping {
	uint8_t len;
	char text[GR_MAP_BYTES];
};

struct gr_chardata {
	/* u_getVersion() of the ICU the tables were taken from. */
	uint8_t icu_version[4];
	/*
	 * `plain`: NFKC_Quick_Check=Yes and canonical combining class 0, and
	 * not one of the invisible characters normalisation drops
	 * (gr_char_is_invisible). A string of such characters is in NFKC
	 * already, and none of them combines with the character before it.
	 */
	uint32_t plain[GR_BMP / 32];
	/* Plain, and left as it is by the transliterator. */
	uint32_t quiet[GR_BMP / 32];
	/*
	 * `mapped`, with `map`: a character whose NFKC form is a short string
	 * of plain characters the transliterator leaves (（ → (, ０ → 0,
	 * U+3000 → space, … → ...), and whose compatibility decomposition
	 * starts with a plain character. NFKC of a string of plain and mapped
	 * characters is the concatenation of their forms.
	 */
	uint32_t mapped[GR_BMP / 32];
	uint8_t map_page[GR_BMP / 256]; /* 1-based index into map; 0: none */
	struct gr_nfkc_mapping map[GR_MAP_PAGES][256];
	/*
	 * The characters Hant-Hans changes when it meets them alone: the
	 * detector that decides which lines it sees at all. Empty when ICU
	 * has no transliterator data (has_hant 0): text stays as written.
	 */
	int has_hant;
	uint32_t traditional[GR_BMP / 32];
	uint32_t ntraditional_astral;
	uint32_t traditional_astral[GR_ASTRAL_MAX]; /* ascending */
};

/*
 * The tables for the ICU this process runs with: the ones built with the
 * library when it is the same version, else taken from ICU once (thread
 * safe). NULL when ICU's normalisation data cannot be had.
 */
const struct gr_chardata *gr_chardata(void);

/* The tables the build wrote (chardata_built.c, made by gen-chardata). */
extern const struct gr_chardata gr_chardata_built;

/*
 * Fill d (zeroed by the caller) from the ICU loaded now; 0, or -1 when
 * ICU's normalisation data is missing or the tables do not fit.
 */
int gr_chardata_compute(struct gr_chardata *d);

/* Whether c is a character the transliterator changes alone. */
int gr_chardata_is_traditional(const struct gr_chardata *d, int32_t c);

static inline int
gr_bit(const uint32_t *bits, uint32_t c)
{
	return (bits[c >> 5] >> (c & 31)) & 1;
}

/*
 * Zero-width, bidi and other invisible controls that only get in the way:
 * normalisation drops them (a UTF-16 unit; all are in the BMP).
 */
static inline int
gr_char_is_invisible(uint32_t c)
{
	return (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) ||
	       c == 0xFEFF || c == 0x00AD || c == 0x034F || c == 0x180E ||
	       (c < 0x20 && c != '\t') || c == 0x7F;
}

#endif
