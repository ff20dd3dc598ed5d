"""The explorers of the functions the network uses: the activation functions with their
derivatives, parameters and the current layer's own values on them, and softmax with the two
losses for the digit shown.

May import the core, Qt, pyqtgraph and the GUI's bottom layer (``session``, ``style``, ``i18n``,
``visibility``); never another feature package nor the window.
"""
