/*
 * Per-character tables taken from ICU's data, for the paths that skip ICU:
 * the fast path of NFKC (normalize.c), the detector of the characters
 * the Hant-Hans transliterator changes, and that transliterator's own
 * rules as tables (hant.c). Building them from ICU
 * costs ~15 ms (the transliterator must be opened and run over each of
 * its characters), so the build does it once: lib/input/gen-chardata.c writes
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
/* Room for Hant-Hans's rules (ICU 72: 90 pages of one-character rules,
 * 524 first characters of 976 phrase rules, 13 KB of their text). */
#define GR_HANT_PAGES 128
#define GR_HANT_FIRSTS 1024
#define GR_HANT_PHRASES 2048
#define GR_HANT_POOL 32768

/* The NFKC form of one character, as UTF-8. */
struct gr_nfkc_mapping {
	uint8_t len;
	char text[GR_MAP_BYTES];
};

/* A rule of more than one character: its key and value as UTF-8. */
struct gr_hant_phrase {
	uint16_t key, value; /* offsets in hant_pool */
	uint8_t key_len, value_len; /* bytes; value_len <= key_len */
};

/* The phrase rules that begin with one character, in ICU's order. */
struct gr_hant_first {
	uint16_t c;
	uint16_t begin, count; /* hant_phrases[begin, begin + count) */
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
	/*
	 * Hant-Hans's rules (utrans_toRules), every one of the form
	 * "KEY > VALUE;" with KEY and VALUE in the BMP and VALUE no longer
	 * in UTF-8 than KEY: at each position the first rule whose key the
	 * text holds there replaces it, and conversion goes on after it;
	 * ICU gives the longer of two keys one of which begins the other the
	 * first place (or refuses the rules), so the phrases of a character
	 * come before its one-character rule. has_rules is 1 only when they
	 * were all of that form and give what the transliterator gives on
	 * each character alone and on each phrase; else ICU converts.
	 */
	int has_rules;
	uint32_t hant_acts[GR_BMP / 32];   /* a rule that changes text begins with it */
	uint32_t hant_phrase[GR_BMP / 32]; /* a phrase rule begins with it */
	uint8_t hant_page[GR_BMP / 256];   /* 1-based index into hant_single */
	uint16_t hant_single[GR_HANT_PAGES][256]; /* its one-character rule; 0: none */
	uint32_t hant_nfirsts;
	struct gr_hant_first hant_firsts[GR_HANT_FIRSTS]; /* ascending by c */
	struct gr_hant_phrase hant_phrases[GR_HANT_PHRASES];
	char hant_pool[GR_HANT_POOL];
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
