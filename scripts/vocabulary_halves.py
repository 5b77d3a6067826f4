"""The corpus figures with each vocabulary cut in half at random: a check that no handful of entries
carries the weight and the rest is dead.

For each vocabulary file (data/themes.yml, data/chrome.yml) and each seed, a copy of the project keeps a
random half of every list (each theme's patterns; each chrome category's lines, phrases, patterns and
prefixes), and ../shared/tools/score-corpus scores the copy. The figures that vocabulary feeds are
printed beside the full vocabulary's.

    python scripts/vocabulary_halves.py                 # seeds 1, 2 and 3
    python scripts/vocabulary_halves.py --seeds 7 8 --gold ../shared/corpus
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = Path("hooks") / "alliance_archive" / "data"
FIGURES = {
    "themes.yml": ["themes_f1"],
    "chrome.yml": ["boilerplate_recall", "boilerplate_precision", "content_recall"],
}
SKIP = {
    ".git",
    ".venv",
    "site",
    "build",
    "mutants",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
    ".hypothesis",
}


def halve(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """Every list of strings in the vocabulary cut to a random half (at least one entry kept)."""
    out: dict[str, Any] = {}
    for key, spec in data.items():
        spec = dict(spec)
        for field in ("patterns", "lines", "phrases", "prefixes"):
            entries = spec.get(field)
            if isinstance(entries, list) and len(entries) > 1:
                keep = sorted(rng.sample(range(len(entries)), max(1, len(entries) // 2)))
                spec[field] = [entries[i] for i in keep]
        out[key] = spec
    return out


def score(project: Path, shared: Path, gold: Path | None) -> dict[str, float]:
    command = [str(shared / "tools" / "score-corpus")]
    if gold is not None:
        command += ["--gold", str(gold)]
    result = subprocess.run(
        command,
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "MKDOCS": str(ROOT / ".venv" / "bin" / "mkdocs")},
    )
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0 or not lines:
        raise SystemExit(f"score-corpus failed:\n{result.stdout}\n{result.stderr}")
    return {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", lines[-1])}


def copy_project(where: Path) -> Path:
    project = where / "p"
    shutil.copytree(ROOT, project, ignore=lambda _d, names: [n for n in names if n in SKIP])
    return project


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--gold", type=Path, help="gold folder (default: score-corpus's development corpus)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        full = score(project, args.shared, args.gold)
        for name, figures in FIGURES.items():
            path = project / DATA / name
            original = path.read_text(encoding="utf-8")
            data = yaml.safe_load(original)
            print(f"== {name}: {', '.join(figures)}")
            print(f"  {'full':10} " + "  ".join(f"{f}={full[f]:.3f}" for f in figures))
            for seed in args.seeds:
                half = halve(data, random.Random(seed))
                path.write_text(yaml.safe_dump(half, allow_unicode=True, sort_keys=False), encoding="utf-8")
                got = score(project, args.shared, args.gold)
                print(f"  {'half #' + str(seed):10} " + "  ".join(f"{f}={got[f]:.3f}" for f in figures))
            path.write_text(original, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
