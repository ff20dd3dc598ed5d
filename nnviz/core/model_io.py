"""Model files: ``.npz`` with the book's arrays ``W1, b1, ..., WL, bL`` and a JSON ``meta`` entry.

Files are read with ``allow_pickle=False``: a file holding Python objects is refused, never run.
A file with only the W/b arrays (the book's own layout) loads with the activation the caller
names (sigmoid by default, as in the book).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from nnviz.core.activations import get_activation
from nnviz.core.errors import ConfigError, ModelFileError
from nnviz.core.network import Network
from nnviz.core.npz import npz_path, read_npz, write_npz

__all__ = ["FORMAT_VERSION", "LoadedModel", "load_model", "save_model"]

FORMAT_VERSION = 1
_PARAM = re.compile(r"^(W|b)([1-9][0-9]*)$")
_MAX_LAYERS = 64  # more weight layers than this in a file is not a model nnviz wrote


@dataclass
class LoadedModel:
    network: Network
    meta: dict = field(default_factory=dict)


def save_model(path: str | os.PathLike[str], network: Network, meta: dict | None = None) -> Path:
    """Write ``network`` (and ``meta``, JSON-serialisable) to ``path``; returns the path written.

    The file is written to a temporary name first and renamed, so an interrupted save never
    leaves a half-written model in place of a good one.
    """
    path = npz_path(path)
    info = {
        "format_version": FORMAT_VERSION,
        "layer_sizes": list(network.sizes),
        "activation": network.activation.name,
        "activation_params": network.activation.params(),
        **(meta or {}),
    }
    arrays = {k: np.asarray(v) for k, v in network.params.items()}
    arrays["meta"] = np.array(json.dumps(info))
    write_npz(path, arrays, ModelFileError)
    return path


def load_model(path: str | os.PathLike[str], activation: str | None = None) -> LoadedModel:
    """Read a model file; ``activation`` overrides (or, for a bare W/b file, supplies) h."""
    path = Path(path)
    arrays = read_npz(path, ModelFileError, "model file")
    meta: dict = {}
    if "meta" in arrays:
        raw = arrays.pop("meta")
        try:
            meta = json.loads(str(raw[()]) if raw.shape == () else "")
        except (json.JSONDecodeError, TypeError, ValueError, RecursionError):
            raise ModelFileError(f"{path}: the meta entry is not valid JSON") from None
        if not isinstance(meta, dict):
            raise ModelFileError(f"{path}: the meta entry is not a JSON object")
        version = meta.get("format_version", FORMAT_VERSION)
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise ModelFileError(
                f"{path}: model format version {version!r} is newer than this nnviz understands"
            )
    params = {}
    for name, arr in arrays.items():
        if not _PARAM.match(name):
            raise ModelFileError(
                f"{path}: unexpected array {name!r} (expected W1, b1, W2, b2, ...)"
            )
        if arr.dtype.kind != "f":
            raise ModelFileError(f"{path}: {name} holds {arr.dtype} values, not floating point")
        if not np.all(np.isfinite(arr)):
            raise ModelFileError(f"{path}: {name} contains NaN or infinite values")
        params[name] = arr
    layers = len(params) // 2
    if not params or layers > _MAX_LAYERS:
        raise ModelFileError(f"{path}: no weights found (expected arrays W1, b1, W2, b2, ...)")
    expected = {f"{p}{l}" for l in range(1, layers + 1) for p in "Wb"}
    if set(params) != expected:
        missing = sorted(expected - set(params)) or sorted(set(params) - expected)
        raise ModelFileError(f"{path}: incomplete set of layers (check {', '.join(missing)})")
    for l in range(1, layers + 1):
        W, b = params[f"W{l}"], params[f"b{l}"]
        if W.ndim != 2 or b.ndim != 1 or W.shape[1] != b.shape[0]:
            raise ModelFileError(f"{path}: W{l} {W.shape} and b{l} {b.shape} do not fit together")
    name = activation or meta.get("activation") or "sigmoid"
    act_params = meta.get("activation_params", {}) if activation is None else {}
    try:
        act = get_activation(name, **(act_params if isinstance(act_params, dict) else {}))
        k = act.pieces
        sizes = [params["W1"].shape[0]]
        for l in range(1, layers + 1):
            W = params[f"W{l}"]
            if l > 1 and W.shape[0] != sizes[-1]:
                raise ModelFileError(
                    f"{path}: W{l} takes {W.shape[0]} inputs "
                    f"but layer {l - 1} has {sizes[-1]} units"
                )
            width = W.shape[1]
            if l < layers:
                if width % k:
                    raise ModelFileError(
                        f"{path}: W{l} has {width} columns, not a multiple of {k} ({name})"
                    )
                width //= k
            sizes.append(width)
        network = Network(sizes, act, params=params)
    except (ConfigError, TypeError) as exc:
        raise ModelFileError(f"{path}: {exc}") from None
    return LoadedModel(network, meta)
