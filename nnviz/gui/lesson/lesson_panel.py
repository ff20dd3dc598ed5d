"""The lesson panel: "Step 3 of 12", the step's title, text and "try this", Back / Next.

Going to a step sets the window up through the Session (the digit, the loss, the stage) and asks
the window for the step's panel (``panel_wanted``, an English panel title); the place is kept in
the settings under ``lesson/step``. The panel listens to the Session to notice the "try this"
(the stage reached, another digit, a drawing, a run, the loss, the weights) and then shows a ✓
with the step's sentence. The learner can leave the lesson at any moment: the panel only
listens, and sets nothing up until Back or Next (or :meth:`go_to`).

The texts are data (``resources/lessons/<language>.json``); a missing or malformed file is shown
in the panel, naming the file and line, and the window works as without a lesson.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.errors import NnvizError
from nnviz.core.lessons import Lesson, LessonStep, lesson_path, load_lesson
from nnviz.core.trace import Kind
from nnviz.gui import style
from nnviz.gui.session import Session
from nnviz.gui.tabs import scrolled

__all__ = ["LessonPanel", "SETTINGS_KEY"]

SETTINGS_KEY = "lesson/step"  # 0-based index of the step shown, remembered between launches


class LessonPanel(QWidget):
    """One step of the lesson at a time."""

    # the English title of the panel (or tab) this step looks at; the window brings it forward
    panel_wanted = Signal(str)
    # the step shown changed (0-based index)
    step_changed = Signal(int)
    # the "try this" of the step shown was done
    try_done = Signal(int)

    def __init__(
        self,
        session: Session,
        settings: QSettings | None = None,
        language: str = "en",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.language = language
        self.lesson: Lesson | None = None
        self.error: str | None = None
        self.done = False
        self._applying = False  # the step's own setup is not the learner's action
        self._index = self._remembered_index()
        self._build()
        self._load()
        self.retranslate_ui()
        self._show_texts()
        session.stage_changed.connect(self._on_stage_changed)
        session.sample_changed.connect(self._on_sample_changed)
        session.run_added.connect(lambda _record: self._notice("run"))
        session.learning_changed.connect(lambda: self._notice("loss"))
        session.params_changed.connect(lambda: self._notice("params"))

    def _build(self) -> None:
        self.progress_label = QLabel()
        self.progress_label.setStyleSheet(f"color: {style.MUTED};")
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title_label.setFont(font)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.try_group = QGroupBox()
        self.try_label = QLabel()
        self.try_label.setWordWrap(True)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.setStyleSheet(f"color: {style.CORRECT}; font-weight: bold;")
        try_box = QVBoxLayout(self.try_group)
        try_box.addWidget(self.try_label)
        try_box.addWidget(self.done_label)

        body = QWidget()
        body_box = QVBoxLayout(body)
        body_box.setContentsMargins(0, 0, 0, 0)
        body_box.addWidget(self.progress_label)
        body_box.addWidget(self.title_label)
        body_box.addWidget(self.text_label)
        body_box.addWidget(self.try_group)
        body_box.addStretch(1)
        scroll = scrolled(body)  # a long text in a short window scrolls

        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)

        box = QVBoxLayout(self)
        box.addWidget(scroll, 1)
        box.addLayout(buttons)

    def retranslate_ui(self) -> None:
        self.back_button.setText(self.tr("◀ Back"))
        self.next_button.setText(self.tr("Next ▶"))
        self.try_group.setTitle(self.tr("Try this"))
        self._show_progress()
        if self.error is not None:
            self._show_texts()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ------------------------------------------------------------------ read
    @property
    def step_index(self) -> int:
        """The step shown, 0-based."""
        return self._index

    @property
    def step(self) -> LessonStep | None:
        return self.lesson.steps[self._index] if self.lesson is not None else None

    def __len__(self) -> int:
        return len(self.lesson) if self.lesson is not None else 0

    # ------------------------------------------------------------------ change
    def set_language(self, language: str) -> None:
        """Show the lesson file of ``language`` (at the same step)."""
        if language != self.language:
            self.language = language
            self._load()
            self._show_texts()

    def go_to(self, index: int) -> None:
        """Show step ``index`` (0-based, clamped) and set the window up for it."""
        if self.lesson is None:
            return
        self._index = max(0, min(int(index), len(self.lesson) - 1))
        if self.settings is not None:
            self.settings.setValue(SETTINGS_KEY, self._index)
        self.done = False
        self._set_up(self.lesson.steps[self._index])
        self._show_texts()
        self.step_changed.emit(self._index)

    def next(self) -> None:
        self.go_to(self._index + 1)

    def back(self) -> None:
        self.go_to(self._index - 1)

    # ------------------------------------------------------------------ internals
    def _remembered_index(self) -> int:
        if self.settings is None:
            return 0
        try:
            return max(0, int(self.settings.value(SETTINGS_KEY, 0)))
        except (TypeError, ValueError):
            return 0

    def _load(self) -> None:
        try:
            self.lesson = load_lesson(lesson_path(self.language))
            self.error = None
            self._index = min(self._index, len(self.lesson) - 1)
        except NnvizError as exc:
            self.lesson, self.error = None, str(exc)

    def _set_up(self, step: LessonStep) -> None:
        setup, s = step.setup, self.session
        self._applying = True
        try:
            with s.batch():  # the views redraw once, for the step's digit, loss and stage
                s.set_playing(False)
                # the digit shown already is not shown again (a retrace and redraw, ~25 ms)
                if setup.sample is not None and s.dataset is not None:
                    if s.sample_index != setup.sample:
                        s.show_test_sample(setup.sample)
                if setup.loss is not None:
                    s.set_learning(loss=setup.loss)
                if setup.stage is not None:
                    layer = None if setup.stage is Kind.OUTPUT else setup.layer
                    if s.trace.find(setup.stage, layer) is not None:
                        s.set_stage(setup.stage, layer)
        finally:
            self._applying = False
        if setup.panel:
            self.panel_wanted.emit(setup.panel)

    def _show_progress(self) -> None:
        if self.lesson is None:
            self.progress_label.setText("")
        else:
            self.progress_label.setText(
                self.tr("Step {n} of {total}").format(n=self._index + 1, total=len(self.lesson))
            )

    def _show_texts(self) -> None:
        step = self.step
        has_lesson = step is not None
        self.back_button.setEnabled(has_lesson and self._index > 0)
        self.next_button.setEnabled(has_lesson and self._index < len(self) - 1)
        self.try_group.setVisible(has_lesson)
        self._show_progress()
        if step is None:
            self.title_label.setText(self.tr("The lesson could not be loaded"))
            self.text_label.setText(self.error or "")
            return
        self.title_label.setText(step.title)
        self.text_label.setText(step.text)
        self.try_label.setText(step.try_this.text)
        self.done_label.setText("✓ " + step.try_this.done if self.done else "")

    def notice(self, event: str) -> None:
        """The learner did ``event`` (one of TRY_EVENTS) elsewhere in the window: a pixel
        hovered in the pixel view, a digit picked in the data view (the window tells)."""
        self._notice(event)

    def _notice(self, event: str) -> None:
        step = self.step
        if self._applying or self.done or step is None or step.try_this.when != event:
            return
        self.done = True
        self.done_label.setText("✓ " + step.try_this.done)
        self.try_done.emit(self._index)

    def _on_stage_changed(self, _index: int) -> None:
        step = self.step
        if step is None or step.try_this.when != "stage":
            return
        stage, want = self.session.stage, step.try_this
        if stage.kind is want.kind and (want.layer is None or stage.layer == want.layer):
            self._notice("stage")

    def _on_sample_changed(self) -> None:
        self._notice("sample")
        if self.session.sample_split is None:
            self._notice("drawing")
