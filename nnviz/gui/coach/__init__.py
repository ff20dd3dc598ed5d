"""The training coach in the window: the Diagnostics tab (per-layer gradient size, update-to-
weight ratio, inactive and saturated units, weight histograms against the start, all read from
the newest run's record and following the step the window shows) and the hints beside it, each
with Apply and Why?.

May import the core, Qt, pyqtgraph and the GUI's bottom layer (``session``, ``style``, ``i18n``,
``visibility``); never another feature package nor the window. The window connects a hint's
Apply to the training settings and the run's progress to the hints (``training_docks``).
"""
