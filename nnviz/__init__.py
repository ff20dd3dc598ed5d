"""nnviz: see a neural network learn (Deep Learning from Scratch, chapters 3-4)."""

from __future__ import annotations

__version__ = "0.1.0"
