/* Cell text → value (lib/tables/cellvalue.c): SPEC §2, "cell content". */
#include <string.h>

#include "tables/cellvalue.h"
#include "testutil.h"

static struct gr_value
parse(const char *s)
{
	struct gr_value v;
	gr_value_parse(s, strlen(s), &v);
	return v;
}

START_TEST(numbers)
{
	struct gr_value v = parse(" 17 ");
	ck_assert_int_eq(v.kind, GR_VALUE_NUMBER);
	ck_assert_int_eq(v.coefficient, 17);
	ck_assert_uint_eq(v.scale, 0);

	v = parse("1,234,567");
	ck_assert_int_eq(v.kind, GR_VALUE_NUMBER);
	ck_assert_int_eq(v.coefficient, 1234567);

	v = parse("-3");
	ck_assert_int_eq(v.kind, GR_VALUE_NUMBER);
	ck_assert_int_eq(v.coefficient, -3);

	v = parse("12.3456");
	ck_assert_int_eq(v.coefficient, 123456);
	ck_assert_uint_eq(v.scale, 4);

	v = parse("3.26815");
	ck_assert_int_eq(v.coefficient, 326815);
	ck_assert_uint_eq(v.scale, 5);

	v = parse("9223372036854775807");
	ck_assert_int_eq(v.kind, GR_VALUE_NUMBER);
	ck_assert_int_eq(v.coefficient, INT64_MAX);
}
END_TEST

START_TEST(units_and_several_numbers)
{
	struct gr_value v = parse("964000元");
	ck_assert_int_eq(v.kind, GR_VALUE_NUMBER);
	ck_assert_int_eq(v.coefficient, 964000);
	ck_assert_int_eq(v.unit, 1);

	v = parse("8,152*");
	ck_assert_int_eq(v.coefficient, 8152);
	ck_assert_int_eq(v.unit, 1);

	v = parse("12 件");
	ck_assert_int_eq(v.coefficient, 12);
	ck_assert_int_eq(v.unit, 1);

	v = parse("0 0 0");
	ck_assert_int_eq(v.kind, GR_VALUE_NUMBER);
	ck_assert_int_eq(v.coefficient, 0);
	ck_assert_uint_eq(v.extra, 2);

	v = parse("318 318");
	ck_assert_int_eq(v.coefficient, 318);
	ck_assert_uint_eq(v.extra, 1);
}
END_TEST

START_TEST(dashes_blanks_text)
{
	static const char *const dashes[] = { "—", "-", "/", "无", "——", "\\" };

	for (size_t i = 0; i < sizeof(dashes) / sizeof(dashes[0]); i++)
		ck_assert_int_eq(parse(dashes[i]).kind, GR_VALUE_DASH);
	ck_assert_int_eq(parse("").kind, GR_VALUE_BLANK);
	ck_assert_int_eq(parse("   ").kind, GR_VALUE_BLANK);
	ck_assert_int_eq(parse("行政许可").kind, GR_VALUE_TEXT);
	ck_assert_int_eq(parse("12abc").kind, GR_VALUE_TEXT);
	ck_assert_int_eq(parse("1,23").kind, GR_VALUE_TEXT);
	ck_assert_int_eq(parse("12,3456").kind, GR_VALUE_TEXT);
	ck_assert_int_eq(parse("1 0 x").kind, GR_VALUE_TEXT);
}
END_TEST

START_TEST(overflow_is_its_own_kind)
{
	struct gr_value v = parse("9223372036854775808");

	ck_assert_int_eq(v.kind, GR_VALUE_OVERFLOW);
	/* A number too large is still a value: it takes its column. */
	ck_assert(gr_value_is_filled(&v));
	v = parse("123456789012345678901234567890");
	ck_assert_int_eq(v.kind, GR_VALUE_OVERFLOW);
	v = parse("99999999999999999999");
	ck_assert_int_eq(v.kind, GR_VALUE_OVERFLOW);
	v = parse("9999999999999999999999999999999999999999");
	ck_assert_int_eq(v.kind, GR_VALUE_OVERFLOW);
	v = parse("-99999999999999999999");
	ck_assert_int_eq(v.kind, GR_VALUE_OVERFLOW);
	/* Money beyond its exact range (digits and scale in 64 bits). */
	v = parse("1.12345678901234567890");
	ck_assert_int_eq(v.kind, GR_VALUE_OVERFLOW);
	v = parse("9223372036854775807");
	ck_assert_int_eq(v.kind, GR_VALUE_NUMBER);
	ck_assert(v.coefficient == INT64_MAX);
	/* A further number that is too large is one more number, not text. */
	v = parse("3 99999999999999999999");
	ck_assert_int_eq(v.kind, GR_VALUE_NUMBER);
	ck_assert(v.coefficient == 3);
	ck_assert_int_eq(v.extra, 1);
}
END_TEST

static Suite *
cellvalue_suite(void)
{
	Suite *s = suite_create("cellvalue");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, numbers);
	tcase_add_test(tc, units_and_several_numbers);
	tcase_add_test(tc, dashes_blanks_text);
	tcase_add_test(tc, overflow_is_its_own_kind);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(cellvalue_suite());
}
