/*
 * key_figures FOLDER|FILE...: a table of the key figures of each report,
 * one row per organ and year, sorted by organ: new applications, granted,
 * total processed, administrative reviews and lawsuits. A folder is read
 * for its *.txt, *.md, *.markdown, *.htm and *.html files, and its
 * subfolders likewise (hidden ones left out); a file there without a table
 * of either template (a README.md) is no report, and is skipped with a
 * note. A figure the report leaves empty
 * (or a missing table) prints as "-", never as 0.
 *
 * examples/key_figures.py prints the same table from Python.
 */
#include <dirent.h>
#include <govreport.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The columns: a header and the cells that add up to the figure. */
static const struct {
	const char *header;
	const char *paths[2];
} figures[] = {
	{ "new", { "applications.new_received.total", NULL } },
	{ "granted", { "applications.granted.total", NULL } },
	{ "processed", { "applications.total_processed.total", NULL } },
	{ "reviews", { "review_litigation.review.total", NULL } },
	{ "suits", { "review_litigation.litigation_direct.total",
		     "review_litigation.litigation_after_review.total" } },
};
#define NFIGURES (sizeof(figures) / sizeof(figures[0]))
#define ORGAN_WIDTH 40

struct row {
	char *organ; /* the report's organ, or the file's name */
	int year;
	int has[NFIGURES];
	int64_t value[NFIGURES];
};

static char *
read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	long size;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (data = malloc((size_t)size + 1)) &&
	    fread(data, 1, (size_t)size, f) == (size_t)size) {
		*len = (size_t)size;
	} else {
		free(data);
		data = NULL;
	}
	fclose(f);
	return data;
}

/* The sum of the figure's cells; 0 when any of them is null. */
static int
figure(const struct govreport *r, size_t i, int64_t *out)
{
	*out = 0;
	for (size_t p = 0; p < 2 && figures[i].paths[p]; p++) {
		enum govreport_cell_state state;
		int64_t v;

		if (govreport_get(r, figures[i].paths[p], &v, &state) != GOVREPORT_OK ||
		    (state != GOVREPORT_CELL_PRESENT && state != GOVREPORT_CELL_INFERRED))
			return 0; /* no such table, or a null cell */
		*out += v;
	}
	return 1;
}

/* Read a report into a new row; @found: met in a folder, not named. */
static int
add_report(const char *path, int found, struct row **rows, size_t *nrows)
{
	struct govreport *r = NULL;
	enum govreport_status st;
	struct row *grown, *row;
	size_t len = 0;
	char *data = read_file(path, &len);
	const char *organ, *base;

	if (!data) {
		perror(path);
		return -1;
	}
	st = govreport_parse(data, len, 0, &r);
	free(data);
	if (st != GOVREPORT_OK) {
		fprintf(stderr, "%s: %s\n", path, govreport_status_str(st));
		return -1;
	}
	/* A file found in a folder (a README.md) that has no table of either
	 * template is no report: said, and left out. */
	if (found && govreport_template(r) == GOVREPORT_TEMPLATE_UNKNOWN) {
		fprintf(stderr, "%s: no report tables, skipped\n", path);
		govreport_free(r);
		return 0;
	}
	grown = realloc(*rows, (*nrows + 1) * sizeof(**rows));
	if (!grown) {
		govreport_free(r);
		return -1;
	}
	*rows = grown;
	row = &grown[(*nrows)++];
	organ = govreport_organ(r);
	base = strrchr(path, '/');
	row->organ = strdup(organ ? organ : base ? base + 1 : path);
	row->year = govreport_year(r);
	for (size_t i = 0; i < NFIGURES; i++)
		row->has[i] = figure(r, i, &row->value[i]);
	govreport_free(r);
	return row->organ ? 0 : -1;
}

static int
is_report_name(const char *name)
{
	static const char *const suffixes[] = { ".txt", ".md", ".markdown", ".htm",
						".html" };
	size_t n = strlen(name);

	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		size_t s = strlen(suffixes[i]);
		if (n > s && strcmp(name + n - s, suffixes[i]) == 0)
			return 1;
	}
	return 0;
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_folder(const char *dir, struct row **rows, size_t *nrows);

/* A folder's entry: a subfolder is walked, a report file read. */
static int
add_entry(const char *path, struct row **rows, size_t *nrows)
{
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return add_folder(path, rows, nrows);
	return add_report(path, 1, rows, nrows);
}

/* Whether a folder's entry is a report file or a subfolder to walk. */
static int
wanted(const char *dir, const char *name)
{
	char *path;
	struct stat st;
	int dir_entry;

	if (name[0] == '.')
		return 0;
	if (is_report_name(name))
		return 1;
	path = malloc(strlen(dir) + strlen(name) + 2);
	if (!path)
		return 0;
	sprintf(path, "%s/%s", dir, name);
	dir_entry = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
	free(path);
	return dir_entry;
}

/* Every report file of a folder and its subfolders, in name order. */
static int
add_folder(const char *dir, struct row **rows, size_t *nrows)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0;
	int failed = 0;

	if (!d) {
		perror(dir);
		return -1;
	}
	while ((e = readdir(d))) {
		char **grown;
		if (!wanted(dir, e->d_name))
			continue;
		grown = realloc(names, (n + 1) * sizeof(*names));
		if (!grown || !(grown[n] = malloc(strlen(dir) + strlen(e->d_name) + 2))) {
			names = grown ? grown : names;
			failed = 1;
			break;
		}
		names = grown;
		sprintf(names[n++], "%s/%s", dir, e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_string);
	for (size_t i = 0; i < n; i++) {
		failed |= add_entry(names[i], rows, nrows) < 0;
		free(names[i]);
	}
	free(names);
	return failed ? -1 : 0;
}

static int
by_organ_year(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int c = strcmp(x->organ, y->organ);

	return c ? c : (x->year > y->year) - (x->year < y->year);
}

/* Columns on a terminal: CJK characters take two. */
static size_t
display_width(const char *s)
{
	size_t width = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p;) {
		size_t len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
		unsigned cp = *p & (len == 1 ? 0x7F : len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);

		for (size_t i = 1; i < len && p[i]; i++)
			cp = (cp << 6) | (p[i] & 0x3F);
		width += (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
			 (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
			 (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
			 (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD)
				 ? 2 : 1;
		while (len-- > 0 && *p)
			p++;
	}
	return width;
}

static void
print_organ(const char *organ)
{
	size_t w = display_width(organ);

	fputs(organ, stdout);
	for (; w < ORGAN_WIDTH; w++)
		putchar(' ');
}

int
main(int argc, char **argv)
{
	struct row *rows = NULL;
	size_t nrows = 0;
	int failed = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: key_figures FOLDER|FILE...\n");
		return 2;
	}
	for (int i = 1; i < argc; i++) {
		struct stat st;
		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			failed |= add_folder(argv[i], &rows, &nrows) < 0;
		else
			failed |= add_report(argv[i], 0, &rows, &nrows) < 0;
	}
	qsort(rows, nrows, sizeof(*rows), by_organ_year);

	print_organ("organ");
	printf(" %4s", "year");
	for (size_t f = 0; f < NFIGURES; f++)
		printf(" %9s", figures[f].header);
	putchar('\n');
	for (size_t i = 0; i < nrows; i++) {
		print_organ(rows[i].organ);
		if (rows[i].year)
			printf(" %4d", rows[i].year);
		else
			printf(" %4s", "-");
		for (size_t f = 0; f < NFIGURES; f++) {
			if (rows[i].has[f])
				printf(" %9" PRId64, rows[i].value[f]);
			else
				printf(" %9s", "-");
		}
		putchar('\n');
		free(rows[i].organ);
	}
	free(rows);
	return failed ? 1 : 0;
}
