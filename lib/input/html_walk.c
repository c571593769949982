/*
 * The walk of the page's tree (html_tree.h) in document order: elements
 * whose content is no text of the document (scripts, form controls,
 * <head>) or hidden are skipped, blocks begin and end a line, <br> breaks
 * one, a table is read on its grid (html_tables.c), and a subtree nested
 * too deep is read for its text alone. See html_build.h.
 */
#include <string.h>

#include "input/html_build.h"

/* A text node's text, into the block or cell: libxml2 numbers it with the
 * line it ends on. */
static void
read_text(struct walker *w, const struct gr_html_node *text)
{
	const char *s = text->text, *nl = s, *end = s + text->len;
	uint32_t breaks = 0;

	while ((nl = memchr(nl, '\n', (size_t)(end - nl))) != NULL) {
		breaks++;
		nl++;
	}
	gr_html_add_text(w, s, text->len, text->line > breaks ? text->line - breaks : text->line);
}

/* Below GR_HTML_MAX_DEPTH: the subtree's text alone, without recursion. */
static void
walk_flat(struct walker *w, const struct gr_html_node *top)
{
	struct gr_html_node *node = top->children;

	while (node && node != top) {
		if (node->type == GR_HTML_TEXT)
			read_text(w, node);
		node = gr_html_tree_next(top, node, node->type == GR_HTML_ELEMENT &&
						      !(node->flags & GR_HTML_SKIPPED));
	}
}

void
gr_html_walk(struct walker *w, const struct gr_html_node *node, int depth)
{
	if (w->failed)
		return;
	if (node->type == GR_HTML_TEXT || node->type == GR_HTML_CDATA) {
		read_text(w, node);
		return;
	}
	if (node->type != GR_HTML_ELEMENT || (node->flags & (GR_HTML_SKIPPED | GR_HTML_HIDDEN)))
		return;
	if (depth > GR_HTML_MAX_DEPTH) {
		walk_flat(w, node);
		return;
	}
	if (node->tag == GR_HTML_TAG_BR) {
		gr_html_line_break(w);
	} else if (node->tag == GR_HTML_TAG_TABLE && !w->in_cell) {
		gr_html_flush_block(w);
		gr_html_read_table(w, node, depth);
	} else if (node->flags & GR_HTML_BLOCK) {
		int pre = w->in_pre;
		gr_html_line_break(w);
		w->in_pre = pre || node->tag == GR_HTML_TAG_PRE;
		gr_html_walk_children(w, node, depth + 1);
		w->in_pre = pre;
		gr_html_line_break(w);
	} else {
		gr_html_walk_children(w, node, depth + 1);
	}
}

void
gr_html_walk_children(struct walker *w, const struct gr_html_node *node, int depth)
{
	for (const struct gr_html_node *c = node->children; c && !w->failed; c = c->next)
		gr_html_walk(w, c, depth);
}
