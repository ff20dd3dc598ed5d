"""Results after an evaluation (confusion matrix, misclassified gallery, clicking a digit) and
the first-layer weights view."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from training_helpers import small_mnist

from nnviz.core import events as ev
from nnviz.core.metrics import confusion_matrix
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


def _evaluation(data, wrong_every: int) -> ev.Evaluated:
    labels = data.test.labels.astype(np.intp)
    predictions = labels.copy()
    predictions[::wrong_every] = (labels[::wrong_every] + 1) % 10
    confusion = confusion_matrix(labels, predictions, 10)
    acc = float((predictions == labels).mean())
    return ev.Evaluated(100, 1.0, 1.0, acc, 0.3, 0.05, acc, 0.3, 0.05, True, confusion, predictions)


@pytest.fixture
def results(qtbot, session):
    panel = ResultsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(400, 700)
    panel.show()
    return panel


def test_the_confusion_matrix_shows_the_counts(results, data):
    event = _evaluation(data, wrong_every=7)
    results.show_evaluation(event)
    np.testing.assert_array_equal(results.confusion.counts, event.confusion)
    texts = [t.textItem.toPlainText() for t in results.confusion._texts]
    assert texts == [str(v) if v else "" for v in event.confusion.ravel()]
    wrong = int(event.confusion.sum() - np.trace(event.confusion))
    assert f"{wrong:,} wrong" in results.title.text()


def test_the_gallery_lists_mistakes_with_predicted_and_true_labels(results, data):
    event = _evaluation(data, wrong_every=3)
    results.show_evaluation(event)
    wrong = np.flatnonzero(event.test_predictions != data.test.labels)
    assert len(wrong) > GALLERY_MAX
    assert results.gallery.count() == GALLERY_MAX
    np.testing.assert_array_equal(results.shown_indices, wrong[:GALLERY_MAX])
    first = results.gallery.item(0)
    i = int(first.data(Qt.ItemDataRole.UserRole))
    assert first.text() == f"said {event.test_predictions[i]}\nis {data.test.labels[i]}"
    assert f"of {len(wrong):,}" in results.gallery_label.text()


def test_clicking_a_digit_loads_it_into_the_forward_pass(results, session, data, qtbot):
    results.show_evaluation(_evaluation(data, wrong_every=5))
    item = results.gallery.item(3)
    index = int(item.data(Qt.ItemDataRole.UserRole))
    with qtbot.waitSignal(session.sample_changed):
        results.gallery.itemClicked.emit(item)
    assert session.sample_index == index
    assert session.label == int(data.test.labels[index])


def test_clicking_a_cell_shows_only_those_mistakes(results, data):
    event = _evaluation(data, wrong_every=4)
    results.show_evaluation(event)
    labels = data.test.labels
    true = int(labels[0])
    predicted = (true + 1) % 10
    results.confusion.cell_clicked.emit(true, predicted)
    expected = np.flatnonzero((labels == true) & (event.test_predictions == predicted))
    np.testing.assert_array_equal(results.shown_indices, expected[:GALLERY_MAX])
    assert results.show_all_button.isVisible()
    results.confusion.cell_clicked.emit(true, predicted)  # the same cell again: all mistakes
    assert results.gallery.count() == min(
        GALLERY_MAX, int((event.test_predictions != labels).sum())
    )


# a results panel off screen draws when shown: tests/gui/test_visibility.py


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
