/*
 * What the files of govreport_from_json() share (see json_read.c for its
 * two walks): the frames of the second walk, and its parts —
 *
 *   json_read.c         the entry point, and the first walk (the template)
 *   json_read_keys.c    the keys each object takes, and what each place
 *                       expects when a value does not belong there
 *   json_read_values.c  the second walk's handler: values into the
 *                       report's fields and cells, objects opened and closed
 */
#ifndef GR_JSON_READ_H
#define GR_JSON_READ_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "output/json_walk.h"
#include "model/report.h"

/* The years a report may have. */
#define YEAR_MIN 1900
#define YEAR_MAX 9999

enum frame_kind { IN_ROOT, IN_TEXT, IN_TABLE, IN_ROW, IN_CELL };

/* Keys of the top level: the meta keys, then one per table. */
#define ROOT_KEY_TABLE(section) (GR_JSON_META_COUNT + (int)(section))
#define ROOT_KEY_COUNT (GR_JSON_META_COUNT + GR_SECTION_COUNT)
#define MAX_FRAMES 4
#define MAX_KEYS 64 /* bits in frame.seen */

struct frame {
	enum frame_kind kind;
	uint64_t seen; /* bit k: key k was read */
	int key;       /* the key whose value comes next */

	/* IN_TABLE and deeper: the table and its cells. */
	const struct gr_table *table;
	struct gr_cell *cells;
	/* IN_TABLE: the row `key` names; IN_ROW and IN_CELL: their row. */
	const struct gr_group *group;
	const struct gr_row *row;
	size_t first_cell;

	/* IN_CELL: the cell, and what its object said. */
	const struct gr_column *column;
	struct gr_cell *cell;
	int has_value;
	int64_t value;
	unsigned scale;
	int state;
};

struct builder {
	struct govreport *report;
	struct frame frames[MAX_FRAMES];
	size_t depth;
};

static inline struct frame *
top(struct builder *b)
{
	return b->depth ? &b->frames[b->depth - 1] : NULL;
}

static inline int
fail(struct gr_json_walk *walk, const char *message)
{
	return gr_json_walk_fail(walk, GOVREPORT_ERR_JSON, NULL, "%s", message);
}

static inline int
key_is(const char *key, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(key, name, len) == 0;
}

/* json_read_keys.c: fail with what the value just met should have been. */
int gr_json_read_fail_expected(struct gr_json_walk *walk);
/* The flat index of the row of f's table with this id (or the row at
 * flat index `wanted` when key is NULL), remembered in f; -1 when none. */
int gr_json_read_find_row(struct frame *f, const char *key, size_t len, int wanted);
/* The name of key k of a frame, for "<path>.<key>: missing". */
const char *gr_json_read_key_name(struct frame *f, int k);
/* The keys an object of this kind must have. */
uint64_t gr_json_read_required_keys(const struct frame *f);
/* The key event of the second walk. */
int gr_json_read_key(struct gr_json_walk *walk, const char *key, size_t len);

/* json_read_values.c: the handler of the second walk (data: a builder). */
extern const struct gr_json_handler gr_json_read_handler;

#endif
