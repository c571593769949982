/*
 * A growable byte buffer that remembers an allocation failure: callers
 * append freely and check gr_strbuf_failed() once at the end.
 */
#ifndef GR_STRBUF_H
#define GR_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct gr_strbuf {
	char *data; /* NUL-terminated while not failed */
	size_t len;
	size_t cap;
	int failed;
};

void gr_strbuf_init(struct gr_strbuf *buf);
void gr_strbuf_append(struct gr_strbuf *buf, const char *s, size_t len);
void gr_strbuf_puts(struct gr_strbuf *buf, const char *s);
void gr_strbuf_putc(struct gr_strbuf *buf, char c);
void gr_strbuf_printf(struct gr_strbuf *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void gr_strbuf_vprintf(struct gr_strbuf *buf, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Grow by n bytes and return them (uninitialised) to be filled; NULL on
 * failure. The buffer stays NUL-terminated after them. */
char *gr_strbuf_extend(struct gr_strbuf *buf, size_t n);
/* Make room for n more bytes without growing len; 0, or -1 on failure. */
int gr_strbuf_reserve(struct gr_strbuf *buf, size_t n);
int gr_strbuf_failed(const struct gr_strbuf *buf);
/* Hand the bytes over (NULL if failed) and reset the buffer. */
char *gr_strbuf_steal(struct gr_strbuf *buf, size_t *len);
void gr_strbuf_release(struct gr_strbuf *buf);

#endif
