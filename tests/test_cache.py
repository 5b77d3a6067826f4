"""The record cache: a hit gives the very record a build makes; any change to what a record is made
from (the seed, its correction file, a data file, the pipeline) builds the seed again; a deleted or
damaged cache is only slower."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from alliance_archive import cache, pipeline
from alliance_archive.record import Statement
from tests.conftest import SEEDS, build_project, make_project


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the seeds the pipeline really builds (not taken from the cache)."""
    names: list[str] = []
    real: Callable[..., Statement] = pipeline.build_statement

    def counting(path: Path, *args: object, **kwargs: object) -> Statement:
        names.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(pipeline, "build_statement", counting)
    return names


def _by_seed(archive: pipeline.Archive) -> dict[str, Statement]:
    return {s.seed_name: s for s in archive.statements}


def test_a_hit_returns_the_record_the_pipeline_builds(seeds: Path, tmp_path: Path, built: list[str]) -> None:
    store = tmp_path / "cache"
    cold = pipeline.build_archive(seeds, cache_dir=store)
    assert cold.cached == 0 and len(built) == len(cold.statements) == 5
    built.clear()
    warm = pipeline.build_archive(seeds, cache_dir=store)
    assert built == [] and warm.cached == 5
    # every field, the contract's and the pages' own (evidence, summary), ids included
    assert warm.statements == cold.statements
    assert [s.to_json() for s in warm.statements] == [s.to_json() for s in cold.statements]
    uncached = pipeline.build_archive(seeds)
    assert uncached.cached == 0 and uncached.statements == cold.statements


def test_editing_a_seed_builds_that_seed_again(seeds: Path, tmp_path: Path, built: list[str]) -> None:
    store = tmp_path / "cache"
    before = _by_seed(pipeline.build_archive(seeds, cache_dir=store))
    target = sorted(seeds.glob("*.txt"))[1]
    text = target.read_text(encoding="utf-8-sig")
    added = "\n\nThe allies also pledged closer cooperation on climate.\n\n"
    target.write_text(text.rstrip("\n") + added)  # a closing paragraph of the article
    built.clear()
    after = pipeline.build_archive(seeds, cache_dir=store)
    assert built == [target.name] and after.cached == 4
    edited = _by_seed(after)[target.name]
    assert edited.source_sha256 != before[target.name].source_sha256
    assert "closer cooperation on climate" in edited.title + edited.text


def test_a_correction_file_added_or_edited_builds_the_seed_again(
    seeds: Path, tmp_path: Path, built: list[str]
) -> None:
    store = tmp_path / "cache"
    pipeline.build_archive(seeds, cache_dir=store)
    target = sorted(seeds.glob("*.txt"))[0]
    fixes = target.with_suffix(".yml")
    fixes.write_text("title: A Title Set By An Editor\n", encoding="utf-8")
    built.clear()
    first = pipeline.build_archive(seeds, cache_dir=store)
    assert built == [target.name]
    assert _by_seed(first)[target.name].title == "A Title Set By An Editor"
    fixes.write_text("title: Another Title\n", encoding="utf-8")
    built.clear()
    second = pipeline.build_archive(seeds, cache_dir=store)
    assert built == [target.name]
    assert _by_seed(second)[target.name].title == "Another Title"
    fixes.unlink()
    built.clear()
    third = pipeline.build_archive(seeds, cache_dir=store)
    assert built == [target.name] and _by_seed(third)[target.name].title != "Another Title"


def test_editing_a_data_file_or_the_pipeline_builds_every_seed_again(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: list[str]
) -> None:
    # the pipeline version is read from a copy of the package, so the test can edit its files
    package = tmp_path / "package"
    shutil.copytree(Path(cache.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "_PACKAGE", package)
    store = tmp_path / "cache"
    pipeline.build_archive(seeds, cache_dir=store)
    built.clear()
    assert pipeline.build_archive(seeds, cache_dir=store).cached == 5 and built == []

    themes = package / "data" / "themes.yml"
    themes.write_text(themes.read_text(encoding="utf-8") + "\n# an editor's note\n", encoding="utf-8")
    assert pipeline.build_archive(seeds, cache_dir=store).cached == 0 and len(built) == 5

    built.clear()
    assert pipeline.build_archive(seeds, cache_dir=store).cached == 5 and built == []
    source = package / "extract.py"
    source.write_text(source.read_text(encoding="utf-8") + "\n# a change to extraction\n", encoding="utf-8")
    assert pipeline.build_archive(seeds, cache_dir=store).cached == 0 and len(built) == 5


def test_deleting_the_cache_is_safe(seeds: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    first = pipeline.build_archive(seeds, cache_dir=store)
    shutil.rmtree(store)
    again = pipeline.build_archive(seeds, cache_dir=store)
    assert again.cached == 0 and again.statements == first.statements
    assert (store / cache.DB_NAME).is_file()
    assert pipeline.build_archive(seeds, cache_dir=store).cached == 5


def test_a_damaged_entry_is_ignored_and_replaced(seeds: Path, tmp_path: Path, built: list[str]) -> None:
    store = tmp_path / "cache"
    first = pipeline.build_archive(seeds, cache_dir=store)
    victim = sorted(seeds.glob("*.txt"))[2].name
    with sqlite3.connect(store / cache.DB_NAME) as db:
        db.execute("UPDATE records SET record = ? WHERE seed = ?", (b"\x80\x05not a pickle", victim))
        db.execute("UPDATE records SET record = ? WHERE seed != ?", (b"\x80\x04K\x01.", victim))  # the int 1
    db.close()
    built.clear()
    again = pipeline.build_archive(seeds, cache_dir=store)
    assert sorted(built) == sorted(p.name for p in seeds.glob("*.txt")) and again.cached == 0
    assert again.statements == first.statements
    built.clear()
    assert pipeline.build_archive(seeds, cache_dir=store).cached == 5 and built == []


def test_a_cache_file_that_is_not_a_database_is_ignored(seeds: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    first = pipeline.build_archive(seeds, cache_dir=store)
    (store / cache.DB_NAME).write_bytes(b"this is not an SQLite file at all" * 100)
    again = pipeline.build_archive(seeds, cache_dir=store)
    assert again.cached == 0 and again.statements == first.statements
    assert pipeline.build_archive(seeds, cache_dir=store).cached == 5


def test_a_deleted_seed_leaves_the_cache(seeds: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    pipeline.build_archive(seeds, cache_dir=store)
    gone = sorted(seeds.glob("*.txt"))[3]
    gone.unlink()
    pipeline.build_archive(seeds, cache_dir=store)
    with sqlite3.connect(store / cache.DB_NAME) as db:
        names = {row[0] for row in db.execute("SELECT seed FROM records")}
    db.close()
    assert gone.name not in names and len(names) == 4


def test_the_site_build_keeps_its_cache_outside_docs_and_site(tmp_path: Path) -> None:
    project = make_project(tmp_path, SEEDS)
    site = build_project(project)
    folder = cache.cache_dir(project)
    assert folder == project / ".cache" / "alliance-archive"
    assert (folder / cache.DB_NAME).is_file()
    assert not list((project / "docs").rglob("*.sqlite")) and not list(site.rglob("*.sqlite"))
    first = (site / "data" / "statements.json").read_text(encoding="utf-8")
    shutil.rmtree(site)
    assert (build_project(project) / "data" / "statements.json").read_text(encoding="utf-8") == first
    ignored = (Path(__file__).resolve().parent.parent / ".gitignore").read_text(encoding="utf-8")
    assert ".cache/" in ignored.split()


def test_a_remembered_key_is_used_until_the_seed_or_its_correction_file_changes(
    seeds: Path, tmp_path: Path, built: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "_KEYS", {})
    monkeypatch.setattr(cache, "RACY_S", -60.0)  # remember keys of files written just now too
    store = tmp_path / "cache"
    pipeline.build_archive(seeds, cache_dir=store)
    target = sorted(seeds.glob("*.txt"))[1]
    assert str(target) in cache._KEYS
    # a remembered key is not worked out again: the seeds are not read
    real = cache._content_key
    monkeypatch.setattr(cache, "_content_key", lambda *a: pytest.fail("a seed was read again"))
    built.clear()
    assert pipeline.build_archive(seeds, cache_dir=store).cached == 5 and built == []
    monkeypatch.setattr(cache, "_content_key", real)
    # the same size and modification time, other bytes: its change time tells the write apart
    stat = target.stat()
    data = target.read_bytes()
    target.write_bytes(data.replace(b"a", b"e", 1))
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert target.stat().st_size == stat.st_size and target.stat().st_mtime_ns == stat.st_mtime_ns
    built.clear()
    after = pipeline.build_archive(seeds, cache_dir=store)
    assert built == [target.name] and after.cached == 4
    # a correction file added next to a seed
    corrections = cache.corrections_path(target)
    corrections.write_text("title: A Title Set by an Editor\n", encoding="utf-8")
    built.clear()
    after = pipeline.build_archive(seeds, cache_dir=store)
    assert built == [target.name] and _by_seed(after)[target.name].title == "A Title Set by an Editor"


def test_a_seed_changed_just_before_it_is_read_is_not_remembered(
    seeds: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a second write in the same timestamp tick could leave the file's times as they were
    monkeypatch.setattr(cache, "_KEYS", {})
    target = sorted(seeds.glob("*.txt"))[0]
    target.write_text(target.read_text(encoding="utf-8-sig") + "\n", encoding="utf-8")
    first = cache.seed_key(target, "v1")
    assert str(target) not in cache._KEYS
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert cache.seed_key(target, "v1") != first


def test_the_caches_write_without_waiting_for_the_disk(tmp_path: Path) -> None:
    """Both cache files are written unsynced, their rollback journal in memory (no journal file)."""
    from alliance_archive import pagecache

    record_cache = cache.RecordCache(tmp_path)
    pages = pagecache._open(tmp_path)
    assert pages is not None
    for db in (record_cache._connect(), pages):
        try:
            assert db.execute("PRAGMA synchronous").fetchone()[0] == 0  # OFF
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "memory"
        finally:
            db.close()
