"""The book's chapter 6 optimizers, each with one ``step(params, grads)`` that updates in place."""

from __future__ import annotations

import math

import numpy as np

from nnviz.core.errors import ConfigError

__all__ = [
    "OPTIMIZERS",
    "Optimizer",
    "Sgd",
    "Momentum",
    "AdaGrad",
    "Adam",
    "get_optimizer",
    "optimizer_names",
]

# Buffers that decay geometrically towards zero (Adam's m for always-zero inputs such as MNIST's
# border pixels) reach subnormal floats after some hundred steps, and arithmetic on subnormals is
# 10-100x slower on x86. Every _FLUSH_EVERY steps such tiny values are set to exactly zero.
_FLUSH_EVERY = 50
_TINY = 1e-30  # far above float32's smallest normal (1.2e-38) and far below any useful value


def _sq(update: np.ndarray) -> float:
    """||update||², the squared size of one parameter's step (a BLAS dot: ~2 µs for W1)."""
    flat = update.reshape(-1)
    return float(np.dot(flat, flat))


def _flush_tiny(buffer: np.ndarray, scratch: np.ndarray) -> None:
    np.abs(buffer, out=scratch)
    buffer[scratch < _TINY] = 0


class Optimizer:
    name = ""

    def __init__(self, lr: float) -> None:
        if not (math.isfinite(lr) and lr > 0):
            raise ConfigError(f"learning rate must be a positive number, got {lr}")
        self.lr = float(lr)
        self.steps = 0

    def step(
        self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]
    ) -> dict[str, tuple[float, float]]:
        """Update ``params`` in place from ``grads`` (which may be consumed); returns, for each
        weight matrix (keys W1, W2, ...), the squared sizes (||dE/dW||², ||ΔW||²) of its
        gradient and of its step, for the run record."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}(lr={self.lr:g})"


class Sgd(Optimizer):
    """W <- W - lr * dW."""

    name = "sgd"

    def step(self, params, grads):
        """Updates ``params`` in place; ``grads`` are consumed (scaled in place)."""
        self.steps += 1
        sizes = {}
        lr2 = self.lr * self.lr
        for key, g in grads.items():
            if key[0] == "W":
                g_sq = _sq(g)
                sizes[key] = (g_sq, lr2 * g_sq)  # the step is lr * g
            g *= self.lr
            params[key] -= g
        return sizes


class Momentum(Optimizer):
    """v <- momentum * v - lr * dW;  W <- W + v."""

    name = "momentum"

    def __init__(self, lr: float, momentum: float = 0.9) -> None:
        super().__init__(lr)
        self.momentum = momentum
        self.v: dict[str, np.ndarray] = {}

    def step(self, params, grads):
        self.steps += 1
        flush = self.steps % _FLUSH_EVERY == 0
        sizes = {}
        for key, g in grads.items():
            v = self.v.get(key)
            if v is None:
                v = self.v[key] = np.zeros_like(params[key])
            v *= self.momentum
            g_sq = _sq(g) if key[0] == "W" else 0.0
            g *= self.lr
            v -= g
            params[key] += v
            if key[0] == "W":
                sizes[key] = (g_sq, _sq(v))
            if flush:
                _flush_tiny(v, g)
        return sizes


class AdaGrad(Optimizer):
    """h <- h + dW^2;  W <- W - lr * dW / (sqrt(h) + eps)."""

    name = "adagrad"

    def __init__(self, lr: float, eps: float = 1e-7) -> None:
        super().__init__(lr)
        self.eps = eps
        self.h: dict[str, np.ndarray] = {}

    def step(self, params, grads):
        self.steps += 1
        sizes = {}
        for key, g in grads.items():
            h = self.h.get(key)
            if h is None:
                h = self.h[key] = np.zeros_like(params[key])
            h += g * g
            step = self.lr * g / (np.sqrt(h) + self.eps)
            params[key] -= step
            if key[0] == "W":
                sizes[key] = (_sq(g), _sq(step))
        return sizes


class Adam(Optimizer):
    """Adam (Kingma & Ba) with bias correction, as in the book's ``common/optimizer.py``."""

    name = "adam"

    def __init__(
        self, lr: float, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-7
    ) -> None:
        super().__init__(lr)
        self.beta1, self.beta2, self.eps = beta1, beta2, eps
        self.m: dict[str, np.ndarray] = {}
        self.v: dict[str, np.ndarray] = {}
        self._scratch: dict[str, np.ndarray] = {}

    def step(self, params, grads):
        self.steps += 1
        t = self.steps
        lr_t = self.lr * math.sqrt(1.0 - self.beta2**t) / (1.0 - self.beta1**t)
        flush = t % _FLUSH_EVERY == 0
        sizes = {}
        for key, g in grads.items():
            m = self.m.get(key)
            if m is None:
                m = self.m[key] = np.zeros_like(params[key])
                self.v[key] = np.zeros_like(params[key])
                self._scratch[key] = np.empty_like(params[key])
            v, tmp = self.v[key], self._scratch[key]
            g_sq = _sq(g) if key[0] == "W" else 0.0
            # m += (1 - beta1) * (g - m);  v += (1 - beta2) * (g^2 - v)
            np.subtract(g, m, out=tmp)
            tmp *= 1.0 - self.beta1
            m += tmp
            np.multiply(g, g, out=tmp)
            tmp -= v
            tmp *= 1.0 - self.beta2
            v += tmp
            if flush:
                _flush_tiny(m, tmp)
                _flush_tiny(v, tmp)
            # W -= lr_t * m / (sqrt(v) + eps)
            np.sqrt(v, out=tmp)
            tmp += self.eps
            np.divide(m, tmp, out=tmp)
            tmp *= lr_t
            params[key] -= tmp
            if key[0] == "W":
                sizes[key] = (g_sq, _sq(tmp))
        return sizes


OPTIMIZERS = {cls.name: cls for cls in (Sgd, Momentum, AdaGrad, Adam)}


def optimizer_names() -> list[str]:
    return list(OPTIMIZERS)


def get_optimizer(name: str, lr: float) -> Optimizer:
    key = str(name).strip().lower()
    if key not in OPTIMIZERS:
        raise ConfigError(f"unknown optimizer {name!r}; choose one of {', '.join(OPTIMIZERS)}")
    return OPTIMIZERS[key](lr)
