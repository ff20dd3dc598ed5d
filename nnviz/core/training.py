"""Training as a generator of events, steered by thread-safe stop / pause / step requests.

``train(config)`` yields a :class:`TrainingStarted`, a :class:`BatchFinished` per batch, an
:class:`Evaluated` per evaluation (at least one per epoch), :class:`WeightsSnapshot` copies on
request, :class:`Paused` when a pause takes effect, and always ends with one
:class:`TrainingEnded` (:class:`Finished`, :class:`Stopped` or :class:`Diverged`) carrying the
final (or, after a divergence, the last good) parameters.
"""

from __future__ import annotations

import math
import numbers
import threading
import time
from collections.abc import Collection, Iterator
from dataclasses import asdict, dataclass, fields, replace

import numpy as np

from nnviz.core import events as ev
from nnviz.core.activations import ACTIVATION_PARAMS, Activation, get_activation
from nnviz.core.augment import Augmenter
from nnviz.core.datasets import Dataset, load_dataset
from nnviz.core.errors import ConfigError
from nnviz.core.layers import Dropout
from nnviz.core.losses import get_loss
from nnviz.core.metrics import evaluate
from nnviz.core.network import INITS, Network, add_weight_decay
from nnviz.core.optimizers import OPTIMIZERS, Momentum, get_optimizer

__all__ = [
    "LIVE_HYPERPARAMETERS",
    "PRESETS",
    "WINDOW_VALIDATION",
    "TrainingConfig",
    "TrainingControl",
    "train",
    "validation_count",
    "validation_split",
]

_TRAIN_EVAL_SIZE = 10_000  # training samples scored at each evaluation (a fixed slice)
_BACKUP_EVERY = 50  # steps between copies of the last good parameters, kept for divergence
LR_SCHEDULES = ("constant", "cosine")
# (smallest, largest) allowed for the whole-number hyperparameters; the GUI's messages read these
LIMITS = {
    "hidden": (1, 4096),  # units per hidden layer; more is certainly a typo
    "batch_size": (1, 60_000),  # the whole MNIST training set
    "epochs": (1, 1000),
    "evals_per_epoch": (1, 100),
}
# (smallest, largest) allowed for the real-valued regularisation settings
REAL_LIMITS = {
    "momentum": (0.0, 0.999),  # 1 or more never forgets a step: the velocity grows without end
    "l2": (0.0, 1.0),  # λ above 1 shrinks the weights faster than any gradient grows them
    "dropout": (0.0, 0.9),  # dropping more than 90% of the units leaves too little signal
    "validation": (0.0, 0.5),  # holding out more than half leaves too little to learn from
    "init_scale": (0.001, 100.0),  # factor on the initial weights; outside: all 0 or overflow
}
#: what may be changed while a run is going (TrainingControl.change); each takes effect at the
#: next step and is recorded
LIVE_HYPERPARAMETERS = ("lr", "momentum", "l2", "dropout")
#: the validation share the window holds out by default (the command line holds out none unless
#: --validation is given, so its figures stay those of the whole training set)
WINDOW_VALIDATION = 0.1
# TrainingConfig field -> default of the activation parameters (described in core/activations.py)
_PARAM_DEFAULTS = {p.field: p.default for p in ACTIVATION_PARAMS.values()}


def _is_whole(value: object) -> bool:
    """A whole number such as 5 or 5.0; not nan, inf, True, None or text (which int() would
    turn into a ValueError or TypeError instead of a ConfigError)."""
    return (
        isinstance(value, numbers.Real)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and int(value) == value
    )


@dataclass(frozen=True)
class TrainingConfig:
    """Every hyperparameter and its default, in one place (the CLI and the GUI read these)."""

    hidden: tuple[int, ...] = (50, 100)
    activation: str = "sigmoid"
    loss: str = "cross-entropy"
    optimizer: str = "sgd"
    lr: float = 1.0
    batch_size: int = 100
    epochs: int = 5
    init: str = "xavier"
    seed: int = 0
    dataset: str = "mnist"
    evals_per_epoch: int = 1
    # the activation parameters: each used only by its activation (ACTIVATION_PARAMS)
    leaky_slope: float = _PARAM_DEFAULTS["leaky_slope"]
    elu_alpha: float = _PARAM_DEFAULTS["elu_alpha"]
    maxout_pieces: int = _PARAM_DEFAULTS["maxout_pieces"]
    lr_schedule: str = "constant"  # or "cosine": lr falls along a half cosine to 0 by the end
    momentum: float = 0.9  # the Momentum optimizer's v <- momentum * v - lr * dW
    l2: float = 0.0  # weight decay λ: E + (λ/2) Σ ||W||²
    dropout: float = 0.0  # share of hidden units dropped at each training step
    validation: float = 0.0  # share of the training set held out for validation
    augment: bool = False  # small random shifts, rotations and pixel noise at every batch
    init_scale: float = 1.0  # factor on the initial weights (the init's own scale times this)

    def __post_init__(self) -> None:
        if not (isinstance(self.hidden, (list, tuple)) and all(map(_is_whole, self.hidden))):
            raise ConfigError(f"hidden layer sizes must be whole numbers, got {self.hidden!r}")
        object.__setattr__(self, "hidden", tuple(int(h) for h in self.hidden))
        lo, hi = LIMITS["hidden"]
        if any(h < lo or h > hi for h in self.hidden):
            raise ConfigError(
                f"hidden layer sizes must be between {lo} and {hi}, got {self.hidden}"
            )
        self.make_activation()  # raises ConfigError for an unknown name or a bad parameter
        get_loss(self.loss)
        if self.optimizer not in OPTIMIZERS:
            raise ConfigError(
                f"unknown optimizer {self.optimizer!r}; choose one of {', '.join(OPTIMIZERS)}"
            )
        lr_is_real = isinstance(self.lr, numbers.Real) and not isinstance(self.lr, bool)
        if not (lr_is_real and math.isfinite(self.lr) and self.lr > 0):
            raise ConfigError(f"learning rate must be a positive number, got {self.lr}")
        for name, what in (("batch_size", "batch size"), ("epochs", "epochs")):
            value, (lo, hi) = getattr(self, name), LIMITS[name]
            if not _is_whole(value) or not lo <= value <= hi:
                raise ConfigError(f"{what} must be a whole number from {lo} to {hi}, got {value}")
        if self.init not in INITS:
            raise ConfigError(
                f"unknown initialisation {self.init!r}; choose one of {', '.join(INITS)}"
            )
        if self.lr_schedule not in LR_SCHEDULES:
            raise ConfigError(
                f"unknown learning-rate schedule {self.lr_schedule!r}; "
                f"choose one of {', '.join(LR_SCHEDULES)}"
            )
        for name, (lo, hi) in REAL_LIMITS.items():
            value = getattr(self, name)
            real = isinstance(value, numbers.Real) and not isinstance(value, bool)
            if not (real and math.isfinite(value) and lo <= value <= hi):
                raise ConfigError(
                    f"{name.replace('_', ' ')} must be from {lo:g} to {hi:g}, got {value}"
                )
        if not isinstance(self.augment, bool):
            raise ConfigError(f"augment must be true or false, got {self.augment!r}")
        if not _is_whole(self.seed) or self.seed < 0:
            raise ConfigError(f"seed must be a non-negative whole number, got {self.seed}")
        lo, hi = LIMITS["evals_per_epoch"]
        if not _is_whole(self.evals_per_epoch) or not lo <= self.evals_per_epoch <= hi:
            raise ConfigError(
                f"evaluations per epoch must be from {lo} to {hi}, got {self.evals_per_epoch}"
            )

    def make_activation(self) -> Activation:
        """The activation, given its parameter's field of this config (if it takes one)."""
        name = str(self.activation).strip().lower().replace("_", "-")
        param = ACTIVATION_PARAMS.get(name)
        return get_activation(
            name, **({param.keyword: getattr(self, param.field)} if param else {})
        )

    def sizes(self, input_size: int = 784, classes: int = 10) -> tuple[int, ...]:
        return (input_size, *self.hidden, classes)

    def make_network(self, input_size: int = 784, classes: int = 10) -> Network:
        network = Network(
            self.sizes(input_size, classes), self.make_activation(), self.init, self.seed
        )
        if self.init_scale != 1.0:
            for name, w in network.params.items():
                if name[0] == "W":
                    w *= w.dtype.type(self.init_scale)
        return network

    def to_dict(self) -> dict:
        d = asdict(self)
        d["hidden"] = list(self.hidden)
        return d

    @classmethod
    def from_dict(cls, data: dict) -> TrainingConfig:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def with_(self, **changes) -> TrainingConfig:
        return replace(self, **changes)


# Documented presets (README): measured test accuracy on the bundled MNIST, seed 0.
PRESETS: dict[str, TrainingConfig] = {
    # the defaults: the book's 784-50-100-10 sigmoid network, plain SGD (92.8% after 1 epoch)
    "book": TrainingConfig(),
    # 97.8% in 3 epochs (2 s): ReLU, He initialisation, Adam, cosine learning-rate decay
    "fast": TrainingConfig(
        hidden=(100, 100),
        activation="relu",
        optimizer="adam",
        lr=0.003,
        init="he",
        epochs=3,
        lr_schedule="cosine",
    ),
    # 98.4% in 8 epochs (10 s): a wider network, the same recipe
    "best": TrainingConfig(
        hidden=(256, 128),
        activation="relu",
        optimizer="adam",
        lr=0.002,
        init="he",
        epochs=8,
        lr_schedule="cosine",
    ),
}


class TrainingControl:
    """Stop / pause / resume / single-step / snapshot requests, safe to call from any thread.

    The trainer reads them between batches, so a stop takes effect within one batch.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._stop = False
        self._paused = False
        self._step_credit = 0
        self._snapshot = False
        self._changes: dict[str, float] = {}
        self._pace = 0.0

    def change(self, name: str, value: float) -> None:
        """Set hyperparameter ``name`` (one of LIVE_HYPERPARAMETERS) to ``value`` from the next
        step on. The value is checked by the caller (TrainingConfig.with_ raises ConfigError)."""
        if name not in LIVE_HYPERPARAMETERS:
            raise ConfigError(f"{name} cannot be changed during a run")
        with self._cond:
            self._changes[name] = float(value)

    def take_changes(self) -> dict[str, float]:
        """The changes asked for since the last call (the trainer's side)."""
        if not self._changes:
            return {}
        with self._cond:
            changes, self._changes = self._changes, {}
            return changes

    def set_pace(self, seconds_per_step: float) -> None:
        """Slow motion: wait this long before each step (0: full speed). Waiting is not
        counted as training time; a stop or pause is seen at once."""
        with self._cond:
            self._pace = max(float(seconds_per_step), 0.0)
            self._cond.notify_all()

    @property
    def pace(self) -> float:
        return self._pace

    def _slow_down(self) -> None:
        """Wait the slow-motion pace before a step (returns early on a stop, pause or a faster
        pace)."""
        deadline = time.monotonic() + self._pace
        with self._cond:
            while not self._stop and not self._paused and self._pace > 0:
                left = min(deadline, time.monotonic() + self._pace) - time.monotonic()
                if left <= 0:
                    return
                self._cond.wait(left)

    def stop(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()

    def pause(self) -> None:
        with self._cond:
            self._paused = True
            self._cond.notify_all()

    def resume(self) -> None:
        with self._cond:
            self._paused = False
            self._step_credit = 0
            self._cond.notify_all()

    def step(self, batches: int = 1) -> None:
        """While paused, let exactly ``batches`` more batches run (pauses first if running)."""
        with self._cond:
            self._paused = True
            self._step_credit += batches
            self._cond.notify_all()

    def request_snapshot(self) -> None:
        with self._cond:
            self._snapshot = True

    @property
    def stop_requested(self) -> bool:
        return self._stop

    @property
    def paused(self) -> bool:
        return self._paused

    def take_snapshot_request(self) -> bool:
        if not self._snapshot:  # a request made just now is seen after the next batch
            return False
        with self._cond:
            wanted, self._snapshot = self._snapshot, False
            return wanted

    def _may_run(self) -> str:
        """'stop', 'run' or 'pause' (paused, with no step credit)."""
        if not (self._stop or self._paused):  # the usual case, without the lock: a request
            return "run"  # made meanwhile is seen before the next batch
        with self._cond:
            if self._stop:
                return "stop"
            if not self._paused:
                return "run"
            if self._step_credit > 0:
                self._step_credit -= 1
                return "run"
            return "pause"

    def _wait(self) -> None:
        with self._cond:
            while not self._stop and self._paused and self._step_credit == 0:
                self._cond.wait(0.25)


def _scaled(images: np.ndarray, dtype: np.dtype) -> np.ndarray:
    """uint8 pixels as floats in [0, 1]."""
    out = np.empty(images.shape, dtype=dtype)
    np.multiply(images, dtype.type(1 / 255), out=out, casting="unsafe")
    return out


_TINY_NORM = 1e-30  # an all-zero weight matrix has no meaningful update ratio; avoids 0/0


def _norm(array: np.ndarray) -> float:
    flat = array.reshape(-1)
    return math.sqrt(float(np.dot(flat, flat)))


def _both_losses(
    y: np.ndarray, target: np.ndarray, rows: np.ndarray, loss: float, minimised: str
) -> tuple[float, float]:
    """(cross-entropy, mse) of a batch from its probabilities y; the minimised one is ``loss``."""
    n = y.shape[0]
    if minimised == "mse":
        p = y[rows[:n], target]
        return float(-np.log(np.maximum(p, np.finfo(y.dtype).tiny)).mean(dtype=np.float64)), loss
    d = y.copy()
    d[rows[:n], target] -= 1
    flat = d.reshape(-1)
    return loss, 0.5 * float(np.dot(flat, flat)) / n


def _copy_params(network: Network) -> dict[str, np.ndarray]:
    return {k: v.copy() for k, v in network.params.items()}


def validation_count(n: int, fraction: float) -> int:
    """Samples of a training set of ``n`` held out for validation (at least one when asked for,
    and at least one left to train on)."""
    if fraction <= 0 or n < 2:
        return 0
    return min(max(int(round(n * fraction)), 1), n - 1)


def validation_split(n: int, fraction: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """(training indices, validation indices) of a training set of ``n`` samples, both sorted
    and disjoint, together 0..n-1. The validation samples are drawn at random from ``seed``
    (its own stream: the same seed always holds out the same samples, whatever else changes);
    the test set is never part of it."""
    k = validation_count(n, fraction)
    if k == 0:
        return np.arange(n), np.zeros(0, dtype=np.intp)
    rng = np.random.default_rng([int(seed), 0x5A11D])  # a stream of its own for the split
    held = np.zeros(n, dtype=bool)
    held[rng.choice(n, size=k, replace=False)] = True
    return np.flatnonzero(~held), np.flatnonzero(held)


def train(
    config: TrainingConfig | None = None,
    dataset: Dataset | None = None,
    control: TrainingControl | None = None,
    network: Network | None = None,
    snapshot_interval: float | None = None,
    snapshot_steps: Collection[int] = (),
    diagnostics: bool = True,
) -> Iterator[ev.TrainingEvent]:
    """Train ``network`` (a new one from ``config`` if None) and yield events as it goes.

    ``snapshot_interval`` (seconds) adds a :class:`WeightsSnapshot` at most that often (for a
    live view); ``snapshot_steps`` adds a ``scheduled`` one after each of those steps (0: the
    initial weights), for a run record (:func:`nnviz.core.recording.snapshot_schedule`).
    The network is updated in place; the final event also carries a copy of its parameters.
    ``diagnostics`` counts inactive and saturated hidden units at each evaluation.
    """
    config = config or TrainingConfig()
    control = control or TrainingControl()
    dataset = dataset or load_dataset(config.dataset)
    dataset.load()
    train_split, test_split = dataset.train, dataset.test
    if network is None:
        network = config.make_network(dataset.input_size, dataset.num_classes)
    elif problem := dataset.mismatch(network.sizes):
        raise ConfigError(f"the network {network.sizes} {problem}")
    loss_fn = get_loss(config.loss)
    optimizer = get_optimizer(config.optimizer, config.lr)
    if isinstance(optimizer, Momentum):
        optimizer.momentum = config.momentum
    rng = np.random.default_rng(config.seed)
    # dropout masks and augmentation from streams of their own: switching them on or off
    # leaves the order of the batches as it was
    dropout_rng = np.random.default_rng([config.seed, 1])
    augment_rng = np.random.default_rng([config.seed, 2])
    hyper = {
        "lr": float(config.lr),
        "momentum": float(config.momentum),
        "l2": float(config.l2),
        "dropout": float(config.dropout),
    }
    layers = network.training_layers(config.dropout, dropout_rng)
    dropouts = [layer for layer in layers if isinstance(layer, Dropout)]

    images, labels = train_split.images, train_split.labels
    train_idx, val_idx = validation_split(len(train_split), config.validation, config.seed)
    n = train_idx.size
    batch = min(config.batch_size, n)
    steps_per_epoch = max(n // batch, 1)
    total_steps = steps_per_epoch * config.epochs
    eval_steps = {
        round(steps_per_epoch * (i + 1) / config.evals_per_epoch)
        for i in range(config.evals_per_epoch)
    }
    train_eval = train_idx[:_TRAIN_EVAL_SIZE]
    xbuf = np.empty((batch, images.shape[1]), dtype=network.dtype)
    ubuf = np.empty((batch, images.shape[1]), dtype=images.dtype)
    scale = network.dtype.type(1 / 255)
    rows = np.arange(batch)
    weights = [f"W{l}" for l in range(1, network.num_layers + 1)]
    rms_scale = [1.0 / math.sqrt(network.params[w].size) for w in weights]
    since_eval = np.zeros((2, len(weights)))  # sums of grad RMS and update ratio since the
    steps_since_eval = 0  # last evaluation, for the evaluation's per-layer averages
    side = int(round(math.sqrt(images.shape[1])))
    if config.augment and side * side != images.shape[1]:
        raise ConfigError(f"augmentation needs square images; these have {images.shape[1]} pixels")
    augmenter = Augmenter(augment_rng, side=side) if config.augment else None
    snapshot_steps = frozenset(int(s) for s in snapshot_steps)
    backup = _copy_params(network)

    step = 0
    elapsed = 0.0  # time spent training and evaluating, pauses excluded
    batch_time = 0.0  # time spent in batches only, for samples/s
    yield ev.TrainingStarted(0, 0.0, 0.0, total_steps, steps_per_epoch, n, len(test_split))
    if 0 in snapshot_steps:
        yield ev.WeightsSnapshot(0, 0.0, 0.0, _copy_params(network), scheduled=True)
    last_snapshot = time.perf_counter()

    # the evaluation sets scaled once (2 x 31 MB for MNIST) rather than at every evaluation;
    # batches are gathered from the uint8 pixels and scaled into one buffer (a gather from a
    # float32 copy of the whole training set is slower: 32 µs against 21 per batch of 100)
    test_x = _scaled(test_split.images, network.dtype)
    train_eval_x = _scaled(images[train_eval], network.dtype)
    val_x = _scaled(images[val_idx], network.dtype) if val_idx.size else None
    val_labels = labels[val_idx]
    train_eval_labels = labels[train_eval]

    def evaluation(epoch_end: bool) -> ev.Evaluated:
        nonlocal steps_since_eval
        test = evaluate(network, test_x, test_split.labels)
        tr = evaluate(network, train_eval_x, train_eval_labels, diagnose=diagnostics)
        nan = float("nan")
        val = evaluate(network, val_x, val_labels) if val_x is not None else None
        means = since_eval / max(steps_since_eval, 1)
        since_eval[:] = 0
        steps_since_eval = 0
        return ev.Evaluated(
            step,
            step / steps_per_epoch,
            elapsed,
            test.accuracy,
            test.cross_entropy,
            test.mse,
            tr.accuracy,
            tr.cross_entropy,
            tr.mse,
            epoch_end,
            test.confusion,
            test.predictions,
            val.accuracy if val else nan,
            val.cross_entropy if val else nan,
            val.mse if val else nan,
            tuple(means[0].tolist()),
            tuple(means[1].tolist()),
            tr.inactive,
            tr.saturated,
        )

    def ended(kind: type[ev.TrainingEnded], message: str) -> ev.TrainingEnded:
        return kind(step, step / steps_per_epoch, elapsed, _copy_params(network), message)

    for _epoch in range(config.epochs):
        order = train_idx[rng.permutation(n)]
        correct = seen = 0
        for b in range(steps_per_epoch):
            state = control._may_run()
            while state == "pause":
                yield ev.Paused(step, step / steps_per_epoch, elapsed)
                control._wait()
                state = control._may_run()
            if state == "run" and control.pace > 0:
                control._slow_down()
                state = control._may_run()
                while state == "pause":
                    yield ev.Paused(step, step / steps_per_epoch, elapsed)
                    control._wait()
                    state = control._may_run()
            if state == "stop":
                yield ended(ev.Stopped, f"stopped after {step} steps")
                return
            for name, value in control.take_changes().items():
                old, hyper[name] = hyper[name], value
                if name == "lr":
                    optimizer.lr = value
                elif name == "momentum" and isinstance(optimizer, Momentum):
                    optimizer.momentum = value
                elif name == "dropout":
                    for layer in dropouts:
                        layer.rate = value
                yield ev.HyperparameterChanged(
                    step, step / steps_per_epoch, elapsed, name, old, value
                )

            t0 = time.perf_counter()
            idx = order[b * batch : (b + 1) * batch]
            np.take(images, idx, axis=0, out=ubuf)
            np.multiply(ubuf, scale, out=xbuf)
            if augmenter is not None:
                augmenter(xbuf, out=xbuf)
            target = labels[idx]
            loss, grads, y = network.loss_and_gradients(
                xbuf, target, loss_fn, layers if hyper["dropout"] > 0 else None
            )
            if not math.isfinite(loss) or loss > loss_fn.diverged_above:
                network.params.update({k: v.copy() for k, v in backup.items()})
                yield ended(
                    ev.Diverged,
                    f"training diverged at step {step + 1} (loss {loss:.3g}); the learning rate "
                    f"{hyper['lr']:g} is too large for {config.optimizer}. The last good weights "
                    "were kept.",
                )
                return
            if step % _BACKUP_EVERY == 0:  # back up weights whose loss was just seen to be good
                for k, v in network.params.items():
                    np.copyto(backup[k], v)
            if config.lr_schedule == "cosine":
                optimizer.lr = 0.5 * hyper["lr"] * (1.0 + math.cos(math.pi * step / total_steps))
            params = network.params
            add_weight_decay(params, grads, hyper["l2"])
            sizes = optimizer.step(params, grads)  # (||dE/dW||², ||ΔW||²) per layer
            grad_norms = tuple([math.sqrt(sizes[w][0]) for w in weights])
            update_ratios = tuple(
                [math.sqrt(sizes[w][1]) / max(_norm(params[w]), _TINY_NORM) for w in weights]
            )
            since_eval[0] += np.multiply(grad_norms, rms_scale)
            since_eval[1] += update_ratios
            steps_since_eval += 1
            ce, mse = _both_losses(y, target, rows, loss, loss_fn.name)
            step += 1
            batch_correct = int((y.argmax(axis=1) == target).sum())
            correct += batch_correct
            seen += batch
            dt = time.perf_counter() - t0
            batch_time += dt
            elapsed += dt
            yield ev.BatchFinished(
                step,
                step / steps_per_epoch,
                elapsed,
                loss,
                correct / seen,
                step * batch / batch_time if batch_time > 0 else 0.0,
                batch_correct / batch,
                total_steps,
                ce,
                mse,
                optimizer.lr,
                grad_norms,
                update_ratios,
            )
            if (b + 1) in eval_steps:
                t0 = time.perf_counter()
                result = evaluation(epoch_end=(b + 1) == steps_per_epoch)
                elapsed += time.perf_counter() - t0
                yield result
            now = time.perf_counter()
            scheduled = step in snapshot_steps
            if (
                scheduled
                or control.pace > 0  # slow motion: every step is shown on the graph
                or control.take_snapshot_request()
                or (snapshot_interval is not None and now - last_snapshot >= snapshot_interval)
            ):
                last_snapshot = now
                yield ev.WeightsSnapshot(
                    step, step / steps_per_epoch, elapsed, _copy_params(network), scheduled
                )
    yield ended(ev.Finished, f"finished {config.epochs} epochs ({step} steps)")
