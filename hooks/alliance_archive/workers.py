"""Seeds processed side by side in worker processes, each seed under a time budget.

``run_all(paths, fn, budget_s, jobs)`` calls ``fn(path)`` for every path and returns the results in
the order of ``paths``. With ``jobs >= 1`` the calls run in that many worker processes; a call that
runs past ``budget_s`` seconds is not waited for: its worker is ended and replaced, and the result
for that path is a :class:`Stopped` naming the stage it was in (set by :func:`stage` from inside
``fn``). The budget counts the processor time the worker spends on the call (where the system
tells it, as Linux does in ``/proc``), so other work on a busy machine does not stop a seed that
would build; a call also stops after ``WALL_MULTIPLE`` times the budget of wall time whatever it
spent, so one that waits on something never stalls the build. A worker that dies (killed, out of
memory) gives a :class:`Stopped` too. With ``jobs == 0`` the calls run one after another in this
process, with no budget: the cheaper way for a few small seeds, whose cost is bounded because every
stage is linear in the size of a seed. A :class:`Pool` is the same workers started before the paths
are known (``start``), which load what they need meanwhile, then given them (``run``).

Workers are started with the ``spawn`` method by default: a fresh interpreter that imports the
archive's modules anew (so data files an editor changed under ``mkdocs serve`` are read again) and
does not inherit the threads of a live-reloading server. A one-off build, which has neither, may ask
for ``fork`` (Linux): the workers then start as copies of this process, with its modules imported and
its patterns compiled, which spares each of them a second or so of starting. ``fn`` (a module-level
function or a ``functools.partial`` of one), the paths and the results must be picklable.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import struct
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

T = TypeVar("T")
StartMethod = Literal["spawn", "fork"]

_STAGE_BYTES = 48
_stage_slot: Any = None  # in a worker: the shared buffer the parent reads when the budget runs out
_stage_name = "starting"


@dataclass(frozen=True)
class Stopped:
    """A seed whose processing did not finish: over the budget, its worker died, or its result failed."""

    path: Path
    stage: str
    reason: str  # "budget", "died", or "failed: <what went wrong>"
    seconds: float


def stage(name: str) -> None:
    """Mark the stage the current seed is in; reported if the seed is stopped there."""
    global _stage_name
    _stage_name = name
    if _stage_slot is not None:
        _stage_slot.value = name.encode("utf-8")[: _STAGE_BYTES - 1]


def current_stage() -> str:
    return _stage_name


def cpu_count() -> int:
    """The cores this process may use (its affinity mask where the system has one)."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return int(counter() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


# Processing cost of the slowest hostile shape the worst-case benchmark measures (ms per KB of seed,
# benchmarks/bench_worst_case.py), with room to spare: seeds that together cost less than
# SERIAL_LIMIT_S at this rate are built in this process, cheaper than starting workers.
WORST_MS_PER_KB = 30.0
SERIAL_LIMIT_S = 0.5


def jobs_for(sizes: Sequence[int], budget_s: float | None) -> int:
    """How many workers to build seeds of these sizes (bytes) with; 0 builds them in this process.

    In this process no budget is enforced, so that is chosen only where even the slowest shape at
    these sizes stays well inside the budget.
    """
    worst_s = sum(sizes) / 1024 * WORST_MS_PER_KB / 1000
    limit = SERIAL_LIMIT_S if budget_s is None else min(SERIAL_LIMIT_S, budget_s / 4)
    if worst_s <= limit:
        return 0
    return max(1, min(cpu_count(), len(sizes)))


def _worker_main(conn: Connection, slot: Any) -> None:
    global _stage_slot
    _stage_slot = slot
    try:
        fn, warm = pickle.loads(conn.recv_bytes())
    except (EOFError, OSError):
        return
    if warm is not None:
        warm()  # load data files and models before the first budget starts
    _reply(conn, "ready", None)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path = task
        stage("starting")
        try:
            _reply(conn, "done", (index, fn(path)))
        except Exception as exc:  # fn failed, or its result would not pickle: report it, keep serving
            _reply(conn, "failed", (index, f"{exc.__class__.__name__}: {exc}"))


_CPU = struct.Struct("<d")


def _reply(conn: Connection, kind: str, payload: object) -> None:
    """A message to the parent: the processor time (user and system) this worker has used so far, which
    is where the budget of the next path it is given starts (it waits for that path without using
    any), then ``kind`` and ``payload`` pickled."""
    body = ForkingPickler.dumps((kind, payload))
    times = os.times()
    conn.send_bytes(_CPU.pack(times.user + times.system) + body)


def _message(data: bytes) -> tuple[float, memoryview]:
    """A worker's message: the processor time it had used when it sent it, and the pickled rest."""
    return _CPU.unpack_from(data)[0], memoryview(data)[_CPU.size :]


class PoolError(RuntimeError):
    """Worker processes could not be started here."""


@dataclass
class _Worker:
    process: Any
    conn: Connection
    slot: Any
    ready: bool = False
    index: int | None = None
    path: Path | None = None
    started: float = 0.0
    cpu_at_start: float | None = None


WALL_MULTIPLE = 4.0
_POLL_S = 0.2
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_seconds(pid: int) -> float | None:
    """Processor time (user and system) a process has used so far, where /proc tells it."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (OSError, IndexError, ValueError):
        return None


def _over_budget(worker: _Worker, budget_s: float, now: float) -> bool:
    wall = now - worker.started
    if wall >= WALL_MULTIPLE * budget_s:
        return True
    if wall < budget_s:
        return False  # a worker runs one thread: it cannot have used more processor time than that
    cpu = _cpu_seconds(worker.process.pid) if worker.cpu_at_start is not None else None
    if cpu is None or worker.cpu_at_start is None:
        return wall >= budget_s  # no processor times here: wall time it is
    return cpu - worker.cpu_at_start >= budget_s


@contextlib.contextmanager
def _this_package_first() -> Iterator[None]:
    """A spawned worker imports the archive's modules from the folder this one came from.

    The child takes the parent's ``sys.path`` as it is when started. MkDocs puts the hook's folder
    on the path only while it loads the hook, so without this a worker would import whichever copy
    of the package the environment has installed (the project a copy was made from, say) or none."""
    root = str(Path(__file__).resolve().parent.parent)
    saved = sys.path[:]
    sys.path.insert(0, root)
    try:
        yield
    finally:
        sys.path[:] = saved


def run_all(
    paths: Sequence[Path],
    fn: Callable[[Path], T],
    budget_s: float | None,
    jobs: int,
    warm: Callable[[], Any] | None = None,
    start_method: StartMethod = "spawn",
) -> list[T | Stopped]:
    """``fn(path)`` for every path, in order; ``Stopped`` where one overran ``budget_s`` or died.

    ``warm`` runs once in each worker before it takes work (loading data files and models), so that
    loading is not charged to the first seed's budget. ``start_method`` is how workers start:
    ``spawn`` or ``fork`` (see the module's description).
    """
    if jobs <= 0 or not paths:
        return [fn(path) for path in paths]
    with Pool(fn, budget_s, jobs, warm, start_method) as pool:
        return pool.run(paths)


class Pool(Generic[T]):
    """The workers of ``run_all``, which may be started before the paths are known: ``start`` sets
    them loading their data files and models while this process does something else, ``run`` then
    gives them the paths (starting whichever are not running yet), and ``close`` ends them."""

    def __init__(
        self,
        fn: Callable[[Path], T],
        budget_s: float | None,
        jobs: int,
        warm: Callable[[], Any] | None = None,
        start_method: StartMethod = "spawn",
    ) -> None:
        self.budget_s = budget_s
        self.jobs = jobs
        self.start_method = start_method
        self._ctx = (
            multiprocessing.get_context("fork")
            if start_method == "fork"
            else multiprocessing.get_context("spawn")
        )
        self._setup = pickle.dumps((fn, warm))  # sent down the pipe, which fails cleanly if the worker dies
        self._workers: list[_Worker] = []
        self._started_ok = False
        self._ran = False

    def __enter__(self) -> Pool[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def running(self) -> int:
        """How many workers are running."""
        return len(self._workers)

    def start(self, count: int | None = None) -> None:
        """Start workers now, ``count`` of them at most (all ``jobs`` by default)."""
        wanted = self.jobs if count is None else min(self.jobs, count)
        while len(self._workers) < wanted:
            self._start()

    def _start(self) -> None:
        parent, child = self._ctx.Pipe(duplex=True)
        slot = self._ctx.Array("c", _STAGE_BYTES, lock=False)
        process = self._ctx.Process(target=_worker_main, args=(child, slot), daemon=True)
        with _this_package_first():
            process.start()
        child.close()
        worker = _Worker(process, parent, slot)
        self._workers.append(worker)
        try:
            parent.send_bytes(self._setup)
        except OSError as exc:
            self._end(worker)
            raise PoolError(f"a worker process could not start (exit code {process.exitcode})") from exc

    def _end(self, worker: _Worker) -> None:
        self._workers.remove(worker)
        worker.conn.close()
        if worker.process.is_alive():
            worker.process.kill()  # ended, not waited for
        worker.process.join(timeout=5)

    def close(self) -> None:
        """End the workers: each is told to stop, and ended if it has not within two seconds."""
        for worker in self._workers:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        for worker in list(self._workers):
            worker.process.join(timeout=2)
            self._end(worker)

    def run(self, paths: Sequence[Path]) -> list[T | Stopped]:
        """``fn(path)`` for every path, in order, as ``run_all`` gives them; once for a pool (a worker
        that has had its last path sends nothing more to be given another)."""
        if self._ran:
            raise RuntimeError("a pool of workers runs one list of paths")
        self._ran = True
        budget_s, jobs, workers = self.budget_s, self.jobs, self._workers
        results: dict[int, T | Stopped] = {}
        todo = list(reversed(list(enumerate(paths))))  # popped from the end: first path first

        def give_work(worker: _Worker, cpu_now: float) -> None:
            """The next path to ``worker``, which has used ``cpu_now`` seconds of processor time so far (as
            it said in the message it sent last, and has been waiting since)."""
            worker.index = worker.path = None
            if todo:
                index, path = todo.pop()
                worker.slot.value = b"starting"
                worker.index, worker.path, worker.started = index, path, time.monotonic()
                worker.cpu_at_start = cpu_now
                worker.conn.send((index, path))

        def stopped(worker: _Worker, reason: str) -> None:
            if worker.index is not None and worker.path is not None:
                seconds = time.monotonic() - worker.started
                where = worker.slot.value.decode("utf-8", "replace") or "starting"
                results[worker.index] = Stopped(worker.path, where, reason, seconds)
            elif not worker.ready and not self._started_ok:
                raise PoolError(f"a worker process could not start (exit code {worker.process.exitcode})")
            self._end(worker)

        while len(results) < len(paths):
            busy = [w for w in workers if w.index is not None]
            # keep the pool full while work remains; a stopped worker is replaced
            while len(workers) < min(jobs, len(todo) + len(busy)):
                self._start()
            timeout = None
            if budget_s is not None and busy:
                # no call can have used its budget before that much wall time; after it, look at the
                # busy workers' processor time a few times a second
                earliest = min(w.started + budget_s for w in busy) - time.monotonic()
                timeout = earliest if earliest > 0 else _POLL_S
            ready = wait([w.conn for w in workers] + [w.process.sentinel for w in workers], timeout)
            for worker in list(workers):
                if worker.conn in ready:
                    try:
                        message = worker.conn.recv_bytes()
                    except (EOFError, OSError):
                        stopped(worker, "died")
                        continue
                    done_path, where = worker.path, worker.slot.value.decode("utf-8", "replace")
                    cpu_now, body = _message(message)
                    # the next seed goes out before this one's record is unpacked: the worker waits
                    # only for the message, not for this process to read what it sent
                    give_work(worker, cpu_now)
                    kind, payload = ForkingPickler.loads(body)
                    if kind == "ready":
                        worker.ready = self._started_ok = True
                    elif kind == "failed":
                        assert done_path is not None
                        index, why = payload
                        results[index] = Stopped(done_path, where, f"failed: {why}", 0.0)
                    else:
                        index, value = payload
                        results[index] = value
                elif worker.process.sentinel in ready:
                    stopped(worker, "died")
            if budget_s is not None:
                now = time.monotonic()
                for worker in list(workers):
                    if worker.index is not None and _over_budget(worker, budget_s, now):
                        stopped(worker, "budget")
        return [results[i] for i in range(len(paths))]


__all__ = ["Pool", "PoolError", "Stopped", "cpu_count", "jobs_for", "run_all", "stage"]
