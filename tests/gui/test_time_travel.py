"""Time travel through a run: File > Save run (a stopped run, a run still training) and File >
Open run (its curves, timeline and network), broken files leaving the window as it was,
``nnviz --run`` and ``nnviz screenshot --run --step``; the timeline's keys ([ ] Shift+Home
Shift+End) and replay."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from training_helpers import small_mnist

from nnviz.cli import build_parser
from nnviz.core.errors import RecordFileError
from nnviz.core.model_io import save_model
from nnviz.core.recording import RunRecord
from nnviz.core.training import TrainingConfig, train
from nnviz.gui import app
from nnviz.gui.main_window import MainWindow
from nnviz.gui.session import Session
from nnviz.gui.window_menus import shortcut_list

_RUN_MS = 30_000
Answer = QMessageBox.StandardButton


@pytest.fixture(scope="module")
def data(mnist):
    return small_mnist(mnist)


def record_run(data, **changes) -> RunRecord:
    """A finished run of ``TrainingConfig(**changes)`` on the small set, recorded."""
    config = TrainingConfig(**{"epochs": 2, **changes})
    record = RunRecord.for_run(config, 784, 10, len(data.train), dataset="mnist")
    for event in train(config, data, snapshot_steps=record.schedule):
        record.add(event)
    return record


@pytest.fixture(scope="module")
def run_file(data, tmp_path_factory):
    return record_run(data).save(tmp_path_factory.mktemp("runs") / "run.npz")


@pytest.fixture
def window(qtbot, data, tmp_path):
    session = Session(TrainingConfig().make_network(), data)
    session.show_test_sample(0)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(session, settings=settings, remember_layout=False)
    win.network_view.animations_enabled = False
    qtbot.addWidget(win)
    win.show()
    win.errors = []
    win.show_error = win.errors.append  # no message box in tests; the texts are checked
    win.asked = []
    win.answer = Answer.Discard

    def ask():
        win.asked.append(True)
        return win.answer

    win.ask_to_save = ask
    return win


def _state(window) -> tuple:
    """Everything an open that failed must leave as it was."""
    s = window.session
    return (
        s.network,
        {k: v.copy() for k, v in s.network.params.items()},
        s.runs,
        s.shown_step,
        s.dataset,
        window.model_path,
        len(window.training.curves.runs),
        window.training.curves.timeline.slider.maximum(),
        s.modified,
    )


def _same(a: tuple, b: tuple) -> bool:
    params_a, params_b = a[1], b[1]
    same_params = params_a.keys() == params_b.keys() and all(
        np.array_equal(params_a[k], params_b[k]) for k in params_a
    )
    return same_params and a[:1] + a[2:] == b[:1] + b[2:]


def _train_and_stop(qtbot, window, steps: int = 15):
    docks = window.training
    chunks = []
    docks.controller.batches.connect(chunks.append)
    docks.panel.set_config(TrainingConfig(epochs=1000))
    assert docks.panel.start()
    qtbot.waitUntil(lambda: sum(len(c) for c in chunks) >= steps, timeout=_RUN_MS)
    return docks.controller


def test_a_stopped_run_is_saved_and_opens_again_on_the_plots_timeline_and_graph(
    qtbot, window, tmp_path
):
    controller = _train_and_stop(qtbot, window)
    with qtbot.waitSignal(controller.run_ended, timeout=_RUN_MS):
        window.training.panel.stop()
    record = controller.record
    assert record.status == "stopped"
    path = tmp_path / "stopped.npz"
    with qtbot.waitSignal(window.run_saver.saved, timeout=_RUN_MS):
        assert window.save_run(path)
    saved = RunRecord.load(path)
    assert saved.status == "stopped" and saved.steps_recorded == record.steps_recorded
    np.testing.assert_array_equal(saved.snapshot_steps, record.snapshot_steps)
    assert "Saved run" in window.statusBar().currentMessage()

    # the trained network is not saved as a model: the learner is asked, and Cancel keeps it
    window.answer = Answer.Cancel
    before = _state(window)
    assert not window.open_run(path)
    assert window.asked and _same(_state(window), before)
    window.answer = Answer.Discard
    assert window.open_run(path)
    session, curves = window.session, window.training.curves
    opened = session.run
    assert opened is not record and opened.steps_recorded == record.steps_recorded
    assert len(session.runs) == 2 and len(curves.runs) == 2 and curves.current.record is opened
    last = record.snapshot_at()
    for k, v in last.params.items():
        np.testing.assert_array_equal(session.network.params[k], v)
    curves.refresh()
    timeline = curves.timeline
    assert timeline.isEnabled() and timeline.slider.maximum() == len(record.snapshot_steps) - 1
    assert len(curves.runs[-1].batches) == record.steps_recorded  # its curves are drawn
    timeline.slider.setValue(2)
    step = int(record.snapshot_steps[2])
    assert session.shown_step == step
    for k, v in record.snapshot_at(step).params.items():
        np.testing.assert_array_equal(session.network.params[k], v)
    assert not controller.owns_session_network()


def test_a_run_still_training_is_saved_as_a_consistent_copy(qtbot, window, tmp_path):
    controller = _train_and_stop(qtbot, window)
    path = tmp_path / "live.npz"
    with qtbot.waitSignal(window.run_saver.saved, timeout=_RUN_MS):
        assert window.save_run(path)  # the run goes on meanwhile
    saved = RunRecord.load(path)  # the loader checks that every table fits the others
    assert saved.status == "running" and saved.steps_recorded >= 15
    assert saved.snapshot_steps[-1] <= saved.steps_recorded
    with qtbot.waitSignal(controller.run_ended, timeout=_RUN_MS):
        window.training.panel.stop()
    assert controller.record.steps_recorded >= saved.steps_recorded
    before = _state(window)
    assert not window.open_run(path.with_name("other.npz"))
    assert _same(_state(window), before)
    assert window.open_run(path)  # opened, the copy is a run that grows no more
    assert window.session.run.status == "stopped"
    assert window.session.run.steps_recorded == saved.steps_recorded


def test_opening_a_run_while_one_trains_is_refused(qtbot, window, run_file):
    controller = _train_and_stop(qtbot, window, steps=2)
    before = _state(window)
    assert not window.open_run(run_file)
    assert "stop it first" in window.errors[-1]
    with qtbot.waitSignal(controller.run_ended, timeout=_RUN_MS):
        window.training.panel.stop()
    assert _state(window)[2] == before[2]  # no run was added


def test_save_run_is_offered_only_with_a_run_and_a_failed_save_says_why(
    qtbot, window, run_file, tmp_path
):
    action = window.menus.save_run_action
    assert not action.isEnabled() and not window.save_run(tmp_path / "none.npz")
    assert window.open_run(run_file)
    assert action.isEnabled()
    with qtbot.waitSignal(window.run_saver.failed, timeout=_RUN_MS):
        window.save_run(tmp_path / "missing" / "run.npz")
    assert "could not be saved" in window.errors[-1] and "cannot write" in window.errors[-1]


def _broken(kind: str, run_file, tmp_path):
    path = tmp_path / f"{kind}.npz"
    if kind == "truncated":
        path.write_bytes(run_file.read_bytes()[:4000])
    elif kind == "not an npz":
        path.write_text("step,loss\n1,2.3\n")
    elif kind == "a model file":
        save_model(path, TrainingConfig().make_network())
    elif kind == "wrong arrays":
        with np.load(run_file) as f:
            arrays = {k: f[k] for k in f.files}
        arrays["snapshot_W1"] = arrays["snapshot_W1"][:, :5]
        np.savez(path, **arrays)
    elif kind == "missing":
        path = tmp_path / "nothing-here.npz"
    return path


_BROKEN = {
    "truncated": "corrupt or truncated",
    "not an npz": "not a zip archive",
    "a model file": "not a run record",
    "wrong arrays": "snapshots of W1",
    "missing": "cannot read",
}


@pytest.mark.parametrize("kind", list(_BROKEN))
def test_a_broken_run_file_is_reported_and_leaves_the_window_as_it_was(
    window, run_file, tmp_path, kind
):
    path = _broken(kind, run_file, tmp_path)
    assert window.open_run(run_file)  # a run already on the plots, scrubbed back
    window.training.curves.refresh()
    window.training.curves.timeline.slider.setValue(1)
    before = _state(window)
    assert not window.open_run(path)
    assert _same(_state(window), before)
    assert "could not be opened" in window.errors[-1] and _BROKEN[kind] in window.errors[-1]
    assert str(path) in window.errors[-1]


def test_run_flag_opens_the_run_and_a_broken_one_is_one_line(qapp, run_file, tmp_path, capsys):
    window = app.build_window(remember_layout=False, run=str(run_file))
    try:
        record = RunRecord.load(run_file)
        assert window.session.run.steps_recorded == record.steps_recorded
        np.testing.assert_array_equal(
            window.session.network.params["W3"], record.snapshot_at().params["W3"]
        )
        assert not window.session.modified
    finally:
        window.close()
        window.deleteLater()
    bad = _broken("truncated", run_file, tmp_path)
    with pytest.raises(RecordFileError, match="corrupt or truncated"):
        app.build_window(remember_layout=False, run=str(bad))
    args = build_parser().parse_args(["screenshot", str(tmp_path / "s.png"), "--run", str(bad)])
    assert app.screenshot(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err
    args = build_parser().parse_args(["--run", str(bad)])
    assert args.run == str(bad)


@pytest.mark.parametrize(
    "flags, says",
    [(["--step", "3"], "give --run"), (["--step", "99999", "--run", "RUN"], "steps 0 to")],
)
def test_screenshot_step_needs_a_run_and_a_step_inside_it(
    qapp, run_file, tmp_path, capsys, flags, says
):
    flags = [str(run_file) if f == "RUN" else f for f in flags]
    args = build_parser().parse_args(["screenshot", str(tmp_path / "s.png"), *flags])
    assert app.screenshot(args) == 1
    assert says in capsys.readouterr().err
    assert not (tmp_path / "s.png").exists()


def test_screenshot_draws_the_window_at_a_step_of_a_recorded_run(
    qapp, run_file, tmp_path, monkeypatch
):
    shown = []
    real = app._screenshot_step

    def spy(window, step):
        real(window, step)
        session = window.session
        shown.append((session.shown_step, session.network.params["W1"].copy(), window))

    monkeypatch.setattr(app, "_screenshot_step", spy)
    out = tmp_path / "early.png"
    args = build_parser().parse_args(
        ["screenshot", str(out), "--run", str(run_file), "--step", "4", "--size", "900x600"]
    )
    assert app.screenshot(args) == 0 and out.stat().st_size > 0
    record = RunRecord.load(run_file)
    ((step, w1, window),) = shown
    assert step == 4
    np.testing.assert_array_equal(w1, record.snapshot_at(4).params["W1"])
    assert window.training.curves.timeline.label.text().startswith("step 4 of 20")


# ---------------------------------------------------------------------- keys
@pytest.fixture
def opened(window, data):
    record = record_run(data)
    dataset = window.session.dataset
    assert window.show_run(record, dataset)
    window.training.curves.refresh()
    return window, record


def _shows(window, record, step) -> None:
    assert window.session.shown_step == step
    for k, v in record.snapshot_at(step).params.items():
        np.testing.assert_array_equal(window.session.network.params[k], v)


def test_brackets_step_one_kept_snapshot_and_shift_home_end_jump_to_the_ends(qtbot, opened):
    window, record = opened
    steps = record.snapshot_steps
    view = window.network_view
    qtbot.keyClick(view, Qt.Key.Key_BracketLeft)  # from the latest: the snapshot before it
    _shows(window, record, int(steps[-2]))
    qtbot.keyClick(view, Qt.Key.Key_BracketLeft)
    _shows(window, record, int(steps[-3]))
    qtbot.keyClick(view, Qt.Key.Key_BracketRight)
    _shows(window, record, int(steps[-2]))
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    _shows(window, record, 0)
    qtbot.keyClick(view, Qt.Key.Key_BracketLeft)  # nothing before the start
    _shows(window, record, 0)
    qtbot.keyClick(view, Qt.Key.Key_BracketRight)
    _shows(window, record, int(steps[1]))
    assert window.session.stage_index == 0  # Home without Shift is the forward pass's
    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    assert window.session.shown_step is None
    assert window.training.curves.timeline.label.text().startswith("the latest")
    window.training.curves.timeline.slider.setValue(len(steps) - 1)  # the last kept step
    qtbot.keyClick(view, Qt.Key.Key_BracketRight)  # past it: the latest again
    assert window.session.shown_step is None


def test_the_timeline_keys_do_nothing_without_a_run_and_are_listed_in_f1(qtbot, window):
    before = window.session.network.params["W1"].copy()
    for key in (Qt.Key.Key_BracketLeft, Qt.Key.Key_BracketRight):
        qtbot.keyClick(window.network_view, key)
    qtbot.keyClick(window.network_view, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    assert window.session.shown_step is None
    np.testing.assert_array_equal(window.session.network.params["W1"], before)
    listed = dict(shortcut_list(window))
    assert listed["["] == "One kept step back" and listed["]"] == "One kept step forward"
    assert listed["Shift+Home"] == "Start of the run"
    assert listed["Shift+End"] == "Latest (back to live)"
    keys = [key for key, _ in shortcut_list(window)]
    assert len(keys) == len(set(keys))  # no key does two things


# ---------------------------------------------------------------------- replay
class _SteadyClock:
    """perf_counter for the replay: 20 ms between two frames however busy the machine is, so
    that frames fall between kept snapshots as they do on an idle machine."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 0.02
        return self.now


def test_replay_visits_every_kept_snapshot_in_order_and_stops_at_the_end(
    qtbot, opened, monkeypatch
):
    import nnviz.gui.training.replay as replay_module

    monkeypatch.setattr(replay_module, "time", SimpleNamespace(perf_counter=_SteadyClock()))
    window, record = opened
    timeline = window.training.curves.timeline
    steps = [int(s) for s in record.snapshot_steps]
    timeline.slider.setValue(3)
    visited, frames = [], []
    window.session.shown_step_changed.connect(visited.append)
    window.session.params_changed.connect(
        lambda: frames.append(window.session.network.params["W1"].copy())
    )
    timeline.speed_box.setCurrentIndex(timeline.speed_box.count() - 1)  # the fastest
    timeline.play_button.click()
    assert timeline.replay.running and timeline.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: not timeline.replay.running, timeout=_RUN_MS)
    assert visited == steps[4:]  # from the step shown on, each kept step once, in order
    assert timeline.play_button.text() == "Play"
    _shows(window, record, steps[-1])
    # between two kept steps, the frames show weights of neither (interpolated)
    assert any(not any(np.array_equal(f, s.params["W1"]) for s in record.snapshots) for f in frames)
    timeline.play_button.click()  # at the end: Play starts the run again from its start
    assert window.session.shown_step == 0 and timeline.replay.running
    timeline.play_button.click()  # Pause: on a kept snapshot, never on weights in between
    assert not timeline.replay.running
    _shows(window, record, window.session.shown_step)


@pytest.mark.parametrize("how", ["drag", "key", "latest", "new run", "new network"])
def test_moving_the_window_elsewhere_stops_the_replay(qtbot, opened, data, how):
    window, record = opened
    timeline = window.training.curves.timeline
    timeline.slider.setValue(0)
    visited = []
    window.session.shown_step_changed.connect(visited.append)
    timeline.speed_box.setCurrentIndex(1)
    assert timeline.replay.start()
    qtbot.waitUntil(lambda: len(visited) >= 2, timeout=_RUN_MS)
    if how == "drag":
        timeline.slider.setValue(10)
    elif how == "key":
        qtbot.keyClick(window.network_view, Qt.Key.Key_Home, Qt.KeyboardModifier.ShiftModifier)
    elif how == "latest":
        timeline.latest_button.click()
    elif how == "new run":
        assert window.show_run(record_run(data, epochs=1), window.session.dataset)
    else:
        window.new_random_network()
    assert not timeline.replay.running and timeline.play_button.text() == "Play"
    if how in ("drag", "key"):
        _shows(window, record, int(record.snapshot_steps[10 if how == "drag" else 0]))


# ---------------------------------------------------------------------- compare
def _bars(item) -> np.ndarray:
    return np.asarray(item.opts["height"], dtype=float)


def test_compare_shows_two_runs_of_different_settings_at_one_step(qtbot, window, data):
    from nnviz.core.comparison import run_at_step
    from nnviz.core.mosaic import weight_mosaic

    sigmoid = record_run(data)
    relu = record_run(data, activation="relu", lr=0.1)
    for record in (sigmoid, relu):
        assert window.show_run(record, window.session.dataset)
    docks = window.training
    docks.tabs.setCurrentWidget(docks.compare)
    panel = docks.compare
    qtbot.waitUntil(lambda: panel.isVisible())
    assert panel.runs == (sigmoid, relu)
    text = panel.message.text()
    assert "Same initial weights" in text and "Activation, Learning rate" in text
    window.training.curves.refresh()
    window.training.curves.timeline.slider.setValue(5)  # the window's timeline: A and B follow
    step = int(relu.snapshot_steps[5])
    assert panel.step == step and panel.cursor.value() == step
    x = window.session.x
    for i, record in enumerate((sigmoid, relu)):
        expected = run_at_step(record, step, x)
        shown = panel.shown[i]
        assert shown.step == expected.step
        np.testing.assert_allclose(_bars(panel.answer_bars[i]), 100 * expected.probabilities)
        mosaic, _, _ = weight_mosaic(expected.W1, 28, max_tiles=10, aspect=2.5)
        np.testing.assert_allclose(
            panel.weight_images[i].image, np.nan_to_num(mosaic, nan=0.0), rtol=1e-6
        )
        train, test = panel.curves[i]
        np.testing.assert_array_equal(test.getData()[0], record.eval_column("step"))
    assert not np.array_equal(_bars(panel.answer_bars[0]), _bars(panel.answer_bars[1]))
    # after the first evaluation: each run's accuracy per class from its own evaluation
    panel.set_step(int(sigmoid.eval_column("step")[0]))
    for i, record in enumerate((sigmoid, relu)):
        totals = record.confusion(0).sum(axis=1)
        per_class = np.diag(record.confusion(0)) / np.maximum(totals, 1)
        np.testing.assert_allclose(_bars(panel.class_bars[i]), 100 * per_class)
    assert panel.class_note.toPlainText() == ""
    panel.set_step(0)
    assert "no test-set evaluation yet (A, B)" in panel.class_note.toPlainText()
    assert len(_bars(panel.class_bars[0])) == 0

    other_seed = record_run(data, seed=7)
    assert window.show_run(other_seed, window.session.dataset)  # the two newest are compared
    assert docks.tabs.currentWidget() is docks.curves  # an opened run's curves come to the front
    docks.tabs.setCurrentWidget(panel)
    assert panel.runs == (relu, other_seed)
    assert "Different initial weights" in panel.message.text()
    panel.a_box.setCurrentIndex(0)  # sigmoid, seed 0 against sigmoid, seed 7
    assert panel.runs == (sigmoid, other_seed) and "differ: Seed." in panel.message.text()
    panel.b_box.setCurrentIndex(0)
    assert panel.runs is None and panel.shown is None and "two different" in panel.message.text()
    window.session.add_run(RunRecord(TrainingConfig(), (784, 50, 100, 10)))  # just started
    docks.tabs.setCurrentWidget(panel)
    assert panel.runs is None and "no weights yet" in panel.message.text()
    docks.curves.clear_earlier()  # one run left: nothing to compare
    assert panel.runs is None and "needs two runs" in panel.message.text()
    assert len(_bars(panel.answer_bars[0])) == 0


def test_compare_takes_a_run_file_and_reports_a_broken_one(qtbot, window, data, run_file, tmp_path):
    assert window.show_run(record_run(data, lr=0.5), window.session.dataset)
    panel = window.training.compare
    window.training.tabs.setCurrentWidget(panel)
    bad = _broken("wrong arrays", run_file, tmp_path)
    assert not panel.add_run_file(bad)
    assert (
        "could not be added" in panel.message.text() and "snapshots of W1" in panel.message.text()
    )
    assert panel.runs is None and len(panel.choices) == 1
    assert panel.add_run_file(run_file)
    assert len(panel.choices) == 2 and panel.runs[1].steps_recorded == 20
    assert "could not be added" not in panel.message.text()
    assert "Settings that differ: Learning rate" in panel.message.text()
    assert panel.b_box.currentText().startswith("run.npz")
