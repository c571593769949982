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
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>

#include "util/alloc.h"
#include "tables/cellvalue.h"
#include "input/html.h"
#include "input/xmltree.h"
#include "input/normalize.h"
#include "util/strbuf.h"
#include "util/utf8.h"

/* Tables larger than this (grid slots) are read as page layout. */
/*
 * Line numbers past 65535 (else libxml2 keeps 16 bits and every later
 * node says 65535). Newer libxml2 takes the option in the HTML parser's
 * options (HTML_PARSE_BIG_LINES, the same bit); 2.9 ignores it there but
 * honours it set in the context before the read.
 */
#define GR_HTML_PARSE_BIG_LINES XML_PARSE_BIG_LINES
#define GR_HTML_MAX_COLUMNS 1000
#define GR_HTML_MAX_ROWSPAN 65534
/* Elements nested deeper than this are read for their text alone. */
#define GR_HTML_MAX_DEPTH 256

enum pending { PENDING_NONE = 0, PENDING_SPACE = 1, PENDING_BREAK = 2 };

struct walker {
	const struct gr_text *raw;
	struct gr_normalizer *norm;
	/* What the walk produces: texts (each NUL-terminated), one line per
	 * item, and the items, whose text pointers are set at the end. */
	struct gr_strbuf buf;
	struct gr_line *lines;
	size_t nlines, lines_cap;
	struct gr_items *items;
	size_t *starts;
	size_t starts_cap;
	/* The block or cell being read, as written (UTF-8, not normalised). */
	struct gr_strbuf acc;
	struct gr_strbuf tmp;
	/* Where the blocks' text narrowed punctuation (printed.h). */
	struct gr_printed printed;
	uint32_t acc_line;
	enum pending pending;
	int in_cell; /* breaks join the cell's text instead of ending it */
	int in_pre;
	int failed;
	uint16_t tables; /* data tables read so far: the current one's number */
};

/* ---- output ---------------------------------------------------------- */

static size_t
source_offset(const struct walker *w, uint32_t line)
{
	if (line == 0 || line > w->raw->nlines)
		return 0;
	return w->raw->lines[line - 1].offset;
}

/* libxml2 counts the lines it was given; the raw text may be a stretch of
 * a larger document (an HTML table inside Markdown), whose own numbers
 * its lines keep. */
static uint32_t
source_line(const struct walker *w, uint32_t line)
{
	if (line == 0 || line > w->raw->nlines)
		return line;
	return w->raw->lines[line - 1].number;
}

/* Add an item with a copy of its (normalised, trimmed) text. */
static struct gr_item *
push_item(struct walker *w, const char *s, size_t len, uint32_t line,
	  enum gr_item_kind kind)
{
	struct gr_items *items = w->items;
	size_t start = w->buf.len;
	struct gr_item item = gr_item_at(NULL, len, source_offset(w, line),
					 source_line(w, line), kind);

	if (w->starts_cap == items->count) {
		size_t cap = w->starts_cap ? w->starts_cap * 2 : 256;
		size_t *starts = gr_realloc(w->starts, cap * sizeof(*starts));
		if (!starts)
			return NULL;
		w->starts = starts;
		w->starts_cap = cap;
	}
	if (w->nlines == w->lines_cap) {
		size_t cap = w->lines_cap ? w->lines_cap * 2 : 256;
		struct gr_line *grown = gr_realloc(w->lines, cap * sizeof(*grown));
		if (!grown)
			return NULL;
		w->lines = grown;
		w->lines_cap = cap;
	}
	gr_strbuf_append(&w->buf, s, len);
	gr_strbuf_putc(&w->buf, '\0');
	if (gr_strbuf_failed(&w->buf))
		return NULL;
	w->lines[w->nlines++] = (struct gr_line){
		.start = start, .len = len, .offset = source_offset(w, line),
		.number = source_line(w, line),
	};
	w->starts[items->count] = start;
	return gr_items_append(items, &item);
}

/* Normalise what was gathered into w->tmp (trimmed); resets the gathering. */
static int
take_gathered(struct walker *w, const char **s, size_t *len)
{
	/* Emptied, not freed: a page has thousands of blocks and cells. */
	w->tmp.len = 0;
	gr_strbuf_append(&w->tmp, "", 0);
	if (w->acc.len && gr_normalize_utf8(w->norm, w->acc.data, w->acc.len, &w->tmp) < 0)
		return -1;
	if (gr_strbuf_failed(&w->tmp) || gr_strbuf_failed(&w->acc))
		return -1;
	*s = w->tmp.data;
	*len = w->tmp.len;
	gr_trim_spaces(s, len);
	w->acc.len = 0;
	w->pending = PENDING_NONE;
	return 0;
}

/* End the block being read: a line item, unless it holds no text. Its
 * marks say where it narrowed punctuation (the gathered text, as written,
 * stays in acc's bytes). */
static void
flush_block(struct walker *w)
{
	const char *s;
	size_t len, written = w->acc.len;
	uint32_t line = w->acc_line;

	if (w->failed || w->acc.len == 0) {
		w->pending = PENDING_NONE;
		return;
	}
	if (take_gathered(w, &s, &len) < 0 ||
	    (len > 0 && !push_item(w, s, len, line, GR_ITEM_LINE)))
		w->failed = 1;
	else if (len > 0 &&
		 gr_printed_note(&w->printed, w->acc.data, written, w->tmp.data, w->tmp.len,
				 (size_t)(s - w->tmp.data), len,
				 w->starts[w->items->count - 1]) < 0)
		w->failed = 1;
}

/* ---- gathering text --------------------------------------------------- */

static int32_t
last_code_point(const struct gr_strbuf *b)
{
	size_t start = b->len, pos;

	while (start > 0 && (b->data[start - 1] & 0xC0) == 0x80)
		start--;
	if (start == 0)
		return -1;
	pos = --start;
	return gr_utf8_next(b->data, b->len, &pos);
}

static void
line_break(struct walker *w)
{
	if (w->in_cell) {
		if (w->acc.len)
			w->pending = PENDING_BREAK;
	} else {
		flush_block(w);
	}
}

/* Word's downlevel-revealed conditionals reach the tree as text:
 * "<![if !supportLists]>", "<![endif]>". Their length at s, or 0. */
static size_t
conditional_marker(const char *s, size_t len)
{
	const char *end;

	if (len < 4 || memcmp(s, "<![", 3) != 0)
		return 0;
	end = memchr(s, '>', len);
	if (!end || end[-1] != ']')
		return 0;
	return (size_t)(end - s) + 1;
}

/* Where the characters from i on meet a blank or a '<' (or len). */
static size_t
run_end(const char *s, size_t len, size_t i)
{
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80) {
			i += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '<')
			break;
		i++;
	}
	return i < len ? i : len;
}

static void
add_text(struct walker *w, const char *s, size_t len, uint32_t line)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		size_t n, skip;
		int32_t cp;

		if (c == '<' && (skip = conditional_marker(s + i, len - i)) != 0) {
			i += skip;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			if (c == '\n')
				line++;
			if (w->in_pre && c == '\n') {
				line_break(w);
			} else if (w->in_pre && w->acc.len) {
				gr_strbuf_putc(&w->acc, (char)c);
			} else if (w->acc.len) {
				enum pending p = c == '\n' || c == '\r' ? PENDING_BREAK
									 : PENDING_SPACE;
				if (p > w->pending)
					w->pending = p;
			}
			i++;
			continue;
		}
		n = i;
		cp = gr_utf8_next(s, len, &n);
		if (cp < 0)
			break;
		if (w->pending != PENDING_NONE && w->acc.len) {
			if (!(w->pending == PENDING_BREAK &&
			      gr_is_wide(last_code_point(&w->acc), GR_WIDE_PROSE) &&
			      gr_is_wide(cp, GR_WIDE_PROSE)))
				gr_strbuf_putc(&w->acc, ' ');
		}
		w->pending = PENDING_NONE;
		if (w->acc.len == 0)
			w->acc_line = line;
		/* The characters up to the next blank or '<' go in at once,
		 * stepped as gr_utf8_next() steps. */
		n = run_end(s, len, n);
		gr_strbuf_append(&w->acc, s + i, n - i);
		i = n;
	}
}

/* ---- elements ---------------------------------------------------------- */

static int
name_is(const xmlNode *node, const char *name)
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

static int
is_skipped(const xmlNode *node)
{
	return name_in(node, skipped, sizeof(skipped) / sizeof(skipped[0]));
}

static int
is_block(const xmlNode *node)
{
	return name_in(node, blocks, sizeof(blocks) / sizeof(blocks[0]));
}

/* A style attribute that hides the element (spaces and case ignored). */
static int
is_hidden(xmlNode *node)
{
	static const char *const hiding[] = { "display:none", "mso-hide:all",
					      "visibility:hidden", NULL };
	xmlChar *style;
	char squeezed[256];
	size_t n = 0;
	int hidden = 0;

	if (xmlHasProp(node, (const xmlChar *)"hidden"))
		return 1;
	style = xmlGetProp(node, (const xmlChar *)"style");
	if (!style)
		return 0;
	for (const xmlChar *p = style; *p && n + 1 < sizeof(squeezed); p++) {
		char c = (char)*p;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			continue;
		squeezed[n++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
	}
	squeezed[n] = '\0';
	xmlFree(style);
	for (const char *const *h = hiding; *h && !hidden; h++)
		hidden = strstr(squeezed, *h) != NULL;
	return hidden;
}

static uint32_t
node_line(const xmlNode *node)
{
	long line = xmlGetLineNo(node);
	return line > 0 && line <= (long)UINT32_MAX ? (uint32_t)line : 0;
}

/* libxml2 numbers a text node with the line it ends on. */
static void
add_text_node(struct walker *w, const xmlNode *node)
{
	const char *s = (const char *)node->content;
	size_t len = strlen(s), breaks = 0;
	uint32_t line = node_line(node);

	for (size_t i = 0; i < len; i++)
		breaks += s[i] == '\n';
	add_text(w, s, len, line > breaks ? line - (uint32_t)breaks : line);
}

static void walk_children(struct walker *w, xmlNode *node, int depth);
static void read_table(struct walker *w, xmlNode *table, int depth);

/* Below GR_HTML_MAX_DEPTH: the subtree's text alone, without recursion. */
static void
walk_flat(struct walker *w, xmlNode *top)
{
	xmlNode *node = top->children;

	while (node && node != top) {
		if (node->type == XML_TEXT_NODE && node->content)
			add_text_node(w, node);
		if (node->type == XML_ELEMENT_NODE && node->children &&
		    !is_skipped(node)) {
			node = node->children;
			continue;
		}
		while (node != top && !node->next)
			node = node->parent;
		if (node != top)
			node = node->next;
	}
}

static void
walk(struct walker *w, xmlNode *node, int depth)
{
	if (w->failed)
		return;
	if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
		if (node->content)
			add_text_node(w, node);
		return;
	}
	if (node->type != XML_ELEMENT_NODE || is_skipped(node) || is_hidden(node))
		return;
	if (depth > GR_HTML_MAX_DEPTH) {
		walk_flat(w, node);
		return;
	}
	if (name_is(node, "br")) {
		line_break(w);
	} else if (name_is(node, "table") && !w->in_cell) {
		flush_block(w);
		read_table(w, node, depth);
	} else if (is_block(node)) {
		int pre = w->in_pre;
		line_break(w);
		w->in_pre = pre || name_is(node, "pre");
		walk_children(w, node, depth + 1);
		w->in_pre = pre;
		line_break(w);
	} else {
		walk_children(w, node, depth + 1);
	}
}

static void
walk_children(struct walker *w, xmlNode *node, int depth)
{
	for (xmlNode *c = node->children; c && !w->failed; c = c->next)
		walk(w, c, depth);
}

/* ---- tables ------------------------------------------------------------ */

struct cell {
	xmlNode *node;
	size_t row, col, rowspan, colspan;
	size_t text, len; /* normalised text in the table's texts */
	uint32_t line;
	int label; /* text, not a value: spans leave nothing behind */
};

struct table {
	xmlNode **rows;
	size_t nrows, rows_cap;
	struct cell *cells;
	size_t ncells, cells_cap;
	struct gr_strbuf texts;
};

static int
add_row(struct table *t, xmlNode *tr)
{
	if (t->nrows == t->rows_cap) {
		size_t cap = t->rows_cap ? t->rows_cap * 2 : 32;
		xmlNode **grown = gr_realloc(t->rows, cap * sizeof(*grown));
		if (!grown)
			return -1;
		t->rows = grown;
		t->rows_cap = cap;
	}
	t->rows[t->nrows++] = tr;
	return 0;
}

/* The table's rows in document order: in thead/tbody/tfoot or directly
 * under the table (or under stray wrappers), never in a nested table. */
static int
collect_rows(struct table *t, xmlNode *parent, int depth)
{
	for (xmlNode *c = parent->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || name_is(c, "table"))
			continue;
		if (name_is(c, "tr")) {
			if (add_row(t, c) < 0)
				return -1;
		} else if (!name_is(c, "td") && !name_is(c, "th") &&
			   depth < GR_HTML_MAX_DEPTH && collect_rows(t, c, depth + 1) < 0) {
			return -1;
		}
	}
	return 0;
}

static int
is_cell(const xmlNode *node)
{
	return node->type == XML_ELEMENT_NODE && (name_is(node, "td") || name_is(node, "th"));
}

/* Whether a table lies inside the node (walked without recursion: the
 * markup may nest deeper than a stack should). */
static int
is_table_element(const xmlNode *node)
{
	return name_is(node, "table");
}

/* A table that holds a table, or has one column, lays out a page. */
static int
is_layout_table(const struct table *t)
{
	size_t widest = 0;

	for (size_t r = 0; r < t->nrows; r++) {
		size_t n = 0;
		for (xmlNode *c = t->rows[r]->children; c; c = c->next) {
			if (!is_cell(c))
				continue;
			if (gr_xml_has_descendant(c, is_table_element))
				return 1;
			n++;
		}
		if (n > widest)
			widest = n;
	}
	return widest <= 1;
}

static size_t
span_attr(xmlNode *node, const char *name, size_t max)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	size_t n = 0;
	const xmlChar *p;

	if (!v)
		return 1;
	for (p = v; *p == ' '; p++)
		;
	for (; *p >= '0' && *p <= '9' && n <= max; p++)
		n = n * 10 + (size_t)(*p - '0');
	xmlFree(v);
	if (n == 0)
		return 1;
	return n > max ? max : n;
}

/* Read a cell's text into the table's texts. */
static int
read_cell(struct walker *w, struct table *t, struct cell *cell, int depth)
{
	const char *s;
	size_t len;

	w->in_cell = 1;
	w->acc.len = 0;
	w->acc_line = 0;
	w->pending = PENDING_NONE;
	walk_children(w, cell->node, depth + 1);
	w->in_cell = 0;
	if (w->failed)
		return -1;
	cell->line = w->acc_line ? w->acc_line : node_line(cell->node);
	if (take_gathered(w, &s, &len) < 0)
		return -1;
	cell->text = t->texts.len;
	cell->len = len;
	gr_strbuf_append(&t->texts, s, len);
	if (gr_strbuf_failed(&t->texts))
		return -1;
	if (len) {
		struct gr_value v;
		gr_value_parse(s, len, &v);
		cell->label = v.kind == GR_VALUE_TEXT;
	}
	return 0;
}

static int
add_cell(struct table *t, xmlNode *node, size_t row, size_t rows_left)
{
	struct cell *cell;

	if (t->ncells == t->cells_cap) {
		size_t cap = t->cells_cap ? t->cells_cap * 2 : 128;
		struct cell *grown = gr_realloc(t->cells, cap * sizeof(*grown));
		if (!grown)
			return -1;
		t->cells = grown;
		t->cells_cap = cap;
	}
	cell = &t->cells[t->ncells++];
	*cell = (struct cell){ .node = node, .row = row };
	cell->colspan = span_attr(node, "colspan", GR_HTML_MAX_COLUMNS);
	cell->rowspan = span_attr(node, "rowspan", GR_HTML_MAX_ROWSPAN);
	if (cell->rowspan > rows_left)
		cell->rowspan = rows_left;
	return 0;
}

static int
covers(const struct cell *cell, size_t row)
{
	return cell && row >= cell->row && row < cell->row + cell->rowspan;
}

/*
 * Lay the cells out on the grid row by row (HTML's table model: a cell
 * takes the first column no cell from above still covers) and emit each
 * row's slots in column order.
 */
static int
emit_grid(struct walker *w, struct table *t)
{
	struct cell **owner = gr_calloc(GR_HTML_MAX_COLUMNS, sizeof(*owner));
	size_t width = 0, next = 0;

	if (!owner)
		return -1;
	for (size_t r = 0; r < t->nrows; r++) {
		size_t col = 0;
		uint32_t row_line = node_line(t->rows[r]);
		for (; next < t->ncells && t->cells[next].row == r; next++) {
			struct cell *cell = &t->cells[next];
			while (col < GR_HTML_MAX_COLUMNS && covers(owner[col], r) &&
			       owner[col]->row < r)
				col++;
			if (col >= GR_HTML_MAX_COLUMNS)
				break;
			if (cell->colspan > GR_HTML_MAX_COLUMNS - col)
				cell->colspan = GR_HTML_MAX_COLUMNS - col;
			cell->col = col;
			for (size_t k = col; k < col + cell->colspan; k++)
				owner[k] = cell;
			col += cell->colspan;
			if (col > width)
				width = col;
		}
		for (; next < t->ncells && t->cells[next].row == r; next++)
			; /* cells past the widest grid are dropped */
		/* Slots a span covers after the row's last cell of its own
		 * are nothing: no value comes after them to keep in place. */
		size_t last = 0;
		for (size_t k = 0; k < width; k++)
			if (covers(owner[k], r) && owner[k]->row == r && owner[k]->col == k)
				last = k;
		for (size_t k = 0; k < width; k++) {
			struct cell *cell = owner[k];
			struct gr_item *item = NULL;
			if (!covers(cell, r))
				continue;
			if (cell->row == r && cell->col == k) {
				item = push_item(w, t->texts.data + cell->text, cell->len,
						 cell->line, GR_ITEM_CELL);
				if (item) {
					item->rowspan = gr_span(cell->rowspan);
					item->colspan = gr_span(cell->colspan);
				}
			} else if (!cell->label && k < last) {
				item = push_item(w, "", 0, row_line ? row_line : cell->line,
						 GR_ITEM_CELL);
			} else {
				continue;
			}
			if (!item) {
				gr_free(owner);
				return -1;
			}
			/* The grid the markup states: the table, the row, the
			 * column of the slot. */
			item->table = w->tables;
			item->row = (uint32_t)r + 1;
			item->col = (uint16_t)(k + 1);
		}
	}
	gr_free(owner);
	return 0;
}

static void
release_table(struct table *t)
{
	gr_free(t->rows);
	gr_free(t->cells);
	gr_strbuf_release(&t->texts);
}

static void
read_table(struct walker *w, xmlNode *node, int depth)
{
	struct table t = { 0 };

	gr_strbuf_init(&t.texts);
	gr_strbuf_append(&t.texts, "", 0);
	/* A caption is a line of its own before the rows. */
	for (xmlNode *c = node->children; c && !w->failed; c = c->next)
		if (c->type == XML_ELEMENT_NODE && name_is(c, "caption"))
			walk(w, c, depth + 1);
	if (w->failed || collect_rows(&t, node, depth) < 0) {
		w->failed = 1;
		release_table(&t);
		return;
	}
	if (is_layout_table(&t)) {
		for (size_t r = 0; r < t.nrows && !w->failed; r++)
			walk(w, t.rows[r], depth + 1);
		release_table(&t);
		return;
	}
	for (size_t r = 0; r < t.nrows && !w->failed; r++) {
		for (xmlNode *c = t.rows[r]->children; c; c = c->next) {
			if (!is_cell(c) || is_hidden(c))
				continue;
			if (add_cell(&t, c, r, t.nrows - r) < 0 ||
			    read_cell(w, &t, &t.cells[t.ncells - 1], depth) < 0) {
				w->failed = 1;
				break;
			}
		}
	}
	if (w->tables < UINT16_MAX)
		w->tables++;
	if (!w->failed && emit_grid(w, &t) < 0)
		w->failed = 1;
	release_table(&t);
}

/* ---- reading while the page is parsed ----------------------------------- */

/*
 * The walk above, done while libxml2 builds the tree: an element is read
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
			walk(w, c, 0);
		xmlUnlinkNode(c);
		xmlFreeNode(c);
		c = next;
	}
}

/* Whether the walk only descends into the element (it is read open). */
static int
is_open_element(xmlNode *node, size_t depth)
{
	return depth <= GR_HTML_MAX_DEPTH && !is_skipped(node) &&
	       !name_is(node, "br") && !name_is(node, "table") && !is_hidden(node);
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
		walk(s->w, s->held, s->held_depth);
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
		line_break(s->w);
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

/* The attributes the walk reads (is_hidden(), span_attr()): the tree
 * gets no others, which it would build, copy and free for nothing (the
 * data-* and class attributes of a page are most of its markup). */
static const char *const read_attributes[] = { "colspan", "rowspan", "hidden", "style", NULL };
#define GR_HTML_READ_ATTRIBUTES 4

/* atts (name, value pairs; names lower case, each once) without the
 * attributes the walk does not read, into kept; NULL when none is left. */
static const xmlChar **
keep_read_attributes(const xmlChar **atts, const xmlChar **kept)
{
	size_t n = 0;

	for (size_t i = 0; atts && atts[i] && n < 2 * GR_HTML_READ_ATTRIBUTES; i += 2) {
		for (const char *const *a = read_attributes; *a; a++) {
			if (strcmp((const char *)atts[i], *a) == 0) {
				kept[n++] = atts[i];
				kept[n++] = atts[i + 1];
				break;
			}
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
	*f = (struct frame){ .node = node, .block = is_block(node), .pre = w->in_pre };
	if (f->block) {
		line_break(w);
		w->in_pre = f->pre || name_is(node, "pre");
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
	gr_strbuf_release(&w->buf);
	gr_strbuf_release(&w->acc);
	gr_strbuf_release(&w->tmp);
	gr_free(w->lines);
	gr_free(w->starts);
	gr_normalizer_free(w->norm);
	gr_printed_release(&w->printed);
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
	struct walker w = { .raw = raw, .items = items };
	struct stream s = { .w = &w };
	htmlParserCtxtPtr ctxt;
	size_t len;
	int parsed;
	enum govreport_status st = GOVREPORT_OK;

	*text = (struct gr_text){ 0 };
	*items = (struct gr_items){ 0 };
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
	gr_strbuf_init(&w.buf);
	gr_strbuf_init(&w.acc);
	gr_strbuf_init(&w.tmp);
	ctxt = w.norm ? new_parser(&s) : NULL;
	if (!ctxt) {
		walker_release(&w);
		return GOVREPORT_ERR_NOMEM;
	}
	/* Each raw line and its newline, so that libxml2 counts the same
	 * lines; a parser that stopped (out of memory) is fed no more. The
	 * return value is the last error, which recovery makes common. */
	for (size_t i = 0; i < raw->nlines && ctxt->instate != XML_PARSER_EOF; i++) {
		const struct gr_line *l = &raw->lines[i];
		if (l->len)
			htmlParseChunk(ctxt, gr_line_text(raw, l), (int)l->len, 0);
		htmlParseChunk(ctxt, "\n", 1, 0);
	}
	htmlParseChunk(ctxt, NULL, 0, 1);
	stream_finish(&s);
	flush_block(&w);
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
		for (size_t i = 0; i < items->count; i++)
			items->items[i].text = w.buf.data + w.starts[i];
		text->traditional = gr_normalizer_converted(w.norm);
		text->gb18030 = raw->gb18030;
		text->invalid = raw->invalid;
		text->invalid_offset = raw->invalid_offset;
		text->invalid_line = raw->invalid_line;
		text->lines = w.lines;
		text->nlines = w.nlines;
		text->buf = gr_strbuf_steal(&w.buf, &text->len);
		text->printed = w.printed;
		w.printed = (struct gr_printed){ 0 };
		w.lines = NULL;
	}
	walker_release(&w);
	if (st != GOVREPORT_OK) {
		gr_items_release(items);
		gr_text_release(text);
	}
	return st;
}
