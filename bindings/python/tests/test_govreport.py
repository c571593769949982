"""Tests of the govreport Python package against the library just built.

`meson test` runs them with GOVREPORT_LIBRARY set to the build's
lib/libgovreport.so.1, PYTHONPATH to bindings/python, and
GOVREPORT_TEST_DATA to tests/data. Standard library only (unittest).
"""

import gc
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest
import unittest.mock
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import govreport
from govreport import Cell, Diagnostic, GovreportError, Status

DATA = pathlib.Path(os.environ.get(
    "GOVREPORT_TEST_DATA",
    pathlib.Path(__file__).resolve().parents[3] / "tests" / "data")).resolve()
SEEDS = DATA / "seeds"
SOURCE_ROOT = pathlib.Path(__file__).resolve().parents[3]

S000 = SEEDS / "000_60b25c9977688c27.txt"  # "2021", 2023, 伊州区民政局
S001 = SEEDS / "001_ebc51afa85553e39.txt"  # "2021", 2024, 锦屏县大同乡人民政府
S002 = SEEDS / "002_c3fcc36b9cf6fff1.txt"  # "2019", 2020, 绿园区民政局
S003 = SEEDS / "003_64f6c83b9150245c.txt"  # "2021", 2021, 卫辉市信访局
S004 = SEEDS / "004_76d98d904843aa38.txt"  # "2019", 2020, 鲤城区…临江街道办事处

# What the library under test reads (meson.build's reads_env; a build
# configured -Dhtml=disabled or -Ddocx=disabled has no reader for them).
READS_HTML = os.environ.get("GOVREPORT_TEST_READS_HTML", "1") == "1"
READS_DOCX = os.environ.get("GOVREPORT_TEST_READS_DOCX", "1") == "1"
NO_HTML = ("this build reads no HTML (-Dhtml=disabled), nor so the XHTML "
           "pdftotext makes of a PDF")


def expected(seed):
    with open(str(seed).replace(".txt", ".expected.json"), encoding="utf-8") as f:
        return json.load(f, parse_float=Decimal)


class ParseTest(unittest.TestCase):
    def test_metadata_of_the_seeds(self):
        with govreport.parse(S001) as r:
            self.assertEqual(r.template, "2021")
            self.assertEqual(r.year, 2024)
            self.assertEqual(r.organ, "锦屏县大同乡人民政府")
            self.assertIsNone(r.title)
            self.assertIsNone(r.published)
        with govreport.parse(S002) as r:
            self.assertEqual(r.template, "2019")
            self.assertEqual(r.year, 2020)
            self.assertEqual(r.organ, "绿园区民政局")
            self.assertEqual(r.title, "绿园区民政局2020年政府信息公开工作年度报告")
            self.assertEqual(r.published, "2021-01-14")
        with govreport.parse(S000) as r:
            self.assertEqual(r.published, "2024-01-16")
            self.assertTrue(r.text["overview"])

    def test_text_bytes_and_path_agree(self):
        raw = S004.read_bytes()
        with govreport.parse(S004) as a, govreport.parse(raw) as b, \
                govreport.parse(raw.decode("utf-8")) as c, \
                govreport.parse(bytearray(raw)) as d:
            self.assertEqual(a.to_json(), b.to_json())
            self.assertEqual(a.to_json(), c.to_json())
            self.assertEqual(a.to_json(), d.to_json())

    def test_to_dict_is_the_expected_json_of_every_seed(self):
        for seed in sorted(SEEDS.glob("*.txt")):
            with self.subTest(seed=seed.name), govreport.parse(seed) as r:
                got = r.to_dict()
                self.assertEqual(list(got)[:2], ["format", "template"])
                del got["text"]
                self.assertEqual(got, expected(seed))

    def test_cells(self):
        with govreport.parse(S004) as r:
            self.assertEqual(r.cell("active_disclosure.other_services.decisions"),
                             Cell("active_disclosure.other_services.decisions", 3600,
                                  "present", r.cell("active_disclosure.other_services.decisions").line,
                                  "3600"))
            amount = r.cell("active_disclosure.procurement.amount")
            self.assertEqual((amount.value, amount.state), (1827190, "present"))
            self.assertGreater(amount.line, 0)
            self.assertEqual(r.cell("active_disclosure.licensing.decisions").value, 87)
        with govreport.parse(S001) as r:
            self.assertEqual(r.cell("active_disclosure.licensing.decisions").value, 17)
            blank = r.cell("active_disclosure.rules.repealed")
            self.assertIsNone(blank.value)
            self.assertEqual(blank.state, "blank")
            self.assertEqual(r.cell("applications.new_received.total").value, 0)
        with govreport.parse(S000) as r:
            total = r.cell("applications.new_received.total")
            self.assertEqual((total.value, total.state), (None, "blank"))
            self.assertEqual(r.cell("active_disclosure.normative_documents.repealed").value, 3)

    def test_money_is_decimal(self):
        with govreport.parse(S001) as r:
            doc = r.to_dict()
        doc["active_disclosure"]["fees"]["amount"] = Decimal("3.26815")
        text = json.dumps(doc, default=str).replace('"3.26815"', "3.26815")
        with govreport.from_json(text) as r:
            cell = r.cell("active_disclosure.fees.amount")
            self.assertIsInstance(cell.value, Decimal)
            self.assertEqual(str(cell.value), "3.26815")
            self.assertEqual(r.to_dict()["active_disclosure"]["fees"]["amount"],
                             Decimal("3.26815"))
            self.assertIn('"amount":3.26815', r.to_json())

    def test_detail_and_pretty_json(self):
        with govreport.parse(S000) as r:
            d = r.to_dict(detail=True)
            self.assertEqual(d["applications"]["new_received"]["total"]["state"], "blank")
            self.assertTrue(r.to_json(pretty=True).endswith("}\n"))

    def test_json_round_trip(self):
        with govreport.parse(S003) as r, govreport.from_json(r.to_json()) as back:
            self.assertEqual(back.to_json(), r.to_json())
            self.assertEqual(back.organ, "卫辉市信访局")

    def test_new(self):
        with govreport.Report.new("2019", 2020) as r:
            self.assertEqual((r.template, r.year), ("2019", 2020))
            self.assertEqual(r.cell("applications.other.total").state, "missing")
        with self.assertRaises(ValueError):
            govreport.Report.new("2018")


class ErrorTest(unittest.TestCase):
    def test_unusable_input(self):
        with self.assertRaises(GovreportError) as cm:
            govreport.parse(b"")
        self.assertEqual(cm.exception.status, Status.ERR_INPUT_EMPTY)
        self.assertEqual(cm.exception.message, "input is empty")
        with self.assertRaises(GovreportError) as cm:
            govreport.parse(b"abc\x00\x01\x02def")
        self.assertEqual(cm.exception.status, Status.ERR_INPUT_NOT_TEXT)
        self.assertIn("input is not text", str(cm.exception))

    def test_unknown_cell(self):
        with govreport.parse(S001) as r:
            with self.assertRaises(GovreportError) as cm:
                r.cell("applications.other.total")  # a "2019" row
            self.assertEqual(cm.exception.status, Status.ERR_NOT_FOUND)
            self.assertTrue(str(cm.exception).startswith("applications.other.total: "))

    def test_bad_json_names_the_path(self):
        with govreport.parse(S001) as r:
            doc = r.to_dict()
        doc["applications"]["granted"]["total"] = "x"
        with self.assertRaises(GovreportError) as cm:
            govreport.from_json(json.dumps(doc))
        self.assertEqual(cm.exception.status, Status.ERR_JSON)
        self.assertEqual(cm.exception.detail,
                         "applications.granted.total: expected integer or null")

    def test_wrong_types(self):
        with self.assertRaises(TypeError):
            govreport.parse(42)
        with govreport.parse(S001) as r:
            with self.assertRaises(ValueError):
                r.validate(lang="fr")

    def test_missing_path(self):
        with self.assertRaises(OSError):
            govreport.parse(pathlib.Path("/nonexistent/report.txt"))

    def test_library_not_found(self):
        """Without the library, import and help() work; the first call
        raises ImportError with the hint, and a later one loads it once
        GOVREPORT_LIBRARY names it."""
        good = os.path.abspath(os.environ["GOVREPORT_LIBRARY"]) \
            if "GOVREPORT_LIBRARY" in os.environ else "libgovreport.so.1"
        env = dict(os.environ, GOVREPORT_LIBRARY="/nonexistent/libgovreport.so.1")
        script = (
            "import os, pydoc, sys, govreport\n"
            "assert 'read_many' in pydoc.render_doc(govreport)\n"
            "try:\n"
            "    govreport.parse('report')\n"
            "except ImportError as e:\n"
            "    print(e)\n"
            "else:\n"
            "    sys.exit('no ImportError')\n"
            "os.environ['GOVREPORT_LIBRARY'] = sys.argv[1]\n"
            "print(govreport.read(sys.argv[2]).organ)\n")
        run = subprocess.run([sys.executable, "-c", script, good, str(S002)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertEqual(run.returncode, 0, run.stderr)
        hint, organ = run.stdout.decode().splitlines()
        self.assertIn("GOVREPORT_LIBRARY", hint)
        self.assertIn("/nonexistent/libgovreport.so.1", hint)
        self.assertEqual(organ, "绿园区民政局")


class LifetimeTest(unittest.TestCase):
    def test_context_manager_closes(self):
        with govreport.parse(S001) as r:
            self.assertFalse(r.closed)
        self.assertTrue(r.closed)
        with self.assertRaises(ValueError):
            r.cell("applications.new_received.total")
        r.close()  # twice is fine
        self.assertIn("closed", repr(r))

    def test_finalizer_frees(self):
        r = govreport.parse(S001)
        finalizer = r._finalizer
        self.assertTrue(finalizer.alive)
        del r
        gc.collect()
        self.assertFalse(finalizer.alive)

    def test_library_version(self):
        self.assertEqual(govreport.library_version(), govreport.__version__)


class ValidateTest(unittest.TestCase):
    def test_diagnostics_of_a_seed(self):
        with govreport.parse(S001) as r:
            found = r.validate(lang="en")
            self.assertEqual([d.code for d in found], ["CELL_BLANK"] * 4)
            first = found[0]
            self.assertIsInstance(first, Diagnostic)
            self.assertEqual((first.severity, first.section, first.row, first.column),
                             ("warning", "active_disclosure", "rules", "repealed"))
            self.assertGreater(first.line, 0)
            self.assertTrue(first.message.isascii())
            zh = r.validate()
            self.assertEqual(len(zh), 4)
            self.assertNotEqual(zh[0].message, first.message)

    def test_blank_as_zero_and_infer(self):
        with govreport.parse(S000) as r:
            self.assertIn("CELL_EXTRA", {d.code for d in r.validate()})
            self.assertIsNone(r.cell("applications.new_received.total").value)
            r.validate(infer=True)
            cell = r.cell("applications.new_received.total")
            self.assertEqual((cell.value, cell.state), (0, "inferred"))

    def test_a_broken_equation(self):
        with govreport.parse(S001) as r:
            doc = r.to_dict()
        doc["applications"]["new_received"]["natural_person"] = 2
        with govreport.from_json(json.dumps(doc)) as r:
            codes = {d.code: d for d in r.validate(lang="en")}
            self.assertIn("T3_ROW_TOTAL", codes)
            self.assertEqual(codes["T3_ROW_TOTAL"].severity, "error")
            self.assertEqual(codes["T3_ROW_TOTAL"].row, "new_received")

    def test_compare(self):
        with govreport.parse(S000) as y2023, govreport.parse(S001) as y2024:
            found = y2024.compare(y2023, lang="en")
            self.assertNotIn("XY_CARRYOVER", {d.code for d in found})
            with self.assertRaises(GovreportError) as cm:
                y2023.compare(y2024)
            self.assertEqual(cm.exception.status, Status.ERR_YEARS)
            doc = y2023.to_dict()
        doc["applications"]["carried_forward"]["natural_person"] = 5
        with govreport.from_json(json.dumps(doc)) as y2023, \
                govreport.parse(S001) as y2024:
            carry = [d for d in y2024.compare(y2023) if d.code == "XY_CARRYOVER"]
            self.assertEqual(len(carry), 1)
            self.assertEqual(carry[0].column, "natural_person")
            self.assertEqual({carry[0].expected, carry[0].actual}, {5, 0})


class RenderTest(unittest.TestCase):
    def test_markdown_parses_back_to_the_same_report(self):
        with govreport.parse(S002) as report:
            markdown = report.render("markdown")
            self.assertIn("其他对外管理服务事项", markdown)
            with govreport.parse(markdown) as again:
                self.assertEqual(again.to_dict(), report.to_dict())

    def test_csv_is_long_form(self):
        with govreport.parse(S004) as report:
            lines = report.render("csv").splitlines()
        self.assertEqual(lines[0], "section,row,column,value,state")
        self.assertIn("active_disclosure,procurement,amount,1827190,present", lines)

    def test_annotated_html_marks_a_planted_error(self):
        # 本年新收 自然人 3 in a table that otherwise holds zeros.
        # The page marks the report's diagnostics: validate first.
        with govreport.parse(DATA / "check" / "t3-balance" / "input.txt") as report:
            report.validate()
            page = report.render("html", annotate=True, lang="en")
        self.assertIn("T3_BALANCE", page)
        self.assertIn("SUGGESTED_FIX", page)
        self.assertIn("<table", page)

    def test_html_page_and_cell_ids(self):
        with govreport.parse(S001) as report:
            plain = report.render("html")
            page = report.render("html", page=True)
            with self.assertRaises(govreport.GovreportError):
                report.render("markdown", page=True)
            decisions = report.cell("active_disclosure.licensing.decisions").value
        self.assertEqual(decisions, 17)
        cell = ('<td colspan="3" data-section="active_disclosure" data-row="licensing" '
                'data-column="decisions">{}</td>'.format(decisions))
        self.assertIn(cell, plain)
        self.assertIn(cell, page)
        self.assertNotIn("<style>", plain)
        self.assertIn("@page{size:A4;", page)

    def test_unknown_format(self):
        with govreport.parse(S001) as report:
            with self.assertRaises(ValueError):
                report.render("pdf")


class SumTest(unittest.TestCase):
    def test_two_2019_reports(self):
        with govreport.parse(S002) as a, govreport.parse(S004) as b:
            with govreport.sum([a, b]) as total:
                self.assertEqual((total.template, total.year, total.organ),
                                 ("2019", 2020, None))
                self.assertEqual(total.cell("active_disclosure.licensing.decisions").value, 95)
                self.assertEqual(total.cell("active_disclosure.licensing.previous_items").value, 31)
                self.assertEqual(total.cell("active_disclosure.procurement.amount").value, 1827190)
                self.assertEqual(total.diagnostics(), [])

    def test_nulls_are_never_zero(self):
        with govreport.parse(S000) as a, govreport.parse(S000) as b, \
                govreport.sum((a, b)) as total:
            cell = total.cell("applications.new_received.total")
            self.assertEqual((cell.value, cell.state), (None, "missing"))
            self.assertEqual(total.organ, "伊州区民政局")
            self.assertEqual(total.cell("active_disclosure.licensing.decisions").value, 136)
            found = total.diagnostics(lang="en")
            self.assertEqual(len(found), 25)
            first = found[0]
            self.assertEqual((first.code, first.severity, first.row,
                              first.column, first.actual, first.expected),
                             ("SUM_INCOMPLETE", "warning", "new_received", "total", 2, 0))

    def test_refusals(self):
        with govreport.parse(S000) as a, govreport.parse(S001) as b:
            with self.assertRaises(GovreportError) as cm:
                govreport.sum([a, b])
            self.assertEqual(cm.exception.status, Status.ERR_TEMPLATE)
        with self.assertRaises(GovreportError) as cm:
            govreport.sum([])
        self.assertEqual(cm.exception.status, Status.ERR_ARGUMENT)
        with self.assertRaises(TypeError):
            govreport.sum(["not a report"])


class DiffTest(unittest.TestCase):
    def test_two_2019_reports(self):
        with govreport.parse(S002) as a, govreport.parse(S004) as b:
            found = govreport.diff(a, b)
            by_path = {d.path: d for d in found}
            self.assertEqual(found[0].path, "organ")
            self.assertEqual((found[0].a, found[0].b), ("绿园区民政局", "鲤城区人民政府临江街道办事处"))
            licensing = by_path["active_disclosure.licensing.decisions"]
            self.assertEqual(licensing.kind, "cell")
            self.assertEqual((licensing.a.value, licensing.b.value), (8, 87))
            self.assertEqual(licensing.b.state, "present")
            self.assertNotIn("applications.granted.total", by_path)
            doc = json.loads(govreport.diff_json(a, b))
            self.assertEqual(doc["count"], len(found))
            self.assertEqual(a.diff(b), found)

    def test_across_templates_and_years(self):
        with govreport.parse(S001) as a, govreport.parse(S002) as b:
            found = govreport.diff(a, b)
            self.assertEqual((found[0].kind, found[0].a, found[0].b), ("template", "2021", "2019"))
            self.assertEqual((found[1].kind, found[1].a, found[1].b), ("year", 2024, 2020))
            other = {d.path: d for d in found}["applications.other.total"]
            self.assertEqual((other.a.state, other.b.value), ("missing", 0))

    def test_same_report(self):
        with govreport.parse(S000) as r, govreport.from_json(r.to_json()) as back:
            self.assertEqual(govreport.diff(r, back), [])
            self.assertEqual(govreport.diff_json(r, back),
                             '{"differences":[],"count":0}')

    def test_blank_against_zero(self):
        with govreport.parse(S000) as a, govreport.parse(S001) as b:
            total = {d.path: d for d in govreport.diff(a, b)}["applications.new_received.total"]
            self.assertEqual((total.a, total.b),
                             (Cell("applications.new_received.total", None, "blank"),
                              Cell("applications.new_received.total", 0, "present")))


class ThreadTest(unittest.TestCase):
    def test_parse_and_validate_in_threads(self):
        """ctypes releases the GIL: the library runs in 8 threads at once."""
        seeds = sorted(SEEDS.glob("*.txt")) * 4

        def work(seed):
            with govreport.parse(seed) as r:
                found = r.validate(lang="en", infer=True)
                return r.to_json(detail=True), found

        want = [work(s) for s in seeds]
        with ThreadPoolExecutor(max_workers=8) as pool:
            got = list(pool.map(work, seeds))
        self.assertEqual(got, want)


class ReadTest(unittest.TestCase):
    def test_read_a_str_or_a_path(self):
        want = govreport.parse(S002.read_bytes()).to_json()
        for path in (S002, str(S002), os.path.relpath(S002)):
            with self.subTest(path=path), govreport.read(path) as r:
                self.assertEqual(r.to_json(), want)

    def test_read_passes_other_files_bytes_through(self):
        """.pdf/.docx/.odt are read as bytes, for the library to tell."""
        raw = S004.read_bytes()
        with tempfile.TemporaryDirectory() as folder:
            for suffix in (".pdf", ".docx", ".odt", ".html", ""):
                path = pathlib.Path(folder) / ("report" + suffix)
                path.write_bytes(raw)
                with self.subTest(suffix=suffix), govreport.read(path) as r:
                    self.assertEqual(r.organ, "鲤城区人民政府临江街道办事处")
            empty = pathlib.Path(folder) / "empty.txt"
            empty.write_bytes(b"")
            with self.assertRaises(GovreportError) as cm:
                govreport.read(empty)
            self.assertEqual(cm.exception.status, Status.ERR_INPUT_EMPTY)
            self.assertIn(str(empty), str(cm.exception))

    def test_read_refusals(self):
        with self.assertRaises(OSError):
            govreport.read("/nonexistent/report.txt")
        for wrong in (42, str(S002).encode(), None):
            with self.subTest(wrong=wrong), self.assertRaises(TypeError):
                govreport.read(wrong)

    def test_parse_refuses_a_file_name(self):
        for name in (str(S002), os.path.relpath(S002)):
            with self.subTest(name=name):
                with self.assertRaises(ValueError) as cm:
                    govreport.parse(name)
                self.assertIn("govreport.read(", str(cm.exception))
                self.assertIn(name, str(cm.exception))
        # A Path is still read as a file, text with a line break is text.
        with govreport.parse(S002) as r:
            self.assertEqual(r.organ, "绿园区民政局")
        with govreport.parse(str(S002) + "\n") as r:
            self.assertIsNone(r.template)

    def test_read_many_in_input_order(self):
        paths = sorted(SEEDS.glob("*.txt")) * 3
        paths.reverse()
        want = [govreport.read(p).to_json() for p in paths]
        for jobs in (1, 3, 8):
            with self.subTest(jobs=jobs):
                got = list(govreport.read_many(iter(paths), jobs=jobs))
                self.assertEqual([p for p, _ in got], paths)
                self.assertEqual([r.to_json() for _, r in got], want)
                for _, r in got:
                    r.close()

    def test_read_many_records(self):
        paths = [S002, str(S001)]
        got = list(govreport.read_many(paths, jobs=2, records=True))
        want = []
        for p in paths:
            with govreport.read(p) as r:
                want += [dict(file=os.fspath(p), **rec) for rec in r.records()]
        self.assertEqual(got, want)
        self.assertEqual(list(got[0]), ["file", "section", "row", "column", "value",
                                        "state", "line"])
        self.assertEqual({g["file"] for g in got}, {str(S002), str(S001)})

    def test_read_many_errors(self):
        paths = [S002, SEEDS / "no-such-report.txt", S001]
        found = govreport.read_many(paths, jobs=2)
        path, report = next(found)
        self.assertEqual((path, report.organ), (S002, "绿园区民政局"))
        with self.assertRaises(OSError) as cm:
            next(found)
        self.assertIn("no-such-report.txt", str(cm.exception))
        with self.assertRaises(TypeError):
            govreport.read_many(str(SEEDS))
        with self.assertRaises(ValueError):
            govreport.read_many(paths, jobs=0)
        self.assertEqual(list(govreport.read_many([])), [])


PDFS = DATA / "pdf"  # made by tests/fixtures/make-pdf.sh
PDF001 = PDFS / "001_ebc51afa85553e39" / "input.pdf"  # seed 001 through LibreOffice
SCAN = PDFS / "scan" / "input.pdf"  # a page holding only an image: no text layer
HAVE_PDFTOTEXT = shutil.which("pdftotext") is not None
NEEDS_PDFTOTEXT = "pdftotext not found: install poppler-utils"


class PdfTest(unittest.TestCase):
    """A PDF is read through poppler's pdftotext -bbox-layout, run as a
    separate program."""

    @unittest.skipUnless(HAVE_PDFTOTEXT, NEEDS_PDFTOTEXT)
    @unittest.skipUnless(READS_HTML, NO_HTML)
    def test_read_a_pdf(self):
        with open(PDFS / "001_ebc51afa85553e39" / "expected.json", encoding="utf-8") as f:
            want = json.load(f, parse_float=Decimal)
        with govreport.read(PDF001) as r:
            got = r.to_dict()
            doc = r.to_json()
        # Every key of the seed's expected JSON (the PDF has its prose too).
        for key in want:
            with self.subTest(key=key):
                self.assertEqual(got[key], want[key])
        # A str, the bytes, a pipe's worth (parse), a name like an option.
        with govreport.read(str(PDF001)) as r:
            self.assertEqual(r.to_json(), doc)
        with govreport.parse(PDF001.read_bytes()) as r:
            self.assertEqual(r.to_json(), doc)
        with tempfile.TemporaryDirectory() as folder:
            shutil.copy(str(PDF001), os.path.join(folder, "-report"))
            here = os.getcwd()
            os.chdir(folder)
            try:
                with govreport.read("-report") as r:
                    self.assertEqual(r.to_json(), doc)
            finally:
                os.chdir(here)
            self.assertEqual(os.listdir(folder), ["-report"])

    @unittest.skipUnless(HAVE_PDFTOTEXT, NEEDS_PDFTOTEXT)
    def test_a_scan_needs_ocr(self):
        for source in (SCAN, SCAN.read_bytes()):
            with self.subTest(source=type(source).__name__):
                with self.assertRaises(GovreportError) as cm:
                    if isinstance(source, bytes):
                        govreport.parse(source)
                    else:
                        govreport.read(source)
                self.assertEqual(cm.exception.status, Status.ERR_INPUT_NO_TEXT)
                self.assertIn("OCR", str(cm.exception))

    @unittest.skipUnless(HAVE_PDFTOTEXT, NEEDS_PDFTOTEXT)
    def test_a_damaged_pdf(self):
        with tempfile.TemporaryDirectory() as folder:
            cut = pathlib.Path(folder) / "cut.pdf"
            cut.write_bytes(PDF001.read_bytes()[:4000])
            with self.assertRaises(GovreportError) as cm:
                govreport.read(cut)
            self.assertEqual(cm.exception.status, Status.ERR_INPUT_NOT_TEXT)
            self.assertIn("pdftotext could not read", str(cm.exception))
            self.assertIn(str(cut), str(cm.exception))

    @unittest.skipUnless(HAVE_PDFTOTEXT, NEEDS_PDFTOTEXT)
    @unittest.skipIf(READS_HTML, "this build reads HTML: test_read_a_pdf reads the PDF")
    def test_refused_without_html(self):
        """A build without HTML refuses pdftotext's XHTML: never read as text."""
        with self.assertRaises(GovreportError) as cm:
            govreport.read(PDF001)
        self.assertEqual(cm.exception.status, Status.ERR_INPUT_UNSUPPORTED)

    def test_without_pdftotext(self):
        """No poppler needed: the error names the package to install."""
        with tempfile.TemporaryDirectory() as empty, \
                unittest.mock.patch.dict(os.environ, {"PATH": empty}):
            for read in (lambda: govreport.read(PDF001),
                         lambda: govreport.parse(PDF001.read_bytes())):
                with self.assertRaises(GovreportError) as cm:
                    read()
                self.assertEqual(cm.exception.status, Status.ERR_INPUT_UNSUPPORTED)
                self.assertIn("poppler-utils", str(cm.exception))


class DocfileTest(unittest.TestCase):
    """A .docx or .odt is read by the library, or refused as unsupported
    by a build without their reader (-Ddocx=disabled)."""

    def test_read_or_refused(self):
        for shape in ("docx", "odt"):
            case = DATA / "input" / shape / "001-simplified"
            path = case / ("input." + shape)
            with self.subTest(shape=shape):
                if not READS_DOCX:
                    with self.assertRaises(GovreportError) as cm:
                        govreport.read(path)
                    self.assertEqual(cm.exception.status, Status.ERR_INPUT_UNSUPPORTED)
                    self.assertIn(str(path), str(cm.exception))
                    continue
                with open(case / "expected.json", encoding="utf-8") as f:
                    want = json.load(f, parse_float=Decimal)
                with govreport.read(path) as r:
                    got = r.to_dict()
                for key in want:
                    self.assertEqual(got[key], want[key], key)


class RecordsTest(unittest.TestCase):
    def test_one_record_per_cell(self):
        for seed in (S001, S002, S004):
            with self.subTest(seed=seed.name), govreport.read(seed) as r:
                records = r.records()
                paths = ["{section}.{row}.{column}".format(**x) for x in records]
                self.assertEqual(paths, govreport.cell_paths(r.template))
                for record, path in zip(records, paths):
                    self.assertEqual(list(record), ["section", "row", "column", "value",
                                                    "state", "line"])
                    cell = r.cell(path)
                    self.assertEqual((record["value"], record["state"], record["line"]),
                                     (cell.value, cell.state, cell.line))
                    if record["column"] == "amount":
                        self.assertIsInstance(record["value"], (Decimal, type(None)))
                        self.assertIsInstance(cell.value, (Decimal, type(None)))
                    elif record["value"] is not None:
                        self.assertIs(type(record["value"]), int)

    def test_money_is_decimal_always(self):
        with govreport.read(S004) as r:
            amount = [x for x in r.records() if x["row"] == "procurement"
                      and x["column"] == "amount"][0]
            self.assertEqual(amount["value"], Decimal("1827190"))
            self.assertIsInstance(amount["value"], Decimal)
            self.assertIsInstance(r.cell("active_disclosure.procurement.amount").value,
                                  Decimal)
            self.assertIs(type(r.cell("active_disclosure.licensing.decisions").value), int)

    def test_absent_values_and_tables(self):
        with govreport.read(S000) as r:
            doc = r.to_dict()
            total = [x for x in r.records() if (x["section"], x["row"], x["column"])
                     == ("applications", "new_received", "total")][0]
            self.assertEqual((total["value"], total["state"]), (None, "blank"))
        doc["review_litigation"] = None
        with govreport.from_json(json.dumps(doc, default=str)) as r:
            sections = {x["section"] for x in r.records()}
            self.assertEqual(sections, {"active_disclosure", "applications"})
        with govreport.Report.new("2021") as blank:
            records = blank.records()
            self.assertEqual(len(records), len(govreport.cell_paths("2021")))
            self.assertTrue(all(x["value"] is None and x["state"] == "missing"
                                and x["line"] is None for x in records))


class CellPathsTest(unittest.TestCase):
    def test_cell_default(self):
        with govreport.read(S002) as r:  # "2019": no fees.amount
            self.assertIsNone(r.cell("active_disclosure.fees.amount", default=None))
            self.assertEqual(r.cell("active_disclosure.fees.amount", default=0), 0)
            with self.assertRaises(GovreportError) as cm:
                r.cell("active_disclosure.fees.amount")
            self.assertEqual(cm.exception.status, Status.ERR_NOT_FOUND)
            self.assertEqual(r.cell("active_disclosure.licensing.decisions",
                                    default=None).value, 8)

    def test_cell_paths(self):
        p2019, p2021 = govreport.cell_paths("2019"), govreport.cell_paths(2021)
        self.assertIn("active_disclosure.procurement.amount", p2019)
        self.assertNotIn("active_disclosure.fees.amount", p2019)
        self.assertIn("active_disclosure.fees.amount", p2021)
        self.assertEqual(p2021[-1], "review_litigation.litigation_after_review.total")
        self.assertEqual(len(set(p2021)), len(p2021))
        for template, paths in (("2019", p2019), ("2021", p2021)):
            with govreport.Report.new(template) as r:
                for path in paths:
                    self.assertEqual(r.cell(path).state, "missing")
        p2019.clear()
        self.assertTrue(govreport.cell_paths("2019"))  # a copy each time
        with self.assertRaises(ValueError):
            govreport.cell_paths("2018")

    def test_label(self):
        self.assertEqual(govreport.label("2021", "applications.granted"), "（一）予以公开")
        self.assertEqual(govreport.label(2019, "active_disclosure.licensing.decisions"),
                         "处理决定数量")
        self.assertEqual(govreport.label("2021", "active_disclosure.licensing.decisions"),
                         "本年处理决定数量")
        self.assertEqual(govreport.label("2021", "applications.granted", lang="en"), "granted")
        # Every cell path of a template has a label.
        for path in govreport.cell_paths("2021"):
            self.assertTrue(govreport.label("2021", path))
        with self.assertRaises(ValueError):
            govreport.label("2021", "applications.nope")
        with self.assertRaises(ValueError):
            govreport.label("2018", "applications")


class PackageTest(unittest.TestCase):
    def test_public_names_only(self):
        names = {n for n in dir(govreport) if not n.startswith("_")}
        self.assertEqual(names, set(govreport.__all__))
        for private in ("Any", "Decimal", "json", "os", "c_int", "weakref", "enum",
                        "dataclass", "annotations", "ReportPtr"):
            self.assertNotIn(private, dir(govreport))
        for name in govreport.__all__:
            obj = getattr(govreport, name)
            self.assertEqual(obj.__module__, "govreport", name)
            self.assertTrue((obj.__doc__ or "").strip(), name)
        for name in ("read", "records", "cell", "to_dict", "closed", "organ", "title"):
            member = getattr(govreport.Report, name, None) or getattr(govreport, name)
            self.assertTrue((member.__doc__ or "").strip(), name)
        self.assertTrue(govreport.Diagnostic.to_dict.__doc__)

    def test_diagnostic_to_dict(self):
        with govreport.read(S001) as r:
            found = r.validate(lang="en")
        self.assertTrue(found)
        d = found[0].to_dict()
        self.assertEqual(list(d), ["code", "severity", "message", "section", "row",
                                   "column", "line", "expected", "actual"])
        self.assertEqual(Diagnostic(**d), found[0])
        json.dumps([x.to_dict() for x in found])

    def test_sum_of_two_years_says_so(self):
        with govreport.read(S000) as a, govreport.read(S001) as b:  # 2023, 2024
            with self.assertRaises(GovreportError) as cm:
                govreport.sum([a, b])
            self.assertEqual(cm.exception.status, Status.ERR_TEMPLATE)
            text = str(cm.exception)
            self.assertIn("one template and year", text)
            self.assertIn("year 2024", text)
            self.assertIn("year 2023", text)

    def test_pandas_is_never_imported(self):
        script = ("import sys, govreport\n"
                  "list(govreport.read_many(sys.argv[1:], records=True))\n"
                  "govreport.read(sys.argv[1]).records()\n"
                  "assert 'pandas' not in sys.modules\n")
        run = subprocess.run([sys.executable, "-c", script, str(S001), str(S002)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertEqual(run.returncode, 0, run.stderr)

    def test_readme_python_example(self):
        """The README's Python example runs from the top of a clone (its
        pandas lines where pandas is installed)."""
        with open(SOURCE_ROOT / "README.md", encoding="utf-8") as f:
            readme = f.read()
        section = readme.split("## Using it from Python", 1)[1]
        code = section.split("```python\n", 1)[1].split("```", 1)[0]
        self.assertIn("govreport.read(", code)
        self.assertIn("records()", code)
        self.assertIn("pandas.DataFrame(", code)
        try:
            import pandas  # noqa: F401
        except ImportError:
            code = "\n".join(line for line in code.splitlines()
                              if "pandas" not in line and "df" not in line)
        run = subprocess.run([sys.executable, "-c", code], cwd=str(SOURCE_ROOT),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertEqual(run.returncode, 0, run.stderr.decode(errors="replace"))


class ExamplesTest(unittest.TestCase):
    def test_key_figures_py(self):
        script = SOURCE_ROOT / "examples" / "key_figures.py"
        run = subprocess.run([sys.executable, str(script), str(SEEDS)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertEqual(run.returncode, 0, run.stderr)
        with open(DATA / "key_figures.expected", "rb") as f:
            self.assertEqual(run.stdout, f.read())


    def test_key_figures_py_walks_subfolders(self):
        """A folder's .md and .html files and its subfolders are read,
        hidden ones left out: the same table as the seeds' .txt files."""
        script = SOURCE_ROOT / "examples" / "key_figures.py"
        seeds = sorted(SEEDS.glob("*.txt"))
        with tempfile.TemporaryDirectory() as tmp:
            root = pathlib.Path(tmp)
            (root / "a" / "b").mkdir(parents=True)
            (root / ".hidden").mkdir()
            shapes = [("a/{}.md", "markdown"), ("a/b/{}.html", "html"),
                      ("{}.txt", None)]
            if not READS_HTML:
                print("skipped: .html files in key_figures.py's walk: " + NO_HTML
                      + "; Markdown in their place", file=sys.stderr)
                shapes[1] = ("a/b/{}.md", "markdown")
            for i, seed in enumerate(seeds):
                name, fmt = shapes[i % len(shapes)]
                target = root / name.format(seed.stem)
                if fmt is None:
                    target.write_bytes(seed.read_bytes())
                else:
                    with govreport.read(seed) as report:
                        target.write_text(report.render(fmt), encoding="utf-8")
            (root / ".hidden" / "extra.txt").write_bytes(seeds[0].read_bytes())
            (root / "a" / "notes.json").write_text("{}", encoding="utf-8")
            run = subprocess.run([sys.executable, str(script), str(root)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.assertEqual(run.returncode, 0, run.stderr)
        with open(DATA / "key_figures.expected", "rb") as f:
            self.assertEqual(run.stdout, f.read())


class PackagingTest(unittest.TestCase):
    def test_pip_install_offline(self):
        probe = subprocess.run([sys.executable, "-m", "pip", "--version"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if probe.returncode != 0:
            self.skipTest("no pip for " + sys.executable)
        with tempfile.TemporaryDirectory() as target:
            env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
            env.pop("PYTHONPATH", None)
            if "GOVREPORT_LIBRARY" in env:
                env["GOVREPORT_LIBRARY"] = os.path.abspath(env["GOVREPORT_LIBRARY"])
            run = subprocess.run(
                [sys.executable, "-m", "pip", "install", "--no-deps", "--no-cache-dir",
                 "--target", target, str(SOURCE_ROOT / "bindings" / "python")],
                env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=target)
            self.assertEqual(run.returncode, 0, run.stdout.decode(errors="replace"))
            env["PYTHONPATH"] = target
            check = subprocess.run(
                [sys.executable, "-c",
                 "import govreport, pathlib, sys; r = govreport.parse(pathlib.Path(sys.argv[1])); "
                 "print(govreport.__file__); print(r.organ)", str(S002)],
                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=target)
            self.assertEqual(check.returncode, 0, check.stderr)
            where, organ = check.stdout.decode().splitlines()
            self.assertTrue(where.startswith(target), where)
            self.assertEqual(organ, "绿园区民政局")


if __name__ == "__main__":
    unittest.main()
