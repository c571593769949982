#!/usr/bin/env python3
"""Write the corpus files cut from the test data (made by LibreOffice,
pandoc and pdftotext, tests/fixtures): the seeds of fuzz-docx
(tests/fuzz/corpus/docx) from the .docx and .odt cases, and a pdftotext
-bbox-layout excerpt small enough for a fuzzing run of fuzz-parse.

A seed is what fuzz-docx.c wraps in an archive: a byte choosing the format
(bit 0: .odt, bit 1: deflated), then the XML parts separated by NUL bytes
(.docx: word/document.xml, word/numbering.xml, word/styles.xml; .odt:
content.xml). A seed stays within the -max_len=65536 of a fuzzing run: a
document that is larger loses its largest table (table 三), or keeps only
that table's first rows, to about 60000 bytes.

Run from the top of the source tree: tests/fuzz/make-corpus.py
"""
import os
import zipfile
import xml.dom.minidom

DOCX, ODT, DEFLATE = 0, 1, 2
MAX_LEN = 65536
BUDGET = 60000
OUT = 'tests/fuzz/corpus/docx'
BBOX = 'tests/data/input/pdftotext-bbox/004-simplified/input.html'
BBOX_OUT = 'tests/fuzz/corpus/parse/pdftotext-bbox-004-pages-1-4.html'


def part(archive, name):
    with zipfile.ZipFile(archive) as z:
        return z.read(name) if name in z.namelist() else b''


def body_of(dom, fmt):
    tag = 'office:text' if fmt & ODT else 'w:body'
    return dom.getElementsByTagName(tag)[0]


def tables(body, fmt):
    tag = 'table:table' if fmt & ODT else 'w:tbl'
    return [c for c in body.childNodes if c.nodeType == c.ELEMENT_NODE and c.tagName == tag]


def without_largest_table(xml_bytes, fmt):
    dom = xml.dom.minidom.parseString(xml_bytes)
    body = body_of(dom, fmt)
    largest = max(tables(body, fmt), key=lambda t: len(t.toxml()))
    body.removeChild(largest)
    return dom.toxml(encoding='UTF-8')


def largest_table_only(xml_bytes, fmt, budget):
    """The body reduced to its largest table, rows cut from the end until
    the part fits the budget."""
    dom = xml.dom.minidom.parseString(xml_bytes)
    body = body_of(dom, fmt)
    largest = max(tables(body, fmt), key=lambda t: len(t.toxml()))
    for c in list(body.childNodes):
        if c is not largest and not (c.nodeType == c.ELEMENT_NODE and
                                     c.tagName.endswith('sectPr')):
            body.removeChild(c)
    row = 'table:table-row' if fmt & ODT else 'w:tr'
    rows = largest.getElementsByTagName(row)
    while len(dom.toxml(encoding='UTF-8')) > budget and rows:
        rows[-1].parentNode.removeChild(rows[-1])
        rows = largest.getElementsByTagName(row)
    return dom.toxml(encoding='UTF-8')


def write(name, fmt, parts):
    seed = bytes([fmt]) + b'\0'.join(parts)
    assert len(seed) <= MAX_LEN, (name, len(seed))
    with open(os.path.join(OUT, name), 'wb') as f:
        f.write(seed)
    print(f'{name}: {len(seed)} bytes')


def docx(case):
    return f'tests/data/input/docx/{case}/input.docx'


def odt(case):
    return f'tests/data/input/odt/{case}/input.odt'


def bbox_pages(keep):
    """The XHTML with only the pages numbered in keep (from 1): the words
    of table 二 (page 1) and table 四 (page 4), 30 KB where the whole is
    120 KB; the tags around the pages stay."""
    out, page, inside = [], 0, False
    with open(BBOX, encoding='utf-8') as f:
        for line in f:
            if line.lstrip().startswith('<page '):
                page, inside = page + 1, True
            if not inside or page in keep:
                out.append(line)
            if line.lstrip().startswith('</page>'):
                inside = False
    data = ''.join(out).encode('utf-8')
    assert len(data) <= MAX_LEN
    with open(BBOX_OUT, 'wb') as f:
        f.write(data)
    print(f'{BBOX_OUT}: {len(data)} bytes')


def main():
    bbox_pages({1, 4})
    os.makedirs(OUT, exist_ok=True)
    tiny_docx = 'tests/fuzz/corpus/parse/tiny.docx'
    tiny_odt = 'tests/fuzz/corpus/parse/tiny.odt'
    write('docx-tiny', DOCX, [part(tiny_docx, 'word/document.xml'),
                              part(tiny_docx, 'word/numbering.xml')])
    write('odt-tiny', ODT, [part(tiny_odt, 'content.xml')])

    # Word numbering, a content control, tracked changes; tables 二 and 四.
    f = docx('numbering-001')
    write('docx-numbering-001', DOCX,
          [without_largest_table(part(f, 'word/document.xml'), DOCX),
           part(f, 'word/numbering.xml'), part(f, 'word/styles.xml')])
    f = docx('numbering-002-traditional')
    write('docx-numbering-002-traditional-deflated', DOCX | DEFLATE,
          [without_largest_table(part(f, 'word/document.xml'), DOCX),
           part(f, 'word/numbering.xml')])
    # Table 三: w:gridSpan and w:vMerge; styles but no numbering.
    f = docx('003-dashes-blanks')
    styles = part(f, 'word/styles.xml')
    write('docx-003-dashes-blanks-table3', DOCX,
          [largest_table_only(part(f, 'word/document.xml'), DOCX,
                              BUDGET - len(styles)), b'', styles])

    # A whole report: content.xml fits.
    f = odt('000-simplified')
    write('odt-000-simplified', ODT, [part(f, 'content.xml')])
    f = odt('003-traditional')
    write('odt-003-traditional', ODT,
          [without_largest_table(part(f, 'content.xml'), ODT)])
    f = odt('004-figures')
    write('odt-004-figures-table3-deflated', ODT | DEFLATE,
          [largest_table_only(part(f, 'content.xml'), ODT, BUDGET)])


if __name__ == '__main__':
    main()
