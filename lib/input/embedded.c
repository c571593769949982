/* HTML tables inside text; see embedded.h. */
#include <strings.h>

#include "input/html.h"
#include "input/embedded.h"
#include "util/utf8.h"

/* The lines of a table this long are read as text, not looked through. */
#define GR_EMBEDDED_MAX_LINES 20000

static int
starts_table(const char *s, size_t len)
{
	/* Every line of every text document comes here: out at once unless
	 * its first character after spaces is '<'. */
	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	if (len < 6 || s[0] != '<' || strncasecmp(s, "<table", 6) != 0)
		return 0;
	return len == 6 || s[6] == '>' || s[6] == ' ' || s[6] == '\t';
}

/* How many "<table" and "</table" the line holds. */
static void
count_tags(const char *s, size_t len, long *depth)
{
	for (size_t i = 0; i + 6 <= len; i++) {
		if (s[i] != '<')
			continue;
		if (strncasecmp(s + i + 1, "table", 5) == 0)
			(*depth)++;
		else if (i + 7 <= len && strncasecmp(s + i + 1, "/table", 6) == 0)
			(*depth)--;
	}
}

/* The items of the table, their texts copied into `items`. */
static int
absorb(struct gr_items *items, const struct gr_items *table, uint16_t *tables)
{
	uint16_t most = 0;

	for (size_t k = 0; k < table->count; k++) {
		struct gr_item item = table->items[k];
		item.text = gr_items_keep(items, item.text, item.len);
		if (!item.text)
			return -1;
		if (item.table) {
			if (item.table > most)
				most = item.table;
			item.table = (uint16_t)(item.table + *tables < UINT16_MAX
							? item.table + *tables
							: UINT16_MAX);
		}
		if (!gr_items_append(items, &item))
			return -1;
	}
	*tables = (uint16_t)(*tables + most < UINT16_MAX ? *tables + most : UINT16_MAX);
	return 0;
}

long
gr_embedded_table(const struct gr_text *raw, size_t i, struct gr_items *items,
		  uint16_t *tables)
{
	const struct gr_line *line = &raw->lines[i];
	struct gr_text block, text;
	struct gr_items table;
	long depth = 0;
	size_t end;
	int rc;

	if (!starts_table(gr_line_text(raw, line), line->len) || !gr_html_available())
		return 0;
	for (end = i; end < raw->nlines && end - i < GR_EMBEDDED_MAX_LINES; end++) {
		count_tags(gr_line_text(raw, &raw->lines[end]), raw->lines[end].len, &depth);
		if (depth <= 0)
			break;
	}
	if (end >= raw->nlines || depth > 0)
		return 0; /* never closed: text */
	block = *raw;
	block.lines = raw->lines + i;
	block.nlines = end + 1 - i;
	switch (gr_html_build(&block, &text, &table)) {
	case GOVREPORT_OK:
		break;
	case GOVREPORT_ERR_NOMEM:
		return -1;
	default:
		return (long)(end + 1 - i); /* a table with no text: nothing to add */
	}
	rc = absorb(items, &table, tables);
	gr_items_release(&table);
	gr_text_release(&text);
	return rc < 0 ? -1 : (long)(end + 1 - i);
}
