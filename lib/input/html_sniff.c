/*
 * Telling HTML from text, and reading the charset a page declares: both
 * look at the bytes only, so they work without libxml2. See html.h.
 */
#include <string.h>

#include "input/html.h"

/* How much of the input the charset declaration is looked for in. */
#define GR_HTML_PRESCAN 4096

/* The input seen as ASCII: UTF-16 with a BOM keeps one byte of each unit. */
struct ascii_view {
	const unsigned char *s;
	size_t len, step, first;
};

static void
view_init(struct ascii_view *v, const char *data, size_t len)
{
	const unsigned char *s = (const unsigned char *)data;

	*v = (struct ascii_view){ s, len, 1, 0 };
	if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
		v->first = 3;
	} else if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
		v->first = 2; /* little-endian: the low byte comes first */
		v->step = 2;
	} else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
		v->first = 3;
		v->step = 2;
	}
}

/* The i-th character of the view, lowered; 0 past the end, 0x80 for any
 * character outside ASCII. */
static int
view_at(const struct ascii_view *v, size_t i)
{
	size_t at = v->first + i * v->step;
	int c;

	if (at >= v->len)
		return 0;
	if (v->step == 2) {
		/* The other byte of the unit must be 0 for an ASCII character. */
		size_t other = v->s[0] == 0xFF ? at + 1 : at - 1;
		if (other >= v->len || v->s[other] != 0)
			return 0x80;
	}
	c = v->s[at];
	if (c >= 0x80)
		return 0x80;
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static size_t
view_len(const struct ascii_view *v)
{
	return v->len > v->first ? (v->len - v->first) / v->step : 0;
}

static int
view_match(const struct ascii_view *v, size_t i, const char *word)
{
	for (size_t k = 0; word[k]; k++)
		if (view_at(v, i + k) != word[k])
			return 0;
	return 1;
}

/* Index of the first "word" at or after `from`, followed by a character
 * that ends a tag name; (size_t)-1 when there is none. */
static size_t
view_find_tag(const struct ascii_view *v, size_t from, const char *word)
{
	size_t n = view_len(v), wlen = strlen(word);

	for (size_t i = from; i + wlen <= n; i++) {
		if (view_at(v, i) != '<' || !view_match(v, i, word))
			continue;
		int after = view_at(v, i + wlen);
		if (after == '>' || after == ' ' || after == '\t' || after == '\n' ||
		    after == '\r' || after == '/')
			return i;
	}
	return (size_t)-1;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

int
gr_html_detect(const char *data, size_t len)
{
	struct ascii_view v;
	size_t i = 0, table;
	int c;

	/* Markup needs a '<' (in UTF-16 too, one byte of its unit is 0x3C):
	 * without one, no need to look further. */
	if (!data || !len || !memchr(data, '<', len))
		return 0;
	view_init(&v, data, len);
	while (is_space(view_at(&v, i)))
		i++;
	/* Markup first: a tag, a doctype or a comment. */
	c = view_at(&v, i + 1);
	if (view_at(&v, i) == '<' && ((c >= 'a' && c <= 'z') || c == '!' || c == '?'))
		return 1;
	if (view_find_tag(&v, 0, "<html") != (size_t)-1 ||
	    view_find_tag(&v, 0, "<body") != (size_t)-1)
		return 1;
	/* A table with rows: text that only mentions "<table" is not HTML. */
	table = view_find_tag(&v, 0, "<table");
	return table != (size_t)-1 && (view_find_tag(&v, table, "<tr") != (size_t)-1 ||
				       view_find_tag(&v, table, "<td") != (size_t)-1);
}

static int
is_name_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
	       c == '_' || c == '.' || c == ':';
}

/* The value after "charset" or "encoding" at i (within [i, end)). */
static const char *
read_name(const struct ascii_view *v, size_t i, size_t end, char *buf, size_t size)
{
	size_t n = 0;

	while (i < end && is_space(view_at(v, i)))
		i++;
	if (view_at(v, i) != '=')
		return NULL;
	i++;
	while (i < end && (is_space(view_at(v, i)) || view_at(v, i) == '"' ||
			   view_at(v, i) == '\''))
		i++;
	while (i < end && is_name_char(view_at(v, i)) && n + 1 < size)
		buf[n++] = (char)view_at(v, i++);
	if (n == 0)
		return NULL;
	buf[n] = '\0';
	return buf;
}

/* In the tag that starts at i: the value of "key". */
static const char *
tag_value(const struct ascii_view *v, size_t i, const char *key, char *buf,
	  size_t size)
{
	size_t end = i, n = view_len(v), klen = strlen(key);

	while (end < n && view_at(v, end) != '>')
		end++;
	for (size_t k = i; k + klen <= end; k++)
		if (view_match(v, k, key))
			return read_name(v, k + klen, end, buf, size);
	return NULL;
}

const char *
gr_html_charset(const char *data, size_t len, char *buf, size_t size)
{
	struct ascii_view v;
	size_t n;

	if (!data || size < 2)
		return NULL;
	view_init(&v, data, len < GR_HTML_PRESCAN ? len : GR_HTML_PRESCAN);
	if (v.step != 1 || v.first)
		return NULL; /* a BOM says it all */
	n = view_len(&v);
	for (size_t i = 0; i < n; i++) {
		const char *name;
		if (view_at(&v, i) != '<')
			continue;
		if (view_match(&v, i, "<?xml"))
			name = tag_value(&v, i, "encoding", buf, size);
		else if (view_match(&v, i, "<meta") && is_space(view_at(&v, i + 5)))
			name = tag_value(&v, i, "charset", buf, size);
		else
			continue;
		if (name)
			return name;
	}
	return NULL;
}
