"""Worst-case cost: every hostile seed shape of ``tests/hostile_shapes.py``, timed, then built.

1. Each shape (and an ordinary article for comparison) at 256 KB and 1 MB, processed in this
   process with no time budget: milliseconds per KB at each size, the growth from 256 KB to 1 MB
   (4.0 is linear), the slowest shape and the largest seed.
2. ``mkdocs build`` of a copy of the project with the archive's seeds plus a 1 MB seed of every
   shape, with the settings of ``mkdocs.yml`` (time budget, worker processes on all cores): the
   wall time, and for every hostile seed whether it was built with all its sentences or named in a
   warning. Target: under a minute, and every seed one or the other.

``BENCH_WORST_KB=64,256`` changes the sizes (the last one is used for the build).
"""

from __future__ import annotations

import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "hooks"))

from alliance_archive import pipeline  # noqa: E402
from alliance_archive.read import SeedError  # noqa: E402
from alliance_archive.registry import registry  # noqa: E402
from tests import hostile_shapes as shapes  # noqa: E402
from tests.conftest import SEEDS, make_project  # noqa: E402

SIZES_KB = [int(x) for x in os.environ.get("BENCH_WORST_KB", "256,1024").split(",")]
TARGET_BUILD_S = 60.0


def per_shape(where: Path) -> list[tuple[str, list[float], str]]:
    reg = registry()
    pipeline.warm_up(reg)
    rows = []
    for name, make in [("ordinary", shapes.ordinary), *sorted(shapes.SHAPES.items())]:
        timings, outcome = [], ""
        for kb in SIZES_KB:
            path = where / f"{name}-{kb}.txt"
            path.write_text(make(kb * 1024), encoding="utf-8")
            start = time.perf_counter()
            try:
                pipeline.build_statement(path, reg)
                outcome = "built"
            except SeedError as exc:
                outcome = f"refused ({exc})"
            timings.append(time.perf_counter() - start)
            path.unlink()
        rows.append((name, timings, outcome))
        pairs = zip(timings, SIZES_KB, strict=True)
        cells = "  ".join(f"{1000 * t / kb:7.2f} ms/KB at {kb:5} KB" for t, kb in pairs)
        growth = timings[-1] / timings[0] if len(timings) > 1 and timings[0] else float("nan")
        linear = SIZES_KB[-1] / SIZES_KB[0]
        print(f"{name:22} {cells}  growth x{growth:4.1f} (x{linear:.1f} is linear)  {outcome}")
        sys.stdout.flush()
    return rows


def full_build(where: Path) -> bool:
    kb = SIZES_KB[-1]
    seeds: dict[str, bytes | str] = {p.name: p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))}
    texts = {f"hostile_{name}.txt": make(kb * 1024) for name, make in sorted(shapes.SHAPES.items())}
    seeds.update(texts)
    project = make_project(where, seeds)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build"], cwd=project, env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if done.returncode != 0:
        print(done.stderr[-3000:])
        return False
    records = json.loads((project / "site" / "data" / "statements.json").read_text(encoding="utf-8"))
    by_file = {r["source"]["file"]: r for r in records["statements"]}
    total_kb = sum(len(t.encode("utf-8")) for t in texts.values()) / 1024
    print(
        f"\nmkdocs build of {len(seeds)} seeds ({len(seeds) - len(texts)} of the archive, {len(texts)} "
        f"hostile of {kb} KB, {total_kb / 1024:.1f} MB in all): {seconds:.1f} s "
        f"(target under {TARGET_BUILD_S:.0f} s); processor time {cpu:.1f} s in all, including the "
        f"workers; load average {load:.1f} at the start on {os.cpu_count()} cores"
    )
    ok = seconds < TARGET_BUILD_S
    for name, text in texts.items():
        record = by_file.get(f"seeds/{name}")
        named = rf"WARNING\s+-\s+Seed seeds/{re.escape(name)} was not built \((.*)\)"
        warning = re.search(named, done.stderr)
        if record is not None:
            plain = re.sub(r"\\(.)", r"\1", record["text"]).replace("&amp;", "&")
            markers = shapes.markers_in(text)
            kept = sum(1 for m in markers if m in plain)
            status = f"built, {kept}/{len(markers)} sentences kept, {len(record['text']) // 1024} KB of text"
            ok = ok and kept == len(markers)
        elif warning:
            status = f"named in a warning: {warning.group(1)}"
        else:
            status = "NEITHER BUILT NOR NAMED"
            ok = False
        print(f"  {name:34} {status}")
    for name in (p.name for p in sorted(SEEDS.glob("*.txt"))):
        if f"seeds/{name}" not in by_file:
            print(f"  {name:34} NOT BUILT")
            ok = False
    return ok


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        rows = per_shape(Path(tmp))
        slowest = max(rows, key=lambda r: r[1][-1])
        print(
            f"\nslowest shape: {slowest[0]} ({1000 * slowest[1][-1] / SIZES_KB[-1]:.2f} ms/KB, "
            f"{slowest[1][-1]:.1f} s at {SIZES_KB[-1]} KB); largest seed: {SIZES_KB[-1]} KB"
        )
        ok = full_build(Path(tmp) / "build")
    print("targets: " + ("met" if ok else "MISSED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
