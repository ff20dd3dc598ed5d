"""The softmax and loss explorer shows the core's softmax and the core's losses."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from nnviz.core.activations import softmax
from nnviz.core.losses import get_loss
from nnviz.core.network import Network
from nnviz.core.trace import Kind
from nnviz.gui.explorer.softmax_view import SoftmaxView
from nnviz.gui.session import Session


@pytest.fixture
def session(mnist):
    s = Session(Network(seed=3), mnist)
    s.show_test_sample(5)
    return s


@pytest.fixture
def view(qtbot, session):
    widget = SoftmaxView(session)
    widget.resize(900, 520)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _heights(item) -> np.ndarray:
    return np.asarray(item.opts["height"], dtype=np.float64)


def test_bars_are_logits_exp_and_the_cores_softmax(view, session):
    logits = np.asarray(session.trace.values(Kind.AFFINE, 3), dtype=np.float64)
    logit_bars, exp_bars, prob_bars = (_heights(i) for i in view.bar_items)
    np.testing.assert_allclose(logit_bars, logits, rtol=1e-6)
    np.testing.assert_allclose(prob_bars, session.trace.values(Kind.OUTPUT), rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose(prob_bars, softmax(logits), rtol=1e-12)
    assert exp_bars.max() == pytest.approx(1.0)
    np.testing.assert_allclose(exp_bars / exp_bars.sum(), prob_bars, rtol=1e-12)
    assert prob_bars.sum() == pytest.approx(1.0)
    assert len(view.bar_items[0].opts["x"]) == 10


def test_temperature_divides_the_logits(view, session):
    logits = np.asarray(session.trace.values(Kind.AFFINE, 3), dtype=np.float64)
    before = _heights(view.bar_items[2]).copy()
    view.temperature.setValue(160)  # log10 T = -1 + 2 * 160 / 200 = 0.6: T = 3.98
    t = view.temperature_value()
    assert t == pytest.approx(4.0, rel=0.02)
    np.testing.assert_allclose(_heights(view.bar_items[0]), logits / t, rtol=1e-12)
    np.testing.assert_allclose(_heights(view.bar_items[2]), softmax(logits / t), rtol=1e-12)
    assert _heights(view.bar_items[2]).max() < before.max()  # a higher T flattens
    assert "T = 4" in view.temperature_label.text() or "T = 3.9" in view.temperature_label.text()
    view.temperature.setValue(100)  # the middle: T = 1
    assert view.temperature_value() == 1.0


def test_loss_points_equal_the_cores_losses(view, session):
    label = session.label
    y = session.trace.values(Kind.OUTPUT)[None, :].astype(np.float64)
    ce = get_loss("cross-entropy").value(y, np.array([label]))
    mse = get_loss("mse").value(y, np.array([label]))
    x, values = view.loss_points.getData()
    p = float(session.trace.values(Kind.OUTPUT)[label])
    np.testing.assert_allclose(x, [p, p], rtol=1e-6)
    assert view.loss_values() == pytest.approx((ce, mse), rel=1e-6)
    assert values[1] == pytest.approx(mse, rel=1e-6)
    assert values[0] == pytest.approx(min(ce, 5.0 * 0.97), rel=1e-6)
    assert f"{ce:.3f}" in view.loss_note.text() and f"{mse:.3f}" in view.loss_note.text()


def test_cross_entropy_point_lies_on_its_curve(view, session):
    label = session.label
    p = float(view.probabilities[label])
    ce_curve = get_loss("cross-entropy").of_true_probability(np.array([p]))[0]
    assert view.loss_values()[0] == pytest.approx(ce_curve, rel=1e-9)
    x, y = view.ce_curve.getData()
    np.testing.assert_allclose(y, get_loss("cross-entropy").of_true_probability(x))
    x, y = view.mse_curve.getData()
    np.testing.assert_allclose(y, get_loss("mse").of_true_probability(x))


def test_a_confident_mistake_costs_more_in_cross_entropy(view):
    x, ce = view.ce_curve.getData()
    _, mse = view.mse_curve.getData()
    low = x < 0.05
    assert (ce[low] > 2.9).all() and (mse[low] < 1.0).all()


def test_everything_follows_the_sample(view, session):
    session.show_test_sample(11)
    np.testing.assert_allclose(
        _heights(view.bar_items[2]), session.trace.values(Kind.OUTPUT), rtol=1e-5
    )
    assert view.loss_points.getData()[0][0] == pytest.approx(
        float(session.trace.values(Kind.OUTPUT)[session.label]), rel=1e-6
    )
    assert "#11" in view.summary.text()


def test_a_drawn_digit_without_a_label_has_no_loss_point(view, session):
    session.set_input(np.zeros(784, dtype=np.float32))
    assert view.loss_values() is None
    assert len(view.loss_points.getData()[0]) == 0
    session.set_input(np.zeros(784, dtype=np.float32), label=4)
    assert view.loss_values() is not None


def test_highlight_links_the_three_charts(view, session):
    view.highlight(2)
    for item in view.bar_items:
        assert item.opts["pens"][2].width() == 3
    assert "a/T" in view.readout.text()
    assert f"{view.probabilities[2]:.4g}" in view.readout.text()
    view.highlight(None)
    label = session.label
    outlined = [p.style() != Qt.PenStyle.NoPen for p in view.bar_items[2].opts["pens"]]
    assert outlined == [k == label for k in range(10)]  # only the true class stays outlined
