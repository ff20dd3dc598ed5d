"""Colours, pens, sizes and timing of the window, in one place.

A light theme: white canvas, dark text, warm red for positive values and contributions, blue for
negative ones (the same two colours on nodes and edges, so one legend explains both).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen

# ---------------------------------------------------------------- colours
BACKGROUND = "#ffffff"
PANEL_BACKGROUND = "#f6f7f9"
TEXT = "#1f2328"
MUTED = "#6e7781"
GRID = "#d0d7de"
POSITIVE = "#d9480f"  # warm red-orange: pushes a node up
NEGATIVE = "#1971c2"  # blue: pushes a node down
NEUTRAL = "#f8f9fa"  # a value of 0
EMPTY_NODE = "#ffffff"  # a node the signal has not reached yet
NODE_OUTLINE = "#495057"
FUTURE_EDGE = "#dee2e6"  # edges the signal has not travelled yet
CORRECT = "#2b8a3e"
WRONG = "#c92a2a"
BAR = "#f08c00"  # probability bars
BAR_BEST = "#d9480f"
HIGHLIGHT = "#fab005"  # the node under the mouse / the predicted class
CURVES_CURSOR = "#495057"  # the timeline's step on the curves
LEARN_CURVE = "#1971c2"  # E(w), the loss along one weight
LEARN_TANGENT = "#d9480f"  # its tangent at the current weight, and the point
LEARN_CONTOUR = "#ffffff"  # contour lines on the two-weight loss map (viridis: dark is small)
EPOCH_LABEL_FILL = (255, 255, 255, 190)  # RGBA: an epoch's number on the landscape map
STATUS_TEXT = "#495057"  # a neutral status line (paused, stopped)
STATUS_COLOURS = {"info": STATUS_TEXT, "good": CORRECT, "bad": WRONG}
PAPER = "#ffffff"  # a digit's background: 0 ink (the input image, the drawing pad)
INK = "#000000"  # a digit's strokes: 1 ink

# ---------------------------------------------------------------- the widgets' palette (app.py)
BUTTON = "#eef0f3"
FAINT_FILL = "#f1f3f5"  # alternate rows, a disabled field, the empty track of a probability bar
SELECTION = "#1971c2"
SELECTION_TEXT = "#ffffff"
DISABLED_TEXT = "#9aa0a6"  # settings locked during training look locked
TEXT_ON_DARK = "#ffffff"  # a number on a dark cell (the confusion matrix)

# ---------------------------------------------------------------- layer graph
PULSE_OUTLINE = (255, 255, 255, 200)  # RGBA: a light rim keeps overlapping pulses apart
POPUP_BACKGROUND = "#fdfdfe"  # the node pop-up: a shade off the canvas so its edge reads
MARKER_OUTLINE = "#ffffff"  # the rim of dots drawn over curves (explorer, loss chart)

# ---------------------------------------------------------------- activation explorer
ACTIVATION_CURVE = "#1c7ed6"  # h(x)
ACTIVATION_DERIVATIVE = "#f08c00"  # h'(x), dashed; its formula is written in it too
SATURATED_FILL = (250, 82, 82, 38)  # RGBA: shading where |h'| < 0.1
SATURATED_SWATCH = "rgba(250,82,82,0.30)"  # that shading in the key, twice as strong
UNIT_PASSING = CORRECT  # a unit that passes a gradient: green, good news
UNIT_SATURATED = "#e03131"  # a unit whose |h'| < 0.1
UNIT_HISTOGRAM = UNIT_PASSING + "99"  # the histogram of the units' pre-activations
NETWORK_CURVE = "#adb5bd"  # the network's own activation, behind the one explored
# compare mode: one colour per activation, in the registry's order
COMPARE_COLOURS = ("#1c7ed6", "#e8590c", "#2b8a3e", "#ae3ec9", "#f59f00", "#0c8599", "#495057")

# ---------------------------------------------------------------- softmax and loss explorer
SOFTMAX_BAR = "#ffa94d"  # exp and probability bars
SOFTMAX_BAR_BEST = "#e8590c"  # the largest one
CROSS_ENTROPY = "#c2255c"
MSE = "#1971c2"
MSE_WORST = MSE + "55"  # MSE with the other 1 - p all on one class (the band's upper edge)
MSE_BAND = MSE + "22"  # between the even and the worst spread of 1 - p
MSE_BAND_SWATCH = "rgba(25,113,194,0.25)"  # the band in the key: MSE, light

# ---------------------------------------------------------------- drawing pad
DRAW_FRAME = "#9aa5b1"  # the pad's and the preview's frames
DRAW_GUIDE = "#d6dde4"  # the dashed box MNIST centres a digit in
DRAW_CAPTION = "#52606d"
PIXEL_ZERO_TEXT = "#c4c9cf"  # a 0 in the pixel view: written faintly, the paper around a digit

# ---------------------------------------------------------------- learning curves
# one colour per role; earlier runs reuse them, dimmed
CURVES_TRAIN = "#1971c2"  # training loss / accuracy
CURVES_TEST = "#e8590c"  # test, the loss being minimised
CURVES_OTHER_LOSS = "#7048e8"  # test, the other loss (not minimised)
CURVES_VALIDATION = "#2f9e44"  # the validation split held out of the training set
CURVES_CHANGE = "#c2255c"  # a hyperparameter changed during the run (a vertical mark)
# ---------------------------------------------------------------- diagnostics (coach)
DIAG_LAYERS = ("#1971c2", "#e8590c", "#2f9e44", "#7048e8", "#c2255c", "#0c8599")  # layer 1, 2..
DIAG_INITIAL = "#adb5bd"  # the weights' histogram at the start
DIAG_NOW = "#1971c2"  # the weights' histogram at the step shown
HINT_BACKGROUND = "#fff9db"  # a hint's card: a pale yellow note
# earlier runs: muted colours, told apart in the legend ("run n: ...")
CURVES_EARLIER = ("#868e96", "#a9896b", "#7d9d7f", "#9a86b5", "#6f9fb0", "#b58a9b")
CURVES_FAINT_ALPHA = 70  # the every-batch line, behind the smoothed one
CURVES_EARLIER_ALPHA = 110  # curves of earlier runs
CURVES_AXIS = "#495057"  # axes, their labels and the legends' text
CURVES_LEGEND_FILL = (255, 255, 255, 210)  # RGBA: white, the curves faintly behind
CURVES_EMPTY_TEXT = "#868e96"  # "Press Start to train", before the first run

# ---------------------------------------------------------------- value colour scale
SCALE_STEPS = 65  # node brushes are quantised to this many colours (keeps pyqtgraph's cache small)


@lru_cache(maxsize=1)
def value_colormap() -> pg.ColorMap:
    """Diverging blue - white - red, for values in [-1, 1] after scaling."""
    return pg.ColorMap(
        pos=np.array([0.0, 0.25, 0.5, 0.75, 1.0]),
        color=[NEGATIVE, "#74c0fc", NEUTRAL, "#ffa94d", POSITIVE],
    )


@lru_cache(maxsize=1)
def value_brushes() -> tuple[QBrush, ...]:
    """``SCALE_STEPS`` brushes from -1 (blue) through 0 (white) to +1 (red)."""
    colours = value_colormap().getLookupTable(0.0, 1.0, SCALE_STEPS, alpha=False)
    return tuple(QBrush(QColor(int(r), int(g), int(b))) for r, g, b in colours)


def scale_indices(values: np.ndarray, scale: float) -> np.ndarray:
    """Index into :func:`value_brushes` for each value, ``scale`` mapping to the end colours."""
    scale = float(scale) if scale > 0 else 1.0
    t = np.clip(np.asarray(values, dtype=np.float64) / scale, -1.0, 1.0)
    return np.rint((t + 1.0) * 0.5 * (SCALE_STEPS - 1)).astype(np.intp)


def nice_scale(values: np.ndarray, minimum: float = 1e-6) -> float:
    """A round number at or above max |values| (1, 1.5, 2, 3, 5 times a power of ten)."""
    m = float(np.max(np.abs(values))) if np.size(values) else 0.0
    m = max(m, minimum)
    power = 10.0 ** np.floor(np.log10(m))
    for step in (1.0, 1.5, 2.0, 3.0, 5.0, 10.0):
        if step * power >= m * (1 - 1e-9):
            return float(step * power)
    return float(10 * power)


# ---------------------------------------------------------------- edges
EDGE_WIDTHS = (0.7, 1.6, 3.0)  # px: weak, medium, strong contributions
EDGE_ALPHA_CURRENT = (90, 150, 220)
# edges the signal has passed: the current ones faded to about (35, 55, 80) of alpha, as an
# opacity so that the graph blits their cached pixmap again instead of stroking them anew
EDGE_PAST_OPACITY = 0.37
EDGE_BUDGET = 600  # most edges drawn between two layers
EDGES_PER_NODE_MAX = 12
PULSES_MAX = 160  # pulses travelling between two layers during the animation


def edge_pen(sign: int, bucket: int, state: str) -> QPen:
    """Pen for edges of one sign (+1/-1), width bucket (0..2) and state current or future
    (past edges are the current ones at EDGE_PAST_OPACITY)."""
    if state == "future":
        colour = QColor(FUTURE_EDGE)
        width = 0.6 + 0.3 * bucket
    else:
        colour = QColor(POSITIVE if sign > 0 else NEGATIVE)
        colour.setAlpha(EDGE_ALPHA_CURRENT[bucket])
        width = EDGE_WIDTHS[bucket]
    pen = QPen(colour, width)
    pen.setCosmetic(True)
    # flat ends: they lie under the nodes anyway, and antialiased round caps make stroking a
    # layer pair's lines 10-20 times slower (curves at both ends of every line)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    return pen


def node_pen(highlight: bool = False) -> QPen:
    pen = QPen(QColor(HIGHLIGHT if highlight else NODE_OUTLINE), 2.5 if highlight else 1.0)
    pen.setCosmetic(True)
    return pen


# ---------------------------------------------------------------- fonts
SERIF_FAMILIES = ("DejaVu Serif", "Noto Serif", "Times New Roman", "serif")


def ui_font(point_delta: float = 0.0, bold: bool = False) -> QFont:
    """The application's font (with its Hangul fallback family, see app.py), resized."""
    font = QFont()
    if point_delta:
        font.setPointSizeF(max(6.0, font.pointSizeF() + point_delta))
    font.setBold(bold)
    return font


def formula_font(point_delta: float = 0.0, bold: bool = False) -> QFont:
    font = ui_font(point_delta, bold)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setFamilies(serif_families())
    return font


def serif_families() -> list[str]:
    """Serif first for formulas, then the application's families (Hangul in a Korean label)."""
    return [*SERIF_FAMILIES, *QFont().families()]


# ---------------------------------------------------------------- timing
FRAME_MS = 16  # animation timer: ~60 frames per second when drawing keeps up
LAYER_MOVE_S = 0.5  # a layer-to-layer move at speed 1
FILL_S = 0.25  # nodes filling with their values after the pulses arrive
ACTIVATION_S = 0.35  # a -> z colour change
HOLD_S = 0.45  # pause between stages while playing
SPEEDS = (0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)  # the speed slider's steps
DEFAULT_SPEED_INDEX = 3


def format_number(value: float) -> str:
    """Three significant digits, plain where it stays short: 0.0123, 4.56, 1230, 1.2e+07."""
    v = float(value)
    if v == 0 or not np.isfinite(v):
        return "0" if v == 0 else str(v)
    if 1e-3 <= abs(v) < 1e5:
        return np.format_float_positional(v, precision=3, fractional=False, trim="-")
    return f"{v:.2e}"


def format_signed(value: float) -> str:
    text = format_number(value)
    return text if text.startswith("-") else "+" + text
