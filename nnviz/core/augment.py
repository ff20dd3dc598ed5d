"""Simple data augmentation of square digits: small shifts and rotations and pixel noise.

Cheap enough to run at every batch: an :class:`Augmenter` draws, once, a bank of random small
rotations and shifts, each turned into a pixel map (for every output pixel, the source pixel
nearest to where it comes from, or the paper outside the field), and a bank of noise images.
Augmenting a batch is then one gather (each image through a map of its own, picked at random),
one addition of a noise image picked at random, and a clip to [0, 1]: no Python loop per
image, about as long as one training step of the book's network. Every draw comes from the
``np.random.Generator`` given.
"""

from __future__ import annotations

import math

import numpy as np

__all__ = ["MAX_ROTATION", "MAX_SHIFT", "NOISE", "Augmenter", "augment_preview"]

MAX_SHIFT = 2.0  # pixels in x and y: a digit moved by more than ~2 px leaves MNIST's 20x20 box
MAX_ROTATION = 12.0  # degrees either way: more turns a 1 into a 7-like slant
NOISE = 0.08  # standard deviation of the pixel noise (pixels run from 0 to 1)
_TRANSFORMS = 1024  # rotations/shifts in the bank: a batch of 100 rarely repeats one
_NOISE_IMAGES = 256  # noise images in the bank (each also met with ever different digits)


def _pixel_maps(
    rng: np.random.Generator, count: int, side: int, max_shift: float, max_rotation: float
) -> np.ndarray:
    """(count, side*side) int32: output pixel -> source pixel, or side*side for the paper."""
    angle = rng.uniform(-max_rotation, max_rotation, count) * (math.pi / 180.0)
    shift = rng.uniform(-max_shift, max_shift, (2, count))
    c = (side - 1) / 2.0
    ys, xs = np.divmod(np.arange(side * side), side)
    px = (xs - c)[None, :] - shift[0][:, None]
    py = (ys - c)[None, :] - shift[1][:, None]
    cos, sin = np.cos(angle)[:, None], np.sin(angle)[:, None]
    # the source of each output pixel: the output point rotated back about the centre
    sx = np.rint(cos * px + sin * py + c).astype(np.int64)
    sy = np.rint(-sin * px + cos * py + c).astype(np.int64)
    inside = (sx >= 0) & (sx < side) & (sy >= 0) & (sy < side)
    return np.where(inside, sy * side + sx, side * side).astype(np.int32)


class Augmenter:
    """Shifted, rotated and noisy copies of batches of float images (n, side*side) in [0, 1]."""

    def __init__(
        self,
        rng: np.random.Generator,
        side: int = 28,
        max_shift: float = MAX_SHIFT,
        max_rotation: float = MAX_ROTATION,
        noise: float = NOISE,
        transforms: int = _TRANSFORMS,
        noise_images: int = _NOISE_IMAGES,
    ) -> None:
        self.rng = rng
        self.side = side
        self.maps = _pixel_maps(rng, transforms, side, max_shift, max_rotation)
        self.noise = (rng.standard_normal((noise_images, side * side)) * noise).astype(np.float32)
        self._ext: np.ndarray | None = None  # the batch with one paper pixel (0) per image

    def __call__(self, images: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
        """The augmented batch, written into ``out`` (float, shape of ``images``; may be
        ``images`` itself) or a new array."""
        n, size = images.shape
        if size != self.side * self.side:
            raise ValueError(f"augmentation needs {self.side}x{self.side} images, got {size}")
        dtype = images.dtype if images.dtype.kind == "f" else np.dtype(np.float32)
        if self._ext is None or self._ext.shape[0] != n or self._ext.dtype != dtype:
            self._ext = np.zeros((n, size + 1), dtype=dtype)
            self._offsets = (np.arange(n, dtype=np.int64) * (size + 1))[:, None]
        self._ext[:, :size] = images
        which = self.rng.integers(0, self.maps.shape[0], n)
        index = self.maps[which] + self._offsets
        if out is None:
            out = np.empty((n, size), dtype=dtype)
        np.take(self._ext.reshape(-1), index, out=out)
        out += self.noise[self.rng.integers(0, self.noise.shape[0], n)]
        np.clip(out, 0.0, 1.0, out=out)
        return out


def augment_preview(image: np.ndarray, count: int = 6, seed: int = 0) -> np.ndarray:
    """``count`` augmented versions of one square image (side*side,) (uint8 0..255 or float
    0..1), as float32 images (count, side*side) in [0, 1]: a preview of what training sees."""
    image = np.asarray(image)
    side = int(round(math.sqrt(image.size)))
    pixels = image.astype(np.float32).reshape(1, -1) / (255.0 if image.dtype == np.uint8 else 1.0)
    augmenter = Augmenter(np.random.default_rng(seed), side=side, transforms=max(count, 1) * 4)
    return augmenter(np.repeat(pixels, count, axis=0))
