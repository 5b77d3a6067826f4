"""Does low confidence point at the errors? Fields of gold-annotated texts ranked by confidence.

    .venv/bin/python scripts/confidence_check.py --gold ../shared/corpus [--gold DIR --raw DIR] [-v]

Every text is built by the pipeline; its title, date, speakers and places are each one field, with
the confidence of their evidence (the lowest among the speakers). A field is wrong when it differs from
the gold annotation (names compared by their words, places by containment, as the development scorer
does). Prints how many of the wrong fields fall in the lowest-confidence fifth of all fields.
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from alliance_archive.pipeline import build_archive
from alliance_archive.record import Statement


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"[\u2010-\u2015-]+", "-", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


def tokens(name: str) -> frozenset[str]:
    return frozenset(t for t in norm(name).replace("-", " ").replace(".", " ").split() if len(t) > 1)


def same_people(pred: list[str], gold: list[str]) -> bool:
    a, b = sorted(tokens(p) for p in pred), sorted(tokens(g) for g in gold)
    return len(a) == len(b) and all(any(x <= y or y <= x for y in b) for x in a)


def same_places(pred: list[str], gold: list[str]) -> bool:
    if len(pred) != len(gold):
        return False
    return all(any(norm(p) in norm(g) or norm(g) in norm(p) for g in gold) for p in pred)


def confidence(s: Statement, field: str) -> float:
    wanted = {
        "title": ("title",),
        "date": ("date", "date_range"),
        "speakers": ("speaker",),
        "places": ("places",),
    }
    values = [ev.confidence for ev in s.evidence if ev.field in wanted[field]]
    return min(values, default=1.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, action="append", required=True)
    ap.add_argument("--raw", type=Path, action="append", default=[])
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    golds = {}
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        seeds.mkdir()
        for gold_dir in args.gold:
            for gpath in sorted(gold_dir.glob("*.gold.yml")):
                g = yaml.safe_load(gpath.read_text(encoding="utf-8"))
                raw = next(d / g["file"] for d in [gold_dir, *args.raw] if (d / g["file"]).exists())
                shutil.copyfile(raw, seeds / g["file"])
                golds[g["file"]] = g
        archive = build_archive(seeds)
    fields: list[tuple[float, bool, str]] = []
    for s in archive.statements:
        g = golds[s.seed_name]
        checks = {
            "title": norm(s.title) == norm(g["title"]),
            "date": (s.date or None) == (str(g["date"]) if g.get("date") else None),
            "speakers": same_people(
                [p.name for p in s.speakers], [p["name"] for p in g.get("speakers") or []]
            ),
            "places": same_places(list(s.places), list(g.get("places") or [])),
        }
        for field, right in checks.items():
            fields.append((confidence(s, field), not right, f"{s.seed_name} {field}"))
    fields.sort(key=lambda f: f[0])
    fifth = math.ceil(len(fields) / 5)
    wrong = [f for f in fields if f[1]]
    low_wrong = [f for f in fields[:fifth] if f[1]]
    print(
        f"fields={len(fields)} wrong={len(wrong)} lowest_fifth={fifth} "
        f"wrong_in_lowest_fifth={len(low_wrong)} share={len(low_wrong) / len(wrong) if wrong else 1.0:.2f}"
    )
    if args.verbose:
        for conf, bad, what in fields:
            if bad:
                print(f"  wrong  {conf:.2f}  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
