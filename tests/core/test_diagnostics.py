"""A run's diagnostics: inactive and saturated hidden units, gradient RMS and update ratios by
hand on a small network; the validation split; hyperparameters changed mid-run; slow motion;
all of it kept in the run record and its file (old files still open)."""

from __future__ import annotations

import json
import queue
import threading
from pathlib import Path

import numpy as np
import pytest
from test_training import _config, _make_dataset

from nnviz.core import events as ev
from nnviz.core.datasets import Dataset, Split
from nnviz.core.errors import ConfigError
from nnviz.core.metrics import evaluate
from nnviz.core.network import Network
from nnviz.core.recording import RunRecord
from nnviz.core.training import TrainingConfig, TrainingControl, train, validation_split

_TIMEOUT = 30.0  # seconds a threaded test waits for the next event before it fails


@pytest.fixture(scope="module")
def tiny():
    return _make_dataset()


# a1 = x · W1 with x the identity: each sample's a1 is one row of W1
_A1 = np.array([[0.0, 5.0, -5.0, 1.0], [3.0, 0.0, 0.0, 0.0], [-4.0, 0.0, 0.0, 0.5]])


def _net(activation: str) -> Network:
    params = {
        "W1": _A1.copy(),
        "b1": np.zeros(4),
        "W2": np.ones((4, 2)),
        "b2": np.zeros(2),
    }
    return Network((3, 4, 2), activation, params=params, dtype=np.float64)


def test_inactive_units_are_relu_units_never_active_on_the_slice():
    result = evaluate(_net("relu"), np.eye(3), np.array([0, 1, 0]), diagnose=True)
    # unit 0 fires on sample 1, unit 1 on sample 0, unit 3 on samples 0 and 2; unit 2 never
    assert result.inactive == (0.25,)
    assert np.isnan(result.saturated[0])  # ReLU does not saturate


def test_saturated_share_counts_sigmoid_values_whose_slope_is_below_a_tenth():
    result = evaluate(_net("sigmoid"), np.eye(3), np.array([0, 1, 0]), diagnose=True)
    # sigmoid'(a) < 0.1 exactly where |a| > 2.64: 5, -5, 3 and -4, four of the twelve values
    assert result.saturated == (pytest.approx(4 / 12),)
    assert result.inactive == (0.0,)


def test_evaluation_without_diagnostics_reports_none():
    result = evaluate(_net("relu"), np.eye(3), np.array([0, 1, 0]))
    assert result.inactive == () and result.saturated == ()


def test_an_evaluation_reports_the_gradient_rms_and_update_ratio_of_its_step_by_hand(tiny):
    """One step of plain SGD on the whole (tiny) training set: the evaluation's per-layer
    figures are those of that step, computed here from the initial weights."""
    n = len(tiny.train)
    config = _config(batch_size=n, epochs=1, lr=0.3)
    start = config.make_network(16, 10)
    x = tiny.train.images.astype(np.float32) / np.float32(255)
    _, grads, _ = start.astype(np.float64).loss_and_gradients(x, tiny.train.labels)
    events = list(train(config, tiny))
    (evaluation,) = [e for e in events if isinstance(e, ev.Evaluated)]
    end = events[-1].params
    for l in (1, 2, 3):
        g = grads[f"W{l}"]
        rms = np.sqrt((g**2).mean())
        ratio = 0.3 * np.linalg.norm(g) / np.linalg.norm(end[f"W{l}"])
        assert evaluation.grad_rms[l - 1] == pytest.approx(rms, rel=1e-4)
        assert evaluation.update_ratios[l - 1] == pytest.approx(ratio, rel=1e-4)


def test_the_evaluation_averages_the_per_layer_figures_over_its_steps(tiny):
    config = _config(epochs=1)
    events = list(train(config, tiny))
    steps = [e for e in events if isinstance(e, ev.BatchFinished)]
    (evaluation,) = [e for e in events if isinstance(e, ev.Evaluated)]
    sizes = [16 * 12, 12 * 8, 8 * 10]
    for l in range(3):
        mean_rms = np.mean([s.grad_norms[l] / np.sqrt(sizes[l]) for s in steps])
        assert evaluation.grad_rms[l] == pytest.approx(mean_rms)
        assert evaluation.update_ratios[l] == pytest.approx(
            np.mean([s.update_ratios[l] for s in steps])
        )


def test_a_relu_run_with_a_huge_learning_rate_kills_units_and_says_so(tiny):
    events = list(train(_config(activation="relu", lr=3.0, epochs=1), tiny))
    dead = [e for e in events if isinstance(e, ev.Evaluated)]
    calm = [
        e
        for e in train(_config(activation="relu", lr=0.05, epochs=1), tiny)
        if isinstance(e, ev.Evaluated)
    ]
    assert dead and max(dead[-1].inactive) > 0.5
    assert max(calm[-1].inactive) < 0.5


# ---------------------------------------------------------------------- validation split
def test_the_validation_split_is_disjoint_complete_and_stable_for_a_seed():
    train_idx, val_idx = validation_split(1000, 0.1, seed=3)
    assert val_idx.size == 100 and train_idx.size == 900
    assert np.intersect1d(train_idx, val_idx).size == 0
    assert np.array_equal(np.union1d(train_idx, val_idx), np.arange(1000))
    again = validation_split(1000, 0.1, seed=3)
    assert np.array_equal(again[1], val_idx) and np.array_equal(again[0], train_idx)
    assert not np.array_equal(validation_split(1000, 0.1, seed=4)[1], val_idx)
    assert validation_split(1000, 0.0, seed=3)[1].size == 0


def _indexed_dataset(n_train: int = 200) -> Dataset:
    """Images that carry their own index (pixels 0 and 1), so a batch tells which samples it
    holds."""
    rng = np.random.default_rng(0)

    def split(n: int) -> Split:
        images = rng.integers(0, 256, (n, 16)).astype(np.uint8)
        images[:, 0], images[:, 1] = np.arange(n) % 256, np.arange(n) // 256
        return Split(images, rng.integers(0, 10, n).astype(np.uint8))

    ds = Dataset("indexed", Path("/nonexistent/indexed"), tuple("0123456789"))
    ds.train, ds.test = split(n_train), split(50)
    return ds


def test_training_never_sees_the_validation_samples_and_reports_them_apart(monkeypatch):
    ds = _indexed_dataset()
    config = _config(validation=0.2, epochs=2, batch_size=10)
    _, held_out = validation_split(200, 0.2, config.seed)
    seen: set[int] = set()
    original = Network.loss_and_gradients

    def spy(self, x, labels, *args, **kwargs):
        pixels = np.rint(np.asarray(x) * 255).astype(int)
        seen.update((pixels[:, 0] + 256 * pixels[:, 1]).tolist())
        return original(self, x, labels, *args, **kwargs)

    monkeypatch.setattr(Network, "loss_and_gradients", spy)
    events = list(train(config, ds))
    assert seen == set(range(200)) - set(held_out.tolist())
    started = events[0]
    assert started.train_size == 160 and started.steps_per_epoch == 16
    evaluations = [e for e in events if isinstance(e, ev.Evaluated)]
    assert all(0 <= e.validation_accuracy <= 1 for e in evaluations)
    assert all(np.isfinite(e.validation_cross_entropy) for e in evaluations)


def test_without_a_validation_split_the_validation_figures_are_nan(tiny):
    evaluation = [e for e in train(_config(epochs=1), tiny) if isinstance(e, ev.Evaluated)][0]
    assert np.isnan(evaluation.validation_accuracy) and np.isnan(evaluation.validation_mse)


def test_the_record_plans_for_the_training_samples_left_after_the_split():
    config = TrainingConfig(validation=0.1, epochs=2, batch_size=100)
    record = RunRecord.for_run(config, 784, 10, 60_000)
    assert record.schedule[-1] == 2 * 540


# ---------------------------------------------------------------------- changes mid-run
def test_a_learning_rate_changed_mid_run_holds_from_the_next_step_and_is_recorded(tiny, tmp_path):
    config = _config(epochs=1)
    control = TrainingControl()
    record = RunRecord.for_run(config, 16, 10, len(tiny.train), dataset="tiny")
    events = []
    for event in train(config, tiny, control, snapshot_steps=record.schedule):
        record.add(event)
        events.append(event)
        if isinstance(event, ev.BatchFinished) and event.step == 3:
            control.change("lr", 0.05)
            control.change("l2", 0.01)
    lrs = {e.step: e.lr for e in events if isinstance(e, ev.BatchFinished)}
    assert lrs[3] == 0.5 and lrs[4] == 0.05 and lrs[len(lrs)] == 0.05
    changes = [e for e in events if isinstance(e, ev.HyperparameterChanged)]
    assert [(c.step, c.name, c.old, c.new) for c in changes] == [
        (3, "lr", 0.5, 0.05),
        (3, "l2", 0.0, 0.01),
    ]
    assert record.changes == [(3, "lr", 0.5, 0.05), (3, "l2", 0.0, 0.01)]
    assert RunRecord.load(record.save(tmp_path / "run.npz")).changes == record.changes


def test_the_step_after_a_change_moves_the_weights_by_the_new_rate(tiny):
    """SGD: the size of step 4 is lr * ||dE/dW||, with the new lr."""
    config = _config(epochs=1)
    control = TrainingControl()
    before = None
    for event in train(config, tiny, control, snapshot_steps=range(10)):
        if isinstance(event, ev.WeightsSnapshot) and event.step == 3:
            before = event.params["W2"]
            control.change("lr", 0.02)
        if isinstance(event, ev.BatchFinished) and event.step == 4:
            grad_norm = event.grad_norms[1]
        if isinstance(event, ev.WeightsSnapshot) and event.step == 4:
            moved = np.linalg.norm(event.params["W2"] - before)
            assert moved == pytest.approx(0.02 * grad_norm, rel=1e-4)
            break
    else:
        pytest.fail("the run ended before step 4")


def test_dropout_changed_mid_run_reaches_the_dropout_layers(tiny):
    control = TrainingControl()
    control.change("dropout", 0.5)
    events = list(train(_config(epochs=1), tiny, control))
    (change,) = [e for e in events if isinstance(e, ev.HyperparameterChanged)]
    assert (change.step, change.name, change.old, change.new) == (0, "dropout", 0.0, 0.5)
    plain = [e.loss for e in train(_config(epochs=1), tiny) if isinstance(e, ev.BatchFinished)]
    dropped = [e.loss for e in events if isinstance(e, ev.BatchFinished)]
    assert plain[0] != dropped[0]  # the very first step already drops units


def test_only_the_live_hyperparameters_can_be_changed():
    with pytest.raises(ConfigError, match="batch_size cannot be changed during a run"):
        TrainingControl().change("batch_size", 10)


def test_slow_motion_waits_between_steps_and_a_stop_ends_the_wait(tiny):
    control = TrainingControl()
    control.set_pace(1000.0)  # a step every 17 minutes: the run would never end by itself
    out: queue.Queue = queue.Queue()

    def run() -> None:
        for event in train(_config(epochs=1), tiny, control):
            out.put(event)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert isinstance(out.get(timeout=_TIMEOUT), ev.TrainingStarted)
    control.stop()
    end = out.get(timeout=_TIMEOUT)
    assert isinstance(end, ev.Stopped) and end.step == 0
    thread.join(_TIMEOUT)


# ---------------------------------------------------------------------- the record and its file
def _run(dataset, **changes) -> RunRecord:
    config = _config(**changes)
    record = RunRecord.for_run(config, 16, 10, len(dataset.train), dataset="tiny")
    for event in train(config, dataset, snapshot_steps=record.schedule):
        record.add(event)
    return record


def test_the_record_keeps_validation_and_layer_diagnostics_through_its_file(tiny, tmp_path):
    record = _run(tiny, validation=0.1, evals_per_epoch=2)
    loaded = RunRecord.load(record.save(tmp_path / "run.npz"))
    assert loaded.has_validation and record.has_validation
    for name, values in record.layer_diagnostics().items():
        assert np.array_equal(loaded.layer_diagnostics()[name], values, equal_nan=True), name
    diag = loaded.layer_diagnostics()
    assert diag["grad_rms"].shape == (4, 3) and diag["inactive"].shape == (4, 2)
    assert np.isfinite(diag["grad_rms"]).all() and np.isfinite(diag["inactive"]).all()
    last = loaded.evaluation()
    assert last.validation_accuracy == record.evaluation().validation_accuracy
    assert last.grad_rms == tuple(diag["grad_rms"][-1])
    norms = loaded.grad_norms
    assert np.allclose(loaded.grad_rms, norms / np.sqrt([16 * 12, 12 * 8, 8 * 10]))


def test_a_version_1_record_file_still_opens(tiny, tmp_path):
    path = _run(tiny).save(tmp_path / "new.npz")
    with np.load(path) as f:
        arrays = {k: f[k] for k in f.files}
    meta = json.loads(str(arrays["meta"][()]))
    meta["format_version"] = 1
    meta["eval_columns"] = meta["eval_columns"][:10]
    del meta["changes"]
    arrays["meta"] = np.array(json.dumps(meta))
    arrays["evaluations"] = arrays["evaluations"][:, :10]
    for name in ("eval_grad_rms", "eval_update_ratios", "inactive", "saturated"):
        del arrays[name]
    old = tmp_path / "old.npz"
    np.savez(old, **arrays)
    record = RunRecord.load(old)
    assert record.evaluations_recorded == 2 and record.changes == []
    assert not record.has_validation
    assert np.isnan(record.layer_diagnostics()["inactive"]).all()
    assert record.evaluation().grad_rms == ()


def test_the_record_summary_names_the_changes_and_the_validation_split(tiny):
    config = _config(epochs=1, validation=0.1)
    control = TrainingControl()
    control.change("dropout", 0.3)
    record = RunRecord.for_run(config, 16, 10, len(tiny.train), dataset="tiny")
    for event in train(config, tiny, control, snapshot_steps=record.schedule):
        record.add(event)
    summary = record.summary()
    assert summary["validation"] is True
    assert summary["changes"] == [{"step": 0, "name": "dropout", "old": 0.0, "new": 0.3}]


def test_in_slow_motion_every_step_sends_the_weights_for_the_graph(tiny):
    control = TrainingControl()
    control.set_pace(1e-4)  # short waits: the test checks what is sent, not how long it takes
    events = list(train(_config(epochs=1), tiny, control))
    steps = [e.step for e in events if isinstance(e, ev.BatchFinished)]
    shown = [e.step for e in events if isinstance(e, ev.WeightsSnapshot)]
    assert shown == steps and len(steps) == 20
