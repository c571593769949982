/*
 * Line normalisation: the fast path over UTF-8 (gr_normalize_line_utf8,
 * which skips ICU for lines of plain characters and full-width forms)
 * must give exactly what the ICU path over UTF-16 (gr_normalize_line)
 * gives — for every BMP character in several surroundings, and for
 * random lines mixing the characters that matter.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>

#include "input/chardata.h"
#include "input/hant.h"
#include "input/normalize.h"
#include "util/strbuf.h"
#include "testutil.h"

/* Both paths on the same UTF-16 line; fails with the line's code points. */
static void
check_line(struct gr_normalizer *n, const UChar *units, int32_t len)
{
	struct gr_strbuf slow, fast;
	char utf8[512];
	int32_t bytes = 0;
	UErrorCode status = U_ZERO_ERROR;

	u_strToUTF8(utf8, sizeof(utf8), &bytes, units, len, &status);
	ck_assert(U_SUCCESS(status));
	gr_strbuf_init(&slow);
	gr_strbuf_init(&fast);
	/* Some text before, as in a document's buffer. */
	gr_strbuf_puts(&slow, "x");
	gr_strbuf_puts(&fast, "x");
	ck_assert_int_eq(gr_normalize_line(n, units, len, &slow), 0);
	ck_assert_int_eq(gr_normalize_line_utf8(n, utf8, (size_t)bytes, &fast), 0);
	if (slow.len != fast.len || memcmp(slow.data, fast.data, slow.len) != 0) {
		char desc[256];
		size_t at = 0;
		for (int32_t i = 0; i < len && at + 8 < sizeof(desc); i++)
			at += (size_t)snprintf(desc + at, sizeof(desc) - at, " %04X", units[i]);
		ck_abort_msg("line%s: ICU gives \"%s\", the fast path \"%s\"", desc,
			     slow.data, fast.data);
	}
	gr_strbuf_release(&slow);
	gr_strbuf_release(&fast);
}

/*
 * The first test of the program: no line opens ICU's transliterator
 * (~10 ms per process), neither simplified text nor full-width forms,
 * nor traditional text, which its rule tables convert.
 */
START_TEST(transliterator_opened_on_demand)
{
	static const char *const lines[] = {
		"政府信息公开工作年度报告", "（一）主动公开，３０件。", "区(qū)域", "abc",
	};
	struct gr_normalizer *n = gr_normalizer_new();
	struct gr_strbuf out;

	ck_assert_ptr_nonnull(n);
	gr_strbuf_init(&out);
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		ck_assert_int_eq(gr_normalize_line_utf8(n, lines[i], strlen(lines[i]), &out), 0);
	ck_assert_str_eq(out.data, "政府信息公开工作年度报告(一)主动公开,30件。区域abc");
	ck_assert_int_eq(gr_normalizer_converted(n), 0);
	ck_assert_int_eq(gr_hant_opened(), 0);
	out.len = 0;
	ck_assert_int_eq(gr_normalize_line_utf8(n, "政府資訊公開", strlen("政府資訊公開"), &out), 0);
	ck_assert_str_eq(out.data, "政府资讯公开");
	ck_assert_int_eq(gr_normalizer_converted(n), 1);
	ck_assert(gr_chardata()->has_rules);
	ck_assert_int_eq(gr_hant_opened(), 0);
	gr_strbuf_release(&out);
	gr_normalizer_free(n);
}
END_TEST

/* Normalise every line of a file with n; the lines, NUL-separated. */
static void
normalize_file(struct gr_normalizer *n, const char *data, struct gr_strbuf *out)
{
	for (const char *line = data; *line;) {
		size_t len = strcspn(line, "\n");
		ck_assert_int_eq(gr_normalize_line_utf8(n, line, len, out), 0);
		gr_strbuf_putc(out, '\0');
		line += len + (line[len] == '\n');
	}
}

/*
 * Where the build could take no rule tables (another ICU's rules),
 * ICU's transliterator converts, opened then: the same text.
 */
START_TEST(transliterator_where_no_tables)
{
	static struct gr_chardata no_rules;
	static const char *const files[] = {
		"corpus/001-traditional/input.txt", "corpus/002-traditional/input.txt",
		"corpus/003-traditional/input.txt", "corpus/004-traditional/input.txt",
	};

	no_rules = gr_chardata_built;
	no_rules.has_rules = 0;
	for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		char *path = test_data_path(files[f]);
		char *data = test_read_file(path, NULL);
		struct gr_normalizer *by_tables = gr_normalizer_new();
		struct gr_normalizer *by_icu = gr_normalizer_new();
		struct gr_strbuf a, b;
		ck_assert(by_tables && by_icu);
		gr_normalizer_set_tables(by_icu, &no_rules);
		gr_strbuf_init(&a);
		gr_strbuf_init(&b);
		normalize_file(by_tables, data, &a);
		normalize_file(by_icu, data, &b);
		ck_assert_int_eq(gr_normalizer_converted(by_tables), 1);
		ck_assert_int_eq(gr_normalizer_converted(by_icu), 1);
		ck_assert_uint_eq(a.len, b.len);
		ck_assert_msg(memcmp(a.data, b.data, a.len) == 0, "%s", files[f]);
		gr_strbuf_release(&a);
		gr_strbuf_release(&b);
		gr_normalizer_free(by_tables);
		gr_normalizer_free(by_icu);
		free(data);
		free(path);
	}
	ck_assert_int_eq(gr_hant_opened(), 1);
}
END_TEST

/*
 * The tables the build wrote are the ones this process's ICU gives: the
 * generator and the run-time fallback (another ICU) agree, and the
 * library in use is not running on stale tables.
 */
START_TEST(built_tables_match_icu)
{
	static struct gr_chardata computed;
	const struct gr_chardata *built = &gr_chardata_built;
	size_t nplain = 0, nmapped = 0, ntraditional = 0;

	ck_assert_int_eq(gr_chardata_compute(&computed), 0);
	ck_assert_mem_eq(built->icu_version, computed.icu_version, 4);
	ck_assert_ptr_eq(gr_chardata(), built);
	ck_assert_int_eq(built->has_hant, computed.has_hant);
	for (uint32_t c = 0; c < GR_BMP; c++) {
		int mapped = gr_bit(computed.mapped, c);
		ck_assert_msg(gr_bit(built->plain, c) == gr_bit(computed.plain, c), "plain U+%04X", c);
		ck_assert_msg(gr_bit(built->quiet, c) == gr_bit(computed.quiet, c), "quiet U+%04X", c);
		ck_assert_msg(gr_bit(built->mapped, c) == mapped, "mapped U+%04X", c);
		ck_assert_msg(gr_bit(built->traditional, c) == gr_bit(computed.traditional, c),
			      "traditional U+%04X", c);
		if (mapped) {
			const struct gr_nfkc_mapping *a, *b;
			a = &built->map[built->map_page[c >> 8] - 1][c & 0xFF];
			b = &computed.map[computed.map_page[c >> 8] - 1][c & 0xFF];
			ck_assert_msg(a->len == b->len && memcmp(a->text, b->text, a->len) == 0,
				      "NFKC of U+%04X", c);
		}
		nplain += (size_t)gr_bit(computed.plain, c);
		nmapped += (size_t)mapped;
		ntraditional += (size_t)gr_bit(computed.traditional, c);
	}
	/* Hant-Hans's rules as tables, byte for byte. */
	ck_assert_int_eq(built->has_rules, computed.has_rules);
	ck_assert_mem_eq(built->hant_acts, computed.hant_acts, sizeof(computed.hant_acts));
	ck_assert_mem_eq(built->hant_phrase, computed.hant_phrase, sizeof(computed.hant_phrase));
	ck_assert_mem_eq(built->hant_page, computed.hant_page, sizeof(computed.hant_page));
	ck_assert(memcmp(built->hant_single, computed.hant_single, sizeof(computed.hant_single)) == 0);
	ck_assert_uint_eq(built->hant_nfirsts, computed.hant_nfirsts);
	ck_assert(memcmp(built->hant_firsts, computed.hant_firsts, sizeof(computed.hant_firsts)) == 0);
	ck_assert(memcmp(built->hant_phrases, computed.hant_phrases,
			 sizeof(computed.hant_phrases)) == 0);
	ck_assert(memcmp(built->hant_pool, computed.hant_pool, sizeof(computed.hant_pool)) == 0);
	ck_assert_uint_gt(computed.hant_nfirsts, 500);
	ck_assert_uint_eq(built->ntraditional_astral, computed.ntraditional_astral);
	ck_assert_mem_eq(built->traditional_astral, computed.traditional_astral,
			 computed.ntraditional_astral * sizeof(uint32_t));
	/* Real tables, not two empty ones: CJK, the full-width forms and
	 * the ~2,700 characters Hant-Hans changes alone. */
	ck_assert_uint_gt(nplain, 40000);
	ck_assert_uint_gt(nmapped, 200);
	ck_assert_uint_gt(ntraditional, 2000);
	ck_assert(gr_bit(computed.traditional, 0x570B)); /* 國 */
	ck_assert(!gr_bit(computed.traditional, 0x56FD)); /* 国 */
}
END_TEST

START_TEST(every_bmp_character)
{
	struct gr_normalizer *n = gr_normalizer_new();

	ck_assert_ptr_nonnull(n);
	for (UChar32 c = 1; c < 0x10000; c++) {
		UChar alone[1] = { (UChar)c };
		UChar between[3] = { 'a', (UChar)c, 'b' };
		UChar after_han[2] = { 0x4E2D /* 中 */, (UChar)c };
		UChar twice[2] = { (UChar)c, (UChar)c };
		UChar before_mark[2] = { (UChar)c, 0x0301 };
		UChar residue[5] = { 0x5340 /* 區 */, '(', (UChar)c, ')', 0x3002 };
		if (U_IS_SURROGATE(c))
			continue;
		check_line(n, alone, 1);
		check_line(n, between, 3);
		check_line(n, after_han, 2);
		check_line(n, twice, 2);
		check_line(n, before_mark, 2);
		check_line(n, residue, 5);
	}
	gr_normalizer_free(n);
}
END_TEST

/* Characters that exercise each rule: plain Han (simplified and
 * traditional), full-width forms, pinyin with tone marks, brackets,
 * invisible controls, combining marks, compatibility ideographs, a
 * supplementary character, CJK punctuation. */
static const UChar32 pool[] = {
	'a', 'q', 'u', '(', ')', ' ', '\t', '1', 0x4E2D, 0x533A, 0x5340, 0x7FD2,
	0x4E60, 0x570B, 0x56FD, 0xFF08, 0xFF09, 0xFF10, 0xFF0C, 0x3000, 0x3001,
	0x3002, 0x016B, 0x00ED, 0x01D0, 0x1EBF, 0x200B, 0x200E, 0xFEFF, 0x00AD,
	0x0301, 0x0308, 0xF900, 0xFA10, 0x2460, 0x2026, 0x3231, 0x20000, 0x1100,
	0x1161, 0xAC00, 0x00BD, 0x2014, 0x201C, 0x300A, 0x3131, 0x314F, 0x11A8,
	0x05B0, 0x0F73, 0xFF9E, 0x304B, 0x3099,
};

START_TEST(random_lines)
{
	struct gr_normalizer *n = gr_normalizer_new();
	uint64_t state = 0x9E3779B97F4A7C15ull;
	size_t npool = sizeof(pool) / sizeof(pool[0]);

	ck_assert_ptr_nonnull(n);
	for (int line = 0; line < 20000; line++) {
		UChar units[64];
		int32_t len = 0;
		int chars;
		state = state * 6364136223846793005ull + 1442695040888963407ull;
		chars = (int)(state >> 59) + 1;
		for (int i = 0; i < chars; i++) {
			UChar32 c;
			state = state * 6364136223846793005ull + 1442695040888963407ull;
			c = pool[(state >> 33) % npool];
			U16_APPEND_UNSAFE(units, len, c);
		}
		check_line(n, units, len);
	}
	gr_normalizer_free(n);
}
END_TEST

/* Lines at the edges of the rules, written in UTF-8. */
START_TEST(edge_lines)
{
	static const char *const lines[] = {
		"區(qū)域", "區(abcdefgh)", "區(abcdefghi)", "區()", "區(qū", "(qū)區",
		"區(qū)(xí)", "區（qū）", "區 (qū)", "學習(xí)", "習(X)", "區(ū)", "a(qū)",
		"\xE2\x80\x8B區(qū)", "區\xE2\x80\x8B(qū)", "（一）主动公开，３０件。",
		"三　本　年　度", "\t\t", "", "\177\001abc\014", "１，２３４",
		"政府信息公開\xEF\xBC\x88含\xEF\xBC\x89", "⑴⒈①…㎡", "ｱｲｳ",
	};

	struct gr_normalizer *n = gr_normalizer_new();
	ck_assert_ptr_nonnull(n);
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		UChar units[128];
		int32_t len = 0;
		UErrorCode status = U_ZERO_ERROR;
		u_strFromUTF8(units, 128, &len, lines[i], -1, &status);
		ck_assert(U_SUCCESS(status));
		check_line(n, units, len);
	}
	gr_normalizer_free(n);
}
END_TEST

static Suite *
normalize_suite(void)
{
	Suite *s = suite_create("normalize");
	TCase *tc = tcase_create("fast path");

	tcase_set_timeout(tc, 600);
	/* First: it asserts that nothing before opened the transliterator. */
	tcase_add_test(tc, transliterator_opened_on_demand);
	tcase_add_test(tc, built_tables_match_icu);
	tcase_add_test(tc, transliterator_where_no_tables);
	tcase_add_test(tc, every_bmp_character);
	tcase_add_test(tc, random_lines);
	tcase_add_test(tc, edge_lines);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(normalize_suite());
}
