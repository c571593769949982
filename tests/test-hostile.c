/*
 * Hostile and unusual input (issue 15): nothing lost, nothing moved,
 * nothing injected. Each input is made here from a seed, small enough to
 * run under valgrind and the sanitizers.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <unicode/ucnv.h>

#include "govreport.h"
#include "input/html.h"
#include "model/report.h"
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
	return test_count_diags(r, code, NULL, row, column);
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

/* Two JSON texts are equal; else the first difference is shown. */
static void
assert_same_json(const char *got, const char *want)
{
	size_t i = 0;

	while (got[i] && got[i] == want[i])
		i++;
	ck_assert_msg(got[i] == want[i], "JSON differs at %zu: got \"%.80s\", want \"%.80s\"",
		      i, got + (i > 20 ? i - 20 : 0), want + (i > 20 ? i - 20 : 0));
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

	assert_same_json(got, want);
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

/* ---- item 6: no markup injected by rendering ------------------------------ */

/* A title our reader still takes for one (no spaces: it squeezes them),
 * and an organ it would not (the round trip leaves the organ out). */
static const char hostile_title[] =
	"<img/src=x/onerror=alert(9)>*x*`y`_z_|2021年政府信息公开工作年度报告";
static const char hostile_organ[] = "某局<script>alert(1)</script>|_u_[x](javascript:alert(1))";
static const char hostile_prose[] =
	"<img src=x onerror=alert(9)>今年\n"
	"# 不是标题\n"
	"## 也不是\n"
	"- 不是列表\n"
	"1. 不是编号\n"
	"> 不是引用\n"
	"---\n"
	"===\n"
	"[点击](javascript:alert(1)) ![图](x.png) <https://example.com>\n"
	"**粗体** _斜体_ `代码` ~~删除~~ &lt;实体&gt; &amp;\n"
	"| a | b |\n"
	"末尾竖线 |\n"
	"反斜线 \\ 和 \\* 和 C:\\[dir]\n"
	"[x]: javascript:alert(2)";

/* Cells given hostile raw text (each holds a value in seed 003, so that
 * the row keeps its shape). */
static const struct {
	const char *path, *raw;
} hostile_cells[] = {
	{ "applications.new_received.commercial", "<img src=x onerror=alert(9)>" },
	{ "applications.granted.research", "[x](javascript:alert(1)) *a* _b_ `c` ~~d~~ &lt;e&gt; | f" },
	{ "applications.carried_over.social_welfare", "=HYPERLINK(\"http://x\",\"y\")" },
	{ "review_litigation.review.corrected", "a\nb|c<br>" },
};
#define N_HOSTILE_CELLS (sizeof(hostile_cells) / sizeof(hostile_cells[0]))

static void
set_invalid_raw(struct govreport *r, const char *path, const char *raw)
{
	struct gr_cell_ref ref;
	struct gr_cell *cell;

	ck_assert_int_eq(gr_cell_find_path(r->tpl, path, &ref), 0);
	cell = gr_report_cell(r, &ref);
	ck_assert_ptr_nonnull(cell);
	gr_cell_set_null(cell, GOVREPORT_CELL_INVALID);
	ck_assert_int_eq(gr_cell_set_raw(cell, raw, strlen(raw)), 0);
}

static struct govreport *
hostile_report(int hostile)
{
	size_t len;
	char *text = read_seed("003_64f6c83b9150245c", &len);
	struct govreport *r = parse_ok(text, len);

	free(text);
	if (!hostile)
		return r;
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_TITLE, hostile_title), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_ORGAN, NULL), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_OVERVIEW, hostile_prose), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_PROBLEMS, hostile_prose), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_OTHER_MATTERS, hostile_prose), GOVREPORT_OK);
	for (size_t i = 0; i < N_HOSTILE_CELLS; i++)
		set_invalid_raw(r, hostile_cells[i].path, hostile_cells[i].raw);
	return r;
}

static char *
render(const struct govreport *r, enum govreport_render_format format)
{
	char *out = NULL;

	ck_assert_int_eq(govreport_render(r, format, 0, &out, NULL), GOVREPORT_OK);
	return out;
}

static int
escaped_at(const char *s, size_t i)
{
	size_t n = 0;

	while (n < i && s[i - 1 - n] == '\\')
		n++;
	return n % 2 == 1;
}

/* Unescaped '|' in each table line (a line that starts with one), in order. */
static size_t
table_bars(const char *md, size_t *bars, size_t max)
{
	size_t n = 0;

	for (const char *line = md; *line; ) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		if (len && line[0] == '|') {
			size_t count = 0;
			for (size_t i = 0; i < len; i++)
				count += line[i] == '|' && !escaped_at(line, i);
			ck_assert_uint_lt(n, max);
			bars[n++] = count;
		}
		line += len + (end != NULL);
	}
	return n;
}

/*
 * Nothing in the Markdown starts markup but our own: every character that
 * opens inline markup is escaped, and a line opens a block only as a
 * heading of ours (the title, a part) or a table row.
 */
static void
assert_markdown_inert(const char *md)
{
	size_t lineno = 1;

	for (size_t i = 0; md[i]; i++)
		if (strchr("<>[]*_`&~", md[i]))
			ck_assert_msg(escaped_at(md, i), "unescaped '%c' at %.40s", md[i],
				      md + (i > 10 ? i - 10 : 0));
	for (const char *line = md; *line; lineno++) {
		const char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char c = len ? line[0] : ' ';
		if (c == '#')
			ck_assert_msg(lineno == 1 || strncmp(line, "## ", 3) == 0,
				      "line %zu: %.*s", lineno, (int)len, line);
		if (strncmp(line, "## ", 3) == 0) {
			static const char *const parts[] = { "一、", "二、", "三、", "四、", "五、", "六、" };
			int known = 0;
			for (size_t p = 0; p < 6; p++)
				known |= strncmp(line + 3, parts[p], strlen(parts[p])) == 0;
			ck_assert_msg(known, "line %zu: %.*s", lineno, (int)len, line);
		}
		ck_assert_msg(!strchr(">+-=", c) && !(c >= '0' && c <= '9' && len > 1 &&
				(line[1] == '.' || line[1] == ')')) && c != '\t',
			      "line %zu opens a block: %.*s", lineno, (int)len, line);
		line += len + (end != NULL);
	}
}

START_TEST(markdown_escapes_document_text)
{
	struct govreport *clean = hostile_report(0), *r = hostile_report(1), *back = NULL;
	char *md_clean = render(clean, GOVREPORT_RENDER_MARKDOWN);
	char *md = render(r, GOVREPORT_RENDER_MARKDOWN);
	size_t bars_clean[256], bars[256], n_clean, n;
	char *want, *got;

	assert_markdown_inert(md);
	/* The tables keep their shape: the same cells in every row. */
	n_clean = table_bars(md_clean, bars_clean, 256);
	n = table_bars(md, bars, 256);
	ck_assert_uint_eq(n, n_clean);
	for (size_t i = 0; i < n; i++)
		ck_assert_uint_eq(bars[i], bars_clean[i]);
	/* The escapes are there, and read back. */
	ck_assert_ptr_nonnull(strstr(md, "\\<img src=x onerror=alert(9)\\>"));
	ck_assert_ptr_nonnull(strstr(md, "\\[点击\\](javascript:alert(1))"));
	ck_assert_int_eq(govreport_parse(md, strlen(md), 0, &back), GOVREPORT_OK);
	want = to_json(r);
	got = to_json(back);
	assert_same_json(got, want);
	for (size_t f = GOVREPORT_FIELD_ORGAN; f <= GOVREPORT_FIELD_OTHER_MATTERS; f++)
		if (govreport_field(r, f))
			ck_assert_str_eq(govreport_field(back, f), govreport_field(r, f));
	for (size_t i = 0; i < N_HOSTILE_CELLS; i++) {
		const char *raw = NULL;
		enum govreport_cell_state state;
		int64_t v;
		ck_assert_int_eq(govreport_get(back, hostile_cells[i].path, &v, &state), GOVREPORT_OK);
		ck_assert_int_eq(state, GOVREPORT_CELL_INVALID);
		ck_assert_int_eq(govreport_get_source(back, hostile_cells[i].path, NULL, &raw),
				 GOVREPORT_OK);
		ck_assert_ptr_nonnull(raw);
		if (!strchr(hostile_cells[i].raw, '\n'))
			ck_assert_str_eq(raw, hostile_cells[i].raw);
	}
	govreport_string_free(want);
	govreport_string_free(got);
	govreport_free(back);
	govreport_string_free(md);
	govreport_string_free(md_clean);
	govreport_free(r);
	govreport_free(clean);
}
END_TEST

/* A line break in title, organ or a cell does not start a block. */
START_TEST(markdown_line_breaks_stay_inline)
{
	struct govreport *r = hostile_report(0);
	char *md;

	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_TITLE, "某局\n# 标题\n<b>x</b>"),
			 GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_ORGAN, "某局\n- 列表\n"), GOVREPORT_OK);
	md = render(r, GOVREPORT_RENDER_MARKDOWN);
	assert_markdown_inert(md);
	govreport_string_free(md);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_ORGAN, hostile_organ), GOVREPORT_OK);
	ck_assert_int_eq(govreport_set_field(r, GOVREPORT_FIELD_PUBLISHED, "2024-01-15"), GOVREPORT_OK);
	set_invalid_raw(r, "applications.granted.commercial", "x\n| y | z |\n");
	md = render(r, GOVREPORT_RENDER_MARKDOWN);
	assert_markdown_inert(md);
	ck_assert_ptr_nonnull(strstr(md, "# 某局 \\# 标题 \\<b\\>x\\</b\\>\n"));
	ck_assert_ptr_nonnull(strstr(md, "\n某局\\<script\\>alert(1)\\</script\\>\\|\\_u\\_\\[x\\](javascript:alert(1))\n"));
	ck_assert_ptr_nonnull(strstr(md, "| x \\| y \\| z \\|  |"));
	govreport_string_free(md);
	govreport_free(r);
}
END_TEST

/* Every tag in the HTML is one the renderer writes. */
static void
assert_html_tags_ours(const char *html)
{
	static const char *const ours[] = {
		"!DOCTYPE", "html", "head", "meta", "title", "body", "h1", "h2", "p",
		"table", "tr", "th", "td", "caption", "thead", "tbody", "style",
		"section", "ol", "ul", "li", "code", "sup", NULL,
	};

	for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<')) {
		const char *name = p + 1 + (p[1] == '/');
		size_t len = strcspn(name, " >\n");
		int known = 0;
		for (const char *const *t = ours; *t; t++)
			known |= strlen(*t) == len && strncmp(name, *t, len) == 0;
		ck_assert_msg(known, "tag not ours: %.30s", p);
	}
}

START_TEST(html_escapes_document_text)
{
	struct govreport *r = hostile_report(1), *back = NULL;
	char *html = render(r, GOVREPORT_RENDER_HTML), *want, *got, *annotated = NULL;

	assert_html_tags_ours(html);
	ck_assert_ptr_null(strstr(html, "<img"));
	ck_assert_ptr_null(strstr(html, "<script"));
	ck_assert_ptr_nonnull(strstr(html, "&lt;img src=x onerror=alert(9)&gt;"));
	ck_assert_int_eq(govreport_render(r, GOVREPORT_RENDER_HTML, GOVREPORT_RENDER_ANNOTATE,
					  &annotated, NULL), GOVREPORT_OK);
	assert_html_tags_ours(annotated);
	/* The round trip holds for hostile text too. */
	if (gr_html_available()) {
		ck_assert_int_eq(govreport_parse(html, strlen(html), 0, &back), GOVREPORT_OK);
		want = to_json(r);
		got = to_json(back);
		assert_same_json(got, want);
		govreport_string_free(want);
		govreport_string_free(got);
		govreport_free(back);
	} else {
		test_html_refused("html_escapes_document_text: the round trip", html,
				  strlen(html));
	}
	govreport_string_free(annotated);
	govreport_string_free(html);
	govreport_free(r);
}
END_TEST

/* Fields of one CSV record (RFC 4180) from *p on; *p moves past it. */
static size_t
csv_record(const char **p, char fields[][256], size_t max)
{
	size_t n = 0, len = 0;
	int quoted = 0;
	const char *s = *p;

	for (;; s++) {
		if (quoted) {
			ck_assert_msg(*s, "unterminated quote");
			if (*s == '"' && s[1] == '"') {
				fields[n][len++] = '"';
				s++;
			} else if (*s == '"') {
				quoted = 0;
			} else {
				fields[n][len++] = *s;
			}
		} else if (*s == '"') {
			quoted = 1;
		} else if (*s == ',' || *s == '\r' || *s == '\0') {
			fields[n][len] = '\0';
			n++;
			len = 0;
			ck_assert_uint_le(n, max);
			if (*s != ',')
				break;
		} else {
			fields[n][len++] = *s;
		}
		ck_assert_uint_lt(len, 255);
	}
	if (*s == '\r')
		s++;
	if (*s == '\n')
		s++;
	*p = s;
	return n;
}

START_TEST(csv_and_text_keep_text_inert)
{
	struct govreport *r = hostile_report(1);
	char *csv = render(r, GOVREPORT_RENDER_CSV), *text = render(r, GOVREPORT_RENDER_TEXT);
	char fields[8][256];
	size_t records = 0, seen = 0;

	for (const char *p = csv; *p; records++) {
		char path[800];
		ck_assert_uint_eq(csv_record(&p, fields, 8), 5);
		if (records == 0)
			continue;
		snprintf(path, sizeof(path), "%s.%s.%s", fields[0], fields[1], fields[2]);
		for (size_t i = 0; i < N_HOSTILE_CELLS; i++) {
			if (strcmp(path, hostile_cells[i].path) != 0)
				continue;
			seen++;
			/* No value: the text (a formula, markup) is not
			 * written, only the state. */
			ck_assert_str_eq(fields[4], "invalid");
			ck_assert_str_eq(fields[3], "");
		}
	}
	ck_assert_uint_eq(seen, N_HOSTILE_CELLS);
	/* Plain text is for terminals: the text as it is. */
	ck_assert_ptr_nonnull(strstr(text, hostile_title));
	ck_assert_ptr_nonnull(strstr(text, "<img src=x onerror=alert(9)>"));
	govreport_string_free(csv);
	govreport_string_free(text);
	govreport_free(r);
}
END_TEST

/* ---- memory (item 7) ------------------------------------------------ */

#define MB ((long)1024 * 1024)
#define HTML_PARAGRAPH \
	"<p>本机关认真贯彻落实《中华人民共和国政府信息公开条例》，依法依规做好" \
	"政府信息公开工作，主动公开政府信息。</p>\n"

/* A generated input: head, then `unit` n times, then tail. */
static char *
repeat_doc(const char *head, const char *unit, size_t n, const char *tail, size_t *len)
{
	size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail), at = hl;
	char *doc;

	*len = hl + ul * n + tl;
	doc = malloc(*len + 1);
	ck_assert_ptr_nonnull(doc);
	memcpy(doc, head, hl);
	for (size_t i = 0; i < n; i++, at += ul)
		memcpy(doc + at, unit, ul);
	memcpy(doc + at, tail, tl + 1);
	return doc;
}

/* Whether resident memory means anything here (not under a sanitizer's
 * or valgrind's allocator). */
static int
rss_measurable(void)
{
	const char *preload = getenv("LD_PRELOAD");
#if defined(__SANITIZE_ADDRESS__)
	return 0;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
	return 0;
#endif
#endif
	return !(preload && strstr(preload, "vgpreload"));
}

/*
 * Parse, validate and write the JSON of doc in a child process, after a
 * warm-up on a small report; the growth of the child's peak resident set
 * (bytes), and the parse's status through *status.
 */
static long
peak_growth(const char *doc, size_t len, enum govreport_status *status)
{
	static const char warm[] = "某县2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n";
	int fds[2];
	long result[2] = { -1, -1 };
	pid_t pid;

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct rusage before, after;
		struct govreport *r = NULL;
		char *json = NULL;
		long out[2];
		close(fds[0]);
		if (govreport_parse(warm, sizeof(warm) - 1, 0, &r) == GOVREPORT_OK) {
			govreport_validate(r, 0);
			govreport_to_json(r, 0, &json, NULL);
			govreport_string_free(json);
			json = NULL;
			govreport_free(r);
			r = NULL;
		}
		getrusage(RUSAGE_SELF, &before);
		out[1] = govreport_parse(doc, len, 0, &r);
		if (r) {
			govreport_validate(r, 0);
			govreport_to_json(r, 0, &json, NULL);
		}
		getrusage(RUSAGE_SELF, &after);
		out[0] = (after.ru_maxrss - before.ru_maxrss) * 1024L;
		if (write(fds[1], out, sizeof(out)) != (ssize_t)sizeof(out))
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	ck_assert_int_eq(read(fds[0], result, sizeof(result)), (ssize_t)sizeof(result));
	close(fds[0]);
	waitpid(pid, NULL, 0);
	*status = (enum govreport_status)result[1];
	return result[0];
}

/*
 * Issue 15 item 7: the peak memory of a parse is at most 4 × the input
 * plus a constant, for the shapes that cost most per byte: cell-dense
 * pipe text (`0 |` lines, 4 bytes a cell), an HTML table (`<td>0</td>`,
 * 10 bytes a cell), and HTML prose, whose text the page's tree held whole
 * beside every copy of it read out (8 × the page before it was read while
 * parsed). Inputs just under the limits on lines, items and HTML start
 * tags (GR_MAX_LINES, GR_MAX_ITEMS, GR_HTML_MAX_TAGS) are the worst case;
 * past them the input is refused as too large, cheaply. The peak counts
 * the input, which the child holds before it is measured: its growth may
 * be 3 × the input plus the constant. The constants are the measured
 * growth at these sizes (README, Performance) with room for allocator
 * slack; what the input adds beyond them is the 4 ×.
 */
START_TEST(memory_bound)
{
	static const struct {
		const char *name, *head, *unit;
		size_t n;
		const char *tail;
		enum govreport_status status;
		long constant;
	} cases[] = {
		/* 499,990 lines of one cell each: under GR_MAX_LINES. */
		{ "pipe text", "某县2023年政府信息公开工作年度报告\n一、总体情况\n", "0 |\n", 499990,
		  "", GOVREPORT_OK, 56 * MB },
		/* 520,000 cells on one line: under GR_MAX_ITEMS. */
		{ "one line", "某县2023年政府信息公开工作年度报告 一、总体情况 ", "0 | ", 520000, "\n",
		  GOVREPORT_OK, 56 * MB },
		/* 131,000 cells: a quarter of GR_HTML_MAX_TAGS. */
		{ "HTML table", "<p>某县2023年政府信息公开工作年度报告</p><table>",
		  "<tr><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>\n",
		  16000, "</table>", GOVREPORT_OK, 80 * MB },
		/* Past the limits: refused before the memory is spent. */
		{ "pipe text, too many lines", "", "0 |\n", 600000, "",
		  GOVREPORT_ERR_INPUT_TOO_LARGE, 16 * MB },
		{ "HTML, too many tags", "<table>", "<tr><td>0</td><td>0</td></tr>\n", 200000,
		  "</table>", GOVREPORT_ERR_INPUT_TOO_LARGE, 16 * MB },
		/* 100,000 paragraphs, 16 MB: a page of prose. */
		{ "HTML prose", "<p>某县2023年政府信息公开工作年度报告</p>", HTML_PARAGRAPH, 100000,
		  "", GOVREPORT_OK, 40 * MB },
		/* The same as part 一: its text read into the report too. */
		{ "HTML prose under a heading",
		  "<h1>某县2023年政府信息公开工作年度报告</h1><h2>一、总体情况</h2>", HTML_PARAGRAPH,
		  100000, "", GOVREPORT_OK, 40 * MB },
	};
	size_t len;
	char *doc = repeat_doc(cases[_i].head, cases[_i].unit, cases[_i].n, cases[_i].tail, &len);
	enum govreport_status st, want = cases[_i].status;
	long grown = peak_growth(doc, len, &st), bound = 3 * (long)len + cases[_i].constant;

	/* A build without HTML refuses the markup, under the same bound;
	 * GR_HTML_MAX_TAGS is the HTML reader's. */
	if (strncmp(cases[_i].name, "HTML", 4) == 0 && !gr_html_available())
		want = GOVREPORT_ERR_INPUT_UNSUPPORTED;
	ck_assert_msg(st == want, "%s: status %d", cases[_i].name, (int)st);
	if (rss_measurable())
		ck_assert_msg(grown >= 0 && grown <= bound,
			      "%s: %zu bytes of input grew the peak by %ld bytes: "
			      "over 4 × input + %ld MB with the input",
			      cases[_i].name, len, grown, cases[_i].constant / MB);
	free(doc);
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
	tc = tcase_create("render");
	tcase_add_test(tc, markdown_escapes_document_text);
	tcase_add_test(tc, markdown_line_breaks_stay_inline);
	tcase_add_test(tc, html_escapes_document_text);
	tcase_add_test(tc, csv_and_text_keep_text_inert);
	suite_add_tcase(s, tc);
	tc = tcase_create("memory");
	tcase_add_loop_test(tc, memory_bound, 0, 7);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(hostile_suite());
}
