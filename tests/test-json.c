/*
 * JSON in and out: govreport_to_json(), govreport_from_json() and
 * govreport_diagnostics_json(). The round trip must be byte-identical for
 * every output of to_json (canonical and detailed, compact and pretty);
 * malformed input is refused with a message naming the JSON path; the
 * cases live in tests/data/json/invalid/<case>/{input.json,error[,status]}.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "model/diag.h"
#include "govreport.h"
#include "model/report.h"
#include "model/template.h"
#include "cases.h"
#include "testutil.h"

static const unsigned all_json_flags[] = {
	0,
	GOVREPORT_JSON_PRETTY,
	GOVREPORT_JSON_DETAIL,
	GOVREPORT_JSON_DETAIL | GOVREPORT_JSON_PRETTY,
};
#define N_FLAGS (sizeof(all_json_flags) / sizeof(all_json_flags[0]))

/* ---- helpers -------------------------------------------------------------- */

static char *
to_json(const struct govreport *r, unsigned flags, size_t *len)
{
	char *json = NULL;
	size_t n = 0;

	ck_assert_int_eq(govreport_to_json(r, flags, &json, &n), GOVREPORT_OK);
	ck_assert_ptr_nonnull(json);
	ck_assert_uint_eq(strlen(json), n);
	if (len)
		*len = n;
	return json;
}

static struct govreport *
from_json(const char *json, size_t len)
{
	struct govreport *r = NULL;
	char *error = NULL;
	enum govreport_status status = govreport_from_json(json, len, 0, &r, &error);

	ck_assert_msg(status == GOVREPORT_OK, "from_json: %s: %s",
		      govreport_status_str(status), error ? error : "(no message)");
	ck_assert_ptr_null(error);
	ck_assert_ptr_nonnull(r);
	return r;
}

/* to_json(from_json(to_json(r))) == to_json(r), byte for byte. */
static void
assert_round_trip(const struct govreport *r, unsigned flags)
{
	size_t len, len2;
	char *json = to_json(r, flags, &len);
	struct govreport *back = from_json(json, len);
	char *json2 = to_json(back, flags, &len2);

	ck_assert_uint_eq(len, len2);
	ck_assert_msg(memcmp(json, json2, len) == 0,
		      "round trip differs (flags %u):\n%s\n---\n%s", flags, json, json2);
	govreport_string_free(json);
	govreport_string_free(json2);
	govreport_free(back);
}

static void
assert_contains(const char *haystack, const char *needle)
{
	ck_assert_msg(strstr(haystack, needle) != NULL, "\"%s\" not in:\n%s",
		      needle, haystack);
}

static void
assert_starts_with(const char *s, const char *prefix)
{
	ck_assert_msg(strncmp(s, prefix, strlen(prefix)) == 0,
		      "does not start with \"%s\":\n%s", prefix, s);
}

static void
assert_ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	ck_assert_msg(n >= k && strcmp(s + n - k, suffix) == 0,
		      "does not end with \"%s\":\n%s", suffix, s);
}

/* "section.row.column" of a template cell. */
static void
cell_path(const struct gr_cell_ref *ref, char *path, size_t size)
{
	snprintf(path, size, "%s.%s.%s", ref->table->id, ref->row->id,
		 ref->column->id);
}

/*
 * A report with every cell of every table set, through the public setters:
 * counts of both signs, money with 0 to 5 decimal places, and every third
 * cell null with a different state.
 */
static struct govreport *
full_report(enum govreport_template template_id)
{
	static const enum govreport_cell_state null_states[] = {
		GOVREPORT_CELL_MISSING, GOVREPORT_CELL_BLANK, GOVREPORT_CELL_DASH,
		GOVREPORT_CELL_INVALID,
	};
	struct govreport *r;
	const struct gr_template *tpl = gr_template_get(template_id);
	char path[256];
	int64_t n = 0;

	ck_assert_int_eq(govreport_new(template_id, 2022, &r), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_ORGAN, "锦屏县大同乡人民政府"),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_TITLE,
					     "锦屏县大同乡人民政府2022年政府信息公开工作年度报告"),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_PUBLISHED, "2023-01-16"),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_OVERVIEW, "总体情况。"),
			 GOVREPORT_OK);
	for (int s = 0; s < GR_SECTION_COUNT; s++) {
		const struct gr_table *table = gr_table_get(tpl, (enum govreport_section)s);
		for (size_t i = 0; i < table->ncells; i++, n++) {
			struct gr_cell_ref ref;
			ck_assert_int_eq(gr_cell_at(table, i, &ref), 0);
			cell_path(&ref, path, sizeof(path));
			if (n % 3 == 2)
				ck_assert_int_eq(govreport_set_null(r, path, null_states[n % 4]),
						 GOVREPORT_OK);
			else if (ref.column->flags & GR_COL_MONEY)
				ck_assert_int_eq(govreport_set_decimal(r, path, n * 1001,
								       (unsigned)(n % 6)),
						 GOVREPORT_OK);
			else
				ck_assert_int_eq(govreport_set(r, path, n % 5 == 4 ? -n : n * 13),
						 GOVREPORT_OK);
		}
	}
	return r;
}

/* ---- writing -------------------------------------------------------------- */

START_TEST(canonical_order_and_compact)
{
	struct govreport *r;
	char *json;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 0, &r), GOVREPORT_OK);
	json = to_json(r, 0, NULL);
	/* The keys of SPEC §3 in its order; no space anywhere; year 0 is null. */
	assert_starts_with(json,
			   "{\"format\":\"govreport-1\",\"template\":\"2021\",\"year\":null,"
			   "\"organ\":null,\"title\":null,\"published\":null,"
			   "\"text\":{\"overview\":null,\"problems\":null,\"other_matters\":null},"
			   "\"active_disclosure\":{\"rules\":{\"issued\":null,\"repealed\":null,"
			   "\"in_force\":null},\"normative_documents\":{");
	assert_contains(json, "\"applications\":{\"new_received\":{\"natural_person\":null,"
			      "\"commercial\":null,\"research\":null,\"social_welfare\":null,"
			      "\"legal_services\":null,\"other_org\":null,\"total\":null},"
			      "\"carried_over\":{");
	assert_contains(json, "\"other_misc\":{");
	ck_assert_ptr_null(strstr(json, "\"other\":{\"natural_person\""));
	ck_assert_ptr_null(strchr(json, ' '));
	ck_assert_ptr_null(strchr(json, '\n'));
	assert_ends_with(json, "},\"litigation_after_review\":{\"upheld\":null,"
			       "\"corrected\":null,\"other\":null,\"pending\":null,"
			       "\"total\":null}}}");
	govreport_string_free(json);
	govreport_free(r);
}
END_TEST

START_TEST(pretty_indents_two_spaces)
{
	struct govreport *r;
	char *json;
	size_t len;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2019, 2020, &r), GOVREPORT_OK);
	json = to_json(r, GOVREPORT_JSON_PRETTY, &len);
	assert_starts_with(json, "{\n  \"format\": \"govreport-1\",\n  \"template\": \"2019\",\n"
				 "  \"year\": 2020,\n  \"organ\": null,\n");
	assert_contains(json, "\n  \"active_disclosure\": {\n    \"rules\": {\n"
			      "      \"new_made\": null,\n");
	assert_contains(json, "\"procurement\": {\n      \"projects\": null,\n"
			      "      \"amount\": null\n    }\n  },\n");
	assert_ends_with(json, "\n    }\n  }\n}\n");
	ck_assert_uint_eq(len, strlen(json));
	govreport_string_free(json);
	govreport_free(r);
}
END_TEST

START_TEST(round_trip_every_flag)
{
	const enum govreport_template templates[] = { GOVREPORT_TEMPLATE_2019,
						      GOVREPORT_TEMPLATE_2021 };

	for (size_t t = 0; t < 2; t++) {
		struct govreport *full = full_report(templates[t]);
		struct govreport *blank;
		ck_assert_int_eq(govreport_new(templates[t], 0, &blank), GOVREPORT_OK);
		for (size_t f = 0; f < N_FLAGS; f++) {
			assert_round_trip(full, all_json_flags[f]);
			assert_round_trip(blank, all_json_flags[f]);
		}
		govreport_free(full);
		govreport_free(blank);
	}
}
END_TEST

START_TEST(absent_tables_and_no_template)
{
	struct govreport *r = gr_report_new(NULL, 0);
	char *json;

	/* A report whose tables matched no template. */
	ck_assert_ptr_nonnull(r);
	json = to_json(r, 0, NULL);
	assert_contains(json, "\"template\":null,");
	assert_contains(json, "\"active_disclosure\":null,\"applications\":null,"
			      "\"review_litigation\":null}");
	govreport_string_free(json);
	for (size_t f = 0; f < N_FLAGS; f++)
		assert_round_trip(r, all_json_flags[f]);
	govreport_free(r);

	/* One table present, the others absent. */
	r = gr_report_new(gr_template_get(GOVREPORT_TEMPLATE_2021), 2021);
	ck_assert_ptr_nonnull(r);
	ck_assert_int_eq(govreport_set(r, "review_litigation.review.total", 3), GOVREPORT_OK);
	json = to_json(r, 0, NULL);
	assert_contains(json, "\"active_disclosure\":null,\"applications\":null,"
			      "\"review_litigation\":{\"review\":{\"upheld\":null,"
			      "\"corrected\":null,\"other\":null,\"pending\":null,\"total\":3}");
	govreport_string_free(json);
	for (size_t f = 0; f < N_FLAGS; f++)
		assert_round_trip(r, all_json_flags[f]);
	govreport_free(r);
}
END_TEST

START_TEST(money_is_exact)
{
	static const struct {
		int64_t coefficient;
		unsigned scale;
		const char *json;
	} cases[] = {
		{ 123456, 4, "\"amount\":12.3456}" },
		{ 1827190, 0, "\"amount\":1827190}" },
		{ 326815, 5, "\"amount\":3.26815}" },
		{ 5, 2, "\"amount\":0.05}" },
		{ 0, 4, "\"amount\":0.0000}" },
		{ -15, 1, "\"amount\":-1.5}" },
		{ 999999999999999999, 18, "\"amount\":0.999999999999999999}" },
		{ INT64_MIN, 0, "\"amount\":-9223372036854775808}" },
		{ INT64_MAX, 18, "\"amount\":9.223372036854775807}" },
	};
	struct govreport *r, *back;
	int64_t coefficient;
	unsigned scale;
	char *json;
	size_t len;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2019, 2020, &r), GOVREPORT_OK);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_int_eq(govreport_set_decimal(r, "active_disclosure.procurement.amount",
						       cases[i].coefficient, cases[i].scale),
				 GOVREPORT_OK);
		json = to_json(r, 0, &len);
		assert_contains(json, cases[i].json);
		back = from_json(json, len);
		ck_assert_int_eq(govreport_get_decimal(back, "active_disclosure.procurement.amount",
						       &coefficient, &scale, NULL),
				 GOVREPORT_OK);
		ck_assert_int_eq(coefficient, cases[i].coefficient);
		ck_assert_uint_eq(scale, cases[i].scale);
		govreport_string_free(json);
		govreport_free(back);
		for (size_t f = 0; f < N_FLAGS; f++)
			assert_round_trip(r, all_json_flags[f]);
	}
	govreport_free(r);
}
END_TEST

START_TEST(counts_at_the_limits)
{
	struct govreport *r, *back;
	enum govreport_cell_state state;
	int64_t v;
	char *json;
	size_t len;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2019, 2019, &r), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set(r, "active_disclosure.licensing.change", -3), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set(r, "applications.granted.total", INT64_MAX), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set(r, "applications.other.total", INT64_MIN), GOVREPORT_OK);
	json = to_json(r, 0, &len);
	assert_contains(json, "\"licensing\":{\"previous_items\":null,\"change\":-3,");
	assert_contains(json, "\"total\":9223372036854775807}");
	assert_contains(json, "\"total\":-9223372036854775808}");
	back = from_json(json, len);
	ck_assert_int_eq(govreport_get(back, "active_disclosure.licensing.change", &v, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(v, -3);
	ck_assert_int_eq(state, GOVREPORT_CELL_PRESENT);
	ck_assert_int_eq(govreport_get(back, "applications.other.total", &v, NULL), GOVREPORT_OK);
	ck_assert_int_eq(v, INT64_MIN);
	govreport_string_free(json);
	govreport_free(back);
	govreport_free(r);
}
END_TEST

/* Set a cell through the model, as the parser does: any state, line, raw. */
static void
set_cell(struct govreport *r, const char *path, enum govreport_cell_state state,
	 int64_t value, uint32_t line, const char *raw)
{
	struct gr_cell_ref ref;
	struct gr_cell *cell;

	ck_assert_int_eq(gr_cell_find_path(r->tpl, path, &ref), 0);
	cell = gr_report_cell(r, &ref);
	ck_assert_ptr_nonnull(cell);
	if (state == GOVREPORT_CELL_PRESENT || state == GOVREPORT_CELL_INFERRED)
		gr_cell_set_value(cell, value, 0, state);
	else
		gr_cell_set_null(cell, state);
	cell->line = line;
	ck_assert_int_eq(gr_cell_set_raw(cell, raw, raw ? strlen(raw) : 0), 0);
}

START_TEST(every_state_in_detail)
{
	static const struct {
		const char *path;
		enum govreport_cell_state state;
		int64_t value;
		uint32_t line;
		const char *raw;
		const char *json;
	} cells[] = {
		{ "review_litigation.review.upheld", GOVREPORT_CELL_MISSING, 0, 0, NULL,
		  "\"upheld\":{\"value\":null,\"state\":\"missing\",\"line\":null,\"raw\":null}" },
		{ "review_litigation.review.corrected", GOVREPORT_CELL_PRESENT, 41, 41, "41",
		  "\"corrected\":{\"value\":41,\"state\":\"present\",\"line\":41,\"raw\":\"41\"}" },
		{ "review_litigation.review.other", GOVREPORT_CELL_BLANK, 0, 42, "",
		  "\"other\":{\"value\":null,\"state\":\"blank\",\"line\":42,\"raw\":\"\"}" },
		{ "review_litigation.review.pending", GOVREPORT_CELL_DASH, 0, 43, "—",
		  "\"pending\":{\"value\":null,\"state\":\"dash\",\"line\":43,\"raw\":\"—\"}" },
		{ "review_litigation.review.total", GOVREPORT_CELL_INVALID, 0, 44, "若干",
		  "\"total\":{\"value\":null,\"state\":\"invalid\",\"line\":44,\"raw\":\"若干\"}" },
		{ "review_litigation.litigation_direct.total", GOVREPORT_CELL_INFERRED, 7, 0, NULL,
		  "\"total\":{\"value\":7,\"state\":\"inferred\",\"line\":null,\"raw\":null}" },
	};
	struct govreport *r, *back;
	enum govreport_cell_state state;
	const char *raw;
	size_t line, len;
	int64_t v;
	char *json, *canonical;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2021, &r), GOVREPORT_OK);
	for (size_t i = 0; i < sizeof(cells) / sizeof(cells[0]); i++)
		set_cell(r, cells[i].path, cells[i].state, cells[i].value, cells[i].line,
			 cells[i].raw);
	json = to_json(r, GOVREPORT_JSON_DETAIL, &len);
	canonical = to_json(r, 0, NULL);
	for (size_t i = 0; i < sizeof(cells) / sizeof(cells[0]); i++)
		assert_contains(json, cells[i].json);
	/* Canonical JSON has values only: present and inferred. */
	assert_contains(canonical, "\"review\":{\"upheld\":null,\"corrected\":41,\"other\":null,"
				   "\"pending\":null,\"total\":null}");
	assert_contains(canonical, "\"litigation_direct\":{\"upheld\":null,\"corrected\":null,"
				   "\"other\":null,\"pending\":null,\"total\":7}");

	back = from_json(json, len);
	for (size_t i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
		ck_assert_int_eq(govreport_get(back, cells[i].path, &v, &state), GOVREPORT_OK);
		ck_assert_int_eq(state, cells[i].state);
		ck_assert_int_eq(v, cells[i].value);
		ck_assert_int_eq(govreport_get_source(back, cells[i].path, &line, &raw),
				 GOVREPORT_OK);
		ck_assert_uint_eq(line, cells[i].line);
		if (cells[i].raw)
			ck_assert_str_eq(raw, cells[i].raw);
		else
			ck_assert_ptr_null(raw);
	}
	for (size_t f = 0; f < N_FLAGS; f++)
		assert_round_trip(r, all_json_flags[f]);
	govreport_string_free(json);
	govreport_string_free(canonical);
	govreport_free(back);
	govreport_free(r);
}
END_TEST

START_TEST(text_escapes)
{
	const char *overview = "第一行\n\"引号\"\t\\反斜杠/斜杠\x01结束";
	struct govreport *r, *back;
	char *json;
	size_t len;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2023, &r), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_OVERVIEW, overview), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_OTHER_MATTERS, "无。"),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_ORGAN, "伊州区民政局"),
			 GOVREPORT_OK);
	json = to_json(r, 0, &len);
	/* CJK as UTF-8, never \u escapes; the solidus unescaped. */
	assert_contains(json, "\"text\":{\"overview\":\"第一行\\n\\\"引号\\\"\\t\\\\反斜杠/斜杠"
			      "\\u0001结束\",\"problems\":null,\"other_matters\":\"无。\"}");
	assert_contains(json, "\"organ\":\"伊州区民政局\"");
	back = from_json(json, len);
	ck_assert_str_eq(govreport_field(back, GOVREPORT_FIELD_OVERVIEW), overview);
	ck_assert_ptr_null(govreport_field(back, GOVREPORT_FIELD_PROBLEMS));
	for (size_t f = 0; f < N_FLAGS; f++)
		assert_round_trip(r, all_json_flags[f]);
	govreport_string_free(json);
	govreport_free(back);
	govreport_free(r);
}
END_TEST

START_TEST(writer_misuse)
{
	struct govreport *r;
	char *json = (char *)"unchanged";
	size_t len = 99;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2021, &r), GOVREPORT_OK);
	ck_assert_int_eq(govreport_to_json(NULL, 0, &json, &len), GOVREPORT_ERR_ARGUMENT);
	ck_assert_ptr_null(json);
	ck_assert_uint_eq(len, 0);
	ck_assert_int_eq(govreport_to_json(r, 0, NULL, NULL), GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_to_json(r, GOVREPORT_LANG_EN, &json, NULL),
			 GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_to_json(r, 1u << 20, &json, NULL), GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_to_json(r, GOVREPORT_JSON_PRETTY, &json, NULL), GOVREPORT_OK);
	govreport_string_free(json);
	ck_assert_int_eq(govreport_diagnostics_json(r, GOVREPORT_JSON_DETAIL, &json, NULL),
			 GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_diagnostics_json(NULL, 0, &json, NULL),
			 GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_diagnostics_json(r, 0, NULL, NULL), GOVREPORT_ERR_ARGUMENT);
	govreport_free(r);
}
END_TEST

/* ---- reading -------------------------------------------------------------- */

static enum govreport_status
read_error(const char *json, struct govreport **r, char **error)
{
	return govreport_from_json(json, strlen(json), 0, r, error);
}

START_TEST(canonical_null_is_missing)
{
	struct govreport *r, *back;
	enum govreport_cell_state state;
	char *json;
	size_t len;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2021, &r), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_null(r, "applications.granted.total", GOVREPORT_CELL_DASH),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_null(r, "applications.granted.research",
					    GOVREPORT_CELL_BLANK), GOVREPORT_OK);
	json = to_json(r, 0, &len);
	back = from_json(json, len);
	/* Canonical JSON does not say why a cell is null: nothing is invented. */
	ck_assert_int_eq(govreport_get(back, "applications.granted.total", NULL, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_MISSING);
	ck_assert_int_eq(govreport_get(back, "applications.granted.research", NULL, &state),
			 GOVREPORT_OK);
	ck_assert_int_eq(state, GOVREPORT_CELL_MISSING);
	govreport_string_free(json);
	govreport_free(back);
	govreport_free(r);
}
END_TEST

/* Replace the first `from` in s by `to` (a malloc'd copy). */
static char *
replace(const char *s, const char *from, const char *to)
{
	const char *at = strstr(s, from);
	size_t head, len;
	char *out;

	ck_assert_ptr_nonnull(at);
	head = (size_t)(at - s);
	len = strlen(s) - strlen(from) + strlen(to);
	out = malloc(len + 1);
	ck_assert_ptr_nonnull(out);
	memcpy(out, s, head);
	strcpy(out + head, to);
	strcat(out, at + strlen(from));
	return out;
}

/* As replace(), freeing s. */
static char *
replace_free(char *s, const char *from, const char *to)
{
	char *out = replace(s, from, to);

	free(s);
	return out;
}

START_TEST(any_key_order_and_optional_keys)
{
	struct govreport *r, *back;
	char *json, *moved, *no_text, *null_text, *again;
	char *error = NULL;
	size_t len;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2019, 2020, &r), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set(r, "applications.other.total", 2), GOVREPORT_OK);
	json = to_json(r, 0, &len);

	/* "template" after the tables: the row ids still resolve. */
	moved = replace(json, "\"template\":\"2019\",", "");
	moved = replace_free(moved, "}}}", "}},\"template\":\"2019\"}");
	back = from_json(moved, strlen(moved));
	again = to_json(back, 0, NULL);
	ck_assert_str_eq(again, json);
	govreport_string_free(again);
	govreport_free(back);

	/* "text" omitted or null: all three null. */
	no_text = replace(json, "\"text\":{\"overview\":null,\"problems\":null,"
				"\"other_matters\":null},", "");
	back = from_json(no_text, strlen(no_text));
	again = to_json(back, 0, NULL);
	ck_assert_str_eq(again, json);
	govreport_string_free(again);
	govreport_free(back);
	null_text = replace(json, "\"text\":{\"overview\":null,\"problems\":null,"
				  "\"other_matters\":null}", "\"text\":null");
	back = from_json(null_text, strlen(null_text));
	govreport_free(back);

	/* A detailed cell may leave out line and raw; cells may mix forms. */
	free(moved);
	moved = replace(json, "\"total\":2}", "\"total\":{\"state\":\"inferred\",\"value\":2}}");
	ck_assert_int_eq(read_error(moved, &back, &error), GOVREPORT_OK);
	ck_assert_ptr_null(error);
	again = to_json(back, 0, NULL);
	ck_assert_str_eq(again, json);
	govreport_string_free(again);
	govreport_free(back);

	free(moved);
	free(no_text);
	free(null_text);
	govreport_string_free(json);
	govreport_free(r);
}
END_TEST

START_TEST(reader_misuse)
{
	struct govreport *r = (struct govreport *)1;
	char *error = (char *)"unchanged";

	ck_assert_int_eq(govreport_from_json(NULL, 0, 0, &r, &error), GOVREPORT_ERR_ARGUMENT);
	ck_assert_ptr_null(r);
	ck_assert_ptr_null(error);
	ck_assert_int_eq(govreport_from_json("{}", 2, 0, NULL, &error), GOVREPORT_ERR_ARGUMENT);
	ck_assert_int_eq(govreport_from_json("{}", 2, GOVREPORT_JSON_DETAIL, &r, &error),
			 GOVREPORT_ERR_ARGUMENT);
	/* The error message is optional. */
	ck_assert_int_eq(govreport_from_json("{}", 2, 0, &r, NULL), GOVREPORT_ERR_JSON);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(govreport_from_json("{}", 2, 0, &r, &error), GOVREPORT_ERR_JSON);
	ck_assert_str_eq(error, "format: missing");
	govreport_string_free(error);
}
END_TEST

/* Keep a file's text up to the end of its first line. */
static void
chomp(char *s)
{
	s[strcspn(s, "\n")] = '\0';
}

/* A case of json/invalid: input.json, the error message it must give,
 * and its status when not GOVREPORT_ERR_JSON. */
static void
check_invalid_case(const struct test_case *c)
{
	const char *name = c->name;
	struct govreport *r = (struct govreport *)1;
	char *input, *expected, *status_name = NULL, *error = NULL;
	enum govreport_status status;
	size_t len;

	ck_assert_msg(c->input && c->error, "%s: a case is input.json and error", name);
	input = test_read_file(c->input, &len);
	expected = test_read_file(c->error, NULL);
	chomp(expected);
	if (c->status) {
		status_name = test_read_file(c->status, NULL);
		chomp(status_name);
	}

	status = govreport_from_json(input, len, 0, &r, &error);
	ck_assert_msg(status != GOVREPORT_OK, "%s: accepted", name);
	ck_assert_str_eq(govreport_status_str(status),
			 status_name ? status_name : "invalid govreport JSON");
	ck_assert_ptr_null(r);
	ck_assert_msg(error && strcmp(error, expected) == 0,
		      "%s:\n  expected: %s\n  got:      %s", name, expected,
		      error ? error : "(none)");
	govreport_string_free(error);
	free(input);
	free(expected);
	free(status_name);
}

/* Every case folder under json/invalid (jansson's layout, cases.h). */
START_TEST(invalid_cases)
{
	const char *root = getenv("GOVREPORT_TEST_DATA");
	struct test_cases cases = { 0 };

	ck_assert_msg(root != NULL, "GOVREPORT_TEST_DATA is not set");
	/* A check that found no case would prove nothing. */
	ck_assert_int_ge(test_cases_add(&cases, root, "json/invalid"), 15);
	for (size_t i = 0; i < cases.count; i++)
		check_invalid_case(&cases.items[i]);
	test_cases_free(&cases);
}
END_TEST

/* ---- limits ------------------------------------------------------------------ */

static char *
nested_arrays(size_t depth)
{
	char *s = malloc(2 * depth + 1);

	ck_assert_ptr_nonnull(s);
	memset(s, '[', depth);
	memset(s + depth, ']', depth);
	s[2 * depth] = '\0';
	return s;
}

START_TEST(deep_nesting_is_refused)
{
	struct govreport *r;
	char *error;
	char *deep = nested_arrays(100000);

	/* Refused without recursion: no stack overflow, whatever the depth. */
	ck_assert_int_eq(read_error(deep, &r, &error), GOVREPORT_ERR_LIMIT);
	ck_assert_ptr_null(r);
	ck_assert_ptr_nonnull(strstr(error, ": nesting deeper than 128 levels"));
	govreport_string_free(error);
	free(deep);

	/* Exactly at the limit the nesting is fine (and the meaning wrong). */
	deep = nested_arrays(GOVREPORT_MAX_JSON_DEPTH);
	ck_assert_int_eq(read_error(deep, &r, &error), GOVREPORT_ERR_JSON);
	ck_assert_str_eq(error, "(root): expected object");
	govreport_string_free(error);
	free(deep);

	deep = nested_arrays(GOVREPORT_MAX_JSON_DEPTH + 1);
	ck_assert_int_eq(read_error(deep, &r, &error), GOVREPORT_ERR_LIMIT);
	govreport_string_free(error);
	free(deep);
}
END_TEST

START_TEST(large_input_is_refused)
{
	struct govreport *r;
	char *error;
	/* Never touched: the size alone is refused, before reading. */
	char *big = malloc(GOVREPORT_MAX_INPUT + 1);

	ck_assert_ptr_nonnull(big);
	ck_assert_int_eq(govreport_from_json(big, GOVREPORT_MAX_INPUT + 1, 0, &r, &error),
			 GOVREPORT_ERR_LIMIT);
	ck_assert_ptr_null(r);
	ck_assert_str_eq(error, "(root): input larger than 67108864 bytes");
	govreport_string_free(error);
	free(big);
}
END_TEST

/* ---- the seeds ------------------------------------------------------------- */

/*
 * The seeds' expected JSON is pretty-printed like ours, without "text":
 * take our pretty output, drop its "text" object, and compare bytes.
 */
static void
drop_text_object(char *json)
{
	char *start = strstr(json, "\n  \"text\": {\n");
	char *end;

	ck_assert_ptr_nonnull(start);
	end = strstr(start, "\n  },");
	ck_assert_ptr_nonnull(end);
	memmove(start, end + strlen("\n  },"), strlen(end + strlen("\n  },")) + 1);
}

static void
check_seed(const char *path)
{
	size_t len, len2;
	char *expected = test_read_file(path, &len);
	struct govreport *r = from_json(expected, len), *again;
	char *pretty = to_json(r, GOVREPORT_JSON_PRETTY, NULL);
	char *compact = to_json(r, 0, &len);

	drop_text_object(pretty);
	ck_assert_msg(strcmp(pretty, expected) == 0, "%s differs:\n%s", path, pretty);
	again = from_json(compact, len);
	govreport_string_free(pretty);
	pretty = to_json(again, 0, &len2);
	ck_assert_str_eq(pretty, compact);
	govreport_string_free(pretty);
	govreport_string_free(compact);
	govreport_free(again);
	govreport_free(r);
	free(expected);
}

START_TEST(seeds_read_and_write_back)
{
	const char *root = getenv("GOVREPORT_TEST_DATA");
	struct test_cases seeds = { 0 };

	ck_assert_msg(root != NULL, "GOVREPORT_TEST_DATA is not set");
	ck_assert_int_ge(test_cases_add(&seeds, root, "seeds"), 5);
	for (size_t i = 0; i < seeds.count; i++) {
		ck_assert_msg(seeds.items[i].expected, "%s: no expected JSON", seeds.items[i].name);
		check_seed(seeds.items[i].expected);
	}
	test_cases_free(&seeds);
}
END_TEST

/* ---- diagnostics ------------------------------------------------------------ */

START_TEST(diagnostics_json)
{
	struct govreport *r;
	struct gr_cell_ref ref;
	struct gr_diag *d;
	char *json;

	ck_assert_int_eq(govreport_new(GOVREPORT_TEMPLATE_2021, 2021, &r), GOVREPORT_OK);
	json = to_json(r, 0, NULL);
	govreport_string_free(json);
	ck_assert_int_eq(govreport_diagnostics_json(r, 0, &json, NULL), GOVREPORT_OK);
	ck_assert_str_eq(json, "{\"diagnostics\":[],\"errors\":0,\"warnings\":0,\"infos\":0}");
	govreport_string_free(json);

	ck_assert_int_eq(gr_cell_find_path(r->tpl, "applications.new_received.total", &ref), 0);
	ck_assert_int_eq(gr_diag_add(&r->diags, GR_CELL_BLANK, NULL, &ref, 41,
				     gr_printf("单元格为空"), gr_printf("cell is blank")), 0);
	d = gr_diag_last(&r->diags);
	d->has_expected = 1;
	d->expected = 5;
	d->has_actual = 1;
	d->actual = -4;
	ck_assert_int_eq(gr_diag_add(&r->diags, GR_ENCODING_GB18030, NULL, NULL, 0,
				     gr_printf("按 GB18030 解码"), gr_printf("decoded as \"GB18030\"")),
			 0);

	ck_assert_int_eq(govreport_diagnostics_json(r, 0, &json, NULL), GOVREPORT_OK);
	ck_assert_str_eq(json,
			 "{\"diagnostics\":["
			 "{\"code\":\"CELL_BLANK\",\"severity\":\"warning\",\"section\":\"applications\","
			 "\"row\":\"new_received\",\"column\":\"total\",\"line\":41,\"expected\":5,"
			 "\"actual\":-4,\"message\":\"单元格为空\"},"
			 "{\"code\":\"ENCODING_GB18030\",\"severity\":\"info\",\"section\":null,"
			 "\"row\":null,\"column\":null,\"line\":null,\"expected\":null,"
			 "\"actual\":null,\"message\":\"按 GB18030 解码\"}],"
			 "\"errors\":0,\"warnings\":1,\"infos\":1}");
	govreport_string_free(json);

	ck_assert_int_eq(govreport_diagnostics_json(r, GOVREPORT_LANG_EN | GOVREPORT_JSON_PRETTY,
						    &json, NULL), GOVREPORT_OK);
	assert_contains(json, "\n      \"message\": \"cell is blank\"\n");
	assert_contains(json, "\"message\": \"decoded as \\\"GB18030\\\"\"\n");
	assert_contains(json, "\n  \"infos\": 1\n}\n");
	govreport_string_free(json);
	govreport_free(r);
}
END_TEST

/* ---- allocation failures ------------------------------------------------------ */

/*
 * Fail the Nth allocation for every N until the call succeeds (libexpat's
 * allocation tests): every failure must be a clean GOVREPORT_ERR_NOMEM with
 * nothing handed out; leaks show under valgrind and ASan. A success counts
 * only if the call never reached the failing allocation: one that was
 * swallowed (yajl's hooks fall back to malloc) must still end in NOMEM.
 */
static enum govreport_status
end_failing(long n)
{
	long made = gr_alloc_count();

	gr_alloc_fail_after(-1);
	return made <= n ? GOVREPORT_OK : GOVREPORT_ERR_NOMEM;
}
START_TEST(allocation_failures)
{
	struct govreport *r = full_report(GOVREPORT_TEMPLATE_2019), *back;
	char *detail, *json, *error;
	size_t len;
	long n;
	enum govreport_status status;

	set_cell(r, "applications.granted.total", GOVREPORT_CELL_INFERRED, 3, 7, "3");
	ck_assert_int_eq(gr_diag_add(&r->diags, GR_CELL_DASH, NULL, NULL, 3,
				     gr_printf("横线"), gr_printf("dash")), 0);
	detail = to_json(r, GOVREPORT_JSON_DETAIL, &len);

	for (n = 0;; n++) {
		gr_alloc_fail_after(n);
		status = govreport_from_json(detail, len, 0, &back, &error);
		if (end_failing(n) == GOVREPORT_OK) {
			ck_assert_int_eq(status, GOVREPORT_OK);
			break;
		}
		ck_assert_int_eq(status, GOVREPORT_ERR_NOMEM);
		ck_assert_ptr_null(back);
		ck_assert_ptr_null(error);
	}
	ck_assert_int_gt(n, 10);
	govreport_free(back);

	for (size_t f = 0; f < N_FLAGS; f++) {
		for (n = 0;; n++) {
			gr_alloc_fail_after(n);
			status = govreport_to_json(r, all_json_flags[f], &json, NULL);
			if (end_failing(n) == GOVREPORT_OK) {
				ck_assert_int_eq(status, GOVREPORT_OK);
				break;
			}
			ck_assert_int_eq(status, GOVREPORT_ERR_NOMEM);
			ck_assert_ptr_null(json);
		}
		ck_assert_int_gt(n, 0);
		govreport_string_free(json);
	}

	for (n = 0;; n++) {
		gr_alloc_fail_after(n);
		status = govreport_diagnostics_json(r, 0, &json, NULL);
		if (end_failing(n) == GOVREPORT_OK) {
			ck_assert_int_eq(status, GOVREPORT_OK);
			break;
		}
		ck_assert_int_eq(status, GOVREPORT_ERR_NOMEM);
		ck_assert_ptr_null(json);
	}
	govreport_string_free(json);
	govreport_string_free(detail);
	govreport_free(r);
}
END_TEST

static Suite *
json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *tc;

	tc = tcase_create("write");
	tcase_add_test(tc, canonical_order_and_compact);
	tcase_add_test(tc, pretty_indents_two_spaces);
	tcase_add_test(tc, round_trip_every_flag);
	tcase_add_test(tc, absent_tables_and_no_template);
	tcase_add_test(tc, money_is_exact);
	tcase_add_test(tc, counts_at_the_limits);
	tcase_add_test(tc, every_state_in_detail);
	tcase_add_test(tc, text_escapes);
	tcase_add_test(tc, writer_misuse);
	suite_add_tcase(s, tc);

	tc = tcase_create("read");
	tcase_add_test(tc, canonical_null_is_missing);
	tcase_add_test(tc, any_key_order_and_optional_keys);
	tcase_add_test(tc, reader_misuse);
	tcase_add_test(tc, invalid_cases);
	suite_add_tcase(s, tc);

	tc = tcase_create("limits");
	tcase_add_test(tc, deep_nesting_is_refused);
	tcase_add_test(tc, large_input_is_refused);
	suite_add_tcase(s, tc);

	tc = tcase_create("seeds");
	tcase_add_test(tc, seeds_read_and_write_back);
	suite_add_tcase(s, tc);

	tc = tcase_create("diagnostics");
	tcase_add_test(tc, diagnostics_json);
	suite_add_tcase(s, tc);

	tc = tcase_create("alloc");
	tcase_add_test(tc, allocation_failures);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(json_suite());
}
