"""The Landscape tab: the loss over a plane through a run's final weights, the path the weights
took across it, and the straight line from the first weights to the last.

Owns its panel, its plots (which ``nnviz landscape --out`` also draws, through the app layer)
and the worker that computes a landscape with progress and Cancel. Reads the Session (the runs,
the step shown) and calls its setters; the maths is ``nnviz.core.landscape``. Imports no other
feature.
"""
