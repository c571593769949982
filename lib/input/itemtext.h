/*
 * A text a reader makes item by item, where the shape has no lines of its
 * own to keep (an HTML page's blocks and cells, a word-processor file's
 * paragraphs): each item's normalised text, NUL-terminated, is one line of
 * the text, and the marks of the punctuation it narrowed (printed.h) are
 * kept at its offsets. The HTML and the word-processor readers share it.
 */
#ifndef GR_INPUT_ITEMTEXT_H
#define GR_INPUT_ITEMTEXT_H

#include <stddef.h>
#include <stdint.h>

#include "input/grid.h"
#include "input/printed.h"
#include "input/text.h"
#include "util/strbuf.h"

struct gr_itemtext {
	struct gr_items *items;
	struct gr_strbuf buf;   /* the items' texts */
	struct gr_line *lines;  /* one per item */
	size_t nlines, lines_cap;
	size_t *starts;         /* each item's text in buf, until the end */
	size_t starts_cap;
	struct gr_printed printed;
};

/* Start empty, filling `items` (emptied). */
void gr_itemtext_init(struct gr_itemtext *t, struct gr_items *items);

/*
 * Add an item of `kind` with a copy of s[0, len) (normalised, trimmed),
 * from source line `line` at byte `offset` of the input. Returns the item,
 * or NULL when out of memory.
 */
struct gr_item *gr_itemtext_push(struct gr_itemtext *t, const char *s, size_t len,
				 size_t offset, uint32_t line, enum gr_item_kind kind);

/* Where the last item's text starts in the text made. */
size_t gr_itemtext_last_start(const struct gr_itemtext *t);

/*
 * Point the items at their texts and hand the text over: its buffer,
 * lines and marks go to `text`, and the builder is left to release.
 */
void gr_itemtext_finish(struct gr_itemtext *t, struct gr_text *text);

void gr_itemtext_release(struct gr_itemtext *t);

#endif
