/*
 * lib/tables/ — the third stage: the representation aligned with the
 * template (this file, in tables.c and the pieces of tables_build.h),
 * with label matching (label.h), cell values (cellvalue.h), placement by
 * the equations where a shape drops empty cells or fuses digits
 * (placement.h, joint.h across rows, sequence.h for a table read in
 * order, digitsplit.h), and one module per table section
 * (active_disclosure, applications, review_litigation) over
 * cell_access.h.
 *
 * Table recovery driven by the template description: rows found by their
 * labels, in template order, and the values that follow each label
 * assigned to its columns in order. The section modules call these with
 * their table and the stretch of the cell stream that holds it.
 */
#ifndef GR_TABLES_H
#define GR_TABLES_H

#include "input/linecells.h"
#include "model/report.h"

/* Items longer than this are prose, never a label or a value. */
#define GR_MAX_CELL_BYTES GOVREPORT_MAX_CELL

struct gr_recovery {
	struct govreport *report;
	const struct gr_items *items;
	const struct gr_table *table;
	size_t begin, end; /* the items that may hold the table */
};

/*
 * Find each row's label and read its values (tables 二 and 三). Makes the
 * table present when any row is found. Returns the number of rows found,
 * or -1 when out of memory.
 */
int gr_recover_by_rows(const struct gr_recovery *rc);

/*
 * Find the rows by their labels (gr_recover_by_rows); when that reading
 * goes wrong (rows not found, values left over) and the stretch's values,
 * taken in order, fill the table exactly and satisfy its equations, read
 * them in order instead (TABLE_IN_ORDER). Returns as gr_recover_by_rows.
 */
int gr_recover_table(const struct gr_recovery *rc);

/*
 * Read the table's cells in template order from the first value in the
 * stretch (table 四, whose stub is a header, not row labels). Returns the
 * number of values read, or -1 when out of memory.
 */
int gr_recover_by_sequence(const struct gr_recovery *rc);

/*
 * The first item in [begin, end) whose text is the label of `row` (exactly,
 * or an official variant), or `end`.
 */
size_t gr_find_label(const struct gr_items *items, size_t begin, size_t end,
		     const struct gr_row *row);

/*
 * Which template the labels in [begin, end) belong to, from the labels only
 * one template has (本年制发件数 vs 本年新制作数量, 政府集中采购, …).
 * Returns GOVREPORT_TEMPLATE_UNKNOWN when no such label occurs or the
 * votes tie.
 */
enum govreport_template gr_detect_template(const struct gr_items *items,
					   size_t begin, size_t end);

#endif
