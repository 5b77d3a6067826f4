"""Shared fixtures: a real in-process MkDocs build of a throwaway project, and a guard that fails
any test during which the archive logs a warning it did not expect."""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

SeedFiles = dict[str, bytes | str]
BuildSite = Callable[..., Path]


def make_project(
    where: Path, seeds: SeedFiles | Path | None = None, archive: dict[str, object] | None = None
) -> Path:
    """A copy of the archive project (config, docs, hooks) with the given seeds; returns its folder.

    ``archive`` overrides settings under ``extra: archive:`` in the copy's ``mkdocs.yml``."""
    project = where / "project"
    project.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    if archive:
        config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
        config.setdefault("extra", {}).setdefault("archive", {}).update(archive)
        (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "hooks").symlink_to(ROOT / "hooks", target_is_directory=True)
    seeds_dir = project / "seeds"
    if isinstance(seeds, Path):
        shutil.copytree(seeds, seeds_dir, symlinks=True)
    else:
        seeds_dir.mkdir()
        for name, content in (seeds or {}).items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (seeds_dir / name).write_bytes(data)
    return project


def build_project(
    project: Path, strict: bool = False, prepare: Callable[[MkDocsConfig], object] | None = None
) -> Path:
    """Build ``project`` in-process, as ``mkdocs build`` does; returns the site folder. ``prepare``
    is given the loaded configuration (its hooks module loaded for this build) before the build."""
    site = project / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=strict)
    if prepare is not None:
        prepare(config)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site


@pytest.fixture
def build_site(tmp_path: Path) -> BuildSite:
    """Build a site from ``{file name: content}`` (or a seeds folder) into ``tmp_path``."""

    def _build(seeds: SeedFiles | Path, strict: bool = False) -> Path:
        return build_project(make_project(tmp_path, seeds), strict=strict)

    return _build


@pytest.fixture(scope="session")
def seeds_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive's own seeds, built once per test session."""
    return build_project(make_project(tmp_path_factory.mktemp("seeds-site"), SEEDS))


# A statement the browser tests follow: a headline, chrome lines to list, a date, a speaker the registry
# knows, a quote, and themes, so a reader's journey has each of them whatever the sample seeds hold.
JOURNEY_FILE = "journey.txt"
JOURNEY_SEED = """\
Ministry of Foreign Affairs
Share
Print
Press Release
Foreign Ministers Discuss Denuclearization in Seoul
March 18, 2021
Secretary of State Antony Blinken met Foreign Minister Chung Eui-yong in Seoul on March 18, 2021, \
and the two agreed that the complete denuclearization of North Korea remains their shared goal.
"Our alliance is the linchpin of peace and security in the region," Secretary Blinken said after the meeting.
The ministers also discussed trilateral cooperation with Japan and the humanitarian situation in the region.
Back to top
"""


@pytest.fixture(scope="session")
def browser_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The archive's own seeds and the journey statement, built once per test session."""
    project = make_project(tmp_path_factory.mktemp("browser-site"), SEEDS)
    (project / "seeds" / JOURNEY_FILE).write_text(JOURNEY_SEED, encoding="utf-8")
    return build_project(project)


def journey_record(site: Path) -> dict[str, Any]:
    """The journey statement's record in the site's statements.json."""
    records = json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))["statements"]
    found = [r for r in records if r["source"]["file"] == f"seeds/{JOURNEY_FILE}"]
    assert len(found) == 1, f"the site holds {len(found)} records of seeds/{JOURNEY_FILE}"
    record: dict[str, Any] = found[0]
    assert record["date"] and record["speakers"] and record["themes"] and record["removed"], record
    return record


class _WarningGuard(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def no_unexpected_warnings(request: pytest.FixtureRequest) -> Iterator[_WarningGuard]:
    """Fail a test if the archive or MkDocs logs a warning, unless it is marked ``expect_warnings``."""
    guard = _WarningGuard()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(guard)
    try:
        yield guard
    finally:
        logger.removeHandler(guard)
    if request.node.get_closest_marker("expect_warnings") is None and guard.records:
        messages = "; ".join(r.getMessage() for r in guard.records)
        pytest.fail(f"unexpected warnings: {messages}")


@pytest.fixture
def warnings_logged(no_unexpected_warnings: _WarningGuard) -> list[logging.LogRecord]:
    """The warnings logged so far in a test marked ``expect_warnings``."""
    return no_unexpected_warnings.records
