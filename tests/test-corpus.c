/*
 * The parser against the data-driven corpus: every tests/data/corpus/<case>/
 * and tests/data/metadata/<case>/ (input.txt, expected.json) and every
 * tests/data/seeds/NAME.txt with its NAME.expected.json. Each document is
 * parsed with govreport_parse() and compared, key by key, with its expected
 * JSON through the public API only: template, year, organ, title, published,
 * which tables exist, and every table cell's value and null-ness — each key
 * the expected file holds (a metadata case holds only the metadata).
 *
 * The expected files are trusted test data (made by
 * tests/data/corpus/generate.py, see its README, or written by hand from
 * the text, see metadata/README.md), so they are read here with yajl's tree
 * API rather than with the library. The cases are found by the walker of
 * tests/data (cases.h); a case with a source.json (a shape that loses
 * cells) is also checked against it (case_source.h).
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_tree.h>

#include "case_source.h"
#include "cases.h"
#include "govreport.h"
#include "testutil.h"

/* corpus/<case>, metadata/<case> and seeds/<NAME>; built once in main()
 * before the runner forks, read-only afterwards. */
static struct test_cases cases;

/* ---- mismatches ------------------------------------------------------ */

/*
 * Mismatches are collected, everything is freed, and only then does the
 * test fail with the list, so a failing case leaks nothing under
 * valgrind (CK_FORK=no).
 */
struct mismatches {
	const char *name;
	unsigned count;
	size_t len;
	char text[3072];
};

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void
mismatch(struct mismatches *m, const char *fmt, ...)
{
	va_list ap;
	int n;

	m->count++;
	if (m->len + 64 >= sizeof m->text) {
		return;
	}
	if (m->count > 20) {
		if (m->count == 21)
			m->len += (size_t)snprintf(m->text + m->len, sizeof m->text - m->len,
						   "\n  …");
		return;
	}
	n = snprintf(m->text + m->len, sizeof m->text - m->len, "\n  %s: ", m->name);
	if (n > 0)
		m->len += (size_t)n;
	if (m->len >= sizeof m->text) {
		m->len = sizeof m->text - 1;
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(m->text + m->len, sizeof m->text - m->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		m->len += (size_t)n;
	if (m->len >= sizeof m->text)
		m->len = sizeof m->text - 1;
}

/* ---- values ------------------------------------------------------------ */

static const char *
state_name(enum govreport_cell_state state)
{
	switch (state) {
	case GOVREPORT_CELL_MISSING: return "missing";
	case GOVREPORT_CELL_PRESENT: return "present";
	case GOVREPORT_CELL_BLANK: return "blank";
	case GOVREPORT_CELL_DASH: return "dash";
	case GOVREPORT_CELL_INVALID: return "invalid";
	case GOVREPORT_CELL_INFERRED: return "inferred";
	}
	return "?";
}

/* Only PRESENT and INFERRED cells hold a value (include/govreport.h). */
static int
state_has_value(enum govreport_cell_state state)
{
	return state == GOVREPORT_CELL_PRESENT || state == GOVREPORT_CELL_INFERRED;
}

/*
 * A JSON number as written ("12.3456", "-3", "0") into coefficient and
 * scale, exactly. Returns 0, or -1 for anything else (exponents too).
 */
static int
parse_decimal(const char *s, int64_t *coef, unsigned *scale)
{
	int neg = 0, digits = 0;
	int64_t v = 0;
	unsigned sc = 0;

	if (*s == '-') {
		neg = 1;
		s++;
	}
	for (; *s; s++) {
		if (*s == '.') {
			if (sc || !digits || !s[1])
				return -1;
			sc = 1;
			continue;
		}
		if (!isdigit((unsigned char)*s))
			return -1;
		if (v > (INT64_MAX - 9) / 10)
			return -1;
		v = v * 10 + (*s - '0');
		digits++;
		if (sc)
			sc++;
	}
	if (!digits)
		return -1;
	*coef = neg ? -v : v;
	*scale = sc ? sc - 1 : 0;
	return 0;
}

static void
format_decimal(char *buf, size_t size, int64_t coef, unsigned scale)
{
	uint64_t mag = coef < 0 ? (uint64_t)0 - (uint64_t)coef : (uint64_t)coef;
	const char *sign = coef < 0 ? "-" : "";
	char digits[48];
	size_t n;

	if (scale > 18) {
		snprintf(buf, size, "%s%" PRIu64 "e-%u", sign, mag, scale);
		return;
	}
	/* At least scale + 1 digits, so that there is one before the point. */
	snprintf(digits, sizeof digits, "%0*" PRIu64, (int)scale + 1, mag);
	n = strlen(digits);
	if (scale == 0)
		snprintf(buf, size, "%s%s", sign, digits);
	else
		snprintf(buf, size, "%s%.*s.%s", sign, (int)(n - scale), digits,
			 digits + (n - scale));
}

/* ---- comparing ---------------------------------------------------------- */

static void
compare_string(struct mismatches *m, const char *key, yajl_val expected,
	       const char *actual)
{
	if (YAJL_IS_NULL(expected)) {
		if (actual)
			mismatch(m, "%s: expected null, actual \"%s\"", key, actual);
		return;
	}
	if (!YAJL_IS_STRING(expected)) {
		mismatch(m, "%s: expected.json holds neither a string nor null", key);
		return;
	}
	if (!actual)
		mismatch(m, "%s: expected \"%s\", actual null", key, expected->u.string);
	else if (strcmp(actual, expected->u.string) != 0)
		mismatch(m, "%s: expected \"%s\", actual \"%s\"", key, expected->u.string,
			 actual);
}

static void
compare_template(struct mismatches *m, yajl_val expected, const struct govreport *r)
{
	enum govreport_template t = govreport_template(r);
	const char *actual = t == GOVREPORT_TEMPLATE_2019 ? "2019"
			   : t == GOVREPORT_TEMPLATE_2021 ? "2021" : NULL;

	compare_string(m, "template", expected, actual);
}

static void
compare_year(struct mismatches *m, yajl_val expected, const struct govreport *r)
{
	int year = govreport_year(r);

	if (YAJL_IS_NULL(expected)) {
		if (year != 0)
			mismatch(m, "year: expected null, actual %d", year);
	} else if (!YAJL_IS_INTEGER(expected)) {
		mismatch(m, "year: expected.json holds neither an integer nor null");
	} else if (YAJL_GET_INTEGER(expected) != year) {
		mismatch(m, "year: expected %lld, actual %d",
			 (long long)YAJL_GET_INTEGER(expected), year);
	}
}

static void
compare_cell(struct mismatches *m, const struct govreport *r, const char *path,
	     yajl_val expected)
{
	int64_t coef = 0, ecoef = 0;
	unsigned scale = 0, escale = 0;
	enum govreport_cell_state state = GOVREPORT_CELL_MISSING;
	enum govreport_status st;
	char actual[64], want[64];

	st = govreport_get_decimal(r, path, &coef, &scale, &state);
	if (st != GOVREPORT_OK) {
		mismatch(m, "%s: govreport_get_decimal: %s", path, govreport_status_str(st));
		return;
	}
	if (state_has_value(state))
		format_decimal(actual, sizeof actual, coef, scale);
	else
		snprintf(actual, sizeof actual, "null (%s)", state_name(state));

	if (YAJL_IS_NULL(expected)) {
		if (state_has_value(state))
			mismatch(m, "%s: expected null, actual %s (%s)", path, actual,
				 state_name(state));
		return;
	}
	if (!YAJL_IS_NUMBER(expected) ||
	    parse_decimal(YAJL_GET_NUMBER(expected), &ecoef, &escale) != 0) {
		mismatch(m, "%s: expected.json holds neither a number nor null", path);
		return;
	}
	/* Money keeps the decimal places the document gave (SPEC §3). */
	if (!state_has_value(state) || coef != ecoef || scale != escale) {
		format_decimal(want, sizeof want, ecoef, escale);
		mismatch(m, "%s: expected %s, actual %s", path, want, actual);
	}
}

static const struct {
	const char *id;
	enum govreport_section section;
} sections[] = {
	{ "active_disclosure", GOVREPORT_SECTION_ACTIVE_DISCLOSURE },
	{ "applications", GOVREPORT_SECTION_APPLICATIONS },
	{ "review_litigation", GOVREPORT_SECTION_REVIEW_LITIGATION },
};

static void
compare_section(struct mismatches *m, const struct govreport *r, const char *id,
		enum govreport_section section, yajl_val expected)
{
	int present = govreport_has_section(r, section);

	if (YAJL_IS_NULL(expected)) {
		if (present)
			mismatch(m, "%s: expected null (no table), actual table present", id);
		return;
	}
	if (!YAJL_IS_OBJECT(expected)) {
		mismatch(m, "%s: expected.json holds neither an object nor null", id);
		return;
	}
	if (!present) {
		mismatch(m, "%s: expected a table, actual null (govreport_has_section 0)", id);
		return;
	}
	for (size_t i = 0; i < expected->u.object.len; i++) {
		yajl_val row = expected->u.object.values[i];
		const char *row_id = expected->u.object.keys[i];

		if (!YAJL_IS_OBJECT(row)) {
			mismatch(m, "%s.%s: expected.json row is not an object", id, row_id);
			continue;
		}
		for (size_t j = 0; j < row->u.object.len; j++) {
			char path[256];

			snprintf(path, sizeof path, "%s.%s.%s", id, row_id,
				 row->u.object.keys[j]);
			compare_cell(m, r, path, row->u.object.values[j]);
		}
	}
}

static void
compare_report(struct mismatches *m, const struct govreport *r, yajl_val root)
{
	for (size_t i = 0; i < root->u.object.len; i++) {
		const char *key = root->u.object.keys[i];
		yajl_val v = root->u.object.values[i];
		size_t s;

		if (strcmp(key, "format") == 0) {
			if (!YAJL_IS_STRING(v) || strcmp(v->u.string, "govreport-1") != 0)
				mismatch(m, "format: expected.json is not govreport-1");
		} else if (strcmp(key, "template") == 0) {
			compare_template(m, v, r);
		} else if (strcmp(key, "year") == 0) {
			compare_year(m, v, r);
		} else if (strcmp(key, "organ") == 0) {
			compare_string(m, key, v, govreport_organ(r));
		} else if (strcmp(key, "title") == 0) {
			compare_string(m, key, v, govreport_title(r));
		} else if (strcmp(key, "published") == 0) {
			compare_string(m, key, v, govreport_published(r));
		} else if (strcmp(key, "text") == 0) {
			/* Prose is not part of the corpus expectations. */
		} else {
			for (s = 0; s < sizeof sections / sizeof sections[0]; s++) {
				if (strcmp(key, sections[s].id) == 0) {
					compare_section(m, r, key, sections[s].section, v);
					break;
				}
			}
			if (s == sizeof sections / sizeof sections[0])
				mismatch(m, "%s: unknown key in expected.json", key);
		}
	}
}

/* A case with a source.json: its findings (case_source.h) as mismatches. */
static void
check_source(struct mismatches *m, const struct test_case *c, const struct govreport *r)
{
	struct case_findings *out;
	char *expected, *source;

	if (!c->source)
		return;
	out = malloc(sizeof(*out));
	if (!out)
		abort();
	expected = test_read_file(c->expected, NULL);
	source = test_read_file(c->source, NULL);
	if (case_source_check(r, expected, source, out))
		mismatch(m, "against source.json, %u finding(s):\n%s", out->count, out->text);
	free(expected);
	free(source);
	free(out);
}

/* ---- the test ----------------------------------------------------------- */

START_TEST(corpus_case)
{
	const struct test_case *c = &cases.items[_i];
	struct mismatches *m = calloc(1, sizeof(*m));
	static char sentinel;
	struct govreport *r = (struct govreport *)&sentinel; /* parse resets it */
	char err[512] = "";
	size_t len, json_len;
	char *data, *json;
	yajl_val root;
	enum govreport_status st;

	ck_assert_msg(c->input && c->expected, "%s: a case is input.* and expected.json", c->name);
	ck_assert_ptr_nonnull(m);
	m->name = c->name;

	json = test_read_file(c->expected, &json_len);
	root = yajl_tree_parse(json, err, sizeof err);
	free(json);
	if (!root || !YAJL_IS_OBJECT(root)) {
		yajl_tree_free(root);
		free(m);
		ck_abort_msg("%s: %s is not a JSON object: %s", c->name, c->expected, err);
	}

	data = test_read_file(c->input, &len);
	st = govreport_parse(data, len, 0, &r);
	free(data);
	if (st != GOVREPORT_OK) {
		if (r != NULL)
			mismatch(m, "govreport_parse failed but did not set *out to NULL");
		mismatch(m, "govreport_parse: %s (%d)", govreport_status_str(st), (int)st);
	} else if (r == NULL) {
		mismatch(m, "govreport_parse returned OK and a NULL report");
	} else {
		compare_report(m, r, root);
		check_source(m, c, r);
		govreport_free(r);
	}
	yajl_tree_free(root);

	if (m->count) {
		char text[sizeof m->text];
		unsigned count = m->count;

		memcpy(text, m->text, sizeof text);
		text[sizeof text - 1] = '\0';
		free(m);
		ck_abort_msg("%s: %u mismatch%s (input %s):%s", c->name, count,
			     count == 1 ? "" : "es", c->input, text);
	}
	free(m);
}
END_TEST

START_TEST(corpus_found)
{
	/* Fails only when the data directory holds no case at all. */
	ck_assert_msg(cases.count > 0, "no corpus cases under $GOVREPORT_TEST_DATA "
		      "(corpus/*/, metadata/*/ and seeds/*.txt)");
}
END_TEST

static Suite *
corpus_suite(void)
{
	Suite *s = suite_create("corpus");
	TCase *tc = tcase_create("cases");

	tcase_add_test(tc, corpus_found);
	if (cases.count)
		tcase_add_loop_test(tc, corpus_case, 0, (int)cases.count);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	const char *root = getenv("GOVREPORT_TEST_DATA");
	int status;

	if (root && (test_cases_add(&cases, root, "corpus") < 0 ||
		     test_cases_add(&cases, root, "metadata") < 0 ||
		     test_cases_add(&cases, root, "seeds") < 0)) {
		perror(root);
		return EXIT_FAILURE;
	}
	status = test_run_suite(corpus_suite());
	test_cases_free(&cases);
	return status;
}
