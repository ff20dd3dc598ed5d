"""L2 weight decay, dropout and augmentation: gradients against central differences in float64,
what each does to a batch, their settings and their place in a run."""

from __future__ import annotations

import numpy as np
import pytest
from gradcheck import TOLERANCE, numerical_gradient, numerical_vjp, relative_error
from test_training import _config, _make_dataset

from nnviz.core import events as ev
from nnviz.core.augment import Augmenter, augment_preview
from nnviz.core.errors import ConfigError
from nnviz.core.layers import Dropout
from nnviz.core.network import Network, add_weight_decay
from nnviz.core.training import TrainingConfig, train


@pytest.fixture(scope="module")
def tiny():
    return _make_dataset()


def _net64(activation: str = "tanh") -> Network:
    return Network((5, 4, 3, 3), activation, "xavier", seed=1, dtype=np.float64)


def _batch(n: int = 6) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(7)
    return rng.standard_normal((n, 5)), rng.integers(0, 3, n)


# ---------------------------------------------------------------------- L2 weight decay
@pytest.mark.parametrize("loss", ["cross-entropy", "mse"])
def test_l2_weight_decay_gradients_match_central_differences(loss):
    net, (x, t) = _net64(), _batch()
    _, grads, _ = net.loss_and_gradients(x, t, loss, l2=0.3)
    for name, p in net.params.items():
        numeric = numerical_gradient(lambda: net.loss_and_gradients(x, t, loss, l2=0.3)[0], p)
        assert relative_error(grads[name], numeric) < TOLERANCE, name


def test_l2_adds_half_lambda_times_the_squared_weights_to_the_loss_and_leaves_biases_alone():
    net, (x, t) = _net64(), _batch()
    plain, plain_grads, _ = net.loss_and_gradients(x, t)
    decayed, grads, _ = net.loss_and_gradients(x, t, l2=0.5)
    squares = sum(float((net.params[f"W{l}"] ** 2).sum()) for l in (1, 2, 3))
    assert decayed == pytest.approx(plain + 0.25 * squares, rel=1e-12)
    for l in (1, 2, 3):
        assert np.allclose(grads[f"W{l}"], plain_grads[f"W{l}"] + 0.5 * net.params[f"W{l}"])
        assert np.array_equal(grads[f"b{l}"], plain_grads[f"b{l}"])
    assert add_weight_decay(net.params, plain_grads, 0.0) == 0.0


# ---------------------------------------------------------------------- dropout
def test_dropout_layer_backward_matches_central_differences():
    x = np.random.default_rng(0).standard_normal((6, 7))
    upstream = np.random.default_rng(1).standard_normal((6, 7))

    def fresh() -> Dropout:  # the same mask at every call: the same seed
        return Dropout(0.4, np.random.default_rng(5), layer=1)

    out, cache = fresh().forward(x)
    d_in, grads = fresh().backward(cache, upstream)
    assert grads == {}
    assert relative_error(d_in, numerical_vjp(lambda v: fresh().forward(v)[0], x, upstream)) < (
        TOLERANCE
    )


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
def test_a_network_with_dropout_has_gradients_that_match_central_differences(activation):
    net, (x, t) = _net64(activation), _batch()

    def loss() -> float:
        layers = net.training_layers(0.3, np.random.default_rng(11))
        return net.loss_and_gradients(x, t, layers=layers)[0]

    layers = net.training_layers(0.3, np.random.default_rng(11))
    _, grads, _ = net.loss_and_gradients(x, t, layers=layers)
    for name, p in net.params.items():
        assert relative_error(grads[name], numerical_gradient(loss, p)) < TOLERANCE, name


def test_dropout_drops_about_its_rate_scales_the_rest_and_keeps_the_mean():
    x = np.ones((400, 50), dtype=np.float32)
    out, mask = Dropout(0.25, np.random.default_rng(0), layer=1).forward(x)
    dropped = float((out == 0).mean())
    assert 0.22 < dropped < 0.28
    assert np.allclose(out[out != 0], 1 / 0.75)
    assert abs(float(out.mean()) - 1.0) < 0.05
    assert out.dtype == np.float32


def test_dropout_at_rate_zero_passes_the_signal_unchanged():
    x = np.arange(12.0).reshape(3, 4)
    layer = Dropout(0.0, np.random.default_rng(0), layer=1)
    out, cache = layer.forward(x)
    assert out is x
    upstream = np.ones_like(x)
    assert layer.backward(cache, upstream)[0] is upstream


def test_training_layers_put_a_dropout_after_each_hidden_activation_only():
    net = Network((5, 4, 3, 3), "relu")
    kinds = [type(layer).__name__ for layer in net.training_layers(0.5, np.random.default_rng())]
    assert kinds == ["Affine", "ActivationLayer", "Dropout"] * 2 + ["Affine"]
    assert not any(type(layer).__name__ == "Dropout" for layer in net.layers)


# ---------------------------------------------------------------------- augmentation
def _digit() -> np.ndarray:
    image = np.zeros((28, 28), dtype=np.float32)
    image[8:20, 12:16] = 1.0  # a thick "1"
    return image.reshape(-1)


def test_augmentation_with_no_shift_rotation_or_noise_is_the_identity():
    batch = np.stack([_digit(), _digit()[::-1].copy()])
    same = Augmenter(np.random.default_rng(0), max_shift=0, max_rotation=0, noise=0)(batch)
    assert np.array_equal(same, batch)


def test_a_shift_moves_the_digit_by_at_most_the_largest_shift():
    rows = np.arange(28)
    batch = np.repeat(_digit()[None], 50, axis=0)
    out = Augmenter(np.random.default_rng(0), max_rotation=0, noise=0)(batch)

    def centre(images):
        grid = images.reshape(-1, 28, 28)
        mass = grid.sum(axis=(1, 2))
        return (grid.sum(axis=2) @ rows) / mass, (grid.sum(axis=1) @ rows) / mass

    (y0, x0), (y1, x1) = centre(batch), centre(out)
    assert np.all(np.abs(y1 - y0) <= 2.5) and np.all(np.abs(x1 - x0) <= 2.5)
    assert np.ptp(x1) > 1.0  # the shifts differ from image to image
    assert np.allclose(out.sum(axis=1), batch.sum(axis=1))  # shifted, not cut: all ink kept


def test_augmentation_is_seeded_stays_in_range_and_writes_in_place():
    batch = np.repeat(_digit()[None], 8, axis=0)
    a = Augmenter(np.random.default_rng(3))(batch.copy())
    b = Augmenter(np.random.default_rng(3))(batch.copy())
    c = Augmenter(np.random.default_rng(4))(batch.copy())
    assert np.array_equal(a, b) and not np.array_equal(a, c)
    assert a.min() >= 0 and a.max() <= 1 and a.dtype == np.float32
    inplace = batch.copy()
    Augmenter(np.random.default_rng(3))(inplace, out=inplace)
    assert np.array_equal(inplace, a)


def test_the_preview_shows_different_versions_of_one_digit():
    digit = (_digit() * 255).astype(np.uint8)
    preview = augment_preview(digit, count=5, seed=2)
    assert preview.shape == (5, 784) and preview.min() >= 0 and preview.max() <= 1
    assert len({p.tobytes() for p in preview}) == 5
    assert np.array_equal(preview, augment_preview(digit, count=5, seed=2))


# ---------------------------------------------------------------------- in a run
def test_a_run_with_l2_and_dropout_learns(tiny):
    config = _config(activation="relu", init="he", l2=1e-3, dropout=0.2, epochs=5)
    events = list(train(config, tiny))
    assert isinstance(events[-1], ev.Finished)
    last = [e for e in events if isinstance(e, ev.Evaluated)][-1]
    assert last.test_accuracy > 0.5  # ten classes: chance is 0.1


def test_l2_shrinks_the_weights_of_a_run(tiny):
    def weight_norm(**changes) -> float:
        end = list(train(_config(**changes), tiny))[-1]
        return sum(float((end.params[f"W{l}"] ** 2).sum()) for l in (1, 2, 3))

    assert weight_norm(l2=0.05) < 0.8 * weight_norm()


def test_the_initial_weight_scale_multiplies_the_initial_weights():
    base = TrainingConfig(hidden=(4,)).make_network(6, 3)
    scaled = TrainingConfig(hidden=(4,), init_scale=3.0).make_network(6, 3)
    for name in base.params:
        factor = 3.0 if name[0] == "W" else 1.0
        assert np.allclose(scaled.params[name], factor * base.params[name])


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("l2", -0.1, "l2 must be from 0 to 1, got -0.1"),
        ("dropout", 0.95, "dropout must be from 0 to 0.9, got 0.95"),
        ("validation", 0.6, "validation must be from 0 to 0.5, got 0.6"),
        ("init_scale", 0.0, "init scale must be from 0.001 to 100, got 0.0"),
        ("momentum", 1.0, "momentum must be from 0 to 0.999, got 1.0"),
        ("l2", float("nan"), "l2 must be from 0 to 1, got nan"),
        ("augment", "yes", "augment must be true or false, got 'yes'"),
    ],
)
def test_bad_regularisation_settings_are_refused_with_their_range(field, value, message):
    with pytest.raises(ConfigError) as info:
        TrainingConfig(**{field: value})
    assert str(info.value) == message
