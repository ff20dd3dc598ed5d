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
STATUS_TEXT = "#495057"  # a neutral status line (paused, stopped)
STATUS_COLOURS = {"info": STATUS_TEXT, "good": CORRECT, "bad": WRONG}

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
EDGE_ALPHA_PAST = (35, 55, 80)
EDGE_ALPHA_FUTURE = 255
EDGE_BUDGET = 600  # most edges drawn between two layers
EDGES_PER_NODE_MAX = 12
PULSES_MAX = 160  # pulses travelling between two layers during the animation


def edge_pen(sign: int, bucket: int, state: str) -> QPen:
    """Pen for edges of one sign (+1/-1), width bucket (0..2) and state current/past/future."""
    if state == "future":
        colour = QColor(FUTURE_EDGE)
        width = 0.6 + 0.3 * bucket
    else:
        colour = QColor(POSITIVE if sign > 0 else NEGATIVE)
        alphas = EDGE_ALPHA_CURRENT if state == "current" else EDGE_ALPHA_PAST
        colour.setAlpha(alphas[bucket])
        width = EDGE_WIDTHS[bucket]
    pen = QPen(colour, width)
    pen.setCosmetic(True)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
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
