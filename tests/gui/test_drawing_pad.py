"""Draw your own digit: simulated mouse strokes reach the Session as an MNIST-like input."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from nnviz.core.network import Network
from nnviz.core.preprocess import FIELD, MARGIN, bounding_box, centre_of_mass, to_mnist
from nnviz.gui.draw.drawing_pad import DrawingPad
from nnviz.gui.session import Session


@pytest.fixture
def pad(qtbot, mnist):
    session = Session(Network(), mnist)
    session.show_test_sample(0)
    widget = DrawingPad(session)
    widget.resize(520, 380)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget, session


def _stroke(qtbot, canvas, points):
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for p in points[1:]:
        qtbot.mouseMove(canvas, QPoint(*p))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))


def _sheet_points(canvas, fractions):
    sheet = canvas._sheet()
    return [
        (round(sheet.left() + fx * sheet.width()), round(sheet.top() + fy * sheet.height()))
        for fx, fy in fractions
    ]


def test_drawing_with_the_mouse_changes_the_sessions_input(qtbot, pad):
    widget, session = pad
    before = session.x.copy()
    assert session.sample_index == 0
    line = [(0.5, 0.15 + 0.7 * t) for t in np.linspace(0, 1, 12)]  # a "1"
    with qtbot.waitSignal(session.sample_changed, timeout=2000):
        _stroke(qtbot, widget.canvas, _sheet_points(widget.canvas, line))
    assert session.sample_index is None  # a drawn digit, not a test image
    assert not np.array_equal(session.x, before)
    x = session.x.reshape(28, 28)
    top, bottom, left, right = bounding_box(x)
    assert bottom - top == 20 and right - left <= 6  # a tall thin stroke, fitted to 20 px
    r, c = centre_of_mass(x)
    assert abs(r - 14) <= 0.5 and abs(c - 14) <= 0.5
    # what the pad shows beside the canvas is exactly what the network got
    assert np.array_equal(widget.preview.values(), session.x)
    assert np.array_equal(session.x, to_mnist(widget.canvas.ink()))
    assert "says" in widget.answer.text()


def test_the_pads_input_and_answer_follow_the_pen_and_the_session_gets_the_stroke_at_release(
    qtbot, pad
):
    """Pen moves never wait for the rest of the window (the layer graph takes a few hundred
    milliseconds to redraw at a late stage): the pad's own input and answer follow the pen
    frame by frame, the Session (every other panel) gets the drawing once, after the pen
    lifted (not between the strokes of one digit)."""
    widget, session = pad
    handed_over = []
    session.sample_changed.connect(lambda: handed_over.append(session.x.copy()))
    points = _sheet_points(widget.canvas, [(0.2 + 0.03 * i, 0.3) for i in range(21)])
    qtbot.mousePress(widget.canvas, Qt.MouseButton.LeftButton, pos=QPoint(*points[0]))
    for p in points[1:]:
        qtbot.mouseMove(widget.canvas, QPoint(*p))
        qtbot.wait(5)  # several display frames pass during the stroke
    qtbot.waitUntil(lambda: widget.preview.values().any(), timeout=2000)
    assert "says" in widget.answer.text()  # the network's answer while drawing
    assert handed_over == [] and session.sample_index == 0  # the rest still shows test #0
    with qtbot.waitSignal(session.sample_changed, timeout=2000):
        qtbot.mouseRelease(widget.canvas, Qt.MouseButton.LeftButton, pos=QPoint(*points[-1]))
        assert handed_over == []  # a second stroke may follow at once
    assert len(handed_over) == 1 and session.sample_index is None
    assert np.array_equal(handed_over[0], to_mnist(widget.canvas.ink()))
    assert np.array_equal(widget.preview.values(), session.x)


def test_the_preview_shows_what_the_network_sees_after_moving_to_a_test_image(qtbot, pad):
    widget, session = pad
    assert np.array_equal(widget.preview.values(), session.x)  # test image 0 at the start
    with qtbot.waitSignal(session.sample_changed, timeout=2000):
        _stroke(qtbot, widget.canvas, _sheet_points(widget.canvas, [(0.5, 0.2), (0.5, 0.8)]))
    drawn = session.x.copy()
    assert np.array_equal(widget.preview.values(), drawn)
    session.show_test_sample(1)  # N in the window
    assert np.array_equal(widget.preview.values(), session.x)
    assert not np.array_equal(widget.preview.values(), drawn)
    assert "test image" in widget.answer.text()


def test_a_drawn_seven_keeps_its_whole_tail_inside_the_field(qtbot, pad):
    """A 7 has its mass in the bar: centring the centre of mass pulls the long diagonal tail
    down, as far as the field allows with a pixel of paper left under it."""
    widget, session = pad
    bar = [(0.15 + 0.7 * t, 0.12) for t in np.linspace(0, 1, 15)]
    tail = [(0.85 - 0.45 * t, 0.12 + 0.8 * t) for t in np.linspace(0, 1, 30)[1:]]
    with qtbot.waitSignal(session.sample_changed, timeout=2000):
        _stroke(qtbot, widget.canvas, _sheet_points(widget.canvas, bar + tail))
    x = session.x.reshape(FIELD, FIELD)
    top, bottom, left, right = bounding_box(x)
    assert bottom - top == 20  # all of it: bar and tail, fitted to the 20-pixel box
    assert top >= MARGIN and left >= MARGIN
    assert bottom <= FIELD - MARGIN and right <= FIELD - MARGIN  # the tail's end is not cut
    assert x[bottom - 1].max() > 0.5  # the tail ends in real ink, not a faint fringe
    r, _c = centre_of_mass(x)
    assert r < 14  # the bar's weight: the 7 sits as low as it can


def test_moving_without_pressing_draws_nothing(qtbot, pad):
    widget, _ = pad
    for p in _sheet_points(widget.canvas, [(0.2, 0.2), (0.8, 0.8)]):
        qtbot.mouseMove(widget.canvas, QPoint(*p))
    assert widget.canvas.is_empty()


def test_clear_empties_the_pad_and_the_input(qtbot, pad):
    widget, session = pad
    _stroke(qtbot, widget.canvas, _sheet_points(widget.canvas, [(0.3, 0.3), (0.7, 0.7)]))
    assert not widget.canvas.is_empty()
    qtbot.mouseClick(widget.clear_button, Qt.MouseButton.LeftButton)
    assert widget.canvas.is_empty()
    assert not session.x.any()


def test_brush_size_makes_thicker_strokes(qtbot, pad):
    widget, _ = pad
    widths = []
    for size in (10, 40):
        widget.canvas.clear()
        widget.brush.setValue(size)
        _stroke(qtbot, widget.canvas, _sheet_points(widget.canvas, [(0.2, 0.5), (0.8, 0.5)]))
        rows = np.flatnonzero((widget.canvas.ink() > 0.5).any(axis=1))
        widths.append(rows.size)
    assert widths[1] > widths[0] + 20


def test_the_meant_digit_becomes_the_label(qtbot, pad):
    widget, session = pad
    with qtbot.waitSignal(session.sample_changed, timeout=2000):
        _stroke(qtbot, widget.canvas, _sheet_points(widget.canvas, [(0.5, 0.2), (0.5, 0.8)]))
    assert session.label is None
    widget.meant.setCurrentIndex(widget.meant.findData(1))
    assert session.label == 1


def test_a_network_with_another_input_size_cannot_take_a_drawing(qtbot, mnist):
    session = Session(Network(sizes=(100, 10, 10)))
    widget = DrawingPad(session)
    qtbot.addWidget(widget)
    assert not widget.canvas.isEnabled()
    widget.send_now()
    assert session.x.shape == (100,)
    assert "100" in widget.answer.text()
