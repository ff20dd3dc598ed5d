"""Draw your own digit: a pad for the mouse or a pen, the MNIST-like 28x28 input made from it,
and the network's answer, updated live while drawing.

The drawing is turned into an input by :func:`nnviz.core.preprocess.to_mnist` (crop, fit 20x20,
centre by centre of mass) and sent to the Session, so every other panel (the forward pass, the
probabilities) shows the learner's own digit.

Drawing stays quick whatever the rest of the window costs to redraw (the layer graph at a late
stage takes a few hundred milliseconds): each pen move only paints its segment; the pad's own
28x28 input and answer follow at most once per display frame; the Session, and with it every
other panel, gets the drawing when the pen has been lifted for a moment (a redraw of the graph
in the middle of a stroke, or between the two strokes of a 4, would hold the pen back and turn
the stroke into straight lines).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.preprocess import BOX, FIELD, to_mnist
from nnviz.core.trace import Kind
from nnviz.gui import style
from nnviz.gui.session import Session
from nnviz.gui.visibility import DeferWhileHidden

__all__ = ["DigitCanvas", "DigitPreview", "DrawingPad"]

CANVAS_PIXELS = 280  # the drawing's own resolution: 10x MNIST, whatever the widget's size
WIDE = 1.2  # width / height above which the preview sits beside the pad instead of below it
FRAME_MS = 16  # the pad's input and answer follow the pen at most once per frame (60 Hz)
HANDOVER_MS = 250  # the pen lifted this long: the drawing goes to the whole window (not
# between the quick strokes of one digit: the window's redraw would hold the next one back)
DEFAULT_BRUSH = 22  # canvas pixels; a digit drawn 200 px tall gets MNIST's ~2 px strokes
BRUSH_RANGE = (8, 44)
_PAPER = QColor(style.PAPER)
_INK = QColor(style.INK)
_FRAME = QColor(style.DRAW_FRAME)
_GUIDE = QColor(style.DRAW_GUIDE)


def image_ink(image: QImage) -> np.ndarray:
    """Ink of a Grayscale8 image as floats in [0, 1] (black = 1), shape (height, width)."""
    h, w = image.height(), image.width()
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    grey = raw.reshape(h, image.bytesPerLine())[:, :w]
    return 1.0 - grey.astype(np.float32) / 255.0


class DigitCanvas(QWidget):
    """A square sheet of paper to draw on; emits ``changed`` after every stroke segment (painted
    at once, only the segment's rectangle redrawn) and ``stroke_finished`` when the pen lifts."""

    changed = Signal()
    stroke_started = Signal()
    stroke_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage(CANVAS_PIXELS, CANVAS_PIXELS, QImage.Format.Format_Grayscale8)
        self._image.fill(_PAPER)
        self._empty = True  # nothing drawn since the last clear
        self._brush = DEFAULT_BRUSH
        self._last: QPointF | None = None  # the previous point of the stroke being drawn
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setToolTip(self.tr("Draw a digit here with the mouse or a pen"))
        self.update()

    # ------------------------------------------------------------------ state
    def ink(self) -> np.ndarray:
        """The drawing as ink in [0, 1], (280, 280)."""
        return image_ink(self._image)

    def is_empty(self) -> bool:
        return self._empty

    def set_brush_size(self, size: int) -> None:
        self._brush = int(size)

    def clear(self) -> None:
        self._image.fill(_PAPER)
        self._empty = True
        self.update()
        self.changed.emit()

    # ------------------------------------------------------------------ geometry
    def _sheet(self) -> QRectF:
        """The square the canvas occupies inside the widget."""
        side = min(self.width(), self.height()) - 2
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def _to_image(self, pos: QPointF) -> QPointF:
        sheet = self._sheet()
        scale = CANVAS_PIXELS / max(sheet.width(), 1.0)
        return QPointF((pos.x() - sheet.left()) * scale, (pos.y() - sheet.top()) * scale)

    def _to_widget(self, rect: QRectF) -> QRect:
        """A rectangle of the image in widget pixels, rounded outwards (for partial repaints)."""
        sheet = self._sheet()
        scale = sheet.width() / CANVAS_PIXELS
        return QRectF(
            sheet.left() + rect.left() * scale,
            sheet.top() + rect.top() * scale,
            rect.width() * scale,
            rect.height() * scale,
        ).toAlignedRect()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(280, 280)

    # ------------------------------------------------------------------ drawing
    def _draw_to(self, point: QPointF) -> None:
        painter = QPainter(self._image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(_INK, self._brush, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        start = point if self._last is None else self._last
        if self._last is None:
            painter.drawPoint(point)
        else:
            painter.drawLine(self._last, point)
        painter.end()
        self._last = point
        if self._empty:
            self._empty = False
            self.update()  # the hint text goes
        else:
            half = self._brush / 2 + 2  # the pen's reach around the segment, with antialiasing
            segment = QRectF(start, point).normalized().adjusted(-half, -half, half, half)
            self.update(self._to_widget(segment))  # only what the segment touched
        self.changed.emit()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.button() == Qt.MouseButton.LeftButton:
            self._last = None
            self.stroke_started.emit()
            self._draw_to(self._to_image(event.position()))
            event.accept()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt name)
        # tracked by our own flag: synthetic moves (tests, some tablets) may not carry buttons
        if self._last is not None:
            self._draw_to(self._to_image(event.position()))
            event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if self._last is not None:
            self._last = None
            self.stroke_finished.emit()
            event.accept()

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        painter = QPainter(self)
        sheet = self._sheet()
        painter.drawImage(sheet, self._image)
        painter.setPen(QPen(_FRAME, 1))
        painter.drawRect(sheet)
        if self.is_empty():
            painter.setPen(_FRAME)
            painter.drawText(
                sheet, Qt.AlignmentFlag.AlignCenter, self.tr("Draw a digit (0-9) here")
            )
        painter.end()


class DigitPreview(QWidget):
    """The 28x28 input the network sees, big pixels, with MNIST's central 20x20 box marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._x = np.zeros(FIELD * FIELD, dtype=np.float32)
        self.setMinimumSize(112, 112)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setToolTip(
            self.tr(
                "What the network sees: the test image shown, or your drawing cropped, scaled "
                "to fit 20x20 pixels and centred by its centre of mass in 28x28, as MNIST's "
                "digits were made"
            )
        )

    def values(self) -> np.ndarray:
        return self._x

    def set_values(self, x: np.ndarray) -> None:
        self._x = np.asarray(x, dtype=np.float32).reshape(-1)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return QSize(140, 140)

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt name)
        return width

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt name)
        grey = (255 - np.clip(self._x, 0, 1) * 255).astype(np.uint8).reshape(FIELD, FIELD)
        grey = np.ascontiguousarray(grey)
        image = QImage(grey.data, FIELD, FIELD, FIELD, QImage.Format.Format_Grayscale8)
        side = min(self.width(), self.height()) - 2
        cell = side / FIELD
        sheet = QRectF((self.width() - side) / 2, 1, side, side)  # top: right under its caption
        painter = QPainter(self)
        painter.drawImage(sheet, image)  # no smoothing: each input pixel stays a square
        margin = (FIELD - BOX) / 2 * cell
        painter.setPen(QPen(_GUIDE, 1, Qt.PenStyle.DashLine))
        painter.drawRect(sheet.adjusted(margin, margin, -margin, -margin))
        painter.setPen(QPen(_FRAME, 1))
        painter.drawRect(sheet)
        painter.end()


class DrawingPad(QWidget):
    """Draw a digit and watch the network read it: the pad, the 28x28 input, the answer."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.canvas = DigitCanvas(self)
        self.preview = DigitPreview(self)
        self._drawn: np.ndarray | None = None  # the drawing's input, not yet in the Session
        self._frame = QTimer(self)  # gathers the pen moves of one display frame
        self._frame.setSingleShot(True)
        self._frame.setInterval(FRAME_MS)
        self._frame.timeout.connect(self._on_frame)
        self._handover = QTimer(self)  # the pen lifted for a moment: the Session gets it
        self._handover.setSingleShot(True)
        self._handover.setInterval(HANDOVER_MS)
        self._handover.timeout.connect(self.send_now)

        self.brush = QSlider(Qt.Orientation.Horizontal)
        self.brush.setRange(*BRUSH_RANGE)
        self.brush.setValue(DEFAULT_BRUSH)
        self.brush.valueChanged.connect(self.canvas.set_brush_size)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self._on_clear)
        self.meant = QComboBox()
        self.meant.addItem("?", None)
        for i, name in enumerate(session.class_names()):
            self.meant.addItem(name, i)
        self.meant.currentIndexChanged.connect(self._on_meant_changed)

        self.answer = QLabel()
        self.answer.setTextFormat(Qt.TextFormat.RichText)
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer.setWordWrap(True)
        self.caption = caption = QLabel()
        caption.setWordWrap(True)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption.setStyleSheet(f"color: {style.DRAW_CAPTION};")

        caption.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.answer.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        preview_box = QVBoxLayout()
        preview_box.addWidget(caption)
        preview_box.addWidget(self.preview, 1)
        # wide dock: pad | (preview over answer); narrow dock: pad over (preview | answer)
        self._side = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._side.addLayout(preview_box, 1)
        self._side.addWidget(self.answer)
        self._pads = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._pads.addWidget(self.canvas, 3)
        self._pads.addLayout(self._side, 2)

        controls = QGridLayout()
        self.pen_label = QLabel()
        self.meant_label = QLabel()
        controls.addWidget(self.pen_label, 0, 0)
        controls.addWidget(self.brush, 0, 1, 1, 2)
        controls.addWidget(self.meant_label, 1, 0)
        controls.addWidget(self.meant, 1, 1)
        controls.addWidget(self.clear_button, 1, 2)
        controls.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(self._pads, 1)
        layout.addLayout(controls)

        self.canvas.changed.connect(self._on_canvas_changed)
        self.canvas.stroke_started.connect(self._handover.stop)
        self.canvas.stroke_finished.connect(self._on_stroke_finished)
        self._lazy = DeferWhileHidden(self)
        session.trace_changed.connect(self._on_trace_changed)
        session.dataset_changed.connect(self._on_dataset_changed)
        session.network_changed.connect(self._on_network_changed)
        self.retranslate_ui()
        self._on_network_changed()

    def retranslate_ui(self) -> None:
        """Set every static text (again, after the language changed)."""
        self.brush.setToolTip(self.tr("Thickness of the pen"))
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Wipe the pad and start again"))
        self.meant.setItemText(0, self.tr("not said"))
        self.meant.setToolTip(
            self.tr("Tell the network which digit you meant, so the loss can be shown")
        )
        self.caption.setText(self.tr("What the network sees (28×28)"))
        self.pen_label.setText(self.tr("Pen:"))
        self.meant_label.setText(self.tr("I meant:"))
        self.canvas.retranslate_ui()
        self.preview.retranslate_ui()
        self._on_trace_changed()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        wide = self.width() > WIDE * self.height()
        D = QBoxLayout.Direction
        self._pads.setDirection(D.LeftToRight if wide else D.TopToBottom)
        self._side.setDirection(D.TopToBottom if wide else D.LeftToRight)

    def accepts_drawings(self) -> bool:
        """A drawing becomes 28x28 = 784 inputs; other input sizes cannot take it."""
        return self._session.network.sizes[0] == FIELD * FIELD

    def _on_network_changed(self) -> None:
        ok = self.accepts_drawings()
        self.canvas.setEnabled(ok)
        self.meant.setEnabled(ok)
        self.clear_button.setEnabled(ok)
        self._on_trace_changed()

    # ------------------------------------------------------------------ sending
    def _on_canvas_changed(self) -> None:
        if not self._frame.isActive():
            self._frame.start()

    def _on_frame(self) -> None:
        """While the pen moves: the pad's own input and answer, once per frame."""
        if not self.accepts_drawings():
            return
        self._drawn = to_mnist(self.canvas.ink())
        self._show_input()

    def _on_stroke_finished(self) -> None:
        self._on_frame()  # the pad shows the whole stroke now
        self._handover.start()

    def send_now(self) -> None:
        """Preprocess the drawing and show it in the Session right away (the whole window)."""
        self._frame.stop()
        self._handover.stop()
        if not self.accepts_drawings():
            return
        x = to_mnist(self.canvas.ink())
        self._drawn = None
        self._session.set_input(x, self.meant.currentData())

    def _on_clear(self) -> None:
        self.canvas.clear()
        self.send_now()

    def _on_meant_changed(self) -> None:
        if self._showing_drawing() or not self.canvas.is_empty():
            self.send_now()

    def _showing_drawing(self) -> bool:
        return self._session.sample_split is None

    # ------------------------------------------------------------------ session
    def _on_dataset_changed(self) -> None:
        current = self.meant.currentIndex()
        self.meant.blockSignals(True)
        for i, name in enumerate(self._session.class_names()):
            if i + 1 < self.meant.count():
                self.meant.setItemText(i + 1, name)
        self.meant.setCurrentIndex(current)
        self.meant.blockSignals(False)

    def _on_trace_changed(self) -> None:
        if self._lazy.defer(self._on_trace_changed):
            return  # off screen (a tab behind another): redone when shown
        self._show_input()

    def _show_input(self) -> None:
        """The 28x28 input the network sees now (the test image, the drawing in the Session,
        or the stroke being drawn) and the network's answer for it."""
        s = self._session
        if not self.accepts_drawings():
            self.preview.set_values(np.zeros(FIELD * FIELD, dtype=np.float32))
            self.answer.setText(
                self.tr(
                    "This network takes {n} inputs, not 28×28 = 784: it cannot read a drawing."
                ).format(n=s.network.sizes[0])
            )
            return
        if self._drawn is not None:  # a stroke under way: the Session has it when the pen lifts
            self.preview.set_values(self._drawn)
            y = s.network.forward(self._drawn[None])[0]
        else:
            self.preview.set_values(s.x)
            if not self._showing_drawing():
                self.answer.setText(self.tr("Showing a test image.<br>Draw to try your own digit."))
                return
            if self.canvas.is_empty():
                self.answer.setText(self.tr("The network's answer appears here as you draw."))
                return
            y = s.trace.values(Kind.OUTPUT)
        best = int(np.argmax(y))
        name = s.class_names()[best]
        self.answer.setText(
            self.tr(
                "The network says<br><span style='font-size:22pt; font-weight:600'>{0}"
                "</span><br>{1}% sure"
            ).format(name, f"{100 * float(y[best]):.0f}")
        )
