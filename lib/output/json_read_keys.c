/*
 * The keys of govreport-1's objects for the second walk of
 * govreport_from_json(): which key each object takes (meta keys, tables,
 * rows, columns, a detailed cell's), which it must have, and the message
 * that says what a place expects when a value does not belong there. See
 * json_read.h.
 */
#include "output/json_read.h"

/* ---- what each place expects ----- */

static const char *
number_expectation(const struct gr_column *column)
{
	return (column->flags & GR_COL_MONEY) ? "expected decimal number or null"
					      : "expected integer or null";
}

/* Fail with the message built in text (released). */
static int
fail_with_text(struct gr_json_walk *walk, struct gr_strbuf *text)
{
	if (gr_strbuf_failed(text))
		return gr_json_walk_nomem(walk);
	gr_json_walk_fail(walk, GOVREPORT_ERR_JSON, NULL, "%s", text->data);
	gr_strbuf_release(text);
	return -1;
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
	return fail_with_text(walk, &text);
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
	return fail_with_text(walk, &text);
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
int
gr_json_read_fail_expected(struct gr_json_walk *walk)
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
int
gr_json_read_find_row(struct frame *f, const char *key, size_t len, int wanted)
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
	case IN_TABLE: return gr_json_read_find_row(f, key, len, -1);
	case IN_ROW: return find_column_key(f, key, len);
	case IN_CELL: return find_detail_key(key, len);
	}
	return -1;
}

/* The name of key k of a frame, for "<path>.<key>: missing". */
const char *
gr_json_read_key_name(struct frame *f, int k)
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
		return gr_json_read_find_row(f, NULL, 0, k) >= 0 ? f->row->id : NULL;
	case IN_ROW:
		return f->group->columns[k].id;
	case IN_CELL:
		return gr_json_detail_key((enum gr_json_detail)k);
	}
	return NULL;
}

/* The keys an object of this kind must have: all but "text", and of a
 * detailed cell "value" and "state". */
uint64_t
gr_json_read_required_keys(const struct frame *f)
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

int
gr_json_read_key(struct gr_json_walk *walk, const char *key, size_t len)
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
