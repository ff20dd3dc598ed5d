"""A row of a few augmented versions of the digit on screen: what training with augmentation
sees (the core's ``augment_preview``; this widget only paints the pixels)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from nnviz.core.augment import augment_preview

__all__ = ["AugmentPreview"]

PREVIEW_COUNT = 5  # versions shown: enough to see the spread, narrow enough for the dock
_PIXELS = 2  # screen pixels per image pixel (28 -> 56 px)


def _pixmap(image: np.ndarray, side: int) -> QPixmap:
    """A float image (side*side,) in [0, 1] as ink on paper (dark on light, as drawn)."""
    grey = np.ascontiguousarray(255 - np.rint(image.reshape(side, side) * 255).astype(np.uint8))
    qimage = QImage(grey.data, side, side, side, QImage.Format.Format_Grayscale8).copy()
    return QPixmap.fromImage(qimage).scaled(
        side * _PIXELS, side * _PIXELS, Qt.AspectRatioMode.KeepAspectRatio
    )


class AugmentPreview(QWidget):
    """``PREVIEW_COUNT`` augmented versions of ``digit()`` (a float image, or None for none);
    the button draws new ones."""

    def __init__(self, digit: Callable[[], np.ndarray | None], parent=None) -> None:
        super().__init__(parent)
        self._digit = digit
        self._seed = 0
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        self.images = [QLabel() for _ in range(PREVIEW_COUNT)]
        for label in self.images:
            layout.addWidget(label)
        self.again = QToolButton()
        self.again.setText("↻")
        self.again.clicked.connect(self._on_again)
        layout.addWidget(self.again)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.again.setToolTip(self.tr("Other random shifts, turns and noise"))
        self.setToolTip(
            self.tr(
                "What training sees with augmentation: the digit on screen, each time moved by "
                "up to 2 pixels, turned by up to 12 degrees and with pixel noise"
            )
        )

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _on_again(self) -> None:
        self._seed += 1
        self.refresh()

    def refresh(self) -> None:
        """Draw the versions of the digit now on screen (nothing for a non-square input)."""
        digit = self._digit()
        side = int(round(np.sqrt(digit.size))) if digit is not None else 0
        if digit is None or side * side != digit.size:
            for label in self.images:
                label.clear()
            return
        versions = augment_preview(digit, PREVIEW_COUNT, seed=self._seed)
        for label, image in zip(self.images, versions, strict=True):
            label.setPixmap(_pixmap(image, side))
