"""The training panel and its controller: defaults from TrainingConfig, field errors, Start to
finished (the run's record, curves and results), pause / step / resume / stop, reset, failures,
divergence, closing the window, save and reopen."""

from __future__ import annotations

import re
from dataclasses import fields

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from training_helpers import small_mnist

from nnviz.core import events as ev
from nnviz.core import training
from nnviz.core.errors import ConfigError
from nnviz.core.metrics import evaluate
from nnviz.core.model_io import load_model
from nnviz.core.training import WINDOW_VALIDATION, TrainingConfig
from nnviz.gui.session import Session
from nnviz.gui.training.controller import RunState, TrainingController
from nnviz.gui.training.training_panel import TrainingPanel

_RUN_MS = 30_000  # generous: a run on the small set takes well under a second


@pytest.fixture(scope="module")
def data(mnist):
    return small_mnist(mnist)


@pytest.fixture
def session(data, qapp):
    return Session(TrainingConfig().make_network(), data)


@pytest.fixture
def controller(qapp, session):
    c = TrainingController(session)
    yield c
    c.shutdown()


@pytest.fixture
def panel(qtbot, session, controller):
    p = TrainingPanel(session, controller)
    qtbot.addWidget(p)
    p.show()
    return p


def _config_error(**changes) -> str:
    with pytest.raises(ConfigError) as info:
        TrainingConfig(**changes)
    return str(info.value)


def _error(form, name: str) -> str:
    """The complaint the form shows under field ``name`` ("" when there is none)."""
    label = form.errors[name]
    return "" if label.isHidden() else label.text()


def test_every_field_shows_the_trainingconfig_default(panel):
    defaults = {f.name: f.default for f in fields(TrainingConfig)}
    # the window holds a validation split out by default; everything else is the config's
    assert panel.config == TrainingConfig(validation=WINDOW_VALIDATION)
    assert panel.form.text("hidden") == ", ".join(str(h) for h in defaults["hidden"])
    assert float(panel.form.text("lr")) == defaults["lr"]
    for name in ("activation", "loss", "optimizer", "init", "dataset"):
        assert panel.form.text(name) == defaults[name]
    for name in ("batch_size", "epochs", "seed", "evals_per_epoch"):
        assert int(panel.form.text(name)) == defaults[name]


def test_invalid_values_are_refused_at_their_field(panel, qtbot):
    form = panel.form
    form.set_text("epochs", "2.5")
    form.set_text("lr", "abc")
    form.set_text("hidden", "50, x")
    form.validate()
    _config_error(epochs=2.5)  # the core refuses it; the field says what it accepts instead
    lo, hi = training.LIMITS["epochs"]
    assert _error(form, "epochs") == f"A whole number from {lo} to {hi}"
    assert _error(form, "lr") != "" and _error(form, "hidden") != ""
    assert _error(form, "batch_size") == ""
    assert panel.config is None
    assert not panel.start_button.isEnabled() and not panel.step_button.isEnabled()
    assert panel.start() is False and panel.controller.state is RunState.IDLE
    form.set_text("epochs", "2")
    form.set_text("lr", "0.1")
    form.set_text("hidden", "30")
    form.validate()
    assert panel.config == TrainingConfig(
        epochs=2, lr=0.1, hidden=(30,), validation=WINDOW_VALIDATION
    )
    assert panel.start_button.isEnabled()


def test_an_activation_parameter_is_checked_by_the_config(panel):
    form = panel.form
    form.set_text("activation", "leaky-relu")
    form.set_text("activation_param", "-3")
    form.validate()
    _config_error(activation="leaky-relu", leaky_slope=-3)
    assert _error(form, "activation_param") == "A number from 0 up to, but not including, 1"
    form.set_text("activation_param", "0.2")
    assert form.validate() == TrainingConfig(
        activation="leaky-relu", leaky_slope=0.2, validation=WINDOW_VALIDATION
    )


def test_the_momentum_field_is_offered_with_the_momentum_optimizer_only(panel):
    form = panel.form
    row = form.editor("momentum").parentWidget()

    def offered() -> bool:
        return form._form.isRowVisible(row)

    assert form.text("optimizer") == "sgd" and not offered()  # plain SGD keeps no velocity
    form.set_text("optimizer", "momentum")
    form.set_text("momentum", "0.5")
    assert form.validate().momentum == 0.5 and offered()
    form.set_text("optimizer", "adam")
    assert form.validate().momentum == 0.5 and not offered()  # kept for a return to Momentum


def test_step_pause_resume_and_stop(qtbot, panel, controller, session):
    panel.set_config(TrainingConfig(epochs=1000))
    chunks = []
    controller.batches.connect(chunks.append)
    with qtbot.waitSignal(controller.paused, timeout=_RUN_MS):
        panel.step()  # from idle: a paused run, then one batch
    qtbot.waitUntil(lambda: sum(len(c) for c in chunks) == 1, timeout=_RUN_MS)
    assert controller.state is RunState.PAUSED and panel.pause_button.text() == "Resume"
    assert "Paused after 1 steps" in panel.status_label.text()
    before = {k: v.copy() for k, v in session.network.params.items()}
    with qtbot.waitSignal(controller.worker.snapshot, timeout=_RUN_MS):
        panel.step()
    assert sum(len(c) for c in chunks) == 2
    qtbot.waitUntil(  # the live weights, shown in the next turns
        lambda: not np.array_equal(before["W1"], session.network.params["W1"]), timeout=_RUN_MS
    )
    panel.pause_button.click()  # Resume
    assert controller.state is RunState.RUNNING
    assert panel.status_label.text() == ""  # "Paused after ..." is no longer true
    qtbot.waitUntil(lambda: sum(len(c) for c in chunks) > 20, timeout=_RUN_MS)
    panel.pause_button.click()  # Pause
    assert controller.state is RunState.PAUSED
    with qtbot.waitSignal(controller.run_ended, timeout=_RUN_MS) as blocker:
        panel.stop_button.click()
    assert isinstance(blocker.args[0], ev.Stopped)
    assert controller.state is RunState.STOPPED and not panel.form.locked
    assert "Stopped" in panel.status_label.text()
    record = controller.record
    assert record.status == "stopped" and record.steps_recorded == blocker.args[0].step
    np.testing.assert_array_equal(
        record.step_column("step"), np.arange(1, record.steps_recorded + 1)
    )


def test_live_weights_that_arrive_with_the_runs_end_are_drawn_once_as_the_final_ones(
    qtbot, panel, controller, session
):
    panel.set_config(TrainingConfig(epochs=1000))
    with qtbot.waitSignal(controller.paused, timeout=_RUN_MS):
        panel.step()  # a run going on, paused
    redraws = []
    session.params_changed.connect(lambda: redraws.append(1))
    params = {k: v + 1.0 for k, v in session.network.params.items()}
    final = {k: v + 2.0 for k, v in session.network.params.items()}
    worker = controller.worker  # as the worker sends them at the end: together, in one turn
    worker.snapshot.emit(ev.WeightsSnapshot(7, 0.1, 0.1, params))
    worker.snapshot.emit(ev.WeightsSnapshot(8, 0.1, 0.1, params))
    worker.ended.emit(ev.Stopped(9, 0.1, 0.1, final))
    qtbot.wait(50)  # the turns in which the live weights would have been shown
    assert redraws == [1]
    np.testing.assert_array_equal(session.network.params["W1"], final["W1"])
    worker.snapshot.emit(ev.WeightsSnapshot(9, 0.1, 0.1, params))  # alone: shown soon after
    assert redraws == [1]
    qtbot.waitUntil(lambda: redraws == [1, 1], timeout=5_000)
    np.testing.assert_array_equal(session.network.params["W1"], params["W1"])


def test_reset_keeps_the_seed_and_a_new_start_says_it_draws_new_weights(qtbot, panel, session):
    panel.form.preset_box.setCurrentIndex(panel.form.preset_box.findData("fast"))
    panel.form.preset_box.activated.emit(panel.form.preset_box.currentIndex())
    panel.form.set_text("epochs", "1")  # a recipe of its own: "(custom)"
    panel.form.set_text("hidden", "16")
    config = panel.form.validate()
    assert config.seed == 0 and not panel.seed_note.isVisible()
    with qtbot.waitSignal(panel.controller.run_ended, timeout=_RUN_MS):
        panel.start()
    assert panel.controller.config.seed == 0  # the seed shown is the one used
    for _ in range(2):  # Reset shows the untrained network of the seed in the fields, again
        panel.reset()
        assert panel.form.text("seed") == "0"
        untrained = config.make_network(784, 10)
        np.testing.assert_array_equal(session.network.params["W1"], untrained.params["W1"])
        assert "seed 0" in panel.status_label.text()
    # Start after a Reset begins from the weights shown: seed 0 again
    with qtbot.waitSignal(panel.controller.run_ended, timeout=_RUN_MS):
        panel.start()
    assert panel.controller.config.seed == 0 and not panel.seed_note.isVisible()
    # a second Start draws new weights: the field shows the new seed, the panel says so
    with qtbot.waitSignal(panel.controller.run_ended, timeout=_RUN_MS):
        panel.start()
    assert panel.controller.config.seed == 1 and panel.form.text("seed") == "1"
    assert panel.seed_note.isVisible() and "seed 1" in panel.seed_note.text()
    assert "seed 0" in panel.seed_note.text()
    # ... and how to go back
    panel.seed_back.click()
    assert panel.form.text("seed") == "0" and not panel.seed_note.isVisible()
    with qtbot.waitSignal(panel.controller.run_ended, timeout=_RUN_MS):
        panel.start()
    assert panel.controller.config.seed == 0
    # Same initial weights: every Start replays the start of the last run
    panel.same_weights.setChecked(True)
    with qtbot.waitSignal(panel.controller.run_ended, timeout=_RUN_MS):
        panel.start()
    assert panel.controller.config.seed == 0 and not panel.seed_note.isVisible()


def test_a_preset_stays_chosen_whatever_its_seed(panel):
    box = panel.form.preset_box
    box.setCurrentIndex(box.findData("book"))
    box.activated.emit(box.currentIndex())
    panel.form.set_seed(7)  # another random start of the same recipe
    assert box.currentData() == "book"
    panel.form.set_text("lr", "0.5")  # another recipe
    panel.form.validate()
    assert box.currentData() is None


def test_a_worker_exception_is_shown_in_the_panel(qtbot, panel, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("out of cheese")
        yield  # pragma: no cover

    monkeypatch.setattr("nnviz.gui.training.worker.train", broken)
    panel.controller.worker.in_process = False  # a train() replaced here runs in a thread only
    with qtbot.waitSignal(panel.controller.run_failed, timeout=_RUN_MS):
        panel.start()
    assert "out of cheese" in panel.status_label.text()
    assert panel.controller.state is RunState.FAILED and panel.start_button.isEnabled()
    assert panel.controller.record.status == "failed"


def test_a_diverging_run_explains_and_keeps_the_last_good_weights(qtbot, panel, session):
    panel.set_config(TrainingConfig(lr=100.0))
    with qtbot.waitSignal(panel.controller.run_ended, timeout=_RUN_MS) as blocker:
        panel.start()
    end = blocker.args[0]
    assert isinstance(end, ev.Diverged) and panel.controller.state is RunState.DIVERGED
    text = panel.status_label.text()
    assert "diverged" in text and "learning rate 100 is too large" in text and "(10)" in text
    assert all(np.all(np.isfinite(p)) for p in session.network.params.values())
    for k, v in end.params.items():
        np.testing.assert_array_equal(session.network.params[k], v)


@pytest.fixture
def window(qtbot, session, tmp_path):
    from nnviz.gui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    w = MainWindow(session, settings=settings, remember_layout=False)
    qtbot.addWidget(w)
    w.show()
    return w


def test_a_run_from_start_to_finished_is_recorded_and_drawn_from_its_record(qtbot, window, session):
    docks = window.training
    panel, controller, curves, results = docks.panel, docks.controller, docks.curves, docks.results
    chunks, evals = [], []
    controller.batches.connect(chunks.append)
    controller.evaluated.connect(evals.append)
    panel.set_config(TrainingConfig(epochs=2))
    with qtbot.waitSignal(controller.run_ended, timeout=_RUN_MS) as blocker:
        assert panel.start()
        assert controller.state is RunState.RUNNING and panel.form.locked
        assert session.run is controller.record and session.run.status == "new"
    end = blocker.args[0]
    assert isinstance(end, ev.Finished) and controller.state is RunState.FINISHED
    record = controller.record
    # every batch is in the record, as the trainer reported it
    assert record.status == "finished" and record.steps_recorded == end.step
    reported = [e for c in chunks for e in c.events]
    np.testing.assert_array_equal(record.step_column("loss"), [e.loss for e in reported])
    np.testing.assert_array_equal(record.step_column("mse"), [e.mse for e in reported])
    assert record.grad_norms.shape == (end.step, 3)
    # scheduled snapshots arrived, from the initial weights to the final ones
    assert record.snapshot_steps[0] == 0 and record.snapshot_steps[-1] == end.step
    assert np.array_equal(
        record.snapshot_steps[:-1], record.schedule[: len(record.snapshot_steps) - 1]
    )
    # the curves draw what the record holds
    run = curves.current
    assert run.record is record
    np.testing.assert_array_equal(run.batches["loss"], record.step_column("loss"))
    np.testing.assert_array_equal(run.evals["test_accuracy"], [e.test_accuracy for e in evals])
    x, y = run.items["batch_loss"].getOriginalDataset()
    np.testing.assert_array_equal(y, run.batches["loss"])
    # the trained weights are in the session, the results show the last evaluation
    for k, v in end.params.items():
        np.testing.assert_array_equal(session.network.params[k], v)
    qtbot.waitUntil(lambda: results.evaluation is session.evaluation)
    np.testing.assert_array_equal(results.evaluation.confusion, evals[-1].confusion)
    assert "Finished" in panel.status_label.text()
    assert panel.progress.value() == end.step
    # a second run dims the first; clearing old runs removes it from the Session and the plots
    with qtbot.waitSignal(controller.run_ended, timeout=_RUN_MS):
        panel.start()
    assert len(session.runs) == 2 and len(curves.runs) == 2
    curves.clear_button.click()
    assert session.runs == (controller.record,) and [r.record for r in curves.runs] == [
        controller.record
    ]


def test_reset_mid_run_ends_the_run_through_the_one_shutdown_path(qtbot, panel, controller):
    panel.set_config(TrainingConfig(epochs=1000))
    chunks = []
    controller.batches.connect(chunks.append)
    panel.start()
    qtbot.waitUntil(lambda: len(chunks) > 0, timeout=_RUN_MS)
    panel.reset_button.click()
    assert not controller.worker.running and controller.state is RunState.STOPPED
    assert controller.record.status == "stopped" and controller.record.steps_recorded > 0
    assert "untrained" in panel.status_label.text()
    assert panel.start_button.isEnabled() and not panel.form.locked


def test_closing_the_window_mid_run_stops_the_thread_silently(qtbot, window, capfd, qtlog):
    panel, controller = window.training.panel, window.training.controller
    panel.set_config(TrainingConfig(epochs=1000))
    chunks = []
    controller.batches.connect(chunks.append)
    panel.start()
    qtbot.waitUntil(lambda: len(chunks) > 0, timeout=_RUN_MS)
    window.close()
    assert not controller.worker.running
    out, err = capfd.readouterr()
    assert "QThread" not in err and "Traceback" not in err
    assert not [r for r in qtlog.records if "QThread" in r.message]


def test_save_and_reopen_a_model_trained_in_the_window(qtbot, window, session, tmp_path):
    panel = window.training.panel
    panel.set_config(TrainingConfig(epochs=1, hidden=(20,), activation="relu", init="he"))
    with qtbot.waitSignal(window.training.controller.run_ended, timeout=_RUN_MS):
        panel.start()
    path = tmp_path / "trained.npz"
    assert window.save_model(path)
    loaded = load_model(path)
    assert loaded.network.sizes == (784, 20, 10)
    assert loaded.network.activation.name == "relu"
    for k, v in session.network.params.items():
        np.testing.assert_array_equal(loaded.network.params[k], v)
    meta = loaded.meta
    record = window.training.controller.record
    assert TrainingConfig.from_dict(meta["config"]) == record.config
    assert meta["metrics"]["test_accuracy"] == record.evaluation().test_accuracy
    assert meta["metrics"]["status"] == "finished"
    assert window.open_model(path)
    np.testing.assert_array_equal(session.network.params["W1"], loaded.network.params["W1"])


def test_a_dataset_opened_in_the_window_becomes_the_training_dataset(panel, session, data):
    from nnviz.core.datasets import Dataset

    other = Dataset("digits-copy", data.directory, data.class_names)
    other.__dict__.update(train=data.train, test=data.test)
    session.set_dataset(other)
    assert panel.form.text("dataset") == str(data.directory)
    assert panel.config is not None and panel.config.dataset == str(data.directory)


def test_the_progress_line_gives_no_time_left_while_paused_or_after_the_run(
    qtbot, panel, controller
):
    panel.set_config(TrainingConfig(epochs=1000))
    line = panel.progress_view.label
    panel.start()
    qtbot.waitUntil(lambda: " left" in line.text(), timeout=_RUN_MS)
    with qtbot.waitSignal(controller.paused, timeout=_RUN_MS):
        panel.pause_button.click()
    assert "paused" in line.text()
    assert " left" not in line.text() and "samples/s" not in line.text()
    panel.pause_button.click()  # Resume: the time left comes back with the next batches
    qtbot.waitUntil(lambda: " left" in line.text(), timeout=_RUN_MS)
    with qtbot.waitSignal(controller.run_ended, timeout=_RUN_MS):
        panel.stop_button.click()
    assert line.text().startswith("Epoch ") and "step " in line.text()
    assert " left" not in line.text() and "paused" not in line.text()


def test_the_training_controls_follow_the_language(panel, qapp, qtbot, tmp_path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QLabel

    from nnviz.gui.i18n import LanguageManager

    manager = LanguageManager(qapp, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    english = (panel.start_button.text(), panel.form.preset_box.itemText(0))
    try:
        manager.set_language("ko", remember=False)
        qtbot.waitUntil(lambda: panel.start_button.text() != english[0])
        korean = (panel.start_button.text(), panel.form.preset_box.itemText(0))
        assert korean == ("시작", "(사용자 설정)")
        labels = [w.text() for w in panel.form.findChildren(QLabel)]
        assert "학습률" in labels and "Learning rate" not in labels
        panel.form.set_text("batch_size", "0")
        panel.form.validate()
        assert _error(panel.form, "batch_size").startswith("1부터 60000까지")
    finally:
        manager.set_language("en", remember=False)
    qtbot.waitUntil(lambda: panel.start_button.text() == english[0])
    assert (panel.start_button.text(), panel.form.preset_box.itemText(0)) == english


def test_a_runs_texts_are_written_again_in_the_new_language(
    qtbot, panel, controller, session, qapp, tmp_path
):
    """The status line, the progress line and the curves' legends are written from the runs'
    data: after Korean -> English none of them stays Korean."""
    from nnviz.gui.i18n import LanguageManager
    from nnviz.gui.training.curves import CurvesPanel

    hangul = re.compile("[\uac00-\ud7a3]")
    curves = CurvesPanel(session)
    qtbot.addWidget(curves)
    curves.show()
    manager = LanguageManager(qapp, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))

    def texts() -> list[str]:
        legend = [label.text for _sample, label in curves.plots.loss_legend.items]
        earlier = curves.earlier_label.text()
        return [panel.status_label.text(), panel.progress_view.label.text(), *legend, earlier]

    try:
        manager.set_language("ko", remember=False)
        panel.set_config(TrainingConfig(epochs=1))
        with qtbot.waitSignal(controller.run_ended, timeout=_RUN_MS):
            panel.start()
        panel.set_config(TrainingConfig(epochs=1000))
        with qtbot.waitSignal(controller.paused, timeout=_RUN_MS):
            panel.step()  # a second run, paused after one batch: the first one is earlier
        curves.refresh()
        korean = texts()
        assert len(korean) == 6 and all(hangul.search(t) for t in korean), korean
    finally:
        manager.set_language("en", remember=False)
    qtbot.waitUntil(lambda: not hangul.search(panel.status_label.text()))
    english = texts()
    assert not any(hangul.search(t) for t in english), english
    assert english[0].startswith("Paused after 1 steps") and english[1].endswith("paused")
    assert "training, smoothed" in english and english[-1].startswith("earlier run:")
    controller.stop()


def test_the_curves_results_and_weights_follow_the_language(session, qapp, qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from nnviz.gui.i18n import LanguageManager
    from nnviz.gui.results.results import ResultsPanel
    from nnviz.gui.results.weights_view import WeightsView
    from nnviz.gui.training.curves import CurvesPanel

    curves, results, weights = CurvesPanel(session), ResultsPanel(session), WeightsView(session)
    for widget in (curves, results, weights):
        qtbot.addWidget(widget)
        widget.show()
    english = (curves.clear_button.text(), results.title.text(), weights.caption.text())
    manager = LanguageManager(qapp, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    try:
        manager.set_language("ko", remember=False)
        qtbot.waitUntil(lambda: curves.clear_button.text() != english[0])
        korean = (curves.clear_button.text(), results.title.text(), weights.caption.text())
        assert korean[0] == "이전 실행 지우기"
        assert all(k != e for k, e in zip(korean, english, strict=True))
        assert all(any("\uac00" <= ch <= "\ud7a3" for ch in text) for text in korean)
        assert curves.x_box.itemText(0) == "스텝 기준"
    finally:
        manager.set_language("en", remember=False)
    qtbot.waitUntil(lambda: curves.clear_button.text() == english[0])
    assert (curves.clear_button.text(), results.title.text(), weights.caption.text()) == english


def test_the_weight_tiles_are_laid_out_for_the_shape_of_the_view(session, qtbot):
    from nnviz.gui.results.weights_view import WeightsView

    view = WeightsView(session)
    qtbot.addWidget(view)
    view.resize(1000, 220)  # a wide strip under the graph
    view.show()
    qtbot.waitUntil(lambda: view.mosaic is not None)
    wide = view.mosaic.shape
    assert wide[1] > 3 * wide[0]
    view.resize(300, 900)  # a tall side panel
    qtbot.waitUntil(lambda: view.mosaic.shape[0] > view.mosaic.shape[1])


def test_the_timeline_shows_the_whole_window_as_it_was_at_a_step(qtbot, window, session):
    docks = window.training
    panel, controller, curves = docks.panel, docks.controller, docks.curves
    panel.set_config(TrainingConfig(epochs=1))
    with qtbot.waitSignal(controller.run_ended, timeout=_RUN_MS):
        panel.start()
    curves.refresh()
    record, timeline = controller.record, curves.timeline
    final = {k: v.copy() for k, v in session.network.params.items()}
    assert timeline.isEnabled() and timeline.slider.maximum() == len(record.snapshot_steps) - 1
    assert not timeline.latest_button.isEnabled()
    timeline.slider.setValue(3)  # the learner drags back to the fourth kept step
    step = int(record.snapshot_steps[3])
    assert session.shown_step == step
    for k, v in record.snapshot_at(step).params.items():
        np.testing.assert_array_equal(session.network.params[k], v)
    assert timeline.label.text().startswith(f"step {step} of ")
    assert docks.curves.plots.cursors[0].isVisible()
    qtbot.waitUntil(lambda: docks.results.evaluation is session.evaluation)
    early = evaluate(session.network, session.dataset.test.images, session.dataset.test.labels)
    assert docks.results.evaluation.accuracy == pytest.approx(early.accuracy)
    timeline.latest_button.click()
    assert session.shown_step is None
    for k, v in final.items():
        np.testing.assert_array_equal(session.network.params[k], v)


def test_scrubbing_during_a_run_is_not_overwritten_by_live_weights(qtbot, window, session):
    docks = window.training
    panel, controller, curves = docks.panel, docks.controller, docks.curves
    panel.set_config(TrainingConfig(epochs=1000))
    chunks = []
    controller.batches.connect(chunks.append)
    panel.start()
    qtbot.waitUntil(lambda: sum(len(c) for c in chunks) > 30, timeout=_RUN_MS)
    curves.refresh()
    curves.timeline.slider.setValue(1)
    shown = {k: v.copy() for k, v in session.network.params.items()}
    qtbot.waitUntil(lambda: sum(len(c) for c in chunks) > 200, timeout=_RUN_MS)
    for k, v in shown.items():  # live snapshots arrived meanwhile, the past stays on screen
        np.testing.assert_array_equal(session.network.params[k], v)
    curves.timeline.latest_button.click()
    qtbot.waitUntil(
        lambda: not np.array_equal(session.network.params["W1"], shown["W1"]), timeout=_RUN_MS
    )
    with qtbot.waitSignal(controller.run_ended, timeout=_RUN_MS):
        panel.stop_button.click()


def test_the_end_of_a_run_shows_its_last_evaluation_without_evaluating_again(
    qtbot, window, session, monkeypatch
):
    """The trainer scored the final weights on the test set at the end of the last epoch: the
    window's thread does not score them again as the run ends (10,000 images, 20-100 ms)."""
    import nnviz.gui.session as session_module

    controller = window.training.controller
    window.training.panel.set_config(TrainingConfig(epochs=1))
    with qtbot.waitSignal(controller.run_ended, timeout=_RUN_MS):
        assert window.training.panel.start()
    calls = []
    monkeypatch.setattr(session_module, "evaluate", lambda *args: calls.append(args))
    evaluation = session.evaluation
    assert calls == []
    last = controller.record.evaluation(-1)
    assert last.step == controller.record.steps_recorded
    assert evaluation.accuracy == last.test_accuracy
    np.testing.assert_array_equal(evaluation.predictions, last.test_predictions)
    np.testing.assert_array_equal(evaluation.confusion, last.confusion)
    expected = evaluate(session.network, session.dataset.test.images, session.dataset.test.labels)
    np.testing.assert_array_equal(evaluation.predictions, expected.predictions)
