/* What the document renderers share; see render_pieces.h. */
#include <stdio.h>
#include <string.h>

#include "tables/cellvalue.h"
#include "output/render_pieces.h"

static void
put_decimal(struct gr_strbuf *out, int64_t coefficient, unsigned scale)
{
	uint64_t mag = coefficient < 0 ? (uint64_t)0 - (uint64_t)coefficient
				       : (uint64_t)coefficient;
	char digits[48];
	size_t n = 0;

	if (scale > GR_MAX_SCALE)
		scale = GR_MAX_SCALE;
	/* The digits, at least scale + 1 of them, most significant first. */
	do {
		digits[n++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag || n <= scale);
	for (size_t i = 0; i < n / 2; i++) {
		char t = digits[i];
		digits[i] = digits[n - 1 - i];
		digits[n - 1 - i] = t;
	}
	if (coefficient < 0)
		gr_strbuf_putc(out, '-');
	gr_strbuf_append(out, digits, n - scale);
	if (scale) {
		gr_strbuf_putc(out, '.');
		gr_strbuf_append(out, digits + n - scale, scale);
	}
}

void
gr_render_value(const struct gr_cell *cell, struct gr_strbuf *out)
{
	switch (cell->state) {
	case GOVREPORT_CELL_PRESENT:
	case GOVREPORT_CELL_INFERRED:
		put_decimal(out, cell->value, cell->scale);
		break;
	case GOVREPORT_CELL_DASH: {
		/* The dash as the document wrote it, if what the cell keeps
		 * is one (a cell set to a dash through the API keeps the raw
		 * text it was read from). */
		struct gr_value v = { 0 };
		if (cell->raw && cell->raw[0])
			gr_value_parse(cell->raw, strlen(cell->raw), &v);
		gr_strbuf_puts(out, v.kind == GR_VALUE_DASH ? cell->raw : "—");
		break;
	}
	case GOVREPORT_CELL_INVALID:
		if (cell->raw)
			gr_strbuf_puts(out, cell->raw);
		break;
	default:
		break;
	}
}

void
gr_render_date(const char *iso, struct gr_strbuf *out)
{
	int y = 0, m = 0, d = 0;

	if (iso && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
		gr_strbuf_printf(out, "%d年%d月%d日", y, m, d);
}

void
gr_render_heading(enum gr_part p, struct gr_strbuf *out)
{
	const struct gr_part_def *def = gr_part(p);

	gr_strbuf_printf(out, "%s、%s", def->number, def->heading);
}

/* Whether the title names the organ right before "…信息公开…年度报告",
 * where the parser finds it. */
static int
title_names_organ(const char *title, const char *organ)
{
	static const char *const follows[] = { "政府信息公开工作年度报告",
					       "信息公开工作年度报告",
					       "政府信息公开年度报告",
					       "信息公开年度报告", NULL };
	size_t olen = strlen(organ);

	for (const char *at = strstr(title, organ); at; at = strstr(at + 1, organ))
		for (const char *const *f = follows; *f; f++)
			if (strncmp(at + olen, *f, strlen(*f)) == 0)
				return 1;
	return 0;
}

void
gr_render_intro(const struct govreport *r, struct gr_strbuf *out)
{
	const char *title = r->fields[GOVREPORT_FIELD_TITLE];
	const char *organ = r->fields[GOVREPORT_FIELD_ORGAN];
	const char *intro = r->intro;
	char year[16] = "";

	if (r->year)
		snprintf(year, sizeof(year), "%d年", r->year);
	/* The document's own words, when it had some (issue 16)... */
	if (intro)
		gr_strbuf_puts(out, intro);
	if (!organ && !r->year)
		return;
	if (title && (!r->year || strstr(title, year)) &&
	    (!organ || title_names_organ(title, organ)))
		return;
	/* ...and a sentence of ours only where neither they nor the title
	 * name the organ and the year, as the parser reads them back. */
	if (intro && (!r->year || strstr(intro, year)) && (!organ || strstr(intro, organ)))
		return;
	if (intro)
		gr_strbuf_putc(out, '\n');
	/* "公布" ends what the parser takes for the organ, the year too. */
	gr_strbuf_printf(out, "现公布%s%s政府信息公开工作年度报告。", year,
			 organ ? organ : "");
}

int
gr_render_next_line(const char **text, const char **line, size_t *len)
{
	const char *s = *text, *nl;

	if (!s || !*s)
		return 0;
	nl = strchr(s, '\n');
	*line = s;
	*len = nl ? (size_t)(nl - s) : strlen(s);
	*text = nl ? nl + 1 : s + *len;
	return 1;
}
