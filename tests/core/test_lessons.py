"""The lesson files: both languages complete and in step; malformed and missing files are
reported naming the file and the line."""

from __future__ import annotations

import json

import pytest

from nnviz.core.lessons import (
    LESSON_LANGUAGES,
    TRY_EVENTS,
    LessonFileError,
    lesson_path,
    load_lesson,
)
from nnviz.core.trace import Kind

DECK_SLIDES = 12  # DECK.md, network to "Cheer up" (the title slide has no step)


@pytest.mark.parametrize("language", LESSON_LANGUAGES)
def test_every_bundled_lesson_has_a_step_per_slide_with_every_text(language):
    lesson = load_lesson(lesson_path(language))
    assert lesson.language == language
    assert len(lesson) == DECK_SLIDES
    for step in lesson.steps:
        assert step.title and step.text and step.try_this.text and step.try_this.done
        assert step.try_this.when in TRY_EVENTS


def test_the_korean_and_english_lessons_set_the_window_up_alike():
    en, ko = (load_lesson(lesson_path(lang)) for lang in ("en", "ko"))
    for a, b in zip(en.steps, ko.steps, strict=True):
        assert a.setup == b.setup
        assert (a.try_this.when, a.try_this.kind, a.try_this.layer) == (
            b.try_this.when,
            b.try_this.kind,
            b.try_this.layer,
        )


def test_the_lesson_follows_the_deck_order():
    steps = load_lesson(lesson_path("en")).steps
    assert steps[1].setup.panel == "Activations"
    assert [s.try_this.kind for s in steps[2:5]] == [Kind.ACTIVATION, Kind.ACTIVATION, Kind.OUTPUT]
    assert "softmax" in steps[5].text.lower() and "exp(a_k)" in steps[5].text
    assert "½ Σ_k (y_k − t_k)²" in steps[6].text and "−Σ_k t_k log y_k" in steps[6].text
    assert "28x28" in steps[8].text and "255" in steps[8].text
    assert steps[10].try_this.when == "run"


def _write(tmp_path, text: str):
    path = tmp_path / "lesson.json"
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_json_is_reported_with_the_file_and_line(tmp_path):
    path = _write(tmp_path, '{\n  "steps": [\n    {"title": "a",,}\n  ]\n}\n')
    with pytest.raises(LessonFileError, match=r"lesson\.json, line 3, column \d+: not valid JSON"):
        load_lesson(path)


def test_a_step_missing_a_key_is_reported_with_its_number_and_line(tmp_path):
    good = json.loads(lesson_path("en").read_text(encoding="utf-8"))["steps"][0]
    bad = dict(good)
    del bad["title"]
    text = json.dumps({"steps": [good, bad]}, indent=2, ensure_ascii=False)
    expected_line = text.splitlines().index("    {", 5) + 1  # the second step's opening brace
    path = _write(tmp_path, text)
    with pytest.raises(LessonFileError) as info:
        load_lesson(path)
    message = str(info.value)
    assert str(path) in message
    assert f"line {expected_line}: step 2: " in message and '"title"' in message


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda s: s["setup"].update(stage="sideways"), "not a stage kind"),
        (lambda s: s["setup"].update(loss="hinge"), '"loss"'),
        (lambda s: s["try"].update(when="someday"), '"when"'),
        (lambda s: s["try"].update(when="stage", kind=None), '"kind"'),
        (lambda s: s["setup"].update(sample=-1), '"sample"'),
        (lambda s: s.pop("try"), '"try"'),
    ],
)
def test_wrong_values_are_named(tmp_path, change, words):
    step = json.loads(lesson_path("en").read_text(encoding="utf-8"))["steps"][1]
    change(step)
    path = _write(tmp_path, json.dumps({"steps": [step]}))
    with pytest.raises(LessonFileError, match="line 1: step 1: .*" + words.replace('"', '"')):
        load_lesson(path)


def test_a_missing_file_and_an_empty_lesson_are_reported(tmp_path):
    with pytest.raises(LessonFileError, match="no such lesson file"):
        load_lesson(tmp_path / "nowhere.json")
    with pytest.raises(LessonFileError, match='"steps" is empty'):
        load_lesson(_write(tmp_path, '{"steps": []}'))
    with pytest.raises(LessonFileError, match='list "steps"'):
        load_lesson(_write(tmp_path, "[1, 2]"))
