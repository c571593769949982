/*
 * Diagnostics: what parsing and validation found, kept in the report and
 * read through the govreport_diag_* accessors. Codes are stable public
 * names (SPEC §5); their order here is internal.
 */
#ifndef GR_DIAG_H
#define GR_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "govreport.h"
#include "template.h"

enum gr_code {
	GR_INPUT_EMPTY,
	GR_INPUT_TOO_LARGE,
	GR_INPUT_NOT_TEXT,
	GR_ENCODING_GB18030,
	GR_SECTION_MISSING,
	GR_HEADING_MISSING,
	GR_TABLE_UNREADABLE,
	GR_TEMPLATE_UNKNOWN,
	GR_CELL_BLANK,
	GR_CELL_DASH,
	GR_CELL_INVALID,
	GR_CELL_EXTRA,
	GR_CELL_UNIT,
	GR_LABEL_FUZZY,
	GR_YEAR_UNKNOWN,
	GR_ROW_MISSING,
	GR_TEMPLATE_GUESSED,
	GR_CODE_COUNT
};

struct gr_diag {
	enum gr_code code;
	enum govreport_severity severity;
	const char *section, *row, *column; /* static ids, or NULL */
	size_t line;
	int has_expected, has_actual;
	int64_t expected, actual;
	char *message_zh, *message_en;
};

struct gr_diags {
	struct gr_diag *items;
	size_t count, cap;
};

const char *gr_code_name(enum gr_code code);
enum govreport_severity gr_code_severity(enum gr_code code);

/*
 * Add a diagnostic with its default severity. `cell` (may be NULL) names
 * the section, row and column (a NULL column: the whole row); `table` (may
 * be NULL) the section alone. The two messages, made with gr_printf(), are
 * taken over (freed on failure; NULL means their allocation failed).
 * Returns 0, or -1 when out of memory (the diagnostic is then lost and the
 * caller fails with GOVREPORT_ERR_NOMEM).
 */
int gr_diag_add(struct gr_diags *diags, enum gr_code code,
		const struct gr_table *table, const struct gr_cell_ref *cell,
		size_t line, char *zh, char *en);

/* A message: a formatted string from gr_malloc, or NULL. */
char *gr_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The last diagnostic added, to attach expected/actual numbers. */
struct gr_diag *gr_diag_last(struct gr_diags *diags);

void gr_diags_release(struct gr_diags *diags);

#endif
