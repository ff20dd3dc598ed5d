"""What a trained network knows, on a whole test set: how sure it is of each answer, what it gets
wrong, and how its accuracy falls as the digits are corrupted.

- :func:`confidences` scores a network once (probabilities of every test image) and returns a
  :class:`Confidence`: accuracy per class, each mistake with how sure the network was, accuracy on
  the answered digits against the share answered for a confidence threshold, and the count of
  very confident errors;
- :func:`robustness_curve`: the accuracy at each strength of one corruption
  (:mod:`nnviz.core.corruptions`), with progress and cancel between strengths.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from nnviz.core import errors
from nnviz.core.activations import softmax
from nnviz.core.corruptions import corrupt, get_corruption
from nnviz.core.metrics import confusion_matrix, evaluate
from nnviz.core.network import Network

__all__ = [
    "CONFIDENT",
    "Cancelled",
    "Confidence",
    "RobustnessCurve",
    "confidences",
    "robustness_curve",
]

CONFIDENT = 0.99  # a mistake made with at least this probability is a "very confident" one
_CHUNK = 2500  # images per forward pass, as in metrics.evaluate

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool] | threading.Event


class Cancelled(errors.Cancelled):
    """Raised by a probe when its cancel check said so (between two pieces of work)."""


def is_cancelled(cancel: CancelCheck | None) -> bool:
    if cancel is None:
        return False
    return cancel.is_set() if isinstance(cancel, threading.Event) else bool(cancel())


# ---------------------------------------------------------------------- confidence
@dataclass(frozen=True)
class Confidence:
    """A network's answers on labelled images: ``probabilities`` (n, classes) and ``labels``."""

    probabilities: np.ndarray
    labels: np.ndarray

    @property
    def predictions(self) -> np.ndarray:
        return self.probabilities.argmax(axis=1)

    @property
    def confidence(self) -> np.ndarray:
        """How sure the network is of each answer: the probability of the class it chose (n,)."""
        return self.probabilities.max(axis=1)

    @property
    def correct(self) -> np.ndarray:
        return self.predictions == self.labels

    @property
    def accuracy(self) -> float:
        return float(self.correct.mean()) if len(self.labels) else 0.0

    def confusion(self) -> np.ndarray:
        classes = self.probabilities.shape[1]
        return confusion_matrix(self.labels, self.predictions, classes)

    def per_class_accuracy(self) -> np.ndarray:
        """Share of each true class answered right (classes,); 0 for a class with no image."""
        classes = self.probabilities.shape[1]
        totals = np.bincount(self.labels, minlength=classes)
        right = np.bincount(self.labels[self.correct], minlength=classes)
        return np.divide(right, totals, out=np.zeros(classes), where=totals > 0)

    def mistakes(self) -> np.ndarray:
        """Indices of the wrong answers, the surest first."""
        wrong = np.flatnonzero(~self.correct)
        return wrong[np.argsort(-self.confidence[wrong], kind="stable")]

    def confident_errors(self, threshold: float = CONFIDENT) -> int:
        """How many answers are wrong although the network gave them ``threshold`` or more."""
        return int(((~self.correct) & (self.confidence >= threshold)).sum())

    def answered(self, threshold: float) -> tuple[float, float]:
        """If the network answered only when at least ``threshold`` sure: (the share of digits
        answered, the accuracy on those; 1.0 when none is answered)."""
        answered = self.confidence >= threshold
        count = int(answered.sum())
        if count == 0:
            return 0.0, 1.0
        return count / len(self.labels), float(self.correct[answered].mean())

    def threshold_curve(self, thresholds: Sequence[float] | np.ndarray) -> np.ndarray:
        """(len(thresholds), 2): share answered and accuracy on the answered, per threshold."""
        return np.array([self.answered(float(t)) for t in thresholds]).reshape(-1, 2)


def probabilities(network: Network, images: np.ndarray) -> np.ndarray:
    """softmax of the network's output for images (n, n_0) (uint8 scaled by 1/255, or floats)."""
    n = images.shape[0]
    out = np.empty((n, network.sizes[-1]), dtype=network.dtype)
    scale = np.float32(1 / 255) if images.dtype == np.uint8 else np.float32(1)
    for start in range(0, n, _CHUNK):
        x = images[start : start + _CHUNK]
        x = x if x.dtype == network.dtype and scale == 1 else x.astype(network.dtype) * scale
        out[start : start + _CHUNK] = softmax(network.logits(x))
    return out


def confidences(network: Network, images: np.ndarray, labels: np.ndarray) -> Confidence:
    """The network's answers on ``images`` (n, n_0) with their ``labels`` (n,)."""
    return Confidence(probabilities(network, images), np.asarray(labels).astype(np.intp))


# ---------------------------------------------------------------------- robustness
@dataclass(frozen=True)
class RobustnessCurve:
    kind: str
    strengths: np.ndarray  # (k,), 0 first
    accuracies: np.ndarray  # (k,)


def robustness_curve(
    network: Network,
    images: np.ndarray,
    labels: np.ndarray,
    kind: str,
    strengths: Sequence[float] | np.ndarray | None = None,
    seed: int = 0,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> RobustnessCurve:
    """Test accuracy of ``network`` on ``images`` corrupted by ``kind`` at each strength (by
    default the corruption's 10 strengths from 0 to its maximum). ``progress(done, total)`` after
    each strength; ``cancel`` is checked before each one and raises :class:`Cancelled`."""
    corruption = get_corruption(kind)
    values = corruption.strengths() if strengths is None else np.asarray(strengths, dtype=float)
    accuracies = np.zeros(len(values))
    total = len(values)
    for i, strength in enumerate(values):
        if is_cancelled(cancel):
            raise Cancelled(i, total)
        x = corrupt(images, kind, float(strength), seed).astype(network.dtype, copy=False)
        accuracies[i] = evaluate(network, x, labels).accuracy
        if progress is not None:
            progress(i + 1, total)
    return RobustnessCurve(corruption.name, values.copy(), accuracies)
