"""The layer graph: the input image, columns of nodes, the strongest edges, and the animated
forward pass from the input to the output.

The view replays ``session.trace``: it does no maths per frame. Everything drawn is a fixed set of
long-lived items updated with ``setData`` (network_items.py: one edge item per pair of layers
drawing six pens, four pulse items, the output column; network_nodes.py: one scatter item of
nodes per layer). network_animation.py keeps the time of the animation and of play mode.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPen, QPixmapCache
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem

from nnviz.core.contributions import contributions, strongest_incoming
from nnviz.core.learning import gradient_terms
from nnviz.core.trace import Direction, Kind, Stage
from nnviz.gui import style
from nnviz.gui.graph.column_labels import ColumnLabels
from nnviz.gui.graph.network_animation import ForwardPlayer, NodeAnimation
from nnviz.gui.graph.network_items import EdgeLayer, OutputColumn, PulseLayer
from nnviz.gui.graph.network_layout import GraphLayout, compute_layout
from nnviz.gui.graph.network_nodes import NodeColumns
from nnviz.gui.graph.network_values import (
    column_stage,
    column_values,
    is_gradient,
    value_scale,
)
from nnviz.gui.session import Session

# the edge items' pixmap caches (a few MB each) must fit in Qt's pixmap cache, 10 MB by
# default, or they are evicted and stroked again on every animation frame
_PIXMAP_CACHE_KB = 128 * 1024
# after the last live weight update, redraw the edges antialiased (25-35 ms): longer than any
# gap between training snapshots (an evaluation included), so it happens once training stops
_DRAFT_SETTLE_MS = 1000

# stages that animate their column: the signal arriving (a), the activation (z), softmax (y),
# and backward the gradient arriving (dE/dz), through the activation (dE/da), at the output
_ANIMATED = frozenset(
    {
        Kind.AFFINE,
        Kind.ACTIVATION,
        Kind.OUTPUT,
        Kind.LOSS_GRADIENT,
        Kind.SIGNAL_GRADIENT,
        Kind.DELTA,
    }
)


class _InputImage(pg.ImageItem):
    """The input digit's image; a left click on it calls ``on_click`` (the window opens the
    pixel view then)."""

    def __init__(self, on_click) -> None:
        super().__init__(axisOrder="row-major")
        self._on_click = on_click
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 (pyqtgraph)
        if ev.button() == Qt.MouseButton.LeftButton:
            ev.accept()
            self._on_click()


class NetworkView(pg.GraphicsView):
    """The layer graph of ``session.network`` showing ``session.stage`` of ``session.trace``."""

    node_hovered = Signal(int, int, object)  # layer, unit, QPoint in view coordinates
    node_left = Signal()
    node_clicked = Signal(int, int, object)
    display_changed = Signal()  # stage, sample or values shown changed (legend)
    animation_finished = Signal()
    input_clicked = Signal()  # the input image was clicked (the window shows its pixels)
    # pyqtgraph's __init__ resizes the view before ours has made the items: nothing to lay out
    _built = False

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent, background=style.BACKGROUND)
        self.session = session
        self.setAntialiasing(True)
        # with the header, the controls, the Learning tabs under it and the lesson beside it, fits
        # a 1280 x 720 screen
        # with a title bar and a task bar (a window at most 680 px high)
        self.setMinimumSize(480, 186)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.animations_enabled = True
        self.frames_painted = 0
        self._shown_stage = session.stage_index
        self._edges_backward = False  # the edges drawn are dE/dw (backward) or w·x (forward)
        self.graph_layout: GraphLayout | None = None  # laid out on the first resize
        # colour index (into style.value_brushes) of each shown node at the current stage, as
        # any animation will end; -1: not reached yet
        self.brush_indices: dict[int, np.ndarray] = {}
        self.player = ForwardPlayer(session, self._draw_animation, self._apply_static, self)
        self.player.animation_finished.connect(self.animation_finished)
        # while weights stream in (live training) edges are drawn without antialiasing
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(_DRAFT_SETTLE_MS)
        self._draft_timer.timeout.connect(self._on_draft_settled)
        self._items: list = []
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), _PIXMAP_CACHE_KB))
        # a ViewBox whose range is kept equal to its size in pixels: 1 unit = 1 pixel, y down
        self.view_box = pg.ViewBox(invertY=True, enableMenu=False, defaultPadding=0.0)
        self.view_box.setMouseEnabled(False, False)
        self.setCentralItem(self.view_box)
        self._build_items()
        for signal, slot in self._session_slots():
            signal.connect(slot)
        self._built = True

    # ------------------------------------------------------------------ public, read
    def node_values(self, layer: int) -> np.ndarray | None:
        """Values the nodes of ``layer`` show at the current stage (None: not reached yet)."""
        shown = column_values(self.session.network, self.session.trace, self._shown_stage, layer)
        return None if shown is None else shown[1]

    def shown_column_stage(self, layer: int) -> Stage | None:
        """The stage whose values the nodes of ``layer`` show now (None: not reached yet)."""
        i = column_stage(self.session.trace, self._shown_stage, layer)
        return None if i is None else self.session.trace.stages[i]

    def shown_stage_name(self, layer: int) -> str | None:
        stage = self.shown_column_stage(layer)
        return None if stage is None else stage.name

    def legend_info(self) -> tuple[str, float, Kind, bool]:
        """(name of the values just computed, their colour scale, stage kind, whether they are
        all >= 0: sigmoid and ReLU outputs and probabilities use only the upper half)."""
        current = self.session.trace.stages[self._shown_stage]
        stage = self.shown_column_stage(current.layer) or current
        values = self.node_values(stage.layer)
        if values is None:
            values = np.zeros(0)
        signed = stage.kind is Kind.AFFINE or is_gradient(stage.kind)
        one_sided = not signed and values.size > 0 and float(values.min()) >= 0
        return stage.name, value_scale(stage.kind, values), stage.kind, one_sided

    @staticmethod
    def animates(kind: Kind) -> bool:
        """Whether stepping into a stage of ``kind`` animates (the other stages draw at once)."""
        return kind in _ANIMATED

    @property
    def edges_show_gradients(self) -> bool:
        """True at backward stages: edges are the largest |dE/dw|, not the largest |w·x|."""
        return self._edges_backward

    # ------------------------------------------------------------------ public, act
    def finish_animation(self) -> None:
        """Jump to the end of the running animation."""
        self.player.finish()

    # ------------------------------------------------------------------ building
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
        for item in self._items:
            self.view_box.removeItem(item)
        self._items = []
        net = self.session.network
        L = net.num_layers
        self.edge_layers = {l: EdgeLayer(self._add) for l in range(1, L + 1)}
        self.pulses = PulseLayer(self._add)
        self._image = self._add(_InputImage(self.input_clicked.emit), 2.0)
        self._image_input: np.ndarray | None = None  # the Session's input the image shows
        # the input changes with the sample, not with live weights: blitted on their repaints
        self._image.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        grey = np.linspace(255, 0, 256).astype(np.ubyte)  # 0 = paper (white), 1 = ink (black)
        self._image.setLookupTable(np.column_stack([grey, grey, grey]))
        self._image_frame = self._add(QGraphicsRectItem(), 3.0)
        frame_pen = QPen(QColor(style.NODE_OUTLINE), 1.0)
        frame_pen.setCosmetic(True)
        self._image_frame.setPen(frame_pen)
        self.nodes = NodeColumns(self._add, L + 1, self._on_points_hovered, self._on_points_clicked)
        self.labels = ColumnLabels(self._text, L + 1)
        self.output = OutputColumn(self._add, self._text, net.sizes[-1])

    # ------------------------------------------------------------------ layout and data
    def resizeEvent(self, ev) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(ev)
        # pyqtgraph resizes once inside __init__ (no items yet) and once while closing (items gone)
        if self._built and not self.closed:
            self._relayout()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt)
        # the column titles and footers are graphics items, which get no LanguageChange event
        ready = self._built and self.graph_layout is not None and not self.closed
        if event.type() == QEvent.Type.LanguageChange and ready:
            self._relayout()  # titles are fitted to the columns again: their widths changed
        super().changeEvent(event)

    def close(self) -> bool:
        if self.closed:  # closed before: the slots are disconnected already
            return super().close()
        self.player.stop()
        self._draft_timer.stop()
        for signal, slot in self._session_slots():
            signal.disconnect(slot)
        return super().close()

    def _session_slots(self):
        s = self.session
        return [
            (s.network_changed, self._on_network_changed),
            (s.dataset_changed, self._on_network_changed),
            (s.trace_changed, self._on_trace_changed),
            (s.params_changed, self._on_params_changed),
            (s.stage_changed, self._on_stage_changed),
        ]

    def _relayout(self) -> None:
        size = self.viewport().size()
        w, h = max(size.width(), 1), max(size.height(), 1)
        self.view_box.setRange(xRange=(0, w), yRange=(0, h), padding=0.0, update=True)
        names = self.session.class_names()
        self.graph_layout = compute_layout(
            self.session.network.sizes, w, h, label_chars=max((len(n) for n in names), default=1)
        )
        self._place_static()
        self._refresh()

    def _place_static(self) -> None:
        """Positions and texts that depend only on the layout and the network's shape."""
        lay = self.graph_layout
        net = self.session.network
        self.labels.place(net, lay)
        for col in lay.columns:
            self.nodes.place(col)
            if col.is_image:
                left, top, side = col.image_rect
                self._image_frame.setRect(QRectF(left, top, side, side))
                self._image.setToolTip(self.tr("Click to see this digit's pixel values (0-255)"))
            if col.layer == 0:
                self._image.setVisible(col.is_image)
                self._image_frame.setVisible(col.is_image)
        self.nodes.forget_reached()
        self.output.place(lay, self.session.class_names())

    def _refresh(self) -> None:
        """Recompute what depends on the trace (edges, pulses), then draw the current stage."""
        if self.graph_layout is None:
            return
        self._compute_edges()
        x = self.session.trace.values(Kind.INPUT)
        col0 = self.graph_layout.columns[0]
        if col0.is_image:
            if self._image_input is not self.session.x:  # new weights leave the input as it is
                side = int(round(np.sqrt(x.size)))
                self._image.setImage(x.reshape(side, side), levels=(0.0, 1.0), autoLevels=False)
                self._image_input = self.session.x
            left, top, size = col0.image_rect
            self._image.setRect(QRectF(left, top, size, size))  # after setImage: scales by shape
        running = self.player.cancel()
        self._apply_static()
        if running is not None:  # a resize or new weights mid-animation: carry on from there
            self._start_animation(self._shown_stage, at=running.t)

    def _compute_edges(self) -> None:
        """Forward: the strongest w·x terms into each node; backward: the largest |dE/dw| into
        each node (pulses then run from the node back to the input of that weight). As
        segments between node centres."""
        net, trace, lay = self.session.network, self.session.trace, self.graph_layout
        backward = trace.stages[self._shown_stage].direction is Direction.BACKWARD
        self._edges_backward = backward
        for l, edges in self.edge_layers.items():
            terms = (
                gradient_terms(net, trace, trace, l) if backward else contributions(net, trace, l)
            )
            k = int(
                np.clip(style.EDGE_BUDGET // max(terms.shape[1], 1), 1, style.EDGES_PER_NODE_MAX)
            )
            src, dst, val = strongest_incoming(terms, k)
            prev, cur = lay.columns[l - 1], lay.columns[l]
            keep = (src < len(prev.shown)) & (dst < len(cur.shown))  # nodes behind the ellipsis
            src, dst, val = src[keep], dst[keep], val[keep]
            p0, p1 = prev.positions[src], cur.positions[dst]
            edges.set_edges(p0, p1, val)
            if backward:  # the gradient travels from the node back along its input edges
                self.pulses.set_paths(l, p1, p0, val)
            else:
                self.pulses.set_paths(l, p0, p1, val)

    def _column_indices(self, layer: int, stage: int) -> np.ndarray | None:
        shown = column_values(self.session.network, self.session.trace, stage, layer)
        if shown is None:
            return None
        kind, values = shown
        units = self.graph_layout.columns[layer].shown
        return style.scale_indices(values[units], value_scale(kind, values))

    def _apply_static(self) -> None:
        """Draw the current stage without animation."""
        lay = self.graph_layout
        if lay is None:
            return
        stage = self._shown_stage
        for col in lay.columns:
            l = col.layer
            name = self.shown_stage_name(l)
            self.labels.set_footer(l, name)
            if col.is_image:
                continue
            idx = self._column_indices(l, stage)
            if idx is None:
                self.brush_indices[l] = np.full(len(col.shown), -1, dtype=np.intp)
                self.nodes.set_empty(l)
            else:
                self.brush_indices[l] = idx
                self.nodes.set_brushes(l, idx)
            self.nodes.set_reached(l, idx is not None)
        trace = self.session.trace
        backward = trace.stages[stage].direction is Direction.BACKWARD
        for l, edges in self.edge_layers.items():
            if backward:  # an edge's gradient is known from dE/dW_l on, and used by ΔW_l
                reached = trace.index(Kind.WEIGHT_GRADIENT, l)
                now = stage in (reached, trace.index(Kind.UPDATE, l))
            else:
                reached = trace.index(Kind.AFFINE, l)
                now = stage == reached
            edges.set_state("future" if stage < reached else "current" if now else "past")
        self.pulses.clear()
        out = self.shown_column_stage(self.session.network.num_layers)
        at_loss = trace.stages[stage].kind is Kind.LOSS
        self.output.draw(
            *((out.name, out.values) if out is not None else (None, None)),
            target=self.session.label if at_loss else None,
        )
        self._place_ring(out)
        self.display_changed.emit()

    def _place_ring(self, output: Stage | None) -> None:
        """Ring the predicted class (green: right, red: wrong) once the probabilities show."""
        if output is None or output.kind is not Kind.OUTPUT:
            self.output.set_ring(None)
            return
        best, label = self.session.prediction, self.session.label
        colour = (
            style.HIGHLIGHT if label is None else style.CORRECT if best == label else style.WRONG
        )
        self.output.set_ring(best, colour)

    # ------------------------------------------------------------------ animation
    def _start_animation(self, stage: int, at: float = 0.0) -> None:
        """Animate the nodes into ``stage`` from time ``at`` (seconds at speed 1) on."""
        st = self.session.trace.stages[stage]
        layer = st.layer
        if st.kind not in _ANIMATED or layer not in self.brush_indices:
            return
        end = self.brush_indices[layer].copy()
        if st.kind in (Kind.AFFINE, Kind.SIGNAL_GRADIENT):
            # the signal moves along the edges into the layer, the gradient back out of the
            # layer above: pulses first, then the nodes fill
            pulses = layer if st.kind is Kind.AFFINE else layer + 1
            start = np.full_like(end, (style.SCALE_STEPS - 1) // 2)  # white: 0
            anim = NodeAnimation(
                "move",
                layer,
                start,
                end,
                style.LAYER_MOVE_S,
                style.FILL_S,
                t=at,
                pulse_layer=pulses,
            )
            self.nodes.set_empty(layer)
            self.nodes.set_reached(layer, False)
        else:
            start = self._column_indices(layer, stage - 1)
            if start is None or len(start) != len(end):
                return
            anim = NodeAnimation("recolour", layer, start, end, 0.0, style.ACTIVATION_S, t=at)
            self.nodes.set_brushes(layer, start)
        if st.kind is Kind.OUTPUT:
            self.output.draw(st.name, st.values, grow=0.0)
            self.output.set_ring(None)
        self.player.start(anim)

    def _draw_animation(self, a: NodeAnimation) -> None:
        """One frame of ``a`` (the player advanced its time)."""
        if a.kind == "move" and a.t < a.move_s:
            self.pulses.draw(a.layer if a.pulse_layer is None else a.pulse_layer, a.t / a.move_s)
            return
        if a.kind == "move":
            self.pulses.clear()
            self.nodes.set_reached(a.layer, True)
        f = min(1.0, (a.t - a.move_s) / a.fill_s) if a.fill_s > 0 else 1.0
        self.nodes.set_brushes(a.layer, np.rint(a.start + (a.end - a.start) * f).astype(np.intp))
        shown = self.shown_column_stage(a.layer)
        if shown is not None and shown.kind is Kind.OUTPUT:
            self.output.draw(shown.name, shown.values, grow=f)

    # ------------------------------------------------------------------ session
    def _on_network_changed(self) -> None:
        self.player.cancel()
        self._shown_stage = self.session.stage_index
        self._build_items()
        self._relayout()

    def _on_params_changed(self) -> None:
        for edges in self.edge_layers.values():
            edges.set_antialias(False)
        self._draft_timer.start()

    def _on_draft_settled(self) -> None:
        for edges in self.edge_layers.values():
            edges.set_antialias(True)

    def _on_trace_changed(self) -> None:
        self._shown_stage = self.session.stage_index
        self._refresh()

    def _on_stage_changed(self, stage: int) -> None:
        if stage == self._shown_stage:  # drawn already, by the trace's redraw (Session.batch)
            return
        old, self._shown_stage = self._shown_stage, stage
        self.player.cancel()
        backward = self.session.trace.stages[stage].direction is Direction.BACKWARD
        if self.graph_layout is not None and backward != self._edges_backward:
            self._compute_edges()  # w·x forward, dE/dw backward
        self._apply_static()
        if self.animations_enabled and stage == old + 1 and self.isVisible():
            self._start_animation(stage)

    # ------------------------------------------------------------------ hover
    def _view_point(self, pos):
        return self.mapFromScene(self.view_box.mapViewToScene(pos))

    def _on_points_hovered(self, layer: int, points) -> None:
        if len(points) == 0:
            self.nodes.hide_ring()
            self.node_left.emit()
            return
        point = points[0]
        col = self.graph_layout.columns[layer]
        self.nodes.show_ring(point.pos(), col.node_size + 6)
        self.node_hovered.emit(layer, int(point.data()), self._view_point(point.pos()))

    def _on_points_clicked(self, layer: int, points) -> None:
        if len(points):
            point = points[0]
            self.node_clicked.emit(layer, int(point.data()), self._view_point(point.pos()))

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt: the viewport's paint events)
        self.frames_painted += 1
        super().paintEvent(event)
