from __future__ import annotations

import numpy as np
import pytest

from nnviz.core.contributions import (
    contributions,
    strongest_incoming,
    term_breakdown,
    unit_preactivation,
)
from nnviz.core.network import Network
from nnviz.core.trace import Kind


@pytest.fixture
def trace_and_net():
    net = Network((12, 5, 4, 3), seed=1)
    x = np.random.default_rng(2).random(12).astype(np.float32)
    return net, net.forward_trace(x)


def test_contributions_sum_to_the_preactivation(trace_and_net):
    net, trace = trace_and_net
    for layer in (1, 2, 3):
        terms = contributions(net, trace, layer)
        a = terms.sum(axis=0) + net.params[f"b{layer}"]
        np.testing.assert_allclose(a, trace.values(Kind.AFFINE, layer), rtol=1e-5, atol=1e-6)


def test_strongest_incoming_keeps_the_k_largest_magnitudes_per_unit():
    terms = np.array([[1.0, -5.0], [-3.0, 0.5], [2.0, 0.1], [0.0, 4.0]])
    src, dst, val = strongest_incoming(terms, 2)
    got = {(int(s), int(d)) for s, d in zip(src, dst, strict=True)}
    assert got == {(1, 0), (2, 0), (0, 1), (3, 1)}
    np.testing.assert_array_equal(val, terms[src, dst])


def test_strongest_incoming_drops_zero_terms_and_handles_k_above_rows():
    terms = np.array([[0.0], [1.0]])
    src, dst, val = strongest_incoming(terms, 10)
    assert src.tolist() == [1] and dst.tolist() == [0] and val.tolist() == [1.0]


def test_strongest_incoming_matches_a_full_sort_on_a_sparse_image():
    rng = np.random.default_rng(5)
    terms = rng.standard_normal((784, 50)) * (rng.random((784, 1)) < 0.2)  # black pixels: 0
    for k in (1, 12, 200):
        src, dst, val = strongest_incoming(terms, k)
        np.testing.assert_array_equal(val, terms[src, dst])
        for unit in (0, 17, 49):
            column = terms[:, unit]
            nonzero = np.flatnonzero(column)
            want = nonzero[np.argsort(-np.abs(column[nonzero]))][:k]
            assert set(src[dst == unit].tolist()) == set(want.tolist())


def test_term_breakdown_adds_up(trace_and_net):
    net, trace = trace_and_net
    b = term_breakdown(net, trace, 2, 3, top=2)
    assert len(b.products) == 2 and b.rest_count == 3
    assert abs(b.products[0]) >= abs(b.products[1])
    assert b.products.sum() + b.rest + b.bias == pytest.approx(b.total, abs=1e-5)


def test_maxout_uses_the_winning_piece():
    net = Network((6, 4, 3), activation="maxout", seed=3)
    trace = net.forward_trace(np.linspace(0, 1, 6, dtype=np.float32))
    np.testing.assert_allclose(unit_preactivation(net, trace, 1), trace.values(Kind.ACTIVATION, 1))
    terms = contributions(net, trace, 1)
    assert terms.shape == (6, 4)
    b = term_breakdown(net, trace, 1, 2, top=6)
    assert b.total == pytest.approx(float(trace.values(Kind.ACTIVATION, 1)[2]), abs=1e-6)


# what mutation testing (mutmut, by hand) found untested: no edges asked for, the fields of a
# breakdown, a deeper layer's pre-activations, the winners of a maxout layer above the first
def test_no_strongest_terms_asked_for_or_no_units_give_empty_arrays_of_their_kinds():
    terms = np.arange(6, dtype=np.float32).reshape(3, 2) + 1
    for chosen in (strongest_incoming(terms, 0), strongest_incoming(terms[:, :0], 3)):
        src, dst, val = chosen
        assert src.size == dst.size == val.size == 0
        assert src.dtype == dst.dtype == np.intp and val.dtype == np.float32
    src, dst, _ = strongest_incoming(terms, 3)  # k = rows: every term of every unit
    assert sorted(zip(src.tolist(), dst.tolist(), strict=True)) == [
        (i, j) for i in range(3) for j in range(2)
    ]


def test_a_term_breakdown_names_the_sources_their_weights_and_inputs(trace_and_net):
    net, trace = trace_and_net
    b = term_breakdown(net, trace, 2, 1, top=3)
    z1 = trace.values(Kind.ACTIVATION, 1).astype(np.float64)
    w = net.params["W2"][:, 1].astype(np.float64)
    assert np.array_equal(b.sources, np.argsort(-np.abs(w * z1), kind="stable")[:3])
    assert np.allclose(b.weights, w[b.sources]) and np.allclose(b.inputs, z1[b.sources])
    assert np.allclose(b.products, b.weights * b.inputs)
    assert b.products.dtype == np.float64  # the sum the window shows adds up to the digit
    none = term_breakdown(net, trace, 2, 1, top=0)
    assert none.sources.size == 0 and none.rest_count == 5


def test_the_pre_activations_are_those_of_the_layer_asked_for():
    net = Network((6, 5, 4, 3), activation="maxout", seed=4)
    trace = net.forward_trace(np.linspace(0, 1, 6, dtype=np.float32))
    for layer in (1, 2):
        a = unit_preactivation(net, trace, layer)
        assert a.shape == (net.sizes[layer],)  # one per unit, not per piece
        np.testing.assert_allclose(a, trace.values(Kind.ACTIVATION, layer))
