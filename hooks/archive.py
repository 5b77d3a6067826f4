"""MkDocs hooks for Alliance Archive: the only module that knows MkDocs events.

The pipeline (``hooks/alliance_archive``) turns every seed into a record; these handlers add the
generated pages and the JSON data file to the build, and report seeds that cannot be built as
warnings, so a plain build still publishes the rest. Under ``mkdocs build --strict`` such a seed
aborts the build with an error naming it, whatever the log level (``-q`` hides warnings).

Settings, under ``extra: archive:`` in ``mkdocs.yml``: ``seed_time_budget`` (seconds one seed may
take before it is stopped and reported; default 10, ``null`` for none) and ``jobs`` (worker
processes; default: all cores for a large archive, none for a small one). On Linux, outside
``mkdocs serve``, those workers are forked from the build (a first build starts them as soon as
its configuration is read, so they load their data while MkDocs sets up), and a large first build
also makes its statement pages and converts and themes its pages in that many forked workers
(``alliance_archive.forked``, ``alliance_archive.ahead``); MkDocs' loop then writes them from the
page cache.
"""

from __future__ import annotations

import functools
import gc
import itertools
import logging
import re
import time
from collections.abc import Iterable
from pathlib import Path

import jinja2
import markdown
import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure import pages as mkdocs_pages
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import META_RE as _META_LINE
from mkdocs.utils.meta import YAML_RE as FRONT_MATTER

from alliance_archive import (
    ahead,
    cache,
    explore,
    forked,
    frame,
    history,
    pagecache,
    pipeline,
    rawblocks,
    related,
    render,
    review,
)
from alliance_archive.workers import cpu_count

log = logging.getLogger("mkdocs.plugins.alliance_archive")
# the command this process runs (``serve`` shows editors the Review page); set once at start-up
_RUN = {"command": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _RUN["command"] = command


class _Warnings(logging.Handler):
    """Counts the warnings MkDocs logs, so a page whose build warned is not kept in the page cache."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


_WARNINGS = _Warnings()


class _WrittenAhead(logging.Filter):
    """MkDocs' loop does not write a page built ahead, which its worker wrote already: the hook gives
    the loop an empty page for it, and this filter drops the line MkDocs logs for an empty page (it
    would read as if the page were missing from the site)."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: set[str] = set()

    def add(self, page: Page) -> None:
        # the line as MkDocs' _build_page writes it
        self.lines.add(f"Page skipped: '{page.file.src_uri}'. Generated empty output.")

    def filter(self, record: logging.LogRecord) -> bool:
        return not self.lines or record.getMessage() not in self.lines


_WRITTEN_AHEAD = _WrittenAhead()


class _Building:
    """A page this build makes: its page cache key, and whether a warning came while it was made.

    A page is made in two steps (its Markdown converted, then all pages put into the theme), and
    other pages are converted in between, so the warnings are counted over each step apart."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.since = _WARNINGS.count
        self.warned = False
        self.packed: bytes | None = None  # the page's HTML, compressed between the two steps
        self.let_go = False  # a page out of the header search: its HTML is let go once written

    def step_done(self) -> None:
        self.warned = self.warned or _WARNINGS.count != self.since
        self.since = _WARNINGS.count


# this build's page cache, the kept pages it restores, and the cache key and warning count of the
# pages it builds; reset by every build (``mkdocs serve`` keeps the module between builds)
_PAGES: dict[str, pagecache.PageCache] = {}
# the Explore index a first build starts beside MkDocs' loop (``_build_ahead``), until the build ends
_EARLY: dict[str, explore.Early] = {}
_KEPT: dict[str, pagecache.Kept] = {}
_BUILDING: dict[str, _Building] = {}
# the front matter of the statement pages this build generated, as data (``render.FrontMatter``),
# and that of the pages being read, for ``on_page_markdown`` to give them
_FRONT: dict[str, render.FrontMatter] = {}
_FRONT_READ: dict[str, dict[str, object]] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # `mkdocs serve` keeps this module loaded between builds: start each build from the data files
    pipeline.refresh(_seeds_dir(config))  # the data files again only where one of them changed
    _PAGES.clear()
    _KEPT.clear()
    _BUILDING.clear()
    _FRONT.clear()
    _FRONT_READ.clear()
    # the generated pages' HTML blocks pass through Markdown unread (alliance_archive.rawblocks)
    if not any(isinstance(ext, rawblocks.RawBlocks) for ext in config.markdown_extensions):
        config.markdown_extensions.append(rawblocks.RawBlocks())
    _WRITTEN_AHEAD.lines.clear()
    loop_log = logging.getLogger("mkdocs.commands.build")
    if _WRITTEN_AHEAD not in loop_log.filters:
        loop_log.addFilter(_WRITTEN_AHEAD)
    mkdocs_log = logging.getLogger("mkdocs")
    if _WARNINGS not in mkdocs_log.handlers:
        mkdocs_log.addHandler(_WARNINGS)
    _end_records()
    if _forking():
        # a one-off build: its record workers start now, and load their data files and models while
        # MkDocs goes on setting up (a first build's workers, that is: see ``pipeline.begin``)
        _RECORDS["begun"] = _begin_records(config, start=True)
    return config


# the records of this build, begun in ``on_config`` and finished in ``on_files``
_RECORDS: dict[str, pipeline.Begun] = {}


def _forking() -> bool:
    """Whether this build's workers are forked from it: not under ``mkdocs serve``, whose live-reload
    server runs threads (and whose workers must read data files an editor changed), nor where there is
    no ``fork`` (``alliance_archive.forked``)."""
    return _RUN["command"] != "serve" and forked.available()


def _begin_records(config: MkDocsConfig, start: bool = False) -> pipeline.Begun:
    budget, jobs = _settings(config)
    project = Path(config.config_file_path).resolve().parent
    return pipeline.begin(
        _seeds_dir(config),
        budget_s=budget,
        jobs=jobs,
        cache_dir=cache.cache_dir(project),
        fork=_forking(),
        start=start,
    )


def _end_records() -> None:
    """End the record workers of a build that stopped before it asked for the records."""
    begun = _RECORDS.pop("begun", None)
    if begun is not None:
        begun.close()


def _seeds_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / "seeds"


def _archive_settings(config: MkDocsConfig) -> dict[str, object]:
    """The settings under ``extra: archive:`` in mkdocs.yml (none: an empty mapping)."""
    settings = config.extra.get("archive") or {}
    if not isinstance(settings, dict):
        raise PluginError("extra: archive: in mkdocs.yml must be a mapping of settings")
    return settings


def _settings(config: MkDocsConfig) -> tuple[float | None, int | None]:
    settings = _archive_settings(config)
    budget = settings.get("seed_time_budget", pipeline.DEFAULT_SEED_TIME_BUDGET_S)
    number = isinstance(budget, int | float) and not isinstance(budget, bool)
    if budget is not None and (not number or budget <= 0):
        raise PluginError(f"extra: archive: seed_time_budget must be seconds above 0 or null, not {budget!r}")
    jobs = settings.get("jobs")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0):
        raise PluginError(f"extra: archive: jobs must be a whole number of worker processes, not {jobs!r}")
    return (float(budget) if budget is not None else None), jobs


def _part_size(config: MkDocsConfig) -> int:
    """Statements in one part of the Explore page's index (``explore.PART_SIZE`` unless set)."""
    size = _archive_settings(config).get("search_part_size", explore.PART_SIZE)
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise PluginError(f"extra: archive: search_part_size must be a whole number above 0, not {size!r}")
    return size


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _part_size(config)  # a bad setting stops the build before any work, not at its end
    project = Path(config.config_file_path).resolve().parent
    begun = _RECORDS.pop("begun", None) or _begin_records(config)  # which reads the other settings
    started = time.perf_counter()
    archive = begun.finish()
    finished = time.perf_counter()
    records = finished - started + begun.seconds  # with the part in on_config, if it began there
    # the records last the whole build: the cycle collector need not walk them again and again (nor a
    # forked worker copy them by doing so); unfrozen when the build ends
    gc.freeze()
    for name, problem in archive.problems:
        if name == pipeline.SITE_FILE:
            log.warning("The editors' registry seeds/%s was not read (%s)", name, problem)
        else:
            log.warning("Seed seeds/%s was not built (%s)", name, problem)
    events = related.link_events(archive.statements)
    for name, problem in events.problems:
        log.warning("Seed seeds/%s: %s", name, problem)
    problems = [*archive.problems, *events.problems]
    if problems and config.strict:
        # strict mode counts warnings only where they are logged; -q hides them, so abort outright
        names = "; ".join(f"seeds/{name} ({problem})" for name, problem in problems)
        raise PluginError(f"Strict mode: {len(problems)} problem(s) with the seeds: {names}")
    changed = history.last_changed(_seeds_dir(config).parent)
    # what the generated pages' links and addresses are made from (part of their cache key)
    paragraphs_html = all(
        isinstance(ext, rawblocks.RawBlocks) or ext in render.PLAIN_PARAGRAPH_EXTENSIONS
        for ext in config.markdown_extensions
    )
    addresses = (
        config.repo_url or "",
        config.site_url or "",
        config.site_name,
        config.use_directory_urls,
        paragraphs_html,
    )
    made = pagecache.GeneratedCache(cache.cache_dir(project), site=config.site_url or "")
    key = pagecache.generated_key(
        (archive.statements, events.links, changed, addresses),
        cache.pipeline_version(),
        _seeds_dir(config) / pipeline.SITE_FILE,
    )
    stored = made.load(key) if key is not None else None
    generated: Iterable[tuple[str, bytes]]
    if stored is not None:
        generated = stored
    else:
        repo_url, site_url, site_name, directory_urls, _ = addresses
        pages = render.iter_pages(
            archive.statements,
            archive.reg,  # the officials' pages show the terms of the editors' registry too
            repo_url=repo_url,
            site_url=site_url,
            site_name=site_name,
            events=events.links,
            changed=changed,
            jobs=_fork_jobs(config),
            directory_urls=directory_urls,
            front_matter=_FRONT,
            paragraphs_html=paragraphs_html,
        )
        if key is None:
            generated = ((path, content.encode("utf-8")) for path, content in pages)
        else:
            generated = made.store(key, pages)
    if _RUN["command"] == "serve":
        # the editors' review list: part of the live preview, never of a published build
        review_page = ("review.md", review.page(review.review(archive.statements)).encode("utf-8"))
        generated = itertools.chain(generated, [review_page])
    sources = {f"statements/{s.id}.md": s.source_file for s in archive.statements}
    for path, content in generated:
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        # kept as UTF-8 bytes: half the memory of a str holding any character beyond Latin-1
        file = File.generated(config, path, content=content)
        # the edit button of a statement page opens its seed; generated index pages have none
        file.edit_uri = f"../{sources[path]}" if path in sources else None
        files.append(file)
    rendered = time.perf_counter() - finished
    log.info(
        "Alliance Archive: %d statements from %s (%d from the record cache); records in %.3f s, "
        "pages in %.3f s (%s)",
        len(archive.statements),
        _seeds_dir(config),
        archive.cached,
        records,
        rendered,
        "read from the page cache" if stored is not None else "rendered",
    )
    return files


def _nav_signature(items: list[object]) -> list[object]:
    signature: list[object] = []
    for item in items:
        file = getattr(item, "file", None)
        children = getattr(item, "children", None)
        signature.append(
            (
                type(item).__name__,
                getattr(item, "title", None),
                file.src_uri if file is not None else getattr(item, "url", None),
                _nav_signature(children) if children else None,
            )
        )
    return signature


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """The theme's templates, compiled once, are kept beside the caches (Jinja's bytecode cache, which
    checks each template's source): a build, each worker building pages ahead and each preview rebuild
    read them back instead of compiling them again. A folder that cannot be written only costs time."""
    # the navigation drawn once for the pages beside each other outside it (alliance_archive.frame)
    frame.install(env, Path(material.__file__).resolve().parent / "templates")
    folder = cache.cache_dir(Path(config.config_file_path).resolve().parent) / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return env
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(folder))
    return env


@event_priority(-100)  # after any handler that changes the navigation: the pages are made with it
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    project = Path(config.config_file_path).resolve().parent
    custom_dir = config.theme.custom_dir
    signature = pagecache.site_signature(
        config_file=Path(config.config_file_path).read_bytes(),
        settings=(
            config.site_url,
            config.use_directory_urls,
            config.repo_url,
            config.edit_uri,
            _RUN["command"],
        ),
        overrides=Path(custom_dir) if custom_dir else None,
        nav=_nav_signature(list(nav.items)),
        file_names=(f.src_uri for f in files),
        code_version=cache.pipeline_version() + Path(__file__).read_text(encoding="utf-8"),
    )
    store = pagecache.PageCache(cache.cache_dir(project), signature, site=config.site_url or "")
    _PAGES["cache"] = store
    _build_ahead(store, nav, config, files)
    return nav


def _fork_jobs(config: MkDocsConfig) -> int:
    """Worker processes forked from this one for the build's pages (none where ``_forking`` says no)."""
    if not _forking():
        return 0
    jobs = _settings(config)[1]
    return cpu_count() if jobs is None else jobs


def _build_ahead(store: pagecache.PageCache, nav: Navigation, config: MkDocsConfig, files: Files) -> None:
    """Where many pages are missing from the page cache (a first build), build them in worker
    processes (``alliance_archive.ahead``), which write them into the site, and put them in the page
    cache, for MkDocs' loop to take without writing them again."""
    jobs = _fork_jobs(config)
    if jobs < 2:
        return  # one worker would only build while this process waits
    known = store.keys()
    todo = []
    indexed: dict[str, str] = {}  # page cache key -> where a statement page the index reads goes
    for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
        source = file.content_string
        if _may_be_kept(source) and (key := store.key(file.src_uri, source)) not in known:
            todo.append(file)
            if explore.indexed(file.dest_uri):
                indexed[key] = file.dest_uri
    if len(todo) < ahead.MIN_PAGES:
        return
    started = time.perf_counter()
    # the statement pages written ahead are indexed for the Explore page as soon as the last of them
    # is written (they come first), beside the rest of the pages and the loop
    early = explore.Early()
    every = {file.dest_uri for file in files if explore.indexed(file.dest_uri)}
    project = Path(config.config_file_path).resolve().parent
    index_after: int | None = None
    gc.freeze()  # the files, pages and navigation too, before the workers inherit them
    for seen, kept in enumerate(
        ahead.build_ahead(
            files,
            nav,
            config,
            todo,
            jobs,
            begin=_begin_ahead,
            collect=_collect_ahead,
            keep_handlers=[_WARNINGS],
        )
    ):
        store.add(kept)
        dest = indexed.get(kept.key)
        if dest is not None and kept.written:
            early.add(dest)
            if len(early.paths) == len(every) and early.paths == every:
                early.start(Path(config.site_dir), cache.cache_dir(project), _part_size(config))
                _EARLY["index"] = early
                index_after = seen
    log.info(
        "Alliance Archive: %d of %d pages built ahead in %d worker processes in %.3f s%s",
        store.ahead,
        len(todo),
        jobs,
        time.perf_counter() - started,
        "" if index_after is None else f" (the Explore index begun after {index_after + 1})",
    )


# in a page's front matter, the setting that leaves it out of the search
_SEARCH_EXCLUDED = re.compile(r"^search:[ \t]*\n[ \t]+exclude:[ \t]*true[ \t]*$", re.MULTILINE)


def _may_be_kept(source: str) -> bool:
    """Whether a page's source leaves it out of the header search, as the generated pages of a large
    archive do: only such a page is kept (``on_post_page``), so only such a page is worth building
    ahead. Read from the text, not parsed: a page this misses is built by the loop, as before."""
    found = FRONT_MATTER.match(source)  # the front matter block as MkDocs finds it
    return bool(found and _SEARCH_EXCLUDED.search(found.group(1)))


def _begin_ahead() -> None:
    """In a worker building pages ahead: the page cache only collects the pages made."""
    store = _PAGES["cache"]
    _PAGES["cache"] = pagecache.Collecting(store.folder, store.signature, site=store.site)
    _RUN["ahead"] = "worker"


def _collect_ahead() -> list[pagecache.Kept]:
    store = _PAGES["cache"]
    return store.take() if isinstance(store, pagecache.Collecting) else []


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    store = _PAGES.get("cache")
    if store is None:
        return _without_front_matter(page, page.file.content_string) if page.file.src_uri in _FRONT else None
    source = page.file.content_string
    kept = store.get(page.file.src_uri, source)
    if kept is not None:
        # a kept page: its front matter comes back in on_page_markdown, its HTML when it is written
        _KEPT[page.file.src_uri] = kept
        _FRONT.pop(page.file.src_uri, None)
        return ""
    _BUILDING[page.file.src_uri] = _Building(store.key(page.file.src_uri, source))
    return _without_front_matter(page, source)


def _without_front_matter(page: Page, source: str) -> str:
    """A generated statement page's Markdown without its front matter, which ``on_page_markdown``
    gives the page as the data it was written from (``render.FrontMatter``): the same data, read
    without parsing the YAML. The source as it is (MkDocs parses it) wherever that could differ: a
    page whose YAML is not the one generated, or whose Markdown MkDocs would read otherwise."""
    front = _FRONT.pop(page.file.src_uri, None)
    found = FRONT_MATTER.match(source) if front is not None else None
    if front is None or found is None or not front.matches(found.group(1)):
        return source
    markdown = source[found.end() :].lstrip("\n")
    # MkDocs reads a text without front matter markers for MultiMarkdown-style "key: value" lines at
    # its top and turns its line ends into "\n": a page either could touch is left to MkDocs
    if "\r" in markdown or _META_LINE.match(markdown):
        return source
    _FRONT_READ[page.file.src_uri] = front.meta()
    return markdown


@event_priority(100)  # the page's front matter is there for every other handler of this event
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    front = _FRONT_READ.pop(page.file.src_uri, None)
    if front is not None:
        page.meta = front
    kept = _KEPT.get(page.file.src_uri)
    if kept is not None:
        page.meta = {**kept.meta, "template": pagecache.TEMPLATE}
        if kept.title:
            page.title = kept.title
        markdown = ""
        # nothing to convert: MkDocs would set up a Markdown converter for it all the same (1 ms a page)
        page.render = functools.partial(_render_kept, page)  # type: ignore[method-assign]
    else:
        page.render = functools.partial(_render, page)  # type: ignore[method-assign]
    # the sitemap dates a statement by the last change of its seed (render.py puts it in the meta)
    lastmod = page.meta.get("lastmod")
    if lastmod:
        page.update_date = str(lastmod)
    return markdown


_CONVERTER: list[tuple[MkDocsConfig, markdown.Markdown]] = []  # the build's config and its converter


def _converter(config: MkDocsConfig) -> markdown.Markdown:
    """One Markdown converter for every page of a build, reset before each page (MkDocs sets one up
    for each page: 0.3 ms a page with the site's extensions); a new config (a ``serve`` rebuild)
    gets a new converter."""
    if not _CONVERTER or _CONVERTER[0][0] is not config:
        md = markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs or {}
        )
        _CONVERTER[:] = [(config, md)]
    return _CONVERTER[0][1].reset()


def _render(page: Page, config: MkDocsConfig, files: Files) -> None:
    """``Page.render`` (MkDocs 1.6) with the build's one converter: the same steps, the same page."""
    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    md = _converter(config)
    raw_html = mkdocs_pages._RawHTMLPreprocessor()
    raw_html._register(md)
    anchors = mkdocs_pages._ExtractAnchorsTreeprocessor(page.file, files, config)
    anchors._register(md)
    relative = mkdocs_pages._RelativePathTreeprocessor(page.file, files, config)
    relative._register(md)
    title = mkdocs_pages._ExtractTitleTreeprocessor()
    title._register(md)
    page.content = md.convert(page.markdown)
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = title.title
    page.present_anchor_ids = anchors.present_anchor_ids | raw_html.present_anchor_ids
    if mkdocs_pages.log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative.links_to_anchors


def _render_kept(page: Page, config: MkDocsConfig, files: Files) -> None:
    """``Page.render`` for a kept page: what converting its empty Markdown would leave (its anchors and
    links come back in ``on_page_content``, its HTML when it is written)."""
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()
    page.links_to_anchors = {}


def _excluded_from_search(page: Page) -> bool:
    search = page.meta.get("search")
    return isinstance(search, dict) and search.get("exclude") is True


@event_priority(-100)  # after every other handler of the converted page
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # the Markdown has been converted: a large build need not hold every page's source and HTML both
    page.markdown = ""
    kept = _KEPT.get(page.file.src_uri)
    if kept is None:
        building = _BUILDING.get(page.file.src_uri)
        if building is not None:
            building.step_done()
            if _excluded_from_search(page):
                building.let_go = True  # its HTML is let go once the page is written
                if _RUN.get("ahead") == "worker":
                    return html  # a worker building ahead themes each page right after converting it
                # MkDocs holds every page's HTML until all are themed; packed, a large archive's
                # statement pages take a quarter of the memory (unpacked in on_page_context)
                building.packed = pagecache.pack(html.encode("utf-8"))
                return ""
        return html
    # what MkDocs' link and anchor checks read of a built page
    page.present_anchor_ids = set(kept.anchors)
    linked = {files.get_file_from_path(path): links for path, links in kept.links.items()}
    page.links_to_anchors = {file: links for file, links in linked.items() if file is not None}
    return ""


@event_priority(100)  # before the search plugin and any other handler reads the page's HTML
def _page_context_first(
    context: dict[str, object], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, object]:
    kept = _KEPT.get(page.file.src_uri)
    building = _BUILDING.get(page.file.src_uri)
    if building is not None:
        building.since = _WARNINGS.count  # the theme step starts
        if building.packed is not None:
            page.content = pagecache.unpack(building.packed).decode("utf-8")
            building.packed = None
    if kept is not None:
        html = "" if kept.written else kept.unpacked()  # a page written ahead is not written again
        if html is None:
            store = _PAGES["cache"]
            raise PluginError(
                f"The page cache {store.path} is damaged (page {page.file.src_uri}): "
                "delete that file and build again"
            )
        context[pagecache.CONTEXT_KEY] = html
    if page.content and _search_leaves_alone(page, config):
        _ASIDE[page.file.src_uri] = page.content
        page.content = ""
    return context


@event_priority(-100)  # after every other handler, before the theme's template reads the page's HTML
def _page_context_last(
    context: dict[str, object], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, object]:
    aside = _ASIDE.pop(page.file.src_uri, None)
    if aside is not None:
        page.content = aside
    return context


on_page_context = CombinedEvent(_page_context_first, _page_context_last)

# A page's HTML set aside while Material's search plugin reads a page it leaves as it is: the plugin
# indexes nothing of a page left out of the search, but strips every ``data-search-*="..."`` attribute
# from the HTML of every page with one regular expression, which scans the whole page for it (a
# statement page: 0.35 ms, a tenth of converting it). Where that page holds no such attribute the
# scan changes nothing, and the plugin is given an empty page to scan instead.
_ASIDE: dict[str, str] = {}
_STRIPPED_BY_SEARCH = re.compile(r'data-search-\w+="')
_SEARCH_PLUGIN_MODULE = "material.plugins.search.plugin"


def _search_leaves_alone(page: Page, config: MkDocsConfig) -> bool:
    """Whether the handlers of ``on_page_context`` between this module's two are Material's search
    plugin alone, and it would leave this page's HTML as it is (see ``_ASIDE``)."""
    if not _excluded_from_search(page) or _STRIPPED_BY_SEARCH.search(page.content or ""):
        return False
    between = [
        handler
        for handler in config.plugins.events["page_context"]
        if handler not in (_page_context_first, _page_context_last)
    ]
    return all(type(getattr(h, "__self__", None)).__module__ == _SEARCH_PLUGIN_MODULE for h in between)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    store = _PAGES.get("cache")
    building = _BUILDING.pop(page.file.src_uri, None)
    kept = _KEPT.pop(page.file.src_uri, None)
    if kept is not None:
        kept.html = b""  # written: let it go
        if kept.written:
            _WRITTEN_AHEAD.add(page)
            return ""  # written into the site by the worker that built it ahead: not written again
    elif store is not None and building is not None:
        if building.let_go:
            page.content = ""  # written: nothing later reads it, and a large build would hold them all
        building.step_done()
        if _excluded_from_search(page) and not building.warned:
            links = {file.src_uri: dict(anchors) for file, anchors in (page.links_to_anchors or {}).items()}
            title = page.title if isinstance(page.title, str) else None
            written = "ahead" in _RUN  # a worker building pages ahead: MkDocs writes it there
            store.put(
                pagecache.Kept(
                    building.key,
                    dict(page.meta),
                    set(page.present_anchor_ids or ()),
                    links,
                    title,
                    written=written,
                ),
                output,
            )
            if written:
                return output
    if "ahead" in _RUN:
        return ""  # a page not kept is not written ahead: the loop builds and writes it
    early = _EARLY.get("index")
    if early is not None and explore.indexed(page.file.dest_uri):
        early.rewritten()
    return output


def on_build_error(error: Exception) -> None:
    gc.unfreeze()
    _end_records()
    early = _EARLY.pop("index", None)
    if early is not None:
        early.wait()
    store = _PAGES.pop("cache", None)
    if store is not None:
        store.close(complete=False)


def on_post_build(config: MkDocsConfig) -> None:
    gc.unfreeze()
    store = _PAGES.pop("cache", None)
    if store is not None:
        store.close(complete=True)
        log.info(
            "Alliance Archive: %d pages from the page cache, %d kept for the next build",
            store.hits,
            store.stored,
        )
    # the Explore page's index, in `mkdocs build` and in every `mkdocs serve` rebuild alike; one
    # started beside the loop (``_build_ahead``) is used where it read the pages the site has
    started = time.perf_counter()
    project = Path(config.config_file_path).resolve().parent
    early = _EARLY.pop("index", None)
    outcome = early.outcome(Path(config.site_dir)) if early is not None else None
    if outcome is None:
        outcome = explore.index_site(Path(config.site_dir), cache.cache_dir(project), _part_size(config))
    elif outcome.ok:
        outcome = explore.Outcome(True, f"{outcome.message}, while the site was written")
    if not outcome.ok:
        log.warning("Explore page: %s", outcome.message)
    else:
        log.info(
            "Alliance Archive: Explore index built in %.3f s (%s)",
            time.perf_counter() - started,
            outcome.message,
        )
    if _RUN["command"] == "serve" and "warmed" not in _RUN:
        # under `mkdocs serve`, once: the first build's seeds came from the cache or ran in worker
        # processes, so this process has not loaded the language models and data files; loading them
        # now spares the rebuild after an editor's first edit (before any edit, so nothing runs beside it)
        _RUN["warmed"] = "yes"
        try:
            reg = pipeline.registry(_seeds_dir(config))
        except pipeline.RegistryError:
            reg = pipeline.registry()  # the build has warned about the editors' registry already
        pipeline.warm_up(reg)
