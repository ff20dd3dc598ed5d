"""The main window's menu bar: File, Forward pass, View (panels and language) and Help.

``build_menus`` makes the menus and their actions as attributes of the window and connects them
to the window's slots. It sets no text: ``MainWindow.retranslate_ui`` does (again after a language
switch), so every text stays in the window's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from nnviz.gui.i18n import LANGUAGES

if TYPE_CHECKING:
    from nnviz.gui.main_window import MainWindow

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


def build_menus(window: MainWindow) -> None:
    """Fill ``window``'s menu bar (``window.forward_controls`` must exist already)."""
    bar = window.menuBar()
    window.file_menu = bar.addMenu("")
    window.open_model_action = _menu_action(
        window, window.file_menu, QKeySequence.StandardKey.Open, window._on_open_model
    )
    window.save_model_action = _menu_action(
        window, window.file_menu, QKeySequence.StandardKey.Save, window._on_save_model
    )
    window.new_network_action = _menu_action(
        window, window.file_menu, QKeySequence.StandardKey.New, window.new_random_network
    )
    window.file_menu.addSeparator()
    window.open_dataset_action = _menu_action(
        window, window.file_menu, None, window._on_open_dataset
    )
    window.export_action = _menu_action(
        window, window.file_menu, QKeySequence("Ctrl+E"), window._on_export
    )
    window.file_menu.addSeparator()
    window.quit_action = _menu_action(
        window, window.file_menu, QKeySequence.StandardKey.Quit, window.close
    )

    window.step_menu = bar.addMenu("")
    for name in _STEP_ACTIONS:
        if name is None:
            window.step_menu.addSeparator()
        else:
            window.step_menu.addAction(window.forward_controls.actions_by_name[name])
    window.step_menu.addSeparator()
    window.animate_action = QAction(window, checkable=True)
    window.animate_action.setChecked(True)
    window.animate_action.toggled.connect(window._on_animate_toggled)
    window.step_menu.addAction(window.animate_action)

    window.view_menu = bar.addMenu("")
    window._panels_separator = window.view_menu.addSeparator()
    window.language_menu = window.view_menu.addMenu("")
    window.language_actions = {}
    group = QActionGroup(window)
    group.setExclusive(True)
    for code, own_name in LANGUAGES.items():  # each language in its own words: not translated
        action = QAction(own_name, window, checkable=True)
        action.setData(code)
        action.triggered.connect(lambda _checked=False, c=code: window.set_language(c))
        group.addAction(action)
        window.language_menu.addAction(action)
        window.language_actions[code] = action
    if window.languages is not None:
        window.languages.language_changed.connect(window._on_language_changed)
    window._on_language_changed(window.language)

    window.help_menu = bar.addMenu("")
    window.shortcuts_action = _menu_action(
        window, window.help_menu, QKeySequence.StandardKey.HelpContents, window.show_shortcuts
    )
    window.about_action = _menu_action(window, window.help_menu, None, window.show_about)


def _menu_action(window: MainWindow, menu, key, slot) -> QAction:
    action = QAction(window)
    if key is not None:
        action.setShortcut(key)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    return action
