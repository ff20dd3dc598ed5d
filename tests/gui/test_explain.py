"""Every control, chart and panel is explained: in the status bar while the mouse is over it,
and in What's This mode (Shift+F1) with its current value; in English and Korean."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QSettings
from PySide6.QtGui import QEnterEvent, QHelpEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsView,
    QLineEdit,
    QScrollArea,
    QSlider,
    QTabWidget,
    QWidget,
)

from nnviz.core.model_io import load_model
from nnviz.gui import i18n
from nnviz.gui.explain import EXPLANATIONS, explanation, widget_keys
from nnviz.gui.i18n import LanguageManager
from nnviz.gui.main_window import MainWindow
from nnviz.gui.session import Session
from nnviz.gui.tabs import LazyPage
from nnviz.paths import resource_path

HANGUL = re.compile("[\uac00-\ud7a3]")
CONTROLS = (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QSlider,
    QLineEdit,
    QGraphicsView,
    QAbstractItemView,
)


@pytest.fixture
def languages(qapp, tmp_path):
    manager = LanguageManager(qapp, QSettings(str(tmp_path / "l.ini"), QSettings.Format.IniFormat))
    yield manager
    manager.set_language("en", remember=False)
    manager.deleteLater()


@pytest.fixture
def window(qtbot, mnist, tmp_path, languages):
    session = Session(load_model(resource_path("models", "default.npz")).network, mnist)
    session.show_test_sample(0)
    settings = QSettings(str(tmp_path / "nnviz.ini"), QSettings.Format.IniFormat)
    win = MainWindow(session, settings=settings, remember_layout=False, languages=languages)
    win.network_view.animations_enabled = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    for dock in win.panels():  # every panel's controls exist and are visible somewhere
        dock.show()
    win.build_all_panels()  # the panels hidden at start, made now
    return win


def _qt_own(widget: QWidget) -> bool:
    """Parts Qt adds by itself: a dock's buttons, a tab bar's arrows, a spin box's or an
    editable combo's line edit, the menu bar's extension button."""
    parent = widget.parentWidget()
    return (
        widget.objectName().startswith("qt_")
        or widget.objectName().startswith("Scroll")
        or isinstance(parent, QAbstractSpinBox | QComboBox)
    )


def _own_key(widget: QWidget) -> str | None:
    return next((k for k in widget_keys(widget) if k in EXPLANATIONS), None)


def test_every_control_chart_and_panel_of_the_window_has_its_own_explanation(window):
    controls = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, CONTROLS) and not _qt_own(w) and w.window() is window
    ]
    assert len(controls) > 60  # the forward controls, the form, the panels' buttons and plots
    missing = [
        f"{type(w).__name__} {widget_keys(w)} {getattr(w, 'text', lambda: '')()!r}"
        for w in controls
        if _own_key(w) is None
    ]
    assert not missing, "controls without an explanation:\n" + "\n".join(missing)
    panels = [w for dock in window.panels() for w in _panels(dock.widget())]
    assert len(panels) >= 9
    assert not [type(p).__name__ for p in panels if _own_key(p) is None]


def _panels(widget: QWidget) -> list[QWidget]:
    """The panels a dock holds: through a scroll area, and each tab of a tab widget."""
    if isinstance(widget, QScrollArea | LazyPage):
        return _panels(widget.widget())
    if isinstance(widget, QTabWidget):
        return [p for i in range(widget.count()) for p in _panels(widget.widget(i))]
    return [widget]


def test_the_texts_are_distinct_for_distinct_controls(window):
    training = window.training.panel
    texts = {explanation(b) for b in (training.start_button, training.stop_button)}
    assert len(texts) == 2
    form = window.training.panel.form
    lr, epochs = form._editors["lr"], form._editors["epochs"]
    assert "learning rate" in explanation(lr)
    assert explanation(lr) != explanation(epochs)


def test_a_stage_button_made_for_the_digit_on_screen_is_explained(window):
    window.session.show_test_sample(3)  # the stage buttons are made again
    button = window.forward_controls.stage_buttons.button(1)
    assert _own_key(button) == "ForwardControls.stage_buttons"


def test_a_label_inside_a_panel_takes_the_panel_s_text(window):
    label = window.activation_explorer.function_label
    assert _own_key(label) is None
    assert explanation(label) == explanation(window.activation_explorer)


def test_hovering_shows_the_text_in_the_status_bar_and_leaving_clears_it(window):
    button = window.training.panel.start_button
    QApplication.sendEvent(button, QEnterEvent(QPointF(2, 2), QPointF(2, 2), QPointF(2, 2)))
    assert window.statusBar().currentMessage() == explanation(button)
    QApplication.sendEvent(window.menuBar(), QEnterEvent(QPointF(), QPointF(), QPointF()))
    assert window.statusBar().currentMessage() == ""


def test_a_long_explanation_ends_in_an_ellipsis_before_the_status_bar_s_summary(window):
    """Qt cut a long hover text off under the summary at the right, mid-word and touching it
    ("... the largest terms wdefault.npz")."""
    bar, view = window.statusBar(), window.network_view
    QApplication.sendEvent(view, QEnterEvent(QPointF(2, 2), QPointF(2, 2), QPointF(2, 2)))
    shown, whole = bar.currentMessage(), " ".join(explanation(view).split())
    assert shown.endswith("…") and whole.startswith(shown[:-1])
    summary = window.summary_label
    assert bar.fontMetrics().horizontalAdvance(shown) < summary.x()
    window.resize(window.width() + 900, window.height())  # room enough: the whole text
    QApplication.sendEvent(window.menuBar(), QEnterEvent(QPointF(), QPointF(), QPointF()))
    QApplication.sendEvent(view, QEnterEvent(QPointF(2, 2), QPointF(2, 2), QPointF(2, 2)))
    assert len(bar.currentMessage()) > len(shown)


def test_a_hover_explanation_is_shortened_again_when_the_window_narrows(window, qtbot):
    bar, view = window.statusBar(), window.network_view
    window.resize(1400, window.height())
    qtbot.waitUntil(lambda: window.width() == 1400)
    QApplication.sendEvent(view, QEnterEvent(QPointF(2, 2), QPointF(2, 2), QPointF(2, 2)))
    wide = bar.currentMessage()
    window.resize(1100, window.height())
    qtbot.waitUntil(lambda: bar.currentMessage() != wide)
    narrow = bar.currentMessage()
    assert narrow.endswith("…") and len(narrow) < len(wide)
    assert bar.fontMetrics().horizontalAdvance(narrow) < window.summary_label.x()


def test_a_message_of_the_window_is_not_cleared_by_hovering_what_has_no_text(window):
    window.statusBar().showMessage("Saved model.npz")
    QApplication.sendEvent(window.menuBar(), QEnterEvent(QPointF(), QPointF(), QPointF()))
    assert window.statusBar().currentMessage() == "Saved model.npz"


def test_whats_this_is_in_the_help_menu_on_shift_f1(window):
    action = window.explainer.action
    assert action in window.menus.help_menu.actions()
    assert QKeySequence("Shift+F1") in action.shortcuts()
    assert action.text().replace("&", "") == "What's this?"


def test_whats_this_on_a_control_shows_its_meaning_and_current_value(window, qtbot):
    spin = window.forward_controls.sample_spin
    spin.setValue(42)
    query = QHelpEvent(QEvent.Type.QueryWhatsThis, QPoint(3, 3), spin.mapToGlobal(QPoint(3, 3)))
    assert QApplication.sendEvent(spin, query) and query.isAccepted()
    shown = window.explainer.pick_text(spin, explanation(spin))
    assert shown.startswith(explanation(spin)) and shown.endswith("Now: 42")
    check = window.forward_controls.misclassified_check
    check.setChecked(True)
    assert window.explainer.pick_text(check, "x").endswith("Now: on")
    event = QHelpEvent(QEvent.Type.WhatsThis, QPoint(3, 3), spin.mapToGlobal(QPoint(3, 3)))
    assert QApplication.sendEvent(spin, event)  # handled: the text is shown in a popup
    qtbot.waitUntil(
        lambda: any(
            w.metaObject().className() == "QWhatsThat" for w in QApplication.topLevelWidgets()
        )
    )


@pytest.mark.skipif(not i18n.catalogue_path("ko").exists(), reason="no Korean catalogue built")
def test_in_korean_every_text_is_korean(window, qtbot, languages):
    start = window.training.panel.start_button
    english = explanation(start)
    languages.set_language("ko", remember=False)
    qtbot.waitUntil(lambda: explanation(start) != english)
    untranslated = [
        k
        for k, text in EXPLANATIONS.items()
        if not HANGUL.search(QCoreApplication.translate("Explain", text))
    ]
    assert not untranslated
    qtbot.waitUntil(lambda: HANGUL.search(window.explainer.action.text()) is not None)
