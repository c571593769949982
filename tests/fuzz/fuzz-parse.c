/* Fuzz govreport_parse (every input shape), then validate and write it. */
#include <stdlib.h>

#include "fuzz.h"
#include "govreport.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct govreport *r;
	char *json = NULL;

	if (govreport_parse((const char *)data, size, 0, &r) != GOVREPORT_OK)
		return 0;
	govreport_validate(r, GOVREPORT_INFER | GOVREPORT_VALIDATE_DETAIL);
	govreport_to_json(r, GOVREPORT_JSON_DETAIL, &json, NULL);
	govreport_string_free(json);
	govreport_diagnostics_json(r, GOVREPORT_LANG_EN, &json, NULL);
	govreport_string_free(json);
	for (size_t i = 0; i < govreport_diag_count(r); i++)
		if (!govreport_diag_message(r, i, 0) || !govreport_diag_code(r, i))
			abort();
	govreport_free(r);
	return 0;
}
