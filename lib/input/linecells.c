/*
 * Text whose cells are marked line by line → the representation. An HTML
 * table inside the text is read by the HTML front end (input/embedded.h);
 * any other line is read by the first rule that fits it:
 * a tab-indented cell, a Markdown row, a run of cells each ending in " |",
 * or a plain line (without the marks of a Markdown heading). A plain line right after a tab cell continues that cell
 * (Word wraps long header cells: "本年新" / "制作数量").
 */
#include <string.h>

#include "util/alloc.h"
#include "input/linecells.h"
#include "input/embedded.h"
#include "util/markdown.h"
#include "util/strbuf.h"
#include "util/utf8.h"

struct builder {
	struct gr_items *out;
	struct gr_strbuf joined;
	const struct gr_line *line;
	const char *line_text;
	/* A joined cell's text lives in `joined` until the end; its item
	 * keeps the start there, marked by a NULL text. */
	size_t *joined_start;
	size_t joined_cap;
	int in_tab_cell; /* the previous line was a tab cell */
	/* Markdown rows state their grid: the table they belong to (a run of
	 * row lines) and their row in it. */
	uint16_t table;
	uint32_t row;
	int in_rows; /* the previous line was a Markdown row or separator */
	/* The text holds a backslash: without one, no Markdown escape is
	 * looked for in each cell. */
	int escapes;
	/* Empty lines read right before this one (gr_item.blank_before),
	 * and the number of the line read last. */
	unsigned blank_run;
	uint32_t last_line;
};

static int
is_space(char c)
{
	return c == ' ' || c == '\t';
}

/* Word leaves "[bookmark: _GoBack]" in text exported from .docx files. */
static void
strip_docx_residue(const char **s, size_t *len)
{
	static const char mark[] = "[bookmark:";

	while (*len >= sizeof(mark) - 1 &&
	       memcmp(*s, mark, sizeof(mark) - 1) == 0) {
		const char *end = memchr(*s, ']', *len);
		if (!end)
			return;
		*len -= (size_t)(end + 1 - *s);
		*s = end + 1;
		gr_trim_spaces(s, len);
	}
}

static int unescape_last(struct builder *b);

/* Push s, which the caller trimmed, as an item of the current line. */
static struct gr_item *
push(struct builder *b, const char *s, size_t len, enum gr_item_kind kind)
{
	struct gr_item item;

	strip_docx_residue(&s, &len);
	item = gr_item_at(s, len, b->line->offset, b->line->number, kind);
	item.column = (uint32_t)(s - b->line_text) + 1;
	item.blank_before = (uint8_t)(b->blank_run < 255 ? b->blank_run : 255);
	b->blank_run = 0;
	if (!gr_items_append(b->out, &item) || unescape_last(b) < 0)
		return NULL;
	return &b->out->items[b->out->count - 1];
}

/* Append a continuation line to the last item, moving it to `joined`. */
static int
continue_last(struct builder *b, const char *s, size_t len)
{
	struct gr_item *last = &b->out->items[b->out->count - 1];
	size_t index = b->out->count - 1;

	gr_trim_spaces(&s, &len);
	if (last->text) {
		/* First continuation: copy the item's own text over. */
		if (b->joined_cap <= index) {
			size_t cap = b->out->cap;
			size_t *grown = gr_realloc(b->joined_start,
						   cap * sizeof(*grown));
			if (!grown)
				return -1;
			b->joined_start = grown;
			b->joined_cap = cap;
		}
		b->joined_start[index] = b->joined.len;
		gr_strbuf_append(&b->joined, last->text, last->len);
		last->text = NULL;
	}
	gr_strbuf_append(&b->joined, s, len);
	last->len += len;
	return gr_strbuf_failed(&b->joined) ? -1 : 0;
}

/*
 * Markdown escapes (\| \< \* …, as the renderer writes them) read back:
 * the last item's text, without them, moves to `joined`.
 */
static int
unescape_last(struct builder *b)
{
	struct gr_item *last = &b->out->items[b->out->count - 1];
	size_t index = b->out->count - 1;

	if (!b->escapes || !last->text || !gr_md_has_escape(last->text, last->len))
		return 0;
	if (b->joined_cap <= index) {
		size_t cap = b->out->cap;
		size_t *grown = gr_realloc(b->joined_start, cap * sizeof(*grown));
		if (!grown)
			return -1;
		b->joined_start = grown;
		b->joined_cap = cap;
	}
	b->joined_start[index] = b->joined.len;
	gr_md_unescape(&b->joined, last->text, last->len);
	last->len = b->joined.len - b->joined_start[index];
	last->text = NULL;
	return gr_strbuf_failed(&b->joined) ? -1 : 0;
}

static int
only_pipes(const char *s, size_t len, size_t *pipes)
{
	*pipes = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '|')
			(*pipes)++;
		else if (!is_space(s[i]))
			return 0;
	}
	return *pipes > 0;
}

static int
is_markdown_separator(const char *s, size_t len)
{
	int dashes = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == '-')
			dashes = 1;
		else if (s[i] != '|' && s[i] != ':' && !is_space(s[i]))
			return 0;
	}
	return dashes;
}

/* Push each piece of s between pipes; skip the piece before the first
 * pipe when `leading` and the one after the last pipe always. A Markdown
 * row (`leading`) states the cells' row and columns. */
static int
push_pipe_cells(struct builder *b, const char *s, size_t len, int leading)
{
	const char *end = s + len;
	const char *p = s;
	int first = 1;
	uint16_t col = 0;

	while (p < end) {
		const char *bar = b->escapes ? gr_md_find_bar(p, (size_t)(end - p))
					     : memchr(p, '|', (size_t)(end - p));
		if (!bar)
			break; /* the piece after the last pipe */
		if (!(first && leading)) {
			const char *cell = p;
			size_t cell_len = (size_t)(bar - p);
			struct gr_item *item;
			gr_trim_spaces(&cell, &cell_len);
			item = push(b, cell, cell_len, GR_ITEM_CELL);
			if (!item)
				return -1;
			if (leading && col < UINT16_MAX) {
				item->table = b->table;
				item->row = b->row;
				item->col = ++col;
			}
		}
		first = 0;
		p = bar + 1;
	}
	return 0;
}

/* A Markdown heading's marks: "## 一、总体情况" is the line 一、总体情况. */
static void
strip_heading_marks(const char **s, size_t *len)
{
	size_t n = 0;

	while (n < *len && n < 7 && (*s)[n] == '#')
		n++;
	if (n == 0 || n > 6 || n >= *len || (*s)[n] != ' ')
		return;
	*s += n;
	*len -= n;
	gr_trim_spaces(s, len);
}

/* A Markdown row: a row of the current table, or the first of a new one. */
static void
start_row(struct builder *b)
{
	if (!b->in_rows && b->table < UINT16_MAX) {
		b->table++;
		b->row = 0;
	}
	b->row++;
	b->in_rows = 1;
}

/* A line in bold, "**一、总体情况**" (a heading or a title written so),
 * is the line 一、总体情况. */
static void
strip_bold(const char **s, size_t *len)
{
	const char *t = *s;
	size_t n = *len;

	if (n > 4 && ((t[0] == '*' && t[1] == '*' && t[n - 2] == '*' && t[n - 1] == '*') ||
		      (t[0] == '_' && t[1] == '_' && t[n - 2] == '_' && t[n - 1] == '_'))) {
		*s = t + 2;
		*len = n - 4;
		gr_trim_spaces(s, len);
	}
}

static int
read_line(struct builder *b, const char *s, size_t len)
{
	const char *t = s;
	size_t tlen = len, pipes;
	int was_tab_cell = b->in_tab_cell, was_in_rows = b->in_rows;

	/* Only empty lines right before an item count: another reader may
	 * have taken the lines between. */
	if (b->line->number != b->last_line + 1)
		b->blank_run = 0;
	b->last_line = b->line->number;
	b->in_tab_cell = 0;
	b->in_rows = 0;
	/* An empty line, half the lines of some shapes: only counted. */
	if (len == 0) {
		b->blank_run++;
		return 0;
	}
	gr_trim_spaces(&t, &tlen);
	strip_heading_marks(&t, &tlen);
	strip_bold(&t, &tlen);
	/* A tab-indented line is a cell, an empty one too ("\t"). */
	if (s[0] == '\t') {
		b->in_tab_cell = 1;
		return push(b, t, tlen, GR_ITEM_CELL) ? 0 : -1;
	}
	if (tlen == 0) {
		const char *raw = s;
		size_t rawlen = len;
		gr_trim_spaces(&raw, &rawlen);
		b->blank_run += rawlen == 0;
		return 0;
	}
	if (only_pipes(t, tlen, &pipes)) {
		for (size_t i = 0; i < pipes; i++)
			if (!push(b, t, 0, GR_ITEM_CELL))
				return -1;
		return 0;
	}
	if (t[0] == '|') {
		b->in_rows = was_in_rows;
		if (is_markdown_separator(t, tlen)) {
			b->in_rows = 1;
			return 0;
		}
		start_row(b);
		return push_pipe_cells(b, t, tlen, 1);
	}
	if (t[tlen - 1] == '|' && !(b->escapes && gr_md_is_escaped(t, tlen - 1)))
		return push_pipe_cells(b, t, tlen, 0);
	if (was_tab_cell && b->out->count > 0) {
		b->in_tab_cell = 1;
		return continue_last(b, t, tlen);
	}
	return push(b, t, tlen, GR_ITEM_LINE) ? 0 : -1;
}

struct gr_line_reader {
	struct builder b;
	const struct gr_text *text;
	int failed;
};

struct gr_line_reader *
gr_line_reader_new(const struct gr_text *text, struct gr_items *out)
{
	struct gr_line_reader *r = gr_calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	r->b.out = out;
	r->b.escapes = text->len > 0 && memchr(text->buf, '\\', text->len) != NULL;
	r->text = text;
	gr_strbuf_init(&r->b.joined);
	return r;
}

int
gr_line_reader_read(struct gr_line_reader *r, size_t line)
{
	struct builder *b = &r->b;

	if (r->failed)
		return -1;
	b->line = &r->text->lines[line];
	b->line_text = gr_line_text(r->text, b->line);
	if (read_line(b, b->line_text, b->line->len) < 0)
		r->failed = 1;
	return r->failed ? -1 : 0;
}

/* Cells joined across lines get their text from `joined` at the end. */
int
gr_line_reader_finish(struct gr_line_reader *r)
{
	struct builder *b;
	int rc;

	if (!r)
		return -1;
	b = &r->b;
	rc = r->failed ? -1 : 0;
	if (rc == 0 && b->joined.len > 0) {
		const char *joined = gr_items_keep(b->out, b->joined.data, b->joined.len);
		if (!joined)
			rc = -1;
		for (size_t i = 0; rc == 0 && i < b->out->count; i++)
			if (!b->out->items[i].text)
				b->out->items[i].text = joined + b->joined_start[i];
	}
	gr_strbuf_release(&b->joined);
	gr_free(b->joined_start);
	gr_free(r);
	return rc;
}

int
gr_items_build(const struct gr_text *text, struct gr_items *out)
{
	struct gr_line_reader *r;
	/* An HTML table starts with '<': without one, no line is looked at
	 * for it. */
	int markup = memchr(text->buf, '<', text->len) != NULL;
	int rc = 0;

	*out = (struct gr_items){ 0 };
	r = gr_line_reader_new(text, out);
	if (!r)
		return -1;
	for (size_t i = 0; i < text->nlines && rc == 0; i++) {
		struct builder *b = &r->b;
		long n = markup ? gr_embedded_table(text, i, out, &b->table) : 0;
		if (n < 0) {
			rc = -1;
		} else if (n > 0) {
			i += (size_t)n - 1;
		} else {
			b->line = &text->lines[i];
			b->line_text = gr_line_text(text, b->line);
			rc = read_line(b, b->line_text, b->line->len);
		}
	}
	if (gr_line_reader_finish(r) < 0 || rc < 0) {
		gr_items_release(out);
		return -1;
	}
	return 0;
}
