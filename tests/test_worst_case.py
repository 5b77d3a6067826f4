"""No seed can stall the build: linear cost on hostile shapes, a time budget per seed, strict mode
that ``-q`` cannot silence, and nothing of the text lost.

Speed is checked only as *scaling* (four times the input may take at most eight times as long,
and a hostile shape at most a generous multiple of an ordinary article of the same size), never
against a clock; the figures themselves come from ``benchmarks/bench_worst_case.py``. Costs are
this process's CPU time (best of a few runs), which other work on a shared machine barely moves.
"""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort

from alliance_archive import cache, pipeline, workers
from alliance_archive.read import SeedError
from alliance_archive.registry import registry
from alliance_archive.textutil import paragraphs, sentences
from tests import hostile_shapes as shapes
from tests.conftest import SEEDS, build_project, make_project

SMALL = 16 * 1024  # the 1x size; the 4x size is 64 KB
SCALING_LIMIT = 8.0  # for 4x the input: linear is about 4, quadratic 16
ORDINARY_MULTIPLE = 25.0  # a hostile shape against an ordinary article of the same size
NOISE_FLOOR_S = 0.02  # timings below this are noise: compared as if they took this long


def _plain(markdown: str) -> str:
    """The record's Markdown with its escapes removed, to look for the seed's sentences in it."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


@pytest.fixture(scope="module")
def reg():
    registry_ = registry()
    pipeline.warm_up(registry_)
    return registry_


def _seconds(path: Path, text: str, reg, repeat: int = 1) -> float:
    path.write_text(text, encoding="utf-8")
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        with contextlib.suppress(SeedError):
            pipeline.build_statement(path, reg)
        best = min(best, time.process_time() - start)
    return max(best, NOISE_FLOOR_S)


# --- the sentence splitter ------------------------------------------------------------------------

SPLITS = [
    ["The U.S. and Japan agreed to meet again.", "Officials said the talks went well."],
    ["Amb. Rahm Emanuel spoke first.", "He was followed by Gen. Paul LaCamera of U.S. Forces Korea."],
    ["Deputy Secretary Kurt M. Campbell arrived on Sept. 5.", "He met the minister."],
    ["Resolution No. 2397 was adopted in 2017.", "It tightened sanctions."],
    ['She said: "We will stand together."', "Then the meeting ended."],
    ["The delegation visited the U.N. headquarters (in New York.)", "It then flew home."],
    ["1. The ministers met in Tokyo.", "2. They agreed to meet again."],
]


@pytest.mark.parametrize("expected", SPLITS, ids=[s[0][:30] for s in SPLITS])
def test_sentences_keep_abbreviations_initials_and_closing_quotes(expected) -> None:
    assert sentences(" ".join(expected)) == expected


@pytest.mark.parametrize("unit", ["Mr. ", "U.S. ", "SECRETARY OF STATE ", "J. ", '"A." '])
def test_sentence_splitting_is_linear(unit) -> None:
    def cost(n: int) -> float:
        text = unit * n
        start = time.process_time()
        sentences(text)
        return max(time.process_time() - start, 0.001)

    small = min(cost(4_000) for _ in range(3))
    large = min(cost(16_000) for _ in range(2))
    assert large < SCALING_LIMIT * small, f"{small:.4f} s for 4,000 {unit!r}, {large:.4f} s for 16,000"


# --- hostile shapes: linear, and every real sentence kept -----------------------------------------


@pytest.fixture(scope="module")
def ordinary_large(reg, tmp_path_factory) -> float:
    path = tmp_path_factory.mktemp("ordinary") / "ordinary.txt"
    return _seconds(path, shapes.ordinary(4 * SMALL), reg, repeat=2)


@pytest.mark.parametrize("name", sorted(shapes.SHAPES))
def test_hostile_shape_costs_linear_time(name, reg, ordinary_large, tmp_path) -> None:
    make = shapes.SHAPES[name]
    small = _seconds(tmp_path / "small.txt", make(SMALL), reg, repeat=2)
    large = _seconds(tmp_path / "large.txt", make(4 * SMALL), reg)
    if large >= SCALING_LIMIT * small:  # measure again before blaming the code for one slow run
        large = min(large, _seconds(tmp_path / "large.txt", make(4 * SMALL), reg))
    assert large < SCALING_LIMIT * small, f"{name}: {small:.3f} s at 16 KB, {large:.3f} s at 64 KB"
    assert large < ORDINARY_MULTIPLE * ordinary_large, (
        f"{name}: {large:.3f} s at 64 KB, an ordinary article {ordinary_large:.3f} s"
    )


@pytest.mark.parametrize("name", sorted(set(shapes.SHAPES) - shapes.NOT_TEXT))
def test_hostile_shape_keeps_every_sentence_of_real_text(name, reg, tmp_path) -> None:
    text = shapes.SHAPES[name](SMALL)
    path = tmp_path / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    statement = pipeline.build_statement(path, reg)
    kept = _plain(statement.text)
    markers = shapes.markers_in(text)
    assert markers or name in ("titles_and_mr",), "the shape should carry real sentences"
    lost = [m for m in markers if m not in kept]
    assert not lost, f"{len(lost)} of {len(markers)} sentences lost, first: {lost[0]}"
    if not markers:  # no sentence at all: the text is still shown, not dropped
        assert len(kept) > len(text) / 2


@pytest.mark.parametrize("name", sorted(shapes.NOT_TEXT))
def test_shape_that_is_not_text_is_refused_with_a_reason(name, reg, tmp_path) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_text(shapes.SHAPES[name](4 * SMALL), encoding="utf-8")
    with pytest.raises(SeedError, match=r"not text: one unbroken run of [\d,]+ characters with no spaces"):
        pipeline.build_statement(path, reg)


@pytest.mark.parametrize("content", ["12345 678 90\n", "!!! ??? ... ---\n", "1.2.3 4.5.6\n" * 50])
def test_seed_with_no_words_is_refused(content, reg, tmp_path) -> None:
    path = tmp_path / "numbers.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SeedError, match="not text: it holds no words"):
        pipeline.build_statement(path, reg)


# Pieces a hostile editor could paste between the paragraphs of an article.
FRAGMENTS = st.sampled_from(
    [
        "Mr. ",
        "U.S. ",
        "No. 7 ",
        "Gen. ",
        "J. ",
        "SECRETARY OF STATE ",
        "MINISTER HAYASHI: ",
        "March 3, 2021, ",
        "Antony Blinken said ",
        '"',
        "\u201c",
        "(",
        "[",
        "Share ",
        "XS SM MD LG ",
        "한미 동맹 ",
        "日米同盟 ",
        "0:00 ",
        "x" * 50,
    ]
)
JUNK_LINE = st.tuples(FRAGMENTS, st.integers(1, 300)).map(lambda t: (t[0] * t[1]).strip() or "--")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(JUNK_LINE, st.integers(0, 10_000)), min_size=1, max_size=25))
def test_any_mix_of_hostile_lines_keeps_the_article_sentences(reg, tmp_path, lines) -> None:
    """Whatever hostile lines surround them, paragraphs of plain sentences all survive cleaning."""
    seen: set[int] = set()
    parts = [shapes.ARTICLE_HEAD]
    for line in lines:
        if isinstance(line, int):
            if line in seen:
                continue  # an exact repeat of a paragraph is dropped as a repeat, rightly
            seen.add(line)
            parts.append(shapes.marker(line))
        else:
            parts.append(line)
    text = "\n\n".join(parts) + "\n"
    path = tmp_path / "mix.txt"
    path.write_text(text, encoding="utf-8")
    statement = pipeline.build_statement(path, reg)
    kept = _plain(statement.text)
    for i in seen:
        assert shapes.marker(i) in kept


# --- nothing lost: long lines become paragraphs ---------------------------------------------------


def test_one_long_line_becomes_paragraphs_at_sentence_boundaries(reg, tmp_path) -> None:
    text = shapes.long_line(4 * SMALL)
    assert text.count("\n") == 1
    path = tmp_path / "line.txt"
    path.write_text(text, encoding="utf-8")
    statement = pipeline.build_statement(path, reg)
    parts = statement.text.strip().split("\n\n")
    assert len(parts) >= 4 * SMALL / 2000
    assert max(len(p) for p in parts) <= 2100
    kept = _plain(statement.text)
    assert all(m in kept for m in shapes.markers_in(text))
    # each paragraph ends at a sentence end (the last may end the text)
    assert all(p.rstrip().endswith(".") for p in parts[:-1])


def test_paragraphs_cut_a_huge_sentence_at_spaces_and_a_huge_token_by_size() -> None:
    words = " ".join(f"w{i}" for i in range(5000))
    parts = paragraphs(words)
    assert len(parts) > 1 and all(len(p) <= 2000 for p in parts)
    assert " ".join(parts) == words
    token = "y" * 10_000
    assert paragraphs(token) == ["y" * 2000] * 5
    assert paragraphs("A short one. Two.") == ["A short one. Two."]


# --- the worker pool and the time budget ----------------------------------------------------------


def _napper(path: Path) -> str:
    """A stand-in for building a seed: 'slow' computes for a minute, 'stuck' waits for a minute,
    'die' ends the process, 'raise' fails."""
    workers.stage("napping")
    if path.name.endswith("raise"):
        raise ValueError(f"cannot build {path.name}")
    if path.name.endswith("slow"):
        end = time.monotonic() + 60
        while time.monotonic() < end:
            pass
    if path.name.endswith("stuck"):
        time.sleep(60)
    if path.name.endswith("die"):
        os._exit(3)
    return path.name.upper()


@pytest.mark.parametrize("start_method", ["spawn", "fork"])
def test_worker_over_the_budget_is_ended_not_waited_for(start_method: str) -> None:
    paths = [Path(n) for n in ("a", "b-slow", "c", "d-die", "e", "f-stuck", "g", "h-raise", "i")]
    start = time.monotonic()
    results = workers.run_all(paths, _napper, budget_s=1.0, jobs=2, start_method=start_method)
    elapsed = time.monotonic() - start
    assert elapsed < 40, f"waited {elapsed:.0f} s for a worker that should have been ended"  # a hang guard
    assert [results[i] for i in (0, 2, 4, 6, 8)] == ["A", "C", "E", "G", "I"]
    # a call that raised is reported with the stage it was in, and its worker serves the next path
    assert results[7] == workers.Stopped(paths[7], "napping", "failed: ValueError: cannot build h-raise", 0.0)
    slow, died, stuck = results[1], results[3], results[5]
    assert isinstance(slow, workers.Stopped)
    assert (slow.path, slow.stage, slow.reason) == (paths[1], "napping", "budget")
    assert slow.seconds >= 1.0
    assert isinstance(died, workers.Stopped) and died.reason == "died"
    # waiting uses no processor time: the wall-time limit stops it
    assert isinstance(stuck, workers.Stopped) and stuck.reason == "budget"
    assert stuck.seconds >= workers.WALL_MULTIPLE * 1.0


def _spender(path: Path) -> str:
    """A stand-in for building a seed: 'work' computes for 0.6 s of processor time, 'wait' waits for
    1.5 s without computing."""
    workers.stage("spending")
    if path.name.startswith("work"):
        end = time.process_time() + 0.6
        while time.process_time() < end:
            pass
    if path.name.startswith("wait"):
        time.sleep(1.5)
    return path.name


def test_the_budget_counts_each_seeds_own_processor_time() -> None:
    """One worker builds every path, each within the budget of 1 s: the processor time its earlier
    paths used (3 s in all) is not charged to the later ones, and a path that waits past the budget
    in wall time, computing nothing, is not stopped before the wall-time limit."""
    paths = [Path(f"work-{i}") for i in range(5)] + [Path("wait")]
    results = workers.run_all(paths, _spender, budget_s=1.0, jobs=1, start_method="fork")
    assert results == [p.name for p in paths]


def _mark_warm(folder: Path) -> None:
    """A stand-in for loading the data files: leaves a file named after the worker's process."""
    (folder / str(os.getpid())).write_text("warm", encoding="utf-8")


def test_a_pool_started_before_its_paths_warms_up_at_once_and_runs_them_once(tmp_path: Path) -> None:
    marks = tmp_path / "marks"
    marks.mkdir()
    pool = workers.Pool(_napper, 5.0, 2, functools.partial(_mark_warm, marks), "fork")
    with pool:
        pool.start()
        assert pool.running == 2
        deadline = time.monotonic() + 30
        while len(list(marks.iterdir())) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        # both workers have loaded what they need before they are given a path
        assert len(list(marks.iterdir())) == 2
        paths = [Path(n) for n in ("a", "b", "c", "d-raise", "e")]
        results = pool.run(paths)
        assert results[:3] == ["A", "B", "C"] and results[4] == "E"
        assert isinstance(results[3], workers.Stopped) and results[3].reason.startswith("failed: ValueError")
        assert len(list(marks.iterdir())) == 2  # the same two workers did it all
        with pytest.raises(RuntimeError, match="one list of paths"):
            pool.run(paths)
    assert pool.running == 0


def test_a_first_builds_record_workers_start_before_the_records_are_asked_for(tmp_path, reg) -> None:
    seeds = _archive_seeds(tmp_path)
    serial = pipeline.build_archive(seeds, reg, jobs=0)
    cache_dir = tmp_path / "cache"
    begun = pipeline.begin(seeds, reg, jobs=2, cache_dir=cache_dir, fork=True, start=True)
    pool = begun.pool
    assert pool is not None and pool.running == 2  # nothing in the cache: every seed is to be built
    first = begun.finish()
    assert pool.running == 0 and begun.pool is None  # ended once the records are made
    assert first.problems == serial.problems and first.statements == serial.statements
    # the records are in the cache now: no workers start before they are asked for
    again = pipeline.begin(seeds, reg, jobs=2, cache_dir=cache_dir, fork=True, start=True)
    assert again.pool is None
    second = again.finish()
    assert second.cached == len(serial.statements) and second.statements == serial.statements
    # a build that stops before it asks for the records ends the workers it started
    shutil.rmtree(cache_dir)
    stopped = pipeline.begin(seeds, reg, jobs=2, cache_dir=cache_dir, fork=True, start=True)
    pool = stopped.pool
    assert pool is not None and pool.running == 2
    stopped.close()
    assert pool.running == 0 and stopped.pool is None


def test_a_first_build_that_fails_while_reading_the_cache_ends_the_workers_it_started(
    tmp_path, reg, monkeypatch
) -> None:
    seeds = _archive_seeds(tmp_path)
    before = set(multiprocessing.active_children())

    def unreadable(self: cache.RecordCache, seed_path: Path) -> None:
        raise RuntimeError("the cache's disk went away")

    monkeypatch.setattr(cache.RecordCache, "get", unreadable)
    with pytest.raises(RuntimeError, match="disk went away"):
        pipeline.begin(seeds, reg, jobs=2, cache_dir=tmp_path / "cache", fork=True, start=True)
    assert set(multiprocessing.active_children()) == before


def _archive_seeds(where: Path) -> Path:
    seeds = where / "seeds"
    seeds.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (seeds / seed.name).write_bytes(seed.read_bytes())
    for name in ("speaker_labels", "long_line", "quotes_brackets", "huge_token"):
        (seeds / f"{name}.txt").write_text(shapes.SHAPES[name](SMALL), encoding="utf-8")
    (seeds / "empty.txt").write_text("\n", encoding="utf-8")
    (seeds / "fixed.txt").write_text(shapes.ordinary(2000), encoding="utf-8")
    (seeds / "fixed.yml").write_text("themes: [alliance, pizza]\n", encoding="utf-8")
    return seeds


@pytest.mark.parametrize("fork", [False, True], ids=["spawned", "forked"])
def test_records_from_the_pool_are_those_built_in_process(tmp_path, reg, fork: bool) -> None:
    seeds = _archive_seeds(tmp_path)
    serial = pipeline.build_archive(seeds, reg, jobs=0)
    pooled = pipeline.build_archive(seeds, reg, jobs=2, fork=fork)
    assert len(serial.statements) == 8
    assert [p[0] for p in serial.problems] == ["empty.txt", "fixed.txt", "huge_token.txt"]
    assert pooled.problems == serial.problems
    assert pooled.statements == serial.statements
    assert [s.to_json() for s in pooled.statements] == [s.to_json() for s in serial.statements]


def test_small_archive_builds_in_process_and_a_large_one_on_all_cores() -> None:
    assert workers.jobs_for([2_800] * 5, 10.0) == 0  # the size of the archive's own seeds
    assert workers.jobs_for([1024 * 1024], 10.0) == 1
    assert workers.jobs_for([200_000] * 10, 10.0) == min(workers.cpu_count(), 10)
    assert workers.jobs_for([2_800] * 5, 0.01) >= 1  # a tight budget is always enforced


@pytest.mark.expect_warnings
def test_seed_over_the_budget_is_named_with_its_stage_and_the_rest_builds(tmp_path, warnings_logged) -> None:
    seeds = {
        "stall.txt": shapes.titles_and_mr(512 * 1024),  # several seconds of work
        "normal.txt": shapes.ordinary(3000),
    }
    project = make_project(tmp_path, seeds, archive={"seed_time_budget": 0.5})
    start = time.monotonic()
    site = build_project(project)
    assert time.monotonic() - start < 60  # a hang guard
    messages = [r.getMessage() for r in warnings_logged]
    assert len(messages) == 1, messages
    assert re.search(
        r"seeds/stall\.txt was not built \(stopped in the (read|corrections|clean|extract|render) stage: "
        r"processing ran past the time budget of 0\.5 s",
        messages[0],
    ), messages[0]
    page = site / "statements" / "allies-review-security-cooperation-at-annual-talks" / "index.html"
    assert page.is_file()


@pytest.mark.expect_warnings
@pytest.mark.parametrize("value", ["ten", 0, -1, True])
def test_a_bad_time_budget_setting_is_a_clear_error(tmp_path, value) -> None:
    seeds = {"normal.txt": shapes.ordinary(3000)}
    project = make_project(tmp_path, seeds, archive={"seed_time_budget": value})
    with pytest.raises(Abort):
        build_project(project)


@pytest.mark.expect_warnings
@pytest.mark.parametrize("value", ["many", 0, -5, 2.5, False])
def test_a_bad_search_part_size_setting_is_a_clear_error(tmp_path, caplog, value) -> None:
    seeds = {"normal.txt": shapes.ordinary(3000)}
    project = make_project(tmp_path, seeds, archive={"search_part_size": value})
    with pytest.raises(Abort):
        build_project(project)
    assert "search_part_size must be a whole number above 0" in caplog.text


# --- strict mode cannot be silenced ---------------------------------------------------------------


def _mkdocs(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_strict_quiet_build_fails_on_an_empty_seed_and_names_it(tmp_path) -> None:
    project = make_project(tmp_path, {"empty.txt": "", "normal.txt": shapes.ordinary(3000)})
    quiet = _mkdocs(project, "-q")
    assert quiet.returncode == 0, quiet.stderr[-2000:]  # a plain build still publishes the rest
    strict = _mkdocs(project, "--strict", "-q")
    assert strict.returncode != 0
    assert "Traceback" not in strict.stderr
    assert re.search(r"seeds/empty\.txt \(empty", strict.stderr), strict.stderr[-2000:]


def test_source_notes_list_a_line_repeated_thousands_of_times_once_with_every_number(reg, tmp_path) -> None:
    from alliance_archive import render

    path = tmp_path / "chrome.txt"
    path.write_text(shapes.chrome(SMALL), encoding="utf-8")
    statement = pipeline.build_statement(path, reg)
    statement.id = "chrome"
    page = render.pages([statement], reg)["statements/chrome.md"]
    notes = page.split("<summary>Source notes</summary>", 1)[1].split("</details>", 1)[0]
    entries = [line for line in notes.split("\n") if line.startswith("<p><strong>Line")]
    assert len(entries) < len(statement.removed) / 10  # grouped, not one entry per copy
    listed = {int(n) for entry in entries for n in re.findall(r"\d+", entry.split("</strong>")[0])}
    assert listed == {r.line for r in statement.removed}  # still every removed line, by number
    share = [e for e in entries if e.endswith(": Share</p>")]
    assert len(share) == 1 and share[0].startswith("<p><strong>Lines ")
