/*
 * govreport diff [--pretty] A B: the cell-level differences of two reports
 * as JSON (govreport_diff_json()).
 */
#define _GNU_SOURCE /* getopt_long */
#include <getopt.h>
#include <stdio.h>

#include <govreport.h>

#include "batch.h"
#include "cli.h"

enum { OPT_PRETTY = 256 };

static int
run_diff(const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option options[] = {
		{ "pretty", no_argument, NULL, OPT_PRETTY },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct govreport *a = NULL, *b = NULL;
	struct govreport_diff *diff = NULL;
	enum govreport_status status;
	unsigned flags = 0;
	char *json = NULL;
	size_t len = 0;
	int c, ret = CLI_EXIT_FAILURE;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case OPT_PRETTY:
			flags |= GOVREPORT_JSON_PRETTY;
			break;
		case 'h':
			return cli_help(cmd);
		default:
			return cli_option_error(cmd, argv);
		}
	}
	if (argc - optind != 2)
		return cli_usage_error(cmd, "two reports to compare");
	if (cli_load_report(cmd, argv[optind], 1, &a) < 0 ||
	    cli_load_report(cmd, argv[optind + 1], 1, &b) < 0)
		goto out;
	status = govreport_diff(a, b, &diff);
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
	.synopsis = "diff [--pretty] A B",
	.summary = "List the cell-level differences of two reports as JSON.",
	.help = "A and B are reports' texts, or govreport-1 JSON (what parse and sum\n"
		"write); '-' is standard input. The output is {\"differences\": [...],\n"
		"\"count\": N}; each difference has \"kind\" (cell, table, template, year,\n"
		"text), \"section\", \"row\", \"column\" (the JSON key that differs) and\n"
		"both sides, \"a\" and \"b\" (a cell as {\"value\", \"state\"}). Cells are\n"
		"compared by value: empty, dash and missing are all null.\n"
		"\n"
		"Options:\n"
		"  --pretty     indent the JSON\n"
		"  -h, --help   show this help\n"
		"\n"
		"Exit status: 0 when the reports do not differ, 1 when they do, 2 on a\n"
		"usage error or unusable input.\n",
	.run = run_diff,
};
