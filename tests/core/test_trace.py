"""Layers and traces: every layer's backward and every backward stage of a trace against central
differences in float64, and traces looked up by kind and layer."""

from __future__ import annotations

import numpy as np
import pytest
from gradcheck import TOLERANCE, numerical_gradient, numerical_vjp, relative_error
from test_network import ACTIVATIONS, _gradcheck_case

from nnviz.core.activations import Maxout
from nnviz.core.layers import ActivationLayer, Affine, SoftmaxWithLoss
from nnviz.core.losses import get_loss
from nnviz.core.network import Network
from nnviz.core.trace import Direction, Kind

SMALL = (6, 5, 4, 3)
LOSSES = ["cross-entropy", "mse"]


# ---------------------------------------------------------------------- layers
def test_affine_backward_matches_central_differences():
    rng = np.random.default_rng(0)
    params = {"W2": rng.standard_normal((5, 4)), "b2": rng.standard_normal(4)}
    layer = Affine(params, 2)
    x = rng.standard_normal((3, 5))
    upstream = rng.standard_normal((3, 4))
    out, cache = layer.forward(x)
    assert np.allclose(out, x @ params["W2"] + params["b2"])
    d_in, grads = layer.backward(cache, upstream)
    assert sorted(grads) == ["W2", "b2"]
    assert (
        relative_error(d_in, numerical_vjp(lambda v: layer.forward(v)[0], x, upstream)) < TOLERANCE
    )
    for name in ("W2", "b2"):
        numeric = numerical_gradient(
            lambda: float(np.sum(upstream * layer.forward(x)[0])), params[name]
        )
        assert relative_error(grads[name], numeric) < TOLERANCE, name
    assert layer.backward(cache, upstream, need_d_in=False)[0] is None


def test_affine_reads_the_parameters_it_was_given_at_every_call():
    params = {"W1": np.eye(2), "b1": np.zeros(2)}
    layer = Affine(params, 1)
    params["W1"][:] = 2 * np.eye(2)  # an optimizer updates in place
    assert np.allclose(layer.forward(np.ones((1, 2)))[0], [[2, 2]])
    params["b1"] = np.ones(2)  # or a snapshot is swapped in
    assert np.allclose(layer.forward(np.ones((1, 2)))[0], [[3, 3]])


@pytest.mark.parametrize("activation", ACTIVATIONS.values(), ids=ACTIVATIONS.keys())
def test_activation_layer_backward_matches_central_differences(activation):
    net, x, _ = _gradcheck_case(activation, seed=11)  # pre-activations away from kinks
    layer = net.layers[1]
    assert isinstance(layer, ActivationLayer)
    a = net.forward_trace(x).values(Kind.AFFINE, 1)
    z, cache = layer.forward(a)
    upstream = np.random.default_rng(1).standard_normal(z.shape)
    d_in, grads = layer.backward(cache, upstream)
    assert grads == {}
    numeric = numerical_vjp(lambda v: layer.forward(v)[0], a, upstream)
    assert relative_error(d_in, numeric) < TOLERANCE


@pytest.mark.parametrize("loss", LOSSES)
def test_softmax_with_loss_backward_matches_central_differences(loss):
    rng = np.random.default_rng(2)
    head = SoftmaxWithLoss(get_loss(loss))
    logits = 3 * rng.standard_normal((4, 5))
    labels = np.array([0, 4, 2, 2])
    value, cache = head.forward(logits, labels)
    y = head.probabilities(cache)
    t = np.eye(5)[labels]
    expected = (
        -np.log(y[t == 1]).mean() if loss == "cross-entropy" else 0.5 * ((y - t) ** 2).sum(1).mean()
    )
    assert value == pytest.approx(expected, rel=1e-12)
    d_logits, _ = head.backward(cache)
    numeric = numerical_gradient(lambda: head.forward(logits, labels)[0], logits)
    assert relative_error(d_logits, numeric) < TOLERANCE
    assert np.allclose(head.backward(cache, 2.0)[0], 2 * d_logits)


def test_the_network_is_a_sequence_of_layers():
    net = Network((784, 50, 100, 10), "sigmoid")
    assert [type(layer).__name__ for layer in net.layers] == [
        "Affine", "ActivationLayer", "Affine", "ActivationLayer", "Affine"
    ]  # fmt: skip
    assert [layer.layer for layer in net.layers] == [1, 1, 2, 2, 3]


# ---------------------------------------------------------------------- backward trace
def _tail_loss(net: Network, start: int, value: np.ndarray, labels, loss) -> float:
    """E computed from the output of ``net.layers[start - 1]`` onwards (start 0: from x)."""
    h = value
    for layer in net.layers[start:]:
        h, _ = layer.forward(h)
    return SoftmaxWithLoss(get_loss(loss)).forward(h, labels)[0]


def _backward_order(L: int, lr: bool) -> list[tuple[Kind, int]]:
    order = [(Kind.LOSS, L), (Kind.LOSS_GRADIENT, L)]
    for l in range(L, 0, -1):
        order += [(Kind.WEIGHT_GRADIENT, l), (Kind.BIAS_GRADIENT, l)]
        if l > 1:
            order += [(Kind.SIGNAL_GRADIENT, l - 1), (Kind.DELTA, l - 1)]
    if lr:
        order += [(Kind.UPDATE, l) for l in range(L, 0, -1)]
    return order


@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("activation", ACTIVATIONS.values(), ids=ACTIVATIONS.keys())
def test_every_backward_stage_matches_central_differences(activation, loss):
    net, batch, labels = _gradcheck_case(activation, seed=5)
    x, label = batch[0], int(labels[0])
    trace = net.backward_trace(x, label, loss, lr=0.5)
    L = net.num_layers
    assert [(s.kind, s.layer) for s in trace] == _backward_order(L, lr=True)
    assert all(s.direction is Direction.BACKWARD for s in trace)
    forward = net.forward_trace(x)
    one = np.array([label])

    # E and dE/d(parameters)
    e = float(trace.values(Kind.LOSS))
    y, t = forward.values(Kind.OUTPUT).astype(np.float64), np.eye(3)[label]
    expected = -np.log(y[label]) if loss == "cross-entropy" else 0.5 * np.sum((y - t) ** 2)
    assert e == pytest.approx(expected, rel=1e-9)
    for l in range(1, L + 1):
        for kind, name in ((Kind.WEIGHT_GRADIENT, f"W{l}"), (Kind.BIAS_GRADIENT, f"b{l}")):
            numeric = numerical_gradient(
                lambda: net.loss_and_gradients(x[None], one, loss)[0], net.params[name]
            )
            err = relative_error(trace.values(kind, l), numeric)
            assert err < TOLERANCE, f"{kind.value} {l}: {err:.2e}"
        update = trace.values(Kind.UPDATE, l)
        assert np.allclose(update, -0.5 * trace.values(Kind.WEIGHT_GRADIENT, l))

    # dE/da_l and dE/dz_l: E as a function of that stage's values
    for i, layer in enumerate(net.layers):
        kind = Kind.LOSS_GRADIENT if i == len(net.layers) - 1 else None
        if isinstance(layer, Affine):
            values = forward.values(Kind.AFFINE, layer.layer)
            kind = kind or Kind.DELTA
        else:
            values = forward.values(Kind.ACTIVATION, layer.layer)
            kind = Kind.SIGNAL_GRADIENT
        v = values.astype(np.float64)[None].copy()
        numeric = numerical_gradient(lambda v=v, i=i: _tail_loss(net, i + 1, v, one, loss), v)[0]
        err = relative_error(trace.values(kind, layer.layer), numeric)
        assert err < TOLERANCE, f"{kind.value} {layer.layer}: {err:.2e}"


def test_cross_entropy_loss_gradient_is_y_minus_t():
    net = Network(SMALL, "sigmoid", seed=3)
    x = np.random.default_rng(3).random(6)
    trace = net.backward_trace(x, 2)
    y = net.forward_trace(x).values(Kind.OUTPUT)
    t = np.eye(3)[2]
    assert np.allclose(trace.values(Kind.LOSS_GRADIENT), y - t, atol=1e-6)
    assert trace.stage(Kind.LOSS_GRADIENT).formula == "dE/da3 = y - t"
    assert "y - t" in net.backward_trace(x, 2, "mse").stage(Kind.LOSS_GRADIENT).formula
    assert trace.stage(Kind.DELTA, 1).formula == "dE/da1 = dE/dz1 ⊙ h'(a1)"
    assert trace.stage(Kind.SIGNAL_GRADIENT, 2).name == "dE/dz2"


def test_a_float32_network_gets_a_float64_trace_of_the_same_gradients():
    net = Network(SMALL, "tanh", seed=4)
    x = np.random.default_rng(4).random(6).astype(np.float32)
    trace = net.backward_trace(x, 1)
    _, grads, _ = net.loss_and_gradients(x[None], np.array([1]))
    for l in (1, 2, 3):
        values = trace.values(Kind.WEIGHT_GRADIENT, l)
        assert values.dtype == np.float64
        assert np.allclose(values, grads[f"W{l}"], atol=1e-5)
    assert net.dtype == np.float32  # the network itself is untouched


def test_a_batch_trace_holds_the_batch_mean_gradients():
    net = Network(SMALL, Maxout(2), seed=8, dtype=np.float64)
    x = np.random.default_rng(8).random((5, 6))
    labels = np.array([0, 1, 2, 1, 0])
    trace = net.backward_trace(x, labels, "mse")
    value, grads, _ = net.loss_and_gradients(x, labels, "mse")
    assert float(trace.values(Kind.LOSS)) == pytest.approx(value)
    assert trace.values(Kind.DELTA, 1).shape == (5, 10)  # two pieces per unit
    assert trace.values(Kind.SIGNAL_GRADIENT, 1).shape == (5, 5)
    for name, g in grads.items():
        kind = Kind.WEIGHT_GRADIENT if name[0] == "W" else Kind.BIAS_GRADIENT
        assert np.allclose(trace.values(kind, int(name[1:])), g)


def test_one_update_step_lowers_the_loss_of_its_sample():
    net = Network(SMALL, "sigmoid", seed=9, dtype=np.float64)
    x = np.random.default_rng(9).random(6)
    trace = net.backward_trace(x, 0, lr=0.1)
    before = float(trace.values(Kind.LOSS))
    for l in (1, 2, 3):
        net.params[f"W{l}"] += trace.values(Kind.UPDATE, l)
    assert float(net.backward_trace(x, 0).values(Kind.LOSS)) < before


def test_a_forward_and_a_backward_trace_join_and_are_found_by_kind():
    net = Network(SMALL)
    x = np.zeros(6)
    trace = net.forward_trace(x).then(net.backward_trace(x, 1))
    assert len(trace.of(Direction.FORWARD)) == 7
    assert trace.names[6:9] == ["y", "E", "dE/da3"]
    assert trace.index(Kind.LOSS) == 7
    assert trace.find(Kind.UPDATE) is None
    with pytest.raises(KeyError, match="no delta stage of layer 3"):
        trace.stage(Kind.DELTA, 3)
