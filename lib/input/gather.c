/* The block or cell being gathered; see gather.h. */
#include "input/gather.h"
#include "input/text.h"
#include "util/utf8.h"

int
gr_gather_init(struct gr_gather *g)
{
	*g = (struct gr_gather){ 0 };
	gr_strbuf_init(&g->acc);
	gr_strbuf_init(&g->tmp);
	g->norm = gr_normalizer_new();
	if (!g->norm)
		return -1;
	gr_normalizer_note_printed(g->norm, &g->noted);
	return 0;
}

void
gr_gather_release(struct gr_gather *g)
{
	gr_strbuf_release(&g->acc);
	gr_strbuf_release(&g->tmp);
	gr_printed_release(&g->noted);
	gr_normalizer_free(g->norm);
	*g = (struct gr_gather){ 0 };
}

int
gr_gather_take(struct gr_gather *g, const char **s, size_t *len)
{
	/* Emptied, not freed: a page has thousands of blocks and cells. */
	g->tmp.len = 0;
	g->noted.count = 0;
	gr_strbuf_append(&g->tmp, "", 0);
	if (g->acc.len && gr_normalize_utf8(g->norm, g->acc.data, g->acc.len, &g->tmp) < 0)
		return -1;
	if (gr_strbuf_failed(&g->tmp) || gr_strbuf_failed(&g->acc))
		return -1;
	*s = g->tmp.data;
	*len = g->tmp.len;
	gr_trim_spaces(s, len);
	g->acc.len = 0;
	return 0;
}

int
gr_gather_flush_line(struct gr_gather *g, struct gr_itemtext *made, size_t offset,
		     uint32_t line)
{
	const char *s;
	size_t len;

	/* Text was lost: not an empty block. */
	if (gr_strbuf_failed(&g->acc))
		return -1;
	if (g->acc.len == 0)
		return 0;
	if (gr_gather_take(g, &s, &len) < 0)
		return -1;
	if (len == 0)
		return 0;
	if (!gr_itemtext_push(made, s, len, offset, line, GR_ITEM_LINE) ||
	    gr_printed_add_from(&made->printed, &g->noted, (size_t)(s - g->tmp.data), len,
				gr_itemtext_last_start(made)) < 0)
		return -1;
	return 1;
}
