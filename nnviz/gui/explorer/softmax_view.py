"""The softmax and loss explorer, for the current sample.

Left: softmax step by step as three linked bar charts (logits a_k / T, exp, probabilities y_k),
with a temperature slider. Right: the two losses as functions of the probability p given to the
true class, with the current sample's point on each, so a learner sees why cross-entropy punishes
a confident mistake far more than the mean squared error.

The probabilities are the core's softmax(a / T); the losses are the core's.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QSlider, QVBoxLayout, QWidget

from nnviz.core.activations import softmax
from nnviz.core.losses import get_loss
from nnviz.core.trace import Kind
from nnviz.gui import style
from nnviz.gui.session import Session
from nnviz.gui.visibility import DeferWhileHidden

__all__ = ["SoftmaxView"]

T_RANGE = (-1.0, 1.0)  # log10 of the temperature: T from 0.1 to 10
T_STEPS = 200  # slider positions across that range (T = 1 is exactly on one of them)
LOSS_Y_MAX = 5.0  # the loss chart's top: cross-entropy goes to 16 at p = 0 (log of 1e-7)
LOSS_GRID = np.linspace(0.0, 1.0, 501)
TALL_LOSS_SHARE = 0.34  # stacked layout: the loss chart's share of the height at most
QWIDGETSIZE_MAX = 16777215  # Qt's "no maximum"
WIDE = 1.25  # width / height above which the bars and the loss chart sit side by side


class SoftmaxView(QWidget):
    """Softmax with a temperature, and both losses, for the Session's current sample."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._hover: int | None = None
        self.cross_entropy = get_loss("cross-entropy")
        self.mse = get_loss("mse")
        self.logits = np.zeros(0)
        self.scaled = np.zeros(0)
        self.exps = np.zeros(0)
        self.probabilities = np.zeros(0)

        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.temperature = QSlider(Qt.Orientation.Horizontal)
        self.temperature.setRange(0, T_STEPS)
        self.temperature.setValue(T_STEPS // 2)
        self.temperature_label = QLabel()
        self.summary.setWordWrap(True)
        self.readout = QLabel()
        self.temperature_name = QLabel()
        self.readout.setTextFormat(Qt.TextFormat.RichText)
        self.readout.setWordWrap(True)
        self.loss_key = QLabel()
        self.loss_key.setTextFormat(Qt.TextFormat.RichText)
        self.loss_key.setWordWrap(True)
        self.loss_note = QLabel()
        self.loss_note.setTextFormat(Qt.TextFormat.RichText)
        self.loss_note.setWordWrap(True)

        self._lazy = DeferWhileHidden(self)
        self._build_bars()
        self._build_losses()

        t_row = QHBoxLayout()
        t_row.addWidget(self.temperature_name)
        t_row.addWidget(self.temperature, 1)
        t_row.addWidget(self.temperature_label)
        left = QVBoxLayout()
        left.addWidget(self.bars, 1)
        left.addWidget(self.readout)
        left.addLayout(t_row)
        right = QVBoxLayout()
        right.addWidget(self.loss_key)
        right.addWidget(self.loss_plot, 1)
        right.addWidget(self.loss_note)
        self._split = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._split.addLayout(left, 3)
        self._split.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(self._split, 1)

        self.temperature.valueChanged.connect(self._on_temperature_changed)
        session.trace_changed.connect(self._on_trace_changed)
        session.dataset_changed.connect(self._on_trace_changed)
        self.retranslate_ui()
        self._on_trace_changed()

    def retranslate_ui(self) -> None:
        """Set every static text (again, after the language changed)."""
        self.temperature_name.setText(self.tr("Temperature"))
        self.temperature.setToolTip(
            self.tr(
                "Divide the logits by T before the softmax: T < 1 sharpens the probabilities, "
                "T > 1 flattens them. T = 1 is the network's own output."
            )
        )
        self.readout.setText(
            self.tr(
                "Subtracting the max keeps exp from overflowing and does not change y; the "
                "probabilities add up to 1. Hover over a bar to read its numbers."
            )
        )
        titles = (
            self.tr("① logits a<sub>k</sub> / T"),
            self.tr("② exp(a<sub>k</sub>/T − max)"),
            self.tr("③ probabilities y<sub>k</sub> = exp(…) / Σ exp(…)"),
            self.tr("Loss against p = y<sub>true</sub>"),
        )
        for plot, title in zip(
            (*self.bar_plots, self.loss_plot.getPlotItem()), titles, strict=True
        ):
            plot.setTitle(f"<span style='color:{style.TEXT}'>{title}</span>", size="10pt")
        plot = self.loss_plot.getPlotItem()
        plot.setLabel("bottom", self.tr("p, the probability of the true class"))
        plot.setLabel("left", self.tr("loss"))
        # the key sits above the chart: inside it would hide the curves in a narrow dock
        self.loss_key.setText(
            f"<span style='color:{style.CROSS_ENTROPY}'><b>━━</b> "
            + self.tr("cross-entropy  −log p")
            + f"</span><br><span style='color:{style.MSE}'><b>━━</b> "
            + self.tr("mean squared error  ½ Σ (y<sub>k</sub> − t<sub>k</sub>)<sup>2</sup>")
            + f"</span><br><span style='background:{style.MSE_BAND_SWATCH}'>"
            "&nbsp;&nbsp;&nbsp;&nbsp;</span> "
            + self.tr("MSE when the other 1 − p is not spread evenly")
        )
        if self.logits.size:
            self._on_temperature_changed()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------------ building
    def _build_bars(self) -> None:
        self.bars = pg.GraphicsLayoutWidget()
        self.bars.setBackground(style.BACKGROUND)
        self.bar_plots = []
        self.bar_items = []
        for row in range(3):
            plot = self.bars.addPlot(row=row, col=0)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.showGrid(y=True, alpha=0.2)
            plot.getAxis("left").setWidth(42)
            if row:
                plot.setXLink(self.bar_plots[0])
            item = pg.BarGraphItem(x=[], height=[], width=0.7)
            plot.addItem(item)
            self.bar_plots.append(plot)
            self.bar_items.append(item)
        self.bar_plots[0].addItem(pg.InfiniteLine(0, angle=0, pen=pg.mkPen(style.MUTED)))
        self.bar_plots[1].setYRange(0, 1.08, padding=0)
        self.bar_plots[2].setYRange(0, 1.45, padding=0)  # room for the labels above the bars
        for plot in self.bar_plots[1:]:
            plot.getAxis("left").setTicks([[(0, "0"), (0.5, "0.5"), (1, "1")]])
        self.bars.setMinimumHeight(270)
        self.value_labels: list[pg.TextItem] = []
        self.bars.scene().sigMouseMoved.connect(self._on_mouse_moved)

    def _build_losses(self) -> None:
        self.loss_plot = pg.PlotWidget(background=style.BACKGROUND)
        self.loss_plot.setMinimumHeight(190)
        plot = self.loss_plot.getPlotItem()
        plot.showGrid(x=True, y=True, alpha=0.2)
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.setXRange(0, 1, padding=0.02)
        plot.setYRange(0, LOSS_Y_MAX, padding=0)
        ce = self.cross_entropy.of_true_probability(LOSS_GRID)
        mse = self.mse.of_true_probability(LOSS_GRID)
        # MSE also depends on how the other 1 - p is spread: evenly (the curve, its lowest) up to
        # all on one wrong class (its highest); the core computes both edges of that band
        y_worst = np.zeros((LOSS_GRID.size, 10))
        y_worst[:, 0], y_worst[:, 1] = LOSS_GRID, 1 - LOSS_GRID
        mse_worst = self.mse.per_sample(y_worst, np.zeros(LOSS_GRID.size, dtype=np.intp))
        self.ce_curve = plot.plot(
            LOSS_GRID,
            ce,
            pen=pg.mkPen(style.CROSS_ENTROPY, width=3),
        )
        self.mse_curve = plot.plot(
            LOSS_GRID,
            mse,
            pen=pg.mkPen(style.MSE, width=3),
        )
        worst = pg.PlotDataItem(LOSS_GRID, mse_worst, pen=pg.mkPen(style.MSE_WORST, width=1))
        plot.addItem(worst)
        band = pg.FillBetweenItem(self.mse_curve, worst, brush=pg.mkBrush(style.MSE_BAND))
        plot.addItem(band)
        self.p_line = pg.InfiniteLine(
            angle=90, pen=pg.mkPen(style.MUTED, width=1, style=Qt.PenStyle.DashLine)
        )
        plot.addItem(self.p_line)
        self.loss_points = pg.ScatterPlotItem(
            size=13, pen=pg.mkPen(style.MARKER_OUTLINE, width=1.5)
        )
        plot.addItem(self.loss_points)
        self.ce_text = pg.TextItem(color=style.CROSS_ENTROPY, anchor=(0, 1))
        self.mse_text = pg.TextItem(color=style.MSE, anchor=(0, 0))
        plot.addItem(self.ce_text)
        plot.addItem(self.mse_text)

    # ------------------------------------------------------------------ values
    def temperature_value(self) -> float:
        lo, hi = T_RANGE
        return float(10 ** (lo + (hi - lo) * self.temperature.value() / T_STEPS))

    def loss_values(self) -> tuple[float, float] | None:
        """(cross-entropy, MSE) of the current sample at the current T; None without a label."""
        label = self._session.label
        if label is None or self.probabilities.size == 0:
            return None
        y, t = self.probabilities[None, :], np.array([label])
        return float(self.cross_entropy.per_sample(y, t)[0]), float(self.mse.per_sample(y, t)[0])

    # ------------------------------------------------------------------ slots
    def _on_trace_changed(self) -> None:
        if self._lazy.defer(self._on_trace_changed):
            return  # off screen (a tab behind another): redone when shown
        L = self._session.network.num_layers
        self.logits = np.asarray(self._session.trace.values(Kind.AFFINE, L), dtype=np.float64)
        self._on_temperature_changed()

    def _on_temperature_changed(self, *_) -> None:
        t = self.temperature_value()
        self.scaled = self.logits / t
        self.probabilities = softmax(self.scaled)
        # the middle chart shows the stable softmax's own intermediate step
        self.exps = np.exp(self.scaled - self.scaled.max())
        text = self.tr("T = {0}").format(f"{t:.2f}")
        if self.temperature.value() == T_STEPS // 2:
            text += self.tr(" (the network's)")
        self.temperature_label.setText(text)
        self._update_bars()
        self._update_losses()
        self._update_summary()
        if self._hover is not None:
            self.highlight(self._hover)

    def _update_summary(self) -> None:
        s = self._session
        names = s.class_names()
        best = int(np.argmax(self.probabilities))
        if s.sample_index is not None:
            where = self.tr("Test image #{0}").format(s.sample_index)
        elif s.train_index is not None:
            where = self.tr("Training image #{0}").format(s.train_index)
        else:
            where = self.tr("Your drawing")
        truth = (
            self.tr("true class <b style='color:{c}'>{n}</b>").format(
                c=style.CORRECT, n=names[s.label]
            )
            if s.label is not None
            else self.tr("true class not given")
        )
        self.summary.setText(
            self.tr("{where}: {truth}; the network says <b>{guess}</b> ({p}%)").format(
                where=where,
                truth=truth,
                guess=names[best],
                p=f"{100 * self.probabilities[best]:.1f}",
            )
        )

    def _update_bars(self) -> None:
        n = self.logits.size
        x = np.arange(n)
        best = int(np.argmax(self.probabilities))
        label = self._session.label
        outline = [
            pg.mkPen(style.CORRECT, width=3)
            if k == label
            else pg.mkPen(style.HIGHLIGHT, width=3)
            if k == self._hover
            else pg.mkPen(None)
            for k in range(n)
        ]
        signs = [pg.mkBrush(style.POSITIVE if v >= 0 else style.NEGATIVE) for v in self.scaled]
        tops = [
            pg.mkBrush(style.SOFTMAX_BAR_BEST if k == best else style.SOFTMAX_BAR) for k in range(n)
        ]
        for item, heights, brushes in zip(
            self.bar_items,
            (self.scaled, self.exps, self.probabilities),
            (signs, tops, tops),
            strict=True,
        ):
            item.setOpts(x=x, height=heights, width=0.7, brushes=brushes, pens=outline)
        ticks = [[(k, name) for k, name in enumerate(self._session.class_names())]]
        for plot in self.bar_plots:
            plot.getAxis("bottom").setTicks(ticks)
            plot.setXRange(-0.6, n - 0.4, padding=0)
        top = float(np.abs(self.scaled).max()) if n else 1.0
        low = min(0.0, float(self.scaled.min())) if n else 0.0
        self.bar_plots[0].setYRange(
            low * 1.1 - 0.1, max(top, 0.1) * 1.1 if self.scaled.max() > 0 else 0.1, padding=0
        )
        while len(self.value_labels) < n:
            text = pg.TextItem(color=style.TEXT, anchor=(0.5, 1))
            self.bar_plots[2].addItem(text)
            self.value_labels.append(text)
        for k, text in enumerate(self.value_labels):
            p = self.probabilities[k] if k < n else 0.0
            text.setText(f"{p:.2f}" if p >= 0.005 else "")
            text.setPos(k, p)

    def _update_losses(self) -> None:
        values = self.loss_values()
        if values is None:
            self.loss_points.clear()
            self.p_line.hide()
            self.ce_text.setText("")
            self.mse_text.setText("")
            self.loss_note.setText(
                self.tr(
                    "No true class for this input, so no loss. On the drawing pad, say which "
                    "digit you meant."
                )
            )
            return
        ce, mse = values
        p = float(self.probabilities[self._session.label])
        self.p_line.setPos(p)
        self.p_line.show()
        shown_ce = min(ce, LOSS_Y_MAX * 0.97)  # a point off the chart is drawn at its top
        self.loss_points.setData(
            [p, p], [shown_ce, mse], brush=[pg.mkBrush(style.CROSS_ENTROPY), pg.mkBrush(style.MSE)]
        )
        right = p > 0.6  # put the labels where they stay inside the chart
        self.ce_text.setAnchor((1.05, 1) if right else (-0.05, 1))
        self.mse_text.setAnchor((1.05, 0) if right else (-0.05, 0))
        self.ce_text.setText(f"{ce:.3f}")
        self.ce_text.setPos(p, shown_ce)
        self.mse_text.setText(f"{mse:.3f}")
        self.mse_text.setPos(p, mse)
        self.loss_note.setText(
            self.tr(
                "This sample: p = {p}, <span style='color:{c1}'>cross-entropy {ce}</span>, "
                "<span style='color:{c2}'>MSE {mse}</span>. A confident mistake (p near 0) "
                "costs up to ~16 in cross-entropy but at most 1 in MSE."
            ).format(
                p=f"{p:.3f}", ce=f"{ce:.3f}", mse=f"{mse:.3f}", c1=style.CROSS_ENTROPY, c2=style.MSE
            )
        )

    # ------------------------------------------------------------------ linked hover
    def highlight(self, k: int | None) -> None:
        """Outline class ``k`` in all three charts and read out its numbers."""
        self._hover = k
        self._update_bars()
        if k is None:
            return
        name = self._session.class_names()[k]
        self.readout.setText(
            self.tr(
                "class <b>{name}</b>: a/T = {a}, exp = {e}, y = {y} &nbsp; (Σ exp = {s})"
            ).format(
                name=name,
                a=f"{self.scaled[k]:.3f}",
                e=f"{self.exps[k]:.4g}",
                y=f"{self.probabilities[k]:.4g}",
                s=f"{self.exps.sum():.4g}",
            )
        )

    def _on_mouse_moved(self, pos) -> None:
        for plot in self.bar_plots:
            if plot.vb.sceneBoundingRect().contains(pos):
                k = round(plot.vb.mapSceneToView(pos).x())
                if 0 <= k < self.logits.size and k != self._hover:
                    self.highlight(k)
                return
        if self._hover is not None:
            self.highlight(None)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        wide = self.width() > WIDE * self.height()
        self._split.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        # stacked, the loss chart would take the bars' room (its size hint is large)
        self.loss_plot.setMaximumHeight(
            QWIDGETSIZE_MAX if wide else max(190, int(TALL_LOSS_SHARE * self.height()))
        )
