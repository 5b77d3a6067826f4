"""Browser test helpers: a local server for a built site and Debian's Chromium driven by Playwright.

Test modules import the fixtures (``from tests.browser import chromium_fixture, ...``; each is
registered under its name without ``_fixture``) and mark themselves ``pytest.mark.browser``.
Playwright's own browser downloads are never used: the tests launch ``/usr/bin/chromium``.
Without it they skip, except when the ``CI`` environment variable is set: CI installs Chromium,
so there a missing browser fails the tests instead of silently skipping them.

Pages are served at the path prefix of ``site_url`` (``/alliance-archive/``), as GitHub Pages does,
so that the absolute links of Material's 404 page work too. Every request that does not go to
127.0.0.1 is blocked and recorded, so a test can assert the site works offline and calls nobody.
"""

from __future__ import annotations

import io
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright, Request, Route, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MISSING_CHROMIUM = "Debian's chromium is not installed (apt-get install chromium)"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}


def site_prefix() -> str:
    """The path the site is published under, from ``site_url`` in mkdocs.yml (``/alliance-archive/``)."""
    found = re.search(r"^site_url:\s*(\S+)", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    path = urlsplit(found.group(1).strip("'\"") if found else "/").path or "/"
    return path if path.endswith("/") else path + "/"


def require_chromium() -> None:
    """Skip the calling test when Chromium is missing, or fail it under CI, which installs Chromium."""
    if CHROMIUM.exists():
        return
    if "CI" in os.environ:
        pytest.fail(f"{MISSING_CHROMIUM}; CI must install it", pytrace=False)
    pytest.skip(MISSING_CHROMIUM)


class _SiteHandler(SimpleHTTPRequestHandler):
    """Serves ``directory`` under ``prefix``; anything else, or a missing file, gets the site's 404 page."""

    prefix = "/"

    def __init__(self, *args: object, directory: str, prefix: str, **kwargs: object) -> None:
        self.prefix = prefix
        super().__init__(*args, directory=directory, **kwargs)  # type: ignore[arg-type]

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = urlsplit(self.path).path
        if path == self.prefix.rstrip("/"):
            self.send_response(301)
            self.send_header("Location", self.prefix)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path.startswith(self.prefix):
            local = Path(self.translate_path(self.path))
            if local.is_file() or (local.is_dir() and (local / "index.html").is_file()):
                return super().send_head()
        self._not_found()
        return None

    def translate_path(self, path: str) -> str:
        split = urlsplit(path)
        inner = "/" + split.path[len(self.prefix) :] if split.path.startswith(self.prefix) else split.path
        return super().translate_path(inner)

    def _not_found(self) -> None:
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else b"Not found"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@contextmanager
def serve(site: Path, prefix: str | None = None) -> Iterator[str]:
    """Serve the built ``site`` on 127.0.0.1 (a free port); yields the site's base URL."""
    prefix = prefix or site_prefix()
    handler = partial(_SiteHandler, directory=str(site), prefix=prefix)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def launch_chromium(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless; never one of Playwright's downloaded browsers."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


@dataclass
class Tab:
    """A page plus what happened while it was open: console errors, uncaught errors, blocked requests."""

    page: Page
    console_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    failed_responses: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"console error: {e}" for e in self.console_errors]
            + [f"external request: {u}" for u in self.external_requests]
            + [f"failed local request: {r}" for r in self.failed_responses]
        )


def open_tab(browser: Browser, color_scheme: str = "light") -> Tab:
    """A fresh browser context (own storage, 1280×800) whose only reachable host is 127.0.0.1."""
    context = browser.new_context(
        viewport=VIEWPORT,  # type: ignore[arg-type]
        color_scheme=color_scheme,  # type: ignore[arg-type]
        reduced_motion="reduce",
        service_workers="block",
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    tab = Tab(page)

    def gate(route: Route, request: Request) -> None:
        if urlsplit(request.url).hostname == "127.0.0.1":
            route.continue_()
        else:
            tab.external_requests.append(request.url)
            route.abort("blockedbyclient")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            # Chromium logs every aborted request as an error too; those are recorded as requests.
            if "ERR_BLOCKED_BY_CLIENT" in message.text and tab.external_requests:
                return
            tab.console_errors.append(f"{message.text} ({message.location.get('url', '')})")

    context.route("**/*", gate)
    page.on("console", on_console)
    page.on("pageerror", lambda error: tab.console_errors.append(f"uncaught: {error}"))
    page.on(
        "response",
        lambda response: (
            tab.failed_responses.append(f"{response.status} {response.url}")
            if response.status >= 400
            else None
        ),
    )
    return tab


def screenshot(page: Page, name: str, full_page: bool = False) -> Path:
    """Save a PNG of ``page`` as test-artifacts/screenshots/<name>.png (git-ignored); returns its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    page.screenshot(path=str(path), full_page=full_page, animations="disabled")
    return path


def color_scheme(page: Page) -> str:
    return page.locator("body").get_attribute("data-md-color-scheme") or ""


def switch_to_dark(page: Page) -> None:
    """Click Material's palette toggle (the moon icon) and wait for the slate scheme."""
    page.locator("label[title='Switch to dark mode']:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")


def search(page: Page, query: str) -> None:
    """Type ``query`` into Material's search box and wait until results are listed."""
    page.locator("label.md-header__button[for='__search']:visible, .md-search__input:visible").first.click()
    box = page.locator(".md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible")


# --- fixtures -------------------------------------------------------------------------------------


@pytest.fixture(scope="session", name="site_url")
def site_url_fixture(browser_site: Path) -> Iterator[str]:
    """Base URL of the real seeds' site with the journey statement, served under the site_url path prefix."""
    with serve(browser_site) as url:
        yield url


class _SharedChromium:
    """One Playwright driver and browser for the whole session.

    Each test module that imports the fixtures gets its own copy of the session fixture, but
    Playwright's sync API cannot run twice at once, so the copies share this one, counted.
    """

    def __init__(self) -> None:
        self.users = 0
        self.playwright: Playwright | None = None
        self.browser: Browser | None = None

    def acquire(self) -> Browser:
        if self.browser is None:
            self.playwright = sync_playwright().start()
            self.browser = launch_chromium(self.playwright)
        self.users += 1
        return self.browser

    def release(self) -> None:
        self.users -= 1
        if self.users == 0 and self.browser is not None and self.playwright is not None:
            self.browser.close()
            self.playwright.stop()
            self.browser = self.playwright = None


_SHARED = _SharedChromium()


@pytest.fixture(scope="session", name="chromium")
def chromium_fixture() -> Iterator[Browser]:
    """Debian's Chromium (skips without it, fails under CI)."""
    require_chromium()
    browser = _SHARED.acquire()
    try:
        yield browser
    finally:
        _SHARED.release()


@pytest.fixture(name="tab")
def tab_fixture(chromium: Browser) -> Iterator[Tab]:
    """A fresh light-mode tab; its context is closed after the test."""
    opened = open_tab(chromium)
    try:
        yield opened
    finally:
        opened.page.context.close()
