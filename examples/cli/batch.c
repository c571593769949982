/* Many files in one call, in worker threads; see batch.h. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <govreport.h>

#include "batch.h"
#include "progress.h"

/*
 * Workers take inputs in chunks of up to BATCH_MAX consecutive ones, so
 * that threads meet (a lock, a wake-up) once per batch, not per input;
 * smaller chunks when there are few inputs, so that the last ones still
 * spread over the workers. At most WINDOW_PER_JOB chunks per worker may
 * wait for their turn.
 */
#define BATCH_MAX 16
#define WINDOW_PER_JOB 4
#define NOBODY ((size_t)-1)

struct slot {
	struct cli_batch_item item;
	int done;
};

struct run {
	const struct cli_batch *batch;
	char *const *paths;
	struct slot *slots;
	size_t n;
	size_t chunk;  /* inputs a worker takes at a time */
	size_t window; /* inputs taken ahead of the emitted ones, at most */
	/* Under lock: */
	pthread_mutex_t lock;
	pthread_cond_t ready;   /* a slot is done (for the calling thread) */
	pthread_cond_t advance; /* slots were emitted, or stop (for workers) */
	size_t next;            /* the next input a worker takes */
	size_t emitted;         /* inputs emitted so far */
	size_t waiting_for;     /* the slot the calling thread waits for, or NOBODY */
	unsigned idle_workers;  /* workers waiting for `advance` */
	int stop;
	/* The calling thread's alone: */
	int progress;
	int progress_shown;
	int stdout_tty; /* stdout is a terminal too: output crosses the line */
	struct cli_progress timing;
};

/* ---- one input ----------------------------------------------------------- */

/* Whether the text, after a UTF-8 BOM and white space, starts with '{'. */
static int
looks_like_json(const char *data, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' ||
			   data[i] == '\r'))
		i++;
	return i < len && data[i] == '{';
}

/* Read and parse one input into item; never fails as a whole. */
static void
load(struct cli_batch_item *item, unsigned parse_flags, int json_input)
{
	char *data = NULL;
	size_t len = 0;

	item->read_error = cli_read_file(item->path, &data, &len);
	if (item->read_error)
		return;
	if ((json_input && looks_like_json(data, len)) ||
	    cli_is_govreport_json(data, len))
		item->status = govreport_from_json(data, len, 0, &item->report,
						   &item->json_error);
	else
		item->status = govreport_parse(data, len, parse_flags,
					       &item->report);
	free(data);
}

static void
count_diagnostics(struct cli_batch_item *item)
{
	size_t n = govreport_diag_count(item->report);

	for (size_t i = 0; i < n; i++) {
		int severity = govreport_diag_severity(item->report, i);
		if (severity == GOVREPORT_SEVERITY_ERROR)
			item->errors++;
		else if (severity == GOVREPORT_SEVERITY_WARNING)
			item->warnings++;
	}
}

/* Everything a worker does for one input. Returns 0 or -1 (stop). */
static int
process(const struct cli_batch *batch, struct cli_batch_item *item)
{
	load(item, batch->parse_flags, batch->json_input);
	if (batch->work && batch->work(item, batch->data) < 0)
		return -1;
	count_diagnostics(item);
	return 0;
}

static void
release(struct cli_batch_item *item)
{
	govreport_free(item->report);
	govreport_string_free(item->json_error);
	free(item->output);
	govreport_string_free(item->json);
	item->report = NULL;
	item->json = NULL;
	item->json_error = NULL;
	item->output = NULL;
}

/* ---- the progress line ----------------------------------------------------- */

static double
now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void
progress_clear(struct run *run)
{
	if (run->progress_shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		run->progress_shown = 0;
	}
}

/* Redraw the line, at most about ten times a second (progress.h). */
static void
progress_draw(struct run *run, size_t done, const char *path)
{
	char line[256];
	double now;

	if (!run->progress)
		return;
	now = now_seconds();
	if (!cli_progress_due(&run->timing, now))
		return;
	cli_progress_format(line, sizeof(line), done, run->n,
			    now - run->timing.start, cli_input_name(path));
	fprintf(stderr, "\r\033[K%s", line);
	fflush(stderr);
	run->progress_shown = 1;
}

/*
 * Whether emit() of this item may write where the line is: to stderr (an
 * input without a report or without output, or a note work() announced),
 * or to stdout when that is the terminal too. Otherwise the line stays
 * up, untouched, until its next redraw.
 */
static int
crosses_line(const struct run *run, const struct cli_batch_item *item)
{
	return run->stdout_tty || !item->report || (!item->output && !item->json) ||
	       item->notes;
}

/* ---- the calling thread: emit in order ------------------------------------ */

/* Emit slot i and free it. Returns 0 or -1 (stop). */
static int
emit(struct run *run, size_t i, struct cli_batch_summary *summary)
{
	struct cli_batch_item *item = &run->slots[i].item;
	int ret = 0;

	summary->files++;
	summary->errors += item->errors;
	summary->warnings += item->warnings;
	if (!item->report)
		summary->unreadable++;
	if (crosses_line(run, item))
		progress_clear(run);
	if (run->batch->emit)
		ret = run->batch->emit(item, run->batch->data);
	release(item);
	progress_draw(run, i + 1, item->path);
	return ret;
}

/* ---- workers ---------------------------------------------------------------- */

static void *
worker(void *arg)
{
	struct run *run = arg;

	pthread_mutex_lock(&run->lock);
	for (;;) {
		size_t first, end, i;
		int failed = 0;

		while (!run->stop && run->next < run->n &&
		       run->next >= run->emitted + run->window) {
			run->idle_workers++;
			pthread_cond_wait(&run->advance, &run->lock);
			run->idle_workers--;
		}
		if (run->stop || run->next >= run->n)
			break;
		first = run->next;
		end = first + run->chunk < run->n ? first + run->chunk : run->n;
		run->next = end;
		pthread_mutex_unlock(&run->lock);

		for (i = first; i < end && !failed; i++)
			failed = process(run->batch, &run->slots[i].item) < 0;

		pthread_mutex_lock(&run->lock);
		/* Done up to the one that failed, if one did; the calling
		 * thread is woken once for the chunk, if it waits on it. */
		for (size_t k = first; k < i; k++)
			run->slots[k].done = 1;
		if (failed)
			run->stop = 1;
		if (failed || (run->waiting_for >= first && run->waiting_for < end))
			pthread_cond_signal(&run->ready);
	}
	pthread_mutex_unlock(&run->lock);
	return NULL;
}

/* Emit every slot in order, each run of done ones at once. */
static int
emit_in_order(struct run *run, struct cli_batch_summary *summary)
{
	for (size_t i = 0; i < run->n;) {
		size_t end = i;
		int stop;

		pthread_mutex_lock(&run->lock);
		while (!run->slots[i].done && !run->stop) {
			run->waiting_for = i;
			pthread_cond_wait(&run->ready, &run->lock);
		}
		run->waiting_for = NOBODY;
		stop = run->stop && !run->slots[i].done;
		while (end < run->n && run->slots[end].done)
			end++;
		pthread_mutex_unlock(&run->lock);
		if (stop)
			return -1;
		/* Slots seen done under the lock are the workers' no more. */
		for (; i < end; i++)
			if (emit(run, i, summary) < 0)
				return -1;
		pthread_mutex_lock(&run->lock);
		run->emitted = end;
		if (run->idle_workers)
			pthread_cond_broadcast(&run->advance);
		pthread_mutex_unlock(&run->lock);
	}
	return 0;
}

static int
run_threads(struct run *run, unsigned jobs, struct cli_batch_summary *summary)
{
	pthread_t *threads = calloc(jobs, sizeof(*threads));
	unsigned started = 0;
	int ret = 0;

	if (!threads) {
		fprintf(stderr, "govreport %s: out of memory\n", run->batch->cmd->name);
		return -1;
	}
	run->waiting_for = NOBODY;
	for (; started < jobs; started++) {
		int err = pthread_create(&threads[started], NULL, worker, run);
		if (err) {
			fprintf(stderr, "govreport %s: cannot start a thread: %s\n",
				run->batch->cmd->name, strerror(err));
			ret = -1;
			break;
		}
	}
	/* With fewer threads than asked for, carry on if there is one. */
	if (started > 0)
		ret = 0;
	if (started > 0 && emit_in_order(run, summary) < 0) {
		ret = -1;
		pthread_mutex_lock(&run->lock);
		run->stop = 1;
		pthread_cond_broadcast(&run->advance);
		pthread_mutex_unlock(&run->lock);
	}
	for (unsigned t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	free(threads);
	/* A worker's own failure (work() returned -1). */
	if (run->stop)
		ret = -1;
	return ret;
}

static int
run_inline(struct run *run, struct cli_batch_summary *summary)
{
	for (size_t i = 0; i < run->n; i++) {
		if (process(run->batch, &run->slots[i].item) < 0 ||
		    emit(run, i, summary) < 0)
			return -1;
	}
	return 0;
}

int
cli_batch_run(const struct cli_batch *batch, char *const *paths, size_t npaths,
	      struct cli_batch_summary *summary)
{
	struct cli_batch_summary local = { 0 };
	struct run run = { .batch = batch, .paths = paths, .n = npaths };
	unsigned jobs = batch->jobs ? batch->jobs : 1;
	int ret;

	if (!summary)
		summary = &local;
	*summary = (struct cli_batch_summary){ 0 };
	if (npaths == 0)
		return 0;
	if ((size_t)jobs > npaths)
		jobs = (unsigned)npaths;
	run.slots = calloc(npaths, sizeof(*run.slots));
	if (!run.slots) {
		fprintf(stderr, "govreport %s: out of memory\n", batch->cmd->name);
		return -1;
	}
	for (size_t i = 0; i < npaths; i++) {
		run.slots[i].item.index = i;
		run.slots[i].item.path = paths[i];
	}
	run.progress = batch->progress < 0 ? isatty(STDERR_FILENO) : batch->progress;
	run.stdout_tty = isatty(STDOUT_FILENO);
	cli_progress_start(&run.timing, now_seconds());
	run.chunk = npaths / ((size_t)jobs * 8);
	run.chunk = run.chunk < 1 ? 1 : run.chunk > BATCH_MAX ? BATCH_MAX : run.chunk;
	run.window = (size_t)jobs * WINDOW_PER_JOB * run.chunk;

	if (jobs <= 1) {
		ret = run_inline(&run, summary);
	} else {
		pthread_mutex_init(&run.lock, NULL);
		pthread_cond_init(&run.ready, NULL);
		pthread_cond_init(&run.advance, NULL);
		ret = run_threads(&run, jobs, summary);
		pthread_cond_destroy(&run.advance);
		pthread_cond_destroy(&run.ready);
		pthread_mutex_destroy(&run.lock);
	}
	progress_clear(&run);
	/* What a stopped batch left behind. */
	for (size_t i = 0; i < npaths; i++)
		release(&run.slots[i].item);
	free(run.slots);
	return ret;
}

/* ---- helpers for the commands ------------------------------------------------ */

void
cli_batch_print_summary(const struct cli_command *cmd,
			const struct cli_batch_summary *s)
{
	fprintf(stderr, "govreport %s: %zu file%s, %zu error%s, %zu warning%s, "
		"%zu unreadable\n", cmd->name,
		s->files, s->files == 1 ? "" : "s",
		s->errors, s->errors == 1 ? "" : "s",
		s->warnings, s->warnings == 1 ? "" : "s",
		s->unreadable);
}

int
cli_batch_parse_jobs(const struct cli_command *cmd, const char *arg,
		     unsigned *jobs)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(arg, &end, 10);
	if (errno || end == arg || *end || n < 0 || n > CLI_BATCH_MAX_JOBS) {
		cli_usage_error(cmd, "-j takes a number of threads from 0 to %d, "
				"not '%s'", CLI_BATCH_MAX_JOBS, arg);
		return -1;
	}
	if (n == 0) {
		long cpus = sysconf(_SC_NPROCESSORS_ONLN);
		n = cpus < 1 ? 1 : cpus > CLI_BATCH_MAX_JOBS ? CLI_BATCH_MAX_JOBS : cpus;
	}
	*jobs = (unsigned)n;
	return 0;
}

const char *
cli_batch_failure(const struct cli_batch_item *item)
{
	if (item->read_error)
		return cli_read_error(item->read_error);
	if (item->json_error)
		return item->json_error;
	return govreport_status_str(item->status);
}

void
cli_batch_print_failure(const struct cli_command *cmd,
			const struct cli_batch_item *item)
{
	fprintf(stderr, "govreport %s: %s: %s\n", cmd->name,
		cli_input_name(item->path), cli_batch_failure(item));
}

/* ---- JSON Lines ---------------------------------------------------------------- */

struct buf {
	char *data;
	size_t len, cap;
	int failed;
};

static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		char *grown;
		while (cap < b->len + n + 1)
			cap *= 2;
		grown = realloc(b->data, cap);
		if (!grown) {
			b->failed = 1;
			return;
		}
		b->data = grown;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* The length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t
utf8_sequence(const unsigned char *s, size_t n)
{
	size_t len;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		len = 2, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		len = 3, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return len;
}

/* A JSON string; bytes that are not UTF-8 (a file name may hold any)
 * become U+FFFD. */
static void
put_json_string(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);

	put(b, "\"", 1);
	while (n > 0) {
		size_t len = utf8_sequence(p, n);
		char esc[8];

		if (len == 0) {
			put(b, "\\ufffd", 6);
			len = 1;
		} else if (*p == '"' || *p == '\\') {
			esc[0] = '\\';
			esc[1] = (char)*p;
			put(b, esc, 2);
		} else if (*p < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", *p);
			put(b, esc, 6);
		} else {
			put(b, (const char *)p, len);
		}
		p += len;
		n -= len;
	}
	put(b, "\"", 1);
}

static int
finish(struct buf *b, char **out, size_t *out_len)
{
	if (b->failed) {
		free(b->data);
		return -1;
	}
	*out = b->data;
	if (out_len)
		*out_len = b->len;
	return 0;
}

/* {"file":PATH, (or {"file":PATH when the object is empty): what comes
 * before the object's own keys in its JSON Lines record. */
static int
jsonl_head(const char *path, const char *object, size_t len, struct buf *b)
{
	if (len < 2 || object[0] != '{')
		return -1;
	put(b, "{\"file\":", 8);
	put_json_string(b, path);
	/* The object's own keys follow, if it has any. */
	if (object[1] != '}')
		put(b, ",", 1);
	return b->failed ? -1 : 0;
}

int
cli_jsonl_with_file(const char *path, const char *object, size_t len,
		    char **out, size_t *out_len)
{
	struct buf b = { 0 };

	if (jsonl_head(path, object, len, &b) < 0) {
		free(b.data);
		return -1;
	}
	put(&b, object + 1, len - 1);
	return finish(&b, out, out_len);
}

int
cli_write_jsonl(const struct cli_command *cmd, const char *path, const char *object,
		size_t len)
{
	struct buf head = { 0 };
	int ret = 0;

	if (jsonl_head(path, object, len, &head) < 0) {
		fprintf(stderr, "govreport %s: out of memory\n", cmd->name);
		ret = -1;
	} else if (fwrite(head.data, 1, head.len, stdout) != head.len ||
		   fwrite(object + 1, 1, len - 1, stdout) != len - 1 ||
		   putchar('\n') == EOF || fflush(stdout) != 0) {
		fprintf(stderr, "govreport %s: cannot write output: %s\n", cmd->name,
			strerror(errno));
		ret = -1;
	}
	free(head.data);
	return ret;
}

int
cli_jsonl_error(const char *path, const char *reason, char **out,
		size_t *out_len)
{
	struct buf b = { 0 };

	put(&b, "{\"file\":", 8);
	put_json_string(&b, path);
	put(&b, ",\"error\":", 9);
	put_json_string(&b, reason);
	put(&b, "}", 1);
	return finish(&b, out, out_len);
}

int
cli_load_report(const struct cli_command *cmd, const char *path,
		int json_input, struct govreport **out)
{
	struct cli_batch_item item = { .path = path ? path : "-" };

	load(&item, 0, json_input);
	if (!item.report) {
		cli_batch_print_failure(cmd, &item);
		release(&item);
		return -1;
	}
	*out = item.report;
	item.report = NULL;
	release(&item);
	return 0;
}
