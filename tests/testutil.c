/* Helpers shared by the Check test programs; see testutil.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govreport.h"
#include "testutil.h"

char *
test_data_path(const char *relative)
{
	const char *root = getenv("GOVREPORT_TEST_DATA");
	size_t len;
	char *path;

	ck_assert_msg(root != NULL, "GOVREPORT_TEST_DATA is not set");
	len = strlen(root) + strlen(relative) + 2;
	path = malloc(len);
	ck_assert_ptr_nonnull(path);
	snprintf(path, len, "%s/%s", root, relative);
	return path;
}

char *
test_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data;
	long size;

	ck_assert_msg(f != NULL, "cannot open %s", path);
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	ck_assert_int_ge(size, 0);
	rewind(f);
	data = malloc((size_t)size + 1);
	ck_assert_ptr_nonnull(data);
	ck_assert_uint_eq(fread(data, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	data[size] = '\0';
	if (len)
		*len = (size_t)size;
	return data;
}

struct govreport *
test_parse_data_file(const char *relative)
{
	char *path = test_data_path(relative), *data;
	struct govreport *r = NULL;
	size_t len;

	data = test_read_file(path, &len);
	ck_assert_msg(govreport_parse(data, len, 0, &r) == GOVREPORT_OK, "%s does not parse", path);
	free(data);
	free(path);
	return r;
}

/* Whether a diagnostic's section, row or column is `wanted` (NULL: any). */
static int
matches(const char *actual, const char *wanted)
{
	return !wanted || (actual && strcmp(actual, wanted) == 0);
}

size_t
test_count_diags(const struct govreport *r, const char *code, const char *section,
		 const char *row, const char *column)
{
	size_t n = 0;

	for (size_t i = 0; i < govreport_diag_count(r); i++)
		n += strcmp(govreport_diag_code(r, i), code) == 0 &&
		     matches(govreport_diag_section(r, i), section) &&
		     matches(govreport_diag_row(r, i), row) &&
		     matches(govreport_diag_column(r, i), column);
	return n;
}

void
test_skip(const char *what, const char *why)
{
	fprintf(stderr, "skipped: %s: %s\n", what, why);
}

void
test_html_refused(const char *what, const char *data, size_t len)
{
	struct govreport *r = NULL;

	ck_assert_msg(govreport_parse(data, len, GOVREPORT_FORMAT_HTML, &r) ==
		      GOVREPORT_ERR_ARGUMENT, "%s: HTML named is not refused", what);
	ck_assert_ptr_null(r);
	/* Detected, it is refused as a format the build does not read: never
	 * read as text, which would lose its tables without a word. */
	ck_assert_msg(govreport_parse(data, len, 0, &r) == GOVREPORT_ERR_INPUT_UNSUPPORTED,
		      "%s: HTML detected is not refused", what);
	ck_assert_ptr_null(r);
}

int
test_run_suite(Suite *suite)
{
	SRunner *runner = srunner_create(suite);
	int failed;

	srunner_run_all(runner, CK_NORMAL);
	failed = srunner_ntests_failed(runner);
	srunner_free(runner);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
