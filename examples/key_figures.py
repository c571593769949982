#!/usr/bin/env python3
"""key_figures.py FOLDER|FILE...: the key figures of each report, one row
per organ and year, sorted by organ: new applications, granted, total
processed, administrative reviews and lawsuits. A folder is read for its
*.txt, *.md, *.markdown, *.htm and *.html files, and its subfolders likewise
(hidden ones left out); a file there without a table of either template
(a README.md) is no report, and is skipped with a note. A figure the report leaves empty (or a
missing table) prints as "-", never as 0.

The Python twin of examples/key_figures.c: both print the same table.
Needs the govreport package (bindings/python) and libgovreport.so.1 (or
GOVREPORT_LIBRARY set to it).
"""

import os
import sys
import unicodedata
from pathlib import Path

import govreport

# The columns: a header and the cells that add up to the figure.
FIGURES = [
    ("new", ["applications.new_received.total"]),
    ("granted", ["applications.granted.total"]),
    ("processed", ["applications.total_processed.total"]),
    ("reviews", ["review_litigation.review.total"]),
    ("suits", ["review_litigation.litigation_direct.total",
               "review_litigation.litigation_after_review.total"]),
]
SUFFIXES = (".txt", ".md", ".markdown", ".htm", ".html")
ORGAN_WIDTH = 40


def figure(report, paths):
    """The sum of the cells, or None when any is null (or its table absent)."""
    total = 0
    for path in paths:
        try:
            value = report.cell(path).value
        except govreport.GovreportError:  # no such table
            return None
        if value is None:
            return None
        total += value
    return total


def row(path, found=False):
    """The row of a report, or None for a file met in a folder (a
    README.md) that has no table of either template: no report."""
    with govreport.read(path) as report:
        if found and report.template is None:
            print("{}: no report tables, skipped".format(path), file=sys.stderr)
            return None
        return (report.organ or path.name, report.year,
                [figure(report, paths) for _, paths in FIGURES])


def report_files(folder):
    """The report files of a folder and its subfolders, in name order;
    hidden files and folders are left out."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root) / n for n in names
                  if not n.startswith(".") and n.endswith(SUFFIXES)]
    return sorted(found)


def width(text):
    """Columns on a terminal: East Asian wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def main(args):
    if not args:
        print("usage: key_figures.py FOLDER|FILE...", file=sys.stderr)
        return 2
    files = []
    for arg in map(Path, args):
        if arg.is_dir():
            files += [(p, True) for p in report_files(arg)]
        else:
            files.append((arg, False))
    rows, failed = [], False
    for path, found in files:
        try:
            r = row(path, found)
            if r is not None:
                rows.append(r)
        except (OSError, govreport.GovreportError) as e:
            print("{}: {}".format(path, e), file=sys.stderr)
            failed = True
    rows.sort(key=lambda r: (r[0], r[1] or 0))

    def line(organ, year, cells):
        pad = " " * max(ORGAN_WIDTH - width(organ), 0)
        return organ + pad + " {:>4}".format(year) + "".join(
            " {:>9}".format(c) for c in cells)

    print(line("organ", "year", [name for name, _ in FIGURES]))
    for organ, year, values in rows:
        print(line(organ, year or "-", ["-" if v is None else v for v in values]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
