"""The Explore page's search index: Pagefind run over the built site.

Only statement pages are indexed: their article carries ``data-pagefind-body`` with the record's
officials, countries, year and themes as filters and its date as the sort key (see
``overrides/main.html``); index pages have no such element, so Pagefind leaves them out. The
collapsed blocks of a statement page (quotes repeated from the text, why the themes were given, the
removed page chrome) and its Cite block are not indexed either. The index goes to
``site/pagefind/``, where the Explore page's script loads it from; it is split into small files, so
a reader downloads only what a search needs.

A large archive's index is made in parts, each of at most ``part_size`` statement pages, because
Pagefind's indexer holds the whole index of one run in memory (about 310 bytes for each word it
indexes: 1.7 GB for 10,000 statements of a typical length, 0.9 GB for 5,000). The parts cover
consecutive stretches of dates, newest first: the first goes to ``site/pagefind/``, the others to
``site/pagefind-2/``, ``site/pagefind-3/``, and so on, and ``site/pagefind/archive-parts.json``
lists them in that order, with every filter value and its number of statements (so the page fills
its filter lists without downloading the filters' indexes). The Explore page searches every part
and puts their results together: newest first is the first part's results followed by the next
part's, oldest first the reverse, and by relevance a merge by score (as Pagefind merges indexes
itself). Each part is indexed by its own Pagefind run, one after another, so a build needs the
memory of one part only.

With a cache folder, the index of a set of statement pages is kept there, and a build whose
statement pages are byte for byte the same as the kept index's (with the same Pagefind, the same
options and the same parts) copies it instead of indexing again.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

OUTPUT_SUBDIR = "pagefind"
PAGES = "statements/**/*.html"
# the record block (its fields are filters), heading permalinks, the collapsed Quotes, Why these
# themes and Source notes blocks (quotes repeat the text; the notes hold the removed page chrome),
# and the Cite block (every statement's citation names the archive and the same download formats)
NOT_INDEXED = ".aa-meta, .headerlink, details, .aa-cite"
# where a statement page's data-pagefind-body lies (Material's article): Pagefind reads only that far
# into each page, not the site's header, navigation and footer around it, a third of its indexing time
ROOT = "article"
PART_SIZE = 5000  # statement pages in one part of the index (see above)
PARTS_FILE = "archive-parts.json"  # in the first part's folder: every part's folder, newest first
KEEP_INDEXES = 4  # kept indexes, one per site folder (a build's, a preview's, ...), the latest first
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
        "--glob",
        PAGES,
        "--root-selector",
        ROOT,
        "--exclude-selectors",
        NOT_INDEXED,
        "--force-language",
        "en",
        "--silent",
    ]


# the sort key the statement page's template gives Pagefind (overrides/main.html); "0000-00-00" undated
_SORT_DATE = re.compile(rb'data-pagefind-sort="date:([0-9-]{1,10})"')


# a filter the template gives Pagefind: "official:Antony Blinken" (the value HTML-escaped)
_FILTER = re.compile(rb'data-pagefind-filter="([^":]+):([^"]*)"')


@dataclass(frozen=True)
class _Page:
    path: Path  # relative to the site folder
    date: bytes
    filters: frozenset[tuple[str, str]]  # (filter, value)


def _pages(site_dir: Path, digest: hashlib._Hash | None) -> list[_Page]:
    """The statement pages, newest first (undated last); each page's path and bytes go into ``digest``."""
    pages = []
    for page in sorted(site_dir.glob(PAGES)):
        relative = page.relative_to(site_dir)
        content = page.read_bytes()
        if digest is not None:
            digest.update(relative.as_posix().encode() + b"\0" + content + b"\0")
        found = _SORT_DATE.search(content)
        filters = frozenset(
            (html.unescape(name.decode()), html.unescape(value.decode()))
            for name, value in _FILTER.findall(content)
        )
        pages.append(_Page(relative, found.group(1) if found else b"", filters))
    # newest first; pages of one day in the order of their paths (the order read, kept by a stable sort)
    pages.sort(key=lambda p: p.date, reverse=True)
    return pages


def parts(pages: list[_Page], part_size: int) -> list[list[_Page]]:
    """Consecutive runs of at most ``part_size`` pages, in the pages' order (at least one run)."""
    size = max(1, part_size)
    return [pages[i : i + size] for i in range(0, len(pages), size)] or [[]]


def part_folder(number: int) -> str:
    """The folder of part ``number`` (from 0) in the site: ``pagefind``, ``pagefind-2``, ..."""
    return OUTPUT_SUBDIR if number == 0 else f"{OUTPUT_SUBDIR}-{number + 1}"


def _copy_tree(source: Path, target: Path) -> None:
    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)  # the kept index is never written to: a link is as good as a copy
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link_or_copy, dirs_exist_ok=True)


def _run(binary: Path, site: Path, output: Path) -> str | None:
    """Pagefind over the statement pages under ``site`` into ``output``; None, or what went wrong."""
    command = [str(binary), "--site", str(site), "--output-path", str(output), *_options()]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"Pagefind could not index the site ({exc})"
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        return f"Pagefind failed ({detail[-1] if detail else f'exit {done.returncode}'})"
    if not (output / "pagefind.js").is_file():
        return "Pagefind wrote no index"
    return None


def _stage(source: Path, pages: list[_Page], stage: Path) -> None:
    """``stage`` holding these statement pages at their paths in the site (linked where it can be)."""
    for page in pages:
        target = stage / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source / page.path, target)
        except OSError:
            shutil.copy2(source / page.path, target)


def _index(binary: Path, site_dir: Path, runs: list[list[_Page]]) -> str | None:
    """Every part indexed into its folder, and the list of parts written; None, or what went wrong."""
    if len(runs) == 1:
        problem = _run(binary, site_dir, site_dir / OUTPUT_SUBDIR)
    else:
        stage = site_dir / ".pagefind-part"
        problem = None
        for number, run in enumerate(runs):
            shutil.rmtree(stage, ignore_errors=True)
            try:
                _stage(site_dir, run, stage)
                problem = _run(binary, stage, site_dir / part_folder(number))
            except OSError as exc:
                problem = f"the statement pages of part {number + 1} could not be gathered ({exc})"
            finally:
                shutil.rmtree(stage, ignore_errors=True)
            if problem is not None:
                break
    if problem is not None:
        return problem
    counts: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for run in runs:
        for page in run:
            for name, value in page.filters:
                counts[name][value] += 1
    listing = {
        # every filter value with its number of statements, as Pagefind counts them: the Explore page
        # fills its lists from here, and so downloads no filter's index before a search needs it
        "filters": {name: dict(sorted(values.items())) for name, values in sorted(counts.items())},
        "parts": [
            {
                "path": part_folder(number) + "/",
                "statements": len(run),
                "newest": run[0].date.decode() if run else "",
                "oldest": run[-1].date.decode() if run else "",
            }
            for number, run in enumerate(runs)
        ],
    }
    (site_dir / OUTPUT_SUBDIR / PARTS_FILE).write_text(json.dumps(listing, indent=1), encoding="utf-8")
    return None


def indexed(dest_uri: str) -> bool:
    """Whether the site's file at ``dest_uri`` is one the index reads (``PAGES``)."""
    return dest_uri.startswith("statements/") and dest_uri.endswith(".html")


class Early:
    """The index made while MkDocs is still writing the site, from the statement pages written ahead.

    A first build of a large archive has its statement pages built and written into the site ahead
    of MkDocs' loop (``alliance_archive.ahead``), which then writes the rest of the site. :meth:`add`
    notes each statement page written ahead; :meth:`start`, called once the last of them is written,
    runs :func:`index_site` over the site in a thread, beside the workers still building the other
    pages and beside the loop. :meth:`outcome`, once the site is written, waits for it and gives its
    result only where the site's statement pages are exactly those written ahead and the loop wrote
    none of them again (:meth:`rewritten`); otherwise None, and the caller indexes the site as it stands.
    """

    def __init__(self) -> None:
        self.paths: set[str] = set()
        self.stale = False  # the loop wrote a statement page while (or before) the index read them
        self._thread: threading.Thread | None = None
        self._outcome: Outcome | None = None

    def add(self, dest_uri: str) -> None:
        self.paths.add(dest_uri)

    def rewritten(self) -> None:
        """The loop writes a statement page: the index may have read it otherwise."""
        self.stale = True

    def start(self, site_dir: Path, cache_dir: Path | None, part_size: int) -> None:
        def run() -> None:
            try:
                self._outcome = index_site(site_dir, cache_dir, part_size)
            except Exception as exc:  # reported as any index that failed; the caller indexes again
                self._outcome = Outcome(False, f"the index could not be made ({exc})")

        self._thread = threading.Thread(target=run, name="explore-index", daemon=True)
        self._thread.start()

    def outcome(self, site_dir: Path) -> Outcome | None:
        """The early index's outcome where it holds the site's statement pages, else None."""
        self.wait()
        if self._thread is None or self.stale or self._outcome is None or not self._outcome.ok:
            return None
        try:
            found = {p.relative_to(site_dir).as_posix() for p in site_dir.glob(PAGES)}
        except OSError:
            return None
        return self._outcome if found == self.paths else None

    def wait(self) -> None:
        """Wait for the index, if one is being made (the caller may make another in its place)."""
        if self._thread is not None:
            self._thread.join()


def _folders(site_dir: Path) -> list[Path]:
    """The index folders in ``site_dir``: ``pagefind`` and ``pagefind-N`` (N from 2)."""
    found = [site_dir / OUTPUT_SUBDIR]
    found += [p for p in site_dir.glob(f"{OUTPUT_SUBDIR}-*") if p.name[len(OUTPUT_SUBDIR) + 1 :].isdigit()]
    return found


def _forget_old(folder: Path, keep: int = KEEP_INDEXES) -> None:
    """Only the ``keep`` indexes kept or used most recently stay in ``folder`` (one per site folder built to:
    a build into a new folder each time must not fill the disk with indexes no build reads again)."""
    try:
        kept = sorted(
            (p for p in folder.iterdir() if p.is_dir()), key=lambda p: p.stat().st_mtime_ns, reverse=True
        )
    except OSError:
        return
    for old in kept[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def index_site(site_dir: Path, cache_dir: Path | None = None, part_size: int = PART_SIZE) -> Outcome:
    """Index the statement pages of the built site in ``site_dir`` into ``site_dir/pagefind`` (and,
    beyond ``part_size`` pages, further parts: see above).

    With ``cache_dir``, an index kept there from the same pages is copied instead (see above)."""
    try:
        binary = executable()
    except (ImportError, FileNotFoundError) as exc:
        return Outcome(False, f"Pagefind is not installed ({exc}); the Explore page has no index")
    # an index left by an earlier build (``--dirty``) goes first: its files may be links to the kept one
    for folder in _folders(site_dir):
        shutil.rmtree(folder, ignore_errors=True)
    digest = hashlib.sha256()
    stat = binary.stat()
    digest.update(f"{binary}|{stat.st_size}|{stat.st_mtime_ns}|{part_size}\0".encode())
    digest.update("\0".join(_options()).encode() + b"\0")
    runs = parts(_pages(site_dir, digest), part_size)
    key = digest.hexdigest()
    kept = None
    if cache_dir is not None:
        # one kept index per site folder (a build and a preview keep theirs apart)
        kept = cache_dir / "pagefind" / hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:16]
        if (kept / "key").is_file() and (kept / "key").read_text(encoding="utf-8") == key:
            try:
                for number in range(len(runs)):
                    _copy_tree(kept / part_folder(number), site_dir / part_folder(number))
                if (site_dir / OUTPUT_SUBDIR / PARTS_FILE).is_file():
                    os.utime(kept)  # used: among the latest, whose indexes are kept
                    return Outcome(True, "copied from the cache")
            except OSError:
                pass  # a kept index that cannot be copied is made again
            for folder in _folders(site_dir):
                shutil.rmtree(folder, ignore_errors=True)
    problem = _index(binary, site_dir, runs)
    if problem is not None:
        return Outcome(False, problem)
    if kept is not None:
        try:
            shutil.rmtree(kept, ignore_errors=True)
            for number in range(len(runs)):
                (kept / part_folder(number)).mkdir(parents=True)
                _copy_tree(site_dir / part_folder(number), kept / part_folder(number))
            (kept / "key").write_text(key, encoding="utf-8")
        except OSError:  # a cache that cannot be written only costs time
            shutil.rmtree(kept, ignore_errors=True)
        _forget_old(kept.parent)
    message = "indexed" if len(runs) == 1 else f"indexed in {len(runs)} parts"
    return Outcome(True, message)
