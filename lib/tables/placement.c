/* Placing values over cells whose empty ones the shape does not show; see
 * placement.h. */
#include "tables/placement.h"

/* Fold one kept reading into what the cells hold so far. */
static void
merge(const size_t *at, size_t k, size_t n, long kept, size_t *cell)
{
	size_t j = 0;

	for (size_t c = 0; c < n; c++) {
		size_t holds = j < k && at[j] == c ? j++ : GR_PLACE_EMPTY;
		if (kept == 0)
			cell[c] = holds;
		else if (cell[c] != holds)
			cell[c] = GR_PLACE_UNSURE;
	}
}

long
gr_place_values(size_t k, size_t n, gr_place_fits_fn fits, void *ctx, size_t *cell)
{
	size_t at[GR_PLACE_MAX_CELLS];
	long kept = 0;

	if (k == 0 || k >= n || n > GR_PLACE_MAX_CELLS)
		return -1;
	for (size_t c = 0; c < n; c++)
		cell[c] = GR_PLACE_UNSURE;
	/* Every k-subset of the cells in lexicographic order; at most
	 * C(16, 8) = 12,870 of them. */
	for (size_t j = 0; j < k; j++)
		at[j] = j;
	for (;;) {
		if (fits(at, k, n, ctx)) {
			merge(at, k, n, kept, cell);
			kept++;
		}
		size_t j = k;
		while (j > 0 && at[j - 1] == n - k + j - 1)
			j--;
		if (j == 0)
			break;
		at[j - 1]++;
		for (size_t i = j; i < k; i++)
			at[i] = at[i - 1] + 1;
	}
	if (kept == 0)
		for (size_t c = 0; c < n; c++)
			cell[c] = GR_PLACE_UNSURE;
	return kept;
}
