/*
 * The second walk of govreport_from_json(): its handler reads each value
 * into the report (metadata fields, and the cells of the tables as exact
 * numbers) and opens and closes the objects the format nests. See
 * json_read.h.
 */
#include <stdint.h>
#include <string.h>

#include "output/json_read.h"

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
	return gr_json_read_fail_expected(walk);
}

/* An integer within [min, max], or the place's expectation. */
static int
read_bounded(struct gr_json_walk *walk, const char *text, size_t len,
	     int64_t min, int64_t max, int64_t *value)
{
	unsigned scale;

	if (read_number(text, len, 0, value, &scale) != NUMBER_OK ||
	    *value < min || *value > max)
		return gr_json_read_fail_expected(walk);
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
	return gr_json_read_fail_expected(walk);
}

static int
build_root_string(struct gr_json_walk *walk, struct frame *f, const char *s,
		  size_t len)
{
	struct builder *b = walk->data;

	switch (f->key) {
	case GR_JSON_FORMAT:
		return key_is(s, len, GR_JSON_FORMAT_NAME) ? 0
							   : gr_json_read_fail_expected(walk);
	case GR_JSON_TEMPLATE:
		/* The first walk found it; the report was made with it. */
		return b->report->tpl && gr_template_by_name(s, len) == b->report->tpl
			       ? 0 : gr_json_read_fail_expected(walk);
	case GR_JSON_PUBLISHED:
		if (!gr_is_iso_date(s, len))
			return gr_json_read_fail_expected(walk);
		return set_field(walk, GOVREPORT_FIELD_PUBLISHED, s, len);
	case GR_JSON_ORGAN:
	case GR_JSON_TITLE:
		return set_field(walk, gr_json_meta_field(f->key), s, len);
	default:
		return gr_json_read_fail_expected(walk);
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
			return gr_json_read_fail_expected(walk);
		f->state = state;
		return 0;
	}
	if (f && f->kind == IN_CELL && f->key == GR_JSON_RAW) {
		if (gr_cell_set_raw(f->cell, s, len) < 0)
			return gr_json_walk_nomem(walk);
		return 0;
	}
	return gr_json_read_fail_expected(walk);
}

static int
build_null(struct gr_json_walk *walk)
{
	struct builder *b = walk->data;
	struct frame *f = top(b);

	if (!f)
		return gr_json_read_fail_expected(walk);
	switch (f->kind) {
	case IN_ROOT:
		/* The report starts empty: null leaves a key as it is. */
		return f->key == GR_JSON_FORMAT ? gr_json_read_fail_expected(walk) : 0;
	case IN_TEXT:
		return 0;
	case IN_TABLE:
		return gr_json_read_fail_expected(walk);
	case IN_ROW:
		/* A canonical null says nothing of why: the cell is missing. */
		gr_cell_set_null(&f->cells[f->first_cell + (size_t)f->key],
				 GOVREPORT_CELL_MISSING);
		return 0;
	case IN_CELL:
		return f->key == GR_JSON_STATE ? gr_json_read_fail_expected(walk) : 0;
	}
	return gr_json_read_fail_expected(walk);
}

static int
build_boolean(struct gr_json_walk *walk, int value)
{
	(void)value;
	return gr_json_read_fail_expected(walk);
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
		push(b, IN_ROW); /* the row gr_json_read_find_row() remembered */
		return 0;
	case IN_ROW:
		return open_cell(b);
	default:
		break;
	}
	return gr_json_read_fail_expected(walk);
}

static int
build_array_start(struct gr_json_walk *walk)
{
	return gr_json_read_fail_expected(walk);
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
	uint64_t missing = gr_json_read_required_keys(f) & ~f->seen;

	if (missing) {
		int k = 0;
		while (!(missing & (UINT64_C(1) << k)))
			k++;
		return gr_json_walk_fail(walk, GOVREPORT_ERR_JSON, gr_json_read_key_name(f, k),
					 "missing");
	}
	if (f->kind == IN_CELL && finish_cell(walk, f) < 0)
		return -1;
	b->depth--;
	return 0;
}

const struct gr_json_handler gr_json_read_handler = {
	.null = build_null,
	.boolean = build_boolean,
	.number = build_number,
	.string = build_string,
	.map_start = build_map_start,
	.key = gr_json_read_key,
	.map_end = build_map_end,
	.array_start = build_array_start,
};
