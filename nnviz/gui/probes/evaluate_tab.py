"""How sure the network on screen is, on the whole test set: accuracy per digit as bars, a
confidence threshold (answer only when at least that sure) with the accuracy on the answered
digits against the share answered, the count of very confident errors, and the mistakes the
network was surest of ("said 7, 99% sure"; click one to follow it through the network).

The Results tab lists every mistake by its place in the test set and by confusion cell; this
tab orders them by how sure the network was. Redone whenever the network, its weights or the
dataset change (``Session.evaluation_changed``), when the tab is on screen.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.probes import CONFIDENT, Confidence, confidences
from nnviz.gui import style
from nnviz.gui.probes.tasks import digit_pixmap, float_test_images
from nnviz.gui.session import Session
from nnviz.gui.visibility import DeferWhileHidden

__all__ = ["EvaluateTab", "SUREST_SHOWN"]

SUREST_SHOWN = 40  # mistakes listed, the surest first
_REDRAW_MS = 200  # one redraw for a burst of weight changes (live training)
_THUMB = 48  # px
_THRESHOLDS = np.linspace(0.0, 0.999, 120)  # the threshold curve's points
_DEFAULT_THRESHOLD = 90  # % on the slider


def _floored(probability: float) -> float:
    """The probability cut (not rounded) to 0.1 %: 0.99996 reads 99.9 %, never a sure 100 %."""
    return np.floor(float(probability) * 1000) / 1000


def _plot(height: int) -> pg.PlotWidget:
    plot = pg.PlotWidget(background=style.BACKGROUND)
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    plot.setMinimumHeight(height)
    plot.setMaximumHeight(int(height * 1.3))
    for side in ("left", "bottom"):
        plot.getAxis(side).setTextPen(style.CURVES_AXIS)
        plot.getAxis(side).setPen(style.MUTED)
    return plot


class EvaluateTab(QWidget):
    """Per-digit accuracy, the confidence threshold, confident errors, the surest mistakes."""

    #: the learner asked for every mistake by confusion cell (the window raises Results)
    results_wanted = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.confidence: Confidence | None = None  # what the tab shows
        self.surest: np.ndarray = np.zeros(0, dtype=np.intp)  # test indices listed
        self._lazy = DeferWhileHidden(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.title = QLabel()
        self.title.setWordWrap(True)
        layout.addWidget(self.title)

        self.bars_title = QLabel()
        layout.addWidget(self.bars_title)
        self.bars_plot = _plot(150)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7)
        self.bars_plot.addItem(self.bars)
        self.bars_plot.setYRange(0, 1.18, padding=0)  # room for the numbers above the bars
        self.bar_texts: list[pg.TextItem] = []
        layout.addWidget(self.bars_plot)

        self.threshold_title = QLabel()
        self.threshold_title.setWordWrap(True)
        layout.addWidget(self.threshold_title)
        row = QHBoxLayout()
        self.threshold_slider = QSlider(Qt.Orientation.Horizontal)
        self.threshold_slider.setRange(0, 99)
        self.threshold_slider.setValue(_DEFAULT_THRESHOLD)
        self.threshold_slider.valueChanged.connect(self._show_threshold)
        self.threshold_value = QLabel()
        self.threshold_value.setMinimumWidth(40)
        row.addWidget(self.threshold_slider, 1)
        row.addWidget(self.threshold_value)
        layout.addLayout(row)
        self.threshold_label = QLabel()
        self.threshold_label.setWordWrap(True)
        layout.addWidget(self.threshold_label)
        self.curve_plot = _plot(150)
        self.curve = self.curve_plot.plot(pen=pg.mkPen(style.CURVES_TEST, width=2))
        self.marker = pg.ScatterPlotItem(
            size=10, brush=pg.mkBrush(style.HIGHLIGHT), pen=pg.mkPen(style.TEXT)
        )
        self.curve_plot.addItem(self.marker)
        self.curve_plot.setXRange(0, 1, padding=0.02)
        layout.addWidget(self.curve_plot)

        self.confident_label = QLabel()
        self.confident_label.setWordWrap(True)
        layout.addWidget(self.confident_label)
        self.mistakes_label = QLabel()
        self.mistakes_label.setWordWrap(True)
        layout.addWidget(self.mistakes_label)
        self.mistakes = QListWidget()
        self.mistakes.setViewMode(QListView.ViewMode.IconMode)
        self.mistakes.setIconSize(QSize(_THUMB, _THUMB))
        self.mistakes.setResizeMode(QListView.ResizeMode.Adjust)
        self.mistakes.setMovement(QListView.Movement.Static)
        self.mistakes.setUniformItemSizes(True)
        self.mistakes.setGridSize(QSize(_THUMB + 40, _THUMB + 54))
        self.mistakes.setWordWrap(True)
        self.mistakes.setMinimumHeight(2 * (_THUMB + 40))
        self.mistakes.itemClicked.connect(self._on_item_clicked)
        self.mistakes.itemActivated.connect(self._on_item_clicked)
        layout.addWidget(self.mistakes, 1)
        self.results_link = QLabel()
        self.results_link.setWordWrap(True)
        self.results_link.linkActivated.connect(lambda _link: self.results_wanted.emit())
        layout.addWidget(self.results_link)

        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(_REDRAW_MS)
        self._redraw.timeout.connect(self.refresh)
        session.evaluation_changed.connect(self._on_evaluation_changed)
        self._lazy.when_shown(self.refresh)  # nothing computed until the tab is first shown
        self.retranslate_ui()

    # ------------------------------------------------------------------ language
    def retranslate_ui(self) -> None:
        self.bars_title.setText(self.tr("<b>Accuracy per digit</b> (share of each digit right)"))
        self.threshold_title.setText(
            self.tr(
                "<b>Answer only when sure.</b> The network answers only when the probability "
                "of its answer is at least the threshold:"
            )
        )
        self.curve_plot.setLabel("bottom", self.tr("share of digits answered"))
        self.curve_plot.setLabel("left", self.tr("accuracy on those"))
        self.bars_plot.setLabel("bottom", self.tr("digit"))
        self.results_link.setText(
            self.tr(
                "Every mistake, by the digit it is and the answer it got: "
                "<a href='results'>the Results tab</a>."
            )
        )
        if self.confidence is not None:
            self.refresh()
        else:
            self._show_empty()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------------ updates
    def _on_evaluation_changed(self) -> None:
        if not self._redraw.isActive():
            self._redraw.start()

    def refresh(self) -> None:
        """Score the network on screen again and show it (when the tab is on screen)."""
        if self._lazy.defer(self.refresh):
            return
        self._redraw.stop()
        session, ds = self.session, self.session.dataset
        net = session.network
        if ds is None or ds.mismatch(net.sizes):
            self.confidence = None
            self._show_empty()
            return
        self.confidence = confidences(net, float_test_images(ds), ds.test.labels)
        self._draw()

    def _show_empty(self) -> None:
        self.title.setText(self.tr("No test set that fits this network: nothing to evaluate."))
        self.bars.setOpts(x=[], height=[])
        for t in self.bar_texts:
            t.setText("")
        self.curve.setData([], [])
        self.marker.setData([], [])
        self.threshold_label.setText("")
        self.confident_label.setText("")
        self.mistakes_label.setText("")
        self.mistakes.clear()
        self.surest = np.zeros(0, dtype=np.intp)
        self.threshold_value.setText(f"{self.threshold_slider.value()}%")

    def _draw(self) -> None:
        c = self.confidence
        names = self.session.class_names()
        n = len(c.labels)
        self.title.setText(
            self.tr("The network on screen, on the {n:,} test images: {acc:.2%} right.").format(
                n=n, acc=c.accuracy
            )
        )
        per_class = c.per_class_accuracy()
        worst = int(per_class.argmin())
        brushes = [
            pg.mkBrush(style.WRONG if i == worst else style.CORRECT) for i in range(len(per_class))
        ]
        x = np.arange(len(per_class))
        self.bars.setOpts(x=x, height=per_class, brushes=brushes, width=0.7)
        while len(self.bar_texts) < len(per_class):
            t = pg.TextItem("", anchor=(0.5, 1.0), color=style.TEXT)
            font = style.ui_font(-2)
            t.setFont(font)
            self.bars_plot.addItem(t)
            self.bar_texts.append(t)
        for i, (t, value) in enumerate(zip(self.bar_texts, per_class, strict=False)):
            t.setText(f"{value:.0%}" if value < 0.995 else f"{value:.1%}")
            t.setPos(i, value + 0.005)
        short = [(i, name if len(name) <= 3 else str(i)) for i, name in enumerate(names)]
        self.bars_plot.getAxis("bottom").setTicks([short])
        self.bars_plot.setXRange(-0.6, len(per_class) - 0.4, padding=0)

        curve = c.threshold_curve(_THRESHOLDS)
        self.curve.setData(curve[:, 0], curve[:, 1])
        low = min(float(curve[:, 1].min()), c.accuracy)
        self.curve_plot.setYRange(max(0.0, low - 0.01), 1.0, padding=0.02)
        self._show_threshold()

        errors = c.confident_errors()
        self.confident_label.setText(
            self.tr(
                "<b>{n:,}</b> mistakes made with {p:.0%} certainty or more (of {wrong:,} "
                "mistakes): a high probability is not always a right answer."
            ).format(n=errors, p=CONFIDENT, wrong=int((~c.correct).sum()))
        )
        self._fill_mistakes()

    def _show_threshold(self) -> None:
        t = self.threshold_slider.value() / 100
        self.threshold_value.setText(f"{t:.0%}")
        c = self.confidence
        if c is None:
            return
        share, accuracy = c.answered(t)
        self.marker.setData([share], [accuracy])
        self.threshold_label.setText(
            self.tr(
                "At least {t:.0%} sure: it answers {share:.1%} of the digits and gets "
                "{acc:.2%} of those right (all digits: {all:.2%})."
            ).format(t=t, share=share, acc=accuracy, all=c.accuracy)
        )

    def _fill_mistakes(self) -> None:
        c = self.confidence
        self.mistakes.clear()
        names = self.session.class_names()
        order = c.mistakes()
        self.surest = order[:SUREST_SHOWN]
        images = self.session.dataset.test.images
        predictions, sure = c.predictions, c.confidence
        for index in self.surest.tolist():
            p, t = int(predictions[index]), int(c.labels[index])
            item = QListWidgetItem(
                QIcon(digit_pixmap(images[index], _THUMB)),
                self.tr("said {p}\n{c:.1%} sure\nis {t}").format(
                    p=names[p], c=_floored(sure[index]), t=names[t]
                ),
            )
            item.setData(Qt.ItemDataRole.UserRole, index)
            item.setToolTip(
                self.tr(
                    "Test image #{i}: the network said {p} with probability {c:.1%}; it is {t}"
                ).format(i=index, p=names[p], c=float(sure[index]), t=names[t])
            )
            item.setForeground(QColor(style.TEXT))
            self.mistakes.addItem(item)
        if len(order) == 0:
            self.mistakes_label.setText(self.tr("No mistakes on the test set."))
        else:
            self.mistakes_label.setText(
                self.tr(
                    "<b>The mistakes it was surest of</b> ({n} of {total:,}). Click one to "
                    "follow it through the network."
                ).format(n=len(self.surest), total=len(order))
            )

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        self.session.show_test_sample(int(item.data(Qt.ItemDataRole.UserRole)))
