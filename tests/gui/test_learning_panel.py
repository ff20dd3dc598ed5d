"""How it learns: one step of learning on the digit on screen and its undo, the loss along one
weight with both slopes, the two losses compared, and the panel opening at the first backward
stage."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QSettings

from nnviz.core.model_io import load_model
from nnviz.core.trace import Kind
from nnviz.gui.learn.learning_panel import LearningPanel
from nnviz.gui.session import Session
from nnviz.paths import resource_path


@pytest.fixture
def session(mnist, qapp):
    s = Session(load_model(resource_path("models", "default.npz")).network, mnist)
    s.show_test_sample(8)  # a digit the shipped model gets wrong
    return s


@pytest.fixture
def panel(qtbot, session):
    p = LearningPanel(session)
    qtbot.addWidget(p)
    p.resize(1000, 300)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_one_step_lowers_this_digits_loss_and_undo_restores_the_weights(panel, session):
    session.set_learning(lr=0.1)
    before = {k: v.copy() for k, v in session.network.params.items()}
    loss_before = float(session.trace.values(Kind.LOSS))
    panel.step_button.click()
    loss_after = float(session.trace.values(Kind.LOSS))
    assert loss_after < loss_before
    assert panel.last_step.loss_after == pytest.approx(loss_after, rel=1e-5)
    assert "After one step with η = 0.1" in panel.step_label.text()
    assert panel.undo_button.isEnabled()
    panel.undo_button.click()
    for k, v in before.items():
        np.testing.assert_array_equal(session.network.params[k], v)
    assert float(session.trace.values(Kind.LOSS)) == pytest.approx(loss_before)
    assert not panel.undo_button.isEnabled()


def test_the_loss_along_a_weight_has_the_backprop_slope_at_the_current_value(panel, session):
    cut = panel.slice
    name, index = panel.weight_box.currentData()
    grads = session.trace.values(Kind.WEIGHT_GRADIENT, int(name[1:]))
    assert cut.slope_backprop == pytest.approx(float(grads[index]), rel=1e-9)
    assert cut.slope_numerical == pytest.approx(cut.slope_backprop, rel=1e-4)
    assert abs(cut.slope_backprop) == pytest.approx(np.abs(grads).max())  # the largest first
    x, y = panel.curve.getData()
    np.testing.assert_array_equal(x, cut.values)
    assert cut.loss == pytest.approx(float(session.trace.values(Kind.LOSS)), rel=1e-6)


def test_the_loss_and_rate_are_the_sessions(panel, session):
    panel.loss_box.setCurrentIndex(panel.loss_box.findData("mse"))
    assert session.loss == "mse"
    assert session.trace.stage(Kind.LOSS).formula == "E = 1/2 sum_k (y_k - t_k)^2"
    panel.lr_box.setValue(0.25)
    assert session.lr == 0.25
    assert session.trace.stage(Kind.UPDATE, 1).formula == "W1 ← W1 - η · dE/dW1"
    np.testing.assert_allclose(
        session.trace.values(Kind.UPDATE, 1),
        -0.25 * session.trace.values(Kind.WEIGHT_GRADIENT, 1),
    )
    session.set_learning(loss="cross-entropy", lr=2.0)  # a run or a model sets them
    assert panel.loss_box.currentData() == "cross-entropy" and panel.lr_box.value() == 2.0


def test_a_wrong_digit_shows_cross_entropy_passing_back_more(panel):
    text = panel.compare_label.text()
    assert "Wrong about this digit: cross-entropy passes back" in text


def test_a_drawing_has_no_loss_and_nothing_to_learn(panel, session):
    session.set_input(np.zeros(784))
    assert not panel.step_button.isEnabled()
    assert "no label" in panel.digit_label.text()


def test_the_first_backward_stage_opens_how_it_learns(qtbot, session, tmp_path):
    from nnviz.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session, settings=settings, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    docks = window.training
    assert docks.curves_dock.isHidden()
    session.set_stage(Kind.LOSS)
    assert not docks.curves_dock.isHidden()
    assert docks.tabs.current_holds(docks.learning)


def test_every_slope_checked_numerically_agrees_with_backpropagation(panel, qtbot):
    with qtbot.waitSignal(panel.gradient_check.finished, timeout=60_000) as blocker:
        panel.check_button.click()
        assert not panel.check_button.isEnabled() and panel.cancel_button.isVisibleTo(panel)
    result = blocker.args[0]
    assert result.parameters == sum(p.size for p in panel.session.network.params.values())
    assert result.max_rel_diff < 1e-6
    assert "Largest relative difference" in panel.check_label.text()
    assert panel.check_button.isEnabled() and not panel.cancel_button.isVisibleTo(panel)


def test_the_numerical_check_shows_progress_and_can_be_cancelled(panel, qtbot, monkeypatch):
    import threading

    from nnviz.core.learning import Cancelled

    started = threading.Event()

    def slow(network, x, label, loss, *, progress, cancel):  # a check that runs until cancelled
        progress(0, 100)
        progress(40, 100)
        started.set()
        while not cancel.wait(0.01):
            pass
        raise Cancelled(40, 100)

    monkeypatch.setattr("nnviz.gui.learn.gradient_check.numerical_gradient", slow)
    panel.check_button.click()
    qtbot.waitUntil(lambda: panel.check_progress.value() == 40, timeout=10_000)
    assert started.is_set() and panel.check_progress.isVisibleTo(panel)
    with qtbot.waitSignal(panel.gradient_check.cancelled, timeout=10_000):
        panel.cancel_button.click()
    assert panel.check_label.text() == "Cancelled."
    assert not panel.gradient_check.running and panel.check_button.isEnabled()


def test_two_weights_show_the_loss_map_and_descent_lowers_it(panel):
    panel.two_weights.setChecked(True)
    surface = panel.surface_data
    assert surface is not None and panel.surface_plot.isVisibleTo(panel)
    first, second = panel.weight_box.currentData(), panel.second_box.currentData()
    assert surface.names == (first[0], second[0]) and first != second
    assert surface.losses.shape == (41, 41)
    assert surface.path_losses[-1] < surface.path_losses[0]
    x, y = panel.path.getData()
    np.testing.assert_array_equal(x, surface.path[:, 0])
    assert "steps of gradient descent" in panel.slope_label.text()
    panel.two_weights.setChecked(False)
    assert panel.plot.isVisibleTo(panel) and not panel.surface_plot.isVisibleTo(panel)
