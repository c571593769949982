/* The cell stream (lib/input/linecells.c): every layout gives the same cells. */
#include <string.h>

#include "input/linecells.h"
#include "testutil.h"

struct stream {
	struct gr_text text;
	struct gr_items items;
};

static void
build(struct stream *s, const char *doc)
{
	ck_assert_int_eq(gr_text_decode(doc, strlen(doc), &s->text), GOVREPORT_OK);
	ck_assert_int_eq(gr_items_build(&s->text, &s->items), 0);
}

static void
release(struct stream *s)
{
	gr_items_release(&s->items);
	gr_text_release(&s->text);
}

/* The items' texts joined with '/', kinds as L (line) or C (cell). */
static void
expect(const struct stream *s, const char *texts, const char *kinds)
{
	char got[1024] = "", got_kinds[128] = "";

	for (size_t i = 0; i < s->items.count; i++) {
		const struct gr_item *it = &s->items.items[i];
		if (i)
			strcat(got, "/");
		strncat(got, it->text, it->len);
		strcat(got_kinds, it->kind == GR_ITEM_CELL ? "C" : "L");
	}
	ck_assert_str_eq(got, texts);
	ck_assert_str_eq(got_kinds, kinds);
}

START_TEST(pipe_terminated_cells)
{
	struct stream s;

	build(&s, "行政许可 |\n68 |\n||\n规章 |\n0 | ||\n");
	expect(&s, "行政许可/68///规章/0//", "CCCCCCCC");
	ck_assert_uint_eq(s.items.items[1].line, 2);
	release(&s);
}
END_TEST

START_TEST(tab_cells_and_wrapped_headers)
{
	struct stream s;

	build(&s, "二、主动公开政府信息情况\n\t信息内容\n\t本年新\n制作数量\n\t\n\n\t规章\n\t0\n");
	expect(&s, "二、主动公开政府信息情况/信息内容/本年新制作数量//规章/0", "LCCCCC");
	ck_assert_uint_eq(s.items.items[2].line, 3);
	release(&s);
}
END_TEST

START_TEST(markdown_rows)
{
	struct stream s;

	build(&s, "| 规章 | 0 | | 3 |\n|----|---|---|---|\n| | 开 | 2.其他 | 0 |\n");
	expect(&s, "规章/0//3//开/2.其他/0", "CCCCCCCC");
	ck_assert_uint_eq(s.items.items[5].column, 5);
	release(&s);
}
END_TEST

START_TEST(paragraphs_and_docx_residue)
{
	struct stream s;

	build(&s, "一、总体情况\n\n  今年以来，我局…  \n\t[bookmark: _GoBack]2020年发布总数量：0\n");
	expect(&s, "一、总体情况/今年以来,我局.../2020年发布总数量:0", "LLC");
	release(&s);
}
END_TEST

START_TEST(markdown_headings)
{
	struct stream s;

	build(&s, "# 标题\n\n## 一、总体情况\n#不是标题\n####### 七个\n");
	expect(&s, "标题/一、总体情况/#不是标题/####### 七个", "LLLL");
	release(&s);
}
END_TEST

static Suite *
cells_suite(void)
{
	Suite *s = suite_create("cells");
	TCase *tc = tcase_create("layouts");

	tcase_add_test(tc, pipe_terminated_cells);
	tcase_add_test(tc, tab_cells_and_wrapped_headers);
	tcase_add_test(tc, markdown_rows);
	tcase_add_test(tc, paragraphs_and_docx_residue);
	tcase_add_test(tc, markdown_headings);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(cells_suite());
}
