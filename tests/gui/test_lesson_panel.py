"""The lesson panel: each step sets the window up as its data says, its "try this" is noticed,
the place is remembered, and a missing or malformed lesson file is shown, not fatal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

from nnviz.core.lessons import lesson_path, load_lesson
from nnviz.core.model_io import load_model
from nnviz.core.trace import Kind
from nnviz.gui.lesson import lesson_panel as lesson_module
from nnviz.gui.lesson.lesson_panel import SETTINGS_KEY
from nnviz.gui.main_window import MainWindow
from nnviz.gui.session import Session
from nnviz.gui.visibility import on_screen
from nnviz.paths import resource_path


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "nnviz.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, mnist, settings):
    def make():
        network = load_model(resource_path("models", "default.npz")).network
        session = Session(network, mnist)
        session.show_test_sample(0)
        win = MainWindow(session, settings=settings)
        win.network_view.animations_enabled = False
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        win.show_error = lambda _text: None
        return win

    return make


@pytest.fixture
def window(make_window):
    return make_window()


def test_next_sets_the_window_up_as_each_step_says(window, qtbot):
    panel, session = window.lesson_panel, window.session
    lesson = load_lesson(lesson_path("en"))
    wanted = []
    panel.panel_wanted.connect(wanted.append)
    panel.go_to(0)
    for i, step in enumerate(lesson.steps):
        if i:
            qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
        assert panel.step_index == i
        assert panel.progress_label.text() == f"Step {i + 1} of {len(lesson)}"
        assert panel.title_label.text() == step.title
        assert panel.try_label.text() == step.try_this.text
        assert panel.done_label.text() == ""  # the step's own setup is not the learner's action
        setup = step.setup
        if setup.stage is not None:
            assert session.stage.kind is setup.stage
            if setup.layer is not None:
                assert session.stage.layer == setup.layer
        if setup.sample is not None:
            assert session.sample_index == setup.sample
        if setup.loss is not None:
            assert session.loss == setup.loss
        if setup.panel is not None:
            assert wanted[-1] == setup.panel
            assert window.raise_panel(setup.panel)  # a panel the window has
    assert not panel.next_button.isEnabled()
    qtbot.mouseClick(panel.back_button, Qt.MouseButton.LeftButton)
    assert panel.step_index == len(lesson) - 2


def test_the_try_this_is_noticed(window):
    panel, session = window.lesson_panel, window.session
    done = []
    panel.try_done.connect(done.append)
    panel.go_to(2)  # input -> layer 1: reach z1
    session.step_stage(+1)
    assert done == [] and panel.done_label.text() == ""  # a1 is not z1 yet
    session.step_stage(+1)
    assert done == [2]
    assert panel.done_label.text().startswith("✓ ")
    panel.go_to(0)  # another digit
    assert panel.done_label.text() == ""
    session.show_test_sample(3)
    assert done == [2, 0]
    panel.go_to(10)  # MNIST training: a run
    window.training.panel.form.set_text("epochs", "1")
    assert window.training.panel.start()
    assert done[-1] == 10
    window.training.shutdown()


def test_a_drawing_is_noticed_where_a_drawing_is_asked_for(window):
    panel, session = window.lesson_panel, window.session
    panel.go_to(11)  # Cheer up: draw your own digit
    session.show_test_sample(4)
    assert not panel.done
    session.set_input(session.x * 0.5)
    assert panel.done


def test_the_mnist_step_shows_the_pixel_view_and_notices_a_pixel_hovered(window, qtbot):
    panel, pixels = window.lesson_panel, window.pixel_panel
    step = load_lesson(lesson_path("en")).steps[8]
    assert (step.setup.panel, step.try_this.when) == ("Pixels", "pixel")
    window.raise_panel("Activations")
    panel.go_to(8)
    qtbot.waitUntil(lambda: on_screen(pixels))  # the step brought the pixel view forward
    assert window.session.sample_index == step.setup.sample
    assert window.session.stage.kind is Kind.INPUT
    assert not panel.done
    grid = pixels.grid
    pixels.scroll.ensureVisible(
        grid.cell_rect(14, 14).center().x(), grid.cell_rect(14, 14).center().y()
    )
    qtbot.mouseMove(grid, grid.cell_rect(14, 14).center())
    qtbot.waitUntil(lambda: panel.done)
    assert panel.done_label.text() == "✓ " + step.try_this.done


def test_the_data_step_shows_the_data_view_and_notices_a_digit_clicked(window, qtbot):
    panel, data, session = window.lesson_panel, window.data_panel, window.session
    step = load_lesson(lesson_path("en")).steps[9]
    assert (step.setup.panel, step.try_this.when) == ("Data and labels", "pick")
    panel.go_to(9)
    qtbot.waitUntil(lambda: on_screen(data))
    assert session.sample_index == step.setup.sample
    assert session.stage.kind is Kind.OUTPUT
    qtbot.waitUntil(lambda: data.mosaic.indices is not None)
    session.show_test_sample(5)  # another digit, not from the data view: not what was asked
    assert not panel.done
    index = int(data.mosaic.indices[4, 1])
    qtbot.mouseClick(
        data.mosaic, Qt.MouseButton.LeftButton, pos=data.mosaic.tile_rect(index).center()
    )
    assert panel.done
    assert session.train_index == index and session.label == 4
    assert session.stage.kind is Kind.OUTPUT  # the answer for the digit clicked shows


def test_the_place_is_remembered_between_launches(make_window, settings):
    first = make_window()
    first.lesson_panel.go_to(4)
    assert settings.value(SETTINGS_KEY) in (4, "4")
    first.close()
    second = make_window()
    assert second.lesson_panel.step_index == 4
    assert second.lesson_panel.progress_label.text() == "Step 5 of 12"


def test_the_lesson_follows_the_language(window):
    panel = window.lesson_panel
    panel.set_language("ko")
    assert panel.title_label.text() == load_lesson(lesson_path("ko")).steps[0].title
    assert panel.title_label.text() == "뉴럴 네트워크란?"


@pytest.mark.parametrize(
    "content, words",
    [(None, "no such lesson file"), ('{\n  "steps": [\n    {,}\n]}', "line 3, column")],
)
def test_a_missing_or_malformed_lesson_file_is_shown_and_the_window_works(
    make_window, monkeypatch, tmp_path, content, words
):
    path = tmp_path / "en.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(lesson_module, "lesson_path", lambda _language: path)
    window = make_window()
    panel = window.lesson_panel
    assert panel.lesson is None
    assert panel.title_label.text() == "The lesson could not be loaded"
    assert str(path) in panel.text_label.text() and words in panel.text_label.text()
    assert not panel.next_button.isEnabled() and not panel.back_button.isEnabled()
    panel.next()  # nothing happens
    window.session.set_stage(Kind.OUTPUT)  # the window works as without a lesson
    assert window.session.stage.kind is Kind.OUTPUT


def test_opening_at_the_lesson_shows_the_remembered_step_set_up(make_window, settings):
    from nnviz.gui.app import open_lesson

    settings.setValue(SETTINGS_KEY, 6)  # the loss function
    window = make_window()
    assert window.lesson_dock.isHidden()  # not in the way until asked for
    open_lesson(window)
    assert not window.lesson_dock.isHidden()
    assert window.lesson_panel.step_index == 6
    assert window.session.stage.kind is Kind.LOSS


def test_a_step_redraws_the_views_once_for_its_digit_loss_and_stage(window):
    panel, session = window.lesson_panel, window.session
    panel.go_to(5)  # softmax: test digit 0, stage y
    seen = []
    for name in ("sample_changed", "trace_changed", "learning_changed", "stage_changed"):
        getattr(session, name).connect(lambda *_a, name=name: seen.append((name, session.stage)))
    session.set_learning(loss="mse")  # so that step 7's cross-entropy is a change too
    seen.clear()
    panel.next()  # the loss function: digit 8, cross-entropy, stage E
    assert sorted(name for name, _ in seen) == [
        "learning_changed",
        "sample_changed",
        "stage_changed",
        "trace_changed",
    ]
    # every signal came after all the changes: each view saw the step's final state
    assert all(stage.kind is Kind.LOSS for _, stage in seen)
    assert session.sample_index == 8 and session.loss == "cross-entropy"
