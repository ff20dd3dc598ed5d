"""The legend under the layer graph: what the edge colours and widths mean, and the colour scale
of the node values just computed (with its numbers). One row when wide enough, else two."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QLinearGradient, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from nnviz.core.trace import Kind
from nnviz.gui import style
from nnviz.gui.graph.network_view import NetworkView
from nnviz.gui.i18n import tr

_PAD = 14  # px left and right
_SAMPLE = 26  # px of the line drawn before an edge label
_BAR_W = 150.0  # px of the colour-scale bar
_WIDEST_NUMBER = "-8.88e+08"  # the widest number at either end of the scale (format_number)


def _edge_texts(gradients: bool) -> list[str]:
    """What the edge colours and widths mean: dE/dw at backward stages, else w·x."""
    if gradients:
        return [
            tr("dE/dw > 0 (the step lowers w)"),
            tr("dE/dw < 0 (the step raises w)"),
            tr("thicker = larger |dE/dw|"),
        ]
    return [
        tr("w·x > 0 (pushes up)"),
        tr("w·x < 0 (pushes down)"),
        tr("thicker = larger |w·x|"),
    ]


class LegendBar(QWidget):
    """Painted in one pass: a few short lines, their labels and one gradient."""

    def __init__(self, view: NetworkView, parent=None) -> None:
        super().__init__(parent)
        self.view = view
        self.setFont(style.ui_font(-0.5))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._name, self._scale, self._kind, self._one_sided = "x", 1.0, Kind.INPUT, True
        self._two_rows = False
        self.setFixedHeight(self._row_height())
        view.display_changed.connect(self._on_display_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the static texts (the painted ones come from ``texts()`` at every paint)."""
        self.setToolTip(
            tr(
                "Edges show the largest terms w·x that each node adds up, for this image: "
                "red ones push the node's sum up, blue ones push it down. Only the strongest "
                "few per node are drawn."
            )
        )
        self._fit_rows(self.width())
        self.update()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + 14

    def _on_display_changed(self) -> None:
        self._name, self._scale, self._kind, self._one_sided = self.view.legend_info()
        self._fit_rows(self.width())
        self.update()

    def texts(self) -> list[str]:
        """Every text the legend paints (tests read these)."""
        low = "0" if self._one_sided else style.format_number(-self._scale)
        high = "1" if self._kind is Kind.INPUT else style.format_number(self._scale)
        return [
            *_edge_texts(self.view.edges_show_gradients),
            tr("node colour ({name}):").format(name=self._name),
            low,
            "" if self._one_sided else "0",  # the tick under the middle of the bar
            high,
        ]

    def _widths(self) -> tuple[float, float]:
        fm = QFontMetrics(self.font())
        t = self.texts()
        edges = 2 * (_SAMPLE + 6 + 18) + sum(fm.horizontalAdvance(s) for s in t[:3])
        scale = fm.horizontalAdvance(t[3]) + fm.horizontalAdvance(t[4])
        scale += _BAR_W + fm.horizontalAdvance(t[6]) + 26
        return edges, scale

    def _widest(self) -> float:
        """The width one row needs at the widest stage of the trace (forward or backward texts,
        the longest stage name, numbers of any sign and size): the row count then changes with
        the width only, not from stage to stage (each change would resize the graph above)."""
        fm = QFontMetrics(self.font())
        edges = 2 * (_SAMPLE + 6 + 18) + max(
            sum(fm.horizontalAdvance(s) for s in _edge_texts(gradients))
            for gradients in (False, True)
        )
        name = max(self.view.session.trace.names, key=fm.horizontalAdvance)
        number = fm.horizontalAdvance(_WIDEST_NUMBER)
        title = fm.horizontalAdvance(tr("node colour ({name}):").format(name=name))
        return edges + title + 2 * number + _BAR_W + 26

    def minimumSizeHint(self):  # noqa: N802 (Qt)
        size = super().minimumSizeHint()
        size.setWidth(200)
        return size

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        self._fit_rows(event.size().width())
        super().resizeEvent(event)

    def _fit_rows(self, width: int) -> None:
        """One row when the texts fit in ``width``, else two (texts differ per language)."""
        two = width < self._widest() + 2 * _PAD + 24
        if two != self._two_rows:
            self._two_rows = two
            self.setFixedHeight(self._row_height() * (2 if two else 1))

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(style.BACKGROUND))
        p.setPen(QPen(QColor(style.GRID)))
        p.drawLine(0, 0, self.width(), 0)
        fm = QFontMetrics(self.font())
        row = self._row_height()
        mid = row / 2
        x = float(_PAD)
        t = self.texts()

        def text(s: str, colour: str = style.TEXT) -> None:
            nonlocal x
            p.setPen(QColor(colour))
            p.drawText(QPointF(x, mid + fm.ascent() / 2 - 1), s)
            x += fm.horizontalAdvance(s)

        for colour, label in ((style.POSITIVE, t[0]), (style.NEGATIVE, t[1])):
            pen = QPen(QColor(colour), 3.0)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            p.setPen(pen)
            p.drawLine(QPointF(x, mid), QPointF(x + _SAMPLE, mid))
            x += _SAMPLE + 6
            text(label)
            x += 18
        text(t[2], style.MUTED)
        _, scale_w = self._widths()
        if self._two_rows:
            mid += row
            x = float(_PAD)
        else:
            x = max(x + 24, self.width() - _PAD - scale_w)
        text(t[3])
        x += 8
        text(t[4], style.MUTED)
        x += 6
        rect = QRectF(x, mid - 7, _BAR_W, 14)
        grad = QLinearGradient(rect.topLeft(), rect.topRight())
        if self._kind is Kind.INPUT:
            grad.setColorAt(0.0, QColor(style.PAPER))
            grad.setColorAt(1.0, QColor(style.INK))
        else:
            # values that are never negative use the upper half of the diverging map only
            cmap = style.value_colormap()
            start = 0.5 if self._one_sided else 0.0
            for pos, colour in zip(cmap.pos, cmap.getColors(mode="byte"), strict=True):
                if pos >= start:
                    at = (float(pos) - start) / (1.0 - start)
                    grad.setColorAt(at, QColor(*[int(c) for c in colour[:3]]))
        p.fillRect(rect, grad)
        p.setPen(QPen(QColor(style.NODE_OUTLINE), 1.0))
        p.drawRect(rect)
        if t[5]:
            p.setPen(QColor(style.MUTED))
            cx = rect.center().x()
            p.drawLine(QPointF(cx, rect.bottom()), QPointF(cx, rect.bottom() + 3))
        x = rect.right() + 6
        text(t[6], style.MUTED)
        p.end()
