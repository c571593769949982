/*
 * govreport_render(): the long-form CSV of SPEC §7 here, the documents
 * through the renderers of render.h.
 */
#include <string.h>

#include "tables/cellvalue.h"
#include "output/render.h"
#include "output/render_pieces.h"

/* ---- CSV ------------------------------------------------------------------ */

static void
csv_field(struct gr_strbuf *out, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		gr_strbuf_puts(out, s);
		return;
	}
	gr_strbuf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			gr_strbuf_putc(out, '"');
		gr_strbuf_putc(out, *s);
	}
	gr_strbuf_putc(out, '"');
}

/* section,row,column,value,state: one line per cell of each table. */
static int
render_csv(const struct govreport *r, struct gr_strbuf *out)
{
	struct gr_strbuf value;

	gr_strbuf_init(&value);
	gr_strbuf_puts(out, "section,row,column,value,state\r\n");
	for (int s = 0; r->tpl && s < GR_SECTION_COUNT; s++) {
		const struct gr_table *t = &r->tpl->tables[s];
		const struct gr_cell *cells = gr_report_cells(r, t->section);
		struct gr_cell_ref ref;
		if (!cells)
			continue;
		for (size_t i = 0; gr_cell_at(t, i, &ref) == 0; i++) {
			const struct gr_cell *cell = &cells[i];
			value.len = 0;
			gr_strbuf_append(&value, "", 0);
			if (gr_cell_has_value(cell))
				gr_render_value(cell, &value);
			gr_strbuf_printf(out, "%s,%s,%s,", t->id, ref.row->id,
					 ref.column->id);
			csv_field(out, value.data ? value.data : "");
			gr_strbuf_printf(out, ",%s\r\n",
					 gr_cell_state_name((enum govreport_cell_state)cell->state));
		}
	}
	if (gr_strbuf_failed(&value)) {
		gr_strbuf_release(&value);
		return -1;
	}
	gr_strbuf_release(&value);
	return 0;
}

/* ---- the entry point -------------------------------------------------------- */

GOVREPORT_EXPORT enum govreport_status
govreport_render(const struct govreport *r, enum govreport_render_format format,
		 unsigned flags, char **out, size_t *len)
{
	struct gr_strbuf buf;
	unsigned allowed = GOVREPORT_LANG_EN;
	int rc;

	if (out)
		*out = NULL;
	if (len)
		*len = 0;
	if (format == GOVREPORT_RENDER_HTML)
		allowed |= GOVREPORT_RENDER_ANNOTATE | GOVREPORT_RENDER_PAGE;
	if (!r || !out || (flags & ~allowed))
		return GOVREPORT_ERR_ARGUMENT;
	gr_strbuf_init(&buf);
	gr_strbuf_append(&buf, "", 0);
	switch (format) {
	case GOVREPORT_RENDER_HTML:
		rc = gr_render_html(r, flags, &buf);
		break;
	case GOVREPORT_RENDER_MARKDOWN:
		rc = gr_render_markdown(r, flags, &buf);
		break;
	case GOVREPORT_RENDER_CSV:
		rc = render_csv(r, &buf);
		break;
	case GOVREPORT_RENDER_TEXT:
		rc = gr_render_text(r, flags, &buf);
		break;
	default:
		gr_strbuf_release(&buf);
		return GOVREPORT_ERR_ARGUMENT;
	}
	if (rc < 0 || gr_strbuf_failed(&buf)) {
		gr_strbuf_release(&buf);
		return GOVREPORT_ERR_NOMEM;
	}
	*out = gr_strbuf_steal(&buf, len);
	return *out ? GOVREPORT_OK : GOVREPORT_ERR_NOMEM;
}
