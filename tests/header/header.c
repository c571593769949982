/*
 * Build-only test: the public header must compile on its own, first of
 * the includes, as strict C99 with every warning an error (see
 * meson.build).
 */
#include <govreport.h>

int
main(void)
{
	struct govreport *report = NULL;
	enum govreport_status status = GOVREPORT_OK;
	unsigned flags = GOVREPORT_JSON_DETAIL | GOVREPORT_JSON_PRETTY |
			 GOVREPORT_LANG_EN;
	size_t max = GOVREPORT_MAX_INPUT;

	(void)report;
	return (int)(status != GOVREPORT_OK || flags == 0 || max == 0 ||
		     GOVREPORT_MAX_JSON_DEPTH == 0);
}
