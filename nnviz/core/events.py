"""What the trainer tells whoever listens: small frozen dataclasses, arrays already copied."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

__all__ = [
    "BatchFinished",
    "Diverged",
    "Evaluated",
    "Finished",
    "HyperparameterChanged",
    "Paused",
    "Stopped",
    "TrainingEnded",
    "TrainingEvent",
    "TrainingStarted",
    "WeightsSnapshot",
]


@dataclass(frozen=True)
class TrainingEvent:
    step: int  # optimizer steps done so far
    epoch: float  # fractional epochs done so far (1.5 = halfway through the second)
    elapsed: float  # seconds of training, pauses excluded


@dataclass(frozen=True)
class TrainingStarted(TrainingEvent):
    total_steps: int
    steps_per_epoch: int
    train_size: int
    test_size: int


@dataclass(frozen=True)
class BatchFinished(TrainingEvent):
    loss: float  # the training loss of this batch (the loss being minimised)
    accuracy: float  # running accuracy over the current epoch so far
    samples_per_s: float
    batch_accuracy: float
    total_steps: int
    cross_entropy: float = float("nan")  # both losses of this batch, whichever is minimised
    mse: float = float("nan")
    lr: float = float("nan")  # the learning rate this step used
    grad_norms: tuple[float, ...] = ()  # ||dE/dW_l|| per layer l = 1..L
    update_ratios: tuple[float, ...] = ()  # ||ΔW_l|| / ||W_l|| per layer (the step's size)


@dataclass(frozen=True)
class Evaluated(TrainingEvent):
    """Both losses and the accuracy on the test set and on a fixed slice of the training set."""

    test_accuracy: float
    test_cross_entropy: float
    test_mse: float
    train_accuracy: float
    train_cross_entropy: float
    train_mse: float
    epoch_end: bool
    confusion: np.ndarray = field(repr=False)  # (classes, classes), rows true, columns predicted
    test_predictions: np.ndarray = field(repr=False)  # (n_test,) predicted class per test image
    # the validation split held out of the training set (NaN when the run holds none out)
    validation_accuracy: float = float("nan")
    validation_cross_entropy: float = float("nan")
    validation_mse: float = float("nan")
    # per weight layer l = 1..L, averaged over the steps since the previous evaluation:
    # RMS of dE/dW_l, and ||ΔW_l|| / ||W_l||
    grad_rms: tuple[float, ...] = ()
    update_ratios: tuple[float, ...] = ()
    # per hidden layer l = 1..L-1 on the training slice: the share of units never active
    # (h'(a) = 0 on every sample), and of saturated unit values (h' < 0.1; NaN unless sigmoid
    # or tanh); empty when the run computes no diagnostics
    inactive: tuple[float, ...] = ()
    saturated: tuple[float, ...] = ()

    def test_loss(self, loss: str) -> float:
        return self.test_mse if loss == "mse" else self.test_cross_entropy

    def train_loss(self, loss: str) -> float:
        return self.train_mse if loss == "mse" else self.train_cross_entropy

    def validation_loss(self, loss: str) -> float:
        return self.validation_mse if loss == "mse" else self.validation_cross_entropy


@dataclass(frozen=True)
class HyperparameterChanged(TrainingEvent):
    """``name`` (lr, momentum, l2 or dropout) changed from ``old`` to ``new`` while the run was
    going; the change holds from step ``step + 1`` on."""

    name: str
    old: float
    new: float


@dataclass(frozen=True)
class WeightsSnapshot(TrainingEvent):
    """Copies of W1, b1, ... after ``step`` steps (step 0: the initial weights). ``scheduled``
    snapshots are the ones a run record keeps (``train(snapshot_steps=...)``); the others are
    the live view's, taken at a time interval."""

    params: dict[str, np.ndarray] = field(repr=False)
    scheduled: bool = False


@dataclass(frozen=True)
class Paused(TrainingEvent):
    pass


@dataclass(frozen=True)
class TrainingEnded(TrainingEvent):
    """The last event of every run; ``params`` are the network's final (or last good) weights."""

    params: dict[str, np.ndarray] = field(repr=False)
    message: str = ""

    @property
    def status(self) -> str:
        return type(self).__name__.lower()


@dataclass(frozen=True)
class Finished(TrainingEnded):
    pass


@dataclass(frozen=True)
class Stopped(TrainingEnded):
    pass


@dataclass(frozen=True)
class Diverged(TrainingEnded):
    pass
