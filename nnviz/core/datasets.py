"""IDX files (the MNIST format) and the datasets built from them.

A dataset is any directory holding the four standard IDX files, raw or gzip-compressed:
``train-images-idx3-ubyte``, ``train-labels-idx1-ubyte``, ``t10k-images-idx3-ubyte`` and
``t10k-labels-idx1-ubyte``. ``mnist`` is the copy bundled with nnviz, verified by SHA-256;
``fashion-mnist`` is looked up in ``$NNVIZ_DATA/fashion-mnist`` and Debian's package path.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import struct
import zlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from nnviz.core.errors import DataError
from nnviz.paths import resource_path

__all__ = [
    "DATASET_NAMES",
    "Dataset",
    "Split",
    "load_dataset",
    "read_idx",
]

_MAGIC = {2049: 1, 2051: 3}  # IDX magic number (unsigned byte data) -> number of dimensions
_FILES = {
    ("train", "images"): "train-images-idx3-ubyte",
    ("train", "labels"): "train-labels-idx1-ubyte",
    ("test", "images"): "t10k-images-idx3-ubyte",
    ("test", "labels"): "t10k-labels-idx1-ubyte",
}
# SHA-256 of the decompressed payloads of the bundled MNIST copy (resources/mnist/README.md)
_MNIST_SHA256 = {
    "train-images-idx3-ubyte": "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
    "train-labels-idx1-ubyte": "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
    "t10k-images-idx3-ubyte": "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
    "t10k-labels-idx1-ubyte": "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2",
}
_CLASS_NAMES = {
    "mnist": tuple(str(i) for i in range(10)),
    "fashion-mnist": (
        "T-shirt/top",
        "Trouser",
        "Pullover",
        "Dress",
        "Coat",
        "Sandal",
        "Shirt",
        "Sneaker",
        "Bag",
        "Ankle boot",
    ),
}
_FASHION_DEBIAN = Path("/usr/share/datasets/fashion-mnist")
DATASET_NAMES = ("mnist", "fashion-mnist")


def _read_bytes(path: Path) -> bytes:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if raw[:2] == b"\x1f\x8b":
        try:
            return gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise DataError(f"{path}: corrupt gzip data ({exc})") from None
    return raw


def parse_idx(data: bytes, name: str = "<bytes>") -> np.ndarray:
    """Parse IDX bytes (unsigned-byte data) into a uint8 array, checking the header and size."""
    if len(data) < 8:
        raise DataError(f"{name}: too short to be an IDX file ({len(data)} bytes)")
    (magic,) = struct.unpack(">I", data[:4])
    if magic not in _MAGIC:
        raise DataError(
            f"{name}: not an IDX file of bytes (magic number {magic}, expected 2049 for labels "
            "or 2051 for images)"
        )
    ndim = _MAGIC[magic]
    header = 4 + 4 * ndim
    if len(data) < header:
        raise DataError(f"{name}: header truncated")
    dims = struct.unpack(f">{ndim}I", data[4:header])
    expected = header + int(np.prod(dims, dtype=np.int64))
    if len(data) != expected:
        shape = "x".join(map(str, dims))
        what = "truncated" if len(data) < expected else "has trailing bytes"
        raise DataError(
            f"{name}: {what}: a {shape} IDX file needs {expected} bytes, this one has {len(data)}"
        )
    return np.frombuffer(data, dtype=np.uint8, offset=header).reshape(dims)


def read_idx(path: str | os.PathLike[str], sha256: str | None = None) -> np.ndarray:
    """Read an IDX file (raw or .gz) into a uint8 array; labels (n,), images (n, rows, cols)."""
    path = Path(path)
    data = _read_bytes(path)
    if sha256 is not None and hashlib.sha256(data).hexdigest() != sha256:
        raise DataError(f"{path}: checksum mismatch, the file is corrupt (reinstall nnviz)")
    return parse_idx(data, str(path))


def _find(directory: Path, stem: str) -> Path:
    for candidate in (directory / stem, directory / f"{stem}.gz"):
        if candidate.is_file():
            return candidate
    raise DataError(f"{directory / stem}[.gz]: file not found")


@dataclass(frozen=True)
class Split:
    """Images as uint8 (n, 784) and labels as uint8 (n,)."""

    images: np.ndarray
    labels: np.ndarray

    def __len__(self) -> int:
        return int(self.labels.shape[0])

    def floats(self, index: int | slice | np.ndarray) -> np.ndarray:
        """Images scaled to [0, 1] as float32."""
        return self.images[index].astype(np.float32) / 255.0


@dataclass(eq=False)
class Dataset:
    """A dataset directory; splits are read (and checked) on first use."""

    name: str
    directory: Path
    class_names: tuple[str, ...]
    checksums: dict[str, str] | None = field(default=None, repr=False)

    def _load(self, split: str) -> Split:
        arrays = {}
        for kind in ("images", "labels"):
            stem = _FILES[(split, kind)]
            path = _find(self.directory, stem)
            expected = None if self.checksums is None else self.checksums[stem]
            arrays[kind] = read_idx(path, expected)
        images, labels = arrays["images"], arrays["labels"]
        if images.ndim != 3 or labels.ndim != 1:
            raise DataError(f"{self.directory}: the {split} images and labels files are swapped")
        if images.shape[0] != labels.shape[0]:
            raise DataError(
                f"{self.directory}: {split} split has {images.shape[0]} images "
                f"but {labels.shape[0]} labels"
            )
        if labels.size and int(labels.max()) >= len(self.class_names):
            raise DataError(
                f"{self.directory}: {split} labels go up to {labels.max()}, "
                f"more than the {len(self.class_names)} classes"
            )
        return Split(images.reshape(images.shape[0], -1), labels)

    @cached_property
    def train(self) -> Split:
        return self._load("train")

    @cached_property
    def test(self) -> Split:
        return self._load("test")

    def load(self) -> Dataset:
        """Read (and check) both splits now, so a bad file fails before any work starts."""
        train, test = self.train, self.test
        if train.images.shape[1] != test.images.shape[1]:
            raise DataError(
                f"{self.directory}: training images have {train.images.shape[1]} pixels but "
                f"test images have {test.images.shape[1]}"
            )
        return self

    @property
    def input_size(self) -> int:
        return int(self.test.images.shape[1])

    @property
    def num_classes(self) -> int:
        return len(self.class_names)


def _fashion_dir() -> Path:
    candidates = []
    env = os.environ.get("NNVIZ_DATA")
    if env:
        candidates.append(Path(env) / "fashion-mnist")
    candidates.append(_FASHION_DEBIAN)
    for c in candidates:
        if c.is_dir():
            return c
    raise DataError(
        "fashion-mnist: not found in "
        + " or ".join(str(c) for c in candidates)
        + "; install Debian's dataset-fashion-mnist package or put the four IDX files in "
        "$NNVIZ_DATA/fashion-mnist"
    )


def load_dataset(name_or_dir: str | os.PathLike[str] = "mnist") -> Dataset:
    """``mnist`` (bundled), ``fashion-mnist``, or any directory holding the four IDX files."""
    key = str(name_or_dir)
    if key == "mnist":
        return Dataset("mnist", resource_path("mnist"), _CLASS_NAMES["mnist"], _MNIST_SHA256)
    if key == "fashion-mnist":
        return Dataset("fashion-mnist", _fashion_dir(), _CLASS_NAMES["fashion-mnist"])
    directory = Path(name_or_dir)
    if not directory.is_dir():
        raise DataError(
            f"{directory}: no such dataset (use mnist, fashion-mnist or a directory of IDX files)"
        )
    for stem in _FILES.values():
        _find(directory, stem)
    names = (
        _CLASS_NAMES["fashion-mnist"]
        if "fashion" in directory.name.lower()
        else _CLASS_NAMES["mnist"]
    )
    return Dataset(directory.name, directory, names)
