"""Live loss and accuracy curves of training runs (pyqtgraph).

Loss: every batch as a faint line, its smoothed version (a debiased EMA, smoothing on a slider),
and the test loss at each evaluation, both cross-entropy and MSE, the minimised one marked.
Accuracy: the running training accuracy and the test accuracy. Earlier runs stay, dimmed and
labelled, until cleared. The x axis shows steps, epochs or seconds.

Long runs stay fast: data lives in growing preallocated buffers, each run owns a fixed set of
plot items updated with ``setData`` (never a new item per update), lines are downsampled and
clipped to the view, and redraws happen on a timer only when something changed.
"""

from __future__ import annotations

import os

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.core import events as ev
from nnviz.core.smoothing import ema
from nnviz.core.training import TrainingConfig
from nnviz.gui.curve_runs import (
    EVAL_COLUMNS,
    RunCurves,
    SeriesBuffer,
    export_runs_csv,
    round_up,
    round_up_fine,
)
from nnviz.gui.worker import BatchChunk

__all__ = ["CurvesPanel", "SeriesBuffer"]

REFRESH_MS = 90  # curve redraws at most ~11 times a second, only when data arrived
_DEFAULT_SMOOTHING = 0.9  # EMA beta: about the last ten batches
_SMOOTHING_STEPS = 100  # slider positions: beta = position / 100, up to 0.99
_FAINT_ALPHA = 70  # the every-batch line, behind the smoothed one
_EARLIER_ALPHA = 110  # curves of earlier runs
_X_MODES = ("step", "epoch", "time")
_X_HEADROOM = 1.05  # the x axis ends a little after the newest point
_POINTS_PER_PIXEL = 1.0  # downsampling target (pyqtgraph's default 5 paints 5x more)
_Y_HEADROOM = 1.04  # the loss axis ends a little above the highest loss
# what does not change with every batch (axes, legends, test points, earlier runs) is painted
# once into a pixmap and blitted on the next redraws (each paint holds the trainer's GIL)
_CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
_LIVE_KEYS = ("batch_loss", "smooth_loss", "train_accuracy")  # new points with every batch

# one colour per role; earlier runs reuse them, dimmed
_TRAIN = "#1971c2"  # training loss / accuracy
_TEST = "#e8590c"  # test, the loss being minimised
_OTHER = "#7048e8"  # test, the other loss (not minimised)
_LEGEND_SIZE = "8pt"
# earlier runs: muted colours, told apart in the legend ("run n: ...")
_EARLIER = ("#868e96", "#a9896b", "#7d9d7f", "#9a86b5", "#6f9fb0", "#b58a9b")
_BACKGROUND = "#ffffff"
_AXIS = "#495057"


def _cache(item: pg.PlotDataItem) -> None:
    """Paint ``item``'s line and symbols into pixmaps (for items that rarely change)."""
    item.curve.setCacheMode(_CACHED)
    item.scatter.setCacheMode(_CACHED)


def _cache_legend(legend: pg.LegendItem) -> None:
    legend.setCacheMode(_CACHED)
    for sample, label in legend.items:
        sample.setCacheMode(_CACHED)
        label.setCacheMode(_CACHED)


def _pen(colour: str, alpha: int = 255, width: float = 1.0, dash: bool = False) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    pen = pg.mkPen(c, width=width)
    if dash:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class CurvesPanel(QWidget):
    """Loss and accuracy plots fed by the training worker's batches and evaluations."""

    refreshed = Signal()  # after each redraw (the benchmark counts them)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runs: list[RunCurves] = []
        self._current: RunCurves | None = None
        self._smoothing = _DEFAULT_SMOOTHING
        self._x_mode = "step"
        self._dirty = False  # the current run has new data
        self._dirty_all = False  # an option changed: every run is redrawn
        self._x_end: float | None = None  # the right end of the x axis (None: automatic)
        self.refresh_count = 0
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._on_timer)
        self._timer.start()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.x_box = QComboBox()
        for mode in _X_MODES:
            self.x_box.addItem("", mode)  # texts: retranslate_ui
        self.x_box.currentIndexChanged.connect(lambda i: self.set_x_mode(self.x_box.itemData(i)))
        bar.addWidget(self.x_box)
        bar.addSpacing(4)
        self.smoothing_title = QLabel()
        bar.addWidget(self.smoothing_title)
        self.smoothing_slider = QSlider(Qt.Orientation.Horizontal)
        self.smoothing_slider.setRange(0, _SMOOTHING_STEPS - 1)
        self.smoothing_slider.setValue(round(_DEFAULT_SMOOTHING * _SMOOTHING_STEPS))
        self.smoothing_slider.setMinimumWidth(60)
        self.smoothing_slider.setMaximumWidth(110)
        self.smoothing_slider.valueChanged.connect(
            lambda v: self.set_smoothing(v / _SMOOTHING_STEPS)
        )
        bar.addWidget(self.smoothing_slider)
        self.smoothing_label = QLabel(f"{_DEFAULT_SMOOTHING:.2f}")
        self.smoothing_label.setMinimumWidth(28)
        bar.addWidget(self.smoothing_label)
        bar.addSpacing(4)
        self.log_loss_box = QCheckBox()
        self.log_loss_box.toggled.connect(self._apply_log_modes)
        bar.addWidget(self.log_loss_box)
        self.log_x_box = QCheckBox()
        self.log_x_box.toggled.connect(self._apply_log_modes)
        bar.addWidget(self.log_x_box)
        bar.addStretch(1)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_earlier)
        self.clear_button.setEnabled(False)
        bar.addWidget(self.clear_button)
        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.export_csv_action = menu.addAction("", self._on_export_csv)
        self.export_png_action = menu.addAction("", self._on_export_png)
        self.export_button.setMenu(menu)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(_BACKGROUND)
        self.loss_plot = self.graphics.addPlot(row=0, col=0)
        self.accuracy_plot = self.graphics.addPlot(row=1, col=0)
        self._side_by_side = False
        self.accuracy_plot.setXLink(self.loss_plot)
        for plot in (self.loss_plot, self.accuracy_plot):
            # no grid: its lines across the whole plot cost ~10 ms a frame in software
            plot.setMenuEnabled(False)
            for side in ("left", "bottom"):
                plot.getAxis(side).setTextPen(_AXIS)
                plot.getAxis(side).setPen(_AXIS)
        self.accuracy_plot.setYRange(0, 100, padding=0.02)
        self.loss_plot.setLimits(yMin=0)  # a loss is never negative
        for plot in (self.loss_plot, self.accuracy_plot):
            for side in ("left", "bottom"):
                plot.getAxis(side).enableAutoSIPrefix(False)  # no "(x0.001)" for learners
        self.accuracy_plot.enableAutoRange(axis="y", enable=False)
        self.loss_legend = self.loss_plot.addLegend(
            offset=(-6, 6), labelTextColor=_AXIS, labelTextSize=_LEGEND_SIZE, verSpacing=-4
        )
        self.accuracy_legend = self.accuracy_plot.addLegend(
            offset=(-6, -6), labelTextColor=_AXIS, labelTextSize=_LEGEND_SIZE, verSpacing=-4
        )  # bottom right: accuracy rises towards the top
        for legend in (self.loss_legend, self.accuracy_legend):
            legend.setBrush(pg.mkBrush(255, 255, 255, 210))
        self._set_x_label()
        for plot in (self.loss_plot, self.accuracy_plot):
            for side in ("left", "bottom"):
                plot.getAxis(side).setCacheMode(_CACHED)
        self._y_end: float | None = None  # the top of the loss axis (None: automatic)
        self.empty_text = pg.TextItem("", color="#868e96")
        self.loss_plot.addItem(self.empty_text)
        layout.addWidget(self.graphics, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Every static text (legends of runs already drawn keep their language)."""
        for i, text in enumerate((self.tr("by step"), self.tr("by epoch"), self.tr("by time"))):
            self.x_box.setItemText(i, text)
        self.x_box.setToolTip(self.tr("What the horizontal axis counts"))
        self.smoothing_title.setText(self.tr("Smoothing"))
        self.smoothing_slider.setToolTip(
            self.tr("How strongly the training curves are averaged over recent batches")
        )
        self.log_loss_box.setText(self.tr("log loss"))
        self.log_x_box.setText(self.tr("log x"))
        self.clear_button.setText(self.tr("Clear old runs"))
        self.clear_button.setToolTip(self.tr("Remove the dimmed curves of earlier runs"))
        self.export_button.setText(self.tr("Export"))
        self.export_csv_action.setText(self.tr("Curves as CSV table…"))
        self.export_png_action.setText(self.tr("Plots as PNG picture…"))
        self.loss_plot.setLabel("left", self.tr("loss"), color=_AXIS)
        self.accuracy_plot.setLabel("left", self.tr("accuracy (%)"), color=_AXIS)
        self.empty_text.setText(self.tr("Press Start to train: the curves appear here"))
        self._set_x_label()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        # a wide, short dock (at the bottom) puts the plots side by side, a tall one stacks them
        wide = self.graphics.width() > 2.2 * self.graphics.height()
        if wide != self._side_by_side:
            self._side_by_side = wide
            layout = self.graphics.ci
            layout.removeItem(self.accuracy_plot)
            layout.addItem(self.accuracy_plot, row=0 if wide else 1, col=1 if wide else 0)
            self._set_x_label()

    # ------------------------------------------------------------------ runs
    @property
    def runs(self) -> list[RunCurves]:
        return list(self._runs)

    @property
    def current(self) -> RunCurves | None:
        return self._current

    def begin_run(self, config: TrainingConfig) -> None:
        """A new run: the previous one is dimmed and labelled, the new one gets fresh items."""
        if self._current is not None:
            self._dim(self._current)
            self._draw(self._current, True)
        self.loss_plot.removeItem(self.empty_text)
        run = RunCurves(len(self._runs) + 1, config)
        self._runs.append(run)
        self._current = run
        other = "cross_entropy" if run.minimised == "mse" else "mse"
        names = {"cross_entropy": self.tr("cross-entropy"), "mse": self.tr("MSE")}
        made = {
            "batch_loss": (self.loss_plot, _pen(_TRAIN, _FAINT_ALPHA), None, None),
            "smooth_loss": (
                self.loss_plot,
                _pen(_TRAIN, width=1),
                None,
                self.tr("training, smoothed"),
            ),
            "test_loss": (
                self.loss_plot,
                _pen(_TEST, width=1),
                "o",
                self.tr("test {loss} (minimised)").format(loss=names[run.minimised]),
            ),
            "test_other": (
                self.loss_plot,
                _pen(_OTHER, width=1, dash=True),
                "s",
                self.tr("test {loss}").format(loss=names[other]),
            ),
            "train_accuracy": (
                self.accuracy_plot,
                _pen(_TRAIN, width=1),
                None,
                self.tr("training, smoothed"),
            ),
            "test_accuracy": (self.accuracy_plot, _pen(_TEST, width=1), "o", self.tr("test")),
        }
        for key, (plot, pen, symbol, name) in made.items():
            item = pg.PlotDataItem(pen=pen)
            plot.addItem(item)  # (PlotItem.addItem resets downsampling: set it after)
            if symbol:
                item.setSymbol(symbol)
                item.setSymbolSize(6)
                item.setSymbolPen(pen)
                item.setSymbolBrush(pen.color())
            else:
                item.opts["autoDownsampleFactor"] = _POINTS_PER_PIXEL
                item.setDownsampling(auto=True, method="peak" if key == "batch_loss" else "mean")
                item.setClipToView(True)
            if key in _LIVE_KEYS:
                item.opts["skipFiniteCheck"] = True  # losses are finite (divergence stops first)
            else:
                _cache(item)
            if name:
                legend = self.loss_legend if plot is self.loss_plot else self.accuracy_legend
                legend.addItem(item, name)
                _cache_legend(legend)
            run.items[key] = item
        self.clear_button.setEnabled(len(self._runs) > 1)
        self._dirty = True

    def _dim(self, run: RunCurves) -> None:
        """Turn the current run into an earlier one: grey, fewer lines, one legend entry."""
        for key, item in run.items.items():
            self.loss_legend.removeItem(item)
            self.accuracy_legend.removeItem(item)
            if key in ("batch_loss", "test_other"):
                item.setVisible(False)
                continue
            colour = _EARLIER[(run.number - 1) % len(_EARLIER)]
            item.setPen(_pen(colour, _EARLIER_ALPHA, dash=key.startswith("test")))
            if item.opts["symbol"] is not None:
                item.setSymbol(None)
            _cache(item)  # an earlier run no longer changes
        self.loss_legend.addItem(run.items["smooth_loss"], run.label())
        _cache_legend(self.loss_legend)

    def add_batches(self, chunk: BatchChunk) -> None:
        run = self._current
        if run is None:
            return
        smooth, run.ema_state = ema(chunk.loss, self._smoothing, run.ema_state)
        smooth_acc, run.accuracy_ema_state = ema(
            chunk.batch_accuracy, self._smoothing, run.accuracy_ema_state
        )
        run.batches.append(
            step=chunk.step,
            epoch=chunk.epoch,
            elapsed=chunk.elapsed,
            loss=chunk.loss,
            smooth=smooth,
            batch_accuracy=chunk.batch_accuracy,
            smooth_accuracy=smooth_acc,
        )
        self._dirty = True

    def add_evaluation(self, event: ev.Evaluated) -> None:
        run = self._current
        if run is None:
            return
        run.evals.append(**{name: np.array([float(getattr(event, name))]) for name in EVAL_COLUMNS})
        self._dirty = True  # drawn with the next batches (one redraw, not two)

    def end_run(self, event: ev.TrainingEnded) -> None:
        if self._current is not None:
            self._current.status = event.status
        self.refresh()

    def clear_earlier(self) -> None:
        """Remove every run but the current one."""
        for run in self._runs:
            if run is self._current:
                continue
            for key, item in run.items.items():
                self.loss_legend.removeItem(item)
                plot = self.accuracy_plot if key.endswith("accuracy") else self.loss_plot
                plot.removeItem(item)
        self._runs = [self._current] if self._current is not None else []
        if self._current is not None:
            self._current.number = 1
        self.clear_button.setEnabled(False)
        self._x_end = None
        self._y_end = None
        self._dirty_all = True

    # ------------------------------------------------------------------ options
    def set_smoothing(self, smoothing: float) -> None:
        """EMA beta in [0, 1); recomputes the smoothed line of every run."""
        self._smoothing = min(max(float(smoothing), 0.0), 1.0 - 1.0 / _SMOOTHING_STEPS)
        self.smoothing_label.setText(f"{self._smoothing:.2f}")
        for run in self._runs:
            smooth, run.ema_state = ema(run.batches["loss"], self._smoothing)
            run.batches.set_column("smooth", smooth)
            smooth, run.accuracy_ema_state = ema(run.batches["batch_accuracy"], self._smoothing)
            run.batches.set_column("smooth_accuracy", smooth)
        self._dirty_all = True

    @property
    def smoothing(self) -> float:
        return self._smoothing

    def set_x_mode(self, mode: str) -> None:
        if mode not in _X_MODES:
            raise ValueError(f"x axis must be one of {_X_MODES}, got {mode!r}")
        self._x_mode = mode
        i = self.x_box.findData(mode)
        if self.x_box.currentIndex() != i:
            self.x_box.setCurrentIndex(i)
        self._set_x_label()
        self._x_end = None
        self._dirty_all = True
        self.refresh()

    def _set_x_label(self) -> None:
        text = {
            "step": self.tr("steps (batches trained)"),
            "epoch": self.tr("epochs"),
            "time": self.tr("seconds of training"),
        }[self._x_mode]
        self.accuracy_plot.setLabel("bottom", text, color=_AXIS)
        if self._side_by_side:
            self.loss_plot.setLabel("bottom", text, color=_AXIS)
        else:
            self.loss_plot.getAxis("bottom").showLabel(False)

    def _apply_log_modes(self) -> None:
        log_x = self.log_x_box.isChecked()
        self.loss_plot.setLogMode(x=log_x, y=self.log_loss_box.isChecked())
        self.accuracy_plot.setLogMode(x=log_x, y=False)
        # a loss is never negative: keep the linear axis from showing below 0
        self.loss_plot.setLimits(yMin=-1e300 if self.log_loss_box.isChecked() else 0)
        self._x_end = None
        self._y_end = None
        self._dirty_all = True
        self.refresh()

    def set_run_length(self, event: ev.TrainingStarted) -> None:
        """The current run's length is known: the x axis never needs to go beyond it."""
        if self._current is not None:
            self._current.total_steps = event.total_steps
            self._current.steps_per_epoch = event.steps_per_epoch
        self._fit_x()

    def _fit_x(self) -> None:
        """Let the x axis grow in round jumps (1, 2, 5 x 10^k) rather than with every update:
        an axis that stays put is not redrawn, and a few steps still fill the plot."""
        if self.log_x_box.isChecked() or not any(len(r.batches) for r in self._runs):
            self._x_end = None
            self.loss_plot.enableAutoRange(axis="x")
            return
        end = max(float(self._x(r.batches)[-1]) for r in self._runs if len(r.batches))
        target = round_up(end * _X_HEADROOM)
        caps = [
            r.total_steps / (1 if self._x_mode == "step" else r.steps_per_epoch)
            for r in self._runs
            if r.total_steps and r.steps_per_epoch and self._x_mode != "time"
        ]
        if caps and len(caps) == len(self._runs):
            target = min(target, max(max(caps), end))
        if target != self._x_end:
            self._x_end = target
            self.loss_plot.setXRange(0, target, padding=0.02)

    def _fit_y(self) -> None:
        """The loss axis from 0 to a round value above the highest loss shown, changed only
        when the curves outgrow it: an automatic range moves with nearly every update, and
        each move redraws the axis and everything under it."""
        if self.log_loss_box.isChecked():
            if self._y_end is not None:
                self._y_end = None
                self.loss_plot.enableAutoRange(axis="y")
            return
        top = 0.0
        for run in self._runs:
            shown = ("smooth", "loss") if run is self._current else ("smooth",)
            for column in shown:
                if len(run.batches):
                    top = max(top, float(run.batches[column].max()))
            if len(run.evals):
                for column in ("test_cross_entropy", "test_mse"):
                    top = max(top, float(run.evals[column].max()))
        if top <= 0.0 or not np.isfinite(top):
            return
        end = round_up_fine(top * _Y_HEADROOM)
        if end != self._y_end:
            self._y_end = end
            self.loss_plot.setYRange(0.0, end, padding=0.0)

    # ------------------------------------------------------------------ drawing
    def _x(self, buffer: SeriesBuffer) -> np.ndarray:
        return buffer[{"step": "step", "epoch": "epoch", "time": "elapsed"}[self._x_mode]]

    def _on_timer(self) -> None:
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Push the buffers into the plot items (only the runs that can have changed)."""
        if not (self._dirty or self._dirty_all):
            return
        for run in self._runs:
            if self._dirty_all or run is self._current:
                self._draw(run, self._dirty_all)
        self._dirty = self._dirty_all = False
        self._fit_x()
        self._fit_y()
        self.refresh_count += 1
        self.refreshed.emit()

    def _draw(self, run: RunCurves, everything: bool) -> None:
        b, e = run.batches, run.evals
        xb = self._x(b)
        items = run.items
        items["batch_loss"].setData(xb, b["loss"])
        items["smooth_loss"].setData(xb, b["smooth"])
        items["train_accuracy"].setData(xb, 100.0 * b["smooth_accuracy"])
        if everything or run.evals_drawn != len(e):  # evaluations are rare: redraw on change
            run.evals_drawn = len(e)
            xe = self._x(e)
            other = "mse" if run.minimised == "cross_entropy" else "cross_entropy"
            items["test_loss"].setData(xe, e[f"test_{run.minimised}"])
            items["test_other"].setData(xe, e[f"test_{other}"])
            items["test_accuracy"].setData(xe, 100.0 * e["test_accuracy"])

    # ------------------------------------------------------------------ export
    def export_csv(self, path: str | os.PathLike[str]) -> None:
        """Every run's batches and evaluations as one table (empty cells where not measured)."""
        export_runs_csv(self._runs, path)

    def export_png(self, path: str | os.PathLike[str]) -> bool:
        self.refresh()
        return self.graphics.grab().save(str(path))

    def _on_export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export curves as CSV"), "curves.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(path)

    def _on_export_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export curves as PNG"), "curves.png", self.tr("PNG images (*.png)")
        )
        if path:
            self.export_png(path)
