"""Live loss and accuracy curves of training runs (pyqtgraph), read from their run records.

Loss: every batch as a faint line, its smoothed version (a debiased EMA, smoothing on a slider),
and the test loss at each evaluation, both cross-entropy and MSE, the minimised one marked.
Accuracy: the running training accuracy and the test accuracy. Earlier runs stay, dimmed, until
cleared, named beside Clear old runs. The x axis shows steps, epochs or seconds.

The runs are the Session's: a run added there (at Start) gets its curves, runs removed there
(Clear old runs) lose them. While a run trains the panel reads what is new in its record on a
timer. Long runs stay fast: what is drawn lives in growing preallocated buffers (the record's
numbers plus the smoothed lines), each run owns a fixed set of
plot items updated with ``setData`` (never a new item per update; curve_plots.py draws them),
lines are downsampled and clipped to the view, and redraws happen on a timer only when something
changed.
"""

from __future__ import annotations

import os

import numpy as np
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.core import recording
from nnviz.core.recording import RunRecord
from nnviz.core.smoothing import ema
from nnviz.gui.i18n import choice_name
from nnviz.gui.session import Session
from nnviz.gui.training.curve_plots import CurvePlots, earlier_colour
from nnviz.gui.training.curve_runs import (
    EVAL_COLUMNS,
    RunCurves,
    SeriesBuffer,
    export_runs_csv,
    varied_settings,
)
from nnviz.gui.training.timeline import Timeline

__all__ = ["CurvesPanel", "SeriesBuffer"]

REFRESH_MS = 90  # curve redraws at most ~11 times a second, only when data arrived
# a new run's items are made this long after Start (a timer, not a posted call: the window
# handles what waits, input and its own timers, between the click's work and theirs)
ITEMS_DELAY_MS = 1
_DEFAULT_SMOOTHING = 0.9  # EMA beta: about the last ten batches
_SMOOTHING_STEPS = 100  # slider positions: beta = position / 100, up to 0.99
_X_MODES = ("step", "epoch", "time")
_EARLIER_NAMED = 3  # earlier runs named at most in the line for them; older ones are counted
_SETTINGS_NAMED = 1  # settings that tell runs apart, named per run in that line
EXPORT_SIZE = (900, 620)  # the exported picture of the plots, stacked, in logical pixels ...
EXPORT_SCALE = 2  # ... drawn at twice the pixels: 1800 x 1240, sharp on paper


def _rich_text_width(html: str, font: QFont) -> float:
    """The width of one line of rich text in ``font``, as a QLabel lays it out."""
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setHtml(html)
    return document.idealWidth()


class CurvesPanel(QWidget):
    """Loss and accuracy plots of the Session's runs, read from their records."""

    refreshed = Signal()  # after each redraw (the benchmark counts them)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.runs: list[RunCurves] = []  # every run on the plots, oldest first
        self.current: RunCurves | None = None  # the run being trained or last trained
        # (the run before, still to be dimmed, or None; the newest run, its items not made yet)
        self._items_pending: tuple[RunCurves | None, RunCurves] | None = None
        self._smoothing = _DEFAULT_SMOOTHING
        self._dirty = False  # the current run has new data
        self._dirty_all = False  # an option changed: every run is redrawn
        self.refresh_count = 0
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._on_timer)
        self._timer.start()
        session.run_added.connect(self.begin_run)
        session.runs_removed.connect(self._on_runs_removed)
        for record in session.runs:
            self.begin_run(record)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.x_box = QComboBox()
        for mode in _X_MODES:
            self.x_box.addItem("", mode)  # texts: retranslate_ui
        self.x_box.currentIndexChanged.connect(lambda i: self.set_x_mode(self.x_box.itemData(i)))
        bar.addWidget(self.x_box)
        bar.addSpacing(4)
        self.smoothing_title = QLabel()
        bar.addWidget(self.smoothing_title)
        self.smoothing_slider = QSlider(Qt.Orientation.Horizontal)
        self.smoothing_slider.setRange(0, _SMOOTHING_STEPS - 1)
        self.smoothing_slider.setValue(round(_DEFAULT_SMOOTHING * _SMOOTHING_STEPS))
        self.smoothing_slider.setMinimumWidth(60)
        self.smoothing_slider.setMaximumWidth(110)
        self.smoothing_slider.valueChanged.connect(
            lambda v: self.set_smoothing(v / _SMOOTHING_STEPS)
        )
        bar.addWidget(self.smoothing_slider)
        self.smoothing_label = QLabel(f"{_DEFAULT_SMOOTHING:.2f}")
        self.smoothing_label.setMinimumWidth(28)
        bar.addWidget(self.smoothing_label)
        bar.addSpacing(4)
        self.log_loss_box = QCheckBox()
        self.log_loss_box.toggled.connect(self._apply_log_modes)
        bar.addWidget(self.log_loss_box)
        self.log_x_box = QCheckBox()
        self.log_x_box.toggled.connect(self._apply_log_modes)
        bar.addWidget(self.log_x_box)
        # the earlier runs named in their curves' colours, beside the button that clears them
        # (in the plots' legend their line ran over the axis of the window's short plots)
        self.earlier_label = QLabel()
        self.earlier_label.setTextFormat(Qt.TextFormat.RichText)
        self.earlier_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.earlier_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.earlier_label, 1)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_earlier)
        self.clear_button.setEnabled(False)
        bar.addWidget(self.clear_button)
        self.export_button = QToolButton()
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        self.export_csv_action = menu.addAction("", self._on_export_csv)
        self.export_png_action = menu.addAction("", self._on_export_png)
        self.export_button.setMenu(menu)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.plots = CurvePlots()
        layout.addWidget(self.plots.graphics, 1)
        self.timeline = Timeline(self.session)
        self.timeline.shown.connect(self._place_cursor)
        layout.addWidget(self.timeline)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Every text, the legends of the runs drawn too (written again from their data)."""
        for i, text in enumerate((self.tr("by step"), self.tr("by epoch"), self.tr("by time"))):
            self.x_box.setItemText(i, text)
        self.x_box.setToolTip(self.tr("What the horizontal axis counts"))
        self.smoothing_title.setText(self.tr("Smoothing"))
        self.smoothing_slider.setToolTip(
            self.tr("How strongly the training curves are averaged over recent batches")
        )
        self.log_loss_box.setText(self.tr("log loss"))
        self.log_x_box.setText(self.tr("log x"))
        self.clear_button.setText(self.tr("Clear old runs"))
        self.clear_button.setToolTip(self.tr("Remove the dimmed curves of earlier runs"))
        self.export_button.setText(self.tr("Export"))
        self.export_csv_action.setText(self.tr("Curves as CSV table…"))
        self.export_png_action.setText(self.tr("Plots as PNG picture…"))
        self.plots.set_y_labels(self.tr("loss"), self.tr("accuracy (%)"))
        self.plots.set_empty_texts(
            self.tr("Press Start in the Training panel:\nthe loss will fall here as it learns"),
            self.tr("and the accuracy will rise here,\non the training batches and the test set"),
        )
        self._set_x_label()
        self._make_items()
        if self.current is not None:
            self.plots.rename(self.current, self._legend_names(self.current))
        self._show_earlier_runs()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        if self.plots.arrange():
            self._set_x_label()
        self._show_earlier_runs()  # as many earlier runs named as the new width holds

    # ------------------------------------------------------------------ runs
    def begin_run(self, record: RunRecord) -> None:
        """A new run: the previous one is dimmed and labelled, the new one gets fresh items,
        both a little later, one after the other (or before anything draws): Start is three
        short pieces of work for the window, not one long one."""
        self._make_items()
        previous = self.current
        run = RunCurves(len(self.runs) + 1, record)
        self.runs.append(run)
        self.current = run
        self._items_pending = (previous, run)
        QTimer.singleShot(ITEMS_DELAY_MS, self, self._make_items_later)
        self.clear_button.setEnabled(len(self.runs) > 1)
        self._dirty = True

    def _make_items_later(self) -> None:
        """The turn after Start: the previous run dimmed now, the new one's items next turn."""
        if self._items_pending is None or self._items_pending[0] is None:
            self._make_items()  # (nothing to dim, or done already)
            return
        self._dim_previous()
        QTimer.singleShot(ITEMS_DELAY_MS, self, self._make_items)

    def _dim_previous(self) -> None:
        previous, run = self._items_pending
        self._items_pending = (None, run)
        if previous in self.runs and previous.items:
            self._sync(previous)
            self.plots.dim(previous)
            self.plots.draw(previous, True)

    def _make_items(self) -> None:
        """The previous run dimmed and the plot items and legend entries of the newest run, if
        not done yet."""
        if self._items_pending is None:
            return
        if self._items_pending[0] is not None:
            self._dim_previous()
        _, run = self._items_pending
        self._items_pending = None
        if run not in self.runs:
            return
        self.plots.add_run(run, self._legend_names(run))
        self._show_earlier_runs()
        self._dirty = True

    def _legend_names(self, run: RunCurves) -> dict[str, str | None]:
        """The legend entries of the current run's items (None: not in a legend)."""
        other = "cross_entropy" if run.minimised == "mse" else "mse"
        validated = run.config.validation > 0
        names = {"cross_entropy": self.tr("cross-entropy"), "mse": self.tr("MSE")}
        return {
            "batch_loss": None,
            "smooth_loss": self.tr("training, smoothed"),
            "test_loss": self.tr("test {loss} (minimised)").format(loss=names[run.minimised]),
            "test_other": self.tr("test {loss}").format(loss=names[other]),
            "train_accuracy": self.tr("training, smoothed"),
            "test_accuracy": self.tr("test"),
            "validation_loss": self.tr("validation") if validated else None,
            "validation_accuracy": self.tr("validation") if validated else None,
        }

    def earlier_runs_text(self, named: int = _EARLIER_NAMED, detailed: bool = True) -> str:
        """One line for every earlier run, however many (rich text; "" without any): the
        newest ``named`` ones each with its mark in its curves' colour and, ``detailed``, the
        settings that tell the runs apart and its test accuracy; older ones counted."""
        earlier = [run for run in self.runs if run is not self.current]
        if not earlier:
            return ""
        varied = varied_settings(self.runs)[:_SETTINGS_NAMED] if detailed else []
        parts = []
        for run in earlier[-named:]:
            text = f"<span style='color:{earlier_colour(run.number)}'><b>━</b> {run.number}</span>"
            settings = ", ".join(self._setting(run, name) for name in varied)
            if settings:
                text += " " + settings
            if detailed and run.test_accuracy is not None:
                text += f" → {run.test_accuracy:.1%}"
            parts.append(text)
        older = len(earlier) - named
        if older > 0:
            parts.insert(0, self.tr("{n} older").format(n=older))
        lead = self.tr("earlier runs:") if len(earlier) > 1 else self.tr("earlier run:")
        return lead + " " + " &nbsp;".join(parts)

    def _show_earlier_runs(self) -> None:
        """The earlier runs' line: the newest named with their settings and accuracies as far
        as its width holds, else their marks only; all of them in its tooltip."""
        label = self.earlier_label
        full = self.earlier_runs_text()
        if not full:  # no earlier runs (every resize before the first run asks)
            label.setText("")
            label.setToolTip("")
            return
        shorter = [
            self.earlier_runs_text(named, detailed)
            for detailed in (True, False)
            for named in range(_EARLIER_NAMED, 0, -1)
        ]
        fits = (t for t in shorter if _rich_text_width(t, label.font()) <= label.width())
        text = next(fits, shorter[-1])
        label.setText(text)
        label.setToolTip(full if text != full else "")

    def _setting(self, run: RunCurves, name: str) -> str:
        """One setting of ``run`` as the legend names it: 'lr 0.5', 'batch 32', 'ReLU'."""
        value = run.config.to_dict()[name]
        if name == "hidden":
            return "-".join(str(v) for v in value)
        text = f"{value:g}" if isinstance(value, float) else choice_name(name, str(value))
        formats = {
            "lr": self.tr("lr {v}"),
            "batch_size": self.tr("batch {v}"),
            "init": self.tr("{v} init"),
            "epochs": self.tr("{v} epochs"),
            "seed": self.tr("seed {v}"),
        }
        return formats[name].format(v=text) if name in formats else text

    def _sync(self, run: RunCurves) -> bool:
        """Take what is new in the run's record; True if there was anything."""
        record = run.record
        steps = record.step_rows(len(run.batches))
        evals = record.eval_rows(len(run.evals))
        if len(steps):
            col = {name: steps[:, i] for i, name in enumerate(recording.STEP_COLUMNS)}
            smooth, run.ema_state = ema(col["loss"], self._smoothing, run.ema_state)
            smooth_acc, run.accuracy_ema_state = ema(
                col["batch_accuracy"], self._smoothing, run.accuracy_ema_state
            )
            run.batches.append(
                step=col["step"],
                epoch=col["epoch"],
                elapsed=col["elapsed"],
                loss=col["loss"],
                smooth=smooth,
                batch_accuracy=col["batch_accuracy"],
                smooth_accuracy=smooth_acc,
            )
        if len(evals):
            run.evals.append(
                **{name: evals[:, recording.EVAL_COLUMNS.index(name)] for name in EVAL_COLUMNS}
            )
        return bool(len(steps) or len(evals))

    def clear_earlier(self) -> None:
        """Remove every run but the newest (from the Session: its views all forget them)."""
        self.session.remove_earlier_runs()

    def _on_runs_removed(self, records: list[RunRecord]) -> None:
        gone = [run for run in self.runs if run.record in records]
        for run in gone:
            self.plots.remove(run)
        self.runs = [run for run in self.runs if run not in gone]
        for i, run in enumerate(self.runs, start=1):
            run.number = i
        if self.current in gone:
            self.current = None
        self._show_earlier_runs()
        self.clear_button.setEnabled(len(self.runs) > 1)
        self.plots.reset_ranges()
        self._dirty_all = True
        self.refresh()

    # ------------------------------------------------------------------ options
    def set_smoothing(self, smoothing: float) -> None:
        """EMA beta in [0, 1); recomputes the smoothed line of every run."""
        self._smoothing = min(max(float(smoothing), 0.0), 1.0 - 1.0 / _SMOOTHING_STEPS)
        self.smoothing_label.setText(f"{self._smoothing:.2f}")
        for run in self.runs:
            smooth, run.ema_state = ema(run.batches["loss"], self._smoothing)
            run.batches.set_column("smooth", smooth)
            smooth, run.accuracy_ema_state = ema(run.batches["batch_accuracy"], self._smoothing)
            run.batches.set_column("smooth_accuracy", smooth)
        self._dirty_all = True

    @property
    def smoothing(self) -> float:
        return self._smoothing

    def set_x_mode(self, mode: str) -> None:
        if mode not in _X_MODES:
            raise ValueError(f"x axis must be one of {_X_MODES}, got {mode!r}")
        self.plots.set_x_mode(mode)
        i = self.x_box.findData(mode)
        if self.x_box.currentIndex() != i:
            self.x_box.setCurrentIndex(i)
        self._set_x_label()
        self._dirty_all = True
        self.refresh()

    def _set_x_label(self) -> None:
        text = {
            "step": self.tr("steps (batches trained)"),
            "epoch": self.tr("epochs"),
            "time": self.tr("seconds of training"),
        }[self.plots.x_mode]
        self.plots.set_x_label(text)

    def _apply_log_modes(self) -> None:
        self.plots.set_log_modes(self.log_x_box.isChecked(), self.log_loss_box.isChecked())
        self._dirty_all = True
        self.refresh()

    # ------------------------------------------------------------------ drawing
    def _on_timer(self) -> None:
        if self.current is not None and self._sync(self.current):
            self._dirty = True
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Read what is new in the newest run's record and push the buffers into the plot
        items (only the runs that can have changed)."""
        self._make_items()
        if self.current is not None and self._sync(self.current):
            self._dirty = True
        if not (self._dirty or self._dirty_all):
            return
        for run in self.runs:
            if self._dirty_all or run is self.current:
                self.plots.draw(run, self._dirty_all)
        if self.current is not None:
            changes = self.current.record.changes
            if len(changes) != self.current.changes_drawn:
                self.plots.mark_changes(self.current, changes, self._change_text)
            self.plots.place_changes(self.current)
        self._dirty = self._dirty_all = False
        self.plots.fit_x(self.runs)
        self.plots.fit_y(self.runs, self.current)
        self.timeline.refresh()
        self.refresh_count += 1
        self.refreshed.emit()

    def _change_text(self, name: str, old: float, new: float, step: int) -> str:
        """A change's legend line: 'lr 1 → 0.1 at step 1,100'."""
        label = {
            "lr": self.tr("lr"),
            "momentum": self.tr("momentum"),
            "l2": self.tr("L2"),
            "dropout": self.tr("dropout"),
        }[name]
        return self.tr("{name} {old} → {new} at step {step:,}").format(
            name=label, old=f"{old:g}", new=f"{new:g}", step=step
        )

    def _place_cursor(self, step) -> None:
        """The timeline's step as a line on the plots, in the x axis's unit."""
        run = self.current
        if step is None or run is None or not len(run.batches):
            self.plots.set_cursor(None)
            return
        column = {"step": "step", "epoch": "epoch", "time": "elapsed"}[self.plots.x_mode]
        steps = run.batches["step"]
        x = float(
            np.interp(
                step, np.concatenate([[0], steps]), np.concatenate([[0], run.batches[column]])
            )
        )
        self.plots.set_cursor(x)

    # ------------------------------------------------------------------ export
    def export_csv(self, path: str | os.PathLike[str]) -> None:
        """Every run's batches and evaluations as one table (empty cells where not measured)."""
        self.refresh()  # everything the record holds so far
        export_runs_csv(self.runs, path)

    def export_png(self, path: str | os.PathLike[str]) -> bool:
        """Both plots as a PNG worth printing (EXPORT_SIZE at EXPORT_SCALE times the pixels),
        whatever their size in the window."""
        self.refresh()
        picture = self.plots.picture(EXPORT_SIZE, EXPORT_SCALE, self.earlier_runs_text())
        return picture.save(str(path))

    def _on_export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export curves as CSV"), "curves.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(path)

    def _on_export_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export curves as PNG"), "curves.png", self.tr("PNG images (*.png)")
        )
        if path:
            self.export_png(path)
