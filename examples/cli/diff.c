/*
 * govreport diff [--json [--pretty] | --text] A B: the cell-level
 * differences of two reports, as JSON (govreport_diff_json(), the default)
 * or as a table for a reader.
 */
#define _GNU_SOURCE /* getopt_long */
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <govreport.h>

#include "batch.h"
#include "cli.h"

enum { OPT_PRETTY = 256, OPT_JSON, OPT_TEXT };

/* The table a section id is, as the official form numbers it. */
static const char *
table_name(const char *section)
{
	if (!section)
		return "";
	if (strcmp(section, "active_disclosure") == 0)
		return "表二";
	if (strcmp(section, "applications") == 0)
		return "表三";
	if (strcmp(section, "review_litigation") == 0)
		return "表四";
	return "";
}

static const char *
state_name(enum govreport_cell_state state)
{
	switch (state) {
	case GOVREPORT_CELL_PRESENT: return "present";
	case GOVREPORT_CELL_BLANK: return "blank";
	case GOVREPORT_CELL_DASH: return "dash";
	case GOVREPORT_CELL_INVALID: return "invalid";
	case GOVREPORT_CELL_INFERRED: return "inferred";
	case GOVREPORT_CELL_MISSING: break;
	}
	return "missing";
}

/* coefficient × 10^-scale, exactly. */
static void
format_decimal(int64_t coefficient, unsigned scale, char *out, size_t size)
{
	char digits[32];
	uint64_t mag = coefficient < 0 ? (uint64_t)0 - (uint64_t)coefficient
				       : (uint64_t)coefficient;
	size_t n;

	snprintf(digits, sizeof(digits), "%" PRIu64, mag);
	n = strlen(digits);
	if (scale == 0 || scale > 18) {
		snprintf(out, size, "%s%s", coefficient < 0 ? "-" : "", digits);
		return;
	}
	if (n <= scale) {
		char padded[40];
		memset(padded, '0', scale + 1 - n);
		memcpy(padded + scale + 1 - n, digits, n + 1);
		memcpy(digits, padded, scale + 2);
		n = scale + 1;
	}
	snprintf(out, size, "%s%.*s.%s", coefficient < 0 ? "-" : "",
		 (int)(n - scale), digits, digits + n - scale);
}

/* The first TEXT_CHARS characters of a text (whole UTF-8 sequences, line
 * breaks as spaces), and "…" when there was more. */
#define TEXT_CHARS 24
static void
shorten(const char *text, char *out, size_t size)
{
	size_t o = 0, chars = 0;
	const unsigned char *p = (const unsigned char *)text;

	while (*p && chars < TEXT_CHARS) {
		size_t n = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
		size_t k;

		for (k = 1; k < n && p[k]; k++)
			;
		if (k < n || o + n + 4 > size)
			break;
		if (*p == '\n' || *p == '\r' || *p == '\t')
			out[o] = ' ';
		else
			memcpy(out + o, p, n);
		o += n;
		p += n;
		chars++;
	}
	if (*p && o + 4 <= size) {
		memcpy(out + o, "…", 3);
		o += 3;
	}
	out[o] = '\0';
}

/* One side of difference i, for a reader. */
static void
format_side(const struct govreport_diff *diff, size_t i, int b, char *out,
	    size_t size)
{
	int kind = govreport_diff_kind(diff, i);
	enum govreport_cell_state state = GOVREPORT_CELL_MISSING;
	int64_t value = 0;
	unsigned scale = 0;
	const char *text;

	if (kind == GOVREPORT_DIFF_TEXT || kind == GOVREPORT_DIFF_TEMPLATE) {
		text = b ? govreport_diff_text_b(diff, i) : govreport_diff_text_a(diff, i);
		shorten(text ? text : "(none)", out, size);
		return;
	}
	if ((b ? govreport_diff_b : govreport_diff_a)(diff, i, &value, &scale,
						      &state) != GOVREPORT_OK) {
		snprintf(out, size, "?");
		return;
	}
	if (kind == GOVREPORT_DIFF_TABLE)
		snprintf(out, size, "%s", state == GOVREPORT_CELL_MISSING ? "(absent)"
									  : "(present)");
	else if (state == GOVREPORT_CELL_PRESENT || state == GOVREPORT_CELL_INFERRED)
		format_decimal(value, scale, out, size);
	else
		snprintf(out, size, "(%s)", state_name(state));
	if (kind == GOVREPORT_DIFF_CELL && state == GOVREPORT_CELL_INFERRED)
		strncat(out, " (inferred)", size - strlen(out) - 1);
}

/* The label of a path in either report's template (they may differ), or
 * NULL. */
static const char *
label_of(const struct govreport *a, const struct govreport *b, const char *path)
{
	const char *label = govreport_label(govreport_template(a), path, 0);
	return label ? label : govreport_label(govreport_template(b), path, 0);
}

/* Where difference i is, for a reader: the official labels of its row and
 * column ("行政许可 · 本年处理决定数量"), or its path when it is not a cell
 * (the JSON output names every difference by its path). */
static void
format_where(const struct govreport *ra, const struct govreport *rb,
	     const struct govreport_diff *diff, size_t i, char *out, size_t size)
{
	const char *section = govreport_diff_section(diff, i);
	const char *row = govreport_diff_row(diff, i);
	const char *column = govreport_diff_column(diff, i);
	char path[192], row_path[192];
	const char *row_label = NULL, *column_label = NULL;

	snprintf(path, sizeof(path), "%s%s%s%s%s", section ? section : "",
		 row ? "." : "", row ? row : "", column ? "." : "", column ? column : "");
	if (section && row) {
		snprintf(row_path, sizeof(row_path), "%s.%s", section, row);
		row_label = label_of(ra, rb, row_path);
		column_label = column ? label_of(ra, rb, path) : NULL;
	}
	if (row_label && column_label)
		snprintf(out, size, "%s · %s", row_label, column_label);
	else
		snprintf(out, size, "%s", path);
}

/* Columns a terminal gives a UTF-8 string: two for CJK and full-width
 * characters (U+1100 and above, roughly), one for the others. */
static size_t
display_width(const char *s)
{
	size_t width = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p & 0xC0) == 0x80)
			continue;
		width += *p >= 0xE1 ? 2 : 1;
	}
	return width;
}

#define WHERE_WIDTH 44

/* The differences as a table: the table, where (labels and path), A, B. */
static int
write_text(const struct cli_command *cmd, const struct govreport *ra,
	   const struct govreport *rb, const struct govreport_diff *diff,
	   const char *name_a, const char *name_b)
{
	size_t n = govreport_diff_count(diff);

	printf("A: %s\nB: %s\n", name_a, name_b);
	if (n == 0) {
		printf("no differences\n");
	} else {
		printf("%-6s %-*s %-12s %s\n", "table", WHERE_WIDTH, "cell", "A", "B");
		for (size_t i = 0; i < n; i++) {
			const char *section = govreport_diff_section(diff, i);
			char where[512], a[128], b[128];

			format_where(ra, rb, diff, i, where, sizeof(where));
			format_side(diff, i, 0, a, sizeof(a));
			format_side(diff, i, 1, b, sizeof(b));
			size_t width = display_width(where);
			/* A table number is four display columns in six bytes. */
			printf("%-*s %s%*s %-12s %s\n", *table_name(section) ? 8 : 6,
			       table_name(section), where,
			       width < WHERE_WIDTH ? (int)(WHERE_WIDTH - width) : 0, "", a, b);
		}
		printf("%zu difference%s\n", n, n == 1 ? "" : "s");
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "govreport %s: cannot write output\n", cmd->name);
		return -1;
	}
	return 0;
}

static int
run_diff(const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option options[] = {
		{ "pretty", no_argument, NULL, OPT_PRETTY },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "text", no_argument, NULL, OPT_TEXT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct govreport *a = NULL, *b = NULL;
	struct govreport_diff *diff = NULL;
	enum govreport_status status;
	unsigned flags = 0;
	char *json = NULL;
	size_t len = 0;
	int c, text = 0, json_asked = 0, ret = CLI_EXIT_FAILURE;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case OPT_PRETTY:
			flags |= GOVREPORT_JSON_PRETTY;
			break;
		case OPT_JSON:
			json_asked = 1;
			break;
		case OPT_TEXT:
			text = 1;
			break;
		case 'h':
			return cli_help(cmd);
		default:
			return cli_option_error(cmd, argv);
		}
	}
	if (text && (json_asked || (flags & GOVREPORT_JSON_PRETTY)))
		return cli_usage_error(cmd, "--text does not go with --json or --pretty");
	if (argc - optind != 2)
		return cli_usage_error(cmd, "two reports to compare");
	if (cli_load_report(cmd, argv[optind], 1, &a) < 0 ||
	    cli_load_report(cmd, argv[optind + 1], 1, &b) < 0)
		goto out;
	status = govreport_diff(a, b, &diff);
	if (status == GOVREPORT_OK && text) {
		if (write_text(cmd, a, b, diff, cli_input_name(argv[optind]),
			       cli_input_name(argv[optind + 1])) == 0)
			ret = govreport_diff_count(diff) > 0 ? CLI_EXIT_FINDINGS
							     : CLI_EXIT_OK;
		goto out;
	}
	if (status == GOVREPORT_OK)
		status = govreport_diff_json(diff, flags, &json, &len);
	if (status != GOVREPORT_OK) {
		fprintf(stderr, "govreport %s: %s\n", cmd->name,
			govreport_status_str(status));
		goto out;
	}
	/* Pretty JSON ends in a newline already. */
	if (len > 0 && json[len - 1] == '\n')
		len--;
	if (cli_write_line(cmd, json, len) == 0)
		ret = govreport_diff_count(diff) > 0 ? CLI_EXIT_FINDINGS : CLI_EXIT_OK;
out:
	govreport_string_free(json);
	govreport_diff_free(diff);
	govreport_free(a);
	govreport_free(b);
	return ret;
}

const struct cli_command cli_diff = {
	.name = "diff",
	.synopsis = "diff [--json [--pretty] | --text] A B",
	.summary = "List the cell-level differences of two reports (JSON, or a table).",
	.help = "A and B are reports' texts, or govreport-1 JSON (what parse and sum\n"
		"write); '-' is standard input. The output is {\"differences\": [...],\n"
		"\"count\": N}; each difference has \"kind\" (cell, table, template, year,\n"
		"text), \"section\", \"row\", \"column\" (the JSON key that differs) and\n"
		"both sides, \"a\" and \"b\" (a cell as {\"value\", \"state\"}). Cells are\n"
		"compared by value: empty, dash and missing are all null.\n"
		"JSON is the default, on a terminal too (for programs that read it);\n"
		"--text prints a table for a reader instead: one line per difference,\n"
		"with the table (表二/表三/表四), the cell by its row's and column's\n"
		"labels in the report's template (行政许可 · 本年处理决定数量; a field\n"
		"by its key) and both sides.\n"
		"\n"
		"Options:\n"
		"  --json       the differences as JSON (the default)\n"
		"  --pretty     indent the JSON\n"
		"  --text       a table of the differences for a reader\n"
		"  -h, --help   show this help\n"
		"\n"
		"Exit status: 0 when the reports do not differ, 1 when they do, 2 on a\n"
		"usage error or unusable input.\n",
	.run = run_diff,
};
