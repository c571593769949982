/*
 * The two national templates as data: 国办公开办函〔2019〕60号 ("2019") and
 * 国办公开办函〔2021〕30号 ("2021"). See template.h.
 */
#include <string.h>

#include "model/template.h"

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))
#define GROUP(caption, stub, cols, rows) \
	{ caption, stub, cols, COUNT_OF(cols), rows, COUNT_OF(rows), NULL, 0, 0 }
#define GROUP_BAND(caption, stub, cols, rows, band, first, count) \
	{ caption, stub, cols, COUNT_OF(cols), rows, COUNT_OF(rows), band, first, count }

/* ---- parts ---------------------------------------------------------- */

static const char *const overview_keys[] = { "总体情况", NULL };
static const char *const disclosure_keys[] = { "主动公开政府信息", NULL };
static const char *const applications_keys[] = { "收到和处理政府信息公开申请",
						 "收到和处理申请", NULL };
/* Table 四's stub: its first row, and the parent of the two others. */
#define REVIEW "行政复议"
#define LITIGATION "行政诉讼"

static const char *const review_keys[] = { REVIEW, LITIGATION, NULL };
static const char *const problems_keys[] = { "存在的主要问题", "主要问题及改进",
					     "存在问题", NULL };
static const char *const other_keys[] = { "其他需要报告", NULL };

/* The numbers and headings of the parts that hold the tables, named so
 * that the tables below can use them in constant initializers; a table has
 * its part's number (表二 is in part 二), "table 2" in English. */
#define DISCLOSURE_NUMBER "二"
#define APPLICATIONS_NUMBER "三"
#define REVIEW_NUMBER "四"
#define DISCLOSURE_HEADING "主动公开政府信息情况"
#define APPLICATIONS_HEADING "收到和处理政府信息公开申请情况"
#define REVIEW_HEADING "政府信息公开行政复议、行政诉讼情况"
#define DISCLOSURE_TABLE_EN "table 2"
#define APPLICATIONS_TABLE_EN "table 3"
#define REVIEW_TABLE_EN "table 4"

static const struct gr_part_def parts[GR_PART_COUNT] = {
	{ "一", "总体情况", "overview", overview_keys },
	{ DISCLOSURE_NUMBER, DISCLOSURE_HEADING, "proactive disclosure", disclosure_keys },
	{ APPLICATIONS_NUMBER, APPLICATIONS_HEADING, "applications", applications_keys },
	{ REVIEW_NUMBER, REVIEW_HEADING, "administrative review and litigation",
	  review_keys },
	{ "五", "存在的主要问题及改进情况", "problems and improvements",
	  problems_keys },
	{ "六", "其他需要报告的事项", "other matters", other_keys },
};

const struct gr_part_def *
gr_part(enum gr_part part)
{
	if ((int)part < 0 || part >= GR_PART_COUNT)
		return NULL;
	return &parts[part];
}

/* ---- table 二, template "2021" ------------------------------------- */

static const char *const normative_aliases[] = { "规范性文件", "行政规范性文件", NULL };

static const struct gr_column ad21_documents_cols[] = {
	{ GOVREPORT_AD_COL_ISSUED, "issued", "本年制发件数", "issued this year", 0, NULL,
	  "本年制发" },
	{ GOVREPORT_AD_COL_REPEALED, "repealed", "本年废止件数", "repealed this year", 0, NULL,
	  "本年废止" },
	{ GOVREPORT_AD_COL_IN_FORCE, "in_force", "现行有效件数", "in force", 0, NULL, NULL },
};
static const struct gr_row ad21_documents_rows[] = {
	{ GOVREPORT_AD_ROW_RULES, "rules", "规章", NULL, NULL, "rules", NULL, NULL },
	{ GOVREPORT_AD_ROW_NORMATIVE_DOCUMENTS, "normative_documents",
	  "行政规范性文件", NULL, NULL, "normative documents", normative_aliases, NULL },
};
static const struct gr_column ad21_decision_cols[] = {
	{ GOVREPORT_AD_COL_DECISIONS, "decisions", "本年处理决定数量",
	  "decisions this year", 0, NULL, NULL },
};
static const struct gr_row ad21_licensing_rows[] = {
	{ GOVREPORT_AD_ROW_LICENSING, "licensing", "行政许可", NULL, NULL,
	  "administrative licensing", NULL, NULL },
};
static const struct gr_row ad21_penalty_rows[] = {
	{ GOVREPORT_AD_ROW_PENALTY, "penalty", "行政处罚", NULL, NULL,
	  "administrative penalties", NULL, NULL },
	{ GOVREPORT_AD_ROW_ENFORCEMENT, "enforcement", "行政强制", NULL, NULL,
	  "administrative enforcement", NULL, NULL },
};
static const struct gr_column ad21_fee_cols[] = {
	{ GOVREPORT_AD_COL_AMOUNT, "amount", "本年收费金额（单位：万元）",
	  "fees collected this year (10,000 yuan)", GR_COL_MONEY, NULL, NULL },
};
static const struct gr_row ad_fee_rows[] = {
	{ GOVREPORT_AD_ROW_FEES, "fees", "行政事业性收费", NULL, NULL,
	  "administrative fees", NULL, NULL },
};
static const struct gr_group ad21_groups[] = {
	GROUP("第二十条第（一）项", "信息内容", ad21_documents_cols, ad21_documents_rows),
	GROUP("第二十条第（五）项", "信息内容", ad21_decision_cols, ad21_licensing_rows),
	GROUP("第二十条第（六）项", "信息内容", ad21_decision_cols, ad21_penalty_rows),
	GROUP("第二十条第（八）项", "信息内容", ad21_fee_cols, ad_fee_rows),
};

/* ---- table 二, template "2019" ------------------------------------- */

static const struct gr_column ad19_documents_cols[] = {
	{ GOVREPORT_AD_COL_NEW_MADE, "new_made", "本年新制作数量", "newly made this year", 0, NULL, NULL },
	{ GOVREPORT_AD_COL_NEW_PUBLISHED, "new_published", "本年新公开数量",
	  "newly published this year", 0, NULL, NULL },
	{ GOVREPORT_AD_COL_TOTAL_PUBLISHED, "total_published", "对外公开总数量",
	  "published in total", 0, NULL, NULL },
};
static const struct gr_row ad19_documents_rows[] = {
	{ GOVREPORT_AD_ROW_RULES, "rules", "规章", NULL, NULL, "rules", NULL, NULL },
	{ GOVREPORT_AD_ROW_NORMATIVE_DOCUMENTS, "normative_documents",
	  "规范性文件", NULL, NULL, "normative documents", normative_aliases, NULL },
};
static const struct gr_column ad19_items_cols[] = {
	{ GOVREPORT_AD_COL_PREVIOUS_ITEMS, "previous_items", "上一年项目数量",
	  "items last year", 0, NULL, NULL },
	{ GOVREPORT_AD_COL_CHANGE, "change", "本年增/减", "change this year",
	  GR_COL_SIGNED, NULL, NULL },
	{ GOVREPORT_AD_COL_DECISIONS, "decisions", "处理决定数量", "decisions", 0, NULL, NULL },
};
static const struct gr_row ad19_licensing_rows[] = {
	{ GOVREPORT_AD_ROW_LICENSING, "licensing", "行政许可", NULL, NULL,
	  "administrative licensing", NULL, NULL },
	{ GOVREPORT_AD_ROW_OTHER_SERVICES, "other_services", "其他对外管理服务事项",
	  NULL, NULL, "other public management services", NULL, NULL },
};
static const struct gr_column ad19_fee_cols[] = {
	{ GOVREPORT_AD_COL_PREVIOUS_ITEMS, "previous_items", "上一年项目数量",
	  "items last year", 0, NULL, NULL },
	{ GOVREPORT_AD_COL_CHANGE, "change", "本年增/减", "change this year",
	  GR_COL_SIGNED, NULL, NULL },
};
static const struct gr_column ad19_procurement_cols[] = {
	{ GOVREPORT_AD_COL_PROJECTS, "projects", "采购项目数量", "procurement projects", 0, NULL, NULL },
	{ GOVREPORT_AD_COL_AMOUNT, "amount", "采购总金额", "procurement total amount",
	  GR_COL_MONEY, NULL, NULL },
};
static const struct gr_row ad19_procurement_rows[] = {
	{ GOVREPORT_AD_ROW_PROCUREMENT, "procurement", "政府集中采购", NULL, NULL,
	  "centralised government procurement", NULL, NULL },
};
static const struct gr_group ad19_groups[] = {
	GROUP("第二十条第（一）项", "信息内容", ad19_documents_cols, ad19_documents_rows),
	GROUP("第二十条第（五）项", "信息内容", ad19_items_cols, ad19_licensing_rows),
	GROUP("第二十条第（六）项", "信息内容", ad19_items_cols, ad21_penalty_rows),
	GROUP("第二十条第（八）项", "信息内容", ad19_fee_cols, ad_fee_rows),
	GROUP("第二十条第（九）项", "信息内容", ad19_procurement_cols, ad19_procurement_rows),
};

/* ---- table 三 ------------------------------------------------------- */

static const char *const social_welfare_aliases[] = { "社会组织", NULL };
/* Reports often print only the start of the long label. */
static const char *const partially_granted_aliases[] = { "（二）部分公开", NULL };

static const struct gr_column app_cols[] = {
	{ GOVREPORT_APP_COL_NATURAL_PERSON, "natural_person", "自然人", "natural persons", 0, NULL, NULL },
	{ GOVREPORT_APP_COL_COMMERCIAL, "commercial", "商业企业", "businesses", 0, NULL, NULL },
	{ GOVREPORT_APP_COL_RESEARCH, "research", "科研机构", "research institutions", 0, NULL, NULL },
	{ GOVREPORT_APP_COL_SOCIAL_WELFARE, "social_welfare", "社会公益组织",
	  "public-interest organisations", 0, social_welfare_aliases, NULL },
	{ GOVREPORT_APP_COL_LEGAL_SERVICES, "legal_services", "法律服务机构",
	  "legal service providers", 0, NULL, NULL },
	{ GOVREPORT_APP_COL_OTHER_ORG, "other_org", "其他", "other organisations", 0, NULL, NULL },
	{ GOVREPORT_APP_COL_TOTAL, "total", "总计", "total", 0, NULL, NULL },
};

#define OUTCOMES "三、本年度办理结果"
#define DENIED "（三）不予公开"
#define UNAVAILABLE "（四）无法提供"
#define UNPROCESSED "（五）不予处理"
#define OTHER_HANDLING "（六）其他处理"

#define APP_ROWS_HEAD \
	{ GOVREPORT_APP_ROW_NEW_RECEIVED, "new_received", "一、本年新收政府信息公开申请数量", \
	  NULL, NULL, "new applications received", NULL, "一、本年新收" }, \
	{ GOVREPORT_APP_ROW_CARRIED_OVER, "carried_over", "二、上年结转政府信息公开申请数量", \
	  NULL, NULL, "carried over from last year", NULL, "二、上年结转" }, \
	{ GOVREPORT_APP_ROW_GRANTED, "granted", "（一）予以公开", NULL, OUTCOMES, \
	  "granted", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_PARTIALLY_GRANTED, "partially_granted", \
	  "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", NULL, OUTCOMES, \
	  "partially granted", partially_granted_aliases, NULL }, \
	{ GOVREPORT_APP_ROW_DENIED_STATE_SECRET, "denied_state_secret", "1.属于国家秘密", \
	  DENIED, OUTCOMES, "denied: state secret", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_DENIED_PROHIBITED_BY_LAW, "denied_prohibited_by_law", \
	  "2.其他法律行政法规禁止公开", DENIED, OUTCOMES, \
	  "denied: prohibited by other laws", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_DENIED_THREE_SECURITIES, "denied_three_securities", \
	  "3.危及“三安全一稳定”", DENIED, OUTCOMES, \
	  "denied: endangers security or stability", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_DENIED_THIRD_PARTY, "denied_third_party", \
	  "4.保护第三方合法权益", DENIED, OUTCOMES, \
	  "denied: protects a third party", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_DENIED_INTERNAL_AFFAIRS, "denied_internal_affairs", \
	  "5.属于三类内部事务信息", DENIED, OUTCOMES, "denied: internal affairs", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_DENIED_PROCESS_INFO, "denied_process_info", \
	  "6.属于四类过程性信息", DENIED, OUTCOMES, "denied: process information", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_DENIED_ENFORCEMENT_FILES, "denied_enforcement_files", \
	  "7.属于行政执法案卷", DENIED, OUTCOMES, "denied: enforcement case files", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_DENIED_ADMINISTRATIVE_QUERY, "denied_administrative_query", \
	  "8.属于行政查询事项", DENIED, OUTCOMES, "denied: administrative query", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_UNAVAILABLE_NOT_HELD, "unavailable_not_held", \
	  "1.本机关不掌握相关政府信息", UNAVAILABLE, OUTCOMES, \
	  "unavailable: not held", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_UNAVAILABLE_NEEDS_CREATION, "unavailable_needs_creation", \
	  "2.没有现成信息需要另行制作", UNAVAILABLE, OUTCOMES, \
	  "unavailable: would need creating", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_UNAVAILABLE_UNCLEAR, "unavailable_unclear", \
	  "3.补正后申请内容仍不明确", UNAVAILABLE, OUTCOMES, \
	  "unavailable: still unclear", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_UNPROCESSED_PETITION, "unprocessed_petition", \
	  "1.信访举报投诉类申请", UNPROCESSED, OUTCOMES, \
	  "not processed: petition or complaint", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_UNPROCESSED_DUPLICATE, "unprocessed_duplicate", "2.重复申请", \
	  UNPROCESSED, OUTCOMES, "not processed: repeated", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_UNPROCESSED_PUBLICATION, "unprocessed_publication", \
	  "3.要求提供公开出版物", UNPROCESSED, OUTCOMES, \
	  "not processed: asks for a publication", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_UNPROCESSED_EXCESSIVE, "unprocessed_excessive", \
	  "4.无正当理由大量反复申请", UNPROCESSED, OUTCOMES, \
	  "not processed: excessive", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_UNPROCESSED_CONFIRMATION, "unprocessed_confirmation", \
	  "5.要求行政机关确认或重新出具已获取信息", UNPROCESSED, OUTCOMES, \
	  "not processed: asks for confirmation", NULL, NULL }

#define APP_ROWS_TAIL \
	{ GOVREPORT_APP_ROW_TOTAL_PROCESSED, "total_processed", "（七）总计", NULL, \
	  OUTCOMES, "total processed", NULL, NULL }, \
	{ GOVREPORT_APP_ROW_CARRIED_FORWARD, "carried_forward", "四、结转下年度继续办理", \
	  NULL, NULL, "carried forward", NULL, NULL }

static const struct gr_row app21_rows[] = {
	APP_ROWS_HEAD,
	{ GOVREPORT_APP_ROW_OTHER_NO_CORRECTION, "other_no_correction",
	  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	  OTHER_HANDLING, OUTCOMES, "other: not corrected in time", NULL, NULL },
	{ GOVREPORT_APP_ROW_OTHER_UNPAID_FEE, "other_unpaid_fee",
	  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
	  OTHER_HANDLING, OUTCOMES, "other: fee not paid", NULL, NULL },
	{ GOVREPORT_APP_ROW_OTHER_MISC, "other_misc", "3.其他", OTHER_HANDLING,
	  OUTCOMES, "other: miscellaneous", NULL, NULL },
	APP_ROWS_TAIL,
};
static const struct gr_row app19_rows[] = {
	APP_ROWS_HEAD,
	{ GOVREPORT_APP_ROW_OTHER, "other", "（六）其他处理", NULL, OUTCOMES,
	  "other handling", NULL, NULL },
	APP_ROWS_TAIL,
};

#define APP_STUB "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
/* 法人或其他组织 heads the columns 商业企业 … 其他 (1 to 5). */
#define APP_BAND "法人或其他组织"
static const struct gr_group app21_groups[] = {
	GROUP_BAND("申请人情况", APP_STUB, app_cols, app21_rows, APP_BAND, 1, 5),
};
static const struct gr_group app19_groups[] = {
	GROUP_BAND("申请人情况", APP_STUB, app_cols, app19_rows, APP_BAND, 1, 5),
};

/* ---- table 四 ------------------------------------------------------- */

static const struct gr_column rl_cols[] = {
	{ GOVREPORT_RL_COL_UPHELD, "upheld", "结果维持", "upheld", 0, NULL, NULL },
	{ GOVREPORT_RL_COL_CORRECTED, "corrected", "结果纠正", "corrected", 0, NULL, NULL },
	{ GOVREPORT_RL_COL_OTHER, "other", "其他结果", "other outcome", 0, NULL, NULL },
	{ GOVREPORT_RL_COL_PENDING, "pending", "尚未审结", "pending", 0, NULL, NULL },
	{ GOVREPORT_RL_COL_TOTAL, "total", "总计", "total", 0, NULL, NULL },
};
static const struct gr_row rl_rows[] = {
	{ GOVREPORT_RL_ROW_REVIEW, "review", REVIEW, NULL, NULL,
	  "administrative review", NULL, NULL },
	{ GOVREPORT_RL_ROW_LITIGATION_DIRECT, "litigation_direct", "未经复议直接起诉",
	  LITIGATION, NULL, "litigation without prior review", NULL, NULL },
	{ GOVREPORT_RL_ROW_LITIGATION_AFTER_REVIEW, "litigation_after_review",
	  "复议后起诉", LITIGATION, NULL, "litigation after review", NULL, NULL },
};
static const struct gr_group rl_groups[] = {
	GROUP(NULL, NULL, rl_cols, rl_rows),
};

/* ---- the equations ------------------------------------------------ */

/* Table 三, in each column: the table's own 勾稽关系 (printed in its stub:
 * 第一项加第二项之和，等于第三项加第四项之和), and （七）总计 = the outcome
 * rows (一) to (六), whichever rows the template has before it; in each
 * row: 总计 = the six applicant columns. */
static const struct gr_sum app_sums[] = {
	{ .code = GR_T3_BALANCE, .in = GR_SUM_IN_EACH_COLUMN,
	  .lhs = { GOVREPORT_APP_ROW_NEW_RECEIVED, GOVREPORT_APP_ROW_CARRIED_OVER }, .nlhs = 2,
	  .rhs = { GOVREPORT_APP_ROW_TOTAL_PROCESSED, GOVREPORT_APP_ROW_CARRIED_FORWARD },
	  .nrhs = 2 },
	{ .code = GR_T3_TOTAL_PROCESSED, .in = GR_SUM_IN_EACH_COLUMN,
	  .lhs = { GOVREPORT_APP_ROW_TOTAL_PROCESSED }, .nlhs = 1,
	  .rhs_from = GOVREPORT_APP_ROW_GRANTED, .rhs_until = GOVREPORT_APP_ROW_TOTAL_PROCESSED,
	  .rhs_zh = "办理结果（一）至（六）各项之和", .rhs_en = "the outcomes (一) to (六)" },
	{ .code = GR_T3_ROW_TOTAL, .in = GR_SUM_IN_EACH_ROW,
	  .lhs = { GOVREPORT_APP_COL_TOTAL }, .nlhs = 1,
	  .rhs_from = GOVREPORT_APP_COL_NATURAL_PERSON, .rhs_until = GOVREPORT_APP_COL_TOTAL,
	  .rhs_zh = "各类申请人之和", .rhs_en = "the six applicant columns" },
};

/* Table 四, in each row: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
static const struct gr_sum rl_sums[] = {
	{ .code = GR_T4_TOTAL, .in = GR_SUM_IN_EACH_ROW,
	  .lhs = { GOVREPORT_RL_COL_TOTAL }, .nlhs = 1,
	  .rhs_from = GOVREPORT_RL_COL_UPHELD, .rhs_until = GOVREPORT_RL_COL_TOTAL },
};

/* ---- the figures the prose states ---------------------------------- */

static const struct gr_figure figures[] = {
	{ GR_NARRATIVE_APPLICATIONS, GOVREPORT_SECTION_APPLICATIONS,
	  { GOVREPORT_APP_ROW_NEW_RECEIVED, -1 }, GOVREPORT_APP_COL_TOTAL, NULL,
	  "新收政府信息公开申请", "new applications" },
	{ GR_NARRATIVE_FIGURE, GOVREPORT_SECTION_REVIEW_LITIGATION,
	  { GOVREPORT_RL_ROW_REVIEW, -1 }, GOVREPORT_RL_COL_TOTAL, REVIEW,
	  REVIEW, "administrative reviews" },
	{ GR_NARRATIVE_FIGURE, GOVREPORT_SECTION_REVIEW_LITIGATION,
	  { GOVREPORT_RL_ROW_LITIGATION_DIRECT, GOVREPORT_RL_ROW_LITIGATION_AFTER_REVIEW },
	  GOVREPORT_RL_COL_TOTAL, LITIGATION, LITIGATION, "lawsuits" },
};

_Static_assert(COUNT_OF(figures) <= GR_MAX_FIGURES, "GR_MAX_FIGURES is too small");

const struct gr_figure *
gr_figures(size_t *count)
{
	*count = COUNT_OF(figures);
	return figures;
}

/* ---- the templates -------------------------------------------------- */

/* Tables 二, 三 and 四 of a template, from its groups, cell count and (for
 * 三 and 四) equations. */
#define TABLE_AD(groups, ncells) \
	{ GOVREPORT_SECTION_ACTIVE_DISCLOSURE, "active_disclosure", DISCLOSURE_NUMBER, \
	  DISCLOSURE_HEADING, DISCLOSURE_TABLE_EN " (proactive disclosure)", \
	  DISCLOSURE_TABLE_EN, groups, COUNT_OF(groups), ncells, NULL, 0 }
#define TABLE_APP(groups, ncells) \
	{ GOVREPORT_SECTION_APPLICATIONS, "applications", APPLICATIONS_NUMBER, \
	  APPLICATIONS_HEADING, APPLICATIONS_TABLE_EN " (applications)", \
	  APPLICATIONS_TABLE_EN, groups, COUNT_OF(groups), ncells, \
	  app_sums, COUNT_OF(app_sums) }
#define TABLE_RL(groups, ncells) \
	{ GOVREPORT_SECTION_REVIEW_LITIGATION, "review_litigation", REVIEW_NUMBER, \
	  REVIEW_HEADING, REVIEW_TABLE_EN " (review and litigation)", \
	  REVIEW_TABLE_EN, groups, COUNT_OF(groups), ncells, \
	  rl_sums, COUNT_OF(rl_sums) }

/* Cell counts, checked against the groups by the template tests. */
#define AD21_CELLS (3 * 2 + 1 + 1 * 2 + 1)
#define AD19_CELLS (3 * 2 + 3 * 2 + 3 * 2 + 2 + 2)
#define APP21_CELLS (25 * 7)
#define APP19_CELLS (23 * 7)
#define RL_CELLS (3 * 5)

static const struct gr_template templates[] = {
	{ GOVREPORT_TEMPLATE_2019, "2019", "国办公开办函〔2019〕60号", 2019, {
		TABLE_AD(ad19_groups, AD19_CELLS),
		TABLE_APP(app19_groups, APP19_CELLS),
		TABLE_RL(rl_groups, RL_CELLS),
	} },
	{ GOVREPORT_TEMPLATE_2021, "2021", "国办公开办函〔2021〕30号", 2021, {
		TABLE_AD(ad21_groups, AD21_CELLS),
		TABLE_APP(app21_groups, APP21_CELLS),
		TABLE_RL(rl_groups, RL_CELLS),
	} },
};

const struct gr_template *
gr_template_get(enum govreport_template id)
{
	for (size_t i = 0; i < COUNT_OF(templates); i++)
		if (templates[i].id == id)
			return &templates[i];
	return NULL;
}

/* The templates are in the order they came in force. */
const struct gr_template *
gr_template_due(int year)
{
	size_t i = 0;

	while (i + 1 < COUNT_OF(templates) && templates[i + 1].from_year <= year)
		i++;
	return &templates[i];
}

static int
id_equals(const char *id, const char *s, size_t len)
{
	return strlen(id) == len && memcmp(id, s, len) == 0;
}

const struct gr_template *
gr_template_by_name(const char *name, size_t len)
{
	for (size_t i = 0; i < COUNT_OF(templates); i++)
		if (id_equals(templates[i].name, name, len))
			return &templates[i];
	return NULL;
}

const struct gr_table *
gr_table_get(const struct gr_template *tpl, enum govreport_section section)
{
	if (!tpl || (int)section < 0 || section >= GR_SECTION_COUNT)
		return NULL;
	return &tpl->tables[section];
}

const struct gr_table *
gr_table_by_id(const struct gr_template *tpl, const char *id, size_t len)
{
	for (size_t s = 0; s < GR_SECTION_COUNT; s++)
		if (id_equals(tpl->tables[s].id, id, len))
			return &tpl->tables[s];
	return NULL;
}

/*
 * Walk the table's cells in order; match() decides which one is wanted.
 * Tables hold at most a few hundred cells, so a walk is cheap enough for
 * lookups by id; the parser walks rows directly.
 */
typedef int (*cell_match_fn)(const struct gr_row *row,
			     const struct gr_column *column, size_t index,
			     const void *key);

static int
cell_walk(const struct gr_table *table, cell_match_fn match, const void *key,
	  struct gr_cell_ref *ref)
{
	size_t index = 0;

	for (size_t g = 0; g < table->ngroups; g++) {
		const struct gr_group *group = &table->groups[g];
		for (size_t r = 0; r < group->nrows; r++) {
			for (size_t c = 0; c < group->ncolumns; c++, index++) {
				const struct gr_row *row = &group->rows[r];
				const struct gr_column *col = &group->columns[c];
				if (!match(row, col, index, key))
					continue;
				*ref = (struct gr_cell_ref){ table, group, row,
							     col, index };
				return 0;
			}
		}
	}
	return -1;
}

int
gr_cell_find(const struct gr_table *table, int row, int column,
	     struct gr_cell_ref *ref)
{
	size_t index = 0;

	/* Rows are few: find the row, then compute the index. */
	for (size_t g = 0; g < table->ngroups; g++) {
		const struct gr_group *group = &table->groups[g];
		for (size_t r = 0; r < group->nrows; r++) {
			if (group->rows[r].row != row)
				continue;
			for (size_t c = 0; c < group->ncolumns; c++) {
				if (group->columns[c].column != column)
					continue;
				*ref = (struct gr_cell_ref){
					table, group, &group->rows[r], &group->columns[c],
					index + r * group->ncolumns + c
				};
				return 0;
			}
			return -1;
		}
		index += group->nrows * group->ncolumns;
	}
	return -1;
}

struct id_key {
	const char *row, *column;
	size_t row_len, column_len;
};

static int
match_id(const struct gr_row *row, const struct gr_column *column,
	 size_t index, const void *key)
{
	const struct id_key *k = key;
	(void)index;
	return id_equals(row->id, k->row, k->row_len) &&
	       id_equals(column->id, k->column, k->column_len);
}

int
gr_cell_find_id(const struct gr_table *table, const char *row, size_t row_len,
		const char *column, size_t column_len, struct gr_cell_ref *ref)
{
	struct id_key key = { row, column, row_len, column_len };
	return cell_walk(table, match_id, &key, ref);
}

static int
match_index(const struct gr_row *row, const struct gr_column *column,
	    size_t index, const void *key)
{
	(void)row;
	(void)column;
	return index == *(const size_t *)key;
}

int
gr_cell_at(const struct gr_table *table, size_t index, struct gr_cell_ref *ref)
{
	return cell_walk(table, match_index, &index, ref);
}

int
gr_cell_find_path(const struct gr_template *tpl, const char *path,
		  struct gr_cell_ref *ref)
{
	const char *dot1, *dot2;
	const struct gr_table *table;

	if (!tpl || !path)
		return -1;
	dot1 = strchr(path, '.');
	if (!dot1)
		return -1;
	dot2 = strchr(dot1 + 1, '.');
	if (!dot2 || strchr(dot2 + 1, '.'))
		return -1;
	table = gr_table_by_id(tpl, path, (size_t)(dot1 - path));
	if (!table)
		return -1;
	return gr_cell_find_id(table, dot1 + 1, (size_t)(dot2 - dot1 - 1),
			       dot2 + 1, strlen(dot2 + 1), ref);
}

size_t
gr_row_first_cell(const struct gr_table *table, const struct gr_group *group,
		  const struct gr_row *row)
{
	size_t index = 0;

	for (size_t g = 0; g < table->ngroups; g++) {
		const struct gr_group *gr = &table->groups[g];
		if (gr == group)
			return index + (size_t)(row - gr->rows) * gr->ncolumns;
		index += gr->nrows * gr->ncolumns;
	}
	return index;
}

/* ---- public: the labels of ids ----------------------------------------- */

static const struct gr_row *
row_by_id(const struct gr_table *table, const char *id, size_t len)
{
	for (size_t g = 0; g < table->ngroups; g++)
		for (size_t r = 0; r < table->groups[g].nrows; r++)
			if (id_equals(table->groups[g].rows[r].id, id, len))
				return &table->groups[g].rows[r];
	return NULL;
}

GOVREPORT_EXPORT const char *
govreport_label(enum govreport_template tpl, const char *path, unsigned flags)
{
	const struct gr_template *t = gr_template_get(tpl);
	const char *dot1, *dot2;
	const struct gr_table *table;
	const struct gr_row *row;
	struct gr_cell_ref ref;
	int en = (flags & GOVREPORT_LANG_EN) != 0;

	if (!t || !path || (flags & ~GOVREPORT_LANG_EN))
		return NULL;
	dot1 = strchr(path, '.');
	table = gr_table_by_id(t, path, dot1 ? (size_t)(dot1 - path) : strlen(path));
	if (!table)
		return NULL;
	if (!dot1)
		return en ? table->en : table->heading;
	dot2 = strchr(dot1 + 1, '.');
	if (!dot2) {
		row = row_by_id(table, dot1 + 1, strlen(dot1 + 1));
		return !row ? NULL : en ? row->en : row->label;
	}
	if (gr_cell_find_path(t, path, &ref) < 0)
		return NULL;
	return en ? ref.column->en : ref.column->label;
}
