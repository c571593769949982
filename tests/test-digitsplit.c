/* Fused digits → candidate rows (lib/tables/digitsplit.c): SPEC §2 item 15,
 * CELL_SPLIT and CELL_AMBIGUOUS. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "util/alloc.h"
#include "tables/digitsplit.h"
#include "testutil.h"

static int
split(const char *digits, size_t ncells, gr_split_fits fits, struct gr_split *out)
{
	return gr_split_digits(digits, strlen(digits), ncells, fits, NULL, out);
}

static void
assert_values(const int64_t *got, const int64_t *want, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(got[i] == want[i], "cell %zu: %lld, expected %lld", i,
			      (long long)got[i], (long long)want[i]);
}

/* The row-total predicate behind another address: forces the general
 * search, so the two searches can be compared. */
static unsigned long calls;

static int
row_total_general(const int64_t *values, size_t ncells, void *ctx)
{
	calls++;
	return gr_split_fits_row_total(values, ncells, ctx);
}

static int
accept_all(const int64_t *values, size_t ncells, void *ctx)
{
	(void)values;
	(void)ncells;
	(void)ctx;
	calls++;
	return 1;
}

START_TEST(table3_row_unique)
{
	struct gr_split s;
	static const int64_t want[] = { 52, 1, 0, 0, 0, 0, 53 };

	ck_assert_int_eq(split("521000053", 7, gr_split_fits_row_total, &s), 0);
	ck_assert_uint_eq(s.ncells, 7);
	ck_assert_uint_eq(s.count, 1);
	assert_values(s.values[0], want, 7);

	/* The same digits with any predicate: the general search agrees. */
	ck_assert_int_eq(split("521000053", 7, row_total_general, &s), 0);
	ck_assert_uint_eq(s.count, 1);
	assert_values(s.values[0], want, 7);
}
END_TEST

START_TEST(table3_row_ambiguous)
{
	struct gr_split s;
	/* 10 1 0 0 0 0 11 (自然人 10, 商业企业 1) and 1 0 10 0 0 0 11
	 * (自然人 1, 科研机构 10) are written the same way. */
	static const int64_t first[] = { 1, 0, 10, 0, 0, 0, 11 };
	static const int64_t second[] = { 10, 1, 0, 0, 0, 0, 11 };
	char text[128];

	ck_assert_int_eq(split("101000011", 7, gr_split_fits_row_total, &s), 0);
	ck_assert_uint_eq(s.count, 2);
	assert_values(s.values[0], first, 7);
	assert_values(s.values[1], second, 7);
	ck_assert_uint_eq(gr_split_describe(&s, text, sizeof(text)),
			  strlen("1 0 10 0 0 0 11 | 10 1 0 0 0 0 11"));
	ck_assert_str_eq(text, "1 0 10 0 0 0 11 | 10 1 0 0 0 0 11");

	/* Another, found by brute force: 2 1 10 0 0 0 13 or 2 11 0 0 0 0 13. */
	ck_assert_int_eq(split("211000013", 7, gr_split_fits_row_total, &s), 0);
	ck_assert_uint_eq(s.count, 2);
	ck_assert_int_eq(s.values[0][2], 10);
	ck_assert_int_eq(s.values[1][1], 11);
}
END_TEST

START_TEST(zeros_and_too_few_digits)
{
	struct gr_split s;
	static const int64_t zeros[7] = { 0 };

	ck_assert_int_eq(split("0000000", 7, gr_split_fits_row_total, &s), 0);
	ck_assert_uint_eq(s.count, 1);
	assert_values(s.values[0], zeros, 7);

	ck_assert_int_eq(split("123", 7, gr_split_fits_row_total, &s), 0);
	ck_assert_uint_eq(s.count, 0);
	ck_assert_int_eq(split("123", 7, NULL, &s), 0);
	ck_assert_uint_eq(s.count, 0);
	ck_assert_int_eq(gr_split_digits(NULL, 0, 1, NULL, NULL, &s), 0);
	ck_assert_uint_eq(s.count, 0);
}
END_TEST

START_TEST(leading_zero_rule)
{
	struct gr_split s;

	/* 05 is not a number; 0 5 is two. */
	ck_assert_int_eq(split("05", 1, NULL, &s), 0);
	ck_assert_uint_eq(s.count, 0);
	ck_assert_int_eq(split("05", 2, NULL, &s), 0);
	ck_assert_uint_eq(s.count, 1);
	ck_assert_int_eq(s.values[0][0], 0);
	ck_assert_int_eq(s.values[0][1], 5);
	/* 100 into two: 10 0 only (1 00 has a leading zero). */
	ck_assert_int_eq(split("100", 2, NULL, &s), 0);
	ck_assert_uint_eq(s.count, 1);
	ck_assert_int_eq(s.values[0][0], 10);
	ck_assert_int_eq(s.values[0][1], 0);
	/* 3 0 03 would balance, but 03 is not a total. */
	ck_assert_int_eq(split("3003", 3, gr_split_fits_row_total, &s), 0);
	ck_assert_uint_eq(s.count, 0);
}
END_TEST

START_TEST(minus_starts_a_part)
{
	struct gr_split s;
	static const int64_t first[] = { 175, GR_SPLIT_DASH, 3720 };
	static const int64_t second[] = { 175, -3, 720 };
	static const int64_t fee[] = { 3, -1 };
	char described[128];

	/* 行政许可 of table 二, fused: 175 -3 720 as printed, but also 175 -37
	 * 20, 175 -372 0, a dash between 175 and 3720, and 1 75 -3720. */
	ck_assert_int_eq(split("175-3720", 3, NULL, &s), 0);
	ck_assert_uint_eq(s.count, 6);
	assert_values(s.values[0], (const int64_t[]){ 1, 75, -3720 }, 3);
	assert_values(s.values[2], first, 3);
	assert_values(s.values[3], second, 3);
	gr_split_describe(&s, described, sizeof(described));
	ck_assert_str_eq(described, "1 75 -3720 | 17 5 -3720 | 175 - 3720 | 175 -3 720");
	/* 行政事业性收费: two cells, one way. */
	ck_assert_int_eq(split("3-1", 2, NULL, &s), 0);
	ck_assert_uint_eq(s.count, 1);
	assert_values(s.values[0], fee, 2);
	/* "-0" is no value and a '-' never ends a part: 5-05 has no split into
	 * two, and into three only 5 - 05 would do, which has a leading zero. */
	ck_assert_int_eq(split("5-05", 2, NULL, &s), 0);
	ck_assert_uint_eq(s.count, 0);
	ck_assert_int_eq(split("5-05", 3, NULL, &s), 0);
	ck_assert_uint_eq(s.count, 0);
	ck_assert_int_eq(split("5-0", 3, NULL, &s), 0);
	ck_assert_uint_eq(s.count, 1);
	assert_values(s.values[0], (const int64_t[]){ 5, GR_SPLIT_DASH, 0 }, 3);
	/* The row total takes no negative cell or dash. */
	ck_assert_int_eq(split("2-13", 3, gr_split_fits_row_total, &s), 0);
	ck_assert_uint_eq(s.count, 0);
	ck_assert_int_eq(split("-", 1, NULL, &s), 0);
	ck_assert_uint_eq(s.count, 1);
	ck_assert_int_eq(s.values[0][0], GR_SPLIT_DASH);
	/* At the limit: "-" and 18 digits; 19 are beyond a part. */
	ck_assert_int_eq(split("-999999999999999999", 1, NULL, &s), 0);
	ck_assert_int_eq(s.values[0][0], -INT64_C(999999999999999999));
	ck_assert_int_eq(split("-9223372036854775807", 1, NULL, &s), -1);
}
END_TEST

START_TEST(table4_group)
{
	struct gr_split s;
	static const int64_t zeros[5] = { 0 };
	static const int64_t want[] = { 1, 2, 0, 0, 3 };

	ck_assert_int_eq(split("00000", 5, gr_split_fits_row_total, &s), 0);
	ck_assert_uint_eq(s.count, 1);
	assert_values(s.values[0], zeros, 5);
	ck_assert_int_eq(split("12003", 5, gr_split_fits_row_total, &s), 0);
	ck_assert_uint_eq(s.count, 1);
	assert_values(s.values[0], want, 5);
	/* 1 2 0 0 4 does not add up. */
	ck_assert_int_eq(split("12004", 5, gr_split_fits_row_total, &s), 0);
	ck_assert_uint_eq(s.count, 0);
}
END_TEST

START_TEST(bad_input_leaves_out_alone)
{
	struct gr_split s, before;
	char digits[GR_SPLIT_MAX_DIGITS + 2];

	memset(&s, 0x5a, sizeof(s));
	before = s;
	ck_assert_int_eq(split("521000053", 0, NULL, &s), -1);
	ck_assert_int_eq(split("521000053", GR_SPLIT_MAX_CELLS + 1, NULL, &s), -1);
	ck_assert_int_eq(split("52100a053", 7, NULL, &s), -1);
	ck_assert_int_eq(split("52 1000053", 7, NULL, &s), -1);
	ck_assert_int_eq(split("５２", 2, NULL, &s), -1); /* NFKC comes first */
	ck_assert_int_eq(gr_split_digits(NULL, 3, 1, NULL, NULL, &s), -1);
	ck_assert_int_eq(gr_split_digits("1", 1, 1, NULL, NULL, NULL), -1);
	memset(digits, '0', sizeof(digits));
	ck_assert_int_eq(gr_split_digits(digits, GR_SPLIT_MAX_DIGITS + 1, 16,
					 NULL, NULL, &s), -1);
	/* Overflow: every split has a part beyond int64. */
	ck_assert_int_eq(split("9223372036854775808", 1, NULL, &s), -1);
	ck_assert_int_eq(split("123456789012345678901234567890", 1, NULL, &s), -1);
	ck_assert_int_eq(split("000021202022220112120020", 5, NULL, &s), -1);
	ck_assert_int_eq(memcmp(&s, &before, sizeof(s)), 0);

	/* At the limit, and a run where only some splits overflow. */
	ck_assert_int_eq(split("9223372036854775807", 1, NULL, &s), 0);
	ck_assert_uint_eq(s.count, 1);
	ck_assert_int_eq(s.values[0][0], INT64_MAX);
	/* 20 nines into two: 9 and 19 nines (or 19 and 1) overflow, the
	 * other 17 splits do not. */
	ck_assert_int_eq(split("99999999999999999999", 2, NULL, &s), 0);
	ck_assert_uint_eq(s.count, 17);
	ck_assert_int_eq(s.values[0][0], 99);
	ck_assert_int_eq(s.values[0][1], INT64_C(999999999999999999));
}
END_TEST

START_TEST(out_of_memory)
{
	struct gr_split s;

	memset(&s, 0, sizeof(s));
	gr_alloc_fail_after(0);
	ck_assert_int_eq(split("521000053", 7, gr_split_fits_row_total, &s), -2);
	gr_alloc_fail_after(-1);
	ck_assert_uint_eq(s.count, 0);
}
END_TEST

static int
first_is(const int64_t *values, size_t ncells, void *ctx)
{
	(void)ncells;
	return values[0] == *(const int64_t *)ctx;
}

START_TEST(many_fit_first_kept)
{
	struct gr_split s;
	int64_t first = 11;
	char text[16];

	/* 1111111 into three: C(6,2) = 15 splits, the first four kept. */
	ck_assert_int_eq(split("1111111", 3, NULL, &s), 0);
	ck_assert_uint_eq(s.count, 15);
	assert_values(s.values[0], (const int64_t[]){ 1, 1, 11111 }, 3);
	assert_values(s.values[1], (const int64_t[]){ 1, 11, 1111 }, 3);
	assert_values(s.values[2], (const int64_t[]){ 1, 111, 111 }, 3);
	assert_values(s.values[3], (const int64_t[]){ 1, 1111, 11 }, 3);

	/* The predicate's context reaches it. */
	ck_assert_int_eq(gr_split_digits("1111111", 7, 3, first_is, &first, &s), 0);
	ck_assert_uint_eq(s.count, 4);
	assert_values(s.values[0], (const int64_t[]){ 11, 1, 1111 }, 3);

	/* Truncation: NUL-terminated, the whole length returned. */
	ck_assert_int_eq(split("521000053", 7, gr_split_fits_row_total, &s), 0);
	ck_assert_uint_eq(gr_split_describe(&s, text, 8), strlen("52 1 0 0 0 0 53"));
	ck_assert_str_eq(text, "52 1 0 ");
	ck_assert_uint_eq(gr_split_describe(&s, NULL, 0), 15);
	s.count = 0;
	ck_assert_uint_eq(gr_split_describe(&s, text, sizeof(text)), 0);
	ck_assert_str_eq(text, "");
}
END_TEST

/* The row-total search and the general search give the same counts and
 * the same kept candidates, on rows built to balance and on noise. */
START_TEST(row_total_search_matches_general)
{
	uint32_t seed = 12345;
	unsigned ambiguous = 0, many = 0;

	for (int round = 0; round < 3000; round++) {
		char digits[GR_SPLIT_MAX_DIGITS + 1];
		size_t ncells = round % 2 ? 7 : 5, len = 0;
		int64_t sum = 0;
		struct gr_split fast, slow;
		int rc_fast, rc_slow;

		for (size_t i = 0; i + 1 < ncells; i++) {
			int64_t v;

			seed = seed * 1103515245u + 12345u;
			v = (seed >> 16) % (round % 3 == 0 ? 4 : round % 3 == 1 ? 30 : 300);
			sum += v;
			len += (size_t)snprintf(digits + len, sizeof(digits) - len,
						"%lld", (long long)v);
		}
		if (round % 5 == 4)
			sum += 1 + (seed >> 8) % 9; /* does not balance */
		len += (size_t)snprintf(digits + len, sizeof(digits) - len,
					"%lld", (long long)sum);
		rc_fast = gr_split_digits(digits, len, ncells,
					  gr_split_fits_row_total, NULL, &fast);
		rc_slow = gr_split_digits(digits, len, ncells, row_total_general,
					  NULL, &slow);
		ck_assert_int_eq(rc_fast, 0);
		ck_assert_int_eq(rc_slow, 0);
		ck_assert_msg(fast.count == slow.count, "%.*s: %zu vs %zu",
			      (int)len, digits, fast.count, slow.count);
		if (round % 5 != 4)
			ck_assert_uint_ge(fast.count, 1);
		for (size_t k = 0; k < fast.count && k < GR_SPLIT_MAX_KEEP; k++)
			assert_values(fast.values[k], slow.values[k], ncells);
		ambiguous += fast.count >= 2;
		many += fast.count > GR_SPLIT_MAX_KEEP;
	}
	/* The comparison covered ambiguous rows and more than were kept. */
	ck_assert_uint_gt(ambiguous, 0);
	ck_assert_uint_gt(many, 0);
}
END_TEST

static double
seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* 48 digits into 16 cells: the step bound ends the search. */
START_TEST(worst_case_is_bounded)
{
	static const char *const runs[] = {
		"111111111111111111111111111111111111111111111111",
		"101111101111011010001111110111110111101111111110",
		"123456789012345678901234567890123456789012345678",
	};
	struct gr_split s;

	for (size_t i = 0; i < sizeof(runs) / sizeof(runs[0]); i++) {
		double t = seconds();
		int rc;

		calls = 0;
		ck_assert_int_eq(split(runs[i], 16, accept_all, &s), -1);
		ck_assert_uint_le(calls, GR_SPLIT_MAX_STEPS);
		ck_assert_uint_gt(calls, GR_SPLIT_MAX_STEPS / 16);
		rc = split(runs[i], 16, gr_split_fits_row_total, &s);
		ck_assert(rc == 0 || rc == -1);
		/* About 35 ms at most natively; generous for valgrind. */
		ck_assert_msg(seconds() - t < 30.0, "%s took %.1f s", runs[i],
			      seconds() - t);
	}
	/* 48 zeros: no split into 16 (00 is not a number), found at once. */
	ck_assert_int_eq(split("000000000000000000000000000000000000000000000000",
			       16, NULL, &s), 0);
	ck_assert_uint_eq(s.count, 0);
}
END_TEST

static Suite *
digitsplit_suite(void)
{
	Suite *s = suite_create("digitsplit");
	TCase *tc = tcase_create("split");

	tcase_add_test(tc, table3_row_unique);
	tcase_add_test(tc, table3_row_ambiguous);
	tcase_add_test(tc, zeros_and_too_few_digits);
	tcase_add_test(tc, leading_zero_rule);
	tcase_add_test(tc, minus_starts_a_part);
	tcase_add_test(tc, table4_group);
	tcase_add_test(tc, bad_input_leaves_out_alone);
	tcase_add_test(tc, out_of_memory);
	tcase_add_test(tc, many_fit_first_kept);
	tcase_add_test(tc, row_total_search_matches_general);
	tcase_add_test(tc, worst_case_is_bounded);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(digitsplit_suite());
}
