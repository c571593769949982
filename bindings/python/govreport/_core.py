"""The implementation of the govreport package (see its docstring).

Private: ``govreport/__init__.py`` re-exports the public names, so that
``dir(govreport)`` shows the API and not this module's imports.
"""

from __future__ import annotations

import collections
import concurrent.futures
import dataclasses
import enum
import json
import os
import subprocess
import tempfile
import threading
import weakref
from ctypes import byref, c_char_p, c_int, c_int64, c_size_t, c_uint, c_void_p
from dataclasses import dataclass
from decimal import Decimal
from typing import (Any, Dict, Iterable, Iterator, List, Optional, Tuple,
                    Union)

from . import _lib
from ._lib import DiffPtr, ReportPtr

# The C library, loaded on first use (so that `import govreport` and
# help(govreport) work without it); ImportError there, with the hint.
_L = _lib.LazyLibrary()

# What a path to a file may be given as.
PathLike = Union[str, "os.PathLike[str]"]

# Flags of include/govreport.h.
_JSON_DETAIL = 1 << 0
_JSON_PRETTY = 1 << 1
_BLANK_AS_ZERO = 1 << 2
_INFER = 1 << 3
_VALIDATE_DETAIL = 1 << 4
_LANG_EN = 1 << 8
_RENDER_ANNOTATE = 1 << 15
_RENDER_PAGE = 1 << 19

_TEMPLATES = {2019: "2019", 2021: "2021"}
_SEVERITIES = {0: "info", 1: "warning", 2: "error"}
_STATES = {0: "missing", 1: "present", 2: "blank", 3: "dash", 4: "invalid",
           5: "inferred"}
_FIELDS = {"organ": 0, "title": 1, "published": 2, "overview": 3,
           "problems": 4, "other_matters": 5}
_RENDER_FORMATS = {"html": 0, "markdown": 1, "csv": 2, "text": 3}
_DIFF_KINDS = {0: "cell", 1: "table", 2: "template", 3: "year", 4: "text"}


class Status(enum.IntEnum):
    """enum govreport_status: what a call of the C library did."""

    OK = 0
    ERR_ARGUMENT = -1
    ERR_NOMEM = -2
    ERR_INPUT_EMPTY = -3
    ERR_INPUT_TOO_LARGE = -4
    ERR_INPUT_NOT_TEXT = -5
    ERR_JSON = -6
    ERR_NOT_FOUND = -7
    ERR_TYPE = -8
    ERR_RANGE = -9
    ERR_LIMIT = -10
    ERR_TEMPLATE = -11
    ERR_INTERNAL = -12
    ERR_YEARS = -13
    ERR_INPUT_UNSUPPORTED = -14
    ERR_INPUT_NO_TEXT = -15


class GovreportError(Exception):
    """A call of the library failed.

    ``status`` is the library's status (a ``Status``, or the bare number for
    one this binding does not know), ``message`` its description
    (govreport_status_str()), and ``detail`` more where the library gives
    it (the JSON path of a from_json() error), else None.
    """

    def __init__(self, status: int, detail: Optional[str] = None,
                 context: Optional[str] = None,
                 explanation: Optional[str] = None) -> None:
        try:
            self.status: Union[Status, int] = Status(status)
        except ValueError:
            self.status = status
        raw = _L.status_str(status)
        self.message: str = raw.decode("utf-8") if raw else "unknown status"
        self.detail = detail
        # explanation, where the binding knows better, replaces the
        # library's generic description in the text (not in .message).
        text = explanation or self.message
        if detail:
            text = "{}: {}".format(text, detail)
        if context:
            text = "{}: {}".format(context, text)
        super().__init__(text)


def _check(status: int, context: Optional[str] = None,
           detail: Optional[str] = None) -> None:
    if status != Status.OK:
        raise GovreportError(status, detail, context)


def _text(raw: Optional[bytes]) -> Optional[str]:
    return raw.decode("utf-8") if raw is not None else None


# The columns that hold money (万元): fees.amount, procurement.amount.
_MONEY_COLUMNS = frozenset({"amount"})


def _is_money(path: str) -> bool:
    return path.rsplit(".", 1)[-1] in _MONEY_COLUMNS


def _decimal(coefficient: int, scale: int, money: bool) -> Union[int, Decimal]:
    """coefficient × 10^-scale: an int for a count, an exact Decimal for
    money (whole amounts too, so that a column of money is all Decimal)."""
    if scale == 0 and not money:
        return coefficient
    return Decimal(coefficient).scaleb(-scale)


def _money_value(value: Any) -> Any:
    """A money value read from JSON (int or Decimal) as a Decimal."""
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(value)


def _is_table(value: Any) -> bool:
    """Whether a value of the canonical JSON's top level is a table: an
    object of rows, each an object of cells (not "text")."""
    return (isinstance(value, dict) and bool(value) and
            all(isinstance(row, dict) for row in value.values()))


def _tables(doc: Dict[str, Any]) -> Iterator[Tuple[str, Dict[str, Any]]]:
    """(section, rows) of each table the report has, in JSON order."""
    for section, value in doc.items():
        if section != "text" and _is_table(value):
            yield section, value


def library_version() -> str:
    """The loaded C library's version, e.g. "1.0.0"."""
    return _L.version().decode("ascii")


@dataclass(frozen=True)
class Cell:
    """A cell's value and how it was read.

    ``value`` is an int (a count), a ``decimal.Decimal`` (money, always,
    exact: whole amounts too), or None; ``state`` is "present", "inferred"
    (both with a value), "blank", "dash", "invalid" or "missing" (all None).
    ``line`` is the source line it was read from (None when not read from
    text) and ``raw`` its text as read.
    """

    path: str
    value: Union[int, Decimal, None]
    state: str
    line: Optional[int] = None
    raw: Optional[str] = None


@dataclass(frozen=True)
class Diagnostic:
    """One finding of parse, validate or compare (SPEC §5).

    ``code`` is stable (``T3_BALANCE``), ``severity`` "error", "warning" or
    "info", ``message`` in the language asked for; ``section``, ``row`` and
    ``column`` are the ids of the cell it is about (None where it is about
    no cell), ``line`` its source line, ``expected`` and ``actual`` the
    numbers involved where there are any.
    """

    code: str
    severity: str  # "error", "warning", "info"
    message: str
    section: Optional[str] = None
    row: Optional[str] = None
    column: Optional[str] = None
    line: Optional[int] = None
    expected: Optional[int] = None
    actual: Optional[int] = None

    def to_dict(self) -> Dict[str, Any]:
        """The diagnostic as a dict, keys in field order (code, severity,
        message, section, row, column, line, expected, actual): for
        json.dumps() or a pandas DataFrame."""
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Difference:
    """One key in which two reports differ (govreport_diff()).

    ``kind`` is "cell", "table", "template", "year" or "text"; ``section``,
    ``row`` and ``column`` name the key as the canonical JSON does. ``a`` and
    ``b`` are each side: a ``Cell`` for a cell, True/False for a table (is
    it there), the year (or None), the template name or the text (or None).
    """

    kind: str
    section: str
    row: Optional[str]
    column: Optional[str]
    a: Any
    b: Any

    @property
    def path(self) -> str:
        """The key as one dotted path, "applications.granted.total"."""
        return ".".join(p for p in (self.section, self.row, self.column) if p)


def _free_report(handle: Any) -> None:
    _L.free(handle)


# Report.cell()'s "no default given".
_NO_DEFAULT = object()


class Report:
    """A parsed (or read, or totalled) report: one handle of the C library.

    Make one with ``read()``, ``parse()``, ``from_json()``, ``sum()`` or
    ``Report.new()``. It is freed by ``close()``, by leaving a ``with``
    block, or when the object is collected.
    """

    def __init__(self, handle: Any) -> None:
        # Private: the library's functions make reports.
        if not handle:
            raise ValueError("no report handle")
        self._handle = handle
        self._finalizer = weakref.finalize(self, _free_report, handle)

    # ---- life ----------------------------------------------------------

    @classmethod
    def new(cls, template: str, year: Optional[int] = None) -> "Report":
        """An empty report of template "2019" or "2021": every cell missing."""
        tpl = {name: num for num, name in _TEMPLATES.items()}.get(str(template))
        if tpl is None:
            raise ValueError("template must be '2019' or '2021', not {!r}".format(template))
        handle = ReportPtr()
        _check(_L.new(tpl, year or 0, byref(handle)), "new")
        return cls(handle)

    def close(self) -> None:
        """Free the handle now (also done by a with block or collection)."""
        self._finalizer()

    @property
    def closed(self) -> bool:
        """Whether close() has freed the handle."""
        return not self._finalizer.alive

    def __enter__(self) -> "Report":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def _ptr(self) -> Any:
        if not self._finalizer.alive:
            raise ValueError("the report is closed")
        return self._handle

    def __repr__(self) -> str:
        if self.closed:
            return "<govreport.Report closed>"
        return "<govreport.Report template={!r} year={!r} organ={!r}>".format(
            self.template, self.year, self.organ)

    # ---- metadata --------------------------------------------------------

    @property
    def template(self) -> Optional[str]:
        """ "2019", "2021", or None when no table matched a template."""
        return _TEMPLATES.get(_L.template(self._ptr))

    @property
    def year(self) -> Optional[int]:
        """The reporting year (统计年度), or None when unknown."""
        return _L.year(self._ptr) or None

    def _field(self, name: str) -> Optional[str]:
        return _text(_L.field(self._ptr, _FIELDS[name]))

    @property
    def organ(self) -> Optional[str]:
        """The reporting organ, or None when the report does not say."""
        return self._field("organ")

    @property
    def title(self) -> Optional[str]:
        """The report's title line as printed, or None."""
        return self._field("title")

    @property
    def published(self) -> Optional[str]:
        """The closing date, "YYYY-MM-DD", or None."""
        return self._field("published")

    @property
    def text(self) -> Dict[str, Optional[str]]:
        """The prose of parts 一, 五 and 六 (overview, problems, other_matters)."""
        return {k: self._field(k) for k in ("overview", "problems", "other_matters")}

    # ---- cells and JSON ------------------------------------------------------

    def cell(self, path: str, default: Any = _NO_DEFAULT) -> Any:
        """A cell by path, e.g. "applications.new_received.total".

        For a path the report's template does not have, or whose table is
        absent ("active_disclosure.fees.amount" in a 2019 report), returns
        ``default`` when one is given (``cell(path, default=None)``), else
        raises GovreportError (ERR_NOT_FOUND). ``cell_paths(template)``
        lists the paths of a template.
        """
        coefficient, scale, state = c_int64(), c_uint(), c_int()
        key = path.encode("utf-8")
        status = _L.get_decimal(self._ptr, key, byref(coefficient), byref(scale),
                                byref(state))
        if status == Status.ERR_NOT_FOUND and default is not _NO_DEFAULT:
            return default
        _check(status, path)
        line, raw = c_size_t(), c_char_p()
        _check(_L.get_source(self._ptr, key, byref(line), byref(raw)), path)
        state_name = _STATES.get(state.value, str(state.value))
        has_value = state_name in ("present", "inferred")
        return Cell(path=path,
                    value=(_decimal(coefficient.value, scale.value, _is_money(path))
                           if has_value else None),
                    state=state_name,
                    line=line.value or None,
                    raw=_text(raw.value))

    def to_json(self, detail: bool = False, pretty: bool = False) -> str:
        """The canonical JSON (format govreport-1)."""
        flags = (_JSON_DETAIL if detail else 0) | (_JSON_PRETTY if pretty else 0)
        out, length = c_void_p(), c_size_t()
        _check(_L.to_json(self._ptr, flags, byref(out), byref(length)), "to_json")
        return _L.take_string(out, length.value)

    def to_dict(self, detail: bool = False) -> Dict[str, Any]:
        """The canonical JSON as Python objects, as json.loads() gives them
        (so that json.dumps() takes them back): money with decimal places
        as exact decimal.Decimal, whole amounts as int. ``records()`` and
        ``cell()`` give money as Decimal always."""
        return json.loads(self.to_json(detail=detail), parse_float=Decimal)

    def records(self) -> List[Dict[str, Any]]:
        """The report's cells as a list of flat dicts, one per cell, in
        the order of the canonical JSON: what a pandas user turns into a
        DataFrame (``pandas.DataFrame(report.records())``).

        Each dict has the keys ``section``, ``row``, ``column`` (the ids
        of SPEC §1), ``value`` (an int for a count, a decimal.Decimal for
        money, always; None for a cell without a value), ``state``
        ("present", "inferred", "blank", "dash", "invalid", "missing") and
        ``line`` (the source line, None when the cell was not read from
        text). A table the report does not have gives no records.
        """
        doc = self.to_dict(detail=True)
        out = []
        for section, rows in _tables(doc):
            for row, cells in rows.items():
                for column, cell in cells.items():
                    if not isinstance(cell, dict):
                        cell = {"value": cell, "state": "present"}
                    value = cell.get("value")
                    if column in _MONEY_COLUMNS:
                        value = _money_value(value)
                    out.append({
                        "section": section,
                        "row": row,
                        "column": column,
                        "value": value,
                        "state": cell.get("state"),
                        "line": cell.get("line") or None,
                    })
        return out

    # ---- checks ---------------------------------------------------------------

    def diagnostics(self, lang: str = "zh") -> List[Diagnostic]:
        """What parsing (and validation, comparison) found so far."""
        flags = _lang_flag(lang)
        handle = self._ptr
        out = []
        for i in range(_L.diag_count(handle)):
            expected, actual = c_int64(), c_int64()
            has_expected = _L.diag_expected(handle, i, byref(expected))
            has_actual = _L.diag_actual(handle, i, byref(actual))
            out.append(Diagnostic(
                code=_text(_L.diag_code(handle, i)) or "",
                severity=_SEVERITIES.get(_L.diag_severity(handle, i), "error"),
                message=_text(_L.diag_message(handle, i, flags)) or "",
                section=_text(_L.diag_section(handle, i)),
                row=_text(_L.diag_row(handle, i)),
                column=_text(_L.diag_column(handle, i)),
                line=_L.diag_line(handle, i) or None,
                expected=expected.value if has_expected else None,
                actual=actual.value if has_actual else None))
        return out

    def validate(self, lang: str = "zh", blank_as_zero: bool = False,
                 infer: bool = False, detail: bool = False) -> List[Diagnostic]:
        """Run the checks of SPEC §5 and return all the report's diagnostics
        (the parser's and the checks'), messages in Chinese or English.

        blank_as_zero reads blank cells as 0; infer fills the null cells the
        tables' equations determine (this changes the report); detail also
        lists the checks skipped for a null cell.
        """
        flags = ((_BLANK_AS_ZERO if blank_as_zero else 0) |
                 (_INFER if infer else 0) | (_VALIDATE_DETAIL if detail else 0))
        _lang_flag(lang)
        _check(_L.validate(self._ptr, flags), "validate")
        return self.diagnostics(lang)

    def compare(self, previous: "Report", lang: str = "zh",
                blank_as_zero: bool = False) -> List[Diagnostic]:
        """The cross-year checks against last year's report (XY_CARRYOVER,
        XY_IN_FORCE); returns all this report's diagnostics. Raises
        GovreportError (ERR_YEARS) unless the years are consecutive."""
        _lang_flag(lang)
        flags = _BLANK_AS_ZERO if blank_as_zero else 0
        _check(_L.compare(previous._ptr, self._ptr, flags), "compare")
        return self.diagnostics(lang)

    def render(self, fmt: str = "html", lang: str = "zh",
               annotate: bool = False, page: bool = False) -> str:
        """The report as its template's forms: "html", "markdown", "csv"
        or "text". HTML is unstyled, each value cell named by its
        data-section, data-row and data-column; page=True adds a style
        sheet that looks and prints like the official form, annotate=True
        marks the cells the report's diagnostics name (HTML only)."""
        if fmt not in _RENDER_FORMATS:
            raise ValueError("format must be one of {}".format(", ".join(_RENDER_FORMATS)))
        flags = (_lang_flag(lang) | (_RENDER_ANNOTATE if annotate else 0) |
                 (_RENDER_PAGE if page else 0))
        out, length = c_void_p(), c_size_t()
        _check(_L.render(self._ptr, _RENDER_FORMATS[fmt], flags, byref(out),
                         byref(length)), "render")
        return _L.take_string(out, length.value)

    def diff(self, other: "Report") -> List[Difference]:
        """What differs from another report; see govreport.diff()."""
        return diff(self, other)


def _lang_flag(lang: str) -> int:
    if lang == "zh":
        return 0
    if lang == "en":
        return _LANG_EN
    raise ValueError("lang must be 'zh' or 'en', not {!r}".format(lang))


# A str longer than this is never taken for a file name.
_PATH_MAX = 4096


def _names_a_file(text: str) -> bool:
    """Whether a str given to parse() looks like a path and not a report:
    no line break, and an existing file by that name."""
    if not text or len(text) > _PATH_MAX or "\n" in text or "\r" in text:
        return False
    try:
        return os.path.isfile(text)
    except (OSError, ValueError):
        return False


def _parse_bytes(data: bytes, context: str) -> Report:
    handle = ReportPtr()
    _check(_L.parse(data, len(data), 0, byref(handle)), context)
    return Report(handle)


# ---- PDF, through poppler's pdftotext ----------------------------------------
#
# Poppler is GPL and libgovreport is MIT: poppler is never linked, into the
# library or into this binding. A PDF is read by running poppler's
# `pdftotext -bbox-layout FILE -` as a separate program (found on PATH, no
# shell) and parsing the XHTML of word boxes it writes, which the library
# reads as one of its input shapes. The govreport tool does the same
# (examples/cli/pdf.c).

# GOVREPORT_MAX_INPUT: what pdftotext writes is read up to this size.
_MAX_INPUT = 64 * 1024 * 1024


def _is_pdf(data: bytes) -> bool:
    return data[:5] == b"%PDF-"


def _pdftotext(path: str, context: str) -> bytes:
    """`pdftotext -bbox-layout PATH -`'s output, for a PDF file."""
    # "./-x.pdf": a name pdftotext would take for an option.
    if path.startswith("-"):
        path = os.path.join(".", path)
    # Its messages go to a file, not a pipe that could fill while its
    # output is read.
    with tempfile.TemporaryFile() as errors:
        try:
            child = subprocess.Popen(
                ["pdftotext", "-bbox-layout", path, "-"],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=errors)
        except FileNotFoundError:
            raise GovreportError(
                Status.ERR_INPUT_UNSUPPORTED, context=context,
                explanation="a PDF is read through poppler's pdftotext, which "
                "was not found on PATH: install the package poppler-utils "
                "(Debian, Ubuntu: apt-get install poppler-utils)") from None
        with child:
            assert child.stdout is not None
            out = child.stdout.read(_MAX_INPUT + 1)
            if len(out) > _MAX_INPUT:
                child.kill()
                child.wait()
                raise GovreportError(Status.ERR_INPUT_TOO_LARGE, context=context,
                                     detail="the text pdftotext made of the PDF")
            child.stdout.read()  # nothing more: wait for its end
            status = child.wait()
        if status != 0:
            errors.seek(0)
            lines = errors.read(4096).decode("utf-8", "replace").strip().splitlines()
            reason = "pdftotext could not read this PDF (exit status {})".format(status)
            if lines:
                reason += ": " + lines[-1]
            raise GovreportError(Status.ERR_INPUT_NOT_TEXT, context=context,
                                 explanation=reason)
    if b"<word " not in out:
        raise GovreportError(
            Status.ERR_INPUT_NO_TEXT, context=context,
            explanation="input has no text layer (needs OCR): the PDF holds no "
            "text, only images (a scan); run OCR on it first, e.g. "
            "ocrmypdf FILE.pdf OUT.pdf")
    return out


def _pdf_bytes_to_bbox(data: bytes, context: str) -> bytes:
    """The same for a PDF in memory: through a temporary file (pdftotext
    seeks in its input)."""
    fd, name = tempfile.mkstemp(prefix="govreport-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        return _pdftotext(name, context)
    finally:
        os.unlink(name)


def read(path: PathLike) -> Report:
    """Read a report from a file: a str or any path-like.

    The file's bytes are parsed with their shape detected (text, Markdown,
    HTML, pdftotext -layout text; UTF-8, UTF-16 with a BOM, GB18030;
    ``.docx`` and ``.odt`` files), as ``parse()`` does.

    A PDF (a file whose bytes start with ``%PDF-``, whatever its name) is
    read through poppler's ``pdftotext -bbox-layout FILE -``, run as a
    separate program (poppler is GPL and is never linked): install the
    Debian package ``poppler-utils``. Without it, GovreportError
    (ERR_INPUT_UNSUPPORTED) says so; a PDF with no text layer (a scan)
    gives GovreportError (ERR_INPUT_NO_TEXT) saying it needs OCR; one
    pdftotext cannot read, ERR_INPUT_NOT_TEXT with its message.

    Raises OSError when the file cannot be read, GovreportError for
    unusable content (empty, binary, too large), naming the file.
    """
    if isinstance(path, bytes) or not isinstance(path, (str, os.PathLike)):
        raise TypeError("read() takes a path (str or os.PathLike), not {}".format(
            type(path).__name__))
    name = os.fspath(path)
    with open(name, "rb") as f:
        data = f.read()
    if _is_pdf(data):
        if os.path.isfile(name):
            data = _pdftotext(name, str(name))
        else:  # a pipe, a device: pdftotext needs a file it can seek in
            data = _pdf_bytes_to_bbox(data, str(name))
    return _parse_bytes(data, str(name))


def parse(source: Union[str, bytes, bytearray, memoryview, "os.PathLike[str]"]) -> Report:
    """Parse a report in memory: its text (str) or its bytes (UTF-8, UTF-16
    with a BOM, GB18030; HTML, pdftotext -layout text; a .docx or .odt
    file's bytes; a PDF's bytes, through pdftotext as ``read()`` says). For
    a file, use ``read(path)``.

    A readable document never fails: what cannot be read becomes a
    diagnostic and a None cell. Raises GovreportError for unusable input
    (empty, binary, too large). A str that names an existing file and holds
    no line break is refused with ValueError (it is a path, not a report:
    use ``read()``); an os.PathLike (pathlib.Path) is read as a file, as
    ``read()`` does.
    """
    if isinstance(source, os.PathLike):
        return read(source)
    if isinstance(source, str):
        if _names_a_file(source):
            raise ValueError(
                "parse() takes a report's text, and {!r} is the name of a file: "
                "read the file with govreport.read({!r})".format(source, source))
        data = source.encode("utf-8")
    elif isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if _is_pdf(data):
            data = _pdf_bytes_to_bbox(data, "parse")
    else:
        raise TypeError("parse() takes str or bytes (or a path: see read()), not {}".format(
            type(source).__name__))
    return _parse_bytes(data, "parse")


def _read_records(path: PathLike) -> List[Dict[str, Any]]:
    name = os.fspath(path)
    with read(path) as report:
        return [dict(file=name, **record) for record in report.records()]


def read_many(paths: Iterable[PathLike], jobs: Optional[int] = None,
              records: bool = False) -> Iterator[Any]:
    """Read many report files in ``jobs`` threads (default: the number of
    CPUs), yielding in input order.

    Yields ``(path, report)`` for each path as given; each report is the
    caller's (close it, or use it in a with block, or let it be
    collected). With ``records=True`` it yields instead the records of
    every report, one dict per cell as ``Report.records()`` gives them with
    a ``"file"`` key first (``os.fspath(path)``), the reports closed:
    ``pandas.DataFrame(govreport.read_many(paths, records=True))``.

    The C library is reentrant and ctypes releases the GIL while it runs,
    so threads read and parse in parallel. At most about 2 × jobs reports
    are read ahead. A file that cannot be read raises its error (OSError,
    GovreportError, naming the file) when its turn comes, ending the
    iteration.
    """
    if isinstance(paths, (str, bytes, os.PathLike)):
        raise TypeError("read_many() takes an iterable of paths (for a folder: "
                        "sorted(pathlib.Path(folder).glob('*.txt'))); for one file, use read()")
    if jobs is None:
        jobs = os.cpu_count() or 1
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError("jobs must be a positive int, not {!r}".format(jobs))
    return _read_many(iter(paths), jobs, records)


def _read_many(source: Iterator[PathLike], jobs: int, records: bool) -> Iterator[Any]:
    work = _read_records if records else read
    window = 2 * jobs
    pending: "collections.deque[Tuple[Any, concurrent.futures.Future[Any]]]" = \
        collections.deque()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=jobs)
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                try:
                    path = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending.append((path, pool.submit(work, path)))
            if not pending:
                return
            path, future = pending.popleft()
            result = future.result()
            if records:
                yield from result
            else:
                yield path, result
    finally:
        for _, future in pending:
            future.cancel()
        pool.shutdown(wait=True)


_CELL_PATHS: Dict[str, Tuple[str, ...]] = {}
_CELL_PATHS_LOCK = threading.Lock()


def cell_paths(template: Union[str, int]) -> List[str]:
    """Every cell path of a template ("2019" or "2021"), in the order of the
    canonical JSON: "active_disclosure.rules.issued", …,
    "review_litigation.litigation_after_review.total". These are the paths
    ``Report.cell()`` takes for a report of that template.
    Raises ValueError for another template.
    """
    name = str(template)
    with _CELL_PATHS_LOCK:
        paths = _CELL_PATHS.get(name)
        if paths is None:
            with Report.new(name) as blank:
                doc = blank.to_dict()
            paths = tuple("{}.{}.{}".format(section, row, column)
                          for section, rows in _tables(doc)
                          for row, cells in rows.items()
                          for column in cells)
            _CELL_PATHS[name] = paths
    return list(paths)


def label(template: Union[str, int], path: str, lang: str = "zh") -> str:
    """The official label of a table, row or column of a template ("2019"
    or "2021"), in its own wording: ``label("2021", "applications.granted")``
    is "（一）予以公开"; of a cell path, its column's label ("总计" for
    "applications.granted.total"). ``lang="en"`` gives the English label.
    Raises ValueError for another template or a path it does not have.
    """
    tpl = {name: num for num, name in _TEMPLATES.items()}.get(str(template))
    if tpl is None:
        raise ValueError("template must be '2019' or '2021', not {!r}".format(template))
    text = _L.label(tpl, path.encode("utf-8"), _lang_flag(lang))
    if text is None:
        raise ValueError("template {} has no {!r}".format(_TEMPLATES[tpl], path))
    return text.decode("utf-8")


def from_json(text: Union[str, bytes]) -> Report:
    """Read a report from govreport-1 JSON (what to_json() writes)."""
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    handle, error = ReportPtr(), c_void_p()
    status = _L.from_json(data, len(data), 0, byref(handle), byref(error))
    detail = _L.take_string(error) if error.value else None
    _check(status, "from_json", detail)
    return Report(handle)


def sum(reports: Iterable[Report]) -> Report:  # noqa: A001 (the API's name)
    """Total several reports of one template and year, cell by cell (汇总).

    A cell None in any report is None in the total, with a SUM_INCOMPLETE
    diagnostic saying how many lacked it and what the others add up to.
    Raises GovreportError: ERR_TEMPLATE when templates or years differ (the
    message names the first report that differs from the first one),
    ERR_ARGUMENT for no reports.
    """
    items = list(reports)
    for r in items:
        if not isinstance(r, Report):
            raise TypeError("sum() takes Reports, not {}".format(type(r).__name__))
    if items:
        first = items[0]
        for i, r in enumerate(items):
            if r.template is not None and (r.template, r.year) == (first.template, first.year):
                continue
            raise GovreportError(
                Status.ERR_TEMPLATE, context="sum",
                explanation="report {} has template {}, year {}; report 1 has "
                "template {}, year {}: only reports of one template and year "
                "add up".format(i + 1, r.template, r.year, first.template, first.year))
    array = (ReportPtr * max(len(items), 1))(*[r._ptr for r in items])
    handle = ReportPtr()
    _check(_L.sum(array, len(items), byref(handle)), "sum")
    return Report(handle)


def _diff_side(handle: Any, i: int, kind: str, which: str, path: str) -> Any:
    if kind == "text" or kind == "template":
        text_fn = _L.diff_text_a if which == "a" else _L.diff_text_b
        return _text(text_fn(handle, i))
    coefficient, scale, state = c_int64(), c_uint(), c_int()
    value_fn = _L.diff_a if which == "a" else _L.diff_b
    _check(value_fn(handle, i, byref(coefficient), byref(scale), byref(state)), "diff")
    state_name = _STATES.get(state.value, str(state.value))
    has_value = state_name in ("present", "inferred")
    if kind == "table":
        return has_value
    if kind == "year":
        return coefficient.value if has_value else None
    return Cell(path=path,
                value=(_decimal(coefficient.value, scale.value, _is_money(path))
                       if has_value else None),
                state=state_name)


class _DiffHandle:
    """A struct govreport_diff for the length of a with block."""

    def __init__(self, a: Report, b: Report) -> None:
        self.handle = DiffPtr()
        _check(_L.diff(a._ptr, b._ptr, byref(self.handle)), "diff")

    def __enter__(self) -> Any:
        return self.handle

    def __exit__(self, *exc: Any) -> None:
        _L.diff_free(self.handle)


def diff(a: Report, b: Report) -> List[Difference]:
    """What differs between two reports, in the order of the canonical
    JSON. Cells are compared by value: blank, dash and missing are all
    None, 1.5 equals 1.50; each side keeps its state."""
    out = []
    with _DiffHandle(a, b) as handle:
        for i in range(_L.diff_count(handle)):
            kind = _DIFF_KINDS.get(_L.diff_kind(handle, i), "cell")
            section = _text(_L.diff_section(handle, i)) or ""
            row = _text(_L.diff_row(handle, i))
            column = _text(_L.diff_column(handle, i))
            path = ".".join(p for p in (section, row, column) if p)
            out.append(Difference(kind, section, row, column,
                                  _diff_side(handle, i, kind, "a", path),
                                  _diff_side(handle, i, kind, "b", path)))
    return out


def diff_json(a: Report, b: Report, pretty: bool = False) -> str:
    """The differences as the library's JSON ({"differences": [...],
    "count": N}), as `govreport diff` prints it."""
    with _DiffHandle(a, b) as handle:
        out, length = c_void_p(), c_size_t()
        _check(_L.diff_json(handle, _JSON_PRETTY if pretty else 0, byref(out),
                            byref(length)), "diff_json")
        return _L.take_string(out, length.value)
