/*
 * HTML and pdftotext-layout input against their data-driven cases: every
 * tests/data/html/<case>/{input.html,expected.json} and
 * tests/data/layout/<case>/{input.txt,expected.json} (made by
 * tests/data/formats/generate.py and tests/fixtures/make-layout.sh), and
 * every input shape made with the real tools,
 * tests/data/input/<shape>/<case>/{input.*,expected.json} (made by
 * tests/fixtures/make-input.sh). A case the library does not read yet is
 * listed in tests/data/input/GAPS with the reason; such a case must still
 * parse without failing, and must not match (when it does, the test says
 * to take it off the list, so the list stays true). The cases are found by
 * the walker of tests/data (cases.h); a case with a source.json (a shape
 * that loses cells) is also checked against it (case_source.h).
 *
 * Each input is parsed twice, with its shape detected (flags 0) and named
 * (GOVREPORT_FORMAT_HTML / GOVREPORT_FORMAT_LAYOUT); both times every key
 * of expected.json must equal the same key of the report's canonical JSON
 * (numbers as written: 12.3456 is not 12.34560). The layout cases made from
 * the seeds through LibreOffice must moreover give the very JSON of the
 * seed itself, prose included. The PDFs of input/pdf are read by
 * tests/cli-pdf-cases-test.sh, through the govreport tool. A build
 * without a reader (-Dhtml=disabled, -Ddocx=disabled) must refuse its
 * cases instead (refused_without_reader).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_tree.h>

#include "case_source.h"
#include "cases.h"
#include "govreport.h"
#include "input/html.h"
#include "input/readers.h"
#include "testutil.h"

/* html/<case>, layout/<case> and input/<shape>/<case>; built in main()
 * before the runner forks, read-only afterwards. */
static struct test_cases cases;
static unsigned char *in_gaps; /* per case: listed in input/GAPS, not read yet */
static struct test_cases seeds;

/* The GOVREPORT_FORMAT_* of a case's shape; 0: detected only. */
static unsigned
shape_flag(const struct test_case *c)
{
	if (strncmp(c->name, "html/", 5) == 0)
		return GOVREPORT_FORMAT_HTML;
	if (strncmp(c->name, "layout/", 7) == 0)
		return GOVREPORT_FORMAT_LAYOUT;
	return 0;
}

/* Mark the cases input/GAPS lists ("<shape>/<case> reason" per line). */
static void
read_gaps(const char *root)
{
	char *path = root ? test_cases_join(root, "input/GAPS") : NULL;
	FILE *f = path ? fopen(path, "r") : NULL;
	char line[1024];

	in_gaps = calloc(cases.count + 1, 1);
	if (!in_gaps)
		abort();
	while (f && fgets(line, sizeof(line), f)) {
		char name[600], id[512];
		if (line[0] == '#' || sscanf(line, "%511s", id) != 1)
			continue;
		snprintf(name, sizeof(name), "input/%s", id);
		for (size_t i = 0; i < cases.count; i++)
			if (strcmp(cases.items[i].name, name) == 0)
				in_gaps[i] = 1;
	}
	if (f)
		fclose(f);
	free(path);
}

/* ---- comparing JSON ------------------------------------------------------ */

struct mismatches {
	unsigned count;
	char text[2048];
	size_t len;
};

static void
mismatch(struct mismatches *m, const char *path, const char *what)
{
	int n;

	if (m->count++ >= 12 || m->len + 256 > sizeof(m->text))
		return;
	n = snprintf(m->text + m->len, sizeof(m->text) - m->len, "\n  %s: %s", path, what);
	if (n > 0)
		m->len += (size_t)n;
}

/* Every key of `want` in `got`, recursively; numbers as written. */
static void
compare(struct mismatches *m, const char *path, yajl_val want, yajl_val got)
{
	char a[128], b[128], what[320];

	if (YAJL_IS_OBJECT(want)) {
		if (!got || !YAJL_IS_OBJECT(got)) {
			snprintf(what, sizeof(what), "expected an object, got %s",
				 case_json_show(got, b, sizeof(b)));
			mismatch(m, path, what);
			return;
		}
		for (size_t i = 0; i < want->u.object.len; i++) {
			const char *key = want->u.object.keys[i];
			yajl_val sub = NULL;
			char child[256];
			for (size_t j = 0; j < got->u.object.len; j++)
				if (strcmp(got->u.object.keys[j], key) == 0)
					sub = got->u.object.values[j];
			snprintf(child, sizeof(child), "%s%s%s", path, *path ? "." : "", key);
			compare(m, child, want->u.object.values[i], sub);
		}
		return;
	}
	if (got && YAJL_IS_NULL(want) && YAJL_IS_NULL(got))
		return;
	if (got && YAJL_IS_NUMBER(want) && YAJL_IS_NUMBER(got) &&
	    strcmp(YAJL_GET_NUMBER(want), YAJL_GET_NUMBER(got)) == 0)
		return;
	if (got && YAJL_IS_STRING(want) && YAJL_IS_STRING(got) &&
	    strcmp(want->u.string, got->u.string) == 0)
		return;
	snprintf(what, sizeof(what), "expected %s, got %s", case_json_show(want, a, sizeof(a)),
		 case_json_show(got, b, sizeof(b)));
	mismatch(m, path, what);
}

static struct govreport *
parse_report(const char *data, size_t len, unsigned flags)
{
	struct govreport *r = NULL;

	ck_assert_int_eq(govreport_parse(data, len, flags, &r), GOVREPORT_OK);
	return r;
}

static char *
json_of(const struct govreport *r)
{
	char *json = NULL;

	ck_assert_int_eq(govreport_to_json(r, 0, &json, NULL), GOVREPORT_OK);
	return json;
}

static char *
parse_to_json(const char *data, size_t len, unsigned flags)
{
	struct govreport *r = parse_report(data, len, flags);
	char *json = json_of(r);

	govreport_free(r);
	return json;
}

static void
check_against(const struct test_case *c, yajl_val want, const char *json,
	      const char *how)
{
	char err[256] = "";
	yajl_val got = yajl_tree_parse(json, err, sizeof(err));
	struct mismatches m = { 0 };

	ck_assert_msg(got != NULL, "%s: the library's JSON does not parse: %s", c->name, err);
	compare(&m, "", want, got);
	yajl_tree_free(got);
	ck_assert_msg(m.count == 0, "%s (%s): %u mismatch(es):%s", c->name, how, m.count,
		      m.text);
}

/* The seed a libreoffice-NNN case was made from: its JSON, parsed. */
static char *
seed_json(const char *number)
{
	const char *path = NULL;
	char *data, *json;
	size_t len;

	for (size_t i = 0; i < seeds.count; i++)
		if (strncmp(seeds.items[i].name + strlen("seeds/"), number, 3) == 0)
			path = seeds.items[i].input;
	ck_assert_msg(path != NULL, "no seed %s", number);
	data = test_read_file(path, &len);
	json = parse_to_json(data, len, 0);
	free(data);
	return json;
}

static int
same_id(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int
is_equation(const char *code)
{
	return strncmp(code, "T3_", 3) == 0 || strncmp(code, "T4_", 3) == 0;
}

/*
 * A cell the parser misread must not make the report look wrong: every
 * equation that fails on what was read (T3_*, T4_*) fails on the report
 * as it is (its expected.json) too.
 */
static void
check_no_false_equations(const struct test_case *c, struct govreport *read,
			 const char *expected)
{
	struct govreport *truth = NULL;

	ck_assert_int_eq(govreport_from_json(expected, strlen(expected), 0, &truth, NULL),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_validate(read, 0), GOVREPORT_OK);
	ck_assert_int_eq(govreport_validate(truth, 0), GOVREPORT_OK);
	for (size_t i = 0; i < govreport_diag_count(read); i++) {
		const char *code = govreport_diag_code(read, i);
		int found = 0;
		if (!is_equation(code))
			continue;
		for (size_t j = 0; j < govreport_diag_count(truth) && !found; j++)
			found = strcmp(code, govreport_diag_code(truth, j)) == 0 &&
				same_id(govreport_diag_row(read, i), govreport_diag_row(truth, j)) &&
				same_id(govreport_diag_column(read, i),
					govreport_diag_column(truth, j));
		ck_assert_msg(found, "%s: %s (%s, %s) fails on what was read, not on the report",
			      c->name, code, govreport_diag_row(read, i) ? govreport_diag_row(read, i) : "-",
			      govreport_diag_column(read, i) ? govreport_diag_column(read, i) : "-");
	}
	govreport_free(truth);
}

/* A case not read yet: it parses (or is refused with a status, never a
 * crash), no misread cell breaks an equation, and it does not match, or
 * it would be off the list. */
static void
check_gap(const struct test_case *c, yajl_val want, const char *data, size_t len)
{
	struct govreport *r = NULL;
	char *json = NULL, err[256] = "", *expected;
	struct mismatches m = { 0 };
	yajl_val got;

	if (govreport_parse(data, len, 0, &r) != GOVREPORT_OK)
		return;
	ck_assert_int_eq(govreport_to_json(r, 0, &json, NULL), GOVREPORT_OK);
	expected = test_read_file(c->expected, NULL);
	check_no_false_equations(c, r, expected);
	free(expected);
	govreport_free(r);
	got = yajl_tree_parse(json, err, sizeof(err));
	ck_assert_msg(got != NULL, "%s: the library's JSON does not parse: %s", c->name, err);
	compare(&m, "", want, got);
	yajl_tree_free(got);
	govreport_string_free(json);
	ck_assert_msg(m.count > 0, "%s is read in full now: take it off tests/data/input/GAPS",
		      c->name);
}

/*
 * A case of a shape this build has no reader for (README, "Build
 * options"): refused as govreport.h says. A .docx or .odt, detected or
 * named, with GOVREPORT_ERR_INPUT_UNSUPPORTED; pdftotext's XHTML named
 * (GOVREPORT_FORMAT_BBOX) the same; a page named HTML with
 * GOVREPORT_ERR_ARGUMENT. Detected, those two are not HTML to this build
 * but text, which no expected.json describes: that part is skipped,
 * saying so. Returns 1 for such a case.
 */
static int
refused_without_reader(const struct test_case *c, const char *data, size_t len)
{
	struct govreport *r = NULL;
	unsigned named = 0;

	if (strncmp(c->name, "input/docx/", 11) == 0)
		named = GOVREPORT_FORMAT_DOCX;
	else if (strncmp(c->name, "input/odt/", 10) == 0)
		named = GOVREPORT_FORMAT_ODT;
	if (named && !gr_docfile_available()) {
		ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_ERR_INPUT_UNSUPPORTED);
		ck_assert_int_eq(govreport_parse(data, len, named, &r),
				 GOVREPORT_ERR_INPUT_UNSUPPORTED);
		ck_assert_ptr_null(r);
		return 1;
	}
	if (gr_html_available())
		return 0;
	if (strncmp(c->name, "input/pdftotext-bbox/", 21) == 0) {
		ck_assert_int_eq(govreport_parse(data, len, GOVREPORT_FORMAT_BBOX, &r),
				 GOVREPORT_ERR_INPUT_UNSUPPORTED);
		ck_assert_ptr_null(r);
		ck_assert_int_eq(govreport_parse(data, len, 0, &r),
				 GOVREPORT_ERR_INPUT_UNSUPPORTED);
		ck_assert_ptr_null(r);
		return 1;
	}
	if (shape_flag(c) == GOVREPORT_FORMAT_HTML) {
		test_html_refused(c->name, data, len);
		return 1;
	}
	return 0;
}

START_TEST(format_case)
{
	const struct test_case *c = &cases.items[_i];
	unsigned flag = shape_flag(c);
	char err[256] = "", *text, *data, *json;
	struct govreport *r;
	size_t len;
	yajl_val want;

	ck_assert_msg(c->input && c->expected, "%s: a case is input.* and expected.json", c->name);
	data = test_read_file(c->input, &len);
	if (refused_without_reader(c, data, len)) {
		free(data);
		return;
	}
	text = test_read_file(c->expected, NULL);
	want = yajl_tree_parse(text, err, sizeof(err));
	free(text);
	ck_assert_msg(want != NULL, "%s: %s", c->expected, err);
	if (in_gaps[_i]) {
		check_gap(c, want, data, len);
		free(data);
		yajl_tree_free(want);
		return;
	}

	r = parse_report(data, len, 0);
	json = json_of(r);
	check_against(c, want, json, "shape detected");
	/* A shape that loses cells: only what it lost is left out. */
	case_source_assert(c->name, r, c->expected, c->source);
	govreport_free(r);
	if (flag) {
		govreport_string_free(json);
		json = parse_to_json(data, len, flag);
		check_against(c, want, json, "shape named");
	}

	/* The seeds through LibreOffice: the same JSON as the seed, prose
	 * and all. */
	if (strncmp(c->name, "layout/libreoffice-", 19) == 0) {
		char *seed = seed_json(c->name + 19);
		ck_assert_msg(strcmp(seed, json) == 0, "%s: not the seed's JSON:\n%s\n%s",
			      c->name, seed, json);
		govreport_string_free(seed);
	}
	govreport_string_free(json);
	free(data);
	yajl_tree_free(want);
}
END_TEST

/* The library reads what meson says this build reads (reads_env in
 * meson.build): a reader lost from a build fails here, not as skips. */
START_TEST(build_reads)
{
	const char *html = getenv("GOVREPORT_TEST_READS_HTML");
	const char *docx = getenv("GOVREPORT_TEST_READS_DOCX");

	ck_assert_msg(html && docx, "GOVREPORT_TEST_READS_HTML and _DOCX are not set");
	ck_assert_int_eq(gr_html_available(), strcmp(html, "1") == 0);
	ck_assert_int_eq(gr_docfile_available(), strcmp(docx, "1") == 0);
}
END_TEST

START_TEST(cases_found)
{
	size_t html = 0, layout = 0, shapes = 0, docx = 0, odt = 0, bbox = 0;

	html = test_cases_count(&cases, "html/");
	layout = test_cases_count(&cases, "layout/");
	shapes = test_cases_count(&cases, "input/");
	docx = test_cases_count(&cases, "input/docx/");
	odt = test_cases_count(&cases, "input/odt/");
	bbox = test_cases_count(&cases, "input/pdftotext-bbox/");
	ck_assert_msg(html >= 20, "only %zu HTML cases", html);
	ck_assert_msg(layout >= 10, "only %zu layout cases", layout);
	ck_assert_msg(shapes >= 200, "only %zu cases of input shapes", shapes);
	/* Every report of tests/data (50) as .docx, .odt and a PDF's words. */
	ck_assert_msg(docx >= 50 && odt >= 50 && bbox >= 50,
		      "only %zu .docx, %zu .odt and %zu pdftotext-bbox cases", docx, odt, bbox);
}
END_TEST

int
main(void)
{
	/* Not input/pdf: the library reads text, and a PDF becomes text
	 * through pdftotext, which the govreport tool runs
	 * (tests/cli-pdf-cases-test.sh reads those cases; input/pdftotext-bbox
	 * holds that text of each PDF whose report it has no other case of). */
	static const char *const not_text[] = { "input/pdf", NULL };
	const char *root = getenv("GOVREPORT_TEST_DATA");
	Suite *s = suite_create("formats");
	TCase *tc = tcase_create("cases");
	int status;

	if (root && (test_cases_add(&cases, root, "html") < 0 ||
		     test_cases_add(&cases, root, "layout") < 0 ||
		     test_cases_add_group(&cases, root, "input", not_text) < 0 ||
		     test_cases_add(&seeds, root, "seeds") < 0)) {
		perror(root);
		return EXIT_FAILURE;
	}
	read_gaps(root);
	tcase_add_test(tc, build_reads);
	tcase_add_test(tc, cases_found);
	if (cases.count)
		tcase_add_loop_test(tc, format_case, 0, (int)cases.count);
	suite_add_tcase(s, tc);
	status = test_run_suite(s);
	test_cases_free(&cases);
	test_cases_free(&seeds);
	free(in_gaps);
	return status;
}
