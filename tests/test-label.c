/* Label keys and tolerant matching (lib/tables/label.c). */
#include <string.h>

#include "input/grid.h"
#include "tables/label.h"
#include "testutil.h"

static struct gr_key
key(const char *s)
{
	struct gr_key k;
	gr_key_make(s, strlen(s), &k);
	return k;
}

static const struct gr_row *
app_row(enum govreport_template t, int row)
{
	const struct gr_table *table =
		gr_table_get(gr_template_get(t), GOVREPORT_SECTION_APPLICATIONS);
	for (size_t r = 0; r < table->groups[0].nrows; r++)
		if (table->groups[0].rows[r].row == row)
			return &table->groups[0].rows[r];
	return NULL;
}

static enum gr_match
match(const char *text, int row)
{
	struct gr_key k = key(text);
	struct gr_row_keys keys;

	gr_row_keys_make(app_row(GOVREPORT_TEMPLATE_2021, row), &keys);
	return gr_label_match_row(&k, &keys);
}

START_TEST(keys_drop_numbering_and_punctuation)
{
	struct gr_key a = key("（三）不予公开"), b = key("(三) 不 予 公 开"),
		      c = key("不予公开");
	ck_assert(gr_key_equal(&a, &c));
	ck_assert(gr_key_equal(&b, &c));
	a = key("3.危及“三安全一稳定”");
	b = key("危及三安全一稳定");
	ck_assert(gr_key_equal(&a, &b));
	/* 一是 is not numbering: its 一 stays. */
	a = key("一是加强");
	ck_assert_uint_eq(a.len, 4);
}
END_TEST

START_TEST(numbering)
{
	int value = 0, bracketed = 0;

	ck_assert_uint_eq(gr_numbering("三、本年", strlen("三、本年"), &value, &bracketed),
			  strlen("三、"));
	ck_assert_int_eq(value, 3);
	ck_assert_int_eq(bracketed, 0);
	ck_assert_uint_gt(gr_numbering("(六)其他", strlen("(六)其他"), &value, &bracketed), 0);
	ck_assert_int_eq(value, 6);
	ck_assert_int_eq(bracketed, 1);
	ck_assert_uint_gt(gr_numbering("5、 存在", strlen("5、 存在"), &value, NULL), 0);
	ck_assert_int_eq(value, 5);
	ck_assert_uint_eq(gr_numbering("2023年", strlen("2023年"), NULL, NULL), 0);
	ck_assert_uint_eq(gr_numbering("一是", strlen("一是"), NULL, NULL), 0);
}
END_TEST

START_TEST(rows_match_exactly_with_stub_labels_and_units)
{
	ck_assert_int_eq(match("1.属于国家秘密", GOVREPORT_APP_ROW_DENIED_STATE_SECRET),
			 GR_MATCH_EXACT);
	ck_assert_int_eq(match("(三)不予公开 1.属于国家秘密",
			       GOVREPORT_APP_ROW_DENIED_STATE_SECRET), GR_MATCH_EXACT);
	ck_assert_int_eq(match("三、本年度办理结果 (一)予以公开", GOVREPORT_APP_ROW_GRANTED),
			 GR_MATCH_EXACT);
	ck_assert_int_eq(match("一、本年新收政府信息公开申请数量(件)",
			       GOVREPORT_APP_ROW_NEW_RECEIVED), GR_MATCH_EXACT);
	ck_assert_int_eq(match("(二)部分公开", GOVREPORT_APP_ROW_PARTIALLY_GRANTED),
			 GR_MATCH_EXACT);
	ck_assert_int_eq(match("(七) 总计", GOVREPORT_APP_ROW_TOTAL_PROCESSED), GR_MATCH_EXACT);
}
END_TEST

START_TEST(rows_match_fuzzily_with_typos)
{
	ck_assert_int_eq(match("一、本年新收政府信息公开申清数量",
			       GOVREPORT_APP_ROW_NEW_RECEIVED), GR_MATCH_FUZZY);
	ck_assert_int_eq(match("四、结转下年度继续力理", GOVREPORT_APP_ROW_CARRIED_FORWARD),
			 GR_MATCH_FUZZY);
}
END_TEST

START_TEST(short_labels_are_never_contained)
{
	/* 总计 and 其他 are column headers too: only whole cells count. */
	ck_assert_int_eq(match("总计(件)", GOVREPORT_APP_ROW_TOTAL_PROCESSED), GR_MATCH_NONE);
	ck_assert_int_eq(match("其他结果", GOVREPORT_APP_ROW_OTHER_MISC), GR_MATCH_NONE);
	ck_assert_int_eq(match("3.其他", GOVREPORT_APP_ROW_OTHER_MISC), GR_MATCH_EXACT);
	ck_assert_int_eq(match("(三)不予公开", GOVREPORT_APP_ROW_GRANTED), GR_MATCH_NONE);
}
END_TEST

START_TEST(column_headers)
{
	const struct gr_table *ad = gr_table_get(gr_template_get(GOVREPORT_TEMPLATE_2021),
						 GOVREPORT_SECTION_ACTIVE_DISCLOSURE);
	const struct gr_table *rl = gr_table_get(gr_template_get(GOVREPORT_TEMPLATE_2021),
						 GOVREPORT_SECTION_REVIEW_LITIGATION);
	const struct gr_table *app = gr_table_get(gr_template_get(GOVREPORT_TEMPLATE_2021),
						  GOVREPORT_SECTION_APPLICATIONS);
	struct gr_key k = key("本年度止件数");

	ck_assert_int_eq(gr_label_match_column(&k, &ad->groups[0].columns[1]), GR_MATCH_FUZZY);
	k = key("其结果他"); /* a garble: same characters, other order */
	ck_assert_int_eq(gr_label_match_column(&k, &rl->groups[0].columns[2]), GR_MATCH_FUZZY);
	k = key("社会组织"); /* a variant */
	ck_assert_int_eq(gr_label_match_column(&k, &app->groups[0].columns[3]), GR_MATCH_EXACT);
	k = key("结果维持");
	ck_assert_int_eq(gr_label_match_column(&k, &rl->groups[0].columns[2]), GR_MATCH_NONE);
}
END_TEST

/*
 * The keys gr_item_keys_make() keeps (16 bits a character) are the keys
 * gr_key_make() makes, length, mask and truncation included; a key with a
 * character past U+FFFF (𠀀, U+20000) is made again when asked; empty
 * items, items without Han and items over GOVREPORT_MAX_CELL have none.
 */
START_TEST(kept_keys_are_the_keys_made)
{
	static const char *const texts[] = {
		"（三）不予公开", "本年新制发件数", "", "12", "𠀀县政府信息公开", "—",
		"申请人以政府信息公开名义要求行政机关确认或重新出具已获取信息𠀁",
		"本机关认真贯彻落实中华人民共和国政府信息公开条例依法依规做好政府信息公开"
		"工作主动公开政府信息本机关认真贯彻落实中华人民共和国政府信息公开条例依法",
		"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五"
		"六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
		"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十",
	};
	size_t n = sizeof(texts) / sizeof(texts[0]);
	struct gr_items items = { 0 };
	int remade = 0, long_ones = 0;

	for (size_t i = 0; i < n; i++) {
		struct gr_item item = gr_item_at(texts[i], strlen(texts[i]), 0,
						 (uint32_t)i + 1, GR_ITEM_LINE);
		ck_assert_ptr_nonnull(gr_items_append(&items, &item));
	}
	ck_assert_int_eq(gr_item_keys_make(&items), 0);
	for (size_t i = 0; i < n; i++) {
		struct gr_key kept, made;
		size_t len;
		uint64_t mask;
		int has = gr_item_key(&items, i, &kept);
		int fits = strlen(texts[i]) <= GOVREPORT_MAX_CELL;
		gr_key_make(texts[i], strlen(texts[i]), &made);
		ck_assert_int_eq(has, fits && made.len > 0);
		ck_assert_int_eq(gr_item_key_peek(&items, i, &len, &mask), has);
		if (!has)
			continue;
		ck_assert(gr_key_equal(&kept, &made));
		ck_assert_uint_eq(kept.mask, made.mask);
		ck_assert_int_eq(kept.truncated, made.truncated);
		ck_assert_uint_eq(len, made.len);
		ck_assert_uint_eq(mask, made.mask);
		remade += items.keys[items.key_of[i] - 1].start == GR_KEY_REMADE;
		long_ones += made.len > 40;
	}
	/* The two with 𠀀 and 𠀁 were made again; the key of 72 characters
	 * was kept (the last text, over GOVREPORT_MAX_CELL, has none). */
	ck_assert_int_eq(remade, 2);
	ck_assert_int_eq(long_ones, 1);
	gr_items_release(&items);
}
END_TEST

static Suite *
label_suite(void)
{
	Suite *s = suite_create("label");
	TCase *tc = tcase_create("match");

	tcase_add_test(tc, keys_drop_numbering_and_punctuation);
	tcase_add_test(tc, numbering);
	tcase_add_test(tc, rows_match_exactly_with_stub_labels_and_units);
	tcase_add_test(tc, rows_match_fuzzily_with_typos);
	tcase_add_test(tc, short_labels_are_never_contained);
	tcase_add_test(tc, column_headers);
	suite_add_tcase(s, tc);
	tc = tcase_create("item keys");
	tcase_add_test(tc, kept_keys_are_the_keys_made);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(label_suite());
}
