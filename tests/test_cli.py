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

from nnviz.core.activations import ACTIVATION_PARAMS
from nnviz.core.datasets import load_dataset
from nnviz.core.metrics import evaluate
from nnviz.core.model_io import load_model, save_model
from nnviz.core.network import Network
from nnviz.core.recording import RunRecord

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
    for command in (
        "train",
        "eval",
        "record",
        "landscape",
        "backward",
        "bench",
        "screenshot",
        "gui",
    ):
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
        ["eval", "m.npz", "--step", "x"],
        ["train", "--save", "same.npz", "--record", "same"],
        ["record"],
        ["eval", "m.npz", "--corrupt", "blur"],
        ["eval", "m.npz", "--corrupt"],
    ],
)
def test_bad_flags_exit_2_with_one_readable_line(tmp_path, args):
    result = nnviz(*args, cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "error" in lines[0]
    assert "Traceback" not in result.stderr


def test_train_help_lists_the_activation_parameter_flags_of_the_registry(tmp_path):
    result = nnviz("train", "--help", cwd=tmp_path)
    assert result.returncode == 0
    text = " ".join(result.stdout.split())  # argparse wraps to the terminal's width
    for param in ACTIVATION_PARAMS.values():
        assert f"{param.flag} {param.field.upper()} {param.help}" in text


@pytest.mark.parametrize("param", ACTIVATION_PARAMS.values(), ids=lambda p: p.activation)
def test_an_activation_parameter_flag_out_of_range_says_what_it_accepts(tmp_path, param):
    result = nnviz("train", "--activation", param.activation, param.flag, "-1", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and param.accepts.lower() in lines[0].lower(), result.stderr


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


def test_diverging_run_exits_1_and_still_saves_finite_weights_and_its_record(tmp_path):
    model, run = tmp_path / "div.npz", tmp_path / "div-run.npz"
    args = ("--epochs", "1", "--lr", "100", "--json", "--save", str(model), "--record", str(run))
    result = nnviz("train", *args, cwd=tmp_path)
    assert result.returncode == 1
    assert json_lines(result.stdout)[-1]["status"] == "diverged"
    assert "learning rate" in result.stderr
    params = load_model(model).network.params
    assert all(np.isfinite(p).all() for p in params.values())
    record = RunRecord.load(run)
    assert record.status == "diverged" and "learning rate" in record.message
    assert all(np.isfinite(p).all() for p in record.snapshots[-1].params.values())


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
    assert report["gemm_bound_samples_per_s"] > 0
    assert 0 < report["trainer_share"]
    options = {r["option"]: r for r in report["options"]}
    assert set(options) == {
        "plain",
        "diagnostics",
        "validation 10%",
        "augmentation",
        "L2 + dropout",
    }
    assert options["plain"]["share_of_plain"] == 1.0
    assert all(r["samples_per_s"] > 0 for r in options.values())
    assert report["eval_train_slice_ms"] > 0 and report["eval_train_slice_diagnostics_ms"] > 0


# ---------------------------------------------------------------------- run records
def _write_idx(folder: Path, images: np.ndarray, labels: np.ndarray, prefix: str) -> None:
    images = images.reshape(-1, 28, 28)
    for stem, magic, array in (
        (f"{prefix}-images-idx3-ubyte", 2051, images),
        (f"{prefix}-labels-idx1-ubyte", 2049, labels),
    ):
        header = np.array([magic, *array.shape], dtype=">u4").tobytes()
        (folder / stem).write_bytes(header + np.ascontiguousarray(array, dtype=np.uint8).tobytes())


@pytest.fixture(scope="module")
def small_mnist(tmp_path_factory, mnist) -> Path:
    """A dataset directory with the first 1,000 training and 500 test digits of MNIST."""
    folder = tmp_path_factory.mktemp("small-mnist")
    _write_idx(folder, mnist.train.images[:1000], mnist.train.labels[:1000], "train")
    _write_idx(folder, mnist.test.images[:500], mnist.test.labels[:500], "t10k")
    return folder


@pytest.fixture(scope="module")
def recorded_run(tmp_path_factory, small_mnist) -> tuple[Path, dict]:
    """A finished 3-epoch run of 300 steps (more than the record keeps snapshots of), recorded;
    its record file and its JSON summary."""
    folder = tmp_path_factory.mktemp("recorded")
    run = folder / "run.npz"
    args = ("--dataset", str(small_mnist), "--batch-size", "10", "--epochs", "3")
    result = nnviz("train", *args, "--json", "--record", str(run), cwd=folder)
    assert result.returncode == 0, result.stderr
    return run, json_lines(result.stdout)[-1]


def test_record_holds_every_step_evaluation_and_the_final_weights(recorded_run, small_mnist):
    run, summary = recorded_run
    assert summary["record"] == str(run)
    record = RunRecord.load(run)
    assert record.status == "finished" == summary["status"]
    assert record.steps_recorded == record.total_steps == summary["steps"] == 300
    assert np.array_equal(record.step_column("step"), np.arange(1, 301))
    assert np.array_equal(record.eval_column("step"), [100, 200, 300])
    assert record.eval_column("test_accuracy")[-1] == summary["test_accuracy"]
    assert record.snapshot_steps[0] == 0 and record.snapshot_steps[-1] == 300
    assert record.dataset == str(small_mnist)  # eval opens it again from anywhere


def _first_lines(proc: subprocess.Popen, count: int) -> list[dict]:
    lines = [json.loads(proc.stdout.readline()) for _ in range(count)]
    assert all(line["event"] == "epoch" for line in lines)
    return lines


def _recording(tmp_path: Path, dataset: Path, run: Path, env=None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "nnviz", "train", "--dataset", str(dataset), "--epochs", "1000"]
        + ["--json", "--record", str(run)],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.mark.skipif(os.name != "posix", reason="SIGINT delivery to a child is POSIX-only")
def test_record_is_written_as_the_run_goes_and_a_ctrl_c_run_keeps_it_stopped(tmp_path, small_mnist):
    run = tmp_path / "run.npz"
    proc = _recording(tmp_path, small_mnist, run)
    first, _ = _first_lines(proc, 2)  # epoch 2's line comes after epoch 1's record was saved
    during = RunRecord.load(run)
    assert during.status == "running"
    assert during.evaluations_recorded >= 1 and during.steps_recorded >= first["step"]
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=_TIMEOUT)
    assert proc.returncode == 0, err
    summary = json_lines(out)[-1]
    assert summary["status"] == "stopped" and summary["record"] == str(run)
    record = RunRecord.load(run)
    assert record.status == "stopped"
    assert record.steps_recorded == summary["steps"] == record.snapshot_steps[-1]
    assert record.total_steps == 1000 * 10


@pytest.mark.skipif(os.name != "posix", reason="SIGINT delivery to a child is POSIX-only")
def test_a_record_whose_folder_goes_away_is_saved_in_the_temp_folder(tmp_path, small_mnist):
    folder, temp = tmp_path / "out", tmp_path / "temp"
    folder.mkdir()
    temp.mkdir()
    proc = _recording(
        tmp_path, small_mnist, folder / "run.npz", {**os.environ, "TMPDIR": str(temp)}
    )
    _first_lines(proc, 1)
    folder.rename(tmp_path / "moved")  # every later save to out/run.npz fails
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=_TIMEOUT)
    assert proc.returncode == 1
    (fallback,) = temp.glob("nnviz-run-*.npz")
    assert str(fallback) in err and "out/run.npz" in err
    assert json_lines(out)[-1]["record"] == str(fallback)
    assert RunRecord.load(fallback).status == "stopped"


@pytest.mark.parametrize("where", ["missing folder", "a folder", "folder.npz", "read-only"])
def test_an_unwritable_record_destination_fails_before_training(tmp_path, where):
    if where == "read-only" and os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    target = {
        "missing folder": tmp_path / "nowhere" / "run.npz",
        "a folder": tmp_path,
        "folder.npz": tmp_path / "folder.npz",
        "read-only": tmp_path / "locked" / "run.npz",
    }[where]
    if where == "folder.npz":
        target.mkdir()
    if where == "read-only":
        target.parent.mkdir()
        target.parent.chmod(0o500)
    result = nnviz("train", "--record", str(target), cwd=tmp_path)
    _one_line_error_naming(result, str(target))
    assert result.stdout == ""  # nothing was trained


def _unsnapshotted_step(record: RunRecord) -> int:
    steps = record.snapshot_steps
    return int(np.setdiff1d(np.arange(steps[-1]), steps)[0])


def test_eval_of_a_record_step_uses_the_nearest_snapshot(recorded_run, small_mnist):
    run, _ = recorded_run
    record = RunRecord.load(run)
    step = _unsnapshotted_step(record)
    network, nearest = record.network_at(step)
    assert nearest != step
    result = nnviz("eval", str(run), "--step", str(step), "--json", cwd=run.parent)
    assert result.returncode == 0, result.stderr
    (report,) = json_lines(result.stdout)
    assert (report["step"], report["requested_step"]) == (nearest, step)
    assert report["note"] is None
    test = load_dataset(str(small_mnist)).test
    assert report["test_accuracy"] == evaluate(network, test.images, test.labels).accuracy

    text = nnviz("eval", str(run), "--step", str(step), cwd=run.parent)
    assert text.returncode == 0, text.stderr
    epoch = record.snapshot_at(step).epoch
    assert f"snapshot at step {nearest} of 300 (epoch {epoch:.2f})" in text.stdout


def test_eval_of_a_record_defaults_to_its_last_snapshot_and_says_when_a_step_is_outside(
    recorded_run,
):
    run, summary = recorded_run
    last = nnviz("eval", str(run), "--json", cwd=run.parent)
    (report,) = json_lines(last.stdout)
    assert (report["step"], report["requested_step"]) == (300, None)
    assert report["test_accuracy"] == summary["test_accuracy"]
    outside = nnviz("eval", str(run), "--step", "5000", cwd=run.parent)
    assert outside.returncode == 0, outside.stderr
    assert "snapshot at step 300 of 300" in outside.stdout
    assert "step 5000 is outside the run" in outside.stdout


def test_step_with_a_model_file_and_activation_with_a_record_are_usage_errors(recorded_run):
    run, _ = recorded_run
    model = Path(__file__).parents[1] / "resources" / "models" / "default.npz"
    for args in ((str(model), "--step", "10"), (str(run), "--activation", "relu")):
        result = nnviz("eval", *args, cwd=run.parent)
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "error" in lines[0], result.stderr


def test_record_command_says_what_a_record_holds(recorded_run):
    run, _ = recorded_run
    text = nnviz("record", str(run), cwd=run.parent)
    assert text.returncode == 0, text.stderr
    assert "status       finished" in text.stdout
    assert "steps        300 of 300 recorded (3 epochs)" in text.stdout
    assert "evaluations  3" in text.stdout
    assert "at steps 0 1 2 3 4 ... " in text.stdout and text.stdout.count("\n") == 7
    result = nnviz("record", str(run), "--json", cwd=run.parent)
    (report,) = json_lines(result.stdout)
    assert report == {**RunRecord.load(run).summary(), "file_bytes": run.stat().st_size}


@pytest.mark.parametrize(
    "kind", ["truncated", "model file", "text", "pickle", "empty", "npy", "missing"]
)
def test_a_bad_record_file_exits_1_with_one_line(tmp_path, recorded_run, kind):
    import pickle

    bad = tmp_path / f"{kind.replace(' ', '-')}.npz"
    run, _ = recorded_run
    if kind == "truncated":
        bad.write_bytes(run.read_bytes()[: run.stat().st_size // 2])
    elif kind == "model file":
        bad.write_bytes((Path(__file__).parents[1] / "resources/models/default.npz").read_bytes())
    elif kind == "text":
        bad.write_text("status: finished\n")
    elif kind == "pickle":
        bad.write_bytes(pickle.dumps({"meta": "nnviz-run"}))
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind == "npy":
        with open(bad, "wb") as fh:
            np.save(fh, np.zeros(3))
    _one_line_error_naming(nnviz("record", str(bad), cwd=tmp_path), bad.name)


# ---------------------------------------------------------------------- backward
_BACKWARD_STAGES = ["E", "dE/da3", "dE/dW3", "dE/db3", "dE/dz2", "dE/da2", "dE/dW2", "dE/db2"]
_BACKWARD_STAGES += ["dE/dz1", "dE/da1", "dE/dW1", "dE/db1"]
_STAGE_KEYS = {"name", "formula", "shape", "norm", "sum", "max_abs"}


def test_backward_prints_every_stage_with_its_numbers_and_one_step(tmp_path):
    result = nnviz("backward", "--sample", "8", "--step", "0.01", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "default.npz: mnist test digit 8 (label 5)" in lines[0]
    header = lines[2].split()
    assert header[:3] == ["stage", "formula", "shape"] and header[3:] == [
        "norm",
        "sum",
        "max",
        "|v|",
    ]
    names = [line.split()[0] for line in lines[3:]]
    assert names[: len(_BACKWARD_STAGES)] == _BACKWARD_STAGES
    assert names[len(_BACKWARD_STAGES) :][:3] == ["ΔW3", "ΔW2", "ΔW1"]
    assert "dE/dW1 = xᵀ · dE/da1" in result.stdout and "(784, 50)" in result.stdout
    assert lines[-1].startswith("one step, lr 0.01: E ")


def test_backward_json_has_every_stage_and_a_step_lowers_the_loss(tmp_path):
    result = nnviz(
        "backward", "--sample", "8", "--loss", "mse", "--step", "0.05", "--json", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    (report,) = json_lines(result.stdout)
    assert report["sample"] == 8 and report["label"] == 5 and report["loss_function"] == "mse"
    stages = report["stages"]
    assert [s["name"] for s in stages] == _BACKWARD_STAGES + ["ΔW3", "ΔW2", "ΔW1"]
    assert all(_STAGE_KEYS <= set(s) for s in stages)
    by_name = {s["name"]: s for s in stages}
    assert by_name["dE/dW1"]["shape"] == [784, 50] and by_name["E"]["shape"] == []
    assert by_name["E"]["sum"] == report["loss"] == report["loss_before"]
    assert report["loss_after"] < report["loss_before"]
    assert report["probability_after"] > report["probability_before"]


def test_backward_numerical_reports_both_times_and_the_largest_difference(tmp_path):
    result = nnviz("backward", "--numerical", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (report,) = json_lines(result.stdout)
    assert report["numerical_seconds"] > report["backprop_seconds"] > 0
    assert report["max_rel_diff"] < 1e-6
    assert report["numerical_parameters"] == 45_360
    assert result.stderr == ""  # no progress line when stderr is not a terminal
    text = nnviz("backward", "--numerical", "--sample", "3", cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert "numerical gradient, (E(w + h) - E(w - h)) / 2h" in text.stdout
    assert "largest relative difference" in text.stdout


def test_backward_bad_input_is_one_readable_line(tmp_path):
    out_of_range = nnviz("backward", "--sample", "10000", cwd=tmp_path)
    assert out_of_range.returncode == 2
    assert out_of_range.stderr.strip().splitlines() == [
        "nnviz: error: --sample 10000 is not a test digit of mnist (0 to 9999)"
    ]
    _one_line_error_naming(nnviz("backward", "--model", "nowhere.npz", cwd=tmp_path), "nowhere.npz")
    small = save_model(tmp_path / "small.npz", Network((64, 10, 10)))
    _one_line_error_naming(nnviz("backward", "--model", str(small), cwd=tmp_path), "does not fit")
    bad_lr = nnviz("backward", "--step", "0", cwd=tmp_path)
    assert bad_lr.returncode == 2 and "learning rate" in bad_lr.stderr


@pytest.mark.skipif(os.name != "posix", reason="SIGINT delivery to a child is POSIX-only")
def test_ctrl_c_cancels_the_numerical_gradient_cleanly(tmp_path):
    # a network whose numerical gradient takes minutes, so that Ctrl-C comes mid-way
    big = save_model(tmp_path / "big.npz", Network((784, 1000, 300, 10)))
    proc = subprocess.Popen(
        [sys.executable, "-m", "nnviz", "backward", "--model", str(big), "--numerical"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for line in proc.stdout:  # the trace is printed before the numerical gradient starts
        if line.startswith("dE/db1"):
            break
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=_TIMEOUT)
    assert proc.returncode == 130
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "numerical gradient cancelled after" in lines[0], err
    assert "Traceback" not in err


def test_eval_corrupt_prints_accuracy_at_each_strength_from_zero(tmp_path, small_mnist):
    from nnviz.core.corruptions import corrupt

    network = Network((784, 16, 10), seed=0)
    model = save_model(tmp_path / "m.npz", network, {})
    args = ("eval", str(model), "--dataset", str(small_mnist), "--corrupt", "shift")
    result = nnviz(*args, "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (report,) = json_lines(result.stdout)
    assert report["corruption"] == "shift"
    strengths, accuracies = report["strengths"], report["accuracies"]
    assert strengths[0] == 0 and strengths == sorted(strengths) and len(accuracies) == 10
    test = load_dataset(str(small_mnist)).test
    assert accuracies[0] == evaluate(network, test.images, test.labels).accuracy
    shifted = corrupt(test.images, "shift", strengths[5], seed=0)
    assert accuracies[5] == evaluate(network, shifted, test.labels).accuracy
    text = nnviz(*args, cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert f"{accuracies[0]:.2%}" in text.stdout and "strength" in text.stdout
