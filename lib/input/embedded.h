/*
 * HTML tables inside a text document: pandoc writes a table its Markdown
 * cannot hold as raw HTML, and CMS exports leave them in Markdown too.
 * Text readers hand such a block to the HTML front end.
 */
#ifndef GR_INPUT_EMBEDDED_H
#define GR_INPUT_EMBEDDED_H

#include <stddef.h>
#include <stdint.h>

#include "input/grid.h"
#include "input/text.h"

/*
 * When line i of raw (lines as written, not normalised) begins an HTML
 * table, read it through its closing tag with the HTML front end and
 * append its items to `items`, their texts kept there and their table
 * numbers after *tables (which is advanced). Returns the number of lines
 * read, 0 when line i begins no table (or HTML is not built in), or -1
 * when out of memory.
 */
long gr_embedded_table(const struct gr_text *raw, size_t i, struct gr_items *items,
		       uint16_t *tables);

#endif
