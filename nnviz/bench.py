"""``nnviz bench``: training samples/s and test-set evaluation time on the bundled MNIST.

Figures come from the same ``train`` generator the window and ``nnviz train`` use, with one BLAS
thread (as they do). Beside them, the GEMM-only bound: one training step's matrix products alone,
at the real shapes, and the share of it the trainer reaches. ``--gui`` measures the window while
it trains (nnviz.gui.gui_bench).
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
# the trainer and the GEMM bound measured alternately this many times (medians), so that a busy
# machine slows both alike
_GEMM_ROUNDS = 5
# the row the GEMM bound is computed for: 784-50-100-10 ReLU, SGD, batch 100
_GEMM_CONFIG = TrainingConfig(
    hidden=(50, 100), activation="relu", init="he", optimizer="sgd", lr=0.1, epochs=100
)


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


def measure_gemm_bound(
    sizes: tuple[int, ...], batch: int, samples: int, rng: np.random.Generator
) -> float:
    """Samples per second of one training step's matrix products alone (float32, at the real
    shapes): forward x·W1, z1·W2, ..., backward z_{l-1}ᵀ·δ_l for every layer and δ_l·W_lᵀ for
    every layer but the first (the input needs no gradient). Nothing else of the step (biases,
    activations, softmax, the update) is done: no trainer can beat this figure."""
    f32 = np.float32
    weights = [
        rng.standard_normal((n_in, n_out), dtype=f32) / f32(np.sqrt(n_in))
        for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True)
    ]
    x = rng.random((batch, sizes[0]), dtype=f32)
    outs = [np.empty((batch, n), f32) for n in sizes[1:]]  # a_l (stands for z_l as well)
    deltas = [rng.standard_normal((batch, n), dtype=f32) for n in sizes[1:]]  # δ_l = dE/da_l
    grads = [np.empty_like(w) for w in weights]
    d_inputs = [np.empty((batch, n), f32) for n in sizes[1:-1]]  # δ_l·W_lᵀ for l = 2..L
    inputs = [x, *outs[:-1]]

    def step() -> None:
        for w, inp, out in zip(weights, inputs, outs, strict=True):
            np.matmul(inp, w, out=out)
        for l in range(len(weights) - 1, -1, -1):
            np.matmul(inputs[l].T, deltas[l], out=grads[l])
            if l > 0:
                np.matmul(deltas[l], weights[l].T, out=d_inputs[l - 1])

    step()  # warm-up: first-call costs are not the bound's
    steps = max(samples // batch, 2)
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    return steps * batch / (time.perf_counter() - t0)


def measure_gemm_share(dataset: Dataset, samples: int) -> tuple[float, float]:
    """(trainer samples/s, GEMM-bound samples/s) for _GEMM_CONFIG, medians of interleaved runs
    of the same number of samples."""
    rng = np.random.default_rng(0)
    sizes = _GEMM_CONFIG.sizes(dataset.input_size, dataset.num_classes)
    trainer, bound = [], []
    for _ in range(_GEMM_ROUNDS):
        trainer.append(measure_training(_GEMM_CONFIG, dataset, samples))
        bound.append(measure_gemm_bound(sizes, _GEMM_CONFIG.batch_size, samples, rng))
    return statistics.median(trainer), statistics.median(bound)


# the coach's options against plain training: (label, config changes, diagnostics on)
FEATURES = (
    ("plain", {}, False),
    ("diagnostics", {}, True),
    ("validation 10%", {"validation": 0.1}, False),
    ("augmentation", {"augment": True}, False),
    ("L2 + dropout", {"l2": 1e-4, "dropout": 0.2}, False),
)
_FEATURE_ROUNDS = 5  # each option's epoch measured this many times, interleaved (medians)


def measure_epoch(config: TrainingConfig, dataset: Dataset, diagnostics: bool) -> float:
    """Samples per second of one whole epoch, its evaluation included (the diagnostics and the
    validation split cost their time there, not in the batches)."""
    end = None
    for event in train(config, dataset, diagnostics=diagnostics):
        if isinstance(event, ev.TrainingStarted):
            trained = event.train_size
        elif isinstance(event, ev.TrainingEnded):
            end = event
    return trained / end.elapsed if end and end.elapsed > 0 else 0.0


def measure_features(dataset: Dataset) -> list[dict]:
    """One epoch of the book's network (sigmoid, SGD, batch 100, one evaluation) with each of
    FEATURES, as samples/s and as a share of plain training; medians of interleaved rounds."""
    base = TrainingConfig(epochs=1)
    rates: dict[str, list[float]] = {label: [] for label, _, _ in FEATURES}
    measure_epoch(base, dataset, False)  # warm-up: caches, page faults, the CPU's clock
    for _ in range(_FEATURE_ROUNDS):
        for label, changes, diagnostics in FEATURES:
            rates[label].append(measure_epoch(base.with_(**changes), dataset, diagnostics))
    plain = statistics.median(rates["plain"])
    return [
        {
            "option": label,
            "samples_per_s": round(statistics.median(rates[label]), 1),
            "share_of_plain": round(statistics.median(rates[label]) / plain, 3) if plain else 0.0,
        }
        for label, _, _ in FEATURES
    ]


def measure_diagnostics_cost(dataset: Dataset) -> dict[str, float]:
    """Median milliseconds to evaluate the 10,000-digit training slice without and with the
    unit counts of the diagnostics (inactive and saturated units; everything else they show
    is computed by the step anyway), interleaved; the sigmoid network (its saturation is
    counted too)."""
    network = TrainingConfig().make_network()
    x = dataset.train.images[:10_000].astype(np.float32) / np.float32(255)
    labels = dataset.train.labels[:10_000]
    times: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(_EVAL_REPEATS):
        for diagnose in (False, True):
            t0 = time.perf_counter()
            evaluate(network, x, labels, diagnose=diagnose)
            times[diagnose].append(time.perf_counter() - t0)
    return {
        "plain_ms": statistics.median(times[False]) * 1000,
        "diagnose_ms": statistics.median(times[True]) * 1000,
    }


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


_LAB_CHANGES = (10.0, 30.0, 50.0, 70.0, 90.0)  # prune percentages of the lab's timed changes
_MAP_DIGITS = (2000, 3000)  # the Map tab's count, and the t-SNE figure


def run_probes_bench(args: argparse.Namespace) -> int:
    """``nnviz bench --probes``: the Probes panel's work on the bundled model, one thread each
    (as in the window): every corruption's 10-strength curve over the 10,000 test images, the
    PCA map, the t-SNE map of 3,000 digits, and a lab change with its test accuracy."""
    from nnviz.core.corruptions import corruption_names
    from nnviz.core.hidden_map import layer_activations, pca_map, tsne_map
    from nnviz.core.lab import LabChanges
    from nnviz.core.model_io import load_model
    from nnviz.core.probes import robustness_curve
    from nnviz.paths import resource_path

    dataset = load_dataset("mnist")
    test = dataset.test
    network = load_model(resource_path("models", "default.npz")).network
    say = (lambda *a: None) if args.json else print
    result: dict = {"robustness_curve_s": {}}
    with threadpool_limits(1):
        for kind in corruption_names():
            t0 = time.perf_counter()
            curve = robustness_curve(network, test.images, test.labels, kind)
            seconds = time.perf_counter() - t0
            result["robustness_curve_s"][kind] = round(seconds, 3)
            say(
                f"robustness curve, {kind:8s} 10 strengths x {len(test):,} images: {seconds:.2f} s "
                f"(accuracy {curve.accuracies[0]:.1%} -> {curve.accuracies[-1]:.1%})"
            )
        for n in _MAP_DIGITS:
            t0 = time.perf_counter()
            values = layer_activations(network, test.images[:n], network.num_layers - 1)
            pca_map(values)
            ms = (time.perf_counter() - t0) * 1000
            result[f"pca_map_{n}_ms"] = round(ms, 1)
            say(f"PCA map of hidden layer {network.num_layers - 1}, {n:,} digits: {ms:.0f} ms")
        n = _MAP_DIGITS[-1]
        t0 = time.perf_counter()
        tsne_map(layer_activations(network, test.images[:n], network.num_layers - 1))
        result[f"tsne_map_{n}_s"] = round(time.perf_counter() - t0, 2)
        say(f"t-SNE map of {n:,} digits: {result[f'tsne_map_{n}_s']:.1f} s")
        floats = test.floats(slice(None))
        times = []
        for percent in _LAB_CHANGES:
            t0 = time.perf_counter()
            changed = LabChanges(prune_percent=percent, noise=0.2).apply(network)
            evaluate(changed, floats, test.labels)
            times.append((time.perf_counter() - t0) * 1000)
        result["lab_change_ms"] = round(statistics.median(times), 1)
        say(
            f"lab: a change (prune + weight noise) and its test accuracy: "
            f"{result['lab_change_ms']:.0f} ms (median of {len(times)})"
        )
    if args.json:
        emit_json(result)
    return EXIT_OK


def run_bench(args: argparse.Namespace) -> int:
    if args.probes:
        return run_probes_bench(args)
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
        gemm_trainer, gemm_bound = measure_gemm_share(dataset, samples)
        say(
            f"GEMM-only bound, 784-50-100-10 relu sgd batch 100 (the step's 8 matrix products, "
            f"float32): {gemm_bound:,.0f} samples/s; the trainer reaches {gemm_trainer:,.0f}, "
            f"{gemm_trainer / gemm_bound:.0%} of it (medians of {_GEMM_ROUNDS} interleaved runs)"
        )
        adam = measure_adam_epochs(dataset)
        say(
            "Adam, 784-50-100-10 relu, batch 100, samples/s per epoch: "
            + ", ".join(f"{r:,.0f}" for r in adam)
        )
        features = measure_features(dataset)
        diag = measure_diagnostics_cost(dataset)
        plain_epoch_ms = 1000 * 60_000 / max(features[0]["samples_per_s"], 1.0)
        extra = diag["diagnose_ms"] - diag["plain_ms"]
        say(
            "one epoch of 784-50-100-10 sigmoid, sgd, batch 100, its evaluation included "
            f"(medians of {_FEATURE_ROUNDS} interleaved rounds):"
        )
        for row in features:
            say(
                f"  {row['option']:16s} {row['samples_per_s']:11,.0f} samples/s  "
                f"{row['share_of_plain']:6.1%} of plain"
            )
        say(
            "diagnostics at an evaluation (inactive and saturated units over the 10,000-digit "
            f"training slice): {diag['plain_ms']:.1f} ms without, {diag['diagnose_ms']:.1f} ms "
            f"with: {extra:+.1f} ms, {extra / plain_epoch_ms:+.1%} of a plain epoch"
        )
    result = {
        "training": rows,
        "eval_test_set_ms": round(eval_ms["float32"], 2),
        "eval_test_set_from_uint8_ms": round(eval_ms["uint8"], 2),
        "adam_epoch_samples_per_s": [round(r, 1) for r in adam],
        "options": features,
        "eval_train_slice_ms": round(diag["plain_ms"], 2),
        "eval_train_slice_diagnostics_ms": round(diag["diagnose_ms"], 2),
        "diagnostics_share_of_epoch": round(extra / plain_epoch_ms, 4),
        "gemm_bound_samples_per_s": round(gemm_bound, 1),
        "gemm_trainer_samples_per_s": round(gemm_trainer, 1),
        "trainer_share": round(gemm_trainer / gemm_bound, 3),
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
