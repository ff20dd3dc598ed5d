"""What the two data views show, as arrays: the 0-255 values of one digit (the MNIST pixel
view) and a mosaic of many examples per class with the class counts (the data & labels view).

NumPy only; the GUI draws these arrays and does no arithmetic of its own on them.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = [
    "class_counts",
    "examples_per_class",
    "image_side",
    "ink_centre",
    "mosaic",
    "pixel_bytes",
]

PIXEL_MAX = 255  # an IDX pixel is one byte; the network receives value / PIXEL_MAX


def image_side(size: int) -> int:
    """The side of a square image of ``size`` pixels (784 -> 28); ValueError if not square."""
    side = math.isqrt(int(size))
    if side * side != size or side == 0:
        raise ValueError(f"{size} pixels do not make a square image")
    return side


def pixel_bytes(x: np.ndarray) -> np.ndarray:
    """The pixel values 0-255 of an input ``x`` in [0, 1], shape (n,), as a (side, side) uint8
    grid, row by row. For a dataset image (x = byte / 255 in float32) these are exactly its
    bytes; a drawing's values are rounded to the nearest whole number."""
    x = np.asarray(x).reshape(-1)
    side = image_side(x.size)
    values = np.rint(np.clip(x.astype(np.float64), 0.0, 1.0) * PIXEL_MAX)
    return values.astype(np.uint8).reshape(side, side)


def ink_centre(values: np.ndarray) -> tuple[float, float]:
    """(row, column) of the middle of the box around a grid's non-zero pixels (the middle of
    the grid when it is blank): where a zoomed view of the digit opens."""
    rows, cols = np.nonzero(values)
    if rows.size == 0:
        return (values.shape[0] - 1) / 2, (values.shape[1] - 1) / 2
    return (rows.min() + rows.max()) / 2, (cols.min() + cols.max()) / 2


def class_counts(labels: np.ndarray, num_classes: int) -> np.ndarray:
    """How many images of each class ``labels`` (n,) holds: int64 (num_classes,)."""
    return np.bincount(np.asarray(labels, dtype=np.int64), minlength=num_classes)[:num_classes]


def examples_per_class(labels: np.ndarray, num_classes: int, per_class: int) -> np.ndarray:
    """The indices of the first ``per_class`` images of each class, in the split's order:
    int64 (num_classes, per_class), -1 where a class has fewer images."""
    labels = np.asarray(labels)
    order = np.argsort(labels, kind="stable")  # by class, each class in the split's order
    counts = class_counts(labels, num_classes)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    out = np.full((num_classes, per_class), -1, dtype=np.int64)
    for k in range(num_classes):
        n = min(int(counts[k]), per_class)
        out[k, :n] = order[starts[k] : starts[k] + n]
    return out


def mosaic(images: np.ndarray, indices: np.ndarray) -> np.ndarray:
    """One uint8 picture of the images ``indices`` (rows, cols) picks from ``images``
    (n, side * side): (rows * side, cols * side), tile (r, c) showing image indices[r, c];
    a tile of index -1 stays 0 (blank paper)."""
    rows, cols = indices.shape
    side = image_side(images.shape[1])
    flat = indices.reshape(-1)
    tiles = np.zeros((flat.size, side * side), dtype=np.uint8)
    present = flat >= 0
    tiles[present] = images[flat[present]]
    return (
        tiles.reshape(rows, cols, side, side)
        .transpose(0, 2, 1, 3)
        .reshape(rows * side, cols * side)
    )
