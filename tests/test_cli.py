"""The command line end to end, in subprocesses, as a user runs it."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nnviz.core.model_io import load_model

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


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_help_lists_every_command(tmp_path):
    result = nnviz("--help", cwd=tmp_path)
    assert result.returncode == 0
    for command in ("train", "eval", "bench", "screenshot", "gui"):
        assert command in result.stdout


def test_one_real_epoch_trains_saves_and_evaluates_to_the_same_accuracy(tmp_path):
    model = tmp_path / "one.npz"
    result = nnviz("train", "--epochs", "1", "--json", "--save", str(model), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = json_lines(result.stdout)
    assert [line["event"] for line in lines] == ["epoch", "summary"]
    summary = lines[-1]
    assert summary["status"] == "finished"
    assert summary["test_accuracy"] >= 0.90
    assert summary["samples_per_s"] > 0 and summary["seconds"] > 0
    assert summary["test_loss"] == summary["test_cross_entropy"]
    loaded = load_model(model)
    assert loaded.network.sizes == (784, 50, 100, 10)
    assert loaded.meta["config"]["epochs"] == 1
    assert loaded.meta["metrics"]["test_accuracy"] == summary["test_accuracy"]

    evaluated = nnviz("eval", str(model), "--json", cwd=tmp_path)
    assert evaluated.returncode == 0, evaluated.stderr
    (report,) = json_lines(evaluated.stdout)
    assert report["test_accuracy"] == pytest.approx(summary["test_accuracy"], abs=1e-12)
    confusion = np.array(report["confusion"])
    assert confusion.shape == (10, 10) and confusion.sum() == 10_000
    assert np.trace(confusion) / 10_000 == pytest.approx(report["test_accuracy"])


def test_train_on_a_terminal_prints_epoch_lines_and_a_summary(tmp_path):
    result = nnviz("train", "--epochs", "1", "--hidden", "20", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "epoch  1.00" in result.stdout
    assert "finished: test accuracy" in result.stdout


def test_eval_prints_per_class_accuracy_and_confusion(tmp_path):
    model = Path(__file__).parents[1] / "resources" / "models" / "default.npz"
    result = nnviz("eval", str(model), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "per-class accuracy" in result.stdout
    assert "confusion matrix" in result.stdout
    assert "accuracy       97.00%" in result.stdout  # the figure written in models/README.md


@pytest.mark.parametrize(
    "args",
    [
        ["train", "--lr", "abc"],
        ["train", "--lr", "-1"],
        ["train", "--epochs", "0"],
        ["train", "--batch-size", "0"],
        ["train", "--hidden", "50,x"],
        ["train", "--hidden", "0"],
        ["train", "--activation", "swish"],
        ["train", "--optimizer", "rmsprop"],
        ["train", "--no-such-flag"],
        ["eval"],
    ],
)
def test_bad_flags_exit_2_with_one_readable_line(tmp_path, args):
    result = nnviz(*args, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "error" in lines[0]
    assert "Traceback" not in result.stderr


def _one_line_error_naming(result: subprocess.CompletedProcess, name: str) -> None:
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert name in lines[0]


def test_missing_model_file_exits_1_naming_it(tmp_path):
    _one_line_error_naming(nnviz("eval", "nowhere.npz", cwd=tmp_path), "nowhere.npz")


def test_corrupt_model_file_exits_1_naming_it(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    _one_line_error_naming(nnviz("eval", str(bad), cwd=tmp_path), "bad.npz")


def test_corrupt_dataset_file_exits_1_naming_it(tmp_path):
    data = tmp_path / "digits"
    data.mkdir()
    for stem, magic, dims in (
        ("train-images-idx3-ubyte", 2051, (2, 28, 28)),
        ("train-labels-idx1-ubyte", 2049, (2,)),
        ("t10k-images-idx3-ubyte", 2051, (2, 28, 28)),
        ("t10k-labels-idx1-ubyte", 2049, (2,)),
    ):
        header = np.array([magic, *dims], dtype=">u4").tobytes()
        (data / f"{stem}.gz").write_bytes(gzip.compress(header + bytes(int(np.prod(dims)))))
    # truncate the test images: the header promises 2 images of 784 bytes
    truncated = data / "t10k-images-idx3-ubyte.gz"
    truncated.write_bytes(gzip.compress(gzip.decompress(truncated.read_bytes())[:-10]))
    result = nnviz("train", "--epochs", "1", "--dataset", str(data), cwd=tmp_path)
    _one_line_error_naming(result, "t10k-images-idx3-ubyte")


def test_missing_dataset_directory_exits_1(tmp_path):
    result = nnviz("train", "--dataset", str(tmp_path / "nothing"), cwd=tmp_path)
    _one_line_error_naming(result, "nothing")


def test_diverging_run_exits_1_and_still_saves_finite_weights(tmp_path):
    model = tmp_path / "div.npz"
    result = nnviz(
        "train", "--epochs", "1", "--lr", "100", "--json", "--save", str(model), cwd=tmp_path
    )
    assert result.returncode == 1
    assert json_lines(result.stdout)[-1]["status"] == "diverged"
    assert "learning rate" in result.stderr
    params = load_model(model).network.params
    assert all(np.isfinite(p).all() for p in params.values())


@pytest.mark.skipif(os.name != "posix", reason="SIGINT delivery to a child is POSIX-only")
def test_ctrl_c_stops_cleanly_and_still_saves(tmp_path):
    model = tmp_path / "interrupted.npz"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "nnviz",
            "train",
            "--epochs",
            "200",
            "--evals-per-epoch",
            "20",
            "--json",
            "--save",
            str(model),
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    first = proc.stdout.readline()  # training is under way once an evaluation is printed
    assert json.loads(first)["event"] == "epoch"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=_TIMEOUT)
    assert proc.returncode == 0, err
    summary = json_lines(out)[-1]
    assert summary["status"] == "stopped"
    assert summary["epochs"] < 200
    assert load_model(model).meta["metrics"]["status"] == "stopped"


def test_bench_json_reports_every_configuration(tmp_path):
    result = nnviz("bench", "--json", "--samples", "1000", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (report,) = json_lines(result.stdout)
    rows = report["training"]
    assert len(rows) == 4 * 2 * 3
    assert {r["batch_size"] for r in rows} == {32, 100, 256}
    assert {r["optimizer"] for r in rows} == {"sgd", "adam"}
    assert all(r["samples_per_s"] > 0 for r in rows)
    assert report["eval_test_set_ms"] > 0
    assert len(report["adam_epoch_samples_per_s"]) == 3
