"""Replay: the newest run played back from the step shown, kept snapshot after kept snapshot.

Each kept snapshot is visited in order (the Session shows it: ``set_shown_step``); between two,
the window's frames show weights on the straight line from one to the next
(``RunRecord.params_between``, the core's interpolation), so the layer graph's edges move
smoothly. The speed counts kept snapshots: at 1x, ``SNAPSHOTS_PER_S`` a second. Snapshots are
kept at every step early in a run and further apart later, so a replay dwells on the first
steps, where learning is fastest, and hurries through the long tail.

Anything else that moves the window (the slider, a key, Latest, a new or opened run, another
network, runs cleared) stops the replay; ``stop`` itself (Pause) leaves the window on the kept
snapshot last reached, never on weights in between.
"""

from __future__ import annotations

import math
import time

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal

from nnviz.gui.session import Session

__all__ = ["SNAPSHOTS_PER_S", "SPEEDS", "Replay"]

SNAPSHOTS_PER_S = 2.0  # kept snapshots a second at 1x: a step of early learning is seen
SPEEDS = (1, 2, 4, 8)  # choices offered; 8x (16 a second) still shows each one in a frame
FRAME_MS = 40  # a frame of the replay: 25 a second, smooth enough for edges changing colour


class Replay(QObject):
    """Plays the Session's newest run back. ``running_changed(bool)`` when it starts or stops."""

    running_changed = Signal(bool)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.speed = SPEEDS[0]
        self._position = 0.0  # where the replay is in the run's list of kept snapshots
        self._clock = 0.0
        self._moving = False  # True while the replay itself changes the Session
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._on_frame)
        session.shown_step_changed.connect(self._on_moved_elsewhere)
        session.params_changed.connect(self._on_moved_elsewhere)
        for signal in (session.network_changed, session.run_added, session.runs_removed):
            signal.connect(self._on_moved_elsewhere)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def set_speed(self, speed: float) -> None:
        self.speed = float(speed)

    def start(self) -> bool:
        """Play from the kept snapshot shown (from the run's start when the latest or the
        last kept snapshot is shown). False when the window shows no run's steps."""
        session = self.session
        if self.running or not session.can_show_steps():
            return False
        steps = session.run.snapshot_steps
        here = session.shown_step
        index = len(steps) - 1 if here is None else int(np.argmin(np.abs(steps - here)))
        if index >= len(steps) - 1:
            index = 0  # at the end already: play the whole run
        self._position = float(index)
        self._show_snapshot(int(steps[index]))
        self._clock = time.perf_counter()
        self._timer.start()
        self.running_changed.emit(True)
        return True

    def stop(self) -> None:
        """Stop, on the kept snapshot last reached (not on weights in between)."""
        if not self.running:
            return
        self._halt()
        run, step = self.session.run, self.session.shown_step
        if self._position != math.floor(self._position) and run is not None and step is not None:
            self._moving = True
            try:  # the frames in between showed interpolated weights: back to the snapshot
                self.session.set_params(run.snapshot_at(step).params)
            finally:
                self._moving = False

    def _halt(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.running_changed.emit(False)

    def _on_moved_elsewhere(self, *_args) -> None:
        if not self._moving:
            self._halt()

    def _show_snapshot(self, step: int) -> None:
        self._moving = True
        try:
            self.session.set_shown_step(step)
        finally:
            self._moving = False

    def _on_frame(self) -> None:
        session, run = self.session, self.session.run
        if run is None or not session.can_show_steps():
            self._halt()
            return
        now = time.perf_counter()
        elapsed, self._clock = now - self._clock, now
        steps = run.snapshot_steps  # a live run's grows meanwhile
        target = self._position + self.speed * SNAPSHOTS_PER_S * elapsed
        following = math.floor(self._position) + 1
        if following >= len(steps):
            self._halt()
            return
        if target >= following:  # the next kept snapshot is reached: shown exactly (never
            self._position = float(following)  # skipped, even after a slow frame)
            self._show_snapshot(int(steps[following]))
            if following == len(steps) - 1:
                self._halt()
            return
        self._position = target
        self._moving = True
        try:
            session.set_params(run.params_between(target))
        finally:
            self._moving = False
