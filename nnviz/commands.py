"""``nnviz train``, ``nnviz eval`` and ``nnviz record``: the core driven from a terminal.

A run record (``train --record``) is written as the run goes: after each epoch and at the end,
atomically, so a crash leaves the last good file; a stopped, diverged or failed run keeps what
it recorded, with its status.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from threadpoolctl import threadpool_limits

from nnviz.cli_support import (
    EXIT_FAILED,
    EXIT_OK,
    Interrupts,
    config_from_args,
    emit_json,
    fmt_duration,
)
from nnviz.core import events as ev
from nnviz.core.coach import Hint, hints
from nnviz.core.corruptions import get_corruption
from nnviz.core.datasets import Dataset, find_dataset, load_dataset
from nnviz.core.errors import ConfigError, DataError, ModelFileError, NnvizError, RecordFileError
from nnviz.core.metrics import evaluate
from nnviz.core.model_io import load_model, save_model
from nnviz.core.network import Network
from nnviz.core.npz import npz_path, read_npz
from nnviz.core.probes import robustness_curve
from nnviz.core.recording import FORMAT as RECORD_FORMAT
from nnviz.core.recording import RunRecord
from nnviz.core.training import TrainingConfig, TrainingControl, train

_PROGRESS_INTERVAL = 0.1  # seconds between redraws of the terminal progress bar
_BAR_WIDTH = 24
_SNAPSHOT_STEPS_SHOWN = 5  # `nnviz record` lists this many snapshot steps at each end


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


class _ProgressBar:
    """One self-overwriting line on stderr: epoch, a bar, samples/s and time left."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self._last = 0.0

    def update(self, event: ev.BatchFinished, epochs: int) -> None:
        now = time.perf_counter()
        if not self.enabled or (
            now - self._last < _PROGRESS_INTERVAL and event.step < event.total_steps
        ):
            return
        self._last = now
        done = event.step / event.total_steps
        filled = int(done * _BAR_WIDTH)
        left = event.elapsed * (1 - done) / done if done > 0 else 0.0
        bar = "#" * filled + "-" * (_BAR_WIDTH - filled)
        self.stream.write(
            f"\repoch {min(int(event.epoch) + 1, epochs)}/{epochs} [{bar}] {done:6.1%}  "
            f"loss {event.loss:.4f}  {event.samples_per_s:,.0f} samples/s  "
            f"{fmt_duration(left)} left "
        )
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()


@dataclass(frozen=True)
class _Output:
    """A kind of file ``train`` writes at the end of a run (``--save``, ``--record``)."""

    what: str  # as messages name it
    error: type[NnvizError]
    example: str  # a file name to suggest
    fallback_stem: str  # its name in the temp folder when its destination refuses it


_MODEL = _Output("model", ModelFileError, "model.npz", "nnviz-model")
_RECORD = _Output("record", RecordFileError, "run.npz", "nnviz-run")


def destination(text: str, output: _Output) -> Path:
    """The file ``text`` names for ``output``, checked before any training: its folder exists
    and takes a new file, and the name is not a folder. Raises the output's error (one line)."""
    what = output.what
    if Path(text).is_dir() or text.endswith(("/", os.sep)):
        raise output.error(
            f"{text}: is a folder; give the {what} a file name, e.g. {output.example}"
        )
    path = npz_path(text)
    if path.is_dir():
        raise output.error(f"{path}: is a folder; give the {what} another file name")
    folder = path.parent
    if not folder.is_dir():
        raise output.error(f"{path}: cannot write the {what} (no folder {folder})")
    try:  # the test that counts: a file made (and removed) where the output's will be made
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{path.name}.", suffix=".probe"):
            pass
    except OSError as exc:
        raise output.error(f"{path}: cannot write the {what} ({exc.strerror or exc})") from None
    return path


def _fallback_path(output: _Output) -> Path:
    """Where an output goes when its own destination refuses the final save."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return Path(tempfile.gettempdir()) / f"{output.fallback_stem}-{stamp}-{os.getpid()}.npz"


def save_or_fall_back(
    save: Callable[[Path], Path], path: Path, output: _Output
) -> tuple[Path, bool]:
    """``save(path)``; if the destination refuses (it was checked before the run, but a folder
    can go away), the run's work is kept: saved in the temp folder instead, and stderr says
    where. Returns the file written and whether it is the fallback."""
    try:
        return save(path), False
    except output.error as exc:
        try:
            saved = save(_fallback_path(output))
        except output.error as again:
            raise output.error(f"{exc}; the fallback failed too: {again}") from None
        print(f"nnviz: {exc}; the {output.what} was saved to {saved} instead", file=sys.stderr)
        return saved, True


class _RecordWriter:
    """Keeps ``--record``'s file up to date: after each epoch (once that epoch's last snapshot
    is in), at the end, and when the run fails; the final save falls back to the temp folder."""

    def __init__(self, record: RunRecord, path: Path) -> None:
        self.record = record
        self.path = path
        self.fell_back = False
        self._epoch_end: int | None = None  # step of an epoch end not yet saved
        self._warned = False

    def add(self, event: ev.TrainingEvent) -> None:
        """Take the run's next event; save when an epoch's end is complete."""
        if self._epoch_end is not None and not isinstance(event, ev.TrainingEnded):
            # the trainer yields an epoch end's evaluation, then that step's snapshot
            if not (isinstance(event, ev.WeightsSnapshot) and event.step == self._epoch_end):
                self._save_progress()
        self.record.add(event)
        if isinstance(event, ev.Evaluated) and event.epoch_end:
            self._epoch_end = event.step

    def _save_progress(self) -> None:
        self._epoch_end = None
        try:
            self.record.save(self.path)
        except RecordFileError as exc:
            if not self._warned:  # the final save tries again, then falls back
                print(f"nnviz: warning: {exc}", file=sys.stderr)
                self._warned = True

    def save_final(self) -> Path:
        """Save the finished (stopped, diverged) run; the path it went to."""
        saved, self.fell_back = save_or_fall_back(self.record.save, self.path, _RECORD)
        return saved

    def abandon(self, exc: BaseException) -> None:
        """The run ended in an error (or a second Ctrl-C): keep what it recorded, marked failed."""
        if isinstance(exc, KeyboardInterrupt):
            message = f"interrupted after {self.record.steps_recorded} steps"
        else:
            message = (str(exc).splitlines() or [type(exc).__name__])[0]
        self.record.fail(message)
        if self.record.snapshots:  # a record without parameters has nothing to look back at
            try:
                self.record.save(self.path)
            except RecordFileError:
                pass  # the error being raised is the one to report


def run_train(args: argparse.Namespace) -> int:
    config = config_from_args(args)
    if args.record and args.save and npz_path(args.record) == npz_path(args.save):
        raise ConfigError("--save and --record name the same file; give them different names")
    # both checked before the run: a place that cannot be written fails now, not after it
    save_path = destination(args.save, _MODEL) if args.save else None
    record_path = destination(args.record, _RECORD) if args.record else None
    dataset = load_dataset(config.dataset)
    dataset.load()
    control = TrainingControl()
    bar = _ProgressBar(sys.stderr)
    network = config.make_network(dataset.input_size, dataset.num_classes)
    writer = None
    identity = dataset.identity()  # how a model or record finds this data again
    if record_path is not None:
        record = RunRecord.for_run(
            config, dataset.input_size, dataset.num_classes, len(dataset.train), **identity
        )
        writer = _RecordWriter(record, record_path)
    else:  # the coach reads the run from a record: one without weight snapshots
        record = RunRecord.for_run(
            config, dataset.input_size, dataset.num_classes, len(dataset.train), budget=0
        )
    coach = _Coach(record, args.json, bar) if not args.no_hints else None
    snapshot_steps = writer.record.schedule if writer else ()
    last_eval: ev.Evaluated | None = None
    end: ev.TrainingEnded | None = None
    samples_per_s = 0.0
    if not args.json:
        print(
            f"training {network!r} on {dataset.name}: {config.optimizer} lr={config.lr:g}, "
            f"batch {config.batch_size}, {config.epochs} epochs, {config.loss}"
        )
    # one BLAS thread: as fast as two at these sizes, and unaffected by a busy second core
    with threadpool_limits(1), Interrupts(control.stop) as interrupts:
        try:
            for event in train(config, dataset, control, network, snapshot_steps=snapshot_steps):
                if writer:
                    writer.add(event)
                elif not isinstance(event, ev.WeightsSnapshot):
                    record.add(event)
                if isinstance(event, ev.BatchFinished):
                    samples_per_s = event.samples_per_s
                    if not args.json:
                        bar.update(event, config.epochs)
                elif isinstance(event, ev.Evaluated):
                    last_eval = event
                    _report_epoch(event, config, args.json, bar)
                    if coach:
                        coach.speak()
                elif isinstance(event, ev.TrainingEnded):
                    end = event
        except BaseException as exc:
            if writer:
                writer.abandon(exc)
            raise
        # the run is over: from here to the end, Ctrl-C cuts no save short and kills nothing
        interrupts.finish()
        recorded = writer.save_final() if writer else None
    bar.clear()
    assert end is not None
    if coach:
        coach.speak()
    if last_eval is None or last_eval.step != end.step:
        final = evaluate(network, dataset.test.images, dataset.test.labels)
        test_acc, test_ce, test_mse = final.accuracy, final.cross_entropy, final.mse
    else:
        test_acc, test_ce = last_eval.test_accuracy, last_eval.test_cross_entropy
        test_mse = last_eval.test_mse
    test_loss = test_mse if config.loss == "mse" else test_ce
    summary = {
        "event": "summary",
        "status": end.status,
        "message": end.message,
        "test_accuracy": test_acc,
        "test_loss": test_loss,
        "test_cross_entropy": test_ce,
        "test_mse": test_mse,
        "samples_per_s": round(samples_per_s, 1),
        "seconds": round(end.elapsed, 3),
        "epochs": round(end.epoch, 3),
        "steps": end.step,
        "peak_rss_mb": round(_peak_rss_mb(), 1),
        "config": config.to_dict(),
    }
    if recorded is not None:
        summary["record"] = str(recorded)
    model_fell_back = False
    if save_path is not None:
        meta = {
            "loss": config.loss,
            **identity,
            "config": config.to_dict(),
            "metrics": {
                "test_accuracy": test_acc,
                "test_cross_entropy": test_ce,
                "test_mse": test_mse,
                "steps": end.step,
                "status": end.status,
            },
            "saved": time.strftime("%Y-%m-%dT%H:%M:%S"),
        }
        saved, model_fell_back = save_or_fall_back(
            lambda path: save_model(path, network, meta), save_path, _MODEL
        )
        summary["saved"] = str(saved)
    if args.json:
        emit_json(summary)
    else:
        print(
            f"{end.status}: test accuracy {test_acc:.2%}, test loss {test_loss:.4f}, "
            f"{samples_per_s:,.0f} samples/s, {end.elapsed:.1f} s"
        )
        if recorded is not None:
            print(f"recorded {recorded} ({_size(recorded.stat().st_size)})")
        if save_path is not None:
            print(f"saved {summary['saved']}")
    if isinstance(end, ev.Diverged):
        print(f"nnviz: {end.message}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if model_fell_back or (writer and writer.fell_back) else EXIT_OK


class _Coach:
    """Prints each of the coach's hints (nnviz.core.coach) once, as the run shows its pattern."""

    def __init__(self, record: RunRecord, as_json: bool, bar: _ProgressBar) -> None:
        self.record, self.as_json, self.bar = record, as_json, bar
        self._said: set[str] = set()

    def speak(self) -> None:
        for hint in hints(self.record):
            if hint.text not in self._said:
                self._said.add(hint.text)
                self._say(hint)

    def _say(self, hint: Hint) -> None:
        if self.as_json:
            emit_json({"event": "hint", **hint.to_dict()})
            return
        self.bar.clear()
        fix = ", ".join(f"--{k.replace('_', '-')} {v}" for k, v in hint.fix.items())
        print(f"hint ({hint.rule}): {hint.message}")
        print(f"  why: {hint.why}")
        print(f"  try: {fix}")


def _json_number(value: float) -> float | None:
    """NaN (not measured) as JSON null."""
    return None if value != value else value


def _layers(event: ev.Evaluated) -> list[dict]:
    """One object per weight layer: its gradient RMS and update ratio, and (hidden layers) the
    shares of inactive and saturated units; null where not measured."""
    count = len(event.grad_rms)
    return [
        {
            "layer": l + 1,
            "grad_rms": event.grad_rms[l],
            "update_ratio": event.update_ratios[l],
            "inactive": _json_number(event.inactive[l]) if l < len(event.inactive) else None,
            "saturated": _json_number(event.saturated[l]) if l < len(event.saturated) else None,
        }
        for l in range(count)
    ]


def _report_epoch(event: ev.Evaluated, config: TrainingConfig, as_json: bool, bar) -> None:
    line = {
        "event": "epoch",
        "epoch": round(event.epoch, 3),
        "step": event.step,
        "train_accuracy": event.train_accuracy,
        "test_accuracy": event.test_accuracy,
        "test_loss": event.test_loss(config.loss),
        "test_cross_entropy": event.test_cross_entropy,
        "test_mse": event.test_mse,
        "seconds": round(event.elapsed, 3),
    }
    validated = event.validation_accuracy == event.validation_accuracy  # not NaN
    if validated:
        line["validation_accuracy"] = event.validation_accuracy
        line["validation_loss"] = event.validation_loss(config.loss)
    line["layers"] = _layers(event)
    if as_json:
        emit_json(line)
    else:
        bar.clear()
        print(
            f"epoch {event.epoch:5.2f}  test accuracy {event.test_accuracy:7.2%}  "
            f"test loss {line['test_loss']:.4f}  train accuracy "
            f"{event.train_accuracy:7.2%}"
            + (f"  validation accuracy {event.validation_accuracy:7.2%}" if validated else "")
            + f"  ({event.elapsed:.1f} s)"
        )


def _size(nbytes: int) -> str:
    if nbytes < 2**20:
        return f"{nbytes / 1024:.1f} KB"
    return f"{nbytes / 2**20:.1f} MB"


# ---------------------------------------------------------------------- eval
def _npz_format(path: str | os.PathLike[str]) -> str | None:
    """The ``format`` a file's JSON meta names ("nnviz-run" for a run record), read without
    loading its other arrays; None when it cannot tell (the loader then says what is wrong)."""
    try:
        meta = json.loads(str(read_npz(Path(path), ModelFileError, "file", only=("meta",))["meta"]))
    except Exception:  # missing, not an archive, no meta, not JSON: the real loader reports it
        return None
    return meta.get("format") if isinstance(meta, dict) else None


def run_eval(args: argparse.Namespace) -> int:
    if _npz_format(args.model) == RECORD_FORMAT:
        return _eval_record(args)
    loaded = load_model(args.model, activation=args.activation)
    if args.step is not None:
        raise ConfigError(f"--step picks a snapshot of a run record; {args.model} is a model file")
    meta = loaded.meta
    dataset = _dataset_of(args, meta.get("dataset") or "mnist", meta.get("dataset_sha256"))
    return _evaluate(args, loaded.network, dataset, {}, [])


def _dataset_of(
    args: argparse.Namespace, reference: str, sha256: object, what: str = "the model"
) -> Dataset:
    """``--dataset``, else the dataset the model or record was trained on, found again."""
    if args.dataset:
        return load_dataset(args.dataset)
    try:
        return find_dataset(str(reference), sha256, what)
    except DataError as exc:
        raise DataError(f"{exc}; evaluate it on another with --dataset NAME|DIR") from None


def _eval_record(args: argparse.Namespace) -> int:
    record = RunRecord.load(args.model)
    if args.activation is not None:
        raise ConfigError(
            f"--activation is for model files without metadata; the run record {args.model} "
            f"names its own ({record.config.activation})"
        )
    if not record.snapshots:
        raise RecordFileError(f"{args.model}: the record holds no parameter snapshots")
    snapshot = record.snapshot_at(args.step)
    network, step = record.network_at(args.step)
    dataset = _dataset_of(args, record.dataset, record.dataset_sha256, "the run")
    line = f"snapshot at step {step} of {record.total_steps} (epoch {snapshot.epoch:.2f})"
    if args.step is not None and args.step != step:
        line += f", the nearest to step {args.step}"
    note = _step_note(record, args.step, step)
    extra = {
        "step": step,
        "requested_step": args.step,
        "epoch": snapshot.epoch,
        "total_steps": record.total_steps,
        "status": record.status,
        "note": note,
    }
    return _evaluate(args, network, dataset, extra, [line] + ([f"note: {note}"] if note else []))


def _step_note(record: RunRecord, requested: int | None, used: int) -> str | None:
    """What to say when the requested step is not in the run, or past what was recorded."""
    if requested is None:
        return None
    if requested < 0 or requested > record.total_steps:
        return (
            f"step {requested} is outside the run (steps 0 to {record.total_steps}); "
            f"the nearest snapshot is at step {used}"
        )
    last = int(record.snapshot_steps[-1])
    if requested > last:
        return f"the record ends at step {last} (status {record.status}); its last snapshot is used"
    return None


def _evaluate(
    args: argparse.Namespace, network: Network, dataset: Dataset, extra: dict, lines: list[str]
) -> int:
    """Evaluate ``network`` on ``dataset``'s test set and report it (``extra`` and ``lines``
    say more about where the network came from, in JSON and in text)."""
    test = dataset.test
    if problem := dataset.mismatch(network.sizes):
        raise ModelFileError(f"{args.model}: {problem}")
    if args.corrupt:
        return _robustness(args, network, dataset, extra, lines)
    t0 = time.perf_counter()
    with threadpool_limits(1):
        result = evaluate(network, test.images, test.labels)
    seconds = time.perf_counter() - t0
    per_class = result.per_class_accuracy()
    if args.json:
        emit_json(
            {
                "model": str(args.model),
                **extra,
                "dataset": dataset.name,
                "layer_sizes": list(network.sizes),
                "activation": network.activation.name,
                "test_accuracy": result.accuracy,
                "test_cross_entropy": result.cross_entropy,
                "test_mse": result.mse,
                "seconds": round(seconds, 4),
                "per_class_accuracy": {
                    n: float(a) for n, a in zip(dataset.class_names, per_class, strict=True)
                },
                "confusion": result.confusion.tolist(),
            }
        )
        return EXIT_OK
    names = dataset.class_names
    print(f"{args.model}: {network!r} on {dataset.name} test set ({len(test)} images)")
    for line in lines:
        print(line)
    print(f"accuracy       {result.accuracy:.2%}")
    print(f"cross-entropy  {result.cross_entropy:.4f}")
    print(f"mse            {result.mse:.4f}")
    print("per-class accuracy:")
    for name, acc, total in zip(names, per_class, result.confusion.sum(axis=1), strict=True):
        print(f"  {name:>12}  {acc:7.2%}  ({total} images)")
    width = max(5, len(str(result.confusion.max())) + 1)
    print("confusion matrix (rows: true class, columns: predicted):")
    print(" " * 5 + "".join(f"{i:>{width}}" for i in range(len(names))))
    for i, row in enumerate(result.confusion):
        print(f"{i:>4} " + "".join(f"{v:>{width}}" for v in row))
    return EXIT_OK


def _robustness(
    args: argparse.Namespace, network: Network, dataset: Dataset, extra: dict, lines: list[str]
) -> int:
    """``eval --corrupt KIND``: test accuracy at each strength of the corruption, 0 first."""
    test = dataset.test
    corruption = get_corruption(args.corrupt)
    t0 = time.perf_counter()
    with threadpool_limits(1):
        curve = robustness_curve(network, test.images, test.labels, corruption.name)
    seconds = time.perf_counter() - t0
    if args.json:
        emit_json(
            {
                "model": str(args.model),
                **extra,
                "dataset": dataset.name,
                "corruption": corruption.name,
                "unit": corruption.unit,
                "strengths": [round(float(s), 6) for s in curve.strengths],
                "accuracies": [float(a) for a in curve.accuracies],
                "images": len(test),
                "seconds": round(seconds, 3),
            }
        )
        return EXIT_OK
    print(f"{args.model}: {network!r} on {dataset.name} test set ({len(test)} images)")
    for line in lines:
        print(line)
    print(f"corruption: {corruption.name} (strength in {corruption.unit}), {seconds:.1f} s")
    print(f"{'strength':>10}  accuracy")
    for strength, accuracy in zip(curve.strengths, curve.accuracies, strict=True):
        print(f"{strength:>10.3g}  {accuracy:7.2%}")
    return EXIT_OK


# ---------------------------------------------------------------------- record
_STATUS_NOTES = {
    "running": "written during the run: still under way, or it ended before its final save",
    "failed": "the run ended in an error; what it recorded until then is kept",
}


def run_record(args: argparse.Namespace) -> int:
    """``nnviz record RUN.npz``: what a run record holds."""
    path = Path(args.run)
    record = RunRecord.load(path)
    file_bytes = path.stat().st_size
    summary = record.summary()
    if args.json:
        emit_json({**summary, "file_bytes": file_bytes})
        return EXIT_OK
    config = record.config
    status, message = record.status, record.message or _STATUS_NOTES.get(record.status, "")
    if message.startswith(status):  # "finished 5 epochs (3000 steps)", "stopped after 12 steps"
        status, message = message, ""
    steps = summary["snapshot_steps"]
    shown = " ".join(map(str, steps))
    if len(steps) > 2 * _SNAPSHOT_STEPS_SHOWN:
        head, tail = steps[:_SNAPSHOT_STEPS_SHOWN], steps[-_SNAPSHOT_STEPS_SHOWN:]
        shown = " ".join(map(str, head)) + " ... " + " ".join(map(str, tail))
    print(f"{path}: run record of {summary['network']} {config.activation} on {record.dataset}")
    print(f"status       {status}" + (f" ({message})" if message else ""))
    print(
        f"training     {config.optimizer} lr {config.lr:g} ({config.lr_schedule}), "
        f"batch {config.batch_size}, {config.loss}, {config.epochs} epochs, "
        f"{config.init} init, seed {config.seed}"
    )
    print(
        f"steps        {record.steps_recorded} of {record.total_steps} recorded "
        f"({summary['epochs_recorded']:g} epochs)"
    )
    evaluations = f"evaluations  {record.evaluations_recorded}"
    if record.evaluations_recorded:
        loss = "test_mse" if config.loss == "mse" else "test_cross_entropy"
        evaluations += (
            f", the last at step {int(record.eval_column('step')[-1])}: test accuracy "
            f"{record.eval_column('test_accuracy')[-1]:.2%}, test loss "
            f"{record.eval_column(loss)[-1]:.4f}"
        )
    print(evaluations)
    for change in summary["changes"]:  # hyperparameters changed while the run was going
        print(
            f"changed      {change['name']} {change['old']:g} -> {change['new']:g} "
            f"from step {change['step'] + 1}"
        )
    print(f"snapshots    {len(steps)}, at steps {shown}" if steps else "snapshots    none")
    print(f"size         {_size(record.nbytes)} in memory, {_size(file_bytes)} on disk")
    return EXIT_OK
