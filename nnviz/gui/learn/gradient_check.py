"""Chapter 4 against chapter 5: every slope by central differences, checked against
backpropagation, in a worker thread with progress and Cancel.

``GradientCheck`` runs :func:`nnviz.core.learning.numerical_gradient` on a copy of the network (so
live training or a learning step cannot change it underneath) with one BLAS thread, and reports
in the GUI thread: ``progressed(done, total)``, then ``finished(NumericalGradient)``,
``cancelled()`` or ``failed(message)`` (the shared :class:`~nnviz.gui.tasks.BackgroundTask`).
"""

from __future__ import annotations

import numpy as np

from nnviz.core.learning import numerical_gradient
from nnviz.core.network import Network
from nnviz.gui.tasks import BackgroundTask

__all__ = ["GradientCheck"]


class GradientCheck(BackgroundTask):
    """One numerical-gradient check at a time; signals arrive in the GUI thread."""

    def start(self, network: Network, x: np.ndarray, label: int, loss: str) -> bool:
        """Check every slope of ``network`` for sample ``x`` with class ``label``; False while
        a check still runs."""
        if self.running:
            return False
        copy = network.copy()  # the thread's own: training may change the session's meanwhile
        sample = np.array(x, copy=True)

        def work(progress, cancel):
            return numerical_gradient(copy, sample, label, loss, progress=progress, cancel=cancel)

        return super().start(work)
