"""Shared by the training GUI tests: a small slice of the bundled MNIST, named "mnist" so the
panels use it in place of the full set (training on it takes milliseconds)."""

from __future__ import annotations

from nnviz.core.datasets import Dataset, Split

TRAIN_SIZE = 1000  # 10 batches of the default 100
TEST_SIZE = 300


def small_mnist(full: Dataset, train_size: int = TRAIN_SIZE, test_size: int = TEST_SIZE):
    """A Dataset holding the first samples of ``full``; its splits are already in memory."""
    ds = Dataset("mnist", full.directory, full.class_names)
    # fill the cached properties so nothing is read from disk
    ds.__dict__["train"] = Split(
        full.train.images[:train_size].copy(), full.train.labels[:train_size].copy()
    )
    ds.__dict__["test"] = Split(
        full.test.images[:test_size].copy(), full.test.labels[:test_size].copy()
    )
    return ds
