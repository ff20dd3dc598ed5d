"""The texts around the columns of the layer graph: title and size above each column, which
stage's values it shows below it, and the ellipsis marker of a cut-down layer.

Titles shorten (long, compact, minimal) when the columns stand too close for the long ones.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics

from nnviz.core.network import Network
from nnviz.gui import style
from nnviz.gui.graph.network_layout import GraphLayout
from nnviz.gui.i18n import choice_name, tr

_TITLE_GAP = 12  # px at least between neighbouring titles


def column_titles(network: Network, layer: int, level: str) -> tuple[str, str]:
    """(title, subtitle) of a column at ``level`` "long", "compact" or "minimal"."""
    n = network.sizes[layer]
    last = network.num_layers
    h = choice_name("activation", network.activation.name)  # 시그모이드 in Korean
    if level == "minimal":
        if layer == 0:
            return tr("Input x"), str(n)
        if layer == last:
            return tr("Output y"), str(n)
        return tr("Layer {l}").format(l=layer), str(n)
    compact = level == "compact"
    if layer == 0:
        side = int(round(np.sqrt(n)))
        if compact:
            return tr("Input x"), tr("{n} pixels").format(n=n)
        if side * side == n:
            return tr("Input x"), tr("{n} pixels ({s}×{s})").format(n=n, s=side)
        return tr("Input x"), tr("{n} values").format(n=n)
    if layer == last:
        if compact:
            return tr("Output y"), tr("{n} · softmax").format(n=n)
        return tr("Output y"), tr("{n} classes · softmax").format(n=n)
    if compact:
        return tr("Layer {l}").format(l=layer), tr("{n} · {h}").format(n=n, h=h)
    return tr("Hidden layer {l}").format(l=layer), tr("{n} nodes · h = {h}").format(n=n, h=h)


class ColumnLabels:
    """Title, footer and ellipsis text items of every column."""

    def __init__(self, text: Callable[..., pg.TextItem], columns: int) -> None:
        self.titles = [text() for _ in range(columns)]
        self.footers = [text(color=style.MUTED) for _ in range(columns)]
        self.ellipses = [text(anchor=(0.5, 0.5), color=style.MUTED) for _ in range(columns)]
        self._footer_html: list[str | None] = [None] * columns
        self.level = "long"

    def place(self, network: Network, layout: GraphLayout) -> None:
        for level in ("long", "compact", "minimal"):
            titles = [column_titles(network, l, level) for l in range(len(layout.columns))]
            if self._fits(titles, layout):
                break
        self.level = level
        for col in layout.columns:
            l = col.layer
            title, sub = titles[l]
            self.titles[l].setHtml(
                f'<div style="text-align:center"><b style="font-size:11pt">{title}</b><br>'
                f'<span style="color:{style.MUTED}">{sub}</span></div>'
            )
            self.titles[l].setPos(col.x, layout.title_y)
            self.footers[l].setPos(col.x, layout.footer_y)
            self.ellipses[l].setVisible(bool(col.hidden_count))
            if col.hidden_count:
                self.ellipses[l].setText(tr("⋮ +{n}").format(n=col.hidden_count))
                self.ellipses[l].setPos(*col.ellipsis)

    @staticmethod
    def _fits(titles: list[tuple[str, str]], layout: GraphLayout) -> bool:
        fm_title = QFontMetrics(style.ui_font(2, bold=True))
        fm_sub = QFontMetrics(style.ui_font())
        widths = [
            max(fm_title.horizontalAdvance(t), fm_sub.horizontalAdvance(s)) for t, s in titles
        ]
        xs = [c.x for c in layout.columns]
        inside = xs[0] - widths[0] / 2 >= 0 and xs[-1] + widths[-1] / 2 <= layout.width
        return inside and all(
            (widths[i] + widths[i + 1]) / 2 + _TITLE_GAP <= xs[i + 1] - xs[i]
            for i in range(len(xs) - 1)
        )

    def set_footer(self, layer: int, stage_name: str | None) -> None:
        """ "shows a1" under a column, or "not reached yet"."""
        text = (
            tr("shows <b>{name}</b>").format(name=stage_name)
            if stage_name
            else tr("not reached yet")
        )
        if self._footer_html[layer] != text:
            self._footer_html[layer] = text
            self.footers[layer].setHtml(f'<span style="color:{style.MUTED}">{text}</span>')
