/*
 * The block or cell a reader is gathering, for the readers that make
 * their text item by item (itemtext.h: an HTML page, a word-processor
 * file): its text as written, then normalised (SPEC §4) and trimmed when
 * it ends, with the marks of the punctuation normalising narrowed
 * (printed.h), which the normaliser notes as it goes. The HTML and the
 * word-processor readers share it; each says for itself where spaces and
 * line breaks fall.
 */
#ifndef GR_INPUT_GATHER_H
#define GR_INPUT_GATHER_H

#include <stddef.h>
#include <stdint.h>

#include "input/itemtext.h"
#include "input/normalize.h"
#include "input/printed.h"
#include "util/strbuf.h"

struct gr_gather {
	struct gr_normalizer *norm;
	struct gr_strbuf acc;     /* as written (UTF-8, not normalised) */
	struct gr_strbuf tmp;     /* acc normalised, once taken */
	struct gr_printed noted;  /* the marks of tmp, at its offsets */
};

/* Ready to gather; -1 when out of memory (release it all the same). */
int gr_gather_init(struct gr_gather *g);
void gr_gather_release(struct gr_gather *g);

/*
 * Normalise what was gathered into *s, *len (trimmed; in g->tmp, valid
 * until the next take) and start gathering again. 0, or -1 when out of
 * memory.
 */
int gr_gather_take(struct gr_gather *g, const char **s, size_t *len);

/*
 * End a block: what was gathered becomes a line item of `made` (source
 * line `line`, at byte `offset` of the input) with its marks, unless it
 * holds no text. 1 when it made the item, 0 when not, -1 when out of
 * memory (also when text was lost while it was gathered).
 */
int gr_gather_flush_line(struct gr_gather *g, struct gr_itemtext *made, size_t offset,
			 uint32_t line);

#endif
