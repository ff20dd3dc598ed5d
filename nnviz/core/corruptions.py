"""Corrupted copies of a batch of 28x28 digits, for testing how robust a network is.

Every corruption takes images (n, 784) (uint8 0-255, or floats in [0, 1]) and a strength, and
returns new float32 images (n, 784) in [0, 1]; the input is never changed. Strength 0 gives the
images back unchanged, and a larger strength moves the pixels further from the original (the
mean absolute pixel difference grows with it). Random choices (the noise, each image's direction)
come from ``np.random.default_rng(seed)``, the same for every strength of one seed, so a curve
over strengths corrupts the same way, only more.

- ``noise``: Gaussian pixel noise of standard deviation ``strength`` (0-1), clipped to [0, 1];
- ``rotate``: rotation by ``strength`` degrees about the centre, clockwise or anticlockwise
  per image;
- ``thicken`` / ``thin``: strokes grown / worn away by ``strength`` pixels (grey-level
  dilation / erosion with a plus-shaped neighbourhood; fractions blend two steps);
- ``shift``: moved by ``strength`` pixels in a direction drawn per image.

Rotation and shift resample with bilinear interpolation; what comes from outside the field is 0.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from nnviz.core.errors import ConfigError

__all__ = ["CORRUPTIONS", "Corruption", "corrupt", "corruption_names", "get_corruption"]

SIDE = 28  # MNIST's field: the corruptions work on square images of this side
_CENTRE = (SIDE - 1) / 2  # 13.5: the middle of the field, between pixels 13 and 14
_CHUNK = 2500  # images resampled at once: bounded memory for the (chunk, 784) index arrays


@dataclass(frozen=True)
class Corruption:
    """One kind of corruption: its name, what its strength measures, the strengths of a curve."""

    name: str
    unit: str  # what the strength counts, for labels ("px", "°", "σ")
    maximum: float  # the strongest of the curve (and the GUI slider's end)
    apply: Callable[[np.ndarray, float, np.random.Generator], np.ndarray]

    def strengths(self, count: int = 10) -> np.ndarray:
        """``count`` evenly spaced strengths from 0 to ``maximum`` (0 first)."""
        return np.linspace(0.0, self.maximum, count)


def _as_floats(images: np.ndarray) -> np.ndarray:
    """A float32 copy of ``images`` (n, 784) in [0, 1]."""
    images = np.asarray(images)
    if images.ndim != 2 or images.shape[1] != SIDE * SIDE:
        raise ConfigError(
            f"corruptions need images of shape (n, {SIDE * SIDE}), got {images.shape}"
        )
    if images.dtype == np.uint8:
        return images.astype(np.float32) / np.float32(255)  # as Split.floats
    return images.astype(np.float32, copy=True)


def _noise(x: np.ndarray, strength: float, rng: np.random.Generator) -> np.ndarray:
    noise = rng.standard_normal(x.shape, dtype=np.float32)
    x += np.float32(strength) * noise
    return np.clip(x, 0.0, 1.0, out=x)


def _neighbourhood(x: np.ndarray, reduce: Callable) -> np.ndarray:
    """One step of grey-level dilation (``np.maximum``) or erosion (``np.minimum``) of images
    (n, 28, 28) over each pixel and its four neighbours; outside the field counts as paper (0)."""
    out = x.copy()
    reduce(out[:, 1:, :], x[:, :-1, :], out=out[:, 1:, :])
    reduce(out[:, :-1, :], x[:, 1:, :], out=out[:, :-1, :])
    reduce(out[:, :, 1:], x[:, :, :-1], out=out[:, :, 1:])
    reduce(out[:, :, :-1], x[:, :, 1:], out=out[:, :, :-1])
    if reduce is np.minimum:  # the border's missing neighbours are paper
        out[:, 0, :] = out[:, -1, :] = 0.0
        out[:, :, 0] = out[:, :, -1] = 0.0
    return out


def _morphology(reduce: Callable):
    def apply(x: np.ndarray, strength: float, rng: np.random.Generator) -> np.ndarray:
        images = x.reshape(-1, SIDE, SIDE)
        steps, fraction = divmod(float(strength), 1.0)
        for _ in range(int(steps)):
            images = _neighbourhood(images, reduce)
        if fraction > 0:  # between two whole steps: a blend of both
            further = _neighbourhood(images, reduce)
            images = images + np.float32(fraction) * (further - images)
        return np.ascontiguousarray(images).reshape(x.shape)

    return apply


_PADDED = SIDE + 3  # one row / column of paper before the field, two after (see _resample)


def _resample(x: np.ndarray, src_y: np.ndarray, src_x: np.ndarray) -> np.ndarray:
    """Bilinear samples of images x (n, 784) at (src_y, src_x) (n, 784) each, 0 outside.

    The images are framed in paper so that every sample reads four pixels of the frame without
    a bounds test: a source clipped to [-1, 28] reads only paper where it was outside."""
    n = x.shape[0]
    framed = np.zeros((n, _PADDED, _PADDED), dtype=np.float32)
    framed[:, 1 : SIDE + 1, 1 : SIDE + 1] = x.reshape(n, SIDE, SIDE)
    flat = framed.reshape(-1)
    src_y = np.clip(src_y, -1, SIDE, out=src_y)
    src_x = np.clip(src_x, -1, SIDE, out=src_x)
    y0, x0 = np.floor(src_y), np.floor(src_x)
    fy, fx = src_y - y0, src_x - x0
    index = (y0.astype(np.intp) + 1) * _PADDED + (x0.astype(np.intp) + 1)
    index += np.arange(n)[:, None] * (_PADDED * _PADDED)
    top_left, top_right = flat[index], flat[index + 1]
    bottom_left, bottom_right = flat[index + _PADDED], flat[index + _PADDED + 1]
    top = top_left + fx * (top_right - top_left)
    bottom = bottom_left + fx * (bottom_right - bottom_left)
    return top + fy * (bottom - top)


_GRID_Y, _GRID_X = (g.reshape(1, -1).astype(np.float32) for g in np.mgrid[0:SIDE, 0:SIDE])


def _warped(
    x: np.ndarray, angles: np.ndarray, shift_y: np.ndarray, shift_x: np.ndarray
) -> np.ndarray:
    """Each image i rotated by ``angles[i]`` radians about the centre, then moved by
    (shift_y[i], shift_x[i]) pixels: each output pixel samples the input where the inverse
    motion takes it."""
    out = np.empty_like(x)
    for start in range(0, x.shape[0], _CHUNK):
        part = slice(start, start + _CHUNK)
        cos = np.cos(angles[part]).astype(np.float32)[:, None]
        sin = np.sin(angles[part]).astype(np.float32)[:, None]
        dy = _GRID_Y - np.float32(_CENTRE) - shift_y[part].astype(np.float32)[:, None]
        dx = _GRID_X - np.float32(_CENTRE) - shift_x[part].astype(np.float32)[:, None]
        src_y = np.float32(_CENTRE) + cos * dy - sin * dx
        src_x = np.float32(_CENTRE) + sin * dy + cos * dx
        out[part] = _resample(x[part], src_y, src_x)
    return out


def _rotate(x: np.ndarray, strength: float, rng: np.random.Generator) -> np.ndarray:
    signs = rng.choice(np.array([-1.0, 1.0]), size=x.shape[0])
    zero = np.zeros(x.shape[0])
    return _warped(x, signs * np.deg2rad(strength), zero, zero)


def _shift(x: np.ndarray, strength: float, rng: np.random.Generator) -> np.ndarray:
    directions = rng.uniform(0.0, 2 * np.pi, size=x.shape[0])
    return _warped(
        x, np.zeros(x.shape[0]), strength * np.sin(directions), strength * np.cos(directions)
    )


CORRUPTIONS: dict[str, Corruption] = {
    c.name: c
    for c in (
        Corruption("noise", "σ", 1.0, _noise),
        Corruption("rotate", "°", 90.0, _rotate),
        Corruption("thicken", "px", 3.0, _morphology(np.maximum)),
        Corruption("thin", "px", 2.0, _morphology(np.minimum)),
        Corruption("shift", "px", 8.0, _shift),
    )
}


def corruption_names() -> list[str]:
    return list(CORRUPTIONS)


def get_corruption(name: str) -> Corruption:
    try:
        return CORRUPTIONS[name]
    except KeyError:
        raise ConfigError(
            f"unknown corruption {name!r}; choose one of {', '.join(CORRUPTIONS)}"
        ) from None


def corrupt(images: np.ndarray, kind: str, strength: float, seed: int = 0) -> np.ndarray:
    """A corrupted float32 copy (n, 784) in [0, 1] of ``images`` (n, 784); see the module."""
    corruption = get_corruption(kind)
    strength = float(strength)
    if not np.isfinite(strength) or strength < 0:
        raise ConfigError(f"a corruption's strength must be 0 or more, got {strength:g}")
    x = _as_floats(images)
    if strength == 0:
        return x
    return corruption.apply(x, strength, np.random.default_rng(seed))
