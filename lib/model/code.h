/*
 * The diagnostic codes (SPEC §5), apart from the rest of diag.h so that the
 * template can name the code of each of its equations (template.h). Their
 * names are in diag.c; their order here is internal.
 */
#ifndef GR_CODE_H
#define GR_CODE_H

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

#endif
