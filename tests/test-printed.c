/*
 * Punctuation as printed over normalised text (lib/input/printed.c, SPEC §3):
 * the marks decoding makes, a line's stretch printed again, a paragraph a
 * reader joined from several lines, and the pieces that cannot be aligned
 * (printed as normalised, never wrongly).
 */
#include <string.h>

#include "util/alloc.h"
#include "input/grid.h"
#include "input/normalize.h"
#include "input/printed.h"
#include "util/strbuf.h"
#include "testutil.h"
#include "input/text.h"
#include "util/utf8.h"

static void
decode_ok(const char *doc, struct gr_text *t)
{
	ck_assert_int_eq(gr_text_decode(doc, strlen(doc), t), GOVREPORT_OK);
}

/* The printed form of bytes [from, from + len) of line i. */
static char *
printed(const struct gr_text *t, size_t i, size_t from, size_t len)
{
	const struct gr_line *line = &t->lines[i];
	struct gr_item item = gr_item_at(gr_line_text(t, line) + from,
					 len == (size_t)-1 ? line->len - from : len,
					 line->offset, line->number, GR_ITEM_LINE);
	struct gr_strbuf out;

	gr_strbuf_init(&out);
	ck_assert_int_eq(gr_printed_append(t, &item, &out), 0);
	return gr_strbuf_steal(&out, NULL);
}

#define ASSERT_PRINTED(t, i, from, len, expected)                \
	do {                                                       \
		char *s_ = printed(t, i, from, len);               \
		ck_assert_str_eq(s_, expected);                    \
		gr_free(s_);                                       \
	} while (0)

START_TEST(narrowed_and_put_back)
{
	struct gr_text t;

	decode_ok("（一）主动公开。2023年，全年公开58条；解读……\n"
		  "(二)依申请公开,ASCII as printed\n"
		  "区（qū）政府：\xE2\x80\x8B通知！\n",
		  &t);
	/* Matched as NFKC... */
	ck_assert_str_eq(gr_line_text(&t, &t.lines[0]),
			 "(一)主动公开。2023年,全年公开58条;解读......");
	ck_assert_str_eq(gr_line_text(&t, &t.lines[2]), "区政府:通知!");
	/* ...shown as printed, the pinyin residue and the zero-width space
	 * gone all the same. */
	ASSERT_PRINTED(&t, 0, 0, -1, "（一）主动公开。2023年，全年公开58条；解读……");
	ASSERT_PRINTED(&t, 1, 0, -1, "(二)依申请公开,ASCII as printed");
	ASSERT_PRINTED(&t, 2, 0, -1, "区政府：通知！");
	/* A stretch of a line: "一)主动" starts after the bracket. */
	ASSERT_PRINTED(&t, 0, 1, strlen("一)主动"), "一）主动");
	/* A stretch that cuts the first ellipsis keeps its dots, and holds
	 * the second whole. */
	ASSERT_PRINTED(&t, 0, strlen("(一)主动公开。2023年,全年公开58条;解读."), -1, "..…");
	gr_text_release(&t);
}
END_TEST

START_TEST(traditional_and_utf16)
{
	static const char utf8[] = "區（qū）政府：“說明”，見附件……";
	struct gr_text t;
	char utf16[128];
	size_t n = 2;

	decode_ok(utf8, &t);
	ASSERT_PRINTED(&t, 0, 0, -1, "区政府：“说明”，见附件……");
	gr_text_release(&t);
	/* The same in UTF-16LE, decoded unit by unit. */
	utf16[0] = '\xFF';
	utf16[1] = '\xFE';
	for (size_t i = 0; i < sizeof(utf8) - 1;) {
		int32_t c = gr_utf8_next(utf8, sizeof(utf8) - 1, &i);
		utf16[n++] = (char)(c & 0xFF);
		utf16[n++] = (char)(c >> 8);
	}
	ck_assert_int_eq(gr_text_decode(utf16, n, &t), GOVREPORT_OK);
	ASSERT_PRINTED(&t, 0, 0, -1, "区政府：“说明”，见附件……");
	gr_text_release(&t);
}
END_TEST

/* A paragraph a reader joined from wrapped lines into a buffer of its own
 * (pdftotext -layout, pdflayout.c): found again line by line, past page
 * furniture and the indentation. */
START_TEST(joined_pieces)
{
	static const char doc[] = "    今年以来，我局高度重视政务公开，\n"
				  "                 - 3 -\n"
				  "    筹建微信公众号等平台。\n";
	static const char joined[] = "今年以来,我局高度重视政务公开,筹建微信公众号等平台。";
	static const char other[] = "今年以来,他局高度重视政务公开,筹建微信公众号等平台。";
	struct gr_text t;
	struct gr_item item;
	struct gr_strbuf out;

	decode_ok(doc, &t);
	gr_strbuf_init(&out);
	item = gr_item_at(joined, strlen(joined), 0, 1, GR_ITEM_LINE);
	item.column = 5;
	ck_assert_int_eq(gr_printed_append(&t, &item, &out), 0);
	ck_assert_str_eq(out.data, "今年以来，我局高度重视政务公开，筹建微信公众号等平台。");
	/* Text the lines do not hold is left as read. */
	out.len = 0;
	item = gr_item_at(other, strlen(other), 0, 1, GR_ITEM_LINE);
	item.column = 5;
	ck_assert_int_eq(gr_printed_append(&t, &item, &out), 0);
	ck_assert_str_eq(out.data, other);
	gr_strbuf_release(&out);
	gr_text_release(&t);
}
END_TEST

/* What cannot be aligned gets no marks: printed as normalised. */
START_TEST(unaligned_pieces)
{
	struct gr_printed p = { 0 };
	static const char raw[] = "甲，乙";

	/* The normalised text is not what raw normalises to. */
	ck_assert_int_eq(gr_printed_note(&p, raw, strlen(raw), "甲,丙丁", strlen("甲,丙丁"), 0,
					 strlen("甲,丙丁"), 0), 0);
	ck_assert_uint_eq(p.count, 0);
	ck_assert_int_eq(gr_printed_note(&p, raw, strlen(raw), "甲.乙", strlen("甲.乙"), 0,
					 strlen("甲.乙"), 0), 0);
	ck_assert_uint_eq(p.count, 0);
	/* Aligned: the mark, at its offset in the text. */
	ck_assert_int_eq(gr_printed_note(&p, raw, strlen(raw), "甲,乙", strlen("甲,乙"), 0,
					 strlen("甲,乙"), 100), 0);
	ck_assert_uint_eq(p.count, 1);
	ck_assert_uint_eq(p.marks[0].at, 100 + strlen("甲"));
	ck_assert_uint_eq(p.marks[0].cp, 0xFF0C);
	/* A piece trimmed past its mark keeps none of it. */
	ck_assert_int_eq(gr_printed_note(&p, raw, strlen(raw), "甲,乙", strlen("甲,乙"),
					 strlen("甲,"), strlen("乙"), 200), 0);
	ck_assert_uint_eq(p.count, 1);
	gr_printed_release(&p);
	/* Read as NFKC reads it, offsets across printed forms. */
	ck_assert_int_eq(gr_printed_fold(0xFF08), '(');
	ck_assert_int_eq(gr_printed_fold(0x2026), '.');
	ck_assert_int_eq(gr_printed_fold(0xFF10), 0xFF10); /* digits are not kept */
	ck_assert_uint_eq(gr_printed_offset("(一)局", strlen("(一)局"), "（一）局",
					    strlen("（一）局"), strlen("(一)")),
			  strlen("（一）"));
}
END_TEST

/*
 * Decoding notes the marks of a line two ways: the normaliser's fast path
 * as it narrows each character, or (a line it cannot take alone) by
 * aligning the line with what it became. Both give the same marks: each
 * line's, decoded, against gr_printed_note() over the same line.
 */
START_TEST(marks_as_narrowed_equal_marks_aligned)
{
	static const char *const lines[] = {
		"（一）主动公开。2023年，全年公开58条；解读……",
		"依申请公开：新收申请１２件（含补正）！",          /* full-width digits */
		"区（qū）政府：通知，见附件【一】～【二】",        /* pinyin residue */
		"甲\xE2\x80\x8B，乙\x01；丙\t‥丁",                /* invisible, control, tab */
		"區政府：“說明”，見附件……",                      /* traditional */
		"ASCII only, (a) and [b]; nothing kept",
		"＂＃＄％＆＇＊＋－．／＜＝＞＠［＼］＾＿｀｛｜｝～",
	};
	struct gr_strbuf doc;
	struct gr_text t;

	gr_strbuf_init(&doc);
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		gr_strbuf_puts(&doc, lines[i]);
		gr_strbuf_putc(&doc, '\n');
	}
	ck_assert_int_eq(gr_text_decode(doc.data, doc.len, &t), GOVREPORT_OK);
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		const struct gr_line *line = &t.lines[i];
		struct gr_printed aligned = { 0 };
		size_t k = 0, m;
		ck_assert_int_eq(gr_printed_note(&aligned, lines[i], strlen(lines[i]),
						 gr_line_text(&t, line), line->len, 0, line->len,
						 line->start),
				 0);
		while (k < t.printed.count && t.printed.marks[k].at < line->start)
			k++;
		for (m = 0; m < aligned.count; m++, k++) {
			ck_assert_msg(k < t.printed.count, "line %zu: mark %zu missing", i, m);
			ck_assert_uint_eq(t.printed.marks[k].at, aligned.marks[m].at);
			ck_assert_uint_eq(t.printed.marks[k].cp, aligned.marks[m].cp);
		}
		ck_assert_msg(k == t.printed.count ||
				      t.printed.marks[k].at >= line->start + line->len + 1,
			      "line %zu: a mark alignment does not make", i);
		gr_printed_release(&aligned);
	}
	/* Not a test that cannot fail: the lines hold marks. */
	ck_assert_uint_ge(t.printed.count, 40);
	gr_text_release(&t);
	gr_strbuf_release(&doc);
}
END_TEST

/*
 * A reader that builds its text item by item (HTML, .docx) normalises each
 * block with a normaliser that notes the marks, trims it, and keeps the
 * marks of what is left at the item's offset: the same marks as aligning
 * the block as written with what it became, over the trimmed bytes. One
 * block is not all UTF-8 (aligned either way).
 */
START_TEST(marks_of_a_trimmed_block_equal_marks_aligned)
{
	static const char *const blocks[] = {
		"  （一）主动公开，全年公开58条；解读……  ",
		"依申请公开：新收申请１２件（含补正）！",
		"  區政府：“說明”，見附件……",
		"甲，乙\xFF；丙：",
		"……",
		"ASCII only, nothing kept",
	};
	const size_t at = 100;
	struct gr_normalizer *n = gr_normalizer_new();
	struct gr_printed noted = { 0 };
	size_t total = 0;

	ck_assert_ptr_nonnull(n);
	gr_normalizer_note_printed(n, &noted);
	for (size_t i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++) {
		struct gr_printed kept = { 0 }, aligned = { 0 };
		struct gr_strbuf out;
		const char *s;
		size_t len, from;

		gr_strbuf_init(&out);
		gr_strbuf_append(&out, "", 0);
		noted.count = 0;
		ck_assert_int_eq(gr_normalize_utf8(n, blocks[i], strlen(blocks[i]), &out), 0);
		s = out.data;
		len = out.len;
		gr_trim_spaces(&s, &len);
		from = (size_t)(s - out.data);
		ck_assert_int_eq(gr_printed_add_from(&kept, &noted, from, len, at), 0);
		ck_assert_int_eq(gr_printed_note(&aligned, blocks[i], strlen(blocks[i]), out.data,
						 out.len, from, len, at),
				 0);
		ck_assert_uint_eq(kept.count, aligned.count);
		for (size_t m = 0; m < kept.count; m++) {
			ck_assert_uint_eq(kept.marks[m].at, aligned.marks[m].at);
			ck_assert_uint_eq(kept.marks[m].cp, aligned.marks[m].cp);
		}
		total += kept.count;
		gr_printed_release(&kept);
		gr_printed_release(&aligned);
		gr_strbuf_release(&out);
	}
	/* Not a test that cannot fail: the blocks hold marks. */
	ck_assert_uint_ge(total, 15);
	gr_printed_release(&noted);
	gr_normalizer_free(n);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("printed");
	TCase *tc = tcase_create("printed");

	tcase_add_test(tc, narrowed_and_put_back);
	tcase_add_test(tc, traditional_and_utf16);
	tcase_add_test(tc, joined_pieces);
	tcase_add_test(tc, unaligned_pieces);
	tcase_add_test(tc, marks_as_narrowed_equal_marks_aligned);
	tcase_add_test(tc, marks_of_a_trimmed_block_equal_marks_aligned);
	suite_add_tcase(s, tc);
	return test_run_suite(s);
}
