/*
 * govreport_diagnostics_json(): a report's diagnostics as the JSON of
 * SPEC §5, the output of `govreport check --json`. Every diagnostic has
 * all nine keys, in one order; a key that does not apply is null.
 */
#include "output/json.h"
#include "model/report.h"

#define KNOWN_FLAGS (GOVREPORT_LANG_EN | GOVREPORT_JSON_PRETTY)

static const char *
severity_name(enum govreport_severity severity)
{
	switch (severity) {
	case GOVREPORT_SEVERITY_INFO: return "info";
	case GOVREPORT_SEVERITY_WARNING: return "warning";
	case GOVREPORT_SEVERITY_ERROR: return "error";
	}
	return "error";
}

static void
write_optional_number(struct gr_json_out *out, const char *key, int has,
		      int64_t value)
{
	gr_json_out_key(out, key);
	if (has)
		gr_json_out_integer(out, value);
	else
		gr_json_out_null(out);
}

static void
write_diag(struct gr_json_out *out, const struct gr_diag *d, unsigned flags)
{
	gr_json_out_map_open(out);
	gr_json_out_key(out, "code");
	gr_json_out_string(out, gr_code_name(d->code));
	gr_json_out_key(out, "severity");
	gr_json_out_string(out, severity_name(d->severity));
	gr_json_out_key(out, "section");
	gr_json_out_string(out, d->section);
	gr_json_out_key(out, "row");
	gr_json_out_string(out, d->row);
	gr_json_out_key(out, "column");
	gr_json_out_string(out, d->column);
	write_optional_number(out, "line", d->line != 0, (int64_t)d->line);
	write_optional_number(out, "expected", d->has_expected, d->expected);
	write_optional_number(out, "actual", d->has_actual, d->actual);
	gr_json_out_key(out, "message");
	gr_json_out_string(out, (flags & GOVREPORT_LANG_EN) ? d->message_en
							    : d->message_zh);
	gr_json_out_map_close(out);
}

static void
write_diagnostics(struct gr_json_out *out, const struct gr_diags *diags,
		  unsigned flags)
{
	size_t counts[3] = { 0 }; /* by enum govreport_severity */

	gr_json_out_map_open(out);
	gr_json_out_key(out, "diagnostics");
	gr_json_out_array_open(out);
	for (size_t i = 0; i < diags->count; i++) {
		const struct gr_diag *d = &diags->items[i];
		write_diag(out, d, flags);
		if ((unsigned)d->severity < 3)
			counts[d->severity]++;
	}
	gr_json_out_array_close(out);
	gr_json_out_key(out, "errors");
	gr_json_out_integer(out, (int64_t)counts[GOVREPORT_SEVERITY_ERROR]);
	gr_json_out_key(out, "warnings");
	gr_json_out_integer(out, (int64_t)counts[GOVREPORT_SEVERITY_WARNING]);
	gr_json_out_key(out, "infos");
	gr_json_out_integer(out, (int64_t)counts[GOVREPORT_SEVERITY_INFO]);
	gr_json_out_map_close(out);
}

GOVREPORT_EXPORT enum govreport_status
govreport_diagnostics_json(const struct govreport *report, unsigned flags,
			   char **out, size_t *len)
{
	struct gr_json_out json;

	if (out)
		*out = NULL;
	if (len)
		*len = 0;
	if (!report || !out || (flags & ~KNOWN_FLAGS))
		return GOVREPORT_ERR_ARGUMENT;

	if (gr_json_out_init(&json, (flags & GOVREPORT_JSON_PRETTY) != 0) < 0) {
		gr_json_out_release(&json);
		return GOVREPORT_ERR_NOMEM;
	}
	write_diagnostics(&json, &report->diags, flags);
	return gr_json_out_finish(&json, out, len);
}
