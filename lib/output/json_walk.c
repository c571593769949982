/* A checked walk over JSON text with yajl's event parser; see json_walk.h. */
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "util/alloc.h"
#include "output/json_walk.h"
#include "util/utf8.h"

#define ROOT_PATH "(root)"

void
gr_json_walk_init(struct gr_json_walk *walk,
		  const struct gr_json_handler *handler, void *data)
{
	memset(walk, 0, sizeof(*walk));
	walk->handler = handler;
	walk->data = data;
	walk->status = GOVREPORT_OK;
	walk->lone_surrogate = SIZE_MAX;
	gr_strbuf_init(&walk->path);
	gr_strbuf_init(&walk->message);
	gr_json_alloc_init(&walk->alloc);
}

void
gr_json_walk_release(struct gr_json_walk *walk)
{
	gr_strbuf_release(&walk->path);
	gr_strbuf_release(&walk->message);
}

char *
gr_json_walk_steal_message(struct gr_json_walk *walk)
{
	if (walk->message.len == 0)
		return NULL;
	return gr_strbuf_steal(&walk->message, NULL);
}

int
gr_json_walk_nomem(struct gr_json_walk *walk)
{
	walk->status = GOVREPORT_ERR_NOMEM;
	gr_strbuf_release(&walk->message);
	return -1;
}

int
gr_json_walk_fail(struct gr_json_walk *walk, enum govreport_status status,
		  const char *child, const char *fmt, ...)
{
	struct gr_strbuf *msg = &walk->message;
	va_list ap;

	/* The first failure is the one to report. */
	if (walk->status != GOVREPORT_OK)
		return -1;
	walk->status = status;
	gr_strbuf_release(msg);
	if (walk->path.len > 0)
		gr_strbuf_append(msg, walk->path.data, walk->path.len);
	if (child) {
		if (walk->path.len > 0)
			gr_strbuf_putc(msg, '.');
		gr_strbuf_puts(msg, child);
	}
	if (walk->path.len == 0 && !child)
		gr_strbuf_puts(msg, ROOT_PATH);
	gr_strbuf_puts(msg, ": ");
	va_start(ap, fmt);
	gr_strbuf_vprintf(msg, fmt, ap);
	va_end(ap);
	if (gr_strbuf_failed(msg))
		return gr_json_walk_nomem(walk);
	return -1;
}

/* ---- the path ---------------------------------------------------------- */

static void
path_truncate(struct gr_json_walk *walk, size_t len)
{
	walk->path.len = len;
	if (walk->path.data)
		walk->path.data[len] = '\0';
}

static struct gr_json_frame *
top_frame(struct gr_json_walk *walk)
{
	return walk->depth ? &walk->frames[walk->depth - 1] : NULL;
}

/* A value begins: inside an array, its path is the array's and "[i]". */
static void
path_enter_value(struct gr_json_walk *walk)
{
	struct gr_json_frame *frame = top_frame(walk);

	if (!frame || !frame->is_array)
		return;
	path_truncate(walk, frame->path_len);
	gr_strbuf_printf(&walk->path, "[%zu]", frame->next_index++);
}

static void
path_enter_key(struct gr_json_walk *walk, const char *key, size_t len)
{
	struct gr_json_frame *frame = top_frame(walk);

	path_truncate(walk, frame->path_len);
	if (frame->path_len > 0)
		gr_strbuf_putc(&walk->path, '.');
	gr_strbuf_append(&walk->path, key, len);
}

/* ---- strings ------------------------------------------------------------ */

static long
hex4(const char *s, size_t len, size_t at)
{
	long value = 0;

	if (at + 4 > len)
		return -1;
	for (size_t i = at; i < at + 4; i++) {
		char c = s[i];
		int digit;
		if (c >= '0' && c <= '9')
			digit = c - '0';
		else if (c >= 'a' && c <= 'f')
			digit = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			digit = c - 'A' + 10;
		else
			return -1;
		value = value * 16 + digit;
	}
	return value;
}

/*
 * The offset of the first \u escape in a string of the JSON text that is
 * a lone surrogate (a low one, or a high one not followed by a low one),
 * or SIZE_MAX. yajl lexes strings the same way (every '"' outside a string
 * opens one), so where the text is valid JSON this finds what yajl decodes.
 */
static size_t
find_lone_surrogate(const char *s, size_t len)
{
	int in_string = 0;

	for (size_t i = 0; i < len; i++) {
		long unit, low;

		if (s[i] == '"') {
			in_string = !in_string;
			continue;
		}
		if (!in_string || s[i] != '\\')
			continue;
		if (i + 1 >= len || s[i + 1] != 'u') {
			i++; /* a one-letter escape: skip it */
			continue;
		}
		unit = hex4(s, len, i + 2);
		if (unit >= 0xDC00 && unit <= 0xDFFF)
			return i;
		if (unit >= 0xD800 && unit <= 0xDBFF) {
			low = (i + 7 < len && s[i + 6] == '\\' && s[i + 7] == 'u')
				      ? hex4(s, len, i + 8) : -1;
			if (low < 0xDC00 || low > 0xDFFF)
				return i;
			i += 6; /* the high half; the low half follows */
		}
		i += 5;
	}
	return SIZE_MAX;
}

/* Whether a key or string value is text the model can hold. */
static int
check_string(struct gr_json_walk *walk, const char *s, size_t len,
	     const char *what)
{
	size_t end = yajl_get_bytes_consumed(walk->yajl);

	/* The string being read ends at `end`; earlier ones were clean. */
	if (walk->lone_surrogate < end)
		return gr_json_walk_fail(walk, GOVREPORT_ERR_JSON, NULL,
					 "lone surrogate %.6s in %s",
					 walk->json + walk->lone_surrogate, what);
	if (!gr_utf8_valid(s, len))
		return gr_json_walk_fail(walk, GOVREPORT_ERR_JSON, NULL,
					 "invalid UTF-8 in %s", what);
	if (memchr(s, '\0', len))
		return gr_json_walk_fail(walk, GOVREPORT_ERR_JSON, NULL,
					 "U+0000 in %s", what);
	return 0;
}

/* ---- yajl's callbacks ---------------------------------------------------- */

/*
 * Every callback starts here: an allocation that failed since the last
 * one (yajl's, or the path's) ends the walk. Returns 0 to go on.
 */
static int
enter(struct gr_json_walk *walk)
{
	if (walk->alloc.failed || gr_strbuf_failed(&walk->path))
		return gr_json_walk_nomem(walk);
	return 0;
}

/* yajl goes on when a callback returns non-zero. */
#define CONTINUE(result) ((result) == 0)

static int
on_null(void *ctx)
{
	struct gr_json_walk *walk = ctx;

	if (enter(walk) < 0)
		return 0;
	path_enter_value(walk);
	return CONTINUE(walk->handler->null ? walk->handler->null(walk) : 0);
}

static int
on_boolean(void *ctx, int value)
{
	struct gr_json_walk *walk = ctx;

	if (enter(walk) < 0)
		return 0;
	path_enter_value(walk);
	return CONTINUE(walk->handler->boolean
				? walk->handler->boolean(walk, value) : 0);
}

static int
on_number(void *ctx, const char *text, size_t len)
{
	struct gr_json_walk *walk = ctx;

	if (enter(walk) < 0)
		return 0;
	path_enter_value(walk);
	return CONTINUE(walk->handler->number
				? walk->handler->number(walk, text, len) : 0);
}

static int
on_string(void *ctx, const unsigned char *s, size_t len)
{
	struct gr_json_walk *walk = ctx;
	const char *text = (const char *)s;

	if (enter(walk) < 0)
		return 0;
	path_enter_value(walk);
	if (check_string(walk, text, len, "string") < 0)
		return 0;
	return CONTINUE(walk->handler->string
				? walk->handler->string(walk, text, len) : 0);
}

static int
open_container(struct gr_json_walk *walk, int is_array)
{
	int (*start)(struct gr_json_walk *) =
		is_array ? walk->handler->array_start : walk->handler->map_start;
	struct gr_json_frame *frame;

	if (enter(walk) < 0)
		return 0;
	path_enter_value(walk);
	if (walk->depth == GOVREPORT_MAX_JSON_DEPTH) {
		gr_json_walk_fail(walk, GOVREPORT_ERR_LIMIT, NULL,
				  "nesting deeper than %d levels",
				  GOVREPORT_MAX_JSON_DEPTH);
		return 0;
	}
	if (start && start(walk) < 0)
		return 0;
	frame = &walk->frames[walk->depth++];
	frame->path_len = walk->path.len;
	frame->next_index = 0;
	frame->is_array = is_array;
	return 1;
}

static int
close_container(struct gr_json_walk *walk, int is_array)
{
	int (*end)(struct gr_json_walk *) =
		is_array ? walk->handler->array_end : walk->handler->map_end;

	if (enter(walk) < 0)
		return 0;
	/* The path goes back to the container's own. */
	path_truncate(walk, top_frame(walk)->path_len);
	walk->depth--;
	return CONTINUE(end ? end(walk) : 0);
}

static int
on_map_start(void *ctx)
{
	return open_container(ctx, 0);
}

static int
on_map_end(void *ctx)
{
	return close_container(ctx, 0);
}

static int
on_array_start(void *ctx)
{
	return open_container(ctx, 1);
}

static int
on_array_end(void *ctx)
{
	return close_container(ctx, 1);
}

static int
on_map_key(void *ctx, const unsigned char *s, size_t len)
{
	struct gr_json_walk *walk = ctx;
	const char *key = (const char *)s;

	if (enter(walk) < 0)
		return 0;
	/* A bad key is reported at its object: the key is not printable. */
	path_truncate(walk, top_frame(walk)->path_len);
	if (check_string(walk, key, len, "key") < 0)
		return 0;
	path_enter_key(walk, key, len);
	if (enter(walk) < 0)
		return 0;
	return CONTINUE(walk->handler->key ? walk->handler->key(walk, key, len)
					   : 0);
}

static const yajl_callbacks callbacks = {
	.yajl_null = on_null,
	.yajl_boolean = on_boolean,
	.yajl_number = on_number,
	.yajl_string = on_string,
	.yajl_start_map = on_map_start,
	.yajl_map_key = on_map_key,
	.yajl_end_map = on_map_end,
	.yajl_start_array = on_array_start,
	.yajl_end_array = on_array_end,
};

/* ---- running -------------------------------------------------------------- */

/* yajl's message, e.g. "lexical error: invalid char in json text", tidied. */
static void
fail_syntax(struct gr_json_walk *walk, size_t offset)
{
	unsigned char *text = yajl_get_error(walk->yajl, 0, NULL, 0);
	size_t len = text ? strlen((char *)text) : 0;

	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '.'))
		len--;
	gr_json_walk_fail(walk, GOVREPORT_ERR_JSON, NULL,
			  "invalid JSON near byte %zu: %.*s", offset, (int)len,
			  text ? (char *)text : "");
	if (text)
		yajl_free_error(walk->yajl, text);
}

enum govreport_status
gr_json_walk_run(struct gr_json_walk *walk, const char *json, size_t len)
{
	yajl_status status;

	walk->json = json;
	walk->lone_surrogate = find_lone_surrogate(json, len);
	walk->yajl = yajl_alloc(&callbacks, &walk->alloc.funcs, walk);
	if (!walk->yajl) {
		gr_json_walk_nomem(walk);
		return walk->status;
	}
	/* Strings are checked here, more strictly than yajl would. */
	yajl_config(walk->yajl, yajl_dont_validate_strings, 1);

	status = yajl_parse(walk->yajl, (const unsigned char *)json, len);
	if (status == yajl_status_error) {
		fail_syntax(walk, yajl_get_bytes_consumed(walk->yajl));
	} else if (status == yajl_status_ok) {
		/* Whatever goes wrong now, goes wrong at the end of the text. */
		status = yajl_complete_parse(walk->yajl);
		if (status == yajl_status_error)
			fail_syntax(walk, len);
	}
	yajl_free(walk->yajl);
	walk->yajl = NULL;
	if (walk->alloc.failed)
		gr_json_walk_nomem(walk);
	return walk->status;
}
