/*
 * The public accessors of a report's diagnostics (govreport_diag_*,
 * SPEC §5): reads of report->diags, which diag.c stores and the pipeline
 * fills.
 */
#include "model/diag.h"
#include "model/report.h"

static const struct gr_diag *
diag_at(const struct govreport *r, size_t i)
{
	if (!r || i >= r->diags.count)
		return NULL;
	return &r->diags.items[i];
}

GOVREPORT_EXPORT size_t
govreport_diag_count(const struct govreport *report)
{
	return report ? report->diags.count : 0;
}

GOVREPORT_EXPORT const char *
govreport_diag_code(const struct govreport *report, size_t i)
{
	const struct gr_diag *d = diag_at(report, i);
	return d ? gr_code_name(d->code) : NULL;
}

GOVREPORT_EXPORT int
govreport_diag_severity(const struct govreport *report, size_t i)
{
	const struct gr_diag *d = diag_at(report, i);
	return d ? (int)d->severity : -1;
}

GOVREPORT_EXPORT const char *
govreport_diag_section(const struct govreport *report, size_t i)
{
	const struct gr_diag *d = diag_at(report, i);
	return d ? d->section : NULL;
}

GOVREPORT_EXPORT const char *
govreport_diag_row(const struct govreport *report, size_t i)
{
	const struct gr_diag *d = diag_at(report, i);
	return d ? d->row : NULL;
}

GOVREPORT_EXPORT const char *
govreport_diag_column(const struct govreport *report, size_t i)
{
	const struct gr_diag *d = diag_at(report, i);
	return d ? d->column : NULL;
}

GOVREPORT_EXPORT size_t
govreport_diag_line(const struct govreport *report, size_t i)
{
	const struct gr_diag *d = diag_at(report, i);
	return d ? d->line : 0;
}

GOVREPORT_EXPORT int
govreport_diag_expected(const struct govreport *report, size_t i,
			int64_t *value)
{
	const struct gr_diag *d = diag_at(report, i);

	if (!d || !d->has_expected)
		return 0;
	if (value)
		*value = d->expected;
	return 1;
}

GOVREPORT_EXPORT int
govreport_diag_actual(const struct govreport *report, size_t i, int64_t *value)
{
	const struct gr_diag *d = diag_at(report, i);

	if (!d || !d->has_actual)
		return 0;
	if (value)
		*value = d->actual;
	return 1;
}

GOVREPORT_EXPORT const char *
govreport_diag_message(const struct govreport *report, size_t i, unsigned flags)
{
	const struct gr_diag *d = diag_at(report, i);

	if (!d)
		return NULL;
	return (flags & GOVREPORT_LANG_EN) ? d->message_en : d->message_zh;
}
