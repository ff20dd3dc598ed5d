"""Where every column and node of the layer graph goes, in pixels (origin top-left, y down).

Pure geometry (NumPy, no Qt) so it is cheap to redo on every resize and easy to test. The input
is drawn as its image when its size is a square (784 = 28 x 28); hidden layers are columns of
circles, staggered into a few sub-columns when one column would make the circles too small,
and cut to a subset with an ellipsis marker when even that does not fit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

TITLE_SPACE = 58  # px above the nodes for the column titles
FOOTER_SPACE = 40  # px below the nodes for the "shows a1" line
SIDE_MARGIN = 22
_VALUE_TEXT_W = 96.0  # px right of the bars: "96.0 %   t = 1", "-4.47e-05", "12.3"
TARGET_PITCH = 15.0  # px between node centres we aim for
MIN_PITCH = 7.0  # below this a subset is shown instead
MAX_PITCH = 40.0
MAX_OUTPUT_PITCH = 46.0
SUBCOLUMN_SHARE = 0.42  # a column of sub-columns may take this share of the gap between layers
BAR_WIDTH = 90.0  # px of a 100 % probability bar


@dataclass
class ColumnLayout:
    layer: int
    x: float  # centre
    positions: np.ndarray  # (m, 2) centres of the nodes shown
    shown: np.ndarray  # (m,) which nodes those are
    node_size: float  # diameter, px
    hidden_count: int = 0  # nodes left out (shown as an ellipsis marker)
    ellipsis: tuple[float, float] | None = None
    image_rect: tuple[float, float, float] | None = None  # (left, top, side) for the input
    half_width: float = 0.0  # from the centre to the outermost node edge

    @property
    def is_image(self) -> bool:
        return self.image_rect is not None


@dataclass
class GraphLayout:
    width: float
    height: float
    top: float  # first node row
    bottom: float  # last node row
    columns: list[ColumnLayout]
    label_x: float = 0.0  # output column: class names start here
    bar_x: float = 0.0  # output column: probability bars start here
    bar_width: float = BAR_WIDTH
    output_pitch: float = 0.0

    @property
    def title_y(self) -> float:
        return 8.0

    @property
    def footer_y(self) -> float:
        return self.height - FOOTER_SPACE + 8


def image_side(n: int) -> int | None:
    side = math.isqrt(n)
    return side if side * side == n and side >= 4 else None


def _node_column(n: int, x: float, top: float, height: float, max_width: float) -> ColumnLayout:
    """Stagger ``n`` nodes into as few sub-columns as give a comfortable pitch."""
    max_sub = max(1, int(max_width // (TARGET_PITCH * 0.8)) + 1)
    sub = 1
    while True:
        rows = math.ceil(n / sub)
        pitch = height / rows
        if pitch >= TARGET_PITCH or sub >= max_sub:
            break
        sub += 1
    pitch = min(pitch, MAX_PITCH)
    hidden = 0
    if pitch < MIN_PITCH:
        rows = max(1, int(height // MIN_PITCH))
        pitch = height / rows
        hidden = n - (rows * sub - 1)
    rows = math.ceil((n - hidden) / sub) if not hidden else rows
    shown_n = n - hidden
    dx = pitch * 0.85 if sub > 1 else 0.0
    span = rows * pitch
    y0 = top + (height - span) / 2 + pitch / 2
    idx = np.arange(shown_n)
    row, col = idx // sub, idx % sub
    xs = x + (col - (sub - 1) / 2) * dx
    ys = y0 + row * pitch + np.where(col % 2 == 1, pitch / 2, 0.0) * (sub > 1)
    positions = np.column_stack([xs, ys]).astype(np.float64)
    size = float(np.clip(0.72 * pitch if sub == 1 else 0.62 * pitch, 5.0, 26.0))
    ellipsis = None
    if hidden:
        slot = shown_n
        r, c = slot // sub, slot % sub
        ellipsis = (
            float(x + (c - (sub - 1) / 2) * dx),
            float(y0 + r * pitch + (pitch / 2 if c % 2 and sub > 1 else 0.0)),
        )
    return ColumnLayout(
        layer=-1,
        x=x,
        positions=positions,
        shown=idx,
        node_size=size,
        hidden_count=hidden,
        ellipsis=ellipsis,
        half_width=(sub - 1) / 2 * dx + size / 2,
    )


def compute_layout(
    sizes: tuple[int, ...], width: float, height: float, label_chars: int = 1
) -> GraphLayout:
    """Columns for layer sizes ``sizes`` in a ``width`` x ``height`` pixel area.

    ``label_chars`` is the longest class name, to leave room for the output labels and bars.
    """
    width = max(float(width), 320.0)
    height = max(float(height), 180.0)  # (the view is at least 186 px high)
    top = TITLE_SPACE
    avail = height - TITLE_SPACE - FOOTER_SPACE
    label_w = 10.0 + 8.5 * max(1, label_chars)
    bar_width = float(np.clip((width - 600.0) / 4.0 + 40.0, 40.0, BAR_WIDTH))  # narrower if cramped
    right = SIDE_MARGIN + label_w + bar_width + _VALUE_TEXT_W
    L = len(sizes) - 1
    side = image_side(sizes[0])
    if side is not None:
        img = float(min(avail * 0.62, width * 0.2, 300.0))
        img = max(img, 56.0)
        left_edge = SIDE_MARGIN + img
    else:
        img = 0.0
        left_edge = SIDE_MARGIN + 40.0
    x_out = width - right
    gap = (x_out - left_edge) / L
    columns: list[ColumnLayout] = []
    if side is not None:
        img_top = top + (avail - img) / 2
        cell = img / side
        ii = np.arange(sizes[0])
        pos = np.column_stack(
            [SIDE_MARGIN + (ii % side + 0.5) * cell, img_top + (ii // side + 0.5) * cell]
        )
        columns.append(
            ColumnLayout(
                layer=0,
                x=SIDE_MARGIN + img / 2,
                positions=pos,
                shown=ii,
                node_size=cell,
                image_rect=(SIDE_MARGIN, img_top, img),
                half_width=img / 2,
            )
        )
    else:
        col = _node_column(sizes[0], left_edge - 20.0, top, avail, 40.0)
        col.layer = 0
        columns.append(col)
    for l in range(1, L + 1):
        x = left_edge + gap * l
        if l == L:
            n = sizes[l]
            pitch = min(avail / n, MAX_OUTPUT_PITCH)
            if pitch < MIN_PITCH:
                col = _node_column(n, x, top, avail, gap * SUBCOLUMN_SHARE)
            else:
                y0 = top + (avail - pitch * n) / 2 + pitch / 2
                ys = y0 + np.arange(n) * pitch
                size = float(np.clip(0.62 * pitch, 6.0, 24.0))
                col = ColumnLayout(
                    layer=L,
                    x=x,
                    positions=np.column_stack([np.full(n, x), ys]),
                    shown=np.arange(n),
                    node_size=size,
                    half_width=size / 2,
                )
        else:
            col = _node_column(sizes[l], x, top, avail, gap * SUBCOLUMN_SHARE)
        col.layer = l
        columns.append(col)
    out = columns[-1]
    label_x = out.x + out.half_width + 10.0
    return GraphLayout(
        width=width,
        height=height,
        top=top,
        bottom=top + avail,
        columns=columns,
        label_x=label_x,
        bar_x=label_x + label_w,
        bar_width=bar_width,
        output_pitch=float(avail / sizes[-1]) if sizes[-1] else 0.0,
    )
