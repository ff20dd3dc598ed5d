"""The layers of a network, after the book's chapter 5: each has ``forward`` and ``backward``.

``forward(x) -> (out, cache)`` computes the layer's output and keeps what its backward needs;
``backward(cache, d_out) -> (d_in, grads)`` turns dE/d(out) into dE/d(in) and the gradients of
the layer's own parameters (``{"W1": ..., "b1": ...}``, empty for layers without parameters).

Shapes, for a batch of ``n`` samples: :class:`Affine` ``l`` maps (n, n_{l-1}) to (n, width_l);
:class:`ActivationLayer` maps (n, width_l) to (n, n_l) (equal unless the activation is Maxout);
:class:`SoftmaxWithLoss` maps the logits (n, classes) and the labels (n,) to the batch-mean loss.

Layers hold no arrays of their own: an :class:`Affine` reads ``W_l`` and ``b_l`` from the
network's parameter dictionary at every call, so an optimizer that updates that dictionary in
place, or a view that swaps in a snapshot, is seen at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from nnviz.core.activations import Activation
from nnviz.core.losses import Loss

__all__ = ["ActivationLayer", "Affine", "Dropout", "Layer", "SoftmaxWithLoss"]


class Layer:
    """One step of the forward loop; ``layer`` is the book's index l (1..L)."""

    layer: int

    def forward(self, x: np.ndarray, out: np.ndarray | None = None) -> tuple[np.ndarray, Any]:
        """(out, cache); ``out`` is an optional buffer of the output's shape to write into."""
        raise NotImplementedError

    def backward(
        self, cache: Any, d_out: np.ndarray, need_d_in: bool = True
    ) -> tuple[np.ndarray | None, dict[str, np.ndarray]]:
        """(dE/d(in), {parameter name: dE/d(parameter)}); d_in is None when not needed."""
        raise NotImplementedError


class Affine(Layer):
    """a_l = z_{l-1} · W_l + b_l.

    Backward, with δ = dE/da_l: dE/dW_l = z_{l-1}ᵀ · δ, dE/db_l = Σ δ, dE/dz_{l-1} = δ · W_lᵀ.
    """

    def __init__(self, params: Mapping[str, np.ndarray], layer: int) -> None:
        self.params = params
        self.layer = layer
        self.w_name, self.b_name = f"W{layer}", f"b{layer}"

    @property
    def W(self) -> np.ndarray:  # noqa: N802 (the book's name)
        return self.params[self.w_name]

    @property
    def b(self) -> np.ndarray:
        return self.params[self.b_name]

    def forward(self, x, out=None):
        a = np.matmul(x, self.W, out=out)
        a += self.b
        return a, x

    def backward(self, cache, d_out, need_d_in=True):
        x = cache
        grads = {self.w_name: x.T @ d_out, self.b_name: d_out.sum(axis=0)}
        d_in = d_out @ self.W.T if need_d_in else None
        return d_in, grads

    def __repr__(self) -> str:
        return f"Affine{self.layer}({self.W.shape[0]} -> {self.W.shape[1]})"


class ActivationLayer(Layer):
    """z_l = h(a_l); backward: dE/da_l = dE/dz_l ⊙ h'(a_l) (Maxout: to the winning piece)."""

    def __init__(self, activation: Activation, layer: int) -> None:
        self.activation = activation
        self.layer = layer

    def forward(self, x, out=None):
        z = self.activation.forward(x)
        return z, (x, z)

    def backward(self, cache, d_out, need_d_in=True):
        a, z = cache
        return self.activation.backward(a, z, d_out), {}

    def __repr__(self) -> str:
        return f"{self.activation!r}{self.layer}"


class Dropout(Layer):
    """Inverted dropout, for training only: each unit of z_l is kept with probability
    1 - ``rate`` and scaled by 1 / (1 - rate), so that evaluation needs no dropout layer at all.

    Forward: out = z ⊙ m with m = keep / (1 - rate), keep ~ Bernoulli(1 - rate) drawn from
    ``rng``; backward: dE/dz = dE/d(out) ⊙ m. ``rate`` may be changed between batches (0 passes
    the signal through unchanged and draws nothing).
    """

    def __init__(self, rate: float, rng: np.random.Generator, layer: int) -> None:
        self.rate = float(rate)
        self.rng = rng
        self.layer = layer

    def forward(self, x, out=None):
        if self.rate <= 0.0:
            return x, None
        keep = 1.0 - self.rate
        mask = self.rng.random(x.shape, dtype=np.float64 if x.dtype == np.float64 else np.float32)
        mask = (mask < keep).astype(x.dtype)
        mask *= x.dtype.type(1.0 / keep)
        return x * mask, mask

    def backward(self, cache, d_out, need_d_in=True):
        mask = cache
        return (d_out if mask is None else d_out * mask), {}

    def __repr__(self) -> str:
        return f"Dropout{self.layer}({self.rate:g})"


class SoftmaxWithLoss:
    """y = softmax(a_L) and E(y, t), fused: for cross-entropy dE/da_L = (y - t) / n."""

    def __init__(self, loss: Loss) -> None:
        self.loss = loss

    def forward(self, logits: np.ndarray, labels: np.ndarray) -> tuple[float, Any]:
        """(batch-mean loss, cache); the cache holds y and dE/da_L, computed together."""
        value, grad, y = self.loss.value_and_grad(logits, labels)
        return value, (y, grad)

    @staticmethod
    def probabilities(cache: Any) -> np.ndarray:
        """y = softmax(a_L) from a forward's cache, (n, classes)."""
        return cache[0]

    def backward(self, cache: Any, d_out: float = 1.0) -> tuple[np.ndarray, dict]:
        """(dE/da_L, {}) for an upstream gradient ``d_out`` of the loss (1 for E itself)."""
        grad = cache[1]
        return (grad if d_out == 1.0 else grad * d_out), {}

    def __repr__(self) -> str:
        return f"SoftmaxWithLoss({self.loss.name})"
