"""Make the README screenshots in docs/assets/screenshots (1280×800): home.png, statement.png,
cite.png (a statement page at its Cite block, BibTeX open), timeline.png (the home page's timeline),
official.png (the statement's first speaker's page), and explore.png and explore-dark.png (the
Explore page with a query and a filter, in the light and the dark palette).

Builds the archive's own seeds into a temporary folder, serves it on 127.0.0.1 and photographs
the pages with Debian's Chromium. Run with
``.venv/bin/python -m tests.make_screenshots``.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from tests.browser import CHROMIUM, MISSING_CHROMIUM, ROOT, launch_chromium, open_tab, serve
from tests.conftest import SEEDS, build_project, make_project

OUT = ROOT / "docs" / "assets" / "screenshots"
# the statement the spec uses as its example; any dated statement with a speaker if it is gone
PREFERRED = "us-japan-alliance-cornerstone-for-stability-in-the-asia-pacific"


def _statement(site: Path) -> dict[str, Any]:
    statements = json.loads((site / "data" / "statements.json").read_text(encoding="utf-8"))["statements"]
    for record in statements:
        if record["id"] == PREFERRED:
            return dict(record)
    return dict(next(s for s in statements if s["date"] and s["speakers"]))


def _shots(site: Path) -> list[tuple[str, str, str | None]]:
    """(file name, address, what to scroll to and open) for each screenshot."""
    record = _statement(site)
    official = re.sub(r"[^a-z0-9]+", "-", record["speakers"][0]["name"].lower()).strip("-")
    return [
        ("home", "", None),
        ("statement", record["url"], None),
        ("cite", record["url"], ".aa-cite"),
        ("timeline", "", ".aa-timeline"),
        ("official", f"officials/{official}/", None),
    ]


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
                for name, address, focus in _shots(site):
                    page.goto(base + address)
                    page.wait_for_load_state("networkidle")
                    page.evaluate("document.fonts.ready")
                    if focus:
                        target = page.locator(focus).first
                        for summary in target.locator("details > summary").all()[:1]:
                            summary.click()
                        # the block's top just below the sticky header
                        page.evaluate(
                            "(s) => window.scrollTo(0, document.querySelector(s).getBoundingClientRect().top"
                            " + window.scrollY - 110)",
                            focus,
                        )
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
