"""Long work of the probes (in a thread of its own: :class:`ProbeTask`, the shared
:class:`~nnviz.gui.tasks.BackgroundTask`), and the test set as floats, made once per dataset.

Work started before a ``cancel()`` never reports ``finished``: a result that arrives after
the network changed is dropped, so a view never shows it.
"""

from __future__ import annotations

import weakref

import numpy as np
from PySide6.QtGui import QImage, QPixmap

from nnviz.core.datasets import Dataset
from nnviz.gui.tasks import BackgroundTask, Work

__all__ = ["ProbeTask", "Work", "digit_pixmap", "float_test_images"]


class ProbeTask(BackgroundTask):
    """A probe's long work (a robustness curve, a t-SNE map): see :mod:`nnviz.gui.tasks`."""


_FLOATS: weakref.WeakKeyDictionary[Dataset, np.ndarray] = weakref.WeakKeyDictionary()


def float_test_images(dataset: Dataset) -> np.ndarray:
    """The dataset's test images as float32 in [0, 1] (n, n_0), made once per dataset (read
    only: the probes share it)."""
    floats = _FLOATS.get(dataset)
    if floats is None:
        floats = dataset.test.floats(slice(None))
        floats.flags.writeable = False
        _FLOATS[dataset] = floats
    return floats


def digit_pixmap(image: np.ndarray, size: int) -> QPixmap:
    """A 28x28 digit (uint8 0-255 or floats 0-1), dark on white, as a crisp square pixmap."""
    image = np.asarray(image)
    if image.dtype != np.uint8:
        image = np.rint(np.clip(image, 0, 1) * 255).astype(np.uint8)
    side = int(round(np.sqrt(image.size)))
    pixels = np.ascontiguousarray(255 - image.reshape(side, side), dtype=np.uint8)
    qimage = QImage(pixels.data, side, side, side, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(qimage).scaled(size, size)
