"""IDX files (the MNIST format) and the datasets built from them.

A dataset is any directory holding the four standard IDX files, raw or gzip-compressed:
``train-images-idx3-ubyte``, ``train-labels-idx1-ubyte``, ``t10k-images-idx3-ubyte`` and
``t10k-labels-idx1-ubyte``. ``mnist`` is the copy bundled with nnviz, verified by SHA-256;
``fashion-mnist`` is looked up in ``$NNVIZ_DATA/fashion-mnist`` and Debian's package path.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import math
import os
import struct
import zlib
from collections.abc import Mapping, Sequence
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
    "find_dataset",
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
_LONGEST_HEADER = 4 + 4 * max(_MAGIC.values())  # magic and three dimensions
# deflate cannot compress better than about 1032:1, so a gzip file whose header promises more
# than this many bytes per byte of the file is lying (checked before decompressing)
_MAX_GZIP_RATIO = 1100


def _read_bytes(path: Path) -> bytes:
    """The file's IDX bytes; a gzip file is decompressed only as far as its IDX header says
    (plus one byte, so that trailing bytes are still noticed), after checking that the header
    asks for no more than the compressed file can hold."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if raw[:2] != b"\x1f\x8b":
        return raw
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as fh:
            head = fh.read(_LONGEST_HEADER)
            found = _idx_header(head, str(path), complete=False)
            if found is None:  # shorter than a header: parse_idx says what is wrong
                return head
            expected = _idx_size(*found)
            if expected > _MAX_GZIP_RATIO * len(raw):
                raise DataError(
                    f"{path}: the IDX header promises {expected:,} bytes, more than this "
                    f"{len(raw):,}-byte gzip file can hold"
                )
            return head + fh.read(max(expected - len(head), 0) + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise DataError(f"{path}: corrupt gzip data ({exc})") from None


def _idx_header(
    data: bytes, name: str, complete: bool = True
) -> tuple[int, tuple[int, ...]] | None:
    """(header length, dimensions) of the IDX header that starts ``data``, with its magic
    number and dimensions checked; None when ``data`` ends within the header and ``complete``
    is False (more may follow)."""
    if len(data) < 8:
        if not complete:
            return None
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
        if not complete:
            return None
        raise DataError(f"{name}: header truncated")
    dims = struct.unpack(f">{ndim}I", data[4:header])
    if 0 in dims[1:]:
        raise DataError(f"{name}: images of {'x'.join(map(str, dims[1:]))} pixels")
    return header, dims


def _idx_size(header: int, dims: tuple[int, ...]) -> int:
    """Bytes of the whole file: computed with Python's integers, exact however large (a 64-bit
    product of four-byte dimensions can overflow)."""
    return header + math.prod(dims)


def parse_idx(data: bytes, name: str = "<bytes>") -> np.ndarray:
    """Parse IDX bytes (unsigned-byte data) into a uint8 array, checking the header against the
    data's real size before anything is allocated (the array is a view of ``data``)."""
    header, dims = _idx_header(data, name)
    expected = _idx_size(header, dims)
    shape = "x".join(map(str, dims))
    if len(data) < expected:
        raise DataError(
            f"{name}: truncated: a {shape} IDX file needs {expected} bytes, "
            f"this one has {len(data)}"
        )
    if len(data) > expected:  # (a gzip file is read only this far: the excess is unknown)
        raise DataError(f"{name}: has trailing bytes after the {expected} a {shape} IDX file needs")
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
    known: bool = False  # one of DATASET_NAMES, found again by its name

    @property
    def reference(self) -> str:
        """What finds this dataset again from anywhere: the name of a known dataset, else its
        folder's absolute path (a folder named ``mnist`` is not the bundled MNIST)."""
        return self.name if self.known else str(self.directory.resolve())

    def sha256(self) -> dict[str, str]:
        """SHA-256 of each of the four files' IDX bytes (decompressed), read from the folder
        now: what tells later whether the folder still holds the same data."""
        if self.checksums is not None:
            return dict(self.checksums)
        return {
            stem: hashlib.sha256(_read_bytes(_find(self.directory, stem))).hexdigest()
            for stem in _FILES.values()
        }

    def identity(self) -> dict:
        """What a model file or run record keeps to find this dataset again (see
        :func:`find_dataset`): ``{"dataset": name}`` for a known dataset, else
        ``{"dataset": absolute folder, "dataset_sha256": {file: SHA-256}}`` (without the
        checksums when the folder's files cannot be read now: the model is saved all the same)."""
        if self.known:
            return {"dataset": self.name}
        try:
            return {"dataset": self.reference, "dataset_sha256": self.sha256()}
        except DataError:
            return {"dataset": self.reference}

    def _load(self, split: str) -> Split:
        arrays, paths = {}, {}
        for kind in ("images", "labels"):
            stem = _FILES[(split, kind)]
            paths[kind] = path = _find(self.directory, stem)
            expected = None if self.checksums is None else self.checksums[stem]
            arrays[kind] = read_idx(path, expected)
        images, labels = arrays["images"], arrays["labels"]
        if images.ndim != 3 or labels.ndim != 1:
            raise DataError(f"{self.directory}: the {split} images and labels files are swapped")
        if images.shape[0] == 0:
            raise DataError(f"{paths['images']}: holds no images (the {split} split is empty)")
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

    def is_read(self, split: str) -> bool:
        """True when split ``split`` ("train" or "test") was read already (using it costs
        nothing more; reading the bundled training set takes about 0.2 s)."""
        return split in self.__dict__  # where cached_property keeps it

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

    def mismatch(self, sizes: Sequence[int]) -> str | None:
        """Why a network of layer sizes ``sizes`` (inputs first, classes last) cannot be used
        on this dataset, in one line saying what each side has; None when it fits. The one
        check behind ``nnviz eval``, training, ``nnviz --model`` and the window's File menu."""
        inputs, classes = int(sizes[0]), int(sizes[-1])
        if (inputs, classes) == (self.input_size, self.num_classes):
            return None
        return (
            f"does not fit {self.name}: the model takes {inputs} inputs and predicts {classes} "
            f"classes, {self.name} has {self.input_size} pixels per image and "
            f"{self.num_classes} classes"
        )


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
        return Dataset(
            "mnist", resource_path("mnist"), _CLASS_NAMES["mnist"], _MNIST_SHA256, known=True
        )
    if key == "fashion-mnist":
        return Dataset("fashion-mnist", _fashion_dir(), _CLASS_NAMES["fashion-mnist"], known=True)
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


def find_dataset(reference: str, sha256: object = None, what: str = "the model") -> Dataset:
    """The dataset a model file or run record names (``Dataset.identity``), found again: a known
    dataset by its name, or a folder by its absolute path, whose files must still have the
    SHA-256 they had. A DataError says plainly when it is not there or has changed."""
    if reference in DATASET_NAMES:
        return load_dataset(reference)
    directory = Path(reference)
    if not directory.is_absolute():  # written before datasets were kept by their full path
        raise DataError(
            f"{what} names its dataset only as {reference!r}, not a folder nnviz can find"
        )
    if not directory.is_dir():
        raise DataError(f"{directory}: {what} was trained on this folder, which is not there")
    if sha256 is not None and not (
        isinstance(sha256, Mapping) and all(isinstance(v, str) for v in sha256.values())
    ):
        raise DataError(f"{what}: the checksums it keeps of its dataset are not readable")
    dataset = load_dataset(directory)
    if sha256:
        now = dataset.sha256()
        changed = sorted(stem for stem, digest in sha256.items() if now.get(stem) != digest)
        if changed:
            raise DataError(
                f"{directory}: the dataset has changed since {what} was trained on it "
                f"({', '.join(changed)} differ)"
            )
    return dataset
