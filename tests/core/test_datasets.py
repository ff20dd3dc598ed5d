"""IDX reading on tiny generated files, dataset directories, and the bundled MNIST's known facts."""

from __future__ import annotations

import gzip
import hashlib
import shutil
import struct
from pathlib import Path

import numpy as np
import pytest

from nnviz.core import datasets
from nnviz.core.datasets import Dataset, load_dataset, read_idx
from nnviz.core.errors import DataError

FILES = {
    "train-images": "train-images-idx3-ubyte",
    "train-labels": "train-labels-idx1-ubyte",
    "test-images": "t10k-images-idx3-ubyte",
    "test-labels": "t10k-labels-idx1-ubyte",
}


def idx_bytes(array: np.ndarray, magic: int | None = None) -> bytes:
    """The IDX encoding of a uint8 array: magic (2049 labels, 2051 images), dims, data."""
    array = np.asarray(array, dtype=np.uint8)
    if magic is None:
        magic = {1: 2049, 3: 2051}[array.ndim]
    return struct.pack(f">I{array.ndim}I", magic, *array.shape) + array.tobytes()


def write_dataset(
    directory: Path, n_train: int = 12, n_test: int = 5, side: int = 4, compress: bool = False
) -> dict[str, np.ndarray]:
    """Four small IDX files in ``directory``; returns the arrays written."""
    rng = np.random.default_rng(0)
    directory.mkdir(parents=True, exist_ok=True)
    arrays = {
        "train-images": rng.integers(0, 256, (n_train, side, side), dtype=np.uint8),
        "train-labels": rng.integers(0, 10, n_train, dtype=np.uint8),
        "test-images": rng.integers(0, 256, (n_test, side, side), dtype=np.uint8),
        "test-labels": rng.integers(0, 10, n_test, dtype=np.uint8),
    }
    for key, array in arrays.items():
        data = idx_bytes(array)
        if compress:
            (directory / f"{FILES[key]}.gz").write_bytes(gzip.compress(data))
        else:
            (directory / FILES[key]).write_bytes(data)
    return arrays


@pytest.fixture
def images():
    return np.arange(3 * 2 * 4, dtype=np.uint8).reshape(3, 2, 4)


# ---------------------------------------------------------------------- read_idx
def test_reads_a_raw_images_file(tmp_path, images):
    path = tmp_path / "images-idx3-ubyte"
    path.write_bytes(idx_bytes(images))
    got = read_idx(path)
    assert got.dtype == np.uint8 and got.shape == (3, 2, 4)
    assert np.array_equal(got, images)


def test_reads_a_raw_labels_file(tmp_path):
    path = tmp_path / "labels"
    path.write_bytes(idx_bytes(np.array([5, 0, 4], dtype=np.uint8)))
    assert read_idx(str(path)).tolist() == [5, 0, 4]


def test_reads_a_gzip_file(tmp_path, images):
    path = tmp_path / "images.gz"
    path.write_bytes(gzip.compress(idx_bytes(images)))
    assert np.array_equal(read_idx(path), images)


def test_reads_an_empty_labels_file(tmp_path):
    path = tmp_path / "labels"
    path.write_bytes(idx_bytes(np.zeros(0, dtype=np.uint8)))
    assert read_idx(path).shape == (0,)


def _bad_files(images: np.ndarray) -> dict[str, tuple[bytes, str]]:
    good = idx_bytes(images)
    return {
        "wrong-magic": (idx_bytes(images, magic=2052), "magic"),
        "float-magic": (struct.pack(">I", 0x0D03) + good[4:], "magic"),
        "png": (b"\x89PNG\r\n\x1a\n" + bytes(40), "magic"),
        "truncated": (good[:-5], "truncated"),
        "header-only-half": (good[:10], "truncated"),
        "too-short": (good[:5], "too short"),
        "empty": (b"", "too short"),
        "trailing-bytes": (good + b"\x00\x00", "trailing"),
        "corrupt-gzip": (gzip.compress(good)[:20] + b"garbage" * 5, "gzip"),
        "truncated-gzip": (gzip.compress(good)[:-10], "gzip"),
        "gzip-of-truncated": (gzip.compress(good[:-1]), "truncated"),
        # (2**32 - 1)^3 bytes: the product of the dimensions overflows 64 bits
        "dims-past-64-bits": (
            struct.pack(">4I", 2051, *(3 * [2**32 - 1])) + bytes(16),
            f"needs {16 + (2**32 - 1) ** 3} bytes",
        ),
        "gzip-promising-more-than-it-holds": (
            gzip.compress(struct.pack(">4I", 2051, 60000, 28, 28) + bytes(100)),
            "more than this",
        ),
        "zero-pixels": (struct.pack(">4I", 2051, 3, 28, 0), "28x0 pixels"),
    }


@pytest.mark.parametrize("case", list(_bad_files(np.zeros((1, 1, 1)))))
def test_bad_files_raise_data_error_naming_the_file(tmp_path, images, case):
    data, words = _bad_files(images)[case]
    path = tmp_path / f"{case}-idx-file"
    path.write_bytes(data)
    with pytest.raises(DataError) as info:
        read_idx(path)
    message = str(info.value)
    assert str(path) in message
    assert words in message
    assert "\n" not in message


def test_a_gzip_file_is_decompressed_only_as_far_as_its_header_says(tmp_path, images):
    """Trailing bytes inside the gzip stream are still noticed, without reading them all."""
    path = tmp_path / "images.gz"
    path.write_bytes(gzip.compress(idx_bytes(images) + bytes(10**6)))
    with pytest.raises(DataError, match="has trailing bytes after the 40 a 3x2x4 IDX file needs$"):
        read_idx(path)


def test_missing_file_raises_data_error_naming_it(tmp_path):
    path = tmp_path / "nope-idx1-ubyte"
    with pytest.raises(DataError, match="nope-idx1-ubyte"):
        read_idx(path)


def test_a_directory_is_not_an_idx_file(tmp_path):
    with pytest.raises(DataError, match=str(tmp_path)):
        read_idx(tmp_path)


def test_checksum_mismatch_raises_data_error(tmp_path, images):
    path = tmp_path / "images"
    path.write_bytes(idx_bytes(images))
    with pytest.raises(DataError, match="checksum"):
        read_idx(path, sha256="0" * 64)


# ---------------------------------------------------------------------- dataset directories
@pytest.mark.parametrize("compress", [False, True], ids=["raw", "gz"])
def test_a_directory_of_idx_files_is_a_dataset(tmp_path, compress):
    arrays = write_dataset(tmp_path / "digits", compress=compress)
    ds = load_dataset(tmp_path / "digits")
    assert isinstance(ds, Dataset)
    assert ds.name == "digits"
    assert ds.class_names == tuple("0123456789")
    assert ds.num_classes == 10 and ds.input_size == 16
    assert len(ds.train) == 12 and len(ds.test) == 5
    assert ds.train.images.shape == (12, 16) and ds.train.images.dtype == np.uint8
    assert np.array_equal(ds.train.images, arrays["train-images"].reshape(12, 16))
    assert np.array_equal(ds.test.labels, arrays["test-labels"])
    floats = ds.test.floats(slice(0, 3))
    assert floats.dtype == np.float32 and floats.shape == (3, 16)
    assert np.allclose(floats * 255, arrays["test-images"][:3].reshape(3, 16))
    assert 0 <= floats.min() and floats.max() <= 1


def test_a_fashion_directory_gets_fashion_class_names(tmp_path):
    write_dataset(tmp_path / "my-fashion-copy")
    ds = load_dataset(str(tmp_path / "my-fashion-copy"))
    assert ds.class_names[0] == "T-shirt/top" and ds.class_names[9] == "Ankle boot"


def test_a_directory_missing_a_file_is_refused(tmp_path):
    write_dataset(tmp_path)
    (tmp_path / FILES["test-labels"]).unlink()
    with pytest.raises(DataError, match=FILES["test-labels"]):
        load_dataset(tmp_path)


def test_a_missing_directory_is_refused(tmp_path):
    with pytest.raises(DataError, match="no-such-dir"):
        load_dataset(tmp_path / "no-such-dir")


def test_mismatched_image_and_label_counts_are_refused(tmp_path):
    write_dataset(tmp_path)
    (tmp_path / FILES["train-labels"]).write_bytes(idx_bytes(np.zeros(11, dtype=np.uint8)))
    ds = load_dataset(tmp_path)
    with pytest.raises(DataError, match="12 images but 11 labels"):
        _ = ds.train
    assert len(ds.test) == 5  # the other split is unaffected


def test_swapped_images_and_labels_are_refused(tmp_path):
    write_dataset(tmp_path)
    a, b = tmp_path / FILES["test-images"], tmp_path / FILES["test-labels"]
    data_a, data_b = a.read_bytes(), b.read_bytes()
    a.write_bytes(data_b)
    b.write_bytes(data_a)
    with pytest.raises(DataError, match=str(tmp_path)):
        _ = load_dataset(tmp_path).test


@pytest.mark.parametrize("split", ["train", "test"])
def test_a_split_without_samples_is_refused_naming_its_images_file(tmp_path, split):
    write_dataset(tmp_path)
    (tmp_path / FILES[f"{split}-images"]).write_bytes(idx_bytes(np.zeros((0, 4, 4))))
    (tmp_path / FILES[f"{split}-labels"]).write_bytes(idx_bytes(np.zeros(0)))
    with pytest.raises(DataError) as info:
        load_dataset(tmp_path).load()
    assert str(info.value) == (
        f"{tmp_path / FILES[f'{split}-images']}: holds no images (the {split} split is empty)"
    )


def test_labels_beyond_the_classes_are_refused(tmp_path):
    write_dataset(tmp_path)
    (tmp_path / FILES["test-labels"]).write_bytes(idx_bytes(np.array([0, 1, 2, 3, 10])))
    with pytest.raises(DataError, match="labels go up to 10"):
        _ = load_dataset(tmp_path).test


def test_a_corrupt_file_in_a_dataset_names_that_file(tmp_path):
    write_dataset(tmp_path, compress=True)
    path = tmp_path / f"{FILES['train-images']}.gz"
    path.write_bytes(path.read_bytes()[:30])
    with pytest.raises(DataError, match=FILES["train-images"]):
        _ = load_dataset(tmp_path).train


# ---------------------------------------------------------------------- bundled MNIST
def test_bundled_mnist_sizes(mnist):
    assert mnist.name == "mnist"
    assert mnist.class_names == tuple(str(i) for i in range(10))
    assert mnist.train.images.shape == (60000, 784) and mnist.train.images.dtype == np.uint8
    assert mnist.test.images.shape == (10000, 784)
    assert mnist.train.labels.shape == (60000,) and mnist.test.labels.shape == (10000,)
    assert mnist.input_size == 784 and mnist.num_classes == 10
    assert mnist.train.images.max() == 255 and mnist.train.images.min() == 0


def test_bundled_mnist_first_labels(mnist):
    assert mnist.train.labels[:10].tolist() == [5, 0, 4, 1, 9, 2, 1, 3, 1, 4]
    assert mnist.test.labels[:10].tolist() == [7, 2, 1, 0, 4, 1, 4, 9, 5, 9]


def test_bundled_mnist_class_counts(mnist):
    train = np.bincount(mnist.train.labels, minlength=10).tolist()
    test = np.bincount(mnist.test.labels, minlength=10).tolist()
    assert train == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
    assert test == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def test_bundled_mnist_first_image_is_a_centred_five(mnist):
    # MNIST's digits are centred by their centre of mass in the 28x28 field, rows in order
    image = mnist.train.images[0].reshape(28, 28).astype(np.float64)
    rows, cols = np.indices(image.shape)
    centre = (rows * image).sum() / image.sum(), (cols * image).sum() / image.sum()
    assert np.allclose(centre, (14, 14), atol=1.5)
    assert image[0].max() == 0 and image[:, 0].max() == 0


def test_a_corrupted_copy_of_mnist_fails_the_checksum(tmp_path, monkeypatch):
    bundled = datasets.resource_path("mnist")
    copy = tmp_path / "mnist"
    copy.mkdir()
    for path in bundled.glob("*-ubyte*"):
        shutil.copy(path, copy / path.name)
    # change one test label: still a perfectly valid IDX file, only the checksum can tell
    name = FILES["test-labels"]
    gz = next(copy.glob(f"{name}*"))
    raw = bytearray(read_idx(gz).tobytes())
    raw[0] = (raw[0] + 1) % 10
    gz.unlink()
    (copy / f"{name}.gz").write_bytes(gzip.compress(idx_bytes(np.frombuffer(raw, np.uint8))))
    monkeypatch.setattr(datasets, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    ds = load_dataset("mnist")
    assert ds.directory == copy
    with pytest.raises(DataError, match="checksum") as info:
        _ = ds.test
    assert name in str(info.value)


# ---------------------------------------------------------------------- fashion-mnist
def test_absent_fashion_mnist_says_how_to_get_it(tmp_path, monkeypatch):
    monkeypatch.setenv("NNVIZ_DATA", str(tmp_path))
    monkeypatch.setattr(datasets, "_FASHION_DEBIAN", tmp_path / "not-installed")
    with pytest.raises(DataError) as info:
        load_dataset("fashion-mnist")
    message = str(info.value)
    assert "dataset-fashion-mnist" in message  # the Debian package
    assert "NNVIZ_DATA" in message
    assert str(tmp_path / "fashion-mnist") in message


def test_absent_fashion_mnist_without_nnviz_data(tmp_path, monkeypatch):
    monkeypatch.delenv("NNVIZ_DATA", raising=False)
    monkeypatch.setattr(datasets, "_FASHION_DEBIAN", tmp_path / "not-installed")
    with pytest.raises(DataError, match="dataset-fashion-mnist"):
        load_dataset("fashion-mnist")


def test_fashion_mnist_is_found_in_nnviz_data(tmp_path, monkeypatch):
    write_dataset(tmp_path / "fashion-mnist", compress=True)
    monkeypatch.setenv("NNVIZ_DATA", str(tmp_path))
    monkeypatch.setattr(datasets, "_FASHION_DEBIAN", tmp_path / "not-installed")
    ds = load_dataset("fashion-mnist")
    assert ds.name == "fashion-mnist"
    assert ds.directory == tmp_path / "fashion-mnist"
    assert ds.class_names[1] == "Trouser" and len(ds.class_names) == 10
    assert len(ds.train) == 12


def test_fashion_mnist_is_found_at_the_debian_path(tmp_path, monkeypatch):
    write_dataset(tmp_path / "debian")
    monkeypatch.delenv("NNVIZ_DATA", raising=False)
    monkeypatch.setattr(datasets, "_FASHION_DEBIAN", tmp_path / "debian")
    assert load_dataset("fashion-mnist").directory == tmp_path / "debian"


def test_train_and_test_images_of_different_sizes_are_refused(tmp_path):
    for stem, magic, dims in (
        ("train-images-idx3-ubyte", 2051, (2, 28, 28)),
        ("train-labels-idx1-ubyte", 2049, (2,)),
        ("t10k-images-idx3-ubyte", 2051, (2, 4, 4)),
        ("t10k-labels-idx1-ubyte", 2049, (2,)),
    ):
        header = np.array([magic, *dims], dtype=">u4").tobytes()
        (tmp_path / stem).write_bytes(header + bytes(int(np.prod(dims))))
    with pytest.raises(DataError, match="784 pixels but test images have 16"):
        load_dataset(tmp_path).load()


# ---------------------------------------------------------------------- finding a dataset again
def test_a_known_dataset_is_found_again_by_its_name(mnist):
    assert mnist.identity() == {"dataset": "mnist"} and mnist.reference == "mnist"
    assert datasets.find_dataset("mnist").directory == mnist.directory


@pytest.mark.parametrize("compress", [False, True], ids=["raw", "gz"])
def test_a_folder_is_kept_by_its_full_path_and_the_sha256_of_its_files(
    tmp_path, monkeypatch, compress
):
    arrays = write_dataset(tmp_path / "digits", compress=compress)
    monkeypatch.chdir(tmp_path)
    identity = load_dataset("digits").identity()
    assert identity["dataset"] == str(tmp_path / "digits")  # absolute, from a relative name
    assert identity["dataset_sha256"] == {
        FILES[key]: hashlib.sha256(idx_bytes(array)).hexdigest() for key, array in arrays.items()
    }
    found = datasets.find_dataset(identity["dataset"], identity["dataset_sha256"])
    assert found.directory == tmp_path / "digits" and len(found.test) == 5


def test_a_folder_named_mnist_is_not_the_bundled_mnist(tmp_path):
    write_dataset(tmp_path / "mnist")
    ds = load_dataset(tmp_path / "mnist")
    assert ds.name == "mnist" and ds.reference == str(tmp_path / "mnist")
    identity = ds.identity()
    found = datasets.find_dataset(identity["dataset"], identity["dataset_sha256"])
    assert found.directory == tmp_path / "mnist" and len(found.train) == 12


def test_a_folder_that_is_gone_or_changed_is_said_plainly(tmp_path):
    write_dataset(tmp_path / "digits")
    identity = load_dataset(tmp_path / "digits").identity()
    (tmp_path / "digits" / FILES["test-labels"]).write_bytes(idx_bytes(np.arange(5)))
    with pytest.raises(DataError) as info:
        datasets.find_dataset(identity["dataset"], identity["dataset_sha256"])
    assert str(info.value) == (
        f"{tmp_path / 'digits'}: the dataset has changed since the model was trained on it "
        f"({FILES['test-labels']} differ)"
    )
    (tmp_path / "digits").rename(tmp_path / "moved")
    with pytest.raises(DataError) as info:
        datasets.find_dataset(identity["dataset"], identity["dataset_sha256"], "the run")
    assert str(info.value) == (
        f"{tmp_path / 'digits'}: the run was trained on this folder, which is not there"
    )


@pytest.mark.parametrize(
    "reference, sha256, says",
    [
        ("small_images", None, "names its dataset only as 'small_images'"),
        ("/", ["not", "a", "dict"], "checksums it keeps of its dataset are not readable"),
        ("/", {"t10k-labels-idx1-ubyte": 5}, "checksums it keeps of its dataset are not readable"),
    ],
)
def test_an_old_or_malformed_dataset_reference_is_a_data_error(reference, sha256, says):
    with pytest.raises(DataError, match=says):
        datasets.find_dataset(reference, sha256)


def test_a_folder_whose_files_cannot_be_read_is_kept_by_its_path_alone(tmp_path):
    write_dataset(tmp_path / "digits")
    ds = load_dataset(tmp_path / "digits")
    (tmp_path / "digits" / FILES["train-images"]).unlink()
    assert ds.identity() == {"dataset": str(tmp_path / "digits")}
