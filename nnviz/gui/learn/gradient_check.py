"""Chapter 4 against chapter 5: every slope by central differences, checked against
backpropagation, in a worker thread with progress and Cancel.

``GradientCheck`` runs :func:`nnviz.core.learning.numerical_gradient` on a copy of the network (so
live training or a learning step cannot change it underneath) with one BLAS thread, and reports
in the GUI thread: ``progressed(done, total)``, then ``finished(NumericalGradient)``,
``cancelled()`` or ``failed(message)``.
"""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from threadpoolctl import threadpool_limits

from nnviz.core.errors import NnvizError
from nnviz.core.learning import Cancelled, numerical_gradient
from nnviz.core.network import Network

__all__ = ["GradientCheck"]


class _CheckThread(QThread):
    def __init__(self, owner: GradientCheck, network, x, label, loss, cancel) -> None:
        super().__init__()
        self._owner, self._cancel = owner, cancel
        self._args = (network, x, label, loss)

    def run(self) -> None:
        owner = self._owner
        try:
            with threadpool_limits(limits=1, user_api="blas"):
                result = numerical_gradient(
                    *self._args, progress=owner._progress.emit, cancel=self._cancel
                )
        except Cancelled:
            owner._done.emit("cancelled", None)
        except (NnvizError, ValueError, MemoryError) as exc:
            owner._done.emit("failed", str(exc))
        else:
            owner._done.emit("finished", result)


class GradientCheck(QObject):
    """One numerical-gradient check at a time; signals arrive in the GUI thread."""

    progressed = Signal(int, int)
    finished = Signal(object)
    cancelled = Signal()
    failed = Signal(str)
    _progress = Signal(int, int)  # from the thread
    _done = Signal(str, object)  # from the thread: (what, result or message)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: _CheckThread | None = None
        self._cancel = threading.Event()
        self._progress.connect(self.progressed)
        self._done.connect(self._on_done)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, network: Network, x: np.ndarray, label: int, loss: str) -> bool:
        """Check every slope of ``network`` for sample ``x`` with class ``label``."""
        if self._thread is not None:
            return False
        self._cancel = threading.Event()
        copy = network.copy()  # the thread's own: training may change the session's meanwhile
        self._thread = _CheckThread(self, copy, np.array(x, copy=True), label, loss, self._cancel)
        self._thread.start()
        return True

    def cancel(self) -> None:
        self._cancel.set()

    def shutdown(self) -> None:
        """Cancel and wait for the thread (the window is closing)."""
        self._cancel.set()
        if self._thread is not None:
            self._thread.wait()
            self._thread = None

    def _on_done(self, what: str, value) -> None:
        if self._thread is not None:
            self._thread.wait()  # run() has returned: at once
            self._thread = None
        if what == "finished":
            self.finished.emit(value)
        elif what == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(value)
