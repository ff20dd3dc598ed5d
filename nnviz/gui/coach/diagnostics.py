"""The Diagnostics plots: what happens inside each layer over a run, read from its record.

Four plots side by side: the gradient size (RMS of dE/dW, log scale) and the update-to-weight
ratio ||ΔW|| / ||W|| (log scale) of each layer at every step; the shares of inactive (ReLU, never
active on the training slice) and saturated (sigmoid/tanh with h' < 0.1) units of each hidden
layer at each evaluation; and a histogram of one layer's weights at the step shown against the
same weights at the start. A dashed line marks the step the window shows (the timeline under
the curves); the histogram follows it. Before a run each plot says what will appear. Redraws
happen on a timer, only while the tab is visible and only when the record grew or the step
shown changed.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.coach import weight_histogram
from nnviz.core.recording import RunRecord
from nnviz.gui import style
from nnviz.gui.session import Session

__all__ = ["DiagnosticsPlots"]

# redraws at most once a second while a run trains: the figures change slowly, and each redraw
# of four plots holds the GIL the trainer needs (at four a second training ran at half speed)
REFRESH_MS = 1000
_FLOOR = 1e-12  # log axes: a zero gradient or step is drawn at this value, not at -inf
_BINS = 40  # bars of the weight histogram
_MIN_PLOT_WIDTH = 80  # px: the window stays as narrow as before (1000 px); wider is better


def _layer_pen(layer: int, dash: bool = False) -> pg.QtGui.QPen:
    pen = pg.mkPen(style.DIAG_LAYERS[(layer - 1) % len(style.DIAG_LAYERS)], width=1.5)
    if dash:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class DiagnosticsPlots(QWidget):
    """The four plots of the newest run of ``session``."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.record: RunRecord | None = None
        self._lines_record: RunRecord | None = None  # the run the lines were made for
        self._seen: tuple[int, int, int | None, int] | None = None  # what was last drawn
        self._layer = 1  # the layer whose weights the histogram shows
        self._params_version = 0  # counts the session's weight changes (live or time travel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 0)
        self.caption = QLabel()
        self.caption.setStyleSheet(f"color: {style.MUTED};")
        bar.addWidget(self.caption)
        bar.addSpacing(12)
        self.key = QLabel()  # the layers' colours: the plots keep their room for the lines
        bar.addWidget(self.key, 1)
        self.layer_label = QLabel()
        bar.addWidget(self.layer_label)
        self.layer_box = QComboBox()
        self.layer_box.currentIndexChanged.connect(self._on_layer_chosen)
        bar.addWidget(self.layer_box)
        layout.addLayout(bar)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.widgets = [pg.PlotWidget(background=style.BACKGROUND) for _ in range(4)]
        for widget in self.widgets:
            widget.setMinimumWidth(_MIN_PLOT_WIDTH)
            row.addWidget(widget, 1)
        layout.addLayout(row, 1)
        self.plots = tuple(widget.getPlotItem() for widget in self.widgets)
        self.grad_plot, self.ratio_plot, self.units_plot, self.hist_plot = self.plots
        for plot in self.plots:
            plot.setMenuEnabled(False)
            for side in ("left", "bottom"):
                plot.getAxis(side).setTextPen(style.CURVES_AXIS)
                plot.getAxis(side).setPen(style.CURVES_AXIS)
                plot.getAxis(side).enableAutoSIPrefix(False)
        self.grad_plot.setLogMode(y=True)
        self.ratio_plot.setLogMode(y=True)
        self.ratio_plot.setXLink(self.grad_plot)
        self.units_plot.setYRange(0, 100, padding=0.02)
        self.units_plot.enableAutoRange(axis="y", enable=False)
        pen = pg.mkPen(style.CURVES_CURSOR, width=1.5, style=Qt.PenStyle.DashLine)
        self.cursors = [pg.InfiniteLine(angle=90, pen=pen) for _ in range(3)]
        for plot, line in zip(self.plots[:3], self.cursors, strict=True):
            plot.addItem(line, ignoreBounds=True)
            line.setVisible(False)
        self.lines: dict[str, list[pg.PlotDataItem]] = {"grad": [], "ratio": [], "inactive": []}
        self.lines["saturated"] = []
        self.bars_initial = pg.PlotDataItem(
            stepMode="center", fillLevel=0, pen=pg.mkPen(style.DIAG_INITIAL, width=1.5)
        )
        self.bars_initial.setBrush(pg.mkBrush(style.DIAG_INITIAL + "55"))
        self.bars_now = pg.PlotDataItem(stepMode="center", pen=pg.mkPen(style.DIAG_NOW, width=2))
        self.hist_plot.addItem(self.bars_initial)
        self.hist_plot.addItem(self.bars_now)
        self.empty_texts = []
        for plot in self.plots:
            text = pg.TextItem("", color=style.CURVES_EMPTY_TEXT, anchor=(0.5, 0.5))
            plot.addItem(text, ignoreBounds=True)
            self.empty_texts.append(text)
        self._empty = None
        self._show_empty(True)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        session.run_added.connect(self._on_run_added)
        session.runs_removed.connect(lambda _records: self._on_run_added(self.session.run))
        session.shown_step_changed.connect(lambda _step: self.refresh())
        session.params_changed.connect(self._on_params_changed)
        self.retranslate_ui()
        if session.run is not None:
            self._on_run_added(session.run)

    # ------------------------------------------------------------------ texts
    def retranslate_ui(self) -> None:
        titles = (
            self.tr("gradient RMS"),
            self.tr("update ÷ weight"),
            self.tr("inactive —, saturated ‑‑"),
            self.tr("weights: start, now"),
        )
        tips = (
            self.tr(
                "How large dE/dW is in each layer (root mean square, log scale): a layer whose "
                "gradient is far smaller than the others learns slowly (vanishing gradient)"
            ),
            self.tr(
                "How much each step changes a layer's weights, relative to their size (log "
                "scale): around 0.001 is healthy; 0.1 or more is too fast, 0.00001 too slow"
            ),
            self.tr(
                "Solid: the share of a hidden layer's ReLU units that output 0 for every "
                "training digit (dead). Dashed: the share of sigmoid or tanh values where the "
                "slope h' is below 0.1 (saturated). Measured at each test."
            ),
            self.tr(
                "The chosen layer's weights: grey at the start, blue at the step shown. "
                "Learning spreads them out; a narrow peak that stays put means little learning."
            ),
        )
        for plot, widget, title, tip in zip(self.plots, self.widgets, titles, tips, strict=True):
            plot.setTitle(title, color=style.CURVES_AXIS, size="9pt")
            widget.setToolTip(tip)
        for plot in self.plots[:3]:
            plot.setLabel("bottom", self.tr("step"), color=style.CURVES_AXIS)
        self.hist_plot.setLabel("bottom", self.tr("weight value"), color=style.CURVES_AXIS)
        # "%" alone: a word would overlap the plot beside it in a narrow panel (the title says
        # what is counted)
        self.hist_plot.setLabel("left", "%", color=style.CURVES_AXIS)
        empty = (
            self.tr("Press Start: how strongly\neach layer's weights are\npushed will appear here"),
            self.tr("and how much each step\nchanges them (about 0.001\nis healthy)"),
            self.tr("the share of dead ReLU units\nand of saturated sigmoid units,\nat each test"),
            self.tr("and how the weights spread\nout from where they started"),
        )
        for text, words in zip(self.empty_texts, empty, strict=True):
            text.setText(words)
        self.layer_label.setText(self.tr("Histogram of"))
        self.layer_box.setToolTip(self.tr("The layer whose weights the histogram shows"))
        self._set_caption()
        if self.record is not None:
            self._make_lines(self.record)
            self._seen = None
            self.refresh()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _set_caption(self) -> None:
        record = self.record
        if record is None:
            self.caption.setText(self.tr("No run yet"))
            return
        step = self.session.shown_step
        if step is None:
            self.caption.setText(self.tr("Newest run, latest step"))
        else:
            self.caption.setText(self.tr("Newest run at step {step}").format(step=step))

    # ------------------------------------------------------------------ runs
    def _show_empty(self, empty: bool) -> None:
        if empty == self._empty:
            return
        self._empty = empty
        for plot, text in zip(self.plots, self.empty_texts, strict=True):
            text.setVisible(empty)
            for side in ("left", "bottom"):  # no numbers on axes that count nothing yet
                if empty:
                    plot.hideAxis(side)
                else:
                    plot.showAxis(side)
            if empty:
                plot.setLogMode(y=False)
                if plot is not self.ratio_plot:  # linked to grad_plot's
                    plot.setXRange(0, 1, padding=0)
                plot.setYRange(0, 1, padding=0)
                text.setPos(0.5, 0.5)
            else:
                if plot is not self.units_plot:  # it spans the steps (set in refresh)
                    plot.enableAutoRange(axis="x")
                if plot is not self.units_plot:
                    plot.enableAutoRange(axis="y")
        if not empty:
            self.grad_plot.setLogMode(y=True)
            self.ratio_plot.setLogMode(y=True)
            self.units_plot.setYRange(0, 100, padding=0.02)

    def _on_run_added(self, record: RunRecord | None) -> None:
        self.record = record
        self._seen = None
        if record is None:
            self._lines_record = None
            self._clear_lines()
            self._show_empty(True)
            self._set_caption()
            return
        if self.isVisible():  # else its lines are made when the tab is shown (refresh)
            self._follow(record)

    def _follow(self, record: RunRecord) -> None:
        """Lines and layer choices for ``record``, then drawn."""
        self._lines_record = record
        self._make_lines(record)
        layers = len(record.sizes) - 1
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        for l in range(1, layers + 1):
            self.layer_box.addItem(f"W{l}", l)
        self._layer = min(self._layer, layers)
        self.layer_box.setCurrentIndex(self._layer - 1)
        self.layer_box.blockSignals(False)
        self.refresh()

    def _clear_lines(self) -> None:
        self.key.setText("")
        for key, items in self.lines.items():
            plot = {"grad": self.grad_plot, "ratio": self.ratio_plot}.get(key, self.units_plot)
            for item in items:
                plot.removeItem(item)
            items.clear()

    def _make_lines(self, record: RunRecord) -> None:
        """One line per layer in each plot; their colours named above the plots. The lines of
        a run of as many layers are kept, emptied (making and placing them anew cost ~30 ms,
        at each Start with this tab in front)."""
        layers = len(record.sizes) - 1
        if len(self.lines["grad"]) == layers and len(self.lines["inactive"]) == layers - 1:
            for items in self.lines.values():
                for item in items:
                    item.setData([], [])
        else:
            self._clear_lines()
            self._add_lines(layers)
        marks = []
        for l in range(1, layers + 1):
            colour = style.DIAG_LAYERS[(l - 1) % len(style.DIAG_LAYERS)]
            name = self.tr("layer {l}").format(l=l)
            marks.append(f"<span style='color:{colour}'><b>━</b> {name}</span>")
        self.key.setText(" &nbsp;".join(marks))

    def _add_lines(self, layers: int) -> None:
        for l in range(1, layers + 1):
            for key, plot in (("grad", self.grad_plot), ("ratio", self.ratio_plot)):
                item = pg.PlotDataItem(pen=_layer_pen(l))
                plot.addItem(item)
                item.setDownsampling(auto=True, method="mean")
                item.setClipToView(True)
                self.lines[key].append(item)
        for l in range(1, layers):
            for key, dash in (("inactive", False), ("saturated", True)):
                item = pg.PlotDataItem(pen=_layer_pen(l, dash), symbol="o", symbolSize=4)
                item.setSymbolBrush(style.DIAG_LAYERS[(l - 1) % len(style.DIAG_LAYERS)])
                self.units_plot.addItem(item)
                self.lines[key].append(item)

    def _on_layer_chosen(self, index: int) -> None:
        if index >= 0:
            self._layer = int(self.layer_box.itemData(index))
            self._seen = None
            self.refresh()

    def _on_params_changed(self) -> None:
        self._params_version += 1

    # ------------------------------------------------------------------ drawing
    def refresh(self) -> None:
        """Draw what is new (only while visible; a hidden tab is drawn when it is shown)."""
        record = self.record
        self._set_caption()
        if record is None or not self.isVisible():
            return
        if record is not self._lines_record:  # a run added while the tab was hidden
            self._follow(record)
            return
        seen = (
            record.steps_recorded,
            record.evaluations_recorded,
            self.session.shown_step,
            self._params_version,
        )
        if seen == self._seen:
            return
        self._seen = seen
        if record.steps_recorded == 0:
            self._show_empty(True)
            return
        self._show_empty(False)
        steps = record.step_column("step")
        for key, table in (("grad", record.grad_rms), ("ratio", record.update_ratios)):
            for l, item in enumerate(self.lines[key]):
                values = table[:, l]
                ok = np.isfinite(values)
                item.setData(steps[ok], np.maximum(values[ok], _FLOOR))
        # the units are measured at the evaluations only: their x axis spans every step too
        self.units_plot.setXRange(0, float(steps[-1]), padding=0.02)
        diag = record.layer_diagnostics()
        eval_steps = record.eval_column("step")
        for key in ("inactive", "saturated"):
            for l, item in enumerate(self.lines[key]):
                values = diag[key][:, l] if diag[key].shape[1] > l else np.zeros(0)
                ok = np.isfinite(values)
                item.setData(eval_steps[ok], 100.0 * values[ok])
        shown = self.session.shown_step
        for line in self.cursors:
            line.setVisible(shown is not None)
            if shown is not None:
                line.setPos(shown)
        self._draw_histogram(record)

    def _draw_histogram(self, record: RunRecord) -> None:
        """The chosen layer's weights at the step shown against the same weights at step 0."""
        steps = record.snapshot_steps
        if steps.size == 0 or steps[0] != 0:
            self.bars_initial.setData([], [])
            self.bars_now.setData([], [])
            return
        name = f"W{self._layer}"
        initial = record.snapshot_at(0).params[name]
        shown = self.session.shown_step
        if shown is None and record.status == "running" and self.session.can_show_steps():
            now = self.session.network.params[name]  # a live run: its newest weights
        else:  # the step shown, or the run's last weights
            now = record.snapshot_at(shown).params[name]
        hist = weight_histogram(initial, now, _BINS)
        self.bars_initial.setData(hist.edges, hist.initial)
        self.bars_now.setData(hist.edges, hist.now)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        self._seen = None
        self.refresh()
