"""Puts the Probes panel into the main window's right-hand column and saves the lab's changed
network as a new model file for it (the window knows the file the network came from; the
feature does not).

Part of the window, not of a feature: it may import the ``probes`` feature and the core.
The panel is made (and the feature imported) when it is first shown or asked for.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QFileDialog

from nnviz.core.errors import NnvizError
from nnviz.core.network import Network
from nnviz.gui.tabs import LazyPage, lazy_panel

__all__ = ["ProbesDock"]


class ProbesDock(QObject):
    """The Probes panel of a window that has ``session``, ``add_panel`` and ``model_path``."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._page = LazyPage(self._make_panel)
        self.dock: QDockWidget = window.add_panel(
            self._page,
            QT_TRANSLATE_NOOP("ProbesDock", "Probes"),
            Qt.DockWidgetArea.RightDockWidgetArea,
            context="ProbesDock",
        )

    def _make_panel(self):
        from nnviz.gui.probes.probes_panel import ProbesPanel

        panel = ProbesPanel(self._window.session)
        panel.lab.save_requested.connect(self._on_save_requested)
        panel.evaluate.results_wanted.connect(lambda: self._window.raise_panel("Results"))
        return panel

    panel = lazy_panel("_page", "The Probes panel.")

    def _on_save_requested(self, network: Network) -> None:
        window = self._window
        start = window.model_path.parent if window.model_path else Path.cwd()
        stem = window.model_path.stem if window.model_path else "model"
        path, _ = QFileDialog.getSaveFileName(
            window,
            self.tr("Save the changed network as a new model"),
            str(start / f"{stem}-changed.npz"),
            self.tr("Models (*.npz)"),
        )
        if path:
            self.save_changed(path, network)

    def save_changed(self, path: str | Path, network: Network) -> bool:
        """Write the lab's changed ``network`` to ``path``, never over the file the window's
        network came from; an error is shown and nothing changes."""
        from nnviz.core.lab import save_changed_model

        window, session, lab = self._window, self._window.session, self.panel.lab
        meta = dict(window.training.model_meta())
        if session.dataset is not None:
            meta.update(session.dataset.identity())
        meta["lab"] = lab.changes.describe()
        if window.model_path is not None:
            meta["changed_from"] = str(window.model_path)
        try:
            written = save_changed_model(path, network, meta, original=window.model_path)
        except NnvizError as exc:
            window.show_error(self.tr("The changed network was not saved.") + "\n\n" + str(exc))
            return False
        if lab.in_window_box.isChecked():  # the window shows what the new file holds
            window.model_path = written
            session.mark_saved()
            window.update_summary()
        window.statusBar().showMessage(
            self.tr("Saved the changed network as {path}").format(path=written), 8000
        )
        return True

    def shutdown(self) -> None:
        if self._page.is_built:  # not made now only to be closed
            self.panel.shutdown()
