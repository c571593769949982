/*
 * The one walker of tests/data (jansson's test/suites layout).
 *
 * A suite is a folder of cases, named by its path under tests/data
 * ("corpus", "html", "input/docx", "json/invalid"); a case is a folder
 * <suite>/<case>/ holding its document, input.<ext> (the extension tells
 * the reader of the folder what the file is; the library detects the shape
 * itself), and what the suite expects of it:
 *
 *   expected.json  what parsing the input must give: the canonical JSON of
 *                  SPEC §3 (without "text" unless the suite says otherwise);
 *   source.json    optional, for a shape that loses cells: the report the
 *                  input was made from (see case_source.h);
 *   error, status  for an input the library must refuse (json/invalid).
 *
 * The one other form is the seeds' own, kept because tests/data/seeds is
 * SPEC's seeds folder byte for byte and the README's examples name its
 * files: NAME.<ext> beside NAME.expected.json, the case named <suite>/NAME.
 *
 * Files of a suite folder that are neither (README.md, a generator) are not
 * cases. Nothing here needs Check or the library: test-threads walks the
 * seeds with it too.
 */
#ifndef GR_TEST_CASES_H
#define GR_TEST_CASES_H

#include <stddef.h>

struct test_case {
	char *name;     /* "<suite>/<case>", e.g. "input/web-oneline/001-simplified" */
	char *input;    /* the document; NULL for a folder without input.* */
	char *expected; /* expected.json (seeds: NAME.expected.json), or NULL */
	char *source;   /* source.json, or NULL */
	char *error;    /* error, or NULL */
	char *status;   /* status, or NULL */
};

struct test_cases {
	struct test_case *items; /* sorted by name after each call that adds */
	size_t count, cap;
};

/*
 * Add the cases of root/suite. Prints "cases: SUITE N" on stderr, so a
 * test's log says what it read. Returns the number added, or -1 when the
 * folder cannot be read or memory runs out (errno says which).
 */
long test_cases_add(struct test_cases *cases, const char *root, const char *suite);

/*
 * Add every suite that is a sub-folder of root/group ("input" adds
 * "input/docx", "input/odt", …), except those named in `except`
 * (full names, NULL-terminated; `except` may be NULL). Returns the
 * number of cases added, or -1.
 */
long test_cases_add_group(struct test_cases *cases, const char *root, const char *group,
			  const char *const *except);

/* The case named `name`, or NULL. */
const struct test_case *test_cases_find(const struct test_cases *cases, const char *name);

/* How many cases have names starting with `prefix` ("input/docx/"). */
size_t test_cases_count(const struct test_cases *cases, const char *prefix);

void test_cases_free(struct test_cases *cases);

/* root/relative, malloc'd (NULL when out of memory). */
char *test_cases_join(const char *root, const char *relative);

#endif
