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
- the same window run with the Diagnostics tab (per-layer plots and hints) in front;
- the layer graph's animation frame rate (``measure_animation_fps`` of nnviz.gui.app);
- with the window idle, before any training: each Right / Left step through every stage of
  the trace (forward and backward), from the key to the end of the repaint it causes
  (``measure_stage_steps``), and each pen move of a stroke drawn on the Draw tab at stage y,
  from the move to the end of the pad's repaint that shows it (``measure_drawing``);
- the time from starting ``python -m nnviz`` to the window shown, over several processes
  (``measure_startup``);
- the same window run while the timeline is dragged back and forth (``gui_train_ratio_scrubbing``:
  how much dragging slows training);
- scrubbing a recorded 1-epoch run of the default network opened in the window: each move of
  the timeline to the next kept snapshot, from the move to the end of the repaints it causes
  (``measure_scrub``), and the memory the window takes for two recorded runs
  (``measure_runs_memory``).
- each Next of the guided lesson, from the click to the end of the repaint it causes, over all
  its steps (``measure_lesson_steps``): the first pass (each panel shown for the first time)
  and later ones.
"""

from __future__ import annotations

import math
import os
import statistics
import subprocess
import sys
import tempfile
import time

from threadpoolctl import threadpool_limits

__all__ = [
    "measure_drawing",
    "measure_runs_memory",
    "measure_scrub",
    "measure_lesson_steps",
    "measure_stage_steps",
    "measure_startup",
    "run_gui_bench",
]

_TICK_MS = 10  # the timer whose gaps reveal stalls of the GUI thread
_REPEATS = 5  # runs per measurement; the median is reported (the machine is shared, a 1-epoch
# run lasts a quarter of a second: one busy moment elsewhere moves a single run by 20%)
_RUN_TIMEOUT_S = 600  # a run that takes longer than this is reported as failed
_ANIMATION_S = 2.0  # seconds of forward-pass animation for the frame rate
_STAGE_PASSES = 2  # measured passes over the trace (Right to its end, Left back), after one
# pass that is not measured (the first backward step opens "How it learns" under the graph)
_PEN_MOVES = 90  # pen moves of the synthetic stroke: a digit drawn in about 0.75 s
_PEN_MOVE_MS = 8  # between two moves: a mouse reporting 125 times a second
_LESSON_PASSES = 3  # passes through the lesson's steps (the first one is reported apart)
_STARTUP_RUNS = 5  # processes started for startup_ms (the median is reported)
_STARTUP_TIMEOUT_S = 120
_SCRUB_MOVE_MS = 50  # a drag moving the timeline 20 times a second while the window trains
_SCRUB_EPOCHS = 1  # the recorded run scrubbed: 600 steps, 268 kept snapshots
_MEMORY_EPOCHS = 20  # each of the two recorded runs whose memory in the window is measured
# Run in a new process (``python -c``): starts the window exactly as ``python -m nnviz`` does
# and prints the monotonic clock and the process's CPU time once the window's first paint is
# done, then quits. The clock is system-wide, so the parent compares it with its own.
_STARTUP_PROBE = """
import runpy, sys, time
from PySide6.QtCore import QCoreApplication, QTimer
from nnviz.gui.main_window import MainWindow

def shown():
    print("shown", time.monotonic(), time.process_time(), flush=True)
    QCoreApplication.instance().quit()

first_paint = MainWindow.paintEvent
def paint(window, event):
    MainWindow.paintEvent = first_paint
    first_paint(window, event)
    QTimer.singleShot(0, shown)  # after the whole paint pass

MainWindow.paintEvent = paint
sys.argv = ["nnviz"]
runpy.run_module("nnviz", run_name="__main__")
"""


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


def _window_run(
    app, window, config, blas_threads: int, diagnostics: bool = False, scrub: bool = False
) -> dict:
    """One run started from the window's panel; returns its samples/s, stall and curve rate.
    ``diagnostics``: the Diagnostics tab (plots and hints) is in front while it trains, in
    place of the curves. ``scrub``: meanwhile the learner drags the timeline back and forth
    over the run's kept steps (a move every ``_SCRUB_MOVE_MS``), and the whole window follows
    each move."""
    from PySide6.QtCore import QEventLoop, QTimer

    docks = window.training
    panel, curves, controller = docks.panel, docks.curves, docks.controller
    controller.worker.blas_threads = blas_threads
    app.processEvents()  # what the end of the run before left to do (its results shown)
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
        if diagnostics:  # after Start brought the curves to the front
            docks.tabs.setCurrentWidget(docks.coach)

    def on_refresh() -> None:
        if state["training_since"] is not None:
            state["refreshes"] += 1

    def on_ended(event) -> None:
        on_tick()
        state["ended"] = event
        state["training_time"] = time.perf_counter() - state["training_since"]
        loop.quit()

    timeline = docks.curves.timeline
    moves = {"n": 0}

    def on_scrub() -> None:
        top = timeline.slider.maximum()
        if top > 0:  # back and forth over the kept steps so far
            moves["n"] += 1
            sweep = moves["n"] % (2 * top)
            timeline.slider.setValue(sweep if sweep <= top else 2 * top - sweep)

    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(_TICK_MS)
    timer.timeout.connect(on_tick)
    scrubber = QTimer()
    scrubber.setInterval(_SCRUB_MOVE_MS)
    scrubber.timeout.connect(on_scrub)
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
        if scrub:
            scrubber.start()
        loop.exec()
    finally:
        timer.stop()
        scrubber.stop()
        timeline.show_latest()
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


def _repaint(app) -> None:
    """Handle what is posted (the updates a change asked for, the repaint they cause, and any
    update that repaint asks for in turn)."""
    app.processEvents()
    app.processEvents()


def measure_stage_steps(app, window, passes: int = _STAGE_PASSES) -> list[float]:
    """Milliseconds of each Right and Left press through every stage of the window's trace,
    from the key to the end of the repaint it causes; the animation a step starts is run to
    its end before the next press (the window is idle). One pass (Right to the last stage,
    Left back to the first) is made before ``passes`` measured ones."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    view, session = window.network_view, window.session
    session.set_stage_index(0)
    view.setFocus()
    _repaint(app)
    times: list[float] = []
    for measured in [False] + [True] * passes:
        steps = len(session.trace) - 1
        for key in [Qt.Key.Key_Right] * steps + [Qt.Key.Key_Left] * steps:
            start = time.perf_counter()
            QTest.keyClick(view, key)  # the action's shortcut: the Session steps, views follow
            _repaint(app)
            if measured:
                times.append(1000.0 * (time.perf_counter() - start))
            view.finish_animation()
            _repaint(app)
    return times


def measure_lesson_steps(
    app, window, passes: int = _LESSON_PASSES
) -> list[list[tuple[float, float]]]:
    """Milliseconds of each click on the lesson's Next, from step 1 to the last, from the click
    to the end of the repaint it causes (the step's panel brought forward and drawn): (wall
    time, CPU time of the GUI thread), the second telling the window's own work from the
    waiting a loaded machine adds. One list per pass, the first made with every panel drawn
    for the first time (``open_lesson`` goes back to step 1 between passes, not timed)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from nnviz.gui.app import open_lesson

    panel = window.lesson_panel
    times: list[list[tuple[float, float]]] = []
    for _ in range(passes):
        open_lesson(window, 0)
        _repaint(app)
        window.network_view.finish_animation()
        this_pass = []
        for _step in range(len(panel) - 1):
            start, start_cpu = time.perf_counter(), time.thread_time()
            QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
            _repaint(app)
            wall, cpu = time.perf_counter() - start, time.thread_time() - start_cpu
            this_pass.append((1000.0 * wall, 1000.0 * cpu))
            window.network_view.finish_animation()
            _repaint(app)
        times.append(this_pass)
    return times


def _stroke(width: float, height: float, moves: int) -> list[tuple[float, float]]:
    """Points of a looping stroke (a 2 drawn with a flourish) inside a width x height pad."""
    points = []
    for i in range(moves):
        t = i / max(moves - 1, 1)
        angle = 2.5 * math.pi * t
        x = 0.5 + 0.3 * math.sin(angle) * (1 - 0.4 * t)
        y = 0.2 + 0.6 * t + 0.12 * math.cos(angle)
        points.append((x * width, y * height))
    return points


def measure_drawing(
    app, window, moves: int = _PEN_MOVES, interval_ms: float = _PEN_MOVE_MS
) -> list[float]:
    """Milliseconds from each pen move of a stroke drawn on the Draw tab's pad at stage y (moves
    posted at a mouse's pace, as a learner draws) to the end of the pad's repaint that shows
    it. Whatever the window does meanwhile runs as it does for a learner (the pad's preview
    and answer while drawing); the measure ends once the Session has the drawing (after the
    pen lifts), so that the window is left showing it."""
    from PySide6.QtCore import QEvent, QObject, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtTest import QTest

    from nnviz.core.trace import Kind

    window.raise_panel("Draw")
    canvas = window.drawing_pad.canvas
    _repaint(app)
    window.session.set_stage(Kind.OUTPUT)
    _repaint(app)
    posted: list[float] = []  # when each move was posted
    handled = 0  # moves the pad has taken so far
    latencies: list[float] = []

    class PaintClock(QObject):
        """Counts the moves the pad takes and times the end of each of its repaints."""

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt)
            nonlocal handled
            if event.type() == QEvent.Type.MouseMove:
                handled += 1
            elif event.type() == QEvent.Type.Paint:
                watched.event(event)  # paint now, to know when the painting ends
                end = time.perf_counter()
                latencies.extend(1000.0 * (end - t) for t in posted[len(latencies) : handled])
                return True
            return False

    clock = PaintClock()
    canvas.installEventFilter(clock)
    points = [QPointF(x, y) for x, y in _stroke(canvas.width(), canvas.height(), moves + 1)]
    try:
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=points[0].toPoint())
        _repaint(app)
        start = time.perf_counter()
        for i, point in enumerate(points[1:]):
            due = start + i * interval_ms / 1000.0
            while time.perf_counter() < due:  # the GUI thread works meanwhile, as it would
                app.processEvents()
            posted.append(time.perf_counter())
            move = QMouseEvent(
                QEvent.Type.MouseMove,
                point,
                canvas.mapToGlobal(point),
                Qt.MouseButton.NoButton,
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
            )
            app.postEvent(canvas, move)
        deadline = time.perf_counter() + 5.0
        while len(latencies) < len(posted) and time.perf_counter() < deadline:
            app.processEvents()
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=points[-1].toPoint())
        deadline = time.perf_counter() + 5.0
        while window.session.sample_split is not None and time.perf_counter() < deadline:
            app.processEvents()  # the drawing is handed to the Session once the pen lifts
        _repaint(app)
    finally:
        canvas.removeEventFilter(clock)
    if len(latencies) < len(posted):
        raise RuntimeError("the drawing pad did not repaint after every pen move")
    return latencies


def _recorded_run(config, dataset):
    """A run of ``config`` on ``dataset`` trained headless, with its record (as `nnviz train
    --record` makes it)."""
    from nnviz.core.recording import RunRecord
    from nnviz.core.training import train

    record = RunRecord.for_run(
        config, dataset.input_size, dataset.num_classes, len(dataset.train), dataset="mnist"
    )
    with threadpool_limits(limits=1, user_api="blas"):
        for event in train(config, dataset, snapshot_steps=record.schedule):
            record.add(event)
    return record


def _open_without_asking(window, record) -> None:
    """Show ``record`` in the window as File > Open run does, answering Discard if asked."""
    from PySide6.QtWidgets import QMessageBox

    ask = window.ask_to_save
    window.ask_to_save = lambda: QMessageBox.StandardButton.Discard
    try:
        if not window.show_run(record, window.session.dataset):
            raise RuntimeError("the window refused the recorded run")
    finally:
        window.ask_to_save = ask


def measure_scrub(app, window, record) -> list[float]:
    """Milliseconds of each move of the timeline (as a drag moves its slider) from the first
    kept snapshot of ``record`` (opened in the window) to the next, through all of them: from
    the move to the end of the repaints it causes (the graph, the visible explorers, the
    curves' cursor and the timeline's label). The Results tab's redraw is left out when it is
    in front: it waits for a burst of moves to end (``_REDRAW_MS``)."""
    _open_without_asking(window, record)
    timeline = window.training.curves.timeline
    window.training.curves.refresh()
    _repaint(app)
    timeline.slider.setValue(0)
    _repaint(app)
    times = []
    for index in range(1, timeline.slider.maximum() + 1):
        start = time.perf_counter()
        timeline.slider.setValue(index)  # what each step of a drag does
        _repaint(app)
        times.append(1000.0 * (time.perf_counter() - start))
    if window.session.shown_step != int(record.snapshot_steps[-1]):
        raise RuntimeError("the scrubbed window does not show the run's last kept step")
    timeline.show_latest()
    return times


def _rss_mb() -> float:
    """The resident memory of this process now, MB (Linux; elsewhere its peak)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def measure_runs_memory(app, window, config, dataset) -> dict:
    """The window's memory before and after it opened two recorded runs of ``config`` (the
    second with another seed) from their files, as File > Open run does: MB."""
    import gc

    from nnviz.core.recording import RunRecord

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for seed in (0, 1):
            record = _recorded_run(config.with_(seed=config.seed + seed), dataset)
            paths.append(record.save(os.path.join(folder, f"run{seed}.npz")))
            del record
        window.session.remove_earlier_runs()
        gc.collect()
        _repaint(app)
        before = _rss_mb()
        records = [RunRecord.load(p) for p in paths]
        for record in records:
            _open_without_asking(window, record)
            window.training.curves.refresh()
            _repaint(app)
        del records
        gc.collect()
        after = _rss_mb()
    sizes = [run.nbytes for run in window.session.runs[-2:]]
    return {
        "window_rss_mb": round(after, 1),
        "two_runs_mb": round(after - before, 1),
        "two_runs_record_mb": round(sum(sizes) / 2**20, 1),
    }


def _compile_nnviz() -> None:
    """Write the bytecode of nnviz's modules where it is missing (quietly; a read-only
    install already has it or cannot have it)."""
    import compileall

    import nnviz

    for folder in nnviz.__path__:
        try:
            compileall.compile_dir(folder, quiet=2)
        except OSError:
            pass


def measure_startup(runs: int = _STARTUP_RUNS) -> list[tuple[float, float]]:
    """(wall ms, CPU ms) from starting ``python -m nnviz`` to its window shown (its first
    paint done), for ``runs`` processes one after the other: offscreen, with the settings of a
    fresh user (no remembered layout). nnviz's modules are compiled first, as ``pip install``
    leaves them: where Python writes no bytecode (PYTHONDONTWRITEBYTECODE, a source checkout)
    every start would otherwise compile them again, about 0.3 s."""
    _compile_nnviz()
    results = []
    with tempfile.TemporaryDirectory() as config:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            XDG_CONFIG_HOME=config,  # QSettings("nnviz", "nnviz") of a first start
        )
        for _ in range(runs):
            start = time.monotonic()
            done = subprocess.run(
                [sys.executable, "-c", _STARTUP_PROBE],
                env=env,
                capture_output=True,
                text=True,
                timeout=_STARTUP_TIMEOUT_S,
            )
            lines = [line.split() for line in done.stdout.splitlines() if line.startswith("shown")]
            if done.returncode != 0 or not lines:
                raise RuntimeError(f"nnviz did not start: {done.stderr.strip()[-500:]}")
            shown, cpu = float(lines[0][1]), float(lines[0][2])
            results.append((1000.0 * (shown - start), 1000.0 * cpu))
    return results


def run_gui_bench(epochs: int = 1, memory_epochs: int = _MEMORY_EPOCHS) -> dict:
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
    startup = measure_startup()
    window.resize(1280, 820)
    window.show()
    for _ in range(5):
        qapp.processEvents()
    # the panels hidden at start, which the window makes once idle (within a second of
    # showing), made now: their building would otherwise land in whatever is timed next
    window.build_all_panels()
    qapp.processEvents()
    headless, one, two, diag, scrubbing = [], [], [], [], []
    try:
        steps = measure_stage_steps(qapp, window)
        drawing = measure_drawing(qapp, window)
        lesson = measure_lesson_steps(qapp, window)
        window.lesson_dock.hide()
        window.session.show_test_sample(0)  # the test digit again, for the scrubbing and runs
        scrub = measure_scrub(
            qapp, window, _recorded_run(config.with_(epochs=_SCRUB_EPOCHS), dataset)
        )
        memory = measure_runs_memory(qapp, window, config.with_(epochs=memory_epochs), dataset)
        _window_run(qapp, window, config, blas_threads=1)  # warm-up: first drawing of it all
        for _ in range(_REPEATS):  # interleaved, so a busy moment of the machine hits all three
            headless.append(_headless_rate(config, dataset))
            one.append(_window_run(qapp, window, config, blas_threads=1))
            two.append(_window_run(qapp, window, config, blas_threads=2))
            diag.append(_window_run(qapp, window, config, blas_threads=1, diagnostics=True))
            scrubbing.append(_window_run(qapp, window, config, blas_threads=1, scrub=True))
        fps = gui_app.measure_animation_fps(window, _ANIMATION_S)
    finally:
        window.close()
        window.deleteLater()
        qapp.processEvents()
        qInstallMessageHandler(previous)

    headless_rate = statistics.median(headless)
    gui_rate = statistics.median(r["samples_per_s"] for r in one)
    gui_rate_2 = statistics.median(r["samples_per_s"] for r in two)
    diag_rate = statistics.median(r["samples_per_s"] for r in diag)
    scrub_rate = statistics.median(r["samples_per_s"] for r in scrubbing)
    return {
        "gui_train_ratio": round(gui_rate / headless_rate, 3) if headless_rate else None,
        "max_stall_ms": round(max(r["max_stall_ms"] for r in one), 1),
        "start_stall_ms": round(max(r["start_stall_ms"] for r in one), 1),
        "curve_hz": round(statistics.median(r["curve_hz"] for r in one), 1),
        "animation_fps": round(fps, 1),
        "stage_step_ms_max": round(max(steps), 1),
        "stage_step_ms_median": round(statistics.median(steps), 1),
        "lesson_step_ms_max": round(max(w for p in lesson[1:] for w, _ in p), 1),
        "lesson_step_ms_median": round(statistics.median(w for p in lesson[1:] for w, _ in p), 1),
        "lesson_step_cpu_ms_max": round(max(c for p in lesson[1:] for _, c in p), 1),
        "lesson_step_ms_first_pass_max": round(max(w for w, _ in lesson[0]), 1),
        "draw_ms_max": round(max(drawing), 1),
        "draw_ms_median": round(statistics.median(drawing), 1),
        "gui_train_ratio_scrubbing": round(scrub_rate / headless_rate, 3)
        if headless_rate
        else None,
        "max_stall_ms_scrubbing": round(max(r["max_stall_ms"] for r in scrubbing), 1),
        "scrub_ms_max": round(max(scrub), 1),
        "scrub_ms_median": round(statistics.median(scrub), 1),
        "scrub_moves": len(scrub),
        "two_runs_epochs": memory_epochs,
        **memory,
        "startup_ms": round(statistics.median(wall for wall, _ in startup)),
        "startup_ms_max": round(max(wall for wall, _ in startup)),
        "startup_cpu_ms": round(statistics.median(cpu for _, cpu in startup)),
        "headless_samples_per_s": round(headless_rate),
        "gui_samples_per_s": round(gui_rate),
        "gui_samples_per_s_2_blas_threads": round(gui_rate_2),
        "blas_1_over_2_threads": round(gui_rate / gui_rate_2, 2) if gui_rate_2 else None,
        "max_stall_ms_2_blas_threads": round(max(r["max_stall_ms"] for r in two), 1),
        # the same runs with the Diagnostics tab (per-layer plots and hints) in front
        "gui_samples_per_s_diagnostics": round(diag_rate),
        "gui_train_ratio_diagnostics": round(diag_rate / headless_rate, 3)
        if headless_rate
        else None,
        "max_stall_ms_diagnostics": round(max(r["max_stall_ms"] for r in diag), 1),
        "epochs": epochs,
        "runs": _REPEATS,
        "cores": os.cpu_count(),
        "qt_platform": qapp.platformName(),
    }
