/*
 * The HTML front end (lib/input/html.c and its pieces html_*.c): the same cell stream
 * as text input — spans expanded on the grid, cell text from nested markup,
 * entities, Word's residue, what is no text skipped — and telling HTML
 * apart, with the charset it declares. Built only with libxml2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>

#include "input/html.h"
#include "util/alloc.h"
#include "testutil.h"

struct stream {
	struct gr_text raw, text;
	struct gr_items items;
};

static void
build(struct stream *s, const char *doc, size_t len, const char *charset)
{
	ck_assert_int_eq(gr_text_decode_as(doc, len, charset, GR_DECODE_RAW, &s->raw),
			 GOVREPORT_OK);
	ck_assert_int_eq(gr_html_build(&s->raw, &s->text, &s->items), GOVREPORT_OK);
}

static void
release(struct stream *s)
{
	gr_items_release(&s->items);
	gr_text_release(&s->text);
	gr_text_release(&s->raw);
}

/* Items' texts joined with '/', kinds as L (line) or C (cell). */
static void
expect(const char *doc, const char *texts, const char *kinds)
{
	struct stream s;
	char got[2048] = "", got_kinds[256] = "";

	build(&s, doc, strlen(doc), NULL);
	for (size_t i = 0; i < s.items.count; i++) {
		const struct gr_item *it = &s.items.items[i];
		if (i)
			strcat(got, "/");
		strncat(got, it->text, it->len);
		strcat(got_kinds, it->kind == GR_ITEM_CELL ? "C" : "L");
	}
	ck_assert_str_eq(got, texts);
	if (kinds)
		ck_assert_str_eq(got_kinds, kinds);
	release(&s);
}

START_TEST(spans_on_the_grid)
{
	/* A label spanning rows leaves nothing below it; a value spanning
	 * columns leaves empty cells, so later values keep their columns. */
	expect("<table><tr><td rowspan=2>L</td><td colspan=2>5</td><td>6</td></tr>"
	       "<tr><td>1</td><td>2</td><td>3</td></tr></table>",
	       "L/5//6/1/2/3", "CCCCCCC");
	/* An empty cell spanning two rows is empty in both. */
	expect("<table><tr><td>甲</td><td rowspan=2></td><td>1</td></tr>"
	       "<tr><td>乙</td><td>2</td></tr></table>",
	       "甲//1/乙//2", "CCCCCC");
	/* A stub label over three columns and two rows. */
	expect("<table><tr><td colspan=3 rowspan=2>表头</td><td>自然人</td></tr>"
	       "<tr><td>总计</td></tr><tr><td>一、本年新收</td><td></td><td></td><td>7</td></tr></table>",
	       "表头/自然人/总计/一、本年新收///7", NULL);
	/* rowspan past the table's end, absurd spans, rowspan=0. */
	expect("<table><tr><td rowspan=9>A</td><td colspan=0>1</td></tr><tr><td rowspan=0>2</td></tr>"
	       "</table>", "A/1/2", NULL);
}
END_TEST

START_TEST(cell_text)
{
	expect("<table><tr><td><p><span>本年新</span><br>收</p><p>数量</p></td>"
	       "<td>0<br>0</td><td><p>&nbsp;</p></td><td>1\n2</td></tr></table>",
	       "本年新收数量/0 0//1 2", "CCCC");
	/* Line breaks in the source between Chinese characters vanish. */
	expect("<table><tr><td>本年\n    制发件数</td><td>商业 企业</td></tr></table>",
	       "本年制发件数/商业 企业", NULL);
}
END_TEST

START_TEST(prose_and_entities)
{
	expect("<h1>标题</h1>\n<p>a &amp; b&nbsp;&nbsp;c &#20013;&lt;x&gt;</p>"
	       "<div>一<br>二</div><ul><li>甲</li><li>乙</li></ul>",
	       "标题/a & b  c 中<x>/一/二/甲/乙", "LLLLLL");
	/* Full-width digits and punctuation are normalised like text. */
	expect("<p>（一）１２３</p>", "(一)123", "L");
}
END_TEST

START_TEST(what_is_no_text)
{
	expect("<html><head><title>T</title><style>p{}</style><script>var x='<p>no</p>';</script>"
	       "</head><body><!-- <table><tr><td>9</td></tr></table> -->"
	       "<p>yes</p><div style=\"DISPLAY: None\"><p>hidden</p></div>"
	       "<p hidden>also</p><span style='mso-hide:all'>word</span>"
	       "<select><option>o</option></select><noscript>n</noscript>"
	       "<p>end</p></body></html>", "yes/end", "LL");
}
END_TEST

START_TEST(word_residue)
{
	expect("<p class=MsoNormal><![if !supportLists]><span style='mso-list:Ignore'>一、"
	       "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span>"
	       "<![endif]>总体情况<o:p></o:p></p>"
	       "<!--[if gte mso 9]><xml><w:x>1</w:x></xml><![endif]-->"
	       "<table class=MsoNormalTable><tr><td><p class=MsoNormal>规章<o:p></o:p></p></td>"
	       "<td><p><span lang=EN-US>3<o:p></o:p></span></p></td></tr></table>",
	       "一、   总体情况/规章/3", "LCC");
}
END_TEST

START_TEST(layout_tables)
{
	/* A page laid out in a table, the report's table nested in it. */
	expect("<table><tr><td><p>一、总体情况</p><p>正文。</p>"
	       "<table><tr><td>规章</td><td>1</td></tr></table></td>"
	       "<td><p>侧栏</p></td></tr></table>",
	       "一、总体情况/正文。/规章/1/侧栏", "LLCCL");
	/* One column: layout too. */
	expect("<table><tr><td><p>甲</p><p>乙</p></td></tr><tr><td>丙</td></tr></table>",
	       "甲/乙/丙", "LLL");
}
END_TEST

START_TEST(source_lines)
{
	struct stream s;
	const char *doc = "<p>a</p>\n\n<table>\n<tr>\n<td>规章</td>\n<td>\n1</td></tr>\n</table>\n<p>\nb</p>";

	build(&s, doc, strlen(doc), NULL);
	ck_assert_uint_eq(s.items.count, 4);
	ck_assert_uint_eq(s.items.items[0].line, 1);
	ck_assert_uint_eq(s.items.items[1].line, 5);
	ck_assert_uint_eq(s.items.items[2].line, 7);
	ck_assert_uint_eq(s.items.items[3].line, 10);
	ck_assert_uint_eq(s.items.items[3].offset, (size_t)(strstr(doc, "b</p>") - doc));
	release(&s);
}
END_TEST

/*
 * What the page's bytes lose before libxml2 reads them (html_feed.c): the
 * attributes the walk does not read. The ones it reads stay wherever they
 * stand among the others, tags read as libxml2 reads them.
 */
START_TEST(attributes_left_out)
{
	/* colspan and style among class, data-* and lang, quoted or not,
	 * in any case; values holding '>', '<', quotes of the other kind. A
	 * value spanning two columns leaves an empty cell before the next. */
	expect("<table class=\"t\" data-x='a>b'><tr data-row=\"1\"><td>甲</td><td lang=zh "
	       "COLSPAN=2 data-y=\"<td colspan=9>\">5</td><td class=x>6</td></tr>"
	       "<tr><td data-q='\"'>乙</td><td>2</td><td>3</td><td>4</td></tr></table>"
	       "<p class=\"c\" STYLE=\"display: none\" data-z=\"x\">hidden</p><p id=p1>end</p>",
	       "甲/5//6/乙/2/3/4/end", "CCCCCCCCL");
	/* The text of script and style and of a comment is no markup,
	 * whatever it holds; nor is a doctype's quoted literal. */
	expect("<!DOCTYPE html PUBLIC \"a>b\" \"c\"><script>var s = '<td class=\"x\" "
	       "colspan=5>';</script><style>p[title=\"<b class=y>\"]{}</style>"
	       "<!-- <p class=a colspan=2> --><table><tr><td>甲</td><td class=a colspan=2>8</td>"
	       "<td>1</td></tr></table>", "甲/8//1", "CCCC");
	/* Read as a tag, the script's text would lose its end tag to a
	 * title attribute running from its quote to the next page's. */
	expect("<script>var s = '<a title=\"';</script><p>甲</p><p title=x\">乙</p>", "甲/乙", "LL");
	/* A tag this scan does not take apart (no blank after a value)
	 * goes as written, and the rest of the page with it. */
	expect("<table><tr><td>甲</td><td class=\"a\"colspan=\"2\">7</td><td>1</td></tr>"
	       "<tr><td class=b>乙</td><td colspan=2 class=b>2</td><td>3</td></tr></table>",
	       "甲/7//1/乙/2//3", "CCCCCCCC");
}
END_TEST

/* Style attributes that do not hide go before libxml2 reads them; what
 * the walk reads of the others is the same: the first of two, entities
 * decoded, characters past ASCII, its first 255 characters past blanks. */
START_TEST(styles_left_out)
{
	char doc[2048] = "<p style=\"color:red\" STYLE=\"display:none\">a</p>"
			 "<p style=\"display&#58;none\">b</p>"
			 "<p style='font-family:宋体; DISPLAY : None'>c</p><p style=\"";

	for (int i = 0; i < 70; i++)
		strcat(doc, "x:y;");
	strcat(doc, "display:none\">d</p><p style=color:red>e</p>");
	expect(doc, "a/d/e", "LLL");
}
END_TEST

/* Tags over several lines: the lines of what follows them are counted
 * with the newlines of the attributes left out. */
START_TEST(attributes_left_out_lines)
{
	struct stream s;
	const char *doc = "<table class=\"MsoTable\"\n style=\"border:none\"\n data-x=\"1\n2\">\n"
			  "<tr\n class=a><td\n class=\"b\"\n rowspan=\"2\">规章</td>\n"
			  "<td data-y=\"\n\n\">1</td></tr>\n<tr><td>2</td></tr></table>\n<p\nclass=c>\nb</p>";

	build(&s, doc, strlen(doc), NULL);
	ck_assert_uint_eq(s.items.count, 4);
	ck_assert_uint_eq(s.items.items[0].line, 8);
	ck_assert_uint_eq(s.items.items[0].rowspan, 2);
	ck_assert_uint_eq(s.items.items[1].line, 11);
	ck_assert_uint_eq(s.items.items[2].line, 12);
	ck_assert_uint_eq(s.items.items[2].col, 2);
	ck_assert_uint_eq(s.items.items[3].line, 15);
	ck_assert_uint_eq(s.items.items[3].offset, (size_t)(strstr(doc, "b</p>") - doc));
	release(&s);
}
END_TEST

/* A tag over more lines than are held for it goes as written, and the
 * rest of the page with it: its colspan counts, the lines too. */
START_TEST(attributes_left_out_long_tag)
{
	struct stream s;
	char doc[4096] = "<table><tr><td>甲</td><td";

	for (int i = 0; i < 200; i++)
		strcat(doc, "\n class=a");
	strcat(doc, " colspan=2>5</td><td class=b>6</td></tr></table>\n<p class=c>end</p>");
	build(&s, doc, strlen(doc), NULL);
	ck_assert_uint_eq(s.items.count, 5);
	ck_assert_uint_eq(s.items.items[1].line, 201);
	ck_assert_uint_eq(s.items.items[1].colspan, 2);
	ck_assert_uint_eq(s.items.items[2].len, 0); /* the slot it spans */
	ck_assert_uint_eq(s.items.items[3].col, 4);
	ck_assert_uint_eq(s.items.items[4].line, 202);
	release(&s);
}
END_TEST

/* Past line 65535 (libxml2 stores 16 bits unless asked for big lines). */
START_TEST(source_lines_past_65535)
{
	static const char head[] = "<p>a</p>",
			  tail[] = "<table><tr><td>规章</td><td>\n1</td></tr><tr><td>\n</td><td>2</td></tr>"
				   "</table><p>\nb</p>";
	size_t blank = 70000, len = sizeof(head) - 1 + blank + sizeof(tail) - 1;
	char *doc = malloc(len + 1);
	struct stream s;

	ck_assert_ptr_nonnull(doc);
	memcpy(doc, head, sizeof(head) - 1);
	memset(doc + sizeof(head) - 1, '\n', blank);
	memcpy(doc + sizeof(head) - 1 + blank, tail, sizeof(tail));
	build(&s, doc, len, NULL);
	ck_assert_uint_eq(s.items.count, 6);
	ck_assert_uint_eq(s.items.items[1].line, blank + 1);
	ck_assert_uint_eq(s.items.items[2].line, blank + 2);
	/* The empty cell: the line its <td> starts on (libxml2's tree gave
	 * past 65535 the line its content ended on). */
	ck_assert_uint_eq(s.items.items[3].len, 0);
	ck_assert_uint_eq(s.items.items[3].line, blank + 2);
	ck_assert_uint_eq(s.items.items[4].line, blank + 3);
	ck_assert_uint_eq(s.items.items[5].line, blank + 4);
	ck_assert_uint_eq(s.items.items[5].offset, (size_t)(strstr(doc, "b</p>") - doc));
	release(&s);
	free(doc);
}
END_TEST

/* Out of memory at any allocation of the reader is GOVREPORT_ERR_NOMEM,
 * never a page read in part: a paragraph's text lost while gathered made
 * this page "empty". */
START_TEST(out_of_memory)
{
	static const char doc[] = "<html><body><p>本机关认真贯彻落实</p>\n<p>二、主动公开</p></body></html>";
	struct stream s = { 0 };
	enum govreport_status st = GOVREPORT_ERR_NOMEM;
	long n;

	ck_assert_int_eq(gr_text_decode_as(doc, sizeof(doc) - 1, NULL, GR_DECODE_RAW, &s.raw),
			 GOVREPORT_OK);
	for (n = 0; n < 1000 && st != GOVREPORT_OK; n++) {
		gr_alloc_fail_after(n);
		st = gr_html_build(&s.raw, &s.text, &s.items);
		gr_alloc_fail_after(-1);
		ck_assert_msg(st == GOVREPORT_OK || st == GOVREPORT_ERR_NOMEM, "allocation %ld: status %d",
			      n, st);
	}
	ck_assert_int_eq(st, GOVREPORT_OK);
	ck_assert_uint_eq(s.items.count, 2);
	ck_assert_uint_eq(s.items.items[1].line, 2);
	release(&s);
}
END_TEST

/* Issue 15 item 3: 100,000 nested elements (libxml2 stops at 256 unless
 * told the document may be huge): the text inside, before and after is
 * read, not "input is empty". Generated here, one shape per loop index. */
START_TEST(deep_nesting)
{
	static const char *const open_[] = { "<div>", "<table><tr><td>", "<span>" };
	static const char *const close_[] = { "</div>", "</td></tr></table>", "</span>" };
	static const char head[] = "<html><body><p>前文</p>",
			  mid[] = "<p>一、总体情况</p>深处的正文",
			  tail[] = "<p>后文</p></body></html>";
	size_t depth = 100000, no = strlen(open_[_i]), nc = strlen(close_[_i]);
	size_t len = strlen(head) + depth * (no + nc) + strlen(mid) + strlen(tail), at = 0;
	char *doc = malloc(len + 1), *got;
	struct stream s;
	size_t glen = 0;

	ck_assert_ptr_nonnull(doc);
	memcpy(doc + at, head, strlen(head)), at += strlen(head);
	for (size_t i = 0; i < depth; i++)
		memcpy(doc + at, open_[_i], no), at += no;
	memcpy(doc + at, mid, strlen(mid)), at += strlen(mid);
	for (size_t i = 0; i < depth; i++)
		memcpy(doc + at, close_[_i], nc), at += nc;
	memcpy(doc + at, tail, strlen(tail) + 1);
	build(&s, doc, len, NULL);
	for (size_t i = 0; i < s.items.count; i++)
		glen += s.items.items[i].len + 1;
	got = calloc(glen + 1, 1);
	ck_assert_ptr_nonnull(got);
	for (size_t i = 0; i < s.items.count; i++) {
		strncat(got, s.items.items[i].text, s.items.items[i].len);
		strcat(got, "/");
	}
	ck_assert_msg(strstr(got, "前文") == got, "%s", got);
	ck_assert_msg(strstr(got, "一、总体情况") && strstr(got, "深处的正文"), "%s", got);
	ck_assert_msg(strstr(got, "后文/"), "%s", got);
	release(&s);
	free(got);
	free(doc);
}
END_TEST

START_TEST(detection)
{
	static const char utf16[] = "\xFF\xFE<\0h\0t\0m\0l\0>\0";

	ck_assert(gr_html_detect("<p>x</p>", 8));
	ck_assert(gr_html_detect("\n  <!DOCTYPE html><html>", 24));
	ck_assert(gr_html_detect("\xEF\xBB\xBF<table><tr>", 14));
	ck_assert(gr_html_detect(utf16, sizeof(utf16) - 1));
	ck_assert(gr_html_detect("标题\n<TABLE border=1><TR><TD>1", 33));
	ck_assert(gr_html_detect("text first\n<body>x</body>", 25));
	ck_assert(!gr_html_detect("规章 |\n0 |\n", 14));
	ck_assert(!gr_html_detect("| a | b |\n|---|---|\n", 20));
	ck_assert(!gr_html_detect("a mention of <table> alone", 26));
	ck_assert(!gr_html_detect("x < y and <tablespoon", 21));
	ck_assert(!gr_html_detect("", 0));
}
END_TEST

START_TEST(declared_charsets)
{
	char buf[64];
	static const char meta[] = "<html><head><meta charset=\"GBK\"></head>";
	static const char equiv[] = "<meta http-equiv=Content-Type content='text/html; charset=gb2312'>";
	static const char xml[] = "<?xml version=\"1.0\" encoding='Big5'?><html>";

	ck_assert_str_eq(gr_html_charset(meta, sizeof(meta) - 1, buf, sizeof(buf)), "gbk");
	ck_assert_str_eq(gr_html_charset(equiv, sizeof(equiv) - 1, buf, sizeof(buf)), "gb2312");
	ck_assert_str_eq(gr_html_charset(xml, sizeof(xml) - 1, buf, sizeof(buf)), "big5");
	ck_assert_ptr_null(gr_html_charset("<p>none</p>", 11, buf, sizeof(buf)));
	ck_assert_ptr_null(gr_html_charset("\xEF\xBB\xBF<meta charset=gbk>", 23, buf, sizeof(buf)));
}
END_TEST

/* Text in `charset` bytes through ICU, for the decoding tests. */
static char *
encode(const char *utf8, const char *charset, size_t *len)
{
	UErrorCode status = U_ZERO_ERROR;
	char *out = malloc(strlen(utf8) * 4 + 16);
	int32_t n;

	ck_assert_ptr_nonnull(out);
	n = ucnv_convert(charset, "UTF-8", out, (int32_t)strlen(utf8) * 4 + 16, utf8,
			 (int32_t)strlen(utf8), &status);
	ck_assert_msg(U_SUCCESS(status), "%s", u_errorName(status));
	*len = (size_t)n;
	return out;
}

START_TEST(declared_charset_honoured)
{
	struct stream s;
	size_t len;
	char *big5, *gbk;

	/* Big5 is read as Big5 (GB18030 would garble it), then simplified. */
	big5 = encode("<meta charset=big5><p>規章</p>", "Big5", &len);
	build(&s, big5, len, "big5");
	ck_assert_uint_eq(s.items.count, 1);
	ck_assert_int_eq(strncmp(s.items.items[0].text, "规章", s.items.items[0].len), 0);
	release(&s);
	free(big5);
	/* GBK declared: read as GB18030, its superset. */
	gbk = encode("<meta charset=gbk><p>行政许可</p>", "GBK", &len);
	build(&s, gbk, len, "gbk");
	ck_assert_int_eq(strncmp(s.items.items[0].text, "行政许可", s.items.items[0].len), 0);
	ck_assert(s.text.gb18030);
	release(&s);
	free(gbk);
	/* UTF-8 bytes under a stale GBK declaration stay UTF-8. */
	build(&s, "<meta charset=gbk><p>行政许可</p>", strlen("<meta charset=gbk><p>行政许可</p>"),
	      "gbk");
	ck_assert_int_eq(strncmp(s.items.items[0].text, "行政许可", s.items.items[0].len), 0);
	ck_assert(!s.text.gb18030);
	release(&s);
}
END_TEST

START_TEST(through_parse)
{
	static const char page[] =
		"<html><body><h1>某县民政局2023年政府信息公开工作年度报告</h1>"
		"<p>一、总体情况</p><p>正文。</p><p>三、收到和处理政府信息公开申请情况</p>"
		"<table><tr><td>一、本年新收政府信息公开申请数量</td><td>4</td><td>1</td></tr></table>"
		"</body></html>";
	struct govreport *r = NULL;
	int64_t v;
	enum govreport_cell_state state;

	static const char prose[] =
		"<h1>某县民政局政府信息公开工作年度报告（2023年度）</h1>"
		"<p>一、总体情况</p><p>2023年，我局&nbsp;（含下属单位）<span>认真贯彻</span>《条例》；"
		"成效：显现……</p>\n<p>（一）主动公开。</p>";

	ck_assert_int_eq(govreport_parse(page, sizeof(page) - 1, 0, &r), GOVREPORT_OK);
	ck_assert_str_eq(govreport_title(r), "某县民政局2023年政府信息公开工作年度报告");
	ck_assert_str_eq(govreport_organ(r), "某县民政局");
	ck_assert_int_eq(govreport_get(r, "applications.new_received.commercial", &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(v, 1);
	govreport_free(r);
	/* Named as text, the same page is text: its tags stay. */
	ck_assert_int_eq(govreport_parse(page, sizeof(page) - 1, GOVREPORT_FORMAT_TEXT, &r),
			 GOVREPORT_OK);
	ck_assert_ptr_null(govreport_title(r));
	govreport_free(r);
	/* Only one shape at a time; markup without text is empty. */
	ck_assert_int_eq(govreport_parse(page, sizeof(page) - 1,
					 GOVREPORT_FORMAT_HTML | GOVREPORT_FORMAT_LAYOUT, &r),
			 GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_parse("<p> </p><br>", 12, 0, &r), GOVREPORT_ERR_INPUT_EMPTY);
	ck_assert_ptr_null(r);
	/* Title, organ and prose keep the page's own punctuation (SPEC §3),
	 * whatever markup and spaces stood between. */
	ck_assert_int_eq(govreport_parse(prose, sizeof(prose) - 1, 0, &r), GOVREPORT_OK);
	ck_assert_str_eq(govreport_title(r), "某县民政局政府信息公开工作年度报告（2023年度）");
	ck_assert_str_eq(govreport_organ(r), "某县民政局");
	ck_assert_str_eq(govreport_field(r, GOVREPORT_FIELD_OVERVIEW),
			 "2023年，我局 （含下属单位）认真贯彻《条例》；成效：显现……\n（一）主动公开。");
	govreport_free(r);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("html");
	TCase *tc = tcase_create("html");

	tcase_add_test(tc, spans_on_the_grid);
	tcase_add_test(tc, cell_text);
	tcase_add_test(tc, prose_and_entities);
	tcase_add_test(tc, what_is_no_text);
	tcase_add_test(tc, word_residue);
	tcase_add_test(tc, layout_tables);
	tcase_add_test(tc, source_lines);
	tcase_add_test(tc, source_lines_past_65535);
	tcase_add_test(tc, out_of_memory);
	tcase_add_test(tc, attributes_left_out);
	tcase_add_test(tc, attributes_left_out_lines);
	tcase_add_test(tc, attributes_left_out_long_tag);
	tcase_add_test(tc, styles_left_out);
	tcase_add_loop_test(tc, deep_nesting, 0, 3);
	tcase_add_test(tc, detection);
	tcase_add_test(tc, declared_charsets);
	tcase_add_test(tc, declared_charset_honoured);
	tcase_add_test(tc, through_parse);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
