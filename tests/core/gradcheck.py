"""Numerical gradients by central differences, CS231n style, for the core's gradient tests.

A vector-valued function f is checked by contracting it with a random upstream gradient g:
the scalar sum(g * f(x)) has the gradient the analytic backward pass computes from g.
Everything here runs in float64, where a step of 1e-5 gives about 10 significant digits.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

STEP = 1e-5  # central-difference step: truncation error ~STEP^2, rounding error ~1e-16/STEP
TOLERANCE = 1e-6  # largest relative error accepted between analytic and numerical gradients
_FLOOR = 1e-12  # two gradients that are both (almost) zero agree


def numerical_gradient(f: Callable[[], float], x: np.ndarray, step: float = STEP) -> np.ndarray:
    """d f() / d x, where f reads ``x`` (float64), which is perturbed in place and restored."""
    assert x.dtype == np.float64, "gradient checks need float64"
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + step
        plus = f()
        x[i] = old - step
        minus = f()
        x[i] = old
        grad[i] = (plus - minus) / (2 * step)
    return grad


def numerical_vjp(
    f: Callable[[np.ndarray], np.ndarray], x: np.ndarray, upstream: np.ndarray
) -> np.ndarray:
    """The gradient of sum(upstream * f(x)) w.r.t. x: the vector-Jacobian product upstream . J."""
    x = x.copy()
    return numerical_gradient(lambda: float(np.sum(upstream * f(x))), x)


def relative_error(analytic: np.ndarray, numeric: np.ndarray) -> float:
    """||a - n|| / (||a|| + ||n||) over the whole array.

    Measured on the whole array rather than element by element (CS231n's rel_error): a
    component that is ~1e-9 next to components of ~1e-1 carries rounding noise of order
    1e-16 * f / STEP ~ 1e-11, which would dominate an elementwise ratio without meaning anything.
    A wrong gradient still shows at once: a sign error or a missing factor in any component of
    relevant size gives an error far above TOLERANCE.
    """
    analytic = np.asarray(analytic, dtype=np.float64)
    numeric = np.asarray(numeric, dtype=np.float64)
    assert analytic.shape == numeric.shape, (analytic.shape, numeric.shape)
    if analytic.size == 0:
        return 0.0
    scale = np.linalg.norm(analytic) + np.linalg.norm(numeric)
    return float(np.linalg.norm(analytic - numeric) / max(scale, _FLOOR))
