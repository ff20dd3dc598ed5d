"""The guided lesson as data: one JSON file per language in ``resources/lessons/`` (``en.json``,
``ko.json``), one step per slide of the deck the learners follow, read and checked here so that
a teacher can edit or add steps without touching Python.

A file is an object ``{"language": "ko", "steps": [step, ...]}``; a step is::

    {"title": "Softmax",
     "text": "a few sentences, with the formula y_k = exp(a_k) / Σ exp(a_i)",
     "setup": {"panel": "Softmax and loss", "stage": "output", "layer": null,
               "sample": 0, "loss": "cross-entropy"},
     "try": {"text": "Press N for the next digit.", "when": "sample",
             "done": "The probabilities changed with the digit."}}

``setup`` says how the window is set up (every key optional): the panel brought to the front
(its English title), the stage shown (a :class:`~nnviz.core.trace.Kind` value and a layer), the
test digit and the loss of the backward stages. ``try`` invites one action and says how it is
noticed (``when``, one of :data:`TRY_EVENTS`; ``stage`` needs the ``kind`` reached, and maybe a
``layer``). A malformed file raises :class:`LessonFileError` naming the file and the line.

Standard library only (the core imports no Qt).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from nnviz.core.errors import NnvizError
from nnviz.core.losses import loss_names
from nnviz.core.trace import Kind
from nnviz.paths import resource_path

#: how a "try this" is noticed: the stage shown reached ``kind`` (and ``layer``); another sample
#: was shown (a test digit or a drawing); a drawing was sent; a run was started; the loss of the
#: backward stages changed; the weights changed (a step of learning, training); a pixel was
#: hovered in the pixel view; a digit was picked (clicked) in the data & labels view
TRY_EVENTS = ("stage", "sample", "drawing", "run", "loss", "params", "pixel", "pick")
LESSON_LANGUAGES = ("en", "ko")
_SETUP_KEYS = frozenset({"panel", "stage", "layer", "sample", "loss"})


class LessonFileError(NnvizError):
    """A missing or malformed lesson file (the message names the file and the line)."""


@dataclass(frozen=True)
class LessonSetup:
    """How the window is set up for a step (None: left as it is)."""

    panel: str | None = None  # English panel title, e.g. "Activations"
    stage: Kind | None = None
    layer: int | None = None
    sample: int | None = None  # test digit index
    loss: str | None = None


@dataclass(frozen=True)
class TryThis:
    """One action the learner is invited to do, how it is noticed and what is said then."""

    text: str
    when: str  # one of TRY_EVENTS
    done: str
    kind: Kind | None = None  # for when == "stage"
    layer: int | None = None


@dataclass(frozen=True)
class LessonStep:
    title: str
    text: str
    setup: LessonSetup
    try_this: TryThis


@dataclass(frozen=True)
class Lesson:
    path: Path
    language: str
    steps: tuple[LessonStep, ...]

    def __len__(self) -> int:
        return len(self.steps)


def lesson_path(language: str) -> Path:
    """The bundled lesson file of ``language`` (en or ko)."""
    return resource_path("lessons", f"{language}.json")


def load_lesson(path: str | Path) -> Lesson:
    """Read and check a lesson file. Raises LessonFileError naming the file and line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LessonFileError(f"{path}: no such lesson file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LessonFileError(f"{path}: cannot read the lesson file ({exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LessonFileError(
            f"{path}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("steps"), list):
        raise LessonFileError(f'{path}, line 1: expected an object with a list "steps"')
    if not data["steps"]:
        raise LessonFileError(f'{path}, line 1: "steps" is empty')
    lines = _step_lines(text)
    steps = []
    for i, raw in enumerate(data["steps"]):
        line = lines[i] if i < len(lines) else 1
        try:
            steps.append(_step(raw))
        except ValueError as exc:
            raise LessonFileError(f"{path}, line {line}: step {i + 1}: {exc}") from None
    language = data.get("language", path.stem)
    return Lesson(path, str(language), tuple(steps))


def _text(raw: dict, key: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f'"{key}" is missing or not a text')
    return value.strip()


def _optional_int(raw: dict, key: str) -> int | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f'"{key}" must be a whole number >= 0 or null, not {value!r}')
    return value


def _kind(raw: dict, key: str) -> Kind | None:
    value = raw.get(key)
    if value is None:
        return None
    try:
        return Kind(value)
    except ValueError:
        kinds = ", ".join(k.value for k in Kind)
        raise ValueError(f'"{key}" {value!r} is not a stage kind ({kinds})') from None


def _step(raw) -> LessonStep:
    if not isinstance(raw, dict):
        raise ValueError("expected an object")
    setup_raw = raw.get("setup", {})
    if not isinstance(setup_raw, dict):
        raise ValueError('"setup" must be an object')
    unknown = set(setup_raw) - _SETUP_KEYS
    if unknown:
        raise ValueError(f'"setup" has unknown keys {sorted(unknown)}')
    panel = setup_raw.get("panel")
    if panel is not None and not isinstance(panel, str):
        raise ValueError('"setup" "panel" must be a panel title')
    loss = setup_raw.get("loss")
    if loss is not None and loss not in loss_names():
        raise ValueError(f'"setup" "loss" {loss!r} is not one of {", ".join(loss_names())}')
    setup = LessonSetup(
        panel=panel,
        stage=_kind(setup_raw, "stage"),
        layer=_optional_int(setup_raw, "layer"),
        sample=_optional_int(setup_raw, "sample"),
        loss=loss,
    )
    try_raw = raw.get("try")
    if not isinstance(try_raw, dict):
        raise ValueError('"try" is missing or not an object')
    when = try_raw.get("when")
    if when not in TRY_EVENTS:
        raise ValueError(f'"try" "when" must be one of {", ".join(TRY_EVENTS)}, not {when!r}')
    kind = _kind(try_raw, "kind")
    if when == "stage" and kind is None:
        raise ValueError('"try" with "when": "stage" needs the "kind" to reach')
    try_this = TryThis(
        text=_text(try_raw, "text"),
        when=when,
        done=_text(try_raw, "done"),
        kind=kind,
        layer=_optional_int(try_raw, "layer"),
    )
    return LessonStep(_text(raw, "title"), _text(raw, "text"), setup, try_this)


def _step_lines(text: str) -> list[int]:
    """The line on which each element of the top-level "steps" list starts (for messages)."""
    decoder = json.JSONDecoder()
    key = text.find('"steps"')
    start = text.find("[", key) if key >= 0 else -1
    lines: list[int] = []
    if start < 0:
        return lines
    pos = start + 1
    while True:
        while pos < len(text) and text[pos] in " \t\r\n,":
            pos += 1
        if pos >= len(text) or text[pos] == "]":
            return lines
        lines.append(text.count("\n", 0, pos) + 1)
        try:
            _value, pos = decoder.raw_decode(text, pos)
        except json.JSONDecodeError:
            return lines
