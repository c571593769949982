/* Text gathering and table grids for the word-processor readers; see
 * docbuild.h. The rules are lib/input/html.c's, so that a table reads the same
 * whichever file carried it. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "util/alloc.h"
#include "tables/cellvalue.h"
#include "input/docbuild.h"
#include "input/frontends.h"
#include "input/readers.h"
#include "input/zip.h"
#include "input/normalize.h"
#include "util/utf8.h"

enum { PENDING_NONE = 0, PENDING_SPACE = 1, PENDING_BREAK = 2 };

int
gr_docbuild_init(struct gr_docbuild *b, struct gr_items *items)
{
	*b = (struct gr_docbuild){ 0 };
	gr_itemtext_init(&b->made, items);
	return gr_gather_init(&b->gather);
}

/* An item of the document: no source lines, its ordinal for a line. */
static struct gr_item *
push_item(struct gr_docbuild *b, const char *s, size_t len, uint32_t line,
	  enum gr_item_kind kind)
{
	return gr_itemtext_push(&b->made, s, len, 0, line, kind);
}

/* Normalise what was gathered (trimmed); resets the gathering. */
static int
take_gathered(struct gr_docbuild *b, const char **s, size_t *len)
{
	b->pending = PENDING_NONE;
	return gr_gather_take(&b->gather, s, len);
}

/* A paragraph ends: a line item, numbered by its ordinal, unless it holds
 * no text. */
static void
flush_paragraph(struct gr_docbuild *b)
{
	int made = b->failed ? 0 : gr_gather_flush_line(&b->gather, &b->made, 0, b->ordinal + 1);

	if (made < 0)
		b->failed = 1;
	else
		b->ordinal += (uint32_t)made;
	b->pending = PENDING_NONE;
}

/* A pending space or break before cp: a break between two wide
 * characters (a Chinese line wrapped in a cell) joins without a space. */
static void
put_pending(struct gr_docbuild *b, int32_t cp)
{
	const struct gr_strbuf *acc = &b->gather.acc;

	if (b->pending != PENDING_NONE && acc->len &&
	    !(b->pending == PENDING_BREAK &&
	      gr_is_wide(gr_utf8_before(acc->data, acc->len), GR_WIDE_TERMINAL) &&
	      gr_is_wide(cp, GR_WIDE_TERMINAL)))
		gr_strbuf_putc(&b->gather.acc, ' ');
	b->pending = PENDING_NONE;
}

void
gr_docbuild_text(struct gr_docbuild *b, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && !b->failed) {
		unsigned char c = (unsigned char)s[i];
		size_t n = i;
		int32_t cp;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			if (b->gather.acc.len && b->pending == PENDING_NONE)
				b->pending = PENDING_SPACE;
			i++;
			continue;
		}
		cp = gr_utf8_next(s, len, &n);
		if (cp < 0)
			break;
		put_pending(b, cp);
		gr_strbuf_append(&b->gather.acc, s + i, n - i);
		i = n;
	}
}

void
gr_docbuild_space(struct gr_docbuild *b, size_t n)
{
	/* Spaces only separate: runs of them say nothing to the parser. */
	if (n > 0 && b->gather.acc.len && b->pending == PENDING_NONE)
		b->pending = PENDING_SPACE;
}

void
gr_docbuild_break(struct gr_docbuild *b)
{
	if (b->in_cell) {
		if (b->gather.acc.len)
			b->pending = PENDING_BREAK;
	} else {
		flush_paragraph(b);
	}
}

void
gr_docbuild_end_paragraph(struct gr_docbuild *b)
{
	gr_docbuild_break(b);
}

void
gr_docbuild_begin_cell(struct gr_docbuild *b)
{
	flush_paragraph(b);
	b->in_cell = 1;
	b->gather.acc.len = 0;
	b->pending = PENDING_NONE;
}

static int
grow_cells(struct gr_doctable *t)
{
	if (t->ncells == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 128;
		struct gr_doccell *grown = gr_realloc(t->cells, cap * sizeof(*grown));
		if (!grown)
			return -1;
		t->cells = grown;
		t->cap = cap;
	}
	return 0;
}

long
gr_doctable_repeat(struct gr_docbuild *b, struct gr_doctable *t, size_t idx, uint32_t col)
{
	struct gr_doccell copy;

	if (b->failed || idx >= t->ncells)
		return -1;
	if (col >= GR_DOC_MAX_COLUMNS || t->ncells >= GR_DOC_MAX_CELLS)
		return -2;
	if (grow_cells(t) < 0) {
		b->failed = 1;
		return -1;
	}
	copy = t->cells[idx];
	copy.col = col;
	if (copy.colspan > GR_DOC_MAX_COLUMNS - col)
		copy.colspan = GR_DOC_MAX_COLUMNS - col;
	copy.line = ++b->ordinal;
	t->cells[t->ncells] = copy;
	return (long)t->ncells++;
}

long
gr_doctable_add_gathered(struct gr_docbuild *b, struct gr_doctable *t, uint32_t row,
			 uint32_t col, uint32_t rowspan, uint32_t colspan)
{
	struct gr_doccell *cell;
	const char *s;
	size_t len;

	b->in_cell = 0;
	if (b->failed)
		return -1;
	if (t->texts.len == 0)
		gr_strbuf_append(&t->texts, "", 0);
	if (take_gathered(b, &s, &len) < 0)
		goto fail;
	if (row >= GR_DOC_MAX_ROWS || col >= GR_DOC_MAX_COLUMNS ||
	    t->ncells >= GR_DOC_MAX_CELLS)
		return -2; /* off the grid: dropped */
	if (grow_cells(t) < 0)
		goto fail;
	cell = &t->cells[t->ncells];
	*cell = (struct gr_doccell){ .row = row, .col = col, .text = t->texts.len,
				     .len = len, .line = ++b->ordinal };
	cell->colspan = colspan == 0 ? 1 : colspan;
	if (cell->colspan > GR_DOC_MAX_COLUMNS - col)
		cell->colspan = GR_DOC_MAX_COLUMNS - col;
	cell->rowspan = rowspan == 0 ? 1 : rowspan;
	if (cell->rowspan > GR_DOC_MAX_ROWS - row)
		cell->rowspan = GR_DOC_MAX_ROWS - row;
	gr_strbuf_append(&t->texts, s, len);
	if (gr_strbuf_failed(&t->texts))
		goto fail;
	if (len) {
		struct gr_value v;
		gr_value_parse(s, len, &v);
		cell->label = v.kind == GR_VALUE_TEXT;
	}
	if (row + 1 > t->nrows)
		t->nrows = row + 1;
	return (long)t->ncells++;
fail:
	b->failed = 1;
	return -1;
}

static int
covers(const struct gr_doccell *cell, uint32_t row)
{
	return cell && row >= cell->row && row < cell->row + cell->rowspan;
}

/* The rows in order, each row's cells placed on the grid where the file
 * put them, then its slots emitted in column order (html_tables.c's
 * emit_grid). */
static int
emit_grid(struct gr_docbuild *b, struct gr_doctable *t)
{
	const struct gr_doccell **owner = gr_calloc(GR_DOC_MAX_COLUMNS, sizeof(*owner));
	size_t width = 0, next = 0;

	if (!owner)
		return -1;
	for (uint32_t r = 0; r < t->nrows; r++) {
		size_t last = 0;
		for (; next < t->ncells && t->cells[next].row == r; next++) {
			const struct gr_doccell *cell = &t->cells[next];
			for (size_t k = cell->col; k < cell->col + cell->colspan; k++)
				owner[k] = cell;
			if (cell->col + cell->colspan > width)
				width = cell->col + cell->colspan;
		}
		for (size_t k = 0; k < width; k++)
			if (covers(owner[k], r) && owner[k]->row == r && owner[k]->col == k)
				last = k;
		for (size_t k = 0; k < width; k++) {
			const struct gr_doccell *cell = owner[k];
			struct gr_item *item;
			if (!covers(cell, r))
				continue;
			if (cell->row == r && cell->col == k) {
				item = push_item(b, t->texts.data + cell->text, cell->len,
						 cell->line, GR_ITEM_CELL);
				if (item) {
					item->rowspan = gr_span(cell->rowspan);
					item->colspan = gr_span(cell->colspan);
				}
			} else if (!cell->label && k < last) {
				item = push_item(b, "", 0, cell->line, GR_ITEM_CELL);
			} else {
				continue;
			}
			if (!item) {
				gr_free(owner);
				return -1;
			}
			item->table = b->tables;
			item->row = r + 1;
			item->col = (uint16_t)(k + 1);
		}
	}
	gr_free(owner);
	return 0;
}

static int
cell_order(const void *pa, const void *pb)
{
	const struct gr_doccell *a = pa, *b = pb;

	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

void
gr_docbuild_table(struct gr_docbuild *b, struct gr_doctable *t)
{
	if (b->failed || t->ncells == 0)
		return;
	if (b->tables < UINT16_MAX)
		b->tables++;
	qsort(t->cells, t->ncells, sizeof(*t->cells), cell_order);
	if (emit_grid(b, t) < 0)
		b->failed = 1;
}

void
gr_doctable_release(struct gr_doctable *t)
{
	gr_free(t->cells);
	gr_strbuf_release(&t->texts);
	*t = (struct gr_doctable){ 0 };
}

enum govreport_status
gr_docbuild_finish(struct gr_docbuild *b, struct gr_text *text)
{
	struct gr_items *items = b->made.items;
	enum govreport_status st = GOVREPORT_OK;

	*text = (struct gr_text){ 0 };
	flush_paragraph(b);
	if (b->failed) {
		st = GOVREPORT_ERR_NOMEM;
	} else if (items->count == 0) {
		st = GOVREPORT_ERR_INPUT_EMPTY;
	} else {
		gr_itemtext_finish(&b->made, text);
		text->traditional = gr_normalizer_converted(b->gather.norm);
	}
	gr_itemtext_release(&b->made);
	gr_gather_release(&b->gather);
	if (st != GOVREPORT_OK) {
		gr_items_release(items);
		gr_text_release(text);
	}
	return st;
}

/* ---- archive and XML ------------------------------------------------- */

static pthread_once_t libxml2_once = PTHREAD_ONCE_INIT;

static void
init_libxml2(void)
{
	xmlInitParser();
}

int
gr_docfile_available(void)
{
	return 1;
}

enum govreport_status
gr_doc_open_zip(const struct gr_source *src, struct gr_zip **zip)
{
	size_t limit = src->max_input ? src->max_input : GOVREPORT_MAX_INPUT;

	return gr_zip_open(src->data, src->len, limit, limit, zip);
}

enum govreport_status
gr_doc_read_xml(struct gr_zip *zip, const char *name, struct _xmlDoc **out)
{
	char *data;
	size_t len;
	enum govreport_status st;
	xmlDocPtr doc;

	*out = NULL;
	pthread_once(&libxml2_once, init_libxml2);
	st = gr_zip_read(zip, name, &data, &len);
	if (st != GOVREPORT_OK)
		return st;
	if (len > INT32_MAX || gr_search(data, len, "<!DOCTYPE", 9) ||
	    gr_search(data, len, "<!ENTITY", 8)) {
		gr_free(data);
		return GOVREPORT_ERR_INPUT_NOT_TEXT;
	}
	doc = xmlReadMemory(data, (int)len, name, NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
			    XML_PARSE_NOCDATA);
	gr_free(data);
	if (!doc)
		return GOVREPORT_ERR_INPUT_NOT_TEXT;
	*out = doc;
	return GOVREPORT_OK;
}
