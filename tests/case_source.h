/*
 * Cases whose shape loses cells (plain pdftotext, one-line web text: an
 * empty cell leaves nothing, so which cell was empty is not in the text).
 * Such a case keeps two reports beside its input: source.json, the report
 * the input was made from, and expected.json, what the library must give
 * (cases.h). The case's test compares the parse with expected.json as for
 * any case; this checks the rest, that expected.json only leaves out what
 * the shape lost, and that the parse says so where it does:
 *
 *   - every key of either file that is not a table (format, template,
 *     year, organ, title, published; "text" when expected.json has it)
 *     is the same in both;
 *   - every cell of either file's tables is a cell of the other (a table
 *     null in expected.json counts as null cells);
 *   - a cell expected.json gives a value has the same value in source.json
 *     (numbers as written);
 *   - a cell null in expected.json but not in source.json carries a
 *     CELL_AMBIGUOUS diagnostic in the parse: one whose section is the
 *     cell's and whose row and column are the cell's or not given (the
 *     library names the row, or only the table, whose cells a reading left
 *     in doubt: lib/tables/tables.c).
 */
#ifndef GR_TEST_CASE_SOURCE_H
#define GR_TEST_CASE_SOURCE_H

#include <stddef.h>

#include <yajl/yajl_tree.h>

#include "govreport.h"

struct case_findings {
	unsigned count;  /* every finding */
	size_t len;
	char text[4096]; /* the first ones, one per line */
};

/*
 * Check `parsed` and `expected_json` against `source_json` as above;
 * returns the number of findings (0: all hold), with what they are in
 * `out` (a file that is not a JSON object is one finding).
 */
unsigned case_source_check(const struct govreport *parsed, const char *expected_json,
			   const char *source_json, struct case_findings *out);

/*
 * For a Check test: when the case at `expected_path` has a source.json at
 * `source_path` (NULL: none, nothing to do), read both and fail the test,
 * naming the case and the findings, unless case_source_check() holds.
 */
void case_source_assert(const char *name, const struct govreport *parsed,
			const char *expected_path, const char *source_path);

/* A JSON value as a message shows it: null, a number as written, a string
 * (cut at 80 bytes, quoted) or what kind of value it is; "(absent)" for
 * NULL. buf holds the string's text. */
const char *case_json_show(yajl_val v, char *buf, size_t size);

#endif
