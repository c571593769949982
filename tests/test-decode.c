/* Decoding and normalisation (lib/input/decode*.c, lib/input/normalize.c): SPEC §4. */
#define _XOPEN_SOURCE 700 /* nftw */
#include <ftw.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>

#include "testutil.h"
#include "input/decode_build.h"
#include "input/text.h"
#include "util/utf8.h"

static void
decode_ok(const char *data, size_t len, struct gr_text *text)
{
	ck_assert_int_eq(gr_text_decode(data, len, text), GOVREPORT_OK);
}

static const char *
line(const struct gr_text *t, size_t i)
{
	ck_assert_uint_lt(i, t->nlines);
	return gr_line_text(t, &t->lines[i]);
}

/* What the UTF-8 scan must count, character by character. */
static void
reference_counts(const unsigned char *s, size_t len, struct utf8_counts *k)
{
	*k = (struct utf8_counts){ .lines = 1 };
	for (size_t i = 0; i < len;) {
		int32_t c = gr_utf8_next((const char *)s, len, &i);
		k->units += c > 0xFFFF ? 2 : 1;
		if (c == '\n') {
			k->lines++;
		} else if (c == '\r') {
			k->cr = 1;
			k->lines += i >= len || s[i] != '\n';
		} else if (c == '\f') {
			k->ff = 1;
		} else if (c == ' ' || c == '\t' || c == '\v' || c == 0x3000 || c == 0xFEFF) {
			/* blank: neither visible nor odd */
		} else if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0xFFFD) {
			k->odd++;
		} else {
			k->visible += c > 0xFFFF ? 2 : 1;
		}
	}
}

/*
 * The scan before decoding counts what decoding needs, taking runs of
 * printable ASCII (markup) eight bytes at a time and Chinese two
 * characters at a time: on documents of random pieces of every kind it
 * counts what a plain walk over the characters counts.
 */
START_TEST(utf8_scan_counts)
{
	static const char *const pieces[] = {
		"<td class=\"x\">", "   ", "a", "0123456789abcdef", "中文", "报告（一）",
		"\xE3\x80\x80", "\xEF\xBB\xBF", "\xEF\xBF\xBD", "\x01", "\t", "\v", "\f",
		"\r", "\r\n", "\n", "\x7F", "\xC2\x80", "\xC2\xA0", "é", "𠮷", "\xE0\xA4\x85",
		"\xED\x9F\xBF", "～！", " | ", "----",
	};
	unsigned seed = 20261205;

	for (int doc = 0; doc < 400; doc++) {
		/* Not a BOM, which would be skipped: a letter first. */
		unsigned char buf[2048] = { 'x' };
		size_t len = 1, bom;
		struct utf8_counts got, want;
		int utf8;
		for (;;) {
			const char *p;
			seed = seed * 1103515245u + 12345u;
			p = pieces[(seed >> 16) % (sizeof(pieces) / sizeof(pieces[0]))];
			if (len + strlen(p) >= sizeof(buf) || (seed >> 8) % 97 == 0)
				break;
			memcpy(buf + len, p, strlen(p));
			len += strlen(p);
		}
		gr_decode_sniff(buf, len, &bom, &utf8, &got);
		reference_counts(buf, len, &want);
		ck_assert_msg(utf8, "document %d: not read as UTF-8", doc);
		ck_assert_uint_eq(got.units, want.units);
		ck_assert_uint_eq(got.visible, want.visible);
		ck_assert_uint_eq(got.odd, want.odd);
		ck_assert_uint_eq(got.lines, want.lines);
		ck_assert_int_eq(got.cr, want.cr);
		ck_assert_int_eq(got.ff, want.ff);
	}
}
END_TEST

START_TEST(utf8_lines_offsets_and_bom)
{
	static const char doc[] = "\xEF\xBB\xBF一、总体情况\r\n第二行\n\n末行";
	struct gr_text t;

	decode_ok(doc, sizeof(doc) - 1, &t);
	ck_assert_uint_eq(t.nlines, 4);
	ck_assert_str_eq(line(&t, 0), "一、总体情况");
	ck_assert_str_eq(line(&t, 1), "第二行");
	ck_assert_str_eq(line(&t, 2), "");
	ck_assert_str_eq(line(&t, 3), "末行");
	ck_assert_uint_eq(t.lines[0].offset, 3);
	ck_assert_uint_eq(t.lines[1].offset, 3 + strlen("一、总体情况\r\n"));
	ck_assert_uint_eq(t.lines[3].number, 4);
	ck_assert_int_eq(t.gb18030, 0);
	gr_text_release(&t);
}
END_TEST

START_TEST(nfkc_invisibles_and_pinyin)
{
	static const char doc[] = "（一）\xE2\x80\x8B１２，３４\xE2\x80\xAE|区(qū)政府(zhèng)A(b)";
	struct gr_text t;

	decode_ok(doc, sizeof(doc) - 1, &t);
	/* Full-width forms become ASCII, zero-width and bidi marks go, pinyin
	 * after a Han character goes, other brackets stay. */
	ck_assert_str_eq(line(&t, 0), "(一)12,34|区政府A(b)");
	gr_text_release(&t);
}
END_TEST

START_TEST(traditional_becomes_simplified)
{
	static const char doc[] = "總體情況\n行政復議\n简体不变";
	struct gr_text t;

	decode_ok(doc, sizeof(doc) - 1, &t);
	ck_assert_str_eq(line(&t, 0), "总体情况");
	ck_assert_str_eq(line(&t, 1), "行政复议");
	ck_assert_str_eq(line(&t, 2), "简体不变");
	ck_assert_int_eq(t.traditional, 1);
	gr_text_release(&t);
}
END_TEST

/* The same text in another encoding decodes to the same lines. */
static void
check_converted(const char *codepage, int bom, int expect_gb)
{
	static const char doc[] = "二、主动公开政府信息情况\n行政许可\n68";
	UErrorCode status = U_ZERO_ERROR;
	char buf[512];
	int32_t n = ucnv_convert(codepage, "UTF-8", buf + (bom ? 2 : 0),
				 (int32_t)sizeof(buf) - 2, doc, -1, &status);
	struct gr_text t;

	ck_assert_msg(U_SUCCESS(status), "%s", u_errorName(status));
	if (bom) {
		int be = strcmp(codepage, "UTF-16BE") == 0;
		buf[0] = be ? '\xFE' : '\xFF';
		buf[1] = be ? '\xFF' : '\xFE';
		n += 2;
	}
	decode_ok(buf, (size_t)n, &t);
	ck_assert_uint_eq(t.nlines, 3);
	ck_assert_str_eq(line(&t, 0), "二、主动公开政府信息情况");
	ck_assert_str_eq(line(&t, 2), "68");
	ck_assert_int_eq(t.gb18030, expect_gb);
	/* 12 characters and a newline: 13 code units, 26 bytes after the BOM. */
	if (bom)
		ck_assert_uint_eq(t.lines[1].offset, 2 + 26);
	else if (expect_gb)
		ck_assert_uint_eq(t.lines[1].offset, 12 * 2 + 1);
	gr_text_release(&t);
}

START_TEST(other_encodings)
{
	check_converted("GB18030", 0, 1);
	check_converted("UTF-16LE", 1, 0);
	check_converted("UTF-16BE", 1, 0);
	/* Without a BOM (pdftotext -enc UTF-16 writes big-endian so). */
	check_converted("UTF-16BE", 0, 0);
	check_converted("UTF-16LE", 0, 0);
}
END_TEST

START_TEST(utf16_line_offsets)
{
	/* "ab\ncd" in UTF-16LE with BOM: line 2 starts at byte 2 + 3 * 2. */
	static const char doc[] = "\xFF\xFE" "a\0b\0\n\0c\0d\0";
	struct gr_text t;

	decode_ok(doc, sizeof(doc) - 1, &t);
	ck_assert_uint_eq(t.nlines, 2);
	ck_assert_str_eq(line(&t, 1), "cd");
	ck_assert_uint_eq(t.lines[1].offset, 8);
	gr_text_release(&t);
}
END_TEST

START_TEST(refused_inputs)
{
	static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	static const char controls[] = "\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f";
	struct gr_text t;

	ck_assert_int_eq(gr_text_decode("", 0, &t), GOVREPORT_ERR_INPUT_EMPTY);
	ck_assert_int_eq(gr_text_decode(" \n\t\r\n", 5, &t), GOVREPORT_ERR_INPUT_EMPTY);
	ck_assert_int_eq(gr_text_decode("\xEF\xBB\xBF", 3, &t), GOVREPORT_ERR_INPUT_EMPTY);
	ck_assert_int_eq(gr_text_decode(binary, sizeof(binary) - 1, &t),
			 GOVREPORT_ERR_INPUT_NOT_TEXT);
	ck_assert_int_eq(gr_text_decode(controls, sizeof(controls) - 1, &t),
			 GOVREPORT_ERR_INPUT_NOT_TEXT);
	/* The size is refused before a byte is read. */
	ck_assert_int_eq(gr_text_decode("x", GOVREPORT_MAX_INPUT_CEILING + 1, &t),
			 GOVREPORT_ERR_INPUT_TOO_LARGE);
}
END_TEST

START_TEST(truncated_utf8_stays_utf8)
{
	/* Cut inside the last character: still UTF-8, not GB18030. */
	static const char doc[] = "行政许可\n六十\xE5\x85";
	struct gr_text t;

	decode_ok(doc, sizeof(doc) - 1, &t);
	ck_assert_int_eq(t.gb18030, 0);
	ck_assert_str_eq(line(&t, 0), "行政许可");
	gr_text_release(&t);
}
END_TEST

/* A caller's charset (an HTML page's declaration), the raw lines, and the
 * form feeds that start pdftotext's pages. */
START_TEST(declared_charset_raw_and_pages)
{
	static const char gbk[] = "\xD0\xD0\xD5\xFE\n"; /* 行政 in GBK */
	static const char big5[] = "\xB3\x57\xB3\xB9\n"; /* 規章 in Big5 */
	struct gr_text t;

	ck_assert_int_eq(gr_text_decode_as(big5, sizeof(big5) - 1, "big5", 0, &t), GOVREPORT_OK);
	ck_assert_str_eq(gr_line_text(&t, &t.lines[0]), "规章");
	ck_assert(!t.gb18030);
	gr_text_release(&t);
	ck_assert_int_eq(gr_text_decode_as(gbk, sizeof(gbk) - 1, "gb2312", 0, &t), GOVREPORT_OK);
	ck_assert_str_eq(gr_line_text(&t, &t.lines[0]), "行政");
	ck_assert(t.gb18030);
	gr_text_release(&t);
	/* Unknown names are ignored; so is a declaration the bytes deny. */
	ck_assert_int_eq(gr_text_decode_as(gbk, sizeof(gbk) - 1, "no-such-charset", 0, &t),
			 GOVREPORT_OK);
	ck_assert_str_eq(gr_line_text(&t, &t.lines[0]), "行政");
	gr_text_release(&t);
	ck_assert_int_eq(gr_text_decode_as("行政\n", 7, "gbk", 0, &t), GOVREPORT_OK);
	ck_assert_str_eq(gr_line_text(&t, &t.lines[0]), "行政");
	ck_assert(!t.gb18030);
	gr_text_release(&t);
	/* Raw: no NFKC; form feeds mark their lines. */
	ck_assert_int_eq(gr_text_decode_as("（一）１\n\fpage 2\n", 21, NULL, GR_DECODE_RAW, &t),
			 GOVREPORT_OK);
	ck_assert_str_eq(gr_line_text(&t, &t.lines[0]), "（一）１");
	ck_assert_str_eq(gr_line_text(&t, &t.lines[1]), "\fpage 2");
	gr_text_release(&t);
	ck_assert_int_eq(gr_text_decode("a\n\fb\n", 5, &t), GOVREPORT_OK);
	ck_assert_str_eq(gr_line_text(&t, &t.lines[1]), "b");
	ck_assert(!t.lines[0].page_break);
	ck_assert(t.lines[1].page_break);
	gr_text_release(&t);
}
END_TEST

/* What the grid-table sniff asks of the decoded text: whether its first
 * line with more than spaces and tabs begins with '<'. */
static int
decoded_starts_with_markup(const struct gr_text *t)
{
	for (size_t i = 0; i < t->nlines; i++) {
		const char *s = gr_line_text(t, &t->lines[i]);
		size_t len = t->lines[i].len;
		gr_trim_spaces(&s, &len);
		if (len)
			return s[0] == '<';
	}
	return 0;
}

START_TEST(markup_told_from_bytes)
{
	static const char page[] = "<html><body><p>一、总体情况</p></body></html>";
	char utf16le[2 + 2 * sizeof(page)];
	size_t n = 2;
	UErrorCode status = U_ZERO_ERROR;
	struct gr_text t;

	utf16le[0] = '\xFF';
	utf16le[1] = '\xFE';
	n += (size_t)ucnv_convert("UTF-16LE", "UTF-8", utf16le + 2, (int32_t)sizeof(utf16le) - 2,
				  page, -1, &status);
	ck_assert(U_SUCCESS(status));

	ck_assert_int_eq(gr_text_starts_with_markup("<html>", 6), 1);
	ck_assert_int_eq(gr_text_starts_with_markup(" \t\r\n\n  <p>", 12), 1);
	ck_assert_int_eq(gr_text_starts_with_markup("\xEF\xBB\xBF\n<p>", 7), 1);
	ck_assert_int_eq(gr_text_starts_with_markup("text <b>", 8), 0);
	ck_assert_int_eq(gr_text_starts_with_markup("\f<p>", 4), 0);
	ck_assert_int_eq(gr_text_starts_with_markup("  ", 2), 0);
	ck_assert_int_eq(gr_text_starts_with_markup("", 0), 0);
	/* UTF-16, with a BOM or without: the bytes alone do not say. */
	ck_assert_int_eq(gr_text_starts_with_markup(utf16le, n), 0);
	ck_assert_int_eq(gr_text_starts_with_markup(utf16le + 2, n - 2), 0);
	/* ... though they decode to a page of markup. */
	decode_ok(utf16le + 2, n - 2, &t);
	ck_assert_str_eq(line(&t, 0), page);
	gr_text_release(&t);
}
END_TEST

static size_t markup_files, markup_told;

static int
check_markup_file(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	const char *base = path + ftw->base;
	struct gr_text t;
	size_t len;
	char *data;
	int told;

	(void)st;
	if (type != FTW_F || strncmp(base, "expected", 8) == 0 ||
	    (strncmp(base, "input.", 6) != 0 && !strstr(base, ".txt") &&
	     !strstr(base, ".html") && !strstr(base, ".md")))
		return 0;
	data = test_read_file(path, &len);
	told = gr_text_starts_with_markup(data, len);
	if (gr_text_decode(data, len, &t) == GOVREPORT_OK) {
		int decoded = decoded_starts_with_markup(&t);
		/* Told only where decoding says so too. */
		ck_assert_msg(!told || decoded, "%s: told markup, decodes to none", path);
		markup_files += (size_t)decoded;
		markup_told += (size_t)(told && decoded);
		gr_text_release(&t);
	}
	free(data);
	return 0;
}

/* Over every input of tests/data: what the bytes tell is what decoding
 * says, and every UTF-8 page there is told (all of them but UTF-16). */
START_TEST(markup_told_as_decoded_on_test_data)
{
	char *root = test_data_path("");

	ck_assert_int_eq(nftw(root, check_markup_file, 16, FTW_PHYS), 0);
	free(root);
	ck_assert_uint_ge(markup_told, 20);
	ck_assert_uint_ge(markup_told + 2, markup_files);
}
END_TEST

static Suite *
decode_suite(void)
{
	Suite *s = suite_create("decode");
	TCase *tc = tcase_create("decode");

	tcase_add_test(tc, utf8_lines_offsets_and_bom);
	tcase_add_test(tc, nfkc_invisibles_and_pinyin);
	tcase_add_test(tc, traditional_becomes_simplified);
	tcase_add_test(tc, other_encodings);
	tcase_add_test(tc, utf16_line_offsets);
	tcase_add_test(tc, utf8_scan_counts);
	tcase_add_test(tc, refused_inputs);
	tcase_add_test(tc, truncated_utf8_stays_utf8);
	tcase_add_test(tc, declared_charset_raw_and_pages);
	tcase_add_test(tc, markup_told_from_bytes);
	tcase_add_test(tc, markup_told_as_decoded_on_test_data);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(decode_suite());
}
