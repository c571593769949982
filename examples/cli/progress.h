/*
 * The batch's progress line, apart from the terminal: when to redraw it
 * and what it says. Pure functions of their arguments (the clock is
 * passed in), so that tests/test-progress.c can check them.
 *
 *   [120/2000]   6%  412 files/s  5s left  reports/sub/0120.txt
 */
#ifndef GOVREPORT_CLI_PROGRESS_H
#define GOVREPORT_CLI_PROGRESS_H

#include <stddef.h>

/* The shortest time between two redraws, in seconds: about ten a second. */
#define CLI_PROGRESS_INTERVAL 0.1

/* The longest file name shown, in bytes; a longer one keeps its end. */
#define CLI_PROGRESS_NAME_MAX 48

struct cli_progress {
	double start;     /* when the batch started */
	double last_draw; /* when the line was last drawn */
	int drawn;        /* whether it has been drawn at all */
};

/* Start timing at @now (seconds, any monotonic origin). */
void cli_progress_start(struct cli_progress *p, double now);

/*
 * Whether to draw at @now: the first time, then at least
 * CLI_PROGRESS_INTERVAL after the last redraw. Returns 1 and takes @now
 * as the last redraw, or 0.
 */
int cli_progress_due(struct cli_progress *p, double now);

/*
 * The line for @done of @total inputs, @elapsed seconds in, the last one
 * @name (may be NULL): count, percentage, rate and time left (the rate
 * and time left only once there is a rate to speak of). Writes at most
 * @size bytes, NUL included, and never cuts a UTF-8 sequence. Returns the
 * length written.
 */
size_t cli_progress_format(char *buf, size_t size, size_t done, size_t total,
			   double elapsed, const char *name);

#endif
