"""The legend under the layer graph: what the edge colours and widths mean, and the colour scale
of the node values just computed (with its numbers)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QWidget

from nnviz.gui import style
from nnviz.gui.network_view import NetworkView


def _tr(text: str) -> str:
    return QCoreApplication.translate("LegendBar", text)


class LegendBar(QWidget):
    """Painted in one pass: a handful of short lines and one gradient."""

    def __init__(self, view: NetworkView, parent=None) -> None:
        super().__init__(parent)
        self.view = view
        self.setFont(style.ui_font(-0.5))
        self.setAutoFillBackground(False)
        self._name, self._scale, self._kind = "x", 1.0, "input"
        view.display_changed.connect(self._on_display_changed)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt)
        return QSize(800, QFontMetrics(self.font()).height() + 16)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt)
        return QSize(200, QFontMetrics(self.font()).height() + 16)

    def _on_display_changed(self) -> None:
        self._name, self._scale, self._kind = self.view.legend_info()
        self.update()

    def texts(self) -> list[str]:
        """Every text the legend paints (tests read these)."""
        low = "0" if self._kind == "input" else style.format_number(-self._scale)
        high = "1" if self._kind == "input" else style.format_number(self._scale)
        return [
            _tr("w·x > 0 (pushes up)"),
            _tr("w·x < 0 (pushes down)"),
            _tr("thicker = larger |w·x|; only the strongest per node are drawn"),
            _tr("node colour ({name}):").format(name=self._name),
            low,
            "0" if self._kind != "input" else "",
            high,
        ]

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(style.BACKGROUND))
        p.setPen(QPen(QColor(style.GRID)))
        p.drawLine(0, 0, self.width(), 0)
        fm = QFontMetrics(self.font())
        mid = self.height() / 2
        x = 14.0
        texts = self.texts()

        def text(s: str, colour: str = style.TEXT) -> None:
            nonlocal x
            p.setPen(QColor(colour))
            p.drawText(QPointF(x, mid + fm.ascent() / 2 - 1), s)
            x += fm.horizontalAdvance(s)

        for colour, label in ((style.POSITIVE, texts[0]), (style.NEGATIVE, texts[1])):
            pen = QPen(QColor(colour), 3.0)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(pen)
            p.drawLine(QPointF(x, mid), QPointF(x + 26, mid))
            x += 32
            text(label)
            x += 18
        text(texts[2], style.MUTED)
        # the colour scale, right-aligned
        bar_w = 150.0
        need = fm.horizontalAdvance(texts[3]) + 8 + fm.horizontalAdvance(texts[4]) + bar_w + 12
        need += fm.horizontalAdvance(texts[6]) + 14
        x = max(x + 24, self.width() - need)
        text(texts[3])
        x += 8
        text(texts[4], style.MUTED)
        x += 6
        rect = QRectF(x, mid - 7, bar_w, 14)
        grad = QLinearGradient(rect.topLeft(), rect.topRight())
        if self._kind == "input":
            grad.setColorAt(0.0, QColor("#ffffff"))
            grad.setColorAt(1.0, QColor("#000000"))
        else:
            cmap = style.value_colormap()
            for pos, colour in zip(cmap.pos, cmap.getColors(mode="byte"), strict=True):
                grad.setColorAt(float(pos), QColor(*[int(c) for c in colour[:3]]))
        p.fillRect(rect, grad)
        p.setPen(QPen(QColor(style.NODE_OUTLINE), 1.0))
        p.drawRect(rect)
        if texts[5]:
            p.setPen(QColor(style.MUTED))
            p.drawLine(
                QPointF(rect.center().x(), rect.bottom()),
                QPointF(rect.center().x(), rect.bottom() + 3),
            )
        x = rect.right() + 6
        text(texts[6], style.MUTED)
        p.end()
