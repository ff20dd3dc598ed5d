"""Puts the training panels into the main window and wires them to each other and the Session:
the controls on the left, the curves along the bottom (loss and accuracy side by side), the test
results and first-layer weights as tabs on the right (the results come to the front at Start).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea

from nnviz.gui.curves import CurvesPanel
from nnviz.gui.results import ResultsPanel
from nnviz.gui.training_panel import TrainingPanel, connect_training
from nnviz.gui.weights_view import WeightsView

__all__ = ["TrainingDocks"]

Area = Qt.DockWidgetArea
_LEFT_WIDTH = 360  # px for the training form (labels and fields side by side)
_BOTTOM_HEIGHT = 260  # px for the curves (the window's centre keeps what it needs)


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrainingDocks", text)


class TrainingDocks:
    """The four training panels of a window that has ``session`` and ``add_panel``."""

    def __init__(self, window) -> None:
        session = window.session
        self.panel = TrainingPanel(session)
        self.curves = CurvesPanel()
        self.results = ResultsPanel(session)
        self.weights = WeightsView(session)
        connect_training(self.panel, self.curves, self.results)

        scroll = QScrollArea()  # the form never gets squeezed in a short window
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.panel_dock: QDockWidget = window.add_panel(
            scroll, _tr("Training"), Area.LeftDockWidgetArea
        )
        self.curves_dock: QDockWidget = window.add_panel(
            self.curves, _tr("Curves"), Area.BottomDockWidgetArea
        )
        self.weights_dock: QDockWidget = window.add_panel(
            self.weights, _tr("Weights"), Area.RightDockWidgetArea
        )
        self.results_dock: QDockWidget = window.add_panel(
            self.results, _tr("Results"), Area.RightDockWidgetArea
        )
        self._window = window
        # the side columns run the full height; the curves sit under the network view only
        # (otherwise the tallest side panel decides how little height the curves get)
        window.setCorner(Qt.Corner.BottomLeftCorner, Area.LeftDockWidgetArea)
        window.setCorner(Qt.Corner.BottomRightCorner, Area.RightDockWidgetArea)
        QTimer.singleShot(0, self._size_bottom)  # once the window is laid out
        # the live weights while training, the mistakes once done (unless the user chose a tab)
        self.panel.run_started.connect(lambda _config: self.weights_dock.raise_())
        self.panel.run_ended.connect(self._on_run_ended)
        self.panel_dock.raise_()

    def _size_bottom(self) -> None:
        w = self._window
        if getattr(w, "remember_layout", False) and w.settings.value("window/state") is not None:
            return  # the user's own layout was restored
        w.resizeDocks([self.curves_dock], [_BOTTOM_HEIGHT], Qt.Orientation.Vertical)
        w.resizeDocks([self.panel_dock], [_LEFT_WIDTH], Qt.Orientation.Horizontal)

    def _on_run_ended(self, _event) -> None:
        if self.results.evaluation is not None and not self.weights_dock.visibleRegion().isEmpty():
            self.results_dock.raise_()

    def model_meta(self) -> dict:
        """Training metadata for File > Save ({} when the network was not trained here)."""
        return self.panel.model_meta()

    def shutdown(self) -> None:
        """Stop any run and join its thread (the window is closing)."""
        self.panel.shutdown()
