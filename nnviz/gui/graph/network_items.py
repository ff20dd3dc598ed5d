"""The long-lived graphics items of the layer graph, in small groups the NetworkView drives.

Every group keeps a fixed number of items and updates them with ``setData`` / ``setPen``:
nothing is created per frame or per training snapshot.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QGraphicsRectItem

from nnviz.gui import style
from nnviz.gui.graph.network_layout import GraphLayout

EDGE_GROUPS = [(sign, bucket) for sign in (1, -1) for bucket in range(3)]
_PULSE_GROUPS = [(sign, strong) for sign in (1, -1) for strong in (True, False)]
PULSE_STAGGER = 0.3  # the weakest pulse leaves this share of the move later than the strongest
_STRONG_SHARE = 0.35  # the strongest third of the pulses are drawn bigger and darker

_EDGE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache

AddItem = Callable[[QGraphicsItem, float], QGraphicsItem]


class EdgeLayer(QGraphicsObject):
    """The edges between two layers: six pens (sign x three width buckets), each drawing its
    segments with a single ``drawLines`` call.

    One item per layer pair rather than six curve items: every item costs Python calls on each
    repaint (bounds, paint), and a repaint comes with each live training snapshot. It draws
    nothing itself: its two children draw the segments in the two looks (grey where the signal
    has not travelled yet, coloured where it has), each cached in a pixmap of its own. A stage
    step changes only which child is shown and how faded ("past" is the coloured look at
    ``style.EDGE_PAST_OPACITY``): the pixmaps are blitted again, no line is stroked (stroking
    a layer pair's hundreds of antialiased lines costs 5-15 ms).
    """

    def __init__(self, add: AddItem) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        # segments (x0, y0, x1, y1) per pen, in memory QPainter.drawLines reads directly
        self.segments = {group: PrimitiveArray(QLineF, 4) for group in EDGE_GROUPS}
        self.bounds = QRectF()
        self._antialias = True
        self.values = np.zeros(0)
        self.p0 = self.p1 = np.zeros((0, 2))
        self._state: str | None = None
        self._future = _EdgeStrokes(self, "future")
        self._signal = _EdgeStrokes(self, "current")
        for look in self._looks:
            look.setVisible(False)
        add(self, 1.0)

    @property
    def _looks(self) -> tuple[_EdgeStrokes, _EdgeStrokes]:
        return self._future, self._signal

    def set_edges(self, p0: np.ndarray, p1: np.ndarray, values: np.ndarray) -> None:
        """Segments p0 -> p1 carrying contributions ``values`` (sign = colour, size = width)."""
        self.p0, self.p1, self.values = p0, p1, values
        mag = np.abs(values)
        top = float(mag.max()) if mag.size else 1.0
        bucket = np.minimum((mag / top * 3).astype(np.intp), 2)
        ends = np.concatenate([p0, p1], axis=1)  # (n, 4): x0, y0, x1, y1
        for (sign, b), segments in self.segments.items():
            sel = ((values > 0) if sign > 0 else (values < 0)) & (bucket == b)
            segments.resize(int(sel.sum()))
            if len(segments):
                segments.ndarray()[:] = ends[sel]
        for look in self._looks:
            look.prepareGeometryChange()
        if len(ends):
            margin = max(style.EDGE_WIDTHS) + 1.0
            lo = np.minimum(p0.min(axis=0), p1.min(axis=0)) - margin
            hi = np.maximum(p0.max(axis=0), p1.max(axis=0)) + margin
            self.bounds = QRectF(lo[0], lo[1], hi[0] - lo[0], hi[1] - lo[1])
        else:
            self.bounds = QRectF()
        for look in self._looks:
            look.update()  # both pixmaps are stale; each is redrawn when next shown

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt)
        return QRectF()  # the children draw

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pass  # ItemHasNoContents: never called

    def set_state(self, state: str) -> None:
        """ "future" (light grey, not travelled yet), "current" or "past" (faded)."""
        if state == self._state:
            return
        self._state = state
        # shown and hidden by opacity, not visibility: Qt drops a hidden item's cached pixmap,
        # and every step back into a layer stroked its hundreds of lines again (5-15 ms)
        for look in self._looks:
            look.setVisible(True)
        self._future.setOpacity(1.0 if state == "future" else 0.0)
        self._signal.setOpacity(
            0.0 if state == "future" else style.EDGE_PAST_OPACITY if state == "past" else 1.0
        )

    @property
    def state(self) -> str | None:
        return self._state

    def set_antialias(self, on: bool) -> None:
        """Antialiased lines look best but cost ~6x more to draw (off while training runs).

        Off, the lines are also stroked straight onto the view: new weights arrive a few times
        a second, and each would otherwise fill and blit a pixmap as big as the layer pair;
        on, they are cached for stage steps and the forward-pass animation.
        """
        if self._antialias != on:
            self._antialias = on
            for look in self._looks:
                look.setCacheMode(_EDGE_CACHE if on else QGraphicsItem.CacheMode.NoCache)
                look.update()

    @property
    def antialias(self) -> bool:
        return self._antialias

    def __len__(self) -> int:
        return int(self.values.size)


class _EdgeStrokes(QGraphicsObject):
    """An EdgeLayer's segments in one look (the pens of ``state``), cached in its own pixmap."""

    def __init__(self, edges: EdgeLayer, state: str) -> None:
        super().__init__(edges)  # a child: placed, stacked and removed with its layer
        self._edges = edges
        self.pens = {group: style.edge_pen(*group, state) for group in EDGE_GROUPS}
        self.setCacheMode(_EDGE_CACHE)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt)
        return self._edges.bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, self._edges.antialias)
        for group, segments in self._edges.segments.items():
            if len(segments):
                painter.setPen(self.pens[group])
                painter.drawLines(*segments.drawargs())


class PulseLayer:
    """Dots travelling along the strongest edges of one layer pair during the animation."""

    def __init__(self, add: AddItem) -> None:
        self.items = {}
        for sign, strong in _PULSE_GROUPS:
            colour = QColor(style.POSITIVE if sign > 0 else style.NEGATIVE)
            colour = colour.darker(110) if strong else colour
            item = pg.ScatterPlotItem(
                pxMode=True,
                symbol="o",
                size=11 if strong else 7,
                pen=pg.mkPen(QColor(*style.PULSE_OUTLINE), width=1),
                brush=QBrush(colour),
                antialias=True,
            )
            self.items[(sign, strong)] = add(item, 6.0)
        self._paths: dict[int, dict[str, np.ndarray]] = {}

    def set_paths(self, layer: int, p0: np.ndarray, p1: np.ndarray, values: np.ndarray) -> None:
        """Remember the ``style.PULSES_MAX`` strongest edges into ``layer`` for its animation."""
        order = np.argsort(-np.abs(values), kind="stable")[: style.PULSES_MAX]
        n = len(order)
        rank = np.linspace(0.0, 1.0, n) if n > 1 else np.zeros(n)
        self._paths[layer] = {
            "p0": p0[order],
            "d": p1[order] - p0[order],
            "sign": np.sign(values[order]),
            "strong": rank < _STRONG_SHARE,
            "delay": rank * PULSE_STAGGER,
        }

    def draw(self, layer: int, progress: float) -> int:
        """Pulses of ``layer`` at ``progress`` in [0, 1] of the move; returns how many are shown."""
        p = self._paths.get(layer)
        if p is None:
            self.clear()
            return 0
        t = np.clip((progress - p["delay"]) / (1.0 - PULSE_STAGGER), 0.0, 1.0)
        moving = (t > 0) & (t < 1)
        pos = p["p0"] + p["d"] * t[:, None]
        shown = 0
        for (sign, strong), item in self.items.items():
            sel = moving & (p["sign"] == sign) & (p["strong"] == strong)
            count = int(sel.sum())
            item.setData(pos=pos[sel])
            item.setVisible(count > 0)
            shown += count
        return shown

    def clear(self) -> None:
        for item in self.items.values():
            item.setData([], [])
            item.setVisible(False)  # a hidden item costs a repaint nothing, an empty one does


class OutputColumn:
    """Class names, probability bars and numbers beside the output nodes, and the ring around
    the predicted class."""

    def __init__(self, add: AddItem, text: Callable[..., pg.TextItem], n: int) -> None:
        self.class_labels = [text(anchor=(0.0, 0.5)) for _ in range(n)]
        self.value_labels = [text(anchor=(0.0, 0.5), color=style.MUTED) for _ in range(n)]
        self.tracks, self.bars = [], []
        for _ in range(n):
            track = add(QGraphicsRectItem(), 3.5)
            track.setPen(QPen(Qt.PenStyle.NoPen))
            track.setBrush(QBrush(QColor(style.FAINT_FILL)))
            self.tracks.append(track)
            bar = add(QGraphicsRectItem(), 4.0)
            bar.setPen(QPen(Qt.PenStyle.NoPen))
            self.bars.append(bar)
        self.ring = add(pg.ScatterPlotItem(pxMode=True, symbol="o", antialias=True), 15.0)
        self.ring.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self._layout: GraphLayout | None = None
        self._bar_h = 8.0
        self._ring_pens: dict[str, QPen] = {}  # kept: the ring's symbol is cached by its pen

    def place(self, layout: GraphLayout, names: tuple[str, ...]) -> None:
        self._layout = layout
        ys = layout.columns[-1].positions[:, 1]
        self._bar_h = max(4.0, min(layout.output_pitch * 0.45, 16.0))
        # in a short window the rows are closer than a line of text: a smaller one, so that
        # the class names and values do not run into each other
        font, smaller = style.ui_font(), 0.0
        while QFontMetrics(font).height() > layout.output_pitch + 1 and font.pointSizeF() > 6:
            smaller -= 0.5
            font = style.ui_font(smaller)
        for label in (*self.class_labels, *self.value_labels):
            label.setFont(font)
        for k, y in enumerate(ys):
            self.class_labels[k].setText(names[k] if k < len(names) else str(k))
            self.class_labels[k].setPos(layout.label_x, y)
            self.tracks[k].setRect(
                QRectF(layout.bar_x, y - self._bar_h / 2, layout.bar_width, self._bar_h)
            )
            self.value_labels[k].setPos(layout.bar_x + layout.bar_width + 6, y)

    def draw(
        self,
        name: str | None,
        values: np.ndarray | None,
        grow: float = 1.0,
        target: int | None = None,
    ) -> None:
        """Show ``values`` of stage ``name`` (probabilities as bars when it is "y"); with a
        ``target`` class, the one-hot label t beside each probability (the loss compares them)."""
        lay = self._layout
        ys = lay.columns[-1].positions[:, 1]
        best = int(np.argmax(values)) if values is not None else -1
        for k, (bar, text) in enumerate(zip(self.bars, self.value_labels, strict=True)):
            if name == "y":
                p = float(values[k])
                bar.setRect(
                    QRectF(
                        lay.bar_x, ys[k] - self._bar_h / 2, lay.bar_width * p * grow, self._bar_h
                    )
                )
                bar.setBrush(QBrush(QColor(style.BAR_BEST if k == best else style.BAR)))
                t = "" if target is None else f"   t = {int(k == target)}"
                text.setText(f"{100 * p:.1f} %{t}")
                text.setColor(QColor(style.TEXT if k == best else style.MUTED))
            else:  # a3 or dE/da3: the column's footer names the values, the numbers follow
                bar.setRect(QRectF())
                text.setText(style.format_number(values[k]) if name else "")
                text.setColor(QColor(style.MUTED))

    def set_ring(self, unit: int | None, colour: str = style.HIGHLIGHT) -> None:
        if unit is None:
            self.ring.setData([], [])
            self.ring.setVisible(False)
            return
        self.ring.setVisible(True)
        col = self._layout.columns[-1]
        pen = self._ring_pens.get(colour)
        if pen is None:
            pen = self._ring_pens[colour] = QPen(QColor(colour), 3.0)
            pen.setCosmetic(True)
        self.ring.setData(pos=col.positions[unit : unit + 1], size=col.node_size + 10, pen=pen)
