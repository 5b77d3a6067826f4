"""MkDocs hooks for Alliance Archive: the only module that knows MkDocs events.

The pipeline (``hooks/alliance_archive``) turns every seed into a record; these handlers add the
generated pages and the JSON data file to the build, and report seeds that cannot be built as
warnings (so ``mkdocs build --strict`` fails on them while a plain build still publishes the rest).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from alliance_archive import cache, explore, pipeline, render

log = logging.getLogger("mkdocs.plugins.alliance_archive")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # `mkdocs serve` keeps this module loaded between builds: start each build from the data files
    pipeline.reset()
    return config


def _seeds_dir(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent / "seeds"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    started = time.perf_counter()
    project = Path(config.config_file_path).resolve().parent
    archive = pipeline.build_archive(_seeds_dir(config), cache_dir=cache.cache_dir(project))
    records = time.perf_counter() - started
    for name, problem in archive.problems:
        log.warning("Seed seeds/%s was not built (%s)", name, problem)
    generated = render.pages(
        archive.statements,
        repo_url=config.repo_url or "",
        site_url=config.site_url or "",
        site_name=config.site_name,
    )
    rendered = time.perf_counter() - started - records
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


def on_post_build(config: MkDocsConfig) -> None:
    # the Explore page's index, in `mkdocs build` and in every `mkdocs serve` rebuild alike
    started = time.perf_counter()
    outcome = explore.index_site(Path(config.site_dir))
    if not outcome.ok:
        log.warning("Explore page: %s", outcome.message)
    else:
        log.info("Alliance Archive: Explore index built in %.3f s", time.perf_counter() - started)
