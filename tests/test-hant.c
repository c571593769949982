/*
 * Traditional → simplified by the rule tables (gr_hant_convert) gives
 * exactly what ICU's Hant-Hans transliterator gives: on every line of
 * the traditional reports under tests/data and every line of any other
 * text file there that the library would convert, on every character
 * alone, and on generated text holding every rule's key — alone, between
 * other characters, run into each other, and in random strings of the
 * characters the rules know.
 */
#define _XOPEN_SOURCE 700 /* nftw */
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "input/chardata.h"
#include "input/hant.h"
#include "input/text.h"
#include "testutil.h"

static UTransliterator *icu;

static void
open_icu(void)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar id[16];

	u_charsToUChars("Hant-Hans", id, 10);
	icu = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
	ck_assert_msg(U_SUCCESS(status), "ICU cannot open Hant-Hans: %s", u_errorName(status));
	ck_assert_msg(gr_chardata() && gr_chardata()->has_rules,
		      "the build took no rule tables from ICU's Hant-Hans");
}

static void
close_icu(void)
{
	utrans_close(icu);
	icu = NULL;
}

/*
 * Both conversions of s (UTF-8); fails with the text and both results.
 * Returns whether ICU changed it. (ck_abort_msg only on failure: each
 * ck_assert also writes to Check's log, too slow for a million calls.)
 */
static int
check_text(const char *s, size_t len, const char *where)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar stack_units[256], *buf = stack_units;
	char stack_icu[1024], stack_table[1024], *by_icu = stack_icu, *by_table = stack_table;
	int32_t units = 0, limit, cap = 256, bytes = 0;
	size_t table_len;
	int changed;

	if (len >= 240) {
		cap = (int32_t)len * 2 + 16;
		buf = malloc((size_t)cap * sizeof(UChar));
		by_icu = malloc((size_t)cap * 3 + 1);
		by_table = malloc(len + 1);
		if (!buf || !by_icu || !by_table)
			ck_abort_msg("out of memory");
	}
	u_strFromUTF8(buf, cap, &units, s, (int32_t)len, &status);
	limit = units;
	utrans_transUChars(icu, buf, &units, cap, 0, &limit, &status);
	u_strToUTF8(by_icu, cap * 3 + 1, &bytes, buf, units, &status);
	if (U_FAILURE(status))
		ck_abort_msg("%s: ICU: %s", where, u_errorName(status));
	memcpy(by_table, s, len);
	table_len = gr_hant_convert(gr_chardata(), by_table, len);
	by_table[table_len] = '\0';
	if (table_len != (size_t)bytes || memcmp(by_icu, by_table, table_len) != 0)
		ck_abort_msg("%s: \"%.*s\": ICU gives \"%.240s\", the tables \"%.240s\"",
			     where, (int)(len < 240 ? len : 240), s, by_icu, by_table);
	changed = (size_t)bytes != len || memcmp(by_icu, s, len) != 0;
	if (buf != stack_units) {
		free(buf);
		free(by_icu);
		free(by_table);
	}
	return changed;
}

/* ---- the files of tests/data ------------------------------------------ */

/* No rule's key holds ASCII (every_key_in_context): a line of ASCII
 * alone is left as it is by both. */
static int
has_non_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 1;
	return 0;
}

/* Whether the line holds a character the detector flags: one that the
 * library converts. */
static int
has_traditional(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		unsigned char b = (unsigned char)s[i];
		size_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
		uint32_t c = b;
		if (i + n > len)
			return 0;
		if (n > 1) {
			c = b & (0xFF >> (n + 1));
			for (size_t k = 1; k < n; k++)
				c = c << 6 | ((unsigned char)s[i + k] & 0x3F);
		}
		if (gr_chardata_is_traditional(gr_chardata(), (int32_t)c))
			return 1;
		i += n;
	}
	return 0;
}

static size_t files, traditional_files, changed_lines;

static int
check_file(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	const char *dot = strrchr(path, '.');
	struct gr_text text;
	size_t len, changed = 0;
	char *data;

	(void)st;
	(void)ftw;
	if (type != FTW_F || !dot ||
	    (strcmp(dot, ".txt") != 0 && strcmp(dot, ".md") != 0 && strcmp(dot, ".html") != 0))
		return 0;
	data = test_read_file(path, &len);
	/* As written (UTF-16 and GB18030 read), not normalised. */
	if (gr_text_decode_as(data, len, NULL, GR_DECODE_RAW, &text) == GOVREPORT_OK) {
		int all_lines = strstr(path, "traditional") != NULL;
		for (size_t i = 0; i < text.nlines; i++) {
			const char *line = gr_line_text(&text, &text.lines[i]);
			size_t n = text.lines[i].len;
			if (all_lines ? has_non_ascii(line, n) : has_traditional(line, n))
				changed += (size_t)check_text(line, n, path);
		}
		gr_text_release(&text);
		files++;
	}
	free(data);
	traditional_files += changed > 0;
	changed_lines += changed;
	return 0;
}

START_TEST(every_file_of_the_test_data)
{
	char *root = test_data_path("");

	open_icu();
	files = traditional_files = changed_lines = 0;
	ck_assert_int_eq(nftw(root, check_file, 16, FTW_PHYS), 0);
	/* The five traditional corpus reports at least, and their lines. */
	ck_assert_uint_gt(files, 100);
	ck_assert_uint_ge(traditional_files, 5);
	ck_assert_uint_gt(changed_lines, 300);
	free(root);
	close_icu();
}
END_TEST

/* ---- the rules' own keys ------------------------------------------------ */

struct keys {
	char **key; /* UTF-8, NUL-terminated */
	size_t n;
	UChar *chars; /* every character a key holds, once */
	size_t nchars;
	UChar *phrase_chars; /* every character a key of a phrase holds, once */
	size_t nphrase_chars;
};

/* The keys of ICU's rules ("KEY > VALUE;" lines, read here on their own). */
static void
read_keys(struct keys *k)
{
	UErrorCode status = U_ZERO_ERROR;
	int32_t len = utrans_toRules(icu, 0, NULL, 0, &status);
	UChar *rules = malloc(((size_t)len + 1) * sizeof(UChar));
	static uint8_t seen[0x10000], in_phrase[0x10000];

	ck_assert(rules);
	status = U_ZERO_ERROR;
	utrans_toRules(icu, 0, rules, len + 1, &status);
	ck_assert(U_SUCCESS(status));
	memset(seen, 0, sizeof(seen));
	memset(in_phrase, 0, sizeof(in_phrase));
	k->key = calloc((size_t)len, sizeof(char *));
	k->chars = calloc((size_t)len, sizeof(UChar));
	k->phrase_chars = calloc((size_t)len, sizeof(UChar));
	k->n = k->nchars = k->nphrase_chars = 0;
	ck_assert(k->key && k->chars && k->phrase_chars);
	for (int32_t at = 0; at < len;) {
		int32_t end = at, bytes = 0;
		while (end < len && rules[end] != ' ' && rules[end] != '\n')
			end++;
		if (end > at && end + 2 < len && rules[end] == ' ' && rules[end + 1] == '>') {
			k->key[k->n] = malloc((size_t)(end - at) * 3 + 1);
			ck_assert(k->key[k->n]);
			u_strToUTF8(k->key[k->n], (end - at) * 3 + 1, &bytes, rules + at,
				    end - at, &status);
			ck_assert(U_SUCCESS(status));
			k->n++;
			for (int32_t i = at; i < end; i++) {
				if (!seen[rules[i]]++)
					k->chars[k->nchars++] = rules[i];
				if (end - at > 1 && !in_phrase[rules[i]]++)
					k->phrase_chars[k->nphrase_chars++] = rules[i];
			}
		}
		while (end < len && rules[end] != '\n')
			end++;
		at = end + 1;
	}
	free(rules);
}

static void
free_keys(struct keys *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->key[i]);
	free(k->key);
	free(k->chars);
	free(k->phrase_chars);
}

START_TEST(every_character_alone)
{
	open_icu();
	/* Beyond the BMP, where no rule begins, one in 31 will do. */
	for (uint32_t c = 1; c < 0x110000; c += c < 0x10000 ? 1 : 31) {
		char s[4];
		size_t n;
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		if (c < 0x80) {
			s[0] = (char)c;
			n = 1;
		} else if (c < 0x800) {
			s[0] = (char)(0xC0 | (c >> 6));
			s[1] = (char)(0x80 | (c & 0x3F));
			n = 2;
		} else if (c < 0x10000) {
			s[0] = (char)(0xE0 | (c >> 12));
			s[1] = (char)(0x80 | ((c >> 6) & 0x3F));
			s[2] = (char)(0x80 | (c & 0x3F));
			n = 3;
		} else {
			s[0] = (char)(0xF0 | (c >> 18));
			s[1] = (char)(0x80 | ((c >> 12) & 0x3F));
			s[2] = (char)(0x80 | ((c >> 6) & 0x3F));
			s[3] = (char)(0x80 | (c & 0x3F));
			n = 4;
		}
		check_text(s, n, "one character");
	}
	close_icu();
}
END_TEST

START_TEST(every_key_in_context)
{
	struct keys k;
	char line[256];
	size_t changed = 0;
	/* Before and after: ASCII, a simplified, a traditional character. */
	static const char *const around[] = { "a", "中", "國", "" };

	open_icu();
	read_keys(&k);
	ck_assert_uint_gt(k.n, 3000);
	for (size_t i = 0; i < k.n; i++) {
		for (const char *c = k.key[i]; *c; c++)
			if ((unsigned char)*c < 0x80)
				ck_abort_msg("a rule's key holds ASCII: %s", k.key[i]);
		changed += (size_t)check_text(k.key[i], strlen(k.key[i]), "key");
		for (size_t b = 0; b < 4; b++)
			for (size_t a = 0; a < 4; a++) {
				int n = snprintf(line, sizeof(line), "%s%s%s", around[b], k.key[i],
						 around[a]);
				check_text(line, (size_t)n, "key in context");
			}
		/* Run into the next rule's key and into itself: one rule's key
		 * may begin where another's ends. */
		if (i + 1 < k.n) {
			int n = snprintf(line, sizeof(line), "%s%s%s", k.key[i], k.key[i + 1],
					 k.key[i]);
			check_text(line, (size_t)n, "keys run together");
		}
	}
	ck_assert_uint_gt(changed, 3000);
	free_keys(&k);
	close_icu();
}
END_TEST

/* Every key at once, in the rules' order and reversed: one long line. */
START_TEST(all_keys_in_one_line)
{
	struct keys k;
	size_t len = 0;
	char *line;

	open_icu();
	read_keys(&k);
	for (size_t i = 0; i < k.n; i++)
		len += strlen(k.key[i]);
	line = malloc(2 * len + 1);
	ck_assert(line);
	len = 0;
	for (size_t i = 0; i < k.n; i++) {
		memcpy(line + len, k.key[i], strlen(k.key[i]));
		len += strlen(k.key[i]);
	}
	for (size_t i = k.n; i-- > 0;) {
		memcpy(line + len, k.key[i], strlen(k.key[i]));
		len += strlen(k.key[i]);
	}
	ck_assert(check_text(line, len, "every key"));
	free(line);
	free_keys(&k);
	close_icu();
}
END_TEST

/* Random strings of the characters the rules know, so that keys overlap
 * in every way the data allows. */
START_TEST(random_strings_of_rule_characters)
{
	struct keys k;
	uint64_t state = 0x2545F4914F6CDD1Dull;

	open_icu();
	read_keys(&k);
	ck_assert_uint_gt(k.nchars, 3000);
	ck_assert_uint_gt(k.nphrase_chars, 800);
	for (int line = 0; line < 20000; line++) {
		UChar units[16];
		char utf8[64];
		int32_t n, bytes = 0;
		UErrorCode status = U_ZERO_ERROR;
		state = state * 6364136223846793005ull + 1442695040888963407ull;
		n = (int32_t)(state >> 60) + 1;
		for (int32_t i = 0; i < n; i++) {
			state = state * 6364136223846793005ull + 1442695040888963407ull;
			/* Every other line of characters of phrases only, so
			 * that phrases meet and overlap. */
			units[i] = line % 2 ? k.chars[(state >> 33) % k.nchars]
					    : k.phrase_chars[(state >> 33) % k.nphrase_chars];
		}
		u_strToUTF8(utf8, sizeof(utf8), &bytes, units, n, &status);
		ck_assert(U_SUCCESS(status));
		check_text(utf8, (size_t)bytes, "random");
	}
	free_keys(&k);
	close_icu();
}
END_TEST

static Suite *
hant_suite(void)
{
	Suite *s = suite_create("hant");
	TCase *tc = tcase_create("as ICU");

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, every_file_of_the_test_data);
	tcase_add_test(tc, every_character_alone);
	tcase_add_test(tc, every_key_in_context);
	tcase_add_test(tc, all_keys_in_one_line);
	tcase_add_test(tc, random_strings_of_rule_characters);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(hant_suite());
}
