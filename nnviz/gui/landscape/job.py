"""A landscape computed in a worker thread, with progress and Cancel.

``LandscapeJob`` runs :func:`nnviz.core.landscape.compute_landscape` (and, for a second run on
the same map, :func:`~nnviz.core.landscape.path_on_plane`) in a ``QThread`` with one BLAS
thread, and reports in the GUI thread: ``progressed(Progress)`` (at most ``_REPORTS_PER_S``
times a second, the last always), then ``finished(LandscapeResult)``, ``cancelled()`` or
``failed(message)``. What it reads is the record of a run that has ended (no thread writes it
any more) and the training images (never written); what it hands back is its own.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from threadpoolctl import threadpool_limits

from nnviz.core.datasets import Dataset, find_dataset
from nnviz.core.errors import NnvizError
from nnviz.core.landscape import (
    Cancelled,
    Landscape,
    LandscapeSettings,
    Path,
    Progress,
    compute_landscape,
    path_on_plane,
)
from nnviz.core.recording import RunRecord

__all__ = ["LandscapeJob", "LandscapeResult", "Request"]

_REPORTS_PER_S = 12  # previews sent to the window at most this often


@dataclass(frozen=True)
class Request:
    """What to compute: ``record``'s landscape with ``settings`` (skipped when ``landscape``
    is given: it is known already), and ``other``'s path on its plane (when given)."""

    record: RunRecord
    settings: LandscapeSettings
    dataset: Dataset | None  # the run's dataset when the window has it loaded, else found
    landscape: Landscape | None = None
    other: RunRecord | None = None


@dataclass(frozen=True)
class LandscapeResult:
    request: Request
    landscape: Landscape
    other_path: Path | None


class _Thread(QThread):
    def __init__(self, job: LandscapeJob, request: Request, cancel: threading.Event) -> None:
        super().__init__()
        self._job, self._request, self._cancel = job, request, cancel
        self._last = 0.0

    def _progress(self, report: Progress) -> None:
        now = time.monotonic()
        if now - self._last >= 1 / _REPORTS_PER_S or report.done == report.total:
            self._last = now
            self._job._progress.emit(report)

    def run(self) -> None:
        r, job = self._request, self._job
        try:
            with threadpool_limits(limits=1, user_api="blas"):
                dataset = r.dataset or find_dataset(
                    r.record.dataset, r.record.dataset_sha256, "the run"
                )
                train = dataset.train
                landscape = r.landscape or compute_landscape(
                    r.record, train.images, train.labels, r.settings, self._progress, self._cancel
                )
                other = None
                if r.other is not None:
                    if self._cancel.is_set():
                        raise Cancelled(0, 0)
                    other = path_on_plane(
                        r.other, landscape.plane, train.images, train.labels, landscape.samples
                    )
        except Cancelled:
            job._done.emit("cancelled", None)
        except (NnvizError, ValueError, MemoryError) as exc:
            job._done.emit("failed", str(exc))
        else:
            job._done.emit("finished", LandscapeResult(r, landscape, other))


class LandscapeJob(QObject):
    """One landscape at a time; signals arrive in the GUI thread."""

    progressed = Signal(object)
    finished = Signal(object)
    cancelled = Signal()
    failed = Signal(str)
    _progress = Signal(object)  # from the thread
    _done = Signal(str, object)  # from the thread: (what, result or message)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: _Thread | None = None
        self._cancel = threading.Event()
        self._progress.connect(self._on_progress)
        self._done.connect(self._on_done)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, request: Request) -> bool:
        if self._thread is not None:
            return False
        self._cancel = threading.Event()
        self._thread = _Thread(self, request, self._cancel)
        self._thread.start()
        return True

    def cancel(self) -> None:
        """Stop within one grid row (``cancelled`` follows)."""
        self._cancel.set()

    def shutdown(self) -> None:
        """Cancel and wait for the thread (the window is closing)."""
        self._cancel.set()
        if self._thread is not None:
            self._thread.wait()
            self._thread = None

    def _on_progress(self, report: Progress) -> None:
        if self._thread is not None and not self._cancel.is_set():
            self.progressed.emit(report)  # its arrays are the thread's copies, made for it

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
