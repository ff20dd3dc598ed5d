"""The training controller: the one owner of a run in the window.

:class:`TrainingController` owns the worker thread, the run's state (:class:`RunState`) and the
:class:`~nnviz.core.recording.RunRecord` being written, which it hands to the Session as the
newest run at Start. Every event of the run goes into that record: the weight snapshots it
keeps in the training thread, where they are made (the record lists a snapshot only once it is
written whole, so the GUI thread may read it meanwhile), everything else in the GUI thread;
views read the record, never the events. It keeps the Session's network up to date: the run's
initial weights at Start, live snapshots, the final weights.

There is one way to end a run early: :meth:`TrainingController.shutdown`, used by Reset (which
also drops whatever of the run is still on its way), by closing the window and by quitting.
Stop asks the run to end within one batch and lets its last events arrive.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from nnviz.core import events as ev
from nnviz.core.datasets import Dataset
from nnviz.core.metrics import Evaluation
from nnviz.core.network import Network
from nnviz.core.recording import RunRecord
from nnviz.core.training import TrainingConfig
from nnviz.gui.session import Session, single_digit_lr
from nnviz.gui.training.worker import BatchChunk, TrainingWorker

__all__ = ["RunState", "TrainingController"]

# the live weights are shown this long after they arrive, on a timer: weights that arrive
# together (the last live ones, then the final ones with the run's end) are drawn once
LIVE_DELAY_MS = 1


class RunState(Enum):
    IDLE = "idle"  # no run yet in this window
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    STOPPED = "stopped"
    DIVERGED = "diverged"
    FAILED = "failed"

    @property
    def active(self) -> bool:
        """A run is going on (running or paused): settings are locked, Start is refused."""
        return self in (RunState.RUNNING, RunState.PAUSED)


_ENDED = {
    ev.Finished: RunState.FINISHED,
    ev.Stopped: RunState.STOPPED,
    ev.Diverged: RunState.DIVERGED,
}


class TrainingController(QObject):
    """Starts, steers and records runs. Signals (all in the GUI thread):

    ``state_changed(RunState)``; ``run_started(RunRecord)``; ``started(TrainingStarted)``;
    ``batches(BatchChunk)`` after the chunk is in the record; ``evaluated(Evaluated)`` likewise;
    ``paused(Paused)``; ``changed(HyperparameterChanged)`` once a change made during the run
    took effect (it is in the record); ``run_ended(TrainingEnded)``;
    ``run_failed(message, details)``.
    """

    state_changed = Signal(object)
    run_started = Signal(object)
    started = Signal(object)
    batches = Signal(object)
    evaluated = Signal(object)
    paused = Signal(object)
    changed = Signal(object)
    run_ended = Signal(object)
    run_failed = Signal(str, str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.worker = TrainingWorker(self)
        self._state = RunState.IDLE
        self._record: RunRecord | None = None
        self._asked: dict[str, float] = {}
        self._network: Network | None = None  # the session's network while it shows this run
        w = self.worker
        w.started.connect(self._on_started)
        w.batches.connect(self._on_batches)
        w.evaluated.connect(self._on_evaluated)
        w.snapshot.connect(self._on_snapshot)
        session.shown_step_changed.connect(self._on_shown_step_changed)
        self._live_params: dict | None = None
        self._live_pending = False  # newer live weights than those shown wait for the timer
        w.paused.connect(self._on_paused)
        w.changed.connect(self._on_changed)
        w.ended.connect(self._on_ended)
        w.failed.connect(self._on_failed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # ------------------------------------------------------------------ state
    @property
    def state(self) -> RunState:
        return self._state

    @property
    def record(self) -> RunRecord | None:
        """The record of the current (or last) run."""
        return self._record

    @property
    def config(self) -> TrainingConfig | None:
        return None if self._record is None else self._record.config

    def owns_session_network(self) -> bool:
        """False once something else (File > Open, Reset) replaced the network being trained."""
        return self._network is not None and self.session.network is self._network

    def _set_state(self, state: RunState) -> None:
        if state is not self._state:
            self._state = state
            self.state_changed.emit(state)

    # ------------------------------------------------------------------ commands
    def start(
        self, config: TrainingConfig, dataset: Dataset, network: Network, paused: bool = False
    ) -> bool:
        """Train ``network`` (untrained, from ``config``) on ``dataset``; False while a run is
        going on. The Session shows a copy of it, updated as the run goes."""
        if self._state.active:
            return False
        if self.session.dataset is not dataset:
            self.session.set_dataset(dataset)
        record = RunRecord.for_run(
            config,
            dataset.input_size,
            dataset.num_classes,
            len(dataset.train),
            dataset=dataset.reference,  # a known name or the folder's path (no hashing here)
        )
        self._show_network(network)
        # the backward stages show this run's loss, and one digit's share of its step
        self.session.set_learning(config.loss, single_digit_lr(config))
        self._record = record
        self._live_params, self._live_pending = None, False  # (the last run's, if any)
        self._asked: dict[str, float] = {}  # changes asked for, not yet taken effect
        self.session.add_run(record)
        self.worker.shutdown()  # the last run's thread, if it is still finishing after its end
        self.worker.start(
            config,
            dataset,
            network,
            paused=paused,
            snapshot_steps=record.schedule,
            keep=record.add,  # these two run in the training thread
            prepare=record.reserve_snapshots,
        )
        self._set_state(RunState.PAUSED if paused else RunState.RUNNING)
        self.run_started.emit(record)
        return True

    def _show_network(self, network: Network) -> None:
        """Put (a copy of) the run's initial weights into the session: in place when the
        session's network has the same shape (cheaper to redraw), else as a new network."""
        current = self.session.network
        same = (
            current.sizes == network.sizes
            and current.activation == network.activation
            and current.dtype == network.dtype
        )
        if same and self.owns_session_network():
            self.session.set_params(network.params)
        else:
            self._network = network.copy()
            self.session.set_network(self._network)

    def pause(self) -> None:
        if self._state is RunState.RUNNING:
            self.worker.pause()
            self._set_state(RunState.PAUSED)

    def resume(self) -> None:
        if self._state is RunState.PAUSED:
            self.worker.resume()
            self._set_state(RunState.RUNNING)

    def step(self) -> None:
        """One more batch of a paused (or running) run, then pause."""
        if self._state.active:
            self.worker.step()
            self._set_state(RunState.PAUSED)

    def change(self, name: str, value: float) -> bool:
        """Change a live hyperparameter (LIVE_HYPERPARAMETERS) of the running run from its next
        step on; False (nothing done) when no run is going on or the value is what it is."""
        if not self._state.active or self.current_value(name) == value:
            return False
        self._asked[name] = float(value)
        self.worker.change(name, value)
        return True

    def current_value(self, name: str) -> float | None:
        """The value a live hyperparameter of the current run has now (or was last asked to
        take), None without a run."""
        if self._record is None:
            return None
        if name in self._asked:
            return self._asked[name]
        value = float(getattr(self._record.config, name))
        for _step, changed, _old, new in self._record.changes:
            if changed == name:
                value = new
        return value

    def set_pace(self, seconds_per_step: float) -> None:
        """Slow motion (0: full speed): for this run and the next."""
        self.worker.set_pace(seconds_per_step)

    @property
    def pace(self) -> float:
        return self.worker.pace

    def stop(self) -> None:
        """End the run within one batch, keeping what it learnt (run_ended follows)."""
        if self._state.active:
            self.worker.stop()

    def shutdown(self, discard: bool = False) -> None:
        """THE way a run ends early: stop it and wait for its thread. ``discard`` (Reset) drops
        what of the run is still on its way; the record keeps what it has, marked stopped."""
        was_active = self._state.active
        self.worker.shutdown(discard=discard)
        if discard:
            self._live_pending = False  # (Reset: what was on its way is not shown)
        if discard and was_active:
            if self._record is not None and self._record.status == "running":
                self._record.status = "stopped"
            self._set_state(RunState.STOPPED)

    def warm_up(self) -> None:
        """Get the trainer ready for the first Start while the window is idle."""
        self.worker.warm_up()

    def forget_network(self) -> None:
        """The Session's network no longer shows this controller's run (Reset, File > Open)."""
        self._network = None

    # ------------------------------------------------------------------ worker events
    def _on_started(self, event: ev.TrainingStarted) -> None:
        if self._record is not None:
            self._record.add(event)
        self.started.emit(event)

    def _on_batches(self, chunk: BatchChunk) -> None:
        if self._record is not None:
            self._record.add_batches(chunk.events)
        self.batches.emit(chunk)

    def _on_evaluated(self, event: ev.Evaluated) -> None:
        if self._record is not None:
            self._record.add(event)
        self.evaluated.emit(event)

    def _on_snapshot(self, event: ev.WeightsSnapshot) -> None:
        self._live_params = event.params
        if not self._live_pending:
            self._live_pending = True
            QTimer.singleShot(LIVE_DELAY_MS, self, self._show_live)

    def _show_live(self) -> None:
        """The newest live weights into the Session (not while the learner looks at the past,
        nor once the run's end showed its final weights)."""
        if not self._live_pending:
            return
        self._live_pending = False
        if self.owns_session_network() and self.session.shown_step is None:
            self.session.set_params(self._live_params)

    def _on_shown_step_changed(self, step) -> None:
        if step is None and self._state.active and self._live_params is not None:
            if self.owns_session_network():
                self.session.set_params(self._live_params)  # back to live: the newest weights

    def _on_changed(self, event: ev.HyperparameterChanged) -> None:
        if self._record is not None:
            self._record.add(event)
        if self._asked.get(event.name) == event.new:
            del self._asked[event.name]
        self.changed.emit(event)

    def _on_paused(self, event: ev.Paused) -> None:
        if self._state is RunState.RUNNING:  # paused from elsewhere (control.pause())
            self._set_state(RunState.PAUSED)
        self.paused.emit(event)

    def _on_ended(self, event: ev.TrainingEnded) -> None:
        if self._record is not None:
            self._record.add(event)
        self._live_params, self._live_pending = event.params, False  # (final: shown now)
        if self.owns_session_network() and self.session.shown_step is None:
            self.session.set_params(event.params, self._final_evaluation(event))
        self._set_state(_ENDED.get(type(event), RunState.FINISHED))
        self.run_ended.emit(event)

    def _final_evaluation(self, event: ev.TrainingEnded) -> Evaluation | None:
        """The run's last evaluation on the test set when it is of the final weights (taken at
        the last step, as at the end of the last epoch): the window shows it instead of
        evaluating the same weights again in its thread as the run ends."""
        record = self._record
        if record is None or not record.evaluations_recorded or isinstance(event, ev.Diverged):
            return None  # (a diverged run's final weights are its last good ones)
        last = record.evaluation(-1)
        if last.step != event.step:
            return None  # the weights moved on since
        return Evaluation(
            accuracy=last.test_accuracy,
            cross_entropy=last.test_cross_entropy,
            mse=last.test_mse,
            predictions=last.test_predictions,
            confusion=last.confusion,
        )

    def _on_failed(self, message: str, details: str) -> None:
        if self._record is not None:
            self._record.fail(message)
        self._set_state(RunState.FAILED)
        self.run_failed.emit(message, details)
