/* Markdown escapes; see markdown.h. */
#include <string.h>

#include "util/markdown.h"
#include "util/strbuf.h"

/*
 * Escaped wherever they are: a backslash itself, inline HTML and entities
 * (< > &), links and images ([ ]), emphasis and strikethrough (* _ ~),
 * code (`), a table's cell boundary (|), a heading's closing marks (#).
 */
static const char inline_marks[] = "\\`*_[]<>&|~#";

/* Escaped at the start of a line only: quote, list items, rules and
 * setext underlines (> and * are escaped everywhere). */
static const char line_marks[] = "+-=";

static int
is_inline_mark(char c)
{
	return c != '\0' && strchr(inline_marks, c) != NULL;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

void
gr_md_escape(struct gr_strbuf *out, const char *s, size_t len,
	     enum gr_md_context context)
{
	size_t i = 0;

	if (context == GR_MD_LINE) {
		/* Leading blanks: indented code, or a cell to our reader; the
		 * reader trims them anyway. */
		while (i < len && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i < len && s[i] != '\0' && strchr(line_marks, s[i])) {
			gr_strbuf_putc(out, '\\');
		} else if (i < len && is_digit(s[i])) {
			/* "1. " or "1) " starts an ordered list (a space or the
			 * end after the mark): escape the mark. */
			size_t d = i;
			while (d < len && d - i < 10 && is_digit(s[d]))
				d++;
			if (d < len && (s[d] == '.' || s[d] == ')') &&
			    (d + 1 == len || s[d + 1] == ' ' || s[d + 1] == '\t')) {
				gr_strbuf_append(out, s + i, d - i);
				gr_strbuf_putc(out, '\\');
				i = d;
			}
		}
	}
	for (; i < len; i++) {
		char c = s[i];
		if (c == '\n' || c == '\r') {
			gr_strbuf_putc(out, ' ');
			continue;
		}
		if (is_inline_mark(c))
			gr_strbuf_putc(out, '\\');
		gr_strbuf_putc(out, c);
	}
}

int
gr_md_is_escaped(const char *s, size_t i)
{
	size_t n = 0;

	while (n < i && s[i - 1 - n] == '\\')
		n++;
	return n % 2 == 1;
}

const char *
gr_md_find_bar(const char *s, size_t len)
{
	for (const char *p = memchr(s, '|', len); p;
	     p = memchr(p + 1, '|', len - (size_t)(p + 1 - s)))
		if (!gr_md_is_escaped(s, (size_t)(p - s)))
			return p;
	return NULL;
}

/* A backslash before a character the escaper escapes (anywhere, or at a
 * line start, or the '.' or ')' of a list number). */
static int
is_escape(const char *s, size_t len, size_t i)
{
	char c;

	if (s[i] != '\\' || i + 1 >= len)
		return 0;
	c = s[i + 1];
	return is_inline_mark(c) || (c != '\0' && strchr(line_marks, c)) ||
	       c == '.' || c == ')';
}

int
gr_md_has_escape(const char *s, size_t len)
{
	const char *p = memchr(s, '\\', len);

	for (; p; p = memchr(p + 1, '\\', len - (size_t)(p + 1 - s)))
		if (is_escape(s, len, (size_t)(p - s)))
			return 1;
	return 0;
}

void
gr_md_unescape(struct gr_strbuf *out, const char *s, size_t len)
{
	size_t from = 0;

	for (size_t i = 0; i < len; i++) {
		if (!is_escape(s, len, i))
			continue;
		gr_strbuf_append(out, s + from, i - from);
		from = i + 1; /* the escaped character is kept */
		i++;          /* and never starts an escape itself */
	}
	gr_strbuf_append(out, s + from, len - from);
}
