"""A map of what a hidden layer sees: its activations for the first ``MAP_DIGITS`` test digits,
projected to 2-D, one dot per digit coloured by its class. PCA is drawn at once; t-SNE is
computed in a thread with progress and Cancel. Hover a dot to see its digit; click it to send
that digit through the forward pass (``Session.show_test_sample``).

"Before training" maps the same digits through the newest run's first snapshot (its starting
weights), when the window has a run of this network: the classes separate as it learns.

The map belongs to the weights it was made with: when they change, the PCA map is redrawn and
a t-SNE map is cleared (a running one cancelled), back to PCA.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.hidden_map import layer_activations, pca_map, tsne_map
from nnviz.core.network import Network
from nnviz.gui import style
from nnviz.gui.i18n import tr
from nnviz.gui.probes.tasks import ProbeTask, digit_pixmap
from nnviz.gui.session import Session
from nnviz.gui.visibility import DeferWhileHidden

__all__ = ["MAP_DIGITS", "MapTab"]

MAP_DIGITS = 2000  # test digits on the map: enough to see the classes, t-SNE in seconds
_REDRAW_MS = 250  # one PCA redraw for a burst of weight changes
_PREVIEW = 84  # px: the hovered digit
_DOT = 5  # px
_LEGEND_ROOM = 0.2  # share of the map's height left free above the dots for the legend
# ten classes, ten colours that stay apart (Tableau 10)
CLASS_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#6b6b6b",
)
METHODS = ("pca", "tsne")
METHOD_NAMES = {
    "pca": QT_TRANSLATE_NOOP("", "PCA (at once)"),
    "tsne": QT_TRANSLATE_NOOP("", "t-SNE (takes seconds)"),
}
METHOD_SHORT = {"pca": "PCA", "tsne": "t-SNE"}  # the methods' names, the same in every language
WEIGHTS = ("now", "before")
WEIGHT_NAMES = {
    "now": QT_TRANSLATE_NOOP("", "the network on screen"),
    "before": QT_TRANSLATE_NOOP("", "before training (the run's first weights)"),
}


class _MapPlot(pg.PlotWidget):
    """The dots; reports the digit under the mouse and the one clicked (their row)."""

    hovered = Signal(int)  # row, -1 when none
    clicked = Signal(int)

    def __init__(self) -> None:
        super().__init__(background=style.BACKGROUND)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.setAspectLocked(False)
        self.getPlotItem().hideAxis("left")
        self.getPlotItem().hideAxis("bottom")
        self.legend = self.addLegend(
            offset=(4, 2), labelTextColor=style.TEXT, brush=(255, 255, 255, 200), colCount=5
        )
        self.items: list[pg.ScatterPlotItem] = []
        self.points = np.zeros((0, 2))
        self.rows_of: list[np.ndarray] = []  # for each class item, the rows of its dots

    def show_points(self, points: np.ndarray, labels: np.ndarray, names: tuple[str, ...]) -> None:
        self.legend.clear()
        for item in self.items:
            self.removeItem(item)
        self.items, self.rows_of = [], []
        self.points = points
        for k, name in enumerate(names):
            rows = np.flatnonzero(labels == k)
            colour = CLASS_COLOURS[k % len(CLASS_COLOURS)]
            item = pg.ScatterPlotItem(
                points[rows, 0],
                points[rows, 1],
                size=_DOT,
                pen=None,
                brush=pg.mkBrush(colour),
                data=rows,
                hoverable=True,
                hoverSize=_DOT * 2,
                hoverPen=pg.mkPen(style.TEXT, width=1.5),
                tip=None,  # the digit itself is shown under the map, not raw coordinates
                name=name,
            )
            item.sigHovered.connect(self._on_hovered)
            item.sigClicked.connect(self._on_clicked)
            self.addItem(item)  # named: the legend lists it
            self.items.append(item)
            self.rows_of.append(rows)
        if len(points):
            (x0, y0), (x1, y1) = points.min(axis=0), points.max(axis=0)
            pad_x, pad_y = 0.04 * (x1 - x0 or 1), 0.04 * (y1 - y0 or 1)
            top = _LEGEND_ROOM * (y1 - y0 or 1)  # the legend's two rows sit above the dots
            self.setRange(xRange=(x0 - pad_x, x1 + pad_x), yRange=(y0 - pad_y, y1 + top), padding=0)

    def clear_points(self) -> None:
        self.show_points(np.zeros((0, 2)), np.zeros(0, dtype=np.intp), ())

    def _on_hovered(self, _item, points, _event) -> None:
        self.hovered.emit(int(points[0].data()) if len(points) else -1)

    def _on_clicked(self, _item, points, _event) -> None:
        if len(points):
            self.clicked.emit(int(points[0].data()))


class MapTab(QWidget):
    """The 2-D map of a hidden layer's activations, PCA or t-SNE, now or before training."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.task = ProbeTask(self)
        self._lazy = DeferWhileHidden(self)
        #: what the map shows: points (n, 2), row i being test digit indices[i], and how
        self.points: np.ndarray = np.zeros((0, 2))
        self.indices: np.ndarray = np.zeros(0, dtype=np.intp)
        self.shown: tuple[str, int, str] | None = None  # (method, layer, weights) drawn
        self.hovered_index: int | None = None  # the test digit under the mouse

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        row = QHBoxLayout()
        self.layer_box = QComboBox()
        self.layer_box.currentIndexChanged.connect(self._on_choice_changed)
        self.method_box = QComboBox()
        for name in METHODS:
            self.method_box.addItem("", name)
        self.method_box.currentIndexChanged.connect(self._on_choice_changed)
        row.addWidget(self.layer_box, 1)
        row.addWidget(self.method_box, 1)
        layout.addLayout(row)
        row2 = QHBoxLayout()
        self.weights_label = QLabel()
        self.weights_box = QComboBox()
        for name in WEIGHTS:
            self.weights_box.addItem("", name)
        self.weights_box.currentIndexChanged.connect(self._on_choice_changed)
        row2.addWidget(self.weights_label)
        row2.addWidget(self.weights_box, 1)
        layout.addLayout(row2)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self._on_cancel)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()
        layout.addLayout(progress_row)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.plot = _MapPlot()
        self.plot.setMinimumHeight(260)
        self.plot.hovered.connect(self._on_hovered)
        self.plot.clicked.connect(self._on_clicked)
        layout.addWidget(self.plot, 1)
        preview_row = QHBoxLayout()
        self.preview = QLabel()
        self.preview.setFixedSize(_PREVIEW, _PREVIEW)
        self.preview_text = QLabel()
        self.preview_text.setWordWrap(True)
        self.preview_text.setStyleSheet(f"color: {style.MUTED};")
        preview_row.addWidget(self.preview)
        preview_row.addWidget(self.preview_text, 1)
        layout.addLayout(preview_row)

        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(_REDRAW_MS)
        self._redraw.timeout.connect(self.refresh)
        self.task.progressed.connect(self._on_progress)
        self.task.finished.connect(self._on_finished)
        self.task.cancelled.connect(self._on_cancelled)
        self.task.failed.connect(self._on_failed)
        self.task.idle.connect(self._on_idle)
        session.evaluation_changed.connect(self._on_network_changed)
        session.run_added.connect(lambda _record: self._fill_weights())
        session.runs_removed.connect(lambda _records: self._fill_weights())
        self._fill_layers()
        self._fill_weights()
        self._lazy.when_shown(self.refresh)  # nothing computed until the tab is first shown
        self.retranslate_ui()

    # ------------------------------------------------------------------ language
    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "Each dot is a test digit, placed by what a hidden layer computes for it "
                "(its activations, squeezed to two dimensions); the colour is the digit it "
                "really is. Hover a dot to see it, click to send it through the network."
            )
        )
        for i, name in enumerate(METHODS):
            self.method_box.setItemText(i, tr(METHOD_NAMES[name]))
        for i, name in enumerate(WEIGHTS):
            self.weights_box.setItemText(i, tr(WEIGHT_NAMES[name]))
        self.weights_label.setText(self.tr("Weights:"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self.hovered_index is None:
            self.preview_text.setText(self.tr("Hover a dot to see its digit here."))
        else:
            self._show_hovered(self.hovered_index)
        self._fill_layers()
        self._show_status()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------------ choices
    @property
    def layer(self) -> int:
        data = self.layer_box.currentData()
        return int(data) if data is not None else 1

    @property
    def method(self) -> str:
        return str(self.method_box.currentData())

    @property
    def weights(self) -> str:
        return str(self.weights_box.currentData())

    def set_choice(
        self, method: str | None = None, layer: int | None = None, weights: str | None = None
    ) -> None:
        if layer is not None:
            self.layer_box.setCurrentIndex(self.layer_box.findData(layer))
        if weights is not None:
            self.weights_box.setCurrentIndex(WEIGHTS.index(weights))
        if method is not None:
            self.method_box.setCurrentIndex(METHODS.index(method))

    def _fill_layers(self) -> None:
        net = self.session.network
        current = self.layer_box.currentData()
        self.layer_box.blockSignals(True)
        self.layer_box.clear()
        for l in range(1, net.num_layers):
            self.layer_box.addItem(
                self.tr("hidden layer {l} ({n} units)").format(l=l, n=net.sizes[l]), l
            )
        index = self.layer_box.findData(current)
        self.layer_box.setCurrentIndex(index if index >= 0 else self.layer_box.count() - 1)
        self.layer_box.blockSignals(False)

    def _first_weights(self) -> Network | None:
        """The newest run's starting weights, when it is a run of the network on screen."""
        if not self.session.can_show_steps():
            return None
        return self.session.run.network_at(0)[0]

    def _fill_weights(self) -> None:
        model = self.weights_box.model()
        has_run = self._first_weights() is not None
        model.item(WEIGHTS.index("before")).setEnabled(has_run)
        if not has_run and self.weights == "before":
            self.weights_box.setCurrentIndex(WEIGHTS.index("now"))

    def _on_choice_changed(self) -> None:
        self.task.cancel()
        self.refresh()

    def _on_cancel(self) -> None:
        self.task.cancel()
        self.set_choice(method="pca")

    def _on_network_changed(self) -> None:
        if self.layer_box.count() != self.session.network.num_layers - 1:
            self._fill_layers()
        self._fill_weights()
        if self.method == "tsne" and (self.task.running or self.shown is not None):
            self.task.cancel()  # a t-SNE map of other weights: back to the PCA map
            self.set_choice(method="pca")
        if not self._redraw.isActive():
            self._redraw.start()

    # ------------------------------------------------------------------ the map
    def _network(self) -> Network | None:
        if self.weights == "before":
            return self._first_weights()
        return self.session.network

    def refresh(self) -> None:
        """Draw the map of the current choices (PCA now; t-SNE started in the thread)."""
        if self._lazy.defer(self.refresh):
            return
        self._redraw.stop()
        ds, net = self.session.dataset, self._network()
        if ds is None or net is None or ds.mismatch(net.sizes) or net.num_layers < 2:
            self._clear()
            self._show_status()
            return
        self.indices = np.arange(min(MAP_DIGITS, len(ds.test)))
        images = ds.test.images[self.indices]
        values = layer_activations(net, images, self.layer)
        choice = (self.method, self.layer, self.weights)
        if self.method == "pca":
            self._show(pca_map(values), choice)
            return
        self._clear()
        values = values.copy()  # the thread's own

        def work(progress, cancel):
            return choice, tsne_map(values, progress=progress, cancel=cancel)

        if self.task.start(work):
            self.progress.setRange(0, 0)
            self.progress.show()
            self.cancel_button.show()
        else:  # the cancelled one is still finishing: start when it is done
            self._redraw.start()
        self._show_status()

    def _show(self, points: np.ndarray, choice: tuple[str, int, str]) -> None:
        self.points = points
        self.shown = choice
        labels = self.session.dataset.test.labels[self.indices]
        self.plot.show_points(points, labels, self.session.class_names())
        self._show_status()

    def _clear(self) -> None:
        self.points = np.zeros((0, 2))
        self.shown = None
        self.plot.clear_points()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_finished(self, result) -> None:
        choice, points = result
        if choice == (self.method, self.layer, self.weights):
            self._show(points, choice)

    def _on_cancelled(self) -> None:
        self._show_status()

    def _on_failed(self, message: str) -> None:
        self.status.setText(self.tr("The map could not be made: {error}").format(error=message))

    def _on_idle(self) -> None:
        if not self.task.running:
            self.progress.hide()
            self.cancel_button.hide()
        self._show_status()

    def _show_status(self) -> None:
        ds = self.session.dataset
        if ds is None or ds.mismatch(self.session.network.sizes):
            self.status.setText(self.tr("No test set that fits this network."))
        elif self.session.network.num_layers < 2:
            self.status.setText(self.tr("This network has no hidden layer."))
        elif self.task.running:
            self.status.setText(
                self.tr(
                    "t-SNE of {n:,} digits: finding each digit's neighbours, then "
                    "arranging them. The window stays usable."
                ).format(n=len(self.indices))
            )
        elif self.shown is not None:
            method, layer, weights = self.shown
            if weights == "before":
                text = self.tr(
                    "{method} map of hidden layer {l}, {n:,} test digits, with the weights "
                    "before training."
                )
            else:
                text = self.tr("{method} map of hidden layer {l}, {n:,} test digits.")
            self.status.setText(
                text.format(method=METHOD_SHORT[method], l=layer, n=len(self.points))
            )
        else:
            self.status.setText("")

    # ------------------------------------------------------------------ hover and click
    def _on_hovered(self, row: int) -> None:
        if row < 0 or row >= len(self.indices):
            return
        self._show_hovered(int(self.indices[row]))

    def _show_hovered(self, index: int) -> None:
        test = self.session.dataset.test
        self.preview.setPixmap(digit_pixmap(test.images[index], _PREVIEW))
        names = self.session.class_names()
        net = self._network()
        said = int(net.predict(test.floats(index)[None])[0]) if net is not None else None
        if said is None:
            text = self.tr("Test digit #{i}: a {t}. Click to send it through the network.")
        else:
            text = self.tr(
                "Test digit #{i}: a {t}; these weights answer {p}. Click to send it through "
                "the network."
            )
        label = names[int(test.labels[index])]
        self.preview_text.setText(
            text.format(i=index, t=label, p=names[said] if said is not None else "")
        )
        self.hovered_index = index

    def _on_clicked(self, row: int) -> None:
        if 0 <= row < len(self.indices):
            self.session.show_test_sample(int(self.indices[row]))
