"""The layer graph: the input image, columns of nodes, the strongest edges, and the animated
forward pass from the input to the output.

The view replays ``session.trace``: it does no maths per frame. Everything drawn is a small set of
long-lived items updated with ``setData`` (edges: six single-pen path items per pair of layers,
grouped by sign and width; pulses: four items; nodes: one scatter item per layer).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QApplication, QGraphicsRectItem

from nnviz.core.contributions import contributions, strongest_incoming, unit_preactivation
from nnviz.gui import style
from nnviz.gui.network_layout import GraphLayout, compute_layout
from nnviz.gui.session import Session

_EDGE_GROUPS = [(sign, bucket) for sign in (1, -1) for bucket in range(3)]
_PULSE_GROUPS = [(sign, strong) for sign in (1, -1) for strong in (True, False)]
_PULSE_STAGGER = 0.3  # the weakest pulse leaves this share of the move later than the strongest


def _tr(text: str) -> str:
    return QApplication.translate("NetworkView", text)


def column_stage(trace, stage: int, layer: int) -> int | None:
    """Index of the latest stage <= ``stage`` that gives layer ``layer`` its values."""
    found = None
    for i, s in enumerate(trace.stages[: stage + 1]):
        if s.layer == layer:
            found = i
    return found


def value_scale(kind: str, values: np.ndarray) -> float:
    """Colour scale for a column: pre-activations by their size, the others at least [-1, 1]."""
    if kind == "input":
        return 1.0
    if kind == "affine":
        return style.nice_scale(values)
    return max(1.0, style.nice_scale(values))


@dataclass
class _Animation:
    kind: str  # "move" (pulses then fill), "recolour" (a -> z, a -> y)
    layer: int
    start: np.ndarray  # brush indices of the shown nodes at the start
    end: np.ndarray
    move_s: float
    fill_s: float
    t: float = 0.0


class NetworkView(pg.GraphicsView):
    """The layer graph of ``session.network`` showing ``session.stage`` of ``session.trace``."""

    node_hovered = Signal(int, int, object)  # layer, unit, QPoint in view coordinates
    node_left = Signal()
    node_clicked = Signal(int, int, object)
    display_changed = Signal()  # stage, sample or values shown changed (legend, header)
    playing_changed = Signal(bool)
    animation_finished = Signal()

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent, background=style.BACKGROUND)
        self.session = session
        self.setAntialiasing(True)
        self.setMinimumSize(480, 320)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.animations_enabled = True
        self.frames_painted = 0
        self._speed = 1.0
        self._playing = False
        self._anim: _Animation | None = None
        self._hold = 0.0
        self._shown_stage = session.stage
        self._layout: GraphLayout | None = None
        self._edges: dict[int, dict] = {}
        self._brush_idx: dict[int, np.ndarray] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(style.FRAME_MS)
        self._timer.timeout.connect(self._on_frame)
        self._clock = QElapsedTimer()
        self._last_ms = 0
        self._items: list = []
        # a ViewBox whose range is kept equal to its size in pixels: 1 unit = 1 pixel, y down
        self.view_box = pg.ViewBox(invertY=True, enableMenu=False, defaultPadding=0.0)
        self.view_box.setMouseEnabled(False, False)
        self.view_box.setAspectLocked(False)
        self.setCentralItem(self.view_box)
        self._build_items()
        self.viewport().installEventFilter(self)
        session.network_changed.connect(self._on_network_changed)
        session.dataset_changed.connect(self._on_network_changed)
        session.trace_changed.connect(self._on_trace_changed)
        session.stage_changed.connect(self._on_stage_changed)

    # ------------------------------------------------------------------ public, read
    @property
    def speed(self) -> float:
        return self._speed

    def set_speed(self, speed: float) -> None:
        self._speed = max(0.05, float(speed))

    @property
    def is_playing(self) -> bool:
        return self._playing

    @property
    def is_animating(self) -> bool:
        return self._anim is not None

    @property
    def graph_layout(self) -> GraphLayout | None:
        return self._layout

    def node_values(self, layer: int) -> np.ndarray | None:
        """Values the nodes of ``layer`` show at the current stage (None: not reached yet)."""
        trace = self.session.trace
        i = column_stage(trace, self._shown_stage, layer)
        if i is None:
            return None
        stage = trace.stages[i]
        if stage.kind == "affine" and layer < self.session.network.num_layers:
            return unit_preactivation(self.session.network, trace, layer)
        return stage.values

    def shown_stage_name(self, layer: int) -> str | None:
        i = column_stage(self.session.trace, self._shown_stage, layer)
        return None if i is None else self.session.trace.stages[i].name

    def legend_info(self) -> tuple[str, float, str]:
        """(name of the values just computed, their colour scale, stage kind)."""
        stage = self.session.trace.stages[self._shown_stage]
        values = self.node_values(stage.layer)
        return stage.name, value_scale(stage.kind, values), stage.kind

    def edge_count(self, layer: int | None = None) -> int:
        """How many edges are drawn (into ``layer``, or in total)."""
        layers = [layer] if layer is not None else list(self._edges)
        return sum(len(self._edges[l]["values"]) for l in layers if l in self._edges)

    def edge_item_count(self) -> int:
        return sum(len(items) for items in self._edge_items.values())

    def edge_items(self, layer: int) -> list[pg.PlotCurveItem]:
        return list(self._edge_items[layer].values())

    def node_positions(self, layer: int) -> tuple[np.ndarray, np.ndarray]:
        """(unit indices shown, their centres in pixels)."""
        col = self._layout.columns[layer]
        return col.shown, col.positions

    def node_brush_indices(self, layer: int) -> np.ndarray:
        return self._brush_idx.get(layer, np.zeros(0, dtype=np.intp))

    # ------------------------------------------------------------------ public, act
    def play(self) -> None:
        if self._playing:
            return
        if self.session.stage >= len(self.session.trace) - 1:
            self.session.set_stage(0)
        self._playing = True
        self._hold = style.HOLD_S  # step at once
        self._start_timer()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        if self._playing:
            self._playing = False
            self.playing_changed.emit(False)

    def toggle_play(self) -> None:
        self.pause() if self._playing else self.play()

    def finish_animation(self) -> None:
        """Jump to the end of the running animation."""
        if self._anim is not None:
            self._anim = None
            self._apply_static()
            self.animation_finished.emit()

    # ------------------------------------------------------------------ building
    def _clear_items(self) -> None:
        for item in self._items:
            self.view_box.removeItem(item)
        self._items = []

    def _add(self, item, z: float = 0.0):
        item.setZValue(z)
        self.view_box.addItem(item, ignoreBounds=True)
        self._items.append(item)
        return item

    def _text(self, anchor=(0.5, 0.0), z: float = 20.0, color: str = style.TEXT) -> pg.TextItem:
        item = pg.TextItem(color=color, anchor=anchor)
        item.setFont(style.ui_font())
        return self._add(item, z)

    def _build_items(self) -> None:
        self._clear_items()
        net = self.session.network
        L = net.num_layers
        self._edge_items: dict[int, dict] = {}
        self._edge_pens = {
            (s, b, state): style.edge_pen(s, b, state)
            for s, b in _EDGE_GROUPS
            for state in ("current", "past", "future")
        }
        for l in range(1, L + 1):
            self._edge_items[l] = {
                g: self._add(pg.PlotCurveItem(antialias=True, connect="pairs"), 1.0)
                for g in _EDGE_GROUPS
            }
        self._pulse_items = {
            g: self._add(
                pg.PlotCurveItem(antialias=True, connect="pairs", pen=style.pulse_pen(g[0], g[1])),
                5.0,
            )
            for g in _PULSE_GROUPS
        }
        self._image = self._add(pg.ImageItem(axisOrder="row-major"), 2.0)
        grey = np.linspace(255, 0, 256).astype(np.ubyte)
        self._image.setLookupTable(np.column_stack([grey, grey, grey]))
        self._image_frame = self._add(QGraphicsRectItem(), 3.0)
        frame_pen = QPen(QColor(style.NODE_OUTLINE), 1.0)
        frame_pen.setCosmetic(True)
        self._image_frame.setPen(frame_pen)
        self._node_items: dict[int, pg.ScatterPlotItem] = {}
        for l in range(0, L + 1):
            item = pg.ScatterPlotItem(
                pxMode=True, symbol="o", hoverable=True, tip=None, antialias=True
            )
            item.sigHovered.connect(lambda _it, pts, ev, l=l: self._on_points_hovered(l, pts, ev))
            item.sigClicked.connect(lambda _it, pts, ev, l=l: self._on_points_clicked(l, pts, ev))
            self._node_items[l] = self._add(item, 10.0)
        self._ring = self._add(pg.ScatterPlotItem(pxMode=True, symbol="o", antialias=True), 15.0)
        self._ring.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self._titles = {l: self._text() for l in range(L + 1)}
        self._footers = {l: self._text(color=style.MUTED) for l in range(L + 1)}
        self._ellipses = {l: self._text(anchor=(0.5, 0.5), color=style.MUTED) for l in range(L + 1)}
        n_out = net.sizes[-1]
        self._class_labels = [self._text(anchor=(0.0, 0.5)) for _ in range(n_out)]
        self._prob_labels = [self._text(anchor=(0.0, 0.5), color=style.MUTED) for _ in range(n_out)]
        self._bars = []
        for _ in range(n_out):
            bar = self._add(QGraphicsRectItem(), 4.0)
            bar.setPen(QPen(Qt.PenStyle.NoPen))
            self._bars.append(bar)
        self._bar_tracks = []
        for _ in range(n_out):
            track = self._add(QGraphicsRectItem(), 3.5)
            track.setPen(QPen(Qt.PenStyle.NoPen))
            track.setBrush(QBrush(QColor("#f1f3f5")))
            self._bar_tracks.append(track)
        self._hover_ring = self._add(
            pg.ScatterPlotItem(pxMode=True, symbol="o", antialias=True), 16.0
        )
        self._hover_ring.setBrush(QBrush(Qt.BrushStyle.NoBrush))
        self._hover_ring.setPen(style.node_pen(highlight=True))

    # ------------------------------------------------------------------ layout and data
    def resizeEvent(self, ev) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(ev)
        if hasattr(self, "_node_items"):  # pyqtgraph resizes once inside __init__
            self._relayout()

    def _relayout(self) -> None:
        size = self.viewport().size()
        w, h = max(size.width(), 1), max(size.height(), 1)
        self.view_box.setRange(xRange=(0, w), yRange=(0, h), padding=0.0, update=True)
        names = self.session.class_names()
        self._layout = compute_layout(
            self.session.network.sizes,
            w,
            h,
            label_chars=max((len(n) for n in names), default=1),
        )
        self._place_static()
        self._refresh()

    def _place_static(self) -> None:
        """Positions and texts that depend only on the layout and the network's shape."""
        lay = self._layout
        net = self.session.network
        L = net.num_layers
        act = net.activation.name
        for col in lay.columns:
            l = col.layer
            if l == 0:
                title = _tr("Input x")
                sub = (
                    _tr("{n} pixels ({s}×{s})").format(n=net.sizes[0], s=int(np.sqrt(net.sizes[0])))
                    if col.is_image
                    else _tr("{n} values").format(n=net.sizes[0])
                )
            elif l == L:
                title = _tr("Output y")
                sub = _tr("{n} classes · softmax").format(n=net.sizes[l])
            else:
                title = _tr("Hidden layer {l}").format(l=l)
                sub = _tr("{n} nodes · h = {h}").format(n=net.sizes[l], h=act)
            self._titles[l].setHtml(
                f'<div style="text-align:center"><b style="font-size:11pt">{title}</b><br>'
                f'<span style="color:{style.MUTED}">{sub}</span></div>'
            )
            self._titles[l].setPos(col.x, lay.title_y)
            self._footers[l].setPos(col.x, lay.footer_y)
            item = self._node_items[l]
            if col.is_image:
                item.setData([], [])
                left, top, side = col.image_rect
                self._image_frame.setRect(QRectF(left, top, side, side))
                self._image.setVisible(True)
                self._image_frame.setVisible(True)
            else:
                item.setData(
                    pos=col.positions,
                    size=col.node_size,
                    data=col.shown,
                )
                if l == 0:
                    self._image.setVisible(False)
                    self._image_frame.setVisible(False)
            if col.hidden_count:
                self._ellipses[l].setText(_tr("⋮ +{n}").format(n=col.hidden_count))
                self._ellipses[l].setPos(*col.ellipsis)
                self._ellipses[l].setVisible(True)
            else:
                self._ellipses[l].setVisible(False)
        out = lay.columns[-1]
        names = self.session.class_names()
        bar_h = max(4.0, min(lay.output_pitch * 0.5, 16.0))
        for k, (y, label) in enumerate(zip(out.positions[:, 1], self._class_labels, strict=False)):
            label.setText(names[k] if k < len(names) else str(k))
            label.setPos(lay.label_x, y)
            self._bar_tracks[k].setRect(QRectF(lay.bar_x, y - bar_h / 2, lay.bar_width, bar_h))
            self._prob_labels[k].setPos(lay.bar_x + lay.bar_width + 6, y)
        self._bar_h = bar_h

    def _refresh(self) -> None:
        """Recompute what depends on the trace (edges, pulses), then draw the current stage."""
        if self._layout is None:
            return
        self._compute_edges()
        x = self.session.trace["x"]
        col0 = self._layout.columns[0]
        if col0.is_image:
            side = int(round(np.sqrt(x.size)))
            self._image.setImage(x.reshape(side, side), levels=(0.0, 1.0), autoLevels=False)
            left, top, size = col0.image_rect
            self._image.setRect(QRectF(left, top, size, size))  # after setImage: scales by shape
        self._anim = None
        self._apply_static()

    def _compute_edges(self) -> None:
        net, trace, lay = self.session.network, self.session.trace, self._layout
        self._edges = {}
        for l in range(1, net.num_layers + 1):
            terms = contributions(net, trace, l)
            n_dst = terms.shape[1]
            k = int(np.clip(style.EDGE_BUDGET // max(n_dst, 1), 1, style.EDGES_PER_NODE_MAX))
            src, dst, val = strongest_incoming(terms, k)
            prev, cur = lay.columns[l - 1], lay.columns[l]
            keep = (src < len(prev.shown)) & (dst < len(cur.shown))
            src, dst, val = src[keep], dst[keep], val[keep]
            p0, p1 = prev.positions[src], cur.positions[dst]
            mag = np.abs(val)
            top = float(mag.max()) if mag.size else 1.0
            bucket = np.minimum((mag / top * 3).astype(np.intp), 2) if mag.size else mag
            self._edges[l] = {"p0": p0, "p1": p1, "values": val, "bucket": bucket}
            for (sign, b), item in self._edge_items[l].items():
                sel = ((val > 0) if sign > 0 else (val < 0)) & (bucket == b)
                xs = np.empty(2 * sel.sum())
                ys = np.empty_like(xs)
                xs[0::2], xs[1::2] = p0[sel, 0], p1[sel, 0]
                ys[0::2], ys[1::2] = p0[sel, 1], p1[sel, 1]
                item.setData(x=xs, y=ys, connect="pairs")
            order = np.argsort(-mag, kind="stable")[: style.PULSES_MAX]
            rank = np.linspace(0.0, 1.0, len(order)) if len(order) > 1 else np.zeros(len(order))
            self._edges[l]["pulses"] = {
                "p0": p0[order],
                "p1": p1[order],
                "sign": np.sign(val[order]),
                "strong": rank < 0.35,
                "delay": rank * _PULSE_STAGGER,
            }

    def _column_indices(self, layer: int, stage: int) -> np.ndarray | None:
        trace = self.session.trace
        i = column_stage(trace, stage, layer)
        if i is None:
            return None
        kind = trace.stages[i].kind
        if kind == "affine" and layer < self.session.network.num_layers:
            values = unit_preactivation(self.session.network, trace, layer)
        else:
            values = trace.stages[i].values
        shown = self._layout.columns[layer].shown
        return style.scale_indices(values[shown], value_scale(kind, values))

    def _apply_static(self) -> None:
        """Draw the current stage without animation."""
        lay = self._layout
        if lay is None:
            return
        stage = self._shown_stage
        L = self.session.network.num_layers
        brushes = style.value_brushes()
        empty = QBrush(QColor(style.EMPTY_NODE))
        for col in lay.columns:
            l = col.layer
            name = self.shown_stage_name(l)
            self._footers[l].setHtml(
                f'<span style="color:{style.MUTED}">'
                + (_tr("shows <b>{name}</b>").format(name=name) if name else _tr("not reached yet"))
                + "</span>"
            )
            if col.is_image:
                continue
            idx = self._column_indices(l, stage)
            item = self._node_items[l]
            if idx is None:
                self._brush_idx[l] = np.full(len(col.shown), -1, dtype=np.intp)
                item.setBrush(empty)
                item.setPen(self._faint_pen())
            else:
                self._brush_idx[l] = idx
                item.setBrush([brushes[i] for i in idx])
                item.setPen(style.node_pen())
        for l in range(1, L + 1):
            a_stage = 2 * l - 1
            state = "future" if stage < a_stage else "current" if stage == a_stage else "past"
            for g, item in self._edge_items[l].items():
                item.setPen(self._edge_pens[(g[0], g[1], state)])
        for item in self._pulse_items.values():
            item.setData([], [])
        self._draw_outputs(1.0)
        self._place_ring()
        self.display_changed.emit()

    def _faint_pen(self) -> QPen:
        pen = QPen(QColor(style.GRID), 1.0)
        pen.setCosmetic(True)
        return pen

    def _draw_outputs(self, grow: float) -> None:
        """Probability bars and numbers beside the output nodes (``grow`` in [0, 1])."""
        trace = self.session.trace
        name = self.shown_stage_name(self.session.network.num_layers)
        values = trace[name] if name else None
        best = int(np.argmax(trace["y"]))
        lay = self._layout
        for k, (bar, text) in enumerate(zip(self._bars, self._prob_labels, strict=False)):
            y = lay.columns[-1].positions[k, 1]
            if name == "y":
                p = float(values[k])
                bar.setRect(
                    QRectF(lay.bar_x, y - self._bar_h / 2, lay.bar_width * p * grow, self._bar_h)
                )
                bar.setBrush(QBrush(QColor(style.BAR_BEST if k == best else style.BAR)))
                text.setText(f"{100 * p:.1f} %")
                text.setColor(QColor(style.TEXT if k == best else style.MUTED))
            else:
                bar.setRect(QRectF())
                text.setText(f"{name} = {style.format_number(values[k])}" if name else "")
                text.setColor(QColor(style.MUTED))
            self._class_labels[k].setColor(QColor(style.TEXT))

    def _place_ring(self) -> None:
        """Ring the predicted class once the output probabilities are shown."""
        lay = self._layout
        if self.shown_stage_name(self.session.network.num_layers) != "y":
            self._ring.setData([], [])
            return
        best = self.session.prediction
        label = self.session.label
        colour = (
            style.HIGHLIGHT if label is None else style.CORRECT if best == label else style.WRONG
        )
        pen = QPen(QColor(colour), 3.0)
        pen.setCosmetic(True)
        col = lay.columns[-1]
        self._ring.setData(pos=col.positions[best : best + 1], size=col.node_size + 10, pen=pen)

    # ------------------------------------------------------------------ animation
    def _start_timer(self) -> None:
        if not self._timer.isActive():
            self._clock.start()
            self._last_ms = 0
            self._timer.start()

    def _start_animation(self, stage: int) -> None:
        trace = self.session.trace
        st = trace.stages[stage]
        layer = st.layer
        col = self._layout.columns[layer]
        end = self._brush_idx[layer].copy()
        if st.kind == "affine":
            start = np.full_like(end, (style.SCALE_STEPS - 1) // 2)
            self._anim = _Animation("move", layer, start, end, style.LAYER_MOVE_S, style.FILL_S)
            self._node_items[layer].setBrush(QBrush(QColor(style.EMPTY_NODE)))
            self._node_items[layer].setPen(self._faint_pen())
        else:
            start = self._column_indices(layer, stage - 1)
            if start is None or len(start) != len(col.shown):
                return
            self._anim = _Animation("recolour", layer, start, end, 0.0, style.ACTIVATION_S)
            self._set_brushes(layer, start)
        if st.kind == "softmax":
            self._draw_outputs(0.0)
            self._ring.setData([], [])
        self._start_timer()

    def _set_brushes(self, layer: int, idx: np.ndarray) -> None:
        brushes = style.value_brushes()
        self._node_items[layer].setBrush([brushes[i] for i in idx])

    def _on_frame(self) -> None:
        now = self._clock.elapsed()
        dt = (now - self._last_ms) / 1000.0
        self._last_ms = now
        if self._anim is not None:
            a = self._anim
            a.t += dt * self._speed
            self._draw_animation(a)
            if a.t >= a.move_s + a.fill_s:
                self._anim = None
                self._apply_static()
                self._hold = 0.0
                self.animation_finished.emit()
        elif self._playing:
            self._hold += dt * self._speed
            if self._hold >= style.HOLD_S:
                if self.session.stage < len(self.session.trace) - 1:
                    self.session.set_stage(self.session.stage + 1)
                else:
                    self.pause()
        if self._anim is None and not self._playing:
            self._timer.stop()

    def _draw_animation(self, a: _Animation) -> None:
        if a.kind == "move" and a.t < a.move_s:
            self._draw_pulses(a.layer, a.t / a.move_s)
            return
        if a.kind == "move":
            for item in self._pulse_items.values():
                item.setData([], [])
            self._node_items[a.layer].setPen(style.node_pen())
        f = min(1.0, (a.t - a.move_s) / a.fill_s) if a.fill_s > 0 else 1.0
        idx = np.rint(a.start + (a.end - a.start) * f).astype(np.intp)
        self._set_brushes(a.layer, idx)
        if a.layer == self.session.network.num_layers and self.shown_stage_name(a.layer) == "y":
            self._draw_outputs(f)

    def _draw_pulses(self, layer: int, progress: float) -> None:
        p = self._edges[layer]["pulses"]
        t = np.clip((progress - p["delay"]) / (1.0 - _PULSE_STAGGER), 0.0, 1.0)
        tail = np.clip(t - style.PULSE_LENGTH, 0.0, 1.0)
        moving = (t > 0) & (t < 1)
        d = p["p1"] - p["p0"]
        head = p["p0"] + d * t[:, None]
        back = p["p0"] + d * tail[:, None]
        for (sign, strong), item in self._pulse_items.items():
            sel = moving & (p["sign"] == sign) & (p["strong"] == strong)
            xs = np.empty(2 * sel.sum())
            ys = np.empty_like(xs)
            xs[0::2], xs[1::2] = back[sel, 0], head[sel, 0]
            ys[0::2], ys[1::2] = back[sel, 1], head[sel, 1]
            item.setData(x=xs, y=ys, connect="pairs")

    # ------------------------------------------------------------------ session
    def _on_network_changed(self) -> None:
        self._anim = None
        self._shown_stage = self.session.stage
        self._build_items()
        self._relayout()

    def _on_trace_changed(self) -> None:
        self._shown_stage = self.session.stage
        self._refresh()

    def _on_stage_changed(self, stage: int) -> None:
        old, self._shown_stage = self._shown_stage, stage
        self._anim = None
        self._apply_static()
        if self.animations_enabled and stage == old + 1 and self.isVisible():
            self._start_animation(stage)

    # ------------------------------------------------------------------ hover
    def _on_points_hovered(self, layer: int, points, ev) -> None:
        if len(points) == 0:
            self._hover_ring.setData([], [])
            self.node_left.emit()
            return
        point = points[0]
        unit = int(point.data())
        col = self._layout.columns[layer]
        self._hover_ring.setData(pos=[point.pos()], size=col.node_size + 6)
        self.node_hovered.emit(
            layer, unit, self.mapFromScene(self.view_box.mapViewToScene(point.pos()))
        )

    def _on_points_clicked(self, layer: int, points, ev) -> None:
        if len(points):
            unit = int(points[0].data())
            self.node_clicked.emit(
                layer, unit, self.mapFromScene(self.view_box.mapViewToScene(points[0].pos()))
            )

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt)
        if obj is self.viewport() and event.type() == QEvent.Type.Paint:
            self.frames_painted += 1
        return super().eventFilter(obj, event)
