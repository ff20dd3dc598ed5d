"""Work around a PySide6 bug that crashes the process after a few hundred signal emissions.

``SignalInstance.emit()`` in the installed PySide6 (seen with 6.12.0) returns ``True`` without
taking a reference to it. On Python < 3.12, where ``True`` is an ordinary reference-counted
object, every ``signal.emit(...)`` from Python code (ours and pyqtgraph's) therefore lowers the
reference count of ``True`` by one; after a few hundred emissions it reaches zero and Python
aborts with "Fatal Python error: bool_dealloc". Python 3.12+ makes ``True`` immortal, which
hides the bug. Here the count of ``True`` and ``False`` is raised once by a margin that no
session can use up (2**50 emissions), which is harmless if PySide is fixed.

pyproject.toml keeps PySide6 below 6.12, so this only matters where 6.12 was installed anyway.
"""

from __future__ import annotations

import ctypes
import sys

_MARGIN = 1 << 50  # emissions before the count could reach zero again: never


_AFFECTED = ("6.12.",)  # PySide6 releases seen dropping the reference


def apply() -> None:
    import PySide6

    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return  # True and False are immortal there
    if not PySide6.__version__.startswith(_AFFECTED):
        return
    for obj in (True, False):
        # ob_refcnt is the first field (a Py_ssize_t) of every CPython object
        ctypes.c_ssize_t.from_address(id(obj)).value += _MARGIN
