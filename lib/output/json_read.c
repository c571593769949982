/*
 * govreport_from_json(): govreport-1 JSON back into a report.
 *
 * Two walks over the text (json_walk.c). The first checks that the text is
 * JSON within the limits and finds the top-level "template": the tables'
 * row and column ids depend on it, and JSON objects are unordered, so it
 * may come after the tables. The second walk builds the report and stops
 * at the first thing that is not govreport-1. So malformed JSON and a too
 * deep nesting are reported before any mistake in meaning.
 *
 * The second walk keeps one frame per open object: the format nests four
 * deep at most (top level, table, row, detailed cell; or top level and
 * "text"), and any other object or array is refused where it opens, so the
 * frames never run out.
 */
#include <stdint.h>
#include <string.h>

#include "util/alloc.h"
#include "output/json_walk.h"
#include "model/report.h"

#define YEAR_MIN 1900
#define YEAR_MAX 9999

static int
key_is(const char *key, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(key, name, len) == 0;
}

/* ---- exact numbers ------------------------------------------------------ */

enum number_read { NUMBER_OK, NUMBER_SHAPE, NUMBER_RANGE, NUMBER_SCALE };

static void
accumulate(uint64_t *magnitude, char digit, int *overflow)
{
	unsigned d = (unsigned)(digit - '0');

	if (*magnitude > (UINT64_MAX - d) / 10)
		*overflow = 1;
	else
		*magnitude = *magnitude * 10 + d;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Read the text of a JSON number as an exact decimal: its digits, without
 * the point, must fit an int64_t (NUMBER_RANGE). Without `fraction`
 * (counts) there must be no point; with it (money), at most GR_MAX_SCALE
 * digits after it (NUMBER_SCALE), as the model keeps. So every value
 * govreport_to_json() writes reads back. An exponent is refused: no report
 * writes one, and it would not write back the same.
 */
static enum number_read
read_number(const char *s, size_t len, int fraction, int64_t *value,
	    unsigned *scale)
{
	size_t i = 0, int_digits = 0, frac_digits = 0;
	int negative = 0, overflow = 0;
	uint64_t magnitude = 0, limit;

	if (i < len && s[i] == '-') {
		negative = 1;
		i++;
	}
	for (; i < len && is_digit(s[i]); i++, int_digits++)
		accumulate(&magnitude, s[i], &overflow);
	if (int_digits == 0)
		return NUMBER_SHAPE;
	if (i < len && s[i] == '.') {
		if (!fraction)
			return NUMBER_SHAPE;
		for (i++; i < len && is_digit(s[i]); i++, frac_digits++)
			accumulate(&magnitude, s[i], &overflow);
		if (frac_digits == 0)
			return NUMBER_SHAPE;
	}
	if (i != len)
		return NUMBER_SHAPE; /* an exponent */

	if (frac_digits > GR_MAX_SCALE)
		return NUMBER_SCALE;
	limit = negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	if (overflow || magnitude > limit)
		return NUMBER_RANGE;
	if (!negative)
		*value = (int64_t)magnitude;
	else if (magnitude == (uint64_t)INT64_MAX + 1)
		*value = INT64_MIN;
	else
		*value = -(int64_t)magnitude;
	*scale = (unsigned)frac_digits;
	return NUMBER_OK;
}

/* ---- first walk: the template ------------------------------------------- */

struct template_scan {
	int at_template; /* the value coming is the top level's "template" */
	int found;
	const struct gr_template *tpl;
};

static int
scan_key(struct gr_json_walk *walk, const char *key, size_t len)
{
	struct template_scan *scan = walk->data;

	scan->at_template = walk->depth == 1 && !scan->found &&
			    key_is(key, len, gr_json_meta_key(GR_JSON_TEMPLATE));
	return 0;
}

/* Any value ends the wait; only a string can name a template. */
static void
scan_value(struct gr_json_walk *walk, const char *s, size_t len)
{
	struct template_scan *scan = walk->data;

	if (!scan->at_template)
		return;
	scan->at_template = 0;
	scan->found = 1;
	scan->tpl = s ? gr_template_by_name(s, len) : NULL;
}

static int
scan_other(struct gr_json_walk *walk)
{
	scan_value(walk, NULL, 0);
	return 0;
}

static int
scan_boolean(struct gr_json_walk *walk, int value)
{
	(void)value;
	return scan_other(walk);
}

static int
scan_number(struct gr_json_walk *walk, const char *text, size_t len)
{
	(void)text;
	(void)len;
	return scan_other(walk);
}

static int
scan_string(struct gr_json_walk *walk, const char *s, size_t len)
{
	scan_value(walk, s, len);
	return 0;
}

static const struct gr_json_handler scan_handler = {
	.null = scan_other,
	.boolean = scan_boolean,
	.number = scan_number,
	.string = scan_string,
	.map_start = scan_other,
	.key = scan_key,
	.array_start = scan_other,
};

/* ---- second walk: the report ---------------------------------------------- */

enum frame_kind { IN_ROOT, IN_TEXT, IN_TABLE, IN_ROW, IN_CELL };

/* Keys of the top level: the meta keys, then one per table. */
#define ROOT_KEY_TABLE(section) (GR_JSON_META_COUNT + (int)(section))
#define ROOT_KEY_COUNT (GR_JSON_META_COUNT + GR_SECTION_COUNT)
#define MAX_FRAMES 4
#define MAX_KEYS 64 /* bits in frame.seen */

struct frame {
	enum frame_kind kind;
	uint64_t seen; /* bit k: key k was read */
	int key;       /* the key whose value comes next */

	/* IN_TABLE and deeper: the table and its cells. */
	const struct gr_table *table;
	struct gr_cell *cells;
	/* IN_TABLE: the row `key` names; IN_ROW and IN_CELL: their row. */
	const struct gr_group *group;
	const struct gr_row *row;
	size_t first_cell;

	/* IN_CELL: the cell, and what its object said. */
	const struct gr_column *column;
	struct gr_cell *cell;
	int has_value;
	int64_t value;
	unsigned scale;
	int state;
};

struct builder {
	struct govreport *report;
	struct frame frames[MAX_FRAMES];
	size_t depth;
};

static struct frame *
top(struct builder *b)
{
	return b->depth ? &b->frames[b->depth - 1] : NULL;
}

static int
fail(struct gr_json_walk *walk, const char *message)
{
	return gr_json_walk_fail(walk, GOVREPORT_ERR_JSON, NULL, "%s", message);
}

/* ---- what each place expects ----- */

static const char *
number_expectation(const struct gr_column *column)
{
	return (column->flags & GR_COL_MONEY) ? "expected decimal number or null"
					      : "expected integer or null";
}

static int
fail_expected_template(struct gr_json_walk *walk)
{
	static const enum govreport_template known[] = {
		GOVREPORT_TEMPLATE_2019, GOVREPORT_TEMPLATE_2021,
	};
	struct gr_strbuf text;

	gr_strbuf_init(&text);
	gr_strbuf_puts(&text, "expected ");
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		gr_strbuf_printf(&text, "\"%s\"%s", gr_template_get(known[i])->name,
				 i + 1 < sizeof(known) / sizeof(known[0]) ? ", " : "");
	gr_strbuf_puts(&text, " or null");
	if (gr_strbuf_failed(&text))
		return gr_json_walk_nomem(walk);
	gr_json_walk_fail(walk, GOVREPORT_ERR_JSON, NULL, "%s", text.data);
	gr_strbuf_release(&text);
	return -1;
}

static int
fail_expected_state(struct gr_json_walk *walk)
{
	struct gr_strbuf text;
	const char *name;

	gr_strbuf_init(&text);
	gr_strbuf_puts(&text, "expected one of");
	for (int s = 0; (name = gr_cell_state_name(s)) != NULL; s++)
		gr_strbuf_printf(&text, "%s \"%s\"", s ? "," : "", name);
	if (gr_strbuf_failed(&text))
		return gr_json_walk_nomem(walk);
	gr_json_walk_fail(walk, GOVREPORT_ERR_JSON, NULL, "%s", text.data);
	gr_strbuf_release(&text);
	return -1;
}

static int
fail_expected_root(struct gr_json_walk *walk, int key)
{
	switch (key) {
	case GR_JSON_FORMAT:
		return fail(walk, "expected \"" GR_JSON_FORMAT_NAME "\"");
	case GR_JSON_TEMPLATE:
		return fail_expected_template(walk);
	case GR_JSON_YEAR:
		return gr_json_walk_fail(walk, GOVREPORT_ERR_JSON, NULL,
					 "expected integer between %d and %d or null",
					 YEAR_MIN, YEAR_MAX);
	case GR_JSON_ORGAN:
	case GR_JSON_TITLE:
		return fail(walk, "expected string or null");
	case GR_JSON_PUBLISHED:
		return fail(walk, "expected date YYYY-MM-DD or null");
	default: /* "text" and the tables */
		return fail(walk, "expected object or null");
	}
}

static int
fail_expected_detail(struct gr_json_walk *walk, const struct frame *f)
{
	switch (f->key) {
	case GR_JSON_VALUE:
		return fail(walk, number_expectation(f->column));
	case GR_JSON_STATE:
		return fail_expected_state(walk);
	case GR_JSON_LINE:
		return fail(walk, "expected positive integer or null");
	default:
		return fail(walk, "expected string or null");
	}
}

/* The value just met does not belong where it is: say what does. */
static int
fail_expected(struct gr_json_walk *walk)
{
	struct builder *b = walk->data;
	const struct frame *f = top(b);

	if (!f)
		return fail(walk, "expected object");
	switch (f->kind) {
	case IN_ROOT:
		return fail_expected_root(walk, f->key);
	case IN_TEXT:
		return fail(walk, "expected string or null");
	case IN_TABLE:
		return fail(walk, "expected object");
	case IN_ROW:
		return fail(walk, number_expectation(&f->group->columns[f->key]));
	case IN_CELL:
		return fail_expected_detail(walk, f);
	}
	return fail(walk, "unexpected value");
}

/* ---- keys ----- */

static int
find_root_key(const char *key, size_t len)
{
	for (int k = 0; k < GR_JSON_META_COUNT; k++)
		if (key_is(key, len, gr_json_meta_key((enum gr_json_meta)k)))
			return k;
	for (int s = 0; s < GR_SECTION_COUNT; s++)
		if (key_is(key, len, gr_json_section_id((enum govreport_section)s)))
			return ROOT_KEY_TABLE(s);
	return -1;
}

static int
find_text_key(const char *key, size_t len)
{
	for (size_t i = 0; i < GR_JSON_TEXT_COUNT; i++)
		if (key_is(key, len, gr_json_text_key(i)))
			return (int)i;
	return -1;
}

/*
 * The flat index of the table's row with this id (or the row at flat
 * index `wanted` when key is NULL); remembers the row in the frame.
 */
static int
find_row(struct frame *f, const char *key, size_t len, int wanted)
{
	int index = 0;

	for (size_t g = 0; g < f->table->ngroups; g++) {
		const struct gr_group *group = &f->table->groups[g];
		for (size_t r = 0; r < group->nrows; r++, index++) {
			const struct gr_row *row = &group->rows[r];
			if (key ? !key_is(key, len, row->id) : index != wanted)
				continue;
			f->group = group;
			f->row = row;
			f->first_cell = gr_row_first_cell(f->table, group, row);
			return index;
		}
	}
	return -1;
}

static int
count_rows(const struct gr_table *table)
{
	size_t n = 0;

	for (size_t g = 0; g < table->ngroups; g++)
		n += table->groups[g].nrows;
	return (int)n;
}

static int
find_column_key(const struct frame *f, const char *key, size_t len)
{
	for (size_t c = 0; c < f->group->ncolumns; c++)
		if (key_is(key, len, f->group->columns[c].id))
			return (int)c;
	return -1;
}

static int
find_detail_key(const char *key, size_t len)
{
	for (int k = 0; k < GR_JSON_DETAIL_COUNT; k++)
		if (key_is(key, len, gr_json_detail_key((enum gr_json_detail)k)))
			return k;
	return -1;
}

static int
find_key(struct frame *f, const char *key, size_t len)
{
	switch (f->kind) {
	case IN_ROOT: return find_root_key(key, len);
	case IN_TEXT: return find_text_key(key, len);
	case IN_TABLE: return find_row(f, key, len, -1);
	case IN_ROW: return find_column_key(f, key, len);
	case IN_CELL: return find_detail_key(key, len);
	}
	return -1;
}

/* The name of key k of a frame, for "<path>.<key>: missing". */
static const char *
key_name(struct frame *f, int k)
{
	switch (f->kind) {
	case IN_ROOT:
		return k < GR_JSON_META_COUNT
			       ? gr_json_meta_key((enum gr_json_meta)k)
			       : gr_json_section_id((enum govreport_section)(
					 k - GR_JSON_META_COUNT));
	case IN_TEXT:
		return gr_json_text_key((size_t)k);
	case IN_TABLE:
		return find_row(f, NULL, 0, k) >= 0 ? f->row->id : NULL;
	case IN_ROW:
		return f->group->columns[k].id;
	case IN_CELL:
		return gr_json_detail_key((enum gr_json_detail)k);
	}
	return NULL;
}

/* The keys an object of this kind must have: all but "text", and of a
 * detailed cell "value" and "state". */
static uint64_t
required_keys(const struct frame *f)
{
	int count;

	switch (f->kind) {
	case IN_ROOT:
		return ((UINT64_C(1) << ROOT_KEY_COUNT) - 1) &
		       ~(UINT64_C(1) << GR_JSON_TEXT);
	case IN_TEXT:
		count = GR_JSON_TEXT_COUNT;
		break;
	case IN_TABLE:
		count = count_rows(f->table);
		break;
	case IN_ROW:
		count = (int)f->group->ncolumns;
		break;
	case IN_CELL:
		return (UINT64_C(1) << GR_JSON_VALUE) | (UINT64_C(1) << GR_JSON_STATE);
	default:
		count = 0;
		break;
	}
	return count >= MAX_KEYS ? UINT64_MAX : (UINT64_C(1) << count) - 1;
}

static int
build_key(struct gr_json_walk *walk, const char *key, size_t len)
{
	struct builder *b = walk->data;
	struct frame *f = top(b);
	int k = find_key(f, key, len);

	if (k < 0)
		return fail(walk, "unknown key");
	if (k >= MAX_KEYS)
		return gr_json_walk_fail(walk, GOVREPORT_ERR_INTERNAL, NULL,
					 "more than %d keys", MAX_KEYS);
	if (f->seen & (UINT64_C(1) << k))
		return fail(walk, "duplicate key");
	f->seen |= UINT64_C(1) << k;
	f->key = k;
	return 0;
}

/* ---- values ----- */

static int
set_field(struct gr_json_walk *walk, enum govreport_field field, const char *s,
	  size_t len)
{
	struct builder *b = walk->data;

	if (gr_report_set_field(b->report, field, s, len) < 0)
		return gr_json_walk_nomem(walk);
	return 0;
}

/* A cell's number, as its column takes it. */
static int
read_cell_number(struct gr_json_walk *walk, const struct gr_column *column,
		 const char *text, size_t len, int64_t *value, unsigned *scale)
{
	int money = (column->flags & GR_COL_MONEY) != 0;

	switch (read_number(text, len, money, value, scale)) {
	case NUMBER_OK:
		return 0;
	case NUMBER_RANGE:
		return fail(walk, money ? "decimal out of range"
					: "integer out of range");
	case NUMBER_SCALE:
		return gr_json_walk_fail(walk, GOVREPORT_ERR_JSON, NULL,
					 "more than %d decimal places",
					 GR_MAX_SCALE);
	case NUMBER_SHAPE:
		break;
	}
	return fail_expected(walk);
}

/* An integer within [min, max], or the place's expectation. */
static int
read_bounded(struct gr_json_walk *walk, const char *text, size_t len,
	     int64_t min, int64_t max, int64_t *value)
{
	unsigned scale;

	if (read_number(text, len, 0, value, &scale) != NUMBER_OK ||
	    *value < min || *value > max)
		return fail_expected(walk);
	return 0;
}

static int
build_number(struct gr_json_walk *walk, const char *text, size_t len)
{
	struct builder *b = walk->data;
	struct frame *f = top(b);
	int64_t value;
	unsigned scale;

	if (f && f->kind == IN_ROOT && f->key == GR_JSON_YEAR) {
		if (read_bounded(walk, text, len, YEAR_MIN, YEAR_MAX, &value) < 0)
			return -1;
		b->report->year = (int)value;
		return 0;
	}
	if (f && f->kind == IN_ROW) {
		const struct gr_column *column = &f->group->columns[f->key];
		if (read_cell_number(walk, column, text, len, &value, &scale) < 0)
			return -1;
		gr_cell_set_value(&f->cells[f->first_cell + (size_t)f->key], value,
				  scale, GOVREPORT_CELL_PRESENT);
		return 0;
	}
	if (f && f->kind == IN_CELL && f->key == GR_JSON_VALUE) {
		f->has_value = 1;
		return read_cell_number(walk, f->column, text, len, &f->value,
					&f->scale);
	}
	if (f && f->kind == IN_CELL && f->key == GR_JSON_LINE) {
		if (read_bounded(walk, text, len, 1, UINT32_MAX, &value) < 0)
			return -1;
		f->cell->line = (uint32_t)value;
		return 0;
	}
	return fail_expected(walk);
}

static int
build_root_string(struct gr_json_walk *walk, struct frame *f, const char *s,
		  size_t len)
{
	struct builder *b = walk->data;

	switch (f->key) {
	case GR_JSON_FORMAT:
		return key_is(s, len, GR_JSON_FORMAT_NAME) ? 0
							   : fail_expected(walk);
	case GR_JSON_TEMPLATE:
		/* The first walk found it; the report was made with it. */
		return b->report->tpl && gr_template_by_name(s, len) == b->report->tpl
			       ? 0 : fail_expected(walk);
	case GR_JSON_PUBLISHED:
		if (!gr_is_iso_date(s, len))
			return fail_expected(walk);
		return set_field(walk, GOVREPORT_FIELD_PUBLISHED, s, len);
	case GR_JSON_ORGAN:
	case GR_JSON_TITLE:
		return set_field(walk, gr_json_meta_field(f->key), s, len);
	default:
		return fail_expected(walk);
	}
}

static int
build_string(struct gr_json_walk *walk, const char *s, size_t len)
{
	struct builder *b = walk->data;
	struct frame *f = top(b);
	int state;

	if (f && f->kind == IN_ROOT)
		return build_root_string(walk, f, s, len);
	if (f && f->kind == IN_TEXT)
		return set_field(walk, gr_json_text_field((size_t)f->key), s, len);
	if (f && f->kind == IN_CELL && f->key == GR_JSON_STATE) {
		state = gr_cell_state_by_name(s, len);
		if (state < 0)
			return fail_expected(walk);
		f->state = state;
		return 0;
	}
	if (f && f->kind == IN_CELL && f->key == GR_JSON_RAW) {
		if (gr_cell_set_raw(f->cell, s, len) < 0)
			return gr_json_walk_nomem(walk);
		return 0;
	}
	return fail_expected(walk);
}

static int
build_null(struct gr_json_walk *walk)
{
	struct builder *b = walk->data;
	struct frame *f = top(b);

	if (!f)
		return fail_expected(walk);
	switch (f->kind) {
	case IN_ROOT:
		/* The report starts empty: null leaves a key as it is. */
		return f->key == GR_JSON_FORMAT ? fail_expected(walk) : 0;
	case IN_TEXT:
		return 0;
	case IN_TABLE:
		return fail_expected(walk);
	case IN_ROW:
		/* A canonical null says nothing of why: the cell is missing. */
		gr_cell_set_null(&f->cells[f->first_cell + (size_t)f->key],
				 GOVREPORT_CELL_MISSING);
		return 0;
	case IN_CELL:
		return f->key == GR_JSON_STATE ? fail_expected(walk) : 0;
	}
	return fail_expected(walk);
}

static int
build_boolean(struct gr_json_walk *walk, int value)
{
	(void)value;
	return fail_expected(walk);
}

/* ---- objects ----- */

static struct frame *
push(struct builder *b, enum frame_kind kind)
{
	struct frame *parent = top(b);
	struct frame *f = &b->frames[b->depth++];

	/* A child starts from what its parent knows: table, row, cells. */
	if (parent)
		*f = *parent;
	else
		memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->seen = 0;
	f->key = -1;
	return f;
}

static int
open_table(struct gr_json_walk *walk, enum govreport_section section)
{
	struct builder *b = walk->data;
	struct frame *f;

	if (!b->report->tpl)
		return fail(walk, "expected null without a template");
	if (gr_report_add_table(b->report, section) < 0)
		return gr_json_walk_nomem(walk);
	f = push(b, IN_TABLE);
	f->table = gr_table_get(b->report->tpl, section);
	f->cells = gr_report_cells(b->report, section);
	return 0;
}

static int
open_cell(struct builder *b)
{
	struct frame *row = top(b);
	struct frame *f = push(b, IN_CELL);

	f->column = &row->group->columns[row->key];
	f->cell = &row->cells[row->first_cell + (size_t)row->key];
	f->has_value = 0;
	f->value = 0;
	f->scale = 0;
	f->state = -1;
	return 0;
}

static int
build_map_start(struct gr_json_walk *walk)
{
	struct builder *b = walk->data;
	struct frame *f = top(b);

	if (!f) {
		push(b, IN_ROOT);
		return 0;
	}
	switch (f->kind) {
	case IN_ROOT:
		if (f->key == GR_JSON_TEXT) {
			push(b, IN_TEXT);
			return 0;
		}
		if (f->key >= ROOT_KEY_TABLE(0))
			return open_table(walk, (enum govreport_section)(
							f->key - ROOT_KEY_TABLE(0)));
		break;
	case IN_TABLE:
		push(b, IN_ROW); /* the row find_row() remembered */
		return 0;
	case IN_ROW:
		return open_cell(b);
	default:
		break;
	}
	return fail_expected(walk);
}

static int
build_array_start(struct gr_json_walk *walk)
{
	return fail_expected(walk);
}

/* A detailed cell is whole: its state and value must agree. */
static int
finish_cell(struct gr_json_walk *walk, struct frame *f)
{
	enum govreport_cell_state state = (enum govreport_cell_state)f->state;
	int holds_value = state == GOVREPORT_CELL_PRESENT ||
			  state == GOVREPORT_CELL_INFERRED;

	if (holds_value && !f->has_value)
		return gr_json_walk_fail(walk, GOVREPORT_ERR_JSON, NULL,
					 "state \"%s\" needs a number as value",
					 gr_cell_state_name(state));
	if (!holds_value && f->has_value)
		return gr_json_walk_fail(walk, GOVREPORT_ERR_JSON, NULL,
					 "state \"%s\" needs null as value",
					 gr_cell_state_name(state));
	if (holds_value)
		gr_cell_set_value(f->cell, f->value, f->scale, state);
	else
		gr_cell_set_null(f->cell, state);
	return 0;
}

static int
build_map_end(struct gr_json_walk *walk)
{
	struct builder *b = walk->data;
	struct frame *f = top(b);
	uint64_t missing = required_keys(f) & ~f->seen;

	if (missing) {
		int k = 0;
		while (!(missing & (UINT64_C(1) << k)))
			k++;
		return gr_json_walk_fail(walk, GOVREPORT_ERR_JSON, key_name(f, k),
					 "missing");
	}
	if (f->kind == IN_CELL && finish_cell(walk, f) < 0)
		return -1;
	b->depth--;
	return 0;
}

static const struct gr_json_handler build_handler = {
	.null = build_null,
	.boolean = build_boolean,
	.number = build_number,
	.string = build_string,
	.map_start = build_map_start,
	.key = build_key,
	.map_end = build_map_end,
	.array_start = build_array_start,
};

/* ---- the entry point ------------------------------------------------------ */

static enum govreport_status
walk_failed(struct gr_json_walk *walk, char **error)
{
	enum govreport_status status = walk->status;

	if (error)
		*error = gr_json_walk_steal_message(walk);
	gr_json_walk_release(walk);
	return status;
}

static enum govreport_status
find_template(const char *json, size_t len, const struct gr_template **tpl,
	      char **error)
{
	struct template_scan scan = { 0 };
	struct gr_json_walk walk;

	gr_json_walk_init(&walk, &scan_handler, &scan);
	if (gr_json_walk_run(&walk, json, len) != GOVREPORT_OK)
		return walk_failed(&walk, error);
	gr_json_walk_release(&walk);
	*tpl = scan.tpl;
	return GOVREPORT_OK;
}

static enum govreport_status
build_report(const char *json, size_t len, const struct gr_template *tpl,
	     struct govreport **out, char **error)
{
	struct builder b = { .report = gr_report_new(tpl, 0) };
	struct gr_json_walk walk;

	if (!b.report)
		return GOVREPORT_ERR_NOMEM;
	gr_json_walk_init(&walk, &build_handler, &b);
	if (gr_json_walk_run(&walk, json, len) != GOVREPORT_OK) {
		govreport_free(b.report);
		return walk_failed(&walk, error);
	}
	gr_json_walk_release(&walk);
	*out = b.report;
	return GOVREPORT_OK;
}

static enum govreport_status
fail_too_large(char **error)
{
	struct gr_strbuf text;

	if (error) {
		gr_strbuf_init(&text);
		gr_strbuf_printf(&text, "(root): input larger than %zu bytes",
				 GOVREPORT_MAX_INPUT);
		*error = gr_strbuf_steal(&text, NULL);
	}
	return GOVREPORT_ERR_LIMIT;
}

GOVREPORT_EXPORT enum govreport_status
govreport_from_json(const char *json, size_t len, unsigned flags,
		    struct govreport **out, char **error)
{
	const struct gr_template *tpl = NULL;
	enum govreport_status status;

	if (out)
		*out = NULL;
	if (error)
		*error = NULL;
	if (!json || !out || flags != 0)
		return GOVREPORT_ERR_ARGUMENT;
	if (len > GOVREPORT_MAX_INPUT)
		return fail_too_large(error);

	status = find_template(json, len, &tpl, error);
	if (status != GOVREPORT_OK)
		return status;
	return build_report(json, len, tpl, out, error);
}
