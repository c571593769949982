/*
 * The test-data walker (cases.h) and the check of a case against the
 * report its input was made from (case_source.h), on small hand-made
 * cases in a temporary folder and a hand-made report: what the walker
 * finds and leaves out, and that the source check fails when a null of
 * expected.json has no CELL_AMBIGUOUS, when a value differs from the
 * source, and when the metadata differ; then on seed 001 as such a case,
 * parsed by the library.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "case_source.h"
#include "cases.h"
#include "govreport.h"
#include "model/diag.h"
#include "model/report.h"
#include "model/template.h"
#include "testutil.h"

/* ---- a folder of cases ------------------------------------------------- */

static char root[64];

static void
put(const char *relative, const char *text)
{
	char *path = test_cases_join(root, relative), *slash;
	FILE *f;

	ck_assert_ptr_nonnull(path);
	for (slash = strchr(path + strlen(root) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		ck_assert_msg(mkdir(path, 0700) == 0 || errno == EEXIST, "mkdir %s", path);
		*slash = '/';
	}
	if (text) {
		f = fopen(path, "w");
		ck_assert_ptr_nonnull(f);
		fputs(text, f);
		fclose(f);
	} else {
		ck_assert(mkdir(path, 0700) == 0);
	}
	free(path);
}

static void
make_folder(void)
{
	strcpy(root, "/tmp/govreport-cases-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(root));
	put("s/b-lossy/input.txt", "b");
	put("s/b-lossy/expected.json", "{}");
	put("s/b-lossy/source.json", "{}");
	put("s/a-html/input.html", "a");
	put("s/a-html/expected.json", "{}");
	put("s/c-refused/input.json", "[");
	put("s/c-refused/error", "truncated");
	put("s/c-refused/status", "GOVREPORT_ERR_JSON");
	put("s/d-input-only/input.pdf", "%PDF-");
	put("s/README.md", "not a case");
	put("s/generate.py", "not a case");
	put("s/empty", NULL);
	put("s/000_seed.txt", "seed");
	put("s/000_seed.expected.json", "{}");
	put("g/one/x/input.txt", "x");
	put("g/two/y/input.txt", "y");
	put("g/GAPS", "# not a suite");
}

static int
remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
remove_folder(void)
{
	ck_assert_int_eq(nftw(root, remove_entry, 8, FTW_DEPTH | FTW_PHYS), 0);
}

static void
assert_file(const char *path, const char *relative)
{
	char *want = test_cases_join(root, relative);

	ck_assert_ptr_nonnull(path);
	ck_assert_str_eq(path, want);
	free(want);
}

START_TEST(walker_reads_case_folders_and_seed_pairs)
{
	struct test_cases cases = { 0 };
	const struct test_case *c;

	make_folder();
	ck_assert_int_eq(test_cases_add(&cases, root, "s"), 5);
	ck_assert_uint_eq(cases.count, 5);
	/* Sorted by name; README.md, generate.py and the empty folder are no cases. */
	ck_assert_str_eq(cases.items[0].name, "s/000_seed");
	ck_assert_str_eq(cases.items[1].name, "s/a-html");
	ck_assert_str_eq(cases.items[2].name, "s/b-lossy");
	ck_assert_str_eq(cases.items[3].name, "s/c-refused");
	ck_assert_str_eq(cases.items[4].name, "s/d-input-only");

	c = test_cases_find(&cases, "s/000_seed");
	assert_file(c->input, "s/000_seed.txt");
	assert_file(c->expected, "s/000_seed.expected.json");
	ck_assert_ptr_null(c->source);

	c = test_cases_find(&cases, "s/a-html");
	assert_file(c->input, "s/a-html/input.html");
	assert_file(c->expected, "s/a-html/expected.json");
	ck_assert_ptr_null(c->source);
	ck_assert_ptr_null(c->error);

	c = test_cases_find(&cases, "s/b-lossy");
	assert_file(c->source, "s/b-lossy/source.json");

	c = test_cases_find(&cases, "s/c-refused");
	assert_file(c->input, "s/c-refused/input.json");
	assert_file(c->error, "s/c-refused/error");
	assert_file(c->status, "s/c-refused/status");
	ck_assert_ptr_null(c->expected);

	c = test_cases_find(&cases, "s/d-input-only");
	assert_file(c->input, "s/d-input-only/input.pdf");
	ck_assert_ptr_null(c->expected);

	ck_assert_ptr_null(test_cases_find(&cases, "s/README"));
	ck_assert_uint_eq(test_cases_count(&cases, "s/"), 5);
	ck_assert_uint_eq(test_cases_count(&cases, "s/b-"), 1);
	test_cases_free(&cases);
	remove_folder();
}
END_TEST

START_TEST(walker_reads_a_group_of_suites)
{
	static const char *const except[] = { "g/two", NULL };
	struct test_cases cases = { 0 };

	make_folder();
	ck_assert_int_eq(test_cases_add_group(&cases, root, "g", NULL), 2);
	ck_assert_str_eq(cases.items[0].name, "g/one/x");
	ck_assert_str_eq(cases.items[1].name, "g/two/y");
	test_cases_free(&cases);

	ck_assert_int_eq(test_cases_add_group(&cases, root, "g", except), 1);
	ck_assert_str_eq(cases.items[0].name, "g/one/x");
	/* Adding to what is there keeps the whole list sorted. */
	ck_assert_int_eq(test_cases_add(&cases, root, "s"), 5);
	ck_assert_uint_eq(cases.count, 6);
	ck_assert_str_eq(cases.items[0].name, "g/one/x");
	ck_assert_str_eq(cases.items[5].name, "s/d-input-only");
	test_cases_free(&cases);

	/* A suite that is not there is an error, not an empty suite. */
	ck_assert_int_eq(test_cases_add(&cases, root, "missing"), -1);
	ck_assert_int_eq(test_cases_add_group(&cases, root, "missing", NULL), -1);
	ck_assert_uint_eq(cases.count, 0);
	test_cases_free(&cases);
	remove_folder();
}
END_TEST

/* ---- expected.json against source.json ---------------------------------- */

/* The report the input was made from: table 二's first two rows. */
static const char source_json[] =
	"{\"format\":\"govreport-1\",\"template\":\"2021\",\"year\":2023,"
	"\"organ\":\"某县民政局\",\"title\":null,\"published\":\"2024-01-20\","
	"\"active_disclosure\":{\"rules\":{\"issued\":3,\"repealed\":1,\"in_force\":7},"
	"\"normative_documents\":{\"issued\":2,\"repealed\":null,\"in_force\":5}},"
	"\"applications\":null}";

/* What a shape that dropped the empty cell lets the library say: the
 * row 规章 has two numbers for three cells, so two of them are in doubt. */
static const char expected_json[] =
	"{\"format\":\"govreport-1\",\"template\":\"2021\",\"year\":2023,"
	"\"organ\":\"某县民政局\",\"title\":null,\"published\":\"2024-01-20\","
	"\"active_disclosure\":{\"rules\":{\"issued\":3,\"repealed\":null,\"in_force\":null},"
	"\"normative_documents\":{\"issued\":2,\"repealed\":null,\"in_force\":5}},"
	"\"applications\":null}";

/* A report whose diagnostics are a CELL_AMBIGUOUS (or `code`) on `path`
 * ("section.row.column"), naming the row only when `whole_row`, the table
 * only when `whole_table`. */
static struct govreport *
report_with(enum gr_code code, const char *path, int whole_row, int whole_table)
{
	struct govreport *r = NULL;
	struct gr_cell_ref ref;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2023, &r), GOVREPORT_OK);
	if (!path)
		return r;
	ck_assert_int_eq(gr_cell_find_path(r->tpl, path, &ref), 0);
	if (whole_row || whole_table)
		ref.column = NULL;
	if (whole_table)
		ref.row = NULL;
	ck_assert_int_eq(gr_diag_add(&r->diags, code, NULL, &ref, 12, gr_printf("两个读法"),
				     gr_printf("two readings")), 0);
	return r;
}

static unsigned
check(const struct govreport *r, const char *expected, const char *source,
      struct case_findings *out)
{
	unsigned n = case_source_check(r, expected, source, out);

	if (n)
		fprintf(stderr, "(as the test wants) %u finding(s):\n%s", n, out->text);
	return n;
}

START_TEST(source_holds_when_each_lost_cell_is_ambiguous)
{
	struct case_findings out;
	struct govreport *r;

	/* Row-wide, as the library says it for a row of unplaced numbers. */
	r = report_with(GR_CELL_AMBIGUOUS, "active_disclosure.rules.repealed", 1, 0);
	ck_assert_uint_eq(check(r, expected_json, source_json, &out), 0);
	govreport_free(r);
	/* Table-wide, as for a table read in sequence. */
	r = report_with(GR_CELL_AMBIGUOUS, "active_disclosure.rules.repealed", 0, 1);
	ck_assert_uint_eq(check(r, expected_json, source_json, &out), 0);
	govreport_free(r);
	/* A file against itself needs nothing. */
	r = report_with(GR_CELL_AMBIGUOUS, NULL, 0, 0);
	ck_assert_uint_eq(check(r, source_json, source_json, &out), 0);
	govreport_free(r);
}
END_TEST

START_TEST(source_fails_on_a_null_without_cell_ambiguous)
{
	struct case_findings out;
	struct govreport *r;

	/* No diagnostic at all: both nulls of row 规章 are findings. */
	r = report_with(GR_CELL_AMBIGUOUS, NULL, 0, 0);
	ck_assert_uint_eq(check(r, expected_json, source_json, &out), 2);
	ck_assert_ptr_nonnull(strstr(out.text, "active_disclosure.rules.repealed: null in "
					       "expected.json, 1 in source.json"));
	ck_assert_ptr_nonnull(strstr(out.text, "active_disclosure.rules.in_force"));
	govreport_free(r);
	/* On one cell only: the other is still a finding. */
	r = report_with(GR_CELL_AMBIGUOUS, "active_disclosure.rules.repealed", 0, 0);
	ck_assert_uint_eq(check(r, expected_json, source_json, &out), 1);
	ck_assert_ptr_nonnull(strstr(out.text, "active_disclosure.rules.in_force"));
	govreport_free(r);
	/* On another row. */
	r = report_with(GR_CELL_AMBIGUOUS, "active_disclosure.normative_documents.issued", 1, 0);
	ck_assert_uint_eq(check(r, expected_json, source_json, &out), 2);
	govreport_free(r);
	/* On another table. */
	r = report_with(GR_CELL_AMBIGUOUS, "applications.new_received.total", 0, 1);
	ck_assert_uint_eq(check(r, expected_json, source_json, &out), 2);
	govreport_free(r);
	/* Another code on the right row. */
	r = report_with(GR_CELL_BLANK, "active_disclosure.rules.repealed", 1, 0);
	ck_assert_uint_eq(check(r, expected_json, source_json, &out), 2);
	govreport_free(r);
}
END_TEST

/* expected_json with `from` replaced by `to` (once). */
static char *
edited(const char *from, const char *to)
{
	const char *at = strstr(expected_json, from);
	size_t len = strlen(expected_json) - strlen(from) + strlen(to) + 1;
	char *s = malloc(len);

	ck_assert_ptr_nonnull(at);
	ck_assert_ptr_nonnull(s);
	snprintf(s, len, "%.*s%s%s", (int)(at - expected_json), expected_json, to,
		 at + strlen(from));
	return s;
}

START_TEST(source_fails_on_a_value_or_metadata_that_differs)
{
	static const struct {
		const char *from, *to, *finding;
	} edits[] = {
		{ "\"issued\":3", "\"issued\":4", "rules.issued: expected.json has 4, source.json 3" },
		{ "\"in_force\":5", "\"in_force\":5.0", "in_force: expected.json has 5.0" },
		{ "\"issued\":2", "\"issued\":\"2\"", "normative_documents.issued" },
		{ "\"organ\":\"某县民政局\"", "\"organ\":\"某县\"", "organ: expected.json has \"某县\"" },
		{ "\"year\":2023", "\"year\":2022", "year: expected.json has 2022" },
		{ "\"published\":\"2024-01-20\",", "", "published: expected.json has (absent)" },
		{ "\"repealed\":null,\"in_force\":5", "\"repealed\":null",
		  "normative_documents.in_force: in source.json, not in expected.json" },
		{ "\"applications\":null", "\"applications\":{\"granted\":{\"total\":1}}",
		  "applications.granted.total: expected.json has 1, source.json (absent)" },
		{ "\"title\":null", "\"title\":null,\"text\":{\"problems\":\"无\"}",
		  "text: expected.json has an object" },
	};
	struct case_findings out;
	struct govreport *r =
		report_with(GR_CELL_AMBIGUOUS, "active_disclosure.rules.repealed", 1, 0);

	for (size_t i = 0; i < sizeof(edits) / sizeof(edits[0]); i++) {
		char *expected = edited(edits[i].from, edits[i].to);
		ck_assert_msg(check(r, expected, source_json, &out) >= 1, "edit %zu holds", i);
		ck_assert_msg(strstr(out.text, edits[i].finding) != NULL, "edit %zu: %s", i,
			      out.text);
		free(expected);
	}
	/* Files that are not JSON objects. */
	ck_assert_uint_eq(check(r, "[1]", source_json, &out), 1);
	ck_assert_ptr_nonnull(strstr(out.text, "expected.json is not a JSON object"));
	ck_assert_uint_eq(check(r, expected_json, "{\"year\":", &out), 1);
	ck_assert_ptr_nonnull(strstr(out.text, "source.json is not a JSON object"));
	govreport_free(r);
}
END_TEST

/* ---- a real parse ---------------------------------------------------- */

/* `text` with the first `from` replaced by `to`. */
static char *
replaced(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	size_t len = strlen(text) - strlen(from) + strlen(to) + 1;
	char *s = malloc(len);

	ck_assert_ptr_nonnull(at);
	ck_assert_ptr_nonnull(s);
	snprintf(s, len, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
	return s;
}

/*
 * Seed 001 as a case folder with a source.json, found by the walker and
 * parsed: a source.json equal to expected.json holds; one that gives a
 * value where expected.json (and the parse) has null, with no
 * CELL_AMBIGUOUS in the parse, does not; nor one whose value differs.
 */
START_TEST(source_against_a_real_parse)
{
	char *seed = test_data_path("seeds/001_ebc51afa85553e39.txt");
	char *seed_expected = test_data_path("seeds/001_ebc51afa85553e39.expected.json");
	char *text = test_read_file(seed, NULL), *expected = test_read_file(seed_expected, NULL);
	char *lost = replaced(expected, "\"repealed\": null", "\"repealed\": 2");
	char *differs = replaced(expected, "\"decisions\": 17", "\"decisions\": 18");
	struct test_cases cases = { 0 };
	struct case_findings out;
	struct govreport *r = NULL;
	const struct test_case *c;
	char *data, *source;
	size_t len;

	strcpy(root, "/tmp/govreport-cases-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(root));
	put("lossy/seed-001/input.txt", text);
	put("lossy/seed-001/expected.json", expected);
	put("lossy/seed-001/source.json", expected);
	ck_assert_int_eq(test_cases_add(&cases, root, "lossy"), 1);
	c = &cases.items[0];
	ck_assert_ptr_nonnull(c->source);
	data = test_read_file(c->input, &len);
	ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
	free(data);
	source = test_read_file(c->source, NULL);
	ck_assert_uint_eq(check(r, expected, source, &out), 0);
	free(source);

	put("lossy/seed-001/source.json", lost);
	source = test_read_file(c->source, NULL);
	ck_assert_uint_eq(check(r, expected, source, &out), 1);
	ck_assert_ptr_nonnull(strstr(out.text, "active_disclosure.rules.repealed: null in "
					       "expected.json, 2 in source.json, and the parse has "
					       "no CELL_AMBIGUOUS for it"));
	free(source);

	put("lossy/seed-001/source.json", differs);
	source = test_read_file(c->source, NULL);
	ck_assert_uint_eq(check(r, expected, source, &out), 1);
	ck_assert_ptr_nonnull(strstr(out.text, "active_disclosure.licensing.decisions: "
					       "expected.json has 17, source.json 18"));
	free(source);

	govreport_free(r);
	test_cases_free(&cases);
	remove_folder();
	free(lost);
	free(differs);
	free(text);
	free(expected);
	free(seed);
	free(seed_expected);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("cases");
	TCase *tc = tcase_create("walker");

	tcase_add_test(tc, walker_reads_case_folders_and_seed_pairs);
	tcase_add_test(tc, walker_reads_a_group_of_suites);
	suite_add_tcase(s, tc);
	tc = tcase_create("source");
	tcase_add_test(tc, source_holds_when_each_lost_cell_is_ambiguous);
	tcase_add_test(tc, source_fails_on_a_null_without_cell_ambiguous);
	tcase_add_test(tc, source_fails_on_a_value_or_metadata_that_differs);
	tcase_add_test(tc, source_against_a_real_parse);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
