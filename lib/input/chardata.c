/* The tables of chardata.h for this process's ICU; see chardata.h. */
#include <pthread.h>
#include <string.h>

#include <unicode/uversion.h>

#include "input/chardata.h"

/*
 * Chosen once under pthread_once and read-only afterwards: shared state
 * that never changes is safe for any number of threads.
 */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static const struct gr_chardata *chosen;
/* Only for an ICU other than the build's: zero pages until then. */
static struct gr_chardata computed;

static void
choose(void)
{
	UVersionInfo version;

	u_getVersion(version);
	if (memcmp(version, gr_chardata_built.icu_version, sizeof(gr_chardata_built.icu_version)) == 0)
		chosen = &gr_chardata_built;
	else if (gr_chardata_compute(&computed) == 0)
		chosen = &computed;
}

const struct gr_chardata *
gr_chardata(void)
{
	pthread_once(&once, choose);
	return chosen;
}

int
gr_chardata_is_traditional(const struct gr_chardata *d, int32_t c)
{
	size_t lo = 0, hi = d->ntraditional_astral;

	if (c >= 0 && c < GR_BMP)
		return gr_bit(d->traditional, (uint32_t)c);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->traditional_astral[mid] == (uint32_t)c)
			return 1;
		if (d->traditional_astral[mid] < (uint32_t)c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}
