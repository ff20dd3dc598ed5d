"""The command line: ``nnviz`` (the window; ``--lesson``: at the guided lesson), ``train``,
``eval``, ``record``, ``landscape``, ``backward``, ``bench``, ``lesson`` and ``screenshot``.

Bad flags or values exit with 2 and one readable line; a missing or corrupt data or model file
exits with 1 and one readable line naming the file.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from nnviz import __version__
from nnviz.cli_support import EXIT_FAILED, EXIT_USAGE
from nnviz.core.activations import ACTIVATION_PARAMS, activation_names
from nnviz.core.corruptions import corruption_names
from nnviz.core.errors import ConfigError, NnvizError
from nnviz.core.losses import loss_names
from nnviz.core.network import init_names
from nnviz.core.optimizers import optimizer_names
from nnviz.core.training import LR_SCHEDULES, PRESETS


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line (and exits with 2)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _hidden(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.replace(" ", "").split(",") if part != "")
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"hidden sizes must be comma-separated whole numbers, got {text!r}"
        ) from None
    if not sizes:  # a network without hidden layers is not one of the lesson's
        raise argparse.ArgumentTypeError(
            f"give at least one hidden layer size, e.g. 50,100 (got {text!r})"
        )
    return sizes


def _positive_float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="nnviz",
        description="See a neural network learn. Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"nnviz {__version__}")
    parser.add_argument("--model", help="model file (.npz) to open in the window")
    parser.add_argument("--run", metavar="RUN.npz", help="run record to open in the window")
    parser.add_argument("--lang", help="interface language: en or ko (default: system)")
    parser.add_argument(
        "--lesson", action="store_true", help="open the window at the guided lesson"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    gui = sub.add_parser("gui", help="open the window (the default)")
    gui.add_argument("--model", help="model file (.npz) to open")
    gui.add_argument("--run", metavar="RUN.npz", help="run record (train --record) to open")
    gui.add_argument("--lang", help="interface language: en or ko (default: system)")
    gui.add_argument("--lesson", action="store_true", help="open at the guided lesson")

    le = sub.add_parser("lesson", help="the guided lesson: --list prints its steps")
    le.add_argument("--list", action="store_true", help="print the steps (else open the window)")
    le.add_argument(
        "--lang", default=argparse.SUPPRESS, help="lesson language: en or ko (default: system)"
    )
    le.add_argument("--json", action="store_true", help="with --list: a JSON list of steps")

    tr = sub.add_parser("train", help="train a network on MNIST in the terminal")
    tr.add_argument("--preset", choices=sorted(PRESETS), help="start from a documented preset")
    tr.add_argument("--hidden", type=_hidden, help="hidden layer sizes, e.g. 50,100")
    tr.add_argument("--activation", choices=activation_names())
    tr.add_argument("--loss", choices=loss_names())
    tr.add_argument("--optimizer", choices=optimizer_names())
    tr.add_argument("--lr", type=_positive_float, help="learning rate")
    tr.add_argument("--batch-size", type=int, dest="batch_size")
    tr.add_argument("--epochs", type=int)
    tr.add_argument("--init", choices=init_names())
    tr.add_argument("--seed", type=int)
    tr.add_argument("--dataset", help="mnist (bundled), fashion-mnist, or a directory of IDX files")
    tr.add_argument(
        "--lr-schedule",
        choices=LR_SCHEDULES,
        dest="lr_schedule",
        help="constant, or cosine decay to 0 over the run",
    )
    tr.add_argument(
        "--evals-per-epoch", type=int, dest="evals_per_epoch", help="test-set evaluations per epoch"
    )
    for param in ACTIVATION_PARAMS.values():  # --leaky-slope, --elu-alpha, --maxout-pieces
        tr.add_argument(
            param.flag,
            type=int if param.whole else _positive_float,
            dest=param.field,
            help=param.help,
        )
    tr.add_argument(
        "--validation",
        type=_positive_float,
        metavar="FRACTION",
        help="hold out this share of the training set for validation (0 to 0.5, e.g. 0.1)",
    )
    tr.add_argument("--l2", type=_positive_float, help="L2 weight decay λ (0 to 1, e.g. 1e-4)")
    tr.add_argument(
        "--dropout", type=_positive_float, help="share of hidden units dropped per step (0 to 0.9)"
    )
    tr.add_argument(
        "--augment",
        action="store_true",
        default=None,
        help="small random shifts, rotations and pixel noise at every batch",
    )
    tr.add_argument(
        "--init-scale",
        type=_positive_float,
        dest="init_scale",
        help="factor on the initial weights (default 1)",
    )
    tr.add_argument("--momentum", type=_positive_float, help="for --optimizer momentum (0.9)")
    tr.add_argument(
        "--no-hints", action="store_true", help="do not print the coach's hints about the run"
    )
    tr.add_argument("--save", metavar="FILE", help="write the trained model to FILE (.npz)")
    tr.add_argument(
        "--record",
        metavar="RUN.npz",
        help="write the run record (metrics, evaluations, weight snapshots) as the run goes",
    )
    tr.add_argument("--json", action="store_true", help="one JSON object per line")

    ev = sub.add_parser("eval", help="evaluate a model file or a run record on the test set")
    ev.add_argument("model", metavar="MODEL", help="model file or run record (.npz)")
    ev.add_argument(
        "--step",
        type=int,
        metavar="N",
        help="a run record's snapshot nearest step N (default: the last)",
    )
    ev.add_argument("--activation", choices=activation_names(), help="for files without metadata")
    ev.add_argument("--dataset", default=None, help="mnist, fashion-mnist or a directory")
    ev.add_argument(
        "--corrupt",
        choices=corruption_names(),
        help="accuracy on the test set corrupted at 10 strengths, from 0 (none) up",
    )
    ev.add_argument("--json", action="store_true", help="print one JSON object")

    rec = sub.add_parser("record", help="show what a run record holds")
    rec.add_argument("run", metavar="RUN.npz", help="run record (train --record)")
    rec.add_argument("--json", action="store_true", help="print one JSON object")

    ls = sub.add_parser(
        "landscape", help="the loss landscape of a run record and the path its weights took"
    )
    ls.add_argument("run", metavar="RUN.npz", help="run record (train --record)")
    ls.add_argument("--grid", type=int, metavar="N", help="N x N points (default 41)")
    ls.add_argument(
        "--samples", type=int, metavar="N", help="training images the loss is measured on"
    )
    ls.add_argument(
        "--plane",
        choices=("pca", "random"),
        help="the path's two main directions (pca, the default) or two random ones",
    )
    ls.add_argument("--seed", type=int, metavar="N", help="seed of the random plane (default 0)")
    ls.add_argument("--out", metavar="PICTURE.png", help="draw the map and the line to a PNG")
    ls.add_argument("--json", action="store_true", help="print one JSON object")

    bw = sub.add_parser("backward", help="the backward pass of one test digit, in numbers")
    bw.add_argument("--model", help="model file (.npz); default: the bundled model")
    bw.add_argument("--sample", type=int, metavar="I", help="test digit index (default 0)")
    bw.add_argument("--loss", choices=loss_names(), default="cross-entropy")
    bw.add_argument(
        "--numerical",
        action="store_true",
        help="also every parameter's gradient by central differences, timed and compared",
    )
    bw.add_argument(
        "--step",
        type=_positive_float,
        metavar="LR",
        help="apply one update with learning rate LR and print the loss before and after",
    )
    bw.add_argument("--json", action="store_true", help="print one JSON object")

    be = sub.add_parser("bench", help="measure training and evaluation speed")
    be.add_argument("--json", action="store_true", help="print one JSON object")
    be.add_argument("--gui", action="store_true", help="measure the window while it trains")
    be.add_argument(
        "--probes",
        action="store_true",
        help="measure the Probes panel's work: robustness curves, maps, a lab change",
    )
    be.add_argument(
        "--samples", type=int, default=30_000, help="training samples per configuration"
    )

    sc = sub.add_parser("screenshot", help="render the window offscreen to a PNG")
    sc.add_argument("out", metavar="OUT.png")
    sc.add_argument("--model", help="model file (.npz)")
    sc.add_argument("--run", metavar="RUN.npz", help="run record (train --record) to show")
    sc.add_argument("--step", type=int, metavar="N", help="with --run: the run as it was at step N")
    sc.add_argument("--sample", type=int, help="test sample index")
    sc.add_argument("--stage", help="forward-pass stage: x, a1, z1, ..., y (or its number)")
    sc.add_argument("--size", help="window size WxH, e.g. 1400x900")
    sc.add_argument("--lang", help="interface language: en or ko")
    sc.add_argument(
        "--tab", help="panel to bring to the front (e.g. activations, training, results)"
    )
    sc.add_argument(
        "--lesson", type=int, metavar="N", help="show the guided lesson at step N (from 1)"
    )
    sc.add_argument(
        "--train-epochs",
        type=int,
        dest="train_epochs",
        metavar="N",
        help="first train N epochs with the window's training controls",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "gui"
    try:
        if command == "train":
            from nnviz.commands import run_train

            return run_train(args)
        if command == "eval":
            from nnviz.commands import run_eval

            return run_eval(args)
        if command == "record":
            from nnviz.commands import run_record

            return run_record(args)
        if command == "landscape":
            from nnviz.landscape import run_landscape

            return run_landscape(args)
        if command == "backward":
            from nnviz.backward import run_backward

            return run_backward(args)
        if command == "bench":
            from nnviz.bench import run_bench

            return run_bench(args)
        if command == "lesson" and args.list:
            from nnviz.lesson import run_lesson_list

            return run_lesson_list(args)
        from nnviz.gui import app

        if command == "lesson":
            args.lesson = True
        if command == "screenshot":
            return app.screenshot(args)
        return app.run_gui(args)
    except ConfigError as exc:
        print(f"nnviz: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except NnvizError as exc:
        print(f"nnviz: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except BrokenPipeError:  # e.g. `nnviz eval m.npz | head`: the reader left, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("nnviz: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
