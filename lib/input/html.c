/*
 * HTML → cell stream through libxml2's HTML parser; see html.h.
 *
 * libxml2's HTML parser builds the tree (it recovers from broken markup
 * the way browsers do), and the tree is read in document order while it
 * is built, each part freed once read (see "reading while the page is
 * parsed" below), so that the page's text is never held whole in it:
 * - text outside tables is gathered block by block (p, div, h1…h6, li, …;
 *   a <br> ends a line too), whitespace collapsed as a browser does, and
 *   each block becomes a line item;
 * - a table is laid out on its grid, rowspan and colspan expanded, and
 *   read row by row: each cell's text once, at the cell's first grid slot,
 *   as a cell item. A slot that a value cell (a number, a dash or nothing)
 *   spans into is an empty cell when a cell of the row follows, so that
 *   the values after it keep their columns; a slot that a label spans
 *   into, or that ends the row, is nothing, as in the text
 *   layouts (the stub of a merged "三、本年度办理结果" leaves nothing on the
 *   rows below it). Text inside a cell (nested <p>, <span>, <br>) is
 *   joined: without a space where a line break falls between Chinese
 *   characters, with one elsewhere;
 * - a table that holds another table, or has a single column, is page
 *   layout, not data: its cells are read as blocks;
 * - <head>, scripts, styles, form controls, hidden elements (display:none,
 *   Word's mso-hide:all) and Word's conditional markers (<![if …]>) are
 *   skipped.
 * Every text is normalised as text input is (SPEC §4); items keep the
 * source line of their element.
 *
 * This file holds the reading of the page while libxml2 parses it; the
 * walk of the tree, the text gathered and the tables live beside it, as
 * html_build.h lists.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include "util/alloc.h"
#include "input/html.h"
#include "input/html_build.h"
#include "input/normalize.h"
#include "util/strbuf.h"

/*
 * Line numbers past 65535 (else libxml2 keeps 16 bits and every later
 * node says 65535). Newer libxml2 takes the option in the HTML parser's
 * options (HTML_PARSE_BIG_LINES, the same bit); 2.9 ignores it there but
 * honours it set in the context before the read.
 */
#define GR_HTML_PARSE_BIG_LINES XML_PARSE_BIG_LINES

/* ---- reading while the page is parsed ----------------------------------- */

/*
 * The walk (html_walk.c), done while libxml2 builds the tree: an element is read
 * when it ends and then emptied, so that the tree holds the elements still
 * open and little else, whatever the page's length.
 * - An element the walk only descends into (a block, an inline element)
 *   is "open": its entry (a block's line break) happens when it starts,
 *   the texts in it are read when its next child element starts or it
 *   ends, its exit when it ends.
 * - Any other element (a table, whose layout needs all its rows; a
 *   hidden, skipped or too deeply nested one; a <br>) is "held": built
 *   whole, then walked at its end as the whole tree was before.
 * The parser looks at the tree too: whether blank text is kept depends on
 * the last child of the element being parsed (HTMLparser.c, areBlanks),
 * and text is appended to that child when it is text. So the last child
 * of an open element is never removed: an element that has ended stays,
 * emptied, until the next child element of its parent starts or its
 * parent ends.
 */

/* An open element, on the path from the root to the element being read. */
struct frame {
	xmlNode *node;
	int block;
	int pre; /* in_pre before it began */
};

struct stream {
	struct walker *w;
	/* libxml2's tree builder, which the hooks below call first. */
	startElementSAXFunc start;
	endElementSAXFunc end;
	/* The root is open[0]; an element at depth d is open[d]. */
	struct frame open[GR_HTML_MAX_DEPTH + 1];
	size_t nopen;
	/* The element being built whole, or NULL: at held_nr - 1 in the
	 * parser's stack of elements while it is open. It is walked at its
	 * end unless it lies outside the root (markup after </html>, which
	 * libxml2 puts beside the root when a DOCTYPE comes first). */
	xmlNode *held;
	int held_nr;
	int held_depth;
	int held_read;
};

static void
free_children(xmlNode *node)
{
	xmlFreeNodeList(node->children);
	node->children = node->last = NULL;
}

/* Read the texts among node's children before `upto` (all of them for
 * NULL) and free those children: the elements among them were read when
 * they ended. */
static void
read_children(struct walker *w, xmlNode *node, const xmlNode *upto)
{
	xmlNode *c = node->children;

	while (c && c != upto) {
		xmlNode *next = c->next;
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
			gr_html_walk(w, c, 0);
		xmlUnlinkNode(c);
		xmlFreeNode(c);
		c = next;
	}
}

/* Whether the walk only descends into the element (it is read open). */
static int
is_open_element(xmlNode *node, size_t depth)
{
	return depth <= GR_HTML_MAX_DEPTH && !gr_html_is_skipped(node) &&
	       !gr_html_name_is(node, "br") && !gr_html_name_is(node, "table") && !gr_html_is_hidden(node);
}

static void
hold(struct stream *s, xmlParserCtxtPtr ctxt, size_t depth, int read)
{
	s->held = ctxt->node;
	s->held_nr = ctxt->nodeNr;
	s->held_depth = (int)depth;
	s->held_read = read;
}

/* Whether the held element is still being built. libxml2 drops an
 * element from its stack without ending it when the page ends inside its
 * start tag, so the stack says, not the end events. */
static int
held_open(const struct stream *s, xmlParserCtxtPtr ctxt)
{
	return ctxt->nodeNr >= s->held_nr && ctxt->nodeTab[s->held_nr - 1] == s->held;
}

static void
read_held(struct stream *s)
{
	if (s->held_read)
		gr_html_walk(s->w, s->held, s->held_depth);
	free_children(s->held);
	s->held = NULL;
}

static void
close_frame(struct stream *s)
{
	struct frame *f = &s->open[--s->nopen];

	read_children(s->w, f->node, NULL);
	if (f->block) {
		s->w->in_pre = f->pre;
		gr_html_line_break(s->w);
	}
}

/* Close the frames above node's; returns 0 when node has none. Frames
 * are left above it by elements libxml2 dropped without an end (see
 * held_open()). */
static int
close_above(struct stream *s, const xmlNode *node)
{
	size_t d = s->nopen;

	while (d > 0 && s->open[d - 1].node != node)
		d--;
	if (d == 0)
		return 0;
	while (s->nopen > d)
		close_frame(s);
	return 1;
}

/* atts (name, value pairs; names lower case, each once) without the
 * attributes the walk does not read (gr_html_reads_attribute()), into
 * kept; NULL when none is left. The page's bytes lose them before
 * libxml2 reads them (html_feed.c) unless it stopped rewriting tags. */
static const xmlChar **
keep_read_attributes(const xmlChar **atts, const xmlChar **kept)
{
	size_t n = 0;

	for (size_t i = 0; atts && atts[i] && n < 2 * GR_HTML_READ_ATTRIBUTES; i += 2) {
		const char *name = (const char *)atts[i];
		if (gr_html_reads_attribute(name, strlen(name))) {
			kept[n++] = atts[i];
			kept[n++] = atts[i + 1];
		}
	}
	kept[n] = NULL;
	return n ? kept : NULL;
}

static void
on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct stream *s = ctxt->_private;
	struct walker *w = s->w;
	xmlNode *before = ctxt->node, *node;
	const xmlChar *kept[2 * GR_HTML_READ_ATTRIBUTES + 1];
	size_t depth;
	struct frame *f;

	s->start(ctx, name, keep_read_attributes(atts, kept));
	node = ctxt->node;
	if (s->held && !held_open(s, ctxt))
		read_held(s);
	if (!node || node == before || s->held)
		return;
	if (w->failed) {
		xmlStopParser(ctxt);
		return;
	}
	/* Elements the walk from the root does not reach are held unread. */
	if (s->nopen == 0 ? node != xmlDocGetRootElement(node->doc)
			  : !close_above(s, node->parent)) {
		hold(s, ctxt, s->nopen, 0);
		return;
	}
	depth = s->nopen;
	if (depth > 0)
		read_children(w, node->parent, node);
	if (!is_open_element(node, depth)) {
		hold(s, ctxt, depth, 1);
		return;
	}
	f = &s->open[s->nopen++];
	*f = (struct frame){ .node = node, .block = gr_html_is_block(node), .pre = w->in_pre };
	if (f->block) {
		gr_html_line_break(w);
		w->in_pre = f->pre || gr_html_name_is(node, "pre");
	}
}

static void
on_end(void *ctx, const xmlChar *name)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct stream *s = ctxt->_private;
	xmlNode *node = ctxt->node;
	int was_held;

	s->end(ctx, name);
	if (s->held) {
		if (held_open(s, ctxt))
			return; /* an element in it */
		was_held = node == s->held;
		read_held(s);
		if (was_held)
			return;
	}
	/* The root stays open to the end of the page: libxml2 adds what
	 * follows </html> to it (when no DOCTYPE comes first). */
	if (node && s->nopen > 1 && node != s->open[0].node && close_above(s, node))
		close_frame(s);
}

/* What the parse left open when it ended (or stopped). */
static void
stream_finish(struct stream *s)
{
	if (s->held)
		read_held(s);
	while (s->nopen)
		close_frame(s);
}

/* ---- the document -------------------------------------------------------- */

int
gr_html_available(void)
{
	return 1;
}

/* libxml2 sets up its global tables once, before any thread parses. */
static pthread_once_t libxml2_once = PTHREAD_ONCE_INIT;

static void
init_libxml2(void)
{
	xmlInitParser();
}

/* The start tags a page may have: libxml2 keeps a node of about 120
 * bytes for each, and a text node as large beside it; a long report has
 * a few tens of thousands. More is refused with
 * GOVREPORT_ERR_INPUT_TOO_LARGE, so that the tree stays within a constant
 * whatever the page (100,000 nested tables, three tags each, are read). */
#define GR_HTML_MAX_TAGS ((size_t)1 << 19)

/* An upper bound of the page's elements: its start tags. */
static size_t
count_tags(const struct gr_text *raw)
{
	size_t n = 0;

	for (size_t i = 0; i < raw->nlines; i++) {
		const char *s = gr_line_text(raw, &raw->lines[i]), *end = s + raw->lines[i].len;
		while ((s = memchr(s, '<', (size_t)(end - s))) != NULL) {
			s++;
			n += s < end && ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z');
		}
	}
	return n;
}

static void
walker_release(struct walker *w)
{
	gr_itemtext_release(&w->made);
	gr_strbuf_release(&w->acc);
	gr_strbuf_release(&w->tmp);
	gr_printed_release(&w->noted);
	gr_normalizer_free(w->norm);
	gr_html_release_tables(w);
}

/* libxml2's parser, with the tree builder's element callbacks wrapped by
 * the reading above. */
static htmlParserCtxtPtr
new_parser(struct stream *s)
{
	htmlSAXHandler sax = { 0 }; /* the fields the default leaves unset */
	htmlParserCtxtPtr ctxt;

	xmlSAX2InitHtmlDefaultSAXHandler(&sax);
	s->start = sax.startElement;
	s->end = sax.endElement;
	sax.startElement = on_start;
	sax.endElement = on_end;
	ctxt = htmlCreatePushParserCtxt(&sax, NULL, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
	if (!ctxt)
		return NULL;
	ctxt->_private = s;
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
			   HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
			   HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD |
			   GR_HTML_PARSE_BIG_LINES);
	/* Nesting deeper than 256 elements: libxml2 stops the parse there
	 * ("Excessive depth") unless told the document may be huge; the
	 * walk reads deep subtrees without recursion. */
	ctxt->options |= GR_HTML_PARSE_BIG_LINES | XML_PARSE_HUGE;
	ctxt->linenumbers = 1;
	return ctxt;
}

enum govreport_status
gr_html_build(const struct gr_text *raw, struct gr_text *text,
	      struct gr_items *items)
{
	struct walker w = { .raw = raw };
	struct stream s = { .w = &w };
	htmlParserCtxtPtr ctxt;
	size_t len;
	int parsed;
	enum govreport_status st = GOVREPORT_OK;

	*text = (struct gr_text){ 0 };
	gr_itemtext_init(&w.made, items);
	pthread_once(&libxml2_once, init_libxml2);
	/* Fed line by line to the push parser: neither a joined copy of the
	 * page nor libxml2's copy of it is kept whole (each is as large as
	 * the input). */
	len = 0;
	for (size_t i = 0; i < raw->nlines; i++)
		len += raw->lines[i].len + 1;
	if (len > INT32_MAX || count_tags(raw) > GR_HTML_MAX_TAGS)
		return GOVREPORT_ERR_INPUT_TOO_LARGE;
	w.norm = gr_normalizer_new();
	gr_strbuf_init(&w.acc);
	gr_strbuf_init(&w.tmp);
	if (w.norm)
		gr_normalizer_note_printed(w.norm, &w.noted);
	ctxt = w.norm ? new_parser(&s) : NULL;
	if (!ctxt) {
		walker_release(&w);
		return GOVREPORT_ERR_NOMEM;
	}
	/* Line by line, without the attributes the walk does not read
	 * (html_feed.c). */
	if (gr_html_feed(ctxt, raw) < 0)
		w.failed = 1;
	stream_finish(&s);
	gr_html_flush_block(&w);
	parsed = ctxt->myDoc != NULL;
	xmlFreeDoc(ctxt->myDoc);
	ctxt->myDoc = NULL;
	htmlFreeParserCtxt(ctxt);
	if (!parsed) {
		st = GOVREPORT_ERR_INTERNAL;
	} else if (w.failed) {
		st = GOVREPORT_ERR_NOMEM;
	} else if (items->count == 0) {
		st = GOVREPORT_ERR_INPUT_EMPTY;
	} else {
		gr_itemtext_finish(&w.made, text);
		text->traditional = gr_normalizer_converted(w.norm);
		text->gb18030 = raw->gb18030;
		text->invalid = raw->invalid;
		text->invalid_offset = raw->invalid_offset;
		text->invalid_line = raw->invalid_line;
	}
	walker_release(&w);
	if (st != GOVREPORT_OK) {
		gr_items_release(items);
		gr_text_release(text);
	}
	return st;
}
