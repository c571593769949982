/*
 * Write govreport_to_json() outputs into a folder, for check-schema.py to
 * validate against lib/govreport.schema.json: both templates filled in
 * (every cell state, negative counts, money with 0–5 places), blank
 * forms, and reports with absent tables or no template; each canonical
 * and detailed, compact and pretty.
 *
 * Usage: json-samples DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "govreport.h"
#include "model/report.h"
#include "model/template.h"

static const struct {
	unsigned flags;
	const char *name;
} variants[] = {
	{ 0, "canonical" },
	{ GOVREPORT_JSON_PRETTY, "canonical-pretty" },
	{ GOVREPORT_JSON_DETAIL, "detail" },
	{ GOVREPORT_JSON_DETAIL | GOVREPORT_JSON_PRETTY, "detail-pretty" },
};

static void
die(const char *what)
{
	fprintf(stderr, "json-samples: %s\n", what);
	exit(EXIT_FAILURE);
}

/* Give cell n of the report a value or a null state, a line and a raw text. */
static void
fill_cell(struct gr_cell *cell, const struct gr_column *column, long n)
{
	static const enum govreport_cell_state states[] = {
		GOVREPORT_CELL_PRESENT, GOVREPORT_CELL_MISSING, GOVREPORT_CELL_BLANK,
		GOVREPORT_CELL_DASH,    GOVREPORT_CELL_INVALID, GOVREPORT_CELL_INFERRED,
	};
	enum govreport_cell_state state = states[n % 6];
	char raw[32];

	if (state == GOVREPORT_CELL_PRESENT || state == GOVREPORT_CELL_INFERRED) {
		if (column->flags & GR_COL_MONEY)
			gr_cell_set_value(cell, n * 1001, (unsigned)(n % 6), state);
		else
			gr_cell_set_value(cell, n % 4 == 3 ? -n : n * 13, 0, state);
	} else {
		gr_cell_set_null(cell, state);
	}
	if (state == GOVREPORT_CELL_MISSING || state == GOVREPORT_CELL_INFERRED)
		return;
	cell->line = (uint32_t)(40 + n);
	snprintf(raw, sizeof(raw), state == GOVREPORT_CELL_DASH ? "—" : "%ld", n);
	if (gr_cell_set_raw(cell, raw, strlen(raw)) < 0)
		die("out of memory");
}

static struct govreport *
filled_report(enum govreport_template id)
{
	struct govreport *r;
	long n = 0;

	if (govreport_new(id, 2022, &r) != GOVREPORT_OK ||
	    govreport_set_field(r, GOVREPORT_FIELD_ORGAN, "锦屏县大同乡人民政府") ||
	    govreport_set_field(r, GOVREPORT_FIELD_PUBLISHED, "2023-01-16") ||
	    govreport_set_field(r, GOVREPORT_FIELD_OVERVIEW, "第一段。\n\"第二段\"。"))
		die("cannot make a report");
	for (int s = 0; s < GR_SECTION_COUNT; s++) {
		const struct gr_table *table = gr_table_get(r->tpl, (enum govreport_section)s);
		for (size_t i = 0; i < table->ncells; i++, n++) {
			struct gr_cell_ref ref;
			if (gr_cell_at(table, i, &ref) < 0)
				die("bad template");
			fill_cell(&r->cells[s][i], ref.column, n);
		}
	}
	return r;
}

static void
write_samples(const char *dir, const char *name, const struct govreport *r)
{
	for (size_t v = 0; v < sizeof(variants) / sizeof(variants[0]); v++) {
		char path[4096], *json;
		size_t len;
		FILE *f;

		if (govreport_to_json(r, variants[v].flags, &json, &len) != GOVREPORT_OK)
			die("govreport_to_json failed");
		snprintf(path, sizeof(path), "%s/%s-%s.json", dir, name, variants[v].name);
		f = fopen(path, "wb");
		if (!f || fwrite(json, 1, len, f) != len || fclose(f) != 0)
			die(path);
		govreport_string_free(json);
	}
}

int
main(int argc, char **argv)
{
	struct govreport *r;

	if (argc != 2)
		die("usage: json-samples DIR");

	r = filled_report(GOVREPORT_TEMPLATE_2019);
	write_samples(argv[1], "filled-2019", r);
	govreport_free(r);
	r = filled_report(GOVREPORT_TEMPLATE_2021);
	write_samples(argv[1], "filled-2021", r);
	govreport_free(r);

	if (govreport_new(GOVREPORT_TEMPLATE_2019, 0, &r) != GOVREPORT_OK)
		die("govreport_new failed");
	write_samples(argv[1], "blank-2019", r);
	govreport_free(r);

	/* One table only: the others are absent (null). */
	r = gr_report_new(gr_template_get(GOVREPORT_TEMPLATE_2021), 2021);
	if (!r || govreport_set(r, "applications.new_received.total", 1) != GOVREPORT_OK)
		die("cannot make a report");
	write_samples(argv[1], "one-table-2021", r);
	govreport_free(r);

	/* No template: every table null. */
	r = gr_report_new(NULL, 2023);
	if (!r)
		die("out of memory");
	write_samples(argv[1], "no-template", r);
	govreport_free(r);
	return EXIT_SUCCESS;
}
