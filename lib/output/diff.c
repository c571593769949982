/*
 * govreport_diff(): what differs between two reports, key by key, in the
 * order of the canonical JSON: template, year, organ, title, published,
 * the texts, then each table's cells in template order.
 *
 * The diff compares what the canonical JSON says, as numbers: two null
 * cells are equal whatever made them null, a PRESENT 5 equals an INFERRED
 * 5, and 1.5 equals 1.50. So a report and the report read back from its
 * JSON have no differences. Each difference keeps both values and both
 * states, so a caller sees why a cell is null on either side.
 *
 * Reports of different templates are compared by ids: a row or column
 * only one template has is compared with a MISSING cell, so it is listed
 * only where that side has a value.
 */
#include <string.h>

#include "util/alloc.h"
#include "util/decimal.h"
#include "output/diff.h"
#include "output/json.h"
#include "model/report.h"

#define KNOWN_JSON_FLAGS GOVREPORT_JSON_PRETTY

_Static_assert(sizeof(enum govreport_diff_kind) == sizeof(int), "enum size");

static const char *const kind_names[] = {
	[GOVREPORT_DIFF_CELL] = "cell",
	[GOVREPORT_DIFF_TABLE] = "table",
	[GOVREPORT_DIFF_TEMPLATE] = "template",
	[GOVREPORT_DIFF_YEAR] = "year",
	[GOVREPORT_DIFF_TEXT] = "text",
};

const char *
gr_diff_kind_name(enum govreport_diff_kind kind)
{
	if ((unsigned)kind >= sizeof(kind_names) / sizeof(kind_names[0]))
		return NULL;
	return kind_names[kind];
}

/* ---- building the list ----------------------------------------------- */

static void
diff_release(struct govreport_diff *d)
{
	for (size_t i = 0; i < d->count; i++) {
		gr_free(d->items[i].side[0].text);
		gr_free(d->items[i].side[1].text);
	}
	gr_free(d->items);
	gr_free(d);
}

/* Append a difference; the sides' texts are copied. Returns 0 or -1. */
static int
add(struct govreport_diff *d, enum govreport_diff_kind kind,
    const char *section, const char *row, const char *column,
    const struct gr_diff_side *a, const struct gr_diff_side *b)
{
	struct gr_diff_item item = { kind, section, row, column, { *a, *b } };

	item.side[0].text = item.side[1].text = NULL;
	if ((a->text && !(item.side[0].text = gr_strdup(a->text))) ||
	    (b->text && !(item.side[1].text = gr_strdup(b->text))))
		goto fail;
	if (d->count == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct gr_diff_item *items =
			gr_realloc(d->items, cap * sizeof(*items));
		if (!items)
			goto fail;
		d->items = items;
		d->cap = cap;
	}
	d->items[d->count++] = item;
	return 0;
fail:
	gr_free(item.side[0].text);
	gr_free(item.side[1].text);
	return -1;
}

static struct gr_diff_side
number_side(int64_t value)
{
	return (struct gr_diff_side){
		value, 0,
		value ? GOVREPORT_CELL_PRESENT : GOVREPORT_CELL_MISSING, NULL
	};
}

static struct gr_diff_side
text_side(const char *text)
{
	return (struct gr_diff_side){
		0, 0, text ? GOVREPORT_CELL_PRESENT : GOVREPORT_CELL_MISSING,
		(char *)text
	};
}

static int
same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int
diff_meta(struct govreport_diff *d, const struct govreport *a,
	  const struct govreport *b)
{
	const char *tpl_key = gr_json_meta_key(GR_JSON_TEMPLATE);

	if (a->tpl != b->tpl) {
		struct gr_diff_side sa = number_side(a->tpl ? a->tpl->id : 0);
		struct gr_diff_side sb = number_side(b->tpl ? b->tpl->id : 0);
		sa.text = a->tpl ? (char *)a->tpl->name : NULL;
		sb.text = b->tpl ? (char *)b->tpl->name : NULL;
		if (add(d, GOVREPORT_DIFF_TEMPLATE, tpl_key, NULL, NULL, &sa, &sb) < 0)
			return -1;
	}
	if (a->year != b->year) {
		struct gr_diff_side sa = number_side(a->year);
		struct gr_diff_side sb = number_side(b->year);
		if (add(d, GOVREPORT_DIFF_YEAR, gr_json_meta_key(GR_JSON_YEAR), NULL,
			NULL, &sa, &sb) < 0)
			return -1;
	}
	for (int k = GR_JSON_ORGAN; k <= GR_JSON_PUBLISHED; k++) {
		int f = gr_json_meta_field((enum gr_json_meta)k);
		struct gr_diff_side sa = text_side(a->fields[f]);
		struct gr_diff_side sb = text_side(b->fields[f]);
		if (same_text(sa.text, sb.text))
			continue;
		if (add(d, GOVREPORT_DIFF_TEXT, gr_json_meta_key((enum gr_json_meta)k),
			NULL, NULL, &sa, &sb) < 0)
			return -1;
	}
	for (size_t i = 0; i < GR_JSON_TEXT_COUNT; i++) {
		enum govreport_field f = gr_json_text_field(i);
		struct gr_diff_side sa = text_side(a->fields[f]);
		struct gr_diff_side sb = text_side(b->fields[f]);
		if (same_text(sa.text, sb.text))
			continue;
		if (add(d, GOVREPORT_DIFF_TEXT, gr_json_meta_key(GR_JSON_TEXT),
			gr_json_text_key(i), NULL, &sa, &sb) < 0)
			return -1;
	}
	return 0;
}

static const struct gr_cell missing_cell = { .state = GOVREPORT_CELL_MISSING };

static struct gr_diff_side
cell_side(const struct gr_cell *cell)
{
	int has = gr_cell_has_value(cell);

	return (struct gr_diff_side){
		has ? cell->value : 0, has ? cell->scale : 0,
		(enum govreport_cell_state)cell->state, NULL
	};
}

static int
same_cell(const struct gr_cell *a, const struct gr_cell *b)
{
	int ha = gr_cell_has_value(a), hb = gr_cell_has_value(b);

	if (!ha || !hb)
		return ha == hb;
	return gr_decimal_equal(a->value, a->scale, b->value, b->scale);
}

static int
compare_cell(struct govreport_diff *d, const struct gr_cell_ref *ref,
	     const struct gr_cell *a, const struct gr_cell *b)
{
	struct gr_diff_side sa, sb;

	if (same_cell(a, b))
		return 0;
	sa = cell_side(a);
	sb = cell_side(b);
	return add(d, GOVREPORT_DIFF_CELL, ref->table->id, ref->row->id,
		   ref->column->id, &sa, &sb);
}

/* The cell with the same row and column ids in another table, or NULL. */
static const struct gr_cell *
counterpart(const struct gr_table *table, const struct gr_cell *cells,
	    const struct gr_cell_ref *ref)
{
	struct gr_cell_ref other;

	if (gr_cell_find_id(table, ref->row->id, strlen(ref->row->id),
			    ref->column->id, strlen(ref->column->id), &other) < 0)
		return NULL;
	return &cells[other.index];
}

static int
diff_table(struct govreport_diff *d, const struct govreport *a,
	   const struct govreport *b, enum govreport_section section)
{
	const struct gr_table *ta = gr_table_get(a->tpl, section);
	const struct gr_table *tb = gr_table_get(b->tpl, section);
	const struct gr_cell *ca = ta ? gr_report_cells(a, section) : NULL;
	const struct gr_cell *cb = tb ? gr_report_cells(b, section) : NULL;
	struct gr_cell_ref ref;

	if (!ca && !cb)
		return 0;
	if (!ca || !cb) {
		struct gr_diff_side sa = number_side(0), sb = number_side(0);
		sa.state = ca ? GOVREPORT_CELL_PRESENT : GOVREPORT_CELL_MISSING;
		sb.state = cb ? GOVREPORT_CELL_PRESENT : GOVREPORT_CELL_MISSING;
		return add(d, GOVREPORT_DIFF_TABLE, gr_json_section_id(section),
			   NULL, NULL, &sa, &sb);
	}
	/* a's cells in its template order, each against b's by ids… */
	for (size_t i = 0; i < ta->ncells; i++) {
		const struct gr_cell *other;
		gr_cell_at(ta, i, &ref);
		other = ta == tb ? &cb[i] : counterpart(tb, cb, &ref);
		if (compare_cell(d, &ref, &ca[i], other ? other : &missing_cell) < 0)
			return -1;
	}
	if (ta == tb)
		return 0;
	/* …then the cells only b's template has. */
	for (size_t i = 0; i < tb->ncells; i++) {
		gr_cell_at(tb, i, &ref);
		if (counterpart(ta, ca, &ref))
			continue;
		if (compare_cell(d, &ref, &missing_cell, &cb[i]) < 0)
			return -1;
	}
	return 0;
}

GOVREPORT_EXPORT enum govreport_status
govreport_diff(const struct govreport *a, const struct govreport *b,
	       struct govreport_diff **out)
{
	struct govreport_diff *d;
	int failed;

	if (!out)
		return GOVREPORT_ERR_ARGUMENT;
	*out = NULL;
	if (!a || !b)
		return GOVREPORT_ERR_ARGUMENT;
	d = gr_calloc(1, sizeof(*d));
	if (!d)
		return GOVREPORT_ERR_NOMEM;
	failed = diff_meta(d, a, b) < 0;
	for (int s = 0; !failed && s < GR_SECTION_COUNT; s++)
		failed = diff_table(d, a, b, (enum govreport_section)s) < 0;
	if (failed) {
		diff_release(d);
		return GOVREPORT_ERR_NOMEM;
	}
	*out = d;
	return GOVREPORT_OK;
}

GOVREPORT_EXPORT void
govreport_diff_free(struct govreport_diff *diff)
{
	if (diff)
		diff_release(diff);
}

/* ---- reading it -------------------------------------------------------- */

static const struct gr_diff_item *
item_at(const struct govreport_diff *diff, size_t i)
{
	return diff && i < diff->count ? &diff->items[i] : NULL;
}

GOVREPORT_EXPORT size_t
govreport_diff_count(const struct govreport_diff *diff)
{
	return diff ? diff->count : 0;
}

GOVREPORT_EXPORT int
govreport_diff_kind(const struct govreport_diff *diff, size_t i)
{
	const struct gr_diff_item *item = item_at(diff, i);
	return item ? (int)item->kind : -1;
}

GOVREPORT_EXPORT const char *
govreport_diff_section(const struct govreport_diff *diff, size_t i)
{
	const struct gr_diff_item *item = item_at(diff, i);
	return item ? item->section : NULL;
}

GOVREPORT_EXPORT const char *
govreport_diff_row(const struct govreport_diff *diff, size_t i)
{
	const struct gr_diff_item *item = item_at(diff, i);
	return item ? item->row : NULL;
}

GOVREPORT_EXPORT const char *
govreport_diff_column(const struct govreport_diff *diff, size_t i)
{
	const struct gr_diff_item *item = item_at(diff, i);
	return item ? item->column : NULL;
}

static enum govreport_status
side_value(const struct govreport_diff *diff, size_t i, int which,
	   int64_t *coefficient, unsigned *scale,
	   enum govreport_cell_state *state)
{
	const struct gr_diff_item *item = item_at(diff, i);
	const struct gr_diff_side *side;

	if (!item)
		return GOVREPORT_ERR_ARGUMENT;
	if (item->kind == GOVREPORT_DIFF_TEXT)
		return GOVREPORT_ERR_TYPE;
	side = &item->side[which];
	if (coefficient)
		*coefficient = side->value;
	if (scale)
		*scale = side->scale;
	if (state)
		*state = side->state;
	return GOVREPORT_OK;
}

GOVREPORT_EXPORT enum govreport_status
govreport_diff_a(const struct govreport_diff *diff, size_t i,
		 int64_t *coefficient, unsigned *scale,
		 enum govreport_cell_state *state)
{
	return side_value(diff, i, 0, coefficient, scale, state);
}

GOVREPORT_EXPORT enum govreport_status
govreport_diff_b(const struct govreport_diff *diff, size_t i,
		 int64_t *coefficient, unsigned *scale,
		 enum govreport_cell_state *state)
{
	return side_value(diff, i, 1, coefficient, scale, state);
}

GOVREPORT_EXPORT const char *
govreport_diff_text_a(const struct govreport_diff *diff, size_t i)
{
	const struct gr_diff_item *item = item_at(diff, i);
	return item ? item->side[0].text : NULL;
}

GOVREPORT_EXPORT const char *
govreport_diff_text_b(const struct govreport_diff *diff, size_t i)
{
	const struct gr_diff_item *item = item_at(diff, i);
	return item ? item->side[1].text : NULL;
}

/* ---- JSON ---------------------------------------------------------------- */

/* One side as the canonical JSON would have it at that key. */
static void
write_side(struct gr_json_out *out, const struct gr_diff_item *item,
	   const struct gr_diff_side *side)
{
	int has = side->state == GOVREPORT_CELL_PRESENT ||
		  side->state == GOVREPORT_CELL_INFERRED;

	switch (item->kind) {
	case GOVREPORT_DIFF_CELL:
		gr_json_out_map_open(out);
		gr_json_out_key(out, gr_json_detail_key(GR_JSON_VALUE));
		if (has)
			gr_json_out_decimal(out, side->value, side->scale);
		else
			gr_json_out_null(out);
		gr_json_out_key(out, gr_json_detail_key(GR_JSON_STATE));
		gr_json_out_string(out, gr_cell_state_name(side->state));
		gr_json_out_map_close(out);
		break;
	case GOVREPORT_DIFF_TABLE:
		gr_json_out_bool(out, has);
		break;
	case GOVREPORT_DIFF_YEAR:
		if (has)
			gr_json_out_integer(out, side->value);
		else
			gr_json_out_null(out);
		break;
	case GOVREPORT_DIFF_TEMPLATE:
	case GOVREPORT_DIFF_TEXT:
		gr_json_out_string(out, side->text);
		break;
	}
}

#define KEY_KIND "kind"
#define KEY_SECTION "section"
#define KEY_ROW "row"
#define KEY_COLUMN "column"
#define KEY_A "a"
#define KEY_B "b"
#define KEY_DIFFERENCES "differences"
#define KEY_COUNT "count"

GOVREPORT_EXPORT enum govreport_status
govreport_diff_json(const struct govreport_diff *diff, unsigned flags,
		    char **text, size_t *len)
{
	struct gr_json_out out;

	if (text)
		*text = NULL;
	if (len)
		*len = 0;
	if (!diff || !text || (flags & ~KNOWN_JSON_FLAGS))
		return GOVREPORT_ERR_ARGUMENT;
	if (gr_json_out_init(&out, (flags & GOVREPORT_JSON_PRETTY) != 0) < 0) {
		gr_json_out_release(&out);
		return GOVREPORT_ERR_NOMEM;
	}
	gr_json_out_map_open(&out);
	gr_json_out_key(&out, KEY_DIFFERENCES);
	gr_json_out_array_open(&out);
	for (size_t i = 0; i < diff->count; i++) {
		const struct gr_diff_item *item = &diff->items[i];
		gr_json_out_map_open(&out);
		gr_json_out_key(&out, KEY_KIND);
		gr_json_out_string(&out, gr_diff_kind_name(item->kind));
		gr_json_out_key(&out, KEY_SECTION);
		gr_json_out_string(&out, item->section);
		gr_json_out_key(&out, KEY_ROW);
		gr_json_out_string(&out, item->row);
		gr_json_out_key(&out, KEY_COLUMN);
		gr_json_out_string(&out, item->column);
		gr_json_out_key(&out, KEY_A);
		write_side(&out, item, &item->side[0]);
		gr_json_out_key(&out, KEY_B);
		write_side(&out, item, &item->side[1]);
		gr_json_out_map_close(&out);
	}
	gr_json_out_array_close(&out);
	gr_json_out_key(&out, KEY_COUNT);
	gr_json_out_integer(&out, (int64_t)diff->count);
	gr_json_out_map_close(&out);
	return gr_json_out_finish(&out, text, len);
}
