"""``nnviz lesson --list`` and ``nnviz screenshot --lesson N``; ``nnviz --lesson`` parses."""

from __future__ import annotations

import json

from PySide6.QtGui import QImage

from nnviz.cli import build_parser, main
from nnviz.core.lessons import lesson_path, load_lesson
from nnviz.lesson import lesson_language


def test_lesson_list_json_gives_each_steps_title_and_text(capsys):
    assert main(["lesson", "--list", "--lang", "ko", "--json"]) == 0
    steps = json.loads(capsys.readouterr().out)
    lesson = load_lesson(lesson_path("ko"))
    assert steps == [{"title": s.title, "text": s.text} for s in lesson.steps]


def test_lesson_list_prints_numbered_steps(capsys):
    assert main(["--lang", "en", "lesson", "--list"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(" 1. What a neural network is\n")
    assert "12. Cheer up!" in out


def test_a_bad_lesson_language_is_a_usage_error(capsys):
    assert main(["lesson", "--list", "--lang", "fr"]) == 2
    assert "--lang 'fr'" in capsys.readouterr().err


def test_the_lesson_language_follows_the_locale():
    assert lesson_language(None, {"LANG": "ko_KR.UTF-8"}) == "ko"
    assert lesson_language(None, {"LANG": "de_DE.UTF-8"}) == "en"
    assert lesson_language("ko-KR", {}) == "ko"


def test_the_window_opens_at_the_lesson_with_a_flag():
    parser = build_parser()
    assert parser.parse_args(["--lesson"]).lesson
    assert parser.parse_args(["gui", "--lesson"]).lesson
    assert parser.parse_args(["screenshot", "o.png", "--lesson", "3"]).lesson == 3


def test_screenshot_draws_a_lesson_step_and_refuses_a_step_that_is_not_there(tmp_path, capsys):
    out = tmp_path / "lesson.png"
    assert main(["screenshot", str(out), "--lesson", "2", "--size", "1300x800"]) == 0
    assert QImage(str(out)).width() == 1300
    assert main(["screenshot", str(tmp_path / "x.png"), "--lesson", "13"]) == 1
    assert "choose a step from 1 to 12" in capsys.readouterr().err
