/* Fuzz govreport_from_json; what it accepts must validate and write back
 * the same canonical JSON twice. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "govreport.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct govreport *r, *again;
	char *error = NULL, *first = NULL, *second = NULL;
	size_t first_len, second_len;

	if (govreport_from_json((const char *)data, size, 0, &r, &error) != GOVREPORT_OK) {
		if (!error)
			abort(); /* every refusal says why */
		govreport_string_free(error);
		return 0;
	}
	govreport_validate(r, GOVREPORT_VALIDATE_DETAIL);
	if (govreport_to_json(r, GOVREPORT_JSON_DETAIL, &first, &first_len) != GOVREPORT_OK)
		abort();
	if (govreport_from_json(first, first_len, 0, &again, NULL) != GOVREPORT_OK)
		abort();
	if (govreport_to_json(again, GOVREPORT_JSON_DETAIL, &second, &second_len) != GOVREPORT_OK ||
	    first_len != second_len || memcmp(first, second, first_len) != 0)
		abort();
	govreport_string_free(first);
	govreport_string_free(second);
	govreport_free(again);
	govreport_free(r);
	return 0;
}
