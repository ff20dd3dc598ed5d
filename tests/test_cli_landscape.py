"""``nnviz landscape RUN.npz`` end to end, in subprocesses: the JSON object's shape and numbers,
the text report, random planes by seed, the picture, and bad input in one line."""

from __future__ import annotations

import json

import numpy as np
import pytest
from test_cli import nnviz
from test_cli_bad_input import one_line_error, small_mnist  # noqa: F401 (a fixture)

from nnviz.core.datasets import load_dataset
from nnviz.core.model_io import save_model
from nnviz.core.network import Network
from nnviz.core.recording import RunRecord
from nnviz.core.training import TrainingConfig, TrainingControl, train


def _record(folder, path, stop_after: int | None = None) -> None:
    """A run of a small network on the small dataset folder, recorded to ``path``."""
    dataset = load_dataset(folder)
    config = TrainingConfig(hidden=(8,), epochs=2, lr=0.5, dataset=dataset.reference)
    record = RunRecord.for_run(config, 784, 10, len(dataset.train), dataset=dataset.reference)
    control = TrainingControl()
    for event in train(config, dataset, control, snapshot_steps=record.schedule):
        record.add(event)
        if stop_after is not None and getattr(event, "step", 0) >= stop_after:
            control.stop()
    record.save(path)


@pytest.fixture(scope="module")
def run_file(tmp_path_factory, small_mnist):  # noqa: F811 (the fixture imported above)
    path = tmp_path_factory.mktemp("landscape") / "run.npz"
    _record(small_mnist, path)
    return path


def test_json_has_the_grid_axes_path_shares_and_line(tmp_path, run_file):
    result = nnviz(
        "landscape", str(run_file), "--grid", "7", "--samples", "100", "--json", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    grid = np.array(data["grid"])
    assert grid.shape == (7, 7) and np.all(np.isfinite(grid))
    (x0, x1), (y0, y1) = data["axes"]["x"], data["axes"]["y"]
    assert x0 == -x1 and y0 == -y1 and x1 > 0 and y1 > 0  # the final weights at the centre
    record = RunRecord.load(run_file)
    assert [p["step"] for p in data["path"]] == record.snapshot_steps.tolist()
    assert set(data["path"][0]) == {"step", "x", "y", "loss"}
    last = data["path"][-1]
    assert (last["x"], last["y"]) == pytest.approx((0, 0), abs=1e-9)
    assert grid[3, 3] == pytest.approx(last["loss"], rel=1e-4)
    assert len(data["explained"]) == 2 and 1 >= data["explained"][0] >= data["explained"][1]
    line = data["line"]
    assert [p["alpha"] for p in line][:: len(line) - 1] == [-0.5, 1.5]
    start = next(p for p in line if p["alpha"] == 0)
    assert start["loss"] == pytest.approx(data["path"][0]["loss"], rel=1e-4)
    assert set(line[0]) == {"alpha", "loss", "accuracy"}
    assert data["samples"] == 100 and data["plane"] == "pca"


def test_the_text_report_and_random_planes_by_seed(tmp_path, run_file):
    text = nnviz("landscape", str(run_file), "--grid", "5", "--samples", "50", cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert "shares of the path's variance" in text.stdout
    assert "straight line from start to end" in text.stdout
    grids = []
    for seed in ("1", "1", "2"):
        args = ("--plane", "random", "--seed", seed, "--grid", "5", "--samples", "50", "--json")
        result = nnviz("landscape", str(run_file), *args, cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        grids.append(json.loads(result.stdout)["grid"])
    assert grids[0] == grids[1] and grids[0] != grids[2]


def test_out_draws_the_picture(tmp_path, run_file):
    out = tmp_path / "map.png"
    result = nnviz(
        "landscape",
        str(run_file),
        "--grid",
        "5",
        "--samples",
        "50",
        "--out",
        str(out),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"picture: {out}" in result.stdout


def test_bad_files_and_flags_are_one_line(tmp_path, small_mnist):  # noqa: F811
    missing = one_line_error(nnviz("landscape", "nope.npz", cwd=tmp_path))
    assert "nope.npz: cannot read" in missing
    model = tmp_path / "model.npz"
    save_model(model, Network((784, 8, 10)))
    assert "not a run record" in one_line_error(nnviz("landscape", str(model), cwd=tmp_path))
    short = tmp_path / "short.npz"
    _record(small_mnist, short, stop_after=1)  # two snapshots: no plane
    line = one_line_error(nnviz("landscape", str(short), cwd=tmp_path))
    assert line.startswith(f"nnviz: error: {short}: a PCA plane needs at least 3 weight")
    for args, words in (
        (("--grid", "1"), "the grid must be from 3 to 201"),
        (("--samples", "2"), "samples must be at least"),
        (("--seed", "-1"), "the seed must be"),
        (("--plane", "tsne"), "invalid choice"),
        (("--grid", "many"), "invalid int value"),
        (("--out", "map.jpg"), "--out writes a PNG picture"),
    ):
        line = one_line_error(nnviz("landscape", str(short), *args, cwd=tmp_path), code=2)
        assert words in line
