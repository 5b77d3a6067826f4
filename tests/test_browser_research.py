"""What a researcher does with a statement page in a real browser (Debian's Chromium): search results
that show the article rather than its evidence blocks, the Cite block with copy buttons and
downloads, a clean printout with the citation, and the timelines in both palettes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser import (  # noqa: F401 (fixtures)
    Tab,
    chromium_fixture,
    open_tab,
    screenshot,
    search,
    site_url_fixture,
    switch_to_dark,
    tab_fixture,
)
from tests.conftest import journey_record

pytestmark = pytest.mark.browser


def _statement(site: Path) -> dict:
    return journey_record(site)


def test_search_results_show_the_article_not_its_evidence(tab: Tab, site_url: str) -> None:
    page = tab.page
    page.goto(site_url)
    search(page, "denuclearization")
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    shown = page.locator(".md-search-result").inner_text()
    for block in (
        "Why these themes",
        "Source notes",
        "Cite this statement",
        "BibTeX",
        "left out of the article",
    ):
        assert block not in shown, block
    # the results still find statements, and what they show is the article's own text
    statement_results = page.locator(".md-search-result__item a[href*='/statements/']")
    assert statement_results.count() >= 1
    assert "denucleariz" in statement_results.first.inner_text().lower()
    screenshot(page, "search-results")
    assert tab.problems() == []


def test_the_cite_block_copies_and_downloads(tab: Tab, site_url: str, browser_site: Path) -> None:
    page = tab.page
    record = _statement(browser_site)
    page.goto(site_url + record["url"] + "#cite")
    cite = page.locator(".aa-cite")
    expect(cite.get_by_role("heading", name="Cite this statement")).to_be_visible()
    chicago = cite.locator(".aa-cite-chicago")
    expect(chicago).to_contain_text(record["title"])
    expect(chicago).to_contain_text(record["speakers"][0]["name"])
    bibtex = cite.locator("details", has=page.locator("summary", has_text="BibTeX"))
    bibtex.locator("summary").click()
    code = bibtex.locator("pre code")
    expect(code).to_be_visible()
    expect(code).to_contain_text("@misc{")
    # Material's copy button sits on the code block
    copy = bibtex.locator("button.md-code__button[data-md-type='copy']")
    expect(copy).to_have_count(1)
    screenshot(page, "statement-cite", full_page=False)
    for label, extension in (("BibTeX", "bib"), ("CSL-JSON", "json")):
        link = cite.get_by_role("link", name=label, exact=True)
        assert (link.get_attribute("href") or "").startswith("data:application/")
        with page.expect_download() as download_info:
            link.click()
        download = download_info.value
        assert download.suggested_filename == f"{record['id']}.{extension}"
        body = Path(download.path()).read_text(encoding="utf-8")
        assert record["title"].split(":")[0].replace("&", "\\&") in body
    assert tab.problems() == []


def _visible(page: Page, selector: str) -> bool:
    return bool(
        page.evaluate(
            "(s) => [...document.querySelectorAll(s)].some(e => getComputedStyle(e).display !== 'none'"
            " && e.getClientRects().length > 0)",
            selector,
        )
    )


def test_a_statement_prints_as_a_clean_document_with_its_citation(
    tab: Tab, site_url: str, browser_site: Path
) -> None:
    page = tab.page
    record = _statement(browser_site)
    page.goto(site_url + record["url"])
    assert _visible(page, ".md-header") and _visible(page, ".aa-source-notes")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-tabs", ".md-footer", ".md-sidebar--secondary", ".aa-source-notes",
                   ".aa-evidence", ".aa-cite-format", ".aa-cite-downloads"):  # fmt: skip
        assert not _visible(page, chrome), f"{chrome} is printed"
    for kept in ("article h1", ".aa-meta", ".aa-cite-chicago"):
        assert _visible(page, kept), f"{kept} is not printed"
    expect(page.locator(".aa-cite-chicago")).to_contain_text(record["url"])
    screenshot(page, "statement-print", full_page=True)
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    page.emulate_media(media="screen")
    assert _visible(page, ".md-header")


def _contrast(page: Page, selector: str) -> float:
    """The contrast ratio of an SVG element's fill against the page background."""
    return float(
        page.evaluate(
            """(s) => {
              const parse = c => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
              const lum = ([r, g, b]) => {
                const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
              };
              const fill = parse(getComputedStyle(document.querySelector(s)).fill);
              const bg = parse(getComputedStyle(document.body).backgroundColor);
              const [a, b] = [lum(fill), lum(bg)].sort((x, y) => y - x);
              return (a + 0.05) / (b + 0.05);
            }""",
            selector,
        )
    )


def test_timelines_read_in_light_and_dark_mode(tab: Tab, site_url: str, browser_site: Path) -> None:
    page = tab.page
    page.goto(site_url)
    chart = page.get_by_role("img", name="Statements per year, by the country of their speakers")
    expect(chart).to_be_visible()
    assert chart.evaluate("e => e.getBoundingClientRect().width") > 400
    light = _contrast(page, ".aa-timeline-bar")
    text_light = _contrast(page, ".aa-timeline-label")
    chart.scroll_into_view_if_needed()
    screenshot(page, "home-timeline")
    switch_to_dark(page)
    screenshot(page, "home-timeline-dark")
    dark = _contrast(page, ".aa-timeline-bar")
    text_dark = _contrast(page, ".aa-timeline-label")
    assert min(light, dark) >= 3, (light, dark)  # WCAG 1.4.11: graphics 3:1
    assert min(text_light, text_dark) >= 4.5, (text_light, text_dark)
    # the text alternative opens to the same figures
    page.locator(".aa-timeline-table summary").click()
    expect(page.locator(".aa-timeline-table table")).to_be_visible()
    # an official's page has their own chart
    record = _statement(browser_site)
    speaker = record["speakers"][0]["name"]
    slug = re.sub(r"[^a-z0-9]+", "-", speaker.lower()).strip("-")
    page.goto(site_url + f"officials/{slug}/")
    expect(page.get_by_role("img", name=f"Statements by {speaker} per year")).to_be_visible()
    assert tab.problems() == []
