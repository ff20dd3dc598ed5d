"""How a network learns from one digit: the numbers behind the backward pass.

What the window's backward views and ``nnviz backward`` show, computed here so that the GUI does
no maths of its own:

- :func:`numerical_gradient`: every parameter's dE/dw by central differences (the book's
  chapter 4) beside backpropagation's (chapter 5), the time each took and the largest relative
  difference; with a progress callback and a cancel check.
- :func:`loss_along_weight` and :func:`loss_surface`: E for one digit as one weight (or two)
  moves with every other weight fixed, the slope from backpropagation and from central
  differences, and the path gradient descent takes on a two-weight slice.
- :func:`learning_step`: one step of gradient descent on one digit, returned as new parameters
  (the caller keeps the old ones for undo).
- :func:`compare_losses`: the size of every backward stage under cross-entropy and under MSE.
- :func:`gradient_terms`, :func:`strongest_gradients`, :func:`unit_deltas`,
  :func:`delta_breakdown` and :func:`largest_weight_gradients`: the edges and chain-rule terms
  of the graph running backwards.
- :func:`summarize_stage`: a stage's shape, L2 norm, sum and largest absolute value.

Everything is computed in float64 on a float64 copy of the network; the network passed in is
never modified (except by ``learning_step(..., in_place=True)``). ``x`` is one sample (n_0,)
with an integer ``label`` or a batch (n, n_0) with labels (n,); E is then the batch mean.

Central differences, batched. The loss for a parameter moved by ±h is always computed in full,
E(w ± h), and the gradient is (E(w + h) - E(w - h)) / 2h, one parameter at a time as in the
book. What is shared between parameters is only what their move cannot change: moving
``W_l[i, j]`` (or ``b_l[j]``) changes column j of a_l alone, by (w' - w)·z_{l-1,i} (or w' - w),
so the pass up to a_l is done once and many perturbed copies of a_l run through the rest of the
network together as the rows of one batch. The result equals the one-parameter-at-a-time loop
up to rounding (``tests/core/test_learning.py`` compares the two).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from nnviz.core import errors
from nnviz.core.activations import softmax
from nnviz.core.contributions import layer_input, strongest_incoming, unit_columns
from nnviz.core.errors import ConfigError
from nnviz.core.layers import Affine
from nnviz.core.losses import CrossEntropy, Loss, MeanSquaredError, get_loss
from nnviz.core.network import Network
from nnviz.core.trace import Kind, Stage, Trace

__all__ = [
    "STEP",
    "Cancelled",
    "DeltaBreakdown",
    "LearningStep",
    "LossComparison",
    "LossSurface",
    "NumericalGradient",
    "StageSummary",
    "WeightSlice",
    "compare_losses",
    "delta_breakdown",
    "gradient_terms",
    "largest_weight_gradients",
    "learning_step",
    "loss_along_weight",
    "loss_surface",
    "numerical_gradient",
    "relative_difference",
    "strongest_gradients",
    "summarize_stage",
    "unit_deltas",
]

STEP = 1e-5  # central-difference step in float64: truncation ~STEP², rounding ~1e-16/STEP
_FLOOR = 1e-12  # two gradients that are both (almost) zero agree (as in tests/core/gradcheck.py)
# perturbed copies x samples run through the rest of the network at once: large enough that the
# matrix products dominate the Python overhead, small enough that a chunk takes a few
# milliseconds (the cancel check and the progress report come between chunks) and a few MB
_CHUNK_ROWS = 2048
_BACKPROP_REPEATS = 7  # backpropagation is timed as the median of this many runs
_GRADIENT_KINDS = (
    Kind.LOSS_GRADIENT,
    Kind.WEIGHT_GRADIENT,
    Kind.BIAS_GRADIENT,
    Kind.SIGNAL_GRADIENT,
    Kind.DELTA,
)

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool] | threading.Event


class Cancelled(errors.Cancelled):
    """Raised by :func:`numerical_gradient` when its cancel check said so (between two chunks).

    ``done`` of ``total`` parameters had their gradient computed; nothing is returned.
    """

    def __init__(self, done: int, total: int) -> None:
        super().__init__(done, total, f"cancelled after {done} of {total} parameters")


# ---------------------------------------------------------------------- shared machinery
def _samples(x: np.ndarray, label: int | np.ndarray) -> tuple[np.ndarray, np.ndarray, bool]:
    """(x as float64 (n, n_0), labels (n,), whether one sample was given)."""
    single = np.ndim(x) == 1
    x64 = np.atleast_2d(np.asarray(x, dtype=np.float64))
    labels = np.atleast_1d(np.asarray(label, dtype=np.intp))
    if labels.shape != (x64.shape[0],):
        raise ConfigError(f"{x64.shape[0]} samples need as many labels, got {labels.shape[0]}")
    return x64, labels, single


def _row_losses(loss: Loss, logits: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """E of every row of ``logits`` (rows,): the function ``Loss.value_and_grad`` averages,
    computed so that its rounding stays relative to E even when E is tiny.

    Central differences divide E(w + h) - E(w - h) by 2h = 2e-5: an absolute error of 1e-16 in
    E becomes 5e-12 in the slope, as large as the whole gradient of a digit the network is sure
    of. So, with m = max_k a_k, e_k = exp(a_k - m) and S = Σ_k e_k:

    - cross-entropy, log(S) + m - a_t, is log1p(Σ_{k ≠ argmax} e_k) + (m - a_t), not log-sum-exp
      minus a_t (two numbers ~10 whose difference is ~1e-6); ``CrossEntropy.per_sample`` also
      adds 1e-7 inside the log (for float32), which would bend E;
    - MSE, ½ Σ_k (y_k - t_k)², takes y_t - 1 as -(Σ_{k ≠ t} e_k) / S rather than y_t - 1.
    """
    rows = np.arange(logits.shape[0])
    if isinstance(loss, CrossEntropy):
        top = logits.argmax(axis=1)
        m = logits[rows, top]
        others = np.exp(logits - m[:, None])
        others[rows, top] = 0.0
        return np.log1p(others.sum(axis=1)) + (m - logits[rows, labels])
    if isinstance(loss, MeanSquaredError):
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        total = e.sum(axis=1)
        e[rows, labels] = 0.0  # now y - t everywhere but at t, and -(1 - y_t) there, times S
        rest = e.sum(axis=1)
        return 0.5 * (np.einsum("ij,ij->i", e, e) + rest * rest) / (total * total)
    return loss.per_sample(softmax(logits), labels)


def relative_difference(a: np.ndarray, b: np.ndarray) -> float:
    """||a - b|| / (||a|| + ||b||) over the whole array (``tests/core/gradcheck.py``'s measure).

    Taken over the whole array, not element by element: a component of ~1e-9 beside components
    of ~1e-1 carries rounding noise that would dominate an elementwise ratio.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.size == 0:
        return 0.0
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return float(np.linalg.norm(a - b) / max(scale, _FLOOR))


def _locate(network: Network, name: str, index: int | Sequence[int]) -> tuple[int, int]:
    """(layer, flat index) of element ``index`` of parameter ``name``; ConfigError if none."""
    if name not in network.params:
        raise ConfigError(f"no parameter {name!r}; the network has {', '.join(network.params)}")
    shape = network.params[name].shape
    index = tuple(int(i) for i in np.atleast_1d(index))
    if len(index) != len(shape) or any(not 0 <= i < n for i, n in zip(index, shape, strict=True)):
        raise ConfigError(f"{name} has shape {shape}; {index} is not one of its elements")
    return int(name[1:]), int(np.ravel_multi_index(index, shape))


@dataclass(frozen=True)
class _Move:
    """Each perturbed copy r moves element ``flat[r]`` of parameter ``name`` by ``delta[r]``."""

    name: str
    flat: np.ndarray  # (P,) flat indices into the parameter
    delta: np.ndarray  # (P,) w' - w

    @property
    def layer(self) -> int:
        return int(self.name[1:])


class _Pass:
    """One float64 forward pass of (x, labels), kept so that its tail can be re-run for many
    perturbed copies of the parameters at once."""

    def __init__(self, network: Network, x: np.ndarray, label, loss: str | Loss) -> None:
        self.net = network.astype(np.float64)  # a copy: the caller's network is never touched
        self.x, self.labels, _ = _samples(x, label)
        self.loss = get_loss(loss)
        self.forward = self.net.forward_trace(self.x)  # (n, ...) values

    def affine_index(self, layer: int) -> int:
        """Position of Affine ``layer`` in the network's layers."""
        for i, item in enumerate(self.net.layers):
            if isinstance(item, Affine) and item.layer == layer:
                return i
        raise KeyError(layer)

    def losses(self, moves: Sequence[_Move]) -> np.ndarray:
        """E (P,) of the P perturbed copies that ``moves`` describe (all P long), in chunks."""
        count = len(moves[0].flat)
        per_chunk = max(1, _CHUNK_ROWS // len(self.labels))
        out = np.empty(count)
        for start in range(0, count, per_chunk):
            rows = slice(start, min(start + per_chunk, count))
            out[rows] = self._chunk_losses(
                [_Move(m.name, m.flat[rows], m.delta[rows]) for m in moves]
            )
        return out

    def _chunk_losses(self, moves: Sequence[_Move]) -> np.ndarray:
        p, n = len(moves[0].flat), len(self.labels)
        first = min(m.layer for m in moves)
        h = None
        for item in self.net.layers[self.affine_index(first) :]:
            if not isinstance(item, Affine):
                h = item.forward(h)[0]
                continue
            width = item.W.shape[1]
            if item.layer == first:  # the pass up to here is the shared one
                inp = layer_input(self.forward, first)[None]  # (1, n, n_in)
                a = np.broadcast_to(self.forward.values(Kind.AFFINE, first), (p, n, width)).copy()
            else:
                inp = h.reshape(p, n, -1)
                a = item.forward(h)[0].reshape(p, n, width)
            rows = np.arange(p)
            for move in (m for m in moves if m.layer == item.layer):
                if move.name[0] == "W":
                    i, j = np.divmod(move.flat, width)
                    z = np.broadcast_to(inp, (p, *inp.shape[1:]))[rows, :, i]  # (p, n)
                    a[rows, :, j] += move.delta[:, None] * z
                else:
                    a[rows, :, move.flat] += move.delta[:, None]
            h = a.reshape(p * n, width)
        per_row = _row_losses(self.loss, h, np.tile(self.labels, p))
        return per_row.reshape(p, n).mean(axis=1)

    def gradients(self) -> tuple[float, dict[str, np.ndarray]]:
        """(E, {name: dE/d(name)}) by backpropagation on the float64 copy."""
        value, grads, _ = self.net.loss_and_gradients(self.x, self.labels, self.loss)
        return value, grads


def _is_cancelled(cancel: CancelCheck | None) -> bool:
    if cancel is None:
        return False
    if isinstance(cancel, threading.Event):
        return cancel.is_set()
    return bool(cancel())


# ---------------------------------------------------------------------- numerical gradient
@dataclass(frozen=True)
class NumericalGradient:
    """Central differences against backpropagation for every parameter.

    ``numerical`` and ``backprop`` map W1, b1, ... to arrays of the parameters' shapes;
    ``rel_diff`` maps them to :func:`relative_difference` of the two.
    """

    numerical: dict[str, np.ndarray] = field(repr=False)
    backprop: dict[str, np.ndarray] = field(repr=False)
    rel_diff: dict[str, float]
    seconds: float  # central differences, every parameter
    backprop_seconds: float  # one forward and backward pass (median of several)
    loss: float  # E at the current parameters
    step: float

    @property
    def max_rel_diff(self) -> float:
        return max(self.rel_diff.values(), default=0.0)

    @property
    def parameters(self) -> int:
        return sum(g.size for g in self.numerical.values())

    @property
    def evaluations(self) -> int:
        """Losses computed: two per parameter."""
        return 2 * self.parameters


def numerical_gradient(
    network: Network,
    x: np.ndarray,
    label: int | np.ndarray,
    loss: str | Loss = "cross-entropy",
    *,
    step: float = STEP,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> NumericalGradient:
    """dE/dw of every parameter by central differences, (E(w + h) - E(w - h)) / 2h with
    h = ``step``, in float64, beside backpropagation's.

    ``progress(done, total)`` is called with the number of parameters done so far: first with
    0, then after every chunk, last with (total, total); ``done`` never decreases. ``cancel`` (a
    callable returning True, or a ``threading.Event``) is checked before every chunk of a few
    thousand parameters; when it says so, :class:`Cancelled` is raised and nothing is returned.
    Safe to run in a worker thread: it reads ``network`` once, into its own float64 copy.
    """
    if not step > 0:
        raise ConfigError(f"the central-difference step must be positive, got {step}")
    t0 = time.perf_counter()
    base = _Pass(network, x, label, loss)
    total = base.net.parameter_count()
    per_chunk = max(1, _CHUNK_ROWS // (2 * len(base.labels)))
    done = 0
    if progress is not None:
        progress(0, total)
    numerical: dict[str, np.ndarray] = {}
    for name in base.net.param_names():
        w = base.net.params[name].ravel()
        grad = np.empty(w.size)
        for start in range(0, w.size, per_chunk):
            if _is_cancelled(cancel):
                raise Cancelled(done, total)
            flat = np.arange(start, min(start + per_chunk, w.size))
            moved = np.concatenate([w[flat] + step, w[flat] - step])
            both = np.concatenate([flat, flat])
            e = base.losses([_Move(name, both, moved - w[both])])
            grad[flat] = (e[: flat.size] - e[flat.size :]) / (2 * step)
            done += flat.size
            if progress is not None:
                progress(done, total)
        numerical[name] = grad.reshape(base.net.params[name].shape)
    seconds = time.perf_counter() - t0

    times = []
    for _ in range(_BACKPROP_REPEATS):
        t0 = time.perf_counter()
        value, backprop = base.gradients()
        times.append(time.perf_counter() - t0)
    rel = {k: relative_difference(backprop[k], numerical[k]) for k in numerical}
    return NumericalGradient(
        numerical=numerical,
        backprop=backprop,
        rel_diff=rel,
        seconds=seconds,
        backprop_seconds=float(np.median(times)),
        loss=float(value),
        step=step,
    )


# ---------------------------------------------------------------------- E as weights move
@dataclass(frozen=True)
class WeightSlice:
    """E for one digit as one weight moves, every other weight fixed.

    ``values`` (points,) are the weight's values, sorted, and include its current value (at
    ``values[current]``); ``losses`` (points,) are E there. ``slope_backprop`` is dE/dw from
    the backward trace, ``slope_numerical`` is (E(w + h) - E(w - h)) / 2h at the current value.
    """

    name: str
    index: tuple[int, ...]
    value: float
    loss: float
    values: np.ndarray = field(repr=False)
    losses: np.ndarray = field(repr=False)
    current: int
    slope_backprop: float
    slope_numerical: float
    step: float

    def tangent(self, w: np.ndarray) -> np.ndarray:
        """The tangent at the current value with backpropagation's slope, at ``w``."""
        return self.loss + self.slope_backprop * (np.asarray(w, dtype=np.float64) - self.value)


def _index_tuple(network: Network, name: str, flat: int) -> tuple[int, ...]:
    return tuple(int(i) for i in np.unravel_index(flat, network.params[name].shape))


def loss_along_weight(
    network: Network,
    x: np.ndarray,
    label: int | np.ndarray,
    loss: str | Loss,
    name: str,
    index: int | Sequence[int],
    span: float = 1.0,
    points: int = 61,
    step: float = STEP,
) -> WeightSlice:
    """E as parameter ``name`` (W1, b2, ...) element ``index`` ((i, j) for a weight, j for a
    bias) runs over current ± ``span`` in ``points`` even steps (plus the current value when the
    grid misses it), all in one batched pass through the layers from that weight's onward."""
    if points < 2 or not span > 0:
        raise ConfigError(
            f"a slice needs at least 2 points and a positive span, got {points}, {span}"
        )
    base = _Pass(network, x, label, loss)
    _, flat = _locate(base.net, name, index)
    w0 = float(base.net.params[name].flat[flat])
    offsets = np.union1d(np.linspace(-span, span, points), [0.0])
    values = w0 + offsets
    probes = np.array([w0 + step, w0 - step])
    moved = np.concatenate([values, probes])
    e = base.losses([_Move(name, np.full(moved.size, flat), moved - w0)])
    current = int(np.flatnonzero(offsets == 0.0)[0])
    values[current] = w0
    trace = base.net.backward_trace(x, label, base.loss)
    kind = Kind.WEIGHT_GRADIENT if name[0] == "W" else Kind.BIAS_GRADIENT
    slope = float(trace.values(kind, int(name[1:])).flat[flat])
    return WeightSlice(
        name=name,
        index=_index_tuple(base.net, name, flat),
        value=w0,
        loss=float(e[current]),
        values=values,
        losses=e[: values.size],
        current=current,
        slope_backprop=slope,
        slope_numerical=float((e[-2] - e[-1]) / (2 * step)),
        step=step,
    )


@dataclass(frozen=True)
class LossSurface:
    """E for one digit over a grid of two weights, and gradient descent's path on that slice.

    ``u`` (p,) and ``v`` (q,) are the values of the first and second weight; ``losses`` (p, q)
    holds E(u[a], v[b]) at [a, b]. ``path`` (steps + 1, 2) holds the two weights' values along
    descent from the current point, w ← w - lr · (dE/dw_first, dE/dw_second), every other
    weight fixed; ``path_losses`` (steps + 1,) holds E there.
    """

    names: tuple[str, str]
    indices: tuple[tuple[int, ...], tuple[int, ...]]
    start: tuple[float, float]
    u: np.ndarray = field(repr=False)
    v: np.ndarray = field(repr=False)
    losses: np.ndarray = field(repr=False)
    path: np.ndarray = field(repr=False)
    path_losses: np.ndarray = field(repr=False)
    lr: float


def loss_surface(
    network: Network,
    x: np.ndarray,
    label: int | np.ndarray,
    loss: str | Loss,
    first: tuple[str, int | Sequence[int]],
    second: tuple[str, int | Sequence[int]],
    span: float | tuple[float, float] = 1.0,
    points: int = 41,
    steps: int = 30,
    lr: float = 1.0,
) -> LossSurface:
    """E over current ± ``span`` of two parameter elements ``first`` and ``second`` (each
    (name, index)), ``points`` values each (the grid in one batched pass), and the path of
    ``steps`` gradient-descent steps at learning rate ``lr`` in those two weights only."""
    spans = (span, span) if np.isscalar(span) else tuple(span)
    if points < 2 or not all(s > 0 for s in spans) or steps < 0 or not lr >= 0:
        raise ConfigError(
            f"a surface needs at least 2 points, positive spans, steps >= 0 and lr >= 0; got "
            f"{points}, {spans}, {steps}, {lr}"
        )
    base = _Pass(network, x, label, loss)
    (name1, index1), (name2, index2) = first, second
    _, flat1 = _locate(base.net, name1, index1)
    _, flat2 = _locate(base.net, name2, index2)
    if (name1, flat1) == (name2, flat2):
        raise ConfigError("the two weights of a loss surface must differ")
    w1, w2 = (float(base.net.params[n].flat[f]) for n, f in ((name1, flat1), (name2, flat2)))
    u = w1 + np.linspace(-spans[0], spans[0], points)
    v = w2 + np.linspace(-spans[1], spans[1], points)
    du, dv = np.meshgrid(u - w1, v - w2, indexing="ij")  # (p, q)
    count = du.size
    e = base.losses(
        [
            _Move(name1, np.full(count, flat1), du.ravel()),
            _Move(name2, np.full(count, flat2), dv.ravel()),
        ]
    )
    # descent on the slice: the float64 copy with the two weights moved, one backprop per step
    net = base.net
    p1, p2 = net.params[name1].reshape(-1), net.params[name2].reshape(-1)
    path = np.empty((steps + 1, 2))
    path_losses = np.empty(steps + 1)
    for s in range(steps + 1):
        path[s] = p1[flat1], p2[flat2]
        value, grads, _ = net.loss_and_gradients(base.x, base.labels, base.loss)
        path_losses[s] = value
        if s < steps:
            g1, g2 = grads[name1].reshape(-1)[flat1], grads[name2].reshape(-1)[flat2]
            p1[flat1] -= lr * g1
            p2[flat2] -= lr * g2
    return LossSurface(
        names=(name1, name2),
        indices=(_index_tuple(net, name1, flat1), _index_tuple(net, name2, flat2)),
        start=(w1, w2),
        u=u,
        v=v,
        losses=e.reshape(du.shape),
        path=path,
        path_losses=path_losses,
        lr=float(lr),
    )


# ---------------------------------------------------------------------- one step of learning
@dataclass(frozen=True)
class LearningStep:
    """One step of gradient descent on one digit: every W and b ← itself - lr · dE/d(it).

    ``params`` are the new parameters (copies, in the network's dtype); ``previous`` are copies
    of the parameters before the step (for undo). Losses and probabilities (classes,) (or
    (n, classes) for a batch) are computed in float64 from the parameters as stored.
    """

    lr: float
    loss_name: str
    params: dict[str, np.ndarray] = field(repr=False)
    previous: dict[str, np.ndarray] = field(repr=False)
    loss_before: float
    loss_after: float
    probabilities_before: np.ndarray = field(repr=False)
    probabilities_after: np.ndarray = field(repr=False)


def _loss_and_probabilities(
    network: Network, x64: np.ndarray, labels: np.ndarray, loss: Loss, single: bool
) -> tuple[float, np.ndarray]:
    net = network.astype(np.float64)
    value, _, y = loss.value_and_grad(net.logits(x64), labels)
    return float(value), (y[0] if single else y)


def learning_step(
    network: Network,
    x: np.ndarray,
    label: int | np.ndarray,
    loss: str | Loss = "cross-entropy",
    lr: float = 0.1,
    in_place: bool = False,
) -> LearningStep:
    """One update of every parameter for this digit with learning rate ``lr`` (the gradient from
    the float64 backward trace). ``network`` is left as it is unless ``in_place``, when the new
    values are written into its parameter arrays (``step.previous`` undoes it)."""
    if not (np.isfinite(lr) and lr > 0):
        raise ConfigError(f"the learning rate must be a positive number, got {lr}")
    loss_fn = get_loss(loss)
    x64, labels, single = _samples(x, label)
    trace = network.backward_trace(
        x64[0] if single else x64, labels[0] if single else labels, loss_fn
    )
    previous = {k: v.copy() for k, v in network.params.items()}
    params = {}
    for l in range(1, network.num_layers + 1):
        for kind, name in ((Kind.WEIGHT_GRADIENT, f"W{l}"), (Kind.BIAS_GRADIENT, f"b{l}")):
            new = previous[name].astype(np.float64) - lr * trace.values(kind, l)
            params[name] = new.astype(network.dtype)
    after = Network(
        network.sizes, network.activation, network.init, dtype=network.dtype, params=params
    )
    loss_before, y_before = _loss_and_probabilities(network, x64, labels, loss_fn, single)
    loss_after, y_after = _loss_and_probabilities(after, x64, labels, loss_fn, single)
    if in_place:
        for name, values in params.items():
            network.params[name][...] = values
    return LearningStep(
        lr=float(lr),
        loss_name=loss_fn.name,
        params=params,
        previous=previous,
        loss_before=loss_before,
        loss_after=loss_after,
        probabilities_before=y_before,
        probabilities_after=y_after,
    )


# ---------------------------------------------------------------------- stage sizes
@dataclass(frozen=True)
class StageSummary:
    """A stage in numbers: its shape, L2 norm, sum and largest absolute value."""

    name: str
    formula: str
    kind: Kind
    layer: int
    shape: tuple[int, ...]
    norm: float
    sum: float
    max_abs: float

    def as_dict(self) -> dict:
        """For JSON: name, formula, shape, norm, sum, max_abs, kind and layer."""
        return {
            "name": self.name,
            "formula": self.formula,
            "shape": list(self.shape),
            "norm": self.norm,
            "sum": self.sum,
            "max_abs": self.max_abs,
            "kind": self.kind.value,
            "layer": self.layer,
        }


def summarize_stage(stage: Stage) -> StageSummary:
    values = np.asarray(stage.values, dtype=np.float64)
    return StageSummary(
        name=stage.name,
        formula=stage.formula,
        kind=stage.kind,
        layer=stage.layer,
        shape=tuple(values.shape),
        norm=float(np.linalg.norm(values.ravel())),
        sum=float(values.sum()),
        max_abs=float(np.abs(values).max()) if values.size else 0.0,
    )


@dataclass(frozen=True)
class LossComparison:
    """The backward stages' sizes for the same digit under each loss.

    ``stages`` lists (kind, layer) of every gradient stage (dE/daL, dE/dWL, dE/dbL, dE/dz(L-1),
    dE/da(L-1), ..., dE/db1), ``names`` their symbols; ``norms[loss]`` (stages,) their L2 norms
    and ``losses[loss]`` E under that loss.
    """

    stages: tuple[tuple[Kind, int], ...]
    names: tuple[str, ...]
    norms: dict[str, np.ndarray]
    losses: dict[str, float]
    label: int
    predicted: int
    true_probability: float

    def norm(self, loss: str, kind: Kind, layer: int) -> float:
        return float(self.norms[get_loss(loss).name][self.stages.index((kind, layer))])


def compare_losses(
    network: Network,
    x: np.ndarray,
    label: int,
    losses: Sequence[str] = ("cross-entropy", "mse"),
) -> LossComparison:
    """L2 norm of every gradient stage of one sample (n_0,) under each loss: which passes a
    larger gradient back (cross-entropy, by far, when the network is confidently wrong)."""
    if np.ndim(x) != 1:
        raise ConfigError("compare_losses takes one sample (n_0,)")
    norms, values, stages, names = {}, {}, (), ()
    for name in losses:
        loss = get_loss(name)
        trace = network.backward_trace(x, label, loss)
        kept = [s for s in trace if s.kind in _GRADIENT_KINDS]
        stages = tuple((s.kind, s.layer) for s in kept)
        names = tuple(s.name for s in kept)
        norms[loss.name] = np.array([np.linalg.norm(np.ravel(s.values)) for s in kept])
        values[loss.name] = float(trace.values(Kind.LOSS))
    y = network.forward_trace(x).values(Kind.OUTPUT)
    return LossComparison(
        stages=stages,
        names=names,
        norms=norms,
        losses=values,
        label=int(label),
        predicted=int(np.argmax(y)),
        true_probability=float(y[int(label)]),
    )


# ---------------------------------------------------------------------- the graph backwards
def _one_sample(backward: Trace) -> None:
    if np.ndim(backward.values(Kind.LOSS_GRADIENT)) != 1:
        raise ValueError("the graph's gradients are per edge of one sample; got a batch trace")


def unit_deltas(network: Network, forward: Trace, backward: Trace, layer: int) -> np.ndarray:
    """dE/da_l per unit of layer ``layer`` (n_l,) for one sample: the delta a node is filled
    with (for Maxout, its winning piece's)."""
    _one_sample(backward)
    kind = Kind.LOSS_GRADIENT if layer == network.num_layers else Kind.DELTA
    return backward.values(kind, layer)[unit_columns(network, forward, layer)]


def gradient_terms(network: Network, forward: Trace, backward: Trace, layer: int) -> np.ndarray:
    """dE/dw of every edge into layer ``layer``, (n_{l-1}, n_l): the input i's value times unit
    j's delta, z_{l-1,i} · dE/da_{l,j} (for Maxout, the winning piece's weight), for one
    sample's forward and backward traces."""
    _one_sample(backward)
    grads = backward.values(Kind.WEIGHT_GRADIENT, layer)
    return grads[:, unit_columns(network, forward, layer)]


def strongest_gradients(
    network: Network, forward: Trace, backward: Trace, layer: int, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ``k`` edges of largest |dE/dw| into each unit of layer ``layer``, as flat arrays
    (source index, unit index, dE/dw) (``contributions.strongest_incoming``'s layout; edges
    from an input of exactly zero, which get no gradient, are left out)."""
    return strongest_incoming(gradient_terms(network, forward, backward, layer), k)


def largest_weight_gradients(backward: Trace, k: int) -> list[tuple[str, tuple[int, int], float]]:
    """The ``k`` weights of largest |dE/dw| over every layer, largest first, as
    (name, (i, j), dE/dw): the most influential weights to pick for a loss slice."""
    found: list[tuple[str, tuple[int, int], float]] = []
    for stage in backward:
        if stage.kind is not Kind.WEIGHT_GRADIENT or k <= 0:
            continue
        flat = np.abs(stage.values).ravel()
        # a digit's blank pixels give whole rows of zeros: selecting among the rest is ~10x
        # quicker (NumPy's selection slows down on many equal values: 6 ms for dE/dW1)
        candidates = np.flatnonzero(flat)
        if candidates.size < k:
            candidates = np.arange(flat.size)
        n = min(k, candidates.size)
        top = candidates[np.argpartition(flat[candidates], candidates.size - n)[-n:]]
        for f in top:
            i, j = np.unravel_index(f, stage.values.shape)
            found.append((f"W{stage.layer}", (int(i), int(j)), float(stage.values[i, j])))
    found.sort(key=lambda item: -abs(item[2]))
    return found[: max(k, 0)]


@dataclass(frozen=True)
class DeltaBreakdown:
    """The chain rule at one hidden unit: dE/da = (Σ_m δ_next,m · w_m) × h'(a), with the
    largest terms spelled out."""

    targets: np.ndarray  # columns of the next layer whose terms are largest, largest first
    weights: np.ndarray  # W_{l+1}[unit, target]
    deltas: np.ndarray  # dE/da_{l+1} of those targets
    products: np.ndarray  # weights · deltas
    rest: float  # the sum of all the other terms
    rest_count: int
    signal: float  # dE/dz for this unit: the sum of every term
    preactivation: float  # a
    derivative: float  # h'(a)
    delta: float  # dE/da = signal · h'(a)


def delta_breakdown(
    network: Network, forward: Trace, backward: Trace, layer: int, unit: int, top: int = 5
) -> DeltaBreakdown:
    """How hidden unit ``unit`` of layer ``layer`` (1..L-1) gets its delta from the next layer,
    for one sample's forward and backward traces."""
    _one_sample(backward)
    if not 1 <= layer < network.num_layers:
        raise ValueError(f"layer {layer} is not a hidden layer (1..{network.num_layers - 1})")
    column = int(unit_columns(network, forward, layer)[unit])
    nxt = layer + 1
    kind = Kind.LOSS_GRADIENT if nxt == network.num_layers else Kind.DELTA
    d_next = np.asarray(backward.values(kind, nxt), dtype=np.float64)
    w = np.asarray(network.params[f"W{nxt}"][unit], dtype=np.float64)
    products = w * d_next
    top = max(0, min(int(top), products.size))
    order = np.argsort(-np.abs(products), kind="stable")[:top]
    # a in float64, as the backward trace computed it (a float32 forward trace's a would make
    # signal · h'(a) differ from the trace's delta in the 8th digit)
    x = forward.values(Kind.INPUT)
    a = network.astype(np.float64).forward_trace(x).values(Kind.AFFINE, layer)
    h_prime = float(network.activation.derivative(a[None])[0][column])
    return DeltaBreakdown(
        targets=order,
        weights=w[order],
        deltas=d_next[order],
        products=products[order],
        rest=float(products.sum() - products[order].sum()),
        rest_count=int(products.size - top),
        signal=float(backward.values(Kind.SIGNAL_GRADIENT, layer)[unit]),
        preactivation=float(a[column]),
        derivative=h_prime,
        delta=float(backward.values(Kind.DELTA, layer)[column]),
    )
