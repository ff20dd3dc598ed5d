"""``nnviz bench --gui``: how training behaves with the window open (offscreen).

Measures, with the same TrainingConfig (the defaults, ``epochs`` epochs) and one BLAS thread,
Start pressed with the training panel's tab in front (as a learner presses it; the explorers
tabbed behind it do no work then):
- headless samples/s (``train()`` in a plain loop, as ``nnviz train``) and samples/s with the
  whole window training (curves, results, weights and the live layer graph), and their ratio;
- the largest gap between ticks of a 10 ms timer in the GUI thread while training (stalls,
  the worst of the runs), and separately the one at the click on Start (from the click to the
  first event of the worker: the new network is drawn before training);
- how often the curves were redrawn per second;
- the same window run with two BLAS threads, to show why the worker limits BLAS to one;
- the layer graph's animation frame rate (``measure_animation_fps`` of nnviz.gui.app).
"""

from __future__ import annotations

import os
import statistics
import sys
import time

from threadpoolctl import threadpool_limits

__all__ = ["run_gui_bench"]

_TICK_MS = 10  # the timer whose gaps reveal stalls of the GUI thread
_REPEATS = 5  # runs per measurement; the median is reported (the machine is shared, a 1-epoch
# run lasts a quarter of a second: one busy moment elsewhere moves a single run by 20%)
_RUN_TIMEOUT_S = 600  # a run that takes longer than this is reported as failed
_ANIMATION_S = 2.0  # seconds of forward-pass animation for the frame rate


def _quiet_offscreen(mode, context, message: str) -> None:
    """Qt messages during the bench: the offscreen plugin's notes about window hints are
    noise; anything else is still printed."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _headless_rate(config, dataset) -> float:
    from nnviz.core import events as ev
    from nnviz.core.training import train

    rate = 0.0
    with threadpool_limits(limits=1, user_api="blas"):
        for event in train(config, dataset):
            if isinstance(event, ev.BatchFinished):
                rate = event.samples_per_s
    return rate


def _window_run(app, window, config, blas_threads: int) -> dict:
    """One run started from the window's panel; returns its samples/s, stall and curve rate."""
    from PySide6.QtCore import QEventLoop, QTimer

    docks = window.training
    panel, curves, controller = docks.panel, docks.curves, docks.controller
    controller.worker.blas_threads = blas_threads
    docks.panel_dock.raise_()  # Start is pressed on the training panel: its tab is in front
    app.processEvents()
    panel.set_config(config)
    panel.same_weights.setChecked(True)  # every run starts from the same weights
    # one earlier run stays on the plots, as when a learner compares two runs: the figures
    # must not depend on how many runs the bench has made before (each adds dimmed curves)
    curves.clear_earlier()
    state = {
        "rate": 0.0,
        "last": 0.0,
        "max_gap": 0.0,  # while the worker trains (from TrainingStarted to the end)
        "start_gap": 0.0,  # before that: the click, a new network drawn, the thread starting
        "refreshes": 0,
        "training_since": None,
        "ended": None,
    }

    def on_batches(chunk) -> None:
        state["rate"] = chunk.samples_per_s

    def on_tick() -> None:
        now = time.perf_counter()
        key = "start_gap" if state["training_since"] is None else "max_gap"
        state[key] = max(state[key], now - state["last"])
        state["last"] = now

    def on_started(_event) -> None:
        on_tick()
        state["training_since"] = time.perf_counter()

    def on_refresh() -> None:
        if state["training_since"] is not None:
            state["refreshes"] += 1

    def on_ended(event) -> None:
        on_tick()
        state["ended"] = event
        state["training_time"] = time.perf_counter() - state["training_since"]
        loop.quit()

    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(_TICK_MS)
    timer.timeout.connect(on_tick)
    controller.batches.connect(on_batches)
    controller.started.connect(on_started)
    curves.refreshed.connect(on_refresh)
    controller.run_ended.connect(on_ended)
    controller.run_failed.connect(loop.quit)
    QTimer.singleShot(_RUN_TIMEOUT_S * 1000, loop.quit)
    try:
        timer.start()
        state["last"] = time.perf_counter()
        if not panel.start():
            raise RuntimeError(f"the training panel refused to start: {panel.config}")
        loop.exec()
    finally:
        timer.stop()
        controller.batches.disconnect(on_batches)
        controller.started.disconnect(on_started)
        curves.refreshed.disconnect(on_refresh)
        controller.run_ended.disconnect(on_ended)
        controller.shutdown()
    if state["ended"] is None:
        raise RuntimeError("the training run in the window did not finish")
    training = state["training_time"]
    return {
        "samples_per_s": state["rate"],
        "max_stall_ms": 1000.0 * state["max_gap"],
        "start_stall_ms": 1000.0 * state["start_gap"],
        "curve_hz": state["refreshes"] / training if training > 0 else 0.0,
        "seconds": training,
    }


def run_gui_bench(epochs: int = 1) -> dict:
    """Train with the window open (offscreen) and headless; return the figures as a dict."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QTemporaryDir, qInstallMessageHandler

    from nnviz.core.datasets import load_dataset
    from nnviz.core.training import TrainingConfig
    from nnviz.gui import app as gui_app

    qapp = gui_app.make_app()
    previous = qInstallMessageHandler(_quiet_offscreen)
    dataset = load_dataset("mnist")
    dataset.train, dataset.test  # noqa: B018 (read before anything is timed)
    config = TrainingConfig(epochs=epochs)

    settings_dir = QTemporaryDir()
    settings = QSettings(os.path.join(settings_dir.path(), "bench.ini"), QSettings.Format.IniFormat)
    window = gui_app.build_window(remember_layout=False, settings=settings)
    window.resize(1280, 820)
    window.show()
    for _ in range(5):
        qapp.processEvents()
    headless, one, two = [], [], []
    try:
        _window_run(qapp, window, config, blas_threads=1)  # warm-up: first drawing of it all
        for _ in range(_REPEATS):  # interleaved, so a busy moment of the machine hits all three
            headless.append(_headless_rate(config, dataset))
            one.append(_window_run(qapp, window, config, blas_threads=1))
            two.append(_window_run(qapp, window, config, blas_threads=2))
        fps = gui_app.measure_animation_fps(window, _ANIMATION_S)
    finally:
        window.close()
        window.deleteLater()
        qapp.processEvents()
        qInstallMessageHandler(previous)

    headless_rate = statistics.median(headless)
    gui_rate = statistics.median(r["samples_per_s"] for r in one)
    gui_rate_2 = statistics.median(r["samples_per_s"] for r in two)
    return {
        "gui_train_ratio": round(gui_rate / headless_rate, 3) if headless_rate else None,
        "max_stall_ms": round(max(r["max_stall_ms"] for r in one), 1),
        "start_stall_ms": round(max(r["start_stall_ms"] for r in one), 1),
        "curve_hz": round(statistics.median(r["curve_hz"] for r in one), 1),
        "animation_fps": round(fps, 1),
        "headless_samples_per_s": round(headless_rate),
        "gui_samples_per_s": round(gui_rate),
        "gui_samples_per_s_2_blas_threads": round(gui_rate_2),
        "blas_1_over_2_threads": round(gui_rate / gui_rate_2, 2) if gui_rate_2 else None,
        "max_stall_ms_2_blas_threads": round(max(r["max_stall_ms"] for r in two), 1),
        "epochs": epochs,
        "runs": _REPEATS,
        "cores": os.cpu_count(),
        "qt_platform": qapp.platformName(),
    }
