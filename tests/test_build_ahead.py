"""Pages made and built ahead: a first build makes its statement pages in forked workers, and converts,
themes and writes all its pages in worker processes before MkDocs' loop, which takes them from the
page cache without writing them again. The site is the same, byte for byte, as the one the loop makes
alone; a page whose build warns is left to the loop, which logs the warning once; a page a worker
cannot write, and a worker that dies, cost time, not pages; ``mkdocs serve`` builds none ahead. The
Explore page's index is made from the statement pages written ahead while the loop writes the rest
of the site, and is the index the finished site gives.

The sample seeds are built here as a large archive's pages are (out of the header search), and with
a lower limit on the pages to build ahead that they reach."""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands import build as mkdocs_build
from mkdocs.config import load_config

from alliance_archive import ahead, explore, forked, pagecache, pipeline, render
from tests.conftest import SEEDS, build_project, make_project
from tests.test_page_cache import build_logged, counts, statement_pages, tree

AHEAD = r"Alliance Archive: (\d+) of (\d+) pages built ahead in (\d+) worker processes"
EARLY_INDEX = "Explore index built in"
WHILE_WRITTEN = ", while the site was written)"


@pytest.fixture(autouse=True)
def large_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "MATERIAL_SEARCH_MAX_STATEMENTS", 0)
    # the few pages in the header search are never kept, so every build finds them missing: a build
    # with nothing else to make starts no worker
    monkeypatch.setattr(ahead, "MIN_PAGES", 10)
    monkeypatch.setattr(ahead, "CHUNK", 3)  # several chunks for each worker
    # the statement pages are made in forked workers too (alliance_archive.forked)
    monkeypatch.setattr(forked, "MIN_ITEMS", 1)
    monkeypatch.setattr(forked, "CHUNK", 2)


def built_ahead(log: str) -> tuple[int, int, int]:
    found = re.search(AHEAD, log)
    assert found, f"the build built no page ahead:\n{log[-2000:]}"
    return int(found.group(1)), int(found.group(2)), int(found.group(3))


def with_hook(project: Path, name: str, source: str) -> Path:
    """``project`` with one more hook module, ``name``, holding ``source``."""
    (project / name).write_text(source, encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"].append(name)
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project


def without_index(site: Path) -> dict[str, bytes]:
    # Pagefind names its index files after their content, which it does not write in one order
    return tree(site, skip=("pagefind/",))


@pytest.fixture
def loop_site(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> dict[str, bytes]:
    """The sample seeds' site as MkDocs' loop makes it alone (one job: nothing is built ahead)."""
    site, log = build_logged(make_project(tmp_path / "loop", SEEDS, archive={"jobs": 1}), caplog)
    assert not re.search(AHEAD, log), log
    return without_index(site)


def test_pages_built_ahead_make_the_same_site_as_the_loop_alone(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    loop_site: dict[str, bytes],
) -> None:
    # the records' workers when the build asks for the records (on_files): how they start, how many run
    asked: list[tuple[str, int]] = []
    finish = pipeline.Begun.finish

    def recorded(begun: pipeline.Begun) -> pipeline.Archive:
        pool = begun.pool
        asked.append((pool.start_method, pool.running) if pool is not None else ("none", 0))
        return finish(begun)

    monkeypatch.setattr(pipeline.Begun, "finish", recorded)
    project = make_project(tmp_path / "ahead", SEEDS, archive={"jobs": 2})
    site, log = build_logged(project, caplog)
    # a first build's record workers are copies of the build's process, both running already (started
    # when the configuration was read)
    assert asked == [("fork", 2)]
    built, todo, jobs = built_ahead(log)
    hits, kept = counts(log)
    # every page left out of the header search is missing from a new cache, built ahead and kept
    assert jobs == 2 and built == todo == kept > len(statement_pages(site)) >= 5 and hits == 0, log
    mine = without_index(site)
    assert mine.keys() == loop_site.keys()
    assert [name for name in mine if mine[name] != loop_site[name]] == []

    # the seeds listed 0.3 s more slowly: part of beginning the records, in on_config
    list_seeds = pipeline.list_seeds

    def slow_list(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)
        return list_seeds(*args, **kwargs)

    monkeypatch.setattr(pipeline, "list_seeds", slow_list)
    site, log = build_logged(project, caplog)  # nothing changed: every page from the cache, none ahead
    assert counts(log) == (kept, 0) and not re.search(AHEAD, log), log
    assert without_index(site) == mine
    assert asked[1:] == [("none", 0)]  # every record from the cache: no workers were started
    # the timings the benchmark reads: the records, begun when the configuration was read, then the pages
    timings = re.search(r"records in (\d+\.\d+) s, pages in (\d+\.\d+) s \(read from the page cache\)", log)
    assert timings is not None and float(timings.group(1)) >= 0.3, log


# a broken link in the first statement page's Markdown (not in the empty Markdown of a kept page)
FIRST_STATEMENT_WARNS = """
def on_page_markdown(markdown, page, config, files):
    statements = sorted(f.src_uri for f in files if f.src_uri.startswith("statements/"))
    if page.file.src_uri == statements[0] and markdown:
        return markdown + "\\n\\n[a page that is not there](not-there.md)\\n"
    return markdown
"""


@pytest.mark.expect_warnings
def test_a_page_whose_build_warns_is_left_to_the_loop_which_warns_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, warnings_logged: list[logging.LogRecord]
) -> None:
    project = with_hook(
        make_project(tmp_path, SEEDS, archive={"jobs": 2}), "warn_hook.py", FIRST_STATEMENT_WARNS
    )
    site, log = build_logged(project, caplog)
    built, todo, _ = built_ahead(log)
    target = f"statements/{statement_pages(site)[0].parent.name}.md"
    assert counts(log) == (0, built) and built < todo, log
    # one statement page came from the loop, not from the workers: the index read the finished site
    assert EARLY_INDEX in log and WHILE_WRITTEN not in log, log
    messages = [r.getMessage() for r in warnings_logged]
    assert len(messages) == 1 and f"'{target}'" in messages[0] and "not-there.md" in messages[0], messages

    with pytest.raises(Exception, match="strict mode"):
        build_project(project, strict=True)


# in a worker building pages ahead (not the build's own process), the first statement page cannot be
# written: a folder stands where it goes, which the build's own loop finds gone
FIRST_STATEMENT_UNWRITABLE = """
import os
from mkdocs.plugins import event_priority
BUILD = os.getpid()

@event_priority(-100)
def on_post_page(output, page, config):
    first = sorted(f.src_uri for f in config["__files"] if f.src_uri.startswith("statements/"))[0]
    if page.file.src_uri == first:
        if os.getpid() != BUILD:
            os.makedirs(page.file.abs_dest_path, exist_ok=True)
        elif os.path.isdir(page.file.abs_dest_path):
            os.rmdir(page.file.abs_dest_path)
    return output

def on_files(files, config):
    config["__files"] = files
    return files
"""


def test_a_page_a_worker_cannot_write_is_written_by_the_loop(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, loop_site: dict[str, bytes]
) -> None:
    project = make_project(tmp_path / "unwritable", SEEDS, archive={"jobs": 2})
    project = with_hook(project, "unwritable_hook.py", FIRST_STATEMENT_UNWRITABLE)
    site, log = build_logged(project, caplog)
    built, todo, _ = built_ahead(log)
    # that page came from the loop (which kept it too): the index read the finished site
    assert built == todo - 1 and counts(log) == (0, todo), log
    assert EARLY_INDEX in log and WHILE_WRITTEN not in log, log
    assert "Page skipped" not in log, log  # the pages written ahead are not written again, silently
    mine = without_index(site)
    assert mine.keys() == loop_site.keys()
    assert [name for name in mine if mine[name] != loop_site[name]] == []


def test_a_worker_that_dies_costs_time_not_pages(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    loop_site: dict[str, bytes],
) -> None:
    parent = os.getpid()
    build_page = mkdocs_build._build_page

    def dying(*args: object, **kwargs: object) -> None:
        if os.getpid() != parent:
            os._exit(3)  # a worker killed mid-page
        build_page(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(mkdocs_build, "_build_page", dying)
    site, log = build_logged(make_project(tmp_path / "dies", SEEDS, archive={"jobs": 2}), caplog)
    built, todo, _ = built_ahead(log)
    assert built == 0 < todo and counts(log)[0] == 0, log  # the loop built and kept every page
    assert EARLY_INDEX in log and WHILE_WRITTEN not in log, log
    mine = without_index(site)
    assert mine.keys() == loop_site.keys()
    assert [name for name in mine if mine[name] != loop_site[name]] == []


def test_pages_in_the_header_search_are_not_built_ahead(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a small archive's pages are all in Material's header search: never kept, so never worth it
    monkeypatch.setattr(render, "MATERIAL_SEARCH_MAX_STATEMENTS", 500)
    site, log = build_logged(make_project(tmp_path, SEEDS, archive={"jobs": 2}), caplog)
    assert len(list(site.rglob("*.html"))) > ahead.MIN_PAGES
    assert counts(log) == (0, 0) and not re.search(AHEAD, log), log


def test_mkdocs_serve_builds_no_page_ahead(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = make_project(tmp_path, SEEDS, archive={"jobs": 2})
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    caplog.clear()
    try:
        with caplog.at_level(logging.INFO, logger="mkdocs"):
            mkdocs_build.build(config, serve_url="http://127.0.0.1:8000/")
    finally:
        config.plugins.on_shutdown()
    assert "pages from the page cache" in caplog.text and not re.search(AHEAD, caplog.text)


def test_a_page_built_ahead_is_found_once_by_this_build_and_kept_for_the_next(tmp_path: Path) -> None:
    worker = pagecache.Collecting(tmp_path, "signature", site="s")
    key = worker.key("a.md", "# A")
    assert worker.get("a.md", "# A") is None  # a worker builds every page it is given
    worker.put(pagecache.Kept(key, {"title": "A"}, {"a"}, {}, "A", written=True), "<html>A</html>")
    made = worker.take()
    assert [k.key for k in made] == [key] and worker.take() == []
    assert not (tmp_path / pagecache.DB_NAME).exists()  # a worker writes no cache file

    store = pagecache.PageCache(tmp_path, "signature", site="s")
    store.add(made[0])
    found = store.get("a.md", "# A")
    assert found is not None and found.unpacked() == "<html>A</html>" and found.meta == {"title": "A"}
    assert found.written  # this build wrote it already
    assert (store.hits, store.stored, store.ahead) == (0, 1, 1)
    store.close(complete=True)
    again = pagecache.PageCache(tmp_path, "signature", site="s")
    assert again.keys() == {key}
    kept = again.get("a.md", "# A")
    assert kept is not None and kept.unpacked() == "<html>A</html>" and again.hits == 1
    assert not kept.written  # the next build writes it


def word_index(site: Path) -> dict[str, bytes]:
    """The index files that its pages fix: each page's fragment, the word index and the list of parts.
    (Pagefind writes its filter files, and so the names of those that list them, in no fixed order.)"""
    return {
        path: content
        for path, content in tree(site).items()
        if path.startswith("pagefind")
        and ("/fragment/" in path or "/index/" in path or path.endswith(".json"))
        and not path.endswith("pagefind-entry.json")
    }


@pytest.mark.parametrize("part_size", [None, 2], ids=["one index", "in parts"])
def test_the_explore_index_is_made_beside_the_loop_and_is_the_finished_sites_index(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch, part_size: int | None
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    settings: dict[str, object] = {"jobs": 2}
    if part_size:
        settings["search_part_size"] = part_size
    site, log = build_logged(make_project(tmp_path / "ahead", SEEDS, archive=settings), caplog)
    assert built_ahead(log)[0] > 0 and WHILE_WRITTEN in log, log
    # begun as soon as the statement pages were written, while the workers built the index pages
    begun = re.search(r"\(the Explore index begun after (\d+)\)", log)
    assert begun is not None, log
    assert len(statement_pages(site)) <= int(begun.group(1)) < built_ahead(log)[0], log
    assert list(scratch.iterdir()) == []  # nothing copied aside: the index reads the site

    fresh = tmp_path / "fresh"
    shutil.copytree(site, fresh)
    assert explore.index_site(fresh, None, part_size or explore.PART_SIZE).message.startswith("indexed")
    mine, again = word_index(site), word_index(fresh)
    assert len([p for p in mine if "/fragment/" in p]) == len(statement_pages(site)) >= 5
    assert len({p.split("/")[0] for p in mine}) == (1 if part_size is None else 3)
    assert mine == again


def test_an_early_index_of_other_pages_than_the_sites_is_not_used(tmp_path: Path) -> None:
    site = tmp_path / "site"
    html = b"<html><body><article><div data-pagefind-body><p>%s</p></div></article></body></html>"
    (site / "statements" / "a").mkdir(parents=True)
    (site / "statements" / "a" / "index.html").write_bytes(html % b"maritime")

    def early_of(written: list[str], rewritten: bool = False) -> explore.Early:
        early = explore.Early()
        for name in written:
            early.add(f"statements/{name}/index.html")
        if rewritten:
            early.rewritten()
        early.start(site, None, explore.PART_SIZE)
        return early

    cases = {
        "the loop wrote a page again": early_of(["a"], rewritten=True),
        "a page the site does not have": early_of(["a", "c"]),
        "a page of the site missing": early_of([]),
    }
    for case, early in cases.items():
        assert early.outcome(site) is None, case
    outcome = early_of(["a"]).outcome(site)
    assert outcome is not None and outcome.ok and (site / "pagefind" / "pagefind.js").is_file()
    assert explore.Early().outcome(site) is None  # never started
