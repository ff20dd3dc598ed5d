"""The main window's dock panels: each widget docked (tabbed with the docks already on its side)
and listed in the View menu, found again by name, titled in the current language, and the dock
layout remembered between runs.

A plain object, not a QObject: it has no text of its own; titles come marked by the caller.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QTabBar, QTabWidget, QWidget

from nnviz.gui.tabs import LazyPage

DOCK_WIDTH = 470  # px of the right-hand panels on the first run: their six tab titles fit
LEFT_DOCK_WIDTH = 300
BOTTOM_DOCK_HEIGHT = 250
_SETTINGS_VERSION = 2  # bump when the dock layout changes incompatibly


def _panel_title(context: str, text: str) -> str:
    """A dock title given as source text (marked with QT_TRANSLATE_NOOP where it is written)."""
    return QCoreApplication.translate(context, text)


class DockPanels:
    """The docks of ``window``; each one's toggle is listed in ``menu`` before ``before``."""

    def __init__(self, window: QMainWindow, menu: QMenu, before: QAction) -> None:
        self.window = window
        self._menu = menu
        self._before = before
        self._docks: list[QDockWidget] = []
        self._sources: dict[QDockWidget, tuple[str, str]] = {}  # dock -> (context, text)

    def add(
        self,
        widget: QWidget,
        title: str,
        area=Qt.DockWidgetArea.RightDockWidgetArea,
        context: str | None = None,
    ) -> QDockWidget:
        """Dock ``widget``; the arguments are those of :meth:`MainWindow.add_panel`."""
        window = self.window
        shown = _panel_title(context, title) if context is not None else title
        dock = QDockWidget(shown, window)
        slug = re.sub(r"[^a-z0-9]+", "_", widget.__class__.__name__.lower() + "_" + title.lower())
        dock.setObjectName(f"dock_{slug.strip('_')}")
        dock.setWidget(widget)
        if context is not None:
            self._sources[dock] = (context, title)
        same_area = [d for d in self._docks if window.dockWidgetArea(d) == area]
        window.addDockWidget(area, dock)
        if same_area:
            window.tabifyDockWidget(same_area[0], dock)
        self._docks.append(dock)
        self._menu.insertAction(self._before, dock.toggleViewAction())
        return dock

    def panels(self) -> list[QDockWidget]:
        return list(self._docks)

    def raise_panel(self, name: str) -> bool:
        """Bring the panel (a dock, or a tab inside one) whose title, English title or object
        name is ``name`` to the front; an exact match wins over one containing ``name``. The
        tabs of panels not made yet are looked for after those made, once they are made."""
        if self._raise_panel(name, exact_only=True):
            return True
        self.build_all()
        return self._raise_panel(name)

    def pending(self) -> list[LazyPage]:
        """The panels not made yet (see :class:`nnviz.gui.tabs.LazyPage`)."""
        return [p for d in self._docks for p in d.findChildren(LazyPage) if not p.is_built]

    def build_all(self) -> None:
        """Make every panel not made yet."""
        for page in self.pending():
            page.widget()

    def _raise_panel(self, name: str, exact_only: bool = False) -> bool:
        key = name.lower()
        for dock in self._docks:  # a dock's own title first: no need to look inside the docks
            source = self._sources.get(dock, ("", ""))[1]
            if key in (dock.windowTitle().lower(), source.lower(), dock.objectName().lower()):
                dock.show()
                dock.raise_()
                return True
        candidates = []  # (names, show): every dock and every tab inside a dock
        for dock in self._docks:
            source = self._sources.get(dock, ("", ""))[1]
            candidates.append(((dock.windowTitle(), source, dock.objectName()), (dock, None, 0)))
            for tabs in dock.findChildren(QTabWidget):
                for index in range(tabs.count()):
                    page = tabs.widget(index)
                    source = tabs.tabBar().tabData(index) or ""  # an English title, if given
                    names = (tabs.tabText(index), source, type(page).__name__)
                    candidates.append((names, (dock, tabs, index)))
        ways = [lambda t: t.lower() == key] + ([] if exact_only else [lambda t: key in t.lower()])
        for matches in ways:
            for names, (dock, tabs, index) in candidates:
                if any(matches(t) for t in names):
                    dock.show()
                    dock.raise_()
                    if tabs is not None:
                        tabs.setCurrentIndex(index)
                    return True
        return False

    def retranslate(self) -> None:
        """Title every dock added with a translation context in the current language."""
        for dock, (context, text) in self._sources.items():
            dock.setWindowTitle(_panel_title(context, text))

    def unelide_tabs(self) -> None:
        """Dock tabs show their whole titles, scrolling when the column is too narrow for
        them all (the default cut every title to two letters and "…" once the right-hand
        column held seven panels)."""
        for bar in self.window.findChildren(QTabBar):
            if bar.parentWidget() is self.window:  # the docks' tab bars, not a panel's own
                bar.setElideMode(Qt.TextElideMode.ElideNone)
                bar.setUsesScrollButtons(True)
                # a little less padding than the style's, so seven titles fit the column
                bar.setStyleSheet("QTabBar::tab { padding: 4px 8px; }")

    # ------------------------------------------------------------------ layout memory
    def restore_state(self, settings: QSettings) -> bool:
        """Put the docks where they were at the last close, if that layout is still valid."""
        state = settings.value("window/state")
        version = settings.value("window/version", 0)
        if state is not None and str(version) == str(_SETTINGS_VERSION):
            self.window.restoreState(state, _SETTINGS_VERSION)
            return True
        return False

    def size_for_first_run(self) -> None:
        """The layer graph keeps most of the width, the docks a comfortable column."""
        window = self.window
        for area, size, orientation in (
            (Qt.DockWidgetArea.RightDockWidgetArea, DOCK_WIDTH, Qt.Orientation.Horizontal),
            (Qt.DockWidgetArea.LeftDockWidgetArea, LEFT_DOCK_WIDTH, Qt.Orientation.Horizontal),
            (Qt.DockWidgetArea.BottomDockWidgetArea, BOTTOM_DOCK_HEIGHT, Qt.Orientation.Vertical),
        ):
            docks = [d for d in self._docks if window.dockWidgetArea(d) == area]
            if docks:
                window.resizeDocks(docks, [size] * len(docks), orientation)

    def save_state(self, settings: QSettings) -> None:
        """Remember where the docks are (read back by :meth:`restore_state`)."""
        settings.setValue("window/state", self.window.saveState(_SETTINGS_VERSION))
        settings.setValue("window/version", _SETTINGS_VERSION)
