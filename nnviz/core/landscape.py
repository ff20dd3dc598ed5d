"""The loss landscape of a run, and the path its weights took across it.

Two pictures from the research literature, computed for the learner's own run record:

- **The plane through the final weights** (Li et al., "Visualizing the Loss Landscape of Neural
  Nets", NeurIPS 2018): spanned by the first two principal directions of the path of weight
  snapshots (``plane="pca"``; the share of the path's variance each explains is kept), or by two
  random directions normalised per unit ("filter normalisation": each unit's incoming weights
  and bias in the direction have the norm they have in the final weights, so a step of 1 moves
  every unit as far as its own size; ``plane="random"`` with a seed). The loss on an N x N grid
  of that plane, and every snapshot projected onto it with its own loss.
- **The straight line from start to end** (Goodfellow et al., ICLR 2015): the loss and accuracy
  along w(α) = (1 - α) w_start + α w_end for α from -0.5 to 1.5.

Everything is measured on one fixed subset of training images (:func:`sample_indices`), with the
run's own loss (cross-entropy or MSE). Parameters are flattened in the order W1, b1, ..., WL, bL.

Fast because of where the work is: on a plane, the first layer's pre-activation is linear in the
two coordinates, a1(x, y) = X·W1₀ + b1₀ + x (X·D1 + d1) + y (X·D2 + d2), so its three products
with the images (784 inputs: nearly nine tenths of the network's multiplications) are made once,
and each grid point costs only the layers above it. The points of a grid row go through those
layers together, as one stack of weight matrices (``np.matmul`` over the stack). The grid is
computed coarse first (about 11 x 11 points), then refined; ``progress`` sees a preview after
every row and ``cancel`` is checked before every row.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from nnviz.core import errors
from nnviz.core.activations import Activation
from nnviz.core.errors import ConfigError
from nnviz.core.losses import Loss, get_loss
from nnviz.core.recording import RunRecord

__all__ = [
    "DEFAULT_GRID",
    "DEFAULT_SAMPLES",
    "LINE_ALPHAS",
    "PLANES",
    "Cancelled",
    "Landscape",
    "LandscapeSettings",
    "Line",
    "Path",
    "Plane",
    "Progress",
    "compute_landscape",
    "path_on_plane",
    "pca_plane",
    "random_plane",
    "run_vectors",
    "sample_indices",
    "shares_start",
]

PLANES = ("pca", "random")
DEFAULT_GRID = 41  # odd: the final weights are the centre point of the grid
DEFAULT_SAMPLES = 2000
GRID_RANGE = (3, 201)  # points per side
SAMPLES_MIN = 10
#: α of the straight line, -0.5 to 1.5 in steps of 0.05 (0 and 1 exactly among them)
LINE_ALPHAS = np.round(np.arange(41) * 0.05 - 0.5, 10)
_MARGIN = 0.25  # the axes reach this share past the path's farthest point from the final weights
_RANDOM_HALF_WIDTH = 1.0  # a random plane spans at least ±1 (the paper's range)
_COARSE_SIDE = 11  # points per side of the first, coarse pass
_SAMPLE_SEED = 0  # the fixed subset of training images is the same for every landscape
_CHUNK_BYTES = 8 * 2**20  # a stack of points' activations larger than this is split


@dataclass(frozen=True)
class LandscapeSettings:
    """What a landscape is computed with: N x N points, training images, plane and its seed."""

    grid: int = DEFAULT_GRID
    samples: int = DEFAULT_SAMPLES
    plane: str = "pca"
    seed: int = 0

    def __post_init__(self) -> None:
        lo, hi = GRID_RANGE
        if not _whole(self.grid) or not lo <= self.grid <= hi:
            raise ConfigError(f"the grid must be from {lo} to {hi} points a side, got {self.grid}")
        if not _whole(self.samples) or self.samples < SAMPLES_MIN:
            raise ConfigError(f"samples must be at least {SAMPLES_MIN}, got {self.samples}")
        if self.plane not in PLANES:
            raise ConfigError(f"unknown plane {self.plane!r}; choose one of {', '.join(PLANES)}")
        if not _whole(self.seed) or self.seed < 0:
            raise ConfigError(f"the seed must be a non-negative whole number, got {self.seed}")


def _whole(value: object) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


class Cancelled(errors.Cancelled):
    """Raised by :func:`compute_landscape` when ``cancel`` was set (checked before each row)."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__(done, total, f"cancelled after {done} of {total} points")


@dataclass(frozen=True)
class Progress:
    """How far a computation is: ``done`` of ``total`` units (grid points, then snapshots and
    line points); ``preview`` is the grid so far (N, N), points not yet computed filled from
    the nearest computed one (None outside the grid phase), at the coordinates ``xs`` and
    ``ys`` (N,) of the finished landscape."""

    done: int
    total: int
    phase: str  # "grid", "path" or "line"
    preview: np.ndarray | None = None
    xs: np.ndarray | None = None
    ys: np.ndarray | None = None


# ---------------------------------------------------------------------- vectors and planes
def run_vectors(record: RunRecord) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The record's snapshots as flat vectors: (steps (k,), epochs (k,), vectors (k, P) float64)."""
    steps = record.snapshot_steps
    if not steps.size:
        raise ConfigError("the run holds no weight snapshots")
    stacks = record.snapshot_arrays()
    vectors = np.empty((steps.size, sum(math.prod(s) for s in record.param_shapes.values())))
    at = 0
    for name in record.param_shapes:  # filled in place: no temporary copy of the whole path
        block = stacks[name].reshape(steps.size, -1)
        vectors[:, at : at + block.shape[1]] = block
        at += block.shape[1]
    epochs = np.array([s.epoch for s in record.snapshots], dtype=np.float64)
    return steps, epochs, vectors


def _names(layers: int) -> list[str]:
    return [f"{p}{l}" for l in range(1, layers + 1) for p in "Wb"]


def _unflat(vector: np.ndarray, shapes: dict[str, tuple[int, ...]], dtype) -> dict:
    out, at = {}, 0
    for name, shape in shapes.items():
        size = math.prod(shape)
        out[name] = vector[at : at + size].reshape(shape).astype(dtype)
        at += size
    return out


@dataclass(frozen=True)
class Plane:
    """A plane through ``origin`` (P,) spanned by ``directions`` (2, P): the point (x, y) is
    origin + x·directions[0] + y·directions[1]. ``explained``: the share of the path's
    variance along each direction (for a PCA plane, its two largest principal components)."""

    kind: str
    seed: int | None
    origin: np.ndarray
    directions: np.ndarray
    explained: tuple[float, float]

    def coordinates(self, vectors: np.ndarray) -> np.ndarray:
        """(x, y) of the orthogonal projection of each vector (k, P) onto the plane, (k, 2)."""
        d = self.directions
        gram = d @ d.T
        along = np.atleast_2d(vectors) @ d.T - d @ self.origin  # (k, 2), no (k, P) temporary
        return np.linalg.solve(gram, along.T).T


def _explained(directions: np.ndarray, vectors: np.ndarray) -> tuple[float, float]:
    """Share of the path's variance (about its mean) along each (normalised) direction."""
    total = float(np.trace(_centred_gram(vectors)))
    if total <= 0:
        return (0.0, 0.0)
    units = directions / np.linalg.norm(directions, axis=1, keepdims=True)
    along = vectors @ units.T
    along -= along.mean(axis=0)
    shares = np.einsum("ij,ij->j", along, along) / total
    return (float(shares[0]), float(shares[1]))


def _centred_gram(vectors: np.ndarray) -> np.ndarray:
    """(V - mean)(V - mean)ᵀ, (k, k), from V Vᵀ without a centred (k, P) copy of V."""
    gram = vectors @ vectors.T
    row = gram.mean(axis=0)
    return gram - row[:, None] - row[None, :] + row.mean()


def pca_plane(vectors: np.ndarray) -> Plane:
    """The plane through the last vector (the final weights) spanned by the first two
    principal directions of ``vectors`` (k, P), k >= 3 (orthonormal; signs chosen so the path
    starts at negative x and y)."""
    k = vectors.shape[0]
    if k < 3:
        raise ConfigError(
            f"a PCA plane needs at least 3 weight snapshots, the run has {k}; "
            "train longer or choose the random plane"
        )
    final = vectors[-1]
    # the eigenvectors of the small (k, k) Gram matrix of the centred path give its principal
    # directions cheaply: direction = (V - mean)ᵀ u / sqrt(λ) = (Vᵀ u - mean Σu) / sqrt(λ)
    gram = _centred_gram(vectors)
    values, u = np.linalg.eigh(gram)
    order = np.argsort(values)[::-1][:2]
    values, u = values[order], u[:, order]
    if not values[1] > 1e-12 * max(values[0], 1e-300):
        raise ConfigError("the weights hardly moved: the path spans no plane")
    mean = vectors.mean(axis=0)
    directions = (u.T @ vectors - np.outer(u.sum(axis=0), mean)) / np.sqrt(values)[:, None]
    directions /= np.linalg.norm(directions, axis=1, keepdims=True)
    start = directions @ (vectors[0] - final)
    directions *= np.where(start > 0, -1.0, 1.0)[:, None]
    total = float(np.trace(gram))
    explained = (float(values[0] / total), float(values[1] / total))
    return Plane("pca", None, final.copy(), directions, explained)


def random_plane(record: RunRecord, seed: int, vectors: np.ndarray | None = None) -> Plane:
    """The plane through the final weights spanned by two random directions normalised per
    unit (Li et al.'s filter normalisation): in each direction, unit j of layer l (column j of
    W_l with b_l[j]) has the norm it has in the final weights. The second is then made
    orthogonal to the first and given the first's norm (which is the final weights' norm)."""
    if vectors is None:
        vectors = run_vectors(record)[2]
    final_params = record.snapshot_at(None).params
    names = _names(len(record.sizes) - 1)
    rng = np.random.default_rng(seed)
    directions = np.stack([_unit_normalised(final_params, names, rng) for _ in range(2)])
    d1, d2 = directions
    d2 -= (d2 @ d1) / (d1 @ d1) * d1
    d2 *= np.linalg.norm(d1) / np.linalg.norm(d2)
    return Plane(
        "random", int(seed), vectors[-1].copy(), directions, _explained(directions, vectors)
    )


def _unit_normalised(
    params: dict[str, np.ndarray], names: Sequence[str], rng: np.random.Generator
) -> np.ndarray:
    parts = []
    for l in range(1, len(names) // 2 + 1):
        w = np.asarray(params[f"W{l}"], dtype=np.float64)
        b = np.asarray(params[f"b{l}"], dtype=np.float64)
        dw, db = rng.standard_normal(w.shape), rng.standard_normal(b.shape)
        unit = np.sqrt((w * w).sum(axis=0) + b * b)  # each unit's incoming weights and bias
        scale = unit / np.sqrt((dw * dw).sum(axis=0) + db * db)
        parts += [(dw * scale).ravel(), (db * scale).ravel()]
    return np.concatenate(parts)


def shares_start(a: RunRecord, b: RunRecord) -> bool:
    """True when two runs have the same network and start from the same initial weights."""
    if tuple(a.sizes) != tuple(b.sizes) or not len(a.snapshot_steps) or not len(b.snapshot_steps):
        return False
    if a.snapshot_steps[0] != 0 or b.snapshot_steps[0] != 0:
        return False
    pa, pb = a.snapshots[0].params, b.snapshots[0].params
    return all(np.array_equal(pa[n], pb[n]) for n in pa)


def sample_indices(train_size: int, count: int) -> np.ndarray:
    """The fixed subset of training images landscapes are measured on: ``count`` of them (all
    when there are fewer), drawn once with a fixed seed, in ascending order."""
    count = min(int(count), int(train_size))
    rng = np.random.default_rng(_SAMPLE_SEED)
    return np.sort(rng.choice(int(train_size), count, replace=False))


# ---------------------------------------------------------------------- evaluation
class _Evaluator:
    """Loss and accuracy of many parameter sets on the same images, through stacks.

    The first layer's pre-activation of each set is given (it is linear on a plane or a line);
    the layers above take stacked weights (m, n_in, n_out) and go through ``np.matmul``.
    """

    def __init__(
        self,
        x: np.ndarray,
        labels: np.ndarray,
        activation: Activation,
        loss: Loss,
        layers: int,
        widths: Sequence[int],
    ) -> None:
        self.x = x
        self.labels = labels.astype(np.intp)
        self.activation = activation
        self.loss = loss
        self.layers = layers
        n = x.shape[0]
        # points per stack so that one layer's activations stay under _CHUNK_BYTES
        self.chunk = max(1, _CHUNK_BYTES // (4 * n * max(widths)))

    def run(self, first: np.ndarray, upper: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """(mean loss (m,), accuracy (m,)) from the stacked a1 (m, n, w1) and the stacked
        W2, b2, ..., WL, bL of the m parameter sets."""
        h = first
        for l in range(2, self.layers + 1):
            h = self.activation.forward(h)
            h = np.matmul(h, upper[f"W{l}"])
            h += upper[f"b{l}"][:, None, :]
        m, n, classes = h.shape
        flat = h.reshape(m * n, classes)
        labels = np.tile(self.labels, m)
        per_sample = self.loss.per_sample_logits(flat, labels).reshape(m, n)
        correct = (flat.argmax(axis=1) == labels).reshape(m, n)
        return per_sample.mean(axis=1, dtype=np.float64), correct.mean(axis=1)


class _Affine:
    """origin + Σ c_k·direction_k for parameter sets given by their coefficients c (m, d):
    the first layer's pre-activation from products made once, the other layers' stacks."""

    def __init__(
        self,
        evaluator: _Evaluator,
        origin: dict[str, np.ndarray],
        directions: Sequence[dict[str, np.ndarray]],
    ) -> None:
        self.ev = evaluator
        x = evaluator.x
        self.first = [x @ origin["W1"] + origin["b1"]]
        self.first += [x @ d["W1"] + d["b1"] for d in directions]
        names = _names(evaluator.layers)[2:]
        self.upper = {n: [origin[n]] + [d[n] for d in directions] for n in names}

    def evaluate(self, coeffs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(loss (m,), accuracy (m,)) at the m points ``coeffs`` (m, d)."""
        losses, accuracies = [], []
        for start in range(0, coeffs.shape[0], self.ev.chunk):
            c = coeffs[start : start + self.ev.chunk].astype(np.float32)
            ones = np.ones((c.shape[0], 1), np.float32)
            full = np.concatenate([ones, c], axis=1)  # the origin's coefficient is 1
            first = np.tensordot(full, np.stack(self.first), axes=1)
            upper = {
                n: np.tensordot(full, np.stack(parts), axes=1) for n, parts in self.upper.items()
            }
            loss, acc = self.ev.run(first, upper)
            losses.append(loss)
            accuracies.append(acc)
        return np.concatenate(losses), np.concatenate(accuracies)


def _evaluate_sets(evaluator: _Evaluator, params: dict[str, np.ndarray]) -> tuple:
    """(loss (k,), accuracy (k,)) of k whole parameter sets, stacked (k, *shape)."""
    losses, accuracies = [], []
    k = params["W1"].shape[0]
    for start in range(0, k, evaluator.chunk):
        part = {n: a[start : start + evaluator.chunk] for n, a in params.items()}
        m, n_in, width = part["W1"].shape
        # one product of the images with every set's W1 side by side
        first = evaluator.x @ part["W1"].transpose(1, 0, 2).reshape(n_in, m * width)
        first = first.reshape(-1, m, width).transpose(1, 0, 2) + part["b1"][:, None, :]
        loss, acc = evaluator.run(first, part)
        losses.append(loss)
        accuracies.append(acc)
    return np.concatenate(losses), np.concatenate(accuracies)


# ---------------------------------------------------------------------- results
@dataclass(frozen=True)
class Path:
    """Snapshots projected on a plane: steps, epochs, coordinates and loss, each (k,)."""

    steps: np.ndarray
    epochs: np.ndarray
    x: np.ndarray
    y: np.ndarray
    loss: np.ndarray


@dataclass(frozen=True)
class Line:
    """The straight line from the first to the last snapshot: α, loss and accuracy, (m,)."""

    alphas: np.ndarray
    loss: np.ndarray
    accuracy: np.ndarray


@dataclass(frozen=True)
class Landscape:
    """One run's landscape: the plane, the grid of losses (rows along y: ``grid[i, j]`` is the
    loss at (xs[j], ys[i])), the path, the straight line and what it took."""

    settings: LandscapeSettings
    plane: Plane
    xs: np.ndarray
    ys: np.ndarray
    grid: np.ndarray
    path: Path
    line: Line
    sample_indices: np.ndarray
    loss_name: str
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def samples(self) -> int:
        return int(self.sample_indices.shape[0])

    def to_json(self) -> dict:
        """The ``nnviz landscape --json`` object."""
        return {
            "grid": self.grid.tolist(),
            "axes": {
                "x": [float(self.xs[0]), float(self.xs[-1])],
                "y": [float(self.ys[0]), float(self.ys[-1])],
            },
            "path": [
                {"step": int(s), "x": float(x), "y": float(y), "loss": float(v)}
                for s, x, y, v in zip(
                    self.path.steps, self.path.x, self.path.y, self.path.loss, strict=True
                )
            ],
            "explained": [float(e) for e in self.plane.explained],
            "line": [
                {"alpha": float(a), "loss": float(v), "accuracy": float(c)}
                for a, v, c in zip(
                    self.line.alphas, self.line.loss, self.line.accuracy, strict=True
                )
            ],
            "plane": self.plane.kind,
            "seed": self.plane.seed,
            "samples": self.samples,
            "loss": self.loss_name,
            "seconds": {k: round(v, 4) for k, v in self.seconds.items()},
        }


class _Images:
    """The fixed subset of training images, as the network's floats, with their labels."""

    def __init__(self, images: np.ndarray, labels: np.ndarray, count: int) -> None:
        if images.shape[0] != labels.shape[0] or images.shape[0] == 0:
            raise ConfigError("the training images and labels do not match")
        self.indices = sample_indices(images.shape[0], count)
        chosen = images[self.indices]
        scale = np.float32(1 / 255) if chosen.dtype == np.uint8 else np.float32(1)
        self.x = np.multiply(chosen, scale, dtype=np.float32)
        self.labels = labels[self.indices]


def _evaluator(record: RunRecord, images: _Images) -> _Evaluator:
    sizes = record.sizes
    if images.x.shape[1] != sizes[0]:
        raise ConfigError(
            f"the images have {images.x.shape[1]} pixels; the run's network takes {sizes[0]}"
        )
    act = record.config.make_activation()
    widths = [sizes[l] * act.pieces for l in range(1, len(sizes))]
    loss = get_loss(record.config.loss)
    return _Evaluator(images.x, images.labels, act, loss, len(sizes) - 1, widths)


def path_on_plane(
    record: RunRecord, plane: Plane, images: np.ndarray, labels: np.ndarray, count: int
) -> Path:
    """Every snapshot of ``record`` projected on ``plane`` with its loss on the fixed subset
    of ``count`` training images (another run's path on a landscape, for instance)."""
    steps, epochs, vectors = run_vectors(record)
    if vectors.shape[1] != plane.origin.shape[0]:
        raise ConfigError("this run's network differs from the landscape's: it has no place on it")
    evaluator = _evaluator(record, _Images(images, labels, count))
    return _path(record, plane, evaluator, steps, epochs, vectors)


def _path(record, plane, evaluator, steps, epochs, vectors) -> Path:
    coords = plane.coordinates(vectors)
    loss, _ = _evaluate_sets(evaluator, record.snapshot_arrays())
    return Path(steps, epochs, coords[:, 0].copy(), coords[:, 1].copy(), loss)


def _axis(values: np.ndarray, minimum: float, points: int) -> np.ndarray:
    half = max(float(np.max(np.abs(values))) * (1 + _MARGIN), minimum)
    return np.linspace(-half, half, points)


def _coarse(points: int) -> np.ndarray:
    return np.unique(np.rint(np.linspace(0, points - 1, min(points, _COARSE_SIDE))).astype(int))


def _preview(grid: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The grid with every point not yet computed taken from the nearest computed coarse
    point (``rows`` x ``cols`` is the coarse grid, computed row by row)."""
    n = grid.shape[0]
    rows = rows[~np.isnan(grid[rows, cols[0]])]
    if not rows.size:
        return grid.copy()
    near_r = rows[np.abs(np.arange(n)[:, None] - rows[None, :]).argmin(axis=1)]
    near_c = cols[np.abs(np.arange(n)[:, None] - cols[None, :]).argmin(axis=1)]
    filled = grid[np.ix_(near_r, near_c)]
    return np.where(np.isnan(grid), filled, grid)


def compute_landscape(
    record: RunRecord,
    images: np.ndarray,
    labels: np.ndarray,
    settings: LandscapeSettings | None = None,
    progress: Callable[[Progress], object] | None = None,
    cancel: threading.Event | None = None,
) -> Landscape:
    """The landscape of ``record``'s run measured on its training ``images`` (uint8 (n, n_0)
    or floats in [0, 1]) and ``labels`` (n,). Raises :class:`Cancelled` when ``cancel`` is set
    (checked before each grid row and each stack of path or line points), ConfigError when the
    run cannot have one (too few snapshots for a PCA plane, images that do not fit)."""
    settings = settings or LandscapeSettings()
    t0 = time.perf_counter()
    steps, epochs, vectors = run_vectors(record)
    subset = _Images(images, labels, settings.samples)
    evaluator = _evaluator(record, subset)
    if settings.plane == "pca":
        plane = pca_plane(vectors)
    else:
        if vectors.shape[0] < 2:
            raise ConfigError("the run holds one weight snapshot: it has no path yet")
        plane = random_plane(record, settings.seed, vectors)
    coords = plane.coordinates(vectors)
    minimum = _RANDOM_HALF_WIDTH if plane.kind == "random" else 1e-3
    n = settings.grid
    xs, ys = _axis(coords[:, 0], minimum, n), _axis(coords[:, 1], minimum, n)
    shapes = record.param_shapes
    dtype = np.float32
    origin = _unflat(plane.origin, shapes, dtype)
    dirs = [_unflat(d, shapes, dtype) for d in plane.directions]
    on_plane = _Affine(evaluator, origin, dirs)
    seconds = {"plane": time.perf_counter() - t0}

    k = vectors.shape[0]
    line_n = LINE_ALPHAS.shape[0]
    total = n * n + k + line_n
    done = 0
    grid = np.full((n, n), np.nan)
    rows = cols = _coarse(n)

    def check() -> None:
        if cancel is not None and cancel.is_set():
            raise Cancelled(done, total)

    def report(phase: str, preview: np.ndarray | None = None) -> None:
        if progress is not None:
            axes = (None, None) if preview is None else (xs.copy(), ys.copy())
            progress(Progress(done, total, phase, preview, *axes))

    t1 = time.perf_counter()
    passes = [(rows, cols)]  # coarse, then every other point row by row
    passes.append((np.arange(n), None))
    for pass_rows, pass_cols in passes:
        for i in pass_rows:
            cols_i = np.arange(n) if pass_cols is None else pass_cols
            cols_i = cols_i[np.isnan(grid[i, cols_i])]
            if not cols_i.size:
                continue
            check()
            coeffs = np.stack([xs[cols_i], np.full(cols_i.size, ys[i])], axis=1)
            grid[i, cols_i] = on_plane.evaluate(coeffs)[0]
            done += int(cols_i.size)
            report("grid", _preview(grid, rows, cols))
    seconds["grid"] = time.perf_counter() - t1

    t1 = time.perf_counter()
    check()
    path = _path(record, plane, evaluator, steps, epochs, vectors)
    done += k
    report("path")
    seconds["path"] = time.perf_counter() - t1

    t1 = time.perf_counter()
    check()
    start, end = _unflat(vectors[0], shapes, dtype), _unflat(vectors[-1], shapes, dtype)
    delta = {name: end[name] - start[name] for name in start}
    line_loss, line_acc = _Affine(evaluator, start, [delta]).evaluate(LINE_ALPHAS[:, None])
    done += line_n
    report("line")
    seconds["line"] = time.perf_counter() - t1
    seconds["total"] = time.perf_counter() - t0
    return Landscape(
        settings,
        plane,
        xs,
        ys,
        grid,
        path,
        Line(LINE_ALPHAS.copy(), line_loss, line_acc),
        subset.indices,
        get_loss(record.config.loss).name,
        seconds,
    )
