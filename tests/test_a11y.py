"""axe-core finds no serious or critical accessibility violation on the archive's kinds of page,
in the light and the dark palette (Debian's Chromium, the real seeds)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Browser

from tests.browser import (  # noqa: F401 (fixtures)
    Tab,
    chromium_fixture,
    color_scheme,
    open_tab,
    search,
    site_url_fixture,
)
from tests.conftest import journey_record

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}
PAGES = [
    "home",
    "statement",
    "official",
    "year",
    "theme",
    "themes",
    "quotes",
    "data",
    "search results",
    "explore",
]
SCHEMES = {"light": "default", "dark": "slate"}


def _address(kind: str, site: Path) -> str:
    """The page of ``kind`` to check, relative to the site's base URL."""
    spoken = journey_record(site)
    officials = [
        p.parent.name
        for p in sorted((site / "officials").glob("*/index.html"))
        if spoken["speakers"][0]["name"] in p.read_text(encoding="utf-8")
    ]
    assert officials, f"no official's page names {spoken['speakers'][0]['name']}"
    official = officials[0]
    addresses = {
        "home": "",
        "search results": "",
        "statement": spoken["url"],
        "official": f"officials/{official}/",
        "year": f"years/{spoken['date'][:4]}/",
        "theme": f"themes/{spoken['themes'][0]}/",
        "themes": "themes/",
        "quotes": "quotes/",
        "data": "data/",
        "explore": "explore/?words=alliance",
    }
    return str(addresses[kind])


def _report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        targets = "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
        more = f" (+{len(v['nodes']) - 5} more)" if len(v["nodes"]) > 5 else ""
        lines.append(f"{v['id']} [{v['impact']}] {v['help']}: {targets}{more}")
    return "\n".join(lines)


@pytest.fixture(name="scheme_tab", params=list(SCHEMES))
def scheme_tab_fixture(request: pytest.FixtureRequest, chromium: Browser) -> Iterator[Tab]:
    """A tab whose system colour scheme is light or dark, so Material picks the matching palette."""
    opened = open_tab(chromium, color_scheme=request.param)
    try:
        yield opened
    finally:
        opened.page.context.close()


@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_accessibility_violation(
    kind: str, scheme_tab: Tab, site_url: str, browser_site: Path, request: pytest.FixtureRequest
) -> None:
    page = scheme_tab.page
    page.goto(site_url + _address(kind, browser_site))
    page.wait_for_load_state("networkidle")
    scheme = request.node.callspec.params["scheme_tab"]
    assert color_scheme(page) == SCHEMES[scheme]
    if kind == "search results":
        search(page, "alliance")
    if kind == "explore":  # with its results listed
        page.locator(".aa-explore__result").first.wait_for(state="visible")
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"{kind} page, {scheme} mode:\n{_report(blocking)}"
