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

Every value cell names itself: its data-section, data-row and data-column
are the section, row and column ids of the .expected.json value it holds,
in the template's order.

The styled page (`render --to html --page`) is checked from pixels: a
screenshot (PNG, decoded here with zlib: the standard library has no PNG
reader) must show a dark line along every edge of every cell of the
three tables, and none inside a merged cell where the cells beside it
have one (三、本年度办理结果 down 22 rows, 法人或其他组织 over five
columns, 行政诉讼 over ten); printed, the page is A4. The same checks
must fail on the unstyled page, which proves they can. The cells' boxes
come from the browser itself: a copy of the page with a script that
writes them into an attribute, read with --dump-dom.

Then an annotated page of a report with planted errors (text in a cell,
an empty cell, two numbers in one cell, a unit) must show each error on
its own cell: the cell at that row and column carries the class of the
error's severity and the message as its title, and no other cell is
marked but those a diagnostic names.

Exit status 77 (skipped) when Chromium is not installed; .ci/run installs
it (Debian: chromium). Chromium runs with a fresh profile, no sandbox (CI
runs as root), no GPU, no network services.
"""

import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from html.parser import HTMLParser

SKIP = 77


def find_chromium():
    for name in ('chromium', 'chromium-browser', 'google-chrome', 'chrome'):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(chromium, profile, args):
    cmd = [chromium, '--headless', '--no-sandbox', '--disable-gpu',
           '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-extensions',
           '--hide-scrollbars', '--force-device-scale-factor=1',
           '--user-data-dir=' + profile] + args
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         timeout=120, check=True)
    return out.stdout


def dump_dom(chromium, path, profile, size=None):
    args = ['--window-size=%d,%d' % size] if size else []
    return run_chromium(chromium, profile,
                        args + ['--dump-dom', 'file://' + path]).decode('utf-8')


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


def check_ids(f, name, section, slots, expected):
    """Every value cell names its section, row and column; in the order of
    the form they are the expected JSON's row and column keys, and the
    cell holds that value."""
    named, seen = [], set()
    for row in slots:
        for c in sorted(row):
            cell = row[c]
            if cell['attrs'].get('data-row') is not None and id(cell) not in seen:
                seen.add(id(cell))
                named.append(cell)
    want = [(r, c) for r, cols in expected[section].items() for c in cols]
    got = [(cell['attrs'].get('data-row'), cell['attrs'].get('data-column')) for cell in named]
    f.check(got == want, '%s %s: the value cells are named %s, not %s' % (name, section, got, want))
    for cell in named:
        f.check(cell['attrs'].get('data-section') == section,
                '%s %s: a cell says data-section=%r' % (name, section,
                                                         cell['attrs'].get('data-section')))
        r, c = cell['attrs'].get('data-row'), cell['attrs'].get('data-column')
        v = expected[section].get(r, {}).get(c)
        f.check(cell['text'].strip() == ('' if v is None else str(v)),
                '%s: %s.%s.%s shows %r, not %r' % (name, section, r, c, cell['text'], v))
    # The cells of a form that hold no value are not named.
    for row in slots:
        for cell in row.values():
            if cell['attrs'].get('data-row') is None:
                f.check('data-column' not in cell['attrs'] and 'data-section' not in cell['attrs'],
                        '%s %s: the label %r is named' % (name, section, cell['text']))


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
        check_ids(f, name, section, slots, expected)
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


# ---- the styled page, from pixels -------------------------------------------

def read_png(path):
    """(width, height, bytes per pixel, rows of bytes) of an 8-bit RGB or
    RGBA PNG without interlacing, which is what Chromium writes."""
    with open(path, 'rb') as fh:
        data = fh.read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('%s: not a PNG' % path)
    pos, idat, header = 8, [], None
    while pos + 8 <= len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b'IHDR':
            header = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat.append(body)
        elif kind == b'IEND':
            break
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace:
        raise ValueError('%s: depth %d, colour type %d, interlace %d not read'
                         % (path, depth, color, interlace))
    bpp = 3 if color == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(b''.join(idat))
    # Up, the commonest filter, as one addition of big integers byte by
    # byte without carries (sum of the low 7 bits, top bits by xor).
    low = int.from_bytes(b'\x7f' * stride, 'big')
    high = int.from_bytes(b'\x80' * stride, 'big')
    rows, prev = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:  # Sub
            for x in range(bpp, stride):
                line[x] = (line[x] + line[x - bpp]) & 0xff
        elif kind == 2:  # Up
            a, b = int.from_bytes(line, 'big'), int.from_bytes(prev, 'big')
            line = bytearray((((a & low) + (b & low)) ^ ((a ^ b) & high)).to_bytes(stride, 'big'))
        elif kind == 3:  # Average
            for x in range(stride):
                left = line[x - bpp] if x >= bpp else 0
                line[x] = (line[x] + ((left + prev[x]) >> 1)) & 0xff
        elif kind == 4:  # Paeth
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b, c = prev[x], (prev[x - bpp] if x >= bpp else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xff
        elif kind != 0:
            raise ValueError('%s: row %d has filter %d' % (path, y, kind))
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def write_png(path, width, rows, filters):
    """An RGB PNG with each row filtered by the given filter type: what
    the decoder is proved on."""
    def paeth(a, b, c):
        p = a + b - c
        pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
        return a if pa <= pb and pa <= pc else b if pb <= pc else c

    raw, prev = bytearray(), bytes(width * 3)
    for line, kind in zip(rows, filters):
        out = bytearray([kind])
        for x, v in enumerate(line):
            a = line[x - 3] if x >= 3 else 0
            b, c = prev[x], (prev[x - 3] if x >= 3 else 0)
            pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][kind]
            out.append((v - pred) & 0xff)
        raw += out
        prev = line

    def chunk(kind, body):
        return (struct.pack('>I', len(body)) + kind + body +
                struct.pack('>I', zlib.crc32(kind + body) & 0xffffffff))
    with open(path, 'wb') as fh:
        fh.write(b'\x89PNG\r\n\x1a\n' +
                 chunk(b'IHDR', struct.pack('>IIBBBBB', width, len(rows), 8, 2, 0, 0, 0)) +
                 chunk(b'IDAT', zlib.compress(bytes(raw))) + chunk(b'IEND', b''))


def check_png_reader(f, work):
    """The decoder gives back a picture written with each of the five
    filters (Chromium's own screenshots use three of them)."""
    width = 7
    rows = [bytes((x * 37 + y * 91 + (x * y) % 11) & 0xff for x in range(width * 3))
            for y in range(10)]
    filters = [0, 1, 2, 3, 4, 4, 3, 2, 1, 0]
    path = os.path.join(work, 'filters.png')
    write_png(path, width, rows, filters)
    w, h, bpp, got = read_png(path)
    f.check((w, h, bpp) == (width, 10, 3) and [bytes(r) for r in got] == rows,
            'the PNG reader does not give back what was written')


class Picture:
    def __init__(self, path):
        self.width, self.height, self.bpp, self.rows = read_png(path)

    # Dark: a border line (black, drawn crisp on whole pixels). Visible:
    # anything clearly not white, a grey or a blurred line too.
    DARK, VISIBLE = 128, 224

    def below(self, x, y, limit):
        if not (0 <= x < self.width and 0 <= y < self.height):
            return False
        px = self.rows[y][x * self.bpp:x * self.bpp + 3]
        return px[0] + px[1] + px[2] < 3 * limit

    # A line: below the limit along the whole stretch (a glyph's stroke
    # never is: the cells' padding keeps text off their edges).
    def hline(self, y, x0, x1, limit=DARK):
        return x1 > x0 and all(self.below(x, y, limit) for x in range(x0, x1 + 1))

    def vline(self, x, y0, y1, limit=DARK):
        return y1 > y0 and all(self.below(x, y, limit) for y in range(y0, y1 + 1))


# Run in a copy of the page: the box of every cell of every form, and the
# page's height, into an attribute of <html> (which --dump-dom shows).
GEOMETRY_SCRIPT = """<script>
(function () {
  var cells = [];
  document.querySelectorAll('table.govreport').forEach(function (t) {
    t.querySelectorAll('th, td').forEach(function (c) {
      var r = c.getBoundingClientRect();
      cells.push({table: t.className, text: c.textContent.trim(),
                  rowspan: c.rowSpan, colspan: c.colSpan,
                  box: [r.left + scrollX, r.top + scrollY, r.right + scrollX, r.bottom + scrollY]});
    });
  });
  document.documentElement.setAttribute('data-geometry', JSON.stringify(
    {height: document.documentElement.scrollHeight, cells: cells}));
})();
</script>
"""

WINDOW_WIDTH = 1000


def screenshot(chromium, profile, page, work, name):
    """The page's cells (their boxes, in pixels of the screenshot) and a
    screenshot of the whole page."""
    path = os.path.join(work, name + '.html')
    with open(path, 'wb') as fh:
        fh.write(page.replace(b'</body>', GEOMETRY_SCRIPT.encode() + b'</body>'))
    dom = dump_dom(chromium, path, profile, (WINDOW_WIDTH, 800))
    found = re.search(r'<html[^>]*\sdata-geometry="([^"]*)"', dom)
    if not found:
        raise AssertionError('%s: the geometry script did not run' % name)
    geometry = json.loads(html.unescape(found.group(1)))
    png = os.path.join(work, name + '.png')
    # The layout does not depend on the window's height: a window as
    # tall as the page shows all of it, laid out as measured.
    run_chromium(chromium, profile, ['--window-size=%d,%d' % (WINDOW_WIDTH, geometry['height']),
                                     '--screenshot=' + png, 'file://' + path])
    for cell in geometry['cells']:
        cell['box'] = [int(round(v)) for v in cell['box']]
    return geometry['cells'], Picture(png)


def check_borders(f, name, cells, picture):
    """A dark line along each edge of every cell, within two pixels of the
    edge the browser gives; inside a merged cell, no visible line where
    the cells beside it have one."""
    for cell in cells:
        left, top, right, bottom = cell['box']
        what = '%s: %s cell %r' % (name, cell['table'].split('-')[-1], cell['text'][:12])
        for edge, ok in (('top', any(picture.hline(y, left + 2, right - 2)
                                     for y in range(top - 2, top + 3))),
                         ('bottom', any(picture.hline(y, left + 2, right - 2)
                                        for y in range(bottom - 2, bottom + 3))),
                         ('left', any(picture.vline(x, top + 2, bottom - 2)
                                      for x in range(left - 2, left + 3))),
                         ('right', any(picture.vline(x, top + 2, bottom - 2)
                                       for x in range(right - 2, right + 3)))):
            f.check(ok, '%s: no line along its %s edge' % (what, edge))
        if cell['rowspan'] > 1:
            # The rows it spans: the tops of the cells of its table that
            # start inside it, each drawn across those cells.
            inner = sorted({c['box'][1] for c in cells if c['table'] == cell['table'] and
                            top + 3 <= c['box'][1] <= bottom - 3})
            f.check(len(inner) >= cell['rowspan'] - 1,
                    '%s: spans %d rows, but %d start inside it'
                    % (what, cell['rowspan'], len(inner)))
            lines = [y for y in range(top + 3, bottom - 2)
                     if picture.hline(y, left + 2, right - 2, Picture.VISIBLE)]
            f.check(not lines, '%s: a line across it at y=%s' % (what, lines[:3]))
        if cell['colspan'] > 1:
            inner = sorted({c['box'][0] for c in cells if c['table'] == cell['table'] and
                            left + 3 <= c['box'][0] <= right - 3})
            f.check(len(inner) >= cell['colspan'] - 1,
                    '%s: spans %d columns, but %d start inside it'
                    % (what, cell['colspan'], len(inner)))
            lines = [x for x in range(left + 3, right - 2)
                     if picture.vline(x, top + 2, bottom - 2, Picture.VISIBLE)]
            f.check(not lines, '%s: a line down it at x=%s' % (what, lines[:3]))


def page_size(chromium, profile, page, work, name):
    """The printed page's size in points, from the PDF's MediaBox."""
    path = os.path.join(work, name + '.html')
    with open(path, 'wb') as fh:
        fh.write(page)
    pdf = os.path.join(work, name + '.pdf')
    run_chromium(chromium, profile, ['--no-pdf-header-footer', '--print-to-pdf=' + pdf,
                                     'file://' + path])
    with open(pdf, 'rb') as fh:
        box = re.search(rb'/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]', fh.read())
    return (round(float(box.group(1))), round(float(box.group(2)))) if box else None


def styled(f, govreport, seeds, work, chromium, profile):
    """The --page rendering of a seed of each template, from pixels; and
    the same checks failing on the unstyled page."""
    check_png_reader(f, work)
    merged = {'三、本年度办理结果': 0, '法人或其他组织': 0, '行政诉讼': 0}
    for name in ('001_ebc51afa85553e39', '002_c3fcc36b9cf6fff1'):
        source = os.path.join(seeds, name + '.txt')
        page = subprocess.run([govreport, 'render', '--to', 'html', '--page', source],
                              stdout=subprocess.PIPE, check=True).stdout
        cells, picture = screenshot(chromium, profile, page, work, name + '-page')
        f.check(len(cells) > 100, '%s: only %d cells measured' % (name, len(cells)))
        for cell in cells:
            if cell['text'] in merged and (cell['rowspan'] > 1 or cell['colspan'] > 1):
                merged[cell['text']] += 1
        check_borders(f, name + ' --page', cells, picture)
        size = page_size(chromium, profile, page, work, name + '-page')
        f.check(size == (595, 842), '%s --page prints on %s points, not A4' % (name, size))

        plain = subprocess.run([govreport, 'render', '--to', 'html', source],
                               stdout=subprocess.PIPE, check=True).stdout
        cells, picture = screenshot(chromium, profile, plain, work, name + '-plain')
        unstyled = Failures()
        check_borders(unstyled, name, cells, picture)
        f.check(len(unstyled.list) >= len(cells),
                '%s: the border checks pass on the unstyled page (%d failures for %d '
                'cells): they could not fail' % (name, len(unstyled.list), len(cells)))
    for label, count in merged.items():
        f.check(count == 2, 'the merged cell %s was checked on %d pages, not 2' % (label, count))


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
        styled(f, govreport, seeds, work, chromium, profile)
        planted(f, govreport, seeds, work, chromium, profile)
    for line in f.list:
        print('FAIL: ' + line)
    print('check-chromium: %d seeds, two styled pages and an annotated page, %d failures'
          % (len(names), len(f.list)))
    return 1 if f.list else 0


if __name__ == '__main__':
    sys.exit(main())
