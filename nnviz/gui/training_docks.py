"""Puts the training panels into the main window and wires them to each other and the Session:
the controls and the test results (confusion matrix, mistakes) as tabs beside the explorers in
the tall right-hand column, so the layer graph keeps the centre; one dock under the graph, shown
from the first run (or the first backward stage) on, whose tabs hold the live curves, the
first-layer weights, how the network learns from the digit on screen, the coach's diagnostics
with its hints and the loss landscape of the newest run. The curves come to the
front at Start, the results when a run ends, "How it learns" at the first backward stage.

The bottom panels are tabs of one QTabWidget rather than tabbed docks: Qt 6.11 leaves a stale,
visible tab bar behind when docks are tabified in a second dock area.

Part of the window, not of a feature: it composes six features (``training``: the controller,
the panel and the curves; ``results``: the test results and the first-layer weights; ``learn``:
how it learns; ``coach``: diagnostics and hints; ``landscape``: the loss landscape, told by
the controller when a run ends) and wires
the runs of one to the other, so neither feature package imports the other.

The panels hidden when the window opens (the results, the first-layer weights, how it learns,
the diagnostics, the landscape, the comparison) are made when first shown or asked for
(``LazyPage``), their modules imported then: ``docks.coach`` and the others make theirs on
first use.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from nnviz.core.trace import Direction
from nnviz.gui.tabs import LazyPage, TitledTabs, lazy_panel, scrolled
from nnviz.gui.training.controller import TrainingController
from nnviz.gui.training.curves import CurvesPanel
from nnviz.gui.training.training_panel import TrainingPanel

__all__ = ["TrainingDocks", "TrainingTabs"]

Area = Qt.DockWidgetArea
_BOTTOM_HEIGHT = 250  # px for the curves (the window's centre keeps what it needs)
_LANDSCAPE_HEIGHT = 345  # px the panel grows to (if shorter) when the Landscape tab is chosen:
# its settings column and plots fit without scrolling, the graph keeps its full titles


class TrainingTabs(TitledTabs):
    """Curves, first-layer weights, how it learns (one digit), the coach's diagnostics with its
    hints, the landscape and the comparison of two runs as tabs of one bottom panel; each
    page is a panel or a :class:`LazyPage` standing in for one."""

    def __init__(self, curves, weights, learning, coach, landscape, compare, parent=None) -> None:
        super().__init__(
            [
                (curves, QT_TRANSLATE_NOOP("", "Curves")),
                (weights, QT_TRANSLATE_NOOP("", "First-layer weights")),
                (learning, QT_TRANSLATE_NOOP("", "How it learns")),
                (coach, QT_TRANSLATE_NOOP("", "Diagnostics")),
                (landscape, QT_TRANSLATE_NOOP("", "Landscape")),
                (compare, QT_TRANSLATE_NOOP("", "Compare runs")),
            ],
            parent=parent,
        )


class TrainingDocks:
    """The four training panels of a window that has ``session`` and ``add_panel``."""

    def __init__(self, window) -> None:
        session = window.session
        self._window = window
        self.controller = TrainingController(session)
        self.panel = TrainingPanel(
            session, self.controller, may_replace_network=window.may_replace_network
        )
        self.curves = CurvesPanel(session)
        c = self.controller
        self._weights_page = LazyPage(self._make_weights)
        self._results_page = LazyPage(self._make_results)
        self._learning_page = LazyPage(self._make_learning)
        self._coach_page = LazyPage(self._make_coach)
        self._landscape_page = LazyPage(self._make_landscape)
        self._compare_page = LazyPage(self._make_compare)  # two runs at one step
        c.paused.connect(lambda _event: self.curves.refresh())  # a single step shows at once

        scroll = scrolled(self.panel)  # the form never gets squeezed in a short window
        self.panel_dock: QDockWidget = window.add_panel(
            scroll, QT_TRANSLATE_NOOP("", "Training"), Area.RightDockWidgetArea, context=""
        )
        self.results_dock: QDockWidget = window.add_panel(
            self._results_page,
            QT_TRANSLATE_NOOP("", "Results"),
            Area.RightDockWidgetArea,
            context="",
        )
        self.tabs = TrainingTabs(
            self.curves,
            self._weights_page,
            scrolled(self._learning_page),
            self._coach_page,
            scrolled(self._landscape_page, fill=True),  # its plots scroll only when very short
            self._compare_page,
        )
        self.curves_dock: QDockWidget = window.add_panel(
            self.tabs,
            QT_TRANSLATE_NOOP("TrainingDocks", "Learning"),
            Area.BottomDockWidgetArea,
            context="TrainingDocks",
        )
        # the right column runs the full height; the bottom tabs sit under the graph only
        window.setCorner(Qt.Corner.BottomRightCorner, Area.RightDockWidgetArea)
        QTimer.singleShot(0, self._size_bottom)  # once the window is laid out
        # the live curves while training, the mistakes once done (unless the user chose a tab)
        c.run_started.connect(self._on_run_started)
        session.run_added.connect(self._on_run_added)  # also a run opened from a file
        c.run_ended.connect(self._on_run_ended)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        # Hidden until the first run (View menu shows it any time): before training, the graph
        # and the explorers get the room. A layout the user left visible is restored as it was.
        self.curves_dock.hide()
        # the first step into the backward pass opens "How it learns" under the graph
        self._learning_offered = False
        session.stage_changed.connect(self._on_stage_changed)

    # ------------------------------------------------------------------ panels made when needed
    def _make_results(self):
        from nnviz.gui.results.results import ResultsPanel

        return ResultsPanel(self._window.session)

    def _make_weights(self):
        from nnviz.gui.results.weights_view import WeightsView

        return WeightsView(self._window.session)

    def _make_learning(self):
        from nnviz.gui.learn.learning_panel import LearningPanel

        return LearningPanel(self._window.session)

    def _make_coach(self):
        from nnviz.gui.coach.coach_panel import CoachPanel

        coach = CoachPanel(self._window.session)
        # the coach's hints are asked again after each evaluation and at the end of a run;
        # a hint's Apply goes to the settings (and to the run, for what can change live)
        self.controller.evaluated.connect(coach.run_progressed)
        self.controller.run_ended.connect(coach.run_progressed)
        coach.hints.apply_requested.connect(self.panel.apply_fix)
        return coach

    def _make_landscape(self):
        from nnviz.gui.landscape.panel import LandscapePanel

        landscape = LandscapePanel(self._window.session)
        # a run that ended (finished, stopped, failed, reset) can have its landscape now
        self.controller.state_changed.connect(lambda _state: landscape.refresh())
        return landscape

    def _make_compare(self):
        from nnviz.gui.compare.compare_panel import ComparePanel

        return ComparePanel(self._window.session)

    results = lazy_panel("_results_page", "The test results (confusion matrix, mistakes).")
    weights = lazy_panel("_weights_page", "The first-layer weights.")
    learning = lazy_panel("_learning_page", "How it learns from the digit on screen.")
    coach = lazy_panel("_coach_page", "The diagnostics and hints.")
    landscape = lazy_panel("_landscape_page", "The loss landscape.")
    compare = lazy_panel("_compare_page", "The comparison of two runs.")

    def _size_bottom(self) -> None:
        w = self._window
        if w.remember_layout and w.settings.value("window/state") is not None:
            return  # the user's own layout was restored
        w.resizeDocks([self.curves_dock], [_BOTTOM_HEIGHT], Qt.Orientation.Vertical)

    def _on_stage_changed(self, _index: int) -> None:
        if self._learning_offered or self._window.session.stage.direction is Direction.FORWARD:
            return
        self._learning_offered = True
        if self.curves_dock.isHidden():
            self.curves_dock.show()
            self._window.resizeDocks([self.curves_dock], [_BOTTOM_HEIGHT], Qt.Orientation.Vertical)
        self.tabs.setCurrentWidget(self._learning_page)

    def _on_tab_changed(self, _index: int) -> None:
        """The map and its two plots need more height than the curves: the panel grows."""
        dock = self.curves_dock
        if self.tabs.current_holds(self._landscape_page) and dock.height() < _LANDSCAPE_HEIGHT:
            if not dock.isHidden() and not dock.isFloating():
                self._window.resizeDocks([dock], [_LANDSCAPE_HEIGHT], Qt.Orientation.Vertical)

    def _on_run_started(self, _record) -> None:
        self._window.model_path = None  # the network is being retrained: no longer that file
        self._window.update_summary()

    def _on_run_added(self, _record) -> None:
        if self.curves_dock.isHidden():
            self.curves_dock.show()
            self._window.resizeDocks([self.curves_dock], [_BOTTOM_HEIGHT], Qt.Orientation.Vertical)
        self.tabs.setCurrentWidget(self.curves)

    def _on_run_ended(self, _event) -> None:
        self.curves.refresh()  # the run's last numbers, now
        # then what the trained network gets right and wrong, in the next turn of the event
        # loop: the end of a run is two shorter pieces of work for the window, not one
        QTimer.singleShot(0, self.results_dock.raise_)

    def model_meta(self) -> dict:
        """Training metadata for File > Save ({} when the network was not trained here)."""
        return self.panel.model_meta()

    def shutdown(self) -> None:
        """Stop any run and join its thread, and a landscape's (the window is closing)."""
        self.controller.shutdown()
        if self._landscape_page.is_built:  # not made now only to be closed
            self.landscape.shutdown()
