"""The words and formulas of the activation explorer: names as the lesson writes them, h(x) and
h'(x) as rich text (as on the slide) with the sliders' values filled in, and one hint each."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont

__all__ = [
    "DERIVATIVE_COLOUR",
    "display_name",
    "formula_font",
    "formula_html",
    "hint",
    "number",
    "parameter_label",
]

DERIVATIVE_COLOUR = "#f08c00"  # h'(x) is drawn in this colour; its formula is written in it too


def formula_font() -> QFont:
    """A serif font a little larger than the interface's, as formulas are set on the slides."""
    font = QFont()
    font.setPointSizeF(font.pointSizeF() + 1)
    font.setFamilies(["DejaVu Serif", "Noto Serif", "Times New Roman", "serif"])
    return font


def _tr(text: str) -> str:
    return QCoreApplication.translate("ActivationExplorer", text)


def display_name(name: str) -> str:
    """The activation's name as the lesson writes it."""
    names = {
        "sigmoid": _tr("Sigmoid"),
        "tanh": _tr("tanh"),
        "relu": _tr("ReLU"),
        "leaky-relu": _tr("Leaky ReLU"),
        "elu": _tr("ELU"),
        "maxout": _tr("Maxout"),
        "identity": _tr("Identity"),
    }
    return names.get(name, name)


def number(v: float) -> str:
    text = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("0", "-0") else text.replace("-", "−")


def _affine(w: float, b: float) -> str:
    """w x + b as the slide would write it: 'x', '−0.5x + 1', '2x − 0.3'."""
    slope = {"1": "", "−1": "−", "0": "0·"}.get(number(w), number(w))
    text = f"{slope}<i>x</i>"
    if b:
        text += f" {'−' if b < 0 else '+'} {number(abs(b))}"
    return text


def formula_html(name: str, p: dict[str, float]) -> str:
    """h(x) and h'(x) as rich text, as the slide writes them, with the slider values filled in."""
    e = "<i>e</i>"
    x = "<i>x</i>"
    h = "<i>h</i>"
    where = _tr("if")
    cases = {
        "sigmoid": (
            f"1 / (1 + {e}<sup>−{x}</sup>)",
            f"{h}({x}) (1 − {h}({x}))",
        ),
        "tanh": (
            f"({e}<sup>{x}</sup> − {e}<sup>−{x}</sup>) / ({e}<sup>{x}</sup> + {e}<sup>−{x}</sup>)",
            f"1 − {h}({x})<sup>2</sup>",
        ),
        "relu": (f"max(0, {x})", f"1 {where} {x} &gt; 0, {_tr('else')} 0"),
        "leaky-relu": (
            f"max(α{x}, {x}),&nbsp; α = {number(p['slope'])}",
            f"1 {where} {x} &gt; 0, {_tr('else')} α",
        ),
        "elu": (
            f"{x} {where} {x} &gt; 0, {_tr('else')} α({e}<sup>{x}</sup> − 1),&nbsp; "
            f"α = {number(p['alpha'])}",
            f"1 {where} {x} &gt; 0, {_tr('else')} α{e}<sup>{x}</sup>",
        ),
        "maxout": (
            f"max(<i>w</i><sub>1</sub>{x} + <i>b</i><sub>1</sub>, "
            f"<i>w</i><sub>2</sub>{x} + <i>b</i><sub>2</sub>)&nbsp; = "
            f"max({_affine(p['w1'], p['b1'])}, {_affine(p['w2'], p['b2'])})",
            _tr("the slope <i>w</i> of the larger piece"),
        ),
        "identity": (x, "1"),
    }
    f, df = cases[name]
    return (
        f"<span style='font-size:13pt'>{h}({x}) = {f}</span><br>"
        f"<span style='color:{DERIVATIVE_COLOUR}'>{h}′({x}) = {df}</span>"
    )


def hint(name: str) -> str:
    """One sentence on what to notice in the plot."""
    hints = {
        "sigmoid": _tr("Squashes any input into (0, 1). Far from 0 the curve is flat: h′ ≈ 0."),
        "tanh": _tr("Like the sigmoid but centred on 0, output in (−1, 1); it saturates too."),
        "relu": _tr("Passes positive inputs unchanged; negative ones give 0 and no gradient."),
        "leaky-relu": _tr("A small slope α for x < 0 keeps a gradient where ReLU has none."),
        "elu": _tr("Smooth for x < 0, approaching −α; the gradient fades there slowly."),
        "maxout": _tr("Keeps the larger of two lines: it can learn ReLU, |x| and more."),
        "identity": _tr("No activation: output = input. A stack of linear layers stays linear."),
    }
    return hints.get(name, "")


def parameter_label(name: str) -> str:
    """The label of a parameter's slider."""
    labels = {
        "slope": _tr("Leaky ReLU slope α"),
        "alpha": _tr("ELU α"),
        "w1": "w₁",
        "b1": "b₁",
        "w2": "w₂",
        "b2": "b₂",
    }
    return labels.get(name, name)
