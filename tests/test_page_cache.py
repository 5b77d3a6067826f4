"""The page cache: a build with nothing changed reads its pages back instead of building them, and
the site it writes is the same, byte for byte, as a build that made every page; a change to a seed,
to the site's settings or to a page that links into a kept one is seen, and a damaged cache is only
rebuilt.

The pages kept are those left out of Material's header search, as statement and listing pages are
in a large archive; here the limit is set to none so that the sample seeds build that way."""

from __future__ import annotations

import importlib
import importlib.util
import logging
import re
import shutil
import sqlite3
import types
from pathlib import Path

import jinja2
import markdown
import pytest
import yaml
from mkdocs.config.defaults import MkDocsConfig

from alliance_archive import pagecache, render
from alliance_archive.cache import CACHE_FOLDER
from tests.conftest import ROOT, SEEDS, build_project, make_project

KEPT = "Alliance Archive: (\\d+) pages from the page cache, (\\d+) kept for the next build"


@pytest.fixture(autouse=True)
def large_archive(monkeypatch: pytest.MonkeyPatch) -> None:
    """Build the sample seeds as a large archive builds its pages: out of the header search."""
    monkeypatch.setattr(render, "MATERIAL_SEARCH_MAX_STATEMENTS", 0)


def tree(site: Path, skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and not p.relative_to(site).as_posix().startswith(skip)
    }


def build_logged(project: Path, caplog: pytest.LogCaptureFixture) -> tuple[Path, str]:
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        site = build_project(project)
    return site, caplog.text


def counts(log: str) -> tuple[int, int]:
    found = re.search(KEPT, log)
    assert found, f"the build did not report its page cache:\n{log[-2000:]}"
    return int(found.group(1)), int(found.group(2))


def statement_pages(site: Path) -> list[Path]:
    return sorted((site / "statements").glob("*/index.html"))


def test_a_build_with_nothing_changed_writes_the_same_site_from_the_cache(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    converted: list[str] = []  # the Markdown MkDocs converts, one entry a page
    convert = markdown.Markdown.convert
    monkeypatch.setattr(
        markdown.Markdown, "convert", lambda md, text: converted.append(text) or convert(md, text)
    )
    project = make_project(tmp_path, SEEDS)
    site, log = build_logged(project, caplog)
    hits, kept = counts(log)
    pages = statement_pages(site)
    assert hits == 0 and kept > len(pages) >= 5, log  # the statements and their listings
    assert "(rendered)" in log and "Explore index built in" in log and "(indexed)" in log
    assert len(converted) == len(list(site.rglob("*.html"))) - 1  # every page but the theme's 404
    first = tree(site)

    converted.clear()
    site, log = build_logged(project, caplog)
    assert counts(log) == (kept, 0), log
    assert len(converted) == len(list(site.rglob("*.html"))) - 1 - kept  # no kept page is converted
    assert "(read from the page cache)" in log and "(copied from the cache)" in log, log
    second = tree(site)
    assert second.keys() == first.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, f"pages differ after a build from the cache: {differing[:10]}"


def test_an_edited_seed_is_built_again_and_matches_a_build_without_any_cache(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = make_project(tmp_path / "kept", SEEDS)
    build_logged(project, caplog)
    seed = sorted((project / "seeds").glob("*.txt"))[0]
    text = seed.read_text(encoding="utf-8")
    added = "The ministers also agreed to meet again in the spring to review the plan."
    seed.write_text(text.replace("\n\n", f"\n\n{added}\n\n", 1), encoding="utf-8")
    site, log = build_logged(project, caplog)
    hits, kept = counts(log)
    assert hits > 0 and kept > 0, log  # the edited statement and the listings naming it: built again
    assert "(rendered)" in log and "(indexed)" in log, log
    assert any(added in page.read_text(encoding="utf-8") for page in statement_pages(site))

    fresh = make_project(tmp_path / "fresh", project / "seeds")
    fresh_site = build_project(fresh)
    mine, theirs = tree(site, skip=("pagefind/",)), tree(fresh_site, skip=("pagefind/",))
    assert mine.keys() == theirs.keys()
    assert [name for name in mine if mine[name] != theirs[name]] == []


def test_a_change_to_the_site_settings_builds_every_page_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = make_project(tmp_path, SEEDS)
    build_logged(project, caplog)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_name"] = "Alliance Statements Reading Room"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    site, log = build_logged(project, caplog)
    assert counts(log)[0] == 0, log
    for page in statement_pages(site):
        assert "Alliance Statements Reading Room" in page.read_text(encoding="utf-8"), page


def test_the_themes_templates_are_compiled_once_and_an_edited_one_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled: list[str] = []  # the theme's templates compiled, by name
    compile_template = jinja2.Environment.compile

    def counted(env: jinja2.Environment, source: str, name: str | None = None, *args: object) -> object:
        if env.bytecode_cache is not None:  # the theme's environment (the archive's own has none)
            compiled.append(str(name))
        return compile_template(env, source, name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    project = make_project(tmp_path, SEEDS)
    build_logged(project, caplog)
    assert "main.html" in compiled and "base.html" in compiled
    compiled.clear()
    build_logged(project, caplog)
    assert compiled == ["archive-cached.html"]  # the first build kept pages, which this one prints
    compiled.clear()
    build_logged(project, caplog)
    assert compiled == []  # read back from .cache/alliance-archive/templates
    override = project / "overrides" / "main.html"
    override.write_text(
        override.read_text(encoding="utf-8").replace(
            "{% block extrahead %}", "{% block extrahead %}<!-- x1 -->"
        ),
        encoding="utf-8",
    )
    site, _ = build_logged(project, caplog)
    assert compiled == ["main.html"]
    assert "<!-- x1 -->" in (site / "index.html").read_text(encoding="utf-8")


@pytest.mark.expect_warnings
def test_links_into_a_kept_page_are_still_checked(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, warnings_logged: list[logging.LogRecord]
) -> None:
    """MkDocs checks a link's anchor against the page it points to, kept or built."""
    project = make_project(tmp_path, SEEDS)
    site, _ = build_logged(project, caplog)
    page = statement_pages(site)[0]
    target = page.parent.name
    anchor = re.findall(r'<h2 id="([^"]+)"', page.read_text(encoding="utf-8"))[0]
    (project / "docs" / "reading.md").write_text(
        f"# Reading\n\n[a part](statements/{target}.md#{anchor}) and "
        f"[nowhere](statements/{target}.md#no-such-part)\n",
        encoding="utf-8",
    )
    build_logged(project, caplog)
    first = [r.getMessage() for r in warnings_logged if "no-such-part" in r.getMessage()]
    warnings_logged.clear()
    _, log = build_logged(project, caplog)
    assert counts(log)[0] > 0, log
    second = [r.getMessage() for r in warnings_logged if "no-such-part" in r.getMessage()]
    assert len(first) == 1 and second == first, (first, second)
    assert not [r for r in warnings_logged if f"#{anchor}'" in r.getMessage()]


def test_a_damaged_cache_file_is_replaced_and_the_site_is_built(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = make_project(tmp_path, SEEDS)
    first = tree(build_logged(project, caplog)[0], skip=("pagefind/",))
    (project / CACHE_FOLDER / pagecache.DB_NAME).write_bytes(b"not a database " * 100)
    site, log = build_logged(project, caplog)
    assert counts(log)[0] == 0, log
    assert tree(site, skip=("pagefind/",)) == first
    site, log = build_logged(project, caplog)
    assert counts(log)[0] > 0, log


NAV_HOOK = """
from pathlib import Path

def on_nav(nav, config, files):
    title = (Path(config.config_file_path).parent / "quotes-title.txt").read_text(encoding="utf-8")
    for item in nav.items:
        if item.url == "quotes/":
            item.title = title
    return nav
"""


def test_a_navigation_changed_by_a_later_hook_builds_the_kept_pages_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # the page cache reads the navigation after every other handler has changed it
    project = make_project(tmp_path, SEEDS)
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"].append("nav_hook.py")  # after the archive's own hook
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (project / "nav_hook.py").write_text(NAV_HOOK, encoding="utf-8")
    for title in ("Sayings", "Remarks"):
        (project / "quotes-title.txt").write_text(title, encoding="utf-8")
        site, log = build_logged(project, caplog)
        assert counts(log)[0] == 0, log  # nothing kept from a build with another navigation
        for page in statement_pages(site):
            assert re.search(rf">\s*{title}\s*<", page.read_text(encoding="utf-8")), page
    site, log = build_logged(project, caplog)
    assert counts(log)[0] > 0, log


WARNING_HOOK = """
import logging

def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == {target!r}:
        logging.getLogger("mkdocs.plugins.reader").warning("this page warns: %s", page.file.src_uri)
    return markdown
"""


@pytest.mark.expect_warnings
def test_a_page_whose_build_warned_is_not_kept_and_warns_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, warnings_logged: list[logging.LogRecord]
) -> None:
    project = make_project(tmp_path, SEEDS)
    site, log = build_logged(project, caplog)
    _, kept = counts(log)
    target = f"statements/{statement_pages(site)[0].parent.name}.md"
    (project / "warn_hook.py").write_text(WARNING_HOOK.format(target=target), encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"].append("warn_hook.py")
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    _, log = build_logged(project, caplog)
    assert counts(log) == (0, kept - 1), log  # a new setting: every page built, the warning's not kept
    warnings_logged.clear()
    _, log = build_logged(project, caplog)
    assert counts(log) == (kept - 1, 0), log
    assert [r.getMessage() for r in warnings_logged] == [f"this page warns: {target}"]


def test_a_kept_page_is_found_only_from_the_same_source_and_site(tmp_path: Path) -> None:
    store = pagecache.PageCache(tmp_path, "signature", site="https://example.org/")
    kept = pagecache.Kept(store.key("a.md", "# A"), {"title": "A"}, {"a"}, {}, "A")
    store.put(kept, "<html>A</html>")
    store.close(complete=True)
    again = pagecache.PageCache(tmp_path, "signature", site="https://example.org/")
    found = again.get("a.md", "# A")
    assert found is not None and found.unpacked() == "<html>A</html>"
    assert again.get("a.md", "# A changed") is None
    assert (
        pagecache.PageCache(tmp_path, "another site", site="https://example.org/").get("a.md", "# A") is None
    )


def test_a_complete_build_drops_the_entries_it_no_longer_uses(tmp_path: Path) -> None:
    store = pagecache.PageCache(tmp_path, "sig", site="s")
    for name in ("a.md", "b.md"):
        store.put(pagecache.Kept(store.key(name, name), {}, set(), {}, None), name)
    store.close(complete=True)
    other = pagecache.PageCache(tmp_path, "sig", site="preview")
    other.put(pagecache.Kept(other.key("c.md", "c.md"), {}, set(), {}, None), "c")
    other.close(complete=True)
    again = pagecache.PageCache(tmp_path, "sig", site="s")
    assert again.get("a.md", "a.md") is not None
    again.close(complete=True)  # b.md was not used: gone; the preview's entry stays
    db = sqlite3.connect(tmp_path / pagecache.DB_NAME)
    keys = {k for (k,) in db.execute("SELECT key FROM pages")}
    db.close()
    assert keys == {store.key("a.md", "a.md"), other.key("c.md", "c.md")}


def test_the_generated_files_key_follows_their_inputs(tmp_path: Path) -> None:
    officials = tmp_path / "officials.yml"
    base = pagecache.generated_key(("records",), "v1", None)
    assert base == pagecache.generated_key(("records",), "v1", None)
    assert base != pagecache.generated_key(("other records",), "v1", None)
    assert base != pagecache.generated_key(("records",), "v2", None)
    officials.write_text("officials: []\n", encoding="utf-8")
    with_file = pagecache.generated_key(("records",), "v1", officials)
    assert with_file != base
    officials.write_text("officials: [{name: A}]\n", encoding="utf-8")
    assert pagecache.generated_key(("records",), "v1", officials) != with_file


def test_a_generated_set_counts_only_once_it_is_complete(tmp_path: Path) -> None:
    made = pagecache.GeneratedCache(tmp_path, site="s")
    files = [("a.md", "A – one"), ("b.md", "B")]
    stream = made.store("k", iter(files))
    assert next(stream) == ("a.md", "A – one".encode())
    assert made.load("k") is None  # stopped half way: not a set
    assert list(stream) == [("b.md", b"B")]
    assert made.load("k") == [(p, c.encode()) for p, c in files]
    assert list(made.store("k2", iter([("c.md", "C")]))) == [("c.md", b"C")]
    assert made.load("k") is None and made.load("k2") == [("c.md", b"C")]  # a site keeps its latest


def test_pages_of_a_large_archive_are_themed_from_their_whole_html(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between conversion and theming such a page's HTML is held packed; the page comes out the same
    as a page of a small archive, which is held as it is (and goes through the search plugin)."""
    large = tree(build_project(make_project(tmp_path / "large", SEEDS)), skip=("pagefind/",))
    monkeypatch.setattr(render, "MATERIAL_SEARCH_MAX_STATEMENTS", 10**6)
    small = tree(build_project(make_project(tmp_path / "small", SEEDS)), skip=("pagefind/",))
    pages = [name for name in large if name.startswith("statements/") and name.endswith(".html")]
    assert len(pages) >= 5
    assert [name for name in pages if large[name] != small[name]] == []


def test_inputs_that_cannot_be_hashed_are_rendered_and_not_kept() -> None:
    looped: list[object] = []
    looped.append(looped)  # a loop the memo-less pickler refuses
    assert pagecache.generated_key((looped,), "v1", None) is None


def test_only_the_latest_search_indexes_are_kept(tmp_path: Path) -> None:
    """One index is kept per site folder built to; building into new folders keeps the latest few."""
    from alliance_archive import explore

    two = {p.name: p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))[:2]}
    site = build_project(make_project(tmp_path / "one", two))
    cache = tmp_path / "cache"
    folders = []
    for n in range(explore.KEEP_INDEXES + 2):
        folder = tmp_path / f"site-{n}"
        shutil.copytree(site / "statements", folder / "statements")
        assert explore.index_site(folder, cache).message == "indexed"
        folders.append(folder)
    assert len(list((cache / "pagefind").iterdir())) == explore.KEEP_INDEXES
    # the latest folder's index is read back; the first folder's was let go and is made again
    assert explore.index_site(folders[-1], cache).message == "copied from the cache"
    assert explore.index_site(folders[0], cache).message == "indexed"


def _without_setting_aside(config: MkDocsConfig) -> None:
    """The hooks' setting aside of pages from the search plugin turned off for this build."""
    (hooks,) = config.hooks.values()  # the hooks module, as loaded for this build
    hooks._search_leaves_alone = lambda page, config: False


def test_pages_out_of_the_search_are_not_scanned_by_the_search_plugin_and_come_out_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scanned: list[int] = []  # the length of each page's HTML Material's search plugin scans
    plugin_module = importlib.import_module("material.plugins.search.plugin")
    real = plugin_module.re
    spy = types.SimpleNamespace(**vars(real))
    spy.sub = lambda pattern, repl, text, *a, **k: (
        scanned.append(len(text)) or real.sub(pattern, repl, text, *a, **k)
    )
    monkeypatch.setattr(plugin_module, "re", spy)

    aside = build_project(make_project(tmp_path / "aside", SEEDS))
    given_empty = scanned.count(0)
    scanned.clear()
    scanned_whole = build_project(make_project(tmp_path / "whole", SEEDS), prepare=_without_setting_aside)
    assert given_empty >= len(statement_pages(aside)) >= 5  # the statement pages at least
    assert scanned.count(0) == 0  # without it, the plugin scans every page
    assert tree(aside, skip=("pagefind",)) == tree(scanned_whole, skip=("pagefind",))


def test_a_page_is_set_aside_from_the_search_plugin_only_where_the_plugin_would_leave_it_alone() -> None:
    spec = importlib.util.spec_from_file_location("archive_hook_set_aside", ROOT / "hooks" / "archive.py")
    assert spec is not None and spec.loader is not None
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    search = importlib.import_module("material.plugins.search.plugin").SearchPlugin()

    def config(*between: object) -> object:
        handlers = [hooks._page_context_first, *between, hooks._page_context_last]
        return types.SimpleNamespace(plugins=types.SimpleNamespace(events={"page_context": handlers}))

    def page(content: str, excluded: bool = True) -> object:
        return types.SimpleNamespace(content=content, meta={"search": {"exclude": True}} if excluded else {})

    leaves_alone = hooks._search_leaves_alone
    html = '<p data-search-exclude>Cite</p><article data-pagefind-body="">Text</article>'
    assert leaves_alone(page(html), config(search.on_page_context))
    assert leaves_alone(page(html), config())  # no search plugin at all
    assert not leaves_alone(page(html, excluded=False), config(search.on_page_context))  # it indexes it
    assert not leaves_alone(page('<p data-search-boost="2">x</p>'), config(search.on_page_context))
    assert not leaves_alone(page(html), config(search.on_page_context, lambda context, **kw: context))
