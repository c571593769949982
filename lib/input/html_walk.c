/*
 * The walk of libxml2's tree in document order: elements whose content is
 * no text of the document (scripts, form controls, <head>) or hidden are
 * skipped, blocks begin and end a line, <br> breaks one, a table is read
 * on its grid (html_tables.c), and a subtree nested too deep is read for
 * its text alone. See html_build.h.
 */
#include <stdlib.h>
#include <string.h>

#include "input/html_build.h"
#include "input/xmltree.h"
#include "util/utf8.h"

/* ---- elements ---------------------------------------------------------- */

int
gr_html_name_is(const xmlNode *node, const char *name)
{
	return node->name && strcmp((const char *)node->name, name) == 0;
}

static int
compare_name(const void *name, const void *entry)
{
	return strcmp(name, *(const char *const *)entry);
}

/* Whether the element's name is in a sorted list: every element is
 * looked up in the two below, often several times. */
static int
name_in(const xmlNode *node, const char *const *names, size_t count)
{
	return node->name &&
	       bsearch(node->name, names, count, sizeof(*names), compare_name) != NULL;
}

/* Elements whose content is no part of the document's text; this list
 * and the next are in strcmp() order, for bsearch(). */
static const char *const skipped[] = {
	"audio", "button", "canvas", "embed", "head", "iframe", "input", "map",
	"math", "noscript", "object", "option", "script", "select", "style",
	"svg", "template", "textarea", "title", "video", "xml",
};

/* Elements that begin and end a block of text. */
static const char *const blocks[] = {
	"address", "article", "aside", "blockquote", "body", "caption",
	"center", "dd", "div", "dl", "dt", "fieldset", "figcaption", "figure",
	"footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
	"html", "legend", "li", "main", "nav", "ol", "p", "pre", "section",
	"tbody", "td", "tfoot", "th", "thead", "tr", "ul",
};

int
gr_html_is_skipped(const xmlNode *node)
{
	return name_in(node, skipped, sizeof(skipped) / sizeof(skipped[0]));
}

int
gr_html_is_block(const xmlNode *node)
{
	return name_in(node, blocks, sizeof(blocks) / sizeof(blocks[0]));
}

const char *
gr_html_attribute(const xmlNode *node, const char *name)
{
	for (const xmlAttr *a = node->properties; a; a = a->next) {
		if (strcmp((const char *)a->name, name) != 0)
			continue;
		/* libxml2's HTML parser gives an attribute one text node, or
		 * none when it has no value (xmlGetProp() copies the same). */
		if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
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

/* A hidden attribute, or a style attribute that hides the element. */
int
gr_html_is_hidden(const xmlNode *node)
{
	const char *style;

	if (!node->properties)
		return 0;
	if (gr_html_attribute(node, "hidden"))
		return 1;
	style = gr_html_attribute(node, "style");
	return style && gr_html_style_hides(style, strlen(style), 0) == 1;
}

uint32_t
gr_html_node_line(const xmlNode *node)
{
	long line = xmlGetLineNo(node);
	return line > 0 && line <= (long)UINT32_MAX ? (uint32_t)line : 0;
}

/* libxml2 numbers a text node with the line it ends on. */
static void
add_text_node(struct walker *w, const xmlNode *node)
{
	const char *s = (const char *)node->content, *nl = s;
	size_t len = strlen(s), breaks = 0;
	uint32_t line = gr_html_node_line(node);

	while ((nl = memchr(nl, '\n', len - (size_t)(nl - s))) != NULL) {
		breaks++;
		nl++;
	}
	gr_html_add_text(w, s, len, line > breaks ? line - (uint32_t)breaks : line);
}

/* Below GR_HTML_MAX_DEPTH: the subtree's text alone, without recursion. */
static void
walk_flat(struct walker *w, xmlNode *top)
{
	xmlNode *node = top->children;

	while (node && node != top) {
		if (node->type == XML_TEXT_NODE && node->content)
			add_text_node(w, node);
		node = gr_xml_next(top, node, node->type == XML_ELEMENT_NODE &&
					      !gr_html_is_skipped(node));
	}
}

void
gr_html_walk(struct walker *w, xmlNode *node, int depth)
{
	if (w->failed)
		return;
	if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
		if (node->content)
			add_text_node(w, node);
		return;
	}
	if (node->type != XML_ELEMENT_NODE || gr_html_is_skipped(node) || gr_html_is_hidden(node))
		return;
	if (depth > GR_HTML_MAX_DEPTH) {
		walk_flat(w, node);
		return;
	}
	if (gr_html_name_is(node, "br")) {
		gr_html_line_break(w);
	} else if (gr_html_name_is(node, "table") && !w->in_cell) {
		gr_html_flush_block(w);
		gr_html_read_table(w, node, depth);
	} else if (gr_html_is_block(node)) {
		int pre = w->in_pre;
		gr_html_line_break(w);
		w->in_pre = pre || gr_html_name_is(node, "pre");
		gr_html_walk_children(w, node, depth + 1);
		w->in_pre = pre;
		gr_html_line_break(w);
	} else {
		gr_html_walk_children(w, node, depth + 1);
	}
}

void
gr_html_walk_children(struct walker *w, xmlNode *node, int depth)
{
	for (xmlNode *c = node->children; c && !w->failed; c = c->next)
		gr_html_walk(w, c, depth);
}
