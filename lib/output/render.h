/*
 * lib/output/ — the last stage: the canonical JSON written and read back
 * (json.h), the diagnostics as JSON, rendering (this file), diff and sum.
 *
 * Rendering (SPEC §7): the report as a document — title, the six parts
 * with their prose and the official tables of its template, signature and
 * date — in HTML, Markdown or plain text, or its cells as long-form CSV.
 *
 * The dependency runs one way: govreport_render() (render.c, with the
 * CSV) calls the document renderers declared here (render_html.c,
 * render_text.c), which build on the tables' forms (form.h) and the
 * pieces they share (render_pieces.h).
 */
#ifndef GR_RENDER_H
#define GR_RENDER_H

#include <stddef.h>

#include "model/report.h"
#include "util/strbuf.h"

int gr_render_html(const struct govreport *r, unsigned flags,
		   struct gr_strbuf *out);
int gr_render_markdown(const struct govreport *r, unsigned flags,
		       struct gr_strbuf *out);
int gr_render_text(const struct govreport *r, unsigned flags,
		   struct gr_strbuf *out);

#endif
