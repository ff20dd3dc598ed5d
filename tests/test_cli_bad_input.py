"""Broken and unusual input on the command line, as a new user gives it: each answered with one
readable line and the right exit code, never a traceback, and no trained weights lost."""

from __future__ import annotations

import json
import os
import shutil
import signal
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from test_cli import _TIMEOUT, nnviz

from nnviz.core.model_io import load_model, save_model
from nnviz.core.network import Network


@pytest.fixture(scope="module")
def small_mnist(tmp_path_factory, mnist) -> Path:
    """A dataset directory with the first 1,000 training and 500 test digits of MNIST."""
    folder = tmp_path_factory.mktemp("small-mnist")
    for prefix, split, n in (("train", mnist.train, 1000), ("t10k", mnist.test, 500)):
        images = split.images[:n].reshape(-1, 28, 28)
        for kind, magic, array in (
            ("images-idx3", 2051, images),
            ("labels-idx1", 2049, split.labels[:n]),
        ):
            header = struct.pack(f">{1 + array.ndim}I", magic, *array.shape)
            (folder / f"{prefix}-{kind}-ubyte").write_bytes(header + array.tobytes())
    return folder


def one_line_error(result: subprocess.CompletedProcess, code: int = 1) -> str:
    """The one line of stderr of a command that failed with ``code``."""
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# ---------------------------------------------------------------------- files that are not models
def test_a_text_file_named_npz_is_not_an_npz_model_file(tmp_path):
    (tmp_path / "notes.npz").write_text("not weights\n")
    line = one_line_error(nnviz("eval", "notes.npz", cwd=tmp_path))
    assert line == "nnviz: error: notes.npz: not an .npz model file (not a zip archive)"


# ---------------------------------------------------------------------- models that do not fit
@pytest.mark.parametrize(
    "sizes, says",
    [
        ((100, 20, 10), "takes 100 inputs and predicts 10"),
        ((784, 20, 5), "takes 784 inputs and predicts 5 classes"),
    ],
    ids=["100 inputs", "5 classes"],
)
def test_a_model_that_does_not_fit_the_data_is_one_line_in_eval_and_the_window(
    tmp_path, sizes, says
):
    save_model(tmp_path / "misfit.npz", Network(sizes))
    expected = "misfit.npz: does not fit mnist: the model " + says
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for args in (("eval", "misfit.npz"), ("--model", "misfit.npz")):
        line = one_line_error(nnviz(*args, cwd=tmp_path, env=env))
        assert expected in line and "mnist has 784 pixels per image and 10 classes" in line


# ---------------------------------------------------------------------- --save
@pytest.mark.parametrize("where", ["missing folder", "a folder", "folder.npz", "read-only"])
def test_an_unwritable_save_destination_fails_before_training(tmp_path, where):
    if where == "read-only" and os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    target = {
        "missing folder": tmp_path / "nowhere" / "model.npz",
        "a folder": tmp_path,
        "folder.npz": tmp_path / "folder.npz",
        "read-only": tmp_path / "locked" / "model.npz",
    }[where]
    if where == "folder.npz":
        target.mkdir()
    if where == "read-only":
        target.parent.mkdir()
        target.parent.chmod(0o500)
    result = nnviz("train", "--save", str(target), cwd=tmp_path)
    line = one_line_error(result)
    assert str(target) in line and "model" in line
    assert result.stdout == ""  # nothing was trained


def test_save_keeps_an_npz_suffix_in_capitals_as_it_is(tmp_path, small_mnist):
    args = ("--dataset", str(small_mnist), "--epochs", "1", "--json", "--save", "model.NPZ")
    result = nnviz("train", *args, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.NPZ"]
    assert json.loads(result.stdout.splitlines()[-1])["saved"] == "model.NPZ"


def _training(tmp_path: Path, *args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "nnviz", "train", "--epochs", "1000", "--json", *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.skipif(os.name != "posix", reason="SIGINT delivery to a child is POSIX-only")
def test_a_model_whose_folder_goes_away_is_saved_in_the_temp_folder(tmp_path, small_mnist):
    folder, temp = tmp_path / "out", tmp_path / "temp"
    folder.mkdir()
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    proc = _training(
        tmp_path, "--dataset", str(small_mnist), "--save", str(folder / "model.npz"), env=env
    )
    assert json.loads(proc.stdout.readline())["event"] == "epoch"  # the run is under way
    folder.rename(tmp_path / "moved")  # the checked folder is gone by the end of the run
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=_TIMEOUT)
    assert proc.returncode == 1
    (fallback,) = temp.glob("nnviz-model-*.npz")
    assert err.strip().splitlines() == [
        f"nnviz: {folder / 'model.npz'}: cannot write (No such file or directory); "
        f"the model was saved to {fallback} instead"
    ]
    assert json.loads(out.splitlines()[-1])["saved"] == str(fallback)
    assert load_model(fallback).meta["metrics"]["status"] == "stopped"


@pytest.mark.skipif(os.name != "posix", reason="SIGINT delivery to a child is POSIX-only")
def test_ctrl_c_after_the_save_changes_nothing_about_the_exit(tmp_path, small_mnist):
    """Ctrl-C stops the run; more Ctrl-C presses once the model is saved (while the summary is
    printed and Python exits) neither kill the process by the signal nor print a traceback."""
    proc = _training(tmp_path, "--dataset", str(small_mnist), "--save", "model.npz")
    assert json.loads(proc.stdout.readline())["event"] == "epoch"
    proc.send_signal(signal.SIGINT)
    for line in proc.stdout:  # the summary is printed once the model is saved
        if json.loads(line)["event"] == "summary":
            break
    while proc.poll() is None:  # Ctrl-C pressed again and again until the process has exited
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=0.002)
        except subprocess.TimeoutExpired:
            pass
    _, err = proc.communicate(timeout=_TIMEOUT)
    assert proc.returncode == 0 and err == "", err
    assert load_model(tmp_path / "model.npz").meta["metrics"]["status"] == "stopped"


# ---------------------------------------------------------------------- flags
@pytest.mark.parametrize("hidden", ["", " , "])
def test_no_hidden_layer_sizes_is_refused_in_one_line(tmp_path, hidden):
    line = one_line_error(nnviz("train", "--hidden", hidden, cwd=tmp_path), code=2)
    assert "--hidden: give at least one hidden layer size, e.g. 50,100" in line


# ---------------------------------------------------------------------- a model's dataset
def test_a_model_and_a_record_find_their_folder_again_and_say_when_it_changed(
    tmp_path, small_mnist
):
    """Trained on a folder named mnist: eval from elsewhere uses that folder, not the bundled
    MNIST; when a file changes or the folder goes, it says so and how to go on."""
    data = tmp_path / "mnist"
    shutil.copytree(small_mnist, data)
    (tmp_path / "work").mkdir()
    args = ("--dataset", "../mnist", "--epochs", "1", "--json")
    result = nnviz("train", *args, "--save", "m.npz", "--record", "run.npz", cwd=tmp_path / "work")
    assert result.returncode == 0, result.stderr
    model, run = tmp_path / "work" / "m.npz", tmp_path / "work" / "run.npz"
    assert load_model(model).meta["dataset"] == str(data)
    for path in (model, run):  # from another folder: the 500 test digits of the copy
        out = nnviz("eval", str(path), "--json", cwd=tmp_path)
        assert out.returncode == 0, out.stderr
        assert sum(map(sum, json.loads(out.stdout)["confusion"])) == 500

    labels = data / "t10k-labels-idx1-ubyte"
    labels.write_bytes(labels.read_bytes()[:-1] + b"\x00")
    for path, what in ((model, "model"), (run, "run")):
        line = one_line_error(nnviz("eval", str(path), cwd=tmp_path))
        assert line == (
            f"nnviz: error: {data}: the dataset has changed since the {what} was trained on it "
            "(t10k-labels-idx1-ubyte differ); evaluate it on another with --dataset NAME|DIR"
        )
    data.rename(tmp_path / "elsewhere")
    line = one_line_error(nnviz("eval", str(model), cwd=tmp_path))
    assert f"{data}: the model was trained on this folder, which is not there" in line
    moved = nnviz("eval", str(model), "--dataset", "elsewhere", "--json", cwd=tmp_path)
    assert moved.returncode == 0, moved.stderr
