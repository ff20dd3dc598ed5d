"""Long work in a thread of its own, with progress and cancel, reporting in the GUI thread.

``BackgroundTask.start(work)`` runs ``work(progress, cancel)`` in a QThread with one BLAS /
OpenMP thread (the other core stays with the window) and reports in the GUI thread:
``progressed(done, total)``, then ``finished(result)``, ``cancelled()`` or ``failed(message)``,
then ``idle()``. Work started before a ``cancel()`` never reports ``finished``: a result that
arrives after what it was computed for has changed is dropped, so a view never shows it. The
work stops by raising the core's :class:`~nnviz.core.errors.Cancelled` (each long computation
of the core raises a subclass of it); its arrays must be its own copies.

Used by the numerical gradient check (``learn``) and the probes; one place for the thread,
its cancel and the hand-over of results.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from threadpoolctl import threadpool_limits

from nnviz.core.errors import Cancelled, NnvizError

__all__ = ["BackgroundTask", "Work"]

_PROGRESS_STEPS = 100  # at most this many progress signals per task

Work = Callable[[Callable[[int, int], None], threading.Event], object]


class _TaskThread(QThread):
    def __init__(
        self, owner: BackgroundTask, work: Work, cancel: threading.Event, token: int
    ) -> None:
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


class BackgroundTask(QObject):
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
