/* summary FILE: the main facts of an annual report, through the public API. */
#include <govreport.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char **argv)
{
	FILE *f = argc == 2 ? fopen(argv[1], "rb") : NULL;
	long size = f && fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
	char *data = size >= 0 ? malloc((size_t)size + 1) : NULL;

	if (!data || fseek(f, 0, SEEK_SET) != 0 ||
	    fread(data, 1, (size_t)size, f) != (size_t)size) {
		fprintf(stderr, "usage: summary FILE (a readable file)\n");
		return 2;
	}
	fclose(f);

	struct govreport *report;
	enum govreport_status status = govreport_parse(data, (size_t)size, 0, &report);
	free(data); /* the report keeps what it needs */
	if (status != GOVREPORT_OK) { /* unusable input: empty, binary, too large */
		fprintf(stderr, "%s: %s\n", argv[1], govreport_status_str(status));
		return 2;
	}

	const char *organ = govreport_organ(report); /* owned by the report */
	int64_t received;
	enum govreport_cell_state state;

	printf("organ: %s\n", organ ? organ : "null");
	printf("year: %d\n", govreport_year(report)); /* 0: unknown */
	printf("template: %d\n", (int)govreport_template(report)); /* 2019, 2021, 0 */
	if (govreport_get(report, "applications.new_received.total", &received,
			  &state) == GOVREPORT_OK &&
	    (state == GOVREPORT_CELL_PRESENT || state == GOVREPORT_CELL_INFERRED))
		printf("applications.new_received.total: %" PRId64 "\n", received);
	else /* no table 三, or the cell is blank, a dash, … */
		printf("applications.new_received.total: null\n");
	printf("diagnostics: %zu\n", govreport_diag_count(report));
	govreport_free(report);
	return 0;
}
