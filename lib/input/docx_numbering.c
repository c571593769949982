/*
 * Word's automatic numbering (w:numPr, of a paragraph or of its style)
 * rendered into the text from word/numbering.xml: a counter per list
 * (numId) and level, lower levels restarted, w:lvlText with each %N
 * replaced by level N's number in its w:numFmt (decimal, chineseCounting,
 * ideographTraditional, enclosed numbers, letters, roman …). See docx.h.
 */
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "input/docx.h"
#include "util/utf8.h"

#define MAX_LISTS 2048
#define MAX_STYLES 4096

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

int
gr_docx_read_numbering(struct docx *d, xmlDoc *doc)
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

int
gr_docx_read_styles(struct docx *d, xmlDoc *doc)
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
void
gr_docx_number_paragraph(struct docx *d, const xmlNode *ppr)
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
