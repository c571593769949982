/*
 * What the files of the HTML reader share (see html.c for how it reads a
 * page): the state of the walk, and the step each file takes —
 *
 *   html_text.c    the items a page yields, and text gathered into the
 *                  block or cell being read, whitespace collapsed
 *   html_tree.h    the tree the walk reads, built from libxml2's events
 *   html_walk.c    the walk of the tree: elements skipped, hidden, blocks
 *   html_tables.c  a table laid out on its grid, rowspan and colspan
 *                  expanded, read row by row
 *   html_feed.c    the page handed to libxml2, without the attributes
 *                  the walk does not read
 *   html.c         the page read while libxml2 parses it
 */
#ifndef GR_HTML_BUILD_H
#define GR_HTML_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/HTMLparser.h>

#include "input/grid.h"
#include "input/html_tree.h"
#include "input/itemtext.h"
#include "input/gather.h"
#include "input/normalize.h"
#include "input/printed.h"
#include "input/text.h"
#include "util/strbuf.h"

/* Elements nested deeper than this are read for their text alone. */
#define GR_HTML_MAX_DEPTH 256

enum pending { PENDING_NONE = 0, PENDING_SPACE = 1, PENDING_BREAK = 2 };

struct walker {
	const struct gr_text *raw;
	/* What the walk produces: the items, and the text they point into
	 * (a line per item). */
	struct gr_itemtext made;
	/* The block or cell being read. */
	struct gr_gather gather;
	uint32_t acc_line;
	enum pending pending;
	int in_cell; /* breaks join the cell's text instead of ending it */
	int in_pre;
	int failed;
	uint16_t tables; /* data tables read so far: the current one's number */
	/* Room the page's tables share (html_tables.c). */
	struct table *table;
	int table_in_use;
};

/* ---- the steps ----------------------------------------------------------- */

/* html_feed.c: whether the walk reads the attribute (colspan, rowspan,
 * hidden, style; case ignored: the ones html_tree.c keeps), and the page
 * fed to libxml2's push parser to its end without the others. 0, or -1
 * when out of memory. */
int gr_html_reads_attribute(const char *name, size_t len);
int gr_html_feed(htmlParserCtxtPtr ctxt, const struct gr_text *raw);

/* html_text.c: an item with a copy of its (normalised, trimmed) text, or
 * NULL when out of memory. */
struct gr_item *gr_html_push_item(struct walker *w, const char *s, size_t len,
				  uint32_t line, enum gr_item_kind kind);
/* Normalise what was gathered (trimmed) into *s, *len; resets the
 * gathering. 0, or -1 when out of memory. */
int gr_html_take_gathered(struct walker *w, const char **s, size_t *len);
/* End the block being read: a line item, unless it holds no text. */
void gr_html_flush_block(struct walker *w);
/* A line break: it ends the block, or joins the cell's text. */
void gr_html_line_break(struct walker *w);
/* Text of the page, starting on the given line, into the block or cell. */
void gr_html_add_text(struct walker *w, const char *s, size_t len, uint32_t line);

/* html_walk.c: read a node (its text, or the element and what it holds)
 * and the children of one. */
void gr_html_walk(struct walker *w, const struct gr_html_node *node, int depth);
void gr_html_walk_children(struct walker *w, const struct gr_html_node *node, int depth);

/* html_tables.c: a table as cell items on its grid, or as blocks when it
 * lays out a page. */
void gr_html_read_table(struct walker *w, const struct gr_html_node *table, int depth);
void gr_html_release_tables(struct walker *w);

#endif
