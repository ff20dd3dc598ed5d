"""Turn a drawing into an MNIST-like input, the way MNIST itself was made.

MNIST's digits were cropped to their strokes, scaled (keeping the aspect ratio) to fit a 20x20
box with anti-aliasing, and placed in a 28x28 field so that the centre of mass of the ink sits at
the centre of the field. :func:`to_mnist` repeats those steps with plain NumPy: area-averaging
resampling (which is the anti-aliasing) and a whole-pixel shift that brings the centre of mass
within half a pixel of the field's centre, or as near as it can while the whole digit stays
inside the field with a pixel of paper around it (a 7's heavy bar would otherwise pull its
tail into the edge).

Images here are 2-D float arrays of ink in [0, 1] (0 = paper, 1 = full ink), rows first.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "BOX",
    "FIELD",
    "INK_THRESHOLD",
    "MARGIN",
    "area_resample",
    "bounding_box",
    "centre_of_mass",
    "shift_image",
    "to_mnist",
]

FIELD = 28  # MNIST images are 28x28
BOX = 20  # MNIST digits were scaled to fit a 20x20 box
CENTRE = 14.0  # centre of mass of MNIST digits, in pixel indices (measured: 13.99, 14.00)
INK_THRESHOLD = 0.05  # fainter pixels than this do not count as strokes when cropping
MARGIN = 1  # pixels of paper kept around the digit: 99% of MNIST's digits have it, and a stroke
# that runs into the field's edge looks cut off


def bounding_box(ink: np.ndarray, threshold: float = INK_THRESHOLD) -> tuple[int, int, int, int]:
    """(top, bottom, left, right) of the pixels above ``threshold``, end-exclusive.

    ``ink`` is (h, w). Raises ValueError when there is no ink.
    """
    mask = np.asarray(ink) > threshold
    rows = np.flatnonzero(mask.any(axis=1))
    cols = np.flatnonzero(mask.any(axis=0))
    if rows.size == 0:
        raise ValueError("the image has no ink")
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


def _area_matrix(n_in: int, n_out: int) -> np.ndarray:
    """(n_out, n_in) weights: output pixel i averages the input span [i, i+1) * n_in / n_out."""
    edges = np.linspace(0.0, n_in, n_out + 1)
    lo, hi = edges[:-1, None], edges[1:, None]
    j = np.arange(n_in)[None, :]
    overlap = np.clip(np.minimum(hi, j + 1) - np.maximum(lo, j), 0.0, None)
    return overlap / overlap.sum(axis=1, keepdims=True)


def area_resample(image: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Resample (h, w) to ``shape`` by area averaging: each output pixel is the mean of the input
    area it covers (fractional overlaps weighted). Keeps the mean intensity; float64 result."""
    image = np.asarray(image, dtype=np.float64)
    rows = _area_matrix(image.shape[0], shape[0])
    cols = _area_matrix(image.shape[1], shape[1])
    # einsum's own loop, not BLAS (@): these products are tiny (~1 M multiply-adds, 0.2 ms), and
    # a multi-threaded BLAS waiting for a busy core took 40-50 ms for them while drawing
    return np.einsum("ij,jk->ik", np.einsum("ij,jk->ik", rows, image), cols.T)


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    """(row, column) of the intensity-weighted centre, in pixel indices. (h, w) -> two floats."""
    image = np.asarray(image, dtype=np.float64)
    total = image.sum()
    if total <= 0:
        raise ValueError("the image has no ink")
    r = (image.sum(axis=1) @ np.arange(image.shape[0])) / total
    c = (image.sum(axis=0) @ np.arange(image.shape[1])) / total
    return float(r), float(c)


def _shift_axis(image: np.ndarray, shift: float, axis: int) -> np.ndarray:
    """Move the content by ``shift`` pixels along ``axis`` (linear interpolation, zero fill)."""
    whole = int(np.floor(shift))
    frac = shift - whole
    out = np.zeros_like(image)
    n = image.shape[axis]
    for offset, weight in ((whole, 1.0 - frac), (whole + 1, frac)):
        if weight == 0.0 or abs(offset) >= n:
            continue
        src = [slice(None)] * image.ndim
        dst = [slice(None)] * image.ndim
        src[axis] = slice(max(0, -offset), n - max(0, offset))
        dst[axis] = slice(max(0, offset), n - max(0, -offset))
        out[tuple(dst)] += weight * image[tuple(src)]
    return out


def shift_image(image: np.ndarray, rows: float, cols: float) -> np.ndarray:
    """Translate (h, w) by a sub-pixel amount; the centre of mass moves by exactly (rows, cols)
    as long as no ink leaves the frame."""
    out = _shift_axis(np.asarray(image, dtype=np.float64), rows, 0)
    return _shift_axis(out, cols, 1)


def _whole_shift(wanted: float, start: int, size: int) -> int:
    """The whole-pixel shift nearest ``wanted`` for content at [start, start + size) of the field.

    Whole pixels, as MNIST did (its centres of mass scatter by 0.29 px, the spread of rounding);
    a sub-pixel shift would smear a 20-pixel digit over 21 pixels. On a tie (wanted = k + 0.5),
    the shift that keeps the content nearer the field's middle wins. Never moves content out,
    nor nearer the edge than ``MARGIN``.
    """
    lowest, highest = MARGIN - start, FIELD - MARGIN - (start + size)
    candidates = {int(np.clip(v, lowest, highest)) for v in (np.floor(wanted), np.ceil(wanted))}
    middle = (FIELD - size) / 2

    def badness(shift: int) -> tuple[float, float]:
        return round(abs(wanted - shift), 9), abs(start + shift - middle)

    return min(sorted(candidates), key=badness)


def to_mnist(ink: np.ndarray, threshold: float = INK_THRESHOLD) -> np.ndarray:
    """A drawing (h, w) of ink in [0, 1] -> an MNIST-like input, float32 (784,) in [0, 1].

    Crop to the strokes, scale the longer side to 20 pixels (area averaging, aspect ratio kept),
    put the result in a 28x28 field and shift it by whole pixels so its centre of mass is within
    half a pixel of (14, 14), limited so the whole scaled digit stays inside the field with
    ``MARGIN`` pixels of paper around it (a lopsided digit, a 7 with a long tail, would
    otherwise be cut off or run into the edge).
    An empty drawing gives all zeros.
    """
    ink = np.clip(np.asarray(ink, dtype=np.float64), 0.0, 1.0)
    if ink.ndim != 2:
        raise ValueError(f"expected a 2-D drawing, got shape {ink.shape}")
    try:
        top, bottom, left, right = bounding_box(ink, threshold)
    except ValueError:
        return np.zeros(FIELD * FIELD, dtype=np.float32)
    crop = ink[top:bottom, left:right]
    h, w = crop.shape
    scale = BOX / max(h, w)
    new_h = max(1, min(BOX, round(h * scale)))
    new_w = max(1, min(BOX, round(w * scale)))
    small = area_resample(crop, (new_h, new_w))
    peak = small.max()
    if peak > 0:  # a thin stroke averaged over a big area fades; give it full ink again
        small /= peak
    field = np.zeros((FIELD, FIELD))
    r0, c0 = (FIELD - new_h) // 2, (FIELD - new_w) // 2
    field[r0 : r0 + new_h, c0 : c0 + new_w] = small
    com_r, com_c = centre_of_mass(field)
    dr = _whole_shift(CENTRE - com_r, r0, new_h)
    dc = _whole_shift(CENTRE - com_c, c0, new_w)
    field = shift_image(field, dr, dc)
    return np.clip(field, 0.0, 1.0).astype(np.float32).reshape(-1)
