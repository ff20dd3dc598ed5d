"""Results of the network on screen (confusion matrix, misclassified gallery, clicking a digit),
always current, and the first-layer weights view."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from training_helpers import small_mnist

from nnviz.core.metrics import evaluate
from nnviz.core.training import TrainingConfig
from nnviz.gui.results.results import GALLERY_MAX, ResultsPanel, confusion_colours
from nnviz.gui.results.weights_view import MAX_TILES, WeightsView, weight_mosaic
from nnviz.gui.session import Session


@pytest.fixture(scope="module")
def data(mnist):
    return small_mnist(mnist)


@pytest.fixture
def session(data, qapp):
    return Session(TrainingConfig().make_network(), data)


@pytest.fixture
def results(qtbot, session):
    panel = ResultsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(400, 700)
    panel.show()
    return panel


def test_the_confusion_matrix_shows_the_counts(results, data):
    event = results.session.evaluation
    np.testing.assert_array_equal(results.confusion.counts, event.confusion)
    texts = [t.textItem.toPlainText() for t in results.confusion._texts]
    assert texts == [str(v) if v else "" for v in event.confusion.ravel()]
    wrong = int(event.confusion.sum() - np.trace(event.confusion))
    assert f"{wrong:,} wrong" in results.title.text()


def test_the_gallery_lists_mistakes_with_predicted_and_true_labels(results, data):
    event = results.session.evaluation
    wrong = np.flatnonzero(event.predictions != data.test.labels)
    assert len(wrong) > GALLERY_MAX
    assert results.gallery.count() == GALLERY_MAX
    np.testing.assert_array_equal(results.shown_indices, wrong[:GALLERY_MAX])
    first = results.gallery.item(0)
    i = int(first.data(Qt.ItemDataRole.UserRole))
    assert first.text() == f"said {event.predictions[i]}\nis {data.test.labels[i]}"
    assert f"of {len(wrong):,}" in results.gallery_label.text()


def test_clicking_a_digit_loads_it_into_the_forward_pass(results, session, data, qtbot):
    item = results.gallery.item(3)
    index = int(item.data(Qt.ItemDataRole.UserRole))
    with qtbot.waitSignal(session.sample_changed):
        results.gallery.itemClicked.emit(item)
    assert session.sample_index == index
    assert session.label == int(data.test.labels[index])


def test_clicking_a_cell_shows_only_those_mistakes(results, data):
    event = results.session.evaluation
    labels = data.test.labels
    true = int(labels[0])
    predicted = (true + 1) % 10
    results.confusion.cell_clicked.emit(true, predicted)
    expected = np.flatnonzero((labels == true) & (event.predictions == predicted))
    np.testing.assert_array_equal(results.shown_indices, expected[:GALLERY_MAX])
    assert results.show_all_button.isVisible()
    results.confusion.cell_clicked.emit(true, predicted)  # the same cell again: all mistakes
    assert results.gallery.count() == min(GALLERY_MAX, int((event.predictions != labels).sum()))


# a results panel off screen draws when shown: tests/gui/test_visibility.py


def test_the_results_always_describe_the_network_on_screen(results, session, data, qtbot):
    first = results.evaluation
    assert first is not None  # at start-up, before any training
    np.testing.assert_array_equal(
        first.predictions, evaluate(session.network, data.test.images, data.test.labels).predictions
    )
    fresh = TrainingConfig(seed=5).make_network()  # Reset, Ctrl+N, another model...
    session.set_network(fresh)
    qtbot.waitUntil(lambda: results.evaluation is not first)
    expected = evaluate(fresh, data.test.images, data.test.labels)
    np.testing.assert_array_equal(results.confusion.counts, expected.confusion)
    assert f"{expected.accuracy:.1%} right" in results.title.text()
    shown = results.evaluation
    session.set_params({k: v * 0.5 for k, v in fresh.params.items()})  # a training snapshot
    qtbot.waitUntil(lambda: results.evaluation is not shown)
    halved = evaluate(session.network, data.test.images, data.test.labels)
    np.testing.assert_array_equal(results.evaluation.predictions, halved.predictions)


def test_confusion_colours_mark_right_green_and_mistakes_red():
    counts = np.array([[90, 10], [0, 100]])
    rgb = confusion_colours(counts).astype(int)
    assert rgb[0, 0, 1] > rgb[0, 0, 0]  # diagonal: green
    assert rgb[0, 1, 0] > rgb[0, 1, 1]  # a mistake: red
    assert rgb[1, 0].tolist() == [255, 255, 255]  # no mistakes: white


def test_weight_mosaic_tiles_each_unit_scaled_to_one():
    rng = np.random.default_rng(0)
    W1 = rng.standard_normal((784, 5)) * np.array([1, 2, 3, 4, 5])
    mosaic, rows, cols = weight_mosaic(W1, 28)
    assert (rows, cols) == (2, 3)
    first = mosaic[:28, :28]
    np.testing.assert_allclose(first, W1[:, 0].reshape(28, 28) / np.abs(W1[:, 0]).max())
    assert np.nanmax(np.abs(mosaic)) == pytest.approx(1.0)
    assert np.isnan(mosaic[28, 0])  # the gap between tile rows


def test_the_weights_view_follows_the_session(qtbot, session):
    view = WeightsView(session)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.mosaic is not None)
    new = TrainingConfig(seed=5).make_network().params
    session.set_params(new)
    expected, _, _ = weight_mosaic(new["W1"], 28, aspect=view.view_aspect())
    np.testing.assert_allclose(view.mosaic, expected, equal_nan=True)
    wide = TrainingConfig(hidden=(MAX_TILES + 20,)).make_network()
    session.set_network(wide)
    assert f"Showing {MAX_TILES} of {MAX_TILES + 20}" in view.caption.text()


def test_an_evaluation_begun_at_start_up_is_that_of_the_network_on_screen(session, data):
    session.prepare_evaluation()  # in a thread while the window is being built
    expected = evaluate(session.network, data.test.images, data.test.labels)
    prepared = session.evaluation
    np.testing.assert_array_equal(prepared.predictions, expected.predictions)
    assert prepared.accuracy == expected.accuracy
    session.prepare_evaluation()  # known already: nothing more to do
    assert session.evaluation is prepared
    # weights that change before it is asked for drop it
    other = Session(TrainingConfig().make_network(), data)
    other.prepare_evaluation()
    other.set_params({k: 0.5 * v for k, v in other.network.params.items()})
    halved = evaluate(other.network, data.test.images, data.test.labels)
    np.testing.assert_array_equal(other.evaluation.predictions, halved.predictions)
