/* The implementation of fixture.h: its three functions, and a helper that
 * is not static but must stay hidden all the same. */
#include "fixture.h"

int fixture_internal_helper(int x);

int
fixture_internal_helper(int x)
{
	return x + 1;
}

GOVREPORT_EXPORT int
govreport_fixture_alpha(int x)
{
	return fixture_internal_helper(x);
}

GOVREPORT_EXPORT const char *
govreport_fixture_beta(const struct govreport_fixture *fixture, unsigned flags)
{
	return fixture && (flags & GOVREPORT_FIXTURE_FLAG) ? "beta" : NULL;
}

GOVREPORT_EXPORT size_t
govreport_fixture_gamma(void)
{
	return 3;
}
