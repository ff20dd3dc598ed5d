"""Broken and unusual input on the command line, as a new user gives it: each answered with one
readable line and the right exit code, never a traceback, and no trained weights lost."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nnviz.core.model_io import save_model
from nnviz.core.network import Network

_TIMEOUT = 120  # seconds; a hung command fails the test instead of the whole run


def nnviz(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nnviz", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=_TIMEOUT,
        env=env,
    )


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
