"""Everything of nnviz that imports Qt or pyqtgraph."""

from __future__ import annotations
