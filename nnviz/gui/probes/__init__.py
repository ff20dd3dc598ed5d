"""Probes of the network on screen: how sure it is and what it gets wrong (Evaluate), how its
accuracy falls on corrupted digits (Robustness), a 2-D map of what a hidden layer sees (Map), and
a lab that changes a copy of the network to see what it still knows (Lab).

Owns: ``probes_panel`` (the tabs), ``evaluate_tab``, ``robustness_tab``, ``map_tab``,
``lab_tab`` and ``tasks`` (long work in a thread, with progress and cancel). The maths is the
core's (``nnviz.core.probes``, ``corruptions``, ``hidden_map``, ``lab``).

May import: ``nnviz.core``, ``nnviz.gui.session``, ``style``, ``i18n``, ``visibility``; never
another feature package nor the window (the window saves the lab's network: ``probes_dock``).
"""
