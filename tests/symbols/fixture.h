/*
 * A small stand-in for the public header, used to prove that
 * check-symbols.py fails when it should. Mentions in comments, such as
 * govreport_fixture_gamma(), must not count as declarations.
 */
#ifndef FIXTURE_H
#define FIXTURE_H

#include <stddef.h>

#define GOVREPORT_EXPORT __attribute__((visibility("default")))
#define GOVREPORT_FIXTURE_FLAG (1u << 0)

#ifdef __cplusplus
extern "C" {
#endif

struct govreport_fixture;

enum govreport_fixture_kind {
	GOVREPORT_FIXTURE_A = 0,
	GOVREPORT_FIXTURE_B = (1 << 2),
};

GOVREPORT_EXPORT int govreport_fixture_alpha(int x);

GOVREPORT_EXPORT const char *
govreport_fixture_beta(const struct govreport_fixture *fixture,
		       unsigned flags);

// A C++-style comment: govreport_fixture_delta(void);
GOVREPORT_EXPORT size_t govreport_fixture_gamma(void);

#ifdef __cplusplus
}
#endif

#endif
