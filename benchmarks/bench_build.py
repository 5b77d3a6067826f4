"""Build speed, memory, size and search download of the archive at 100, 1,000 and 10,000 statements.

For each size N it writes N realistic seeds (``seedgen``: varied headlines, page chrome, date forms,
officials from the registry in their roles, themes) into a throwaway copy of the project and:

- builds the archive cold (no cache), then warm (caches filled, nothing changed), each with
  ``mkdocs build`` in a fresh process (Pagefind's index included, as the build hook runs it);
- runs ``mkdocs serve``, edits one seed and times the rebuild and the pipeline's part of it;
- builds the baseline: a plain MkDocs + Material site (no hooks; Material's search plugin as it
  comes) of the same N pages with the same text, indexed with Pagefind the same way, twice;
- serves both sites on 127.0.0.1 and counts, in Chromium, the bytes a reader's first search
  downloads: on the archive's Explore page (Pagefind, a query, its first ten results), and in
  Material's header search (its whole index) on both;
- up to 1,000 statements, times the cold build and the baseline's build in turn, five pairs
  (``BENCH_PAIRS``), and gives the median of their ratios: one run of each can meet different
  loads on a shared machine; the cold build is also set against the baseline's first build (each
  project's first build after its files were written, the one right after the other).

It prints one row per figure and size. Targets (checked here, never in the test suite): at 1,000
statements the warm build within 1.15x of the baseline and the cold build within 2x; the time per
statement at 10,000 within 1.2x of that at 1,000; peak memory at 10,000 under 1.5 GB; a first
search under 500 KB at 10,000. ``BENCH_SIZES=100,1000 make bench`` picks other sizes.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "hooks"))

import yaml  # noqa: E402

from alliance_archive import explore  # noqa: E402
from alliance_archive.textutil import md_escape  # noqa: E402
from benchmarks.seedgen import make_seeds  # noqa: E402
from tests.conftest import make_project  # noqa: E402  (the test suite's project copy)

SIZES = [int(x) for x in os.environ.get("BENCH_SIZES", "100,1000,10000").split(",")]
QUERY = os.environ.get("BENCH_QUERY", "maritime")
RESULTS = ROOT / "test-artifacts" / "bench-results.json"  # git-ignored; `--report FILE` prints it again
SERVE_MAX = int(os.environ.get("BENCH_SERVE_MAX", "1000"))  # the serve figure costs two more builds
# cold builds timed in turn with the baseline's, up to this size (each pair costs two more builds)
PAIRS = int(os.environ.get("BENCH_PAIRS", "5"))
PAIRED_MAX = int(os.environ.get("BENCH_PAIRED_MAX", "1000"))
# the builds may keep the hooks' compiled bytecode, as Python does on any machine that allows it: the
# baseline's libraries come with theirs (pip compiles them), and without it every archive build would
# compile the hooks' modules again (0.07 s), a cost no build on an editor's machine pays twice
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
}
RECORDS_LINE = re.compile(r"Alliance Archive: (\d+) statements .*records in ([\d.]+) s, pages in ([\d.]+) s")
EXPLORE_LINE = re.compile(r"Explore index built in ([\d.]+) s")
SEARCH_FILE = re.compile(r"/pagefind(?:-\d+)?/")  # the index, or any of its parts
BUILT_LINE = re.compile(r"Documentation built in ([\d.]+) seconds")
SERVING_LINE = re.compile(r"Serving on http")
WATCH_POLL = 0.5  # seconds: how often ``mkdocs serve`` looks at the files (its default)


@dataclass
class Run:
    seconds: float
    peak_mb: float
    records: float = 0.0  # the pipeline: seeds to records (cache look-ups included)
    pages: float = 0.0  # records to generated Markdown pages
    pagefind: float = 0.0


@dataclass
class Row:
    n: int
    cold: Run
    warm: Run
    base_cold: Run
    base_warm: Run
    serve_rebuild: float
    serve_pipeline: float
    serve_pages: float
    site_bytes: int
    base_bytes: int
    median_page: int
    base_median_page: int
    largest_index_page: int
    explore_first_search: int
    material_index: int
    base_material_index: int
    base_pagefind_first_search: int
    notes: list[str] = field(default_factory=list)
    # [archive cold build, baseline build + Pagefind] in seconds, per pair timed in turn
    paired: list[list[float]] = field(default_factory=list)

    def paired_ratios(self) -> list[float]:
        return sorted(a / b for a, b in self.paired)


def run(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall seconds, peak memory (MB, the largest process of the command) and the log of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read() if process.stdout else b""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    text = output.decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{text[-3000:]}")
    return seconds, usage.ru_maxrss / 1024, text


def build_archive(project: Path) -> Run:
    seconds, peak, log = run([sys.executable, "-m", "mkdocs", "build"], project)
    found = RECORDS_LINE.search(log)
    indexed = EXPLORE_LINE.search(log)
    if not found or not indexed:
        raise SystemExit(f"the archive's build log lacks its timing lines:\n{log[-2000:]}")
    return Run(seconds, peak, float(found.group(2)), float(found.group(3)), float(indexed.group(1)))


def make_baseline(where: Path, seeds: dict[str, str]) -> Path:
    """A plain MkDocs + Material project: one page per seed with the seed's text, no hooks."""
    project = where / "baseline"
    (project / "docs" / "statements").mkdir(parents=True)
    for name, text in seeds.items():
        paragraphs = [md_escape(p.strip()) for p in text.split("\n\n") if p.strip()]
        title = next((p for p in paragraphs if len(p.split()) >= 3), name)
        body = f"# {title}\n\n" + "\n\n".join(paragraphs) + "\n"
        (project / "docs" / "statements" / f"{Path(name).stem}.md").write_text(body, encoding="utf-8")
    (project / "docs" / "index.md").write_text("# Baseline\n\nThe same statements, no hooks.\n")
    # the archive's own settings (theme, palette, features, Markdown extensions, validation), no hooks
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for key in ("hooks", "extra_css", "watch", "edit_uri"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    config.update(
        site_name="Baseline",
        site_url="https://example.org/baseline/",
        plugins=["search"],
        nav=[{"Home": "index.md"}],
        not_in_nav="/statements/\n",
    )
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return project


def build_baseline(project: Path) -> Run:
    seconds, peak, _ = run([sys.executable, "-m", "mkdocs", "build", "-q"], project)
    index = [
        str(explore.executable()),
        "--site",
        "site",
        "--glob",
        "statements/**/*.html",
        "--root-selector",
        "article",
        "--force-language",
        "en",
        "--silent",
    ]
    indexed, peak_index, _ = run(index, project)
    return Run(seconds + indexed, max(peak, peak_index), pagefind=indexed)


def paired_cold(project: Path, baseline: Path, pairs: int) -> list[list[float]]:
    """The archive's cold build and the baseline's build timed in turn, ``pairs`` times, which goes
    first alternating: on a shared machine the load moves from one minute to the next, and the two
    builds of a pair see much the same load, where one run of each may not."""

    # the previous build's site and cache are moved aside, and deleted once the pairs are done: on a
    # disk that trims what is freed, thousands of files deleted just before a build slow that build
    # down (the plain site's most), which made this series' ratios lower than other series gave
    trash = project.parent / "set-aside"
    trash.mkdir(exist_ok=True)
    moved = itertools.count()

    def set_aside(*folders: Path) -> None:
        for folder in folders:
            if folder.exists():
                folder.rename(trash / f"{next(moved)}-{folder.name}")

    def archive() -> float:
        set_aside(project / ".cache", project / "site")
        return build_archive(project).seconds

    def plain() -> float:
        set_aside(baseline / "site")
        return build_baseline(baseline).seconds

    out = []
    try:
        for i in range(pairs):
            if i % 2 == 0:
                first = archive()
                out.append([first, plain()])
            else:
                first = plain()
                out.append([archive(), first])
    finally:
        shutil.rmtree(trash, ignore_errors=True)
    return out


def serve_rebuild(project: Path) -> tuple[float, float, float]:
    """``mkdocs serve`` on a built project: edit one seed, return (rebuild s, records s, pages s)."""
    port = 8600 + os.getpid() % 300
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout or []), daemon=True)
    reader.start()

    def wait_for(pattern: re.Pattern[str], count: int, seconds: float) -> list[re.Match[str]]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            found = [m for line in list(lines) if (m := pattern.search(line))]
            if len(found) >= count:
                return found
            time.sleep(0.2)
        raise SystemExit("mkdocs serve did not finish a build in time:\n" + "".join(lines[-30:]))

    try:
        wait_for(BUILT_LINE, 1, 1800)
        # the server watches the files from when it says it serves: its watcher polls, and its first
        # look at the files must come before the edit, or the edit is what it starts from
        wait_for(SERVING_LINE, 1, 60)
        time.sleep(2 * WATCH_POLL)
        seed = sorted((project / "seeds").glob("*.txt"))[len(list((project / "seeds").glob("*.txt"))) // 2]
        text = seed.read_text(encoding="utf-8")
        seed.write_text(text.replace("\n\n", "\n\nThe ministers also met students in the afternoon.\n\n", 1))
        built = wait_for(BUILT_LINE, 2, 1800)
        records = wait_for(RECORDS_LINE, 2, 60)[-1]
        return float(built[-1].group(1)), float(records.group(2)), float(records.group(3))
    finally:
        process.terminate()
        process.wait(timeout=60)


def page_sizes(site: Path) -> list[int]:
    return sorted(p.stat().st_size for p in (site / "statements").glob("*/index.html"))


def tree_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def largest_index_page(site: Path) -> int:
    folders = ("years", "themes", "officials", "quotes")
    pages = [p for folder in folders for p in (site / folder).rglob("index.html")]
    pages.append(site / "index.html")
    return max(p.stat().st_size for p in pages)


def first_search(site: Path, baseline: Path) -> tuple[int, int, int]:
    """Bytes downloaded by a first search: (archive Explore, archive header search, baseline Pagefind)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, launch_chromium, open_tab, serve

    if not CHROMIUM.exists():
        return (-1, -1, -1)
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            with serve(site) as base:
                explore_bytes = _downloaded(
                    open_tab(browser), base + f"explore/?words={QUERY}", _explore_done
                )
            with serve(baseline, prefix="/baseline/") as base:
                base_bytes = _downloaded(open_tab(browser), base, _pagefind_search)
        finally:
            browser.close()
    material = (site / "search" / "search_index.json").stat().st_size
    return explore_bytes, material, base_bytes


def _explore_done(page: object) -> None:
    page.locator(".aa-explore__result").first.wait_for(state="visible", timeout=120_000)  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]


def _pagefind_search(page: object) -> None:
    script = (
        "async () => { const pf = await import(new URL('pagefind/pagefind.js', location.href).href);"
        " await pf.options({baseUrl: new URL('.', location.href).pathname}); await pf.init();"
        f" const s = await pf.search({QUERY!r});"
        " await Promise.all(s.results.slice(0, 10).map(r => r.data())); return s.results.length; }"
    )
    page.evaluate(script)  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]


def _downloaded(tab: object, url: str, action: object) -> int:
    """Bytes of search files fetched while opening ``url`` and running ``action`` (page chrome excluded)."""
    page = tab.page  # type: ignore[attr-defined]
    sizes: dict[str, int] = {}

    def count(response: object) -> None:
        address = response.url  # type: ignore[attr-defined]
        if SEARCH_FILE.search(address) or address.endswith("explore.js"):
            try:
                sizes[address] = len(response.body())  # type: ignore[attr-defined]
            except Exception:
                sizes[address] = 0

    page.on("response", count)
    page.goto(url)
    action(page)  # type: ignore[operator]
    page.context.close()
    return sum(sizes.values())


def measure(n: int, where: Path) -> Row:
    seeds = make_seeds(n)
    project = make_project(where, seeds)
    baseline = make_baseline(where, seeds)
    # each project's first build, one right after the other (they meet much the same load)
    cold = build_archive(project)
    base_cold = build_baseline(baseline)
    warm = build_archive(project)
    sizes = page_sizes(project / "site")
    site_bytes = tree_size(project / "site")
    largest = largest_index_page(project / "site")
    rebuild, serve_records, serve_pages = serve_rebuild(project) if n <= SERVE_MAX else (0.0, 0.0, 0.0)
    base_warm = build_baseline(baseline)
    explore_bytes, material, base_search = first_search(project / "site", baseline / "site")
    base_sizes = page_sizes(baseline / "site")
    base_bytes = tree_size(baseline / "site")
    material_base = (baseline / "site" / "search" / "search_index.json").stat().st_size
    paired = paired_cold(project, baseline, PAIRS) if n <= PAIRED_MAX else []
    return Row(
        n=n,
        cold=cold,
        warm=warm,
        base_cold=base_cold,
        base_warm=base_warm,
        serve_rebuild=rebuild,
        serve_pipeline=serve_records,
        serve_pages=serve_pages,
        site_bytes=site_bytes,
        base_bytes=base_bytes,
        median_page=int(statistics.median(sizes)),
        base_median_page=int(statistics.median(base_sizes)),
        largest_index_page=largest,
        explore_first_search=explore_bytes,
        material_index=material,
        base_material_index=material_base,
        base_pagefind_first_search=base_search,
        paired=paired,
    )


def report(rows: list[Row]) -> list[str]:
    ns = [r.n for r in rows]
    out = ["| figure | " + " | ".join(f"N = {n:,}" for n in ns) + " |", "|---|" + "---|" * len(ns)]

    def line(label: str, values: list[str]) -> None:
        out.append(f"| {label} | " + " | ".join(values) + " |")

    def kb(b: int) -> str:
        return f"{b / 1024:,.0f} KB" if b >= 0 else "n/a"

    base = [min(r.base_cold.seconds, r.base_warm.seconds) for r in rows]
    line("archive cold build (s)", [f"{r.cold.seconds:.1f}" for r in rows])
    line("archive warm build (s)", [f"{r.warm.seconds:.1f}" for r in rows])
    line("baseline build + Pagefind (s, best of 2)", [f"{b:.1f}" for b in base])
    line("cold / baseline, timed in turn: median (range)", [_paired(r) for r in rows])
    line(
        "cold / baseline, each project's first build",
        [f"{r.cold.seconds / r.base_cold.seconds:.2f}x" for r in rows],
    )
    line("warm / baseline", [f"{r.warm.seconds / b:.2f}x" for r, b in zip(rows, base, strict=True)])
    line("cold ms per statement", [f"{1000 * r.cold.seconds / r.n:.1f}" for r in rows])
    line("warm ms per statement", [f"{1000 * r.warm.seconds / r.n:.1f}" for r in rows])
    line(
        "pipeline share, cold (records / pages)",
        [f"{r.cold.records / r.cold.seconds:.0%} / {r.cold.pages / r.cold.seconds:.0%}" for r in rows],
    )
    line(
        "pipeline share, warm (records / pages)",
        [f"{r.warm.records / r.warm.seconds:.0%} / {r.warm.pages / r.warm.seconds:.0%}" for r in rows],
    )
    line(
        "Pagefind indexing, archive / baseline (s)",
        [f"{r.warm.pagefind:.1f} / {r.base_warm.pagefind:.1f}" for r in rows],
    )
    line(
        "serve: rebuild after one edit (s)",
        [f"{r.serve_rebuild:.1f}" if r.serve_rebuild else "not run" for r in rows],
    )
    line(
        "serve: records share of the rebuild (pages)",
        [
            f"{r.serve_pipeline / r.serve_rebuild:.1%} ({r.serve_pages / r.serve_rebuild:.1%})"
            if r.serve_rebuild
            else "not run"
            for r in rows
        ],
    )
    line("peak memory, cold / warm (MB)", [f"{r.cold.peak_mb:,.0f} / {r.warm.peak_mb:,.0f}" for r in rows])
    line("peak memory, baseline (MB)", [f"{r.base_warm.peak_mb:,.0f}" for r in rows])
    line(
        "site size, archive / baseline (MB)",
        [f"{r.site_bytes / 1e6:,.1f} / {r.base_bytes / 1e6:,.1f}" for r in rows],
    )
    line(
        "median statement page, archive / baseline",
        [f"{kb(r.median_page)} / {kb(r.base_median_page)}" for r in rows],
    )
    line("largest index page (HTML)", [kb(r.largest_index_page) for r in rows])
    line("first search, Explore (Pagefind)", [kb(r.explore_first_search) for r in rows])
    line("first search, baseline Pagefind", [kb(r.base_pagefind_first_search) for r in rows])
    line("Material header search index, archive", [kb(r.material_index) for r in rows])
    line("Material header search index, baseline", [kb(r.base_material_index) for r in rows])
    return out


def _paired(row: Row) -> str:
    ratios = row.paired_ratios()
    if not ratios:
        return "not run"
    return f"{statistics.median(ratios):.2f}x ({ratios[0]:.2f}-{ratios[-1]:.2f}x, {len(ratios)} pairs)"


def verdicts(rows: list[Row]) -> list[str]:
    by_n = {r.n: r for r in rows}
    out = []
    if 1000 in by_n:
        r = by_n[1000]
        base = min(r.base_cold.seconds, r.base_warm.seconds)
        out.append(f"N=1,000 warm within 1.15x of baseline: {r.warm.seconds / base:.2f}x")
        one_run = f"{r.cold.seconds / r.base_cold.seconds:.2f}x for each project's first build"
        cold = f"{_paired(r)} timed in turn; {one_run}" if r.paired else one_run
        out.append(f"N=1,000 cold within 2x of baseline: {cold}")
        if r.serve_rebuild:
            out.append(f"N=1,000 serve rebuild, records under 5%: {r.serve_pipeline / r.serve_rebuild:.1%}")
    if 1000 in by_n and 10000 in by_n:
        a, b = by_n[1000], by_n[10000]
        cold = (b.cold.seconds / b.n) / (a.cold.seconds / a.n)
        warm = (b.warm.seconds / b.n) / (a.warm.seconds / a.n)
        out.append(f"time per statement 10,000 vs 1,000 within 1.2x: cold {cold:.2f}x, warm {warm:.2f}x")
        out.append(f"median statement page 10,000 vs 1,000: {b.median_page / a.median_page:.2f}x")
    if 10000 in by_n:
        r = by_n[10000]
        out.append(f"N=10,000 peak memory under 1.5 GB: {max(r.cold.peak_mb, r.warm.peak_mb):,.0f} MB")
        out.append(f"N=10,000 first search under 500 KB: {r.explore_first_search / 1024:,.0f} KB")
    return out


def load_rows(path: Path) -> list[Row]:
    rows = []
    for item in json.loads(path.read_text(encoding="utf-8")):
        for key in ("cold", "warm", "base_cold", "base_warm"):
            item[key] = Run(**item[key])
        rows.append(Row(**item))
    return rows


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--report":  # print the table of a saved run again
        rows = load_rows(Path(sys.argv[2]))
    else:
        rows = []
        for n in SIZES:
            with tempfile.TemporaryDirectory(prefix=f"alliance-bench-{n}-") as tmp:
                started = time.perf_counter()
                rows.append(measure(n, Path(tmp)))
                print(
                    f"N = {n:,} measured in {time.perf_counter() - started:.0f} s",
                    file=sys.stderr,
                    flush=True,
                )
                shutil.rmtree(tmp, ignore_errors=True)
            # each size's figures are kept as soon as they are measured
            RESULTS.parent.mkdir(parents=True, exist_ok=True)
            RESULTS.write_text(json.dumps([asdict(r) for r in rows], indent=1), encoding="utf-8")
    print("\n".join(report(rows)))
    print()
    print("\n".join(verdicts(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
