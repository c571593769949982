/*
 * What the files of the pdftotext -layout reader share (see pdflayout.c
 * for how it reads a page): a line as read, the state of the build, and
 * the step each file takes —
 *
 *   pdflayout_lines.c      a line: its tokens, its numbers, a part heading
 *   pdflayout_furniture.c  page headers, footers and numbers, dropped
 *   pdflayout_labels.c     text fragments, and wrapped labels joined
 *   pdflayout_columns.c    a row's numbers laid in the table's columns
 *   pdflayout.c            the document: items, prose, rows, in order
 */
#ifndef GR_PDFLAYOUT_BUILD_H
#define GR_PDFLAYOUT_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "input/pdflayout.h"
#include "util/strbuf.h"

#define NONE ((size_t)-1)
#define GR_LAYOUT_MAX_TOKENS 64

struct token {
	size_t start, len; /* bytes of the line */
	size_t col;        /* character column of its first character */
	size_t cols;       /* its length in characters */
	size_t dcol;       /* display column of its first character */
	size_t dcols;      /* its display width */
	int value;         /* a number or a dash */
};

struct lline {
	const struct gr_line *src;
	const char *s;
	size_t len;
	struct token tokens[GR_LAYOUT_MAX_TOKENS];
	size_t ntokens;
	size_t nvalues;    /* trailing value tokens, when a value line */
	size_t indent;     /* leading spaces */
	size_t end;        /* display column after the last character */
	int blank, furniture, page, gap, heading;
	int overflow;      /* more tokens than fit: read as prose */
};

/* An item under construction: its text grows as fragments join it. */
struct pending {
	struct gr_strbuf text;
};

struct fragment {
	size_t item;
	size_t col;
	size_t step;     /* line step of its last line */
	size_t width;    /* display width of its widest line */
	int has_values;  /* its row's numbers were seen */
	int header;      /* on a line of header cells (no numbers) */
};

/* A fragment of a line: tokens [first, last]. */
struct piece {
	size_t first, last;
};

struct builder {
	const struct gr_text *text;
	struct lline *lines;
	size_t nlines;
	struct gr_items *out;
	struct pending *texts;
	size_t texts_cap;
	struct fragment *frags;
	size_t nfrags, frags_cap;
	size_t width;      /* a full prose line's display width */
	size_t paragraph;  /* item of the open paragraph, or NONE */
	size_t para_line;  /* its last line */
	size_t step;       /* counts lines, blank ones too, not furniture */
	int display;       /* columns are display columns (GR_LAYOUT_DISPLAY) */
	int failed;
};

/* ---- characters ----------------------------------------------------- */

static inline int
is_alnum(int32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int
is_digit(int32_t c)
{
	return c >= '0' && c <= '9';
}

/* Spaces between tokens i and i + 1. */
static inline size_t
space_after(const struct lline *ln, size_t i)
{
	return ln->tokens[i + 1].col - (ln->tokens[i].col + ln->tokens[i].cols);
}

/* ---- the steps ----------------------------------------------------------- */

/* pdflayout_lines.c: read line src into ln (tokens, numbers, shape). */
void gr_layout_read_line(struct lline *ln, const struct gr_text *text,
			 const struct gr_line *src, int display);
/* Whether the text is a part's heading: 一、…六、 with the part's words. */
int gr_layout_is_part_heading(const char *s, size_t len);

/* pdflayout_furniture.c: mark the lines that are page furniture. 0, or
 * -1 when out of memory. */
int gr_layout_mark_furniture(struct builder *b);

/* pdflayout.c: a new item of the given text; its index, or NONE when out
 * of memory (b->failed set). */
size_t gr_layout_new_item(struct builder *b, const struct lline *ln, const char *s,
			  size_t len, size_t col, enum gr_item_kind kind);
/* Text joined to item's, as a wrapped line continues. */
void gr_layout_join(struct builder *b, size_t item, const char *s, size_t len);
/* s into out without pdftotext's spaces between a digit and a Chinese
 * character ("2024 年"). */
void gr_layout_drop_digit_spaces(const char *s, size_t len, struct gr_strbuf *out);

/* pdflayout_labels.c: the text tokens [0, n) of a line as fragments, each
 * joined to the one it continues or an item of its own. */
void gr_layout_text_fragments(struct builder *b, const struct lline *ln, size_t n,
			      int has_values);
/* Forget the fragments no later line can continue. */
void gr_layout_drop_stale_fragments(struct builder *b);

/* pdflayout_columns.c: the numbers of line i as cells, in the columns of
 * the fullest row near it or of the table's header. */
void gr_layout_value_cells(struct builder *b, size_t i);

#endif
