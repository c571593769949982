/*
 * Hostile and unusual input (issue 15): nothing lost, nothing moved,
 * nothing injected. Each input is made here from a seed, small enough to
 * run under valgrind and the sanitizers.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>

#include "govreport.h"
#include "testutil.h"

static const char *const t3_columns[] = {
	"natural_person", "commercial", "research", "social_welfare",
	"legal_services", "other_org", "total",
};
#define T3_NCOLUMNS (sizeof(t3_columns) / sizeof(t3_columns[0]))

static char *
read_seed(const char *name, size_t *len)
{
	char rel[128], *path, *data;

	snprintf(rel, sizeof(rel), "seeds/%s.txt", name);
	path = test_data_path(rel);
	data = test_read_file(path, len);
	free(path);
	return data;
}

static struct govreport *
parse_ok(const char *data, size_t len)
{
	struct govreport *r = NULL;

	ck_assert_int_eq(govreport_parse(data, len, 0, &r), GOVREPORT_OK);
	ck_assert_ptr_nonnull(r);
	return r;
}

/* How many diagnostics with this code (and row/column, when not NULL). */
static size_t
count_diags(const struct govreport *r, const char *code, const char *row,
	    const char *column)
{
	size_t n = 0;

	for (size_t i = 0; i < govreport_diag_count(r); i++) {
		const char *dr = govreport_diag_row(r, i);
		const char *dc = govreport_diag_column(r, i);
		if (strcmp(govreport_diag_code(r, i), code) != 0)
			continue;
		if (row && (!dr || strcmp(dr, row) != 0))
			continue;
		if (column && (!dc || strcmp(dc, column) != 0))
			continue;
		n++;
	}
	return n;
}

/*
 * A copy of text with the k-th cell "0" after `label` (a "0" between a
 * space or line break and " |": Markdown pipes and pipe-cell text alike)
 * replaced by `number`.
 */
static char *
replace_cell(const char *text, const char *label, size_t k, const char *number,
	     size_t *out_len)
{
	const char *p = strstr(text, label);
	size_t seen = 0, nlen = strlen(number), tlen = strlen(text);
	char *out;

	ck_assert_ptr_nonnull(p);
	for (p += strlen(label); *p; p++) {
		if (p[0] == '0' && (p[-1] == ' ' || p[-1] == '\n') &&
		    strncmp(p + 1, " |", 2) == 0 && seen++ == k)
			break;
	}
	ck_assert_msg(*p, "cell %zu after %s not found", k, label);
	out = malloc(tlen + nlen);
	ck_assert_ptr_nonnull(out);
	memcpy(out, text, (size_t)(p - text));
	memcpy(out + (p - text), number, nlen);
	memcpy(out + (p - text) + nlen, p + 1, tlen - (size_t)(p - text) - 1);
	*out_len = tlen - 1 + nlen;
	out[*out_len] = '\0';
	return out;
}

/* ---- item 1: a number too large for a cell ------------------------------- */

static const char *const overflow_seeds[] = {
	"003_64f6c83b9150245c", /* Markdown with explicit pipes */
	"001_ebc51afa85553e39", /* pipe-cell text: one cell per line, " |" */
};
static const char *const overflow_numbers[] = {
	"99999999999999999999",
	"9999999999999999999999999999999999999999",
	"-99999999999999999999",
};
#define N_OVERFLOW_NUMBERS (sizeof(overflow_numbers) / sizeof(overflow_numbers[0]))

/*
 * Loop index: seed × number × column. The cell that overflows is null
 * (invalid) with CELL_OVERFLOW naming it; every other cell of the row keeps
 * its value and column, and validation finds nothing the original did not.
 */
START_TEST(overflow_keeps_columns)
{
	size_t column = (size_t)_i % T3_NCOLUMNS;
	const char *number = overflow_numbers[((size_t)_i / T3_NCOLUMNS) % N_OVERFLOW_NUMBERS];
	const char *seed = overflow_seeds[(size_t)_i / T3_NCOLUMNS / N_OVERFLOW_NUMBERS];
	size_t len, hlen;
	char *text = read_seed(seed, &len);
	char *hostile = replace_cell(text, "一、本年新收政府信息公开申请数量", column,
				     number, &hlen);
	struct govreport *orig = parse_ok(text, len), *r = parse_ok(hostile, hlen);

	for (size_t c = 0; c < T3_NCOLUMNS; c++) {
		char path[96];
		int64_t want, got;
		enum govreport_cell_state want_state, got_state;
		snprintf(path, sizeof(path), "applications.new_received.%s", t3_columns[c]);
		ck_assert_int_eq(govreport_get(orig, path, &want, &want_state), GOVREPORT_OK);
		ck_assert_int_eq(govreport_get(r, path, &got, &got_state), GOVREPORT_OK);
		if (c == column) {
			ck_assert_int_eq(got_state, GOVREPORT_CELL_INVALID);
		} else {
			ck_assert_msg(got_state == want_state && got == want,
				      "%s: %s moved (%d %lld, was %d %lld)", seed, path,
				      got_state, (long long)got, want_state, (long long)want);
		}
	}
	ck_assert_uint_eq(count_diags(r, "CELL_OVERFLOW", NULL, NULL), 1);
	ck_assert_uint_eq(count_diags(r, "CELL_OVERFLOW", "new_received", t3_columns[column]), 1);
	ck_assert_uint_eq(count_diags(r, "CELL_EXTRA", "new_received", NULL),
			  count_diags(orig, "CELL_EXTRA", "new_received", NULL));
	ck_assert_uint_eq(count_diags(r, "CELL_BLANK", "new_received", NULL),
			  count_diags(orig, "CELL_BLANK", "new_received", NULL));
	ck_assert_uint_eq(count_diags(r, "CELL_INVALID", NULL, NULL),
			  count_diags(orig, "CELL_INVALID", NULL, NULL));
	for (size_t i = 0; i < govreport_diag_count(r); i++)
		if (strcmp(govreport_diag_code(r, i), "CELL_OVERFLOW") == 0)
			ck_assert_int_eq(govreport_diag_severity(r, i), GOVREPORT_SEVERITY_ERROR);
	ck_assert_int_eq(govreport_validate(orig, 0), GOVREPORT_OK);
	ck_assert_int_eq(govreport_validate(r, 0), GOVREPORT_OK);
	ck_assert_uint_eq(count_diags(r, "T3_BALANCE", NULL, NULL),
			  count_diags(orig, "T3_BALANCE", NULL, NULL));
	ck_assert_uint_eq(count_diags(r, "T3_ROW_TOTAL", NULL, NULL),
			  count_diags(orig, "T3_ROW_TOTAL", NULL, NULL));
	govreport_free(r);
	govreport_free(orig);
	free(hostile);
	free(text);
}
END_TEST

/* ---- item 2: bad bytes inside text ---------------------------------------- */

static char *
to_json(const struct govreport *r)
{
	char *json = NULL;

	ck_assert_int_eq(govreport_to_json(r, 0, &json, NULL), GOVREPORT_OK);
	return json;
}

/* The one diagnostic with this code; fails unless there is exactly one. */
static size_t
only_diag(const struct govreport *r, const char *code)
{
	size_t found = (size_t)-1;

	ck_assert_uint_eq(count_diags(r, code, NULL, NULL), 1);
	for (size_t i = 0; i < govreport_diag_count(r); i++)
		if (strcmp(govreport_diag_code(r, i), code) == 0)
			found = i;
	return found;
}

/* The parse of `hostile` gives the model of `text`, and says
 * ENCODING_INVALID (warning) with `count` and the line of the first. */
static void
assert_same_with_invalid(const char *text, size_t len, const char *hostile,
			 size_t hlen, int64_t count, size_t line)
{
	struct govreport *orig = parse_ok(text, len), *r = parse_ok(hostile, hlen);
	char *want = to_json(orig), *got = to_json(r);
	size_t d = only_diag(r, "ENCODING_INVALID");
	int64_t actual = 0;
	const char *message;

	ck_assert_str_eq(got, want);
	ck_assert_int_eq(govreport_diag_severity(r, d), GOVREPORT_SEVERITY_WARNING);
	ck_assert_int_eq(govreport_diag_actual(r, d, &actual), 1);
	ck_assert_int_eq(actual, count);
	ck_assert_uint_eq(govreport_diag_line(r, d), line);
	message = govreport_diag_message(r, d, GOVREPORT_LANG_EN);
	ck_assert_ptr_nonnull(message);
	ck_assert_ptr_nonnull(strstr(message, "invalid"));
	ck_assert_uint_eq(count_diags(orig, "ENCODING_INVALID", NULL, NULL), 0);
	govreport_string_free(want);
	govreport_string_free(got);
	govreport_free(r);
	govreport_free(orig);
}

/* Offset of the start of line n (1-based). */
static size_t
line_start(const char *text, size_t len, size_t n)
{
	size_t at = 0;

	for (size_t line = 1; line < n; line++) {
		const char *nl = memchr(text + at, '\n', len - at);
		ck_assert_ptr_nonnull(nl);
		at = (size_t)(nl - text) + 1;
	}
	return at;
}

static const char *const text_seeds[] = {
	"001_ebc51afa85553e39", "002_c3fcc36b9cf6fff1", "003_64f6c83b9150245c",
};
#define N_TEXT_SEEDS (sizeof(text_seeds) / sizeof(text_seeds[0]))

/* Three stray NULs (line starts, between cells, in a table row) in a
 * report of 6 to 9 KB: dropped, counted, the report read as without. */
START_TEST(nul_bytes_are_dropped)
{
	static const size_t lines[] = { 7, 44, 60 };
	size_t len;
	char *text = read_seed(text_seeds[_i], &len);
	char *hostile = malloc(len + 3);
	size_t from = 0, to = 0;

	ck_assert_ptr_nonnull(hostile);
	for (size_t k = 0; k < 3; k++) {
		size_t at = line_start(text, len, lines[k]);
		/* The second NUL goes after the line's first space, tab or
		 * pipe, if it has one. */
		if (k == 1) {
			size_t i = at;
			while (i < len && text[i] != '\n' && !strchr(" \t|", text[i]))
				i++;
			if (i < len && text[i] != '\n')
				at = i + 1;
		}
		memcpy(hostile + to, text + from, at - from);
		to += at - from;
		hostile[to++] = '\0';
		from = at;
	}
	memcpy(hostile + to, text + from, len - from);
	to += len - from;
	assert_same_with_invalid(text, len, hostile, to, 3, lines[0]);
	free(hostile);
	free(text);
}
END_TEST

/* UTF-16 with a BOM, one byte short of a whole unit at the end, or with
 * a NUL unit inside: counted, the rest read. */
START_TEST(utf16_odd_length)
{
	size_t len, ulen;
	char *text = read_seed(text_seeds[_i / 2], &len);
	int big = _i % 2;
	UErrorCode status = U_ZERO_ERROR;
	char *u = malloc(len * 4 + 8);
	int32_t n;
	size_t nlines = 1;

	for (size_t i = 0; i < len; i++)
		nlines += text[i] == '\n';
	/* ucnv_convert writes the BOM for "UTF-16"; the plain LE/BE
	 * converters do not: write it. */
	u[0] = big ? '\xFE' : '\xFF';
	u[1] = big ? '\xFF' : '\xFE';
	n = ucnv_convert(big ? "UTF-16BE" : "UTF-16LE", "UTF-8", u + 2,
			 (int32_t)len * 4, text, (int32_t)len, &status);
	ck_assert(U_SUCCESS(status));
	ulen = (size_t)n + 2;
	u[ulen] = 'x'; /* half a unit */
	assert_same_with_invalid(text, len, u, ulen + 1, 1, nlines);
	/* A NUL unit at the start of line 3, and the odd byte. */
	{
		size_t at = 2; /* after the BOM */
		char *v = malloc(ulen + 3);
		ck_assert_ptr_nonnull(v);
		for (size_t line = 1; line < 3; at += 2) {
			unsigned unit = big ? ((unsigned char)u[at] << 8 | (unsigned char)u[at + 1])
					    : ((unsigned char)u[at + 1] << 8 | (unsigned char)u[at]);
			line += unit == '\n';
		}
		memcpy(v, u, at);
		v[at] = v[at + 1] = '\0';
		memcpy(v + at + 2, u + at, ulen + 1 - at);
		assert_same_with_invalid(text, len, v, ulen + 3, 2, 3);
		free(v);
	}
	free(u);
	free(text);
}
END_TEST

/* GB18030 with a broken sequence (a lead byte whose second byte is lost
 * before a line break): counted, with ENCODING_GB18030 as before. */
START_TEST(gb18030_broken_sequence)
{
	size_t len;
	char *text = read_seed("002_c3fcc36b9cf6fff1", &len);
	UErrorCode status = U_ZERO_ERROR;
	char *gb = malloc(len * 2);
	int32_t n = ucnv_convert("GB18030", "UTF-8", gb, (int32_t)len * 2, text,
				 (int32_t)len, &status);
	struct govreport *r;
	size_t at = 0, line = 1, bad_line = 0;
	int64_t actual = 0;

	ck_assert(U_SUCCESS(status));
	/* The first line that ends in a two-byte character after line 3:
	 * drop that character's second byte. */
	for (int32_t i = 0; i + 1 < n; i++) {
		if (gb[i] != '\n')
			continue;
		line++;
		if (line > 3 && i >= 2 && (unsigned char)gb[i - 2] >= 0x81 &&
		    (unsigned char)gb[i - 1] >= 0x40 && gb[i - 1] != '\r') {
			at = (size_t)i - 1;
			bad_line = line - 1;
			break;
		}
	}
	ck_assert_uint_gt(at, 0);
	memmove(gb + at, gb + at + 1, (size_t)n - at - 1);
	n--;
	ck_assert_int_eq(govreport_parse(gb, (size_t)n, 0, &r), GOVREPORT_OK);
	ck_assert_uint_eq(count_diags(r, "ENCODING_GB18030", NULL, NULL), 1);
	ck_assert_int_eq(govreport_diag_actual(r, only_diag(r, "ENCODING_INVALID"), &actual), 1);
	ck_assert_int_eq(actual, 1);
	ck_assert_uint_eq(govreport_diag_line(r, only_diag(r, "ENCODING_INVALID")), bad_line);
	govreport_free(r);
	free(gb);
	free(text);
}
END_TEST

/* Input that is mostly not text is still refused. */
START_TEST(binary_still_refused)
{
	static const char short_binary[] = "abc\0\001\002def";
	struct govreport *r = NULL;
	size_t len;
	char *text = read_seed("003_64f6c83b9150245c", &len);
	char *every_tenth = malloc(len);
	uint64_t state = 12345;
	unsigned char noise[4096];

	ck_assert_int_eq(govreport_parse(short_binary, sizeof(short_binary) - 1, 0, &r),
			 GOVREPORT_ERR_INPUT_NOT_TEXT);
	ck_assert_ptr_null(r);
	/* A report with every tenth byte a NUL is not text any more. */
	memcpy(every_tenth, text, len);
	for (size_t i = 0; i < len; i += 10)
		every_tenth[i] = '\0';
	ck_assert_int_eq(govreport_parse(every_tenth, len, 0, &r), GOVREPORT_ERR_INPUT_NOT_TEXT);
	/* Noise with NULs. */
	for (size_t i = 0; i < sizeof(noise); i++) {
		state = state * 6364136223846793005u + 1442695040888963407u;
		noise[i] = (unsigned char)(state >> 56);
	}
	ck_assert_int_eq(govreport_parse((const char *)noise, sizeof(noise), 0, &r),
			 GOVREPORT_ERR_INPUT_NOT_TEXT);
	free(every_tenth);
	free(text);
}
END_TEST

static Suite *
hostile_suite(void)
{
	Suite *s = suite_create("hostile");
	TCase *tc = tcase_create("overflow");

	tcase_add_loop_test(tc, overflow_keeps_columns, 0,
			    (int)(T3_NCOLUMNS * N_OVERFLOW_NUMBERS *
				  (sizeof(overflow_seeds) / sizeof(overflow_seeds[0]))));
	suite_add_tcase(s, tc);
	tc = tcase_create("encoding");
	tcase_add_loop_test(tc, nul_bytes_are_dropped, 0, (int)N_TEXT_SEEDS);
	tcase_add_loop_test(tc, utf16_odd_length, 0, (int)N_TEXT_SEEDS * 2);
	tcase_add_test(tc, gb18030_broken_sequence);
	tcase_add_test(tc, binary_still_refused);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(hostile_suite());
}
