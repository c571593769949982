/*
 * The govreport command-line tool: what its subcommands share.
 *
 * A subcommand is a struct cli_command defined in a file of its own
 * (parse.c, later check.c, render.c, …), listed in the command table of
 * govreport.c and in examples/meson.build. It uses only the public API.
 */
#ifndef GOVREPORT_CLI_H
#define GOVREPORT_CLI_H

#include <stddef.h>

/* Exit statuses (SPEC §6). */
enum cli_exit {
	CLI_EXIT_OK = 0,
	CLI_EXIT_FINDINGS = 1, /* check: the report has errors */
	CLI_EXIT_FAILURE = 2,  /* usage error or unusable input */
};

struct cli_command {
	const char *name;     /* "parse" */
	const char *synopsis; /* "parse [--detail] [FILE|-]" */
	const char *summary;  /* one line for `govreport --help` */
	const char *help;     /* the options, for `govreport CMD --help` */
	/* argv[0] is the command's name; returns an enum cli_exit value. */
	int (*run)(const struct cli_command *cmd, int argc, char **argv);
};

extern const struct cli_command cli_parse;
extern const struct cli_command cli_sum;
extern const struct cli_command cli_diff;
extern const struct cli_command cli_check;
extern const struct cli_command cli_render;

/* Print the command's usage and help to stdout; returns CLI_EXIT_OK. */
int cli_help(const struct cli_command *cmd);

/*
 * Report a usage error: "govreport CMD: MESSAGE", the synopsis and a hint,
 * on stderr. Returns CLI_EXIT_FAILURE.
 */
int cli_usage_error(const struct cli_command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * Report the option that getopt_long() refused (it returned '?', with
 * opterr = 0) as a usage error. Long-only options must have values of
 * 256 and up. Returns CLI_EXIT_FAILURE.
 */
int cli_option_error(const struct cli_command *cmd, char **argv);

/*
 * The value of --format (auto, text, html, layout) as govreport_parse()
 * flags. On an unknown value reports a usage error and returns -1.
 */
int cli_parse_format(const struct cli_command *cmd, const char *value,
		     unsigned *flags);

/*
 * Whether @data is a report's own govreport-1 JSON: after a UTF-8 BOM and
 * white space, an object whose first key is "format" with the value
 * "govreport-1" (what parse and sum write, compact or pretty). Such an
 * input is read with govreport_from_json() by every command.
 */
int cli_is_govreport_json(const char *data, size_t len);

/* The name of an input for messages: the path, or "<stdin>". */
const char *cli_input_name(const char *path);

/*
 * What to do about a status that refuses a file the library recognised
 * (GOVREPORT_ERR_INPUT_UNSUPPORTED, GOVREPORT_ERR_INPUT_NO_TEXT), judged
 * from its first bytes; NULL for any other status.
 */
const char *cli_status_hint(enum govreport_status status, const char *data, size_t len);

/*
 * Read the file at @path, or standard input for NULL or "-", into a
 * malloc'd buffer. An input over GOVREPORT_MAX_INPUT is refused as the
 * library would refuse it ("input is too large"), before a byte is read
 * when it is a regular file (its size), else as soon as the limit is
 * passed. A PDF (it starts with "%PDF-") is replaced by the XHTML that
 * `pdftotext -bbox-layout` makes of it, run as a separate program
 * (pdf.h), under the same limit. On error prints "govreport CMD: NAME:
 * reason" and returns -1.
 */
int cli_read_input(const struct cli_command *cmd, const char *path,
		   char **data, size_t *len);

/*
 * The same without a message, for worker threads: returns 0, or an errno
 * value or a CLI_PDF_* error of pdf.h (nothing is handed out then).
 */
int cli_read_file(const char *path, char **data, size_t *len);

/* The reason for an error of cli_read_file(). */
const char *cli_read_error(int err);

/*
 * Write @len bytes and a newline to stdout and flush. On error prints
 * "govreport CMD: cannot write output: reason" and returns -1.
 */
int cli_write_line(const struct cli_command *cmd, const char *text, size_t len);

#endif
