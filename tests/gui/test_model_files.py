"""Model files in the window that cannot be used: File > Open, ``--model`` and File > Save As say
why in one message and leave the window as it was."""

from __future__ import annotations

import argparse
import struct

import pytest
from PySide6.QtCore import QSettings

from nnviz.core.errors import ModelFileError
from nnviz.core.model_io import load_model, save_model
from nnviz.core.network import Network
from nnviz.gui import app
from nnviz.gui.main_window import MainWindow
from nnviz.gui.session import Session
from nnviz.paths import resource_path

MISFITS = {  # layer sizes -> what the message says about the model
    "100 inputs": ((100, 20, 10), "takes 100 inputs and predicts 10 classes"),
    "5 classes": ((784, 20, 5), "takes 784 inputs and predicts 5 classes"),
}


@pytest.fixture
def window(qtbot, mnist, tmp_path):
    network = load_model(resource_path("models", "default.npz")).network
    session = Session(network, mnist)
    session.show_test_sample(3)
    settings = QSettings(str(tmp_path / "nnviz.ini"), QSettings.Format.IniFormat)
    win = MainWindow(session, settings=settings, remember_layout=False)
    win.network_view.animations_enabled = False
    qtbot.addWidget(win)
    win.show()
    errors = []
    win.show_error = errors.append  # no message box in tests; the texts are checked instead
    win.errors = errors
    return win


@pytest.mark.parametrize("misfit", MISFITS)
def test_open_refuses_a_model_that_does_not_fit_the_dataset_and_keeps_the_window(
    window, tmp_path, misfit
):
    sizes, says = MISFITS[misfit]
    path = save_model(tmp_path / "misfit.npz", Network(sizes))
    session = window.session
    session.set_stage_index(len(session.trace) - 1)  # the softmax output, where 5 classes broke
    before = (session.network, session.stage_index, window.model_path, session.prediction)
    assert not window.open_model(path)
    assert (session.network, session.stage_index, window.model_path, session.prediction) == before
    (message,) = window.errors
    assert message.endswith(
        f"{path}: does not fit mnist: the model {says}, mnist has 784 pixels per image and "
        "10 classes"
    )


def test_opening_a_dataset_the_network_does_not_fit_says_what_each_side_has(window, tmp_path):
    (tmp_path / "tiny").mkdir()
    for prefix in ("train", "t10k"):  # two 4x4 images and their labels
        (tmp_path / "tiny" / f"{prefix}-images-idx3-ubyte").write_bytes(
            struct.pack(">4I", 2051, 2, 4, 4) + bytes(32)
        )
        (tmp_path / "tiny" / f"{prefix}-labels-idx1-ubyte").write_bytes(
            struct.pack(">2I", 2049, 2) + bytes(2)
        )
    before = window.session.dataset
    assert not window.open_dataset(tmp_path / "tiny")
    assert window.session.dataset is before
    (message,) = window.errors
    assert "784 inputs" in message and "tiny has 16 pixels per image" in message


@pytest.mark.parametrize("misfit", MISFITS)
def test_model_flag_refuses_a_model_that_does_not_fit_in_one_line(qapp, tmp_path, capsys, misfit):
    sizes, says = MISFITS[misfit]
    path = save_model(tmp_path / "misfit.npz", Network(sizes))
    with pytest.raises(ModelFileError, match=f"the model {says}, mnist has 784 pixels"):
        app.build_window(str(path), remember_layout=False)
    args = argparse.Namespace(
        out=str(tmp_path / "s.png"), model=str(path), sample=None, stage=None, size=None,
        lang=None, tab=None,
    )  # fmt: skip
    assert app.screenshot(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{path}: does not fit mnist" in err


@pytest.mark.parametrize("where", ["missing folder", "folder.npz"])
def test_a_failed_save_as_keeps_the_model_in_the_window_and_says_why(window, tmp_path, where):
    target = {
        "missing folder": tmp_path / "nowhere" / "model.npz",
        "folder.npz": tmp_path / "folder.npz",
    }[where]
    if where == "folder.npz":
        target.mkdir()
    session = window.session
    before = (session.network, window.model_path, window.summary_label.text())
    params = {k: v.copy() for k, v in session.network.params.items()}
    assert not window.save_model(target)
    assert (session.network, window.model_path, window.summary_label.text()) == before
    assert all((session.network.params[k] == v).all() for k, v in params.items())
    (message,) = window.errors
    reason = "No such file or directory" if where == "missing folder" else "Is a directory"
    assert message.endswith(f"{target}: cannot write ({reason})")
    assert window.save_model(tmp_path / "model.npz")  # and a good place still takes it


def test_save_keeps_how_to_find_the_dataset_again(window, tmp_path):
    assert window.save_model(tmp_path / "on-mnist.npz")
    assert load_model(tmp_path / "on-mnist.npz").meta["dataset"] == "mnist"
    (tmp_path / "mnist").mkdir()  # a folder of two 28x28 digits, named like the bundled set
    for prefix in ("train", "t10k"):
        (tmp_path / "mnist" / f"{prefix}-images-idx3-ubyte").write_bytes(
            struct.pack(">4I", 2051, 2, 28, 28) + bytes(2 * 784)
        )
        (tmp_path / "mnist" / f"{prefix}-labels-idx1-ubyte").write_bytes(
            struct.pack(">2I", 2049, 2) + bytes(2)
        )
    assert window.open_dataset(tmp_path / "mnist")
    assert window.save_model(tmp_path / "on-folder.npz")
    meta = load_model(tmp_path / "on-folder.npz").meta
    assert meta["dataset"] == str(tmp_path / "mnist")
    assert sorted(meta["dataset_sha256"]) == sorted(
        f"{p}-{k}" for p in ("train", "t10k") for k in ("images-idx3-ubyte", "labels-idx1-ubyte")
    )
