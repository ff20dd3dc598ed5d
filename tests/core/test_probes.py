"""Probes of a trained network: corruptions, the robustness curve, confidence, the lab's changes
and the map of a hidden layer."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from nnviz.core.corruptions import CORRUPTIONS, corrupt, corruption_names
from nnviz.core.errors import ConfigError
from nnviz.core.hidden_map import layer_activations, pca_map, tsne_map
from nnviz.core.lab import (
    LabChanges,
    add_weight_noise,
    prune,
    scale_unit,
    shift_bias,
    switch_off,
)
from nnviz.core.metrics import evaluate
from nnviz.core.network import Network
from nnviz.core.probes import Cancelled, Confidence, confidences, robustness_curve
from nnviz.core.trace import Kind


@pytest.fixture(scope="module")
def digits(mnist):
    return mnist.test.images[:40], mnist.test.labels[:40]


@pytest.fixture(scope="module")
def trained(mnist):
    from nnviz.core.model_io import load_model
    from nnviz.paths import resource_path

    return load_model(resource_path("models", "default.npz")).network


# ---------------------------------------------------------------------- corruptions
@pytest.mark.parametrize("kind", corruption_names())
def test_strength_zero_leaves_the_images_unchanged(kind, digits):
    images, _ = digits
    out = corrupt(images, kind, 0.0, seed=3)
    np.testing.assert_array_equal(out, images.astype(np.float32) / np.float32(255))
    assert out.dtype == np.float32 and out.shape == images.shape


@pytest.mark.parametrize("kind", corruption_names())
def test_pixel_difference_grows_with_strength(kind, digits):
    images, _ = digits
    before = images.copy()
    original = images.astype(np.float32) / np.float32(255)
    strengths = CORRUPTIONS[kind].strengths(8)
    diffs = [np.abs(corrupt(images, kind, s, seed=1) - original).mean() for s in strengths]
    assert diffs[0] == 0
    assert np.all(np.diff(diffs) > 0), diffs
    np.testing.assert_array_equal(images, before)  # the input is never changed


@pytest.mark.parametrize("kind", corruption_names())
def test_corruptions_stay_in_range_and_follow_the_seed(kind, digits):
    images, _ = digits
    strength = CORRUPTIONS[kind].maximum / 2
    a = corrupt(images, kind, strength, seed=5)
    assert a.min() >= 0 and a.max() <= 1 + 1e-6
    np.testing.assert_array_equal(a, corrupt(images, kind, strength, seed=5))


def test_a_shift_by_whole_pixels_moves_the_digit():
    image = np.zeros((1, 784), dtype=np.uint8)
    image[0, 14 * 28 + 14] = 255
    out = corrupt(image, "shift", 3.0, seed=0).reshape(28, 28)
    assert out.sum() == pytest.approx(1.0, abs=1e-5)  # bilinear: the ink is kept, inside
    ys, xs = np.mgrid[0:28, 0:28]
    distance = np.hypot((ys * out).sum() - 14, (xs * out).sum() - 14)
    assert distance == pytest.approx(3.0, abs=1e-4)


def test_thickening_grows_a_dot_into_a_plus():
    image = np.zeros((1, 784), dtype=np.uint8)
    image[0, 14 * 28 + 14] = 255
    out = corrupt(image, "thicken", 1.0).reshape(28, 28)
    assert np.argwhere(out > 0).tolist() == [[13, 14], [14, 13], [14, 14], [14, 15], [15, 14]]
    assert corrupt(image, "thin", 1.0).max() == 0  # a one-pixel stroke is worn away


@pytest.mark.parametrize("strength", [-1.0, float("nan")])
def test_bad_corruptions_are_refused(strength, digits):
    with pytest.raises(ConfigError, match="strength"):
        corrupt(digits[0], "noise", strength)
    with pytest.raises(ConfigError, match="unknown corruption 'blur'"):
        corrupt(digits[0], "blur", 1.0)


# ---------------------------------------------------------------------- robustness and confidence
def test_robustness_curve_starts_at_the_plain_accuracy_and_reports_progress(trained, digits):
    images, labels = digits
    seen = []
    curve = robustness_curve(trained, images, labels, "noise", progress=lambda d, t: seen.append(d))
    assert curve.strengths[0] == 0 and len(curve.strengths) == 10
    assert curve.accuracies[0] == evaluate(trained, images, labels).accuracy
    x = corrupt(images, "noise", curve.strengths[4], seed=0)
    assert curve.accuracies[4] == evaluate(trained, x, labels).accuracy
    assert seen == list(range(1, 11))


def test_robustness_curve_stops_when_cancelled(trained, digits):
    stop = threading.Event()

    def progress(done, total):
        if done == 2:
            stop.set()

    with pytest.raises(Cancelled) as caught:
        robustness_curve(trained, *digits, "rotate", progress=progress, cancel=stop)
    assert caught.value.done == 2


def test_confidence_worked_out_on_four_answers():
    p = np.array([[0.9, 0.1, 0.0], [0.2, 0.5, 0.3], [0.995, 0.005, 0.0], [0.0, 0.4, 0.6]])
    c = Confidence(p, np.array([0, 2, 1, 2]))
    assert c.predictions.tolist() == [0, 1, 0, 2]
    assert c.accuracy == 0.5
    assert c.mistakes().tolist() == [2, 1]  # the surest first
    assert c.confident_errors() == 1
    assert c.per_class_accuracy().tolist() == [1.0, 0.0, 0.5]
    assert c.answered(0.55) == (0.75, pytest.approx(2 / 3))
    assert c.answered(0.999) == (0.0, 1.0)
    np.testing.assert_allclose(c.threshold_curve([0.0, 0.7]), [[1.0, 0.5], [0.5, 0.5]])


def test_confidences_agree_with_the_evaluation(trained, mnist):
    images, labels = mnist.test.images[:300], mnist.test.labels[:300]
    c = confidences(trained, images, labels)
    e = evaluate(trained, images, labels)
    np.testing.assert_array_equal(c.predictions, e.predictions)
    np.testing.assert_array_equal(c.confusion(), e.confusion)
    np.testing.assert_allclose(c.per_class_accuracy(), e.per_class_accuracy())
    np.testing.assert_allclose(c.probabilities.sum(axis=1), 1, rtol=1e-5)


# ---------------------------------------------------------------------- the lab
def _small(seed=0) -> Network:
    return Network((784, 12, 8, 10), "sigmoid", seed=seed)


def _params(net):
    return {k: v.copy() for k, v in net.params.items()}


def test_pruning_nothing_changes_nothing_and_never_the_original():
    net = _small()
    before = _params(net)
    same = prune(net, 0)
    for k, v in before.items():
        np.testing.assert_array_equal(same.params[k], v)
    half = prune(net, 50)
    for k, v in before.items():
        np.testing.assert_array_equal(net.params[k], v)
    zeros = sum(int((half.params[f"W{l}"] == 0).sum()) for l in (1, 2, 3))
    total = sum(net.params[f"W{l}"].size for l in (1, 2, 3))
    assert zeros == round(total / 2)
    kept = np.concatenate(
        [np.abs(half.params[f"W{l}"][half.params[f"W{l}"] != 0]) for l in (1, 2, 3)]
    )
    dropped = np.concatenate(
        [np.abs(net.params[f"W{l}"][half.params[f"W{l}"] == 0]) for l in (1, 2, 3)]
    )
    assert kept.min() >= dropped.max()  # the smallest went


def test_pruning_everything_leaves_chance_accuracy(trained, mnist):
    images, labels = mnist.test.images, mnist.test.labels
    result = evaluate(prune(trained, 100), images, labels)
    assert len(set(result.predictions.tolist())) == 1  # every digit gets the same answer
    share = np.bincount(labels, minlength=10) / len(labels)
    assert result.accuracy == pytest.approx(share[result.predictions[0]])
    assert 0.08 < result.accuracy < 0.12


def test_switching_a_unit_off_zeroes_its_outgoing_contribution():
    net = _small()
    off = switch_off(net, [(1, 4)])
    x = np.random.default_rng(0).random((5, 784)).astype(np.float32)
    z1 = off.forward_trace(x).values(Kind.ACTIVATION, 1)
    a2 = off.forward_trace(x).values(Kind.AFFINE, 2)
    silenced = z1.copy()
    silenced[:, 4] = 0  # as if the unit had given 0
    np.testing.assert_allclose(a2, silenced @ net.params["W2"] + net.params["b2"], rtol=1e-5)
    assert not np.array_equal(off.params["W2"], net.params["W2"])
    np.testing.assert_array_equal(off.params["W1"], net.params["W1"])  # it still computes


def test_scaling_and_shifting_a_unit_change_only_that_unit():
    net = _small()
    scaled = scale_unit(net, 2, 3, 2.0)
    np.testing.assert_allclose(scaled.params["W2"][:, 3], 2 * net.params["W2"][:, 3])
    np.testing.assert_array_equal(
        np.delete(scaled.params["W2"], 3, 1), np.delete(net.params["W2"], 3, 1)
    )
    shifted = shift_bias(net, 1, 0, 1.5)
    assert shifted.params["b1"][0] == pytest.approx(net.params["b1"][0] + 1.5)
    np.testing.assert_array_equal(shifted.params["b1"][1:], net.params["b1"][1:])


def test_a_maxout_units_pieces_change_together():
    net = Network((784, 6, 10), "maxout", seed=1)  # 2 pieces per unit: columns 2u, 2u+1
    scaled = scale_unit(net, 1, 2, 0.0)
    assert np.all(scaled.params["W1"][:, 4:6] == 0)
    np.testing.assert_array_equal(scaled.params["W1"][:, :4], net.params["W1"][:, :4])


def test_weight_noise_is_seeded_and_sized_by_the_layer():
    net = _small()
    a = add_weight_noise(net, 0.5, seed=2)
    np.testing.assert_array_equal(a.params["W1"], add_weight_noise(net, 0.5, seed=2).params["W1"])
    diff = a.params["W1"] - net.params["W1"]
    assert diff.std() == pytest.approx(0.5 * net.params["W1"].std(), rel=0.05)
    np.testing.assert_array_equal(a.params["b1"], net.params["b1"])
    np.testing.assert_array_equal(add_weight_noise(net, 0).params["W1"], net.params["W1"])


def test_lab_changes_apply_from_the_original_and_refuse_bad_units():
    net = _small()
    before = _params(net)
    changes = LabChanges(prune_percent=20, noise=0.1, off=frozenset({(1, 1)}), scales={(2, 0): 3.0})
    out = changes.apply(net)
    assert np.all(out.params["W2"][1] == 0)
    for k, v in before.items():
        np.testing.assert_array_equal(net.params[k], v)
    assert LabChanges(scales={(1, 0): 1.0}).empty and not changes.empty
    with pytest.raises(ConfigError, match="hidden layers are 1 to 2"):
        switch_off(net, [(3, 0)])
    with pytest.raises(ConfigError, match="units 0 to 11"):
        scale_unit(net, 1, 12, 2.0)
    with pytest.raises(ConfigError, match="0 to 100"):
        prune(net, 120)


def test_saving_a_changed_network_never_overwrites_the_original(tmp_path):
    from nnviz.core.errors import ModelFileError
    from nnviz.core.lab import save_changed_model
    from nnviz.core.model_io import load_model, save_model

    net = _small()
    original = save_model(tmp_path / "trained.npz", net, {"note": "the original"})
    before = original.read_bytes()
    changed = prune(net, 60)
    changes = LabChanges(prune_percent=60)
    for same in (original, tmp_path / "trained", tmp_path / "." / "trained.npz"):
        with pytest.raises(ModelFileError, match="original"):
            save_changed_model(same, changed, {"lab": changes.describe()}, original=original)
    assert original.read_bytes() == before
    saved = save_changed_model(tmp_path / "pruned", changed, {"lab": changes.describe()}, original)
    assert saved == tmp_path / "pruned.npz" and original.read_bytes() == before
    loaded = load_model(saved)
    np.testing.assert_array_equal(loaded.network.params["W1"], changed.params["W1"])
    assert loaded.meta["lab"]["prune_percent"] == 60


# ---------------------------------------------------------------------- the map
def test_the_maps_points_match_the_digits_they_claim(trained, mnist):
    images = mnist.test.images[:120]
    z = layer_activations(trained, images, 2)
    assert z.shape == (120, 100)
    for i in (0, 57, 119):  # row i is digit i's own activations
        trace = trained.forward_trace(images[i] / np.float32(255))
        np.testing.assert_allclose(z[i], trace.values(Kind.ACTIVATION, 2), rtol=1e-5, atol=1e-6)
    points = pca_map(z)
    assert points.shape == (120, 2)
    order = np.random.default_rng(0).permutation(120)
    np.testing.assert_allclose(pca_map(z[order]), points[order], atol=1e-6)  # points follow rows
    centred = z - z.mean(axis=0)
    top = np.linalg.eigh(np.cov(centred.T))[1][:, -1]
    np.testing.assert_allclose(np.abs(points[:, 0]), np.abs(centred @ top), atol=1e-6)


def test_tsne_reports_progress_keeps_the_order_and_cancels():
    rng = np.random.default_rng(0)
    centres = np.array([[0.0] * 5, [8.0] * 5])
    labels = np.repeat([0, 1], 50)
    values = centres[labels] + rng.standard_normal((100, 5))
    seen = []
    points = tsne_map(values, iterations=300, progress=lambda d, t: seen.append((d, t)))
    assert points.shape == (100, 2)
    assert seen[0] == (0, 300) and seen[-1] == (300, 300) and len(seen) > 100  # per iteration
    # the two clusters stay apart: each point is nearer its own cluster's centre
    means = np.array([points[labels == k].mean(axis=0) for k in (0, 1)])
    nearest = np.linalg.norm(points[:, None] - means[None], axis=2).argmin(axis=1)
    assert (nearest == labels).all()
    stop = threading.Event()
    with pytest.raises(Cancelled):
        tsne_map(
            values, iterations=250, progress=lambda d, t: stop.set() if d > 5 else None, cancel=stop
        )
