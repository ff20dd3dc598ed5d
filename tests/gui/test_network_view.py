"""The layer graph: node values per stage, bounded edges, layouts for other sizes, animation."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGraphicsItem

from nnviz.core.network import Network
from nnviz.core.trace import Direction, Kind
from nnviz.gui import style
from nnviz.gui.graph.network_items import EDGE_GROUPS
from nnviz.gui.graph.network_layout import compute_layout
from nnviz.gui.graph.network_values import column_stage, value_scale
from nnviz.gui.graph.network_view import NetworkView
from nnviz.gui.session import Session


def _expected(session: Session, stage: int, layer: int):
    """What the nodes of ``layer`` must show at ``stage``, straight from the trace."""
    trace = session.trace
    i = column_stage(trace, stage, layer)
    if i is None:
        return None, None
    return trace.stages[i].values, trace.stages[i].kind


@pytest.fixture
def make_view(qtbot, mnist):
    def make(sizes=(784, 50, 100, 10), activation="sigmoid", size=(1000, 620)):
        session = Session(Network(sizes, activation, seed=3), mnist)
        session.show_test_sample(0)
        view = NetworkView(session)
        view.animations_enabled = False
        qtbot.addWidget(view)
        view.resize(*size)
        view.show()
        qtbot.waitUntil(lambda: view.graph_layout is not None and view.graph_layout.width >= 900)
        return view

    return make


def test_every_stage_shows_the_trace_values(make_view):
    view = make_view()
    session = view.session
    L = session.network.num_layers
    for stage in range(len(session.trace.of(Direction.FORWARD))):
        session.set_stage_index(stage)
        for layer in range(L + 1):
            expected, kind = _expected(session, stage, layer)
            got = view.node_values(layer)
            if expected is None:
                assert got is None
                if layer:
                    assert (view.brush_indices[layer] == -1).all()
                continue
            np.testing.assert_array_equal(got, expected)
            if layer:  # colours follow the values on the column's scale
                want = style.scale_indices(expected, value_scale(kind, expected))
                np.testing.assert_array_equal(view.brush_indices[layer], want)
        name = session.trace.stages[stage].name
        assert view.shown_stage_name(session.trace.stages[stage].layer) == name
        footer = view.labels.footers[session.trace.stages[stage].layer]
        assert name in footer.textItem.toPlainText()


def test_the_backward_pass_fills_each_layer_when_its_gradient_arrives(make_view):
    view = make_view()
    session = view.session
    trace = session.trace
    assert session.label is not None and len(trace.of(Direction.BACKWARD)) == 15

    def shown(layer):
        values = view.node_values(layer)
        return None if values is None else np.asarray(values)

    session.set_stage(Kind.LOSS)  # the loss compares y with the label; no gradient yet
    np.testing.assert_array_equal(shown(3), trace.values(Kind.OUTPUT))
    assert shown(1) is None and shown(2) is None
    label = view.output.value_labels[session.label].textItem.toPlainText()
    assert label.endswith("t = 1")
    assert [e.state for e in view.edge_layers.values()] == ["future"] * 3
    assert view.edges_show_gradients
    session.set_stage(Kind.LOSS_GRADIENT)  # y - t at the output
    y, t = trace.values(Kind.OUTPUT), np.eye(10)[session.label]
    np.testing.assert_allclose(shown(3), y - t, atol=1e-6)
    session.set_stage(Kind.SIGNAL_GRADIENT, 2)
    np.testing.assert_array_equal(shown(2), trace.values(Kind.SIGNAL_GRADIENT, 2))
    assert shown(1) is None
    assert [e.state for e in view.edge_layers.values()] == ["future", "future", "past"]
    session.set_stage(Kind.WEIGHT_GRADIENT, 2)
    np.testing.assert_array_equal(shown(2), trace.values(Kind.DELTA, 2))
    assert [e.state for e in view.edge_layers.values()] == ["future", "current", "past"]
    # the edges into layer 2 are its largest |dE/dw| = z1_i * delta2_j
    edges = view.edge_layers[2]
    grads = trace.values(Kind.WEIGHT_GRADIENT, 2)
    assert np.abs(edges.values).min() > 0
    assert set(np.round(np.abs(edges.values), 12)) <= set(np.round(np.abs(grads).ravel(), 12))
    assert np.abs(edges.values).max() == pytest.approx(np.abs(grads).max())
    session.set_stage(Kind.UPDATE, 1)
    assert [e.state for e in view.edge_layers.values()] == ["current", "past", "past"]
    session.set_stage(Kind.AFFINE, 1)  # forward again: w·x edges
    assert not view.edges_show_gradients
    assert [e.state for e in view.edge_layers.values()] == ["current", "future", "future"]


def test_output_bars_show_the_probabilities_only_at_the_last_stage(make_view):
    view = make_view()
    session = view.session
    session.set_stage(Kind.AFFINE, 3)  # logits as numbers, no bars
    assert all(bar.rect().width() == 0 for bar in view.output.bars)
    a3 = session.trace.values(Kind.AFFINE, 3)
    assert view.output.value_labels[0].textItem.toPlainText() == style.format_number(a3[0])
    session.set_stage(Kind.OUTPUT)
    widths = np.array([bar.rect().width() for bar in view.output.bars])
    y = session.trace.values(Kind.OUTPUT)
    np.testing.assert_allclose(widths / view.graph_layout.bar_width, y, atol=1e-6)
    assert view.output.ring.data.size == 1  # the predicted class is ringed


def test_edges_are_few_grouped_and_bounded(make_view):
    view = make_view()
    session = view.session
    assert len(view.edge_layers) == session.network.num_layers  # one item per layer pair
    for edges in view.edge_layers.values():  # six pens, as many segments as edges
        assert sorted(edges.segments) == sorted(EDGE_GROUPS)
        assert sum(len(s) for s in edges.segments.values()) == len(edges)
    for layer, n in ((1, 50), (2, 100), (3, 10)):
        drawn = len(view.edge_layers[layer])
        assert 0 < drawn <= min(style.EDGE_BUDGET, n * style.EDGES_PER_NODE_MAX)
    assert sum(len(e) for e in view.edge_layers.values()) <= 3 * style.EDGE_BUDGET


def test_edge_states_follow_the_stage(make_view):
    view = make_view()
    session = view.session
    session.set_stage_index(0)
    assert [e.state for e in view.edge_layers.values()] == ["future"] * 3
    session.set_stage(Kind.AFFINE, 2)
    assert [e.state for e in view.edge_layers.values()] == ["past", "current", "future"]


def test_stepping_back_into_a_layer_reuses_its_drawn_edges(make_view, qtbot, monkeypatch):
    from nnviz.gui.graph import network_items

    view = make_view()
    session = view.session
    strokes = []
    paint = network_items._EdgeStrokes.paint

    def counting(self, *args):
        strokes.append(self)
        return paint(self, *args)

    monkeypatch.setattr(network_items._EdgeStrokes, "paint", counting)

    def show(stage: int) -> None:
        session.set_stage_index(stage)
        view.viewport().update()
        qtbot.wait(30)  # the repaint it causes

    show(0)
    show(1)  # a1: layer 1's coloured look is stroked once
    assert strokes, "the edges were not drawn"
    show(0)
    strokes.clear()
    show(1)  # and again: its pixmap is blitted, no line is stroked
    assert strokes == []
    assert [e.state for e in view.edge_layers.values()][0] == "current"


def test_stepping_through_the_stages_again_renders_no_node_symbol(make_view, monkeypatch):
    """pyqtgraph caches each node symbol under its pen's and brush's identity: the columns
    keep theirs, so a second pass through the trace finds every symbol drawn already."""
    from pyqtgraph.graphicsItems import ScatterPlotItem as scatter

    view = make_view()
    view.animations_enabled = True  # the nodes empty and fill again on the way, too
    session = view.session
    stages = list(range(len(session.trace))) + list(range(len(session.trace) - 2, -1, -1))

    def walk() -> None:
        for stage in stages:
            session.set_stage_index(stage)
            view.finish_animation()

    walk()
    rendered = []
    render = scatter.renderSymbol
    monkeypatch.setattr(
        scatter, "renderSymbol", lambda *a, **k: rendered.append(a) or render(*a, **k)
    )
    walk()
    assert rendered == []


def test_new_params_update_the_same_items(make_view):
    view = make_view()
    session = view.session
    session.set_stage_index(6)
    items_before = len(view.scene().items())
    before = view.edge_layers[1].values.copy()
    params = {k: v * 1.5 for k, v in session.network.params.items()}
    session.set_params(params)
    assert len(view.scene().items()) == items_before
    assert not np.array_equal(before, view.edge_layers[1].values)
    np.testing.assert_array_equal(view.node_values(3), session.trace.values(Kind.OUTPUT))


@pytest.mark.parametrize("sizes", [(784, 16, 10), (784, 256, 128, 10), (784, 300, 10)])
def test_other_layer_sizes_lay_out_inside_the_view(make_view, sizes):
    view = make_view(sizes)
    lay = view.graph_layout
    assert len(lay.columns) == len(sizes)
    xs = [c.x for c in lay.columns]
    assert xs == sorted(xs)
    for col in lay.columns[1:]:
        pos = col.positions
        assert (pos[:, 0] > 0).all() and (pos[:, 0] < lay.width).all()
        assert (pos[:, 1] >= lay.top).all() and (pos[:, 1] <= lay.bottom).all()
        d = np.sqrt(((pos[:, None, :] - pos[None, :, :]) ** 2).sum(-1))
        np.fill_diagonal(d, np.inf)
        assert d.min() >= col.node_size * 0.95, "nodes overlap"
        assert len(col.shown) + col.hidden_count == sizes[col.layer]
    for stage in range(len(view.session.trace)):
        view.session.set_stage_index(stage)
    assert sum(len(e) for e in view.edge_layers.values()) > 0


def test_a_layer_too_big_for_the_column_shows_a_subset_with_an_ellipsis():
    lay = compute_layout((784, 2000, 10), 900, 500)
    col = lay.columns[1]
    assert col.hidden_count > 0 and col.ellipsis is not None
    assert len(col.shown) + col.hidden_count == 2000


def test_at_the_views_least_height_every_output_and_footer_is_inside_it(make_view):
    """A 1280 x 720 screen leaves the graph its least height: the layout once assumed 240 px
    and the last output (9) and the column footers fell off the bottom."""
    least = make_view().minimumSize().height()
    lay = compute_layout((784, 50, 100, 10), 640, least)
    outputs = lay.columns[-1]
    assert len(outputs.shown) == 10
    top, bottom = outputs.positions[:, 1].min(), outputs.positions[:, 1].max()
    assert 0 < top - outputs.node_size / 2 and bottom + outputs.node_size / 2 < least - 20


def test_in_a_short_narrow_view_the_titles_and_class_names_stay_readable(make_view, qtbot):
    """At 1280 x 720 the input's title ran off the left edge ("nput x") and the ten class
    names ran into each other."""
    view = make_view()
    view.resize(560, view.minimumSize().height())
    qtbot.waitUntil(lambda: view.graph_layout.width < 600)
    for title in view.labels.titles:
        box = title.mapRectToView(title.boundingRect())
        assert 0 <= box.left() and box.right() <= view.graph_layout.width
    labels = view.output.class_labels
    pitch = view.graph_layout.output_pitch
    assert all(QFontMetrics(lb.textItem.font()).height() <= pitch + 1 for lb in labels)


def test_maxout_network_shows_the_winning_pieces(make_view):
    view = make_view((784, 20, 10), activation="maxout")
    session = view.session
    session.set_stage_index(1)
    np.testing.assert_allclose(view.node_values(1), session.trace.values(Kind.ACTIVATION, 1))


def test_stepping_forward_animates_pulses_then_fills_the_nodes(make_view, qtbot):
    view = make_view()
    view.animations_enabled = True
    view.session.set_speed(3.0)
    session = view.session
    pulses_seen = []
    view.pulses.draw = _spy(view.pulses.draw, pulses_seen)
    with qtbot.waitSignal(view.animation_finished, timeout=5000):
        session.set_stage_index(1)
        assert view.player.animation is not None
        assert (view.brush_indices[1] >= 0).all()  # the data is final at once
    assert max(pulses_seen) > 0
    assert view.player.animation is None
    want = style.scale_indices(
        session.trace.values(Kind.AFFINE, 1),
        value_scale(Kind.AFFINE, session.trace.values(Kind.AFFINE, 1)),
    )
    np.testing.assert_array_equal(view.brush_indices[1], want)


def _drawn_colours(view, layer: int) -> set[str]:
    """The fill colours the column's nodes are painted with (not the view's bookkeeping)."""
    item = view.nodes.items[layer]
    return {spot.brush().color().name() for spot in item.points()}


def test_a_layer_not_reached_is_painted_blank_after_it_was_coloured(make_view, qtbot):
    view = make_view()
    session = view.session
    empty = {pg.mkColor(style.EMPTY_NODE).name()}
    session.set_stage_index(len(session.trace.of(Direction.FORWARD)) - 1)  # y: all coloured
    assert _drawn_colours(view, 2) != empty
    session.set_stage_index(0)  # Home: layers 1 and 2 are not reached
    assert _drawn_colours(view, 1) == empty and _drawn_colours(view, 2) == empty
    # stepping into a2 animated: layer 2 stays blank while the pulses travel, then fills
    session.set_stage_index(2)
    view.animations_enabled = True
    with qtbot.waitSignal(view.animation_finished, timeout=5000):
        session.set_stage_index(3)
        assert _drawn_colours(view, 2) == empty
    assert _drawn_colours(view, 2) != empty


def test_jumping_does_not_animate(make_view):
    view = make_view()
    view.animations_enabled = True
    view.session.set_stage_index(4)
    assert view.player.animation is None


def test_play_runs_the_whole_pass_and_stops_at_the_output(make_view, qtbot):
    view = make_view()
    view.animations_enabled = True
    view.session.set_speed(3.0)
    session = view.session
    with qtbot.waitSignal(session.playing_changed, timeout=20000, check_params_cb=lambda p: not p):
        session.set_playing(True)
        assert session.playing
    assert view.session.stage_index == len(view.session.trace) - 1


def _spy(fn, record):
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        record.append(result)
        return result

    return wrapper


def test_live_weights_draw_edges_in_draft_then_antialiased(make_view, qtbot):
    view = make_view()
    session = view.session
    assert all(e.antialias for e in view.edge_layers.values())
    session.set_params({k: v.copy() for k, v in session.network.params.items()})
    assert not any(e.antialias for e in view.edge_layers.values())
    # each layer pair's two looks (grey, coloured) are its child items
    items = [look for e in view.edge_layers.values() for look in e.childItems()]
    assert len(items) == 2 * len(view.edge_layers)
    assert all(item.cacheMode() == QGraphicsItem.CacheMode.NoCache for item in items)
    qtbot.waitUntil(lambda: all(e.antialias for e in view.edge_layers.values()), timeout=3000)
    cached = QGraphicsItem.CacheMode.DeviceCoordinateCache  # for stage steps and the animation
    assert all(item.cacheMode() == cached for item in items)


def test_a_resize_mid_animation_carries_the_animation_on(make_view, qtbot):
    view = make_view()
    view.animations_enabled = True
    with qtbot.waitSignal(view.animation_finished, timeout=5000):
        view.session.set_stage_index(1)
        view.resize(900, 560)
        qtbot.waitUntil(lambda: view.graph_layout.width < 950)
        assert view.player.animation is not None


@pytest.mark.parametrize(
    ("activation", "stage", "one_sided"),
    [
        ("sigmoid", "a1", False),  # pre-activations take both signs
        ("sigmoid", "z1", True),  # sigmoid outputs are in (0, 1)
        ("tanh", "z1", False),  # tanh outputs are in (-1, 1)
        ("relu", "z2", True),
        ("sigmoid", "y", True),  # probabilities
    ],
)
def test_the_legend_scale_is_one_sided_for_values_that_are_never_negative(
    make_view, activation, stage, one_sided
):
    from nnviz.gui.graph.legend import LegendBar

    view = make_view(activation=activation)
    legend = LegendBar(view)
    view.session.set_stage_index(view.session.trace.names.index(stage))
    name, scale, _kind, got = view.legend_info()
    values = view.node_values(view.session.stage.layer)
    assert name == stage and got == one_sided == bool(values.min() >= 0)
    low, middle, high = legend.texts()[4:]
    assert high == style.format_number(scale)
    if one_sided:
        assert (low, middle) == ("0", "")
    else:
        assert (low, middle) == (style.format_number(-scale), "0")


def test_a_node_shows_the_chain_rule_once_the_gradient_reaches_it(make_view):
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QWidget

    from nnviz.gui.graph.node_info import NodeInfoPopup

    view = make_view()
    session = view.session
    parent = QWidget()
    parent.resize(600, 600)
    parent.show()
    popup = NodeInfoPopup(session, parent)
    session.set_stage(Kind.AFFINE, 2)  # forward: the sum a = Σ w·z + b
    popup.show_node(2, 4, QPoint(10, 10), pinned=True)
    assert "= a" in popup.text()
    session.set_stage(Kind.DELTA, 2)  # backward: dE/dz, then dE/da = dE/dz × h'(a)
    text = popup.text()  # a pinned pop-up follows the stage
    delta = session.trace.values(Kind.DELTA, 2)[4]
    signal = session.trace.values(Kind.SIGNAL_GRADIENT, 2)[4]
    assert f"= <b>{style.format_number(delta)}</b>" in text
    assert style.format_number(signal) in text and "dE/dz2" in text
    session.set_stage(Kind.WEIGHT_GRADIENT, 1)  # a layer-1 node: its 784 weight slopes
    popup.show_node(1, 3, QPoint(10, 10), pinned=True)
    assert "weight slopes dE/dW1[:, 3]" in popup.image_caption.text()
    assert not popup.image_label.pixmap().isNull()
    parent.deleteLater()


def test_new_weights_leave_the_input_image_as_it_is(make_view, monkeypatch):
    """Live training sends new weights twice a second: the input does not change with them, so
    its image is not made again (only the edges and nodes are)."""
    view = make_view()
    session = view.session
    made = []
    real = pg.ImageItem.setImage
    monkeypatch.setattr(
        pg.ImageItem, "setImage", lambda item, *a, **k: made.append(1) or real(item, *a, **k)
    )
    session.set_params({k: 0.5 * v for k, v in session.network.params.items()})
    assert made == []
    session.show_test_sample(1)
    assert made == [1]
