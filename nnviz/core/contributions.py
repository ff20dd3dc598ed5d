"""Which inputs push a unit up or down: the terms ``w_i * x_i`` of one forward pass.

The network view draws only the strongest of these terms as edges, and the node pop-up lists the
largest of them; both read them from here so the GUI does no maths of its own.

Shapes: layer ``l`` has ``n_{l-1}`` inputs and ``n_l`` units. For a Maxout hidden layer each unit
has ``k`` columns in ``W_l`` (unit ``j``, piece ``i`` is column ``j * k + i``); a unit's terms are
those of the piece it kept for this sample.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.core.network import Network
from nnviz.core.trace import Kind, Trace

__all__ = [
    "TermBreakdown",
    "contributions",
    "layer_input",
    "strongest_incoming",
    "term_breakdown",
    "unit_columns",
    "unit_preactivation",
]


def layer_input(trace: Trace, layer: int) -> np.ndarray:
    """What layer ``layer`` (1..L) reads: x for layer 1, z_{l-1} otherwise; shape (n_{l-1},)."""
    if layer == 1:
        return trace.values(Kind.INPUT)
    return trace.values(Kind.ACTIVATION, layer - 1)


def unit_columns(network: Network, trace: Trace, layer: int) -> np.ndarray:
    """Column of ``W_layer`` that each unit's value comes from (the winning piece for Maxout)."""
    n = network.sizes[layer]
    k = network.width(layer) // n
    if k == 1:
        return np.arange(n)
    return np.arange(n) * k + np.asarray(trace.winners[layer]).reshape(n)


def unit_preactivation(network: Network, trace: Trace, layer: int) -> np.ndarray:
    """a_l per unit, (n_l,): for Maxout the winning piece's a."""
    return trace.values(Kind.AFFINE, layer)[unit_columns(network, trace, layer)]


def contributions(network: Network, trace: Trace, layer: int) -> np.ndarray:
    """terms[i, j] = input_i * W_l[i, column(j)], shape (n_{l-1}, n_l); a_j = sum_i terms + b."""
    W = network.params[f"W{layer}"][:, unit_columns(network, trace, layer)]
    return layer_input(trace, layer)[:, None] * W


def strongest_incoming(terms: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each unit (column of ``terms``) its ``k`` largest terms by magnitude.

    Returns flat arrays (source index, unit index, term value), ``min(k, rows) * columns`` long;
    terms that are exactly zero (a black input pixel) are left out.
    """
    rows, cols = terms.shape
    empty = np.zeros(0, dtype=np.intp)
    # only inputs with a term count (most of an MNIST image is black), and one contiguous row
    # per unit: partitioning along the columns of a C array is ~40x slower (784 x 50: 3 ms)
    live = np.flatnonzero((terms != 0).any(axis=1))
    per_unit = np.ascontiguousarray(terms[live].T)  # (cols, live inputs)
    n = per_unit.shape[1]
    k = max(0, min(int(k), n))
    if k == 0 or cols == 0:
        return empty, empty, np.zeros(0, dtype=terms.dtype)
    if k < n:
        pick = np.argpartition(np.abs(per_unit), n - k, axis=1)[:, n - k :]
    else:
        pick = np.broadcast_to(np.arange(n), per_unit.shape)
    values = np.take_along_axis(per_unit, pick, axis=1)
    dst = np.broadcast_to(np.arange(cols)[:, None], pick.shape)
    keep = values != 0
    return live[pick[keep]].astype(np.intp), dst[keep].astype(np.intp), values[keep]


@dataclass(frozen=True)
class TermBreakdown:
    """a = sum(products) + rest + bias, with the largest terms spelled out."""

    sources: np.ndarray  # indices of the largest terms, largest magnitude first
    weights: np.ndarray
    inputs: np.ndarray
    products: np.ndarray
    rest: float  # the sum of all the other terms
    rest_count: int
    bias: float
    total: float  # a for this unit


def term_breakdown(
    network: Network, trace: Trace, layer: int, unit: int, top: int = 5
) -> TermBreakdown:
    """The ``top`` largest terms w_i x_i of unit ``unit`` in layer ``layer`` and the remainder."""
    column = int(unit_columns(network, trace, layer)[unit])
    x = np.asarray(layer_input(trace, layer), dtype=np.float64)
    w = np.asarray(network.params[f"W{layer}"][:, column], dtype=np.float64)
    products = x * w
    top = max(0, min(int(top), products.size))
    order = np.argsort(-np.abs(products), kind="stable")[:top]
    bias = float(network.params[f"b{layer}"][column])
    rest = float(products.sum() - products[order].sum())
    return TermBreakdown(
        sources=order,
        weights=w[order],
        inputs=x[order],
        products=products[order],
        rest=rest,
        rest_count=int(products.size - top),
        bias=bias,
        total=float(trace.values(Kind.AFFINE, layer)[column]),
    )
