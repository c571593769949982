/*
 * What the three section modules share: reading and writing a cell of a
 * table by its row and column enums.
 */
#ifndef GR_SECTION_H
#define GR_SECTION_H

#include "model/report.h"

/* Resolve (row, column) of a section in the report's template. */
enum govreport_status gr_section_ref(const struct govreport *r,
				     enum govreport_section section, int row,
				     int column, struct gr_cell_ref *ref);

enum govreport_status gr_section_get(const struct govreport *r,
				     enum govreport_section section, int row,
				     int column, int64_t *coefficient,
				     unsigned *scale,
				     enum govreport_cell_state *state);

enum govreport_status gr_section_set(struct govreport *r,
				     enum govreport_section section, int row,
				     int column, int64_t coefficient,
				     unsigned scale);

#endif
