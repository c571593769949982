/*
 * Diagnostics: what parsing and validation found, kept in the report and
 * read through the govreport_diag_* accessors (diag_access.c). The codes
 * are in code.h.
 */
#ifndef GR_DIAG_H
#define GR_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "govreport.h"
#include "model/code.h"
#include "model/template.h"

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

/* Give the last diagnostic added the number the rule expected and the one
 * the report has (SPEC §5: "expected", "actual"); or the expected one
 * alone. Call right after a gr_diag_add() that returned 0. */
void gr_diag_set_numbers(struct gr_diags *diags, int64_t expected, int64_t actual);
void gr_diag_set_expected(struct gr_diags *diags, int64_t expected);

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
