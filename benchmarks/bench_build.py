"""Build speed and memory at scale: archives of 100, 300 and 1,000 statements.

Each size is built in a fresh process (``mkdocs build`` on a throwaway copy of the project whose
seeds are the archive's own seeds repeated under distinct titles). Prints wall time, time per
statement, peak memory and site size, and the ratios between the largest and smallest archive; a
build that scales linearly keeps the per-statement time ratio near 1. Targets (checked here, not in
the test suite): under 100 ms and under 1 MB of site per statement at 1,000 statements.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import make_project as tests_project  # noqa: E402  (the test suite's project copy)

SIZES = [int(x) for x in os.environ.get("BENCH_SIZES", "100,300,1000").split(",")]
TARGET_MS_PER_STATEMENT = 100.0
TARGET_KB_PER_STATEMENT = 1024.0


def make_project(where: Path, n: int) -> Path:
    """A throwaway copy of the project whose seeds are the archive's own, repeated under distinct titles."""
    samples = sorted((ROOT / "seeds").glob("*.txt"))
    seeds: dict[str, bytes | str] = {}
    for i in range(n):
        lines = samples[i % len(samples)].read_text(encoding="utf-8-sig").split("\n")
        # a distinct headline per copy, so every seed gets its own page
        first = next(k for k, line in enumerate(lines) if line.strip() and len(line.split()) >= 3)
        lines[first] = f"{lines[first]} (copy {i})"
        seeds[f"{i:05d}.txt"] = "\n".join(lines)
    return tests_project(where, seeds)


def build(project: Path) -> tuple[float, float, int]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=project, env=env, check=True)
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    size = sum(f.stat().st_size for f in (project / "site").rglob("*") if f.is_file())
    return seconds, peak_kb / 1024, size


def main() -> int:
    rows = []
    for n in SIZES:
        with tempfile.TemporaryDirectory() as tmp:
            seconds, peak_mb, size = build(make_project(Path(tmp), n))
        rows.append((n, seconds, peak_mb, size))
        print(
            f"{n:>5} statements: {seconds:6.2f} s  {1000 * seconds / n:6.1f} ms/statement  "
            f"peak {peak_mb:6.0f} MB  site {size / 1e6:7.1f} MB ({size / 1024 / n:6.1f} KB/statement)"
        )
    (n0, s0, _, z0), (n1, s1, _, z1) = rows[0], rows[-1]
    time_ratio = (s1 / n1) / (s0 / n0)
    size_ratio = (z1 / n1) / (z0 / n0)
    print(f"per-statement time ratio {n1} vs {n0}: {time_ratio:.2f} (1.00 = linear)")
    print(f"per-statement size ratio {n1} vs {n0}: {size_ratio:.2f} (1.00 = linear)")
    ok = 1000 * s1 / n1 < TARGET_MS_PER_STATEMENT and z1 / 1024 / n1 < TARGET_KB_PER_STATEMENT
    print(
        f"targets (<{TARGET_MS_PER_STATEMENT:.0f} ms and <{TARGET_KB_PER_STATEMENT:.0f} KB per statement): "
        + ("met" if ok else "MISSED")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
