"""Errors the core raises for bad input; each message is one readable line."""

from __future__ import annotations


class NnvizError(Exception):
    """Base class of every error nnviz reports to the user instead of a traceback."""


class ConfigError(NnvizError, ValueError):
    """A hyperparameter or option that makes no sense (the CLI exits with 2)."""


class DataError(NnvizError):
    """A missing or corrupt dataset file (the message names the file)."""


class ModelFileError(NnvizError):
    """A missing, malformed, truncated or unsafe model file (the message names the file)."""


class RecordFileError(NnvizError):
    """A missing, malformed, truncated or foreign run record file (the message names the file)."""


class Cancelled(Exception):
    """Long work (a numerical gradient, a landscape, a probe) stopped because its cancel check
    said so, after ``done`` of ``total`` pieces; each module raises its own subclass."""

    def __init__(self, done: int, total: int, message: str | None = None) -> None:
        super().__init__(message or f"cancelled after {done} of {total}")
        self.done, self.total = done, total
