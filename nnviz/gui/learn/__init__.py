"""How the network learns from the digit on screen: the loss and its gradient for this digit,
one step of learning (undoable), the loss as a function of one weight with its slope by
backpropagation and by central differences, and the two losses compared.

Owns: ``learning_panel``. May import: ``nnviz.core``, ``nnviz.gui.session``, ``style``,
``i18n``, ``visibility``; never another feature package.
"""
