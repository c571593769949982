/*
 * The report's prose as printed: the introduction between the title and
 * part 一 (paragraphs PDF text wrapped joined again, chrome and what is no
 * prose left out), and the prose of parts 一, 五 and 六 up to a table, the
 * signature or the closing date. See metadata_build.h.
 */
#include "util/alloc.h"
#include "tables/label.h"
#include "parts/metadata_build.h"
#include "input/printed.h"
#include "util/utf8.h"

/* A table begins (a group's caption or stub header, as the template has
 * them): prose of part 一 ends there even without heading 二. */
static int
starts_table(const struct reader *rd, size_t i)
{
	struct gr_key key;

	return gr_item_key(rd->items, i, &key) && gr_label_is_table_header(&key);
}

int
gr_meta_read_prose(struct reader *rd, enum gr_part part, enum govreport_field field)
{
	size_t begin = gr_part_begin(rd->parts, part), end;
	int first = 1;
	char *text;

	if (begin == NONE)
		return 0;
	end = gr_part_end(rd->parts, part);
	gr_strbuf_release(&rd->buf);
	gr_strbuf_append(&rd->buf, "", 0);
	for (size_t i = begin; i < end; i++) {
		const struct gr_item *it = item(rd, i);
		if (i == rd->signature_item || i == rd->date_item)
			break;
		if (gr_is_chrome(it) || (part == GR_PART_OVERVIEW && starts_table(rd, i)))
			break;
		if (it->len == 0)
			continue;
		if (!first)
			gr_strbuf_putc(&rd->buf, '\n');
		/* As printed: the report's own punctuation (SPEC §3). */
		if (gr_printed_append(rd->text, it, &rd->buf) < 0)
			return -1;
		first = 0;
	}
	if (gr_strbuf_failed(&rd->buf))
		return -1;
	/* The prose may be most of the document: hand the buffer over. */
	text = gr_strbuf_steal(&rd->buf, NULL);
	if (!text)
		return -1;
	gr_report_take_field(rd->r, field, text);
	return 0;
}

/* Whether a paragraph reads as prose: it has a comma, a full stop or a
 * semicolon (an organ's name, "(2023年度)" or a breadcrumb has none). */
static int
reads_as_prose(const char *s, size_t len)
{
	return gr_contains(s, len, ",") || gr_contains(s, len, "。") ||
	       gr_contains(s, len, ";");
}

/* Whether item i can be part of the introduction: no page chrome, even
 * fused into a long line ("…09:30来源:本网浏览次数:128…"), and no line
 * that is only a date. */
static int
intro_line(struct reader *rd, size_t i, int *ok)
{
	const struct gr_item *it = item(rd, i);
	char iso[11];

	*ok = 0;
	if (it->len == 0 || gr_is_chrome(it) || gr_has_chrome_mark(it->text, it->len))
		return 0;
	if (gr_meta_squeeze(it->text, it->len, &rd->tmp) < 0)
		return -1;
	/* Only a date: one that starts the line (and ends it). */
	*ok = !(rd->tmp.len > 0 && gr_meta_date_from(rd->tmp.data, rd->tmp.len, 0, iso));
	return 0;
}

/*
 * The report's own introduction, as printed: the prose between the title
 * (or the start) and part 一's heading, "根据《条例》…向社会公布…。本报告所列
 * 数据…", one paragraph a line. A paragraph PDF text wrapped over lines is
 * joined again (read as separate lines, "和国务院办公厅…" would name an
 * organ). Page chrome, the title, a line that is only a date and
 * paragraphs that are no prose are left out.
 */
int
gr_meta_read_intro(struct reader *rd)
{
	size_t heading = rd->parts->heading[GR_PART_OVERVIEW];
	struct gr_strbuf para, plain;
	int ok, rc = 0;

	if (heading == NONE)
		return 0;
	gr_strbuf_init(&para);
	gr_strbuf_init(&plain);
	gr_strbuf_release(&rd->buf);
	for (size_t i = rd->title_item == NONE ? 0 : rd->title_item + 1; i < heading;) {
		size_t end = i;
		para.len = plain.len = 0;
		/* The paragraph: item i and the lines wrapped from it. */
		while (end < heading && (rc = intro_line(rd, end, &ok)) == 0 && ok) {
			const struct gr_item *it = item(rd, end);
			if (gr_printed_append(rd->text, it, &para) < 0 ||
			    gr_meta_squeeze_append(it->text, it->len, &plain) < 0) {
				rc = -1;
				break;
			}
			end++;
			if (end < heading && (item(rd, end)->line != it->line + 1 ||
					      gr_meta_ends_sentence(it->text, it->len)))
				break;
		}
		if (rc < 0)
			break;
		i = end > i ? end : i + 1;
		if (!plain.len || !reads_as_prose(plain.data, plain.len))
			continue;
		if (rd->buf.len)
			gr_strbuf_putc(&rd->buf, '\n');
		gr_strbuf_append(&rd->buf, para.data, para.len);
	}
	gr_strbuf_release(&para);
	gr_strbuf_release(&plain);
	if (rc < 0 || gr_strbuf_failed(&rd->buf))
		return -1;
	if (!rd->buf.len)
		return 0;
	gr_free(rd->r->intro);
	rd->r->intro = gr_strbuf_steal(&rd->buf, NULL);
	return rd->r->intro ? 0 : -1;
}
