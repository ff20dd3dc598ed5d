"""The Landscape tab: its empty states, a small run's landscape computed in the worker and drawn,
clicking the path moving the window to that step, the ring following the step shown, results
kept per run, Cancel, a second run on the same map, and clearing when the run changes."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from training_helpers import small_mnist

from nnviz.core.recording import RunRecord
from nnviz.core.training import TrainingConfig, train
from nnviz.gui.landscape.panel import LandscapePanel
from nnviz.gui.session import Session

_WAIT_MS = 60_000  # a small landscape takes well under a second; a hung worker fails the test
SMALL = {"hidden": (8,), "epochs": 2, "batch_size": 100, "lr": 0.5}


@pytest.fixture(scope="module")
def data(mnist):
    return small_mnist(mnist)


def _recorded(data, **changes) -> RunRecord:
    config = TrainingConfig(**{**SMALL, **changes})
    record = RunRecord.for_run(config, 784, 10, len(data.train), dataset=data.reference)
    for event in train(config, data, snapshot_steps=record.schedule):
        record.add(event)
    return record


@pytest.fixture(scope="module")
def run(data):
    return _recorded(data)


@pytest.fixture
def panel(qtbot, data):
    config = TrainingConfig(**SMALL)
    session = Session(config.make_network(), data)
    widget = LandscapePanel(session)
    widget.grid_box.setValue(9)
    widget.samples_box.setValue(200)
    qtbot.addWidget(widget)
    widget.resize(1100, 380)
    yield widget
    widget.shutdown()


def _show_run(qtbot, panel: LandscapePanel, record: RunRecord) -> None:
    """The run becomes the Session's newest with its final weights on screen, as after a run."""
    with qtbot.waitSignal(panel.job.finished, timeout=_WAIT_MS):
        panel.session.add_run(record)
        panel.session.set_params(record.snapshot_at(None).params)
        panel.show()


def test_without_a_run_it_says_what_will_appear_and_how(qtbot, panel):
    panel.show()
    assert panel.stack.currentWidget() is panel.empty_label
    assert "Train the network" in panel.empty_label.text()
    assert "snapshots" in panel.empty_label.text()
    assert not panel.job.running


def test_a_run_still_training_waits_for_its_end(qtbot, panel):
    record = RunRecord.for_run(TrainingConfig(**SMALL), 784, 10, 1000)
    record.status = "running"
    panel.show()
    panel.session.add_run(record)
    assert "still training" in panel.empty_label.text()
    assert not panel.job.running


def test_an_ended_run_is_computed_in_the_worker_and_drawn(qtbot, panel, run):
    _show_run(qtbot, panel, run)
    ls = panel.landscape
    assert ls is not None and ls.grid.shape == (9, 9) and ls.samples == 200
    assert panel.plots.image.image.shape == (9, 9)
    assert np.array_equal(panel.plots.path_line.getData()[0], ls.path.x)
    assert len(panel.plots.path_dots.data) == len(run.snapshot_steps)
    assert len(panel.plots.epoch_marks.data) == 3  # epochs 0, 1 and 2
    assert np.array_equal(panel.plots.line_loss.getData()[1], ls.line.loss)
    assert len(panel.plots.curve.getData()[0]) == run.steps_recorded  # the run's own curve
    share = f"{ls.plane.explained[0]:.0%}"
    assert share in panel.status_label.text()
    assert not panel.progress.isVisible() and panel.compute_button.isEnabled()


def test_clicking_the_path_shows_the_window_at_that_step(qtbot, panel, run):
    _show_run(qtbot, panel, run)
    path = panel.landscape.path
    assert panel.plots.marker_index() == len(path.steps) - 1  # the latest weights
    i = 4
    view = panel.plots.map_plot.vb
    scene = view.mapViewToScene(QPointF(float(path.x[i]), float(path.y[i])))
    where = panel.plots.graphics.mapFromScene(scene)
    qtbot.mouseClick(panel.plots.graphics.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert panel.session.shown_step == int(path.steps[i])
    assert panel.plots.marker_index() == i
    x, y = panel.plots.marker.getData()
    assert (x[0], y[0]) == (path.x[i], path.y[i])
    panel.session.set_shown_step(int(path.steps[9]))  # the timeline moves: the ring follows
    assert panel.plots.marker_index() == 9


def test_results_are_kept_with_the_run_and_come_back_at_once(qtbot, panel, run):
    _show_run(qtbot, panel, run)
    pca = panel.landscape
    with qtbot.waitSignal(panel.job.finished, timeout=_WAIT_MS):
        panel.plane_box.setCurrentIndex(1)  # random: not known yet, waits for Compute
        assert panel.landscape is None and not panel.job.running
        panel.compute_button.click()
    assert panel.landscape.plane.kind == "random" and panel.seed_box.isEnabled()
    panel.plane_box.setCurrentIndex(0)
    assert panel.landscape is pca and not panel.job.running  # no second computation


def test_cancel_stops_the_computation_and_says_so(qtbot, panel, run):
    panel.grid_box.setValue(201)
    panel.samples_box.setValue(1000)
    with qtbot.waitSignal(panel.job.cancelled, timeout=_WAIT_MS):
        panel.session.add_run(run)
        panel.show()
        assert panel.job.running and panel.cancel_button.isEnabled()
        assert not panel.compute_button.isEnabled()
        panel.cancel_button.click()
    assert panel.landscape is None and panel.plots.image.image is None
    assert "Cancelled" in panel.status_label.text()
    assert not panel.job.running and panel.compute_button.isEnabled()


def test_another_run_from_the_same_start_goes_on_the_same_map(qtbot, panel, data, run):
    other = _recorded(data, lr=0.1)  # the same seed: the same first weights
    panel.session.add_run(other)
    _show_run(qtbot, panel, run)  # the newest run is `run`
    assert panel.other_box.count() == 2 and panel.other_box.isEnabled()
    with qtbot.waitSignal(panel.job.finished, timeout=_WAIT_MS):
        panel.other_box.setCurrentIndex(1)
    x, _ = panel.plots.other_line.getData()
    assert len(x) == len(other.snapshot_steps)
    assert x[0] == pytest.approx(panel.landscape.path.x[0])  # one start for both
    assert "same start" in panel.status_label.text()


def test_a_new_run_clears_the_map_and_gets_its_own(qtbot, panel, data, run):
    _show_run(qtbot, panel, run)
    first = panel.landscape
    second = _recorded(data, seed=3)
    with qtbot.waitSignal(panel.job.finished, timeout=_WAIT_MS):
        panel.session.add_run(second)
        assert panel.landscape is None  # the old run's map is gone at once
        assert panel.plots.image.image is None
    assert panel.landscape is not first
    assert np.array_equal(panel.landscape.path.steps, second.snapshot_steps)
    assert panel.record is second


def test_hovering_the_map_reads_the_loss_and_the_coordinates(qtbot, panel, run):
    _show_run(qtbot, panel, run)
    ls = panel.landscape
    view, graphics = panel.plots.map_plot.vb, panel.plots.graphics

    def hover(x: float, y: float) -> str:
        # the scene reports where the mouse is (QTest moves no mouse over an offscreen window)
        graphics.scene().sigMouseMoved.emit(view.mapViewToScene(QPointF(x, y)))
        return panel.hover_label.text()

    corner = hover(float(ls.xs[8]), float(ls.ys[0]))  # a grid point far from the path
    assert corner.startswith(f"loss {ls.grid[0, 8]:.4f} at x = {ls.xs[8]:.3g}")
    dot = hover(float(ls.path.x[0]), float(ls.path.y[0]))  # the path's first dot
    assert dot.startswith(f"step 0 (epoch 0.00): loss {ls.path.loss[0]:.4f}")
    assert hover(1e6, 1e6) == ""  # off the map: nothing
