"""Run records: the snapshot schedule and its budget, what a run leaves in its record, the save /
load round trip (a stopped and a diverged run too), and every kind of bad record file."""

from __future__ import annotations

import json

import numpy as np
import pytest
from test_training import _config, _make_dataset

from nnviz.core import events as ev
from nnviz.core.errors import RecordFileError
from nnviz.core.model_io import save_model
from nnviz.core.recording import (
    EVAL_COLUMNS,
    STEP_COLUMNS,
    RunRecord,
    interpolate_params,
    snapshot_schedule,
)
from nnviz.core.training import TrainingControl, train


@pytest.fixture(scope="module")
def tiny():
    return _make_dataset()


def _recorded_run(dataset, control=None, stop_after=None, **changes) -> RunRecord:
    config = _config(**changes)
    record = RunRecord.for_run(config, 16, 10, len(dataset.train), dataset="tiny")
    control = control or TrainingControl()
    for event in train(config, dataset, control, snapshot_steps=record.schedule):
        record.add(event)
        if stop_after is not None and isinstance(event, ev.BatchFinished):
            if event.step >= stop_after:
                control.stop()
    return record


# ---------------------------------------------------------------------- the schedule
@pytest.mark.parametrize("total", [0, 1, 7, 300, 12_000, 600_000])
@pytest.mark.parametrize("budget_snapshots", [2, 10, 268, 5000])
def test_the_schedule_keeps_the_ends_fits_the_budget_and_is_dense_early(total, budget_snapshots):
    per_snapshot = 1000
    steps = snapshot_schedule(total, per_snapshot, budget_snapshots * per_snapshot)
    assert steps[0] == 0 and steps[-1] == total
    assert np.all(np.diff(steps) > 0)
    assert steps.size == min(total + 1, budget_snapshots)
    gaps = np.diff(steps)
    if gaps.size >= 4:  # the first quarter's gaps are no wider than the last quarter's
        q = gaps.size // 4
        assert gaps[:q].mean() <= gaps[-q:].mean()


def test_the_default_network_keeps_its_first_steps_all_and_fits_100_mb():
    record = RunRecord.for_run(
        _config(hidden=(50, 100), epochs=20, batch_size=100), 784, 10, 60_000
    )
    steps = record.schedule
    assert steps[-1] == 12_000
    assert np.array_equal(steps[:21], np.arange(21))  # the first 20 steps, every one
    snapshot_mb = 183_000 * steps.size / 1e6  # float32 784-50-100-10: 45,810 parameters
    assert 100 < steps.size and snapshot_mb < 60


# ---------------------------------------------------------------------- what a run leaves
def test_a_finished_run_leaves_every_step_evaluation_and_scheduled_snapshot(tiny):
    record = _recorded_run(tiny, evals_per_epoch=2)
    assert record.status == "finished"
    assert record.total_steps == record.steps_recorded == 40
    assert np.array_equal(record.step_column("step"), np.arange(1, 41))
    assert np.all(np.isfinite(record.step_column("cross_entropy")))
    assert np.all(record.step_column("lr") == 0.5)
    assert record.grad_norms.shape == record.update_ratios.shape == (40, 3)
    assert record.evaluations_recorded == 4
    assert np.array_equal(record.eval_column("step"), [10, 20, 30, 40])
    assert record.confusion(3).sum() == len(tiny.test)
    assert record.predictions(3).shape == (len(tiny.test),)
    assert np.array_equal(record.snapshot_steps, record.schedule)  # a small run: every step
    assert record.evaluation_before(25) == 1 and record.evaluation_before(5) is None
    assert record.step_rows(38).shape == (2, len(STEP_COLUMNS))
    assert record.eval_rows(3)[0, 0] == 40


def test_evaluations_come_back_as_the_trainer_reported_them(tiny):
    config = _config(evals_per_epoch=2)
    record = RunRecord.for_run(config, 16, 10, len(tiny.train))
    reported = []
    for event in train(config, tiny, snapshot_steps=record.schedule):
        record.add(event)
        if isinstance(event, ev.Evaluated):
            reported.append(event)
    for i, event in enumerate(reported):
        back = record.evaluation(i)
        for name in ("step", "epoch", "test_accuracy", "train_mse", "epoch_end"):
            assert getattr(back, name) == getattr(event, name), name
        np.testing.assert_array_equal(back.confusion, event.confusion)
        np.testing.assert_array_equal(back.test_predictions, event.test_predictions)
    assert record.evaluation().step == reported[-1].step


def test_a_snapshot_gives_back_the_network_as_it_was(tiny):
    config = _config()
    record = RunRecord.for_run(config, 16, 10, len(tiny.train))
    network = config.make_network(16, 10)
    seen = {}
    for event in train(config, tiny, network=network, snapshot_steps=record.schedule):
        record.add(event)
        if isinstance(event, ev.BatchFinished) and event.step == 7:
            seen = {k: v.copy() for k, v in network.params.items()}
    net7, step = record.network_at(7)
    assert step == 7
    assert all(np.array_equal(net7.params[k], seen[k]) for k in seen)
    last, step = record.network_at(None)
    assert step == 40 and np.array_equal(last.params["W2"], network.params["W2"])
    assert record.snapshot_at(10_000).step == 40  # nearest


def test_reserved_snapshot_memory_holds_the_whole_run_as_it_was(tiny):
    """A live run's record takes the memory of all its planned snapshots before training (so
    that keeping one is a plain copy): what it then keeps is the same as without."""
    config = _config()
    reserved = RunRecord.for_run(config, 16, 10, len(tiny.train))
    plain = RunRecord.for_run(config, 16, 10, len(tiny.train))
    reserved.reserve_snapshots()
    assert len(reserved.snapshots) == 0  # room made, nothing listed yet
    for event in train(config, tiny, snapshot_steps=reserved.schedule):
        reserved.add(event)
        plain.add(event)
    np.testing.assert_array_equal(reserved.snapshot_steps, plain.snapshot_steps)
    for mine, theirs in zip(reserved.snapshots, plain.snapshots, strict=True):
        assert mine.epoch == theirs.epoch
        for name, value in theirs.params.items():
            np.testing.assert_array_equal(mine.params[name], value)


def test_a_stopped_run_keeps_what_it_has_and_its_last_weights(tiny):
    record = _recorded_run(tiny, stop_after=13)
    assert record.status == "stopped"
    assert record.steps_recorded == 13
    assert record.snapshot_steps[-1] == 13


def test_a_diverged_run_ends_on_its_last_good_weights(tiny):
    record = _recorded_run(tiny, lr=1e6)
    assert record.status == "diverged"
    last = record.snapshot_at()
    assert all(np.all(np.isfinite(p)) for p in last.params.values())


# ---------------------------------------------------------------------- files
def test_save_and_load_round_trip(tiny, tmp_path):
    record = _recorded_run(tiny, stop_after=25, evals_per_epoch=2)
    path = record.save(tmp_path / "run")
    assert path.name == "run.npz"
    back = RunRecord.load(path)
    assert back.status == "stopped" and back.message == record.message
    assert back.config == record.config and back.sizes == record.sizes
    assert back.dataset == "tiny"
    for name in STEP_COLUMNS:
        np.testing.assert_array_equal(back.step_column(name), record.step_column(name))
    for name in EVAL_COLUMNS:
        np.testing.assert_array_equal(back.eval_column(name), record.eval_column(name))
    np.testing.assert_array_equal(back.grad_norms, record.grad_norms)
    np.testing.assert_array_equal(back.update_ratios, record.update_ratios)
    np.testing.assert_array_equal(back.confusion(1), record.confusion(1))
    np.testing.assert_array_equal(back.predictions(0), record.predictions(0))
    np.testing.assert_array_equal(back.snapshot_steps, record.snapshot_steps)
    for a, b in zip(back.snapshots, record.snapshots, strict=True):
        assert a.step == b.step and a.epoch == b.epoch
        assert all(np.array_equal(a.params[k], b.params[k]) for k in b.params)
    assert back.summary() == record.summary()
    # a loaded record goes on growing like a live one
    back.add(
        ev.BatchFinished(26, 1.3, 1.0, 0.5, 0.5, 1.0, 0.5, 40, 0.5, 0.1, 0.5, (1,) * 3, (1,) * 3)
    )
    assert back.steps_recorded == 26


def test_saving_writes_atomically_and_an_unwritable_place_says_so(tiny, tmp_path):
    record = _recorded_run(tiny, stop_after=3)
    target = tmp_path / "run.npz"
    record.save(target)
    assert [p.name for p in tmp_path.iterdir()] == ["run.npz"]  # no temporary file left
    with pytest.raises(RecordFileError, match="cannot write"):
        record.save(tmp_path / "missing" / "run.npz")


def _write(path, arrays) -> None:
    with open(path, "wb") as fh:
        np.savez(fh, **arrays)


def _good_arrays(tiny, tmp_path) -> dict[str, np.ndarray]:
    path = _recorded_run(tiny, stop_after=5).save(tmp_path / "good.npz")
    with np.load(path) as data:
        return {k: data[k] for k in data.files}


def _with_meta(arrays, **changes):
    meta = json.loads(str(arrays["meta"][()]))
    meta.update(changes)
    return {**arrays, "meta": np.array(json.dumps(meta))}


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda a: {k: v for k, v in a.items() if k != "meta"}, "not a run record"),
        (lambda a: {**a, "meta": np.array("{not json")}, "not valid JSON"),
        (lambda a: _with_meta(a, format="something else"), "not a run record"),
        (lambda a: _with_meta(a, format_version=99), "newer than this nnviz"),
        (lambda a: _with_meta(a, status="exploded"), "unknown status"),
        (lambda a: _with_meta(a, sizes=[16, 3, 10]), "do not match"),
        (lambda a: {k: v for k, v in a.items() if k != "grad_norms"}, "no 'grad_norms'"),
        (lambda a: {**a, "steps": a["steps"][:-1]}, "do not fit together"),
        (lambda a: {**a, "snapshot_W1": a["snapshot_W1"][:, :3]}, "snapshots of W1"),
        (lambda a: {**a, "snapshot_b2": a["snapshot_b2"] * np.nan}, "NaN"),
        (lambda a: {**a, "steps": a["steps"].astype(np.int64)}, "wrong shape or type"),
    ],
)
def test_a_broken_record_file_is_refused_in_one_line(tiny, tmp_path, make, message):
    path = tmp_path / "bad.npz"
    _write(path, make(_good_arrays(tiny, tmp_path)))
    with pytest.raises(RecordFileError, match=message) as info:
        RunRecord.load(path)
    assert "\n" not in str(info.value) and str(path) in str(info.value)


def test_a_model_file_truncated_file_and_pickle_are_refused(tiny, tmp_path):
    model = save_model(tmp_path / "model.npz", _config().make_network(16, 10))
    with pytest.raises(RecordFileError, match="not a run record"):
        RunRecord.load(model)
    good = _recorded_run(tiny, stop_after=2).save(tmp_path / "run.npz")
    cut = tmp_path / "cut.npz"
    cut.write_bytes(good.read_bytes()[:5000])
    with pytest.raises(RecordFileError, match="corrupt or truncated"):
        RunRecord.load(cut)
    pickled = tmp_path / "pickled.npz"
    with open(pickled, "wb") as fh:
        np.savez(fh, meta=np.array([{"a": 1}], dtype=object))
    with pytest.raises(RecordFileError, match="Python objects"):
        RunRecord.load(pickled)
    with pytest.raises(RecordFileError, match="cannot read"):
        RunRecord.load(tmp_path / "nothing.npz")


def test_a_run_longer_than_planned_and_an_empty_record_still_save(tiny, tmp_path):
    record = RunRecord(_config(), (16, 12, 8, 10))
    record.plan(3)  # room for 5 snapshots; the run below keeps 41
    control = TrainingControl()
    for event in train(_config(), tiny, control, snapshot_steps=range(41)):
        record.add(event)
    assert np.array_equal(record.snapshot_steps, np.arange(41))
    back = RunRecord.load(record.save(tmp_path / "long.npz"))
    assert np.array_equal(back.snapshots[7].params["W2"], record.snapshots[7].params["W2"])
    empty = RunRecord.load(RunRecord(_config(), (16, 12, 8, 10)).save(tmp_path / "empty.npz"))
    assert empty.snapshot_steps.size == 0 and empty.steps_recorded == 0


# ---------------------------------------------------------------------- time travel
def test_interpolated_weights_run_in_a_straight_line_from_one_snapshot_to_the_next():
    rng = np.random.default_rng(0)
    a = {"W1": rng.normal(size=(4, 3)).astype(np.float32), "b1": np.zeros(3, np.float32)}
    b = {"W1": rng.normal(size=(4, 3)).astype(np.float32), "b1": np.ones(3, np.float32)}
    np.testing.assert_array_equal(interpolate_params(a, b, 0.0)["W1"], a["W1"])
    np.testing.assert_array_equal(interpolate_params(a, b, 1.0)["W1"], b["W1"])
    quarter = interpolate_params(a, b, 0.25)
    assert quarter["W1"].dtype == np.float32
    np.testing.assert_allclose(quarter["W1"], 0.75 * a["W1"] + 0.25 * b["W1"], rtol=1e-6)
    np.testing.assert_allclose(quarter["b1"], 0.25)
    np.testing.assert_array_equal(interpolate_params(a, b, 7.0)["b1"], b["b1"])  # clamped
    np.testing.assert_array_equal(interpolate_params(a, b, -1.0)["b1"], a["b1"])
    assert interpolate_params(a, b, 0.0)["W1"] is not a["W1"]  # new arrays: a stays as it is
    with pytest.raises(ValueError, match="shape"):
        interpolate_params(a, {**b, "W1": b["W1"][:2]}, 0.5)
    with pytest.raises(ValueError, match="differ"):
        interpolate_params(a, {"W1": b["W1"]}, 0.5)


def test_params_between_snapshots_meet_each_snapshot_at_its_place(tiny):
    record = _recorded_run(tiny, stop_after=6)
    snaps = record.snapshots
    for i, snap in enumerate(snaps):
        np.testing.assert_array_equal(record.params_between(i)["W2"], snap.params["W2"])
    half = record.params_between(2.5)["W2"]
    np.testing.assert_allclose(half, (snaps[2].params["W2"] + snaps[3].params["W2"]) / 2, 1e-6)
    np.testing.assert_array_equal(record.params_between(99)["b1"], snaps[-1].params["b1"])


def test_a_copy_of_a_record_stays_as_it_was_while_the_run_goes_on(tiny, tmp_path):
    config = _config()
    record = RunRecord.for_run(config, 16, 10, len(tiny.train), dataset="tiny")
    record.reserve_snapshots()
    copy = None
    for event in train(config, tiny, snapshot_steps=record.schedule):
        record.add(event)
        if isinstance(event, ev.WeightsSnapshot) and event.step == 10:
            copy = record.copy()
            early = {k: v.copy() for k, v in copy.snapshot_at(10).params.items()}
    assert record.steps_recorded == 40 and record.status == "finished"
    assert copy.steps_recorded == 10 and copy.status == "running"
    assert copy.snapshot_steps[-1] == 10 and copy.snapshot_at(10).step == 10
    for k, v in early.items():
        np.testing.assert_array_equal(copy.snapshot_at(10).params[k], v)
        np.testing.assert_array_equal(record.snapshot_at(10).params[k], v)
    back = RunRecord.load(copy.save(tmp_path / "copy.npz"))  # a running run's copy saves whole
    assert back.steps_recorded == 10 and back.status == "running"
    np.testing.assert_array_equal(back.step_column("loss"), record.step_column("loss")[:10])
    whole = RunRecord.load(record.copy().save(tmp_path / "whole.npz"))  # with its evaluations
    assert len(record.layer_diagnostics()["grad_rms"]) > 0
    for name, table in record.layer_diagnostics().items():
        np.testing.assert_array_equal(whole.layer_diagnostics()[name], table)
    assert whole.changes == record.changes
