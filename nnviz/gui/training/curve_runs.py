"""The numbers behind the training curves: growing column buffers per run, and CSV export.

Qt-free apart from the plot items each run keeps a reference to (made by CurvePlots).
"""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field

import numpy as np

from nnviz.core.recording import RunRecord
from nnviz.core.smoothing import EmaState
from nnviz.core.training import TrainingConfig

__all__ = [
    "BATCH_COLUMNS",
    "EVAL_COLUMNS",
    "COMPARED_SETTINGS",
    "RunCurves",
    "SeriesBuffer",
    "export_runs_csv",
    "round_up",
    "round_up_fine",
    "varied_settings",
]

_INITIAL_CAPACITY = 1024  # points per buffer before the first doubling

BATCH_COLUMNS = (
    "step",
    "epoch",
    "elapsed",
    "loss",
    "smooth",
    "batch_accuracy",
    "smooth_accuracy",
)
EVAL_COLUMNS = (
    "step",
    "epoch",
    "elapsed",
    "test_cross_entropy",
    "test_mse",
    "train_cross_entropy",
    "train_mse",
    "test_accuracy",
    "train_accuracy",
    "validation_cross_entropy",
    "validation_mse",
    "validation_accuracy",
)


class SeriesBuffer:
    """Named float64 columns that grow by doubling; ``buf["loss"]`` is a view of the filled part."""

    def __init__(self, columns: tuple[str, ...], capacity: int = _INITIAL_CAPACITY) -> None:
        self.columns = columns
        self._data = np.empty((len(columns), capacity), dtype=np.float64)
        self._index = {c: i for i, c in enumerate(columns)}
        self.size = 0

    def __len__(self) -> int:
        return self.size

    @property
    def capacity(self) -> int:
        return self._data.shape[1]

    def append(self, **columns: np.ndarray) -> None:
        n = len(next(iter(columns.values())))
        need = self.size + n
        if need > self.capacity:
            grown = np.empty((len(self.columns), max(need, 2 * self.capacity)), np.float64)
            grown[:, : self.size] = self._data[:, : self.size]
            self._data = grown
        for name, values in columns.items():
            self._data[self._index[name], self.size : need] = values
        self.size = need

    def __getitem__(self, name: str) -> np.ndarray:
        return self._data[self._index[name], : self.size]

    def set_column(self, name: str, values: np.ndarray) -> None:
        self._data[self._index[name], : self.size] = values


@dataclass(eq=False)
class RunCurves:
    """One training run on the plots: what of its record is drawn (a cache with the smoothed
    lines added, filled from the record as it grows), its smoothing state and plot items."""

    number: int
    record: RunRecord
    batches: SeriesBuffer = field(default_factory=lambda: SeriesBuffer(BATCH_COLUMNS))
    evals: SeriesBuffer = field(default_factory=lambda: SeriesBuffer(EVAL_COLUMNS))
    ema_state: EmaState = field(default_factory=EmaState)
    accuracy_ema_state: EmaState = field(default_factory=EmaState)
    items: dict[str, object] = field(default_factory=dict)
    evals_drawn: int = 0
    changes_drawn: int = 0  # hyperparameter changes marked on the plots
    change_marks: list = field(default_factory=list)  # their vertical lines
    change_entries: list = field(default_factory=list)  # their legend entries (samples)

    @property
    def config(self) -> TrainingConfig:
        return self.record.config

    @property
    def status(self) -> str:
        return self.record.status

    @property
    def total_steps(self) -> int:
        return self.record.total_steps

    @property
    def steps_per_epoch(self) -> int:
        return self.record.steps_per_epoch

    @property
    def minimised(self) -> str:
        return "mse" if self.config.loss == "mse" else "cross_entropy"

    @property
    def test_accuracy(self) -> float | None:
        """The last test accuracy drawn (None before the first evaluation)."""
        return float(self.evals["test_accuracy"][-1]) if len(self.evals) else None


# the settings a learner compares runs by, in the order they are named
COMPARED_SETTINGS = (
    "activation",
    "optimizer",
    "lr",
    "batch_size",
    "hidden",
    "loss",
    "init",
    "lr_schedule",
    "epochs",
    "seed",
    "dataset",
)


def varied_settings(runs: list[RunCurves]) -> list[str]:
    """The TrainingConfig fields (of COMPARED_SETTINGS) whose values differ between ``runs``:
    what tells the runs apart."""
    values = [r.config.to_dict() for r in runs]
    return [k for k in COMPARED_SETTINGS if len({repr(v.get(k)) for v in values}) > 1]


def round_up(value: float) -> float:
    """The smallest of 1, 2, 5 x 10^k that is >= value (value > 0)."""
    if value <= 0:
        return 1.0
    power = 10.0 ** np.floor(np.log10(value))
    for step in (1.0, 2.0, 5.0, 10.0):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


_FINE_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def round_up_fine(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 x 10^k that is >= value (> 0): an
    axis end close above the data that still changes only now and then."""
    if value <= 0:
        return 1.0
    power = 10.0 ** np.floor(np.log10(value))
    for step in _FINE_STEPS:
        if step * power >= value * (1 - 1e-12):
            return float(step * power)
    return float(10 * power)


def export_runs_csv(runs: list[RunCurves], path: str | os.PathLike[str]) -> None:
    """Every run's batches and evaluations as one table (empty cells where not measured)."""
    header = [
        "run",
        "kind",
        "step",
        "epoch",
        "seconds",
        "batch_loss",
        "smoothed_loss",
        "batch_accuracy",
        "test_cross_entropy",
        "test_mse",
        "train_cross_entropy",
        "train_mse",
        "test_accuracy",
        "train_accuracy",
        "validation_cross_entropy",
        "validation_mse",
        "validation_accuracy",
        "loss_minimised",
        "activation",
        "optimizer",
        "lr",
        "batch_size",
    ]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(header)
        for run in runs:
            c = run.config
            tail = [c.loss, c.activation, c.optimizer, c.lr, c.batch_size]
            b = run.batches
            for i in range(len(b)):
                out.writerow(
                    [
                        run.number,
                        "batch",
                        int(b["step"][i]),
                        b["epoch"][i],
                        b["elapsed"][i],
                        b["loss"][i],
                        b["smooth"][i],
                        b["batch_accuracy"][i],
                    ]
                    + [""] * (len(EVAL_COLUMNS) - 3)
                    + tail
                )
            e = run.evals
            for i in range(len(e)):
                out.writerow(
                    [
                        run.number,
                        "evaluation",
                        int(e["step"][i]),
                        e["epoch"][i],
                        e["elapsed"][i],
                        "",
                        "",
                        "",
                    ]
                    + [e[name][i] for name in EVAL_COLUMNS[3:]]
                    + tail
                )
