"""The lab: change a trained network and see what it still knows.

Each function returns a changed copy and never touches the network it is given:

- :func:`prune`: the smallest weights (by size, over every weight matrix) set to 0;
- :func:`add_weight_noise`: Gaussian noise added to each weight matrix, its standard deviation a
  share of that matrix's own (seeded);
- :func:`switch_off`: hidden units silenced: their outgoing weights (their rows of the next W)
  set to 0, so whatever they compute reaches nothing;
- :func:`scale_unit`: a hidden unit's incoming weights (its columns of W_l, every Maxout piece)
  multiplied by a factor;
- :func:`shift_bias`: a number added to a hidden unit's bias (every piece's).

:class:`LabChanges` holds one set of these changes and :meth:`LabChanges.apply` makes them on a
copy of the original, always from the original (changes never pile up on an already changed
copy): prune, noise, scale, bias, switch off, in that order.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from nnviz.core.errors import ConfigError, ModelFileError
from nnviz.core.model_io import save_model
from nnviz.core.network import Network
from nnviz.core.npz import npz_path

__all__ = [
    "LabChanges",
    "add_weight_noise",
    "prune",
    "save_changed_model",
    "scale_unit",
    "shift_bias",
    "switch_off",
]


def _weights(network: Network) -> list[str]:
    return [f"W{l}" for l in range(1, network.num_layers + 1)]


def _check_unit(network: Network, layer: int, unit: int) -> None:
    if not 1 <= layer < network.num_layers:
        raise ConfigError(f"hidden layers are 1 to {network.num_layers - 1}, got layer {layer}")
    if not 0 <= unit < network.sizes[layer]:
        raise ConfigError(
            f"layer {layer} has units 0 to {network.sizes[layer] - 1}, got unit {unit}"
        )


def _unit_columns(network: Network, layer: int, unit: int) -> slice:
    """The columns of W_layer and entries of b_layer that belong to ``unit`` (its k pieces)."""
    k = network.activation.pieces
    return slice(unit * k, (unit + 1) * k)


def prune(network: Network, percent: float) -> Network:
    """A copy with the ``percent`` % smallest weights (by absolute value, counted over every
    weight matrix together; biases are kept) set to 0."""
    percent = float(percent)
    if not 0 <= percent <= 100:
        raise ConfigError(f"the share of weights to prune is 0 to 100 %, got {percent:g}")
    out = network.copy()
    names = _weights(out)
    sizes = np.abs(np.concatenate([out.params[w].ravel() for w in names]))
    count = int(round(percent / 100 * sizes.size))
    if count == 0:
        return out
    drop = np.zeros(sizes.size, dtype=bool)
    drop[np.argpartition(sizes, count - 1)[:count]] = True
    start = 0
    for w in names:
        param = out.params[w]
        param[drop[start : start + param.size].reshape(param.shape)] = 0
        start += param.size
    return out


def add_weight_noise(network: Network, share: float, seed: int = 0) -> Network:
    """A copy with Gaussian noise added to every weight matrix W_l, of standard deviation
    ``share`` times the standard deviation of W_l's own weights (biases kept)."""
    share = float(share)
    if not np.isfinite(share) or share < 0:
        raise ConfigError(f"the weight noise must be 0 or more, got {share:g}")
    out = network.copy()
    if share == 0:
        return out
    rng = np.random.default_rng(seed)
    for w in _weights(out):
        param = out.params[w]
        sigma = share * float(param.std())
        param += (sigma * rng.standard_normal(param.shape)).astype(param.dtype)
    return out


def switch_off(network: Network, units: Iterable[tuple[int, int]]) -> Network:
    """A copy in which each hidden (layer, unit) of ``units`` reaches nothing: its row of
    W_{layer+1} is 0, so the next layer's sums no longer depend on it."""
    out = network.copy()
    for layer, unit in units:
        _check_unit(out, layer, unit)
        out.params[f"W{layer + 1}"][unit, :] = 0
    return out


def scale_unit(network: Network, layer: int, unit: int, factor: float) -> Network:
    """A copy with hidden ``unit`` of ``layer``'s incoming weights multiplied by ``factor``."""
    _check_unit(network, layer, unit)
    out = network.copy()
    out.params[f"W{layer}"][:, _unit_columns(out, layer, unit)] *= out.dtype.type(factor)
    return out


def shift_bias(network: Network, layer: int, unit: int, delta: float) -> Network:
    """A copy with ``delta`` added to hidden ``unit`` of ``layer``'s bias."""
    _check_unit(network, layer, unit)
    out = network.copy()
    out.params[f"b{layer}"][_unit_columns(out, layer, unit)] += out.dtype.type(delta)
    return out


@dataclass(frozen=True)
class LabChanges:
    """Every change of the lab at once, made on a copy of the original by :meth:`apply`."""

    prune_percent: float = 0.0
    noise: float = 0.0  # share of each layer's weight standard deviation
    noise_seed: int = 0
    off: frozenset[tuple[int, int]] = frozenset()  # (layer, unit) switched off
    scales: Mapping[tuple[int, int], float] = field(default_factory=dict)  # (layer, unit) -> x
    shifts: Mapping[tuple[int, int], float] = field(default_factory=dict)  # (layer, unit) -> +b

    @property
    def empty(self) -> bool:
        """True when applying these changes gives the original back."""
        return (
            self.prune_percent == 0
            and self.noise == 0
            and not self.off
            and all(v == 1 for v in self.scales.values())
            and all(v == 0 for v in self.shifts.values())
        )

    def describe(self) -> dict:
        """The changes as plain JSON values (kept in a saved model's meta)."""
        return {
            "prune_percent": self.prune_percent,
            "weight_noise": self.noise,
            "noise_seed": self.noise_seed,
            "units_off": [list(u) for u in sorted(self.off)],
            "unit_scales": [[l, u, f] for (l, u), f in sorted(self.scales.items()) if f != 1],
            "bias_shifts": [[l, u, d] for (l, u), d in sorted(self.shifts.items()) if d != 0],
        }

    def apply(self, network: Network) -> Network:
        """A changed copy of ``network`` (which stays as it is)."""
        out = prune(network, self.prune_percent)
        out = add_weight_noise(out, self.noise, self.noise_seed)
        for (layer, unit), factor in self.scales.items():
            if factor != 1:
                out = scale_unit(out, layer, unit, factor)
        for (layer, unit), delta in self.shifts.items():
            if delta != 0:
                out = shift_bias(out, layer, unit, delta)
        return switch_off(out, sorted(self.off))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist: not the same file
        return a.resolve() == b.resolve()


def save_changed_model(
    path: str | os.PathLike[str],
    network: Network,
    meta: dict | None = None,
    original: str | os.PathLike[str] | None = None,
) -> Path:
    """Save a changed network as a new model file, never over ``original`` (the file the
    unchanged network came from): that path raises ModelFileError and nothing is written."""
    target = npz_path(path)
    if original is not None and _same_file(target, Path(original)):
        raise ModelFileError(
            f"{target}: is the original model's file; save the changed network under a new name"
        )
    return save_model(target, network, meta)
