/*
 * What the word-processor readers (docx.c, odt.c) share: gathering the
 * text of paragraphs and cells, normalised as all input is (SPEC §4), and
 * laying a table's cells out on the grid the file states, emitted as
 * lib/input/html_tables.c emits an HTML table: each cell once, at its
 * first slot; a slot that a value cell (a number, a dash or nothing)
 * spans into is an empty cell when a cell of the row follows it; a slot
 * that a label spans into yields nothing.
 *
 * A word-processor file has no source lines: an item's `line` is its
 * ordinal in the document (the n-th paragraph or cell read), its offset 0.
 */
#ifndef GR_INPUT_DOCBUILD_H
#define GR_INPUT_DOCBUILD_H

#include <stddef.h>
#include <stdint.h>

#include "input/gather.h"
#include "input/grid.h"
#include "input/itemtext.h"
#include "util/strbuf.h"
#include "input/text.h"

/* Grids wider than this are cut; taller tables end there. */
#define GR_DOC_MAX_COLUMNS 1000
#define GR_DOC_MAX_ROWS 65534
/* Elements nested deeper than this are not read (libxml2 itself stops at
 * 256 levels without XML_PARSE_HUGE). */
#define GR_DOC_MAX_DEPTH 200
/* Cells of one table beyond this are dropped. */
#define GR_DOC_MAX_CELLS ((size_t)1 << 20)

struct gr_doccell {
	uint32_t row, col, rowspan, colspan; /* 0-based row and column */
	size_t text, len;                    /* in the table's texts */
	uint32_t line;
	int label;
};

struct gr_doctable {
	struct gr_doccell *cells; /* in row order, then column order */
	size_t ncells, cap;
	uint32_t nrows;
	struct gr_strbuf texts;
};

struct gr_docbuild {
	/* The items, and the text they point into (a line per item). */
	struct gr_itemtext made;
	/* The paragraph or cell being gathered. */
	struct gr_gather gather;
	int pending; /* 0, 1: a space, 2: a line break before the next text */
	int in_cell; /* breaks and paragraph ends join the cell's text */
	int failed;
	uint32_t ordinal;
	uint16_t tables;
};

/* Set up, with the items to fill; -1 when out of memory. */
int gr_docbuild_init(struct gr_docbuild *b, struct gr_items *items);

/* Text as written: white space collapses to one space, as in HTML. */
void gr_docbuild_text(struct gr_docbuild *b, const char *s, size_t len);

/* Text whose spaces count (ODF's text:s, a tab). */
void gr_docbuild_space(struct gr_docbuild *b, size_t n);

/* A line break: ends the line item outside a cell, joins inside one. */
void gr_docbuild_break(struct gr_docbuild *b);

/* The end of a paragraph (as gr_docbuild_break()). */
void gr_docbuild_end_paragraph(struct gr_docbuild *b);

/* Start gathering a cell's text; gr_doctable_add_gathered() ends it. */
void gr_docbuild_begin_cell(struct gr_docbuild *b);

/*
 * End the cell begun with gr_docbuild_begin_cell(): its text goes to the
 * table at (row, col) with its spans (clamped to the grid's limits).
 * Returns the cell's index in t->cells, or -1 (b->failed is set).
 */
long gr_doctable_add_gathered(struct gr_docbuild *b, struct gr_doctable *t,
			      uint32_t row, uint32_t col, uint32_t rowspan,
			      uint32_t colspan);

/*
 * A copy of cell `idx` at another column of the same row (ODF's
 * table:number-columns-repeated). Returns the copy's index, or -1.
 */
long gr_doctable_repeat(struct gr_docbuild *b, struct gr_doctable *t, size_t idx,
			uint32_t col);

/* Emit the table's cells as items (its number is the next table's). */
void gr_docbuild_table(struct gr_docbuild *b, struct gr_doctable *t);

void gr_doctable_release(struct gr_doctable *t);

/*
 * Finish: on success *text holds the lines the items point into
 * (GOVREPORT_OK), GOVREPORT_ERR_INPUT_EMPTY when nothing was read; on
 * failure the items and text are released. Releases the builder.
 */
enum govreport_status gr_docbuild_finish(struct gr_docbuild *b, struct gr_text *text);

struct _xmlDoc;
struct gr_source;
struct gr_zip;

/*
 * Open the source as a zip archive with the limits of zip.h: entries of
 * at most the source's input limit, and that much in all.
 */
enum govreport_status gr_doc_open_zip(const struct gr_source *src, struct gr_zip **zip);

/*
 * Read an archive entry as XML: no network, no entity substitution, no
 * DTD (a part that declares one is refused: neither OOXML nor ODF
 * allows one), libxml2's own limits on depth and text size. Returns
 * GOVREPORT_OK and *doc (free with xmlFreeDoc()), GOVREPORT_ERR_NOT_FOUND
 * when there is no such entry, or the status that refuses it.
 */
enum govreport_status gr_doc_read_xml(struct gr_zip *zip, const char *name,
				      struct _xmlDoc **doc);

#endif
