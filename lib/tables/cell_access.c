/* Cell access by enums, shared by the section modules; see cell_access.h. */
#include "tables/cell_access.h"

enum govreport_status
gr_section_ref(const struct govreport *r, enum govreport_section section,
	       int row, int column, struct gr_cell_ref *ref)
{
	const struct gr_table *table;

	if (!r)
		return GOVREPORT_ERR_ARGUMENT;
	table = gr_table_get(r->tpl, section);
	if (!table || gr_cell_find(table, row, column, ref) < 0)
		return GOVREPORT_ERR_NOT_FOUND;
	return GOVREPORT_OK;
}

enum govreport_status
gr_section_get(const struct govreport *r, enum govreport_section section,
	       int row, int column, int64_t *coefficient, unsigned *scale,
	       enum govreport_cell_state *state)
{
	struct gr_cell_ref ref;
	const struct gr_cell *cell;
	enum govreport_status st = gr_section_ref(r, section, row, column, &ref);

	if (st != GOVREPORT_OK)
		return st;
	cell = gr_report_cell(r, &ref);
	if (!cell)
		return GOVREPORT_ERR_NOT_FOUND;
	return gr_cell_read_decimal(cell, coefficient, scale, state);
}

enum govreport_status
gr_section_set(struct govreport *r, enum govreport_section section, int row,
	       int column, int64_t coefficient, unsigned scale)
{
	struct gr_cell_ref ref;
	enum govreport_status st = gr_section_ref(r, section, row, column, &ref);

	if (st != GOVREPORT_OK)
		return st;
	return gr_cell_write(r, &ref, coefficient, scale);
}
