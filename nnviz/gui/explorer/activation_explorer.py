"""The activation explorer: h(x) and h'(x) of every activation the lesson teaches, their formulas,
the saturation regions where learning stalls, parameter sliders, a hover readout, a compare mode,
and the network's own pre-activations for the current sample plotted on its activation's curve.

Every number drawn comes from the core's activation objects; this module only lays them out
(activation_plots.py draws the plots, activation_sliders.py holds the parameter sliders).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from nnviz.core.activations import (
    ACTIVATION_PARAMS,
    Activation,
    Maxout,
    activation_names,
    get_activation,
)
from nnviz.core.trace import Kind
from nnviz.gui import style
from nnviz.gui.explorer.activation_formulas import (
    display_name,
    formula_font,
    formula_html,
    hint,
    parameter_label,
)
from nnviz.gui.explorer.activation_plots import ActivationPlots
from nnviz.gui.explorer.activation_sliders import (
    ACTIVATION_SLIDERS,
    PARAMETERS,
    SLIDERS_OF,
    ParamSlider,
)
from nnviz.gui.session import Session
from nnviz.gui.visibility import DeferWhileHidden

__all__ = ["ActivationExplorer"]

SATURATION = 0.1  # |h'(x)| below this counts as saturated: the gradient nearly vanishes
HALF_WIDTH = 6.0  # the x range shown is at least [-6, 6] ...
HALF_WIDTH_MAX = 60.0  # ... and grows to hold the network's pre-activations, up to this
GRID_POINTS = 1201  # samples of each curve
HIST_BINS = 48
COMPARE_COLUMNS = 4  # the compare mode's check boxes, in rows of this many


class ActivationExplorer(QWidget):
    """Pick an activation; see h, h', the formula, saturation, and the network's units on it."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._half_width = HALF_WIDTH
        self._network_values = np.zeros(0)  # pre-activations shown (x of the points)
        self._layer = 1
        self._lazy = DeferWhileHidden(self)

        self.function = QComboBox()
        for name in activation_names():
            self.function.addItem(name, name)
        self.compare = QCheckBox()
        self.show_network = QCheckBox()
        self.show_network.setChecked(True)
        self.function_label = QLabel()
        self.formula = QLabel()
        self.formula.setTextFormat(Qt.TextFormat.RichText)
        self.formula.setFont(formula_font())
        self.formula.setWordWrap(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {style.MUTED};")
        self.readout = QLabel()
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.network_note = QLabel()
        self.network_note.setTextFormat(Qt.TextFormat.RichText)
        self.network_note.setWordWrap(True)
        self.other_curve_note = QLabel()  # the dots are not on the curve chosen: said plainly
        self.other_curve_note.setTextFormat(Qt.TextFormat.RichText)
        self.other_curve_note.setWordWrap(True)
        self.other_curve_note.hide()

        self.sliders: dict[str, ParamSlider] = {}
        params = QGridLayout()
        for i, (name, lo, hi, step, default) in enumerate(PARAMETERS):
            slider = ParamSlider(name, lo, hi, step, default)
            if name in SLIDERS_OF["maxout"]:  # w1, b1, ... set like the formula above them
                slider.name_label.setFont(formula_font())
            slider.value_changed.connect(self._on_params_changed)
            self.sliders[name] = slider
            # a row each for the activations' parameters (compare mode may show several), then
            # the Maxout unit's sliders two to a row
            first = len(ACTIVATION_SLIDERS)
            row, col, span = (
                (i, 0, 2) if i < first else (first + (i - first) // 2, (i - first) % 2, 1)
            )
            params.addWidget(slider, row, col, 1, span)

        self.compare_boxes: dict[str, QCheckBox] = {}
        compare_row = QGridLayout()
        for i, name in enumerate(activation_names()):
            box = QCheckBox()
            box.setChecked(name in ("sigmoid", "tanh", "relu"))
            box.setStyleSheet(f"color: {style.COMPARE_COLOURS[i % len(style.COMPARE_COLOURS)]};")
            box.toggled.connect(self._on_params_changed)
            self.compare_boxes[name] = box
            compare_row.addWidget(box, i // COMPARE_COLUMNS, i % COMPARE_COLUMNS)
        self.compare_derivatives = QCheckBox()
        self.compare_derivatives.toggled.connect(self._on_params_changed)
        last = len(activation_names())
        compare_row.addWidget(
            self.compare_derivatives, last // COMPARE_COLUMNS, last % COMPARE_COLUMNS
        )
        self._compare_widget = QWidget()
        self._compare_widget.setLayout(compare_row)
        compare_row.setContentsMargins(0, 0, 0, 0)

        self._build_plots()

        top = QGridLayout()  # two rows, so the panel fits a narrow dock
        top.addWidget(self.function_label, 0, 0)
        top.addWidget(self.function, 0, 1)
        top.addWidget(self.show_network, 1, 0)
        top.addWidget(self.compare, 1, 1)
        top.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.formula)
        layout.addWidget(self.hint)
        layout.addWidget(self._compare_widget)
        layout.addWidget(self.key)
        layout.addWidget(self.other_curve_note)
        layout.addWidget(self.plots.widget, 1)
        layout.addWidget(self.readout)
        layout.addWidget(self.network_note)
        layout.addLayout(params)

        self.function.currentIndexChanged.connect(self._on_function_changed)
        self.compare.toggled.connect(self._on_params_changed)
        self.show_network.toggled.connect(self._on_trace_changed)
        session.network_changed.connect(self._on_network_changed)
        session.trace_changed.connect(self._on_trace_changed)
        session.stage_changed.connect(self._on_stage_changed)
        self.retranslate_ui()
        self._on_network_changed()

    def retranslate_ui(self) -> None:
        """Set every static text (again, after the language changed)."""
        self.function_label.setText(self.tr("Activation function:"))
        for i in range(self.function.count()):
            self.function.setItemText(i, display_name(self.function.itemData(i)))
        self.compare.setText(self.tr("Compare"))
        self.compare.setToolTip(self.tr("Draw several activation functions on one plot"))
        self.show_network.setText(self.tr("Network's units"))
        self.show_network.setToolTip(
            self.tr("Show the current sample's pre-activations of the layer in the forward pass")
        )
        self.readout.setText(self.tr("Hover over the plot to read h(x) and h′(x)."))
        for name, slider in self.sliders.items():
            slider.name_label.setText(parameter_label(name))
        for name, box in self.compare_boxes.items():
            box.setText(display_name(name))
        self.compare_derivatives.setText(self.tr("h′ too"))
        self.compare_derivatives.setToolTip(self.tr("Also draw each function's derivative, dashed"))
        self.plots.hist_plot.setLabel("left", self.tr("units"))
        self._on_params_changed()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------------ building
    def _build_plots(self) -> None:
        self.plots = ActivationPlots()
        self.key = QLabel()
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setWordWrap(True)
        self.plots.widget.scene().sigMouseMoved.connect(self._on_mouse_moved)

    # ------------------------------------------------------------------ the maths, from the core
    def selected(self) -> str:
        return self.function.currentData()

    def params(self) -> dict[str, float]:
        return {name: slider.value() for name, slider in self.sliders.items()}

    def activation(self, name: str | None = None) -> Activation | None:
        """The core object for ``name`` with the sliders' parameters (None for Maxout's curve)."""
        name = name or self.selected()
        p = self.params()
        if name == "maxout":
            return None
        param = ACTIVATION_PARAMS.get(name)
        return get_activation(name, **({param.keyword: p[param.keyword]} if param else {}))

    def evaluate(self, x: np.ndarray, name: str | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(h(x), h'(x)) of the chosen function, float64, computed by the core."""
        name = name or self.selected()
        x = np.asarray(x, dtype=np.float64)
        if name == "maxout":
            p = self.params()
            return Maxout.curve(x, (p["w1"], p["w2"]), (p["b1"], p["b2"]))
        act = self.activation(name)
        return act.forward(x), act.derivative(x)

    def grid(self) -> np.ndarray:
        return np.linspace(-self._half_width, self._half_width, GRID_POINTS)

    def saturation_regions(self) -> list[tuple[float, float]]:
        """The x intervals where |h'(x)| < 0.1 for the chosen function."""
        x = self.grid()
        flat = np.abs(self.evaluate(x)[1]) < SATURATION
        edges = np.flatnonzero(np.diff(flat.astype(np.int8)))
        starts = [0] + list(edges + 1)
        ends = list(edges) + [x.size - 1]
        return [(float(x[s]), float(x[e])) for s, e in zip(starts, ends, strict=True) if flat[s]]

    # ------------------------------------------------------------------ slots
    def _on_function_changed(self) -> None:
        self._on_params_changed()

    def _on_network_changed(self) -> None:
        if self._lazy.defer(self._on_network_changed):
            return  # off screen: redone when shown
        act = self._session.network.activation
        index = self.function.findData(act.name)
        if index >= 0:
            self.function.setCurrentIndex(index)
        for name, value in act.params().items():
            if name in self.sliders:
                self.sliders[name].set_value(value)
        self._on_trace_changed()

    def _on_stage_changed(self, stage: int) -> None:
        # the dots are one hidden layer's pre-activations: only a step to another layer's
        # stage changes them (redrawing the plots costs 10-20 ms a step)
        hidden = max(self._session.network.num_layers - 1, 1)
        if int(np.clip(self._session.stage.layer, 1, hidden)) != self._layer:
            self._on_layer_changed()

    def _on_layer_changed(self) -> None:
        """Another layer's dots on the same function: the curve, the formula and the ranges
        stay unless the new values need a wider plot (a step's redraw is then a few ms)."""
        if self._lazy.defer(self._on_trace_changed):
            return  # off screen (a tab behind another): redone when shown
        half_width = self._half_width
        self._read_network_values()
        if self._half_width != half_width:
            self._on_params_changed()
            return
        self._update_network_points()
        if self.plots.hover_line.isVisible():
            self.show_readout(float(self.plots.hover_line.value()))
        self.plots.settle()

    def _on_trace_changed(self) -> None:
        if self._lazy.defer(self._on_trace_changed):
            return  # off screen (a tab behind another): redone when shown
        self._read_network_values()
        self._on_params_changed()

    def _read_network_values(self) -> None:
        """The pre-activations of the hidden layer the stage is at, and the plot's half width
        that holds them."""
        net = self._session.network
        hidden = net.num_layers - 1
        if hidden < 1 or not self.show_network.isChecked():
            self._network_values = np.zeros(0)
        else:
            layer = self._session.stage.layer
            self._layer = int(np.clip(layer, 1, hidden))
            self._network_values = np.asarray(
                self._session.trace.values(Kind.AFFINE, self._layer), dtype=np.float64
            ).reshape(-1)
        big = float(np.abs(self._network_values).max()) if self._network_values.size else 0.0
        self._half_width = float(np.clip(np.ceil(big * 1.05), HALF_WIDTH, HALF_WIDTH_MAX))

    def _on_params_changed(self, *_) -> None:
        name = self.selected()
        comparing = self.compare.isChecked()
        showing = self._compared() if comparing else [name]
        for key, slider in self.sliders.items():
            slider.setVisible(any(key in SLIDERS_OF.get(n, ()) for n in showing))
        self._compare_widget.setVisible(comparing)
        self.function.setEnabled(not comparing)
        self.formula.setVisible(not comparing)
        self.hint.setVisible(not comparing)
        self.formula.setText(formula_html(name, self.params()))
        self.hint.setText(hint(name))
        x = self.grid()
        if comparing:
            self.plots.show_function(None)
        else:
            self.plots.show_function(x, *self.evaluate(x))
        for key in self.plots.compare_curves:
            if comparing and key in self._compared():
                f, df = self.evaluate(x, key)
                self.plots.show_compared(
                    key, x, f, df if self.compare_derivatives.isChecked() else None
                )
            else:
                self.plots.show_compared(key)
        self.plots.set_regions([] if comparing else self.saturation_regions())
        self._update_network_points()
        self._update_legend(comparing)
        if self.plots.hover_line.isVisible():
            self.show_readout(float(self.plots.hover_line.value()))
        self.plots.set_ranges(self._half_width, comparing)
        self.plots.settle()

    def _compared(self) -> list[str]:
        return [n for n, box in self.compare_boxes.items() if box.isChecked()]

    def _update_legend(self, comparing: bool) -> None:
        """A key above the plot (in the plot it would hide points); compare mode's check boxes
        are coloured like their curves and need none."""
        if comparing:
            self.key.setText("")
            self.key.hide()
            return
        parts = [
            f"<span style='color:{style.ACTIVATION_CURVE}'><b>━━</b> h(x)</span>",
            f"<span style='color:{style.ACTIVATION_DERIVATIVE}'><b>╌╌</b> "
            + self.tr("h′(x), the slope")
            + "</span>",
        ]
        if self.saturation_regions():
            parts.append(
                f"<span style='background:{style.SATURATED_SWATCH}'>"
                "&nbsp;&nbsp;&nbsp;&nbsp;</span> " + self.tr("saturated: |h′| &lt; 0.1")
            )
        x = self.plots.network_curve.xData
        if x is not None and len(x):
            name = display_name(self._session.network.activation.name)
            text = self.tr("the network's {0}").format(name)
            if isinstance(self._session.network.activation, Maxout):
                text = self.tr("the network's Maxout units output their winning piece: z = a")
            parts.append(
                f"<span style='color:{style.NETWORK_CURVE}'><b>━━</b></span> "
                f"<span style='color:{style.MUTED}'>{text}</span>"
            )
        self.key.setText(" &nbsp; ".join(parts))
        self.key.show()

    def _update_network_points(self) -> None:
        a = self._network_values
        act = self._session.network.activation
        if a.size == 0:
            self.plots.clear_units()
            self.network_note.setText("")
            self.other_curve_note.hide()
            return
        if isinstance(act, Maxout):  # each unit outputs its winning piece: z = a_winner
            z = act.forward(a.reshape(1, -1))[0]
            a = z
            saturated = np.zeros(z.size, dtype=bool)
        else:
            z = act.forward(a)
            saturated = np.abs(act.derivative(a)) < SATURATION
        comparing = self.compare.isChecked()
        same = act == self.activation() and not comparing
        if isinstance(act, Maxout):  # a many-input unit has no curve; its output is its winner
            x = self.grid()
            curve = (x, x)
        elif same:
            curve = None
        else:
            x = self.grid()
            curve = (x, act.forward(x))
        # the dots are always the network's own units; beside another function's curve and its
        # shaded saturation they are drawn uncoloured, and the panel says why
        other = not comparing and not same and not self._is_networks_maxout(act)
        edges = np.linspace(-self._half_width, self._half_width, HIST_BINS + 1)
        counts, _ = np.histogram(a, bins=edges)
        self.plots.show_units(a, z, None if other else saturated, curve, edges, counts)
        self.other_curve_note.setVisible(other)
        if other:
            self._say_other_curve(act)
            self.network_note.setText(
                self.tr(
                    "<b>Dots:</b> the {n} units of layer {l} for the current sample, at their "
                    "pre-activations a{l} on the network's {act} (the grey curve)."
                ).format(n=z.size, l=self._layer, act=display_name(act.name))
            )
            return
        self.network_note.setText(
            self.tr(
                "<b>Dots:</b> the {n} units of layer {l} for the current sample, at their "
                "pre-activations a{l} on the network's {act}. "
                "<span style='color:{red}'>{k} saturated</span> (|h′| &lt; 0.1), "
                "<span style='color:{green}'>{m} passing a gradient</span>."
            ).format(
                n=z.size,
                l=self._layer,
                act=display_name(act.name),
                k=int(saturated.sum()),
                m=int((~saturated).sum()),
                red=style.UNIT_SATURATED,
                green=style.UNIT_PASSING,
            )
        )

    def _is_networks_maxout(self, act: Activation) -> bool:
        """Maxout chosen for a Maxout network: its units' winning pieces are what is drawn."""
        return isinstance(act, Maxout) and self.selected() == "maxout"

    def _say_other_curve(self, act: Activation) -> None:
        network = display_name(act.name)
        if act.name != self.selected():
            text = self.tr(
                "The network uses {net}, not {chosen}: the dots are its units, on {net}'s grey "
                "curve, and not coloured by {chosen}'s saturation. Choose {net} to see which of "
                "them saturate."
            ).format(net=network, chosen=display_name(self.selected()))
        else:
            text = self.tr(
                "The network's {net} has other parameters than the sliders: the dots are its "
                "units, on its own grey curve, and not coloured by the saturation shown."
            ).format(net=network)
        lead = self.tr("Not the network's function.")
        self.other_curve_note.setText(f"<b>{lead}</b> {text}")

    # ------------------------------------------------------------------ hover
    def show_readout(self, x: float) -> None:
        """Read out x, h(x), h'(x) of the chosen function at ``x`` and mark them on the plot."""
        if self.compare.isChecked():
            names = self._compared()
            values = [float(self.evaluate(np.array([x]), n)[0][0]) for n in names]
            colours = [style.COMPARE_COLOURS[activation_names().index(n)] for n in names]
            self.plots.mark(x, values, colours)
            parts = [
                f"<span style='color:{c}'>{display_name(n)} {v:.3f}</span>"
                for n, v, c in zip(names, values, colours, strict=True)
            ]
            self.readout.setText(f"x = {x:.3f} &nbsp; " + " &nbsp; ".join(parts))
            return
        f, df = self.evaluate(np.array([x]))
        self.plots.mark(
            x,
            [f[0], df[0]],
            [pg.mkBrush(style.ACTIVATION_CURVE), pg.mkBrush(style.ACTIVATION_DERIVATIVE)],
        )
        self.readout.setText(
            self.tr(
                "x = {x} &nbsp; <span style='color:{c1}'>h(x) = {f}</span> &nbsp; "
                "<span style='color:{c2}'>h′(x) = {df}</span>"
            ).format(
                x=f"{x:.3f}",
                f=f"{f[0]:.4f}",
                df=f"{df[0]:.4f}",
                c1=style.ACTIVATION_CURVE,
                c2=style.ACTIVATION_DERIVATIVE,
            )
        )

    def _on_mouse_moved(self, pos) -> None:
        x = self.plots.x_at(pos)
        if x is None:
            self.plots.unmark()
        else:
            self.show_readout(x)
