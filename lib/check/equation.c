/* Checking, inferring and repairing the tables' equations; see equation.h. */
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "check/equation.h"
#include "util/strbuf.h"

int
gr_equations_add(struct gr_equations *eqs, const struct gr_equation *eq)
{
	if (eqs->count == eqs->cap) {
		size_t cap = eqs->cap ? eqs->cap * 2 : 64;
		if (eqs->fixed)
			return -1;
		struct gr_equation *items =
			gr_realloc(eqs->items, cap * sizeof(*items));
		if (!items)
			return -1;
		eqs->items = items;
		eqs->cap = cap;
	}
	eqs->items[eqs->count++] = *eq;
	return 0;
}

void
gr_equations_release(struct gr_equations *eqs)
{
	gr_free(eqs->items);
	*eqs = (struct gr_equations){ 0 };
}

/* ---- stating ----------------------------------------------------------- */

/* The enum of the i-th row (column) of a group: the terms of an equation
 * holding in each column are rows, and the other way round. */
static int
term_at(const struct gr_group *g, enum gr_sum_in in, size_t i)
{
	return in == GR_SUM_IN_EACH_COLUMN ? g->rows[i].row : g->columns[i].column;
}

/* The flat index of the cell (row, column) of a group, or -1. */
static size_t
group_cell(const struct gr_table *t, const struct gr_group *g, int row, int column)
{
	for (size_t r = 0; r < g->nrows; r++) {
		if (g->rows[r].row != row)
			continue;
		for (size_t c = 0; c < g->ncolumns; c++)
			if (g->columns[c].column == column)
				return gr_row_first_cell(t, g, &g->rows[r]) + c;
		break;
	}
	return (size_t)-1;
}

/* Add the terms on a line (a column or row enum) to a side; 0, or -1 when
 * the group lacks one. */
static int
add_terms(const struct gr_table *t, const struct gr_group *g, enum gr_sum_in in,
	  const int *terms, size_t n, int line, size_t *side, size_t *count)
{
	for (size_t i = 0; i < n; i++) {
		side[*count] = in == GR_SUM_IN_EACH_COLUMN ? group_cell(t, g, terms[i], line)
							   : group_cell(t, g, line, terms[i]);
		if (side[(*count)++] == (size_t)-1)
			return -1;
	}
	return 0;
}

/* The right side as a run of the group's rows (columns): from rhs_from up
 * to, not including, rhs_until. */
static int
add_run(const struct gr_table *t, const struct gr_group *g,
	const struct gr_sum *sum, int line, struct gr_equation *eq)
{
	size_t n = sum->in == GR_SUM_IN_EACH_COLUMN ? g->nrows : g->ncolumns;
	int inside = 0;

	for (size_t i = 0; i < n && eq->nrhs < GR_EQ_MAX_TERMS; i++) {
		int term = term_at(g, sum->in, i);
		if (term == sum->rhs_until)
			break;
		inside |= term == sum->rhs_from;
		if (inside && add_terms(t, g, sum->in, &term, 1, line, eq->rhs, &eq->nrhs) < 0)
			return -1;
	}
	return 0;
}

int
gr_equations_state(const struct gr_table *table, struct gr_equations *eqs)
{
	for (size_t s = 0; s < table->nsums; s++) {
		const struct gr_sum *sum = &table->sums[s];
		for (size_t g = 0; g < table->ngroups; g++) {
			const struct gr_group *group = &table->groups[g];
			int per_column = sum->in == GR_SUM_IN_EACH_COLUMN;
			size_t nlines = per_column ? group->ncolumns : group->nrows;
			for (size_t i = 0; i < nlines; i++) {
				int line = per_column ? group->columns[i].column
						      : group->rows[i].row;
				struct gr_equation eq = {
					.code = sum->code, .table = table,
					.column = per_column ? &group->columns[i] : NULL,
					.row = per_column ? NULL : &group->rows[i],
					.rhs_zh = sum->rhs_zh, .rhs_en = sum->rhs_en,
				};
				/* A group without the terms has no such equation. */
				if (add_terms(table, group, sum->in, sum->lhs, sum->nlhs,
					      line, eq.lhs, &eq.nlhs) < 0 ||
				    add_terms(table, group, sum->in, sum->rhs, sum->nrhs,
					      line, eq.rhs, &eq.nrhs) < 0 ||
				    (sum->nrhs == 0 && add_run(table, group, sum, line, &eq) < 0))
					continue;
				if (gr_equations_add(eqs, &eq) < 0)
					return -1;
			}
		}
	}
	return 0;
}

/* ---- evaluation -------------------------------------------------------- */

enum eval {
	HOLDS,
	FAILS,
	SKIPPED,
};

/* A cell's value for the equations, or -1 when it has none. */
static int
term_value(const struct gr_cell *cell, unsigned flags, int64_t *value)
{
	if (gr_cell_has_value(cell) && cell->scale == 0) {
		*value = cell->value;
		return 0;
	}
	if (cell->state == GOVREPORT_CELL_BLANK && (flags & GOVREPORT_BLANK_AS_ZERO)) {
		*value = 0;
		return 0;
	}
	return -1;
}

/* Sum a side; -1 when a term is null (*null_at names it) or it overflows. */
static int
side_sum(const struct gr_cell *cells, const size_t *terms, size_t n,
	 unsigned flags, int64_t *sum, size_t *null_at)
{
	*sum = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t v;
		if (term_value(&cells[terms[i]], flags, &v) < 0) {
			*null_at = terms[i];
			return -1;
		}
		if (__builtin_add_overflow(*sum, v, sum)) {
			*null_at = (size_t)-1;
			return -1;
		}
	}
	return 0;
}

static enum eval
evaluate(const struct govreport *r, const struct gr_equation *eq, unsigned flags,
	 int64_t *lhs, int64_t *rhs, size_t *null_at)
{
	const struct gr_cell *cells = gr_report_cells(r, eq->table->section);

	if (!cells)
		return SKIPPED;
	if (side_sum(cells, eq->lhs, eq->nlhs, flags, lhs, null_at) < 0 ||
	    side_sum(cells, eq->rhs, eq->nrhs, flags, rhs, null_at) < 0)
		return SKIPPED;
	return *lhs == *rhs ? HOLDS : FAILS;
}

/* ---- messages ---------------------------------------------------------- */

static void
cell_ref(const struct gr_table *table, size_t index, struct gr_cell_ref *ref)
{
	gr_cell_at(table, index, ref);
}

/* The name of one term: its row in a column equation, its column in a
 * row equation. */
static void
term_name(const struct gr_equation *eq, size_t index, int en, struct gr_strbuf *out)
{
	struct gr_cell_ref ref;

	cell_ref(eq->table, index, &ref);
	if (eq->column)
		gr_strbuf_puts(out, en ? ref.row->en : gr_row_brief(ref.row));
	else
		gr_strbuf_puts(out, en ? ref.column->en : ref.column->label);
}

static void
side_text(const struct gr_equation *eq, const size_t *terms, size_t n,
	  const char *name, int en, struct gr_strbuf *out)
{
	if (name) {
		gr_strbuf_puts(out, name);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (i)
			gr_strbuf_puts(out, " + ");
		term_name(eq, terms[i], en, out);
	}
}

/* "表三 自然人列：" / "表三「（一）予以公开」行：" and their English. */
static void
scope_text(const struct gr_equation *eq, int en, struct gr_strbuf *out)
{
	if (en)
		gr_strbuf_printf(out, "%s, %s \"%s\": ", eq->table->en,
				 eq->column ? "column" : "row",
				 eq->column ? eq->column->en : eq->row->en);
	else if (eq->column)
		gr_strbuf_printf(out, "表%s %s列：", eq->table->number, eq->column->label);
	else
		gr_strbuf_printf(out, "表%s「%s」行：", eq->table->number, eq->row->label);
}

/* "一、本年新收 + 二、上年结转 = 12，（七）总计 + 四、结转下年度 = 11" */
static char *
equation_text(const struct gr_equation *eq, int64_t lhs, int64_t rhs, int en)
{
	struct gr_strbuf out;

	gr_strbuf_init(&out);
	scope_text(eq, en, &out);
	side_text(eq, eq->lhs, eq->nlhs, NULL, en, &out);
	gr_strbuf_printf(&out, " = %lld%s", (long long)lhs, en ? ", " : "，");
	side_text(eq, eq->rhs, eq->nrhs, en ? eq->rhs_en : eq->rhs_zh, en, &out);
	gr_strbuf_printf(&out, " = %lld", (long long)rhs);
	return gr_strbuf_steal(&out, NULL);
}

static char *
skipped_text(const struct gr_equation *eq, size_t null_at, int en)
{
	struct gr_strbuf out;
	struct gr_cell_ref ref;

	gr_strbuf_init(&out);
	scope_text(eq, en, &out);
	if (null_at == (size_t)-1) {
		gr_strbuf_puts(&out, en ? "check skipped: the sums are too large"
					: "数值过大，未检查");
	} else {
		cell_ref(eq->table, null_at, &ref);
		if (en)
			gr_strbuf_printf(&out, "check skipped: row \"%s\", column \"%s\" has no value",
					 ref.row->en, ref.column->en);
		else
			gr_strbuf_printf(&out, "「%s」%s列无数值，未检查", ref.row->label,
					 ref.column->label);
	}
	return gr_strbuf_steal(&out, NULL);
}

/* The diagnostic points at the first cell of the left side. */
static int
add_equation_diag(struct govreport *r, const struct gr_equation *eq,
		  enum gr_code code, char *zh, char *en)
{
	struct gr_cell_ref ref;
	const struct gr_cell *cell;

	cell_ref(eq->table, eq->lhs[0], &ref);
	cell = gr_report_cell(r, &ref);
	return gr_diag_add(&r->diags, code, NULL, &ref, cell ? cell->line : 0, zh, en);
}

/* ---- inference --------------------------------------------------------- */

/* The one null term of an equation whose other terms are known. */
static int
single_unknown(const struct gr_cell *cells, const struct gr_equation *eq,
	       unsigned flags, size_t *unknown, int *on_left)
{
	size_t found = 0;
	int64_t v;

	for (int side = 0; side < 2; side++) {
		const size_t *terms = side ? eq->rhs : eq->lhs;
		size_t n = side ? eq->nrhs : eq->nlhs;
		for (size_t i = 0; i < n; i++) {
			if (term_value(&cells[terms[i]], flags, &v) == 0)
				continue;
			if (cells[terms[i]].scale != 0 || found++)
				return 0;
			*unknown = terms[i];
			*on_left = side == 0;
		}
	}
	return found == 1;
}

/* Sum of a side without one term. */
static int
sum_without(const struct gr_cell *cells, const size_t *terms, size_t n,
	    size_t skip, unsigned flags, int64_t *sum)
{
	*sum = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t v;
		if (terms[i] == skip)
			continue;
		if (term_value(&cells[terms[i]], flags, &v) < 0 ||
		    __builtin_add_overflow(*sum, v, sum))
			return -1;
	}
	return 0;
}

static int
infer_one(struct govreport *r, const struct gr_equation *eq, unsigned flags,
	  int *changed)
{
	struct gr_cell *cells = gr_report_cells(r, eq->table->section);
	struct gr_cell_ref ref;
	size_t unknown = 0;
	int on_left = 0;
	int64_t own, other, value;

	if (!cells || !single_unknown(cells, eq, flags, &unknown, &on_left))
		return 0;
	if (sum_without(cells, on_left ? eq->lhs : eq->rhs,
			on_left ? eq->nlhs : eq->nrhs, unknown, flags, &own) < 0 ||
	    sum_without(cells, on_left ? eq->rhs : eq->lhs,
			on_left ? eq->nrhs : eq->nlhs, (size_t)-1, flags, &other) < 0 ||
	    __builtin_sub_overflow(other, own, &value) || value < 0)
		return 0;
	gr_cell_set_value(&cells[unknown], value, 0, GOVREPORT_CELL_INFERRED);
	*changed = 1;
	cell_ref(eq->table, unknown, &ref);
	if (gr_diag_add(&r->diags, GR_CELL_INFERRED, NULL, &ref, cells[unknown].line,
			gr_printf("表%s「%s」%s列无数值，按本表等式推算为 %lld",
				  eq->table->number, ref.row->label, ref.column->label,
				  (long long)value),
			gr_printf("%s, row \"%s\", column \"%s\" had no value; the "
				  "table's equations give %lld", eq->table->en,
				  ref.row->en, ref.column->en, (long long)value)) < 0)
		return -1;
	gr_diag_set_expected(&r->diags, value);
	return 0;
}

int
gr_equations_infer(struct govreport *r, const struct gr_equations *eqs,
		   unsigned flags)
{
	/* Each round may complete another equation; every round fills at
	 * least one cell, so the rounds are bounded by the cells. */
	for (int changed = 1; changed;) {
		changed = 0;
		for (size_t i = 0; i < eqs->count; i++)
			if (infer_one(r, &eqs->items[i], flags, &changed) < 0)
				return -1;
	}
	return 0;
}

/* ---- suggested fix ----------------------------------------------------- */

/*
 * Whether `to` could be `from` mistyped: one digit changed, added or
 * dropped, or two neighbours swapped (81 for 18).
 */
static int
is_typo_of(int64_t from, int64_t to)
{
	char a[24], b[24];
	size_t la, lb, i = 0;

	la = (size_t)snprintf(a, sizeof(a), "%lld", (long long)from);
	lb = (size_t)snprintf(b, sizeof(b), "%lld", (long long)to);
	while (i < la && i < lb && a[i] == b[i])
		i++;
	if (la == lb) {
		if (strcmp(a + i + 1, b + i + 1) == 0)
			return 1; /* one digit changed */
		return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
		       strcmp(a + i + 2, b + i + 2) == 0;
	}
	if (la + 1 == lb)
		return strcmp(a + i, b + i + 1) == 0;
	if (lb + 1 == la)
		return strcmp(a + i + 1, b + i) == 0;
	return 0;
}

struct fix {
	size_t cell;
	int64_t from, to;
};

/* Would setting `cell` to `value` make every equation of the table that
 * can be checked hold? */
static int
fix_works(struct govreport *r, const struct gr_equations *eqs,
	  const struct gr_table *table, size_t cell, int64_t value, unsigned flags)
{
	struct gr_cell *cells = gr_report_cells(r, table->section);
	int64_t saved = cells[cell].value, lhs, rhs;
	size_t null_at;
	int ok = 1;

	cells[cell].value = value;
	for (size_t i = 0; i < eqs->count && ok; i++) {
		if (eqs->items[i].table != table)
			continue;
		ok = evaluate(r, &eqs->items[i], flags, &lhs, &rhs, &null_at) != FAILS;
	}
	cells[cell].value = saved;
	return ok;
}

static int
suggest_for_table(struct govreport *r, const struct gr_equations *eqs,
		  const struct gr_table *table, unsigned flags)
{
	struct gr_cell *cells = gr_report_cells(r, table->section);
	const struct gr_equation *first = NULL;
	struct fix found[GR_EQ_MAX_TERMS * 2];
	size_t nfound = 0, failing = 0, plausible = 0, pick = 0;
	int64_t lhs, rhs, first_lhs = 0, first_rhs = 0;
	size_t null_at;

	if (!cells)
		return 0;
	for (size_t i = 0; i < eqs->count; i++) {
		const struct gr_equation *eq = &eqs->items[i];
		if (eq->table != table ||
		    evaluate(r, eq, flags, &lhs, &rhs, &null_at) != FAILS)
			continue;
		if (!first) {
			first = eq;
			first_lhs = lhs;
			first_rhs = rhs;
		}
		failing++;
	}
	if (!first)
		return 0;
	/* The changed cell must be in the first failing equation; solve it
	 * for each of its present cells and keep the changes under which no
	 * equation of the table fails. */
	for (int side = 0; side < 2; side++) {
		const size_t *terms = side ? first->rhs : first->lhs;
		size_t n = side ? first->nrhs : first->nlhs;
		for (size_t i = 0; i < n && nfound < sizeof(found) / sizeof(found[0]); i++) {
			size_t cell = terms[i];
			int64_t to;
			if (cells[cell].state != GOVREPORT_CELL_PRESENT || cells[cell].scale)
				continue;
			if (__builtin_add_overflow(cells[cell].value,
						   side ? first_lhs - first_rhs
							: first_rhs - first_lhs, &to) ||
			    to < 0 || !fix_works(r, eqs, table, cell, to, flags))
				continue;
			found[nfound++] = (struct fix){ cell, cells[cell].value, to };
		}
	}
	/* Where several cells would do (a lone failing equation), name one
	 * only if it alone reads as a typo of the value written. */
	if (nfound > 1) {
		for (size_t i = 0; i < nfound; i++)
			if (is_typo_of(found[i].from, found[i].to)) {
				plausible++;
				pick = i;
			}
		if (plausible != 1)
			return 0;
	} else if (nfound == 0) {
		return 0;
	}
	{
		struct gr_cell_ref ref;
		const struct fix *f = &found[pick];
		cell_ref(table, f->cell, &ref);
		if (gr_diag_add(&r->diags, GR_SUGGESTED_FIX, NULL, &ref, cells[f->cell].line,
				gr_printf("表%s「%s」%s列若为 %lld（现为 %lld），本表%zu处不平衡的"
					  "等式都将成立：可能是录入或识别错误",
					  table->number, ref.row->label, ref.column->label,
					  (long long)f->to, (long long)f->from, failing),
				gr_printf("%s, row \"%s\", column \"%s\": %lld instead of %lld "
					  "would make all %zu failing equations of the table hold; "
					  "likely a typo or an extraction error", table->en,
					  ref.row->en, ref.column->en, (long long)f->to,
					  (long long)f->from, failing)) < 0)
			return -1;
		gr_diag_set_numbers(&r->diags, f->to, f->from);
	}
	return 0;
}

/* ---- checking ---------------------------------------------------------- */

int
gr_equations_check(struct govreport *r, const struct gr_equations *eqs,
		   unsigned flags)
{
	const struct gr_table *tables[GR_SECTION_COUNT] = { NULL };

	for (size_t i = 0; i < eqs->count; i++) {
		const struct gr_equation *eq = &eqs->items[i];
		int64_t lhs, rhs;
		size_t null_at;
		enum eval e = evaluate(r, eq, flags, &lhs, &rhs, &null_at);
		tables[eq->table->section] = eq->table;
		if (e == FAILS) {
			if (add_equation_diag(r, eq, eq->code, equation_text(eq, lhs, rhs, 0),
					      equation_text(eq, lhs, rhs, 1)) < 0)
				return -1;
			gr_diag_set_numbers(&r->diags, rhs, lhs);
		} else if (e == SKIPPED && (flags & GOVREPORT_VALIDATE_DETAIL) &&
			   gr_report_cells(r, eq->table->section)) {
			if (add_equation_diag(r, eq, GR_CHECK_SKIPPED,
					      skipped_text(eq, null_at, 0),
					      skipped_text(eq, null_at, 1)) < 0)
				return -1;
		}
	}
	for (int s = 0; s < GR_SECTION_COUNT; s++)
		if (tables[s] && suggest_for_table(r, eqs, tables[s], flags) < 0)
			return -1;
	return 0;
}
