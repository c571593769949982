/*
 * Round trip of rendering (SPEC §7): for every corpus case and seed, of
 * both templates, parse(render(report)) gives the report back — the same
 * canonical JSON, prose and metadata included — for HTML and Markdown,
 * with the shape detected and with it named. Also reports built through
 * the API, and the blank forms of govreport_new().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "govreport.h"
#include "input/html.h"
#include "testutil.h"

/* corpus/<case> and seeds/<NAME>, by name; built in main(). */
static struct test_cases cases;

static char *
json_of(const struct govreport *r)
{
	char *json = NULL;

	ck_assert_int_eq(govreport_to_json(r, 0, &json, NULL), GOVREPORT_OK);
	return json;
}

static const char *
format_name(enum govreport_render_format format)
{
	switch (format) {
	case GOVREPORT_RENDER_HTML:
		return "HTML";
	case GOVREPORT_RENDER_MARKDOWN:
		return "Markdown";
	case GOVREPORT_RENDER_TEXT:
		return "text";
	default:
		return "?";
	}
}

/* Render r, parse the result with `flags`, and compare the JSON. */
static void
round_trip(const struct govreport *r, enum govreport_render_format format,
	   unsigned flags, const char *name)
{
	struct govreport *back = NULL;
	char *text = NULL, *before = json_of(r), *after;
	size_t len = 0;

	ck_assert_int_eq(govreport_render(r, format, 0, &text, &len), GOVREPORT_OK);
	ck_assert_uint_eq(strlen(text), len);
	if (format == GOVREPORT_RENDER_HTML && !gr_html_available()) {
		test_html_refused(name, text, len);
		govreport_string_free(before);
		govreport_string_free(text);
		return;
	}
	ck_assert_int_eq(govreport_parse(text, len, flags, &back), GOVREPORT_OK);
	after = json_of(back);
	ck_assert_msg(strcmp(before, after) == 0,
		      "%s: %s (flags %#x) does not round-trip:\nbefore %s\nafter  %s",
		      name, format_name(format), flags,
		      before, after);
	govreport_string_free(before);
	govreport_string_free(after);
	govreport_string_free(text);
	govreport_free(back);
}

/* The cells as CSV (section,row,column,value,state), a missing cell
 * counted as blank: no layout tells a cell the document left out from
 * one it left empty, but every one tells a blank from a dash. */
static char *
states_of(const struct govreport *r)
{
	char *csv = NULL, *out, *o;
	size_t len = 0;
	static const char missing[] = ",missing\r\n";

	ck_assert_int_eq(govreport_render(r, GOVREPORT_RENDER_CSV, 0, &csv, &len), GOVREPORT_OK);
	out = malloc(len + 1);
	ck_assert_ptr_nonnull(out);
	o = out;
	for (const char *p = csv; *p;) {
		if (strncmp(p, missing, sizeof(missing) - 1) == 0) {
			memcpy(o, ",blank\r\n", 8);
			o += 8;
			p += sizeof(missing) - 1;
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	govreport_string_free(csv);
	return out;
}

/* Render r as plain text, parse it: the same JSON, and the same state
 * of every cell (blank and dash apart). */
static void
text_round_trip(const struct govreport *r, const char *name)
{
	struct govreport *back = NULL;
	char *text = NULL, *before = json_of(r), *after, *states_before = states_of(r),
	     *states_after;
	size_t len = 0;

	ck_assert_int_eq(govreport_render(r, GOVREPORT_RENDER_TEXT, 0, &text, &len), GOVREPORT_OK);
	ck_assert_int_eq(govreport_parse(text, len, 0, &back), GOVREPORT_OK);
	after = json_of(back);
	states_after = states_of(back);
	ck_assert_msg(strcmp(before, after) == 0,
		      "%.200s: text does not round-trip:\nbefore %.1500s\nafter  %.1500s", name,
		      before, after);
	ck_assert_msg(strcmp(states_before, states_after) == 0,
		      "%.200s: cell states do not round-trip through text:\nbefore %.1500s\nafter  %.1500s",
		      name, states_before, states_after);
	govreport_string_free(before);
	govreport_string_free(after);
	govreport_string_free(text);
	free(states_before);
	free(states_after);
	govreport_free(back);
}

START_TEST(corpus_round_trip)
{
	size_t len;
	char *data = test_read_file(cases.items[_i].input, &len);
	struct govreport *r = NULL;

	ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
	free(data);
	round_trip(r, GOVREPORT_RENDER_HTML, 0, cases.items[_i].input);
	round_trip(r, GOVREPORT_RENDER_HTML, GOVREPORT_FORMAT_HTML, cases.items[_i].input);
	round_trip(r, GOVREPORT_RENDER_MARKDOWN, 0, cases.items[_i].input);
	round_trip(r, GOVREPORT_RENDER_MARKDOWN, GOVREPORT_FORMAT_TEXT, cases.items[_i].input);
	round_trip(r, GOVREPORT_RENDER_TEXT, 0, cases.items[_i].input);
	round_trip(r, GOVREPORT_RENDER_TEXT, GOVREPORT_FORMAT_TEXT, cases.items[_i].input);
	text_round_trip(r, cases.items[_i].input);
	govreport_free(r);
}
END_TEST

/*
 * Issue 15 item 5: plain text with blank cells reads back with every value
 * in its column. Each corpus report with every k-th cell made blank (and
 * some of those a dash instead), k = 2, 3, 5, rendered as text and parsed.
 */
START_TEST(text_blanks_round_trip)
{
	static const int ks[] = { 2, 3, 5 };
	size_t len;
	char *data = test_read_file(cases.items[_i].input, &len);

	for (size_t t = 0; t < sizeof(ks) / sizeof(ks[0]); t++) {
		struct govreport *r = NULL;
		char *csv = NULL, *line, *save = NULL, name[1024];
		size_t clen, idx = 0;

		ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
		ck_assert_int_eq(govreport_render(r, GOVREPORT_RENDER_CSV, 0, &csv, &clen),
				 GOVREPORT_OK);
		line = strtok_r(csv, "\r\n", &save); /* the header line */
		while ((line = strtok_r(NULL, "\r\n", &save)) != NULL) {
			char path[256];
			char *c1 = strchr(line, ','), *c2 = c1 ? strchr(c1 + 1, ',') : NULL,
			     *c3 = c2 ? strchr(c2 + 1, ',') : NULL;
			if (!c3 || idx++ % (size_t)ks[t] != 0)
				continue;
			*c1 = *c2 = '.';
			*c3 = '\0';
			snprintf(path, sizeof(path), "%s", line);
			ck_assert_int_eq(govreport_set_null(r, path, idx % 7 == 0 ? GOVREPORT_CELL_DASH
										 : GOVREPORT_CELL_BLANK),
					 GOVREPORT_OK);
		}
		govreport_string_free(csv);
		snprintf(name, sizeof(name), "%s, every %dth cell blank", cases.items[_i].input, ks[t]);
		text_round_trip(r, name);
		govreport_free(r);
	}
	free(data);
}
END_TEST

START_TEST(corpus_found)
{
	ck_assert_msg(cases.count >= 50, "only %zu corpus inputs", cases.count);
}
END_TEST

/* A report made through the API, with figures, dashes, blanks, money. */
START_TEST(api_report_round_trip)
{
	static const enum govreport_template tpls[] = { GOVREPORT_TEMPLATE_2019,
							GOVREPORT_TEMPLATE_2021 };

	for (size_t t = 0; t < 2; t++) {
		struct govreport *r = NULL;
		int64_t n = 1;
		ck_assert_int_eq(govreport_new(tpls[t], tpls[t] == GOVREPORT_TEMPLATE_2019 ? 2020 : 2023,
					       &r), GOVREPORT_OK);
		ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_ORGAN, "某某县人民政府办公室"),
				 GOVREPORT_OK);
		ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_PUBLISHED, "2024-01-20"),
				 GOVREPORT_OK);
		ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_OVERVIEW,
						     "第一段 <b>&amp;</b>  两个空格。\n第二段。"),
				 GOVREPORT_OK);
		ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_PROBLEMS, "问题。"),
				 GOVREPORT_OK);
		ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_OTHER_MATTERS, "无。"),
				 GOVREPORT_OK);
		for (int row = GOVREPORT_APP_ROW_NEW_RECEIVED; row <= GOVREPORT_APP_ROW_CARRIED_FORWARD; row++)
			for (int col = 0; col <= GOVREPORT_APP_COL_TOTAL; col++)
				govreport_app_set(r, (enum govreport_app_row)row,
						  (enum govreport_app_column)col, n++ % 97);
		for (int row = 0; row <= GOVREPORT_RL_ROW_LITIGATION_AFTER_REVIEW; row++)
			for (int col = 0; col <= GOVREPORT_RL_COL_TOTAL; col++)
				ck_assert_int_eq(govreport_rl_set(r, (enum govreport_rl_row)row,
								  (enum govreport_rl_column)col,
								  n++ % 13), GOVREPORT_OK);
		ck_assert_int_eq(govreport_set_decimal(r, tpls[t] == GOVREPORT_TEMPLATE_2019
							       ? "active_disclosure.procurement.amount"
							       : "active_disclosure.fees.amount",
						       123456, 4), GOVREPORT_OK);
		ck_assert_int_eq(govreport_set(r, "active_disclosure.licensing.decisions", 17),
				 GOVREPORT_OK);
		/* A blank and a dash in the middle of rows stay null. */
		ck_assert_int_eq(govreport_set_null(r, "applications.granted.research",
						    GOVREPORT_CELL_BLANK), GOVREPORT_OK);
		ck_assert_int_eq(govreport_set_null(r, "applications.carried_over.commercial",
						    GOVREPORT_CELL_DASH), GOVREPORT_OK);
		round_trip(r, GOVREPORT_RENDER_HTML, 0, "api report");
		round_trip(r, GOVREPORT_RENDER_MARKDOWN, 0, "api report");
		round_trip(r, GOVREPORT_RENDER_TEXT, 0, "api report");
		text_round_trip(r, "api report");
		govreport_free(r);
	}
}
END_TEST

/* The blank form: every label of the template, no figure; read back it
 * is a report of that template whose tables 二 and 三 hold nothing. */
START_TEST(blank_form)
{
	static const enum govreport_template tpls[] = { GOVREPORT_TEMPLATE_2019,
							GOVREPORT_TEMPLATE_2021 };

	for (size_t t = 0; t < 2; t++) {
		struct govreport *r = NULL, *back = NULL;
		char *html = NULL;
		size_t len;
		int64_t v;
		enum govreport_cell_state state;

		ck_assert_int_eq(govreport_new(tpls[t], 0, &r), GOVREPORT_OK);
		ck_assert_int_eq(govreport_render(r, GOVREPORT_RENDER_HTML, 0, &html, &len),
				 GOVREPORT_OK);
		ck_assert_ptr_nonnull(strstr(html, "结转下年度继续办理"));
		ck_assert_ptr_nonnull(strstr(html, "复议后起诉"));
		ck_assert_ptr_null(strstr(html, ">0<"));
		if (!gr_html_available()) {
			test_html_refused("blank_form: the form read back", html, len);
			govreport_string_free(html);
			govreport_free(r);
			continue;
		}
		ck_assert_int_eq(govreport_parse(html, len, 0, &back), GOVREPORT_OK);
		ck_assert_int_eq(govreport_template(back), tpls[t]);
		ck_assert_int_eq(govreport_get(back, "applications.new_received.total", &v, &state),
				 GOVREPORT_OK);
		ck_assert_int_eq(state, GOVREPORT_CELL_BLANK);
		ck_assert_int_eq(govreport_get(back, "active_disclosure.rules.in_force", &v, &state),
				 tpls[t] == GOVREPORT_TEMPLATE_2021 ? GOVREPORT_OK
								  : GOVREPORT_ERR_NOT_FOUND);
		govreport_string_free(html);
		govreport_free(back);
		govreport_free(r);
	}
}
END_TEST

int
main(void)
{
	const char *root = getenv("GOVREPORT_TEST_DATA");
	Suite *s = suite_create("roundtrip");
	TCase *tc = tcase_create("render-parse");
	int status;

	if (root && (test_cases_add(&cases, root, "corpus") < 0 ||
		     test_cases_add(&cases, root, "seeds") < 0)) {
		perror(root);
		return EXIT_FAILURE;
	}
	tcase_add_test(tc, corpus_found);
	tcase_add_test(tc, api_report_round_trip);
	tcase_add_test(tc, blank_form);
	if (cases.count) {
		tcase_add_loop_test(tc, corpus_round_trip, 0, (int)cases.count);
		tcase_add_loop_test(tc, text_blanks_round_trip, 0, (int)cases.count);
	}
	suite_add_tcase(s, tc);
	status = test_run_suite(s);
	test_cases_free(&cases);
	return status;
}
