/*
 * govreport_parse() end to end on the seed reports: metadata, prose, and
 * exactly the diagnostics each seed's content justifies. The cell values
 * of every seed and corpus case are checked by test-corpus.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "govreport.h"
#include "input/html.h"
#include "input/readers.h"
#include "testutil.h"

static struct govreport *
parse_seed(const char *name)
{
	char rel[128];

	snprintf(rel, sizeof(rel), "seeds/%s.txt", name);
	return test_parse_data_file(rel);
}

/* How many diagnostics with this code (and row, when not NULL). */
static size_t
count_diags(const struct govreport *r, const char *code, const char *row)
{
	return test_count_diags(r, code, NULL, row, NULL);
}

static void
assert_prefix(const char *text, const char *prefix)
{
	ck_assert_ptr_nonnull(text);
	ck_assert_msg(strncmp(text, prefix, strlen(prefix)) == 0,
		      "\"%.40s\" does not start with \"%s\"", text, prefix);
}

/* pdftotext -bbox-layout of a PDF without a text layer (a scan): pages
 * and no word. Refused as needing OCR, never a report of empty tables. */
START_TEST(bbox_without_words_needs_ocr)
{
	static const char scan[] =
		"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
		"\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">"
		"<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<title></title>\n</head>\n"
		"<body>\n<doc>\n  <page width=\"595.303937\" height=\"841.889764\">\n  </page>\n"
		"  <page width=\"595.303937\" height=\"841.889764\">\n  </page>\n</doc>\n</body>\n</html>\n";
	struct govreport *r = NULL;

	ck_assert_int_eq(govreport_parse(scan, sizeof(scan) - 1, 0, &r),
			 GOVREPORT_ERR_INPUT_NO_TEXT);
	ck_assert_ptr_null(r);
}
END_TEST

/* A one-line web page's row with fewer numbers than cells: the text does
 * not say which cells were empty. The cells every placement the
 * equations keep agrees on are read; the others are null, with
 * CELL_AMBIGUOUS, never packed to the left. */
START_TEST(unstated_blanks_placed_by_equations)
{
	static const char row[] = "一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0";
	static const char fewer[] = "一、本年新收政府信息公开申请数量 5 3 2 1 11";
	char *path = test_data_path("input/web-oneline/001-simplified/input.txt");
	size_t len;
	char *data = test_read_file(path, &len);
	char *at = strstr(data, row);
	struct govreport *r = NULL;
	enum govreport_cell_state state;
	int64_t v;

	ck_assert_ptr_nonnull(at);
	/* Same length: the rest of the line stays where it was. */
	memcpy(at, fewer, sizeof(fewer) - 1);
	memset(at + sizeof(fewer) - 1, ' ', sizeof(row) - sizeof(fewer));
	ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
	/* 5 3 2 1 11 over 7 cells: 11 can only be the total (5+3+2+1); the
	 * four parts fit 15 ways. */
	ck_assert_int_eq(govreport_get(r, "applications.new_received.total", &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);
	ck_assert_int_eq(v, 11);
	govreport_get(r, "applications.new_received.natural_person", &v, &state);
	ck_assert_int_eq(state, GOVREPORT_CELL_INVALID);
	govreport_get(r, "applications.new_received.other_org", &v, &state);
	ck_assert_int_eq(state, GOVREPORT_CELL_INVALID);
	ck_assert_uint_eq(count_diags(r, "CELL_AMBIGUOUS", "new_received"), 1);
	/* A full row beside it reads as printed. */
	ck_assert_int_eq(govreport_get(r, "applications.carried_over.total", &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);
	govreport_free(r);
	free(data);
	free(path);
}
END_TEST

/* The XHTML of pdftotext -bbox-layout named by GOVREPORT_FORMAT_BBOX reads
 * as when it is detected; a text named so is refused, not read as a scan;
 * a .docx named so where the build has no docx reader is unsupported. */
START_TEST(bbox_named_format)
{
	char *path = test_data_path("input/pdftotext-bbox/004-simplified/input.html");
	size_t len;
	char *data = test_read_file(path, &len);
	struct govreport *detected = NULL, *named = NULL;
	char *a, *b;
	size_t alen, blen;

	ck_assert_int_eq(govreport_parse(data, len, 0, &detected), GOVREPORT_OK);
	ck_assert_int_eq(govreport_parse(data, len, GOVREPORT_FORMAT_BBOX, &named), GOVREPORT_OK);
	ck_assert_int_eq(govreport_to_json(detected, 0, &a, &alen), GOVREPORT_OK);
	ck_assert_int_eq(govreport_to_json(named, 0, &b, &blen), GOVREPORT_OK);
	ck_assert_str_eq(a, b);
	ck_assert_ptr_nonnull(strstr(a, "\"template\":\"2019\""));
	govreport_string_free(a);
	govreport_string_free(b);
	govreport_free(detected);
	govreport_free(named);
	free(data);
	free(path);
	ck_assert_int_eq(govreport_parse("一、总体情况\n", strlen("一、总体情况\n"),
					 GOVREPORT_FORMAT_BBOX, &named),
			 GOVREPORT_ERR_INPUT_NOT_TEXT);
	ck_assert_ptr_null(named);
}
END_TEST

/* A build without the .docx/.odt reader (no libzip) or without libxml2
 * refuses the files, detected or named, as unsupported. */
START_TEST(files_refused_without_reader)
{
	static const char docx[] = "PK\3\4 [Content_Types].xml word/document.xml";
	struct govreport *r = NULL;

	if (!gr_docfile_available()) {
		ck_assert_int_eq(govreport_parse(docx, sizeof(docx) - 1, 0, &r),
				 GOVREPORT_ERR_INPUT_UNSUPPORTED);
		ck_assert_int_eq(govreport_parse(docx, sizeof(docx) - 1, GOVREPORT_FORMAT_DOCX, &r),
				 GOVREPORT_ERR_INPUT_UNSUPPORTED);
		ck_assert_int_eq(govreport_parse(docx, sizeof(docx) - 1, GOVREPORT_FORMAT_ODT, &r),
				 GOVREPORT_ERR_INPUT_UNSUPPORTED);
	}
	if (!gr_html_available())
		ck_assert_int_eq(govreport_parse("<doc>", 5, GOVREPORT_FORMAT_BBOX, &r),
				 GOVREPORT_ERR_INPUT_UNSUPPORTED);
	ck_assert_ptr_null(r);
}
END_TEST

/* Digits fused across cells (a page's text with no separator): a run is
 * split only where one split fits its row's cells and equations; where
 * several do, the cells they disagree on are null, never guessed. */
START_TEST(fused_digits_split_or_ambiguous)
{
	char *path = test_data_path("input/web-oneline/fused-001-figures/input.txt");
	struct govreport *r = NULL;
	enum govreport_cell_state state;
	int64_t v;
	size_t len;
	char *data = test_read_file(path, &len);
	static const int64_t carried[] = { 2, 2, 1, 0, 0, 0, 5 };
	static const char *const columns[] = { "natural_person", "commercial", "research",
					       "social_welfare", "legal_services", "other_org",
					       "total" };

	ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
	/* 二、上年结转 "2210005": one split, 2 2 1 0 0 0 5. */
	for (size_t c = 0; c < 7; c++) {
		char cell[128];
		snprintf(cell, sizeof(cell), "applications.carried_over.%s", columns[c]);
		ck_assert_int_eq(govreport_get(r, cell, &v, &state), GOVREPORT_OK);
		ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);
		ck_assert_int_eq(v, carried[c]);
	}
	ck_assert_uint_eq(count_diags(r, "CELL_SPLIT", "carried_over"), 1);
	/* （一）予以公开 "133151062157": its row total allows 133 1 5 10 6 2
	 * 157 and 133 15 1 0 6 2 157; the column equations with the other
	 * rows (三 = the sum of its parts) keep the second only. */
	ck_assert_int_eq(govreport_get(r, "applications.granted.commercial", &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);
	ck_assert_int_eq(v, 15);
	ck_assert_int_eq(govreport_get(r, "applications.granted.social_welfare", &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(v, 0);
	ck_assert_uint_eq(count_diags(r, "CELL_SPLIT", "granted"), 1);
	ck_assert_uint_eq(count_diags(r, "CELL_AMBIGUOUS", "granted"), 0);
	/* 行政规范性文件 "17379" in table 二, which has no equations: six
	 * splits (1 7 379, 17 3 79, …). The cells they disagree on are null,
	 * never guessed. */
	govreport_get(r, "active_disclosure.normative_documents.issued", &v, &state);
	ck_assert_int_eq(state, GOVREPORT_CELL_INVALID);
	ck_assert_uint_eq(count_diags(r, "CELL_AMBIGUOUS", "normative_documents"), 1);
	govreport_free(r);
	free(data);
	free(path);
}
END_TEST

/* A '-' inside a fused run of table 二 starts a value: 行政许可
 * "175-3720" is 175 and then -3 720, -37 20, -372 0 or a dash and 3720
 * (only 本年增/减 may be negative); 行政事业性收费 "3-1" has two cells and
 * one split, 3 -1. */
START_TEST(fused_minus_starts_a_value)
{
	char *path = test_data_path("input/web-oneline/fused-004-figures/input.txt");
	struct govreport *r = NULL;
	enum govreport_cell_state state;
	int64_t v;
	size_t len;
	char *data = test_read_file(path, &len);

	ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
	ck_assert_int_eq(govreport_get(r, "active_disclosure.licensing.previous_items", &v,
				       &state), GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);
	ck_assert_int_eq(v, 175);
	govreport_get(r, "active_disclosure.licensing.change", &v, &state);
	ck_assert_int_eq(state, GOVREPORT_CELL_INVALID);
	govreport_get(r, "active_disclosure.licensing.decisions", &v, &state);
	ck_assert_int_eq(state, GOVREPORT_CELL_INVALID);
	ck_assert_uint_eq(count_diags(r, "CELL_AMBIGUOUS", "licensing"), 1);
	/* 行政强制 "5-15": 5 -1 5 or 5, a dash, 15. */
	govreport_get(r, "active_disclosure.enforcement.previous_items", &v, &state);
	ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);
	ck_assert_int_eq(v, 5);
	govreport_get(r, "active_disclosure.enforcement.change", &v, &state);
	ck_assert_int_eq(state, GOVREPORT_CELL_INVALID);
	ck_assert_uint_eq(count_diags(r, "CELL_AMBIGUOUS", "enforcement"), 1);
	govreport_get(r, "active_disclosure.fees.previous_items", &v, &state);
	ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);
	ck_assert_int_eq(v, 3);
	govreport_get(r, "active_disclosure.fees.change", &v, &state);
	ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);
	ck_assert_int_eq(v, -1);
	ck_assert_uint_eq(count_diags(r, "CELL_SPLIT", "fees"), 1);
	govreport_free(r);
	free(data);
	free(path);
}
END_TEST

/* The page's chrome, title and signature fused with the text around them
 * are cut apart where the one-line text has a space: the metadata read as
 * from web-oneline/001-simplified and 004-figures-utf16le. */
START_TEST(fused_metadata_as_spaced)
{
	static const char *const cases[] = { "fused-001-figures", "fused-004-figures",
					     "fused-002-traditional-gb18030" };
	static const char *const organs[] = { "锦屏县大同乡人民政府",
					      "鲤城区人民政府临江街道办事处", "绿园区民政局" };
	static const char *const titles[] = {
		NULL, "鲤城区人民政府临江街道办事处2020年政府信息公开工作年度报告",
		"绿园区民政局2020年政府信息公开工作年度报告"
	};
	static const char *const dates[] = { NULL, "2021-01-06", "2021-01-14" };
	static const int years[] = { 2024, 2020, 2020 };

	for (size_t i = 0; i < 3; i++) {
		char rel[128], *path, *data;
		struct govreport *r = NULL;
		size_t len;

		snprintf(rel, sizeof(rel), "input/web-oneline/%s/input.txt", cases[i]);
		path = test_data_path(rel);
		data = test_read_file(path, &len);
		ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
		ck_assert_str_eq(govreport_organ(r), organs[i]);
		ck_assert_int_eq(govreport_year(r), years[i]);
		if (titles[i])
			ck_assert_str_eq(govreport_title(r), titles[i]);
		else
			ck_assert_ptr_null(govreport_title(r));
		if (dates[i])
			ck_assert_str_eq(govreport_published(r), dates[i]);
		else
			ck_assert_ptr_null(govreport_published(r));
		govreport_free(r);
		free(data);
		free(path);
	}
}
END_TEST

START_TEST(seed_000_traditional_pipe_cells)
{
	struct govreport *r = parse_seed("000_60b25c9977688c27");
	int64_t v;
	enum govreport_cell_state state;

	ck_assert_int_eq(govreport_template(r), GOVREPORT_TEMPLATE_2021);
	ck_assert_int_eq(govreport_year(r), 2023);
	ck_assert_str_eq(govreport_organ(r), "伊州区民政局");
	ck_assert_ptr_null(govreport_title(r));
	ck_assert_str_eq(govreport_published(r), "2024-01-16");
	/* Converted to simplified, pinyin residue removed. */
	assert_prefix(govreport_field(r, GOVREPORT_FIELD_OVERVIEW),
		      "2023年,伊州区民政局以习近平新时代中国特色社会主义思想为指导");
	assert_prefix(govreport_field(r, GOVREPORT_FIELD_PROBLEMS),
		      "一是政府信息公开形式、内容单一");
	ck_assert_str_eq(govreport_field(r, GOVREPORT_FIELD_OTHER_MATTERS), "无");

	/* 总计 is left empty in every row of table 三: blank, never 0. */
	ck_assert_int_eq(govreport_get(r, "applications.new_received.total", &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_BLANK);
	ck_assert_uint_eq(count_diags(r, "CELL_BLANK", NULL), 25);
	/* "0 0 0" under one header: the first number, and a warning. */
	ck_assert_uint_eq(count_diags(r, "CELL_EXTRA", "penalty"), 1);
	ck_assert_uint_eq(count_diags(r, "CELL_EXTRA", "enforcement"), 1);
	/* 其結(jié)果他, twice in the header of table 四. */
	ck_assert_uint_eq(count_diags(r, "LABEL_FUZZY", NULL), 2);
	/* Part 三 has its table but no heading. */
	ck_assert_uint_eq(count_diags(r, "HEADING_MISSING", NULL), 1);
	ck_assert_uint_eq(govreport_diag_count(r), 25 + 2 + 2 + 1);
	govreport_free(r);
}
END_TEST

START_TEST(seed_001_preamble_organ)
{
	struct govreport *r = parse_seed("001_ebc51afa85553e39");
	int64_t v;
	enum govreport_cell_state state;

	ck_assert_int_eq(govreport_template(r), GOVREPORT_TEMPLATE_2021);
	ck_assert_int_eq(govreport_year(r), 2024);
	ck_assert_str_eq(govreport_organ(r), "锦屏县大同乡人民政府");
	ck_assert_ptr_null(govreport_title(r));
	ck_assert_ptr_null(govreport_published(r));
	assert_prefix(govreport_field(r, GOVREPORT_FIELD_OVERVIEW), "大同乡人民政府在政务公开工作中");
	ck_assert_str_eq(govreport_field(r, GOVREPORT_FIELD_OTHER_MATTERS), "无。");
	ck_assert_int_eq(govreport_get(r, "active_disclosure.licensing.decisions", &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(v, 17);
	ck_assert_int_eq(govreport_get(r, "active_disclosure.rules.repealed", &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_BLANK);
	ck_assert_uint_eq(count_diags(r, "CELL_BLANK", "rules"), 2);
	ck_assert_uint_eq(count_diags(r, "CELL_BLANK", "normative_documents"), 2);
	ck_assert_uint_eq(govreport_diag_count(r), 4);
	govreport_free(r);
}
END_TEST

START_TEST(seed_002_tab_cells_2019)
{
	struct govreport *r = parse_seed("002_c3fcc36b9cf6fff1");
	int64_t v;

	ck_assert_int_eq(govreport_template(r), GOVREPORT_TEMPLATE_2019);
	ck_assert_int_eq(govreport_year(r), 2020);
	ck_assert_str_eq(govreport_title(r), "绿园区民政局2020年政府信息公开工作年度报告");
	ck_assert_str_eq(govreport_organ(r), "绿园区民政局");
	ck_assert_str_eq(govreport_published(r), "2021-01-14");
	/* The signature and date are not part of 六. */
	ck_assert_str_eq(govreport_field(r, GOVREPORT_FIELD_OTHER_MATTERS), "无其他需要报告的事项");
	/* The prose as printed: the seed's own full-width punctuation (SPEC
	 * §3); seed 000 prints its commas as ASCII, and keeps them. */
	assert_prefix(govreport_field(r, GOVREPORT_FIELD_OVERVIEW), "今年以来，我局高度重视");
	ck_assert_int_eq(govreport_get(r, "active_disclosure.penalty.previous_items", &v, NULL),
			 GOVREPORT_OK);
	ck_assert_int_eq(v, 17);
	ck_assert_uint_eq(govreport_diag_count(r), 0);
	govreport_free(r);
}
END_TEST

START_TEST(seed_003_markdown_split_table)
{
	struct govreport *r = parse_seed("003_64f6c83b9150245c");
	int64_t v;
	enum govreport_cell_state state;

	ck_assert_int_eq(govreport_template(r), GOVREPORT_TEMPLATE_2021);
	ck_assert_str_eq(govreport_organ(r), "卫辉市信访局");
	ck_assert_ptr_null(govreport_published(r));
	ck_assert_str_eq(govreport_field(r, GOVREPORT_FIELD_OTHER_MATTERS),
			 "2021年度未收取信息处理费。");
	/* The row that lost a cell: its 总计 is null, the others are read. */
	ck_assert_int_eq(govreport_get(r, "applications.unavailable_not_held.total", &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_ne(state, GOVREPORT_CELL_PRESENT);
	ck_assert_int_eq(govreport_get(r, "applications.unavailable_not_held.other_org", &v,
				       &state), GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);
	ck_assert_uint_eq(count_diags(r, "CELL_BLANK", "unavailable_not_held"), 1);
	/* 本年度止件数 for 本年废止件数. */
	ck_assert_uint_eq(count_diags(r, "LABEL_FUZZY", NULL), 1);
	ck_assert_uint_eq(govreport_diag_count(r), 2);
	govreport_free(r);
}
END_TEST

START_TEST(seed_004_web_page)
{
	struct govreport *r = parse_seed("004_76d98d904843aa38");
	int64_t coef;
	unsigned scale;

	ck_assert_int_eq(govreport_template(r), GOVREPORT_TEMPLATE_2019);
	ck_assert_str_eq(govreport_organ(r), "鲤城区人民政府临江街道办事处");
	/* The closing date, not the page's 2021-01-06 00:00:00 stamp. */
	ck_assert_str_eq(govreport_published(r), "2021-01-06");
	ck_assert_str_eq(govreport_field(r, GOVREPORT_FIELD_OTHER_MATTERS), "无。");
	ck_assert_int_eq(govreport_get_decimal(r, "active_disclosure.procurement.amount",
					       &coef, &scale, NULL), GOVREPORT_OK);
	ck_assert_int_eq(coef, 1827190);
	ck_assert_uint_eq(scale, 0);
	ck_assert_uint_eq(govreport_diag_count(r), 0);
	govreport_free(r);
}
END_TEST

START_TEST(gb18030_copy_reads_the_same)
{
	char *path = test_data_path("seeds/002_c3fcc36b9cf6fff1.txt");
	size_t len;
	char *utf8 = test_read_file(path, &len);
	UErrorCode status = U_ZERO_ERROR;
	char *gb = malloc(len * 2);
	int32_t n = ucnv_convert("GB18030", "UTF-8", gb, (int32_t)len * 2, utf8,
				 (int32_t)len, &status);
	struct govreport *r;
	int64_t v;

	ck_assert(U_SUCCESS(status));
	ck_assert_int_eq(govreport_parse(gb, (size_t)n, 0, &r), GOVREPORT_OK);
	ck_assert_str_eq(govreport_organ(r), "绿园区民政局");
	/* Decoded from GB18030, the prose keeps its full-width punctuation. */
	assert_prefix(govreport_field(r, GOVREPORT_FIELD_OVERVIEW), "今年以来，我局高度重视");
	ck_assert_int_eq(govreport_get(r, "active_disclosure.licensing.previous_items", &v, NULL),
			 GOVREPORT_OK);
	ck_assert_int_eq(v, 30);
	ck_assert_uint_eq(govreport_diag_count(r), 1);
	ck_assert_str_eq(govreport_diag_code(r, 0), "ENCODING_GB18030");
	ck_assert_int_eq(govreport_diag_severity(r, 0), GOVREPORT_SEVERITY_INFO);
	govreport_free(r);
	free(gb);
	free(utf8);
	free(path);
}
END_TEST

/* Title, organ and prose as printed (SPEC §3) whatever the encoding: the
 * same report in UTF-16 (decoded unit by unit, not as UTF-8 is), with a
 * signature whose organ has full-width brackets and converter pinyin
 * residue in full-width brackets, which normalisation still removes. */
START_TEST(printed_punctuation_utf16)
{
	static const char doc[] =
		"\xEF\xBB\xBF某县民政局政府信息公开工作年度报告（2023年度）\n"
		"一、总体情况\n"
		"2023年，我局（含县老齡辦（bàn））认真贯彻《条例》；成效……\n"
		"六、其他需要报告的事项\n"
		"无。\n"
		"某县民政局（县老龄办）\n"
		"2024年1月15日\n";
	UErrorCode status = U_ZERO_ERROR;
	UChar units[512];
	char utf16[1026];
	int32_t n = 0;
	struct govreport *r;

	u_strFromUTF8(units, 512, &n, doc + 3, (int32_t)sizeof(doc) - 4, &status);
	ck_assert(U_SUCCESS(status));
	/* UTF-16LE with its BOM. */
	utf16[0] = '\xFF';
	utf16[1] = '\xFE';
	for (int32_t i = 0; i < n; i++) {
		utf16[2 + 2 * i] = (char)(units[i] & 0xFF);
		utf16[3 + 2 * i] = (char)(units[i] >> 8);
	}
	for (int pass = 0; pass < 2; pass++) {
		const char *data = pass ? utf16 : doc;
		size_t len = pass ? 2 + 2 * (size_t)n : sizeof(doc) - 1;
		ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
		ck_assert_str_eq(govreport_title(r), "某县民政局政府信息公开工作年度报告（2023年度）");
		ck_assert_str_eq(govreport_organ(r), "某县民政局");
		ck_assert_int_eq(govreport_year(r), 2023);
		ck_assert_str_eq(govreport_field(r, GOVREPORT_FIELD_OVERVIEW),
				 "2023年，我局（含县老龄办）认真贯彻《条例》；成效……");
		govreport_free(r);
	}
}
END_TEST

/* An organ named only by the signature keeps its brackets as printed. */
START_TEST(printed_signature_organ)
{
	static const char doc[] = "一、总体情况\n我局认真贯彻《条例》。\n"
				  "六、其他需要报告的事项\n无。\n"
				  "某县民政局（县老龄工作委员会办公室）\n2024年1月15日\n";
	struct govreport *r;

	ck_assert_int_eq(govreport_parse(doc, sizeof(doc) - 1, 0, &r), GOVREPORT_OK);
	ck_assert_str_eq(govreport_organ(r), "某县民政局（县老龄工作委员会办公室）");
	ck_assert_str_eq(govreport_published(r), "2024-01-15");
	govreport_free(r);
}
END_TEST

START_TEST(misuse_and_refusals)
{
	struct govreport *r = (struct govreport *)1;

	ck_assert_int_eq(govreport_parse("x", 1, 0, NULL), GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_parse(NULL, 3, 0, &r), GOVREPORT_ERR_ARGUMENT);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(govreport_parse("x", 1, 1u << 30, &r), GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_parse(NULL, 0, 0, &r), GOVREPORT_ERR_INPUT_EMPTY);
	ck_assert_int_eq(govreport_parse("\0\0\0\0", 4, 0, &r), GOVREPORT_ERR_INPUT_NOT_TEXT);
	ck_assert_ptr_null(r);
}
END_TEST

START_TEST(input_limits)
{
	static const char doc[] = "一、总体情况\n无。\n";
	struct govreport *r;

	/* The default refuses without reading (the buffer is 1 byte). */
	ck_assert_int_eq(govreport_parse("x", GOVREPORT_MAX_INPUT + 1, 0, &r),
			 GOVREPORT_ERR_INPUT_TOO_LARGE);
	ck_assert_int_eq(govreport_parse_limited(doc, sizeof(doc) - 1, 0, 8, &r),
			 GOVREPORT_ERR_INPUT_TOO_LARGE);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(govreport_parse_limited(doc, sizeof(doc) - 1, 0,
						 GOVREPORT_MAX_INPUT_CEILING + 1, &r),
			 GOVREPORT_ERR_RANGE);
	ck_assert_int_eq(govreport_parse_limited(doc, sizeof(doc) - 1, 0, sizeof(doc) - 1, &r),
			 GOVREPORT_OK);
	ck_assert_str_eq(govreport_field(r, GOVREPORT_FIELD_OVERVIEW), "无。");
	govreport_free(r);
	/* A larger limit than the default is allowed (up to the ceiling). */
	ck_assert_int_eq(govreport_parse_limited("x", GOVREPORT_MAX_INPUT + 1, 0,
						 GOVREPORT_MAX_INPUT, &r),
			 GOVREPORT_ERR_INPUT_TOO_LARGE);
}
END_TEST

START_TEST(text_without_tables)
{
	static const char doc[] = "某局2022年政府信息公开工作年度报告\n一、总体情况\n无。\n";
	struct govreport *r;

	ck_assert_int_eq(govreport_parse(doc, sizeof(doc) - 1, 0, &r), GOVREPORT_OK);
	ck_assert_int_eq(govreport_template(r), GOVREPORT_TEMPLATE_UNKNOWN);
	ck_assert_int_eq(govreport_year(r), 2022);
	ck_assert_int_eq(govreport_has_section(r, GOVREPORT_SECTION_APPLICATIONS), 0);
	ck_assert_uint_eq(count_diags(r, "TEMPLATE_UNKNOWN", NULL), 1);
	/* Parts 二 to 六 are missing. */
	ck_assert_uint_eq(count_diags(r, "SECTION_MISSING", NULL), 5);
	ck_assert_str_eq(govreport_field(r, GOVREPORT_FIELD_OVERVIEW), "无。");
	govreport_free(r);
}
END_TEST

static Suite *
parse_suite(void)
{
	Suite *s = suite_create("parse");
	TCase *seeds = tcase_create("seeds");
	TCase *edges = tcase_create("edges");

	tcase_add_test(seeds, seed_000_traditional_pipe_cells);
	tcase_add_test(seeds, seed_001_preamble_organ);
	tcase_add_test(seeds, seed_002_tab_cells_2019);
	tcase_add_test(seeds, seed_003_markdown_split_table);
	tcase_add_test(seeds, seed_004_web_page);
	tcase_add_test(seeds, gb18030_copy_reads_the_same);
	tcase_add_test(seeds, printed_punctuation_utf16);
	tcase_add_test(seeds, printed_signature_organ);
	suite_add_tcase(s, seeds);
	tcase_add_test(edges, misuse_and_refusals);
	tcase_add_test(edges, input_limits);
	tcase_add_test(edges, text_without_tables);
	tcase_add_test(edges, fused_digits_split_or_ambiguous);
	tcase_add_test(edges, fused_minus_starts_a_value);
	tcase_add_test(edges, fused_metadata_as_spaced);
	tcase_add_test(edges, unstated_blanks_placed_by_equations);
	if (!gr_docfile_available() || !gr_html_available())
		tcase_add_test(edges, files_refused_without_reader);
	if (gr_html_available()) { /* the XHTML reader needs libxml2 */
		tcase_add_test(edges, bbox_without_words_needs_ocr);
		tcase_add_test(edges, bbox_named_format);
	} else {
		test_skip("bbox_without_words_needs_ocr, bbox_named_format",
			  "this build reads no HTML (-Dhtml=disabled); "
			  "files_refused_without_reader checks the refusal");
	}
	suite_add_tcase(s, edges);
	return s;
}

int
main(void)
{
	return test_run_suite(parse_suite());
}
