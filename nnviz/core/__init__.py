"""The Qt-free NumPy core of nnviz: activations, losses, network, optimizers, data, training."""

from __future__ import annotations
