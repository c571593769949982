/*
 * Hostile and unusual input (issue 15): nothing lost, nothing moved,
 * nothing injected. Each input is made here from a seed, small enough to
 * run under valgrind and the sanitizers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govreport.h"
#include "testutil.h"

static const char *const t3_columns[] = {
	"natural_person", "commercial", "research", "social_welfare",
	"legal_services", "other_org", "total",
};
#define T3_NCOLUMNS (sizeof(t3_columns) / sizeof(t3_columns[0]))

static char *
read_seed(const char *name, size_t *len)
{
	char rel[128], *path, *data;

	snprintf(rel, sizeof(rel), "seeds/%s.txt", name);
	path = test_data_path(rel);
	data = test_read_file(path, len);
	free(path);
	return data;
}

static struct govreport *
parse_ok(const char *data, size_t len)
{
	struct govreport *r = NULL;

	ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
	ck_assert_ptr_nonnull(r);
	return r;
}

/* How many diagnostics with this code (and row/column, when not NULL). */
static size_t
count_diags(const struct govreport *r, const char *code, const char *row,
	    const char *column)
{
	size_t n = 0;

	for (size_t i = 0; i < govreport_diag_count(r); i++) {
		const char *dr = govreport_diag_row(r, i);
		const char *dc = govreport_diag_column(r, i);
		if (strcmp(govreport_diag_code(r, i), code) != 0)
			continue;
		if (row && (!dr || strcmp(dr, row) != 0))
			continue;
		if (column && (!dc || strcmp(dc, column) != 0))
			continue;
		n++;
	}
	return n;
}

/*
 * A copy of text with the k-th cell "0" after `label` (a "0" between a
 * space or line break and " |": Markdown pipes and pipe-cell text alike)
 * replaced by `number`.
 */
static char *
replace_cell(const char *text, const char *label, size_t k, const char *number,
	     size_t *out_len)
{
	const char *p = strstr(text, label);
	size_t seen = 0, nlen = strlen(number), tlen = strlen(text);
	char *out;

	ck_assert_ptr_nonnull(p);
	for (p += strlen(label); *p; p++) {
		if (p[0] == '0' && (p[-1] == ' ' || p[-1] == '\n') &&
		    strncmp(p + 1, " |", 2) == 0 && seen++ == k)
			break;
	}
	ck_assert_msg(*p, "cell %zu after %s not found", k, label);
	out = malloc(tlen + nlen);
	ck_assert_ptr_nonnull(out);
	memcpy(out, text, (size_t)(p - text));
	memcpy(out + (p - text), number, nlen);
	memcpy(out + (p - text) + nlen, p + 1, tlen - (size_t)(p - text) - 1);
	*out_len = tlen - 1 + nlen;
	out[*out_len] = '\0';
	return out;
}

/* ---- item 1: a number too large for a cell ------------------------------- */

static const char *const overflow_seeds[] = {
	"003_64f6c83b9150245c", /* Markdown with explicit pipes */
	"001_ebc51afa85553e39", /* pipe-cell text: one cell per line, " |" */
};
static const char *const overflow_numbers[] = {
	"99999999999999999999",
	"9999999999999999999999999999999999999999",
	"-99999999999999999999",
};
#define N_OVERFLOW_NUMBERS (sizeof(overflow_numbers) / sizeof(overflow_numbers[0]))

/*
 * Loop index: seed × number × column. The cell that overflows is null
 * (invalid) with CELL_OVERFLOW naming it; every other cell of the row keeps
 * its value and column, and validation finds nothing the original did not.
 */
START_TEST(overflow_keeps_columns)
{
	size_t column = (size_t)_i % T3_NCOLUMNS;
	const char *number = overflow_numbers[((size_t)_i / T3_NCOLUMNS) % N_OVERFLOW_NUMBERS];
	const char *seed = overflow_seeds[(size_t)_i / T3_NCOLUMNS / N_OVERFLOW_NUMBERS];
	size_t len, hlen;
	char *text = read_seed(seed, &len);
	char *hostile = replace_cell(text, "一、本年新收政府信息公开申请数量", column,
				     number, &hlen);
	struct govreport *orig = parse_ok(text, len), *r = parse_ok(hostile, hlen);

	for (size_t c = 0; c < T3_NCOLUMNS; c++) {
		char path[96];
		int64_t want, got;
		enum govreport_cell_state want_state, got_state;
		snprintf(path, sizeof(path), "applications.new_received.%s", t3_columns[c]);
		ck_assert_int_eq(govreport_get(orig, path, &want, &want_state), GOVREPORT_OK);
		ck_assert_int_eq(govreport_get(r, path, &got, &got_state), GOVREPORT_OK);
		if (c == column) {
			ck_assert_int_eq(got_state, GOVREPORT_CELL_INVALID);
		} else {
			ck_assert_msg(got_state == want_state && got == want,
				      "%s: %s moved (%d %lld, was %d %lld)", seed, path,
				      got_state, (long long)got, want_state, (long long)want);
		}
	}
	ck_assert_uint_eq(count_diags(r, "CELL_OVERFLOW", NULL, NULL), 1);
	ck_assert_uint_eq(count_diags(r, "CELL_OVERFLOW", "new_received", t3_columns[column]), 1);
	ck_assert_uint_eq(count_diags(r, "CELL_EXTRA", "new_received", NULL),
			  count_diags(orig, "CELL_EXTRA", "new_received", NULL));
	ck_assert_uint_eq(count_diags(r, "CELL_BLANK", "new_received", NULL),
			  count_diags(orig, "CELL_BLANK", "new_received", NULL));
	ck_assert_uint_eq(count_diags(r, "CELL_INVALID", NULL, NULL),
			  count_diags(orig, "CELL_INVALID", NULL, NULL));
	for (size_t i = 0; i < govreport_diag_count(r); i++)
		if (strcmp(govreport_diag_code(r, i), "CELL_OVERFLOW") == 0)
			ck_assert_int_eq(govreport_diag_severity(r, i), GOVREPORT_SEVERITY_ERROR);
	ck_assert_int_eq(govreport_validate(orig, 0), GOVREPORT_OK);
	ck_assert_int_eq(govreport_validate(r, 0), GOVREPORT_OK);
	ck_assert_uint_eq(count_diags(r, "T3_BALANCE", NULL, NULL),
			  count_diags(orig, "T3_BALANCE", NULL, NULL));
	ck_assert_uint_eq(count_diags(r, "T3_ROW_TOTAL", NULL, NULL),
			  count_diags(orig, "T3_ROW_TOTAL", NULL, NULL));
	govreport_free(r);
	govreport_free(orig);
	free(hostile);
	free(text);
}
END_TEST

static Suite *
hostile_suite(void)
{
	Suite *s = suite_create("hostile");
	TCase *tc = tcase_create("overflow");

	tcase_add_loop_test(tc, overflow_keeps_columns, 0,
			    (int)(T3_NCOLUMNS * N_OVERFLOW_NUMBERS *
				  (sizeof(overflow_seeds) / sizeof(overflow_seeds[0]))));
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(hostile_suite());
}
