"""Panels off screen (a dock tab behind another, a closed dock) skip the Session's updates and
catch up when they are shown again; panels on screen, or not in a shown window (unless hidden in
it), update at once."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTabWidget, QWidget
from training_helpers import small_mnist

from nnviz.core.metrics import evaluate
from nnviz.core.network import Network
from nnviz.core.trace import Kind
from nnviz.gui.draw.drawing_pad import DrawingPad
from nnviz.gui.explorer.activation_explorer import ActivationExplorer
from nnviz.gui.explorer.softmax_view import SoftmaxView
from nnviz.gui.results.results import ResultsPanel
from nnviz.gui.results.weights_view import WeightsView, weight_mosaic
from nnviz.gui.session import Session
from nnviz.gui.visibility import DeferWhileHidden, on_screen


@pytest.fixture(scope="module")
def data(mnist):
    return small_mnist(mnist)


@pytest.fixture
def session(data, qapp):
    s = Session(Network(seed=1), data)
    s.show_test_sample(3)
    return s


class Tabs:
    """A window with ``panel`` in a dock tabbed behind another dock."""

    def __init__(self, qtbot, panel: QWidget) -> None:
        self.window = QMainWindow()
        qtbot.addWidget(self.window)
        self.window.setCentralWidget(QLabel("centre"))
        self.dock = QDockWidget("panel", self.window)
        self.dock.setWidget(panel)
        self.other = QDockWidget("other", self.window)
        self.other.setWidget(QLabel("another panel"))
        area = Qt.DockWidgetArea.RightDockWidgetArea
        self.window.addDockWidget(area, self.dock)
        self.window.addDockWidget(area, self.other)
        self.window.tabifyDockWidget(self.dock, self.other)
        self.window.resize(1100, 800)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.panel = panel
        self.qtbot = qtbot

    def hide_panel(self) -> None:
        self.other.raise_()
        self.qtbot.waitUntil(lambda: not on_screen(self.panel))

    def show_panel(self) -> None:
        self.dock.raise_()


def _new_params(seed: int) -> dict[str, np.ndarray]:
    return Network(seed=seed).params


def shows_mosaic_of(view, W1) -> bool:
    """The view shows W1's tiles, laid out for the view's current shape."""
    expected, _, _ = weight_mosaic(W1, 28, aspect=view.view_aspect())
    mosaic = view.mosaic
    return (
        mosaic is not None
        and mosaic.shape == expected.shape
        and np.allclose(mosaic, expected, equal_nan=True)
    )


def test_a_panel_not_in_a_shown_window_updates_at_once(qapp):
    widget = QWidget()
    lazy = DeferWhileHidden(widget)
    ran = []
    assert not lazy.defer(lambda: ran.append("later"))
    lazy.flush()
    assert ran == []  # nothing was kept for later


def test_a_panel_hidden_in_a_window_being_built_waits_until_shown(qtbot, session):
    """At start-up the window is not shown yet: a panel in a closed dock (the one under the
    graph) or on a tab page behind another does its work only once it is shown."""
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QLabel("centre"))
    dock = QDockWidget("closed", window)
    pages = QTabWidget()
    front, behind = QLabel("front"), QWidget()
    pages.addTab(front, "front")
    pages.addTab(behind, "behind")
    dock.setWidget(pages)
    open_dock = QDockWidget("open", window)
    panel = QWidget()
    open_dock.setWidget(panel)
    for d in (dock, open_dock):
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, d)
    dock.hide()
    ran = []
    assert not DeferWhileHidden(panel).defer(lambda: ran.append("open"))  # will be seen
    waiting = DeferWhileHidden(behind)
    assert waiting.defer(lambda: ran.append("behind"))
    window.show()
    qtbot.waitExposed(window)
    assert ran == []
    dock.show()
    pages.setCurrentWidget(behind)
    qtbot.waitUntil(lambda: ran == ["behind"])


def test_a_tab_behind_another_is_off_screen_and_comes_back(qtbot, session):
    explorer = ActivationExplorer(session)
    tabs = Tabs(qtbot, explorer)
    tabs.show_panel()
    qtbot.waitUntil(lambda: on_screen(explorer))
    tabs.hide_panel()
    assert explorer.isVisible()  # Qt only moves a tab behind another off the window


def test_a_hidden_explorer_does_not_recompute_until_shown(qtbot, session):
    explorer = ActivationExplorer(session)
    tabs = Tabs(qtbot, explorer)
    tabs.hide_panel()
    before = explorer.plots.points.getData()[0].copy()
    session.set_params(_new_params(7))
    # no work while hidden
    np.testing.assert_array_equal(explorer.plots.points.getData()[0], before)
    tabs.show_panel()
    want = np.sort(session.trace.values(Kind.AFFINE, 1).astype(np.float64))
    qtbot.waitUntil(lambda: np.allclose(np.sort(explorer.plots.points.getData()[0]), want))


def test_a_closed_explorer_dock_catches_up_when_reopened(qtbot, session):
    explorer = ActivationExplorer(session)
    tabs = Tabs(qtbot, explorer)
    tabs.show_panel()
    tabs.dock.close()
    qtbot.waitUntil(lambda: not explorer.isVisible())
    before = explorer.plots.points.getData()[0].copy()
    session.set_params(_new_params(8))
    np.testing.assert_array_equal(explorer.plots.points.getData()[0], before)
    tabs.dock.show()
    want = np.sort(session.trace.values(Kind.AFFINE, 1).astype(np.float64))
    qtbot.waitUntil(lambda: np.allclose(np.sort(explorer.plots.points.getData()[0]), want))


def test_a_shown_explorer_follows_new_weights_at_once(qtbot, session):
    explorer = ActivationExplorer(session)
    tabs = Tabs(qtbot, explorer)
    tabs.show_panel()
    qtbot.waitUntil(lambda: on_screen(explorer))
    session.set_params(_new_params(9))
    want = np.sort(session.trace.values(Kind.AFFINE, 1).astype(np.float64))
    np.testing.assert_allclose(np.sort(explorer.plots.points.getData()[0]), want)


def test_a_hidden_softmax_view_recomputes_when_shown(qtbot, session):
    view = SoftmaxView(session)
    tabs = Tabs(qtbot, view)
    tabs.hide_panel()
    before = view.logits.copy()
    session.set_params(_new_params(10))
    np.testing.assert_array_equal(view.logits, before)
    tabs.show_panel()
    want = session.trace.values(Kind.AFFINE, session.network.num_layers)
    qtbot.waitUntil(lambda: np.allclose(view.logits, want))


def test_a_hidden_drawing_pad_updates_its_answer_when_shown(qtbot, session):
    pad = DrawingPad(session)
    tabs = Tabs(qtbot, pad)
    tabs.show_panel()
    qtbot.waitUntil(lambda: on_screen(pad))
    session.set_input(np.zeros(784, dtype=np.float32))  # an empty drawing
    assert "as you draw" in pad.answer.text()
    tabs.hide_panel()
    session.show_test_sample(4)
    assert "as you draw" in pad.answer.text()  # not updated while hidden
    tabs.show_panel()
    qtbot.waitUntil(lambda: "test image" in pad.answer.text())


def test_hidden_results_draw_when_shown(qtbot, session, data):
    panel = ResultsPanel(session)
    tabs = Tabs(qtbot, panel)
    tabs.show_panel()
    qtbot.waitUntil(lambda: panel.evaluation is not None)
    before = panel.evaluation
    tabs.hide_panel()
    session.set_params(_new_params(12))
    qtbot.wait(300)  # past the panel's redraw delay
    assert panel.evaluation is before  # nothing evaluated or drawn while hidden
    tabs.show_panel()
    qtbot.waitUntil(lambda: panel.evaluation is not before)
    expected = evaluate(session.network, data.test.images, data.test.labels)
    np.testing.assert_array_equal(panel.confusion.counts, expected.confusion)


def test_hidden_weights_view_redraws_when_shown(qtbot, session):
    view = WeightsView(session)
    tabs = Tabs(qtbot, view)
    tabs.show_panel()
    qtbot.waitUntil(lambda: on_screen(view))
    tabs.hide_panel()
    before = view.mosaic.copy()
    new = _new_params(11)
    session.set_params(new)
    np.testing.assert_array_equal(view.mosaic, before, strict=False)
    tabs.show_panel()
    qtbot.waitUntil(lambda: shows_mosaic_of(view, new["W1"]))


def test_a_weights_page_behind_another_tab_redraws_when_chosen(qtbot, session):
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    view = WeightsView(session)
    tabs.addTab(QLabel("curves"), "curves")
    tabs.addTab(view, "weights")
    tabs.resize(700, 400)
    tabs.show()
    qtbot.waitExposed(tabs)
    before = view.mosaic.copy()
    new = _new_params(12)
    session.set_params(new)
    np.testing.assert_array_equal(view.mosaic, before)  # the page behind is not drawn
    tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: shows_mosaic_of(view, new["W1"]))
