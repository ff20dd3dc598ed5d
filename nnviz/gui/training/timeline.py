"""The timeline under the curves: scrub back through the newest run.

A slider over the run's kept weight snapshots (every step at first, further apart later) moves
the whole window to that step through the Session (``set_shown_step``): the layer graph, the
forward and backward pass of the digit on screen, the explorers, the results and the first-layer
weights all show the network as it was. "Latest" returns; while a run trains, the timeline
follows the newest step unless the learner has moved it. Play replays the run from the step
shown at the speed chosen beside it (:mod:`nnviz.gui.training.replay`).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

from nnviz.gui.session import Session
from nnviz.gui.training.replay import SNAPSHOTS_PER_S, SPEEDS, Replay

__all__ = ["Timeline"]


class Timeline(QWidget):
    """Slider, label, Play with its speed, and Latest; ``shown(step or None)`` after the
    Session moved."""

    shown = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._steps = np.zeros(0, dtype=np.int64)  # the snapshot steps the slider runs over
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.title = QLabel()
        row.addWidget(self.title)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.slider.valueChanged.connect(self._on_slider)
        self.slider.sliderPressed.connect(lambda: self.replay.stop())  # the learner takes over
        row.addWidget(self.slider, 1)
        self.label = QLabel()
        self.label.setMinimumWidth(220)
        row.addWidget(self.label)
        self.replay = Replay(session, self)
        self.play_button = QPushButton()
        self.play_button.clicked.connect(self.toggle_replay)
        row.addWidget(self.play_button)
        self.speed_box = QComboBox()
        for speed in SPEEDS:
            self.speed_box.addItem(f"{speed}×", speed)
        self.speed_box.currentIndexChanged.connect(
            lambda i: self.replay.set_speed(self.speed_box.itemData(i))
        )
        row.addWidget(self.speed_box)
        self.replay.running_changed.connect(lambda _running: self._update_play_button())
        self.latest_button = QPushButton()
        self.latest_button.clicked.connect(self.show_latest)
        row.addWidget(self.latest_button)
        session.shown_step_changed.connect(self._on_shown_step_changed)
        session.run_added.connect(lambda _record: self.refresh())
        session.network_changed.connect(self.refresh)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Step:"))
        self.slider.setToolTip(
            self.tr("Drag back through the run: the whole window shows the network as it was")
        )
        self.latest_button.setText(self.tr("Latest"))
        self.latest_button.setToolTip(self.tr("Back to the newest weights"))
        self.play_button.setToolTip(
            self.tr(
                "Replay the run from the step shown: each kept step in turn, the weights "
                "moving smoothly from one to the next"
            )
        )
        self.speed_box.setToolTip(
            self.tr(
                "Replay speed: 1× shows {n:g} kept steps a second (every step early in the "
                "run, where learning is fastest; further apart later)"
            ).format(n=SNAPSHOTS_PER_S)
        )
        self._update_play_button()
        self._update_label()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Take the run's snapshots so far (the curves call this as the run grows)."""
        s = self.session
        usable = s.can_show_steps()
        self.setEnabled(usable)
        steps = s.run.snapshot_steps if usable else np.zeros(0, dtype=np.int64)
        if len(steps) != len(self._steps):
            self._steps = steps
            self.slider.blockSignals(True)
            self.slider.setRange(0, max(len(steps) - 1, 0))
            self.slider.setValue(self._position())
            self.slider.blockSignals(False)
        self._update_label()

    def _position(self) -> int:
        step = self.session.shown_step
        if step is None or not len(self._steps):
            return max(len(self._steps) - 1, 0)  # following the newest
        return int(np.argmin(np.abs(self._steps - step)))

    # ------------------------------------------------------------------ replay
    def toggle_replay(self) -> None:
        """Play from the step shown, or pause a replay going on."""
        if self.replay.running:
            self.replay.stop()
        else:
            self.replay.start()

    def _update_play_button(self) -> None:
        self.play_button.setText(self.tr("Pause") if self.replay.running else self.tr("Play"))

    # ------------------------------------------------------------------ moves (keys, menu)
    def step_snapshot(self, delta: int) -> None:
        """Show the kept snapshot ``delta`` places later (+1) or earlier (-1) than the one
        shown; from the latest, -1 is the snapshot before the newest; past the last kept
        snapshot, +1 returns to the latest."""
        if not self.isEnabled() or not len(self._steps):
            return
        here = self._position()
        if delta > 0 and here == len(self._steps) - 1:
            self.show_latest()
            return
        index = min(max(here + int(delta), 0), len(self._steps) - 1)
        self.session.set_shown_step(int(self._steps[index]))

    def show_start(self) -> None:
        """The run's first kept snapshot: its initial weights."""
        if self.isEnabled() and len(self._steps):
            self.session.set_shown_step(int(self._steps[0]))

    def show_latest(self) -> None:
        """Back to the newest weights (a live run's, as it trains)."""
        self.session.set_shown_step(None)

    def _on_slider(self, index: int) -> None:
        if not len(self._steps):
            return
        self.session.set_shown_step(int(self._steps[min(index, len(self._steps) - 1)]))

    def _on_shown_step_changed(self, step) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(self._position())
        self.slider.blockSignals(False)
        self._update_label()
        self.shown.emit(step)

    def _update_label(self) -> None:
        s = self.session
        self.latest_button.setEnabled(s.shown_step is not None)
        run = s.run
        if run is None or not len(self._steps):
            self.label.setText(self.tr("no run yet"))
            return
        if s.shown_step is None:
            self.label.setText(self.tr("the latest ({n:,} steps)").format(n=run.steps_recorded))
            return
        snap = run.snapshot_at(s.shown_step)
        self.label.setText(
            self.tr("step {s:,} of {n:,} (epoch {e:.2f})").format(
                s=snap.step, n=max(run.total_steps, run.steps_recorded), e=snap.epoch
            )
        )
