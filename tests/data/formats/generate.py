#!/usr/bin/env python3
"""Generate the HTML and pdftotext-layout test cases from the seed reports.

    python3 tests/data/formats/generate.py          # (re)write the cases
    python3 tests/data/formats/generate.py --check  # fail if the checked-in
                                                    # files differ

Writes tests/data/html/<case>/{input.html,expected.json} and
tests/data/layout/<case>/{input.txt,expected.json}, and README.md beside
this script listing them. tests/test-formats.c parses every input (shape
detected, and again with the shape's flag) and compares every key of
expected.json with the report's canonical JSON.

The documents are written here from a model of each seed — its template,
year, organ, title, date and table cells, taken from the seed's
.expected.json — with the official table structure of SPEC §1 spelled
out below, independently of the library (the library is never run).
Each case then lays the model out in one shape (a CMS editor's HTML,
Word's, a split table, GBK bytes, pdftotext -layout pages with headers
and wrapped labels, ...) and may change figures first: the expectation is
the model after the same change. Random figures come from random.Random
seeded per case, so reruns give the same bytes.

The seeds themselves through LibreOffice and pdftotext are made by
tests/fixtures/make-layout.sh (tests/data/layout/libreoffice-*), which
needs LibreOffice and is not run by CI.
"""

import copy
import json
import os
import random
import sys
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, '..'))
SEEDS = os.path.join(DATA, 'seeds')
SEED_NAMES = {
    '000': '000_60b25c9977688c27', '001': '001_ebc51afa85553e39',
    '002': '002_c3fcc36b9cf6fff1', '003': '003_64f6c83b9150245c',
    '004': '004_76d98d904843aa38',
}

# ---------------------------------------------------------------------------
# The official tables (SPEC §1.1-1.3): labels and ids, as the forms print them.

T2 = {
    '2021': [
        ('第二十条第（一）项', [('本年制发件数', 'issued'), ('本年废止件数', 'repealed'),
                         ('现行有效件数', 'in_force')],
         [('规章', 'rules'), ('行政规范性文件', 'normative_documents')]),
        ('第二十条第（五）项', [('本年处理决定数量', 'decisions')], [('行政许可', 'licensing')]),
        ('第二十条第（六）项', [('本年处理决定数量', 'decisions')],
         [('行政处罚', 'penalty'), ('行政强制', 'enforcement')]),
        ('第二十条第（八）项', [('本年收费金额（单位：万元）', 'amount')], [('行政事业性收费', 'fees')]),
    ],
    '2019': [
        ('第二十条第（一）项', [('本年新制作数量', 'new_made'), ('本年新公开数量', 'new_published'),
                         ('对外公开总数量', 'total_published')],
         [('规章', 'rules'), ('规范性文件', 'normative_documents')]),
        ('第二十条第（五）项', [('上一年项目数量', 'previous_items'), ('本年增/减', 'change'),
                         ('处理决定数量', 'decisions')],
         [('行政许可', 'licensing'), ('其他对外管理服务事项', 'other_services')]),
        ('第二十条第（六）项', [('上一年项目数量', 'previous_items'), ('本年增/减', 'change'),
                         ('处理决定数量', 'decisions')],
         [('行政处罚', 'penalty'), ('行政强制', 'enforcement')]),
        ('第二十条第（八）项', [('上一年项目数量', 'previous_items'), ('本年增/减', 'change')],
         [('行政事业性收费', 'fees')]),
        ('第二十条第（九）项', [('采购项目数量', 'projects'), ('采购总金额', 'amount')],
         [('政府集中采购', 'procurement')]),
    ],
}
T3_COLS = [('自然人', 'natural_person'), ('商业企业', 'commercial'), ('科研机构', 'research'),
           ('社会公益组织', 'social_welfare'), ('法律服务机构', 'legal_services'),
           ('其他', 'other_org'), ('总计', 'total')]
T3_STUB = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）'
OUT = '三、本年度办理结果'
T3_HEAD = [
    (None, None, '一、本年新收政府信息公开申请数量', 'new_received'),
    (None, None, '二、上年结转政府信息公开申请数量', 'carried_over'),
    (OUT, None, '（一）予以公开', 'granted'),
    (OUT, None, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'partially_granted'),
    (OUT, '（三）不予公开', '1.属于国家秘密', 'denied_state_secret'),
    (OUT, '（三）不予公开', '2.其他法律行政法规禁止公开', 'denied_prohibited_by_law'),
    (OUT, '（三）不予公开', '3.危及“三安全一稳定”', 'denied_three_securities'),
    (OUT, '（三）不予公开', '4.保护第三方合法权益', 'denied_third_party'),
    (OUT, '（三）不予公开', '5.属于三类内部事务信息', 'denied_internal_affairs'),
    (OUT, '（三）不予公开', '6.属于四类过程性信息', 'denied_process_info'),
    (OUT, '（三）不予公开', '7.属于行政执法案卷', 'denied_enforcement_files'),
    (OUT, '（三）不予公开', '8.属于行政查询事项', 'denied_administrative_query'),
    (OUT, '（四）无法提供', '1.本机关不掌握相关政府信息', 'unavailable_not_held'),
    (OUT, '（四）无法提供', '2.没有现成信息需要另行制作', 'unavailable_needs_creation'),
    (OUT, '（四）无法提供', '3.补正后申请内容仍不明确', 'unavailable_unclear'),
    (OUT, '（五）不予处理', '1.信访举报投诉类申请', 'unprocessed_petition'),
    (OUT, '（五）不予处理', '2.重复申请', 'unprocessed_duplicate'),
    (OUT, '（五）不予处理', '3.要求提供公开出版物', 'unprocessed_publication'),
    (OUT, '（五）不予处理', '4.无正当理由大量反复申请', 'unprocessed_excessive'),
    (OUT, '（五）不予处理', '5.要求行政机关确认或重新出具已获取信息', 'unprocessed_confirmation'),
]
T3_ROWS = {
    '2021': T3_HEAD + [
        (OUT, '（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
         'other_no_correction'),
        (OUT, '（六）其他处理', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
         'other_unpaid_fee'),
        (OUT, '（六）其他处理', '3.其他', 'other_misc'),
        (OUT, None, '（七）总计', 'total_processed'),
        (None, None, '四、结转下年度继续办理', 'carried_forward')],
    '2019': T3_HEAD + [
        (OUT, None, '（六）其他处理', 'other'),
        (OUT, None, '（七）总计', 'total_processed'),
        (None, None, '四、结转下年度继续办理', 'carried_forward')],
}
T4_GROUPS = [('行政复议', None, 'review'), ('未经复议直接起诉', '行政诉讼', 'litigation_direct'),
             ('复议后起诉', '行政诉讼', 'litigation_after_review')]
T4_COLS = [('结果维持', 'upheld'), ('结果纠正', 'corrected'), ('其他结果', 'other'),
           ('尚未审结', 'pending'), ('总计', 'total')]
HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
            '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况',
            '六、其他需要报告的事项']
MONEY = ('amount',)

# ---------------------------------------------------------------------------
# The model of a report


def load_seed(key):
    with open(os.path.join(SEEDS, SEED_NAMES[key] + '.expected.json'), encoding='utf-8') as f:
        return json.loads(f.read(), parse_float=Decimal)


def dump_json(obj, level=0):
    """json.dumps(obj, ensure_ascii=False, indent=2), exact for Decimals."""
    pad = '  '
    if isinstance(obj, dict):
        if not obj:
            return '{}'
        items = ['%s%s: %s' % (pad * (level + 1), json.dumps(k, ensure_ascii=False),
                               dump_json(v, level + 1)) for k, v in obj.items()]
        return '{\n' + ',\n'.join(items) + '\n' + pad * level + '}'
    if obj is None:
        return 'null'
    if isinstance(obj, (int, Decimal)):
        return str(obj) if isinstance(obj, int) else format(obj, 'f')
    if isinstance(obj, str):
        return json.dumps(obj, ensure_ascii=False)
    raise TypeError(type(obj))


def cell_text(value):
    if value is None:
        return ''
    return format(value, 'f') if isinstance(value, Decimal) else str(value)


def figures(model, rng):
    """Every cell a figure (so that a shifted column shows)."""
    for section in ('active_disclosure', 'applications', 'review_litigation'):
        table = model[section]
        if table is None:
            continue
        for row in table.values():
            for col in row:
                if col in MONEY:
                    row[col] = Decimal(rng.randint(0, 99999)) / Decimal(100)
                elif col == 'change':
                    row[col] = rng.randint(-9, 20)
                else:
                    row[col] = rng.randint(0, 400)


def blank_some(model, rng, section, count, middle_only=True):
    """Make cells empty (null), in the middle of rows when asked."""
    rows = list(model[section].items())
    for _ in range(count):
        row_id, row = rng.choice(rows)
        cols = list(row)
        if middle_only and len(cols) > 2:
            cols = cols[1:-1]
        row[rng.choice(cols)] = None


# ---------------------------------------------------------------------------
# A document around the tables: title, prose, signature, date


def intro_lines(model):
    lines = []
    if not model['title']:
        lines.append('根据《中华人民共和国政府信息公开条例》规定，现公布%d年%s政府信息公开工作年度报告。'
                     % (model['year'], model['organ']))
    return lines


PROSE = {
    0: ['本机关认真贯彻落实《中华人民共和国政府信息公开条例》，进一步加强政府信息公开工作，'
        '不断拓宽公开渠道，提升公开质量。', '（一）主动公开。全年通过门户网站主动公开政府信息。'],
    4: ['一是公开内容的全面性还需加强。二是信息更新的及时性还需提高。'],
    5: ['无。'],
}


def closing_lines(model):
    lines = []
    if model['published']:
        y, m, d = (int(x) for x in model['published'].split('-'))
        lines.append(model['organ'])
        lines.append('%d年%d月%d日' % (y, m, d))
    return lines


# ---------------------------------------------------------------------------
# Tables as grids: rows of (text, rowspan, colspan, is_value)


def t2_grid(model, blank='', caption_full=True):
    groups = T2[model['template']]
    width = max(len(g[1]) for g in groups)
    rows = []
    table = model['active_disclosure']
    for caption, cols, body in groups:
        rows.append([(caption, 1, 1 + width, False)])
        head = [('信息内容', 1, 1, False)]
        for i, (label, _) in enumerate(cols):
            head.append((label, 1, width - i if i == len(cols) - 1 else 1, False))
        rows.append(head)
        for label, row_id in body:
            cells = [(label, 1, 1, False)]
            for i, (_, col_id) in enumerate(cols):
                v = table[row_id][col_id]
                cells.append((cell_text(v) if v is not None else blank, 1,
                              width - i if i == len(cols) - 1 else 1, True))
            rows.append(cells)
    return rows


def t3_grid(model, blank=''):
    table = model['applications']
    rows = [[(T3_STUB, 3, 3, False), ('申请人情况', 1, 7, False)],
            [('自然人', 2, 1, False), ('法人或其他组织', 1, 5, False), ('总计', 2, 1, False)],
            [(label, 1, 1, False) for label, _ in T3_COLS[1:6]]]
    body = T3_ROWS[model['template']]
    for k, (outer, parent, label, row_id) in enumerate(body):
        cells = []
        if outer and (k == 0 or body[k - 1][0] != outer):
            cells.append((outer, sum(1 for r in body if r[0] == outer), 1, False))
        if parent and body[k - 1][1] != parent:
            cells.append((parent, sum(1 for r in body if r[1] == parent), 1, False))
        start = (1 if outer else 0) + (1 if parent else 0)
        cells.append((label, 1, 3 - start, False))
        for _, col_id in T3_COLS:
            v = table[row_id][col_id]
            cells.append((cell_text(v) if v is not None else blank, 1, 1, True))
        rows.append(cells)
    return rows


def t4_grid(model, blank=''):
    table = model['review_litigation']
    rows = [[('行政复议', 1, 5, False), ('行政诉讼', 1, 10, False)],
            [(label, 2, 1, False) for label, _ in T4_COLS] +
            [('未经复议直接起诉', 1, 5, False), ('复议后起诉', 1, 5, False)],
            [(label, 1, 1, False) for label, _ in T4_COLS] * 2]
    values = []
    for _, _, row_id in T4_GROUPS:
        for _, col_id in T4_COLS:
            v = table[row_id][col_id]
            values.append((cell_text(v) if v is not None else blank, 1, 1, True))
    rows.append(values)
    return rows


def grids(model, blank=''):
    out = {}
    if model['active_disclosure'] is not None:
        out[1] = t2_grid(model, blank)
    if model['applications'] is not None:
        out[2] = t3_grid(model, blank)
    if model['review_litigation'] is not None:
        out[3] = t4_grid(model, blank)
    return out


# ---------------------------------------------------------------------------
# HTML shapes

def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


class Html:
    """How one editor writes a page."""
    head = '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>{title}</title>\n</head>\n<body>\n'
    tail = '</body>\n</html>\n'
    table_open = '<table border="1" cellspacing="0">\n'
    blank = '&nbsp;'
    row_per_line = True

    def para(self, text):
        return '<p>%s</p>\n' % esc(text)

    def heading(self, text):
        return '<p><strong>%s</strong></p>\n' % esc(text)

    def cell(self, text, rowspan, colspan, value):
        attrs = ''
        if rowspan > 1:
            attrs += ' rowspan="%d"' % rowspan
        if colspan > 1:
            attrs += ' colspan="%d"' % colspan
        content = esc(text) if text else self.blank
        return '<td%s>%s</td>' % (attrs, content)

    def table(self, rows):
        out = [self.table_open]
        for cells in rows:
            out.append('<tr>' + ''.join(self.cell(*c) for c in cells) + '</tr>\n')
        out.append('</table>\n')
        return ''.join(out)

    def tables(self, part, rows):
        return self.table(rows)

    def document(self, model):
        tables = grids(model)
        out = [self.head.replace('{title}', esc(model['title'] or model['organ'] or ''))]
        if model['title']:
            out.append('<h1>%s</h1>\n' % esc(model['title']))
        for line in intro_lines(model):
            out.append(self.para(line))
        for part, heading in enumerate(HEADINGS):
            if part in tables:
                out.append(self.heading(heading))
                out.append(self.tables(part, tables[part]))
            elif part in PROSE:
                out.append(self.heading(heading))
                out.extend(self.para(p) for p in PROSE[part])
        out.extend(self.para(line) for line in closing_lines(model))
        out.append(self.tail)
        return ''.join(out)


class CmsHtml(Html):
    """A CMS rich-text editor: <p>/<span> in every cell, styles inline."""
    table_open = '<table style="border-collapse:collapse;width:100%" border="1">\n<tbody>\n'
    blank = '<p style="text-align:center"><span style="font-size:14px">&nbsp;</span></p>'

    def cell(self, text, rowspan, colspan, value):
        attrs = ' style="border:1px solid #000000"'
        if rowspan > 1:
            attrs += ' rowspan="%d"' % rowspan
        if colspan > 1:
            attrs += ' colspan="%d"' % colspan
        if not text:
            return '\n<td%s>%s</td>' % (attrs, self.blank)
        return ('\n<td%s><p style="text-align:center"><span style="font-family:仿宋_GB2312;'
                'font-size:14px">%s</span></p></td>' % (attrs, esc(text)))

    def table(self, rows):
        return super().table(rows).replace('</table>', '</tbody>\n</table>')


class WordHtml(Html):
    """Word's "Save as web page": mso- styles, <o:p>, conditional comments."""
    head = ('<html xmlns:o="urn:schemas-microsoft-com:office:office" '
            'xmlns:w="urn:schemas-microsoft-com:office:word">\n<head>\n'
            '<meta http-equiv=Content-Type content="text/html; charset=utf-8">\n'
            '<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View>'
            '</w:WordDocument></xml><![endif]-->\n'
            '<style>\n<!--\np.MsoNormal {mso-style-parent:""; font-size:10.5pt;}\n-->\n</style>\n'
            '</head>\n<body lang=ZH-CN style=\'tab-interval:21.0pt\'>\n<div class=WordSection1>\n')
    tail = '</div>\n</body>\n</html>\n'
    table_open = ('<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 '
                  'style=\'border-collapse:collapse;mso-yfti-tbllook:1184\'>\n')

    def para(self, text):
        return ('<p class=MsoNormal style=\'text-indent:32.0pt;mso-char-indent-count:2.0\'>'
                '<span style=\'font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"\'>'
                '%s<o:p></o:p></span></p>\n' % esc(text))

    def heading(self, text):
        number, rest = text.split('、', 1)
        return ('<p class=MsoListParagraph style=\'mso-list:l0 level1 lfo1\'><![if !supportLists]>'
                '<span style=\'mso-list:Ignore\'>%s、<span style=\'font:7.0pt "Times New Roman"\'>'
                '&nbsp;&nbsp; </span></span><![endif]><b><span style=\'font-family:黑体\'>%s'
                '<o:p></o:p></span></b></p>\n' % (number, esc(rest)))

    def cell(self, text, rowspan, colspan, value):
        attrs = ' width=80 valign=top style=\'border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt\''
        if rowspan > 1:
            attrs += ' rowspan=%d' % rowspan
        if colspan > 1:
            attrs += ' colspan=%d' % colspan
        # Word breaks long labels with <br> and wraps in its own lines.
        body = esc(text)
        if len(text) > 12 and not value:
            body = esc(text[:8]) + '<br>\n  ' + esc(text[8:])
        if not text:
            body = '<o:p>&nbsp;</o:p>'
        return ('\n  <td%s>\n  <p class=MsoNormal align=center style=\'text-align:center\'>'
                '<span lang=EN-US style=\'font-size:10.5pt\'>%s</span><span '
                'style=\'mso-bidi-font-size:10.5pt\'><o:p></o:p></span></p>\n  </td>'
                % (attrs, body))

    def table(self, rows):
        out = [self.table_open]
        for k, cells in enumerate(rows):
            out.append(' <tr style=\'mso-yfti-irow:%d\'>' % k +
                       ''.join(self.cell(*c) for c in cells) + '\n </tr>\n')
        out.append('</table>\n')
        return ''.join(out)


class SplitHtml(CmsHtml):
    """Tables split in two at a page break: 二 between items, 三 in the middle
    of 不予公开 (the second part starts with an empty row and repeats the
    merged labels), 四 after its headers."""

    def tables(self, part, rows):
        at = {1: 5, 2: 13, 3: 3}[part]
        second = rows[at:]
        if part == 2:
            second = self.resplit(rows, at)
        return (self.table(rows[:at]) +
                '<p style="page-break-before:always">&nbsp;</p>\n' + self.table(second))

    @staticmethod
    def resplit(rows, at):
        """The first part's rowspans end with it (HTML clips them); the
        second repeats the labels that span the cut, as Word does."""
        second = [[('', 1, 3, False)] + [('', 1, 1, False)] * 7]
        second += [list(cells) for cells in rows[at:]]
        spanning = []
        for k in range(at):
            for text, rs, cs, value in rows[k]:
                if not value and rs > 1 and k + rs > at:
                    spanning.append((text, k + rs - at, cs, False))
        second[1] = spanning + second[1]
        return second


class SoupHtml(Html):
    """Tag soup: no quotes, unclosed cells and rows, upper case, one line."""
    head = '<HTML><HEAD><META CHARSET=utf-8><TITLE>{title}</TITLE></HEAD><BODY>'
    tail = '</BODY></HTML>\n'
    table_open = '<TABLE BORDER=1>'

    def para(self, text):
        return '<P>%s' % esc(text)

    def heading(self, text):
        return '<P><B>%s</B>' % esc(text)

    def cell(self, text, rowspan, colspan, value):
        attrs = ''
        if rowspan > 1:
            attrs += ' ROWSPAN=%d' % rowspan
        if colspan > 1:
            attrs += ' COLSPAN=%d' % colspan
        return '<TD%s>%s' % (attrs, esc(text) if text else '&nbsp;')

    def table(self, rows):
        return self.table_open + ''.join('<TR>' + ''.join(self.cell(*c) for c in cells)
                                         for cells in rows) + '</TABLE>'


class HeaderCellsHtml(Html):
    """thead/tbody, <th> for headers, <caption>, labels in <th scope=row>."""

    def table(self, rows):
        out = ['<table class="report">\n<caption>统计表</caption>\n<thead>\n']
        body = False
        for cells in rows:
            has_value = any(c[3] for c in cells)
            if has_value and not body:
                out.append('</thead>\n<tbody>\n')
                body = True
            tag = 'td' if has_value else 'th'
            out.append('<tr>')
            for text, rs, cs, value in cells:
                attrs = (' rowspan="%d"' % rs if rs > 1 else '') + (' colspan="%d"' % cs if cs > 1 else '')
                t = tag if value else ('th scope="row"' if has_value else 'th')
                out.append('<%s%s>%s</%s>' % (t, attrs, esc(text) or '&nbsp;', t.split()[0]))
            out.append('</tr>\n')
        out.append('</tbody>\n</table>\n' if body else '</thead>\n</table>\n')
        return ''.join(out)


class ChromeHtml(CmsHtml):
    """A government site's page: navigation, scripts, styles, share buttons
    and a hidden decoy table around the article."""
    head = ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="UTF-8">\n'
            '<title>{title}</title>\n<style>.nav li{display:inline}</style>\n'
            '<script>var _hmt = _hmt || []; document.write("<table><tr><td>9</td></tr></table>");</script>\n'
            '</head>\n<body>\n<div class="nav"><ul><li><a href="/">首页</a></li>'
            '<li><a href="/zwgk/">政务公开</a></li></ul></div>\n'
            '<div class="info">发布时间：2024-01-20 09:30:00 来源：本网 [打印] [关闭]</div>\n'
            '<div style="display: none"><table><tr><td>行政许可</td><td>999</td></tr></table></div>\n'
            '<!-- <table><tr><td>规章</td><td>888</td></tr></table> -->\n'
            '<div class="article">\n')
    tail = ('</div>\n<div class="share">分享到：<a>微信</a> <a>微博</a></div>\n'
            '<select><option>政府网站</option></select>\n<noscript>请开启脚本</noscript>\n'
            '<script>console.log("end")</script>\n</body>\n</html>\n')


class LayoutTableHtml(Html):
    """An old CMS template: the whole article inside one cell of a page
    layout table, the report's tables nested in it."""
    head = ('<html><head><meta charset="utf-8"><title>{title}</title></head><body>\n'
            '<table width="100%" border="0"><tr><td>\n')
    tail = '</td></tr></table>\n</body></html>\n'


class NestedMarkupHtml(CmsHtml):
    """Cells whose text is broken up: spans per character group, <br> in
    labels, entities for digits, <sup> notes."""

    def cell(self, text, rowspan, colspan, value):
        attrs = (' rowspan="%d"' % rowspan if rowspan > 1 else '') + \
                (' colspan="%d"' % colspan if colspan > 1 else '')
        if not text:
            return '<td%s><p>&nbsp;</p></td>' % attrs
        if value:
            body = ''.join('&#%d;' % ord(c) if c.isdigit() else esc(c) for c in text)
            return '<td%s><p align="center"><span><b>%s</b></span></p></td>' % (attrs, body)
        half = len(text) // 2
        if len(text) >= 6:
            body = '<span>%s</span><br /><span>%s</span>' % (esc(text[:half]), esc(text[half:]))
        else:
            body = '<span>%s</span>' % esc(text)
        return '<td%s><p>%s</p></td>' % (attrs, body)


# ---------------------------------------------------------------------------
# pdftotext -layout pages


def wide(c):
    o = ord(c)
    return 0x2E80 <= o <= 0x9FFF or 0xFF00 <= o <= 0xFF60 or o in (0x201C, 0x201D) or 0x3000 <= o <= 0x303F


def dwidth(s):
    return sum(2 if wide(c) else 1 for c in s)


def wrap_chars(text, n):
    return [text[i:i + n] for i in range(0, len(text), n)] or ['']


class Layout:
    """pdftotext -layout of an A4 page: a grid of characters. Chinese
    characters take one cell in it; a word too long for its place pushes
    what follows on its line to the right."""
    page_lines = 48
    header = None            # a line at the top of every page after the first
    footer = 'dash'          # page numbers: 'dash' "- 3 -", 'page' "第 3 页 共 N 页", None
    stub_chars = 10          # characters per line in the stub's cells
    values_top = False       # values on the first line of a wrapped label
    blank_rows = False       # a blank line between table rows
    prose_chars = 38
    value_cols = None        # column positions of the values

    def place(self, line, col, text):
        """Put text at col, pushed right past what the line holds."""
        if len(line) >= col:
            line = line.rstrip(' ')
            if line:
                line += ' '
            return line + text
        return line + ' ' * (col - len(line)) + text

    def row_lines(self, stub_texts, values, stub_cols, vcols):
        """The lines of one table row: stub texts wrapped in their columns,
        values on one line."""
        wrapped = [wrap_chars(t, max(2, w)) if t else [] for t, w in zip(stub_texts, stub_cols)]
        height = max([len(w) for w in wrapped] + [1])
        vline = 0 if self.values_top else (height - 1) // 2
        lines = [''] * height
        starts = [0]
        for w in stub_cols[:-1]:
            starts.append(starts[-1] + w + 2)
        for k, frags in enumerate(wrapped):
            for i, frag in enumerate(frags):
                lines[i] = self.place(lines[i], starts[k], frag)
        for col, v in zip(vcols, values):
            if v:
                lines[vline] = self.place(lines[vline], col, v)
        return lines

    def table_lines(self, part, model):
        out = []
        if part == 1:
            groups = T2[model['template']]
            table = model['active_disclosure']
            vcols = [14, 26, 38]
            for caption, cols, body in groups:
                out.append(' ' * 12 + caption)
                head = ' 信息内容'
                for (label, _), col in zip(cols, vcols):
                    head = self.place(head, col - 2, label)
                out.append(head)
                for label, row_id in body:
                    vals = [cell_text(table[row_id][c]) for _, c in cols]
                    out.extend(self.row_lines([label], vals, [7], vcols[:len(vals)]))
                    if self.blank_rows:
                        out.append('')
        elif part == 2:
            table = model['applications']
            out.append(' ' * 40 + '申请人情况')
            out.append(' ' * 44 + '法人或其他组织')
            out.append('（本列数据的勾稽关系为：第一')
            out.append(' 项加第二项之和，等于第三项    自然人   商业   科研   社会公  法律服   其他   总计')
            out.append(' 加第四项之和）                      企业   机构   益组织  务机构')
            vcols = self.value_cols or [33, 40, 47, 54, 61, 68, 75]
            body = T3_ROWS[model['template']]
            for k, (outer, parent, label, row_id) in enumerate(body):
                o = outer if outer and (k == 0 or body[k - 1][0] != outer) else ''
                p = parent if parent and body[k - 1][1] != parent else ''
                if not outer and not parent:
                    texts, widths = [label], [self.stub_chars + 8]
                elif not parent:
                    texts, widths = [o, label], [4, self.stub_chars + 2]
                else:
                    texts, widths = [o, p, label], [4, 3, self.stub_chars]
                vals = [cell_text(table[row_id][c]) for _, c in T3_COLS]
                out.extend(self.row_lines(texts, vals, widths, vcols))
                if self.blank_rows:
                    out.append('')
        else:
            table = model['review_litigation']
            out.append('         行政复议                                行政诉讼')
            out.append('                              未经复议直接起诉              复议后起诉')
            out.append('结果 结果 其他 尚未           结果 结果 其他 尚未      结果 结果 其他 尚未')
            out.append('                   总计                          总计                      总计')
            out.append('维持 纠正 结果 审结           维持 纠正 结果 审结      维持 纠正 结果 审结')
            line = ''
            col = 0
            for _, _, row_id in T4_GROUPS:
                for _, col_id in T4_COLS:
                    v = cell_text(table[row_id][col_id])
                    if v:
                        line = self.place(line, col, v)
                    col += 5
                col += 4
            out.append(line)
        return out

    def body_lines(self, model):
        out = []
        if model['title']:
            # A long title wraps after the organ, centred.
            title = model['title']
            organ = model['organ']
            if len(title) > 20 and title.startswith(organ):
                out.append(' ' * (30 - len(organ)) + organ)
                out.append(' ' * (30 - (len(title) - len(organ))) + title[len(organ):])
            else:
                out.append(' ' * 8 + title)
            out.append('')
        for line in intro_lines(model):
            out.extend(self.prose(line))
        for part, heading in enumerate(HEADINGS):
            if part in (1, 2, 3) and model[('active_disclosure', 'applications',
                                             'review_litigation')[part - 1]] is not None:
                out.append(heading)
                out.extend(self.table_lines(part, model))
                out.append('')
            elif part in PROSE:
                out.append(heading)
                for p in PROSE[part]:
                    out.extend(self.prose(p))
        for line in closing_lines(model):
            out.append(' ' * (60 - dwidth(line) // 2 * 2) + line)
        return out

    def prose(self, text):
        """A paragraph wrapped at the page's width, "2024 年" as pdftotext
        spaces digits apart from Chinese characters."""
        spaced = ''
        for i, c in enumerate(text):
            if i and ((c.isdigit() and wide(text[i - 1])) or (wide(c) and text[i - 1].isdigit())):
                spaced += ' '
            spaced += c
        lines, line = [], ''
        for c in spaced:
            if dwidth(line + c) > self.prose_chars * 2:
                lines.append(line)
                line = ''
            line += c
        lines.append(line)
        return [l.rstrip() for l in lines] + ['']

    def document(self, model):
        body = self.body_lines(model)
        pages, page = [], []
        for line in body:
            page.append(line)
            if len(page) >= self.page_lines:
                pages.append(page)
                page = []
        if page:
            pages.append(page)
        out = []
        for n, page in enumerate(pages, 1):
            lines = []
            if self.header and n > 1:
                lines += [' ' * 20 + self.header, '']
            lines += page
            if self.footer == 'dash':
                lines += ['', ' ' * 36 + '- %d -' % n]
            elif self.footer == 'page':
                lines += ['', ' ' * 30 + '第 %d 页 共 %d 页' % (n, len(pages))]
            text = '\n'.join(lines) + '\n'
            out.append(('\f' if n > 1 else '') + text)
        return ''.join(out) + '\f'


# ---------------------------------------------------------------------------
# The cases

def html_cases():
    cases = []

    def case(name, seed, shape, what, change=None, encoding='utf-8', post=None):
        cases.append((name, seed, shape, what, change, encoding, post))

    def figs(n):
        return lambda m, rng: figures(m, rng)

    case('official-2021', '001', Html(), 'official layout with rowspan/colspan, seed 001 with figures', figs(1))
    case('official-2019', '002', Html(), 'official layout of the 2019 template with figures, negative 本年增/减', figs(2))
    case('cms-editor', '000', CmsHtml(), 'CMS editor: <p><span style> in every cell, &nbsp; for empty cells (总计 blank)')
    case('cms-editor-2019', '004', CmsHtml(), 'CMS editor markup, template 2019, figures', figs(3))
    case('word-paste', '003', WordHtml(), 'Word "save as web page": mso- styles, <o:p>, conditional comments, <![if !supportLists]>, labels broken by <br>', figs(4))
    case('word-paste-2019', '002', WordHtml(), 'Word HTML of a 2019 report', figs(5))
    case('split-tables', '001', SplitHtml(), 'tables split at page breaks: 二 between items, 三 mid-table with an empty first row and the merged labels repeated, 四 after its header', figs(6))
    case('split-tables-2019', '004', SplitHtml(), 'split tables, template 2019', figs(7))
    case('tag-soup', '003', SoupHtml(), 'unquoted attributes, unclosed <td>/<tr>/<p>, upper-case tags, all on one line', figs(8))
    case('header-cells', '000', HeaderCellsHtml(), '<thead>/<tbody>, <th> headers, <th scope=row> labels, <caption>', figs(9))
    case('page-chrome', '004', ChromeHtml(), 'site navigation, scripts writing tables, a display:none decoy table, a table in a comment, share links, <select>', figs(10))
    case('layout-table', '001', LayoutTableHtml(), 'the whole article in one cell of a page layout table, report tables nested inside', figs(11))
    case('nested-markup', '002', NestedMarkupHtml(), 'labels split over <span>s and <br />, digits as numeric entities (&#48;)', figs(12))
    case('gbk-declared', '000', CmsHtml(), 'bytes in GBK with <meta charset="gbk">', figs(13), encoding='gbk')
    case('gb2312-http-equiv', '004', WordHtml(), 'Word HTML in GB2312 bytes declared by http-equiv content charset=gb2312', figs(14), encoding='gb2312')
    case('stale-charset', '003', Html(), 'UTF-8 bytes under a stale <meta charset="gb2312"> (the bytes win)', figs(15), post='stale')
    case('utf16-bom', '001', CmsHtml(), 'UTF-16LE with a BOM', figs(16), encoding='utf-16')

    def blanks(m, rng):
        figures(m, rng)
        blank_some(m, rng, 'applications', 12)
        blank_some(m, rng, 'active_disclosure', 1)
    case('blanks-mid-row', '001', CmsHtml(), 'empty cells (&nbsp;) in the middle of rows of 二 and 三 stay in their columns (null)', blanks)

    def dashes(m, rng):
        figures(m, rng)
        for row in ('granted', 'denied_state_secret', 'unprocessed_duplicate'):
            for col in ('research', 'legal_services'):
                m['applications'][row][col] = None
    case('dash-cells', '003', Html(), 'cells holding —, / and 无 are null', dashes, post='dashes')

    def rowspan_values(m, rng):
        figures(m, rng)
        # The 总计 cells of two pairs of rows merged vertically, empty.
        for row in ('denied_process_info', 'denied_enforcement_files',
                    'unprocessed_petition', 'unprocessed_duplicate'):
            m['applications'][row]['total'] = None
    case('rowspan-heavy', '001', Html(), 'rowspans everywhere: the stub, the header, and empty 总计 cells merged over two rows each (both null), the values after them keep their columns', rowspan_values, post='rowspan-values')

    def spaced_money(m, rng):
        figures(m, rng)
        m['active_disclosure']['fees']['amount'] = Decimal('3.26815')
    case('money-precision', '003', CmsHtml(), 'fees 3.26815 万元 kept exactly (five places)', spaced_money)
    case('minified-2021', '000', SoupHtml(), 'tag soup of a 2021 report with blank 总计 cells')
    return cases


def layout_cases():
    cases = []

    def case(name, seed, shape, what, change=None, encoding='utf-8', crlf=False):
        cases.append((name, seed, shape, what, change, encoding, crlf))

    def figs(m, rng):
        figures(m, rng)

    class Headers(Layout):
        header = '锦屏县人民政府门户网站  政务公开'

    class PageOf(Layout):
        header = '政府信息公开工作年度报告'
        footer = 'page'
        page_lines = 30

    class Narrow(Layout):
        stub_chars = 6

    class Top(Layout):
        values_top = True
        stub_chars = 7

    class Spaced(Layout):
        blank_rows = True
        footer = None

    class ShortPages(Layout):
        page_lines = 22
        header = '临江街道办事处'

    case('wrapped-labels', '001', Layout(), 'labels wrapped in a narrow stub around their row\'s values, page numbers "- N -"', figs)
    case('page-headers', '000', Headers(), 'a page header on every page after the first and page numbers, 总计 blank', None)
    case('page-of-pages', '002', PageOf(), '"第 N 页 共 M 页" footers and a running title, template 2019', figs)
    case('narrow-stub', '003', Narrow(), 'a stub six characters wide: labels on three or more lines', figs)
    case('values-on-first-line', '004', Top(), 'values on the first line of each wrapped label (top-aligned cells)', figs)
    case('blank-lines-between-rows', '001', Spaced(), 'a blank line after every row, no page numbers', figs)

    def blanks(m, rng):
        figures(m, rng)
        blank_some(m, rng, 'applications', 10)
    case('blank-cells', '003', Layout(), 'empty cells in the middle of rows of 三: the numbers keep their columns', blanks)
    case('short-pages', '004', ShortPages(), 'pages of 22 lines: tables broken by headers and page numbers', figs)
    case('gb18030-crlf', '002', Layout(), 'GB18030 bytes with CRLF line ends', figs, encoding='gb18030', crlf=True)

    def money(m, rng):
        figures(m, rng)
        m['active_disclosure']['fees']['amount'] = Decimal('0.0350')
    case('money-scale', '001', Narrow(), 'fees 0.0350 万元 (trailing zero kept), narrow stub', money)
    return cases


def post_process(html, post, rng):
    if post == 'stale':
        return html.replace('<meta charset="utf-8">', '<meta charset="gb2312">')
    if post == 'dashes':
        marks = ['—', '/', '无']
        out, k = [], 0
        for piece in html.split('<td>&nbsp;</td>'):
            out.append(piece)
            out.append('<td>%s</td>' % marks[k % 3])
            k += 1
        return ''.join(out[:-1])
    if post == 'rowspan-values':
        # Merge the (blank) 总计 cells of the pairs of rows set to null.
        lines = html.split('\n')
        out = []
        pending = None
        for line in lines:
            if ('6.属于四类过程性信息' in line or '1.信访举报投诉类申请' in line) and line.endswith('<td>&nbsp;</td></tr>'):
                line = line[:-len('<td>&nbsp;</td></tr>')] + '<td rowspan="2">&nbsp;</td></tr>'
                pending = True
            elif pending and line.endswith('<td>&nbsp;</td></tr>'):
                line = line[:-len('<td>&nbsp;</td></tr>')] + '</tr>'
                pending = None
            out.append(line)
        return '\n'.join(out)
    return html


def write_case(kind, name, data, expected, what, check, written):
    folder = os.path.join(DATA, kind, name)
    files = {'input.' + ('html' if kind == 'html' else 'txt'): data,
             'expected.json': (dump_json(expected) + '\n').encode('utf-8')}
    for fname, content in files.items():
        path = os.path.join(folder, fname)
        if check:
            try:
                with open(path, 'rb') as f:
                    if f.read() != content:
                        print('differs: ' + path)
                        written.append(False)
            except OSError:
                print('missing: ' + path)
                written.append(False)
            continue
        os.makedirs(folder, exist_ok=True)
        with open(path, 'wb') as f:
            f.write(content)


def main():
    check = '--check' in sys.argv
    results = []
    readme = ['# HTML and pdftotext-layout cases', '',
              'Generated by `generate.py` beside this file (do not edit the cases by hand;',
              'change the script and run `python3 tests/data/formats/generate.py`). Each case',
              'is a folder under `tests/data/html/` (input.html) or `tests/data/layout/`',
              '(input.txt) with `expected.json`: the canonical JSON of SPEC §3 without',
              '`"text"`, derived from the seed\'s `.expected.json` with the same changes as',
              'the document, never produced by the library. `tests/test-formats.c` parses',
              'each input (shape detected, and with its GOVREPORT_FORMAT_* flag) and',
              'compares every key.', '',
              'The `layout/libreoffice-*` cases are the seeds rendered to HTML by',
              '`govreport render`, converted to PDF by LibreOffice and to text by',
              '`pdftotext -layout`: `tests/fixtures/make-layout.sh` makes them.', '',
              '| case | seed | what it exercises |', '|---|---|---|']
    for n, (name, seed, shape, what, change, encoding, post) in enumerate(html_cases()):
        rng = random.Random(1000 + n)
        model = copy.deepcopy(load_seed(seed))
        if change:
            change(model, rng)
        html = post_process(shape.document(model), post, rng)
        if encoding in ('gbk', 'gb2312'):
            html = html.replace('charset="utf-8"', 'charset="%s"' % encoding).replace(
                'charset=utf-8', 'charset=%s' % encoding)
            data = html.encode('gbk')
        elif encoding == 'utf-16':
            data = html.encode('utf-16')  # with a BOM
        else:
            data = html.encode('utf-8')
        write_case('html', name, data, model, what, check, results)
        readme.append('| `html/%s` | %s | %s |' % (name, seed, what.replace('|', '/')))
    for n, (name, seed, shape, what, change, encoding, crlf) in enumerate(layout_cases()):
        rng = random.Random(2000 + n)
        model = copy.deepcopy(load_seed(seed))
        if change:
            change(model, rng)
        text = shape.document(model)
        if crlf:
            text = text.replace('\n', '\r\n')
        write_case('layout', name, text.encode(encoding), model, what, check, results)
        readme.append('| `layout/%s` | %s | %s |' % (name, seed, what.replace('|', '/')))
    for key in sorted(SEED_NAMES):
        readme.append('| `layout/libreoffice-%s` | %s | the seed through `govreport render`, LibreOffice '
                      '(a page header, page numbers) and `pdftotext -layout`: the seed\'s own JSON, '
                      'prose included (made by tests/fixtures/make-layout.sh) |' % (key, key))
    readme_text = '\n'.join(readme) + '\n'
    path = os.path.join(HERE, 'README.md')
    if check:
        with open(path, encoding='utf-8') as f:
            if f.read() != readme_text:
                print('differs: ' + path)
                results.append(False)
        if results:
            sys.exit(1)
        print('all cases up to date')
    else:
        with open(path, 'w', encoding='utf-8') as f:
            f.write(readme_text)


if __name__ == '__main__':
    main()
