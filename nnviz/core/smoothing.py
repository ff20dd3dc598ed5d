"""Exponential moving average of a growing series (the smoothed loss curve), debiased at the start.

s_t = beta * s_{t-1} + (1 - beta) * x_t with s_0 = 0, shown as s_t / (1 - beta**t) so the first
points are not pulled towards zero (the same correction Adam applies to its moments).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["EmaState", "ema"]


@dataclass(frozen=True)
class EmaState:
    """Where a series left off: the raw average and how many values went into it."""

    value: float = 0.0
    count: int = 0


def ema(
    values: np.ndarray, smoothing: float, state: EmaState | None = None
) -> tuple[np.ndarray, EmaState]:
    """Debiased EMA of ``values`` (n,) continuing from ``state``; returns (smoothed (n,), state).

    ``smoothing`` (beta) is in [0, 1): 0 returns the values unchanged, 0.99 averages roughly
    the last hundred. Non-finite values are carried through without poisoning later points.
    """
    if not 0.0 <= smoothing < 1.0:
        raise ValueError(f"smoothing must be in [0, 1), got {smoothing}")
    state = state or EmaState()
    x = np.asarray(values, dtype=np.float64).ravel()
    out = np.empty_like(x)
    s, t = state.value, state.count
    beta = float(smoothing)
    keep = 1.0 - beta
    for i, v in enumerate(x.tolist()):
        if not math.isfinite(v):
            out[i] = v
            continue
        t += 1
        s = beta * s + keep * v
        out[i] = s / (1.0 - beta**t)
    return out, EmaState(s, t)
