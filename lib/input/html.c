/*
 * HTML → cell stream through libxml2's HTML parser; see html.h.
 *
 * libxml2's HTML parser reads the markup (it recovers from broken markup
 * the way browsers do) and tells which elements it makes; our own tree of
 * them (html_tree.h) is read in document order while it is built, each
 * part freed once read (see "reading while the page is parsed" below), so
 * that the page's text is never held whole in it:
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
 * tree, its walk, the text gathered and the tables live beside it, as
 * html_build.h lists.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>

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
 * libxml2's HTML parser gives its events (an element starts, text, an
 * element ends) to the handlers below, which build the tree the walk
 * reads (html_tree.h) and read it while it is built: an element is read
 * when it ends and then freed, so that the tree holds the elements still
 * open and little else, whatever the page's length.
 * - An element the walk only descends into (a block, an inline element)
 *   is "open": its entry (a block's line break) happens when it starts,
 *   its text is read when its next child element (or a comment) starts
 *   or it ends, its exit when it ends.
 * - Any other element (a table, whose layout needs all its rows; a
 *   hidden, skipped or too deeply nested one; a <br>) is "held": built
 *   whole, then walked at its end.
 * The tree is built as libxml2's own tree builder (SAX2.c) builds it, so
 * that the page reads as it did through libxml2's tree: an element goes
 * into the one on top of the parser's stack of open elements; text goes
 * there too, joined to its last child when that is text of the same kind
 * (a comment or an element between starts a new one), and is dropped
 * when no element is open; an element started when none is open is the
 * root, or, after the root has ended, a child of the root when the root
 * is the document's first node, else beside it (markup after </html>,
 * which the walk from the root does not reach). The parser does not look
 * at the tree: the one place it reads libxml2's (HTMLparser.c, areBlanks()
 * for blank text) decides only whether a <p> is implied before the text,
 * which it does only when no element, <html> or <head> is open, and
 * those it answers before it looks at the tree.
 */

/* An open element, on the path from the root to the element being read. */
struct frame {
	struct gr_html_node *node;
	struct gr_html_mark mark; /* where its node was made */
	int block;
	int pre; /* in_pre before it began */
	struct gr_html_mark text_mark; /* where its text (node->last) was made */
};

struct stream {
	struct walker *w;
	xmlParserCtxtPtr ctxt;
	struct gr_html_tree tree;
	/* The parser's stack of open elements, as ours: its top (each
	 * element links to the one below it) and its height. */
	struct gr_html_node *top;
	int height;
	/* Whether the root has started, and is the document's first node;
	 * whether the document has a node (besides a DOCTYPE). */
	int has_root;
	int root_first;
	int doc_has_node;
	/* The root is open[0]; an element at depth d is open[d]. The root
	 * stays open to the end of the page: what follows </html> may go
	 * into it. */
	struct frame open[GR_HTML_MAX_DEPTH + 1];
	size_t nopen;
	/* The element being built whole, or NULL; walked at its end unless
	 * the walk from the root does not reach it. */
	struct gr_html_node *held;
	struct gr_html_mark held_mark;
	int held_depth;
	int held_read;
};

static void
fail(struct stream *s)
{
	s->w->failed = 1;
	xmlStopParser(s->ctxt);
}

/* Whether the reading failed (out of memory): the parse is stopped, and
 * what libxml2 still tells is not read. */
static int
has_failed(struct stream *s)
{
	if (s->w->failed)
		xmlStopParser(s->ctxt);
	return s->w->failed;
}

static struct frame *
top_frame(struct stream *s)
{
	return &s->open[s->nopen - 1];
}

/* Read the text an open element holds, and free it. */
static void
read_frame_text(struct stream *s, struct frame *f)
{
	if (!f->node->last)
		return;
	gr_html_walk(s->w, f->node->last, 0);
	f->node->children = f->node->last = NULL;
	gr_html_tree_release(&s->tree, f->text_mark);
}

static void
close_frame(struct stream *s)
{
	struct frame *f = &s->open[--s->nopen];

	read_frame_text(s, f);
	if (f->block) {
		s->w->in_pre = f->pre;
		gr_html_line_break(s->w);
	}
	gr_html_tree_release(&s->tree, f->mark);
}

static void
read_held(struct stream *s)
{
	if (s->held_read)
		gr_html_walk(s->w, s->held, s->held_depth);
	s->held = NULL;
	gr_html_tree_release(&s->tree, s->held_mark);
}

/* The top element of the parser's stack is gone: ended, or dropped
 * without an end (libxml2 drops one when the page ends inside a start
 * tag). A held element is read, an open one closed, but for the root. */
static void
pop(struct stream *s)
{
	struct gr_html_node *node = s->top;

	s->top = node->below;
	s->height--;
	if (node == s->held)
		read_held(s);
	else if (!s->held && s->nopen > 1 && node == top_frame(s)->node)
		close_frame(s);
}

/* Our stack down to the parser's `height` elements. */
static void
follow_drops(struct stream *s, int height)
{
	while (s->height > height && s->top)
		pop(s);
}

/* Whether the walk only descends into the element (it is read open). */
static int
is_open_element(const struct gr_html_node *node, size_t depth)
{
	return depth <= GR_HTML_MAX_DEPTH && node->tag != GR_HTML_TAG_BR &&
	       node->tag != GR_HTML_TAG_TABLE &&
	       !(node->flags & (GR_HTML_SKIPPED | GR_HTML_HIDDEN));
}

static uint32_t
current_line(xmlParserCtxtPtr ctxt)
{
	return ctxt->input && ctxt->input->line > 0 ? (uint32_t)ctxt->input->line : 0;
}

/* Where an element started with no element open goes: into the root
 * when the root is open to the walk (open[0]) and the document's first
 * node, else nowhere the walk reaches (NULL); *is_root says whether it
 * is the root. */
static struct gr_html_node *
top_level_parent(struct stream *s, int *is_root)
{
	int has_doctype = s->ctxt->myDoc && s->ctxt->myDoc->children;

	*is_root = !s->has_root;
	if (*is_root) {
		s->has_root = 1;
		s->root_first = !has_doctype && !s->doc_has_node;
		s->doc_has_node = 1;
		return NULL;
	}
	return s->root_first && !has_doctype && s->nopen > 0 ? s->open[0].node : NULL;
}

static void
on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct stream *s = ctxt->_private;
	struct walker *w = s->w;
	struct gr_html_node *parent, *node;
	struct gr_html_mark mark;
	int is_root = 0, reached;
	size_t depth;
	struct frame *f;

	if (has_failed(s))
		return;
	follow_drops(s, ctxt->nameNr - 1);
	parent = s->top;
	if (!parent)
		parent = top_level_parent(s, &is_root);
	/* Reached by the walk from the root: the root, or a child of the
	 * innermost open element. */
	reached = !s->held &&
		  (s->nopen == 0 ? is_root : parent && parent == top_frame(s)->node);
	if (reached && s->nopen > 0)
		read_frame_text(s, top_frame(s));
	mark = gr_html_tree_mark(&s->tree);
	node = gr_html_tree_element(&s->tree, (const char *)name, (const char *const *)atts,
				    current_line(ctxt));
	if (!node || w->failed) {
		fail(s);
		return;
	}
	node->below = s->top;
	s->top = node;
	s->height++;
	if (s->held) {
		gr_html_tree_add_child(parent, node);
		return;
	}
	depth = s->nopen;
	if (!reached || !is_open_element(node, depth)) {
		s->held = node;
		s->held_mark = mark;
		s->held_depth = (int)depth;
		s->held_read = reached;
		return;
	}
	f = &s->open[s->nopen++];
	*f = (struct frame){ .node = node, .mark = mark, .block = (node->flags & GR_HTML_BLOCK) != 0,
			     .pre = w->in_pre };
	if (f->block) {
		gr_html_line_break(w);
		w->in_pre = f->pre || node->tag == GR_HTML_TAG_PRE;
	}
}

static void
on_end(void *ctx, const xmlChar *name)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct stream *s = ctxt->_private;

	(void)name;
	if (has_failed(s))
		return;
	follow_drops(s, ctxt->nameNr);
	if (s->top)
		pop(s);
}

/* Text or CDATA, into the element on top of the parser's stack. */
static void
on_text(xmlParserCtxtPtr ctxt, const xmlChar *ch, int len, enum gr_html_node_type type)
{
	struct stream *s = ctxt->_private;
	struct gr_html_node *node, *last, *text;
	struct frame *f = NULL;
	struct gr_html_mark mark;

	if (has_failed(s) || len < 0)
		return;
	follow_drops(s, ctxt->nameNr);
	node = s->top;
	if (!node)
		return;
	last = node->last;
	if (last && last->type == type) {
		if (gr_html_tree_append_text(&s->tree, last, (const char *)ch, (size_t)len) < 0)
			fail(s);
		return;
	}
	if (!s->held) {
		f = top_frame(s);
		read_frame_text(s, f);
	}
	mark = gr_html_tree_mark(&s->tree);
	text = gr_html_tree_text(&s->tree, type, (const char *)ch, (size_t)len,
				 current_line(ctxt));
	if (!text || s->w->failed) {
		fail(s);
		return;
	}
	gr_html_tree_add_child(node, text);
	if (f)
		f->text_mark = mark;
}

static void
on_characters(void *ctx, const xmlChar *ch, int len)
{
	on_text(ctx, ch, len, GR_HTML_TEXT);
}

static void
on_cdata(void *ctx, const xmlChar *ch, int len)
{
	on_text(ctx, ch, len, GR_HTML_CDATA);
}

/* A comment or a processing instruction: it ends the text before it. */
static void
on_other(xmlParserCtxtPtr ctxt)
{
	struct stream *s = ctxt->_private;
	struct gr_html_node *other;

	if (has_failed(s))
		return;
	follow_drops(s, ctxt->nameNr);
	if (!s->top) {
		s->doc_has_node = 1;
		return;
	}
	if (!s->held) {
		read_frame_text(s, top_frame(s));
		return;
	}
	other = gr_html_tree_other(&s->tree);
	if (!other) {
		fail(s);
		return;
	}
	gr_html_tree_add_child(s->top, other);
}

static void
on_comment(void *ctx, const xmlChar *value)
{
	(void)value;
	on_other(ctx);
}

static void
on_processing_instruction(void *ctx, const xmlChar *target, const xmlChar *data)
{
	(void)target;
	(void)data;
	on_other(ctx);
}

/* What the parse left open when it ended (or stopped). */
static void
stream_finish(struct stream *s)
{
	if (!s->w->failed) {
		if (s->held)
			read_held(s);
		while (s->nopen)
			close_frame(s);
	}
	gr_html_tree_free(&s->tree);
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

/* The start tags a page may have: the tree keeps a node of about 80
 * bytes for each, and a text node beside it; a long report has a few
 * tens of thousands. More is refused with
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
	gr_gather_release(&w->gather);
	gr_html_release_tables(w);
}

/* libxml2's parser, with the handlers above for the content of the page;
 * libxml2's own make the document and its DOCTYPE, which no element goes
 * into. */
static htmlParserCtxtPtr
new_parser(struct stream *s)
{
	htmlSAXHandler sax = { 0 }; /* the fields the default leaves unset */
	htmlParserCtxtPtr ctxt;

	xmlSAX2InitHtmlDefaultSAXHandler(&sax);
	sax.startElement = on_start;
	sax.endElement = on_end;
	sax.characters = on_characters;
	sax.cdataBlock = on_cdata;
	sax.comment = on_comment;
	sax.processingInstruction = on_processing_instruction;
	ctxt = htmlCreatePushParserCtxt(&sax, NULL, NULL, 0, NULL, XML_CHAR_ENCODING_UTF8);
	if (!ctxt)
		return NULL;
	ctxt->_private = s;
	s->ctxt = ctxt;
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
			   HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
			   HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD |
			   GR_HTML_PARSE_BIG_LINES);
	/* libxml2's limits for untrusted documents off: the page's size is
	 * bounded before (gr_html_build()), and the walk reads deep subtrees
	 * without recursion. */
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
	ctxt = gr_gather_init(&w.gather) == 0 ? new_parser(&s) : NULL;
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
	/* Out of memory first: the feed may fail before libxml2 has made
	 * its document. */
	if (w.failed) {
		st = GOVREPORT_ERR_NOMEM;
	} else if (!parsed) {
		st = GOVREPORT_ERR_INTERNAL;
	} else if (items->count == 0) {
		st = GOVREPORT_ERR_INPUT_EMPTY;
	} else {
		gr_itemtext_finish(&w.made, text);
		text->traditional = gr_normalizer_converted(w.gather.norm);
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
