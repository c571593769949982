/*
 * Page furniture of pdftotext -layout text: the first and last lines of a
 * page that are page numbers (-3-, 第3页, 3/10, a bare number) or that
 * repeat on other pages (digits aside), marked so that the document
 * skips them. See pdflayout_build.h.
 */
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"
#include "input/pdflayout_build.h"

/* "-3-", "- 3 -", "第3页", "第 3 页 共 10 页", "3/10", "Page 3", "3". */
static int
is_page_number(const char *s, size_t len, int bare)
{
	char buf[64];
	size_t n = 0, digits = 0, i = 0;

	for (size_t k = 0; k < len && n + 1 < sizeof(buf); k++)
		if (s[k] != ' ')
			buf[n++] = s[k];
	buf[n] = '\0';
	if (n == 0)
		return 0;
	if (strncmp(buf, "第", 3) == 0) {
		for (i = 3; i < n && is_digit(buf[i]); i++)
			digits++;
		if (!digits || strncmp(buf + i, "页", 3) != 0)
			return 0;
		i += 3;
		if (i == n)
			return 1;
		if (strncmp(buf + i, "共", 3) != 0)
			return 0;
		for (i += 3, digits = 0; i < n && is_digit(buf[i]); i++)
			digits++;
		return digits && strcmp(buf + i, "页") == 0;
	}
	if (strncmp(buf, "Page", 4) == 0 || strncmp(buf, "page", 4) == 0)
		i = 4;
	/* Dashes around: -, —, –. */
	while (i < n && (buf[i] == '-' || (unsigned char)buf[i] == 0xE2)) {
		if ((unsigned char)buf[i] == 0xE2)
			i += 3;
		else
			i++;
		bare = 1;
	}
	for (digits = 0; i < n && is_digit(buf[i]); i++)
		digits++;
	if (!digits || digits > 4)
		return 0;
	if (i < n && buf[i] == '/') {
		for (i++, digits = 0; i < n && is_digit(buf[i]); i++)
			digits++;
		if (!digits)
			return 0;
		bare = 1;
	}
	while (i < n && (buf[i] == '-' || (unsigned char)buf[i] == 0xE2))
		i += (unsigned char)buf[i] == 0xE2 ? 3 : 1;
	return i >= n && (bare || buf[0] == '-' || strncmp(buf, "Page", 4) == 0 ||
			  strncmp(buf, "page", 4) == 0);
}

/* A line with its digits replaced and spaces dropped, to compare headers. */
static void
furniture_key(const struct lline *ln, char *key, size_t size)
{
	size_t n = 0;

	for (size_t i = 0; i < ln->len && n + 1 < size; i++) {
		if (ln->s[i] == ' ')
			continue;
		key[n++] = is_digit(ln->s[i]) ? '#' : ln->s[i];
	}
	key[n] = '\0';
}

#define GR_EDGE 2 /* lines at the top and the bottom of a page looked at */

/* The non-blank lines at the edges of each page, each once, with the
 * page it is on. */
static size_t
page_edges(const struct builder *b, size_t *edges, size_t *pages, size_t cap)
{
	size_t n = 0, page_start = 0, page = 0;

	for (size_t i = 0; i <= b->nlines; i++) {
		size_t first = n;
		if (i < b->nlines && !(i > page_start && b->lines[i].src->page_break))
			continue;
		/* Lines [page_start, i) make a page. */
		for (size_t k = page_start, seen = 0; k < i && seen < GR_EDGE; k++)
			if (!b->lines[k].blank && n < cap && (seen++, 1))
				edges[n++] = k;
		for (size_t k = i, seen = 0; k-- > page_start && seen < GR_EDGE;) {
			int again = 0;
			if (b->lines[k].blank)
				continue;
			seen++;
			for (size_t e = first; e < n; e++)
				again |= edges[e] == k;
			if (!again && n < cap)
				edges[n++] = k;
		}
		for (size_t e = first; e < n; e++)
			pages[e] = page;
		page_start = i;
		page++;
	}
	return n;
}

struct edge_key {
	const char *key;
	size_t page, line;
};

static int
compare_edge_keys(const void *a, const void *c)
{
	const struct edge_key *x = a, *y = c;
	int d = strcmp(x->key, y->key);

	if (d)
		return d;
	return (x->page > y->page) - (x->page < y->page);
}

int
gr_layout_mark_furniture(struct builder *b)
{
	size_t cap = 4 * GR_EDGE * (b->nlines + 1), n, pages = 1;
	size_t *edges, *edge_pages;
	struct edge_key *order;
	char (*keys)[96];
	int paged = 0;

	for (size_t i = 1; i < b->nlines; i++)
		if (b->lines[i].src->page_break)
			pages++, paged = 1;
	if (b->nlines && b->lines[0].src->page_break)
		paged = 1;
	for (size_t i = 0; i < b->nlines; i++) {
		struct lline *ln = &b->lines[i];
		/* Unmistakable page numbers anywhere ("- 3 -", 第3页). */
		if (!ln->blank && ln->len - ln->indent < 40 &&
		    is_page_number(ln->s, ln->len, 0))
			ln->furniture = 1;
	}
	if (!paged)
		return 0;
	cap = cap < 4 * GR_EDGE * (pages + 1) ? cap : 4 * GR_EDGE * (pages + 1);
	edges = gr_malloc(cap * sizeof(*edges));
	edge_pages = gr_malloc(cap * sizeof(*edge_pages));
	keys = gr_malloc(cap * sizeof(*keys));
	if (!edges || !edge_pages || !keys) {
		gr_free(edges);
		gr_free(edge_pages);
		gr_free(keys);
		return -1;
	}
	n = page_edges(b, edges, edge_pages, cap);
	for (size_t e = 0; e < n; e++)
		furniture_key(&b->lines[edges[e]], keys[e], sizeof(keys[e]));
	for (size_t e = 0; e < n; e++) {
		struct lline *ln = &b->lines[edges[e]];
		if (ln->len - ln->indent < 40 && is_page_number(ln->s, ln->len, 1))
			ln->furniture = 1;
		/* Rows of numbers repeat too; they are no header. */
		if (ln->nvalues || ln->heading || ln->furniture)
			keys[e][0] = '\0';
	}
	/* A line repeated at the edge of another page is a header or a
	 * footer: equal keys sort together. */
	order = gr_malloc((n + 1) * sizeof(*order));
	if (!order) {
		gr_free(edges);
		gr_free(edge_pages);
		gr_free(keys);
		return -1;
	}
	for (size_t e = 0; e < n; e++)
		order[e] = (struct edge_key){ keys[e], edge_pages[e], edges[e] };
	qsort(order, n, sizeof(*order), compare_edge_keys);
	for (size_t e = 0, end; e < n; e = end) {
		int pages_differ = 0;
		for (end = e + 1; end < n && strcmp(order[end].key, order[e].key) == 0; end++)
			pages_differ |= order[end].page != order[e].page;
		for (size_t k = e; pages_differ && order[e].key[0] && k < end; k++)
			b->lines[order[k].line].furniture = 1;
	}
	gr_free(order);
	gr_free(edges);
	gr_free(edge_pages);
	gr_free(keys);
	return 0;
}
