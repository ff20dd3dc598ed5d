"""What each column of the layer graph shows at a stage of the forward trace, and on what scale.

Read-only views of ``session.trace`` (the maths is in the core): the NetworkView colours its
nodes with them, the legend and the tests read them.
"""

from __future__ import annotations

import numpy as np

from nnviz.core.contributions import unit_preactivation
from nnviz.core.network import Network
from nnviz.gui import style


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


def column_values(network: Network, trace, stage: int, layer: int) -> tuple[str, np.ndarray] | None:
    """(stage kind, values) the nodes of ``layer`` show at ``stage`` (None: not reached yet);
    a hidden layer's pre-activations are one per unit (Maxout: the winning piece's)."""
    i = column_stage(trace, stage, layer)
    if i is None:
        return None
    st = trace.stages[i]
    if st.kind == "affine" and layer < network.num_layers:
        return st.kind, unit_preactivation(network, trace, layer)
    return st.kind, st.values
