"""The clock of the layer graph's forward pass: the running node animation and play mode.

The player only keeps time. Whether the pass is playing and at what speed is the Session's view
state (``session.playing``, ``session.speed``); the player follows it. The NetworkView builds
each ``NodeAnimation`` from what its nodes show and draws its frames; the player advances it by
the elapsed time (times the speed) on a frame timer and, while playing, steps the session to the
next stage once the current one has been shown for ``style.HOLD_S``. The timer runs only while
something moves.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from nnviz.gui import style
from nnviz.gui.session import Session

_MAX_FRAME_STEP_S = 0.05  # a late frame advances the animation at most this much: no skipping


@dataclass
class NodeAnimation:
    kind: str  # "move" (pulses, then the nodes fill) or "recolour" (a -> z, a -> y, dz -> da)
    layer: int
    start: np.ndarray  # brush indices of the shown nodes at the start
    end: np.ndarray
    move_s: float
    fill_s: float
    t: float = 0.0
    pulse_layer: int | None = None  # the edges the pulses run along (default: into ``layer``)


class ForwardPlayer(QObject):
    """Frame timer of the forward pass through ``session.trace``, playing while the Session says.

    ``draw_frame(animation)`` draws one frame of the running animation; ``draw_static()`` draws
    the current stage without one (when an animation ends or is cut short).
    """

    animation_finished = Signal()

    def __init__(
        self,
        session: Session,
        draw_frame: Callable[[NodeAnimation], None],
        draw_static: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._draw_frame = draw_frame
        self._draw_static = draw_static
        self.animation: NodeAnimation | None = None
        self._hold = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(style.FRAME_MS)
        self._timer.timeout.connect(self._on_frame)
        self._clock = QElapsedTimer()
        self._last_ms = 0
        session.playing_changed.connect(self._on_playing_changed)

    def _on_playing_changed(self, playing: bool) -> None:
        if playing:
            if self._session.at_last_stage:  # played again from the end: from the input
                self._session.set_stage_index(0)
            self._hold = style.HOLD_S  # the first step starts at once
            self._start_timer()

    def start(self, animation: NodeAnimation) -> None:
        """Run ``animation`` from its time ``t`` on."""
        self.animation = animation
        self._start_timer()

    def cancel(self) -> NodeAnimation | None:
        """Drop the running animation without drawing (the view draws what replaces it);
        returns it, so that a redraw mid-animation can start the new one at its time."""
        running, self.animation = self.animation, None
        return running

    def finish(self) -> None:
        """Jump to the end of the running animation."""
        if self.animation is not None:
            self.animation = None
            self._draw_static()
            self.animation_finished.emit()

    def stop(self) -> None:
        """Stop everything at once, silently (the view is closing)."""
        self._timer.stop()
        self.animation = None
        self._session.set_playing(False)

    def _start_timer(self) -> None:
        if not self._timer.isActive():
            self._clock.start()
            self._last_ms = 0
            self._timer.start()

    def _on_frame(self) -> None:
        now = self._clock.elapsed()
        dt = min((now - self._last_ms) / 1000.0, _MAX_FRAME_STEP_S)
        self._last_ms = now
        if self.animation is not None:
            a = self.animation
            a.t += dt * self._session.speed
            self._draw_frame(a)
            if a.t >= a.move_s + a.fill_s:
                self.animation = None
                self._draw_static()
                self._hold = 0.0
                self.animation_finished.emit()
        elif self._session.playing:
            self._hold += dt * self._session.speed
            if self._hold >= style.HOLD_S:
                if not self._session.at_last_stage:
                    self._session.step_stage(+1)
                else:
                    self._session.set_playing(False)
        if self.animation is None and not self._session.playing:
            self._timer.stop()
