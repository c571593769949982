/*
 * The fuzz harnesses' entry point. Each harness defines it; libFuzzer
 * calls it with generated inputs, and replay.c calls it with the committed
 * corpus as an ordinary test, so CI exercises the harnesses without
 * libFuzzer.
 */
#ifndef GR_FUZZ_H
#define GR_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "govreport.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * govreport_parse(data), and when it reads a report: validate it, write its
 * JSON and its diagnostics' JSON, and abort() when a diagnostic lacks its
 * code or message; everything freed. Returns the parse status
 * (parse-report.c; fuzz-parse and fuzz-docx share it).
 */
enum govreport_status fuzz_parse_report(const char *data, size_t size);

#endif
