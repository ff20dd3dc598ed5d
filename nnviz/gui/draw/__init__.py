"""Drawing a digit with the mouse and sending it, made MNIST-like, through the network.

May import the core, Qt and the GUI's bottom layer (``session``, ``style``, ``i18n``,
``visibility``); never another feature package nor the window.
"""
