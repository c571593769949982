/*
 * What a report says about itself: title, organ, reporting year, closing
 * date, and the prose of parts 一, 五 and 六 (SPEC §3).
 */
#ifndef GR_METADATA_H
#define GR_METADATA_H

#include "input/linecells.h"
#include "model/report.h"
#include "parts/headings.h"
#include "input/text.h"

/*
 * Fill the report's title, organ, published date, year and text fields,
 * matched on the items' (normalised) text and kept as `text` printed them
 * (printed.h). Returns 0, or -1 when out of memory.
 */
int gr_read_metadata(struct govreport *r, const struct gr_text *text,
		     const struct gr_items *items, const struct gr_parts *parts);

/* Whether an item is web-page chrome (来源, 点击, 分享到, [打印], …). */
int gr_is_chrome(const struct gr_item *item);
/* Whether s holds a mark of page chrome, whatever its length. */
int gr_has_chrome_mark(const char *s, size_t len);

#endif
