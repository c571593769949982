/*
 * govreport-bench: how fast parse, validate and to_json are, on generated
 * reports of every text shape, both templates, simplified and traditional,
 * from about 2 KB to 10 MB (gen.h).
 *
 *   govreport-bench [--quick] [--cli PATH] [--reports N] [--seconds S]
 *                   [--only per|sizes|threads|html|cli|large|once]
 *
 * It prints Markdown tables: per 8 KB report, the median time of each
 * step and end to end, MB/s and reports/s; the cost by size (with peak
 * memory, measured in a child process); one thread against two threads
 * over independent reports; the command-line tool's batch mode
 * (`govreport parse --jsonl -j N`, process start included) over N
 * reports; one 10 MB report against five 2 MB ones through it; and one
 * `govreport parse FILE` call, process start included.
 * It starts with the machine it runs on. Every report's cells are checked against what was generated,
 * so --quick is also a test; it times nothing worth quoting.
 */
#define _GNU_SOURCE /* mkdtemp, wait4 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <govreport.h>

#include "gen.h"

#define KB 1024
#define MB (1024 * 1024)

struct settings {
	int quick;
	const char *cli;
	size_t cli_reports;
	double seconds; /* time spent per measurement */
	const char *only; /* one table, or NULL for all */
};

static int
wanted(const struct settings *s, const char *table)
{
	return !s->only || strcmp(s->only, table) == 0;
}

struct doc {
	char name[64];
	struct gen_options opt;
	struct gen_report r;
};

static double
now_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

/* This thread's CPU time: what a loaded machine inflates least. */
static double
cpu_us(void)
{
	struct timespec t;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
	return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static int
compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
median(double *v, size_t n)
{
	qsort(v, n, sizeof(v[0]), compare_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void
die(const char *what)
{
	fprintf(stderr, "govreport-bench: %s\n", what);
	exit(1);
}

/* ---- checking a parse -------------------------------------------------- */

/* Every generated cell read back, the template and the year; no errors. */
static int
check_doc(const struct doc *d)
{
	struct govreport *r;
	int failures = 0;
	size_t errors = 0;

	if (govreport_parse(d->r.data, d->r.len, 0, &r) != GOVREPORT_OK) {
		fprintf(stderr, "%s: parse failed\n", d->name);
		return 1;
	}
	if ((int)govreport_template(r) != d->r.template_year) {
		fprintf(stderr, "%s: template %d, expected %d\n", d->name,
			(int)govreport_template(r), d->r.template_year);
		failures++;
	}
	if (govreport_year(r) != d->r.year) {
		fprintf(stderr, "%s: year %d, expected %d\n", d->name, govreport_year(r),
			d->r.year);
		failures++;
	}
	for (size_t i = 0; i < d->r.ncells && failures < 5; i++) {
		const struct gen_cell *c = &d->r.cells[i];
		int64_t coefficient = -1;
		unsigned scale = 99;
		enum govreport_cell_state state = GOVREPORT_CELL_MISSING;
		govreport_get_decimal(r, c->path, &coefficient, &scale, &state);
		if (state != GOVREPORT_CELL_PRESENT || coefficient != c->coefficient ||
		    scale != c->scale) {
			fprintf(stderr, "%s: %s is %lld (scale %u, state %d), expected %lld "
				"(scale %u)\n", d->name, c->path, (long long)coefficient,
				scale, (int)state, (long long)c->coefficient, c->scale);
			failures++;
		}
	}
	if (govreport_validate(r, 0) != GOVREPORT_OK) {
		fprintf(stderr, "%s: validate failed\n", d->name);
		failures++;
	}
	for (size_t i = 0; i < govreport_diag_count(r); i++) {
		if (govreport_diag_severity(r, i) != GOVREPORT_SEVERITY_ERROR)
			continue;
		if (errors++ < 3)
			fprintf(stderr, "%s: %s %s\n", d->name, govreport_diag_code(r, i),
				govreport_diag_message(r, i, GOVREPORT_LANG_EN));
	}
	govreport_free(r);
	return failures + (errors > 0);
}

/* ---- timing one report ----------------------------------------------- */

struct timing {
	double parse, validate, json, total; /* medians, µs */
	double cpu; /* median CPU time end to end, µs */
	size_t reps;
};

/* Parse, validate and write the report `reps` times at least, for about
 * `seconds`; the median of each step. */
static void
time_doc(const struct settings *s, const struct doc *d, struct timing *t)
{
	size_t cap = 4096, reps = 0;
	double *p = malloc(cap * sizeof(double)), *v = malloc(cap * sizeof(double));
	double *j = malloc(cap * sizeof(double)), *e = malloc(cap * sizeof(double));
	double *c = malloc(cap * sizeof(double));
	double start = now_us(), budget = s->seconds * 1e6;
	size_t min_reps = s->quick ? 2 : 5;

	if (!p || !v || !j || !e || !c)
		die("out of memory");
	while (reps < cap && (reps < min_reps || now_us() - start < budget)) {
		struct govreport *r;
		char *json = NULL;
		double c0 = cpu_us(), t0 = now_us(), t1, t2, t3;
		if (govreport_parse(d->r.data, d->r.len, 0, &r) != GOVREPORT_OK)
			die("parse failed");
		t1 = now_us();
		if (govreport_validate(r, 0) != GOVREPORT_OK)
			die("validate failed");
		t2 = now_us();
		if (govreport_to_json(r, 0, &json, NULL) != GOVREPORT_OK)
			die("to_json failed");
		t3 = now_us();
		c[reps] = cpu_us() - c0;
		govreport_string_free(json);
		govreport_free(r);
		p[reps] = t1 - t0;
		v[reps] = t2 - t1;
		j[reps] = t3 - t2;
		e[reps] = t3 - t0;
		reps++;
	}
	t->parse = median(p, reps);
	t->validate = median(v, reps);
	t->json = median(j, reps);
	t->total = median(e, reps);
	t->cpu = median(c, reps);
	t->reps = reps;
	free(c);
	free(p);
	free(v);
	free(j);
	free(e);
}

static double
mb_per_s(size_t bytes, double us)
{
	return us > 0 ? (double)bytes / us : 0; /* bytes per µs = MB/s (10^6) */
}

/* ---- peak memory, in a child ------------------------------------------ */

/*
 * What parsing, validating and writing the report adds to the process's
 * peak resident set, in bytes: a child process warms up on a small report
 * (ICU's data, the transliterator), then runs the large one; the growth of
 * ru_maxrss is what the library needed on top of the input.
 */
static long
peak_extra(const struct doc *warm, const struct doc *d)
{
	int fds[2];
	pid_t pid;
	long extra = -1;

	if (pipe(fds) < 0)
		return -1;
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		struct rusage before, after;
		struct govreport *r;
		char *json = NULL;
		long grown;
		close(fds[0]);
		/* Warm up every step: the first one touches ICU's data and the
		 * library's process-wide tables. */
		if (govreport_parse(warm->r.data, warm->r.len, 0, &r) == GOVREPORT_OK) {
			govreport_validate(r, 0);
			govreport_to_json(r, 0, &json, NULL);
			govreport_string_free(json);
			json = NULL;
			govreport_free(r);
		}
		getrusage(RUSAGE_SELF, &before);
		/* A refused input counts too: what refusing it cost. */
		if (govreport_parse(d->r.data, d->r.len, 0, &r) == GOVREPORT_OK) {
			govreport_validate(r, 0);
			govreport_to_json(r, 0, &json, NULL);
		}
		getrusage(RUSAGE_SELF, &after);
		govreport_string_free(json);
		govreport_free(r);
		grown = (after.ru_maxrss - before.ru_maxrss) * 1024L;
		if (write(fds[1], &grown, sizeof(grown)) != (ssize_t)sizeof(grown))
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	if (read(fds[0], &extra, sizeof(extra)) != (ssize_t)sizeof(extra))
		extra = -1;
	close(fds[0]);
	waitpid(pid, NULL, 0);
	return extra;
}

/* ---- HTML against text ------------------------------------------------- */

/*
 * The same reports as text and as HTML (govreport_render's page of them,
 * which reads back to the same figures): the cost per byte of each, end
 * to end, and HTML's as a multiple of text's. Medians of each report's
 * repetitions, summed over the reports.
 */
static int
html_against_text(const struct settings *s, const struct doc *docs, size_t ndocs)
{
	double text_us = 0, text_cpu = 0, html_us = 0, html_cpu = 0;
	size_t text_bytes = 0, html_bytes = 0;
	int failures = 0;
	struct govreport *probe = NULL;
	enum govreport_status st = govreport_parse("<p>", 3, GOVREPORT_FORMAT_HTML, &probe);

	/* A build without HTML refuses the flag (GOVREPORT_ERR_ARGUMENT). */
	if (st == GOVREPORT_ERR_ARGUMENT || st == GOVREPORT_ERR_INPUT_UNSUPPORTED) {
		printf("\n### HTML against text: not measured, this build reads no HTML "
		       "(-Dhtml=disabled)\n");
		return 0;
	}
	govreport_free(probe);
	printf("\n### HTML against text: the %zu simplified 8 KB reports, and each "
	       "rendered as HTML (govreport_render), end to end\n\n", ndocs);
	printf("| report | text bytes | text µs/KB (wall; CPU) | HTML bytes | "
	       "HTML µs/KB (wall; CPU) |\n");
	printf("|---|---:|---:|---:|---:|\n");
	for (size_t i = 0; i < ndocs; i++) {
		struct govreport *r;
		struct doc html = docs[i];
		struct timing t, h;
		char *page = NULL;
		size_t len = 0;
		if (govreport_parse(docs[i].r.data, docs[i].r.len, 0, &r) != GOVREPORT_OK ||
		    govreport_render(r, GOVREPORT_RENDER_HTML, 0, &page, &len) != GOVREPORT_OK)
			die("cannot render a report as HTML");
		govreport_free(r);
		html.r.data = page;
		html.r.len = len;
		/* The page holds the report's every figure. */
		failures += check_doc(&html);
		time_doc(s, &docs[i], &t);
		time_doc(s, &html, &h);
		printf("| %s | %zu | %.2f; %.2f | %zu | %.2f; %.2f |\n", docs[i].name,
		       docs[i].r.len, t.total / ((double)docs[i].r.len / KB),
		       t.cpu / ((double)docs[i].r.len / KB), len, h.total / ((double)len / KB),
		       h.cpu / ((double)len / KB));
		text_us += t.total;
		text_cpu += t.cpu;
		text_bytes += docs[i].r.len;
		html_us += h.total;
		html_cpu += h.cpu;
		html_bytes += len;
		govreport_string_free(page);
	}
	printf("\nHTML per byte against text: %.2f × wall, %.2f × CPU.\n",
	       (html_us / (double)html_bytes) / (text_us / (double)text_bytes),
	       (html_cpu / (double)html_bytes) / (text_cpu / (double)text_bytes));
	return failures;
}

/* ---- threads ------------------------------------------------------------ */

struct worker {
	const struct doc *docs;
	size_t ndocs, passes;
	int failed;
};

static void *
work(void *arg)
{
	struct worker *w = arg;

	for (size_t p = 0; p < w->passes; p++) {
		for (size_t i = 0; i < w->ndocs; i++) {
			struct govreport *r;
			char *json = NULL;
			if (govreport_parse(w->docs[i].r.data, w->docs[i].r.len, 0, &r) !=
			    GOVREPORT_OK) {
				w->failed = 1;
				return NULL;
			}
			if (govreport_validate(r, 0) != GOVREPORT_OK ||
			    govreport_to_json(r, 0, &json, NULL) != GOVREPORT_OK)
				w->failed = 1;
			govreport_string_free(json);
			govreport_free(r);
		}
	}
	return NULL;
}

/* Wall time of `passes` passes over the documents, shared by n threads. */
static double
run_threads(const struct doc *docs, size_t ndocs, size_t passes, size_t n)
{
	pthread_t tid[8];
	struct worker w[8];
	double start = now_us();

	for (size_t t = 0; t < n; t++) {
		w[t] = (struct worker){ docs, ndocs, passes / n, 0 };
		if (pthread_create(&tid[t], NULL, work, &w[t]) != 0)
			die("pthread_create failed");
	}
	for (size_t t = 0; t < n; t++) {
		pthread_join(tid[t], NULL);
		if (w[t].failed)
			die("a thread failed");
	}
	return now_us() - start;
}

/* ---- the command-line tool's batch mode --------------------------------- */

/* CPU time a command took, µs. */
struct cpu_time {
	double user, sys;
};

/* Run argv with stdout to /dev/null; wall time in µs, or -1; the CPU
 * time it took in *cpu when not NULL. */
static double
run_command(char **argv, struct cpu_time *cpu)
{
	double start = now_us();
	struct rusage usage;
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd >= 0) {
			dup2(fd, 1);
			close(fd);
		}
		execv(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &usage) < 0)
		return -1;
	if (cpu) {
		cpu->user = (double)usage.ru_utime.tv_sec * 1e6 + (double)usage.ru_utime.tv_usec;
		cpu->sys = (double)usage.ru_stime.tv_sec * 1e6 + (double)usage.ru_stime.tv_usec;
	}
	/* parse exits 1 when a report has errors; ours have none. */
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	return now_us() - start;
}

static void
bench_cli(const struct settings *s, const struct doc *docs, size_t ndocs)
{
	char dir[] = "/tmp/govreport-bench-XXXXXX";
	size_t n = s->cli_reports, bytes = 0;
	char **argv = calloc(n + 8, sizeof(char *));
	static const char *const jobs[] = { "1", "2" };

	if (!argv || !mkdtemp(dir))
		die("cannot make a temporary directory");
	/* n files: the 8 KB simplified reports, each with its own figures. */
	for (size_t i = 0; i < n; i++) {
		struct doc d = docs[i % ndocs];
		char path[256];
		FILE *f;
		d.opt.seed = 1000 + i;
		if (gen_report(&d.opt, &d.r) < 0)
			die("cannot generate a report");
		snprintf(path, sizeof(path), "%s/%05zu.txt", dir, i);
		f = fopen(path, "wb");
		if (!f || fwrite(d.r.data, 1, d.r.len, f) != d.r.len || fclose(f) != 0)
			die("cannot write a report");
		bytes += d.r.len;
		gen_report_free(&d.r);
		argv[7 + i] = strdup(path);
		if (!argv[7 + i])
			die("out of memory");
	}
	printf("\n### Command line: `govreport parse --jsonl -j N -q` over %zu reports "
	       "(%.1f KB on average), process start included\n\n", n,
	       (double)bytes / (double)n / KB);
	printf("| -j | wall ms | µs/report | reports/s | MB/s |\n");
	printf("|---:|---:|---:|---:|---:|\n");
	for (size_t k = 0; k < 2; k++) {
		double times[5];
		size_t runs = s->quick ? 1 : 5;
		for (size_t r = 0; r < runs; r++) {
			argv[0] = (char *)s->cli;
			argv[1] = "parse";
			argv[2] = "--jsonl";
			argv[3] = "-j";
			argv[4] = (char *)jobs[k];
			argv[5] = "-q";
			argv[6] = "--";
			times[r] = run_command(argv, NULL);
			if (times[r] < 0)
				die("govreport parse --jsonl failed");
		}
		double t = median(times, runs);
		printf("| %s | %.1f | %.1f | %.0f | %.1f |\n", jobs[k], t / 1e3, t / (double)n,
		       (double)n / (t / 1e6), mb_per_s(bytes, t));
	}
	for (size_t i = 0; i < n; i++) {
		unlink(argv[7 + i]);
		free(argv[7 + i]);
	}
	rmdir(dir);
	free(argv);
}

/*
 * One `govreport parse FILE` per process, as a shell loop over files or a
 * program that runs the tool per upload calls it: process start, loading
 * the libraries and whatever the library does once per process included.
 * `govreport --version` is the floor: starting the program and loading
 * its libraries.
 */
static void
bench_once(const struct settings *s, const struct doc *simple, const struct doc *trad)
{
	char dir[] = "/tmp/govreport-bench-XXXXXX";
	const struct doc *docs[2] = { simple, trad };
	char paths[2][256];
	size_t runs = s->quick ? 3 : 51;

	if (!mkdtemp(dir))
		die("cannot make a temporary directory");
	for (size_t i = 0; i < 2; i++) {
		FILE *f;
		snprintf(paths[i], sizeof(paths[i]), "%s/%zu.txt", dir, i);
		f = fopen(paths[i], "wb");
		if (!f || fwrite(docs[i]->r.data, 1, docs[i]->r.len, f) != docs[i]->r.len ||
		    fclose(f) != 0)
			die("cannot write a report");
	}
	printf("\n### One call: `govreport parse FILE`, process start included "
	       "(medians of %zu runs)\n\n", runs);
	printf("| command | bytes | wall ms | CPU ms (user + system) |\n");
	printf("|---|---:|---:|---:|\n");
	for (size_t k = 0; k < 3; k++) {
		double wall[51], cpu[51];
		struct cpu_time used;
		char *argv[5] = { (char *)s->cli, "parse", "--", NULL, NULL };
		if (k == 2) {
			argv[1] = "--version";
			argv[2] = NULL;
		} else {
			argv[3] = paths[k];
		}
		for (size_t r = 0; r < runs; r++) {
			wall[r] = run_command(argv, &used);
			if (wall[r] < 0)
				die("govreport parse failed");
			cpu[r] = used.user + used.sys;
		}
		if (k == 2)
			printf("| `govreport --version` (the floor) | | ");
		else
			printf("| parse, %s | %zu | ", docs[k]->name, docs[k]->r.len);
		printf("%.2f | %.2f |\n", median(wall, runs) / 1e3, median(cpu, runs) / 1e3);
	}
	for (size_t i = 0; i < 2; i++)
		unlink(paths[i]);
	rmdir(dir);
}

/* What the figures were measured on: CPUs, their model, the ICU. */
static void
print_machine(void)
{
	char line[256], model[128] = "unknown CPU";
	FILE *f = fopen("/proc/cpuinfo", "r");
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	while (f && fgets(line, sizeof(line), f)) {
		char *colon = strchr(line, ':');
		if (strncmp(line, "model name", 10) == 0 && colon) {
			snprintf(model, sizeof(model), "%s", colon + 2);
			model[strcspn(model, "\n")] = '\0';
			break;
		}
	}
	if (f)
		fclose(f);
	printf("Machine: %ld CPUs online, `%s` (/proc/cpuinfo); libgovreport %s; "
	       "load average at start: ", cpus, model, govreport_version());
	f = fopen("/proc/loadavg", "r");
	if (f && fgets(line, sizeof(line), f))
		printf("%.14s\n\n", line);
	else
		printf("unknown\n\n");
	if (f)
		fclose(f);
}

/* ---- the tables ------------------------------------------------------------ */

static int
make_doc(struct doc *d, enum gen_shape shape, int tpl, int traditional, size_t target,
	 uint64_t seed)
{
	d->opt = (struct gen_options){ shape, tpl, traditional, target, seed };
	if (target >= MB)
		snprintf(d->name, sizeof(d->name), "%s %d %s %zu MB", gen_shape_name(shape),
			 tpl, traditional ? "traditional" : "simplified", target / MB);
	else
		snprintf(d->name, sizeof(d->name), "%s %d %s %zu KB", gen_shape_name(shape),
			 tpl, traditional ? "traditional" : "simplified", target / KB);
	return gen_report(&d->opt, &d->r);
}

/*
 * One 10 MB report against five 2 MB ones (--quick: 1 MB, five 200 KB),
 * each set in one `govreport parse --jsonl -j 1` (the tab-indented shape
 * of "By size"). User and system time apart: a process touches the memory
 * a large report needs for the first time, where the second of five files
 * reuses what the first freed.
 */
static void
bench_cli_large(const struct settings *s)
{
	enum { SMALL = 5 };
	char dir[] = "/tmp/govreport-bench-XXXXXX";
	char paths[1 + SMALL][256];
	size_t runs = s->quick ? 1 : 15, bytes[2] = { 0, 0 };
	size_t large = s->quick ? MB : 10 * MB;
	double user[2], sys[2], cpu[2];

	if (!mkdtemp(dir))
		die("cannot make a temporary directory");
	for (size_t i = 0; i < 1 + SMALL; i++) {
		struct doc d;
		FILE *f;
		if (make_doc(&d, GEN_TAB, 2021, 0, i == 0 ? large : large / SMALL, 4242 + i) < 0)
			die("cannot generate a report");
		snprintf(paths[i], sizeof(paths[i]), "%s/%zu.txt", dir, i);
		f = fopen(paths[i], "wb");
		if (!f || fwrite(d.r.data, 1, d.r.len, f) != d.r.len || fclose(f) != 0)
			die("cannot write a report");
		bytes[i != 0] += d.r.len;
		gen_report_free(&d.r);
	}
	printf("\n### A large report against smaller ones: `govreport parse --jsonl -j 1`, "
	       "process start included (medians of %zu runs)\n\n", runs);
	printf("| input | bytes | CPU ms | user ms | system ms |\n");
	printf("|---|---:|---:|---:|---:|\n");
	for (size_t k = 0; k < 2; k++) {
		double u[15], y[15], c[15];
		char *argv[6 + SMALL] = { (char *)s->cli, "parse", "--jsonl", "-j", "1", NULL };
		for (size_t i = 0; i < (k ? SMALL : 1); i++)
			argv[5 + i] = paths[k ? 1 + i : 0];
		for (size_t r = 0; r < runs; r++) {
			struct cpu_time used;
			if (run_command(argv, &used) < 0)
				die("govreport parse --jsonl failed");
			u[r] = used.user;
			y[r] = used.sys;
			c[r] = used.user + used.sys;
		}
		user[k] = median(u, runs);
		sys[k] = median(y, runs);
		cpu[k] = median(c, runs);
		printf("| %s tab 2021 simplified %.1f MB | %zu | %.1f | %.1f | %.1f |\n",
		       k ? "five" : "one", (double)(k ? large / SMALL : large) / MB, bytes[k],
		       cpu[k] / 1e3, user[k] / 1e3, sys[k] / 1e3);
	}
	printf("\nOne %.1f MB against five %.1f MB: %.2f × CPU (user %.2f ×, system %.2f ×).\n",
	       (double)large / MB, (double)large / SMALL / MB,
	       cpu[0] / cpu[1], user[0] / user[1],
	       sys[1] > 0 ? sys[0] / sys[1] : 0.0);
	for (size_t i = 0; i < 1 + SMALL; i++)
		unlink(paths[i]);
	rmdir(dir);
}

/* The 8 KB reports: each step's median, end to end, and the medians of
 * the simplified and the traditional ones. */
static void
per_report(const struct settings *s, const struct doc *docs, size_t ndocs)
{
	double simple_total[16], simple_pv[16], trad_pv[16], bytes = 0;
	size_t nsimple = 0, ntrad = 0;

	printf("### Per report (~8 KB), median µs\n\n");
	printf("| report | bytes | parse | validate | to_json | parse+validate | end to end | MB/s | reports/s |\n");
	printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
	for (size_t i = 0; i < ndocs; i++) {
		struct timing t;
		time_doc(s, &docs[i], &t);
		printf("| %s | %zu | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f |\n",
		       docs[i].name, docs[i].r.len, t.parse, t.validate, t.json,
		       t.parse + t.validate, t.total, mb_per_s(docs[i].r.len, t.total),
		       1e6 / t.total);
		if (docs[i].opt.traditional) {
			trad_pv[ntrad++] = t.parse + t.validate;
		} else {
			bytes += (double)docs[i].r.len;
			simple_pv[nsimple] = t.parse + t.validate;
			simple_total[nsimple++] = t.total;
		}
	}
	if (nsimple && ntrad) {
		double pv = median(simple_pv, nsimple), total = median(simple_total, nsimple);
		printf("\nMedians: simplified parse+validate %.1f µs, end to end %.1f µs "
		       "(%.1f MB/s); traditional parse+validate %.1f µs.\n", pv, total,
		       bytes / (double)nsimple / total, median(trad_pv, ntrad));
	}
}

/* Cost by size, with peak memory: linear means MB/s stays flat. */
static int
by_size(const struct settings *s, const struct doc *warm)
{
	static const size_t sizes_full[] = { 2 * KB, 8 * KB, 32 * KB, 128 * KB, 512 * KB,
					     2 * MB, 10 * MB };
	static const size_t sizes_quick[] = { 2 * KB, 8 * KB, 32 * KB };
	static const size_t trad_sizes[] = { 8 * KB, 64 * KB, 512 * KB };
	size_t nsizes = s->quick ? 3 : sizeof(sizes_full) / sizeof(sizes_full[0]);
	size_t ntrad = s->quick ? 1 : sizeof(trad_sizes) / sizeof(trad_sizes[0]);
	int failures = 0;

	printf("\n### By size (end to end: parse + validate + to_json)\n\n");
	printf("| report | bytes | µs | µs/KB | MB/s | memory over the input | peak / input |\n");
	printf("|---|---:|---:|---:|---:|---:|---:|\n");
	for (int trad = 0; trad < 2; trad++) {
		size_t n = trad ? ntrad : nsizes;
		for (size_t k = 0; k < n; k++) {
			struct doc d;
			struct timing t;
			long extra;
			if (make_doc(&d, trad ? GEN_PIPE : GEN_TAB, 2021, trad,
				     trad ? trad_sizes[k] : (s->quick ? sizes_quick : sizes_full)[k],
				     42 + k) < 0)
				die("cannot generate a report");
			failures += check_doc(&d);
			time_doc(s, &d, &t);
			extra = peak_extra(warm, &d);
			/* Peak: the input plus what the library added. */
			printf("| %s | %zu | %.1f | %.3f | %.1f | %.2f MB | %.2f |\n", d.name,
			       d.r.len, t.total, t.total / ((double)d.r.len / KB),
			       mb_per_s(d.r.len, t.total), (double)extra / MB,
			       extra < 0 ? -1.0 : (double)(extra + (long)d.r.len) / (double)d.r.len);
			gen_report_free(&d.r);
		}
	}
	return failures;
}

/*
 * The input shapes that cost most memory per byte (issue 15 item 7):
 * cell-dense pipe text (`0 |` lines), one line of cells, an HTML table
 * of `<td>0</td>`, and HTML prose; up to just under the limits on lines,
 * items and HTML start tags, and the hostile sizes past them (refused as
 * too large). The bound the README states: peak ≤ 4 × input + constant.
 */
static void
dense_doc(struct doc *d, const char *name, const char *head, const char *unit, size_t n,
	  const char *tail)
{
	size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail), at = hl;

	memset(d, 0, sizeof(*d));
	snprintf(d->name, sizeof(d->name), "%s", name);
	d->r.len = hl + ul * n + tl;
	d->r.data = malloc(d->r.len + 1);
	if (!d->r.data)
		die("out of memory");
	memcpy(d->r.data, head, hl);
	for (size_t i = 0; i < n; i++, at += ul)
		memcpy(d->r.data + at, unit, ul);
	memcpy(d->r.data + at, tail, tl + 1);
}

static void
dense_shapes(const struct settings *s, const struct doc *warm)
{
	static const char title[] = "某县2023年政府信息公开工作年度报告\n一、总体情况\n";
	static const char row[] = "<tr><td>0</td><td>0</td><td>0</td><td>0</td>"
				  "<td>0</td><td>0</td><td>0</td><td>0</td></tr>\n";
	static const char para[] = "<p>本机关认真贯彻落实《中华人民共和国政府信息公开条例》，"
				   "依法依规做好政府信息公开工作，主动公开政府信息。</p>\n";
	const struct {
		const char *name, *head, *unit;
		size_t full, quick;
		const char *tail;
	} shapes[] = {
		{ "pipe text, `0 \\|` lines", title, "0 |\n", 499990, 20000, "" },
		{ "pipe text `0 \\|`, 55 MB (refused)", title, "0 |\n", 55000000 / 4, 0, "" },
		{ "one line of cells", "某县2023年政府信息公开工作年度报告 ", "0 | ", 520000, 20000, "\n" },
		{ "HTML table", "<p>某县2023年政府信息公开工作年度报告</p><table>", row, 58000, 2000,
		  "</table>" },
		{ "HTML table, 63 MB (refused)", "<table>", row, 63000000 / (sizeof(row) - 1), 0,
		  "</table>" },
		{ "HTML prose, 60 MB", "<p>某县2023年政府信息公开工作年度报告</p>", para,
		  60000000 / (sizeof(para) - 1), 2000, "" },
		/* The same prose as part 一's: read into the report and its JSON. */
		{ "HTML prose under heading 一, 60 MB",
		  "<h1>某县2023年政府信息公开工作年度报告</h1><h2>一、总体情况</h2>", para,
		  60000000 / (sizeof(para) - 1), 0, "" },
		/* A table is built whole before it is read (its layout needs all
		 * its rows): prose in a layout table costs what a table does. */
		{ "HTML prose in a layout table, 60 MB",
		  "<table><tr><td><p>某县2023年政府信息公开工作年度报告</p>", para,
		  60000000 / (sizeof(para) - 1), 0, "</td></tr></table>" },
	};

	printf("\n### Peak memory of dense shapes (parse + validate + to_json)\n\n");
	printf("| shape | bytes | memory over the input | peak / input |\n");
	printf("|---|---:|---:|---:|\n");
	for (size_t i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
		struct doc d;
		long extra;
		size_t n = s->quick ? shapes[i].quick : shapes[i].full;
		if (n == 0)
			continue;
		dense_doc(&d, shapes[i].name, shapes[i].head, shapes[i].unit, n, shapes[i].tail);
		extra = peak_extra(warm, &d);
		printf("| %s | %zu | %.2f MB | %.2f |\n", d.name, d.r.len, (double)extra / MB,
		       extra < 0 ? -1.0 : (double)(extra + (long)d.r.len) / (double)d.r.len);
		free(d.r.data);
	}
}

/* Threads over independent reports: one thread, then two, the same work. */
static void
threads(const struct settings *s, const struct doc *docs, size_t ndocs)
{
	size_t passes = s->quick ? 2 : 200;
	double t1 = 0, t2 = 0, bytes = 0;

	for (size_t i = 0; i < ndocs; i++)
		bytes += (double)docs[i].r.len;
	bytes *= (double)passes;
	/* Best of three: other programs on the machine only slow a run. */
	for (int run = 0; run < (s->quick ? 1 : 3); run++) {
		double a = run_threads(docs, ndocs, passes, 1);
		double b = run_threads(docs, ndocs, passes, 2);
		if (!t1 || a < t1)
			t1 = a;
		if (!t2 || b < t2)
			t2 = b;
	}
	printf("\n### Threads (the %zu simplified 8 KB reports, %zu passes, end to end)\n\n",
	       ndocs, passes);
	printf("| threads | wall ms | MB/s | reports/s | speed-up |\n");
	printf("|---:|---:|---:|---:|---:|\n");
	printf("| 1 | %.1f | %.1f | %.0f | 1.00 |\n", t1 / 1e3, bytes / t1,
	       (double)(ndocs * passes) / (t1 / 1e6));
	printf("| 2 | %.1f | %.1f | %.0f | %.2f |\n", t2 / 1e3, bytes / t2,
	       (double)(ndocs * passes) / (t2 / 1e6), t1 / t2);
}

/* ---- main --------------------------------------------------------------- */

static void
usage(void)
{
	fputs("usage: govreport-bench [--quick] [--cli PATH] [--reports N] [--seconds S]\n"
	      "                       [--only per|sizes|threads|html|cli|large|once]\n", stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	struct settings s = { 0, NULL, 2000, 0.4, NULL };
	struct doc docs[16], simplified[8];
	size_t ndocs = 0, nsimplified = 0;
	int failures = 0;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--quick") == 0)
			s.quick = 1;
		else if (strcmp(argv[i], "--cli") == 0 && i + 1 < argc)
			s.cli = argv[++i];
		else if (strcmp(argv[i], "--reports") == 0 && i + 1 < argc)
			s.cli_reports = (size_t)strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc)
			s.seconds = strtod(argv[++i], NULL);
		else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
			s.only = argv[++i];
		else
			usage();
	}
	if (s.quick) {
		s.seconds = 0;
		if (s.cli_reports > 20)
			s.cli_reports = 20;
	}

	/* The 8 KB reports: every shape, both templates, both scripts. */
	for (int trad = 0; trad < 2; trad++)
		for (int shape = 0; shape < GEN_SHAPE_COUNT; shape++)
			for (int t = 0; t < 2; t++) {
				struct doc *d = &docs[ndocs++];
				if (make_doc(d, (enum gen_shape)shape, t ? 2019 : 2021, trad,
					     8 * KB, (uint64_t)(ndocs * 7919)) < 0)
					die("cannot generate a report (ICU?)");
				if (!trad)
					simplified[nsimplified++] = *d;
			}
	for (size_t i = 0; i < ndocs; i++)
		failures += check_doc(&docs[i]);
	print_machine();
	if (wanted(&s, "per"))
		per_report(&s, docs, ndocs);
	if (wanted(&s, "sizes")) {
		failures += by_size(&s, &docs[0]);
		dense_shapes(&s, &docs[0]);
	}
	if (wanted(&s, "threads"))
		threads(&s, simplified, nsimplified);
	if (wanted(&s, "html"))
		failures += html_against_text(&s, simplified, nsimplified);
	if (s.cli && wanted(&s, "cli"))
		bench_cli(&s, simplified, nsimplified);
	if (s.cli && wanted(&s, "large"))
		bench_cli_large(&s);
	if (s.cli && wanted(&s, "once"))
		bench_once(&s, &docs[0], &docs[ndocs / 2]);

	for (size_t i = 0; i < ndocs; i++)
		gen_report_free(&docs[i].r);
	gen_cleanup();
	if (failures)
		fprintf(stderr, "govreport-bench: %d report(s) did not parse as generated\n",
			failures);
	return failures ? 1 : 0;
}
