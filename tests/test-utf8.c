/*
 * The UTF-8 helpers every reader and writer shares (lib/util/utf8.h): the
 * one well-formedness check, and the three counts of East Asian width,
 * which differ on purpose (a terminal's, a PDF's boxes', and the joining
 * of Chinese prose wrapped in HTML source).
 */
#include <string.h>

#include <unicode/utf8.h>

#include "util/utf8.h"
#include "testutil.h"

static int
valid(const char *s)
{
	return gr_utf8_valid(s, strlen(s));
}

START_TEST(well_formed_only)
{
	ck_assert(valid("区政府 2024年（一）“说明”……"));
	ck_assert(valid("\xF0\x9F\x98\x80")); /* U+1F600, four bytes */
	ck_assert(!valid("\xC0\x80"));         /* NUL, overlong */
	ck_assert(!valid("\xE0\x80\xAF"));     /* '/', overlong */
	ck_assert(!valid("\xED\xA0\x80"));     /* a surrogate, U+D800 */
	ck_assert(!valid("\xF4\x90\x80\x80")); /* past U+10FFFF */
	ck_assert(!valid("\xE4\xB8"));         /* 中, cut short */
	ck_assert(!valid("\x80"));
	ck_assert_uint_eq(gr_utf8_valid_prefix("ab\xED\xA0\x80", 5), 2);
	ck_assert_uint_eq(gr_utf8_valid_prefix("中\xE4\xB8", 5), 3);
}
END_TEST

/* ICU's reading of the same bytes: where the first ill-formed sequence
 * starts, or len. */
static size_t
icu_valid_prefix(const unsigned char *s, size_t len)
{
	int32_t i = 0;

	while ((size_t)i < len) {
		int32_t start = i;
		UChar32 c;
		U8_NEXT(s, i, (int32_t)len, c);
		if (c < 0)
			return (size_t)start;
	}
	return len;
}

/*
 * Long strings, where the check takes two characters at a time: Chinese
 * with one byte changed at each position to bytes that make every kind of
 * ill-formed sequence (a stray continuation, an overlong or surrogate
 * lead, a lead cut short, a byte UTF-8 never has) agrees with ICU.
 */
START_TEST(long_strings_agree_with_icu)
{
	static const char base[] = "政府信息公开工作年度报告（2023年）：主动公开ab政策文件…";
	static const unsigned char bytes[] = { 0x80, 0xBF, 0xA0, 0xE0, 0xED, 0xEF, 0xC0,
					       0xC2, 0xF0, 0xF4, 0xF5, 0xFF, 0x41, 0x00 };
	unsigned char s[sizeof(base) - 1];
	size_t len = sizeof(base) - 1;

	ck_assert_uint_eq(gr_utf8_valid_prefix(base, len), len);
	for (size_t at = 0; at < len; at++) {
		for (size_t k = 0; k < sizeof(bytes); k++) {
			memcpy(s, base, len);
			s[at] = bytes[k];
			for (size_t cut = at; cut <= len; cut += 5)
				ck_assert_msg(gr_utf8_valid_prefix((const char *)s, cut) ==
						      icu_valid_prefix(s, cut),
					      "byte %zu set to %02X, %zu bytes", at, bytes[k], cut);
		}
	}
}
END_TEST

/* The three counts of one character: terminal, PDF, prose. */
static void
counts(int32_t c, int terminal, int pdf, int prose)
{
	ck_assert_msg(gr_is_wide(c, GR_WIDE_TERMINAL) == terminal, "U+%04X terminal", c);
	ck_assert_msg(gr_is_wide(c, GR_WIDE_PDF) == pdf, "U+%04X pdf", c);
	ck_assert_msg(gr_is_wide(c, GR_WIDE_PROSE) == prose, "U+%04X prose", c);
}

START_TEST(wide_counts_differ_on_purpose)
{
	counts(0x4E2D, 1, 1, 1);  /* 中 */
	counts(0xFF08, 1, 1, 1);  /* （ */
	counts(0x3001, 1, 1, 1);  /* 、 */
	counts(0x20BB7, 1, 1, 1); /* 𠮷, beyond the BMP */
	counts('a', 0, 0, 0);
	counts('1', 0, 0, 0);
	/* Curly quotes: CJK fonts draw them wide, a PDF from a Latin font. */
	counts(0x201C, 1, 0, 1); /* “ */
	counts(0x2019, 1, 0, 1); /* ’ */
	/* Chinese sets its dashes and ellipsis wide: wrapped prose joins. */
	counts(0x2014, 0, 0, 1); /* — */
	counts(0x2026, 0, 0, 1); /* … */
	/* Hangul is wide, but Korean spaces its words. */
	counts(0xD55C, 1, 1, 0); /* 한 */
	/* Half-width katakana: narrow, but joins like the rest. */
	counts(0xFF71, 0, 0, 1); /* ｱ */
}
END_TEST

static Suite *
utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("utf8");

	tcase_add_test(tc, well_formed_only);
	tcase_add_test(tc, long_strings_agree_with_icu);
	tcase_add_test(tc, wide_counts_differ_on_purpose);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(utf8_suite());
}
