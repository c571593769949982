/* Helpers shared by the Check test programs. */
#ifndef GR_TESTUTIL_H
#define GR_TESTUTIL_H

#include <check.h>
#include <stddef.h>

/* Path of a file under tests/data (GOVREPORT_TEST_DATA), malloc'd. */
char *test_data_path(const char *relative);

/* Whole file into a malloc'd NUL-terminated buffer; aborts the test on error. */
char *test_read_file(const char *path, size_t *len);

/* Run a suite; returns the process exit status. */
int test_run_suite(Suite *suite);

#endif
