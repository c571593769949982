/*
 * The single description of the two national templates (SPEC §1.1–1.3):
 * the parts with their numbers, headings and keywords; every table with its
 * number, row and column ids, official labels, the short forms messages use
 * and their order; the tables' equations (勾稽关系: which rows or columns add
 * up to which); and the figures the prose states about the tables.
 *
 * The parser, the validator, JSON in and out and the renderer all read this,
 * and messages take table numbers, part numbers and labels from it: no other
 * file of lib/ spells an id, a label, a table or part number or an equation.
 * lib/govreport.schema.json spells the ids again for JSON Schema tools;
 * test-template's schema_matches_template fails when the two differ.
 */
#ifndef GR_TEMPLATE_H
#define GR_TEMPLATE_H

#include <stddef.h>

#include "govreport.h"
#include "model/code.h"

#define GR_SECTION_COUNT 3

/* Column flags. */
#define GR_COL_MONEY (1u << 0)  /* exact decimal in 万元, not a count */
#define GR_COL_SIGNED (1u << 1) /* may be negative (本年增/减) */

struct gr_column {
	int column;        /* enum govreport_{ad,app,rl}_column */
	const char *id;    /* JSON key */
	const char *label; /* official label (this template's wording) */
	const char *en;    /* English label, for messages */
	unsigned flags;
	/* Other wordings met in real reports (社会组织 for 社会公益组织). */
	const char *const *aliases;
	/* The short form messages use (本年制发 for 本年制发件数), or NULL:
	 * they use the label. See gr_column_brief(). */
	const char *brief;
};

struct gr_row {
	int row;            /* enum govreport_{ad,app,rl}_row */
	const char *id;     /* JSON key */
	const char *label;  /* the row's own official label */
	const char *parent; /* enclosing label in the stub, e.g. （三）不予公开 */
	const char *outer;  /* outermost stub label, e.g. 三、本年度办理结果 */
	const char *en;     /* English label, for messages */
	/* Other spellings met in real reports, matched like the label. */
	const char *const *aliases;
	/* The short form messages use (一、本年新收 for
	 * 一、本年新收政府信息公开申请数量), or NULL: they use the label. */
	const char *brief;
};

/*
 * A run of rows sharing one set of columns: a 第二十条 item of table 二, or
 * the whole of tables 三 and 四.
 */
struct gr_group {
	const char *caption; /* 第二十条第（一）项, or NULL */
	const char *stub;    /* header of the label column, or NULL */
	const struct gr_column *columns;
	size_t ncolumns;
	const struct gr_row *rows;
	size_t nrows;
	/* A header over a run of the columns (法人或其他组织 over 商业企业 …
	 * 其他), or NULL: columns [band_first, band_first + band_count). */
	const char *band;
	size_t band_first, band_count;
};

/*
 * An equation of a table (勾稽关系), holding in each of its columns (the
 * terms are rows: 一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度…)
 * or in each of its rows (the terms are columns: 总计 = 自然人 + … + 其他).
 * Terms are row or column enums; check/equation.c states one equation per
 * column or row of each group holding the terms, and checks them.
 */
#define GR_SUM_TERMS 2

enum gr_sum_in {
	GR_SUM_IN_EACH_COLUMN, /* its rows add up */
	GR_SUM_IN_EACH_ROW,    /* its columns add up */
};

struct gr_sum {
	enum gr_code code; /* the diagnostic when it fails */
	enum gr_sum_in in;
	int lhs[GR_SUM_TERMS], rhs[GR_SUM_TERMS];
	size_t nlhs, nrhs;
	/* With nrhs 0 the right side is a run of terms in the template's
	 * order: from rhs_from up to, not including, rhs_until; rhs_zh and
	 * rhs_en name it in messages (NULL: its terms are listed). */
	int rhs_from, rhs_until;
	const char *rhs_zh, *rhs_en;
};

struct gr_table {
	enum govreport_section section;
	const char *id;       /* JSON key */
	const char *number;   /* 二, 三, 四: the part that holds the table */
	const char *heading;  /* the part's official heading */
	const char *en;       /* English name, for messages */
	const char *en_short; /* "table 2": before a row or column in English */
	const struct gr_group *groups;
	size_t ngroups;
	size_t ncells; /* sum over groups of nrows × ncolumns */
	const struct gr_sum *sums; /* its equations, in the order checked */
	size_t nsums;
};

struct gr_template {
	enum govreport_template id;
	const char *name;      /* "2019", "2021" */
	const char *issued_by; /* 国办公开办函〔2019〕60号 */
	int from_year;         /* the first report year it is due for */
	struct gr_table tables[GR_SECTION_COUNT];
};

/* Where a cell sits in its table's flat cell array. */
struct gr_cell_ref {
	const struct gr_table *table;
	const struct gr_group *group;
	const struct gr_row *row;
	const struct gr_column *column;
	size_t index; /* into the table's cells */
};

/* The parts of a report in order, with their headings (SPEC §1). */
enum gr_part {
	GR_PART_OVERVIEW = 0,      /* 一 */
	GR_PART_DISCLOSURE = 1,    /* 二 */
	GR_PART_APPLICATIONS = 2,  /* 三 */
	GR_PART_REVIEW = 3,        /* 四 */
	GR_PART_PROBLEMS = 4,      /* 五 */
	GR_PART_OTHER = 5,         /* 六 */
	GR_PART_COUNT = 6,
};

struct gr_part_def {
	const char *number;  /* 一 … 六 */
	const char *heading; /* official heading, without the number */
	const char *en;
	/* Words any heading of this part contains, after normalisation. */
	const char *const *keys;
};

const struct gr_part_def *gr_part(enum gr_part part);

/*
 * A figure that a report's prose states about its tables ("收到政府信息公开
 * 申请12件", "被申请行政复议0件"): NARRATIVE_APPLICATIONS and
 * NARRATIVE_FIGURE compare the first such claim in parts 一 and 六 with it.
 */
struct gr_figure {
	enum gr_code code;
	enum govreport_section section;
	int rows[2];   /* whose cells in `column` add up to it; -1 ends */
	int column;
	/* The word a sentence about it uses (行政复议, the row's label), or
	 * NULL: a sentence about applications received (see narrative.c). */
	const char *keyword;
	const char *zh, *en; /* what the table counts, for messages */
};

/* The figures, in the order checked; *count is set, at most
 * GR_MAX_FIGURES. */
#define GR_MAX_FIGURES 8
const struct gr_figure *gr_figures(size_t *count);

/* What messages call a row or a column: its short form, or its label. */
static inline const char *
gr_row_brief(const struct gr_row *row)
{
	return row->brief ? row->brief : row->label;
}

static inline const char *
gr_column_brief(const struct gr_column *column)
{
	return column->brief ? column->brief : column->label;
}

/* The template with this id, or NULL. */
const struct gr_template *gr_template_get(enum govreport_template id);

/* The template due for a report year: the latest one due by then, or
 * the first for an earlier year (its from_year tells). */
const struct gr_template *gr_template_due(int year);

/* The template named "2019" / "2021" (len bytes), or NULL. */
const struct gr_template *gr_template_by_name(const char *name, size_t len);

const struct gr_table *gr_table_get(const struct gr_template *tpl,
				    enum govreport_section section);

/* The table with this JSON id in the template (len bytes), or NULL. */
const struct gr_table *gr_table_by_id(const struct gr_template *tpl,
				      const char *id, size_t len);

/* Find a cell by enum values. Returns 0 and fills ref, or -1. */
int gr_cell_find(const struct gr_table *table, int row, int column,
		 struct gr_cell_ref *ref);

/* Find a cell by ids (row_len/column_len bytes). Returns 0 or -1. */
int gr_cell_find_id(const struct gr_table *table, const char *row,
		    size_t row_len, const char *column, size_t column_len,
		    struct gr_cell_ref *ref);

/* The cell at a flat index of the table. Returns 0 or -1. */
int gr_cell_at(const struct gr_table *table, size_t index,
	       struct gr_cell_ref *ref);

/* Resolve "section.row.column" in a template. Returns 0 or -1. */
int gr_cell_find_path(const struct gr_template *tpl, const char *path,
		      struct gr_cell_ref *ref);

/* First flat index of a row's cells (the row's first column). */
size_t gr_row_first_cell(const struct gr_table *table, const struct gr_group *group,
			 const struct gr_row *row);

#endif
