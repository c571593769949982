/* What the JSON reader and writers share; see json.h. */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "json.h"
#include "template.h"

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the format's own keys ------------------------------------------- */

static const char *const meta_keys[GR_JSON_META_COUNT] = {
	[GR_JSON_FORMAT] = "format",
	[GR_JSON_TEMPLATE] = "template",
	[GR_JSON_YEAR] = "year",
	[GR_JSON_ORGAN] = "organ",
	[GR_JSON_TITLE] = "title",
	[GR_JSON_PUBLISHED] = "published",
	[GR_JSON_TEXT] = "text",
};

static const struct {
	const char *key;
	enum govreport_field field;
} text_keys[GR_JSON_TEXT_COUNT] = {
	{ "overview", GOVREPORT_FIELD_OVERVIEW },
	{ "problems", GOVREPORT_FIELD_PROBLEMS },
	{ "other_matters", GOVREPORT_FIELD_OTHER_MATTERS },
};

static const char *const detail_keys[GR_JSON_DETAIL_COUNT] = {
	[GR_JSON_VALUE] = "value",
	[GR_JSON_STATE] = "state",
	[GR_JSON_LINE] = "line",
	[GR_JSON_RAW] = "raw",
};

const char *
gr_json_meta_key(enum gr_json_meta key)
{
	return (unsigned)key < GR_JSON_META_COUNT ? meta_keys[key] : NULL;
}

int
gr_json_meta_field(enum gr_json_meta key)
{
	switch (key) {
	case GR_JSON_ORGAN: return GOVREPORT_FIELD_ORGAN;
	case GR_JSON_TITLE: return GOVREPORT_FIELD_TITLE;
	case GR_JSON_PUBLISHED: return GOVREPORT_FIELD_PUBLISHED;
	default: return -1;
	}
}

const char *
gr_json_text_key(size_t i)
{
	return i < GR_JSON_TEXT_COUNT ? text_keys[i].key : NULL;
}

enum govreport_field
gr_json_text_field(size_t i)
{
	return text_keys[i < GR_JSON_TEXT_COUNT ? i : 0].field;
}

const char *
gr_json_detail_key(enum gr_json_detail key)
{
	return (unsigned)key < GR_JSON_DETAIL_COUNT ? detail_keys[key] : NULL;
}

const char *
gr_json_section_id(enum govreport_section section)
{
	/* Both templates name their tables alike: ask either. */
	const struct gr_table *table =
		gr_table_get(gr_template_get(GOVREPORT_TEMPLATE_2021), section);

	return table ? table->id : NULL;
}

/* ---- exact decimals -------------------------------------------------- */

size_t
gr_json_format_decimal(int64_t coefficient, unsigned scale,
		       char out[GR_JSON_DECIMAL_MAX])
{
	/* The magnitude as unsigned, so that INT64_MIN has one too. */
	uint64_t magnitude = coefficient < 0 ? 0 - (uint64_t)coefficient
					     : (uint64_t)coefficient;
	char digits[24];
	size_t ndigits = 0, len = 0;

	if (scale > 18)
		scale = 18;
	do {
		digits[ndigits++] = (char)('0' + magnitude % 10);
		magnitude /= 10;
	} while (magnitude > 0);
	/* At least one digit before the point: 5 scale 2 is 0.05. */
	while (ndigits < scale + 1)
		digits[ndigits++] = '0';

	if (coefficient < 0)
		out[len++] = '-';
	while (ndigits > 0) {
		if (ndigits == scale)
			out[len++] = '.';
		out[len++] = digits[--ndigits];
	}
	out[len] = '\0';
	return len;
}

/* ---- yajl's allocator ------------------------------------------------- */

static void *
yajl_malloc_hook(void *ctx, size_t size)
{
	struct gr_json_alloc *alloc = ctx;
	void *p = gr_malloc(size);

	if (!p) {
		alloc->failed = 1;
		p = malloc(size ? size : 1);
	}
	return p;
}

static void *
yajl_realloc_hook(void *ctx, void *ptr, size_t size)
{
	struct gr_json_alloc *alloc = ctx;
	void *p = gr_realloc(ptr, size);

	if (!p) {
		alloc->failed = 1;
		p = realloc(ptr, size ? size : 1);
	}
	return p;
}

static void
yajl_free_hook(void *ctx, void *ptr)
{
	(void)ctx;
	gr_free(ptr);
}

void
gr_json_alloc_init(struct gr_json_alloc *alloc)
{
	alloc->funcs.malloc = yajl_malloc_hook;
	alloc->funcs.realloc = yajl_realloc_hook;
	alloc->funcs.free = yajl_free_hook;
	alloc->funcs.ctx = alloc;
	alloc->failed = 0;
}

/* ---- the writer ------------------------------------------------------- */

static void
print_to_strbuf(void *ctx, const char *s, size_t len)
{
	gr_strbuf_append(ctx, s, len);
}

int
gr_json_out_init(struct gr_json_out *out, int pretty)
{
	gr_json_alloc_init(&out->alloc);
	gr_strbuf_init(&out->buf);
	out->gen_failed = 0;
	out->gen = yajl_gen_alloc(&out->alloc.funcs);
	if (!out->gen)
		return -1;
	yajl_gen_config(out->gen, yajl_gen_print_callback, print_to_strbuf,
			&out->buf);
	yajl_gen_config(out->gen, yajl_gen_validate_utf8, 1);
	if (pretty) {
		yajl_gen_config(out->gen, yajl_gen_beautify, 1);
		yajl_gen_config(out->gen, yajl_gen_indent_string, "  ");
	}
	return 0;
}

static void
check(struct gr_json_out *out, yajl_gen_status status)
{
	if (status != yajl_gen_status_ok)
		out->gen_failed = 1;
}

void
gr_json_out_map_open(struct gr_json_out *out)
{
	check(out, yajl_gen_map_open(out->gen));
}

void
gr_json_out_map_close(struct gr_json_out *out)
{
	check(out, yajl_gen_map_close(out->gen));
}

void
gr_json_out_array_open(struct gr_json_out *out)
{
	check(out, yajl_gen_array_open(out->gen));
}

void
gr_json_out_array_close(struct gr_json_out *out)
{
	check(out, yajl_gen_array_close(out->gen));
}

void
gr_json_out_key(struct gr_json_out *out, const char *key)
{
	check(out, yajl_gen_string(out->gen, (const unsigned char *)key,
				   strlen(key)));
}

void
gr_json_out_string(struct gr_json_out *out, const char *s)
{
	if (!s) {
		gr_json_out_null(out);
		return;
	}
	check(out, yajl_gen_string(out->gen, (const unsigned char *)s,
				   strlen(s)));
}

void
gr_json_out_null(struct gr_json_out *out)
{
	check(out, yajl_gen_null(out->gen));
}

void
gr_json_out_bool(struct gr_json_out *out, int value)
{
	check(out, yajl_gen_bool(out->gen, value != 0));
}

void
gr_json_out_integer(struct gr_json_out *out, int64_t value)
{
	gr_json_out_decimal(out, value, 0);
}

void
gr_json_out_decimal(struct gr_json_out *out, int64_t coefficient,
		    unsigned scale)
{
	char text[GR_JSON_DECIMAL_MAX];
	size_t len = gr_json_format_decimal(coefficient, scale, text);

	/* yajl_gen_number prints the text as given: no binary floating point. */
	check(out, yajl_gen_number(out->gen, text, len));
}

void
gr_json_out_release(struct gr_json_out *out)
{
	if (out->gen)
		yajl_gen_free(out->gen);
	out->gen = NULL;
	gr_strbuf_release(&out->buf);
}

enum govreport_status
gr_json_out_finish(struct gr_json_out *out, char **text, size_t *len)
{
	enum govreport_status status = GOVREPORT_OK;

	if (out->gen)
		yajl_gen_free(out->gen);
	out->gen = NULL;
	if (out->alloc.failed || gr_strbuf_failed(&out->buf))
		status = GOVREPORT_ERR_NOMEM;
	else if (out->gen_failed)
		status = GOVREPORT_ERR_INTERNAL;
	if (status != GOVREPORT_OK) {
		gr_strbuf_release(&out->buf);
		return status;
	}
	*text = gr_strbuf_steal(&out->buf, len);
	return *text ? GOVREPORT_OK : GOVREPORT_ERR_NOMEM;
}
