/*
 * govreport-loop: parse, validate and write the JSON of one file N times,
 * for counting what one report costs in instructions (README.md,
 * "Performance"):
 *
 *   valgrind --tool=callgrind govreport-loop FILE 1
 *   valgrind --tool=callgrind govreport-loop FILE 11
 *
 * The second count minus the first, divided by 10, is one report's steady
 * cost, without process start and the first call's one-time set-up.
 * Exits 1 when a step fails, so a count is never that of a failed parse.
 */
#include <stdio.h>
#include <stdlib.h>

#include <govreport.h>

/* Larger than any report the comparison uses. */
#define LOOP_MAX_INPUT (4u << 20)

static int
run_once(const char *data, size_t len)
{
	struct govreport *report = NULL;
	char *json = NULL;
	int ok;

	ok = govreport_parse(data, len, 0, &report) == GOVREPORT_OK &&
	     govreport_validate(report, 0) == GOVREPORT_OK &&
	     govreport_to_json(report, 0, &json, NULL) == GOVREPORT_OK;
	govreport_string_free(json);
	govreport_free(report);
	return ok;
}

int
main(int argc, char **argv)
{
	static char data[LOOP_MAX_INPUT];
	FILE *f;
	size_t len;
	long times;

	if (argc != 3 || (times = strtol(argv[2], NULL, 10)) < 1) {
		fprintf(stderr, "usage: govreport-loop FILE N\n");
		return 2;
	}
	f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	len = fread(data, 1, sizeof(data), f);
	if (ferror(f) || !feof(f)) {
		fprintf(stderr, "%s: unreadable, or larger than %u bytes\n", argv[1],
			LOOP_MAX_INPUT);
		fclose(f);
		return 1;
	}
	fclose(f);
	for (long i = 0; i < times; i++) {
		if (!run_once(data, len)) {
			fprintf(stderr, "%s: parse, validate or to_json failed\n", argv[1]);
			return 1;
		}
	}
	return 0;
}
