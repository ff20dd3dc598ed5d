"""Evaluation of a network on a split: both losses, accuracy, predictions, confusion matrix."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.core.activations import softmax
from nnviz.core.losses import get_loss
from nnviz.core.network import Network

__all__ = ["Evaluation", "confusion_matrix", "evaluate"]

_EVAL_CHUNK = 2500  # samples per forward pass: big enough for BLAS, small enough for the cache


@dataclass(frozen=True)
class Evaluation:
    accuracy: float
    cross_entropy: float
    mse: float
    predictions: np.ndarray  # (n,) predicted class
    confusion: np.ndarray  # (classes, classes), rows true class, columns predicted

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


def evaluate(network: Network, images: np.ndarray, labels: np.ndarray) -> Evaluation:
    """Evaluate on uint8 images (n, n_0) scaled by 1/255, or on float images as they are."""
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
        logits = network.logits(x)
        y = softmax(logits)
        lab = labels[start:stop]
        predictions[start:stop] = y.argmax(axis=1)
        ce_sum += float(ce_fn.per_sample_logits(logits, lab).sum(dtype=np.float64))
        mse_sum += float(mse_fn.per_sample(y, lab).sum(dtype=np.float64))
    correct = int((predictions == labels).sum())
    return Evaluation(
        accuracy=correct / n if n else 0.0,
        cross_entropy=ce_sum / n if n else 0.0,
        mse=mse_sum / n if n else 0.0,
        predictions=predictions,
        confusion=confusion_matrix(labels, predictions, classes),
    )
