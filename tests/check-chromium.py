#!/usr/bin/env python3
"""The rendered HTML as a browser sees it.

    check-chromium.py GOVREPORT SEEDS_DIR

Renders every seed with `govreport render --to html`, loads the page in
headless Chromium (--dump-dom: the DOM after the browser's own parsing,
<tbody> inserted and all) and checks the official structure of each table
on the grid the browser's rowspan/colspan make: its width, every row
filling it exactly, the merged cells of the forms (三、本年度办理结果 down
the outcomes, （三）不予公开 over its eight rows, 法人或其他组织 over five
columns, 行政诉讼 over ten), and the seed's figures in the cells where the
form puts them (its .expected.json says which).

Then an annotated page of a report with planted errors (text in a cell,
an empty cell, two numbers in one cell, a unit) must show each error on
its own cell: the cell at that row and column carries the class of the
error's severity and the message as its title, and no other cell is
marked but those a diagnostic names.

Exit status 77 (skipped) when Chromium is not installed; .ci/run installs
it (Debian: chromium). Chromium runs with a fresh profile, no sandbox (CI
runs as root), no GPU, no network services.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

SKIP = 77


def find_chromium():
    for name in ('chromium', 'chromium-browser', 'google-chrome', 'chrome'):
        path = shutil.which(name)
        if path:
            return path
    return None


def dump_dom(chromium, path, profile):
    cmd = [chromium, '--headless', '--no-sandbox', '--disable-gpu',
           '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-extensions',
           '--user-data-dir=' + profile, '--dump-dom', 'file://' + path]
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         timeout=120, check=True)
    return out.stdout.decode('utf-8')


class Tables(HTMLParser):
    """Each <table>: its class and rows of cells (text, rowspan, colspan,
    attributes)."""

    def __init__(self):
        super().__init__()
        self.tables = []
        self.cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'table':
            self.tables.append({'class': a.get('class', ''), 'rows': []})
        elif tag == 'tr' and self.tables:
            self.tables[-1]['rows'].append([])
        elif tag in ('td', 'th') and self.tables:
            self.cell = {'text': '', 'rowspan': int(a.get('rowspan', 1)),
                         'colspan': int(a.get('colspan', 1)), 'attrs': a, 'sup': False}
            self.tables[-1]['rows'][-1].append(self.cell)
        elif tag == 'sup' and self.cell is not None:
            self.cell['sup'] = True

    def handle_endtag(self, tag):
        if tag in ('td', 'th'):
            self.cell = None
        elif tag == 'sup' and self.cell is not None:
            self.cell['sup'] = False

    def handle_data(self, data):
        if self.cell is not None and not self.cell['sup']:
            self.cell['text'] += data


def grid(table):
    """The HTML table model: rows of slots, each the cell covering it."""
    slots = []
    for r, cells in enumerate(table['rows']):
        while len(slots) <= r:
            slots.append({})
        col = 0
        for cell in cells:
            while col in slots[r]:
                col += 1
            cell['row'], cell['col'] = r, col
            for dr in range(cell['rowspan']):
                while len(slots) <= r + dr:
                    slots.append({})
                for dc in range(cell['colspan']):
                    if (col + dc) in slots[r + dr]:
                        raise AssertionError('cells overlap at row %d column %d'
                                             % (r + dr, col + dc))
                    slots[r + dr][col + dc] = cell
            col += cell['colspan']
    return slots


class Failures:
    def __init__(self):
        self.list = []

    def check(self, ok, what):
        if not ok:
            self.list.append(what)


def row_with(slots, label, col=None):
    for r, row in enumerate(slots):
        for c, cell in sorted(row.items()):
            if cell['text'].strip() == label and (col is None or c == col):
                return r
    return None


T3_COLUMNS = ['natural_person', 'commercial', 'research', 'social_welfare',
              'legal_services', 'other_org', 'total']


def check_seed(f, name, dom, expected):
    parser = Tables()
    parser.feed(dom)
    tables = {t['class']: t for t in parser.tables}
    template = expected['template']
    for section in ('active_disclosure', 'applications', 'review_litigation'):
        key = 'govreport govreport-' + section
        present = key in tables
        f.check(present == (expected[section] is not None),
                '%s: table %s present: %s' % (name, section, present))
        if not present:
            continue
        try:
            slots = grid(tables[key])
        except AssertionError as e:
            f.check(False, '%s %s: %s' % (name, section, e))
            continue
        width = {'active_disclosure': 4, 'applications': 10, 'review_litigation': 15}[section]
        for r, row in enumerate(slots):
            f.check(sorted(row) == list(range(width)),
                    '%s %s: row %d covers columns %s, not 0..%d'
                    % (name, section, r, sorted(row), width - 1))
        if section == 'applications':
            rows = 28 if template == '2021' else 26
            f.check(len(slots) == rows, '%s: table 三 has %d rows, not %d' % (name, len(slots), rows))
            corner = slots[0][0]
            f.check(corner['rowspan'] == 3 and corner['colspan'] == 3,
                    '%s: the corner spans %dx%d' % (name, corner['rowspan'], corner['colspan']))
            band = slots[1][4]
            f.check(band['text'] == '法人或其他组织' and
                    [slots[1][c] is band for c in range(4, 9)] == [True] * 5,
                    '%s: 法人或其他组织 does not span 商业企业…其他' % name)
            outer = row_with(slots, '三、本年度办理结果', 0)
            f.check(outer == 5, '%s: 三、本年度办理结果 starts on row %s' % (name, outer))
            last = rows - 2  # （七）总计
            f.check(all(slots[r][0]['text'] == '三、本年度办理结果' for r in range(5, last + 1)),
                    '%s: 三、本年度办理结果 does not run down to （七）总计' % name)
            denied = row_with(slots, '（三）不予公开', 1)
            f.check(denied is not None and
                    all(slots[r][1]['text'] == '（三）不予公开' for r in range(denied, denied + 8)) and
                    slots[denied + 8][1]['text'] != '（三）不予公开',
                    '%s: （三）不予公开 does not cover exactly eight rows' % name)
            for label, row_id in (('一、本年新收政府信息公开申请数量', 'new_received'),
                                  ('四、结转下年度继续办理', 'carried_forward'),
                                  ('1.属于国家秘密', 'denied_state_secret')):
                r = row_with(slots, label)
                values = [slots[r][c]['text'].strip() for c in range(3, 10)]
                want = ['' if expected[section][row_id][c] is None
                        else str(expected[section][row_id][c]) for c in T3_COLUMNS]
                f.check(values == want, '%s: row %s holds %s, not %s' % (name, label, values, want))
        elif section == 'review_litigation':
            f.check(len(slots) == 4, '%s: table 四 has %d rows' % (name, len(slots)))
            f.check(slots[0][5]['text'] == '行政诉讼' and slots[0][5]['colspan'] == 10,
                    '%s: 行政诉讼 does not span ten columns' % name)
            f.check(slots[1][0]['text'] == '结果维持' and slots[1][0]['rowspan'] == 2,
                    '%s: 结果维持 of 行政复议 does not span two rows' % name)
            values = [slots[3][c]['text'].strip() for c in range(15)]
            want = []
            for group in ('review', 'litigation_direct', 'litigation_after_review'):
                for col in ('upheld', 'corrected', 'other', 'pending', 'total'):
                    v = expected[section][group][col]
                    want.append('' if v is None else str(v))
            f.check(values == want, '%s: table 四 holds %s, not %s' % (name, values, want))
        else:
            caption = slots[0][0]
            f.check(caption['text'] == '第二十条第（一）项' and caption['colspan'] == 4,
                    '%s: table 二 does not open with its full-width caption' % name)


def planted(f, govreport, seeds, work, chromium, profile):
    """Seed 001 with errors planted in table 三, annotated."""
    with open(os.path.join(seeds, '001_ebc51afa85553e39.txt'), encoding='utf-8') as fh:
        text = fh.read()

    def plant(text, label, nth, value):
        at = text.index(label)
        pos = at
        for _ in range(nth + 1):
            pos = text.index('\n0 |', pos + 1)
        return text[:pos + 1] + value + text[pos + 2:]

    # Cells counted from 0 in the row's values (自然人 is 0).
    # (the seed's label, the form's label, value column, text, class)
    plants = [('二、上年结转政府信息公开申请数量', '二、上年结转政府信息公开申请数量', 1,
               '待核实', 'gr-error'),
              ('(一)予以公开', '（一）予以公开', 2, '', 'gr-warning'),
              ('2.重复申请', '2.重复申请', 0, '3 4', 'gr-warning'),
              ('1.属于国家秘密', '1.属于国家秘密', 3, '1件', 'gr-info')]
    for label, _, nth, value, _ in plants:
        text = plant(text, label, nth, value)
    source = os.path.join(work, 'planted.txt')
    with open(source, 'w', encoding='utf-8') as fh:
        fh.write(text)
    page = subprocess.run([govreport, 'render', '--to', 'html', '--annotate', source],
                          stdout=subprocess.PIPE, check=True).stdout
    path = os.path.join(work, 'planted.html')
    with open(path, 'wb') as fh:
        fh.write(page)
    parser = Tables()
    parser.feed(dump_dom(chromium, path, profile))
    table = [t for t in parser.tables if 'govreport-applications' in t['class']][0]
    slots = grid(table)
    marked = set()
    for _, label, nth, value, klass in plants:
        r = row_with(slots, label)
        f.check(r is not None, 'planted: no row %s' % label)
        if r is None:
            continue
        cell = slots[r][3 + nth]
        marked.add(id(cell))
        f.check(klass in cell['attrs'].get('class', ''),
                'planted: %s column %d is %r, not %s' % (label, nth,
                                                          cell['attrs'].get('class'), klass))
        f.check(cell['attrs'].get('title', '').startswith('['),
                'planted: %s column %d has no message' % (label, nth))
        f.check(cell['text'].strip() == value,
                'planted: %s column %d shows %r, not %r' % (label, nth, cell['text'], value))
    # Other marked cells are the rule checks' (validation), never these
    # rows' neighbours by mistake: each marked cell has a title.
    for row in slots:
        for cell in row.values():
            if 'gr-' in cell['attrs'].get('class', ''):
                f.check(bool(cell['attrs'].get('title')), 'planted: a marked cell without a title')
    f.check(b'<script' not in page, 'planted: the page has a script')
    f.check(b'<style>' in page, 'planted: the page has no inline style')


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    govreport, seeds = os.path.abspath(sys.argv[1]), sys.argv[2]
    chromium = find_chromium()
    if not chromium:
        print('check-chromium: no chromium; skipped')
        return SKIP
    f = Failures()
    with tempfile.TemporaryDirectory() as work:
        profile = os.path.join(work, 'profile')
        names = sorted(n[:-4] for n in os.listdir(seeds) if n.endswith('.txt'))
        for name in names:
            with open(os.path.join(seeds, name + '.expected.json'), encoding='utf-8') as fh:
                expected = json.load(fh)
            page = subprocess.run([govreport, 'render', '--to', 'html',
                                   os.path.join(seeds, name + '.txt')],
                                  stdout=subprocess.PIPE, check=True).stdout
            path = os.path.join(work, name + '.html')
            with open(path, 'wb') as fh:
                fh.write(page)
            check_seed(f, name, dump_dom(chromium, path, profile), expected)
        planted(f, govreport, seeds, work, chromium, profile)
    for line in f.list:
        print('FAIL: ' + line)
    print('check-chromium: %d seeds and an annotated page, %d failures'
          % (len(names), len(f.list)))
    return 1 if f.list else 0


if __name__ == '__main__':
    sys.exit(main())
