"""The plots of the activation explorer: h(x) and h'(x) (or several functions to compare), the
shaded saturation regions, the network's units as dots with their histogram below, and the
hover marks. The ActivationExplorer computes every value (from the core) and the texts; this
module only draws them, with long-lived items updated by ``setData``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPicture

from nnviz.core.activations import activation_names
from nnviz.gui import style

COMPARE_Y_RANGE = (-1.6, 3.6)  # compare mode: where the functions differ


class _Axis(pg.AxisItem):
    """An axis that keeps the pictures of its last few ranges. A step to another layer moves
    both plots to that layer's range and back (layer 1, layer 2, layer 1, ...), and drawing an
    axis anew (its ticks, numbers and grid lines, ~1 ms in pyqtgraph's Python) is the larger
    part of the plots' repaint then: an axis shows the picture it drew for the same range,
    size and look instead.

    A picture is kept under everything pyqtgraph draws it from, and only when drawing it left
    the axis's room for its numbers as it was (otherwise the axis resizes and draws again)."""

    _KEPT = 4  # ranges per axis: the hidden layers', and a few others

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self._pictures: dict[tuple, QPicture] = {}

    def paint(self, p, opt, widget) -> None:
        key = self._picture_key(p) if self.picture is None else None
        if key is not None:
            self.picture = self._pictures.get(key)
        text_room = (self.textWidth, self.textHeight)
        super().paint(p, opt, widget)  # draws self.picture if it is None, then plays it
        if key is not None and key not in self._pictures:
            if (self.textWidth, self.textHeight) == text_room:
                self._pictures[key] = self.picture
                while len(self._pictures) > self._KEPT:
                    del self._pictures[next(iter(self._pictures))]  # the oldest

    def _picture_key(self, painter) -> tuple | None:
        view = self.linkedView()
        if view is None:
            return None
        device = painter.worldTransform()  # the sizes in pixels the ticks are spaced by
        styles = tuple(
            (k, v.toString() if isinstance(v, QFont) else repr(v))
            for k, v in sorted(self.style.items())
        )
        return (
            tuple(self.range),
            _rect(self.mapRectFromParent(self.geometry())),
            _rect(view.mapRectToItem(self, view.boundingRect())),  # the grid lines' length
            (device.m11(), device.m12(), device.m21(), device.m22()),
            styles,
            tuple(_pen(pen) for pen in (self.pen(), self.textPen(), self.tickPen())),
            QFont().toString(),  # the application's font: the numbers' without a tick font
            (self.grid, self.scale, self.autoSIPrefixScale, self.logMode),
            (repr(self._tickLevels), repr(self._tickSpacing), self._tickDensity),
        )


def _axes() -> dict[str, _Axis]:
    return {side: _Axis(side) for side in ("left", "bottom")}


def _rect(r) -> tuple[float, float, float, float]:
    return (r.x(), r.y(), r.width(), r.height())


def _pen(pen) -> tuple:
    return (pen.color().rgba(), pen.widthF(), pen.style(), pen.isCosmetic())


class ActivationPlots:
    """The curve plot above the histogram of the network's units, x axes linked."""

    def __init__(self) -> None:
        self.widget = pg.GraphicsLayoutWidget()
        self.widget.setProperty("explain", "ActivationPlots")  # its text: nnviz/gui/explain.py
        self.widget.setBackground(style.BACKGROUND)
        self.curve_plot = self.widget.addPlot(row=0, col=0, axisItems=_axes())
        self.hist_plot = self.widget.addPlot(row=1, col=0, axisItems=_axes())
        self.widget.ci.layout.setRowStretchFactor(0, 3)
        self.widget.ci.layout.setRowStretchFactor(1, 1)
        self.hist_plot.setXLink(self.curve_plot)
        for plot in (self.curve_plot, self.hist_plot):
            plot.showGrid(x=True, y=True, alpha=0.25)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            for side in ("left", "bottom"):
                # no SI prefix ever shows on these ranges (it would only for a labelled axis
                # below 1); looking for one set each axis label's HTML again at every change
                plot.getAxis(side).enableAutoSIPrefix(False)
        zero = pg.mkPen(style.MUTED, width=1)
        self.curve_plot.addItem(pg.InfiniteLine(0, angle=0, pen=zero))
        self.curve_plot.addItem(pg.InfiniteLine(0, angle=90, pen=zero))

        self.network_curve = pg.PlotDataItem(pen=pg.mkPen(style.NETWORK_CURVE, width=2))
        self.f_curve = pg.PlotDataItem(pen=pg.mkPen(style.ACTIVATION_CURVE, width=3), name="h(x)")
        dashed = pg.mkPen(style.ACTIVATION_DERIVATIVE, width=2.5, style=Qt.PenStyle.DashLine)
        self.df_curve = pg.PlotDataItem(pen=dashed, name="h′(x)")
        self.curve_plot.addItem(self.network_curve)
        self.curve_plot.addItem(self.f_curve)
        self.curve_plot.addItem(self.df_curve)
        self.compare_curves: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        for i, name in enumerate(activation_names()):
            colour = style.COMPARE_COLOURS[i % len(style.COMPARE_COLOURS)]
            f = pg.PlotDataItem(pen=pg.mkPen(colour, width=2.5))
            df = pg.PlotDataItem(pen=pg.mkPen(colour, width=1.2, style=Qt.PenStyle.DashLine))
            self.curve_plot.addItem(f)
            self.curve_plot.addItem(df)
            self.compare_curves[name] = (f, df)
        self.points = pg.ScatterPlotItem(size=8, pen=pg.mkPen(style.MARKER_OUTLINE, width=0.8))
        self._unit_brushes = {
            s: pg.mkBrush(style.UNIT_SATURATED if s else style.UNIT_PASSING) for s in (False, True)
        }
        self._plain_brush = pg.mkBrush(style.MUTED)  # units shown beside another curve
        self.curve_plot.addItem(self.points)
        self.hover_line = pg.InfiniteLine(
            angle=90, pen=pg.mkPen(style.MUTED, style=Qt.PenStyle.DotLine)
        )
        self.hover_marks = pg.ScatterPlotItem(size=9, brush=pg.mkBrush(style.TEXT))
        self.curve_plot.addItem(self.hover_line)
        self.curve_plot.addItem(self.hover_marks)
        self.hover_line.hide()

        self.histogram = pg.PlotDataItem(
            stepMode="center",
            fillLevel=0,
            brush=pg.mkBrush(style.UNIT_HISTOGRAM),
            pen=pg.mkPen(style.UNIT_PASSING, width=1),
        )
        self.hist_plot.addItem(self.histogram)
        self.regions: list[tuple[pg.LinearRegionItem, pg.LinearRegionItem]] = []
        for item in self._data_items():
            # pyqtgraph clips data more than a million view heights tall, never the case
            # here; checking for it set every curve's data again at each change of y range
            item.setDynamicRangeLimit(None)

    def _data_items(self) -> list[pg.PlotDataItem]:
        items = [self.network_curve, self.f_curve, self.df_curve, self.histogram]
        for pair in self.compare_curves.values():
            items.extend(pair)
        return items

    # ------------------------------------------------------------------ curves
    def show_function(self, x: np.ndarray | None, f=None, df=None) -> None:
        """h and h' of the chosen function (x None: hidden, in compare mode)."""
        if x is None:
            self.f_curve.setData([], [])
            self.df_curve.setData([], [])
        else:
            self.f_curve.setData(x, f)
            self.df_curve.setData(x, df)

    def show_compared(self, name: str, x=None, f=None, df=None) -> None:
        """Function ``name`` in compare mode (x None: not compared; df None: no derivative)."""
        f_item, df_item = self.compare_curves[name]
        if x is None:
            _clear(f_item)
            _clear(df_item)
            return
        f_item.setData(x, f)
        if df is not None:
            df_item.setData(x, df)
        else:
            _clear(df_item)

    def set_regions(self, regions: list[tuple[float, float]]) -> None:
        """Shade the saturation intervals on both plots (items made once, hidden when unused)."""
        while len(self.regions) < len(regions):
            pair = []
            for plot in (self.curve_plot, self.hist_plot):
                item = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(*style.SATURATED_FILL))
                item.setZValue(-10)
                for line in item.lines:
                    line.setPen(pg.mkPen(None))
                plot.addItem(item)
                pair.append(item)
            self.regions.append(tuple(pair))
        for i, pair in enumerate(self.regions):
            for item in pair:
                if i < len(regions):
                    item.setRegion(regions[i])
                    item.show()
                else:
                    item.hide()

    def set_ranges(self, half_width: float, comparing: bool) -> None:
        self.curve_plot.setXRange(-half_width, half_width, padding=0.02)
        if comparing:  # the bounded functions would be flattened by ReLU's long climb
            self.curve_plot.setYRange(*COMPARE_Y_RANGE, padding=0)
        else:
            self.curve_plot.enableAutoRange(axis="y")

    def settle(self) -> None:
        """Fit the auto-ranged axis and move the items to the new ranges now (call it once
        everything has been set), not while the plots paint: pyqtgraph does both at the start
        of a paint, and the items they move ask for a second paint of both plots (5-8 ms)."""
        for plot in (self.curve_plot, self.hist_plot):
            plot.vb.prepareForPaint()

    # ------------------------------------------------------------------ the network's units
    def clear_units(self) -> None:
        self.hist_plot.setVisible(False)
        self.points.clear()
        self.network_curve.setData([], [])
        self.histogram.setData([0, 1], [0])

    def show_units(
        self,
        a: np.ndarray,
        z: np.ndarray,
        saturated: np.ndarray | None,
        curve: tuple[np.ndarray, np.ndarray] | None,
        edges: np.ndarray,
        counts: np.ndarray,
    ) -> None:
        """Dots (a, z) (red: saturated; None: all grey, uncoloured), the network's own curve
        (None: the chosen one is the same), and the histogram of a over ``edges``."""
        self.hist_plot.setVisible(True)
        if saturated is None:
            brushes = [self._plain_brush] * len(a)
        else:
            brushes = [self._unit_brushes[bool(s)] for s in saturated]  # two brushes, shared
        self.points.setData(a, z, brush=brushes)
        if curve is None:
            self.network_curve.setData([], [])
        else:
            self.network_curve.setData(*curve)
        self.histogram.setData(edges, counts)
        self.hist_plot.setYRange(0, max(1, counts.max()) * 1.1, padding=0)

    # ------------------------------------------------------------------ hover
    def mark(self, x: float, values, brushes) -> None:
        """The vertical hover line at ``x`` and a mark at each of ``values``."""
        self.hover_line.setPos(x)
        self.hover_line.show()
        self.hover_marks.setData([x] * len(values), values, brush=brushes)

    def unmark(self) -> None:
        self.hover_line.hide()
        self.hover_marks.clear()

    def x_at(self, pos) -> float | None:
        """The x value under scene position ``pos`` (None: outside both plots)."""
        for plot in (self.curve_plot, self.hist_plot):
            if plot.vb.sceneBoundingRect().contains(pos):
                return float(plot.vb.mapSceneToView(pos).x())
        return None


def _clear(item: pg.PlotDataItem) -> None:
    """Empty ``item`` unless it is (the curves not compared are, at every refit: each
    setData asks the plot to fit its ranges again)."""
    x = item.getData()[0]
    if x is not None and len(x):
        item.setData([], [])
