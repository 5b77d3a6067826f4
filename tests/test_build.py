"""A full in-process build of the archive's own seeds: pages, front matter, JSON and links."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import frontmatter
import pytest
import yaml

from tests.conftest import ROOT, SEEDS

GOLD = ROOT.parent / "shared" / "seeds-gold"
RECORD_FIELDS = [
    "id", "url", "title", "date", "date_basis", "date_range", "speakers", "mentioned", "themes",
    "places", "publisher", "source", "text", "removed", "quotes",
]  # fmt: skip


def load_json(site: Path) -> dict:
    return json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))


def test_every_seed_has_a_statement_page(seeds_site: Path) -> None:
    data = load_json(seeds_site)
    assert data["schema"] == 1
    assert len(data["statements"]) == len(list(SEEDS.glob("*.txt")))
    for record in data["statements"]:
        assert list(record) == RECORD_FIELDS
        page = seeds_site / record["url"] / "index.html"
        assert page.is_file(), record["url"]
        html = page.read_text(encoding="utf-8")
        assert "Source notes" in html
        assert record["source"]["file"].startswith("seeds/")


def test_statement_json_matches_the_seeds(seeds_site: Path) -> None:
    import hashlib

    for record in load_json(seeds_site)["statements"]:
        raw = (ROOT / record["source"]["file"]).read_bytes()
        assert record["source"]["sha256"] == hashlib.sha256(raw).hexdigest()
        lines = raw.decode("utf-8-sig").split("\n")
        for removed in record["removed"]:
            assert lines[removed["line"] - 1].rstrip("\r") == removed["text"]
            assert removed["reason"]


@pytest.mark.skipif(not GOLD.is_dir(), reason="the shared gold annotations are not beside the project")
def test_seed_records_agree_with_gold(seeds_site: Path) -> None:
    records = {Path(r["source"]["file"]).name: r for r in load_json(seeds_site)["statements"]}
    for gold_path in sorted(GOLD.glob("*.gold.yml")):
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        record = records[gold["file"]]
        assert record["title"] == gold["title"]
        assert record["date"] == (str(gold["date"]) if gold["date"] else None)
        assert {p["name"] for p in record["speakers"]} == {p["name"] for p in gold["speakers"] or []}
        removed = {r["line"] for r in record["removed"]}
        assert {b["line"] for b in gold["boilerplate_lines"]} <= removed


def test_generated_pages_exist(seeds_site: Path) -> None:
    for path in ["index.html", "about/index.html", "404.html", "officials/index.html", "years/index.html",
                 "years/undated/index.html", "themes/index.html"]:  # fmt: skip
        assert (seeds_site / path).is_file(), path
    data = load_json(seeds_site)
    for record in data["statements"]:
        year = record["date"][:4] if record["date"] else "undated"
        assert (seeds_site / "years" / year / "index.html").is_file()
        for theme in record["themes"]:
            assert (seeds_site / "themes" / theme / "index.html").is_file()
        for person in record["speakers"] + record["mentioned"]:
            slug = re.sub(r"[^a-z0-9]+", "-", person["name"].lower()).strip("-")
            assert (seeds_site / "officials" / slug / "index.html").is_file(), person["name"]


def test_statement_front_matter_holds_the_record(tmp_path: Path) -> None:
    from alliance_archive import pipeline, render

    archive = pipeline.build_archive(SEEDS)
    assert not archive.problems
    pages = render.pages(archive.statements)
    for s in archive.statements:
        post = frontmatter.loads(pages[f"statements/{s.id}.md"])
        assert html.unescape(post["title"]) == s.title
        assert post["record"]["id"] == s.id
        assert post["record"]["date"] == s.date
        assert "text" not in post["record"]


def test_statement_pages_are_not_in_the_nav(seeds_site: Path) -> None:
    about = (seeds_site / "about" / "index.html").read_text(encoding="utf-8")
    nav = about.split('class="md-nav md-nav--primary', 1)[1].split('class="md-nav md-nav--secondary', 1)[0]
    assert "Officials" in nav
    assert "statements/" not in nav


def test_edit_button_points_at_the_seed(seeds_site: Path) -> None:
    record = load_json(seeds_site)["statements"][0]
    html = (seeds_site / record["url"] / "index.html").read_text(encoding="utf-8")
    assert f"edit/main/{record['source']['file']}" in html


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")


def test_every_internal_link_resolves(seeds_site: Path) -> None:
    site_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    prefix = urlparse(site_url).path
    pages = {p: _parse(p) for p in seeds_site.rglob("*.html")}
    broken = []
    for page, parsed in pages.items():
        base = "http://site/" + page.relative_to(seeds_site).as_posix()
        for href in parsed.links:
            url = urlparse(urljoin(base, href))
            if url.netloc != "site":
                continue
            path = url.path[len(prefix) - 1 :] if url.path.startswith(prefix) else url.path
            target = seeds_site / unquote(path.lstrip("/"))
            if url.path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(seeds_site)} -> {href}")
                continue
            if url.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if url.fragment not in ids:
                    broken.append(f"{page.relative_to(seeds_site)} -> {href} (no anchor)")
    assert not broken, broken[:20]


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.slow
def test_command_line_strict_build(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    assert (tmp_path / "site" / "data" / "statements.json").is_file()


def test_reset_forgets_the_data_files_between_builds() -> None:
    from alliance_archive import clean, extract, people, pipeline, registry

    # the data files, and the patterns made from them once (places, publishers' names, the themes')
    made = (
        clean.vocabulary,
        extract.themes,
        registry.registry,
        extract._place_pattern,
        extract._theme_patterns,
        people.lexicon,
        people._publisher_patterns,
    )
    for cached in made:
        cached()
    pipeline.reset()
    for cached in made:
        assert cached.cache_info().currsize == 0, cached.__name__


@pytest.mark.expect_warnings
def test_an_internal_fault_on_one_seed_still_builds_the_rest(
    build_site, warnings_logged, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alliance_archive import pipeline

    real = pipeline.extract

    def faulty(cleaned, reg=None):  # type: ignore[no-untyped-def]
        if "Faulty" in cleaned.title:
            raise RuntimeError("boom")
        return real(cleaned, reg)

    monkeypatch.setattr(pipeline, "extract", faulty)
    good = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8")
    site = build_site(
        {"a.txt": good, "b.txt": "A Faulty Statement Headline\n\nSome text of the article here.\n"}
    )
    assert len(load_json(site)["statements"]) == 1
    assert len(warnings_logged) == 1
    assert "seeds/b.txt" in warnings_logged[0].getMessage()
    assert "internal error" in warnings_logged[0].getMessage()


def test_a_rebuild_reads_the_data_files_again_only_where_one_changed(tmp_path: Path) -> None:
    import os

    from alliance_archive import clean, pipeline

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    pipeline.reset()
    assert pipeline.refresh(seeds)  # the first build reads them
    clean.vocabulary()
    assert not pipeline.refresh(seeds)  # nothing changed: kept
    assert clean.vocabulary.cache_info().currsize == 1
    officials = seeds / "officials.yml"
    officials.write_text("officials: []\n", encoding="utf-8")
    assert pipeline.refresh(seeds)  # the editors' registry appeared: everything read again
    assert clean.vocabulary.cache_info().currsize == 0
    clean.vocabulary()
    os.utime(officials, ns=(1, 1))
    assert pipeline.refresh(seeds)  # and changed
    assert clean.vocabulary.cache_info().currsize == 0
