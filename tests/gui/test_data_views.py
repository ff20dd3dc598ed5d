"""The MNIST pixel view and the data & labels view: the true 0-255 values of the digit shown,
following the sample; a click on an example shows that digit everywhere, from the set it comes
from; the class counts; another dataset's class names."""

from __future__ import annotations

import gzip
import struct

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from nnviz.core.datasets import load_dataset
from nnviz.core.model_io import load_model
from nnviz.core.network import Network
from nnviz.core.trace import Kind
from nnviz.gui.data.data_view import DataPanel
from nnviz.gui.data.pixel_view import PixelPanel
from nnviz.gui.main_window import MainWindow
from nnviz.gui.session import Session
from nnviz.gui.visibility import on_screen
from nnviz.paths import resource_path

FASHION_NAMES = (
    "T-shirt/top",
    "Trouser",
    "Pullover",
    "Dress",
    "Coat",
    "Sandal",
    "Shirt",
    "Sneaker",
    "Bag",
    "Ankle boot",
)


def raw_test_image(index: int) -> np.ndarray:
    """Test image ``index`` straight from the bundled IDX file's bytes (after its 16-byte
    header), not through nnviz's reader."""
    path = sorted(resource_path("mnist").glob("t10k-images-idx3-ubyte*"))[0]
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    start = 16 + 784 * index
    return np.frombuffer(data[start : start + 784], dtype=np.uint8).reshape(28, 28)


@pytest.fixture
def session(mnist):
    network = load_model(resource_path("models", "default.npz")).network
    s = Session(network, mnist)
    s.show_test_sample(0)
    return s


@pytest.fixture
def pixel_panel(qtbot, session):
    panel = PixelPanel(session)
    qtbot.addWidget(panel)
    panel.resize(420, 700)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def data_panel(qtbot, session):
    panel = DataPanel(session)
    qtbot.addWidget(panel)
    panel.resize(420, 600)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: panel.mosaic.indices is not None)  # the training set read
    return panel


def test_the_pixel_view_shows_the_raw_bytes_of_the_test_digit(pixel_panel):
    np.testing.assert_array_equal(pixel_panel.grid.values, raw_test_image(0))
    assert "Test digit #0" in pixel_panel.source_label.text()
    assert "label <b>7</b>" in pixel_panel.source_label.text()


def test_the_pixel_view_follows_the_sample(pixel_panel, session):
    session.show_test_sample(8)
    np.testing.assert_array_equal(pixel_panel.grid.values, raw_test_image(8))
    assert "Test digit #8" in pixel_panel.source_label.text()
    drawing = np.zeros(784, dtype=np.float32)
    drawing[100:110] = 0.5
    session.set_input(drawing)
    assert pixel_panel.grid.values.reshape(-1)[100:110].tolist() == [128] * 10
    assert pixel_panel.grid.values.sum() == 1280
    assert "Your drawing" in pixel_panel.source_label.text()


def test_hovering_a_pixel_says_its_place_value_and_what_the_network_receives(
    pixel_panel, session, qtbot
):
    raw = raw_test_image(0)
    row, col = 7, 10  # in the 7's top bar
    hovered = []
    pixel_panel.pixel_hovered.connect(lambda r, c: hovered.append((r, c)))
    grid = pixel_panel.grid
    pixel_panel.scroll.ensureWidgetVisible(grid, 0, 0)
    centre = grid.cell_rect(row, col).center()
    pixel_panel.scroll.ensureVisible(centre.x(), centre.y())
    qtbot.mouseMove(grid, centre)
    qtbot.waitUntil(lambda: hovered != [])
    assert hovered[-1] == (row, col)
    text = pixel_panel.hover_label.text()
    v = int(raw[row, col])
    assert v > 0
    assert f"Row {row}, column {col}: value <b>{v}</b>" in text
    assert f"{v} / 255 = <b>{v / 255:.3f}</b>" in text
    assert float(session.x[row * 28 + col]) == pytest.approx(v / 255)


def test_zooming_out_fits_the_whole_grid_and_writes_numbers_only_where_readable(pixel_panel, qtbot):
    assert pixel_panel.zoom_box.isChecked() and pixel_panel.grid.writes_numbers()
    pixel_panel.zoom_box.setChecked(False)
    grid = pixel_panel.grid
    qtbot.waitUntil(lambda: grid.cell_size() * 28 <= pixel_panel.scroll.viewport().width())
    assert grid.writes_numbers() == (pixel_panel.zoom_hint.text() == "")


def test_the_class_counts_of_both_sets(data_panel):
    train, test = data_panel.mosaic.counts
    assert train.tolist() == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]
    assert test.tolist() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]


def test_each_row_holds_examples_of_its_class(data_panel, mnist):
    indices = data_panel.mosaic.indices
    assert indices.shape[0] == 10 and indices.shape[1] >= 20
    for k in range(10):
        assert (mnist.train.labels[indices[k]] == k).all()


def test_clicking_a_training_digit_sends_it_through_the_forward_pass(data_panel, session, qtbot):
    index = int(data_panel.mosaic.indices[3, 2])
    rect = data_panel.mosaic.tile_rect(index)
    picked = []
    data_panel.digit_picked.connect(lambda split, i: picked.append((split, i)))
    qtbot.mouseClick(data_panel.mosaic, Qt.MouseButton.LeftButton, pos=rect.center())
    assert picked == [("train", index)]
    assert session.sample_split == "train" and session.train_index == index
    assert session.sample_index is None  # not a test digit
    assert session.label == 3
    train = session.dataset.train
    np.testing.assert_array_equal(session.trace.values(Kind.INPUT), train.floats(index))
    assert session.trace.find(Kind.LOSS) is not None  # it has a label: the backward pass too
    status = data_panel.status_label.text()
    assert f"training digit #{index}, label <b>3</b>" in status
    assert "t = (0, 0, 0, <b>1</b>, 0, 0, 0, 0, 0, 0)" in status  # the label as one-hot
    assert data_panel.mosaic.selected == index


def test_clicking_a_test_digit_shows_that_test_digit(data_panel, session, qtbot, mnist):
    data_panel.set_split("test")
    qtbot.waitUntil(lambda: data_panel.mosaic.indices is not None)
    index = int(data_panel.mosaic.indices[5, 0])
    assert mnist.test.labels[index] == 5
    qtbot.mouseClick(
        data_panel.mosaic,
        Qt.MouseButton.LeftButton,
        pos=data_panel.mosaic.tile_rect(index).center(),
    )
    assert session.sample_split == "test" and session.sample_index == index
    assert session.label == 5


def test_a_click_beside_the_digits_does_nothing(data_panel, session, qtbot):
    qtbot.mouseClick(data_panel.mosaic, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert session.sample_split == "test" and session.sample_index == 0


def _idx(array: np.ndarray) -> bytes:
    magic = {1: 2049, 3: 2051}[array.ndim]
    return struct.pack(f">I{array.ndim}I", magic, *array.shape) + array.tobytes()


def test_another_dataset_shows_its_class_names(qtbot, tmp_path):
    folder = tmp_path / "fashion-small"
    folder.mkdir()
    rng = np.random.default_rng(1)
    for stem, n in (("train", 30), ("t10k", 12)):
        labels = np.arange(n, dtype=np.uint8) % 10
        images = rng.integers(0, 256, (n, 4, 4), dtype=np.uint8)
        (folder / f"{stem}-images-idx3-ubyte").write_bytes(_idx(images))
        (folder / f"{stem}-labels-idx1-ubyte").write_bytes(_idx(labels))
    dataset = load_dataset(folder)
    session = Session(Network((16, 5, 10), seed=0), dataset)
    panel = DataPanel(session)
    qtbot.addWidget(panel)
    panel.resize(420, 600)
    panel.show()
    qtbot.waitUntil(lambda: panel.mosaic.indices is not None)
    assert panel.mosaic.names == FASHION_NAMES
    assert panel.mosaic.counts[0].tolist() == [3] * 10
    assert panel.mosaic.counts[1].tolist() == [2, 2, 1, 1, 1, 1, 1, 1, 1, 1]
    rect = panel.mosaic.tile_rect(int(panel.mosaic.indices[9, 1]))
    qtbot.mouseClick(panel.mosaic, Qt.MouseButton.LeftButton, pos=rect.center())
    assert session.class_names()[session.label] == "Ankle boot"


def test_clicking_the_input_image_of_the_graph_opens_the_pixel_view(qtbot, session):
    window = MainWindow(session, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.raise_panel("Activations")
    qtbot.waitUntil(lambda: not on_screen(window.pixel_panel))
    view = window.network_view
    left, top, side = view.graph_layout.columns[0].image_rect
    middle = QPointF(left + side / 2, top + side / 2)
    qtbot.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.mapFromScene(view.view_box.mapViewToScene(middle)),
    )
    qtbot.waitUntil(lambda: on_screen(window.pixel_panel))


def test_the_pixel_view_behind_another_tab_shows_the_new_digit_when_brought_forward(qtbot, session):
    window = MainWindow(session, remember_layout=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.raise_panel("Pixels")
    qtbot.waitUntil(lambda: on_screen(window.pixel_panel))
    window.raise_panel("Draw")
    qtbot.waitUntil(lambda: not on_screen(window.pixel_panel))
    session.show_test_sample(3)
    window.raise_panel("Pixels")
    qtbot.waitUntil(lambda: on_screen(window.pixel_panel))
    np.testing.assert_array_equal(window.pixel_panel.grid.values, raw_test_image(3))
    assert "Test digit #3" in window.pixel_panel.source_label.text()
