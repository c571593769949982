/*
 * A deterministic generator of annual reports for the benchmark: every
 * text shape the parser reads (SPEC §2 items 1–4), both templates,
 * simplified or traditional characters, varied non-zero figures that
 * satisfy the tables' equations, and any size from about 2 KB up: a
 * larger report repeats prose paragraphs around one set of tables.
 *
 * Each report comes with the value of every cell it prints, so that a run
 * can check that parsing gives them back.
 */
#ifndef BENCH_GEN_H
#define BENCH_GEN_H

#include <stddef.h>
#include <stdint.h>

enum gen_shape {
	GEN_PIPE,     /* one cell per line ending " |" (seed 001) */
	GEN_TAB,      /* one tab-indented cell per line (seed 002) */
	GEN_MARKDOWN, /* Markdown pipe tables (seed 003) */
	GEN_WEB,      /* one paragraph per cell, page chrome (seed 004) */
	GEN_SHAPE_COUNT,
};

struct gen_cell {
	char path[64];       /* "applications.new_received.total" */
	int64_t coefficient; /* value × 10^-scale */
	unsigned scale;
};

struct gen_report {
	char *data; /* UTF-8 text, NUL-terminated (malloc) */
	size_t len;
	int year;
	int template_year; /* 2019 or 2021 */
	struct gen_cell *cells;
	size_t ncells;
};

struct gen_options {
	enum gen_shape shape;
	int template_year;  /* 2019 or 2021 */
	int traditional;    /* convert to traditional characters (ICU Hans-Hant) */
	size_t target;      /* approximate size in bytes; the smallest report is
			     * whatever the tables and a little prose take */
	uint64_t seed;
};

/* 0, or -1 when out of memory or ICU fails. */
int gen_report(const struct gen_options *opt, struct gen_report *out);
void gen_report_free(struct gen_report *r);

const char *gen_shape_name(enum gen_shape shape);

/* Release the Hans-Hant transliterator (opened on first use). */
void gen_cleanup(void);

#endif
