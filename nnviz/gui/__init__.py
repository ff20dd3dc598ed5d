"""Everything of nnviz that imports Qt or pyqtgraph."""

from __future__ import annotations

from nnviz.gui import _pyside_refcount

_pyside_refcount.apply()  # must run before any signal is emitted (see the module)
