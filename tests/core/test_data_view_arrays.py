"""The arrays behind the two data views: a digit's 0-255 values, examples of each class laid out
as one mosaic, and the class counts."""

from __future__ import annotations

import gzip

import numpy as np
import pytest

from nnviz.core.data_views import (
    class_counts,
    examples_per_class,
    image_side,
    ink_centre,
    mosaic,
    pixel_bytes,
)
from nnviz.paths import resource_path


def _raw_test_image(index: int) -> np.ndarray:
    """Test image ``index`` read straight from the bundled IDX file's bytes (16-byte header)."""
    path = resource_path("mnist")
    candidates = sorted(path.glob("t10k-images-idx3-ubyte*"))
    data = candidates[0].read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    start = 16 + 784 * index
    return np.frombuffer(data[start : start + 784], dtype=np.uint8).reshape(28, 28)


@pytest.mark.parametrize("index", [0, 8, 9999])
def test_pixel_bytes_of_a_test_image_are_its_raw_bytes(mnist, index):
    x = mnist.test.floats(index)  # what the network receives: byte / 255 as float32
    values = pixel_bytes(x)
    assert values.dtype == np.uint8 and values.shape == (28, 28)
    np.testing.assert_array_equal(values, _raw_test_image(index))


def test_pixel_bytes_round_a_drawing_and_clip_it():
    x = np.zeros(16)
    x[:4] = [0.5, 1.2, -0.1, 1 / 255 + 1e-4]
    values = pixel_bytes(x)
    assert values.shape == (4, 4)
    assert values[0].tolist() == [128, 255, 0, 1]


def test_image_side_refuses_a_non_square_size():
    assert image_side(784) == 28
    with pytest.raises(ValueError, match="square"):
        image_side(785)


def test_class_counts_of_the_bundled_mnist(mnist):
    train = class_counts(mnist.train.labels, 10)
    test = class_counts(mnist.test.labels, 10)
    # the published counts of MNIST's two splits
    assert train.tolist() == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
    assert test.tolist() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def test_class_counts_keep_empty_classes():
    assert class_counts(np.array([2, 2, 0]), 4).tolist() == [1, 0, 2, 0]


def test_examples_per_class_are_the_first_of_each_class_in_order():
    labels = np.array([1, 0, 1, 2, 1, 0, 1])
    picked = examples_per_class(labels, num_classes=4, per_class=3)
    assert picked.tolist() == [[1, 5, -1], [0, 2, 4], [3, -1, -1], [-1, -1, -1]]


def test_examples_per_class_of_mnist_have_their_labels(mnist):
    picked = examples_per_class(mnist.train.labels, 10, 30)
    assert (picked >= 0).all()
    for k in range(10):
        assert (mnist.train.labels[picked[k]] == k).all()
        assert (np.diff(picked[k]) > 0).all()


def test_mosaic_puts_each_image_in_its_tile_and_blanks_missing_ones():
    rng = np.random.default_rng(0)
    images = rng.integers(1, 256, (5, 9), dtype=np.uint8)  # 3x3 images, no zero pixel
    indices = np.array([[4, 0], [2, -1]])
    picture = mosaic(images, indices)
    assert picture.shape == (6, 6) and picture.dtype == np.uint8
    np.testing.assert_array_equal(picture[0:3, 0:3], images[4].reshape(3, 3))
    np.testing.assert_array_equal(picture[0:3, 3:6], images[0].reshape(3, 3))
    np.testing.assert_array_equal(picture[3:6, 0:3], images[2].reshape(3, 3))
    assert (picture[3:6, 3:6] == 0).all()


def test_ink_centre_is_the_middle_of_the_inked_box():
    values = np.zeros((6, 6), dtype=np.uint8)
    values[1, 2] = values[3, 5] = 9
    assert ink_centre(values) == (2.0, 3.5)
    assert ink_centre(np.zeros((4, 4), dtype=np.uint8)) == (1.5, 1.5)
