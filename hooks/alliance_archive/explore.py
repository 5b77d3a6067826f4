"""The Explore page's search index: Pagefind run over the built site.

Only statement pages are indexed: their article carries ``data-pagefind-body`` with the record's
officials, countries, year and themes as filters and its date as the sort key (see
``overrides/main.html``); index pages have no such element, so Pagefind leaves them out. The
collapsed blocks of a statement page (quotes repeated from the text, why the themes were given, the
removed page chrome) and its Cite block are not indexed either. The index goes to
``site/pagefind/``, where the Explore page's script loads it from; it is split into small files, so
a reader downloads only what a search needs.

With a cache folder, the index of a set of statement pages is kept there, and a build whose
statement pages are byte for byte the same as the kept index's (with the same Pagefind and the same
options) copies it instead of indexing again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

OUTPUT_SUBDIR = "pagefind"
PAGES = "statements/**/*.html"
# the record block (its fields are filters), heading permalinks, the collapsed Quotes, Why these
# themes and Source notes blocks (quotes repeat the text; the notes hold the removed page chrome),
# and the Cite block (every statement's citation names the archive and the same download formats)
NOT_INDEXED = ".aa-meta, .headerlink, details, .aa-cite"
TIMEOUT = 1800  # seconds; a guard against a hang (10,000 statements take well under a minute)


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str


def executable() -> Path:
    """Pagefind's binary as the ``pagefind[extended]`` package installed it."""
    from pagefind_bin_extended import get_executable  # type: ignore[import-untyped]

    return Path(get_executable())


def _options() -> list[str]:
    return [
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


def _pages_key(binary: Path, site_dir: Path) -> str:
    """A hash of Pagefind's binary, its options and every page it indexes (path and bytes)."""
    digest = hashlib.sha256()
    stat = binary.stat()
    digest.update(f"{binary}|{stat.st_size}|{stat.st_mtime_ns}\0".encode())
    digest.update("\0".join(_options()).encode() + b"\0")
    for page in sorted(site_dir.glob(PAGES)):
        digest.update(page.relative_to(site_dir).as_posix().encode() + b"\0")
        digest.update(page.read_bytes() + b"\0")
    return digest.hexdigest()


def _copy_tree(source: Path, target: Path) -> None:
    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)  # the kept index is never written to: a link is as good as a copy
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link_or_copy, dirs_exist_ok=True)


def index_site(site_dir: Path, cache_dir: Path | None = None) -> Outcome:
    """Index the statement pages of the built site in ``site_dir`` into ``site_dir/pagefind``.

    With ``cache_dir``, an index kept there from the same pages is copied instead (see above)."""
    try:
        binary = executable()
    except (ImportError, FileNotFoundError) as exc:
        return Outcome(False, f"Pagefind is not installed ({exc}); the Explore page has no index")
    # an index left by an earlier build (``--dirty``) goes first: its files may be links to the kept one
    shutil.rmtree(site_dir / OUTPUT_SUBDIR, ignore_errors=True)
    kept = key = None
    if cache_dir is not None:
        # one kept index per site folder (a build and a preview keep theirs apart)
        kept = cache_dir / "pagefind" / hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:16]
        key = _pages_key(binary, site_dir)
        if (kept / "key").is_file() and (kept / "key").read_text(encoding="utf-8") == key:
            try:
                _copy_tree(kept / OUTPUT_SUBDIR, site_dir / OUTPUT_SUBDIR)
                if (site_dir / OUTPUT_SUBDIR / "pagefind.js").is_file():
                    return Outcome(True, "copied from the cache")
            except OSError:
                pass  # a kept index that cannot be copied is made again
    command = [str(binary), "--site", str(site_dir), *_options()]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Outcome(False, f"Pagefind could not index the site ({exc})")
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        return Outcome(False, f"Pagefind failed ({detail[-1] if detail else f'exit {done.returncode}'})")
    if not (site_dir / OUTPUT_SUBDIR / "pagefind.js").is_file():
        return Outcome(False, "Pagefind wrote no index")
    if kept is not None and key is not None:
        try:
            shutil.rmtree(kept, ignore_errors=True)
            (kept / OUTPUT_SUBDIR).mkdir(parents=True)
            _copy_tree(site_dir / OUTPUT_SUBDIR, kept / OUTPUT_SUBDIR)
            (kept / "key").write_text(key, encoding="utf-8")
        except OSError:  # a cache that cannot be written only costs time
            shutil.rmtree(kept, ignore_errors=True)
    return Outcome(True, "indexed")
