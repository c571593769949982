/* Joining wrapped text; see wrap.h. */
#include "input/wrap.h"

static int
is_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

void
gr_wrap_join(struct gr_strbuf *t, const char *s, size_t len)
{
	if (len == 0)
		return;
	if (t->len && is_ascii_alnum((unsigned char)t->data[t->len - 1]) &&
	    is_ascii_alnum((unsigned char)s[0]))
		gr_strbuf_putc(t, ' ');
	gr_strbuf_append(t, s, len);
}
