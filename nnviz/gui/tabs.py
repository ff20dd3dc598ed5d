"""Panels as the tabs of one widget, titled in the interface language, a scroll area for a
panel that a short window must scroll rather than squeeze, and a stand-in for a panel made only
when it is first needed.

Each tab's English title is its tab data, so ``MainWindow.raise_panel`` finds a tab by it in
any language.

A :class:`LazyPage` stands in a dock or a tab for a panel that is hidden when the window opens:
the window appears sooner (each such panel and its plots cost tens of milliseconds to build,
and its module to import), and the panel is made the first time it is shown, asked for
(:meth:`LazyPage.widget`) or built while the window is idle (``MainWindow``). A panel made
late reads the Session as it is then, as every panel does when it is made.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from nnviz.gui.visibility import DeferWhileHidden, on_screen

__all__ = ["LazyPage", "TitledTabs", "lazy_panel", "scrolled"]


def scrolled(widget: QWidget, fill: bool = False) -> QScrollArea:
    """``widget`` in a frameless scroll area that resizes it: a short window scrolls it.
    ``fill``: the widget takes the whole height there is and scrolls only below its least
    height (a panel of plots); otherwise it scrolls below its preferred height for the width
    (a form, a text)."""
    scroll = _FillingScrollArea() if fill else QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(not fill)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    return scroll


class _FillingScrollArea(QScrollArea):
    """Sizes its widget to the viewport, never below the widget's least size. (A resizable
    QScrollArea gives a widget whose layout holds wrapped text its preferred height for the
    width, so plots that could shrink scroll instead.)"""

    def setWidget(self, widget: QWidget) -> None:  # noqa: N802 (Qt)
        super().setWidget(widget)
        widget.installEventFilter(self)  # its least size changes as it is made and filled

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        widget = self.widget()
        if widget is None:
            return
        room = self.viewport().size()
        least = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        layout = widget.layout()
        if layout is not None and layout.hasHeightForWidth():  # wrapped text: taller if narrow
            width = max(room.width(), least.width())
            least.setHeight(max(least.height(), layout.totalMinimumHeightForWidth(width)))
        widget.resize(room.expandedTo(least))


class LazyPage(QWidget):
    """Stands in for the panel ``make()`` returns, made when this page is first shown or
    :meth:`widget` is first called."""

    def __init__(self, make: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make: Callable[[], QWidget] | None = make
        self._widget: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._lazy = DeferWhileHidden(self)
        self._lazy.when_shown(self._make_when_on_screen)

    @property
    def is_built(self) -> bool:
        return self._widget is not None

    def widget(self) -> QWidget:
        """The panel, made now if it was not yet."""
        if self._widget is None:
            make, self._make = self._make, None
            if make is None:  # asked for again while it is being made
                raise RuntimeError("a panel asked for itself while it was being made")
            self._widget = make()
            self.layout().addWidget(self._widget)
            if self.isVisible():  # shown now, not at the next turn of the event loop
                self._widget.show()
        return self._widget

    def _make_when_on_screen(self) -> None:
        """Made once it can be seen: tested in the next turn of the event loop, when the
        layout has placed it (a window showing for the first time shows every tabbed dock,
        and moves those behind the first tab outside itself only afterwards)."""
        if self._widget is None:
            QTimer.singleShot(0, self, self._make_if_on_screen)

    def _make_if_on_screen(self) -> None:
        if self._widget is not None:
            return
        if on_screen(self) and self.window().isVisible():
            self.widget()
        else:
            self._lazy.when_shown(self._make_when_on_screen)


def lazy_panel(page: str, doc: str) -> property:
    """A read-only property returning the panel of the LazyPage in attribute ``page`` of its
    object, made on first use."""
    return property(lambda self: getattr(self, page).widget(), doc=doc)


def _page_holding(page: QWidget, widget: QWidget) -> bool:
    """Whether tab ``page`` is ``widget`` or holds it (in a scroll area or a built LazyPage)."""
    return page is widget or page.isAncestorOf(widget)


class TitledTabs(QTabWidget):
    """``pages`` as tabs, each (widget, English title marked with QT_TRANSLATE_NOOP under
    ``context`` where it is written), titled again when the language changes."""

    def __init__(
        self, pages: Sequence[tuple[QWidget, str]], context: str = "", parent=None
    ) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self._context = context
        self._titles = [title for _page, title in pages]
        for page, title in pages:
            index = self.addTab(page, "")
            self.tabBar().setTabData(index, title)
        self.retranslate_ui()

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 (Qt)
        """Bring to the front the tab that is ``widget`` or holds it."""
        for index in range(self.count()):
            if _page_holding(self.widget(index), widget):
                self.setCurrentIndex(index)
                return
        super().setCurrentWidget(widget)

    def current_holds(self, widget: QWidget) -> bool:
        """Whether the tab in front is ``widget`` or holds it."""
        page = self.currentWidget()
        return page is not None and _page_holding(page, widget)

    def retranslate_ui(self) -> None:
        for index, title in enumerate(self._titles):
            self.setTabText(index, QCoreApplication.translate(self._context, title))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
