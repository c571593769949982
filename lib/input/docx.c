/*
 * .docx (WordprocessingML) → the representation of grid.h.
 *
 * The archive is opened with the limits of zip.h; word/document.xml is
 * read with libxml2 (docbuild.h: no network, no entities, no DTD) and its
 * body walked in document order:
 * - a paragraph (w:p) is a line item: the text of its runs (w:t), a tab
 *   (w:tab) as a space, a break (w:br, w:cr) ending the line; text
 *   inside insertions (w:ins), content controls (w:sdt), hyperlinks and
 *   smart tags is read, deletions (w:del, w:moveFrom, w:delText) are not;
 *   of a field only its shown result (between w:fldChar separate and end;
 *   w:instrText never);
 * - automatic numbering (w:numPr, of the paragraph or of its style) is
 *   rendered from word/numbering.xml into the text: a counter per list
 *   (numId) and level, lower levels restarted, w:lvlText with each %N
 *   replaced by level N's number in its w:numFmt (decimal, chineseCounting,
 *   ideographTraditional, enclosed numbers, letters, roman …), so that a
 *   heading numbered by Word keeps its 一、 or （一）;
 * - a table (w:tbl) is laid out on the grid the file states: a cell
 *   starts at the row's w:gridBefore and takes w:gridSpan columns; a
 *   w:vMerge continuation extends the cell above it; cells are emitted as
 *   docbuild.h says. A table that holds a table lays out a page: its
 *   cells are read as paragraphs and tables of their own;
 * - drawings, text boxes, footnotes, headers and footers are not read.
 *
 * The numbering lives in docx_numbering.c, what both share in docx.h.
 */
#include <string.h>

#include <libxml/tree.h>

#include "util/alloc.h"
#include "input/docbuild.h"
#include "input/docx.h"
#include "input/readers.h"
#include "input/xmltree.h"
#include "input/zip.h"

#define MAX_FIELD_DEPTH 32

/* ---- the body ----------------------------------------------------------- */

static int
field_shown(const struct docx *d)
{
	return d->field_instr == 0;
}

static void
field_char(struct docx *d, const xmlNode *node)
{
	char buf[16];
	const char *type = attr(node, "fldCharType", buf, sizeof(buf));

	if (!type)
		return;
	if (strcmp(type, "begin") == 0) {
		if (d->field_depth < MAX_FIELD_DEPTH)
			d->field_instr |= 1u << d->field_depth;
		d->field_depth++;
	} else if (strcmp(type, "separate") == 0 && d->field_depth > 0) {
		if (d->field_depth <= MAX_FIELD_DEPTH)
			d->field_instr &= ~(1u << (d->field_depth - 1));
	} else if (strcmp(type, "end") == 0 && d->field_depth > 0) {
		d->field_depth--;
		if (d->field_depth < MAX_FIELD_DEPTH)
			d->field_instr &= ~(1u << d->field_depth);
	}
}

static void
run_content(struct docx *d, const xmlNode *run)
{
	for (xmlNode *c = run->children; c; c = c->next) {
		if (!is_w_ns(c) || c->type != XML_ELEMENT_NODE)
			continue;
		if (is_w(c, "fldChar")) {
			field_char(d, c);
		} else if (!field_shown(d)) {
			continue;
		} else if (is_w(c, "t")) {
			for (xmlNode *t = c->children; t; t = t->next)
				if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) &&
				    t->content)
					gr_docbuild_text(&d->b, (const char *)t->content,
							 strlen((const char *)t->content));
		} else if (is_w(c, "tab") || is_w(c, "ptab")) {
			gr_docbuild_space(&d->b, 1);
		} else if (is_w(c, "br") || is_w(c, "cr")) {
			gr_docbuild_break(&d->b);
		} else if (is_w(c, "noBreakHyphen")) {
			gr_docbuild_text(&d->b, "-", 1);
		}
	}
}

/* The runs of a paragraph, inside whatever wraps them. */
static void
runs(struct docx *d, const xmlNode *node, int depth)
{
	if (depth > GR_DOC_MAX_DEPTH)
		return;
	for (xmlNode *c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !is_w_ns(c) || is_properties(c))
			continue;
		if (is_w(c, "r"))
			run_content(d, c);
		else if (!is_w(c, "del") && !is_w(c, "moveFrom"))
			runs(d, c, depth + 1); /* ins, sdt, hyperlink, fldSimple … */
	}
}

static void
paragraph(struct docx *d, const xmlNode *p, int depth)
{
	gr_docx_number_paragraph(d, child(p, "pPr"));
	if (gr_strbuf_failed(&d->num))
		d->b.failed = 1;
	else if (d->num.len)
		gr_docbuild_text(&d->b, d->num.data, d->num.len);
	runs(d, p, depth + 1);
	gr_docbuild_end_paragraph(&d->b);
}

static void table(struct docx *d, const xmlNode *tbl, int depth);

/* Block content: paragraphs and tables, in content controls and
 * insertions too; deletions and properties skipped. */
static void
blocks(struct docx *d, const xmlNode *node, int depth)
{
	if (depth > GR_DOC_MAX_DEPTH)
		return;
	for (xmlNode *c = node->children; c && !d->b.failed; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !is_w_ns(c) || is_properties(c))
			continue;
		if (is_w(c, "p"))
			paragraph(d, c, depth);
		else if (is_w(c, "tbl"))
			table(d, c, depth);
		else if (!is_w(c, "del") && !is_w(c, "moveFrom"))
			blocks(d, c, depth + 1);
	}
}

/* Whether a table lies below the node (iteratively). */
static int
is_w_tbl(const xmlNode *node)
{
	return is_w(node, "tbl");
}

/* Rows or cells (`name`) of a table or row, in wrappers (w:sdt,
 * w:customXml, w:ins) too; a row or cell deleted as a tracked change is
 * not one. Calls fn for each. */
static void
each(struct docx *d, const xmlNode *node, const char *name, int depth,
     void (*fn)(struct docx *, const xmlNode *, void *), void *data)
{
	if (depth > GR_DOC_MAX_DEPTH)
		return;
	for (xmlNode *c = node->children; c && !d->b.failed; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !is_w_ns(c) || is_properties(c) ||
		    is_w(c, "del") || is_w(c, "moveFrom"))
			continue;
		if (is_w(c, name)) {
			const xmlNode *pr = child(c, strcmp(name, "tr") == 0 ? "trPr" : "tcPr");
			if (!child(pr, "del"))
				fn(d, c, data);
		} else if (!is_w(c, "tbl") && !is_w(c, "p") && !is_w(c, "tr") &&
			   !is_w(c, "tc")) {
			each(d, c, name, depth + 1, fn, data);
		}
	}
}

struct grid {
	struct gr_doctable t;
	long *above; /* per column: the cell a vMerge continues, or -1 */
	uint32_t row, col;
	int depth;
};

static void
grid_cell(struct docx *d, const xmlNode *tc, void *data)
{
	struct grid *g = data;
	const xmlNode *pr = child(tc, "tcPr");
	const xmlNode *vmerge = child(pr, "vMerge");
	long span = child_val(pr, "gridSpan", 1);
	char buf[16];
	const char *v = attr(vmerge, "val", buf, sizeof(buf));
	long idx;

	if (span < 1)
		span = 1;
	if (span > GR_DOC_MAX_COLUMNS)
		span = GR_DOC_MAX_COLUMNS;
	if (g->col >= GR_DOC_MAX_COLUMNS)
		return;
	if (vmerge && (!v || strcmp(v, "continue") == 0) && g->above[g->col] >= 0) {
		struct gr_doccell *above = &g->t.cells[g->above[g->col]];
		above->rowspan = g->row - above->row + 1;
		g->col += (uint32_t)span;
		return;
	}
	gr_docbuild_begin_cell(&d->b);
	blocks(d, tc, g->depth + 1);
	idx = gr_doctable_add_gathered(&d->b, &g->t, g->row, g->col, 1, (uint32_t)span);
	if (idx >= 0)
		for (long k = 0; k < span && g->col + k < GR_DOC_MAX_COLUMNS; k++)
			g->above[g->col + k] = k == 0 ? idx : -1;
	g->col += (uint32_t)span;
}

static void
grid_row(struct docx *d, const xmlNode *tr, void *data)
{
	struct grid *g = data;
	long before = child_val(child(tr, "trPr"), "gridBefore", 0);

	if (g->row >= GR_DOC_MAX_ROWS)
		return;
	g->col = before > GR_DOC_MAX_COLUMNS ? GR_DOC_MAX_COLUMNS : (uint32_t)before;
	each(d, tr, "tc", g->depth + 1, grid_cell, g);
	g->row++;
	g->t.nrows = g->row;
}

static void
layout_cell(struct docx *d, const xmlNode *tc, void *data)
{
	blocks(d, tc, *(int *)data + 1);
}

static void
layout_row(struct docx *d, const xmlNode *tr, void *data)
{
	each(d, tr, "tc", *(int *)data + 1, layout_cell, data);
}

static void
table(struct docx *d, const xmlNode *tbl, int depth)
{
	struct grid g = { .depth = depth };

	gr_docbuild_end_paragraph(&d->b);
	if (gr_xml_has_descendant(tbl, is_w_tbl)) {
		/* A page laid out in a table: its cells hold the text. */
		each(d, tbl, "tr", depth + 1, layout_row, &depth);
		return;
	}
	g.above = gr_malloc(GR_DOC_MAX_COLUMNS * sizeof(*g.above));
	if (!g.above) {
		d->b.failed = 1;
		return;
	}
	for (size_t k = 0; k < GR_DOC_MAX_COLUMNS; k++)
		g.above[k] = -1;
	each(d, tbl, "tr", depth + 1, grid_row, &g);
	gr_docbuild_table(&d->b, &g.t);
	gr_doctable_release(&g.t);
	gr_free(g.above);
}

/* ---- the front end -------------------------------------------------------- */

/* An optional part: read when there, skipped when absent. */
static enum govreport_status
optional_part(struct docx *d, struct gr_zip *zip, const char *name,
	      int (*reader)(struct docx *, xmlDoc *))
{
	xmlDoc *doc;
	enum govreport_status st = gr_doc_read_xml(zip, name, &doc);

	if (st == GOVREPORT_ERR_NOT_FOUND)
		return GOVREPORT_OK;
	if (st != GOVREPORT_OK)
		return st;
	st = reader(d, doc) < 0 ? GOVREPORT_ERR_NOMEM : GOVREPORT_OK;
	xmlFreeDoc(doc);
	return st;
}

enum govreport_status
gr_docx_build(struct gr_source *src, struct gr_text *text, struct gr_items *items)
{
	struct docx d = { 0 };
	struct gr_zip *zip = NULL;
	xmlDoc *doc = NULL;
	xmlNode *root, *body;
	enum govreport_status st;

	*text = (struct gr_text){ 0 };
	*items = (struct gr_items){ 0 };
	st = gr_doc_open_zip(src, &zip);
	if (st != GOVREPORT_OK)
		return st;
	st = gr_doc_read_xml(zip, "word/document.xml", &doc);
	if (st == GOVREPORT_ERR_NOT_FOUND)
		st = GOVREPORT_ERR_INPUT_NOT_TEXT;
	if (st == GOVREPORT_OK)
		st = optional_part(&d, zip, "word/numbering.xml", gr_docx_read_numbering);
	if (st == GOVREPORT_OK)
		st = optional_part(&d, zip, "word/styles.xml", gr_docx_read_styles);
	gr_zip_close(zip);
	gr_strbuf_init(&d.num);
	if (st == GOVREPORT_OK && gr_docbuild_init(&d.b, items) < 0)
		st = GOVREPORT_ERR_NOMEM;
	if (st == GOVREPORT_OK) {
		root = xmlDocGetRootElement(doc);
		body = root ? child(root, "body") : NULL;
		if (body)
			blocks(&d, body, 0);
		st = gr_docbuild_finish(&d.b, text);
	} else if (d.b.gather.norm) {
		gr_docbuild_finish(&d.b, text);
	}
	xmlFreeDoc(doc);
	gr_free(d.abstracts);
	gr_free(d.lists);
	gr_free(d.styles);
	gr_strbuf_release(&d.num);
	return st;
}
