"""``nnviz bench``: training samples/s and test-set evaluation time on the bundled MNIST.

Figures come from the same ``train`` generator the window and ``nnviz train`` use, with one BLAS
thread (as they do). ``--gui`` measures the window while it trains (nnviz.gui.gui_bench).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

from nnviz.cli_support import EXIT_OK, emit_json
from nnviz.core import events as ev
from nnviz.core.datasets import Dataset, load_dataset
from nnviz.core.metrics import evaluate
from nnviz.core.training import TrainingConfig, TrainingControl, train

# (label, hidden sizes, activation, initialisation)
NETWORKS = (
    ("784-50-100-10 sigmoid", (50, 100), "sigmoid", "xavier"),
    ("784-50-100-10 relu", (50, 100), "relu", "he"),
    ("784-100-10 relu", (100,), "relu", "he"),
    ("784-256-128-10 relu", (256, 128), "relu", "he"),
)
OPTIMIZERS = (("sgd", 0.1), ("adam", 0.001))
BATCH_SIZES = (32, 100, 256)
_EVAL_REPEATS = 7  # the median of this many full test-set evaluations


def measure_training(config: TrainingConfig, dataset: Dataset, samples: int) -> float:
    """Samples per second over the first ``samples`` training samples (batches only)."""
    control = TrainingControl()
    steps = max(samples // config.batch_size, 2)
    rate = 0.0
    for event in train(config, dataset, control):
        if isinstance(event, ev.BatchFinished):
            rate = event.samples_per_s
            if event.step >= steps:
                control.stop()
    return rate


def measure_adam_epochs(dataset: Dataset, epochs: int = 3) -> list[float]:
    """Samples/s of each epoch of a longer Adam run: later epochs must not slow down (the
    subnormal floats in Adam's first moment are flushed)."""
    config = TrainingConfig(activation="relu", init="he", optimizer="adam", lr=0.001, epochs=epochs)
    rates, last_time, last_step = [], 0.0, 0
    batch_time = 0.0
    for event in train(config, dataset):
        if isinstance(event, ev.BatchFinished):
            batch_time = event.step * config.batch_size / event.samples_per_s
            if event.step % (len(dataset.train) // config.batch_size) == 0:
                done = event.step - last_step
                rates.append(done * config.batch_size / (batch_time - last_time))
                last_time, last_step = batch_time, event.step
    return rates


def measure_evaluation(dataset: Dataset, hidden=(50, 100)) -> dict[str, float]:
    """Median milliseconds to evaluate the full test set (both losses, accuracy, confusion):
    from the float32 images the trainer scales once per run, and from the raw uint8 file data."""
    network = TrainingConfig(hidden=hidden).make_network()
    test = dataset.test
    inputs = {"float32": test.images.astype(np.float32) / np.float32(255), "uint8": test.images}
    result = {}
    for name, images in inputs.items():
        times = []
        for _ in range(_EVAL_REPEATS):
            t0 = time.perf_counter()
            evaluate(network, images, test.labels)
            times.append(time.perf_counter() - t0)
        result[name] = statistics.median(times) * 1000
    return result


def run_bench(args: argparse.Namespace) -> int:
    if args.gui:
        from nnviz.gui.gui_bench import run_gui_bench

        result = run_gui_bench()
        if args.json:
            emit_json(result)
        else:
            for key, value in result.items():
                print(f"{key:24s} {value}")
        return EXIT_OK
    dataset = load_dataset("mnist")
    dataset.load()
    samples = max(int(args.samples), 1000)
    rows = []
    say = (lambda *a: None) if args.json else print
    blas = threadpool_info()
    say(
        f"nnviz bench: {samples} training samples per row, 1 BLAS thread, "
        f"{os.cpu_count()} cores, numpy {np.__version__}"
    )
    say(f"{'network':24s} {'optimizer':9s} {'batch':>5s} {'samples/s':>11s}")
    with threadpool_limits(1):
        for label, hidden, act, init in NETWORKS:
            for opt, lr in OPTIMIZERS:
                for batch in BATCH_SIZES:
                    config = TrainingConfig(
                        hidden=hidden,
                        activation=act,
                        init=init,
                        optimizer=opt,
                        lr=lr,
                        batch_size=batch,
                        epochs=100,
                    )
                    rate = measure_training(config, dataset, samples)
                    rows.append(
                        {
                            "network": label,
                            "optimizer": opt,
                            "batch_size": batch,
                            "samples_per_s": round(rate, 1),
                        }
                    )
                    say(f"{label:24s} {opt:9s} {batch:5d} {rate:11,.0f}")
        eval_ms = measure_evaluation(dataset)
        say(
            "full test-set evaluation (10,000 images, 784-50-100-10): "
            f"{eval_ms['float32']:.1f} ms ({eval_ms['uint8']:.1f} ms from the uint8 pixels)"
        )
        adam = measure_adam_epochs(dataset)
        say(
            "Adam, 784-50-100-10 relu, batch 100, samples/s per epoch: "
            + ", ".join(f"{r:,.0f}" for r in adam)
        )
    result = {
        "training": rows,
        "eval_test_set_ms": round(eval_ms["float32"], 2),
        "eval_test_set_from_uint8_ms": round(eval_ms["uint8"], 2),
        "adam_epoch_samples_per_s": [round(r, 1) for r in adam],
        "machine": {
            "cores": os.cpu_count(),
            "python": platform.python_version(),
            "numpy": np.__version__,
            "blas": [{k: b.get(k) for k in ("internal_api", "version")} for b in blas],
        },
    }
    if args.json:
        emit_json(result)
    sys.stdout.flush()
    return EXIT_OK
