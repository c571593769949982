/*
 * A zip archive written in memory with libzip, for the tests and the fuzz
 * harness of the .docx/.odt readers (test-docx.c, fuzz/fuzz-docx.c).
 * Needs no Check, so a libFuzzer harness can link it.
 */
#ifndef GR_TEST_ZIPWRITE_H
#define GR_TEST_ZIPWRITE_H

#include <stddef.h>

struct test_zip_entry {
	const char *name;
	const void *data;
	size_t len;
	int store; /* stored, not deflated */
};

/* The archive of the n entries, in their order, as new bytes (*len; free()
 * them), or NULL when libzip fails. */
char *test_zip_write(const struct test_zip_entry *e, size_t n, size_t *len);

#endif
