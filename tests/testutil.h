/* Helpers shared by the Check test programs. */
#ifndef GR_TESTUTIL_H
#define GR_TESTUTIL_H

#include <check.h>
#include <stddef.h>

/* Path of a file under tests/data (GOVREPORT_TEST_DATA), malloc'd. */
char *test_data_path(const char *relative);

/* Whole file into a malloc'd NUL-terminated buffer; aborts the test on error. */
char *test_read_file(const char *path, size_t *len);

struct govreport;

/* The file under tests/data, parsed with no flags; fails the test unless
 * it parses. */
struct govreport *test_parse_data_file(const char *relative);

/*
 * How many of the report's diagnostics have this code and, for each of
 * section, row and column that is not NULL, that section, row or column.
 */
size_t test_count_diags(const struct govreport *r, const char *code, const char *section,
			const char *row, const char *column);

/*
 * Part of a test this build cannot run (it has no reader for the input:
 * README, "Build options"): says what is left out and why on stderr, so
 * the test's log shows every skip.
 */
void test_skip(const char *what, const char *why);

/*
 * A build without HTML (-Dhtml=disabled): the page `data`, named as HTML,
 * is refused as govreport.h says (GOVREPORT_ERR_ARGUMENT, no report), and
 * what `what` wanted read from it is skipped, saying so.
 */
void test_html_refused(const char *what, const char *data, size_t len);

/* Run a suite; returns the process exit status. */
int test_run_suite(Suite *suite);

#endif
