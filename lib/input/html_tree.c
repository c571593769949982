/*
 * The page as the HTML walk reads it, in an arena; see html_tree.h.
 */
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "input/html_tree.h"
#include "util/alloc.h"
#include "util/utf8.h"

/* ---- the arena ----------------------------------------------------------- */

/* What a chunk holds, unless one thing asks for more. */
#define GR_HTML_CHUNK_SIZE ((size_t)32 << 10)

struct gr_html_chunk {
	struct gr_html_chunk *prev;
	size_t size, used;
	alignas(struct gr_html_node) char data[];
};

static void
free_chunks(struct gr_html_chunk *c)
{
	while (c) {
		struct gr_html_chunk *prev = c->prev;
		gr_free(c);
		c = prev;
	}
}

void
gr_html_tree_free(struct gr_html_tree *tree)
{
	free_chunks(tree->chunk);
	free_chunks(tree->spare);
	*tree = (struct gr_html_tree){ 0 };
}

struct gr_html_mark
gr_html_tree_mark(const struct gr_html_tree *tree)
{
	return (struct gr_html_mark){ .chunk = tree->chunk,
				      .used = tree->chunk ? tree->chunk->used : 0 };
}

void
gr_html_tree_release(struct gr_html_tree *tree, struct gr_html_mark mark)
{
	while (tree->chunk != mark.chunk) {
		struct gr_html_chunk *c = tree->chunk;
		tree->chunk = c->prev;
		c->prev = tree->spare;
		tree->spare = c;
	}
	if (tree->chunk)
		tree->chunk->used = mark.used;
}

/* A chunk with room for n bytes, made the newest: a spare one when it is
 * large enough. A large request gets twice its size, so that a text
 * growing in it moves seldom. */
static struct gr_html_chunk *
new_chunk(struct gr_html_tree *tree, size_t n)
{
	struct gr_html_chunk *c = tree->spare;
	size_t size = GR_HTML_CHUNK_SIZE;

	if (n > GR_HTML_CHUNK_SIZE / 2) {
		if (n > (SIZE_MAX - sizeof(*c)) / 2)
			return NULL;
		size = 2 * n;
	}
	if (c && c->size >= size) {
		tree->spare = c->prev;
	} else {
		c = gr_malloc(sizeof(*c) + size);
		if (!c)
			return NULL;
		c->size = size;
	}
	c->prev = tree->chunk;
	c->used = 0;
	tree->chunk = c;
	return c;
}

static void *
take(struct gr_html_tree *tree, size_t n, size_t align)
{
	struct gr_html_chunk *c = tree->chunk;

	if (c) {
		size_t at = (c->used + align - 1) & ~(align - 1);
		if (at <= c->size && n <= c->size - at) {
			c->used = at + n;
			return c->data + at;
		}
	}
	c = new_chunk(tree, n);
	if (!c)
		return NULL;
	c->used = n;
	return c->data;
}

static struct gr_html_node *
new_node(struct gr_html_tree *tree, enum gr_html_node_type type)
{
	struct gr_html_node *node = take(tree, sizeof(*node), alignof(struct gr_html_node));

	if (node)
		*node = (struct gr_html_node){ .type = (uint8_t)type };
	return node;
}

/* ---- elements ------------------------------------------------------------ */

struct known_element {
	const char *name;
	uint8_t tag, flags;
};

/* The names the walk asks about, in strcmp() order for bsearch(). */
static const struct known_element known[] = {
	{ "address", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "article", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "aside", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "audio", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "blockquote", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "body", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "br", GR_HTML_TAG_BR, 0 },
	{ "button", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "canvas", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "caption", GR_HTML_TAG_CAPTION, GR_HTML_BLOCK },
	{ "center", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "dd", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "div", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "dl", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "dt", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "embed", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "fieldset", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "figcaption", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "figure", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "footer", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "form", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "h1", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "h2", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "h3", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "h4", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "h5", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "h6", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "head", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "header", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "hr", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "html", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "iframe", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "input", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "legend", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "li", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "main", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "map", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "math", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "nav", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "noscript", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "object", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "ol", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "option", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "p", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "pre", GR_HTML_TAG_PRE, GR_HTML_BLOCK },
	{ "script", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "section", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "select", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "style", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "svg", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "table", GR_HTML_TAG_TABLE, 0 },
	{ "tbody", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "td", GR_HTML_TAG_TD, GR_HTML_BLOCK },
	{ "template", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "textarea", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "tfoot", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "th", GR_HTML_TAG_TH, GR_HTML_BLOCK },
	{ "thead", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "title", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "tr", GR_HTML_TAG_TR, GR_HTML_BLOCK },
	{ "ul", GR_HTML_TAG_OTHER, GR_HTML_BLOCK },
	{ "video", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
	{ "xml", GR_HTML_TAG_OTHER, GR_HTML_SKIPPED },
};

static int
compare_name(const void *name, const void *entry)
{
	return strcmp(name, ((const struct known_element *)entry)->name);
}

/* The name libxml2 gives the element (xmlSplitQName()): what follows the
 * first ':', unless the name starts or ends there. */
static const char *
local_name(const char *name)
{
	const char *colon = name[0] != ':' ? strchr(name, ':') : NULL;

	return colon && colon[1] ? colon + 1 : name;
}

int
gr_html_style_hides(const char *style, size_t len, int raw)
{
	static const char *const hiding[] = { "display:none", "mso-hide:all",
					      "visibility:hidden", NULL };
	char squeezed[256];
	size_t n = 0;

	/* libxml2 gives well-formed UTF-8 as written; not the rest. */
	if (raw && gr_utf8_valid_prefix(style, len) < len)
		return -1;
	for (size_t i = 0; i < len && n + 1 < sizeof(squeezed); i++) {
		char c = style[i];
		if (raw && (c == '&' || c == '\0'))
			return -1;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		squeezed[n++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	squeezed[n] = '\0';
	for (const char *const *h = hiding; *h; h++)
		if (strstr(squeezed, *h))
			return 1;
	return 0;
}

/* A colspan or rowspan: its leading digits past spaces, 1 for none or 0. */
static uint16_t
span(const char *v, size_t max)
{
	size_t n = 0;

	if (!v)
		return 1;
	while (*v == ' ')
		v++;
	for (; *v >= '0' && *v <= '9' && n <= max; v++)
		n = n * 10 + (size_t)(*v - '0');
	if (n == 0)
		return 1;
	return (uint16_t)(n > max ? max : n);
}

/* The attributes the walk reads (libxml2 gives their names in lower case,
 * each once; a value may be missing). */
static void
read_attributes(struct gr_html_node *node, const char *const *atts)
{
	for (size_t i = 0; atts[i]; i += 2) {
		const char *name = atts[i], *value = atts[i + 1];
		if (strcmp(name, "colspan") == 0) {
			node->colspan = span(value, GR_HTML_MAX_COLUMNS);
		} else if (strcmp(name, "rowspan") == 0) {
			node->rowspan = span(value, GR_HTML_MAX_ROWSPAN);
		} else if (strcmp(name, "hidden") == 0) {
			node->flags |= GR_HTML_HIDDEN;
		} else if (strcmp(name, "style") == 0 && value &&
			   gr_html_style_hides(value, strlen(value), 0) == 1) {
			node->flags |= GR_HTML_HIDDEN;
		}
	}
}

struct gr_html_node *
gr_html_tree_element(struct gr_html_tree *tree, const char *name, const char *const *atts,
		     uint32_t line)
{
	struct gr_html_node *node = new_node(tree, GR_HTML_ELEMENT);
	const struct known_element *k;

	if (!node)
		return NULL;
	k = bsearch(local_name(name), known, sizeof(known) / sizeof(known[0]), sizeof(known[0]),
		    compare_name);
	if (k) {
		node->tag = k->tag;
		node->flags = k->flags;
	}
	node->colspan = node->rowspan = 1;
	node->line = line;
	if (atts)
		read_attributes(node, atts);
	return node;
}

/* ---- texts and the rest ------------------------------------------------ */

struct gr_html_node *
gr_html_tree_text(struct gr_html_tree *tree, enum gr_html_node_type type, const char *s,
		  size_t len, uint32_t line)
{
	struct gr_html_node *node = new_node(tree, type);

	if (!node)
		return NULL;
	/* Taken after the node, so that it ends the arena and grows in place. */
	node->text = take(tree, len, 1);
	if (!node->text)
		return NULL;
	memcpy(node->text, s, len);
	node->len = len;
	node->line = line;
	return node;
}

struct gr_html_node *
gr_html_tree_other(struct gr_html_tree *tree)
{
	return new_node(tree, GR_HTML_OTHER);
}

int
gr_html_tree_append_text(struct gr_html_tree *tree, struct gr_html_node *text, const char *s,
			 size_t len)
{
	struct gr_html_chunk *c = tree->chunk;
	char *moved;

	if (c && text->text + text->len == c->data + c->used && len > c->size - c->used &&
	    text->text == c->data) {
		/* The text fills its chunk alone (it moved there, below): the
		 * chunk grows, as libxml2's text grew, and no mark points into
		 * it (marks are taken before a node is made). */
		struct gr_html_chunk *grown;
		size_t size;
		if (text->len + len > (SIZE_MAX - sizeof(*c)) / 2)
			return -1;
		size = 2 * (text->len + len);
		grown = gr_realloc(c, sizeof(*c) + size);
		if (!grown)
			return -1;
		grown->size = size;
		tree->chunk = c = grown;
		text->text = c->data;
	}
	if (c && text->text + text->len == c->data + c->used && len <= c->size - c->used) {
		memcpy(c->data + c->used, s, len);
		c->used += len;
		text->len += len;
		return 0;
	}
	moved = take(tree, text->len + len, 1);
	if (!moved)
		return -1;
	memcpy(moved, text->text, text->len);
	memcpy(moved + text->len, s, len);
	text->text = moved;
	text->len += len;
	return 0;
}

void
gr_html_tree_add_child(struct gr_html_node *parent, struct gr_html_node *child)
{
	child->parent = parent;
	if (parent->last)
		parent->last->next = child;
	else
		parent->children = child;
	parent->last = child;
}

struct gr_html_node *
gr_html_tree_next(const struct gr_html_node *top, struct gr_html_node *node, int descend)
{
	if (descend && node->children)
		return node->children;
	while (node != top && !node->next)
		node = node->parent;
	return node != top ? node->next : (struct gr_html_node *)top;
}
