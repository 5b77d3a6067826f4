"""Mutation testing of the pipeline package with mutmut: small faults put into the code one at a time,
each of which the test suite should catch.

mutmut names a mutant after the module path of the file it mutates and expects the package under ``src/``,
while the archive keeps it under ``hooks/``; so the run happens in a staged copy of the project
(``build/mutation/<modules>``) where the package sits at ``src/alliance_archive``. mutmut copies that
again into its ``mutants`` folder and runs the tests there, one mutant at a time. The report gathers the
results of every staged run, so modules mutated one at a time add up to the package's score.

    python scripts/mutation.py                  # every module, tests neither browser nor slow
    python scripts/mutation.py dates registry   # only these modules
    python scripts/mutation.py --tests "tests/test_dates.py -m 'not slow'" dates
    python scripts/mutation.py --report         # the score of the last run again

Prints the score per module (killed / total) and every surviving mutant with its diff; a survivor listed in
tests/mutation-equivalent.md (a change nothing observable depends on, with the reason) is marked as explained.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ROOT / "build" / "mutation"
PACKAGE = ROOT / "hooks" / "alliance_archive"
EQUIVALENT = ROOT / "tests" / "mutation-equivalent.md"
COPIED = ["tests", "docs", "overrides", "seeds", "mkdocs.yml", "hooks/archive.py"]
CAUGHT = {"killed", "timeout", "caught by type check", "segfault"}
DEFAULT_TESTS = ["-m", "not browser and not slow", "tests"]


def stage_dir(modules: list[str], every: bool) -> Path:
    return STAGES / ("all" if every else "+".join(modules))


def stage(stage: Path, modules: list[str], tests: list[str]) -> None:
    """A fresh copy of the project with the package under src/ and mutmut told what to mutate."""
    if STAGES.exists():
        # a run of some modules replaces the earlier runs of any of them
        for old in STAGES.iterdir():
            same = set(old.name.split("+")) & set(modules)
            if old.is_dir() and (old == stage or same or "all" in (old.name, stage.name)):
                shutil.rmtree(old)
    (stage / "src").mkdir(parents=True)
    shutil.copytree(PACKAGE, stage / "src" / "alliance_archive", ignore=shutil.ignore_patterns("__pycache__"))
    for name in COPIED:
        source, target = ROOT / name, stage / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    only = [f"src/alliance_archive/{module}.py" for module in modules]
    settings = [
        "[tool.mutmut]",
        'source_paths = ["src/alliance_archive"]',
        f"also_copy = {json.dumps([name.split('/')[0] for name in COPIED])}",
        f"pytest_add_cli_args_test_selection = {json.dumps(tests)}",
        f"only_mutate = {json.dumps(only)}",
        "use_git_change_detection = false",
        "",
    ]
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^\[tool\.mutmut\].*?(?=^\[|\Z)", "", text)
    (stage / "pyproject.toml").write_text(text + "\n" + "\n".join(settings), encoding="utf-8")


def equivalent_names() -> set[str]:
    """Mutant names listed in tests/mutation-equivalent.md (each on a heading or bullet, in backticks)."""
    if not EQUIVALENT.exists():
        return set()
    text = EQUIVALENT.read_text(encoding="utf-8")
    return set(re.findall(r"`(alliance_archive\.[\w.ǁ]+__mutmut_\d+)`", text))


def report(show_diffs: bool = True) -> int:
    """The figures of every staged run (one per module or group of modules mutated)."""
    from mutmut.stats import status_by_exit_code

    explained = equivalent_names()
    survivors: list[str] = []
    lines = []
    totals: Counter[str] = Counter()
    metas = sorted(STAGES.glob("*/mutants/src/alliance_archive/*.py.meta"), key=lambda p: p.name)
    where: dict[str, Path] = {}
    for meta in metas:
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        if not codes:
            continue
        statuses = {name: status_by_exit_code[code] for name, code in codes.items()}
        killed = sum(status in CAUGHT for status in statuses.values())
        unchecked = sum(status == "not checked" for status in statuses.values())
        left = sorted(name for name, status in statuses.items() if status not in CAUGHT | {"not checked"})
        module = meta.name.removesuffix(".py.meta")
        stage = meta.parents[3]
        if module not in stage.name.split("+") and stage.name != "all":
            continue
        where.update(dict.fromkeys(codes, stage))
        unexplained = [name for name in left if name not in explained]
        totals.update(killed=killed, total=len(codes), explained=len(left) - len(unexplained))
        lines.append(
            f"{module:12} {killed:4}/{len(codes):<4} killed  {100 * killed / len(codes):5.1f}%"
            f"   {len(left) - len(unexplained)} equivalent (explained), {len(unexplained)} unexplained"
            + (f", {unchecked} not checked (the run was stopped)" if unchecked else "")
        )
        survivors += [f"{name}  ({statuses[name]})" for name in unexplained]
    if not totals["total"]:
        print("no mutation results: run `make mutation` first")
        return 1
    print("== mutation score per module (killed / total)")
    print("\n".join(lines))
    print(
        f"{'all':12} {totals['killed']:4}/{totals['total']:<4} killed  "
        f"{100 * totals['killed'] / totals['total']:5.1f}%   {totals['explained']} equivalent (explained)"
    )
    print(f"== surviving mutants not explained in {EQUIVALENT.relative_to(ROOT)}: {len(survivors)}")
    for survivor in survivors:
        print("  ", survivor)
        if show_diffs:
            name = survivor.split()[0]
            shown = subprocess.run(
                [sys.executable, "-m", "mutmut", "show", name],
                cwd=where[name],
                capture_output=True,
                text=True,
            )
            print("\n".join("      " + line for line in shown.stdout.splitlines()[1:]))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("modules", nargs="*", help="module names to mutate (default: every module)")
    parser.add_argument("--tests", help="pytest selection, one string (default: neither browser nor slow)")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("MUTATION_WORKERS", "1")))
    parser.add_argument("--report", action="store_true", help="print the last run's figures again")
    parser.add_argument("--no-diffs", action="store_true", help="list survivors without their diffs")
    args = parser.parse_args()
    if not args.report:
        modules = args.modules or sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")
        unknown = [module for module in modules if not (PACKAGE / f"{module}.py").exists()]
        if unknown:
            parser.error(f"no such module in the package: {', '.join(unknown)}")
        where = stage_dir(modules, every=not args.modules)
        stage(where, modules, shlex.split(args.tests) if args.tests else DEFAULT_TESTS)
        run = subprocess.run(
            [sys.executable, "-m", "mutmut", "run", "--max-children", str(args.workers)],
            cwd=where,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        if run.returncode not in (0, 1):
            print(f"mutmut stopped with exit code {run.returncode}")
            return run.returncode
    return report(show_diffs=not args.no_diffs)


if __name__ == "__main__":
    sys.exit(main())
