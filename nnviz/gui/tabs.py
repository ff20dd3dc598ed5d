"""Panels as the tabs of one widget, titled in the interface language, and a scroll area for a
panel that a short window must scroll rather than squeeze.

Each tab's English title is its tab data, so ``MainWindow.raise_panel`` finds a tab by it in
any language.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

__all__ = ["TitledTabs", "scrolled"]


def scrolled(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless scroll area that resizes it: a short window scrolls it."""
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    return scroll


class TitledTabs(QTabWidget):
    """``pages`` as tabs, each (widget, English title marked with QT_TRANSLATE_NOOP under
    ``context`` where it is written), titled again when the language changes."""

    def __init__(
        self, pages: Sequence[tuple[QWidget, str]], context: str = "", parent=None
    ) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self._context = context
        self._titles = [title for _page, title in pages]
        for page, title in pages:
            index = self.addTab(page, "")
            self.tabBar().setTabData(index, title)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for index, title in enumerate(self._titles):
            self.setTabText(index, QCoreApplication.translate(self._context, title))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
