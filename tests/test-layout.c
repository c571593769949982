/*
 * The pdftotext -layout front end (lib/input/pdflayout.c): page furniture dropped,
 * wrapped labels joined in their column, paragraphs joined, numbers glued
 * to labels split off, empty cells kept in their columns, and telling
 * layout text apart from the other text layouts.
 */
#include <stdio.h>
#include <string.h>

#include "input/pdflayout.h"
#include "testutil.h"

struct stream {
	struct gr_text text;
	struct gr_items items;
};

static void
expect(const char *doc, const char *texts)
{
	struct stream s;
	char got[4096] = "";

	ck_assert_int_eq(gr_text_decode(doc, strlen(doc), &s.text), GOVREPORT_OK);
	ck_assert_int_eq(gr_layout_build(&s.text, &s.items), 0);
	for (size_t i = 0; i < s.items.count; i++) {
		const struct gr_item *it = &s.items.items[i];
		if (i)
			strcat(got, "/");
		strncat(got, it->text, it->len);
	}
	ck_assert_str_eq(got, texts);
	gr_items_release(&s.items);
	gr_text_release(&s.text);
}

START_TEST(wrapped_labels)
{
	/* Values centred on a label of three lines; the parent label's
	 * pieces in their own column; a label filling its cell. */
	expect("      （三）  1.属于国家秘密          3      4\n"
	       "      不予公  2.其他法律行政法规\n"
	       "      开                              5      6\n"
	       "           禁止公开\n"
	       "           3.危及“三安全一稳定”    7      8\n",
	       "(三)不予公/1.属于国家秘密/3/4/2.其他法律行政法规禁止公开/开/5/6/"
	       "3.危及“三安全一稳定”/7/8");
	/* A vertical group label beside row labels: its lines, left of the
	 * row labels' column, neither join them nor break them. */
	expect("         1.本机关不\n"
	       "         掌握相关政 0     0\n"
	       "         府信息\n"
	       "    （四\n"
	       "       2.没有现成\n"
	       "    ）无\n"
	       "       信息需要另 0       0\n"
	       "    法提\n"
	       "       行制作\n"
	       "    供\n"
	       "       3.补正后申\n"
	       "       请内容仍不 0       0\n",
	       "1.本机关不掌握相关政府信息/0/0/(四/2.没有现成信息需要另行制作/)无/0/0/"
	       "法提/供/3.补正后申请内容仍不/0/0");
	/* Rows of unnumbered labels on consecutive lines stay apart. */
	expect(" 信息内容     本年制发件数   本年废止件数\n"
	       "规章                0              1\n"
	       "行政规范性文件      2              3\n",
	       "信息内容/本年制发件数/本年废止件数/规章/0/1/行政规范性文件/2/3");
}
END_TEST

START_TEST(glued_number)
{
	expect("          3.危及“三安全一稳定”0        1   2\n",
	       "3.危及“三安全一稳定”/0/1/2");
}
END_TEST

START_TEST(empty_cells_keep_columns)
{
	expect("一、本年新收政府信息公开申请数量    5    6    7    8\n"
	       "二、上年结转政府信息公开申请数量    1         3    4\n"
	       "（一）予以公开                       9    9\n",
	       "一、本年新收政府信息公开申请数量/5/6/7/8/二、上年结转政府信息公开申请数量/1//3/4/"
	       "(一)予以公开///9/9");
	/* A label before the numbers pushes the first one off the nearest
	 * full row's column; the next full row places them. */
	expect("本机关认真贯彻落实《中华人民共和国政府信息公开条例》的各项规定,全面推进政务公开\n"
	       "工作。\n"
	       "二、上年结转政府信息公\n"
	       "                 1     2    3    4   5   6   7\n"
	       "开申请数量\n"
	       "三、本 （一）予以公开 1          2         3   4   5   6\n"
	       "年度办 （二）部分公开\n"
	       "理结果 （区分处理的，只\n"
	       "             1         2    3    4   5   6   7\n",
	       "本机关认真贯彻落实《中华人民共和国政府信息公开条例》的各项规定,全面推进政务公开工作。/"
	       "二、上年结转政府信息公开申请数量/1/2/3/4/5/6/7/三、本年度办理结果/(一)予以公开/"
	       "1/2//3/4/5/6/(二)部分公开(区分处理的,只/1/2/3/4/5/6/7");
}
END_TEST

/* A row that no fuller row shows the columns of (table 四 has one): the
 * empty cells between its numbers come from the header words above it,
 * stacked words one column, captions over a group none. */
START_TEST(empty_cells_from_header)
{
	expect("       行政复议                    行政诉讼\n"
	       "                 未经复议直接起诉          复议后起诉\n"
	       "结果 结果 其他 尚未\n"
	       "            总计 结果 结果 其他 尚未    结果 结果 其他 尚未\n"
	       "维持 纠正 结果 审结                总计             总计\n"
	       "               维持 纠正 结果 审结    维持 纠正 结果 审结\n"
	       "0  0  0     0  0  /  0  0  0  0  0  0  0  0\n",
	       "行政复议/行政诉讼/未经复议直接起诉结果/复议后起诉结果/结果/结果/其他/尚未/"
	       "总计/结果/其他/尚未/结果/其他/尚未/维持/纠正/结果/审结/总计/总计/维持/纠正/"
	       "结果/审结/维持/纠正/结果/审结/"
	       /* 15 cells: the fourth empty, the seventh a slash. */
	       "0/0/0//0/0///0/0/0/0/0/0/0/0");
	/* Left of a row's numbers a header heads the labels: no empty cell
	 * is made there, nor where the numbers stand a column off. */
	expect("     信息内容       上一年项目数量          本年增/减        处理决定数量\n"
	       "行政许可        30             0              8\n",
	       "信息内容/上一年项目数量/本年增/减/处理决定数量/行政许可/30/0/8");
}
END_TEST

START_TEST(paragraphs)
{
	/* Full lines go on; pdftotext's "2024 年" loses its spaces; a short
	 * last line ends the paragraph; a heading is a line of its own. */
	expect("一、总体情况\n"
	       "2024 年,本机关认真贯彻落实《中华人民共和国政府信息公开条例》,全面推\n"
	       "进政务公开工作,全年主动公开信息 58 条。\n"
	       "\n"
	       "二、主动公开政府信息情况\n",
	       "一、总体情况/2024年,本机关认真贯彻落实《中华人民共和国政府信息公开条例》,全面推"
	       "进政务公开工作,全年主动公开信息58条。/二、主动公开政府信息情况");
}
END_TEST

START_TEST(page_furniture)
{
	/* Page numbers and a header repeated at the top of pages are dropped,
	 * and a paragraph goes on across the page break. */
	expect("一、总体情况\n"
	       "本机关认真贯彻落实《中华人民共和国政府信息公开条例》的各项规定,全面推进\n"
	       "\n"
	       "                           - 1 -\n"
	       "\f某某县人民政府门户网站\n"
	       "\n"
	       "政务公开工作。\n"
	       "                           - 2 -\n"
	       "\f某某县人民政府门户网站\n"
	       "五、存在的主要问题及改进情况\n"
	       "                       第 3 页 共 3 页\n\f",
	       "一、总体情况/本机关认真贯彻落实《中华人民共和国政府信息公开条例》的各项规定,"
	       "全面推进政务公开工作。/五、存在的主要问题及改进情况");
	/* A number alone inside a page is kept: it may be a cell. */
	expect("规章\n   12\n行政许可 5\n", "规章/12/行政许可/5");
}
END_TEST

START_TEST(detection)
{
	struct gr_text t;
	static const char layout[] =
		"三、收到和处理政府信息公开申请情况\n"
		"一、本年新收政府信息公开申请数量    5    6    7    8\n"
		"二、上年结转政府信息公开申请数量    1    2    3    4\n"
		"\f（一）予以公开                 9    9    9    9\n"
		"（二）部分公开                 1    1    1    1\n";
	static const char markdown[] = "| 规章 | 0 | 0 |\n|---|---|---|\n| 行政许可 |  5  |  |\n";
	static const char pipes[] = "规章 |\n0 |\n||\n";
	static const char prose[] = "一、总体情况\n本机关全年  未收到申请。\n";

	ck_assert_int_eq(gr_text_decode(layout, sizeof(layout) - 1, &t), GOVREPORT_OK);
	ck_assert(gr_layout_detect(&t));
	gr_text_release(&t);
	ck_assert_int_eq(gr_text_decode(markdown, sizeof(markdown) - 1, &t), GOVREPORT_OK);
	ck_assert(!gr_layout_detect(&t));
	gr_text_release(&t);
	ck_assert_int_eq(gr_text_decode(pipes, sizeof(pipes) - 1, &t), GOVREPORT_OK);
	ck_assert(!gr_layout_detect(&t));
	gr_text_release(&t);
	ck_assert_int_eq(gr_text_decode(prose, sizeof(prose) - 1, &t), GOVREPORT_OK);
	ck_assert(!gr_layout_detect(&t));
	gr_text_release(&t);
}
END_TEST

START_TEST(through_parse)
{
	static const char doc[] =
		"                 某县民政局\n"
		"          2023年政府信息公开工作年度报告\n"
		"三、收到和处理政府信息公开申请情况\n"
		"一、本年新收政府信息公开申请数量    5    6    7    8    1    2   29\n"
		"二、上年结转政府信息公开申请数量    1    2    3    4    5    6   21\n";
	struct govreport *r = NULL;
	int64_t v;
	enum govreport_cell_state state;

	ck_assert_int_eq(govreport_parse(doc, sizeof(doc) - 1, GOVREPORT_FORMAT_LAYOUT, &r),
			 GOVREPORT_OK);
	ck_assert_str_eq(govreport_title(r), "某县民政局2023年政府信息公开工作年度报告");
	ck_assert_int_eq(govreport_get(r, "applications.carried_over.total", &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(v, 21);
	govreport_free(r);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("layout");
	TCase *tc = tcase_create("layout");

	tcase_add_test(tc, wrapped_labels);
	tcase_add_test(tc, glued_number);
	tcase_add_test(tc, empty_cells_keep_columns);
	tcase_add_test(tc, empty_cells_from_header);
	tcase_add_test(tc, paragraphs);
	tcase_add_test(tc, page_furniture);
	tcase_add_test(tc, detection);
	tcase_add_test(tc, through_parse);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
