"""Training in a child process, so that the window never waits for the trainer, nor it for the
window.

A trainer in a thread of the window's process shares Python's global lock with the GUI thread:
on a machine with two cores each holds the other up (the run 10-40% slower while the window
draws, the window's frames late while the trainer runs Python). :class:`TrainingProcess` runs
:func:`~nnviz.core.training.train` in a child process instead, started once and reused run after
run (:func:`acquire`, :func:`release`; :func:`warm_up` starts one ahead of the first run):

- a run is asked for with its config, network and snapshot settings; the dataset's arrays go to
  the child once, written straight from their memory (the next runs on the same dataset object
  reuse them);
- the record's weight snapshots are written by the child straight into memory both processes
  map (:class:`SharedArrays`): the event that lists one carries its row, not 183 KB of
  pickled weights to unpickle and copy in the window's process (which held Python's lock
  there and made the window's frames late);
- the child sends the run's events back in order, in small groups (at most ``GROUP_S`` apart:
  a run's thousands of batches a second are not thousands of messages), and ends each run with
  a message of its own, or with its failure's message and traceback;
- :class:`RemoteControl` is a :class:`~nnviz.core.training.TrainingControl` whose stop, pause,
  resume, step, pace, change and snapshot requests reach the child's control of the same run in
  the order they were made, those made before the run began included;
- a child that dies (killed, out of memory) ends the run with a :class:`TrainingProcessError`;
  the next run starts a new child.

Standard library only: the child is ``python -m nnviz.core.training_process`` (it imports NumPy
and the core, never Qt, and no thread of the parent is forked), spoken to through
``multiprocessing`` connections on two socket pairs it inherits.
"""

from __future__ import annotations

import atexit
import copy
import mmap
import multiprocessing
import multiprocessing.connection
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import weakref
from collections.abc import Callable, Collection, Iterator
from pathlib import Path

import numpy as np

from nnviz.core import events as ev
from nnviz.core.datasets import Dataset, Split, load_dataset
from nnviz.core.errors import NnvizError
from nnviz.core.network import Network
from nnviz.core.training import TrainingConfig, TrainingControl, train

__all__ = [
    "GROUP_S",
    "RemoteControl",
    "SharedArrays",
    "TrainingProcess",
    "TrainingProcessError",
    "acquire",
    "release",
    "shutdown_all",
    "warm_up",
]

GROUP_S = 1 / 60  # the child sends what it has at least this often while events come
_DRAIN_S = 30.0  # after a run's reader stopped early: how long its end may take to arrive
_CLOSE_S = 2.0  # how long a child may take to exit when asked, before it is terminated


class TrainingProcessError(NnvizError):
    """A run in the child process failed (its message, one line) or the child died.
    ``details`` holds the child's traceback, when there is one."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


class RemoteControl(TrainingControl):
    """A TrainingControl whose requests also reach the child's control of the same run.

    Requests made before the run is attached are kept and sent with the run, in order; those
    made after go to the child at once. It keeps its own state too (``pace``, ``paused``) for
    whoever reads it in this process."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._send: Callable[[str, tuple], None] | None = None
        self._pending: list[tuple[str, tuple]] = []

    def _forward(self, name: str, *args: object) -> None:
        with self._lock:
            if self._send is None:
                self._pending.append((name, args))
                return
            try:
                self._send(name, args)
            except OSError:  # the child is gone: the run's reader says so
                pass

    def _attach(self, send: Callable[[str, tuple], None]) -> list[tuple[str, tuple]]:
        """From now on requests go through ``send``; returns those made before."""
        with self._lock:
            self._send = send
            pending, self._pending = self._pending, []
            return pending

    def _detach(self) -> None:
        with self._lock:
            self._send = None

    def stop(self) -> None:
        super().stop()
        self._forward("stop")

    def pause(self) -> None:
        super().pause()
        self._forward("pause")

    def resume(self) -> None:
        super().resume()
        self._forward("resume")

    def step(self, batches: int = 1) -> None:
        super().step(batches)
        self._forward("step", batches)

    def set_pace(self, seconds_per_step: float) -> None:
        super().set_pace(seconds_per_step)
        self._forward("set_pace", seconds_per_step)

    def change(self, name: str, value: float) -> None:
        super().change(name, value)  # refuses a name that cannot change, here
        self._forward("change", name, value)

    def request_snapshot(self) -> None:
        super().request_snapshot()
        self._forward("request_snapshot")


def _anonymous_file(size: int) -> int:
    """A file descriptor of ``size`` bytes of memory no path leads to."""
    if hasattr(os, "memfd_create"):  # Linux
        fd = os.memfd_create("nnviz-snapshots", os.MFD_CLOEXEC)
    else:
        with tempfile.TemporaryFile() as file:  # unlinked at once on POSIX
            fd = os.dup(file.fileno())
    try:
        os.ftruncate(fd, size)
    except OSError:
        os.close(fd)
        raise
    return fd


class SharedArrays:
    """Arrays (``{name: shape}``, one dtype) in memory that a child process maps too: what the
    child writes there is in ``arrays`` at once. Rows before ``first`` are the parent's."""

    _ALIGN = 64

    def __init__(self, shapes: dict[str, tuple[int, ...]], dtype, first: int = 0) -> None:
        dtype = np.dtype(dtype)
        self.layout: list[tuple[str, tuple[int, ...], str, int]] = []
        size = 0
        for name, shape in shapes.items():
            self.layout.append((name, tuple(int(n) for n in shape), dtype.str, size))
            nbytes = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
            size += -(-nbytes // self._ALIGN) * self._ALIGN
        self.size = max(size, self._ALIGN)
        self.first = int(first)
        self.fd = _anonymous_file(self.size)
        try:
            self._map = mmap.mmap(self.fd, self.size)
        except OSError:
            os.close(self.fd)
            raise
        self.arrays = _views(self._map, self.layout)

    def close_fd(self) -> None:
        """The child has its own mapping: the descriptor is no longer needed (the memory stays
        while ``arrays`` are referenced)."""
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def _views(buffer, layout) -> dict[str, np.ndarray]:
    return {
        name: np.ndarray(shape, np.dtype(dtype), buffer=buffer, offset=offset)
        for name, shape, dtype, offset in layout
    }


def _failure_message(exc: BaseException) -> tuple[str, str]:
    """(kind, one-line message) of an exception of the child: "memory" (raised again as a
    MemoryError here) or "error"."""
    if isinstance(exc, MemoryError):
        return "memory", str(exc)
    if isinstance(exc, NnvizError):
        return "error", str(exc)
    return "error", f"{type(exc).__name__}: {exc}"


class TrainingProcess:
    """One child process that trains one run at a time (see the module docstring).

    Used by one thread at a time (the run's reader); :meth:`close` once no run is read."""

    def __init__(self) -> None:
        parent, child = multiprocessing.Pipe(duplex=True)
        commands_in, commands_out = multiprocessing.Pipe(duplex=False)
        fds = (child.fileno(), commands_in.fileno())
        env = dict(os.environ)  # the child finds this nnviz, however it was found here
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", __name__, *map(str, fds)],
                pass_fds=fds,
                env=env,
                stdin=subprocess.DEVNULL,
            )
        finally:
            child.close()
            commands_in.close()
        self._conn = parent
        self._commands = commands_out
        self._command_lock = threading.Lock()
        self._job = 0
        self._dataset: weakref.ref | None = None  # the dataset the child holds
        self.datasets_sent = 0
        self._dead = False

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def alive(self) -> bool:
        return not self._dead and self._process.poll() is None

    def kill(self) -> None:
        """End the child at once (a test of a child that dies; a child that does not stop)."""
        self._process.kill()
        self._process.wait(_CLOSE_S)

    def close(self) -> None:
        """Ask the child to exit (terminate it if it does not within ``_CLOSE_S``)."""
        if not self._dead:
            self._dead = True
            try:
                self._conn.send(None)
            except OSError:
                pass
        try:
            self._process.wait(_CLOSE_S)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(_CLOSE_S)
        self._conn.close()
        self._commands.close()

    # ------------------------------------------------------------------ a run
    def events(
        self,
        control: RemoteControl,
        config: TrainingConfig,
        dataset: Dataset | None = None,
        network: Network | None = None,
        snapshot_interval: float | None = None,
        snapshot_steps: Collection[int] = (),
        blas_threads: int | None = 1,
        rows: SharedArrays | None = None,
    ) -> Iterator[ev.TrainingEvent]:
        """The events of ``train(config, dataset, control, network, snapshot_interval,
        snapshot_steps)`` run in the child (BLAS limited to ``blas_threads``), in order.

        With ``rows``, the scheduled snapshots are written by the child into the free rows of
        those arrays, one after the other (then by value once they are full): their events
        carry these rows themselves as ``params``.

        ``network`` is trained in the child: it is not changed here (the events carry copies of
        its weights). A failure in the child raises :class:`TrainingProcessError` (or
        MemoryError) here; closing the iterator early stops the child's run."""
        if not self.alive:
            raise TrainingProcessError(self._death())
        dataset = dataset if dataset is not None else load_dataset(config.dataset)
        dataset.load()  # a bad file fails here, as it would in train()
        self._send_dataset(dataset)
        self._job += 1
        job = self._job

        def send(name: str, args: tuple) -> None:
            with self._command_lock:
                self._commands.send((job, name, args))

        ended = False
        try:
            initial = control._attach(send)
            run = {
                "config": config,
                "network": network,
                "snapshot_interval": snapshot_interval,
                "snapshot_steps": tuple(int(s) for s in snapshot_steps),
            }
            if rows is not None:
                self._send_rows(rows)
            self._send(("run", job, run, initial, blas_threads))
            while True:
                message = self._recv()
                if message[1] != job:
                    continue  # what is left of an earlier run (read to its end already)
                if message[0] == "events":
                    for event in message[2]:
                        if isinstance(event, tuple):  # ("row", step, epoch, elapsed, row)
                            _, step, epoch, elapsed, row = event
                            params = {n: a[row] for n, a in rows.arrays.items()}
                            event = ev.WeightsSnapshot(step, epoch, elapsed, params, True)
                        yield event
                elif message[0] == "done":
                    ended = True
                    return
                else:  # failed
                    ended = True
                    _, _, kind, text, details = message
                    if kind == "memory":
                        raise MemoryError(text)
                    raise TrainingProcessError(text, details)
        finally:
            control._detach()
            if not ended:
                self._abandon(job, send)

    def _abandon(self, job: int, send: Callable[[str, tuple], None]) -> None:
        """The reader of ``job`` stopped before its end: stop it in the child and read what is
        left of it, so that the next run starts clean (a child that does not end is killed)."""
        if not self.alive:
            return
        try:
            send("stop", ())
            deadline = time.monotonic() + _DRAIN_S
            while (left := deadline - time.monotonic()) > 0 and self._conn.poll(left):
                message = self._conn.recv()
                if message[1] == job and message[0] in ("done", "failed"):
                    return
        except (OSError, EOFError):
            pass
        self._dead = True
        self.kill()

    def _send_rows(self, rows: SharedArrays) -> None:
        """Give the child a mapping of ``rows`` (its descriptor passed over the socket)."""
        self._send(("rows", rows.layout, rows.size, rows.first))
        try:
            with socket.socket(fileno=os.dup(self._conn.fileno())) as sock:
                socket.send_fds(sock, [b"r"], [rows.fd])
        except OSError as exc:
            self._dead = True
            raise TrainingProcessError(self._death()) from exc

    def _send(self, message: object) -> None:
        try:
            self._conn.send(message)
        except OSError as exc:
            self._dead = True
            raise TrainingProcessError(self._death()) from exc

    def _recv(self):
        try:
            return self._conn.recv()
        except (EOFError, OSError) as exc:
            self._dead = True
            raise TrainingProcessError(self._death()) from exc

    def _death(self) -> str:
        try:
            code = self._process.wait(0.5)
        except subprocess.TimeoutExpired:
            code = None
        how = f" (exit code {code})" if code is not None else ""
        return f"the training process ended unexpectedly{how}: press Start to train again"

    def _send_dataset(self, dataset: Dataset) -> None:
        """Give the child ``dataset``'s splits unless it holds them already: each array's bytes
        are written from its memory (no pickled copy of 55 MB)."""
        if self._dataset is not None and self._dataset() is dataset:
            return
        bare = copy.copy(dataset)
        arrays = []
        for split in ("train", "test"):
            bare.__dict__.pop(split, None)
            part = getattr(dataset, split)
            arrays += [np.ascontiguousarray(part.images), np.ascontiguousarray(part.labels)]
        self._send(("dataset", bare, [(a.shape, a.dtype.str) for a in arrays]))
        try:
            for array in arrays:
                self._conn.send_bytes(memoryview(array).cast("B") if array.size else b"")
        except OSError as exc:
            self._dead = True
            raise TrainingProcessError(self._death()) from exc
        self._dataset = weakref.ref(dataset)
        self.datasets_sent += 1


# ---------------------------------------------------------------------- the pool
_pool_lock = threading.Lock()
_idle: list[TrainingProcess] = []
_MAX_IDLE = 1


def acquire() -> TrainingProcess:
    """A started child that runs nothing now (a new one if none is idle)."""
    with _pool_lock:
        while _idle:
            process = _idle.pop()
            if process.alive:
                return process
            process.close()
    return TrainingProcess()


def release(process: TrainingProcess) -> None:
    """``process`` runs nothing any more: kept for the next run, or closed."""
    with _pool_lock:
        if process.alive and len(_idle) < _MAX_IDLE:
            _idle.append(process)
            return
    process.close()


def warm_up() -> None:
    """Start a child now, if none is idle, so the next run does not wait for its start."""
    with _pool_lock:
        if any(p.alive for p in _idle):
            return
    release(TrainingProcess())


def shutdown_all() -> None:
    """Close every idle child (at exit; the one of a run going on ends with its run)."""
    with _pool_lock:
        idle, _idle[:] = list(_idle), []
    for process in idle:
        process.close()


atexit.register(shutdown_all)


# ---------------------------------------------------------------------- the child
def _serve(conn, commands) -> None:
    """The child's main loop: a dataset, then runs, until the parent says None or is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    lock = threading.Lock()
    state = {"job": 0, "control": None, "queued": {}}

    def listen() -> None:
        """Apply each request to its run's control (kept for a run not begun yet)."""
        while True:
            try:
                job, name, args = commands.recv()
            except (EOFError, OSError):  # the parent is gone: stop whatever runs
                with lock:
                    if state["control"] is not None:
                        state["control"].stop()
                return
            with lock:
                if job > state["job"]:
                    state["queued"].setdefault(job, []).append((name, args))
                    continue
                control = state["control"] if job == state["job"] else None
            if control is not None:
                getattr(control, name)(*args)

    threading.Thread(target=listen, name="nnviz-training-commands", daemon=True).start()
    dataset: Dataset | None = None
    rows: _Rows | None = None
    try:
        while True:
            message = conn.recv()
            if message is None:
                return
            if message[0] == "dataset":
                dataset = _receive_dataset(conn, message[1], message[2])
            elif message[0] == "rows":
                rows = _Rows(conn, *message[1:])
            elif message[0] == "run":
                _, job, run, initial, blas_threads = message
                control = TrainingControl()
                with lock:
                    state["job"], state["control"] = job, control
                    queued = state["queued"].pop(job, [])
                    state["queued"] = {j: q for j, q in state["queued"].items() if j > job}
                    for name, args in [*initial, *queued]:
                        getattr(control, name)(*args)
                _run(conn, job, run, control, dataset, blas_threads, rows)
                rows = None  # (the next run brings its own)
                with lock:
                    state["control"] = None
    except (EOFError, OSError):
        return  # the parent is gone


def _receive_dataset(conn, bare: Dataset, layout: list) -> Dataset:
    arrays = []
    for shape, dtype in layout:
        array = np.empty(shape, dtype=np.dtype(dtype))
        if array.size:
            conn.recv_bytes_into(memoryview(array).cast("B"))
        else:
            conn.recv_bytes()
        arrays.append(array)
    bare.__dict__["train"] = Split(arrays[0], arrays[1])
    bare.__dict__["test"] = Split(arrays[2], arrays[3])
    return bare


class _Rows:
    """The child's side of SharedArrays: the rows the run's scheduled snapshots go to."""

    def __init__(self, conn, layout, size: int, first: int) -> None:
        with socket.socket(fileno=os.dup(conn.fileno())) as sock:
            _, fds, _, _ = socket.recv_fds(sock, 1, 1)
        try:
            self.arrays = _views(mmap.mmap(fds[0], size), layout)
        finally:
            os.close(fds[0])
        self.next = first
        self.capacity = next(iter(self.arrays.values())).shape[0] if self.arrays else 0
        self._last: tuple[int, int] | None = None  # (step, row) of the last snapshot written

    def write(self, event: ev.WeightsSnapshot) -> tuple | None:
        """Write the snapshot into its row; what stands for the event then (None: no room
        left, the event goes by value from now on)."""
        if self._last is not None and self._last[0] == event.step:
            row = self._last[1]  # the same step again: its row
        elif self.next < self.capacity:
            row, self.next = self.next, self.next + 1
        else:
            self.capacity, self._last = 0, None  # full: this and every later one by value
            return None
        for name, array in self.arrays.items():
            array[row] = event.params[name]
        self._last = (event.step, row)
        return ("row", event.step, event.epoch, event.elapsed, row)


def _run(conn, job: int, run: dict, control: TrainingControl, dataset, blas_threads, rows) -> None:
    """Train one run, sending its events in groups, then "done" (or "failed")."""
    from threadpoolctl import threadpool_limits

    group: list[ev.TrainingEvent] = []
    sent = time.perf_counter()
    try:
        with threadpool_limits(limits=blas_threads, user_api="blas"):
            events = train(
                run["config"],
                dataset,
                control,
                run["network"],
                run["snapshot_interval"],
                run["snapshot_steps"],
            )
            for event in events:
                scheduled = isinstance(event, ev.WeightsSnapshot) and event.scheduled
                written = rows.write(event) if scheduled and rows is not None else None
                group.append(event if written is None else written)
                now = time.perf_counter()
                routine = scheduled or isinstance(event, ev.BatchFinished)
                # anything else (a pause, an evaluation, a snapshot asked for, the end) and
                # every step in slow motion goes at once
                if not routine or control.pace > 0 or now - sent >= GROUP_S:
                    conn.send(("events", job, group))
                    group, sent = [], now
    except BaseException as exc:  # noqa: BLE001 - every failure goes to the parent
        kind, text = _failure_message(exc)
        details = traceback.format_exc()
        if group:
            conn.send(("events", job, group))  # (raises if the parent is gone)
        conn.send(("failed", job, kind, text, details))
        return
    if group:
        conn.send(("events", job, group))
    conn.send(("done", job))


if __name__ == "__main__":  # the child: python -m nnviz.core.training_process EVENTS COMMANDS
    _serve(
        multiprocessing.connection.Connection(int(sys.argv[1])),
        multiprocessing.connection.Connection(int(sys.argv[2]), writable=False),
    )
