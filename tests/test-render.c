/*
 * govreport_render(): the official forms in HTML (rowspan/colspan of both
 * templates, every value cell named by its ids), the styled page,
 * Markdown, long-form CSV and plain text; argument checks; the annotated
 * page with planted errors, each shown on its cell; allocation failures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "govreport.h"
#include "input/html.h"
#include "model/template.h"
#include "testutil.h"

static char *
render(const struct govreport *r, enum govreport_render_format format, unsigned flags)
{
	char *out = NULL;
	size_t len = 0;

	ck_assert_int_eq(govreport_render(r, format, flags, &out, &len), GOVREPORT_OK);
	ck_assert_ptr_nonnull(out);
	ck_assert_uint_eq(strlen(out), len);
	return out;
}

static struct govreport *
new_report(enum govreport_template tpl)
{
	struct govreport *r = NULL;

	ck_assert_int_eq(govreport_new(tpl, tpl == GOVREPORT_TEMPLATE_2019 ? 2020 : 2023, &r),
			 GOVREPORT_OK);
	return r;
}

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

/* The text of the table whose class names the section. */
static char *
table_of(const char *html, const char *section)
{
	char open[96], *start, *end;

	snprintf(open, sizeof(open), "<table class=\"govreport govreport-%s\">", section);
	start = strstr(html, open);
	ck_assert_msg(start != NULL, "no table %s", section);
	end = strstr(start, "</table>");
	ck_assert_ptr_nonnull(end);
	return strndup(start, (size_t)(end - start));
}

START_TEST(arguments)
{
	struct govreport *r = new_report(GOVREPORT_TEMPLATE_2021);
	char *out = (char *)"x";

	ck_assert_int_eq(govreport_render(NULL, GOVREPORT_RENDER_HTML, 0, &out, NULL),
			 GOVREPORT_ERR_ARGUMENT);
	ck_assert_ptr_null(out);
	ck_assert_int_eq(govreport_render(r, GOVREPORT_RENDER_HTML, 0, NULL, NULL),
			 GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_render(r, (enum govreport_render_format)4, 0, &out, NULL),
			 GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_render(r, (enum govreport_render_format)-1, 0, &out, NULL),
			 GOVREPORT_ERR_ARGUMENT);
	/* Annotation is for HTML only; unknown flags are refused. */
	ck_assert_int_eq(govreport_render(r, GOVREPORT_RENDER_MARKDOWN,
					  GOVREPORT_RENDER_ANNOTATE, &out, NULL),
			 GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_render(r, GOVREPORT_RENDER_CSV, GOVREPORT_RENDER_ANNOTATE,
					  &out, NULL), GOVREPORT_ERR_ARGUMENT);
	/* So is the styled page. */
	ck_assert_int_eq(govreport_render(r, GOVREPORT_RENDER_MARKDOWN, GOVREPORT_RENDER_PAGE,
					  &out, NULL), GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_render(r, GOVREPORT_RENDER_TEXT, GOVREPORT_RENDER_PAGE,
					  &out, NULL), GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_render(r, GOVREPORT_RENDER_HTML, GOVREPORT_JSON_PRETTY,
					  &out, NULL), GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_render(r, GOVREPORT_RENDER_TEXT, 1u << 30, &out, NULL),
			 GOVREPORT_ERR_ARGUMENT);
	ck_assert_ptr_null(out);
	/* len may be NULL; LANG_EN is accepted everywhere. */
	ck_assert_int_eq(govreport_render(r, GOVREPORT_RENDER_TEXT, GOVREPORT_LANG_EN, &out,
					  NULL), GOVREPORT_OK);
	govreport_string_free(out);
	govreport_free(r);
}
END_TEST

/* Table 三 of "2021": the corner over three stub columns and three header
 * rows, 法人或其他组织 over five columns, the outer label over 22 rows,
 * 不予公开 over 8, 其他处理 over 3; 28 rows in all. */
START_TEST(html_official_2021)
{
	struct govreport *r = new_report(GOVREPORT_TEMPLATE_2021);
	char *html = render(r, GOVREPORT_RENDER_HTML, 0);
	char *t2 = table_of(html, "active_disclosure");
	char *t3 = table_of(html, "applications");
	char *t4 = table_of(html, "review_litigation");

	ck_assert_ptr_nonnull(strstr(html, "<!DOCTYPE html>"));
	ck_assert_ptr_nonnull(strstr(t3, "<th rowspan=\"3\" colspan=\"3\">（本列数据的勾稽关系为"));
	ck_assert_ptr_nonnull(strstr(t3, "<th colspan=\"7\">申请人情况</th>"));
	ck_assert_ptr_nonnull(strstr(t3, "<th rowspan=\"2\">自然人</th><th colspan=\"5\">法人或其他组织</th>"
					 "<th rowspan=\"2\">总计</th>"));
	ck_assert_ptr_nonnull(strstr(t3, "<td colspan=\"3\">一、本年新收政府信息公开申请数量</td>"));
	ck_assert_ptr_nonnull(strstr(t3, "<td rowspan=\"22\">三、本年度办理结果</td>"
					 "<td colspan=\"2\">（一）予以公开</td>"));
	ck_assert_ptr_nonnull(strstr(t3, "<td rowspan=\"8\">（三）不予公开</td><td>1.属于国家秘密</td>"));
	ck_assert_ptr_nonnull(strstr(t3, "<td rowspan=\"3\">（六）其他处理</td>"));
	ck_assert_ptr_nonnull(strstr(t3, "<td colspan=\"2\">（七）总计</td>"));
	ck_assert_uint_eq(count(t3, "<tr>"), 28);
	/* 25 rows of 7 empty value cells: the blank form. */
	ck_assert_uint_eq(count(t3, "\"></td>"), 25 * 7);
	ck_assert_ptr_nonnull(strstr(t3, "<td colspan=\"3\">一、本年新收政府信息公开申请数量</td>"
					 "<td data-section=\"applications\" data-row=\"new_received\" "
					 "data-column=\"natural_person\"></td>"));
	ck_assert_uint_eq(count(t2, "<tr>"), 4 * 2 + 6);
	ck_assert_ptr_nonnull(strstr(t2, "<th colspan=\"4\">第二十条第（一）项</th>"));
	ck_assert_ptr_nonnull(strstr(t2, "<th>信息内容</th><th colspan=\"3\">本年处理决定数量</th>"));
	ck_assert_ptr_nonnull(strstr(t2, "<td>行政许可</td><td colspan=\"3\" data-section="
					 "\"active_disclosure\" data-row=\"licensing\" "
					 "data-column=\"decisions\"></td>"));
	ck_assert_uint_eq(count(t4, "<tr>"), 4);
	ck_assert_ptr_nonnull(strstr(t4, "<th colspan=\"5\">行政复议</th><th colspan=\"10\">行政诉讼</th>"));
	ck_assert_ptr_nonnull(strstr(t4, "<th rowspan=\"2\">结果维持</th>"));
	ck_assert_ptr_nonnull(strstr(t4, "<th colspan=\"5\">未经复议直接起诉</th><th colspan=\"5\">复议后起诉</th>"));
	ck_assert_uint_eq(count(t4, "\"></td>"), 15);
	/* No styling beyond the class; no annotation. */
	ck_assert_ptr_null(strstr(html, "style"));
	ck_assert_ptr_null(strstr(html, "gr-"));
	free(t2);
	free(t3);
	free(t4);
	govreport_string_free(html);
	govreport_free(r);
}
END_TEST

START_TEST(html_official_2019)
{
	struct govreport *r = new_report(GOVREPORT_TEMPLATE_2019);
	char *html = render(r, GOVREPORT_RENDER_HTML, 0);
	char *t2 = table_of(html, "active_disclosure");
	char *t3 = table_of(html, "applications");

	ck_assert_ptr_nonnull(strstr(t3, "<td rowspan=\"20\">三、本年度办理结果</td>"));
	ck_assert_ptr_nonnull(strstr(t3, "<td colspan=\"2\">（六）其他处理</td>"));
	ck_assert_uint_eq(count(t3, "<tr>"), 3 + 23);
	ck_assert_ptr_nonnull(strstr(t2, "<th colspan=\"4\">第二十条第（九）项</th>"));
	ck_assert_ptr_nonnull(strstr(t2, "<th>上一年项目数量</th><th colspan=\"2\">本年增/减</th>"));
	ck_assert_uint_eq(count(t2, "<tr>"), 5 * 2 + 8);
	free(t2);
	free(t3);
	govreport_string_free(html);
	govreport_free(r);
}
END_TEST

static struct govreport *parse_seed(const char *name);

/* Every value cell of both templates, and only they, name their section,
 * row and column with the template's ids: one cell for each. */
START_TEST(html_cell_ids)
{
	static const enum govreport_template templates[] = { GOVREPORT_TEMPLATE_2019,
							     GOVREPORT_TEMPLATE_2021 };

	for (size_t i = 0; i < 2; i++) {
		const struct gr_template *tpl = gr_template_get(templates[i]);
		struct govreport *r = new_report(templates[i]);
		char *html = render(r, GOVREPORT_RENDER_HTML, 0);
		size_t cells = 0;

		for (int s = 0; s < GR_SECTION_COUNT; s++) {
			const struct gr_table *t = &tpl->tables[s];
			struct gr_cell_ref ref;
			for (size_t k = 0; gr_cell_at(t, k, &ref) == 0; k++) {
				char attrs[256];
				snprintf(attrs, sizeof(attrs),
					 " data-section=\"%s\" data-row=\"%s\" data-column=\"%s\">",
					 t->id, ref.row->id, ref.column->id);
				ck_assert_msg(count(html, attrs) == 1, "%s: %zu cells %s",
					      tpl->name, count(html, attrs), attrs);
				cells++;
			}
		}
		ck_assert_uint_eq(count(html, " data-section=\""), cells);
		ck_assert_uint_eq(count(html, " data-row=\""), cells);
		ck_assert_uint_eq(count(html, " data-column=\""), cells);
		ck_assert_uint_eq(cells, templates[i] == GOVREPORT_TEMPLATE_2019
						 ? 22 + 23 * 7 + 15 : 10 + 25 * 7 + 15);
		govreport_string_free(html);
		govreport_free(r);
	}
}
END_TEST

/* The page with its style sheet: the same body as the unstyled page, and
 * a head with the official form's look; nothing from the document
 * unescaped, in the style sheet's element least of all. */
START_TEST(html_page)
{
	struct govreport *r = parse_seed("000_60b25c9977688c27");
	char *plain = render(r, GOVREPORT_RENDER_HTML, 0);
	char *page = render(r, GOVREPORT_RENDER_HTML, GOVREPORT_RENDER_PAGE);
	char *annotated = render(r, GOVREPORT_RENDER_HTML, GOVREPORT_RENDER_ANNOTATE);
	const char *style = strstr(page, "<style>\n"), *style_end = strstr(page, "</style>\n");
	size_t style_len;

	ck_assert_ptr_null(strstr(plain, "<style"));
	ck_assert_ptr_nonnull(style);
	ck_assert_ptr_nonnull(style_end);
	ck_assert_uint_eq(count(page, "<style>"), 1);
	ck_assert_ptr_null(strstr(page, "<script"));
	/* Ruled in black, printed on A4, no marks of the annotated page. */
	ck_assert_ptr_nonnull(strstr(style, "table.govreport th,table.govreport td{border:1px solid #000;"));
	ck_assert_ptr_nonnull(strstr(style, "@page{size:A4;"));
	ck_assert_ptr_nonnull(strstr(style, "td[data-row]{text-align:center}"));
	ck_assert_ptr_null(strstr(page, "gr-"));
	/* Without the style sheet the page is the unstyled one, byte for byte. */
	style_end += strlen("</style>\n");
	style_len = (size_t)(style_end - style);
	ck_assert_uint_eq(strlen(page), strlen(plain) + style_len);
	ck_assert_int_eq(strncmp(page, plain, (size_t)(style - page)), 0);
	ck_assert_str_eq(style_end, plain + (style - page));
	/* The signature and date, to the right as the form has them. */
	ck_assert_ptr_nonnull(strstr(plain, "<p class=\"govreport-signature\">伊州区民政局</p>\n"
					    "<p class=\"govreport-signature\">2024年1月16日</p>\n"));
	/* The annotated page has the form's look, and its marks. */
	ck_assert_ptr_nonnull(strstr(annotated, "@page{size:A4;"));
	ck_assert_ptr_nonnull(strstr(annotated, ".gr-error{"));
	ck_assert_uint_eq(count(annotated, "<style>"), 1);
	govreport_string_free(plain);
	govreport_string_free(page);
	govreport_string_free(annotated);
	govreport_free(r);

	/* A title that tries to close the style sheet stays text. */
	r = new_report(GOVREPORT_TEMPLATE_2021);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_TITLE,
					     "</style><script>alert(1)</script>\"&"),
			 GOVREPORT_OK);
	page = render(r, GOVREPORT_RENDER_HTML, GOVREPORT_RENDER_PAGE);
	ck_assert_ptr_null(strstr(page, "<script"));
	ck_assert_uint_eq(count(page, "</style>"), 1);
	ck_assert_uint_eq(count(page, "&lt;/style&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;"), 2);
	govreport_string_free(page);
	govreport_free(r);
}
END_TEST

static struct govreport *
parse_seed(const char *name)
{
	char rel[128], *path, *data;
	size_t len;
	struct govreport *r = NULL;

	snprintf(rel, sizeof(rel), "seeds/%s.txt", name);
	path = test_data_path(rel);
	data = test_read_file(path, &len);
	ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
	free(data);
	free(path);
	return r;
}

START_TEST(csv_long_form)
{
	struct govreport *r = parse_seed("001_ebc51afa85553e39");
	char *csv = render(r, GOVREPORT_RENDER_CSV, 0);

	ck_assert_int_eq(strncmp(csv, "section,row,column,value,state\r\n", 32), 0);
	ck_assert_uint_eq(count(csv, "\r\n"), 1 + 10 + 25 * 7 + 15);
	ck_assert_ptr_nonnull(strstr(csv, "\r\nactive_disclosure,rules,issued,0,present\r\n"));
	ck_assert_ptr_nonnull(strstr(csv, "\r\nactive_disclosure,rules,repealed,,blank\r\n"));
	ck_assert_ptr_nonnull(strstr(csv, "\r\nactive_disclosure,licensing,decisions,17,present\r\n"));
	ck_assert_ptr_nonnull(strstr(csv, "\r\napplications,carried_forward,total,0,present\r\n"));
	ck_assert_ptr_nonnull(strstr(csv, "\r\nreview_litigation,litigation_after_review,total,0,present\r\n"));
	govreport_string_free(csv);
	govreport_free(r);

	/* Money as written; a blank form is all "missing". */
	r = new_report(GOVREPORT_TEMPLATE_2019);
	ck_assert_int_eq(govreport_set_decimal(r, "active_disclosure.procurement.amount", -50, 3),
			 GOVREPORT_OK);
	csv = render(r, GOVREPORT_RENDER_CSV, 0);
	ck_assert_ptr_nonnull(strstr(csv, "\r\nactive_disclosure,procurement,amount,-0.050,present\r\n"));
	ck_assert_ptr_nonnull(strstr(csv, "\r\napplications,other,total,,missing\r\n"));
	ck_assert_uint_eq(count(csv, ",missing\r\n"), 22 + 23 * 7 + 15 - 1);
	govreport_string_free(csv);
	govreport_free(r);
}
END_TEST

/* Columns of a terminal: Chinese characters and full-width forms take two. */
static size_t
display_width(const char *s, size_t len)
{
	size_t w = 0;

	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		w += n >= 3 ? 2 : 1;
		i += n;
	}
	return w;
}

START_TEST(markdown_and_text)
{
	struct govreport *r = parse_seed("002_c3fcc36b9cf6fff1");
	char *md = render(r, GOVREPORT_RENDER_MARKDOWN, 0);
	char *text = render(r, GOVREPORT_RENDER_TEXT, 0);
	const char *row, *eol;

	ck_assert_ptr_nonnull(strstr(md, "# 绿园区民政局2020年政府信息公开工作年度报告\n"));
	ck_assert_ptr_nonnull(strstr(md, "\n## 三、收到和处理政府信息公开申请情况\n"));
	ck_assert_ptr_nonnull(strstr(md, "\n|---|---|---|---|---|---|---|---|\n"));
	ck_assert_ptr_nonnull(strstr(md, "| 三、本年度办理结果 （一）予以公开 |"));
	ck_assert_ptr_nonnull(strstr(md, "| （三）不予公开 1.属于国家秘密 |"));
	ck_assert_ptr_nonnull(strstr(md, "| 行政许可 | 30 | 0 | 8 |"));
	ck_assert_ptr_nonnull(strstr(md, "\n绿园区民政局\n\n2021年1月14日\n"));
	/* Plain text: the rows of table 三 end in the same display column. */
	row = strstr(text, "一、本年新收政府信息公开申请数量");
	ck_assert_ptr_nonnull(row);
	eol = strchr(row, '\n');
	{
		const char *other = strstr(text, "四、结转下年度继续办理");
		ck_assert_ptr_nonnull(other);
		ck_assert_uint_eq(display_width(row, (size_t)(eol - row)),
				  display_width(other, (size_t)(strchr(other, '\n') - other)));
	}
	ck_assert_ptr_null(strstr(text, "<"));
	govreport_string_free(md);
	govreport_string_free(text);
	govreport_free(r);
}
END_TEST

/* ---- the report's own introduction ------------------------------------------ */

/* The first line of a seed as the file prints it (malloc'd). */
static char *
seed_first_line(const char *name)
{
	char rel[128], *path, *data, *line;
	size_t len;

	snprintf(rel, sizeof(rel), "seeds/%s.txt", name);
	path = test_data_path(rel);
	data = test_read_file(path, &len);
	line = strndup(data, strcspn(data, "\n"));
	free(data);
	free(path);
	return line;
}

static struct govreport *
parse_text(const char *data)
{
	struct govreport *r = NULL;

	ck_assert_int_eq(govreport_parse(data, strlen(data), 0, &r), GOVREPORT_OK);
	return r;
}

/* Seed 001 opens with its own introduction (根据《条例》…向社会公布…。本报告所
 * 列数据统计时限为…): every format shows it as printed, not a sentence of
 * ours, and parsing the rendering gives the same introduction again. */
START_TEST(intro_as_printed)
{
	static const enum govreport_render_format formats[] = {
		GOVREPORT_RENDER_HTML, GOVREPORT_RENDER_MARKDOWN, GOVREPORT_RENDER_TEXT,
	};
	struct govreport *r = parse_seed("001_ebc51afa85553e39");
	char *intro = seed_first_line("001_ebc51afa85553e39");

	ck_assert_ptr_nonnull(strstr(intro, "本报告所列数据统计时限为2024年1月1日"));
	for (size_t f = 0; f < 3; f++) {
		char *out = render(r, formats[f], 0), *again;
		struct govreport *back;
		ck_assert_msg(strstr(out, intro) != NULL, "format %d lacks the introduction",
			      (int)formats[f]);
		ck_assert_uint_eq(count(out, intro), 1);
		ck_assert_ptr_null(strstr(out, "现公布"));
		/* Before part 一, and read back as an introduction again. */
		ck_assert_ptr_nonnull(strstr(out, "一、总体情况"));
		ck_assert(strstr(out, intro) < strstr(out, "一、总体情况"));
		if (formats[f] == GOVREPORT_RENDER_HTML && !gr_html_available()) {
			test_html_refused("intro_as_printed: the HTML read back", out,
					  strlen(out));
		} else if (formats[f] != GOVREPORT_RENDER_TEXT) {
			back = parse_text(out);
			again = render(back, formats[f], 0);
			ck_assert_str_eq(again, out);
			govreport_string_free(again);
			govreport_free(back);
		}
		govreport_string_free(out);
	}
	free(intro);
	govreport_free(r);
}
END_TEST

/* Without one — a page whose only text before part 一 is its chrome fused
 * with the title, or a report made in code — the sentence of ours stays. */
START_TEST(intro_generated_without_one)
{
	char *path = test_data_path("input/web-oneline/fused-004-figures/input.txt"), *data, *out;
	struct govreport *r;
	size_t len;

	data = test_read_file(path, &len);
	ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
	out = render(r, GOVREPORT_RENDER_TEXT, 0);
	ck_assert_ptr_nonnull(strstr(data, "来源：本网浏览次数"));
	ck_assert_ptr_null(strstr(out, "来源"));
	ck_assert_ptr_nonnull(strstr(out, "现公布2020年鲤城区人民政府临江街道办事处政府信息公开工作年度报告。\n\n一、总体情况"));
	govreport_string_free(out);
	govreport_free(r);
	free(data);
	free(path);

	r = new_report(GOVREPORT_TEMPLATE_2019);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_ORGAN, "某县民政局"), GOVREPORT_OK);
	out = render(r, GOVREPORT_RENDER_MARKDOWN, 0);
	/* No title: the sentence opens the document. */
	ck_assert_ptr_eq(strstr(out, "现公布2020年某县民政局政府信息公开工作年度报告。\n\n"), out);
	govreport_string_free(out);
	govreport_free(r);
}
END_TEST

/* A document's introduction is document text: escaped like all prose. */
START_TEST(intro_escaped)
{
	char *path = test_data_path("seeds/001_ebc51afa85553e39.txt"), *data, *hostile, *out;
	/* Not first in the file: a text that opens with a tag is read as HTML. */
	static const char planted[] = "特此说明 <script>alert(1)</script> *强调* [链接](x) & ";
	struct govreport *r;
	size_t len;

	data = test_read_file(path, &len);
	hostile = malloc(sizeof(planted) + len);
	ck_assert_ptr_nonnull(hostile);
	memcpy(hostile, planted, sizeof(planted) - 1);
	memcpy(hostile + sizeof(planted) - 1, data, len + 1);
	r = parse_text(hostile);

	out = render(r, GOVREPORT_RENDER_HTML, 0);
	ck_assert_ptr_null(strstr(out, "<script"));
	ck_assert_ptr_nonnull(strstr(out, "<p>特此说明 &lt;script&gt;alert(1)&lt;/script&gt; *强调* [链接](x) &amp; 根据"));
	govreport_string_free(out);
	out = render(r, GOVREPORT_RENDER_MARKDOWN, 0);
	ck_assert_ptr_nonnull(strstr(out, "特此说明 \\<script\\>alert(1)\\</script\\> \\*强调\\* \\[链接\\](x) \\& 根据"));
	govreport_string_free(out);
	govreport_free(r);
	free(hostile);
	free(data);
	free(path);
}
END_TEST

/* ---- the annotated page ---------------------------------------------------- */

/* Replace the first `from` after `anchor` in s (malloc'd) by `to`. */
static char *
replace_after(char *s, const char *anchor, const char *from, const char *to)
{
	char *a = strstr(s, anchor), *at, *out;
	size_t before;

	ck_assert_msg(a != NULL, "no %s", anchor);
	at = strstr(a + strlen(anchor), from);
	ck_assert_ptr_nonnull(at);
	before = (size_t)(at - s);
	out = malloc(strlen(s) - strlen(from) + strlen(to) + 1);
	ck_assert_ptr_nonnull(out);
	memcpy(out, s, before);
	strcpy(out + before, to);
	strcat(out, at + strlen(from));
	free(s);
	return out;
}

/* The <td …> tag whose content holds `content` (the first match). */
static const char *
cell_tag(const char *html, const char *content)
{
	const char *at = strstr(html, content), *tag;

	ck_assert_msg(at != NULL, "no cell holding %s", content);
	for (tag = at; tag > html && strncmp(tag, "<td", 3) != 0; tag--)
		;
	return tag;
}

/* Which value column (0-based) of the row labelled `label` the cell at
 * `tag` is. */
static int
value_column(const char *html, const char *label, const char *tag)
{
	const char *l = strstr(html, label), *p;
	int n = 0;

	ck_assert_ptr_nonnull(l);
	p = strstr(l, "</td>");
	ck_assert_ptr_nonnull(p);
	for (p = strstr(p, "<td"); p && p < tag; p = strstr(p + 1, "<td"))
		n++;
	return n;
}

static void
assert_marked(const char *tag, const char *klass, const char *message_part)
{
	const char *end = strchr(tag, '>');
	char attrs[2048];

	ck_assert_ptr_nonnull(end);
	snprintf(attrs, sizeof(attrs), "%.*s", (int)(end - tag), tag);
	ck_assert_msg(strstr(attrs, klass) != NULL, "cell %s is not %s", attrs, klass);
	ck_assert_msg(strstr(attrs, message_part) != NULL, "cell %s lacks \"%s\"", attrs,
		      message_part);
}

START_TEST(annotate_planted_errors)
{
	struct govreport *r = new_report(GOVREPORT_TEMPLATE_2021), *checked = NULL;
	char *md, *page;
	const char *tag;
	size_t len;

	/* A report whose table 三 holds 1 everywhere … */
	for (int row = 0; row <= GOVREPORT_APP_ROW_CARRIED_FORWARD; row++)
		for (int col = 0; col <= GOVREPORT_APP_COL_TOTAL; col++)
			govreport_app_set(r, (enum govreport_app_row)row,
					  (enum govreport_app_column)col, 1);
	md = render(r, GOVREPORT_RENDER_MARKDOWN, 0);
	len = strlen(md);
	{
		char *copy = malloc(len + 1);
		ck_assert_ptr_nonnull(copy);
		memcpy(copy, md, len + 1);
		govreport_string_free(md);
		md = copy;
	}
	/* … with errors planted: text where a number belongs (error), an
	 * empty cell (warning), two numbers in one cell (warning), a unit
	 * (info). */
	md = replace_after(md, "二、上年结转政府信息公开申请数量 | 1 | ", "1 |", "待核实 |");
	md = replace_after(md, "（一）予以公开 | 1 | 1 | ", "1 |", " |");
	md = replace_after(md, "2.重复申请 | ", "1 |", "3 4 |");
	md = replace_after(md, "1.属于国家秘密 | 1 | 1 | 1 | ", "1 |", "1件 |");
	ck_assert_int_eq(govreport_parse(md, strlen(md), 0, &checked), GOVREPORT_OK);
	ck_assert_int_eq(govreport_validate(checked, 0), GOVREPORT_OK);
	page = render(checked, GOVREPORT_RENDER_HTML, GOVREPORT_RENDER_ANNOTATE);

	/* Self-contained: inline CSS, no script. */
	ck_assert_ptr_nonnull(strstr(page, "<style>"));
	ck_assert_ptr_null(strstr(page, "<script"));
	ck_assert_ptr_nonnull(strstr(page, ".gr-error{"));
	/* Each planted error on its cell, in its row and column. */
	tag = cell_tag(page, ">待核实");
	assert_marked(tag, "class=\"gr-error\"", "不是数字");
	ck_assert_int_eq(value_column(page, "二、上年结转政府信息公开申请数量", tag), 1);
	tag = cell_tag(page, ">3 4<");
	assert_marked(tag, "class=\"gr-warning\"", "多个数字");
	ck_assert_int_eq(value_column(page, "2.重复申请", tag), 0);
	tag = cell_tag(page, ">1件<");
	assert_marked(tag, "class=\"gr-info\"", "单位");
	ck_assert_int_eq(value_column(page, "1.属于国家秘密", tag), 3);
	/* The empty cell: found through its note's number. */
	{
		const char *t3 = strstr(page, "govreport-applications");
		const char *note = strstr(t3, "<li class=\"gr-warning\" value=\"");
		const char *blank_row = strstr(page, "（一）予以公开");
		char ref[64];
		int number = 0;
		for (; note; note = strstr(note + 1, "<li class=\"gr-warning\" value=\""))
			if (strstr(note, "CELL_BLANK") == strstr(note, "<code>") + 6)
				break;
		ck_assert_ptr_nonnull(note);
		ck_assert_int_eq(sscanf(note, "<li class=\"gr-warning\" value=\"%d\"", &number), 1);
		snprintf(ref, sizeof(ref), "<sup class=\"gr-ref\">%d", number);
		tag = cell_tag(blank_row, ref);
		assert_marked(tag, "class=\"gr-warning\"", "为空");
		ck_assert_int_eq(value_column(page, "（一）予以公开", tag), 2);
	}
	/* Validation's findings too: the row total that no longer adds up. */
	ck_assert_ptr_nonnull(strstr(page, "<code>T3_ROW_TOTAL</code>"));
	/* Every diagnostic about a rendered table is a numbered note under
	 * it; every other one is listed on top; none is lost. */
	{
		size_t placed = 0;
		for (size_t i = 0; i < govreport_diag_count(checked); i++) {
			const char *sec = govreport_diag_section(checked, i);
			placed += sec && ((strcmp(sec, "applications") == 0 &&
					   govreport_has_section(checked, GOVREPORT_SECTION_APPLICATIONS)) ||
					  (strcmp(sec, "active_disclosure") == 0 &&
					   govreport_has_section(checked, GOVREPORT_SECTION_ACTIVE_DISCLOSURE)) ||
					  (strcmp(sec, "review_litigation") == 0 &&
					   govreport_has_section(checked, GOVREPORT_SECTION_REVIEW_LITIGATION)));
		}
		ck_assert_uint_eq(count(page, " id=\"gr-note-"), placed);
		ck_assert_uint_eq(count(page, "<li class=\"gr-"), govreport_diag_count(checked));
	}
	govreport_string_free(page);
	/* English messages with GOVREPORT_LANG_EN. */
	page = render(checked, GOVREPORT_RENDER_HTML, GOVREPORT_RENDER_ANNOTATE | GOVREPORT_LANG_EN);
	ck_assert_ptr_nonnull(strstr(page, "holds text, not a number"));
	ck_assert_ptr_nonnull(strstr(page, "<h2>Diagnostics</h2>"));
	govreport_string_free(page);
	free(md);
	govreport_free(checked);
	govreport_free(r);
}
END_TEST

/* Diagnostics that name no cell (the year, a missing part) are listed. */
START_TEST(annotate_lists_other_diagnostics)
{
	static const char doc[] = "一、总体情况\n本机关全年未收到申请。\n";
	struct govreport *r = NULL;
	char *page;

	ck_assert_int_eq(govreport_parse(doc, sizeof(doc) - 1, 0, &r), GOVREPORT_OK);
	page = render(r, GOVREPORT_RENDER_HTML, GOVREPORT_RENDER_ANNOTATE);
	ck_assert_ptr_nonnull(strstr(page, "<section class=\"gr-diagnostics\">"));
	ck_assert_ptr_nonnull(strstr(page, "<code>YEAR_UNKNOWN</code>"));
	ck_assert_ptr_nonnull(strstr(page, "<code>SECTION_MISSING</code>"));
	ck_assert_ptr_null(strstr(page, "<table"));
	govreport_string_free(page);
	govreport_free(r);
}
END_TEST

START_TEST(allocation_failures)
{
	static const enum govreport_render_format formats[] = {
		GOVREPORT_RENDER_HTML, GOVREPORT_RENDER_MARKDOWN, GOVREPORT_RENDER_CSV,
		GOVREPORT_RENDER_TEXT,
	};
	struct govreport *r = parse_seed("000_60b25c9977688c27");

	for (size_t f = 0; f < 4; f++) {
		for (long n = 0;; n++) {
			char *out = NULL;
			enum govreport_status st;
			unsigned flags = formats[f] == GOVREPORT_RENDER_HTML
						 ? GOVREPORT_RENDER_ANNOTATE | GOVREPORT_RENDER_PAGE : 0;
			gr_alloc_fail_after(n);
			st = govreport_render(r, formats[f], flags, &out, NULL);
			gr_alloc_fail_after(-1);
			if (st == GOVREPORT_OK) {
				govreport_string_free(out);
				break;
			}
			ck_assert_int_eq(st, GOVREPORT_ERR_NOMEM);
			ck_assert_ptr_null(out);
			ck_assert_int_lt(n, 100000);
		}
	}
	govreport_free(r);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("render");
	TCase *tc = tcase_create("render");

	tcase_add_test(tc, arguments);
	tcase_add_test(tc, html_official_2021);
	tcase_add_test(tc, html_official_2019);
	tcase_add_test(tc, html_cell_ids);
	tcase_add_test(tc, html_page);
	tcase_add_test(tc, csv_long_form);
	tcase_add_test(tc, markdown_and_text);
	tcase_add_test(tc, intro_as_printed);
	tcase_add_test(tc, intro_generated_without_one);
	tcase_add_test(tc, intro_escaped);
	tcase_add_test(tc, annotate_planted_errors);
	tcase_add_test(tc, annotate_lists_other_diagnostics);
	tcase_add_test(tc, allocation_failures);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
