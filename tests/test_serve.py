"""The live preview: `mkdocs serve` serves the archive and rebuilds when an editor adds a seed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import SEEDS, make_project

NEW_SEED = (
    "Allies Review Coast Guard Cooperation\n\nMay 2, 2022\n\n"
    "Japanese and U.S. coast guard officials met in Yokohama to review joint training for maritime search "
    "and rescue, and said the exercises had strengthened cooperation among their crews.\n"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> int:
    return _fetch(url)[0]


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return int(response.status), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""
    except OSError:
        return 0, ""


def _wait_for_text(url: str, text: str, seconds: float) -> bool:
    """Poll until the page at ``url`` contains ``text`` (a guard against a hang)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _fetch(url)[1]:
            return True
        time.sleep(0.5)
    return False


def _wait_for(url: str, status: int, seconds: float) -> bool:
    """Poll until ``url`` answers ``status`` (a guard against a hang, not a speed target)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _get(url) == status:
            return True
        time.sleep(0.5)
    return False


@pytest.mark.slow
def test_serve_rebuilds_when_a_seed_is_added_or_edited(tmp_path: Path) -> None:
    project = make_project(tmp_path, SEEDS)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/alliance-archive/"
    try:
        assert _wait_for(base, 200, 120), "the preview did not start"
        new_page = base + "statements/allies-review-coast-guard-cooperation/"
        assert _get(new_page) == 404
        (project / "seeds" / "zz_new.txt").write_text(NEW_SEED, encoding="utf-8")
        assert _wait_for(new_page, 200, 120), "adding a seed did not rebuild the site"
        # an edit reaches the page: the record cache holds the old record, under the old key
        edited = NEW_SEED.replace("search and rescue", "search, rescue and oil-spill response")
        (project / "seeds" / "zz_new.txt").write_text(edited, encoding="utf-8")
        assert _wait_for_text(new_page, "oil-spill response", 120), "editing a seed did not rebuild it"
        assert _wait_for(base + "explore/", 200, 10)
        assert _get(base + "pagefind/pagefind.js") == 200, "serve builds the Explore page's index too"
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    assert "Traceback" not in stderr
    # the rebuilds took the unchanged seeds' records from the cache
    seeds = len(list(SEEDS.glob("*.txt")))
    assert stderr.count(f"({seeds} from the record cache)") >= 2, stderr[-2000:]
