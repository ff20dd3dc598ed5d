"""The Landscape tab: the loss around the newest run's final weights and the path they took.

For the Session's newest run, once it has ended: the loss over a plane through the final weights
(the path's two main directions, or two random ones with a seed), its contour lines and the
path of the run's snapshots with epoch marks, a ring at the step the window shows (clicking a
dot of the path shows the window at that step, as the timeline does), the straight line from the
first weights to the last beside the run's own loss curve, and optionally the path of another
run of the same network on the same map.

Computed in a worker (``LandscapeJob``) with a progress bar and Cancel, the coarse map shown
first; each result is kept with its run (in memory, per settings), so coming back to a run or
to settings already computed shows it at once. The tab computes by itself when it is shown for
a run that has ended and has no landscape yet; changed settings wait for Compute.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary, WeakSet

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.errors import ConfigError
from nnviz.core.landscape import (
    DEFAULT_GRID,
    DEFAULT_SAMPLES,
    GRID_RANGE,
    SAMPLES_MIN,
    Landscape,
    LandscapeSettings,
    Path,
    Progress,
    shares_start,
)
from nnviz.core.recording import RunRecord
from nnviz.gui import style
from nnviz.gui.i18n import choice_name
from nnviz.gui.landscape.job import LandscapeJob, LandscapeResult, Request
from nnviz.gui.landscape.plots import LandscapePlots
from nnviz.gui.session import Session

__all__ = ["LandscapePanel"]

_SAMPLES_MAX = 60_000  # the core takes every training image when asked for more
_SAMPLES_STEP = 500
_SEED_MAX = 2**31 - 1
_CONTROLS_WIDTH = 240  # px of the settings column
_MIN_SNAPSHOTS = 3  # a PCA plane needs three points of the path


class LandscapePanel(QWidget):
    """The settings column, the status line and the plots of the Landscape tab."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.job = LandscapeJob(self)
        self.record: RunRecord | None = None  # the run whose landscape is shown (or computed)
        self.landscape: Landscape | None = None  # what the plots show
        self.other: RunRecord | None = None  # the second run drawn, if any
        self._results: WeakKeyDictionary[RunRecord, dict[LandscapeSettings, Landscape]] = (
            WeakKeyDictionary()
        )
        self._other_paths: WeakKeyDictionary[RunRecord, dict] = WeakKeyDictionary()
        self._offered: WeakSet[RunRecord] = WeakSet()  # runs computed once without asking
        self._status = ("", "info")  # (text, kind) of the status line, in English-free form
        self._build()
        self.job.progressed.connect(self._on_progress)
        self.job.finished.connect(self._on_finished)
        self.job.cancelled.connect(self._on_cancelled)
        self.job.failed.connect(self._on_failed)
        self.plots.step_clicked.connect(self._on_step_clicked)
        self.plots.hovered.connect(self.hover_label.setText)
        session.run_added.connect(lambda _record: self.refresh())
        session.runs_removed.connect(self._on_runs_removed)
        session.shown_step_changed.connect(lambda _step: self._update_marker())
        session.network_changed.connect(self._update_marker)
        self.retranslate_ui()
        self.refresh()

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        outer.addWidget(self.stack)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMargin(16)
        self.empty_label.setStyleSheet(f"color: {style.CURVES_EMPTY_TEXT}; font-size: 11pt;")
        self.stack.addWidget(self.empty_label)

        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(4, 4, 4, 4)
        row.setSpacing(6)
        column = QVBoxLayout()
        column.setSpacing(4)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(3)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # a long name wraps
        self.plane_box = QComboBox()
        self.plane_box.addItem("", "pca")
        self.plane_box.addItem("", "random")
        self.plane_box.currentIndexChanged.connect(self._on_settings_changed)
        self.seed_box = QSpinBox()
        self.seed_box.setRange(0, _SEED_MAX)
        self.seed_box.valueChanged.connect(self._on_settings_changed)
        self.grid_box = QSpinBox()
        self.grid_box.setRange(*GRID_RANGE)
        self.grid_box.setValue(DEFAULT_GRID)
        self.grid_box.valueChanged.connect(self._on_settings_changed)
        self.samples_box = QSpinBox()
        self.samples_box.setRange(SAMPLES_MIN, _SAMPLES_MAX)
        self.samples_box.setSingleStep(_SAMPLES_STEP)
        self.samples_box.setValue(DEFAULT_SAMPLES)
        self.samples_box.setGroupSeparatorShown(True)
        self.samples_box.valueChanged.connect(self._on_settings_changed)
        self.other_box = QComboBox()
        self.other_box.currentIndexChanged.connect(self._on_other_chosen)
        self.labels = [QLabel() for _ in range(5)]
        fields = (self.plane_box, self.seed_box, self.grid_box, self.samples_box, self.other_box)
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        column.addLayout(form)
        buttons = QHBoxLayout()
        self.compute_button = QPushButton()
        self.compute_button.clicked.connect(self.compute)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.job.cancel)
        buttons.addWidget(self.compute_button)
        buttons.addWidget(self.cancel_button)
        column.addLayout(buttons)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        column.addWidget(self.progress)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        column.addWidget(self.status_label)
        self.hover_label = QLabel()
        self.hover_label.setWordWrap(True)
        self.hover_label.setStyleSheet(f"color: {style.MUTED};")
        column.addWidget(self.hover_label)
        column.addStretch(1)
        side = QWidget()
        side.setLayout(column)
        side.setFixedWidth(_CONTROLS_WIDTH)
        row.addWidget(side)
        self.plots = LandscapePlots()
        row.addWidget(self.plots, 1)
        self.stack.addWidget(page)
        self.page = page

    def retranslate_ui(self) -> None:
        self.plane_box.setItemText(0, self.tr("Main directions (PCA)"))
        self.plane_box.setItemText(1, self.tr("Random directions"))
        self.plane_box.setToolTip(
            self.tr(
                "PCA: the plane in which the weights moved the most. Random: two random "
                "directions, each unit scaled to its own weights' size (Li et al. 2018)"
            )
        )
        texts = (
            self.tr("Plane:"),
            self.tr("Seed:"),
            self.tr("Grid points:"),
            self.tr("Training images:"),
            self.tr("Compare with:"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.seed_box.setToolTip(self.tr("The seed of the two random directions"))
        self.grid_box.setToolTip(self.tr("The map has this many points a side"))
        self.samples_box.setToolTip(
            self.tr("The loss is measured on this many training images (always the same ones)")
        )
        self.other_box.setToolTip(
            self.tr("Draw the path of another run of the same network on this map")
        )
        self.compute_button.setText(self.tr("Compute"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._fill_other_box()
        self._show_status()
        self.refresh()
        self._describe()  # the status line of a landscape shown, in the new language

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        self._compute_if_new()

    # ------------------------------------------------------------------ state
    def settings(self) -> LandscapeSettings:
        return LandscapeSettings(
            grid=self.grid_box.value(),
            samples=self.samples_box.value(),
            plane=self.plane_box.currentData(),
            seed=self.seed_box.value(),
        )

    def _why_not(self, record: RunRecord | None) -> str | None:
        """Why the newest run has no landscape now (None: it can have one)."""
        if record is None:
            return self.tr(
                "Train the network (Training panel, Start): the landscape needs a run's weight "
                "snapshots. Once the run ends, this tab shows the loss around its final "
                "weights, the path the weights took to get there, and the straight line from "
                "the first weights to the last."
            )
        if record.status == "running":
            return self.tr(
                "The run is still training. Its landscape is computed when it ends "
                "(let it finish, or press Stop)."
            )
        if len(record.snapshot_steps) < _MIN_SNAPSHOTS:
            return self.tr(
                "This run kept only {n} weight snapshots: a path needs at least three. "
                "Train a little longer."
            ).format(n=len(record.snapshot_steps))
        return None

    def refresh(self) -> None:
        """Follow the Session's newest run: its landscape if known, else the empty state or
        an offer to compute (computed at once when the tab is on screen)."""
        record = self.session.run
        if record is not self.record:
            self.job.cancel()  # a landscape of a run no longer shown is of no use
            self.record, self.landscape, self.other = record, None, None
            self.plots.clear()
            self._fill_other_box()
            self._set_status("", "info")
        why = self._why_not(record)
        self.seed_box.setEnabled(self.plane_box.currentData() == "random")
        if why is not None:
            self.empty_label.setText(why)
            self.stack.setCurrentWidget(self.empty_label)
            self._update_buttons()
            return
        self.stack.setCurrentWidget(self.page)
        known = self._results.get(record, {}).get(self.settings())
        if known is not None and known is not self.landscape:
            self._show(known)
        elif known is None and self.landscape is not None:
            self.landscape = None
            self.plots.clear()
        if self.landscape is None and not self.job.running:
            self._set_status(self.tr("Press Compute to draw the landscape of these settings."))
        self._update_buttons()
        self._compute_if_new()

    def _compute_if_new(self) -> None:
        """Compute on its own once per run: when the tab is on screen, the run has ended and
        nothing of it was computed yet (other settings wait for Compute)."""
        record = self.record
        if (
            self.isVisible()
            and record is not None
            and self._why_not(record) is None
            and record not in self._offered
            and not self.job.running
        ):
            self._offered.add(record)
            self.compute()

    def compute(self) -> bool:
        """Compute the newest run's landscape with the settings shown (False when it cannot
        be now)."""
        record = self.record
        if record is None or self._why_not(record) is not None or self.job.running:
            return False
        try:
            settings = self.settings()
        except ConfigError as exc:
            self._set_status(str(exc), "bad")
            return False
        known = self._results.get(record, {}).get(settings)
        if known is not None:
            self._show(known)
            return True
        self.landscape = None
        self.plots.clear()
        self.progress.setValue(0)
        started = self.job.start(Request(record, settings, self._dataset_of(record)))
        self._set_status(self.tr("Computing the map, coarse first…"))
        self._update_buttons()
        return started

    def _dataset_of(self, record: RunRecord):
        ds = self.session.dataset
        return ds if ds is not None and ds.reference == record.dataset else None

    def _show(self, landscape: Landscape) -> None:
        self.landscape = landscape
        self.plots.show_landscape(landscape, self.record)
        self._update_marker()
        self._describe()
        self._draw_other()

    def _describe(self) -> None:
        ls = self.landscape
        if ls is None:
            return
        first, second = ls.plane.explained
        if ls.plane.kind == "pca":
            text = self.tr(
                "The plane of the path's two main directions: they hold {a:.0%} and {b:.0%} "
                "of how the weights moved. Dark is a small loss; the white line is the path, "
                "the squares its epochs. Click a dot to see the network at that step."
            ).format(a=first, b=second)
        else:
            text = self.tr(
                "Two random directions (seed {seed}): they hold only {a:.1%} and {b:.1%} of how "
                "the weights moved, so the path barely shows; the map is the loss around the "
                "final weights."
            ).format(seed=ls.plane.seed, a=first, b=second)
        self._set_status(text)

    def _update_buttons(self) -> None:
        running = self.job.running
        usable = self.record is not None and self._why_not(self.record) is None
        self.compute_button.setEnabled(usable and not running)
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        for box in (self.plane_box, self.seed_box, self.grid_box, self.samples_box):
            box.setEnabled(not running and (box is not self.seed_box or self._random()))
        self.other_box.setEnabled(not running and self.other_box.count() > 1)

    def _random(self) -> bool:
        return self.plane_box.currentData() == "random"

    def _set_status(self, text: str, kind: str = "info") -> None:
        self._status = (text, kind)
        self._show_status()

    def _show_status(self) -> None:
        text, kind = self._status
        self.status_label.setText(text)
        colour = style.STATUS_COLOURS.get(kind, style.STATUS_TEXT)
        self.status_label.setStyleSheet(f"color: {colour};")

    def _update_marker(self) -> None:
        s = self.session
        on_screen = self.landscape is not None and s.run is self.record and s.can_show_steps()
        self.plots.marker.setVisible(on_screen)
        if on_screen:
            self.plots.set_marker(s.shown_step)

    # ------------------------------------------------------------------ the second run
    def _others(self) -> list[tuple[int, RunRecord]]:
        """The other runs of the window that can go on this run's map (number from 1)."""
        record = self.record
        if record is None:
            return []
        return [
            (i + 1, r)
            for i, r in enumerate(self.session.runs)
            if r is not record
            and tuple(r.sizes) == tuple(record.sizes)
            and r.status != "running"
            and len(r.snapshot_steps) > 0
        ]

    def _fill_other_box(self) -> None:
        box = self.other_box
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("no other run"), None)
        for number, r in self._others():
            c = r.config
            box.addItem(
                self.tr("run {n}: {opt}, lr {lr:g}").format(
                    n=number, opt=choice_name("optimizer", c.optimizer), lr=c.lr
                ),
                number,
            )
            if r is self.other:
                box.setCurrentIndex(box.count() - 1)
        if self.other is not None and box.currentIndex() == 0:
            self.other = None
        box.blockSignals(False)
        box.setEnabled(box.count() > 1 and not self.job.running)

    def _on_other_chosen(self, index: int) -> None:
        number = self.other_box.itemData(index)
        self.other = None if number is None else self.session.runs[number - 1]
        self._draw_other()

    def _draw_other(self) -> None:
        ls, other = self.landscape, self.other
        if ls is None or other is None:
            self.plots.show_other(None)
            if ls is not None:
                self._describe()
            return
        known = self._other_paths.get(self.record, {}).get((ls.settings, id(other)))
        if known is not None:
            self._show_other(known)
            return
        request = Request(self.record, ls.settings, self._dataset_of(self.record), ls, other)
        if self.job.start(request):
            self._set_status(self.tr("Putting the other run's path on this map…"))
            self._update_buttons()

    def _show_other(self, path: Path) -> None:
        self.plots.show_other(path)
        self._describe()
        if self.other is not None and not shares_start(self.record, self.other):
            self._set_status(
                self._status[0]
                + " "
                + self.tr(
                    "The orange path is another run that did not start from the same "
                    "weights: its start lies off this plane."
                )
            )
        elif self.other is not None:
            self._set_status(
                self._status[0]
                + " "
                + self.tr("The orange path is the other run, from the same start.")
            )

    def _on_runs_removed(self, removed) -> None:
        gone = {id(r) for r in removed}  # their paths on other runs' maps go too
        for paths in self._other_paths.values():
            for key in [k for k in paths if k[1] in gone]:
                del paths[key]
        if self.other in removed:
            self.other = None
            self.plots.show_other(None)
        self._fill_other_box()
        self.refresh()

    # ------------------------------------------------------------------ job
    def _on_progress(self, report: Progress) -> None:
        self.progress.setMaximum(report.total)
        self.progress.setValue(report.done)
        if report.preview is not None and self.landscape is None:
            self.plots.show_preview(report.preview, report.xs, report.ys)
        phase = {
            "grid": self.tr("Computing the map: {done:,} of {total:,} points…"),
            "path": self.tr("Measuring the loss along the path…"),
            "line": self.tr("Measuring the straight line…"),
        }[report.phase]
        self._set_status(phase.format(done=report.done, total=report.total))

    def _on_finished(self, result: LandscapeResult) -> None:
        request = result.request
        self._results.setdefault(request.record, {})[request.settings] = result.landscape
        if request.other is not None and result.other_path is not None:
            cache = self._other_paths.setdefault(request.record, {})
            cache[(request.settings, id(request.other))] = result.other_path
        self._update_buttons()
        if request.record is not self.record:
            return  # a run no longer shown
        if request.landscape is None:
            if request.settings == self.settings():
                self._show(result.landscape)
            else:
                self.refresh()
        elif self.landscape is result.landscape and self.other is request.other:
            self._show_other(result.other_path)

    def _on_cancelled(self) -> None:
        self._update_buttons()
        if self.landscape is None:
            self.plots.clear()
            self._set_status(self.tr("Cancelled. Press Compute to start again."))
        else:
            self._describe()
        self._compute_if_new()  # cancelled because another run came: that one's turn

    def _on_failed(self, message: str) -> None:
        self._update_buttons()
        self.plots.clear()
        self.landscape = None
        self._set_status(
            self.tr("The landscape could not be computed: {m}").format(m=message), "bad"
        )

    # ------------------------------------------------------------------ settings and clicks
    def _on_settings_changed(self, *_args) -> None:
        if self.job.running:
            return
        self.refresh()

    def _on_step_clicked(self, step: int) -> None:
        if self.session.run is self.record:
            self.session.set_shown_step(step)  # as the timeline's slider does

    def shutdown(self) -> None:
        """Cancel a computation and wait for its thread (the window is closing)."""
        self.job.shutdown()
