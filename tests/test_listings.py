"""Index pages that list statements (a theme's, a year's, an official's) go on to numbered pages
past a set length, so none grows with the archive; a large archive keeps its statement pages out
of Material's header search."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from alliance_archive import render
from tests.conftest import SEEDS, BuildSite

# three statements by one official (on top of the archive's own seeds)
BLINKEN = {
    f"blinken_{n}.txt": (
        f"Secretary Blinken on {topic}\n\n{day}\n\n"
        f"Secretary of State Antony Blinken said that the alliance with Japan remains the cornerstone of "
        f"peace and stability in the Indo-Pacific, and stressed cooperation on {topic.lower()}.\n"
    )
    for n, (topic, day) in enumerate(
        [
            ("Supply Chains", "March 3, 2022"),
            ("Maritime Security", "May 9, 2023"),
            ("Climate", "June 1, 2024"),
        ]
    )
}


def _listed(page: Path) -> list[str]:
    """The statement pages an index page links to, in order."""
    html = page.read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    return re.findall(r'href="(?:\.\./)+statements/([^/"]+)/"', article)


def _records(site: Path) -> list[dict]:
    return json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))["statements"]


def test_a_long_listing_goes_on_to_numbered_pages(
    build_site: BuildSite, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    monkeypatch.setattr(render, "LIST_PAGE_SIZE", 2)
    monkeypatch.setattr(render, "OFFICIAL_PAGE_SIZE", 1)
    monkeypatch.setattr(render, "QUOTES_PAGE_SIZE", 1)
    seeds = {p.name: p.read_bytes() for p in SEEDS.iterdir()} | BLINKEN
    site = build_site(seeds, strict=True)  # strict: every pager link resolves
    records = _records(site)
    # one quote a page: the Quotes listing goes on to a page per quote, none dropped
    quotes = sum(len(r["quotes"]) for r in records)
    assert quotes >= 2, "the sample needs two quotes or more"
    assert (site / "quotes" / str(quotes) / "index.html").is_file()
    assert not (site / "quotes" / str(quotes + 1)).exists()
    # the numbered pages sit outside the navigation on purpose, as the other listings' do: no notice
    assert not [r.getMessage() for r in caplog.records if "quotes/2.md" in r.getMessage()]
    theme = "alliance"
    carrying = [r["id"] for r in records if theme in r["themes"]]
    assert len(carrying) >= 3, "the sample needs a theme on three or more statements"
    pages = [site / "themes" / theme / "index.html"]
    pages += [site / "themes" / theme / str(n) / "index.html" for n in range(2, (len(carrying) + 1) // 2 + 1)]
    listed = [_listed(p) for p in pages]
    assert all(len(ids) <= 2 for ids in listed), listed
    flat = [i for ids in listed for i in ids]
    assert sorted(flat) == sorted(carrying) and len(set(flat)) == len(flat), "each statement listed once"
    assert not (site / "themes" / theme / str(len(pages) + 1)).exists()
    # newest first across the pages
    dates = {r["id"]: r["date"] or "" for r in records}
    assert [dates[i] for i in flat] == sorted((dates[i] for i in flat), reverse=True)
    # the pager on a later page links back to the first and on to the others
    second = (pages[1]).read_text(encoding="utf-8")
    assert 'aria-label="Pages of this list"' in second and 'href="../"' in second

    # an official with two or more statements gets one page per statement at a page size of 1
    speakers: dict[str, int] = {}
    for r in records:
        for p in r["speakers"] + r["mentioned"]:
            speakers[p["name"]] = speakers.get(p["name"], 0) + 1
    name, count = max(speakers.items(), key=lambda kv: kv[1])
    assert count >= 2
    official = next(
        d
        for d in (site / "officials").iterdir()
        if d.is_dir() and f">{name}<" in (d / "index.html").read_text()
    )
    assert (official / "2" / "index.html").is_file() and not (official / str(count + 1)).exists()
    seen = [
        i for n in range(1, count + 1) for i in _listed(official / ("" if n == 1 else str(n)) / "index.html")
    ]
    assert len(seen) == count


def test_a_short_listing_is_one_page(seeds_site: Path) -> None:
    for folder in ("themes", "years"):
        assert not list((seeds_site / folder).glob("*/[0-9]*/index.html"))
    assert 'aria-label="Pages of this list"' not in (seeds_site / "years" / "2017" / "index.html").read_text()


def test_paginate_cuts_and_links() -> None:
    pages = render.paginate("years/2020", list(range(5)), 2)
    assert [(path, chunk, pager.number) for path, chunk, pager in pages] == [
        ("years/2020.md", [0, 1], 1),
        ("years/2020/2.md", [2, 3], 2),
        ("years/2020/3.md", [4], 3),
    ]
    assert pages[0][2].links == [(1, "2020.md"), (2, "2020/2.md"), (3, "2020/3.md")]
    assert pages[2][2].links == [(1, "../2020.md"), (2, "2.md"), (3, "3.md")]
    assert (pages[0][2].up, pages[1][2].up) == ("../", "../../")
    assert render.paginate("themes/x", [], 2) == [("themes/x.md", [], render.Pager(1, [(1, "x.md")], "../"))]


def _search_locations(site: Path) -> set[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {doc["location"].split("#")[0] for doc in index["docs"]}


def test_statements_are_in_the_header_search_of_a_small_archive(seeds_site: Path) -> None:
    locations = _search_locations(seeds_site)
    for record in _records(seeds_site):
        assert record["url"] in locations
        assert f"years/{record['date'][:4] if record['date'] else 'undated'}/" in locations
    assert [loc for loc in locations if loc.startswith("officials/") and loc != "officials/"]


def test_a_large_archive_keeps_statement_pages_out_of_the_header_search(
    build_site: BuildSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(render, "MATERIAL_SEARCH_MAX_STATEMENTS", 4)
    site = build_site(SEEDS)
    locations = _search_locations(site)
    assert not [loc for loc in locations if loc.startswith("statements/")]
    # nor each official's, year's and theme's listing, which repeat the statements' titles and quotes
    assert not [loc for loc in locations if re.match(r"(officials|years|themes)/.+", loc)], locations
    # nor the Quotes page, which gathers every quote of every statement
    assert not [loc for loc in locations if loc.startswith("quotes/")], locations
    assert {"", "about/", "explore/", "officials/", "themes/", "years/"} <= locations
