"""A fully connected network with any number of hidden layers, as in the book's chapter 3-4.

Parameters follow the book's naming: ``W1, b1, ..., WL, bL``. Layer ``l`` computes
``a_l = z_{l-1} . W_l + b_l`` (with ``z_0 = x``), hidden layers apply ``z_l = h(a_l)`` and the
output is ``y = softmax(a_L)``. Shapes: ``W_l`` is (n_{l-1}, n_l * k) and ``b_l`` is (n_l * k,),
where ``k`` is the activation's number of pieces (Maxout) for hidden layers and 1 for the output.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import numpy as np

from nnviz.core.activations import Activation, Maxout, get_activation, softmax
from nnviz.core.errors import ConfigError
from nnviz.core.losses import Loss, get_loss

__all__ = ["INITS", "ForwardTrace", "Network", "Stage", "DEFAULT_SIZES", "init_names"]

DEFAULT_SIZES = (784, 50, 100, 10)  # the book's chapter 3 network


def _init_book(rng: np.random.Generator, fan_in: int, shape: tuple[int, int]) -> np.ndarray:
    return 0.01 * rng.standard_normal(shape)  # weight_init_std = 0.01, as in the book


def _init_xavier(rng: np.random.Generator, fan_in: int, shape: tuple[int, int]) -> np.ndarray:
    return rng.standard_normal(shape) * np.sqrt(1.0 / fan_in)


def _init_he(rng: np.random.Generator, fan_in: int, shape: tuple[int, int]) -> np.ndarray:
    return rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)


INITS = {"book": _init_book, "xavier": _init_xavier, "he": _init_he}


def init_names() -> list[str]:
    return list(INITS)


@dataclass(frozen=True)
class Stage:
    """One step of a forward pass: ``name`` is x, a1, z1, ..., aL or y."""

    name: str
    kind: str  # "input", "affine", "activation" or "softmax"
    layer: int  # 0 for the input, l for a_l / z_l, L for y
    values: np.ndarray  # (n, width) or (width,) for a single sample

    @property
    def formula(self) -> str:
        if self.kind == "input":
            return "x"
        if self.kind == "affine":
            prev = "x" if self.layer == 1 else f"z{self.layer - 1}"
            return f"a{self.layer} = {prev} · W{self.layer} + b{self.layer}"
        if self.kind == "activation":
            return f"z{self.layer} = h(a{self.layer})"
        return f"y = softmax(a{self.layer})"


@dataclass(frozen=True)
class ForwardTrace:
    """Every stage of one forward pass, in order: x, a1, z1, ..., aL, y.

    ``winners[l]`` holds, for a Maxout hidden layer ``l``, which piece each unit kept.
    """

    stages: tuple[Stage, ...]
    winners: dict[int, np.ndarray] = field(default_factory=dict)

    def __getitem__(self, name: str) -> np.ndarray:
        for stage in self.stages:
            if stage.name == name:
                return stage.values
        raise KeyError(name)

    def __len__(self) -> int:
        return len(self.stages)

    def __iter__(self) -> Iterator[Stage]:
        return iter(self.stages)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]


class Network:
    """784-50-100-10 sigmoid by default; ``params`` maps W1, b1, ... to arrays."""

    def __init__(
        self,
        sizes: Sequence[int] = DEFAULT_SIZES,
        activation: str | Activation = "sigmoid",
        init: str = "xavier",
        seed: int | None = 0,
        dtype: type = np.float32,
        params: dict[str, np.ndarray] | None = None,
    ) -> None:
        sizes = tuple(int(s) for s in sizes)
        if len(sizes) < 2 or any(s < 1 for s in sizes):
            raise ConfigError(f"layer sizes must be at least two positive numbers, got {sizes}")
        self.sizes = sizes
        self.activation = get_activation(activation)
        self.dtype = np.dtype(dtype)
        self.init = init
        if params is None:
            if init not in INITS:
                raise ConfigError(
                    f"unknown initialisation {init!r}; choose one of {', '.join(INITS)}"
                )
            rng = np.random.default_rng(seed)
            params = {}
            for l in range(1, self.num_layers + 1):
                fan_in, width = sizes[l - 1], self.width(l)
                params[f"W{l}"] = INITS[init](rng, fan_in, (fan_in, width))
                params[f"b{l}"] = np.zeros(width)
        self.params = {k: np.ascontiguousarray(v, dtype=self.dtype) for k, v in params.items()}
        self._check_shapes()

    # ------------------------------------------------------------------ structure
    @property
    def num_layers(self) -> int:
        """L, the number of weight layers (3 for 784-50-100-10)."""
        return len(self.sizes) - 1

    def width(self, layer: int) -> int:
        """Columns of W_layer: units times pieces for hidden layers, classes for the output."""
        k = self.activation.pieces if layer < self.num_layers else 1
        return self.sizes[layer] * k

    def _check_shapes(self) -> None:
        expected = set()
        for l in range(1, self.num_layers + 1):
            for name, shape in (
                (f"W{l}", (self.sizes[l - 1], self.width(l))),
                (f"b{l}", (self.width(l),)),
            ):
                expected.add(name)
                got = self.params.get(name)
                if got is None or got.shape != shape:
                    have = None if got is None else got.shape
                    raise ConfigError(f"{name} should have shape {shape}, has {have}")
        extra = set(self.params) - expected
        if extra:
            raise ConfigError(f"unexpected parameters {sorted(extra)}")

    def parameters(self) -> list[np.ndarray]:
        return [self.params[k] for k in self.param_names()]

    def param_names(self) -> list[str]:
        return [f"{p}{l}" for l in range(1, self.num_layers + 1) for p in ("W", "b")]

    def parameter_count(self) -> int:
        return sum(p.size for p in self.params.values())

    def copy(self) -> Network:
        return Network(
            self.sizes,
            self.activation,
            self.init,
            dtype=self.dtype,
            params={k: v.copy() for k, v in self.params.items()},
        )

    def __repr__(self) -> str:
        sizes = "-".join(map(str, self.sizes))
        return f"Network({sizes}, {self.activation!r}, {self.parameter_count()} parameters)"

    # ------------------------------------------------------------------ forward
    def logits(self, x: np.ndarray) -> np.ndarray:
        """a_L for a batch x (n, n_0); returns (n, classes)."""
        h = np.asarray(x, dtype=self.dtype)
        L = self.num_layers
        for l in range(1, L + 1):
            a = h @ self.params[f"W{l}"]
            a += self.params[f"b{l}"]
            h = self.activation.forward(a) if l < L else a
        return h

    def forward(self, x: np.ndarray) -> np.ndarray:
        """y = softmax(a_L): class probabilities, (n, classes)."""
        return softmax(self.logits(x))

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The most probable class per sample, (n,)."""
        return self.logits(x).argmax(axis=1)

    def forward_trace(self, x: np.ndarray) -> ForwardTrace:
        """Every stage of the forward pass for one sample (n_0,) or a batch (n, n_0)."""
        single = np.ndim(x) == 1
        h = np.atleast_2d(np.asarray(x, dtype=self.dtype))
        stages = [Stage("x", "input", 0, h)]
        winners: dict[int, np.ndarray] = {}
        L = self.num_layers
        for l in range(1, L + 1):
            a = h @ self.params[f"W{l}"] + self.params[f"b{l}"]
            stages.append(Stage(f"a{l}", "affine", l, a))
            if l < L:
                h = self.activation.forward(a)
                if isinstance(self.activation, Maxout):
                    winners[l] = (
                        self.activation.winners(a)[0] if single else self.activation.winners(a)
                    )
                stages.append(Stage(f"z{l}", "activation", l, h))
        stages.append(Stage("y", "softmax", L, softmax(a)))
        if single:
            stages = [Stage(s.name, s.kind, s.layer, s.values[0]) for s in stages]
        return ForwardTrace(tuple(stages), winners)

    # ------------------------------------------------------------------ backward
    def loss_and_gradients(
        self, x: np.ndarray, labels: np.ndarray, loss: str | Loss = "cross-entropy"
    ) -> tuple[float, dict[str, np.ndarray], np.ndarray]:
        """Forward and backward on a batch: (mean loss, {W1: dE/dW1, ...}, y)."""
        loss_fn = get_loss(loss)
        L = self.num_layers
        act = self.activation
        zs = [np.asarray(x, dtype=self.dtype)]
        pre = []
        for l in range(1, L + 1):
            a = zs[-1] @ self.params[f"W{l}"]
            a += self.params[f"b{l}"]
            pre.append(a)
            if l < L:
                zs.append(act.forward(a))
        value, grad, y = loss_fn.value_and_grad(pre[-1], labels)
        return value, self.backward(zs, pre, grad), y

    def backward(
        self, zs: list[np.ndarray], pre: list[np.ndarray], grad_logits: np.ndarray
    ) -> dict[str, np.ndarray]:
        """Backpropagate dE/da_L through the layers; ``zs`` = [x, z1, ...], ``pre`` = [a1, ...]."""
        grads: dict[str, np.ndarray] = {}
        grad = grad_logits
        for l in range(self.num_layers, 0, -1):
            grads[f"W{l}"] = zs[l - 1].T @ grad
            grads[f"b{l}"] = grad.sum(axis=0)
            if l > 1:  # the input needs no gradient
                grad_z = grad @ self.params[f"W{l}"].T
                grad = self.activation.backward(pre[l - 2], zs[l - 1], grad_z)
        return grads
