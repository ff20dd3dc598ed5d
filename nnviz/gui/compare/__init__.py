"""Comparing two runs at the same step: their accuracy curves overlaid with one cursor, the two
networks' answers for the digit on screen, their first-layer weights and their accuracy per
class, and whether they started from the same initial weights.

May import the core, Qt, pyqtgraph and the GUI's bottom layer (``session``, ``style``, ``i18n``,
``visibility``); never another feature package nor the window.
"""
