from __future__ import annotations

import numpy as np
import pytest

from nnviz.core.smoothing import ema


def test_no_smoothing_returns_the_values():
    x = np.array([3.0, 1.0, 2.0])
    np.testing.assert_allclose(ema(x, 0.0)[0], x)


def test_debiased_start_equals_the_first_value_and_a_constant_stays_constant():
    out, _ = ema(np.full(50, 2.5), 0.9)
    np.testing.assert_allclose(out, 2.5)


def test_matches_the_definition():
    rng = np.random.default_rng(0)
    x = rng.random(20)
    beta = 0.8
    s, expected = 0.0, []
    for t, v in enumerate(x, start=1):
        s = beta * s + (1 - beta) * v
        expected.append(s / (1 - beta**t))
    np.testing.assert_allclose(ema(x, beta)[0], expected)


def test_continuing_in_chunks_equals_one_pass():
    x = np.random.default_rng(1).random(100)
    whole, _ = ema(x, 0.95)
    a, state = ema(x[:37], 0.95)
    b, _ = ema(x[37:], 0.95, state)
    np.testing.assert_allclose(np.concatenate([a, b]), whole)


def test_a_nan_does_not_poison_later_points():
    out, _ = ema(np.array([1.0, np.nan, 1.0]), 0.5)
    assert np.isnan(out[1]) and out[2] == pytest.approx(1.0)


def test_smoothing_out_of_range_is_refused():
    with pytest.raises(ValueError):
        ema(np.ones(3), 1.0)
