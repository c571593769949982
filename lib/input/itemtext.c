/* A text made item by item; see itemtext.h. */
#include "input/itemtext.h"
#include "util/alloc.h"

void
gr_itemtext_init(struct gr_itemtext *t, struct gr_items *items)
{
	*t = (struct gr_itemtext){ .items = items };
	*items = (struct gr_items){ 0 };
	gr_strbuf_init(&t->buf);
}

struct gr_item *
gr_itemtext_push(struct gr_itemtext *t, const char *s, size_t len, size_t offset,
		 uint32_t line, enum gr_item_kind kind)
{
	struct gr_items *items = t->items;
	size_t start = t->buf.len;
	struct gr_item item = gr_item_at(NULL, len, offset, line, kind);

	if (t->starts_cap == items->count) {
		size_t cap = t->starts_cap ? t->starts_cap * 2 : 256;
		size_t *starts = gr_realloc(t->starts, cap * sizeof(*starts));
		if (!starts)
			return NULL;
		t->starts = starts;
		t->starts_cap = cap;
	}
	if (t->nlines == t->lines_cap) {
		size_t cap = t->lines_cap ? t->lines_cap * 2 : 256;
		struct gr_line *grown = gr_realloc(t->lines, cap * sizeof(*grown));
		if (!grown)
			return NULL;
		t->lines = grown;
		t->lines_cap = cap;
	}
	gr_strbuf_append(&t->buf, s, len);
	gr_strbuf_putc(&t->buf, '\0');
	if (gr_strbuf_failed(&t->buf))
		return NULL;
	t->lines[t->nlines++] = (struct gr_line){
		.start = start, .len = len, .offset = offset, .number = line,
	};
	t->starts[items->count] = start;
	return gr_items_append(items, &item);
}

size_t
gr_itemtext_last_start(const struct gr_itemtext *t)
{
	return t->starts[t->items->count - 1];
}

void
gr_itemtext_finish(struct gr_itemtext *t, struct gr_text *text)
{
	struct gr_items *items = t->items;

	for (size_t i = 0; i < items->count; i++)
		items->items[i].text = t->buf.data + t->starts[i];
	text->lines = t->lines;
	text->nlines = t->nlines;
	text->buf = gr_strbuf_steal(&t->buf, &text->len);
	text->printed = t->printed;
	t->printed = (struct gr_printed){ 0 };
	t->lines = NULL;
}

void
gr_itemtext_release(struct gr_itemtext *t)
{
	gr_strbuf_release(&t->buf);
	gr_free(t->lines);
	gr_free(t->starts);
	gr_printed_release(&t->printed);
	t->lines = NULL;
	t->starts = NULL;
}
