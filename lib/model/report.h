/*
 * lib/model/ — what every stage shares: the report handle (this file),
 * the one description of both templates (template.h), the diagnostics and
 * their codes (diag.h, code.h). Nothing here reads or writes a document.
 *
 * The report model: template, metadata, prose, the three tables as flat
 * arrays of cells (in the order of template.h), and the diagnostics.
 */
#ifndef GR_REPORT_H
#define GR_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "model/diag.h"
#include "govreport.h"
#include "model/template.h"

#define GR_FIELD_COUNT 6
/* Money keeps at most this many decimal places (int64 holds 18 digits). */
#define GR_MAX_SCALE 18

struct gr_cell {
	int64_t value;  /* value × 10^-scale, when the state holds a value */
	uint8_t scale;  /* decimal places; 0 for counts */
	uint8_t state;  /* enum govreport_cell_state */
	uint8_t raw_pooled; /* raw lives in the report's raw_pool */
	uint32_t line;  /* 1-based source line, 0 when not read from text */
	uint32_t column; /* 1-based character column in that line, or 0 */
	size_t offset;  /* byte offset of the source line in the input */
	char *raw;      /* the cell's text as read, or NULL */
};

struct govreport {
	const struct gr_template *tpl; /* NULL: template unknown, no tables */
	int year;                      /* 0: unknown */
	char *fields[GR_FIELD_COUNT];  /* enum govreport_field; NULL: none */
	/* The report's own introduction (本报告根据…) as printed, one line a
	 * paragraph; NULL: none. Only rendering shows it: it is no field of
	 * the model, not in the JSON (SPEC §3). */
	char *intro;
	struct gr_cell *cells[GR_SECTION_COUNT]; /* NULL: table absent */
	struct gr_diags diags;
	/* The parser's copies of cell texts, in blocks freed with the
	 * report (gr_report_set_raw()). */
	struct gr_raw_block *raw_pool;
	/* Parts the parser already said are missing or unreadable (bits of
	 * enum gr_part), so validation does not say it twice. */
	unsigned parts_noted;
	/* Validation settings: rules switched off, severities changed
	 * (severity + 1; 0 for the default), the deadline (0: 31 January). */
	uint8_t rule_off[GR_CODE_COUNT];
	uint8_t severity[GR_CODE_COUNT];
	uint8_t deadline_month, deadline_day;
};

/* A report of the template (may be NULL) with every table absent. */
struct govreport *gr_report_new(const struct gr_template *tpl, int year);

/* Make a table present, its cells MISSING. Returns 0 or -1 (no memory). */
int gr_report_add_table(struct govreport *r, enum govreport_section section);

/* The cells of a table, or NULL when it is absent. */
struct gr_cell *gr_report_cells(const struct govreport *r,
				enum govreport_section section);

/* The cell a reference names, or NULL when its table is absent. */
struct gr_cell *gr_report_cell(const struct govreport *r,
			       const struct gr_cell_ref *ref);

/* Whether the state holds a value. */
static inline int
gr_cell_has_value(const struct gr_cell *cell)
{
	return cell->state == GOVREPORT_CELL_PRESENT ||
	       cell->state == GOVREPORT_CELL_INFERRED;
}

void gr_cell_set_value(struct gr_cell *cell, int64_t value, unsigned scale,
		       enum govreport_cell_state state);
void gr_cell_set_null(struct gr_cell *cell, enum govreport_cell_state state);
/* Replace the raw text (copied). Returns 0 or -1 (no memory). */
int gr_cell_set_raw(struct gr_cell *cell, const char *raw, size_t len);
/* The same, copied into the report's pool: one allocation for many
 * cells instead of one each (the parser's way). */
int gr_report_set_raw(struct govreport *r, struct gr_cell *cell, const char *raw,
		      size_t len);

/* Replace a field with a copy of len bytes; NULL clears. 0 or -1. */
int gr_report_set_field(struct govreport *r, enum govreport_field field,
			const char *value, size_t len);
/* Replace a field with value itself (NUL-terminated, from gr_malloc()),
 * which the report now owns: no copy of a long text. */
void gr_report_take_field(struct govreport *r, enum govreport_field field,
			  char *value);

/* Read a cell; a null cell reads as 0 with its state. */
enum govreport_status gr_cell_read_decimal(const struct gr_cell *cell,
					   int64_t *coefficient, unsigned *scale,
					   enum govreport_cell_state *state);
/* As above; GOVREPORT_ERR_TYPE when the value has a fraction. */
enum govreport_status gr_cell_read_integer(const struct gr_cell *cell,
					   int64_t *value,
					   enum govreport_cell_state *state);
/* Set the cell a reference names (state PRESENT), making its table present. */
enum govreport_status gr_cell_write(struct govreport *r,
				    const struct gr_cell_ref *ref,
				    int64_t coefficient, unsigned scale);

/* The JSON name of a state ("present", "blank", …), or NULL. */
const char *gr_cell_state_name(enum govreport_cell_state state);
/* The state with this name (len bytes); -1 when there is none. */
int gr_cell_state_by_name(const char *name, size_t len);

/* Whether s (len bytes) is a real calendar date written YYYY-MM-DD. */
int gr_is_iso_date(const char *s, size_t len);

#endif
