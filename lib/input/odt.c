/*
 * .odt (OpenDocument text) → the representation of grid.h, through the
 * same archive and XML code as docx.c (docbuild.h).
 *
 * content.xml's office:text is walked in document order:
 * - a paragraph or heading (text:p, text:h) is a line item: its text,
 *   with spans, links and fields read for their text, text:s and
 *   text:tab as a space, text:line-break ending the line; notes,
 *   annotations, frames and the deleted text of tracked changes
 *   (text:tracked-changes) are not read;
 * - a list item (text:list-item) is read as its paragraphs, the first
 *   prefixed by the number LibreOffice wrote for it (text:number) when
 *   there is one; a heading's own text:number is its text too;
 * - a table (table:table) is laid out on its grid: each table:table-cell
 *   and table:covered-table-cell (a slot a span covers) takes a column,
 *   spans come from table:number-columns-spanned and
 *   table:number-rows-spanned, and table:number-columns-repeated /
 *   table:number-rows-repeated repeat a cell or row (at most
 *   GR_ODT_MAX_REPEAT copies: a repeated empty row a million times long
 *   costs nothing). A table that holds a table lays out a page.
 */
#include <string.h>

#include <libxml/tree.h>

#include "util/alloc.h"
#include "input/docbuild.h"
#include "input/readers.h"
#include "input/xmltree.h"
#include "input/zip.h"

#define GR_ODT_MAX_REPEAT 100

#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"

struct odt {
	struct gr_docbuild b;
	struct gr_strbuf prefix; /* a list item's number, for its first paragraph */
};

static int
is(const xmlNode *node, const char *ns, const char *name)
{
	return node->type == XML_ELEMENT_NODE && node->ns &&
	       strcmp((const char *)node->ns->href, ns) == 0 &&
	       (!name || strcmp((const char *)node->name, name) == 0);
}

static long
attr_count(const xmlNode *node, const char *ns, const char *name, long max)
{
	xmlChar *v = xmlGetNsProp(node, (const xmlChar *)name, (const xmlChar *)ns);
	long n = 0;

	if (!v)
		return 1;
	for (const xmlChar *p = v; *p >= '0' && *p <= '9' && n <= max; p++)
		n = n * 10 + (*p - '0');
	xmlFree(v);
	if (n < 1)
		return 1;
	return n > max ? max : n;
}

static void
inline_text(struct odt *d, const xmlNode *node, int depth)
{
	if (depth > GR_DOC_MAX_DEPTH)
		return;
	for (xmlNode *c = node->children; c && !d->b.failed; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				gr_docbuild_text(&d->b, (const char *)c->content,
						 strlen((const char *)c->content));
		} else if (is(c, NS_TEXT, "s")) {
			gr_docbuild_space(&d->b, (size_t)attr_count(c, NS_TEXT, "c", 1000));
		} else if (is(c, NS_TEXT, "tab")) {
			gr_docbuild_space(&d->b, 1);
		} else if (is(c, NS_TEXT, "line-break")) {
			gr_docbuild_break(&d->b);
		} else if (is(c, NS_TEXT, "note") || is(c, NS_TEXT, "ruby-text") ||
			   is(c, NS_TEXT, "tracked-changes") || is(c, NS_TEXT, "change")) {
			continue;
		} else if (is(c, NS_TEXT, NULL)) {
			inline_text(d, c, depth + 1); /* span, a, number, fields … */
		}
	}
}

static void
paragraph(struct odt *d, const xmlNode *p, int depth)
{
	if (d->prefix.len) {
		gr_docbuild_text(&d->b, d->prefix.data, d->prefix.len);
		gr_docbuild_space(&d->b, 1);
		d->prefix.len = 0;
	}
	inline_text(d, p, depth + 1);
	gr_docbuild_end_paragraph(&d->b);
}

static void table(struct odt *d, const xmlNode *tbl, int depth);

/* The text of a text:number, as the prefix of the item's paragraph. */
static void
take_number(struct odt *d, const xmlNode *number)
{
	for (const xmlNode *c = number->children; c; c = c->next)
		if (c->type == XML_TEXT_NODE && c->content)
			gr_strbuf_puts(&d->prefix, (const char *)c->content);
	if (gr_strbuf_failed(&d->prefix))
		d->b.failed = 1;
}

static void
blocks(struct odt *d, const xmlNode *node, int depth)
{
	if (depth > GR_DOC_MAX_DEPTH)
		return;
	for (xmlNode *c = node->children; c && !d->b.failed; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, NS_TEXT, "p") || is(c, NS_TEXT, "h")) {
			paragraph(d, c, depth);
		} else if (is(c, NS_TABLE, "table")) {
			table(d, c, depth);
		} else if (is(c, NS_TEXT, "list-item") || is(c, NS_TEXT, "list-header")) {
			d->prefix.len = 0;
			for (xmlNode *n = c->children; n; n = n->next)
				if (is(n, NS_TEXT, "number"))
					take_number(d, n);
			blocks(d, c, depth + 1);
			d->prefix.len = 0;
		} else if (is(c, NS_TEXT, "tracked-changes") || is(c, NS_TEXT, "note") ||
			   is(c, NS_TEXT, "number") ||
			   (is(c, NS_TEXT, NULL) && strstr((const char *)c->name, "-decls"))) {
			continue;
		} else if (is(c, NS_TEXT, NULL) || is(c, NS_OFFICE, "text") ||
			   is(c, NS_TABLE, NULL)) {
			blocks(d, c, depth + 1); /* list, section, index body … */
		}
	}
}

static int
is_odf_table(const xmlNode *node)
{
	return is(node, NS_TABLE, "table");
}

struct grid {
	struct gr_doctable t;
	uint32_t row;
	int depth;
};

static void
grid_row(struct odt *d, struct grid *g, const xmlNode *tr)
{
	uint32_t col = 0;

	for (xmlNode *c = tr->children; c && !d->b.failed; c = c->next) {
		long repeat, colspan, rowspan, idx;
		if (!is(c, NS_TABLE, "table-cell") && !is(c, NS_TABLE, "covered-table-cell"))
			continue;
		repeat = attr_count(c, NS_TABLE, "number-columns-repeated", GR_DOC_MAX_COLUMNS);
		if (col >= GR_DOC_MAX_COLUMNS)
			break;
		if (is(c, NS_TABLE, "covered-table-cell")) {
			col += (uint32_t)repeat;
			continue;
		}
		colspan = attr_count(c, NS_TABLE, "number-columns-spanned", GR_DOC_MAX_COLUMNS);
		rowspan = attr_count(c, NS_TABLE, "number-rows-spanned", GR_DOC_MAX_ROWS);
		gr_docbuild_begin_cell(&d->b);
		blocks(d, c, g->depth + 1);
		idx = gr_doctable_add_gathered(&d->b, &g->t, g->row, col, (uint32_t)rowspan,
					       (uint32_t)colspan);
		for (long k = 1; idx >= 0 && k < repeat && k < GR_ODT_MAX_REPEAT; k++)
			gr_doctable_repeat(&d->b, &g->t, (size_t)idx, col + (uint32_t)k);
		col += (uint32_t)repeat;
	}
}

/* Rows directly in the table or in its header rows, row groups … */
static void
grid_rows(struct odt *d, struct grid *g, const xmlNode *node, int depth)
{
	if (depth > GR_DOC_MAX_DEPTH)
		return;
	for (xmlNode *c = node->children; c && !d->b.failed; c = c->next) {
		if (is(c, NS_TABLE, "table-row")) {
			long repeat = attr_count(c, NS_TABLE, "number-rows-repeated",
						 GR_ODT_MAX_REPEAT);
			for (long k = 0; k < repeat && g->row < GR_DOC_MAX_ROWS; k++) {
				grid_row(d, g, c);
				g->row++;
				g->t.nrows = g->row;
			}
		} else if (is(c, NS_TABLE, "table-header-rows") ||
			   is(c, NS_TABLE, "table-rows") || is(c, NS_TABLE, "table-row-group")) {
			grid_rows(d, g, c, depth + 1);
		}
	}
}

static void
table(struct odt *d, const xmlNode *tbl, int depth)
{
	struct grid g = { .depth = depth };

	gr_docbuild_end_paragraph(&d->b);
	if (gr_xml_has_descendant(tbl, is_odf_table)) {
		/* A page laid out in a table: its cells hold the text. */
		blocks(d, tbl, depth + 1);
		return;
	}
	grid_rows(d, &g, tbl, depth + 1);
	gr_docbuild_table(&d->b, &g.t);
	gr_doctable_release(&g.t);
}

enum govreport_status
gr_odt_build(struct gr_source *src, struct gr_text *text, struct gr_items *items)
{
	struct odt d = { 0 };
	struct gr_zip *zip = NULL;
	xmlDoc *doc = NULL;
	xmlNode *root;
	enum govreport_status st;

	*text = (struct gr_text){ 0 };
	*items = (struct gr_items){ 0 };
	st = gr_doc_open_zip(src, &zip);
	if (st != GOVREPORT_OK)
		return st;
	st = gr_doc_read_xml(zip, "content.xml", &doc);
	gr_zip_close(zip);
	if (st == GOVREPORT_ERR_NOT_FOUND)
		st = GOVREPORT_ERR_INPUT_NOT_TEXT;
	if (st != GOVREPORT_OK)
		return st;
	gr_strbuf_init(&d.prefix);
	if (gr_docbuild_init(&d.b, items) < 0) {
		gr_docbuild_finish(&d.b, text);
		xmlFreeDoc(doc);
		return GOVREPORT_ERR_NOMEM;
	}
	root = xmlDocGetRootElement(doc);
	for (xmlNode *c = root ? root->children : NULL; c; c = c->next)
		if (is(c, NS_OFFICE, "body"))
			blocks(&d, c, 0);
	st = gr_docbuild_finish(&d.b, text);
	xmlFreeDoc(doc);
	gr_strbuf_release(&d.prefix);
	return st;
}
