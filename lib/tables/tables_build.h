/*
 * What the files of table recovery share (tables.h says what it does for
 * the section modules): a row's cells as they are written, the equations
 * a reading must satisfy, the rows left open for the equations across
 * rows, and the step each file takes —
 *
 *   tables.c           rows found by their labels, column headers, and
 *                      the reading by rows (gr_recover_by_rows)
 *   tables_cells.c     a value written into its cell, with its diagnostic
 *   tables_rows.c      the items after a row's label laid in its columns
 *   tables_lines.c     a cell per line, an empty line an empty cell
 *                      (LibreOffice's and WPS's text export)
 *   tables_unstated.c  values whose empty cells the shape does not show,
 *                      placed by the equations (placement.h)
 *   tables_fused.c     digits fused across cells, split (digitsplit.h)
 *   tables_open.c      the rows whose own equations leave several
 *                      readings, narrowed across rows (joint.h)
 *   tables_sequence.c  table 四, its cells read in template order
 *   tables_in_order.c  the values in order where the reading by rows goes
 *                      wrong (sequence.h), some of them displaced after
 *                      the table, and gr_recover_table
 *   tables_groups.c    table 二's groups in order, by their captions
 *   tables_detect.c    the template, from the labels only one has
 */
#ifndef GR_TABLES_BUILD_H
#define GR_TABLES_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "check/equation.h"
#include "tables/cellvalue.h"
#include "tables/digitsplit.h"
#include "tables/label.h"
#include "tables/placement.h"
#include "tables/tables.h"

#define NONE ((size_t)-1)

/* Every split the equations accept, kept for the equations across rows
 * (joint.h); none when there are more than GR_OPEN_MAX_READINGS. */
#define GR_OPEN_MAX_READINGS 64

/* The item's key (made once per parse: label.h); 0 when it has none. */
static inline int
item_key(const struct gr_items *items, size_t i, struct gr_key *key)
{
	return gr_item_key(items, i, key);
}

/* The open rows of a table (tables_open.c). */
struct open_row;
struct open_rows {
	struct open_row *rows;
	size_t count, cap;
};

struct row_cells {
	const struct gr_recovery *rc;
	const struct gr_group *group;
	const struct gr_row *row;
	size_t first; /* flat index of the row's first cell */
	/* Where a row whose readings its own equations leave open goes, for
	 * the table's equations across rows to narrow (joint.h); NULL when
	 * the table has none. */
	struct open_rows *open;
};

/* The row_cells of row r of a group of the table being recovered. */
static inline struct row_cells
gr_tables_row_cells(const struct gr_recovery *rc, const struct gr_group *group, size_t r)
{
	struct row_cells rw = { rc, group, &group->rows[r], 0, NULL };

	rw.first = gr_row_first_cell(rc->table, group, rw.row);
	return rw;
}

/* The equations a split must satisfy: those of the table whose cells all
 * lie in [first, first + ncells) (a row's, or table 四's groups'). */
struct split_rule {
	const struct gr_equation *eqs;
	size_t neq, first;
};

struct split_record {
	struct split_rule rule;
	unsigned signed_cells; /* bit c: cell c may be negative (本年增/减) */
	int64_t (*values)[GR_SPLIT_MAX_CELLS]; /* NULL: not recorded */
	size_t count;
};

/* ---- the steps ----------------------------------------------------------- */

/* tables.c: tell the column headers in items [from, to) that match only
 * approximately (LABEL_FUZZY). Returns 0 or -1. */
int gr_tables_check_headers(const struct gr_recovery *rc, const struct gr_group *group,
			    size_t from, size_t to);

/* tables_cells.c: a diagnostic about the cell ref. Returns 0 or -1. */
int gr_tables_diag_cell(const struct gr_recovery *rc, enum gr_code code,
			const struct gr_cell_ref *ref, const struct gr_item *item,
			const char *zh_what, const char *en_what);
/* The cell of rw's column, its ref in *ref. */
struct gr_cell *gr_tables_cell_at(const struct row_cells *rw, size_t column,
				  struct gr_cell_ref *ref);
/* Put one item's value into a column. Returns 0 or -1 (no memory). */
int gr_tables_put_value(const struct row_cells *rw, size_t column,
			const struct gr_item *item, const struct gr_value *v);
/* The columns from `column` on: blank, or missing. Returns 0 or -1. */
int gr_tables_fill_rest(const struct row_cells *rw, size_t column, int blank,
			const struct gr_item *near);

/* tables_rows.c: assign the items [from, to) after a row's label to its
 * columns. Returns 0 or -1. */
int gr_tables_assign_row(const struct row_cells *rw, size_t from, size_t to,
			 const struct gr_item *label);

/* tables_lines.c: whether items [first, last] are a cell per line; the
 * empty lines between them in *inner. */
int gr_tables_cell_per_line(const struct gr_recovery *rc, size_t first, size_t last,
			    size_t *inner);
/* An empty cell the text shows as the empty line `back` lines before the
 * item `near`. Returns 0 or -1. */
int gr_tables_put_empty(const struct row_cells *rw, size_t column,
			const struct gr_item *near, size_t back);
/* A row of values read a cell per line. Returns 1 when it was, 0 when
 * not such, -1. */
int gr_tables_assign_row_by_lines(const struct row_cells *rw, size_t from, size_t first,
				  size_t last, size_t to);

/* tables_unstated.c: the k values from item `first` placed in n cells
 * from flat index cell0 by the equations; the readings kept, or -1 when
 * the items are not such a run. */
long gr_tables_place_unstated(const struct gr_recovery *rc, size_t first, size_t k,
			      size_t cell0, size_t n, size_t *cell,
			      size_t (*holds)[GR_PLACE_MAX_CELLS]);
/* Cell c of a row as gr_tables_place_unstated() decided it. Returns 0 or
 * -1. */
int gr_tables_put_placed(const struct row_cells *rw, size_t column, size_t holds,
			 size_t first);
/* CELL_AMBIGUOUS for a run placed with `kept` readings. */
int gr_tables_diag_placed(const struct gr_recovery *rc, const struct gr_cell_ref *row,
			  const struct gr_item *item, size_t k, size_t n, long kept,
			  const char *what_zh, const char *what_en);
/* CELL_AMBIGUOUS for a row placed with `kept` readings. */
int gr_tables_diag_placed_row(const struct row_cells *rw, size_t first, size_t k, long kept);
/* A row of k < ncolumns values in a shape that drops empty cells: placed
 * by the equations. Returns 1 when it was, 0 when not such, -1. */
int gr_tables_assign_unstated_row(const struct row_cells *rw, size_t first, size_t k);

/* tables_fused.c: whether values satisfy the split_rule ctx. */
int gr_tables_split_fits(const int64_t *values, size_t ncells, void *ctx);
/* Write a split's cells and its diagnostic. Returns 0 or -1. */
int gr_tables_write_split(const struct gr_recovery *rc, const struct gr_cell_ref *row,
			  const struct gr_item *item, const size_t *cells, size_t ncells,
			  const struct gr_split *sp, int across, const char *what_zh,
			  const char *what_en);
/* Table 四 whose only value is a run of fused digits, split. Returns 1
 * when it was, 0 when not such, -1. */
int gr_tables_assign_fused_table(const struct gr_recovery *rc);
/* A row whose only value is a run of fused digits, split. Returns 1 when
 * it was, 0 when not such, -1. */
int gr_tables_assign_fused_row(const struct row_cells *rw, size_t from, size_t to);

/* tables_open.c: keep a row's readings for the equations across rows.
 * Return 0 or -1 (gr_tables_open_unstated_row: 0 also when money with
 * decimals leaves the equations nothing to tell). */
int gr_tables_open_unstated_row(const struct row_cells *rw, size_t first, size_t k,
				size_t (*holds)[GR_PLACE_MAX_CELLS], size_t count);
int gr_tables_open_fused_row(const struct row_cells *rw, const struct gr_item *item,
			     const struct split_record *rec);
/* Narrow the open rows across rows and rewrite those that lost readings.
 * Returns 0 or -1. */
int gr_tables_resolve_open_rows(const struct gr_recovery *rc, struct open_rows *open);
void gr_tables_open_rows_release(struct open_rows *open);

/* tables_in_order.c: the table's cells in print order (flat indexes). */
void gr_tables_print_order(const struct gr_table *t, size_t *order);

/* tables_groups.c: table 二's groups read in order in place of the
 * reading by rows (diagnostics from `mark` on), where that applies.
 * Returns `found`, or -1. */
int gr_tables_read_table_groups(const struct gr_recovery *rc, size_t mark, int found);

#endif
