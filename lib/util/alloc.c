/* The library's allocator, with a failure hook for the allocation tests. */
#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

static _Thread_local long fail_countdown = -1;
static _Thread_local long allocations;

void
gr_alloc_fail_after(long count)
{
	fail_countdown = count;
	allocations = 0;
}

long
gr_alloc_count(void)
{
	return allocations;
}

/* Whether the allocation being made now is the one a test wants to fail. */
static int
should_fail(void)
{
	allocations++;
	if (fail_countdown < 0)
		return 0;
	if (fail_countdown == 0)
		return 1;
	fail_countdown--;
	return 0;
}

void *
gr_malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return malloc(size ? size : 1);
}

void *
gr_calloc(size_t count, size_t size)
{
	if (should_fail())
		return NULL;
	return calloc(count ? count : 1, size ? size : 1);
}

void *
gr_realloc(void *ptr, size_t size)
{
	if (should_fail())
		return NULL;
	return realloc(ptr, size ? size : 1);
}

void
gr_free(void *ptr)
{
	free(ptr);
}

char *
gr_strndup(const char *s, size_t len)
{
	char *copy = gr_malloc(len + 1);

	if (!copy)
		return NULL;
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

char *
gr_strdup(const char *s)
{
	return gr_strndup(s, strlen(s));
}
