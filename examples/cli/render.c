/*
 * govreport render [--to html|markdown|csv|text] [--page] [--annotate] [--lang en]
 * [--format F] [FILE|-]: a report as its template's official tables.
 */
#define _GNU_SOURCE /* getopt_long */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <govreport.h>

#include "cli.h"

enum { OPT_TO = 256, OPT_PAGE, OPT_ANNOTATE, OPT_LANG, OPT_FORMAT };

static int
parse_to(const char *value, enum govreport_render_format *format)
{
	static const struct {
		const char *name;
		enum govreport_render_format format;
	} formats[] = {
		{ "html", GOVREPORT_RENDER_HTML },
		{ "markdown", GOVREPORT_RENDER_MARKDOWN },
		{ "md", GOVREPORT_RENDER_MARKDOWN },
		{ "csv", GOVREPORT_RENDER_CSV },
		{ "text", GOVREPORT_RENDER_TEXT },
	};

	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		if (strcmp(value, formats[i].name) == 0) {
			*format = formats[i].format;
			return 0;
		}
	}
	return -1;
}

/* A report's govreport-1 JSON (from `govreport parse`) is read back as
 * such; anything else is a document to parse. */
static int
is_json(const char *data, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r')
			continue;
		return data[i] == '{';
	}
	return 0;
}

static enum govreport_status
load(const char *data, size_t len, unsigned parse_flags, struct govreport **report,
     char **error)
{
	if (!parse_flags && is_json(data, len))
		return govreport_from_json(data, len, 0, report, error);
	return govreport_parse(data, len, parse_flags, report);
}

static int
run_render(const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option options[] = {
		{ "to", required_argument, NULL, OPT_TO },
		{ "page", no_argument, NULL, OPT_PAGE },
		{ "annotate", no_argument, NULL, OPT_ANNOTATE },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum govreport_render_format format = GOVREPORT_RENDER_HTML;
	struct govreport *report = NULL;
	enum govreport_status status;
	unsigned flags = 0, parse_flags = 0;
	const char *path;
	char *data = NULL, *out = NULL, *error = NULL;
	size_t len = 0, out_len = 0;
	int c, ret;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
		switch (c) {
		case OPT_TO:
			if (parse_to(optarg, &format) < 0)
				return cli_usage_error(cmd, "unknown output '%s' (html, "
						       "markdown, csv or text)", optarg);
			break;
		case OPT_PAGE:
			flags |= GOVREPORT_RENDER_PAGE;
			break;
		case OPT_ANNOTATE:
			flags |= GOVREPORT_RENDER_ANNOTATE;
			break;
		case OPT_LANG:
			if (strcmp(optarg, "en") == 0)
				flags |= GOVREPORT_LANG_EN;
			else if (strcmp(optarg, "zh") != 0)
				return cli_usage_error(cmd, "unknown language '%s' (zh or en)",
						       optarg);
			break;
		case OPT_FORMAT:
			if (cli_parse_format(cmd, optarg, &parse_flags) < 0)
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
	if ((flags & GOVREPORT_RENDER_ANNOTATE) && format != GOVREPORT_RENDER_HTML)
		return cli_usage_error(cmd, "--annotate needs --to html");
	if ((flags & GOVREPORT_RENDER_PAGE) && format != GOVREPORT_RENDER_HTML)
		return cli_usage_error(cmd, "--page needs --to html");
	if (argc - optind > 1)
		return cli_usage_error(cmd, "one file at a time");
	path = optind < argc ? argv[optind] : NULL;

	if (cli_read_input(cmd, path, &data, &len) < 0)
		return CLI_EXIT_FAILURE;
	status = load(data, len, parse_flags, &report, &error);
	free(data);
	if (status != GOVREPORT_OK) {
		fprintf(stderr, "govreport %s: %s: %s\n", cmd->name, cli_input_name(path),
			error ? error : govreport_status_str(status));
		govreport_string_free(error);
		return CLI_EXIT_FAILURE;
	}
	/* The annotated page shows what checking finds, not parsing alone. */
	if (flags & GOVREPORT_RENDER_ANNOTATE)
		status = govreport_validate(report, 0);
	if (status == GOVREPORT_OK)
		status = govreport_render(report, format, flags, &out, &out_len);
	govreport_free(report);
	if (status != GOVREPORT_OK) {
		fprintf(stderr, "govreport %s: %s: %s\n", cmd->name, cli_input_name(path),
			govreport_status_str(status));
		return CLI_EXIT_FAILURE;
	}
	ret = CLI_EXIT_OK;
	if (fwrite(out, 1, out_len, stdout) != out_len || fflush(stdout) != 0) {
		perror("govreport render: cannot write output");
		ret = CLI_EXIT_FAILURE;
	}
	govreport_string_free(out);
	return ret;
}

const struct cli_command cli_render = {
	.name = "render",
	.synopsis = "render [--to html|markdown|csv|text] [--page] [--annotate] [--lang en] "
		    "[--format F] [FILE|-]",
	.summary = "Write a report as the official tables of its template.",
	.help = "Reads FILE, or standard input when FILE is '-' or absent: a report\n"
		"in any shape 'govreport parse' reads, or its govreport-1 JSON.\n"
		"\n"
		"Options:\n"
		"  --to=FORMAT  html (the default): a page with the official tables\n"
		"               (rowspan/colspan, official labels), unstyled for a CMS,\n"
		"               each value cell with data-section, data-row and\n"
		"               data-column; markdown; csv (one line per cell:\n"
		"               section,row,column,value,state); text\n"
		"  --page       with --to html: a built-in style sheet that looks and\n"
		"               prints like the official form\n"
		"  --annotate   with --to html: a self-contained page for checking a\n"
		"               report, every cell a finding of 'govreport check' names\n"
		"               marked (error, warning, info), the findings as numbered\n"
		"               notes under each table and the others listed on top\n"
		"  --lang=en    findings in English (default zh: Chinese)\n"
		"  --format=F   the input's shape: auto (the default), text, html, layout,\n"
		"               docx, odt, pdf, bbox\n"
		"  -h, --help   show this help\n"
		"\n"
		"Exit status: 0 on success, 2 on a usage error or unusable input.\n",
	.run = run_render,
};
