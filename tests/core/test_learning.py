"""Learning from one digit: the numerical gradient against backpropagation, the loss along one
and two weights, one undoable step, the two losses compared, and the gradient edges."""

from __future__ import annotations

import threading

import numpy as np
import pytest
from gradcheck import TOLERANCE, relative_error
from gradcheck import numerical_gradient as book_numerical_gradient
from test_network import ACTIVATIONS, _gradcheck_case

from nnviz.core.activations import Maxout
from nnviz.core.contributions import layer_input
from nnviz.core.datasets import load_dataset
from nnviz.core.errors import ConfigError
from nnviz.core.learning import (
    Cancelled,
    compare_losses,
    delta_breakdown,
    gradient_terms,
    largest_weight_gradients,
    learning_step,
    loss_along_weight,
    loss_surface,
    numerical_gradient,
    relative_difference,
    strongest_gradients,
    summarize_stage,
    unit_deltas,
)
from nnviz.core.model_io import load_model
from nnviz.core.network import Network
from nnviz.core.trace import Kind
from nnviz.paths import resource_path

SMALL = (6, 5, 4, 3)
LOSSES = ["cross-entropy", "mse"]
_SAME_METHOD = 1e-7  # batched central differences vs the one-at-a-time loop: rounding only
_WRONG_DIGIT = 8  # test digit 8 (a 5) is one the default network gets confidently wrong (a 6)


@pytest.fixture(scope="module")
def default_case():
    """The default network and a test digit it gets confidently wrong."""
    network = load_model(resource_path("models", "default.npz")).network
    test = load_dataset("mnist").test
    return network, test.floats(_WRONG_DIGIT), int(test.labels[_WRONG_DIGIT])


def _loss(net: Network, x: np.ndarray, label, loss: str) -> float:
    """E computed directly, in float64."""
    net64 = net.astype(np.float64)
    x2 = np.atleast_2d(np.asarray(x, dtype=np.float64))
    return net64.loss_and_gradients(x2, np.atleast_1d(label), loss)[0]


def _moved(net: Network, **changes: tuple[tuple[int, ...], float]) -> Network:
    """A float64 copy with some parameter elements set: name=(index, value)."""
    copy = net.astype(np.float64)
    for name, (index, value) in changes.items():
        copy.params[name][index] = value
    return copy


# ---------------------------------------------------------------------- numerical gradient
@pytest.mark.parametrize("loss", LOSSES)
@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "elu", "maxout-2"])
def test_numerical_gradient_is_the_books_central_differences_and_matches_backprop(activation, loss):
    net, batch, labels = _gradcheck_case(ACTIVATIONS[activation], seed=21)
    x, label = batch[0], int(labels[0])
    result = numerical_gradient(net, x, label, loss)
    assert result.max_rel_diff < TOLERANCE
    assert (
        result.parameters == net.parameter_count() and result.evaluations == 2 * result.parameters
    )
    assert result.loss == pytest.approx(_loss(net, x, label, loss), rel=1e-12)
    for name in net.param_names():
        # the book's loop: one parameter at a time moved in place, E(w + h) and E(w - h)
        loop = book_numerical_gradient(
            lambda: _loss(net, x, label, loss), net.params[name], step=result.step
        )
        assert relative_error(result.numerical[name], loop) < _SAME_METHOD, name
        assert relative_error(result.backprop[name], result.numerical[name]) == pytest.approx(
            result.rel_diff[name]
        )


def test_numerical_gradient_of_a_batch_is_that_of_the_mean_loss():
    net, x, labels = _gradcheck_case(Maxout(3), seed=22)
    result = numerical_gradient(net, x, labels, "mse")
    assert result.max_rel_diff < TOLERANCE
    _, grads, _ = net.loss_and_gradients(x, labels, "mse")
    assert all(relative_error(grads[k], result.numerical[k]) < TOLERANCE for k in grads)


def test_numerical_gradient_of_the_default_network_on_one_digit(default_case):
    network, x, label = default_case
    before = {k: v.copy() for k, v in network.params.items()}
    result = numerical_gradient(network, x, label)
    assert result.parameters == 45_360
    assert result.max_rel_diff < TOLERANCE
    assert sorted(result.rel_diff) == sorted(network.param_names())
    assert result.seconds > 0 and 0 < result.backprop_seconds < result.seconds
    assert all(np.array_equal(before[k], network.params[k]) for k in before)  # untouched
    assert network.dtype == np.float32


def test_progress_is_monotone_and_ends_at_the_total():
    net = Network((30, 20, 10, 4), seed=1)
    x = np.random.default_rng(1).random(30)
    seen: list[tuple[int, int]] = []
    numerical_gradient(net, x, 2, progress=lambda done, total: seen.append((done, total)))
    total = net.parameter_count()
    assert seen[0] == (0, total) and seen[-1] == (total, total)
    done = [d for d, _ in seen]
    assert done == sorted(done) and len(seen) > len(net.param_names())  # once per chunk at least
    assert {t for _, t in seen} == {total}


@pytest.mark.parametrize("how", ["callable", "event"])
def test_cancelling_stops_mid_way_with_how_far_it_got(default_case, how):
    network, x, label = default_case
    event = threading.Event()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done >= total // 3:
            event.set()

    cancel = event if how == "event" else event.is_set
    with pytest.raises(Cancelled) as info:
        numerical_gradient(network, x, label, progress=progress, cancel=cancel)
    total = network.parameter_count()
    assert info.value.total == total
    assert total // 3 <= info.value.done < total
    assert seen[-1] == info.value.done  # nothing was computed after the cancel was seen
    assert "cancelled" in str(info.value)


def test_relative_difference_is_the_gradient_checks_measure():
    rng = np.random.default_rng(3)
    a, b = rng.standard_normal((4, 5)), rng.standard_normal((4, 5))
    assert relative_difference(a, b) == pytest.approx(relative_error(a, b))
    assert relative_difference(np.zeros(3), np.zeros(3)) == 0.0


# ---------------------------------------------------------------------- loss along weights
@pytest.mark.parametrize(
    ("name", "index"), [("W1", (160, 7)), ("W2", (3, 40)), ("W3", (50, 5)), ("b2", 12)]
)
def test_loss_along_one_weight_passes_through_e_with_the_backprop_slope(default_case, name, index):
    network, x, label = default_case
    s = loss_along_weight(network, x, label, "cross-entropy", name, index, span=0.5, points=20)
    e = float(network.backward_trace(x, label).values(Kind.LOSS))
    assert s.values[s.current] == s.value == float(network.params[name][index])
    assert s.loss == pytest.approx(e, rel=1e-9) and s.losses[s.current] == s.loss
    assert s.values.shape == s.losses.shape == (21,)  # the grid missed the current value
    assert np.all(np.diff(s.values) > 0)
    assert s.slope_numerical == pytest.approx(s.slope_backprop, rel=1e-5, abs=1e-10)
    assert s.tangent(s.value) == pytest.approx(s.loss)
    for k in (0, 7, 20):  # every point is E with that weight there and the others fixed
        moved = _moved(network, **{name: (index, s.values[k])})
        assert s.losses[k] == pytest.approx(_loss(moved, x, label, "cross-entropy"), rel=1e-9)


def test_loss_along_one_weight_for_mse_and_a_maxout_network():
    net, batch, labels = _gradcheck_case(Maxout(2), seed=23)
    s = loss_along_weight(net, batch[1], int(labels[1]), "mse", "W1", (2, 3), span=0.2, points=5)
    assert s.values.size == 5 and s.current == 2  # an odd grid holds the current value
    assert s.slope_numerical == pytest.approx(s.slope_backprop, rel=1e-5, abs=1e-10)


@pytest.mark.parametrize(
    ("first", "second"),
    [(("W3", (50, 5)), ("W3", (50, 6))), (("W1", (160, 7)), ("W2", (3, 40)))],
)
def test_loss_surface_holds_e_on_the_grid_and_descent_lowers_it(default_case, first, second):
    network, x, label = default_case
    surface = loss_surface(
        network, x, label, "cross-entropy", first, second, span=1.0, points=11, steps=10, lr=0.5
    )
    assert surface.losses.shape == (11, 11)
    e = float(network.backward_trace(x, label).values(Kind.LOSS))
    assert surface.losses[5, 5] == pytest.approx(e, rel=1e-9)  # the centre is the current point
    a, b = 2, 9
    moved = _moved(network, **{first[0]: (first[1], surface.u[a])})
    moved.params[second[0]][second[1]] = surface.v[b]
    assert surface.losses[a, b] == pytest.approx(_loss(moved, x, label, "cross-entropy"), rel=1e-9)
    assert tuple(surface.path[0]) == surface.start
    assert surface.path.shape == (11, 2) and surface.path_losses.shape == (11,)
    assert surface.path_losses[0] == pytest.approx(e, rel=1e-9)
    assert np.all(np.diff(surface.path_losses) < 0)  # each step goes down
    end = _moved(network, **{first[0]: (first[1], surface.path[-1, 0])})
    end.params[second[0]][second[1]] = surface.path[-1, 1]
    assert surface.path_losses[-1] == pytest.approx(_loss(end, x, label, "cross-entropy"))


def test_a_weight_that_is_not_there_is_a_readable_error(default_case):
    network, x, label = default_case
    with pytest.raises(ConfigError, match="no parameter 'W9'"):
        loss_along_weight(network, x, label, "mse", "W9", (0, 0))
    with pytest.raises(ConfigError, match=r"W2 has shape \(50, 100\)"):
        loss_along_weight(network, x, label, "mse", "W2", (50, 0))
    with pytest.raises(ConfigError, match="must differ"):
        loss_surface(network, x, label, "mse", ("W2", (1, 1)), ("W2", (1, 1)))


# ---------------------------------------------------------------------- one step
def test_one_step_lowers_this_digits_loss_and_leaves_the_network_untouched(default_case):
    network, x, label = default_case
    before = {k: v.copy() for k, v in network.params.items()}
    step = learning_step(network, x, label, "cross-entropy", lr=0.01)
    assert step.loss_after < step.loss_before
    assert step.probabilities_after[label] > step.probabilities_before[label]
    assert step.probabilities_before.shape == (10,)
    assert step.probabilities_before.sum() == pytest.approx(1)
    assert all(np.array_equal(before[k], network.params[k]) for k in before)
    assert all(np.array_equal(before[k], step.previous[k]) for k in before)
    assert all(step.params[k].dtype == network.dtype for k in before)
    trace = network.backward_trace(x, label)
    for name in ("W1", "b3"):
        kind = Kind.WEIGHT_GRADIENT if name[0] == "W" else Kind.BIAS_GRADIENT
        expected = before[name] - 0.01 * trace.values(kind, int(name[1:]))
        assert np.allclose(step.params[name], expected, atol=1e-7)
    assert step.loss_before == pytest.approx(_loss(network, x, label, "cross-entropy"))
    after = Network(network.sizes, network.activation, params=step.params)
    assert step.loss_after == pytest.approx(_loss(after, x, label, "cross-entropy"))


def test_a_step_in_place_is_undone_by_its_previous_parameters():
    net = Network(SMALL, "tanh", seed=5, dtype=np.float64)
    x = np.random.default_rng(5).random(6)
    original = {k: v.copy() for k, v in net.params.items()}
    step = learning_step(net, x, 1, "mse", lr=0.5, in_place=True)
    assert step.loss_after < step.loss_before
    assert all(np.array_equal(net.params[k], step.params[k]) for k in original)
    for name, values in step.previous.items():
        net.params[name][...] = values
    assert all(np.array_equal(net.params[k], original[k]) for k in original)
    with pytest.raises(ConfigError, match="learning rate"):
        learning_step(net, x, 1, lr=0.0)


# ---------------------------------------------------------------------- the two losses
def test_cross_entropy_passes_a_larger_gradient_back_when_confidently_wrong(default_case):
    network, x, label = default_case
    c = compare_losses(network, x, label)
    assert c.predicted != label and c.true_probability < 0.05
    assert c.names[0] == "dE/da3" and c.names[-1] == "dE/db1"
    for kind, layer in c.stages:
        assert c.norm("cross-entropy", kind, layer) > 5 * c.norm("mse", kind, layer)
    assert c.losses["cross-entropy"] > c.losses["mse"]
    trace = network.backward_trace(x, label, "mse")
    assert c.norm("mse", Kind.DELTA, 1) == pytest.approx(
        np.linalg.norm(trace.values(Kind.DELTA, 1))
    )


# ---------------------------------------------------------------------- the graph backwards
@pytest.mark.parametrize("activation", ["sigmoid", Maxout(2)], ids=["sigmoid", "maxout"])
def test_gradient_edges_are_input_times_delta_and_the_strongest_k_per_unit(activation):
    net = Network((12, 8, 6, 3), activation, seed=6, dtype=np.float64)
    x = np.random.default_rng(6).random(12)
    x[:4] = 0  # black pixels: no gradient reaches their weights
    forward, backward = net.forward_trace(x), net.backward_trace(x, 2)
    for layer in (1, 2, 3):
        terms = gradient_terms(net, forward, backward, layer)
        deltas = unit_deltas(net, forward, backward, layer)
        assert terms.shape == (net.sizes[layer - 1], net.sizes[layer])
        inputs = layer_input(forward, layer).astype(np.float64)
        assert np.allclose(terms, inputs[:, None] * deltas[None, :], rtol=1e-6, atol=1e-12)
        src, dst, values = strongest_gradients(net, forward, backward, layer, k=3)
        assert np.array_equal(values, terms[src, dst])
        assert np.all(np.bincount(dst, minlength=net.sizes[layer]) <= 3)
        for unit in range(net.sizes[layer]):
            mine = np.abs(values[dst == unit])
            if mine.size:
                assert mine.min() >= np.sort(np.abs(terms[:, unit]))[-3] - 1e-15
    src, _, _ = strongest_gradients(net, forward, backward, 1, k=12)
    assert not np.isin(src, [0, 1, 2, 3]).any()


@pytest.mark.parametrize("activation", ["sigmoid", Maxout(2)], ids=["sigmoid", "maxout"])
def test_delta_breakdown_is_the_chain_rule_with_numbers(activation):
    net = Network((12, 8, 6, 3), activation, seed=7)
    x = np.random.default_rng(7).random(12, dtype=np.float32)  # as the window's digits are
    forward, backward = net.forward_trace(x), net.backward_trace(x, 0)
    for layer in (1, 2):
        for unit in range(net.sizes[layer]):
            d = delta_breakdown(net, forward, backward, layer, unit, top=3)
            assert d.products.sum() + d.rest == pytest.approx(d.signal, abs=1e-12)
            assert d.delta == pytest.approx(d.signal * d.derivative, abs=1e-12)
            assert d.delta == pytest.approx(unit_deltas(net, forward, backward, layer)[unit])
            assert np.all(np.diff(np.abs(d.products)) <= 0)
            assert d.rest_count == net.width(layer + 1) - 3
    with pytest.raises(ValueError, match="not a hidden layer"):
        delta_breakdown(net, forward, backward, 3, 0)


def test_largest_weight_gradients_over_every_layer(default_case):
    network, x, label = default_case
    backward = network.backward_trace(x, label)
    top = largest_weight_gradients(backward, 5)
    assert len(top) == 5
    sizes = [abs(g) for _, _, g in top]
    assert sizes == sorted(sizes, reverse=True)
    everything = max(np.abs(backward.values(Kind.WEIGHT_GRADIENT, l)).max() for l in (1, 2, 3))
    assert sizes[0] == everything
    name, (i, j), g = top[0]
    assert backward.values(Kind.WEIGHT_GRADIENT, int(name[1:]))[i, j] == g
    for k in (1, 12, 40):  # the k largest of all, as a full sort finds them
        every = sorted(
            (abs(v), f"W{l}", (i, j))
            for l in (1, 2, 3)
            for (i, j), v in np.ndenumerate(backward.values(Kind.WEIGHT_GRADIENT, l))
        )[::-1][:k]
        found = largest_weight_gradients(backward, k)
        assert [abs(g) for _, _, g in found] == [a for a, _, _ in every]
        assert {(n, ij) for n, ij, _ in found} == {(n, ij) for _, n, ij in every}


def test_largest_weight_gradients_count_zeros_when_fewer_are_not_zero():
    net = Network(SMALL, seed=3)
    x = np.zeros(SMALL[0])
    x[0] = 1.0  # one pixel of ink: dE/dW1 is zero but for one row
    backward = net.backward_trace(x, 1)
    k = sum(backward.values(Kind.WEIGHT_GRADIENT, l).size for l in (1, 2, 3))
    top = largest_weight_gradients(backward, k)  # every weight, the zeros last
    assert len(top) == k and len({(n, ij) for n, ij, _ in top}) == k
    sizes = [abs(g) for _, _, g in top]
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] == 0.0


def test_a_stage_summary_has_shape_norm_sum_and_largest_value():
    net = Network(SMALL, seed=8)
    trace = net.backward_trace(np.linspace(0, 1, 6), 1, lr=0.1)
    summary = summarize_stage(trace.stage(Kind.WEIGHT_GRADIENT, 2))
    values = trace.values(Kind.WEIGHT_GRADIENT, 2)
    assert summary.name == "dE/dW2" and summary.shape == (5, 4)
    assert summary.norm == pytest.approx(np.linalg.norm(values))
    assert summary.sum == pytest.approx(values.sum())
    assert summary.max_abs == pytest.approx(np.abs(values).max())
    as_dict = summarize_stage(trace.stage(Kind.LOSS)).as_dict()
    assert {"name", "formula", "shape", "norm", "sum", "max_abs"} <= set(as_dict)
    assert as_dict["shape"] == [] and as_dict["sum"] == as_dict["norm"]


# ---------------------------------------------------------------------- what mutation testing
# of learning.py found untested (mutmut, by hand): the surface's axes and each descent step,
# a loss other than the default, the fields a view reads, the edge values of the arguments
def test_a_loss_surface_axes_run_up_from_each_weight_minus_its_own_span(default_case):
    network, x, label = default_case
    first, second = ("W3", (50, 5)), ("W2", (3, 40))
    s = loss_surface(network, x, label, "mse", first, second, span=(0.5, 2.0), points=5, steps=2)
    w1, w2 = s.start
    assert np.allclose(s.u, w1 + np.linspace(-0.5, 0.5, 5))
    assert np.allclose(s.v, w2 + np.linspace(-2.0, 2.0, 5))
    assert s.names == ("W3", "W2") and s.indices == ((50, 5), (3, 40)) and s.lr == 1.0
    assert s.path_losses[0] == pytest.approx(_loss(network, x, label, "mse"), rel=1e-9)
    # each step of the path is w <- w - lr * dE/dw in the two weights, at the point it left
    for k in range(2):
        here = _moved(network, W3=((50, 5), s.path[k, 0]), W2=((3, 40), s.path[k, 1]))
        trace = here.backward_trace(x, label, "mse")
        g = (
            trace.values(Kind.WEIGHT_GRADIENT, 3)[50, 5],
            trace.values(Kind.WEIGHT_GRADIENT, 2)[3, 40],
        )
        assert np.allclose(s.path[k + 1], s.path[k] - 1.0 * np.asarray(g), rtol=1e-9, atol=1e-12)


def test_a_loss_surface_takes_the_smallest_arguments_and_refuses_what_cannot_be_drawn(
    default_case,
):
    network, x, label = default_case
    first, second = ("W3", (0, 0)), ("W3", (0, 1))
    s = loss_surface(network, x, label, "mse", first, second, points=2, steps=0, lr=0.0)
    assert s.losses.shape == (2, 2) and s.path.shape == (1, 2)
    still = loss_surface(network, x, label, "mse", first, second, points=3, steps=3, lr=0.0)
    assert np.all(still.path == still.path[0])  # a rate of 0 does not move
    for bad in ({"points": 1}, {"span": 0.0}, {"span": (1.0, 0.0)}, {"steps": -1}, {"lr": -0.1}):
        with pytest.raises(ConfigError, match="a surface needs at least 2 points"):
            loss_surface(network, x, label, "mse", first, second, **bad)


def test_a_weight_slice_names_its_weight_and_refuses_what_cannot_be_drawn(default_case):
    network, x, label = default_case
    s = loss_along_weight(network, x, label, "mse", "W2", (3, 40), span=0.3, points=2, step=1e-4)
    assert (s.name, s.index) == ("W2", (3, 40))
    trace = network.astype(np.float64).backward_trace(x, label, "mse")
    assert s.slope_backprop == pytest.approx(trace.values(Kind.WEIGHT_GRADIENT, 2)[3, 40])
    for bad in ({"points": 1}, {"span": 0.0}):
        with pytest.raises(ConfigError, match="a slice needs at least 2 points"):
            loss_along_weight(network, x, label, "mse", "W2", (3, 40), **bad)


def test_one_step_with_mse_on_a_batch_is_the_mean_over_its_digits(default_case, mnist):
    network, _, _ = default_case
    test = mnist.test
    batch, labels = test.floats(np.arange(4)), test.labels[:4].astype(int)
    step = learning_step(network, batch, labels, "mse", lr=0.05)
    assert step.lr == 0.05 and step.loss_name == "mse"
    assert step.probabilities_before.shape == step.probabilities_after.shape == (4, 10)
    assert step.loss_before == pytest.approx(_loss(network, batch, labels, "mse"))
    after = Network(network.sizes, network.activation, params=step.params)
    assert step.loss_after == pytest.approx(_loss(after, batch, labels, "mse"))
    gradient = network.backward_trace(batch, labels, "mse").values(Kind.WEIGHT_GRADIENT, 3)
    assert np.allclose(step.params["W3"], network.params["W3"] - 0.05 * gradient, atol=1e-7)
    one = learning_step(network, batch[0], int(labels[0]), "mse", lr=0.05)
    assert one.probabilities_after.shape == (10,)


def test_no_weights_are_asked_for_none_are_given(default_case):
    network, x, label = default_case
    assert largest_weight_gradients(network.backward_trace(x, label), 0) == []


def test_a_delta_breakdown_names_its_terms_in_a_deeper_network():
    net = Network((10, 7, 6, 5, 3), "tanh", seed=3)
    x = np.random.default_rng(3).random(10, dtype=np.float32)
    forward, backward = net.forward_trace(x), net.backward_trace(x, 2)
    a1 = net.astype(np.float64).forward_trace(x).values(Kind.AFFINE, 1)
    d = delta_breakdown(net, forward, backward, 1, 4, top=2)
    w, d_next = net.params["W2"][4].astype(np.float64), backward.values(Kind.DELTA, 2)
    assert np.array_equal(d.targets, np.argsort(-np.abs(w * d_next), kind="stable")[:2])
    assert np.allclose(d.weights, w[d.targets]) and np.allclose(d.deltas, d_next[d.targets])
    assert d.preactivation == pytest.approx(a1[4])
    assert d.delta == pytest.approx(unit_deltas(net, forward, backward, 1)[4])
    none = delta_breakdown(net, forward, backward, 2, 0, top=0)
    assert none.targets.size == 0 and none.rest_count == 5


def test_slices_of_a_network_sure_to_overflow_exp_stay_finite():
    """Scores in the hundreds: e^(a - max) stays within range, e^a or e^(a + max) does not."""
    net = Network(SMALL, "tanh", seed=9, dtype=np.float64)
    net.params["W3"] *= 400.0
    x = np.random.default_rng(9).random(6)
    for loss in LOSSES:
        s = loss_along_weight(net, x, 1, loss, "W3", (0, 0), span=0.5, points=5)
        assert np.all(np.isfinite(s.losses)) and np.all(s.losses >= 0)
        assert s.loss == pytest.approx(_loss(net, x, 1, loss), rel=1e-6)


def test_the_tangent_of_a_weight_slice_rises_with_its_slope(default_case):
    network, x, label = default_case
    s = loss_along_weight(network, x, label, "cross-entropy", "W3", (50, 5), span=0.5, points=5)
    w = np.array([s.value - 0.2, s.value + 0.3])
    assert np.allclose(s.tangent(w), s.loss + s.slope_backprop * (w - s.value))


def test_the_small_helpers_say_what_they_were_given(default_case):
    network, x, label = default_case
    assert relative_difference(np.zeros(0), np.zeros(0)) == 0.0
    with pytest.raises(ConfigError, match="step must be positive, got 0"):
        numerical_gradient(network, x, label, step=0.0)
    with pytest.raises(ConfigError, match="3 samples need as many labels, got 2"):
        learning_step(network, np.stack([x, x, x]), np.array([1, 2]), lr=0.1)
    with pytest.raises(ConfigError, match="the network has W1, b1, W2"):
        loss_along_weight(network, x, label, "mse", "W7", (0, 0))
    with pytest.raises(ConfigError, match="compare_losses takes one sample"):
        compare_losses(network, np.stack([x, x]), label)
    assert compare_losses(network, x, label).label == label
    stage = network.backward_trace(x, label).stage(Kind.WEIGHT_GRADIENT, 2)
    summary = summarize_stage(stage)
    assert (summary.layer, summary.formula) == (2, stage.formula)
    assert summary.as_dict()["kind"] == stage.kind.value and summary.as_dict()["layer"] == 2
