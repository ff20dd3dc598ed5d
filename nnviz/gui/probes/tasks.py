"""Long work of the probes in a thread of its own, with progress and cancel, and the test set
as floats, made once per dataset.

``ProbeTask.start(work)`` runs ``work(progress, cancel)`` in a QThread with one BLAS / OpenMP
thread (the other core stays with the window) and reports in the GUI thread:
``progressed(done, total)``, then ``finished(result)``, ``cancelled()`` or ``failed(message)``.
Work started before a ``cancel()`` never reports ``finished``: a result that arrives after
the network changed is dropped, so a view never shows it.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtGui import QImage, QPixmap
from threadpoolctl import threadpool_limits

from nnviz.core.datasets import Dataset
from nnviz.core.errors import NnvizError
from nnviz.core.probes import Cancelled

__all__ = ["ProbeTask", "digit_pixmap", "float_test_images"]

_PROGRESS_STEPS = 100  # at most this many progress signals per task

Work = Callable[[Callable[[int, int], None], threading.Event], object]


class _TaskThread(QThread):
    def __init__(self, owner: ProbeTask, work: Work, cancel: threading.Event, token: int) -> None:
        super().__init__()
        self._owner, self._work, self._cancel, self._token = owner, work, cancel, token
        self._last = -1

    def _progress(self, done: int, total: int) -> None:
        step = done * _PROGRESS_STEPS // max(total, 1)
        if step != self._last or done >= total:
            self._last = step
            self._owner._progress.emit(done, total)

    def run(self) -> None:
        owner, token = self._owner, self._token
        try:
            with threadpool_limits(limits=1):
                result = self._work(self._progress, self._cancel)
        except Cancelled:
            owner._done.emit(token, "cancelled", None)
        except (NnvizError, ValueError, MemoryError) as exc:
            owner._done.emit(token, "failed", str(exc))
        else:
            owner._done.emit(token, "finished", result)


class ProbeTask(QObject):
    """One piece of long work at a time; signals arrive in the GUI thread."""

    progressed = Signal(int, int)
    finished = Signal(object)
    cancelled = Signal()
    failed = Signal(str)
    #: the thread ended (after any of the three above): another task may start
    idle = Signal()
    _progress = Signal(int, int)  # from the thread
    _done = Signal(int, str, object)  # from the thread: (token, what, result or message)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: _TaskThread | None = None
        self._cancel = threading.Event()
        self._token = 0
        self._progress.connect(self._on_progress)
        self._done.connect(self._on_done)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, work: Work) -> bool:
        """Run ``work(progress, cancel)`` (its arrays must be its own copies); False while
        another task still runs."""
        if self._thread is not None:
            return False
        self._cancel = threading.Event()
        self._token += 1
        self._thread = _TaskThread(self, work, self._cancel, self._token)
        self._thread.start()
        return True

    def cancel(self) -> None:
        """Stop the running task at its next check; its result, if it comes, is dropped."""
        self._cancel.set()
        self._token += 1

    def shutdown(self) -> None:
        """Cancel and wait for the thread (the window is closing)."""
        self.cancel()
        if self._thread is not None:
            self._thread.wait()
            self._thread = None

    def _on_progress(self, done: int, total: int) -> None:
        if not self._cancel.is_set():
            self.progressed.emit(done, total)

    def _on_done(self, token: int, what: str, value) -> None:
        if self._thread is not None:
            self._thread.wait()  # run() has returned: at once
            self._thread = None
        if what == "failed":
            self.failed.emit(value)
        elif what == "finished" and token == self._token:
            self.finished.emit(value)
        else:
            self.cancelled.emit()
        self.idle.emit()


_FLOATS: weakref.WeakKeyDictionary[Dataset, np.ndarray] = weakref.WeakKeyDictionary()


def float_test_images(dataset: Dataset) -> np.ndarray:
    """The dataset's test images as float32 in [0, 1] (n, n_0), made once per dataset (read
    only: the probes share it)."""
    floats = _FLOATS.get(dataset)
    if floats is None:
        floats = dataset.test.floats(slice(None))
        floats.flags.writeable = False
        _FLOATS[dataset] = floats
    return floats


def digit_pixmap(image: np.ndarray, size: int) -> QPixmap:
    """A 28x28 digit (uint8 0-255 or floats 0-1), dark on white, as a crisp square pixmap."""
    image = np.asarray(image)
    if image.dtype != np.uint8:
        image = np.rint(np.clip(image, 0, 1) * 255).astype(np.uint8)
    side = int(round(np.sqrt(image.size)))
    pixels = np.ascontiguousarray(255 - image.reshape(side, side), dtype=np.uint8)
    qimage = QImage(pixels.data, side, side, side, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(qimage).scaled(size, size)
