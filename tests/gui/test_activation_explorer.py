"""The activation explorer draws the core's functions, follows its sliders and the network."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTextDocument

from nnviz.core.activations import Maxout, activation_names, get_activation
from nnviz.core.network import Network
from nnviz.core.trace import Kind
from nnviz.gui import style
from nnviz.gui.explorer.activation_explorer import SATURATION, ActivationExplorer
from nnviz.gui.explorer.activation_formulas import display_name, formula_font
from nnviz.gui.session import Session


@pytest.fixture
def session(mnist):
    s = Session(Network(seed=1), mnist)
    s.show_test_sample(3)
    return s


@pytest.fixture
def explorer(qtbot, session):
    widget = ActivationExplorer(session)
    widget.resize(640, 620)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _select(explorer, name):
    explorer.function.setCurrentIndex(explorer.function.findData(name))
    assert explorer.selected() == name


def _length(item) -> int:
    x = item.getData()[0]
    return 0 if x is None else len(x)


def _curves(explorer):
    x, f = explorer.plots.f_curve.getData()
    x2, df = explorer.plots.df_curve.getData()
    assert np.array_equal(x, x2)
    return np.asarray(x), np.asarray(f), np.asarray(df)


@pytest.mark.parametrize("name", [n for n in activation_names() if n != "maxout"])
def test_plotted_curve_and_derivative_are_the_cores(explorer, name):
    _select(explorer, name)
    x, f, df = _curves(explorer)
    act = get_activation(name)  # slider defaults are the core's defaults (slope 0.1, alpha 1)
    assert x.min() < -5 and x.max() > 5
    np.testing.assert_allclose(f, act.forward(x), rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(df, act.derivative(x), rtol=1e-6, atol=1e-7)


def test_maxout_curve_is_the_cores_one_input_unit(explorer):
    _select(explorer, "maxout")
    explorer.sliders["w1"].set_value(1.5)
    explorer.sliders["b1"].set_value(-0.5)
    explorer.sliders["w2"].set_value(-0.25)
    explorer.sliders["b2"].set_value(1.0)
    x, f, df = _curves(explorer)
    want_f, want_df = Maxout.curve(x, (1.5, -0.25), (-0.5, 1.0))
    np.testing.assert_allclose(f, want_f)
    np.testing.assert_allclose(df, want_df)
    assert "max(1.5<i>x</i> − 0.5, −0.25<i>x</i> + 1)" in explorer.formula.text()


def _lines(html: str, width: int) -> list[str]:
    """The lines a word-wrapping label of ``width`` pixels sets ``html`` in (formula font)."""
    doc = QTextDocument()
    doc.setDefaultFont(formula_font())
    doc.setHtml(html)
    doc.setTextWidth(width)
    doc.size()  # lays it out
    lines, block = [], doc.begin()
    while block.isValid():
        layout = block.layout()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lines.append(block.text()[line.textStart() : line.textStart() + line.textLength()])
        block = block.next()
    return lines


def test_maxout_formula_breaks_between_its_expressions_never_inside_one(explorer):
    _select(explorer, "maxout")
    html = explorer.formula.text()
    for width in range(240, 520, 10):  # a narrow dock to a wide one
        for line in _lines(html, width):
            assert line.count("(") == line.count(")"), (width, line)


def test_maxout_slider_labels_are_set_as_in_the_formula(explorer):
    """w1, b1, w2, b2 with real subscripts (the font's ₁ rendered as "w."), at formula size."""
    _select(explorer, "maxout")
    for name in ("w1", "b1", "w2", "b2"):
        label = explorer.sliders[name].name_label
        assert label.isVisible() and label.textFormat() == Qt.TextFormat.RichText
        assert f"<i>{name[0]}</i><sub>{name[1]}</sub>" in label.text()
        assert not any(c in label.text() for c in "₁₂")


def test_slope_slider_moves_the_leaky_relu_curve(explorer):
    _select(explorer, "leaky-relu")
    assert explorer.sliders["slope"].isVisible() and not explorer.sliders["alpha"].isVisible()
    x, f_before, _ = _curves(explorer)
    explorer.sliders["slope"].set_value(0.3)
    x, f_after, df_after = _curves(explorer)
    left = x < 0
    assert not np.allclose(f_before[left], f_after[left])
    np.testing.assert_allclose(f_after, get_activation("leaky-relu", slope=0.3).forward(x))
    np.testing.assert_allclose(df_after[left], 0.3)
    assert "α = 0.3" in explorer.formula.text()


def test_elu_alpha_slider_moves_the_curve(explorer):
    _select(explorer, "elu")
    explorer.sliders["alpha"].set_value(2.0)
    x, f, _ = _curves(explorer)
    np.testing.assert_allclose(f, get_activation("elu", alpha=2.0).forward(x), rtol=1e-6)
    assert f.min() < -1.9


def test_saturation_regions_are_where_the_derivative_is_small(explorer):
    _select(explorer, "sigmoid")
    regions = explorer.saturation_regions()
    assert len(regions) == 2
    (lo1, hi1), (lo2, hi2) = regions
    # sigmoid' = s(1 - s) = 0.1 at s = (1 +- sqrt(0.6)) / 2, i.e. |x| = ln(s / (1 - s)) ~ 2.063
    edge = np.log((1 + np.sqrt(0.6)) / (1 - np.sqrt(0.6)))
    assert hi1 == pytest.approx(-edge, abs=0.03) and lo2 == pytest.approx(edge, abs=0.03)
    shown = [r for r, _ in explorer.plots.regions if r.isVisible()]
    drawn = [v for r in shown for v in r.getRegion()]
    assert drawn == pytest.approx([v for region in regions for v in region])
    _select(explorer, "relu")
    assert len(explorer.saturation_regions()) == 1 and explorer.saturation_regions()[0][1] <= 0
    _select(explorer, "identity")
    assert explorer.saturation_regions() == []
    assert not any(r.isVisible() for r, _ in explorer.plots.regions)


def test_network_preactivations_lie_on_the_networks_curve_and_follow_the_stage(explorer, session):
    session.set_stage(Kind.AFFINE, 1)
    a, z = explorer.plots.points.getData()
    np.testing.assert_allclose(np.sort(a), np.sort(session.trace.values(Kind.AFFINE, 1)), rtol=1e-6)
    np.testing.assert_allclose(z, session.network.activation.forward(a), rtol=1e-6)
    assert "layer 1" in explorer.network_note.text()
    saturated = int((np.abs(session.network.activation.derivative(a)) < SATURATION).sum())
    assert f"{saturated} saturated" in explorer.network_note.text()

    session.set_stage(Kind.ACTIVATION, 2)
    a, z = explorer.plots.points.getData()
    assert a.size == session.network.sizes[2]
    np.testing.assert_allclose(np.sort(a), np.sort(session.trace.values(Kind.AFFINE, 2)), rtol=1e-6)
    assert "layer 2" in explorer.network_note.text()
    counts = explorer.plots.histogram.getData()[1]
    assert counts.sum() == a.size


def test_points_move_with_the_sample(explorer, session):
    before = explorer.plots.points.getData()[0].copy()
    session.show_test_sample(7)
    after = explorer.plots.points.getData()[0]
    assert not np.allclose(np.sort(before), np.sort(after))


def test_points_use_the_networks_own_activation(qtbot, mnist):
    session = Session(Network(activation="tanh", seed=2), mnist)
    session.show_test_sample(0)
    explorer = ActivationExplorer(session)
    qtbot.addWidget(explorer)
    assert explorer.selected() == "tanh"  # opens on the network's function
    _select(explorer, "relu")  # looking at another function does not move the points
    a, z = explorer.plots.points.getData()
    np.testing.assert_allclose(z, np.tanh(a), rtol=1e-6)
    x, ghost = explorer.plots.network_curve.getData()
    np.testing.assert_allclose(ghost, np.tanh(x), rtol=1e-6)


def _dot_colours(explorer) -> set[str]:
    return {b.color().name() for b in explorer.plots.points.data["brush"]}


def test_beside_another_curve_the_dots_are_uncoloured_and_the_panel_says_so(explorer, session):
    """The dots are the network's own (sigmoid) units: with ReLU chosen they are not coloured
    as if ReLU's shaded saturation applied to them, and the panel says plainly why."""
    session.set_stage(Kind.ACTIVATION, 1)
    assert explorer.selected() == "sigmoid" and explorer.other_curve_note.isHidden()
    assert _dot_colours(explorer) <= {style.UNIT_PASSING, style.UNIT_SATURATED}  # by h'
    for other in ("relu", "tanh"):
        _select(explorer, other)
        a, z = explorer.plots.points.getData()
        np.testing.assert_allclose(z, session.network.activation.forward(a), rtol=1e-6)
        assert not explorer.other_curve_note.isHidden()
        note = explorer.other_curve_note.text()
        assert "uses Sigmoid, not" in note and display_name(other) in note
        assert _dot_colours(explorer) == {style.MUTED}  # neither green nor red
        assert "saturated" not in explorer.network_note.text()
    _select(explorer, "sigmoid")
    assert explorer.other_curve_note.isHidden()
    assert _dot_colours(explorer) <= {style.UNIT_PASSING, style.UNIT_SATURATED}  # by h'


def test_hover_readout_shows_the_cores_values(explorer):
    _select(explorer, "tanh")
    explorer.show_readout(0.5)
    text = explorer.readout.text()
    assert f"{np.tanh(0.5):.4f}" in text and f"{1 - np.tanh(0.5) ** 2:.4f}" in text
    assert explorer.plots.hover_line.value() == pytest.approx(0.5)


def test_compare_mode_draws_the_chosen_functions_together(explorer):
    explorer.compare.setChecked(True)
    explorer.compare_boxes["elu"].setChecked(True)
    drawn = {name for name, (f, _) in explorer.plots.compare_curves.items() if _length(f)}
    assert drawn == {"sigmoid", "tanh", "relu", "elu"}
    x, f = explorer.plots.compare_curves["elu"][0].getData()
    np.testing.assert_allclose(f, get_activation("elu").forward(x), rtol=1e-6)
    assert _length(explorer.plots.f_curve) == 0
    assert explorer.sliders["alpha"].isVisible()  # the compared ELU's parameter
    explorer.show_readout(1.0)
    assert "ELU" in explorer.readout.text()
    explorer.compare.setChecked(False)
    assert _length(explorer.plots.f_curve) > 0


def test_maxout_network_units_are_their_winning_pieces(qtbot, mnist):
    session = Session(Network(activation="maxout", seed=4), mnist)
    session.show_test_sample(1)
    session.set_stage(Kind.AFFINE, 1)
    explorer = ActivationExplorer(session)
    qtbot.addWidget(explorer)
    a, z = explorer.plots.points.getData()
    assert a.size == session.network.sizes[1]  # one dot per unit, not per piece
    np.testing.assert_allclose(
        np.sort(z), np.sort(session.trace.values(Kind.ACTIVATION, 1)), rtol=1e-6
    )
    np.testing.assert_array_equal(a, z)


def test_no_hidden_layer_means_no_points(qtbot, mnist):
    session = Session(Network(sizes=(784, 10)), mnist)
    explorer = ActivationExplorer(session)
    qtbot.addWidget(explorer)
    assert explorer.plots.points.getData()[0].size == 0
    assert explorer.network_note.text() == ""


def test_a_layer_whose_values_need_a_wider_plot_widens_the_curve_with_its_dots(explorer, session):
    params = {k: v.copy() for k, v in session.network.params.items()}
    params["W2"] *= 40.0  # layer 2's pre-activations far outside layer 1's plot
    session.set_params(params)
    session.set_stage(Kind.AFFINE, 1)
    x1 = _curves(explorer)[0]
    session.set_stage(Kind.AFFINE, 2)
    a = explorer.plots.points.getData()[0]
    x2, f2, _df = _curves(explorer)
    big = float(np.abs(a).max())
    assert x1.max() < big  # the layer-1 plot could not hold layer 2's dots
    assert x2.max() > x1.max()  # the curve was drawn again over the wider range
    np.testing.assert_allclose(f2, session.network.activation.forward(x2), rtol=1e-6)
    session.set_stage(Kind.AFFINE, 1)  # back: the same layer-1 plot again
    np.testing.assert_array_equal(_curves(explorer)[0], x1)


class _Paints(QObject):
    """Counts the paint events of the widget it filters."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _obj, event) -> bool:  # noqa: N802 (Qt)
        self.count += event.type() == QEvent.Type.Paint
        return False


def _wider_layer_2(session) -> None:
    params = {k: v.copy() for k, v in session.network.params.items()}
    params["W2"] *= 40.0  # layer 2's pre-activations far outside layer 1's plot
    session.set_params(params)


@pytest.mark.parametrize("wider", [False, True], ids=["same range", "wider range"])
def test_a_step_to_another_layer_paints_the_plots_once(explorer, session, qtbot, wider):
    if wider:
        _wider_layer_2(session)
    session.set_stage(Kind.AFFINE, 1)
    qtbot.wait(50)
    width = explorer._half_width
    paints = _Paints()
    explorer.plots.widget.viewport().installEventFilter(paints)
    session.set_stage(Kind.AFFINE, 2)  # new dots and counts; wider: new x range and curves
    assert (explorer._half_width != width) == wider
    qtbot.wait(100)  # the repaint, and any the repaint itself asks for
    assert paints.count == 1


def test_a_refit_sets_only_the_curves_it_changes(explorer, session, monkeypatch):
    _wider_layer_2(session)
    session.set_stage(Kind.AFFINE, 1)
    plots = explorer.plots
    items = {"h": plots.f_curve, "h'": plots.df_curve, "histogram": plots.histogram}
    for name, (f, df) in plots.compare_curves.items():
        items[name], items[name + "'"] = f, df
    calls = []
    for name, item in items.items():
        set_data = item.curve.setData  # what draws: the PlotDataItem's curve
        monkeypatch.setattr(
            item.curve, "setData", lambda *a, n=name, f=set_data, **k: calls.append(n) or f(*a, **k)
        )
    session.set_stage(Kind.AFFINE, 2)
    assert sorted(calls) == ["h", "h'", "histogram"]  # once each; the compared ones not at all


def test_stepping_back_to_a_layer_draws_its_axes_from_before(explorer, session, qtbot):
    """Each axis keeps the pictures of its last ranges: stepping between two layers draws
    no tick, number or grid line anew once both were shown."""
    _wider_layer_2(session)
    axes = [
        plot.getAxis(side)
        for plot in (explorer.plots.curve_plot, explorer.plots.hist_plot)
        for side in ("left", "bottom")
    ]
    drawn = []
    for axis in axes:
        generate = axis.generateDrawSpecs
        axis.generateDrawSpecs = lambda p, f=generate, a=axis: drawn.append(a) or f(p)

    def show(layer: int) -> None:
        session.set_stage(Kind.AFFINE, layer)
        qtbot.wait(50)  # painted

    show(1)
    show(2)
    show(1)
    assert set(drawn) == set(axes)  # each axis was drawn for its two ranges ...
    drawn.clear()
    show(2)
    show(1)
    assert drawn == []  # ... and shown from then on
    axes[0].setTextPen("#ff0000")  # a new look is drawn anew, for both ranges
    show(2)
    show(1)
    assert drawn.count(axes[0]) == 2
