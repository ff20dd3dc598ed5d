"""The main window: stage header texts, keys, sample picking, model files, panels, settings."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QMessageBox

from nnviz.core.metrics import evaluate
from nnviz.core.model_io import load_model, save_model
from nnviz.core.network import Network
from nnviz.core.trace import Kind
from nnviz.gui.main_window import DEFAULT_SIZE, MainWindow
from nnviz.gui.session import Session
from nnviz.paths import resource_path


@pytest.fixture
def settings(tmp_path):
    """A settings file of the test's own: the user's real settings are never read or written."""
    return QSettings(str(tmp_path / "nnviz.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, mnist, settings):
    network = load_model(resource_path("models", "default.npz")).network
    session = Session(network, mnist)
    session.show_test_sample(0)
    win = MainWindow(session, settings=settings)
    win.network_view.animations_enabled = False
    qtbot.addWidget(win)
    win.show()
    win.activateWindow()
    qtbot.waitExposed(win)
    errors = []
    win.show_error = errors.append  # no message box in tests; the texts are checked instead
    win.errors = errors
    return win


def test_the_header_names_each_stage_with_its_formula(window):
    s = window.session
    header = window.stage_header
    expected = {
        "x": "x",
        "a1": "a1 = x · W1 + b1",
        "z1": "z1 = h(a1),  h = Sigmoid",
        "a2": "a2 = z1 · W2 + b2",
        "z2": "z2 = h(a2),  h = Sigmoid",
        "a3": "a3 = z2 · W3 + b3",
        "y": "y = softmax(a3)",
    }
    for i, name in enumerate(s.trace.names[:7]):
        s.set_stage_index(i)
        assert header.stage_label.text() == f"Stage {i + 1} of 7: {name}"
        assert header.formula_label.text() == expected[name]
        assert header.explanation_label.text()
        button = window.forward_controls.stage_buttons.button(i)
        assert button.isChecked() and button.text() == name


def test_a_labelled_digit_continues_with_the_backward_pass_and_a_drawing_does_not(window):
    s = window.session
    header, controls = window.stage_header, window.forward_controls
    backward = {
        "E": ("E", "E = -sum_k t_k log y_k"),
        "dE/da3": ("∂a3", "dE/da3 = y - t"),
        "dE/dW3": ("∂W3", "dE/dW3 = z2<sup>T</sup> · dE/da3"),
        "dE/db3": ("∂b3", "dE/db3 = dE/da3"),
        "dE/dz2": ("∂z2", "dE/dz2 = dE/da3 · W3<sup>T</sup>"),
        "dE/da2": ("∂a2", "dE/da2 = dE/dz2 ⊙ h'(a2)"),
        "dE/dW1": ("∂W1", "dE/dW1 = x<sup>T</sup> · dE/da1"),
        "ΔW1": ("ΔW1", "W1 ← W1 - η · dE/dW1"),
    }
    assert len(s.trace) == 7 + 15 and controls.backward_group.isVisibleTo(controls)
    for name, (label, formula) in backward.items():
        i = s.trace.names.index(name)
        s.set_stage_index(i)
        part = s.trace.names[7:]
        assert header.stage_label.text() == (
            f"Backward, stage {part.index(name) + 1} of 15: {name}"
        )
        assert header.formula_label.text() == formula
        assert header.explanation_label.text()
        button = controls.stage_buttons.button(i)
        assert button.isChecked() and button.text() == label
    s.set_stage(Kind.UPDATE, 2)
    s.set_input(np.zeros(784))  # a drawing has no label: no backward pass, y is shown
    assert len(s.trace) == 7 and s.stage.kind is Kind.OUTPUT
    assert not controls.backward_group.isVisibleTo(controls)
    assert len(controls.stage_buttons.buttons()) == 7
    s.show_test_sample(3)
    assert len(controls.stage_buttons.buttons()) == 22


def test_the_header_gives_the_answer_only_once_the_signal_reaches_y(window):
    s = window.session
    header = window.stage_header
    for kind, layer in ((Kind.INPUT, None), (Kind.AFFINE, 1), (Kind.AFFINE, 3)):
        s.set_stage(kind, layer)
        assert header.prediction_label.text() == "Prediction: when the signal reaches y"
    s.set_stage(Kind.OUTPUT)
    assert header.prediction_label.text().startswith(f"Prediction: {s.prediction} (")


def test_the_header_marks_the_prediction_right_or_wrong(window):
    s = window.session
    s.set_stage(Kind.OUTPUT)
    predictions = evaluate(s.network, s.dataset.test.images, s.dataset.test.labels).predictions
    wrong = int(np.flatnonzero(predictions != s.dataset.test.labels)[0])
    s.show_test_sample(0)
    assert "✓ right" in window.stage_header.prediction_label.text()
    s.show_test_sample(wrong)
    text = window.stage_header.prediction_label.text()
    assert "✗ wrong" in text and f"Prediction: {predictions[wrong]}" in text
    label = int(s.dataset.test.labels[wrong])
    assert f"true label: {label}" in window.stage_header.sample_label.text()


def test_keys_step_the_stages(window, qtbot):
    s = window.session
    last = len(s.trace) - 1
    qtbot.keyClick(window.network_view, Qt.Key.Key_Right)
    assert s.stage_index == 1
    qtbot.keyClick(window.network_view, Qt.Key.Key_Right)
    qtbot.keyClick(window.network_view, Qt.Key.Key_Right)
    assert s.stage_index == 3
    qtbot.keyClick(window.network_view, Qt.Key.Key_Left)
    assert s.stage_index == 2
    qtbot.keyClick(window.network_view, Qt.Key.Key_Home)
    assert s.stage_index == 0
    for _ in range(last + 3):
        qtbot.keyClick(window.network_view, Qt.Key.Key_Right)
    assert s.stage_index == last


def test_space_plays_and_pauses(window, qtbot):
    view = window.network_view
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert window.session.playing
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert not window.session.playing


def test_keys_pick_samples(window, qtbot):
    s = window.session
    qtbot.keyClick(window.network_view, Qt.Key.Key_N)
    assert s.sample_index == 1
    qtbot.keyClick(window.network_view, Qt.Key.Key_N)
    qtbot.keyClick(window.network_view, Qt.Key.Key_P)
    assert s.sample_index == 1
    qtbot.keyClick(window.network_view, Qt.Key.Key_P)
    qtbot.keyClick(window.network_view, Qt.Key.Key_P)
    assert s.sample_index == len(s.dataset.test) - 1  # wraps around
    seen = set()
    for _ in range(5):
        qtbot.keyClick(window.network_view, Qt.Key.Key_R)
        seen.add(s.sample_index)
    assert len(seen) > 1
    np.testing.assert_array_equal(s.x, s.dataset.test.floats(s.sample_index))


def test_the_spin_box_picks_a_sample_and_follows_the_session(window):
    s = window.session
    spin = window.forward_controls.sample_spin
    spin.setValue(42)
    assert s.sample_index == 42
    s.show_test_sample(7)
    assert spin.value() == 7


def test_misclassified_only_visits_only_wrong_predictions(window, qtbot):
    s = window.session
    test = s.dataset.test
    predictions = evaluate(s.network, test.images, test.labels).predictions
    wrong = np.flatnonzero(predictions != test.labels)
    controls = window.forward_controls
    controls.misclassified_check.setChecked(True)
    assert f"({wrong.size})" in controls.misclassified_check.text()
    visited = []
    for key in (Qt.Key.Key_N, Qt.Key.Key_N, Qt.Key.Key_P, Qt.Key.Key_R, Qt.Key.Key_R):
        qtbot.keyClick(window.network_view, key)
        visited.append(s.sample_index)
    assert visited[:3] == [wrong[0], wrong[1], wrong[0]]
    assert all(i in set(wrong.tolist()) for i in visited)


def test_misclassified_digits_are_those_of_the_network_on_screen(window):
    controls = window.forward_controls
    controls.misclassified_check.setChecked(True)
    first = controls.misclassified_check.text()
    window.session.set_params({k: -v for k, v in window.session.network.params.items()})
    labels = window.session.dataset.test.labels
    wrong = int((window.session.evaluation.predictions != labels).sum())
    assert controls.misclassified_check.text() == f"Misclassified only ({wrong})" != first


def test_a_malformed_model_file_shows_an_error_and_keeps_the_network(window, tmp_path):
    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"this is not a zip archive")
    before = window.session.network
    assert not window.open_model(bad)
    assert window.session.network is before
    assert len(window.errors) == 1 and "broken.npz" in window.errors[0]


def test_show_error_opens_a_message_box_without_blocking(qtbot, mnist, settings):
    session = Session(Network(), mnist)
    win = MainWindow(session, settings=settings)
    qtbot.addWidget(win)
    win.show_error("something went wrong")
    assert win.statusBar().currentMessage() == "something went wrong"
    box = win.findChild(QMessageBox)
    assert box.isVisible() and box.text() == "something went wrong"
    box.close()


def test_a_model_with_other_layer_sizes_opens_and_lays_out(window, tmp_path):
    path = tmp_path / "other.npz"
    save_model(path, Network((784, 256, 128, 10), seed=1))
    assert window.open_model(path)
    assert window.session.network.sizes == (784, 256, 128, 10)
    lay = window.network_view.graph_layout
    assert [len(c.shown) + c.hidden_count for c in lay.columns[1:]] == [256, 128, 10]
    assert window.forward_controls.stage_buttons.button(6).text() == "y"
    row = window.forward_controls._stage_row
    assert row.count() == 7  # the old network's buttons are gone
    assert "other.npz" in window.summary_label.text()
    window.session.set_stage_index(len(window.session.trace) - 1)
    assert sum(len(e) for e in window.network_view.edge_layers.values()) > 0


def test_save_and_new_random_network(window, tmp_path):
    path = tmp_path / "saved.npz"
    assert window.save_model(path)
    loaded = load_model(path).network
    np.testing.assert_array_equal(loaded.params["W2"], window.session.network.params["W2"])
    window.new_random_network()
    assert not np.array_equal(window.session.network.params["W2"], loaded.params["W2"])
    assert "random" in window.statusBar().currentMessage()


def test_export_picture_writes_a_png(window, tmp_path):
    path = tmp_path / "graph.png"
    assert window.export_picture(path)
    image = QImage(str(path))
    assert not image.isNull() and image.width() > 400


def test_add_panel_docks_tabbed_and_listed_in_the_view_menu(window, qtbot):
    first = window.add_panel(QLabel("one"), "First panel")
    second = window.add_panel(QLabel("two"), "Second panel")
    qtbot.waitUntil(lambda: second in window.tabifiedDockWidgets(first))  # a shown window
    texts = [a.text() for a in window.menus.view_menu.actions()]
    assert "First panel" in texts and "Second panel" in texts
    assert window.raise_panel("second")


def test_window_geometry_is_saved_to_the_given_settings(qtbot, mnist, settings):
    session = Session(Network(), mnist)
    win = MainWindow(session, settings=settings)
    qtbot.addWidget(win)
    win.resize(700, 500)  # the offscreen screen is 800 x 600
    win.show()
    size = (win.width(), win.height())
    win.close()
    settings.sync()
    assert settings.value("window/geometry") is not None
    win2 = MainWindow(session, settings=settings)
    qtbot.addWidget(win2)
    # the width is clamped to the 800 px offscreen screen; the height shows the restore
    assert win2.height() == size[1] != DEFAULT_SIZE[1]


def test_hovering_a_layer1_node_shows_its_formula_and_weights(window):
    window.session.set_stage_index(2)
    window.network_view.node_hovered.emit(1, 4, QPoint(300, 200))
    popup = window.node_info
    assert popup.isVisible() and not popup.pinned
    text = popup.text()
    assert "Hidden layer 1, node 4" in text and "sigmoid" in text and "Σ" in text
    assert popup.image_label.isVisible()
    assert popup.image_label.pixmap().width() == 28 * 5
    window.network_view.node_left.emit()
    assert not popup.isVisible()


def test_clicking_an_output_node_pins_the_softmax_formula(window):
    window.session.set_stage_index(6)
    window.network_view.node_clicked.emit(3, 7, QPoint(800, 300))
    popup = window.node_info
    assert popup.pinned and popup.isVisible()
    text = popup.text()
    assert "exp(a<sub>7</sub>)" in text and "Σ exp" in text
    assert not popup.image_label.isVisible()
    window.network_view.node_left.emit()
    assert popup.isVisible()  # pinned: stays
    popup.close_popup()
    assert not popup.isVisible()


def test_f1_lists_every_key_of_the_window_read_from_its_actions(window):
    """The list was the forward-pass keys only (7), without Esc, Ctrl+O/S/N/E or F1 itself."""
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    native = QKeySequence.SequenceFormat.NativeText
    keys = {k.toString(native) for a in window.findChildren(QAction) for k in a.shortcuts()}
    keys |= {s.key().toString(native) for s in window.findChildren(QShortcut)}
    assert {"Esc", "Ctrl+O", "Ctrl+S", "Ctrl+N", "Ctrl+E", "F1", "Right", "Space", "N"} <= keys
    window.menus.shortcuts_action.trigger()
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    for key in keys:
        assert f"<b>{key}</b>" in box.text(), key
    assert "<b>Ctrl+O</b></td><td>Open model</td>" in box.text()  # no "&", no "…"
    assert "<b>Esc</b></td><td>Close the pinned formula of a node</td>" in box.text()
    box.close()


def test_the_window_fits_a_1280_by_720_screen_with_every_panel_made(window, qtbot):
    """With the Learning tabs under the graph (shown from the first run on) and every panel
    made, the window must still fit a 1280 x 720 screen with a title bar and a task bar: the
    Landscape tab once made it 808 px high at least, off the bottom of a laptop's screen."""
    window.resize(1280, 800)  # as wide as the screen: the header wraps as it would there
    window.build_all_panels()
    window.training.curves_dock.show()
    for page in range(window.training.tabs.count()):  # each tab made and on screen once
        window.training.tabs.setCurrentIndex(page)
        qtbot.wait(1)
    window.raise_panel("Softmax and loss")
    qtbot.wait(1)
    least = window.minimumSizeHint()
    assert least.width() <= 1280 and least.height() <= 680, least
    window.lesson_dock.show()  # the lesson beside the graph: the header wraps one more line
    qtbot.wait(1)
    least = window.minimumSizeHint()  # (676 px in the app's own font; the tests' is wider)
    assert least.width() <= 1280 and least.height() <= 700, least
    window.lesson_dock.hide()
    qtbot.waitUntil(lambda: window.minimumSizeHint().height() <= 680)

    def fits() -> bool:
        window.resize(1280, 680)
        return window.height() == 680

    qtbot.waitUntil(fits)
