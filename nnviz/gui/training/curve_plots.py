"""The two plots of the CurvesPanel (loss, accuracy): axes, legends, and each run's plot items.

Each run owns a fixed set of plot items updated with ``setData`` (never a new item per update);
lines are downsampled and clipped to the view; the axes grow in round jumps rather than with
every update; what rarely changes is painted once into a pixmap. The panel (curves.py) holds
the data and the options and gives this class its translated texts.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QWidget

from nnviz.gui import style
from nnviz.gui.training.curve_runs import RunCurves, SeriesBuffer, round_up, round_up_fine

_X_HEADROOM = 1.05  # the x axis ends a little after the newest point
_POINTS_PER_PIXEL = 1.0  # downsampling target (pyqtgraph's default 5 paints 5x more)
_Y_HEADROOM = 1.04  # the loss axis ends a little above the highest loss
# what does not change with every batch (axes, legends, test points, earlier runs) is painted
# once into a pixmap and blitted on the next redraws (each paint holds the trainer's GIL)
_CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache
_LIVE_KEYS = ("batch_loss", "smooth_loss", "train_accuracy")  # new points with every batch
_X_COLUMNS = {"step": "step", "epoch": "epoch", "time": "elapsed"}  # x mode -> buffer column

_LEGEND_SIZE = "8pt"
_CHANGES_NAMED = 1  # changes named in the accuracy legend (the newest; each has its lines)
_TICK_LENGTH = -5  # pyqtgraph's own: ticks 5 px long, inside the axis


def _cache(item: pg.PlotDataItem) -> None:
    """Paint ``item``'s line and symbols into pixmaps (for items that rarely change)."""
    item.curve.setCacheMode(_CACHED)
    item.scatter.setCacheMode(_CACHED)


def _cache_legend(legend: pg.LegendItem) -> None:
    legend.setCacheMode(_CACHED)
    for _sample, label in legend.items:
        label.setCacheMode(_CACHED)


def earlier_colour(number: int) -> str:
    """The colour of earlier run ``number``'s dimmed curves (and of its mark in the legend)."""
    return style.CURVES_EARLIER[(number - 1) % len(style.CURVES_EARLIER)]


def _pen(colour: str, alpha: int = 255, width: float = 1.0, dash: bool = False) -> QColor:
    c = QColor(colour)
    c.setAlpha(alpha)
    pen = pg.mkPen(c, width=width)
    if dash:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class CurvePlots:
    """The loss plot above (or, in a wide dock, beside) the accuracy plot, x axes linked."""

    def __init__(self) -> None:
        self.x_mode = "step"
        self.log_x = False
        self.log_loss = False
        self.side_by_side = False
        self._x_label = ""
        self._x_end: float | None = None  # the right end of the x axis (None: automatic)
        self._y_end: float | None = None  # the top of the loss axis (None: automatic)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setProperty("explain", "CurvePlots")  # its text: nnviz/gui/explain.py
        self.graphics.setBackground(style.BACKGROUND)
        self.loss_plot = self.graphics.addPlot(row=0, col=0)
        self.accuracy_plot = self.graphics.addPlot(row=1, col=0)
        self.accuracy_plot.setXLink(self.loss_plot)
        pen = pg.mkPen(style.CURVES_CURSOR, width=1.5, style=Qt.PenStyle.DashLine)
        self.cursors = [pg.InfiniteLine(angle=90, pen=pen) for _ in range(2)]
        for plot, line in zip((self.loss_plot, self.accuracy_plot), self.cursors, strict=True):
            plot.addItem(line, ignoreBounds=True)
            line.setVisible(False)
        for plot in (self.loss_plot, self.accuracy_plot):
            # no grid: its lines across the whole plot cost ~10 ms a frame in software
            plot.setMenuEnabled(False)
            for side in ("left", "bottom"):
                plot.getAxis(side).setTextPen(style.CURVES_AXIS)
                plot.getAxis(side).setPen(style.CURVES_AXIS)
        self.accuracy_plot.setYRange(0, 100, padding=0.02)
        self.loss_plot.setLimits(yMin=0)  # a loss is never negative
        for plot in (self.loss_plot, self.accuracy_plot):
            for side in ("left", "bottom"):
                plot.getAxis(side).enableAutoSIPrefix(False)  # no "(x0.001)" for learners
        self.accuracy_plot.enableAutoRange(axis="y", enable=False)
        self.loss_legend = self.loss_plot.addLegend(
            offset=(-6, 6),
            labelTextColor=style.CURVES_AXIS,
            labelTextSize=_LEGEND_SIZE,
            verSpacing=-4,
        )
        self.accuracy_legend = self.accuracy_plot.addLegend(
            offset=(-6, -6),
            labelTextColor=style.CURVES_AXIS,
            labelTextSize=_LEGEND_SIZE,
            verSpacing=-4,
        )  # bottom right: accuracy rises towards the top
        self._fitting = False  # (fit_legends under way)
        for plot, legend in (
            (self.loss_plot, self.loss_legend),
            (self.accuracy_plot, self.accuracy_legend),
        ):
            legend.setBrush(pg.mkBrush(*style.CURVES_LEGEND_FILL))
            legend.geometryChanged.connect(self.fit_legends)  # an entry added or renamed
            plot.vb.sigResized.connect(self.fit_legends)
        # the earlier runs share one line, beside Clear old runs on screen and in the loss legend of
        # an exported picture; their coloured marks are in its text, so its sample draws nothing
        self._earlier_sample = pg.PlotDataItem(pen=None)
        for plot in (self.loss_plot, self.accuracy_plot):
            for side in ("left", "bottom"):
                plot.getAxis(side).setCacheMode(_CACHED)
        # before the first run: what will appear, instead of axes counting nothing
        self.empty_texts = {}
        for plot, y in ((self.loss_plot, 0.5), (self.accuracy_plot, 50.0)):
            text = pg.TextItem("", color=style.CURVES_EMPTY_TEXT, anchor=(0.5, 0.5))
            text.setPos(0.5, y)
            plot.addItem(text, ignoreBounds=True)
            self.empty_texts[plot] = text
        self.empty = False
        self._show_empty(True)

    def _show_empty(self, empty: bool) -> None:
        """No run yet: each plot says what it will show; the axes show no numbers (a range of
        -0.4 to 0.4 "steps" would mean nothing)."""
        if empty == self.empty:
            return
        self.empty = empty
        for plot, text in self.empty_texts.items():
            text.setVisible(empty)
            if empty:
                plot.hideAxis("bottom")
            else:
                plot.showAxis("bottom")
            left = plot.getAxis("left")
            left.setStyle(showValues=not empty, tickLength=0 if empty else _TICK_LENGTH)
        if empty:
            self.loss_plot.setXRange(0.0, 1.0, padding=0.0)
            self.loss_plot.setYRange(0.0, 1.0, padding=0.0)
        if not self.side_by_side:
            self.loss_plot.getAxis("bottom").showLabel(False)

    # ------------------------------------------------------------------ texts and arrangement
    def set_empty_texts(self, loss: str, accuracy: str) -> None:
        """What the plots say before the first run."""
        self.empty_texts[self.loss_plot].setText(loss)
        self.empty_texts[self.accuracy_plot].setText(accuracy)

    def set_y_labels(self, loss: str, accuracy: str) -> None:
        self.loss_plot.setLabel("left", loss, color=style.CURVES_AXIS)
        self.accuracy_plot.setLabel("left", accuracy, color=style.CURVES_AXIS)

    def set_x_label(self, text: str) -> None:
        """Under the accuracy plot, and under the loss plot too when they stand side by side."""
        self._x_label = text
        self.accuracy_plot.setLabel("bottom", text, color=style.CURVES_AXIS)
        if self.side_by_side:
            self.loss_plot.setLabel("bottom", text, color=style.CURVES_AXIS)
        else:
            self.loss_plot.getAxis("bottom").showLabel(False)
        if self.empty:  # setLabel shows the axis again
            for plot in (self.loss_plot, self.accuracy_plot):
                plot.hideAxis("bottom")

    def arrange(self) -> bool:
        """A wide, short dock (at the bottom) puts the plots side by side, a tall one stacks
        them. True if the arrangement changed (the x labels must be set again)."""
        wide = self.graphics.width() > 2.2 * self.graphics.height()
        if wide == self.side_by_side:
            return False
        self._place(wide)
        return True

    def _place(self, wide: bool) -> None:
        self.side_by_side = wide
        layout = self.graphics.ci
        layout.removeItem(self.accuracy_plot)
        layout.addItem(self.accuracy_plot, row=0 if wide else 1, col=1 if wide else 0)

    def picture(self, size: tuple[int, int], scale: int, earlier: str | None = None) -> QPixmap:
        """Both plots drawn for a picture of ``size`` (logical pixels, the plots stacked, as on
        a page) at ``scale`` times the pixels, whatever their size and arrangement on screen
        (a short strip under the graph); the window is not repainted in between. ``earlier``:
        the line naming the earlier runs (rich text), in the loss legend of the picture (on
        screen it is beside Clear old runs)."""
        graphics = self.graphics
        on_screen, wide = graphics.size(), self.side_by_side
        self._set_earlier_legend(earlier)
        self._place(False)
        self.set_x_label(self._x_label)
        graphics.resize(*size)  # a visible widget gets its resize event at once
        graphics.ci.layout.activate()
        picture = QPixmap(QSize(*size) * scale)
        picture.setDevicePixelRatio(scale)
        picture.fill(QColor(style.BACKGROUND))
        graphics.scene().prepareForPaint()  # (pyqtgraph's render does it, on another signature)
        QWidget.render(graphics, picture)
        self._set_earlier_legend(None)
        self._place(wide)
        self.set_x_label(self._x_label)
        graphics.resize(on_screen)
        graphics.ci.layout.activate()
        return picture

    def fit_legends(self) -> None:
        """Each legend shown only when its plot is tall enough to hold it (in a short window a
        legend taller than its plot would cover the curves and run over the axis)."""
        if self._fitting:
            return  # hiding a legend reports a change of its geometry before it is hidden
        self._fitting = True
        try:
            for plot, legend in (
                (self.loss_plot, self.loss_legend),
                (self.accuracy_plot, self.accuracy_legend),
            ):
                fits = legend.boundingRect().height() <= plot.vb.height() + 1
                if fits != legend.isVisible():
                    legend.setVisible(fits)
        finally:
            self._fitting = False

    # ------------------------------------------------------------------ options
    def set_x_mode(self, mode: str) -> None:
        self.x_mode = mode
        self._x_end = None

    def set_log_modes(self, log_x: bool, log_loss: bool) -> None:
        self.log_x, self.log_loss = log_x, log_loss
        self.loss_plot.setLogMode(x=log_x, y=log_loss)
        self.accuracy_plot.setLogMode(x=log_x, y=False)
        # a loss is never negative: keep the linear axis from showing below 0
        self.loss_plot.setLimits(yMin=-1e300 if log_loss else 0)
        self.reset_ranges()

    def reset_ranges(self) -> None:
        self._x_end = None
        self._y_end = None

    def set_cursor(self, x: float | None) -> None:
        """A vertical line at ``x`` on both plots: the step the window shows (None: none)."""
        for line in self.cursors:
            line.setVisible(x is not None)
            if x is not None:
                line.setPos(x)

    # ------------------------------------------------------------------ the items of a run
    def add_run(self, run: RunCurves, names: dict[str, str | None]) -> None:
        """Fresh items for ``run``; ``names`` are the legend entries (None: not in a legend)."""
        self._show_empty(False)
        made = {
            "batch_loss": (
                self.loss_plot,
                _pen(style.CURVES_TRAIN, style.CURVES_FAINT_ALPHA),
                None,
            ),
            "smooth_loss": (self.loss_plot, _pen(style.CURVES_TRAIN, width=1), None),
            "test_loss": (self.loss_plot, _pen(style.CURVES_TEST, width=1), "o"),
            "test_other": (self.loss_plot, _pen(style.CURVES_OTHER_LOSS, width=1, dash=True), "s"),
            "train_accuracy": (self.accuracy_plot, _pen(style.CURVES_TRAIN, width=1), None),
            "test_accuracy": (self.accuracy_plot, _pen(style.CURVES_TEST, width=1), "o"),
            "validation_loss": (self.loss_plot, _pen(style.CURVES_VALIDATION, width=1), "t"),
            "validation_accuracy": (
                self.accuracy_plot,
                _pen(style.CURVES_VALIDATION, width=1),
                "t",
            ),
        }
        for key, (plot, pen, symbol) in made.items():
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
            name = names[key]
            if name:
                legend = self.loss_legend if plot is self.loss_plot else self.accuracy_legend
                legend.addItem(item, name)
                _cache_legend(legend)
            run.items[key] = item

    def rename(self, run: RunCurves, names: dict[str, str | None]) -> None:
        """New legend texts for ``run``'s entries (after a language change)."""
        for key, name in names.items():
            for legend in (self.loss_legend, self.accuracy_legend):
                label = legend.getLabel(run.items[key]) if name else None
                if label is not None:
                    label.setText(name)
                    legend.updateSize()

    def _set_earlier_legend(self, text: str | None) -> None:
        """The one legend line of the earlier runs (rich text; None: none), for a picture."""
        self.loss_legend.removeItem(self._earlier_sample)
        if text:
            self.loss_legend.addItem(self._earlier_sample, text)
            _cache_legend(self.loss_legend)

    def mark_changes(self, run: RunCurves, changes: list, text) -> None:
        """A dashed vertical line on both plots at each hyperparameter change of ``run``
        (step, name, old, new), and a line ``text(name, old, new, step)`` in the accuracy
        legend (it has room) for the last _CHANGES_NAMED of them; only new ones are added."""
        pen = pg.mkPen(style.CURVES_CHANGE, width=1.5, style=Qt.PenStyle.DashLine)
        for step, name, old, new in changes[run.changes_drawn :]:
            for plot in (self.loss_plot, self.accuracy_plot):
                line = pg.InfiniteLine(angle=90, pen=pen)
                line.step = step  # placed in the x axis's unit by place_changes
                plot.addItem(line, ignoreBounds=True)
                run.change_marks.append(line)
            sample = pg.PlotDataItem(pen=pen)  # no data: it only draws the legend's sample
            self.accuracy_legend.addItem(sample, text(name, old, new, step))
            run.change_entries.append(sample)
            if len(run.change_entries) > _CHANGES_NAMED:
                self.accuracy_legend.removeItem(run.change_entries.pop(0))
        _cache_legend(self.accuracy_legend)
        run.changes_drawn = len(changes)

    def place_changes(self, run: RunCurves) -> None:
        """Put the change marks of ``run`` at their steps, in the x axis's unit."""
        b = run.batches
        if not len(b):
            return
        for line in run.change_marks:
            x = np.interp(
                line.step, np.concatenate([[0], b["step"]]), np.concatenate([[0], self.x(b)])
            )
            line.setPos(float(np.log10(max(x, 1e-9))) if self.log_x else float(x))

    def dim(self, run: RunCurves) -> None:
        """Turn the current run into an earlier one: dimmed in its own colour, fewer lines, no
        legend entry of its own (see set_earlier_legend), no change marks."""
        for mark in run.change_marks:
            mark.setVisible(False)
        for sample in run.change_entries:
            self.accuracy_legend.removeItem(sample)
        run.change_entries.clear()
        for key, item in run.items.items():
            self.loss_legend.removeItem(item)
            self.accuracy_legend.removeItem(item)
            if key in ("batch_loss", "test_other"):
                item.setVisible(False)
                continue
            colour = earlier_colour(run.number)
            item.setPen(_pen(colour, style.CURVES_EARLIER_ALPHA, dash=key.startswith("test")))
            if item.opts["symbol"] is not None:
                item.setSymbol(None)
            _cache(item)  # an earlier run no longer changes

    def remove(self, run: RunCurves) -> None:
        """Take an earlier run's items off the plots."""
        for key, item in run.items.items():
            self.loss_legend.removeItem(item)
            plot = self.accuracy_plot if key.endswith("accuracy") else self.loss_plot
            plot.removeItem(item)
        for mark in run.change_marks:
            mark.getViewBox().removeItem(mark)
        for sample in run.change_entries:
            self.accuracy_legend.removeItem(sample)

    # ------------------------------------------------------------------ drawing
    def x(self, buffer: SeriesBuffer) -> np.ndarray:
        return buffer[_X_COLUMNS[self.x_mode]]

    def draw(self, run: RunCurves, everything: bool) -> None:
        b, e = run.batches, run.evals
        xb = self.x(b)
        items = run.items
        items["batch_loss"].setData(xb, b["loss"])
        items["smooth_loss"].setData(xb, b["smooth"])
        items["train_accuracy"].setData(xb, 100.0 * b["smooth_accuracy"])
        if everything or run.evals_drawn != len(e):  # evaluations are rare: redraw on change
            run.evals_drawn = len(e)
            xe = self.x(e)
            other = "mse" if run.minimised == "cross_entropy" else "cross_entropy"
            items["test_loss"].setData(xe, e[f"test_{run.minimised}"])
            items["test_other"].setData(xe, e[f"test_{other}"])
            items["test_accuracy"].setData(xe, 100.0 * e["test_accuracy"])
            validated = np.isfinite(e["validation_accuracy"])
            items["validation_loss"].setData(
                xe[validated], e[f"validation_{run.minimised}"][validated]
            )
            items["validation_accuracy"].setData(
                xe[validated], 100.0 * e["validation_accuracy"][validated]
            )

    def fit_x(self, runs: list[RunCurves]) -> None:
        """Let the x axis grow in round jumps (1, 2, 5 x 10^k) rather than with every update:
        an axis that stays put is not redrawn, and a few steps still fill the plot."""
        if self.log_x or not any(len(r.batches) for r in runs):
            self._x_end = None
            self.loss_plot.enableAutoRange(axis="x")
            return
        end = max(float(self.x(r.batches)[-1]) for r in runs if len(r.batches))
        target = round_up(end * _X_HEADROOM)
        caps = [
            r.total_steps / (1 if self.x_mode == "step" else r.steps_per_epoch)
            for r in runs
            if r.total_steps and r.steps_per_epoch and self.x_mode != "time"
        ]
        if caps and len(caps) == len(runs):
            target = min(target, max(max(caps), end))
        if target != self._x_end:
            self._x_end = target
            self.loss_plot.setXRange(0, target, padding=0.02)

    def fit_y(self, runs: list[RunCurves], current: RunCurves | None) -> None:
        """The loss axis from 0 to a round value above the highest loss shown, changed only
        when the curves outgrow it: an automatic range moves with nearly every update, and
        each move redraws the axis and everything under it."""
        if self.log_loss:
            if self._y_end is not None:
                self._y_end = None
                self.loss_plot.enableAutoRange(axis="y")
            return
        top = 0.0
        for run in runs:
            shown = ("smooth", "loss") if run is current else ("smooth",)
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
