"""The main window: menus, status bar, the network view at the centre with the stage header above
and the step controls below, and docks for the other panels (``add_panel``). The menu bar and its
actions are :class:`nnviz.gui.window_menus.WindowMenus` (``self.menus``), the docks and their
remembered layout are kept by :class:`nnviz.gui.dock_panels.DockPanels`; every text of the window
is set here.

No maths here: the window loads and saves through the core and hands everything to the Session.
"""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.datasets import Dataset, load_dataset
from nnviz.core.errors import NnvizError
from nnviz.core.model_io import load_model, save_model
from nnviz.core.network import Network
from nnviz.core.recording import RunRecord
from nnviz.gui.data.data_view import DataPanel
from nnviz.gui.data.pixel_view import PixelPanel
from nnviz.gui.dock_panels import DockPanels
from nnviz.gui.draw.drawing_pad import DrawingPad
from nnviz.gui.explain import Explainer
from nnviz.gui.explorer.activation_explorer import ActivationExplorer
from nnviz.gui.graph.forward_controls import ForwardControls
from nnviz.gui.graph.legend import LegendBar
from nnviz.gui.graph.network_view import NetworkView
from nnviz.gui.graph.node_info import NodeInfoPopup
from nnviz.gui.graph.stage_header import StageHeader
from nnviz.gui.i18n import LanguageManager, choice_name
from nnviz.gui.lesson.lesson_panel import LessonPanel
from nnviz.gui.probes_dock import ProbesDock
from nnviz.gui.run_files import RunSaver, run_dataset
from nnviz.gui.session import Session, single_digit_lr
from nnviz.gui.tabs import LazyPage, TitledTabs, lazy_panel, scrolled
from nnviz.gui.training_docks import TrainingDocks
from nnviz.gui.window_menus import WindowMenus, shortcut_list

DEFAULT_SIZE = (1400, 860)  # px, when no size was remembered
# the panels hidden at start are made once the window is on screen and idle: the first this
# long after it appeared, then one per turn of the event loop with this gap between them
_IDLE_BUILD_DELAY_MS = 400
_IDLE_BUILD_GAP_MS = 30


def make_settings() -> QSettings:
    return QSettings("nnviz", "nnviz")


class MainWindow(QMainWindow):
    def __init__(
        self,
        session: Session,
        parent=None,
        settings: QSettings | None = None,
        remember_layout: bool = True,
        languages: LanguageManager | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.languages = languages
        self.settings = settings if settings is not None else make_settings()
        self.remember_layout = remember_layout
        self.model_path: Path | None = None
        self._rng = np.random.default_rng()
        self._layout_restored = False
        self.setDockOptions(
            QMainWindow.DockOption.AllowTabbedDocks | QMainWindow.DockOption.AllowNestedDocks
        )

        self.network_view = NetworkView(session)
        self.stage_header = StageHeader(session)
        self.legend = LegendBar(self.network_view)
        self.forward_controls = ForwardControls(session)
        self.node_info = NodeInfoPopup(
            session, self
        )  # over the window: may be taller than the view
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.stage_header)
        box.addWidget(self.network_view, 1)
        box.addWidget(self.legend)
        box.addWidget(self.forward_controls)
        self.setCentralWidget(central)

        self.network_view.node_hovered.connect(self._on_node_hovered)
        self.network_view.node_left.connect(self.node_info.hide_unpinned)
        self.network_view.node_clicked.connect(self._on_node_clicked)
        self._escape = QShortcut(QKeySequence("Esc"), self, activated=self.node_info.close_popup)

        self.run_saver = RunSaver(self)
        self.run_saver.saved.connect(self._on_run_saved)
        self.run_saver.failed.connect(self._on_run_save_failed)
        self.menus = WindowMenus(self, self.forward_controls.actions_by_name, languages)
        self._connect_menus()
        self._panels = DockPanels(self, self.menus.view_menu, self.menus.panels_separator)
        self.activation_explorer = ActivationExplorer(session)
        self._softmax_page = LazyPage(self._make_softmax_view)
        self.drawing_pad = DrawingPad(session)
        explorer_dock = self.add_panel(
            self.activation_explorer,
            QT_TRANSLATE_NOOP("MainWindow", "Activations"),
            context="MainWindow",
        )
        self.add_panel(
            scrolled(self._softmax_page, fill=True),  # its plots scroll in a short window
            QT_TRANSLATE_NOOP("MainWindow", "Softmax and loss"),
            context="MainWindow",
        )
        # the data as the deck shows it: the digit as 0-255 numbers, rows of examples per
        # class with their counts; two tabs of one panel, so the column's tabs stay readable
        self.pixel_panel = PixelPanel(session)
        self.data_panel = DataPanel(session)
        self.data_tabs = TitledTabs(
            [
                (self.pixel_panel, QT_TRANSLATE_NOOP("MainWindow", "Pixels")),
                (self.data_panel, QT_TRANSLATE_NOOP("MainWindow", "Data and labels")),
            ],
            context="MainWindow",
        )
        self.add_panel(
            self.data_tabs, QT_TRANSLATE_NOOP("MainWindow", "Data"), context="MainWindow"
        )
        self.add_panel(
            self.drawing_pad, QT_TRANSLATE_NOOP("MainWindow", "Draw"), context="MainWindow"
        )
        self.network_view.input_clicked.connect(lambda: self.raise_panel("Pixels"))
        self.training = TrainingDocks(self)  # controls, curves, results, first-layer weights
        self._connect_timeline()
        self.probes = ProbesDock(self)  # evaluate, robustness, map of a hidden layer, lab
        # the lesson on the left, so the panel each step looks at shows beside it; hidden
        # until asked for (View > Lesson, `nnviz --lesson`)
        self.lesson_panel = LessonPanel(  # the place is remembered with the layout
            session,
            self.settings if remember_layout else None,
            languages.language if languages else "en",
        )
        self.lesson_dock = self.add_panel(
            self.lesson_panel,
            QT_TRANSLATE_NOOP("MainWindow", "Lesson"),
            Qt.DockWidgetArea.LeftDockWidgetArea,
            context="MainWindow",
        )
        self.lesson_dock.hide()
        self.lesson_panel.panel_wanted.connect(self.raise_panel)
        # what the learner does in the data views, for the lesson's "try this"
        self.pixel_panel.pixel_hovered.connect(lambda _r, _c: self.lesson_panel.notice("pixel"))
        self.data_panel.digit_picked.connect(lambda _s, _i: self.lesson_panel.notice("pick"))
        if languages is not None:
            languages.language_changed.connect(self.lesson_panel.set_language)
        explorer_dock.raise_()
        self.summary_label = QLabel()
        self.statusBar().addPermanentWidget(self.summary_label)
        # every control explained: in the status bar on hover, and by What's This (Shift+F1)
        self.explainer = Explainer(self)
        self.menus.help_menu.insertAction(self.menus.about_action, self.explainer.action)
        session.network_changed.connect(self.update_summary)
        session.dataset_changed.connect(self.update_summary)
        session.run_added.connect(self._update_run_actions)
        session.runs_removed.connect(self._update_run_actions)
        self._update_run_actions()
        self.retranslate_ui()
        self.resize(*DEFAULT_SIZE)
        if self.remember_layout:
            geometry = self.settings.value("window/geometry")
            if geometry is not None:
                self.restoreGeometry(geometry)
        self.network_view.setFocus()

    # ------------------------------------------------------------------ panels made when needed
    def _make_softmax_view(self):
        from nnviz.gui.explorer.softmax_view import SoftmaxView

        return SoftmaxView(self.session)

    softmax_view = lazy_panel("_softmax_page", "The softmax and loss explorer.")

    def pending_panels(self) -> list[LazyPage]:
        """The panels not made yet (hidden since the window opened)."""
        return self._panels.pending()

    def build_all_panels(self) -> None:
        """Make every panel not made yet (they are made one by one once the window is idle)."""
        self._panels.build_all()

    def _build_next_panel(self) -> None:
        """Make one panel not made yet, then let the window handle its events before the
        next: the window shows at once, the hidden panels are ready soon after."""
        pending = self.pending_panels()
        if not self.isVisible():
            return
        if pending:
            pending[0].widget()
            QTimer.singleShot(_IDLE_BUILD_GAP_MS, self._build_next_panel)
        else:  # and last, the training process of the first Start
            self.training.controller.warm_up()

    # ------------------------------------------------------------------ language
    def retranslate_ui(self) -> None:
        """Set every static text (again, after the language changed)."""
        self.setWindowTitle(self.tr("nnviz: a neural network, step by step"))
        menus = self.menus
        menus.file_menu.setTitle(self.tr("&File"))
        menus.open_model_action.setText(self.tr("&Open model…"))
        menus.save_model_action.setText(self.tr("&Save model…"))
        menus.new_network_action.setText(self.tr("&New random network"))
        menus.open_run_action.setText(self.tr("Open &run…"))
        menus.open_run_action.setToolTip(
            self.tr("Open a recorded training run: its curves, its steps and its network")
        )
        menus.save_run_action.setText(self.tr("Save r&un…"))
        menus.save_run_action.setToolTip(
            self.tr("Save the run on the plots (its curves and weight snapshots) as a file")
        )
        menus.open_dataset_action.setText(self.tr("Open &dataset…"))
        menus.export_action.setText(self.tr("&Export picture…"))
        menus.quit_action.setText(self.tr("&Quit"))
        menus.step_menu.setTitle(self.tr("Forward &pass"))  # Alt+F is File's
        menus.animate_action.setText(self.tr("&Animate steps"))
        menus.timeline_menu.setTitle(self.tr("&Timeline"))
        menus.snapshot_back_action.setText(self.tr("One kept step &back"))
        menus.snapshot_forward_action.setText(self.tr("One kept step &forward"))
        menus.run_start_action.setText(self.tr("&Start of the run"))
        menus.run_latest_action.setText(self.tr("&Latest (back to live)"))
        menus.view_menu.setTitle(self.tr("&View"))
        menus.language_menu.setTitle(self.tr("&Language"))
        menus.help_menu.setTitle(self.tr("&Help"))
        menus.shortcuts_action.setText(self.tr("&Keyboard shortcuts"))
        self.explainer.action.setText(self.tr("&What's this?"))
        self._escape.setWhatsThis(self.tr("Close the pinned formula of a node"))
        menus.about_action.setText(self.tr("&About nnviz"))
        self._panels.retranslate()
        self.update_summary()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------------ panels
    def add_panel(
        self,
        widget: QWidget,
        title: str,
        area=Qt.DockWidgetArea.RightDockWidgetArea,
        context: str | None = None,
    ) -> QDockWidget:
        """Put ``widget`` in a dock (tabbed with the docks already in ``area``), listed in View.

        With ``context`` (a translation context, "" for :func:`nnviz.gui.i18n.tr`), ``title`` is
        the English source text, marked where it is written with
        ``QT_TRANSLATE_NOOP(context, "...")``, and the dock's title follows the language.
        Without it, ``title`` is shown as given (already translated) and stays as it is.
        """
        return self._panels.add(widget, title, area, context)

    def panels(self) -> list[QDockWidget]:
        return self._panels.panels()

    def raise_panel(self, name: str) -> bool:
        """Bring the panel (a dock, or a tab inside one) whose title, English title or object
        name is ``name`` to the front; an exact match wins over one containing ``name``."""
        return self._panels.raise_panel(name)

    # ------------------------------------------------------------------ actions
    def _connect_menus(self) -> None:
        menus = self.menus
        for action, slot in (
            (menus.open_model_action, self._on_open_model),
            (menus.save_model_action, self._on_save_model),
            (menus.new_network_action, self.new_random_network),
            (menus.open_run_action, self._on_open_run),
            (menus.save_run_action, self._on_save_run),
            (menus.open_dataset_action, self._on_open_dataset),
            (menus.export_action, self._on_export),
            (menus.quit_action, self._on_quit),
            (menus.shortcuts_action, self.show_shortcuts),
            (menus.about_action, self.show_about),
        ):
            action.triggered.connect(lambda _checked=False, slot=slot: slot())
        menus.animate_action.toggled.connect(self._on_animate_toggled)

    def _connect_timeline(self) -> None:
        """The Timeline menu's keys move the timeline under the curves."""
        menus, timeline = self.menus, self.training.curves.timeline
        for action, slot in (
            (menus.snapshot_back_action, lambda: timeline.step_snapshot(-1)),
            (menus.snapshot_forward_action, lambda: timeline.step_snapshot(+1)),
            (menus.run_start_action, timeline.show_start),
            (menus.run_latest_action, timeline.show_latest),
        ):
            action.triggered.connect(lambda _checked=False, slot=slot: slot())

    def open_model(self, path: str | Path) -> bool:
        """Load a model file; on error show it and keep the current network."""
        path = Path(path)
        try:
            network = load_model(path).network
        except NnvizError as exc:
            self.show_error(
                self.tr("The model file could not be opened; the network shown stays.")
                + "\n\n"
                + str(exc)
            )
            return False
        dataset = self.session.dataset
        if dataset is not None and (problem := dataset.mismatch(network.sizes)):
            self.show_error(
                self.tr("The model file could not be opened; the network shown stays.")
                + f"\n\n{path}: {problem}"
            )
            return False
        if not self.may_replace_network():
            return False
        self.session.set_playing(False)
        self.session.set_network(network)
        self.model_path = path
        self.statusBar().showMessage(self.tr("Opened {path}").format(path=path), 8000)
        self.update_summary()
        return True

    def save_model(self, path: str | Path) -> bool:
        meta = dict(self.training.model_meta())  # config and metrics of a run trained here
        if self.session.dataset is not None:  # how `nnviz eval` finds the same data again
            meta.update(self.session.dataset.identity())
        try:
            written = save_model(path, self.session.network, meta)
        except NnvizError as exc:
            self.show_error(self.tr("The model could not be saved.") + "\n\n" + str(exc))
            return False
        self.model_path = written
        self.session.mark_saved()
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=written), 8000)
        self.update_summary()
        return True

    # ------------------------------------------------------------------ run records
    def open_run(self, path: str | Path) -> bool:
        """Open a run record file: its curves join the plots, the timeline runs over its steps
        and the window shows its last weights. A file that cannot be used is reported and the
        window stays exactly as it was."""
        path = Path(path)
        failed = self.tr("The run could not be opened; the window stays as it was.")
        if self.training.controller.state.active:
            self.show_error(failed + "\n\n" + self.tr("A run is training: stop it first (Stop)."))
            return False
        try:
            record = RunRecord.load(path)
            dataset = run_dataset(record, self.session.dataset, path)
        except NnvizError as exc:
            self.show_error(failed + "\n\n" + str(exc))
            return False
        return self.show_run(record, dataset, path)

    def show_run(self, record: RunRecord, dataset: Dataset, path: Path | None = None) -> bool:
        """Show ``record`` (checked by ``run_dataset``, on ``dataset``) as the newest run, at
        its last weights; the learner is asked first about unsaved changes to the network."""
        if not self.may_replace_network():
            return False
        session = self.session
        network, _step = record.network_at(None)
        if record.status == "running":  # saved while it trained: this copy grows no more
            record.status = "stopped"
            record.message = record.message or "saved while it was still training"
        session.set_playing(False)
        if dataset is not session.dataset:
            session.set_dataset(dataset)
            session.show_test_sample(session.sample_index or 0)
        session.set_network(network)
        session.set_learning(record.config.loss, single_digit_lr(record.config))
        self.training.controller.forget_network()  # the window no longer shows its own run
        session.add_run(record)
        self.model_path = None
        if path is not None:
            self.statusBar().showMessage(self.tr("Opened run {path}").format(path=path), 8000)
        self.update_summary()
        return True

    def save_run(self, path: str | Path) -> bool:
        """Write the run on the plots (the newest; a live run as it is now) to ``path``, in a
        thread of its own: the status bar says when it is written, or why not. False when
        there is no run to save."""
        run = self.session.run
        if run is None:
            return False
        self.run_saver.save(run, path)
        self.statusBar().showMessage(self.tr("Saving the run to {path}…").format(path=path))
        return True

    def _on_run_saved(self, path: Path) -> None:
        self.statusBar().showMessage(self.tr("Saved run {path}").format(path=path), 8000)

    def _on_run_save_failed(self, message: str) -> None:
        self.show_error(self.tr("The run could not be saved.") + "\n\n" + message)

    def _update_run_actions(self, *_args) -> None:
        self.menus.save_run_action.setEnabled(self.session.run is not None)

    def _on_open_run(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open run"), str(self._start_dir()), self.tr("Run records (*.npz)")
        )
        if path:
            self.open_run(path)

    def _on_save_run(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save run"),
            str(self._start_dir() / "run.npz"),
            self.tr("Run records (*.npz)"),
        )
        if path:
            self.save_run(path)

    def new_random_network(self) -> None:
        if not self.may_replace_network():
            return
        net = self.session.network
        seed = int(self._rng.integers(2**31))
        self.session.set_playing(False)
        self.session.set_network(Network(net.sizes, net.activation, init="xavier", seed=seed))
        self.model_path = None
        self.statusBar().showMessage(
            self.tr(
                "New network with random weights (seed {seed}): untrained, so its predictions "
                "are guesses"
            ).format(seed=seed)
        )
        self.update_summary()

    def open_dataset(self, directory: str | Path) -> bool:
        try:
            dataset = load_dataset(directory)
            dataset.test  # noqa: B018 (read now so a broken file is reported here)
        except NnvizError as exc:
            self.show_error(self.tr("The dataset could not be opened.") + "\n\n" + str(exc))
            return False
        if problem := dataset.mismatch(self.session.network.sizes):
            self.show_error(
                self.tr("The dataset could not be opened.")
                + f"\n\n{directory}: the network shown {problem}"
            )
            return False
        self.session.set_dataset(dataset)
        self.session.show_test_sample(0)
        self.statusBar().showMessage(self.tr("Opened dataset {name}").format(name=dataset.name))
        return True

    def export_picture(self, path: str | Path) -> bool:
        """Save the header, graph and legend as a PNG."""
        if not self.centralWidget().grab().save(str(path)):
            self.show_error(self.tr("{path}: cannot write the picture").format(path=path))
            return False
        self.statusBar().showMessage(self.tr("Saved picture {path}").format(path=path), 8000)
        return True

    def show_error(self, text: str) -> None:
        """Tell the user, in the status bar and a message box that does not block."""
        self.statusBar().showMessage(text, 15000)
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("nnviz"), text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _on_open_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open model"), str(self._start_dir()), self.tr("Models (*.npz)")
        )
        if path:
            self.open_model(path)

    def _on_save_model(self) -> bool:
        """File > Save model: True once saved."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save model"),
            str(self._start_dir() / "model.npz"),
            self.tr("Models (*.npz)"),
        )
        return bool(path) and self.save_model(path)

    def ask_to_save(self) -> QMessageBox.StandardButton:
        """The one question before unsaved changes to the network would be lost: Save, Discard
        or Cancel (tests replace this method)."""
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("nnviz"),
            self.tr("The network on screen has changes that are not saved."),
            buttons.Save | buttons.Discard | buttons.Cancel,
            self,
        )
        box.setInformativeText(
            self.tr(
                "It was trained here or changed by a step of learning. Save it before it is "
                "replaced?"
            )
        )
        box.setDefaultButton(buttons.Save)
        return buttons(box.exec())

    def may_replace_network(self) -> bool:
        """Whether the network on screen may go (another model, a new or reset network, the
        window closing): at once when it has no unsaved changes, else as the learner answers
        ask_to_save (Save: once saved; a save cancelled or failed keeps the network)."""
        if not self.session.modified:
            return True
        answer = self.ask_to_save()
        if answer == QMessageBox.StandardButton.Save:
            return self._on_save_model()
        return answer == QMessageBox.StandardButton.Discard

    def _on_quit(self) -> None:
        if self.may_replace_network():
            self.close()

    def _on_open_dataset(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Open a directory with the four IDX files")
        )
        if path:
            self.open_dataset(path)

    def _on_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export picture"), "nnviz.png", self.tr("PNG images (*.png)")
        )
        if path:
            self.export_picture(path)

    def _start_dir(self) -> Path:
        return self.model_path.parent if self.model_path else Path.cwd()

    def _on_animate_toggled(self, on: bool) -> None:
        self.network_view.animations_enabled = on
        if not on:
            self.network_view.finish_animation()

    def show_shortcuts(self) -> None:
        rows = "".join(
            f"<tr><td><b>{html.escape(key)}</b></td><td>{html.escape(text)}</td></tr>"
            for key, text in shortcut_list(self)  # every key, read from the actions themselves
        )
        extra = self.tr("Hover a node to see its formula with the numbers; click to pin it.")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Keyboard shortcuts"),
            f"<table cellpadding='3'>{rows}</table><p>{extra}</p>",
            parent=self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About nnviz"),
            self.tr(
                "<b>nnviz</b>: see a neural network compute and learn.<br>"
                "The network of “Deep Learning from Scratch”, chapters 3 and 4, "
                "stepped through with the real numbers."
            ),
        )

    # ------------------------------------------------------------------ hover
    def _on_node_hovered(self, layer: int, unit: int, pos) -> None:
        self.node_info.show_node(layer, unit, self.network_view.mapTo(self, pos))

    def _on_node_clicked(self, layer: int, unit: int, pos) -> None:
        self.node_info.show_node(layer, unit, self.network_view.mapTo(self, pos), pinned=True)

    # ------------------------------------------------------------------ status
    def update_summary(self) -> None:
        net = self.session.network
        sizes = "-".join(str(s) for s in net.sizes)
        name = self.model_path.name if self.model_path else self.tr("unsaved")
        data = self.session.dataset.name if self.session.dataset else self.tr("no dataset")
        self.summary_label.setText(
            self.tr("{name} · {sizes} · {act} · {data}").format(
                name=name,
                sizes=sizes,
                act=choice_name("activation", net.activation.name),
                data=data,
            )
        )

    # ------------------------------------------------------------------ layout memory
    def showEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)
        if self._layout_restored:
            return
        self._layout_restored = True  # here, after every panel was added
        if not (self.remember_layout and self._panels.restore_state(self.settings)):
            self._panels.size_for_first_run()
        self._panels.unelide_tabs()
        QTimer.singleShot(_IDLE_BUILD_DELAY_MS, self._build_next_panel)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt)
        # the learner closing the window (its title bar) is asked first; File > Quit asked in
        # _on_quit; a close by the program (Ctrl-C in the terminal, a screenshot) is not
        if event.spontaneous() and not self.may_replace_network():
            event.ignore()
            return
        self.training.shutdown()  # stop a run and join its thread
        self.run_saver.finish()  # a run file being written is written whole
        self.probes.shutdown()  # cancel a curve or a map being computed, join its thread
        self.session.set_playing(False)
        if self.remember_layout:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self._panels.save_state(self.settings)
            self.settings.sync()
        super().closeEvent(event)
