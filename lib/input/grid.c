/* The representation's storage; see grid.h. */
#include "alloc.h"
#include "input/grid.h"

struct gr_item *
gr_items_append(struct gr_items *items, const struct gr_item *item)
{
	if (items->count == items->cap) {
		size_t cap = items->cap ? items->cap * 2 : 256;
		struct gr_item *grown = gr_realloc(items->items, cap * sizeof(*grown));
		if (!grown)
			return NULL;
		items->items = grown;
		items->cap = cap;
	}
	items->items[items->count] = *item;
	return &items->items[items->count++];
}

void
gr_items_release(struct gr_items *items)
{
	gr_free(items->items);
	gr_free(items->joined);
	gr_free(items->key_of);
	gr_free(items->keys);
	gr_free(items->key_pool);
	*items = (struct gr_items){ 0 };
}
