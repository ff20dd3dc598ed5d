"""The words and formulas of the activation explorer: names as the lesson writes them, h(x) and
h'(x) as rich text (as on the slide) with the sliders' values filled in, and one hint each."""

from __future__ import annotations

from PySide6.QtGui import QFont

from nnviz.gui import style
from nnviz.gui.i18n import choice_name, tr

__all__ = [
    "display_name",
    "formula_font",
    "formula_html",
    "hint",
    "number",
    "parameter_label",
]


def formula_font() -> QFont:
    """A serif font a little larger than the interface's, as formulas are set on the slides."""
    font = QFont()
    font.setPointSizeF(font.pointSizeF() + 1)
    font.setFamilies(style.serif_families())
    return font


def display_name(name: str) -> str:
    """The activation's name as the lesson writes it (the training form's too)."""
    return choice_name("activation", name)


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


def _unbroken(text: str) -> str:
    """Rich text that a word-wrapping label never breaks inside (it may break around it)."""
    return f"<span style='white-space:nowrap'>{text}</span>"


def formula_html(name: str, p: dict[str, float]) -> str:
    """h(x) and h'(x) as rich text, as the slide writes them, with the slider values filled in."""
    e = "<i>e</i>"
    x = "<i>x</i>"
    h = "<i>h</i>"
    gt0 = f"{x} &gt; 0"

    def cases_of(then: str, otherwise: str) -> str:  # word order differs between languages
        return tr("{then} if {condition}, else {otherwise}").format(
            then=then, condition=gt0, otherwise=otherwise
        )

    cases = {
        "sigmoid": (
            f"1 / (1 + {e}<sup>−{x}</sup>)",
            f"{h}({x}) (1 − {h}({x}))",
        ),
        "tanh": (
            f"({e}<sup>{x}</sup> − {e}<sup>−{x}</sup>) / ({e}<sup>{x}</sup> + {e}<sup>−{x}</sup>)",
            f"1 − {h}({x})<sup>2</sup>",
        ),
        "relu": (f"max(0, {x})", cases_of("1", "0")),
        "leaky-relu": (
            f"max(α{x}, {x}),&nbsp; α = {number(p['slope'])}",
            cases_of("1", "α"),
        ),
        "elu": (
            cases_of(x, f"α({e}<sup>{x}</sup> − 1)") + f",&nbsp; α = {number(p['alpha'])}",
            cases_of("1", f"α{e}<sup>{x}</sup>"),
        ),
        "maxout": (
            # a narrow panel breaks the line before "= max(...)", never inside either max
            _unbroken(
                f"max(<i>w</i><sub>1</sub>{x} + <i>b</i><sub>1</sub>, "
                f"<i>w</i><sub>2</sub>{x} + <i>b</i><sub>2</sub>)"
            )
            + " "
            + _unbroken(f"= max({_affine(p['w1'], p['b1'])}, {_affine(p['w2'], p['b2'])})"),
            tr("the slope <i>w</i> of the larger piece"),
        ),
        "identity": (x, "1"),
    }
    f, df = cases[name]
    return (
        f"<span style='font-size:13pt'>{h}({x}) = {f}</span><br>"
        f"<span style='color:{style.ACTIVATION_DERIVATIVE}'>{h}′({x}) = {df}</span>"
    )


def _piece(symbol: str, index: int) -> str:
    """w<sub>1</sub> at the size of the formula's h(x) line: Unicode's subscript digits are
    missing from many fonts (they rendered as "w."), and a subscript of the interface's size
    is a few pixels high."""
    return f"<span style='font-size:13pt'><i>{symbol}</i><sub>{index}</sub></span>"


def hint(name: str) -> str:
    """One sentence on what to notice in the plot."""
    hints = {
        "sigmoid": tr("Squashes any input into (0, 1). Far from 0 the curve is flat: h′ ≈ 0."),
        "tanh": tr("Like the sigmoid but centred on 0, output in (−1, 1); it saturates too."),
        "relu": tr("Passes positive inputs unchanged; negative ones give 0 and no gradient."),
        "leaky-relu": tr("A small slope α for x < 0 keeps a gradient where ReLU has none."),
        "elu": tr("Smooth for x < 0, approaching −α; the gradient fades there slowly."),
        "maxout": tr("Keeps the larger of two lines: it can learn ReLU, |x| and more."),
        "identity": tr("No activation: output = input. A stack of linear layers stays linear."),
    }
    return hints.get(name, "")


def parameter_label(name: str) -> str:
    """The label of a parameter's slider (rich text)."""
    labels = {
        "slope": tr("Leaky ReLU slope α"),
        "alpha": tr("ELU α"),
        "w1": _piece("w", 1),
        "b1": _piece("b", 1),
        "w2": _piece("w", 2),
        "b2": _piece("b", 2),
    }
    return labels.get(name, name)
