"""Reading and writing ``.npz`` files safely: written atomically, read with ``allow_pickle=False``.

Model files and run records both use these, and both turn every problem into one readable line
(an error of the caller's class that names the file).
"""

from __future__ import annotations

import io
import math
import os
import zipfile
import zlib
from collections.abc import Collection
from pathlib import Path

import numpy as np

from nnviz.core.errors import NnvizError

__all__ = ["npz_path", "read_npz", "write_npz"]


def npz_path(path: str | os.PathLike[str]) -> Path:
    """The file a save of ``path`` writes: ``.npz`` is added unless the name already ends in it,
    in any case (``model.NPZ`` stays as it is; ``model`` and ``model.v2`` get ``.npz``)."""
    path = Path(path)
    return path if path.suffix.lower() == ".npz" else path.with_name(path.name + ".npz")


def write_npz(path: Path, arrays: dict[str, np.ndarray], error: type[NnvizError]) -> None:
    """Write ``arrays`` to ``path`` through a temporary file that is then renamed, so an
    interrupted write never leaves a half-written file in place of a good one."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open(tmp, "wb") as fh:
            np.savez(fh, **arrays)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise error(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:  # Ctrl-C mid-save: leave no half-written temporary file behind
        tmp.unlink(missing_ok=True)
        raise


_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")  # a zip's first entry, or an empty zip
_NPY_MAGIC = b"\x93NUMPY"  # a single array saved with np.save
_PICKLE_START = b"\x80"  # the PROTO opcode every pickle since protocol 2 starts with


def read_npz(
    path: Path, error: type[NnvizError], what: str, only: Collection[str] | None = None
) -> dict[str, np.ndarray]:
    """Every array of an ``.npz`` file (or just those named in ``only``); ``what`` names the
    kind of file in messages.

    The file's first bytes say what it is before anything is parsed, and each array's header is
    checked against the bytes that really follow it before its array is allocated: whatever
    the file holds, the memory used is about what the file's data really takes.
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror or exc})") from None
    if raw.startswith(_NPY_MAGIC):
        raise error(f"{path}: not an .npz {what} (a single NumPy array saved with np.save)")
    if raw.startswith(_PICKLE_START):
        raise error(f"{path}: holds Python objects (pickled data), which nnviz refuses to load")
    if not raw.startswith(_ZIP_SIGNATURES):
        raise error(f"{path}: not an .npz {what} (not a zip archive)")
    arrays = {}
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            for info in archive.infolist():
                name = info.filename.removesuffix(".npy")
                if name == info.filename:  # np.load would hand such an entry back as bytes
                    raise error(f"{path}: the entry {name!r} is not a NumPy array")
                if only is None or name in only:
                    arrays[name] = _read_array(archive.read(info), f"{path}: {name}", error)
    except NnvizError:
        raise
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error, ValueError) as exc:
        raise error(f"{path}: corrupt or truncated {what} ({exc})") from None
    except (OverflowError, NotImplementedError) as exc:  # sizes past 64 bits, odd compressions
        raise error(f"{path}: corrupt or unsupported {what} ({exc})") from None
    return arrays


def _read_array(data: bytes, name: str, error: type[NnvizError]) -> np.ndarray:
    """One ``.npy`` entry: its header, checked against the bytes that follow, then its array."""
    stream = io.BytesIO(data)
    try:
        version = np.lib.format.read_magic(stream)
        if version == (1, 0):
            shape, _, dtype = np.lib.format.read_array_header_1_0(stream)
        elif version == (2, 0):
            shape, _, dtype = np.lib.format.read_array_header_2_0(stream)
        else:  # 3.0 is written only for structured types with non-Latin-1 field names
            raise error(f"{name}: .npy format version {version} is not supported")
    except NnvizError:
        raise
    except (ValueError, SyntaxError, TypeError, RecursionError, MemoryError) as exc:
        raise error(f"{name}: not a valid NumPy array ({exc})") from None
    if dtype.hasobject:
        raise error(f"{name}: holds Python objects (pickled data), which nnviz refuses to load")
    needed = math.prod(shape) * dtype.itemsize
    if needed != len(data) - stream.tell():
        raise error(
            f"{name}: truncated or corrupt (a {dtype} array of shape {shape} needs {needed} "
            f"bytes, the file holds {len(data) - stream.tell()})"
        )
    stream.seek(0)
    try:
        return np.lib.format.read_array(stream, allow_pickle=False)
    except (ValueError, OSError, EOFError) as exc:
        raise error(f"{name}: not a valid NumPy array ({exc})") from None
