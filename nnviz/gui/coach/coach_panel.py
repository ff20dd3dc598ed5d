"""The Diagnostics tab: the per-layer plots of the newest run beside its hints."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from nnviz.core.recording import RunRecord
from nnviz.gui.coach.diagnostics import DiagnosticsPlots
from nnviz.gui.coach.hints_view import HintsView
from nnviz.gui.session import Session

__all__ = ["CoachPanel"]

_HINTS_WIDTH = (200, 290)  # px, least and most: a hint's sentences wrap into readable lines


class CoachPanel(QWidget):
    """Diagnostics plots (left) and hints (right) of the Session's newest run. ``hints`` emits
    ``apply_requested(fix)``; the window calls :meth:`run_progressed` when the run reported an
    evaluation or ended (the hints are asked again then)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(4)
        self.plots = DiagnosticsPlots(session)
        layout.addWidget(self.plots, 1)
        self.hints = HintsView()
        self.hints.setFixedWidth(_HINTS_WIDTH[0])  # widened in resizeEvent when there is room
        layout.addWidget(self.hints)
        session.run_added.connect(self._on_run_added)
        session.runs_removed.connect(lambda _records: self.hints.set_record(session.run))
        if session.run is not None:
            self._on_run_added(session.run)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        """The hints take a third of a narrow panel, up to their full width in a wide one."""
        lo, hi = _HINTS_WIDTH
        self.hints.setFixedWidth(int(min(max(event.size().width() / 3, lo), hi)))
        super().resizeEvent(event)

    def _on_run_added(self, record: RunRecord) -> None:
        self.hints.set_record(record)

    def run_progressed(self, *_args) -> None:
        """The run evaluated or ended: ask the coach's rules again, redraw the plots."""
        self.hints.refresh()
        self.plots.refresh()
