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


@pytest.fixture(autouse=True)
def _widgets_live_until_teardown(request, monkeypatch):
    """Keep the widgets a test hands to ``qtbot.addWidget`` alive until the test is over.

    pytest-qt holds them weakly. A shown widget that only a reference cycle keeps alive (a
    signal connected to a lambda, say) then outlives its test function as garbage and still
    gets paint events; if Python's cycle collector runs during one of them, it deletes the
    widget in mid-paint and the process dies ("QPaintDevice: Cannot destroy paint device that
    is being painted", then a segmentation fault). Holding them and collecting at teardown makes
    them go between tests, never inside a paint.
    """
    if "qtbot" not in request.fixturenames:
        yield
        return
    import gc

    import pytestqt.qtbot as qtbot_module

    kept = []
    register = qtbot_module._add_widget

    def add_widget(item, widget, **kwargs):
        kept.append(widget)
        register(item, widget, **kwargs)

    monkeypatch.setattr(qtbot_module, "_add_widget", add_widget)
    yield  # pytest-qt closes the widgets after this test's call, before fixtures tear down
    kept.clear()
    gc.collect()
    # what is still alive now is not this test's garbage: later collections need not walk it
    # again (without this, each teardown's collection grew to 1.4 s late in the suite)
    gc.freeze()


@pytest.fixture(scope="session")
def mnist():
    """The bundled MNIST (resources/mnist), read and checksum-verified once per session."""
    from nnviz.core.datasets import load_dataset

    return load_dataset("mnist")
