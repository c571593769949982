/*
 * The one representation between the input shapes and the tables.
 *
 * Every front end (frontends.h) turns its shape into this: a sequence of
 * items in reading order, each a paragraph (a line of prose, a heading, a
 * lone fragment) or a table cell. A cell keeps what its shape states about
 * it and nothing more:
 * - `table`, `row` and `col` when the shape draws a grid (HTML, Markdown
 *   and pipe rows, tab-separated rows, grid tables): 1-based, 0 when the
 *   shape does not say (a cell per line says nothing about rows);
 * - `rowspan` and `colspan` when the shape merges cells (0: not stated);
 * - `x0` and `x1`, its horizontal extent, when the shape gives positions
 *   (display columns of pdftotext -layout; GR_NO_EXTENT otherwise);
 * - its source line and byte offset, always.
 * A reader never invents a join its format does not state: what it does
 * not know stays unknown, for the table aligner (tables.h) to decide.
 */
#ifndef GR_INPUT_GRID_H
#define GR_INPUT_GRID_H

#include <stddef.h>
#include <stdint.h>

enum gr_item_kind {
	GR_ITEM_LINE = 0, /* a paragraph: prose, a heading, or a lone cell */
	GR_ITEM_CELL = 1, /* a cell a table shape marked as one */
};

#define GR_NO_EXTENT UINT16_MAX

struct gr_item {
	const char *text; /* trimmed; not NUL-terminated */
	size_t len;
	size_t offset;    /* byte offset of the source line in the input */
	uint32_t line;    /* 1-based source line */
	uint32_t column;  /* 1-based byte column in the normalised line */
	uint8_t kind;     /* enum gr_item_kind */
	uint8_t rowspan;  /* 0: not stated; larger spans are kept as 255 */
	uint8_t colspan;
	/* Empty lines right before it in text read a line at a time (an
	 * empty cell of LibreOffice's text export, a cell per line; 255:
	 * that many or more); 0 where the shape does not say. */
	uint8_t blank_before;
	uint16_t table;   /* 1-based table block of the shape; 0: not stated */
	uint16_t col;     /* 1-based grid column; 0: not stated */
	uint32_t row;     /* 1-based grid row within its table; 0: not stated */
	uint16_t x0, x1;  /* horizontal extent, or GR_NO_EXTENT */
};

/* An item's label key (label.h), kept by gr_item_keys_make(). */
struct gr_item_key {
	uint64_t mask;
	uint32_t start; /* of its characters in key_pool, or GR_KEY_REMADE */
	uint8_t len;
	uint8_t truncated;
};

/* A key with a character past U+FFFF: not kept, made again when asked. */
#define GR_KEY_REMADE UINT32_MAX

struct gr_text_chunk;

struct gr_items {
	struct gr_item *items;
	size_t count, cap;
	char *joined; /* text of cells joined across lines (pdflayout.c) */
	/* The shape drops an empty cell without a trace (one-line web text,
	 * plain pdftotext): a row with fewer values than cells does not say
	 * which were empty (tables_unstated.c places them by the equations). */
	int blanks_unstated;
	struct gr_text_chunk *chunks; /* texts a reader made (gr_items_keep) */
	/* Keys of the items, made once per parse (NULL until then): per item
	 * 1 + the index of its key in keys, or 0 when it has none. */
	uint32_t *key_of;
	struct gr_item_key *keys;
	uint16_t *key_pool; /* the keys' characters, 16 bits each */
};

/* An item with no grid position, at a source line: fill in the rest. */
static inline struct gr_item
gr_item_at(const char *text, size_t len, size_t offset, uint32_t line,
	   enum gr_item_kind kind)
{
	return (struct gr_item){ .text = text, .len = len, .offset = offset,
				 .line = line, .column = 1, .kind = (uint8_t)kind,
				 .x0 = GR_NO_EXTENT, .x1 = GR_NO_EXTENT };
}

/* A span attribute as the representation keeps it. */
static inline uint8_t
gr_span(size_t n)
{
	return n > 255 ? 255 : (uint8_t)n;
}

/*
 * The most items a document may make: far more than any report holds
 * (a few hundred cells, a few thousand paragraphs), and what keeps them
 * (48 bytes each, and their keys) within a constant whatever the input's
 * shape. More is refused with GOVREPORT_ERR_INPUT_TOO_LARGE.
 */
#define GR_MAX_ITEMS ((size_t)1 << 19)

/* Make room for one more item. Returns 0, or -1 when out of memory or
 * at GR_MAX_ITEMS (gr_items_limit_reached() then says so). */
int gr_items_grow(struct gr_items *items);

/* Whether this thread's last reading stopped at GR_MAX_ITEMS; clears
 * it. */
int gr_items_limit_reached(void);

/*
 * Append an item (copied). Returns a pointer to the stored item, or NULL
 * when out of memory (the items are left as they were). Inline: readers
 * call it for every cell.
 */
static inline struct gr_item *
gr_items_append(struct gr_items *items, const struct gr_item *item)
{
	if (items->count == items->cap && gr_items_grow(items) < 0)
		return NULL;
	items->items[items->count] = *item;
	return &items->items[items->count++];
}

/*
 * A copy of s that lives as long as the items: for a cell whose text a
 * reader put together from several pieces. Returns NULL when out of memory.
 */
const char *gr_items_keep(struct gr_items *items, const char *s, size_t len);

struct gr_line;

/*
 * Append s[0, len), a piece of `line` (whose text starts at line_text),
 * trimmed, as an item of that line; nothing when only spaces are left.
 * Returns 0, or -1 when out of memory.
 */
int gr_items_add_piece(struct gr_items *items, const struct gr_line *line,
		       const char *line_text, const char *s, size_t len,
		       enum gr_item_kind kind);

/* Whether two cells are known to sit in the same grid row of one table. */
static inline int
gr_items_same_row(const struct gr_item *a, const struct gr_item *b)
{
	return a->row && a->table == b->table && a->row == b->row;
}

void gr_items_release(struct gr_items *items);

#endif
