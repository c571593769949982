/*
 * The front ends that live under lib/input/, one file each, for the table
 * of frontends.c. Each sniff says whether the source has its shape; each
 * build reads it (see struct gr_frontend).
 */
#ifndef GR_INPUT_READERS_H
#define GR_INPUT_READERS_H

#include "input/frontends.h"

/* pandoc grid tables (gridtable.c). */
int gr_gridtable_sniff(struct gr_source *src);
enum govreport_status gr_gridtable_build(struct gr_source *src, struct gr_text *text,
					 struct gr_items *items);

/* Word's "save as plain text": a table row per line, cells between tabs
 * (tabrows.c). */
int gr_tabrows_sniff(struct gr_source *src);
enum govreport_status gr_tabrows_build(struct gr_source *src, struct gr_text *text,
				       struct gr_items *items);

/* Text crawled from a web page as one long line, headings inline
 * (oneline.c). */
int gr_oneline_sniff(struct gr_source *src);
enum govreport_status gr_oneline_build(struct gr_source *src, struct gr_text *text,
				       struct gr_items *items);

/* Plain pdftotext output: reading order, a page per form feed
 * (pdftext.c). */
int gr_pdftext_sniff(struct gr_source *src);
enum govreport_status gr_pdftext_build(struct gr_source *src, struct gr_text *text,
				       struct gr_items *items);

/*
 * Word-processor files (docsniff.c, docx.c, odt.c): recognised by their
 * bytes in every build; read only when the build has libzip and libxml2
 * (gr_docfile_available()), refused with GOVREPORT_ERR_INPUT_UNSUPPORTED
 * otherwise. Word 97-2003 .doc and .wps (OLE2) are always refused so.
 */
int gr_docfile_available(void);
int gr_docx_sniff(struct gr_source *src);
enum govreport_status gr_docx_build(struct gr_source *src, struct gr_text *text,
				    struct gr_items *items);
int gr_odt_sniff(struct gr_source *src);
enum govreport_status gr_odt_build(struct gr_source *src, struct gr_text *text,
				   struct gr_items *items);
int gr_ole2_sniff(struct gr_source *src);
enum govreport_status gr_ole2_build(struct gr_source *src, struct gr_text *text,
				    struct gr_items *items);

/* pdftotext -bbox-layout XHTML: every word with its box (bbox.c; a build
 * without libxml2 has stubs in html_none.c that recognise nothing). */
int gr_bbox_sniff(struct gr_source *src);
enum govreport_status gr_bbox_build(struct gr_source *src, struct gr_text *text,
				    struct gr_items *items);

/*
 * For a text shape's build: take the decoded, normalised text over from
 * the source (the items will point into it).
 */
enum govreport_status gr_frontend_take_text(struct gr_source *src, struct gr_text *text);

/*
 * A text shape that reads some lines itself and leaves the others (prose,
 * headings) to the text reader (linecells.h): `owns` says whether a line is
 * the shape's, `read` reads such a line into items (0, or -1 when out of
 * memory) with `state` for what it keeps between lines.
 */
struct gr_line_shape {
	int (*owns)(const char *s, size_t len);
	int (*read)(struct gr_items *items, const struct gr_text *text,
		    const struct gr_line *line, void *state);
	void *state;
};

/* Build the items of a gr_line_shape: the whole of such a front end's
 * build once its sniff has said yes. */
enum govreport_status gr_frontend_build_lines(struct gr_source *src, struct gr_text *text,
					      struct gr_items *items,
					      const struct gr_line_shape *shape);

#endif
