/*
 * Every allocation of the library goes through these, so that a test can
 * fail the Nth one (libexpat's allocation tests) and prove that each path
 * ends in GOVREPORT_ERR_NOMEM without a crash or a leak.
 */
#ifndef GR_ALLOC_H
#define GR_ALLOC_H

#include <stddef.h>

void *gr_malloc(size_t size);
void *gr_calloc(size_t count, size_t size);
void *gr_realloc(void *ptr, size_t size);
void gr_free(void *ptr);

/* A copy of len bytes of s, NUL-terminated; NULL when out of memory. */
char *gr_strndup(const char *s, size_t len);
char *gr_strdup(const char *s);

/*
 * Test hook, not exported: make the allocation after the next `count`
 * succeed fail (count 0 fails the next one); a negative count turns failing
 * off. Per thread, so tests in parallel threads do not interfere.
 * gr_alloc_count() returns the allocations made since the last call to
 * gr_alloc_fail_after().
 */
void gr_alloc_fail_after(long count);
long gr_alloc_count(void);

#endif
