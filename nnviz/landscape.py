"""``nnviz landscape RUN.npz``: the loss landscape of a recorded run, in numbers or as a picture.

The plane through the final weights (the path's PCA plane or two random filter-normalised
directions), the loss over an N x N grid of it, the path of the run's weight snapshots on it,
and the loss and accuracy along the straight line from the first to the last weights; all on a
fixed subset of the training images, computed by :func:`nnviz.core.landscape.compute_landscape`
(the window's Landscape tab shows the same). ``--out PICTURE.png`` draws the map and the line
with the window's own plots, offscreen; ``--json`` prints one object.

Ctrl-C cancels between two grid rows and exits with 130.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from nnviz.cli_support import EXIT_FAILED, EXIT_OK, Interrupts, emit_json
from nnviz.core.datasets import find_dataset
from nnviz.core.errors import ConfigError, DataError, RecordFileError
from nnviz.core.landscape import (
    Cancelled,
    Landscape,
    LandscapeSettings,
    Progress,
    compute_landscape,
)
from nnviz.core.recording import RunRecord

__all__ = ["run_landscape"]

EXIT_CANCELLED = 130  # 128 + SIGINT, as the rest of the command line exits on Ctrl-C
_PROGRESS_INTERVAL = 0.1  # seconds between redraws of the progress line
_PHASES = {"grid": "loss map", "path": "path", "line": "straight line"}


class _Progress:
    """One self-overwriting line on stderr (only when stderr is a terminal)."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self._last = 0.0

    def update(self, report: Progress) -> None:
        now = time.perf_counter()
        if not self.enabled or (now - self._last < _PROGRESS_INTERVAL and report.phase == "grid"):
            return
        self._last = now
        self.stream.write(
            f"\rlandscape: {_PHASES[report.phase]}, {report.done:,} of {report.total:,} points "
            f"({report.done / report.total:.0%}) "
        )
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 72 + "\r")
            self.stream.flush()


def _settings(args: argparse.Namespace) -> LandscapeSettings:
    defaults = LandscapeSettings()
    return LandscapeSettings(
        grid=defaults.grid if args.grid is None else args.grid,
        samples=defaults.samples if args.samples is None else args.samples,
        plane=args.plane or defaults.plane,
        seed=defaults.seed if args.seed is None else args.seed,
    )


def run_landscape(args: argparse.Namespace) -> int:
    settings = _settings(args)  # bad flags first: a ConfigError, exit 2
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() != ".png":
        raise ConfigError(f"--out writes a PNG picture; give a name ending in .png, not {out}")
    path = Path(args.run)
    record = RunRecord.load(path)
    try:
        dataset = find_dataset(record.dataset, record.dataset_sha256, "the run")
    except DataError as exc:
        raise DataError(f"{path}: {exc}") from None
    train = dataset.train
    cancel = threading.Event()
    progress = _Progress(sys.stderr)
    with Interrupts(cancel.set) as interrupts:
        try:
            with threadpool_limits(1):  # as training and evaluation: one BLAS thread
                landscape = compute_landscape(
                    record, train.images, train.labels, settings, progress.update, cancel
                )
        except Cancelled as exc:
            progress.clear()
            print(
                f"nnviz: landscape cancelled after {exc.done:,} of {exc.total:,} points",
                file=sys.stderr,
            )
            return EXIT_CANCELLED
        except ConfigError as exc:  # a run that has no landscape: the file's problem, not a flag
            progress.clear()
            raise RecordFileError(f"{path}: {exc}") from None
        progress.clear()
        interrupts.finish()
    if out is not None:
        from nnviz.gui.app import landscape_picture  # Qt only when a picture is asked

        if not landscape_picture(landscape, record, out):
            print(f"nnviz: error: {out}: cannot write the picture", file=sys.stderr)
            return EXIT_FAILED
    if args.json:
        emit_json({"run": str(path), **landscape.to_json()})
    else:
        _print(path, record, landscape, out)
    return EXIT_OK


def _print(path: Path, record: RunRecord, ls: Landscape, out: Path | None) -> None:
    plane, grid, line = ls.plane, ls.grid, ls.line
    n = grid.shape[0]
    if plane.kind == "pca":
        what = "the plane of the path's two main directions (PCA)"
    else:
        what = f"a plane of two random filter-normalised directions (seed {plane.seed})"
    print(f"{path}: {'-'.join(map(str, record.sizes))} {record.config.activation}, {what}")
    print(
        f"shares of the path's variance: {plane.explained[0]:.1%} and {plane.explained[1]:.1%} "
        f"(together {sum(plane.explained):.1%})"
    )
    print(
        f"{ls.loss_name} on {ls.samples:,} training images over {n} x {n} points, "
        f"x {ls.xs[0]:.3g} to {ls.xs[-1]:.3g}, y {ls.ys[0]:.3g} to {ls.ys[-1]:.3g}"
    )
    i, j = np.unravel_index(np.argmin(grid), grid.shape)
    print(
        f"map: loss {grid.min():.4f} to {grid.max():.4f}; lowest at x {ls.xs[j]:.3g}, "
        f"y {ls.ys[i]:.3g}"
    )
    p = ls.path
    print(
        f"path: {len(p.steps)} snapshots, step {p.steps[0]} at ({p.x[0]:.3g}, {p.y[0]:.3g}) "
        f"loss {p.loss[0]:.4f} -> step {p.steps[-1]} at the centre, loss {p.loss[-1]:.4f}"
    )
    alphas = line.alphas.tolist()
    between = (line.alphas >= 0) & (line.alphas <= 1)
    rises = np.diff(line.loss[between]) > 0
    shape = "falls all the way" if not rises.any() else "rises somewhere on the way"
    print(
        "straight line from start to end: loss "
        + ", ".join(f"{line.loss[alphas.index(a)]:.4f} at α={a:g}" for a in (0.0, 0.5, 1.0))
        + f" ({shape}); accuracy {line.accuracy[alphas.index(1.0)]:.1%} at α=1"
    )
    s = ls.seconds
    print(
        f"time: map {s['grid']:.2f} s, path {s['path']:.2f} s, line {s['line']:.2f} s, "
        f"{s['total']:.2f} s in all"
    )
    if out is not None:
        print(f"picture: {out}")
