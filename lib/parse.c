/*
 * govreport_parse(): the pipeline. Bytes are read into the representation
 * of input/grid.h through the one door for input shapes
 * (input/frontends.c: the shape is detected unless a flag names its
 * family; text shapes are decoded and normalised by decode.c), the parts found by
 * their headings (headings.c), metadata and prose read (metadata.c), the
 * template recognised from the tables' labels (tables_detect.c), and each table
 * recovered by its section module.
 */
#include <limits.h>

#include "tables/active_disclosure.h"
#include "util/alloc.h"
#include "tables/applications.h"
#include "input/frontends.h"
#include "tables/label.h"
#include "parts/metadata.h"
#include "tables/review_litigation.h"
#include "parts/headings.h"
#include "tables/tables.h"
#include "input/text.h"

#define NONE GR_NO_ITEM

static size_t
min_of(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* The item after heading p, or `fallback` when p has none. */
static size_t
after_heading(const struct gr_parts *parts, enum gr_part p, size_t fallback)
{
	size_t begin = gr_part_begin(parts, p);
	return begin == NONE ? fallback : begin;
}

static size_t
heading_or(const struct gr_parts *parts, enum gr_part p, size_t fallback)
{
	return parts->heading[p] == NONE ? fallback : parts->heading[p];
}

/* Where the stretch holding the three tables begins and ends. */
struct table_span {
	size_t begin, end;
};

static struct table_span
tables_span(const struct gr_parts *parts)
{
	struct table_span span;

	span.begin = after_heading(parts, GR_PART_DISCLOSURE,
				   after_heading(parts, GR_PART_OVERVIEW, 0));
	span.end = heading_or(parts, GR_PART_PROBLEMS,
			      heading_or(parts, GR_PART_OTHER, parts->count));
	if (span.end < span.begin)
		span.end = span.begin;
	return span;
}

static const struct gr_row *
first_row(const struct govreport *r, enum govreport_section section)
{
	return &gr_table_get(r->tpl, section)->groups[0].rows[0];
}

static int
diag_part(struct govreport *r, enum gr_code code, enum gr_part part,
	  const struct gr_table *table)
{
	const struct gr_part_def *def = gr_part(part);
	char *zh, *en;

	switch (code) {
	case GR_SECTION_MISSING:
		zh = gr_printf("未找到第%s部分“%s”", def->number, def->heading);
		en = gr_printf("part %s (%s) was not found", def->number, def->en);
		break;
	case GR_HEADING_MISSING:
		zh = gr_printf("第%s部分“%s”缺少标题，表格已按内容识别",
			       def->number, def->heading);
		en = gr_printf("part %s (%s) has no heading; its table was "
			       "recognised by its content", def->number, def->en);
		break;
	default:
		zh = gr_printf("第%s部分“%s”的表格无法读取", def->number,
			       def->heading);
		en = gr_printf("the table of part %s (%s) could not be read",
			       def->number, def->en);
		break;
	}
	r->parts_noted |= 1u << part;
	return gr_diag_add(&r->diags, code, table, NULL, 0, zh, en);
}

/*
 * Say what became of a table's part: nothing when heading and table are
 * there; HEADING_MISSING when the table was found without its heading;
 * TABLE_UNREADABLE when the heading is there but the table is not;
 * SECTION_MISSING when neither is.
 */
static int
report_table(struct govreport *r, const struct gr_parts *parts,
	     enum gr_part part, enum govreport_section section, int found)
{
	const struct gr_table *table = gr_table_get(r->tpl, section);
	int heading = parts->heading[part] != NONE;

	if (found < 0)
		return -1;
	if (found > 0)
		return heading ? 0 : diag_part(r, GR_HEADING_MISSING, part, table);
	return diag_part(r, heading ? GR_TABLE_UNREADABLE : GR_SECTION_MISSING,
			 part, table);
}

static int
recover_tables(struct govreport *r, const struct gr_items *items,
	       const struct gr_parts *parts, struct table_span span)
{
	size_t apps_label, review_label, ad_end, apps_begin, apps_end, rl_begin;
	int found;

	/* Tables are found by their content, so a missing heading costs
	 * nothing: the first row of 三 and the header 行政复议 of 四 bound
	 * the tables before them. */
	apps_label = gr_find_label(items, span.begin, span.end,
				   first_row(r, GOVREPORT_SECTION_APPLICATIONS));
	review_label = gr_find_label(items, min_of(apps_label, span.end), span.end,
				     first_row(r, GOVREPORT_SECTION_REVIEW_LITIGATION));

	ad_end = min_of(min_of(heading_or(parts, GR_PART_APPLICATIONS, span.end),
			       heading_or(parts, GR_PART_REVIEW, span.end)),
			min_of(apps_label, review_label));
	apps_begin = after_heading(parts, GR_PART_APPLICATIONS, ad_end);
	apps_end = min_of(heading_or(parts, GR_PART_REVIEW, span.end), review_label);
	rl_begin = after_heading(parts, GR_PART_REVIEW, review_label);

	found = gr_ad_recover(r, items, span.begin, ad_end);
	if (report_table(r, parts, GR_PART_DISCLOSURE,
			 GOVREPORT_SECTION_ACTIVE_DISCLOSURE, found) < 0)
		return -1;
	found = apps_begin < apps_end ? gr_app_recover(r, items, apps_begin, apps_end) : 0;
	if (report_table(r, parts, GR_PART_APPLICATIONS,
			 GOVREPORT_SECTION_APPLICATIONS, found) < 0)
		return -1;
	found = rl_begin < span.end ? gr_rl_recover(r, items, rl_begin, span.end) : 0;
	return report_table(r, parts, GR_PART_REVIEW,
			    GOVREPORT_SECTION_REVIEW_LITIGATION, found);
}

/*
 * The template, from the labels only one template has; when the tables
 * hold none of those, from the year (the "2021" template is due from
 * report year 2021 on), said with TEMPLATE_GUESSED.
 */
static int
choose_template(struct govreport *r, const struct gr_items *items,
		struct table_span span)
{
	enum govreport_template id = gr_detect_template(items, span.begin, span.end);
	const struct gr_template *guess;

	if (id != GOVREPORT_TEMPLATE_UNKNOWN) {
		r->tpl = gr_template_get(id);
		return 0;
	}
	/* Any table at all? Rows of 三 are the same in both templates. */
	/* An unknown year: the latest template. */
	guess = gr_template_due(r->year ? r->year : INT_MAX);
	if (gr_find_label(items, span.begin, span.end,
			  &guess->tables[GOVREPORT_SECTION_APPLICATIONS].groups[0].rows[0]) ==
	    span.end) {
		return gr_diag_add(&r->diags, GR_TEMPLATE_UNKNOWN, NULL, NULL, 0,
				   gr_printf("表格与两种模板（%s年版、%s年版）均不符",
					     gr_template_get(GOVREPORT_TEMPLATE_2019)->name,
					     gr_template_get(GOVREPORT_TEMPLATE_2021)->name),
				   gr_printf("the tables match neither template (%s or %s)",
					     gr_template_get(GOVREPORT_TEMPLATE_2019)->name,
					     gr_template_get(GOVREPORT_TEMPLATE_2021)->name));
	}
	r->tpl = guess;
	return gr_diag_add(&r->diags, GR_TEMPLATE_GUESSED, NULL, NULL, 0,
			   gr_printf("表格中没有区分两种模板的标签，按年度采用%s年版模板",
				     guess->name),
			   gr_printf("no label tells the templates apart; the %s template "
				     "was chosen from the year", guess->name));
}

/* Without a template no table is read: say so for each table's part. */
static int
report_table_parts(struct govreport *r, const struct gr_parts *parts)
{
	static const enum gr_part tables[] = { GR_PART_DISCLOSURE,
					       GR_PART_APPLICATIONS, GR_PART_REVIEW };

	for (size_t i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		enum gr_code code = parts->heading[tables[i]] == NONE
					    ? GR_SECTION_MISSING
					    : GR_TABLE_UNREADABLE;
		if (diag_part(r, code, tables[i], NULL) < 0)
			return -1;
	}
	return 0;
}

static int
report_prose_parts(struct govreport *r, const struct gr_parts *parts)
{
	static const enum gr_part prose[] = { GR_PART_OVERVIEW, GR_PART_PROBLEMS,
					      GR_PART_OTHER };

	for (size_t i = 0; i < sizeof(prose) / sizeof(prose[0]); i++)
		if (parts->heading[prose[i]] == NONE &&
		    diag_part(r, GR_SECTION_MISSING, prose[i], NULL) < 0)
			return -1;
	return 0;
}

static int
parse_items(struct govreport *r, const struct gr_text *text,
	    struct gr_items *items)
{
	struct gr_parts parts;
	struct table_span span;

	/* Headings, template and tables all match the same items' keys. */
	if (gr_item_keys_make(items) < 0)
		return -1;
	if (text->gb18030 &&
	    gr_diag_add(&r->diags, GR_ENCODING_GB18030, NULL, NULL, 0,
			gr_printf("文本不是UTF-8，已按GB18030解码"),
			gr_printf("the text is not UTF-8 and was decoded as GB18030")) < 0)
		return -1;
	if (gr_text_diag_invalid(text, &r->diags) < 0)
		return -1;
	gr_find_parts(items, &parts);
	if (gr_read_metadata(r, text, items, &parts) < 0)
		return -1;
	span = tables_span(&parts);
	if (choose_template(r, items, span) < 0)
		return -1;
	if (r->tpl ? recover_tables(r, items, &parts, span) < 0
		   : report_table_parts(r, &parts) < 0)
		return -1;
	return report_prose_parts(r, &parts);
}

#define FORMAT_FLAGS \
	(GOVREPORT_FORMAT_TEXT | GOVREPORT_FORMAT_HTML | GOVREPORT_FORMAT_LAYOUT | \
	 GOVREPORT_FORMAT_DOCX | GOVREPORT_FORMAT_ODT | GOVREPORT_FORMAT_BBOX)

GOVREPORT_EXPORT enum govreport_status
govreport_parse_limited(const char *data, size_t len, unsigned flags,
			size_t max_input, struct govreport **out)
{
	struct gr_text text;
	struct gr_items items;
	struct govreport *r;
	enum govreport_status st;
	unsigned format = flags & FORMAT_FLAGS;

	if (!out)
		return GOVREPORT_ERR_ARGUMENT;
	*out = NULL;
	/* Unknown flags, or more than one shape. */
	if ((!data && len) || (flags & ~FORMAT_FLAGS) || (format & (format - 1)))
		return GOVREPORT_ERR_ARGUMENT;
	if (format && !gr_input_family_available(format))
		return GOVREPORT_ERR_ARGUMENT;
	if (max_input == 0)
		max_input = GOVREPORT_MAX_INPUT;
	if (max_input > GOVREPORT_MAX_INPUT_CEILING)
		return GOVREPORT_ERR_RANGE;
	/* Refused before a byte is read: the caller may not own that much. */
	if (len > max_input)
		return GOVREPORT_ERR_INPUT_TOO_LARGE;
	st = gr_input_read(data, len, max_input, format, &text, &items, NULL);
	if (st != GOVREPORT_OK)
		return st;
	r = gr_report_new(NULL, 0);
	if (!r || parse_items(r, &text, &items) < 0) {
		govreport_free(r);
		r = NULL;
	}
	gr_items_release(&items);
	gr_text_release(&text);
	if (!r)
		return GOVREPORT_ERR_NOMEM;
	*out = r;
	return GOVREPORT_OK;
}

GOVREPORT_EXPORT enum govreport_status
govreport_parse(const char *data, size_t len, unsigned flags,
		struct govreport **out)
{
	return govreport_parse_limited(data, len, flags, 0, out);
}
