"""What the network has learnt: the test set's confusion matrix and misclassified digits after an
evaluation, and the first-layer weights drawn as images.

May import the core, Qt, pyqtgraph and the GUI's bottom layer (``session``, ``style``, ``i18n``,
``visibility``); never another feature package nor the window.
"""
