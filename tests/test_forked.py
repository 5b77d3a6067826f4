"""A function mapped over a list in forked workers (alliance_archive.forked): the results of the map
done here, in the same order, with at most a few chunks waiting, and all of them when a worker dies."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from alliance_archive import forked

PARENT = os.getpid()


def square_where(n: int) -> tuple[int, int]:
    return n * n, os.getpid()


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "CHUNK", 4)
    monkeypatch.setattr(forked, "MIN_ITEMS", 10)


def test_the_results_are_the_map_done_here_in_order_and_made_in_workers() -> None:
    items = list(range(500))
    results = list(forked.map_in_order(square_where, items, jobs=2))
    assert [r for r, _ in results] == [n * n for n in items]
    made_by = {pid for _, pid in results}
    assert PARENT not in made_by and len(made_by) == 2


@pytest.mark.parametrize(("count", "jobs"), [(9, 2), (500, 1), (500, 0)])
def test_few_items_or_one_job_are_done_here(count: int, jobs: int) -> None:
    results = list(forked.map_in_order(square_where, list(range(count)), jobs))
    assert [r for r, _ in results] == [n * n for n in range(count)]
    assert {pid for _, pid in results} == {PARENT}


def test_when_a_worker_dies_the_rest_is_done_here() -> None:
    def dies_at_300(n: int) -> tuple[int, int]:
        if n == 300 and os.getpid() != PARENT:
            os._exit(3)
        return square_where(n)

    results = list(forked.map_in_order(dies_at_300, list(range(500)), jobs=2))
    assert [r for r, _ in results] == [n * n for n in range(500)]
    assert {pid for _, pid in results[:200]} != {PARENT} and results[-1][1] == PARENT


def test_at_most_a_few_chunks_are_made_ahead_of_the_reader() -> None:
    made = multiprocessing.get_context("fork").Value("i", 0)

    def counted(n: int) -> int:
        with made.get_lock():
            made.value += 1
        return n

    results = forked.map_in_order(counted, list(range(2000)), jobs=2)
    assert next(results) == 0
    time.sleep(0.5)  # time for the workers to run ahead as far as they may
    window = (2 * forked._IN_FLIGHT + 1) * forked.CHUNK
    assert made.value <= window < 2000
    assert list(results) == list(range(1, 2000))


@pytest.mark.parametrize(
    ("count", "size", "jobs"), [(0, 4, 2), (1, 4, 2), (7, 32, 2), (1351, 32, 2), (500, 16, 8)]
)
def test_chunks_cover_the_list_in_order_and_shrink_towards_its_end(count: int, size: int, jobs: int) -> None:
    bounds = forked.chunks(count, size, jobs)
    assert [i for start, end in bounds for i in range(start, end)] == list(range(count))
    lengths = [end - start for start, end in bounds]
    assert all(1 <= n <= size for n in lengths)
    assert lengths == sorted(lengths, reverse=True)  # never larger than the chunk before it
    if count:
        # each chunk is at most the items left over twice the workers: the last ones are one item each
        left = [count - start for start, _ in bounds]
        assert all(n <= max(1, rest // (2 * jobs)) for rest, n in zip(left, lengths, strict=True))
        assert lengths[-jobs:] == [1] * min(jobs, len(lengths))


def test_a_long_list_is_cut_into_full_chunks_until_near_its_end() -> None:
    lengths = [end - start for start, end in forked.chunks(1351, 32, 2)]
    assert lengths[:38] == [32] * 38 and sum(lengths) == 1351
