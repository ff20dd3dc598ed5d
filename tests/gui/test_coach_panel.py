"""The coach in the window: the Diagnostics tab drawn from a run's record and following the step
shown, its empty state, the hints with Apply and Why?, hints turned off, a hint's fix reaching
the settings and a running run, changes made during a run, slow motion, the validation curves."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from training_helpers import small_mnist

from nnviz.core import events as ev
from nnviz.core.coach import TEXTS
from nnviz.core.recording import RunRecord
from nnviz.core.training import TrainingConfig, train
from nnviz.gui.coach.coach_panel import CoachPanel
from nnviz.gui.coach.hint_texts import HINT_TEXTS
from nnviz.gui.session import Session
from nnviz.gui.training.controller import RunState, TrainingController
from nnviz.gui.training.curves import CurvesPanel
from nnviz.gui.training.training_panel import TrainingPanel

_RUN_MS = 30_000  # generous: a run on the small set takes well under a second


@pytest.fixture(scope="module")
def data(mnist):
    return small_mnist(mnist)


def _recorded(data, **changes) -> RunRecord:
    """A finished run of the small set, recorded as the window records one."""
    config = TrainingConfig(epochs=2, evals_per_epoch=2, validation=0.1, **changes)
    record = RunRecord.for_run(config, 784, 10, len(data.train))
    for event in train(config, data, snapshot_steps=record.schedule):
        record.add(event)
    return record


@pytest.fixture
def coach(qtbot, data, qapp):
    session = Session(TrainingConfig().make_network(), data)
    panel = CoachPanel(session)
    qtbot.addWidget(panel)
    panel.resize(1100, 260)
    panel.show()
    return panel


def test_before_a_run_each_plot_says_what_will_appear(coach):
    plots = coach.plots
    assert all(text.isVisible() and text.toPlainText() for text in plots.empty_texts)
    assert "Press Start" in plots.empty_texts[0].toPlainText()
    assert "while a run trains" in coach.hints.note.text()


def test_the_diagnostics_tab_draws_a_small_run_from_its_record(coach, data):
    record = _recorded(data)
    coach.session.add_run(record)
    coach.run_progressed()
    plots = coach.plots
    assert not any(text.isVisible() for text in plots.empty_texts)
    steps = record.step_column("step")
    for key, table in (("grad", record.grad_rms), ("ratio", record.update_ratios)):
        assert len(plots.lines[key]) == 3
        for l, item in enumerate(plots.lines[key]):
            x, y = item.getOriginalDataset()
            assert np.array_equal(x, steps) and np.allclose(y, table[:, l])
    diag = record.layer_diagnostics()
    for l, item in enumerate(plots.lines["saturated"]):  # sigmoid: saturation is measured
        x, y = item.getOriginalDataset()
        assert np.array_equal(x, record.eval_column("step"))
        assert np.allclose(y, 100 * diag["saturated"][:, l])
    x, now = plots.bars_now.getOriginalDataset()
    _, initial = plots.bars_initial.getOriginalDataset()
    assert now.sum() == pytest.approx(100) and initial.sum() == pytest.approx(100)
    assert not np.allclose(now, initial)  # training moved the weights
    assert "layer 3" in plots.key.text()


def test_a_new_run_of_as_many_layers_reuses_the_lines_and_shows_only_its_own_data(coach, data):
    plots = coach.plots
    first = _recorded(data)
    coach.session.add_run(first)
    coach.run_progressed()
    kept = {key: list(items) for key, items in plots.lines.items()}
    second = RunRecord.for_run(TrainingConfig(epochs=2, lr=0.5), 784, 10, len(data.train))
    coach.session.add_run(second)  # just started: nothing recorded yet
    coach.run_progressed()
    assert {key: list(items) for key, items in plots.lines.items()} == kept  # the same items
    for items in plots.lines.values():
        for item in items:
            x, _ = item.getOriginalDataset()
            assert x is None or len(x) == 0  # not the first run's curves
    assert "layer 3" in plots.key.text()
    deeper = _recorded(data, hidden=(20, 20, 20))
    coach.session.add_run(deeper)
    coach.run_progressed()
    assert len(plots.lines["grad"]) == 4 and plots.lines["grad"][0] is not kept["grad"][0]
    assert "layer 4" in plots.key.text()


def test_the_diagnostics_follow_the_step_the_window_shows(coach, data):
    record = _recorded(data)
    session = coach.session
    session.add_run(record)
    coach.run_progressed()
    plots = coach.plots
    assert not plots.cursors[0].isVisible()
    latest = plots.bars_now.getOriginalDataset()[1].copy()
    session.set_shown_step(0)
    assert all(line.isVisible() and line.value() == 0 for line in plots.cursors)
    assert plots.caption.text() == "Newest run at step 0"
    x, at_start = plots.bars_now.getOriginalDataset()
    _, initial = plots.bars_initial.getOriginalDataset()
    assert np.allclose(at_start, initial) and not np.allclose(at_start, latest)


def test_a_hint_is_shown_with_apply_and_why(coach, data, qtbot):
    record = _recorded(data, activation="relu", lr=2.0, init="xavier")
    coach.session.add_run(record)
    coach.run_progressed()
    cards = coach.hints.cards
    assert [card.hint.rule for card in cards] == ["dead_units"]
    card = cards[0]
    assert card.message.text() == card.hint.message  # English: the core's text, with numbers
    assert "of the units of hidden layer" in card.message.text()
    assert card.why.isHidden()
    card.why_button.click()
    assert not card.why.isHidden() and card.why.text() == card.hint.why
    with qtbot.waitSignal(coach.hints.apply_requested) as blocker:
        card.apply_button.click()
    assert blocker.args == [{"lr": 0.2, "init": "he"}]
    assert not card.apply_button.isEnabled() and card.apply_button.text() == "Applied"


def test_hints_can_be_turned_off(coach, data):
    coach.session.add_run(_recorded(data, activation="relu", lr=2.0))
    coach.run_progressed()
    assert coach.hints.cards
    coach.hints.set_enabled(False)
    assert coach.hints.cards == [] and coach.hints.note.text() == "Hints are off."
    coach.hints.set_enabled(True)
    assert [card.hint.rule for card in coach.hints.cards] == ["dead_units"]


def test_the_window_marks_every_hint_text_of_the_core_for_translation():
    assert HINT_TEXTS == TEXTS


# ---------------------------------------------------------------------- with the training panel
@pytest.fixture
def training(qtbot, data, qapp):
    session = Session(TrainingConfig().make_network(), data)
    controller = TrainingController(session)
    panel = TrainingPanel(session, controller)
    qtbot.addWidget(panel)
    panel.show()
    yield panel
    controller.shutdown()


def test_apply_puts_a_fix_into_the_settings(training):
    done = training.apply_fix({"lr": 0.1, "init": "he"})
    assert sorted(done) == ["init", "lr"]
    assert training.config.lr == 0.1 and training.config.init == "he"


def test_during_a_run_the_live_settings_change_the_run_and_the_rest_waits(training, qtbot):
    controller = training.controller
    training.form.set_text("epochs", "3")
    training.form.validate()
    assert training.start(paused=True)
    assert training.form.locked
    done = training.apply_fix({"lr": 0.25, "init": "he"})
    assert done == ["lr"] and training.config.init == "xavier"  # He waits for the next run
    with qtbot.waitSignal(controller.changed, timeout=_RUN_MS) as blocker:
        controller.step()
    change = blocker.args[0]
    assert (change.step, change.name, change.old, change.new) == (0, "lr", 1.0, 0.25)
    assert controller.record.changes == [(0, "lr", 1.0, 0.25)]
    with qtbot.waitSignal(controller.run_ended, timeout=_RUN_MS):
        controller.resume()
    lrs = controller.record.step_column("lr")
    assert np.all(lrs == 0.25)
    qtbot.waitUntil(lambda: controller.state is RunState.FINISHED, timeout=_RUN_MS)
    assert training.config.init == "he"  # applied once the run was over


def test_a_learning_rate_typed_during_a_run_reaches_it_once_edited(training, qtbot):
    controller = training.controller
    training.form.set_text("epochs", "3")
    assert training.start(paused=True)
    editor = training.form.editor("lr")
    editor.setFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "0.15")  # "0.1" on the way is not sent
    assert controller.current_value("lr") == 1.0
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert controller.current_value("lr") == 0.15
    said = []  # the status line as the change is announced (a pause message follows)
    controller.changed.connect(lambda _event: said.append(training.status_label.text()))
    with qtbot.waitSignal(controller.changed, timeout=_RUN_MS) as blocker:
        controller.step()
    assert (blocker.args[0].name, blocker.args[0].new) == ("lr", 0.15)
    assert said == ["The learning rate is 0.15 from step 1 on (it was 1)."]
    controller.stop()
    qtbot.waitUntil(lambda: not controller.state.active, timeout=_RUN_MS)
    assert controller.record.changes == [(0, "lr", 1.0, 0.15)]


def test_slow_motion_is_set_for_this_run_and_the_next(training, qtbot):
    controller = training.controller
    training.pace_box.setCurrentIndex(2)  # one step a second
    assert controller.pace == 1.0
    assert training.start(paused=True)
    controller.stop()
    qtbot.waitUntil(lambda: not controller.state.active, timeout=_RUN_MS)
    training.pace_box.setCurrentIndex(1)
    assert controller.pace == 0.2
    training.pace_box.setCurrentIndex(0)
    assert controller.pace == 0.0


def test_the_curves_show_validation_and_mark_a_change(qtbot, data, qapp):
    session = Session(TrainingConfig().make_network(), data)
    curves = CurvesPanel(session)
    qtbot.addWidget(curves)
    curves.show()
    record = _recorded(data)
    record.add(ev.HyperparameterChanged(5, 0.5, 0.1, "lr", 1.0, 0.1))
    session.add_run(record)
    curves.refresh()
    run = curves.current
    x, y = run.items["validation_accuracy"].getData()
    assert np.allclose(y, 100 * record.eval_column("validation_accuracy"))
    assert [mark.value() for mark in run.change_marks] == [5, 5]  # on both plots
    (sample,) = run.change_entries
    assert curves.plots.accuracy_legend.getLabel(sample).text == "lr 1 → 0.1 at step 5"


def test_a_run_added_while_the_diagnostics_are_hidden_is_drawn_when_they_are_shown(
    qtbot, data, qapp
):
    session = Session(TrainingConfig().make_network(), data)
    panel = CoachPanel(session)
    qtbot.addWidget(panel)
    panel.resize(1100, 260)
    record = _recorded(data)
    session.add_run(record)  # hidden: no lines made for it yet (Start does not wait for them)
    plots = panel.plots
    assert plots.record is record and not plots.lines["grad"]
    panel.show()
    qtbot.waitExposed(panel)
    layers = len(record.sizes) - 1
    assert len(plots.lines["grad"]) == layers and plots.layer_box.count() == layers
    assert not any(text.isVisible() for text in plots.empty_texts)
