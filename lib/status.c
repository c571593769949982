/* Library-wide entry points: version, status text, string release. */
#include "util/alloc.h"
#include "config.h"
#include "govreport.h"

/* ctypes passes enums as c_int: keep every public enum int-sized. */
_Static_assert(sizeof(enum govreport_status) == sizeof(int), "enum size");
_Static_assert(sizeof(enum govreport_template) == sizeof(int), "enum size");
_Static_assert(sizeof(enum govreport_section) == sizeof(int), "enum size");
_Static_assert(sizeof(enum govreport_cell_state) == sizeof(int), "enum size");
_Static_assert(sizeof(enum govreport_field) == sizeof(int), "enum size");
_Static_assert(sizeof(enum govreport_severity) == sizeof(int), "enum size");
_Static_assert(sizeof(enum govreport_ad_row) == sizeof(int), "enum size");
_Static_assert(sizeof(enum govreport_ad_column) == sizeof(int), "enum size");
_Static_assert(sizeof(enum govreport_app_row) == sizeof(int), "enum size");
_Static_assert(sizeof(enum govreport_app_column) == sizeof(int), "enum size");
_Static_assert(sizeof(enum govreport_rl_row) == sizeof(int), "enum size");
_Static_assert(sizeof(enum govreport_rl_column) == sizeof(int), "enum size");

GOVREPORT_EXPORT const char *
govreport_version(void)
{
	return GOVREPORT_VERSION_STRING;
}

GOVREPORT_EXPORT const char *
govreport_status_str(enum govreport_status status)
{
	switch (status) {
	case GOVREPORT_OK: return "success";
	case GOVREPORT_ERR_ARGUMENT: return "invalid argument";
	case GOVREPORT_ERR_NOMEM: return "out of memory";
	case GOVREPORT_ERR_INPUT_EMPTY: return "input is empty";
	case GOVREPORT_ERR_INPUT_TOO_LARGE: return "input is too large";
	case GOVREPORT_ERR_INPUT_NOT_TEXT: return "input is not text";
	case GOVREPORT_ERR_JSON: return "invalid govreport JSON";
	case GOVREPORT_ERR_NOT_FOUND: return "no such cell or id";
	case GOVREPORT_ERR_TYPE: return "value has a fraction";
	case GOVREPORT_ERR_RANGE: return "value out of range";
	case GOVREPORT_ERR_LIMIT: return "limit exceeded";
	case GOVREPORT_ERR_TEMPLATE: return "reports do not share a template";
	case GOVREPORT_ERR_INTERNAL: return "internal error";
	case GOVREPORT_ERR_YEARS: return "reports are not of consecutive years";
	case GOVREPORT_ERR_INPUT_UNSUPPORTED:
		return "file format recognised but not read (.doc/.wps: convert to .docx; .docx/.odt: a build with libzip; HTML and PDF: a build with libxml2)";
	case GOVREPORT_ERR_INPUT_NO_TEXT: return "input has no text layer (needs OCR)";
	}
	return "unknown status";
}

GOVREPORT_EXPORT void
govreport_string_free(char *string)
{
	gr_free(string);
}
