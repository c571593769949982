#!/usr/bin/env python3
"""Generate the data-driven parser corpus from the seed reports.

    python3 tests/data/corpus/generate.py          # (re)write the cases
    python3 tests/data/corpus/generate.py --check  # fail if the checked-in
                                                   # files differ from a fresh run

Every case is a folder tests/data/corpus/<case>/ holding
  input.txt      the document, as bytes (UTF-8 unless the case is about encoding)
  expected.json  what govreport_parse must give: the canonical JSON of SPEC §3
                 without "text", pretty-printed like the seeds' .expected.json
and README.md (beside this script) lists the cases; it is written by this
script too.

How a case is made, and how its expectation is derived:

1. Each seed document (tests/data/seeds/NNN_*.txt) is read into a small
   document model: the lines before part 一 (title, introduction, page
   chrome), the six parts (heading as printed, prose paragraphs, tables),
   and the lines after part 六 (signature, date, chrome).  Tables are read
   from the seed's own layout (cell per line ending " |", tab-indented cell
   per line, Markdown, or web paragraphs) into logical rows: caption/header
   rows (label cells, exactly as printed) and data rows (label cells +
   value cells).  Each value cell is tied to its JSON path by position
   (row order of the template, column order of the row).  The model is
   checked against the seed's .expected.json before anything is written:
   every value read must equal the expected value, every cell the seed
   does not fill must be null there.

2. A case applies transformations to the model (re-emit in another layout,
   substitute figures, rename labels, drop a part, split a table, write
   dashes/units/separators into cells), or to the verbatim seed text
   (re-encode, CRLF, traditional characters, zero-width characters).  The
   expectation is the seed's .expected.json with the *same* transformation
   applied to it: a substituted value is written to its path, a dash or a
   blank makes the path null, a dropped table makes its section null, and
   so on.  The library is never run to produce an expectation.

3. Random choices (the realistic figures) come from random.Random seeded
   with a fixed integer per case, so the output is byte-for-byte
   reproducible.

Dependencies: python3 (stdlib) and, for the traditional-character cases,
`uconv` from ICU (Debian/Ubuntu: apt-get install -y icu-devtools), run as
`uconv -x Hans-Hant` (and `-x Hant-Hans` to check the round trip of title
and organ).
"""

import datetime
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zlib
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS_DIR = os.path.normpath(os.path.join(HERE, '..', 'seeds'))

SEEDS = {
    '000': ('000_60b25c9977688c27', 'pipe'),
    '001': ('001_ebc51afa85553e39', 'pipe'),
    '002': ('002_c3fcc36b9cf6fff1', 'tab'),
    '003': ('003_64f6c83b9150245c', 'markdown'),
    '004': ('004_76d98d904843aa38', 'web'),
}

LAYOUT_NAMES = {
    'pipe': 'cell per line ending " |", empty cells as "|" runs (SPEC §2 item 1)',
    'tab': 'tab-indented cell per line, blank line between rows (SPEC §2 item 2)',
    'markdown': 'Markdown pipe tables (SPEC §2 item 3)',
    'web': 'web-page paragraphs with blank lines and page chrome (SPEC §2 item 4)',
}

# ---------------------------------------------------------------------------
# The templates (ids only; SPEC §1.1-1.3)

T2_ROWS = {
    '2021': [
        ('rules', ['issued', 'repealed', 'in_force']),
        ('normative_documents', ['issued', 'repealed', 'in_force']),
        ('licensing', ['decisions']),
        ('penalty', ['decisions']),
        ('enforcement', ['decisions']),
        ('fees', ['amount']),
    ],
    '2019': [
        ('rules', ['new_made', 'new_published', 'total_published']),
        ('normative_documents', ['new_made', 'new_published', 'total_published']),
        ('licensing', ['previous_items', 'change', 'decisions']),
        ('other_services', ['previous_items', 'change', 'decisions']),
        ('penalty', ['previous_items', 'change', 'decisions']),
        ('enforcement', ['previous_items', 'change', 'decisions']),
        ('fees', ['previous_items', 'change']),
        ('procurement', ['projects', 'amount']),
    ],
}
T3_COLS = ['natural_person', 'commercial', 'research', 'social_welfare',
           'legal_services', 'other_org', 'total']
T3_HEAD = ['new_received', 'carried_over', 'granted', 'partially_granted',
           'denied_state_secret', 'denied_prohibited_by_law',
           'denied_three_securities', 'denied_third_party',
           'denied_internal_affairs', 'denied_process_info',
           'denied_enforcement_files', 'denied_administrative_query',
           'unavailable_not_held', 'unavailable_needs_creation',
           'unavailable_unclear', 'unprocessed_petition',
           'unprocessed_duplicate', 'unprocessed_publication',
           'unprocessed_excessive', 'unprocessed_confirmation']
T3_ROWS = {
    '2021': T3_HEAD + ['other_no_correction', 'other_unpaid_fee', 'other_misc',
                       'total_processed', 'carried_forward'],
    '2019': T3_HEAD + ['other', 'total_processed', 'carried_forward'],
}
T4_ROWS = ['review', 'litigation_direct', 'litigation_after_review']
T4_COLS = ['upheld', 'corrected', 'other', 'pending', 'total']
MONEY = {'active_disclosure.fees.amount', 'active_disclosure.procurement.amount'}
SECTION_OF = {'T2': 'active_disclosure', 'T3': 'applications', 'T4': 'review_litigation'}

# ---------------------------------------------------------------------------
# Small helpers

PINYIN = 'a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü'
RESIDUE_RE = re.compile(r'\([%s]+\)' % PINYIN)


def strip_residue(s):
    return RESIDUE_RE.sub('', s)


LOOSE_VALUE_RE = re.compile(r'-?[0-9][0-9,]*(\.[0-9]+)?\s*(件|个|项|元|万元|\*)?|[—\-/无]+|[0-9 ]+')
DASHES = ('—', '-', '/', '无', '——')


def is_value_token(s, loose=False):
    """A cell that holds a number (seeds only have digits and spaces)."""
    if loose:
        return LOOSE_VALUE_RE.fullmatch(s.strip()) is not None
    return re.fullmatch(r'[0-9][0-9 ]*', s.strip()) is not None


def cell_number(s, loose=False):
    """The value a cell holds: its first number; None for blank or dash."""
    s = s.strip()
    if not s or (loose and s in DASHES):
        return None
    m = re.match(r'(-?[0-9][0-9,]*(?:\.[0-9]+)?)' if loose else r'(-?[0-9]+(?:\.[0-9]+)?)', s)
    assert m, s
    t = m.group(1).replace(',', '')
    return Decimal(t) if '.' in t else int(t)


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
    if isinstance(obj, bool):
        return 'true' if obj else 'false'
    if isinstance(obj, int):
        return str(obj)
    if isinstance(obj, Decimal):
        s = format(obj, 'f')
        assert re.fullmatch(r'-?[0-9]+(\.[0-9]+)?', s), s
        return s
    if isinstance(obj, str):
        return json.dumps(obj, ensure_ascii=False)
    raise TypeError(type(obj))


def load_expected(name):
    with open(os.path.join(SEEDS_DIR, name + '.expected.json'), encoding='utf-8') as f:
        text = f.read()
    data = json.loads(text, parse_float=Decimal)
    # The writer must reproduce the seeds' own formatting byte for byte.
    assert dump_json(data) + '\n' == text, 'JSON writer does not match ' + name
    return data


def expected_set(expected, path, value):
    section, row, col = path.split('.')
    assert expected[section] is not None and col in expected[section][row], path
    expected[section][row][col] = value


def fullwidth(s):
    return ''.join(chr(ord(c) - 0x30 + 0xFF10) if '0' <= c <= '9' else c for c in s)


def thousands(n):
    return '{:,}'.format(n)


# ---------------------------------------------------------------------------
# The document model

class Val:
    """A value cell: its text as printed and its JSON path (or None)."""

    def __init__(self, text, path):
        self.text = text
        self.path = path


class Row:
    """kind: 'caption', 'header', 'note' (cells) or 'data' (labels, values)."""

    def __init__(self, kind, cells=None, labels=None, values=None, paths=None):
        self.kind = kind
        self.cells = cells or []
        self.labels = labels or []
        self.values = values or []
        self.paths = paths or []          # every column path of a data row
        self.values_next_row = False      # markdown: numbers on the next row


class Table:
    def __init__(self, sec, rows):
        self.sec = sec                    # 'T2', 'T3', 'T4'
        self.rows = rows
        self.split_before = None          # markdown: page break before row i

    def nvals(self):
        return {'T2': 3, 'T3': 7, 'T4': 15}[self.sec]

    def stub(self):
        if self.sec == 'T2':
            return 1
        if self.sec == 'T4':
            return 0
        return max([2] + [len(r.labels) for r in self.rows if r.kind == 'data'])

    def width(self):
        w = self.stub() + self.nvals()
        for r in self.rows:
            if r.kind != 'data':
                w = max(w, len(r.cells))
        return w


class Part:
    def __init__(self, heading, items):
        self.heading = heading            # as printed, or None
        self.items = items                # [('p', text) | ('table', Table)]


class Doc:
    def __init__(self, key, layout, template, pre, parts, post, expected):
        self.key = key
        self.layout = layout
        self.template = template
        self.pre = pre                    # [(role, text)]: title, title_dup, chrome, intro
        self.parts = parts                # six Part or None (part missing)
        self.post = post                  # [(role, text)]: signature, date, chrome
        self.expected = expected

    def tables(self):
        for part in self.parts:
            if part is None:
                continue
            for kind, x in part.items:
                if kind == 'table':
                    yield x

    def data_rows(self):
        for t in self.tables():
            for r in t.rows:
                if r.kind == 'data':
                    yield t, r

    def title(self):
        for role, text in self.pre:
            if role == 'title':
                return text
        return None

    def set_value(self, path, text, value):
        """Write a cell (text as printed) and its expected value."""
        for _, r in self.data_rows():
            if path in r.paths:
                i = r.paths.index(path)
                while len(r.values) <= i:
                    r.values.append(Val('', r.paths[len(r.values)]))
                r.values[i] = Val(text, path)
                expected_set(self.expected, path, value)
                return
        raise KeyError(path)

    def cell_text(self, path):
        for _, r in self.data_rows():
            for v in r.values:
                if v.path == path:
                    return v.text
        return None

    def relabel(self, old, new, count=None):
        """Replace text in label and header cells (not in prose)."""
        n = 0
        for t in self.tables():
            for r in t.rows:
                for lst in (r.cells, r.labels):
                    for i, c in enumerate(lst):
                        if old in c and (count is None or n < count):
                            lst[i] = c.replace(old, new)
                            n += 1
        assert n, 'label %r not found' % old
        return n

    def drop_part(self, k):
        """Remove part k (0-based) altogether: heading, prose, table."""
        part = self.parts[k]
        assert part is not None
        for kind, x in part.items:
            if kind == 'table':
                self.expected[SECTION_OF[x.sec]] = None
        self.parts[k] = None


# ---------------------------------------------------------------------------
# Reading the seeds

PART_KEYS = [('总体情况', '總體情況'), ('主动公开政府信息', '主動公開政府信息'),
             ('收到和处理', '收到和處理'), ('行政复议', '行政復議'),
             ('存在的主要问题', '存在的主要問題'), ('其他需要报告', '其他需要報告')]
HEAD_RE = re.compile(r'^\s*(?:[一二三四五六]|[1-6])、')
DATE_RE = re.compile(r'^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$')
CHROME_RE = re.compile(r'分享到|\[打印\]|\[收藏\]|来源[:：]|点击[:：]')


def find_headings(lines):
    heads = [None] * 6
    start = 0
    for k, keys in enumerate(PART_KEYS):
        for i in range(start, len(lines)):
            line = strip_residue(lines[i])
            if '|' in line or not HEAD_RE.match(line):
                continue
            if any(key in line for key in keys):
                heads[k] = i
                start = i + 1
                break
    return heads


def tok_pipe(lines):
    toks, pending = [], None
    for line in lines:
        s = line.rstrip()
        if not s.strip():
            continue
        if re.fullmatch(r'\|+', s.strip()):
            if pending is not None:
                toks.append(pending)
                pending = None
            continue
        m = re.fullmatch(r'(.*?)\s*\|[\s|]*', s)
        if m is None:
            pending = s if pending is None else pending + '\n' + s
            continue
        cell = m.group(1).strip()
        if pending is not None:
            cell = pending + ('\n' + cell if cell else '')
            pending = None
        if cell:
            toks.append(cell)
    assert pending is None
    return toks


def tok_tab(lines):
    cells, cur = [], None
    for line in lines:
        if line.startswith('\t'):
            if cur is not None:
                cells.append(cur)
            cur = line[1:].rstrip()
        elif not line.strip():
            if cur is not None:
                cells.append(cur)
            cur = None
        else:
            cur = line.rstrip() if cur is None else cur + '\n' + line.rstrip()
    if cur is not None:
        cells.append(cur)
    return [c.strip() for c in cells if c.strip()]


def tok_markdown(lines):
    toks = []
    for line in lines:
        s = line.strip()
        if not s.startswith('|'):
            assert not s, s
            continue
        if re.fullmatch(r'\|[\s\-:|]*', s):
            continue
        toks += [c.strip() for c in s.strip('|').split('|') if c.strip()]
    return toks


def tok_web(lines):
    toks = [l.strip() for l in lines if l.strip()]
    # A header cell wrapped in the source ("本年新" / "制作数量") became two
    # paragraphs; keep it one cell with a line break, as seed 002 prints it.
    out = []
    for t in toks:
        if out and out[-1] == '本年新':
            out[-1] += '\n' + t
        else:
            out.append(t)
    return out


TOKENIZERS = {'pipe': tok_pipe, 'tab': tok_tab, 'markdown': tok_markdown, 'web': tok_web}


def group_rows(tokens, loose=False):
    """Split a token stream into label runs and value runs."""
    runs = []
    for t in tokens:
        kind = 'v' if is_value_token(t, loose) else 'l'
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(t)
        else:
            runs.append((kind, [t]))
    return runs


def is_caption(t):
    return '第二十条' in t or '第二十條' in t


def build_t2(tokens, template, loose=False):
    spec = T2_ROWS[template]
    groups, cur = [], None
    for t in tokens:
        if is_caption(t):
            cur = [t]
            groups.append(cur)
        else:
            assert cur is not None, t
            cur.append(t)
    rows, di = [], 0
    for g in groups:
        rows.append(Row('caption', cells=[g[0]]))
        runs = group_rows(g[1:], loose)
        seen_data = False
        for i, (kind, toks) in enumerate(runs):
            if kind == 'l':
                nxt = runs[i + 1] if i + 1 < len(runs) else None
                labels = toks[:-1] if nxt else toks
                if labels:
                    rows.append(Row('note' if seen_data else 'header', cells=list(labels)))
                continue
            label = runs[i - 1][1][-1]
            rid, cols = spec[di]
            di += 1
            assert len(toks) <= len(cols), (rid, toks)
            paths = ['active_disclosure.%s.%s' % (rid, c) for c in cols]
            rows.append(Row('data', labels=[label],
                            values=[Val(t, p) for t, p in zip(toks, paths)], paths=paths))
            seen_data = True
    assert di == len(spec), (di, template)
    return Table('T2', rows)


def split_header(labels, marks):
    """Split header labels into rows, each ending at a label containing a mark."""
    rows, cur = [], []
    marks = list(marks)
    for l in labels:
        cur.append(l)
        if marks and any(m in strip_residue(l) for m in marks[0]):
            rows.append(cur)
            cur = []
            marks.pop(0)
    if cur:
        rows.append(cur)
    return rows


def is_total_label(l):
    return strip_residue(l).replace(' ', '') in ('总计', '總計')


def split_t3_header(labels):
    """[stub note, 申请人情况], [自然人, 法人或其他组织], [商业企业 … 其他];
    总计 joins the row it follows (seed 003 prints it on the first row)."""
    rest = list(labels)
    rows = []
    for marks in (('申请人情况', '申請人情況'), ('法人或其他组织', '法人或其他組織')):
        i = next(i for i, l in enumerate(rest) if any(m in strip_residue(l) for m in marks))
        row, rest = rest[:i + 1], rest[i + 1:]
        if rest and is_total_label(rest[0]):
            row.append(rest.pop(0))
        rows.append(row)
    rows.append(rest)
    return rows


def build_t3(tokens, template, loose=False):
    spec = T3_ROWS[template]
    runs = group_rows(tokens, loose)
    assert runs[0][0] == 'l'
    head = runs[0][1][:-1]
    runs[0] = ('l', runs[0][1][-1:])
    rows = [Row('header', cells=c) for c in split_t3_header(head)]
    di = 0
    for i in range(0, len(runs), 2):
        kind, labels = runs[i]
        assert kind == 'l'
        if i + 1 >= len(runs):
            rows.append(Row('note', cells=labels))
            break
        values = runs[i + 1][1]
        rid = spec[di]
        di += 1
        assert len(values) <= 7, (rid, values)
        paths = ['applications.%s.%s' % (rid, c) for c in T3_COLS]
        rows.append(Row('data', labels=list(labels),
                        values=[Val(t, p) for t, p in zip(values, paths)], paths=paths))
    assert di == len(spec), (di, len(spec))
    return Table('T3', rows)


def build_t4(tokens, loose=False):
    runs = group_rows(tokens, loose)
    assert [k for k, _ in runs] == ['l', 'v'], runs
    head = split_header(runs[0][1], [('行政诉讼', '行政訴訟'), ('复议后起诉', '復議後起訴', '復議后起訴')])
    values = runs[1][1]
    assert len(values) == 15
    paths = ['review_litigation.%s.%s' % (g, c) for g in T4_ROWS for c in T4_COLS]
    rows = [Row('header', cells=c) for c in head]
    rows.append(Row('data', labels=[], values=[Val(t, p) for t, p in zip(values, paths)],
                    paths=paths))
    return Table('T4', rows)


def read_seed(key):
    name, layout = SEEDS[key]
    with open(os.path.join(SEEDS_DIR, name + '.txt'), encoding='utf-8') as f:
        text = f.read()
    doc = read_document(key, text, layout, load_expected(name))
    check_doc(doc)
    return doc


def read_document(key, text, layout, expected, loose=False):
    """The document model of a text in a known layout.

    loose=False reads a seed (cells hold digits only); loose=True reads a
    generated case back (after decode_input) to check the generator itself.
    """
    template = expected['template']
    lines = text.split('\n')
    heads = find_headings(lines)
    assert heads[0] is not None and heads[5] is not None, (key, heads)
    present = [i for i in heads if i is not None] + [len(lines)]

    def body(k):
        i = heads[k]
        if i is None:
            return []
        return lines[i + 1:min(j for j in present if j > i)]

    def heading(k):
        return lines[heads[k]].strip() if heads[k] is not None else None

    # Lines before part 一.
    pre, title = [], None
    for l in lines[:heads[0]]:
        s = l.strip()
        if not s:
            continue
        if title is None and re.search(r'工作年度[报報]告$', strip_residue(s)) and len(s) < 80:
            title = s
            pre.append(('title', s))
        elif s == title:
            pre.append(('title_dup', s))
        elif re.match(r'^\d{4}-\d{2}-\d{2}', s) or CHROME_RE.search(s):
            pre.append(('chrome', s))
        else:
            pre.append(('intro', s))

    def prose(k):
        return [('p', l.strip()) for l in body(k) if l.strip()]

    def table(k, tokens, build):
        if not any(is_value_token(t, loose) for t in tokens):
            return Part(heading(k), prose(k)) if heads[k] is not None else None
        return Part(heading(k), [('table', build(tokens))])

    tok = TOKENIZERS[layout]
    t2_tokens = tok(body(1))
    t3_tokens = tok(body(2))
    if heads[2] is None:
        # Seed 000 has no heading 三: table 三 follows table 二 directly.
        k = next((i for i, t in enumerate(t2_tokens) if '勾稽' in t), len(t2_tokens))
        t2_tokens, t3_tokens = t2_tokens[:k], t2_tokens[k:]
    t4_tokens = tok(body(3))
    assert not t2_tokens or is_caption(t2_tokens[0]), key
    assert not t3_tokens or '勾稽' in t3_tokens[0], key
    parts = [
        Part(heading(0), prose(0)),
        table(1, t2_tokens, lambda t: build_t2(t, template, loose)),
        table(2, t3_tokens, lambda t: build_t3(t, template, loose)),
        table(3, t4_tokens, lambda t: build_t4(t, loose)),
        Part(heading(4), prose(4)) if heads[4] is not None else None,
        Part(heading(5), prose(5)),
    ]
    if parts[2] is None and heads[2] is None and t3_tokens:
        parts[2] = Part(None, [('table', build_t3(t3_tokens, template, loose))])
    # Signature, date and chrome after part 六's prose.
    six = parts[5].items
    post = []
    while six and CHROME_RE.search(six[-1][1]):
        post.insert(0, ('chrome', six.pop()[1]))
    if six and DATE_RE.match(six[-1][1]):
        post.insert(0, ('date', six.pop()[1]))
        if len(six) > 1 and len(six[-1][1]) <= 30 and not re.search(r'[，。,.:：；;]', six[-1][1]):
            post.insert(0, ('signature', six.pop()[1]))
    return Doc(key, layout, template, pre, parts, post, expected)


def check_doc(doc, loose=False):
    """Every value in the model equals the expectation; the rest is null."""
    seen = set()
    tables = set()
    for t, r in doc.data_rows():
        tables.add(SECTION_OF[t.sec])
        for v in r.values:
            value = cell_number(v.text, loose)
            section, row, col = v.path.split('.')
            assert doc.expected[section][row][col] == value, (doc.key, v.path, v.text, value)
            seen.add(v.path)
    for section in ('active_disclosure', 'applications', 'review_litigation'):
        if doc.expected[section] is None:
            assert section not in tables, (doc.key, section)
            continue
        assert section in tables, (doc.key, section)
        for row, cols in doc.expected[section].items():
            for col, value in cols.items():
                path = '%s.%s.%s' % (section, row, col)
                if path not in seen:
                    assert value is None, (doc.key, path, value)


ZERO_WIDTH_RE = re.compile('[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]')


def decode_input(data):
    """Bytes of a case -> text, as SPEC §4 says the parser decodes them."""
    if data.startswith(b'\xef\xbb\xbf'):
        text = data[3:].decode('utf-8')
    elif data.startswith(b'\xff\xfe'):
        text = data[2:].decode('utf-16-le')
    elif data.startswith(b'\xfe\xff'):
        text = data[2:].decode('utf-16-be')
    else:
        try:
            text = data.decode('utf-8')
        except UnicodeDecodeError:
            text = data.decode('gb18030')
    text = ZERO_WIDTH_RE.sub('', text.replace('\r\n', '\n'))
    return unicodedata.normalize('NFKC', text)


# ---------------------------------------------------------------------------
# Writing documents

TOP_LEVEL_RE = re.compile(r'^[一二三四五六七八九十]\s*[、 ]')


def row_cells(row):
    if row.kind == 'data':
        return row.labels + [v.text for v in row.values]
    return list(row.cells)


def header_grid(t, i, cells, width):
    """Place header cells in the grid as an office suite lays them out."""
    s = t.stub()
    grid = [''] * width

    def put(pos, c):
        grid[pos] = c

    n = len(cells)
    hdr = [r for r in t.rows if r.kind == 'header']
    idx = hdr.index(t.rows[i]) if t.rows[i] in hdr else -1
    if t.sec == 'T3' and len(hdr) == 3:
        if idx in (0, 1) and n in (2, 3):
            put(0 if idx == 0 else s, cells[0])
            put(s if idx == 0 else s + 1, cells[1])
            if n == 3:
                put(s + 6, cells[2])
            return grid
        if idx == 2 and n == 5:
            for j, c in enumerate(cells):
                put(s + 1 + j, c)
            return grid
    if t.sec == 'T4':
        if n == 2 and idx == 0:
            put(0, cells[0])
            put(5, cells[1])
            return grid
        if n == 2:
            put(5, cells[0])
            put(10, cells[1])
            return grid
        if n == 7:
            for j in range(5):
                put(j, cells[j])
            put(5, cells[5])
            put(10, cells[6])
            return grid
        if n == 10:
            for j, c in enumerate(cells):
                put(5 + j, c)
            return grid
    for j, c in enumerate(cells):
        put(j, c)
    return grid


def data_grid(t, row, width, flat=False):
    """Labels then values; sub-rows sit in the last stub column."""
    s = t.stub()
    labels = list(row.labels)
    values = [v.text for v in row.values]
    values += [''] * (len(row.paths) - len(values))
    if t.sec == 'T4':
        return values + [''] * (width - len(values))
    top = labels and TOP_LEVEL_RE.match(labels[0])
    if len(labels) < s:
        if top:
            if not flat:
                labels += [''] * (s - len(labels))
        else:
            labels = [''] * (s - len(labels)) + labels
    cells = labels + values
    if not flat:
        cells += [''] * (width - len(cells))
    return cells


def table_pipe(t):
    out = []
    w = t.width()
    for row in t.rows:
        cells = row_cells(row)
        pad = max(0, w - len(cells))
        blanks = 0
        last_content = False
        for c in cells:
            if not c:
                blanks += 1
                continue
            if blanks:
                out.append('|' * blanks)
                blanks = 0
            lines = c.split('\n')
            out.extend(lines[:-1])
            out.append(lines[-1] + ' |')
            last_content = True
        trailing = blanks + pad
        if trailing:
            if blanks == 0 and last_content:
                out[-1] += ' ' + '|' * trailing
            else:
                out.append('|' * trailing)
    return out


def table_tab(t):
    out = []
    w = t.width()
    for i, row in enumerate(t.rows):
        if row.kind == 'data':
            cells = data_grid(t, row, w, flat=True)
        else:
            cells = header_grid(t, i, row.cells, w)
            while cells and not cells[-1]:
                cells.pop()
        for c in cells:
            out.append('\t' + c)
        out.append('')
    return out


def md_line(cells):
    return '| ' + ' | '.join(c.replace('\n', ' ') for c in cells) + ' |'


def md_rule(cells):
    return '|' + '|'.join('-' * max(3, min(40, 2 * len(c))) for c in cells) + '|'


def table_markdown(t):
    w = t.width()
    out = []
    first = True
    for i, row in enumerate(t.rows):
        if row.kind == 'data':
            g = data_grid(t, row, w)
            grids = [g]
            if row.values_next_row:
                s = t.stub()
                grids = [g[:s] + [''] * (w - s), [''] * s + g[s:]]
        else:
            grids = [header_grid(t, i, row.cells, w)]
        if t.split_before == i and not first:
            # A page break: the converter starts a new table whose header
            # row is empty (seed 003).
            out += ['', md_line([''] * w), md_rule([''] * w)]
        for g in grids:
            out.append(md_line(g))
            if first:
                out.append(md_rule(g))
                first = False
    return out


def table_web(t):
    out = []
    for row in t.rows:
        for c in row_cells(row):
            if c:
                out.extend(c.split('\n'))
    return out


def chrome_date(doc):
    if doc.expected['published']:
        d = datetime.date.fromisoformat(doc.expected['published']) + datetime.timedelta(days=3)
        return d.isoformat()
    return '%d-01-20' % (doc.expected['year'] + 1)


def emit(doc, layout):
    title = doc.title()
    intro = [t for r, t in doc.pre if r == 'intro']
    out = []
    if layout == 'web':
        if any(r in ('chrome', 'title_dup') for r, _ in doc.pre):
            out += [t for _, t in doc.pre if _ != 'intro']
        else:
            out.append('当前位置：首页 > 政务公开 > 年度报告')
            if title:
                out.append(title)
            out.append('发布时间：%s 09:30:00   来源：本站   点击：%d   【字体：大 中 小】'
                       % (chrome_date(doc), 100 + (zlib.crc32(doc.key.encode()) % 900)))
            if title:
                out.append(title)
        out += intro
    elif title:
        out.append(title)
        if layout == 'tab':
            out += ['', '']
        out += intro
    else:
        out += intro
    for part in doc.parts:
        if part is None:
            continue
        if part.heading:
            out.append(part.heading)
        for kind, x in part.items:
            if kind == 'p':
                out.append(x)
            elif layout == 'pipe':
                out += table_pipe(x)
            elif layout == 'tab':
                out += table_tab(x)
                out += ['', '']
            elif layout == 'markdown':
                out.append('\n'.join(table_markdown(x)))
            else:
                out += table_web(x)
    post = [(r, t) for r, t in doc.post if r != 'chrome' or layout == 'web']
    if layout == 'web' and not any(r == 'chrome' for r, _ in post):
        post += [('chrome', '分享到：'), ('chrome', '[打印本页] [关闭窗口]')]
    for role, text in post:
        if layout == 'tab' and role in ('signature', 'date'):
            out.append(' ' * 40 + text)
        else:
            out.append(text)
    if layout in ('markdown', 'web'):
        return '\n\n'.join(out) + '\n'
    if layout == 'tab':
        return '\n'.join(out) + '\n'
    return '\n'.join(out)


# ---------------------------------------------------------------------------
# Transformations of text

def uconv(text, transform):
    try:
        p = subprocess.run(['uconv', '-f', 'utf-8', '-t', 'utf-8', '-x', transform],
                           input=text.encode('utf-8'), stdout=subprocess.PIPE, check=True)
    except FileNotFoundError:
        sys.exit('generate.py: uconv not found; install ICU tools '
                 '(apt-get install -y icu-devtools)')
    return p.stdout.decode('utf-8')


def residue_map():
    """Character -> pinyin residue, as seed 000's converter left it."""
    name = SEEDS['000'][0]
    with open(os.path.join(SEEDS_DIR, name + '.txt'), encoding='utf-8') as f:
        text = f.read()
    m = {}
    for c, p in re.findall(r'(\w)\(([%s]+)\)' % PINYIN, text):
        m[c] = p
    return m


def to_traditional(text, doc):
    """Hans-Hant, then pinyin residue after the characters seed 000 marks."""
    trad = uconv(text, 'Hans-Hant')
    residue = residue_map()
    out = ''.join(c + '(%s)' % residue[c] if c in residue else c for c in trad)
    # What the parser must give back for title and organ (Hant-Hans).
    for key in ('title', 'organ'):
        value = doc.expected[key]
        if value is None:
            continue
        back = uconv(uconv(value, 'Hans-Hant'), 'Hant-Hans')
        assert back == value, (key, value, back)
    return out


ZW = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u200e', '\u200f',
      '\u202a', '\u202c', '\u2066', '\u2069']


def sprinkle_zero_width(text, rng):
    """Zero-width and bidi controls in headings, title, labels and numbers."""
    out = []
    for line in text.split('\n'):
        s = line.strip()
        if re.fullmatch(r'[0-9]{2,}', s):
            k = rng.randrange(1, len(s))
            line = s[:k] + rng.choice(ZW[:5]) + s[k:]
        elif s and re.match(r'^[一二三四五六]、', s):
            line = '\u200e' + s[:2] + '\u200b' + s[2:]
        elif s.endswith('工作年度报告'):
            line = '\u202a' + s[:4] + '\u200d' + s[4:] + '\u202c'
        elif s and len(s) < 40 and rng.random() < 0.3:
            k = rng.randrange(0, len(s))
            line = s[:k] + rng.choice(ZW) + s[k:]
        out.append(line)
    return '\n'.join(out)


# ---------------------------------------------------------------------------
# Realistic figures

def applications_figures(rng, template):
    cols = T3_COLS[:6]
    new = {'natural_person': rng.randint(180, 420), 'commercial': rng.randint(8, 45),
           'research': rng.randint(0, 3), 'social_welfare': rng.randint(0, 6),
           'legal_services': rng.randint(2, 15), 'other_org': rng.randint(0, 8)}
    carried = {c: rng.randint(0, 12) if c == 'natural_person' else rng.randint(0, 2)
               for c in cols}
    fwd = {c: rng.randint(0, min(10 if c == 'natural_person' else 1, new[c] + carried[c]))
           for c in cols}
    weights = {
        'granted': 40, 'partially_granted': 8, 'denied_state_secret': 0.5,
        'denied_prohibited_by_law': 0.5, 'denied_three_securities': 0.5,
        'denied_third_party': 2, 'denied_internal_affairs': 1.5,
        'denied_process_info': 2, 'denied_enforcement_files': 1,
        'denied_administrative_query': 2, 'unavailable_not_held': 20,
        'unavailable_needs_creation': 4, 'unavailable_unclear': 3,
        'unprocessed_petition': 3, 'unprocessed_duplicate': 3,
        'unprocessed_publication': 1, 'unprocessed_excessive': 1,
        'unprocessed_confirmation': 1, 'other_no_correction': 2,
        'other_unpaid_fee': 0.3, 'other_misc': 2, 'other': 4,
    }
    outcomes = [r for r in T3_ROWS[template]
                if r not in ('new_received', 'carried_over', 'total_processed',
                             'carried_forward')]
    w = [weights[r] for r in outcomes]
    table = {r: {c: 0 for c in cols} for r in T3_ROWS[template]}
    for c in cols:
        table['new_received'][c] = new[c]
        table['carried_over'][c] = carried[c]
        table['carried_forward'][c] = fwd[c]
        processed = new[c] + carried[c] - fwd[c]
        table['total_processed'][c] = processed
        for r in rng.choices(outcomes, weights=w, k=processed):
            table[r][c] += 1
    values = {}
    for r, row in table.items():
        for c in cols:
            values['applications.%s.%s' % (r, c)] = row[c]
        values['applications.%s.total' % r] = sum(row.values())
    # The table's own equations hold (SPEC §5 T3_*).
    for c in T3_COLS:
        v = lambda r: values['applications.%s.%s' % (r, c)]
        assert v('new_received') + v('carried_over') == v('total_processed') + v('carried_forward')
        assert v('total_processed') == sum(v(r) for r in outcomes)
    return values


def review_figures(rng):
    values = {}
    for g, hi in zip(T4_ROWS, (6, 3, 2)):
        parts = [rng.randint(0, hi), rng.randint(0, hi // 2 + 1), rng.randint(0, 1),
                 rng.randint(0, 2)]
        for c, v in zip(T4_COLS, parts + [sum(parts)]):
            values['review_litigation.%s.%s' % (g, c)] = v
    return values


def disclosure_figures(rng, template):
    ad = 'active_disclosure.'
    if template == '2021':
        v = {
            'rules.issued': 0, 'rules.repealed': 0, 'rules.in_force': rng.randint(0, 3),
            'normative_documents.issued': rng.randint(5, 20),
            'normative_documents.repealed': rng.randint(1, 6),
            'normative_documents.in_force': rng.randint(40, 90),
            'licensing.decisions': rng.randint(300, 900),
            'penalty.decisions': rng.randint(20, 80),
            'enforcement.decisions': rng.randint(0, 9),
        }
    else:
        v = {
            'rules.new_made': 0, 'rules.new_published': 0,
            'rules.total_published': rng.randint(0, 4),
            'normative_documents.new_made': rng.randint(4, 15),
            'normative_documents.new_published': rng.randint(4, 15),
            'normative_documents.total_published': rng.randint(30, 80),
            'licensing.previous_items': rng.randint(80, 200),
            'licensing.change': -rng.randint(2, 9),
            'licensing.decisions': rng.randint(300, 900),
            'other_services.previous_items': rng.randint(10, 60),
            'other_services.change': rng.randint(1, 9),
            'other_services.decisions': rng.randint(100, 700),
            'penalty.previous_items': rng.randint(20, 90),
            'penalty.change': rng.randint(0, 4),
            'penalty.decisions': rng.randint(10, 60),
            'enforcement.previous_items': rng.randint(3, 12),
            'enforcement.change': -1,
            'enforcement.decisions': rng.randint(0, 6),
            'fees.previous_items': rng.randint(2, 6),
            'fees.change': -1,
            'procurement.projects': rng.randint(5, 30),
        }
    return {ad + k: val for k, val in v.items()}


def apply_figures(doc, rng, money):
    """Fill every cell of every table with realistic, consistent figures."""
    values = {}
    values.update(disclosure_figures(rng, doc.template))
    values.update(applications_figures(rng, doc.template))
    values.update(review_figures(rng))
    money_path = ('active_disclosure.fees.amount' if doc.template == '2021'
                  else 'active_disclosure.procurement.amount')
    values[money_path] = Decimal(money)
    for _, r in doc.data_rows():
        for p in r.paths:
            doc.set_value(p, str(values[p]), values[p])
    return values


def format_cells(doc, fn, paths=None):
    """Rewrite the printed text of value cells (the value stays)."""
    for _, r in doc.data_rows():
        for v in r.values:
            if v.text and (paths is None or v.path in paths):
                v.text = fn(v.path, v.text)


# ---------------------------------------------------------------------------
# The cases

CASES = []


def case(name, seed, layout, encoding, what):
    def register(fn):
        CASES.append((name, seed, layout, encoding, what, fn))
        return fn
    return register


def rng_for(name):
    return random.Random(zlib.crc32(name.encode('utf-8')))


def seed_text(key):
    with open(os.path.join(SEEDS_DIR, SEEDS[key][0] + '.txt'), encoding='utf-8') as f:
        return f.read()


def utf8(text):
    return text.encode('utf-8')


# 1. Every seed in every other layout.
for _key, (_name, _layout) in sorted(SEEDS.items()):
    for _target in ('pipe', 'tab', 'markdown', 'web'):
        if _target == _layout:
            continue

        def _make(name, key=_key, target=_target):
            doc = read_seed(key)
            return utf8(emit(doc, target)), doc.expected
        case('%s-as-%s' % (_key, _target), _key, _target, 'utf-8',
             'seed %s (%s) re-emitted cell by cell in the %s layout'
             % (_key, _layout, _target))(_make)


# 2. Encodings.
def _verbatim(key, transform, encode):
    def make(name):
        doc = read_seed(key)
        return encode(transform(seed_text(key))), doc.expected
    return make


_bom16le = lambda t: b'\xff\xfe' + t.encode('utf-16-le')
_bom16be = lambda t: b'\xfe\xff' + t.encode('utf-16-be')
_gb = lambda t: t.encode('gb18030')
_crlf = lambda t: t.replace('\n', '\r\n')
_same = lambda t: t

case('000-gb18030', '000', 'pipe', 'GB18030',
     'seed 000 verbatim (traditional, pinyin residue) encoded as GB18030'
     )(_verbatim('000', _same, _gb))
case('001-gb18030-crlf', '001', 'pipe', 'GB18030',
     'seed 001 verbatim with CRLF line ends, GB18030 (a Windows Notepad file)'
     )(_verbatim('001', _crlf, _gb))
case('004-gb18030', '004', 'web', 'GB18030', 'seed 004 verbatim encoded as GB18030'
     )(_verbatim('004', _same, _gb))
case('002-utf16le-bom', '002', 'tab', 'UTF-16LE+BOM', 'seed 002 verbatim as UTF-16LE with BOM'
     )(_verbatim('002', _same, _bom16le))
case('000-utf16le-bom', '000', 'pipe', 'UTF-16LE+BOM',
     'seed 000 verbatim (traditional) as UTF-16LE with BOM')(_verbatim('000', _same, _bom16le))
case('003-utf16be-bom', '003', 'markdown', 'UTF-16BE+BOM',
     'seed 003 verbatim as UTF-16BE with BOM')(_verbatim('003', _same, _bom16be))
case('001-utf16be-bom-crlf', '001', 'pipe', 'UTF-16BE+BOM',
     'seed 001 verbatim with CRLF line ends as UTF-16BE with BOM'
     )(_verbatim('001', _crlf, _bom16be))
case('003-utf8-bom', '003', 'markdown', 'UTF-8+BOM', 'seed 003 verbatim with a UTF-8 BOM'
     )(_verbatim('003', _same, lambda t: b'\xef\xbb\xbf' + utf8(t)))
case('002-crlf', '002', 'tab', 'utf-8', 'seed 002 verbatim with CRLF line ends'
     )(_verbatim('002', _crlf, utf8))


@case('004-zero-width', '004', 'web', 'utf-8',
      'seed 004 verbatim with zero-width and bidi control characters in the title, '
      'headings, labels and inside multi-digit numbers (dropped: 36\\u200b00 is 3600)')
def _(name):
    doc = read_seed('004')
    return utf8(sprinkle_zero_width(seed_text('004'), rng_for(name))), doc.expected


# 3. Traditional characters with converter residue.
for _key in ('001', '002', '003', '004'):
    def _make(name, key=_key):
        doc = read_seed(key)
        return utf8(to_traditional(seed_text(key), doc)), doc.expected
    case('%s-traditional' % _key, _key, SEEDS[_key][1], 'utf-8',
         'seed %s verbatim converted with uconv -x Hans-Hant, pinyin residue after the '
         'characters seed 000 marks (區(qū)); title/organ expected in simplified form'
         % _key)(_make)


# 4. Realistic figures.
@case('001-figures', '001', 'pipe', 'utf-8',
      'every cell of seed 001 filled: hundreds of applications over the applicant '
      'columns, consistent row totals and 勾稽关系, fees 12.3456 万元')
def _(name):
    doc = read_seed('001')
    apply_figures(doc, rng_for(name), '12.3456')
    return utf8(emit(doc, 'pipe')), doc.expected


@case('002-figures', '002', 'tab', 'utf-8',
      'every cell of seed 002 (template 2019) filled, negative 本年增/减 (licensing, '
      'enforcement, fees), procurement 182.719 万元')
def _(name):
    doc = read_seed('002')
    apply_figures(doc, rng_for(name), '182.719')
    return utf8(emit(doc, 'tab')), doc.expected


@case('003-figures', '003', 'markdown', 'utf-8',
      'every cell of seed 003 filled, fees 0.0350 万元 (trailing zero kept: scale 4)')
def _(name):
    doc = read_seed('003')
    apply_figures(doc, rng_for(name), '0.0350')
    return utf8(emit(doc, 'markdown')), doc.expected


@case('004-figures', '004', 'web', 'utf-8',
      'every cell of seed 004 (template 2019, web page) filled, negative 本年增/减, '
      'procurement 1827.19 万元')
def _(name):
    doc = read_seed('004')
    apply_figures(doc, rng_for(name), '1827.19')
    return utf8(emit(doc, 'web')), doc.expected


@case('002-figures-traditional-gb18030', '002', 'tab', 'GB18030',
      '002-figures converted to traditional characters with pinyin residue, then GB18030')
def _(name):
    doc = read_seed('002')
    apply_figures(doc, rng_for('002-figures'), '182.719')
    return to_traditional(emit(doc, 'tab'), doc).encode('gb18030'), doc.expected


@case('004-thousands-separators', '004', 'web', 'utf-8',
      'figures with thousands separators: 1,234 in every cell of 1000 or more, '
      'one with a full-width comma (１，２３４ after NFKC is 1,234)')
def _(name):
    doc = read_seed('004')
    rng = rng_for(name)
    apply_figures(doc, rng, '1827.19')
    doc.set_value('active_disclosure.other_services.decisions', '3,600', 3600)
    doc.set_value('active_disclosure.licensing.decisions', '12,345', 12345)
    doc.set_value('active_disclosure.procurement.amount', '1,827.19', Decimal('1827.19'))
    doc.set_value('active_disclosure.penalty.decisions', '１，０２４', 1024)
    # Make table 三 large enough to need separators, keeping its equations.
    scale = 7
    for _, r in doc.data_rows():
        for v in r.values:
            if v.path.startswith('applications.'):
                n = int(v.text) * scale
                doc.set_value(v.path, thousands(n), n)
    return utf8(emit(doc, 'web')), doc.expected


@case('001-fullwidth-digits', '001', 'pipe', 'utf-8',
      'figures written in full-width digits (１２) in about half of the cells')
def _(name):
    doc = read_seed('001')
    rng = rng_for(name)
    apply_figures(doc, rng, '12.3456')
    format_cells(doc, lambda p, t: fullwidth(t) if rng.random() < 0.5 else t)
    doc.set_value('applications.new_received.total',
                  fullwidth(doc.cell_text('applications.new_received.total')),
                  doc.expected['applications']['new_received']['total'])
    return utf8(emit(doc, 'pipe')), doc.expected


@case('001-dashes', '001', 'pipe', 'utf-8',
      'cells holding —, -, /, ／, 无 (nothing to report) are null, not 0')
def _(name):
    doc = read_seed('001')
    dashes = ['—', '-', '/', '／', '无']
    paths = ['active_disclosure.rules.issued', 'active_disclosure.rules.repealed',
             'active_disclosure.rules.in_force', 'active_disclosure.fees.amount',
             'applications.granted.natural_person',
             'applications.denied_state_secret.commercial',
             'applications.other_misc.total',
             'review_litigation.litigation_direct.upheld',
             'review_litigation.litigation_after_review.total']
    for i, p in enumerate(paths):
        doc.set_value(p, dashes[i % len(dashes)], None)
    return utf8(emit(doc, 'pipe')), doc.expected


@case('003-dashes-blanks', '003', 'markdown', 'utf-8',
      'Markdown grid with dash cells (—, /, 无) and empty cells in the middle of rows: '
      'all null')
def _(name):
    doc = read_seed('003')
    for p, t in [('active_disclosure.rules.repealed', '—'),
                 ('active_disclosure.normative_documents.in_force', ''),
                 ('active_disclosure.fees.amount', '/'),
                 ('applications.granted.research', ''),
                 ('applications.denied_third_party.social_welfare', '无'),
                 ('applications.unprocessed_duplicate.natural_person', ''),
                 ('applications.carried_forward.legal_services', '—'),
                 ('review_litigation.review.pending', ''),
                 ('review_litigation.litigation_direct.corrected', '/')]:
        doc.set_value(p, t, None)
    return utf8(emit(doc, 'markdown')), doc.expected


@case('004-units-footnotes', '004', 'web', 'utf-8',
      'units and footnote marks after numbers: 87件, 3600 件, 15个, 1827190元 '
      '(no conversion), 8,152*, 0项')
def _(name):
    doc = read_seed('004')
    doc.set_value('active_disclosure.licensing.decisions', '87件', 87)
    doc.set_value('active_disclosure.other_services.decisions', '3600 件', 3600)
    doc.set_value('active_disclosure.procurement.projects', '15个', 15)
    doc.set_value('active_disclosure.procurement.amount', '1827190元', 1827190)
    doc.set_value('active_disclosure.other_services.previous_items', '8,152*', 8152)
    doc.set_value('active_disclosure.fees.previous_items', '0项', 0)
    return utf8(emit(doc, 'web')), doc.expected


@case('001-units', '001', 'pipe', 'utf-8',
      'figures with units: 12件 style counts in table 二 and 三, fees 12.3456万元')
def _(name):
    doc = read_seed('001')
    rng = rng_for(name)
    apply_figures(doc, rng, '12.3456')
    format_cells(doc, lambda p, t: t + '万元' if p in MONEY else
                 (t + '件' if rng.random() < 0.3 else t))
    return utf8(emit(doc, 'pipe')), doc.expected


# 5. Typos and variant labels.
@case('001-label-typos', '001', 'pipe', 'utf-8',
      'labels with typos and variants: 本年度止件数 (本年废止件数), 社会组织 '
      '(社会公益组织), 规范性文件 (行政规范性文件)')
def _(name):
    doc = read_seed('001')
    doc.relabel('本年废止件数', '本年度止件数')
    doc.relabel('社会公益组织', '社会组织')
    doc.relabel('行政规范性文件', '规范性文件')
    return utf8(emit(doc, 'pipe')), doc.expected


@case('002-label-typos-spaced', '002', 'tab', 'utf-8',
      'template 2019 with 行政规范性文件 for 规范性文件, 社会组织, and spaced-out merged '
      'cells: 三 本 年 度 办 理 结 果, （四） 无 法 提 供, （五） 不 予 处 理, 总 计')
def _(name):
    doc = read_seed('002')
    doc.relabel('规范性文件', '行政规范性文件')
    doc.relabel('社会公益组织', '社会组织')
    doc.relabel('三、本年度办理结果', '三 本 年 度 办 理 结 果')
    doc.relabel('（四）无法提供', '（四） 无 法 提 供')
    doc.relabel('（五）不予处理', '（五） 不 予 处 理')
    doc.relabel('总计', '总 计')
    return utf8(emit(doc, 'tab')), doc.expected


@case('004-spaced-labels', '004', 'web', 'utf-8',
      'web page whose merged cells came out spaced: 三 本 年 度 办 理 结 果, '
      '(三) 不 予 公 开, 自 然 人, 行 政 复 议')
def _(name):
    doc = read_seed('004')
    doc.relabel('三、本年度办理结果', '三 本 年 度 办 理 结 果')
    doc.relabel('(三)不予公开', '(三) 不 予 公 开')
    doc.relabel('自然人', '自 然 人')
    doc.relabel('行政复议', '行 政 复 议', count=1)
    return utf8(emit(doc, 'web')), doc.expected


# 6. Missing parts.
@case('001-no-part4', '001', 'pipe', 'utf-8',
      'part 四 (heading and table) removed: review_litigation is null')
def _(name):
    doc = read_seed('001')
    doc.drop_part(3)
    return utf8(emit(doc, 'pipe')), doc.expected


@case('003-no-part4', '003', 'markdown', 'utf-8',
      'part 四 (heading and table) removed from the Markdown seed: review_litigation null')
def _(name):
    doc = read_seed('003')
    doc.drop_part(3)
    return utf8(emit(doc, 'markdown')), doc.expected


@case('002-part4-without-table', '002', 'tab', 'utf-8',
      'part 四 heading kept, its table replaced by a sentence: review_litigation null')
def _(name):
    doc = read_seed('002')
    doc.parts[3].items = [('p', '本年度本机关未发生政府信息公开行政复议、行政诉讼案件。')]
    doc.expected['review_litigation'] = None
    return utf8(emit(doc, 'tab')), doc.expected


@case('004-no-part5', '004', 'web', 'utf-8',
      'part 五 (heading and prose) removed: tables unchanged (text.problems null)')
def _(name):
    doc = read_seed('004')
    doc.drop_part(4)
    return utf8(emit(doc, 'web')), doc.expected


@case('001-no-part5', '001', 'pipe', 'utf-8', 'part 五 removed from a pipe-layout report')
def _(name):
    doc = read_seed('001')
    doc.drop_part(4)
    return utf8(emit(doc, 'pipe')), doc.expected


@case('003-no-part2', '003', 'markdown', 'utf-8',
      'part 二 removed: active_disclosure null, template still "2021" from table 三')
def _(name):
    doc = read_seed('003')
    doc.drop_part(1)
    return utf8(emit(doc, 'markdown')), doc.expected


@case('004-no-part3', '004', 'web', 'utf-8',
      'part 三 removed: applications null, template still "2019" from table 二')
def _(name):
    doc = read_seed('004')
    doc.drop_part(2)
    return utf8(emit(doc, 'web')), doc.expected


# 7. Tables split at a page break (Markdown).
def _row_index(t, rid):
    for i, r in enumerate(t.rows):
        if r.kind == 'data' and r.paths and r.paths[0].split('.')[1] == rid:
            return i
    raise KeyError(rid)


@case('001-markdown-split', '001', 'markdown', 'utf-8',
      'seed 001 in Markdown with table 三 split in two at a page break (second part '
      'starts with an empty header row), as seed 003 shows')
def _(name):
    doc = read_seed('001')
    t3 = doc.parts[2].items[0][1]
    t3.split_before = _row_index(t3, 'denied_internal_affairs')
    return utf8(emit(doc, 'markdown')), doc.expected


@case('004-markdown-split-figures', '004', 'markdown', 'utf-8',
      'seed 004 with figures in Markdown: table 二 split between 第(五)项 and 第(六)项, '
      'table 三 split right after a label row whose numbers sit on the next row')
def _(name):
    doc = read_seed('004')
    apply_figures(doc, rng_for(name), '1827.19')
    t2 = doc.parts[1].items[0][1]
    t2.split_before = next(i for i, r in enumerate(t2.rows)
                           if r.kind == 'caption' and '(六)' in r.cells[0])
    t3 = doc.parts[2].items[0][1]
    i = _row_index(t3, 'denied_state_secret')
    t3.rows[i].values_next_row = True
    t3.split_before = i + 1
    return utf8(emit(doc, 'markdown')), doc.expected


# ---------------------------------------------------------------------------

README_HEAD = """# Parser corpus

Generated by `generate.py` (beside this file) from the five seed reports in
`../seeds/`; do not edit by hand: change the script and run

    python3 tests/data/corpus/generate.py

Each folder holds `input.txt` (the document's bytes) and `expected.json`
(what `govreport_parse` must give: the canonical JSON of SPEC §3 without
`"text"`). `tests/test-corpus.c` parses every `input.txt` and compares every
key of `expected.json` (template, year, organ, title, published and every
table cell: value and null-ness) through the public API.

Expectations are derived, never produced by the library: the script reads
each seed into a model of its parts and table cells, checks that model against
the seed's `.expected.json`, applies a transformation to the document and the
*same* transformation to the expectation (a substituted figure is written to
its path, a dash or blank cell becomes null, a removed table makes its section
null). Labels are copied exactly as the seed prints them unless the case is
about labels. Random figures come from fixed seeds, so reruns give the same
bytes (`generate.py --check` verifies the checked-in files).

Layouts (SPEC §2): `pipe` = item 1, `tab` = item 2, `markdown` = item 3,
`web` = item 4.

| case | seed | layout | encoding | what it exercises |
|---|---|---|---|---|
"""


# Cases the simple reader above cannot read back: empty cells inside a row
# (it drops empty cells).  Checked by eye.
NOT_READ_BACK = {'003-dashes-blanks'}


def build(outdir):
    os.makedirs(outdir, exist_ok=True)
    # Remove cases from earlier runs (only folders this script writes).
    for entry in sorted(os.listdir(outdir)):
        path = os.path.join(outdir, entry)
        if os.path.isdir(path) and os.path.exists(os.path.join(path, 'expected.json')):
            shutil.rmtree(path)
    names = set()
    rows = []
    for name, seed, layout, encoding, what, fn in CASES:
        assert name not in names, name
        names.add(name)
        data, expected = fn(name)
        assert 'text' not in expected
        if name not in NOT_READ_BACK:
            # Check the generator: read the case back with the seed reader
            # (decoded and normalised as SPEC §4 says) and compare.
            check_doc(read_document(name, decode_input(data), layout, expected, loose=True),
                      loose=True)
        d = os.path.join(outdir, name)
        os.makedirs(d)
        with open(os.path.join(d, 'input.txt'), 'wb') as f:
            f.write(data)
        with open(os.path.join(d, 'expected.json'), 'w', encoding='utf-8', newline='\n') as f:
            f.write(dump_json(expected) + '\n')
        rows.append('| `%s` | %s | %s | %s | %s |' % (name, seed, layout, encoding,
                                                     what.replace('|', '\\|')))
    with open(os.path.join(outdir, 'README.md'), 'w', encoding='utf-8', newline='\n') as f:
        f.write(README_HEAD + '\n'.join(rows) + '\n')
    return len(rows)


def main(argv):
    if len(argv) > 1 and argv[1] == '--check':
        with tempfile.TemporaryDirectory() as tmp:
            n = build(tmp)
            bad = []
            for root, _, files in os.walk(tmp):
                for f in files:
                    rel = os.path.relpath(os.path.join(root, f), tmp)
                    mine = os.path.join(HERE, rel)
                    with open(os.path.join(root, f), 'rb') as a:
                        fresh = a.read()
                    try:
                        with open(mine, 'rb') as b:
                            if b.read() != fresh:
                                bad.append(rel)
                    except FileNotFoundError:
                        bad.append(rel)
            if bad:
                print('out of date: ' + ', '.join(sorted(bad)))
                return 1
            print('%d cases up to date' % n)
            return 0
    n = build(HERE)
    print('wrote %d cases to %s' % (n, HERE))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
