"""Training in a child process: the same run as in this process, requests reaching it in order,
failures and a dying child told plainly, a run left early leaving nothing behind."""

from __future__ import annotations

import os
import threading

import numpy as np
import pytest
from test_training import _make_dataset

from nnviz.core import events as ev
from nnviz.core import training_process as tp
from nnviz.core.datasets import Dataset
from nnviz.core.training import TrainingConfig, train

SMALL = {"hidden": (12, 8), "batch_size": 20, "epochs": 2, "lr": 0.5, "seed": 3}


def _dataset(seed: int = 0) -> Dataset:
    return _make_dataset(n_train=400, n_test=100, seed=seed)


@pytest.fixture(scope="module")
def tiny() -> Dataset:
    return _dataset()


_WATCHDOG_S = 60.0  # a test whose child waits for a request that never came fails, not hangs
_children: list[tp.TrainingProcess] = []


@pytest.fixture(autouse=True)
def _watchdog(monkeypatch):
    """Kill every child of the test after ``_WATCHDOG_S``: its reader then fails at once."""
    made = tp.TrainingProcess.__init__

    def init(self) -> None:
        made(self)
        _children.append(self)

    monkeypatch.setattr(tp.TrainingProcess, "__init__", init)
    timer = threading.Timer(_WATCHDOG_S, lambda: [c.kill() for c in _children if c.alive])
    timer.start()
    yield
    timer.cancel()


@pytest.fixture(scope="module")
def child():
    process = tp.TrainingProcess()
    _children.append(process)
    yield process
    process.close()


def _config(**changes) -> TrainingConfig:
    return TrainingConfig(**{**SMALL, **changes})


def test_a_run_in_the_child_is_the_same_run_as_in_this_process(child, tiny):
    assert child.pid != os.getpid() and child.alive
    here = list(train(_config(), tiny))
    there = list(child.events(tp.RemoteControl(), _config(), tiny))
    assert [type(e) for e in there] == [type(e) for e in here]
    assert [e.loss for e in there if isinstance(e, ev.BatchFinished)] == [
        e.loss for e in here if isinstance(e, ev.BatchFinished)
    ]
    assert [e.test_accuracy for e in there if isinstance(e, ev.Evaluated)] == [
        e.test_accuracy for e in here if isinstance(e, ev.Evaluated)
    ]
    for name, value in here[-1].params.items():
        np.testing.assert_array_equal(there[-1].params[name], value)


def test_the_network_given_is_trained_from_its_own_weights(child, tiny):
    network = _config().make_network(16, 10)
    start = {k: v.copy() for k, v in network.params.items()}
    there = list(child.events(tp.RemoteControl(), _config(epochs=1), tiny, network))
    here = list(train(_config(epochs=1), tiny, network=network))
    for name, value in start.items():  # trained over there; the copy here was trained here
        assert not np.array_equal(there[-1].params[name], value)
        np.testing.assert_array_equal(there[-1].params[name], here[-1].params[name])


def test_requests_made_before_the_run_reach_it_in_order(child, tiny):
    control = tp.RemoteControl()
    control.pause()
    control.step(2)  # two batches, then paused
    seen = []
    for event in child.events(control, _config(), tiny):
        seen.append(event)
        if isinstance(event, ev.Paused):
            control.stop()  # made while the run waits: reaches it at once
    kinds = [type(e) for e in seen]
    assert kinds[0] is ev.TrainingStarted
    batches = [e.step for e in seen if isinstance(e, ev.BatchFinished)]
    assert batches == [1, 2]
    assert kinds.index(ev.Paused) > kinds.index(ev.BatchFinished)
    assert isinstance(seen[-1], ev.Stopped) and seen[-1].step == 2


def test_a_change_of_learning_rate_during_the_run_takes_effect_in_the_child(child, tiny):
    control = tp.RemoteControl()
    control.step(3)  # three batches, then paused: the run cannot end before the change
    changes, batches = [], []
    for event in child.events(control, _config(), tiny):
        if isinstance(event, ev.Paused):
            control.change("lr", 0.125)
            control.resume()
        if isinstance(event, ev.HyperparameterChanged):
            changes.append(event)
        if isinstance(event, ev.BatchFinished):
            batches.append(event.step)
    assert [(c.name, c.old, c.new) for c in changes] == [("lr", 0.5, 0.125)]
    assert changes[0].step == 3 and batches[-1] > 3


def test_a_failure_in_the_child_is_its_message_and_the_child_trains_again(child, tiny):
    wrong = TrainingConfig(hidden=(5,)).make_network(784, 10)  # MNIST's inputs, not 16
    with pytest.raises(tp.TrainingProcessError, match="does not fit") as failure:
        list(child.events(tp.RemoteControl(), _config(), tiny, wrong))
    assert "Traceback" in failure.value.details and "\n" not in str(failure.value)
    events = list(child.events(tp.RemoteControl(), _config(epochs=1), tiny))
    assert isinstance(events[-1], ev.Finished)


def test_a_run_left_early_is_stopped_and_the_next_starts_clean(child, tiny):
    sent = child.datasets_sent
    events = child.events(tp.RemoteControl(), _config(epochs=50), tiny)
    for event in events:
        if isinstance(event, ev.BatchFinished) and event.step == 5:
            break
    events.close()  # the reader gives up: the child's run is stopped and read to its end
    second = list(child.events(tp.RemoteControl(), _config(epochs=1), tiny))
    assert isinstance(second[0], ev.TrainingStarted)
    steps = [e.step for e in second if isinstance(e, ev.BatchFinished)]
    assert steps == list(range(1, len(steps) + 1)) and len(steps) == 20
    assert child.datasets_sent == sent  # the same dataset is not sent again
    list(child.events(tp.RemoteControl(), _config(epochs=1), _dataset(seed=1)))
    assert child.datasets_sent == sent + 1


def test_a_child_that_dies_ends_the_run_with_a_clear_error_and_a_new_one_trains(tiny):
    process = tp.acquire()
    events = process.events(tp.RemoteControl(), _config(epochs=1000), tiny)
    with pytest.raises(tp.TrainingProcessError, match="ended unexpectedly") as failure:
        for event in events:
            if isinstance(event, ev.BatchFinished):
                process.kill()
    assert "\n" not in str(failure.value) and not process.alive
    tp.release(process)  # a dead child is not kept
    again = tp.acquire()
    try:
        assert again is not process and again.alive
        assert isinstance(list(again.events(tp.RemoteControl(), _config(), tiny))[-1], ev.Finished)
    finally:
        tp.release(again)


def test_snapshots_go_into_shared_rows_until_they_are_full_then_by_value(child, tiny):
    config = _config(epochs=1)
    schedule = list(range(0, 21, 2))  # 11 snapshots, room for 6 (one row is the parent's)
    network = config.make_network(16, 10)
    shapes = {n: (7, *p.shape) for n, p in network.params.items()}
    rows = tp.SharedArrays(shapes, network.dtype, first=1)
    try:
        there = list(
            child.events(
                tp.RemoteControl(), config, tiny, network.copy(), None, schedule, rows=rows
            )
        )
    finally:
        rows.close_fd()
    here = list(train(config, tiny, network=network, snapshot_steps=schedule))
    kept = [e for e in there if isinstance(e, ev.WeightsSnapshot) and e.scheduled]
    expected = [e for e in here if isinstance(e, ev.WeightsSnapshot) and e.scheduled]
    assert [e.step for e in kept] == [e.step for e in expected] == schedule
    for i, (snapshot, same) in enumerate(zip(kept, expected, strict=True)):
        for name, array in rows.arrays.items():
            np.testing.assert_array_equal(snapshot.params[name], same.params[name])
            assert np.shares_memory(snapshot.params[name], array) == (i < 6)
    assert not np.any(rows.arrays["W1"][0])  # the parent's row: not written there
