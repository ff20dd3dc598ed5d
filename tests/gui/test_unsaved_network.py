"""Nothing lost: a network trained here or changed by a step of learning is not thrown away by
Reset, Ctrl+N, opening another model or quitting without asking Save / Discard / Cancel; a network
just opened, saved or made anew is replaced without a question."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnviz.core.model_io import load_model
from nnviz.core.trace import Kind
from nnviz.core.training import TrainingConfig
from nnviz.gui.main_window import MainWindow
from nnviz.gui.session import Session
from nnviz.paths import resource_path

Answer = QMessageBox.StandardButton
_DEFAULT_MODEL = resource_path("models", "default.npz")
_RUN_MS = 60_000


@pytest.fixture
def window(qtbot, mnist, tmp_path):
    network = load_model(_DEFAULT_MODEL).network
    session = Session(network, mnist)
    session.show_test_sample(0)
    settings = QSettings(str(tmp_path / "nnviz.ini"), QSettings.Format.IniFormat)
    win = MainWindow(session, settings=settings, remember_layout=False)
    win.model_path = _DEFAULT_MODEL
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.asked = []  # the questions asked, answered with win.answer (no real dialog in tests)
    win.answer = Answer.Cancel

    def ask() -> QMessageBox.StandardButton:
        win.asked.append(win.session.network)
        return win.answer

    win.ask_to_save = ask
    win.show_error = lambda text: pytest.fail(f"unexpected error: {text}")
    return win


def _train_briefly(qtbot, window) -> None:
    """A short run in the window: the network on screen is then one no file holds."""
    docks = window.training
    docks.panel.set_config(TrainingConfig(epochs=1, hidden=(50, 100)))
    with qtbot.waitSignal(docks.controller.run_ended, timeout=_RUN_MS):
        assert docks.panel.start()


def _take_a_learning_step(window) -> None:
    window.session.set_stage(Kind.LOSS)
    window.training.learning.step_button.click()


def test_an_opened_saved_or_new_network_is_replaced_without_a_question(window, tmp_path):
    session = window.session
    assert not session.modified  # opened at start-up
    window.menus.new_network_action.trigger()  # Ctrl+N
    assert window.asked == [] and not session.modified
    assert window.open_model(_DEFAULT_MODEL)
    window.training.panel.reset_button.click()
    assert window.asked == [] and not session.modified
    _take_a_learning_step(window)
    assert session.modified
    assert window.save_model(tmp_path / "stepped.npz")
    assert not session.modified  # saved: nothing to lose
    window.menus.new_network_action.trigger()
    assert window.asked == []


@pytest.mark.parametrize("change", [_take_a_learning_step, "train"])
def test_cancel_keeps_the_changed_network_everywhere(qtbot, window, change):
    if change == "train":
        _train_briefly(qtbot, window)
    else:
        change(window)
    session = window.session
    changed = session.network
    weights = changed.params["W1"].copy()
    assert session.modified
    window.answer = Answer.Cancel
    window.menus.new_network_action.trigger()  # Ctrl+N
    assert not window.open_model(_DEFAULT_MODEL)  # File > Open model
    window.training.panel.reset_button.click()  # Training > Reset
    window.menus.quit_action.trigger()  # File > Quit
    assert window.asked == [changed] * 4  # asked each time, about the network on screen
    assert session.network is changed and session.modified
    np.testing.assert_array_equal(session.network.params["W1"], weights)
    assert window.isVisible()


def test_discard_replaces_the_changed_network(window):
    _take_a_learning_step(window)
    stepped = window.session.network
    window.answer = Answer.Discard
    window.menus.new_network_action.trigger()
    assert window.asked == [stepped]
    assert window.session.network is not stepped and not window.session.modified


def test_reset_asks_before_it_ends_a_run_and_keeps_it_on_cancel(qtbot, window):
    docks = window.training
    docks.panel.set_config(TrainingConfig(epochs=1000))
    docks.panel.start()
    qtbot.waitUntil(lambda: window.session.modified, timeout=_RUN_MS)  # live weights arrived
    window.answer = Answer.Cancel
    docks.panel.reset_button.click()
    assert len(window.asked) == 1 and docks.controller.state.active  # still training
    window.answer = Answer.Discard
    docks.panel.reset_button.click()
    assert not docks.controller.state.active and not window.session.modified


def test_save_saves_then_replaces_and_a_cancelled_save_keeps_the_network(
    window, tmp_path, monkeypatch
):
    _take_a_learning_step(window)
    stepped = window.session.network
    weights = stepped.params["W1"].copy()
    window.answer = Answer.Save
    target = tmp_path / "kept.npz"
    chosen = {"path": ""}  # the save dialog's answer: none at first (cancelled)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (chosen["path"], "")
    )
    window.menus.new_network_action.trigger()
    assert window.session.network is stepped and not target.exists()  # nothing saved: kept
    chosen["path"] = str(target)
    window.menus.new_network_action.trigger()
    assert window.session.network is not stepped  # saved, then replaced
    np.testing.assert_array_equal(load_model(target).network.params["W1"], weights)


def test_quit_with_discard_closes_the_window(window):
    _take_a_learning_step(window)
    window.answer = Answer.Discard
    window.menus.quit_action.trigger()
    assert window.asked and not window.isVisible()
