"""A map of what a hidden layer sees: its activations for many digits, projected to 2-D.

- :func:`layer_activations`: z_l = h(a_l) of hidden layer l for a batch, by the network's one
  forward loop (:meth:`Network.forward_trace`);
- :func:`pca_map`: the two principal components (NumPy's SVD), at once;
- :func:`tsne_map`: t-SNE (scikit-learn's ``sklearn.manifold.TSNE``, Barnes-Hut), which takes
  seconds for thousands of points: it reports its progress, iteration by iteration, and stops
  when asked (see :func:`tsne_map`).

Both maps return the points in the order of the rows they were given: point i is digit i.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np

from nnviz.core.errors import ConfigError
from nnviz.core.network import Network
from nnviz.core.probes import CancelCheck, Cancelled, Progress, is_cancelled
from nnviz.core.trace import Kind

__all__ = ["TSNE_ITERATIONS", "layer_activations", "pca_map", "tsne_map"]

TSNE_ITERATIONS = 500  # scikit-learn's minimum is 250 (its early exaggeration phase)
_PERPLEXITY = 30.0  # t-SNE's usual neighbourhood size
_CHUNK = 2500


def layer_activations(network: Network, images: np.ndarray, layer: int) -> np.ndarray:
    """z_layer (n, units) of hidden ``layer`` (1 to L-1) for images (n, n_0) (uint8 scaled by
    1/255, or floats in [0, 1]); row i belongs to image i."""
    if not 1 <= layer < network.num_layers:
        raise ConfigError(f"hidden layers are 1 to {network.num_layers - 1}, got layer {layer}")
    scale = np.float32(1 / 255) if images.dtype == np.uint8 else np.float32(1)
    parts = []
    for start in range(0, images.shape[0], _CHUNK):
        x = images[start : start + _CHUNK].astype(network.dtype) * scale
        trace = network.forward_trace(np.atleast_2d(x))
        parts.append(np.atleast_2d(trace.values(Kind.ACTIVATION, layer)))
    return np.concatenate(parts) if parts else np.zeros((0, network.sizes[layer]))


def pca_map(values: np.ndarray) -> np.ndarray:
    """The rows of ``values`` (n, d) on their first two principal axes, (n, 2) float64. The
    signs are fixed (each axis' largest loading positive), so the same data gives the same map."""
    x = np.asarray(values, dtype=np.float64)
    if x.ndim != 2 or x.shape[0] < 2:
        raise ConfigError(f"a map needs at least two rows of values, got shape {x.shape}")
    centred = x - x.mean(axis=0)
    _u, _s, vt = np.linalg.svd(centred, full_matrices=False)
    axes = vt[:2]
    if axes.shape[0] < 2:  # a single feature: its values and a flat second axis
        axes = np.vstack([axes, np.zeros((1, x.shape[1]))])
    signs = np.sign(axes[np.arange(2), np.abs(axes).argmax(axis=1)])
    axes = axes * np.where(signs == 0, 1.0, signs)[:, None]
    return centred @ axes.T


# ---------------------------------------------------------------------- t-SNE's progress
# scikit-learn's TSNE has no callback. Its optimiser calls one objective function per
# iteration, looked up in the module sklearn.manifold._t_sne at each fit; nnviz wraps those two
# functions once, and the wrapper reports to the hook of the thread that runs the fit (other
# threads' fits run unchanged). A scikit-learn without them fits without progress (see
# tsne_map); the tests notice.
_HOOKS = threading.local()
_WRAP_LOCK = threading.Lock()
_OBJECTIVES = ("_kl_divergence", "_kl_divergence_bh")


def _hooked(original: Callable) -> Callable:
    def objective(*args, **kwargs):
        hook = getattr(_HOOKS, "on_iteration", None)
        if hook is not None:
            hook()
        return original(*args, **kwargs)

    objective.nnviz_wrapped = True  # type: ignore[attr-defined]
    return objective


def _install_hooks() -> bool:
    """Wrap scikit-learn's t-SNE objectives (once); False when they cannot be found."""
    from sklearn.manifold import _t_sne

    with _WRAP_LOCK:
        found = all(callable(getattr(_t_sne, name, None)) for name in _OBJECTIVES)
        if not found:
            return False
        for name in _OBJECTIVES:
            original = getattr(_t_sne, name)
            if not getattr(original, "nnviz_wrapped", False):
                setattr(_t_sne, name, _hooked(original))
        return True


def tsne_map(
    values: np.ndarray,
    seed: int = 0,
    iterations: int = TSNE_ITERATIONS,
    perplexity: float = _PERPLEXITY,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> np.ndarray:
    """t-SNE of the rows of ``values`` (n, d) to (n, 2), initialised by PCA and seeded.

    ``progress(done, iterations)`` is called as the optimiser's iterations go (0 while it
    finds each point's neighbours) and ``cancel`` is checked at each: it raises
    :class:`Cancelled`. The perplexity is lowered for small n (t-SNE needs n > perplexity)."""
    from sklearn.manifold import TSNE

    x = np.asarray(values, dtype=np.float32)
    n = x.shape[0]
    if x.ndim != 2 or n < 4:
        raise ConfigError(f"t-SNE needs at least four rows of values, got shape {x.shape}")
    iterations = max(250, int(iterations))
    tsne = TSNE(
        n_components=2,
        perplexity=min(float(perplexity), (n - 1) / 3),
        max_iter=iterations,
        init="pca",
        random_state=seed,
        method="barnes_hut",
    )
    done = 0

    def on_iteration() -> None:
        nonlocal done
        if is_cancelled(cancel):
            raise Cancelled(done, iterations)
        done += 1
        if progress is not None:
            progress(min(done, iterations), iterations)

    if progress is not None:
        progress(0, iterations)
    if is_cancelled(cancel):
        raise Cancelled(0, iterations)
    hooked = _install_hooks()
    _HOOKS.on_iteration = on_iteration if hooked else None
    try:
        points = tsne.fit_transform(x)
    finally:
        _HOOKS.on_iteration = None
    if progress is not None:
        progress(iterations, iterations)
    return np.asarray(points, dtype=np.float64)
