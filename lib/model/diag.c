/* Diagnostic storage and the table of codes; see diag.h. */
#include <stdarg.h>
#include <string.h>

#include "util/alloc.h"
#include "model/diag.h"
#include "util/strbuf.h"

static const struct {
	const char *name;
	enum govreport_severity severity;
} codes[GR_CODE_COUNT] = {
	[GR_INPUT_EMPTY] = { "INPUT_EMPTY", GOVREPORT_SEVERITY_ERROR },
	[GR_INPUT_TOO_LARGE] = { "INPUT_TOO_LARGE", GOVREPORT_SEVERITY_ERROR },
	[GR_INPUT_NOT_TEXT] = { "INPUT_NOT_TEXT", GOVREPORT_SEVERITY_ERROR },
	[GR_ENCODING_GB18030] = { "ENCODING_GB18030", GOVREPORT_SEVERITY_INFO },
	[GR_ENCODING_INVALID] = { "ENCODING_INVALID", GOVREPORT_SEVERITY_WARNING },
	[GR_SECTION_MISSING] = { "SECTION_MISSING", GOVREPORT_SEVERITY_ERROR },
	[GR_HEADING_MISSING] = { "HEADING_MISSING", GOVREPORT_SEVERITY_INFO },
	[GR_TABLE_UNREADABLE] = { "TABLE_UNREADABLE", GOVREPORT_SEVERITY_ERROR },
	[GR_TEMPLATE_UNKNOWN] = { "TEMPLATE_UNKNOWN", GOVREPORT_SEVERITY_ERROR },
	[GR_CELL_BLANK] = { "CELL_BLANK", GOVREPORT_SEVERITY_WARNING },
	[GR_CELL_DASH] = { "CELL_DASH", GOVREPORT_SEVERITY_INFO },
	[GR_CELL_INVALID] = { "CELL_INVALID", GOVREPORT_SEVERITY_ERROR },
	[GR_CELL_EXTRA] = { "CELL_EXTRA", GOVREPORT_SEVERITY_WARNING },
	[GR_CELL_UNIT] = { "CELL_UNIT", GOVREPORT_SEVERITY_INFO },
	[GR_CELL_OVERFLOW] = { "CELL_OVERFLOW", GOVREPORT_SEVERITY_ERROR },
	[GR_LABEL_FUZZY] = { "LABEL_FUZZY", GOVREPORT_SEVERITY_INFO },
	[GR_YEAR_UNKNOWN] = { "YEAR_UNKNOWN", GOVREPORT_SEVERITY_WARNING },
	[GR_ROW_MISSING] = { "ROW_MISSING", GOVREPORT_SEVERITY_WARNING },
	[GR_TEMPLATE_GUESSED] = { "TEMPLATE_GUESSED", GOVREPORT_SEVERITY_WARNING },
	[GR_T3_BALANCE] = { "T3_BALANCE", GOVREPORT_SEVERITY_ERROR },
	[GR_T3_TOTAL_PROCESSED] = { "T3_TOTAL_PROCESSED", GOVREPORT_SEVERITY_ERROR },
	[GR_T3_ROW_TOTAL] = { "T3_ROW_TOTAL", GOVREPORT_SEVERITY_ERROR },
	[GR_T4_TOTAL] = { "T4_TOTAL", GOVREPORT_SEVERITY_ERROR },
	[GR_VALUE_NEGATIVE] = { "VALUE_NEGATIVE", GOVREPORT_SEVERITY_ERROR },
	[GR_FEE_PRECISION] = { "FEE_PRECISION", GOVREPORT_SEVERITY_WARNING },
	[GR_TEMPLATE_YEAR] = { "TEMPLATE_YEAR", GOVREPORT_SEVERITY_WARNING },
	[GR_PUBLISHED_LATE] = { "PUBLISHED_LATE", GOVREPORT_SEVERITY_WARNING },
	[GR_PUBLISHED_EARLY] = { "PUBLISHED_EARLY", GOVREPORT_SEVERITY_ERROR },
	[GR_NARRATIVE_APPLICATIONS] = { "NARRATIVE_APPLICATIONS", GOVREPORT_SEVERITY_WARNING },
	[GR_NARRATIVE_FIGURE] = { "NARRATIVE_FIGURE", GOVREPORT_SEVERITY_WARNING },
	[GR_SUGGESTED_FIX] = { "SUGGESTED_FIX", GOVREPORT_SEVERITY_INFO },
	[GR_CELL_INFERRED] = { "CELL_INFERRED", GOVREPORT_SEVERITY_INFO },
	[GR_CHECK_SKIPPED] = { "CHECK_SKIPPED", GOVREPORT_SEVERITY_INFO },
	[GR_XY_CARRYOVER] = { "XY_CARRYOVER", GOVREPORT_SEVERITY_ERROR },
	[GR_XY_IN_FORCE] = { "XY_IN_FORCE", GOVREPORT_SEVERITY_WARNING },
	[GR_SUM_INCOMPLETE] = { "SUM_INCOMPLETE", GOVREPORT_SEVERITY_WARNING },
	[GR_TABLE_IN_ORDER] = { "TABLE_IN_ORDER", GOVREPORT_SEVERITY_INFO },
	[GR_CELL_SPLIT] = { "CELL_SPLIT", GOVREPORT_SEVERITY_INFO },
	[GR_CELL_AMBIGUOUS] = { "CELL_AMBIGUOUS", GOVREPORT_SEVERITY_WARNING },
	[GR_XY_ORGAN] = { "XY_ORGAN", GOVREPORT_SEVERITY_WARNING },
};

const char *
gr_code_name(enum gr_code code)
{
	return (unsigned)code < GR_CODE_COUNT ? codes[code].name : NULL;
}

enum gr_code
gr_code_by_name(const char *name)
{
	for (int c = 0; c < GR_CODE_COUNT; c++)
		if (codes[c].name && strcmp(codes[c].name, name) == 0)
			return (enum gr_code)c;
	return GR_CODE_COUNT;
}

enum govreport_severity
gr_code_severity(enum gr_code code)
{
	return (unsigned)code < GR_CODE_COUNT ? codes[code].severity
					      : GOVREPORT_SEVERITY_ERROR;
}

char *
gr_printf(const char *fmt, ...)
{
	struct gr_strbuf buf;
	va_list ap;

	gr_strbuf_init(&buf);
	va_start(ap, fmt);
	gr_strbuf_vprintf(&buf, fmt, ap);
	va_end(ap);
	return gr_strbuf_steal(&buf, NULL);
}

int
gr_diag_add(struct gr_diags *diags, enum gr_code code,
	    const struct gr_table *table, const struct gr_cell_ref *cell,
	    size_t line, char *zh, char *en)
{
	struct gr_diag d = { 0 };

	if (!zh || !en)
		goto fail;
	if (diags->count == diags->cap) {
		size_t cap = diags->cap ? diags->cap * 2 : 16;
		struct gr_diag *items =
			gr_realloc(diags->items, cap * sizeof(*items));
		if (!items)
			goto fail;
		diags->items = items;
		diags->cap = cap;
	}
	d.code = code;
	d.origin = diags->origin;
	d.severity = gr_code_severity(code);
	d.line = line;
	if (cell) {
		table = cell->table;
		d.row = cell->row ? cell->row->id : NULL;
		d.column = cell->column ? cell->column->id : NULL;
	}
	d.section = table ? table->id : NULL;
	d.message_zh = zh;
	d.message_en = en;
	diags->items[diags->count++] = d;
	return 0;
fail:
	gr_free(zh);
	gr_free(en);
	return -1;
}

struct gr_diag *
gr_diag_last(struct gr_diags *diags)
{
	return diags->count ? &diags->items[diags->count - 1] : NULL;
}

void
gr_diag_set_expected(struct gr_diags *diags, int64_t expected)
{
	struct gr_diag *d = gr_diag_last(diags);

	d->has_expected = 1;
	d->expected = expected;
}

void
gr_diag_set_numbers(struct gr_diags *diags, int64_t expected, int64_t actual)
{
	struct gr_diag *d = gr_diag_last(diags);

	gr_diag_set_expected(diags, expected);
	d->has_actual = 1;
	d->actual = actual;
}

void
gr_diags_filter(struct gr_diags *diags,
		int (*drop)(const struct gr_diag *d, const void *data),
		const void *data)
{
	size_t kept = 0;

	for (size_t i = 0; i < diags->count; i++) {
		struct gr_diag *d = &diags->items[i];
		if (drop(d, data)) {
			gr_free(d->message_zh);
			gr_free(d->message_en);
			continue;
		}
		diags->items[kept++] = *d;
	}
	diags->count = kept;
}

void
gr_diags_truncate(struct gr_diags *diags, size_t count)
{
	for (size_t i = count; i < diags->count; i++) {
		gr_free(diags->items[i].message_zh);
		gr_free(diags->items[i].message_en);
	}
	if (count < diags->count)
		diags->count = count;
}

static int
has_origin(const struct gr_diag *d, const void *data)
{
	return d->origin == *(const enum gr_origin *)data;
}

void
gr_diags_drop_origin(struct gr_diags *diags, enum gr_origin origin)
{
	gr_diags_filter(diags, has_origin, &origin);
}

void
gr_diags_release(struct gr_diags *diags)
{
	for (size_t i = 0; i < diags->count; i++) {
		gr_free(diags->items[i].message_zh);
		gr_free(diags->items[i].message_en);
	}
	gr_free(diags->items);
	*diags = (struct gr_diags){ 0 };
}
