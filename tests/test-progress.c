/* The govreport tool's progress line (examples/cli/progress.c): at most
 * about ten redraws a second, and a line with the count, the percentage,
 * the rate and the time left. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "progress.h"

START_TEST(test_due_rate_limited)
{
	struct cli_progress p;
	int draws = 0;

	cli_progress_start(&p, 100.0);
	/* The first call draws at once. */
	ck_assert_int_eq(cli_progress_due(&p, 100.0), 1);
	ck_assert_int_eq(cli_progress_due(&p, 100.05), 0);
	ck_assert_int_eq(cli_progress_due(&p, 100.1), 1);
	ck_assert_int_eq(cli_progress_due(&p, 100.19), 0);
	/* 2,000 files in 2 s, one call each: about 20 draws, not 2,000. */
	cli_progress_start(&p, 0.0);
	for (int i = 0; i < 2000; i++)
		draws += cli_progress_due(&p, i * 0.001);
	ck_assert_int_ge(draws, 19);
	ck_assert_int_le(draws, 21);
}
END_TEST

START_TEST(test_format_fields)
{
	char buf[256];
	size_t n;

	n = cli_progress_format(buf, sizeof(buf), 120, 2000, 2.0, "a/b.txt");
	ck_assert_str_eq(buf, "[120/2000]   6%  60 files/s  31s left  a/b.txt");
	ck_assert_uint_eq(n, strlen(buf));
	/* Slow: a decimal rate, minutes left. */
	cli_progress_format(buf, sizeof(buf), 3, 300, 4.0, NULL);
	ck_assert_str_eq(buf, "[3/300]   1%  0.8 files/s  6m36s left");
	/* Hours. */
	cli_progress_format(buf, sizeof(buf), 1, 10000, 1.0, NULL);
	ck_assert_str_eq(buf, "[1/10000]   0%  1.0 files/s  2h46m left");
	/* No rate yet: only the count and the percentage. */
	cli_progress_format(buf, sizeof(buf), 0, 5, 0.0, "x");
	ck_assert_str_eq(buf, "[0/5]   0%  x");
	cli_progress_format(buf, sizeof(buf), 1, 5, 0.01, "x");
	ck_assert_str_eq(buf, "[1/5]  20%  x");
	cli_progress_format(buf, sizeof(buf), 5, 5, 1.0, "x");
	ck_assert_str_eq(buf, "[5/5] 100%  5.0 files/s  0s left  x");
}
END_TEST

START_TEST(test_format_long_names)
{
	char name[200], buf[256], small[20];
	const char *tail;

	/* A long name keeps its end, from a whole character. */
	strcpy(name, "/data/reports/");
	for (int i = 0; i < 20; i++)
		strcat(name, "报告");
	strcat(name, ".txt");
	cli_progress_format(buf, sizeof(buf), 1, 2, 0.0, name);
	tail = strstr(buf, "…");
	ck_assert_ptr_nonnull(tail);
	ck_assert(strlen(tail) <= strlen("…") + CLI_PROGRESS_NAME_MAX);
	ck_assert(strcmp(buf + strlen(buf) - 4, ".txt") == 0);
	/* The byte after "…" starts a character. */
	ck_assert_int_ne((unsigned char)tail[3] & 0xC0, 0x80);
	/* A small buffer: cut, NUL-terminated, no broken sequence. */
	cli_progress_format(small, sizeof(small), 1, 2, 0.0, "报告报告报告报告");
	ck_assert(strlen(small) < sizeof(small));
	for (size_t i = strlen(small); i > 0; i--) {
		unsigned char c = (unsigned char)small[i - 1];
		if ((c & 0xC0) == 0x80)
			continue;
		/* The last lead byte has all its continuation bytes. */
		if (c >= 0xE0)
			ck_assert_uint_eq(strlen(small) - (i - 1), 3);
		break;
	}
	ck_assert_uint_eq(cli_progress_format(small, 0, 1, 2, 0.0, NULL), 0);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("progress");
	TCase *tc = tcase_create("progress");
	SRunner *sr;
	int failed;

	tcase_add_test(tc, test_due_rate_limited);
	tcase_add_test(tc, test_format_fields);
	tcase_add_test(tc, test_format_long_names);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
