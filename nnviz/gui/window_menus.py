"""The main window's menu bar: File, Forward pass, Timeline, View (panels and language) and Help.

:class:`WindowMenus` makes the menus and holds their actions; the window that builds it keeps it
(``MainWindow.menus``) and connects the actions to its own slots. The language menu is the
menus' own: its actions switch the :class:`~nnviz.gui.i18n.LanguageManager` and follow its
language. No text is set here: ``MainWindow.retranslate_ui`` does (again after a language
switch), so every text stays in the window's translation context. :func:`shortcut_list` reads
every key of a window from its actions and shortcuts (Help > Keyboard shortcuts).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMenu

from nnviz.gui.i18n import LANGUAGES, LanguageManager

__all__ = ["WindowMenus", "shortcut_list"]

# the Forward pass menu, in order (None: a separator); the actions belong to ForwardControls
_STEP_ACTIONS = (
    "next_stage",
    "prev_stage",
    "play",
    "home",
    None,
    "next_sample",
    "prev_sample",
    "random_sample",
)


class WindowMenus(QObject):
    """The menus of ``window``'s menu bar and their actions.

    ``step_actions`` are the forward-pass actions by name (``ForwardControls.actions_by_name``),
    listed in the Forward pass menu; ``languages`` switches the interface language (None: the
    language menu is shown disabled). The docks' toggles go into ``view_menu`` before
    ``panels_separator``.
    """

    def __init__(
        self,
        window: QMainWindow,
        step_actions: Mapping[str, QAction],
        languages: LanguageManager | None = None,
    ) -> None:
        super().__init__(window)
        self._languages = languages
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.open_model_action = _menu_action(window, self.file_menu, QKeySequence.StandardKey.Open)
        self.save_model_action = _menu_action(window, self.file_menu, QKeySequence.StandardKey.Save)
        self.new_network_action = _menu_action(window, self.file_menu, QKeySequence.StandardKey.New)
        self.file_menu.addSeparator()
        self.open_run_action = _menu_action(window, self.file_menu, None)
        self.save_run_action = _menu_action(window, self.file_menu, None)
        self.file_menu.addSeparator()
        self.open_dataset_action = _menu_action(window, self.file_menu, None)
        self.export_action = _menu_action(window, self.file_menu, QKeySequence("Ctrl+E"))
        self.file_menu.addSeparator()
        self.quit_action = _menu_action(window, self.file_menu, QKeySequence.StandardKey.Quit)

        self.step_menu = bar.addMenu("")
        for name in _STEP_ACTIONS:
            if name is None:
                self.step_menu.addSeparator()
            else:
                self.step_menu.addAction(step_actions[name])
        self.step_menu.addSeparator()
        self.animate_action = QAction(window, checkable=True)
        self.animate_action.setChecked(True)
        self.step_menu.addAction(self.animate_action)

        # the run's timeline (under the curves): its actions are connected by the window
        self.timeline_menu = bar.addMenu("")
        self.snapshot_back_action = _menu_action(window, self.timeline_menu, QKeySequence("["))
        self.snapshot_forward_action = _menu_action(window, self.timeline_menu, QKeySequence("]"))
        self.run_start_action = _menu_action(window, self.timeline_menu, QKeySequence("Shift+Home"))
        self.run_latest_action = _menu_action(window, self.timeline_menu, QKeySequence("Shift+End"))

        self.view_menu = bar.addMenu("")
        self.panels_separator = self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(window)
        group.setExclusive(True)
        for code, own_name in LANGUAGES.items():  # each language in its own words: not translated
            action = QAction(own_name, window, checkable=True)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self._on_language_chosen(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        if languages is not None:
            languages.language_changed.connect(self._on_language_changed)
        self._on_language_changed(languages.language if languages is not None else "en")

        self.help_menu = bar.addMenu("")
        self.shortcuts_action = _menu_action(
            window, self.help_menu, QKeySequence.StandardKey.HelpContents
        )
        self.about_action = _menu_action(window, self.help_menu, None)

    def _on_language_chosen(self, code: str) -> None:
        if self._languages is not None:
            self._languages.set_language(code)

    def _on_language_changed(self, code: str) -> None:
        for lang, action in self.language_actions.items():
            action.setChecked(lang == code)
            action.setEnabled(self._languages is not None)


def _menu_action(window: QMainWindow, menu: QMenu, key) -> QAction:
    action = QAction(window)
    if key is not None:
        action.setShortcut(key)
    menu.addAction(action)
    return action


def shortcut_list(window: QMainWindow) -> list[tuple[str, str]]:
    """(key, what it does) of every keyboard shortcut of ``window``, read from the objects that
    carry the keys, so the list cannot drift from them: the menus' actions in menu order, the
    window's other actions with a key, then its QShortcuts (described by their whatsThis)."""
    actions: list[QAction] = []

    def walk(items) -> None:
        for action in items:
            if action.menu() is not None:
                walk(action.menu().actions())
            elif action not in actions:
                actions.append(action)

    walk(window.menuBar().actions())
    actions += [a for a in window.findChildren(QAction) if a not in actions]
    rows = [(_key_text(key), _plain(a.text())) for a in actions for key in a.shortcuts()]
    rows += [
        (_key_text(s.key()), s.whatsThis())
        for s in window.findChildren(QShortcut)
        if not s.key().isEmpty()
    ]
    return rows


def _key_text(key: QKeySequence) -> str:
    return key.toString(QKeySequence.SequenceFormat.NativeText)


def _plain(text: str) -> str:
    """A menu text without its mnemonic ("&Open model…", "모델 열기(&O)…" -> "Open model")."""
    text = re.sub(r"\s*\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.rstrip("…. ")
