"""What each column of the layer graph shows at a stage of the forward trace, and on what scale.

Read-only views of ``session.trace`` (the maths is in the core): the NetworkView colours its
nodes with them, the legend and the tests read them.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.contributions import unit_preactivation
from nnviz.core.network import Network
from nnviz.core.trace import Kind, Trace
from nnviz.gui import style

# the stages that colour a column of nodes (the input, a_l, z_l, y)
_COLUMN_KINDS = frozenset({Kind.INPUT, Kind.AFFINE, Kind.ACTIVATION, Kind.OUTPUT})


def column_stage(trace: Trace, stage: int, layer: int) -> int | None:
    """Position of the latest forward stage up to position ``stage`` that gives layer ``layer``
    its values (None: the signal has not reached that layer yet)."""
    found = None
    for i, s in enumerate(trace.stages[: stage + 1]):
        if s.layer == layer and s.kind in _COLUMN_KINDS:
            found = i
    return found


def value_scale(kind: Kind, values: np.ndarray) -> float:
    """Colour scale for a column: pre-activations by their size, the others at least [-1, 1]."""
    if kind is Kind.INPUT:
        return 1.0
    if kind is Kind.AFFINE:
        return style.nice_scale(values)
    return max(1.0, style.nice_scale(values))


def column_values(
    network: Network, trace: Trace, stage: int, layer: int
) -> tuple[Kind, np.ndarray] | None:
    """(stage kind, values) the nodes of ``layer`` show at ``stage`` (None: not reached yet);
    a hidden layer's pre-activations are one per unit (Maxout: the winning piece's)."""
    i = column_stage(trace, stage, layer)
    if i is None:
        return None
    st = trace.stages[i]
    if st.kind is Kind.AFFINE and layer < network.num_layers:
        return st.kind, unit_preactivation(network, trace, layer)
    return st.kind, st.values
