"""``nnviz backward``: the backward pass of one test digit, in numbers.

For each backward stage (E, dE/daL, dE/dWL, ..., dE/db1, and with ``--step`` the updates) its
name, formula, shape, L2 norm, sum and largest absolute value; ``--step LR`` applies one update
for this digit and prints the loss before and after; ``--numerical`` computes every parameter's
gradient by central differences as well and compares it with backpropagation's (the time each
takes, the largest relative difference). The numbers come from ``nnviz.core.learning``, the same
functions the window shows.

Ctrl-C during ``--numerical`` cancels it between two chunks of parameters: what was printed
stays, the command says how far it got and exits with 130.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import sys
import threading
import time

import numpy as np
from threadpoolctl import threadpool_limits

from nnviz.cli_support import EXIT_OK, Interrupts, emit_json
from nnviz.core.datasets import find_dataset
from nnviz.core.errors import ConfigError, ModelFileError
from nnviz.core.learning import (
    Cancelled,
    LearningStep,
    NumericalGradient,
    StageSummary,
    learning_step,
    numerical_gradient,
    summarize_stage,
)
from nnviz.core.losses import Loss, get_loss
from nnviz.core.model_io import load_model
from nnviz.core.network import Network
from nnviz.core.trace import Kind
from nnviz.paths import resource_path

EXIT_CANCELLED = 130  # 128 + SIGINT, as the rest of the command line exits on Ctrl-C
_PROGRESS_INTERVAL = 0.1  # seconds between redraws of the progress line


class _Progress:
    """One self-overwriting line on stderr (only when stderr is a terminal)."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self._last = 0.0

    def update(self, done: int, total: int) -> None:
        now = time.perf_counter()
        if not self.enabled or (now - self._last < _PROGRESS_INTERVAL and done < total):
            return
        self._last = now
        self.stream.write(
            f"\rnumerical gradient: {done:,} of {total:,} parameters ({done / total:.0%}) "
        )
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 72 + "\r")
            self.stream.flush()


def _check_lr(lr: float | None) -> None:
    if lr is not None and not (math.isfinite(lr) and lr > 0):
        raise ConfigError(f"--step needs a positive learning rate, got {lr}")


def run_backward(args: argparse.Namespace) -> int:
    _check_lr(args.step)
    model = args.model or str(resource_path("models", "default.npz"))
    loaded = load_model(model)
    network = loaded.network
    meta = loaded.meta  # the model's own data, found again (and checked) as eval does
    dataset = find_dataset(meta.get("dataset") or "mnist", meta.get("dataset_sha256"))
    test = dataset.test
    if problem := dataset.mismatch(network.sizes):
        raise ModelFileError(f"{model}: {problem}")
    index = 0 if args.sample is None else args.sample
    if not 0 <= index < len(test):
        raise ConfigError(
            f"--sample {index} is not a test digit of {dataset.name} (0 to {len(test) - 1})"
        )
    loss = get_loss(args.loss)
    x, label = test.floats(index), int(test.labels[index])
    y = network.forward_trace(x).values(Kind.OUTPUT)
    trace = network.backward_trace(x, label, loss, lr=args.step)
    stages = [summarize_stage(stage) for stage in trace]
    result: dict = {
        "model": model,
        "dataset": dataset.name,
        "sample": index,
        "label": label,
        "predicted": int(np.argmax(y)),
        "true_probability": float(y[label]),
        "loss_function": loss.name,
        "loss": float(trace.values(Kind.LOSS)),
        "stages": [s.as_dict() for s in stages],
    }
    step = None
    if args.step is not None:
        step = learning_step(network, x, label, loss, args.step)
        result.update(
            lr=args.step,
            loss_before=step.loss_before,
            loss_after=step.loss_after,
            probability_before=float(step.probabilities_before[label]),
            probability_after=float(step.probabilities_after[label]),
        )
    cancel = threading.Event()
    # from before the table is printed, so that a Ctrl-C as soon as it shows cancels cleanly
    with Interrupts(cancel.set) if args.numerical else contextlib.nullcontext():
        if not args.json:
            _print_trace(result, stages, step)
        if args.numerical:
            return _numerical(args, network, x, label, loss, result, cancel)
    if args.json:
        emit_json(result)
    return EXIT_OK


def _numerical(
    args: argparse.Namespace,
    network: Network,
    x: np.ndarray,
    label: int,
    loss: Loss,
    result: dict,
    cancel: threading.Event,
) -> int:
    """--numerical: central differences for every parameter, reported after the trace."""
    progress = _Progress(sys.stderr)
    try:
        # one BLAS thread, as training and evaluation use: the products are small, and on a busy
        # 2-core machine two threads made it 2 to 10 times slower (0.05 s with one)
        with threadpool_limits(1):
            numerical = numerical_gradient(
                network, x, label, loss, progress=progress.update, cancel=cancel
            )
    except Cancelled as exc:
        progress.clear()
        print(
            f"nnviz: numerical gradient cancelled after {exc.done:,} of {exc.total:,} parameters",
            file=sys.stderr,
        )
        if args.json:
            emit_json({**result, "numerical_cancelled": True})
        return EXIT_CANCELLED
    progress.clear()
    result.update(
        numerical_seconds=numerical.seconds,
        backprop_seconds=numerical.backprop_seconds,
        max_rel_diff=numerical.max_rel_diff,
        rel_diff=numerical.rel_diff,
        numerical_parameters=numerical.parameters,
        numerical_step=numerical.step,
    )
    if args.json:
        emit_json(result)
    else:
        _print_numerical(numerical)
    return EXIT_OK


def _print_trace(result: dict, stages: list[StageSummary], step: LearningStep | None) -> None:
    label = result["label"]
    print(
        f"{result['model']}: {result['dataset']} test digit {result['sample']} "
        f"(label {label}), predicted {result['predicted']}, y{label} = "
        f"{result['true_probability']:.4f}"
    )
    print(f"loss: {result['loss_function']}, E = {result['loss']:.6g}")
    name_w = max(len("stage"), *(len(s.name) for s in stages))
    formula_w = max(len("formula"), *(len(s.formula) for s in stages))
    shape_w = max(len("shape"), *(len(_shape(s.shape)) for s in stages))
    print(
        f"{'stage':<{name_w}}  {'formula':<{formula_w}}  {'shape':<{shape_w}}  "
        f"{'norm':>11}  {'sum':>11}  {'max |v|':>11}"
    )
    for s in stages:
        print(
            f"{s.name:<{name_w}}  {s.formula:<{formula_w}}  {_shape(s.shape):<{shape_w}}  "
            f"{s.norm:>11.4g}  {s.sum:>11.4g}  {s.max_abs:>11.4g}"
        )
    if step is not None:
        print(
            f"one step, lr {step.lr:g}: E {step.loss_before:.6g} -> {step.loss_after:.6g}, "
            f"y{label} {step.probabilities_before[label]:.4f} -> "
            f"{step.probabilities_after[label]:.4f}"
        )
    sys.stdout.flush()


def _shape(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(map(str, shape)) + ("," if len(shape) == 1 else "") + ")"


def _print_numerical(numerical: NumericalGradient) -> None:
    worst = max(numerical.rel_diff, key=numerical.rel_diff.get)
    ratio = numerical.seconds / max(numerical.backprop_seconds, 1e-9)
    print(
        f"numerical gradient, (E(w + h) - E(w - h)) / 2h with h = {numerical.step:g}: "
        f"{numerical.parameters:,} parameters ({numerical.evaluations:,} losses) in "
        f"{numerical.seconds:.3f} s"
    )
    print(
        f"backpropagation, the same gradient: {numerical.backprop_seconds * 1000:.3f} ms "
        f"({ratio:,.0f} times faster)"
    )
    per_array = ", ".join(f"{k} {v:.1e}" for k, v in numerical.rel_diff.items())
    print(
        f"largest relative difference: {numerical.max_rel_diff:.2e} ({worst}); "
        f"per parameter: {per_array}"
    )
