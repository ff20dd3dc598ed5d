"""The plots of the Landscape tab: the loss map with its contour lines and the path, the straight
line from start to end, and the run's own loss curve beside it (the same loss axis).

The map colours log(loss) with viridis (dark: small); the path is a line through every snapshot
with a dot each (click one to show the window at that step), squares at the whole epochs, a
ring at the step the window shows, and optionally a second run's path. Hovering reports the
loss and the coordinates (``hovered``); clicking a path dot emits ``step_clicked(step)``.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from nnviz.core.landscape import Landscape, Path
from nnviz.core.recording import RunRecord
from nnviz.gui import style
from nnviz.gui.i18n import choice_name

__all__ = ["LandscapePlots"]

_CONTOURS = 9  # contour lines, evenly spaced in log(loss)
_PATH_HIT_PX = 9  # the mouse this close to a path dot reports that snapshot
_MAX_EPOCH_MARKS = 25  # more epochs than this: marks every few epochs


def _pen(colour, width: float = 1.0, dash: bool = False, alpha: int = 255):
    c = QColor(colour)
    c.setAlpha(alpha)
    pen = pg.mkPen(c, width=width)
    if dash:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _coloured(colour: str, text: str) -> str:
    return f'<span style="color: {colour}">{text}</span>'


_HINT_WIDTH, _HINT_HEIGHT = 640, 240  # px the plots ask for; they take what there is


class LandscapePlots(QWidget):
    """Map | straight line | run's curve, drawn from a Landscape and its run's record."""

    step_clicked = Signal(int)
    hovered = Signal(str)  # what is under the mouse ("" when nothing)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.landscape: Landscape | None = None
        self.record: RunRecord | None = None
        self.other: Path | None = None
        self._marker_step: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground(style.BACKGROUND)
        layout.addWidget(self.graphics)
        self.map_plot = self.graphics.addPlot(row=0, col=0)
        self.line_plot = self.graphics.addPlot(row=0, col=1)
        self.curve_plot = self.graphics.addPlot(row=0, col=2)
        layout_item = self.graphics.ci.layout
        for col, stretch in enumerate((3, 2, 2)):
            layout_item.setColumnStretchFactor(col, stretch)
        for plot in (self.map_plot, self.line_plot, self.curve_plot):
            plot.setMenuEnabled(False)
            plot.hideButtons()
            for name in ("left", "bottom"):
                axis = plot.getAxis(name)
                axis.setPen(style.CURVES_AXIS)
                axis.setTextPen(style.CURVES_AXIS)
        self.map_plot.setMouseEnabled(False, False)
        self.curve_plot.setYLink(self.line_plot)

        self.image = pg.ImageItem()
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.map_plot.addItem(self.image)
        self.contours = [pg.IsocurveItem(pen=_pen(style.LEARN_CONTOUR, 1, alpha=150))]
        self.contours += [
            pg.IsocurveItem(pen=_pen(style.LEARN_CONTOUR, 1, alpha=150))
            for _ in range(_CONTOURS - 1)
        ]
        for contour in self.contours:
            contour.setParentItem(self.image)
        self.other_line = self.map_plot.plot(pen=_pen(style.COMPARE_COLOURS[1], 2))
        self.path_line = self.map_plot.plot(pen=_pen(style.TEXT_ON_DARK, 2))
        self.path_dots = pg.ScatterPlotItem(
            size=5, brush=pg.mkBrush(style.TEXT_ON_DARK), pen=None, hoverable=False
        )
        self.path_dots.sigClicked.connect(self._on_dots_clicked)
        self.map_plot.addItem(self.path_dots)
        self.epoch_marks = pg.ScatterPlotItem(
            size=9, symbol="s", brush=pg.mkBrush(style.HIGHLIGHT), pen=_pen(style.NODE_OUTLINE)
        )
        self.map_plot.addItem(self.epoch_marks)
        self.epoch_labels: list[pg.TextItem] = []
        self.marker = pg.ScatterPlotItem(
            size=16, symbol="o", brush=None, pen=_pen(style.POSITIVE, 3)
        )
        self.map_plot.addItem(self.marker)

        self.line_loss = self.line_plot.plot(pen=_pen(style.CURVES_TEST, 2))
        self.line_accuracy = self.line_plot.plot(pen=_pen(style.CURVES_TRAIN, 1.5, dash=True))
        self.line_ends = [
            pg.InfiniteLine(pos=a, angle=90, pen=_pen(style.MUTED, 1, dash=True)) for a in (0, 1)
        ]
        for line in self.line_ends:
            self.line_plot.addItem(line, ignoreBounds=True)
        self.curve = self.curve_plot.plot(pen=_pen(style.CURVES_TRAIN, 1, alpha=110))
        self.curve_test = self.curve_plot.plot(
            pen=_pen(style.CURVES_TEST, 2),
            symbol="o",
            symbolSize=5,
            symbolBrush=style.CURVES_TEST,
            symbolPen=None,
        )
        self.map_plot.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.retranslate_ui()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt)
        # plots draw at any size: asking for pyqtgraph's 480 px made the Landscape tab, whose
        # scroll area gives it the height it prefers for its width, scroll its plots off
        return QSize(_HINT_WIDTH, _HINT_HEIGHT)

    # ------------------------------------------------------------------ texts
    def retranslate_ui(self) -> None:
        self.map_plot.setTitle(self.tr("Loss on the plane of the path"), size="9pt")
        # the titles name the curves in their colours (a legend would cover them)
        self.line_plot.setTitle(
            self.tr("Line: {loss}, {accuracy}").format(
                loss=_coloured(style.CURVES_TEST, self.tr("loss")),
                accuracy=_coloured(style.CURVES_TRAIN, self.tr("accuracy - -")),
            ),
            size="9pt",
        )
        self.curve_plot.setTitle(
            self.tr("Training: {batch}, {test}").format(
                batch=_coloured(style.CURVES_TRAIN, self.tr("batches")),
                test=_coloured(style.CURVES_TEST, self.tr("test")),
            ),
            size="9pt",
        )
        self.line_plot.setLabel("bottom", self.tr("α (0: first weights, 1: last)"))
        self.curve_plot.setLabel("bottom", self.tr("epoch"))
        self._label_axes()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _label_axes(self) -> None:
        ls = self.landscape
        if ls is None:
            self.map_plot.setLabel("bottom", self.tr("direction 1"))
            self.map_plot.setLabel("left", self.tr("direction 2"))
            self.line_plot.setLabel("left", self.tr("loss"))
            return
        if ls.plane.kind == "pca":
            first, second = (
                self.tr("direction {n} ({share:.0%})").format(n=i + 1, share=share)
                for i, share in enumerate(ls.plane.explained)
            )
        else:
            first, second = (self.tr("random direction {n}").format(n=i + 1) for i in range(2))
        self.map_plot.setLabel("bottom", first)
        self.map_plot.setLabel("left", second)
        self.line_plot.setLabel("left", choice_name("loss", ls.loss_name))

    # ------------------------------------------------------------------ drawing
    def clear(self) -> None:
        """Nothing drawn (no run, or its landscape not computed yet)."""
        self.landscape = self.record = self.other = None
        self.image.clear()
        for contour in self.contours:
            contour.setData(None)
        for item in (self.path_line, self.other_line, self.line_loss, self.line_accuracy):
            item.setData([], [])
        for item in (self.curve, self.curve_test):
            item.setData([], [])
        self.path_dots.setData([])
        self.epoch_marks.setData([])
        self.marker.setData([])
        self._set_epoch_labels([])
        self._label_axes()

    def show_preview(self, grid: np.ndarray, xs: np.ndarray, ys: np.ndarray) -> None:
        """The grid computed so far (coarse points filled in), while the path is not known:
        colours only (the contour lines of a blocky preview take pyqtgraph 0.1-0.3 s to trace
        in the GUI thread; they come with the finished map)."""
        self._show_grid(grid, xs, ys, contours=False)

    def _show_grid(
        self, grid: np.ndarray, xs: np.ndarray, ys: np.ndarray, contours: bool = True
    ) -> None:
        logs = np.log10(np.maximum(grid, 1e-12))
        self.image.setImage(logs.T, autoLevels=True)  # ImageItem: x first
        dx = (xs[-1] - xs[0]) / max(len(xs) - 1, 1)
        dy = (ys[-1] - ys[0]) / max(len(ys) - 1, 1)
        # a pixel per grid point, centred on it
        self.image.setRect(
            float(xs[0] - dx / 2), float(ys[0] - dy / 2), float(dx * len(xs)), float(dy * len(ys))
        )
        levels = np.linspace(float(logs.min()), float(logs.max()), _CONTOURS + 2)[1:-1]
        for contour, level in zip(self.contours, levels, strict=True):
            contour.setData(logs.T if contours else None)
            contour.setLevel(float(level))
        self.map_plot.setXRange(float(xs[0] - dx / 2), float(xs[-1] + dx / 2), padding=0)
        self.map_plot.setYRange(float(ys[0] - dy / 2), float(ys[-1] + dy / 2), padding=0)

    def show_landscape(self, landscape: Landscape, record: RunRecord) -> None:
        self.landscape, self.record = landscape, record
        self._show_grid(landscape.grid, landscape.xs, landscape.ys)
        path = landscape.path
        self.path_line.setData(path.x, path.y)
        self.path_dots.setData(
            x=path.x, y=path.y, data=path.steps.tolist(), size=5, brush=style.TEXT_ON_DARK
        )
        marks = self._epoch_indices(path.epochs)
        self.epoch_marks.setData(x=path.x[marks], y=path.y[marks])
        self._set_epoch_labels([(path.x[i], path.y[i], round(path.epochs[i])) for i in marks])
        line = landscape.line
        self.line_loss.setData(line.alphas, line.loss)
        self.line_accuracy.setData(line.alphas, line.accuracy)
        self.line_plot.setXRange(float(line.alphas[0]), float(line.alphas[-1]), padding=0.02)
        self._show_curve(record, landscape.loss_name)
        self._label_axes()
        self.set_marker(self._marker_step)

    def _show_curve(self, record: RunRecord, loss_name: str) -> None:
        epochs = record.step_column("epoch")
        column = "mse" if loss_name == "mse" else "cross_entropy"
        self.curve.setData(epochs, record.step_column(column))
        test = "test_mse" if loss_name == "mse" else "test_cross_entropy"
        self.curve_test.setData(record.eval_column("epoch"), record.eval_column(test))
        line = self.landscape.line if self.landscape else None
        top = max(
            float(np.nanmax(line.loss)) if line is not None else 0.0,
            float(np.nanmax(record.step_column(column))) if record.steps_recorded else 0.0,
        )
        self.line_plot.setYRange(0, top * 1.05 if top > 0 else 1.0, padding=0)

    @staticmethod
    def _epoch_indices(epochs: np.ndarray) -> np.ndarray:
        """The snapshots nearest each whole epoch (every few epochs in a long run)."""
        last = int(math.floor(float(epochs[-1]) + 1e-9))
        every = max(1, math.ceil((last + 1) / _MAX_EPOCH_MARKS))
        marks = []
        for e in range(0, last + 1, every):
            i = int(np.argmin(np.abs(epochs - e)))
            if abs(epochs[i] - e) < 0.05 and i not in marks:
                marks.append(i)
        return np.array(marks, dtype=np.intp)

    def _set_epoch_labels(self, marks: list[tuple[float, float, int]]) -> None:
        for item in self.epoch_labels:
            self.map_plot.removeItem(item)
        self.epoch_labels = []
        for x, y, epoch in marks:
            text = pg.TextItem(
                str(epoch), color=style.TEXT, fill=style.EPOCH_LABEL_FILL, anchor=(-0.25, 1.05)
            )
            text.setPos(float(x), float(y))
            self.map_plot.addItem(text)
            self.epoch_labels.append(text)

    def show_other(self, path: Path | None) -> None:
        """A second run's path on the same map (None: none)."""
        self.other = path
        if path is None:
            self.other_line.setData([], [])
        else:
            self.other_line.setData(path.x, path.y)

    def set_marker(self, step: int | None) -> None:
        """A ring at the snapshot the window shows (``step``; None: the last)."""
        self._marker_step = step
        ls = self.landscape
        if ls is None:
            self.marker.setData([])
            return
        i = self.marker_index()
        self.marker.setData(x=[ls.path.x[i]], y=[ls.path.y[i]])

    def marker_index(self) -> int:
        """The path point the ring is on (the snapshot nearest the step shown)."""
        steps = self.landscape.path.steps
        if self._marker_step is None:
            return len(steps) - 1
        return int(np.argmin(np.abs(steps - self._marker_step)))

    # ------------------------------------------------------------------ mouse
    def _on_dots_clicked(self, _item, points, _event) -> None:
        if len(points):
            self.step_clicked.emit(int(points[0].data()))

    def _on_mouse_moved(self, pos: QPointF) -> None:
        ls = self.landscape
        vb = self.map_plot.vb
        if ls is None or not vb.sceneBoundingRect().contains(pos):
            self.hovered.emit("")
            return
        point = vb.mapSceneToView(pos)
        x, y = point.x(), point.y()
        # a path dot within a few pixels names its snapshot
        scale = vb.viewPixelSize()
        dist = np.hypot((ls.path.x - x) / scale[0], (ls.path.y - y) / scale[1])
        i = int(np.argmin(dist))
        if dist[i] <= _PATH_HIT_PX:
            path = ls.path
            self.hovered.emit(
                self.tr(
                    "step {s:,} (epoch {e:.2f}): loss {l:.4f} at x = {x:.3g}, y = {y:.3g}"
                ).format(
                    s=int(path.steps[i]),
                    e=float(path.epochs[i]),
                    l=float(path.loss[i]),
                    x=float(path.x[i]),
                    y=float(path.y[i]),
                )
            )
            return
        j = int(np.argmin(np.abs(ls.xs - x)))
        k = int(np.argmin(np.abs(ls.ys - y)))
        self.hovered.emit(
            self.tr("loss {l:.4f} at x = {x:.3g}, y = {y:.3g}").format(
                l=float(ls.grid[k, j]), x=float(ls.xs[j]), y=float(ls.ys[k])
            )
        )
