"""Interface language: Qt translators for nnviz's own strings and Qt's standard dialogs.

Catalogues live in ``resources/i18n``: ``nnviz_ko.ts`` is the source a translator edits,
``nnviz_ko.qm`` the compiled file nnviz loads. English is the source language and needs none.
The language follows the system locale, can be switched at run time (widgets retranslate on
``QEvent.LanguageChange``, which Qt sends to every widget when a translator is installed) and
is remembered in QSettings.

Panels follow the Qt Designer pattern: every static text is set in ``retranslate_ui()``, which
``__init__`` calls once and ``changeEvent`` calls again on ``QEvent.LanguageChange``.

Strings are marked in one of two ways, both of which ``pyside6-lupdate`` extracts:
``self.tr("...")`` inside a QObject subclass (context: the class name), or the module-level
:func:`tr` below, imported by name (``from nnviz.gui.i18n import tr``; context: empty).
The text must be a string literal; put numbers in with ``tr("{n} units").format(n=n)``.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
    Signal,
)

from nnviz.paths import resource_path

LANGUAGES = {"en": "English", "ko": "한국어"}  # code -> the language's own name
_SETTINGS_KEY = "ui/language"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate ``text`` outside a QObject (lupdate files these under the empty context)."""
    return QCoreApplication.translate("", text, disambiguation, n)


# The core's identifiers of TrainingConfig's choices (and the presets) as the interface names
# them; the identifiers stay the core's (a combo box's item data, files, the command line).
# AdaGrad and Adam are called so in every language.
_CHOICE_NAMES: dict[str, dict[str, str]] = {
    "activation": {
        "sigmoid": QT_TRANSLATE_NOOP("", "Sigmoid"),
        "tanh": QT_TRANSLATE_NOOP("", "tanh"),
        "relu": QT_TRANSLATE_NOOP("", "ReLU"),
        "leaky-relu": QT_TRANSLATE_NOOP("", "Leaky ReLU"),
        "elu": QT_TRANSLATE_NOOP("", "ELU"),
        "maxout": QT_TRANSLATE_NOOP("", "Maxout"),
        "identity": QT_TRANSLATE_NOOP("", "Identity"),
    },
    "init": {
        "book": QT_TRANSLATE_NOOP("", "book (std 0.01)"),
        "xavier": QT_TRANSLATE_NOOP("", "Xavier"),
        "he": QT_TRANSLATE_NOOP("", "He"),
    },
    "loss": {
        "cross-entropy": QT_TRANSLATE_NOOP("", "cross-entropy"),
        "mse": QT_TRANSLATE_NOOP("", "mean squared error"),
    },
    "optimizer": {
        "sgd": QT_TRANSLATE_NOOP("", "SGD"),
        "momentum": QT_TRANSLATE_NOOP("", "Momentum"),
        "adagrad": "AdaGrad",
        "adam": "Adam",
    },
    "lr_schedule": {
        "constant": QT_TRANSLATE_NOOP("", "constant"),
        "cosine": QT_TRANSLATE_NOOP("", "cosine decay"),
    },
    "preset": {
        "book": QT_TRANSLATE_NOOP("", "book (the defaults)"),
        "fast": QT_TRANSLATE_NOOP("", "fast"),
        "best": QT_TRANSLATE_NOOP("", "best"),
    },
}


def choice_name(kind: str, identifier: str) -> str:
    """The core's ``identifier`` of a choice of ``kind`` (a TrainingConfig field such as
    "activation" or "optimizer", or "preset") in the interface language: "sigmoid" ->
    "Sigmoid" (시그모이드). An identifier without a name is shown as it is."""
    source = _CHOICE_NAMES.get(kind, {}).get(identifier)
    return tr(source) if source else identifier


# TrainingConfig's fields as the training form names them (the same source texts, so one
# translation serves both); a field not listed here is shown by its name
_SETTING_NAMES: dict[str, str] = {
    "hidden": QT_TRANSLATE_NOOP("", "Hidden layers"),
    "activation": QT_TRANSLATE_NOOP("", "Activation"),
    "init": QT_TRANSLATE_NOOP("", "Initial weights"),
    "init_scale": QT_TRANSLATE_NOOP("", "Weight scale"),
    "seed": QT_TRANSLATE_NOOP("", "Seed"),
    "loss": QT_TRANSLATE_NOOP("", "Loss"),
    "optimizer": QT_TRANSLATE_NOOP("", "Optimizer"),
    "momentum": QT_TRANSLATE_NOOP("", "Momentum"),
    "lr": QT_TRANSLATE_NOOP("", "Learning rate"),
    "lr_schedule": QT_TRANSLATE_NOOP("", "LR schedule"),
    "batch_size": QT_TRANSLATE_NOOP("", "Batch size"),
    "epochs": QT_TRANSLATE_NOOP("", "Epochs"),
    "l2": QT_TRANSLATE_NOOP("", "L2 decay"),
    "dropout": QT_TRANSLATE_NOOP("", "Dropout"),
    "augment": QT_TRANSLATE_NOOP("", "Augment"),
    "validation": QT_TRANSLATE_NOOP("", "Validation share"),
    "dataset": QT_TRANSLATE_NOOP("", "Dataset"),
    "evals_per_epoch": QT_TRANSLATE_NOOP("", "Tests per epoch"),
    "leaky_slope": QT_TRANSLATE_NOOP("", "Leaky slope"),
}


def setting_name(field: str) -> str:
    """A TrainingConfig field in the interface language, as the training form labels it:
    "lr" -> "Learning rate" (학습률)."""
    source = _SETTING_NAMES.get(field)
    return tr(source) if source else field


def catalogue_path(lang: str):
    return resource_path("i18n", f"nnviz_{lang}.qm")


def system_language() -> str:
    """The UI language of the system locale if nnviz has it, else English."""
    for name in QLocale.system().uiLanguages():
        code = name.split("-")[0].split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def normalise(lang: str | None) -> str | None:
    if not lang:
        return None
    code = lang.strip().lower().replace("_", "-").split("-")[0]
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    return code


class LanguageManager(QObject):
    """Installs and swaps the translators; one per application."""

    language_changed = Signal(str)

    def __init__(self, app: QCoreApplication, settings: QSettings | None = None) -> None:
        super().__init__(app)
        self._app = app
        self._settings = settings
        self._translators: list[QTranslator] = []
        self._language = "en"

    @property
    def language(self) -> str:
        return self._language

    def initial_language(self, requested: str | None = None) -> str:
        """--lang, else the remembered choice, else the system locale."""
        chosen = normalise(requested)
        if chosen is None and self._settings is not None:
            chosen = normalise(str(self._settings.value(_SETTINGS_KEY, "") or "")) or None
        return chosen or system_language()

    def set_language(self, lang: str, remember: bool = True) -> str:
        code = normalise(lang) or "en"
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []
        if code != "en":
            own = QTranslator(self)
            if own.load(str(catalogue_path(code))):
                self._translators.append(own)
            qt = QTranslator(self)  # Qt's own strings: standard buttons, file dialogs
            if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
                self._translators.append(qt)
            for translator in self._translators:
                self._app.installTranslator(translator)
        self._language = code
        if remember and self._settings is not None:
            self._settings.setValue(_SETTINGS_KEY, code)
        self.language_changed.emit(code)
        return code
