/*
 * govreport check [OPTIONS] FILE...: validate reports and print their
 * diagnostics, for people (grouped by file) or as JSON.
 *
 * Each FILE is checked on its own by check_file(), which reads, parses,
 * validates (and compares with --previous) and leaves everything meant for
 * stdout in a struct check_result; emit_result() then writes the results
 * in input order. check_file() touches no shared state but the previous
 * report, which it only reads, so it can run on worker threads while
 * emit_result() keeps the output in order. Messages about unusable input
 * go straight to stderr.
 */
#define _GNU_SOURCE /* getopt_long, open_memstream */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <govreport.h>

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

/* The outcome of one file. */
struct check_result {
	int status;  /* enum cli_exit */
	char *out;   /* for stdout, without the final newline; NULL: nothing */
	size_t out_len;
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

/* Read and parse a file; on failure say why on stderr and return NULL. */
static struct govreport *
load_report(const struct cli_command *cmd, const char *path)
{
	struct govreport *report = NULL;
	enum govreport_status status;
	char *data = NULL;
	size_t len = 0;

	if (cli_read_input(cmd, path, &data, &len) < 0)
		return NULL;
	status = govreport_parse(data, len, 0, &report);
	free(data);
	if (status != GOVREPORT_OK) {
		fprintf(stderr, "govreport %s: %s: %s\n", cmd->name,
			cli_input_name(path), govreport_status_str(status));
		return NULL;
	}
	return report;
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

/* Check one file into @res; see the comment at the top. */
static void
check_file(const struct cli_command *cmd, const struct check_options *opt,
	   const char *path, struct check_result *res)
{
	struct govreport *report;
	enum govreport_status status;
	const char *what = NULL;
	size_t counts[3] = { 0, 0, 0 };
	int compared = 0;
	char *json = NULL;
	size_t json_len = 0;
	FILE *f;

	res->status = CLI_EXIT_FAILURE;
	res->out = NULL;
	res->out_len = 0;

	report = load_report(cmd, path);
	if (!report)
		return;

	status = apply_rules(opt, report, &what);
	if (status == GOVREPORT_OK)
		status = govreport_validate(report, opt->validate_flags);
	if (status != GOVREPORT_OK) {
		fprintf(stderr, "govreport %s: %s: %s%s%s\n", cmd->name,
			cli_input_name(path), what ? what : "", what ? ": " : "",
			govreport_status_str(status));
		govreport_free(report);
		return;
	}
	res->status = CLI_EXIT_OK;
	if (opt->previous) {
		status = govreport_compare(opt->previous, report,
					   opt->validate_flags &
						   (GOVREPORT_BLANK_AS_ZERO |
						    GOVREPORT_VALIDATE_DETAIL));
		/* Say so, and still report what validation found. */
		if (status != GOVREPORT_OK) {
			fprintf(stderr,
				"govreport %s: %s: cannot compare with %s: %s\n",
				cmd->name, cli_input_name(path),
				cli_input_name(opt->previous_path),
				govreport_status_str(status));
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
		if (opt->output == OUTPUT_JSON) {
			res->out = json;
			res->out_len = json_len;
			govreport_free(report);
			return;
		}
	}

	f = open_memstream(&res->out, &res->out_len);
	if (!f) {
		status = GOVREPORT_ERR_NOMEM;
		goto fail;
	}
	if (opt->output == OUTPUT_JSONL) {
		if (write_json_line(f, path, json, json_len) < 0)
			status = GOVREPORT_ERR_INTERNAL;
	} else {
		write_human(f, opt, path, report, compared, counts);
	}
	if (fclose(f) != 0 && status == GOVREPORT_OK)
		status = GOVREPORT_ERR_NOMEM;
	if (status != GOVREPORT_OK)
		goto fail;
	govreport_string_free(json);
	govreport_free(report);
	return;

fail:
	fprintf(stderr, "govreport %s: %s: %s\n", cmd->name,
		cli_input_name(path), govreport_status_str(status));
	/* JSON from the library is freed by the library; the memstream by free(). */
	if (res->out != json)
		free(res->out);
	res->out = NULL;
	res->out_len = 0;
	res->status = CLI_EXIT_FAILURE;
	govreport_string_free(json);
	govreport_free(report);
}

/*
 * Write one file's result and free it. Human output separates files by an
 * empty line. Returns -1 when stdout failed (the caller stops).
 */
static int
emit_result(const struct cli_command *cmd, const struct check_options *opt,
	    struct check_result *res, int *written)
{
	int ret = 0;

	if (res->out) {
		if (opt->output == OUTPUT_HUMAN && *written)
			ret = cli_write_line(cmd, "", 0);
		if (ret == 0)
			ret = cli_write_line(cmd, res->out, res->out_len);
		*written = 1;
		if (opt->output == OUTPUT_JSON)
			govreport_string_free(res->out);
		else
			free(res->out);
		res->out = NULL;
	}
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
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct check_options opt = { .output = OUTPUT_HUMAN };
	struct govreport *probe = NULL;
	enum govreport_status status;
	const char *what = NULL;
	int json = 0, ret = CLI_EXIT_OK, written = 0, stdin_uses = 0;
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
	while ((c = getopt_long(argc, argv, ":h", options, NULL)) != -1) {
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
		opt.previous = load_report(cmd, opt.previous_path);
		if (!opt.previous) {
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

	for (int i = optind; i < argc; i++) {
		struct check_result res;

		check_file(cmd, &opt, argv[i], &res);
		if (emit_result(cmd, &opt, &res, &written) < 0) {
			ret = CLI_EXIT_FAILURE;
			break;
		}
		if (res.status > ret)
			ret = res.status;
	}

out:
	govreport_free(opt.previous);
	free(opt.disabled);
	free(opt.severities);
	return ret;
}

const struct cli_command cli_check = {
	.name = "check",
	.synopsis = "check [--json] [--lang en|zh] [--previous FILE] [OPTIONS] FILE...",
	.summary = "Validate reports and print their diagnostics (exit 1 on errors).",
	.help = "Reads each FILE ('-' for standard input) as `parse` does, validates it\n"
		"and prints its diagnostics: a header line per file (organ, year,\n"
		"template), one line per diagnostic (source line or '-', severity,\n"
		"code, message) and the file's counts.\n"
		"\n"
		"Options:\n"
		"  --json                 the diagnostics as JSON: with one FILE the object\n"
		"                         {\"diagnostics\": [...], \"errors\", \"warnings\", \"infos\"};\n"
		"                         with several, one such object per line (JSON Lines),\n"
		"                         with \"file\" as its first key, in input order\n"
		"  --lang en|zh           messages in English or Chinese (default zh)\n"
		"  --previous FILE        also compare with last year's report (XY_CARRYOVER,\n"
		"                         XY_IN_FORCE); FILE is read once for all\n"
		"  --blank-as-zero        read blank cells (not dashes) as 0 in the checks\n"
		"  --infer                fill null cells the equations determine\n"
		"  --detail               also list the checks skipped for a null cell\n"
		"  --disable CODE         leave out a diagnostic code (repeatable)\n"
		"  --severity CODE=LEVEL  give a code another severity: error, warning or\n"
		"                         info (repeatable)\n"
		"  --deadline MM-DD       the publication deadline in the year after the\n"
		"                         reporting year (default 01-31)\n"
		"  -h, --help             show this help\n"
		"\n"
		"Exit status: 0 no errors in any file, 1 errors found, 2 a usage error or\n"
		"an unusable FILE (its reason on stderr; the other files are still\n"
		"checked, and have their output).\n",
	.run = run_check,
};
