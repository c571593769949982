/* The one walker of tests/data; see cases.h for the layout it reads. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cases.h"

#define EXPECTED_SUFFIX ".expected.json"

char *
test_cases_join(const char *root, const char *relative)
{
	size_t len = strlen(root) + strlen(relative) + 2;
	char *path = malloc(len);

	if (path)
		snprintf(path, len, "%s/%s", root, relative);
	return path;
}

static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int
is_folder(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* dir/name when it is a regular file; NULL when not. *failed set when
 * memory ran out. */
static char *
file_in(const char *dir, const char *name, int *failed)
{
	char *path = test_cases_join(dir, name);

	if (!path)
		*failed = 1;
	else if (!is_file(path)) {
		free(path);
		path = NULL;
	}
	return path;
}

static void
case_free(struct test_case *c)
{
	free(c->name);
	free(c->input);
	free(c->expected);
	free(c->source);
	free(c->error);
	free(c->status);
}

static int
append(struct test_cases *cases, struct test_case *c)
{
	if (cases->count == cases->cap) {
		size_t cap = cases->cap ? cases->cap * 2 : 64;
		struct test_case *items = realloc(cases->items, cap * sizeof(*items));
		if (!items)
			return -1;
		cases->items = items;
		cases->cap = cap;
	}
	cases->items[cases->count++] = *c;
	return 0;
}

static char *
case_name(const char *suite, const char *name, size_t len)
{
	size_t size = strlen(suite) + len + 2;
	char *s = malloc(size);

	if (s)
		snprintf(s, size, "%s/%.*s", suite, (int)len, name);
	return s;
}

/*
 * The input of a case folder: the file named input.<ext>, the first by
 * name if there were several (there never are). NULL when it has none.
 */
static char *
folder_input(const char *dir, int *failed)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char *best = NULL;

	if (!d) {
		*failed = 1;
		return NULL;
	}
	while ((e = readdir(d)) != NULL)
		if (strncmp(e->d_name, "input.", 6) == 0 && (!best || strcmp(e->d_name, best) < 0)) {
			free(best);
			best = strdup(e->d_name);
			if (!best)
				*failed = 1;
		}
	closedir(d);
	if (best) {
		char *path = file_in(dir, best, failed);
		free(best);
		return path;
	}
	return NULL;
}

/* A case folder: 1 added, 0 not a case (nothing a suite reads), -1. */
static int
add_folder(struct test_cases *cases, const char *suite, const char *dir, const char *name)
{
	struct test_case c = { 0 };
	int failed = 0;

	c.input = folder_input(dir, &failed);
	c.expected = file_in(dir, "expected.json", &failed);
	c.source = file_in(dir, "source.json", &failed);
	c.error = file_in(dir, "error", &failed);
	c.status = file_in(dir, "status", &failed);
	if (!failed && !c.input && !c.expected && !c.source && !c.error && !c.status)
		return 0;
	c.name = case_name(suite, name, strlen(name));
	if (failed || !c.name || append(cases, &c) < 0) {
		case_free(&c);
		return -1;
	}
	return 1;
}

/*
 * The seeds' form, NAME.expected.json: its document is the other file
 * NAME.<ext> of the folder. 1 added, 0 not such, -1.
 */
static int
add_pair(struct test_cases *cases, const char *suite, const char *dir, const char *expected)
{
	size_t len = strlen(expected), base = len - strlen(EXPECTED_SUFFIX);
	struct test_case c = { 0 };
	struct dirent *e;
	int failed = 0;
	DIR *d;

	if (len <= strlen(EXPECTED_SUFFIX) || strcmp(expected + base, EXPECTED_SUFFIX) != 0)
		return 0;
	d = opendir(dir);
	if (!d)
		return -1;
	while ((e = readdir(d)) != NULL && !c.input && !failed)
		if (strncmp(e->d_name, expected, base) == 0 && e->d_name[base] == '.' &&
		    strcmp(e->d_name, expected) != 0)
			c.input = file_in(dir, e->d_name, &failed);
	closedir(d);
	c.expected = file_in(dir, expected, &failed);
	c.name = case_name(suite, expected, base);
	if (failed || !c.name || append(cases, &c) < 0) {
		case_free(&c);
		return -1;
	}
	return 1;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct test_case *)a)->name, ((const struct test_case *)b)->name);
}

long
test_cases_add(struct test_cases *cases, const char *root, const char *suite)
{
	char *dir = test_cases_join(root, suite);
	DIR *d = dir ? opendir(dir) : NULL;
	struct dirent *e;
	long added = 0;

	if (!d) {
		free(dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL && added >= 0) {
		char *path;
		int rc;
		if (e->d_name[0] == '.')
			continue;
		path = test_cases_join(dir, e->d_name);
		if (!path)
			rc = -1;
		else if (is_folder(path))
			rc = add_folder(cases, suite, path, e->d_name);
		else
			rc = add_pair(cases, suite, dir, e->d_name);
		free(path);
		added = rc < 0 ? -1 : added + rc;
	}
	closedir(d);
	free(dir);
	if (cases->count)
		qsort(cases->items, cases->count, sizeof(*cases->items), by_name);
	if (added >= 0)
		fprintf(stderr, "cases: %s %ld\n", suite, added);
	return added;
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_listed(const char *name, const char *const *list)
{
	for (size_t i = 0; list && list[i]; i++)
		if (strcmp(name, list[i]) == 0)
			return 1;
	return 0;
}

long
test_cases_add_group(struct test_cases *cases, const char *root, const char *group,
		     const char *const *except)
{
	char *dir = test_cases_join(root, group), **suites = NULL;
	DIR *d = dir ? opendir(dir) : NULL;
	size_t n = 0;
	struct dirent *e;
	long total = 0;

	if (!d) {
		free(dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL && total >= 0) {
		char *path, *suite, **grown;
		if (e->d_name[0] == '.')
			continue;
		path = test_cases_join(dir, e->d_name);
		if (!path) {
			total = -1;
			continue;
		}
		suite = is_folder(path) ? test_cases_join(group, e->d_name) : NULL;
		free(path);
		if (!suite || is_listed(suite, except)) {
			free(suite);
			continue;
		}
		grown = realloc(suites, (n + 1) * sizeof(*suites));
		if (!grown) {
			free(suite);
			total = -1;
			continue;
		}
		suites = grown;
		suites[n++] = suite;
	}
	closedir(d);
	free(dir);
	if (n)
		qsort(suites, n, sizeof(*suites), by_string);
	for (size_t i = 0; i < n; i++) {
		long added = total < 0 ? -1 : test_cases_add(cases, root, suites[i]);
		total = added < 0 ? -1 : total + added;
		free(suites[i]);
	}
	free(suites);
	return total;
}

const struct test_case *
test_cases_find(const struct test_cases *cases, const char *name)
{
	for (size_t i = 0; i < cases->count; i++)
		if (strcmp(cases->items[i].name, name) == 0)
			return &cases->items[i];
	return NULL;
}

size_t
test_cases_count(const struct test_cases *cases, const char *prefix)
{
	size_t n = 0, len = strlen(prefix);

	for (size_t i = 0; i < cases->count; i++)
		n += strncmp(cases->items[i].name, prefix, len) == 0;
	return n;
}

void
test_cases_free(struct test_cases *cases)
{
	for (size_t i = 0; i < cases->count; i++)
		case_free(&cases->items[i]);
	free(cases->items);
	cases->items = NULL;
	cases->count = cases->cap = 0;
}
