"""The nodes of the layer graph: one scatter item per column and the ring around a hovered node.

Like the groups in network_items.py, the items live as long as the network's shape and are
updated with ``setData`` / ``setBrush`` / ``setPen``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from nnviz.gui import style
from nnviz.gui.graph.network_items import AddItem
from nnviz.gui.graph.network_layout import ColumnLayout

PointsSlot = Callable[[int, object], None]  # (layer, the points under the mouse)


class NodeColumns:
    """The node columns (fill colour = value, outline = reached by the forward pass or not)
    and the ring around the hovered node."""

    def __init__(
        self, add: AddItem, columns: int, hovered: PointsSlot, clicked: PointsSlot
    ) -> None:
        self.items: dict[int, pg.ScatterPlotItem] = {}
        self._reached: dict[int, bool] = {}
        # one pen per outline and one empty brush, kept: pyqtgraph caches each rendered node
        # symbol under the identity of its pen and brush, so new ones on every step rendered
        # the column's symbols again and grew its symbol atlas without end
        self._pens = {True: style.node_pen(), False: _faint_pen()}
        self._empty = QBrush(QColor(style.EMPTY_NODE))
        # what each column shows: its brush indices, or None when empty (stepping one stage
        # changes one or two columns: the others are not set again)
        self._fill: dict[int, np.ndarray | None] = {}
        for l in range(columns):
            item = pg.ScatterPlotItem(
                pxMode=True, symbol="o", hoverable=True, tip=None, antialias=True
            )
            item.sigHovered.connect(lambda _it, pts, ev, l=l: hovered(l, pts))
            item.sigClicked.connect(lambda _it, pts, ev, l=l: clicked(l, pts))
            self.items[l] = add(item, 10.0)
        self._ring = add(pg.ScatterPlotItem(pxMode=True, symbol="o", antialias=True), 16.0)
        self._ring.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self._ring.setPen(style.node_pen(highlight=True))
        self._ring.setVisible(False)  # shown while a node is hovered

    def place(self, col: ColumnLayout) -> None:
        item = self.items[col.layer]
        item.setVisible(not col.is_image)  # an empty item still paints
        self._fill.pop(col.layer, None)  # setData drops the brushes
        if col.is_image:
            item.setData([], [])
        else:
            item.setData(pos=col.positions, size=col.node_size, data=col.shown)

    def forget_reached(self) -> None:
        """The outlines are set again on the next draw (the items were placed anew)."""
        self._reached = {}
        self._fill = {}

    def set_reached(self, layer: int, reached: bool) -> None:
        if self._reached.get(layer) != reached:
            self._reached[layer] = reached
            self.items[layer].setPen(self._pens[reached])

    def set_brushes(self, layer: int, idx: np.ndarray) -> None:
        shown = self._fill.get(layer)
        if shown is not None and np.array_equal(shown, idx):
            return
        self._fill[layer] = np.array(idx, copy=True)
        brushes = style.value_brushes()
        self.items[layer].setBrush([brushes[i] for i in idx])

    def set_empty(self, layer: int) -> None:
        if layer in self._fill and self._fill[layer] is None:
            return
        self._fill[layer] = None
        item = self.items[layer]
        # one brush per spot: a single brush is only pyqtgraph's default for spots without
        # their own, so the colours of an earlier stage would stay
        item.setBrush([self._empty] * len(item.data))

    def show_ring(self, pos, size: float) -> None:
        self._ring.setData(pos=[pos], size=size)
        self._ring.setVisible(True)

    def hide_ring(self) -> None:
        self._ring.setData([], [])
        self._ring.setVisible(False)


def _faint_pen() -> QPen:
    pen = QPen(QColor(style.GRID), 1.0)
    pen.setCosmetic(True)
    return pen
