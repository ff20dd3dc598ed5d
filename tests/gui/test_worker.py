"""The training bridge: a real run end to end, throttling, pause / step / stop, failures."""

from __future__ import annotations

import os
import signal
import threading

import numpy as np
import pytest
from threadpoolctl import threadpool_limits
from training_helpers import small_mnist

from nnviz.core import events as ev
from nnviz.core.recording import RunRecord
from nnviz.core.training import TrainingConfig, train
from nnviz.gui.training.worker import MAX_SIGNALS_PER_S, SNAPSHOT_INTERVAL_S, TrainingWorker


@pytest.fixture(scope="module")
def data(mnist):
    return small_mnist(mnist)


@pytest.fixture(params=["process", "thread"])
def in_process(request) -> bool:
    """The run trains in a child process (the window's way) or in the worker's thread."""
    return request.param == "process"


class Recorder:
    """Collects everything a worker emits, in order."""

    def __init__(self, worker: TrainingWorker) -> None:
        self.log: list[tuple[str, object]] = []
        for name in ("started", "batches", "evaluated", "snapshot", "paused", "ended"):
            getattr(worker, name).connect(lambda e, name=name: self.log.append((name, e)))
        worker.failed.connect(lambda msg, details: self.log.append(("failed", msg)))

    def of(self, name: str) -> list:
        return [e for n, e in self.log if n == name]

    def steps(self) -> np.ndarray:
        chunks = self.of("batches")
        return np.concatenate([c.step for c in chunks]) if chunks else np.zeros(0, np.int64)


def test_a_real_run_forwards_every_batch_and_ends_finished(qtbot, data, in_process):
    worker = TrainingWorker(in_process=in_process)
    rec = Recorder(worker)
    config = TrainingConfig(epochs=2)
    with qtbot.waitSignal(worker.finished, timeout=20_000):
        worker.start(config, data)
    assert [n for n, _ in rec.log][0] == "started"
    assert [n for n, _ in rec.log][-1] == "ended"
    assert isinstance(rec.of("ended")[0], ev.Finished)
    per_epoch = len(data.train) // config.batch_size
    np.testing.assert_array_equal(rec.steps(), np.arange(1, 2 * per_epoch + 1))
    evals = rec.of("evaluated")
    assert [e.step for e in evals] == [per_epoch, 2 * per_epoch]
    assert all(e.epoch_end for e in evals)
    losses = np.concatenate([c.loss for c in rec.of("batches")])
    assert np.all(np.isfinite(losses)) and losses[-1] < losses[0]
    assert not worker.running


def test_thousands_of_events_are_throttled_but_every_batch_arrives(qtbot):
    clock = {"now": 0.0}
    n, dt = 10_000, 0.001  # 10 s of fake training, one batch a millisecond

    def events(control):
        yield ev.TrainingStarted(0, 0.0, 0.0, n, n, n * 10, 10)
        for i in range(1, n + 1):
            clock["now"] = i * dt
            yield ev.BatchFinished(i, i / n, i * dt, 1.0 / i, 0.5, 1e4, 0.5, n)
            if i % 1000 == 0:
                zeros = np.zeros((10, 10), np.int64)
                yield ev.Evaluated(
                    i,
                    i / n,
                    i * dt,
                    0.9,
                    0.3,
                    0.1,
                    0.9,
                    0.3,
                    0.1,
                    False,
                    zeros,
                    np.zeros(10, np.intp),
                )
        yield ev.Finished(n, 1.0, n * dt, {}, "done")

    worker = TrainingWorker(clock=lambda: clock["now"])
    rec = Recorder(worker)
    with qtbot.waitSignal(worker.finished, timeout=20_000):
        worker.start_events(events)
    batch_signals = len(rec.of("batches"))
    always = len(rec.of("evaluated")) + 2  # evaluations flush early, plus start and end
    assert len(rec.of("evaluated")) == 10
    assert batch_signals <= MAX_SIGNALS_PER_S * n * dt + always
    assert batch_signals >= MAX_SIGNALS_PER_S * n * dt / 2  # but the curves still move
    np.testing.assert_array_equal(rec.steps(), np.arange(1, n + 1))
    losses = np.concatenate([c.loss for c in rec.of("batches")])
    np.testing.assert_allclose(losses, 1.0 / np.arange(1, n + 1))


def test_pause_step_resume_and_stop(qtbot, data, in_process):
    worker = TrainingWorker(in_process=in_process)
    rec = Recorder(worker)
    with qtbot.waitSignal(worker.paused, timeout=20_000):
        worker.start(TrainingConfig(epochs=1000), data, paused=True)
    assert rec.steps().size == 0
    with qtbot.waitSignal(worker.paused, timeout=5_000):
        worker.step()
    np.testing.assert_array_equal(rec.steps(), [1])
    assert rec.of("snapshot"), "a single step sends the weights it produced"
    with qtbot.waitSignal(worker.paused, timeout=5_000):
        worker.step()
    np.testing.assert_array_equal(rec.steps(), [1, 2])
    worker.resume()
    qtbot.waitUntil(lambda: rec.steps().size > 20, timeout=10_000)
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        worker.stop()
    end = rec.of("ended")[0]
    assert isinstance(end, ev.Stopped)
    assert end.step == rec.steps()[-1]  # nothing trained after the last forwarded batch
    assert end.step < 1000 * len(data.train) // 100


def test_shutdown_mid_run_joins_the_thread_silently(qtbot, data, in_process, capfd):
    worker = TrainingWorker(in_process=in_process)
    rec = Recorder(worker)
    worker.start(TrainingConfig(epochs=1000), data)
    qtbot.waitUntil(lambda: rec.steps().size > 0, timeout=10_000)
    worker.shutdown()
    assert not worker.running
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_an_exception_in_the_worker_becomes_a_message(qtbot):
    def events(control):
        yield ev.TrainingStarted(0, 0.0, 0.0, 10, 10, 100, 10)
        raise RuntimeError("the disk caught fire")

    worker = TrainingWorker()
    with qtbot.waitSignal(worker.failed, timeout=5_000) as blocker:
        worker.start_events(events)
    assert "the disk caught fire" in blocker.args[0]
    assert "RuntimeError" in blocker.args[1]  # details hold the traceback
    qtbot.waitUntil(lambda: not worker.running, timeout=5_000)


def test_a_diverging_run_ends_with_an_explanation_and_good_weights(qtbot, data, in_process):
    worker = TrainingWorker(in_process=in_process)
    with qtbot.waitSignal(worker.ended, timeout=20_000) as blocker:
        worker.start(TrainingConfig(lr=100.0), data)
    end = blocker.args[0]
    assert isinstance(end, ev.Diverged)
    assert "learning rate" in end.message
    assert all(np.all(np.isfinite(p)) for p in end.params.values())
    qtbot.waitUntil(lambda: not worker.running, timeout=5_000)


def test_every_scheduled_snapshot_is_kept_in_the_training_thread_the_live_view_gets_the_newest(
    qtbot, data, in_process
):
    worker = TrainingWorker(in_process=in_process)
    rec = Recorder(worker)
    kept, threads, prepared, shared = [], set(), [], {}

    def keep(snapshot):
        kept.append(snapshot)
        threads.add(threading.get_ident())

    def prepare(make=None):
        prepared.append((threading.get_ident(), list(rec.log)))
        if make is not None:  # in a process: the rows the child writes the snapshots into
            shapes = {n: (len(schedule), *p.shape) for n, p in network.params.items()}
            shared.update(make(shapes, network.dtype, 0))

    config = TrainingConfig(epochs=1, evals_per_epoch=3)
    network = config.make_network()
    per_epoch = len(data.train) // config.batch_size
    schedule = list(range(per_epoch + 1))  # every step, the initial weights too
    with qtbot.waitSignal(worker.finished, timeout=20_000):
        worker.start(
            config,
            data,
            network.copy(),
            snapshot_interval=None,
            snapshot_steps=schedule,
            keep=keep,
            prepare=prepare,
        )
    assert [s.step for s in kept] == schedule  # in order, none dropped, none twice
    assert all(s.scheduled for s in kept)
    assert threads and threading.get_ident() not in threads  # never copied in the GUI thread
    assert prepared == [(threads.pop(), [])]  # in the same thread, before any event
    assert bool(shared) == in_process
    for row, snapshot in enumerate(kept):  # written there, in the rows given, not copied
        for name, array in shared.items():
            assert np.shares_memory(snapshot.params[name], array[row])
    with threadpool_limits(limits=1, user_api="blas"):  # as the worker trains
        here = list(train(config, data, network=network, snapshot_steps=schedule))
    expected = [e.params for e in here if isinstance(e, ev.WeightsSnapshot) and e.scheduled]
    for snapshot, params in zip(kept, expected, strict=True):
        for name, value in params.items():
            np.testing.assert_array_equal(snapshot.params[name], value)
    # each was kept before the batches after it reached the GUI thread
    assert rec.of("snapshot")[-1].step == per_epoch  # the live view: only the newest ones
    assert len(rec.of("snapshot")) < len(schedule)
    batches_per_chunk = [len(c.events) for c in rec.of("batches")]
    assert sum(batches_per_chunk) == per_epoch and all(
        n == len(c) for n, c in zip(batches_per_chunk, rec.of("batches"), strict=True)
    )


def test_snapshots_kept_for_the_record_reach_the_live_view_only_every_interval(qtbot):
    """A schedule that keeps every step: all are kept, but the layer graph gets the newest only
    every SNAPSHOT_INTERVAL_S (by the worker's clock, the first one an interval after the
    start: it shows the initial weights already), and the last one before a pause and
    before the end at once; one asked for (not scheduled) passes with the next batches (as
    the newest then)."""
    clock = {"now": 0.0}
    n, dt = 3_000, 0.001  # 3 s of fake training, one batch a millisecond
    asked = 1_234  # a snapshot asked for (a pause's), not in the schedule
    paused_at = 2_000

    def snap(i, scheduled=True):
        return ev.WeightsSnapshot(i, i / n, i * dt, {"W1": np.full(2, i)}, scheduled)

    def events(control):
        yield ev.TrainingStarted(0, 0.0, 0.0, n, n, n * 10, 10)
        yield snap(0)  # the initial weights, which the window shows already
        for i in range(1, n + 1):
            clock["now"] = i * dt
            yield ev.BatchFinished(i, i / n, i * dt, 1.0, 0.5, 1e4, 0.5, n)
            yield snap(i)
            if i == asked:
                yield snap(i, scheduled=False)
            if i == paused_at:
                yield ev.Paused(i, i / n, i * dt)
        yield ev.Finished(n, 1.0, n * dt, {}, "done")

    kept = []
    worker = TrainingWorker(clock=lambda: clock["now"])
    rec = Recorder(worker)
    with qtbot.waitSignal(worker.finished, timeout=20_000):
        worker.start_events(events, keep=kept.append)
    assert [s.step for s in kept] == list(range(n + 1))  # the record: every one
    live = [s.step for s in rec.of("snapshot")]
    assert live[0] * dt >= SNAPSHOT_INTERVAL_S  # the first one an interval after the start
    chunk = round(1 / MAX_SIGNALS_PER_S / dt)  # batches between two chunks
    after_asked = [s for s in live if asked <= s <= asked + chunk]
    assert len(after_asked) == 1 and paused_at in live and live[-1] == n
    periodic = [s for s in live if s not in (*after_asked, paused_at, n)]
    assert len(periodic) <= n * dt / SNAPSHOT_INTERVAL_S + 1
    assert len(periodic) >= n * dt / SNAPSHOT_INTERVAL_S - 2  # the graph still moves
    assert live == sorted(live)
    for name, event in rec.log:  # each snapshot went before the pause after it
        if name == "paused":
            assert rec.log[rec.log.index((name, event)) - 1][0] == "snapshot"


def test_a_run_trains_in_a_child_process_and_its_weights_come_back(qtbot, data):
    worker = TrainingWorker(in_process=True)
    rec = Recorder(worker)
    network = TrainingConfig().make_network()
    before = network.params["W1"].copy()
    with qtbot.waitSignal(worker.paused, timeout=20_000):
        worker.start(TrainingConfig(epochs=1), data, network, paused=True)
    pid = worker.child_pid  # the run waits there
    assert pid is not None and pid != os.getpid()
    os.kill(pid, 0)  # (a process of that id exists)
    with qtbot.waitSignal(worker.finished, timeout=20_000):
        worker.resume()
    assert worker.child_pid is None  # between runs the child belongs to nobody
    np.testing.assert_array_equal(network.params["W1"], before)  # trained over there
    assert not np.array_equal(rec.of("ended")[0].params["W1"], before)


def test_a_failure_in_the_child_process_becomes_a_message_with_its_traceback(qtbot, data):
    worker = TrainingWorker(in_process=True)
    wrong = TrainingConfig().make_network(100, 10)  # 100 inputs, the data has 784 pixels
    with qtbot.waitSignal(worker.failed, timeout=20_000) as blocker:
        worker.start(TrainingConfig(), data, wrong)
    assert "does not fit" in blocker.args[0] and "\n" not in blocker.args[0]
    assert "ConfigError" in blocker.args[1]  # the child's traceback
    qtbot.waitUntil(lambda: not worker.running, timeout=5_000)


def test_a_child_process_that_dies_fails_the_run_and_the_next_run_trains(qtbot, data):
    worker = TrainingWorker(in_process=True)
    rec = Recorder(worker)
    with qtbot.waitSignal(worker.failed, timeout=20_000) as blocker:
        worker.start(TrainingConfig(epochs=1000), data)
        qtbot.waitUntil(lambda: rec.steps().size > 0, timeout=10_000)
        os.kill(worker.child_pid, signal.SIGKILL)
    assert "ended unexpectedly" in blocker.args[0]
    qtbot.waitUntil(lambda: not worker.running, timeout=5_000)
    with qtbot.waitSignal(worker.ended, timeout=20_000) as blocker:
        worker.start(TrainingConfig(epochs=1), data)
    assert isinstance(blocker.args[0], ev.Finished)


def test_when_no_child_process_can_be_started_the_thread_trains(qtbot, data, monkeypatch):
    def refuse():
        raise OSError("no processes left")

    monkeypatch.setattr("nnviz.core.training_process.acquire", refuse)
    worker = TrainingWorker(in_process=True)
    rec = Recorder(worker)
    with qtbot.waitSignal(worker.paused, timeout=20_000):
        worker.start(TrainingConfig(epochs=1000), data, paused=True)
    with qtbot.waitSignal(worker.paused, timeout=5_000):
        worker.step()  # the requests reach the trainer in the thread
    np.testing.assert_array_equal(rec.steps(), [1])
    with qtbot.waitSignal(worker.finished, timeout=10_000):
        worker.stop()
    assert isinstance(rec.of("ended")[0], ev.Stopped) and not rec.of("failed")


def test_a_record_kept_from_a_child_process_holds_the_same_snapshots_as_from_a_thread(qtbot, data):
    config = TrainingConfig(epochs=2)
    records = []
    for in_process in (True, False):
        worker = TrainingWorker(in_process=in_process)
        record = RunRecord.for_run(config, 784, 10, len(data.train))
        worker.ended.connect(record.add)
        with qtbot.waitSignal(worker.finished, timeout=20_000):
            worker.start(
                config,
                data,
                snapshot_steps=record.schedule,
                keep=record.add,
                prepare=record.reserve_snapshots,
            )
        records.append(record)
    there, here = records
    np.testing.assert_array_equal(there.snapshot_steps, here.snapshot_steps)
    assert there.snapshot_steps.size > 10
    for step in here.snapshot_steps:
        for name, value in here.snapshot_at(step).params.items():
            np.testing.assert_array_equal(there.snapshot_at(step).params[name], value)
