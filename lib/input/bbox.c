/*
 * pdftotext -bbox-layout XHTML (SPEC §2 item 14) → the representation.
 *
 * poppler writes every word of a PDF with its box in points:
 *   <page><flow><block><line><word xMin yMin xMax yMax>规章</word>…
 * The words are laid out again as pdftotext -layout lays out text, and
 * read by the layout reader (pdflayout.h), which joins wrapped labels, finds
 * columns and drops page furniture: on each page, words whose vertical
 * middles lie within half a line of each other are one line, ordered by
 * their left edges; a word starts at the column its left edge gives, in
 * units of half a Chinese character (a Chinese character is two columns
 * wide, as in -layout text), at least two columns after the word before
 * it when the gap between them is wider than a space, and one column after
 * it when it is not (a title in a larger font stays one run of text); a
 * page ends with a form feed. Each line keeps the source line of its first word.
 *
 * The XML is read with libxml2, with no network access, no entity
 * substitution and no DTD loaded (poppler's doctype names one).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "util/alloc.h"
#include "input/readers.h"
#include "input/pdflayout.h"
#include "util/strbuf.h"
#include "util/utf8.h"

/* How far into the input the marks of the shape are looked for. */
#define GR_BBOX_SNIFF 65536
/* Words of one page kept at most (a page of a report has a few hundred). */
#define GR_BBOX_MAX_WORDS 100000

struct word {
	double x0, x1, y0, y1;
	const char *text; /* xmlNodeGetContent(): freed with xmlFree */
	size_t len;
	size_t width;     /* display columns */
	size_t columns;   /* display columns once normalised (NFKC) */
	long line;        /* source line */
};

struct page {
	struct word *words;
	size_t count, cap;
};

int
gr_bbox_sniff(struct gr_source *src)
{
	size_t n = src->len < GR_BBOX_SNIFF ? src->len : GR_BBOX_SNIFF;

	return gr_search(src->data, n, "<doc>", 5) && gr_search(src->data, n, "<page width=", 12);
}

/*
 * Display columns of a word as printed, or (`normalised`) as the layout
 * reader counts them (GR_LAYOUT_DISPLAY): the text laid out here is
 * normalised before the reader sees it, and NFKC makes full-width ASCII
 * forms and the ideographic space (（一）, ：, ％) one column wide; and a
 * PDF draws curly quotes narrow, so they count one column there too.
 * Laid out with a wider count, the numbers after them would move right of
 * their column; with a narrower one, left.
 */
static size_t
display_width(const char *s, size_t len, int normalised)
{
	size_t pos = 0, width = 0;
	int32_t c;

	while ((c = gr_utf8_next(s, len, &pos)) >= 0) {
		int narrowed = normalised && ((c >= 0xFF01 && c <= 0xFF5E) || c == 0x3000);
		width += gr_is_wide(c, normalised ? GR_WIDE_PDF : GR_WIDE_TERMINAL) &&
				 !narrowed ? 2 : 1;
	}
	return width;
}

static double
number_attr(xmlNode *node, const char *name)
{
	xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
	double d = v ? strtod((const char *)v, NULL) : 0;

	xmlFree(v);
	return isfinite(d) ? d : 0;
}

static int
is_element(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, name) == 0;
}

static int
add_word(struct page *p, xmlNode *node)
{
	struct word *w;
	xmlChar *text;

	if (p->count >= GR_BBOX_MAX_WORDS)
		return 0;
	if (p->count == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 256;
		struct word *grown = gr_realloc(p->words, cap * sizeof(*grown));
		if (!grown)
			return -1;
		p->words = grown;
		p->cap = cap;
	}
	text = xmlNodeGetContent(node);
	if (!text)
		return 0;
	w = &p->words[p->count++];
	*w = (struct word){
		.x0 = number_attr(node, "xMin"), .x1 = number_attr(node, "xMax"),
		.y0 = number_attr(node, "yMin"), .y1 = number_attr(node, "yMax"),
		.text = (const char *)text, .len = strlen((const char *)text),
		.line = xmlGetLineNo(node),
	};
	w->width = display_width(w->text, w->len, 0);
	w->columns = display_width(w->text, w->len, 1);
	return 0;
}

/* Every <word> under node, in document order. */
static int
collect_words(struct page *p, xmlNode *node, int depth)
{
	for (xmlNode *c = node->children; c; c = c->next) {
		if (is_element(c, "word")) {
			if (add_word(p, c) < 0)
				return -1;
		} else if (c->type == XML_ELEMENT_NODE && depth < 8 &&
			   collect_words(p, c, depth + 1) < 0) {
			return -1;
		}
	}
	return 0;
}

static void
release_page(struct page *p)
{
	for (size_t i = 0; i < p->count; i++)
		xmlFree((xmlChar *)p->words[i].text);
	gr_free(p->words);
	*p = (struct page){ 0 };
}

static int
compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Half the width of a Chinese character, and half a line's height: the
 * medians over the page's words. */
static void
page_units(const struct page *p, double *unit, double *half_line)
{
	double *units = gr_calloc(p->count ? p->count : 1, sizeof(*units));
	double *heights = gr_calloc(p->count ? p->count : 1, sizeof(*heights));
	size_t n = 0;

	*unit = 6;
	*half_line = 6;
	if (!units || !heights || p->count == 0) {
		gr_free(units);
		gr_free(heights);
		return;
	}
	for (size_t i = 0; i < p->count; i++) {
		const struct word *w = &p->words[i];
		if (w->width == 0 || w->x1 <= w->x0 || w->y1 <= w->y0)
			continue;
		units[n] = (w->x1 - w->x0) / (double)w->width;
		heights[n++] = w->y1 - w->y0;
	}
	if (n) {
		qsort(units, n, sizeof(*units), compare_double);
		qsort(heights, n, sizeof(*heights), compare_double);
		*unit = units[n / 2] > 0.5 ? units[n / 2] : 0.5;
		*half_line = heights[n / 2] / 2;
	}
	gr_free(units);
	gr_free(heights);
}

static int
compare_middle(const void *a, const void *b)
{
	const struct word *x = a, *y = b;
	double mx = (x->y0 + x->y1) / 2, my = (y->y0 + y->y1) / 2;

	if (mx != my)
		return (mx > my) - (mx < my);
	return (x->x0 > y->x0) - (x->x0 < y->x0);
}

static int
compare_left(const void *a, const void *b)
{
	const struct word *x = a, *y = b;
	return (x->x0 > y->x0) - (x->x0 < y->x0);
}

/* Lines of text and, per line, the source line of its first word. */
struct layout_out {
	struct gr_strbuf text;
	long *source;
	size_t nlines, cap;
	size_t words; /* on every page: none means no text layer */
};

static int
end_line(struct layout_out *out, long source)
{
	if (out->nlines == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 256;
		long *grown = gr_realloc(out->source, cap * sizeof(*grown));
		if (!grown)
			return -1;
		out->source = grown;
		out->cap = cap;
	}
	out->source[out->nlines++] = source;
	gr_strbuf_putc(&out->text, '\n');
	return gr_strbuf_failed(&out->text) ? -1 : 0;
}

/* One line's words [from, to), ordered by their left edges. */
static int
write_line(struct layout_out *out, struct word *w, size_t from, size_t to, double unit)
{
	size_t column = 0;

	qsort(w + from, to - from, sizeof(*w), compare_left);
	for (size_t i = from; i < to; i++) {
		double at = w[i].x0 / unit;
		size_t want = at > 0 && at < 100000 ? (size_t)(at + 0.5) : 0;
		if (i > from) {
			/* Words a space apart are one run of text, whatever
			 * their font size; a wider gap is a column gap: two
			 * spaces at least, as pdftotext -layout writes it. */
			if (w[i].x0 - w[i - 1].x1 <= 1.5 * unit)
				want = column + 1;
			else if (want < column + 2)
				want = column + 2;
		}
		while (column < want) {
			gr_strbuf_putc(&out->text, ' ');
			column++;
		}
		gr_strbuf_append(&out->text, w[i].text, w[i].len);
		column += w[i].columns;
	}
	return end_line(out, w[from].line);
}

static int
write_page(struct layout_out *out, struct page *p, int first_page)
{
	double unit, half_line;
	size_t from = 0;

	if (!first_page)
		gr_strbuf_putc(&out->text, '\f');
	if (p->count == 0)
		return end_line(out, 0);
	page_units(p, &unit, &half_line);
	qsort(p->words, p->count, sizeof(*p->words), compare_middle);
	while (from < p->count) {
		double middle = (p->words[from].y0 + p->words[from].y1) / 2;
		size_t to = from + 1;
		while (to < p->count &&
		       (p->words[to].y0 + p->words[to].y1) / 2 - middle <= half_line)
			to++;
		if (write_line(out, p->words, from, to, unit) < 0)
			return -1;
		from = to;
	}
	return 0;
}

static int
write_pages(struct layout_out *out, xmlNode *node, int *pages, int depth)
{
	for (xmlNode *c = node->children; c; c = c->next) {
		if (is_element(c, "page")) {
			struct page p = { 0 };
			int rc = collect_words(&p, c, 0);
			out->words += p.count;
			if (rc == 0)
				rc = write_page(out, &p, *pages == 0);
			release_page(&p);
			(*pages)++;
			if (rc < 0)
				return -1;
		} else if (c->type == XML_ELEMENT_NODE && !is_element(c, "head") && depth < 4 &&
			   write_pages(out, c, pages, depth + 1) < 0) {
			return -1;
		}
	}
	return 0;
}

/* The laid-out lines keep the source lines (and offsets) of their words. */
static void
point_at_source(struct gr_text *text, const struct layout_out *out,
		const struct gr_text *raw)
{
	for (size_t i = 0; i < text->nlines && i < out->nlines; i++) {
		long line = out->source[i];
		if (line <= 0)
			continue;
		text->lines[i].number = (uint32_t)line;
		text->lines[i].offset = raw && (size_t)line <= raw->nlines
						? raw->lines[line - 1].offset
						: 0;
	}
}

enum govreport_status
gr_bbox_build(struct gr_source *src, struct gr_text *text, struct gr_items *items)
{
	struct layout_out out = { 0 };
	xmlDocPtr doc;
	enum govreport_status st;
	int pages = 0;

	*text = (struct gr_text){ 0 };
	*items = (struct gr_items){ 0 };
	if (src->len > INT32_MAX)
		return GOVREPORT_ERR_INPUT_TOO_LARGE;
	doc = xmlReadMemory(src->data, (int)src->len, NULL, "UTF-8",
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
				    XML_PARSE_RECOVER);
	if (!doc)
		return GOVREPORT_ERR_INPUT_NOT_TEXT;
	gr_strbuf_init(&out.text);
	if (xmlDocGetRootElement(doc) &&
	    write_pages(&out, xmlDocGetRootElement(doc), &pages, 0) < 0) {
		st = GOVREPORT_ERR_NOMEM;
	} else if (gr_strbuf_failed(&out.text)) {
		st = GOVREPORT_ERR_NOMEM;
	} else if (pages == 0) {
		/* Named as bbox (GOVREPORT_FORMAT_BBOX) but no page in it:
		 * not what pdftotext writes. */
		st = GOVREPORT_ERR_INPUT_NOT_TEXT;
	} else if (out.words == 0) {
		/* Pages without a word: a scanned PDF, which needs OCR. */
		st = GOVREPORT_ERR_INPUT_NO_TEXT;
	} else {
		st = gr_text_decode(out.text.data, out.text.len, text);
	}
	xmlFreeDoc(doc);
	if (st == GOVREPORT_OK) {
		point_at_source(text, &out, gr_source_raw(src));
		if (gr_layout_build_as(text, GR_LAYOUT_DISPLAY, items) < 0) {
			gr_text_release(text);
			st = GOVREPORT_ERR_NOMEM;
		}
	}
	gr_strbuf_release(&out.text);
	gr_free(out.source);
	return st;
}
