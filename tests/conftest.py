"""Shared test set-up: Qt renders offscreen, settings go to a throwaway folder, and the bundled
MNIST is loaded once."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def _private_qt_settings(tmp_path_factory):
    """Keep every QSettings the app writes during tests out of the user's real configuration."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
        QSettings.setPath(fmt, QSettings.Scope.SystemScope, folder)
    yield


@pytest.fixture(scope="session")
def mnist():
    """The bundled MNIST (resources/mnist), read and checksum-verified once per session."""
    from nnviz.core.datasets import load_dataset

    return load_dataset("mnist")
