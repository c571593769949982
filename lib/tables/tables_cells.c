/*
 * A value written into its cell of the report, with the diagnostic it
 * calls for (blank, dash, text, overflow, a fraction in a count, extra
 * numbers, a unit), and the columns no value reached. See tables_build.h.
 */
#include "tables/tables_build.h"

int
gr_tables_diag_cell(const struct gr_recovery *rc, enum gr_code code,
		    const struct gr_cell_ref *ref, const struct gr_item *item,
		    const char *zh_what, const char *en_what)
{
	const struct gr_table *t = rc->table;

	return gr_diag_add(&rc->report->diags, code, NULL, ref,
			   item ? item->line : 0,
			   gr_printf("表%s「%s」%s列%s", t->number, ref->row->label,
				     ref->column->label, zh_what),
			   gr_printf("%s, row \"%s\", column \"%s\": %s", t->en,
				     ref->row->en, ref->column->en, en_what));
}

struct gr_cell *
gr_tables_cell_at(const struct row_cells *rw, size_t column, struct gr_cell_ref *ref)
{
	*ref = (struct gr_cell_ref){ rw->rc->table, rw->group, rw->row,
				     &rw->group->columns[column],
				     rw->first + column };
	return gr_report_cell(rw->rc->report, ref);
}

static int
set_raw(struct govreport *r, struct gr_cell *cell, const struct gr_item *item)
{
	cell->line = item->line;
	cell->column = item->column;
	cell->offset = item->offset;
	return gr_report_set_raw(r, cell, item->text, item->len);
}

/* Put one item's value into a column. Returns 0 or -1 (no memory). */
int
gr_tables_put_value(const struct row_cells *rw, size_t column, const struct gr_item *item,
		    const struct gr_value *v)
{
	struct gr_cell_ref ref;
	struct gr_cell *cell = gr_tables_cell_at(rw, column, &ref);
	const struct gr_recovery *rc = rw->rc;
	int money = ref.column->flags & GR_COL_MONEY;

	if (set_raw(rc->report, cell, item) < 0)
		return -1;
	switch (v->kind) {
	case GR_VALUE_BLANK:
		gr_cell_set_null(cell, GOVREPORT_CELL_BLANK);
		return gr_tables_diag_cell(rc, GR_CELL_BLANK, &ref, item, "为空", "is empty");
	case GR_VALUE_DASH:
		gr_cell_set_null(cell, GOVREPORT_CELL_DASH);
		return gr_tables_diag_cell(rc, GR_CELL_DASH, &ref, item, "填写了短横线或“无”，按空值处理",
					   "holds a dash or 无, read as no value");
	case GR_VALUE_TEXT:
		gr_cell_set_null(cell, GOVREPORT_CELL_INVALID);
		return gr_tables_diag_cell(rc, GR_CELL_INVALID, &ref, item, "不是数字",
					   "holds text, not a number");
	case GR_VALUE_OVERFLOW:
		gr_cell_set_null(cell, GOVREPORT_CELL_INVALID);
		return gr_tables_diag_cell(rc, GR_CELL_OVERFLOW, &ref, item,
					   "的数字太大，超出可表示的范围，按空值处理",
					   "holds a number too large for a cell; read as no value");
	case GR_VALUE_NUMBER:
		break;
	}
	if (v->scale > 0 && !money) {
		gr_cell_set_null(cell, GOVREPORT_CELL_INVALID);
		return gr_tables_diag_cell(rc, GR_CELL_INVALID, &ref, item, "应为整数",
					   "holds a fraction where a count belongs");
	}
	gr_cell_set_value(cell, v->coefficient, v->scale, GOVREPORT_CELL_PRESENT);
	if (v->extra && gr_tables_diag_cell(rc, GR_CELL_EXTRA, &ref, item,
					    "一格中有多个数字，取第一个",
					    "holds several numbers; the first is kept") < 0)
		return -1;
	if (v->unit && gr_tables_diag_cell(rc, GR_CELL_UNIT, &ref, item,
					   "数字后的单位或注释符号已忽略",
					   "a unit or note mark after the number was dropped") < 0)
		return -1;
	return 0;
}

/* The columns no item reached: blank if the document has empty cells
 * there, missing if the row simply ends. */
int
gr_tables_fill_rest(const struct row_cells *rw, size_t column, int blank,
		    const struct gr_item *near)
{
	for (size_t c = column; c < rw->group->ncolumns; c++) {
		struct gr_cell_ref ref;
		struct gr_cell *cell = gr_tables_cell_at(rw, c, &ref);
		gr_cell_set_null(cell, blank ? GOVREPORT_CELL_BLANK
					     : GOVREPORT_CELL_MISSING);
		if (near) {
			cell->line = near->line;
			cell->offset = near->offset;
		}
		if (gr_tables_diag_cell(rw->rc, GR_CELL_BLANK, &ref, near,
					blank ? "为空" : "缺失", blank ? "is empty" : "is missing") < 0)
			return -1;
	}
	return 0;
}
