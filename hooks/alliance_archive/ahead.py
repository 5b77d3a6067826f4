"""Pages built ahead, side by side, for a build that finds few of them in the page cache.

MkDocs converts and themes the pages one after another in one process, and a large archive's
first build spends most of its time there. Before that loop starts, :func:`build_ahead` hands the
pages the page cache lacks to worker processes, which run MkDocs' own two steps for each of them
(``_populate_page``, then ``_build_page``, with every plugin's events), MkDocs writing the page into
the site as the loop would, and hand each page back as a page cache entry marked as written. The
loop then takes those pages from the page cache, as a build with nothing changed does, without
writing them again, and builds the rest itself.

A page is written and handed back only where its build raised nothing and logged no warning (the
caller's handlers decide), so every warning and error is still logged once, by the loop, and
counted by ``--strict``; the loop builds and writes such a page itself. Workers are started with
the ``fork`` method, which gives them this process's configuration, files and navigation as they
are; it exists on Linux and is used only outside ``mkdocs serve``, whose live-reload server runs
threads. Elsewhere, or when a worker cannot start or dies, the pages not handed back are built by
the loop: the site is the same either way.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from mkdocs.commands import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import forked
from .pagecache import Kept

log = logging.getLogger(__name__)

CHUNK = 16  # pages one worker takes at a time: small enough to even out, large enough to be cheap
MIN_PAGES = 200  # fewer pages to build than this: the loop alone is quicker than starting workers

# what a worker builds with: set just before the workers are forked, which inherit it
_JOB: dict[str, Any] = {}


def _start() -> None:
    """In a new worker: quiet (the loop logs every page's warnings), then the theme's templates."""
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        for handler in list(logger.handlers):
            if handler not in _JOB["keep_handlers"]:
                logger.removeHandler(handler)
    logging.getLogger("mkdocs").propagate = False
    _JOB["begin"]()
    config, files = _JOB["config"], _JOB["files"]
    _JOB["env"] = config.plugins.on_env(config.theme.get_env(), config=config, files=files)


def _build_chunk(indices: Sequence[int]) -> list[Kept]:
    config: MkDocsConfig = _JOB["config"]
    files: Files = _JOB["files"]
    pages: list[File] = _JOB["pages"]
    made: list[Kept] = []
    for index in indices:
        file = pages[index]
        page = file.page if file.page is not None else Page(None, file, config)
        try:
            mkdocs_build._populate_page(page, config, files)
            excluded = bool(file.inclusion.is_excluded())  # type: ignore[no-untyped-call]
            mkdocs_build._build_page(
                page, config, _JOB["doc_files"], _JOB["nav"], _JOB["env"], excluded=excluded
            )
        except Exception:  # the loop builds (and writes) this page again and reports what is wrong
            _JOB["collect"]()  # with it: what it left is dropped, written or not
            continue
        made.extend(_JOB["collect"]())
    return made


def build_ahead(
    files: Files,
    nav: Navigation,
    config: MkDocsConfig,
    todo: Sequence[File],
    jobs: int,
    *,
    begin: Callable[[], None],
    collect: Callable[[], list[Kept]],
    keep_handlers: Sequence[logging.Handler] = (),
) -> Iterator[Kept]:
    """Build the pages of ``todo`` in ``jobs`` forked workers; yield the page cache entry of each one
    that came out clean. In a worker, ``begin()`` runs once before its first page and ``collect()``
    returns (and forgets) the entries its pages left (those of a page whose build raised are
    dropped); ``keep_handlers`` stay on the worker's loggers."""
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    _JOB.update(
        config=config,
        files=files,
        nav=nav,
        pages=list(todo),
        doc_files=doc_files,
        begin=begin,
        collect=collect,
        keep_handlers=list(keep_handlers),
    )
    chunks = [range(start, end) for start, end in forked.chunks(len(todo), CHUNK, jobs)]
    try:
        with ProcessPoolExecutor(
            max_workers=jobs, mp_context=multiprocessing.get_context("fork"), initializer=_start
        ) as pool:
            for made in pool.map(_build_chunk, chunks):
                yield from made
    except (BrokenProcessPool, OSError) as exc:  # the loop builds whatever is left
        log.debug("pages built ahead stopped: %s", exc)
    finally:
        _JOB.clear()
