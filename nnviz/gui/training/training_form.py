"""The training settings: one field per TrainingConfig field, with the config's own defaults
(read from ``dataclasses.fields``) and its own checks (the ConfigError text under the field).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from nnviz.core import training
from nnviz.core.activations import ACTIVATION_PARAMS, ActivationParam, activation_names
from nnviz.core.datasets import DATASET_NAMES, load_dataset
from nnviz.core.errors import NnvizError
from nnviz.core.losses import loss_names
from nnviz.core.network import INITS
from nnviz.core.optimizers import OPTIMIZERS
from nnviz.core.training import (
    LIVE_HYPERPARAMETERS,
    LR_SCHEDULES,
    PRESETS,
    REAL_LIMITS,
    WINDOW_VALIDATION,
    TrainingConfig,
)
from nnviz.gui import style
from nnviz.gui.i18n import choice_name, tr
from nnviz.gui.training.augment_preview import AugmentPreview

__all__ = ["COACH_FIELDS", "TrainingForm", "config_defaults"]

#: the coach's settings: a preset leaves them as they are (it is a recipe for the network and
#: its optimizer; these are what the learner tries on top of it)
COACH_FIELDS = ("momentum", "l2", "dropout", "validation", "augment", "init_scale")

_COMBO_MIN_CHARS = 8  # characters a choice box shows at least
_ERROR_STYLE = f"color: {style.WRONG};"
_FIELD_ERROR_STYLE = f"QLineEdit {{ border: 1px solid {style.WRONG}; border-radius: 2px; }}"
# TrainingConfig field -> the activation parameter it holds (the field "activation_param" shows
# the one the chosen activation takes)
_PARAM_FIELDS = {p.field: p for p in ACTIVATION_PARAMS.values()}
# The English of the parameters' labels and messages is the core's (ActivationParam.label and
# .accepts); the form shows tr() of it. Written out here only so that pyside6-lupdate puts them
# in the catalogue; tests/gui/test_i18n_catalogue.py checks that every one is translated.
_PARAM_TEXTS = (
    QT_TRANSLATE_NOOP("", "Leaky slope"),
    QT_TRANSLATE_NOOP("", "A number from 0 up to, but not including, 1"),
    QT_TRANSLATE_NOOP("", "ELU alpha"),
    QT_TRANSLATE_NOOP("", "A positive number"),
    QT_TRANSLATE_NOOP("", "Maxout pieces"),
    QT_TRANSLATE_NOOP("", "A whole number, 2 or more"),
)


def config_defaults() -> dict[str, object]:
    """Every TrainingConfig field and its default: the only defaults the window knows."""
    return {f.name: f.default for f in fields(TrainingConfig)}


def _parse_number(text: str) -> int | float:
    value = float(text.strip().replace("_", ""))
    return int(value) if value.is_integer() else value


def _parse_hidden(text: str) -> tuple[int, ...]:
    parts = [p for p in text.replace(",", " ").replace("-", " ").split() if p]
    if not parts:
        raise ValueError("empty")
    return tuple(int(p) for p in parts)


def _format_value(value: object) -> str:
    if isinstance(value, (tuple, list)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _requirement(name: str) -> str | None:
    """What field ``name`` of TrainingConfig accepts, in the interface language (the core's own
    message is English); None for the fields whose core message is the better one."""
    if name in training.LIMITS:
        lo, hi = training.LIMITS[name]
        if name == "hidden":
            return tr("Whole numbers from {lo} to {hi}, separated by commas").format(lo=lo, hi=hi)
        return tr("A whole number from {lo} to {hi}").format(lo=lo, hi=hi)
    param = _PARAM_FIELDS.get(name)
    if param is not None:
        return tr(param.accepts)  # marked in _PARAM_TEXTS
    if name in REAL_LIMITS:
        lo, hi = REAL_LIMITS[name]
        return tr("A number from {lo} to {hi}").format(lo=f"{lo:g}", hi=f"{hi:g}")
    return {
        "lr": tr("A positive number, e.g. 0.1"),
        "seed": tr("A whole number, 0 or more"),
    }.get(name)


class TrainingForm(QWidget):
    """Preset chooser and one field per hyperparameter; ``changed(config or None)`` on edits,
    ``live_edited()`` when the learner has finished editing a live field (LIVE_HYPERPARAMETERS:
    Enter or leaving it), which a running run may take."""

    changed = Signal(object)
    live_edited = Signal()

    def __init__(
        self,
        known_dataset: Callable[[], str | None] = lambda: None,
        parent: QWidget | None = None,
        digit: Callable[[], object] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self._known_dataset = known_dataset  # a name that needs no look-up (already loaded)
        self._digit = digit  # the digit on screen, for the augmentation preview
        # the window holds a validation split out by default (the command line does not)
        self._defaults = {**config_defaults(), "validation": WINDOW_VALIDATION}
        self._config: TrainingConfig | None = None
        self.locked = False
        self._editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}  # the complaint under each field, hidden if none
        self._loading = False  # filling the fields from code: not a user edit
        self._texts: list[tuple[Callable[[str], None], str]] = []  # (setter, English source)
        self._choices: list[tuple[QComboBox, str]] = []  # (box, kind): names in the language
        self._build()
        self._load_values(self._defaults)
        self.validate()

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)

        preset_row = QHBoxLayout()
        preset_label = QLabel()
        self._text(preset_label.setText, QT_TRANSLATE_NOOP("", "Preset"))
        preset_row.addWidget(preset_label)
        self.preset_box = QComboBox()
        self.preset_box.addItem("", None)
        self._text(
            lambda text: self.preset_box.setItemText(0, text), QT_TRANSLATE_NOOP("", "(custom)")
        )
        for name in PRESETS:
            self.preset_box.addItem(choice_name("preset", name), name)
        self._choices.append((self.preset_box, "preset"))
        self._text(
            self.preset_box.setToolTip,
            QT_TRANSLATE_NOOP(
                "", "Fill in a documented set of hyperparameters (book = the defaults)"
            ),
        )
        self.preset_box.activated.connect(self._on_preset)
        preset_row.addWidget(self.preset_box, 1)
        outer.addLayout(preset_row)

        self.form_widget = QWidget()
        form = QFormLayout(self.form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(2)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form = form

        self._add_section(QT_TRANSLATE_NOOP("", "Network"))
        self._add_line(
            "hidden",
            QT_TRANSLATE_NOOP("", "Hidden layers"),
            QT_TRANSLATE_NOOP("", "Units per hidden layer, e.g. 50, 100 (the book)"),
        )
        self._add_combo("activation", QT_TRANSLATE_NOOP("", "Activation"), activation_names())
        self._add_line("activation_param", QT_TRANSLATE_NOOP("", "Slope"), "")
        self._add_combo("init", QT_TRANSLATE_NOOP("", "Initial weights"), list(INITS))
        self._add_line(
            "init_scale",
            QT_TRANSLATE_NOOP("", "Weight scale"),
            QT_TRANSLATE_NOOP(
                "",
                "Factor on the initial weights: try 0.1 with sigmoid and watch the signal fade "
                "layer after layer, or 10 and watch the units saturate",
            ),
        )
        self._add_line(
            "seed",
            QT_TRANSLATE_NOOP("", "Seed"),
            QT_TRANSLATE_NOOP("", "Random seed of the initial weights and shuffling"),
        )
        self._add_section(QT_TRANSLATE_NOOP("", "Learning"))
        self._add_combo("loss", QT_TRANSLATE_NOOP("", "Loss"), loss_names())
        self._add_combo("optimizer", QT_TRANSLATE_NOOP("", "Optimizer"), list(OPTIMIZERS))
        self._add_line(
            "momentum",
            QT_TRANSLATE_NOOP("", "Momentum"),
            QT_TRANSLATE_NOOP(
                "",
                "Momentum optimizer only: the share of the last step each step keeps (0.9). "
                "Can be changed while training.",
            ),
        )
        self._add_line(
            "lr",
            QT_TRANSLATE_NOOP("", "Learning rate"),
            QT_TRANSLATE_NOOP(
                "", "Step size of each weight update. Can be changed while training."
            ),
        )
        self._add_combo("lr_schedule", QT_TRANSLATE_NOOP("", "LR schedule"), list(LR_SCHEDULES))
        self._add_line(
            "batch_size",
            QT_TRANSLATE_NOOP("", "Batch size"),
            QT_TRANSLATE_NOOP("", "Images per weight update"),
        )
        self._add_line(
            "epochs",
            QT_TRANSLATE_NOOP("", "Epochs"),
            QT_TRANSLATE_NOOP("", "Passes over the training images"),
        )
        self._add_section(QT_TRANSLATE_NOOP("", "Regularisation"))
        self._add_line(
            "l2",
            QT_TRANSLATE_NOOP("", "L2 decay"),
            QT_TRANSLATE_NOOP(
                "",
                "Weight decay λ: adds (λ/2)·Σw² to the loss, pulling every weight towards 0 "
                "(try 0.0001 against overfitting). Can be changed while training.",
            ),
        )
        self._add_line(
            "dropout",
            QT_TRANSLATE_NOOP("", "Dropout"),
            QT_TRANSLATE_NOOP(
                "",
                "Share of hidden units switched off at random at each step (try 0.2), so no "
                "unit can rely on another. Can be changed while training.",
            ),
        )
        self._add_check(
            "augment",
            QT_TRANSLATE_NOOP("", "Augment"),
            QT_TRANSLATE_NOOP("", "shift, turn, add noise"),
            QT_TRANSLATE_NOOP(
                "",
                "Show the network each training digit slightly moved, turned and noisy, a "
                "little differently every time: more variety from the same data",
            ),
        )
        self.augment_preview = AugmentPreview(self._digit)
        self._form.addRow(self.augment_preview)
        self._form.setRowVisible(self.augment_preview, False)
        self._add_section(QT_TRANSLATE_NOOP("", "Data"))
        self._add_line(
            "validation",
            QT_TRANSLATE_NOOP("", "Validation share"),
            QT_TRANSLATE_NOOP(
                "",
                "Share of the training images held out and never trained on: their loss shows "
                "overfitting. The test set is never used to choose anything.",
            ),
        )
        self._add_combo(
            "dataset", QT_TRANSLATE_NOOP("", "Dataset"), list(DATASET_NAMES), editable=True
        )
        self._add_line(
            "evals_per_epoch",
            QT_TRANSLATE_NOOP("", "Tests per epoch"),
            QT_TRANSLATE_NOOP(
                "", "How often per epoch the test set is scored (points on the test curves)"
            ),
        )
        outer.addWidget(self.form_widget)

        self.config_error = QLabel()
        self.config_error.setWordWrap(True)
        self.config_error.setStyleSheet(_ERROR_STYLE)
        self.config_error.hide()
        outer.addWidget(self.config_error)

        outer.addStretch(1)

    def _text(self, setter: Callable[[str], None], source: str) -> None:
        """Show ``tr(source)`` through ``setter`` now and again after each language change."""
        self._texts.append((setter, source))
        setter(tr(source) if source else "")

    def retranslate_ui(self) -> None:
        for setter, source in self._texts:
            setter(tr(source) if source else "")
        for box, kind in self._choices:
            for i in range(box.count()):
                if box.itemData(i) is not None:
                    box.setItemText(i, choice_name(kind, box.itemData(i)))
        self.validate()  # the messages under the fields

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _add_section(self, title: str) -> None:
        label = QLabel()
        self._text(label.setText, title)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 6 if self._form.rowCount() else 0, 0, 0)
        self._form.addRow(label)

    def _field_cell(self, name: str, editor: QWidget) -> QWidget:
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(editor)
        error = QLabel()
        error.setWordWrap(True)
        error.setStyleSheet(_ERROR_STYLE)
        error.hide()
        box.addWidget(error)
        self._editors[name] = editor
        self.errors[name] = error
        return cell

    def _add_line(self, name: str, label: str, tip: str) -> None:
        editor = QLineEdit()
        self._text(editor.setToolTip, tip)
        editor.textEdited.connect(self._on_field_edited)
        if name in LIVE_HYPERPARAMETERS:  # not at every key: "0.15" is not first 0.1, then 0.15
            editor.editingFinished.connect(self.live_edited)
        self._add_row(label, self._field_cell(name, editor))

    def _add_check(self, name: str, label: str, text: str, tip: str) -> None:
        editor = QCheckBox()
        self._text(editor.setText, text)
        self._text(editor.setToolTip, tip)
        editor.toggled.connect(self._on_field_edited)
        editor.toggled.connect(self._show_preview)
        self._add_row(label, self._field_cell(name, editor))

    def _show_preview(self, shown: bool) -> None:
        self._form.setRowVisible(self.augment_preview, shown)
        if shown:
            self.augment_preview.refresh()

    def refresh_preview(self) -> None:
        """The digit on screen changed: redraw the augmentation preview if it is shown."""
        if self._editors["augment"].isChecked():
            self.augment_preview.refresh()

    def _add_row(self, label_source: str, cell: QWidget) -> None:
        label = QLabel()
        self._text(label.setText, label_source)
        self._form.addRow(label, cell)

    def _add_combo(self, name: str, label: str, items: list[str], editable=False) -> None:
        """A choice: the core's identifiers as item data, shown by their names in the
        interface language (a dataset's name or directory is typed, and shown as it is)."""
        editor = QComboBox()
        for item in items:
            editor.addItem(item if editable else choice_name(name, item), item)
        if not editable:
            self._choices.append((editor, name))
        # narrow docks: the combo may be narrower than its longest entry
        editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        editor.setMinimumContentsLength(_COMBO_MIN_CHARS)
        editor.setEditable(editable)
        if editable:
            editor.lineEdit().textEdited.connect(self._on_field_edited)
            self._text(
                editor.setToolTip,
                QT_TRANSLATE_NOOP("", "mnist, fashion-mnist or a directory of IDX files"),
            )
        editor.currentIndexChanged.connect(self._on_field_edited)
        self._add_row(label, self._field_cell(name, editor))

    # ------------------------------------------------------------------ values
    def text(self, name: str) -> str:
        """The field's value as TrainingConfig takes it (a choice's identifier, not its name)."""
        editor = self._editors[name]
        if isinstance(editor, QComboBox):
            return editor.currentText() if editor.isEditable() else editor.currentData()
        if isinstance(editor, QCheckBox):
            return "true" if editor.isChecked() else "false"
        return editor.text()

    def set_text(self, name: str, text: str) -> None:
        editor = self._editors[name]
        if isinstance(editor, QComboBox):
            i = editor.findData(text)
            i = i if i >= 0 else editor.findText(text)
            if i >= 0:
                editor.setCurrentIndex(i)
            else:
                editor.setEditText(text)
        elif isinstance(editor, QCheckBox):
            editor.setChecked(text.strip().lower() == "true")
        else:
            editor.setText(text)

    def _load_values(self, values: dict[str, object]) -> None:
        self._loading = True
        try:
            for name in self._editors:
                if name != "activation_param" and name in values:
                    self.set_text(name, _format_value(values[name]))
            param = ACTIVATION_PARAMS.get(str(values.get("activation")))
            self.set_text("activation_param", _format_value(values[param.field]) if param else "")
        finally:
            self._loading = False

    def _on_preset(self, index: int) -> None:
        name = self.preset_box.itemData(index)
        if name in PRESETS:
            recipe = PRESETS[name].to_dict()
            self._load_values({k: v for k, v in recipe.items() if k not in COACH_FIELDS})
            self.validate()

    def set_config(self, config: TrainingConfig) -> None:
        """Show ``config`` in the fields."""
        self._load_values(config.to_dict())
        self.validate()

    def set_seed(self, seed: int) -> None:
        self.set_text("seed", str(seed))
        self.validate()

    def set_locked(self, locked: bool) -> None:
        """Settings cannot change during a run, except the live ones (LIVE_HYPERPARAMETERS):
        the learning rate, momentum, L2 and dropout, which the run takes at its next step."""
        for name, editor in self._editors.items():
            editor.setEnabled(not locked or name in LIVE_HYPERPARAMETERS)
        self.preset_box.setEnabled(not locked)
        self.locked = locked

    def editor(self, name: str) -> QWidget:
        """The editor of TrainingConfig field ``name`` (to focus it, or type into it)."""
        return self._editors[name]

    @property
    def fields(self) -> tuple[str, ...]:
        """The TrainingConfig fields the form has an editor for."""
        return tuple(self._editors)

    @property
    def general_error(self) -> str:
        return self.config_error.text() if not self.config_error.isHidden() else ""

    @property
    def config(self) -> TrainingConfig | None:
        """The configuration in the fields, or None while a field holds an invalid value."""
        return self._config

    def _on_field_edited(self, *_args) -> None:
        if not self._loading:
            self.validate()

    def validate(self) -> TrainingConfig | None:
        """Check each field against TrainingConfig; show each complaint under its field."""
        values: dict[str, object] = {}
        errors: dict[str, str] = {}
        for name in self._editors:
            text = self.text(name).strip()
            if name == "activation_param":
                continue
            try:
                if isinstance(self._editors[name], QCheckBox):
                    values[name] = text == "true"
                elif name == "hidden":
                    values[name] = _parse_hidden(text)
                elif isinstance(self._defaults.get(name), (int, float)):
                    values[name] = _parse_number(text)
                else:
                    values[name] = text
            except ValueError:
                errors[name] = (
                    tr("Enter whole numbers separated by commas, e.g. 50, 100")
                    if name == "hidden"
                    else tr("Enter a number")
                )
        activation = str(values.get("activation", ""))
        param = ACTIVATION_PARAMS.get(activation)
        self._show_activation_param(param)
        # the momentum is the Momentum optimizer's own: with the others it would change nothing
        momentum_cell = self._editors["momentum"].parentWidget()
        self._form.setRowVisible(momentum_cell, values.get("optimizer") == "momentum")
        if param:
            try:
                values[param.field] = _parse_number(self.text("activation_param"))
            except ValueError:
                errors["activation_param"] = tr("Enter a number")
        # one field at a time over the defaults, so each message lands at its own field
        for name, value in values.items():
            if name in errors:
                continue
            single = {name: value}
            if name in _PARAM_FIELDS:
                single["activation"] = activation
            try:
                TrainingConfig(**single)
            except (NnvizError, TypeError, ValueError) as exc:
                field = "activation_param" if name in _PARAM_FIELDS else name
                errors[field] = _requirement(name) or str(exc)
        if "dataset" not in errors and values["dataset"] != self._known_dataset():
            try:
                load_dataset(values["dataset"])  # finds the files; reads nothing yet
            except NnvizError as exc:
                errors["dataset"] = str(exc)
        config = None
        general = ""
        if not errors:
            try:
                config = TrainingConfig(**values)
            except (NnvizError, TypeError, ValueError) as exc:
                general = str(exc)
        for name, label in self.errors.items():
            message = errors.get(name, "")
            label.setText(message)
            label.setVisible(bool(message))
            editor = self._editors[name]
            if isinstance(editor, QLineEdit):
                editor.setStyleSheet(_FIELD_ERROR_STYLE if message else "")
        self.config_error.setText(general)
        self.config_error.setVisible(bool(general))
        self._config = config
        self._show_matching_preset(config)
        self.changed.emit(config)
        return config

    def _show_matching_preset(self, config: TrainingConfig | None) -> None:
        # a preset is a recipe; the seed only picks one of its random starts
        match = None
        if config is not None:
            kept = {name: getattr(config, name) for name in COACH_FIELDS}
            match = next(
                (n for n, p in PRESETS.items() if p.with_(seed=config.seed, **kept) == config),
                None,
            )
        self.preset_box.setCurrentIndex(max(self.preset_box.findData(match), 0))

    def _show_activation_param(self, param: ActivationParam | None) -> None:
        editor = self._editors["activation_param"]
        label = self._form.labelForField(editor.parentWidget())
        visible = param is not None
        if visible:
            label.setText(tr(param.label))  # marked in _PARAM_TEXTS
            if not editor.text().strip():
                editor.setText(_format_value(self._defaults[param.field]))
        else:
            editor.setText("")
        self._form.setRowVisible(editor.parentWidget(), visible)
