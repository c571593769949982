/*
 * govreport_to_json(): the canonical govreport-1 JSON (SPEC §3). Keys come
 * in one fixed order and tables, rows and columns in template order, so
 * that the same report always writes the same bytes and reading them back
 * (json_read.c) writes them again.
 */
#include "output/json.h"
#include "model/report.h"

#define KNOWN_FLAGS (GOVREPORT_JSON_DETAIL | GOVREPORT_JSON_PRETTY)

struct writer {
	struct gr_json_out out;
	const struct govreport *report;
	int detail;
};

static void
write_value(struct writer *w, const struct gr_cell *cell)
{
	if (gr_cell_has_value(cell))
		gr_json_out_decimal(&w->out, cell->value, cell->scale);
	else
		gr_json_out_null(&w->out);
}

/* {"value": …, "state": …, "line": …, "raw": …}; line 0 and raw NULL are null. */
static void
write_detail(struct writer *w, const struct gr_cell *cell)
{
	struct gr_json_out *out = &w->out;

	gr_json_out_map_open(out);
	gr_json_out_key(out, gr_json_detail_key(GR_JSON_VALUE));
	write_value(w, cell);
	gr_json_out_key(out, gr_json_detail_key(GR_JSON_STATE));
	gr_json_out_string(out, gr_cell_state_name(cell->state));
	gr_json_out_key(out, gr_json_detail_key(GR_JSON_LINE));
	if (cell->line)
		gr_json_out_integer(out, cell->line);
	else
		gr_json_out_null(out);
	gr_json_out_key(out, gr_json_detail_key(GR_JSON_RAW));
	gr_json_out_string(out, cell->raw);
	gr_json_out_map_close(out);
}

static void
write_row(struct writer *w, const struct gr_group *group,
	  const struct gr_cell *cells)
{
	gr_json_out_map_open(&w->out);
	for (size_t c = 0; c < group->ncolumns; c++) {
		gr_json_out_key(&w->out, group->columns[c].id);
		if (w->detail)
			write_detail(w, &cells[c]);
		else
			write_value(w, &cells[c]);
	}
	gr_json_out_map_close(&w->out);
}

/* A table's rows in template order; its cells are laid out the same way. */
static void
write_table(struct writer *w, const struct gr_table *table,
	    const struct gr_cell *cells)
{
	gr_json_out_map_open(&w->out);
	for (size_t g = 0; g < table->ngroups; g++) {
		const struct gr_group *group = &table->groups[g];
		for (size_t r = 0; r < group->nrows; r++) {
			gr_json_out_key(&w->out, group->rows[r].id);
			write_row(w, group, cells);
			cells += group->ncolumns;
		}
	}
	gr_json_out_map_close(&w->out);
}

static void
write_tables(struct writer *w)
{
	const struct govreport *r = w->report;

	for (int s = 0; s < GR_SECTION_COUNT; s++) {
		enum govreport_section section = (enum govreport_section)s;
		const struct gr_table *table = gr_table_get(r->tpl, section);
		const struct gr_cell *cells = gr_report_cells(r, section);

		gr_json_out_key(&w->out, gr_json_section_id(section));
		if (table && cells)
			write_table(w, table, cells);
		else
			gr_json_out_null(&w->out);
	}
}

static void
write_text(struct writer *w)
{
	gr_json_out_key(&w->out, gr_json_meta_key(GR_JSON_TEXT));
	gr_json_out_map_open(&w->out);
	for (size_t i = 0; i < GR_JSON_TEXT_COUNT; i++) {
		gr_json_out_key(&w->out, gr_json_text_key(i));
		gr_json_out_string(&w->out,
				   w->report->fields[gr_json_text_field(i)]);
	}
	gr_json_out_map_close(&w->out);
}

static void
write_meta(struct writer *w, enum gr_json_meta key)
{
	const struct govreport *r = w->report;

	gr_json_out_key(&w->out, gr_json_meta_key(key));
	switch (key) {
	case GR_JSON_FORMAT:
		gr_json_out_string(&w->out, GR_JSON_FORMAT_NAME);
		break;
	case GR_JSON_TEMPLATE:
		gr_json_out_string(&w->out, r->tpl ? r->tpl->name : NULL);
		break;
	case GR_JSON_YEAR:
		if (r->year)
			gr_json_out_integer(&w->out, r->year);
		else
			gr_json_out_null(&w->out);
		break;
	default:
		gr_json_out_string(&w->out, r->fields[gr_json_meta_field(key)]);
		break;
	}
}

static void
write_report(struct writer *w)
{
	gr_json_out_map_open(&w->out);
	for (int k = GR_JSON_FORMAT; k <= GR_JSON_PUBLISHED; k++)
		write_meta(w, (enum gr_json_meta)k);
	write_text(w);
	write_tables(w);
	gr_json_out_map_close(&w->out);
}

GOVREPORT_EXPORT enum govreport_status
govreport_to_json(const struct govreport *report, unsigned flags, char **out,
		  size_t *len)
{
	struct writer w = { .report = report };

	if (out)
		*out = NULL;
	if (len)
		*len = 0;
	if (!report || !out || (flags & ~KNOWN_FLAGS))
		return GOVREPORT_ERR_ARGUMENT;

	w.detail = (flags & GOVREPORT_JSON_DETAIL) != 0;
	if (gr_json_out_init(&w.out, (flags & GOVREPORT_JSON_PRETTY) != 0) < 0) {
		gr_json_out_release(&w.out);
		return GOVREPORT_ERR_NOMEM;
	}
	write_report(&w);
	return gr_json_out_finish(&w.out, out, len);
}
