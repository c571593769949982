/*
 * govreport parse [--detail] [--jsonl] [-j N] [-q] [FILE|-]...: reports as
 * canonical JSON; with --jsonl, one JSON object per line for any number
 * of files (batch.h).
 */
#define _GNU_SOURCE /* getopt_long */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include <govreport.h>

#include "batch.h"
#include "cli.h"

enum { OPT_DETAIL = 256, OPT_JSONL, OPT_FORMAT, OPT_PRETTY };

struct parse_batch {
	const struct cli_command *cmd;
	unsigned json_flags;
};

/* In a worker: the report's JSON, written with "file" first by
 * jsonl_emit(). */
static int
jsonl_work(struct cli_batch_item *item, void *data)
{
	const struct parse_batch *pb = data;

	if (!item->report)
		return 0;
	/* On failure, said in jsonl_emit(). */
	item->status = govreport_to_json(item->report, pb->json_flags, &item->json,
					 &item->json_len);
	return 0;
}

/* In input order: the line, or an error record and a message. */
static int
jsonl_emit(struct cli_batch_item *item, void *data)
{
	const struct parse_batch *pb = data;
	char *line = NULL;
	size_t len = 0;
	int ret;

	if (item->json)
		return cli_write_jsonl(pb->cmd, item->path, item->json, item->json_len);
	/* Unreadable, or (rarely) not writable as JSON. */
	if (item->report) {
		fprintf(stderr, "govreport %s: %s: %s\n", pb->cmd->name,
			cli_input_name(item->path), govreport_status_str(item->status));
		ret = cli_jsonl_error(item->path, govreport_status_str(item->status),
				      &line, &len);
	} else {
		cli_batch_print_failure(pb->cmd, item);
		ret = cli_jsonl_error(item->path, cli_batch_failure(item), &line, &len);
	}
	if (ret < 0) {
		fprintf(stderr, "govreport %s: out of memory\n", pb->cmd->name);
		return -1;
	}
	ret = cli_write_line(pb->cmd, line, len);
	free(line);
	return ret;
}

static int
run_jsonl(const struct cli_command *cmd, char **paths, size_t npaths,
	  unsigned json_flags, unsigned parse_flags, unsigned jobs, int quiet)
{
	static char *const stdin_only[] = { "-" };
	struct parse_batch pb = { cmd, json_flags };
	struct cli_batch batch = {
		.cmd = cmd,
		.jobs = jobs,
		.progress = -1,
		.work = jsonl_work,
		.emit = jsonl_emit,
		.data = &pb,
		.parse_flags = parse_flags,
	};
	struct cli_batch_summary summary;
	int ret;

	if (npaths == 0) {
		paths = (char **)stdin_only;
		npaths = 1;
	}
	ret = cli_batch_run(&batch, paths, npaths, &summary);
	if (!quiet)
		cli_batch_print_summary(cmd, &summary);
	if (ret < 0 || summary.unreadable > 0)
		return CLI_EXIT_FAILURE;
	return CLI_EXIT_OK;
}

static int
run_one(const struct cli_command *cmd, const char *path, unsigned flags,
	unsigned parse_flags)
{
	struct govreport *report = NULL;
	enum govreport_status status;
	char *data = NULL, *json = NULL, *error = NULL;
	size_t len = 0, json_len = 0;
	int ret;

	if (cli_read_input(cmd, path, &data, &len) < 0)
		return CLI_EXIT_FAILURE;
	/* A report's own JSON (parse's output) is read back, not parsed as
	 * text. */
	if (cli_is_govreport_json(data, len))
		status = govreport_from_json(data, len, 0, &report, &error);
	else
		status = govreport_parse(data, len, parse_flags, &report);
	if (status != GOVREPORT_OK) {
		const char *hint = cli_status_hint(status, data, len);
		fprintf(stderr, "govreport %s: %s: %s\n", cmd->name,
			cli_input_name(path),
			error ? error : govreport_status_str(status));
		if (hint)
			fprintf(stderr, "govreport %s: %s\n", cmd->name, hint);
		govreport_string_free(error);
		free(data);
		return CLI_EXIT_FAILURE;
	}
	free(data);

	status = govreport_to_json(report, flags, &json, &json_len);
	govreport_free(report);
	if (status != GOVREPORT_OK) {
		fprintf(stderr, "govreport %s: %s: %s\n", cmd->name,
			cli_input_name(path), govreport_status_str(status));
		return CLI_EXIT_FAILURE;
	}
	/* Pretty JSON ends in a newline already. */
	if (json_len > 0 && json[json_len - 1] == '\n')
		json_len--;
	ret = cli_write_line(cmd, json, json_len) < 0 ? CLI_EXIT_FAILURE
						      : CLI_EXIT_OK;
	govreport_string_free(json);
	return ret;
}

static int
run_parse(const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option options[] = {
		{ "detail", no_argument, NULL, OPT_DETAIL },
		{ "jsonl", no_argument, NULL, OPT_JSONL },
		{ "pretty", no_argument, NULL, OPT_PRETTY },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "jobs", required_argument, NULL, 'j' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned flags = 0, parse_flags = 0, jobs = 1;
	int c, jsonl = 0, pretty = 0, quiet = 0;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":hj:q", options, NULL)) != -1) {
		switch (c) {
		case OPT_DETAIL:
			flags |= GOVREPORT_JSON_DETAIL;
			break;
		case OPT_JSONL:
			jsonl = 1;
			break;
		case OPT_PRETTY:
			pretty = 1;
			break;
		case OPT_FORMAT:
			if (cli_parse_format(cmd, optarg, &parse_flags) < 0)
				return CLI_EXIT_FAILURE;
			break;
		case 'j':
			if (cli_batch_parse_jobs(cmd, optarg, &jobs) < 0)
				return CLI_EXIT_FAILURE;
			break;
		case 'q':
			quiet = 1;
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
	if (pretty && jsonl)
		return cli_usage_error(cmd, "--pretty and --jsonl do not go together "
				       "(JSON Lines is one object per line)");
	if (pretty)
		flags |= GOVREPORT_JSON_PRETTY;
	if (jsonl)
		return run_jsonl(cmd, argv + optind, (size_t)(argc - optind), flags,
				 parse_flags, jobs, quiet);
	if (argc - optind > 1)
		return cli_usage_error(cmd, "one file at a time without --jsonl");
	return run_one(cmd, optind < argc ? argv[optind] : NULL, flags, parse_flags);
}

const struct cli_command cli_parse = {
	.name = "parse",
	.synopsis = "parse [--detail] [--pretty] [--format F] [--jsonl [-j N] [-q]] [FILE|-]...",
	.summary = "Read reports and print them as canonical JSON (format govreport-1).",
	.help = "Reads FILE, or standard input when FILE is '-' or absent, in any\n"
		"of these shapes, detected:\n"
		"  text         a cell per line (ending in ' |', or tab-indented),\n"
		"               Markdown (pipe tables, # or **bold** headings), web\n"
		"               text with a paragraph per cell\n"
		"  HTML         as CMS editors and Word save it (rowspan/colspan)\n"
		"  grid tables  pandoc's +---+ tables, cell text wrapped\n"
		"  Word text    Word's \"save as plain text\": a row per line, tabs\n"
		"  web line     a page's text crawled as one line, headings inline\n"
		"  layout       pdftotext -layout output\n"
		"  PDF text     pdftotext -bbox-layout XHTML; plain pdftotext\n"
		"  .docx .odt   Word and OpenDocument files\n"
		"  .pdf         through pdftotext -bbox-layout (poppler-utils), which\n"
		"               is run for it; a scan without text needs OCR first\n"
		"Text in UTF-8, UTF-16 with a BOM or GB18030 (HTML: or the charset it\n"
		"declares), simplified or traditional; or a report's own govreport-1\n"
		"JSON (what parse and sum write: {\"format\": \"govreport-1\", ...}),\n"
		"read back as it is. Without --jsonl, one file and one JSON object.\n"
		"\n"
		"Options:\n"
		"  --detail     write each cell as {\"value\", \"state\", \"line\", \"raw\"}\n"
		"  --pretty     indent the JSON (not with --jsonl)\n"
		"  --format=F   the input's shape: auto (detected; the default), text\n"
		"               (any text shape above), html, layout, docx, odt,\n"
		"               pdf, or bbox (pdftotext -bbox-layout XHTML)\n"
		"  --jsonl      any number of files: one JSON object per line (JSON\n"
		"               Lines), in input order, each with \"file\" first; a file\n"
		"               that cannot be read gives {\"file\", \"error\"}. A summary\n"
		"               (files, errors, warnings, unreadable) ends on stderr,\n"
		"               and a progress line shows there on a terminal\n"
		"  -j, --jobs=N parse in N threads (0: one per processor; default 1)\n"
		"  -q, --quiet  no summary\n"
		"  -h, --help   show this help\n"
		"\n"
		"Exit status: 0 on success, 2 on a usage error or unusable input\n"
		"(with --jsonl: when any file was unusable).\n",
	.run = run_parse,
};
