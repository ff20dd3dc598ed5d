"""nnviz.core is NumPy and the standard library only: importing it loads no Qt module."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import nnviz.core

_QT_MODULES = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6", "PySide2", "shiboken2")

_PROBE = """
import importlib, json, pkgutil, sys
import nnviz.core
names = sorted(m.name for m in pkgutil.walk_packages(nnviz.core.__path__, "nnviz.core."))
for name in names:
    importlib.import_module(name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in QT)
print(json.dumps({"imported": names, "qt": qt}))
"""


def _probe(extra: str = "") -> dict:
    code = f"QT = {_QT_MODULES!r}\n{extra}\n{_PROBE}"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_importing_every_core_module_loads_no_qt():
    result = _probe()
    on_disk = {
        f"nnviz.core.{p.stem}"
        for p in Path(nnviz.core.__file__).parent.glob("*.py")
        if p.stem != "__init__"
    }
    assert on_disk <= set(result["imported"])  # every module, including ones added later
    assert {"nnviz.core.training", "nnviz.core.network", "nnviz.core.model_io"} <= on_disk
    assert result["qt"] == []


def test_the_probe_would_notice_qt():
    # proves the test above can fail: the same probe after a Qt import reports it
    result = _probe("import PySide6.QtCore")
    assert "PySide6" in result["qt"]
