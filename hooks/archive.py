"""MkDocs hooks for Alliance Archive: the only module that knows MkDocs events.

The pipeline (``hooks/alliance_archive``) turns every seed into a record; these handlers add the
generated pages and the JSON data file to the build, and report seeds that cannot be built as
warnings, so a plain build still publishes the rest. Under ``mkdocs build --strict`` such a seed
aborts the build with an error naming it, whatever the log level (``-q`` hides warnings).

Settings, under ``extra: archive:`` in ``mkdocs.yml``: ``seed_time_budget`` (seconds one seed may
take before it is stopped and reported; default 10, ``null`` for none) and ``jobs`` (worker
processes; default: all cores for a large archive, none for a small one).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from alliance_archive import cache, explore, history, pipeline, related, render, review

log = logging.getLogger("mkdocs.plugins.alliance_archive")
# the command this process runs (``serve`` shows editors the Review page); set once at start-up
_RUN = {"command": "build"}


def on_startup(command: str, dirty: bool) -> None:
    _RUN["command"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # `mkdocs serve` keeps this module loaded between builds: start each build from the data files
    pipeline.reset()
    return config


def _seeds_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / "seeds"


def _settings(config: MkDocsConfig) -> tuple[float | None, int | None]:
    settings = config.extra.get("archive") or {}
    if not isinstance(settings, dict):
        raise PluginError("extra: archive: in mkdocs.yml must be a mapping of settings")
    budget = settings.get("seed_time_budget", pipeline.DEFAULT_SEED_TIME_BUDGET_S)
    number = isinstance(budget, int | float) and not isinstance(budget, bool)
    if budget is not None and (not number or budget <= 0):
        raise PluginError(f"extra: archive: seed_time_budget must be seconds above 0 or null, not {budget!r}")
    jobs = settings.get("jobs")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0):
        raise PluginError(f"extra: archive: jobs must be a whole number of worker processes, not {jobs!r}")
    return (float(budget) if budget is not None else None), jobs


def on_files(files: Files, config: MkDocsConfig) -> Files:
    budget, jobs = _settings(config)
    started = time.perf_counter()
    project = Path(config.config_file_path).resolve().parent
    archive = pipeline.build_archive(
        _seeds_dir(config), budget_s=budget, jobs=jobs, cache_dir=cache.cache_dir(project)
    )
    records = time.perf_counter() - started
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
    generated = render.pages(
        archive.statements,
        repo_url=config.repo_url or "",
        site_url=config.site_url or "",
        site_name=config.site_name,
        events=events.links,
        changed=history.last_changed(_seeds_dir(config).parent),
    )
    rendered = time.perf_counter() - started - records
    if _RUN["command"] == "serve":
        # the editors' review list: part of the live preview, never of a published build
        generated["review.md"] = review.page(review.review(archive.statements))
    sources = {f"statements/{s.id}.md": s.source_file for s in archive.statements}
    for path, content in generated.items():
        existing = files.get_file_from_path(path)
        if existing is not None:
            files.remove(existing)
        file = File.generated(config, path, content=content)
        # the edit button of a statement page opens its seed; generated index pages have none
        file.edit_uri = f"../{sources[path]}" if path in sources else None
        files.append(file)
    log.info(
        "Alliance Archive: %d statements from %s (%d from the record cache); records in %.3f s, "
        "pages in %.3f s",
        len(archive.statements),
        _seeds_dir(config),
        archive.cached,
        records,
        rendered,
    )
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # the sitemap dates a statement by the last change of its seed (render.py puts it in the meta)
    lastmod = page.meta.get("lastmod")
    if lastmod:
        page.update_date = str(lastmod)
    return markdown


def on_post_build(config: MkDocsConfig) -> None:
    # the Explore page's index, in `mkdocs build` and in every `mkdocs serve` rebuild alike
    started = time.perf_counter()
    outcome = explore.index_site(Path(config.site_dir))
    if not outcome.ok:
        log.warning("Explore page: %s", outcome.message)
    else:
        log.info("Alliance Archive: Explore index built in %.3f s", time.perf_counter() - started)
