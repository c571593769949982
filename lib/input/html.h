/*
 * HTML → the cell stream (SPEC §2 item 6): a page as a CMS rich-text
 * editor or Word saves it, read with libxml2's HTML parser. Paragraphs,
 * headings and list items outside tables become line items; a table is
 * laid out on its grid (rowspan and colspan expanded) and each row's cells
 * become cell items of the representation (grid.h) with the table, row,
 * column and spans the page states, which the table aligner (tables.h)
 * reads.
 */
#ifndef GR_HTML_H
#define GR_HTML_H

#include <stddef.h>

#include "input/linecells.h"
#include "input/text.h"

/*
 * Whether the bytes look like HTML: they start with markup (<!DOCTYPE,
 * <html, <table, <p …, a comment), or hold an <html>/<body> element or a
 * <table> with rows. UTF-16 with a BOM is looked at too.
 */
int gr_html_detect(const char *data, size_t len);

/*
 * The charset the page declares (<meta charset=…>, <meta http-equiv=…
 * content="…; charset=…">, <?xml … encoding=…?>) in its first bytes,
 * copied into buf (size bytes), or NULL when it declares none.
 */
const char *gr_html_charset(const char *data, size_t len, char *buf,
			    size_t size);

/* Whether this build reads HTML (libxml2 was found). */
int gr_html_available(void);

/*
 * The cell stream of a page whose lines were decoded with GR_DECODE_RAW.
 * `text` receives the normalised text the items point into (one line per
 * item, numbered with the item's source line); release it with
 * gr_text_release() after the items. Returns GOVREPORT_OK,
 * GOVREPORT_ERR_NOMEM, GOVREPORT_ERR_INPUT_EMPTY (no text at all) or
 * GOVREPORT_ERR_INTERNAL (libxml2 failed).
 */
enum govreport_status gr_html_build(const struct gr_text *raw,
				    struct gr_text *text, struct gr_items *items);

#endif
