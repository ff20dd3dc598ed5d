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
