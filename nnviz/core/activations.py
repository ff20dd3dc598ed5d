"""Activation functions h(a), each carrying its own derivative, and a stable softmax.

Every elementwise activation maps an array ``a`` of any shape to ``z = h(a)`` of the same shape.
Maxout is the exception: a layer with ``n`` units holds ``k`` affine pieces per unit, so its
pre-activation has shape ``(..., n * k)`` (unit-major: the pieces of unit ``j`` are the columns
``j*k .. j*k + k - 1``) and ``z`` has shape ``(..., n)``.

Leaky ReLU, ELU and Maxout each take one parameter, described once by an :class:`ActivationParam`
on the class (its ``param``); :data:`ACTIVATION_PARAMS` collects them for ``TrainingConfig``,
the command line's flags, the training form and the explorer's sliders.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from nnviz.core.errors import ConfigError

__all__ = [
    "ACTIVATIONS",
    "ACTIVATION_PARAMS",
    "Activation",
    "ActivationParam",
    "Elu",
    "Identity",
    "LeakyRelu",
    "Maxout",
    "Relu",
    "Sigmoid",
    "Tanh",
    "activation_names",
    "get_activation",
    "softmax",
]


def _is_real(value: object) -> bool:
    """A real number (not text, None or True), so a parameter check never raises TypeError."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _plain(value: float) -> str:
    """1.0 -> '1', 0.5 -> '0.5' (as a person writes the ends of a range)."""
    return f"{value:g}"


@dataclass(frozen=True)
class ActivationParam:
    """An activation's one parameter: its names, its allowed range, its default and the range
    of the explorer's slider. Everything that takes or shows the parameter reads it from here.
    """

    #: the activation it belongs to (``Activation.name``)
    activation: str
    #: keyword of the activation class (``LeakyRelu(slope=...)``), the key in its ``params()``
    #: and in a model file's ``activation_params``
    keyword: str
    #: the ``TrainingConfig`` field (and the command line's ``dest``; the flag is derived)
    field: str
    #: the training form's label, plain English
    label: str
    #: the command line's help text
    help: str
    default: float
    low: float
    high: float | None = None  # None: no upper end
    low_included: bool = True
    high_included: bool = True
    whole: bool = False  # a whole number (2 or 2.0, not 2.5)
    #: (minimum, maximum, step) of the explorer's slider; None: the explorer has no slider for it
    slider: tuple[float, float, float] | None = None

    @property
    def flag(self) -> str:
        """The command-line flag: ``leaky_slope`` -> ``--leaky-slope``."""
        return "--" + self.field.replace("_", "-")

    @property
    def accepts(self) -> str:
        """What the parameter accepts, in English, from the range (the ConfigError's words and
        the source text of the form's translated message)."""
        kind = "whole number" if self.whole else "number"
        low = _plain(self.low)
        if self.high is None:
            if self.low == 0 and not self.low_included:
                return f"A positive {kind}"
            return f"A {kind}, {low} or more" if self.low_included else f"A {kind} above {low}"
        start = f"from {low}" if self.low_included else f"above {low}"
        high = _plain(self.high)
        end = f"to {high}" if self.high_included else f"up to, but not including, {high}"
        return f"A {kind} {start} {end}"

    def allows(self, value: object) -> bool:
        """True if ``value`` is a real number in the range (never raises, whatever ``value``)."""
        if not _is_real(value):
            return False
        if not isinstance(value, numbers.Integral) and not math.isfinite(value):
            return False  # (whole numbers are finite; math.isfinite(10**400) would overflow)
        if self.whole and int(value) != value:
            return False
        above = value >= self.low if self.low_included else value > self.low
        below = self.high is None or (
            value <= self.high if self.high_included else value < self.high
        )
        return above and below

    def check(self, value: object) -> float | int:
        """``value`` as the activation keeps it (int if whole), or a ConfigError saying what the
        parameter accepts."""
        if not self.allows(value):
            accepts = self.accepts[0].lower() + self.accepts[1:]
            raise ConfigError(f"{self.activation} {self.keyword} must be {accepts}, got {value}")
        return int(value) if self.whole else float(value)


class Activation:
    """An activation h with ``forward(a)``, ``derivative(a)`` and ``backward(a, z, grad_z)``."""

    name: ClassVar[str] = ""
    #: the formula as plain text, as on the slide
    formula: ClassVar[str] = ""
    #: affine pieces per unit (Maxout keeps the largest of ``pieces``; everything else has 1)
    pieces: int = 1
    #: the one parameter the activation takes, if any
    param: ClassVar[ActivationParam | None] = None
    #: whether h' fades to 0 at both ends (sigmoid, tanh): a unit there is *saturated*
    saturates: ClassVar[bool] = False

    def forward(self, a: np.ndarray) -> np.ndarray:
        """h(a), elementwise; same shape and dtype as ``a``."""
        raise NotImplementedError

    def derivative(self, a: np.ndarray) -> np.ndarray:
        """h'(a), elementwise; same shape as ``a``."""
        raise NotImplementedError

    def backward(self, a: np.ndarray, z: np.ndarray, grad_z: np.ndarray) -> np.ndarray:
        """dE/da given dE/dz (``z = forward(a)`` is passed so it need not be recomputed)."""
        return grad_z * self.derivative(a)

    def params(self) -> dict[str, float]:
        """The activation's own parameters (for model files and the GUI's sliders)."""
        return {}

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v:g}" for k, v in self.params().items())
        return f"{type(self).__name__}({args})"

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other) and self.params() == other.params()  # type: ignore[union-attr]

    def __hash__(self) -> int:
        return hash((type(self).__name__, tuple(sorted(self.params().items()))))


class Sigmoid(Activation):
    name = "sigmoid"
    saturates = True
    formula = "h(a) = 1 / (1 + exp(-a))"

    def forward(self, a: np.ndarray) -> np.ndarray:
        # 1/(1+e^-a) == (1 + tanh(a/2)) / 2, which never overflows (finite at +-1000 and beyond)
        z = np.tanh(np.multiply(a, 0.5))
        z += 1
        z *= 0.5
        return z

    def derivative(self, a: np.ndarray) -> np.ndarray:
        z = self.forward(a)
        return z * (1 - z)

    def backward(self, a: np.ndarray, z: np.ndarray, grad_z: np.ndarray) -> np.ndarray:
        return grad_z * z * (1 - z)


class Tanh(Activation):
    name = "tanh"
    saturates = True
    formula = "h(a) = tanh(a) = (exp(a) - exp(-a)) / (exp(a) + exp(-a))"

    def forward(self, a: np.ndarray) -> np.ndarray:
        return np.tanh(a)

    def derivative(self, a: np.ndarray) -> np.ndarray:
        z = np.tanh(a)
        return 1 - z * z

    def backward(self, a: np.ndarray, z: np.ndarray, grad_z: np.ndarray) -> np.ndarray:
        return grad_z * (1 - z * z)


class Relu(Activation):
    name = "relu"
    formula = "h(a) = max(0, a)"

    def forward(self, a: np.ndarray) -> np.ndarray:
        return np.maximum(a, 0)

    def derivative(self, a: np.ndarray) -> np.ndarray:
        return (a > 0).astype(np.result_type(a, np.float32))

    def backward(self, a: np.ndarray, z: np.ndarray, grad_z: np.ndarray) -> np.ndarray:
        return np.multiply(grad_z, a > 0, dtype=grad_z.dtype)


class LeakyRelu(Activation):
    name = "leaky-relu"
    formula = "h(a) = max(slope * a, a)"
    param = ActivationParam(
        activation=name,
        keyword="slope",
        field="leaky_slope",
        label="Leaky slope",
        help="Leaky ReLU slope for negative inputs",
        default=0.1,
        low=0.0,
        high=1.0,
        high_included=False,  # a slope of 1 is the identity
        slider=(0.0, 0.5, 0.01),
    )

    def __init__(self, slope: float = param.default) -> None:
        self.slope = self.param.check(slope)

    def params(self) -> dict[str, float]:
        return {"slope": self.slope}

    def forward(self, a: np.ndarray) -> np.ndarray:
        return np.maximum(a, a * np.asarray(self.slope, dtype=np.result_type(a, np.float32)))

    def derivative(self, a: np.ndarray) -> np.ndarray:
        dtype = np.result_type(a, np.float32)
        return np.where(a > 0, 1, self.slope).astype(dtype)

    def backward(self, a: np.ndarray, z: np.ndarray, grad_z: np.ndarray) -> np.ndarray:
        slope = np.asarray(self.slope, dtype=grad_z.dtype)
        return np.where(a > 0, grad_z, grad_z * slope)


class Elu(Activation):
    name = "elu"
    formula = "h(a) = a if a > 0 else alpha * (exp(a) - 1)"
    param = ActivationParam(
        activation=name,
        keyword="alpha",
        field="elu_alpha",
        label="ELU alpha",
        help="ELU alpha",
        default=1.0,
        low=0.0,
        low_included=False,
        slider=(0.1, 3.0, 0.05),
    )

    def __init__(self, alpha: float = param.default) -> None:
        self.alpha = self.param.check(alpha)

    def params(self) -> dict[str, float]:
        return {"alpha": self.alpha}

    def forward(self, a: np.ndarray) -> np.ndarray:
        alpha = np.asarray(self.alpha, dtype=np.result_type(a, np.float32))
        # expm1 only sees the non-positive part, so it never overflows
        return np.where(a > 0, a, alpha * np.expm1(np.minimum(a, 0)))

    def derivative(self, a: np.ndarray) -> np.ndarray:
        alpha = np.asarray(self.alpha, dtype=np.result_type(a, np.float32))
        return np.where(a > 0, 1, alpha * np.exp(np.minimum(a, 0)))

    def backward(self, a: np.ndarray, z: np.ndarray, grad_z: np.ndarray) -> np.ndarray:
        alpha = np.asarray(self.alpha, dtype=grad_z.dtype)
        return np.where(a > 0, grad_z, grad_z * (z + alpha))


class Identity(Activation):
    name = "identity"
    formula = "h(a) = a"

    def forward(self, a: np.ndarray) -> np.ndarray:
        return a

    def derivative(self, a: np.ndarray) -> np.ndarray:
        return np.ones_like(a)

    def backward(self, a: np.ndarray, z: np.ndarray, grad_z: np.ndarray) -> np.ndarray:
        return grad_z


class Maxout(Activation):
    """h(a)_j = max_i a_{j,i}: each unit keeps the largest of its ``k`` affine pieces."""

    name = "maxout"
    formula = "h(x) = max(w1 . x + b1, w2 . x + b2, ...)"
    # the explorer draws a one-input unit of two pieces with its own sliders, not this k
    param = ActivationParam(
        activation=name,
        keyword="k",
        field="maxout_pieces",
        label="Maxout pieces",
        help="affine pieces per Maxout unit",
        default=2,
        low=2,
        whole=True,
    )

    def __init__(self, k: int = param.default) -> None:
        self.pieces = self.param.check(k)

    def params(self) -> dict[str, float]:
        return {"k": self.pieces}

    def _split(self, a: np.ndarray) -> np.ndarray:
        """(..., n*k) -> (..., n, k)."""
        if a.shape[-1] % self.pieces:
            raise ValueError(f"maxout with k={self.pieces} needs a multiple of k columns")
        return a.reshape(*a.shape[:-1], a.shape[-1] // self.pieces, self.pieces)

    def forward(self, a: np.ndarray) -> np.ndarray:
        return self._split(a).max(axis=-1)

    def winners(self, a: np.ndarray) -> np.ndarray:
        """Index (0..k-1) of the piece each unit kept; shape (..., n)."""
        return self._split(a).argmax(axis=-1)

    def derivative(self, a: np.ndarray) -> np.ndarray:
        """d z_j / d a_{j,i}: 1 for the winning piece, 0 for the others; shape of ``a``."""
        pieces = self._split(a)
        mask = np.zeros_like(pieces)
        np.put_along_axis(mask, pieces.argmax(axis=-1)[..., None], 1, axis=-1)
        return mask.reshape(a.shape)

    def backward(self, a: np.ndarray, z: np.ndarray, grad_z: np.ndarray) -> np.ndarray:
        return (self.derivative(a).reshape(*grad_z.shape, self.pieces) * grad_z[..., None]).reshape(
            a.shape
        )

    @staticmethod
    def curve(
        x: np.ndarray, weights: tuple[float, ...], biases: tuple[float, ...]
    ) -> tuple[np.ndarray, np.ndarray]:
        """A one-input Maxout unit max_i(w_i x + b_i) and its derivative, for plotting."""
        x = np.asarray(x, dtype=np.float64)
        lines = np.outer(x, np.asarray(weights, dtype=np.float64)) + np.asarray(biases)
        best = lines.argmax(axis=1)
        return lines[np.arange(x.size), best], np.asarray(weights, dtype=np.float64)[best]


_CLASSES = (Sigmoid, Tanh, Relu, LeakyRelu, Elu, Maxout, Identity)
ACTIVATIONS: dict[str, Callable[..., Activation]] = {cls.name: cls for cls in _CLASSES}
#: activation name -> its parameter, for the activations that take one (in the lesson's order)
ACTIVATION_PARAMS: dict[str, ActivationParam] = {
    cls.name: cls.param for cls in _CLASSES if cls.param is not None
}


def activation_names() -> list[str]:
    """Names accepted by :func:`get_activation`, in the order the lesson teaches them."""
    return list(ACTIVATIONS)


def get_activation(name: str | Activation, **params: float) -> Activation:
    """Look an activation up by name (``leaky_relu`` and ``leaky-relu`` both work)."""
    if isinstance(name, Activation):
        return name
    key = str(name).strip().lower().replace("_", "-")
    if key not in ACTIVATIONS:
        raise ConfigError(
            f"unknown activation {name!r}; choose one of {', '.join(activation_names())}"
        )
    return ACTIVATIONS[key](**params)


def softmax(a: np.ndarray) -> np.ndarray:
    """softmax over the last axis, stable for logits of any size (shifted by the row maximum)."""
    shifted = a - a.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    e /= e.sum(axis=-1, keepdims=True)
    return e
