"""The Explore page: Pagefind's index of the statement pages, searched with filters in Chromium."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser import Tab, chromium_fixture, open_tab, screenshot, serve, tab_fixture
from tests.conftest import build_project, make_project

__all__ = ["chromium_fixture", "tab_fixture"]

SEEDS = {
    "a_blinken_2022.txt": (
        "Blinken Urges Closer Maritime Cooperation\n\nMarch 3, 2022\n\n"
        "Secretary of State Antony Blinken said that maritime cooperation with Japan keeps the sea lanes "
        "of the Indo-Pacific open, and stressed freedom of navigation in the East China Sea.\n"
    ),
    "b_blinken_2023.txt": (
        "Blinken Discusses Supply Chains in Tokyo\n\nMay 9, 2023\n\n"
        "Secretary of State Antony Blinken said that the United States and Japan will build resilient "
        "supply chains for semiconductors and deepen their economic partnership.\n"
    ),
    "c_kishida_2023.txt": (
        "Kishida Stresses a Rules-Based Maritime Order\n\nJune 1, 2023\n\n"
        "Prime Minister Fumio Kishida said that maritime claims must be settled peacefully under "
        "international law, and that freedom of navigation in the South China Sea must be upheld.\n"
    ),
    "d_blinken_2023.txt": (
        "Blinken and Park Review Maritime Security\n\nAugust 14, 2023\n\n"
        "Secretary of State Antony Blinken said that maritime security in the Indo-Pacific is a shared "
        "concern of the allies, and welcomed joint coast guard training in the East China Sea.\n"
    ),
    "e_yoon_2023.txt": (
        "Yoon Condemns Missile Launch\n\nNovember 21, 2023\n\n"
        "President Yoon Suk Yeol condemned North Korea's ballistic missile launch, and said that the "
        "allies will respond firmly to the provocation.\n"
    ),
    "f_markup_2024.txt": (
        "Allies Publish a Maritime Note\n\nJanuary 8, 2024\n\n"
        "The note, titled <img src=x onerror=alert(1)> <b>maritime</b> outlook, said the allies are "
        "concerned about maritime claims in the East China Sea.\n"
    ),
}
QUERY = "maritime"
OFFICIAL = "Antony Blinken"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


# the index whole, and in parts of two statements (as a large archive's is, in parts of thousands)
PART_SIZES = {"one index": None, "in parts": 2}


@pytest.fixture(scope="module", params=list(PART_SIZES), ids=list(PART_SIZES))
def explore_site(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    size = PART_SIZES[request.param]
    settings = {"search_part_size": size} if size else None
    return build_project(make_project(tmp_path_factory.mktemp("explore"), SEEDS, settings), strict=True)


def _parts(site: Path) -> list[Path]:
    listing = json.loads((site / "pagefind" / "archive-parts.json").read_text(encoding="utf-8"))
    return [site / part["path"] for part in listing["parts"]]


@pytest.fixture(scope="module")
def explore_url(explore_site: Path) -> Iterator[str]:
    with serve(explore_site) as base:
        yield base


def _records(site: Path) -> list[dict]:
    return json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))["statements"]


def _open_explore(page: Page, base: str) -> None:
    page.goto(base + "explore/")
    expect(page.locator("#aa-explore[data-ready='true']")).to_have_count(1)
    expect(page.locator(".aa-explore__status")).to_have_text(re.compile(r"\d+ statements?\."))


def _result_paths(page: Page) -> list[str]:
    links = page.locator(".aa-explore__result h3 a")
    return [urlsplit(a.get_attribute("href") or "").path for a in links.all()]


def test_the_index_holds_statement_pages_only(explore_site: Path) -> None:
    pages = 0
    for folder in _parts(explore_site):
        assert (folder / "pagefind.js").is_file() and list((folder / "fragment").iterdir())
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        pages += sum(language["page_count"] for language in entry["languages"].values())
    assert pages == len(SEEDS), "statement pages only: no index page, no Explore page"
    page = (explore_site / "years" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in page


def test_the_parts_cover_consecutive_dates_newest_first(explore_site: Path) -> None:
    listing = json.loads((explore_site / "pagefind" / "archive-parts.json").read_text(encoding="utf-8"))
    parts = listing["parts"]
    size = PART_SIZES["in parts"] if len(parts) > 1 else len(SEEDS)
    assert [p["statements"] for p in parts] == [size] * (len(SEEDS) // size)
    dates = sorted((r["date"] for r in _records(explore_site)), reverse=True)
    # each part from its newest to its oldest statement; the next part starts where it ends
    assert [(p["newest"], p["oldest"]) for p in parts] == [
        (dates[i], dates[i + size - 1]) for i in range(0, len(dates), size)
    ]
    assert [p["path"] for p in parts] == ["pagefind/"] + [f"pagefind-{n}/" for n in range(2, len(parts) + 1)]


def test_the_listed_filter_counts_are_pagefinds_own(tab: Tab, explore_site: Path, explore_url: str) -> None:
    """The page fills its filter lists from the list of parts: the counts Pagefind gives, summed."""
    listing = json.loads((explore_site / "pagefind" / "archive-parts.json").read_text(encoding="utf-8"))
    page = tab.page
    page.goto(explore_url)  # the home page: no script of the Explore page loads Pagefind beside this one
    counted = page.evaluate(
        """async (paths) => {
          const root = new URL(".", location.href);
          const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
          const total = {};
          for (const path of paths) {
            const part = pagefind.createInstance({ basePath: new URL(path, root).pathname, noWorker: true });
            await part.options({ baseUrl: root.pathname });
            await part.init();
            for (const [facet, values] of Object.entries(await part.filters())) {
              total[facet] = total[facet] || {};
              for (const [value, n] of Object.entries(values)) {
                total[facet][value] = (total[facet][value] || 0) + n;
              }
            }
          }
          return total;
        }""",
        [p["path"] for p in listing["parts"]],
    )
    assert counted == listing["filters"]
    assert set(counted) == {"official", "country", "year", "theme"}
    assert counted["official"][OFFICIAL] == 3 and counted["country"]["Republic of Korea"] == 1
    assert tab.problems() == []


def test_a_first_search_downloads_no_filter_index(tab: Tab, explore_url: str) -> None:
    """The filter lists come with the list of parts: a filter's index is fetched when a search uses
    it; the parts share Pagefind's script and WebAssembly."""
    page = tab.page
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    _open_explore(page, explore_url)
    page.locator("#aa-explore-q").fill(QUERY)
    expect(page.locator(".aa-explore__status")).to_have_text(re.compile("matching"))
    assert any("/index/" in url for url in fetched), "the fixture: the query's index was fetched"
    assert not [url for url in fetched if "/filter/" in url]
    # however many parts: Pagefind's script and WebAssembly once, and no web worker
    assert len([url for url in fetched if "/wasm." in url]) == 1
    assert len([url for url in fetched if url.endswith("/pagefind.js")]) == 1
    assert not [url for url in fetched if "pagefind-worker" in url]
    page.locator("select[name='official']").select_option(OFFICIAL)
    expect(page.locator(".aa-explore__status")).to_have_text(f"2 statements matching “{QUERY}”.")
    assert [url for url in fetched if "/filter/" in url]
    assert tab.problems() == []


def test_a_query_with_a_filter_returns_the_right_statements(
    tab: Tab, explore_site: Path, explore_url: str
) -> None:
    records = _records(explore_site)
    prefix = urlsplit(explore_url).path
    by_query = {r["url"] for r in records if QUERY in (r["title"] + " " + r["text"]).lower()}
    wanted = sorted(
        (r for r in records if r["url"] in by_query and OFFICIAL in [p["name"] for p in r["speakers"]]),
        key=lambda r: r["date"],
        reverse=True,
    )
    assert len(wanted) == 2 and len(by_query) > len(wanted), "the fixture: the filter must narrow the query"

    page = tab.page
    _open_explore(page, explore_url)
    expect(page.locator("select[name='official'] option", has_text=OFFICIAL)).to_have_count(1)
    page.locator("#aa-explore-q").fill(QUERY)
    expect(page.locator(".aa-explore__status")).to_have_text(
        f"{len(by_query)} statements matching “{QUERY}”."
    )
    assert sorted(_result_paths(page)) == sorted(prefix + u for u in by_query)

    page.locator("select[name='official']").select_option(OFFICIAL)
    expect(page.locator(".aa-explore__status")).to_have_text(f"2 statements matching “{QUERY}”.")
    # newest first
    assert _result_paths(page) == [prefix + r["url"] for r in wanted]
    assert "official=Antony+Blinken" in page.url and "words=maritime" in page.url
    screenshot(page, "explore-light")

    # a second filter narrows further; the order can be reversed
    page.locator("select[name='year']").select_option("2022")
    expect(page.locator(".aa-explore__status")).to_have_text(f"1 statement matching “{QUERY}”.")
    assert _result_paths(page) == [prefix + wanted[1]["url"]]
    page.locator("select[name='year']").select_option("")
    page.locator("select[name='sort']").select_option("oldest")
    expect(page.locator(".aa-explore__result")).to_have_count(2)
    expect(page.locator(".aa-explore__result h3 a").first).to_have_text(wanted[1]["title"])
    # best match first: the same statements, merged from the parts by score
    page.locator("select[name='sort']").select_option("relevance")
    expect(page.locator(".aa-explore__result")).to_have_count(2)
    assert sorted(_result_paths(page)) == sorted(prefix + r["url"] for r in wanted)

    # a result opens its statement page
    page.locator(".aa-explore__result h3 a").first.click()
    page.wait_for_url(re.compile(re.escape(wanted[1]["url"]) + "$"))
    assert tab.problems() == []


def test_the_cite_block_is_not_searched(tab: Tab, explore_site: Path, explore_url: str) -> None:
    """Every statement's Cite block names the same reference managers: a search for one finds none."""
    page = explore_site / "statements" / _records(explore_site)[0]["url"].split("/")[1] / "index.html"
    assert "Zotero" in page.read_text(encoding="utf-8"), "the fixture: the Cite block names Zotero"
    _open_explore(tab.page, explore_url)
    tab.page.locator("#aa-explore-q").fill("Zotero")
    expect(tab.page.locator(".aa-explore__status")).to_have_text("No statement matching “Zotero”.")
    tab.page.locator("#aa-explore-q").fill("maritime")
    expect(tab.page.locator(".aa-explore__result").first).to_be_visible()
    assert tab.problems() == []


def test_filters_alone_list_statements_and_a_shared_address_restores_them(tab: Tab, explore_url: str) -> None:
    page = tab.page
    page.goto(explore_url + "explore/?country=Republic+of+Korea")
    expect(page.locator("#aa-explore[data-ready='true']")).to_have_count(1)
    expect(page.locator("select[name='country']")).to_have_value("Republic of Korea")
    expect(page.locator(".aa-explore__status")).to_have_text("1 statement.")
    expect(page.locator(".aa-explore__result h3 a")).to_have_text("Yoon Condemns Missile Launch")
    # words and a filter from a shared address; Material's own search dialog stays closed
    page.goto(explore_url + "explore/?words=maritime&official=Antony+Blinken&sort=oldest")
    expect(page.locator("#aa-explore[data-ready='true']")).to_have_count(1)
    expect(page.locator("#aa-explore-q")).to_have_value("maritime")
    expect(page.locator(".aa-explore__status")).to_have_text("2 statements matching “maritime”.")
    expect(page.locator(".aa-explore__result h3 a").first).to_have_text(
        "Blinken Urges Closer Maritime Cooperation"
    )
    assert not page.locator("#__search").is_checked(), "the header search opened over the page"
    assert tab.problems() == []


def test_seed_markup_in_a_result_stays_text(tab: Tab, explore_url: str) -> None:
    page = tab.page
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _open_explore(page, explore_url)
    page.locator("#aa-explore-q").fill("outlook")
    result = page.locator(".aa-explore__result")
    expect(result).to_have_count(1)
    expect(result.locator(".aa-explore__excerpt")).to_contain_text("<b>maritime</b>")
    assert result.locator("img, b").count() == 0 and dialogs == []
    assert tab.problems() == []


def test_the_explore_page_in_the_dark_palette(
    chromium: Browser, explore_site: Path, explore_url: str
) -> None:
    matching = [r for r in _records(explore_site) if QUERY in (r["title"] + " " + r["text"]).lower()]
    tab = open_tab(chromium, color_scheme="dark")
    try:
        page = tab.page
        _open_explore(page, explore_url)
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        page.locator("#aa-explore-q").fill(QUERY)
        expect(page.locator(".aa-explore__status")).to_have_text(
            f"{len(matching)} statements matching “{QUERY}”."
        )
        field = page.locator("#aa-explore-q")
        colours = field.evaluate(
            "e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor,"
            " getComputedStyle(document.body).backgroundColor]"
        )
        # the form takes the slate scheme's colours: light text on the page's dark background
        text, background, body = (_rgb(c) for c in colours)
        assert sum(text) > 500 and background == body and sum(body) < 200, colours
        screenshot(page, "explore-dark")
        assert tab.problems() == []
    finally:
        tab.page.context.close()


def _rgb(css: str) -> tuple[int, ...]:
    return tuple(int(float(x)) for x in re.findall(r"[\d.]+", css)[:3])
