/*
 * libgovreport — read, check and write China's 政府信息公开工作年度报告
 * (government information-disclosure annual reports).
 *
 * Conventions (they hold for every function below):
 * - A report is an opaque `struct govreport`. Constructors return an
 *   enum govreport_status and hand the new report out through their last
 *   parameter; the caller frees it with govreport_free().
 * - The handle comes first, out-parameters come last.
 * - Every string the library returns is UTF-8. A `const char *` result is
 *   owned by the report and valid until govreport_free() or the next call
 *   that changes the same field, whichever comes first. A `char **` result
 *   is the caller's and is freed with govreport_string_free(), never free().
 * - Misuse (a NULL handle, an unknown id, an unknown flag) returns
 *   GOVREPORT_ERR_ARGUMENT or GOVREPORT_ERR_NOT_FOUND; the library never
 *   aborts the caller's process and keeps no global mutable state, so two
 *   threads working on two reports never interfere.
 * - Enums are int-sized (ctypes passes them as c_int); their values are
 *   explicit and only ever appended to.
 */
#ifndef GOVREPORT_H
#define GOVREPORT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#define GOVREPORT_EXPORT
#else
#define GOVREPORT_EXPORT __attribute__((visibility("default")))
#endif

/** An annual report: its template, metadata, prose, tables and diagnostics. */
struct govreport;

/**
 * What a call did. 0 is success, every failure is negative. New values are
 * only ever appended.
 * @since 1.0
 */
enum govreport_status {
	GOVREPORT_OK = 0,
	/** A NULL handle or out-parameter, an unknown enum value or flag. */
	GOVREPORT_ERR_ARGUMENT = -1,
	/** An allocation failed; nothing was changed or handed out. */
	GOVREPORT_ERR_NOMEM = -2,
	/** The input holds no text (diagnostic INPUT_EMPTY). */
	GOVREPORT_ERR_INPUT_EMPTY = -3,
	/** The input is larger than the limit (diagnostic INPUT_TOO_LARGE). */
	GOVREPORT_ERR_INPUT_TOO_LARGE = -4,
	/** The input is binary, not text, nor a file the library reads (a
	 * damaged .docx or .odt archive is refused so) (diagnostic
	 * INPUT_NOT_TEXT). */
	GOVREPORT_ERR_INPUT_NOT_TEXT = -5,
	/** Malformed JSON, or JSON that is not the govreport format. */
	GOVREPORT_ERR_JSON = -6,
	/** A path or id that the report's template does not have. */
	GOVREPORT_ERR_NOT_FOUND = -7,
	/** A decimal value read as an integer: use govreport_get_decimal(). */
	GOVREPORT_ERR_TYPE = -8,
	/** A value outside what the cell or call accepts. */
	GOVREPORT_ERR_RANGE = -9,
	/** A documented limit (JSON nesting or size) was exceeded. */
	GOVREPORT_ERR_LIMIT = -10,
	/** Reports that must share a template (and year) do not. */
	GOVREPORT_ERR_TEMPLATE = -11,
	/** A dependency (ICU, yajl) failed in a way it should not. */
	GOVREPORT_ERR_INTERNAL = -12,
	/** Reports that must be of consecutive years are not. */
	GOVREPORT_ERR_YEARS = -13,
	/**
	 * The input is a file format that is recognised but not read
	 * (diagnostic INPUT_UNSUPPORTED): a Word 97–2003 .doc or a WPS .wps
	 * (convert it to .docx, e.g. `soffice --headless --convert-to docx
	 * FILE`), or a .docx or .odt in a build without their reader
	 * (libzip).
	 * @since 1.1
	 */
	GOVREPORT_ERR_INPUT_UNSUPPORTED = -14,
	/**
	 * The input is a document file with no text layer to read
	 * (diagnostic INPUT_NO_TEXT): a scanned PDF, which needs OCR first.
	 * @since 1.1
	 */
	GOVREPORT_ERR_INPUT_NO_TEXT = -15,
};

/**
 * The national template a report follows.
 * @since 1.0
 */
enum govreport_template {
	/** No table could be matched to a template. */
	GOVREPORT_TEMPLATE_UNKNOWN = 0,
	/** 国办公开办函〔2019〕60号, report years 2019 and 2020. */
	GOVREPORT_TEMPLATE_2019 = 2019,
	/** 国办公开办函〔2021〕30号, report years 2021 onwards. */
	GOVREPORT_TEMPLATE_2021 = 2021,
};

/**
 * The three tables of a report, by the part that holds them.
 * @since 1.0
 */
enum govreport_section {
	/** Part 二, table 二: 主动公开政府信息情况 (第二十条 items). */
	GOVREPORT_SECTION_ACTIVE_DISCLOSURE = 0,
	/** Part 三, table 三: 收到和处理政府信息公开申请情况. */
	GOVREPORT_SECTION_APPLICATIONS = 1,
	/** Part 四, table 四: 行政复议、行政诉讼情况. */
	GOVREPORT_SECTION_REVIEW_LITIGATION = 2,
};

/**
 * How a cell's value was read. Only PRESENT and INFERRED cells hold a value;
 * every other state is a JSON `null`.
 * @since 1.0
 */
enum govreport_cell_state {
	/** Not in the document (or never set). */
	GOVREPORT_CELL_MISSING = 0,
	/** A number, read as written. */
	GOVREPORT_CELL_PRESENT = 1,
	/** The document has the cell but leaves it empty. */
	GOVREPORT_CELL_BLANK = 2,
	/** The cell holds a dash or 无: "nothing to report". */
	GOVREPORT_CELL_DASH = 3,
	/** The cell holds text where a number belongs. */
	GOVREPORT_CELL_INVALID = 4,
	/** Not in the document; computed from the table's equations. */
	GOVREPORT_CELL_INFERRED = 5,
};

/**
 * Text fields of a report's metadata and prose.
 * @since 1.0
 */
enum govreport_field {
	/** The reporting organ, e.g. 锦屏县大同乡人民政府. */
	GOVREPORT_FIELD_ORGAN = 0,
	/** The title line as printed. */
	GOVREPORT_FIELD_TITLE = 1,
	/** The closing date under the signature, as YYYY-MM-DD. */
	GOVREPORT_FIELD_PUBLISHED = 2,
	/** Part 一 总体情况, without its heading. */
	GOVREPORT_FIELD_OVERVIEW = 3,
	/** Part 五 存在的主要问题及改进情况. */
	GOVREPORT_FIELD_PROBLEMS = 4,
	/** Part 六 其他需要报告的事项. */
	GOVREPORT_FIELD_OTHER_MATTERS = 5,
};

/**
 * Severity of a diagnostic.
 * @since 1.0
 */
enum govreport_severity {
	GOVREPORT_SEVERITY_INFO = 0,
	GOVREPORT_SEVERITY_WARNING = 1,
	GOVREPORT_SEVERITY_ERROR = 2,
};

/** @name Flags
 * Flags are bits; each function says which it accepts and refuses others
 * with GOVREPORT_ERR_ARGUMENT.
 * @{ */
/** JSON: write each cell as {"value","state","line","raw"}. @since 1.0 */
#define GOVREPORT_JSON_DETAIL (1u << 0)
/** JSON: indent the output for people. @since 1.0 */
#define GOVREPORT_JSON_PRETTY (1u << 1)
/** Validation: blank cells (not dashes, not missing cells) count as 0.
 * @since 1.0 */
#define GOVREPORT_BLANK_AS_ZERO (1u << 2)
/** Validation: fill the null cells the table's equations determine (a
 * missing 总计 from its parts), mark them GOVREPORT_CELL_INFERRED and say
 * so (CELL_INFERRED). @since 1.0 */
#define GOVREPORT_INFER (1u << 3)
/** Validation: also list the checks skipped because a cell they need is
 * null (CHECK_SKIPPED, info). @since 1.0 */
#define GOVREPORT_VALIDATE_DETAIL (1u << 4)
/** Messages in English instead of Chinese. @since 1.0 */
#define GOVREPORT_LANG_EN (1u << 8)
/** Parsing: read the input as text (SPEC §2 items 1–5), whatever it looks
 * like. At most one GOVREPORT_FORMAT_* flag; none detects the shape.
 * @since 1.0 */
#define GOVREPORT_FORMAT_TEXT (1u << 12)
/** Parsing: read the input as HTML (SPEC §2 item 6). Refused with
 * GOVREPORT_ERR_ARGUMENT by a build without HTML support. @since 1.0 */
#define GOVREPORT_FORMAT_HTML (1u << 13)
/** Parsing: read the input as text extracted from PDF with
 * `pdftotext -layout` (SPEC §2 item 7). @since 1.0 */
#define GOVREPORT_FORMAT_LAYOUT (1u << 14)
/** Parsing: read the input as a Word .docx file (SPEC §2 item 16).
 * Refused with GOVREPORT_ERR_INPUT_UNSUPPORTED by a build without the
 * docx option (libzip). @since 1.1 */
#define GOVREPORT_FORMAT_DOCX (1u << 16)
/** Parsing: read the input as an OpenDocument .odt file (SPEC §2 item
 * 16). Refused with GOVREPORT_ERR_INPUT_UNSUPPORTED by a build without the
 * docx option (libzip). @since 1.1 */
#define GOVREPORT_FORMAT_ODT (1u << 17)
/** Parsing: read the input as the XHTML that `pdftotext -bbox-layout`
 * writes of a PDF (SPEC §2 item 14). Refused with
 * GOVREPORT_ERR_INPUT_UNSUPPORTED by a build without HTML support.
 * @since 1.1 */
#define GOVREPORT_FORMAT_BBOX (1u << 18)
/** Rendering (HTML only): a self-contained page with every cell a
 * diagnostic names marked, and the other diagnostics listed.
 * @since 1.0 */
#define GOVREPORT_RENDER_ANNOTATE (1u << 15)
/** Rendering (HTML only): a whole page with a small built-in style sheet
 * that looks and prints like the official form (ruled tables, centred
 * headers and figures, A4). Without it the page has no styling at all,
 * for a CMS to style. @since 1.1 */
#define GOVREPORT_RENDER_PAGE (1u << 19)
/** @} */

/** @name Limits
 * Enforced with a status, never by undefined behaviour:
 * - input: GOVREPORT_MAX_INPUT by default (govreport_parse_limited() sets
 *   another, up to GOVREPORT_MAX_INPUT_CEILING), refused with
 *   GOVREPORT_ERR_INPUT_TOO_LARGE before a byte of it is read;
 * - JSON: GOVREPORT_MAX_INPUT bytes and GOVREPORT_MAX_JSON_DEPTH levels
 *   (GOVREPORT_ERR_LIMIT);
 * - an input of more than 500,000 lines, 524,288 table cells and
 *   paragraphs, or 524,288 HTML start tags (far more than any report) is
 *   refused with GOVREPORT_ERR_INPUT_TOO_LARGE, so that the memory a parse
 *   takes stays within 4 × the input plus a constant (README, Performance);
 * - a cell or label longer than GOVREPORT_MAX_CELL bytes is read as prose,
 *   never as a label or a number; a number beyond int64 is CELL_INVALID.
 * @{ */
/** The largest input govreport_parse() accepts: 64 MiB. @since 1.0 */
#define GOVREPORT_MAX_INPUT ((size_t)64 * 1024 * 1024)
/** The largest limit govreport_parse_limited() accepts: 1 GiB. @since 1.0 */
#define GOVREPORT_MAX_INPUT_CEILING ((size_t)1024 * 1024 * 1024)
/** Longest table cell or label, in bytes of UTF-8. @since 1.0 */
#define GOVREPORT_MAX_CELL 240
/** @} */
/** The deepest JSON nesting govreport_from_json() accepts. @since 1.0 */
#define GOVREPORT_MAX_JSON_DEPTH 128

/* ------------------------------------------------------------------ */
/** @name Library */
/** @{ */

/**
 * The library's version, "MAJOR.MINOR.PATCH".
 * @return a static string.
 * @since 1.0
 */
GOVREPORT_EXPORT const char *govreport_version(void);

/**
 * A short English description of a status, e.g. "out of memory".
 * @return a static string; "unknown status" for a value this version lacks.
 * @since 1.0
 */
GOVREPORT_EXPORT const char *govreport_status_str(enum govreport_status status);

/**
 * Free a string the library handed out through a `char **` parameter.
 * NULL is a no-op.
 * @since 1.0
 */
GOVREPORT_EXPORT void govreport_string_free(char *string);

/** @} */
/* ------------------------------------------------------------------ */
/** @name Reports */
/** @{ */

/**
 * Make an empty report of a template: every table present, every cell
 * GOVREPORT_CELL_MISSING, every text field NULL. Rendered, it is the blank
 * form an organ fills in.
 * @param tpl GOVREPORT_TEMPLATE_2019 or GOVREPORT_TEMPLATE_2021.
 * @param year the reporting year, or 0 for unknown.
 * @param out receives the report, to be freed with govreport_free().
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOMEM.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_new(enum govreport_template tpl, int year, struct govreport **out);

/**
 * Parse the text of a report (UTF-8 with or without BOM, UTF-16 with BOM,
 * or GB18030) into a report. A readable document never fails: what could
 * not be read becomes a diagnostic and a null cell.
 *
 * The shape of the input is detected unless a flag names it: HTML when it
 * starts with markup or holds an <html>, <body> or <table> element (its
 * <meta charset> is honoured: gb2312, gbk, big5, …); text extracted from
 * PDF with `pdftotext -layout` when many lines hold columns separated by
 * runs of spaces; a .docx or .odt file by its bytes (read with libzip,
 * within the limits the README lists; since 1.1); text otherwise.
 * @param data the document's bytes; need not be NUL-terminated.
 * @param len their length, at most GOVREPORT_MAX_INPUT.
 * @param flags 0 (detect the shape), or one of GOVREPORT_FORMAT_TEXT,
 *        GOVREPORT_FORMAT_HTML, GOVREPORT_FORMAT_LAYOUT, and (since 1.1)
 *        GOVREPORT_FORMAT_DOCX, GOVREPORT_FORMAT_ODT, GOVREPORT_FORMAT_BBOX;
 *        anything else is GOVREPORT_ERR_ARGUMENT.
 * @param out receives the report, to be freed with govreport_free(); set
 *        to NULL on failure.
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOMEM,
 *         GOVREPORT_ERR_INPUT_EMPTY, GOVREPORT_ERR_INPUT_TOO_LARGE,
 *         GOVREPORT_ERR_INPUT_NOT_TEXT, GOVREPORT_ERR_INTERNAL; and (since
 *         1.1) GOVREPORT_ERR_INPUT_UNSUPPORTED for a Word 97 .doc or .wps
 *         (or a .docx/.odt in a build without libzip), GOVREPORT_ERR_LIMIT
 *         for an archive beyond its limits (a zip bomb).
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_parse(const char *data, size_t len, unsigned flags,
		struct govreport **out);

/**
 * govreport_parse() with another input limit than GOVREPORT_MAX_INPUT.
 * @param max_input the largest input accepted, in bytes; 0 for
 *        GOVREPORT_MAX_INPUT.
 * @return as govreport_parse(), and GOVREPORT_ERR_RANGE for a limit above
 *         GOVREPORT_MAX_INPUT_CEILING.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_parse_limited(const char *data, size_t len, unsigned flags,
			size_t max_input, struct govreport **out);

/**
 * Free a report and everything it owns. NULL is a no-op.
 * @since 1.0
 */
GOVREPORT_EXPORT void govreport_free(struct govreport *report);

/**
 * The report's template; GOVREPORT_TEMPLATE_UNKNOWN when no table matched
 * one (or report is NULL).
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_template
govreport_template(const struct govreport *report);

/**
 * The reporting year (统计年度), 0 when unknown.
 * @since 1.0
 */
GOVREPORT_EXPORT int govreport_year(const struct govreport *report);

/**
 * Set the reporting year; 0 means unknown.
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_RANGE (not 0
 *         and outside 1900–9999).
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_set_year(struct govreport *report, int year);

/**
 * A text field, simplified Chinese and NFKC-normalised.
 * @return the text, owned by the report (see the conventions), or NULL
 *         when the document does not say or the field is unknown.
 * @since 1.0
 */
GOVREPORT_EXPORT const char *
govreport_field(const struct govreport *report, enum govreport_field field);

/** govreport_field(report, GOVREPORT_FIELD_ORGAN). @since 1.0 */
GOVREPORT_EXPORT const char *govreport_organ(const struct govreport *report);
/** govreport_field(report, GOVREPORT_FIELD_TITLE). @since 1.0 */
GOVREPORT_EXPORT const char *govreport_title(const struct govreport *report);
/** govreport_field(report, GOVREPORT_FIELD_PUBLISHED). @since 1.0 */
GOVREPORT_EXPORT const char *govreport_published(const struct govreport *report);

/**
 * Set a text field (copied); NULL clears it. GOVREPORT_FIELD_PUBLISHED
 * takes a real date written YYYY-MM-DD.
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_RANGE (not
 *         UTF-8, or not a date for PUBLISHED), GOVREPORT_ERR_NOMEM.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_set_field(struct govreport *report, enum govreport_field field,
		    const char *value);

/**
 * Whether a table is in the report. A table whose part is missing, or
 * whose part holds no table, is absent (JSON null).
 * @return 1 present, 0 absent or bad arguments.
 * @since 1.0
 */
GOVREPORT_EXPORT int govreport_has_section(const struct govreport *report,
					   enum govreport_section section);

/**
 * The official label of a table, row or column of a template, for showing
 * an id to people: "active_disclosure" → 主动公开政府信息情况,
 * "applications.granted" → （一）予以公开, "applications.granted.total" →
 * 总计 (a path's last id is the one labelled). The wording is the
 * template's own (2019 and 2021 differ).
 * @param tpl GOVREPORT_TEMPLATE_2019 or GOVREPORT_TEMPLATE_2021.
 * @param path a section id, "section.row" or "section.row.column".
 * @param flags 0, or GOVREPORT_LANG_EN for the English label.
 * @return a static string, or NULL for an unknown template, path or flag.
 * @since 1.1
 */
GOVREPORT_EXPORT const char *govreport_label(enum govreport_template tpl, const char *path,
					     unsigned flags);

/** @} */
/* ------------------------------------------------------------------ */
/** @name Cells by path
 * A path names a cell by its section, row and column ids, as in the JSON:
 * "applications.new_received.total", "active_disclosure.fees.amount".
 * @{ */

/**
 * Read an integer cell.
 * @param value receives the value; 0 when the cell holds none.
 * @param state receives the cell's state (may be NULL).
 * @return GOVREPORT_OK (also for a null cell: look at @p state),
 *         GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOT_FOUND (no such cell in
 *         this template, or its table is absent), GOVREPORT_ERR_TYPE (the
 *         cell holds a decimal with a fraction).
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_get(const struct govreport *report, const char *path,
	      int64_t *value, enum govreport_cell_state *state);

/**
 * Read any cell as an exact decimal: value = coefficient × 10^-scale.
 * Counts have scale 0; money (万元) keeps the decimal places written.
 * @return as govreport_get(), never GOVREPORT_ERR_TYPE.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_get_decimal(const struct govreport *report, const char *path,
		      int64_t *coefficient, unsigned *scale,
		      enum govreport_cell_state *state);

/**
 * Set a cell to an integer (state PRESENT). Makes its table present.
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOT_FOUND,
 *         GOVREPORT_ERR_NOMEM.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_set(struct govreport *report, const char *path, int64_t value);

/**
 * Set a money cell to coefficient × 10^-scale (state PRESENT).
 * @return as govreport_set(), and GOVREPORT_ERR_TYPE for a count cell with
 *         a scale above 0, GOVREPORT_ERR_RANGE for a scale above 18.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_set_decimal(struct govreport *report, const char *path,
		      int64_t coefficient, unsigned scale);

/**
 * Make a cell null with the given state (MISSING, BLANK, DASH or INVALID).
 * @return as govreport_set(), GOVREPORT_ERR_ARGUMENT for PRESENT/INFERRED.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_set_null(struct govreport *report, const char *path,
		   enum govreport_cell_state state);

/**
 * Where a cell came from in the source text.
 * @param line receives the 1-based line, 0 when the cell was not read from
 *        text. May be NULL.
 * @param raw receives the cell's text as read (normalised), owned by the
 *        report, or NULL. May be NULL.
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOT_FOUND.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_get_source(const struct govreport *report, const char *path,
		     size_t *line, const char **raw);

/** @} */
/* ------------------------------------------------------------------ */
/** @name Table 二 — 主动公开政府信息情况 (第二十条 items)
 * Which rows and columns exist depends on the template (SPEC §1.1).
 * @{ */

/** Rows of table 二. @since 1.0 */
enum govreport_ad_row {
	GOVREPORT_AD_ROW_RULES = 0,               /**< 规章 */
	GOVREPORT_AD_ROW_NORMATIVE_DOCUMENTS = 1, /**< (行政)规范性文件 */
	GOVREPORT_AD_ROW_LICENSING = 2,           /**< 行政许可 */
	GOVREPORT_AD_ROW_OTHER_SERVICES = 3,      /**< 其他对外管理服务事项, "2019" */
	GOVREPORT_AD_ROW_PENALTY = 4,             /**< 行政处罚 */
	GOVREPORT_AD_ROW_ENFORCEMENT = 5,         /**< 行政强制 */
	GOVREPORT_AD_ROW_FEES = 6,                /**< 行政事业性收费 */
	GOVREPORT_AD_ROW_PROCUREMENT = 7,         /**< 政府集中采购, "2019" */
};

/** Columns of table 二. @since 1.0 */
enum govreport_ad_column {
	GOVREPORT_AD_COL_ISSUED = 0,          /**< 本年制发件数, "2021" */
	GOVREPORT_AD_COL_REPEALED = 1,        /**< 本年废止件数, "2021" */
	GOVREPORT_AD_COL_IN_FORCE = 2,        /**< 现行有效件数, "2021" */
	GOVREPORT_AD_COL_DECISIONS = 3,       /**< (本年)处理决定数量 */
	GOVREPORT_AD_COL_AMOUNT = 4,          /**< money, 万元 */
	GOVREPORT_AD_COL_NEW_MADE = 5,        /**< 本年新制作数量, "2019" */
	GOVREPORT_AD_COL_NEW_PUBLISHED = 6,   /**< 本年新公开数量, "2019" */
	GOVREPORT_AD_COL_TOTAL_PUBLISHED = 7, /**< 对外公开总数量, "2019" */
	GOVREPORT_AD_COL_PREVIOUS_ITEMS = 8,  /**< 上一年项目数量, "2019" */
	GOVREPORT_AD_COL_CHANGE = 9,          /**< 本年增/减, may be negative */
	GOVREPORT_AD_COL_PROJECTS = 10,       /**< 采购项目数量, "2019" */
};

/**
 * Read a cell of table 二 as an exact decimal (see govreport_get_decimal()).
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOT_FOUND.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_ad_get(const struct govreport *report, enum govreport_ad_row row,
		 enum govreport_ad_column column, int64_t *coefficient,
		 unsigned *scale, enum govreport_cell_state *state);

/**
 * Set a cell of table 二 (state PRESENT); counts take scale 0.
 * @return as govreport_set_decimal().
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_ad_set(struct govreport *report, enum govreport_ad_row row,
		 enum govreport_ad_column column, int64_t coefficient,
		 unsigned scale);

/** @} */
/* ------------------------------------------------------------------ */
/** @name Table 三 — 收到和处理政府信息公开申请情况
 * @{ */

/** Rows of table 三, in table order (SPEC §1.2). @since 1.0 */
enum govreport_app_row {
	GOVREPORT_APP_ROW_NEW_RECEIVED = 0,
	GOVREPORT_APP_ROW_CARRIED_OVER = 1,
	GOVREPORT_APP_ROW_GRANTED = 2,
	GOVREPORT_APP_ROW_PARTIALLY_GRANTED = 3,
	GOVREPORT_APP_ROW_DENIED_STATE_SECRET = 4,
	GOVREPORT_APP_ROW_DENIED_PROHIBITED_BY_LAW = 5,
	GOVREPORT_APP_ROW_DENIED_THREE_SECURITIES = 6,
	GOVREPORT_APP_ROW_DENIED_THIRD_PARTY = 7,
	GOVREPORT_APP_ROW_DENIED_INTERNAL_AFFAIRS = 8,
	GOVREPORT_APP_ROW_DENIED_PROCESS_INFO = 9,
	GOVREPORT_APP_ROW_DENIED_ENFORCEMENT_FILES = 10,
	GOVREPORT_APP_ROW_DENIED_ADMINISTRATIVE_QUERY = 11,
	GOVREPORT_APP_ROW_UNAVAILABLE_NOT_HELD = 12,
	GOVREPORT_APP_ROW_UNAVAILABLE_NEEDS_CREATION = 13,
	GOVREPORT_APP_ROW_UNAVAILABLE_UNCLEAR = 14,
	GOVREPORT_APP_ROW_UNPROCESSED_PETITION = 15,
	GOVREPORT_APP_ROW_UNPROCESSED_DUPLICATE = 16,
	GOVREPORT_APP_ROW_UNPROCESSED_PUBLICATION = 17,
	GOVREPORT_APP_ROW_UNPROCESSED_EXCESSIVE = 18,
	GOVREPORT_APP_ROW_UNPROCESSED_CONFIRMATION = 19,
	GOVREPORT_APP_ROW_OTHER_NO_CORRECTION = 20, /**< "2021" */
	GOVREPORT_APP_ROW_OTHER_UNPAID_FEE = 21,    /**< "2021" */
	GOVREPORT_APP_ROW_OTHER_MISC = 22,          /**< "2021" */
	GOVREPORT_APP_ROW_OTHER = 23,               /**< "2019" */
	GOVREPORT_APP_ROW_TOTAL_PROCESSED = 24,
	GOVREPORT_APP_ROW_CARRIED_FORWARD = 25,
};

/** Columns of table 三 (applicants). @since 1.0 */
enum govreport_app_column {
	GOVREPORT_APP_COL_NATURAL_PERSON = 0, /**< 自然人 */
	GOVREPORT_APP_COL_COMMERCIAL = 1,     /**< 商业企业 */
	GOVREPORT_APP_COL_RESEARCH = 2,       /**< 科研机构 */
	GOVREPORT_APP_COL_SOCIAL_WELFARE = 3, /**< 社会公益组织 */
	GOVREPORT_APP_COL_LEGAL_SERVICES = 4, /**< 法律服务机构 */
	GOVREPORT_APP_COL_OTHER_ORG = 5,      /**< 其他 */
	GOVREPORT_APP_COL_TOTAL = 6,          /**< 总计 */
};

/**
 * Read a cell of table 三.
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOT_FOUND.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_app_get(const struct govreport *report, enum govreport_app_row row,
		  enum govreport_app_column column, int64_t *value,
		  enum govreport_cell_state *state);

/**
 * Set a cell of table 三 (state PRESENT).
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOT_FOUND,
 *         GOVREPORT_ERR_NOMEM.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_app_set(struct govreport *report, enum govreport_app_row row,
		  enum govreport_app_column column, int64_t value);

/** @} */
/* ------------------------------------------------------------------ */
/** @name Table 四 — 政府信息公开行政复议、行政诉讼情况
 * @{ */

/** Groups of table 四. @since 1.0 */
enum govreport_rl_row {
	GOVREPORT_RL_ROW_REVIEW = 0,                  /**< 行政复议 */
	GOVREPORT_RL_ROW_LITIGATION_DIRECT = 1,       /**< 未经复议直接起诉 */
	GOVREPORT_RL_ROW_LITIGATION_AFTER_REVIEW = 2, /**< 复议后起诉 */
};

/** Columns of each group of table 四. @since 1.0 */
enum govreport_rl_column {
	GOVREPORT_RL_COL_UPHELD = 0,    /**< 结果维持 */
	GOVREPORT_RL_COL_CORRECTED = 1, /**< 结果纠正 */
	GOVREPORT_RL_COL_OTHER = 2,     /**< 其他结果 */
	GOVREPORT_RL_COL_PENDING = 3,   /**< 尚未审结 */
	GOVREPORT_RL_COL_TOTAL = 4,     /**< 总计 */
};

/**
 * Read a cell of table 四.
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOT_FOUND.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_rl_get(const struct govreport *report, enum govreport_rl_row row,
		 enum govreport_rl_column column, int64_t *value,
		 enum govreport_cell_state *state);

/**
 * Set a cell of table 四 (state PRESENT).
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOT_FOUND,
 *         GOVREPORT_ERR_NOMEM.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_rl_set(struct govreport *report, enum govreport_rl_row row,
		 enum govreport_rl_column column, int64_t value);

/** @} */
/* ------------------------------------------------------------------ */
/** @name Diagnostics
 * What parsing (and validation) found, in the order found. Index @p i runs
 * from 0 to govreport_diag_count() - 1; an index out of range gives NULL,
 * 0 or -1 as documented. govreport_validate() and govreport_compare()
 * change the list: each frees the diagnostics it added before, and those
 * of the rules switched off (the parser's too), and may change
 * severities; after either, read the list again from
 * govreport_diag_count(), as indices and messages read before are stale.
 * @{ */

/** Number of diagnostics in the report (0 for NULL). @since 1.0 */
GOVREPORT_EXPORT size_t govreport_diag_count(const struct govreport *report);

/**
 * The stable code, e.g. "CELL_BLANK" (a static string), or NULL.
 * @since 1.0
 */
GOVREPORT_EXPORT const char *
govreport_diag_code(const struct govreport *report, size_t i);

/**
 * The severity, or -1 for an index out of range.
 * @since 1.0
 */
GOVREPORT_EXPORT int govreport_diag_severity(const struct govreport *report,
					     size_t i);

/**
 * The section, row and column ids the diagnostic is about (static strings),
 * each NULL where it does not apply.
 * @since 1.0
 */
GOVREPORT_EXPORT const char *
govreport_diag_section(const struct govreport *report, size_t i);
/** @copydoc govreport_diag_section @since 1.0 */
GOVREPORT_EXPORT const char *govreport_diag_row(const struct govreport *report,
						size_t i);
/** @copydoc govreport_diag_section @since 1.0 */
GOVREPORT_EXPORT const char *
govreport_diag_column(const struct govreport *report, size_t i);

/**
 * The 1-based source line, 0 when the diagnostic has none.
 * @since 1.0
 */
GOVREPORT_EXPORT size_t govreport_diag_line(const struct govreport *report,
					    size_t i);

/**
 * The numbers involved, where the diagnostic has them.
 * @param value receives the number.
 * @return 1 when the diagnostic has that number, 0 when not.
 * @since 1.0
 */
GOVREPORT_EXPORT int govreport_diag_expected(const struct govreport *report,
					     size_t i, int64_t *value);
/** @copydoc govreport_diag_expected @since 1.0 */
GOVREPORT_EXPORT int govreport_diag_actual(const struct govreport *report,
					   size_t i, int64_t *value);

/**
 * The message for a reader of the report, in Chinese or, with
 * GOVREPORT_LANG_EN in @p flags, English. Owned by the report until
 * govreport_free(), or until govreport_validate() or govreport_compare()
 * frees it with its diagnostic (see Diagnostics).
 * @return the message, or NULL for an index out of range.
 * @since 1.0
 */
GOVREPORT_EXPORT const char *
govreport_diag_message(const struct govreport *report, size_t i,
		       unsigned flags);

/**
 * All diagnostics as JSON: {"diagnostics": [...], "errors": N,
 * "warnings": N, "infos": N}. Each diagnostic is an object with, in this
 * order, "code", "severity" ("error", "warning", "info"), "section",
 * "row", "column", "line", "expected", "actual" and "message"; a key that
 * does not apply is null (line 0 is null).
 * @param flags GOVREPORT_LANG_EN (English messages instead of Chinese),
 *        GOVREPORT_JSON_PRETTY; any other flag is GOVREPORT_ERR_ARGUMENT.
 * @param out receives the NUL-terminated JSON, freed with
 *        govreport_string_free().
 * @param len receives its length (may be NULL).
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOMEM.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_diagnostics_json(const struct govreport *report, unsigned flags,
			   char **out, size_t *len);

/** @} */
/* ------------------------------------------------------------------ */
/** @name JSON
 * @{ */

/**
 * Write the report as the canonical JSON of the govreport-1 format: keys
 * in one fixed order (format, template, year, organ, title, published,
 * text, active_disclosure, applications, review_litigation), rows and
 * columns in template order, an absent table as null. A cell is its number,
 * or null for every state but PRESENT and INFERRED. Money is written
 * exactly, with the decimal places it holds (12.3456, 0.0500). The same
 * report always gives the same bytes; the schema is installed as
 * govreport/govreport.schema.json under the data directory.
 * @param flags GOVREPORT_JSON_DETAIL: each cell as {"value": …, "state":
 *        "present", "line": 41, "raw": "41"} (line null when 0, raw null
 *        when none); GOVREPORT_JSON_PRETTY: indented by two spaces, ending
 *        in a newline (otherwise compact, without any space). Any other
 *        flag is GOVREPORT_ERR_ARGUMENT.
 * @param out receives the NUL-terminated JSON, freed with
 *        govreport_string_free().
 * @param len receives its length (may be NULL).
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOMEM.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_to_json(const struct govreport *report, unsigned flags, char **out,
		  size_t *len);

/**
 * Read a report from govreport-1 JSON (canonical or detailed). Writing it
 * back with the same flags gives the same bytes.
 *
 * Keys may come in any order. All top-level keys are required but "text"
 * (left out: all three texts null); in a table that is not null, every row
 * and column id of the template is required. Unknown and duplicate keys,
 * wrong types, a "format" other than "govreport-1", tables without a
 * template, fractions or exponents in counts, numbers outside int64_t,
 * money with more than 18 decimal places, a year outside 1900–9999,
 * strings that are not UTF-8 or hold U+0000 or a lone surrogate escape,
 * and anything after the JSON value are refused.
 *
 * Cells may be numbers, null, or detailed objects {"value", "state",
 * "line", "raw"} ("line" and "raw" may be left out); canonical and detailed
 * cells may be mixed. A detailed cell keeps its state, which must agree
 * with its value ("present" and "inferred" need a number, the others
 * null). A canonical null does not say why it is null: it becomes
 * GOVREPORT_CELL_MISSING, never BLANK, so that GOVREPORT_BLANK_AS_ZERO
 * does not read it as 0. Diagnostics are not part of the format: the
 * report has none.
 * @param json the text; need not be NUL-terminated.
 * @param len its length, at most GOVREPORT_MAX_INPUT.
 * @param flags 0 (reserved); anything else is GOVREPORT_ERR_ARGUMENT.
 * @param out receives the report, or NULL on failure.
 * @param error receives, on GOVREPORT_ERR_JSON or GOVREPORT_ERR_LIMIT, a
 *        message naming the JSON path and the reason
 *        ("applications.granted.total: expected integer or null",
 *        "published: missing"; "(root): …" for the document itself),
 *        freed with govreport_string_free(); NULL otherwise. May be NULL.
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOMEM,
 *         GOVREPORT_ERR_JSON, GOVREPORT_ERR_LIMIT (nesting deeper than
 *         GOVREPORT_MAX_JSON_DEPTH or input over GOVREPORT_MAX_INPUT).
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_from_json(const char *json, size_t len, unsigned flags,
		    struct govreport **out, char **error);

/** @} */

/* ------------------------------------------------------------------ */
/** @name Validation
 * The checks of SPEC §5. Their diagnostics join the report's list (see
 * Diagnostics); running validation again replaces the ones it added
 * before. A check whose inputs include a null cell is skipped, never a
 * false error.
 * @{ */

/**
 * Check a report: the tables' equations (T3_BALANCE, T3_TOTAL_PROCESSED,
 * T3_ROW_TOTAL, T4_TOTAL), VALUE_NEGATIVE, FEE_PRECISION, TEMPLATE_YEAR,
 * PUBLISHED_LATE, PUBLISHED_EARLY, SECTION_MISSING, the prose against the
 * tables (NARRATIVE_APPLICATIONS, NARRATIVE_FIGURE), and SUGGESTED_FIX
 * where one cell change would make every failing equation of a table hold.
 * Switched-off rules are left out and severities changed as set with
 * govreport_rule_enable() and govreport_rule_severity(); that applies to
 * the parser's diagnostics too.
 * @param flags GOVREPORT_BLANK_AS_ZERO, GOVREPORT_INFER (changes cells),
 *        GOVREPORT_VALIDATE_DETAIL.
 * @return GOVREPORT_OK (whatever was found: count the diagnostics),
 *         GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOMEM.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_validate(struct govreport *report, unsigned flags);

/**
 * The cross-year checks of two consecutive reports of one organ:
 * XY_CARRYOVER (each column of 二、上年结转 against last year's
 * 四、结转下年度) and, for two "2021" reports, XY_IN_FORCE (现行有效件数 =
 * last year's + 本年制发 − 本年废止), and XY_ORGAN (a warning: the two
 * reports name different organs, white space aside; no finding when
 * either names none). Diagnostics are added to @p current;
 * comparing again replaces the ones added before.
 * @param flags GOVREPORT_BLANK_AS_ZERO, GOVREPORT_VALIDATE_DETAIL.
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOMEM,
 *         GOVREPORT_ERR_YEARS (the years are unknown or not consecutive).
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_compare(const struct govreport *previous, struct govreport *current,
		  unsigned flags);

/**
 * Switch a rule (a diagnostic code such as "PUBLISHED_LATE") off or on
 * again for this report; validation then leaves its diagnostics out.
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOT_FOUND
 *         (no such code).
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_rule_enable(struct govreport *report, const char *code, int enabled);

/**
 * Give a rule's diagnostics another severity for this report.
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOT_FOUND.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_rule_severity(struct govreport *report, const char *code,
			enum govreport_severity severity);

/**
 * The publication deadline PUBLISHED_LATE checks, as a day of the year
 * after the reporting year; 31 January (1, 31) unless set.
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_RANGE (no
 *         such day).
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_set_deadline(struct govreport *report, int month, int day);

/** @} */

/* ------------------------------------------------------------------ */
/** @name Totals and differences
 * govreport_sum() totals the reports of several organs (汇总);
 * govreport_diff() lists what differs between two reports, e.g. two
 * years of one organ.
 * @{ */

/**
 * Total several reports of one template and year, cell by cell, into a
 * new report.
 *
 * Nulls are never counted as 0: a cell that is null in any input (blank,
 * dash, missing, invalid, or in a table that input lacks) is null
 * (GOVREPORT_CELL_MISSING) in the total, and the total gets a
 * SUM_INCOMPLETE diagnostic (warning) naming the cell, with `actual` the
 * number of inputs without a value and `expected` what the others add up
 * to (for money, its whole part; the message gives it exactly). Money
 * adds exactly, at the largest number of decimal places among the inputs.
 * A cell is GOVREPORT_CELL_INFERRED when any input's is, else PRESENT.
 * A table is present when any input has it. Organ, title, published and
 * the texts are kept where every input has the same one, else NULL. The
 * inputs' own diagnostics are not carried over, and the inputs are not
 * changed.
 * @param reports @p n reports, none NULL.
 * @param n how many; at least 1.
 * @param out receives the total, to be freed with govreport_free(); NULL
 *        on failure.
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT (NULL pointers, n == 0),
 *         GOVREPORT_ERR_TEMPLATE (templates or years differ, or a report
 *         has no template), GOVREPORT_ERR_RANGE (a total does not fit in
 *         int64_t), GOVREPORT_ERR_NOMEM.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_sum(const struct govreport *const *reports, size_t n,
	      struct govreport **out);

/** The differences of two reports (govreport_diff()). @since 1.0 */
struct govreport_diff;

/**
 * What a difference is about; each names its key as the canonical JSON
 * does (govreport_diff_section(), _row(), _column()).
 * @since 1.0
 */
enum govreport_diff_kind {
	/** A cell: section, row and column ids; both values and states. */
	GOVREPORT_DIFF_CELL = 0,
	/** A table one report has and the other lacks: its section id; the
	 * state is GOVREPORT_CELL_PRESENT on the side that has it, MISSING
	 * on the other. */
	GOVREPORT_DIFF_TABLE = 1,
	/** The template: section "template"; the value is the enum
	 * govreport_template, the text its name ("2019"), MISSING/NULL when
	 * unknown. */
	GOVREPORT_DIFF_TEMPLATE = 2,
	/** The reporting year: section "year"; MISSING when unknown. */
	GOVREPORT_DIFF_YEAR = 3,
	/** A text: section "organ", "title" or "published", or section
	 * "text" with row "overview", "problems" or "other_matters"; read
	 * with govreport_diff_text_a() and govreport_diff_text_b(). */
	GOVREPORT_DIFF_TEXT = 4,
};

/**
 * List what differs between two reports, in the order of the canonical
 * JSON: template, year, organ, title, published, texts, then each table
 * (present in one report only: one GOVREPORT_DIFF_TABLE; in both: its
 * cells in template order).
 *
 * Cells are compared as the canonical JSON writes them, by value: two
 * null cells are equal whatever their states, PRESENT 5 equals INFERRED
 * 5, and 1.5 equals 1.50; a difference keeps both values and both states.
 * Reports of different templates are compared by ids, a row or column
 * only one template has standing against a MISSING cell.
 * @param a, b the reports; they are not changed, and the diff does not
 *        refer to them once made.
 * @param out receives the differences (possibly none), to be freed with
 *        govreport_diff_free(); NULL on failure.
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOMEM.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_diff(const struct govreport *a, const struct govreport *b,
	       struct govreport_diff **out);

/** Free a diff and all it owns. NULL is a no-op. @since 1.0 */
GOVREPORT_EXPORT void govreport_diff_free(struct govreport_diff *diff);

/** Number of differences (0 for NULL). @since 1.0 */
GOVREPORT_EXPORT size_t govreport_diff_count(const struct govreport_diff *diff);

/**
 * The kind of difference @p i (an enum govreport_diff_kind value), or -1
 * for an index out of range.
 * @since 1.0
 */
GOVREPORT_EXPORT int govreport_diff_kind(const struct govreport_diff *diff,
					 size_t i);

/**
 * The key of difference @p i: section (a table id, or a top-level key such
 * as "year"), row and column ids. Static strings; NULL where the key has
 * no such part, or for an index out of range.
 * @since 1.0
 */
GOVREPORT_EXPORT const char *
govreport_diff_section(const struct govreport_diff *diff, size_t i);
/** @copydoc govreport_diff_section @since 1.0 */
GOVREPORT_EXPORT const char *
govreport_diff_row(const struct govreport_diff *diff, size_t i);
/** @copydoc govreport_diff_section @since 1.0 */
GOVREPORT_EXPORT const char *
govreport_diff_column(const struct govreport_diff *diff, size_t i);

/**
 * Report a's side of difference @p i: for a cell its exact decimal
 * (coefficient × 10^-scale; 0 when null) and state; for a year or
 * template its number and PRESENT, or 0 and MISSING when unknown; for a
 * table 0 and PRESENT or MISSING. Each out-parameter may be NULL.
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT (NULL diff, index out of
 *         range), GOVREPORT_ERR_TYPE (a text difference: use
 *         govreport_diff_text_a()).
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_diff_a(const struct govreport_diff *diff, size_t i,
		 int64_t *coefficient, unsigned *scale,
		 enum govreport_cell_state *state);
/** Report b's side of difference @p i, as govreport_diff_a(). @since 1.0 */
GOVREPORT_EXPORT enum govreport_status
govreport_diff_b(const struct govreport_diff *diff, size_t i,
		 int64_t *coefficient, unsigned *scale,
		 enum govreport_cell_state *state);

/**
 * Report a's text in difference @p i: a text field's content or a
 * template's name, owned by the diff until govreport_diff_free(); NULL
 * when that side has none, for other kinds, or for an index out of range.
 * @since 1.0
 */
GOVREPORT_EXPORT const char *
govreport_diff_text_a(const struct govreport_diff *diff, size_t i);
/** Report b's text in difference @p i, as govreport_diff_text_a().
 * @since 1.0 */
GOVREPORT_EXPORT const char *
govreport_diff_text_b(const struct govreport_diff *diff, size_t i);

/**
 * The differences as JSON: {"differences": [...], "count": N}. Each
 * difference is an object with, in this order, "kind" ("cell", "table",
 * "template", "year", "text"), "section", "row", "column" (null where the
 * key has no such part), and "a" and "b": for a cell {"value": number or
 * null, "state": "present" …}, for a table true or false (present), for a
 * year a number or null, for a template or text a string or null.
 * @param flags GOVREPORT_JSON_PRETTY; any other flag is
 *        GOVREPORT_ERR_ARGUMENT.
 * @param out receives the NUL-terminated JSON, freed with
 *        govreport_string_free().
 * @param len receives its length (may be NULL).
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOMEM.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_diff_json(const struct govreport_diff *diff, unsigned flags,
		    char **out, size_t *len);

/** @} */

/* ------------------------------------------------------------------ */
/** @name Rendering
 * The report as its template's official forms (SPEC §7).
 * @{ */

/**
 * What govreport_render() writes.
 * @since 1.0
 */
enum govreport_render_format {
	/** A complete HTML page (UTF-8): the title, the six parts with their
	 * prose, each table in the official layout of the report's template
	 * (rowspan/colspan, official labels, `<table class="govreport
	 * govreport-SECTION">`, no styling beyond the class), the signature
	 * and the date (`<p class="govreport-signature">`). Each value cell
	 * names itself by the ids of its section, row and column
	 * (`<td data-section="applications" data-row="new_received"
	 * data-column="total">`; since 1.1), for a script or a style sheet
	 * to find. Parsing it gives the report back. */
	GOVREPORT_RENDER_HTML = 0,
	/** The same document in Markdown: pipe tables, a merged cell's text
	 * written once, a row's stub labels in its first cell. Parsing it
	 * gives the report back. */
	GOVREPORT_RENDER_MARKDOWN = 1,
	/** Every cell of every table present, long form, one line per cell:
	 * `section,row,column,value,state` after that header line (RFC 4180,
	 * CRLF line ends); value empty for a null cell, state "present",
	 * "blank", "dash", "invalid", "inferred" or "missing". */
	GOVREPORT_RENDER_CSV = 2,
	/** The document as plain text, tables drawn as grid tables
	 * (`+----+` rules between rows, `|` between cells, columns aligned in
	 * display width: East Asian wide characters count two columns), so
	 * that an empty cell keeps its column. Parsing it gives the report
	 * back. */
	GOVREPORT_RENDER_TEXT = 3,
};

/**
 * Render a report. A report made by govreport_new() renders as the blank
 * form an organ fills in. Only what the report holds is written: a part
 * whose text is NULL and a table that is absent are left out (with their
 * headings), so that parsing the HTML or Markdown gives the same report
 * (the same canonical JSON) back; an opening sentence names the organ and
 * year when the title does not. (Table 四 of a blank form, without a
 * single figure, reads back as absent.)
 * @param format one of enum govreport_render_format.
 * @param flags GOVREPORT_RENDER_PAGE (HTML only, since 1.1): the page with
 *        a built-in style sheet that looks and prints like the official
 *        form (inline CSS, no scripts).
 *        GOVREPORT_RENDER_ANNOTATE (HTML only): a self-contained page
 *        for people checking a report, with inline CSS (that of
 *        GOVREPORT_RENDER_PAGE and the marks) and no scripts,
 *        every cell a diagnostic of the report names marked with the class
 *        of its severity ("gr-error", "gr-warning", "gr-info") and the
 *        message as its title, the messages as numbered notes under each
 *        table, and the diagnostics that name no cell listed; run
 *        govreport_validate() first for the rule checks.
 *        GOVREPORT_LANG_EN: those messages and notes in English. Any
 *        other flag is GOVREPORT_ERR_ARGUMENT.
 * @param out receives the NUL-terminated text, freed with
 *        govreport_string_free().
 * @param len receives its length (may be NULL).
 * @return GOVREPORT_OK, GOVREPORT_ERR_ARGUMENT, GOVREPORT_ERR_NOMEM.
 * @since 1.0
 */
GOVREPORT_EXPORT enum govreport_status
govreport_render(const struct govreport *report,
		 enum govreport_render_format format, unsigned flags,
		 char **out, size_t *len);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* GOVREPORT_H */
