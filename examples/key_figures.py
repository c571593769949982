#!/usr/bin/env python3
"""key_figures.py FOLDER|FILE...: the key figures of each report, one row
per organ and year, sorted by organ: new applications, granted, total
processed, administrative reviews and lawsuits. A folder is read for its
*.txt, *.htm and *.html files. A figure the report leaves empty (or a
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
SUFFIXES = (".txt", ".htm", ".html")
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


def row(path):
    with govreport.parse(path) as report:
        return (report.organ or path.name, report.year,
                [figure(report, paths) for _, paths in FIGURES])


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
            files += sorted(p for p in arg.iterdir() if p.name.endswith(SUFFIXES))
        else:
            files.append(arg)
    rows, failed = [], False
    for path in files:
        try:
            rows.append(row(path))
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
