"""Losses on the softmax output, averaged over the batch: value and gradient w.r.t. the logits.

``labels`` are class indices, shape (n,); the one-hot target t is implied. ``logits`` are the
output layer's pre-activations a_L, shape (n, classes); y = softmax(a_L).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from nnviz.core.activations import softmax
from nnviz.core.errors import ConfigError

__all__ = [
    "LOSSES",
    "CrossEntropy",
    "Loss",
    "MeanSquaredError",
    "get_loss",
    "loss_names",
]

# a row whose exponentials sum to less than this after the batch-wide shift is shifted by its own
# largest logit instead (its logits are all more than ~46 below the batch's largest)
_SHARED_SHIFT_FLOOR = 1e-20
_LOG_EPS = 1e-7  # keeps log(y) finite when a float32 softmax rounds a probability to 0


def _one_hot(labels: np.ndarray, classes: int, dtype: np.dtype) -> np.ndarray:
    t = np.zeros((labels.shape[0], classes), dtype=dtype)
    t[np.arange(labels.shape[0]), labels] = 1
    return t


@dataclass(frozen=True)
class Loss:
    """A loss E(y, t) on probabilities y = softmax(a)."""

    name: ClassVar[str] = ""
    formula: ClassVar[str] = ""
    #: a batch loss above this means the run has blown up (far worse than guessing at random)
    diverged_above: ClassVar[float] = float("inf")

    def value(self, y: np.ndarray, labels: np.ndarray) -> float:
        """Batch-mean loss from probabilities ``y`` (n, classes)."""
        raise NotImplementedError

    def of_true_probability(self, p: np.ndarray, classes: int = 10) -> np.ndarray:
        """The per-sample loss when the true class gets probability ``p`` and the rest share
        ``1 - p`` evenly (the curve the loss explorer draws)."""
        p = np.asarray(p, dtype=np.float64)
        y = np.empty((p.size, classes))
        y[:] = ((1 - p) / (classes - 1)).reshape(-1, 1)
        y[:, 0] = p.ravel()
        labels = np.zeros(p.size, dtype=np.intp)
        return self.per_sample(y, labels).reshape(p.shape)

    def per_sample(self, y: np.ndarray, labels: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def per_sample_logits(self, logits: np.ndarray, labels: np.ndarray) -> np.ndarray:
        """The per-sample loss (n,) from the logits (n, classes): the form evaluation uses."""
        return self.per_sample(softmax(logits), labels)

    def value_and_grad(
        self, logits: np.ndarray, labels: np.ndarray
    ) -> tuple[float, np.ndarray, np.ndarray]:
        """(batch-mean loss, dE/dlogits, y): the fused forward and backward of softmax + loss."""
        raise NotImplementedError


@dataclass(frozen=True)
class CrossEntropy(Loss):
    name: ClassVar[str] = "cross-entropy"
    formula: ClassVar[str] = "E = -sum_k t_k log y_k"
    diverged_above: ClassVar[float] = 10.0  # chance level is ln(10) = 2.3

    def per_sample(self, y: np.ndarray, labels: np.ndarray) -> np.ndarray:
        """-log(y_t + 1e-7): from probabilities, which a float32 softmax can round to 0 (the
        loss explorer's curve); evaluation uses :meth:`per_sample_logits`, which is exact."""
        return -np.log(y[np.arange(y.shape[0]), labels] + _LOG_EPS)

    def per_sample_logits(self, logits: np.ndarray, labels: np.ndarray) -> np.ndarray:
        """-log softmax(a)_t exactly, as :meth:`value_and_grad` computes it: with m each row's
        largest logit, log Σ_k exp(a_k - m) + (m - a_t), written log1p(Σ_{k ≠ argmax} exp(a_k -
        m)) + (m - a_t) so that a small E keeps its precision. No epsilon: never negative, and
        a confident mistake costs what it costs (-log p has no cap)."""
        rows = np.arange(logits.shape[0])
        top = logits.argmax(axis=1)
        m = logits[rows, top]
        e = np.exp(logits - m[:, None])
        e[rows, top] = 0
        return np.log1p(e.sum(axis=1)) + (m - logits[rows, labels])

    def value(self, y: np.ndarray, labels: np.ndarray) -> float:
        return float(self.per_sample(y, labels).mean(dtype=np.float64))

    def value_and_grad(self, logits, labels):
        n, classes = logits.shape
        true = np.arange(0, n * classes, classes) + labels  # flat index of each true class
        ones = np.ones(classes, dtype=logits.dtype)
        # log-sum-exp form: E = log(sum exp(a - m)) - (a_true - m), for any shift m of a row.
        # One shift for the whole batch (its largest logit) is 5 µs cheaper than a max per row
        # (NumPy reduces 10-wide rows slowly); a row far below it would underflow, so then
        # every row is shifted by its own largest logit, which is finite for any logits.
        y = logits - logits.max()
        true_shifted = y.take(true)
        np.exp(y, out=y)
        sums = y @ ones  # row sums: 3x faster than y.sum(axis=1) for 10 columns
        if not sums.min() > _SHARED_SHIFT_FLOOR:
            y = logits - logits.max(axis=1, keepdims=True)
            true_shifted = y.take(true)
            np.exp(y, out=y)
            sums = y @ ones
        loss = (
            float(np.log(sums).sum(dtype=np.float64)) - float(true_shifted.sum(dtype=np.float64))
        ) / n
        y /= sums[:, None]
        inv_n = y.dtype.type(1.0 / n)
        grad = y * inv_n
        grad.reshape(-1)[true] -= inv_n  # (y - t) / n
        return loss, grad, y


@dataclass(frozen=True)
class MeanSquaredError(Loss):
    name: ClassVar[str] = "mse"
    formula: ClassVar[str] = "E = 1/2 sum_k (y_k - t_k)^2"
    diverged_above: ClassVar[float] = 0.8  # chance level is 0.45; 1.0 is confidently wrong always

    def per_sample(self, y: np.ndarray, labels: np.ndarray) -> np.ndarray:
        d = y - _one_hot(labels, y.shape[1], y.dtype)
        return 0.5 * np.einsum("ij,ij->i", d, d)

    def value(self, y: np.ndarray, labels: np.ndarray) -> float:
        return float(self.per_sample(y, labels).mean(dtype=np.float64))

    def value_and_grad(self, logits, labels):
        y = softmax(logits)
        n = logits.shape[0]
        d = y.copy()
        d[np.arange(n), labels] -= 1  # (y - t)
        loss = float(0.5 * np.einsum("ij,ij->", d, d, dtype=np.float64) / n)
        g = d / n  # dE/dy
        # back through softmax: dE/da = y * (g - sum_k g_k y_k)
        grad = y * (g - np.einsum("ij,ij->i", g, y)[:, None])
        return loss, grad, y


LOSSES: dict[str, Loss] = {"cross-entropy": CrossEntropy(), "mse": MeanSquaredError()}
_ALIASES = {
    "ce": "cross-entropy",
    "crossentropy": "cross-entropy",
    "cross_entropy": "cross-entropy",
    "mean-squared-error": "mse",
    "mean_squared_error": "mse",
}


def loss_names() -> list[str]:
    return list(LOSSES)


def get_loss(name: str | Loss) -> Loss:
    """Look a loss up by name: ``cross-entropy`` (or ``ce``) or ``mse``."""
    if isinstance(name, Loss):
        return name
    key = str(name).strip().lower()
    key = _ALIASES.get(key, key)
    if key not in LOSSES:
        raise ConfigError(f"unknown loss {name!r}; choose one of {', '.join(loss_names())}")
    return LOSSES[key]
