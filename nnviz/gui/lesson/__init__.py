"""The guided lesson that follows the deck: one step per slide, each setting the window up
(stage, digit, loss, the panel to look at) and noticing when its "try this" was done.

Owns: ``lesson_panel``. May import: ``nnviz.core`` (the lesson files are read and checked by
``nnviz.core.lessons``), ``nnviz.gui.session``, ``style``, ``i18n``; never another feature
package: the panel asks the window for a panel through its ``panel_wanted`` signal.
"""
