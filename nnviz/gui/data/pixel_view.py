"""The MNIST pixel view: the digit shown (a test digit, a training digit or a drawing) as its
28x28 grid of numbers 0-255, each cell shaded by its value, as on the deck's MNIST slide.
Hovering a cell says its row, column and value and what the network receives (value / 255).

The values come from :func:`nnviz.core.data_views.pixel_bytes` (for a dataset digit, exactly
its bytes). The grid follows the Session's sample; it is painted once into a pixmap per sample
and size, and the hovered cell is drawn over it. Numbers are written only where they can be
read: when the cells are too small, the grid is shaded only and "Zoom in" makes the cells big
enough (the grid then scrolls, opened on the middle of the digit).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QLine, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.data_views import PIXEL_MAX, ink_centre, pixel_bytes
from nnviz.gui import style
from nnviz.gui.session import Session
from nnviz.gui.visibility import DeferWhileHidden

__all__ = ["PixelGrid", "PixelPanel"]

ZOOM_CELL = 24  # px per pixel when zoomed in: "255" at 11 px, readable beside the graph
MIN_FONT_PX = 8  # smaller numbers are not written (a learner cannot read them): zoom in
MIN_CELL = 6  # px per pixel at the smallest the grid shrinks to
_BRIGHT_TEXT_FROM = 110  # a value this dark gets white text
_HOVER_PEN = QColor(style.HIGHLIGHT)


def _fitted_font(cell: int) -> QFont | None:
    """The largest font whose "255" fits a cell of ``cell`` px, or None below MIN_FONT_PX."""
    font = style.ui_font()
    size = int(cell * 0.5)
    while size >= MIN_FONT_PX:
        font.setPixelSize(size)
        metrics = QFontMetrics(font)
        if metrics.horizontalAdvance("255") <= cell - 2 and metrics.height() <= cell:
            return font
        size -= 1
    return None


class PixelGrid(QWidget):
    """The grid of one digit's values; ``hovered(row, col)`` under the mouse, (-1, -1) off it."""

    hovered = Signal(int, int)
    resized = Signal()  # the cells' size may have changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: np.ndarray | None = None  # uint8 (side, side)
        self.hover: tuple[int, int] | None = None
        self._cache: QPixmap | None = None
        self._zoomed = False
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # ------------------------------------------------------------------ read
    @property
    def side(self) -> int:
        return 0 if self.values is None else int(self.values.shape[0])

    def cell_size(self) -> int:
        """Pixels per cell: ZOOM_CELL zoomed in, else what the widget's size allows."""
        if self._zoomed or self.side == 0:
            return ZOOM_CELL
        return max(1, min(self.width(), self.height()) // self.side)

    def writes_numbers(self) -> bool:
        """True when the cells are big enough for their numbers to be read."""
        return _fitted_font(self.cell_size()) is not None

    def cell_rect(self, row: int, col: int) -> QRect:
        c = self.cell_size()
        left, top = self._origin()
        return QRect(left + col * c, top + row * c, c, c)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        if self.side == 0:
            return None
        c = self.cell_size()
        left, top = self._origin()
        col, row = (pos.x() - left) // c, (pos.y() - top) // c
        if 0 <= row < self.side and 0 <= col < self.side:
            return int(row), int(col)
        return None

    def _origin(self) -> tuple[int, int]:
        span = self.cell_size() * self.side
        return max(0, (self.width() - span) // 2), max(0, (self.height() - span) // 2)

    # ------------------------------------------------------------------ change
    def set_values(self, values: np.ndarray | None) -> None:
        self.values = values
        self._cache = None
        self._apply_zoom()
        self.update()

    def set_zoomed(self, zoomed: bool) -> None:
        self._zoomed = bool(zoomed)
        self._cache = None
        self._apply_zoom()
        self.update()

    def _apply_zoom(self) -> None:
        if self._zoomed and self.side:
            self.setFixedSize(QSize(ZOOM_CELL * self.side, ZOOM_CELL * self.side))
        else:
            self.setMinimumSize(MIN_CELL * max(self.side, 1), MIN_CELL * max(self.side, 1))
            self.setMaximumSize(16777215, 16777215)

    # ------------------------------------------------------------------ paint
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        self._cache = None
        super().resizeEvent(event)
        self.resized.emit()

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(style.PANEL_BACKGROUND))
        if self.values is None:
            return
        if self._cache is None or self._cache.size() != self.size() * self.devicePixelRatioF():
            self._cache = self._paint_cache()
        painter.drawPixmap(0, 0, self._cache)
        if self.hover is not None:
            pen = QPen(_HOVER_PEN, 3)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.cell_rect(*self.hover).adjusted(1, 1, -1, -1))

    def _paint_cache(self) -> QPixmap:
        """The grid drawn once: the shades as one image scaled up (nearest pixel), the cell
        lines in one call, then the numbers grouped by colour."""
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(QColor(style.PANEL_BACKGROUND))
        painter = QPainter(pixmap)
        values = np.ascontiguousarray(self.values)
        side, c = self.side, self.cell_size()
        left, top = self._origin()
        span = c * side
        shades = QImage(values.data, side, side, side, QImage.Format.Format_Grayscale8).copy()
        shades.invertPixels()  # 0 = white paper, 255 = black ink, as MNIST is drawn
        painter.drawImage(QRect(left, top, span, span), shades)
        if c >= 8:
            painter.setPen(QPen(QColor(style.GRID), 1))
            lines = [QLine(left + i * c, top, left + i * c, top + span) for i in range(side)]
            lines += [QLine(left, top + i * c, left + span, top + i * c) for i in range(side)]
            painter.drawLines(lines)
        font = _fitted_font(c)
        if font is not None:
            painter.setFont(font)
            centre = Qt.AlignmentFlag.AlignCenter
            for colour, chosen in (
                (QColor(style.PIXEL_ZERO_TEXT), values == 0),
                (QColor(style.TEXT), (values > 0) & (values < _BRIGHT_TEXT_FROM)),
                (QColor(style.TEXT_ON_DARK), values >= _BRIGHT_TEXT_FROM),
            ):
                painter.setPen(colour)
                for row, col in zip(*np.nonzero(chosen), strict=True):
                    rect = QRect(left + int(col) * c, top + int(row) * c, c, c)
                    painter.drawText(rect, centre, str(values[row, col]))
        painter.setPen(QPen(QColor(style.NODE_OUTLINE), 1))
        painter.drawRect(QRect(left, top, span, span).adjusted(0, 0, -1, -1))
        painter.end()
        return pixmap

    # ------------------------------------------------------------------ mouse
    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt)
        cell = self.cell_at(event.position().toPoint())
        if cell != self.hover:
            self.hover = cell
            self.update()
            self.hovered.emit(*(cell if cell is not None else (-1, -1)))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt)
        if self.hover is not None:
            self.hover = None
            self.update()
            self.hovered.emit(-1, -1)
        super().leaveEvent(event)


class PixelPanel(QWidget):
    """The digit shown, as numbers: where it comes from, the grid, and the hovered pixel."""

    # a pixel was hovered (row, column): what the lesson's "hover a pixel" listens for
    pixel_hovered = Signal(int, int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._shown_x: np.ndarray | None = None  # the Session's input the grid shows
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setTextFormat(Qt.TextFormat.RichText)
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.intro_label.setStyleSheet(f"color: {style.MUTED};")
        self.zoom_box = QCheckBox()
        self.zoom_box.setChecked(True)  # the numbers are the point; unzoomed shows the shape
        self.zoom_box.toggled.connect(self._on_zoom_toggled)
        self.zoom_hint = QLabel()
        self.zoom_hint.setWordWrap(True)
        self.zoom_hint.setStyleSheet(f"color: {style.MUTED};")
        zoom_row = QHBoxLayout()
        zoom_row.addWidget(self.zoom_box)
        zoom_row.addWidget(self.zoom_hint, 1)
        self.grid = PixelGrid()
        self.grid.hovered.connect(self._on_hovered)
        self.grid.resized.connect(self._show_zoom_hint)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.grid)
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hover_label = QLabel()
        self.hover_label.setWordWrap(True)
        self.hover_label.setTextFormat(Qt.TextFormat.RichText)
        self.hover_label.setMinimumHeight(QFontMetrics(self.font()).height() * 2 + 4)
        box = QVBoxLayout(self)
        box.addWidget(self.source_label)
        box.addWidget(self.intro_label)
        box.addLayout(zoom_row)
        box.addWidget(self.scroll, 1)
        box.addWidget(self.hover_label)
        self._lazy = DeferWhileHidden(self)
        session.sample_changed.connect(self._on_sample_changed)
        session.network_changed.connect(self._on_sample_changed)
        session.dataset_changed.connect(self._on_sample_changed)
        self.retranslate_ui()
        self._on_zoom_toggled(True)
        self._on_sample_changed()

    def retranslate_ui(self) -> None:
        self.intro_label.setText(
            self.tr(
                "One cell per pixel: 0 is white paper, 255 is black ink. "
                "The network receives each value / 255, a number from 0 to 1."
            )
        )
        self.zoom_box.setText(self.tr("Zoom in"))
        self._show_zoom_hint()
        self._show_source()
        self._show_hover()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        if self.zoom_box.isChecked() and not event.oldSize().isValid():  # shown the first time
            QTimer.singleShot(0, self._centre_on_ink)

    # ------------------------------------------------------------------ session
    def _on_sample_changed(self) -> None:
        if self._lazy.defer(self._on_sample_changed):
            return
        x = self.session.x
        if x is self._shown_x:
            return
        self._shown_x = x
        try:
            values = pixel_bytes(x)
        except ValueError:  # an input that is not a square image
            values = None
        self.grid.set_values(values)
        if self.grid.hover is not None and values is None:
            self.grid.hover = None
        self._show_source()
        self._show_hover()
        if self.zoom_box.isChecked():  # once the grid has its new size
            QTimer.singleShot(0, self._centre_on_ink)

    def _show_source(self) -> None:
        s = self.session
        names = s.class_names()
        label = names[s.label] if s.label is not None and s.label < len(names) else None
        if self.grid.values is None:
            text = self.tr("The input of this network is not a square image.")
        elif s.sample_index is not None:
            text = self.tr("<b>Test digit #{i}</b> · label <b>{label}</b>").format(
                i=s.sample_index, label=label
            )
        elif s.train_index is not None:
            text = self.tr("<b>Training digit #{i}</b> · label <b>{label}</b>").format(
                i=s.train_index, label=label
            )
        else:
            text = self.tr("<b>Your drawing</b> · no label")
        self.source_label.setText(text)

    def _show_zoom_hint(self) -> None:
        if self.zoom_box.isChecked() or self.grid.writes_numbers():
            self.zoom_hint.setText("")
        else:
            self.zoom_hint.setText(self.tr("(the cells are too small for their numbers)"))

    # ------------------------------------------------------------------ hover
    def _on_hovered(self, row: int, col: int) -> None:
        self._show_hover()
        if row >= 0:
            self.pixel_hovered.emit(row, col)

    def _show_hover(self) -> None:
        hover, values = self.grid.hover, self.grid.values
        if hover is None or values is None:
            self.hover_label.setText(
                self.tr("Hover a pixel to see its row, column and value.")
                if values is not None
                else ""
            )
            return
        row, col = hover
        v = int(values[row, col])
        received = float(self.session.x[row * self.grid.side + col])
        self.hover_label.setText(
            self.tr(
                "Row {row}, column {col}: value <b>{v}</b>. "
                "The network receives {v} / {max} = <b>{x}</b>."
            ).format(row=row, col=col, v=v, max=PIXEL_MAX, x=f"{received:.3f}")
        )

    # ------------------------------------------------------------------ zoom
    def _on_zoom_toggled(self, zoomed: bool) -> None:
        self.scroll.setWidgetResizable(not zoomed)
        self.grid.set_zoomed(zoomed)
        self._show_zoom_hint()
        if zoomed:
            QTimer.singleShot(0, self._centre_on_ink)

    def _centre_on_ink(self) -> None:
        """Scroll the zoomed grid to the middle of the digit's ink (its bounding box)."""
        values = self.grid.values
        if values is None:
            return
        mid_row, mid_col = ink_centre(values)
        self.scroll.ensureVisible(
            int((mid_col + 0.5) * ZOOM_CELL),
            int((mid_row + 0.5) * ZOOM_CELL),
            self.scroll.viewport().width() // 2,
            self.scroll.viewport().height() // 2,
        )
