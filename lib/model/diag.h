/*
 * Diagnostics: what parsing and validation found, kept in the report and
 * read through the govreport_diag_* accessors (diag_access.c). Codes are
 * stable public names (SPEC §5); their order here is internal.
 */
#ifndef GR_DIAG_H
#define GR_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "govreport.h"
#include "model/template.h"

enum gr_code {
	GR_INPUT_EMPTY,
	GR_INPUT_TOO_LARGE,
	GR_INPUT_NOT_TEXT,
	GR_ENCODING_GB18030,
	GR_ENCODING_INVALID,
	GR_SECTION_MISSING,
	GR_HEADING_MISSING,
	GR_TABLE_UNREADABLE,
	GR_TEMPLATE_UNKNOWN,
	GR_CELL_BLANK,
	GR_CELL_DASH,
	GR_CELL_INVALID,
	GR_CELL_EXTRA,
	GR_CELL_UNIT,
	GR_CELL_OVERFLOW,
	GR_LABEL_FUZZY,
	GR_YEAR_UNKNOWN,
	GR_ROW_MISSING,
	GR_TEMPLATE_GUESSED,
	/* validation (govreport_validate) */
	GR_T3_BALANCE,
	GR_T3_TOTAL_PROCESSED,
	GR_T3_ROW_TOTAL,
	GR_T4_TOTAL,
	GR_VALUE_NEGATIVE,
	GR_FEE_PRECISION,
	GR_TEMPLATE_YEAR,
	GR_PUBLISHED_LATE,
	GR_PUBLISHED_EARLY,
	GR_NARRATIVE_APPLICATIONS,
	GR_NARRATIVE_FIGURE,
	GR_SUGGESTED_FIX,
	GR_CELL_INFERRED,
	GR_CHECK_SKIPPED,
	/* cross-year (govreport_compare) */
	GR_XY_CARRYOVER,
	GR_XY_IN_FORCE,
	/* totals (govreport_sum) */
	GR_SUM_INCOMPLETE,
	/* parse, added after 1.0 */
	GR_TABLE_IN_ORDER,
	GR_CELL_SPLIT,
	GR_CELL_AMBIGUOUS,
	/* cross-year, added after 1.0 */
	GR_XY_ORGAN,
	GR_CODE_COUNT
};

/* Which call added a diagnostic: a call run again replaces its own. */
enum gr_origin {
	GR_FROM_PARSE = 0,
	GR_FROM_VALIDATE = 1,
	GR_FROM_COMPARE = 2,
};

struct gr_diag {
	enum gr_code code;
	enum gr_origin origin;
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
	enum gr_origin origin; /* given to the diagnostics added now */
};

const char *gr_code_name(enum gr_code code);
/* The code with this name, or GR_CODE_COUNT. */
enum gr_code gr_code_by_name(const char *name);
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

/* Remove the diagnostics added after the first `count`. */
void gr_diags_truncate(struct gr_diags *diags, size_t count);

/* Remove the diagnostics a call added before, to add them anew. */
void gr_diags_drop_origin(struct gr_diags *diags, enum gr_origin origin);

/* Remove every diagnostic for which drop(d, data) is true. */
void gr_diags_filter(struct gr_diags *diags,
		     int (*drop)(const struct gr_diag *d, const void *data),
		     const void *data);

void gr_diags_release(struct gr_diags *diags);

#endif
