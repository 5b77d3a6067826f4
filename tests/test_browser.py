"""A reader's journey through the built archive in a real browser (Debian's Chromium).

Home → search "denuclearization" → a statement → its speaker's page → a year → a theme, then the
dark palette; screenshots of each stop go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.browser import (  # noqa: F401 (fixtures)
    Tab,
    chromium_fixture,
    color_scheme,
    screenshot,
    search,
    site_url_fixture,
    switch_to_dark,
    tab_fixture,
)
from tests.conftest import journey_record

pytestmark = pytest.mark.browser


def _path(page: Page) -> str:
    return urlsplit(page.url).path


def _path_of(url: str) -> str:
    return urlsplit(url).path


def _heading(page: Page) -> str:
    return page.locator("article h1").first.inner_text().replace("¶", "").strip()


def _records(site: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))
    return {s["url"]: s for s in data["statements"]}


def _nav_tab(page: Page, label: str) -> None:
    page.locator(".md-tabs__link", has_text=re.compile(rf"^\s*{label}\s*$")).click()
    page.wait_for_load_state()


def test_a_reader_searches_and_browses_the_archive(tab: Tab, site_url: str, browser_site: Path) -> None:
    page = tab.page
    records = _records(browser_site)
    prefix = urlsplit(site_url).path

    # Home
    page.goto(site_url)
    expect(page.locator("article h1")).to_have_text(re.compile("Alliance Archive"))
    expect(page.get_by_role("heading", name="Latest statements")).to_be_visible()
    assert color_scheme(page) == "default"
    screenshot(page, "home")

    # Search, then open a statement from the results
    search(page, "denuclearization")
    results = page.locator(".md-search-result__item > a[href*='/statements/']")
    expect(results.first).to_be_visible()
    # the journey statement (written with a date, a speaker and chrome lines) is among the results
    hrefs = [_path_of(a.get_attribute("href") or "").removeprefix(prefix) for a in results.all()]
    record = journey_record(browser_site)
    statement_url = record["url"]
    assert statement_url in hrefs, f"{statement_url} is not among the results {hrefs}"
    assert records[statement_url] == record
    results.nth(hrefs.index(statement_url)).click()
    page.wait_for_url(re.compile(re.escape(statement_url) + r"\?h="))
    assert _heading(page) == record["title"]
    meta = page.locator(".aa-meta")
    expect(meta).to_be_visible()
    expect(page.locator("article mark").first).to_be_visible()  # search.highlight marks the query
    # its themes as tags, each linking to the theme's page
    chips = page.locator("article nav.md-tags a.md-tag")
    expect(chips).to_have_count(len(record["themes"]))
    assert [_path_of(c.get_attribute("href") or "").split("/")[-2] for c in chips.all()] == record["themes"]
    screenshot(page, "statement")

    # Source notes: a collapsed <details> that opens on click and lists every removed line
    notes = page.locator("article details", has=page.locator("summary", has_text="Source notes"))
    expect(notes).to_have_count(1)
    assert notes.get_attribute("open") is None
    items = notes.locator("li")
    expect(items.first).to_be_hidden()
    notes.locator("summary").click()
    expect(notes).to_have_attribute("open", "")
    assert record["removed"], "the seed's chrome lines are listed in the record"
    expect(items).to_have_count(len(record["removed"]))
    expect(items.first).to_be_visible()
    first = record["removed"][0]
    expect(items.first).to_contain_text(f"Line {first['line']}")
    expect(items.first).to_contain_text(first["reason"])
    screenshot(page, "statement-source-notes")

    # A speaker's link leads to the official's page, which lists this statement
    assert record["speakers"], "the search result chosen has a speaker"
    speaker = record["speakers"][0]["name"]
    meta.locator("p", has_text=re.compile(r"^Speakers?:")).get_by_role("link", name=speaker).click()
    page.wait_for_url(re.compile(r"/officials/[^/]+/$"))
    assert _heading(page) == speaker
    assert page.locator("article h1").count() == 1
    expect(page.get_by_role("heading", name="Roles")).to_be_visible()
    expect(page.locator(f"article a[href$='{statement_url.split('/')[1]}/']").first).to_be_visible()
    screenshot(page, "official")

    # On to the statement's year through the Years tab
    _nav_tab(page, "Years")
    assert _path(page) == prefix + "years/"
    year = record["date"][:4]
    page.locator("article").get_by_role("link", name=year, exact=True).click()
    page.wait_for_url(re.compile(rf"/years/{year}/$"))
    assert _heading(page) == year
    expect(page.locator("article").get_by_role("link", name=record["title"])).to_be_visible()
    screenshot(page, "year")

    # Then one of its themes through the Themes tab; the theme page lists it
    _nav_tab(page, "Themes")
    assert _path(page) == prefix + "themes/"
    theme = "denuclearization" if "denuclearization" in record["themes"] else record["themes"][0]
    page.locator(f"article h2 a[href='{theme}/']").click()
    page.wait_for_url(re.compile(rf"/themes/{theme}/$"))
    expect(page.locator("article").get_by_role("link", name=record["title"])).to_be_visible()
    screenshot(page, "theme")

    # Back home by the logo, then the dark palette
    page.locator("a.md-header__button.md-logo").click()
    page.wait_for_url(re.compile(re.escape(site_url) + "$"))
    switch_to_dark(page)
    assert color_scheme(page) == "slate"
    page.reload()
    assert color_scheme(page) == "slate", "the chosen palette survives a reload"
    screenshot(page, "home-dark")

    assert tab.console_errors == [], tab.console_errors
    assert tab.failed_responses == [], tab.failed_responses
    assert tab.external_requests == [], (
        "the site called hosts other than its own (Material fetches GitHub repository facts "
        f"when repo_url is set): {tab.external_requests}"
    )


def test_an_unknown_address_shows_the_styled_404_page(tab: Tab, site_url: str) -> None:
    page = tab.page
    response = page.goto(site_url + "statements/no-such-statement/")
    assert response is not None and response.status == 404
    expect(page.locator("article h1")).to_have_text(re.compile("404"))
    # the absolute /alliance-archive/ links of the 404 page resolve: its stylesheet applied
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    page.locator(".md-tabs__link", has_text="Officials").click()
    page.wait_for_url(re.compile(r"/officials/$"))
    expect(page.locator("article h1")).to_have_text(re.compile("Officials"))
