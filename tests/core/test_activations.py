"""Activations: formulas, derivatives checked against central differences, stability, registry."""

from __future__ import annotations

import numpy as np
import pytest
from gradcheck import TOLERANCE, numerical_vjp, relative_error

from nnviz.core.activations import (
    ACTIVATION_PARAMS,
    ACTIVATIONS,
    Activation,
    ActivationParam,
    Elu,
    Identity,
    LeakyRelu,
    Maxout,
    Relu,
    Sigmoid,
    Tanh,
    activation_names,
    get_activation,
    softmax,
)
from nnviz.core.errors import ConfigError

_KINK_MARGIN = 0.05  # sample points at least this far from a kink (far beyond the 1e-5 step)

# every activation the lesson offers, including non-default parameters
CASES = {
    "sigmoid": Sigmoid(),
    "tanh": Tanh(),
    "relu": Relu(),
    "leaky-relu": LeakyRelu(),
    "leaky-relu-0.3": LeakyRelu(slope=0.3),
    "elu": Elu(),
    "elu-0.5": Elu(alpha=0.5),
    "elu-2": Elu(alpha=2.0),
    "maxout-2": Maxout(k=2),
    "maxout-3": Maxout(k=3),
    "identity": Identity(),
}
ELEMENTWISE = {k: v for k, v in CASES.items() if not isinstance(v, Maxout)}


def _points_away_from_zero(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """Normal samples scaled by 2 with |a| >= _KINK_MARGIN (relu, leaky relu, elu kink at 0)."""
    a = 2 * rng.standard_normal(shape)
    return np.where(np.abs(a) < _KINK_MARGIN, np.sign(a + 1e-300) * (_KINK_MARGIN + 0.1), a)


def _maxout_points(rng: np.random.Generator, n: int, units: int, k: int) -> np.ndarray:
    """Pre-activations (n, units*k) whose pieces differ by >= 0.3 within each unit (no ties)."""
    pieces = np.empty((n, units, k))
    for i in range(n):
        for j in range(units):
            pieces[i, j] = rng.permutation(k) * 0.5 + rng.uniform(-0.1, 0.1, k)
    pieces += rng.standard_normal((n, units, 1))  # a different level per unit
    return pieces.reshape(n, units * k)


def _sample(act: Activation, rng: np.random.Generator) -> np.ndarray:
    if isinstance(act, Maxout):
        return _maxout_points(rng, 4, 5, act.pieces)
    return _points_away_from_zero(rng, (4, 7))


# ---------------------------------------------------------------------- gradient checks
@pytest.mark.parametrize("act", CASES.values(), ids=CASES.keys())
def test_backward_matches_central_differences(act):
    rng = np.random.default_rng(1)
    a = _sample(act, rng)
    z = act.forward(a)
    upstream = rng.standard_normal(z.shape)
    analytic = act.backward(a, z, upstream)
    numeric = numerical_vjp(act.forward, a, upstream)
    assert analytic.shape == a.shape
    assert relative_error(analytic, numeric) < TOLERANCE


@pytest.mark.parametrize("act", ELEMENTWISE.values(), ids=ELEMENTWISE.keys())
def test_derivative_matches_central_differences(act):
    a = _points_away_from_zero(np.random.default_rng(2), (50,))
    numeric = numerical_vjp(act.forward, a, np.ones_like(a))
    assert relative_error(act.derivative(a), numeric) < TOLERANCE


@pytest.mark.parametrize("k", [2, 3])
def test_maxout_derivative_is_one_for_the_winning_piece_only(k):
    act = Maxout(k)
    a = _maxout_points(np.random.default_rng(3), 3, 4, k)
    d = act.derivative(a).reshape(3, 4, k)
    pieces = a.reshape(3, 4, k)
    assert np.array_equal(d.sum(axis=-1), np.ones((3, 4)))
    assert np.array_equal(d.argmax(axis=-1), pieces.argmax(axis=-1))
    numeric = numerical_vjp(act.forward, a, np.ones((3, 4)))
    assert relative_error(act.derivative(a), numeric) < TOLERANCE


# ---------------------------------------------------------------------- values
def test_forward_values_match_the_formulas():
    a = np.linspace(-5, 5, 101)
    assert np.allclose(Sigmoid().forward(a), 1 / (1 + np.exp(-a)), rtol=1e-12, atol=1e-15)
    assert np.allclose(Tanh().forward(a), (np.exp(a) - np.exp(-a)) / (np.exp(a) + np.exp(-a)))
    assert np.array_equal(Relu().forward(a), np.where(a > 0, a, 0.0))
    assert np.allclose(LeakyRelu().forward(a), np.where(a > 0, a, 0.1 * a))
    assert np.allclose(LeakyRelu(0.25).forward(a), np.where(a > 0, a, 0.25 * a))
    assert np.allclose(Elu().forward(a), np.where(a > 0, a, np.exp(a) - 1))
    assert np.allclose(Elu(alpha=0.5).forward(a), np.where(a > 0, a, 0.5 * (np.exp(a) - 1)))
    assert np.array_equal(Identity().forward(a), a)


def test_sigmoid_of_zero_is_one_half():
    assert Sigmoid().forward(np.array([0.0]))[0] == 0.5
    assert Sigmoid().forward(np.zeros(3, dtype=np.float32)).tolist() == [0.5, 0.5, 0.5]


@pytest.mark.parametrize("k", [2, 3])
def test_maxout_keeps_the_largest_piece_of_each_unit(k):
    act = Maxout(k)
    a = np.arange(2 * 3 * k, dtype=np.float64)[::-1].reshape(2, 3 * k)  # unit-major pieces
    z = act.forward(a)
    assert z.shape == (2, 3)
    assert np.array_equal(z, a.reshape(2, 3, k).max(axis=-1))
    assert np.array_equal(act.winners(a), np.zeros((2, 3), dtype=int))  # descending: piece 0


def test_maxout_rejects_a_width_that_is_not_a_multiple_of_k():
    with pytest.raises(ValueError):
        Maxout(3).forward(np.zeros((2, 4)))


def test_maxout_curve_is_the_upper_envelope_of_its_lines():
    x = np.linspace(-3, 3, 61)
    weights, biases = (-1.0, 0.5, 2.0), (0.0, 0.3, -1.0)
    y, dy = Maxout.curve(x, weights, biases)
    lines = np.stack([w * x + b for w, b in zip(weights, biases, strict=True)])
    assert np.allclose(y, lines.max(axis=0))
    assert np.allclose(dy, np.asarray(weights)[lines.argmax(axis=0)])


@pytest.mark.parametrize("act", ELEMENTWISE.values(), ids=ELEMENTWISE.keys())
def test_elementwise_activations_keep_shape_and_float32(act):
    a = np.linspace(-3, 3, 12, dtype=np.float32).reshape(3, 4)
    z = act.forward(a)
    assert z.shape == a.shape and z.dtype == np.float32
    assert act.derivative(a).dtype == np.float32
    assert act.backward(a, z, np.ones_like(z)).dtype == np.float32


# ---------------------------------------------------------------------- stability
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_sigmoid_is_finite_and_silent_at_plus_minus_1000(dtype):
    # pytest's filterwarnings=error turns any overflow warning into a failure here
    a = np.array([-1000.0, -100.0, 0.0, 100.0, 1000.0], dtype=dtype)
    z = Sigmoid().forward(a)
    assert np.all(np.isfinite(z))
    assert z[0] == 0.0 and z[-1] == 1.0 and z[2] == 0.5
    assert np.all(np.isfinite(Sigmoid().derivative(a)))


@pytest.mark.parametrize("act", ELEMENTWISE.values(), ids=ELEMENTWISE.keys())
def test_every_activation_is_finite_and_silent_at_plus_minus_1000(act):
    a = np.array([-1000.0, 1000.0], dtype=np.float32)
    assert np.all(np.isfinite(act.forward(a)))
    assert np.all(np.isfinite(act.derivative(a)))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_softmax_is_stable_for_huge_logits_and_rows_sum_to_one(dtype):
    a = np.array([[1000.0, -1000.0, 0.0], [-1000.0, -1000.0, -1000.0], [1.0, 2.0, 3.0]], dtype)
    y = softmax(a)
    assert np.all(np.isfinite(y))
    assert np.allclose(y.sum(axis=1), 1, atol=1e-6)
    assert np.allclose(y[0], [1, 0, 0])
    assert np.allclose(y[1], [1 / 3] * 3)
    e = np.exp(np.array([1.0, 2.0, 3.0]))
    assert np.allclose(y[2], e / e.sum(), rtol=1e-6)


def test_softmax_of_a_single_vector():
    y = softmax(np.array([0.0, np.log(3.0)]))
    assert np.allclose(y, [0.25, 0.75])


# ---------------------------------------------------------------------- registry
def test_registry_names_in_teaching_order():
    assert activation_names() == [
        "sigmoid",
        "tanh",
        "relu",
        "leaky-relu",
        "elu",
        "maxout",
        "identity",
    ]
    for name in activation_names():
        act = get_activation(name)
        assert act.name == name
        assert act.formula


def test_get_activation_accepts_underscores_parameters_and_objects():
    act = get_activation("Leaky_ReLU", slope=0.2)
    assert isinstance(act, LeakyRelu) and act.slope == 0.2
    assert get_activation("maxout", k=3).pieces == 3
    elu = Elu(alpha=0.7)
    assert get_activation(elu) is elu
    assert get_activation("elu", alpha=0.7) == elu
    assert get_activation("elu") != elu


def test_numpy_and_float_parameters_are_accepted():
    assert Maxout(k=np.int64(3)).pieces == 3 and Maxout(k=3.0).pieces == 3
    assert LeakyRelu(np.float32(0.25)).slope == 0.25
    assert Elu(np.float64(0.5)).alpha == 0.5


def test_default_parameters_are_the_books():
    assert LeakyRelu().params() == {"slope": 0.1}
    assert Elu().params() == {"alpha": 1.0}
    assert Maxout().params() == {"k": 2} and Maxout().pieces == 2
    assert Sigmoid().pieces == 1 and Sigmoid().params() == {}


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("swish", {}),
        ("", {}),
        ("leaky-relu", {"slope": -0.1}),
        ("leaky-relu", {"slope": 1.0}),
        ("leaky-relu", {"slope": float("nan")}),
        ("elu", {"alpha": 0.0}),
        ("elu", {"alpha": float("inf")}),
        ("maxout", {"k": 1}),
        ("maxout", {"k": 2.5}),
        ("maxout", {"k": float("nan")}),
        ("maxout", {"k": float("inf")}),
        ("maxout", {"k": "2"}),
        ("maxout", {"k": None}),
        ("leaky-relu", {"slope": "0.1"}),
        ("leaky-relu", {"slope": None}),
        ("elu", {"alpha": "1"}),
        ("elu", {"alpha": True}),
    ],
)
def test_nonsense_activations_raise_config_error(name, params):
    with pytest.raises(ConfigError):
        get_activation(name, **params)


# ---------------------------------------------------------------------- the parameter registry
PARAMS = list(ACTIVATION_PARAMS.values())


def _outside(param: ActivationParam) -> list[object]:
    """Values just outside ``param``'s range (its excluded ends too), and values of no number."""
    values: list[object] = [param.low if not param.low_included else param.low - 1e-6]
    if param.high is not None:
        values.append(param.high if not param.high_included else param.high + 1e-6)
    else:
        values.append(float("inf"))
    if param.whole:
        values.append(param.low + 0.5)
    return [*values, float("nan"), "1", None, True]


def test_every_activation_with_a_parameter_is_in_the_registry_under_its_name():
    takes_one = [name for name, cls in ACTIVATIONS.items() if cls().params()]
    assert list(ACTIVATION_PARAMS) == takes_one == ["leaky-relu", "elu", "maxout"]
    for name, param in ACTIVATION_PARAMS.items():
        assert param.activation == name
        assert list(get_activation(name).params()) == [param.keyword]


@pytest.mark.parametrize("param", PARAMS, ids=lambda p: p.activation)
def test_a_value_outside_the_registry_range_raises_the_registry_text(param):
    for value in _outside(param):
        with pytest.raises(ConfigError) as info:
            get_activation(param.activation, **{param.keyword: value})
        message = str(info.value)
        assert param.accepts.lower() in message.lower(), message
        assert param.activation in message and param.keyword in message


@pytest.mark.parametrize("param", PARAMS, ids=lambda p: p.activation)
def test_the_registry_default_and_included_ends_are_accepted(param):
    assert get_activation(param.activation).params() == {param.keyword: param.default}
    ends = [param.low] * param.low_included + [param.high] * (
        param.high is not None and param.high_included
    )
    for value in [param.default, *ends]:
        assert get_activation(param.activation, **{param.keyword: value}).params() == {
            param.keyword: value
        }


def test_the_registry_describes_the_ranges_in_the_forms_words():
    accepts = {name: p.accepts for name, p in ACTIVATION_PARAMS.items()}
    assert accepts == {
        "leaky-relu": "A number from 0 up to, but not including, 1",
        "elu": "A positive number",
        "maxout": "A whole number, 2 or more",
    }
    assert [p.flag for p in PARAMS] == ["--leaky-slope", "--elu-alpha", "--maxout-pieces"]


@pytest.mark.parametrize("param", [p for p in PARAMS if p.slider], ids=lambda p: p.activation)
def test_an_explorer_slider_stays_in_the_allowed_range_and_holds_the_default(param):
    lo, hi, step = param.slider
    assert param.allows(lo) and param.allows(hi) and lo <= param.default <= hi
    assert (param.default - lo) / step == pytest.approx(round((param.default - lo) / step))


# ---------------------------------------------------------------------- kinks, dtypes, texts
@pytest.mark.parametrize(
    "act, slope_at_zero",
    [(Relu(), 0.0), (LeakyRelu(slope=0.3), 0.3), (Elu(alpha=0.5), 0.5)],
    ids=["relu", "leaky-relu", "elu"],
)
def test_at_the_kink_the_slope_is_the_left_ones_as_in_the_book(act, slope_at_zero):
    """The book's ReLU backward masks x <= 0: at exactly 0 the slope is the left-hand one."""
    a = np.array([0.0, 1e-3, -1e-3])
    assert act.derivative(a)[0] == slope_at_zero and act.derivative(a)[1] == 1.0
    g = np.array([2.0, 2.0, 2.0])
    assert act.backward(a, act.forward(a), g)[0] == 2.0 * slope_at_zero


@pytest.mark.parametrize("act", ELEMENTWISE.values(), ids=ELEMENTWISE.keys())
def test_elementwise_activations_keep_float64(act):
    a = np.linspace(-3, 3, 12).reshape(3, 4)
    z = act.forward(a)
    assert z.dtype == np.float64
    assert act.derivative(a).dtype == np.float64
    assert act.backward(a, z, np.ones_like(a)).dtype == np.float64


def test_an_included_upper_end_is_allowed_and_nothing_past_it():
    param = ActivationParam("x", "k", "k_field", "k", "help", default=0.5, low=0.0, high=1.0)
    assert param.allows(1.0) and param.allows(0.0) and not param.allows(1.0 + 1e-9)
    assert not ActivationParam("x", "k", "k", "k", "h", 0.5, 0.0, 1.0, high_included=False).allows(
        1.0
    )


def test_activations_say_what_they_are_and_hash_as_they_compare():
    assert [repr(a) for a in (Sigmoid(), LeakyRelu(slope=0.3), Maxout(k=3))] == [
        "Sigmoid()",
        "LeakyRelu(slope=0.3)",
        "Maxout(k=3)",
    ]
    assert hash(LeakyRelu(slope=0.3)) == hash(get_activation("leaky-relu", slope=0.3))
    assert hash(LeakyRelu(slope=0.3)) != hash(LeakyRelu(slope=0.2))
    assert hash(Sigmoid()) != hash(Tanh())
    assert len({Sigmoid(), Sigmoid(), Tanh(), Elu(alpha=0.5), Elu(alpha=0.5)}) == 3


def test_an_unknown_activation_lists_the_known_ones():
    with pytest.raises(ConfigError) as info:
        get_activation("swish")
    assert str(info.value) == (
        "unknown activation 'swish'; choose one of sigmoid, tanh, relu, leaky-relu, elu, "
        "maxout, identity"
    )
