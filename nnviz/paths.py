"""Where the bundled data lives: ``resources/`` beside the package in a source checkout or an
editable install, ``nnviz/resources/`` inside an installed wheel."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def resource_dir() -> Path:
    for candidate in (_HERE / "resources", _HERE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return _HERE / "resources"


def resource_path(*parts: str) -> Path:
    """A path inside the bundled resources, e.g. ``resource_path("mnist")``."""
    return resource_dir().joinpath(*parts)
