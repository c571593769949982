/* parse → to_json → from_json → to_json: the two JSON texts must be the
 * same, canonical and detailed. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "govreport.h"

static void
round_trip(const struct govreport *r, unsigned flags)
{
	struct govreport *back;
	char *first = NULL, *second = NULL;
	size_t first_len, second_len;

	if (govreport_to_json(r, flags, &first, &first_len) != GOVREPORT_OK)
		abort();
	if (govreport_from_json(first, first_len, 0, &back, NULL) != GOVREPORT_OK)
		abort();
	govreport_validate(back, GOVREPORT_INFER);
	govreport_free(back);
	if (govreport_from_json(first, first_len, 0, &back, NULL) != GOVREPORT_OK ||
	    govreport_to_json(back, flags, &second, &second_len) != GOVREPORT_OK ||
	    first_len != second_len || memcmp(first, second, first_len) != 0)
		abort();
	govreport_string_free(first);
	govreport_string_free(second);
	govreport_free(back);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct govreport *r;

	if (govreport_parse((const char *)data, size, 0, &r) != GOVREPORT_OK)
		return 0;
	round_trip(r, 0);
	round_trip(r, GOVREPORT_JSON_DETAIL);
	govreport_validate(r, 0);
	govreport_free(r);
	return 0;
}
