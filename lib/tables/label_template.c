/*
 * The keys of both templates' rows, columns and group headers, made once
 * per process; see label.h.
 */
#include <pthread.h>
#include <stdlib.h>

#include "tables/label.h"

/*
 * Both templates' rows and columns never change: their keys are made once
 * (pthread_once) and only read after, by any thread. Looked up by the
 * row's or column's address.
 */
#define GR_MAX_TEMPLATE_ROWS 128
#define GR_MAX_TEMPLATE_COLUMNS 96
#define GR_MAX_COLUMN_KEYS 3

struct column_keys {
	const struct gr_column *column;
	struct gr_key keys[GR_MAX_COLUMN_KEYS]; /* label, then aliases */
	size_t nkeys;
};

#define GR_MAX_HEADER_KEYS 16

static pthread_once_t template_keys_once = PTHREAD_ONCE_INIT;
/* The groups' captions and stubs (第二十条第（一）项, 信息内容, 申请人情况). */
static struct gr_key header_keys[GR_MAX_HEADER_KEYS];
static size_t nheader_keys;
static struct gr_row_keys row_keys[GR_MAX_TEMPLATE_ROWS];
static size_t nrow_keys;
static struct column_keys column_keys[GR_MAX_TEMPLATE_COLUMNS];
static size_t ncolumn_keys;

static int
compare_row_keys(const void *a, const void *b)
{
	const struct gr_row *x = ((const struct gr_row_keys *)a)->row;
	const struct gr_row *y = ((const struct gr_row_keys *)b)->row;
	return (x > y) - (x < y);
}

static int
compare_column_keys(const void *a, const void *b)
{
	const struct gr_column *x = ((const struct column_keys *)a)->column;
	const struct gr_column *y = ((const struct column_keys *)b)->column;
	return (x > y) - (x < y);
}

static int
known_row(const struct gr_row *row)
{
	for (size_t i = 0; i < nrow_keys; i++)
		if (row_keys[i].row == row)
			return 1;
	return 0;
}

static int
known_column(const struct gr_column *column)
{
	for (size_t i = 0; i < ncolumn_keys; i++)
		if (column_keys[i].column == column)
			return 1;
	return 0;
}

static void
add_header_key(const char *text)
{
	struct gr_key key;

	if (!text)
		return;
	gr_key_of(text, &key);
	for (size_t i = 0; i < nheader_keys; i++)
		if (gr_key_equal(&header_keys[i], &key))
			return;
	if (key.len > 0 && nheader_keys < GR_MAX_HEADER_KEYS)
		header_keys[nheader_keys++] = key;
}

static void
make_template_keys(void)
{
	static const enum govreport_template ids[] = { GOVREPORT_TEMPLATE_2019,
						       GOVREPORT_TEMPLATE_2021 };

	for (size_t t = 0; t < sizeof(ids) / sizeof(ids[0]); t++) {
		const struct gr_template *tpl = gr_template_get(ids[t]);
		for (int s = 0; tpl && s < GR_SECTION_COUNT; s++) {
			const struct gr_table *table = gr_table_get(tpl, (enum govreport_section)s);
			for (size_t g = 0; table && g < table->ngroups; g++) {
				const struct gr_group *group = &table->groups[g];
				add_header_key(group->caption);
				add_header_key(group->stub);
				for (size_t r = 0; r < group->nrows; r++) {
					const struct gr_row *row = &group->rows[r];
					if (nrow_keys < GR_MAX_TEMPLATE_ROWS && !known_row(row))
						gr_row_keys_make(row, &row_keys[nrow_keys++]);
				}
				for (size_t c = 0; c < group->ncolumns; c++) {
					const struct gr_column *col = &group->columns[c];
					struct column_keys *ck;
					size_t naliases = 0;
					for (const char *const *a = col->aliases; a && *a; a++)
						naliases++;
					/* One with more variants than fit is matched as
					 * before, from its texts. */
					if (ncolumn_keys == GR_MAX_TEMPLATE_COLUMNS ||
					    naliases + 1 > GR_MAX_COLUMN_KEYS || known_column(col))
						continue;
					ck = &column_keys[ncolumn_keys++];
					ck->column = col;
					gr_key_of(col->label, &ck->keys[0]);
					ck->nkeys = 1;
					for (const char *const *a = col->aliases;
					     a && *a && ck->nkeys < GR_MAX_COLUMN_KEYS; a++)
						gr_key_of(*a, &ck->keys[ck->nkeys++]);
				}
			}
		}
	}
	qsort(row_keys, nrow_keys, sizeof(row_keys[0]), compare_row_keys);
	qsort(column_keys, ncolumn_keys, sizeof(column_keys[0]), compare_column_keys);
}

const struct gr_row_keys *
gr_row_keys_get(const struct gr_row *row)
{
	struct gr_row_keys probe;

	pthread_once(&template_keys_once, make_template_keys);
	probe.row = row;
	return bsearch(&probe, row_keys, nrow_keys, sizeof(row_keys[0]), compare_row_keys);
}

int
gr_label_is_table_header(const struct gr_key *item)
{
	pthread_once(&template_keys_once, make_template_keys);
	for (size_t i = 0; i < nheader_keys; i++)
		if (gr_key_equal(&header_keys[i], item))
			return 1;
	return 0;
}

static const struct column_keys *
column_keys_get(const struct gr_column *column)
{
	struct column_keys probe;

	pthread_once(&template_keys_once, make_template_keys);
	probe.column = column;
	return bsearch(&probe, column_keys, ncolumn_keys, sizeof(column_keys[0]),
		       compare_column_keys);
}

enum gr_match
gr_label_match_column(const struct gr_key *item, const struct gr_column *column)
{
	const struct column_keys *ck = column_keys_get(column);
	enum gr_match best;

	if (!ck) {
		best = gr_label_match_text(item, column->label);
		for (const char *const *a = column->aliases;
		     a && *a && best != GR_MATCH_EXACT; a++) {
			enum gr_match m = gr_label_match_text(item, *a);
			if (m > best)
				best = m;
		}
		return best;
	}
	best = gr_label_match_key(item, &ck->keys[0]);
	for (size_t i = 1; i < ck->nkeys && best != GR_MATCH_EXACT; i++) {
		enum gr_match m = gr_label_match_key(item, &ck->keys[i]);
		if (m > best)
			best = m;
	}
	return best;
}
