"""Make the README screenshots: docs/assets/screenshots/home.png, statement.png, and explore.png and
explore-dark.png (1280×800).

Builds the archive's own seeds into a temporary folder, serves it on 127.0.0.1 and photographs
the home page and one statement page with Debian's Chromium in the light palette, and the Explore
page with a query and a filter in the light and the dark palette. Run with
``.venv/bin/python -m tests.make_screenshots``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser import CHROMIUM, MISSING_CHROMIUM, ROOT, launch_chromium, open_tab, serve
from tests.conftest import SEEDS, build_project, make_project

OUT = ROOT / "docs" / "assets" / "screenshots"
# the statement the spec uses as its example; any dated statement with a speaker if it is gone
PREFERRED = "the-u-s-japan-alliance-the-cornerstone-for-stability-in-the-asia-pacific"


def _statement_url(site: Path) -> str:
    statements = json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))["statements"]
    for record in statements:
        if record["id"] == PREFERRED:
            return str(record["url"])
    return str(next(s for s in statements if s["date"] and s["speakers"])["url"])


def main() -> int:
    if not CHROMIUM.exists():
        print(MISSING_CHROMIUM, file=sys.stderr)
        return 1
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="alliance-archive-shots-") as tmp:
        site = build_project(make_project(Path(tmp), SEEDS), strict=True)
        with serve(site) as base, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                tab = open_tab(browser, color_scheme="light")
                page = tab.page
                for name, address in (("home", ""), ("statement", _statement_url(site))):
                    page.goto(base + address)
                    page.wait_for_load_state("networkidle")
                    page.evaluate("document.fonts.ready")
                    path = OUT / f"{name}.png"
                    page.screenshot(path=str(path), animations="disabled")
                    print(f"wrote {path.relative_to(ROOT)}")
                for scheme, name in (("light", "explore"), ("dark", "explore-dark")):
                    explore = open_tab(browser, color_scheme=scheme)
                    explore.page.goto(base + "explore/?words=alliance&country=United+States")
                    explore.page.locator(".aa-explore__result").first.wait_for(state="visible")
                    explore.page.wait_for_load_state("networkidle")
                    path = OUT / f"{name}.png"
                    explore.page.screenshot(path=str(path), animations="disabled")
                    print(f"wrote {path.relative_to(ROOT)}")
                    tab.console_errors += explore.console_errors
                if tab.console_errors:
                    print("console errors: " + "; ".join(tab.console_errors), file=sys.stderr)
            finally:
                browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
