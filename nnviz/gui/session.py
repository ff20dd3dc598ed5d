"""The one view state of the window: what it shows. Panels read it and call its setters; they
listen to its signals instead of to each other, and no widget drives another.

- the network, the dataset, the sample (a test digit, a training digit or a drawing: which
  split it comes from is ``sample_split``) and its trace: the forward
  pass, and for a sample with a label the backward pass of ``loss`` and the update that a step
  of learning rate ``lr`` would make (``set_learning``); the
  network's score on the test set (``evaluation``: always of the network on screen), and
  whether it has changes no file holds (``modified``: trained here or moved by a step of
  learning since it was opened, saved or made anew; the window asks before it is lost);
- the stage shown, by kind and layer (``set_stage(Kind.ACTIVATION, 2)``), and whether the pass
  is playing, at what speed;
- the runs of this window (their records, oldest first; the last is the newest) and the step
  of a run being shown (None: the latest, following a live run).

The Session does no maths of its own: it asks the core for the trace and keeps it.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager

import numpy as np
from PySide6.QtCore import QObject, Signal

from nnviz.core.datasets import Dataset
from nnviz.core.losses import get_loss
from nnviz.core.metrics import Evaluation, evaluate
from nnviz.core.network import Network
from nnviz.core.recording import RunRecord
from nnviz.core.trace import Kind, Stage, Trace
from nnviz.core.training import TrainingConfig

_MIN_SPEED = 0.05  # slower than this, the animation would seem frozen


def single_digit_lr(config: TrainingConfig) -> float:
    """The learning rate of one digit's step: training averages the gradient over a batch, so a
    digit moves the weights by lr / batch_size of its own gradient in one training step (the
    training lr itself would fit this one digit at once and unlearn the others)."""
    return config.lr / config.batch_size


def _scored(
    network: Network, dataset: Dataset, test_x: np.ndarray | None
) -> tuple[np.ndarray, Evaluation]:
    """(the test images as floats, made once and kept; ``network`` scored on them)."""
    if test_x is None:
        test_x = dataset.test.floats(slice(None)).astype(network.dtype, copy=False)
    return test_x, evaluate(network, test_x, dataset.test.labels)


class Session(QObject):
    """Shared state. Signals are emitted after the state has changed."""

    #: the network object was replaced (new model opened, new random network, trained network)
    network_changed = Signal()
    #: the network's parameters changed in place (live training snapshots); the trace is redone
    params_changed = Signal()
    #: another input sample is shown (test digit or a drawn digit); the trace is redone
    sample_changed = Signal()
    #: the trace was recomputed (after any of the three signals above)
    trace_changed = Signal()
    #: the stage shown changed (its kind and layer); the argument is its position in the trace
    stage_changed = Signal(int)
    #: the loss or the learning rate of the backward pass changed (the trace is redone)
    learning_changed = Signal()
    #: the dataset was replaced
    dataset_changed = Signal()
    #: the network, its weights or the dataset changed: the test-set evaluation is redone when
    #: next asked for (views showing it ask again)
    evaluation_changed = Signal()
    #: the animated pass started (True) or stopped (False)
    playing_changed = Signal(bool)
    #: the animation speed changed (1 = normal)
    speed_changed = Signal(float)
    #: a run was added (its RunRecord, being written while it trains)
    run_added = Signal(object)
    #: runs were removed (the list of their records)
    runs_removed = Signal(object)
    #: the step shown of the newest run changed (None: the latest)
    shown_step_changed = Signal(object)
    #: the network on screen got changes no file holds (True), or is saved or new (False)
    modified_changed = Signal(bool)

    def __init__(self, network: Network, dataset: Dataset | None = None, parent=None) -> None:
        super().__init__(parent)
        self._network = network
        self._dataset = dataset
        self._x = np.zeros(network.sizes[0], dtype=np.float32)
        self._label: int | None = None
        self._index: int | None = None  # index into self._split, None for a drawn input
        self._split: str | None = None  # "test" or "train": the split of the digit shown
        self._stage = 0
        defaults = TrainingConfig()
        self._loss = get_loss(defaults.loss).name
        self._lr = single_digit_lr(defaults)
        self._trace = network.forward_trace(self._x)
        self._evaluation: Evaluation | None = None
        self._test_x: np.ndarray | None = None  # the dataset's test images as floats, kept
        self._preparing: Future | None = None  # prepare_evaluation's (test_x, evaluation)
        self._playing = False
        self._speed = 1.0
        self._runs: list[RunRecord] = []
        self._shown_step: int | None = None
        self._modified = False
        self._held: dict | None = None  # signals held by batch(): signal -> its last arguments

    # ------------------------------------------------------------------ read
    @property
    def network(self) -> Network:
        return self._network

    @property
    def dataset(self) -> Dataset | None:
        return self._dataset

    @property
    def x(self) -> np.ndarray:
        """The current input, float32 in [0, 1], shape (784,)."""
        return self._x

    @property
    def label(self) -> int | None:
        """The true class of the current input (None for a drawn digit)."""
        return self._label

    @property
    def sample_index(self) -> int | None:
        """Index of the current input in the test split (None for a drawn digit or a training
        digit: see ``sample_split`` and ``train_index``)."""
        return self._index if self._split == "test" else None

    @property
    def sample_split(self) -> str | None:
        """Where the current input comes from: "test", "train" (the dataset's splits) or None
        (a drawing)."""
        return self._split

    @property
    def train_index(self) -> int | None:
        """Index of the current input in the training split (None unless a training digit)."""
        return self._index if self._split == "train" else None

    @property
    def trace(self) -> Trace:
        return self._trace

    @property
    def loss(self) -> str:
        """The loss whose gradient the backward stages show (cross-entropy or mse)."""
        return self._loss

    @property
    def lr(self) -> float:
        """The learning rate of the update stages (a step W ← W - lr · dE/dW)."""
        return self._lr

    @property
    def stage(self) -> Stage:
        """The stage shown: ``stage.kind``, ``stage.layer``, its values and formula."""
        return self._trace.stages[self._stage]

    @property
    def stage_index(self) -> int:
        """Position of the stage shown in the trace (for stepping through it in order)."""
        return self._stage

    @property
    def prediction(self) -> int:
        return int(np.argmax(self._trace.values(Kind.OUTPUT)))

    @property
    def evaluation(self) -> Evaluation | None:
        """The network on screen scored on the dataset's test set (accuracy, both losses,
        predictions, confusion), computed by the core when first asked for after a change
        (~16 ms for MNIST; or begun earlier by ``prepare_evaluation``); None without a dataset
        the network fits."""
        ds, net = self._dataset, self._network
        if self._evaluation is None and self._preparing is not None:
            self._test_x, self._evaluation = self._preparing.result()
            self._preparing = None
        if self._evaluation is None and ds is not None:
            if (ds.input_size, ds.num_classes) == (net.sizes[0], net.sizes[-1]):
                self._test_x, self._evaluation = _scored(net, ds, self._test_x)
        return self._evaluation

    def prepare_evaluation(self) -> None:
        """Begin scoring the network on screen now, in a thread of its own (at start-up,
        while the window is being built: making the test set's floats and scoring 10,000
        images take 0.05-0.2 s, half of it NumPy that runs beside the GUI thread). The
        ``evaluation`` property waits for it when first asked; any change drops it."""
        ds, net = self._dataset, self._network
        if self._evaluation is not None or self._preparing is not None or ds is None:
            return
        if (ds.input_size, ds.num_classes) != (net.sizes[0], net.sizes[-1]):
            return
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nnviz-evaluation")
        self._preparing = pool.submit(_scored, net.copy(), ds, self._test_x)
        pool.shutdown(wait=False)  # the thread ends once the evaluation is done

    def _forget_evaluation(self, known: Evaluation | None = None) -> None:
        """The network changed: its evaluation is redone when next asked for (or is ``known``)."""
        self._evaluation = known
        self._preparing = None  # of weights no longer on screen
        self.evaluation_changed.emit()

    @property
    def modified(self) -> bool:
        """True when the network on screen has changes that no file holds: new weights from
        training or a step of learning since it was opened, saved or made anew."""
        return self._modified

    def mark_saved(self) -> None:
        """The network on screen is now what a file holds."""
        self._set_modified(False)

    def _set_modified(self, modified: bool) -> None:
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def speed(self) -> float:
        return self._speed

    @property
    def runs(self) -> tuple[RunRecord, ...]:
        """The records of this window's runs, oldest first."""
        return tuple(self._runs)

    @property
    def run(self) -> RunRecord | None:
        """The newest run's record (None before the first run)."""
        return self._runs[-1] if self._runs else None

    @property
    def shown_step(self) -> int | None:
        """The step of the newest run being shown; None follows the latest."""
        return self._shown_step

    def class_names(self) -> tuple[str, ...]:
        if self._dataset is not None:
            return self._dataset.class_names
        return tuple(str(i) for i in range(self._network.sizes[-1]))

    # ------------------------------------------------------------------ change
    @contextmanager
    def batch(self):
        """Make several changes (the sample, the loss, the stage: a lesson step) that the views
        follow once: the sample, trace, learning, stage and playing signals are held until the
        block ends, then each is emitted once (in the order first emitted, with its latest
        arguments), so a view redraws once for the new state instead of once per change."""
        if self._held is not None:  # nested: the outer block emits
            yield
            return
        self._held = {}
        try:
            yield
        finally:
            held, self._held = self._held, None
            for signal, args in held.items():
                signal.emit(*args)

    def _emit(self, signal, *args) -> None:
        if self._held is None:
            signal.emit(*args)
        else:
            self._held[signal] = args  # a dict keeps the order of first insertion

    def set_network(self, network: Network) -> None:
        """Show another network (opened, made anew, reset): it has no unsaved changes yet."""
        self._network = network
        self._set_modified(False)
        if self._x.shape[0] != network.sizes[0]:
            self._x = np.zeros(network.sizes[0], dtype=np.float32)
        kind, layer = self.stage.kind, self.stage.layer
        self._retrace()
        # the same stage in the new network if it has one (y stays y), else the input
        layer = None if kind is Kind.OUTPUT else layer
        self._stage = self._trace.index(kind, layer) if self._trace.find(kind, layer) else 0
        self.network_changed.emit()
        self.trace_changed.emit()
        self._forget_evaluation()

    def set_params(
        self, params: dict[str, np.ndarray], evaluation: Evaluation | None = None
    ) -> None:
        """Replace the parameters with (copies of) ``params`` of the same shapes. ``evaluation``:
        these parameters' score on the dataset's test set when it is known already (a run's
        last evaluation, of its final weights), so that it is not computed again."""
        for k, v in params.items():
            np.copyto(self._network.params[k], v)
        self._set_modified(True)  # trained, stepped or shown at another step: not in a file
        self._retrace()
        self.params_changed.emit()
        self.trace_changed.emit()
        self._forget_evaluation(evaluation)

    def set_dataset(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self._test_x = None
        self.dataset_changed.emit()
        self._forget_evaluation()

    def show_test_sample(self, index: int) -> None:
        """Show test image ``index`` of the dataset."""
        if self._dataset is None:
            raise ValueError("no dataset loaded")
        test = self._dataset.test
        index = int(index) % len(test)
        self._set_input(test.floats(index), int(test.labels[index]), index, "test")

    def show_train_sample(self, index: int) -> None:
        """Show training image ``index`` of the dataset (with its label, like a test digit)."""
        if self._dataset is None:
            raise ValueError("no dataset loaded")
        train = self._dataset.train
        index = int(index) % len(train)
        self._set_input(train.floats(index), int(train.labels[index]), index, "train")

    def set_input(self, x: np.ndarray, label: int | None = None) -> None:
        """Show an input that is not from the dataset (a drawn digit)."""
        self._set_input(np.asarray(x, dtype=np.float32).reshape(-1).copy(), label, None, None)

    def _set_input(
        self, x: np.ndarray, label: int | None, index: int | None, split: str | None
    ) -> None:
        self._x, self._label, self._index, self._split = x, label, index, split
        self._retrace_keeping_stage()
        self._emit(self.sample_changed)
        self._emit(self.trace_changed)

    def set_learning(self, loss: str | None = None, lr: float | None = None) -> None:
        """The loss and learning rate of the backward stages (a run's, a model's, the user's)."""
        loss = self._loss if loss is None else get_loss(loss).name
        lr = self._lr if lr is None else float(lr)
        if (loss, lr) != (self._loss, self._lr):
            self._loss, self._lr = loss, lr
            self._retrace_keeping_stage()
            self._emit(self.learning_changed)
            self._emit(self.trace_changed)

    def _retrace_keeping_stage(self) -> None:
        """Retrace; the same stage stays shown if the new trace has it (a drawn digit has no
        backward stages: past y, y is shown)."""
        kind, layer = self.stage.kind, self.stage.layer
        self._retrace()
        found = self._trace.find(kind, layer)
        self._stage = self._trace.index(kind, layer) if found else self._trace.index(Kind.OUTPUT)

    def set_playing(self, playing: bool) -> None:
        if bool(playing) != self._playing:
            self._playing = bool(playing)
            self._emit(self.playing_changed, self._playing)

    def set_speed(self, speed: float) -> None:
        speed = max(_MIN_SPEED, float(speed))
        if speed != self._speed:
            self._speed = speed
            self.speed_changed.emit(speed)

    def add_run(self, record: RunRecord) -> None:
        """A new run (its record, still being written while it trains) becomes the newest."""
        self._runs.append(record)
        self._shown_step = None
        self.run_added.emit(record)

    def remove_earlier_runs(self) -> None:
        """Forget every run but the newest."""
        removed, self._runs = self._runs[:-1], self._runs[-1:]
        if removed:
            self.runs_removed.emit(removed)

    def can_show_steps(self) -> bool:
        """True when the network on screen is the newest run's and the run kept snapshots."""
        run, net = self.run, self._network
        return (
            run is not None
            and len(run.snapshot_steps) > 0
            and tuple(run.sizes) == tuple(net.sizes)
            and run.config.make_activation() == net.activation
        )

    def set_shown_step(self, step: int | None) -> None:
        """Show the newest run as it was at ``step`` (its snapshot nearest that step): the whole
        window follows, as the weights are the network's. None: the latest weights again (a
        live run's controller puts its newest in)."""
        step = None if step is None else int(step)
        if step == self._shown_step or (step is not None and not self.can_show_steps()):
            return
        run = self.run
        self._shown_step = step
        if run is not None and self.can_show_steps():
            self.set_params(run.snapshot_at(step).params)  # copied into the network's arrays
        self.shown_step_changed.emit(step)

    def set_stage(self, kind: Kind, layer: int | None = None) -> None:
        """Show the stage of this kind (and layer): ``set_stage(Kind.ACTIVATION, 2)``."""
        self.set_stage_index(self._trace.index(kind, layer))

    def set_stage_index(self, index: int) -> None:
        """Show the stage at this position of the trace (clamped to the first and the last)."""
        index = max(0, min(int(index), len(self._trace) - 1))
        if index != self._stage:
            self._stage = index
            self._emit(self.stage_changed, index)

    def step_stage(self, delta: int) -> None:
        """The next (+1) or previous (-1) stage."""
        self.set_stage_index(self._stage + delta)

    @property
    def at_last_stage(self) -> bool:
        return self._stage == len(self._trace) - 1

    def _retrace(self) -> None:
        """The forward trace, then (for a labelled sample) the backward one: ~0.6 ms."""
        trace = self._network.forward_trace(self._x)
        if self._label is not None:
            backward = self._network.backward_trace(self._x, self._label, self._loss, self._lr)
            trace = trace.then(backward)
        self._trace = trace
