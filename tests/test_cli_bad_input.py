"""Broken and unusual input on the command line, as a new user gives it: each answered with one
readable line and the right exit code, never a traceback, and no trained weights lost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
