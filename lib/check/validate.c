/*
 * govreport_validate() and govreport_compare(): the rules of SPEC §5. The
 * tables' equations are data in the template, checked by equation.c; the
 * other rules of a table live with its section module (active_disclosure.c,
 * applications.c) and the prose checks in narrative.c; the rules about the
 * report as a whole are here, with the settings that switch rules off or
 * change their severity.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "tables/active_disclosure.h"
#include "tables/applications.h"
#include "check/equation.h"
#include "check/narrative.h"
#include "input/printed.h"
#include "model/report.h"
#include "parts/headings.h"
#include "util/utf8.h"

#define VALIDATE_FLAGS (GOVREPORT_BLANK_AS_ZERO | GOVREPORT_INFER | GOVREPORT_VALIDATE_DETAIL)
#define COMPARE_FLAGS (GOVREPORT_BLANK_AS_ZERO | GOVREPORT_VALIDATE_DETAIL)

/* VALUE_NEGATIVE: a count below zero (only 本年增/减 may be). */
static int
rule_value_negative(struct govreport *r)
{
	for (int s = 0; r->tpl && s < GR_SECTION_COUNT; s++) {
		const struct gr_table *t = gr_table_get(r->tpl, s);
		const struct gr_cell *cells = gr_report_cells(r, s);
		for (size_t i = 0; cells && i < t->ncells; i++) {
			struct gr_cell_ref ref;
			if (!gr_cell_has_value(&cells[i]) || cells[i].value >= 0)
				continue;
			gr_cell_at(t, i, &ref);
			if (ref.column->flags & GR_COL_SIGNED)
				continue;
			if (gr_diag_add(&r->diags, GR_VALUE_NEGATIVE, NULL, &ref, cells[i].line,
					gr_printf("表%s「%s」%s列为负数 %s", t->number,
						  ref.row->label, ref.column->label,
						  cells[i].raw ? cells[i].raw : ""),
					gr_printf("%s, row \"%s\", column \"%s\" is negative",
						  t->en, ref.row->en, ref.column->en)) < 0)
				return -1;
			gr_diag_set_numbers(&r->diags, 0, cells[i].value);
		}
	}
	return 0;
}

/* TEMPLATE_YEAR: each template is due from its first report year on
 * ("2021" from 2021, "2019" before); years before the first: no rule. */
static int
rule_template_year(struct govreport *r)
{
	const struct gr_template *due;

	if (!r->tpl || !r->year)
		return 0;
	due = gr_template_due(r->year);
	if (r->year < due->from_year || r->tpl == due)
		return 0;
	if (gr_diag_add(&r->diags, GR_TEMPLATE_YEAR, NULL, NULL, 0,
			gr_printf("%d年度报告应使用%s年版模板（%s），实际为%s年版",
				  r->year, due->name, due->issued_by, r->tpl->name),
			gr_printf("a report for %d is due in the %s template (%s), not the %s one",
				  r->year, due->name, due->issued_by, r->tpl->name)) < 0)
		return -1;
	gr_diag_set_numbers(&r->diags, due->id, r->tpl->id);
	return 0;
}

static int
date_number(const char *iso)
{
	int y, m, d;

	if (!iso || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return 0;
	return y * 10000 + m * 100 + d;
}

/* PUBLISHED_LATE and PUBLISHED_EARLY: the closing date against the
 * deadline in the following year and against the reporting year. */
static int
rule_published(struct govreport *r)
{
	int published = date_number(r->fields[GOVREPORT_FIELD_PUBLISHED]);
	int month = r->deadline_month ? r->deadline_month : 1;
	int day = r->deadline_day ? r->deadline_day : 31;
	int deadline;

	if (!published || !r->year)
		return 0;
	deadline = (r->year + 1) * 10000 + month * 100 + day;
	if (published <= r->year * 10000 + 1231) {
		if (gr_diag_add(&r->diags, GR_PUBLISHED_EARLY, NULL, NULL, 0,
				gr_printf("落款日期 %s 在统计年度 %d 年之内：报告应在年度结束后发布",
					  r->fields[GOVREPORT_FIELD_PUBLISHED], r->year),
				gr_printf("the closing date %s lies inside the reporting year %d",
					  r->fields[GOVREPORT_FIELD_PUBLISHED], r->year)) < 0)
			return -1;
		gr_diag_set_numbers(&r->diags, (r->year + 1) * 10000 + 101, published);
	} else if (published > deadline) {
		if (gr_diag_add(&r->diags, GR_PUBLISHED_LATE, NULL, NULL, 0,
				gr_printf("落款日期 %s 晚于 %d年%d月%d日的发布期限",
					  r->fields[GOVREPORT_FIELD_PUBLISHED], r->year + 1,
					  month, day),
				gr_printf("the closing date %s is after the deadline %04d-%02d-%02d",
					  r->fields[GOVREPORT_FIELD_PUBLISHED], r->year + 1,
					  month, day)) < 0)
			return -1;
		gr_diag_set_numbers(&r->diags, deadline, published);
	}
	return 0;
}

/* SECTION_MISSING: a part with nothing in the model, unless the parser
 * already said why. */
static int
rule_sections(struct govreport *r)
{
	static const struct {
		enum gr_part part;
		int field;   /* enum govreport_field, or -1 */
		int section; /* enum govreport_section, or -1 */
	} parts[] = {
		{ GR_PART_OVERVIEW, GOVREPORT_FIELD_OVERVIEW, -1 },
		{ GR_PART_DISCLOSURE, -1, GOVREPORT_SECTION_ACTIVE_DISCLOSURE },
		{ GR_PART_APPLICATIONS, -1, GOVREPORT_SECTION_APPLICATIONS },
		{ GR_PART_REVIEW, -1, GOVREPORT_SECTION_REVIEW_LITIGATION },
		{ GR_PART_PROBLEMS, GOVREPORT_FIELD_PROBLEMS, -1 },
		{ GR_PART_OTHER, GOVREPORT_FIELD_OTHER_MATTERS, -1 },
	};

	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		const struct gr_part_def *def = gr_part(parts[i].part);
		int present = parts[i].field >= 0 ? r->fields[parts[i].field] != NULL
						   : r->cells[parts[i].section] != NULL;
		if (present || (r->parts_noted & (1u << parts[i].part)))
			continue;
		if (gr_diag_add(&r->diags, GR_SECTION_MISSING,
				parts[i].section >= 0 && r->tpl
					? gr_table_get(r->tpl, parts[i].section) : NULL,
				NULL, 0,
				gr_printf("缺少第%s部分“%s”", def->number, def->heading),
				gr_printf("part %s (%s) is missing", def->number, def->en)) < 0)
			return -1;
	}
	return 0;
}

static int
rule_is_off(const struct gr_diag *d, const void *data)
{
	const struct govreport *r = data;
	return r->rule_off[d->code];
}

/* Leave out the rules switched off and give the others their severity. */
static void
apply_settings(struct govreport *r)
{
	gr_diags_filter(&r->diags, rule_is_off, r);
	for (size_t i = 0; i < r->diags.count; i++) {
		struct gr_diag *d = &r->diags.items[i];
		if (r->severity[d->code])
			d->severity = (enum govreport_severity)(r->severity[d->code] - 1);
	}
}

/*
 * The equations depend on the template alone: stated once per process
 * (pthread_once) into fixed storage, table by table in section order, and
 * only read after. A report uses the run of them whose tables it has.
 */
#define GR_MAX_TEMPLATE_EQUATIONS 96

struct template_equations {
	const struct gr_template *tpl;
	struct gr_equation items[GR_MAX_TEMPLATE_EQUATIONS];
	/* Table s's are items [first[s], first[s] + count[s]). */
	size_t first[GR_SECTION_COUNT], count[GR_SECTION_COUNT];
	int ok;
};

static pthread_once_t equations_once = PTHREAD_ONCE_INIT;
static struct template_equations template_equations[2];

static void
state_equations(void)
{
	static const enum govreport_template ids[] = { GOVREPORT_TEMPLATE_2019,
						       GOVREPORT_TEMPLATE_2021 };

	for (size_t i = 0; i < 2; i++) {
		struct template_equations *te = &template_equations[i];
		struct gr_equations eqs = { te->items, 0, GR_MAX_TEMPLATE_EQUATIONS, 1 };
		int s;
		te->tpl = gr_template_get(ids[i]);
		for (s = 0; te->tpl && s < GR_SECTION_COUNT; s++) {
			te->first[s] = eqs.count;
			if (gr_equations_state(gr_table_get(te->tpl, s), &eqs) < 0)
				break;
			te->count[s] = eqs.count - te->first[s];
		}
		te->ok = te->tpl && s == GR_SECTION_COUNT;
	}
}

static const struct template_equations *
template_equations_of(const struct gr_template *tpl)
{
	pthread_once(&equations_once, state_equations);
	for (size_t i = 0; i < 2; i++)
		if (template_equations[i].ok && template_equations[i].tpl == tpl)
			return &template_equations[i];
	return NULL;
}

const struct gr_equation *
gr_table_equations(const struct gr_template *tpl, enum govreport_section section,
		   size_t *count)
{
	const struct template_equations *te = template_equations_of(tpl);

	*count = 0;
	if (!te || (int)section < 0 || section >= GR_SECTION_COUNT || !te->count[section])
		return NULL;
	*count = te->count[section];
	return te->items + te->first[section];
}

/* The report's equations as a view of the template's, or 0 when there is
 * none (no template stated, or the tables the report has are not one run
 * of them): then the caller states them. */
static int
cached_equations(const struct govreport *r, struct gr_equations *view)
{
	const struct template_equations *te = template_equations_of(r->tpl);
	size_t begin = GR_MAX_TEMPLATE_EQUATIONS, end = 0, count = 0;

	if (!te)
		return 0;
	for (int s = 0; s < GR_SECTION_COUNT; s++) {
		if (!te->count[s] || !gr_report_cells(r, s))
			continue;
		begin = te->first[s] < begin ? te->first[s] : begin;
		end = te->first[s] + te->count[s];
		count += te->count[s];
	}
	if (count != (end > begin ? end - begin : 0))
		return 0;
	*view = (struct gr_equations){ (struct gr_equation *)te->items + (count ? begin : 0),
				       count, 0, 1 };
	return 1;
}

/* The equations of the tables a report has, stated anew. */
static int
report_equations(const struct govreport *r, struct gr_equations *eqs)
{
	for (int s = 0; r->tpl && s < GR_SECTION_COUNT; s++)
		if (gr_report_cells(r, s) &&
		    gr_equations_state(gr_table_get(r->tpl, s), eqs) < 0)
			return -1;
	return 0;
}

static int
run_validation(struct govreport *r, unsigned flags)
{
	struct gr_equations eqs = { 0 };
	int rc = 0;

	if (!cached_equations(r, &eqs))
		rc = report_equations(r, &eqs);
	if (rc == 0 && (flags & GOVREPORT_INFER))
		rc = gr_equations_infer(r, &eqs, flags);
	if (rc == 0)
		rc = gr_equations_check(r, &eqs, flags);
	if (!eqs.fixed)
		gr_equations_release(&eqs);
	if (rc == 0)
		rc = rule_value_negative(r);
	if (rc == 0)
		rc = gr_ad_rules(r);
	if (rc == 0)
		rc = rule_template_year(r);
	if (rc == 0)
		rc = rule_published(r);
	if (rc == 0)
		rc = rule_sections(r);
	if (rc == 0)
		rc = gr_narrative_rules(r, flags);
	return rc;
}

GOVREPORT_EXPORT enum govreport_status
govreport_validate(struct govreport *report, unsigned flags)
{
	int rc;

	if (!report || (flags & ~VALIDATE_FLAGS))
		return GOVREPORT_ERR_ARGUMENT;
	gr_diags_drop_origin(&report->diags, GR_FROM_VALIDATE);
	report->diags.origin = GR_FROM_VALIDATE;
	rc = run_validation(report, flags);
	report->diags.origin = GR_FROM_PARSE;
	if (rc < 0) {
		gr_diags_drop_origin(&report->diags, GR_FROM_VALIDATE);
		return GOVREPORT_ERR_NOMEM;
	}
	apply_settings(report);
	return GOVREPORT_OK;
}

/* The length of the white space at @p s (ASCII, U+00A0, U+3000), or 0. */
static size_t
space_at(const unsigned char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' ||
	    *s == '\v')
		return 1;
	if (s[0] == 0xC2 && s[1] == 0xA0)
		return 2;
	if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	return 0;
}

/* Whether a text is empty or all white space: names no organ. */
static int
blank(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	while ((n = space_at(p)) > 0)
		p += n;
	return *p == '\0';
}

/* Whether two organs' names differ once white space is removed and
 * punctuation read as NFKC reads it ("（" and "(" are one bracket: a name is
 * printed either way). */
static int
organs_differ(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a;
	const unsigned char *q = (const unsigned char *)b;
	size_t alen = strlen(a), blen = strlen(b);

	for (;;) {
		size_t n, i, j;
		while ((n = space_at(p)) > 0)
			p += n;
		while ((n = space_at(q)) > 0)
			q += n;
		if (!*p || !*q)
			return *p != *q;
		i = (size_t)(p - (const unsigned char *)a);
		j = (size_t)(q - (const unsigned char *)b);
		if (gr_printed_fold(gr_utf8_next(a, alen, &i)) !=
		    gr_printed_fold(gr_utf8_next(b, blen, &j)))
			return 1;
		p = (const unsigned char *)a + i;
		q = (const unsigned char *)b + j;
	}
}

/* XY_ORGAN: the two reports name different organs (either unnamed or
 * blank: no finding). The other checks still run: the caller may mean it. */
static int
compare_organs(const struct govreport *previous, struct govreport *current)
{
	const char *a = previous->fields[GOVREPORT_FIELD_ORGAN];
	const char *b = current->fields[GOVREPORT_FIELD_ORGAN];

	if (!a || !b || blank(a) || blank(b) || !organs_differ(a, b))
		return 0;
	return gr_diag_add(&current->diags, GR_XY_ORGAN, NULL, NULL, 0,
			   gr_printf("两份报告的机关不同：上年为「%s」，本年为「%s」；"
				     "跨年核对比较的可能不是同一机关的报告", a, b),
			   gr_printf("the two reports name different organs: \"%s\" "
				     "last year, \"%s\" this year; the cross-year "
				     "checks may compare two organs' reports", a, b));
}

GOVREPORT_EXPORT enum govreport_status
govreport_compare(const struct govreport *previous, struct govreport *current,
		  unsigned flags)
{
	int rc;

	if (!previous || !current || (flags & ~COMPARE_FLAGS))
		return GOVREPORT_ERR_ARGUMENT;
	if (!previous->year || previous->year + 1 != current->year)
		return GOVREPORT_ERR_YEARS;
	gr_diags_drop_origin(&current->diags, GR_FROM_COMPARE);
	current->diags.origin = GR_FROM_COMPARE;
	rc = compare_organs(previous, current);
	if (rc == 0)
		rc = gr_app_compare(previous, current, flags);
	if (rc == 0)
		rc = gr_ad_compare(previous, current, flags);
	current->diags.origin = GR_FROM_PARSE;
	if (rc < 0) {
		gr_diags_drop_origin(&current->diags, GR_FROM_COMPARE);
		return GOVREPORT_ERR_NOMEM;
	}
	apply_settings(current);
	return GOVREPORT_OK;
}

GOVREPORT_EXPORT enum govreport_status
govreport_rule_enable(struct govreport *report, const char *code, int enabled)
{
	enum gr_code c;

	if (!report || !code)
		return GOVREPORT_ERR_ARGUMENT;
	c = gr_code_by_name(code);
	if (c == GR_CODE_COUNT)
		return GOVREPORT_ERR_NOT_FOUND;
	report->rule_off[c] = !enabled;
	return GOVREPORT_OK;
}

GOVREPORT_EXPORT enum govreport_status
govreport_rule_severity(struct govreport *report, const char *code,
			enum govreport_severity severity)
{
	enum gr_code c;

	if (!report || !code || (unsigned)severity > GOVREPORT_SEVERITY_ERROR)
		return GOVREPORT_ERR_ARGUMENT;
	c = gr_code_by_name(code);
	if (c == GR_CODE_COUNT)
		return GOVREPORT_ERR_NOT_FOUND;
	report->severity[c] = (uint8_t)(severity + 1);
	return GOVREPORT_OK;
}

GOVREPORT_EXPORT enum govreport_status
govreport_set_deadline(struct govreport *report, int month, int day)
{
	static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (!report)
		return GOVREPORT_ERR_ARGUMENT;
	if (month < 1 || month > 12 || day < 1 || day > days[month - 1])
		return GOVREPORT_ERR_RANGE;
	report->deadline_month = (uint8_t)month;
	report->deadline_day = (uint8_t)day;
	return GOVREPORT_OK;
}
