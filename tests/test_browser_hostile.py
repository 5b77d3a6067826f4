"""A hostile seed in a real browser: the page shows the article's characters and nothing runs."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from tests.browser import (  # noqa: F401 (fixtures)
    Tab,
    chromium_fixture,
    serve,
    tab_fixture,
)
from tests.conftest import FIXTURES, build_project, make_project

pytestmark = pytest.mark.browser

HOSTILE = FIXTURES / "hostile"

# Set on window by any script the page should not have run; counted as injected elements below.
PROBE = """() => ({
  scripts: [...document.querySelectorAll('script')].filter(s => /alert|onerror/.test(s.textContent)).length,
  iframes: document.querySelectorAll('article iframe').length,
  images: document.querySelectorAll('article img').length,
  styles: [...document.querySelectorAll('style')].filter(s => /display:\\s*none/.test(s.textContent)).length,
  handlers: document.querySelectorAll('article [onerror], article [onload], article [onclick]').length,
  jsLinks: [...document.querySelectorAll('a[href]')].filter(a => a.href.startsWith('javascript:')).length,
  tables: [...document.querySelectorAll('article table')]
    .filter(e => !e.closest('.aa-timeline-table')).length,  // the timeline's figures are the archive's own
  bodyHidden: getComputedStyle(document.body).display === 'none',
})"""


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, object]]]:
    seeds = {name: (HOSTILE / name).read_text(encoding="utf-8") for name in ("hostile.txt", "normal.txt")}
    site = build_project(make_project(tmp_path_factory.mktemp("hostile-browser"), seeds))
    records = json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))["statements"]
    record = next(r for r in records if r["source"]["file"].endswith("hostile.txt"))
    with serve(site) as base:
        yield base, record


def test_no_script_runs_and_nothing_is_injected(tab: Tab, hostile_url: tuple[str, dict[str, object]]) -> None:
    base, record = hostile_url
    dialogs: list[str] = []
    tab.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in [f"{base}{record['url']}", base, f"{base}years/undated/", f"{base}officials/"]:
        tab.page.goto(url)
        tab.page.wait_for_load_state("load")
        found = tab.page.evaluate(PROBE)
        assert found == {
            "scripts": 0,
            "iframes": 0,
            "images": 0,
            "styles": 0,
            "handlers": 0,
            "jsLinks": 0,
            "tables": 0,
            "bodyHidden": False,
        }, url
    assert dialogs == [], dialogs
    assert tab.external_requests == [], tab.external_requests
    # the article's characters are on the page as text
    tab.page.goto(f"{base}{record['url']}")
    text = tab.page.inner_text("article")
    assert "<script>alert(2)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
