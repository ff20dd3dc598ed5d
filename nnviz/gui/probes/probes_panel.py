"""The Probes panel: the tabs Evaluate, Robustness, Map and Lab, each in a scroll area so that a
short window scrolls a tab rather than squeezing it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from nnviz.gui.probes.evaluate_tab import EvaluateTab
from nnviz.gui.probes.lab_tab import LabTab
from nnviz.gui.probes.map_tab import MapTab
from nnviz.gui.probes.robustness_tab import RobustnessTab
from nnviz.gui.session import Session
from nnviz.gui.tabs import TitledTabs, scrolled

__all__ = ["ProbesPanel"]


class ProbesPanel(TitledTabs):
    """Evaluate, Robustness, Map and Lab of the network on screen."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        self.evaluate = EvaluateTab(session)
        self.robustness = RobustnessTab(session)
        self.map = MapTab(session)
        self.lab = LabTab(session)
        super().__init__(
            [
                (scrolled(self.evaluate), QT_TRANSLATE_NOOP("", "Evaluate")),
                (scrolled(self.robustness), QT_TRANSLATE_NOOP("", "Robustness")),
                (scrolled(self.map), QT_TRANSLATE_NOOP("", "Map")),
                (scrolled(self.lab), QT_TRANSLATE_NOOP("", "Lab")),
            ],
            parent=parent,
        )

    def shutdown(self) -> None:
        """Cancel the tabs' work and wait for their threads (the window is closing)."""
        self.robustness.task.shutdown()
        self.map.task.shutdown()
