"""The pop-up over a node: its formula with the live numbers of the current sample.

Hidden node: a = Σ w_i x_i + b with the largest terms listed, then z = h(a) with h named.
Output node: its score a_k the same way, then softmax exp(a_k) / Σ exp(a_i) with the numbers.
Layer-1 node: also its 784 incoming weights drawn as a 28 x 28 image.

Once the backward pass has reached the node: the chain rule with the numbers. Output node:
dE/da_k = y_k - t_k. Hidden node: dE/dz = Σ_m dE/da_next,m · w_m (the largest terms listed),
then dE/da = dE/dz × h'(a), and each incoming weight's slope dE/dw_i = input_i × dE/da; a
layer-1 node shows its 784 weight slopes dE/dW1[:, j] as a 28 x 28 image.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from nnviz.core.contributions import term_breakdown, unit_columns
from nnviz.core.learning import delta_breakdown, unit_deltas
from nnviz.core.trace import Kind
from nnviz.gui import style
from nnviz.gui.graph.network_layout import image_side
from nnviz.gui.graph.network_values import column_stage, is_gradient
from nnviz.gui.i18n import tr
from nnviz.gui.session import Session

TOP_TERMS = 5  # terms w_i x_i listed by name
_SATURATED = 0.1  # h'(a) below this: the unit passes back almost nothing (as the explorer shades)
_EXP_SAFE = 80.0  # above this logit, exp() is shown shifted by the largest logit
_WEIGHT_PIXEL = 5  # screen pixels per weight in the 28 x 28 weight picture


fmt = style.format_number


def _input_name(layer: int) -> str:
    return "x" if layer == 1 else f"z{layer - 1}"


def _product_rows(names, firsts, seconds, products, rest_count: int, rest: float) -> list[str]:
    """Table rows "name | first × second | = product", the largest terms of a sum, then the
    rest of the sum in one row."""
    rows = []
    for name, a, b, prod in zip(names, firsts, seconds, products, strict=True):
        colour = style.POSITIVE if prod > 0 else style.NEGATIVE if prod < 0 else style.MUTED
        rows.append(
            f"<tr><td>{name}</td><td align='right'>{fmt(a)} × {fmt(b)}</td>"
            f"<td align='right' style='color:{colour}'>= {style.format_signed(prod)}</td></tr>"
        )
    if rest_count:
        rows.append(
            "<tr><td colspan='2'>"
            + html.escape(tr("+ the other {n} terms").format(n=rest_count))
            + f"</td><td align='right'>{style.format_signed(rest)}</td></tr>"
        )
    return rows


def _terms_rows(session: Session, layer: int, unit: int) -> tuple[list[str], float]:
    b = term_breakdown(session.network, session.trace, layer, unit, top=TOP_TERMS)
    inp = _input_name(layer)
    names = [f"w<sub>{i}</sub>·{inp}<sub>{i}</sub>" for i in b.sources]
    rows = _product_rows(names, b.weights, b.inputs, b.products, b.rest_count, b.rest)
    bias = html.escape(tr("+ bias b"))
    rows.append(
        f"<tr><td colspan='2'>{bias}</td><td align='right'>{style.format_signed(b.bias)}</td></tr>"
    )
    rows.append(
        f"<tr><td colspan='2'><b>= a</b></td><td align='right'><b>{fmt(b.total)}</b></td></tr>"
    )
    return rows, b.total


def gradient_reached(session: Session, layer: int) -> bool:
    """True when the stage shown has brought the gradient back to ``layer``."""
    trace = session.trace
    i = column_stage(trace, session.stage_index, layer)
    return i is not None and is_gradient(trace.stages[i].kind)


def _backward_html(session: Session, layer: int, unit: int) -> str:
    """The chain rule at ``unit`` of ``layer`` with this digit's numbers."""
    net, trace = session.network, session.trace
    L = net.num_layers
    delta = float(unit_deltas(net, trace, trace, layer)[unit])
    if layer == L:
        y = float(trace.values(Kind.OUTPUT)[unit])
        t = int(unit == session.label)
        if session.loss == "cross-entropy":
            body = (
                f"dE/da{L}<sub>{unit}</sub> = y<sub>{unit}</sub> - t<sub>{unit}</sub> = "
                f"{fmt(y)} - {t} = <b>{fmt(delta)}</b>"
            )
        else:
            body = f"dE/da{L}<sub>{unit}</sub> = <b>{fmt(delta)}</b><br>" + html.escape(
                tr("(mean squared error: y - t times the slope of softmax)")
            )
        return f"<p style='font-size:11pt'>{body}</p>"
    b = delta_breakdown(net, trace, trace, layer, unit, top=TOP_TERMS)
    nxt = layer + 1
    names = [f"δ{nxt}<sub>{m}</sub>·w<sub>{m}</sub>" for m in b.targets]
    rows = _product_rows(names, b.deltas, b.weights, b.products, b.rest_count, b.rest)
    rows.append(
        f"<tr><td colspan='2'><b>= dE/dz{layer}<sub>{unit}</sub></b></td>"
        f"<td align='right'><b>{fmt(b.signal)}</b></td></tr>"
    )
    act = net.activation.name
    saturated = (
        "<br><span style='color:{c}'>{t}</span>".format(
            c=style.WRONG,
            t=html.escape(tr("h is flat here (saturated): almost nothing passes back")),
        )
        if abs(b.derivative) < _SATURATED
        else ""
    )
    inp = _input_name(layer)
    return (
        "<p>"
        + html.escape(
            tr("dE/dz: the deltas of layer {n} that reach it, each times its weight").format(n=nxt)
        )
        + "</p><table cellspacing='0' cellpadding='1'>"
        + "".join(rows)
        + "</table>"
        + f"<p style='font-size:11pt'>dE/da{layer}<sub>{unit}</sub> = dE/dz × h'(a) = "
        f"{fmt(b.signal)} × {act}'({fmt(b.preactivation)}) = {fmt(b.signal)} × "
        f"{fmt(b.derivative)} = <b>{fmt(delta)}</b>{saturated}</p>"
        + "<p style='color:{c}'>{t}</p>".format(
            c=style.MUTED,
            t=html.escape(
                tr("each incoming weight's slope: dE/dw_i = {inp}_i × {d}").format(
                    inp=inp, d=fmt(delta)
                )
            ),
        )
    )


def node_info_html(session: Session, layer: int, unit: int) -> str:
    """The pop-up's text for ``unit`` of ``layer`` (1..L) at the current sample."""
    if gradient_reached(session, layer):
        title = (
            tr("Output node {k}").format(k=unit)
            if layer == session.network.num_layers
            else tr("Hidden layer {l}, node {j}").format(l=layer, j=unit)
        )
        return f"<b>{html.escape(title)}</b>" + _backward_html(session, layer, unit)
    net, trace = session.network, session.trace
    L = net.num_layers
    n_in = net.sizes[layer - 1]
    inp = _input_name(layer)
    parts = []
    if layer == L:
        names = session.class_names()
        name = names[unit] if unit < len(names) else str(unit)
        parts.append(
            "<b>"
            + html.escape(tr("Output node {k}: class “{name}”").format(k=unit, name=name))
            + "</b>"
        )
    else:
        parts.append(
            "<b>" + html.escape(tr("Hidden layer {l}, node {j}").format(l=layer, j=unit)) + "</b>"
        )
    parts.append(
        f"<p style='font-size:11pt'>a{layer}<sub>{unit}</sub> = Σ w<sub>i</sub>·{inp}"
        f"<sub>i</sub> + b &nbsp;<span style='color:{style.MUTED}'>"
        + html.escape(tr("({n} terms; the largest:)").format(n=n_in))
        + "</span></p>"
    )
    rows, a = _terms_rows(session, layer, unit)
    parts.append("<table cellspacing='0' cellpadding='1'>" + "".join(rows) + "</table>")
    if layer < L:
        act = net.activation
        z = float(trace.values(Kind.ACTIVATION, layer)[unit])
        if act.pieces > 1:
            win = int(unit_columns(net, trace, layer)[unit]) % act.pieces
            parts.append(
                f"<p style='color:{style.MUTED}'>"
                + html.escape(
                    tr("a is the winning piece ({w} of {k}) of this Maxout unit.").format(
                        w=win + 1, k=act.pieces
                    )
                )
                + "</p>"
            )
        parts.append(
            f"<p style='font-size:11pt'>z{layer}<sub>{unit}</sub> = h(a) = "
            f"{html.escape(act.name)}({fmt(a)}) = <b>{fmt(z)}</b><br>"
            f"<span style='color:{style.MUTED}'>{html.escape(act.formula)}</span></p>"
        )
    else:
        parts.append(_softmax_html(session, unit))
    return "".join(parts)


def _softmax_html(session: Session, unit: int) -> str:
    L = session.network.num_layers
    a = np.asarray(session.trace.values(Kind.AFFINE, L), dtype=np.float64)
    shift = float(a.max()) if a.max() > _EXP_SAFE else 0.0
    e = np.exp(a - shift)
    total = float(e.sum())
    y = float(session.trace.values(Kind.OUTPUT)[unit])
    order = [int(i) for i in np.argsort(-e, kind="stable")[:3]]
    terms = " + ".join(fmt(e[i]) for i in order)
    if len(a) > 3:
        terms += " + " + tr("{n} more").format(n=len(a) - 3)
    shifted = (
        f"<br><span style='color:{style.MUTED}'>"
        + html.escape(
            tr("(every a shifted by max a = {m} so exp stays finite)").format(m=fmt(shift))
        )
        + "</span>"
        if shift
        else ""
    )
    return (
        f"<p style='font-size:11pt'>y<sub>{unit}</sub> = exp(a<sub>{unit}</sub>) / "
        f"Σ exp(a<sub>i</sub>)<br>"
        f"= exp({fmt(a[unit])}) / ({html.escape(terms)})<br>"
        f"= {fmt(e[unit])} / {fmt(total)} = <b>{fmt(y)}</b> "
        f"({100 * y:.1f} %){shifted}</p>"
    )


def incoming_weights_image(session: Session, unit: int) -> np.ndarray | None:
    """W1's column for ``unit`` as a square image, or None when the input is not square."""
    side = image_side(session.network.sizes[0])
    if side is None:
        return None
    column = int(unit_columns(session.network, session.trace, 1)[unit])
    return session.network.params["W1"][:, column].reshape(side, side)


def incoming_gradients_image(session: Session, unit: int) -> np.ndarray | None:
    """dE/dW1's column for ``unit`` as a square image, or None (input not square)."""
    side = image_side(session.network.sizes[0])
    if side is None:
        return None
    column = int(unit_columns(session.network, session.trace, 1)[unit])
    return session.trace.values(Kind.WEIGHT_GRADIENT, 1)[:, column].reshape(side, side)


def weights_pixmap(weights: np.ndarray, pixel: int = _WEIGHT_PIXEL) -> QPixmap:
    """Diverging colours, symmetric around 0 (red +, blue −)."""
    scale = float(np.abs(weights).max()) or 1.0
    t = (np.clip(weights / scale, -1, 1) + 1) / 2
    rgba = style.value_colormap().map(t.ravel(), mode="byte").reshape(*weights.shape, -1)
    rgba = np.ascontiguousarray(rgba[..., :3].astype(np.uint8))
    h, w = weights.shape
    image = QImage(rgba.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    return QPixmap.fromImage(image).scaled(
        w * pixel,
        h * pixel,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.FastTransformation,
    )


class NodeInfoPopup(QFrame):
    """Shown on hover, pinned on click; a click on the pop-up (or Escape) closes a pinned one."""

    def __init__(self, session: Session, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.pinned = False
        self.node: tuple[int, int] | None = None
        self.setObjectName("NodeInfoPopup")
        self.setStyleSheet(
            f"#NodeInfoPopup {{ background: {style.POPUP_BACKGROUND};"
            f" border: 1px solid {style.NODE_OUTLINE};"
            " border-radius: 6px; }"
        )
        self.text_label = QLabel()
        self.text_label.setTextFormat(Qt.TextFormat.RichText)
        self.image_label = QLabel()
        self.image_caption = QLabel()
        self.image_caption.setStyleSheet(f"color: {style.MUTED}")
        self.hint_label = QLabel()
        self.hint_label.setStyleSheet(f"color: {style.MUTED}")
        box = QVBoxLayout(self)
        box.setContentsMargins(10, 8, 10, 8)
        box.setSpacing(4)
        box.addWidget(self.text_label)
        box.addWidget(self.image_label)
        box.addWidget(self.image_caption)
        box.addWidget(self.hint_label)
        self.hide()
        session.trace_changed.connect(self._on_trace_changed)
        session.stage_changed.connect(self._on_trace_changed)  # forward sums or the chain rule
        session.network_changed.connect(self.close_popup)

    def show_node(self, layer: int, unit: int, at: QPoint, pinned: bool = False) -> None:
        if layer < 1:
            return
        if self.pinned and not pinned:
            return
        self.pinned = pinned
        self.node = (layer, unit)
        self._fill()
        self.adjustSize()
        self._place(at)
        self.show()
        self.raise_()

    def hide_unpinned(self) -> None:
        if not self.pinned:
            self.hide()
            self.node = None

    def close_popup(self) -> None:
        self.pinned = False
        self.node = None
        self.hide()

    def text(self) -> str:
        return self.text_label.text()

    def _fill(self) -> None:
        layer, unit = self.node
        self.text_label.setText(node_info_html(self.session, layer, unit))
        backward = layer == 1 and gradient_reached(self.session, layer)
        if backward:
            weights = incoming_gradients_image(self.session, unit)
        else:
            weights = incoming_weights_image(self.session, unit) if layer == 1 else None
        if weights is not None:
            self.image_label.setPixmap(weights_pixmap(weights))
            if backward:
                text = tr(
                    "its {n} weight slopes dE/dW1[:, {j}], laid out like the image\n(red: the "
                    "step lowers that weight, blue: raises it)"
                )
            else:
                text = tr(
                    "its {n} incoming weights W1[:, {j}], laid out\nlike the image (red +, blue −)"
                )
            self.image_caption.setText(text.format(n=weights.size, j=unit))
        self.image_label.setVisible(weights is not None)
        self.image_caption.setVisible(weights is not None)
        self.hint_label.setText(
            tr("pinned: click here or press Esc to close")
            if self.pinned
            else tr("click the node to pin")
        )

    def _place(self, at: QPoint) -> None:
        parent = self.parentWidget()
        x, y = at.x() + 18, at.y() - self.height() // 3
        if x + self.width() > parent.width() - 4:
            x = at.x() - 18 - self.width()
        x = max(4, x)
        y = max(4, min(y, parent.height() - self.height() - 4))
        self.move(x, y)

    def _on_trace_changed(self) -> None:
        if self.isVisible() and self.node is not None:
            layer, unit = self.node
            if layer <= self.session.network.num_layers:
                self._fill()
                self.adjustSize()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self._on_trace_changed()  # refill an open pop-up in the new language
        super().changeEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt)
        self.close_popup()
        event.accept()
