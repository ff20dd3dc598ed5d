"""The stage header above the graph: the stage's number and name, its formula, one sentence on
what happens (forward: the signal; backward: the gradient, then the update), and the prediction
versus the label; and the texts describing a stage, which the stage buttons of
:mod:`nnviz.gui.graph.forward_controls` show as tooltips and short labels too.

It reads the Session and refreshes itself whenever the stage or the trace changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from nnviz.core.trace import Direction, Kind, Stage
from nnviz.gui import style
from nnviz.gui.i18n import choice_name, tr
from nnviz.gui.session import Session


def stage_formula(session: Session, stage: Stage) -> str:
    """The formula of ``stage`` as shown on screen (rich text), with h named."""
    if stage.kind is Kind.ACTIVATION:
        return tr("{formula},  h = {name}").format(
            formula=stage.formula, name=choice_name("activation", session.network.activation.name)
        )
    # a transpose as a superscript T: the formula fonts have no glyph for "ᵀ"
    return stage.formula.replace("ᵀ", "<sup>T</sup>")


_BUTTON_LABELS = {
    Kind.LOSS: "E",
    Kind.LOSS_GRADIENT: "∂a{l}",
    Kind.DELTA: "∂a{l}",
    Kind.WEIGHT_GRADIENT: "∂W{l}",
    Kind.BIAS_GRADIENT: "∂b{l}",
    Kind.SIGNAL_GRADIENT: "∂z{l}",
    Kind.UPDATE: "ΔW{l}",
}


def stage_button_label(stage: Stage) -> str:
    """A short label for the stage's button: x, a1, ..., y, then E, ∂a3, ∂W3, ∂b3, ∂z2, ΔW1."""
    label = _BUTTON_LABELS.get(stage.kind)
    return stage.name if label is None else label.format(l=stage.layer)


def _backward_explanation(session: Session, stage: Stage) -> str:
    net = session.network
    l, kind = stage.layer, stage.kind
    inputs = "x" if l == 1 else f"z{l - 1}"
    if kind is Kind.LOSS:
        return tr(
            "The loss E says how wrong this answer is, against t, the one-hot label: {f}. "
            "Learning means making E small; the backward pass finds how."
        ).format(f=stage.formula)
    if kind is Kind.LOSS_GRADIENT:
        if session.loss == "mse":
            return tr(
                "How E changes with each output score. With mean squared error the slope of "
                "softmax comes in too: a confidently wrong answer passes back little."
            )
        return tr(
            "How E changes with each output score: for softmax with cross-entropy simply "
            "y - t. The true class is pushed up, every other class down."
        )
    if kind is Kind.WEIGHT_GRADIENT:
        return tr(
            "The slope of each weight of layer {l}: what flows in ({inputs}) times the delta "
            "of the node it feeds. Edges: the largest |dE/dw|."
        ).format(l=l, inputs=inputs)
    if kind is Kind.BIAS_GRADIENT:
        return tr(
            "The slope of each bias of layer {l} is its node's delta: a bias feeds its node with 1."
        ).format(l=l)
    if kind is Kind.SIGNAL_GRADIENT:
        return tr(
            "The gradient flows back along the weights: each node of layer {l} adds up the "
            "deltas of layer {n}, each times the weight between them."
        ).format(l=l, n=l + 1)
    if kind is Kind.DELTA:
        return tr(
            "Back through the activation: each node's gradient is multiplied by the slope "
            "h'(a) of {h}. Where h is flat (saturated), almost nothing passes back."
        ).format(h=net.activation.name)
    return tr(
        "One step of learning: every weight of layer {l} moves against its slope, by the "
        "learning rate η = {lr:g} times dE/dW."
    ).format(l=l, lr=session.lr)


def stage_explanation(session: Session, stage: Stage) -> str:
    """One sentence for a learner: what happens at ``stage``."""
    net = session.network
    L = net.num_layers
    l = stage.layer
    if stage.direction is Direction.BACKWARD:
        return _backward_explanation(session, stage)
    if stage.kind is Kind.INPUT:
        return tr(
            "The input: the {n} pixel values of the image, from 0 (paper) to 1 (ink)."
        ).format(n=net.sizes[0])
    if stage.kind is Kind.AFFINE:
        if l == 1:
            return tr(
                "Each node of layer 1 multiplies all {n} inputs by its weights, adds them up "
                "and adds its bias. Edges: the strongest products w·x."
            ).format(n=net.sizes[0])
        if l == L:
            return tr(
                "Each output node adds up the {n} outputs of layer {p}, each times its weight, "
                "plus its bias: one score per class."
            ).format(n=net.sizes[l - 1], p=l - 1)
        return tr(
            "Each node of layer {l} adds up the {n} outputs of layer {p}, each times its "
            "weight, plus its bias."
        ).format(l=l, n=net.sizes[l - 1], p=l - 1)
    if stage.kind is Kind.ACTIVATION:
        return tr("Each node of layer {l} passes its sum a through the activation: {f}.").format(
            l=l, f=net.activation.formula
        )
    return tr(
        "softmax turns the {n} scores into probabilities that add up to 1: "
        "y_k = exp(a_k) / Σ exp(a_i). The largest is the prediction."
    ).format(n=net.sizes[-1])


class StageHeader(QFrame):
    """Stage number and name, its formula, one sentence, and the prediction versus the label."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("StageHeader")
        self.setStyleSheet(
            f"#StageHeader {{ background: {style.PANEL_BACKGROUND}; "
            f"border-bottom: 1px solid {style.GRID}; }}"
        )
        self.stage_label = QLabel()
        self.stage_label.setFont(style.ui_font(0, bold=False))
        self.stage_label.setStyleSheet(f"color: {style.MUTED}")
        self.formula_label = QLabel()
        self.formula_label.setFont(style.formula_font(6, bold=True))
        self.formula_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation_label = QLabel()
        self.explanation_label.setWordWrap(True)
        self.prediction_label = QLabel()
        self.prediction_label.setFont(style.ui_font(3, bold=True))
        self.prediction_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.sample_label = QLabel()
        self.sample_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.sample_label.setStyleSheet(f"color: {style.MUTED}")
        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(self.stage_label)
        left.addWidget(self.formula_label)
        left.addWidget(self.explanation_label)
        right = QVBoxLayout()
        right.setSpacing(2)
        right.addWidget(self.prediction_label)
        right.addWidget(self.sample_label)
        right.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 14, 8)
        row.addLayout(left, 1)
        row.addSpacing(16)
        row.addLayout(right)
        session.stage_changed.connect(self._on_stage_changed)
        session.trace_changed.connect(self.refresh)
        # what changes the stages or their texts (new weights, several a second while
        # training, change neither)
        for changed in (
            session.network_changed,
            session.sample_changed,  # a drawing has no backward stages
            session.learning_changed,
            session.dataset_changed,
        ):
            changed.connect(self._keep_height)
        self.refresh()
        self._keep_height()

    def _on_stage_changed(self, _stage: int) -> None:
        self.refresh()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.refresh()  # every text here is recomputed from the session
            self._keep_height()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._keep_height()

    def _keep_height(self) -> None:
        """One height for every stage of the trace: the explanation gets the room of the longest
        at this width, the prediction the room of its widest text. A header that grew and shrank
        from stage to stage would resize the graph under it at each step (a new layout and a
        full repaint, 30-60 ms)."""
        s = self.session
        fm = QFontMetrics(self.prediction_label.font())
        widest = max(
            fm.horizontalAdvance(text)
            for text in (
                tr("Prediction: when the signal reaches y"),
                tr("Prediction: {pred} ({p:.1f} %)  {mark}").format(
                    pred=max(s.class_names(), key=len), p=100.0, mark=tr("✗ wrong")
                ),
                tr("Prediction: {pred} ({p:.1f} %)  {mark}").format(
                    pred=max(s.class_names(), key=len), p=100.0, mark=tr("✓ right")
                ),
            )
        )
        self.prediction_label.setMinimumWidth(widest)
        label = self.explanation_label
        width = label.width()
        if width <= 1:
            return  # not laid out yet: done again at the first resize
        fm = QFontMetrics(label.font())
        box = QRect(0, 0, width, 100_000)
        flags = int(Qt.TextFlag.TextWordWrap)
        tallest = max(
            fm.boundingRect(box, flags, stage_explanation(s, stage)).height()
            for stage in s.trace.stages
        )
        if label.minimumHeight() != tallest:
            label.setMinimumHeight(tallest)

    def refresh(self) -> None:
        s = self.session
        stage = s.stage
        part = s.trace.of(stage.direction)
        i = s.stage_index - s.trace.index(part[0].kind, part[0].layer)
        text = (
            tr("Stage {i} of {n}: {name}")
            if stage.direction is Direction.FORWARD
            else tr("Backward, stage {i} of {n}: {name}")
        )
        self.stage_label.setText(text.format(i=i + 1, n=len(part), name=stage.name))
        self.formula_label.setText(stage_formula(s, stage))
        self.explanation_label.setText(stage_explanation(s, stage))
        names = s.class_names()
        best = s.prediction
        p = float(s.trace.values(Kind.OUTPUT)[best])
        pred = names[best] if best < len(names) else str(best)
        reached = s.stage_index >= s.trace.index(Kind.OUTPUT)  # the answer exists from y on
        if s.label is None:
            colour, mark = style.TEXT, ""
            truth = tr("no true label (drawn input)")
        else:
            right = best == s.label
            colour = style.CORRECT if right else style.WRONG
            mark = tr("✓ right") if right else tr("✗ wrong")
            true_name = names[s.label] if s.label < len(names) else str(s.label)
            truth = tr("true label: {name}").format(name=true_name)
        if reached:
            self.prediction_label.setText(
                tr("Prediction: {pred} ({p:.1f} %)  {mark}").format(pred=pred, p=100 * p, mark=mark)
            )
        else:
            colour = style.MUTED
            self.prediction_label.setText(tr("Prediction: when the signal reaches y"))
        self.prediction_label.setStyleSheet(f"color: {colour}")
        if s.sample_index is not None:
            where = tr("test sample #{i}").format(i=s.sample_index)
        elif s.train_index is not None:
            where = tr("training sample #{i}").format(i=s.train_index)
        else:
            where = tr("drawn input")
        self.sample_label.setText(f"{where} · {truth}")
