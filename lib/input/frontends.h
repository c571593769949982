/*
 * lib/input/ — bytes to the representation, the first stage of the
 * pipeline (parse.c): decoding and normalisation (decode.c, normalize.c,
 * hant.c, printed.c), the representation (grid.h), this door, and one
 * reader per shape. It owns everything that knows what a document looked
 * like; the stages after it see paragraphs and cells, with the rows,
 * columns, spans and positions a shape stated, never the shape.
 *
 * The one door for input shapes.
 *
 * A front end reads one shape of document (HTML, pdftotext -layout text,
 * Word's plain text, …) into the representation of grid.h. They are listed
 * in one table (frontends.c), each with the GOVREPORT_FORMAT_* flag that
 * names its family, a sniff that recognises the shape and a build that
 * reads it. Adding a shape is one file, one entry in that table and one
 * folder of test cases under tests/data/input/; nothing above the
 * representation knows which shape a document had.
 */
#ifndef GR_INPUT_FRONTENDS_H
#define GR_INPUT_FRONTENDS_H

#include <stddef.h>

#include "govreport.h"
#include "input/grid.h"
#include "input/text.h"

/* What a front end is given: the bytes, and their decoding as text,
 * made on first need and then shared by every sniff. */
struct gr_source {
	const char *data;
	size_t len;
	struct gr_text text;
	enum govreport_status decoded; /* GOVREPORT_OK once text is made */
	int tried;                     /* whether decoding was attempted */
	/* What several sniffers ask of text first, measured once with it:
	 * how many lines begin a page (a form feed), and the longest line's
	 * bytes. */
	size_t page_breaks, longest_line;
	/* The same lines as written (not normalised), for shapes whose
	 * geometry normalisation would change (full-width punctuation is
	 * two columns wide, its NFKC form one). */
	struct gr_text raw;
	enum govreport_status raw_decoded;
	int raw_tried;
	/* The input limit of the call: a front end that expands its input
	 * (an archive) reads no more than this. */
	size_t max_input;
};

/* The family of the files (.docx, .odt, .doc): read when the shape is
 * detected or named by its own flag (GOVREPORT_FORMAT_DOCX, _ODT), never
 * by a family flag. */
#define GR_FORMAT_FILE (1u << 31)

/* The source decoded and normalised as text (SPEC §4), or NULL when it
 * is not text (src->decoded says why). */
const struct gr_text *gr_source_text(struct gr_source *src);

/* The source decoded but not normalised, line for line as gr_source_text(),
 * or NULL when it is not text. */
const struct gr_text *gr_source_raw(struct gr_source *src);

/* Free the decodings gr_source_text() and gr_source_raw() made (they are
 * not made again): for a front end that decodes the bytes its own way,
 * before it does. */
void gr_source_drop_texts(struct gr_source *src);

struct gr_frontend {
	const char *name;  /* as the README and `govreport parse --help` list it */
	unsigned format;   /* the GOVREPORT_FORMAT_* flag of its family */
	/* The GOVREPORT_FORMAT_* flag that names this shape alone (read
	 * without sniffing when a caller names it), or 0. */
	unsigned shape;
	/* 1 when the input has this shape. NULL: any input of the family. */
	int (*sniff)(struct gr_source *src);
	/*
	 * Read the input. On success *text holds the lines the items point
	 * into and *items the representation; on failure both are empty.
	 */
	enum govreport_status (*build)(struct gr_source *src, struct gr_text *text,
				       struct gr_items *items);
};

/* The front ends, in the order they are tried; *count is set. */
const struct gr_frontend *gr_frontends(size_t *count);

/* Whether this build reads the family a GOVREPORT_FORMAT_* flag names
 * (HTML needs libxml2). */
int gr_input_family_available(unsigned format);

/*
 * Read the input through the front end whose own flag `format` is, or
 * else through the first front end of the family `format` names (0: every
 * family) whose sniff recognises it. Returns GOVREPORT_OK
 * with *text and *items made, or the status that refuses the input.
 * `used`, when not NULL, is set to the front end that read it.
 */
enum govreport_status gr_input_read(const char *data, size_t len, size_t max_input,
				    unsigned format, struct gr_text *text, struct gr_items *items,
				    const struct gr_frontend **used);

#endif
