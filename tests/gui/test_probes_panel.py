"""The Probes panel on a small network: each tab computes what the core says, follows the
network on screen (never showing numbers of weights that are gone), and the lab's changed
network is saved as a new model, never over the original file."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from PySide6.QtCore import QSettings, Qt
from training_helpers import small_mnist

from nnviz.core.corruptions import corrupt
from nnviz.core.hidden_map import layer_activations, pca_map
from nnviz.core.lab import prune
from nnviz.core.metrics import evaluate
from nnviz.core.model_io import load_model
from nnviz.core.network import Network
from nnviz.core.probes import confidences, robustness_curve
from nnviz.gui.main_window import MainWindow
from nnviz.gui.probes.evaluate_tab import SUREST_SHOWN, EvaluateTab
from nnviz.gui.probes.lab_tab import LabTab
from nnviz.gui.probes.map_tab import MapTab
from nnviz.gui.probes.robustness_tab import EXAMPLES, RobustnessTab
from nnviz.gui.session import Session
from nnviz.paths import resource_path

_WAIT_MS = 60_000


@pytest.fixture(scope="module")
def data(mnist):
    return small_mnist(mnist, train_size=10, test_size=150)


@pytest.fixture(scope="module")
def trained():
    return load_model(resource_path("models", "default.npz")).network


@pytest.fixture
def session(data, trained, qapp):
    s = Session(trained.copy(), data)
    s.show_test_sample(0)
    return s


def _shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(420, 800)
    widget.show()
    return widget


def _other_network() -> Network:
    return Network((784, 50, 100, 10), seed=7)  # untrained: other answers


# ---------------------------------------------------------------------- Evaluate
def test_evaluate_shows_the_cores_confidence_and_follows_the_network(qtbot, session, data):
    tab = _shown(qtbot, EvaluateTab(session))
    expected = confidences(session.network, data.test.images, data.test.labels)
    np.testing.assert_array_equal(tab.confidence.predictions, expected.predictions)
    np.testing.assert_allclose(tab.bars.opts["height"], expected.per_class_accuracy())
    tab.threshold_slider.setValue(80)
    share, accuracy = expected.answered(0.8)
    assert f"{share:.1%}" in tab.threshold_label.text()
    assert f"{accuracy:.2%}" in tab.threshold_label.text()
    wrong = expected.mistakes()
    assert tab.mistakes.count() == min(SUREST_SHOWN, len(wrong))
    first = tab.mistakes.item(0)
    i = int(first.data(Qt.ItemDataRole.UserRole))
    assert i == wrong[0]
    sure = np.floor(expected.confidence[i] * 1000) / 1000  # cut, never rounded up to 100%
    assert (
        first.text() == f"said {expected.predictions[i]}\n{sure:.1%} sure\nis {data.test.labels[i]}"
    )
    assert f"<b>{expected.confident_errors():,}</b>" in tab.confident_label.text()
    with qtbot.waitSignal(session.sample_changed):
        tab.mistakes.itemClicked.emit(first)
    assert session.sample_index == i

    other = _other_network()
    session.set_network(other)
    after = confidences(other, data.test.images, data.test.labels)
    qtbot.waitUntil(
        lambda: np.array_equal(tab.confidence.predictions, after.predictions), timeout=_WAIT_MS
    )
    np.testing.assert_allclose(tab.bars.opts["height"], after.per_class_accuracy())


# ---------------------------------------------------------------------- Robustness
def test_robustness_curve_is_the_cores_and_is_cleared_when_the_network_changes(
    qtbot, session, data
):
    tab = _shown(qtbot, RobustnessTab(session))
    tab.set_kind("shift")
    with qtbot.waitSignal(tab.task.finished, timeout=_WAIT_MS):
        assert tab.compute()
    expected = robustness_curve(session.network, data.test.images, data.test.labels, "shift")
    np.testing.assert_array_equal(tab.curve_result.accuracies, expected.accuracies)
    xs, ys = tab.curve.getData()
    np.testing.assert_array_equal(ys, expected.accuracies)
    assert xs[0] == 0

    tab.slider.setValue(5)
    x = corrupt(data.test.images[:EXAMPLES], "shift", tab.strength, seed=0)
    np.testing.assert_array_equal(tab.example_predictions, session.network.predict(x))

    session.set_network(_other_network())
    assert tab.curve_result is None and tab.curve.getData()[1] is None
    assert "changed" in tab.status.text()
    other = _other_network().predict(x)
    np.testing.assert_array_equal(tab.example_predictions, other)


def test_a_curve_cancelled_or_overtaken_by_a_change_never_shows(qtbot, session):
    tab = _shown(qtbot, RobustnessTab(session))
    tab.set_kind("rotate")
    finished = []
    tab.task.finished.connect(finished.append)
    with qtbot.waitSignal(tab.task.idle, timeout=_WAIT_MS):
        assert tab.compute()
        session.set_params(_other_network().params)  # the weights change while it runs
    assert finished == [] and tab.curve_result is None
    assert tab.compute_button.isEnabled() and not tab.cancel_button.isEnabled()


# ---------------------------------------------------------------------- Map
def test_the_maps_points_are_the_pca_of_the_digits_they_claim(qtbot, session, data):
    tab = _shown(qtbot, MapTab(session))
    tab.set_choice(method="pca", layer=1)
    images = data.test.images[tab.indices]
    expected = pca_map(layer_activations(session.network, images, 1))
    np.testing.assert_allclose(tab.points, expected, atol=1e-9)
    labels = data.test.labels[tab.indices]
    for k, (item, rows) in enumerate(zip(tab.plot.items, tab.plot.rows_of, strict=True)):
        assert (labels[rows] == k).all()  # each class's item holds its own digits' points
        np.testing.assert_allclose(np.column_stack(item.getData()), expected[rows])
    (x0, x1), (y0, y1) = tab.plot.viewRange()  # every dot is in view
    assert x0 <= expected[:, 0].min() and expected[:, 0].max() <= x1
    assert y0 <= expected[:, 1].min() and expected[:, 1].max() <= y1
    tab.plot.hovered.emit(7)
    assert tab.hovered_index == int(tab.indices[7])
    assert f"#{tab.indices[7]}" in tab.preview_text.text()
    said = session.network.predict(data.test.floats(int(tab.indices[7]))[None])[0]
    assert f"these weights answer {said}" in tab.preview_text.text()
    with qtbot.waitSignal(session.sample_changed):
        tab.plot.clicked.emit(9)
    assert session.sample_index == int(tab.indices[9])

    other = _other_network()
    session.set_network(other)
    after = pca_map(layer_activations(other, images, 1))
    qtbot.waitUntil(lambda: np.allclose(tab.points, after, atol=1e-9), timeout=_WAIT_MS)


def test_tsne_runs_in_a_thread_and_a_change_of_weights_returns_to_pca(qtbot, session, data):
    tab = _shown(qtbot, MapTab(session))
    with qtbot.waitSignal(tab.task.finished, timeout=_WAIT_MS):
        tab.set_choice(method="tsne", layer=2)
        assert tab.task.running and tab.plot.items == []  # no stale map while it computes
    assert tab.shown == ("tsne", 2, "now")
    assert tab.points.shape == (len(tab.indices), 2)
    assert not tab.weights_box.model().item(1).isEnabled()  # no run: no "before training"

    session.set_params(_other_network().params)
    assert tab.method == "pca"
    qtbot.waitUntil(lambda: tab.shown == ("pca", 2, "now"), timeout=_WAIT_MS)


# ---------------------------------------------------------------------- Lab
def test_the_lab_shows_accuracy_original_to_changed_and_never_touches_the_original(
    qtbot, session, data
):
    tab = _shown(qtbot, LabTab(session))
    before = {k: v.copy() for k, v in session.network.params.items()}
    assert tab.changed_accuracy == tab.original_accuracy
    tab.prune_slider.setValue(100)
    pruned = prune(session.network, 100)
    expected = evaluate(pruned, data.test.images, data.test.labels).accuracy
    assert tab.changed_accuracy == expected
    assert f"{expected:.2%}" in tab.accuracy_label.text()
    assert len(set(evaluate(tab.changed, data.test.images, data.test.labels).predictions)) == 1
    for k, v in before.items():  # the window's network is untouched
        np.testing.assert_array_equal(session.network.params[k], v)
    assert not session.modified

    tab.prune_slider.setValue(0)
    tab.set_unit(1, 4)
    tab.off_box.setChecked(True)
    assert np.all(tab.changed.params["W2"][4] == 0)
    assert "layer 1 unit 4 off" in tab.units_label.text()
    tab.reset()
    assert tab.changes.empty and tab.changed_accuracy == tab.original_accuracy


def test_showing_the_changed_network_in_the_window_is_an_unsaved_change_undone_by_reset(
    qtbot, session
):
    tab = _shown(qtbot, LabTab(session))
    original = {k: v.copy() for k, v in session.network.params.items()}
    tab.set_unit(2, 3)
    tab.scale_spin.setValue(3.0)
    with qtbot.waitSignal(session.params_changed):
        tab.in_window_box.setChecked(True)
    np.testing.assert_array_equal(session.network.params["W2"], tab.changed.params["W2"])
    assert session.modified
    tab.bias_spin.setValue(-2.0)  # live, while shown
    assert session.network.params["b2"][3] == pytest.approx(original["b2"][3] - 2.0)
    tab.reset()
    for k, v in original.items():
        np.testing.assert_array_equal(session.network.params[k], v)
    assert not session.modified  # the weights are the file's again
    assert tab.original is not None and tab.changes.empty


def test_the_lab_starts_again_from_a_network_changed_elsewhere(qtbot, session):
    tab = _shown(qtbot, LabTab(session))
    tab.prune_slider.setValue(30)
    other = _other_network()
    with qtbot.waitSignal(tab.lab_changed, timeout=_WAIT_MS):
        session.set_network(other)
    np.testing.assert_array_equal(tab.original.params["W1"], other.params["W1"])
    assert tab.changes.empty and tab.prune_slider.value() == 0
    assert "changed" in tab.status.text()


# ---------------------------------------------------------------------- in the window
@pytest.fixture
def window(qtbot, mnist, tmp_path, trained):
    shutil.copy(resource_path("models", "default.npz"), tmp_path / "trained.npz")
    session = Session(trained.copy(), small_mnist(mnist, train_size=10, test_size=150))
    session.show_test_sample(0)
    settings = QSettings(str(tmp_path / "nnviz.ini"), QSettings.Format.IniFormat)
    win = MainWindow(session, settings=settings, remember_layout=False)
    win.model_path = tmp_path / "trained.npz"
    qtbot.addWidget(win)
    win.show()
    win.errors = []
    win.show_error = win.errors.append
    return win


def test_saving_the_changed_network_never_overwrites_the_original_file(window, tmp_path):
    assert window.raise_panel("Lab")
    lab = window.probes.panel.lab
    original_bytes = window.model_path.read_bytes()
    lab.prune_slider.setValue(50)
    assert not window.probes.save_changed(window.model_path, lab.changed)
    assert window.errors and "original" in window.errors[-1]
    assert window.model_path.read_bytes() == original_bytes

    lab.in_window_box.setChecked(True)
    assert window.session.modified
    new = tmp_path / "pruned.npz"
    assert window.probes.save_changed(new, lab.changed)
    assert window.model_path == new and not window.session.modified
    saved = load_model(new)
    np.testing.assert_array_equal(saved.network.params["W1"], lab.changed.params["W1"])
    assert saved.meta["lab"]["prune_percent"] == 50
    assert (tmp_path / "trained.npz").read_bytes() == original_bytes
    lab.reset()  # the trained weights again: not what pruned.npz holds
    assert window.session.modified


def test_after_file_save_of_the_changed_network_reset_is_an_unsaved_change(window, tmp_path):
    assert window.raise_panel("Lab")
    lab = window.probes.panel.lab
    lab.set_unit(1, 0)
    lab.off_box.setChecked(True)
    lab.in_window_box.setChecked(True)
    assert window.save_model(tmp_path / "unit-off.npz")  # File > Save
    assert not window.session.modified
    lab.in_window_box.setChecked(False)  # the trained weights, which unit-off.npz does not hold
    assert window.session.modified


def test_the_probes_panel_has_its_four_tabs_in_the_window_and_links_to_results(window):
    for name in ("Evaluate", "Robustness", "Map", "Lab"):
        assert window.raise_panel(name)
    titles = [d.windowTitle() for d in window.panels()]
    assert "Probes" in titles
    from nnviz.gui.visibility import on_screen

    window.raise_panel("Evaluate")
    assert not on_screen(window.training.results)
    window.probes.panel.evaluate.results_link.linkActivated.emit("results")
    assert on_screen(window.training.results)


def test_a_model_saved_from_the_lab_opens(window, tmp_path):
    assert window.raise_panel("Lab")
    lab = window.probes.panel.lab
    lab.noise_slider.setValue(20)
    path = tmp_path / "noisy"
    assert window.probes.save_changed(path, lab.changed)
    assert window.model_path.name == "trained.npz"  # the window still shows the trained one
    assert window.open_model(tmp_path / "noisy.npz")
    np.testing.assert_allclose(window.session.network.params["W3"], lab.changed.params["W3"])


def test_the_map_before_training_uses_the_runs_first_weights(qtbot, session, data):
    from nnviz.core import events as ev
    from nnviz.core.recording import RunRecord
    from nnviz.core.training import TrainingConfig

    tab = _shown(qtbot, MapTab(session))
    assert not tab.weights_box.model().item(1).isEnabled()  # no run yet
    start = _other_network()
    record = RunRecord.for_run(TrainingConfig(), 784, 10, 1000)
    record.add(ev.WeightsSnapshot(0, 0.0, 0.0, params=start.params, scheduled=True))
    session.add_run(record)
    assert tab.weights_box.model().item(1).isEnabled()
    tab.set_choice(method="pca", layer=2, weights="before")
    images = data.test.images[tab.indices]
    np.testing.assert_allclose(tab.points, pca_map(layer_activations(start, images, 2)), atol=1e-9)
    assert tab.shown == ("pca", 2, "before")
    assert "before training" in tab.status.text()
    tab.set_choice(weights="now")
    now = pca_map(layer_activations(session.network, images, 2))
    np.testing.assert_allclose(tab.points, now, atol=1e-9)


def test_the_tabs_compute_nothing_until_first_shown(qtbot, session):
    evaluate_tab, map_tab, lab_tab = EvaluateTab(session), MapTab(session), LabTab(session)
    for tab in (evaluate_tab, map_tab, lab_tab):
        qtbot.addWidget(tab)
    assert evaluate_tab.confidence is None and map_tab.shown is None and lab_tab.original is None
    for tab in (evaluate_tab, map_tab, lab_tab):
        tab.show()
    assert evaluate_tab.confidence is not None
    assert map_tab.shown == ("pca", 2, "now")
    assert lab_tab.original is not None and lab_tab.changed_accuracy == lab_tab.original_accuracy


def test_images_that_are_not_28_by_28_are_probed_but_not_corrupted(qtbot, mnist, qapp):
    from nnviz.core.datasets import Dataset, Split

    small = mnist.test.images[:60].reshape(60, 28, 28)[:, ::2, ::2].reshape(60, 196)  # 14x14
    data = Dataset("tiny", mnist.directory, mnist.class_names)
    data.__dict__["train"] = Split(small.copy(), mnist.test.labels[:60].copy())
    data.__dict__["test"] = Split(small.copy(), mnist.test.labels[:60].copy())
    session = Session(Network((196, 12, 8, 10), seed=0), data)
    robustness = _shown(qtbot, RobustnessTab(session))
    assert not robustness.compute()
    assert "28×28" in robustness.status.text() and len(robustness.example_predictions) == 0
    evaluate_tab, map_tab = _shown(qtbot, EvaluateTab(session)), _shown(qtbot, MapTab(session))
    assert len(evaluate_tab.confidence.labels) == 60 and map_tab.points.shape == (60, 2)
