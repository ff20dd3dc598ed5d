"""Optimizers: the book's update rules, convergence on a quadratic, and no subnormal buffers."""

from __future__ import annotations

import numpy as np
import pytest

from nnviz.core import optimizers
from nnviz.core.errors import ConfigError
from nnviz.core.optimizers import AdaGrad, Adam, Momentum, Sgd, get_optimizer, optimizer_names

# learning rates that suit the quadratic below (curvatures 0.5 .. 4)
LEARNING_RATES = {"sgd": 0.2, "momentum": 0.05, "adagrad": 0.5, "adam": 0.05}


def _quadratic(w: np.ndarray) -> tuple[float, np.ndarray]:
    """f(w) = 1/2 sum c_i (w_i - w*_i)^2 with an ill-conditioned diagonal; returns (f, grad)."""
    c = np.linspace(0.5, 4.0, w.size).reshape(w.shape)
    d = w - 3.0
    return float(0.5 * np.sum(c * d * d)), c * d


@pytest.mark.parametrize("name", list(LEARNING_RATES))
def test_each_optimizer_minimises_a_quadratic(name):
    opt = get_optimizer(name, LEARNING_RATES[name])
    params = {"W1": np.zeros((4, 3), dtype=np.float32), "b1": np.zeros(3, dtype=np.float32)}
    start = _quadratic(params["W1"])[0] + _quadratic(params["b1"])[0]
    for _ in range(300):
        grads = {k: _quadratic(v)[1].astype(np.float32) for k, v in params.items()}
        opt.step(params, grads)
    end = _quadratic(params["W1"])[0] + _quadratic(params["b1"])[0]
    assert end < 1e-3 * start
    assert opt.steps == 300
    assert all(v.dtype == np.float32 for v in params.values())


def test_sgd_step_is_w_minus_lr_times_grad():
    params = {"W": np.array([1.0, -2.0])}
    Sgd(0.1).step(params, {"W": np.array([0.5, 4.0])})
    assert np.allclose(params["W"], [0.95, -2.4])


def test_momentum_accumulates_velocity():
    params = {"W": np.array([0.0])}
    opt = Momentum(0.1, momentum=0.9)
    opt.step(params, {"W": np.array([1.0])})  # v = -0.1
    opt.step(params, {"W": np.array([1.0])})  # v = -0.09 - 0.1 = -0.19
    assert params["W"] == pytest.approx([-0.29])


def test_adagrad_scales_by_the_accumulated_squares():
    params = {"W": np.array([0.0, 0.0])}
    opt = AdaGrad(1.0)
    opt.step(params, {"W": np.array([2.0, -0.5])})  # each step is lr * sign(g) at first
    assert np.allclose(params["W"], [-1.0, 1.0], atol=1e-6)
    opt.step(params, {"W": np.array([2.0, -0.5])})  # then g / sqrt(2 g^2) = 1/sqrt(2)
    assert np.allclose(params["W"], [-1 - 2**-0.5, 1 + 2**-0.5], atol=1e-6)


def test_adams_first_step_moves_each_weight_by_lr():
    # with bias correction, m_hat / sqrt(v_hat) = g / |g| on the first step
    params = {"W": np.array([0.0, 0.0, 0.0])}
    Adam(0.01).step(params, {"W": np.array([3.0, -0.2, 0.05])})
    assert np.allclose(params["W"], [-0.01, 0.01, -0.01], rtol=1e-3)


# gradients far smaller than eps = 1e-7, where the place of eps decides the step
TINY_GRADIENTS = np.array([1e-6, -3e-8, 1e-9, 0.0])


def test_adagrad_adds_eps_after_the_square_root():
    """lr * g / (sqrt(h) + eps): for g = 1e-6 the first step is lr / 1.1 (eps inside the root,
    lr * g / sqrt(g^2 + eps), would be 300 times smaller); g = 0 does not move."""
    params = {"W": np.zeros(4)}
    AdaGrad(0.1, eps=1e-7).step(params, {"W": TINY_GRADIENTS.copy()})
    g = TINY_GRADIENTS
    np.testing.assert_allclose(params["W"], -0.1 * g / (np.abs(g) + 1e-7), rtol=1e-12)
    assert params["W"][0] == pytest.approx(-0.1 / 1.1)


def test_adam_adds_eps_after_the_square_root():
    """The book's Adam: lr_t = lr sqrt(1 - b2^t) / (1 - b1^t), step lr_t m / (sqrt(v) + eps);
    on the first step m = (1 - b1) g and v = (1 - b2) g^2."""
    params = {"W": np.zeros(4)}
    Adam(0.01, beta1=0.9, beta2=0.999, eps=1e-7).step(params, {"W": TINY_GRADIENTS.copy()})
    g = TINY_GRADIENTS
    root = np.sqrt(1 - 0.999)
    expected = -0.01 * root * g / (root * np.abs(g) + 1e-7)
    np.testing.assert_allclose(params["W"], expected, rtol=1e-9)


def test_adagrads_second_step_divides_by_the_root_of_both_squares():
    params = {"W": np.zeros(2)}
    opt = AdaGrad(1.0, eps=1e-7)
    for g in ([3.0, 1e-6], [4.0, 1e-6]):
        opt.step(params, {"W": np.array(g)})
    np.testing.assert_allclose(opt.h["W"], [25.0, 2e-12])
    second = [4 / (5 + 1e-7), 1e-6 / (np.sqrt(2e-12) + 1e-7)]
    first = [3 / (3 + 1e-7), 1e-6 / (1e-6 + 1e-7)]
    np.testing.assert_allclose(params["W"], -np.add(first, second), rtol=1e-12)


def test_adams_second_step_follows_both_moving_averages():
    """m and v are moving averages: m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2."""
    params = {"W": np.zeros(2)}
    opt = Adam(0.01, beta1=0.9, beta2=0.999, eps=1e-7)
    g1, g2 = np.array([2.0, -1.0]), np.array([1.0, 3.0])
    opt.step(params, {"W": g1.copy()})
    opt.step(params, {"W": g2.copy()})
    m1, v1 = 0.1 * g1, 0.001 * g1**2
    m2, v2 = 0.9 * m1 + 0.1 * g2, 0.999 * v1 + 0.001 * g2**2
    np.testing.assert_allclose(opt.m["W"], m2, rtol=1e-12)
    np.testing.assert_allclose(opt.v["W"], v2, rtol=1e-12)
    lr1 = 0.01 * np.sqrt(1 - 0.999) / (1 - 0.9)
    lr2 = 0.01 * np.sqrt(1 - 0.999**2) / (1 - 0.9**2)
    expected = -lr1 * m1 / (np.sqrt(v1) + 1e-7) - lr2 * m2 / (np.sqrt(v2) + 1e-7)
    np.testing.assert_allclose(params["W"], expected, rtol=1e-12)


def _subnormals(x: np.ndarray) -> np.ndarray:
    return x[(np.abs(x) < np.finfo(np.float32).tiny) & (x != 0)]


def _run_with_dead_inputs(opt, steps: int = 1500) -> dict[str, np.ndarray]:
    """A first step with gradient everywhere, then zero gradient for half of the weights, as
    for MNIST's always-blank border pixels: their buffers decay geometrically towards zero."""
    rng = np.random.default_rng(0)
    params = {"W": rng.standard_normal((40, 10)).astype(np.float32)}
    live = np.zeros((40, 10), dtype=bool)
    live[:20] = True
    opt.step(params, {"W": rng.standard_normal((40, 10)).astype(np.float32)})
    for _ in range(steps - 1):
        g = np.where(live, rng.standard_normal((40, 10)), 0).astype(np.float32)
        opt.step(params, {"W": g})
    return params


@pytest.mark.parametrize(
    "make", [lambda: Adam(0.001), lambda: Momentum(0.01)], ids=["adam", "momentum"]
)
def test_buffers_are_flushed_of_subnormal_floats(make):
    opt = make()
    params = _run_with_dead_inputs(opt)
    buffers = [opt.m["W"], opt.v["W"]] if isinstance(opt, Adam) else [opt.v["W"]]
    for buffer in [*buffers, params["W"]]:
        assert buffer.dtype == np.float32
        assert _subnormals(buffer).size == 0
    assert np.all(np.isfinite(params["W"]))


def test_the_dead_input_scenario_does_produce_subnormals_without_flushing(monkeypatch):
    # proves the test above can fail: the same run with flushing switched off leaves subnormals
    monkeypatch.setattr(optimizers, "_FLUSH_EVERY", 10**9)
    opt = Adam(0.001)
    _run_with_dead_inputs(opt)
    assert _subnormals(opt.m["W"]).size > 0


def test_flushing_does_not_change_live_weights_noticeably():
    a, b = Adam(0.001), Adam(0.001)
    pa = _run_with_dead_inputs(a, 1000)  # flushes zero the dead buffers after ~650 steps
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(optimizers, "_FLUSH_EVERY", 10**9)
        pb = _run_with_dead_inputs(b, 1000)
    assert np.count_nonzero(a.m["W"]) < np.count_nonzero(b.m["W"])
    assert np.allclose(pa["W"], pb["W"], atol=1e-6)


def test_refusals_say_what_is_accepted_and_an_optimizer_says_what_it_is():
    with pytest.raises(ConfigError) as info:
        get_optimizer("lbfgs", 0.1)
    assert (
        str(info.value) == "unknown optimizer 'lbfgs'; choose one of sgd, momentum, adagrad, adam"
    )
    with pytest.raises(ConfigError) as info:
        Adam(-1.0)
    assert str(info.value) == "learning rate must be a positive number, got -1.0"
    assert repr(Sgd(0.5)) == "Sgd(lr=0.5)" and repr(Adam(0.001)) == "Adam(lr=0.001)"


def test_registry():
    assert optimizer_names() == ["sgd", "momentum", "adagrad", "adam"]
    assert isinstance(get_optimizer(" Adam ", 0.1), Adam)
    assert get_optimizer("sgd", 0.3).lr == 0.3
    with pytest.raises(ConfigError, match="unknown optimizer"):
        get_optimizer("lbfgs", 0.1)


@pytest.mark.parametrize("lr", [0.0, -0.1, float("nan"), float("inf")])
@pytest.mark.parametrize("cls", [Sgd, Momentum, AdaGrad, Adam])
def test_nonsense_learning_rates_raise_config_error(cls, lr):
    with pytest.raises(ConfigError):
        cls(lr)


@pytest.mark.parametrize("name", list(LEARNING_RATES))
def test_each_step_reports_the_squared_size_of_every_weight_update(name):
    rng = np.random.default_rng(3)
    opt = get_optimizer(name, LEARNING_RATES[name])
    params = {"W1": rng.standard_normal((4, 3)), "b1": rng.standard_normal(3)}
    for _ in range(3):
        before = {k: v.copy() for k, v in params.items()}
        grads = {k: rng.standard_normal(v.shape) for k, v in params.items()}
        sizes = opt.step(params, {k: g.copy() for k, g in grads.items()})
        assert sorted(sizes) == ["W1"]  # weights only: biases have no update ratio
        g_sq, step_sq = sizes["W1"]
        assert g_sq == pytest.approx(float(np.sum(grads["W1"] ** 2)))
        assert step_sq == pytest.approx(float(np.sum((params["W1"] - before["W1"]) ** 2)))
