"""The data the network learns from, as the deck shows it: the MNIST pixel view (the digit shown
as its 28x28 grid of numbers 0-255) and the data & labels view (rows of examples of each class,
the class counts, a click sends a digit through the network).

May import the core, Qt and the GUI's bottom layer (``session``, ``style``, ``i18n``,
``visibility``); never another feature package nor the window (the window opens the pixel view
when the graph's input image is clicked, and tells the lesson what the learner did here).
"""
