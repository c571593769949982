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

static void
print_diagnostics(const struct cli_command *cmd, const struct govreport *r,
		  unsigned lang)
{
	static const char *const severities[] = { "info", "warning", "error" };

	for (size_t i = 0; i < govreport_diag_count(r); i++) {
		int sev = govreport_diag_severity(r, i);
		fprintf(stderr, "govreport %s: %s: %s %s.%s.%s: %s\n", cmd->name,
			sev >= 0 && sev <= 2 ? severities[sev] : "?",
			govreport_diag_code(r, i), govreport_diag_section(r, i),
			govreport_diag_row(r, i), govreport_diag_column(r, i),
			govreport_diag_message(r, i, lang));
	}
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
	if (status == GOVREPORT_OK)
		status = govreport_to_json(total, flags, &json, &json_len);
	if (status != GOVREPORT_OK) {
		fprintf(stderr, "govreport %s: %s\n", cmd->name,
			govreport_status_str(status));
		goto out;
	}
	print_diagnostics(cmd, total, lang);
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
		"and a SUM_INCOMPLETE warning on stderr says how many reports lack it\n"
		"and what the others add up to. Organ, title and dates are kept only\n"
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
