/*
 * Markdown escapes, written by the Markdown renderer and read back by the
 * cell stream (SPEC §7): document text in Markdown gets a backslash before
 * every character that could start markup — inline HTML, links, emphasis,
 * code, a table's pipe — and before the marks that start a block at the
 * beginning of a line (heading, quote, list, rule), so that no text of a
 * report becomes live HTML or Markdown structure. Reading, a backslash
 * before one of those characters is dropped.
 */
#ifndef GR_MARKDOWN_H
#define GR_MARKDOWN_H

#include <stddef.h>

struct gr_strbuf;

/* Where the text goes: a whole line of its own (a paragraph, a heading's
 * text), or inside a line (a table cell). A line break inside the text
 * becomes a space either way. */
enum gr_md_context {
	GR_MD_INLINE = 0,
	GR_MD_LINE = 1,
};

/* Append s[0, len) to out, escaped. */
void gr_md_escape(struct gr_strbuf *out, const char *s, size_t len,
		  enum gr_md_context context);

/* Whether s[i] is escaped: preceded by an odd number of backslashes. */
int gr_md_is_escaped(const char *s, size_t i);

/* The first '|' in s[0, len) that is not escaped, or NULL. */
const char *gr_md_find_bar(const char *s, size_t len);

/* Whether s[0, len) holds an escape gr_md_unescape() would remove. */
int gr_md_has_escape(const char *s, size_t len);

/* Append s[0, len) to out without its escapes. */
void gr_md_unescape(struct gr_strbuf *out, const char *s, size_t len);

#endif
