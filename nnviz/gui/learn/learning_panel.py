"""How it learns: the loss of the digit on screen and one step of learning, with real numbers.

- the loss (cross-entropy or mean squared error) and the learning rate of the backward stages
  (the Session's ``set_learning``), and E for this digit;
- one step of learning on this digit (every W and b moves against its slope), with E and the
  true class's probability before and after, and Undo;
- the loss as a function of one weight (one of the weights with the largest |dE/dw| for this
  digit): the curve E(w) with every other weight fixed, the tangent at the current value with
  the slope from backpropagation, and the slope from central differences beside it;
- the two losses compared: how much gradient each passes back for this digit;
- every slope checked by central differences against backpropagation (the book's chapter 4
  against chapter 5), in a worker thread with progress and Cancel.

Every number comes from the core (``nnviz.core.learning``); the panel reads the Session and calls
its setters.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.learning import (
    compare_losses,
    largest_weight_gradients,
    learning_step,
    loss_along_weight,
    loss_surface,
)
from nnviz.core.losses import loss_names
from nnviz.core.trace import Kind
from nnviz.gui import style
from nnviz.gui.i18n import choice_name
from nnviz.gui.learn.gradient_check import GradientCheck
from nnviz.gui.session import Session
from nnviz.gui.visibility import DeferWhileHidden

__all__ = ["LearningPanel"]

WEIGHT_CHOICES = 12  # weights offered for the loss slice: the largest |dE/dw| for this digit
_SLICE_POINTS = 61
_LR_RANGE = (1e-4, 100.0)
_SURFACE_POINTS = 41  # a 41 x 41 grid of E: one batched pass, ~7 ms
_PATH_STEPS = 30  # gradient-descent steps drawn on the map


def _path_lr(lr: float) -> float:
    """The path's learning rate: the Session's one-digit rate takes tiny steps on a slice of
    two weights; 100 times it makes the path visible (the steps stay the slope's direction)."""
    return 100.0 * lr


_SIDE_BY_SIDE_WIDTH = 720  # px: the three groups side by side from this width on, else stacked


class LearningPanel(QWidget):
    """Loss and learning rate, one step of learning with undo, E(w) for one weight, CE vs MSE."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._lazy = DeferWhileHidden(self)
        self.gradient_check = GradientCheck(self)
        self.gradient_check.progressed.connect(self._on_check_progress)
        self.gradient_check.finished.connect(self._on_check_finished)
        self.gradient_check.cancelled.connect(self._on_check_cancelled)
        self.gradient_check.failed.connect(self._on_check_failed)
        self._undo: list[dict[str, np.ndarray]] = []  # parameters before each step taken here
        self._weights: list[tuple[str, tuple[int, int], float]] = []
        self.last_step = None  # the LearningStep taken last (shown until the digit changes)
        self.slice = None  # the WeightSlice drawn
        self._build()
        session.trace_changed.connect(self._refresh)
        session.network_changed.connect(self._on_network_changed)
        session.learning_changed.connect(self._show_learning)
        session.sample_changed.connect(self._on_sample_changed)
        self._show_learning()
        self._refresh()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 4, 6, 4)
        outer.setSpacing(4)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        outer.addWidget(self.intro)
        # three groups side by side in a wide panel (under the graph), stacked in a tall one
        self._groups = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._groups.setSpacing(8)
        outer.addLayout(self._groups, 1)

        self.step_group = QGroupBox()
        step_box = QVBoxLayout(self.step_group)
        settings = QGridLayout()
        self.loss_name = QLabel()
        self.loss_box = QComboBox()
        for name in loss_names():
            self.loss_box.addItem(name, name)
        self.loss_box.currentIndexChanged.connect(self._on_loss_chosen)
        self.lr_name = QLabel()
        self.lr_box = QDoubleSpinBox()
        self.lr_box.setDecimals(4)
        self.lr_box.setRange(*_LR_RANGE)
        self.lr_box.setSingleStep(0.1)
        self.lr_box.valueChanged.connect(self._on_lr_chosen)
        settings.addWidget(self.loss_name, 0, 0)
        settings.addWidget(self.loss_box, 0, 1)
        settings.addWidget(self.lr_name, 1, 0)
        settings.addWidget(self.lr_box, 1, 1)
        step_box.addLayout(settings)
        self.digit_label = QLabel()
        self.digit_label.setWordWrap(True)
        step_box.addWidget(self.digit_label)
        row = QHBoxLayout()
        self.step_button = QPushButton()
        self.step_button.clicked.connect(self.take_step)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo)
        row.addWidget(self.step_button)
        row.addWidget(self.undo_button)
        row.addStretch(1)
        step_box.addLayout(row)
        self.step_label = QLabel()
        self.step_label.setWordWrap(True)
        self.step_label.setTextFormat(Qt.TextFormat.RichText)
        step_box.addWidget(self.step_label)
        step_box.addStretch(1)
        self._groups.addWidget(self.step_group, 3)

        self.slice_group = QGroupBox()
        slice_box = QVBoxLayout(self.slice_group)
        self.weight_box = QComboBox()
        self.weight_box.currentIndexChanged.connect(self._on_weight_chosen)
        slice_box.addWidget(self.weight_box)
        self.plot = pg.PlotWidget(background=style.BACKGROUND)
        self.plot.setMinimumHeight(90)
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        self.curve = self.plot.plot(pen=pg.mkPen(style.LEARN_CURVE, width=2))
        self.tangent = self.plot.plot(pen=pg.mkPen(style.LEARN_TANGENT, width=1.5))
        self.point = pg.ScatterPlotItem(size=9, brush=pg.mkBrush(style.LEARN_TANGENT))
        self.plot.addItem(self.point)
        slice_box.addWidget(self.plot, 1)
        # the second mode: E over two weights as a map with contour lines, and descent's path
        self.second_row = QHBoxLayout()
        self.two_weights = QCheckBox()
        self.two_weights.toggled.connect(self._on_two_weights)
        self.second_box = QComboBox()
        self.second_box.currentIndexChanged.connect(self._on_weight_chosen)
        self.second_box.hide()
        self.second_row.addWidget(self.two_weights)
        self.second_row.addWidget(self.second_box, 1)
        slice_box.insertLayout(1, self.second_row)
        self.surface_plot = pg.PlotWidget(background=style.BACKGROUND)
        self.surface_plot.setMinimumHeight(90)
        self.surface_plot.setMenuEnabled(False)
        self.surface_plot.setMouseEnabled(False, False)
        self.surface_plot.hideButtons()
        self.surface = pg.ImageItem()
        self.surface.setColorMap(pg.colormap.get("viridis"))
        self.surface_plot.addItem(self.surface)
        self.contours = [
            pg.IsocurveItem(pen=pg.mkPen(style.LEARN_CONTOUR, width=1)) for _ in range(6)
        ]
        for contour in self.contours:
            contour.setParentItem(self.surface)
        self.path = self.surface_plot.plot(
            pen=pg.mkPen(style.LEARN_TANGENT, width=2),
            symbol="o",
            symbolSize=4,
            symbolBrush=style.LEARN_TANGENT,
            symbolPen=None,
        )
        self.surface_plot.hide()
        slice_box.insertWidget(3, self.surface_plot, 1)
        self.surface_data = None  # the LossSurface drawn
        self.slope_label = QLabel()
        self.slope_label.setWordWrap(True)
        self.slope_label.setTextFormat(Qt.TextFormat.RichText)
        slice_box.addWidget(self.slope_label)
        self._groups.addWidget(self.slice_group, 4)

        self.compare_group = QGroupBox()
        compare_box = QVBoxLayout(self.compare_group)
        self.compare_label = QLabel()
        self.compare_label.setWordWrap(True)
        self.compare_label.setTextFormat(Qt.TextFormat.RichText)
        compare_box.addWidget(self.compare_label)
        check_row = QHBoxLayout()
        self.check_button = QPushButton()
        self.check_button.clicked.connect(self.check_gradients)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.gradient_check.cancel)
        self.cancel_button.hide()
        check_row.addWidget(self.check_button)
        check_row.addWidget(self.cancel_button)
        check_row.addStretch(1)
        compare_box.addLayout(check_row)
        self.check_progress = QProgressBar()
        self.check_progress.setMaximumHeight(10)
        self.check_progress.setTextVisible(False)
        self.check_progress.hide()
        compare_box.addWidget(self.check_progress)
        self.check_label = QLabel()
        self.check_label.setWordWrap(True)
        compare_box.addWidget(self.check_label)
        compare_box.addStretch(1)
        self._groups.addWidget(self.compare_group, 3)
        self.retranslate_ui()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        wide = event.size().width() >= _SIDE_BY_SIDE_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._groups.direction() != direction:
            self._groups.setDirection(direction)
        super().resizeEvent(event)

    def retranslate_ui(self) -> None:
        for index in range(self.loss_box.count()):  # 교차 엔트로피 in Korean
            self.loss_box.setItemText(index, choice_name("loss", self.loss_box.itemData(index)))
        self.intro.setText(
            self.tr(
                "Learning is finding the weights that make the loss E small: the slope dE/dw "
                "says which way each weight should move."
            )
        )
        self.loss_name.setText(self.tr("Loss"))
        self.lr_name.setText(self.tr("Learning rate η"))
        self.step_group.setTitle(self.tr("One step of learning on this digit"))
        self.step_button.setText(self.tr("Take one step"))
        self.step_button.setToolTip(
            self.tr("Move every weight and bias against its slope: W ← W - η · dE/dW")
        )
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Put back the weights from before the last step"))
        self.slice_group.setTitle(self.tr("The loss as a function of one weight"))
        self.weight_box.setToolTip(
            self.tr("The weights whose slope dE/dw is largest for this digit")
        )
        self.two_weights.setText(self.tr("and a second weight:"))
        self.two_weights.setToolTip(
            self.tr("E over two weights as a map, and the path gradient descent takes on it")
        )
        self.compare_group.setTitle(self.tr("Cross-entropy or mean squared error?"))
        self.check_button.setText(self.tr("Check every slope numerically"))
        self.check_button.setToolTip(
            self.tr(
                "Compute dE/dw of every weight and bias by central differences (the book's "
                "chapter 4) and compare with backpropagation (chapter 5)"
            )
        )
        self.cancel_button.setText(self.tr("Cancel"))
        self.plot.setLabel("bottom", self.tr("the weight's value"))
        self.plot.setLabel("left", "E")
        self._refresh()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------------ session
    def _show_learning(self) -> None:
        """The Session's loss and learning rate in the fields (a run or a model sets them)."""
        self.loss_box.blockSignals(True)
        self.lr_box.blockSignals(True)
        self.loss_box.setCurrentIndex(self.loss_box.findData(self.session.loss))
        self.lr_box.setValue(self.session.lr)
        self.loss_box.blockSignals(False)
        self.lr_box.blockSignals(False)

    def _on_loss_chosen(self, index: int) -> None:
        self.session.set_learning(loss=self.loss_box.itemData(index))

    def _on_lr_chosen(self, value: float) -> None:
        self.session.set_learning(lr=value)

    def _on_weight_chosen(self, _index: int) -> None:
        self._draw_slice()

    def _on_two_weights(self, on: bool) -> None:
        self.second_box.setVisible(on)
        self.plot.setVisible(not on)
        self.surface_plot.setVisible(on)
        self._draw_slice()

    def _on_network_changed(self) -> None:
        self._undo.clear()  # another network: the steps taken were on the old one
        self.last_step = None

    def _on_sample_changed(self) -> None:
        self.last_step = None

    def _labelled(self) -> bool:
        return self.session.label is not None and self.session.trace.find(Kind.LOSS) is not None

    def _training_live(self) -> bool:
        run = self.session.run
        return run is not None and run.status == "running"

    # ------------------------------------------------------------------ actions
    def take_step(self) -> None:
        """One step of gradient descent on the digit on screen (undoable)."""
        s = self.session
        if not self._labelled() or self._training_live():
            return
        step = learning_step(s.network, s.x, s.label, s.loss, s.lr)
        self._undo.append(step.previous)
        self.last_step = step
        s.set_params(step.params)

    def undo(self) -> None:
        if self._undo and not self._training_live():
            self.last_step = None
            self.session.set_params(self._undo.pop())

    def check_gradients(self) -> None:
        """Every slope by central differences against backpropagation, in a worker thread."""
        s = self.session
        if not self._labelled() or not self.gradient_check.start(s.network, s.x, s.label, s.loss):
            return
        self.check_button.setEnabled(False)
        self.cancel_button.show()
        self.check_progress.setValue(0)
        self.check_progress.show()
        self.check_label.setText(self.tr("Computing every slope by central differences…"))

    def _check_ended(self, text: str) -> None:
        self.check_button.setEnabled(self._labelled())
        self.cancel_button.hide()
        self.check_progress.hide()
        self.check_label.setText(text)

    def _on_check_progress(self, done: int, total: int) -> None:
        self.check_progress.setRange(0, max(total, 1))
        self.check_progress.setValue(done)

    def _on_check_finished(self, result) -> None:
        self._check_ended(
            self.tr(
                "Central differences: {n:,} slopes from {e:,} evaluations of E in {t:.3g} s. "
                "Backpropagation: the same slopes from one backward pass in {b:.2g} ms. Largest "
                "relative difference: {d:.1e}."
            ).format(
                n=result.parameters,
                e=result.evaluations,
                t=result.seconds,
                b=1000 * result.backprop_seconds,
                d=result.max_rel_diff,
            )
        )

    def _on_check_cancelled(self) -> None:
        self._check_ended(self.tr("Cancelled."))

    def _on_check_failed(self, message: str) -> None:
        self._check_ended(self.tr("The check failed: {m}").format(m=message))

    # ------------------------------------------------------------------ drawing
    def _refresh(self) -> None:
        if self._lazy.defer(self._refresh):
            return  # redone when the panel is shown
        s = self.session
        labelled = self._labelled()
        live = self._training_live()
        self.step_button.setEnabled(labelled and not live)
        self.undo_button.setEnabled(bool(self._undo) and not live)
        self.slice_group.setEnabled(labelled)
        self.compare_group.setEnabled(labelled)
        self.check_button.setEnabled(labelled and not self.gradient_check.running)
        if not labelled:
            self.digit_label.setText(
                self.tr(
                    "This digit has no label (a drawing), so there is no loss: pick a test "
                    "digit (N, P, R) to see how the network learns from it."
                )
            )
            for label in (self.step_label, self.slope_label, self.compare_label):
                label.setText("")
            self.curve.setData([], [])
            self.tangent.setData([], [])
            self.point.setData([], [])
            return
        names = s.class_names()
        y = s.trace.values(Kind.OUTPUT)
        self.digit_label.setText(
            self.tr(
                "This digit is a {t}: E = {e:.4f} ({loss}); the network gives the {t} a "
                "probability of {p:.1%}."
            ).format(
                t=names[s.label],
                e=float(s.trace.values(Kind.LOSS)),
                loss=s.loss,
                p=float(y[s.label]),
            )
        )
        self._show_step()
        self._fill_weights()
        self._draw_slice()
        self._show_comparison()

    def _show_step(self) -> None:
        step = self.last_step
        if self._training_live():
            self.step_label.setText(self.tr("Training is running: its steps move the weights."))
            return
        if step is None:
            self.step_label.setText(
                self.tr("Each step moves the weights a little, so that E for this digit falls.")
            )
            return
        t = self.session.label
        self.step_label.setText(
            self.tr(
                "After one step with η = {lr:g}: E {e0:.4f} → <b>{e1:.4f}</b>; the probability "
                "of the true class {p0:.1%} → <b>{p1:.1%}</b>."
            ).format(
                lr=step.lr,
                e0=step.loss_before,
                e1=step.loss_after,
                p0=float(step.probabilities_before[t]),
                p1=float(step.probabilities_after[t]),
            )
        )

    def _fill_weights(self) -> None:
        """The weights with the largest |dE/dw| for this digit (the choice kept if still there)."""
        kept = self.weight_box.currentData()
        self._weights = largest_weight_gradients(self.session.trace, WEIGHT_CHOICES)
        self.weight_box.blockSignals(True)
        self.weight_box.clear()
        for name, (i, j), grad in self._weights:
            self.weight_box.addItem(
                f"{name}[{i}, {j}]   dE/dw = {style.format_number(grad)}", (name, (i, j))
            )
        found = self.weight_box.findData(kept) if kept is not None else -1
        self.weight_box.setCurrentIndex(max(found, 0))
        self.weight_box.blockSignals(False)
        kept = self.second_box.currentData()
        self.second_box.blockSignals(True)
        self.second_box.clear()
        for i in range(self.weight_box.count()):
            self.second_box.addItem(self.weight_box.itemText(i), self.weight_box.itemData(i))
        found = self.second_box.findData(kept) if kept is not None else -1
        self.second_box.setCurrentIndex(
            found if found >= 0 else min(1, self.second_box.count() - 1)
        )
        self.second_box.blockSignals(False)

    def _draw_slice(self) -> None:
        s = self.session
        chosen = self.weight_box.currentData()
        if chosen is None or not self._labelled():
            return
        name, index = chosen
        if self.two_weights.isChecked():
            self._draw_surface(chosen, self.second_box.currentData())
            return
        w = float(s.network.params[name][index])
        span = max(1.0, 2.0 * abs(w))
        cut = loss_along_weight(s.network, s.x, s.label, s.loss, name, index, span, _SLICE_POINTS)
        self.slice = cut
        self.curve.setData(cut.values, cut.losses)
        half = span / 3
        xs = np.array([cut.value - half, cut.value + half])
        self.tangent.setData(xs, cut.loss + cut.slope_backprop * (xs - cut.value))
        self.point.setData([cut.value], [cut.loss])
        low, high = float(np.min(cut.losses)), float(np.max(cut.losses))
        pad = 0.05 * (high - low) + 1e-12
        self.plot.setYRange(low - pad, high + pad, padding=0)
        self.plot.setXRange(float(cut.values[0]), float(cut.values[-1]), padding=0.02)
        gap = abs(cut.slope_backprop - cut.slope_numerical)
        size = max(abs(cut.slope_backprop), abs(cut.slope_numerical), 1e-300)
        self.slope_label.setText(
            self.tr(
                "Slope at w = {w}: backpropagation <b>{b}</b>, central differences "
                "(E(w+h) - E(w-h)) / 2h <b>{n}</b> (relative gap {d:.0e})."
            ).format(
                w=style.format_number(w),
                b=style.format_number(cut.slope_backprop),
                n=style.format_number(cut.slope_numerical),
                d=gap / size,
            )
        )

    def _draw_surface(self, first, second) -> None:
        """E over the two weights (a map with contour lines) and descent's path on it."""
        s = self.session
        if second is None or second == first:
            self.slope_label.setText(self.tr("Choose a second weight, different from the first."))
            return
        spans = tuple(
            max(1.0, 2.0 * abs(float(s.network.params[n][i]))) for n, i in (first, second)
        )
        surface = loss_surface(
            s.network,
            s.x,
            s.label,
            s.loss,
            first,
            second,
            spans,
            _SURFACE_POINTS,
            _PATH_STEPS,
            _path_lr(s.lr),
        )
        self.surface_data = surface
        u, v, e = surface.u, surface.v, surface.losses
        self.surface.setImage(e, autoLevels=True)
        self.surface.setRect(float(u[0]), float(v[0]), float(u[-1] - u[0]), float(v[-1] - v[0]))
        levels = np.linspace(float(e.min()), float(e.max()), len(self.contours) + 2)[1:-1]
        for contour, level in zip(self.contours, levels, strict=True):
            contour.setData(e)
            contour.setLevel(float(level))
        self.path.setData(surface.path[:, 0], surface.path[:, 1])
        self.surface_plot.setXRange(float(u[0]), float(u[-1]), padding=0)
        self.surface_plot.setYRange(float(v[0]), float(v[-1]), padding=0)
        name = lambda n, i: f"{n}[{i[0]}, {i[1]}]"  # noqa: E731
        self.surface_plot.setLabel("bottom", name(*first))
        self.surface_plot.setLabel("left", name(*second))
        self.slope_label.setText(
            self.tr(
                "E over two weights (dark: small). The line: {n} steps of gradient descent "
                "in these two weights with η = {lr:g}, E {e0} → {e1}."
            ).format(
                n=len(surface.path) - 1,
                lr=surface.lr,
                e0=style.format_number(float(surface.path_losses[0])),
                e1=style.format_number(float(surface.path_losses[-1])),
            )
        )

    def _show_comparison(self) -> None:
        s = self.session
        c = compare_losses(s.network, s.x, s.label)
        L = s.network.num_layers
        rows = [
            ("E", c.losses["cross-entropy"], c.losses["mse"]),
            (
                f"|dE/da{L}|",
                c.norm("cross-entropy", Kind.LOSS_GRADIENT, L),
                c.norm("mse", Kind.LOSS_GRADIENT, L),
            ),
        ]
        for l in range(L - 1, 0, -1):
            rows.append(
                (
                    f"|dE/da{l}|",
                    c.norm("cross-entropy", Kind.DELTA, l),
                    c.norm("mse", Kind.DELTA, l),
                )
            )
        cells = "".join(
            f"<tr><td>{name}</td><td align='right'>{style.format_number(ce)}</td>"
            f"<td align='right'>{style.format_number(mse)}</td></tr>"
            for name, ce, mse in rows
        )
        ce_name, mse_name = self.tr("cross-entropy"), self.tr("MSE")
        head = f"<tr><th></th><th>{ce_name}</th><th>{mse_name}</th></tr>"
        ratio = rows[1][1] / max(rows[1][2], 1e-300)
        if c.predicted == c.label:
            verdict = self.tr(
                "Right about this digit: both losses pass back little. Try a digit the network "
                "gets wrong."
            )
        else:
            verdict = self.tr(
                "Wrong about this digit: cross-entropy passes back {r}× the gradient of MSE."
            ).format(r=style.format_number(ratio))
        self.compare_label.setText(f"<table cellspacing='4'>{head}{cells}</table>{verdict}")
