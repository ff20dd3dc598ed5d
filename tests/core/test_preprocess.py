"""Drawing -> MNIST-like 28x28 input: crop, fit 20x20, centre by centre of mass."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.core.preprocess import (
    area_resample,
    bounding_box,
    centre_of_mass,
    shift_image,
    to_mnist,
)


def _canvas(h: int = 280, w: int = 280) -> np.ndarray:
    return np.zeros((h, w))


def _stroke(canvas: np.ndarray, r0, c0, r1, c1, width: float = 18) -> np.ndarray:
    """Paint a thick straight stroke from (r0, c0) to (r1, c1)."""
    rr, cc = np.mgrid[: canvas.shape[0], : canvas.shape[1]]
    d = np.array([r1 - r0, c1 - c0], dtype=float)
    t = ((rr - r0) * d[0] + (cc - c0) * d[1]) / max(d @ d, 1e-12)
    t = np.clip(t, 0, 1)
    dist = np.hypot(rr - (r0 + t * d[0]), cc - (c0 + t * d[1]))
    canvas[dist <= width / 2] = 1.0
    return canvas


def test_empty_drawing_gives_zeros():
    x = to_mnist(_canvas())
    assert x.shape == (784,) and x.dtype == np.float32 and not x.any()


def test_vertical_stroke_in_a_corner_is_centred_and_fills_twenty_rows():
    ink = _stroke(_canvas(), 10, 20, 120, 20)  # a "1" drawn small in the top-left corner
    x = to_mnist(ink).reshape(28, 28)
    r, c = centre_of_mass(x)
    assert abs(r - 14) <= 0.5 and abs(c - 14) <= 0.5
    top, bottom, left, right = bounding_box(x)
    assert bottom - top == 20  # the long side is scaled to the 20-pixel box
    assert right - left < 6  # a thin stroke stays thin
    assert 0 <= x.min() and x.max() == pytest.approx(1.0)


def test_symmetric_shape_lies_within_the_central_twenty_box():
    ink = _canvas()
    for r0, c0, r1, c1 in ((40, 60, 240, 220), (40, 220, 240, 60)):  # an "x"
        _stroke(ink, r0, c0, r1, c1)
    x = to_mnist(ink).reshape(28, 28)
    assert not x[:4].any() and not x[24:].any()
    assert not x[:, :4].any() and not x[:, 24:].any()
    r, c = centre_of_mass(x)
    assert abs(r - 14) <= 0.5 and abs(c - 14) <= 0.5


def test_wide_shape_keeps_its_aspect_ratio():
    ink = _stroke(_canvas(), 140, 20, 140, 260, width=24)  # a horizontal bar, 240 x 24
    x = to_mnist(ink).reshape(28, 28)
    top, bottom, left, right = bounding_box(x)
    assert right - left == 20
    assert 1 <= bottom - top <= 3  # 24/264 of 20 pixels, plus anti-aliasing


def test_lopsided_shape_moves_only_as_far_as_the_edge():
    ink = _canvas()
    _stroke(ink, 20, 40, 20, 240)  # a "7": heavy top bar ...
    _stroke(ink, 20, 240, 260, 150, width=6)  # ... and a thin leg
    x = to_mnist(ink).reshape(28, 28)
    top, bottom, left, right = bounding_box(x)
    assert (top, bottom) == (7, 27)  # pushed down, all 20 rows kept, a pixel of paper below
    r, c = centre_of_mass(x)
    assert r < 13.5  # could not reach the centre without cutting the leg off
    assert abs(c - 14) <= 0.5


def test_like_a_real_mnist_digit(mnist):
    """An MNIST digit blown up to a 280x280 drawing comes back close to itself."""
    digit = mnist.test.floats(0).reshape(28, 28).astype(np.float64)
    drawing = np.kron(digit, np.ones((10, 10)))
    back = to_mnist(drawing).reshape(28, 28)
    assert np.abs(back - digit).mean() < 0.08
    assert np.corrcoef(back.ravel(), digit.ravel())[0, 1] > 0.85


def test_area_resample_keeps_mean_and_constant_images():
    rng = np.random.default_rng(0)
    img = rng.random((37, 53))
    small = area_resample(img, (20, 13))
    assert small.shape == (20, 13)
    assert small.mean() == pytest.approx(img.mean(), rel=1e-12)
    assert np.allclose(area_resample(np.full((7, 9), 0.3), (20, 20)), 0.3)
    # an exact 2x2 block mean when the factor is whole
    assert np.allclose(
        area_resample(img[:36, :52], (18, 26)), img[:36, :52].reshape(18, 2, 26, 2).mean((1, 3))
    )


def test_sub_pixel_shift_moves_the_centre_of_mass_exactly():
    img = np.zeros((28, 28))
    img[10:15, 8:12] = np.arange(20).reshape(5, 4)
    r, c = centre_of_mass(img)
    r2, c2 = centre_of_mass(shift_image(img, 2.3, -1.7))
    assert r2 - r == pytest.approx(2.3, abs=1e-12)
    assert c2 - c == pytest.approx(-1.7, abs=1e-12)
    assert shift_image(img, 2.3, -1.7).sum() == pytest.approx(img.sum())


def test_rejects_non_2d_input():
    with pytest.raises(ValueError):
        to_mnist(np.zeros(784))
