"""Panels hidden when the window opens are made later: when first shown, when asked for, or once
the window is idle; a panel made late shows the Session as it is then, and a tab inside a panel
not made yet is still found by name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget
from training_helpers import small_mnist

from nnviz.core.recording import RunRecord
from nnviz.core.training import TrainingConfig, train
from nnviz.gui.main_window import MainWindow
from nnviz.gui.session import Session
from nnviz.gui.tabs import LazyPage, TitledTabs, scrolled


@pytest.fixture(scope="module")
def data(mnist):
    return small_mnist(mnist)


def _window(qtbot, data, tmp_path) -> MainWindow:
    session = Session(TrainingConfig().make_network(), data)
    session.show_test_sample(0)
    settings = QSettings(str(tmp_path / "nnviz.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session, settings=settings, remember_layout=False)
    window.network_view.animations_enabled = False
    qtbot.addWidget(window)
    return window


def _made(window: MainWindow) -> set[str]:
    return {type(page.widget()).__name__ for page in window.findChildren(LazyPage) if page.is_built}


def test_the_hidden_panels_are_made_only_once_the_window_is_on_screen_and_idle(
    qtbot, data, tmp_path, monkeypatch
):
    warmed = []  # and last, the trainer's process gets ready for the first Start
    monkeypatch.setattr("nnviz.core.training_process.warm_up", lambda: warmed.append(1))
    window = _window(qtbot, data, tmp_path)
    pending = window.pending_panels()
    assert len(pending) == 8  # softmax, results, probes, weights, how it learns, diagnostics, ...
    assert _made(window) == set()
    window.show()
    qtbot.waitExposed(window)
    # the Activations tab in front was made with the window; the rest follow while idle
    assert window.activation_explorer.isVisible()
    qtbot.waitUntil(lambda: not window.pending_panels(), timeout=10_000)
    assert {"SoftmaxView", "ResultsPanel", "ProbesPanel", "CoachPanel", "ComparePanel"} <= (
        _made(window)
    )
    qtbot.waitUntil(lambda: warmed == [1], timeout=5_000)


def test_a_panel_is_made_when_its_tab_is_chosen(qtbot, data, tmp_path):
    window = _window(qtbot, data, tmp_path)
    window.show()
    qtbot.waitExposed(window)
    page = window.training.results_dock.widget()
    assert isinstance(page, LazyPage)
    if page.is_built:  # the idle build was quicker than this machine: nothing to see
        pytest.skip("the window made its panels before the test could look")
    window.training.results_dock.raise_()
    qtbot.waitUntil(lambda: page.is_built, timeout=5_000)
    assert page.widget().isVisible()


def test_a_panel_made_after_a_run_was_added_shows_that_run(qtbot, data, tmp_path):
    window = _window(qtbot, data, tmp_path)
    config = TrainingConfig(epochs=1, evals_per_epoch=1)
    records = []
    for seed in (0, 1):
        record = RunRecord.for_run(config.with_(seed=seed), 784, 10, len(data.train))
        for event in train(config.with_(seed=seed), data, snapshot_steps=record.schedule):
            record.add(event)
        window.session.add_run(record)
        records.append(record)
    assert window.pending_panels()  # nothing was made meanwhile
    docks = window.training
    assert docks.coach.hints.record is records[-1]
    assert docks.landscape.record is records[-1]
    assert [r for r, _name in docks.compare.choices] == records


def test_a_tab_inside_a_panel_not_made_yet_is_found_by_its_exact_name(qtbot, data, tmp_path):
    window = _window(qtbot, data, tmp_path)
    window.show()
    assert not window.probes._page.is_built
    # "Lab" is a tab of the Probes panel; "Data and labels" only contains it
    assert window.raise_panel("Lab")
    panel = window.probes.panel
    tabs = panel if isinstance(panel, QTabWidget) else panel.findChild(QTabWidget)
    assert tabs.tabBar().tabData(tabs.currentIndex()) == "Lab"
    assert window.probes.panel.lab.isVisible()


def test_a_lazy_page_makes_its_panel_once_and_tabs_find_the_panel_inside_it(qtbot):
    made = []

    def make():
        made.append(QLabel("made"))
        return made[-1]

    page = LazyPage(make)
    other = QLabel("first")
    tabs = TitledTabs([(other, "First"), (page, "Second")])
    qtbot.addWidget(tabs)
    tabs.show()
    qtbot.waitExposed(tabs)
    qtbot.wait(20)
    assert made == []  # behind the first tab
    tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.is_built)
    assert page.widget() is made[0] and len(made) == 1
    assert tabs.current_holds(made[0]) and not tabs.current_holds(other)
    tabs.setCurrentWidget(other)
    assert tabs.currentIndex() == 0
    tabs.setCurrentWidget(made[0])  # the panel inside the page brings the page forward
    assert tabs.currentIndex() == 1


class _Plot(QWidget):
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt)
        return QSize(200, 400)  # as a plot asks for room it can do without


def _plots_with_text(words: int) -> QWidget:
    """A panel of a wrapped text over a plot that would like 400 px and can shrink to 60."""
    panel = QWidget()
    column = QVBoxLayout(panel)
    text = QLabel("words " * words)
    text.setWordWrap(True)
    column.addWidget(text)
    plot = _Plot()
    plot.setMinimumHeight(60)
    column.addWidget(plot, 1)
    return panel


def test_a_filling_scroll_area_gives_a_panel_the_height_there_is_and_scrolls_below_its_least(
    qtbot,
):
    """A plain resizable scroll area gives a panel with a wrapped text its preferred height for
    the width (the Landscape tab scrolled at the window's default size, its plots cut off);
    filling, the panel takes the viewport and scrolls only below its least height."""
    areas = {fill: scrolled(_plots_with_text(30), fill=fill) for fill in (False, True)}
    for area in areas.values():
        qtbot.addWidget(area)
        area.resize(300, 300)
        area.show()
    qtbot.wait(1)
    plain, filling = areas[False], areas[True]
    assert plain.widget().height() > plain.viewport().height()  # scrolls with room to spare
    assert filling.widget().height() == filling.viewport().height()
    least = filling.widget().minimumSizeHint().height()
    filling.resize(300, least // 2)  # shorter than its least: it scrolls, never squeezed
    qtbot.wait(1)
    assert filling.viewport().height() < least
    assert filling.widget().height() >= least and filling.verticalScrollBar().maximum() > 0
    long_text = scrolled(_plots_with_text(300), fill=True)  # the text wrapped takes more
    qtbot.addWidget(long_text)
    long_text.resize(300, 300)
    long_text.show()
    qtbot.wait(1)
    text = long_text.widget().findChild(QLabel)
    assert text.height() >= text.heightForWidth(text.width())  # never squeezed under the plot
