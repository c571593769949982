/* Fuzz govreport_parse (every input shape), then validate and write it. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_parse_report((const char *)data, size);
	return 0;
}
