/*
 * The .docx and .odt readers (lib/input/docx.c, odt.c, zip.c): grids with
 * w:gridSpan / w:vMerge / w:gridBefore and ODF spans, tracked changes,
 * fields, content controls, Word automatic numbering; and the archives a
 * hostile sender makes (a zip bomb, a lying size, too many entries, a
 * truncated or damaged archive, a Word 97 .doc), each refused with its
 * status. Archives are written in memory with libzip (zipwrite.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govreport.h"
#include "input/frontends.h"
#include "input/readers.h"
#include "input/zip.h"
#include "testutil.h"
#include "zipwrite.h"

/* An archive of the entries, as bytes (free()). */
static char *
make_zip(const struct test_zip_entry *e, size_t n, size_t *len)
{
	char *zip = test_zip_write(e, n, len);

	ck_assert_ptr_nonnull(zip);
	return zip;
}

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define ODT_MIMETYPE "application/vnd.oasis.opendocument.text"

static char *
make_docx(const char *body, const char *numbering, const char *styles, size_t *len)
{
	char *doc = malloc(strlen(body) + 256);
	struct test_zip_entry e[4] = {
		{ "[Content_Types].xml", "<Types/>", strlen("<Types/>"), 0 },
		{ "word/document.xml", doc, 0, 0 },
	};
	size_t n = 2;
	char *zip;

	ck_assert_ptr_nonnull(doc);
	sprintf(doc, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " W_NS
		     "><w:body>%s</w:body></w:document>", body);
	e[1].len = strlen(doc);
	if (numbering)
		e[n++] = (struct test_zip_entry){ "word/numbering.xml", numbering,
						  strlen(numbering), 0 };
	if (styles)
		e[n++] = (struct test_zip_entry){ "word/styles.xml", styles, strlen(styles),
						  0 };
	zip = make_zip(e, n, len);
	free(doc);
	return zip;
}

static enum govreport_status
read_items(const char *data, size_t len, size_t limit, struct gr_text *text,
	   struct gr_items *items, const char **used)
{
	const struct gr_frontend *fe = NULL;
	enum govreport_status st = gr_input_read(data, len, limit, 0, text, items, &fe);

	if (used)
		*used = fe ? fe->name : NULL;
	return st;
}

static int
item_is(const struct gr_item *it, const char *text)
{
	return it->len == strlen(text) && memcmp(it->text, text, it->len) == 0;
}

#define ASSERT_ITEM(it, s) \
	ck_assert_msg(item_is(it, s), "item \"%.*s\", expected \"%s\"", (int)(it)->len, \
		      (it)->text, s)

static void
assert_cell(const struct gr_item *it, const char *text, uint32_t row, uint16_t col,
	    uint8_t rowspan, uint8_t colspan)
{
	ASSERT_ITEM(it, text);
	ck_assert_int_eq(it->kind, GR_ITEM_CELL);
	ck_assert_int_eq(it->table, 1);
	ck_assert_int_eq(it->row, row);
	ck_assert_int_eq(it->col, col);
	ck_assert_int_eq(it->rowspan, rowspan);
	ck_assert_int_eq(it->colspan, colspan);
}

static void
release(struct gr_text *text, struct gr_items *items)
{
	gr_items_release(items);
	gr_text_release(text);
}

#define P(s) "<w:p><w:r><w:t>" s "</w:t></w:r></w:p>"
#define TC(pr, s) "<w:tc><w:tcPr>" pr "</w:tcPr>" P(s) "</w:tc>"

START_TEST(docx_grid)
{
	/* | 信息内容 (gridSpan 2)           | 件数 |
	 * | 规章 (vMerge restart) | 新制 | 5 |
	 * | (continue)            | 废止 | 0 |
	 * | (gridBefore 1)        | 合计 | 5 |   */
	const char *body =
		P("前言") "<w:tbl><w:tblGrid/>"
		"<w:tr>" TC("<w:gridSpan w:val=\"2\"/>", "信息内容") TC("", "件数") "</w:tr>"
		"<w:tr>" TC("<w:vMerge w:val=\"restart\"/>", "规章") TC("", "新制")
		TC("", "5") "</w:tr>"
		"<w:tr>" TC("<w:vMerge/>", "") TC("", "废止") TC("", "0") "</w:tr>"
		"<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>" TC("", "合计")
		TC("", "5") "</w:tr>"
		"</w:tbl>" P("后记");
	size_t len;
	char *zip = make_docx(body, NULL, NULL, &len);
	struct gr_text text;
	struct gr_items items;
	const char *used;
	const struct gr_item *it;

	ck_assert_int_eq(read_items(zip, len, 0, &text, &items, &used), GOVREPORT_OK);
	ck_assert_str_eq(used, "docx");
	ck_assert_uint_eq(items.count, 11);
	it = items.items;
	ASSERT_ITEM(&it[0], "前言");
	ck_assert_int_eq(it[0].kind, GR_ITEM_LINE);
	assert_cell(&it[1], "信息内容", 1, 1, 1, 2);
	assert_cell(&it[2], "件数", 1, 3, 1, 1);
	assert_cell(&it[3], "规章", 2, 1, 2, 1);
	assert_cell(&it[4], "新制", 2, 2, 1, 1);
	assert_cell(&it[5], "5", 2, 3, 1, 1);
	/* The label 规章 spans into row 3: that slot yields nothing. */
	assert_cell(&it[6], "废止", 3, 2, 1, 1);
	assert_cell(&it[7], "0", 3, 3, 1, 1);
	assert_cell(&it[8], "合计", 4, 2, 1, 1);
	assert_cell(&it[9], "5", 4, 3, 1, 1);
	ASSERT_ITEM(&it[10], "后记");
	release(&text, &items);
	free(zip);
}
END_TEST

START_TEST(docx_value_span)
{
	/* A value spanning two rows leaves an empty cell below it when a cell
	 * of the row follows, so that the next value keeps its column. */
	const char *body =
		"<w:tbl><w:tr>" TC("", "甲") TC("<w:vMerge w:val=\"restart\"/>", "0")
		TC("", "1") "</w:tr><w:tr>" TC("", "乙") TC("<w:vMerge/>", "")
		TC("", "2") "</w:tr></w:tbl>";
	size_t len;
	char *zip = make_docx(body, NULL, NULL, &len);
	struct gr_text text;
	struct gr_items items;

	ck_assert_int_eq(read_items(zip, len, 0, &text, &items, NULL), GOVREPORT_OK);
	ck_assert_uint_eq(items.count, 6);
	assert_cell(&items.items[1], "0", 1, 2, 2, 1);
	assert_cell(&items.items[3], "乙", 2, 1, 1, 1);
	assert_cell(&items.items[4], "", 2, 2, 0, 0);
	assert_cell(&items.items[5], "2", 2, 3, 1, 1);
	release(&text, &items);
	free(zip);
}
END_TEST

START_TEST(docx_revisions_fields_controls)
{
	const char *body =
		"<w:p><w:ins w:id=\"1\"><w:r><w:t>保留</w:t></w:r></w:ins>"
		"<w:del w:id=\"2\"><w:r><w:delText>删除</w:delText></w:r></w:del>"
		"<w:r><w:t xml:space=\"preserve\">的文字</w:t></w:r></w:p>"
		"<w:p><w:r><w:t>第</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		"<w:r><w:instrText> PAGE </w:instrText></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>5</w:t></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>页</w:t></w:r></w:p>"
		"<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent>"
		P("控件内容") "</w:sdtContent></w:sdt>"
		"<w:del w:id=\"3\">" P("整段删除") "</w:del>"
		"<w:p><w:r><w:t>上行</w:t><w:br/><w:t>下行</w:t><w:tab/><w:t>尾</w:t></w:r></w:p>";
	size_t len;
	char *zip = make_docx(body, NULL, NULL, &len);
	struct gr_text text;
	struct gr_items items;

	ck_assert_int_eq(read_items(zip, len, 0, &text, &items, NULL), GOVREPORT_OK);
	ck_assert_uint_eq(items.count, 5);
	ASSERT_ITEM(&items.items[0], "保留的文字");
	ASSERT_ITEM(&items.items[1], "第5页");
	ASSERT_ITEM(&items.items[2], "控件内容");
	ASSERT_ITEM(&items.items[3], "上行");
	ASSERT_ITEM(&items.items[4], "下行 尾");
	release(&text, &items);
	free(zip);
}
END_TEST

START_TEST(docx_numbering)
{
	const char *numbering =
		"<w:numbering " W_NS "><w:abstractNum w:abstractNumId=\"0\">"
		"<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>"
		"<w:lvlText w:val=\"%1、\"/></w:lvl>"
		"<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/>"
		"<w:numFmt w:val=\"chineseCountingThousand\"/><w:lvlText w:val=\"（%2）\"/></w:lvl>"
		"<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
		"<w:lvlText w:val=\"%3.\"/></w:lvl></w:abstractNum>"
		"<w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"9\"/>"
		"<w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>"
		"</w:abstractNum>"
		"<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
		"<w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>";
	const char *styles =
		"<w:styles " W_NS "><w:style w:type=\"paragraph\" w:styleId=\"H1\">"
		"<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
		"<w:style w:type=\"paragraph\" w:styleId=\"H1b\"><w:basedOn w:val=\"H1\"/>"
		"</w:style></w:styles>";
#define NP(lvl, id, s) \
	"<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" lvl "\"/><w:numId w:val=\"" id \
	"\"/></w:numPr></w:pPr><w:r><w:t>" s "</w:t></w:r></w:p>"
	const char *body =
		"<w:p><w:pPr><w:pStyle w:val=\"H1\"/></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>"
		NP("1", "1", "主动公开") NP("1", "1", "依申请公开") NP("2", "1", "细目")
		"<w:p><w:pPr><w:pStyle w:val=\"H1b\"/></w:pPr><w:r><w:t>主动公开政府信息情况</w:t>"
		"</w:r></w:p>" NP("1", "1", "又一项") NP("0", "2", "九")
		NP("0", "0", "不编号");
	size_t len;
	char *zip = make_docx(body, numbering, styles, &len);
	struct gr_text text;
	struct gr_items items;

	ck_assert_int_eq(read_items(zip, len, 0, &text, &items, NULL), GOVREPORT_OK);
	ck_assert_uint_eq(items.count, 8);
	ASSERT_ITEM(&items.items[0], "一、总体情况");
	ASSERT_ITEM(&items.items[1], "(一)主动公开");
	ASSERT_ITEM(&items.items[2], "(二)依申请公开");
	ASSERT_ITEM(&items.items[3], "1. 细目");
	ASSERT_ITEM(&items.items[4], "二、主动公开政府信息情况");
	ASSERT_ITEM(&items.items[5], "(一)又一项");
	ASSERT_ITEM(&items.items[6], "九、九");
	ASSERT_ITEM(&items.items[7], "不编号");
	release(&text, &items);
	free(zip);
}
END_TEST

/* Matched as NFKC, kept as printed (SPEC §3): the items read "(一)" and
 * ",", the report's prose keeps the document's "（一）" and "，". */
START_TEST(docx_prose_as_printed)
{
	const char *body = P("一、总体情况") P("2023年，我局（含下属单位）认真贯彻《条例》……")
		P("（一）主动公开。全年公开信息58条；解读3篇。") P("六、其他需要报告的事项")
		P("无。");
	size_t len;
	char *zip = make_docx(body, NULL, NULL, &len);
	struct gr_text text;
	struct gr_items items;
	struct govreport *r = NULL;

	ck_assert_int_eq(read_items(zip, len, 0, &text, &items, NULL), GOVREPORT_OK);
	ASSERT_ITEM(&items.items[1], "2023年,我局(含下属单位)认真贯彻《条例》......");
	ASSERT_ITEM(&items.items[2], "(一)主动公开。全年公开信息58条;解读3篇。");
	release(&text, &items);
	ck_assert_int_eq(govreport_parse(zip, len, 0, &r), GOVREPORT_OK);
	ck_assert_str_eq(govreport_field(r, GOVREPORT_FIELD_OVERVIEW),
			 "2023年，我局（含下属单位）认真贯彻《条例》……\n"
			 "（一）主动公开。全年公开信息58条；解读3篇。");
	govreport_free(r);
	free(zip);
}
END_TEST

START_TEST(odt_grid_and_lists)
{
	const char *content =
		"<office:document-content "
		"xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
		"xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
		"xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\">"
		"<office:body><office:text>"
		"<text:h>一、总体<text:s text:c=\"3\"/>情况</text:h>"
		"<text:list><text:list-item><text:number>（一）</text:number>"
		"<text:p>列表项</text:p></text:list-item></text:list>"
		"<table:table><table:table-column table:number-columns-repeated=\"3\"/>"
		"<table:table-header-rows><table:table-row>"
		"<table:table-cell table:number-columns-spanned=\"2\"><text:p>信息内容</text:p>"
		"</table:table-cell><table:covered-table-cell/>"
		"<table:table-cell><text:p>件数</text:p></table:table-cell>"
		"</table:table-row></table:table-header-rows>"
		"<table:table-row><table:table-cell table:number-rows-spanned=\"2\">"
		"<text:p>规章</text:p></table:table-cell>"
		"<table:table-cell table:number-columns-repeated=\"2\"><text:p>0</text:p>"
		"</table:table-cell></table:table-row>"
		"<table:table-row table:number-rows-repeated=\"1000000\"><table:covered-table-cell/>"
		"<table:table-cell><text:p>废止</text:p></table:table-cell>"
		"<table:table-cell><text:p>1</text:p></table:table-cell></table:table-row>"
		"</table:table><text:p>尾<text:line-break/>声</text:p>"
		"<text:tracked-changes><text:changed-region><text:deletion><text:p>删</text:p>"
		"</text:deletion></text:changed-region></text:tracked-changes>"
		"</office:text></office:body></office:document-content>";
	struct test_zip_entry e[] = {
		{ "mimetype", ODT_MIMETYPE, strlen(ODT_MIMETYPE), 1 },
		{ "content.xml", content, strlen(content), 0 },
	};
	size_t len;
	char *zip = make_zip(e, 2, &len);
	struct gr_text text;
	struct gr_items items;
	const char *used;
	const struct gr_item *it;

	ck_assert_int_eq(read_items(zip, len, 0, &text, &items, &used), GOVREPORT_OK);
	ck_assert_str_eq(used, "odt");
	it = items.items;
	ASSERT_ITEM(&it[0], "一、总体 情况");
	ASSERT_ITEM(&it[1], "(一) 列表项");
	assert_cell(&it[2], "信息内容", 1, 1, 1, 2);
	assert_cell(&it[3], "件数", 1, 3, 1, 1);
	assert_cell(&it[4], "规章", 2, 1, 2, 1);
	assert_cell(&it[5], "0", 2, 2, 1, 1);
	assert_cell(&it[6], "0", 2, 3, 1, 1);
	assert_cell(&it[7], "废止", 3, 2, 1, 1);
	assert_cell(&it[8], "1", 3, 3, 1, 1);
	/* The repeated row: at most GR_ODT_MAX_REPEAT (100) copies. */
	ck_assert_uint_eq(items.count, 9 + 99 * 2 + 2);
	ASSERT_ITEM(&it[items.count - 2], "尾");
	ASSERT_ITEM(&it[items.count - 1], "声");
	release(&text, &items);
	free(zip);
}
END_TEST

static enum govreport_status
parse_status(const char *data, size_t len, size_t limit)
{
	struct govreport *r = NULL;
	enum govreport_status st = govreport_parse_limited(data, len, 0, limit, &r);

	if (st == GOVREPORT_OK)
		ck_assert_ptr_nonnull(r);
	else
		ck_assert_ptr_null(r);
	govreport_free(r);
	return st;
}

START_TEST(zip_bomb)
{
	/* 32 MiB of zeros deflate to ~32 KiB: a ratio of 1000:1, refused
	 * before a byte is inflated. */
	size_t big = (size_t)32 << 20, len;
	char *zeros = calloc(1, big);
	struct test_zip_entry e[] = { { "word/document.xml", zeros, big, 0 } };
	char *zip = make_zip(e, 1, &len);

	ck_assert_uint_lt(len, big / 100);
	ck_assert_int_eq(parse_status(zip, len, 0), GOVREPORT_ERR_LIMIT);
	/* Under a smaller input limit, the size alone refuses it. */
	ck_assert_int_eq(parse_status(zip, len, 1 << 20), GOVREPORT_ERR_INPUT_TOO_LARGE);
	free(zip);
	free(zeros);
}
END_TEST

/* Little-endian 32-bit store. */
static void
put32(char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (char)(v >> (8 * i));
}

START_TEST(zip_lying_size)
{
	/* An entry whose headers claim 100 bytes but that inflates to 1 MiB:
	 * read no further than the claim, and refused. */
	size_t big = (size_t)1 << 20, len;
	char *zeros = calloc(1, big);
	struct test_zip_entry e[] = { { "word/document.xml", zeros, big, 0 } };
	char *zip = make_zip(e, 1, &len);

	ck_assert_int_eq(memcmp(zip, "PK\3\4", 4), 0);
	put32(zip + 22, 100); /* local header: uncompressed size */
	for (size_t i = 0; i + 46 < len; i++)
		if (memcmp(zip + i, "PK\1\2", 4) == 0)
			put32(zip + i + 24, 100); /* central directory */
	ck_assert_int_eq(parse_status(zip, len, 0), GOVREPORT_ERR_INPUT_NOT_TEXT);
	free(zip);
	free(zeros);
}
END_TEST

START_TEST(zip_too_many_entries)
{
	size_t n = GR_ZIP_MAX_ENTRIES + 1, len;
	struct test_zip_entry *e = calloc(n, sizeof(*e));
	char (*names)[16] = calloc(n, sizeof(*names));
	char *zip;

	e[0] = (struct test_zip_entry){ "word/document.xml", P("x"), strlen(P("x")), 1 };
	for (size_t i = 1; i < n; i++) {
		snprintf(names[i], sizeof(names[i]), "f%zu", i);
		e[i] = (struct test_zip_entry){ names[i], "", 1, 1 };
	}
	zip = make_zip(e, n, &len);
	ck_assert_int_eq(parse_status(zip, len, 0), GOVREPORT_ERR_LIMIT);
	free(zip);
	free(names);
	free(e);
}
END_TEST

START_TEST(not_a_zip)
{
	/* The zip magic and the name, but no archive. */
	static const char fake[] = "PK\3\4 word/document.xml and nothing that is a zip at all";
	static const char binary[] = "\x01\x02\x03\x00\xff\xfe garbage \x00\x00";

	ck_assert_int_eq(parse_status(fake, sizeof(fake) - 1, 0), GOVREPORT_ERR_INPUT_NOT_TEXT);
	ck_assert_int_eq(parse_status(binary, sizeof(binary) - 1, 0),
			 GOVREPORT_ERR_INPUT_NOT_TEXT);
}
END_TEST

/* The canonical JSON of a report parsed from `data` with `flags`, or NULL
 * with *status set when the parse fails. */
static char *
json_of(const char *data, size_t len, unsigned flags, enum govreport_status *status)
{
	struct govreport *r = NULL;
	char *json = NULL;
	size_t json_len;

	*status = govreport_parse(data, len, flags, &r);
	if (*status == GOVREPORT_OK)
		ck_assert_int_eq(govreport_to_json(r, 0, &json, &json_len), GOVREPORT_OK);
	govreport_free(r);
	return json;
}

/* A file named by its own flag reads as when it is detected; named as
 * another shape it is refused, and two shapes at once are an error. */
static void
assert_named_format(const char *path, unsigned own, unsigned other)
{
	char *full = test_data_path(path);
	size_t len;
	char *data = test_read_file(full, &len);
	enum govreport_status st;
	char *detected = json_of(data, len, 0, &st);
	char *named = json_of(data, len, own, &st);

	ck_assert_int_eq(st, GOVREPORT_OK);
	ck_assert_ptr_nonnull(detected);
	ck_assert_str_eq(named, detected);
	ck_assert_ptr_null(json_of(data, len, other, &st));
	ck_assert_int_eq(st, GOVREPORT_ERR_INPUT_NOT_TEXT);
	ck_assert_ptr_null(json_of(data, len, GOVREPORT_FORMAT_TEXT, &st));
	ck_assert_int_eq(st, GOVREPORT_ERR_INPUT_NOT_TEXT);
	ck_assert_ptr_null(json_of(data, len, own | other, &st));
	ck_assert_int_eq(st, GOVREPORT_ERR_ARGUMENT);
	/* A text named as the file: not a zip. */
	ck_assert_ptr_null(json_of("一、总体情况", strlen("一、总体情况"), own, &st));
	ck_assert_int_eq(st, GOVREPORT_ERR_INPUT_NOT_TEXT);
	free(named);
	free(detected);
	free(data);
	free(full);
}

START_TEST(named_formats)
{
	assert_named_format("input/docx/001-simplified/input.docx", GOVREPORT_FORMAT_DOCX,
			    GOVREPORT_FORMAT_ODT);
	assert_named_format("input/odt/001-simplified/input.odt", GOVREPORT_FORMAT_ODT,
			    GOVREPORT_FORMAT_DOCX);
}
END_TEST

START_TEST(word97_doc)
{
	char doc[512] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

	ck_assert_int_eq(parse_status(doc, sizeof(doc), 0), GOVREPORT_ERR_INPUT_UNSUPPORTED);
	ck_assert_ptr_nonnull(strstr(govreport_status_str(GOVREPORT_ERR_INPUT_UNSUPPORTED),
				     "docx"));
	ck_assert_str_ne(govreport_status_str(GOVREPORT_ERR_INPUT_NO_TEXT), "unknown status");
}
END_TEST

START_TEST(truncated_zip)
{
	size_t len;
	char *zip = make_docx(P("一、总体情况") P("正文"), NULL, NULL, &len);

	ck_assert_int_eq(parse_status(zip, len, 0), GOVREPORT_OK);
	for (size_t cut = 1; cut < 5; cut++)
		ck_assert_int_eq(parse_status(zip, len * cut / 5, 0),
				 GOVREPORT_ERR_INPUT_NOT_TEXT);
	free(zip);
}
END_TEST

START_TEST(xml_with_dtd)
{
	/* No DTD and no entities in an OOXML part (billion laughs). */
	const char *doc =
		"<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">"
		"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
		"<w:document " W_NS "><w:body>" P("&b;") "</w:body></w:document>";
	struct test_zip_entry e[] = { { "word/document.xml", doc, strlen(doc), 0 } };
	size_t len;
	char *zip = make_zip(e, 1, &len);

	ck_assert_int_eq(parse_status(zip, len, 0), GOVREPORT_ERR_INPUT_NOT_TEXT);
	free(zip);
}
END_TEST

START_TEST(deep_nesting)
{
	/* Tables nested 300 deep: libxml2 stops at 256 levels; refused, no
	 * stack exhaustion. */
	size_t depth = 300, len;
	char *body = malloc(depth * 50 + 64), *p = body, *zip;

	for (size_t i = 0; i < depth; i++)
		p += sprintf(p, "<w:tbl><w:tr><w:tc>");
	p += sprintf(p, P("深"));
	for (size_t i = 0; i < depth; i++)
		p += sprintf(p, "</w:tc></w:tr></w:tbl>");
	zip = make_docx(body, NULL, NULL, &len);
	ck_assert_int_ne(parse_status(zip, len, 0), GOVREPORT_OK);
	free(zip);
	free(body);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("docx");
	TCase *tc = tcase_create("docx");
	TCase *hostile = tcase_create("hostile");

	if (!gr_docfile_available()) {
		/* Recognised and refused without the reader. */
		char doc[64] = "PK\3\4 word/document.xml";
		struct govreport *r = NULL;
		return govreport_parse(doc, sizeof(doc), 0, &r) ==
				       GOVREPORT_ERR_INPUT_UNSUPPORTED
			       ? 0
			       : 1;
	}
	tcase_add_test(tc, docx_grid);
	tcase_add_test(tc, docx_value_span);
	tcase_add_test(tc, docx_revisions_fields_controls);
	tcase_add_test(tc, docx_numbering);
	tcase_add_test(tc, docx_prose_as_printed);
	tcase_add_test(tc, odt_grid_and_lists);
	tcase_add_test(tc, named_formats);
	tcase_add_test(hostile, zip_bomb);
	tcase_add_test(hostile, zip_lying_size);
	tcase_add_test(hostile, zip_too_many_entries);
	tcase_add_test(hostile, not_a_zip);
	tcase_add_test(hostile, word97_doc);
	tcase_add_test(hostile, truncated_zip);
	tcase_add_test(hostile, xml_with_dtd);
	tcase_add_test(hostile, deep_nesting);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, hostile);
	return test_run_suite(s);
}
