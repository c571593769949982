"""Loading libgovreport and declaring its functions.

The library is found through the ``GOVREPORT_LIBRARY`` environment variable
(a path), then by its SONAME, ``libgovreport.so.1``, through the system
loader. Every function the binding calls is declared in ``FUNCTIONS``, the
one table of ``restype`` and ``argtypes``: ctypes would otherwise guess
``int`` for everything and truncate pointers and 64-bit values.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from ctypes import POINTER, c_char_p, c_int, c_int64, c_size_t, c_uint, c_void_p
from typing import Any, Dict, List, Optional, Tuple

SONAME = "libgovreport.so.1"
ENV_VAR = "GOVREPORT_LIBRARY"


class _Report(ctypes.Structure):
    """struct govreport, opaque."""


class _Diff(ctypes.Structure):
    """struct govreport_diff, opaque."""


ReportPtr = POINTER(_Report)
DiffPtr = POINTER(_Diff)
_out_report = POINTER(ReportPtr)
_out_diff = POINTER(DiffPtr)
# A `char **` the caller frees with govreport_string_free(): c_void_p, so
# that ctypes hands back the pointer and not a copy of the bytes.
_out_string = POINTER(c_void_p)
_i64p = POINTER(c_int64)
_uintp = POINTER(c_uint)
_intp = POINTER(c_int)  # enum govreport_cell_state *
_size_tp = POINTER(c_size_t)

# name: (restype, argtypes). Enums are int-sized (the header promises it).
FUNCTIONS: Dict[str, Tuple[Any, List[Any]]] = {
    # library
    "govreport_version": (c_char_p, []),
    "govreport_status_str": (c_char_p, [c_int]),
    "govreport_string_free": (None, [c_void_p]),
    # reports
    "govreport_new": (c_int, [c_int, c_int, _out_report]),
    "govreport_parse": (c_int, [c_char_p, c_size_t, c_uint, _out_report]),
    "govreport_free": (None, [ReportPtr]),
    "govreport_template": (c_int, [ReportPtr]),
    "govreport_year": (c_int, [ReportPtr]),
    "govreport_field": (c_char_p, [ReportPtr, c_int]),
    "govreport_has_section": (c_int, [ReportPtr, c_int]),
    "govreport_label": (c_char_p, [c_int, c_char_p, c_uint]),  # since 1.1
    # cells
    "govreport_get_decimal": (c_int, [ReportPtr, c_char_p, _i64p, _uintp, _intp]),
    "govreport_get_source": (c_int, [ReportPtr, c_char_p, _size_tp, POINTER(c_char_p)]),
    # diagnostics
    "govreport_diag_count": (c_size_t, [ReportPtr]),
    "govreport_diag_code": (c_char_p, [ReportPtr, c_size_t]),
    "govreport_diag_severity": (c_int, [ReportPtr, c_size_t]),
    "govreport_diag_section": (c_char_p, [ReportPtr, c_size_t]),
    "govreport_diag_row": (c_char_p, [ReportPtr, c_size_t]),
    "govreport_diag_column": (c_char_p, [ReportPtr, c_size_t]),
    "govreport_diag_line": (c_size_t, [ReportPtr, c_size_t]),
    "govreport_diag_expected": (c_int, [ReportPtr, c_size_t, _i64p]),
    "govreport_diag_actual": (c_int, [ReportPtr, c_size_t, _i64p]),
    "govreport_diag_message": (c_char_p, [ReportPtr, c_size_t, c_uint]),
    "govreport_diagnostics_json": (c_int, [ReportPtr, c_uint, _out_string, _size_tp]),
    # JSON
    "govreport_to_json": (c_int, [ReportPtr, c_uint, _out_string, _size_tp]),
    "govreport_from_json": (c_int, [c_char_p, c_size_t, c_uint, _out_report, _out_string]),
    # validation
    "govreport_validate": (c_int, [ReportPtr, c_uint]),
    "govreport_compare": (c_int, [ReportPtr, ReportPtr, c_uint]),
    # rendering
    "govreport_render": (c_int, [ReportPtr, c_int, c_uint, _out_string, _size_tp]),
    # totals and differences
    "govreport_sum": (c_int, [POINTER(ReportPtr), c_size_t, _out_report]),
    "govreport_diff": (c_int, [ReportPtr, ReportPtr, _out_diff]),
    "govreport_diff_free": (None, [DiffPtr]),
    "govreport_diff_count": (c_size_t, [DiffPtr]),
    "govreport_diff_kind": (c_int, [DiffPtr, c_size_t]),
    "govreport_diff_section": (c_char_p, [DiffPtr, c_size_t]),
    "govreport_diff_row": (c_char_p, [DiffPtr, c_size_t]),
    "govreport_diff_column": (c_char_p, [DiffPtr, c_size_t]),
    "govreport_diff_a": (c_int, [DiffPtr, c_size_t, _i64p, _uintp, _intp]),
    "govreport_diff_b": (c_int, [DiffPtr, c_size_t, _i64p, _uintp, _intp]),
    "govreport_diff_text_a": (c_char_p, [DiffPtr, c_size_t]),
    "govreport_diff_text_b": (c_char_p, [DiffPtr, c_size_t]),
    "govreport_diff_json": (c_int, [DiffPtr, c_uint, _out_string, _size_tp]),
}


class _Missing:
    """Stands for a function the loaded library does not have (an older
    build): calling it says so instead of failing at import."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, *args: Any) -> Any:
        raise NotImplementedError(
            "the loaded libgovreport has no {}()".format(self.name))


class Library:
    """The loaded library, with each function of FUNCTIONS as an attribute."""

    def __init__(self, cdll: ctypes.CDLL) -> None:
        self.cdll = cdll
        self.path: Optional[str] = getattr(cdll, "_name", None)
        for name, (restype, argtypes) in FUNCTIONS.items():
            try:
                fn = getattr(cdll, name)
            except AttributeError:
                setattr(self, name[len("govreport_"):], _Missing(name))
                continue
            fn.restype = restype
            fn.argtypes = argtypes
            setattr(self, name[len("govreport_"):], fn)

    def take_string(self, pointer: c_void_p, length: Optional[int] = None) -> str:
        """Copy a string the library handed out, free it, return it."""
        if not pointer.value:
            return ""
        try:
            if length is None:
                data = ctypes.string_at(pointer.value)
            else:
                data = ctypes.string_at(pointer.value, length)
        finally:
            self.string_free(pointer)
        return data.decode("utf-8")


def load() -> Library:
    """Load libgovreport: $GOVREPORT_LIBRARY, else the SONAME."""
    path = os.environ.get(ENV_VAR)
    candidates = [path] if path else [SONAME]
    if not path:
        found = ctypes.util.find_library("govreport")
        if found and found != SONAME:
            candidates.append(found)
    errors = []
    for candidate in candidates:
        try:
            return Library(ctypes.CDLL(candidate))
        except OSError as e:
            errors.append(str(e))
    raise ImportError(
        "cannot load libgovreport ({}); install it, or set {} to the path "
        "of libgovreport.so.1".format("; ".join(errors), ENV_VAR))


class LazyLibrary:
    """The library, loaded by load() on first use of any of its functions.

    ``import govreport`` (and help(govreport)) thus work without it; the
    first call that needs it raises ImportError with load()'s hint, and a
    later call tries again (after GOVREPORT_LIBRARY has been set, say).
    Once loaded, the functions are copied onto this object, so that calls
    go straight to ctypes.
    """

    def __init__(self) -> None:
        self.__dict__["_lock"] = threading.Lock()
        self.__dict__["_library"] = None

    def get(self) -> Library:
        """The loaded Library; loads it on the first call."""
        library = self.__dict__["_library"]
        if library is None:
            with self.__dict__["_lock"]:
                library = self.__dict__["_library"]
                if library is None:
                    library = load()
                    for name, value in vars(library).items():
                        self.__dict__.setdefault(name, value)
                    self.__dict__["_library"] = library
        return library

    def __getattr__(self, name: str) -> Any:
        # Called only for what is not yet in __dict__: before the load,
        # and for Library's methods (take_string).
        return getattr(self.get(), name)
