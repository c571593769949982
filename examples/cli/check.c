/*
 * govreport check [OPTIONS] FILE...: validate reports and print their
 * diagnostics, for people (grouped by file) or as JSON.
 *
 * The files go through cli_batch_run() (batch.h, -j N): in a worker
 * thread, the batch reads and parses a file and check_work() validates it
 * (and compares it with --previous), leaving what is meant for stdout in
 * the item's output and what is to be said on stderr in the file's struct
 * check_result; check_emit() then writes both in input order, so the
 * output is the same for any N. check_work() touches no shared state but
 * the options and the previous report, which it only reads
 * (govreport_compare() takes it const), and its own file's check_result.
 */
#define _GNU_SOURCE /* getopt_long, open_memstream */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <govreport.h>

#include "batch.h"
#include "cli.h"

enum {
	OPT_JSON = 256,
	OPT_LANG,
	OPT_PREVIOUS,
	OPT_BLANK_AS_ZERO,
	OPT_INFER,
	OPT_DETAIL,
	OPT_DISABLE,
	OPT_SEVERITY,
	OPT_DEADLINE,
};

enum check_output {
	OUTPUT_HUMAN,
	OUTPUT_JSON,  /* one FILE: the library's diagnostics object */
	OUTPUT_JSONL, /* several: one object per line, "file" first */
};

struct severity_setting {
	const char *code;
	enum govreport_severity severity;
};

/* What every file is checked with; read-only once the files are checked. */
struct check_options {
	enum check_output output;
	unsigned lang;           /* 0 or GOVREPORT_LANG_EN */
	unsigned validate_flags; /* BLANK_AS_ZERO, INFER, VALIDATE_DETAIL */
	const char **disabled;
	size_t ndisabled;
	struct severity_setting *severities;
	size_t nseverities;
	int deadline_month, deadline_day; /* 0: the library's default */
	const char *previous_path;
	struct govreport *previous;
};

/* What check_emit() says on stderr about a file it has a report of. */
enum check_note {
	NOTE_NONE,
	NOTE_FAILED,  /* "FILE: [WHAT: ]ERROR", and no output */
	NOTE_COMPARE, /* "FILE: cannot compare with PREVIOUS: ERROR" */
};

/* The outcome of one file, beside its output (the batch item's). */
struct check_result {
	int status; /* enum cli_exit */
	enum check_note note;
	enum govreport_status error; /* for the note */
	const char *what;            /* for NOTE_FAILED: the option at fault, or NULL */
};

/* What the batch's callbacks share: check_work() only reads opt and writes
 * results[item->index]; the rest is check_emit()'s. */
struct check_run {
	const struct cli_command *cmd;
	const struct check_options *opt;
	struct check_result *results; /* one per FILE */
	int written;                  /* a file's output was written */
	int ret;                      /* the exit status so far */
};

static const char *
severity_name(int severity)
{
	switch (severity) {
	case GOVREPORT_SEVERITY_ERROR: return "error";
	case GOVREPORT_SEVERITY_WARNING: return "warning";
	case GOVREPORT_SEVERITY_INFO: return "info";
	}
	return "?";
}

static int
parse_severity(const char *name, enum govreport_severity *severity)
{
	if (strcmp(name, "error") == 0)
		*severity = GOVREPORT_SEVERITY_ERROR;
	else if (strcmp(name, "warning") == 0)
		*severity = GOVREPORT_SEVERITY_WARNING;
	else if (strcmp(name, "info") == 0)
		*severity = GOVREPORT_SEVERITY_INFO;
	else
		return -1;
	return 0;
}

/* "MM-DD", one or two digits each; whether the day exists is the library's call. */
static int
parse_deadline(const char *text, int *month, int *day)
{
	int values[2] = { 0, 0 };
	const char *p = text;

	for (int i = 0; i < 2; i++) {
		int digits = 0;

		while (*p >= '0' && *p <= '9' && digits < 3) {
			values[i] = values[i] * 10 + (*p - '0');
			p++;
			digits++;
		}
		if (digits < 1 || digits > 2)
			return -1;
		if (i == 0 && *p++ != '-')
			return -1;
	}
	if (*p != '\0')
		return -1;
	*month = values[0];
	*day = values[1];
	return 0;
}

/*
 * The length of the valid UTF-8 sequence at @p (1–4), or 0 when it is not
 * one (a stray continuation byte, an overlong form, a surrogate, beyond
 * U+10FFFF, or cut short by the terminating NUL).
 */
static size_t
utf8_sequence(const unsigned char *p)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t n;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		n = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		n = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		n = 4;
	else
		return 0;
	if (p[0] == 0xE0)
		lo = 0xA0;
	else if (p[0] == 0xED)
		hi = 0x9F;
	else if (p[0] == 0xF0)
		lo = 0x90;
	else if (p[0] == 0xF4)
		hi = 0x8F;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (size_t i = 2; i < n; i++) {
		if (p[i] < 0x80 || p[i] > 0xBF)
			return 0;
	}
	return n;
}

/*
 * Write @s as a JSON string. A file name is bytes, not necessarily UTF-8:
 * bytes that are not valid UTF-8 become U+FFFD, so the line stays JSON.
 */
static void
write_json_string(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', f);
	while (*p) {
		size_t n = utf8_sequence(p);

		if (n == 0) {
			fputs("\\ufffd", f);
			p++;
			continue;
		}
		if (n > 1) {
			fwrite(p, 1, n, f);
			p += n;
			continue;
		}
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\b': fputs("\\b", f); break;
		case '\f': fputs("\\f", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
		p++;
	}
	fputc('"', f);
}

/* Apply --disable, --severity and --deadline to a report. */
static enum govreport_status
apply_rules(const struct check_options *opt, struct govreport *report,
	    const char **what)
{
	enum govreport_status status;

	for (size_t i = 0; i < opt->ndisabled; i++) {
		*what = opt->disabled[i];
		status = govreport_rule_enable(report, opt->disabled[i], 0);
		if (status != GOVREPORT_OK)
			return status;
	}
	for (size_t i = 0; i < opt->nseverities; i++) {
		*what = opt->severities[i].code;
		status = govreport_rule_severity(report, opt->severities[i].code,
						 opt->severities[i].severity);
		if (status != GOVREPORT_OK)
			return status;
	}
	if (opt->deadline_month) {
		*what = "--deadline";
		status = govreport_set_deadline(report, opt->deadline_month,
						opt->deadline_day);
		if (status != GOVREPORT_OK)
			return status;
	}
	*what = NULL;
	return GOVREPORT_OK;
}

/* The report's diagnostics for people: a header, one line each, a summary. */
static void
write_human(FILE *f, const struct check_options *opt, const char *path,
	    const struct govreport *report, int compared, const size_t counts[3])
{
	size_t n = govreport_diag_count(report);
	size_t line_width = 1, code_width = 0;
	const char *organ = govreport_organ(report);
	int year = govreport_year(report);
	enum govreport_template tpl = govreport_template(report);
	char label[32];

	fprintf(f, "%s: %s", cli_input_name(path), organ ? organ : "organ unknown");
	if (year)
		fprintf(f, ", %d", year);
	else
		fputs(", year unknown", f);
	if (tpl != GOVREPORT_TEMPLATE_UNKNOWN)
		fprintf(f, ", template %d", (int)tpl);
	else
		fputs(", template unknown", f);
	if (compared)
		fprintf(f, ", compared with %s", cli_input_name(opt->previous_path));
	fputc('\n', f);

	for (size_t i = 0; i < n; i++) {
		const char *code = govreport_diag_code(report, i);
		size_t line = govreport_diag_line(report, i);
		size_t w = line ? (size_t)snprintf(label, sizeof(label), "L%zu", line) : 1;

		if (w > line_width)
			line_width = w;
		if (code && strlen(code) > code_width)
			code_width = strlen(code);
	}
	for (size_t i = 0; i < n; i++) {
		const char *code = govreport_diag_code(report, i);
		const char *message = govreport_diag_message(report, i, opt->lang);
		size_t line = govreport_diag_line(report, i);

		if (line)
			snprintf(label, sizeof(label), "L%zu", line);
		else
			strcpy(label, "-");
		fprintf(f, "  %-*s  %-7s  %-*s  %s\n", (int)line_width, label,
			severity_name(govreport_diag_severity(report, i)),
			(int)code_width, code ? code : "?", message ? message : "");
	}
	fprintf(f, "  %zu error%s, %zu warning%s, %zu info%s",
		counts[GOVREPORT_SEVERITY_ERROR],
		counts[GOVREPORT_SEVERITY_ERROR] == 1 ? "" : "s",
		counts[GOVREPORT_SEVERITY_WARNING],
		counts[GOVREPORT_SEVERITY_WARNING] == 1 ? "" : "s",
		counts[GOVREPORT_SEVERITY_INFO],
		counts[GOVREPORT_SEVERITY_INFO] == 1 ? "" : "s");
}

/*
 * The library's diagnostics object with "file" as its first key: the
 * object always has keys ("diagnostics" first), so "{" + file + "," and
 * the rest of the object after its "{" is one valid JSON object, on one
 * line since the library's compact JSON has no newline.
 */
static int
write_json_line(FILE *f, const char *path, const char *json, size_t len)
{
	if (len < 2 || json[0] != '{' || json[1] == '}')
		return -1;
	fputs("{\"file\":", f);
	write_json_string(f, cli_input_name(path));
	fputc(',', f);
	fwrite(json + 1, 1, len - 1, f);
	return 0;
}

/*
 * In a worker thread: check the file's report (the batch parsed it), put
 * its output in item->output and the outcome in the file's check_result.
 * Nothing here writes to stdout or stderr; check_emit() does, in order.
 */
static int
check_work(struct cli_batch_item *item, void *data)
{
	const struct check_run *run = data;
	const struct check_options *opt = run->opt;
	struct check_result *res = &run->results[item->index];
	struct govreport *report = item->report;
	enum govreport_status status;
	size_t counts[3] = { 0, 0, 0 };
	int compared = 0;
	char *json = NULL;
	size_t json_len = 0;
	FILE *f;

	res->status = CLI_EXIT_FAILURE;
	if (!report)
		return 0; /* unusable: check_emit() says why */

	/* The report stays in the item (the batch frees it), so that the
	 * summary counts its diagnostics. */
	status = apply_rules(opt, report, &res->what);
	if (status == GOVREPORT_OK)
		status = govreport_validate(report, opt->validate_flags);
	if (status != GOVREPORT_OK) {
		res->note = NOTE_FAILED;
		res->error = status;
		return 0;
	}
	res->status = CLI_EXIT_OK;
	if (opt->previous) {
		status = govreport_compare(opt->previous, report,
					   opt->validate_flags &
						   (GOVREPORT_BLANK_AS_ZERO |
						    GOVREPORT_VALIDATE_DETAIL));
		/* Say so, and still report what validation found. */
		if (status != GOVREPORT_OK) {
			res->note = NOTE_COMPARE;
			item->notes = 1; /* check_emit() says it on stderr */
			res->error = status;
			res->status = CLI_EXIT_FAILURE;
			status = GOVREPORT_OK;
		} else {
			compared = 1;
		}
	}

	for (size_t i = 0, n = govreport_diag_count(report); i < n; i++) {
		int severity = govreport_diag_severity(report, i);

		if (severity >= 0 && severity < 3)
			counts[severity]++;
	}
	if (counts[GOVREPORT_SEVERITY_ERROR] && res->status == CLI_EXIT_OK)
		res->status = CLI_EXIT_FINDINGS;

	if (opt->output != OUTPUT_HUMAN) {
		status = govreport_diagnostics_json(report, opt->lang, &json,
						    &json_len);
		if (status != GOVREPORT_OK)
			goto fail;
	}

	/* Into memory the batch frees with free(): the library's JSON too. */
	f = open_memstream(&item->output, &item->output_len);
	if (!f) {
		status = GOVREPORT_ERR_NOMEM;
		goto fail;
	}
	if (opt->output == OUTPUT_JSON) {
		if (fwrite(json, 1, json_len, f) != json_len)
			status = GOVREPORT_ERR_NOMEM;
	} else if (opt->output == OUTPUT_JSONL) {
		if (write_json_line(f, item->path, json, json_len) < 0)
			status = GOVREPORT_ERR_INTERNAL;
	} else {
		write_human(f, opt, item->path, report, compared, counts);
	}
	if (fclose(f) != 0 && status == GOVREPORT_OK)
		status = GOVREPORT_ERR_NOMEM;
	if (status != GOVREPORT_OK)
		goto fail;
	govreport_string_free(json);
	return 0;

fail:
	free(item->output);
	item->output = NULL;
	item->output_len = 0;
	res->note = NOTE_FAILED;
	res->error = status;
	res->what = NULL;
	res->status = CLI_EXIT_FAILURE;
	govreport_string_free(json);
	return 0;
}

/*
 * In input order: what is to be said about the file on stderr, then its
 * output. Human output separates files by an empty line. Returns -1 when
 * stdout failed (the batch stops).
 */
static int
check_emit(struct cli_batch_item *item, void *data)
{
	struct check_run *run = data;
	const struct cli_command *cmd = run->cmd;
	const struct check_result *res = &run->results[item->index];
	const char *name = cli_input_name(item->path);
	int ret = 0;

	if (!item->report)
		cli_batch_print_failure(cmd, item);
	else if (res->note == NOTE_FAILED)
		fprintf(stderr, "govreport %s: %s: %s%s%s\n", cmd->name, name,
			res->what ? res->what : "", res->what ? ": " : "",
			govreport_status_str(res->error));
	else if (res->note == NOTE_COMPARE)
		fprintf(stderr, "govreport %s: %s: cannot compare with %s: %s\n",
			cmd->name, name, cli_input_name(run->opt->previous_path),
			govreport_status_str(res->error));

	if (item->output) {
		if (run->opt->output == OUTPUT_HUMAN && run->written)
			ret = cli_write_line(cmd, "", 0);
		if (ret == 0)
			ret = cli_write_line(cmd, item->output, item->output_len);
		run->written = 1;
	}
	if (res->status > run->ret)
		run->ret = res->status;
	return ret;
}

static int
run_check(const struct cli_command *cmd, int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		{ "lang", required_argument, NULL, OPT_LANG },
		{ "previous", required_argument, NULL, OPT_PREVIOUS },
		{ "blank-as-zero", no_argument, NULL, OPT_BLANK_AS_ZERO },
		{ "infer", no_argument, NULL, OPT_INFER },
		{ "detail", no_argument, NULL, OPT_DETAIL },
		{ "disable", required_argument, NULL, OPT_DISABLE },
		{ "severity", required_argument, NULL, OPT_SEVERITY },
		{ "deadline", required_argument, NULL, OPT_DEADLINE },
		{ "jobs", required_argument, NULL, 'j' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct check_options opt = { .output = OUTPUT_HUMAN };
	struct check_run run = { .cmd = cmd, .opt = &opt };
	struct cli_batch batch = {
		.cmd = cmd,
		.work = check_work,
		.emit = check_emit,
		.data = &run,
	};
	struct cli_batch_summary summary;
	struct govreport *probe = NULL;
	enum govreport_status status;
	const char *what = NULL;
	int json = 0, quiet = 0, ret = CLI_EXIT_OK, stdin_uses = 0;
	unsigned jobs = 1;
	int c, nfiles;

	opt.disabled = calloc((size_t)argc, sizeof(*opt.disabled));
	opt.severities = calloc((size_t)argc, sizeof(*opt.severities));
	if (!opt.disabled || !opt.severities) {
		fprintf(stderr, "govreport %s: out of memory\n", cmd->name);
		ret = CLI_EXIT_FAILURE;
		goto out;
	}

	opterr = 0;
	/* The leading ':' tells a missing value (':') from an unknown option. */
	while ((c = getopt_long(argc, argv, ":hj:q", options, NULL)) != -1) {
		char *eq;

		switch (c) {
		case OPT_JSON:
			json = 1;
			break;
		case OPT_LANG:
			if (strcmp(optarg, "en") == 0)
				opt.lang = GOVREPORT_LANG_EN;
			else if (strcmp(optarg, "zh") == 0)
				opt.lang = 0;
			else {
				ret = cli_usage_error(cmd, "--lang: '%s' is not en or zh", optarg);
				goto out;
			}
			break;
		case OPT_PREVIOUS:
			opt.previous_path = optarg;
			break;
		case OPT_BLANK_AS_ZERO:
			opt.validate_flags |= GOVREPORT_BLANK_AS_ZERO;
			break;
		case OPT_INFER:
			opt.validate_flags |= GOVREPORT_INFER;
			break;
		case OPT_DETAIL:
			opt.validate_flags |= GOVREPORT_VALIDATE_DETAIL;
			break;
		case OPT_DISABLE:
			opt.disabled[opt.ndisabled++] = optarg;
			break;
		case OPT_SEVERITY:
			eq = strchr(optarg, '=');
			if (!eq || eq == optarg ||
			    parse_severity(eq + 1, &opt.severities[opt.nseverities].severity) < 0) {
				ret = cli_usage_error(cmd, "--severity: '%s' is not CODE=error|warning|info",
						      optarg);
				goto out;
			}
			*eq = '\0'; /* argv is ours to change; the code is what precedes '=' */
			opt.severities[opt.nseverities++].code = optarg;
			break;
		case OPT_DEADLINE:
			if (parse_deadline(optarg, &opt.deadline_month, &opt.deadline_day) < 0) {
				ret = cli_usage_error(cmd, "--deadline: '%s' is not MM-DD", optarg);
				goto out;
			}
			break;
		case 'j':
			if (cli_batch_parse_jobs(cmd, optarg, &jobs) < 0) {
				ret = CLI_EXIT_FAILURE;
				goto out;
			}
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			ret = cli_help(cmd);
			goto out;
		case ':':
			ret = cli_usage_error(cmd, "option '%s' needs a value",
					      argv[optind - 1]);
			goto out;
		default:
			ret = cli_option_error(cmd, argv);
			goto out;
		}
	}
	nfiles = argc - optind;
	if (nfiles < 1) {
		ret = cli_usage_error(cmd, "no file to check ('-' for standard input)");
		goto out;
	}
	for (int i = optind; i < argc; i++)
		stdin_uses += strcmp(argv[i], "-") == 0;
	if (opt.previous_path)
		stdin_uses += strcmp(opt.previous_path, "-") == 0;
	if (stdin_uses > 1) {
		ret = cli_usage_error(cmd, "standard input ('-') can be read only once");
		goto out;
	}
	if (json)
		opt.output = nfiles == 1 ? OUTPUT_JSON : OUTPUT_JSONL;

	/* Unknown codes and impossible deadlines are usage errors: try them
	 * on an empty report before checking anything. */
	status = govreport_new(GOVREPORT_TEMPLATE_2021, 0, &probe);
	if (status == GOVREPORT_OK)
		status = apply_rules(&opt, probe, &what);
	govreport_free(probe);
	if (status == GOVREPORT_ERR_NOT_FOUND && what) {
		ret = cli_usage_error(cmd, "unknown diagnostic code '%s'", what);
		goto out;
	}
	if (status == GOVREPORT_ERR_RANGE) {
		ret = cli_usage_error(cmd, "--deadline: no such day");
		goto out;
	}
	if (status != GOVREPORT_OK) {
		fprintf(stderr, "govreport %s: %s\n", cmd->name,
			govreport_status_str(status));
		ret = CLI_EXIT_FAILURE;
		goto out;
	}

	if (opt.previous_path) {
		if (cli_load_report(cmd, opt.previous_path, 0, &opt.previous) < 0) {
			ret = CLI_EXIT_FAILURE;
			goto out;
		}
		/* Let the comparison see the cells --infer fills in. */
		if (opt.validate_flags & GOVREPORT_INFER) {
			status = govreport_validate(opt.previous, opt.validate_flags);
			if (status != GOVREPORT_OK) {
				fprintf(stderr, "govreport %s: %s: %s\n", cmd->name,
					cli_input_name(opt.previous_path),
					govreport_status_str(status));
				ret = CLI_EXIT_FAILURE;
				goto out;
			}
		}
	}

	run.results = calloc((size_t)nfiles, sizeof(*run.results));
	if (!run.results) {
		fprintf(stderr, "govreport %s: out of memory\n", cmd->name);
		ret = CLI_EXIT_FAILURE;
		goto out;
	}
	batch.jobs = jobs;
	/* A progress line, on a terminal, when there is progress to show. */
	batch.progress = nfiles > 1 ? -1 : 0;
	if (cli_batch_run(&batch, argv + optind, (size_t)nfiles, &summary) < 0)
		run.ret = CLI_EXIT_FAILURE;
	if (nfiles > 1 && !quiet)
		cli_batch_print_summary(cmd, &summary);
	ret = run.ret;

out:
	govreport_free(opt.previous);
	free(run.results);
	free(opt.disabled);
	free(opt.severities);
	return ret;
}

const struct cli_command cli_check = {
	.name = "check",
	.synopsis = "check [--json] [--lang en|zh] [--previous FILE] [-j N] [OPTIONS] FILE...",
	.summary = "Validate reports and print their diagnostics (exit 1 on errors).",
	.help = "Reads each FILE ('-' for standard input) as `parse` does (a report's\n"
		"text, or its own govreport-1 JSON), validates it and prints its\n"
		"diagnostics: a header line per file (organ, year, template), one line\n"
		"per diagnostic (source line or '-', severity, code, message) and the\n"
		"file's counts. With several FILEs, a summary\n"
		"(files, errors, warnings, unreadable) ends on stderr, and a progress\n"
		"line shows there on a terminal.\n"
		"\n"
		"Options:\n"
		"  --json                 the diagnostics as JSON: with one FILE the object\n"
		"                         {\"diagnostics\": [...], \"errors\", \"warnings\", \"infos\"};\n"
		"                         with several, one such object per line (JSON Lines),\n"
		"                         with \"file\" as its first key, in input order\n"
		"  --lang en|zh           messages in English or Chinese (default zh)\n"
		"  --previous FILE        also compare with last year's report (XY_CARRYOVER,\n"
		"                         XY_IN_FORCE; XY_ORGAN when it names another\n"
		"                         organ); FILE is read once for all\n"
		"  --blank-as-zero        read blank cells (not dashes) as 0 in the checks\n"
		"  --infer                fill null cells the equations determine\n"
		"  --detail               also list the checks skipped for a null cell\n"
		"  --disable CODE         leave out a diagnostic code (repeatable)\n"
		"  --severity CODE=LEVEL  give a code another severity: error, warning or\n"
		"                         info (repeatable)\n"
		"  --deadline MM-DD       the publication deadline in the year after the\n"
		"                         reporting year (default 01-31)\n"
		"  -j, --jobs N           check in N threads (0: one per processor;\n"
		"                         default 1); the output is the same for any N\n"
		"  -q, --quiet            no summary\n"
		"  -h, --help             show this help\n"
		"\n"
		"Exit status: 0 no errors in any file, 1 errors found, 2 a usage error or\n"
		"an unusable FILE (its reason on stderr; the other files are still\n"
		"checked, and have their output).\n",
	.run = run_check,
};
