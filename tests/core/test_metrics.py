"""Evaluation against numbers worked out by hand: accuracy, both losses, the confusion matrix,
uint8 scaling and evaluation in chunks."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.core import metrics
from nnviz.core.losses import get_loss
from nnviz.core.metrics import confusion_matrix, evaluate
from nnviz.core.network import Network


def _pass_through(classes: int = 3) -> Network:
    """A network whose logits are its input: classes-classes-classes, identity activation,
    identity weights and zero biases, in float64."""
    eye, zero = np.eye(classes), np.zeros(classes)
    params = {"W1": eye, "b1": zero, "W2": eye, "b2": zero}
    return Network((classes,) * 3, "identity", params=params, dtype=np.float64)


# logits of four samples, their labels; predicted 0, 1, 2, 0 against true 0, 1, 1, 2
LOGITS = np.array([[3.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 1.0], [5.0, 0.0, 0.0]])
LABELS = np.array([0, 1, 1, 2])


def _log_softmax(a: np.ndarray) -> np.ndarray:
    return a - np.log(np.exp(a).sum(axis=1, keepdims=True))


def test_evaluation_of_four_samples_worked_out_by_hand():
    result = evaluate(_pass_through(), LOGITS, LABELS)
    assert result.accuracy == 0.5  # 2 of 4 right, exactly
    assert result.predictions.tolist() == [0, 1, 2, 0]
    assert result.confusion.tolist() == [[1, 0, 0], [0, 1, 1], [1, 0, 0]]
    assert result.per_class_accuracy().tolist() == [1.0, 0.5, 0.0]
    ce = -_log_softmax(LOGITS)[np.arange(4), LABELS].mean()
    y = np.exp(_log_softmax(LOGITS))
    mse = 0.5 * ((y - np.eye(3)[LABELS]) ** 2).sum(axis=1).mean()
    assert result.cross_entropy == pytest.approx(ce, rel=1e-12)
    assert result.mse == pytest.approx(mse, rel=1e-12)
    assert result.loss("cross-entropy") == result.cross_entropy
    assert result.loss("mse") == result.loss("MSE") == result.mse


@pytest.mark.parametrize("right", [0, 1, 3, 4])
def test_accuracy_is_the_share_of_right_predictions(right):
    labels = LOGITS.argmax(axis=1).copy()
    labels[right:] = (labels[right:] + 1) % 3
    assert evaluate(_pass_through(), LOGITS, labels).accuracy == right / 4


def test_the_test_sets_cross_entropy_is_exact_not_capped():
    """A confident mistake costs -log p in full (not 16.1 from log(y + 1e-7)); a confident
    right answer costs a tiny positive amount (not -1e-7)."""
    logits = np.array([[0.0, 60.0, 0.0], [60.0, 0.0, 0.0]])
    result = evaluate(_pass_through(), logits, np.array([0, 0]))
    assert result.cross_entropy == pytest.approx((60 + 2 * 2 * np.exp(-60.0)) / 2, rel=1e-12)
    right = evaluate(_pass_through(), logits[1:], np.array([0]))
    assert right.cross_entropy > 0


def test_the_test_sets_cross_entropy_is_the_training_losss_form(mnist):
    from nnviz.core.model_io import load_model
    from nnviz.paths import resource_path

    network = load_model(resource_path("models", "default.npz")).network
    images, labels = mnist.test.images[:500], mnist.test.labels[:500]
    result = evaluate(network, images, labels)
    x = images.astype(np.float32) / np.float32(255)
    loss, _, _ = get_loss("cross-entropy").value_and_grad(network.logits(x), labels)
    assert result.cross_entropy == pytest.approx(loss, rel=1e-6)


def test_uint8_images_are_scaled_by_1_over_255():
    rng = np.random.default_rng(0)
    network = Network((6, 5, 4), seed=1)
    images = rng.integers(0, 256, (40, 6), dtype=np.uint8)
    labels = rng.integers(0, 4, 40)
    scaled = evaluate(network, images.astype(np.float32) / np.float32(255), labels)
    result = evaluate(network, images, labels)
    assert result.accuracy == scaled.accuracy
    assert result.cross_entropy == pytest.approx(scaled.cross_entropy, rel=1e-6)
    assert result.mse == pytest.approx(scaled.mse, rel=1e-6)
    other = evaluate(network, images.astype(np.float32) / np.float32(256), labels)
    assert other.cross_entropy != pytest.approx(scaled.cross_entropy, rel=1e-5)  # it would show


def test_float_images_of_another_dtype_are_used_as_they_are_not_rescaled():
    network = Network((6, 5, 4), seed=1, dtype=np.float64)
    rng = np.random.default_rng(1)
    images, labels = rng.random((30, 6)), rng.integers(0, 4, 30)
    exact = evaluate(network, images, labels)
    single = evaluate(network, images.astype(np.float32), labels)  # copied, not scaled by 1/255
    assert single.cross_entropy == pytest.approx(exact.cross_entropy, rel=1e-6)
    assert single.mse == pytest.approx(exact.mse, rel=1e-6)
    assert exact.predictions.dtype == np.intp


@pytest.mark.parametrize("extra", [0, 1, 7])
def test_uint8_images_in_chunks_equal_one_pass(extra):
    n = 2 * metrics._EVAL_CHUNK + extra
    rng = np.random.default_rng(extra)
    network = Network((5, 4, 3), seed=2)
    images, labels = rng.integers(0, 256, (n, 5), dtype=np.uint8), rng.integers(0, 3, n)
    result = evaluate(network, images, labels)
    x = images.astype(np.float32) / np.float32(255)
    y = network.forward(x)
    assert np.array_equal(result.predictions, y.argmax(axis=1))
    mse = 0.5 * ((y.astype(np.float64) - np.eye(3)[labels]) ** 2).sum(axis=1).mean()
    assert result.mse == pytest.approx(mse, rel=1e-6)
    ce = get_loss("cross-entropy").value_and_grad(network.logits(x), labels)[0]
    assert result.cross_entropy == pytest.approx(ce, rel=1e-6)


@pytest.mark.parametrize("extra", [0, 1, 7])
def test_evaluation_in_chunks_equals_one_pass(extra):
    n = 2 * metrics._EVAL_CHUNK + extra
    rng = np.random.default_rng(extra)
    network = Network((5, 4, 3), "identity", seed=2, dtype=np.float64)
    images, labels = rng.standard_normal((n, 5)), rng.integers(0, 3, n)
    result = evaluate(network, images, labels)
    logits = network.logits(images)
    predictions = logits.argmax(axis=1)
    assert np.array_equal(result.predictions, predictions)
    assert result.accuracy == (predictions == labels).mean()
    ce = -_log_softmax(logits)[np.arange(n), labels].mean()
    assert result.cross_entropy == pytest.approx(ce, rel=1e-9)
    assert result.confusion.sum() == n
    assert np.array_equal(result.confusion, confusion_matrix(labels, predictions, 3))


def test_an_empty_split_scores_zero_without_dividing_by_zero():
    result = evaluate(_pass_through(), np.zeros((0, 3)), np.zeros(0, dtype=np.intp))
    assert (result.accuracy, result.cross_entropy, result.mse) == (0.0, 0.0, 0.0)
    assert result.confusion.tolist() == [[0] * 3] * 3
    assert result.per_class_accuracy().tolist() == [0.0] * 3


def test_confusion_matrix_counts_true_rows_against_predicted_columns():
    got = confusion_matrix(np.array([2, 2, 0, 1]), np.array([2, 0, 0, 2]), 3)
    assert got.tolist() == [[1, 0, 0], [0, 0, 1], [1, 0, 1]]
