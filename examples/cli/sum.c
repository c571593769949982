/*
 * govreport sum [--detail] [--lang en] [-j N] FILE...: the total (汇总) of
 * several reports of one template and year, as one canonical JSON report.
 * The total's diagnostics (SUM_INCOMPLETE: a cell null in some report)
 * go to stderr.
 */
#define _GNU_SOURCE /* getopt_long */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <govreport.h>

#include "batch.h"
#include "cli.h"

enum { OPT_DETAIL = 256, OPT_LANG };

struct sum_inputs {
	const struct cli_command *cmd;
	struct govreport **reports; /* in input order */
	char *const *paths;
	size_t count;
	int failed; /* an input could not be read */
};

/* In input order: keep the report. */
static int
collect(struct cli_batch_item *item, void *data)
{
	struct sum_inputs *in = data;

	if (!item->report) {
		cli_batch_print_failure(in->cmd, item);
		in->failed = 1;
		return 0;
	}
	in->reports[item->index] = item->report;
	item->report = NULL;
	in->count++;
	return 0;
}

static const char *
template_name(const struct govreport *r)
{
	switch (govreport_template(r)) {
	case GOVREPORT_TEMPLATE_2019: return "2019";
	case GOVREPORT_TEMPLATE_2021: return "2021";
	default: return "unknown";
	}
}

/* Say which input does not match the first one. */
static void
explain_mismatch(const struct sum_inputs *in)
{
	const struct govreport *first = in->reports[0];

	for (size_t i = 0; i < in->count; i++) {
		const struct govreport *r = in->reports[i];
		if (govreport_template(r) != GOVREPORT_TEMPLATE_UNKNOWN &&
		    govreport_template(r) == govreport_template(first) &&
		    govreport_year(r) == govreport_year(first))
			continue;
		fprintf(stderr, "govreport %s: %s: template %s, year %d; %s has "
			"template %s, year %d: only reports of one template and year "
			"add up\n", in->cmd->name, cli_input_name(in->paths[i]),
			template_name(r), govreport_year(r),
			cli_input_name(in->paths[0]), template_name(first),
			govreport_year(first));
		return;
	}
}

/* Whether the cell at @path of @r holds a value. */
static int
has_value(const struct govreport *r, const char *path)
{
	enum govreport_cell_state state = GOVREPORT_CELL_MISSING;
	int64_t value;
	unsigned scale;

	if (govreport_get_decimal(r, path, &value, &scale, &state) != GOVREPORT_OK)
		return 0;
	return state == GOVREPORT_CELL_PRESENT || state == GOVREPORT_CELL_INFERRED;
}

/* After a SUM_INCOMPLETE line: which files lack the cell. */
static void
print_lacking(const struct sum_inputs *in, const char *path)
{
	const char *sep = "";

	fprintf(stderr, "govreport %s:   no value in: ", in->cmd->name);
	for (size_t i = 0; i < in->count; i++) {
		if (has_value(in->reports[i], path))
			continue;
		fprintf(stderr, "%s%s", sep, cli_input_name(in->paths[i]));
		sep = ", ";
	}
	fputc('\n', stderr);
}

static void
print_diagnostics(const struct sum_inputs *in, const struct govreport *r,
		  unsigned lang)
{
	static const char *const severities[] = { "info", "warning", "error" };

	for (size_t i = 0; i < govreport_diag_count(r); i++) {
		int sev = govreport_diag_severity(r, i);
		const char *section = govreport_diag_section(r, i);
		const char *row = govreport_diag_row(r, i);
		const char *column = govreport_diag_column(r, i);
		char path[256];

		fprintf(stderr, "govreport %s: %s: %s %s.%s.%s: %s\n", in->cmd->name,
			sev >= 0 && sev <= 2 ? severities[sev] : "?",
			govreport_diag_code(r, i), section, row, column,
			govreport_diag_message(r, i, lang));
		if (strcmp(govreport_diag_code(r, i), "SUM_INCOMPLETE") == 0 &&
		    section && row && column) {
			snprintf(path, sizeof(path), "%s.%s.%s", section, row, column);
			print_lacking(in, path);
		}
	}
}

/* ---- overflow: which cell, from which file on ---------------------------- */

struct running {
	char path[128];
	int64_t value;
	unsigned scale;
};

/* a × 10^-as + b × 10^-bs exactly, as the library adds. Returns 0 or -1. */
static int
add_decimal(int64_t a, unsigned as, int64_t b, unsigned bs, int64_t *sum,
	    unsigned *scale)
{
	unsigned s = as > bs ? as : bs;

	for (; as < s; as++)
		if (__builtin_mul_overflow(a, 10, &a))
			return -1;
	for (; bs < s; bs++)
		if (__builtin_mul_overflow(b, 10, &b))
			return -1;
	if (__builtin_add_overflow(a, b, sum))
		return -1;
	*scale = s;
	return 0;
}

/*
 * govreport_sum() said GOVREPORT_ERR_RANGE: add the cells up again, in the
 * same order, to name the first cell whose total leaves the exact range
 * and the file whose value took it there. A cell with a value in a report
 * differs from the same cell of a blank report, so govreport_diff()
 * against one lists every cell that has a value.
 */
static void
explain_overflow(const struct sum_inputs *in)
{
	struct govreport *blank = NULL;
	struct running *totals = NULL;
	size_t ntotals = 0, cap = 0;
	int found = 0;

	if (govreport_new(govreport_template(in->reports[0]),
			  govreport_year(in->reports[0]), &blank) != GOVREPORT_OK)
		goto out;
	for (size_t i = 0; i < in->count && !found; i++) {
		struct govreport_diff *diff = NULL;

		if (govreport_diff(blank, in->reports[i], &diff) != GOVREPORT_OK)
			goto out;
		for (size_t d = 0; d < govreport_diff_count(diff) && !found; d++) {
			struct running *t = NULL;
			enum govreport_cell_state state;
			int64_t value;
			unsigned scale;
			char path[128];

			if (govreport_diff_kind(diff, d) != GOVREPORT_DIFF_CELL ||
			    govreport_diff_b(diff, d, &value, &scale, &state) != GOVREPORT_OK ||
			    (state != GOVREPORT_CELL_PRESENT &&
			     state != GOVREPORT_CELL_INFERRED))
				continue;
			snprintf(path, sizeof(path), "%s.%s.%s",
				 govreport_diff_section(diff, d),
				 govreport_diff_row(diff, d),
				 govreport_diff_column(diff, d));
			for (size_t k = 0; k < ntotals && !t; k++)
				if (strcmp(totals[k].path, path) == 0)
					t = &totals[k];
			if (!t) {
				if (ntotals == cap) {
					size_t ncap = cap ? cap * 2 : 64;
					struct running *grown = realloc(totals, ncap * sizeof(*grown));
					if (!grown) {
						govreport_diff_free(diff);
						goto out;
					}
					totals = grown;
					cap = ncap;
				}
				t = &totals[ntotals++];
				snprintf(t->path, sizeof(t->path), "%s", path);
				t->value = 0;
				t->scale = 0;
			}
			if (add_decimal(t->value, t->scale, value, scale, &t->value,
					&t->scale) < 0) {
				fprintf(stderr, "govreport %s: %s: %s: the total overflows "
					"(beyond what a cell holds exactly) when this "
					"file's value is added\n", in->cmd->name,
					cli_input_name(in->paths[i]), path);
				found = 1;
			}
		}
		govreport_diff_free(diff);
	}
out:
	if (!found)
		fprintf(stderr, "govreport %s: %s\n", in->cmd->name,
			govreport_status_str(GOVREPORT_ERR_RANGE));
	free(totals);
	govreport_free(blank);
}

static int
run_sum(const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option options[] = {
		{ "detail", no_argument, NULL, OPT_DETAIL },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct sum_inputs in = { cmd, NULL, NULL, 0, 0 };
	struct cli_batch batch = {
		.cmd = cmd,
		.json_input = 1,
		.progress = -1,
		.emit = collect,
		.data = &in,
	};
	struct govreport *total = NULL;
	enum govreport_status status;
	unsigned flags = 0, lang = 0, jobs = 1;
	char *json = NULL;
	size_t n, json_len = 0;
	int c, ret = CLI_EXIT_FAILURE;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hj:", options, NULL)) != -1) {
		switch (c) {
		case OPT_DETAIL:
			flags |= GOVREPORT_JSON_DETAIL;
			break;
		case OPT_LANG:
			if (strcmp(optarg, "en") == 0)
				lang = GOVREPORT_LANG_EN;
			else if (strcmp(optarg, "zh") == 0)
				lang = 0;
			else
				return cli_usage_error(cmd, "--lang takes zh or en, not '%s'",
						       optarg);
			break;
		case 'j':
			if (cli_batch_parse_jobs(cmd, optarg, &jobs) < 0)
				return CLI_EXIT_FAILURE;
			break;
		case 'h':
			return cli_help(cmd);
		case ':':
			return cli_usage_error(cmd, "option '%s' needs a value",
					       argv[optind - 1]);
		default:
			return cli_option_error(cmd, argv);
		}
	}
	if (optind >= argc)
		return cli_usage_error(cmd, "no reports to total");
	n = (size_t)(argc - optind);
	in.paths = argv + optind;
	in.reports = calloc(n, sizeof(*in.reports));
	if (!in.reports) {
		fprintf(stderr, "govreport %s: out of memory\n", cmd->name);
		return CLI_EXIT_FAILURE;
	}
	batch.jobs = jobs;
	if (cli_batch_run(&batch, argv + optind, n, NULL) < 0 || in.failed)
		goto out;

	status = govreport_sum((const struct govreport *const *)in.reports, n, &total);
	if (status == GOVREPORT_ERR_TEMPLATE) {
		explain_mismatch(&in);
		goto out;
	}
	if (status == GOVREPORT_ERR_RANGE) {
		explain_overflow(&in);
		goto out;
	}
	if (status == GOVREPORT_OK)
		status = govreport_to_json(total, flags, &json, &json_len);
	if (status != GOVREPORT_OK) {
		fprintf(stderr, "govreport %s: %s\n", cmd->name,
			govreport_status_str(status));
		goto out;
	}
	print_diagnostics(&in, total, lang);
	ret = cli_write_line(cmd, json, json_len) < 0 ? CLI_EXIT_FAILURE
						      : CLI_EXIT_OK;
out:
	govreport_string_free(json);
	govreport_free(total);
	for (size_t i = 0; i < n; i++)
		govreport_free(in.reports[i]);
	free(in.reports);
	return ret;
}

const struct cli_command cli_sum = {
	.name = "sum",
	.synopsis = "sum [--detail] [--lang zh|en] [-j N] FILE...",
	.summary = "Total several reports of one template and year (汇总) into one JSON report.",
	.help = "Each FILE is a report's text, or govreport-1 JSON (what parse and sum\n"
		"write); '-' is standard input. Cells add up exactly; a cell that is\n"
		"empty, a dash or missing in any report is null in the total, never 0,\n"
		"and a SUM_INCOMPLETE warning on stderr says how many reports lack it,\n"
		"what the others add up to, and (on the next line) which files lack\n"
		"it. A total too large for a cell is an error that names the cell and\n"
		"the file whose value made it overflow. Organ, title and dates are kept only\n"
		"where all reports agree.\n"
		"\n"
		"Options:\n"
		"  --detail      write each cell as {\"value\", \"state\", \"line\", \"raw\"}\n"
		"  --lang zh|en  language of the messages on stderr (default zh)\n"
		"  -j, --jobs=N  read the files in N threads (0: one per processor)\n"
		"  -h, --help    show this help\n"
		"\n"
		"Exit status: 0 on success (also with warnings), 2 on a usage error,\n"
		"an unusable input, or reports of different templates or years.\n",
	.run = run_sum,
};
