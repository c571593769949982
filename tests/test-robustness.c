/*
 * govreport_parse() on hostile input: nothing crashes or leaks, unusable
 * input fails with the documented status and hands out no report, and
 * every report that is handed out answers every getter and diagnostics
 * accessor for every cell.
 *
 * Sizes and counts can be changed by environment variables (each test
 * says which); under valgrind (meson test --setup valgrind) the defaults
 * shrink so that the suite stays within minutes, and the inputs stay the
 * same kind.
 */
#include <ctype.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif

#include "cases.h"
#include "govreport.h"
#include "model/template.h"
#include "testutil.h"

/*
 * REQUIRE() records its location on every call, which under CK_FORK=no
 * is a write to a file; the walks below make millions of checks, so they
 * call into Check only when a check fails.
 */
#define REQUIRE(cond)                                                          \
	do {                                                                   \
		if (!(cond))                                                   \
			ck_abort_msg("Assertion '%s' failed", #cond);          \
	} while (0)
#define REQUIRE_MSG(cond, ...)                                                 \
	do {                                                                   \
		if (!(cond))                                                   \
			ck_abort_msg(__VA_ARGS__);                             \
	} while (0)

/* ---- helpers -------------------------------------------------------------- */

/* splitmix64: a fixed, portable sequence for every "random" input. */
static uint64_t
next_random(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* A size or count from the environment, else the default for this run. */
static size_t
env_size(const char *name, size_t native, size_t under_valgrind)
{
	const char *s = getenv(name);
	char *end;
	unsigned long long v;

	if (s && *s) {
		v = strtoull(s, &end, 10);
		if (*end == '\0')
			return (size_t)v;
	}
	return RUNNING_ON_VALGRIND ? under_valgrind : native;
}

/* Every status govreport_parse() may return for a readable-or-not input. */
static int
documented_parse_status(enum govreport_status st)
{
	return st == GOVREPORT_OK || st == GOVREPORT_ERR_INPUT_EMPTY ||
	       st == GOVREPORT_ERR_INPUT_NOT_TEXT;
}

static int
valid_state(enum govreport_cell_state state)
{
	return state >= GOVREPORT_CELL_MISSING && state <= GOVREPORT_CELL_INFERRED;
}

static int
has_value(enum govreport_cell_state state)
{
	return state == GOVREPORT_CELL_PRESENT || state == GOVREPORT_CELL_INFERRED;
}

/* A string the report hands out: readable to its end, valid UTF-8. */
static void
check_string(const char *s, const char *what)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!s)
		return;
	while (*p) {
		size_t n = *p < 0x80 ? 1 : (*p & 0xE0) == 0xC0 ? 2
			 : (*p & 0xF0) == 0xE0 ? 3 : (*p & 0xF8) == 0xF0 ? 4 : 0;
		REQUIRE_MSG(n != 0, "%s: not UTF-8", what);
		for (size_t k = 1; k < n; k++)
			REQUIRE_MSG((p[k] & 0xC0) == 0x80, "%s: not UTF-8", what);
		p += n;
	}
}

/* Every cell of one template by path: get, get_decimal, get_source. */
static void
exercise_paths(const struct govreport *r, const struct gr_template *tpl, int own)
{
	for (int s = 0; s < GR_SECTION_COUNT; s++) {
		const struct gr_table *t = &tpl->tables[s];
		int present = own && govreport_has_section(r, t->section);

		for (size_t g = 0; g < t->ngroups; g++) {
			const struct gr_group *grp = &t->groups[g];

			for (size_t i = 0; i < grp->nrows; i++) {
				for (size_t c = 0; c < grp->ncolumns; c++) {
					char path[160];
					int64_t v = 42, coef = 42;
					unsigned scale = 99;
					enum govreport_cell_state st1 = (enum govreport_cell_state)-1;
					enum govreport_cell_state st2 = st1;
					enum govreport_status a, b, src;
					size_t line = 0;
					const char *raw = NULL;

					snprintf(path, sizeof path, "%s.%s.%s", t->id,
						 grp->rows[i].id, grp->columns[c].id);
					a = govreport_get(r, path, &v, &st1);
					b = govreport_get_decimal(r, path, &coef, &scale, &st2);
					src = govreport_get_source(r, path, &line, &raw);
					check_string(raw, path);
					if (!own) {
						REQUIRE(a == GOVREPORT_OK || a == GOVREPORT_ERR_TYPE ||
							  a == GOVREPORT_ERR_NOT_FOUND);
						REQUIRE(b == GOVREPORT_OK ||
							  b == GOVREPORT_ERR_NOT_FOUND);
						REQUIRE(src == GOVREPORT_OK ||
							  src == GOVREPORT_ERR_NOT_FOUND);
						continue;
					}
					if (!present) {
						REQUIRE_MSG(b == GOVREPORT_ERR_NOT_FOUND,
							      "%s: table absent, status %d", path, b);
						continue;
					}
					REQUIRE_MSG(b == GOVREPORT_OK, "%s: status %d", path, b);
					REQUIRE_MSG(a == GOVREPORT_OK || a == GOVREPORT_ERR_TYPE,
						      "%s: status %d", path, a);
					REQUIRE_MSG(src == GOVREPORT_OK, "%s: source %d", path, src);
					REQUIRE_MSG(valid_state(st2), "%s: state %d", path, st2);
					REQUIRE_MSG(scale <= 18, "%s: scale %u", path, scale);
					if (a == GOVREPORT_OK) {
						REQUIRE(st1 == st2);
						if (!has_value(st1))
							REQUIRE_MSG(v == 0, "%s: null cell holds %" PRId64,
								      path, v);
					}
					if (!has_value(st2))
						REQUIRE_MSG(coef == 0, "%s: null cell holds %" PRId64,
							      path, coef);
				}
			}
		}
	}
}

/* The enum getters over every row and column, valid or not. */
static void
exercise_enums(const struct govreport *r)
{
	int64_t v, coef;
	unsigned scale;
	enum govreport_cell_state st;
	enum govreport_status s;

	for (int row = -1; row <= GOVREPORT_AD_ROW_PROCUREMENT + 1; row++) {
		for (int col = -1; col <= GOVREPORT_AD_COL_PROJECTS + 1; col++) {
			s = govreport_ad_get(r, (enum govreport_ad_row)row,
					     (enum govreport_ad_column)col, &coef, &scale, &st);
			REQUIRE(s == GOVREPORT_OK || s == GOVREPORT_ERR_NOT_FOUND ||
				  s == GOVREPORT_ERR_ARGUMENT);
			if (s == GOVREPORT_OK)
				REQUIRE(valid_state(st));
		}
	}
	for (int row = -1; row <= GOVREPORT_APP_ROW_CARRIED_FORWARD + 1; row++) {
		for (int col = -1; col <= GOVREPORT_APP_COL_TOTAL + 1; col++) {
			s = govreport_app_get(r, (enum govreport_app_row)row,
					      (enum govreport_app_column)col, &v, &st);
			REQUIRE(s == GOVREPORT_OK || s == GOVREPORT_ERR_NOT_FOUND ||
				  s == GOVREPORT_ERR_ARGUMENT);
			if (s == GOVREPORT_OK)
				REQUIRE(valid_state(st));
		}
	}
	for (int row = -1; row <= GOVREPORT_RL_ROW_LITIGATION_AFTER_REVIEW + 1; row++) {
		for (int col = -1; col <= GOVREPORT_RL_COL_TOTAL + 1; col++) {
			s = govreport_rl_get(r, (enum govreport_rl_row)row,
					     (enum govreport_rl_column)col, &v, &st);
			REQUIRE(s == GOVREPORT_OK || s == GOVREPORT_ERR_NOT_FOUND ||
				  s == GOVREPORT_ERR_ARGUMENT);
			if (s == GOVREPORT_OK)
				REQUIRE(valid_state(st));
		}
	}
}

static void
exercise_bad_paths(const struct govreport *r)
{
	static const char *const paths[] = {
		"", ".", "..", "applications", "applications.", "applications.new_received",
		"applications.new_received.", "applications..total",
		"applications.new_received.total.x", "x.y.z", "APPLICATIONS.new_received.total",
		"applications.new_received.total\xff",
		"active_disclosure.fees.amount.amount",
	};
	char long_path[4096];
	int64_t v, coef;
	unsigned scale;
	enum govreport_cell_state st;
	enum govreport_status s;

	for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
		s = govreport_get(r, paths[i], &v, &st);
		REQUIRE_MSG(s == GOVREPORT_ERR_NOT_FOUND || s == GOVREPORT_ERR_ARGUMENT,
			      "\"%s\": %d", paths[i], s);
		s = govreport_get_decimal(r, paths[i], &coef, &scale, &st);
		REQUIRE(s == GOVREPORT_ERR_NOT_FOUND || s == GOVREPORT_ERR_ARGUMENT);
	}
	memset(long_path, 'a', sizeof long_path - 1);
	long_path[sizeof long_path - 1] = '\0';
	long_path[100] = '.';
	long_path[200] = '.';
	s = govreport_get(r, long_path, &v, &st);
	REQUIRE(s == GOVREPORT_ERR_NOT_FOUND || s == GOVREPORT_ERR_ARGUMENT);
	REQUIRE(govreport_get(r, NULL, &v, &st) == GOVREPORT_ERR_ARGUMENT);
	REQUIRE(govreport_get_decimal(r, NULL, &coef, &scale, &st) == GOVREPORT_ERR_ARGUMENT);
}

static int
is_code(const char *code)
{
	if (!code || !*code)
		return 0;
	for (; *code; code++)
		if (!isupper((unsigned char)*code) && !isdigit((unsigned char)*code) &&
		    *code != '_')
			return 0;
	return 1;
}

static void
exercise_diagnostics(const struct govreport *r)
{
	size_t n = govreport_diag_count(r);

	for (size_t i = 0; i <= n; i++) {
		const char *code = govreport_diag_code(r, i);
		int severity = govreport_diag_severity(r, i);
		const char *zh = govreport_diag_message(r, i, 0);
		const char *en = govreport_diag_message(r, i, GOVREPORT_LANG_EN);
		int64_t value;

		check_string(govreport_diag_section(r, i), "diag section");
		check_string(govreport_diag_row(r, i), "diag row");
		check_string(govreport_diag_column(r, i), "diag column");
		(void)govreport_diag_line(r, i);
		(void)govreport_diag_expected(r, i, &value);
		(void)govreport_diag_actual(r, i, &value);
		if (i == n) {
			REQUIRE(code == NULL);
			REQUIRE(severity == -1);
			REQUIRE(zh == NULL);
			REQUIRE(en == NULL);
			continue;
		}
		REQUIRE_MSG(is_code(code), "diagnostic %zu: code \"%s\"", i,
			      code ? code : "(null)");
		REQUIRE_MSG(severity >= GOVREPORT_SEVERITY_INFO &&
			      severity <= GOVREPORT_SEVERITY_ERROR,
			      "diagnostic %zu (%s): severity %d", i, code, severity);
		REQUIRE(zh != NULL);
		REQUIRE(en != NULL);
		check_string(zh, code);
		check_string(en, code);
	}
	REQUIRE(govreport_diag_code(r, SIZE_MAX) == NULL);
	REQUIRE(govreport_diag_message(r, SIZE_MAX, 0) == NULL);
	REQUIRE(govreport_diag_severity(r, SIZE_MAX) == -1);
}

/*
 * Everything a caller can ask of a parsed report, for every cell. With
 * thorough unset, the calls that cannot differ much between two reports
 * (the other template's paths, out-of-range enums, malformed paths) are
 * left out: under valgrind they cost ten times the parse itself.
 */
static void
exercise_report(const struct govreport *r, int thorough)
{
	enum govreport_template tpl = govreport_template(r);
	int year = govreport_year(r);

	REQUIRE(tpl == GOVREPORT_TEMPLATE_UNKNOWN || tpl == GOVREPORT_TEMPLATE_2019 ||
		  tpl == GOVREPORT_TEMPLATE_2021);
	REQUIRE_MSG(year == 0 || (year >= 1900 && year <= 9999), "year %d", year);
	check_string(govreport_organ(r), "organ");
	check_string(govreport_title(r), "title");
	check_string(govreport_published(r), "published");
	for (int f = GOVREPORT_FIELD_ORGAN; f <= GOVREPORT_FIELD_OTHER_MATTERS; f++)
		check_string(govreport_field(r, (enum govreport_field)f), "field");
	REQUIRE(govreport_field(r, (enum govreport_field)99) == NULL);
	REQUIRE(govreport_field(r, (enum govreport_field)-1) == NULL);
	if (govreport_published(r)) {
		const char *p = govreport_published(r);
		REQUIRE_MSG(strlen(p) == 10 && p[4] == '-' && p[7] == '-',
			      "published \"%s\" is not YYYY-MM-DD", p);
	}
	for (int s = -1; s <= GR_SECTION_COUNT; s++) {
		int has = govreport_has_section(r, (enum govreport_section)s);
		REQUIRE(has == 0 || has == 1);
		if (s < 0 || s == GR_SECTION_COUNT)
			REQUIRE(has == 0);
		if (tpl == GOVREPORT_TEMPLATE_UNKNOWN)
			REQUIRE_MSG(has == 0, "table %d present without a template", s);
	}
	if (tpl != GOVREPORT_TEMPLATE_UNKNOWN)
		exercise_paths(r, gr_template_get(tpl), 1);
	exercise_diagnostics(r);
	if (!thorough)
		return;
	if (tpl != GOVREPORT_TEMPLATE_UNKNOWN) {
		/* The other template's paths: found or not, never a crash. */
		exercise_paths(r, gr_template_get(tpl == GOVREPORT_TEMPLATE_2019
						  ? GOVREPORT_TEMPLATE_2021
						  : GOVREPORT_TEMPLATE_2019), 0);
	} else {
		exercise_paths(r, gr_template_get(GOVREPORT_TEMPLATE_2019), 0);
		exercise_paths(r, gr_template_get(GOVREPORT_TEMPLATE_2021), 0);
	}
	exercise_enums(r);
	exercise_bad_paths(r);
}

/* Every report natively; under valgrind every 8th report is walked thoroughly. */
static int
next_thorough(void)
{
	static unsigned count;

	return !RUNNING_ON_VALGRIND || count++ % 8 == 0;
}

/*
 * Parse, check the status is one the API documents, walk the report and
 * free it. Returns the status.
 */
static enum govreport_status
parse_and_walk(const char *data, size_t len, const char *what)
{
	static char sentinel;
	struct govreport *r = (struct govreport *)&sentinel;
	enum govreport_status st = govreport_parse(data, len, 0, &r);

	REQUIRE_MSG(documented_parse_status(st), "%s (%zu bytes): status %d (%s)", what,
		      len, st, govreport_status_str(st));
	if (st != GOVREPORT_OK) {
		REQUIRE_MSG(r == NULL, "%s: failed parse left *out set", what);
		return st;
	}
	REQUIRE_MSG(r != NULL, "%s: OK without a report", what);
	exercise_report(r, next_thorough());
	govreport_free(r);
	return st;
}

/*
 * The inputs of the cases of a suite (cases.h) whose case name holds one
 * of `words` (every case when NULL), by name, NULL-terminated; empty when
 * GOVREPORT_TEST_DATA is not set. Runs in main(), outside any test.
 */
static char **
case_inputs(const char *suite, const char *const *words)
{
	const char *root = getenv("GOVREPORT_TEST_DATA");
	struct test_cases cases = { 0 };
	char **inputs;
	size_t n = 0;

	if (root && test_cases_add(&cases, root, suite) < 0) {
		perror(suite);
		abort();
	}
	inputs = calloc(cases.count + 1, sizeof(*inputs));
	if (!inputs)
		abort();
	for (size_t i = 0; i < cases.count; i++) {
		const struct test_case *c = &cases.items[i];
		int wanted = !words;
		for (size_t w = 0; words && words[w]; w++)
			wanted |= strstr(c->name, words[w]) != NULL;
		if (wanted && c->input && !(inputs[n++] = strdup(c->input)))
			abort();
	}
	test_cases_free(&cases);
	return inputs;
}

static void
free_list(char **names)
{
	for (size_t i = 0; names[i]; i++)
		free(names[i]);
	free(names);
}

/* ---- unusable input ------------------------------------------------------- */

START_TEST(empty_input)
{
	static char sentinel;
	struct govreport *r = (struct govreport *)&sentinel;
	enum govreport_status st;

	ck_assert_int_eq(govreport_parse("", 0, 0, &r), GOVREPORT_ERR_INPUT_EMPTY);
	ck_assert_ptr_null(r);
	r = (struct govreport *)&sentinel;
	ck_assert_int_eq(govreport_parse("x", 0, 0, &r), GOVREPORT_ERR_INPUT_EMPTY);
	ck_assert_ptr_null(r);

	/* No data at all: empty, or a misuse; never a crash. */
	r = (struct govreport *)&sentinel;
	st = govreport_parse(NULL, 0, 0, &r);
	ck_assert(st == GOVREPORT_ERR_INPUT_EMPTY || st == GOVREPORT_ERR_ARGUMENT);
	ck_assert_ptr_null(r);

	/* Whitespace, or a BOM alone: nothing to read, or an empty report. */
	parse_and_walk("\xef\xbb\xbf", 3, "UTF-8 BOM alone");
	parse_and_walk("\xff\xfe", 2, "UTF-16LE BOM alone");
	parse_and_walk("  \n\t\r\n\n  ", 10, "whitespace");
}
END_TEST

START_TEST(misuse)
{
	static char sentinel;
	struct govreport *r = (struct govreport *)&sentinel;

	ck_assert_int_eq(govreport_parse(NULL, 5, 0, &r), GOVREPORT_ERR_ARGUMENT);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(govreport_parse("一、总体情况\n", 19, 0, NULL), GOVREPORT_ERR_ARGUMENT);
	r = (struct govreport *)&sentinel;
	ck_assert_int_eq(govreport_parse("一、总体情况\n", 19, 1u << 31, &r),
			 GOVREPORT_ERR_ARGUMENT);
	ck_assert_ptr_null(r);
}
END_TEST

static void
expect_not_text(const char *data, size_t len, const char *what)
{
	static char sentinel;
	struct govreport *r = (struct govreport *)&sentinel;
	enum govreport_status st = govreport_parse(data, len, 0, &r);

	ck_assert_msg(st == GOVREPORT_ERR_INPUT_NOT_TEXT, "%s: status %d (%s)", what, st,
		      govreport_status_str(st));
	ck_assert_ptr_null(r);
}

START_TEST(binary_input)
{
	static const unsigned char png[] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
		0x00, 0x00, 0x00, 0x0d, 'I', 'H', 'D', 'R',
		0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00,
		0x5c, 0x72, 0xa8, 0x66,
		0x00, 0x00, 0x00, 0x0a, 'I', 'D', 'A', 'T',
		0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00, 0x05, 0x00, 0x01,
		0x0d, 0x0a, 0x2d, 0xb4,
		0x00, 0x00, 0x00, 0x00, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82,
	};
	static const unsigned char elf[] = {
		0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
		3, 0, 0x3e, 0, 1, 0, 0, 0, 0x40, 0x10, 0, 0, 0, 0, 0, 0,
	};
	char all[256], nul[4096], noise[4096];
	uint64_t seed = 97;

	for (int i = 0; i < 256; i++)
		all[i] = (char)i;
	expect_not_text(all, sizeof all, "bytes 0x00-0xff");
	expect_not_text((const char *)png, sizeof png, "PNG");
	expect_not_text((const char *)elf, sizeof elf, "ELF header");

	/* Text letters with a NUL every third byte: no BOM, not UTF-16 either. */
	for (size_t i = 0; i < sizeof nul; i++)
		nul[i] = i % 3 == 2 ? '\0' : (char)('a' + i % 26);
	expect_not_text(nul, sizeof nul, "NUL-laden text");
	/* One NUL in an otherwise fine report. */
	{
		const char text[] = "一、总体情况\n本年度无。\0\n二、主动公开政府信息情况\n";
		enum govreport_status st;
		struct govreport *r = NULL;

		st = govreport_parse(text, sizeof text - 1, 0, &r);
		ck_assert(documented_parse_status(st));
		if (st == GOVREPORT_OK) {
			exercise_report(r, 1);
			govreport_free(r);
		} else {
			ck_assert_ptr_null(r);
		}
	}
	for (size_t i = 0; i < sizeof noise; i += 8) {
		uint64_t v = next_random(&seed);
		memcpy(noise + i, &v, 8);
	}
	expect_not_text(noise, sizeof noise, "random bytes");
}
END_TEST

/*
 * Over the limit: refused from the length alone. Only the first page is
 * readable; reading further would fault, so the test proves the library
 * does not read (let alone copy) the input first.
 */
START_TEST(too_large)
{
	static char sentinel;
	struct govreport *r = (struct govreport *)&sentinel;
	long page = sysconf(_SC_PAGESIZE);
	size_t len = GOVREPORT_MAX_INPUT + 1;
	size_t map = (len + (size_t)page - 1) / (size_t)page * (size_t)page;
	int fd = open("/dev/zero", O_RDWR);
	char *p;

	/* /dev/zero rather than MAP_ANONYMOUS, which POSIX 2008 lacks. */
	ck_assert_msg(fd >= 0, "cannot open /dev/zero");
	p = mmap(NULL, map, PROT_NONE, MAP_PRIVATE, fd, 0);
	close(fd);
	ck_assert_msg(p != MAP_FAILED, "cannot reserve %zu bytes", map);
	ck_assert_int_eq(mprotect(p, (size_t)page, PROT_READ | PROT_WRITE), 0);
	memset(p, '0', (size_t)page);
	memcpy(p, "一、总体情况\n", 19);
	ck_assert_int_eq(mprotect(p, (size_t)page, PROT_READ), 0);

	ck_assert_int_eq(govreport_parse(p, len, 0, &r), GOVREPORT_ERR_INPUT_TOO_LARGE);
	ck_assert_ptr_null(r);
	r = (struct govreport *)&sentinel;
	ck_assert_int_eq(govreport_parse(p, SIZE_MAX, 0, &r), GOVREPORT_ERR_INPUT_TOO_LARGE);
	ck_assert_ptr_null(r);
	ck_assert_int_eq(munmap(p, map), 0);
}
END_TEST

/* ---- truncated and mutated documents --------------------------------- */

static char **seed_files;     /* tests/data/seeds/NAME.txt */
static char **encoded_files;  /* corpus cases that are not UTF-8 */

static size_t
count_list(char **names)
{
	size_t n = 0;

	while (names && names[n])
		n++;
	return n;
}

/* Parse every prefix of a file whose length is a multiple of step. */
static void
truncations(const char *path, size_t step)
{
	size_t len;
	char *data = test_read_file(path, &len);
	size_t ok = 0, n = 0;

	for (size_t cut = step; cut < len; cut += step, n++) {
		/* A copy of exactly cut bytes, so valgrind sees any over-read. */
		char *prefix = malloc(cut);
		REQUIRE(prefix != NULL);
		memcpy(prefix, data, cut);
		if (parse_and_walk(prefix, cut, path) == GOVREPORT_OK)
			ok++;
		free(prefix);
	}
	/* The whole document too. */
	ck_assert_int_eq(parse_and_walk(data, len, path), GOVREPORT_OK);
	free(data);
	/* Beyond the first few hundred bytes every prefix is readable text. */
	ck_assert_msg(n == 0 || ok > 0, "%s: no prefix parsed", path);
}

START_TEST(truncated_seed)
{
	/* GOVREPORT_TRUNCATE_STEP: the prefix step in bytes (97). */
	truncations(seed_files[_i], env_size("GOVREPORT_TRUNCATE_STEP", 97, 97));
}
END_TEST

START_TEST(truncated_encoded)
{
	/*
	 * UTF-16 and GB18030 cut mid-character. GOVREPORT_TRUNCATE_STEP_ENCODED:
	 * the step (97; 389 under valgrind, these files being larger).
	 */
	truncations(encoded_files[_i],
		    env_size("GOVREPORT_TRUNCATE_STEP_ENCODED", 97, 389));
}
END_TEST

/* One random edit of a document in place; returns the new length. */
static size_t
mutate(char *buf, size_t len, size_t cap, uint64_t *seed)
{
	static const char *const inserts[] = {
		" |", "|||", "\t", "\n\n", "0", "1,234", "—", "１２", "(六)", "一、",
		"三、收到和处理政府信息公开申请情况\n", "第二十条第(一)项 |\n", "\xff",
		"\xe4\xb8", "区(qū)", "| | |\n|---|---|\n", "\r\n", "\xef\xbb\xbf",
	};
	uint64_t r = next_random(seed);
	size_t pos = len ? (size_t)(next_random(seed) % len) : 0;
	size_t n;

	switch (r % 6) {
	case 0: /* overwrite a byte */
		if (len)
			buf[pos] = (char)(next_random(seed) & 0xff);
		return len;
	case 1: /* delete a run */
		n = (size_t)(next_random(seed) % 200);
		if (n > len - pos)
			n = len - pos;
		memmove(buf + pos, buf + pos + n, len - pos - n);
		return len - n;
	case 2: /* duplicate a run */
		n = (size_t)(next_random(seed) % 300);
		if (n > len - pos)
			n = len - pos;
		if (len + n > cap)
			return len;
		memmove(buf + pos + n, buf + pos, len - pos);
		return len + n;
	case 3: /* swap two runs of equal length */
		{
			size_t other = len ? (size_t)(next_random(seed) % len) : 0;
			n = 64;
			if (pos + n > len || other + n > len || (pos < other + n && other < pos + n))
				return len;
			for (size_t k = 0; k < n; k++) {
				char t = buf[pos + k];
				buf[pos + k] = buf[other + k];
				buf[other + k] = t;
			}
			return len;
		}
	default: /* insert something table-like */
		{
			const char *s = inserts[next_random(seed) %
					       (sizeof inserts / sizeof inserts[0])];
			n = strlen(s);
			if (len + n > cap)
				return len;
			memmove(buf + pos + n, buf + pos, len - pos);
			memcpy(buf + pos, s, n);
			return len + n;
		}
	}
}

START_TEST(mutated_seed)
{
	/* GOVREPORT_MUTANTS: documents per seed (60; 6 under valgrind). */
	size_t mutants = env_size("GOVREPORT_MUTANTS", 60, 6);
	size_t len;
	char *data = test_read_file(seed_files[_i], &len);
	uint64_t seed = 0x5eed0000u + (uint64_t)_i;

	for (size_t m = 0; m < mutants; m++) {
		size_t cap = len * 2 + 1024, n = len;
		char *buf = malloc(cap);
		size_t edits = 1 + (size_t)(next_random(&seed) % 12);
		char *exact;

		REQUIRE(buf != NULL);
		memcpy(buf, data, len);
		for (size_t e = 0; e < edits; e++)
			n = mutate(buf, n, cap, &seed);
		exact = malloc(n ? n : 1);
		REQUIRE(exact != NULL);
		memcpy(exact, buf, n);
		free(buf);
		parse_and_walk(exact, n, seed_files[_i]);
		free(exact);
	}
	free(data);
}
END_TEST

/* ---- large random text ------------------------------------------------------ */

/* Append one UTF-8 code point. */
static size_t
put_utf8(char *p, uint32_t c)
{
	if (c < 0x80) {
		p[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		p[0] = (char)(0xC0 | (c >> 6));
		p[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	p[0] = (char)(0xE0 | (c >> 12));
	p[1] = (char)(0x80 | ((c >> 6) & 0x3F));
	p[2] = (char)(0x80 | (c & 0x3F));
	return 3;
}

START_TEST(random_text)
{
	/*
	 * GOVREPORT_RANDOM_TEXT_SIZE: bytes of text, 10 MiB; 256 KiB under
	 * valgrind, where 10 MiB through ICU's normalizer and transliterator
	 * would take the better part of an hour without finding more: the
	 * code paths are the same, only the loop counts grow.
	 */
	static const char *const words[] = {
		"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
		"四、政府信息公开行政复议、行政诉讼情况", "第二十条第(一)项", "行政许可",
		"(一)予以公开", "总计", "本年新收政府信息公开申请数量", "行政复议", "2021年",
		"政府信息公开工作年度报告", "２０２３年１月３１日", "|---|---|", "—", "1,234",
		"區(qū)", "萬元", "12.3456", "-3",
	};
	size_t size = env_size("GOVREPORT_RANDOM_TEXT_SIZE", (size_t)10 << 20, (size_t)256 << 10);
	char *text = malloc(size + 64);
	uint64_t seed = 20240116;
	size_t len = 0;

	ck_assert_ptr_nonnull(text);
	while (len < size) {
		uint64_t r = next_random(&seed);
		unsigned kind = (unsigned)(r % 100);

		if (kind < 58) /* CJK, simplified and traditional alike */
			len += put_utf8(text + len, 0x4E00 + (uint32_t)((r >> 8) % 0x5200));
		else if (kind < 73)
			text[len++] = (char)('0' + (r >> 8) % 10);
		else if (kind < 81)
			text[len++] = '|';
		else if (kind < 88)
			text[len++] = '\n';
		else if (kind < 92)
			text[len++] = '\t';
		else if (kind < 96)
			text[len++] = ' ';
		else {
			const char *w = words[(r >> 8) % (sizeof words / sizeof words[0])];
			size_t n = strlen(w);
			if (len + n > size + 60)
				break;
			memcpy(text + len, w, n);
			len += n;
		}
	}
	ck_assert_int_eq(parse_and_walk(text, len, "random text"), GOVREPORT_OK);
	free(text);
}
END_TEST

/* ---- the suite ------------------------------------------------------------- */

static Suite *
robustness_suite(void)
{
	Suite *s = suite_create("robustness");
	TCase *tc;

	tc = tcase_create("unusable");
	tcase_add_test(tc, empty_input);
	tcase_add_test(tc, misuse);
	tcase_add_test(tc, binary_input);
	tcase_add_test(tc, too_large);
	suite_add_tcase(s, tc);

	tc = tcase_create("damaged");
	if (count_list(seed_files)) {
		tcase_add_loop_test(tc, truncated_seed, 0, (int)count_list(seed_files));
		tcase_add_loop_test(tc, mutated_seed, 0, (int)count_list(seed_files));
	}
	if (count_list(encoded_files))
		tcase_add_loop_test(tc, truncated_encoded, 0, (int)count_list(encoded_files));
	suite_add_tcase(s, tc);

	tc = tcase_create("large");
	tcase_add_test(tc, random_text);
	suite_add_tcase(s, tc);
	return s;
}

START_TEST(data_found)
{
	ck_assert_msg(count_list(seed_files) > 0, "no seeds under $GOVREPORT_TEST_DATA/seeds");
}
END_TEST

int
main(void)
{
	static const char *const encoded[] = { "utf16", "gb18030", NULL };
	Suite *s;
	TCase *tc;
	int status;

	seed_files = case_inputs("seeds", NULL);
	encoded_files = case_inputs("corpus", encoded);

	s = robustness_suite();
	tc = tcase_create("data");
	tcase_add_test(tc, data_found);
	suite_add_tcase(s, tc);
	status = test_run_suite(s);

	free_list(seed_files);
	free_list(encoded_files);
	return status;
}
