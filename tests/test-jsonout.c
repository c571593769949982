/*
 * The JSON writer (lib/output/json.c) writes what yajl_gen writes, byte for
 * byte: random documents — nested maps and arrays, strings with every
 * character that needs escaping at every place in a word, multibyte
 * characters, numbers, null, true, false — through both, compact and
 * pretty, and strings yajl refuses as UTF-8 refused alike (and the few it
 * lets through that the library's stricter check refuses).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_gen.h>

#include "util/alloc.h"
#include "output/json.h"
#include "testutil.h"

struct rng {
	uint64_t state;
};

static unsigned
next(struct rng *r, unsigned n)
{
	r->state = r->state * 6364136223846793005ull + 1442695040888963407ull;
	return (unsigned)((r->state >> 33) % n);
}

/* Pieces of strings: plain text, escapes, multibyte characters, and
 * (when `invalid`) bytes yajl's UTF-8 check refuses. */
static void
random_string(struct rng *r, char *out, size_t cap, int invalid)
{
	static const char *const pieces[] = {
		"a", "abcdefgh", "0123456789", " ", "\"", "\\", "/", "\n", "\r", "\t",
		"\b", "\f", "\x01", "\x1f", "\x7f", "中", "文字", "（一）", "“", "😀",
		"é", "ab\ncd\"ef\\gh", "12345678\n",
	};
	static const char *const bad[] = { "\xff", "\xc3", "\xe4\xb8", "\x80" };
	size_t len = 0, n = next(r, 12);

	for (size_t i = 0; i < n; i++) {
		const char *p = pieces[next(r, sizeof(pieces) / sizeof(pieces[0]))];
		size_t plen = strlen(p);
		if (len + plen + 4 >= cap)
			break;
		memcpy(out + len, p, plen);
		len += plen;
	}
	if (invalid) {
		const char *p = bad[next(r, 4)];
		size_t at = len ? next(r, (unsigned)len + 1) : 0;
		size_t plen = strlen(p);
		memmove(out + at + plen, out + at, len - at);
		memcpy(out + at, p, plen);
		len += plen;
	}
	out[len] = '\0';
}

struct pair {
	struct gr_json_out ours;
	yajl_gen theirs;
	struct gr_strbuf theirs_text;
	int theirs_failed;
};

static void
print_theirs(void *ctx, const char *s, size_t len)
{
	gr_strbuf_append(ctx, s, len);
}

static void
both_string(struct pair *p, const char *s)
{
	gr_json_out_string(&p->ours, s);
	if (yajl_gen_string(p->theirs, (const unsigned char *)s, strlen(s)) !=
	    yajl_gen_status_ok)
		p->theirs_failed = 1;
}

static void
random_value(struct pair *p, struct rng *r, int depth, int invalid)
{
	char text[256];
	unsigned kind = next(r, depth < 5 ? 7 : 5);

	switch (kind) {
	case 0:
		random_string(r, text, sizeof(text), invalid && next(r, 8) == 0);
		both_string(p, text);
		break;
	case 1: {
		int64_t v = (int64_t)next(r, 2000000) - 1000000;
		unsigned scale = next(r, 5);
		char num[GR_JSON_DECIMAL_MAX];
		size_t len = gr_json_format_decimal(v, scale, num);
		gr_json_out_decimal(&p->ours, v, scale);
		yajl_gen_number(p->theirs, num, len);
		break;
	}
	case 2:
		gr_json_out_null(&p->ours);
		yajl_gen_null(p->theirs);
		break;
	case 3:
	case 4: {
		int b = (int)next(r, 2);
		gr_json_out_bool(&p->ours, b);
		yajl_gen_bool(p->theirs, b);
		break;
	}
	case 5: {
		unsigned n = next(r, 5);
		gr_json_out_map_open(&p->ours);
		yajl_gen_map_open(p->theirs);
		for (unsigned i = 0; i < n; i++) {
			random_string(r, text, sizeof(text), invalid && next(r, 8) == 0);
			both_string(p, text);
			random_value(p, r, depth + 1, invalid);
		}
		gr_json_out_map_close(&p->ours);
		yajl_gen_map_close(p->theirs);
		break;
	}
	default: {
		unsigned n = next(r, 5);
		gr_json_out_array_open(&p->ours);
		yajl_gen_array_open(p->theirs);
		for (unsigned i = 0; i < n; i++)
			random_value(p, r, depth + 1, invalid);
		gr_json_out_array_close(&p->ours);
		yajl_gen_array_close(p->theirs);
		break;
	}
	}
}

static void
compare(uint64_t seed, int pretty, int invalid)
{
	struct rng r = { seed };
	struct pair p = { .theirs_failed = 0 };
	char *ours = NULL;
	size_t len = 0;
	enum govreport_status st;

	ck_assert_int_eq(gr_json_out_init(&p.ours, pretty), 0);
	gr_strbuf_init(&p.theirs_text);
	p.theirs = yajl_gen_alloc(NULL);
	ck_assert_ptr_nonnull(p.theirs);
	yajl_gen_config(p.theirs, yajl_gen_print_callback, print_theirs, &p.theirs_text);
	yajl_gen_config(p.theirs, yajl_gen_validate_utf8, 1);
	if (pretty) {
		yajl_gen_config(p.theirs, yajl_gen_beautify, 1);
		yajl_gen_config(p.theirs, yajl_gen_indent_string, "  ");
	}
	/* A map at the top, as every writer of the library starts. */
	gr_json_out_map_open(&p.ours);
	yajl_gen_map_open(p.theirs);
	for (unsigned i = 0, n = next(&r, 6); i < n; i++) {
		both_string(&p, "key");
		random_value(&p, &r, 1, invalid);
	}
	gr_json_out_map_close(&p.ours);
	yajl_gen_map_close(p.theirs);
	st = gr_json_out_finish(&p.ours, &ours, &len);
	if (p.theirs_failed) {
		ck_assert_int_eq(st, GOVREPORT_ERR_INTERNAL);
	} else {
		ck_assert_int_eq(st, GOVREPORT_OK);
		ck_assert_uint_eq(len, p.theirs_text.len);
		ck_assert_msg(memcmp(ours, p.theirs_text.data, len) == 0,
			      "seed %llu pretty %d: %s\nyajl: %s", (unsigned long long)seed,
			      pretty, ours, p.theirs_text.data);
	}
	gr_free(ours);
	yajl_gen_free(p.theirs);
	gr_strbuf_release(&p.theirs_text);
}

START_TEST(same_bytes_as_yajl)
{
	for (uint64_t seed = 1; seed <= 3000; seed++) {
		compare(seed, 0, 0);
		compare(seed, 1, 0);
	}
}
END_TEST

START_TEST(invalid_utf8_refused_alike)
{
	for (uint64_t seed = 1; seed <= 3000; seed++) {
		compare(seed, 0, 1);
		compare(seed, 1, 1);
	}
}
END_TEST

/*
 * Where the writer refuses more than yajl_gen: it checks strings with the
 * library's own UTF-8 check (gr_utf8_valid), which refuses overlong forms,
 * surrogates and values past U+10FFFF, where yajl looks at lead and
 * continuation bits only. No text of a report holds them.
 */
START_TEST(stricter_than_yajl)
{
	static const char *const refused[] = {
		"\xC0\x80", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
	};

	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		struct pair p = { .theirs_failed = 0 };
		char *ours = NULL;
		size_t len = 0;

		ck_assert_int_eq(gr_json_out_init(&p.ours, 0), 0);
		gr_strbuf_init(&p.theirs_text);
		p.theirs = yajl_gen_alloc(NULL);
		ck_assert_ptr_nonnull(p.theirs);
		yajl_gen_config(p.theirs, yajl_gen_print_callback, print_theirs, &p.theirs_text);
		yajl_gen_config(p.theirs, yajl_gen_validate_utf8, 1);
		gr_json_out_map_open(&p.ours);
		yajl_gen_map_open(p.theirs);
		both_string(&p, "key");
		both_string(&p, refused[i]);
		gr_json_out_map_close(&p.ours);
		yajl_gen_map_close(p.theirs);
		ck_assert_msg(!p.theirs_failed, "yajl refuses string %zu", i);
		ck_assert_int_eq(gr_json_out_finish(&p.ours, &ours, &len), GOVREPORT_ERR_INTERNAL);
		ck_assert_ptr_null(ours);
		yajl_gen_free(p.theirs);
		gr_strbuf_release(&p.theirs_text);
	}
}
END_TEST

static Suite *
jsonout_suite(void)
{
	Suite *s = suite_create("jsonout");
	TCase *tc = tcase_create("against yajl");

	tcase_add_test(tc, same_bytes_as_yajl);
	tcase_add_test(tc, invalid_utf8_refused_alike);
	tcase_add_test(tc, stricter_than_yajl);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(jsonout_suite());
}
