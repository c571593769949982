/*
 * The cell stream: the document as a sequence of items, each a prose line
 * or a table cell, with its source line, whatever the layout (cells ending
 * in " |", tab-indented cells, Markdown rows, one paragraph per cell).
 * Nothing above this module looks at layout.
 */
#ifndef GR_CELLS_H
#define GR_CELLS_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

enum gr_item_kind {
	GR_ITEM_LINE = 0, /* a whole line: prose, a heading, or a lone cell */
	GR_ITEM_CELL = 1, /* a cell a table layout marked as one */
};

struct gr_item {
	const char *text; /* trimmed; not NUL-terminated */
	size_t len;
	size_t offset;   /* byte offset of the source line in the input */
	uint32_t line;   /* 1-based source line */
	uint32_t column; /* 1-based byte column in the normalised line */
	uint8_t kind;    /* enum gr_item_kind */
};

/* An item's label key (label.h), kept by gr_item_keys_make(). */
struct gr_item_key {
	uint64_t mask;
	uint32_t start; /* of its characters in key_pool */
	uint8_t len;
	uint8_t truncated;
};

struct gr_items {
	struct gr_item *items;
	size_t count, cap;
	char *joined; /* text of cells joined across lines */
	/* Keys of the items, made once per parse (NULL until then): per item
	 * 1 + the index of its key in keys, or 0 when it has none. */
	uint32_t *key_of;
	struct gr_item_key *keys;
	int32_t *key_pool;
};

/* Split the document into items. Returns 0, or -1 when out of memory. */
int gr_items_build(const struct gr_text *text, struct gr_items *out);
void gr_items_release(struct gr_items *items);

#endif
