"""Starting the window: the QApplication, the first network and sample, ``nnviz screenshot``
and the animation frame-rate measurement.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import os
import signal
import sys
import time
from pathlib import Path
from time import perf_counter

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication
from threadpoolctl import threadpool_limits

from nnviz.core.datasets import load_dataset
from nnviz.core.errors import ModelFileError, NnvizError
from nnviz.core.model_io import load_model
from nnviz.core.network import Network
from nnviz.core.recording import RunRecord
from nnviz.core.trace import Direction, Kind
from nnviz.gui import style
from nnviz.gui.i18n import LanguageManager, tr
from nnviz.gui.main_window import MainWindow
from nnviz.gui.run_files import run_dataset
from nnviz.gui.session import Session
from nnviz.paths import resource_path

_XCB_LIBS = {  # library name for find_library -> Debian/Ubuntu package
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
}
_SETTLE_MS = 200  # before measuring the frame rate
_REDRAWS_MS = 400  # longer than any view's wait before it redraws a burst of changes
_POLL_MS = 50  # how often the screenshot's waits look again
_HEADLESS_PLATFORMS = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay"}


# ---------------------------------------------------------------------- start-up checks
def display_problem(
    environ: dict | None = None, find_library=ctypes.util.find_library
) -> str | None:
    """One readable line when Qt could not open a window here, else None (Linux only)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if platform in _HEADLESS_PLATFORMS:
        return None
    wayland = bool(env.get("WAYLAND_DISPLAY")) and platform in ("", "wayland")
    if wayland:
        return None
    problems = []
    if not env.get("DISPLAY"):
        problems.append("no display found (DISPLAY and WAYLAND_DISPLAY are not set)")
    missing = [pkg for lib, pkg in _XCB_LIBS.items() if find_library(lib) is None]
    if missing:
        problems.append(
            "Qt's X11 plugin needs " + ", ".join(missing) + f" (apt install {' '.join(missing)})"
        )
    if not problems:
        return None
    return (
        "nnviz: cannot open a window: "
        + "; ".join(problems)
        + ". `nnviz screenshot OUT.png` works without a display."
    )


def korean_families() -> list[str]:
    """Font families that have Hangul: the system's, else the one bundled in resources/fonts."""
    korean = QFontDatabase.families(QFontDatabase.WritingSystem.Korean)
    if not korean:
        font_dir = resource_path("fonts")
        for path in sorted(Path(font_dir).glob("*.ttf")) if font_dir.is_dir() else []:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                korean.extend(QFontDatabase.applicationFontFamilies(font_id))
    preferred = [f for f in korean if "nanumgothic" == f.replace(" ", "").lower()]
    return preferred + [f for f in korean if f not in preferred]


def _ensure_fonts(app: QApplication, lang: str | None) -> None:
    """Give the application font a Hangul family: first for a Korean interface (one look for
    every letter), else as the fallback after the usual family, so that switching to Korean at
    run time, or a Korean file name, still renders. Widgets, pyqtgraph's labels and the
    graph's text items all take their font from the application's (style.ui_font)."""
    korean = korean_families()
    if not korean:
        return
    font = QFont(app.font())
    others = [f for f in font.families() if f not in korean] or [font.family()]
    first_korean = bool(lang) and lang.lower().startswith("ko")
    font.setFamilies([korean[0], *others] if first_korean else [*others, korean[0]])
    app.setFont(font)


def _light_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, style.PANEL_BACKGROUND),
        (QPalette.ColorRole.WindowText, style.TEXT),
        (QPalette.ColorRole.Base, style.BACKGROUND),
        (QPalette.ColorRole.AlternateBase, style.FAINT_FILL),
        (QPalette.ColorRole.Text, style.TEXT),
        (QPalette.ColorRole.Button, style.BUTTON),
        (QPalette.ColorRole.ButtonText, style.TEXT),
        (QPalette.ColorRole.Highlight, style.SELECTION),
        (QPalette.ColorRole.HighlightedText, style.SELECTION_TEXT),
        (QPalette.ColorRole.ToolTipBase, style.BACKGROUND),
        (QPalette.ColorRole.ToolTipText, style.TEXT),
        (QPalette.ColorRole.PlaceholderText, style.MUTED),
    ):
        palette.setColor(role, QColor(colour))
    # greyed-out text for disabled controls (setColor above set every group, disabled too),
    # so settings locked during training look locked
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(disabled, role, QColor(style.DISABLED_TEXT))
    palette.setColor(disabled, QPalette.ColorRole.Base, QColor(style.FAINT_FILL))
    return palette


# Qt's raster engine shares big fills out among a pool of threads and waits for them: on a
# 2-core machine that also trains, the painting thread then waits for a core (stage steps and
# the stalls while training took about a quarter longer). One thread paints.
_QT_ENVIRONMENT = {"QT_NO_GUI_THREADPOOL": "1"}
# NumPy in the window's own thread (traces, the test-set evaluation) uses one BLAS thread: a
# second one spins for a core that the trainer or the drawing needs (the evaluation at
# start-up took 0.1-0.5 s instead of 20-60 ms on a busy 2-core machine). The trainer sets its
# own (TrainingWorker.blas_threads).
_GUI_BLAS_THREADS = 1


def make_app(lang: str | None = None) -> QApplication:
    """The QApplication (created once): light Fusion style, fonts, translations; one thread
    paints and one BLAS thread computes in the window's thread."""
    app = QApplication.instance()
    if app is None:
        for name, value in _QT_ENVIRONMENT.items():
            os.environ.setdefault(name, value)
        threadpool_limits(limits=_GUI_BLAS_THREADS, user_api="blas")
        app = QApplication(sys.argv[:1])
        app.setOrganizationName("nnviz")
        app.setApplicationName("nnviz")
        app.setStyle("Fusion")
        app.setPalette(_light_palette())
    manager = language_manager(app)
    try:
        chosen = manager.initial_language(lang)
    except ValueError as exc:
        print(f"nnviz: {exc}", file=sys.stderr)
        chosen = manager.initial_language(None)
    _ensure_fonts(app, chosen)
    # --lang is for this run only; a choice made in the Language menu is remembered
    manager.set_language(chosen, remember=False)
    return app


def language_manager(app: QApplication | None = None) -> LanguageManager:
    """The application's one LanguageManager (remembers the choice in QSettings nnviz/nnviz)."""
    app = app or QApplication.instance()
    manager = getattr(app, "_nnviz_languages", None)
    if manager is None:
        manager = LanguageManager(app, QSettings("nnviz", "nnviz"))
        app._nnviz_languages = manager
    return manager


# ---------------------------------------------------------------------- the first state
def initial_network(model: str | None) -> tuple[Network, Path | None, str]:
    """The network to open on, its file, and a status message. Raises NnvizError for --model."""
    if model:
        return load_model(model).network, Path(model), ""
    default = resource_path("models", "default.npz")
    try:
        return load_model(default).network, default, ""
    except NnvizError as exc:
        return (
            Network(),
            None,
            tr("The default model could not be loaded ({error}); showing random weights.").format(
                error=exc
            ),
        )


def build_window(
    model: str | None = None,
    sample: int = 0,
    remember_layout: bool = True,
    settings=None,
    languages: LanguageManager | None = None,
    run: str | None = None,
) -> MainWindow:
    """The window on the first state; its Language menu drives ``languages`` (default: the
    application's manager). ``run``: a run record file shown at its last weights (a file that
    cannot be used raises NnvizError before any window is made)."""
    network, path, message = initial_network(model)
    dataset = load_dataset("mnist")
    if model and (problem := dataset.mismatch(network.sizes)):
        raise ModelFileError(f"{model}: {problem}")
    record = RunRecord.load(run) if run else None
    run_data = run_dataset(record, dataset, run) if record is not None else None
    session = Session(network, dataset)
    session.show_test_sample(sample)
    session.prepare_evaluation()  # the Results tab's, scored while the window is being built
    if languages is None and QApplication.instance() is not None:
        languages = language_manager()
    window = MainWindow(
        session, settings=settings, remember_layout=remember_layout, languages=languages
    )
    window.model_path = path
    window.update_summary()
    if message:
        window.statusBar().showMessage(message)
    if record is not None:
        window.show_run(record, run_data, Path(run))  # nothing unsaved yet: nothing is asked
    return window


def run_gui(args) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    app = make_app(args.lang)
    try:
        window = build_window(args.model, run=getattr(args, "run", None))
    except NnvizError as exc:
        print(f"nnviz: {exc}", file=sys.stderr)
        return 1
    if getattr(args, "lesson", False):  # `nnviz --lesson`, `nnviz lesson`
        open_lesson(window)
    window.show()
    with _close_on_interrupt(window):
        return int(app.exec())


def open_lesson(window: MainWindow, step: int | None = None) -> None:
    """Bring the lesson panel to the front at ``step`` (0-based; None: the remembered one),
    with the window set up for it."""
    window.raise_panel("Lesson")
    panel = window.lesson_panel
    panel.go_to(panel.step_index if step is None else step)


_SIGNAL_POLL_MS = 200  # how often Python gets a turn to see Ctrl-C while Qt's loop runs


@contextlib.contextmanager
def _close_on_interrupt(window: MainWindow):
    """Ctrl-C (or SIGTERM) in the terminal closes the window the normal way: a run is stopped
    and its thread joined, the layout saved, and nothing is printed."""

    def close(*_args) -> None:
        window.close()

    previous = {sig: signal.signal(sig, close) for sig in (signal.SIGINT, signal.SIGTERM)}
    timer = QTimer()
    timer.timeout.connect(lambda: None)  # returning to Python lets it run the handler
    timer.start(_SIGNAL_POLL_MS)
    try:
        yield
    finally:
        timer.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# ---------------------------------------------------------------------- screenshot
def _parse_size(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise ValueError(f"--size {text!r}: expected WxH, e.g. 1400x900") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise ValueError(f"--size {text!r}: width and height must be 200..8000 pixels")
    return w, h


def _stage_index(session: Session, stage) -> int:
    names = session.trace.names
    if stage is None:
        return session.stage_index
    text = str(stage).strip()
    if text in names:
        return names.index(text)
    if text.lower() in ("update", "dw") and session.trace.find(Kind.UPDATE) is not None:
        return session.trace.index(Kind.UPDATE)  # the first update, ΔW_L
    if text.lstrip("-").isdigit() and 0 <= int(text) < len(names):
        return int(text)
    raise ValueError(f"--stage {stage!r}: choose one of {', '.join(names)} or 0..{len(names) - 1}")


def screenshot(args) -> int:
    """Render the window offscreen in the state asked for and write a PNG."""
    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = make_app(args.lang)
    try:
        size = _parse_size(args.size)
        run, step = getattr(args, "run", None), getattr(args, "step", None)
        if step is not None and not run:
            raise ValueError("--step N shows a step of a recorded run: give --run RUN.npz too")
        window = build_window(args.model, sample=args.sample or 0, remember_layout=False, run=run)
        window.network_view.animations_enabled = False
        window.session.set_stage_index(_stage_index(window.session, args.stage))
        if step is not None:
            _screenshot_step(window, step)
        if args.lesson is not None:
            _screenshot_lesson(window, args.lesson)
    except (NnvizError, ValueError) as exc:
        print(f"nnviz: {exc}", file=sys.stderr)
        return 1
    if size:
        window.resize(*size)
    window.show()
    if args.train_epochs:
        problem = _train_in_window(app, window, args.train_epochs)
        if problem:
            print(f"nnviz: {problem}", file=sys.stderr)
            window.close()
            return 1
    if args.tab and not window.raise_panel(args.tab):
        names = ", ".join(d.windowTitle() for d in window.panels()) or "none yet"
        print(f"nnviz: --tab {args.tab!r}: no such panel (panels: {names})", file=sys.stderr)
    _wait_for_landscape(window)
    deadline = time.monotonic() + _DATA_READ_LIMIT_S  # the data view reads its set in a thread
    while window.data_panel.reading and time.monotonic() < deadline:
        _run_events_for(_POLL_MS)
    _run_events_for(_REDRAWS_MS)  # the views' redraw timers (Results: 150 ms) have fired
    ok = window.grab().save(str(args.out))
    window.close()
    window.deleteLater()
    if not ok:
        print(f"nnviz: {args.out}: cannot write the picture", file=sys.stderr)
        return 1
    return 0


_PICTURE_SIZE = (1500, 560)  # px of `nnviz landscape --out`: the map and the two plots


def landscape_picture(landscape, record, path: str | os.PathLike[str]) -> bool:
    """Draw a computed landscape (``nnviz landscape --out``) with the window's own plots,
    offscreen, to a PNG; False when the file cannot be written."""
    from nnviz.gui.landscape.plots import LandscapePlots

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = make_app("en")
    plots = LandscapePlots()
    plots.resize(*_PICTURE_SIZE)
    plots.show_landscape(landscape, record)
    plots.show()
    for _ in range(3):
        app.processEvents()
    ok = plots.grab().save(str(path))
    plots.close()
    plots.deleteLater()
    return ok


_LANDSCAPE_SCREENSHOT_LIMIT_S = 300  # a landscape that takes longer than this has hung


def _wait_for_landscape(window: MainWindow) -> None:
    """Let a landscape being computed (the Landscape tab on screen after a run) finish."""
    job = window.training.landscape.job
    deadline = time.monotonic() + _LANDSCAPE_SCREENSHOT_LIMIT_S
    while job.running and time.monotonic() < deadline:
        _run_events_for(_POLL_MS)


def _screenshot_step(window: MainWindow, step: int) -> None:
    """The window at the kept snapshot of the opened run nearest ``step``; ValueError for a
    step outside the run."""
    run = window.session.run
    last = max(run.total_steps, run.steps_recorded, int(run.snapshot_steps[-1]))
    if not 0 <= step <= last:
        raise ValueError(f"--step {step}: the run has steps 0 to {last}")
    window.training.curves.refresh()  # its curves drawn, for the cursor at the step
    window.session.set_shown_step(step)


def _screenshot_lesson(window: MainWindow, number: int) -> None:
    """The window at lesson step ``number`` (from 1); ValueError for a bad number or file."""
    panel = window.lesson_panel
    if panel.lesson is None:
        raise ValueError(f"--lesson: {panel.error}")
    if not 1 <= number <= len(panel):
        raise ValueError(f"--lesson {number}: choose a step from 1 to {len(panel)}")
    open_lesson(window, number - 1)


_DATA_READ_LIMIT_S = 30  # the data view's examples, read in a thread, are drawn within this
_TRAIN_SCREENSHOT_LIMIT_S = 600  # a screenshot's training run that takes longer has hung


def _train_in_window(app: QApplication, window: MainWindow, epochs: int) -> str | None:
    """Train with the window's own controls for ``epochs`` epochs (the screenshot then shows
    the curves and results of a real run); returns a problem, or None."""
    panel = window.training.panel
    panel.form.set_text("epochs", str(int(epochs)))
    if panel.form.validate() is None or not panel.start():
        return f"--train-epochs {epochs}: {panel.form.general_error or 'cannot start training'}"
    deadline = time.monotonic() + _TRAIN_SCREENSHOT_LIMIT_S
    while window.training.controller.state.active:
        _run_events_for(_POLL_MS)
        if time.monotonic() > deadline:
            window.training.controller.shutdown()
            return "training for the screenshot did not finish in time"
    return None


def _run_events_for(ms: int) -> None:
    """Run the window's events and timers for ``ms`` of real time (``processEvents`` alone
    returns at once when nothing is queued yet, before a view's redraw timer has fired)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


# ---------------------------------------------------------------------- frame rate
def measure_animation_fps(
    window: MainWindow, seconds: float = 2.0, direction: Direction = Direction.FORWARD
) -> float:
    """Frames painted per second while the stages of the forward (or backward) pass that
    animate play back to back (real timer)."""
    view = window.network_view
    session = window.session
    was_enabled = view.animations_enabled
    view.animations_enabled = True
    stages = session.trace.stages
    animated = [
        i for i, s in enumerate(stages) if s.direction is direction and view.animates(s.kind)
    ]
    if not animated:
        return 0.0

    def next_stage() -> None:
        later = [i for i in animated if i > session.stage_index]
        # each animated stage is entered from the one before it, as Right does
        session.set_stage_index((later[0] if later else animated[0]) - 1)
        session.step_stage(+1)

    settle = QEventLoop()  # let pending resizes (docks finding their width) happen first
    QTimer.singleShot(_SETTLE_MS, settle.quit)
    settle.exec()
    view.animation_finished.connect(next_stage)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    start = view.frames_painted
    t0 = perf_counter()
    next_stage()
    loop.exec()
    elapsed = perf_counter() - t0
    view.animation_finished.disconnect(next_stage)
    view.finish_animation()
    view.animations_enabled = was_enabled
    return (view.frames_painted - start) / elapsed if elapsed > 0 else 0.0
