"""The data & labels view: a row for each class with many examples of it from the training (or
test) set, each row's label and how many images of that class the training and test sets hold.
Clicking a digit sends it through the network (it becomes the Session's sample, with its label,
and the window says which set it comes from).

The examples are one picture, a mosaic built by :mod:`nnviz.core.data_views` with NumPy (one
QImage drawn scaled, never a widget per digit); it is built once per dataset and split, and the
view shows as many columns of it as fit its width.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QImage, QPainter, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from nnviz.core.data_views import class_counts, examples_per_class, image_side, mosaic
from nnviz.core.datasets import Dataset
from nnviz.core.errors import NnvizError
from nnviz.gui import style
from nnviz.gui.session import Session
from nnviz.gui.visibility import DeferWhileHidden

__all__ = ["ClassMosaic", "DataPanel", "SPLITS"]

SPLITS = ("train", "test")  # the combo box's order
MAX_COLUMNS = 48  # examples per class in the mosaic; the view shows as many as fit
MIN_TILE = 20  # px per digit: smaller, a 28x28 digit is hard to tell apart
MAX_TILE = 30  # larger tiles would leave room for few examples in a row
_GAP = 6  # px between the labels, the digits and the counts


def _examples(dataset: Dataset, split_name: str) -> tuple:
    """(mosaic, its tiles' indices, class names, (training counts, test counts)) of
    ``split_name``: reads both splits if they were not read yet (run in a thread then)."""
    split = dataset.train if split_name == "train" else dataset.test
    n = dataset.num_classes
    image_side(split.images.shape[1])  # a square image, or ValueError
    indices = examples_per_class(split.labels, n, MAX_COLUMNS)
    counts = (class_counts(dataset.train.labels, n), class_counts(dataset.test.labels, n))
    return mosaic(split.images, indices), indices, dataset.class_names, counts


class ClassMosaic(QWidget):
    """The rows of examples: ``clicked(index)`` with the index in the split of the digit
    clicked; ``hovered(index)`` under the mouse (-1 off the digits)."""

    clicked = Signal(int)
    hovered = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indices: np.ndarray | None = None  # (classes, MAX_COLUMNS) into the split, -1 none
        self.names: tuple[str, ...] = ()
        self.counts: tuple[np.ndarray, np.ndarray] | None = None  # train, test per class
        self.selected: int | None = None  # the split index of the Session's sample, if here
        self.hover: int | None = None
        self._image: QImage | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(10 * MIN_TILE + 2 * self.fontMetrics().height())

    def clear(self) -> None:
        self._image, self.indices, self.counts, self.hover = None, None, None, None
        self.update()

    def set_data(
        self,
        picture: np.ndarray,
        indices: np.ndarray,
        names: tuple[str, ...],
        counts: tuple[np.ndarray, np.ndarray],
    ) -> None:
        """``picture``: the mosaic (uint8, 0 = paper); ``indices`` its tiles' split indices."""
        h, w = picture.shape
        data = np.ascontiguousarray(picture)
        image = QImage(data.data, w, h, w, QImage.Format.Format_Grayscale8).copy()
        image.invertPixels()  # ink dark on white paper, as the digits are drawn everywhere
        self._image, self.indices, self.names, self.counts = image, indices, names, counts
        extra = 2 * (self.fontMetrics().height() + 4)  # the titles above, the totals below
        self.setMinimumHeight(len(names) * MIN_TILE + extra)
        self.setMaximumHeight(len(names) * MAX_TILE + extra)  # the text below stays close
        self.update()

    # ------------------------------------------------------------------ geometry
    def _columns(self) -> tuple[int, int, int, int, int]:
        """(label width, counts width, tile size, columns shown, top) for the current size."""
        metrics = self.fontMetrics()
        label_w = max((metrics.horizontalAdvance(n) for n in self.names), default=10) + _GAP
        counts_w = metrics.horizontalAdvance("00,000 · 00,000") + _GAP
        rows = max(len(self.names), 1)
        top = metrics.height() + 4
        usable_h = self.height() - 2 * top
        tile = int(max(MIN_TILE, min(MAX_TILE, usable_h // rows)))
        per_class = 0 if self.indices is None else self.indices.shape[1]
        cols = max(1, min(per_class, (self.width() - label_w - counts_w) // tile))
        return label_w, counts_w, tile, cols, top

    def tile_at(self, pos: QPoint) -> int | None:
        """The split index of the digit at ``pos`` (None: no digit there)."""
        if self.indices is None:
            return None
        label_w, _counts_w, tile, cols, top = self._columns()
        col, row = (pos.x() - label_w) // tile, (pos.y() - top) // tile
        if pos.x() < label_w or pos.y() < top or not (0 <= row < len(self.names) and col < cols):
            return None
        index = int(self.indices[row, col])
        return index if index >= 0 else None

    def tile_rect(self, index: int) -> QRect | None:
        """Where the digit of split index ``index`` is drawn (None: not shown)."""
        if self.indices is None:
            return None
        label_w, _counts_w, tile, cols, top = self._columns()
        found = np.argwhere(self.indices[:, :cols] == index)
        if found.size == 0:
            return None
        row, col = found[0]
        return QRect(label_w + int(col) * tile, top + int(row) * tile, tile, tile)

    # ------------------------------------------------------------------ paint
    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt)
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(style.BACKGROUND))
        if self._image is None or self.indices is None or self.counts is None:
            return
        label_w, counts_w, tile, cols, top = self._columns()
        side = self._image.height() // len(self.names)
        rows = len(self.names)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        target = QRectF(label_w, top, cols * tile, rows * tile)
        painter.drawImage(target, self._image, QRectF(0, 0, cols * side, rows * side))
        metrics = QFontMetrics(self.font())
        painter.setPen(QColor(style.MUTED))
        right = label_w + cols * tile + _GAP
        painter.drawText(
            QRect(right, 0, counts_w, top), Qt.AlignmentFlag.AlignLeft, self._counts_title
        )
        painter.drawText(
            QRect(label_w, 0, cols * tile, top), Qt.AlignmentFlag.AlignLeft, self._examples_title
        )
        train, test = self.counts
        grid = QPen(QColor(style.GRID), 1)
        for row, name in enumerate(self.names):
            y = top + row * tile
            painter.setPen(QColor(style.TEXT))
            bold = painter.font()
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(
                QRect(0, y, label_w - _GAP, tile),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            bold.setBold(False)
            painter.setFont(bold)
            painter.setPen(QColor(style.MUTED))
            painter.drawText(
                QRect(right, y, counts_w, tile),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{int(train[row]):,} · {int(test[row]):,}",
            )
            if row:
                painter.setPen(grid)
                painter.drawLine(label_w, y, label_w + cols * tile, y)
        y = top + rows * tile
        painter.setPen(QColor(style.TEXT))
        painter.drawText(
            QRect(right, y, counts_w, metrics.height() + 4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            f"{int(train.sum()):,} · {int(test.sum()):,}",
        )
        painter.drawText(
            QRect(0, y, label_w + cols * tile, metrics.height() + 4),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            self._total_title,
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for index, colour, width in (
            (self.selected, style.SELECTION, 2),
            (self.hover, style.HIGHLIGHT, 3),
        ):
            rect = None if index is None else self.tile_rect(index)
            if rect is not None:
                painter.setPen(QPen(QColor(colour), width))
                painter.drawRect(rect.adjusted(1, 1, -1, -1))

    # texts set by the panel (translated there)
    _examples_title = ""
    _counts_title = ""
    _total_title = ""

    def set_titles(self, examples: str, counts: str, total: str) -> None:
        self._examples_title, self._counts_title, self._total_title = examples, counts, total
        self.update()

    # ------------------------------------------------------------------ mouse
    def mouseMoveEvent(self, event) -> None:  # noqa: N802 (Qt)
        index = self.tile_at(event.position().toPoint())
        if index != self.hover:
            self.hover = index
            self.setCursor(
                Qt.CursorShape.PointingHandCursor
                if index is not None
                else Qt.CursorShape.ArrowCursor
            )
            self.update()
            self.hovered.emit(-1 if index is None else index)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:  # noqa: N802 (Qt)
        if self.hover is not None:
            self.hover = None
            self.update()
            self.hovered.emit(-1)
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.button() == Qt.MouseButton.LeftButton:
            index = self.tile_at(event.position().toPoint())
            if index is not None:
                self.clicked.emit(index)
        super().mouseReleaseEvent(event)


class DataPanel(QWidget):
    """The dataset's classes with examples and counts; a click shows that digit everywhere."""

    # a digit was clicked and sent through the network (its split, its index in it)
    digit_picked = Signal(str, int)
    # the examples of (dataset, split) were made in a thread: (key, result or exception)
    _examples_ready = Signal(object, object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._built_for: tuple[Dataset, str] | None = None  # (the dataset, split) shown
        self.reading = False  # the examples are being made in a thread
        self.problem: str | None = None  # why the examples cannot be shown
        self._examples_ready.connect(self._on_examples_ready)
        self.intro_label = QLabel()
        self.intro_label.setWordWrap(True)
        self.split_box = QComboBox()
        self.split_box.addItems(["", ""])
        self.split_box.currentIndexChanged.connect(lambda _i: self._rebuild())
        self.split_caption = QLabel()
        top_row = QHBoxLayout()
        top_row.addWidget(self.split_caption)
        top_row.addWidget(self.split_box)
        top_row.addStretch(1)
        self.mosaic = ClassMosaic()
        self.mosaic.clicked.connect(self._on_clicked)
        self.mosaic.hovered.connect(lambda _i: self._show_status())
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.setMinimumHeight(QFontMetrics(self.font()).height() * 2 + 4)
        self.hover_label = QLabel()  # the digit under the mouse
        self.hover_label.setWordWrap(True)
        self.hover_label.setTextFormat(Qt.TextFormat.RichText)
        self.hover_label.setStyleSheet(f"color: {style.MUTED};")
        box = QVBoxLayout(self)
        box.addWidget(self.intro_label)
        box.addLayout(top_row)
        box.addWidget(self.mosaic, 1)
        box.addWidget(self.status_label)
        box.addWidget(self.hover_label)
        box.addStretch(0)
        self._lazy = DeferWhileHidden(self)
        session.dataset_changed.connect(self._rebuild)
        session.sample_changed.connect(self._on_sample_changed)
        self.retranslate_ui()
        # the examples (and the training set they need) are read when the panel first shows:
        # the window opens without waiting for them or sharing the processor with their thread
        self._lazy.when_shown(self._rebuild)

    @property
    def split(self) -> str:
        """The split whose examples are shown: "train" or "test"."""
        return SPLITS[max(0, self.split_box.currentIndex())]

    def set_split(self, split: str) -> None:
        self.split_box.setCurrentIndex(SPLITS.index(split))

    def retranslate_ui(self) -> None:
        self.intro_label.setText(
            self.tr(
                "Every image comes with its label, the right answer. Each row holds examples "
                "of one class. Click a digit to send it through the network."
            )
        )
        self.split_caption.setText(self.tr("Examples from"))
        self.split_box.setItemText(0, self.tr("the training set"))
        self.split_box.setItemText(1, self.tr("the test set"))
        self.mosaic.set_titles(
            self.tr("label: examples"), self.tr("training · test"), self.tr("total")
        )
        self._show_status()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------------ session
    def _rebuild(self) -> None:
        if self._lazy.defer(self._rebuild):
            return
        dataset = self.session.dataset
        key = None if dataset is None else (dataset, self.split)
        if key == self._built_for:
            return
        self._built_for = key
        self.mosaic.clear()
        self.problem, self.reading = None, False
        if dataset is None:
            pass
        elif dataset.is_read("train") and dataset.is_read("test"):
            self._on_examples_ready(key, self._try_examples(dataset, self.split))
        else:  # the training set is read in a thread (0.2 s): the window does not wait
            self.reading = True
            pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nnviz-data-view")
            future = pool.submit(self._try_examples, dataset, self.split)
            future.add_done_callback(lambda f: self._hand_over(key, f.result()))
            pool.shutdown(wait=False)
        self._on_sample_changed()

    def _hand_over(self, key, result) -> None:
        """In the reading thread: the result goes to the GUI thread by a queued signal."""
        try:
            self._examples_ready.emit(key, result)
        except RuntimeError:  # the panel was deleted meanwhile (the window closed at once)
            pass

    @staticmethod
    def _try_examples(dataset: Dataset, split: str):
        try:
            return _examples(dataset, split)
        except (NnvizError, ValueError) as exc:
            return exc

    def _on_examples_ready(self, key, result) -> None:
        if key != self._built_for:  # another dataset or split was asked for meanwhile
            return
        self.reading = False
        if isinstance(result, Exception):
            self.problem = str(result)
        else:
            self.mosaic.set_data(*result)
        self._show_status()

    def _on_sample_changed(self) -> None:
        s = self.session
        self.mosaic.selected = s.sample_index if self.split == "test" else s.train_index
        self.mosaic.update()
        self._show_status()

    def _on_clicked(self, index: int) -> None:
        if self.split == "train":
            self.session.show_train_sample(index)
        else:
            self.session.show_test_sample(index)
        self.digit_picked.emit(self.split, index)

    def _show_status(self) -> None:
        s, dataset = self.session, self.session.dataset
        if dataset is None:
            self.status_label.setText(self.tr("No dataset is open."))
            return
        if self.reading:
            self.status_label.setText(self.tr("Reading the dataset…"))
            self.hover_label.setText("")
            return
        if self.problem is not None:
            self.status_label.setText(
                self.tr("The examples cannot be shown: {problem}").format(problem=self.problem)
            )
            return
        names = dataset.class_names
        index = self.mosaic.hover
        self.hover_label.setText("")
        if index is not None:
            split = dataset.train if self.split == "train" else dataset.test
            label = names[int(split.labels[index])]
            if self.split == "train":
                text = self.tr("Training digit #{i}, label <b>{label}</b>: click to show it")
            else:
                text = self.tr("Test digit #{i}, label <b>{label}</b>: click to show it")
            self.hover_label.setText(text.format(i=index, label=label))
        label = names[s.label] if s.label is not None and s.label < len(names) else ""
        if s.train_index is not None:
            text = self.tr("Shown now: training digit #{i}, label <b>{label}</b>")
            text = text.format(i=s.train_index, label=label)
        elif s.sample_index is not None:
            text = self.tr("Shown now: test digit #{i}, label <b>{label}</b>")
            text = text.format(i=s.sample_index, label=label)
        else:
            self.status_label.setText(self.tr("Shown now: your drawing (no label)"))
            return
        one_hot = ", ".join("<b>1</b>" if k == s.label else "0" for k in range(len(names)))
        written = self.tr("as the network learns it, one-hot: t = ({t})").format(t=one_hot)
        self.status_label.setText(f"{text}<br>{written}")
