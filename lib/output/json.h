/*
 * JSON in and out: the govreport-1 format (SPEC §3) and the diagnostics
 * JSON (SPEC §5). Read through yajl 2.1's parser (json_walk.c); written by
 * the library's own writer (gr_json_out below, json.c), which writes the
 * bytes yajl_gen 2.1 wrote without going through it.
 *
 * This header holds what the writer (json_write.c, diag_json.c) and the
 * reader (json_read.c over json_walk.c) share: the format's own key names
 * (table, row and column ids come from template.h, never from here), the
 * bridge from yajl's allocator hooks to gr_malloc(), and an output buffer.
 */
#ifndef GR_JSON_H
#define GR_JSON_H

#include <stddef.h>
#include <stdint.h>

#include <yajl/yajl_common.h>

#include "govreport.h"
#include "util/strbuf.h"

/* The value of the "format" key. */
#define GR_JSON_FORMAT_NAME "govreport-1"

/* The keys before the tables, in canonical order. */
enum gr_json_meta {
	GR_JSON_FORMAT = 0,
	GR_JSON_TEMPLATE,
	GR_JSON_YEAR,
	GR_JSON_ORGAN,
	GR_JSON_TITLE,
	GR_JSON_PUBLISHED,
	GR_JSON_TEXT,
	GR_JSON_META_COUNT
};

/* The keys of a detailed cell, in canonical order. */
enum gr_json_detail {
	GR_JSON_VALUE = 0,
	GR_JSON_STATE,
	GR_JSON_LINE,
	GR_JSON_RAW,
	GR_JSON_DETAIL_COUNT
};

#define GR_JSON_TEXT_COUNT 3

const char *gr_json_meta_key(enum gr_json_meta key);
/* The text field a top-level key holds (organ, title, published), or -1. */
int gr_json_meta_field(enum gr_json_meta key);
/* The i-th key of the "text" object and the field it holds. */
const char *gr_json_text_key(size_t i);
enum govreport_field gr_json_text_field(size_t i);
const char *gr_json_detail_key(enum gr_json_detail key);

/*
 * A table's key at the top level. The same in every template, so that a
 * report without a template can still write its (null) tables.
 */
const char *gr_json_section_id(enum govreport_section section);

/*
 * Longest text gr_json_format_decimal() writes: a sign, 19 digits, a
 * point, 18 leading zeros of a fraction, the NUL.
 */
#define GR_JSON_DECIMAL_MAX 48

/*
 * Write coefficient × 10^-scale as an exact JSON number: 123456 scale 4 →
 * "12.3456", -5 scale 2 → "-0.05", 0 scale 4 → "0.0000". Returns its
 * length.
 */
size_t gr_json_format_decimal(int64_t coefficient, unsigned scale,
			      char out[GR_JSON_DECIMAL_MAX]);

/*
 * yajl's allocator hooks over gr_malloc()/gr_realloc()/gr_free().
 *
 * yajl 2.1 does not check what its allocator returns (yajl_buf_alloc,
 * yajl_bs_push and others write through the pointer at once), so a hook
 * that returned NULL would crash it. When gr_malloc() fails, the hook
 * records the failure and hands yajl memory from the C library instead;
 * the caller sees `failed` and ends the operation with
 * GOVREPORT_ERR_NOMEM. This keeps every allocation under the allocation
 * tests' failure hook without a crash. It relies on gr_free() being free().
 */
struct gr_json_alloc {
	yajl_alloc_funcs funcs;
	int failed;
};

void gr_json_alloc_init(struct gr_json_alloc *alloc);

/*
 * A JSON writer into a gr_strbuf, byte for byte what yajl_gen writes (its
 * states, separators, two-space indentation and escapes; json.c) without
 * a print callback per run of bytes; a string that is not UTF-8 fails it,
 * as it failed yajl_gen. The calls below never fail on their own;
 * gr_json_out_finish() says whether all went well.
 */
struct gr_json_out {
	struct gr_strbuf buf;
	int pretty;
	int gen_failed; /* a call out of turn (a bug), or invalid UTF-8 */
	unsigned depth;
	unsigned char state[YAJL_MAX_DEPTH];
};

/* Start writing; pretty indents by two spaces. Returns 0 or -1 (no memory). */
int gr_json_out_init(struct gr_json_out *out, int pretty);
void gr_json_out_map_open(struct gr_json_out *out);
void gr_json_out_map_close(struct gr_json_out *out);
void gr_json_out_array_open(struct gr_json_out *out);
void gr_json_out_array_close(struct gr_json_out *out);
void gr_json_out_key(struct gr_json_out *out, const char *key);
/* A string, or null for NULL. */
void gr_json_out_string(struct gr_json_out *out, const char *s);
void gr_json_out_null(struct gr_json_out *out);
void gr_json_out_bool(struct gr_json_out *out, int value);
void gr_json_out_integer(struct gr_json_out *out, int64_t value);
void gr_json_out_decimal(struct gr_json_out *out, int64_t coefficient,
			 unsigned scale);

/*
 * Finish: hand out the NUL-terminated text (freed with gr_free()) and its
 * length, or fail with GOVREPORT_ERR_NOMEM / GOVREPORT_ERR_INTERNAL.
 * Releases everything either way.
 */
enum govreport_status gr_json_out_finish(struct gr_json_out *out, char **text,
					 size_t *len);
void gr_json_out_release(struct gr_json_out *out);

#endif
