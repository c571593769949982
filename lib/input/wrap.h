/*
 * Text wrapped over several lines, joined again: shared by every reader
 * whose shape wraps a cell or a paragraph (grid tables, PDF text).
 */
#ifndef GR_INPUT_WRAP_H
#define GR_INPUT_WRAP_H

#include <stddef.h>

#include "util/strbuf.h"

/*
 * Append the next piece of a wrapped text to t: with a space only where
 * an ASCII letter or digit meets another (English wraps at spaces),
 * without one elsewhere (Chinese wraps between any two characters and
 * has no spaces to restore).
 */
void gr_wrap_join(struct gr_strbuf *t, const char *s, size_t len);

#endif
