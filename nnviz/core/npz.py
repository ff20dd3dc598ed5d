"""Reading and writing ``.npz`` files safely: written atomically, read with ``allow_pickle=False``.

Model files and run records both use these, and both turn every problem into one readable line
(an error of the caller's class that names the file).
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import numpy as np

from nnviz.core.errors import NnvizError

__all__ = ["read_npz", "write_npz"]


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


def read_npz(path: Path, error: type[NnvizError], what: str) -> dict[str, np.ndarray]:
    """Every array of an ``.npz`` file; ``what`` names the kind of file in messages."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        data = np.load(io.BytesIO(raw), allow_pickle=False)
        if not isinstance(data, np.lib.npyio.NpzFile):  # a single .npy array is no context manager
            raise error(f"{path}: not a {what} (expected an .npz archive)")
        with data:
            arrays = {name: data[name] for name in data.files}
    except NnvizError:
        raise
    except ValueError as exc:
        if "pickle" in str(exc).lower():
            raise error(
                f"{path}: holds Python objects (pickled data), which nnviz refuses to load"
            ) from None
        raise error(f"{path}: not a valid {what} ({exc})") from None
    except (OSError, EOFError, zipfile.BadZipFile, KeyError) as exc:
        raise error(f"{path}: corrupt or truncated {what} ({exc})") from None
    for name, value in arrays.items():
        if not isinstance(value, np.ndarray):  # NpzFile hands back a non-.npy member as bytes
            raise error(f"{path}: the entry {name!r} is not a NumPy array")
    return arrays
