"""Two runs side by side at the same step: what a fair comparison needs to know.

- whether they started from the same initial weights (their step-0 snapshots), which makes a
  difference between them the settings' doing and not the luck of the draw;
- which settings differ;
- the steps to compare them at (every step either kept a snapshot of) and, at a step, each
  run's answer for one input and its accuracy per class on the test set (from its evaluation
  at or before that step).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from nnviz.core.recording import RunRecord
from nnviz.core.training import TrainingConfig

__all__ = [
    "RunAtStep",
    "class_accuracy",
    "compared_steps",
    "differing_settings",
    "run_at_step",
    "same_initial_weights",
]


def same_initial_weights(a: RunRecord, b: RunRecord) -> bool | None:
    """True when both runs' step-0 snapshots hold the same parameters, False when they differ
    (or the networks' shapes do), None when a run kept no step-0 snapshot to tell."""
    if not (len(a.snapshot_steps) and len(b.snapshot_steps)):
        return None
    if a.snapshot_steps[0] != 0 or b.snapshot_steps[0] != 0:
        return None
    first_a, first_b = a.snapshots[0].params, b.snapshots[0].params
    if first_a.keys() != first_b.keys():
        return False
    return all(
        first_a[k].shape == first_b[k].shape and np.array_equal(first_a[k], first_b[k])
        for k in first_a
    )


def differing_settings(a: TrainingConfig, b: TrainingConfig) -> tuple[str, ...]:
    """The names of the TrainingConfig fields whose values differ, in the config's order."""
    return tuple(f.name for f in fields(TrainingConfig) if getattr(a, f.name) != getattr(b, f.name))


def compared_steps(a: RunRecord, b: RunRecord) -> np.ndarray:
    """Every step at which either run kept a snapshot, sorted (int64): the steps a comparison
    can be shown at (each run shows its kept snapshot nearest the step)."""
    return np.union1d(a.snapshot_steps, b.snapshot_steps).astype(np.int64)


def class_accuracy(confusion: np.ndarray) -> np.ndarray:
    """The share of each true class predicted right, (classes,), from a confusion matrix whose
    rows are true classes; 0 for a class with no samples."""
    confusion = np.asarray(confusion)
    totals = confusion.sum(axis=1)
    return np.divide(
        np.diag(confusion), totals, out=np.zeros(len(totals), dtype=np.float64), where=totals > 0
    )


@dataclass(frozen=True)
class RunAtStep:
    """One run as a comparison shows it at a step."""

    step: int  # the kept snapshot's step (nearest the step asked for)
    W1: np.ndarray  # its first-layer weights (a copy)
    probabilities: np.ndarray | None  # its answer for the input, (classes,); None without one
    evaluation_step: int | None  # the step of its evaluation at or before it (None: none yet)
    class_accuracy: np.ndarray | None  # accuracy per class of that evaluation, (classes,)


def run_at_step(record: RunRecord, step: int, x: np.ndarray | None = None) -> RunAtStep:
    """``record`` at its kept snapshot nearest ``step``: the first-layer weights, the answer
    (softmax probabilities) for the input ``x`` (when it fits the network) and the accuracy per
    class of its last evaluation at or before that step."""
    network, kept = record.network_at(step)
    probabilities = None
    if x is not None and np.asarray(x).size == network.sizes[0]:
        probabilities = network.forward(np.asarray(x).reshape(1, -1))[0].astype(np.float64)
    i = record.evaluation_before(kept)
    if i is None:
        evaluation_step, per_class = None, None
    else:
        evaluation_step = int(record.eval_column("step")[i])
        per_class = class_accuracy(record.confusion(i))
    return RunAtStep(kept, network.params["W1"].copy(), probabilities, evaluation_step, per_class)
