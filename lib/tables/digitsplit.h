/*
 * Digits fused across cells (SPEC §2 item 15; CELL_SPLIT and
 * CELL_AMBIGUOUS of §5). Text taken from a web page with no separator
 * between cells runs a row's numbers together: `521000053` is the seven
 * cells of a row of table 三, 52 1 0 0 0 0 53 (six applicant columns, then
 * their 总计). This module lists the ways to cut such a run into a given
 * number of cells and keeps those that the table's equations accept; the
 * caller says CELL_SPLIT when exactly one fits and CELL_AMBIGUOUS (naming
 * the candidates, gr_split_describe()) when several do.
 *
 * A part is an integer of at most int64's range, written without a
 * leading zero unless it is exactly "0": `0000000` into seven cells is
 * seven zeros, `05` is never the number 5. A '-' starts a part: "-" and
 * digits is a negative value (`175-3720` into three cells: 175 -3 720, 175
 * -37 20 or 175 -372 0; "-0" is none), "-" alone a dash (175 - 3720), the
 * value GR_SPLIT_DASH. Which cells may be negative or a dash is for the
 * caller's predicate to say.
 *
 * Bounds. A run holds at most GR_SPLIT_MAX_DIGITS digits and is cut into
 * at most GR_SPLIT_MAX_CELLS cells. A search places at most
 * GR_SPLIT_MAX_STEPS parts, so calls the predicate at most that many times,
 * and returns -1 when it would need more. Only branches that can still end
 * in a complete split are followed, so with a predicate that accepts
 * everything the bound is reached once a run has about 2^20 splits (48
 * digits into 16 cells have C(47,15) ≈ 1.5e12). Measured worst case, 48
 * digits into 16 cells, which reaches the bound: 10-35 ms per call (-O2,
 * x86-64), for any predicate including gr_split_fits_row_total().
 *
 * gr_split_fits_row_total() is recognised and, over a run without a '-',
 * searched differently (the same result as the general search wherever
 * both finish): the total (last cell) is fixed first, and a branch is cut
 * when no way of cutting its remaining digits can make up what is left of
 * the total. Measured on random runs: 5 or 7 cells up to 48 digits
 * need at most ~40,000 steps (never the bound); 15-16 cells need under
 * 800,000 up to 32 digits, but most runs of 36 digits or more reach the
 * bound (-1). No real row is that long.
 */
#ifndef GR_DIGITSPLIT_H
#define GR_DIGITSPLIT_H

#include <stddef.h>
#include <stdint.h>

#define GR_SPLIT_MAX_CELLS 16
#define GR_SPLIT_MAX_DIGITS 48
#define GR_SPLIT_MAX_KEEP 4 /* candidates kept to name in a diagnostic */
#define GR_SPLIT_MAX_STEPS (1UL << 20)
/* A part that is "-" alone: a dash, the cell's "nothing to report". */
#define GR_SPLIT_DASH INT64_MIN

struct gr_split {
	size_t ncells;
	size_t count; /* splits that fit (may exceed what is kept) */
	/* The first min(count, GR_SPLIT_MAX_KEEP) fitting splits, ordered by
	 * their parts' digit counts, first cell first. */
	int64_t values[GR_SPLIT_MAX_KEEP][GR_SPLIT_MAX_CELLS];
};

/* 1 when the split (ncells values) satisfies the caller's equations. */
typedef int (*gr_split_fits)(const int64_t *values, size_t ncells, void *ctx);

/*
 * Cut digits[0..len) (ASCII digits and '-') into exactly ncells parts and
 * count those fits accepts (every split when fits is NULL); keep the first
 * GR_SPLIT_MAX_KEEP in *out. Too few digits, or only leading-zero cuts,
 * give count 0. Returns 0; -1 with *out untouched for: ncells 0 or above
 * GR_SPLIT_MAX_CELLS, more than GR_SPLIT_MAX_DIGITS characters, another
 * character,
 * a run whose every split has a part beyond INT64_MAX, or a search that
 * would exceed GR_SPLIT_MAX_STEPS; -2 with *out untouched when out of
 * memory (GOVREPORT_ERR_NOMEM for the caller).
 */
int gr_split_digits(const char *digits, size_t len, size_t ncells,
		    gr_split_fits fits, void *ctx, struct gr_split *out);

/*
 * The last cell equals the sum of the others: a row of table 三 (six
 * applicant columns and 总计), a group of table 四 (four results and
 * 总计), no cell negative or a dash. ctx is unused (NULL). With one
 * cell, that cell must be 0.
 */
int gr_split_fits_row_total(const int64_t *values, size_t ncells, void *ctx);

/*
 * Write the kept candidates as "52 1 0 0 0 0 53 | 5 21 0 0 0 0 26" (a
 * dash as "-") into
 * buf (NUL-terminated, truncated to size). Returns the length of the whole
 * text, as snprintf does.
 */
size_t gr_split_describe(const struct gr_split *s, char *buf, size_t size);

#endif
