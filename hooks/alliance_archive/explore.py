"""The Explore page's search index: Pagefind run over the built site.

Only statement pages are indexed: their article carries ``data-pagefind-body`` with the record's
officials, countries, year and themes as filters and its date as the sort key (see
``overrides/main.html``); index pages have no such element, so Pagefind leaves them out. The
collapsed blocks of a statement page (quotes repeated from the text, why the themes were given, the
removed page chrome) are not indexed either. The index goes to ``site/pagefind/``, where the Explore
page's script loads it from; it is split into small files, so a reader downloads only what a
search needs.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

OUTPUT_SUBDIR = "pagefind"
PAGES = "statements/**/*.html"
# the record block (its fields are filters), heading permalinks, and the collapsed Quotes, Why these
# themes and Source notes blocks (quotes repeat the text; the notes hold the removed page chrome)
NOT_INDEXED = ".aa-meta, .headerlink, details"
TIMEOUT = 1800  # seconds; a guard against a hang (10,000 statements take well under a minute)


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str


def executable() -> Path:
    """Pagefind's binary as the ``pagefind[extended]`` package installed it."""
    from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]

    return Path(get_executable())


def index_site(site_dir: Path) -> Outcome:
    """Index the statement pages of the built site in ``site_dir`` into ``site_dir/pagefind``."""
    try:
        binary = executable()
    except (ImportError, FileNotFoundError) as exc:
        return Outcome(False, f"Pagefind is not installed ({exc}); the Explore page has no index")
    command = [
        str(binary),
        "--site",
        str(site_dir),
        "--output-subdir",
        OUTPUT_SUBDIR,
        "--glob",
        PAGES,
        "--exclude-selectors",
        NOT_INDEXED,
        "--force-language",
        "en",
        "--silent",
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Outcome(False, f"Pagefind could not index the site ({exc})")
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        return Outcome(False, f"Pagefind failed ({detail[-1] if detail else f'exit {done.returncode}'})")
    if not (site_dir / OUTPUT_SUBDIR / "pagefind.js").is_file():
        return Outcome(False, "Pagefind wrote no index")
    return Outcome(True, "indexed")
