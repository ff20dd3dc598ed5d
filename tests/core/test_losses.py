"""Losses: values against the formulas, fused gradients against central differences."""

from __future__ import annotations

import numpy as np
import pytest
from gradcheck import TOLERANCE, numerical_gradient, relative_error

from nnviz.core.activations import softmax
from nnviz.core.errors import ConfigError
from nnviz.core.losses import CrossEntropy, MeanSquaredError, get_loss, loss_names

LOSS_NAMES = ["cross-entropy", "mse"]


def _one_hot(labels: np.ndarray, classes: int) -> np.ndarray:
    return np.eye(classes)[labels]


def _mse_by_formula(y: np.ndarray, labels: np.ndarray) -> float:
    t = _one_hot(labels, y.shape[1])
    return float(
        np.mean(
            [
                0.5 * sum((yk - tk) ** 2 for yk, tk in zip(yr, tr, strict=True))
                for yr, tr in zip(y, t, strict=True)
            ]
        )
    )


def _ce_by_formula(y: np.ndarray, labels: np.ndarray) -> float:
    t = _one_hot(labels, y.shape[1])
    return float(
        np.mean(
            [
                -sum(tk * np.log(yk) for yk, tk in zip(yr, tr, strict=True))
                for yr, tr in zip(y, t, strict=True)
            ]
        )
    )


FORMULAS = {"cross-entropy": _ce_by_formula, "mse": _mse_by_formula}


def _batch(seed: int = 0, n: int = 5, classes: int = 4):
    rng = np.random.default_rng(seed)
    logits = 2 * rng.standard_normal((n, classes))
    labels = rng.integers(0, classes, n)
    return logits, labels


# ---------------------------------------------------------------------- values
def test_book_example_values():
    # the book's chapter 4 example: t = 2, y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0]
    y = np.array([[0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0]])
    labels = np.array([2])
    assert get_loss("mse").value(y, labels) == pytest.approx(0.0975, abs=1e-12)
    assert get_loss("cross-entropy").value(y, labels) == pytest.approx(-np.log(0.6), rel=1e-6)


@pytest.mark.parametrize("name", LOSS_NAMES)
def test_value_matches_the_formula_averaged_over_the_batch(name):
    logits, labels = _batch()
    y = softmax(logits)
    loss = get_loss(name)
    expected = FORMULAS[name](y, labels)
    # rel 1e-5: cross-entropy adds 1e-7 to y before the log (the smallest true y here is ~0.01)
    assert loss.value(y, labels) == pytest.approx(expected, rel=1e-5)
    per = loss.per_sample(y, labels)
    assert per.shape == (5,)
    assert per.mean() == pytest.approx(expected, rel=1e-5)


@pytest.mark.parametrize("name", LOSS_NAMES)
def test_value_and_grad_returns_the_value_and_softmax_of_the_logits(name):
    logits, labels = _batch(1)
    loss = get_loss(name)
    value, grad, y = loss.value_and_grad(logits.copy(), labels)
    assert np.allclose(y, softmax(logits), rtol=1e-12)
    assert value == pytest.approx(FORMULAS[name](softmax(logits), labels), rel=1e-6)
    assert grad.shape == logits.shape


def test_cross_entropy_gradient_is_y_minus_t_over_batch():
    logits, labels = _batch(2)
    _, grad, y = get_loss("cross-entropy").value_and_grad(logits.copy(), labels)
    assert np.allclose(grad, (softmax(logits) - _one_hot(labels, 4)) / 5)


@pytest.mark.parametrize("name", LOSS_NAMES)
def test_value_and_grad_does_not_modify_the_logits(name):
    logits, labels = _batch(3)
    before = logits.copy()
    get_loss(name).value_and_grad(logits, labels)
    assert np.array_equal(logits, before)


# ---------------------------------------------------------------------- gradient checks
@pytest.mark.parametrize("name", LOSS_NAMES)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_gradient_matches_central_differences(name, seed):
    logits, labels = _batch(seed, n=6, classes=5)
    loss = get_loss(name)
    _, analytic, _ = loss.value_and_grad(logits.copy(), labels)
    numeric = numerical_gradient(lambda: loss.value_and_grad(logits, labels)[0], logits)
    assert relative_error(analytic, numeric) < TOLERANCE


@pytest.mark.parametrize("name", LOSS_NAMES)
def test_gradient_of_a_confident_batch_matches_central_differences(name):
    # large logits: the log-sum-exp path of cross-entropy and a saturated softmax for MSE
    logits = np.array([[8.0, -3.0, 1.0], [-6.0, 7.0, 0.5]])
    labels = np.array([1, 1])
    loss = get_loss(name)
    _, analytic, _ = loss.value_and_grad(logits.copy(), labels)
    numeric = numerical_gradient(lambda: loss.value_and_grad(logits, labels)[0], logits)
    assert relative_error(analytic, numeric) < TOLERANCE


# ---------------------------------------------------------------------- stability
@pytest.mark.parametrize("name", LOSS_NAMES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_huge_logits_give_finite_loss_and_gradient(name, dtype):
    logits = np.array([[1000.0, -1000.0, 0.0], [-1000.0, 1000.0, 0.0]], dtype=dtype)
    labels = np.array([1, 1])
    value, grad, y = get_loss(name).value_and_grad(logits, labels)
    assert np.isfinite(value) and np.all(np.isfinite(grad)) and np.all(np.isfinite(y))
    if name == "cross-entropy":
        assert value == pytest.approx(1000.0, rel=1e-6)  # (2000 + 0) / 2
    else:
        assert value == pytest.approx(0.5, rel=1e-6)  # (1/2 (1 + 1) + 0) / 2


def test_cross_entropy_of_a_zero_probability_is_finite():
    y = np.array([[1.0, 0.0]], dtype=np.float32)
    assert np.isfinite(get_loss("cross-entropy").value(y, np.array([1])))


# ---------------------------------------------------------------------- of_true_probability
@pytest.mark.parametrize("name", LOSS_NAMES)
def test_of_true_probability_agrees_with_value(name):
    loss = get_loss(name)
    for p in (0.05, 0.3, 0.5, 0.9, 1.0):
        y = np.full((1, 10), (1 - p) / 9)
        y[0, 3] = p
        assert loss.of_true_probability(np.array(p)) == pytest.approx(
            loss.value(y, np.array([3])), rel=1e-9
        )


def test_of_true_probability_curves():
    p = np.linspace(0.1, 1.0, 10).reshape(2, 5)
    ce = get_loss("cross-entropy").of_true_probability(p)
    mse = get_loss("mse").of_true_probability(p)
    assert ce.shape == mse.shape == p.shape
    assert np.allclose(ce, -np.log(p), atol=1e-6)
    assert np.allclose(mse, 0.5 * (1 - p) ** 2 * (1 + 1 / 9))
    two = get_loss("mse").of_true_probability(np.array([0.25]), classes=2)
    assert two == pytest.approx(0.5 * (0.75**2 + 0.75**2))
    assert np.all(np.diff(ce.ravel()) < 0) and np.all(np.diff(mse.ravel()) < 0)


# ---------------------------------------------------------------------- registry
def test_registry_and_aliases():
    assert loss_names() == ["cross-entropy", "mse"]
    assert isinstance(get_loss("cross-entropy"), CrossEntropy)
    for alias in ("ce", "CE", "cross_entropy", "crossentropy"):
        assert isinstance(get_loss(alias), CrossEntropy)
    for alias in ("mse", "mean_squared_error", "mean-squared-error"):
        assert isinstance(get_loss(alias), MeanSquaredError)
    loss = MeanSquaredError()
    assert get_loss(loss) is loss
    assert get_loss("mse").formula and get_loss("ce").formula


@pytest.mark.parametrize("name", ["hinge", "", "softmax"])
def test_unknown_loss_raises_config_error(name):
    with pytest.raises(ConfigError) as info:
        get_loss(name)
    assert str(info.value) == f"unknown loss {name!r}; choose one of cross-entropy, mse"


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_cross_entropy_is_exact_when_rows_lie_far_apart(dtype):
    # one row's logits far below another's: a shift shared by the batch would underflow it
    logits = np.array([[1000.0, 999.0, 990.0], [-1000.0, -1001.0, -1003.0], [0.0, 5.0, -2.0]])
    labels = np.array([1, 0, 2])
    value, grad, y = get_loss("cross-entropy").value_and_grad(logits.astype(dtype), labels)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_y = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    expected = -log_y[np.arange(3), labels].mean()
    assert value == pytest.approx(expected, rel=1e-6)
    np.testing.assert_allclose(y, np.exp(log_y), rtol=1e-5, atol=1e-7)
    t = np.eye(3)[labels]
    np.testing.assert_allclose(grad, (np.exp(log_y) - t) / 3, rtol=1e-5, atol=1e-7)


# ---------------------------------------------------------------------- per sample, from logits
@pytest.mark.parametrize("name", LOSS_NAMES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_per_sample_logits_averages_to_value_and_grads_loss(name, dtype):
    logits, labels = _batch(seed=3, n=50, classes=10)
    loss = get_loss(name)
    per_sample = loss.per_sample_logits(logits.astype(dtype), labels)
    assert per_sample.shape == (50,)
    value, _, _ = loss.value_and_grad(logits.astype(dtype), labels)
    assert per_sample.mean(dtype=np.float64) == pytest.approx(value, rel=1e-6)
    assert per_sample.mean() == pytest.approx(FORMULAS[name](softmax(logits), labels), rel=1e-5)


def test_cross_entropy_from_logits_is_exact_without_a_cap_and_never_negative():
    """-log softmax(a)_t exactly: a confident mistake costs what it costs (not the 16.1 of
    log(y + 1e-7)), a confident right answer costs a tiny positive amount (not -1e-7)."""
    logits = np.array([[0.0, 40.0, 0.0], [40.0, 0.0, 0.0], [1.0, 1.0, 1.0], [2.0, 2.0, -1.0]])
    labels = np.array([0, 0, 2, 1])
    got = get_loss("cross-entropy").per_sample_logits(logits, labels)
    expected = [
        40 + np.log1p(2 * np.exp(-40.0)),  # wrong, with all the confidence of e^40
        np.log1p(2 * np.exp(-40.0)),  # right with that confidence: 8.5e-18, not 0 or below
        np.log(3.0),  # three equal logits
        np.log1p(1 + np.exp(-3.0)),  # a tie for the largest logit, t one of the two
    ]
    np.testing.assert_allclose(got, expected, rtol=1e-12)
    assert got[0] > 39 and got[1] > 0
    from_probabilities = get_loss("cross-entropy").per_sample(softmax(logits), labels)
    assert from_probabilities[0] < 16.2 and from_probabilities[1] < 0  # what the eps did
