"""The network on screen on the test set (``Session.evaluation``, redone whenever the network,
its weights or the data change: at start-up, during and after training, after Reset or a new
model): the confusion matrix and a gallery of misclassified digits. Clicking a cell of the matrix
shows only those mistakes; clicking a digit loads it into the forward-pass view
(``Session.show_test_sample``).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.metrics import Evaluation
from nnviz.gui import style
from nnviz.gui.session import Session
from nnviz.gui.visibility import DeferWhileHidden

__all__ = ["ResultsPanel"]

GALLERY_MAX = 60  # thumbnails per update: enough to browse, cheap to build
_REDRAW_MS = 150  # a burst of weight changes (live training, a reset) gives one redraw
_THUMB = 56  # px: a 28x28 digit at twice its size
_CELL_FONT_PT = 8
# confusion cells: correct answers in green, mistakes in red, darker for more
_RIGHT = np.array(QColor(style.CORRECT).getRgb()[:3], dtype=np.float64)
_WRONG = np.array(QColor(style.WRONG).getRgb()[:3], dtype=np.float64)
_EMPTY = np.array(QColor(style.BACKGROUND).getRgb()[:3], dtype=np.float64)  # a count of 0


def confusion_colours(confusion: np.ndarray) -> np.ndarray:
    """RGB (classes, classes, 3) uint8: the diagonal shaded by the share of each true class
    recognised, mistakes by their count relative to the most frequent mistake."""
    counts = np.asarray(confusion, dtype=np.float64)
    totals = counts.sum(axis=1, keepdims=True)
    share = np.divide(counts, totals, out=np.zeros_like(counts), where=totals > 0)
    off = counts.copy()
    np.fill_diagonal(off, 0)
    worst = off.max() if off.size else 0.0
    wrong = off / worst if worst > 0 else off
    diag = np.eye(len(counts), dtype=bool)
    t = np.where(diag, 0.25 + 0.75 * share, np.sqrt(wrong) * 0.9)[..., None]
    t = np.where((counts == 0)[..., None], 0.0, t)
    target = np.where(diag[..., None], _RIGHT, _WRONG)
    return np.rint(_EMPTY + (target - _EMPTY) * t).astype(np.uint8)


def _digit_icon(image: np.ndarray) -> QIcon:
    """A 28x28 uint8 digit, dark on white, as a crisp icon."""
    side = int(round(np.sqrt(image.size)))
    pixels = np.ascontiguousarray(255 - image.reshape(side, side), dtype=np.uint8)
    qimage = QImage(pixels.data, side, side, side, QImage.Format.Format_Grayscale8).copy()
    pixmap = QPixmap.fromImage(qimage).scaled(
        _THUMB, _THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation
    )
    return QIcon(pixmap)


class _CellImage(pg.ImageItem):
    """The matrix image; reports the cell under a click."""

    clicked_at = Signal(float, float)

    def mouseClickEvent(self, event) -> None:  # noqa: N802 (pyqtgraph)
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.clicked_at.emit(event.pos().x(), event.pos().y())


class ConfusionPlot(pg.PlotWidget):
    """The confusion matrix as an image with the counts written in; click a cell to select."""

    cell_clicked = Signal(int, int)  # true class, predicted class

    def __init__(self, parent=None) -> None:
        super().__init__(parent, background=style.BACKGROUND)
        self.setMenuEnabled(False)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.image = _CellImage(axisOrder="row-major")
        self.addItem(self.image)
        self.invertY(True)
        self.setAspectLocked(True)
        self.retranslate_ui()
        for side in ("left", "bottom"):
            self.getAxis(side).setTextPen(style.TEXT)
            self.getAxis(side).setPen(style.MUTED)
        self._texts: list[pg.TextItem] = []
        self._classes = 0
        self.counts: np.ndarray | None = None
        self.image.clicked_at.connect(self._on_image_clicked)

    def retranslate_ui(self) -> None:
        self.setLabel("left", self.tr("true digit"), color=style.TEXT)
        self.setLabel("bottom", self.tr("predicted digit"), color=style.TEXT)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_classes(self, names: tuple[str, ...]) -> None:
        n = len(names)
        if n == self._classes:
            return
        for t in self._texts:
            self.removeItem(t)
        self._texts = []
        font = style.ui_font()
        font.setPointSizeF(_CELL_FONT_PT)
        for i in range(n * n):
            t = pg.TextItem("", anchor=(0.5, 0.5), color=style.TEXT)
            t.setFont(font)
            t.setPos(i % n + 0.5, i // n + 0.5)
            self.addItem(t)
            self._texts.append(t)
        short = [(i, name if len(name) <= 3 else str(i)) for i, name in enumerate(names)]
        ticks = [[(i + 0.5, label) for i, label in short]]
        self.getAxis("left").setTicks(ticks)
        self.getAxis("bottom").setTicks(ticks)
        self.setRange(xRange=(0, n), yRange=(0, n), padding=0.02)
        self._classes = n

    def set_counts(self, confusion: np.ndarray) -> None:
        counts = np.asarray(confusion)
        self.counts = counts.copy()
        self.image.setImage(confusion_colours(counts), levels=(0, 255))
        self.image.setRect(0, 0, counts.shape[1], counts.shape[0])
        colours = confusion_colours(counts).reshape(-1, 3)
        dark = colours.astype(np.float64) @ np.array([0.299, 0.587, 0.114]) < 140
        for t, value, is_dark in zip(self._texts, counts.ravel(), dark, strict=True):
            t.setText(str(int(value)) if value else "")
            t.setColor(QColor(style.TEXT_ON_DARK if is_dark else style.TEXT))

    def _on_image_clicked(self, x: float, y: float) -> None:
        col, row = int(x), int(y)
        if 0 <= row < self._classes and 0 <= col < self._classes:
            self.cell_clicked.emit(row, col)


class ResultsPanel(QWidget):
    """Confusion matrix and misclassified digits of the last evaluation."""

    sample_chosen = Signal(int)  # a test index, after it was shown in the session

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._shown: Evaluation | None = None
        self._filter: tuple[int, int] | None = None  # (true, predicted) or all mistakes
        self._lazy = DeferWhileHidden(self)  # no drawing while the panel is off screen
        self.shown_indices: np.ndarray = np.zeros(0, dtype=np.intp)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        self.title = QLabel()
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        self.confusion = ConfusionPlot()
        self.confusion.setMinimumSize(160, 160)
        self.confusion.cell_clicked.connect(self._on_cell_clicked)
        splitter.addWidget(self.confusion)
        bottom = QWidget()
        box = QVBoxLayout(bottom)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        self.gallery_label = QLabel()
        self.gallery_label.setWordWrap(True)
        box.addWidget(self.gallery_label)
        self.show_all_button = QPushButton()
        self.show_all_button.clicked.connect(lambda: self.set_filter(None))
        self.show_all_button.hide()
        box.addWidget(self.show_all_button)
        self.gallery = QListWidget()
        self.gallery.setViewMode(QListView.ViewMode.IconMode)
        self.gallery.setIconSize(QSize(_THUMB, _THUMB))
        self.gallery.setResizeMode(QListView.ResizeMode.Adjust)
        self.gallery.setMovement(QListView.Movement.Static)
        self.gallery.setUniformItemSizes(True)
        self.gallery.setGridSize(QSize(_THUMB + 22, _THUMB + 34))
        self.gallery.setWordWrap(True)
        self.gallery.itemClicked.connect(self._on_item_clicked)
        self.gallery.itemActivated.connect(self._on_item_clicked)
        box.addWidget(self.gallery, 1)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.confusion.set_classes(session.class_names())
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(_REDRAW_MS)
        self._redraw.timeout.connect(self._draw)
        session.evaluation_changed.connect(self._on_evaluation_changed)
        session.dataset_changed.connect(self._on_dataset_changed)
        self.retranslate_ui()
        self._draw()

    def retranslate_ui(self) -> None:
        self.show_all_button.setText(self.tr("Show all mistakes"))
        if self._shown is not None:
            self._draw()  # title and gallery captions

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        # side by side in a wide dock (at the bottom), stacked in a tall one (at a side)
        wide = self.width() > 1.3 * self.height()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.splitter.orientation() != orientation:
            self.splitter.setOrientation(orientation)

    # ------------------------------------------------------------------ updates
    @property
    def evaluation(self) -> Evaluation | None:
        """What the panel shows: the Session's evaluation of the network on screen."""
        return self._shown

    def _on_evaluation_changed(self) -> None:
        # live training changes the weights twice a second: one redraw for a burst of changes
        if not self._redraw.isActive():
            self._redraw.start()

    def _on_dataset_changed(self) -> None:
        self._filter = None
        self.confusion.set_classes(self.session.class_names())

    def _draw(self) -> None:
        if self._lazy.defer(self._draw):
            return  # drawn when the panel is shown: no work for a tab behind another
        shown = self._shown = self.session.evaluation
        if shown is None:
            n = len(self.session.class_names())
            self.confusion.set_counts(np.zeros((n, n), dtype=np.int64))
            self.title.setText(self.tr("No test set that fits this network: no results."))
            self._fill_gallery()
            return
        names = self.session.class_names()
        self.confusion.set_classes(names)
        self.confusion.set_counts(shown.confusion)
        self.title.setText(
            self.tr(
                "The network on screen, on the {n:,} test images: {acc:.1%} right, "
                "{wrong:,} wrong. Rows: the true digit; columns: the network's answer."
            ).format(
                n=int(shown.confusion.sum()),
                acc=shown.accuracy,
                wrong=int(shown.confusion.sum() - np.trace(shown.confusion)),
            )
        )
        self._fill_gallery()

    def set_filter(self, cell: tuple[int, int] | None) -> None:
        """Show only the mistakes of true class ``cell[0]`` taken for ``cell[1]`` (None: all)."""
        if cell is not None and cell[0] == cell[1]:
            cell = None  # the diagonal holds no mistakes
        self._filter = cell
        self._fill_gallery()

    def _on_cell_clicked(self, true: int, predicted: int) -> None:
        self.set_filter(None if self._filter == (true, predicted) else (true, predicted))

    def _fill_gallery(self) -> None:
        self.gallery.clear()
        shown = self._shown
        self.show_all_button.setVisible(self._filter is not None)
        if shown is None:
            self.shown_indices = np.zeros(0, dtype=np.intp)
            self._update_gallery_label(0, 0)
            return
        test = self.session.dataset.test
        predictions = shown.predictions
        wrong = predictions != test.labels
        if self._filter is not None:
            wrong &= (test.labels == self._filter[0]) & (predictions == self._filter[1])
        indices = np.flatnonzero(wrong)
        shown = indices[:GALLERY_MAX]
        names = self.session.class_names()
        for index in shown.tolist():
            predicted, true = int(predictions[index]), int(test.labels[index])
            item = QListWidgetItem(
                _digit_icon(test.images[index]),
                self.tr("said {p}\nis {t}").format(p=names[predicted], t=names[true]),
            )
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setToolTip(
                self.tr("Test image #{i}: the network said {p}, the label is {t}").format(
                    i=index, p=names[predicted], t=names[true]
                )
            )
            item.setForeground(QColor(style.TEXT))
            self.gallery.addItem(item)
        self.shown_indices = shown
        self._update_gallery_label(len(shown), len(indices))

    def _update_gallery_label(self, shown: int, total: int) -> None:
        if self._shown is None:
            self.gallery_label.setText("")
            return
        names = self.session.class_names()
        if self._filter is not None:
            t, p = self._filter
            what = self.tr("{t}s taken for {p}").format(t=names[t], p=names[p])
        else:
            what = self.tr("mistakes")
        if total == 0:
            text = self.tr("No {what} on the test set.").format(what=what)
        elif shown < total:
            text = self.tr(
                "First {n} of {total:,} {what}. Click one to follow it through the network."
            ).format(n=shown, total=total, what=what)
        else:
            text = self.tr("{total:,} {what}. Click one to follow it through the network.").format(
                total=total, what=what
            )
        self.gallery_label.setText(text)

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        index = int(item.data(Qt.ItemDataRole.UserRole))
        self.session.show_test_sample(index)
        self.sample_chosen.emit(index)
