"""The file readers fuzzed: the IDX reader, the model loader and the run-record loader take files
from anywhere, so any bytes, any truncation and any header values must give either a valid
result or the project's own one-line error (an NnvizError), never another exception and never
a huge allocation.

Each property runs a bounded number of examples, the same ones every run (derandomized), so the
suite stays fast and steady; ``NNVIZ_FUZZ_EXAMPLES=5000 python -m pytest tests/core/
test_fuzz_readers.py`` explores further (with fresh random examples).
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import os
import struct
import tempfile
import tracemalloc
import zipfile
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_training import _config, _make_dataset

from nnviz.core.datasets import parse_idx, read_idx
from nnviz.core.errors import DataError, ModelFileError, NnvizError, RecordFileError
from nnviz.core.model_io import LoadedModel, load_model
from nnviz.core.network import Network
from nnviz.core.recording import RunRecord
from nnviz.core.training import train

_EXAMPLES = int(os.environ.get("NNVIZ_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=_EXAMPLES or 150,
    derandomize=not _EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# the files below are at most a few hundred KB: a reader that allocates more than this for one
# of them has believed a header instead of the bytes that are really there
_MEMORY_LIMIT = 64 * 2**20


@pytest.fixture(scope="module")
def scratch():
    with tempfile.TemporaryDirectory(prefix="nnviz-fuzz-") as folder:
        yield Path(folder)


@contextmanager
def _bounded_memory():
    """Fails the example if Python or NumPy allocated more than _MEMORY_LIMIT at once."""
    tracemalloc.start()
    try:
        yield
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < _MEMORY_LIMIT, f"{peak / 2**20:.0f} MB allocated for a small file"


def _read(reader, path: Path, error: type[NnvizError]):
    """reader(path) inside the memory bound: its result, or None after the project's error
    (which must be of the reader's kind, name the file and be one line)."""
    with _bounded_memory():
        try:
            return reader(path)
        except error as exc:
            message = str(exc)
            assert "\n" not in message and message, message
            assert str(path) in message, message
            return None


def _mutate(data: bytes, cut: int, flips: list[tuple[int, int]], tail: bytes) -> bytes:
    """``data`` truncated at ``cut`` (from the end when negative), some bytes replaced, and
    ``tail`` appended."""
    buf = bytearray(data[:cut] if cut else data)
    for position, value in flips:
        if buf:
            buf[position % len(buf)] = value
    return bytes(buf) + tail


mutations = st.tuples(
    st.integers(-300, 300),
    st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255)), max_size=4),
    st.binary(max_size=16),
)


# ---------------------------------------------------------------------- IDX files
def _idx(magic: int, dims: list[int], payload: bytes) -> bytes:
    return struct.pack(f">I{len(dims)}I", magic, *dims) + payload


idx_files = st.one_of(
    st.binary(max_size=300),
    st.builds(  # headers of any values, over data that may or may not fit them
        _idx,
        st.sampled_from([2049, 2051, 2049 + 256, 0, 2**32 - 1]),
        st.lists(st.one_of(st.integers(0, 40), st.integers(0, 2**32 - 1)), min_size=0, max_size=3),
        st.binary(max_size=400),
    ),
    st.builds(  # a good file, then cut, changed or extended
        lambda n, side, m: _mutate(_idx(2051, [n, side, side], bytes(n * side * side)), *m),
        st.integers(0, 6),
        st.integers(0, 6),
        mutations,
    ),
)


def _check_idx(array: np.ndarray | None, data: bytes) -> None:
    if array is not None:
        assert array.dtype == np.uint8 and array.ndim in (1, 3)
        assert array.size == len(data) - 4 - 4 * array.ndim  # every byte of data accounted for


@FUZZ
@given(data=idx_files)
def test_idx_bytes_parse_or_raise_a_data_error(data):
    with _bounded_memory():
        try:
            array = parse_idx(data, "fuzzed")
        except DataError as exc:
            assert str(exc).startswith("fuzzed: ") and "\n" not in str(exc)
            return
    _check_idx(array, data)


@FUZZ
@given(data=idx_files, compress=st.booleans(), gz_mutation=mutations)
def test_idx_files_raw_or_gzip_read_or_raise_a_data_error(scratch, data, compress, gz_mutation):
    path = scratch / "fuzzed-idx3-ubyte"
    raw = _mutate(gzip.compress(data), *gz_mutation) if compress else data
    path.write_bytes(raw)
    array = _read(read_idx, path, DataError)
    if array is not None and not compress:
        _check_idx(array, data)


def test_a_gzip_file_whose_header_promises_terabytes_is_refused_before_decompressing(scratch):
    path = scratch / "bomb-idx3-ubyte.gz"
    path.write_bytes(gzip.compress(_idx(2051, [2**32 - 1] * 3, bytes(10**6))))
    assert _read(read_idx, path, DataError) is None


# ---------------------------------------------------------------------- model files
def _npy(shape_text: str, descr: str, payload: bytes) -> bytes:
    """A .npy entry whose header says any shape and type (format 1.0)."""
    header = f"{{'descr': {descr!r}, 'fortran_order': False, 'shape': {shape_text}, }}"
    header = header.ljust(((len(header) + 11) // 64 + 1) * 64 - 11) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)) + header.encode() + payload


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buf.getvalue()


def _good_model() -> bytes:
    buf = io.BytesIO()
    arrays = {k: v for k, v in Network((6, 5, 3), seed=1).params.items()}
    np.savez(buf, **arrays, meta=np.array(json.dumps({"activation": "sigmoid"})))
    return buf.getvalue()


GOOD_MODEL = _good_model()
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)
meta_values = st.fixed_dictionaries(
    {},
    optional={
        "format_version": json_values,
        "activation": st.sampled_from(["sigmoid", "maxout", "elu", "nope", ""]) | json_values,
        "activation_params": st.dictionaries(
            st.sampled_from(["k", "alpha", "slope", "x"]), json_values, max_size=2
        )
        | json_values,
        "dataset": json_values,
        "dataset_sha256": json_values,
        "layer_sizes": json_values,
    },
)
shapes = st.lists(st.one_of(st.integers(0, 8), st.integers(0, 2**62)), max_size=3).map(
    lambda dims: "(" + "".join(f"{d}, " for d in dims) + ")"
)
entries = st.dictionaries(
    st.sampled_from(["W1.npy", "b1.npy", "W2.npy", "b2.npy", "meta.npy", "x.npy", "notes.txt"]),
    st.one_of(
        st.builds(
            lambda shape, dtype, seed: _array_bytes(shape, dtype, seed),
            st.lists(st.integers(0, 7), max_size=3),
            st.sampled_from(["<f4", "<f8", "<i4", "|u1", "<U5", "|b1", "<c8", "|V3"]),
            st.integers(0, 3),
        ),
        st.builds(
            _npy,
            shapes,
            st.sampled_from(["<f4", "<f8", "|O", "<U100000000"]),
            st.binary(max_size=64),
        ),
        st.builds(lambda m: _array_bytes_of(np.array(json.dumps(m))), meta_values),
        st.binary(max_size=64),
    ),
    max_size=5,
)


def _array_bytes_of(array: np.ndarray) -> bytes:
    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=False)
    return buf.getvalue()


def _array_bytes(shape: list[int], dtype: str, seed: int) -> bytes:
    rng = np.random.default_rng(seed)
    values = rng.standard_normal(shape) * 10.0 ** rng.integers(-3, 40)
    if seed == 3:
        values.flat[:1] = np.nan
    with np.errstate(over="ignore", invalid="ignore"):
        return _array_bytes_of(values.astype(dtype))


model_files = st.one_of(
    st.binary(max_size=300),
    st.builds(lambda m: _mutate(GOOD_MODEL, *m), mutations),
    st.builds(_zip, entries),
    st.builds(lambda e, m: _mutate(_zip(e), *m), entries, mutations),
)


@FUZZ
@given(data=model_files)
def test_model_files_load_or_raise_a_model_file_error(scratch, data):
    path = scratch / "fuzzed.npz"
    path.write_bytes(data)
    loaded = _read(load_model, path, ModelFileError)
    if loaded is not None:
        assert isinstance(loaded, LoadedModel) and isinstance(loaded.meta, dict)
        network = loaded.network
        assert network.forward(np.zeros((1, network.sizes[0]), network.dtype)).shape == (
            1,
            network.sizes[-1],
        )


# ---------------------------------------------------------------------- run records
@functools.cache
def _good_record() -> dict[str, bytes]:
    """A real record's entries (a short run of a small network), to take apart."""
    config = _config(epochs=1, hidden=(5,))
    dataset = _make_dataset(n_train=100, n_test=20)
    record = RunRecord.for_run(config, 16, 10, len(dataset.train), dataset="tiny")
    for event in train(config, dataset, snapshot_steps=record.schedule):
        record.add(event)
    with tempfile.TemporaryDirectory() as folder:
        path = record.save(Path(folder) / "good-run.npz")
        with zipfile.ZipFile(path) as archive:
            return {name: archive.read(name) for name in archive.namelist()}


record_meta_changes = st.dictionaries(
    st.sampled_from(
        [
            "format_version",
            "config",
            "sizes",
            "dataset",
            "dataset_sha256",
            "budget",
            "status",
            "message",
            "total_steps",
            "steps_per_epoch",
            "train_size",
            "test_size",
            "snapshot_epochs",
        ]
    ),
    st.one_of(
        json_values,
        st.lists(st.integers(-1, 2**40), min_size=1, max_size=4),  # layer sizes, huge ones too
        st.integers(-(2**62), 2**62),
        st.fixed_dictionaries({}, optional={"hidden": json_values, "activation": json_values}),
    ),
    max_size=3,
)


@FUZZ
@given(
    meta_changes=record_meta_changes,
    replaced=st.dictionaries(
        st.sampled_from(
            [
                "steps.npy",
                "evaluations.npy",
                "snapshot_W1.npy",
                "snapshot_steps.npy",
                "confusion.npy",
            ]
        ),
        st.one_of(
            st.builds(_npy, shapes, st.sampled_from(["<f4", "<f8", "<i8"]), st.binary(max_size=64)),
            st.builds(
                lambda shape, dtype, seed: _array_bytes(shape, dtype, seed),
                st.lists(st.integers(0, 7), max_size=3),
                st.sampled_from(["<f4", "<f8", "<i8", "|u1"]),
                st.integers(0, 3),
            ),
        ),
        max_size=2,
    ),
    dropped=st.sets(st.sampled_from(["steps.npy", "schedule.npy", "snapshot_b1.npy"]), max_size=1),
    mutation=st.none() | mutations,
)
def test_run_records_load_or_raise_a_record_file_error(
    scratch, meta_changes, replaced, dropped, mutation
):
    entries = {k: v for k, v in _good_record().items() if k not in dropped}
    meta = json.loads(str(np.load(io.BytesIO(entries["meta.npy"]))))
    meta.update(meta_changes)
    entries["meta.npy"] = _array_bytes_of(np.array(json.dumps(meta)))
    entries.update(replaced)
    data = _zip(entries)
    path = scratch / "fuzzed-run.npz"
    path.write_bytes(_mutate(data, *mutation) if mutation else data)
    record = _read(RunRecord.load, path, RecordFileError)
    if record is not None:
        record.summary()
        if record.snapshots:
            network, _ = record.network_at()
            assert network.sizes == record.sizes


@FUZZ
@given(
    inputs=st.integers(1, 2**40),
    hidden=st.lists(st.integers(1, 4096), min_size=1, max_size=3),
    classes=st.integers(1, 2**40),
    pieces=st.sampled_from([None, 2]),
)
def test_a_record_claiming_any_layer_sizes_loads_without_allocating_them(
    scratch, inputs, hidden, classes, pieces
):
    """An empty record (no steps, no snapshots) whose headers and meta claim a network of any
    size: its arrays hold no bytes, so loading it may take no memory for them either."""
    sizes = [inputs, *hidden, classes]
    meta = json.loads(str(np.load(io.BytesIO(_good_record()["meta.npy"]))))
    meta["config"].update(hidden=hidden, activation="maxout" if pieces else "sigmoid")
    meta.update(sizes=sizes, snapshot_epochs=[], status="failed")
    k, layers = pieces or 1, len(sizes) - 1
    entries = {
        "meta.npy": _array_bytes_of(np.array(json.dumps(meta))),
        "schedule.npy": _npy("(0,)", "<i8", b""),
        "snapshot_steps.npy": _npy("(0,)", "<i8", b""),
        "steps.npy": _npy("(0, 10)", "<f8", b""),
        "grad_norms.npy": _npy(f"(0, {layers})", "<f8", b""),
        "update_ratios.npy": _npy(f"(0, {layers})", "<f8", b""),
        "evaluations.npy": _npy("(0, 10)", "<f8", b""),
        "confusion.npy": _npy(f"(0, {classes}, {classes})", "<i8", b""),
        "predictions.npy": _npy("(0, 20)", "<i2", b""),
    }
    for l in range(1, layers + 1):
        width = sizes[l] * (k if l < layers else 1)
        entries[f"snapshot_W{l}.npy"] = _npy(f"(0, {sizes[l - 1]}, {width})", "<f4", b"")
        entries[f"snapshot_b{l}.npy"] = _npy(f"(0, {width})", "<f4", b"")
    path = scratch / "claims.npz"
    path.write_bytes(_zip(entries))
    record = _read(RunRecord.load, path, RecordFileError)  # NumPy refuses some shapes itself
    if record is not None:
        assert record.sizes == tuple(sizes) and not record.snapshots
        with _bounded_memory():
            assert record.summary()["snapshot_steps"] == []
