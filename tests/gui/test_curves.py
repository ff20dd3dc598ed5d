"""Curves drawn from run records: buffers, smoothing, both losses, earlier runs, x modes,
export, fixed items."""

from __future__ import annotations

import csv
import time

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from nnviz.core import events as ev
from nnviz.core.recording import RunRecord
from nnviz.core.smoothing import ema
from nnviz.core.training import TrainingConfig
from nnviz.gui.session import Session
from nnviz.gui.training.curves import ITEMS_DELAY_MS, CurvesPanel, SeriesBuffer


def _losses(start: int, n: int) -> np.ndarray:
    return 2.3 * np.exp(-np.arange(start, start + n) / 50) + 0.1


def _feed(record: RunRecord, start: int, n: int, per_epoch: int = 100) -> None:
    """Batches start .. start + n - 1 of a made-up run, as the trainer reports them."""
    for step, loss in zip(range(start, start + n), _losses(start, n), strict=True):
        acc = 1 - loss / 3
        record.add(
            ev.BatchFinished(
                step, step / per_epoch, step * 0.01, loss, acc, 1e4, acc, 1000, loss, loss / 5
            )
        )


def _run(curves: CurvesPanel, config: TrainingConfig) -> RunRecord:
    """A new run in the curves' Session (as Start makes one), and the window's next turns (the
    run's plot items are made then, ITEMS_DELAY_MS later)."""
    record = RunRecord(config, config.sizes())
    record.add(ev.TrainingStarted(0, 0.0, 0.0, 1000, 100, 10_000, 1000))
    curves.session.add_run(record)
    deadline = time.monotonic() + 5.0
    while not curves.current.items and time.monotonic() < deadline:
        QCoreApplication.processEvents()
    return record


def test_a_new_run_s_items_are_made_in_the_next_turns_or_before_anything_draws(curves):
    first = _run(curves, TrainingConfig(lr=0.5))
    record = RunRecord(TrainingConfig(), TrainingConfig().sizes())
    record.add(ev.TrainingStarted(0, 0.0, 0.0, 1000, 100, 10_000, 1000))
    curves.session.add_run(record)  # Start: the earlier run dimmed, the new one's items later
    second = curves.current
    assert second.record is record and not second.items
    assert curves.runs[0].record is first and curves.runs[0].items["batch_loss"].isVisible()
    curves.refresh()  # anything that draws dims the earlier run and makes them first
    assert not curves.runs[0].items["batch_loss"].isVisible()
    assert set(second.items) >= {"batch_loss", "smooth_loss", "test_loss", "test_accuracy"}
    items = len(curves.plots.loss_plot.items)
    QTest.qWait(ITEMS_DELAY_MS + 20)  # the turn they were put off to makes nothing twice
    assert len(curves.plots.loss_plot.items) == items


def _evaluation(step: int, ce: float = 0.4, mse: float = 0.05, acc: float = 0.9):
    return ev.Evaluated(
        step,
        step / 100,
        step * 0.01,
        acc,
        ce,
        mse,
        acc + 0.01,
        ce - 0.01,
        mse,
        True,
        np.zeros((10, 10), np.int64),
        np.zeros(10, np.intp),
    )


@pytest.fixture
def curves(qtbot, qapp):
    c = CurvesPanel(Session(TrainingConfig(hidden=(3,)).make_network()))
    qtbot.addWidget(c)
    c.resize(700, 400)
    c.show()
    return c


def test_before_the_first_run_the_plots_say_what_will_appear_instead_of_empty_axes(curves):
    plots = curves.plots
    both = (plots.loss_plot, plots.accuracy_plot)
    for plot in both:
        assert not plot.getAxis("bottom").isVisible()  # no "steps" from -0.4 to 0.4
        assert not plot.getAxis("left").style["showValues"]
        assert plots.empty_texts[plot].isVisible()
    assert "Start" in plots.empty_texts[plots.loss_plot].textItem.toPlainText()
    assert "accuracy" in plots.empty_texts[plots.accuracy_plot].textItem.toPlainText()
    _run(curves, TrainingConfig())
    for plot in both:
        assert plot.getAxis("bottom").isVisible() and plot.getAxis("left").style["showValues"]
        assert not plots.empty_texts[plot].isVisible()


def test_series_buffer_grows_by_doubling_and_keeps_the_values():
    buf = SeriesBuffer(("a", "b"), capacity=4)
    buf.append(a=np.arange(3), b=np.ones(3))
    buf.append(a=np.arange(3, 10), b=np.zeros(7))
    assert len(buf) == 10 and buf.capacity >= 10
    np.testing.assert_array_equal(buf["a"], np.arange(10))
    np.testing.assert_array_equal(buf["b"], [1, 1, 1] + [0] * 7)


def test_updates_reuse_the_same_plot_items(curves):
    record = _run(curves, TrainingConfig())
    items = len(curves.plots.loss_plot.items), len(curves.plots.accuracy_plot.items)
    for i in range(50):
        _feed(record, 1 + 20 * i, 20)
        if i % 10 == 9:
            record.add(_evaluation(20 * (i + 1)))
        curves.refresh()
    assert (len(curves.plots.loss_plot.items), len(curves.plots.accuracy_plot.items)) == items
    run = curves.current
    assert len(run.batches) == 1000 and len(run.evals) == 5
    x, y = run.items["batch_loss"].getOriginalDataset()
    np.testing.assert_array_equal(x, np.arange(1, 1001))
    assert run.items["batch_loss"].opts["autoDownsample"]
    assert run.items["batch_loss"].opts["clipToView"]


def test_the_smoothed_line_is_the_debiased_ema_and_follows_the_slider(curves):
    record = _run(curves, TrainingConfig())
    loss = _losses(1, 200)
    _feed(record, 1, 120)
    curves.refresh()
    _feed(record, 121, 80)
    curves.refresh()
    expected, _ = ema(loss, curves.smoothing)
    np.testing.assert_allclose(curves.current.batches["smooth"], expected)
    assert curves.current.batches["smooth"][0] == pytest.approx(loss[0])  # debiased
    curves.smoothing_slider.setValue(50)
    assert curves.smoothing == pytest.approx(0.5)
    expected, _ = ema(loss, 0.5)
    np.testing.assert_allclose(curves.current.batches["smooth"], expected)
    curves.refresh()
    _, y = curves.current.items["smooth_loss"].getOriginalDataset()
    np.testing.assert_allclose(y, expected)


def test_both_test_losses_are_drawn_and_the_minimised_one_is_named(curves):
    record = _run(curves, TrainingConfig(loss="mse"))
    _feed(record, 1, 100)
    record.add(_evaluation(100, ce=0.7, mse=0.08))
    curves.refresh()
    items = curves.current.items
    _, minimised = items["test_loss"].getOriginalDataset()
    _, other = items["test_other"].getOriginalDataset()
    assert minimised.tolist() == [0.08] and other.tolist() == [0.7]
    labels = [label.text for _sample, label in curves.plots.loss_legend.items]
    assert any("MSE (minimised)" in t for t in labels)
    assert any("cross-entropy" in t and "minimised" not in t for t in labels)


def test_earlier_runs_stay_dimmed_and_labelled_until_cleared(curves):
    record = _run(curves, TrainingConfig(lr=0.5))
    _feed(record, 1, 100)
    record.add(_evaluation(100, acc=0.91))
    record = _run(curves, TrainingConfig(lr=0.1))
    first, second = curves.runs
    assert not first.items["batch_loss"].isVisible()
    assert first.items["smooth_loss"].opts["pen"].color().alpha() < 255
    curves.resize(1100, 400)
    line = curves.earlier_label.text()
    assert line.startswith("earlier run:") and "lr 0.5" in line and "91.0%" in line
    assert curves.clear_button.isEnabled()
    curves.clear_earlier()
    assert curves.runs == [second] and curves.session.runs == (second.record,)
    assert first.items["smooth_loss"] not in curves.plots.loss_plot.items


def _many_runs(curves) -> None:
    lrs = (1.0, 0.5, 0.3, 0.1, 0.05, 0.03)
    for i, lr in enumerate(lrs):
        record = _run(curves, TrainingConfig(lr=lr))
        _feed(record, 1, 100)
        record.add(_evaluation(100, acc=0.80 + i / 100))
    curves.refresh()


def test_the_loss_legend_stays_inside_its_plot_with_many_runs(curves):
    """Each earlier run once had a legend line of its own: after 3 or 4 runs the current run's
    test losses were pushed out under the axis; later the one line of the earlier runs still
    ran over the axis of the window's short plot. The earlier runs have one line above the
    plots, which names what tells them apart (here the learning rate) in their curves'
    colours."""
    _many_runs(curves)
    curves.resize(1100, 400)
    legend = curves.plots.loss_legend
    labels = [label.text for _sample, label in legend.items]
    assert len(labels) == 3  # the current run's entries only, however many runs
    assert "test MSE" in labels and any("minimised" in t for t in labels)
    earlier = curves.earlier_label.text()
    assert "2 older" in earlier  # runs 1 and 2; runs 3, 4, 5 are named
    for number, lr, acc in ((3, 0.3, "82.0%"), (4, 0.1, "83.0%"), (5, 0.05, "84.0%")):
        assert f"</b> {number}</span> lr {lr:g} → {acc}" in earlier
    box = curves.plots.loss_plot.vb.sceneBoundingRect()
    assert legend.isVisible() and box.contains(legend.sceneBoundingRect())


def test_the_earlier_runs_line_names_as_many_runs_as_its_room_holds(curves):
    _many_runs(curves)
    label = curves.earlier_label
    curves.resize(1100, 400)
    full = label.text()
    assert full.count("━") == 3 and "lr 0.3 → 82.0%" in full and not label.toolTip()
    curves.resize(900, 400)  # the newest run with its settings, the others counted
    line = label.text()
    assert line.count("━") < 3 and f"{5 - line.count('━')} older" in line
    assert "</b> 5</span> lr 0.05 → 84.0%" in line and label.toolTip() == full
    curves.resize(700, 400)  # their marks only
    assert "━" in label.text() and "→" not in label.text() and label.toolTip() == full
    curves.clear_earlier()
    assert not label.text() and not label.toolTip()


def test_a_legend_taller_than_its_plot_is_hidden_and_back_when_there_is_room(curves):
    """In a short window the bottom tabs leave the plots a strip: a legend taller than it
    covered the curves and ran over the axis."""
    _many_runs(curves)
    plots = curves.plots
    curves.resize(700, 140)
    assert plots.loss_plot.vb.height() < plots.loss_legend.boundingRect().height()
    assert not plots.loss_legend.isVisible()
    curves.resize(700, 400)
    assert plots.loss_legend.isVisible() and plots.accuracy_legend.isVisible()


def test_x_axis_by_step_epoch_and_time(curves):
    record = _run(curves, TrainingConfig())
    _feed(record, 1, 300)
    step = np.arange(1, 301)
    for mode, expected in (("epoch", step / 100), ("time", step * 0.01), ("step", step)):
        curves.set_x_mode(mode)
        x, _ = curves.current.items["smooth_loss"].getOriginalDataset()
        np.testing.assert_allclose(x, expected)
    with pytest.raises(ValueError):
        curves.set_x_mode("fortnights")


def test_log_scale_toggles(curves):
    record = _run(curves, TrainingConfig())
    _feed(record, 1, 100)
    curves.log_loss_box.setChecked(True)
    curves.log_x_box.setChecked(True)
    assert curves.plots.loss_plot.ctrl.logYCheck.isChecked()
    assert curves.plots.loss_plot.ctrl.logXCheck.isChecked()
    assert not curves.plots.accuracy_plot.ctrl.logYCheck.isChecked()


def test_export_csv_and_png(curves, tmp_path, monkeypatch):
    record = _run(curves, TrainingConfig())
    _feed(record, 1, 50)
    record.add(_evaluation(50))
    record = _run(curves, TrainingConfig(lr=0.1))
    _feed(record, 1, 30)
    path = tmp_path / "curves.csv"
    curves.export_csv(path)
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 50 + 1 + 30
    batches = [r for r in rows if r["run"] == "1" and r["kind"] == "batch"]
    np.testing.assert_allclose([float(r["batch_loss"]) for r in batches], _losses(1, 50))
    evaluation = [r for r in rows if r["kind"] == "evaluation"]
    assert len(evaluation) == 1 and float(evaluation[0]["test_mse"]) == 0.05
    assert {r["lr"] for r in rows if r["run"] == "2"} == {"0.1"}
    png = tmp_path / "curves.png"
    legend = curves.plots.loss_legend
    drawn = []  # the loss legend's lines as the picture is drawn
    render = QWidget.render
    monkeypatch.setattr(
        QWidget,
        "render",
        lambda widget, *a: (
            drawn.extend(label.text for _s, label in legend.items),
            render(widget, *a),
        ),
    )
    assert curves.export_png(png) and png.stat().st_size > 1000
    assert any(t.startswith("earlier run:") and "lr 1" in t for t in drawn)  # named on paper
    assert not any("earlier" in label.text for _s, label in legend.items)  # not on screen


def test_the_png_is_worth_printing_whatever_the_plots_size_on_screen(curves, qtbot, tmp_path):
    record = _run(curves, TrainingConfig())
    _feed(record, 1, 100)
    record.add(_evaluation(100))
    curves.resize(1000, 200)  # a short strip under the graph: the plots side by side
    qtbot.waitUntil(lambda: curves.plots.side_by_side)
    on_screen = curves.plots.graphics.size()
    png = tmp_path / "curves.png"
    assert curves.export_png(png)
    picture = QImage(str(png))
    assert picture.width() >= 1600 and picture.height() >= 1000  # was the strip's 986 x 148
    assert curves.plots.side_by_side and curves.plots.graphics.size() == on_screen


def test_the_loss_axis_ends_at_a_round_value_that_stays_while_the_loss_falls(curves):
    record = _run(curves, TrainingConfig())
    _feed(record, 1, 20)  # losses from 2.4 down
    curves.refresh()
    top = curves.plots.loss_plot.viewRange()[1][1]
    highest = float(curves.current.batches["loss"].max())
    assert highest < top <= 1.25 * highest  # close above the data
    assert top in (2.5, 3.0)  # a round value
    for i in range(10):
        _feed(record, 21 + 20 * i, 20)
        curves.refresh()
        assert curves.plots.loss_plot.viewRange()[1] == [0.0, top]  # no move, no axis redraw
    curves.log_loss_box.setChecked(True)  # a log axis fits itself again
    assert curves.plots.loss_plot.getViewBox().autoRangeEnabled()[1]


def test_after_start_the_earlier_run_is_dimmed_then_the_new_run_gets_its_items(curves):
    _run(curves, TrainingConfig(lr=0.5))
    record = RunRecord(TrainingConfig(), TrainingConfig().sizes())
    record.add(ev.TrainingStarted(0, 0.0, 0.0, 1000, 100, 10_000, 1000))
    curves.session.add_run(record)
    earlier, second = curves.runs
    deadline = time.monotonic() + 5.0
    while earlier.items["batch_loss"].isVisible() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
    assert not earlier.items["batch_loss"].isVisible()  # a turn of its own, before the items
    assert not second.items
    while not second.items and time.monotonic() < deadline:
        QCoreApplication.processEvents()
    assert second.items["smooth_loss"] in curves.plots.loss_plot.items
