/*
 * Values whose empty cells the text does not show, placed by the tables'
 * equations (lib/tables/sequence.c, lib/tables/joint.c), and the cases of
 * tests/data/input they read: a cell is kept only where every reading the
 * equations allow agrees on it — checked against the reports' own
 * expected.json, the truth the texts were made from.
 */
#include <stdlib.h>
#include <string.h>

#include "govreport.h"
#include "check/equation.h"
#include "model/report.h"
#include "model/template.h"
#include "tables/joint.h"
#include "tables/placement.h"
#include "tables/sequence.h"
#include "testutil.h"

/* A report as its expected.json under tests/data says. */
static struct govreport *
load_truth(const char *relative)
{
	char *path = test_data_path(relative), *json, *error = NULL;
	struct govreport *r = NULL;
	size_t len;

	json = test_read_file(path, &len);
	ck_assert_msg(govreport_from_json(json, len, 0, &r, &error) == GOVREPORT_OK, "%s: %s",
		      path, error ? error : "");
	free(json);
	free(path);
	return r;
}

static size_t
count_code(const struct govreport *r, const char *code, const char *section)
{
	return test_count_diags(r, code, section, NULL, NULL);
}

/*
 * Table 三 of a real report in print order, with the cells `dropped`
 * (flat indexes, each a 0 of the report) left out as a shape that drops
 * empty cells would: placed back by gr_place_sequence(). Every cell it
 * keeps must be the report's; returns how many it keeps.
 */
static size_t
place_back(const struct govreport *truth, const size_t *dropped, size_t ndropped,
	   size_t *unsure_at)
{
	const struct gr_table *t = gr_table_get(truth->tpl, GOVREPORT_SECTION_APPLICATIONS);
	const struct gr_cell *cells = gr_report_cells(truth, GOVREPORT_SECTION_APPLICATIONS);
	const struct gr_group *g = &t->groups[0];
	size_t n = g->nrows * g->ncolumns, k = 0, kept = 0, neq;
	const struct gr_equation *eqs = gr_table_equations(truth->tpl, t->section, &neq);
	size_t *order = calloc(n, sizeof(*order)), *cell = calloc(n, sizeof(*cell));
	size_t *from = calloc(n, sizeof(*from));
	int64_t *numbers = calloc(n, sizeof(*numbers));

	ck_assert(order && cell && from && numbers);
	ck_assert_uint_eq(t->ngroups, 1);
	for (size_t p = 0; p < n; p++) {
		int drop = 0;
		order[p] = p;
		for (size_t d = 0; d < ndropped; d++)
			drop |= dropped[d] == p;
		ck_assert(gr_cell_has_value(&cells[p]));
		if (drop) {
			ck_assert_int_eq(cells[p].value, 0);
			continue;
		}
		from[k] = p;
		numbers[k++] = cells[p].value;
	}
	ck_assert_int_eq(gr_place_sequence(numbers, k, g->nrows, g->ncolumns, order, t->ncells,
					   eqs, neq, cell),
			 1);
	*unsure_at = (size_t)-1;
	for (size_t p = 0; p < n; p++) {
		int drop = 0;
		for (size_t d = 0; d < ndropped; d++)
			drop |= dropped[d] == p;
		if (cell[p] == GR_PLACE_UNSURE) {
			*unsure_at = p;
			continue;
		}
		kept++;
		if (cell[p] == GR_PLACE_EMPTY)
			ck_assert_msg(drop, "cell %zu read as empty, but it holds %lld", p,
				      (long long)cells[p].value);
		else
			ck_assert_msg(numbers[cell[p]] == cells[p].value,
				      "cell %zu read as %lld, but it holds %lld", p,
				      (long long)numbers[cell[p]], (long long)cells[p].value);
	}
	free(order);
	free(cell);
	free(from);
	free(numbers);
	return kept;
}

/* A 0 dropped from a row whose other cells are not all 0 (二、上年结转: 7
 * 0 0 1 1 0 9): the row's total and the column equations (一+二 = 三+四)
 * with the other rows tell which; every cell is kept. */
START_TEST(sequence_places_by_columns)
{
	struct govreport *truth = load_truth("input/pdftotext-plain/004-figures-utf16/expected.json");
	/* carried_over (row 1) 商业企业 and 科研机构: flat 8 and 9. */
	static const size_t dropped[] = { 8, 9 };
	size_t unsure;

	ck_assert_uint_eq(place_back(truth, dropped, 2, &unsure), 161);
	govreport_free(truth);
}
END_TEST

/* A 0 dropped from a row of zeros: which of its cells was empty is not in
 * the text, and no equation tells; those cells stay unsure, and only
 * those. */
START_TEST(sequence_leaves_zero_rows_unsure)
{
	struct govreport *truth = load_truth("input/pdftotext-plain/004-figures-utf16/expected.json");
	/* denied_three_securities (row 6) is all 0: its 自然人 is flat 42. */
	static const size_t dropped[] = { 42 };
	size_t unsure, kept = place_back(truth, dropped, 1, &unsure);

	ck_assert_uint_lt(kept, 161);
	/* The zeros around it may take the empty place too, but nothing
	 * with a number other than 0 moves. */
	ck_assert_uint_ge(kept, 161 - 7 * 3);
	govreport_free(truth);
}
END_TEST

/*
 * Table 三 of the report as plain pdftotext printed it (004-figures-utf16):
 * the 自然人 cells of rows (三) 3.-5., (四) 2.-3. and (五) 3.-4. carried
 * after the table, the others in order. gr_place_sequence_displaced()
 * with the displaced numbers given `displaced` (NULL: the report's own)
 * returns its status; with the report's, every cell must be the report's.
 */
static int
place_displaced(const struct govreport *truth, const int64_t *displaced)
{
	static const size_t rows[] = { 6, 7, 8, 13, 14, 17, 18 };
	const struct gr_table *t = gr_table_get(truth->tpl, GOVREPORT_SECTION_APPLICATIONS);
	const struct gr_cell *cells = gr_report_cells(truth, GOVREPORT_SECTION_APPLICATIONS);
	const struct gr_group *g = &t->groups[0];
	size_t n = g->nrows * g->ncolumns, k = 0, d = 0, neq, nd = sizeof(rows) / sizeof(*rows);
	const struct gr_equation *eqs = gr_table_equations(truth->tpl, t->section, &neq);
	size_t *order = calloc(n, sizeof(*order)), *cell = calloc(n, sizeof(*cell));
	int64_t *numbers = calloc(n, sizeof(*numbers));
	int status;

	ck_assert(order && cell && numbers);
	for (size_t p = 0; p < n; p++) {
		int moved = 0;
		order[p] = p;
		for (size_t i = 0; i < nd; i++)
			moved |= p == rows[i] * g->ncolumns;
		ck_assert(gr_cell_has_value(&cells[p]));
		if (moved)
			numbers[n - nd + d] = displaced ? displaced[d] : cells[p].value, d++;
		else
			numbers[k++] = cells[p].value;
	}
	ck_assert_uint_eq(d, nd);
	status = gr_place_sequence_displaced(numbers, k, g->nrows, g->ncolumns, order, t->ncells,
					     eqs, neq, cell, NULL);
	for (size_t p = 0; p < n; p++) {
		if (status != 1) {
			ck_assert_uint_eq(cell[p], GR_PLACE_UNSURE);
			continue;
		}
		ck_assert_uint_lt(cell[p], n);
		ck_assert_msg(numbers[cell[p]] == cells[p].value, "cell %zu read as %lld, holds %lld",
			      p, (long long)numbers[cell[p]], (long long)cells[p].value);
	}
	free(order);
	free(cell);
	free(numbers);
	return status;
}

/* The displaced numbers back in their cells: the numbers in place fill
 * the others, and the equations leave one table, the report's. */
START_TEST(sequence_places_displaced)
{
	struct govreport *truth = load_truth("input/pdftotext-plain/004-figures-utf16/expected.json");

	ck_assert_int_eq(place_displaced(truth, NULL), 1);
	govreport_free(truth);
}
END_TEST

/* Displaced numbers that are not what their cells solve to (the report's
 * 0 7 4 12 14 3 2 with 7 and 4 swapped): no reading, every cell unsure —
 * never the nearest fit. */
START_TEST(sequence_displaced_must_match)
{
	struct govreport *truth = load_truth("input/pdftotext-plain/004-figures-utf16/expected.json");
	static const int64_t swapped[] = { 0, 4, 7, 12, 14, 3, 2 };

	ck_assert_int_eq(place_displaced(truth, swapped), 0);
	govreport_free(truth);
}
END_TEST

/* Joint narrowing: two rows whose own equations leave two readings each
 * (fused digits of fused-004-figures: 予以公开 146112051165 and 总计
 * 291133184320) are settled by the column equations with the rows read
 * plainly. */
START_TEST(joint_fused_rows)
{
	struct govreport *r = test_parse_data_file("input/web-oneline/fused-004-figures/input.txt");
	struct govreport *truth = load_truth("input/web-oneline/fused-004-figures/expected.json");
	const struct gr_table *t = gr_table_get(r->tpl, GOVREPORT_SECTION_APPLICATIONS);
	const struct gr_cell *got = gr_report_cells(r, GOVREPORT_SECTION_APPLICATIONS);
	const struct gr_cell *want = gr_report_cells(truth, GOVREPORT_SECTION_APPLICATIONS);

	for (size_t c = 0; c < t->ncells; c++) {
		ck_assert_msg(gr_cell_has_value(&got[c]), "table 三 cell %zu is null", c);
		ck_assert_int_eq(got[c].value, want[c].value);
	}
	ck_assert_uint_eq(count_code(r, "CELL_AMBIGUOUS", "applications"), 0);
	govreport_free(r);
	govreport_free(truth);
}
END_TEST

/* The flat index of a cell of table t by its row and column enums. */
static size_t
cell_index(const struct gr_table *t, int row, int column)
{
	struct gr_cell_ref ref;

	ck_assert_int_eq(gr_cell_find(t, row, column, &ref), 0);
	return ref.index;
}

/* gr_joint_narrow() alone: with no solution, nothing is dropped. */
START_TEST(joint_keeps_all_without_solution)
{
	const struct gr_template *tpl = gr_template_get(GOVREPORT_TEMPLATE_2021);
	const struct gr_table *t = gr_table_get(tpl, GOVREPORT_SECTION_APPLICATIONS);
	size_t neq;
	const struct gr_equation *eqs = gr_table_equations(tpl, t->section, &neq);
	int64_t *value = calloc(t->ncells, sizeof(*value));
	unsigned char *known = calloc(t->ncells, 1), kept[2];
	/* Row 0 (一、本年新收) open between two readings; every other cell
	 * known and 0 except 三、总计 自然人, which no reading of row 0 can
	 * balance. */
	static const int64_t readings[2][7] = { { 1, 0, 0, 0, 0, 0, 1 }, { 0, 1, 0, 0, 0, 0, 1 } };
	struct gr_joint_unit unit = { 0, 7, 2, &readings[0][0], kept };
	size_t total_processed = cell_index(t, GOVREPORT_APP_ROW_TOTAL_PROCESSED,
						  GOVREPORT_APP_COL_NATURAL_PERSON);

	ck_assert(value && known);
	for (size_t c = 7; c < t->ncells; c++)
		known[c] = 1;
	value[total_processed] = 5;
	ck_assert_int_eq(gr_joint_narrow(eqs, neq, t->ncells, value, known, &unit, 1), 0);
	ck_assert(kept[0] && kept[1]);
	/* Balanced (三 自然人 1, its parts' 予以公开 1): the first reading
	 * alone fits 一+二 = 三+四 for 自然人 and 商业企业. */
	value[total_processed] = 1;
	value[cell_index(t, GOVREPORT_APP_ROW_GRANTED, GOVREPORT_APP_COL_NATURAL_PERSON)] = 1;
	value[cell_index(t, GOVREPORT_APP_ROW_TOTAL_PROCESSED, GOVREPORT_APP_COL_TOTAL)] = 1;
	value[cell_index(t, GOVREPORT_APP_ROW_GRANTED, GOVREPORT_APP_COL_TOTAL)] = 1;
	ck_assert_int_eq(gr_joint_narrow(eqs, neq, t->ncells, value, known, &unit, 1), 1);
	ck_assert(kept[0] && !kept[1]);
	free(value);
	free(known);
}
END_TEST

/* The cases: what the text determines is read, the rest is null with
 * CELL_AMBIGUOUS, never guessed. */
START_TEST(plain_pdftotext_cases)
{
	struct govreport *r = test_parse_data_file("input/pdftotext-plain/001-simplified/input.txt");
	int64_t v = -1;
	unsigned scale;
	enum govreport_cell_state state;

	/* 17 printed before its label 行政许可, alone in its group. */
	ck_assert_int_eq(govreport_ad_get(r, GOVREPORT_AD_ROW_LICENSING, GOVREPORT_AD_COL_DECISIONS,
					  &v, &scale, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(v, 17);
	/* 2 numbers for the 6 cells of 第二十条第（一）项. */
	ck_assert_int_eq(govreport_ad_get(r, GOVREPORT_AD_ROW_RULES, GOVREPORT_AD_COL_ISSUED, &v,
					  &scale, &state),
			 GOVREPORT_OK);
	ck_assert_int_ne(state, GOVREPORT_CELL_PRESENT);
	ck_assert_uint_eq(count_code(r, "CELL_AMBIGUOUS", "active_disclosure"), 1);
	govreport_free(r);

	/* 150 zeros for table 三's 175 cells: all null, said once. */
	r = test_parse_data_file("input/pdftotext-plain/000-page-break/input.txt");
	size_t cells = 0;
	for (int row = 0; row <= GOVREPORT_APP_ROW_CARRIED_FORWARD; row++)
		for (int col = 0; col <= GOVREPORT_APP_COL_TOTAL; col++) {
			/* Rows of the other template are not found. */
			if (govreport_app_get(r, row, col, &v, &state) != GOVREPORT_OK)
				continue;
			ck_assert_int_ne(state, GOVREPORT_CELL_PRESENT);
			cells++;
		}
	ck_assert_uint_eq(cells, 175);
	ck_assert_uint_eq(count_code(r, "CELL_AMBIGUOUS", "applications"), 1);
	govreport_free(r);
}
END_TEST

static Suite *
placement_suite(void)
{
	Suite *s = suite_create("placement");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, sequence_places_by_columns);
	tcase_add_test(tc, sequence_leaves_zero_rows_unsure);
	tcase_add_test(tc, sequence_places_displaced);
	tcase_add_test(tc, sequence_displaced_must_match);
	tcase_add_test(tc, joint_fused_rows);
	tcase_add_test(tc, joint_keeps_all_without_solution);
	tcase_add_test(tc, plain_pdftotext_cases);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(placement_suite());
}
