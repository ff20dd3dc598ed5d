"""The layer graph at the window's centre and stepping the forward pass through it: the network
view (edges, node columns, output bars, pulses), its layout and animation, the stage header
above it, the legend and step controls below it, and the node pop-up.

May import the core, Qt, pyqtgraph and the GUI's bottom layer (``session``, ``style``, ``i18n``,
``visibility``); never another feature package nor the window.
"""
