"""Worker processes build seeds with the same copy of the archive's package as the build that starts
them, also when the environment has another copy installed (as a project copied for scoring does).

MkDocs puts the hook's folder on ``sys.path`` only while it loads the hook; a copy of the project
whose package differs from the installed one (an edited vocabulary, say) must still be built with
its own package in every worker."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import ROOT

MARKER = "quillfeather"  # a word no theme knows; the copy's themes make it climate and energy

SEED = f"""\
Allies Review Their Plans for the Coming Year
March 3, 2021
The defense ministers of the two countries met in Tokyo to review their plans for the coming year.
They agreed that the alliance remains the cornerstone of peace and stability in the region.
They also welcomed the new {MARKER} programme of their two navies.
"""

SCRIPT = """
import sys
from pathlib import Path


def main() -> None:
    package_root, seeds = sys.argv[1], Path(sys.argv[2])
    saved = sys.path[:]
    sys.path.insert(0, package_root)  # as MkDocs does while it loads a hook
    import alliance_archive.pipeline as pipeline

    sys.path[:] = saved
    assert pipeline.__file__.startswith(package_root), pipeline.__file__
    archive = pipeline.build_archive(seeds, jobs=2, budget_s=120)
    assert not archive.problems, archive.problems
    for s in archive.statements:
        print(s.id, " ".join(s.themes))


if __name__ == "__main__":  # a spawned worker imports this file too
    main()
"""


def test_workers_import_the_package_the_build_was_started_with(tmp_path: Path) -> None:
    copy = tmp_path / "hooks"
    shutil.copytree(
        ROOT / "hooks" / "alliance_archive",
        copy / "alliance_archive",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    themes = copy / "alliance_archive" / "data" / "themes.yml"
    text = themes.read_text(encoding="utf-8")
    start = text.index("\nclimate-energy:\n")
    at = text.index("  patterns:\n", start) + len("  patterns:\n")
    themes.write_text(text[:at] + f"    - '\\b{MARKER}\\b'\n" + text[at:], encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for number in range(3):
        text = SEED.replace("Tokyo", f"Tokyo ({number})")
        (seeds / f"plans-{number}.txt").write_text(text, encoding="utf-8")
    script = tmp_path / "run.py"
    script.write_text(textwrap.dedent(SCRIPT), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(copy), str(seeds)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 3, done.stdout
    assert all("climate-energy" in line.split()[1:] for line in lines), done.stdout
