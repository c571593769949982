/* Growable byte buffer; see strbuf.h. */
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/strbuf.h"

void
gr_strbuf_init(struct gr_strbuf *buf)
{
	*buf = (struct gr_strbuf){ 0 };
}

static int
reserve(struct gr_strbuf *buf, size_t extra)
{
	size_t need, cap;
	char *data;

	if (buf->failed)
		return -1;
	if (extra > (size_t)-1 / 2 - buf->len) {
		buf->failed = 1;
		return -1;
	}
	need = buf->len + extra + 1;
	if (need <= buf->cap)
		return 0;
	cap = buf->cap ? buf->cap : 64;
	while (cap < need)
		cap *= 2;
	data = gr_realloc(buf->data, cap);
	if (!data) {
		buf->failed = 1;
		return -1;
	}
	buf->data = data;
	buf->cap = cap;
	return 0;
}

void
gr_strbuf_append(struct gr_strbuf *buf, const char *s, size_t len)
{
	if (reserve(buf, len) < 0)
		return;
	if (len)
		memcpy(buf->data + buf->len, s, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
}

void
gr_strbuf_puts(struct gr_strbuf *buf, const char *s)
{
	gr_strbuf_append(buf, s, strlen(s));
}

void
gr_strbuf_putc(struct gr_strbuf *buf, char c)
{
	gr_strbuf_append(buf, &c, 1);
}

void
gr_strbuf_vprintf(struct gr_strbuf *buf, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0) {
		buf->failed = 1;
		return;
	}
	if (reserve(buf, (size_t)n) < 0)
		return;
	vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
	buf->len += (size_t)n;
}

void
gr_strbuf_printf(struct gr_strbuf *buf, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	gr_strbuf_vprintf(buf, fmt, ap);
	va_end(ap);
}

char *
gr_strbuf_extend(struct gr_strbuf *buf, size_t n)
{
	char *at;

	if (reserve(buf, n) < 0)
		return NULL;
	at = buf->data + buf->len;
	buf->len += n;
	buf->data[buf->len] = '\0';
	return at;
}

int
gr_strbuf_reserve(struct gr_strbuf *buf, size_t n)
{
	if (reserve(buf, n) < 0)
		return -1;
	buf->data[buf->len] = '\0';
	return 0;
}

int
gr_strbuf_failed(const struct gr_strbuf *buf)
{
	return buf->failed;
}

char *
gr_strbuf_steal(struct gr_strbuf *buf, size_t *len)
{
	char *data;

	if (buf->failed) {
		gr_strbuf_release(buf);
		return NULL;
	}
	if (reserve(buf, 0) < 0) {
		gr_strbuf_release(buf);
		return NULL;
	}
	data = buf->data;
	if (len)
		*len = buf->len;
	gr_strbuf_init(buf);
	return data;
}

void
gr_strbuf_release(struct gr_strbuf *buf)
{
	gr_free(buf->data);
	gr_strbuf_init(buf);
}
