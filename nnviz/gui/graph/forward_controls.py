"""Stepping the forward pass: the control bar under the graph (stage buttons, play, sample
picking, misclassified filter, speed), with their keyboard keys. The stage header above the graph
is in :mod:`nnviz.gui.graph.stage_header`.

The bar reads and drives the Session (stage, playing, speed, sample); it knows no other widget.
The NetworkView animates whatever the Session shows.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.trace import Direction
from nnviz.gui import style
from nnviz.gui.graph.stage_header import stage_button_label, stage_formula
from nnviz.gui.i18n import tr
from nnviz.gui.session import Session


class ForwardControls(QFrame):
    """The control bar under the graph; owns the keyboard actions (add them to the window)."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._rng = np.random.default_rng(0)
        self.setObjectName("ForwardControls")
        self.setStyleSheet(
            f"#ForwardControls {{ background: {style.PANEL_BACKGROUND}; "
            f"border-top: 1px solid {style.GRID}; }}"
        )
        st = self.style()
        self.actions_by_name: dict[str, QAction] = {}
        self._action(
            "home",
            "Home",
            self.go_home,
            st.standardIcon(QStyle.StandardPixmap.SP_MediaSkipBackward),
        )
        self._action(
            "prev_stage",
            "Left",
            self.prev_stage,
            st.standardIcon(QStyle.StandardPixmap.SP_MediaSeekBackward),
        )
        self._action(
            "play",
            "Space",
            self.toggle_play,
            st.standardIcon(QStyle.StandardPixmap.SP_MediaPlay),
        )
        self._action(
            "next_stage",
            "Right",
            self.next_stage,
            st.standardIcon(QStyle.StandardPixmap.SP_MediaSeekForward),
        )
        self._action("prev_sample", "P", self.prev_sample)
        self._action("next_sample", "N", self.next_sample)
        self._action("random_sample", "R", self.random_sample)

        # two groups, side by side when the bar is wide enough, else one above the other
        self.stepping_group = QWidget()
        row = QHBoxLayout(self.stepping_group)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for name in ("home", "prev_stage", "play", "next_stage"):
            row.addWidget(self._button(name, icon_only=True))
        row.addSpacing(6)
        self.stage_buttons = QButtonGroup(self)
        self.stage_buttons.setExclusive(True)
        self.stage_buttons.idClicked.connect(self._on_stage_button)
        self._stage_row = QHBoxLayout()
        self._stage_row.setSpacing(2)
        row.addLayout(self._stage_row)
        row.addSpacing(10)
        self.speed_name = QLabel()
        row.addWidget(self.speed_name)
        self.speed_slider = QSlider(Qt.Orientation.Horizontal)
        self.speed_slider.setRange(0, len(style.SPEEDS) - 1)
        self.speed_slider.setValue(style.DEFAULT_SPEED_INDEX)
        self.speed_slider.setFixedWidth(80)
        self.speed_slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.speed_slider.valueChanged.connect(self._on_speed)
        row.addWidget(self.speed_slider)
        self.speed_label = QLabel()
        self.speed_label.setMinimumWidth(34)
        row.addWidget(self.speed_label)
        row.addStretch(1)
        self._on_speed(self.speed_slider.value())

        self.sample_group = QWidget()
        row = QHBoxLayout(self.sample_group)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.sample_name = QLabel()
        row.addWidget(self.sample_name)
        self.sample_spin = QSpinBox()
        self.sample_spin.setKeyboardTracking(False)
        self.sample_spin.valueChanged.connect(self._on_sample_spin)
        row.addWidget(self.sample_spin)
        self.sample_buttons: dict[str, QToolButton] = {}
        for name in ("prev_sample", "next_sample", "random_sample"):
            self.sample_buttons[name] = self._button(name)
            row.addWidget(self.sample_buttons[name])
        row.addSpacing(6)
        self.misclassified_check = QCheckBox()
        self.misclassified_check.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.misclassified_check.toggled.connect(self._on_misclassified_toggled)
        row.addWidget(self.misclassified_check)
        row.addStretch(1)

        # the backward pass's stages on a row of their own under the forward ones
        self.backward_group = QWidget()
        row = QHBoxLayout(self.backward_group)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        self.backward_name = QLabel()
        self.backward_name.setStyleSheet(f"color: {style.MUTED}")
        row.addWidget(self.backward_name)
        row.addSpacing(4)
        self._back_row = QHBoxLayout()
        self._back_row.setSpacing(2)
        row.addLayout(self._back_row)
        row.addStretch(1)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 5, 10, 5)
        outer.setSpacing(4)
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(4)
        self._box.addWidget(self.stepping_group)
        self._box.addStretch(1)
        self._box.addWidget(self.sample_group)
        outer.addLayout(self._box)
        outer.addWidget(self.backward_group)

        session.network_changed.connect(self._on_network_changed)
        session.trace_changed.connect(self._on_trace_changed)
        session.evaluation_changed.connect(self._update_misclassified_text)
        session.dataset_changed.connect(self._on_dataset_changed)
        session.stage_changed.connect(self._on_stage_changed)
        session.sample_changed.connect(self._on_sample_changed)
        session.playing_changed.connect(self._on_playing_changed)
        self._build_stage_buttons()
        self._on_dataset_changed()
        self.retranslate_ui()

    # ------------------------------------------------------------------ language
    def retranslate_ui(self) -> None:
        """Set every static text (again, after the language changed)."""
        texts = {
            "home": tr("Back to the input"),
            "prev_stage": tr("Previous stage"),
            "play": tr("Play / pause"),
            "next_stage": tr("Next stage"),
            "prev_sample": tr("Previous sample"),
            "next_sample": tr("Next sample"),
            "random_sample": tr("Random sample"),
        }
        for name, text in texts.items():
            action = self.actions_by_name[name]
            action.setText(text)
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({key})")
        short = {
            "prev_sample": tr("Prev"),
            "next_sample": tr("Next"),
            "random_sample": tr("Random"),
        }
        for name, button in self.sample_buttons.items():
            key = self.actions_by_name[name].shortcut().toString()
            button.setText(f"{short[name]} ({key})")
        self.speed_name.setText(tr("Speed"))
        self.speed_slider.setToolTip(tr("Animation speed"))
        self.sample_name.setText(tr("Sample"))
        self.sample_spin.setToolTip(tr("Index of the test image shown"))
        self.misclassified_check.setToolTip(
            tr("N, P and R visit only the test images the network gets wrong")
        )
        self.backward_name.setText(tr("Backward:"))
        self.backward_name.setToolTip(
            tr(
                "How the network learns from this digit: the loss, its gradient back to the "
                "first weights, then one step of learning"
            )
        )
        self._update_misclassified_text()
        for button in self.stage_buttons.buttons():
            button.setToolTip(
                stage_formula(
                    self.session, self.session.trace.stages[self.stage_buttons.id(button)]
                )
            )

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------------ layout
    def _side_by_side_width(self) -> int:
        m = self.layout().contentsMargins()
        return (
            self.stepping_group.sizeHint().width()
            + self.sample_group.sizeHint().width()
            + 24
            + m.left()
            + m.right()
        )

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt): stacked is the narrowest
        m = self.layout().contentsMargins()
        groups = [self.stepping_group, self.sample_group]
        if not self.backward_group.isHidden():
            groups.append(self.backward_group)
        width = max(g.sizeHint().width() for g in groups)
        height = sum(g.sizeHint().height() for g in groups) + 4 * (len(groups) - 1)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        wide = event.size().width() >= self._side_by_side_width()
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._box.direction() != direction:
            self._box.setDirection(direction)
        super().resizeEvent(event)

    # ------------------------------------------------------------------ building
    def _action(self, name, key, slot, icon=None) -> QAction:
        """A keyboard action; its text and tooltip are set in ``retranslate_ui``."""
        action = QAction(self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon is not None:
            action.setIcon(icon)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _button(self, name: str, icon_only: bool = False) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(self.actions_by_name[name])
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRaise(False)
        if not icon_only:  # text: "Next (N)", set in retranslate_ui
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setMinimumHeight(28)
        return button

    def _build_stage_buttons(self) -> None:
        """One button per stage of the trace: the forward pass, then (for a labelled digit) a
        separator and the backward pass, with short labels (the header names them whole)."""
        for row in (self._stage_row, self._back_row):
            while row.count():
                widget = row.takeAt(0).widget()
                if widget is not None:
                    self.stage_buttons.removeButton(widget)
                    widget.setParent(None)  # gone from the bar now, not at the next event loop
                    widget.deleteLater()
        stages = self.session.trace.stages
        self._button_names = [s.name for s in stages]
        for i, stage in enumerate(stages):
            backward = stage.direction is Direction.BACKWARD
            button = QToolButton()
            button.setText(stage_button_label(stage))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumSize(30 if backward else 34, 28)
            button.setToolTip(stage_formula(self.session, stage))
            self.stage_buttons.addButton(button, i)
            (self._back_row if backward else self._stage_row).addWidget(button)
        self.backward_group.setVisible(self._back_row.count() > 0)
        self._on_stage_changed(self.session.stage_index)

    def _on_trace_changed(self) -> None:
        if [s.name for s in self.session.trace.stages] != self._button_names:
            self._build_stage_buttons()  # a labelled digit has backward stages, a drawing none

    # ------------------------------------------------------------------ stages
    def next_stage(self) -> None:
        self.session.set_playing(False)
        self.session.step_stage(+1)

    def prev_stage(self) -> None:
        self.session.set_playing(False)
        self.session.step_stage(-1)

    def go_home(self) -> None:
        self.session.set_playing(False)
        self.session.set_stage_index(0)

    def _on_stage_button(self, index: int) -> None:
        self.session.set_playing(False)
        self.session.set_stage_index(index)

    def _on_stage_changed(self, stage: int) -> None:
        button = self.stage_buttons.button(stage)
        if button is not None:
            button.setChecked(True)

    def toggle_play(self) -> None:
        self.session.set_playing(not self.session.playing)

    def _on_playing_changed(self, playing: bool) -> None:
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if playing else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.actions_by_name["play"].setIcon(self.style().standardIcon(icon))

    def _on_speed(self, index: int) -> None:
        speed = style.SPEEDS[index]
        self.session.set_speed(speed)
        self.speed_label.setText(f"{speed:g}×")

    # ------------------------------------------------------------------ samples
    def _candidates(self) -> np.ndarray | None:
        """Test indices N / P / R may visit (None: all of them)."""
        if not self.misclassified_check.isChecked():
            return None
        evaluation = self.session.evaluation
        if evaluation is None:
            return None
        return np.flatnonzero(evaluation.predictions != self.session.dataset.test.labels)

    def _step_sample(self, direction: int) -> None:
        if self.session.dataset is None:
            return
        n = len(self.session.dataset.test)
        current = self.session.sample_index if self.session.sample_index is not None else -direction
        candidates = self._candidates()
        if candidates is None:
            self._show((current + direction) % n)
            return
        if candidates.size == 0:
            return
        if direction > 0:
            pos = np.searchsorted(candidates, current, side="right") % candidates.size
        else:
            pos = (np.searchsorted(candidates, current, side="left") - 1) % candidates.size
        self._show(int(candidates[pos]))

    def next_sample(self) -> None:
        self._step_sample(+1)

    def prev_sample(self) -> None:
        self._step_sample(-1)

    def random_sample(self) -> None:
        if self.session.dataset is None:
            return
        candidates = self._candidates()
        if candidates is None:
            self._show(int(self._rng.integers(len(self.session.dataset.test))))
        elif candidates.size:
            self._show(int(self._rng.choice(candidates)))

    def _show(self, index: int) -> None:
        self.session.show_test_sample(index)

    def _on_sample_spin(self, value: int) -> None:
        if self.session.dataset is not None and value != self.session.sample_index:
            self._show(value)

    def _on_sample_changed(self) -> None:
        if self.session.sample_index is not None:
            self.sample_spin.blockSignals(True)
            self.sample_spin.setValue(self.session.sample_index)
            self.sample_spin.blockSignals(False)

    def _on_misclassified_toggled(self, _checked: bool) -> None:
        self._update_misclassified_text()

    def _update_misclassified_text(self) -> None:
        """With the count of misclassified test images of the network on screen while the
        filter is on (the Session's evaluation: asked for only then)."""
        mistakes = self._candidates() if self.misclassified_check.isChecked() else None
        if mistakes is not None:
            self.misclassified_check.setText(tr("Misclassified only ({n})").format(n=mistakes.size))
        else:
            self.misclassified_check.setText(tr("Misclassified only"))

    def _on_network_changed(self) -> None:
        self._build_stage_buttons()

    def _on_dataset_changed(self) -> None:
        dataset = self.session.dataset
        has = dataset is not None
        self.sample_spin.setEnabled(has)
        self.misclassified_check.setEnabled(has)
        for name in ("prev_sample", "next_sample", "random_sample"):
            self.actions_by_name[name].setEnabled(has)
        if has:
            self.sample_spin.setRange(0, len(dataset.test) - 1)
        self._on_sample_changed()
