"""The bridge between the core's training generator and the window.

``TrainingWorker`` runs :func:`nnviz.core.training.train` in a ``QThread`` and turns its events
into Qt signals for the GUI thread:

- batches are collected and forwarded together as one :class:`BatchChunk` at most
  ``MAX_SIGNALS_PER_S`` times a second, so every batch reaches the run record but the GUI thread
  is never flooded; evaluations, pauses and the final event always pass at once (after the
  batches before them);
- the weight snapshots the run record keeps (``snapshot_steps``) are handed to ``keep`` in the
  training thread, where they are made: a run's first second keeps hundreds of them (every step
  at first, 183 KB each for the book's network), and copying them in the GUI thread stalled it
  for tens of milliseconds and slowed the trainer, which waited for the GIL; only the newest
  snapshot goes to the GUI thread, for the live view, and no more often than every
  ``SNAPSHOT_INTERVAL_S`` (a run's first seconds keep one nearly every chunk: each redrew the
  whole layer graph, 15 times a second, and the trainer waited for the GIL meanwhile) unless
  it was asked for (pause, step, slow motion) or a pause, evaluation or the end follows it;
- everything that crosses the thread is a copy the trainer no longer touches;
- the run trains in a child process (:mod:`nnviz.core.training_process`; the thread reads its
  events from a pipe): a trainer in a thread of the window's process waited for Python's lock
  whenever the window drew (the run 10-40% slower, the window's frames late); generators of
  events given to ``start_events`` run in the thread itself, as does everything when
  ``in_process`` is False (``NNVIZ_TRAIN_IN=thread``);
- BLAS is limited to one thread while training (the GUI needs the other core; with two BLAS
  threads and a busy GUI NumPy trains 2.4-2.9 times slower);
- stop, pause and step are flags the trainer reads between batches; an exception in the worker
  becomes the ``failed`` signal with a readable message, never a crash.
"""

from __future__ import annotations

import contextlib
import os
import time
import traceback
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal
from threadpoolctl import threadpool_limits

from nnviz.core import events as ev
from nnviz.core import training_process
from nnviz.core.datasets import Dataset
from nnviz.core.errors import NnvizError
from nnviz.core.network import Network
from nnviz.core.training import TrainingConfig, TrainingControl, train
from nnviz.core.training_process import RemoteControl

__all__ = ["MAX_SIGNALS_PER_S", "BatchChunk", "TrainingWorker"]

MAX_SIGNALS_PER_S = 15  # batch updates forwarded per second: a little more than the curves redraw
SNAPSHOT_INTERVAL_S = 0.5  # weight snapshots for the live layer graph: 2 frames a second
_BLAS_THREADS = 1  # the other core draws the window (see the module docstring)


def _in_process_default() -> bool:
    """Train in a child process unless ``NNVIZ_TRAIN_IN=thread`` (or the system cannot pass
    the child its pipes: not a POSIX system)."""
    return os.name == "posix" and os.environ.get("NNVIZ_TRAIN_IN", "process") != "thread"


EventFactory = Callable[[TrainingControl], Iterator[ev.TrainingEvent]]
Keep = Callable[[ev.WeightsSnapshot], object]  # called in the training thread


@dataclass(frozen=True)
class BatchChunk:
    """The batches finished since the last update, one array entry per batch (owned copies),
    and their events whole (for the run record)."""

    step: np.ndarray  # (n,) int64 optimizer steps
    epoch: np.ndarray  # (n,) float64 fractional epochs
    elapsed: np.ndarray  # (n,) float64 seconds of training
    loss: np.ndarray  # (n,) float64 batch loss (the loss being minimised)
    accuracy: np.ndarray  # (n,) float64 running training accuracy in the epoch
    batch_accuracy: np.ndarray  # (n,) float64 accuracy on each batch alone
    samples_per_s: float  # of the last batch
    total_steps: int
    events: tuple[ev.BatchFinished, ...] = ()

    @classmethod
    def from_events(cls, batches: list[ev.BatchFinished]) -> BatchChunk:
        last = batches[-1]
        return cls(
            np.fromiter((b.step for b in batches), np.int64, len(batches)),
            np.fromiter((b.epoch for b in batches), np.float64, len(batches)),
            np.fromiter((b.elapsed for b in batches), np.float64, len(batches)),
            np.fromiter((b.loss for b in batches), np.float64, len(batches)),
            np.fromiter((b.accuracy for b in batches), np.float64, len(batches)),
            np.fromiter((b.batch_accuracy for b in batches), np.float64, len(batches)),
            float(last.samples_per_s),
            int(last.total_steps),
            tuple(batches),
        )

    def __len__(self) -> int:
        return int(self.step.shape[0])


class _TrainingThread(QThread):
    """Iterates the generator; emits through the worker's signals (queued to the GUI thread)."""

    def __init__(
        self,
        worker: TrainingWorker,
        run_id: int,
        factory: EventFactory,
        control: TrainingControl,
        blas_threads: int | None,
        clock: Callable[[], float],
        keep: Keep | None,
        prepare: Callable[[], object] | None,
    ) -> None:
        super().__init__()
        self._worker = worker
        self._run_id = run_id
        self._factory = factory
        self._control = control
        self._blas_threads = blas_threads
        self._clock = clock
        self._keep = keep
        self._prepare = prepare

    def run(self) -> None:
        limits = (
            threadpool_limits(limits=self._blas_threads, user_api="blas")
            if self._blas_threads
            else contextlib.nullcontext()
        )
        with limits:
            try:
                if self._prepare is not None:
                    self._prepare()  # before the trainer's clock starts
                with contextlib.closing(self._factory(self._control)) as events:
                    self._forward(events)  # (closed early, a child's run is stopped)
            except Exception as exc:  # noqa: BLE001 - every failure becomes a message
                details = getattr(exc, "details", "") or traceback.format_exc()
                self._send("failed", _describe(exc), details)
        self._worker._thread_done.emit(self)

    def _send(self, name: str, *args: object) -> None:
        """Queue ``args`` for the worker's signal ``name`` (re-emitted in the GUI thread)."""
        self._worker._relay.emit(self._run_id, name, args)

    def _forward(self, events: Iterator[ev.TrainingEvent]) -> None:
        send = self._send
        interval = 1.0 / MAX_SIGNALS_PER_S
        keep = self._keep
        control = self._control
        pending: list[ev.BatchFinished] = []
        snapshot: ev.WeightsSnapshot | None = None
        wanted = False  # a snapshot not for the record only came since the live view's last
        last_emit = last_live = -np.inf

        def flush(now: float | None = None) -> None:
            """Send the batches and the newest snapshot; with ``now`` (a periodic flush) a
            snapshot taken only for the record waits until the live view is due a frame."""
            nonlocal pending, snapshot, wanted, last_live
            if pending:
                send("batches", BatchChunk.from_events(pending))
            pending = []
            if snapshot is None:
                return
            if (
                now is None
                or wanted  # asked for (pause, step) or taken on time for the live view
                or control.pace > 0  # slow motion: every step is shown
                or now - last_live >= SNAPSHOT_INTERVAL_S
            ):
                send("snapshot", snapshot)
                snapshot, wanted = None, False
                last_live = self._clock() if now is None else now

        for event in events:
            if isinstance(event, ev.BatchFinished):
                pending.append(event)
            elif isinstance(event, ev.WeightsSnapshot):
                if event.scheduled and keep is not None:
                    keep(event)  # kept here, before any later event reaches the GUI thread
                snapshot = event  # the live view needs only the newest; it is a copy already
                wanted = wanted or not event.scheduled
            else:
                flush()
                last_emit = self._clock()
                if isinstance(event, ev.TrainingStarted):
                    send("started", event)
                    last_live = last_emit  # the window shows the initial weights already
                elif isinstance(event, ev.Evaluated):
                    send("evaluated", event)
                elif isinstance(event, ev.Paused):
                    send("paused", event)
                elif isinstance(event, ev.HyperparameterChanged):
                    send("changed", event)
                elif isinstance(event, ev.TrainingEnded):
                    send("ended", event)
                    return
                continue
            now = self._clock()
            if now - last_emit >= interval:
                flush(now)
                last_emit = now
        flush()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, NnvizError):
        return str(exc)
    if isinstance(exc, MemoryError):
        return QCoreApplication.translate(
            "TrainingWorker", "Out of memory: try smaller hidden layers or a smaller batch size."
        )
    return f"{type(exc).__name__}: {exc}"


class TrainingWorker(QObject):
    """Runs one training run at a time in a thread; all signals arrive in the GUI thread.

    Signals carry core events (``started``: TrainingStarted, ``evaluated``: Evaluated,
    ``snapshot``: WeightsSnapshot, ``paused``: Paused, ``changed``: HyperparameterChanged,
    ``ended``: Finished / Stopped / Diverged),
    ``batches``: a :class:`BatchChunk`, and ``failed(message, details)``.
    ``finished`` is emitted once the thread has ended, after every other signal.
    """

    started = Signal(object)
    batches = Signal(object)
    evaluated = Signal(object)
    snapshot = Signal(object)
    paused = Signal(object)
    changed = Signal(object)  # HyperparameterChanged: a change asked for took effect
    ended = Signal(object)
    failed = Signal(str, str)
    finished = Signal()
    _relay = Signal(int, str, object)  # from the thread: (run id, signal name, arguments)
    _thread_done = Signal(object)  # from the thread itself, as its last act

    def __init__(
        self,
        parent: QObject | None = None,
        blas_threads: int | None = _BLAS_THREADS,
        clock: Callable[[], float] = time.perf_counter,
        in_process: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.blas_threads = blas_threads
        self.in_process = _in_process_default() if in_process is None else in_process
        self._child: training_process.TrainingProcess | None = None  # the one training now
        self._clock = clock
        self._thread: _TrainingThread | None = None
        self._control = TrainingControl()
        self._pace = 0.0  # slow motion: seconds before each step, kept from run to run
        self._run_id = 0  # events of other runs (joined and discarded) are dropped
        self._relay.connect(self._on_relay)
        self._thread_done.connect(self._on_thread_done)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # ------------------------------------------------------------------ state
    @property
    def running(self) -> bool:
        """True from start() until the thread has ended (paused counts as running)."""
        t = self._thread
        return t is not None and (t.isRunning() or not t.isFinished())

    # ------------------------------------------------------------------ commands
    def start(
        self,
        config: TrainingConfig,
        dataset: Dataset | None = None,
        network: Network | None = None,
        paused: bool = False,
        snapshot_interval: float | None = SNAPSHOT_INTERVAL_S,
        snapshot_steps: Collection[int] = (),
        keep: Keep | None = None,
        prepare: Callable[[], object] | None = None,
    ) -> None:
        """Train ``network`` (a new one from ``config`` if None) on ``dataset`` in the thread.

        The worker thread owns ``network`` until the run ends: pass a copy of anything the GUI
        keeps using. ``paused`` starts in the paused state (for a first single step).
        ``keep(snapshot)`` is called in the training thread with the WeightsSnapshot of each
        step of ``snapshot_steps``, in step order, before any later event is emitted;
        ``prepare()`` is called there before training starts (the record taking its memory).
        With ``in_process`` the network is trained in the child process (it is left as it is
        here: the events carry its weights), and ``prepare(make)`` is called instead: ``make``
        (see :data:`nnviz.core.recording.MakeArrays`) gives arrays the child writes the
        scheduled snapshots into, whose events then carry these rows as their weights.
        """

        def events(control: TrainingControl) -> Iterator[ev.TrainingEvent]:
            return train(config, dataset, control, network, snapshot_interval, snapshot_steps)

        def in_child(control: TrainingControl) -> Iterator[ev.TrainingEvent]:
            assert isinstance(control, RemoteControl)
            try:
                child = training_process.acquire()
            except OSError:  # no process can be started here: the thread trains (the control
                if prepare is not None:  # keeps every request itself too)
                    prepare()
                yield from events(control)
                return
            rows: list[training_process.SharedArrays] = []

            def shared(shapes, dtype, first: int) -> dict[str, np.ndarray]:
                rows.append(training_process.SharedArrays(shapes, dtype, first))
                return rows[-1].arrays

            self._child = child
            try:
                if prepare is not None:
                    try:
                        prepare(shared)  # the record's snapshots, written by the child
                    except OSError:  # no shared memory here: they come by value
                        prepare()
                        rows.clear()
                yield from child.events(
                    control,
                    config,
                    dataset,
                    network,
                    snapshot_interval,
                    snapshot_steps,
                    self.blas_threads,
                    rows[0] if rows else None,
                )
            finally:
                self._child = None
                for block in rows:
                    block.close_fd()
                training_process.release(child)

        if self.in_process:  # (prepare is called by in_child, with the shared memory)
            self.start_events(in_child, paused=paused, keep=keep, remote=True)
        else:
            self.start_events(events, paused=paused, keep=keep, prepare=prepare)

    def warm_up(self) -> None:
        """Start the child process of the next run now (the window is idle), so that the first
        Start does not wait for it."""
        if self.in_process:
            training_process.warm_up()

    @property
    def child_pid(self) -> int | None:
        """The process id of the child training the run going on (None: none, or a thread)."""
        child = self._child
        return None if child is None else child.pid

    def start_events(
        self,
        factory: EventFactory,
        paused: bool = False,
        keep: Keep | None = None,
        prepare: Callable[[], object] | None = None,
        remote: bool = False,
    ) -> None:
        """Run ``prepare()`` then ``factory(control)`` (a generator of core events) in the
        thread; scheduled weight snapshots go to ``keep`` there. ``remote``: the control is a
        RemoteControl (the factory passes it on to a child process)."""
        if self.running:
            raise RuntimeError("a training run is already going on")
        self._join()
        self._control = RemoteControl() if remote else TrainingControl()
        self._control.set_pace(self._pace)
        if paused:
            self._control.pause()
        self._run_id += 1
        thread = _TrainingThread(
            self,
            self._run_id,
            factory,
            self._control,
            None if remote else self.blas_threads,  # (a child process limits its own)
            self._clock,
            keep,
            prepare,
        )
        self._thread = thread
        # the thread starts once the GUI has handled what is already queued (the redraw of the
        # new network): the first batches then do not compete with it for the GIL
        QTimer.singleShot(0, lambda: self._launch(thread))

    def _launch(self, thread: _TrainingThread) -> None:
        if thread is self._thread and not thread.isRunning() and not thread.isFinished():
            thread.start()

    def pause(self) -> None:
        """Pause after the current batch; a snapshot of the weights at that point follows."""
        self._control.request_snapshot()
        self._control.pause()

    def resume(self) -> None:
        self._control.resume()

    def step(self, batches: int = 1) -> None:
        """Run exactly ``batches`` more batches, then stay paused; a snapshot follows them."""
        self._control.request_snapshot()
        self._control.step(batches)

    def change(self, name: str, value: float) -> None:
        """Set a live hyperparameter (lr, momentum, l2, dropout) from the next step on; the
        ``changed`` signal follows when it has taken effect."""
        self._control.change(name, value)

    def set_pace(self, seconds_per_step: float) -> None:
        """Slow motion: wait this long before each step (0: full speed), this run and the next."""
        self._pace = max(float(seconds_per_step), 0.0)
        self._control.set_pace(self._pace)

    @property
    def pace(self) -> float:
        return self._pace

    def stop(self) -> None:
        """Ask the run to end; it does within one batch (``ended`` carries a Stopped event)."""
        self._control.stop()

    def shutdown(self, discard: bool = False) -> None:
        """Stop and wait for the thread (closing the window). Safe to call at any time.

        ``discard`` drops every signal of the run still on its way (a reset).
        """
        self._control.stop()
        self._join()
        if discard:
            self._run_id += 1

    def _on_relay(self, run_id: int, name: str, args: tuple) -> None:
        if run_id == self._run_id:
            getattr(self, name).emit(*args)

    def _join(self) -> None:
        if self._thread is not None:
            self._thread.wait()
            self._thread = None

    def _on_thread_done(self, thread: _TrainingThread) -> None:
        if thread is not self._thread:
            return  # a run that start() or shutdown() has already joined
        thread.wait()  # returns at once: run() has returned
        self._thread = None
        self.finished.emit()
