/*
 * PDF input for the govreport tool: the text and word boxes of a PDF
 * through poppler's `pdftotext -bbox-layout FILE -`, run as a separate
 * program.
 *
 * Why a separate program: poppler is GPL and libgovreport is MIT, so
 * poppler is never linked into the library nor into this tool. The
 * library reads the XHTML that pdftotext writes (SPEC §2 item 14), so a
 * program that has a PDF runs pdftotext itself and parses its output, as
 * this file does (and bindings/python/govreport does with subprocess).
 */
#ifndef GOVREPORT_CLI_PDF_H
#define GOVREPORT_CLI_PDF_H

#include <stddef.h>

/* Errors of cli_pdf_to_bbox(), beside errno values (which are positive):
 * cli_read_error() says what they mean and what to do. */
enum cli_pdf_error {
	CLI_PDF_NO_PDFTOTEXT = -1001, /* pdftotext is not on PATH */
	CLI_PDF_FAILED = -1002,       /* pdftotext could not read the PDF */
	CLI_PDF_PROTECTED = -1003,    /* the PDF forbids copying its text */
	CLI_PDF_NO_TEXT = -1004,      /* no word in any page: a scan, needs OCR */
};

/* Whether the bytes are a PDF: they start with "%PDF-". */
int cli_pdf_is(const char *data, size_t len);

/*
 * Replace the PDF in *data (malloc'd, *len bytes, read from @path, or
 * from standard input for NULL or "-") with the output of `pdftotext
 * -bbox-layout FILE -`, at most GOVREPORT_MAX_INPUT bytes. @regular says
 * whether @path is a regular file that pdftotext can open itself; else
 * the bytes go to a temporary file first. Returns 0 (the old buffer is
 * freed, *data and *len hold the output), or an errno value or a
 * CLI_PDF_* error (*data is left as it was). Safe in worker threads.
 */
int cli_pdf_to_bbox(const char *path, int regular, char **data, size_t *len);

/* The message for a CLI_PDF_* error, or NULL for any other value. */
const char *cli_pdf_error(int err);

#endif
