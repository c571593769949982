/*
 * The page fed to libxml2's push parser line by line, with the attributes
 * the walk never reads left out of its start tags: all but colspan,
 * rowspan, hidden and a style that hides its element (display:none, …;
 * html_walk.c tells).
 *
 * Why: libxml2 reads an attribute's value a character at a time into a
 * buffer it allocates and grows, and checks each attribute's name against
 * the tag's others; the class, lang, style and data-* attributes of a CMS
 * or Word page are most of its markup, and were about two fifths of the
 * cost of reading such a page. Leaving them out of the bytes costs a scan
 * of the tags.
 *
 * A start tag is rewritten only when it is tokenised here as libxml2
 * tokenises it: a name, then attributes (a name, optionally '=' and a
 * quoted value or an unquoted one of plain characters), each followed by
 * a blank, '>' or "/>". The scan follows comments, <!DOCTYPE …> (its
 * quoted literals), other <!…> and <?…> up to their '>', end tags, and the
 * raw text of script and style (and of the elements HTML5 reads as raw
 * text, which newer libxml2 may too). At anything it is not sure of (a
 * '<' inside such a declaration, an unusual tag, a NUL byte, a tag longer
 * than GR_HTML_FEED_MAX_HELD) it stops rewriting: the rest of the page goes
 * as written, which is always right, only slower.
 *
 * Every newline stays in place (a dropped attribute leaves its newlines),
 * so libxml2 numbers the lines and elements as it would the page itself,
 * and each line goes as a chunk as before (push()), except that a tag not
 * ended on its line is held until it is.
 */
#include <string.h>

#include "input/html_build.h"
#include "util/alloc.h"
#include "util/strbuf.h"

/* The longest tag (or declaration) held for its end, in bytes and in
 * lines; a longer one is fed as written, with the rest of the page. A held
 * tag is scanned again from its start with each line: the two bound that
 * work (a tag over 60,000 lines of its own would cost their square). */
#define GR_HTML_FEED_MAX_HELD ((size_t)16 << 10)
#define GR_HTML_FEED_MAX_HELD_LINES 64

/* What the output is first made room for. */
#define GR_HTML_FEED_ROOM ((size_t)16 << 10)

/* libxml2 reads at most this many characters of a name (and what follows
 * of a longer one as something else). */
#define GR_HTML_FEED_MAX_NAME 100

enum feed_state {
	FEED_CONTENT,
	FEED_RAW,      /* in the text of raw_name, up to "</raw_name" */
	FEED_COMMENT,  /* in a comment, up to "-->" */
	FEED_VERBATIM, /* stopped rewriting: the rest as written */
};

struct feed {
	htmlParserCtxtPtr ctxt;
	enum feed_state state;
	char raw_name[16];
	size_t raw_len;
	/* A tag (or declaration) the line ended inside, and the lines after
	 * it until it ends. */
	struct gr_strbuf held;
	size_t held_lines;
	/* What the scan gives, fed once a line is done: never longer than
	 * what it scans, so room is made once per line (put()). */
	char *out;
	size_t out_len, out_cap;
	int line_ended; /* out ends with the line's newline */
};

/* ---- characters as libxml2's HTML parser reads them ----------------------- */

static int
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int
is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The characters of a name after its first (htmlParseHTMLName); looked
 * up for every character of every tag's names. */
static const unsigned char name_chars[256] = {
	['-'] = 1, ['.'] = 1, [':'] = 1, ['_'] = 1,
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
	['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1,
	['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1,
	['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1,
	['V'] = 1, ['W'] = 1, ['X'] = 1, ['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1,
	['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1,
	['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1,
	['v'] = 1, ['w'] = 1, ['x'] = 1, ['y'] = 1, ['z'] = 1,
};

static int
is_name_char(char c)
{
	return name_chars[(unsigned char)c];
}

static int
is_name_start(char c)
{
	return is_letter(c) || c == '_' || c == ':' || c == '.';
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

/* Whether s (n bytes) is `word` (lower case), case ignored. */
static int
name_equals(const char *s, size_t n, const char *word)
{
	size_t k = 0;

	for (; k < n && word[k]; k++)
		if (lower(s[k]) != word[k])
			return 0;
	return k == n && word[k] == '\0';
}

int
gr_html_reads_attribute(const char *name, size_t len)
{
	/* By length first: a page's attributes are mostly others. */
	switch (len) {
	case 5:
		return name_equals(name, len, "style");
	case 6:
		return name_equals(name, len, "hidden");
	case 7:
		return name_equals(name, len, "colspan") || name_equals(name, len, "rowspan");
	default:
		return 0;
	}
}

/* Elements whose content is raw text, up to their end tag: script and
 * style in libxml2 2.9, and the rest in HTML5 (and newer libxml2). By
 * length first: every start tag is looked up. */
static int
is_raw_text_element(const char *name, size_t len)
{
	switch (len) {
	case 3:
		return name_equals(name, len, "xmp");
	case 5:
		return name_equals(name, len, "style") || name_equals(name, len, "title");
	case 6:
		return name_equals(name, len, "script") || name_equals(name, len, "iframe");
	case 7:
		return name_equals(name, len, "noembed");
	case 8:
		return name_equals(name, len, "textarea") || name_equals(name, len, "noframes") ||
		       name_equals(name, len, "noscript");
	case 9:
		return name_equals(name, len, "plaintext");
	default:
		return 0;
	}
}

/* ---- the scan ------------------------------------------------------------- */

/* What a step of the scan found at a '<': its length, MORE when the input
 * ends inside it, or GIVE_UP. */
#define MORE 0
#define GIVE_UP (-1)

static size_t
skip_blanks(const char *s, size_t n, size_t i)
{
	while (i < n && is_blank(s[i]))
		i++;
	return i;
}

static size_t
skip_name(const char *s, size_t n, size_t i)
{
	while (i < n && is_name_char(s[i]))
		i++;
	return i;
}

/* The end of an unquoted attribute value from i: libxml2 reads it up to a
 * blank or '>'; a quote or '<' in it is left to libxml2. n, or (size_t)-1
 * for a character that is not plain. */
static size_t
skip_unquoted(const char *s, size_t n, size_t i)
{
	for (; i < n; i++) {
		char c = s[i];
		if (is_blank(c) || c == '>')
			return i;
		if (c == '"' || c == '\'' || c == '<' || c == '`' || c == '=' || c == '\0')
			return (size_t)-1;
	}
	return n;
}

/* Bytes scanned, into the room made for them (scan_line()). */
static void
put(struct feed *f, const char *s, size_t n)
{
	memcpy(f->out + f->out_len, s, n);
	f->out_len += n;
}

/* The newlines of s[0, n), which stay when the bytes go. */
static void
put_newlines(struct feed *f, const char *s, size_t n)
{
	const char *nl;

	while (n && (nl = memchr(s, '\n', n)) != NULL) {
		f->out[f->out_len++] = '\n';
		n -= (size_t)(nl - s) + 1;
		s = nl + 1;
	}
}

/* A style attribute (name, and value as written, quotes and all, or
 * nothing) that the walk would read for nothing: one that does not hide
 * its element (Word gives one to nearly every element), or one after the
 * first, which libxml2 drops. *styled: a style attribute came before. */
static int
is_style_left_out(const char *name, size_t len, const char *value, size_t value_len,
		  int *styled)
{
	if (!name_equals(name, len, "style"))
		return 0;
	if (*styled)
		return 1;
	*styled = 1;
	if (value_len && (value[0] == '"' || value[0] == '\''))
		value++, value_len -= 2;
	return gr_html_style_hides(value, value_len, 1) == 0;
}

/*
 * A start tag at s (s[0] == '<', s[1] a letter), written to out without the
 * attributes the walk does not read. Its length, MORE or GIVE_UP; out is
 * as it was unless it returns a length.
 */
static long
start_tag(struct feed *f, const char *s, size_t n)
{
	size_t mark = f->out_len, name_end = skip_name(s, n, 2), i = name_end, end;
	int empty; /* "/>" */
	int styled = 0; /* a style attribute came: libxml2 keeps the first */

	if (name_end == n)
		return MORE;
	if (name_end - 1 >= GR_HTML_FEED_MAX_NAME)
		return GIVE_UP;
	put(f, s, name_end);
	for (;;) {
		size_t j = skip_blanks(s, n, i), a, a_end, v, v_end;
		if (j == n)
			goto more;
		if (s[j] == '>' || s[j] == '/') {
			if (s[j] == '/' && j + 1 == n)
				goto more;
			if (s[j] == '/' && s[j + 1] != '>')
				goto give_up;
			empty = s[j] == '/';
			end = empty ? j + 2 : j + 1;
			put(f, s + i, end - i);
			break;
		}
		/* An attribute: libxml2 needs no blank before it, this scan
		 * does (after the name, and after each attribute below). */
		if (j == i || !is_name_start(s[j]))
			goto give_up;
		a = j;
		a_end = skip_name(s, n, a + 1);
		if (a_end - a >= GR_HTML_FEED_MAX_NAME)
			goto give_up;
		v = skip_blanks(s, n, a_end);
		if (v == n)
			goto more;
		if (s[v] == '=') {
			v = skip_blanks(s, n, v + 1);
			if (v == n)
				goto more;
			if (s[v] == '"' || s[v] == '\'') {
				const char *q = memchr(s + v + 1, s[v], n - v - 1);
				if (!q)
					goto more;
				v_end = (size_t)(q - s) + 1;
			} else {
				v_end = skip_unquoted(s, n, v);
				if (v_end == (size_t)-1 || v_end == v)
					goto give_up;
			}
		} else {
			v = v_end = a_end; /* no value; what follows is looked at next */
		}
		if (v_end == n)
			goto more;
		if (!is_blank(s[v_end]) && s[v_end] != '>' && s[v_end] != '/')
			goto give_up;
		if (gr_html_reads_attribute(s + a, a_end - a) &&
		    !is_style_left_out(s + a, a_end - a, s + v, v_end - v, &styled))
			put(f, s + i, v_end - i);
		else
			put_newlines(f, s + i, v_end - i);
		i = v_end;
	}
	/* An element whose text is raw (not "<script/>", which has none). */
	if (!empty && is_raw_text_element(s + 1, name_end - 1)) {
		if (name_end - 1 >= sizeof(f->raw_name))
			goto give_up;
		f->state = FEED_RAW;
		f->raw_len = name_end - 1;
		for (size_t k = 0; k < f->raw_len; k++)
			f->raw_name[k] = lower(s[1 + k]);
	}
	return (long)end;
more:
	f->out_len = mark;
	return MORE;
give_up:
	f->out_len = mark;
	return GIVE_UP;
}

/* Markup up to its first '>' (an end tag, <!…>, <?…>, a '<' that starts
 * no tag): libxml2 reads it as one thing, or as text, and either way is
 * in content after that '>' when no '<' comes before it. */
static long
to_first_gt(const char *s, size_t n)
{
	const char *gt = memchr(s + 1, '>', n - 1);

	if (!gt)
		return MORE;
	if (memchr(s + 1, '<', (size_t)(gt - s) - 1))
		return GIVE_UP;
	return (long)(gt - s) + 1;
}

/* <!DOCTYPE …>: its quoted literals may hold '>'. */
static long
doctype(const char *s, size_t n)
{
	char quote = 0;

	for (size_t i = 2; i < n; i++) {
		char c = s[i];
		if (c == '<')
			return GIVE_UP;
		if (quote) {
			if (c == quote)
				quote = 0;
		} else if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '>') {
			return (long)i + 1;
		}
	}
	return MORE;
}

/* Markup at s (s[0] == '<'), written to out: its length, MORE or GIVE_UP. */
static long
markup(struct feed *f, const char *s, size_t n)
{
	long len;

	if (n < 2)
		return MORE;
	if (is_letter(s[1]))
		return start_tag(f, s, n);
	if (s[1] == '!' && n >= 4 && s[2] == '-' && s[3] == '-') {
		if (n < 6)
			return MORE;
		/* "<!-->" and "<!--->" end where they begin. */
		if (s[4] == '>' || (s[4] == '-' && s[5] == '>'))
			return GIVE_UP;
		put(f, s, 4);
		f->state = FEED_COMMENT;
		return 4;
	}
	if (s[1] == '!' && n >= 9 && name_equals(s + 2, 7, "doctype"))
		len = doctype(s, n);
	else if (s[1] == '!' && n < 9)
		return MORE;
	else if (is_name_start(s[1]))
		return GIVE_UP; /* a tag to libxml2, not to this scan */
	else
		len = to_first_gt(s, n);
	if (len > 0)
		put(f, s, (size_t)len);
	return len;
}

/* Where "</" and the raw element's name (case ignored; libxml2 takes any
 * name it begins) start in s[i, n), or n. */
static size_t
raw_text_end(const struct feed *f, const char *s, size_t n, size_t i)
{
	const char *lt;

	while ((lt = memchr(s + i, '<', n - i)) != NULL) {
		size_t at = (size_t)(lt - s), k = 0;
		if (at + 2 + f->raw_len <= n && s[at + 1] == '/') {
			while (k < f->raw_len && lower(s[at + 2 + k]) == f->raw_name[k])
				k++;
			if (k == f->raw_len)
				return at;
		}
		i = at + 1;
	}
	return n;
}

/* Where the comment's "-->" ends in s[i, n): past it, 0 when the
 * comment goes on, or (size_t)-1 for "--!>", which libxml2 also ends a
 * comment with. */
static size_t
comment_end(const char *s, size_t n, size_t i)
{
	const char *gt;

	while ((gt = memchr(s + i, '>', n - i)) != NULL) {
		size_t at = (size_t)(gt - s);
		if (at >= 3 && s[at - 1] == '!' && s[at - 2] == '-' && s[at - 3] == '-')
			return (size_t)-1;
		if (at >= 2 && s[at - 1] == '-' && s[at - 2] == '-')
			return at + 1;
		i = at + 1;
	}
	return 0;
}

/* Scan s[0, n) into out: how much of it was taken; the rest is a tag (or
 * declaration) the input ends inside, held for the next line. `last`:
 * nothing follows. */
static size_t
scan(struct feed *f, const char *s, size_t n, int last)
{
	size_t i = 0, end;
	long len;

	while (i < n && f->state != FEED_VERBATIM) {
		switch (f->state) {
		case FEED_RAW:
			end = raw_text_end(f, s, n, i);
			put(f, s + i, end - i);
			if (end < n)
				f->state = FEED_CONTENT;
			i = end;
			break;
		case FEED_COMMENT:
			/* "<!-->" and "<!--->" were left to libxml2
			 * (markup()): the "--" of a "-->" is the comment's. */
			end = comment_end(s, n, i);
			if (end == (size_t)-1) {
				f->state = FEED_VERBATIM;
				break;
			}
			if (end) /* the comment ends: content from here */
				f->state = FEED_CONTENT;
			else
				end = n;
			put(f, s + i, end - i);
			i = end;
			break;
		default: {
			const char *lt = memchr(s + i, '<', n - i);
			end = lt ? (size_t)(lt - s) : n;
			put(f, s + i, end - i);
			i = end;
			if (!lt)
				break;
			len = markup(f, s + i, n - i);
			if (len == MORE && !last && n - i <= GR_HTML_FEED_MAX_HELD &&
			    f->held_lines < GR_HTML_FEED_MAX_HELD_LINES)
				return i;
			if (len <= 0)
				f->state = FEED_VERBATIM;
			else
				i += (size_t)len;
			break;
		}
		}
	}
	put(f, s + i, n - i);
	return n;
}

/* Hand what was scanned (ending with a line's newline) to libxml2,
 * unless the parse has stopped: the line, then its newline, the chunks
 * the page was always fed in. libxml2 2.9's push parser reads broken
 * markup differently when chunks end elsewhere (a comment that does not
 * end takes in what the chunks so far hold). */
static void
push(struct feed *f)
{
	size_t text_len = f->out_len - (f->line_ended ? 1 : 0);

	if (text_len && f->ctxt->instate != XML_PARSER_EOF)
		htmlParseChunk(f->ctxt, f->out, (int)text_len, 0);
	if (f->line_ended && f->ctxt->instate != XML_PARSER_EOF)
		htmlParseChunk(f->ctxt, "\n", 1, 0);
	f->out_len = 0;
	f->line_ended = 0;
}

/* Room for n more bytes of output; 0, or -1 when out of memory. */
static int
make_room(struct feed *f, size_t n)
{
	size_t cap;
	char *grown;

	if (f->out_cap - f->out_len >= n)
		return 0;
	cap = f->out_len + n > 2 * f->out_cap ? f->out_len + n : 2 * f->out_cap;
	grown = gr_realloc(f->out, cap);
	if (!grown)
		return -1;
	f->out = grown;
	f->out_cap = cap;
	return 0;
}

/* Scan s[0, n) and the newline after it (a line, or what was held and
 * the line), holding what a tag the line ends inside. 0, or -1 when out
 * of memory. */
static int
scan_line(struct feed *f, const char *s, size_t n, int last)
{
	size_t taken;

	if (make_room(f, n + 1) < 0)
		return -1;
	taken = scan(f, s, n, last);
	if (taken == n) {
		f->out[f->out_len++] = '\n';
		f->line_ended = 1;
		f->held.len = 0;
		f->held_lines = 0;
		return 0;
	}
	if (s == f->held.data) {
		memmove(f->held.data, s + taken, n - taken);
		f->held.len = n - taken;
	} else {
		gr_strbuf_append(&f->held, s + taken, n - taken);
	}
	gr_strbuf_putc(&f->held, '\n');
	return gr_strbuf_failed(&f->held) ? -1 : 0;
}

/* What is held, as written (nothing follows that would end it). */
static int
release_held(struct feed *f)
{
	if (!f->held.len)
		return 0;
	f->held.len--; /* its newline, put back after it */
	return scan_line(f, f->held.data, f->held.len, 1);
}

int
gr_html_feed(htmlParserCtxtPtr ctxt, const struct gr_text *raw)
{
	struct feed f = { .ctxt = ctxt };
	int failed = 0;

	gr_strbuf_init(&f.held);
	/* Room for most lines at once: growing it step by step costs more
	 * than the scan. */
	failed = make_room(&f, GR_HTML_FEED_ROOM) < 0;
	for (size_t i = 0; i < raw->nlines && ctxt->instate != XML_PARSER_EOF && !failed; i++) {
		const struct gr_line *l = &raw->lines[i];
		const char *text = gr_line_text(raw, l);

		/* libxml2 takes a NUL for the end of its input in places: from
		 * one on, the page goes as written. */
		if (f.state != FEED_VERBATIM && memchr(text, '\0', l->len)) {
			failed = release_held(&f) < 0;
			f.state = FEED_VERBATIM;
		}
		if (f.held.len) {
			f.held_lines++;
			gr_strbuf_append(&f.held, text, l->len);
			failed = failed || gr_strbuf_failed(&f.held) ||
				 scan_line(&f, f.held.data, f.held.len, 0) < 0;
		} else {
			failed = failed || scan_line(&f, text, l->len, 0) < 0;
		}
		if (!failed)
			push(&f);
	}
	if (!failed)
		failed = release_held(&f) < 0;
	if (!failed)
		push(&f);
	htmlParseChunk(ctxt, NULL, 0, 1);
	gr_strbuf_release(&f.held);
	gr_free(f.out);
	return failed ? -1 : 0;
}
