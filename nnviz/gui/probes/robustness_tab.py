"""How the network on screen copes with corrupted digits: choose a corruption (noise, rotation,
thicker or thinner strokes, shift), compute the accuracy on the whole test set at 10 strengths
(in a thread, with progress and Cancel), and see a few digits corrupted at the slider's strength
with the network's answers.

A curve belongs to the weights it was computed with: when the network, its weights or the
dataset change, a curve being computed is cancelled and a finished one is cleared.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.corruptions import CORRUPTIONS, SIDE, corrupt
from nnviz.core.probes import RobustnessCurve, robustness_curve
from nnviz.gui import style
from nnviz.gui.i18n import tr
from nnviz.gui.probes.tasks import ProbeTask, digit_pixmap
from nnviz.gui.session import Session
from nnviz.gui.visibility import DeferWhileHidden

__all__ = ["EXAMPLES", "RobustnessTab"]

EXAMPLES = 8  # corrupted digits shown at the slider's strength
_SLIDER_STEPS = 20
_THUMB = 44  # px
_SEED = 0  # the curve and the examples corrupt the same way

CORRUPTION_NAMES = {  # the core's identifiers as the interface names them
    "noise": QT_TRANSLATE_NOOP("", "Pixel noise"),
    "rotate": QT_TRANSLATE_NOOP("", "Rotation"),
    "thicken": QT_TRANSLATE_NOOP("", "Thicker strokes"),
    "thin": QT_TRANSLATE_NOOP("", "Thinner strokes"),
    "shift": QT_TRANSLATE_NOOP("", "Shift"),
}
UNIT_NAMES = {  # what each corruption's strength counts
    "noise": QT_TRANSLATE_NOOP("", "noise σ (pixel values 0-1)"),
    "rotate": QT_TRANSLATE_NOOP("", "degrees"),
    "thicken": QT_TRANSLATE_NOOP("", "pixels"),
    "thin": QT_TRANSLATE_NOOP("", "pixels"),
    "shift": QT_TRANSLATE_NOOP("", "pixels"),
}


class RobustnessTab(QWidget):
    """The accuracy-against-strength curve of one corruption, and corrupted examples."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.curve_result: RobustnessCurve | None = None  # of the weights on screen, or None
        self.task = ProbeTask(self)
        self._lazy = DeferWhileHidden(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        row = QHBoxLayout()
        self.kind_box = QComboBox()
        for name in CORRUPTIONS:
            self.kind_box.addItem("", name)
        self.kind_box.currentIndexChanged.connect(self._on_kind_changed)
        self.compute_button = QPushButton()
        self.compute_button.clicked.connect(self.compute)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.task.cancel)
        self.cancel_button.setEnabled(False)
        row.addWidget(self.kind_box, 1)
        row.addWidget(self.compute_button)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.plot = pg.PlotWidget(background=style.BACKGROUND)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.setMinimumHeight(180)
        for side in ("left", "bottom"):
            self.plot.getAxis(side).setTextPen(style.CURVES_AXIS)
            self.plot.getAxis(side).setPen(style.MUTED)
        self.plot.setYRange(0, 1, padding=0.03)
        self.plot.setXRange(0, CORRUPTIONS[self.kind].maximum, padding=0.03)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.curve = self.plot.plot(
            pen=pg.mkPen(style.CURVES_TEST, width=2),
            symbol="o",
            symbolSize=6,
            symbolBrush=style.CURVES_TEST,
        )
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen(style.CURVES_CURSOR, width=1))
        self.plot.addItem(self.cursor)
        layout.addWidget(self.plot, 1)

        slider_row = QHBoxLayout()
        self.strength_title = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, _SLIDER_STEPS)
        self.slider.setValue(_SLIDER_STEPS // 2)
        self.slider.valueChanged.connect(self._show_examples)
        self.strength_value = QLabel()
        self.strength_value.setMinimumWidth(56)
        slider_row.addWidget(self.strength_title)
        slider_row.addWidget(self.slider, 1)
        slider_row.addWidget(self.strength_value)
        layout.addLayout(slider_row)
        grid = QGridLayout()
        grid.setSpacing(2)
        self.example_images: list[QLabel] = []
        self.example_captions: list[QLabel] = []
        for i in range(EXAMPLES):
            image, caption = QLabel(), QLabel()
            image.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(image, 2 * (i // 4), i % 4)
            grid.addWidget(caption, 2 * (i // 4) + 1, i % 4)
            self.example_images.append(image)
            self.example_captions.append(caption)
        layout.addLayout(grid)
        #: the network's answers for the examples shown (EXAMPLES,)
        self.example_predictions = np.zeros(0, dtype=np.intp)

        self.task.progressed.connect(self._on_progress)
        self.task.finished.connect(self._on_finished)
        self.task.cancelled.connect(self._on_cancelled)
        self.task.failed.connect(self._on_failed)
        self.task.idle.connect(self._update_buttons)
        session.evaluation_changed.connect(self._on_network_changed)
        self._lazy.when_shown(self._show_examples)  # nothing computed until the tab is first shown
        self.retranslate_ui()

    # ------------------------------------------------------------------ language
    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "Corrupt all the test digits the same way, more and more strongly, and see "
                "how the network's accuracy falls."
            )
        )
        for i, name in enumerate(CORRUPTIONS):
            self.kind_box.setItemText(i, tr(CORRUPTION_NAMES[name]))
        self.compute_button.setText(self.tr("Compute curve"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.strength_title.setText(self.tr("Strength"))
        self.plot.setLabel("left", self.tr("test accuracy"))
        self._label_axis()
        self._show_status()
        self._show_examples()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------------ state
    @property
    def kind(self) -> str:
        return str(self.kind_box.currentData())

    def set_kind(self, name: str) -> None:
        self.kind_box.setCurrentIndex(list(CORRUPTIONS).index(name))

    @property
    def strength(self) -> float:
        """The slider's strength, in the corruption's unit."""
        return CORRUPTIONS[self.kind].maximum * self.slider.value() / _SLIDER_STEPS

    def _label_axis(self) -> None:
        self.plot.setLabel("bottom", self.tr("strength") + f" ({tr(UNIT_NAMES[self.kind])})")

    def _on_kind_changed(self) -> None:
        self.task.cancel()
        self.curve_result = None
        self.curve.setData([], [])
        self.plot.setXRange(0, CORRUPTIONS[self.kind].maximum, padding=0.03)
        self._label_axis()
        self._show_status()
        self._show_examples()

    def _on_network_changed(self) -> None:
        """Other weights: the curve no longer describes them."""
        was_running = self.task.running
        self.task.cancel()
        if self.curve_result is not None or was_running:
            self.curve_result = None
            self.curve.setData([], [])
            self._show_status(changed=True)
        self._show_examples()

    # ------------------------------------------------------------------ the curve
    def _problem(self) -> str | None:
        """Why no curve can be computed for the network and data on screen (None: it can)."""
        ds, net = self.session.dataset, self.session.network
        if ds is None or ds.mismatch(net.sizes):
            return self.tr("No test set that fits this network.")
        if ds.input_size != SIDE * SIDE:
            return self.tr(
                "The corruptions work on 28×28 digits; these images have {n} pixels."
            ).format(n=ds.input_size)
        return None

    def compute(self) -> bool:
        """Start the curve of the chosen corruption for the weights on screen."""
        ds, net = self.session.dataset, self.session.network
        if self.task.running or self._problem() is not None:
            return False
        network, kind = net.copy(), self.kind  # the thread's own copy
        images, labels = ds.test.images, ds.test.labels  # read only, never changed

        def work(progress, cancel):
            return robustness_curve(
                network, images, labels, kind, seed=_SEED, progress=progress, cancel=cancel
            )

        self.curve_result = None
        self.curve.setData([], [])
        self.task.start(work)
        self.progress.setRange(0, 10)
        self.progress.setValue(0)
        self.progress.show()
        self._update_buttons()
        self._show_status()
        return True

    def _update_buttons(self) -> None:
        running = self.task.running
        self.compute_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.kind_box.setEnabled(not running)
        if not running:
            self.progress.hide()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_finished(self, result: RobustnessCurve) -> None:
        self.curve_result = result
        self.curve.setData(result.strengths, result.accuracies)
        self.plot.setXRange(0, CORRUPTIONS[result.kind].maximum, padding=0.03)
        self._show_status()

    def _on_cancelled(self) -> None:
        self._show_status(cancelled=True)

    def _on_failed(self, message: str) -> None:
        self.status.setText(
            self.tr("The curve could not be computed: {error}").format(error=message)
        )

    def _show_status(self, changed: bool = False, cancelled: bool = False) -> None:
        ds = self.session.dataset
        if (problem := self._problem()) is not None:
            self.status.setText(problem)
        elif self.task.running:
            self.status.setText(
                self.tr("Corrupting and scoring the {n:,} test digits at 10 strengths…").format(
                    n=len(ds.test)
                )
            )
        elif self.curve_result is not None:
            acc = self.curve_result.accuracies
            self.status.setText(
                self.tr(
                    "Accuracy {first:.1%} without corruption, {last:.1%} at the strongest."
                ).format(first=float(acc[0]), last=float(acc[-1]))
            )
        elif changed:
            self.status.setText(self.tr("The network changed: press Compute curve for its curve."))
        elif cancelled:
            self.status.setText(self.tr("Cancelled."))
        else:
            self.status.setText(
                self.tr("Press Compute curve: the whole test set at 10 strengths takes seconds.")
            )

    # ------------------------------------------------------------------ the examples
    def _show_examples(self) -> None:
        if self._lazy.defer(self._show_examples):
            return
        strength = self.strength
        unit = CORRUPTIONS[self.kind].unit  # σ, °, px: the same in every language
        self.strength_value.setText(
            f"{strength:.3g}{unit}" if unit == "°" else f"{strength:.3g} {unit}"
        )
        self.cursor.setValue(strength)
        ds, net = self.session.dataset, self.session.network
        if self._problem() is not None:
            self.example_predictions = np.zeros(0, dtype=np.intp)
            for image, caption in zip(self.example_images, self.example_captions, strict=True):
                image.clear()
                caption.clear()
            return
        images = ds.test.images[:EXAMPLES]
        labels = ds.test.labels[:EXAMPLES]
        x = corrupt(images, self.kind, strength, seed=_SEED)
        self.example_predictions = net.predict(x)
        names = self.session.class_names()
        for i, (image, caption) in enumerate(
            zip(self.example_images, self.example_captions, strict=True)
        ):
            image.setPixmap(digit_pixmap(x[i], _THUMB))
            said = int(self.example_predictions[i])
            right = said == int(labels[i])
            caption.setText(self.tr("said {p}").format(p=names[said]))
            colour = style.CORRECT if right else style.WRONG
            caption.setStyleSheet(f"color: {colour};")
