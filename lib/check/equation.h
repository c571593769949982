/*
 * lib/check/ — the fourth stage, the rules of SPEC §5: govreport_validate()
 * (validate.c), the equations (this file) and the prose against the
 * tables (narrative.h). It reads the report model only.
 *
 * The tables' equations (勾稽关系) on cells: each says that the cells on
 * its left add up to the cells on its right. This module states them from
 * the template's (struct gr_sum in template.h: one equation per column or
 * row), checks them, infers null cells they determine, and finds the one
 * cell whose change would make every failing equation of a table hold
 * (SUGGESTED_FIX).
 */
#ifndef GR_EQUATION_H
#define GR_EQUATION_H

#include "model/report.h"

#define GR_EQ_MAX_TERMS 32

struct gr_equation {
	enum gr_code code;
	const struct gr_table *table;
	/* What it is about: a row (its columns add up) or a column (its rows
	 * add up). Exactly one of the two is set. */
	const struct gr_row *row;
	const struct gr_column *column;
	size_t lhs[GR_EQ_MAX_TERMS], nlhs; /* flat cell indexes */
	size_t rhs[GR_EQ_MAX_TERMS], nrhs;
	/* A name for a long right side ("办理结果各项之和"), or NULL to list
	 * its terms. */
	const char *rhs_zh, *rhs_en;
};

struct gr_equations {
	struct gr_equation *items;
	size_t count, cap;
	int fixed; /* items is storage of fixed size: never reallocated */
};

/* Append a copy. Returns 0, or -1 when out of memory. */
int gr_equations_add(struct gr_equations *eqs, const struct gr_equation *eq);
void gr_equations_release(struct gr_equations *eqs);

/*
 * State a table's equations (its template's sums, in order: one equation
 * per column or row of each group holding the terms). Returns 0, or -1
 * when out of memory or the fixed storage is full.
 */
int gr_equations_state(const struct gr_table *table, struct gr_equations *eqs);

/*
 * The equations of one table of a template (tables 三 and 四 have them;
 * table 二 has none), stated once per process (validate.c); *count is set.
 * NULL when the table has none.
 */
const struct gr_equation *gr_table_equations(const struct gr_template *tpl,
					     enum govreport_section section,
					     size_t *count);


/*
 * Fill null cells that an equation with every other cell known
 * determines (GOVREPORT_INFER), marking them INFERRED with a
 * CELL_INFERRED diagnostic each. Returns 0 or -1 (no memory).
 */
int gr_equations_infer(struct govreport *r, const struct gr_equations *eqs,
		       unsigned flags);

/*
 * Check every equation: a diagnostic with the equation's code for each
 * that fails, and with GOVREPORT_VALIDATE_DETAIL a CHECK_SKIPPED for each
 * skipped for a null cell. Then, per table, SUGGESTED_FIX where one cell
 * change makes all of its failing equations hold. Returns 0 or -1.
 */
int gr_equations_check(struct govreport *r, const struct gr_equations *eqs,
		       unsigned flags);

#endif
