"""Run record files in the window: which dataset an opened record needs (``run_dataset``) and
File > Save run written in a thread of its own (:class:`RunSaver`).

A run still training goes on changing its record; the saver writes a copy taken at the click
(``RunRecord.copy``, a few milliseconds), so the file holds one consistent moment of the run and
the window does not wait for the disk (a 20-epoch run's record is about 50 MB). The core writes
the file atomically: a save that fails leaves no half-written file.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from nnviz.core.datasets import Dataset, find_dataset
from nnviz.core.errors import NnvizError, RecordFileError
from nnviz.core.recording import RunRecord

__all__ = ["RunSaver", "run_dataset"]

_POLL_MS = 50  # how often the window looks whether a save in its thread is done


def run_dataset(record: RunRecord, current: Dataset | None, path: object = "") -> Dataset:
    """The dataset to show ``record`` on: ``current`` when it is the record's, else the one the
    record names, found again. Raises NnvizError (naming ``path``) when it is not there, when
    the record's network does not fit it, or when the record holds no weights to show."""
    where = f"{path}: " if path else ""
    if not len(record.snapshot_steps):
        raise RecordFileError(f"{where}the run record holds no weights (no snapshot was kept)")
    if current is not None and current.reference == record.dataset:
        dataset = current
    else:
        dataset = find_dataset(record.dataset, record.dataset_sha256, "the run record")
    if problem := dataset.mismatch(record.sizes):
        raise RecordFileError(f"{where}{problem}")
    return dataset


class RunSaver(QObject):
    """Writes run records in a worker thread: ``saved(Path)`` or ``failed(message)`` follow each
    ``save``, in the window's thread."""

    saved = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool: ThreadPoolExecutor | None = None
        self._pending: list[Future] = []
        self._timer = QTimer(self)
        self._timer.setInterval(_POLL_MS)
        self._timer.timeout.connect(self._on_timer)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def save(self, record: RunRecord, path: str | os.PathLike[str]) -> None:
        """Write (a copy of) ``record`` as it is now to ``path``."""
        copy = record.copy()  # in this thread, which is the one adding to a live run's tables
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nnviz-save-run")
        self._pending.append(self._pool.submit(copy.save, Path(path)))
        self._timer.start()

    def _on_timer(self) -> None:
        done = [f for f in self._pending if f.done()]
        self._pending = [f for f in self._pending if not f.done()]
        if not self._pending:
            self._timer.stop()
        for future in done:
            exc = future.exception()
            if exc is None:
                self.saved.emit(future.result())
            elif isinstance(exc, NnvizError):
                self.failed.emit(str(exc))
            else:
                self.failed.emit(f"{type(exc).__name__}: {exc}")

    def finish(self) -> None:
        """Wait for the saves still being written (the window is closing), then report them."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None
        self._on_timer()
