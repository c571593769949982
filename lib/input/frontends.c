/* The table of front ends and the door through which input comes in; see
 * frontends.h. */
#include "input/linecells.h"
#include "input/html.h"
#include "input/frontends.h"
#include "input/readers.h"
#include "input/pdflayout.h"

const struct gr_text *
gr_source_text(struct gr_source *src)
{
	if (!src->tried) {
		src->tried = 1;
		src->decoded = gr_text_decode(src->data, src->len, &src->text);
		for (size_t i = 0; src->decoded == GOVREPORT_OK && i < src->text.nlines; i++) {
			const struct gr_line *line = &src->text.lines[i];
			src->page_breaks += line->page_break;
			if (line->len > src->longest_line)
				src->longest_line = line->len;
		}
	}
	return src->decoded == GOVREPORT_OK ? &src->text : NULL;
}

const struct gr_text *
gr_source_raw(struct gr_source *src)
{
	if (!src->raw_tried) {
		src->raw_tried = 1;
		src->raw_decoded = gr_text_decode_as(src->data, src->len, NULL,
						     GR_DECODE_RAW, &src->raw);
	}
	return src->raw_decoded == GOVREPORT_OK ? &src->raw : NULL;
}

void
gr_source_drop_texts(struct gr_source *src)
{
	if (src->tried && src->decoded == GOVREPORT_OK)
		gr_text_release(&src->text);
	if (src->raw_tried && src->raw_decoded == GOVREPORT_OK)
		gr_text_release(&src->raw);
	src->tried = src->raw_tried = 1;
	src->decoded = src->raw_decoded = GOVREPORT_ERR_INTERNAL;
}

enum govreport_status
gr_frontend_take_text(struct gr_source *src, struct gr_text *text)
{
	if (!gr_source_text(src))
		return src->decoded;
	*text = src->text;
	src->text = (struct gr_text){ 0 };
	src->decoded = GOVREPORT_ERR_INTERNAL;
	return GOVREPORT_OK;
}

/* A text shape: the decoded lines, read into items by `reader`. */
static enum govreport_status
build_text(struct gr_source *src, struct gr_text *text, struct gr_items *items,
	   int (*reader)(const struct gr_text *, struct gr_items *))
{
	enum govreport_status st = gr_frontend_take_text(src, text);

	*items = (struct gr_items){ 0 };
	if (st != GOVREPORT_OK)
		return st;
	if (reader(text, items) < 0) {
		gr_text_release(text);
		return GOVREPORT_ERR_NOMEM;
	}
	return GOVREPORT_OK;
}

enum govreport_status
gr_frontend_build_lines(struct gr_source *src, struct gr_text *text,
			struct gr_items *items, const struct gr_line_shape *shape)
{
	enum govreport_status st = gr_frontend_take_text(src, text);
	struct gr_line_reader *prose;
	int rc = 0;

	*items = (struct gr_items){ 0 };
	if (st != GOVREPORT_OK)
		return st;
	prose = gr_line_reader_new(text, items);
	if (!prose)
		rc = -1;
	for (size_t i = 0; i < text->nlines && rc == 0; i++) {
		const struct gr_line *line = &text->lines[i];
		if (shape->owns(gr_line_text(text, line), line->len))
			rc = shape->read(items, text, line, shape->state);
		else
			rc = gr_line_reader_read(prose, i);
	}
	if (gr_line_reader_finish(prose) < 0)
		rc = -1;
	if (rc < 0) {
		gr_items_release(items);
		gr_text_release(text);
		return GOVREPORT_ERR_NOMEM;
	}
	return GOVREPORT_OK;
}

/* ---- HTML (html.c) ---------------------------------------------------- */

/* HTML is told from its bytes even in a build that cannot read it, so
 * that such a build refuses it instead of reading the markup as text. */
static int
sniff_html(struct gr_source *src)
{
	return gr_html_detect(src->data, src->len);
}

/* Decoded in the charset the page declares, as written: the front end
 * normalises the text it takes out of the markup. */
static enum govreport_status
build_html(struct gr_source *src, struct gr_text *text, struct gr_items *items)
{
	char name[64];
	const char *charset = gr_html_charset(src->data, src->len, name, sizeof(name));
	struct gr_text raw;
	enum govreport_status st;

	*text = (struct gr_text){ 0 };
	*items = (struct gr_items){ 0 };
	if (!gr_html_available())
		return GOVREPORT_ERR_INPUT_UNSUPPORTED;
	/* The sniffs' decodings are not what the page is read from: each is
	 * as large as the page. */
	gr_source_drop_texts(src);
	st = gr_text_decode_as(src->data, src->len, charset, GR_DECODE_RAW, &raw);
	if (st != GOVREPORT_OK)
		return st;
	st = gr_html_build(&raw, text, items);
	gr_text_release(&raw);
	return st;
}

/* ---- pdftotext -layout (pdflayout.c) -------------------------------------- */

static int
sniff_layout(struct gr_source *src)
{
	const struct gr_text *text = gr_source_text(src);
	return text && gr_layout_detect(text);
}

static enum govreport_status
build_layout(struct gr_source *src, struct gr_text *text, struct gr_items *items)
{
	return build_text(src, text, items, gr_layout_build);
}

/* ---- text with cells marked line by line (linecells.c) ---------------------- */

static enum govreport_status
build_cells(struct gr_source *src, struct gr_text *text, struct gr_items *items)
{
	return build_text(src, text, items, gr_items_build);
}

/*
 * Tried in this order: a shape with marks of its own before the shapes
 * that are recognised by what they lack; the text reader, which reads
 * anything that decodes, last.
 */
static const struct gr_frontend frontends[] = {
	/* Files first: their magic bytes say what they are. */
	{ "docx", GR_FORMAT_FILE, GOVREPORT_FORMAT_DOCX, gr_docx_sniff, gr_docx_build },
	{ "odt", GR_FORMAT_FILE, GOVREPORT_FORMAT_ODT, gr_odt_sniff, gr_odt_build },
	{ "doc", GR_FORMAT_FILE, 0, gr_ole2_sniff, gr_ole2_build },
	/* Before HTML: pandoc's Markdown holds a table its grids cannot as
	 * an HTML table, which alone would make the page look like HTML. */
	{ "grid-table", GOVREPORT_FORMAT_TEXT, 0, gr_gridtable_sniff, gr_gridtable_build },
	/* Before HTML: poppler's XHTML of word boxes is HTML too. */
	{ "pdftotext-bbox", GOVREPORT_FORMAT_HTML, GOVREPORT_FORMAT_BBOX, gr_bbox_sniff, gr_bbox_build },
	{ "html", GOVREPORT_FORMAT_HTML, 0, sniff_html, build_html },
	{ "word-text", GOVREPORT_FORMAT_TEXT, 0, gr_tabrows_sniff, gr_tabrows_build },
	{ "web-oneline", GOVREPORT_FORMAT_TEXT, 0, gr_oneline_sniff, gr_oneline_build },
	{ "pdftotext-layout", GOVREPORT_FORMAT_LAYOUT, 0, sniff_layout, build_layout },
	{ "pdftotext", GOVREPORT_FORMAT_TEXT, 0, gr_pdftext_sniff, gr_pdftext_build },
	{ "text", GOVREPORT_FORMAT_TEXT, 0, NULL, build_cells },
};

const struct gr_frontend *
gr_frontends(size_t *count)
{
	*count = sizeof(frontends) / sizeof(frontends[0]);
	return frontends;
}

int
gr_input_family_available(unsigned format)
{
	return format != GOVREPORT_FORMAT_HTML || gr_html_available();
}

enum govreport_status
gr_input_read(const char *data, size_t len, size_t max_input, unsigned format,
	      struct gr_text *text, struct gr_items *items,
	      const struct gr_frontend **used)
{
	struct gr_source src = { .data = data, .len = len, .max_input = max_input };
	const struct gr_frontend *chosen = NULL;
	enum govreport_status st;
	size_t n;
	const struct gr_frontend *fe = gr_frontends(&n);

	*text = (struct gr_text){ 0 };
	*items = (struct gr_items){ 0 };
	/* A shape the caller names: read as that, whatever it looks like. */
	for (size_t i = 0; i < n && format && !chosen; i++)
		if (fe[i].shape == format)
			chosen = &fe[i];
	for (size_t i = 0; i < n && !chosen; i++) {
		if (format && fe[i].format != format)
			continue;
		if (!fe[i].sniff || fe[i].sniff(&src))
			chosen = &fe[i];
	}
	if (!chosen) {
		/* A family whose every member needs its marks: read by the
		 * family's last, most general member. */
		for (size_t i = n; i-- > 0 && !chosen;)
			if (!format || fe[i].format == format)
				chosen = &fe[i];
	}
	gr_items_limit_reached();
	st = chosen ? chosen->build(&src, text, items) : GOVREPORT_ERR_ARGUMENT;
	/* More cells and paragraphs than a report has: too large, not out
	 * of memory. */
	if (gr_items_limit_reached() && st != GOVREPORT_OK)
		st = GOVREPORT_ERR_INPUT_TOO_LARGE;
	gr_source_drop_texts(&src);
	if (used)
		*used = st == GOVREPORT_OK ? chosen : NULL;
	return st;
}
