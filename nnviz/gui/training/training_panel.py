"""The training controls: hyperparameters bound to TrainingConfig, Start / Pause / Step / Stop /
Reset, and a progress bar. The panel owns the TrainingWorker and keeps the Session up to date
(a new network at the start, live weights from snapshots, the trained weights at the end).

Every default shown comes from ``dataclasses.fields(TrainingConfig)``; every check is
TrainingConfig's own (its ConfigError text is shown under the field).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nnviz.core import events as ev
from nnviz.core.datasets import DATASET_NAMES, Dataset, load_dataset
from nnviz.core.errors import NnvizError
from nnviz.core.training import TrainingConfig
from nnviz.gui.session import Session
from nnviz.gui.training.training_form import TrainingForm
from nnviz.gui.training.training_progress import ProgressView, format_duration
from nnviz.gui.training.worker import TrainingWorker

__all__ = ["TrainingPanel", "connect_training"]

_BUTTON_MIN_WIDTH = 56  # px: fits "Resume" in the Fusion style
_ERROR_STYLE = "color: #c92a2a;"
_FIELD_ERROR_STYLE = "QLineEdit { border: 1px solid #c92a2a; border-radius: 2px; }"
_STATUS_STYLES = {
    "info": "color: #495057;",
    "good": "color: #2b8a3e;",
    "bad": "color: #c92a2a;",
}
# the activation parameter each activation takes (field of TrainingConfig)
_ACTIVATION_PARAM = {"leaky-relu": "leaky_slope", "elu": "elu_alpha", "maxout": "maxout_pieces"}


class TrainingPanel(QWidget):
    """Hyperparameters, run controls and progress. Signals for the curves and results:

    ``run_started(TrainingConfig)`` when a new run begins, ``run_ended(TrainingEnded)`` and
    ``run_failed(str)`` when it ends; the worker's own signals carry batches and evaluations.
    """

    run_started = Signal(object)
    run_ended = Signal(object)
    run_failed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.worker = TrainingWorker(self)
        self._state = "idle"  # idle | running | paused
        self._run_config: TrainingConfig | None = None  # the config of the current / last run
        self._seed_used: int | None = None
        self._last_eval: ev.Evaluated | None = None
        self._last_end: ev.TrainingEnded | None = None
        self._run_network = None  # the session's network while it shows this panel's run
        self._watched_window: QWidget | None = None

        self._build()
        session.dataset_changed.connect(self._on_dataset_changed)
        self._connect_worker()
        self._set_state("idle")

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(6)
        self.form = TrainingForm(self._session_dataset_name)
        self.form.changed.connect(self._update_buttons)
        outer.addWidget(self.form)

        buttons = QGridLayout()
        buttons.setHorizontalSpacing(4)
        self.start_button = QPushButton()
        self.pause_button = QPushButton()
        self.step_button = QPushButton()
        self.stop_button = QPushButton()
        self.reset_button = QPushButton()
        self.start_button.setDefault(True)
        for b in (
            self.start_button,
            self.pause_button,
            self.step_button,
            self.stop_button,
            self.reset_button,
        ):
            b.setMinimumWidth(_BUTTON_MIN_WIDTH)  # the style's 80 px would widen a narrow dock
        for i, b in enumerate(
            (self.start_button, self.pause_button, self.step_button, self.stop_button)
        ):
            buttons.addWidget(b, 0, i)
        self.same_weights = QCheckBox()
        buttons.addWidget(self.same_weights, 1, 0, 1, 3)
        buttons.addWidget(self.reset_button, 1, 3)
        outer.addLayout(buttons)
        self.start_button.clicked.connect(self.start)
        self.pause_button.clicked.connect(self._on_pause_clicked)
        self.step_button.clicked.connect(self.step)
        self.stop_button.clicked.connect(self.stop)
        self.reset_button.clicked.connect(self.reset)

        self.progress_view = ProgressView()
        self.progress = self.progress_view.bar
        self.progress_label = self.progress_view.label
        outer.addWidget(self.progress_view)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.status_label)
        outer.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.start_button.setText(self.tr("Start"))
        self.start_button.setToolTip(self.tr("Train a new network with these settings"))
        self.pause_button.setText(
            self.tr("Resume") if getattr(self, "_state", "idle") == "paused" else self.tr("Pause")
        )
        self.step_button.setText(self.tr("Step"))
        self.step_button.setToolTip(self.tr("Train on one batch, then pause"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("End the run, keeping the weights learnt so far"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(
            self.tr("Put freshly initialised weights in the network (untrained)")
        )
        self.same_weights.setText(self.tr("Same initial weights"))
        self.same_weights.setToolTip(
            self.tr(
                "Keep the seed, so the next run starts from exactly the same weights and "
                "replays identically (change one setting to compare)"
            )
        )

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def _on_dataset_changed(self) -> None:
        """A dataset opened from the File menu becomes the one to train on."""
        ds = self.session.dataset
        if ds is None or self._state != "idle" or ds.name == self.form.text("dataset"):
            return
        self.form.set_text("dataset", ds.name if ds.name in DATASET_NAMES else str(ds.directory))
        self.form.validate()

    def _session_dataset_name(self) -> str | None:
        ds = self.session.dataset
        return ds.name if ds is not None else None

    @property
    def config(self) -> TrainingConfig | None:
        """The configuration in the fields, or None while a field holds an invalid value."""
        return self.form.config

    @property
    def run_config(self) -> TrainingConfig | None:
        """The configuration of the current (or last) run."""
        return self._run_config

    @property
    def state(self) -> str:
        """idle, running or paused."""
        return self._state

    @property
    def last_evaluation(self) -> ev.Evaluated | None:
        return self._last_eval

    def set_config(self, config: TrainingConfig) -> None:
        """Show ``config`` in the fields (ignored during a run)."""
        if self._state == "idle":
            self.form.set_config(config)

    # ------------------------------------------------------------------ commands
    def _fresh_network(self):
        """(config, dataset, untrained network) from the fields, or None (the reason shown).

        Unless "Same initial weights" is ticked, a seed that was already used is moved on by
        one, so each Start or Reset draws new initial weights."""
        config = self.form.validate()
        if config is None:
            return None
        if not self.same_weights.isChecked() and self._seed_used == config.seed:
            config = config.with_(seed=config.seed + 1)
            self.form.set_seed(config.seed)
        try:
            dataset = self._dataset_for(config)
            network = config.make_network(dataset.input_size, dataset.num_classes)
        except NnvizError as exc:
            self._show_status(str(exc), "bad")
            return None
        return config, dataset, network

    def start(self, paused: bool = False) -> bool:
        """Start a new run with the fields' configuration; False if it is invalid or running."""
        if self._state != "idle":
            return False
        prepared = self._fresh_network()
        if prepared is None:
            return False
        config, dataset, network = prepared
        if self.session.dataset is not dataset:
            self.session.set_dataset(dataset)
        self._show_network(network)
        self._run_config = config
        self._seed_used = config.seed
        self._last_eval = None
        self._last_end = None
        self.progress_view.begin(config.epochs)
        self._show_status("", "info")
        self.worker.start(config, dataset, network, paused=paused)
        self._set_state("paused" if paused else "running")
        self.run_started.emit(config)
        return True

    def _show_network(self, network) -> None:
        """Put (a copy of) the run's initial weights into the session: in place when the
        session's network has the same shape (cheaper to redraw), else as a new network."""
        current = self.session.network
        same = (
            current.sizes == network.sizes
            and current.activation == network.activation
            and current.dtype == network.dtype
        )
        if same and current is self._run_network:
            self.session.set_params(network.params)
        else:
            self._run_network = network.copy()
            self.session.set_network(self._run_network)

    def _dataset_for(self, config: TrainingConfig) -> Dataset:
        ds = self.session.dataset
        if ds is not None and config.dataset in (ds.name, str(ds.directory)):
            return ds
        return load_dataset(config.dataset)

    def _on_pause_clicked(self) -> None:
        if self._state == "running":
            self.pause()
        elif self._state == "paused":
            self.resume()

    def pause(self) -> None:
        if self._state == "running":
            self.worker.pause()
            self._set_state("paused")

    def resume(self) -> None:
        if self._state == "paused":
            self.worker.resume()
            self._set_state("running")

    def step(self) -> None:
        """One batch: starts a paused run when idle, pauses a running one."""
        if self._state == "idle":
            if not self.start(paused=True):
                return
        self.worker.step()
        self._set_state("paused")

    def stop(self) -> None:
        if self._state != "idle":
            self.worker.stop()

    def reset(self) -> None:
        """Stop any run and put freshly initialised (untrained) weights into the network."""
        self.worker.shutdown(discard=True)  # nothing more of the old run arrives
        if self._state != "idle":
            self._set_state("idle")
        prepared = self._fresh_network()
        if prepared is None:
            return
        config, _dataset, network = prepared
        self._seed_used = None
        self._last_end = None
        self._last_eval = None
        self._run_config = None
        self._run_network = None
        self.session.set_network(network)
        self.progress_view.clear()
        self._show_status(
            self.tr("New initial weights (seed {seed}): the network is untrained.").format(
                seed=config.seed
            ),
            "info",
        )

    def shutdown(self) -> None:
        """Stop and join the worker (the window is closing)."""
        self.worker.shutdown()

    # ------------------------------------------------------------------ state
    def _set_state(self, state: str) -> None:
        self._state = state
        self.form.set_locked(state != "idle")
        self.pause_button.setText(self.tr("Resume") if state == "paused" else self.tr("Pause"))
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        idle = self._state == "idle"
        valid = self.form.config is not None
        self.start_button.setEnabled(idle and valid)
        self.step_button.setEnabled(valid or not idle)
        self.pause_button.setEnabled(not idle)
        self.stop_button.setEnabled(not idle)

    def _show_status(self, text: str, kind: str) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(_STATUS_STYLES[kind])

    # ------------------------------------------------------------------ worker events
    def _connect_worker(self) -> None:
        w = self.worker
        w.started.connect(self.progress_view.started)
        w.batches.connect(self.progress_view.batches)
        w.evaluated.connect(self._on_evaluated)
        w.snapshot.connect(self._on_snapshot)
        w.paused.connect(self._on_paused)
        w.ended.connect(self._on_ended)
        w.failed.connect(self._on_failed)

    def _on_evaluated(self, event: ev.Evaluated) -> None:
        self._last_eval = event

    def _owns_session_network(self) -> bool:
        """False once something else (File > Open) replaced the network being trained."""
        return self.session.network is self._run_network

    def _on_snapshot(self, event: ev.WeightsSnapshot) -> None:
        if self._owns_session_network():
            self.session.set_params(event.params)

    def _on_paused(self, event: ev.Paused) -> None:
        self.progress_view.flush()  # the step the run stopped at, not an older one
        if self._state == "running":  # paused from elsewhere (control.pause())
            self._set_state("paused")
        self._show_status(
            self.tr("Paused after {n:,} steps: press Step for one more batch, or Resume.").format(
                n=event.step
            ),
            "info",
        )

    def _on_ended(self, event: ev.TrainingEnded) -> None:
        self._last_end = event
        if self._owns_session_network():
            self.session.set_params(event.params)
        self._set_state("idle")
        self.progress_view.finish(event)
        if isinstance(event, ev.Diverged):
            config = self._run_config
            self._show_status(
                self.tr(
                    "Training diverged at step {step}: each step changed the weights so much "
                    "that the loss grew instead of shrinking. The learning rate {lr:g} is too "
                    "large for {opt}: try a tenth of it ({lr10:g}). The last good weights were "
                    "kept."
                ).format(
                    step=event.step + 1, lr=config.lr, opt=config.optimizer, lr10=config.lr / 10
                ),
                "bad",
            )
            self.status_label.setToolTip(event.message)
        elif isinstance(event, ev.Stopped):
            self._show_status(self.tr("Stopped after {n:,} steps.").format(n=event.step), "info")
        else:
            acc = self._last_eval.test_accuracy if self._last_eval is not None else None
            text = self.tr("Finished in {t}.").format(t=format_duration(event.elapsed))
            if acc is not None:
                text += " " + self.tr("Test accuracy {a:.1%}.").format(a=acc)
            self._show_status(text, "good")
        self.run_ended.emit(event)

    def _on_failed(self, message: str, details: str) -> None:
        self._set_state("idle")
        self._show_status(self.tr("Training failed: {m}").format(m=message), "bad")
        self.status_label.setToolTip(details)
        self.run_failed.emit(message)

    # ------------------------------------------------------------------ saving
    def model_meta(self) -> dict:
        """Metadata for File > Save (the same keys as ``nnviz train --save``)."""
        config = self._run_config
        if config is None or not self._owns_session_network():
            return {}  # the window shows a network this panel did not train
        metrics: dict[str, object] = {}
        if self._last_eval is not None:
            e = self._last_eval
            metrics.update(
                test_accuracy=e.test_accuracy,
                test_cross_entropy=e.test_cross_entropy,
                test_mse=e.test_mse,
                train_accuracy=e.train_accuracy,
            )
        if self._state != "idle":
            metrics.update(status=self._state)  # saved mid-run: the last snapshot's weights
        elif self._last_end is not None:
            metrics.update(steps=self._last_end.step, status=self._last_end.status)
        return {
            "loss": config.loss,
            "dataset": config.dataset,
            "config": config.to_dict(),
            "metrics": metrics,
            "saved": time.strftime("%Y-%m-%dT%H:%M:%S"),
        }

    # ------------------------------------------------------------------ closing
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        window = self._main_window()
        if window is not self._watched_window:
            if self._watched_window is not None:
                self._watched_window.removeEventFilter(self)
            window.installEventFilter(self)
            self._watched_window = window

    def _main_window(self) -> QWidget:
        w: QWidget = self
        while w.parentWidget() is not None and not isinstance(w, QMainWindow):
            w = w.parentWidget()
        return w

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._watched_window and event.type() == QEvent.Type.Close:
            self.shutdown()
        return False

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override (panel as its own window)
        self.shutdown()
        super().closeEvent(event)


def connect_training(panel: TrainingPanel, curves=None, results=None) -> None:
    """Feed the curves (CurvesPanel) and results (ResultsPanel) from the panel's runs."""
    w = panel.worker
    if curves is not None:
        panel.run_started.connect(curves.begin_run)
        w.started.connect(curves.set_run_length)
        w.batches.connect(curves.add_batches)
        w.evaluated.connect(curves.add_evaluation)
        w.paused.connect(lambda _event: curves.refresh())  # a single step shows at once
        panel.run_ended.connect(curves.end_run)
    if results is not None:
        panel.run_started.connect(results.clear)
        w.evaluated.connect(results.show_evaluation)
        panel.run_ended.connect(results.run_ended)
