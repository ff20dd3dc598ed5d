"""What each first-layer unit looks for: its 784 incoming weights drawn as a 28x28 image.

Red pixels push the unit up when ink is there, blue ones push it down. Each tile has its own
colour scale (its largest weight is full colour), so the pattern shows even when the weights are
small. Redrawn from the session whenever the weights change (live snapshots while training).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from nnviz.core.mosaic import mosaic_columns, weight_mosaic
from nnviz.gui import style
from nnviz.gui.session import Session
from nnviz.gui.visibility import DeferWhileHidden

__all__ = ["WeightsView", "weight_mosaic"]

MAX_TILES = 100  # hidden units shown; the rest are summarised in the caption


class WeightsView(QWidget):
    """The first layer's weights, one 28x28 tile per hidden unit (live)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.mosaic: np.ndarray | None = None
        self._cols = 0  # tiles per row of the mosaic shown
        self._lazy = DeferWhileHidden(self)  # redrawn when shown: off screen it costs nothing
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.plot = pg.PlotWidget(background=style.BACKGROUND)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.invertY(True)
        self.plot.setAspectLocked(True)
        self.plot.setMouseEnabled(False, False)
        self.image = pg.ImageItem(axisOrder="row-major")
        lut = style.value_colormap().getLookupTable(0.0, 1.0, 256, alpha=True)
        self.image.setLookupTable(lut)
        self.plot.addItem(self.image)
        layout.addWidget(self.plot, 1)
        session.network_changed.connect(self._on_weights_changed)
        session.params_changed.connect(self._on_weights_changed)
        self._on_weights_changed()

    def view_aspect(self) -> float:
        """Width over height of the plot the tiles are laid out for."""
        size = self.plot.size()
        return size.width() / size.height() if size.height() > 0 else 1.0

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        units = min(self.session.network.params["W1"].shape[1], MAX_TILES)
        if self.mosaic is not None and mosaic_columns(units, self.view_aspect()) != self._cols:
            self._on_weights_changed()  # the tiles are laid out for the view's new shape

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self._on_weights_changed()  # the caption
        super().changeEvent(event)

    def _on_weights_changed(self) -> None:
        if self._lazy.defer(self._on_weights_changed):
            return
        net = self.session.network
        W1 = net.params["W1"]
        side = int(round(math.sqrt(W1.shape[0])))
        if side * side != W1.shape[0]:
            self.image.clear()
            self.mosaic = None
            self.caption.setText(
                self.tr("The inputs ({n}) are not a square image.").format(n=W1.shape[0])
            )
            return
        mosaic, _rows, self._cols = weight_mosaic(W1, side, aspect=self.view_aspect())
        self.mosaic = mosaic
        shown = np.nan_to_num(mosaic, nan=0.0)  # gaps: white, the colour of 0
        self.image.setImage(shown, levels=(-1.0, 1.0), autoLevels=False)
        self.image.setRect(0, 0, mosaic.shape[1], mosaic.shape[0])
        self.plot.setRange(xRange=(0, mosaic.shape[1]), yRange=(0, mosaic.shape[0]), padding=0.01)
        units = W1.shape[1]
        pieces = net.activation.pieces
        text = self.tr(
            "Incoming weights of each first-layer unit: red where ink pushes it up, blue "
            "where ink pushes it down."
        )
        if pieces > 1:
            text += " " + self.tr("({k} tiles per unit: one per Maxout piece.)").format(k=pieces)
        if units > MAX_TILES:
            text += " " + self.tr("Showing {m} of {n}.").format(m=MAX_TILES, n=units)
        self.caption.setText(text)
