/*
 * A walk over JSON text with yajl's callback (event) parser.
 *
 * It does what every reader of untrusted JSON needs before any meaning:
 * it refuses nesting deeper than GOVREPORT_MAX_JSON_DEPTH without
 * recursing (yajl keeps its own state on the heap), refuses strings that
 * are not UTF-8, hold U+0000 or a lone UTF-16 surrogate escape (yajl
 * decodes "\uD800" silently into garbage), keeps the path of the value
 * being read ("applications.granted.total", "[3]" inside arrays) for
 * error messages, and turns yajl's own errors into a status and a message.
 * A handler gives the events meaning.
 *
 * yajl hands numbers over as their text (the yajl_number callback), so the
 * handler can read them exactly: no binary floating point on the way.
 */
#ifndef GR_JSON_WALK_H
#define GR_JSON_WALK_H

#include <stddef.h>

#include <yajl/yajl_parse.h>

#include "output/json.h"
#include "util/strbuf.h"

struct gr_json_walk;

/*
 * What the handler does with each event. Each returns 0 to go on, or -1
 * after gr_json_walk_fail(). Any may be NULL: the event is then accepted.
 * For map_start and array_start, walk->depth counts the containers around
 * the new one (0 for the document's top level); for map_end and
 * array_end, those around the one closing. The path is always that of the
 * value the event is about, or for key() that of the key's value.
 */
struct gr_json_handler {
	int (*null)(struct gr_json_walk *walk);
	int (*boolean)(struct gr_json_walk *walk, int value);
	int (*number)(struct gr_json_walk *walk, const char *text, size_t len);
	int (*string)(struct gr_json_walk *walk, const char *s, size_t len);
	int (*map_start)(struct gr_json_walk *walk);
	int (*key)(struct gr_json_walk *walk, const char *key, size_t len);
	int (*map_end)(struct gr_json_walk *walk);
	int (*array_start)(struct gr_json_walk *walk);
	int (*array_end)(struct gr_json_walk *walk);
};

/* An open container: where its own path ends, and the next array index. */
struct gr_json_frame {
	size_t path_len;
	size_t next_index;
	int is_array;
};

struct gr_json_walk {
	const struct gr_json_handler *handler;
	void *data; /* the handler's own state */

	size_t depth; /* containers open around the current value */
	struct gr_json_frame frames[GOVREPORT_MAX_JSON_DEPTH];
	struct gr_strbuf path;

	enum govreport_status status;
	struct gr_strbuf message;

	/* Private to json_walk.c. */
	const char *json;
	size_t lone_surrogate; /* offset of the first one in json, or SIZE_MAX */
	yajl_handle yajl;
	struct gr_json_alloc alloc;
};

void gr_json_walk_init(struct gr_json_walk *walk,
		       const struct gr_json_handler *handler, void *data);

/*
 * Walk len bytes of JSON (not NUL-terminated). Returns GOVREPORT_OK,
 * GOVREPORT_ERR_JSON (malformed, bad string, or refused by the handler),
 * GOVREPORT_ERR_LIMIT (too deep) or GOVREPORT_ERR_NOMEM; the message then
 * says why and where.
 */
enum govreport_status gr_json_walk_run(struct gr_json_walk *walk,
				       const char *json, size_t len);

/*
 * Stop the walk with a status and a message "<path>: <fmt…>", where the
 * path is the current one, followed by ".child" when child is not NULL
 * (a key that is missing). The top level's path reads "(root)". Returns -1
 * so that a handler can `return gr_json_walk_fail(…);`.
 */
int gr_json_walk_fail(struct gr_json_walk *walk, enum govreport_status status,
		      const char *child, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Stop the walk: out of memory (no message). Returns -1. */
int gr_json_walk_nomem(struct gr_json_walk *walk);

/* Hand the failure message over (freed with gr_free()), or NULL. */
char *gr_json_walk_steal_message(struct gr_json_walk *walk);

void gr_json_walk_release(struct gr_json_walk *walk);

#endif
