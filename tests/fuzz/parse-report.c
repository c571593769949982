/* govreport_parse, then validate and write what it read; see fuzz.h. */
#include <stdlib.h>

#include "fuzz.h"
#include "govreport.h"

enum govreport_status
fuzz_parse_report(const char *data, size_t size)
{
	struct govreport *r;
	char *json = NULL;
	enum govreport_status st = govreport_parse(data, size, 0, &r);

	if (st != GOVREPORT_OK)
		return st;
	govreport_validate(r, GOVREPORT_INFER | GOVREPORT_VALIDATE_DETAIL);
	govreport_to_json(r, GOVREPORT_JSON_DETAIL, &json, NULL);
	govreport_string_free(json);
	govreport_diagnostics_json(r, GOVREPORT_LANG_EN, &json, NULL);
	govreport_string_free(json);
	for (size_t i = 0; i < govreport_diag_count(r); i++)
		if (!govreport_diag_message(r, i, 0) || !govreport_diag_code(r, i))
			abort();
	govreport_free(r);
	return st;
}
