"""Start-up: the display check, the first network, screenshots, the frame-rate measurement."""

from __future__ import annotations

import os
import signal

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMainWindow

from nnviz.cli import build_parser
from nnviz.gui import app
from nnviz.gui.main_window import MainWindow


def _args(out, **kw):
    """``nnviz screenshot OUT`` as the command line parses it, with ``kw`` set."""
    args = build_parser().parse_args(["screenshot", str(out)])
    vars(args).update(kw)
    return args


def test_no_display_is_reported_in_one_line(monkeypatch):
    monkeypatch.setattr(app.sys, "platform", "linux")
    msg = app.display_problem({"QT_QPA_PLATFORM": ""}, find_library=lambda name: "lib.so")
    assert msg is not None and "\n" not in msg
    assert "no display found" in msg


def test_missing_xcb_libraries_are_named(monkeypatch):
    monkeypatch.setattr(app.sys, "platform", "linux")
    env = {"DISPLAY": ":0"}
    msg = app.display_problem(env, find_library=lambda name: None if "cursor" in name else "x.so")
    assert "libxcb-cursor0" in msg and "libxcb-icccm4" not in msg
    assert app.display_problem(env, find_library=lambda name: "x.so") is None


def test_offscreen_and_wayland_need_no_x11(monkeypatch):
    monkeypatch.setattr(app.sys, "platform", "linux")
    none = lambda name: None  # noqa: E731
    assert app.display_problem({"QT_QPA_PLATFORM": "offscreen"}, find_library=none) is None
    assert app.display_problem({"WAYLAND_DISPLAY": "wayland-0"}, find_library=none) is None


def test_the_default_model_opens(qapp):
    network, path, message = app.initial_network(None)
    assert network.sizes == (784, 50, 100, 10) and path.name == "default.npz" and not message


def test_a_missing_default_model_falls_back_to_random_weights(monkeypatch, tmp_path, qapp):
    monkeypatch.setattr(app, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    network, path, message = app.initial_network(None)
    assert path is None and "random weights" in message
    window = app.build_window(remember_layout=False)
    assert window.network_view is not None
    window.close()


def test_screenshot_writes_the_requested_state(tmp_path, qapp):
    out = tmp_path / "shot.png"
    assert app.screenshot(_args(out, sample=3, stage="a2", size="1100x700")) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1100, 700)


def test_screenshot_accepts_a_stage_number(tmp_path, qapp):
    assert app.screenshot(_args(tmp_path / "s.png", stage="6")) == 0


@pytest.mark.parametrize("stage", ["E", "dE/da3", "dE/dW2", "dE/dz1", "dE/db1", "ΔW1", "update"])
def test_screenshot_renders_each_backward_stage(tmp_path, qapp, stage):
    out = tmp_path / "backward.png"
    assert app.screenshot(_args(out, sample=8, stage=stage, size="1000x640")) == 0
    assert QImage(str(out)).width() == 1000


@pytest.mark.parametrize(
    "bad", [dict(stage="z9"), dict(size="big"), dict(model="/nonexistent/model.npz")]
)
def test_screenshot_reports_bad_arguments(tmp_path, qapp, capsys, bad):
    assert app.screenshot(_args(tmp_path / "s.png", **bad)) == 1
    err = capsys.readouterr().err
    assert err.startswith("nnviz: ") and err.count("\n") == 1


def test_measure_animation_fps_counts_frames(qapp, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = app.build_window(remember_layout=False, settings=settings)
    window.show()
    fps = app.measure_animation_fps(window, seconds=0.5)
    assert fps > 0
    assert window.network_view.player.animation is None
    window.close()


def test_lang_sets_the_language_for_this_run_only_and_the_window_drives_the_same_manager(
    qapp, tmp_path
):
    manager = app.language_manager(qapp)
    assert app.language_manager(qapp) is manager  # one per application
    stored = QSettings("nnviz", "nnviz")  # where the application's manager remembers
    remembered = stored.value("ui/language")
    font = qapp.font()
    try:
        app.make_app("ko")
        assert manager.language == "ko"
        assert stored.value("ui/language") == remembered  # --lang is not remembered
        assert qapp.font().families()[0] in app.korean_families()
        settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
        window = app.build_window(remember_layout=False, settings=settings)
        assert window.languages is manager
        assert window.menus.language_actions["ko"].isChecked()
        window.close()
    finally:
        manager.set_language("en", remember=False)
        qapp.setFont(font)


def test_an_unknown_lang_is_reported_and_the_app_still_starts(qapp, capsys):
    manager = app.language_manager(qapp)
    font = qapp.font()
    try:
        app.make_app("xx")
        assert "unknown language 'xx'" in capsys.readouterr().err
        assert manager.language in ("en", "ko")
    finally:
        manager.set_language("en", remember=False)
        qapp.setFont(font)


def test_screenshot_can_train_first_with_the_windows_own_controls(tmp_path, qapp, monkeypatch):
    seen = {}
    train_in_window = app._train_in_window

    def spy(application, window, epochs):
        problem = train_in_window(application, window, epochs)
        seen["state"] = window.training.controller.state.value
        seen["steps"] = window.training.panel.form.text("epochs")
        return problem

    def grab(window):  # what the picture shows: the Results tab of the trained network
        seen["evaluation"] = window.training.results.evaluation
        return QMainWindow.grab(window)

    monkeypatch.setattr(app, "_train_in_window", spy)
    monkeypatch.setattr(MainWindow, "grab", grab)
    out = tmp_path / "trained.png"
    assert app.screenshot(_args(out, train_epochs=1, tab="results", size="1200x800")) == 0
    assert seen["state"] == "finished" and seen["steps"] == "1"
    assert seen["evaluation"] is not None and seen["evaluation"].accuracy > 0.85
    assert QImage(str(out)).width() == 1200


def test_a_run_in_the_smallest_window_leaves_its_legends_fitted(tmp_path, qapp, monkeypatch):
    """At 1280 x 680 the curves' plots are a strip shorter than the loss legend: hiding the
    legend once recursed until Python's stack ran out (hiding it reports a change of its
    geometry before it is hidden) and the window crashed."""
    seen = {}

    def grab(window):
        plots = window.training.curves.plots
        seen["loss"] = (plots.loss_legend.isVisible(), plots.loss_plot.vb.height())
        seen["height"] = plots.loss_legend.boundingRect().height()
        return QMainWindow.grab(window)

    monkeypatch.setattr(MainWindow, "grab", grab)
    out = tmp_path / "small.png"
    assert app.screenshot(_args(out, train_epochs=1, stage="y", size="1280x680")) == 0
    visible, room = seen["loss"]
    assert visible == (seen["height"] <= room + 1)
    assert QImage(str(out)).height() == 680


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_ctrl_c_in_the_terminal_closes_the_window_quietly(qapp, qtbot, signum):
    window = app.build_window(remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    before = signal.getsignal(signum)
    with app._close_on_interrupt(window):
        os.kill(os.getpid(), signum)
        qtbot.waitUntil(lambda: not window.isVisible())
    assert signal.getsignal(signum) is before
