/* govreport parse [--detail] [FILE|-]: a report as canonical JSON. */
#define _GNU_SOURCE /* getopt_long */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include <govreport.h>

#include "cli.h"

enum { OPT_DETAIL = 256 };

static int
run_parse(const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option options[] = {
		{ "detail", no_argument, NULL, OPT_DETAIL },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct govreport *report = NULL;
	enum govreport_status status;
	unsigned flags = 0;
	const char *path;
	char *data = NULL, *json = NULL;
	size_t len = 0, json_len = 0;
	int c, ret;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", options, NULL)) != -1) {
		switch (c) {
		case OPT_DETAIL:
			flags |= GOVREPORT_JSON_DETAIL;
			break;
		case 'h':
			return cli_help(cmd);
		default:
			return cli_option_error(cmd, argv);
		}
	}
	if (argc - optind > 1)
		return cli_usage_error(cmd, "one file at a time");
	path = optind < argc ? argv[optind] : NULL;

	if (cli_read_input(cmd, path, &data, &len) < 0)
		return CLI_EXIT_FAILURE;
	status = govreport_parse(data, len, 0, &report);
	free(data);
	if (status != GOVREPORT_OK) {
		fprintf(stderr, "govreport %s: %s: %s\n", cmd->name,
			cli_input_name(path), govreport_status_str(status));
		return CLI_EXIT_FAILURE;
	}

	status = govreport_to_json(report, flags, &json, &json_len);
	govreport_free(report);
	if (status != GOVREPORT_OK) {
		fprintf(stderr, "govreport %s: %s: %s\n", cmd->name,
			cli_input_name(path), govreport_status_str(status));
		return CLI_EXIT_FAILURE;
	}
	ret = cli_write_line(cmd, json, json_len) < 0 ? CLI_EXIT_FAILURE
						      : CLI_EXIT_OK;
	govreport_string_free(json);
	return ret;
}

const struct cli_command cli_parse = {
	.name = "parse",
	.synopsis = "parse [--detail] [FILE|-]",
	.summary = "Read a report and print it as canonical JSON (format govreport-1).",
	.help = "Reads FILE, or standard input when FILE is '-' or absent: text in\n"
		"UTF-8, UTF-16 with a BOM, or GB18030.\n"
		"\n"
		"Options:\n"
		"  --detail     write each cell as {\"value\", \"state\", \"line\", \"raw\"}\n"
		"  -h, --help   show this help\n"
		"\n"
		"Exit status: 0 on success, 2 on a usage error or unusable input.\n",
	.run = run_parse,
};
