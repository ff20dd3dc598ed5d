"""First-layer weights as pictures: each hidden unit's incoming weights from a 28x28 image are a
28x28 tile, laid out in a mosaic for a view of a given shape (the first-layer weights panel, the
comparison of two runs)."""

from __future__ import annotations

import math

import numpy as np

__all__ = ["mosaic_columns", "weight_mosaic"]

_GAP = 2  # px between tiles (NaN: the view's background)
MAX_TILES = 100  # units tiled unless told otherwise


def mosaic_columns(n: int, aspect: float = 1.0) -> int:
    """Tiles per row so that ``n`` tiles fill a view ``aspect`` (width / height) times as wide
    as it is tall: a wide strip under the graph gets a few long rows, a tall panel a column."""
    return max(1, min(n, math.ceil(math.sqrt(n * max(aspect, 1e-3)))))


def weight_mosaic(
    W1: np.ndarray, side: int, max_tiles: int = MAX_TILES, aspect: float = 1.0
) -> tuple[np.ndarray, int, int]:
    """Tiles of W1's columns as side x side images scaled to [-1, 1], each by its max |w|,
    laid out for a view of the given ``aspect`` (width / height).

    Returns (mosaic (rows*(side+gap)-gap, cols*(side+gap)-gap) float with NaN gaps, rows, cols).
    """
    n = min(W1.shape[1], max_tiles)
    cols = mosaic_columns(n, aspect)
    rows = max(1, math.ceil(n / cols))
    tiles = np.asarray(W1[:, :n], dtype=np.float64).T.reshape(n, side, side)
    scale = np.abs(tiles).max(axis=(1, 2), keepdims=True)
    tiles = np.divide(tiles, scale, out=np.zeros_like(tiles), where=scale > 0)
    step = side + _GAP
    mosaic = np.full((rows * step - _GAP, cols * step - _GAP), np.nan)
    for i in range(n):
        r, c = divmod(i, cols)
        mosaic[r * step : r * step + side, c * step : c * step + side] = tiles[i]
    return mosaic, rows, cols
