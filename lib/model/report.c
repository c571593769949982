/*
 * The report handle: construction, metadata, and cells by path. The
 * per-section getters live in the section modules (active_disclosure.c,
 * applications.c, review_litigation.c).
 */
#include <string.h>

#include "util/alloc.h"
#include "model/report.h"
#include "util/utf8.h"

struct govreport *
gr_report_new(const struct gr_template *tpl, int year)
{
	struct govreport *r = gr_calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	r->tpl = tpl;
	r->year = year;
	return r;
}

int
gr_report_add_table(struct govreport *r, enum govreport_section section)
{
	const struct gr_table *table = gr_table_get(r->tpl, section);

	if (!table)
		return -1;
	if (r->cells[section])
		return 0;
	r->cells[section] = gr_calloc(table->ncells, sizeof(struct gr_cell));
	return r->cells[section] ? 0 : -1;
}

struct gr_cell *
gr_report_cells(const struct govreport *r, enum govreport_section section)
{
	if ((unsigned)section >= GR_SECTION_COUNT)
		return NULL;
	return r->cells[section];
}

struct gr_cell *
gr_report_cell(const struct govreport *r, const struct gr_cell_ref *ref)
{
	struct gr_cell *cells = gr_report_cells(r, ref->table->section);

	return cells ? &cells[ref->index] : NULL;
}

void
gr_cell_set_value(struct gr_cell *cell, int64_t value, unsigned scale,
		  enum govreport_cell_state state)
{
	cell->value = value;
	cell->scale = (uint8_t)scale;
	cell->state = (uint8_t)state;
}

void
gr_cell_set_null(struct gr_cell *cell, enum govreport_cell_state state)
{
	cell->value = 0;
	cell->scale = 0;
	cell->state = (uint8_t)state;
}

int
gr_cell_set_raw(struct gr_cell *cell, const char *raw, size_t len)
{
	char *copy = NULL;

	if (raw) {
		copy = gr_strndup(raw, len);
		if (!copy)
			return -1;
	}
	if (!cell->raw_pooled)
		gr_free(cell->raw);
	cell->raw = copy;
	cell->raw_pooled = 0;
	return 0;
}

/* A block of the report's raw_pool. */
struct gr_raw_block {
	struct gr_raw_block *next;
	size_t used, cap;
	char data[];
};

#define GR_RAW_BLOCK 2048

int
gr_report_set_raw(struct govreport *r, struct gr_cell *cell, const char *raw,
		  size_t len)
{
	struct gr_raw_block *b = r->raw_pool;
	char *copy;

	if (!raw)
		return gr_cell_set_raw(cell, NULL, 0);
	if (!b || b->cap - b->used < len + 1) {
		size_t cap = len + 1 > GR_RAW_BLOCK ? len + 1 : GR_RAW_BLOCK;
		b = gr_malloc(sizeof(*b) + cap);
		if (!b)
			return -1;
		b->next = r->raw_pool;
		b->used = 0;
		b->cap = cap;
		r->raw_pool = b;
	}
	copy = b->data + b->used;
	memcpy(copy, raw, len);
	copy[len] = '\0';
	b->used += len + 1;
	if (!cell->raw_pooled)
		gr_free(cell->raw);
	cell->raw = copy;
	cell->raw_pooled = 1;
	return 0;
}

int
gr_report_set_field(struct govreport *r, enum govreport_field field,
		    const char *value, size_t len)
{
	char *copy = NULL;

	if (value) {
		copy = gr_strndup(value, len);
		if (!copy)
			return -1;
	}
	gr_free(r->fields[field]);
	r->fields[field] = copy;
	return 0;
}

void
gr_report_take_field(struct govreport *r, enum govreport_field field, char *value)
{
	gr_free(r->fields[field]);
	r->fields[field] = value;
}

static const char *const state_names[] = {
	[GOVREPORT_CELL_MISSING] = "missing",
	[GOVREPORT_CELL_PRESENT] = "present",
	[GOVREPORT_CELL_BLANK] = "blank",
	[GOVREPORT_CELL_DASH] = "dash",
	[GOVREPORT_CELL_INVALID] = "invalid",
	[GOVREPORT_CELL_INFERRED] = "inferred",
};

const char *
gr_cell_state_name(enum govreport_cell_state state)
{
	if ((unsigned)state >= sizeof(state_names) / sizeof(state_names[0]))
		return NULL;
	return state_names[state];
}

int
gr_cell_state_by_name(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof(state_names) / sizeof(state_names[0]); i++)
		if (strlen(state_names[i]) == len &&
		    memcmp(state_names[i], name, len) == 0)
			return (int)i;
	return -1;
}

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
gr_is_iso_date(const char *s, size_t len)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31 };
	int y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (size_t i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= days[m - 1] + (m == 2 && is_leap(y));
}

/* ---- public: lifecycle and metadata ---------------------------------- */

GOVREPORT_EXPORT enum govreport_status
govreport_new(enum govreport_template tpl_id, int year, struct govreport **out)
{
	const struct gr_template *tpl = gr_template_get(tpl_id);
	struct govreport *r;

	if (!out)
		return GOVREPORT_ERR_ARGUMENT;
	*out = NULL;
	if (!tpl)
		return GOVREPORT_ERR_ARGUMENT;
	if (year != 0 && (year < 1900 || year > 9999))
		return GOVREPORT_ERR_RANGE;
	r = gr_report_new(tpl, year);
	if (!r)
		return GOVREPORT_ERR_NOMEM;
	for (int s = 0; s < GR_SECTION_COUNT; s++) {
		if (gr_report_add_table(r, (enum govreport_section)s) < 0) {
			govreport_free(r);
			return GOVREPORT_ERR_NOMEM;
		}
	}
	*out = r;
	return GOVREPORT_OK;
}

GOVREPORT_EXPORT void
govreport_free(struct govreport *report)
{
	if (!report)
		return;
	for (int s = 0; s < GR_SECTION_COUNT; s++) {
		struct gr_cell *cells = report->cells[s];
		const struct gr_table *table = gr_table_get(report->tpl, s);
		if (!cells)
			continue;
		for (size_t i = 0; i < table->ncells; i++)
			if (!cells[i].raw_pooled)
				gr_free(cells[i].raw);
		gr_free(cells);
	}
	while (report->raw_pool) {
		struct gr_raw_block *next = report->raw_pool->next;
		gr_free(report->raw_pool);
		report->raw_pool = next;
	}
	for (int f = 0; f < GR_FIELD_COUNT; f++)
		gr_free(report->fields[f]);
	gr_free(report->intro);
	gr_diags_release(&report->diags);
	gr_free(report);
}

GOVREPORT_EXPORT enum govreport_template
govreport_template(const struct govreport *report)
{
	return report && report->tpl ? report->tpl->id : GOVREPORT_TEMPLATE_UNKNOWN;
}

GOVREPORT_EXPORT int
govreport_year(const struct govreport *report)
{
	return report ? report->year : 0;
}

GOVREPORT_EXPORT enum govreport_status
govreport_set_year(struct govreport *report, int year)
{
	if (!report)
		return GOVREPORT_ERR_ARGUMENT;
	if (year != 0 && (year < 1900 || year > 9999))
		return GOVREPORT_ERR_RANGE;
	report->year = year;
	return GOVREPORT_OK;
}

GOVREPORT_EXPORT const char *
govreport_field(const struct govreport *report, enum govreport_field field)
{
	if (!report || (unsigned)field >= GR_FIELD_COUNT)
		return NULL;
	return report->fields[field];
}

GOVREPORT_EXPORT const char *
govreport_organ(const struct govreport *report)
{
	return govreport_field(report, GOVREPORT_FIELD_ORGAN);
}

GOVREPORT_EXPORT const char *
govreport_title(const struct govreport *report)
{
	return govreport_field(report, GOVREPORT_FIELD_TITLE);
}

GOVREPORT_EXPORT const char *
govreport_published(const struct govreport *report)
{
	return govreport_field(report, GOVREPORT_FIELD_PUBLISHED);
}

GOVREPORT_EXPORT enum govreport_status
govreport_set_field(struct govreport *report, enum govreport_field field,
		    const char *value)
{
	size_t len;

	if (!report || (unsigned)field >= GR_FIELD_COUNT)
		return GOVREPORT_ERR_ARGUMENT;
	len = value ? strlen(value) : 0;
	if (value && !gr_utf8_valid(value, len))
		return GOVREPORT_ERR_RANGE;
	if (value && field == GOVREPORT_FIELD_PUBLISHED &&
	    !gr_is_iso_date(value, len))
		return GOVREPORT_ERR_RANGE;
	if (gr_report_set_field(report, field, value, len) < 0)
		return GOVREPORT_ERR_NOMEM;
	return GOVREPORT_OK;
}

GOVREPORT_EXPORT int
govreport_has_section(const struct govreport *report,
		      enum govreport_section section)
{
	if (!report || (unsigned)section >= GR_SECTION_COUNT)
		return 0;
	return report->cells[section] != NULL;
}

/* ---- public: cells by path ------------------------------------------ */

/* Resolve a path to a cell of a present table. */
static enum govreport_status
find_cell(const struct govreport *r, const char *path, struct gr_cell_ref *ref,
	  struct gr_cell **cell)
{
	if (!r || !path)
		return GOVREPORT_ERR_ARGUMENT;
	if (gr_cell_find_path(r->tpl, path, ref) < 0)
		return GOVREPORT_ERR_NOT_FOUND;
	*cell = gr_report_cell(r, ref);
	return *cell ? GOVREPORT_OK : GOVREPORT_ERR_NOT_FOUND;
}

/* Like find_cell, but makes the table present for a setter. */
static enum govreport_status
find_cell_for_write(struct govreport *r, const char *path,
		    struct gr_cell_ref *ref, struct gr_cell **cell)
{
	if (!r || !path)
		return GOVREPORT_ERR_ARGUMENT;
	if (gr_cell_find_path(r->tpl, path, ref) < 0)
		return GOVREPORT_ERR_NOT_FOUND;
	if (gr_report_add_table(r, ref->table->section) < 0)
		return GOVREPORT_ERR_NOMEM;
	*cell = gr_report_cell(r, ref);
	return GOVREPORT_OK;
}

enum govreport_status
gr_cell_read_decimal(const struct gr_cell *cell, int64_t *coefficient,
		     unsigned *scale, enum govreport_cell_state *state)
{
	int has = gr_cell_has_value(cell);

	if (coefficient)
		*coefficient = has ? cell->value : 0;
	if (scale)
		*scale = has ? cell->scale : 0;
	if (state)
		*state = (enum govreport_cell_state)cell->state;
	return GOVREPORT_OK;
}

enum govreport_status
gr_cell_read_integer(const struct gr_cell *cell, int64_t *value,
		     enum govreport_cell_state *state)
{
	int64_t v;
	unsigned scale;

	gr_cell_read_decimal(cell, &v, &scale, state);
	/* A money cell may be written 12.0000: an integer all the same. */
	for (; scale > 0 && v % 10 == 0; scale--)
		v /= 10;
	if (scale > 0)
		return GOVREPORT_ERR_TYPE;
	if (value)
		*value = v;
	return GOVREPORT_OK;
}

enum govreport_status
gr_cell_write(struct govreport *r, const struct gr_cell_ref *ref,
	      int64_t coefficient, unsigned scale)
{
	struct gr_cell *cell;

	if (scale > GR_MAX_SCALE)
		return GOVREPORT_ERR_RANGE;
	if (scale > 0 && !(ref->column->flags & GR_COL_MONEY))
		return GOVREPORT_ERR_TYPE;
	if (gr_report_add_table(r, ref->table->section) < 0)
		return GOVREPORT_ERR_NOMEM;
	cell = gr_report_cell(r, ref);
	gr_cell_set_value(cell, coefficient, scale, GOVREPORT_CELL_PRESENT);
	return GOVREPORT_OK;
}

GOVREPORT_EXPORT enum govreport_status
govreport_get(const struct govreport *report, const char *path, int64_t *value,
	      enum govreport_cell_state *state)
{
	struct gr_cell_ref ref;
	struct gr_cell *cell;
	enum govreport_status st = find_cell(report, path, &ref, &cell);

	if (st != GOVREPORT_OK)
		return st;
	return gr_cell_read_integer(cell, value, state);
}

GOVREPORT_EXPORT enum govreport_status
govreport_get_decimal(const struct govreport *report, const char *path,
		      int64_t *coefficient, unsigned *scale,
		      enum govreport_cell_state *state)
{
	struct gr_cell_ref ref;
	struct gr_cell *cell;
	enum govreport_status st = find_cell(report, path, &ref, &cell);

	if (st != GOVREPORT_OK)
		return st;
	return gr_cell_read_decimal(cell, coefficient, scale, state);
}

GOVREPORT_EXPORT enum govreport_status
govreport_set(struct govreport *report, const char *path, int64_t value)
{
	return govreport_set_decimal(report, path, value, 0);
}

GOVREPORT_EXPORT enum govreport_status
govreport_set_decimal(struct govreport *report, const char *path,
		      int64_t coefficient, unsigned scale)
{
	struct gr_cell_ref ref;

	if (!report || !path)
		return GOVREPORT_ERR_ARGUMENT;
	if (gr_cell_find_path(report->tpl, path, &ref) < 0)
		return GOVREPORT_ERR_NOT_FOUND;
	return gr_cell_write(report, &ref, coefficient, scale);
}

GOVREPORT_EXPORT enum govreport_status
govreport_set_null(struct govreport *report, const char *path,
		   enum govreport_cell_state state)
{
	struct gr_cell_ref ref;
	struct gr_cell *cell;
	enum govreport_status st;

	if (state != GOVREPORT_CELL_MISSING && state != GOVREPORT_CELL_BLANK &&
	    state != GOVREPORT_CELL_DASH && state != GOVREPORT_CELL_INVALID)
		return GOVREPORT_ERR_ARGUMENT;
	st = find_cell_for_write(report, path, &ref, &cell);
	if (st != GOVREPORT_OK)
		return st;
	gr_cell_set_null(cell, state);
	return GOVREPORT_OK;
}

GOVREPORT_EXPORT enum govreport_status
govreport_get_source(const struct govreport *report, const char *path,
		     size_t *line, const char **raw)
{
	struct gr_cell_ref ref;
	struct gr_cell *cell;
	enum govreport_status st = find_cell(report, path, &ref, &cell);

	if (st != GOVREPORT_OK)
		return st;
	if (line)
		*line = cell->line;
	if (raw)
		*raw = cell->raw;
	return GOVREPORT_OK;
}
