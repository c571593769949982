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
#include "output/json_read.h"

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
	gr_json_walk_init(&walk, &gr_json_read_handler, &b);
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
