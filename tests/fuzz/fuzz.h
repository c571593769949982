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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
