/*
 * What the files of the .docx reader share (see docx.c for what it
 * reads): WordprocessingML's names, and the reader's state —
 *
 *   docx.c            the body in document order, and the front end
 *   docx_numbering.c  automatic numbering rendered into the text
 */
#ifndef GR_DOCX_H
#define GR_DOCX_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <libxml/tree.h>

#include "input/docbuild.h"
#include "util/strbuf.h"

/* Levels of a list, as Word has them. */
#define NLEVELS 9

/* ---- names --------------------------------------------------------- */

static inline int
is_w_ns(const xmlNode *node)
{
	const char *href = node->ns ? (const char *)node->ns->href : NULL;

	return href && (strcmp(href, "http://schemas.openxmlformats.org/wordprocessingml/2006/main") == 0 ||
			strcmp(href, "http://purl.oclc.org/ooxml/wordprocessingml/main") == 0);
}

static inline int
is_w(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE && is_w_ns(node) &&
	       strcmp((const char *)node->name, name) == 0;
}

/* w:pPr, w:rPr, w:tcPr, w:sectPr, w:tblPrEx …: properties, not content. */
static inline int
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
static inline const char *
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

static inline long
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
static inline long
child_val(const xmlNode *node, const char *name, long fallback)
{
	return attr_int(child(node, name), "val", fallback);
}

/* ---- the state ------------------------------------------------------- */

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

/* docx_numbering.c: read word/numbering.xml and word/styles.xml into d;
 * 0, or -1 when out of memory. */
int gr_docx_read_numbering(struct docx *d, xmlDoc *doc);
int gr_docx_read_styles(struct docx *d, xmlDoc *doc);
/* The numbering of a paragraph (its own w:numPr, else its style's),
 * counted and rendered into d->num; empty when it has none. */
void gr_docx_number_paragraph(struct docx *d, const xmlNode *ppr);

#endif
