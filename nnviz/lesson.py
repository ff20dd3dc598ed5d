"""``nnviz lesson --list``: the guided lesson's steps in the terminal (``--json``: a list of
objects with ``title`` and ``text``). Without ``--list`` the window opens at the lesson."""

from __future__ import annotations

import json
import os
import sys

from nnviz.cli_support import EXIT_OK
from nnviz.core.errors import ConfigError
from nnviz.core.lessons import LESSON_LANGUAGES, lesson_path, load_lesson


def lesson_language(requested: str | None, environ=None) -> str:
    """--lang, else Korean when the terminal's locale is Korean, else English."""
    if requested:
        code = requested.strip().lower().replace("_", "-").split("-")[0]
        if code not in LESSON_LANGUAGES:
            raise ConfigError(f"--lang {requested!r}: choose one of {', '.join(LESSON_LANGUAGES)}")
        return code
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            return "ko" if env[name].lower().startswith("ko") else "en"
    return "en"


def run_lesson_list(args) -> int:
    """Print the steps (LessonFileError, an NnvizError, is reported by main with exit 1)."""
    lesson = load_lesson(lesson_path(lesson_language(getattr(args, "lang", None))))
    if args.json:
        json.dump(
            [{"title": s.title, "text": s.text} for s in lesson.steps],
            sys.stdout,
            ensure_ascii=False,
            indent=2,
        )
        print()
        return EXIT_OK
    for n, step in enumerate(lesson.steps, start=1):
        print(f"{n:2d}. {step.title}")
        print(f"    {step.text}")
        print(f"    → {step.try_this.text}")
    return EXIT_OK
