/*
 * .docx (WordprocessingML) → the representation of grid.h.
 *
 * The archive is opened with the limits of zip.h; word/document.xml is
 * read with libxml2 (docbuild.h: no network, no entities, no DTD) and its
 * body walked in document order:
 * - a paragraph (w:p) is a line item: the text of its runs (w:t), a tab
 *   (w:tab) as a space, a break (w:br, w:cr) ending the line; text
 *   inside insertions (w:ins), content controls (w:sdt), hyperlinks and
 *   smart tags is read, deletions (w:del, w:moveFrom, w:delText) are not;
 *   of a field only its shown result (between w:fldChar separate and end;
 *   w:instrText never);
 * - automatic numbering (w:numPr, of the paragraph or of its style) is
 *   rendered from word/numbering.xml into the text: a counter per list
 *   (numId) and level, lower levels restarted, w:lvlText with each %N
 *   replaced by level N's number in its w:numFmt (decimal, chineseCounting,
 *   ideographTraditional, enclosed numbers, letters, roman …), so that a
 *   heading numbered by Word keeps its 一、 or （一）;
 * - a table (w:tbl) is laid out on the grid the file states: a cell
 *   starts at the row's w:gridBefore and takes w:gridSpan columns; a
 *   w:vMerge continuation extends the cell above it; cells are emitted as
 *   docbuild.h says. A table that holds a table lays out a page: its
 *   cells are read as paragraphs and tables of their own;
 * - drawings, text boxes, footnotes, headers and footers are not read.
 */
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "util/alloc.h"
#include "input/docbuild.h"
#include "input/readers.h"
#include "input/xmltree.h"
#include "input/zip.h"
#include "util/utf8.h"

#define NLEVELS 9
#define MAX_LISTS 2048
#define MAX_STYLES 4096
#define MAX_FIELD_DEPTH 32

/* ---- names --------------------------------------------------------- */

static int
is_w_ns(const xmlNode *node)
{
	const char *href = node->ns ? (const char *)node->ns->href : NULL;

	return href && (strcmp(href, "http://schemas.openxmlformats.org/wordprocessingml/2006/main") == 0 ||
			strcmp(href, "http://purl.oclc.org/ooxml/wordprocessingml/main") == 0);
}

static int
is_w(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && is_w_ns(node) &&
	       strcmp((const char *)node->name, name) == 0;
}

/* w:pPr, w:rPr, w:tcPr, w:sectPr, w:tblPrEx …: properties, not content. */
static int
is_properties(const xmlNode *node)
{
	size_t n = strlen((const char *)node->name);
	const char *s = (const char *)node->name;

	return (n >= 2 && strcmp(s + n - 2, "Pr") == 0) ||
	       (n >= 4 && strcmp(s + n - 4, "PrEx") == 0);
}

static xmlNode *
child(const xmlNode *node, const char *name)
{
	for (xmlNode *c = node ? node->children : NULL; c; c = c->next)
		if (is_w(c, name))
			return c;
	return NULL;
}

/* The w:-namespaced attribute `name`, or NULL; copied into buf. */
static const char *
attr(const xmlNode *node, const char *name, char *buf, size_t size)
{
	if (!node)
		return NULL;
	for (const xmlAttr *a = node->properties; a; a = a->next) {
		const xmlNode *v = a->children;
		if (strcmp((const char *)a->name, name) != 0)
			continue;
		if (a->ns && !(strstr((const char *)a->ns->href, "wordprocessingml")))
			continue;
		snprintf(buf, size, "%s", v && v->content ? (const char *)v->content : "");
		return buf;
	}
	return NULL;
}

static long
attr_int(const xmlNode *node, const char *name, long fallback)
{
	char buf[32];
	const char *v = attr(node, name, buf, sizeof(buf));
	long n = 0;

	if (!v || *v < '0' || *v > '9')
		return fallback;
	for (; *v >= '0' && *v <= '9' && n < 100000000; v++)
		n = n * 10 + (*v - '0');
	return n;
}

/* w:val of the child `name`. */
static long
child_val(const xmlNode *node, const char *name, long fallback)
{
	return attr_int(child(node, name), "val", fallback);
}

/* ---- numbering --------------------------------------------------------- */

struct level {
	char fmt[40];
	char text[48];
	long start;
	int suffix; /* 0 tab, 1 space, 2 nothing */
};

struct abstract {
	long id;
	struct level lvl[NLEVELS];
};

struct list {
	long id;
	size_t abstract; /* index, or SIZE_MAX */
	long start_override[NLEVELS]; /* -1: none */
	long count[NLEVELS];          /* 0: not started */
};

struct style {
	char id[64], based_on[64];
	long num_id, ilvl; /* -1: not stated */
};

struct docx {
	struct gr_docbuild b;
	struct abstract *abstracts;
	size_t nabstracts;
	struct list *lists;
	size_t nlists;
	struct style *styles;
	size_t nstyles;
	struct gr_strbuf num;
	/* Fields: the nesting depth and which levels are in their
	 * instructions (whose text is not shown). */
	unsigned field_depth;
	uint32_t field_instr;
};

static void
read_level(struct level *l, const xmlNode *lvl)
{
	char buf[64];
	const char *v;

	l->start = child_val(lvl, "start", 1);
	/* A format name longer than l->fmt is none we know: cut, it reads as
	 * decimal as an unknown one does. */
	if (!attr(child(lvl, "numFmt"), "val", l->fmt, sizeof(l->fmt)))
		snprintf(l->fmt, sizeof(l->fmt), "decimal");
	v = attr(child(lvl, "lvlText"), "val", l->text, sizeof(l->text));
	if (!v)
		l->text[0] = '\0';
	v = attr(child(lvl, "suff"), "val", buf, sizeof(buf));
	l->suffix = !v || strcmp(v, "tab") == 0 ? 0 : strcmp(v, "space") == 0 ? 1 : 2;
}

static int
read_numbering(struct docx *d, xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	size_t na = 0, nl = 0;

	for (xmlNode *c = root ? root->children : NULL; c; c = c->next) {
		na += is_w(c, "abstractNum");
		nl += is_w(c, "num");
	}
	na = na > MAX_LISTS ? MAX_LISTS : na;
	nl = nl > MAX_LISTS ? MAX_LISTS : nl;
	d->abstracts = gr_calloc(na ? na : 1, sizeof(*d->abstracts));
	d->lists = gr_calloc(nl ? nl : 1, sizeof(*d->lists));
	if (!d->abstracts || !d->lists)
		return -1;
	for (xmlNode *c = root ? root->children : NULL; c; c = c->next) {
		if (is_w(c, "abstractNum") && d->nabstracts < na) {
			struct abstract *a = &d->abstracts[d->nabstracts++];
			a->id = attr_int(c, "abstractNumId", -1);
			for (int i = 0; i < NLEVELS; i++)
				read_level(&a->lvl[i], NULL);
			for (xmlNode *l = c->children; l; l = l->next) {
				long ilvl = attr_int(l, "ilvl", -1);
				if (is_w(l, "lvl") && ilvl >= 0 && ilvl < NLEVELS)
					read_level(&a->lvl[ilvl], l);
			}
		}
	}
	for (xmlNode *c = root ? root->children : NULL; c; c = c->next) {
		if (is_w(c, "num") && d->nlists < nl) {
			struct list *l = &d->lists[d->nlists++];
			long abs_id = child_val(c, "abstractNumId", -1);
			l->id = attr_int(c, "numId", -1);
			l->abstract = SIZE_MAX;
			for (size_t i = 0; i < d->nabstracts; i++)
				if (d->abstracts[i].id == abs_id)
					l->abstract = i;
			for (int i = 0; i < NLEVELS; i++)
				l->start_override[i] = -1;
			for (xmlNode *o = c->children; o; o = o->next) {
				long ilvl = attr_int(o, "ilvl", -1);
				if (is_w(o, "lvlOverride") && ilvl >= 0 && ilvl < NLEVELS)
					l->start_override[ilvl] = child_val(o, "startOverride", -1);
			}
		}
	}
	return 0;
}

static int
read_styles(struct docx *d, xmlDoc *doc)
{
	xmlNode *root = xmlDocGetRootElement(doc);
	size_t n = 0;

	for (xmlNode *c = root ? root->children : NULL; c; c = c->next)
		n += is_w(c, "style");
	n = n > MAX_STYLES ? MAX_STYLES : n;
	d->styles = gr_calloc(n ? n : 1, sizeof(*d->styles));
	if (!d->styles)
		return -1;
	for (xmlNode *c = root ? root->children : NULL; c && d->nstyles < n; c = c->next) {
		struct style *s;
		xmlNode *numpr;
		if (!is_w(c, "style"))
			continue;
		s = &d->styles[d->nstyles++];
		if (!attr(c, "styleId", s->id, sizeof(s->id)))
			s->id[0] = '\0';
		if (!attr(child(c, "basedOn"), "val", s->based_on, sizeof(s->based_on)))
			s->based_on[0] = '\0';
		numpr = child(child(c, "pPr"), "numPr");
		s->num_id = numpr ? child_val(numpr, "numId", -1) : -1;
		s->ilvl = numpr ? child_val(numpr, "ilvl", -1) : -1;
	}
	return 0;
}

static const struct style *
find_style(const struct docx *d, const char *id)
{
	for (size_t i = 0; i < d->nstyles; i++)
		if (strcmp(d->styles[i].id, id) == 0)
			return &d->styles[i];
	return NULL;
}

static void
put_cp(struct gr_strbuf *out, uint32_t cp)
{
	char buf[4];
	gr_strbuf_append(out, buf, gr_utf8_encode(cp, buf));
}

/* n in Chinese numerals (一 … 十, 十一, 二十一, 一百零一 …). */
static void
put_chinese(struct gr_strbuf *out, long n, const char *const digits[10],
	    const char *const units[4])
{
	int d[4], started = 0, zero = 0;

	if (n <= 0 || n > 9999) {
		gr_strbuf_printf(out, "%ld", n);
		return;
	}
	d[0] = (int)(n / 1000);
	d[1] = (int)(n / 100 % 10);
	d[2] = (int)(n / 10 % 10);
	d[3] = (int)(n % 10);
	for (int i = 0; i < 4; i++) {
		if (d[i] == 0) {
			zero = started;
			continue;
		}
		if (zero)
			gr_strbuf_puts(out, digits[0]);
		zero = 0;
		/* 十一, not 一十一, when the tens lead. */
		if (!(i == 2 && d[i] == 1 && !started))
			gr_strbuf_puts(out, digits[d[i]]);
		gr_strbuf_puts(out, units[i]);
		started = 1;
	}
}

static void
put_roman(struct gr_strbuf *out, long n, int upper)
{
	static const struct { long v; const char *s; } r[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" },
		{ 90, "xc" }, { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" },
		{ 5, "v" }, { 4, "iv" }, { 1, "i" },
	};
	if (n <= 0 || n > 3999) {
		gr_strbuf_printf(out, "%ld", n);
		return;
	}
	for (size_t i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		for (; n >= r[i].v; n -= r[i].v)
			for (const char *s = r[i].s; *s; s++)
				gr_strbuf_putc(out, upper ? (char)(*s - 32) : *s);
}

static void
put_number(struct gr_strbuf *out, const char *fmt, long n)
{
	static const char *const simple[10] = { "零", "一", "二", "三", "四",
						"五", "六", "七", "八", "九" };
	static const char *const simple_units[4] = { "千", "百", "十", "" };
	static const char *const legal[10] = { "零", "壹", "贰", "叁", "肆",
					       "伍", "陆", "柒", "捌", "玖" };
	static const char *const legal_units[4] = { "仟", "佰", "拾", "" };
	static const char *const legal_trad[10] = { "零", "壹", "貳", "參", "肆",
						    "伍", "陸", "柒", "捌", "玖" };
	static const char *const stems = "甲乙丙丁戊己庚辛壬癸";
	static const char *const branches = "子丑寅卯辰巳午未申酉戌亥";

	if (strcmp(fmt, "none") == 0 || strcmp(fmt, "bullet") == 0)
		return;
	if (strstr(fmt, "Counting") || strcmp(fmt, "ideographDigital") == 0 ||
	    strcmp(fmt, "chineseCounting") == 0) {
		put_chinese(out, n, simple, simple_units);
	} else if (strcmp(fmt, "chineseLegalSimplified") == 0) {
		put_chinese(out, n, legal, legal_units);
	} else if (strcmp(fmt, "ideographLegalTraditional") == 0) {
		put_chinese(out, n, legal_trad, legal_units);
	} else if (strcmp(fmt, "ideographTraditional") == 0 && n >= 1) {
		gr_strbuf_append(out, stems + 3 * ((n - 1) % 10), 3);
	} else if (strcmp(fmt, "ideographZodiac") == 0 && n >= 1) {
		gr_strbuf_append(out, branches + 3 * ((n - 1) % 12), 3);
	} else if (strncmp(fmt, "decimalFullWidth", 16) == 0) {
		char digits[24];
		int k = snprintf(digits, sizeof(digits), "%ld", n);
		for (int i = 0; i < k; i++)
			put_cp(out, digits[i] == '-' ? 0xFF0D : 0xFF10 + (uint32_t)(digits[i] - '0'));
	} else if ((strcmp(fmt, "decimalEnclosedCircle") == 0 ||
		    strcmp(fmt, "decimalEnclosedCircleChinese") == 0 ||
		    strcmp(fmt, "ideographEnclosedCircle") == 0) && n >= 1 && n <= 20) {
		put_cp(out, 0x2460 + (uint32_t)(n - 1));
	} else if (strcmp(fmt, "decimalEnclosedParen") == 0 && n >= 1 && n <= 20) {
		put_cp(out, 0x2474 + (uint32_t)(n - 1));
	} else if (strcmp(fmt, "decimalEnclosedFullstop") == 0 && n >= 1 && n <= 20) {
		put_cp(out, 0x2488 + (uint32_t)(n - 1));
	} else if ((strcmp(fmt, "lowerLetter") == 0 || strcmp(fmt, "upperLetter") == 0) &&
		   n >= 1 && n <= 780) {
		/* a … z, aa … zz, aaa …: the letter repeated. */
		char c = (char)((fmt[0] == 'l' ? 'a' : 'A') + (n - 1) % 26);
		for (long k = 0; k <= (n - 1) / 26; k++)
			gr_strbuf_putc(out, c);
	} else if (strcmp(fmt, "lowerRoman") == 0 || strcmp(fmt, "upperRoman") == 0) {
		put_roman(out, n, fmt[0] == 'u');
	} else if (strcmp(fmt, "decimalZero") == 0 && n >= 0 && n < 10) {
		gr_strbuf_printf(out, "0%ld", n);
	} else {
		gr_strbuf_printf(out, "%ld", n);
	}
}

static long
level_start(const struct list *list, const struct abstract *abs, int l)
{
	return list->start_override[l] >= 0 ? list->start_override[l] : abs->lvl[l].start;
}

/* The numbering of a paragraph (its own w:numPr, else its style's),
 * counted and rendered into d->num; empty when it has none. */
static void
number_paragraph(struct docx *d, const xmlNode *ppr)
{
	const xmlNode *numpr = child(ppr, "numPr");
	long num_id = -1, ilvl = -1;
	struct list *list = NULL;
	const struct abstract *abs;
	const struct level *lvl;
	char sbuf[64];
	const char *sid;

	d->num.len = 0;
	if (numpr) {
		num_id = child_val(numpr, "numId", -1);
		ilvl = child_val(numpr, "ilvl", -1);
	}
	sid = attr(child(ppr, "pStyle"), "val", sbuf, sizeof(sbuf));
	for (int hops = 0; sid && hops < 10 && (num_id < 0 || ilvl < 0); hops++) {
		const struct style *s = find_style(d, sid);
		if (!s)
			break;
		if (num_id < 0)
			num_id = s->num_id;
		if (ilvl < 0)
			ilvl = s->ilvl;
		sid = s->based_on[0] ? s->based_on : NULL;
	}
	if (num_id <= 0)
		return;
	if (ilvl < 0 || ilvl >= NLEVELS)
		ilvl = 0;
	for (size_t i = 0; i < d->nlists && !list; i++)
		if (d->lists[i].id == num_id)
			list = &d->lists[i];
	if (!list || list->abstract == SIZE_MAX)
		return;
	abs = &d->abstracts[list->abstract];
	if (list->count[ilvl] == 0)
		list->count[ilvl] = level_start(list, abs, (int)ilvl);
	else if (list->count[ilvl] < 1000000)
		list->count[ilvl]++;
	for (int l = (int)ilvl + 1; l < NLEVELS; l++)
		list->count[l] = 0;
	lvl = &abs->lvl[ilvl];
	for (const char *p = lvl->text; *p; p++) {
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
			int l = p[1] - '1';
			put_number(&d->num, abs->lvl[l].fmt,
				   list->count[l] ? list->count[l] : level_start(list, abs, l));
			p++;
		} else {
			gr_strbuf_putc(&d->num, *p);
		}
	}
	/* Word puts a tab (or a space) after the number; after 、 or ） it
	 * separates nothing, after "1." it does. */
	if (d->num.len && lvl->suffix != 2 && !gr_strbuf_failed(&d->num)) {
		size_t pos = d->num.len;
		while (pos > 0 && (d->num.data[pos - 1] & 0xC0) == 0x80)
			pos--;
		if (pos > 0)
			pos--;
		if (!gr_is_wide(gr_utf8_next(d->num.data, d->num.len, &pos), GR_WIDE_TERMINAL))
			gr_strbuf_putc(&d->num, ' ');
	}
}

/* ---- the body ----------------------------------------------------------- */

static int
field_shown(const struct docx *d)
{
	return d->field_instr == 0;
}

static void
field_char(struct docx *d, const xmlNode *node)
{
	char buf[16];
	const char *type = attr(node, "fldCharType", buf, sizeof(buf));

	if (!type)
		return;
	if (strcmp(type, "begin") == 0) {
		if (d->field_depth < MAX_FIELD_DEPTH)
			d->field_instr |= 1u << d->field_depth;
		d->field_depth++;
	} else if (strcmp(type, "separate") == 0 && d->field_depth > 0) {
		if (d->field_depth <= MAX_FIELD_DEPTH)
			d->field_instr &= ~(1u << (d->field_depth - 1));
	} else if (strcmp(type, "end") == 0 && d->field_depth > 0) {
		d->field_depth--;
		if (d->field_depth < MAX_FIELD_DEPTH)
			d->field_instr &= ~(1u << d->field_depth);
	}
}

static void
run_content(struct docx *d, const xmlNode *run)
{
	for (xmlNode *c = run->children; c; c = c->next) {
		if (!is_w_ns(c) || c->type != XML_ELEMENT_NODE)
			continue;
		if (is_w(c, "fldChar")) {
			field_char(d, c);
		} else if (!field_shown(d)) {
			continue;
		} else if (is_w(c, "t")) {
			for (xmlNode *t = c->children; t; t = t->next)
				if ((t->type == XML_TEXT_NODE || t->type == XML_CDATA_SECTION_NODE) &&
				    t->content)
					gr_docbuild_text(&d->b, (const char *)t->content,
							 strlen((const char *)t->content));
		} else if (is_w(c, "tab") || is_w(c, "ptab")) {
			gr_docbuild_space(&d->b, 1);
		} else if (is_w(c, "br") || is_w(c, "cr")) {
			gr_docbuild_break(&d->b);
		} else if (is_w(c, "noBreakHyphen")) {
			gr_docbuild_text(&d->b, "-", 1);
		}
	}
}

/* The runs of a paragraph, inside whatever wraps them. */
static void
runs(struct docx *d, const xmlNode *node, int depth)
{
	if (depth > GR_DOC_MAX_DEPTH)
		return;
	for (xmlNode *c = node->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !is_w_ns(c) || is_properties(c))
			continue;
		if (is_w(c, "r"))
			run_content(d, c);
		else if (!is_w(c, "del") && !is_w(c, "moveFrom"))
			runs(d, c, depth + 1); /* ins, sdt, hyperlink, fldSimple … */
	}
}

static void
paragraph(struct docx *d, const xmlNode *p, int depth)
{
	number_paragraph(d, child(p, "pPr"));
	if (gr_strbuf_failed(&d->num))
		d->b.failed = 1;
	else if (d->num.len)
		gr_docbuild_text(&d->b, d->num.data, d->num.len);
	runs(d, p, depth + 1);
	gr_docbuild_end_paragraph(&d->b);
}

static void table(struct docx *d, const xmlNode *tbl, int depth);

/* Block content: paragraphs and tables, in content controls and
 * insertions too; deletions and properties skipped. */
static void
blocks(struct docx *d, const xmlNode *node, int depth)
{
	if (depth > GR_DOC_MAX_DEPTH)
		return;
	for (xmlNode *c = node->children; c && !d->b.failed; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !is_w_ns(c) || is_properties(c))
			continue;
		if (is_w(c, "p"))
			paragraph(d, c, depth);
		else if (is_w(c, "tbl"))
			table(d, c, depth);
		else if (!is_w(c, "del") && !is_w(c, "moveFrom"))
			blocks(d, c, depth + 1);
	}
}

/* Whether a table lies below the node (iteratively). */
static int
is_w_tbl(const xmlNode *node)
{
	return is_w(node, "tbl");
}

/* Rows or cells (`name`) of a table or row, in wrappers (w:sdt,
 * w:customXml, w:ins) too; a row or cell deleted as a tracked change is
 * not one. Calls fn for each. */
static void
each(struct docx *d, const xmlNode *node, const char *name, int depth,
     void (*fn)(struct docx *, const xmlNode *, void *), void *data)
{
	if (depth > GR_DOC_MAX_DEPTH)
		return;
	for (xmlNode *c = node->children; c && !d->b.failed; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || !is_w_ns(c) || is_properties(c) ||
		    is_w(c, "del") || is_w(c, "moveFrom"))
			continue;
		if (is_w(c, name)) {
			const xmlNode *pr = child(c, strcmp(name, "tr") == 0 ? "trPr" : "tcPr");
			if (!child(pr, "del"))
				fn(d, c, data);
		} else if (!is_w(c, "tbl") && !is_w(c, "p") && !is_w(c, "tr") &&
			   !is_w(c, "tc")) {
			each(d, c, name, depth + 1, fn, data);
		}
	}
}

struct grid {
	struct gr_doctable t;
	long *above; /* per column: the cell a vMerge continues, or -1 */
	uint32_t row, col;
	int depth;
};

static void
grid_cell(struct docx *d, const xmlNode *tc, void *data)
{
	struct grid *g = data;
	const xmlNode *pr = child(tc, "tcPr");
	const xmlNode *vmerge = child(pr, "vMerge");
	long span = child_val(pr, "gridSpan", 1);
	char buf[16];
	const char *v = attr(vmerge, "val", buf, sizeof(buf));
	long idx;

	if (span < 1)
		span = 1;
	if (span > GR_DOC_MAX_COLUMNS)
		span = GR_DOC_MAX_COLUMNS;
	if (g->col >= GR_DOC_MAX_COLUMNS)
		return;
	if (vmerge && (!v || strcmp(v, "continue") == 0) && g->above[g->col] >= 0) {
		struct gr_doccell *above = &g->t.cells[g->above[g->col]];
		above->rowspan = g->row - above->row + 1;
		g->col += (uint32_t)span;
		return;
	}
	gr_docbuild_begin_cell(&d->b);
	blocks(d, tc, g->depth + 1);
	idx = gr_doctable_add_gathered(&d->b, &g->t, g->row, g->col, 1, (uint32_t)span);
	if (idx >= 0)
		for (long k = 0; k < span && g->col + k < GR_DOC_MAX_COLUMNS; k++)
			g->above[g->col + k] = k == 0 ? idx : -1;
	g->col += (uint32_t)span;
}

static void
grid_row(struct docx *d, const xmlNode *tr, void *data)
{
	struct grid *g = data;
	long before = child_val(child(tr, "trPr"), "gridBefore", 0);

	if (g->row >= GR_DOC_MAX_ROWS)
		return;
	g->col = before > GR_DOC_MAX_COLUMNS ? GR_DOC_MAX_COLUMNS : (uint32_t)before;
	each(d, tr, "tc", g->depth + 1, grid_cell, g);
	g->row++;
	g->t.nrows = g->row;
}

static void
layout_cell(struct docx *d, const xmlNode *tc, void *data)
{
	blocks(d, tc, *(int *)data + 1);
}

static void
layout_row(struct docx *d, const xmlNode *tr, void *data)
{
	each(d, tr, "tc", *(int *)data + 1, layout_cell, data);
}

static void
table(struct docx *d, const xmlNode *tbl, int depth)
{
	struct grid g = { .depth = depth };

	gr_docbuild_end_paragraph(&d->b);
	if (gr_xml_has_descendant(tbl, is_w_tbl)) {
		/* A page laid out in a table: its cells hold the text. */
		each(d, tbl, "tr", depth + 1, layout_row, &depth);
		return;
	}
	g.above = gr_malloc(GR_DOC_MAX_COLUMNS * sizeof(*g.above));
	if (!g.above) {
		d->b.failed = 1;
		return;
	}
	for (size_t k = 0; k < GR_DOC_MAX_COLUMNS; k++)
		g.above[k] = -1;
	each(d, tbl, "tr", depth + 1, grid_row, &g);
	gr_docbuild_table(&d->b, &g.t);
	gr_doctable_release(&g.t);
	gr_free(g.above);
}

/* ---- the front end -------------------------------------------------------- */

/* An optional part: read when there, skipped when absent. */
static enum govreport_status
optional_part(struct docx *d, struct gr_zip *zip, const char *name,
	      int (*reader)(struct docx *, xmlDoc *))
{
	xmlDoc *doc;
	enum govreport_status st = gr_doc_read_xml(zip, name, &doc);

	if (st == GOVREPORT_ERR_NOT_FOUND)
		return GOVREPORT_OK;
	if (st != GOVREPORT_OK)
		return st;
	st = reader(d, doc) < 0 ? GOVREPORT_ERR_NOMEM : GOVREPORT_OK;
	xmlFreeDoc(doc);
	return st;
}

enum govreport_status
gr_docx_build(struct gr_source *src, struct gr_text *text, struct gr_items *items)
{
	struct docx d = { 0 };
	struct gr_zip *zip = NULL;
	xmlDoc *doc = NULL;
	xmlNode *root, *body;
	enum govreport_status st;

	*text = (struct gr_text){ 0 };
	*items = (struct gr_items){ 0 };
	st = gr_doc_open_zip(src, &zip);
	if (st != GOVREPORT_OK)
		return st;
	st = gr_doc_read_xml(zip, "word/document.xml", &doc);
	if (st == GOVREPORT_ERR_NOT_FOUND)
		st = GOVREPORT_ERR_INPUT_NOT_TEXT;
	if (st == GOVREPORT_OK)
		st = optional_part(&d, zip, "word/numbering.xml", read_numbering);
	if (st == GOVREPORT_OK)
		st = optional_part(&d, zip, "word/styles.xml", read_styles);
	gr_zip_close(zip);
	gr_strbuf_init(&d.num);
	if (st == GOVREPORT_OK && gr_docbuild_init(&d.b, items) < 0)
		st = GOVREPORT_ERR_NOMEM;
	if (st == GOVREPORT_OK) {
		root = xmlDocGetRootElement(doc);
		body = root ? child(root, "body") : NULL;
		if (body)
			blocks(&d, body, 0);
		st = gr_docbuild_finish(&d.b, text);
	} else if (d.b.norm) {
		gr_docbuild_finish(&d.b, text);
	}
	xmlFreeDoc(doc);
	gr_free(d.abstracts);
	gr_free(d.lists);
	gr_free(d.styles);
	gr_strbuf_release(&d.num);
	return st;
}
