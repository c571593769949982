/* The benchmark's report generator; see gen.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "gen.h"

/* ---- a growable buffer and the random numbers ----------------------- */

struct buf {
	char *data;
	size_t len, cap;
	int failed;
};

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 4096;
		char *grown;
		while (cap < b->len + n + 1)
			cap *= 2;
		grown = realloc(b->data, cap);
		if (!grown) {
			b->failed = 1;
			return;
		}
		b->data = grown;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
buf_printf(struct buf *b, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(tmp)) {
		b->failed = 1;
		return;
	}
	buf_add(b, tmp, (size_t)n);
}

/* splitmix64: the same figures for the same seed on every machine. */
static uint64_t
next_random(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static int64_t
pick(uint64_t *state, int64_t lo, int64_t hi)
{
	return lo + (int64_t)(next_random(state) % (uint64_t)(hi - lo + 1));
}

/* A small count: zero half the time, as in real tables. */
static int64_t
small_count(uint64_t *state, int64_t max)
{
	return pick(state, 0, 1) ? 0 : pick(state, 1, max);
}

/* ---- the templates, as printed -------------------------------------- */

#define MAX_COLS 16

struct t2_row {
	const char *id, *label;
};

struct t2_group {
	const char *caption;
	const char *headers[3];   /* column headers as printed */
	const char *columns[3];   /* their ids; NULL ends */
	struct t2_row rows[2];    /* id NULL ends */
};

static const struct t2_group t2_2021[] = {
	{ "第二十条第（一）项", { "本年制发件数", "本年废止件数", "现行有效件数" },
	  { "issued", "repealed", "in_force" },
	  { { "rules", "规章" }, { "normative_documents", "行政规范性文件" } } },
	{ "第二十条第（五）项", { "本年处理决定数量" }, { "decisions" },
	  { { "licensing", "行政许可" } } },
	{ "第二十条第（六）项", { "本年处理决定数量" }, { "decisions" },
	  { { "penalty", "行政处罚" }, { "enforcement", "行政强制" } } },
	{ "第二十条第（八）项", { "本年收费金额（单位：万元）" }, { "amount" },
	  { { "fees", "行政事业性收费" } } },
};

static const struct t2_group t2_2019[] = {
	{ "第二十条第（一）项", { "本年新制作数量", "本年新公开数量", "对外公开总数量" },
	  { "new_made", "new_published", "total_published" },
	  { { "rules", "规章" }, { "normative_documents", "规范性文件" } } },
	{ "第二十条第（五）项", { "上一年项目数量", "本年增/减", "处理决定数量" },
	  { "previous_items", "change", "decisions" },
	  { { "licensing", "行政许可" }, { "other_services", "其他对外管理服务事项" } } },
	{ "第二十条第（六）项", { "上一年项目数量", "本年增/减", "处理决定数量" },
	  { "previous_items", "change", "decisions" },
	  { { "penalty", "行政处罚" }, { "enforcement", "行政强制" } } },
	{ "第二十条第（八）项", { "上一年项目数量", "本年增/减" },
	  { "previous_items", "change" }, { { "fees", "行政事业性收费" } } },
	{ "第二十条第（九）项", { "采购项目数量", "采购总金额" },
	  { "projects", "amount" }, { { "procurement", "政府集中采购" } } },
};

struct t3_row {
	const char *id, *outer, *parent, *label;
	int outcome; /* counts toward （七）总计 */
};

#define OUTCOMES "三、本年度办理结果"
static const struct t3_row t3_head[] = {
	{ "new_received", "一、本年新收政府信息公开申请数量", NULL, NULL, 0 },
	{ "carried_over", "二、上年结转政府信息公开申请数量", NULL, NULL, 0 },
	{ "granted", OUTCOMES, NULL, "（一）予以公开", 1 },
	{ "partially_granted", NULL, NULL,
	  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1 },
	{ "denied_state_secret", NULL, "（三）不予公开", "1.属于国家秘密", 1 },
	{ "denied_prohibited_by_law", NULL, NULL, "2.其他法律行政法规禁止公开", 1 },
	{ "denied_three_securities", NULL, NULL, "3.危及“三安全一稳定”", 1 },
	{ "denied_third_party", NULL, NULL, "4.保护第三方合法权益", 1 },
	{ "denied_internal_affairs", NULL, NULL, "5.属于三类内部事务信息", 1 },
	{ "denied_process_info", NULL, NULL, "6.属于四类过程性信息", 1 },
	{ "denied_enforcement_files", NULL, NULL, "7.属于行政执法案卷", 1 },
	{ "denied_administrative_query", NULL, NULL, "8.属于行政查询事项", 1 },
	{ "unavailable_not_held", NULL, "（四）无法提供", "1.本机关不掌握相关政府信息", 1 },
	{ "unavailable_needs_creation", NULL, NULL, "2.没有现成信息需要另行制作", 1 },
	{ "unavailable_unclear", NULL, NULL, "3.补正后申请内容仍不明确", 1 },
	{ "unprocessed_petition", NULL, "（五）不予处理", "1.信访举报投诉类申请", 1 },
	{ "unprocessed_duplicate", NULL, NULL, "2.重复申请", 1 },
	{ "unprocessed_publication", NULL, NULL, "3.要求提供公开出版物", 1 },
	{ "unprocessed_excessive", NULL, NULL, "4.无正当理由大量反复申请", 1 },
	{ "unprocessed_confirmation", NULL, NULL, "5.要求行政机关确认或重新出具已获取信息", 1 },
};
static const struct t3_row t3_other_2021[] = {
	{ "other_no_correction", NULL, "（六）其他处理",
	  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 1 },
	{ "other_unpaid_fee", NULL, NULL,
	  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 1 },
	{ "other_misc", NULL, NULL, "3.其他", 1 },
};
static const struct t3_row t3_other_2019[] = {
	{ "other", NULL, NULL, "（六）其他处理", 1 },
};
static const struct t3_row t3_tail[] = {
	{ "total_processed", NULL, NULL, "（七）总计", 0 },
	{ "carried_forward", "四、结转下年度继续办理", NULL, NULL, 0 },
};

static const char *const t3_columns[] = { "natural_person", "commercial", "research",
					  "social_welfare", "legal_services", "other_org",
					  "total" };
static const char *const t4_rows[] = { "review", "litigation_direct",
				       "litigation_after_review" };
static const char *const t4_columns[] = { "upheld", "corrected", "other", "pending",
					  "total" };
static const char *const t4_headers[] = { "结果维持", "结果纠正", "其他结果", "尚未审结",
					  "总计" };

static const char *const organs[] = {
	"锦屏县大同乡人民政府", "长春市绿园区民政局", "卫辉市信访局",
	"伊州区民政局", "鲤城区人民政府临江街道办事处", "南岗区交通运输局",
	"清江县自然资源局", "东湖区卫生健康委员会",
};

/* ---- cells --------------------------------------------------------- */

struct model {
	struct gen_cell *cells;
	size_t ncells, cap;
	int failed;
};

static void
add_cell(struct model *m, const char *section, const char *row, const char *column,
	 int64_t coefficient, unsigned scale)
{
	if (m->failed)
		return;
	if (m->ncells == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 128;
		struct gen_cell *grown = realloc(m->cells, cap * sizeof(*grown));
		if (!grown) {
			m->failed = 1;
			return;
		}
		m->cells = grown;
		m->cap = cap;
	}
	snprintf(m->cells[m->ncells].path, sizeof(m->cells[m->ncells].path),
		 "%s.%s.%s", section, row, column);
	m->cells[m->ncells].coefficient = coefficient;
	m->cells[m->ncells].scale = scale;
	m->ncells++;
}

/* A value as printed: now and then with thousands separators. */
static void
format_value(char *out, size_t size, int64_t coefficient, unsigned scale,
	     int separators)
{
	int64_t whole = coefficient, frac = 0;
	int64_t pow10 = 1;

	for (unsigned i = 0; i < scale; i++)
		pow10 *= 10;
	if (scale) {
		whole = coefficient / pow10;
		frac = coefficient % pow10;
	}
	if (separators && whole >= 1000)
		snprintf(out, size, "%lld,%03lld", (long long)(whole / 1000),
			 (long long)(whole % 1000));
	else
		snprintf(out, size, "%lld", (long long)whole);
	if (scale)
		snprintf(out + strlen(out), size - strlen(out), ".%0*lld", (int)scale,
			 (long long)frac);
}

/* ---- rendering logical rows in each shape --------------------------- */

struct row {
	const char *cell[MAX_COLS];
	char value[MAX_COLS][32];
	size_t n;
	int header; /* a caption or header row: its empty cells are printed */
};

static void
row_start(struct row *r, int header)
{
	r->n = 0;
	r->header = header;
}

static void
row_text(struct row *r, const char *s)
{
	r->cell[r->n++] = s ? s : "";
}

static void
row_value(struct row *r, int64_t coefficient, unsigned scale, int separators)
{
	format_value(r->value[r->n], sizeof(r->value[r->n]), coefficient, scale,
		     separators);
	r->cell[r->n] = r->value[r->n];
	r->n++;
}

static void
emit_row(struct buf *b, enum gen_shape shape, const struct row *r, int first_of_table,
	 size_t width)
{
	size_t empty = 0;

	switch (shape) {
	case GEN_PIPE:
		for (size_t i = 0; i < r->n; i++) {
			if (!*r->cell[i]) {
				empty++;
				continue;
			}
			if (empty && r->header) {
				for (size_t k = 0; k < empty; k++)
					buf_puts(b, "|");
				buf_puts(b, "\n");
			}
			empty = 0;
			buf_printf(b, "%s |\n", r->cell[i]);
		}
		if (empty && r->header) {
			for (size_t k = 0; k < empty; k++)
				buf_puts(b, "|");
			buf_puts(b, "\n");
		}
		break;
	case GEN_TAB:
		for (size_t i = 0; i < r->n; i++)
			if (*r->cell[i] || r->header)
				buf_printf(b, "\t%s\n", r->cell[i]);
		buf_puts(b, "\n");
		break;
	case GEN_MARKDOWN:
		buf_puts(b, "|");
		for (size_t i = 0; i < width; i++)
			buf_printf(b, " %s |", i < r->n ? r->cell[i] : "");
		buf_puts(b, "\n");
		if (first_of_table) {
			buf_puts(b, "|");
			for (size_t i = 0; i < width; i++)
				buf_puts(b, "------|");
			buf_puts(b, "\n");
		}
		break;
	case GEN_WEB:
		for (size_t i = 0; i < r->n; i++)
			if (*r->cell[i])
				buf_printf(b, "%s\n\n", r->cell[i]);
		break;
	default:
		break;
	}
}

static void
table_gap(struct buf *b, enum gen_shape shape)
{
	if (shape == GEN_MARKDOWN || shape == GEN_WEB)
		buf_puts(b, "\n");
}

/* ---- the tables ------------------------------------------------------ */

/* The smallest reports (about 2 KB) print the tables without their
 * header rows and stub labels, and little prose. */
#define COMPACT_BELOW (3 * 1024)

static int
compact(const struct gen_options *opt)
{
	return opt->target < COMPACT_BELOW;
}

static void
table_2(struct buf *b, struct model *m, const struct gen_options *opt,
	uint64_t *rng)
{
	const struct t2_group *groups = opt->template_year == 2021 ? t2_2021 : t2_2019;
	size_t ngroups = opt->template_year == 2021 ? sizeof(t2_2021) / sizeof(t2_2021[0])
						    : sizeof(t2_2019) / sizeof(t2_2019[0]);
	struct row r;
	int first = 1;

	for (size_t g = 0; g < ngroups; g++) {
		const struct t2_group *group = &groups[g];
		size_t ncols = 0;
		while (ncols < 3 && group->columns[ncols])
			ncols++;
		if (!compact(opt)) {
			row_start(&r, 1);
			row_text(&r, group->caption);
			for (size_t c = 0; c < 3; c++)
				row_text(&r, "");
			emit_row(b, opt->shape, &r, first, 4);
			first = 0;
			row_start(&r, 1);
			row_text(&r, "信息内容");
			for (size_t c = 0; c < 3; c++)
				row_text(&r, c < ncols ? group->headers[c] : "");
			emit_row(b, opt->shape, &r, 0, 4);
		}
		for (size_t k = 0; k < 2 && group->rows[k].id; k++) {
			row_start(&r, 0);
			row_text(&r, group->rows[k].label);
			for (size_t c = 0; c < ncols; c++) {
				const char *col = group->columns[c];
				int64_t v;
				unsigned scale = 0;
				if (compact(opt)) {
					v = pick(rng, 1, 9);
				} else if (strcmp(col, "amount") == 0) {
					scale = (unsigned)pick(rng, 1, 4);
					v = pick(rng, 1, 99999);
				} else if (strcmp(col, "change") == 0) {
					v = pick(rng, -5, 9);
				} else if (strcmp(col, "decisions") == 0) {
					v = pick(rng, 1, 4000);
				} else {
					v = pick(rng, 1, 60);
				}
				row_value(&r, v, scale, v >= 1000 && pick(rng, 0, 3) == 0);
				add_cell(m, "active_disclosure", group->rows[k].id, col, v, scale);
			}
			emit_row(b, opt->shape, &r, first, 4);
			first = 0;
		}
	}
}

static void
table_3(struct buf *b, struct model *m, const struct gen_options *opt,
	uint64_t *rng)
{
	const struct t3_row *rows[40];
	size_t nrows = 0, total_at = 0, forward_at = 0;
	int64_t v[40][7];
	struct row r;

	for (size_t i = 0; i < sizeof(t3_head) / sizeof(t3_head[0]); i++)
		rows[nrows++] = &t3_head[i];
	if (opt->template_year == 2021)
		for (size_t i = 0; i < 3; i++)
			rows[nrows++] = &t3_other_2021[i];
	else
		rows[nrows++] = &t3_other_2019[0];
	total_at = nrows;
	rows[nrows++] = &t3_tail[0];
	forward_at = nrows;
	rows[nrows++] = &t3_tail[1];

	/* Figures that satisfy the table's equations: outcomes add up to
	 * （七）总计, 一 + 二 = （七） + 四, and 总计 adds the applicants. */
	memset(v, 0, sizeof(v));
	for (size_t c = 0; c < 6; c++) {
		int64_t processed = 0;
		int busy = c == 0 || (!compact(opt) && pick(rng, 0, 2) == 0);
		for (size_t k = 0; k < nrows; k++)
			if (rows[k]->outcome) {
				v[k][c] = busy ? small_count(rng, k < 4 && !compact(opt) ? 40 : 4) : 0;
				processed += v[k][c];
			}
		v[total_at][c] = processed;
		v[forward_at][c] = busy ? small_count(rng, 3) : 0;
		v[1][c] = busy ? pick(rng, 0, v[forward_at][c] + processed) : 0;
		if (v[1][c] > 3)
			v[1][c] = 3;
		v[0][c] = processed + v[forward_at][c] - v[1][c];
	}
	for (size_t k = 0; k < nrows; k++)
		for (size_t c = 0; c < 6; c++)
			v[k][6] += v[k][c];

	for (size_t k = 0; k < nrows && compact(opt); k++) {
		row_start(&r, 0);
		row_text(&r, rows[k]->label ? rows[k]->label : rows[k]->outer);
		for (size_t c = 0; c < 7; c++) {
			row_value(&r, v[k][c], 0, 0);
			add_cell(m, "applications", rows[k]->id, t3_columns[c], v[k][c], 0);
		}
		emit_row(b, opt->shape, &r, k == 0, 8);
	}
	if (compact(opt))
		return;
	row_start(&r, 1);
	row_text(&r, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
	row_text(&r, "");
	row_text(&r, "");
	row_text(&r, "申请人情况");
	emit_row(b, opt->shape, &r, 1, 10);
	row_start(&r, 1);
	row_text(&r, "");
	row_text(&r, "");
	row_text(&r, "");
	row_text(&r, "自然人");
	row_text(&r, "法人或其他组织");
	for (size_t c = 0; c < 4; c++)
		row_text(&r, "");
	row_text(&r, "总计");
	emit_row(b, opt->shape, &r, 0, 10);
	row_start(&r, 1);
	for (size_t c = 0; c < 4; c++)
		row_text(&r, "");
	row_text(&r, "商业企业");
	row_text(&r, "科研机构");
	row_text(&r, "社会公益组织");
	row_text(&r, "法律服务机构");
	row_text(&r, "其他");
	row_text(&r, "");
	emit_row(b, opt->shape, &r, 0, 10);
	for (size_t k = 0; k < nrows; k++) {
		row_start(&r, 0);
		row_text(&r, rows[k]->outer);
		row_text(&r, rows[k]->parent);
		row_text(&r, rows[k]->label);
		for (size_t c = 0; c < 7; c++) {
			row_value(&r, v[k][c], 0, 0);
			add_cell(m, "applications", rows[k]->id, t3_columns[c], v[k][c], 0);
		}
		emit_row(b, opt->shape, &r, 0, 10);
	}
}

static void
table_4(struct buf *b, struct model *m, const struct gen_options *opt,
	uint64_t *rng, int64_t totals[3])
{
	struct row r;
	int first = 1;

	if (compact(opt))
		goto values;
	first = 0;
	row_start(&r, 1);
	row_text(&r, "行政复议");
	for (size_t c = 0; c < 4; c++)
		row_text(&r, "");
	row_text(&r, "行政诉讼");
	for (size_t c = 0; c < 9; c++)
		row_text(&r, "");
	emit_row(b, opt->shape, &r, 1, 15);
	row_start(&r, 1);
	for (size_t c = 0; c < 5; c++)
		row_text(&r, t4_headers[c]);
	row_text(&r, "未经复议直接起诉");
	for (size_t c = 0; c < 4; c++)
		row_text(&r, "");
	row_text(&r, "复议后起诉");
	for (size_t c = 0; c < 4; c++)
		row_text(&r, "");
	emit_row(b, opt->shape, &r, 0, 15);
	row_start(&r, 1);
	for (size_t c = 0; c < 5; c++)
		row_text(&r, "");
	for (size_t g = 0; g < 2; g++)
		for (size_t c = 0; c < 5; c++)
			row_text(&r, t4_headers[c]);
	emit_row(b, opt->shape, &r, 0, 15);
values:
	row_start(&r, 0);
	for (size_t g = 0; g < 3; g++) {
		int64_t total = 0;
		for (size_t c = 0; c < 4; c++) {
			int64_t v = small_count(rng, compact(opt) ? 1 : 5);
			total += v;
			row_value(&r, v, 0, 0);
			add_cell(m, "review_litigation", t4_rows[g], t4_columns[c], v, 0);
		}
		row_value(&r, total, 0, 0);
		add_cell(m, "review_litigation", t4_rows[g], t4_columns[4], total, 0);
		totals[g] = total;
	}
	emit_row(b, opt->shape, &r, first, 15);
}

/* ---- prose ------------------------------------------------------------ */

static const char *const extra_paragraphs[] = {
	"（@）加强组织领导。调整充实政务公开工作领导小组，由主要负责同志任组长，分管负责同志任副组长，各科室负责人为成员，"
	"全年召开专题会议@次，研究部署政务公开重点任务，将政务公开工作纳入年度绩效考核，考核结果作为评先评优的重要依据。",
	"（@）规范公开内容。围绕重点领域信息公开要求，全年在门户网站更新“政策文件”“工作动态”“通知公告”等栏目信息@条，"
	"及时发布财政预决算、重大项目建设、公共资源配置、社会公益事业等信息，切实保障群众的知情权、参与权和监督权。",
	"（@）强化政策解读。坚持政策文件与解读材料同步组织、同步审签、同步部署，采用图文解读、视频解读、专家解读等多种形式，"
	"全年发布政策解读材料@篇，回应社会关切@次，提升政策知晓度和透明度，增强群众对政策的理解和认同。",
	"（@）优化公开平台。持续推进政府网站集约化建设，优化栏目设置，完善检索功能，提高信息查找的便捷性；"
	"同步运用政务微信公众号、政务微博等新媒体平台发布信息@条，形成多渠道、立体化的公开格局。",
	"（@）健全工作机制。严格落实信息发布“三审三校”制度，建立健全公开属性认定、保密审查、发布审核等工作机制，"
	"全年开展保密审查@次，确保公开信息内容准确、表述规范、发布及时，未发生泄密事件。",
	"（@）加强队伍建设。组织政务公开工作人员参加业务培训@期，系统学习《中华人民共和国政府信息公开条例》和相关文件精神，"
	"着力提升工作人员的业务能力和服务水平，确保各项工作有序开展。",
	"（@）做好基层公开。指导所属单位按照基层政务公开标准目录，规范公开事项名称、公开内容、公开依据和公开时限，"
	"在便民服务中心设置政务公开专区@个，方便群众查阅政府信息、办理相关事项。",
	"（@）推进决策公开。对涉及群众切身利益的重要决策事项，通过门户网站公开征求意见@次，"
	"广泛听取社会各界意见建议，对采纳情况及时反馈，提升决策的科学化、民主化和法治化水平。",
};

static const char *const problem_paragraphs[] = {
	"（@）存在的主要问题。一是政务公开的深度和广度还需进一步拓展，部分信息更新不够及时；"
	"二是政策解读的形式较为单一，图解、视频等多元化解读产品较少；三是工作人员业务能力有待提升，全年参训@人次仍显不足。",
	"（@）改进措施。一是加强信息公开的日常管理，建立信息更新台账，确保信息发布及时准确；"
	"二是丰富政策解读形式，增加图表图解、音视频等解读方式；三是加强业务培训，计划开展专题培训@次，提升工作人员的业务水平。",
};

static void
paragraph(struct buf *b, const struct gen_options *opt, const char *fmt, int number,
	  uint64_t *rng)
{
	int args[3] = { number, (int)pick(rng, 2, 300), (int)pick(rng, 2, 50) };
	size_t next = 0;

	/* Each @ takes the next number. */
	for (const char *s = fmt; *s; s++) {
		if (*s == '@' && next < 3)
			buf_printf(b, "%d", args[next++]);
		else
			buf_add(b, s, 1);
	}
	buf_puts(b, opt->shape == GEN_WEB ? "\n\n" : "\n");
}

static void
heading(struct buf *b, const struct gen_options *opt, const char *text)
{
	if (opt->shape == GEN_MARKDOWN)
		buf_printf(b, "\n## %s\n\n", text);
	else if (opt->shape == GEN_WEB)
		buf_printf(b, "%s\n\n", text);
	else
		buf_printf(b, "%s\n", text);
}

/* The report with `extra` more paragraphs of prose. */
static void
compose(struct buf *b, struct model *m, const struct gen_options *opt,
	size_t extra, int year, const char *organ)
{
	uint64_t rng = opt->seed * 0x2545F4914F6CDD1Dull + 17;
	int64_t rl[3];
	struct buf tables = { 0 };
	int64_t received;
	const char *para_end = opt->shape == GEN_WEB ? "\n\n" : "\n";
	int month = 1, day = (int)pick(&rng, 5, 28);

	/* Tables first: the prose quotes their figures. */
	m->ncells = 0;
	heading(&tables, opt, "二、主动公开政府信息情况");
	table_2(&tables, m, opt, &rng);
	table_gap(&tables, opt->shape);
	heading(&tables, opt, "三、收到和处理政府信息公开申请情况");
	table_3(&tables, m, opt, &rng);
	table_gap(&tables, opt->shape);
	received = 0;
	for (size_t i = 0; i < m->ncells; i++)
		if (strcmp(m->cells[i].path, "applications.new_received.total") == 0)
			received = m->cells[i].coefficient;
	heading(&tables, opt, "四、政府信息公开行政复议、行政诉讼情况");
	table_4(&tables, m, opt, &rng, rl);
	table_gap(&tables, opt->shape);
	if (tables.failed) {
		free(tables.data);
		b->failed = 1;
		return;
	}

	if (opt->shape == GEN_WEB)
		buf_printf(b, "%s%d年政府信息公开工作年度报告\n%d-%02d-%02d 09:30:00   来源:%s   点击:\n\n",
			   organ, year, year + 1, month, day, organ);
	buf_printf(b, "%s%d年政府信息公开工作年度报告%s", organ, year, para_end);
	if (compact(opt)) {
		heading(b, opt, "一、总体情况");
		buf_printf(b, "全年共收到政府信息公开申请%lld件。%s", (long long)received,
			   para_end);
		buf_add(b, tables.data, tables.len);
		free(tables.data);
		heading(b, opt, "五、存在的主要问题及改进情况");
		buf_printf(b, "政策解读形式较为单一。%s", para_end);
		heading(b, opt, "六、其他需要报告的事项");
		buf_printf(b, "无。%s%s%s%d年%d月%d日%s", para_end, organ, para_end, year + 1,
			   month, day, para_end);
		return;
	}
	buf_printf(b, "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现向社会公布%s%d年"
		   "政府信息公开工作年度报告。本报告所列数据的统计期限自%d年1月1日起至%d年12月31日止。%s",
		   organ, year, year, year, para_end);
	heading(b, opt, "一、总体情况");
	buf_printf(b, "%d年，%s深入贯彻落实《条例》和上级关于政务公开工作的部署要求，坚持以公开为常态、不公开为例外，"
		   "着力推进决策、执行、管理、服务、结果公开，各项工作取得积极成效。%s", year, organ, para_end);
	buf_printf(b, "（一）主动公开方面。%d年，通过政府门户网站、政务新媒体和公开栏等渠道主动公开政府信息%d条，"
		   "其中政策文件%d条、工作动态%d条、通知公告%d条，涉及辖区群众关心的重点领域信息%d条。%s",
		   year, (int)pick(&rng, 40, 400), (int)pick(&rng, 5, 40), (int)pick(&rng, 10, 200),
		   (int)pick(&rng, 3, 60), (int)pick(&rng, 3, 60), para_end);
	buf_printf(b, "（二）依申请公开方面。全年共收到政府信息公开申请%lld件，均在法定期限内予以答复。"
		   "本年度被申请行政复议%lld件，被提起行政诉讼%lld件。%s", (long long)received,
		   (long long)rl[0], (long long)(rl[1] + rl[2]), para_end);
	for (size_t i = 0; i < extra; i += 3) {
		paragraph(b, opt, extra_paragraphs[(i / 3) % (sizeof(extra_paragraphs) /
							       sizeof(extra_paragraphs[0]))],
			  (int)(i / 3 % 9) + 3, &rng);
	}
	buf_add(b, tables.data, tables.len);
	free(tables.data);
	heading(b, opt, "五、存在的主要问题及改进情况");
	paragraph(b, opt, problem_paragraphs[0], 1, &rng);
	paragraph(b, opt, problem_paragraphs[1], 2, &rng);
	for (size_t i = 1; i < extra; i += 3)
		paragraph(b, opt, problem_paragraphs[(i / 3) % 2], (int)(i / 3 % 7) + 3, &rng);
	for (size_t i = 2; i < extra; i += 3)
		paragraph(b, opt, extra_paragraphs[(i / 3 + 4) % (sizeof(extra_paragraphs) /
								   sizeof(extra_paragraphs[0]))],
			  (int)(i / 3 % 7) + 3, &rng);
	heading(b, opt, "六、其他需要报告的事项");
	if (opt->template_year == 2021)
		buf_printf(b, "本年度未收取信息处理费。%s", para_end);
	else
		buf_printf(b, "无。%s", para_end);
	buf_printf(b, "%s%s%d年%d月%d日%s", organ, para_end, year + 1, month, day, para_end);
	if (opt->shape == GEN_WEB)
		buf_puts(b, "【打印】 【关闭】\n");
}

/* ---- traditional characters ----------------------------------------- */

static UTransliterator *hans_hant;

static int
to_traditional(struct buf *b)
{
	UErrorCode status = U_ZERO_ERROR;
	UChar *units;
	int32_t len = 0, cap, limit;
	char *out;
	int32_t outlen = 0;

	if (!hans_hant) {
		UChar id[16];
		u_charsToUChars("Hans-Hant", id, 10);
		hans_hant = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
		if (U_FAILURE(status))
			return -1;
	}
	u_strFromUTF8(NULL, 0, &len, b->data, (int32_t)b->len, &status);
	if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
		return -1;
	status = U_ZERO_ERROR;
	cap = len * 2 + 16;
	units = malloc((size_t)cap * sizeof(UChar));
	if (!units)
		return -1;
	u_strFromUTF8(units, cap, &len, b->data, (int32_t)b->len, &status);
	limit = len;
	utrans_transUChars(hans_hant, units, &len, cap, 0, &limit, &status);
	if (U_FAILURE(status)) {
		free(units);
		return -1;
	}
	u_strToUTF8(NULL, 0, &outlen, units, len, &status);
	status = U_ZERO_ERROR;
	out = malloc((size_t)outlen + 1);
	if (!out) {
		free(units);
		return -1;
	}
	u_strToUTF8(out, outlen + 1, &outlen, units, len, &status);
	free(units);
	if (U_FAILURE(status)) {
		free(out);
		return -1;
	}
	free(b->data);
	b->data = out;
	b->len = (size_t)outlen;
	b->cap = (size_t)outlen + 1;
	return 0;
}

/* Converter residue in prose (SPEC §2 item 5): 區 → 區(qū). */
static void
add_pinyin_residue(struct buf *b)
{
	static const char qu[] = "區";
	struct buf out = { 0 };
	size_t line_start = 0;

	for (size_t i = 0; i < b->len; i++) {
		if (b->data[i] == '\n')
			line_start = i + 1;
		buf_add(&out, b->data + i, 1);
		if (i + 3 <= b->len && memcmp(b->data + i, qu, 3) == 0) {
			size_t end = i;
			while (end < b->len && b->data[end] != '\n')
				end++;
			buf_add(&out, b->data + i + 1, 2);
			i += 2;
			/* Only in prose: long lines. */
			if (end - line_start > 150)
				buf_puts(&out, "(qū)");
		}
	}
	if (out.failed) {
		free(out.data);
		b->failed = 1;
		return;
	}
	free(b->data);
	*b = out;
}

/* ---- public ------------------------------------------------------------ */

int
gen_report(const struct gen_options *opt, struct gen_report *out)
{
	uint64_t rng = opt->seed;
	struct model m = { 0 };
	struct buf b = { 0 };
	const char *organ;
	int year;
	size_t extra = 0;

	memset(out, 0, sizeof(*out));
	year = opt->template_year == 2021 ? (int)pick(&rng, 2021, 2024)
					  : (int)pick(&rng, 2019, 2020);
	organ = organs[pick(&rng, 0, sizeof(organs) / sizeof(organs[0]) - 1)];
	compose(&b, &m, opt, 0, year, organ);
	/* Grow by paragraphs: estimate how many from the first attempt. */
	if (!b.failed && b.len < opt->target && !compact(opt)) {
		struct buf one = { 0 };
		size_t base = b.len, per;
		compose(&one, &m, opt, 3, year, organ);
		per = one.len > base ? (one.len - base) / 3 : 200;
		free(one.data);
		extra = (opt->target - base) / (per ? per : 1);
		free(b.data);
		memset(&b, 0, sizeof(b));
		compose(&b, &m, opt, extra, year, organ);
		while (!b.failed && b.len < opt->target) {
			extra += 1 + (opt->target - b.len) / (per ? per : 1);
			free(b.data);
			memset(&b, 0, sizeof(b));
			compose(&b, &m, opt, extra, year, organ);
		}
	}
	if (b.failed || m.failed || (opt->traditional && to_traditional(&b) < 0)) {
		free(b.data);
		free(m.cells);
		return -1;
	}
	if (opt->traditional)
		add_pinyin_residue(&b);
	if (b.failed) {
		free(b.data);
		free(m.cells);
		return -1;
	}
	out->data = b.data;
	out->len = b.len;
	out->year = year;
	out->template_year = opt->template_year;
	out->cells = m.cells;
	out->ncells = m.ncells;
	return 0;
}

void
gen_report_free(struct gen_report *r)
{
	free(r->data);
	free(r->cells);
	memset(r, 0, sizeof(*r));
}

const char *
gen_shape_name(enum gen_shape shape)
{
	static const char *const names[] = { "pipe", "tab", "markdown", "web" };

	return (unsigned)shape < GEN_SHAPE_COUNT ? names[shape] : "?";
}

void
gen_cleanup(void)
{
	if (hans_hant)
		utrans_close(hans_hant);
	hans_hant = NULL;
}
