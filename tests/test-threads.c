/*
 * The library is reentrant (SPEC §6: no global mutable state): several
 * threads parse, validate, total and compare the seed reports at once,
 * each with its own handles, and every result must be byte for byte what a
 * single-threaded run gives. Build with -Db_sanitize=thread to run it
 * under ThreadSanitizer (suite 'threads'; .ci/run does).
 *
 * Not a Check program: Check's fork-per-test would hide nothing here, and
 * the threads are the point. Exit 0 when every result matches, 1 when one
 * does not (each mismatch is printed), 2 when the test cannot run.
 *
 * Environment: GOVREPORT_TEST_DATA (tests/data), and optionally
 * GOVREPORT_TEST_THREADS and GOVREPORT_TEST_ROUNDS.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <govreport.h>

#include "cases.h"

#define MAX_SEEDS 64
#define DEFAULT_THREADS 8
#define DEFAULT_ROUNDS 3

struct seed {
	char *name;
	char *text;
	size_t len;
};

/* What one run makes of one seed: each a string, compared whole. */
struct result {
	char *json;        /* parse, then to_json(DETAIL) */
	char *diagnostics; /* validate, then diagnostics_json(LANG_EN) */
	char *validated;   /* to_json after validate (cells it inferred) */
	char *sum;         /* the seed totalled with itself, as JSON */
	char *diff;        /* diff against the next seed, as JSON */
};

static struct seed seeds[MAX_SEEDS];
static size_t nseeds;
static struct result reference[MAX_SEEDS];

static char *
read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	long size;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0) {
		rewind(f);
		data = malloc((size_t)size + 1);
		if (data && fread(data, 1, (size_t)size, f) != (size_t)size) {
			free(data);
			data = NULL;
		} else if (data) {
			data[size] = '\0';
			*len = (size_t)size;
		}
	}
	fclose(f);
	return data;
}

static int
load_seeds(void)
{
	const char *root = getenv("GOVREPORT_TEST_DATA");
	struct test_cases cases = { 0 };

	if (!root) {
		fprintf(stderr, "GOVREPORT_TEST_DATA is not set\n");
		return -1;
	}
	if (test_cases_add(&cases, root, "seeds") < 0) {
		perror("seeds");
		return -1;
	}
	for (size_t i = 0; i < cases.count && nseeds < MAX_SEEDS; i++) {
		const struct test_case *c = &cases.items[i];
		struct seed *s = &seeds[nseeds];
		s->text = c->input ? read_all(c->input, &s->len) : NULL;
		s->name = strdup(c->name);
		if (!s->text || !s->name) {
			fprintf(stderr, "%s: cannot read\n", c->name);
			free(s->text);
			free(s->name);
			test_cases_free(&cases);
			return -1;
		}
		nseeds++;
	}
	test_cases_free(&cases);
	return nseeds >= 2 ? 0 : -1;
}

static void
result_free(struct result *r)
{
	govreport_string_free(r->json);
	govreport_string_free(r->diagnostics);
	govreport_string_free(r->validated);
	govreport_string_free(r->sum);
	govreport_string_free(r->diff);
	memset(r, 0, sizeof(*r));
}

static struct govreport *
parse(size_t i)
{
	struct govreport *r = NULL;

	if (govreport_parse(seeds[i].text, seeds[i].len, 0, &r) != GOVREPORT_OK)
		return NULL;
	return r;
}

/* Everything done with seed i; 0, or -1 when a call failed. */
static int
run_seed(size_t i, struct result *out)
{
	struct govreport *r = parse(i), *next = NULL, *total = NULL;
	const struct govreport *pair[2];
	struct govreport_diff *diff = NULL;
	int ok;

	ok = r && govreport_to_json(r, GOVREPORT_JSON_DETAIL, &out->json, NULL) == GOVREPORT_OK;
	ok = ok && govreport_validate(r, GOVREPORT_INFER | GOVREPORT_VALIDATE_DETAIL) == GOVREPORT_OK;
	ok = ok && govreport_diagnostics_json(r, GOVREPORT_LANG_EN, &out->diagnostics,
					      NULL) == GOVREPORT_OK;
	ok = ok && govreport_to_json(r, GOVREPORT_JSON_DETAIL, &out->validated, NULL) == GOVREPORT_OK;
	if (ok) {
		pair[0] = pair[1] = r;
		ok = govreport_sum(pair, 2, &total) == GOVREPORT_OK &&
		     govreport_to_json(total, 0, &out->sum, NULL) == GOVREPORT_OK;
	}
	if (ok) {
		next = parse((i + 1) % nseeds);
		ok = next && govreport_diff(r, next, &diff) == GOVREPORT_OK &&
		     govreport_diff_json(diff, 0, &out->diff, NULL) == GOVREPORT_OK;
	}
	govreport_diff_free(diff);
	govreport_free(total);
	govreport_free(next);
	govreport_free(r);
	return ok ? 0 : -1;
}

static int
same(const char *what, size_t i, const char *want, const char *got)
{
	if (want && got && strcmp(want, got) == 0)
		return 1;
	fprintf(stderr, "%s: %s differs from the single-threaded run\n",
		seeds[i].name, what);
	return 0;
}

struct worker {
	pthread_t thread;
	unsigned id;
	unsigned rounds;
	size_t runs, mismatches;
};

static void *
work(void *arg)
{
	struct worker *w = arg;

	for (unsigned round = 0; round < w->rounds; round++) {
		for (size_t k = 0; k < nseeds; k++) {
			/* Each thread starts at another seed: different
			 * documents are parsed at the same moment. */
			size_t i = (k + w->id + round) % nseeds;
			struct result got = { 0 };
			int ok = run_seed(i, &got) == 0;

			ok = ok && same("JSON", i, reference[i].json, got.json);
			ok = ok && same("diagnostics", i, reference[i].diagnostics,
					got.diagnostics);
			ok = ok && same("validated JSON", i, reference[i].validated,
					got.validated);
			ok = ok && same("sum", i, reference[i].sum, got.sum);
			ok = ok && same("diff", i, reference[i].diff, got.diff);
			w->runs++;
			w->mismatches += !ok;
			result_free(&got);
		}
	}
	return NULL;
}

static unsigned
env_number(const char *name, unsigned fallback)
{
	const char *s = getenv(name);
	long n = s ? strtol(s, NULL, 10) : 0;

	return n > 0 && n <= 256 ? (unsigned)n : fallback;
}

int
main(void)
{
	unsigned nthreads = env_number("GOVREPORT_TEST_THREADS", DEFAULT_THREADS);
	unsigned rounds = env_number("GOVREPORT_TEST_ROUNDS", DEFAULT_ROUNDS);
	struct worker *workers;
	size_t runs = 0, mismatches = 0;
	unsigned started = 0;

	if (load_seeds() < 0)
		return 2;
	/* The reference: one thread, one seed after the other. */
	for (size_t i = 0; i < nseeds; i++) {
		if (run_seed(i, &reference[i]) < 0) {
			fprintf(stderr, "%s: a call failed\n", seeds[i].name);
			return 2;
		}
	}

	workers = calloc(nthreads, sizeof(*workers));
	if (!workers)
		return 2;
	for (; started < nthreads; started++) {
		workers[started].id = started;
		workers[started].rounds = rounds;
		if (pthread_create(&workers[started].thread, NULL, work,
				   &workers[started]) != 0) {
			fprintf(stderr, "cannot start thread %u\n", started);
			break;
		}
	}
	for (unsigned t = 0; t < started; t++) {
		pthread_join(workers[t].thread, NULL);
		runs += workers[t].runs;
		mismatches += workers[t].mismatches;
	}
	free(workers);
	for (size_t i = 0; i < nseeds; i++) {
		result_free(&reference[i]);
		free(seeds[i].text);
		free(seeds[i].name);
	}
	printf("%u threads, %zu seeds, %zu runs, %zu mismatches\n", started,
	       nseeds, runs, mismatches);
	if (started < 2)
		return 2;
	return mismatches ? 1 : 0;
}
