"""The coach's hint rules, each on a synthetic run record that shows its pattern and on one that
does not, and the hints' texts, numbers and fixes."""

from __future__ import annotations

import string

import numpy as np
import pytest

from nnviz.core import events as ev
from nnviz.core.coach import RULES, TEXTS, hints, weight_histogram
from nnviz.core.recording import RunRecord
from nnviz.core.training import TrainingConfig

_NO_CONFUSION = np.zeros((10, 10), dtype=np.int64)
_HEALTHY = np.linspace(2.3, 0.3, 400) + 0.02 * np.sin(np.arange(400))  # falls, then keeps going


def _record(
    losses,
    evaluations=(),
    status: str = "running",
    message: str = "",
    changes=(),
    **config,
) -> RunRecord:
    """A record of a 784-50-100-10 run with the given per-step losses and evaluations (dicts of
    Evaluated fields)."""
    cfg = TrainingConfig(**config)
    record = RunRecord(cfg, cfg.sizes())
    record.add(ev.TrainingStarted(0, 0.0, 0.0, 10_000, 600, 60_000, 10_000))
    steps = np.arange(1, len(losses) + 1)
    record.add_batches(
        [
            ev.BatchFinished(int(s), s / 600, s * 0.01, float(v), 0.5, 1e5, 0.5, 10_000, float(v))
            for s, v in zip(steps, losses, strict=True)
        ]
    )
    for i, values in enumerate(evaluations):
        fields = {
            "test_accuracy": 0.9,
            "test_cross_entropy": 0.3,
            "test_mse": 0.05,
            "train_accuracy": 0.9,
            "train_cross_entropy": 0.3,
            "train_mse": 0.05,
            **values,
        }
        step = int(values.get("step", (i + 1) * 100))
        fields.pop("step", None)
        record.add(
            ev.Evaluated(
                step,
                step / 600,
                1.0,
                epoch_end=False,
                confusion=_NO_CONFUSION,
                test_predictions=np.zeros(10_000, dtype=np.intp),
                **fields,
            )
        )
    for step, name, old, new in changes:
        record.add(ev.HyperparameterChanged(step, step / 600, 1.0, name, old, new))
    record.status, record.message = status, message
    return record


def _rules(record: RunRecord) -> list[str]:
    return [h.rule for h in hints(record)]


def test_a_healthy_run_gets_no_hints():
    evaluations = [
        {
            "inactive": (0.05, 0.1),
            "saturated": (0.3, 0.2),
            "validation_cross_entropy": v,
            "train_cross_entropy": t,
            "validation_accuracy": 0.9,
        }
        for v, t in [(0.5, 0.5), (0.4, 0.38), (0.35, 0.3), (0.33, 0.25)]
    ]
    assert hints(_record(_HEALTHY, evaluations)) == []


# ---------------------------------------------------------------------- divergence
def test_a_diverged_run_is_told_to_take_a_learning_rate_ten_times_smaller():
    record = _record(
        _HEALTHY[:50],
        status="diverged",
        message="training diverged at step 51 (loss 1.2e+03); the learning rate 5 is too large",
        lr=5.0,
    )
    (hint,) = hints(record)
    assert hint.rule == "divergence" and hint.fix == {"lr": 0.5}
    assert "step 51" in hint.message and "1.2e+03" in hint.message
    assert "learning rate 5 is too large. Try 0.5." in hint.message


def test_a_loss_that_explodes_live_is_caught_before_the_trainer_gives_up():
    losses = np.concatenate([np.linspace(2.3, 0.5, 200), np.geomspace(0.5, 40, 60)])
    (hint,) = [h for h in hints(_record(losses, lr=2.0)) if h.rule == "divergence"]
    assert hint.fix == {"lr": 0.2}
    assert "divergence" not in _rules(_record(_HEALTHY, lr=2.0))


def test_a_learning_rate_changed_mid_run_is_the_one_the_fix_starts_from():
    record = _record(
        _HEALTHY[:50],
        status="diverged",
        message="(loss inf)",
        lr=1.0,
        changes=[(20, "lr", 1.0, 8.0)],
    )
    (hint,) = hints(record)
    assert hint.fix == {"lr": 0.8} and "learning rate 8 is too large" in hint.message


# ---------------------------------------------------------------------- learning rate too small
def test_a_flat_loss_asks_for_a_larger_learning_rate():
    losses = 2.30 - np.linspace(0, 0.03, 300)
    (hint,) = hints(_record(losses, lr=0.001))
    assert hint.rule == "lr_too_small" and hint.fix == {"lr": 0.01}
    assert "After 300 steps" in hint.message and "2.3" in hint.message
    assert "lr_too_small" not in _rules(_record(_HEALTHY, lr=0.001))
    assert "lr_too_small" not in _rules(_record(losses[:50], lr=0.001))  # too early to tell


# ---------------------------------------------------------------------- dead ReLU units
def test_dead_relu_units_ask_for_a_smaller_rate_and_he_initialisation():
    dead = _record(_HEALTHY, [{"inactive": (0.8, 0.3)}], activation="relu", init="xavier")
    (hint,) = hints(dead)
    assert hint.rule == "dead_units"
    assert hint.fix == {"lr": 0.1, "init": "he"}
    assert "80% of the units of hidden layer 1" in hint.message
    with_he = _record(_HEALTHY, [{"inactive": (0.1, 0.6)}], activation="relu", init="he")
    (hint,) = hints(with_he)
    assert hint.fix == {"lr": 0.1} and "hidden layer 2" in hint.message
    alive = _record(_HEALTHY, [{"inactive": (0.1, 0.2)}], activation="relu")
    assert hints(alive) == []


def test_a_flat_loss_with_dead_units_is_not_told_to_raise_the_learning_rate():
    flat = np.full(300, 2.3)
    rules = _rules(_record(flat, [{"inactive": (0.9, 0.9)}], activation="relu"))
    assert rules == ["dead_units"]


# ---------------------------------------------------------------------- saturation
def test_a_saturated_sigmoid_layer_asks_for_smaller_initial_weights():
    record = _record(_HEALTHY, [{"saturated": (0.9, 0.4)}], init_scale=4.0)
    (hint,) = hints(record)
    assert hint.rule == "saturation" and hint.fix == {"init_scale": 0.5}
    assert "90% of the values of hidden layer 1 sit where sigmoid is flat" in hint.message
    small = _record(_HEALTHY, [{"saturated": (0.9, 0.4)}], init_scale=0.5)
    (hint,) = hints(small)
    assert hint.fix == {"activation": "relu", "init": "he", "init_scale": 1.0}
    assert hints(_record(_HEALTHY, [{"saturated": (0.5, 0.4)}])) == []


# ---------------------------------------------------------------------- overfitting
def _fitting(validation, training) -> list[dict]:
    return [
        {"validation_cross_entropy": v, "train_cross_entropy": t, "validation_accuracy": 0.9}
        for v, t in zip(validation, training, strict=True)
    ]


def test_overfitting_is_a_rising_validation_loss_while_the_training_loss_falls():
    evaluations = _fitting([0.5, 0.3, 0.31, 0.33, 0.36], [0.5, 0.3, 0.2, 0.1, 0.05])
    (hint,) = hints(_record(_HEALTHY, evaluations))
    assert hint.rule == "overfitting" and hint.fix == {"l2": 0.0001}
    assert "risen for 3 evaluations in a row (0.3 at step 200, now 0.36)" in hint.message
    assert "stop at step 200" in hint.message
    with_l2 = _record(_HEALTHY, evaluations, l2=0.001)
    assert hints(with_l2)[0].fix == {"dropout": 0.2}


@pytest.mark.parametrize(
    ("validation", "training"),
    [
        ([0.5, 0.3, 0.31, 0.29, 0.36], [0.5, 0.3, 0.2, 0.1, 0.05]),  # rose twice, not three times
        ([0.5, 0.3, 0.31, 0.33, 0.36], [0.5, 0.3, 0.31, 0.33, 0.36]),  # both rise: not overfitting
        ([0.5, 0.4, 0.3, 0.2, 0.1], [0.5, 0.4, 0.3, 0.2, 0.1]),  # both fall
    ],
)
def test_no_overfitting_without_its_pattern(validation, training):
    assert "overfitting" not in _rules(_record(_HEALTHY, _fitting(validation, training)))


def test_overfitting_is_never_judged_from_the_test_set():
    evaluations = [
        {"test_cross_entropy": v, "train_cross_entropy": t}
        for v, t in zip([0.5, 0.3, 0.31, 0.33, 0.36], [0.5, 0.3, 0.2, 0.1, 0.05], strict=True)
    ]
    assert hints(_record(_HEALTHY, evaluations)) == []  # no validation split: nothing to say


# ---------------------------------------------------------------------- plateau
def test_a_plateau_after_progress_asks_for_a_smaller_learning_rate():
    losses = np.concatenate([np.linspace(2.3, 0.6, 300), np.full(400, 0.6)])
    (hint,) = hints(_record(losses, lr=0.9))
    assert hint.rule == "plateau" and hint.fix == {"lr": 0.3}
    assert "stayed near 0.6 for the last 300 steps" in hint.message
    assert "plateau" not in _rules(_record(np.linspace(2.3, 0.2, 700)))


# ---------------------------------------------------------------------- texts
def test_every_rule_has_texts_whose_placeholders_its_hints_fill():
    for rule in RULES:
        assert any(key.startswith(rule) for key in TEXTS), rule
    for key, texts in TEXTS.items():
        assert set(texts) == {"message", "why"}, key
        names = {n for _, n, _, _ in string.Formatter().parse(texts["message"]) if n}
        assert names, key
        assert texts["why"] and "{" not in texts["why"]


def test_a_hint_serialises_to_plain_values():
    (hint,) = hints(_record(2.30 - np.linspace(0, 0.03, 300), lr=0.001))
    data = hint.to_dict()
    assert data == {
        "rule": "lr_too_small",
        "message": hint.message,
        "why": TEXTS["lr_too_small"]["why"],
        "fix": {"lr": 0.01},
        "step": 300,
    }


def test_weight_histograms_share_their_bins_and_count_in_percent():
    initial = np.array([[0.0, 0.0], [1.0, 1.0]])
    now = np.array([[2.0, 2.0], [2.0, 0.0]])
    h = weight_histogram(initial, now, bins=4)
    assert np.allclose(h.edges, [0.0, 0.5, 1.0, 1.5, 2.0])
    assert np.allclose(h.initial, [50, 0, 50, 0]) and np.allclose(h.now, [25, 0, 0, 75])
    flat = weight_histogram(np.zeros(3), np.zeros(3), bins=2)
    assert np.allclose(flat.edges, [-0.5, 0.0, 0.5]) and flat.now.sum() == 100
