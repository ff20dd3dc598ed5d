"""The progress of a run: a bar and one line with the epoch, the step, samples/s and time left.

Batch updates arrive up to 15 times a second; the bar and text are redrawn at most
``PROGRESS_MS`` apart (each redraw in the GUI thread is time the trainer waits for).
The line says only what is true now: no speed or time left while the run is paused or after it
ended, and it is written again from its numbers when the language changes.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from nnviz.core import events as ev
from nnviz.gui import style
from nnviz.gui.i18n import tr
from nnviz.gui.training.worker import BatchChunk

__all__ = ["PROGRESS_MS", "ProgressView", "format_duration"]

PROGRESS_MS = 200  # the progress bar and its text are redrawn at most 5 times a second
_TEXT_STYLE = f"color: {style.STATUS_TEXT};"


def format_duration(seconds: float, tenths: bool = False) -> str:
    """A duration in the interface language: "3 s", "2 min 05 s", "1 h 02 min" (3초, ...);
    ``tenths``: under 10 s with tenths, "0.6 s" (a short run did not finish "in 0 s")."""
    if tenths and 0 <= seconds < 9.95:
        return tr("{s} s").format(s=f"{seconds:.1f}")
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return tr("{s} s").format(s=seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return tr("{m} min {s:02d} s").format(m=minutes, s=seconds)
    hours, minutes = divmod(minutes, 60)
    return tr("{h} h {m:02d} min").format(h=hours, m=minutes)


class ProgressView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        box.addWidget(self.bar)
        self.label = QLabel()
        self.label.setWordWrap(True)  # never widens the dock
        self.label.setStyleSheet(_TEXT_STYLE)
        box.addWidget(self.label)
        self._epochs = 0
        self._started: ev.TrainingStarted | None = None
        self._pending: tuple[int, float, float, float] | None = None  # not yet shown
        self._shown: tuple[int, float, float, float] | None = None  # (step, epoch, elapsed, rate)
        self._phase = "running"  # "running", "paused" or "ended": what the line may say
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_MS)
        self._timer.timeout.connect(self._on_timer)

    def begin(self, epochs: int) -> None:
        """A run of ``epochs`` epochs starts (its length in steps follows with ``started``)."""
        self._epochs = epochs
        self._started = None
        self._pending = None
        self._shown = None
        self._phase = "running"
        self._set_value(0)

    def clear(self) -> None:
        self.begin(0)
        self.label.setText("")

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self._write()
        super().changeEvent(event)

    def started(self, event: ev.TrainingStarted) -> None:
        self._started = event
        self.bar.setRange(0, max(event.total_steps, 1))
        self._show(0, 0.0, 0.0, 0.0)

    def batches(self, chunk: BatchChunk) -> None:
        self._phase = "running"  # resumed, or one Step's batch
        self._pending = (
            int(chunk.step[-1]),
            float(chunk.epoch[-1]),
            float(chunk.elapsed[-1]),
            chunk.samples_per_s,
        )
        if not self._timer.isActive():
            self._on_timer()
            self._timer.start()

    def pause(self) -> None:
        """The run paused: the step it stopped at, said to be paused (no speed, no time left)."""
        self._phase = "paused"
        if self._pending is not None:
            self._on_timer()
        else:
            self._write()

    def finish(self, event: ev.TrainingEnded) -> None:
        self._pending = None
        self._phase = "ended"
        self._show(event.step, event.epoch, event.elapsed, 0.0)

    def _on_timer(self) -> None:
        if self._pending is None:
            self._timer.stop()  # nothing new: sleep until the next batches
            return
        self._show(*self._pending)
        self._pending = None

    def _set_value(self, value: int) -> None:
        """QProgressBar.setValue repaints at once, and a synchronous repaint paints everything
        waiting in the window (the graph, the curves) there and then: the bar is redrawn with
        the window's next ordinary paint instead."""
        self.bar.setUpdatesEnabled(False)
        self.bar.setValue(value)
        self.bar.setUpdatesEnabled(True)  # schedules the bar's repaint

    def _show(self, step: int, epoch: float, elapsed: float, rate: float) -> None:
        if self._started is None:
            return
        self._set_value(step)
        self._shown = (step, epoch, elapsed, rate)
        self._write()

    def _write(self) -> None:
        """The line, from the numbers shown and the phase of the run (again after a language
        change: nothing translated is kept)."""
        if self._started is None or self._shown is None:
            return
        step, epoch, elapsed, rate = self._shown
        total = self._started.total_steps
        current_epoch = min(max(math.ceil(epoch), 1), self._epochs)
        parts = [
            self.tr("Epoch {e} of {n}").format(e=current_epoch, n=self._epochs),
            self.tr("step {s:,} of {t:,}").format(s=step, t=total),
        ]
        if self._phase == "paused":
            parts.append(self.tr("paused"))
        elif self._phase == "running":
            if rate > 0:
                parts.append(self.tr("{r:,.0f} samples/s").format(r=rate))
            if 0 < step < total:
                left = elapsed / step * (total - step)
                parts.append(self.tr("{t} left").format(t=format_duration(left)))
        self.label.setText(" · ".join(parts))
