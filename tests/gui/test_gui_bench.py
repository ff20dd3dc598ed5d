"""``nnviz bench --gui``: the window's own figures (stage steps, the pen on the Draw tab, the time
to start) are measured on what a learner does, one figure per key press, pen move and process."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from nnviz.core.model_io import load_model
from nnviz.core.trace import Kind
from nnviz.gui.gui_bench import (
    measure_drawing,
    measure_lesson_steps,
    measure_stage_steps,
    measure_startup,
)
from nnviz.gui.main_window import MainWindow
from nnviz.gui.session import Session
from nnviz.paths import resource_path


@pytest.fixture
def window(qtbot, mnist, tmp_path):
    network = load_model(resource_path("models", "default.npz")).network
    session = Session(network, mnist)
    session.show_test_sample(0)
    settings = QSettings(str(tmp_path / "nnviz.ini"), QSettings.Format.IniFormat)
    win = MainWindow(session, settings=settings, remember_layout=False)
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    return win


def test_every_stage_step_of_the_trace_is_timed_both_ways(window, qapp):
    trace = window.session.trace
    assert trace.find(Kind.UPDATE) is not None  # a labelled digit: forward and backward
    times = measure_stage_steps(qapp, window, passes=1)
    assert len(times) == 2 * (len(trace) - 1)  # Right to the last stage, Left back
    assert all(t > 0 for t in times)
    assert window.session.stage_index == 0


def test_every_pen_move_at_stage_y_is_timed_until_the_pad_shows_it(window, qapp):
    latencies = measure_drawing(qapp, window, moves=40)
    assert len(latencies) == 40
    assert all(t > 0 for t in latencies)
    session = window.session
    assert session.sample_index is None  # handed to the Session once the pen lifted
    assert session.stage.kind is Kind.OUTPUT
    assert not window.drawing_pad.canvas.is_empty()


def test_the_time_to_start_is_measured_from_a_new_process_to_the_window_shown():
    ((wall, cpu),) = measure_startup(runs=1)
    assert 0 < cpu
    assert wall > 0


def test_each_move_of_the_timeline_over_a_recorded_run_is_timed(window, qapp, mnist):
    from training_helpers import small_mnist

    from nnviz.core.training import TrainingConfig
    from nnviz.gui.gui_bench import _recorded_run, measure_scrub

    record = _recorded_run(TrainingConfig(epochs=1), small_mnist(mnist))
    times = measure_scrub(qapp, window, record)
    assert len(times) == len(record.snapshot_steps) - 1  # every kept snapshot after the first
    assert all(t > 0 for t in times)
    assert window.session.run is record and window.session.shown_step is None


def test_the_memory_of_two_recorded_runs_in_the_window_is_measured(window, qapp, mnist):
    from training_helpers import small_mnist

    from nnviz.core.training import TrainingConfig
    from nnviz.gui.gui_bench import measure_runs_memory

    figures = measure_runs_memory(qapp, window, TrainingConfig(epochs=1), small_mnist(mnist))
    assert set(figures) == {"window_rss_mb", "two_runs_mb", "two_runs_record_mb"}
    assert figures["window_rss_mb"] > 0 and figures["two_runs_record_mb"] > 0
    runs = window.session.runs
    assert len(runs) == 2 and runs[0].config.seed != runs[1].config.seed


def test_every_next_of_the_lesson_is_timed_on_each_pass(window, qapp):
    panel = window.lesson_panel
    times = measure_lesson_steps(qapp, window, passes=2)
    assert len(times) == 2
    assert all(len(p) == len(panel) - 1 for p in times)  # from step 1 to the last
    assert all(wall > 0 and cpu >= 0 for p in times for wall, cpu in p)
    assert panel.step_index == len(panel) - 1


def test_a_run_in_the_window_can_be_measured_while_the_timeline_is_dragged(window, qapp, mnist):
    from training_helpers import small_mnist

    from nnviz.core.training import TrainingConfig
    from nnviz.gui.gui_bench import _window_run

    window.session.set_dataset(small_mnist(mnist, train_size=1000))
    # 10 steps, 0.05 s apart: the timeline is dragged (every 50 ms) while the run goes on,
    # however fast the machine trains
    window.training.controller.set_pace(0.05)
    moves = []
    window.session.shown_step_changed.connect(moves.append)
    figures = _window_run(qapp, window, TrainingConfig(epochs=1), blas_threads=1, scrub=True)
    assert figures["samples_per_s"] > 0
    assert any(step is not None for step in moves)  # the past was shown while it trained
    assert window.session.shown_step is None  # and the latest again at the end
