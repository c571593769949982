/* The representation's storage; see grid.h. */
#include <string.h>

#include "util/alloc.h"
#include "input/grid.h"
#include "input/text.h"
#include "util/utf8.h"

/* Texts are kept in chunks that never move, so items may point into them. */
#define GR_CHUNK_SIZE 4096

struct gr_text_chunk {
	struct gr_text_chunk *next;
	size_t used, size;
	char data[];
};

const char *
gr_items_keep(struct gr_items *items, const char *s, size_t len)
{
	struct gr_text_chunk *c = items->chunks;
	char *kept;

	if (!c || c->size - c->used < len) {
		size_t size = len > GR_CHUNK_SIZE ? len : GR_CHUNK_SIZE;
		c = gr_malloc(sizeof(*c) + size);
		if (!c)
			return NULL;
		c->next = items->chunks;
		c->used = 0;
		c->size = size;
		items->chunks = c;
	}
	kept = c->data + c->used;
	if (len)
		memcpy(kept, s, len);
	c->used += len;
	return kept;
}

/* Per thread: a parse runs in one thread, and two never share it. */
static _Thread_local int limit_reached;

int
gr_items_limit_reached(void)
{
	int reached = limit_reached;

	limit_reached = 0;
	return reached;
}

int
gr_items_grow(struct gr_items *items)
{
	size_t cap = items->cap ? items->cap * 2 : 256;
	struct gr_item *grown;

	if (items->cap >= GR_MAX_ITEMS) {
		limit_reached = 1;
		return -1;
	}
	if (cap > GR_MAX_ITEMS)
		cap = GR_MAX_ITEMS;
	grown = gr_realloc(items->items, cap * sizeof(*grown));
	if (!grown)
		return -1;
	items->items = grown;
	items->cap = cap;
	return 0;
}

void
gr_items_release(struct gr_items *items)
{
	gr_free(items->items);
	gr_free(items->joined);
	gr_free(items->key_of);
	gr_free(items->keys);
	gr_free(items->key_pool);
	while (items->chunks) {
		struct gr_text_chunk *next = items->chunks->next;
		gr_free(items->chunks);
		items->chunks = next;
	}
	*items = (struct gr_items){ 0 };
}

int
gr_items_add_piece(struct gr_items *items, const struct gr_line *line,
		   const char *line_text, const char *s, size_t len, enum gr_item_kind kind)
{
	struct gr_item item;

	gr_trim_spaces(&s, &len);
	if (len == 0)
		return 0;
	item = gr_item_at(s, len, line->offset, line->number, kind);
	item.column = (uint32_t)(s - line_text) + 1;
	return gr_items_append(items, &item) ? 0 : -1;
}
