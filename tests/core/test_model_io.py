"""Model files: round trips, the book's bare W/b layout, every malformed file refused cleanly."""

from __future__ import annotations

import json
import os
import pickle
import zipfile
from pathlib import Path

import numpy as np
import pytest

from nnviz.core import model_io
from nnviz.core.activations import Elu, LeakyRelu, Maxout
from nnviz.core.errors import ModelFileError, NnvizError
from nnviz.core.model_io import FORMAT_VERSION, load_model, save_model
from nnviz.core.network import Network

SIZES = (6, 5, 4, 3)
ACTIVATIONS = {
    "sigmoid": "sigmoid",
    "tanh": "tanh",
    "relu": "relu",
    "leaky-relu-0.25": LeakyRelu(slope=0.25),
    "elu-0.5": Elu(alpha=0.5),
    "maxout-2": Maxout(k=2),
    "maxout-3": Maxout(k=3),
    "identity": "identity",
}


def _book_arrays(seed: int = 0) -> dict[str, np.ndarray]:
    return dict(Network(SIZES, seed=seed).params)


def _assert_refused(path: Path, *words: str) -> str:
    """load_model(path) raises ModelFileError (not a traceback) with a one-line message naming
    the file; returns the message."""
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    message = str(info.value)
    assert str(path) in message
    assert "\n" not in message
    for word in words:
        assert word in message
    return message


# ---------------------------------------------------------------------- round trips
@pytest.mark.parametrize("activation", ACTIVATIONS.values(), ids=ACTIVATIONS.keys())
def test_round_trip_keeps_params_activation_and_meta(tmp_path, activation):
    net = Network(SIZES, activation, seed=3)
    meta = {
        "loss": "mse",
        "dataset": "mnist",
        "config": {"lr": 0.1, "hidden": [5, 4]},
        "metrics": {"test_accuracy": 0.9123},
    }
    written = save_model(tmp_path / "model.npz", net, meta)
    assert written == tmp_path / "model.npz" and written.is_file()
    loaded = load_model(written)
    assert loaded.network.sizes == SIZES
    assert loaded.network.activation == net.activation
    assert loaded.network.activation.params() == net.activation.params()
    assert loaded.network.param_names() == net.param_names()
    for name in net.param_names():
        assert loaded.network.params[name].dtype == np.float32
        assert np.array_equal(loaded.network.params[name], net.params[name])
    for key, value in meta.items():
        assert loaded.meta[key] == value
    assert loaded.meta["format_version"] == FORMAT_VERSION
    assert loaded.meta["layer_sizes"] == list(SIZES)
    x = np.random.default_rng(0).standard_normal((3, 6))
    assert np.array_equal(loaded.network.forward(x), net.forward(x))


def test_the_file_is_a_plain_npz_with_the_books_names(tmp_path):
    path = save_model(tmp_path / "m.npz", Network(SIZES), {"loss": "cross-entropy"})
    with np.load(path, allow_pickle=False) as data:
        assert sorted(data.files) == ["W1", "W2", "W3", "b1", "b2", "b3", "meta"]
        meta = json.loads(str(data["meta"]))
    assert meta["activation"] == "sigmoid" and meta["loss"] == "cross-entropy"


def test_save_adds_the_npz_suffix(tmp_path):
    assert save_model(tmp_path / "model", Network(SIZES)).name == "model.npz"
    assert save_model(str(tmp_path / "model.v2"), Network(SIZES)).name == "model.v2.npz"


@pytest.mark.parametrize("name", ["model.NPZ", "model.Npz"])
def test_save_takes_the_npz_suffix_in_any_case(tmp_path, name):
    written = save_model(tmp_path / name, Network(SIZES))
    assert written == tmp_path / name and [p.name for p in tmp_path.iterdir()] == [name]
    assert load_model(written).network.sizes == SIZES


def test_save_replaces_an_existing_file(tmp_path):
    path = tmp_path / "m.npz"
    save_model(path, Network(SIZES, seed=1))
    save_model(path, Network(SIZES, seed=2))
    assert np.array_equal(
        load_model(path).network.params["W1"], Network(SIZES, seed=2).params["W1"]
    )
    assert [p.name for p in tmp_path.iterdir()] == ["m.npz"]  # no temporary file left


def test_caller_activation_overrides_the_files(tmp_path):
    path = save_model(tmp_path / "m.npz", Network(SIZES, LeakyRelu(0.3)))
    loaded = load_model(path, activation="tanh")
    assert loaded.network.activation.name == "tanh"


def test_a_bare_book_file_loads_with_the_callers_activation(tmp_path):
    arrays = _book_arrays()
    path = tmp_path / "book.npz"
    np.savez(path, **arrays)
    default = load_model(path)
    assert default.network.activation.name == "sigmoid"  # the book's default
    assert default.meta == {}
    assert default.network.sizes == SIZES
    relu = load_model(path, activation="relu")
    assert relu.network.activation.name == "relu"
    for name, array in arrays.items():
        assert np.array_equal(relu.network.params[name], array)


def test_a_bare_float64_file_loads_as_float32(tmp_path):
    path = tmp_path / "book64.npz"
    np.savez(path, **{k: v.astype(np.float64) for k, v in _book_arrays().items()})
    net = load_model(path).network
    assert all(v.dtype == np.float32 for v in net.params.values())


def test_a_bare_maxout_file_loads_only_as_maxout(tmp_path):
    path = tmp_path / "maxout.npz"
    np.savez(path, **Network(SIZES, Maxout(2)).params)
    assert load_model(path, activation="maxout").network.sizes == SIZES
    with pytest.raises(ModelFileError, match="W2"):  # 10 columns of W1 feed 5 rows of W2
        load_model(path, activation="sigmoid")


# ---------------------------------------------------------------------- malformed files
def test_a_missing_file_is_refused(tmp_path):
    _assert_refused(tmp_path / "nowhere.npz")


def test_a_text_file_is_refused(tmp_path):
    path = tmp_path / "notes.npz"
    path.write_text("these are not weights\n")
    message = _assert_refused(path, "not an .npz model file (not a zip archive)")
    assert "pickle" not in message


def test_an_array_header_promising_more_than_the_file_holds_is_refused_unallocated(tmp_path):
    """A header of 2**40 float64 numbers over 8 bytes of data: refused from the header, before
    NumPy would allocate the 8 TB it promises."""
    path = tmp_path / "huge.npz"
    header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1099511627776,), }"
    npy = b"\x93NUMPY\x01\x00" + len(header.ljust(118) + "\n").to_bytes(2, "little")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("W1.npy", npy + (header.ljust(118) + "\n").encode() + bytes(8))
    _assert_refused(path, "W1", "needs 8796093022208 bytes, the file holds 8")


def test_a_single_npy_array_is_refused(tmp_path):
    path = tmp_path / "array.npz"
    with open(path, "wb") as fh:
        np.save(fh, np.zeros((3, 3)))
    _assert_refused(path, "not an .npz model file", "np.save")


def test_a_truncated_file_is_refused(tmp_path):
    path = save_model(tmp_path / "m.npz", Network(SIZES))
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    _assert_refused(path)


def test_a_zip_with_a_corrupt_member_is_refused(tmp_path):
    path = save_model(tmp_path / "m.npz", Network(SIZES))
    with zipfile.ZipFile(path, "a") as z:
        z.writestr("W9.npy", b"\x93NUMPY garbage")
    _assert_refused(path)


@pytest.mark.parametrize("member", ["W1.npy", "W4.npy", "notes.txt"])
def test_a_zip_member_that_is_not_an_npy_array_is_refused(tmp_path, member):
    path = save_model(tmp_path / "m.npz", Network(SIZES))
    arrays = {}
    with zipfile.ZipFile(path) as z:
        arrays = {name: z.read(name) for name in z.namelist() if name != member}
    with zipfile.ZipFile(path, "w") as z:
        for name, data in arrays.items():
            z.writestr(name, data)
        z.writestr(member, b"plain text, no .npy header")
    _assert_refused(path)


class _Payload:
    """Unpickling this object creates a directory: code execution, if anything ran it."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


@pytest.mark.parametrize("where", ["W1", "meta"])
def test_pickled_objects_are_refused_and_never_run(tmp_path, where):
    marker = tmp_path / "pwned"
    arrays: dict[str, np.ndarray] = dict(_book_arrays())
    arrays[where] = np.array([_Payload(marker)], dtype=object)
    path = tmp_path / "evil.npz"
    np.savez(path, **arrays)  # np.savez pickles object arrays
    _assert_refused(path, "pickle")
    assert not marker.exists()


def test_a_pickle_file_like_the_books_params_pkl_is_refused_and_never_run(tmp_path):
    marker = tmp_path / "pwned"
    path = tmp_path / "params.pkl"
    path.write_bytes(pickle.dumps({"W1": _Payload(marker)}))
    _assert_refused(path, "pickle")
    assert not marker.exists()


def test_the_pickle_payload_is_live(tmp_path):
    # proves the test above can fail: loading the same file with pickles allowed runs the code
    marker = tmp_path / "ran"
    path = tmp_path / "evil.npz"
    np.savez(path, W1=np.array([_Payload(marker)], dtype=object))
    with np.load(path, allow_pickle=True) as data:
        data["W1"]
    assert marker.is_dir()


def test_missing_b2_is_refused(tmp_path):
    arrays = _book_arrays()
    del arrays["b2"]
    path = tmp_path / "m.npz"
    np.savez(path, **arrays)
    _assert_refused(path, "b2")


def test_only_one_of_a_layers_arrays_is_refused(tmp_path):
    path = tmp_path / "m.npz"
    np.savez(path, W1=np.zeros((4, 3), dtype=np.float32))
    _assert_refused(path)


def test_an_empty_archive_is_refused(tmp_path):
    path = tmp_path / "m.npz"
    np.savez(path)
    _assert_refused(path, "no weights")


def test_wrongly_chained_shapes_are_refused(tmp_path):
    arrays = _book_arrays()
    arrays["W2"] = np.zeros((7, 4), dtype=np.float32)  # layer 1 has 5 units, not 7
    path = tmp_path / "m.npz"
    np.savez(path, **arrays)
    _assert_refused(path, "W2")


def test_a_bias_that_does_not_fit_its_weights_is_refused(tmp_path):
    arrays = _book_arrays()
    arrays["b1"] = np.zeros(6, dtype=np.float32)
    path = tmp_path / "m.npz"
    np.savez(path, **arrays)
    _assert_refused(path, "b1")


def test_a_weight_matrix_that_is_not_2d_is_refused(tmp_path):
    arrays = _book_arrays()
    arrays["W1"] = arrays["W1"].ravel()
    path = tmp_path / "m.npz"
    np.savez(path, **arrays)
    _assert_refused(path, "W1")


def test_maxout_pieces_that_do_not_fit_are_refused(tmp_path):
    path = save_model(tmp_path / "m.npz", Network(SIZES, Maxout(2)))
    _assert_refused_with(path, activation="maxout", k_override=3)


def _assert_refused_with(path: Path, activation: str, k_override: int) -> None:
    # the file says maxout k=2; rewrite its meta to claim k=3 (5 * 2 = 10 columns is not 5 * 3)
    with np.load(path, allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files}
    meta = json.loads(str(arrays["meta"]))
    meta["activation_params"] = {"k": k_override}
    arrays["meta"] = np.array(json.dumps(meta))
    np.savez(path, **arrays)
    _assert_refused(path, activation)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_values_are_refused(tmp_path, bad):
    arrays = _book_arrays()
    arrays["W3"][1, 2] = bad
    path = tmp_path / "m.npz"
    np.savez(path, **arrays)
    _assert_refused(path, "W3")


@pytest.mark.parametrize("dtype", [np.int32, np.uint8, np.bool_, np.complex64, "U3"])
def test_non_float_arrays_are_refused(tmp_path, dtype):
    arrays = _book_arrays()
    arrays["b1"] = np.zeros(5, dtype=dtype)
    path = tmp_path / "m.npz"
    np.savez(path, **arrays)
    _assert_refused(path, "b1")


def test_an_unexpected_array_is_refused(tmp_path):
    arrays = _book_arrays()
    arrays["gamma1"] = np.ones(5, dtype=np.float32)
    path = tmp_path / "m.npz"
    np.savez(path, **arrays)
    _assert_refused(path, "gamma1")


def _with_meta(tmp_path: Path, meta_array: np.ndarray) -> Path:
    path = tmp_path / "m.npz"
    np.savez(path, meta=meta_array, **_book_arrays())
    return path


@pytest.mark.parametrize(
    "meta",
    [
        np.array("{not json"),
        np.array(""),
        np.array(["{}", "{}"]),
        np.array(b"\xff\xfe"),
        np.zeros(3),
    ],
    ids=["broken", "empty", "two-strings", "bytes", "numbers"],
)
def test_bad_meta_is_refused(tmp_path, meta):
    _assert_refused(_with_meta(tmp_path, meta), "meta")


def test_absurdly_nested_meta_is_refused(tmp_path):
    _assert_refused(_with_meta(tmp_path, np.array("[" * 100_000 + "]" * 100_000)), "meta")


def test_meta_that_is_not_an_object_is_refused(tmp_path):
    _assert_refused(_with_meta(tmp_path, np.array("[1, 2, 3]")), "meta")


@pytest.mark.parametrize("version", [FORMAT_VERSION + 1, 99, "1", 1.5, None])
def test_a_future_or_strange_format_version_is_refused(tmp_path, version):
    meta = np.array(json.dumps({"format_version": version, "activation": "sigmoid"}))
    _assert_refused(_with_meta(tmp_path, meta), "version")


def test_an_unknown_activation_in_meta_is_refused(tmp_path):
    meta = np.array(json.dumps({"format_version": 1, "activation": "swish"}))
    _assert_refused(_with_meta(tmp_path, meta), "swish")


@pytest.mark.parametrize(
    ("activation", "params"),
    [
        ("leaky-relu", '{"slope": 5.0}'),
        ("leaky-relu", '{"slope": "steep"}'),
        ("leaky-relu", '{"slope": NaN}'),
        ("leaky-relu", '{"unknown": 1}'),
        ("elu", '{"alpha": null}'),
        ("maxout", '{"k": NaN}'),  # Python's json reads NaN and Infinity
        ("maxout", '{"k": Infinity}'),
        ("maxout", '{"k": "two"}'),
        ("maxout", '{"k": 1}'),
    ],
)
def test_bad_activation_params_in_meta_are_refused(tmp_path, activation, params):
    meta = np.array(f'{{"activation": "{activation}", "activation_params": {params}}}')
    _assert_refused(_with_meta(tmp_path, meta))


def test_every_refusal_is_an_nnviz_error():
    assert issubclass(ModelFileError, NnvizError)


# ---------------------------------------------------------------------- interrupted saves
@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_an_interrupted_save_keeps_the_good_file(tmp_path, monkeypatch, error):
    path = save_model(tmp_path / "m.npz", Network(SIZES, seed=1))
    good = path.read_bytes()

    def half_written(fh, **arrays):
        fh.write(b"PK\x03\x04 half a zip")
        raise error

    monkeypatch.setattr(model_io.np, "savez", half_written)
    with pytest.raises(ModelFileError if isinstance(error, OSError) else KeyboardInterrupt):
        save_model(path, Network(SIZES, seed=2))
    monkeypatch.undo()
    assert path.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["m.npz"]  # no temporary file left either
    assert np.array_equal(
        load_model(path).network.params["W1"], Network(SIZES, seed=1).params["W1"]
    )


def test_a_failed_save_leaves_no_temporary_file(tmp_path, monkeypatch):
    def failing(fh, **arrays):
        fh.write(b"partial")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(model_io.np, "savez", failing)
    with pytest.raises(ModelFileError, match="No space left") as info:
        save_model(tmp_path / "m.npz", Network(SIZES))
    assert str(tmp_path / "m.npz") in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_saving_into_a_missing_directory_is_a_model_file_error(tmp_path):
    with pytest.raises(ModelFileError, match="missing"):
        save_model(tmp_path / "missing" / "m.npz", Network(SIZES))
