"""Shared test set-up: Qt renders offscreen, and the bundled MNIST is loaded once."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def mnist():
    """The bundled MNIST (resources/mnist), read and checksum-verified once per session."""
    from nnviz.core.datasets import load_dataset

    return load_dataset("mnist")
