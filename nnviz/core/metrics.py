"""Evaluation of a network on a split: both losses, accuracy, predictions, confusion matrix."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.core.activations import softmax
from nnviz.core.layers import ActivationLayer
from nnviz.core.losses import get_loss
from nnviz.core.network import Network

__all__ = ["SATURATED_SLOPE", "Evaluation", "confusion_matrix", "evaluate"]

_EVAL_CHUNK = 2500  # samples per forward pass: big enough for BLAS, small enough for the cache
#: a sigmoid or tanh unit with h'(a) below this passes back less than a tenth of its gradient
#: (sigmoid's largest slope is 0.25): it is *saturated*
SATURATED_SLOPE = 0.1


@dataclass(frozen=True)
class Evaluation:
    accuracy: float
    cross_entropy: float
    mse: float
    predictions: np.ndarray  # (n,) predicted class
    confusion: np.ndarray  # (classes, classes), rows true class, columns predicted
    #: per hidden layer 1..L-1 (with ``diagnose``): the share of its units with h'(a) = 0 on
    #: every sample (dead ReLU units), and the share of unit values with h'(a) < SATURATED_SLOPE
    #: (NaN for activations that do not saturate, i.e. other than sigmoid and tanh)
    inactive: tuple[float, ...] = ()
    saturated: tuple[float, ...] = ()

    def loss(self, name: str) -> float:
        return self.mse if get_loss(name).name == "mse" else self.cross_entropy

    def per_class_accuracy(self) -> np.ndarray:
        totals = self.confusion.sum(axis=1)
        return np.divide(
            np.diag(self.confusion), totals, out=np.zeros(len(totals)), where=totals > 0
        )


def confusion_matrix(labels: np.ndarray, predictions: np.ndarray, classes: int) -> np.ndarray:
    """counts[t, p] = how many samples of true class t were predicted as p."""
    flat = labels.astype(np.intp) * classes + predictions.astype(np.intp)
    return np.bincount(flat, minlength=classes * classes).reshape(classes, classes)


class _HiddenUnits:
    """Counts, over the chunks of an evaluation, which hidden units were ever active (h' != 0)
    and how many unit values were saturated (h' < SATURATED_SLOPE)."""

    def __init__(self, network: Network) -> None:
        self.network = network
        self.hidden = network.num_layers - 1
        self.active = [np.zeros(network.width(l), dtype=bool) for l in range(1, self.hidden + 1)]
        self.saturated = [0] * self.hidden
        self.values = 0

    def record(self) -> list:
        return []

    def add(self, record: list) -> None:
        act = self.network.activation
        for layer, _out, cache in record:
            if not isinstance(layer, ActivationLayer):
                continue
            a = cache[0]
            slope = act.derivative(a)
            i = layer.layer - 1
            self.active[i] |= (slope != 0).any(axis=0)
            if act.saturates:
                self.saturated[i] += int(np.count_nonzero(slope < SATURATED_SLOPE))
            if i == 0:
                self.values += a.shape[0]

    def shares(self) -> tuple[tuple[float, ...], tuple[float, ...]]:
        inactive = tuple(float(1.0 - a.mean()) if a.size else 0.0 for a in self.active)
        if not self.network.activation.saturates or self.values == 0:
            saturated = tuple(float("nan") for _ in self.active)
        else:
            saturated = tuple(
                s / (self.values * a.size) for s, a in zip(self.saturated, self.active, strict=True)
            )
        return inactive, saturated


def evaluate(
    network: Network, images: np.ndarray, labels: np.ndarray, diagnose: bool = False
) -> Evaluation:
    """Evaluate on uint8 images (n, n_0) scaled by 1/255, or on float images as they are.

    ``diagnose`` also counts the inactive and saturated hidden units (same forward passes)."""
    units = _HiddenUnits(network) if diagnose else None
    n = labels.shape[0]
    classes = network.sizes[-1]
    ce_fn, mse_fn = get_loss("cross-entropy"), get_loss("mse")
    predictions = np.empty(n, dtype=np.intp)
    ce_sum = mse_sum = 0.0
    ready = images.dtype == network.dtype  # already scaled floats: used as they are, no copy
    scale = np.float32(1 / 255) if images.dtype == np.uint8 else np.float32(1)
    if not ready:
        buf = np.empty((min(_EVAL_CHUNK, max(n, 1)), images.shape[1]), dtype=network.dtype)
    for start in range(0, n, _EVAL_CHUNK):
        stop = min(start + _EVAL_CHUNK, n)
        if ready:
            x = images[start:stop]
        else:
            x = buf[: stop - start]
            np.multiply(images[start:stop], scale, out=x, casting="unsafe")
        if units is None:
            logits = network.logits(x)
        else:
            record = units.record()
            logits = network._forward(x, record)
            units.add(record)
        y = softmax(logits)
        lab = labels[start:stop]
        predictions[start:stop] = y.argmax(axis=1)
        ce_sum += float(ce_fn.per_sample_logits(logits, lab).sum(dtype=np.float64))
        mse_sum += float(mse_fn.per_sample(y, lab).sum(dtype=np.float64))
    correct = int((predictions == labels).sum())
    inactive, saturated = units.shares() if units is not None else ((), ())
    return Evaluation(
        accuracy=correct / n if n else 0.0,
        cross_entropy=ce_sum / n if n else 0.0,
        mse=mse_sum / n if n else 0.0,
        predictions=predictions,
        confusion=confusion_matrix(labels, predictions, classes),
        inactive=inactive,
        saturated=saturated,
    )
