"""The Korean catalogue covers every string of the interface, and its translations keep the
placeholders their source text fills in."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from nnviz.core.activations import ACTIVATION_PARAMS
from nnviz.gui.i18n import LANGUAGES, catalogue_path
from nnviz.paths import resource_path

GUI_SOURCES = Path(__file__).resolve().parents[2] / "nnviz" / "gui"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    assert found, f"{name} not found (it comes with PySide6-Essentials)"
    return found


def _messages(ts_file: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts_file).getroot()
    return [
        (ctx.findtext("name") or "", msg.findtext("source") or "", msg)
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    ]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> list[tuple[str, str]]:
    """Every (context, text) pyside6-lupdate finds in the GUI sources right now."""
    ts = tmp_path_factory.mktemp("lupdate") / "current.ts"
    sources = sorted(str(p) for p in GUI_SOURCES.rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(ts)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return [(ctx, src) for ctx, src, _ in _messages(ts)]


def test_the_sources_mark_a_real_number_of_strings(extracted):
    assert len(extracted) > 100  # a broken extraction (e.g. a renamed tr) would find few


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != "en"])
def test_every_interface_string_has_a_translation(qapp, extracted, lang):
    translator = QTranslator()
    assert translator.load(str(catalogue_path(lang))), catalogue_path(lang)
    missing = [
        f"{ctx or '(no context)'}: {src!r}"
        for ctx, src in extracted
        if not translator.translate(ctx, src)
    ]
    assert not missing, f"{len(missing)} strings lack a {lang} translation:\n" + "\n".join(missing)


@pytest.mark.parametrize("lang", [code for code in LANGUAGES if code != "en"])
def test_the_activation_parameters_texts_of_the_core_are_translated(qapp, extracted, lang):
    """The form shows tr() of the core registry's English (label, what the field accepts):
    each must be a string the GUI marks for lupdate and the catalogue translates."""
    translator = QTranslator()
    assert translator.load(str(catalogue_path(lang)))
    for param in ACTIVATION_PARAMS.values():
        for text in (param.label, param.accepts):
            assert ("", text) in extracted, f"{text!r} is not marked in the GUI for lupdate"
            assert translator.translate("", text), f"{text!r} lacks a {lang} translation"


def test_the_korean_source_catalogue_is_finished_and_keeps_placeholders():
    ts = resource_path("i18n", "nnviz_ko.ts")
    problems = []
    for ctx, src, msg in _messages(ts):
        translation = msg.find("translation")
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{ctx}: {src!r} is {translation.get('type')}")
            continue
        text = translation.text or ""
        if sorted(_PLACEHOLDER.findall(src)) != sorted(_PLACEHOLDER.findall(text)):
            problems.append(f"{ctx}: {src!r} -> {text!r} changes the placeholders")
    assert not problems, "\n".join(problems)


def test_korean_translations_are_in_hangul():
    ts = resource_path("i18n", "nnviz_ko.ts")
    texts = [msg.findtext("translation") or "" for _, _, msg in _messages(ts)]
    hangul = [t for t in texts if re.search("[\uac00-\ud7a3]", t)]
    assert len(hangul) > 0.8 * len(texts)
