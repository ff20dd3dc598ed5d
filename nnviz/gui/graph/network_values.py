"""What each column of the layer graph shows at a stage of the trace, and on what scale.

Forward, a column shows the latest of x, a_l, z_l, y that the signal has reached. Backward, a
hidden column shows the gradient once it has come back to it (dE/dz_l, then dE/da_l); until then
it is blank, and the output column shows y (at E) and then dE/da_L = y - t.

Read-only views of ``session.trace`` (the maths is in the core): the NetworkView colours its
nodes with them, the legend and the tests read them.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.contributions import unit_columns, unit_preactivation
from nnviz.core.network import Network
from nnviz.core.trace import Direction, Kind, Trace
from nnviz.gui import style

# the stages that colour a column of nodes forward (the input, a_l, z_l, y) and backward
_COLUMN_KINDS = frozenset({Kind.INPUT, Kind.AFFINE, Kind.ACTIVATION, Kind.OUTPUT})
_GRADIENT_KINDS = frozenset({Kind.LOSS_GRADIENT, Kind.SIGNAL_GRADIENT, Kind.DELTA})
# per-unit values of these kinds: for Maxout, the winning piece's column
_PER_PIECE = frozenset({Kind.AFFINE, Kind.DELTA})


def _latest(trace: Trace, stage: int, layer: int, kinds: frozenset[Kind]) -> int | None:
    found = None
    for i, s in enumerate(trace.stages[: stage + 1]):
        if s.layer == layer and s.kind in kinds:
            found = i
    return found


def column_stage(trace: Trace, stage: int, layer: int) -> int | None:
    """Position of the stage up to position ``stage`` that gives layer ``layer`` its values
    (None: the signal, or the gradient, has not reached that layer yet)."""
    if trace.stages[stage].direction is Direction.FORWARD or layer == 0:
        return _latest(trace, stage, layer, _COLUMN_KINDS)  # the input image stays as it is
    found = _latest(trace, stage, layer, _GRADIENT_KINDS)
    if found is None and trace.stages[stage].kind is Kind.LOSS:
        output = trace.index(Kind.OUTPUT)  # the loss compares y with the label
        found = output if trace.stages[output].layer == layer else None
    return found


def is_gradient(kind: Kind) -> bool:
    return kind in _GRADIENT_KINDS


def value_scale(kind: Kind, values: np.ndarray) -> float:
    """Colour scale for a column: pre-activations and gradients by their size, the others at
    least [-1, 1]."""
    if kind is Kind.INPUT:
        return 1.0
    if kind is Kind.AFFINE or kind in _GRADIENT_KINDS:
        return style.nice_scale(values)
    return max(1.0, style.nice_scale(values))


def column_values(
    network: Network, trace: Trace, stage: int, layer: int
) -> tuple[Kind, np.ndarray] | None:
    """(stage kind, values) the nodes of ``layer`` show at ``stage`` (None: not reached yet);
    a hidden layer's pre-activations and deltas are one per unit (Maxout: the winning piece's)."""
    i = column_stage(trace, stage, layer)
    if i is None:
        return None
    st = trace.stages[i]
    if st.kind in _PER_PIECE and layer < network.num_layers:
        if st.kind is Kind.AFFINE:
            return st.kind, unit_preactivation(network, trace, layer)
        return st.kind, st.values[unit_columns(network, trace, layer)]
    return st.kind, st.values
