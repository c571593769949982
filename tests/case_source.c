/* A case's expected.json against the report its input was made from; see
 * case_source.h. The files are trusted test data, read with yajl's tree
 * API rather than with the library under test. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <check.h>
#include <yajl/yajl_tree.h>

#include "case_source.h"
#include "testutil.h"

static void __attribute__((format(printf, 2, 3)))
finding(struct case_findings *out, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (out->count++ >= 24 || out->len + 300 > sizeof(out->text))
		return;
	va_start(ap, fmt);
	n = vsnprintf(out->text + out->len, sizeof(out->text) - out->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		out->len += (size_t)n < sizeof(out->text) - out->len ? (size_t)n
								: sizeof(out->text) - out->len - 1;
	if (out->len + 1 < sizeof(out->text)) {
		out->text[out->len++] = '\n';
		out->text[out->len] = '\0';
	}
}

static yajl_val
member(yajl_val object, const char *key)
{
	if (!object || !YAJL_IS_OBJECT(object))
		return NULL;
	for (size_t i = 0; i < object->u.object.len; i++)
		if (strcmp(object->u.object.keys[i], key) == 0)
			return object->u.object.values[i];
	return NULL;
}

/* A table of the canonical JSON: an object of rows, each an object. */
static int
is_table(yajl_val v)
{
	if (!v || !YAJL_IS_OBJECT(v) || v->u.object.len == 0)
		return 0;
	for (size_t i = 0; i < v->u.object.len; i++)
		if (!YAJL_IS_OBJECT(v->u.object.values[i]))
			return 0;
	return 1;
}

const char *
case_json_show(yajl_val v, char *buf, size_t size)
{
	if (!v)
		return "(absent)";
	if (YAJL_IS_NULL(v))
		return "null";
	if (YAJL_IS_NUMBER(v))
		return YAJL_GET_NUMBER(v);
	if (YAJL_IS_STRING(v)) {
		snprintf(buf, size, "\"%.80s\"", v->u.string);
		return buf;
	}
	return YAJL_IS_OBJECT(v) ? "an object" : "an array";
}

/* Same value; numbers as written (12.3456 is not 12.34560). */
static int
same(yajl_val a, yajl_val b)
{
	if (!a || !b)
		return a == b;
	if (YAJL_IS_NULL(a) || YAJL_IS_NULL(b))
		return YAJL_IS_NULL(a) && YAJL_IS_NULL(b);
	if (YAJL_IS_NUMBER(a) && YAJL_IS_NUMBER(b))
		return strcmp(YAJL_GET_NUMBER(a), YAJL_GET_NUMBER(b)) == 0;
	if (YAJL_IS_STRING(a) && YAJL_IS_STRING(b))
		return strcmp(a->u.string, b->u.string) == 0;
	if (YAJL_IS_TRUE(a) || YAJL_IS_FALSE(a))
		return a->type == b->type;
	if (YAJL_IS_OBJECT(a) && YAJL_IS_OBJECT(b)) {
		if (a->u.object.len != b->u.object.len)
			return 0;
		for (size_t i = 0; i < a->u.object.len; i++)
			if (!same(a->u.object.values[i], member(b, a->u.object.keys[i])))
				return 0;
		return 1;
	}
	if (YAJL_IS_ARRAY(a) && YAJL_IS_ARRAY(b)) {
		if (a->u.array.len != b->u.array.len)
			return 0;
		for (size_t i = 0; i < a->u.array.len; i++)
			if (!same(a->u.array.values[i], b->u.array.values[i]))
				return 0;
		return 1;
	}
	return 0;
}

static int
same_or_unnamed(const char *named, const char *id)
{
	return !named || strcmp(named, id) == 0;
}

/* Does a CELL_AMBIGUOUS of the parse cover section.row.column? */
static int
is_ambiguous(const struct govreport *parsed, const char *section, const char *row,
	     const char *column)
{
	for (size_t i = 0; i < govreport_diag_count(parsed); i++) {
		const char *code = govreport_diag_code(parsed, i);
		const char *s = govreport_diag_section(parsed, i);
		if (code && strcmp(code, "CELL_AMBIGUOUS") == 0 && s && strcmp(s, section) == 0 &&
		    same_or_unnamed(govreport_diag_row(parsed, i), row) &&
		    same_or_unnamed(govreport_diag_column(parsed, i), column))
			return 1;
	}
	return 0;
}

/* One cell: `want` from expected.json (NULL when its table is null),
 * `was` from source.json. */
static void
check_cell(struct case_findings *out, const struct govreport *parsed, const char *section,
	   const char *row, const char *column, yajl_val want, yajl_val was)
{
	char a[128], b[128];

	if (want && !YAJL_IS_NULL(want)) {
		if (!same(want, was))
			finding(out, "%s.%s.%s: expected.json has %s, source.json %s", section, row,
				column, case_json_show(want, a, sizeof(a)), case_json_show(was, b, sizeof(b)));
	} else if (was && !YAJL_IS_NULL(was) && !is_ambiguous(parsed, section, row, column)) {
		finding(out, "%s.%s.%s: null in expected.json, %s in source.json, and the parse "
			"has no CELL_AMBIGUOUS for it", section, row, column, case_json_show(was, b, sizeof(b)));
	}
}

/* Every cell of `from` (a table or null) must be in `other` unless
 * `other` is null; `from_name` and `other_name` name the files. */
static void
check_cells_exist(struct case_findings *out, const char *section, yajl_val from,
		  const char *from_name, yajl_val other, const char *other_name)
{
	if (!is_table(from) || !is_table(other))
		return;
	for (size_t r = 0; r < from->u.object.len; r++) {
		const char *row = from->u.object.keys[r];
		yajl_val cells = from->u.object.values[r], others = member(other, row);
		for (size_t c = 0; c < cells->u.object.len; c++)
			if (!member(others, cells->u.object.keys[c]))
				finding(out, "%s.%s.%s: in %s, not in %s", section, row,
					cells->u.object.keys[c], from_name, other_name);
	}
}

static void
check_table(struct case_findings *out, const struct govreport *parsed, const char *section,
	    yajl_val want, yajl_val was)
{
	int want_null = !want || YAJL_IS_NULL(want), was_null = !was || YAJL_IS_NULL(was);

	if ((!want_null && !is_table(want)) || (!was_null && !is_table(was))) {
		finding(out, "%s: a table in one file, something else in the other", section);
		return;
	}
	check_cells_exist(out, section, want, "expected.json", was, "source.json");
	check_cells_exist(out, section, was, "source.json", want, "expected.json");
	/* Each cell of the source; with no table there, each expected one. */
	if (was_null && !want_null) {
		for (size_t r = 0; r < want->u.object.len; r++) {
			yajl_val cells = want->u.object.values[r];
			for (size_t c = 0; c < cells->u.object.len; c++)
				check_cell(out, parsed, section, want->u.object.keys[r],
					   cells->u.object.keys[c], cells->u.object.values[c], NULL);
		}
		return;
	}
	for (size_t r = 0; !was_null && r < was->u.object.len; r++) {
		const char *row = was->u.object.keys[r];
		yajl_val cells = was->u.object.values[r], wanted = member(want, row);
		for (size_t c = 0; c < cells->u.object.len; c++) {
			const char *column = cells->u.object.keys[c];
			yajl_val w = member(wanted, column);
			if (want_null || w)
				check_cell(out, parsed, section, row, column, w,
					   cells->u.object.values[c]);
		}
	}
}

/* A key of either file, once. */
static void
check_key(struct case_findings *out, const struct govreport *parsed, const char *key,
	  yajl_val want, yajl_val was)
{
	char a[128], b[128];

	if (is_table(want) || is_table(was))
		check_table(out, parsed, key, want, was);
	else if (!want && strcmp(key, "text") == 0)
		return; /* expected.json leaves the prose out (SPEC §3) */
	else if (!same(want, was))
		finding(out, "%s: expected.json has %s, source.json %s", key,
			case_json_show(want, a, sizeof(a)), case_json_show(was, b, sizeof(b)));
}

static yajl_val
parse_object(struct case_findings *out, const char *json, const char *name)
{
	char err[256] = "";
	yajl_val v = json ? yajl_tree_parse(json, err, sizeof(err)) : NULL;

	if (!v || !YAJL_IS_OBJECT(v)) {
		finding(out, "%s is not a JSON object: %s", name, err);
		yajl_tree_free(v);
		return NULL;
	}
	return v;
}

unsigned
case_source_check(const struct govreport *parsed, const char *expected_json,
		  const char *source_json, struct case_findings *out)
{
	yajl_val want, was;

	memset(out, 0, sizeof(*out));
	want = parse_object(out, expected_json, "expected.json");
	was = parse_object(out, source_json, "source.json");
	if (want && was) {
		for (size_t i = 0; i < want->u.object.len; i++)
			check_key(out, parsed, want->u.object.keys[i], want->u.object.values[i],
				  member(was, want->u.object.keys[i]));
		for (size_t i = 0; i < was->u.object.len; i++)
			if (!member(want, was->u.object.keys[i]))
				check_key(out, parsed, was->u.object.keys[i], NULL,
					  was->u.object.values[i]);
	}
	yajl_tree_free(want);
	yajl_tree_free(was);
	return out->count;
}

void
case_source_assert(const char *name, const struct govreport *parsed,
		   const char *expected_path, const char *source_path)
{
	struct case_findings *out;
	char *expected, *source;
	unsigned count;

	if (!source_path)
		return;
	/* On the heap: Check's forked tests run on a small stack. */
	out = malloc(sizeof(*out));
	ck_assert_ptr_nonnull(out);
	expected = test_read_file(expected_path, NULL);
	source = test_read_file(source_path, NULL);
	count = case_source_check(parsed, expected, source, out);
	free(expected);
	free(source);
	if (count) {
		char text[sizeof(out->text)];
		memcpy(text, out->text, sizeof(text));
		free(out);
		ck_abort_msg("%s: %u finding(s) against source.json:\n%s", name, count, text);
	}
	free(out);
}
