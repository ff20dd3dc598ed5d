"""The Probes panel: the tabs Evaluate, Robustness, Map and Lab, each in a scroll area so that a
short window scrolls a tab rather than squeezing it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

from nnviz.gui.i18n import tr
from nnviz.gui.probes.evaluate_tab import EvaluateTab
from nnviz.gui.probes.lab_tab import LabTab
from nnviz.gui.probes.map_tab import MapTab
from nnviz.gui.probes.robustness_tab import RobustnessTab
from nnviz.gui.session import Session

__all__ = ["ProbesPanel"]


class ProbesPanel(QTabWidget):
    """Evaluate, Robustness, Map and Lab of the network on screen."""

    source_titles = (  # English, shown through tr(); each tab's data, for MainWindow.raise_panel
        QT_TRANSLATE_NOOP("", "Evaluate"),
        QT_TRANSLATE_NOOP("", "Robustness"),
        QT_TRANSLATE_NOOP("", "Map"),
        QT_TRANSLATE_NOOP("", "Lab"),
    )

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.evaluate = EvaluateTab(session)
        self.robustness = RobustnessTab(session)
        self.map = MapTab(session)
        self.lab = LabTab(session)
        for widget, title in zip(
            (self.evaluate, self.robustness, self.map, self.lab), self.source_titles, strict=True
        ):
            scroll = QScrollArea()
            scroll.setWidget(widget)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            index = self.addTab(scroll, "")
            self.tabBar().setTabData(index, title)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for index, title in enumerate(self.source_titles):
            self.setTabText(index, tr(title))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def shutdown(self) -> None:
        """Cancel the tabs' work and wait for their threads (the window is closing)."""
        self.robustness.task.shutdown()
        self.map.task.shutdown()
