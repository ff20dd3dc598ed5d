"""``nnviz train``'s coach flags: validation split, L2, dropout, augmentation, initial-weight
scale; the per-layer figures and validation figures of its JSON lines; the hints it prints."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from test_cli import json_lines, nnviz


@pytest.fixture(scope="module")
def small_mnist(tmp_path_factory, mnist) -> Path:
    """A dataset directory with the first 1,000 training and 500 test digits of MNIST."""
    folder = tmp_path_factory.mktemp("small-mnist-coach")
    for prefix, split, n in (("train", mnist.train, 1000), ("t10k", mnist.test, 500)):
        images = split.images[:n].reshape(-1, 28, 28)
        for kind, magic, array in (
            ("images-idx3", 2051, images),
            ("labels-idx1", 2049, split.labels[:n]),
        ):
            header = struct.pack(f">{1 + array.ndim}I", magic, *array.shape)
            (folder / f"{prefix}-{kind}-ubyte").write_bytes(header + array.tobytes())
    return folder


def test_json_epochs_carry_validation_figures_and_one_object_per_layer(tmp_path, small_mnist):
    flags = ["--validation", "0.2", "--l2", "1e-4", "--dropout", "0.1", "--augment"]
    result = nnviz(
        "train",
        "--dataset",
        str(small_mnist),
        "--epochs",
        "2",
        "--json",
        "--init-scale",
        "0.5",
        *flags,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    lines = json_lines(result.stdout)
    epochs = [line for line in lines if line["event"] == "epoch"]
    assert len(epochs) == 2 and epochs[0]["step"] == 8  # 800 training digits, batches of 100
    for line in epochs:
        assert 0 <= line["validation_accuracy"] <= 1 and line["validation_loss"] > 0
        layers = line["layers"]
        assert [layer["layer"] for layer in layers] == [1, 2, 3]
        for layer in layers:
            assert layer["grad_rms"] > 0 and layer["update_ratio"] > 0
        for layer in layers[:2]:  # hidden sigmoid layers: both shares measured
            assert 0 <= layer["inactive"] <= 1 and 0 <= layer["saturated"] <= 1
        assert layers[2]["inactive"] is None and layers[2]["saturated"] is None
    config = lines[-1]["config"]
    assert (config["validation"], config["l2"], config["dropout"]) == (0.2, 1e-4, 0.1)
    assert config["augment"] is True and config["init_scale"] == 0.5


def test_without_a_validation_split_no_validation_figures(tmp_path, small_mnist):
    result = nnviz("train", "--dataset", str(small_mnist), "--epochs", "1", "--json", cwd=tmp_path)
    (epoch,) = [line for line in json_lines(result.stdout) if line["event"] == "epoch"]
    assert "validation_accuracy" not in epoch and "validation_loss" not in epoch
    assert epoch["step"] == 10


def _flat_run(tmp_path, small_mnist, *extra):
    return nnviz(
        "train",
        "--dataset",
        str(small_mnist),
        "--epochs",
        "2",
        "--batch-size",
        "10",
        "--lr",
        "0.0001",
        *extra,
        cwd=tmp_path,
    )


def test_a_flat_run_prints_the_coach_hint_once(tmp_path, small_mnist):
    result = _flat_run(tmp_path, small_mnist, "--json")
    assert result.returncode == 0, result.stderr
    found = [line for line in json_lines(result.stdout) if line["event"] == "hint"]
    (hint,) = found
    assert hint["rule"] == "lr_too_small" and hint["fix"] == {"lr": 0.001}
    assert "learning rate 0.0001 is probably too small. Try 0.001." in hint["message"]
    assert hint["why"]


def test_hints_in_the_terminal_name_the_flags_to_try_and_can_be_turned_off(tmp_path, small_mnist):
    text = _flat_run(tmp_path, small_mnist).stdout
    assert "hint (lr_too_small): After 100 steps" in text  # said at the first evaluation
    assert "  try: --lr 0.001" in text
    assert "hint" not in _flat_run(tmp_path, small_mnist, "--no-hints").stdout


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--validation", "0.7"], "nnviz: error: validation must be from 0 to 0.5, got 0.7"),
        (["--dropout", "1"], "nnviz: error: dropout must be from 0 to 0.9, got 1.0"),
        (["--l2", "-1"], "nnviz: error: l2 must be from 0 to 1, got -1.0"),
        (["--init-scale", "0"], "nnviz: error: init scale must be from 0.001 to 100, got 0.0"),
        (["--momentum", "1.5"], "nnviz: error: momentum must be from 0 to 0.999, got 1.5"),
        (
            ["--validation", "ten"],
            "nnviz train: error: argument --validation: expected a number, got 'ten' "
            "(see nnviz train --help)",
        ),
    ],
)
def test_bad_coach_values_exit_2_with_one_line(tmp_path, flags, message):
    result = nnviz("train", *flags, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == message
    assert result.stdout == ""
