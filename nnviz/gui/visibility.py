"""Panels that do no work while nobody can see them.

A dock behind another tab is not hidden by Qt: it stays "visible" (``isVisible()`` is True) but
is moved outside the window. A panel that redraws on every
Session signal (several a second while training) would steal the trainer's time for nothing.
:class:`DeferWhileHidden` tells a panel whether it is on screen; when it is not, the panel's
update is remembered and run once the panel comes back (its dock tab chosen, the dock reopened,
the widget shown or resized from nothing).

A panel that is not in a shown window (a test building it alone, a window not shown yet)
updates at once, unless it is hidden inside that window (a closed dock, a tab page behind
another): then it waits until it is shown, as it would in a shown window (at start-up, the
panels of the closed dock under the graph do no work).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtWidgets import QDockWidget, QWidget

__all__ = ["DeferWhileHidden", "on_screen"]


def on_screen(widget: QWidget) -> bool:
    """True when ``widget`` can be seen, or, in a window not shown yet, will be when it shows.

    Off screen: hidden (a closed dock, a QTabWidget page behind another), of no size, or moved
    outside its window (a dock tab behind another). ``visibleRegion()`` cannot tell: it leaves
    out what children cover, so it is empty for any scroll area or graphics view.
    """
    window = widget.window()
    if not window.isVisible():
        # not in a shown window (tests, start-up): at once, unless hidden inside it
        return widget is window or widget.isVisibleTo(window)
    if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
        return False
    return window.rect().intersects(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))


class DeferWhileHidden(QObject):
    """Runs a panel's updates now if it is on screen, else once it shows again.

    Usage in a slot: ``if self._lazy.defer(self._on_trace_changed): return`` followed by the
    work. Deferred updates run in the order they were first deferred, each once.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        self._pending: list[Callable[[], object]] = []
        self._running = False  # while the pending updates run, defer() lets them through
        self._dock: QDockWidget | None = None
        widget.installEventFilter(self)
        self._find_dock()

    def defer(self, update: Callable[[], object]) -> bool:
        """True (and ``update`` is remembered) when the panel is off screen; False: do it now."""
        if self._running or on_screen(self._widget):
            return False
        if update not in self._pending:
            self._pending.append(update)
        return True

    def when_shown(self, update: Callable[[], object]) -> None:
        """Run ``update`` when the panel is next shown, even if it could be seen now: a
        panel's first build, which the window's start-up need not wait for."""
        if update not in self._pending:
            self._pending.append(update)

    def flush(self) -> None:
        """Run the remembered updates now."""
        if not self._pending or self._running:
            return
        pending, self._pending = self._pending, []
        self._running = True
        try:
            for update in pending:
                update()
        finally:
            self._running = False

    # ------------------------------------------------------------------ noticing it shows
    def _find_dock(self) -> None:
        w = self._widget.parentWidget()
        while w is not None and not isinstance(w, QDockWidget):
            w = w.parentWidget()
        if w is self._dock:
            return
        if self._dock is not None:
            self._dock.visibilityChanged.disconnect(self._on_dock_visibility)
        self._dock = w
        if w is not None:
            w.visibilityChanged.connect(self._on_dock_visibility)

    def _on_dock_visibility(self, visible: bool) -> None:
        if visible:
            self.flush()  # its tab was chosen: the geometry may not be final yet, do not ask

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        kind = event.type()
        if kind == QEvent.Type.ParentChange:
            self._find_dock()
        elif kind == QEvent.Type.Show:
            self._find_dock()
            self.flush()
        elif kind == QEvent.Type.Resize and self._pending and on_screen(self._widget):
            self.flush()
        return False
