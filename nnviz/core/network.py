"""A fully connected network with any number of hidden layers, as in the book's chapter 3-4.

Parameters follow the book's naming: ``W1, b1, ..., WL, bL``. Layer ``l`` computes
``a_l = z_{l-1} . W_l + b_l`` (with ``z_0 = x``), hidden layers apply ``z_l = h(a_l)`` and the
output is ``y = softmax(a_L)``. Shapes: ``W_l`` is (n_{l-1}, n_l * k) and ``b_l`` is (n_l * k,),
where ``k`` is the activation's number of pieces (Maxout) for hidden layers and 1 for the output.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from nnviz.core.activations import Activation, Maxout, get_activation, softmax
from nnviz.core.errors import ConfigError
from nnviz.core.layers import ActivationLayer, Affine, Dropout, Layer, SoftmaxWithLoss
from nnviz.core.losses import CrossEntropy, Loss, get_loss
from nnviz.core.trace import Kind, Stage, Trace, backward_formula, forward_formula

__all__ = ["INITS", "Network", "DEFAULT_SIZES", "add_weight_decay", "init_names"]

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


def add_weight_decay(
    params: dict[str, np.ndarray], grads: dict[str, np.ndarray], l2: float
) -> float:
    """L2 weight decay: E' = E + (λ/2) Σ_l ||W_l||², so dE'/dW_l = dE/dW_l + λ W_l (the book's
    chapter 6; biases are not decayed). Adds λ W_l to ``grads`` in place; returns the penalty
    (λ/2) Σ ||W_l||². Nothing is done (and 0 returned) when ``l2`` is 0."""
    if l2 <= 0.0:
        return 0.0
    penalty = 0.0
    for name, g in grads.items():
        if name[0] == "W":
            w = params[name]
            flat = w.reshape(-1)
            penalty += float(np.dot(flat, flat))
            g += g.dtype.type(l2) * w
    return 0.5 * l2 * penalty


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
        self._params = {k: np.ascontiguousarray(v, dtype=self.dtype) for k, v in params.items()}
        self._check_shapes()
        #: Affine 1, h 1, Affine 2, h 2, ..., Affine L: the one forward loop runs through these
        self.layers: tuple[Layer, ...] = tuple(
            layer
            for l in range(1, self.num_layers + 1)
            for layer in (
                (Affine(self._params, l), ActivationLayer(self.activation, l))
                if l < self.num_layers
                else (Affine(self._params, l),)
            )
        )

    @property
    def params(self) -> dict[str, np.ndarray]:
        """W1, b1, ..., WL, bL. The dictionary is the network's own (its layers read it), so it
        is updated in place, never replaced."""
        return self._params

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
    def training_layers(self, dropout: float, rng: np.random.Generator) -> tuple[Layer, ...]:
        """The layers with a :class:`Dropout` of ``dropout`` after every hidden activation, for
        training (evaluation and traces use :attr:`layers`, which have none); the dropout
        layers draw their masks from ``rng`` and their rate may be changed between batches."""
        out: list[Layer] = []
        for layer in self.layers:
            out.append(layer)
            if isinstance(layer, ActivationLayer):
                out.append(Dropout(dropout, rng, layer.layer))
        return tuple(out)

    def _forward(
        self,
        x: np.ndarray,
        record: list[tuple[Layer, np.ndarray, object]] | None = None,
        layers: Sequence[Layer] | None = None,
    ) -> np.ndarray:
        """THE forward loop: a_L for x (n, n_0). ``record`` collects (layer, output, cache);
        ``layers`` replaces :attr:`layers` (training with dropout: :meth:`training_layers`)."""
        h = x
        for layer in self.layers if layers is None else layers:
            h, cache = layer.forward(h)
            if record is not None:
                record.append((layer, h, cache))
        return h

    def logits(self, x: np.ndarray) -> np.ndarray:
        """a_L for a batch x (n, n_0); returns (n, classes)."""
        return self._forward(np.asarray(x, dtype=self.dtype))

    def forward(self, x: np.ndarray) -> np.ndarray:
        """y = softmax(a_L): class probabilities, (n, classes)."""
        return softmax(self.logits(x))

    def predict(self, x: np.ndarray) -> np.ndarray:
        """The most probable class per sample, (n,)."""
        return self.logits(x).argmax(axis=1)

    def _stage_kinds(self, layer: Layer) -> Kind:
        return Kind.AFFINE if isinstance(layer, Affine) else Kind.ACTIVATION

    def forward_trace(self, x: np.ndarray) -> Trace:
        """Every forward stage (x, a1, z1, ..., aL, y) for one sample (n_0,) or a batch (n, n_0)."""
        single = np.ndim(x) == 1
        h = np.atleast_2d(np.asarray(x, dtype=self.dtype))
        record: list = []
        logits = self._forward(h, record)
        pairs = [(Kind.INPUT, 0, h)]
        pairs += [(self._stage_kinds(layer), layer.layer, out) for layer, out, _ in record]
        pairs.append((Kind.OUTPUT, self.num_layers, softmax(logits)))
        winners: dict[int, np.ndarray] = {}
        if isinstance(self.activation, Maxout):
            for layer, _, (a, _z) in (r for r in record if isinstance(r[0], ActivationLayer)):
                w = self.activation.winners(a)
                winners[layer.layer] = w[0] if single else w
        stages = tuple(
            Stage(kind, l, values[0] if single else values, forward_formula(kind, l))
            for kind, l, values in pairs
        )
        return Trace(stages, winners)

    # ------------------------------------------------------------------ backward
    def _backward(
        self, record: list, d_logits: np.ndarray, on_gradient=None
    ) -> dict[str, np.ndarray]:
        """THE backward loop: from dE/da_L back through the recorded layers to dE/dW1.

        ``on_gradient(layer, d_out, d_in, grads)`` sees every layer's gradients as they go.
        """
        grads: dict[str, np.ndarray] = {}
        grad = d_logits
        for layer, _out, cache in reversed(record):
            first = layer is self.layers[0]
            d_in, layer_grads = layer.backward(cache, grad, need_d_in=not first)
            if on_gradient is not None:
                on_gradient(layer, grad, d_in, layer_grads)
            grads.update(layer_grads)
            grad = d_in
        return grads

    def loss_and_gradients(
        self,
        x: np.ndarray,
        labels: np.ndarray,
        loss: str | Loss = "cross-entropy",
        layers: Sequence[Layer] | None = None,
        l2: float = 0.0,
    ) -> tuple[float, dict[str, np.ndarray], np.ndarray]:
        """Forward and backward on a batch: (mean loss, {W1: dE/dW1, ...}, y).

        ``layers``: the training layers (with dropout) to run instead of :attr:`layers`; ``l2``:
        weight decay, whose penalty (λ/2) Σ ||W||² is then part of the loss returned and of the
        gradients (:func:`add_weight_decay`)."""
        head = SoftmaxWithLoss(get_loss(loss))
        record: list = []
        logits = self._forward(np.asarray(x, dtype=self.dtype), record, layers)
        value, cache = head.forward(logits, labels)
        d_logits, _ = head.backward(cache)
        grads = self._backward(record, d_logits)
        value += add_weight_decay(self.params, grads, l2)
        return value, grads, head.probabilities(cache)

    def backward_trace(
        self,
        x: np.ndarray,
        label: int | np.ndarray,
        loss: str | Loss = "cross-entropy",
        lr: float | None = None,
    ) -> Trace:
        """Every backward stage for one sample x (n_0,) with its class ``label`` (or a batch
        (n, n_0) with labels (n,), gradients then being batch means): E, dE/daL, dE/dWL, dE/dbL,
        dE/dz(L-1), dE/da(L-1), ..., dE/dW1, dE/db1, and with a learning rate ``lr`` the updates
        ΔW_l = -lr · dE/dW_l. Computed in float64 whatever the network's dtype."""
        single = np.ndim(x) == 1
        loss_fn = get_loss(loss)
        head = SoftmaxWithLoss(loss_fn)
        labels = np.atleast_1d(np.asarray(label, dtype=np.intp))
        x64 = np.atleast_2d(np.asarray(x, dtype=np.float64))
        net = self if self.dtype == np.float64 else self.astype(np.float64)
        record: list = []
        logits = net._forward(x64, record)
        value, cache = head.forward(logits, labels)
        d_logits, _ = head.backward(cache)
        L = self.num_layers
        fused = isinstance(loss_fn, CrossEntropy)

        def per_sample(values: np.ndarray) -> np.ndarray:
            return values[0] if single else values

        stages = [
            Stage(Kind.LOSS, L, np.asarray(value), backward_formula(Kind.LOSS, L, loss_fn.formula)),
            Stage(
                Kind.LOSS_GRADIENT,
                L,
                per_sample(d_logits),
                backward_formula(Kind.LOSS_GRADIENT, L, fused=fused),
            ),
        ]
        weight_grads: dict[int, np.ndarray] = {}

        def on_gradient(layer, d_out, d_in, grads):
            l = layer.layer
            if isinstance(layer, Affine):
                weight_grads[l] = grads[layer.w_name]
                for kind, values in (
                    (Kind.WEIGHT_GRADIENT, grads[layer.w_name]),
                    (Kind.BIAS_GRADIENT, grads[layer.b_name]),
                ):
                    stages.append(Stage(kind, l, values, backward_formula(kind, l)))
                if d_in is not None:
                    kind = Kind.SIGNAL_GRADIENT
                    stages.append(
                        Stage(kind, l - 1, per_sample(d_in), backward_formula(kind, l - 1))
                    )
            else:
                stages.append(
                    Stage(Kind.DELTA, l, per_sample(d_in), backward_formula(Kind.DELTA, l))
                )

        net._backward(record, d_logits, on_gradient)
        if lr is not None:
            for l in range(L, 0, -1):
                kind = Kind.UPDATE
                stages.append(Stage(kind, l, -lr * weight_grads[l], backward_formula(kind, l)))
        return Trace(tuple(stages))

    def astype(self, dtype: type) -> Network:
        """A copy of this network computing in ``dtype`` (float64 for exact traces)."""
        return Network(
            self.sizes,
            self.activation,
            self.init,
            dtype=dtype,
            params={k: v.astype(dtype) for k, v in self.params.items()},
        )
