/*
 * What the three document renderers (render_html.c, render_text.c) share
 * besides the forms of the tables: a value cell's text, the date, part
 * headings, the introduction, and the lines of a text field.
 */
#ifndef GR_RENDER_PIECES_H
#define GR_RENDER_PIECES_H

#include <stddef.h>

#include "model/report.h"
#include "util/strbuf.h"

/* The text of a value cell as the document shows it: the number (exact
 * decimal), a dash or invalid text as read, or "" for an empty cell. */
void gr_render_value(const struct gr_cell *cell, struct gr_strbuf *out);

/* The date YYYY-MM-DD as 2024年1月16日. */
void gr_render_date(const char *iso, struct gr_strbuf *out);

/*
 * What goes between the title and part 一, appended to out (one line a
 * paragraph, for gr_render_next_line()), or nothing: the report's own
 * introduction when it has one (a parsed report); and an opening sentence
 * that names the organ and the year when neither the title nor that
 * introduction does ("现公布2024年XX局政府信息公开工作年度报告。"), so
 * that parsing the rendered document finds them again.
 */
void gr_render_intro(const struct govreport *r, struct gr_strbuf *out);

/* "一、总体情况": the heading of part p as the templates number it. */
void gr_render_heading(enum gr_part p, struct gr_strbuf *out);

/* Lines of a text field, one at a time: *line and *len; 0 at the end. */
int gr_render_next_line(const char **text, const char **line, size_t *len);

#endif
