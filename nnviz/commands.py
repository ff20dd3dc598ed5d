"""``nnviz train`` and ``nnviz eval``: the core driven from a terminal."""

from __future__ import annotations

import argparse
import resource
import sys
import time

from threadpoolctl import threadpool_limits

from nnviz.cli_support import (
    EXIT_FAILED,
    EXIT_OK,
    Interrupts,
    config_from_args,
    emit_json,
    fmt_duration,
)
from nnviz.core import events as ev
from nnviz.core.datasets import load_dataset
from nnviz.core.errors import ModelFileError
from nnviz.core.metrics import evaluate
from nnviz.core.model_io import load_model, save_model
from nnviz.core.training import TrainingControl, train

_PROGRESS_INTERVAL = 0.1  # seconds between redraws of the terminal progress bar
_BAR_WIDTH = 24


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


class _ProgressBar:
    """One self-overwriting line on stderr: epoch, a bar, samples/s and time left."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self._last = 0.0

    def update(self, event: ev.BatchFinished, epochs: int) -> None:
        now = time.perf_counter()
        if not self.enabled or (
            now - self._last < _PROGRESS_INTERVAL and event.step < event.total_steps
        ):
            return
        self._last = now
        done = event.step / event.total_steps
        filled = int(done * _BAR_WIDTH)
        left = event.elapsed * (1 - done) / done if done > 0 else 0.0
        bar = "#" * filled + "-" * (_BAR_WIDTH - filled)
        self.stream.write(
            f"\repoch {min(int(event.epoch) + 1, epochs)}/{epochs} [{bar}] {done:6.1%}  "
            f"loss {event.loss:.4f}  {event.samples_per_s:,.0f} samples/s  "
            f"{fmt_duration(left)} left "
        )
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()


def run_train(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    dataset = load_dataset(config.dataset)
    dataset.load()
    control = TrainingControl()
    bar = _ProgressBar(sys.stderr)
    network = config.make_network(dataset.input_size, dataset.num_classes)
    last_eval: ev.Evaluated | None = None
    end: ev.TrainingEnded | None = None
    samples_per_s = 0.0
    if not args.json:
        print(
            f"training {network!r} on {dataset.name}: {config.optimizer} lr={config.lr:g}, "
            f"batch {config.batch_size}, {config.epochs} epochs, {config.loss}"
        )
    # one BLAS thread: as fast as two at these sizes, and unaffected by a busy second core
    with threadpool_limits(1), Interrupts(control.stop):
        for event in train(config, dataset, control, network):
            if isinstance(event, ev.BatchFinished):
                samples_per_s = event.samples_per_s
                if not args.json:
                    bar.update(event, config.epochs)
            elif isinstance(event, ev.Evaluated):
                last_eval = event
                record = {
                    "event": "epoch",
                    "epoch": round(event.epoch, 3),
                    "step": event.step,
                    "train_accuracy": event.train_accuracy,
                    "test_accuracy": event.test_accuracy,
                    "test_loss": event.test_loss(config.loss),
                    "test_cross_entropy": event.test_cross_entropy,
                    "test_mse": event.test_mse,
                    "seconds": round(event.elapsed, 3),
                }
                if args.json:
                    emit_json(record)
                else:
                    bar.clear()
                    print(
                        f"epoch {event.epoch:5.2f}  test accuracy {event.test_accuracy:7.2%}  "
                        f"test loss {record['test_loss']:.4f}  train accuracy "
                        f"{event.train_accuracy:7.2%}  ({event.elapsed:.1f} s)"
                    )
            elif isinstance(event, ev.TrainingEnded):
                end = event
    bar.clear()
    assert end is not None
    if last_eval is None or last_eval.step != end.step:
        final = evaluate(network, dataset.test.images, dataset.test.labels)
        test_acc, test_ce, test_mse = final.accuracy, final.cross_entropy, final.mse
    else:
        test_acc, test_ce = last_eval.test_accuracy, last_eval.test_cross_entropy
        test_mse = last_eval.test_mse
    test_loss = test_mse if config.loss == "mse" else test_ce
    summary = {
        "event": "summary",
        "status": end.status,
        "message": end.message,
        "test_accuracy": test_acc,
        "test_loss": test_loss,
        "test_cross_entropy": test_ce,
        "test_mse": test_mse,
        "samples_per_s": round(samples_per_s, 1),
        "seconds": round(end.elapsed, 3),
        "epochs": round(end.epoch, 3),
        "steps": end.step,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "config": config.to_dict(),
    }
    if args.save:
        meta = {
            "loss": config.loss,
            "dataset": dataset.name,
            "config": config.to_dict(),
            "metrics": {
                "test_accuracy": test_acc,
                "test_cross_entropy": test_ce,
                "test_mse": test_mse,
                "steps": end.step,
                "status": end.status,
            },
            "saved": time.strftime("%Y-%m-%dT%H:%M:%S"),
        }
        summary["saved"] = str(save_model(args.save, network, meta))
    if args.json:
        emit_json(summary)
    else:
        print(
            f"{end.status}: test accuracy {test_acc:.2%}, test loss {test_loss:.4f}, "
            f"{samples_per_s:,.0f} samples/s, {end.elapsed:.1f} s"
        )
        if args.save:
            print(f"saved {summary['saved']}")
    if isinstance(end, ev.Diverged):
        print(f"nnviz: {end.message}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def run_eval(args: argparse.Namespace) -> int:
    loaded = load_model(args.model, activation=args.activation)
    network = loaded.network
    dataset = load_dataset(args.dataset or loaded.meta.get("dataset") or "mnist")
    test = dataset.test
    if network.sizes[0] != test.images.shape[1] or network.sizes[-1] != dataset.num_classes:
        raise ModelFileError(
            f"{args.model}: a {network.sizes[0]}-input, {network.sizes[-1]}-class model does not "
            f"fit {dataset.name} ({test.images.shape[1]} inputs, {dataset.num_classes} classes)"
        )
    t0 = time.perf_counter()
    with threadpool_limits(1):
        result = evaluate(network, test.images, test.labels)
    seconds = time.perf_counter() - t0
    per_class = result.per_class_accuracy()
    if args.json:
        emit_json(
            {
                "model": str(args.model),
                "dataset": dataset.name,
                "layer_sizes": list(network.sizes),
                "activation": network.activation.name,
                "test_accuracy": result.accuracy,
                "test_cross_entropy": result.cross_entropy,
                "test_mse": result.mse,
                "seconds": round(seconds, 4),
                "per_class_accuracy": {
                    n: float(a) for n, a in zip(dataset.class_names, per_class, strict=True)
                },
                "confusion": result.confusion.tolist(),
            }
        )
        return EXIT_OK
    names = dataset.class_names
    print(f"{args.model}: {network!r} on {dataset.name} test set ({len(test)} images)")
    print(f"accuracy       {result.accuracy:.2%}")
    print(f"cross-entropy  {result.cross_entropy:.4f}")
    print(f"mse            {result.mse:.4f}")
    print("per-class accuracy:")
    for name, acc, total in zip(names, per_class, result.confusion.sum(axis=1), strict=True):
        print(f"  {name:>12}  {acc:7.2%}  ({total} images)")
    width = max(5, len(str(result.confusion.max())) + 1)
    print("confusion matrix (rows: true class, columns: predicted):")
    print(" " * 5 + "".join(f"{i:>{width}}" for i in range(len(names))))
    for i, row in enumerate(result.confusion):
        print(f"{i:>4} " + "".join(f"{v:>{width}}" for v in row))
    return EXIT_OK
