/*
 * Which template a document follows, from the labels only one template
 * has (gr_detect_template; see tables.h).
 */
#include <pthread.h>
#include <string.h>

#include "tables/tables_build.h"

/* Every label text of a template that a document may print. */
static size_t
template_labels(const struct gr_template *tpl, const char **out, size_t cap)
{
	size_t n = 0;

	for (int s = 0; s < GR_SECTION_COUNT; s++) {
		const struct gr_table *t = &tpl->tables[s];
		for (size_t g = 0; g < t->ngroups; g++) {
			const struct gr_group *group = &t->groups[g];
			for (size_t c = 0; c < group->ncolumns && n < cap; c++)
				out[n++] = group->columns[c].label;
			for (size_t r = 0; r < group->nrows; r++) {
				const struct gr_row *row = &group->rows[r];
				if (n + 3 > cap)
					break;
				out[n++] = row->label;
				if (row->parent)
					out[n++] = row->parent;
				if (row->outer)
					out[n++] = row->outer;
				for (const char *const *a = row->aliases; a && *a && n < cap; a++)
					out[n++] = *a;
			}
		}
	}
	return n;
}

#define GR_MAX_LABELS 160
#define GR_MIN_DISTINCT 4

struct distinct_label {
	struct gr_key key;
	enum govreport_template tpl;
};

/* Labels of one template whose key no label of the other has. */
static size_t
find_distinct_labels(struct distinct_label *out, size_t cap)
{
	const struct gr_template *tpls[2] = { gr_template_get(GOVREPORT_TEMPLATE_2019),
					      gr_template_get(GOVREPORT_TEMPLATE_2021) };
	const char *labels[2][GR_MAX_LABELS];
	/* Each label's key made once (a key takes NFKC and pinyin work):
	 * static, as this runs once per process (pthread_once). */
	static struct gr_key keys[2][GR_MAX_LABELS];
	size_t counts[2], n = 0;

	for (int t = 0; t < 2; t++) {
		counts[t] = template_labels(tpls[t], labels[t], GR_MAX_LABELS);
		for (size_t i = 0; i < counts[t]; i++)
			gr_key_make(labels[t][i], strlen(labels[t][i]), &keys[t][i]);
	}
	for (int t = 0; t < 2; t++) {
		for (size_t i = 0; i < counts[t] && n < cap; i++) {
			int shared = 0;
			if (keys[t][i].len < GR_MIN_DISTINCT)
				continue;
			for (size_t j = 0; j < counts[1 - t] && !shared; j++)
				shared = gr_key_equal(&keys[t][i], &keys[1 - t][j]);
			if (!shared)
				out[n++] = (struct distinct_label){ keys[t][i], tpls[t]->id };
		}
	}
	return n;
}

/*
 * The distinct labels depend on the templates alone: found once per
 * process and never changed after, so every thread may read them.
 */
static pthread_once_t distinct_once = PTHREAD_ONCE_INIT;
static struct distinct_label distinct[GR_MAX_LABELS];
static size_t ndistinct;

static void
init_distinct_labels(void)
{
	ndistinct = find_distinct_labels(distinct, GR_MAX_LABELS);
}

enum govreport_template
gr_detect_template(const struct gr_items *items, size_t begin, size_t end)
{
	const struct distinct_label *labels = distinct;
	size_t nlabels, votes19 = 0, votes21 = 0;
	struct gr_key key;

	pthread_once(&distinct_once, init_distinct_labels);
	nlabels = ndistinct;
	for (size_t i = begin; i < end; i++) {
		const struct distinct_label *best = NULL;
		int have_key = 0;
		uint64_t mask;
		size_t len;
		if (!gr_item_key_peek(items, i, &len, &mask))
			continue;
		/* The longest label inside the item decides: 本年处理决定数量
		 * ("2021") holds 处理决定数量 ("2019"). A label with a
		 * character the item lacks (by the masks) is not in it. */
		for (size_t l = 0; l < nlabels; l++) {
			if ((best && labels[l].key.len <= best->key.len) ||
			    len > labels[l].key.len + 8 || (labels[l].key.mask & ~mask))
				continue;
			if (!have_key && !item_key(items, i, &key))
				break;
			have_key = 1;
			if (gr_key_find(&key, &labels[l].key) >= 0)
				best = &labels[l];
		}
		if (best && best->tpl == GOVREPORT_TEMPLATE_2019)
			votes19++;
		else if (best)
			votes21++;
	}
	if (votes19 == votes21)
		return GOVREPORT_TEMPLATE_UNKNOWN;
	return votes19 > votes21 ? GOVREPORT_TEMPLATE_2019 : GOVREPORT_TEMPLATE_2021;
}
