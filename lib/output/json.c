/* What the JSON reader and writers share; see json.h. */
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "output/json.h"
#include "model/template.h"
#include "util/utf8.h"

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

/*
 * The same bytes as yajl_gen 2.1 configured as we did (print callback,
 * validate_utf8, beautify with two spaces), written straight into the
 * buffer: yajl's state machine, separators, indentation, escaping and
 * UTF-8 check, without a callback per run of bytes. The format's tests
 * compare these bytes with the seeds' and the corpus' expectations.
 * The UTF-8 check is the library's own (gr_utf8_valid), stricter than
 * yajl's, which looks at lead and continuation bits only: it refuses
 * overlong forms and surrogates too. Both agree on what reaches the
 * writer, text of the model, which holds only well-formed UTF-8 (decode,
 * the JSON reader, govreport_set_field check it), and on cut-off pieces
 * of it.
 */
enum gen_state {
	GEN_START,
	GEN_MAP_START,
	GEN_MAP_KEY,
	GEN_MAP_VAL,
	GEN_ARRAY_START,
	GEN_IN_ARRAY,
	GEN_COMPLETE,
};

static void
put(struct gr_json_out *out, const char *s, size_t len)
{
	struct gr_strbuf *b = &out->buf;

	/* Straight in while there is room (and for the NUL). */
	if (b->cap - b->len > len) {
		memcpy(b->data + b->len, s, len);
		b->len += len;
		b->data[b->len] = '\0';
		return;
	}
	gr_strbuf_append(b, s, len);
}

/* yajl_gen's ENSURE_VALID_STATE: nothing after the top value is done. */
static int
valid_state(struct gr_json_out *out)
{
	if (out->state[out->depth] == GEN_COMPLETE) {
		out->gen_failed = 1;
		return 0;
	}
	return 1;
}

/* ENSURE_NOT_KEY: a value other than a string where a key belongs. */
static int
not_key(struct gr_json_out *out)
{
	unsigned char st = out->state[out->depth];

	if (st == GEN_MAP_KEY || st == GEN_MAP_START) {
		out->gen_failed = 1;
		return 0;
	}
	return 1;
}

/* INSERT_WHITESPACE: two spaces a level. */
static void
indent(struct gr_json_out *out)
{
	if (out->pretty && out->state[out->depth] != GEN_MAP_VAL)
		for (unsigned i = 0; i < out->depth; i++)
			put(out, "  ", 2);
}

/* INSERT_SEP and INSERT_WHITESPACE. */
static void
separate(struct gr_json_out *out)
{
	unsigned char st = out->state[out->depth];

	if (st == GEN_MAP_KEY || st == GEN_IN_ARRAY)
		put(out, out->pretty ? ",\n" : ",", out->pretty ? 2 : 1);
	else if (st == GEN_MAP_VAL)
		put(out, out->pretty ? ": " : ":", out->pretty ? 2 : 1);
	indent(out);
}

/* APPENDED_ATOM. */
static void
appended_atom(struct gr_json_out *out)
{
	unsigned char *st = &out->state[out->depth];

	switch (*st) {
	case GEN_START:
		*st = GEN_COMPLETE;
		break;
	case GEN_MAP_START:
	case GEN_MAP_KEY:
		*st = GEN_MAP_VAL;
		break;
	case GEN_ARRAY_START:
		*st = GEN_IN_ARRAY;
		break;
	case GEN_MAP_VAL:
		*st = GEN_MAP_KEY;
		break;
	default:
		break;
	}
}

/* APPENDED_ATOM and FINAL_NEWLINE. */
static void
appended(struct gr_json_out *out)
{
	appended_atom(out);
	if (out->pretty && out->state[out->depth] == GEN_COMPLETE)
		put(out, "\n", 1);
}

/* yajl_string_encode() without escaping the solidus. */
#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Whether any of the 8 bytes is below 0x20, a '"' or a backslash. */
static int
word_needs_escape(uint64_t w)
{
	uint64_t quote = w ^ (ONES * '"'), slash = w ^ (ONES * '\\');

	return ((((w - ONES * 0x20) & ~w) | ((quote - ONES) & ~quote) |
		 ((slash - ONES) & ~slash)) & HIGHS) != 0;
}

static void
put_escaped(struct gr_json_out *out, const unsigned char *s, size_t len)
{
	size_t begin = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = s[i];
		char hex[7];
		const char *escaped;
		if (c >= 0x20 && c != '"' && c != '\\') {
			/* Eight at a time while none needs escaping. */
			uint64_t word;
			while (i + 9 <= len) {
				memcpy(&word, s + i + 1, 8);
				if (word_needs_escape(word))
					break;
				i += 8;
			}
			continue;
		}
		switch (c) {
		case '\r': escaped = "\\r"; break;
		case '\n': escaped = "\\n"; break;
		case '\\': escaped = "\\\\"; break;
		case '"': escaped = "\\\""; break;
		case '\f': escaped = "\\f"; break;
		case '\b': escaped = "\\b"; break;
		case '\t': escaped = "\\t"; break;
		default:
			memcpy(hex, "\\u00", 4);
			hex[4] = "0123456789ABCDEF"[c >> 4];
			hex[5] = "0123456789ABCDEF"[c & 0x0F];
			hex[6] = '\0';
			escaped = hex;
			break;
		}
		put(out, (const char *)s + begin, i - begin);
		put(out, escaped, strlen(escaped));
		begin = i + 1;
	}
	put(out, (const char *)s + begin, len - begin);
}

/* Whether s is a short string of plain ASCII (every key, most values):
 * valid UTF-8 with nothing to escape. */
static int
is_plain(const char *s, size_t len)
{
	if (len > 32)
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\')
			return 0;
	}
	return 1;
}

static void
put_string(struct gr_json_out *out, const char *s, size_t len)
{
	if (is_plain(s, len)) {
		if (!valid_state(out))
			return;
		separate(out);
		put(out, "\"", 1);
		put(out, s, len);
		put(out, "\"", 1);
		appended(out);
		return;
	}
	if (!gr_utf8_valid(s, len)) {
		out->gen_failed = 1;
		return;
	}
	if (!valid_state(out))
		return;
	separate(out);
	/* Room for the usual string, which needs no escape, at once. */
	if (out->buf.cap - out->buf.len > len + 2 ||
	    gr_strbuf_reserve(&out->buf, len + 2) == 0) {
		put(out, "\"", 1);
		put_escaped(out, (const unsigned char *)s, len);
		put(out, "\"", 1);
	}
	appended(out);
}

/* A number, null, true or false: text printed as it is. */
static void
put_atom(struct gr_json_out *out, const char *text, size_t len)
{
	if (!valid_state(out) || !not_key(out))
		return;
	separate(out);
	put(out, text, len);
	appended(out);
}

static void
open_container(struct gr_json_out *out, enum gen_state state, const char *mark)
{
	if (!valid_state(out) || !not_key(out))
		return;
	separate(out);
	if (out->depth + 1 >= YAJL_MAX_DEPTH) {
		out->gen_failed = 1;
		return;
	}
	out->state[++out->depth] = (unsigned char)state;
	put(out, mark, 1);
	if (out->pretty)
		put(out, "\n", 1);
}

static void
close_container(struct gr_json_out *out, const char *mark)
{
	if (!valid_state(out))
		return;
	if (out->depth == 0) {
		out->gen_failed = 1;
		return;
	}
	out->depth--;
	if (out->pretty)
		put(out, "\n", 1);
	appended_atom(out);
	indent(out);
	put(out, mark, 1);
	if (out->pretty && out->state[out->depth] == GEN_COMPLETE)
		put(out, "\n", 1);
}

int
gr_json_out_init(struct gr_json_out *out, int pretty)
{
	gr_strbuf_init(&out->buf);
	out->gen_failed = 0;
	out->pretty = pretty;
	out->depth = 0;
	out->state[0] = GEN_START;
	/* A report's JSON is a few kilobytes: grow from there. */
	return gr_strbuf_reserve(&out->buf, 4096);
}

void
gr_json_out_map_open(struct gr_json_out *out)
{
	open_container(out, GEN_MAP_START, "{");
}

void
gr_json_out_map_close(struct gr_json_out *out)
{
	close_container(out, "}");
}

void
gr_json_out_array_open(struct gr_json_out *out)
{
	open_container(out, GEN_ARRAY_START, "[");
}

void
gr_json_out_array_close(struct gr_json_out *out)
{
	close_container(out, "]");
}

void
gr_json_out_key(struct gr_json_out *out, const char *key)
{
	put_string(out, key, strlen(key));
}

void
gr_json_out_string(struct gr_json_out *out, const char *s)
{
	if (!s) {
		gr_json_out_null(out);
		return;
	}
	put_string(out, s, strlen(s));
}

void
gr_json_out_null(struct gr_json_out *out)
{
	put_atom(out, "null", 4);
}

void
gr_json_out_bool(struct gr_json_out *out, int value)
{
	put_atom(out, value ? "true" : "false", value ? 4 : 5);
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

	/* Printed as written: no binary floating point. */
	put_atom(out, text, len);
}

void
gr_json_out_release(struct gr_json_out *out)
{
	gr_strbuf_release(&out->buf);
}

enum govreport_status
gr_json_out_finish(struct gr_json_out *out, char **text, size_t *len)
{
	enum govreport_status status = GOVREPORT_OK;

	if (gr_strbuf_failed(&out->buf))
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
