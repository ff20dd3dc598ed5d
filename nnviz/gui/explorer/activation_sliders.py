"""The parameter sliders of the activation explorer: Leaky ReLU's slope and ELU's alpha (their
ranges and defaults are the core's, ``ActivationParam.slider``), and the two pieces of the
explorer's own one-input Maxout unit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from nnviz.core.activations import ACTIVATION_PARAMS
from nnviz.gui.explorer.activation_formulas import number

# (name, minimum, maximum, step, default) of each slider: first the activations' own parameters
# (named by their keyword), each on a row of its own ...
ACTIVATION_SLIDERS = tuple(
    (p.keyword, *p.slider, p.default) for p in ACTIVATION_PARAMS.values() if p.slider
)
# ... then the pieces w1 x + b1 and w2 x + b2 of a one-input Maxout unit, two to a row (the
# network's Maxout has many inputs and k pieces: it is drawn by its winners, not by a curve)
MAXOUT_SLIDERS = (
    ("w1", -2.0, 2.0, 0.05, 1.0),
    ("b1", -3.0, 3.0, 0.05, 0.0),
    ("w2", -2.0, 2.0, 0.05, -0.5),
    ("b2", -3.0, 3.0, 0.05, 0.0),
)
PARAMETERS = ACTIVATION_SLIDERS + MAXOUT_SLIDERS
SLIDERS_OF = {
    **{p.activation: (p.keyword,) for p in ACTIVATION_PARAMS.values() if p.slider},
    "maxout": tuple(name for name, *_ in MAXOUT_SLIDERS),
}


class ParamSlider(QWidget):
    """A labelled horizontal slider for one float parameter; emits ``value_changed(float)``."""

    value_changed = Signal(float)

    def __init__(self, label, minimum, maximum, step, value, parent=None) -> None:
        super().__init__(parent)
        self._minimum, self._step = minimum, step
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, round((maximum - minimum) / step))
        self.name_label = QLabel(label)
        self.name_label.setTextFormat(Qt.TextFormat.RichText)  # w<sub>1</sub>: readable subscripts
        self.value_label = QLabel()
        self.value_label.setMinimumWidth(40)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name_label)
        row.addWidget(self.slider, 1)
        row.addWidget(self.value_label)
        self.slider.valueChanged.connect(self._on_slider_moved)
        self.set_value(value)
        self._on_slider_moved()

    def value(self) -> float:
        return round(self._minimum + self.slider.value() * self._step, 6)

    def set_value(self, value: float) -> None:
        self.slider.setValue(round((value - self._minimum) / self._step))

    def _on_slider_moved(self, *_) -> None:
        self.value_label.setText(number(self.value()))
        self.value_changed.emit(self.value())
