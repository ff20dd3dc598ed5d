"""Network: structure, forward trace, initialisations, and backprop against central differences."""

from __future__ import annotations

import numpy as np
import pytest
from gradcheck import TOLERANCE, numerical_gradient, relative_error

from nnviz.core.activations import Elu, LeakyRelu, Maxout, get_activation, softmax
from nnviz.core.errors import ConfigError
from nnviz.core.losses import get_loss
from nnviz.core.network import DEFAULT_SIZES, Network, init_names
from nnviz.core.trace import Direction, Kind

SMALL = (6, 5, 4, 3)
_KINK_MARGIN = 1e-3  # hidden pre-activations this far from a kink are safe for a 1e-5 step

ACTIVATIONS = {
    "sigmoid": "sigmoid",
    "tanh": "tanh",
    "relu": "relu",
    "leaky-relu": "leaky-relu",
    "leaky-relu-0.3": LeakyRelu(slope=0.3),
    "elu": "elu",
    "elu-0.5": Elu(alpha=0.5),
    "maxout-2": Maxout(k=2),
    "maxout-3": Maxout(k=3),
    "identity": "identity",
}


def _kink_distance(net: Network, x: np.ndarray) -> float:
    """How far the hidden pre-activations are from the activation's kinks (inf if it has none)."""
    act = net.activation
    trace = net.forward_trace(x)
    distances = [np.inf]
    for l in range(1, net.num_layers):
        a = trace.values(Kind.AFFINE, l)
        if act.name in ("relu", "leaky-relu", "elu"):
            distances.append(np.abs(a).min())
        elif isinstance(act, Maxout):
            top2 = np.sort(a.reshape(*a.shape[:-1], -1, act.pieces), axis=-1)[..., -2:]
            distances.append((top2[..., 1] - top2[..., 0]).min())
    return float(min(distances))


def _gradcheck_case(activation, seed: int, sizes: tuple[int, ...] = SMALL):
    """A float64 network and a batch of 4 whose hidden units all sit away from kinks."""
    rng = np.random.default_rng(seed)
    net = Network(sizes, activation, init="he", seed=seed, dtype=np.float64)
    for name in net.param_names():
        if name.startswith("b"):  # non-zero biases, so their gradients are really exercised
            net.params[name][:] = 0.5 * rng.standard_normal(net.params[name].shape)
    for _ in range(100):
        x = rng.standard_normal((4, sizes[0]))
        if _kink_distance(net, x) > _KINK_MARGIN:
            return net, x, rng.integers(0, sizes[-1], 4)
    raise AssertionError("could not find a batch away from the kinks")


# ---------------------------------------------------------------------- gradient checks
@pytest.mark.parametrize("loss", ["cross-entropy", "mse"])
@pytest.mark.parametrize("activation", ACTIVATIONS.values(), ids=ACTIVATIONS.keys())
def test_loss_and_gradients_match_central_differences(activation, loss):
    net, x, labels = _gradcheck_case(activation, seed=7)
    value, grads, y = net.loss_and_gradients(x, labels, loss)
    assert sorted(grads) == sorted(net.param_names())
    for name in net.param_names():
        param = net.params[name]
        numeric = numerical_gradient(lambda: net.loss_and_gradients(x, labels, loss)[0], param)
        assert grads[name].shape == param.shape
        err = relative_error(grads[name], numeric)
        assert err < TOLERANCE, f"{name}: relative error {err:.2e}"


@pytest.mark.parametrize("activation", ["sigmoid", "relu", Maxout(k=2)], ids=str)
def test_deeper_network_gradients_match_central_differences(activation):
    net, x, labels = _gradcheck_case(activation, seed=3, sizes=(5, 4, 4, 4, 3))
    _, grads, _ = net.loss_and_gradients(x, labels, "cross-entropy")
    for name in net.param_names():
        numeric = numerical_gradient(
            lambda: net.loss_and_gradients(x, labels, "cross-entropy")[0], net.params[name]
        )
        assert relative_error(grads[name], numeric) < TOLERANCE, name


def test_loss_and_gradients_returns_the_loss_of_forward():
    net = Network(SMALL, "tanh", seed=2, dtype=np.float64)
    x = np.random.default_rng(2).standard_normal((5, 6))
    labels = np.array([0, 1, 2, 0, 1])
    for name in ("cross-entropy", "mse"):
        value, _, y = net.loss_and_gradients(x, labels, name)
        assert np.allclose(y, net.forward(x))
        assert value == pytest.approx(get_loss(name).value(net.forward(x), labels), rel=1e-5)


# ---------------------------------------------------------------------- structure
def test_default_network_is_the_books():
    net = Network()
    assert net.sizes == DEFAULT_SIZES == (784, 50, 100, 10)
    assert net.activation.name == "sigmoid"
    assert net.num_layers == 3
    assert net.param_names() == ["W1", "b1", "W2", "b2", "W3", "b3"]
    shapes = {k: v.shape for k, v in net.params.items()}
    assert shapes == {
        "W1": (784, 50),
        "b1": (50,),
        "W2": (50, 100),
        "b2": (100,),
        "W3": (100, 10),
        "b3": (10,),
    }
    assert all(v.dtype == np.float32 for v in net.params.values())
    assert net.parameter_count() == 784 * 50 + 50 + 50 * 100 + 100 + 100 * 10 + 10


@pytest.mark.parametrize("k", [2, 3])
def test_maxout_layers_hold_k_times_the_weights(k):
    net = Network((6, 5, 4, 3), Maxout(k))
    assert net.params["W1"].shape == (6, 5 * k) and net.params["b1"].shape == (5 * k,)
    assert net.params["W2"].shape == (5, 4 * k)
    assert net.params["W3"].shape == (4, 3)  # the output layer is plain affine


def test_any_number_of_hidden_layers():
    assert Network((4, 3)).num_layers == 1
    net = Network((4, 8, 7, 6, 5, 3), "relu")
    assert net.num_layers == 5
    assert net.forward(np.ones((2, 4))).shape == (2, 3)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"sizes": (784,)},
        {"sizes": (784, 0, 10)},
        {"sizes": (784, -5, 10)},
        {"init": "zeros"},
        {"activation": "swish"},
        {"sizes": (3, 2), "params": {"W1": np.zeros((3, 2)), "b1": np.zeros(3)}},
        {"sizes": (3, 2), "params": {"W1": np.zeros((3, 2))}},
        {
            "sizes": (3, 2),
            "params": {"W1": np.zeros((3, 2)), "b1": np.zeros(2), "W2": np.zeros((2, 2))},
        },
    ],
)
def test_nonsense_networks_raise_config_error(kwargs):
    with pytest.raises(ConfigError):
        Network(**kwargs)


def test_copy_is_independent():
    net = Network(SMALL, "elu")
    twin = net.copy()
    assert twin.activation == net.activation and twin.sizes == net.sizes
    for name in net.param_names():
        assert np.array_equal(twin.params[name], net.params[name])
        assert not np.shares_memory(twin.params[name], net.params[name])
    twin.params["W1"] += 1
    assert not np.array_equal(twin.params["W1"], net.params["W1"])


def test_predict_is_the_argmax_of_forward():
    net = Network(SMALL, "relu", seed=4)
    x = np.random.default_rng(4).standard_normal((20, 6))
    y = net.forward(x)
    assert y.shape == (20, 3)
    assert np.allclose(y.sum(axis=1), 1, atol=1e-6)
    assert np.array_equal(net.predict(x), y.argmax(axis=1))


# ---------------------------------------------------------------------- forward trace
def test_forward_trace_of_one_sample():
    net = Network(seed=1)
    x = np.random.default_rng(1).random(784).astype(np.float32)
    trace = net.forward_trace(x)
    assert trace.names == ["x", "a1", "z1", "a2", "z2", "a3", "y"]
    assert len(trace) == 7
    assert [s.kind for s in trace] == [
        Kind.INPUT, Kind.AFFINE, Kind.ACTIVATION, Kind.AFFINE, Kind.ACTIVATION, Kind.AFFINE,
        Kind.OUTPUT,
    ]  # fmt: skip
    assert all(s.direction is Direction.FORWARD for s in trace)
    assert [s.layer for s in trace] == [0, 1, 1, 2, 2, 3, 3]
    shapes = {s.name: s.values.shape for s in trace}
    assert shapes == {
        "x": (784,), "a1": (50,), "z1": (50,), "a2": (100,), "z2": (100,), "a3": (10,), "y": (10,)
    }  # fmt: skip
    P = net.params
    a = {l: trace.values(Kind.AFFINE, l) for l in (1, 2, 3)}
    z = {l: trace.values(Kind.ACTIVATION, l) for l in (1, 2)}
    y = trace.values(Kind.OUTPUT)
    assert np.allclose(a[1], x @ P["W1"] + P["b1"], atol=1e-6)
    assert np.allclose(z[1], 1 / (1 + np.exp(-a[1])), atol=1e-6)
    assert np.allclose(a[2], z[1] @ P["W2"] + P["b2"], atol=1e-6)
    assert np.allclose(z[2], 1 / (1 + np.exp(-a[2])), atol=1e-6)
    assert np.allclose(a[3], z[2] @ P["W3"] + P["b3"], atol=1e-6)
    assert np.allclose(y, softmax(a[3]))
    assert np.allclose(y, net.forward(x[None])[0], atol=1e-6)
    assert a[1].dtype == np.float32
    assert trace.stage(Kind.ACTIVATION, 2) is trace.stages[4]
    assert trace.index(Kind.OUTPUT) == 6
    assert trace.winners == {}
    with pytest.raises(KeyError):
        trace.values(Kind.AFFINE, 4)


def test_forward_trace_of_a_batch():
    net = Network(SMALL, "tanh", seed=5)
    x = np.random.default_rng(5).standard_normal((7, 6)).astype(np.float32)
    trace = net.forward_trace(x)
    assert trace.names == ["x", "a1", "z1", "a2", "z2", "a3", "y"]
    assert [s.values.shape for s in trace] == [
        (7, 6),
        (7, 5),
        (7, 5),
        (7, 4),
        (7, 4),
        (7, 3),
        (7, 3),
    ]
    assert np.allclose(
        trace.values(Kind.AFFINE, 1), x @ net.params["W1"] + net.params["b1"], atol=1e-6
    )
    assert np.allclose(trace.values(Kind.ACTIVATION, 1), np.tanh(trace.values(Kind.AFFINE, 1)))
    assert np.allclose(
        trace.values(Kind.AFFINE, 2),
        trace.values(Kind.ACTIVATION, 1) @ net.params["W2"] + net.params["b2"],
        atol=1e-6,
    )
    assert np.allclose(trace.values(Kind.OUTPUT), net.forward(x), atol=1e-6)
    assert np.allclose(trace.values(Kind.AFFINE, 3), net.logits(x), atol=1e-6)


def test_stage_formulas_name_the_layer():
    trace = Network(SMALL).forward_trace(np.zeros(6))
    formulas = [s.formula for s in trace]
    assert formulas[0] == "x"
    assert formulas[1].startswith("a1 = x") and "W1" in formulas[1] and "b1" in formulas[1]
    assert formulas[2] == "z1 = h(a1)"
    assert formulas[3].startswith("a2 = z1") and "W2" in formulas[3]
    assert formulas[-1] == "y = softmax(a3)"


@pytest.mark.parametrize("k", [2, 3])
def test_forward_trace_records_maxout_winners(k):
    net = Network(SMALL, Maxout(k), seed=6)
    x = np.random.default_rng(6).standard_normal((4, 6)).astype(np.float32)
    trace = net.forward_trace(x)
    assert sorted(trace.winners) == [1, 2]
    for l, width in ((1, 5), (2, 4)):
        a = trace.values(Kind.AFFINE, l)
        assert a.shape == (4, width * k)
        pieces = a.reshape(4, width, k)
        winners = trace.winners[l]
        assert winners.shape == (4, width)
        assert np.array_equal(winners, pieces.argmax(axis=-1))
        kept = np.take_along_axis(pieces, winners[..., None], axis=-1)[..., 0]
        assert np.array_equal(trace.values(Kind.ACTIVATION, l), kept)
    single = net.forward_trace(x[2])
    assert single.winners[1].shape == (5,)
    assert np.array_equal(single.winners[1], trace.winners[1][2])
    assert np.allclose(single.values(Kind.OUTPUT), trace.values(Kind.OUTPUT)[2], atol=1e-6)


# ---------------------------------------------------------------------- initialisation
def test_init_names():
    assert init_names() == ["book", "xavier", "he"]


@pytest.mark.parametrize(
    ("init", "std"),
    [
        ("book", lambda fan_in: 0.01),
        ("xavier", lambda fan_in: np.sqrt(1 / fan_in)),
        ("he", lambda fan_in: np.sqrt(2 / fan_in)),
    ],
)
def test_initial_weights_have_the_documented_spread(init, std):
    net = Network(init=init, seed=11)
    for l, fan_in in ((1, 784), (2, 50), (3, 100)):
        W = net.params[f"W{l}"].astype(np.float64)
        # W1 and W2 hold >= 5000 draws: their std is within a few percent; W3 has 1000
        tolerance = 0.03 if W.size >= 5000 else 0.08
        assert W.std() == pytest.approx(std(fan_in), rel=tolerance), f"W{l}"
        assert abs(W.mean()) < 4 * std(fan_in) / np.sqrt(W.size)
        assert np.array_equal(net.params[f"b{l}"], np.zeros(net.width(l)))


def test_same_seed_same_weights_different_seed_different_weights():
    a, b, c = Network(seed=42), Network(seed=42), Network(seed=43)
    for name in a.param_names():
        assert np.array_equal(a.params[name], b.params[name])
    assert not np.array_equal(a.params["W1"], c.params["W1"])
    assert not np.array_equal(a.params["W3"], c.params["W3"])


def test_initialisation_does_not_touch_the_global_random_state():
    np.random.seed(0)
    expected = np.random.random()
    np.random.seed(0)
    Network(seed=1)
    assert np.random.random() == expected


def test_activation_is_shared_by_name_or_object():
    assert Network(SMALL, "leaky_relu").activation == get_activation("leaky-relu")
    assert Network(SMALL, LeakyRelu(0.3)).activation.slope == 0.3


# ---------------------------------------------------------------------- copies, dtypes, texts
def test_copy_and_astype_keep_the_weights_the_network_has_now():
    net = Network(SMALL, "elu", init="he", seed=5, dtype=np.float64)
    net.params["W1"] += 0.5  # weights no seed would give
    twin = net.copy()
    assert (twin.init, twin.dtype, twin.sizes) == ("he", np.float64, SMALL)
    for name in net.param_names():
        assert np.array_equal(twin.params[name], net.params[name])
        assert not np.shares_memory(twin.params[name], net.params[name])
    single = net.astype(np.float32)
    assert (single.init, single.dtype, single.activation) == ("he", np.float32, net.activation)
    assert single.copy().dtype == np.float32
    for name in net.param_names():
        assert single.params[name].dtype == np.float32
        np.testing.assert_allclose(single.params[name], net.params[name], rtol=1e-6)


def test_a_layer_of_one_unit_is_a_layer():
    net = Network((3, 1, 2))
    assert net.forward(np.ones((4, 3))).shape == (4, 2)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"sizes": (784,)}, "layer sizes must be at least two positive numbers, got (784,)"),
        ({"init": "zeros"}, "unknown initialisation 'zeros'; choose one of book, xavier, he"),
        (
            {"sizes": (3, 2), "params": {"W1": np.zeros((2, 2)), "b1": np.zeros(2)}},
            "W1 should have shape (3, 2), has (2, 2)",
        ),
        ({"sizes": (3, 2), "params": {"b1": np.zeros(2)}}, "W1 should have shape (3, 2), has None"),
        (
            {"sizes": (3, 2), "params": {"W1": np.zeros((3, 2)), "b1": np.zeros(2), "W9": [0]}},
            "unexpected parameters ['W9']",
        ),
    ],
    ids=["sizes", "init", "shape", "missing", "extra"],
)
def test_a_refused_network_says_why(kwargs, message):
    with pytest.raises(ConfigError) as info:
        Network(**kwargs)
    assert str(info.value) == message


def test_a_float32_network_computes_in_float32_whatever_it_is_given():
    net = Network(SMALL, seed=2)
    x = np.random.default_rng(2).random((4, 6))  # float64
    assert net.logits(x).dtype == np.float32
    _, grads, y = net.loss_and_gradients(x, np.array([0, 1, 2, 0]))
    assert y.dtype == np.float32 and all(g.dtype == np.float32 for g in grads.values())
    assert all(s.values.dtype == np.float32 for s in net.forward_trace(x[0]))


def test_a_network_and_its_layers_say_what_they_are():
    net = Network((784, 50, 100, 10))
    assert repr(net) == "Network(784-50-100-10, Sigmoid(), 45360 parameters)"
    assert [repr(layer) for layer in Network((6, 5, 3)).layers] == [
        "Affine1(6 -> 5)",
        "Sigmoid()1",
        "Affine2(5 -> 3)",
    ]


@pytest.mark.parametrize("loss", ["cross-entropy", "mse"])
def test_every_backward_stage_has_its_formula(loss):
    trace = Network(SMALL, seed=3).backward_trace(np.ones(6), 1, loss, lr=0.1)
    gradient = "dE/da3 = y - t" if loss == "cross-entropy" else "dE/da3 = (dy/da3)ᵀ · (y - t)"
    assert [s.formula for s in trace] == [
        get_loss(loss).formula,
        gradient,
        "dE/dW3 = z2ᵀ · dE/da3",
        "dE/db3 = dE/da3",
        "dE/dz2 = dE/da3 · W3ᵀ",
        "dE/da2 = dE/dz2 ⊙ h'(a2)",
        "dE/dW2 = z1ᵀ · dE/da2",
        "dE/db2 = dE/da2",
        "dE/dz1 = dE/da2 · W2ᵀ",
        "dE/da1 = dE/dz1 ⊙ h'(a1)",
        "dE/dW1 = xᵀ · dE/da1",
        "dE/db1 = dE/da1",
        "W3 ← W3 - η · dE/dW3",
        "W2 ← W2 - η · dE/dW2",
        "W1 ← W1 - η · dE/dW1",
    ]
