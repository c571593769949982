"""libgovreport from Python: read, check, total and compare China's
government information-disclosure annual reports (政府信息公开工作年度报告).

A thin layer over the C library through ctypes (no compiled extension)::

    import govreport

    with govreport.read("report.txt") as report:
        print(report.organ, report.year, report.cell("applications.new_received.total"))
        for d in report.validate(lang="en"):
            print(d.severity, d.code, d.message)

``read(path)`` reads a file, ``parse(text_or_bytes)`` a report in memory,
``read_many(paths, jobs=N)`` many files in threads. ``Report.records()``
(and ``read_many(..., records=True)``) give one flat dict per cell, what
``pandas.DataFrame`` takes; ``cell_paths(template)`` lists a template's cells.

The library is found through ``GOVREPORT_LIBRARY`` (a path), then by its
SONAME ``libgovreport.so.1``, when it is first needed: importing this
package never fails for want of it, the first call does (ImportError, with
that hint). A ``Report`` owns a handle of the C library: it is freed by
``close()``, by leaving a ``with`` block, or when the object is collected.
Calls release the GIL, and the library keeps no global state, so different
reports can be parsed and checked in different threads at once; one report
must not be changed (validate, compare) by two threads at the same time.
"""

from ._core import (
    Cell,
    Diagnostic,
    Difference,
    GovreportError,
    Report,
    Status,
    cell_paths,
    diff,
    diff_json,
    from_json,
    label,
    library_version,
    parse,
    read,
    read_many,
    sum,
)

__all__ = [
    "Cell",
    "Diagnostic",
    "Difference",
    "GovreportError",
    "Report",
    "Status",
    "cell_paths",
    "diff",
    "diff_json",
    "from_json",
    "label",
    "library_version",
    "parse",
    "read",
    "read_many",
    "sum",
]

__version__ = "1.0.0"

# The public names belong to this package (help(), repr and pickle say
# govreport.Cell, not govreport._core.Cell).
for _name in __all__:
    globals()[_name].__module__ = __name__
del _name
