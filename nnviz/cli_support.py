"""What every command of the command line shares: exit codes, Ctrl-C handling, JSON lines, the
training configuration built from flags.

``nnviz.cli`` (the parser and ``main``) imports the commands, and the commands import this
module, never ``nnviz.cli``: an import-linter contract in ``pyproject.toml`` keeps it so.
"""

from __future__ import annotations

import argparse
import json
import signal
from dataclasses import fields

from nnviz.core.training import PRESETS, TrainingConfig

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "Interrupts",
    "config_from_args",
    "emit_json",
    "fmt_duration",
]

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_DEFAULTS = {f.name: f.default for f in fields(TrainingConfig)}


def config_from_args(args: argparse.Namespace) -> TrainingConfig:
    """The preset (or the defaults) with every flag given on the command line applied."""
    base = PRESETS[args.preset] if args.preset else TrainingConfig()
    # by name: not every TrainingConfig field has a flag
    changes = {
        name: getattr(args, name) for name in _DEFAULTS if getattr(args, name, None) is not None
    }
    return base.with_(**changes)


class Interrupts:
    """First Ctrl-C asks the trainer to stop (so the model is still saved); a second one quits."""

    def __init__(self, on_first) -> None:
        self._on_first = on_first
        self._count = 0
        self._previous = None

    def __enter__(self) -> Interrupts:
        try:
            self._previous = signal.signal(signal.SIGINT, self._handle)
        except ValueError:  # not the main thread: leave Ctrl-C alone
            self._previous = None
        return self

    def _handle(self, signum, frame) -> None:
        self._count += 1
        if self._count > 1:
            raise KeyboardInterrupt
        self._on_first()

    def finish(self) -> None:
        """The work is done and the command is saving and reporting it before the process
        exits: from now on Ctrl-C is ignored, to the end of the process (a press that landed
        after the save, even while Python shuts down, would otherwise end the process by the
        signal or with a traceback instead of its exit code)."""
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        except ValueError:  # not the main thread: Ctrl-C was never ours
            return
        self._previous = None  # leaving the block keeps ignoring it

    def __exit__(self, *exc) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def emit_json(obj: dict) -> None:
    print(json.dumps(obj), flush=True)


def fmt_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}"
