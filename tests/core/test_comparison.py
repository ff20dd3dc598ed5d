"""Comparing two runs at one step: same initial weights, the settings that differ, the steps to
compare at, each run's answer and accuracy per class at a step."""

from __future__ import annotations

import numpy as np
import pytest
from test_training import _config, _make_dataset

from nnviz.core.comparison import (
    class_accuracy,
    compared_steps,
    differing_settings,
    run_at_step,
    same_initial_weights,
)
from nnviz.core.recording import RunRecord
from nnviz.core.training import TrainingConfig, train


@pytest.fixture(scope="module")
def tiny():
    return _make_dataset()


def _run(dataset, snapshot_steps=None, **changes) -> RunRecord:
    config = _config(**changes)
    record = RunRecord.for_run(config, 16, 10, len(dataset.train), dataset="tiny")
    steps = record.schedule if snapshot_steps is None else snapshot_steps
    for event in train(config, dataset, snapshot_steps=steps):
        record.add(event)
    return record


def test_runs_from_one_seed_share_their_initial_weights_and_other_seeds_do_not(tiny):
    base = _run(tiny, seed=3)
    other_lr = _run(tiny, seed=3, lr=0.05)
    other_seed = _run(tiny, seed=4)
    assert same_initial_weights(base, other_lr) is True
    assert same_initial_weights(base, other_seed) is False
    wider = _run(tiny, seed=3, hidden=(20, 8))
    assert same_initial_weights(base, wider) is False  # other shapes
    late = _run(tiny, snapshot_steps=[5, 9], seed=3)  # kept no step 0: cannot tell
    assert late.snapshot_steps[0] == 5
    assert same_initial_weights(base, late) is None


def test_the_settings_that_differ_are_named_in_the_configs_order():
    a = TrainingConfig()
    assert differing_settings(a, a) == ()
    b = a.with_(lr=0.5, activation="relu", seed=2)
    assert differing_settings(a, b) == ("activation", "lr", "seed")


def test_the_steps_to_compare_at_are_every_step_either_run_kept(tiny):
    a = _run(tiny, snapshot_steps=[0, 2, 7])
    b = _run(tiny, snapshot_steps=[0, 3, 7, 12])
    steps = compared_steps(a, b)
    assert steps.tolist() == sorted(set(a.snapshot_steps) | set(b.snapshot_steps))
    assert steps.dtype == np.int64


def test_accuracy_per_class_is_the_diagonal_over_each_true_class():
    confusion = np.array([[8, 2, 0], [1, 1, 2], [0, 0, 0]])
    np.testing.assert_allclose(class_accuracy(confusion), [0.8, 0.25, 0.0])


def test_a_run_at_a_step_answers_as_its_snapshot_and_scores_as_its_last_evaluation(tiny):
    record = _run(tiny, evals_per_epoch=2)
    x = tiny.test.floats(3)
    evals = record.eval_column("step")
    step = int(evals[1]) + 1  # just after the second evaluation
    shown = run_at_step(record, step, x)
    network, kept = record.network_at(step)
    assert shown.step == kept
    np.testing.assert_allclose(shown.probabilities, network.forward(x[None])[0], rtol=1e-6)
    assert shown.probabilities.sum() == pytest.approx(1.0)
    np.testing.assert_array_equal(shown.W1, network.params["W1"])
    assert shown.evaluation_step == int(evals[1])
    np.testing.assert_allclose(shown.class_accuracy, class_accuracy(record.confusion(1)))
    early = run_at_step(record, 0, np.zeros(5))  # before any evaluation; an input that misfits
    assert early.step == 0 and early.evaluation_step is None and early.class_accuracy is None
    assert early.probabilities is None
