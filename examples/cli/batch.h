/*
 * Many files in one call (SPEC §6): the govreport subcommands' batch
 * machinery, for parse --jsonl, sum and check --json.
 *
 * A batch reads and parses its inputs in worker threads (-j N) and hands
 * each back to the command in input order, whatever order they finished
 * in, so that output is the same for any N. The library keeps no global
 * state, so each worker parses its own reports without locks; only the
 * queue below is shared.
 *
 * A command fills a struct cli_batch and calls cli_batch_run():
 *
 *   work()  runs in a worker thread right after the input is parsed (or
 *           failed to be). It may change item->report (validate it) and
 *           leave its results in item->output or item->json, and
 *           item->result. It must not touch anything shared, nor write
 *           to stdout or stderr.
 *   emit()  runs in the calling thread, in input order: it writes what
 *           work() made. It may take item->report (set it to NULL); the
 *           batch frees whatever is left in the item afterwards.
 *
 * Workers take consecutive inputs in chunks (up to 16; fewer when there
 * are few inputs), so that threads meet once per chunk rather than once
 * per input. At most about 4 chunks per worker wait for their turn at a
 * time, so a batch of thousands of files holds only a few dozen reports
 * in memory (unless emit() keeps them). On a terminal, a progress line ("[12/300]   4%
 * 35 files/s  8s left  FILE", progress.h) is drawn on stderr at most about
 * ten times a second, and erased at the end and before an emit() that may
 * write where it is: one of an input without a report or without output,
 * one whose work() set item->notes, or any when stdout is the terminal
 * too. emit() may then print to stderr freely. cli_batch_print_summary() prints the closing
 * line ("govreport parse: 300 files, 2 errors, 41 warnings, 1 unreadable").
 *
 * A sketch of check --json:
 *
 *   static int work(struct cli_batch_item *item, void *data) {
 *           if (!item->report) return 0;
 *           if (govreport_validate(item->report, 0) != GOVREPORT_OK) return -1;
 *           item->result = ...errors found...;
 *           return govreport_diagnostics_json(item->report, 0, &json, &len) ...
 *                  cli_jsonl_with_file(item->path, json, len, &item->output,
 *                                      &item->output_len);
 *   }
 *   static int emit(struct cli_batch_item *item, void *data) {
 *           if (!item->report) { cli_batch_print_failure(cmd, item); ...
 *                                write cli_jsonl_error(...) }
 *           return cli_write_line(cmd, item->output, item->output_len);
 *   }
 *   struct cli_batch b = { .cmd = cmd, .jobs = jobs, .progress = -1,
 *                          .work = work, .emit = emit };
 *   struct cli_batch_summary s;
 *   if (cli_batch_run(&b, argv + optind, argc - optind, &s) < 0) return 2;
 *   cli_batch_print_summary(cmd, &s);
 */
#ifndef GOVREPORT_CLI_BATCH_H
#define GOVREPORT_CLI_BATCH_H

#include <stddef.h>

#include <govreport.h>

#include "cli.h"

/* The most worker threads -j takes. */
#define CLI_BATCH_MAX_JOBS 256

/* One input of a batch. */
struct cli_batch_item {
	/* Set by the batch. */
	size_t index;     /* position in the input list, from 0 */
	const char *path; /* as given; "-" is standard input */
	/* The parsed report, or NULL when the input could not be read
	 * (read_error), parsed (status) or read as JSON (json_error). */
	struct govreport *report;
	int read_error;               /* an errno value, or 0 */
	enum govreport_status status; /* of govreport_parse/from_json */
	char *json_error;             /* govreport_from_json's message, or NULL */
	size_t errors, warnings;      /* the report's diagnostics after work() */

	/* Set by work(), for emit(); output is malloc'd (or NULL) and freed
	 * by the batch. */
	char *output;
	size_t output_len;
	/* Or a report's JSON as govreport_to_json() made it, for emit() to
	 * write as it is (cli_write_jsonl: no copy of a large report's JSON);
	 * freed by the batch with govreport_string_free(). */
	char *json;
	size_t json_len;
	int result;
	/* Set by work() when emit() will write to stderr though the item has
	 * a report and output: the progress line is taken down first. */
	int notes;
};

struct cli_batch {
	const struct cli_command *cmd;
	/* Worker threads; 0 or 1 run everything in the calling thread. */
	unsigned jobs;
	/* Flags for govreport_parse(). */
	unsigned parse_flags;
	/* Read an input whose first character (after a BOM and white space)
	 * is '{' as govreport-1 JSON (govreport_from_json()) instead of a
	 * report's text: sum and diff take what parse and sum wrote. Without
	 * it, an input that starts {"format": "govreport-1" is still read as
	 * JSON (cli_is_govreport_json()): parse and check take it too. */
	int json_input;
	/* The progress line: -1 when stderr is a terminal, 0 never, 1 always. */
	int progress;
	/* See above; either may be NULL. Return 0, or -1 to stop the batch
	 * (cli_batch_run() then returns -1 once the workers have stopped). */
	int (*work)(struct cli_batch_item *item, void *data);
	int (*emit)(struct cli_batch_item *item, void *data);
	void *data; /* passed to work() and emit() */
};

struct cli_batch_summary {
	size_t files;      /* inputs handed to emit() */
	size_t errors;     /* diagnostics of severity error, over all reports */
	size_t warnings;   /* … of severity warning */
	size_t unreadable; /* inputs that could not be read or parsed */
};

/*
 * Read, parse, work() and emit() every input. @summary (may be NULL) is
 * filled in either case. Returns 0, or -1 when a callback stopped the
 * batch or it could not start (a message is printed then).
 */
int cli_batch_run(const struct cli_batch *batch, char *const *paths,
		  size_t npaths, struct cli_batch_summary *summary);

/* "govreport CMD: N files, N errors, N warnings, N unreadable" on stderr. */
void cli_batch_print_summary(const struct cli_command *cmd,
			     const struct cli_batch_summary *summary);

/*
 * The value of -j: 1 to CLI_BATCH_MAX_JOBS, or 0 for the number of
 * processors. Returns 0, or -1 after printing a usage error.
 */
int cli_batch_parse_jobs(const struct cli_command *cmd, const char *arg,
			 unsigned *jobs);

/* Why an input has no report, in English ("No such file or directory",
 * "the input holds no text", or the JSON reader's message). Call it in
 * the calling thread (emit()): it may use strerror(). */
const char *cli_batch_failure(const struct cli_batch_item *item);

/* "govreport CMD: NAME: REASON" on stderr for an input without a report. */
void cli_batch_print_failure(const struct cli_command *cmd,
			     const struct cli_batch_item *item);

/*
 * A JSON Lines record: the compact JSON object @object (@len bytes, "{…}")
 * with "file": PATH put first. *out is malloc'd, without a newline.
 * Returns 0 or -1 (out of memory).
 */
int cli_jsonl_with_file(const char *path, const char *object, size_t len,
			char **out, size_t *out_len);

/*
 * Write the record cli_jsonl_with_file() makes, and a newline, to stdout
 * without copying @object. Returns 0, or -1 after printing why.
 */
int cli_write_jsonl(const struct cli_command *cmd, const char *path,
		    const char *object, size_t len);

/* {"file": PATH, "error": REASON}, as above. */
int cli_jsonl_error(const char *path, const char *reason, char **out,
		    size_t *out_len);

/*
 * Load one report, as a batch does (json_input as in struct cli_batch),
 * printing "govreport CMD: NAME: reason" on failure. Returns 0 and the
 * report, or -1.
 */
int cli_load_report(const struct cli_command *cmd, const char *path,
		    int json_input, struct govreport **out);

#endif
