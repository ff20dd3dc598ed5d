"""A run record: the one copy of everything a training run produced, for views of its past.

A :class:`RunRecord` is fed the trainer's events (:meth:`RunRecord.add`) and keeps

- per step: the minimised loss, both losses, the batch and running accuracy, the learning rate,
  samples/s, and per layer ||dE/dW_l|| and the update-to-weight ratio ||ΔW_l|| / ||W_l||;
- per evaluation: the test, training-slice and validation losses and accuracies, the test
  confusion matrix and every test prediction, and per layer the mean gradient RMS and update
  ratio since the previous evaluation and the shares of inactive and saturated hidden units;
- every hyperparameter change made while the run was going: (step, name, old, new);
- parameter snapshots at the steps of :func:`snapshot_schedule`: every step at first, where
  learning is fastest, further and further apart later, within a memory budget; plus the final
  (or, after a divergence, last good) parameters.

It saves to and loads from one ``.npz`` file (arrays plus a JSON ``meta`` entry, written
atomically, read with ``allow_pickle=False``). Shapes: ``steps`` (k, len(STEP_COLUMNS)),
``grad_norms`` and ``update_ratios`` (k, L), ``evaluations`` (e, len(EVAL_COLUMNS)), ``confusion``
(e, classes, classes), ``predictions`` (e, n_test), a snapshot of ``W_l`` (n_{l-1}, width_l).
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nnviz.core import events as ev
from nnviz.core.errors import ConfigError, RecordFileError
from nnviz.core.network import Network
from nnviz.core.npz import npz_path, read_npz, write_npz
from nnviz.core.training import TrainingConfig, validation_count

#: makes the snapshot arrays ``{name: (rows, *shape)}`` of one dtype, whose rows from the third
#: argument on are free (RunRecord.reserve_snapshots)
MakeArrays = Callable[[dict[str, tuple[int, ...]], np.dtype, int], dict[str, np.ndarray]]

__all__ = [
    "DEFAULT_BUDGET",
    "EVAL_COLUMNS",
    "STEP_COLUMNS",
    "RunRecord",
    "Snapshot",
    "interpolate_params",
    "snapshot_schedule",
]

FORMAT = "nnviz-run"
FORMAT_VERSION = 2  # 2: validation columns, per-evaluation layer diagnostics, changes
#: bytes of parameter snapshots one record keeps: 268 snapshots of the book's 784-50-100-10
#: network (183 KB each), so a 20-epoch run (12,000 steps) stays far under 100 MB in all
DEFAULT_BUDGET = 48 * 2**20
_DENSE_SHARE = 0.5  # share of the snapshots spread geometrically (dense early), the rest evenly

STEP_COLUMNS = (
    "step",
    "epoch",
    "elapsed",
    "loss",
    "cross_entropy",
    "mse",
    "batch_accuracy",
    "accuracy",
    "lr",
    "samples_per_s",
)
EVAL_COLUMNS = (
    "step",
    "epoch",
    "elapsed",
    "test_accuracy",
    "test_cross_entropy",
    "test_mse",
    "train_accuracy",
    "train_cross_entropy",
    "train_mse",
    "epoch_end",
    "validation_accuracy",
    "validation_cross_entropy",
    "validation_mse",
)
#: the columns of a version 1 file (read with the rest NaN)
_EVAL_COLUMNS_V1 = EVAL_COLUMNS[:10]
STATUSES = ("new", "running", "finished", "stopped", "diverged", "failed")


def snapshot_schedule(
    total_steps: int, snapshot_bytes: int, budget: int = DEFAULT_BUDGET
) -> np.ndarray:
    """The steps (0 = the initial weights .. total_steps) whose parameters a record keeps.

    As many as ``budget`` allows (at least the first and the last): half spread geometrically,
    so the first steps are all kept, the other half evenly, so no stretch of a long run is
    empty. Sorted, unique, int64.
    """
    total_steps = max(int(total_steps), 0)
    count = int(min(total_steps + 1, max(budget // max(int(snapshot_bytes), 1), 2)))
    if count >= total_steps + 1:
        return np.arange(total_steps + 1, dtype=np.int64)
    dense = max(int(count * _DENSE_SHARE), 1)
    steps = np.zeros(0, dtype=np.int64)
    while steps.size < count:  # rounding merges early geometric steps: ask for more until full
        geometric = np.geomspace(1, total_steps, dense)
        even = np.linspace(0, total_steps, count - min(dense, count - 2))
        steps = np.unique(np.rint(np.concatenate([[0, total_steps], geometric, even])))
        dense += max((count - steps.size) // 2, 1)
    # more than asked after the last round: drop from the even part's middle, keep both ends
    while steps.size > count:
        steps = np.delete(steps, steps.size // 2)
    return steps.astype(np.int64)


def interpolate_params(
    a: dict[str, np.ndarray], b: dict[str, np.ndarray], t: float
) -> dict[str, np.ndarray]:
    """The parameters a fraction ``t`` of the way from ``a`` to ``b``: (1 - t) a + t b for
    each of W1, b1, ... (new arrays of ``a``'s dtype; ``t`` is clamped to [0, 1], so 0 gives
    ``a`` and 1 gives ``b`` exactly). What a replay shows between two kept snapshots: the
    record has no weights in between, and a straight line is the plainest guess."""
    t = min(max(float(t), 0.0), 1.0)
    if set(a) != set(b):
        raise ValueError(f"parameters differ: {sorted(a)} and {sorted(b)}")
    out = {}
    for name, start in a.items():
        end = b[name]
        if start.shape != end.shape:
            raise ValueError(f"{name} has shape {start.shape} and {end.shape}")
        if t == 1.0:
            out[name] = end.astype(start.dtype, copy=True)
        else:
            mixed = np.subtract(end, start, dtype=start.dtype)
            mixed *= start.dtype.type(t)
            mixed += start
            out[name] = mixed
    return out


_SNAPSHOT_DTYPE = np.dtype(np.float32)  # the parameters of TrainingConfig.make_network's networks


def _param_shapes(sizes: tuple[int, ...], pieces: int) -> dict[str, tuple[int, ...]]:
    """W1, b1, ... of a network of layer ``sizes`` (network.py's layout), worked out without
    making one: a record read from a file allocates nothing from the sizes it claims."""
    layers = len(sizes) - 1
    shapes = {}
    for l in range(1, layers + 1):
        width = sizes[l] * (pieces if l < layers else 1)
        shapes[f"W{l}"], shapes[f"b{l}"] = (sizes[l - 1], width), (width,)
    return shapes


class _Table:
    """A growable (rows, columns) float64 table: appends are amortised O(1)."""

    def __init__(self, columns: int, capacity: int = 256) -> None:
        self._capacity = capacity  # rows made at the first append (a record read from a file
        self._data = np.full((0, columns), np.nan)  # takes only the rows it holds)
        self._n = 0

    def append(self, row) -> None:
        self.extend(np.asarray(row, dtype=np.float64).reshape(1, -1))

    def extend(self, rows: np.ndarray) -> None:
        """Append (k, columns) rows at once (missing columns stay NaN)."""
        k = rows.shape[0]
        if self._n + k > self._data.shape[0]:
            capacity = max(2 * self._data.shape[0], self._n + k, self._capacity)
            grown = np.full((capacity, self._data.shape[1]), np.nan)
            grown[: self._n] = self._data[: self._n]
            self._data = grown
        if rows.size:
            self._data[self._n : self._n + k, : rows.shape[1]] = rows
        self._n += k

    @property
    def array(self) -> np.ndarray:
        """The rows so far (a view: read it, do not keep it across appends)."""
        return self._data[: self._n]

    def __len__(self) -> int:
        return self._n


class _Snapshots:
    """Parameter snapshots kept in one preallocated array per parameter, (capacity, *shape):
    no copy of them all is made to save or to read them, and memory is taken only for the
    snapshots written (pages of an empty array are not touched). Grows by doubling if a run
    outlives its plan."""

    def __init__(self, shapes: dict[str, tuple[int, ...]], dtype: np.dtype, capacity: int) -> None:
        self._capacity = max(int(capacity), 1)  # rows made at the first snapshot
        self.arrays = {n: np.empty((0, *shape), dtype) for n, shape in shapes.items()}
        self.steps: list[int] = []
        self.epochs: list[float] = []

    def put(self, step: int, epoch: float, params: dict[str, np.ndarray]) -> None:
        """Keep ``params`` as the snapshot of ``step``. A new snapshot is listed (``steps``)
        only once its arrays and epoch are written: a live run's training thread puts them
        while the window's thread reads the record."""
        if self.steps and self.steps[-1] == step:
            i = len(self.steps) - 1  # the final word on that step (a run's end)
            self.epochs[i] = epoch
            for n, a in self.arrays.items():
                a[i] = params[n]
            return
        i = len(self.steps)
        if i == next(iter(self.arrays.values())).shape[0]:
            for n, a in self.arrays.items():
                grown = np.empty((max(2 * i, self._capacity), *a.shape[1:]), a.dtype)
                grown[:i] = a
                self.arrays[n] = grown
        name, first = next(iter(self.arrays.items()))
        if not _is_row(params[name], first, i):  # else written in place already (reserve)
            for n, a in self.arrays.items():
                a[i] = params[n]
        self.epochs.append(float(epoch))
        self.steps.append(int(step))

    def reserve(self, make: MakeArrays | None = None) -> dict[str, np.ndarray]:
        """Make the rows of every planned snapshot now and write them once (with zeros).
        ``make(shapes, dtype, first_free_row)`` makes the arrays (``{name: (rows, *shape)}``,
        zeros), for ones another process writes snapshots into: a snapshot put with the very
        rows of these arrays (all of them) is not copied. Returns the arrays."""
        first = next(iter(self.arrays.values()))
        rows = max(first.shape[0], self._capacity)
        shapes = {n: (rows, *a.shape[1:]) for n, a in self.arrays.items()}
        if make is None:
            rooms = {n: np.empty(shape, self.arrays[n].dtype) for n, shape in shapes.items()}
        else:
            rooms = make(shapes, first.dtype, len(self.steps))
        for n, a in self.arrays.items():
            room = rooms[n]
            room[: len(self.steps)] = a[: len(self.steps)]
            if make is None:  # (another process takes the page faults of shared rows)
                room[len(self.steps) :] = 0
            self.arrays[n] = room
        return dict(self.arrays)

    def used(self) -> dict[str, np.ndarray]:
        """The written snapshots of each parameter, (count, *shape) views."""
        return {n: a[: len(self.steps)] for n, a in self.arrays.items()}

    def get(self, i: int) -> Snapshot:
        i = range(len(self.steps))[i]  # -1 is the last written, not the last row of the array
        return Snapshot(self.steps[i], self.epochs[i], {n: a[i] for n, a in self.arrays.items()})

    def __len__(self) -> int:
        return len(self.steps)


def _is_row(value: np.ndarray, array: np.ndarray, i: int) -> bool:
    """``value`` is row ``i`` of ``array`` itself (not a copy of it)."""
    row = array[i]
    return (
        isinstance(value, np.ndarray)
        and value.shape == row.shape
        and value.dtype == row.dtype
        and value.__array_interface__["data"][0] == row.__array_interface__["data"][0]
    )


def _row(values: np.ndarray) -> tuple[float, ...]:
    return tuple(float(v) for v in values)


def _finite_row(values: np.ndarray) -> tuple[float, ...]:
    """A per-layer row, or () when it was never measured (all NaN: an old file)."""
    return _row(values) if np.isfinite(values).any() else ()


@dataclass(frozen=True)
class Snapshot:
    step: int
    epoch: float
    params: dict[str, np.ndarray]  # W1, b1, ... after ``step`` steps (views: copy to change)


class RunRecord:
    """Everything one run produced. Feed it the run's events in order with :meth:`add`."""

    def __init__(
        self,
        config: TrainingConfig,
        sizes: tuple[int, ...],
        dataset: str = "mnist",
        budget: int = DEFAULT_BUDGET,
        dataset_sha256: dict[str, str] | None = None,
    ) -> None:
        self.config = config
        self.sizes = tuple(int(s) for s in sizes)
        self.dataset = dataset  # Dataset.reference: a known name or a folder's absolute path
        self.dataset_sha256 = dataset_sha256  # a folder's files' SHA-256 (Dataset.identity)
        self.budget = int(budget)
        self.status = "new"
        self.message = ""
        self.total_steps = 0
        self.steps_per_epoch = 0
        self.train_size = 0
        self.test_size = 0
        layers = len(self.sizes) - 1
        self._steps = _Table(len(STEP_COLUMNS))
        self._grad_norms = _Table(layers)
        self._update_ratios = _Table(layers)
        self._evals = _Table(len(EVAL_COLUMNS))
        # per evaluation and layer: grad RMS, update ratio (weight layers 1..L); inactive and
        # saturated shares (hidden layers 1..L-1)
        self._eval_grad_rms = _Table(layers)
        self._eval_update_ratios = _Table(layers)
        self._inactive = _Table(max(layers - 1, 0))
        self._saturated = _Table(max(layers - 1, 0))
        #: hyperparameters changed during the run: (step, name, old, new), in order
        self.changes: list[tuple[int, str, float, float]] = []
        self._confusion: list[np.ndarray] = []
        self._predictions: list[np.ndarray] = []
        if len(self.sizes) < 2 or min(self.sizes) < 1:
            raise ConfigError(f"layer sizes must be at least two positive numbers, got {sizes}")
        self._shapes = _param_shapes(self.sizes, config.make_activation().pieces)
        self._dtype = _SNAPSHOT_DTYPE
        self._snapshot_bytes = self._dtype.itemsize * sum(map(math.prod, self._shapes.values()))
        self.schedule = np.zeros(0, dtype=np.int64)
        self._snapshots = _Snapshots(self._shapes, self._dtype, 1)

    # ------------------------------------------------------------------ planning
    def plan(self, total_steps: int) -> np.ndarray:
        """Fix the snapshot steps for a run of ``total_steps``; pass them to ``train``."""
        self.schedule = snapshot_schedule(total_steps, self._snapshot_bytes, self.budget)
        if not len(self._snapshots):  # room for every planned snapshot and a run's last weights
            self._snapshots = _Snapshots(self._shapes, self._dtype, self.schedule.size + 1)
        return self.schedule

    def reserve_snapshots(self, make: MakeArrays | None = None) -> dict[str, np.ndarray]:
        """Take the memory of every planned snapshot now, writing it once: keeping a snapshot
        is then a plain copy. Fresh memory is paid for at its first write (page faults): about
        0.3 ms per snapshot of the book's network, 0.1 s for the 268 of a run, in the middle of
        the run; 5 ms here. A live run calls this in its training thread before training.

        ``make(shapes, dtype, first_free_row)`` makes the arrays, ``{name: (rows, *shape)}``:
        memory a training process writes the snapshots into, listed here as they arrive (no
        copy). Returns the arrays."""
        return self._snapshots.reserve(make)

    @classmethod
    def for_run(
        cls, config: TrainingConfig, input_size: int, classes: int, train_size: int, **kwargs
    ) -> RunRecord:
        """A record planned for ``config`` on a training set of ``train_size`` samples."""
        record = cls(config, config.sizes(input_size, classes), **kwargs)
        train_size -= validation_count(train_size, config.validation)  # held out, not trained on
        batch = min(config.batch_size, train_size)
        record.plan(max(train_size // batch, 1) * config.epochs)
        return record

    # ------------------------------------------------------------------ writing
    def add_batches(self, batches: list[ev.BatchFinished] | tuple[ev.BatchFinished, ...]) -> None:
        """Take many BatchFinished events at once (a live run's chunk: one array operation per
        table instead of three per batch)."""
        if not batches:
            return
        self._steps.extend(
            np.array(
                [
                    (
                        b.step,
                        b.epoch,
                        b.elapsed,
                        b.loss,
                        b.cross_entropy,
                        b.mse,
                        b.batch_accuracy,
                        b.accuracy,
                        b.lr,
                        b.samples_per_s,
                    )
                    for b in batches
                ],
                dtype=np.float64,
            )
        )
        layers = len(self.sizes) - 1
        for table, rows in (
            (self._grad_norms, [b.grad_norms for b in batches]),
            (self._update_ratios, [b.update_ratios for b in batches]),
        ):
            if all(len(r) == layers for r in rows):
                table.extend(np.array(rows, dtype=np.float64).reshape(len(rows), layers))
            else:  # a trainer that reported no per-layer sizes: NaN rows
                for r in rows:
                    table.append(r)

    def add(self, event: ev.TrainingEvent) -> None:
        """Take one event of the run (in the order the trainer yields them)."""
        if isinstance(event, ev.BatchFinished):
            self.add_batches((event,))
        elif isinstance(event, ev.Evaluated):
            self._evals.append(
                (
                    event.step,
                    event.epoch,
                    event.elapsed,
                    event.test_accuracy,
                    event.test_cross_entropy,
                    event.test_mse,
                    event.train_accuracy,
                    event.train_cross_entropy,
                    event.train_mse,
                    float(event.epoch_end),
                    event.validation_accuracy,
                    event.validation_cross_entropy,
                    event.validation_mse,
                )
            )
            for table, values in (
                (self._eval_grad_rms, event.grad_rms),
                (self._eval_update_ratios, event.update_ratios),
                (self._inactive, event.inactive),
                (self._saturated, event.saturated),
            ):
                table.append(values)  # an empty tuple leaves a row of NaN
            self._confusion.append(np.asarray(event.confusion))
            self._predictions.append(np.asarray(event.test_predictions, dtype=np.int16))
        elif isinstance(event, ev.HyperparameterChanged):
            self.changes.append((int(event.step), event.name, float(event.old), float(event.new)))
        elif isinstance(event, ev.WeightsSnapshot):
            if event.scheduled:
                self._keep(event.step, event.epoch, event.params)
        elif isinstance(event, ev.TrainingStarted):
            self.status = "running"
            self.total_steps = event.total_steps
            self.steps_per_epoch = event.steps_per_epoch
            self.train_size, self.test_size = event.train_size, event.test_size
            if self.schedule.size == 0:
                self.plan(event.total_steps)
        elif isinstance(event, ev.TrainingEnded):
            self.status = event.status
            self.message = event.message
            self._keep(event.step, event.epoch, event.params)

    def fail(self, message: str) -> None:
        """The run ended in an error; what it recorded so far stays."""
        self.status, self.message = "failed", message

    def _keep(self, step: int, epoch: float, params: dict[str, np.ndarray]) -> None:
        self._snapshots.put(step, epoch, params)

    # ------------------------------------------------------------------ reading
    def step_column(self, name: str) -> np.ndarray:
        """One per-step column (see STEP_COLUMNS), a copy, (k,)."""
        return self._steps.array[:, STEP_COLUMNS.index(name)].copy()

    def eval_column(self, name: str) -> np.ndarray:
        """One per-evaluation column (see EVAL_COLUMNS), a copy, (e,)."""
        return self._evals.array[:, EVAL_COLUMNS.index(name)].copy()

    @property
    def steps_recorded(self) -> int:
        return len(self._steps)

    @property
    def evaluations_recorded(self) -> int:
        return len(self._evals)

    @property
    def grad_norms(self) -> np.ndarray:
        """||dE/dW_l|| per step and layer, (k, L)."""
        return self._grad_norms.array.copy()

    @property
    def update_ratios(self) -> np.ndarray:
        """||ΔW_l|| / ||W_l|| per step and layer, (k, L)."""
        return self._update_ratios.array.copy()

    @property
    def grad_rms(self) -> np.ndarray:
        """RMS of dE/dW_l per step and layer, ||dE/dW_l|| / sqrt(size of W_l), (k, L)."""
        sizes = np.array([math.prod(self._shapes[f"W{l}"]) for l in range(1, len(self.sizes))])
        return self._grad_norms.array / np.sqrt(sizes)

    @property
    def has_validation(self) -> bool:
        """Whether the run held out a validation split (its evaluations have its figures)."""
        column = self._evals.array[:, EVAL_COLUMNS.index("validation_accuracy")]
        return bool(np.isfinite(column).any())

    def layer_diagnostics(self) -> dict[str, np.ndarray]:
        """Per evaluation: ``grad_rms`` and ``update_ratio`` (e, L), the means over the steps
        since the evaluation before; ``inactive`` and ``saturated`` (e, L-1), shares of hidden
        units (NaN where not measured). Copies."""
        return {
            "grad_rms": self._eval_grad_rms.array.copy(),
            "update_ratio": self._eval_update_ratios.array.copy(),
            "inactive": self._inactive.array.copy(),
            "saturated": self._saturated.array.copy(),
        }

    def step_rows(self, start: int = 0) -> np.ndarray:
        """Rows ``start:`` of the per-step table (columns STEP_COLUMNS), a copy: a view that
        follows a live run reads only what is new."""
        return self._steps.array[start:].copy()

    def eval_rows(self, start: int = 0) -> np.ndarray:
        """Rows ``start:`` of the per-evaluation table (columns EVAL_COLUMNS), a copy."""
        return self._evals.array[start:].copy()

    def evaluation(self, i: int = -1) -> ev.Evaluated:
        """Evaluation ``i`` (the last by default) as the trainer reported it."""
        row = self._evals.array[i]
        values = dict(zip(EVAL_COLUMNS, row.tolist(), strict=True))
        return ev.Evaluated(
            step=int(values["step"]),
            epoch=values["epoch"],
            elapsed=values["elapsed"],
            test_accuracy=values["test_accuracy"],
            test_cross_entropy=values["test_cross_entropy"],
            test_mse=values["test_mse"],
            train_accuracy=values["train_accuracy"],
            train_cross_entropy=values["train_cross_entropy"],
            train_mse=values["train_mse"],
            epoch_end=bool(values["epoch_end"]),
            confusion=self._confusion[i],
            test_predictions=self._predictions[i].astype(np.intp),
            validation_accuracy=values["validation_accuracy"],
            validation_cross_entropy=values["validation_cross_entropy"],
            validation_mse=values["validation_mse"],
            grad_rms=_finite_row(self._eval_grad_rms.array[i]),
            update_ratios=_finite_row(self._eval_update_ratios.array[i]),
            inactive=_row(self._inactive.array[i]),
            saturated=_row(self._saturated.array[i]),
        )

    def confusion(self, i: int) -> np.ndarray:
        return self._confusion[i]

    def predictions(self, i: int) -> np.ndarray:
        return self._predictions[i]

    @property
    def snapshot_steps(self) -> np.ndarray:
        return np.array(self._snapshots.steps, dtype=np.int64)

    @property
    def snapshots(self) -> tuple[Snapshot, ...]:
        return tuple(self._snapshots.get(i) for i in range(len(self._snapshots)))

    def snapshot_at(self, step: int | None = None) -> Snapshot:
        """The snapshot nearest ``step`` (the last one when None; the earlier on a tie)."""
        if not len(self._snapshots):
            raise ConfigError("the record holds no parameter snapshots")
        if step is None:
            return self._snapshots.get(-1)
        steps = self.snapshot_steps
        i = int(np.argmin(np.abs(steps - int(step))))
        return self._snapshots.get(i)

    @property
    def param_shapes(self) -> dict[str, tuple[int, ...]]:
        """W1, b1, ..., WL, bL and their shapes, in that order."""
        return dict(self._shapes)

    def snapshot_arrays(self) -> dict[str, np.ndarray]:
        """Every snapshot of each parameter stacked, (count, *shape), in snapshot order: views
        of the record's own arrays, to read, never to change."""
        return self._snapshots.used()

    def params_between(self, position: float) -> dict[str, np.ndarray]:
        """The weights at a fractional ``position`` in the list of snapshots: 3.25 is a
        quarter of the way from the fourth snapshot to the fifth (clamped to the first and
        the last; new arrays). A replay's frames between two kept steps."""
        count = len(self._snapshots)
        if not count:
            raise ConfigError("the record holds no parameter snapshots")
        position = min(max(float(position), 0.0), count - 1.0)
        i = min(int(np.floor(position)), count - 1)
        first = self._snapshots.get(i)
        if i == count - 1 or position == i:
            return {k: v.copy() for k, v in first.params.items()}
        return interpolate_params(first.params, self._snapshots.get(i + 1).params, position - i)

    def copy(self) -> RunRecord:
        """A copy of the record as it is now, which nothing writes to any more: what File > Save
        run writes while the run may still be going on. Call it in the thread that adds the
        run's tables (the window's); the snapshots the training thread has listed so far are
        copied whole (it lists one only once it is written), up to the last step recorded."""
        twin = RunRecord(self.config, self.sizes, self.dataset, self.budget, self.dataset_sha256)
        for key in ("status", "message", "total_steps", "steps_per_epoch"):
            setattr(twin, key, getattr(self, key))
        twin.train_size, twin.test_size = self.train_size, self.test_size
        twin.schedule = self.schedule.copy()
        for mine, theirs in (
            (twin._steps, self._steps),
            (twin._grad_norms, self._grad_norms),
            (twin._update_ratios, self._update_ratios),
            (twin._evals, self._evals),
            (twin._eval_grad_rms, self._eval_grad_rms),
            (twin._eval_update_ratios, self._eval_update_ratios),
            (twin._inactive, self._inactive),
            (twin._saturated, self._saturated),
        ):
            mine.extend(theirs.array)  # copied into the twin's own table
        twin.changes = list(self.changes)
        twin._confusion = [c.copy() for c in self._confusion]
        twin._predictions = [p.copy() for p in self._predictions]
        snaps = self._snapshots
        n = len(snaps.steps)  # listed now; rows [:n] of the arrays are written and stay so
        # a live run's training thread keeps snapshots ahead of the steps that reached this
        # thread: the copy ends at its last step, so every snapshot has its step's numbers
        last = int(self._steps.array[-1, 0]) if len(self._steps) else 0
        n = int(np.searchsorted(np.asarray(snaps.steps[:n]), last, side="right"))
        store = _Snapshots({}, self._dtype, max(n, 1))
        store.steps, store.epochs = list(snaps.steps[:n]), list(snaps.epochs[:n])
        store.arrays = {name: a[:n].copy() for name, a in list(snaps.arrays.items())}
        twin._snapshots = store
        return twin

    def evaluation_before(self, step: int) -> int | None:
        """Index of the last evaluation at or before ``step``, or None."""
        steps = self._evals.array[:, 0]
        i = int(np.searchsorted(steps, step, side="right")) - 1
        return i if i >= 0 else None

    def network_at(self, step: int | None = None) -> tuple[Network, int]:
        """A network with the parameters of the snapshot nearest ``step``, and that step."""
        snap = self.snapshot_at(step)
        act = self.config.make_activation()
        params = {k: v.copy() for k, v in snap.params.items()}
        return Network(self.sizes, act, self.config.init, params=params), snap.step

    @property
    def nbytes(self) -> int:
        """Bytes the record holds in memory (snapshots, tables, confusions, predictions)."""
        snaps = len(self._snapshots) * self._snapshot_bytes
        tables = sum(
            t.array.nbytes
            for t in (self._steps, self._grad_norms, self._update_ratios, self._evals)
        )
        per_eval = sum(a.nbytes for a in self._confusion + self._predictions)
        return snaps + tables + per_eval

    def summary(self) -> dict:
        """What the record holds, as plain JSON-able values (``nnviz record``)."""
        steps = self.snapshot_steps
        return {
            "status": self.status,
            "message": self.message,
            "network": "-".join(map(str, self.sizes)),
            "activation": self.config.activation,
            "dataset": self.dataset,
            "total_steps": self.total_steps,
            "steps_recorded": self.steps_recorded,
            "epochs_recorded": (
                round(self.steps_recorded / self.steps_per_epoch, 3) if self.steps_per_epoch else 0
            ),
            "evaluations": self.evaluations_recorded,
            "snapshots": int(steps.size),
            "snapshot_steps": [int(s) for s in steps],
            "memory_mb": round(self.nbytes / 2**20, 2),
            "validation": self.has_validation,
            "changes": [
                {"step": step, "name": name, "old": old, "new": new}
                for step, name, old, new in self.changes
            ],
            "config": self.config.to_dict(),
        }

    # ------------------------------------------------------------------ files
    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the record to ``path`` (``.npz`` added when missing), atomically."""
        path = npz_path(path)
        meta = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "config": self.config.to_dict(),
            "sizes": list(self.sizes),
            "dataset": self.dataset,
            "dataset_sha256": self.dataset_sha256,
            "budget": self.budget,
            "status": self.status,
            "message": self.message,
            "total_steps": self.total_steps,
            "steps_per_epoch": self.steps_per_epoch,
            "train_size": self.train_size,
            "test_size": self.test_size,
            "step_columns": list(STEP_COLUMNS),
            "eval_columns": list(EVAL_COLUMNS),
            "snapshot_epochs": list(self._snapshots.epochs),
            "changes": [list(c) for c in self.changes],
        }
        classes = self.sizes[-1]
        arrays: dict[str, np.ndarray] = {
            "meta": np.array(json.dumps(meta)),
            "schedule": self.schedule,
            "steps": self._steps.array,
            "grad_norms": self._grad_norms.array,
            "update_ratios": self._update_ratios.array,
            "evaluations": self._evals.array,
            "eval_grad_rms": self._eval_grad_rms.array,
            "eval_update_ratios": self._eval_update_ratios.array,
            "inactive": self._inactive.array,
            "saturated": self._saturated.array,
            "confusion": np.array(self._confusion, dtype=np.int64).reshape(-1, classes, classes),
            "predictions": np.array(self._predictions, dtype=np.int16).reshape(
                len(self._predictions), self.test_size
            ),
            "snapshot_steps": self.snapshot_steps,
        }
        for name in self._param_names():
            arrays[f"snapshot_{name}"] = self._snapshots.used()[name]  # views: no copy
        write_npz(path, arrays, RecordFileError)
        return path

    def _param_names(self) -> list[str]:
        return [f"{p}{l}" for l in range(1, len(self.sizes)) for p in "Wb"]

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> RunRecord:
        """Read a record file; anything malformed raises RecordFileError naming the file."""
        path = Path(path)
        arrays = read_npz(path, RecordFileError, "run record")
        return _Loader(path, arrays).record()


class _Loader:
    """Checks a record file's arrays against its meta before building the record."""

    def __init__(self, path: Path, arrays: dict[str, np.ndarray]) -> None:
        self.path, self.arrays = path, arrays

    def fail(self, what: str) -> RecordFileError:
        return RecordFileError(f"{self.path}: {what}")

    def array(self, name: str, ndim: int, kind: str = "f") -> np.ndarray:
        if name not in self.arrays:
            raise self.fail(f"not a complete run record (no {name!r} entry)")
        value = self.arrays[name]
        if value.ndim != ndim or value.dtype.kind not in kind:
            raise self.fail(f"the entry {name!r} has the wrong shape or type")
        return value

    def meta(self) -> dict:
        raw = self.arrays.get("meta")
        if raw is None or raw.shape != () or raw.dtype.kind != "U":
            raise self.fail("not a run record (no meta entry; is it a model file?)")
        try:
            meta = json.loads(str(raw[()]))
        except (json.JSONDecodeError, RecursionError):
            raise self.fail("the meta entry is not valid JSON") from None
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            raise self.fail("not a run record (is it a model file?)")
        version = meta.get("format_version")
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise self.fail(f"run record version {version!r} is newer than this nnviz reads")
        return meta

    def record(self) -> RunRecord:
        meta = self.meta()
        try:
            config = TrainingConfig.from_dict(meta["config"])
            sizes = tuple(int(s) for s in meta["sizes"])
            if len(sizes) < 2 or sizes[1:-1] != config.hidden:
                raise ConfigError(f"layer sizes {sizes} do not match the configuration")
            record = RunRecord(config, sizes, str(meta["dataset"]), int(meta["budget"]))
            record.dataset_sha256 = meta.get("dataset_sha256")  # checked by find_dataset
            status = str(meta["status"])
            if status not in STATUSES:
                raise ConfigError(f"unknown status {status!r}")
            record.status, record.message = status, str(meta.get("message", ""))
            for key in ("total_steps", "steps_per_epoch", "train_size", "test_size"):
                setattr(record, key, int(meta[key]))
            snapshot_epochs = [float(e) for e in meta["snapshot_epochs"]]
            record.changes = [
                (int(step), str(name), float(old), float(new))
                for step, name, old, new in meta.get("changes", [])
            ]
            eval_columns = tuple(meta.get("eval_columns", _EVAL_COLUMNS_V1))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise self.fail(f"the meta entry is incomplete or wrong ({exc})") from None
        layers = len(sizes) - 1
        steps = self.array("steps", 2)
        norms, ratios = self.array("grad_norms", 2), self.array("update_ratios", 2)
        evals = self.array("evaluations", 2)
        per_layer = {  # version 2 on; a version 1 file has none of these: NaN rows
            name: self.array(name, 2)
            if name in self.arrays
            else np.full((evals.shape[0], 0), np.nan)
            for name in ("eval_grad_rms", "eval_update_ratios", "inactive", "saturated")
        }
        confusion = self.array("confusion", 3, "iu")
        predictions = self.array("predictions", 2, "iu")
        snap_steps = self.array("snapshot_steps", 1, "iu")
        record.schedule = self.array("schedule", 1, "iu").astype(np.int64)
        k, e, s = steps.shape[0], evals.shape[0], snap_steps.shape[0]
        if (
            steps.shape[1] != len(STEP_COLUMNS)
            or norms.shape != (k, layers)
            or ratios.shape != (k, layers)
            or eval_columns != EVAL_COLUMNS[: len(eval_columns)]
            or evals.shape[1] != len(eval_columns)
            or any(a.shape[0] != e or a.shape[1] > layers for a in per_layer.values())
            or confusion.shape != (e, sizes[-1], sizes[-1])
            or predictions.shape[0] != e
            or len(snapshot_epochs) != s
        ):
            raise self.fail("its tables do not fit together (truncated or edited?)")
        record._steps.extend(steps)
        record._grad_norms.extend(norms)
        record._update_ratios.extend(ratios)
        record._evals.extend(evals)
        record._eval_grad_rms.extend(per_layer["eval_grad_rms"])
        record._eval_update_ratios.extend(per_layer["eval_update_ratios"])
        record._inactive.extend(per_layer["inactive"])
        record._saturated.extend(per_layer["saturated"])
        record._confusion = list(confusion)
        record._predictions = list(predictions)
        for name, shape in record._shapes.items():
            stack = self.array(f"snapshot_{name}", 1 + len(shape))
            if stack.shape != (s, *shape):
                raise self.fail(f"snapshots of {name} have shape {stack.shape[1:]}, not {shape}")
            if not np.all(np.isfinite(stack)):
                raise self.fail(f"snapshots of {name} contain NaN or infinite values")
        store = _Snapshots({}, record._dtype, s)
        store.arrays = {n: self.arrays[f"snapshot_{n}"] for n in record._param_names()}
        store.steps = [int(x) for x in snap_steps]
        store.epochs = snapshot_epochs
        record._snapshots = store
        if not all(math.isfinite(x) for x in snapshot_epochs):
            raise self.fail("snapshot epochs are not finite numbers")
        return record
