/*
 * govreport_sum(): the total (汇总) of several reports of one template and
 * year, cell by cell.
 *
 * A total is only as good as its inputs: a cell that is null in any input
 * (blank, dash, missing, invalid, or its whole table absent) makes the
 * total's cell null too, never a sum that quietly counts it as 0. Each such
 * cell gets a SUM_INCOMPLETE diagnostic with how many inputs were null
 * (actual) and what the others add up to (expected), so that a caller can
 * chase the missing figures.
 */
#include <string.h>

#include "util/alloc.h"
#include "util/decimal.h"
#include "output/json.h"
#include "model/report.h"

/* Whether every input has the same text in a field (NULL in none). */
static int
same_field(const struct govreport *const *reports, size_t n,
	   enum govreport_field field)
{
	const char *first = reports[0]->fields[field];

	if (!first)
		return 0;
	for (size_t i = 1; i < n; i++) {
		const char *s = reports[i]->fields[field];
		if (!s || strcmp(s, first) != 0)
			return 0;
	}
	return 1;
}

static enum govreport_status
sum_fields(struct govreport *total, const struct govreport *const *reports,
	   size_t n)
{
	for (int f = 0; f < GR_FIELD_COUNT; f++) {
		const char *s = reports[0]->fields[f];
		if (!same_field(reports, n, (enum govreport_field)f))
			continue;
		if (gr_report_set_field(total, (enum govreport_field)f, s,
					strlen(s)) < 0)
			return GOVREPORT_ERR_NOMEM;
	}
	/* The introduction too, when every input has the same words. */
	for (size_t i = 0; i < n; i++)
		if (!reports[i]->intro || strcmp(reports[i]->intro, reports[0]->intro) != 0)
			return GOVREPORT_OK;
	total->intro = gr_strdup(reports[0]->intro);
	return total->intro ? GOVREPORT_OK : GOVREPORT_ERR_NOMEM;
}

/* SUM_INCOMPLETE for the cell at @p index: @p nulls of @p n inputs had no
 * value, the others add up to partial × 10^-scale. */
static enum govreport_status
note_incomplete(struct govreport *total, const struct gr_table *table,
		size_t index, size_t nulls, size_t n, int64_t partial,
		unsigned scale)
{
	char text[GR_JSON_DECIMAL_MAX];
	struct gr_cell_ref ref;

	gr_cell_at(table, index, &ref);
	gr_json_format_decimal(partial, scale, text);
	if (gr_diag_add(&total->diags, GR_SUM_INCOMPLETE, NULL, &ref, 0,
			gr_printf("表%s「%s」%s列：%zu份报告中有%zu份无数值，合计留空"
				  "（其余%zu份合计 %s）", table->number,
				  ref.row->label, ref.column->label, n, nulls,
				  n - nulls, text),
			gr_printf("%s, row \"%s\", column \"%s\": no value in %zu "
				  "of %zu reports, so the total is null (the other "
				  "%zu add up to %s)", table->en, ref.row->en,
				  ref.column->en, nulls, n, n - nulls, text)) < 0)
		return GOVREPORT_ERR_NOMEM;
	gr_diag_set_numbers(&total->diags, gr_decimal_trunc(partial, scale),
			    (int64_t)nulls);
	return GOVREPORT_OK;
}

static enum govreport_status
sum_table(struct govreport *total, const struct govreport *const *reports,
	  size_t n, enum govreport_section section)
{
	const struct gr_table *table = gr_table_get(total->tpl, section);
	struct gr_cell *cells;
	int any = 0;

	for (size_t i = 0; i < n; i++)
		any |= gr_report_cells(reports[i], section) != NULL;
	if (!any)
		return GOVREPORT_OK; /* absent everywhere: absent in the total */
	if (gr_report_add_table(total, section) < 0)
		return GOVREPORT_ERR_NOMEM;
	cells = gr_report_cells(total, section);

	for (size_t c = 0; c < table->ncells; c++) {
		int64_t sum = 0;
		unsigned scale = 0;
		size_t nulls = 0;
		int inferred = 0;
		enum govreport_status st;

		for (size_t i = 0; i < n; i++) {
			const struct gr_cell *in = gr_report_cells(reports[i], section);
			if (!in || !gr_cell_has_value(&in[c])) {
				nulls++;
				continue;
			}
			if (gr_decimal_add(sum, scale, in[c].value, in[c].scale,
					   &sum, &scale) < 0)
				return GOVREPORT_ERR_RANGE;
			inferred |= in[c].state == GOVREPORT_CELL_INFERRED;
		}
		if (nulls == 0) {
			gr_cell_set_value(&cells[c], sum, scale,
					  inferred ? GOVREPORT_CELL_INFERRED
						   : GOVREPORT_CELL_PRESENT);
			continue;
		}
		gr_cell_set_null(&cells[c], GOVREPORT_CELL_MISSING);
		st = note_incomplete(total, table, c, nulls, n, sum, scale);
		if (st != GOVREPORT_OK)
			return st;
	}
	return GOVREPORT_OK;
}

GOVREPORT_EXPORT enum govreport_status
govreport_sum(const struct govreport *const *reports, size_t n,
	      struct govreport **out)
{
	struct govreport *total;
	enum govreport_status st = GOVREPORT_OK;

	if (!out)
		return GOVREPORT_ERR_ARGUMENT;
	*out = NULL;
	if (!reports || n == 0)
		return GOVREPORT_ERR_ARGUMENT;
	for (size_t i = 0; i < n; i++)
		if (!reports[i])
			return GOVREPORT_ERR_ARGUMENT;
	for (size_t i = 0; i < n; i++)
		if (!reports[i]->tpl || reports[i]->tpl != reports[0]->tpl ||
		    reports[i]->year != reports[0]->year)
			return GOVREPORT_ERR_TEMPLATE;

	total = gr_report_new(reports[0]->tpl, reports[0]->year);
	if (!total)
		return GOVREPORT_ERR_NOMEM;
	st = sum_fields(total, reports, n);
	for (int s = 0; st == GOVREPORT_OK && s < GR_SECTION_COUNT; s++)
		st = sum_table(total, reports, n, (enum govreport_section)s);
	if (st != GOVREPORT_OK) {
		govreport_free(total);
		return st;
	}
	*out = total;
	return GOVREPORT_OK;
}
