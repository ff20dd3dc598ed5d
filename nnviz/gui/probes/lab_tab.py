"""The lab: change a copy of the network on screen and see its test accuracy, original ->
changed, at once: prune the smallest weights, add noise to the weights, switch hidden units off,
scale a unit's incoming weights or shift its bias (:mod:`nnviz.core.lab`).

Who owns what:

- the lab keeps the **original** (a copy of the network on screen when the lab starts from it)
  and its **changes**; the changed network is always ``changes.apply(original)``;
- the window shows the original until "Show the changed network in the window" is ticked: then
  the Session's weights are the changed ones (the whole window follows, and the network on
  screen has unsaved changes, so the window asks before it is lost); unticking it or Reset puts
  the original back (with no unsaved changes if it had none);
- any other change of the network on screen (a model opened, training, the timeline) makes that
  network the lab's new original, with no changes: the lab never describes weights that are
  gone;
- "Save as new model…" asks the window (``save_requested``), which never writes over the file
  the original came from; once the window has saved the changed network it shows (this way or
  File > Save), putting the original back is an unsaved change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.lab import LabChanges
from nnviz.core.metrics import evaluate
from nnviz.core.network import Network
from nnviz.gui import style
from nnviz.gui.probes.tasks import float_test_images
from nnviz.gui.session import Session
from nnviz.gui.visibility import DeferWhileHidden

__all__ = ["LabTab"]

_NOISE_STEPS = 100  # the noise slider: 0 to 1 times each layer's weight spread, in 0.01s


class LabTab(QWidget):
    """Prune, weight noise, units off / scaled / shifted; accuracy original -> changed."""

    #: the learner asked to save the changed network (a Network) as a new model file
    save_requested = Signal(object)
    #: the lab changed (its changes or its original): accuracy and labels are current
    lab_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.original: Network | None = None
        self.changes = LabChanges()
        self.changed: Network | None = None
        self.original_accuracy: float | None = None
        self.changed_accuracy: float | None = None
        self._was_modified = False  # the Session's unsaved state when the original was taken
        self._applying = False  # the lab is writing the Session's weights itself
        self._restarted = False  # the last restart came from another change of the network
        self._lazy = DeferWhileHidden(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.accuracy_label = QLabel()
        self.accuracy_label.setWordWrap(True)
        self.accuracy_label.setFont(style.ui_font(2, bold=True))
        layout.addWidget(self.accuracy_label)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.all_group = QGroupBox()
        form = QFormLayout(self.all_group)
        self.prune_slider = QSlider(Qt.Orientation.Horizontal)
        self.prune_slider.setRange(0, 100)
        self.prune_value = QLabel()
        self.prune_value.setMinimumWidth(48)
        self.prune_title = QLabel()
        form.addRow(self.prune_title, self._with_value(self.prune_slider, self.prune_value))
        self.noise_slider = QSlider(Qt.Orientation.Horizontal)
        self.noise_slider.setRange(0, _NOISE_STEPS)
        self.noise_value = QLabel()
        self.noise_value.setMinimumWidth(48)
        self.noise_title = QLabel()
        form.addRow(self.noise_title, self._with_value(self.noise_slider, self.noise_value))
        layout.addWidget(self.all_group)

        self.unit_group = QGroupBox()
        unit_form = QFormLayout(self.unit_group)
        self.layer_box = QComboBox()
        self.unit_spin = QSpinBox()
        self.unit_title, self.layer_title = QLabel(), QLabel()
        unit_form.addRow(self.layer_title, self.layer_box)
        unit_form.addRow(self.unit_title, self.unit_spin)
        self.off_box = QCheckBox()
        unit_form.addRow("", self.off_box)
        self.scale_spin = QDoubleSpinBox()
        self.scale_spin.setRange(-5.0, 5.0)
        self.scale_spin.setSingleStep(0.25)
        self.scale_spin.setValue(1.0)
        self.scale_title = QLabel()
        unit_form.addRow(self.scale_title, self.scale_spin)
        self.bias_spin = QDoubleSpinBox()
        self.bias_spin.setRange(-20.0, 20.0)
        self.bias_spin.setSingleStep(0.5)
        self.bias_title = QLabel()
        unit_form.addRow(self.bias_title, self.bias_spin)
        self.units_label = QLabel()
        self.units_label.setWordWrap(True)
        unit_form.addRow(self.units_label)
        layout.addWidget(self.unit_group)

        self.in_window_box = QCheckBox()
        layout.addWidget(self.in_window_box)
        buttons = QHBoxLayout()
        self.reset_button = QPushButton()
        self.save_button = QPushButton()
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.prune_slider.valueChanged.connect(self._on_controls_changed)
        self.noise_slider.valueChanged.connect(self._on_controls_changed)
        self.off_box.toggled.connect(self._on_controls_changed)
        self.scale_spin.valueChanged.connect(self._on_controls_changed)
        self.bias_spin.valueChanged.connect(self._on_controls_changed)
        self.layer_box.currentIndexChanged.connect(self._on_unit_chosen)
        self.unit_spin.valueChanged.connect(self._on_unit_chosen)
        self.in_window_box.toggled.connect(self._on_in_window_toggled)
        self.reset_button.clicked.connect(self.reset)
        self.save_button.clicked.connect(self._on_save_clicked)

        session.network_changed.connect(self._on_session_weights)
        session.params_changed.connect(self._on_session_weights)
        session.dataset_changed.connect(self._on_session_weights)
        session.modified_changed.connect(self._on_session_modified)
        # nothing computed until the tab is first shown
        self._lazy.when_shown(lambda: self.start_from_session(restarted=False))
        self.retranslate_ui()

    @staticmethod
    def _with_value(slider: QSlider, value: QLabel) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(slider, 1)
        row.addWidget(value)
        return box

    # ------------------------------------------------------------------ language
    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "Change a copy of the network and see what it still knows. The trained "
                "weights are kept: Reset brings them back."
            )
        )
        self.all_group.setTitle(self.tr("Every weight"))
        self.prune_title.setText(self.tr("Prune the smallest"))
        self.prune_slider.setToolTip(
            self.tr("Set this share of the weights, the smallest in size, to 0")
        )
        self.noise_title.setText(self.tr("Weight noise"))
        self.noise_slider.setToolTip(
            self.tr(
                "Add random noise to every weight, its spread a share of that layer's own "
                "weights' spread"
            )
        )
        self.unit_group.setTitle(self.tr("One hidden unit"))
        self.layer_title.setText(self.tr("Layer"))
        self.unit_title.setText(self.tr("Unit"))
        self.off_box.setText(self.tr("Switch off (its outgoing weights set to 0)"))
        self.scale_title.setText(self.tr("Scale its weights ×"))
        self.scale_spin.setToolTip(
            self.tr("Multiply the weights coming into this unit (its column of W) by this number")
        )
        self.bias_title.setText(self.tr("Shift its bias by"))
        self.bias_spin.setToolTip(
            self.tr("Add this number to the unit's bias b: its sum a = x·W + b moves by as much")
        )
        self.in_window_box.setText(self.tr("Show the changed network in the window"))
        self.in_window_box.setToolTip(
            self.tr(
                "The graph, the passes and the other tabs show the changed weights; the "
                "window counts them as unsaved changes"
            )
        )
        self.reset_button.setText(self.tr("Reset"))
        self.save_button.setText(self.tr("Save as new model…"))
        self._fill_layers()
        self._show()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------------ the original
    def _on_session_weights(self) -> None:
        if self._applying:
            return  # our own changes, written into the Session
        # another network on screen: start again from it now (~20 ms), so that no change of the
        # lab is ever made to weights that are gone (or written over the new ones)
        self.start_from_session()

    def start_from_session(self, restarted: bool = True) -> None:
        """Take the network on screen as the original, with no changes."""
        if self._lazy.defer(self.start_from_session):
            return
        net = self.session.network
        had_changes = not self.changes.empty or self.in_window_box.isChecked()
        self.original = net.copy()
        self._was_modified = self.session.modified
        self.changes = LabChanges()
        self._restarted = restarted and had_changes
        self._set_controls(LabChanges())
        self.in_window_box.blockSignals(True)
        self.in_window_box.setChecked(False)
        self.in_window_box.blockSignals(False)
        self._fill_layers()
        ds = self.session.dataset
        if ds is not None and not ds.mismatch(net.sizes):
            self.original_accuracy = evaluate(
                self.original, float_test_images(ds), ds.test.labels
            ).accuracy
        else:
            self.original_accuracy = None
        self._apply()

    def _fill_layers(self) -> None:
        net = self.original or self.session.network
        current = self.layer_box.currentData()
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        for l in range(1, net.num_layers):
            self.layer_box.addItem(
                self.tr("hidden layer {l} ({n} units)").format(l=l, n=net.sizes[l]), l
            )
        index = self.layer_box.findData(current)
        self.layer_box.setCurrentIndex(max(index, 0))
        self.layer_box.blockSignals(False)
        self.unit_group.setEnabled(net.num_layers > 1)
        self._on_unit_chosen()

    # ------------------------------------------------------------------ changes
    @property
    def unit(self) -> tuple[int, int]:
        """The (layer, unit) the unit controls change."""
        layer = self.layer_box.currentData()
        return (int(layer) if layer is not None else 1, self.unit_spin.value())

    def set_unit(self, layer: int, unit: int) -> None:
        self.layer_box.setCurrentIndex(self.layer_box.findData(layer))
        self.unit_spin.setValue(unit)

    def _on_unit_chosen(self) -> None:
        net = self.original or self.session.network
        layer = self.layer_box.currentData()
        if layer is not None:
            self.unit_spin.blockSignals(True)
            self.unit_spin.setRange(0, net.sizes[int(layer)] - 1)
            self.unit_spin.blockSignals(False)
        self._set_controls(self.changes)

    def _set_controls(self, changes: LabChanges) -> None:
        """Show ``changes`` in the controls (the unit's own for the unit chosen)."""
        key = self.unit
        values = (
            (self.prune_slider, int(round(changes.prune_percent))),
            (self.noise_slider, int(round(changes.noise * _NOISE_STEPS))),
            (self.off_box, key in changes.off),
            (self.scale_spin, changes.scales.get(key, 1.0)),
            (self.bias_spin, changes.shifts.get(key, 0.0)),
        )
        for widget, value in values:
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                widget.setValue(value)
            widget.blockSignals(False)

    def _on_controls_changed(self) -> None:
        key = self.unit
        off = set(self.changes.off)
        off.discard(key)
        if self.off_box.isChecked():
            off.add(key)
        scales = {k: v for k, v in self.changes.scales.items() if k != key}
        if self.scale_spin.value() != 1:
            scales[key] = self.scale_spin.value()
        shifts = {k: v for k, v in self.changes.shifts.items() if k != key}
        if self.bias_spin.value() != 0:
            shifts[key] = self.bias_spin.value()
        self.set_changes(
            LabChanges(
                prune_percent=float(self.prune_slider.value()),
                noise=self.noise_slider.value() / _NOISE_STEPS,
                off=frozenset(off),
                scales=scales,
                shifts=shifts,
            )
        )

    def set_changes(self, changes: LabChanges) -> None:
        """Make ``changes`` to the original (from it, not from the last changed copy)."""
        if self.original is None:
            self.start_from_session(restarted=False)
        self.changes = changes
        self._restarted = False
        self._set_controls(changes)
        self._apply()

    def _apply(self) -> None:
        """The changed copy, its accuracy, and (when shown there) into the window."""
        if self.original is None:
            return
        self.changed = self.changes.apply(self.original)
        ds = self.session.dataset
        if self.changes.empty:
            self.changed_accuracy = self.original_accuracy
        elif self.original_accuracy is not None and ds is not None:
            self.changed_accuracy = evaluate(
                self.changed, float_test_images(ds), ds.test.labels
            ).accuracy
        else:
            self.changed_accuracy = None
        if self.in_window_box.isChecked():
            self._write_session(self.changed)
        self._show()
        self.lab_changed.emit()

    def _write_session(self, network: Network) -> None:
        self._applying = True
        try:
            self.session.set_params(network.params)
        finally:
            self._applying = False

    def _on_in_window_toggled(self, on: bool) -> None:
        if self.original is None:
            return
        if on:
            self._write_session(self.changed)
        else:
            self._put_original_back()
        self._show()
        self.lab_changed.emit()

    def _put_original_back(self) -> None:
        self._write_session(self.original)
        if not self._was_modified:  # the weights are the file's again
            self.session.mark_saved()

    def reset(self) -> None:
        """Back to the trained weights: no changes, and the window shows the original."""
        shown = self.in_window_box.isChecked()
        self.changes = LabChanges()
        self._set_controls(self.changes)
        self.in_window_box.blockSignals(True)
        self.in_window_box.setChecked(False)
        self.in_window_box.blockSignals(False)
        if shown and self.original is not None:
            self._put_original_back()
        self._apply()

    def _on_session_modified(self, modified: bool) -> None:
        if not modified and self.in_window_box.isChecked():
            # the window saved the changed network it shows: a file holds it now, so putting
            # the original back is a change no file holds
            self._was_modified = True

    def _on_save_clicked(self) -> None:
        if self.changed is not None:
            self.save_requested.emit(self.changed.copy())

    # ------------------------------------------------------------------ labels
    def _show(self) -> None:
        self.prune_value.setText(f"{self.prune_slider.value()}%")
        self.noise_value.setText(f"{self.noise_slider.value() / _NOISE_STEPS:.2f}")
        before, after = self.original_accuracy, self.changed_accuracy
        if self.original is None:  # not shown yet: nothing measured
            self.accuracy_label.setText("")
        elif before is None or after is None:
            self.accuracy_label.setText(self.tr("No test set that fits this network."))
        else:
            colour = style.WRONG if after < before - 0.0005 else style.TEXT
            self.accuracy_label.setText(
                self.tr(
                    "Test accuracy: {before:.2%} → <span style='color:{c}'>{after:.2%}</span>"
                ).format(before=before, after=after, c=colour)
            )
        self.units_label.setText(self._units_text())
        if self._restarted:
            self.status.setText(
                self.tr("The network on screen changed: the lab starts again from it.")
            )
        elif self.in_window_box.isChecked():
            self.status.setText(
                self.tr("The window shows the changed network (not saved in any file).")
            )
        elif self.changes.empty:
            self.status.setText(self.tr("No changes: the network as trained."))
        else:
            self.status.setText(self.tr("The window still shows the trained network."))
        self.save_button.setEnabled(not self.changes.empty)
        self.reset_button.setEnabled(not self.changes.empty or self.in_window_box.isChecked())

    def _units_text(self) -> str:
        parts = [
            self.tr("layer {l} unit {u} off").format(l=l, u=u) for l, u in sorted(self.changes.off)
        ]
        parts += [
            self.tr("layer {l} unit {u} ×{f:g}").format(l=l, u=u, f=f)
            for (l, u), f in sorted(self.changes.scales.items())
        ]
        parts += [
            self.tr("layer {l} unit {u} bias {d:+g}").format(l=l, u=u, d=d)
            for (l, u), d in sorted(self.changes.shifts.items())
        ]
        if not parts:
            return self.tr("No unit changed.")
        return self.tr("Changed: {list}").format(list=", ".join(parts))
