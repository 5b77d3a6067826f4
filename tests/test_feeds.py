"""Atom feeds, read as a feed reader reads them (feedparser): the whole archive's, each official's and
each theme's, with valid entries, stable ids and dates, linked from their pages and from the HTML head."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest

from alliance_archive.extract import themes

SITE_URL = "https://alliance-archive.github.io/alliance-archive/"


def _records(site: Path) -> list[dict]:
    return json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))["statements"]


def _parse(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
    assert parsed.version == "atom10"
    return parsed


def _check_feed(parsed: feedparser.FeedParserDict, expected: list[dict], page_url: str) -> None:
    feed = parsed.feed
    assert feed.id == page_url
    assert feed.updated_parsed is not None
    assert {link.rel: link.href for link in feed.links}["alternate"] == page_url
    entries = parsed.entries
    assert [e.id for e in entries] == [SITE_URL + r["url"] for r in expected]
    assert len({e.id for e in entries}) == len(entries)
    for entry, r in zip(entries, expected, strict=True):
        assert entry.title == r["title"]
        assert entry.link == SITE_URL + r["url"]
        assert entry.updated_parsed is not None
        if r["date"]:
            assert entry.published[:10] == r["date"] and entry.updated[:10] == r["date"]
        else:
            assert "published" not in entry
        names = [a.name for a in entry.authors]
        assert names == ([p["name"] for p in r["speakers"]] or [r["publisher"] or "Alliance Archive"])
        assert entry.summary


def _newest_first(records: list[dict]) -> list[dict]:
    dated = sorted((r for r in records if r["date"]), key=lambda r: (r["date"], r["title"]), reverse=True)
    return dated + sorted((r for r in records if not r["date"]), key=lambda r: r["title"])


def test_the_archive_feed(seeds_site: Path) -> None:
    records = _records(seeds_site)
    parsed = _parse(seeds_site / "feed.xml")
    dated = sorted((r for r in records if r["date"]), key=lambda r: (r["date"], r["title"]), reverse=True)
    ids = [e.id for e in parsed.entries]
    assert ids[: len(dated)] == [SITE_URL + r["url"] for r in dated]
    assert len(ids) == len(records)
    assert parsed.feed.id == SITE_URL
    assert parsed.feed.updated.startswith(dated[0]["date"])


def test_each_official_has_a_feed_of_their_statements(seeds_site: Path) -> None:
    records = _records(seeds_site)
    folders = sorted(p.parent for p in (seeds_site / "officials").glob("*/feed.xml"))
    pages = sorted(p.parent for p in (seeds_site / "officials").glob("*/index.html"))
    assert folders == pages and folders, "every official's page has a feed beside it"
    for folder in folders:
        parsed = _parse(folder / "feed.xml")
        name = parsed.feed.title.split("statements by or naming ", 1)[1]
        expected = [r for r in records if name in [p["name"] for p in r["speakers"] + r["mentioned"]]]
        assert expected, name
        _check_feed(parsed, _newest_first(expected), f"{SITE_URL}officials/{folder.name}/")


@pytest.mark.parametrize("theme", sorted(themes()))
def test_each_theme_has_a_feed(seeds_site: Path, theme: str) -> None:
    records = [r for r in _records(seeds_site) if theme in r["themes"]]
    parsed = _parse(seeds_site / "themes" / theme / "feed.xml")
    assert parsed.feed.title == f"Alliance Archive: {themes()[theme].label}"
    _check_feed(parsed, _newest_first(records), f"{SITE_URL}themes/{theme}/")


class Links(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.alternates: list[dict[str, str]] = []
        self.anchors: list[str] = []
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "link" and "alternate" in values.get("rel", "").split():
            self.alternates.append(values)
        if tag == "a" and values.get("type") == "application/atom+xml":
            self.anchors.append(values["href"])


def _feeds_of(site: Path, page: str) -> tuple[list[str], list[str]]:
    """The feeds a page names in its head and in its body, as paths under the site."""
    html = (site / page / "index.html").read_text(encoding="utf-8")
    links = Links(html)
    base = "http://x/" + page

    def rel(href: str) -> str:
        return urljoin(base, href).removeprefix("http://x/")

    head = [rel(a["href"]) for a in links.alternates if a.get("type") == "application/atom+xml"]
    return head, [rel(h) for h in links.anchors]


def test_pages_link_their_feeds_in_the_head_and_the_body(seeds_site: Path) -> None:
    head, _ = _feeds_of(seeds_site, "")
    assert head == ["feed.xml"]
    official = sorted((seeds_site / "officials").glob("*/feed.xml"))[0].parent.name
    head, body = _feeds_of(seeds_site, f"officials/{official}/")
    assert head == ["feed.xml", f"officials/{official}/feed.xml"]
    assert body == [f"officials/{official}/feed.xml"]
    head, body = _feeds_of(seeds_site, "themes/alliance/")
    assert head == ["feed.xml", "themes/alliance/feed.xml"]
    assert body == ["themes/alliance/feed.xml"]
    for path in head + body:
        assert (seeds_site / path).is_file(), path
