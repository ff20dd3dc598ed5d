"""The coach's hints about the newest run: each one's message with the run's numbers, an Apply
button that hands its fix to the window (the training settings, or the running run), and Why?,
which shows a short explanation under it. Hints can be turned off.

The hints come from the core's rules (nnviz.core.coach.hints) over the run's record; this view
only shows them, translated (hint_texts.py marks the core's English for the catalogue).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nnviz.core.coach import Hint, hints
from nnviz.core.recording import RunRecord
from nnviz.gui import style
from nnviz.gui.i18n import choice_name, tr
from nnviz.gui.tabs import scrolled

__all__ = ["HintCard", "HintsView"]


def _fix_text(fix: dict) -> str:
    """A fix as the settings read: 'Learning rate 0.1, Initial weights He'."""
    names = {
        "lr": tr("Learning rate"),
        "init": tr("Initial weights"),
        "init_scale": tr("Weight scale"),
        "activation": tr("Activation"),
        "l2": tr("L2 decay"),
        "dropout": tr("Dropout"),
        "momentum": tr("Momentum"),
        "lr_schedule": tr("LR schedule"),
    }
    parts = []
    for name, value in fix.items():
        shown = f"{value:g}" if isinstance(value, float) else choice_name(name, str(value))
        parts.append(f"{names.get(name, name)} {shown}")
    return ", ".join(parts)


class HintCard(QFrame):
    """One hint: its message, Apply and Why? (the explanation, shown on demand)."""

    apply_requested = Signal(object)  # the hint's fix (dict)

    def __init__(self, hint: Hint, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = hint
        self.setObjectName("hintCard")
        self.setStyleSheet(
            f"#hintCard {{ background: {style.HINT_BACKGROUND}; border-radius: 4px; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(3)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.apply_button = QPushButton()
        self.apply_button.clicked.connect(self._on_apply)
        self.why_button = QPushButton()
        self.why_button.setCheckable(True)
        self.why_button.toggled.connect(lambda shown: self.why.setVisible(shown))
        row.addWidget(self.apply_button)
        row.addWidget(self.why_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setStyleSheet(f"color: {style.MUTED};")
        self.why.hide()
        layout.addWidget(self.why)
        self.applied = False
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        hint = self.hint
        self.message.setText(tr(hint.template).format(**hint.values))
        self.why.setText(tr(hint.why))
        self.apply_button.setText(self.tr("Applied") if self.applied else self.tr("Apply"))
        self.apply_button.setToolTip(
            self.tr("Put into the settings: {fix}").format(fix=_fix_text(hint.fix))
        )
        self.why_button.setText(self.tr("Why?"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _on_apply(self) -> None:
        self.applied = True
        self.apply_button.setEnabled(False)
        self.retranslate_ui()
        self.apply_requested.emit(dict(self.hint.fix))


class HintsView(QWidget):
    """The hints of a run record; ``apply_requested(fix)`` when the learner applies one."""

    apply_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: RunRecord | None = None
        self.hints: list[Hint] = []
        self.cards: list[HintCard] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(4)
        head = QHBoxLayout()
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        head.addWidget(self.title)
        head.addStretch(1)
        self.enabled_box = QCheckBox()
        self.enabled_box.setChecked(True)
        self.enabled_box.toggled.connect(lambda _on: self.refresh())
        head.addWidget(self.enabled_box)
        layout.addLayout(head)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {style.MUTED};")
        layout.addWidget(self.note)
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.setSpacing(4)
        self._list_layout.addStretch(1)
        layout.addWidget(scrolled(self._list), 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Hints"))
        self.enabled_box.setText(self.tr("Show hints"))
        self.enabled_box.setToolTip(
            self.tr("The coach watches the run and says what looks wrong and what to try")
        )
        self._update_note()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @property
    def enabled(self) -> bool:
        return self.enabled_box.isChecked()

    def set_enabled(self, enabled: bool) -> None:
        self.enabled_box.setChecked(enabled)

    def set_record(self, record: RunRecord | None) -> None:
        """Follow another run (the newest); its hints replace the last one's."""
        self.record = record
        self.hints = []
        self._show([])
        self.refresh()

    def refresh(self) -> None:
        """Ask the rules again (after an evaluation, at the run's end); new hints are added,
        the ones already shown stay (with their Applied state) while they still hold."""
        found = hints(self.record) if (self.record is not None and self.enabled) else []
        if [(h.text, h.values) for h in found] != [(h.text, h.values) for h in self.hints]:
            self.hints = found
            self._show(found)
        self._update_note()

    def _show(self, found: list[Hint]) -> None:
        kept = {card.hint.text: card for card in self.cards}
        for card in self.cards:
            self._list_layout.removeWidget(card)
            card.hide()
        cards = []
        for hint in found:
            old = kept.pop(hint.text, None)
            card = HintCard(hint)
            if old is not None and old.applied and old.hint.fix == hint.fix:
                card.applied = True
                card.apply_button.setEnabled(False)
                card.retranslate_ui()
            if old is not None and old.why_button.isChecked():  # the explanation stays open
                card.why_button.setChecked(True)
            card.apply_requested.connect(self.apply_requested)
            self._list_layout.insertWidget(self._list_layout.count() - 1, card)
            cards.append(card)
        for card in self.cards:
            card.deleteLater()
        self.cards = cards

    def _update_note(self) -> None:
        if not self.enabled:
            text = self.tr("Hints are off.")
        elif self.record is None:
            text = self.tr(
                "Hints will appear here while a run trains: a loss that explodes or stays "
                "flat, dead or saturated units, overfitting, a plateau, each with a fix."
            )
        elif not self.hints:
            text = self.tr("Nothing looks wrong so far.")
        else:
            text = ""
        self.note.setText(text)
        self.note.setVisible(bool(text))
