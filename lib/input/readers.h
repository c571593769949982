/*
 * The front ends that live under lib/input/, one file each, for the table
 * of frontends.c. Each sniff says whether the source has its shape; each
 * build reads it (see struct gr_frontend).
 */
#ifndef GR_INPUT_READERS_H
#define GR_INPUT_READERS_H

#include "input/frontends.h"

/* pandoc grid tables (gridtable.c). */
int gr_gridtable_sniff(struct gr_source *src);
enum govreport_status gr_gridtable_build(struct gr_source *src, struct gr_text *text,
					 struct gr_items *items);

/* Word's "save as plain text": a table row per line, cells between tabs
 * (tabrows.c). */
int gr_tabrows_sniff(struct gr_source *src);
enum govreport_status gr_tabrows_build(struct gr_source *src, struct gr_text *text,
				       struct gr_items *items);

/*
 * For a text shape's build: take the decoded, normalised text over from
 * the source (the items will point into it).
 */
enum govreport_status gr_frontend_take_text(struct gr_source *src, struct gr_text *text);

#endif
