"""The Compare panel: two runs (the Session's, as on the curves, or run files added here) shown at
one step.

- their accuracy while training (smoothed, per step) and on the test set (per evaluation),
  overlaid, with one cursor at the step shown: accuracy, not loss, because two runs may
  minimise different losses (MSE against cross-entropy), whose values do not compare;
- the two networks' answers (probabilities) for the digit on screen, side by side;
- their accuracy per class, from each run's test-set evaluation at or before the step;
- their first-layer weights as pictures, side by side;
- whether they started from the same initial weights, and which settings differ.

Its step follows the window's timeline (the newest run's step shown) and has a slider of its
own over the steps either run kept. Every number comes from the core (``nnviz.core.comparison``).
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.comparison import (
    RunAtStep,
    compared_steps,
    differing_settings,
    run_at_step,
    same_initial_weights,
)
from nnviz.core.errors import NnvizError
from nnviz.core.mosaic import weight_mosaic
from nnviz.core.recording import RunRecord
from nnviz.core.smoothing import ema
from nnviz.gui import style
from nnviz.gui.i18n import setting_name
from nnviz.gui.session import Session
from nnviz.gui.visibility import DeferWhileHidden

__all__ = ["ComparePanel"]

COLOURS = style.COMPARE_COLOURS[:2]  # run A, run B
_SMOOTHING = 0.95  # EMA beta of the training accuracy curves: about the last twenty batches
_TILES = 10  # first-layer units pictured per run (5 x 2: room for a tile to read as a stroke)
_TILES_ASPECT = 2.5  # the mosaic's width over height
_LIVE_MS = 1000  # how often a run still training is read again while the panel shows
_BAR = 0.38  # width of one run's bar; the two sit side by side on each class
_NOTE_WIDTH = 110  # px of the note in an empty per-class chart (it wraps)
_SETTINGS_NAMED = 2  # settings named in a run's entry (all of them in its tooltip)
_CONTROLS_WIDTH = 250  # px of the run boxes and the text, left of the plots


def _varied(configs: list) -> list[str]:
    """The settings that differ among ``configs`` (the config's order)."""
    if len(configs) < 2:
        return []
    names = set()
    for other in configs[1:]:
        names.update(differing_settings(configs[0], other))
    return [f for f in configs[0].to_dict() if f in names]


class ComparePanel(QWidget):
    """Two runs at one step. ``shown`` holds what is drawn: (RunAtStep of A, of B) or None."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.files: list[tuple[RunRecord, str]] = []  # run files added here: (record, name)
        self.choices: list[tuple[RunRecord, str]] = []  # what the two boxes offer
        self.steps = np.zeros(0, dtype=np.int64)
        self.step: int | None = None
        self.shown: tuple[RunAtStep, RunAtStep] | None = None
        self._drawn_lengths: tuple[int, int] = (-1, -1)  # steps recorded when curves were drawn
        self._error = ""  # why the last run file could not be added
        self._lazy = DeferWhileHidden(self)
        self._build()
        session.run_added.connect(lambda _record: self._rebuild_choices(newest=True))
        session.runs_removed.connect(lambda _records: self._rebuild_choices())
        session.shown_step_changed.connect(self._on_shown_step_changed)
        session.sample_changed.connect(self._redraw_step)
        session.dataset_changed.connect(self._redraw_step)
        self._live = QTimer(self)
        self._live.setInterval(_LIVE_MS)
        self._live.timeout.connect(self._on_live_timer)
        self._live.start()
        self.retranslate_ui()
        self._rebuild_choices(newest=True)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        """Controls on the left, the plots in a row on the right: the panel sits under the
        graph, a wide and low strip."""
        outer = QHBoxLayout(self)
        outer.setContentsMargins(6, 4, 6, 4)
        outer.setSpacing(8)
        controls = QWidget()
        controls.setFixedWidth(_CONTROLS_WIDTH)
        layout = QVBoxLayout(controls)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        pick = QGridLayout()
        pick.setHorizontalSpacing(6)
        self.a_label, self.b_label = QLabel(), QLabel()
        self.a_box, self.b_box = QComboBox(), QComboBox()
        for row, (label, box, colour) in enumerate(
            zip((self.a_label, self.b_label), (self.a_box, self.b_box), COLOURS, strict=True)
        ):
            label.setStyleSheet(f"color: {colour}; font-weight: bold;")
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(10)
            box.currentIndexChanged.connect(self._on_runs_chosen)
            pick.addWidget(label, row, 0)
            pick.addWidget(box, row, 1)
        pick.setColumnStretch(1, 1)
        layout.addLayout(pick)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self._on_add_file)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.message)
        step_row = QHBoxLayout()
        self.step_title = QLabel()
        step_row.addWidget(self.step_title)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.valueChanged.connect(self._on_slider)
        step_row.addWidget(self.slider, 1)
        layout.addLayout(step_row)
        self.step_label = QLabel()
        self.step_label.setWordWrap(True)
        layout.addWidget(self.step_label)
        layout.addStretch(1)
        outer.addWidget(controls)

        self.plots = pg.GraphicsLayoutWidget()
        self.plots.setBackground(style.BACKGROUND)
        self.plots.ci.setSpacing(4)
        self.curve_plot = self._plot(0)
        self.curves: list[tuple[pg.PlotDataItem, pg.PlotDataItem]] = []
        for colour in COLOURS:
            train = self.curve_plot.plot(pen=pg.mkPen(colour, width=1.5))
            train.setDownsampling(auto=True, method="peak")
            train.setClipToView(True)
            test = self.curve_plot.plot(
                pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine),
                symbol="o",
                symbolSize=6,
                symbolBrush=colour,
                symbolPen=pg.mkPen(style.MARKER_OUTLINE),
            )
            self.curves.append((train, test))
        self.cursor = pg.InfiniteLine(
            angle=90, pen=pg.mkPen(style.CURVES_CURSOR, width=1.5, style=Qt.PenStyle.DashLine)
        )
        self.curve_plot.addItem(self.cursor)
        self.curve_plot.setYRange(0, 100, padding=0.02)
        self.answer_plot = self._plot(1)
        self.class_plot = self._plot(2)
        self.answer_bars, self.class_bars = [], []
        for colour in COLOURS:
            for plot, bars in (
                (self.answer_plot, self.answer_bars),
                (self.class_plot, self.class_bars),
            ):
                item = pg.BarGraphItem(x=[], height=[], width=_BAR, brush=colour, pen=None)
                plot.addItem(item)
                bars.append(item)
        for plot in (self.answer_plot, self.class_plot):
            plot.setYRange(0, 100, padding=0.02)
            plot.setMouseEnabled(False, False)
        self.class_note = pg.TextItem(anchor=(0.5, 0.5), color=style.MUTED)
        self.class_note.setTextWidth(_NOTE_WIDTH)
        self.class_plot.addItem(self.class_note)
        weights = self.plots.addLayout(row=0, col=3)
        self.weight_boxes, self.weight_images, self.weight_titles = [], [], []
        for row in range(2):
            self.weight_titles.append(weights.addLabel(row=2 * row, col=0))
            box = weights.addViewBox(row=2 * row + 1, col=0, lockAspect=True, invertY=True)
            box.setMouseEnabled(False, False)
            image = pg.ImageItem(axisOrder="row-major")
            image.setLookupTable(style.value_colormap().getLookupTable(0.0, 1.0, 256, alpha=True))
            box.addItem(image)
            self.weight_boxes.append(box)
            self.weight_images.append(image)
        for col, stretch in enumerate((4, 3, 3, 3)):
            self.plots.ci.layout.setColumnStretchFactor(col, stretch)
        outer.addWidget(self.plots, 1)

    def _plot(self, col: int) -> pg.PlotItem:
        plot = self.plots.addPlot(row=0, col=col)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.showGrid(x=False, y=True, alpha=0.25)
        for name in ("left", "bottom"):
            ax = plot.getAxis(name)
            ax.setPen(pg.mkPen(style.CURVES_AXIS))
            ax.setTextPen(pg.mkPen(style.CURVES_AXIS))
        return plot

    def retranslate_ui(self) -> None:
        self.a_label.setText(self.tr("Run A"))
        self.b_label.setText(self.tr("Run B"))
        self.add_button.setText(self.tr("Add a run file…"))
        self.add_button.setToolTip(
            self.tr("Compare with a run saved earlier (File > Save run, or nnviz train --record)")
        )
        self.step_title.setText(self.tr("Step:"))
        self.slider.setToolTip(self.tr("The step both runs are shown at"))
        self.curve_plot.setLabel("bottom", self.tr("steps"))
        self._write_texts()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------------ choosing runs
    @property
    def runs(self) -> tuple[RunRecord, RunRecord] | None:
        """The two runs chosen (A, B), or None when there are not two different ones that
        both kept weights (a run that has just started has none yet)."""
        a, b = self.a_box.currentIndex(), self.b_box.currentIndex()
        if min(a, b) < 0 or a == b or max(a, b) >= len(self.choices):
            return None
        chosen = self.choices[a][0], self.choices[b][0]
        return chosen if all(len(r.snapshot_steps) for r in chosen) else None

    def _rebuild_choices(self, newest: bool = False) -> None:
        """The boxes list the Session's runs (numbered as on the curves) and the files added;
        ``newest``: choose the two newest, else keep the choice where the runs are still there."""
        kept = [self.choices[i][0] for i in (self.a_box.currentIndex(), self.b_box.currentIndex())
                if 0 <= i < len(self.choices)]  # fmt: skip
        self.choices = [
            (record, self.tr("run {n}").format(n=i))
            for i, record in enumerate(self.session.runs, 1)
        ] + list(self.files)
        records = [record for record, _name in self.choices]
        if newest or len(kept) < 2 or any(r not in records for r in kept):
            picks = (max(len(records) - 2, 0), len(records) - 1)
        else:
            picks = tuple(records.index(r) for r in kept)
        varied = _varied([record.config for record in records])
        for box, pick in zip((self.a_box, self.b_box), picks, strict=True):
            box.blockSignals(True)
            box.clear()
            for record, name in self.choices:
                box.addItem(self._short(record, name, varied))
                box.setItemData(
                    box.count() - 1, self._describe(record), Qt.ItemDataRole.ToolTipRole
                )
            box.setCurrentIndex(pick if len(records) > 1 else -1)
            box.blockSignals(False)
        self._on_runs_chosen()

    def _short(self, record: RunRecord, name: str, varied: list[str]) -> str:
        """The run's name and the settings that tell the runs apart: "run 2: relu, lr 0.1"."""
        values = record.config.to_dict()
        parts = []
        for key in varied[:_SETTINGS_NAMED]:
            value = values[key]
            if isinstance(value, float):
                value = f"{value:g}"
            elif isinstance(value, (list, tuple)):
                value = "-".join(str(v) for v in value)
            parts.append(
                str(value) if key in ("activation", "loss", "optimizer") else f"{key} {value}"
            )
        return f"{name}: {', '.join(parts)}" if parts else name

    def _describe(self, record: RunRecord) -> str:
        c = record.config
        text = self.tr("{act}, {loss}, lr {lr:g}, batch {batch}, seed {seed}").format(
            act=c.activation, loss=c.loss, lr=c.lr, batch=c.batch_size, seed=c.seed
        )
        if record.status not in ("finished",):
            text += " " + self.tr("(status: {s})").format(s=record.status)
        return text

    def add_run_file(self, path: str | Path) -> bool:
        """Offer a run record file for the comparison (as run B); a file that cannot be used
        is reported in the panel and changes nothing."""
        path = Path(path)
        try:
            record = RunRecord.load(path)
            if not len(record.snapshot_steps):
                raise NnvizError(f"{path}: the run record holds no weights")
            dataset = self.session.dataset
            if dataset is not None and (problem := dataset.mismatch(record.sizes)):
                raise NnvizError(f"{path}: {problem}")
        except NnvizError as exc:
            self._error = self.tr("The run file could not be added.") + " " + str(exc)
            self._write_texts()
            return False
        self._error = ""
        self.files.append((record, path.name))
        self._rebuild_choices()
        self.b_box.setCurrentIndex(len(self.choices) - 1)
        return True

    def _on_add_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add a run file"), "", self.tr("Run records (*.npz)")
        )
        if path:
            self.add_run_file(path)

    def _on_runs_chosen(self, *_args) -> None:
        runs = self.runs
        self.steps = compared_steps(*runs) if runs else np.zeros(0, dtype=np.int64)
        self.slider.blockSignals(True)
        self.slider.setRange(0, max(len(self.steps) - 1, 0))
        self.slider.blockSignals(False)
        self.slider.setEnabled(len(self.steps) > 1)
        if runs and len(self.steps) and (self.step is None or self.step > self.steps[-1]):
            self.step = int(self.steps[-1])
        self._drawn_lengths = (-1, -1)
        self._place_slider()
        self._redraw()

    # ------------------------------------------------------------------ the step
    def set_step(self, step: int) -> None:
        """Show both runs at ``step`` (each at its kept snapshot nearest it)."""
        self.step = int(step)
        self._place_slider()
        self._redraw_step()

    def _place_slider(self) -> None:
        if self.step is None or not len(self.steps):
            return
        self.slider.blockSignals(True)
        self.slider.setValue(int(np.argmin(np.abs(self.steps - self.step))))
        self.slider.blockSignals(False)

    def _on_slider(self, index: int) -> None:
        if len(self.steps):
            self.step = int(self.steps[min(index, len(self.steps) - 1)])
            self._redraw_step()

    def _on_shown_step_changed(self, step) -> None:
        if step is not None:  # the window's timeline moved: the comparison follows
            self.set_step(step)

    def _on_live_timer(self) -> None:
        runs = self.runs
        if runs and tuple(r.steps_recorded for r in runs) != self._drawn_lengths:
            steps = compared_steps(*runs)
            if len(steps) != len(self.steps):
                following = self.step is None or not len(self.steps) or self.step >= self.steps[-1]
                self.steps = steps
                self.slider.blockSignals(True)
                self.slider.setRange(0, max(len(steps) - 1, 0))
                self.slider.blockSignals(False)
                self.slider.setEnabled(len(steps) > 1)
                if following:
                    self.step = int(steps[-1])
                self._place_slider()
            self._redraw()

    # ------------------------------------------------------------------ drawing
    def _redraw(self) -> None:
        if self._lazy.defer(self._redraw):
            return
        runs = self.runs
        for i, (train, test) in enumerate(self.curves):
            if runs is None:
                train.setData([], [])
                test.setData([], [])
                continue
            record = runs[i]
            steps = record.step_column("step")
            if len(steps):
                smooth, _state = ema(record.step_column("batch_accuracy"), _SMOOTHING)
                train.setData(steps, 100.0 * smooth)
            else:
                train.setData([], [])
            test.setData(record.eval_column("step"), 100.0 * record.eval_column("test_accuracy"))
        self._drawn_lengths = tuple(r.steps_recorded for r in runs) if runs else (-1, -1)
        self._redraw_step()

    def _redraw_step(self) -> None:
        if self._lazy.defer(self._redraw_step):
            return
        runs = self.runs
        if runs is None or self.step is None:
            self.shown = None
            self.cursor.hide()
            for item in (*self.answer_bars, *self.class_bars):
                item.setOpts(x=[], height=[])
            for image in self.weight_images:
                image.clear()
            self._write_texts()
            return
        x = self.session.x
        self.shown = tuple(run_at_step(record, self.step, x) for record in runs)
        self.cursor.setPos(self.step)
        self.cursor.show()
        for i, shown in enumerate(self.shown):
            offset = (i - 0.5) * _BAR
            for bars, values in (
                (self.answer_bars, shown.probabilities),
                (self.class_bars, shown.class_accuracy),
            ):
                if values is None:
                    bars[i].setOpts(x=[], height=[])
                else:
                    bars[i].setOpts(x=np.arange(len(values)) + offset, height=100.0 * values)
            self._draw_weights(i, shown.W1)
        scores = [s.class_accuracy for s in self.shown if s.class_accuracy is not None]
        low = min(float(np.min(v)) for v in scores) if scores else 0.0
        # the classes differ by a few points: the axis starts a little under the lowest
        self.class_plot.setYRange(max(0.0, 10.0 * math.floor(10.0 * low - 0.5)), 100, padding=0.02)
        classes = runs[0].sizes[-1]
        for plot in (self.answer_plot, self.class_plot):
            plot.setXRange(-0.6, classes - 0.4, padding=0)
            plot.getAxis("bottom").setTicks(
                [[(k, name) for k, name in enumerate(self.session.class_names()[:classes])]]
            )
        self._write_texts()

    def _draw_weights(self, i: int, W1: np.ndarray) -> None:
        side = int(round(math.sqrt(W1.shape[0])))
        image, box = self.weight_images[i], self.weight_boxes[i]
        if side * side != W1.shape[0]:
            image.clear()
            return
        mosaic, _rows, _cols = weight_mosaic(W1, side, max_tiles=_TILES, aspect=_TILES_ASPECT)
        image.setImage(np.nan_to_num(mosaic, nan=0.0), levels=(-1.0, 1.0), autoLevels=False)
        image.setRect(0, 0, mosaic.shape[1], mosaic.shape[0])
        box.setRange(xRange=(0, mosaic.shape[1]), yRange=(0, mosaic.shape[0]), padding=0.02)

    def _write_texts(self) -> None:
        """The message (fairness, or why there is nothing to compare) and the plots' titles."""
        runs, shown = self.runs, self.shown
        bad = f"<span style='color:{style.WRONG}'>{self._error}</span><br>" if self._error else ""
        if runs is None:
            if len(self.choices) < 2:
                text = self.tr(
                    "Compare needs two runs: train another one (earlier runs stay on the "
                    "curves) or add a run file. Tick <i>Same initial weights</i> in Training "
                    "so that only the settings differ."
                )
            elif self.a_box.currentIndex() == self.b_box.currentIndex():
                text = self.tr("Choose two different runs.")
            else:
                text = self.tr("A run chosen has no weights yet: it has just started.")
            self.message.setText(bad + text)
            self.step_label.setText("")
            for plot in (self.curve_plot, self.answer_plot, self.class_plot):
                self._set_title(plot, "")
            for title in self.weight_titles:
                title.setText("")
            return
        a, b = runs
        same = same_initial_weights(a, b)
        if same is True:
            fair = self.tr("<b>Same initial weights</b>: only the settings make the difference.")
        elif same is False:
            fair = self.tr(
                "<b>Different initial weights</b>: part of any difference is the luck of the "
                "random start (tick <i>Same initial weights</i> in Training for a fair test)."
            )
        else:
            fair = self.tr("Whether the initial weights were the same is not known.")
        names = [setting_name(f) for f in differing_settings(a.config, b.config)]
        differ = (
            self.tr("Settings that differ: {names}.").format(names=", ".join(names))
            if names
            else self.tr("The settings are the same.")
        )
        self.message.setText(bad + fair + " " + differ)
        if shown is None:
            return
        self.step_label.setText(
            self.tr("step {s:,}: A at its kept step {a:,}, B at {b:,}").format(
                s=self.step, a=shown[0].step, b=shown[1].step
            )
        )
        self._set_title(self.curve_plot, self.tr("accuracy %: training ━, test ●"))
        label = self.session.label
        names = self.session.class_names()
        self._set_title(
            self.answer_plot,
            self.tr("answer % for this digit (a {t})").format(t=names[label])
            if label is not None and label < len(names)
            else self.tr("answer % for this digit"),
        )
        self._set_title(self.class_plot, self.tr("test accuracy % per class"))
        missing = [w for w, s in zip("AB", shown, strict=True) if s.evaluation_step is None]
        self.class_note.setText(
            self.tr("no test-set evaluation yet ({runs})").format(runs=", ".join(missing))
            if missing
            else ""
        )
        self.class_note.setPos((len(names) - 1) / 2, 50)
        for title, colour, which in zip(self.weight_titles, COLOURS, ("A", "B"), strict=True):
            title.setText(self.tr("{run}: weights W1").format(run=which), color=colour, size="9pt")

    @staticmethod
    def _title(text: str) -> str:
        return f"<span style='color:{style.TEXT}; font-size:9pt'>{text}</span>"

    def _set_title(self, plot: pg.PlotItem, text: str) -> None:
        """A plot's title that never widens the plot: in a narrow panel it is cut, the plots
        keep their room."""
        plot.setTitle(self._title(text))
        plot.titleLabel.setMinimumWidth(0)
