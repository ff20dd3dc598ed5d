"""PySide6's emit() drops a reference to True on every call; nnviz.gui keeps that harmless."""

from __future__ import annotations

import subprocess
import sys

_SCRIPT = """
import nnviz.gui
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    signal = Signal(object)

app = QCoreApplication([])
e = Emitter()
for i in range(20000):
    e.signal.emit(i)
print("alive")
"""


def test_many_signal_emissions_do_not_abort_python():
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "alive"
