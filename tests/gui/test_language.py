"""Switching the interface language at run time, and strings that lupdate can extract.

Two catalogues: a tiny one written and compiled here (so these tests do not depend on how far the
Korean catalogue has got), and the shipped resources/i18n/nnviz_ko.qm when it exists.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel

import nnviz.gui
from nnviz.core.model_io import load_model
from nnviz.gui import i18n
from nnviz.gui.i18n import LanguageManager, tr
from nnviz.gui.main_window import MainWindow
from nnviz.gui.session import Session
from nnviz.paths import resource_path

HANGUL = re.compile("[\uac00-\ud7a3]")
GUI_DIR = Path(nnviz.gui.__file__).parent

# (context, English source, "Korean") of the tiny catalogue: one text of each kind tested
TINY = [
    ("MainWindow", "&File", "파일(&F)"),
    ("MainWindow", "&View", "보기(&V)"),
    ("MainWindow", "&Language", "언어(&L)"),
    ("MainWindow", "Activations", "활성화 함수"),
    ("", "Stage {i} of {n}: {name}", "{i}/{n}단계: {name}"),
    ("", "Prev", "이전"),
    ("", "Speed", "속도"),
    ("", "Hidden layer {l}", "은닉층 {l}"),
    ("", "Layer {l}", "{l}층"),
    ("", "Test panel", "시험 패널"),
    ("ActivationExplorer", "Activation function:", "활성화 함수:"),
]


def _lrelease() -> Path:
    name = "pyside6-lrelease" + (".exe" if sys.platform == "win32" else "")
    return Path(sys.executable).parent / name


@pytest.fixture
def tiny_catalogue(tmp_path, monkeypatch) -> Path:
    """A compiled .qm with the TINY texts, installed by LanguageManager in place of the real."""
    lrelease = _lrelease()
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not next to the Python interpreter")
    contexts: dict[str, list[tuple[str, str]]] = {}
    for context, source, text in TINY:
        contexts.setdefault(context, []).append((source, text))
    body = "".join(
        f"<context><name>{escape(c)}</name>"
        + "".join(
            f"<message><source>{escape(s)}</source><translation>{escape(t)}</translation></message>"
            for s, t in messages
        )
        + "</context>"
        for c, messages in contexts.items()
    )
    ts = tmp_path / "tiny_ko.ts"
    ts.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ko_KR">'
        f"{body}</TS>",
        encoding="utf-8",
    )
    qm = tmp_path / "tiny_ko.qm"
    subprocess.run([str(lrelease), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    monkeypatch.setattr(i18n, "catalogue_path", lambda lang: qm)
    return qm


@pytest.fixture
def languages(qapp, tmp_path):
    settings = QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat)
    manager = LanguageManager(qapp, settings)
    yield manager
    manager.set_language("en", remember=False)  # no translator left for the other tests
    manager.deleteLater()


@pytest.fixture
def window(qtbot, mnist, tmp_path, languages):
    network = load_model(resource_path("models", "default.npz")).network
    session = Session(network, mnist)
    session.show_test_sample(0)
    settings = QSettings(str(tmp_path / "nnviz.ini"), QSettings.Format.IniFormat)
    win = MainWindow(session, settings=settings, remember_layout=False, languages=languages)
    win.network_view.animations_enabled = False
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _dock(window, name: str):
    return next(d for d in window.panels() if name in d.objectName())


def _visible_texts(window) -> dict[str, str]:
    """One text of each kind a language switch must reach."""
    return {
        "file menu": window.menus.file_menu.title(),
        "view menu": window.menus.view_menu.title(),
        "dock": _dock(window, "activationexplorer").windowTitle(),
        "stage header": window.stage_header.stage_label.text(),
        "prev button": window.forward_controls.sample_buttons["prev_sample"].text(),
        "speed label": window.forward_controls.speed_name.text(),
        "explorer label": window.activation_explorer.function_label.text(),
        "column title": window.network_view.labels.titles[1].textItem.toPlainText(),
    }


ENGLISH = {
    "file menu": "&File",
    "view menu": "&View",
    "dock": "Activations",
    "stage header": "Stage 1 of 7: x",
    "prev button": "Prev (P)",
    "speed label": "Speed",
    "explorer label": "Activation function:",
}


def _choose(window, qtbot, code: str, expected_menu: str) -> None:
    window.menus.language_actions[code].trigger()
    # LanguageChange is posted
    qtbot.waitUntil(lambda: window.menus.file_menu.title() == expected_menu)
    QApplication.processEvents()  # the events queued for the other widgets too


# ---------------------------------------------------------------------- tiny catalogue
def test_the_language_menu_switches_visible_labels_to_korean_and_back(
    window, qtbot, tiny_catalogue
):
    before = _visible_texts(window)
    assert {k: before[k] for k in ENGLISH} == ENGLISH
    assert before["column title"].startswith(("Hidden layer 1", "Layer 1"))  # long or compact

    _choose(window, qtbot, "ko", "파일(&F)")
    ko = _visible_texts(window)
    assert ko["view menu"] == "보기(&V)"
    assert ko["dock"] == "활성화 함수"
    assert ko["stage header"] == "1/7단계: x"
    assert ko["prev button"] == "이전 (P)"
    assert ko["speed label"] == "속도"
    assert ko["explorer label"] == "활성화 함수:"
    assert ko["column title"].startswith(("은닉층 1", "1층"))
    assert window.menus.language_actions["ko"].isChecked()
    assert not window.menus.language_actions["en"].isChecked()

    _choose(window, qtbot, "en", "&File")
    assert _visible_texts(window) == before
    assert window.menus.language_actions["en"].isChecked()


def test_the_stage_header_keeps_following_the_stage_after_a_switch(window, qtbot, tiny_catalogue):
    _choose(window, qtbot, "ko", "파일(&F)")
    window.session.set_stage_index(3)
    assert window.stage_header.stage_label.text() == "4/7단계: a2"


def test_the_choice_from_the_menu_is_remembered(
    window, qtbot, tiny_catalogue, languages, qapp, tmp_path
):
    _choose(window, qtbot, "ko", "파일(&F)")
    assert languages.language == "ko"
    settings = QSettings(str(tmp_path / "lang.ini"), QSettings.Format.IniFormat)  # the fixture's
    assert LanguageManager(qapp, settings).initial_language() == "ko"
    assert languages.initial_language("en") == "en"  # --lang still wins


def test_a_dock_title_follows_the_language_when_added_with_its_context(
    window, qtbot, tiny_catalogue
):
    marked = window.add_panel(QLabel(), QT_TRANSLATE_NOOP("", "Test panel"), context="")
    fixed = window.add_panel(QLabel(), "Already translated")
    assert marked.windowTitle() == "Test panel"
    _choose(window, qtbot, "ko", "파일(&F)")
    assert marked.windowTitle() == "시험 패널"
    assert fixed.windowTitle() == "Already translated"
    assert window.raise_panel("test panel")  # found by its source text in any language
    _choose(window, qtbot, "en", "&File")
    assert marked.windowTitle() == "Test panel"


def test_an_open_node_popup_is_refilled_in_the_new_language(window, qtbot, tiny_catalogue):
    window.node_info.show_node(1, 0, window.rect().center(), pinned=True)
    assert "Hidden layer 1, node 0" in window.node_info.text()
    _choose(window, qtbot, "ko", "파일(&F)")
    # not in the tiny catalogue: the text is recomputed through tr() and stays English,
    # but it was refilled (the hint below follows the pinned state, also through tr())
    assert "Hidden layer 1, node 0" in window.node_info.text()
    assert window.node_info.hint_label.text()


# ---------------------------------------------------------------------- the shipped catalogue
@pytest.mark.skipif(
    not i18n.catalogue_path("ko").exists(), reason="resources/i18n/nnviz_ko.qm not built yet"
)
def test_the_korean_catalogue_translates_the_visible_labels(window, qtbot):
    english = _visible_texts(window)
    window.menus.language_actions["ko"].trigger()
    qtbot.waitUntil(lambda: window.menus.file_menu.title() != english["file menu"])
    QApplication.processEvents()
    korean = _visible_texts(window)
    for key, text in korean.items():
        assert text != english[key], key
        assert HANGUL.search(text), (key, text)
    window.menus.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.menus.file_menu.title() == english["file menu"])
    QApplication.processEvents()
    assert _visible_texts(window) == english


def _mnemonics(window) -> list[str]:
    """The Alt+letter of each menu of the menu bar."""
    return [re.search(r"&(\w)", a.text()).group(1).upper() for a in window.menuBar().actions()]


@pytest.mark.skipif(
    not i18n.catalogue_path("ko").exists(), reason="resources/i18n/nnviz_ko.qm not built yet"
)
def test_in_korean_the_training_choices_times_and_menu_keys_are_korean_too(window, qtbot):
    """The form's choices were the core's identifiers (sigmoid, xavier, cross-entropy, sgd,
    constant, book) in any language; times read "3 s 남음"; File and Forward pass shared F."""
    from PySide6.QtWidgets import QComboBox

    from nnviz.core.training import WINDOW_VALIDATION, TrainingConfig
    from nnviz.gui.training.training_progress import format_duration

    form = window.training.panel.form

    def shown() -> dict[str, str]:  # identifier (item data) -> the name shown
        boxes = [b for b in form.findChildren(QComboBox) if not b.isEditable()]
        return {b.currentData(): b.currentText() for b in boxes}

    english = shown()
    assert english["sigmoid"] == "Sigmoid" and english["cross-entropy"] == "cross-entropy"
    assert len(set(_mnemonics(window))) == len(_mnemonics(window))
    window.menus.language_actions["ko"].trigger()
    qtbot.waitUntil(lambda: shown()["sigmoid"] != "Sigmoid")
    korean = shown()
    assert korean["sigmoid"] == "시그모이드" and korean["cross-entropy"] == "교차 엔트로피"
    for identifier in ("sigmoid", "xavier", "cross-entropy", "sgd", "constant", "book"):
        assert HANGUL.search(korean[identifier]), (identifier, korean[identifier])
    assert form.text("activation") == "sigmoid"  # the core's identifier, whatever is shown
    assert form.validate() == TrainingConfig(validation=WINDOW_VALIDATION)
    assert format_duration(3) == "3초" and format_duration(125) == "2분 05초"
    assert format_duration(0.62, tenths=True) == "0.6초"
    assert len(set(_mnemonics(window))) == len(_mnemonics(window))  # 파일(F), 순전파(P), ...
    window.menus.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: shown() == english)
    assert format_duration(3) == "3 s"
    # a short run did not finish "in 0 s"; from 10 s on, tenths would only be noise
    assert format_duration(0.62, tenths=True) == "0.6 s" and format_duration(0.3) == "0 s"
    assert format_duration(12.3, tenths=True) == "12 s"


# ---------------------------------------------------------------------- fonts
def test_korean_text_has_a_font_even_when_the_application_font_is_set(qapp):
    from nnviz.gui import app

    saved = QFont(qapp.font())
    try:
        qapp.setFont(QFont("DejaVu Sans", 10))
        app._ensure_fonts(qapp, "en")
        families = qapp.font().families()
        assert families[0] == "DejaVu Sans"  # Latin text keeps the chosen family
        assert any(f in app.korean_families() for f in families[1:])
        assert QFontMetrics(QFont()).inFontUcs4(ord("한"))
        app._ensure_fonts(qapp, "ko")
        assert qapp.font().families()[0] in app.korean_families()
    finally:
        qapp.setFont(saved)


def test_the_module_tr_translates_under_the_empty_context(qapp):
    assert tr("a text nobody translates") == "a text nobody translates"


# ---------------------------------------------------------------------- extraction
_TRANSLATE_CALLS = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1, "QT_TR_NOOP": 0}


def _call_name(node: ast.Call) -> str | None:
    f = node.func
    if isinstance(f, ast.Attribute):
        return f.attr
    if isinstance(f, ast.Name):
        return f.id
    return None


def untranslatable_calls(source: str) -> list[tuple[int, str]]:
    """(line, call) of every tr/self.tr/translate/QT_*_NOOP whose text is not a string literal
    (lupdate only extracts literals: an f-string, a variable or a concatenation escapes it)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        if name not in _TRANSLATE_CALLS:
            continue
        index = _TRANSLATE_CALLS[name]
        args = node.args
        literal = len(args) > index and isinstance(args[index], ast.Constant)
        literal = literal and isinstance(args[index].value, str)
        if name == "translate" and len(args) > 0:  # the context must be a literal too
            literal = literal and isinstance(args[0], ast.Constant)
        if not literal:
            found.append((node.lineno, ast.unparse(node)[:70]))
    return found


def test_the_extraction_check_catches_texts_lupdate_cannot_see():
    bad = (
        "tr(f'{n} units')\n"
        "self.tr(text)\n"
        "QCoreApplication.translate('Ctx', 'a' + b)\n"
        "QCoreApplication.translate(context, 'a')\n"
    )
    good = "tr('{n} units').format(n=1)\nself.tr('a' 'b')\nQT_TRANSLATE_NOOP('', 'c')\n"
    assert [line for line, _ in untranslatable_calls(bad)] == [1, 2, 3, 4]
    assert untranslatable_calls(good) == []


# the places that pass on a literal marked elsewhere (by the caller, or by QT_TRANSLATE_NOOP
# where the text is written); they are not marking places themselves
_FORWARDERS = {
    ("i18n.py", "QCoreApplication.translate('', text, disambiguation, n)"),
    ("dock_panels.py", "QCoreApplication.translate(context, text)"),
    ("tabs.py", "QCoreApplication.translate(self._context, title)"),
    ("explain.py", "QCoreApplication.translate(_CONTEXT, EXPLANATIONS[key])"),
    ("training_form.py", "tr(source)"),  # TrainingForm._text: every source QT_TRANSLATE_NOOP
    ("i18n.py", "tr(source)"),  # choice_name: the names marked with QT_TRANSLATE_NOOP
    # the core's ActivationParam texts, marked in training_form._PARAM_TEXTS (test_i18n_catalogue
    # checks that each is marked and translated)
    ("training_form.py", "tr(param.accepts)"),
    ("training_form.py", "tr(param.label)"),
    # the Probes panel's choices' names, marked with QT_TRANSLATE_NOOP
    ("map_tab.py", "tr(METHOD_NAMES[name])"),
    ("map_tab.py", "tr(WEIGHT_NAMES[name])"),
    ("robustness_tab.py", "tr(CORRUPTION_NAMES[name])"),
    ("robustness_tab.py", "tr(UNIT_NAMES[self.kind])"),
    # the core's hint templates and explanations (nnviz.core.coach.TEXTS), marked in
    # coach/hint_texts.py (test_coach_panel checks that it holds exactly the core's texts)
    ("hints_view.py", "tr(hint.template)"),
    ("hints_view.py", "tr(hint.why)"),
}


def test_every_translated_text_in_the_gui_is_a_string_literal():
    problems = []
    for path in sorted(GUI_DIR.rglob("*.py")):
        for line, call in untranslatable_calls(path.read_text(encoding="utf-8")):
            if (path.name, call) in _FORWARDERS:
                continue
            problems.append(f"{path.name}:{line}: {call}")
    assert problems == []


@pytest.mark.skipif(
    not i18n.catalogue_path("ko").exists(), reason="resources/i18n/nnviz_ko.qm not built yet"
)
def test_a_setting_is_named_in_korean_as_the_training_form_names_it(window, qtbot):
    """Views that name a run's settings (Compare runs: "Settings that differ: ...") say what
    the training form says, in the interface language, not the config's field names."""
    from nnviz.gui.i18n import setting_name

    assert (
        setting_name("lr") == "Learning rate" and setting_name("no_such_field") == "no_such_field"
    )
    window.menus.language_actions["ko"].trigger()
    qtbot.waitUntil(lambda: HANGUL.search(setting_name("lr")) is not None)
    assert setting_name("lr") == "학습률" and HANGUL.search(setting_name("batch_size"))
    window.menus.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: setting_name("lr") == "Learning rate")
