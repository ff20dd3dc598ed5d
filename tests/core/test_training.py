"""Training: the event stream, determinism, stop / pause / single-step, snapshots, divergence,
configuration checks, and one real MNIST epoch."""

from __future__ import annotations

import math
import queue
import re
import struct
import threading
import time
from dataclasses import FrozenInstanceError
from pathlib import Path

import numpy as np
import pytest

from nnviz.core import events as ev
from nnviz.core import training
from nnviz.core.activations import ACTIVATION_PARAMS
from nnviz.core.datasets import Dataset, Split
from nnviz.core.errors import ConfigError
from nnviz.core.metrics import evaluate
from nnviz.core.network import Network
from nnviz.core.optimizers import get_optimizer
from nnviz.core.training import PRESETS, TrainingConfig, TrainingControl, train

_TIMEOUT = 30.0  # seconds a threaded test waits for the next event before it fails
SMALL = {"hidden": (12, 8), "batch_size": 20, "epochs": 2, "lr": 0.5}


def _make_dataset(n_train: int = 400, n_test: int = 100, seed: int = 0) -> Dataset:
    """A learnable 4x4 ten-class dataset: noisy copies of one random prototype per class."""
    rng = np.random.default_rng(seed)
    prototypes = rng.integers(0, 256, (10, 16))

    def split(n: int) -> Split:
        labels = rng.integers(0, 10, n).astype(np.uint8)
        noisy = prototypes[labels] + rng.normal(0, 25, (n, 16))
        return Split(np.clip(noisy, 0, 255).astype(np.uint8), labels)

    ds = Dataset("tiny", Path("/nonexistent/tiny"), tuple("0123456789"))
    ds.train, ds.test = split(n_train), split(n_test)  # fills the lazily loaded splits
    return ds


@pytest.fixture(scope="module")
def tiny() -> Dataset:
    return _make_dataset()


def _config(**changes) -> TrainingConfig:
    return TrainingConfig(**{**SMALL, **changes})


def _losses(events) -> list[float]:
    return [e.loss for e in events if isinstance(e, ev.BatchFinished)]


# ---------------------------------------------------------------------- the event stream
def test_event_stream_of_a_full_run(tiny):
    network = _config().make_network(16, 10)
    events = list(train(_config(), tiny, network=network))
    started, batches = events[0], [e for e in events if isinstance(e, ev.BatchFinished)]
    evaluations = [e for e in events if isinstance(e, ev.Evaluated)]
    assert isinstance(started, ev.TrainingStarted)
    assert (started.steps_per_epoch, started.total_steps) == (20, 40)
    assert (started.train_size, started.test_size) == (400, 100)
    assert [b.step for b in batches] == list(range(1, 41))
    assert [b.epoch for b in batches][19] == 1.0 and batches[-1].epoch == 2.0
    assert all(b.total_steps == 40 and 0 <= b.accuracy <= 1 for b in batches)
    assert all(math.isfinite(b.loss) and b.samples_per_s > 0 for b in batches)
    assert [e.step for e in evaluations] == [20, 40] and all(e.epoch_end for e in evaluations)
    assert events.count(evaluations[0]) == 1 and events.index(evaluations[0]) == 21
    end = events[-1]
    assert isinstance(end, ev.Finished) and end.status == "finished" and end.step == 40
    assert sum(isinstance(e, ev.TrainingEnded) for e in events) == 1
    for name, value in end.params.items():  # the network was trained in place; the end is a copy
        assert np.array_equal(value, network.params[name])
        assert not np.shares_memory(value, network.params[name])
    elapsed = [e.elapsed for e in events]
    assert elapsed == sorted(elapsed)


def test_training_learns_the_tiny_dataset(tiny):
    config = _config(epochs=10, activation="relu", init="he", optimizer="adam", lr=0.02)
    events = list(train(config, tiny))
    losses = _losses(events)
    assert np.mean(losses[-10:]) < 0.5 * np.mean(losses[:10])
    assert [e for e in events if isinstance(e, ev.Evaluated)][
        -1
    ].test_accuracy > 0.6  # chance is 0.1


def test_evaluations_report_what_evaluate_computes(tiny):
    network = _config().make_network(16, 10)
    events = list(train(_config(evals_per_epoch=4), tiny, network=network))
    evaluations = [e for e in events if isinstance(e, ev.Evaluated)]
    assert [e.step for e in evaluations] == [5, 10, 15, 20, 25, 30, 35, 40]
    assert [e.epoch_end for e in evaluations] == [False, False, False, True] * 2
    final = evaluations[-1]
    expected = evaluate(network, tiny.test.images, tiny.test.labels)
    assert final.test_accuracy == expected.accuracy
    assert final.test_cross_entropy == pytest.approx(expected.cross_entropy)
    assert final.test_mse == pytest.approx(expected.mse)
    assert np.array_equal(final.confusion, expected.confusion)
    assert final.confusion.sum() == 100 and final.test_predictions.shape == (100,)
    train_eval = evaluate(network, tiny.train.images, tiny.train.labels)
    assert final.train_accuracy == train_eval.accuracy
    assert final.train_cross_entropy == pytest.approx(train_eval.cross_entropy)
    assert final.train_mse == pytest.approx(train_eval.mse)
    assert [e.epoch for e in evaluations] == [e.step / 20 for e in evaluations]
    assert final.test_loss("mse") == final.test_mse
    assert final.test_loss("cross-entropy") == final.test_cross_entropy


def test_a_network_that_does_not_fit_the_dataset_is_refused(tiny):
    with pytest.raises(ConfigError, match="does not fit"):
        next(train(_config(), tiny, network=Network((784, 10, 10))))


# ---------------------------------------------------------------------- determinism
@pytest.mark.parametrize(
    "changes",
    [{}, {"activation": "relu", "optimizer": "adam", "lr": 0.01, "init": "he"},
     {"activation": "maxout", "optimizer": "momentum", "lr": 0.05, "loss": "mse"},
     {"optimizer": "adagrad", "lr": 0.1, "lr_schedule": "cosine"}],
    ids=["sgd-sigmoid", "adam-relu", "momentum-maxout-mse", "adagrad-cosine"],
)  # fmt: skip
def test_same_seed_same_loss_sequence(tiny, changes):
    config = _config(**changes)
    first, second = list(train(config, tiny)), list(train(config, tiny))
    assert _losses(first) == _losses(second)
    assert len(_losses(first)) == 40
    for name, value in first[-1].params.items():
        assert np.array_equal(value, second[-1].params[name])
    other = _losses(train(config.with_(seed=1), tiny))
    assert other != _losses(first)


# ---------------------------------------------------------------------- stop
@pytest.mark.parametrize("k", [1, 7, 20])
def test_stop_from_within_the_loop_ends_after_k_batches(tiny, k):
    control = TrainingControl()
    events = []
    for event in train(_config(), tiny, control):
        events.append(event)
        if isinstance(event, ev.BatchFinished) and event.step == k:
            control.stop()
    batches = [e for e in events if isinstance(e, ev.BatchFinished)]
    assert [b.step for b in batches] == list(range(1, k + 1))
    end = events[-1]
    assert isinstance(end, ev.Stopped) and end.step == k and end.status == "stopped"
    assert all(np.all(np.isfinite(v)) for v in end.params.values())
    assert control.stop_requested


def test_stop_before_the_first_batch(tiny):
    control = TrainingControl()
    control.stop()
    events = list(train(_config(), tiny, control))
    assert [type(e) for e in events] == [ev.TrainingStarted, ev.Stopped]
    assert events[-1].step == 0


# ---------------------------------------------------------------------- pause and single step
class _Runner:
    """Runs train() in a thread and hands its events over a queue."""

    def __init__(self, *args, **kwargs) -> None:
        self.events: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._run, args=args, kwargs=kwargs, daemon=True)
        self.thread.start()

    def _run(self, *args, **kwargs) -> None:
        try:
            for event in train(*args, **kwargs):
                self.events.put(event)
        except BaseException as exc:  # handed to the test thread
            self.events.put(exc)

    def until(self, kind: type) -> list:
        """Events up to and including the next one of ``kind``."""
        got = []
        while True:
            event = self.events.get(timeout=_TIMEOUT)
            if isinstance(event, BaseException):
                raise event
            got.append(event)
            if isinstance(event, kind):
                return got
            assert not isinstance(event, ev.TrainingEnded), f"ended while waiting for {kind}"

    def join(self) -> None:
        self.thread.join(_TIMEOUT)
        assert not self.thread.is_alive()


def _batches(events) -> list[int]:
    return [e.step for e in events if isinstance(e, ev.BatchFinished)]


def test_pause_then_single_steps_then_resume(tiny):
    control = TrainingControl()
    control.pause()
    runner = _Runner(_config(), tiny, control)
    first = runner.until(ev.Paused)
    assert isinstance(first[0], ev.TrainingStarted) and _batches(first) == []
    assert control.paused
    for expected_step in (1, 2, 3):
        control.step()
        between = runner.until(ev.Paused)  # exactly one batch, then paused again
        assert _batches(between) == [expected_step]
        assert between[-1].step == expected_step
    control.step(2)
    assert _batches(runner.until(ev.Paused)) == [4, 5]
    control.resume()
    assert not control.paused
    rest = runner.until(ev.TrainingEnded)
    assert _batches(rest) == list(range(6, 41))
    assert isinstance(rest[-1], ev.Finished)
    assert not any(isinstance(e, ev.Paused) for e in rest)
    runner.join()


def test_stop_while_paused(tiny):
    control = TrainingControl()
    control.pause()  # before the start: the tiny run would finish before a later pause
    runner = _Runner(_config(), tiny, control)
    runner.until(ev.Paused)
    control.stop()
    end = runner.until(ev.TrainingEnded)[-1]
    assert isinstance(end, ev.Stopped)
    runner.join()


def test_step_while_running_runs_one_more_batch_then_pauses(tiny):
    control = TrainingControl()
    events = []
    for event in train(_config(), tiny, control):
        events.append(event)
        if isinstance(event, ev.BatchFinished) and event.step == 2:
            control.step()
        if isinstance(event, ev.Paused):
            control.stop()  # without this the next batch would wait for a step or resume
    assert _batches(events) == [1, 2, 3]
    assert [type(e) for e in events[-2:]] == [ev.Paused, ev.Stopped]
    assert events[-1].step == 3


def test_resume_forgets_unused_steps(tiny):
    control = TrainingControl()
    events = []
    for event in train(_config(), tiny, control):
        events.append(event)
        if isinstance(event, ev.BatchFinished) and event.step == 2:
            control.step(3)
            control.resume()  # the three steps were never used: a later pause must hold at once
        if isinstance(event, ev.BatchFinished) and event.step == 5:
            control.pause()
        if isinstance(event, ev.Paused):
            control.stop()
    assert _batches(events) == [1, 2, 3, 4, 5]
    assert [type(e) for e in events[-2:]] == [ev.Paused, ev.Stopped]


# ---------------------------------------------------------------------- snapshots
def test_snapshots_on_request_are_copies(tiny):
    control = TrainingControl()
    network = _config().make_network(16, 10)
    snapshots, kept = [], {}
    for event in train(_config(), tiny, control, network=network):
        if isinstance(event, ev.BatchFinished) and event.step in (1, 30):
            control.request_snapshot()
        if isinstance(event, ev.WeightsSnapshot):
            snapshots.append(event)
            for name, value in event.params.items():
                assert np.array_equal(value, network.params[name])
                assert not np.shares_memory(value, network.params[name])
            kept[event.step] = {k: v.copy() for k, v in event.params.items()}
    assert [s.step for s in snapshots] == [1, 30]
    first = snapshots[0]
    assert sorted(first.params) == sorted(network.param_names())
    for name, value in first.params.items():  # training went on; the snapshot did not change
        assert np.array_equal(value, kept[1][name])
    assert not np.array_equal(first.params["W1"], network.params["W1"])


def test_snapshot_interval_zero_gives_a_snapshot_after_every_batch(tiny):
    events = list(train(_config(epochs=1), tiny, snapshot_interval=0.0))
    assert [e.step for e in events if isinstance(e, ev.WeightsSnapshot)] == list(range(1, 21))


# ---------------------------------------------------------------------- divergence
@pytest.mark.parametrize("optimizer", ["sgd", "momentum"])
def test_an_absurd_learning_rate_diverges_and_keeps_finite_weights(tiny, optimizer):
    config = _config(activation="relu", init="he", lr=1e4, optimizer=optimizer)
    network = config.make_network(16, 10)
    events = list(train(config, tiny, network=network))
    end = events[-1]
    assert isinstance(end, ev.Diverged) and end.status == "diverged"
    assert sum(isinstance(e, ev.TrainingEnded) for e in events) == 1
    assert "learning rate" in end.message and "10000" in end.message
    assert len(_batches(events)) < 40
    for name, value in end.params.items():
        assert np.all(np.isfinite(value)), name
        assert np.array_equal(value, network.params[name])  # the network holds them too
    assert all(math.isfinite(e.loss) for e in events if isinstance(e, ev.BatchFinished))


def test_divergence_restores_the_last_backup_and_says_at_which_batch(tiny, monkeypatch):
    """Weights are backed up every _BACKUP_EVERY steps once their loss was seen to be good; a
    blow-up at the second backup's step restores the first backup, not the initial weights."""
    every = training._BACKUP_EVERY
    blow_up_at = 2 * every

    class BlowsUp:
        def __init__(self, name, lr):
            self.inner, self.lr = get_optimizer(name, lr), lr

        def step(self, params, grads):
            sizes = self.inner.step(params, grads)
            if self.inner.steps == blow_up_at:
                params["W3"][:, 0] += 1e5
            return sizes

    monkeypatch.setattr(training, "get_optimizer", BlowsUp)
    events = list(train(_config(epochs=6), tiny, snapshot_steps=[every]))
    end = events[-1]
    assert isinstance(end, ev.Diverged) and end.step == blow_up_at
    (backup,) = [e for e in events if isinstance(e, ev.WeightsSnapshot)]
    assert all(np.array_equal(end.params[k], backup.params[k]) for k in backup.params)
    assert re.fullmatch(
        rf"training diverged at step {blow_up_at + 1} \(loss [^)]+\); the learning rate 0\.5 is "
        r"too large for sgd\. The last good weights were kept\.",
        end.message,
    )


def test_divergence_restores_weights_that_gave_a_good_loss(tiny, monkeypatch):
    """An update that blows the weights up right before a backup copy must not be 'kept'."""
    blow_up_at = training._BACKUP_EVERY  # the step whose parameters get backed up

    class BlowsUp:
        def __init__(self, name, lr):
            self.inner = get_optimizer(name, lr)
            self.lr = lr

        def step(self, params, grads):
            sizes = self.inner.step(params, grads)
            if self.inner.steps == blow_up_at:
                params["W3"][:, 0] += 1e5  # every sample now says "0" with huge confidence
            return sizes

    monkeypatch.setattr(training, "get_optimizer", BlowsUp)
    config = _config(epochs=3)
    events = list(train(config, tiny))
    end = events[-1]
    assert isinstance(end, ev.Diverged)
    assert _batches(events)[-1] == blow_up_at
    assert np.abs(end.params["W3"]).max() < 100  # the weights from before the blow-up
    net = Network(config.sizes(16, 10), config.make_activation(), params=end.params)
    loss = net.loss_and_gradients(tiny.train.floats(slice(0, 100)), tiny.train.labels[:100])[0]
    assert loss < 10


def test_an_mse_run_that_diverges_is_reported(tiny, monkeypatch):
    class BlowsUp:
        def __init__(self, name, lr):
            self.inner, self.lr = get_optimizer(name, lr), lr

        def step(self, params, grads):
            sizes = self.inner.step(params, grads)
            if self.inner.steps == 3:
                params["W3"][:, 0] += 1e5
            return sizes

    monkeypatch.setattr(training, "get_optimizer", BlowsUp)
    events = list(train(_config(loss="mse"), tiny))
    assert isinstance(events[-1], ev.Diverged)
    assert _batches(events) == [1, 2, 3]


# ---------------------------------------------------------------------- configuration
def test_defaults_are_the_books():
    config = TrainingConfig()
    assert config.hidden == (50, 100) and config.sizes() == (784, 50, 100, 10)
    assert (config.activation, config.loss, config.optimizer) == ("sigmoid", "cross-entropy", "sgd")
    assert config.dataset == "mnist" and config.batch_size == 100
    net = config.make_network()
    assert net.sizes == (784, 50, 100, 10) and net.activation.name == "sigmoid"
    with pytest.raises(FrozenInstanceError):
        config.lr = 0.1  # type: ignore[misc]


def test_config_round_trips_through_a_dict():
    config = TrainingConfig(hidden=[30], activation="maxout", maxout_pieces=3, lr=0.05, seed=4)
    assert config.hidden == (30,)
    data = config.to_dict()
    assert data["hidden"] == [30]
    assert TrainingConfig.from_dict({**data, "unknown_key": 1}) == config
    assert config.make_activation().pieces == 3
    assert config.with_(lr=0.2).lr == 0.2 and config.lr == 0.05


def test_activation_parameters_reach_the_network():
    assert TrainingConfig(activation="leaky-relu", leaky_slope=0.3).make_activation().slope == 0.3
    assert TrainingConfig(activation="elu", elu_alpha=0.5).make_activation().alpha == 0.5


@pytest.mark.parametrize("param", ACTIVATION_PARAMS.values(), ids=lambda p: p.activation)
def test_activation_parameter_fields_default_to_the_registry_and_are_checked_by_it(param):
    assert getattr(TrainingConfig(), param.field) == param.default
    value = param.low + 1 if param.high is None else (param.low + param.high) / 2
    config = TrainingConfig(activation=param.activation, **{param.field: value})
    assert config.make_activation().params() == {param.keyword: value}
    bad = param.low - 1
    with pytest.raises(ConfigError, match=re.escape(param.accepts.lower())):
        TrainingConfig(activation=param.activation, **{param.field: bad})
    TrainingConfig(activation="sigmoid", **{param.field: bad})  # other activations ignore it


def test_presets_are_valid_configs():
    assert {"book", "fast", "best"} <= set(PRESETS)
    assert PRESETS["book"] == TrainingConfig()
    for preset in PRESETS.values():
        assert isinstance(preset, TrainingConfig)


@pytest.mark.parametrize(
    "changes",
    [
        {"lr": -0.1},
        {"lr": 0},
        {"lr": float("nan")},
        {"lr": float("inf")},
        {"lr": "0.1"},
        {"batch_size": 0},
        {"batch_size": -5},
        {"batch_size": 2.5},
        {"batch_size": 60_001},
        {"epochs": 0},
        {"epochs": 1.5},
        {"activation": "swish"},
        {"loss": "hinge"},
        {"optimizer": "lbfgs"},
        {"init": "zeros"},
        {"hidden": (0,)},
        {"hidden": (50, 0)},
        {"hidden": (-3,)},
        {"hidden": (10**6,)},
        {"seed": -1},
        {"seed": 0.5},
        {"evals_per_epoch": 0},
        {"leaky_slope": 2.0, "activation": "leaky-relu"},
        {"elu_alpha": -1.0, "activation": "elu"},
        {"maxout_pieces": 1, "activation": "maxout"},
        {"lr_schedule": "exponential"},
        # values a form field or a JSON file can hold: each a ConfigError, never a ValueError,
        # TypeError or OverflowError from int()
        {"lr": True},
        {"lr": None},
        {"batch_size": float("nan")},
        {"batch_size": float("inf")},
        {"batch_size": None},
        {"batch_size": "100"},
        {"epochs": float("inf")},
        {"seed": float("nan")},
        {"seed": "x"},
        {"evals_per_epoch": float("inf")},
        {"hidden": (float("nan"),)},
        {"hidden": (float("inf"), 10)},
        {"hidden": ("x",)},
        {"hidden": (None,)},
        {"hidden": 50},
        {"hidden": "50,100"},
        {"maxout_pieces": float("nan"), "activation": "maxout"},
        {"maxout_pieces": float("inf"), "activation": "maxout"},
        {"maxout_pieces": None, "activation": "maxout"},
        {"leaky_slope": "0.1", "activation": "leaky-relu"},
        {"elu_alpha": None, "activation": "elu"},
    ],
    ids=str,
)
def test_nonsense_configs_raise_config_error(changes):
    with pytest.raises(ConfigError) as info:
        TrainingConfig(**changes)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"hidden": ("x",)}, "hidden layer sizes must be whole numbers, got ('x',)"),
        ({"hidden": (0,)}, "hidden layer sizes must be between 1 and 4096, got (0,)"),
        ({"hidden": (4097,)}, "hidden layer sizes must be between 1 and 4096, got (4097,)"),
        ({"optimizer": "lbfgs"}, "unknown optimizer 'lbfgs'; choose one of sgd, momentum, "
         "adagrad, adam"),
        ({"lr": 0}, "learning rate must be a positive number, got 0"),
        ({"batch_size": 0}, "batch size must be a whole number from 1 to 60000, got 0"),
        ({"epochs": 1001}, "epochs must be a whole number from 1 to 1000, got 1001"),
        ({"init": "zeros"}, "unknown initialisation 'zeros'; choose one of book, xavier, he"),
        ({"lr_schedule": "exp"}, "unknown learning-rate schedule 'exp'; choose one of constant, "
         "cosine"),
        ({"seed": -1}, "seed must be a non-negative whole number, got -1"),
        ({"evals_per_epoch": 101}, "evaluations per epoch must be from 1 to 100, got 101"),
        ({"activation": "swish"}, "unknown activation 'swish'; choose one of sigmoid, tanh, "
         "relu, leaky-relu, elu, maxout, identity"),
        ({"loss": "hinge"}, "unknown loss 'hinge'; choose one of cross-entropy, mse"),
    ],
    ids=str,
)  # fmt: skip
def test_each_refusal_says_what_would_be_accepted(changes, message):
    """The CLI prints these as they are, and the form shows them under its fields."""
    with pytest.raises(ConfigError) as info:
        TrainingConfig(**changes)
    assert str(info.value) == message


def test_the_ends_of_every_range_are_accepted():
    low = TrainingConfig(hidden=(1,), batch_size=1, epochs=1, evals_per_epoch=1, seed=0)
    high = TrainingConfig(hidden=(4096, 1), batch_size=60_000, epochs=1000, evals_per_epoch=100)
    assert low.hidden == (1,) and high.hidden == (4096, 1)
    assert (high.batch_size, high.epochs, high.evals_per_epoch) == (60_000, 1000, 100)


def test_an_activation_given_with_an_underscore_is_the_hyphenated_one():
    config = TrainingConfig(activation="leaky_relu", leaky_slope=0.2)
    assert config.make_activation().params() == {"slope": 0.2}


def test_make_network_takes_the_data_sizes_and_the_seed():
    config = TrainingConfig(hidden=(7,), seed=3)
    network = config.make_network(12, 5)
    assert network.sizes == (12, 7, 5)
    again, other = config.make_network(12, 5), config.with_(seed=4).make_network(12, 5)
    assert np.array_equal(network.params["W1"], again.params["W1"])
    assert not np.array_equal(network.params["W1"], other.params["W1"])


def test_whole_numbers_may_come_as_floats_or_numpy_numbers():
    config = TrainingConfig(
        hidden=[np.int64(30), 20.0], batch_size=50.0, epochs=np.int32(2), lr=np.float32(0.1)
    )
    assert config.hidden == (30, 20) and all(type(h) is int for h in config.hidden)
    assert config.batch_size == 50 and config.epochs == 2
    assert config.make_network(16, 10).sizes == (16, 30, 20, 10)


# ---------------------------------------------------------------------- real MNIST
def test_one_epoch_of_the_defaults_reaches_90_percent_on_mnist(mnist):
    config = TrainingConfig(epochs=1)
    events = list(train(config, mnist))
    assert isinstance(events[-1], ev.Finished)
    assert events[0].total_steps == 600
    final = [e for e in events if isinstance(e, ev.Evaluated)][-1]
    assert final.epoch_end and final.step == 600
    assert final.test_accuracy >= 0.90
    assert final.test_cross_entropy < 0.4
    assert final.confusion.sum() == 10_000


# ---------------------------------------------------------------------- what a run record needs
def test_every_batch_reports_both_losses_the_rate_and_per_layer_step_sizes(tiny):
    network = _config().make_network(16, 10)
    initial = {k: v.copy() for k, v in network.params.items()}
    config = _config(epochs=1, loss="mse", optimizer="sgd", lr=0.5)
    first = next(e for e in train(config, tiny, network=network) if isinstance(e, ev.BatchFinished))
    # the first batch again, by hand, from the initial weights
    order = np.random.default_rng(config.seed).permutation(len(tiny.train))[:20]
    x, t = tiny.train.floats(order), tiny.train.labels[order]
    fresh = Network(network.sizes, network.activation, params=initial)
    mse, grads, y = fresh.loss_and_gradients(x, t, "mse")
    assert first.loss == pytest.approx(mse, rel=1e-5) and first.mse == first.loss
    assert first.cross_entropy == pytest.approx(-np.log(y[np.arange(20), t]).mean(), rel=1e-5)
    assert first.lr == 0.5
    assert len(first.grad_norms) == len(first.update_ratios) == 3
    for l in (1, 2, 3):
        g = grads[f"W{l}"]
        assert first.grad_norms[l - 1] == pytest.approx(np.linalg.norm(g), rel=1e-4)
        after = initial[f"W{l}"] - 0.5 * g
        ratio = np.linalg.norm(0.5 * g) / np.linalg.norm(after)
        assert first.update_ratios[l - 1] == pytest.approx(ratio, rel=1e-4)


def test_a_cross_entropy_batch_reports_its_mse_and_accuracy_worked_out_by_hand(tiny):
    network = _config().make_network(16, 10)
    initial = {k: v.copy() for k, v in network.params.items()}
    config = _config(epochs=1)
    first = next(e for e in train(config, tiny, network=network) if isinstance(e, ev.BatchFinished))
    order = np.random.default_rng(config.seed).permutation(len(tiny.train))[:20]
    x, t = tiny.train.floats(order), tiny.train.labels[order]
    fresh = Network(network.sizes, network.activation, params=initial)
    ce, _, y = fresh.loss_and_gradients(x, t, "cross-entropy")
    assert first.loss == first.cross_entropy == pytest.approx(ce, rel=1e-5)
    mse = 0.5 * ((y - np.eye(10)[t]) ** 2).sum(axis=1).mean()
    assert first.mse == pytest.approx(mse, rel=1e-5)
    right = (y.argmax(axis=1) == t).sum()
    assert first.batch_accuracy == first.accuracy == right / 20


def test_the_running_accuracy_is_the_epochs_share_of_right_answers_so_far(tiny):
    batches = [e for e in train(_config(), tiny) if isinstance(e, ev.BatchFinished)]
    for epoch in (batches[:20], batches[20:]):  # it starts again with each epoch
        running = np.cumsum([b.batch_accuracy for b in epoch]) / np.arange(1, 21)
        np.testing.assert_allclose([b.accuracy for b in epoch], running, rtol=1e-12)


def test_times_and_speeds_count_the_runs_own_work(tiny):
    """elapsed adds up the batches and evaluations (never more than the wall clock); before the
    first evaluation, samples/s is the samples so far over that time."""
    t0 = time.perf_counter()
    events = list(train(_config(batch_size=10, epochs=1, evals_per_epoch=2), tiny))
    wall = time.perf_counter() - t0
    batches = [e for e in events if isinstance(e, ev.BatchFinished)]
    assert 0 < batches[0].elapsed and events[-1].elapsed <= wall
    for b in batches[:20]:  # the first evaluation comes after step 20
        assert b.samples_per_s == pytest.approx(b.step * 10 / b.elapsed, rel=1e-9)
    after = batches[20:]  # elapsed now holds an evaluation too, which samples/s leaves out
    assert all(b.samples_per_s > b.step * 10 / b.elapsed for b in after)


def test_every_event_says_its_step_epoch_and_time(tiny):
    config = _config(epochs=2)
    events = list(train(config, tiny, snapshot_steps=[0, 7, 40]))
    started = events[0]
    assert (started.step, started.epoch, started.elapsed) == (0, 0.0, 0.0)
    snaps = [e for e in events if isinstance(e, ev.WeightsSnapshot)]
    assert [(s.step, s.epoch) for s in snaps] == [(0, 0.0), (7, 7 / 20), (40, 2.0)]
    assert snaps[0].elapsed == 0.0
    batch_7 = next(e for e in events if isinstance(e, ev.BatchFinished) and e.step == 7)
    assert snaps[1].elapsed == batch_7.elapsed
    assert all(e.epoch == e.step / 20 for e in events)
    end = events[-1]
    assert end.message == "finished 2 epochs (40 steps)" and end.epoch == 2.0


def test_a_pause_says_where_the_run_stands(tiny):
    control = TrainingControl()
    for event in train(_config(), tiny, control):
        if isinstance(event, ev.BatchFinished) and event.step == 3:
            control.pause()
            last = event
        if isinstance(event, ev.Paused):
            control.stop()
            paused = event
    assert (paused.step, paused.epoch, paused.elapsed) == (3, 3 / 20, last.elapsed)


def test_steps_asked_for_while_paused_add_up(tiny):
    control = TrainingControl()
    control.pause()
    runner = _Runner(_config(), tiny, control)
    runner.until(ev.Paused)
    control.step()
    control.step(2)
    assert _batches(runner.until(ev.Paused)) == [1, 2, 3]
    control.stop()
    runner.until(ev.TrainingEnded)
    runner.join()


def test_a_long_snapshot_interval_adds_no_snapshots(tiny):
    events = list(train(_config(epochs=1), tiny, snapshot_interval=3600.0))
    assert not any(isinstance(e, ev.WeightsSnapshot) for e in events)


def test_the_training_accuracy_is_scored_on_a_fixed_slice(tiny, monkeypatch):
    monkeypatch.setattr(training, "_TRAIN_EVAL_SIZE", 50)
    network = _config().make_network(16, 10)
    events = list(train(_config(epochs=1), tiny, network=network))
    (evaluated,) = [e for e in events if isinstance(e, ev.Evaluated)]
    first_50 = evaluate(network, tiny.train.images[:50], tiny.train.labels[:50])
    assert evaluated.train_accuracy == first_50.accuracy
    assert evaluated.train_cross_entropy == pytest.approx(first_50.cross_entropy)


def test_without_a_dataset_the_run_reads_the_one_its_config_names(tmp_path):
    for prefix, n in (("train", 30), ("t10k", 10)):  # 30 and 10 images of 2x2 pixels
        (tmp_path / f"{prefix}-images-idx3-ubyte").write_bytes(
            struct.pack(">4I", 2051, n, 2, 2) + bytes(range(4 * n))
        )
        (tmp_path / f"{prefix}-labels-idx1-ubyte").write_bytes(
            struct.pack(">2I", 2049, n) + bytes(i % 10 for i in range(n))
        )
    events = list(train(_config(epochs=1, batch_size=10, dataset=str(tmp_path))))
    assert (events[0].train_size, events[0].test_size) == (30, 10)
    assert isinstance(events[-1], ev.Finished) and events[-1].params["W1"].shape[0] == 4


def test_one_batch_the_size_of_the_training_set_is_one_step_per_epoch(tiny):
    config = _config(epochs=3, batch_size=len(tiny.train))
    events = list(train(config, tiny))
    assert events[0].steps_per_epoch == 1 and _batches(events) == [1, 2, 3]


def test_batches_are_scaled_by_1_over_255(tiny):
    """With one batch the size of the training set (so its order cannot matter), the first
    batch's loss is the initial network's loss on the images / 255."""
    config = _config(epochs=1, batch_size=len(tiny.train), hidden=(12,), activation="relu")
    network = config.make_network(16, 10)
    initial = {k: v.copy() for k, v in network.params.items()}
    fresh = Network(network.sizes, network.activation, params=initial)
    batch = next(e for e in train(config, tiny, network=network) if isinstance(e, ev.BatchFinished))

    def loss(scale: float) -> float:
        x = tiny.train.images.astype(np.float32) * np.float32(scale)
        return fresh.loss_and_gradients(x, tiny.train.labels, "cross-entropy")[0]

    assert batch.loss == pytest.approx(loss(1 / 255), rel=1e-6)
    assert batch.loss != pytest.approx(loss(1 / 256), rel=1e-5)  # another scale would show


@pytest.mark.parametrize("lr", [0.5, 0.02])
def test_cosine_schedule_follows_half_a_cosine_from_lr_to_zero(tiny, lr):
    """Step k (of n, counted from 0) uses lr (1 + cos(pi k / n)) / 2: lr first, lr / 2 half-way."""
    config = _config(epochs=2, lr=lr, lr_schedule="cosine")
    rates = [e.lr for e in train(config, tiny) if isinstance(e, ev.BatchFinished)]
    n = len(rates)
    expected = [0.5 * lr * (1 + math.cos(math.pi * k / n)) for k in range(n)]
    np.testing.assert_allclose(rates, expected, rtol=1e-12)
    assert rates[0] == lr and rates[n // 2] == pytest.approx(lr / 2)


def test_constant_schedule_keeps_the_rate(tiny):
    rates = {
        e.lr for e in train(_config(epochs=1, lr=0.3), tiny) if isinstance(e, ev.BatchFinished)
    }
    assert rates == {0.3}


def test_cosine_schedule_reports_the_rate_each_step_used(tiny):
    config = _config(epochs=1, lr_schedule="cosine")
    rates = [e.lr for e in train(config, tiny) if isinstance(e, ev.BatchFinished)]
    assert rates[0] == pytest.approx(0.5)
    assert rates == sorted(rates, reverse=True) and rates[-1] < 0.01


def test_scheduled_snapshots_come_at_exactly_the_asked_steps(tiny):
    network = _config().make_network(16, 10)
    initial = {k: v.copy() for k, v in network.params.items()}
    events = list(train(_config(), tiny, network=network, snapshot_steps=[0, 1, 5, 40, 999]))
    snaps = [e for e in events if isinstance(e, ev.WeightsSnapshot)]
    assert [s.step for s in snaps] == [0, 1, 5, 40]  # a run of 40 steps: 999 never comes
    assert all(s.scheduled for s in snaps)
    assert all(np.array_equal(snaps[0].params[k], initial[k]) for k in initial)
    assert all(np.array_equal(snaps[-1].params[k], network.params[k]) for k in initial)
    assert not np.array_equal(snaps[1].params["W1"], snaps[2].params["W1"])
