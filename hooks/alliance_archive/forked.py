"""A function mapped over a list in worker processes forked from this one, the results in order.

For work on data this process already holds (the records, the officials' views): a forked worker
inherits it as it is, so nothing is sent on the way in and only the results come back. Forking is
used only where it exists (Linux), where the caller asks for two workers or more (it passes none
under ``mkdocs serve``, whose live-reload server runs threads) and where the list is long enough to
pay for it; otherwise, and for whatever is left when a worker dies, the items are done here. The
results are the same either way, in the same order, and at most a few chunks of them wait in memory.
"""

from __future__ import annotations

import collections
import itertools
import multiprocessing
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

CHUNK = 32  # items a worker takes at a time
MIN_ITEMS = 200  # fewer than this: done here, quicker than starting workers
_IN_FLIGHT = 2  # chunks submitted ahead for each worker (bounds the results held at once)

# the function and the items of the current map: set before the workers are forked, which inherit them
_WORK: dict[str, Any] = {}


def available() -> bool:
    return sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods()


def chunks(count: int, size: int, jobs: int) -> list[tuple[int, int]]:
    """``range(count)`` cut into consecutive (start, end) chunks of at most ``size`` items, smaller
    towards the end (each at most the remaining items over twice ``jobs``, down to one): the last items
    of a list are often its heaviest (the whole archive's data files, its longest listings), and a
    worker holding several of them in one chunk would finish long after the others ran out of work."""
    out = []
    start = 0
    while start < count:
        step = max(1, min(size, (count - start) // (2 * max(1, jobs))))
        out.append((start, start + step))
        start += step
    return out


def _run(bounds: tuple[int, int]) -> list[Any]:
    fn, items = _WORK["fn"], _WORK["items"]
    return [fn(items[i]) for i in range(*bounds)]


def map_in_order(fn: Callable[[T], R], items: Sequence[T], jobs: int) -> Iterator[R]:
    """``fn(item)`` for each item, in order: in ``jobs`` forked workers where that pays, else here."""
    done = 0
    if jobs >= 2 and len(items) >= MIN_ITEMS and available() and not _WORK:
        bounds = iter(chunks(len(items), CHUNK, jobs))
        _WORK.update(fn=fn, items=items)
        try:
            with ProcessPoolExecutor(
                max_workers=jobs, mp_context=multiprocessing.get_context("fork")
            ) as pool:
                pending: collections.deque[Future[list[Any]]] = collections.deque(
                    pool.submit(_run, b) for b in itertools.islice(bounds, jobs * _IN_FLIGHT)
                )
                while pending:
                    results = pending.popleft().result()
                    following = next(bounds, None)
                    if following is not None:
                        pending.append(pool.submit(_run, following))
                    yield from results
                    done += len(results)
        except (BrokenProcessPool, OSError):
            pass  # a worker died or none could start: the rest is done here
        finally:
            _WORK.clear()
    for item in items[done:]:
        yield fn(item)
