/*
 * Allocation failure (libexpat's allocation tests): fail the Nth
 * allocation for every N through parse, validate and compare, and prove a
 * clean GOVREPORT_ERR_NOMEM each time — the run under valgrind and
 * AddressSanitizer shows there is no crash and no leak — and, once the
 * allocations suffice, the same result as an undisturbed run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input/html.h"
#include "input/readers.h"
#include "util/alloc.h"
#include "govreport.h"
#include "testutil.h"

static const char *const seeds[] = {
	"seeds/000_60b25c9977688c27.txt", "seeds/001_ebc51afa85553e39.txt",
	"seeds/002_c3fcc36b9cf6fff1.txt", "seeds/003_64f6c83b9150245c.txt",
	"seeds/004_76d98d904843aa38.txt",
	/* A page libxml2 reads into the HTML reader's own tree. */
	"html/official-2021/input.html",
	/* pdftotext -bbox-layout's XHTML, read through libxml2 too. */
	"input/pdftotext-bbox/corpus-004-no-part3/input.html",
	/* A .docx: its archive (libzip) and its XML. */
	"input/docx/html-utf16-bom/input.docx",
};

/* No run needs more allocations than this; a bound keeps a bug from
 * looping forever. */
#define MAX_ALLOCATIONS 100000

static char *
read_seed(int i, size_t *len)
{
	char *path = test_data_path(seeds[i]);
	char *data = test_read_file(path, len);

	free(path);
	return data;
}

static char *
json_of(const struct govreport *r)
{
	char *json;

	ck_assert_int_eq(govreport_to_json(r, GOVREPORT_JSON_DETAIL, &json, NULL), GOVREPORT_OK);
	return json;
}

/* Messages of all diagnostics, for comparing runs. */
static char *
diagnostics_of(const struct govreport *r)
{
	char *json;

	ck_assert_int_eq(govreport_diagnostics_json(r, 0, &json, NULL), GOVREPORT_OK);
	return json;
}

START_TEST(parse_fails_cleanly)
{
	size_t len;
	char *data = read_seed(_i, &len);
	struct govreport *expected, *r;
	char *want, *want_diags;
	long n;

	if (strstr(seeds[_i], ".html") && !gr_html_available()) {
		printf("skipped %s: this build reads no HTML (-Dhtml=disabled)\n", seeds[_i]);
		free(data);
		return;
	}
	if (strstr(seeds[_i], ".docx") && !gr_docfile_available()) {
		printf("skipped %s: this build reads no .docx (-Ddocx=disabled)\n", seeds[_i]);
		free(data);
		return;
	}
	ck_assert_int_eq(govreport_parse(data, len, 0, &expected), GOVREPORT_OK);
	want = json_of(expected);
	want_diags = diagnostics_of(expected);
	for (n = 0; n < MAX_ALLOCATIONS; n++) {
		enum govreport_status st;
		gr_alloc_fail_after(n);
		st = govreport_parse(data, len, 0, &r);
		gr_alloc_fail_after(-1);
		if (st == GOVREPORT_OK)
			break;
		ck_assert_msg(st == GOVREPORT_ERR_NOMEM, "allocation %ld: status %d", n, st);
		ck_assert_ptr_null(r);
	}
	ck_assert_msg(n > 0 && n < MAX_ALLOCATIONS, "parse never needed memory?");
	{
		char *got = json_of(r), *got_diags = diagnostics_of(r);
		ck_assert_str_eq(got, want);
		ck_assert_str_eq(got_diags, want_diags);
		govreport_string_free(got);
		govreport_string_free(got_diags);
	}
	govreport_free(r);
	govreport_free(expected);
	govreport_string_free(want);
	govreport_string_free(want_diags);
	free(data);
}
END_TEST

/* Seed 000 with its blank totals: inference and detail add many
 * diagnostics, so validation allocates on many paths. */
START_TEST(validate_fails_cleanly)
{
	static const unsigned flags[] = { GOVREPORT_VALIDATE_DETAIL,
					  GOVREPORT_INFER | GOVREPORT_VALIDATE_DETAIL };
	size_t len;
	char *data = read_seed(0, &len);
	struct govreport *r;
	char *want;
	long n;

	ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
	ck_assert_int_eq(govreport_validate(r, flags[_i]), GOVREPORT_OK);
	want = diagnostics_of(r);
	govreport_free(r);
	for (n = 0; n < MAX_ALLOCATIONS; n++) {
		enum govreport_status st;
		size_t before;
		ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
		before = govreport_diag_count(r);
		gr_alloc_fail_after(n);
		st = govreport_validate(r, flags[_i]);
		gr_alloc_fail_after(-1);
		if (st == GOVREPORT_OK)
			break;
		ck_assert_int_eq(st, GOVREPORT_ERR_NOMEM);
		/* A failed validation leaves none of its diagnostics behind. */
		ck_assert_uint_eq(govreport_diag_count(r), before);
		govreport_free(r);
	}
	ck_assert_int_lt(n, MAX_ALLOCATIONS);
	{
		char *got = diagnostics_of(r);
		ck_assert_str_eq(got, want);
		govreport_string_free(got);
	}
	govreport_free(r);
	govreport_string_free(want);
	free(data);
}
END_TEST

START_TEST(compare_fails_cleanly)
{
	struct govreport *prev, *cur;
	long n;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2021, &prev), GOVREPORT_OK);
	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2022, &cur), GOVREPORT_OK);
	for (int col = 0; col <= GOVREPORT_APP_COL_TOTAL; col++) {
		govreport_app_set(prev, GOVREPORT_APP_ROW_CARRIED_FORWARD, col, 1);
		govreport_app_set(cur, GOVREPORT_APP_ROW_CARRIED_OVER, col, 2);
	}
	for (n = 0; n < MAX_ALLOCATIONS; n++) {
		enum govreport_status st;
		gr_alloc_fail_after(n);
		st = govreport_compare(prev, cur, 0);
		gr_alloc_fail_after(-1);
		if (st == GOVREPORT_OK)
			break;
		ck_assert_int_eq(st, GOVREPORT_ERR_NOMEM);
		ck_assert_uint_eq(govreport_diag_count(cur), 0);
	}
	ck_assert_uint_eq(govreport_diag_count(cur), 7);
	govreport_free(prev);
	govreport_free(cur);
}
END_TEST

static Suite *
alloc_suite(void)
{
	Suite *s = suite_create("alloc");
	TCase *tc = tcase_create("nth-allocation");

	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, parse_fails_cleanly, 0, sizeof(seeds) / sizeof(seeds[0]));
	tcase_add_loop_test(tc, validate_fails_cleanly, 0, 2);
	tcase_add_test(tc, compare_fails_cleanly);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(alloc_suite());
}
