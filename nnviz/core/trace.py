"""Traces: every stage of one pass through the network, forward or backward, with its values.

A :class:`Stage` is known by its :class:`Kind` and its layer, never by its position: views ask a
:class:`Trace` for ``trace.stage(Kind.ACTIVATION, 2)`` or ``trace.values(Kind.OUTPUT)``.

Forward, for a network with L weight layers (the book's 784-50-100-10 has L = 3)::

    x, a1, z1, a2, z2, ..., aL, y

Backward (for one labelled sample)::

    E, dE/daL, dE/dWL, dE/dbL, dE/dz(L-1), dE/da(L-1), dE/dW(L-1), ..., dE/dW1, dE/db1,
    then, when a learning rate is given, the update ΔW_l = -η · dE/dW_l for l = L..1.

Shapes for one sample: x (n_0,), a_l (width_l,), z_l (n_l,), y (classes,), E (), dE/dW_l like
W_l, dE/db_l like b_l; for a batch every per-sample array has a leading (n,) axis.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

import numpy as np

__all__ = ["Direction", "Kind", "Stage", "Trace"]


class Direction(Enum):
    FORWARD = "forward"
    BACKWARD = "backward"


class Kind(Enum):
    """What a stage holds."""

    INPUT = "input"  # x
    AFFINE = "affine"  # a_l = z_{l-1} · W_l + b_l
    ACTIVATION = "activation"  # z_l = h(a_l)
    OUTPUT = "output"  # y = softmax(a_L)
    LOSS = "loss"  # E
    LOSS_GRADIENT = "loss-gradient"  # dE/da_L, the output layer's delta
    WEIGHT_GRADIENT = "weight-gradient"  # dE/dW_l
    BIAS_GRADIENT = "bias-gradient"  # dE/db_l
    SIGNAL_GRADIENT = "signal-gradient"  # dE/dz_l = dE/da_{l+1} · W_{l+1}ᵀ
    DELTA = "delta"  # dE/da_l = dE/dz_l ⊙ h'(a_l), l < L
    UPDATE = "update"  # ΔW_l = -η · dE/dW_l

    @property
    def direction(self) -> Direction:
        return Direction.FORWARD if self in _FORWARD_KINDS else Direction.BACKWARD


_FORWARD_KINDS = frozenset({Kind.INPUT, Kind.AFFINE, Kind.ACTIVATION, Kind.OUTPUT})


def _prev(layer: int) -> str:
    return "x" if layer == 1 else f"z{layer - 1}"


@dataclass(frozen=True)
class Stage:
    """One stage: its kind, its layer (0 for x, L for y and E), its symbol, formula and values."""

    kind: Kind
    layer: int
    values: np.ndarray = field(repr=False)
    formula: str = ""

    @property
    def direction(self) -> Direction:
        return self.kind.direction

    @property
    def name(self) -> str:
        """The stage's symbol: x, a1, z1, y, E, dE/da3, dE/dW3, dE/db3, dE/dz2, ΔW1, ..."""
        l = self.layer
        return {
            Kind.INPUT: "x",
            Kind.AFFINE: f"a{l}",
            Kind.ACTIVATION: f"z{l}",
            Kind.OUTPUT: "y",
            Kind.LOSS: "E",
            Kind.LOSS_GRADIENT: f"dE/da{l}",
            Kind.WEIGHT_GRADIENT: f"dE/dW{l}",
            Kind.BIAS_GRADIENT: f"dE/db{l}",
            Kind.SIGNAL_GRADIENT: f"dE/dz{l}",
            Kind.DELTA: f"dE/da{l}",
            Kind.UPDATE: f"ΔW{l}",
        }[self.kind]

    def with_values(self, values: np.ndarray) -> Stage:
        return Stage(self.kind, self.layer, values, self.formula)


def forward_formula(kind: Kind, layer: int) -> str:
    """The forward stages' formulas, as the book writes them."""
    if kind is Kind.INPUT:
        return "x"
    if kind is Kind.AFFINE:
        return f"a{layer} = {_prev(layer)} · W{layer} + b{layer}"
    if kind is Kind.ACTIVATION:
        return f"z{layer} = h(a{layer})"
    if kind is Kind.OUTPUT:
        return f"y = softmax(a{layer})"
    raise ValueError(f"{kind} is not a forward stage")


def backward_formula(kind: Kind, layer: int, loss_formula: str = "", fused: bool = True) -> str:
    """The backward stages' formulas; ``fused`` is True for softmax with cross-entropy."""
    l = layer
    if kind is Kind.LOSS:
        return loss_formula
    if kind is Kind.LOSS_GRADIENT:
        if fused:
            return f"dE/da{l} = y - t"
        return f"dE/da{l} = (dy/da{l})ᵀ · (y - t)"
    if kind is Kind.WEIGHT_GRADIENT:
        return f"dE/dW{l} = {_prev(l)}ᵀ · dE/da{l}"
    if kind is Kind.BIAS_GRADIENT:
        return f"dE/db{l} = dE/da{l}"
    if kind is Kind.SIGNAL_GRADIENT:
        return f"dE/dz{l} = dE/da{l + 1} · W{l + 1}ᵀ"
    if kind is Kind.DELTA:
        return f"dE/da{l} = dE/dz{l} ⊙ h'(a{l})"
    if kind is Kind.UPDATE:
        return f"W{l} ← W{l} - η · dE/dW{l}"
    raise ValueError(f"{kind} is not a backward stage")


@dataclass(frozen=True)
class Trace:
    """Stages in the order they happen. ``winners[l]`` holds, for a Maxout hidden layer l, which
    piece each unit kept."""

    stages: tuple[Stage, ...]
    winners: dict[int, np.ndarray] = field(default_factory=dict)

    def find(self, kind: Kind, layer: int | None = None) -> Stage | None:
        """The stage of this kind (and layer, when given), or None."""
        for stage in self.stages:
            if stage.kind is kind and (layer is None or stage.layer == layer):
                return stage
        return None

    def stage(self, kind: Kind, layer: int | None = None) -> Stage:
        """The stage of this kind (and layer); KeyError when the trace has none."""
        found = self.find(kind, layer)
        if found is None:
            raise KeyError(
                f"no {kind.value} stage" + ("" if layer is None else f" of layer {layer}")
            )
        return found

    def values(self, kind: Kind, layer: int | None = None) -> np.ndarray:
        return self.stage(kind, layer).values

    def index(self, kind: Kind, layer: int | None = None) -> int:
        """Position of a stage in this trace (for stepping through it in order)."""
        for i, stage in enumerate(self.stages):
            if stage.kind is kind and (layer is None or stage.layer == layer):
                return i
        raise KeyError(f"no {kind.value} stage" + ("" if layer is None else f" of layer {layer}"))

    def of(self, direction: Direction) -> tuple[Stage, ...]:
        return tuple(s for s in self.stages if s.direction is direction)

    def then(self, other: Trace) -> Trace:
        """This trace followed by ``other`` (a forward trace and its backward trace)."""
        return Trace(self.stages + other.stages, {**self.winners, **other.winners})

    def __len__(self) -> int:
        return len(self.stages)

    def __iter__(self) -> Iterator[Stage]:
        return iter(self.stages)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]
