"""The training controls: hyperparameters bound to TrainingConfig, Start / Pause / Step / Stop /
Reset, a progress bar and the run's status, all bound to the window's TrainingController (which
owns the run, its thread and its record).

Every default shown comes from ``dataclasses.fields(TrainingConfig)``; every check is
TrainingConfig's own (its ConfigError text is shown under the field).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nnviz.core import events as ev
from nnviz.core.datasets import DATASET_NAMES, Dataset, load_dataset
from nnviz.core.errors import NnvizError
from nnviz.core.training import LIVE_HYPERPARAMETERS, TrainingConfig
from nnviz.gui import style
from nnviz.gui.session import Session
from nnviz.gui.training.controller import RunState, TrainingController
from nnviz.gui.training.training_form import TrainingForm
from nnviz.gui.training.training_progress import ProgressView, format_duration

__all__ = ["TrainingPanel"]

_BUTTON_MIN_WIDTH = 56  # px: fits "Resume" in the Fusion style
# slow motion: seconds waited before each step (0: full speed); the graph shows every step
PACES = (0.0, 0.2, 1.0)


class TrainingPanel(QWidget):
    """The form and the run buttons of ``controller``; shows its progress and status.

    ``may_replace_network()`` is asked before Reset throws the network on screen away (the
    window asks the learner to save unsaved changes); without it Reset always may."""

    def __init__(
        self,
        session: Session,
        controller: TrainingController,
        parent: QWidget | None = None,
        may_replace_network: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.controller = controller
        self._may_replace_network = may_replace_network or (lambda: True)
        self._seed_used: int | None = None
        self._new_seed: tuple[int, int] | None = None  # (the last run's, this run's)
        # the status line is written by a function of the run's data, called again after a
        # language change (a translated text kept would stay in the old language)
        self._status_text: Callable[[], str] = str
        self._pending_fix: dict = {}  # a hint's settings that wait for the end of the run
        self._build()
        session.dataset_changed.connect(self._on_dataset_changed)
        c = controller
        c.state_changed.connect(self._on_state_changed)
        c.started.connect(self.progress_view.started)
        c.batches.connect(self.progress_view.batches)
        c.paused.connect(self._on_paused)
        c.changed.connect(self._on_changed)
        session.sample_changed.connect(self.form.refresh_preview)
        c.run_ended.connect(self._on_ended)
        c.run_failed.connect(self._on_failed)
        self._on_state_changed(c.state)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(6)
        self.form = TrainingForm(self._session_dataset_name, digit=lambda: self.session.x)
        self.form.changed.connect(self._update_buttons)
        self.form.changed.connect(self._on_form_changed)
        self.form.live_edited.connect(self._send_live_changes)
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
        # a new seed drawn at Start is said, with the way back to the last one
        seed_row = QHBoxLayout()
        self.seed_note = QLabel()
        self.seed_note.setWordWrap(True)
        self.seed_note.setStyleSheet(f"color: {style.MUTED};")
        self.seed_back = QPushButton()
        self.seed_back.clicked.connect(self._on_seed_back)
        seed_row.addWidget(self.seed_note, 1)
        seed_row.addWidget(self.seed_back)
        outer.addLayout(seed_row)
        self._show_new_seed(None)
        pace_row = QHBoxLayout()
        self.pace_label = QLabel()
        self.pace_box = QComboBox()
        for pace in PACES:
            self.pace_box.addItem("", pace)  # texts: retranslate_ui
        self.pace_box.currentIndexChanged.connect(
            lambda i: self.controller.set_pace(self.pace_box.itemData(i))
        )
        pace_row.addWidget(self.pace_label)
        pace_row.addWidget(self.pace_box, 1)
        outer.addLayout(pace_row)
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
        paused = self.controller.state is RunState.PAUSED
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        self.step_button.setText(self.tr("Step"))
        self.step_button.setToolTip(self.tr("Train on one batch, then pause"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("End the run, keeping the weights learnt so far"))
        self.reset_button.setText(self.tr("Reset"))
        self.reset_button.setToolTip(
            self.tr(
                "Put the untrained network of the seed in the settings back: the initial "
                "weights the next Start begins from"
            )
        )
        self.same_weights.setText(self.tr("Same initial weights"))
        self.same_weights.setToolTip(
            self.tr(
                "Keep the seed, so the next run starts from exactly the same weights and "
                "replays identically (change one setting to compare). Unticked, each new "
                "Start takes the next seed and says so."
            )
        )
        self._show_new_seed(self._new_seed)
        self.pace_label.setText(self.tr("Speed"))
        for i, text in enumerate(
            (
                self.tr("full speed"),
                self.tr("slow motion: 5 steps a second"),
                self.tr("slow motion: 1 step a second"),
            )
        ):
            self.pace_box.setItemText(i, text)
        self.pace_box.setToolTip(
            self.tr(
                "Slow motion paces the training so that each step can be watched on the "
                "graph: the edges change colour with every weight update"
            )
        )
        self.status_label.setText(self._status_text())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def _on_dataset_changed(self) -> None:
        """A dataset opened from the File menu becomes the one to train on."""
        ds = self.session.dataset
        if ds is None or self.controller.state.active or ds.name == self.form.text("dataset"):
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

    def set_config(self, config: TrainingConfig) -> None:
        """Show ``config`` in the fields (ignored during a run)."""
        if not self.controller.state.active:
            self.form.set_config(config)

    # ------------------------------------------------------------------ commands
    def _fresh_network(self, draw_new: bool = False):
        """(config, dataset, untrained network) from the fields, or None (the reason shown).

        With ``draw_new`` (a Start) and "Same initial weights" not ticked, a seed the last run
        used is moved on by one, so each run starts from new initial weights: the field shows
        the new seed and the panel says so, with the way back."""
        config = self.form.validate()
        if config is None:
            return None
        if draw_new and not self.same_weights.isChecked() and self._seed_used == config.seed:
            last = config.seed
            config = config.with_(seed=last + 1)
            self.form.set_seed(config.seed)
            self._show_new_seed((last, config.seed))
        try:
            dataset = self._dataset_for(config)
            network = config.make_network(dataset.input_size, dataset.num_classes)
        except NnvizError as exc:
            self._show_status(str(exc), "bad")
            return None
        return config, dataset, network

    def _dataset_for(self, config: TrainingConfig) -> Dataset:
        ds = self.session.dataset
        if ds is not None and config.dataset in (ds.name, str(ds.directory)):
            return ds
        return load_dataset(config.dataset)

    def start(self, paused: bool = False) -> bool:
        """Start a new run with the fields' configuration; False if it is invalid or running."""
        if self.controller.state.active:
            return False
        prepared = self._fresh_network(draw_new=True)
        if prepared is None:
            return False
        config, dataset, network = prepared
        self._seed_used = config.seed
        self.progress_view.begin(config.epochs)
        self._show_status("", "info")
        return self.controller.start(config, dataset, network, paused=paused)

    def _on_pause_clicked(self) -> None:
        if self.controller.state is RunState.RUNNING:
            self.controller.pause()
        elif self.controller.state is RunState.PAUSED:
            self.controller.resume()

    def step(self) -> None:
        """One batch: starts a paused run when none is going on, pauses a running one."""
        if not self.controller.state.active and not self.start(paused=True):
            return
        self.controller.step()

    def stop(self) -> None:
        self.controller.stop()

    def reset(self) -> None:
        """Stop any run and show the untrained network of the seed in the fields: the initial
        weights the next Start begins from. The seed stays as it is (the same weights at every
        Reset; another seed is the learner's choice). Unsaved changes are asked about first."""
        if not self._may_replace_network():
            return  # the learner kept the network (Cancel, or the save did not happen)
        self.controller.shutdown(discard=True)  # nothing more of the old run arrives
        prepared = self._fresh_network()
        if prepared is None:
            return
        config, _dataset, network = prepared
        self._seed_used = None  # the next Start begins from these weights
        self.controller.forget_network()
        self.session.set_network(network)
        self.progress_view.clear()
        self._show_status(
            lambda: self.tr(
                "The network is untrained again: the initial weights of seed {seed}, which "
                "the next Start begins from. Another seed gives other random weights."
            ).format(seed=config.seed),
            "info",
        )

    def _show_new_seed(self, seeds: tuple[int, int] | None) -> None:
        """Say that Start drew new initial weights (seed ``seeds[1]``, the last run's
        ``seeds[0]``), with a button back to the last one; None hides it."""
        self._new_seed = seeds
        self.seed_note.setVisible(seeds is not None)
        self.seed_back.setVisible(seeds is not None)
        if seeds is None:
            return
        last, new = seeds
        self.seed_note.setText(
            self.tr(
                "New initial weights for this run: seed {new} (the last run started from seed "
                "{last}; tick Same initial weights to keep one seed)."
            ).format(new=new, last=last)
        )
        self.seed_back.setText(self.tr("Back to seed {last}").format(last=last))
        self.seed_back.setToolTip(
            self.tr(
                "Put seed {last} back in the settings: the next run starts as that one did"
            ).format(last=last)
        )

    def _on_seed_back(self) -> None:
        if self._new_seed is not None and not self.controller.state.active:
            self.form.set_seed(self._new_seed[0])
            self._show_new_seed(None)

    def _on_form_changed(self, config: TrainingConfig | None) -> None:
        """The note about a new seed goes once the seed in the fields is another one."""
        if self._new_seed is not None and (config is None or config.seed != self._new_seed[1]):
            self._show_new_seed(None)

    def _send_live_changes(self) -> None:
        """During a run, the live settings (learning rate, momentum, L2, dropout) whose valid
        value in the fields differs from the run's go to the run, from its next step."""
        config = self.form.config
        if config is not None and self.controller.state.active:
            for name in LIVE_HYPERPARAMETERS:
                self.controller.change(name, float(getattr(config, name)))

    def apply_fix(self, fix: dict) -> list[str]:
        """Put a hint's fix (TrainingConfig fields and values) into the settings; during a run
        the live ones also go to the run, the others wait for the next Start. Returns the
        fields that were set."""
        done = []
        for name, value in fix.items():
            if name in self.form.fields and (
                name in LIVE_HYPERPARAMETERS or not self.controller.state.active
            ):
                self.form.set_text(name, f"{value:g}" if isinstance(value, float) else str(value))
                done.append(name)
        waiting = [n for n in fix if n not in done and n in self.form.fields]
        if waiting:  # a run is going on: the rest is for the next run
            self._pending_fix = {n: fix[n] for n in waiting}
        self.form.validate()
        self._send_live_changes()
        return done

    def _on_changed(self, event: ev.HyperparameterChanged) -> None:
        self._show_status(
            lambda: self.tr("{name} is {new:g} from step {step} on (it was {old:g}).").format(
                name=self._live_name(event.name), new=event.new, step=event.step + 1, old=event.old
            ),
            "info",
        )

    def _live_name(self, name: str) -> str:
        return {
            "lr": self.tr("The learning rate"),
            "momentum": self.tr("Momentum"),
            "l2": self.tr("L2 decay"),
            "dropout": self.tr("Dropout"),
        }[name]

    # ------------------------------------------------------------------ state
    def _on_state_changed(self, state: RunState) -> None:
        self.form.set_locked(state.active)
        if not state.active and self._pending_fix:  # a hint's fix for the next run
            fix, self._pending_fix = self._pending_fix, {}
            self.apply_fix(fix)
        self.seed_back.setEnabled(not state.active)  # the settings are locked during a run
        paused = state is RunState.PAUSED
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        if state is RunState.RUNNING:
            self._show_status("", "info")  # a "Paused after..." line is no longer true
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        active = self.controller.state.active
        valid = self.form.config is not None
        self.start_button.setEnabled(not active and valid)
        self.step_button.setEnabled(valid or active)
        self.pause_button.setEnabled(active)
        self.stop_button.setEnabled(active)

    def _show_status(self, text: str | Callable[[], str], kind: str) -> None:
        """The status line: a fixed text (a message of the core, or none), or a function that
        writes it in the interface language (called again when the language changes)."""
        self._status_text = text if callable(text) else (lambda: text)
        self.status_label.setText(self._status_text())
        self.status_label.setStyleSheet(f"color: {style.STATUS_COLOURS[kind]};")
        self.status_label.setToolTip("")

    # ------------------------------------------------------------------ run events
    def _on_paused(self, event: ev.Paused) -> None:
        self.progress_view.pause()  # the step it stopped at; no speed, no time left
        self._show_status(
            lambda: self.tr(
                "Paused after {n:,} steps: press Step for one more batch, or Resume."
            ).format(n=event.step),
            "info",
        )

    def _on_ended(self, event: ev.TrainingEnded) -> None:
        self.progress_view.finish(event)
        config = self.controller.config
        if isinstance(event, ev.Diverged):
            self._show_status(
                lambda: self.tr(
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
            self._show_status(
                lambda: self.tr("Stopped after {n:,} steps.").format(n=event.step), "info"
            )
        else:
            record = self.controller.record
            done = record is not None and record.evaluations_recorded > 0
            acc = float(record.eval_column("test_accuracy")[-1]) if done else None

            def finished() -> str:
                took = format_duration(event.elapsed, tenths=True)
                text = self.tr("Finished in {t}.").format(t=took)
                if acc is not None:
                    text += " " + self.tr("Test accuracy {a:.1%}.").format(a=acc)
                return text

            self._show_status(finished, "good")

    def _on_failed(self, message: str, details: str) -> None:
        self._show_status(lambda: self.tr("Training failed: {m}").format(m=message), "bad")
        self.status_label.setToolTip(details)

    # ------------------------------------------------------------------ saving
    def model_meta(self) -> dict:
        """Metadata for File > Save (the same keys as ``nnviz train --save``)."""
        record = self.controller.record
        if record is None or not self.controller.owns_session_network():
            return {}  # the window shows a network this window did not train
        config = record.config
        metrics: dict[str, object] = {}
        if record.evaluations_recorded:
            metrics.update(
                {
                    name: float(record.eval_column(column)[-1])
                    for name, column in (
                        ("test_accuracy", "test_accuracy"),
                        ("test_cross_entropy", "test_cross_entropy"),
                        ("test_mse", "test_mse"),
                        ("train_accuracy", "train_accuracy"),
                    )
                }
            )
        metrics.update(steps=record.steps_recorded, status=record.status)
        return {
            "loss": config.loss,
            "dataset": config.dataset,
            "config": config.to_dict(),
            "metrics": metrics,
            "saved": time.strftime("%Y-%m-%dT%H:%M:%S"),
        }
