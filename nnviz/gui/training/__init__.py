"""Training the network live: the form of hyperparameters, the panel with Start / Pause / Step /
Stop / Reset and its progress, the worker thread that runs the core's trainer, and the loss and
accuracy curves of the runs.

May import the core, Qt, pyqtgraph and the GUI's bottom layer (``session``, ``style``, ``i18n``,
``visibility``); never another feature package nor the window. The window feeds other features
from a run (``connect_training``).
"""
