/*
 * The page as the HTML walk reads it: elements and texts, built from
 * libxml2's SAX events (html.c) instead of libxml2's own tree, which cost
 * an allocation per element, per text and per attribute, and their frees.
 *
 * An element keeps what the walk asks of it, looked up once when it
 * starts: which of the elements the walk knows it is (its tag), whether it
 * is skipped, a block or hidden, its spans, its source line. A text keeps
 * its bytes and its line. All of it lives in an arena that is given back
 * in the order it was taken (gr_html_tree_mark(), gr_html_tree_release()):
 * the reading of the page (html.c) frees what it has read, newest first.
 */
#ifndef GR_HTML_TREE_H
#define GR_HTML_TREE_H

#include <stddef.h>
#include <stdint.h>

enum gr_html_node_type {
	GR_HTML_ELEMENT,
	GR_HTML_TEXT,
	GR_HTML_CDATA, /* a script's or a style's text */
	GR_HTML_OTHER, /* a comment or a processing instruction */
};

/* The elements the walk tells apart by name; any other is GR_HTML_TAG_OTHER. */
enum gr_html_tag {
	GR_HTML_TAG_OTHER,
	GR_HTML_TAG_BR,
	GR_HTML_TAG_CAPTION,
	GR_HTML_TAG_PRE,
	GR_HTML_TAG_TABLE,
	GR_HTML_TAG_TD,
	GR_HTML_TAG_TH,
	GR_HTML_TAG_TR,
};

/* What an element is, besides its tag. */
#define GR_HTML_SKIPPED 1 /* its content is no text of the document */
#define GR_HTML_BLOCK 2   /* it begins and ends a block of text */
#define GR_HTML_HIDDEN 4  /* a hidden attribute, or a style that hides it */

struct gr_html_node {
	struct gr_html_node *parent, *next;
	struct gr_html_node *children, *last; /* an element's */
	/* An element: the one under it in the parser's stack of open elements
	 * while it is open (html.c). */
	struct gr_html_node *below;
	/* A text's bytes (not NUL-terminated). */
	char *text;
	size_t len;
	uint32_t line;
	uint8_t type; /* enum gr_html_node_type */
	uint8_t tag;  /* enum gr_html_tag */
	uint8_t flags;
	/* colspan and rowspan as the table reads them: 1 when absent, zero
	 * or unreadable, at most GR_HTML_MAX_COLUMNS, GR_HTML_MAX_ROWSPAN. */
	uint16_t colspan, rowspan;
};

/* A table's widest grid (cells past it are dropped) and its longest
 * rowspan. */
#define GR_HTML_MAX_COLUMNS 1000
#define GR_HTML_MAX_ROWSPAN 65534

struct gr_html_chunk;

/* Zeroed, an empty tree. */
struct gr_html_tree {
	struct gr_html_chunk *chunk; /* the newest, being filled */
	struct gr_html_chunk *spare; /* given back, kept for reuse */
};

/* A point in the arena to give everything taken after it back to. */
struct gr_html_mark {
	struct gr_html_chunk *chunk;
	size_t used;
};

void gr_html_tree_free(struct gr_html_tree *tree);
struct gr_html_mark gr_html_tree_mark(const struct gr_html_tree *tree);
/* Give back what was taken after the mark (the nodes and texts made since). */
void gr_html_tree_release(struct gr_html_tree *tree, struct gr_html_mark mark);

/*
 * An element (name as the parser gives it, attributes as name, value
 * pairs, NULL-terminated, or NULL) starting on the line, not yet linked;
 * NULL when out of memory. A name with a prefix ("o:p") is the element of
 * its local name, as libxml2 names it.
 */
struct gr_html_node *gr_html_tree_element(struct gr_html_tree *tree, const char *name,
					  const char *const *atts, uint32_t line);
/* A text (or CDATA) node with a copy of the bytes, not yet linked; NULL
 * when out of memory. */
struct gr_html_node *gr_html_tree_text(struct gr_html_tree *tree, enum gr_html_node_type type,
				       const char *s, size_t len, uint32_t line);
/* A comment or processing instruction, not yet linked. */
struct gr_html_node *gr_html_tree_other(struct gr_html_tree *tree);
/* Append bytes to the text node made last; 0, or -1 when out of memory. */
int gr_html_tree_append_text(struct gr_html_tree *tree, struct gr_html_node *text,
			     const char *s, size_t len);
/* Link the node as parent's last child. */
void gr_html_tree_add_child(struct gr_html_node *parent, struct gr_html_node *child);

/*
 * The node after `node` in document order below `top`, entering its
 * children when `descend` says so; `top` when the walk is over. The walks
 * of a subtree take their steps from here, so that none recurses.
 */
struct gr_html_node *gr_html_tree_next(const struct gr_html_node *top,
				       struct gr_html_node *node, int descend);

/* Whether a style hides what it styles (display:none, mso-hide:all,
 * visibility:hidden in its first 255 characters past blanks, case
 * ignored): 1 or 0. `raw`: the value as the page writes it, not as
 * libxml2 gives it: -1 when it holds what libxml2 would not give as
 * written (an entity, NUL, bytes that are not UTF-8). */
int gr_html_style_hides(const char *style, size_t len, int raw);

#endif
